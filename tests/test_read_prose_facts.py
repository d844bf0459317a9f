"""Facts written in prose with inline math: matrices declared in words (each adjective used, noted or refused),
names listed "in" a space, size names with subscripts, and a clause that does not read refused by name."""

from __future__ import annotations

import pytest
import sympy as sp

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.read import Context, parse_given
from symgrad.tensors import size


def given(*facts: str) -> Context:
    ctx = Context()
    for fact in facts:
        parse_given(fact, ctx)
    return ctx


def test_names_listed_in_a_space_with_inline_math_are_vectors_of_it():
    ctx = given(r"$x, a$ in $\mathbb R^n$")
    assert ctx.tensors["x"].shape == ctx.tensors["a"].shape == (size("n"),)
    assert verify(r"\frac{d\left(x^{T}a\right)}{dx} = a", given=[r"$x, a$ in $\mathbb R^n$"]).verdict in ("proved", "agrees")
    assert verify(r"\frac{d\left(x^{T}a\right)}{dx} = 2a", given=[r"$x, a$ in $\mathbb R^n$"]).verdict == "wrong"


def test_a_square_invertible_matrix_in_words_is_n_by_n_and_its_invertibility_is_noted():
    ctx = given(r"Let $X$ be a square invertible $n \times n$ matrix.")
    assert ctx.tensors["X"].shape == (size("n"), size("n"))
    assert any("X is invertible" in note for note in ctx.notes)


def test_a_symmetric_matrix_in_words_declares_its_symmetry():
    ctx = given(r"Let $A$ be a symmetric $n \times n$ matrix")
    assert [(name, kind.__name__) for name, kind, *_ in ctx.structured] == [("A", "Symmetric")]
    of = r"\frac{d}{dx} x^T A x"
    facts = [r"Let $A$ be a symmetric $n \times n$ matrix", r"x \in \mathbb{R}^n"]
    assert verify("2Ax", of=of, given=facts).verdict in ("proved", "agrees")  # d/dx x^T A x = (A + A^T) x = 2Ax


def test_matrices_of_unsaid_shape_in_words_are_read_by_use_and_judged():
    facts = ["Let $X$, $A$, $B$ be real matrices."]
    of = r"\frac{d }{dX} \operatorname{Tr}(X^T A XB)"
    assert verify("AXB + A^TXB^T", of=of, given=facts).verdict in ("proved", "agrees")
    assert verify("(A+ A^T)XB", of=of, given=facts).verdict == "wrong"  # holds only for a symmetric B
    assert any("declared matrices in words" in note for note in given(*facts).notes)


@pytest.mark.parametrize("text, words", [
    (r"Let $A$ be an orthogonal $n \times n$ matrix", "orthogonal"),
    (r"Let $A$ be a square $n \times m$ matrix", "square matrix has as many rows"),
    ("Let $x$ be a real matrix", "needs its shape declared"),
])
def test_a_matrix_sentence_symgrad_cannot_honour_is_refused_naming_why(text, words):
    with pytest.raises(ParseError, match=words):
        given(text)


def test_a_clause_that_does_not_read_is_refused_by_name_not_dropped():
    text = "X is a matrix and E is a scalar, and X is a function of E."
    with pytest.raises(ParseError, match="'X is a function of E'") as e:
        given(text)
    assert e.value.column == text.index("X is a function") + 1


def test_a_size_name_with_a_subscript_is_one_size():
    ctx = given(r"x \in \mathbb{R}^{N \times d_{in}}", r"W \in \mathbb{R}^{d_{out} \times d_{in}}")
    d_in, d_out = size("d_{in}"), size("d_{out}")
    assert ctx.tensors["x"].shape == (size("N"), d_in) and ctx.tensors["W"].shape == (d_out, d_in)
    assert d_in != d_out


def test_a_vector_written_by_its_components_has_that_many_entries_and_is_judged():
    facts = ["x=[x_1, x_2]", "y = [y_1, y_2]"]
    assert given(*facts).tensors["x"].shape == (2,)
    of = r"\frac{d}{dx} (y-x)^T(y-x)"  # d/dx ||y - x||^2 = 2(x - y)
    assert verify("2(x - y)", of=of, given=facts).verdict in ("proved", "agrees")
    assert verify("2(y - x)", of=of, given=facts).verdict == "wrong"


@pytest.mark.parametrize("text", ["x = [x_2, x_1]", "y = (y_0, y_1)", "x = [x_1, y_2]"])
def test_components_out_of_order_from_zero_or_of_another_name_declare_no_vector(text):
    with pytest.raises(ParseError):
        given(text)


@pytest.mark.parametrize("text, sizes", [
    ("f: R^n ---> R", ["n"]), ("f: R^n --> R^{m}", ["n", "m"]), (r"\ell: ℝ^N → ℝ", ["N"]),
    (r"f \colon \mathbb{R}^n \to \mathbb{R}", ["n"]),
])
def test_a_signature_with_plain_r_and_typed_arrows_records_its_sizes(text, sizes):
    assert sorted(given(text).sizes) == sorted(sizes)


@pytest.mark.parametrize("text", [r"y \in \left\{ {0, 1}\right\}", r"y_i \in \{0, 1\},"])
def test_a_binary_set_with_its_items_grouped_or_a_trailing_comma_is_the_domain_0_1(text):
    assert given(text).domains["y"] == sp.FiniteSet(0, 1)
