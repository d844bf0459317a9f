"""``--of`` by an expression the definitions write verbatim (``dZ/d(X.dot(self.W1) + self.b1)``, the derivative at
the pre-activation): read as a fresh name written in its place, noted; left alone where the claim or the definitions
use the expression's names apart from it."""

from symgrad import verify
from symgrad.verify.by_an_expression import by_an_expression

DEFINE = [r"Z = \tanh(XW + b)"]


def test_the_expression_becomes_a_fresh_name_everywhere():
    claim, of, define, notes = by_an_expression("1 - Z^2", r"\frac{\partial Z}{\partial (XW+b)}", DEFINE)
    assert (claim, of, define) == ("1 - Z^2", r"\frac{\partial Z}{\partial a}", [r"Z = \tanh(a)"]) and notes
    assert by_an_expression(r"1 - \tanh(X)^2", r"\frac{\partial Z}{\partial (XW+b)}", DEFINE)[3] == []
    assert by_an_expression("1 - Z^2", r"\frac{\partial Z}{\partial (XW+b)}", [r"Z = \tanh(XW + b) W"])[3] == []


def test_by_the_pre_activation_judges_right_and_wrong():
    code = ["Z = np.tanh(X.dot(self.W1) + self.b1)"]
    right = verify("(1 - Z*Z)", of="dZ/d(X.dot(self.W1) + self.b1)", define=code)
    assert right.verdict == "proved" and "read as a name a written in its place" in right.message
    assert verify("(1 - Z)", of="dZ/d(X.dot(self.W1) + self.b1)", define=code).verdict == "wrong"
