"""How symgrad's objects show themselves in a notebook: Markdown, HTML and LaTeX, math typeset."""

from __future__ import annotations

from typing import Any

import sympy as sp

from .derivation import Derivation, Result, Step
from .latex import to_latex


def latex_of(obj: Any) -> str:
    """LaTeX for a SymPy expression, a result (``∂L/∂w = ...``), a step or a derivation, as derivations print it."""
    if isinstance(obj, Derivation):
        return obj.latex()
    if isinstance(obj, Result):
        return rf"\frac{{\partial {to_latex(obj.of)}}}{{\partial {to_latex(obj.var)}}} = {to_latex(obj.expr)}"
    if isinstance(obj, Step):
        return f"{to_latex(obj.lhs)} = {to_latex(obj.rhs)}"
    if isinstance(obj, sp.Basic):
        return to_latex(obj)
    raise TypeError(f"symgrad.latex prints SymPy expressions and symgrad derivations, not {type(obj).__name__}")
