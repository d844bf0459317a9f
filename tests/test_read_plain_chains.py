"""In plain text (no backslash anywhere), a line with no = after an equation line is the chain's next member whose
= was lost in copying (held out 1 geekanswers-839205: its second line was multiplied onto the first, and a right
claim was judged wrong); a line that opens with an operator continues the line before, as in LaTeX."""

import symgrad

DEFINE = ["L = x^2*y"]


def test_a_plain_line_without_equals_is_the_next_member():
    right = symgrad.verify("dL/dx = 2*x*y\nx*y + x*y", define=DEFINE)
    wrong = symgrad.verify("dL/dx = 2*x*y\nx*y + x", define=DEFINE)
    assert right.verdict == "proved", right.message
    assert wrong.verdict == "wrong" and "Link 2" in wrong.message


def test_a_plain_line_opening_with_an_operator_continues_the_line_before():
    v = symgrad.verify("dL/dx = x*y\n+ x*y", define=DEFINE)
    assert v.verdict == "proved", v.message
