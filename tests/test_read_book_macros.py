"""The Deep Learning book's notation macros: ``\\Vx`` (a vector), ``\\Vomega``, ``\\MA`` (a matrix) read as bold
letters, ``^\\Tsp`` as the transpose; ``\\Vert`` stays the norm's bar and ``\\Mu`` is no matrix."""

from __future__ import annotations

from symgrad.read.tokens import _tokens
from symgrad.verify import verify

_F = r"f(\Vx) = \frac{1}{2}\| \MA \Vx - \Vb \|_2^2 ."


def test_the_book_macros_spell_bold_letters_and_the_transpose() -> None:
    assert [t.text for t in _tokens(r"\MA^\Tsp \Vomega + \Vert x \Vert + \Mu")][:8] == \
        [r"\mathbf", "{", "A", "}", "^", r"\top", r"\mathbf", "{"]
    texts = [t.text for t in _tokens(r"\Vert x \Vert + \Mu")]
    assert r"\mathbf" not in texts and r"\Mu" in texts


def test_the_least_squares_gradient_in_the_book_notation() -> None:
    right = verify(r"\nabla_{\Vx} f(\Vx) = \MA^\Tsp (\MA \Vx - \Vb)", define=[_F])
    assert right.verdict in ("proved", "agrees"), str(right)
    assert verify(r"\nabla_{\Vx} f(\Vx) = \MA^\Tsp (\MA \Vx + \Vb)", define=[_F]).verdict == "wrong"
