"""Facts naming the linear maps of a vector space, as https://vijaypolimeru.github.io's matrix-calculus exercises
write them (``A \\in L(V, V)``, ``u, v \\in V``): L(V, V) and \\mathcal{L}(V) are the square matrices of a size the
use settles (a capital that reads as a number is then refused), L(\\mathbb{R}^n, \\mathbb{R}^m) the m x n matrices,
and a name in V a vector (refused where it reads otherwise)."""

from __future__ import annotations

import pytest

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.read.context import Context
from symgrad.read.facts import parse_given


def test_maps_between_spaces_of_known_size_are_the_matrices_of_that_shape() -> None:
    ctx = Context()
    parse_given(r"A \in \mathcal{L}(\mathbb{R}^n, \mathbb{R}^m)", ctx)
    assert tuple(str(d) for d in ctx.tensors["A"].shape) == ("m", "n")


def test_maps_of_a_named_space_leave_the_size_to_the_use_and_make_the_space_a_vector_space() -> None:
    ctx = Context()
    parse_given(r"A \in L(V, V)", ctx)
    parse_given(r"u, v \in V", ctx)
    assert "A" not in ctx.tensors and ctx.vector_spaces == {"V"}
    assert any("square matrices" in n for n in ctx.notes) and any("u, v declared vectors" in n for n in ctx.notes)


def test_a_lower_case_map_needs_its_size() -> None:
    with pytest.raises(ParseError, match="linear map is a matrix"):
        parse_given(r"a \in L(V)", Context())


def test_the_determinants_gradient_of_a_linear_map() -> None:
    given = [r"A \in L(V, V)"]
    assert verify(r"\partial_A det(A) = det(A) A^{-T}", given=given).verdict == "proved"
    assert verify(r"\partial_A det(A) = 2 det(A) A^{-T}", given=given).verdict == "wrong"


def test_a_map_that_reads_as_a_number_is_refused() -> None:
    out = verify(r"\partial_x f = 2 A x", define=["f = x A x"], given=[r"A \in L(V, V)", r"x \in V"])
    assert out.verdict == "unreadable" and "A is said a matrix" in out.message
