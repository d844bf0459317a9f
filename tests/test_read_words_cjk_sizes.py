"""A size alone in Chinese words ('x是$n \\times p$', 'dW的大小和W一样是$m \\times n$': dW's size, like W's, is m x n):
a matrix of that shape, for each name the sentence gives it."""

from symgrad import verify
from symgrad.read import Context, parse_given
from symgrad.read.words_cjk import kinds_in_cjk


def test_a_size_alone_is_a_matrix_of_that_shape_for_each_name():
    assert kinds_in_cjk(r"x是$n \times p$") == r"x is a n \times p matrix"
    assert kinds_in_cjk(r"dW的大小和W一样是$m \times n$") == r"dW, W are m \times n matrices"
    ctx = Context()
    parse_given(kinds_in_cjk(r"dD和D一样是$m \times p$"), ctx)
    assert [str(s) for s in ctx.tensors["D"].shape] == ["m", "p"]


def test_a_gradient_by_a_matrix_sized_in_chinese_words_is_judged():
    claim = r"\frac{\partial}{\partial \mathbf{x}} (\mathbf{y}^T W \mathbf{x}) = {} W^T \mathbf{y}"
    right = verify(claim.replace("{}", ""), given=[r"W是$m \times n$"])
    wrong = verify(claim.replace("{}", "2"), given=[r"W是$m \times n$"])
    assert right.verdict in ("proved", "agrees") and wrong.verdict == "wrong"
