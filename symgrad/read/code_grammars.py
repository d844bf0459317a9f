"""The Lark grammars of the pasted code dialects (``code_matlab.lark``, ``code_clike.lark``), each loaded once, and
the position a grammar rule gives the Python syntax node it builds, so that read/code.py's columns point into the
pasted text."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path
from typing import Any

from lark import Lark


@cache
def grammar(name: str) -> Lark:
    """The LALR parser of ``read/<name>.lark``, positions propagated to each rule."""
    return Lark(Path(__file__).with_name(f"{name}.lark").read_text(), parser="lalr", propagate_positions=True)


def placed(node: ast.AST, meta: Any) -> ast.AST:
    """``node`` placed where ``meta`` (a Lark rule's positions, or a token) says its text is."""
    node.lineno, node.col_offset = meta.line, meta.column - 1  # type: ignore[attr-defined]
    node.end_lineno, node.end_col_offset = meta.end_line, meta.end_column - 1  # type: ignore[attr-defined]
    return node
