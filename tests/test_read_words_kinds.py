"""A named value's sign and kind in words, and shapes said clause by clause: each read as the fact it states."""

from __future__ import annotations

import pytest
import sympy as sp
from test_read_words_spaces import given  # a context of the facts read in order

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.tensors import size

POSITIVE, NONNEGATIVE = sp.Interval.open(0, sp.oo), sp.Interval(0, sp.oo)


@pytest.mark.parametrize("sentence, domains", [
    ("k is positive value", {"k": POSITIVE}),
    (r"$\lambda$ is a non-negative scalar", {"lambda": NONNEGATIVE}),
    (r"Let $\lambda$ be a positive real constant", {"lambda": POSITIVE}),
    ("a and b are positive constants", {"a": POSITIVE, "b": POSITIVE}),
    ("c is negative", {"c": sp.Interval.open(-sp.oo, 0)}),
    (r"k > 0 is a constant", {"k": POSITIVE}),
])
def test_a_sign_in_words_bounds_the_value(sentence, domains):
    assert given(sentence).domains == domains


def test_tanh_of_kx_with_k_positive_in_words_has_derivative_k_over_cosh_squared():
    facts = ["k is positive value"]
    assert verify(r"\frac{d(\tanh (kx))}{dx}=\frac{k}{\cosh^2(kx)}", given=facts).verdict in ("proved", "agrees")
    assert verify(r"\frac{d (\tanh(kx))}{d x}=\frac{k}{2\cosh^2(kx)}", given=facts).verdict == "wrong"


def test_shapes_said_clause_by_clause_with_be_give_the_quadratic_form_gradient():
    facts = [r"Let $X$ be an $m \times n$ matrix, $v$ be $n \times 1$, and $y$ be $m \times 1$"]
    ctx = given(*facts)
    assert ctx.tensors["X"].shape == (size("m"), size("n"))
    assert ctx.tensors["v"].shape == (size("n"),) and ctx.tensors["y"].shape == (size("m"),)
    define = ["c = v^T(X^TX)v"]
    assert verify(r"\frac{\partial c}{\partial v} = 2X^TXv", define=define, given=facts).verdict in ("proved", "agrees")
    assert verify(r"\frac{\partial c}{\partial v} = X^TXv", define=define, given=facts).verdict == "wrong"


@pytest.mark.parametrize("sentence, name, domain", [("‘k’ > 0", "k", POSITIVE), ("“k” is a positive constant", "k", POSITIVE)])
def test_a_name_in_typographic_quotes_is_the_name(sentence, name, domain):
    assert given(sentence).domains == {name: domain}


def test_matrices_of_the_same_dimensions_share_one_shape_and_the_frobenius_gradient_is_2_x_minus_a():
    facts = ["Let $X$ and $A$ be two matrices of same dimensions"]
    ctx = given(*facts)
    assert ctx.tensors["X"].shape == ctx.tensors["A"].shape and len(ctx.tensors["X"].shape) == 2
    of = r"\frac{\partial \Vert X - A \Vert^2}{\partial X}"
    assert verify(rf"{of} = 2(X - A)", given=facts).verdict in ("proved", "agrees")
    assert verify(rf"{of} = X - A", given=facts).verdict == "wrong"


def test_a_capital_said_positive_with_no_kind_is_refused_naming_both_readings():
    with pytest.raises(ParseError, match=r"each entry > 0 .* or positive definite"):
        given("A is positive")
