"""Names declared in a heading's words, the kind before the names and no article (``product rule on vector x, a and
matrix A, B``, https://github.com/blownhither/Learning-PRML/blob/HEAD/notes/Maths.md): each list declared its kind,
the rule's name noted as no fact. A vector declared without a size has the size its use gives, and a reading that
makes it something else is refused, as for a matrix; a signature followed by ``such that`` is a signature."""

from __future__ import annotations

from symgrad import verify
from symgrad.read.context import Context
from symgrad.read.facts import parse_given
from symgrad.read.prose import from_prose


def test_a_heading_names_its_rule_and_declares_each_list_by_the_kind_before_it():
    facts, _ = from_prose("product rule on vector x, a and matrix A, B")
    ctx = Context()
    parse_given("product rule on vector x, a and matrix A, B", ctx)
    assert facts == ""
    assert "x, a declared vectors in words: their sizes are read from their use" in ctx.notes
    assert "A, B declared matrices in words: their shapes are read from their use" in ctx.notes
    assert "'product rule' names the rule the derivation uses: no fact" in ctx.notes


def test_the_gradient_of_x_transpose_a_by_vectors_declared_in_a_heading_is_a():
    given = ["product rule on vector x, a and matrix A, B"]
    assert verify(r"\frac{\partial x^Ta}{\partial x} = a", given=given).verdict == "proved"
    assert verify(r"\frac{\partial x^Ta}{\partial x} = 2a", given=given).verdict == "wrong"


def test_a_name_said_a_vector_but_read_as_a_number_is_refused_naming_it():
    verdict = verify(r"\frac{\partial f}{\partial x} = 2 a x", define=["f = a x^2"], given=["a, b are vectors"])
    assert verdict.verdict == "unreadable" and "a is said a vector in words" in verdict.message


def test_a_signature_before_such_that_is_a_signature_and_the_gradient_of_half_the_squared_norm_reads():
    given = [r"Let $f:\mathbb{R}^{n} \to \mathbb{R}$ such that"]
    assert from_prose(given[0])[0] == r"f \colon \mathbb{R}^{n} \to \mathbb{R}"
    define = [r"f(x) = \frac12 x^T x"]
    assert verify(r"\frac{\partial f}{\partial x} = x", define=define, given=given).verdict == "proved"
    assert verify(r"\frac{\partial f}{\partial x} = 2x", define=define, given=given).verdict == "wrong"
