"""Comparisons as code writes them in a fact or a case (x <= 0, alpha >= 1, i == j, i != j): the relation meant,
noted; code itself stays the code reader's."""

import sympy as sp

from symgrad import verify
from symgrad.read import Context, parse_assumption
from symgrad.read.given_comparisons import comparisons_spelled


def test_code_comparisons_are_the_relations_in_the_same_columns():
    notes: list[str] = []
    assert comparisons_spelled("alpha > 0 and x <=0", notes) == "alpha > 0 and x ≤ 0"
    assert notes and "<= read as ≤" in notes[0]
    assert comparisons_spelled("np.where(z>=0, 1, 0)", []) == "np.where(z>=0, 1, 0)"


def test_a_case_written_as_a_code_condition_is_the_case():
    i, j = sp.symbols("i j")
    assert str(parse_assumption("if (i == j)", Context())) == str(sp.Eq(i, j))
    assert str(parse_assumption("if (i != j)", Context())) == str(sp.Ne(i, j))


def test_a_branch_assumed_in_code_form_is_judged_on_it():
    define = [r"f = \max(0, x) + \min(0, \alpha x)"]
    right = verify(r"\frac{df}{dx} = 1 + \alpha", define=define, assume=["alpha <= 0 and x > 0"])
    wrong = verify(r"\frac{df}{dx} = 1", define=define, assume=["alpha <= 0 and x > 0"])
    assert right.verdict in ("proved", "agrees") and wrong.verdict == "wrong"
