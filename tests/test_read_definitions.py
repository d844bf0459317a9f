"""symgrad.read definitions as pages write them (issue 9, item 3): an index free on the right only."""

from __future__ import annotations

import numpy as np
import sympy as sp
from autograd import grad
from autograd import numpy as anp

from symgrad import verify
from symgrad.read import Context, parse_definition

PER_OUTPUT = r"E = \left(t-\sigma\left(\sum_j w_{jk} o_j\right)\right)^2"
BOOK = r"-2\left(t-\sigma\left(\sum_j w_{jk} o_j\right)\right) \sigma\left(\sum_j w_{jk} o_j\right)\left(1-\sigma\left(\sum_j w_{jk} o_j\right)\right) o_j"


def test_an_index_free_on_the_right_only_defines_one_name_per_index():
    implicit, explicit = Context(), Context()
    got = parse_definition(PER_OUTPUT, implicit)
    want = parse_definition(PER_OUTPUT.replace("E =", "E_k ="), explicit)
    assert got.lhs == want.lhs and got.rhs == want.rhs
    assert any("E read as E_{k}" in n for n in implicit.notes)


def test_the_bare_name_of_such_a_family_is_its_element_at_that_index():
    v = verify(BOOK, of=r"\frac{\partial E}{\partial w_{jk}}", define=[PER_OUTPUT])
    assert v.verdict in ("proved", "agrees") and "E read as E_{k}" in v.message


def test_the_same_derivative_without_the_input_factor_is_wrong():
    claim = BOOK.removeprefix("-").removesuffix(" o_j")
    assert verify(claim, of=r"\frac{\partial E}{\partial w_{jk}}", define=[PER_OUTPUT]).verdict == "wrong"


def test_a_term_after_a_sums_body_writing_its_index_is_read_inside_the_sum_and_noted():
    """The cross-entropy cost as pages write it without brackets: the second term writes the sum's index i, so it is
    the sum's (read/sums, noted; it was refused naming two readings before session 9). By hand,
    dJ/dh_i = -(1/m)(y_i/h_i - (1 - y_i)/(1 - h_i)); the term left out is a wrong claim."""
    cost = r"J = -\frac{1}{m} \sum_{i=1}^{m} y_i \log h_i + (1 - y_i) \log(1 - h_i)"
    right = verify(r"\frac{\partial J}{\partial h_i} = -\frac{1}{m}\left(\frac{y_i}{h_i} - \frac{1 - y_i}{1 - h_i}\right)",
                   define=[cost])
    assert right.verdict == "proved" and "read inside the sum" in right.message
    assert verify(r"\frac{\partial J}{\partial h_i} = -\frac{1}{m}\frac{y_i}{h_i}", define=[cost]).verdict == "wrong"


def test_a_family_over_two_indices_is_indexed_by_both_in_name_order():
    d = parse_definition(r"L = (a_i - b_j)^2", Context())
    i, j = sorted(d.rhs.free_symbols - {s for s in d.rhs.free_symbols if not isinstance(s, sp.Idx)}, key=str)
    assert d.lhs.indices == (i, j)


def _one_neuron_cost_gradient_by_w(w, b, y):
    return grad(lambda w: 0.5 * (1 / (1 + anp.exp(-w * b)) - y) ** 2)(w)


def test_definitions_given_before_what_they_use_are_computed_after_it():
    """C, then z, then a = sigma(z) (a between them): a is computed after z, so C depends on w through a."""
    define = [r"C = \frac{1}{2}(a-y)^2", r"z = w b", r"a = \sigma(z)"]
    ctx = Context()
    for d in define:
        parse_definition(d, ctx)
    assert list(ctx.definitions) == ["z", "a", "C"]
    w, b, y = 0.3, -1.2, 0.4
    s = 1 / (1 + np.exp(-w * b))
    assert np.isclose(_one_neuron_cost_gradient_by_w(w, b, y), b * (s - y) * s * (1 - s), atol=1e-12)
    right = verify(r"\frac{\partial C}{\partial w} = b (a - y) \sigma(z)(1-\sigma(z))", define=define)
    assert right.verdict in ("proved", "agrees")
    assert verify(r"\frac{\partial C}{\partial w} = b (a - y) \sigma(z)", define=define).verdict == "wrong"


def test_a_functions_parameter_is_its_own_beside_an_input_array_of_the_same_letter():
    """sigma(x) = 1/(1 + e^{-x}) with x_i in R^p given: sigma's x is its own scalar (was 'sigma expects an array')."""
    given, define = [r"x_i \in \mathbb{R}^p"], [r"\sigma (x) = \frac{1}{1 +e^{-x}}", r"L = -\log \sigma(y z)"]
    y, z = -1.0, 0.8
    reference = grad(lambda z: -anp.log(1 / (1 + anp.exp(-y * z))))(z)
    assert np.isclose(reference, -y * (1 - 1 / (1 + np.exp(-y * z))), atol=1e-12)
    right = verify(r"\frac{\partial L}{\partial z} = -y(1-\sigma(yz))", define=define, given=given)
    assert right.verdict in ("proved", "agrees") and "the function's own parameter" in right.message
    assert verify(r"\frac{\partial L}{\partial z} = -y\sigma(yz)", define=define, given=given).verdict == "wrong"


def test_a_function_of_a_declared_vector_that_uses_other_inputs_keeps_the_vector():
    given = [r"w \in \mathbb{R}^n", r"X \in \mathbb{R}^{m \times n}", r"y \in \mathbb{R}^m"]
    define = [r"f(w) = \|Xw - y\|^2", "L = f(w)"]
    assert verify(r"\frac{\partial L}{\partial w} = 2X^T(Xw - y)", define=define, given=given).verdict == "proved"
    assert verify(r"\frac{\partial L}{\partial w} = X^T(Xw - y)", define=define, given=given).verdict == "wrong"


def test_a_functions_parameter_is_its_own_so_the_same_letter_with_an_index_is_an_input_vector():
    # s(x) = 1/(e^{-x} + 1), then L = sum_i s(w x_i): dL/dw = sum_i s(w x_i)(1 - s(w x_i)) x_i (the sigmoid's rule)
    from symgrad.verify import verify

    define = [r"s(x) = \frac{1}{e^{-x}+1}", r"L = \sum_{i=1}^N s(w x_i)"]
    right = verify(r"\sum_{i=1}^N s(w x_i)(1-s(w x_i)) x_i", of=r"\frac{dL}{dw}", define=define)
    slip = verify(r"\sum_{i=1}^N s(w x_i) x_i", of=r"\frac{dL}{dw}", define=define)
    assert (right.verdict, slip.verdict) == ("proved", "wrong"), (str(right), str(slip))
