"""symgrad.read definite integrals (issue 9): ``\\int_{a}^{b} f(t)\\,dt`` is a ``sympy.Integral`` over the bound variable,
so that a function defined by an integral (the normal CDF in GELU, the error function) differentiates by the
fundamental theorem of calculus. References are math.erf and autograd, never symgrad."""

from __future__ import annotations

import math

import pytest
import sympy as sp

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.read import Context, parse_expression

X = sp.Symbol("x")

# the differential as pages write it: dt, \,dt, \mathrm{d}t, \mathrm d t, \text{d}\tau, with limits in braces or not
SPELLINGS = [
    r"\int_{-\infty}^{x} \frac{1}{\sqrt{2\pi}} e^{-\frac{t^2}{2}} dt",  # GELU notes (corpus fresh3-gelu-mastertrevor)
    r"\int_{-\infty}^x \frac{1}{\sqrt{2\pi}} e^{-t^2/2} \, dt",
    r"\int\limits_{-\infty}^{x} \frac{1}{\sqrt{2\pi}} e^{-\frac{t^2}{2}}\,\mathrm{d}t",
    r"\frac{1}{\sqrt{2\pi}} \int_{-\infty}^{x} e^{-\frac{\tau^2}{2}} \text{d}\tau",
    r"\int_{-\infty}^{x} \frac{1}{\sqrt{2\pi}} \exp\left(-\frac{u^2}{2}\right) \mathrm d u",
]


@pytest.mark.parametrize("latex", SPELLINGS)
def test_the_normal_cdf_written_as_an_integral_is_the_normal_cdf(latex):
    """Phi(x) = (1 + erf(x / sqrt 2)) / 2, checked against math.erf at three points."""
    value = parse_expression(latex, Context())
    for x in (-1.3, 0.0, 0.7):
        assert float(value.subs(X, x)) == pytest.approx((1 + math.erf(x / math.sqrt(2))) / 2, rel=1e-12)


def test_the_error_function_as_an_integral_from_zero_is_math_erf():
    """erf(x) = 2/sqrt(pi) \\int_0^x e^{-t^2} dt, as https://math.techqa.club/...-3373569 quotes it."""
    value = parse_expression(r"{\frac {2}{\sqrt {\pi }}}\int _{0}^{x}e^{-t^{2}}\,dt", Context())
    assert float(value.subs(X, 0.4)) == pytest.approx(math.erf(0.4), rel=1e-12)


def test_gelu_by_its_integral_cdf_differentiates_by_the_fundamental_theorem():
    """d/dx x Phi(x) = Phi(x) + x phi(x); the same claim with a minus is wrong (autograd agrees below)."""
    from autograd import grad
    from autograd.scipy.special import erf

    gelu = lambda x: x * (1 + erf(x / 2 ** 0.5)) / 2
    phi = lambda x: math.exp(-x * x / 2) / math.sqrt(2 * math.pi)
    cdf = lambda x: (1 + math.erf(x / math.sqrt(2))) / 2
    assert grad(gelu)(0.8) == pytest.approx(cdf(0.8) + 0.8 * phi(0.8), rel=1e-12)
    given = [SPELLINGS[0], r"\phi(x) = \frac{1}{\sqrt{2\pi}} e^{-\frac{x^2}{2}}"]
    given[0] = r"\Phi(x) = " + given[0]
    right = verify(r"\frac{d}{dx} \text{GELU}(x) = \Phi(x) + x \cdot \phi(x)", define=[r"\text{GELU}(x) = x \cdot \Phi(x)"],
                   given=given)
    assert right.verdict == "proved" and "definite integral over t" in right.message
    assert verify(r"\frac{d}{dx} \text{GELU}(x) = \Phi(x) - x \cdot \phi(x)", define=[r"\text{GELU}(x) = x \cdot \Phi(x)"],
                  given=given).verdict == "wrong"


def test_an_integral_with_no_closed_form_still_differentiates_by_its_upper_limit():
    """F(x) = \\int_a^x f(t) dt has F' = f (the fundamental theorem as a calculus page states it); here
    f(t) = e^{-t^4}, which SymPy leaves as an integral."""
    v = verify(r"\frac{dF}{dx} = e^{-x^4}", define=[r"F = \int_{0}^{x} e^{-t^4} \, dt"])
    assert v.verdict in ("proved", "agrees")
    value = parse_expression(r"\int_{0}^{x} e^{-t^4} \, dt", Context())
    assert value.has(sp.Integral) and sp.diff(value, X) == sp.exp(-X**4)


@pytest.mark.parametrize("latex, says", [
    (r"\int e^{-t^2} dt", "both limits"),
    (r"\int_0^x e^{-t^2}", "differential"),
    (r"\int_0^x \frac{dt}{1 + t^2}", "differential"),
])
def test_an_integral_symgrad_cannot_read_is_refused_saying_what_to_write(latex, says):
    with pytest.raises(ParseError, match=says):
        parse_expression(latex, Context())
