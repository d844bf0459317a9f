"""Prose in Chinese or Japanese words around a formula (read/unicode_prose.py): the words are dropped, noted, and the
formula read (qiita.com/Matchlab/items/a95042a7080c1604aaf3 writes ``one-hot表現のときは$\\sum_{j=1}^n t_{pj} = 1$
であることを用いると``, github.com/walkerwzy/walker_jupyter_lab ``标签的定义为：$T = [T_1, T_2, T_3]$``); words alone
are refused naming them as prose; words inside a formula (e-com-net.com/article/1882284990574686208.htm:
``且已知 \\sum_{j=1}^{10}y_i=1,所以\\frac{\\partial L}{\\partial z_i}=p_i-y_i``, 所以 = therefore) are refused, as
dropping them would join two statements. Verdicts against autograd."""

from __future__ import annotations

import pytest
from autograd import grad

from symgrad.verify import verify

_OF = r"\frac{\partial L}{\partial w}"


def _right() -> bool:
    return abs(grad(lambda w: w**2 * 3.0)(0.5) - 2 * 0.5 * 3.0) < 1e-12  # dL/dw = 2wx (autograd)


@pytest.mark.parametrize("fact", [r"ここで、$x > 0$とします", r"其中 $x \in \mathbb{R}$ 是输入",
                                  r"x \in \mathbb{R} は入力", r"one-hot表現のときは$x > 0$であることを用いると"])
def test_a_formula_in_cjk_prose_is_read_and_the_words_noted(fact):
    assert _right()
    right = verify(r"2wx", of=_OF, define=[r"L = w^2 x"], given=[fact])
    assert right.verdict == "proved" and "Chinese, Japanese or Korean" in right.message
    assert verify(r"3wx", of=_OF, define=[r"L = w^2 x"], given=[fact]).verdict == "wrong"


@pytest.mark.parametrize("fact, word", [(r"x 是输入", "是输入"), (r"若 x = 1 则 w = 0", "则"),
                                        (r"$x = 1$ 所以 $w = 0$", "")])
def test_cjk_words_alone_or_inside_a_formula_are_refused_never_a_tokenizer_error(fact, word):
    v = verify(r"3wx", of=_OF, define=[r"L = w^2 x"], given=[fact])
    assert v.verdict == "unreadable" and "Chinese/Japanese/Korean" in v.message and word in v.message
    assert "unexpected character" not in v.message


def test_a_claim_in_cjk_prose_is_its_formula():
    assert verify(r"损失函数的导数为 $2wx$", of=_OF, define=[r"L = w^2 x"]).verdict == "proved"
    assert verify(r"损失函数的导数为 $3wx$", of=_OF, define=[r"L = w^2 x"]).verdict == "wrong"
