"""Expressions and derivative names as a person reads them, through symgrad's own printers."""

from __future__ import annotations

from collections.abc import Sequence

import sympy as sp

from ..tensors import Node


def _latex(e: sp.Expr) -> str:
    try:
        from ..latex import to_latex
    except ImportError:
        return sp.latex(e)
    return to_latex(e)


def _text(e: sp.Expr) -> str:
    try:
        from ..latex import to_text
    except ImportError:
        return sp.sstr(e)
    return to_text(e)


def _derivative_text(of: Node, var: Node) -> str:
    return f"∂{_text(of)}/∂{_text(var)}"


def _case_text(assumptions: Sequence[sp.Basic]) -> str:
    words = []
    for a in assumptions:
        op = {sp.Eq: "=", sp.Ne: "≠"}.get(type(a))
        words.append(f"{_text(a.lhs)} {op} {_text(a.rhs)}" if op else _text(a))
    return " and ".join(words)
