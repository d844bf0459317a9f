"""A shape comment after a formula (``p = softmax(z)   # [k]``), as plain-text code blocks write them: checked against
the value's shape, not dropped; another size or number of axes is refused naming both."""

from __future__ import annotations

from symgrad.verify import verify

GIVEN = [r"z \in \mathbb{R}^{k}"]
JACOBIAN = r"\frac{\partial p_i}{\partial z_j} = p_i(\delta_{ij} - p_j)"


def test_a_shape_comment_that_agrees_is_noted():
    v = verify(JACOBIAN, define=["p = softmax(z)   # [k]"], given=GIVEN)
    assert v.verdict == "proved", v.message
    assert "# [k]" in v.message
    assert verify(r"\frac{\partial p_i}{\partial z_j} = p_i(1 - p_j)", define=["p = softmax(z)   # [k]"],
                  given=GIVEN).verdict == "wrong"


def test_a_shape_comment_that_disagrees_is_refused():
    v = verify(JACOBIAN, define=["p = softmax(z)   # [m]"], given=GIVEN)
    assert v.verdict == "unreadable" and "size k does not match size m" in v.message, v.message
    v = verify(JACOBIAN, define=["p = softmax(z)   # [m, k]"], given=GIVEN)
    assert v.verdict == "unreadable" and "2 axes" in v.message, v.message


def test_a_comment_in_words_is_not_read():
    v = verify(JACOBIAN, define=["p = softmax(z)   # the probabilities"], given=GIVEN)
    assert v.verdict == "unreadable" and "unexpected #" in v.message, v.message
