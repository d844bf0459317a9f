"""h(x) = \\theta^T x with nothing shaping the parameter x: read as a number, theta^T x would be the row theta_j x,
and a loss summing h(x^{(i)}) over samples would carry that free index; the page means the inner product of two
vectors. Refused naming the declaration (read/claims._row_of_a_number). Declared, the same model is judged: the
gradient of 1/2 sum_i (theta^T x_i - y_i)^2 by theta_j is sum_i (theta^T x_i - y_i) x_ij (by hand)."""

from __future__ import annotations

import pytest

import symgrad


def test_a_row_valued_function_of_a_number_is_refused():
    v = symgrad.verify(r"\frac{\partial h}{\partial \theta_j} = x", define=[r"h(x) = \theta^T x"])
    assert v.verdict == "unreadable" and "h(x) is a row vector with x read as a number" in str(v), str(v)


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"\frac{\partial J}{\partial \theta_j} = \frac{1}{m}\sum_{i=1}^{m} (h(x^{(i)}) - y^{(i)}) x_j^{(i)}", "proved"),
    (r"\frac{\partial J}{\partial \theta_j} = \frac{1}{m}\sum_{i=1}^{m} (h(x^{(i)}) - y^{(i)})", "wrong")])
def test_a_declared_parameter_applied_to_a_sample_is_an_inner_product(claim, verdict):
    """h applied to sample i's row takes its entries x_ik (read/defined_functions._at_array); it took the whole
    array x and left a shape '(1,)' as a name. h's own summation index is renamed where the claim's j is taken."""
    v = symgrad.verify(claim, define=[r"h(v) = \theta^T v", r"J = \frac{1}{2m}\sum_{i=1}^{m} (h(x^{(i)}) - y^{(i)})^2"],
                       given=[r"v \in \mathbb{R}^n, \theta \in \mathbb{R}^n, x^{(i)} \in \mathbb{R}^{n}"])
    assert v.verdict == verdict and "Σ_{j=1}^{n}" not in str(v), str(v)


@pytest.mark.parametrize(("define", "claim"), [
    (r"f(x)= \dfrac{1}{2} \Vert A^Tx \Vert^2 - b^Tx", r"\nabla f(x) = A^TA x - b"),  # AA^T x - b is right
    (r"J(w) = -\frac{1}{m} (y^T\log(h) + (1 - y)^T\log(1 - h))",
     r"\frac{\partial}{\partial{w}}J(w) = \frac{1}{m}X[\sigma(Xw) - y]")])  # X^T [...] is right
def test_wrong_claims_are_not_proved_through_a_number_read_parameter(define, claim):
    """With x (w) read as a number, A (X) and the rest were numbers too and the transposes vanished: these wrong
    claims (a transpose misplaced or lost) were proved. Refused now, naming the declaration, or (A^T of a letter still
    a number at the end: read/arrays.transposed_numbers) read by the convention, A a matrix, and judged wrong."""
    v = symgrad.verify(claim, define=[define, r"h = \sigma(Xw)"] if "J(w)" in define else [define])
    assert v.verdict == "unreadable" and "read as a number" in str(v) or \
        v.verdict == "wrong" and "A a n x d matrix" in str(v), str(v)
