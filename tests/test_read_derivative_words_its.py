"""``--of`` in words for "its" derivative, or of "this term" or "the loss", by a variable (``its partial derivate for
y_pred``; derivate and derivation as pages in a second language write derivative): the derivative of the page's
formula, as the operator alone reads."""

from symgrad import verify
from symgrad.read.sentences import derivative_in_words


def test_its_derivative_for_a_variable_is_the_operator_alone():
    assert derivative_in_words("its partial derivate for y_pred") == r"\frac{\partial}{\partial y_pred}"
    assert derivative_in_words("the derivation of this term to x") == r"\frac{\partial}{\partial x}"
    assert derivative_in_words("the partial derivate of loss for y") == r"\frac{\partial}{\partial y}"
    assert derivative_in_words("its derivative for all x") is None


def test_its_partial_derivate_judges_right_and_wrong():
    define = ["-(y log sigmoid(z)+(1-y)log (1- sigmoid(z)))"]
    assert verify("sigmoid(z)-y", of="its partial derivate for z", define=define).verdict == "proved"
    assert verify("y-sigmoid(z)", of="its partial derivate for z", define=define).verdict == "wrong"
