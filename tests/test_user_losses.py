"""The user-loss suite (issue 10, item 6): losses typed the way practitioners write them in LaTeX, compiled by symgrad
and compared, loss and every gradient, with autograd on a hand-written autograd.numpy reference.

Each case runs at every input kind that applies to it (random, x1e3, exact zeros, offsets 1e4 and 1e6) in float64
and float32; ``user_losses.evaluate`` states the truth (longdouble autograd) and the tolerance (float64: 1e-7 of
the quantity's size, float32: 1e-4, plus 10x autograd's own error in that dtype, plus 100 ulps of the largest
number compared). A case is right, or refused with a one-line ``SymgradError`` that names what it does not take
(``REFUSED``). Silently wrong numbers, non-finite numbers where the truth is finite, crashes and refusals that do
not say what is unsupported are failures; those that happen today are strict xfails with the defect (``XFAIL``).
"""

from __future__ import annotations

import inspect

import numpy as np
import pytest
from user_losses import CASES, case, classification, layers, matrix, metric, probabilistic, regression, spellings
from user_losses.evaluate import DTYPES, KINDS, applies, evaluate, judge
from user_losses.refusals import REFUSED

FAMILIES = (regression, classification, metric, probabilistic, layers, matrix, spellings)
BY_ID = {c.id: c for c in CASES}

# every (kind, dtype) pair
ALL = tuple((k, d) for k in KINDS for d in DTYPES)

# case -> (the defect, one line; the (kind, dtype) points where it shows)
XFAIL: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {}


def _params() -> list:
    out = []
    for c in CASES:
        defect, where = XFAIL.get(c.id, ("", ()))
        for kind in KINDS:
            if not applies(c, kind):
                continue
            for dtype in DTYPES:
                marks = [pytest.mark.xfail(strict=True, reason=defect)] if (kind, dtype) in where else []
                out.append(pytest.param(c.id, kind, dtype, marks=marks, id=f"{c.id}-{kind}-{dtype}"))
    return out


def test_the_suite_has_at_least_80_losses_with_unique_ids_from_every_family():
    assert len(CASES) >= 80 and len(BY_ID) == len(CASES)
    assert {c.family for c in CASES} == {m.__name__.rsplit(".", 1)[-1] for m in FAMILIES}


def test_references_are_written_in_autograd_numpy_without_symgrad():
    for module in (*FAMILIES, case):
        source = inspect.getsource(module)
        assert "import autograd.numpy as anp" in source and "import symgrad" not in source
        assert "from symgrad" not in source


def test_every_case_moves_only_its_own_inputs_and_names_known_domains():
    for c in CASES:
        names = set(inspect.signature(c.reference).parameters)
        assert set(c.scale) | set(c.zero) | set(c.offset) | set(c.domain) <= names, c.id
        assert set(c.domain.values()) <= set(case.DOMAINS), c.id


def test_xfail_and_refused_tables_name_existing_cases_and_points():
    assert set(REFUSED) | set(XFAIL) <= set(BY_ID)
    for cid, (defect, where) in XFAIL.items():
        assert defect and "\n" not in defect and set(where) <= set(ALL), cid


def test_the_judge_calls_a_slightly_wrong_gradient_silently_wrong_and_nan_non_finite():
    truth = [np.longdouble(2.0), np.array([1.0, -3.0], dtype=np.longdouble)]
    names = ["L", "dL/dw"]
    assert judge(names, [2.0, np.array([1.0, -3.0])], truth, truth, "float64").kind == "right"
    assert judge(names, [2.0, np.array([1.0, -3.0 + 1e-6])], truth, truth, "float64").kind == "silently wrong"
    assert judge(names, [2.0, np.array([1.0, -3.0 + 1e-6])], truth, truth, "float32").kind == "right"
    assert judge(names, [2.0, np.array([np.nan, -3.0])], truth, truth, "float64").kind == "non-finite"
    assert judge(names, [2.0, np.array([1.0])], truth, truth, "float64").kind == "silently wrong"  # a shape slip
    infinite = [np.longdouble(np.inf), truth[1]]
    assert judge(names, [np.inf, np.array([1.0, -3.0])], infinite, infinite, "float64").kind == "n/a"


def test_the_judge_allows_ten_times_autograds_own_error_and_no_more():
    truth = [np.longdouble(1.0)]
    own = [np.longdouble(1.0 + 1e-5)]  # autograd itself is off by 1e-5 here (a cancelling formula)
    assert judge(["L"], [1.0 + 9e-5], truth, own, "float64").kind == "right"
    assert judge(["L"], [1.0 + 2e-4], truth, own, "float64").kind == "silently wrong"


@pytest.mark.parametrize(("case_id", "kind", "dtype"), _params())
def test_user_loss_is_right_or_refused_by_name_never_silently_wrong(case_id, kind, dtype):
    outcome = evaluate(BY_ID[case_id], kind, dtype)
    if case_id in REFUSED and outcome.kind == "refused":
        assert REFUSED[case_id] in outcome.detail and "\n" not in outcome.detail, outcome.detail
        return
    assert outcome.kind == "right", f"{outcome.kind}: {outcome.detail}"
