"""Dependencies stated as facts: a derivative of a name defined nowhere (``\\partial\\mu/\\partial x_i = 1/N``) read as
the function with that derivative, and a dependency in words held against the definitions."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import grad

from symgrad import verify
from symgrad.read import Context, parse_definition, parse_given
from symgrad.read.facts import antiderivative

VARIANCE = r"\frac 1N\sum_j(x_j-\mu)^2"
BY_X_I = r"\frac\partial{\partial x_i}\frac 1N\sum_j(x_j-\mu)^2"
RATE = r"\partial\mu/\partial x_i=1/N"


def test_a_constant_derivative_of_an_undefined_name_is_the_linear_function_with_it():
    spelled, note = antiderivative(RATE, Context())
    ctx = Context()
    parse_given(r"x \in \mathbb{R}^N", ctx)
    d = parse_definition(spelled, ctx)
    n = next(s for s in d.rhs.free_symbols if str(s) == "N")
    x = np.random.default_rng(3).normal(size=4)
    index = d.rhs.limits[0][0]  # an Idx ranging to N: a plain integer, so that N can be set
    mean = d.rhs.xreplace({index: sp.Symbol("k", integer=True)}).subs(n, 4).doit()
    base = next(iter(mean.atoms(sp.Indexed))).base
    assert float(mean.xreplace({base[k + 1]: value for k, value in enumerate(x)})) == pytest.approx(x.mean(), abs=1e-12)
    assert "0 at x = 0" in note


def test_the_variance_by_x_i_with_the_rate_of_mu_given_is_2_over_n_times_x_i_minus_mu():
    x = np.random.default_rng(7).normal(size=5)
    variance = lambda v: anp.sum((v - anp.mean(v)) ** 2) / v.size  # mu is the mean, as the rate says
    assert np.allclose(grad(variance)(x), 2 * (x - x.mean()) / x.size, atol=1e-12)  # the claim, by autodiff
    v = verify(r"\frac{2(x_i-\mu)}{N}", of=BY_X_I, define=[VARIANCE], given=[RATE])
    assert v.verdict in ("proved", "agrees") and "defined nowhere" in v.message
    assert verify(r"\frac{2(x_i-\mu)}{N-1}", of=BY_X_I, define=[VARIANCE], given=[RATE]).verdict == "wrong"


def test_a_rate_of_a_name_the_page_defines_is_not_read_as_its_definition():
    assert antiderivative(r"\frac{\partial L}{\partial y_i} = g_i", Context()) is None  # an upstream gradient
    assert antiderivative(r"\partial\mu/\partial x_i=x_i", Context()) is None  # a rate that depends on x


@pytest.mark.parametrize("fact", [r"\mu is also another function of x_i", "y depends on w",
                                  "X is a matrix and E is a scalar, and X is a function of E."])
def test_a_dependency_in_words_on_a_name_defined_nowhere_is_refused_naming_what_is_missing(fact):
    v = verify(r"\frac{2(x_i-\mu)}{N}", of=BY_X_I, define=[VARIANCE], given=[fact])
    assert v.verdict == "unreadable" and "nothing here says how" in v.message


def test_a_dependency_in_words_on_a_defined_name_is_held_against_its_definition():
    define = [r"\mu = \frac{1}{N}\sum_k x_k", VARIANCE]
    v = verify(r"\frac{2(x_i-\mu)}{N}", of=BY_X_I, define=define, given=[r"$\mu$ is a function of $x_i$"])
    assert v.verdict in ("proved", "agrees") and "definition uses" in v.message
    v = verify(r"\frac{2(x_i-\mu)}{N}", of=BY_X_I, define=[r"\mu = 3", VARIANCE], given=[r"\mu is a function of x"])
    assert v.verdict == "unreadable" and "does not use it" in v.message


def test_a_name_by_its_role_in_quotes_depends_on_what_it_is_of():
    fact = "the activation function ‘a’ w.r.t weighted input ‘z’"
    v = verify("da/dz = a(1-a)", given=[fact])
    assert v.verdict == "unreadable" and "a depends on z, but nothing here says how" in v.message
    v = verify("da/dz = a(1-a)", define=[r"a = \frac{1}{1 + e^{-z}}"], given=[fact])
    assert v.verdict in ("proved", "agrees") and "definition uses z" in v.message
    v = verify("da/dz = a(1-a) * exp(-z) / (1 + exp(-z))^2", define=[r"a = \frac{1}{1 + e^{-z}}"], given=[fact])
    assert v.verdict == "wrong"
