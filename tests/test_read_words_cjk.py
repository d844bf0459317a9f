"""Kinds stated in Chinese, Japanese or Korean words are read as the English sentence says them: the kind and size are
kept, never dropped with the words around them."""

import pytest

from symgrad.read.context import Context
from symgrad.read.facts import parse_given
from symgrad.read.words_cjk import kinds_in_cjk
from symgrad.verify import verify

_QUADRATIC = [r"f(\mathbf{x}) = \mathbf{x}^{T}\mathbf{R}\mathbf{x}"]


@pytest.mark.parametrize("given", [
    r"$n \times n$行列$\mathbf{R}$",  # freshrimpsushi.github.io/jp//posts/1926 (に対して after it)
    r"$n \times n$行列$\mathbf{R}$に対して",
    r"$\mathbf{R}$は$n \times n$行列とする",
    r"$\mathbf{R}$是一个$n \times n$矩阵",
])
def test_an_n_by_n_matrix_in_cjk_words_makes_R_plus_RT_x_the_gradient(given):
    assert verify(r"(\mathbf{R} + \mathbf{R}^{T})\mathbf{x}", of=r"\dfrac{\partial f(\mathbf{x})}{\partial \mathbf{x}}",
                  define=_QUADRATIC, given=[given]).verdict == "proved"
    assert verify(r"2\mathbf{R}\mathbf{x}", of=r"\dfrac{\partial f(\mathbf{x})}{\partial \mathbf{x}}",
                  define=_QUADRATIC, given=[given]).verdict == "wrong"


def test_a_bold_list_in_japanese_declares_each_an_m_by_n_matrix():
    """qiita (matchlab): "\\boldsymbol{X,Y,T}$は$m \\times n$行列"."""
    ctx = Context()
    parse_given(kinds_in_cjk(r"\boldsymbol{X,Y,T}$は$m \times n$行列"), ctx)
    assert [tuple(str(s) for s in ctx.tensors[k].shape) for k in "XYT"] == [("m", "n")] * 3
