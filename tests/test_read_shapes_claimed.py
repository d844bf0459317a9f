"""Shapes a claim states of itself: ``= x^T(B+B^T), \\ \\ x \\in \\mathbb{R}^{a}, B \\in \\mathbb{R}^{a \\times a}``
(math.stackexchange 3685944) ends with facts, read as --given reads them; ``-2(a-x) \\in \\mathbb R^{1 \\times n}``
(math.techqa.club 1948063) and ``\\dfrac{\\partial f}{\\partial \\boldsymbol{x}} \\in \\mathbb{R}^N`` (allisone.co.jp,
matrix calculus proofs ch. 2) say the space of the claimed value: checked against the value's shape, then dropped; a
space of another number of axes is refused."""

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad

import symgrad
from symgrad.errors import ParseError
from symgrad.read import Context, parse_given
from symgrad.read.shapes_claimed import claim_shapes

QUADRATIC = r"\frac{\partial x^T B x}{\partial x} = x^T(B+B^T)"


@pytest.mark.parametrize("tail", [r", \ \ x \in \mathbb{R}^{a}, B \in \mathbb{R}^{a \times a}",
                                  r", \quad x \in \mathbb{R}^{a},\ B \in \mathbb{R}^{a \times a}",
                                  r",\; B \in \mathbb{R}^{a \times a}, x \in \mathbb{R}^a"])
def test_memberships_after_the_claim_are_facts(tail):
    ctx = Context()
    assert claim_shapes(QUADRATIC + tail, ctx) == QUADRATIC
    assert [str(d) for d in ctx.tensors["x"].shape] == ["a"]
    assert [str(d) for d in ctx.tensors["B"].shape] == ["a", "a"]


def test_the_quadratic_form_gradient_with_its_own_memberships_is_right_and_a_lost_transpose_is_wrong():
    rng = np.random.default_rng(6)
    B, x = rng.normal(size=(3, 3)), rng.normal(size=3)
    assert np.allclose(grad(lambda x: x @ B @ x)(x), x @ (B + B.T))  # autograd
    facts = [r"x \in \mathbb{R}^{a}, B \in \mathbb{R}^{a \times a}"]
    assert symgrad.verify(QUADRATIC, given=facts).verdict == "proved"
    assert symgrad.verify(r"\frac{\partial x^T B x}{\partial x} = 2x^T B", given=facts).verdict == "wrong"


@pytest.mark.parametrize(("claim", "value"), [(r"-2(a-x) \in \mathbb R^{1 \times n}", "-2(a-x)"),
                                              (r"\frac{\partial S}{\partial x} = 2(x - a) \in \mathbb{R}^n",
                                               r"\frac{\partial S}{\partial x} = 2(x - a)"),
                                              (r"2(x-a) \in \mathbb{R}^{n \times 1}", "2(x-a)")])
def test_the_space_of_a_claimed_value_of_its_shape_is_dropped(claim, value):
    ctx = Context()
    parse_given(r"a, x \in \mathbb R^{1 \times n}", ctx)
    assert claim_shapes(claim, ctx) == value
    assert any("checked against its shape" in note for note in ctx.notes)


@pytest.mark.parametrize("claim", [r"-2(a-x) \in \mathbb R^{n \times n}", r"-2(a-x) \in \mathbb{R}"])
def test_the_space_of_another_shape_is_refused(claim):
    ctx = Context()
    parse_given(r"a, x \in \mathbb R^{1 \times n}", ctx)
    with pytest.raises(ParseError, match="lies in"):
        claim_shapes(claim, ctx)


def test_a_trailing_range_is_left_to_the_claim():
    claim = r"p_i = e^{z_i}, \quad i = 1, \dots, n"
    assert claim_shapes(claim, Context()) == claim


def test_autograd_gives_two_x_minus_a():
    a, x = np.array([1.0, -2.0]), np.array([0.5, 3.0])
    assert np.allclose(grad(lambda x: anp.sum((a - x) ** 2))(x), -2 * (a - x))
