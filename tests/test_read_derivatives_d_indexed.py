"""Backprop formulas written per element: ``dg_i = x_i / r dy_i`` with y_i = x_i g_i / r defined, d + an array's
element (the array known, the element's index written on it: dg_i, dW_{ij}) is the loss's derivative by that element,
\\frac{\\partial L}{\\partial g_i}, dy_i the upstream gradient's element (before: 'name d is not defined'). The
gradient of RMSNorm's scale, held out 10 fresh10-rmsnorm-hicann-dg (its definition there names the output by its
function, RmsNorm(x_i), which stays unread)."""

from __future__ import annotations

import symgrad

RMS = r"y_i=\frac{x_i}{r} g_i, \quad \text{where } r=\sqrt{\frac{1}{n} \sum_{j=1}^n x_j^2+\epsilon}"


def test_an_element_of_a_known_array_after_d_is_the_derivative_by_that_element():
    v = symgrad.verify(r"dg_i = \frac{x_i}{r} dy_i", define=[RMS])
    assert v.verdict == "proved", str(v)
    assert r"dg_i (d + a name, not defined) read as \frac {\partial L}{\partial g_i}" in str(v)


def test_a_slip_in_the_element_formula_is_wrong():
    assert symgrad.verify(r"dg_i = \frac{x_i}{r^2} dy_i", define=[RMS]).verdict == "wrong"


def test_the_upstream_gradient_after_a_parenthesis_is_found():
    """``(dy_i * g_i - ...)``: dy after ( is still the word dy (before: '(dy', and 'L is not defined')."""
    right = r"dx_i= (dy_i * g_i - \frac{x_i}{r} * \frac{1}{n}\sum_{j=1}^n (dy_j * g_j * \frac{x_j}{r})) * \frac{1}{r}"
    assert symgrad.verify(right, define=[RMS]).verdict == "proved"
    assert symgrad.verify(right.replace("dy_j * g_j", "dy_j"), define=[RMS]).verdict == "wrong"
