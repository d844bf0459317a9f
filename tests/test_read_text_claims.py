"""Claims as pages write them: a label in words before the formula, ``J`` for the Jacobian of the one vector
definition, a chain's ``=`` repeated across display lines, a sum naming the index of a whole vector."""

from __future__ import annotations

import pytest
import sympy as sp

from symgrad.errors import ParseError
from symgrad.parse import Context, parse_expression, parse_given
from symgrad.verify import verify

SOFTMAX = [r"s_i = exp(z_i) / Σ_j exp(z_j)"]


@pytest.mark.parametrize("claim, verdict", [
    ("J = diag(s) − s s^T", "proved"),
    ("Compact form: J = diag(s) − s s^T.", "proved"),
    (r"J_{ij} = s_i(\delta_{ij} - s_j)", "proved"),
    (r"\mathbf{J} = \operatorname{diag}(s) - s s^T", "proved"),
    ("J = diag(s) − s^T s", "wrong"),
    (r"J_{ij} = s_i(1 - s_j)", "wrong"),
])
def test_j_is_the_jacobian_of_the_one_vector_definition_and_the_reading_is_noted(claim, verdict):
    v = verify(claim, define=SOFTMAX)
    assert v.verdict == verdict and "J read as the Jacobian ∂s_i/∂z_j" in v.message


def test_j_of_a_problem_that_names_j_is_that_name_not_a_jacobian():
    v = verify("J = 2w", define=["J = w^2"])
    assert v.verdict == "unreadable" and "Jacobian" not in v.message


def test_a_chain_continued_on_a_second_display_line_keeps_one_equals():
    claim = r"$$\left(\frac{1}{1+e^{-x}}\right)'=\frac{-(1+e^{-x})'}{(1+e^{-x})^2}=$$ $$=\frac{e^{-x}}{(1+e^{-x})^2}$$"
    v = verify(claim)
    assert v.verdict == "proved" and len(v.links) == 3


@pytest.mark.parametrize("text", [r"\sum_j e^{z}", r"\sum_{j=1}^{n} e^{z}", r"\sum_j e^{z_j}"])
def test_a_sum_whose_letter_the_vector_does_not_carry_sums_the_vector(text):
    ctx = Context()
    parse_given(r"z \in \mathbb{R}^{n}", ctx)
    got = parse_expression(text, ctx)
    (j, lower, upper), term = got.limits[0], got.function
    assert (lower, str(upper)) == (1, "n") and term.func == sp.exp and term.args[0].indices == (j,)


def test_a_sentence_with_one_formula_is_that_formula():
    assert parse_expression("so the result is $x^{-1}$ (if I remember it right)", Context()) == 1 / sp.Symbol("x")


def test_a_sentence_with_several_formulas_is_refused_not_read_as_letters():
    with pytest.raises(ParseError, match="several formulas"):
        parse_expression("so $x$ and $y$", Context())


def test_a_line_break_with_extra_space_is_layout_in_a_chain():
    claim = r"\frac{d}{dx} \frac{1}{1+e^{-x}} = \frac{e^{-x}}{(1 + e^{-x})^2} \\[1em] &= \frac{1}{1+e^{-x}} \cdot \frac{e^{-x}}{1+e^{-x}}"
    v = verify(claim)
    assert v.verdict == "proved" and len(v.links) == 3


@pytest.mark.parametrize("text, want", [
    (r"a \cdot \underbrace{\frac{b}{c}}_{=\,\hat{x}_i} + 1", sp.Symbol("a") * sp.Symbol("b") / sp.Symbol("c") + 1),
    (r"\overbrace{x+y}^{\text{sum}} z", sp.Symbol("z") * (sp.Symbol("x") + sp.Symbol("y"))),
])
def test_an_underbrace_or_overbrace_is_its_content_and_its_note_is_dropped(text, want):
    assert parse_expression(text, Context()) == want


def test_an_array_that_lays_out_a_chain_is_layout_and_an_array_of_entries_is_a_vector():
    claim = r"\Large \begin{array}{rcl} \frac{d}{dx} x^2 y &=& 2 x y \\ &=& y \cdot 2x \end{array}"
    assert verify(claim).verdict == "proved"
    # an array of entries is a literal vector (read/literals.py): the gradient of a x_1 + b x_2 is (a, b)
    of = r"\frac{\partial}{\partial x} (a x_1 + b x_2) = "
    given = [r"x \in \mathbb{R}^2"]
    assert verify(of + r"\left[\begin{array}{c} a \\ b \end{array}\right]", given=given).verdict in ("proved", "agrees")
    assert verify(of + r"\left[\begin{array}{c} b \\ a \end{array}\right]", given=given).verdict == "wrong"


@pytest.mark.parametrize("mark", [r"^{\text{T}}", r"^\mathsf{T}", r"^{\mathrm{T}}", "^T", r"^\top"])
def test_every_spelling_of_the_transpose_mark_transposes(mark):
    ctx = Context()
    parse_given(r"A \in \mathbb{R}^{m \times n}", ctx)
    parse_given(r"v \in \mathbb{R}^{m}", ctx)
    got = parse_expression(rf"A{mark} v", ctx)  # (n x m)(m): the sum over A's first index
    assert isinstance(got, sp.Sum)
    a = next(x for x in got.function.atoms(sp.Indexed) if str(x.base) == "A")
    assert a.indices[0] == got.limits[0][0]
