"""symgrad.read superscripts that label the sample (issue 9): in ``E_x = -\\sum_k t_k^x \\log o_k^x`` x names the
example, written as E's subscript and otherwise only as the superscript of indexed names; ``o^x`` is one name, x no
exponent (noted). A superscript letter used as a value anywhere stays a power. References are autograd."""

from __future__ import annotations

import numpy as np
import pytest
from autograd import grad
from autograd import numpy as anp

from symgrad import verify

# https://imathworks.com (cross-validated: derivative of binary cross-entropy, per example x)
BCE = [r"E_x = - \sum_{k}[t_k^x \log(o_k^x) + (1-t_k^x) \log(1-o_k^x)]"]


def test_the_reference_bce_gradient_by_one_output():
    t, o = np.array([1.0, 0.0, 1.0]), np.array([0.3, 0.6, 0.8])
    g = grad(lambda o: -anp.sum(t * anp.log(o) + (1 - t) * anp.log(1 - o)))(o)
    assert np.allclose(g, -t / o + (1 - t) / (1 - o), atol=1e-12)
    assert not np.allclose(g, t / o + (1 - t) / (1 - o))


@pytest.mark.parametrize("by, t, o", [
    ("o^x_j", "t_j^x", "o_j^x"),
    ("o_j^x", "t^x_j", "o^x_j"),
    ("o_j^{x}", "t_j^{x}", "o_j^{x}"),
])
def test_a_letter_written_as_a_names_subscript_and_else_only_as_superscripts_labels_the_sample(by, t, o):
    right = rf"\frac{{\partial E_x}}{{\partial {by}}} = -\frac{{{t}}}{{{o}}}+\frac{{1-{t}}}{{1-{o}}}"
    v = verify(right, define=BCE)
    assert v.verdict == "proved" and "x read as a label of the sample, not a power" in v.message
    assert verify(right.replace("= -", "= "), define=BCE).verdict == "wrong"  # the sign the page's tutorial lost


def test_a_sample_label_of_another_letter_and_a_squared_error():
    # E_n = 1/2 sum_k (y_k^n - t_k^n)^2, Bishop's per-pattern error with the pattern n as a superscript
    define = [r"E_n = \frac{1}{2}\sum_k (y_k^n - t_k^n)^2"]
    assert verify(r"\frac{\partial E_n}{\partial y_j^n} = y_j^n - t_j^n", define=define).verdict == "proved"
    assert verify(r"\frac{\partial E_n}{\partial y_j^n} = t_j^n - y_j^n", define=define).verdict == "wrong"


def test_a_superscript_letter_used_as_a_value_stays_a_power():
    v = verify(r"\frac{\partial L}{\partial w_k} = p w_k^{p-1}", define=[r"L = \sum_k w_k^p"])
    assert v.verdict == "proved" and "label of the sample" not in v.message


def test_one_name_tagged_with_the_heads_subscript_keeps_its_power():
    # M_k = sum_i x_i^k, the k-th power sum: its derivative by x_j is k x_j^{k-1}, not 1
    v = verify(r"\frac{\partial M_k}{\partial x_j} = k x_j^{k-1}", define=[r"M_k = \sum_i x_i^k"])
    assert v.verdict == "proved" and "label of the sample" not in v.message
    assert verify(r"\frac{\partial M_k}{\partial x_j} = 1", define=[r"M_k = \sum_i x_i^k"]).verdict == "wrong"
