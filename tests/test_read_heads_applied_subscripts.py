"""A subscript after an application (issue 9): ``\\sigma(\\mathbf{z})_i = ...`` defines element i of a vector function,
and ``[\\sigma(\\mathbf{a})]_i``, ``\\sigma(\\mathbf{a})_j`` in a derivative and a claim are its elements. Reference:
autograd's softmax Jacobian."""

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import jacobian

import symgrad


def test_the_softmax_jacobian_is_p_i_times_delta_minus_p_j():
    a = np.array([0.2, -0.7, 1.3])
    p = np.exp(a) / np.exp(a).sum()
    got = jacobian(lambda a: anp.exp(a) / anp.sum(anp.exp(a)))(a)
    np.testing.assert_allclose(got, np.diag(p) - np.outer(p, p), rtol=1e-12)


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"\frac{\partial[\sigma(\mathbf{a})]_i}{\partial a_j} = \sigma(\mathbf{a})_i(\delta_{ij} - \sigma(\mathbf{a})_j)",
     "proved"),
    (r"\frac{\partial \sigma(\mathbf{a})_i}{\partial a_j} = \sigma(\mathbf{a})_i(\delta_{ij} + \sigma(\mathbf{a})_j)",
     "wrong"),
])
def test_an_element_of_a_vector_function_is_written_after_its_application(claim, verdict):
    got = symgrad.verify(claim, define=[r"\sigma(\mathbf{a})_{i} = \frac{e^{a_i}}{\sum_{k=1}^K e^{a_k}}"])
    assert got.verdict == verdict, got.message


@pytest.mark.parametrize(("head", "name"), [
    (r"\text{softmax}(\mathbf{z})_i", "softmax"),  # the common spelling in notes and READMEs
    (r"\text{Softmax}(\mathbf{z})_i", "Softmax"),
    (r"\operatorname{softmax}(\mathbf{z})_i", "softmax"),
    (r"softmax(\mathbf{z})_i", "softmax"),  # https://rainbow-engine (softmax(x)_i = ... \quad (i=1,2,...,n))
])
def test_a_word_function_head_with_its_element_after_the_application(head, name):
    define = [head + r" = \frac{e^{z_i}}{\sum_j e^{z_j}}"]
    s = rf"\mathrm{{{name}}}"
    right = rf"\frac{{\partial\, {s}_i}}{{\partial z_j}} = {s}_i(\delta_{{ij}} - {s}_j)"
    assert symgrad.verify(right, define=define).verdict == "proved"
    assert symgrad.verify(right.replace(r"\delta_{ij}", "1"), define=define).verdict == "wrong"
