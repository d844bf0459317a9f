"""Spaces as pages type them in a fact: sizes joined by the letter x (``\\mathbb{R}^{mxm}``), an epsilon for the
element sign, the page's own macros for the reals (``\\rrn``, ``\\RR``), and the word and between facts."""

from __future__ import annotations

import pytest

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.read import Context, parse_given
from symgrad.tensors import size


def given(*facts: str) -> Context:
    ctx = Context()
    for fact in facts:
        parse_given(fact, ctx)
    return ctx


@pytest.mark.parametrize("fact, shape", [
    (r"A \in \mathbb{R}^{mxm}", ("m", "m")),
    (r"A \in R^{nxm}", ("n", "m")),
    (r"A \in \mathbb{R}^{n x 1}", ("n",)),
    (r"A \in \mathbb{R}^{n x d x k}", ("n", "d", "k")),
])
def test_sizes_joined_by_the_letter_x_are_the_times_sign_and_noted(fact, shape):
    ctx = given(fact)
    assert ctx.tensors["A"].shape == tuple(size(s) for s in shape)
    assert any("read as" in note and r"\times" in note for note in ctx.notes)


def test_a_quadratic_form_by_a_matrix_typed_mxm_has_the_gradient_a_plus_a_transpose_x():
    facts = [r"x \in \mathbb{R}^m, A \in \mathbb{R}^{mxm}"]
    of = r"\frac{\partial x^TAx}{\partial x}"
    assert verify("(A + A^T)x", of=of, given=facts).verdict in ("proved", "agrees")
    assert verify("2Ax", of=of, given=facts).verdict == "wrong"  # only for a symmetric A


def test_an_epsilon_between_a_name_and_a_space_is_the_element_sign():
    ctx = given(r"\mathbf{X}\epsilon\mathbb{R}^{nxm}")
    assert ctx.tensors["X"].shape == (size("n"), size("m"))
    assert any(r"\epsilon between a name and a space read as \in" in note for note in ctx.notes)
    facts = [r"\mathbf{X}\epsilon\mathbb{R}^{nxm}", r"\mathbf{w}\epsilon\mathbb{R}^{m}"]
    define = [r"E=\mathbf{w}^{T}\mathbf{X}^{T}\mathbf{X}\mathbf{w}"]
    assert verify(r"\frac{\partial E}{\partial \mathbf{w}}= 2\mathbf{X}^{T}\mathbf{X}\mathbf{w}", define=define,
                  given=facts).verdict in ("proved", "agrees")
    assert verify(r"\frac{\partial E}{\partial \mathbf{w}}= \mathbf{X}^{T}\mathbf{X}\mathbf{w}", define=define,
                  given=facts).verdict == "wrong"


def test_an_epsilon_bounded_by_an_interval_stays_a_name():
    ctx = given(r"\epsilon \in (0, 1)")
    assert "epsilon" in ctx.domains


@pytest.mark.parametrize("fact, shape", [(r"x \in \rrn", ("n",)), (r"x \in \RR^n", ("n",)), (r"x \in \R^{d}", ("d",))])
def test_page_macros_for_the_reals_are_read(fact, shape):
    assert given(fact).tensors["x"].shape == tuple(size(s) for s in shape)


def test_the_gradient_of_a_squared_norm_with_x_in_rrn_is_2x():
    of = r"\frac{\partial}{\partial x} \|x\|^2"
    assert verify("2x", of=of, given=[r"x \in \rrn"]).verdict in ("proved", "agrees")
    assert verify("x", of=of, given=[r"x \in \rrn"]).verdict == "wrong"


def test_an_unknown_macro_for_a_space_is_refused_naming_it():
    with pytest.raises(ParseError, match=r"\\foo is no set symgrad knows"):
        given(r"x \in \foo")
    with pytest.raises(ParseError, match=r"\\rrn holds its power"):
        given(r"x \in \rrn^2")


def test_the_word_and_typed_between_facts_separates_them():
    ctx = given(r"A \in \mathbb{R}^{n \times n} and X, Y \in \mathbb{R}^{n \times r}")
    assert ctx.tensors["A"].shape == (size("n"), size("n"))
    assert ctx.tensors["X"].shape == ctx.tensors["Y"].shape == (size("n"), size("r"))
