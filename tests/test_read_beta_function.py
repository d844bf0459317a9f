"""``\\Beta(\\alpha, \\beta)`` (KaTeX's capital Beta) applied to two arguments: the beta function, read as
Gamma(a) Gamma(b) / Gamma(a + b)."""

from __future__ import annotations

import sympy as sp

from symgrad.read import Context, parse_expression
from symgrad.verify import verify

LOG_BETA_DENSITY = (r"\log{p(x \mid \alpha, \beta)} = (\alpha - 1) \log{x} + (\beta - 1) \log{(1 - x)} "
                    r"- \log{\Beta (\alpha, \beta)}")


def test_beta_of_two_arguments_is_the_beta_function():
    a, b = sp.symbols("alpha beta")
    value = parse_expression(r"\Beta(\alpha, \beta)", Context(), strict=False)
    assert sp.simplify(value - sp.gamma(a) * sp.gamma(b) / sp.gamma(a + b)) == 0


def test_the_log_beta_density_differentiated_by_x():
    right = r"\frac{\partial \log{p(x \mid \alpha, \beta)}}{\partial x} = \frac{\alpha - 1}{x} - \frac{\beta -1}{1 - x}"
    v = verify(right, define=[LOG_BETA_DENSITY])
    assert v.verdict == "proved", v.message
    assert "beta function" in v.message
    slip = r"\frac{\partial \log{p(x \mid \alpha, \beta)}}{\partial x} = \frac{\alpha - 1}{x} + \frac{\beta -1}{1 - x}"
    assert verify(slip, define=[LOG_BETA_DENSITY]).verdict == "wrong"

