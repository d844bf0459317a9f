"""A primed parameter of a definition's head is a name of its own: the Gaussian process kernel ``K(x, x') = \\sigma^2
\\exp(-(x - x')^T(x - x') / 2l^2)`` of two inputs x and x' (math.SE 1030534), read with x' a fresh letter wherever it
is written, noted; a prime anywhere else keeps its meaning."""

from __future__ import annotations

import pytest

from symgrad.read import Context
from symgrad.read.shapes_prescan import declare_indexed
from symgrad.verify import verify

_KERNEL = r"$$K(x,x') = \sigma^2\exp\left(\frac{-(x-x')^T(x-x')}{2l^2}\right)$$"
_R = "(x-x')^T(x-x')"


@pytest.mark.parametrize(("factor", "verdict"), [(rf"\frac{{{_R}}}{{l^3}}", "proved"),
                                                 (rf"\frac{{{_R}}}{{l^2}}", "wrong"),
                                                 (r"\frac{(x-x')^T(x+x')}{l^3}", "wrong")])
def test_rbf_kernel_derivative_by_the_length_scale_reads_x_prime_as_a_second_input(factor: str, verdict: str) -> None:
    claim = rf"$$\frac{{\partial K}}{{\partial l}} = \sigma^2\exp\left(\frac{{-{_R}}}{{2l^2}}\right) {factor}$$"
    v = verify(claim, define=[_KERNEL])
    assert v.verdict == verdict, str(v)
    assert "x' read as a name of its own" in str(v), str(v)


def test_only_a_primed_letter_of_a_heads_parameter_list_is_renamed() -> None:
    ctx = Context()
    declare_indexed(ctx, [r"f(x) = x' x", r"g(a, b') = a b'"], [r"f(x) = x' x", r"g(a, b') = a b'"])
    assert list(ctx.primed_names) == ["b"]
    assert ctx.primed_names["b"] not in "fxgab"
