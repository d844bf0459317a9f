"""``np.tile(v, (n, 1))`` in pasted code: the vector v stacked as n rows (1_n v^T), so that a row-wise shift or
normalisation written with tile reads as the page means it; tilings that join copies end to end are refused.
Verdicts are checked against autograd."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import grad
from test_read_code import read  # an expression read after its facts

from symgrad.errors import ParseError
from symgrad.verify import verify

RNG = np.random.default_rng(11)
# the smooth maximum of each row of x about a shift m: y = m + log(sum_j exp(alpha (x_ij - m_i))) / alpha
SMOOTH_MAX = ["h = x - (np.tile(m, (n, 1))).T", "expo = np.exp(alpha*h)", "sumexpo = expo.sum(axis=1)",
              "L = np.log(sumexpo)/alpha", "y = L + m"]


@pytest.mark.parametrize("code, x_shape", [("np.tile(m, (4, 1)) - x", "4 \\times 3"),
                                           ("np.tile(m, (n, 1)).T - x", "3 \\times n")])
def test_tile_of_a_vector_stacks_it_as_rows(code, x_shape):
    got = read(code, r"m \in \mathbb{R}^{3}", rf"x \in \mathbb{{R}}^{{{x_shape}}}")
    x_entry = next(a for a in got.atoms(sp.Indexed) if a.base.label.name == "x")
    row, col = x_entry.indices
    m_entry = next(a for a in got.atoms(sp.Indexed) if a.base.label.name == "m")
    # entry (i, j) of the stack is m_j, of its transpose m_i
    assert m_entry.indices == ((col,) if code.endswith(")) - x") else (row,))
    assert got == m_entry - x_entry


def _smooth_max_sum(alpha, x, m):
    h = x - m[:, None]
    return anp.sum(m + anp.log(anp.sum(anp.exp(alpha * h), axis=1)) / alpha)


@pytest.mark.parametrize("claim, drops_l, verdict", [
    ("dydalpha = ((h*expo).sum(axis=1)/sumexpo - L)/alpha", False, "proved"),
    ("dydalpha = ((h*expo).sum(axis=1)/sumexpo)/alpha", True, "wrong"),
])
def test_row_smooth_max_by_its_temperature_is_judged_as_autograd_says(claim, drops_l, verdict):
    v = verify(claim, define=SMOOTH_MAX)
    alpha, x, m = 1.3, RNG.normal(size=(3, 4)), RNG.normal(size=3)
    h = x - m[:, None]
    e = np.exp(alpha * h)
    big_l = np.log(e.sum(axis=1)) / alpha
    claimed = (((h * e).sum(axis=1) / e.sum(axis=1)) - (0 if drops_l else big_l)) / alpha
    assert v.verdict == verdict
    assert np.isclose(grad(_smooth_max_sum)(alpha, x, m), claimed.sum(), atol=1e-8) == (verdict == "proved")
    assert "np.tile(v, (n, 1)) read as v stacked as n rows" in v.message


@pytest.mark.parametrize("code", ["np.tile(m, n) ** 2", "np.tile(m, (1, n)) ** 2", "np.tile(m) ** 2"])
def test_a_tiling_that_joins_copies_end_to_end_is_refused_by_name(code):
    with pytest.raises(ParseError) as err:
        read(code)
    assert "np.tile(v, (n, 1))" in str(err.value) and err.value.column == 1
