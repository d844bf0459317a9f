"""An implication arrow is no equality (read/damage_implications.py). Between a derivation's lines
(``f'(x) = \\frac{dy}{dx} = ...`` as jverzani.github.io/CalculusWithJuliaNotes.jl/differentiable_vector_calculus/
matrix_calculus_notes.html writes them; ``\\frac{\\delta MSE}{\\delta W} = ... \\implies \\frac{\\delta MSE}{\\delta W}
= ...`` in a README) it reads as the chain's next ``=``, and every member is checked. Between two statements
(``A = A^T`` then a conclusion, as compphysics.github.io/MachineLearning/doc/pub/week35 states a symmetric matrix) it
is refused naming the arrow (newbedev.com/derivative-of-sigmoid-function-sigma-x-frac-1-1-e-x writes
``(1+e^{-x})\\sigma=1`` then ``\\Rightarrow`` a differentiated line: a statement, then what follows): read as a chain, ``x = 1 \\Rightarrow w = 0`` would assert w = x = 1 or x = 0."""

from __future__ import annotations

import pytest
from autograd import grad

from symgrad.verify import verify

_ARROWS = [r"\Rightarrow", r"\implies", r"\Longrightarrow", "⇒", "⟹", r"\therefore", "∴", r"\iff"]


def _dL_dw(w: float, x: float) -> float:
    return grad(lambda w_: w_**2 * x)(w)


@pytest.mark.parametrize("arrow", _ARROWS)
def test_a_wrong_claim_is_never_proved_by_facts_joined_by_an_implication(arrow):
    assert abs(3 * 1.5 * 0.7 - _dL_dw(1.5, 0.7)) > 0.1  # 3wx is not dL/dw (autograd)
    v = verify(r"3 w x", of=r"\frac{\partial L}{\partial w}", define=[r"L = w^2 x"], given=[f"x = 1 {arrow} w = 0"])
    assert v.verdict == "unreadable"
    assert "implication" in v.message and "not an equality" in v.message


def test_a_symmetric_matrix_fact_with_its_conclusion_is_refused_at_the_arrow():
    v = verify(r"2 w x", of=r"\frac{\partial L}{\partial w}", define=[r"L = w^2 x"],
               given=[r"A = A^T \Rightarrow B = 0"])
    assert v.verdict == "unreadable" and r"\Rightarrow" in v.message


def _chain(arrow: str, last: str) -> str:
    return rf"\frac{{\partial L}}{{\partial w}} = 2wx {arrow} \frac{{\partial L}}{{\partial w}} = {last}"


@pytest.mark.parametrize("arrow", [r"\Rightarrow", r"\implies", "⇒"])
def test_a_derivations_lines_joined_by_an_arrow_are_each_checked(arrow):
    w, x = 1.5, 0.7
    assert abs(2 * w * x - _dL_dw(w, x)) < 1e-12 and abs(3 * x * w - _dL_dw(w, x)) > 0.1  # autograd
    assert verify(_chain(arrow, "2xw"), define=[r"L = w^2 x"]).verdict == "proved"
    assert verify(_chain(arrow, "3xw"), define=[r"L = w^2 x"]).verdict == "wrong"


def test_an_arrow_at_each_line_start_continues_the_chain():
    claim = (r"\frac{dy}{dx} = \frac{d(x^3)}{dx} \Rightarrow \\ \Rightarrow f'(x) = 3x^2 \Rightarrow \\"
             r" \Rightarrow f'(x) = 3 x x")
    assert verify(claim, define=[r"y = f(x) = x^3"]).verdict == "proved"
