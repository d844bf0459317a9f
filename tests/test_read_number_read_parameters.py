"""A function whose parameter nothing shapes is read with it a number; when its value is then an array (h(v) =
\\theta v with theta a vector: the column theta_j v) and it is applied to an array (h(x^{(i)}), sample i's row), the
entry-by-entry substitution (theta_j x_ij) is no product the page can mean: refused, naming the parameter to declare
(read/defined_functions; h(v) = \\theta^T v is refused where it is defined, test_read_row_of_a_number). A function of a
number applied to an array (the sigmoid of z) still acts entry by entry: d/dz_j sum_i s(z_i) = s(z_j)(1 - s(z_j))."""

from __future__ import annotations

import pytest

import symgrad

GRADIENT = r"\frac{\partial J}{\partial \theta_j} = \frac{1}{m}\sum_{i=1}^{m}(\theta^T x^{(i)}-y^{(i)})x_j^{(i)}"


def test_a_number_read_parameter_of_an_array_valued_function_is_refused():
    v = symgrad.verify(GRADIENT, define=[r"J(\theta)=\frac{1}{2m}\sum_{i=1}^{m}(h(x^{(i)})-y^{(i)})^2",
                                         r"h(v)=\theta v"],
                       given=[r"x^{(i)} \in \mathbb{R}^n, \theta \in \mathbb{R}^n"])
    assert v.verdict == "unreadable" and "h(v) was read with v a number" in str(v), str(v)


@pytest.mark.parametrize(("claim", "verdict"), [(r"\frac{\partial L}{\partial z_j} = s(z_j)(1 - s(z_j))", "proved"),
                                                (r"\frac{\partial L}{\partial z_j} = s(z_j)", "wrong")])
def test_a_function_of_a_number_applied_to_a_vector_acts_entry_by_entry(claim, verdict):
    v = symgrad.verify(claim, define=[r"s(t) = \frac{1}{1 + e^{-t}}", r"L = \sum_{i=1}^{n} s(z_i)"],
                       given=[r"z \in \mathbb{R}^n"])
    assert v.verdict == verdict, str(v)
