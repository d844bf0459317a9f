"""symgrad.read labels as indices (issue 9): ``s_{y_i}`` is the element of s at sample i's class y_i, not a name of
its own; ``\\sum_{j \\neq y_i}`` sums all classes but that one; ``k \\neq y_i`` and ``\\mathbb{1}[y_i = k]`` relate
the label to an index. References are autograd gradients at random points with a random label."""

from __future__ import annotations

import numpy as np
import pytest
from autograd import grad
from autograd import numpy as anp

from symgrad import verify

SOFTMAX_CE = r"L = -\log \frac{e^{s_{y_i}}}{\sum_k e^{s_k}}"
HINGE = r"L = \sum_{j \neq y_i} \max(0, s_j - s_{y_i} + 1)"


def _softmax_ce(s, y):
    return -s[y] + anp.log(anp.sum(anp.exp(s)))


def _hinge(s, y):
    others = anp.arange(len(s)) != y
    return anp.sum(others * anp.maximum(0, s - s[y] + 1))


def test_the_references_say_the_label_logit_gradient_is_p_minus_one_and_the_hinge_counts_the_violations():
    rng = np.random.default_rng(7)
    s, y = rng.normal(size=5), 2
    p = np.exp(s) / np.exp(s).sum()
    assert np.allclose(grad(_softmax_ce)(s, y)[y], p[y] - 1, atol=1e-12)
    others = np.arange(5) != y
    assert np.isclose(grad(_hinge)(s, y)[y], -np.sum(others & (s - s[y] + 1 > 0)), atol=1e-12)


def test_the_derivative_by_the_label_logit_includes_the_normaliser_it_is_not_a_separate_name():
    assert verify(r"\frac{\partial L}{\partial s_{y_i}} = -1 + \frac{e^{s_{y_i}}}{\sum_k e^{s_k}}",
                  define=[SOFTMAX_CE]).verdict == "proved"
    assert verify(r"\frac{\partial L}{\partial s_{y_i}} = -1", define=[SOFTMAX_CE]).verdict == "wrong"


def test_a_one_hot_indicator_of_the_label_reads_as_a_kronecker_delta():
    define = [r"L = -\log p_{y_i}", r"p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}"]
    assert verify(r"\frac{\partial L}{\partial z_k} = p_k - \mathbb{1}[y_i = k]", define=define).verdict == "proved"
    assert verify(r"\frac{\partial L}{\partial z_k} = p_k - 1", define=define).verdict == "wrong"


def test_a_sum_over_the_classes_other_than_the_label_leaves_the_label_term_out():
    right = verify(r"\frac{\partial L}{\partial s_{y_i}} = -\sum_{j \neq y_i} \mathbb{1}(s_j - s_{y_i} + 1 > 0)",
                   define=[HINGE])
    assert right.verdict in ("proved", "agrees")
    every = verify(r"\frac{\partial L}{\partial s_{y_i}} = -\sum_{j} \mathbb{1}(s_j - s_{y_i} + 1 > 0)", define=[HINGE])
    assert every.verdict == "wrong"  # the j = y_i term is 1[1 > 0] = 1: one too many


def test_the_other_class_gradient_holds_off_the_label_and_is_wrong_on_it():
    claim = r"\frac{\partial L}{\partial s_{k}} = \mathbb{1}(s_k - s_{y_i} + 1 > 0)"
    assert verify(claim, define=[HINGE], assume=[r"k \neq y_i"]).verdict in ("proved", "agrees")
    unqualified = verify(claim, define=[HINGE])
    assert unqualified.verdict == "wrong" and "k ≠ y_i" in unqualified.message


@pytest.mark.parametrize("sub", [r"y_{i}", "y_i"])
def test_a_label_is_written_with_or_without_braces(sub):
    claim = rf"\frac{{\partial L}}{{\partial s_{{{sub}}}}} = -1 + \frac{{e^{{s_{{{sub}}}}}}}{{\sum_k e^{{s_k}}}}"
    assert verify(claim, define=[SOFTMAX_CE.replace("y_i", sub)]).verdict == "proved"
