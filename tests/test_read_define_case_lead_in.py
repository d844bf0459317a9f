"""A definition led in by a case (``For $i = j$, $p_i = x$.``): the case is no definition of i, so the string is not
read as two definitions (it was read as i := j and a name p_i); it is refused, never guessed."""

import symgrad


def test_a_case_before_a_definition_defines_nothing():
    v = symgrad.verify(claim=r"\frac{\partial L}{\partial x} = 2x", define=[r"For $i = j$, $p_i = x$.", r"L = p_i^2"])
    assert v.verdict == "unreadable" and "read as 2 definitions" not in v.message, v.message
