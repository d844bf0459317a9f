"""Plain text's gradient and trace as pages copied without LaTeX write them (read/unicode_nabla.py,
read/damage_words.py): ``∇A (trace of AB A^T C)`` is ∇_A tr(A B A^T C) where A stands in the bracket, ``∇f(x)``
stays the gradient of f; "trace of", "tr of", "the trace of" are tr(...) up to the bracket that closes around them
or the next =. Each test states the expression meant, or checks the verdict against autograd."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import grad

from symgrad.parse import Context, parse_expression, parse_given
from symgrad.read.damage_words import trace_notes
from symgrad.read.unicode_nabla import glued_at
from symgrad.verify import verify

SQUARE = [rf"{m} \in \mathbb{{R}}^{{n \times n}}" for m in "ABC"]


def read(text: str) -> sp.Expr:
    """``text`` read with A, B and C square matrices of one size n."""
    ctx = Context()
    for fact in SQUARE:
        parse_given(fact, ctx)
    return parse_expression(text, ctx)


RNG = np.random.default_rng(3)


@pytest.mark.parametrize("words, latex", [
    # wiki.rmanhart.org math.stackexchange 2342457: "∇A (trace of AB A^T C)"
    ("(trace of AB A^T C)", r"\operatorname{tr}(A B A^T C)"),
    ("(tr of A (B A^T C) )", r"\operatorname{tr}(A (B A^T C))"),
    ("the trace of A^T A", r"\operatorname{tr}(A^T A)"),
    ("2 (Trace of AB) + 1", r"2 \operatorname{tr}(A B) + 1"),
])
def test_trace_written_in_words_is_the_trace_of_what_follows_up_to_its_bracket(words, latex):
    assert sp.simplify((read(words) - read(latex)).doit()) == 0


def test_a_letter_glued_to_nabla_is_its_variable_only_where_it_stands_in_the_bracket():
    """∇A (tr(AB)) as math.techqa.club/gradient-of-a-mapsto-mbox-tr-ab-2573030 writes \\nabla_A \\mbox{tr}(AB)."""
    assert glued_at("∇A (trace of AB) = B^T") == [0]
    assert glued_at("∇A(trace of A B)") == [0]
    assert glued_at("∇f(x) = 2x") == []  # the gradient of f: f is not in (x)
    assert glued_at("∇a (trace of X)") == []  # the a of 'trace' is a word's letter, not a name
    assert glued_at("∇θ J(θ) ") == []  # no bracket right after the letter


@pytest.mark.parametrize("claim, verdict", [
    ("∇A (trace of AB A^T C) = CAB + C^T A B^T", "agrees"),  # the page's rule two
    ("∇A (trace of AB A^T C) = C^T A B^T", "wrong"),  # the asker's step that drops a term
])
def test_the_trace_rule_written_in_plain_text_is_judged_against_autograd(claim, verdict):
    a, b, c = (RNG.normal(size=(3, 3)) for _ in range(3))
    truth = grad(lambda m: anp.trace(m @ b @ m.T @ c))(a)
    assert np.allclose(truth, c @ a @ b + c.T @ a @ b.T) and not np.allclose(truth, c.T @ a @ b.T)
    v = verify(claim, given=SQUARE)
    assert v.verdict in ((verdict, "proved") if verdict == "agrees" else (verdict,))
    assert "plain text: ∇A read as ∇_A" in v.message and "plain text: 'trace of X' read as tr(X)" in v.message


def test_trace_words_only_read_in_plain_text_and_as_a_whole_word():
    assert trace_notes(r"\nabla_A \text{trace of } A B") == []  # LaTeX writes \operatorname{tr}
    assert trace_notes("contrace of A") == []
    assert trace_notes("∇A (Trace of AB)") != []
