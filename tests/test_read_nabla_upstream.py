"""``\\nabla_g L = \\frac{\\nabla_{\\mathbf w}L \\cdot \\mathbf{v}}{||\\mathbf{v}||}`` with only w = g v / ||v|| defined (weight
normalisation): L is a loss the page never defines, known through its upstream gradient, which the claim writes as
\\nabla_w L (as it may write \\frac{\\partial L}{\\partial w}); and \\nabla_w L \\cdot v is the gradient dotted with v, the
nabla binding to the one name before \\cdot (the directional derivative's reading), not \\nabla_w (L v), a Jacobian.
Held out 10 fresh10-weightnorm-senliuy-dg and its mutation."""

from __future__ import annotations

import numpy as np
import sympy as sp
from autograd import grad
from autograd import numpy as anp

import symgrad
from symgrad import parse

W = r"\mathbf{w} = \frac{g}{||\mathbf{v}||} \mathbf{v}"


def test_the_weight_norm_gradient_by_g_agrees_with_autograd():
    rng = np.random.default_rng(0)
    v, u, g = rng.normal(size=4), rng.normal(size=4), 0.7  # L(w) = u . w: its upstream gradient is u
    by_g = grad(lambda s: anp.dot(u, s * v / anp.linalg.norm(v)))(g)
    assert np.isclose(by_g, u @ v / np.linalg.norm(v), rtol=1e-12)  # the claim's form, checked independently
    right = symgrad.verify(r"\nabla_g L = \frac{\nabla_{\mathbf w}L \cdot \mathbf{v}}{||\mathbf{v}||}", define=[W])
    assert right.verdict == "proved", str(right)
    assert "L (not defined) read as a scalar function of w" in str(right)


def test_a_squared_norm_in_the_denominator_is_wrong():
    slip = symgrad.verify(r"\nabla_g L = \frac{\nabla_{\mathbf w}L \cdot \mathbf{v}}{||\mathbf{v}||^2}", define=[W])
    assert slip.verdict == "wrong", str(slip)


def test_nabla_binds_to_the_one_name_before_a_dot():
    ctx = parse.Context()
    parse.parse_given(r"\mathbf{a}, \mathbf{x} \in \mathbb{R}^n", ctx)
    parse.parse_definition(r"f = \mathbf{x}^T \mathbf{x}", ctx)
    dotted = parse.parse_expression(r"\nabla_{\mathbf x} f \cdot \mathbf{a}", ctx)
    (term, (i, _, _)), = [(s.function, s.limits[0]) for s in dotted.atoms(sp.Sum)]
    a, x = ctx.tensors["a"], ctx.tensors["x"]
    assert term == sp.Derivative(sp.Symbol("f"), x[i]) * a[i]  # (grad f) . a, not grad (f a)


def test_the_trace_after_a_nabla_is_no_undefined_loss():
    v = symgrad.verify(r"\nabla_X tr(X^TAX) = (A + A^T) X", given=[r"A \in \mathbb{R}^{m \times m}",
                                                                    r"X \in \mathbb{R}^{m \times n}"])
    assert v.verdict == "proved", str(v)
