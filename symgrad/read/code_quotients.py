"""A derivative written in code as a quotient of differentials (``dL/dS``, ``dL/dP[i, :]``), read/code.py's."""

from __future__ import annotations

import ast
import re


def derivative_quotient(node: ast.BinOp) -> tuple[str, ast.AST] | None:
    """``dL/dS`` or ``dL/dP[i, :]`` written in code: the name differentiated and the variable; None for a
    quotient. The variable's name is ``d`` then a capital, one letter, or a letter with digits (``dZ1``)."""
    def differential(n: ast.AST) -> str | None:
        if isinstance(n, ast.Name) and re.fullmatch(r"d([A-Z]\w*|[a-z]|[A-Za-z]\d+)", n.id):
            return n.id[1:]
        return None
    if not isinstance(node.op, ast.Div) or differential(node.left) is None:
        return None
    right = node.right.value if isinstance(node.right, ast.Subscript) else node.right
    var = differential(right)
    if var is None:
        return None
    if isinstance(node.right, ast.Subscript):
        return differential(node.left), ast.Subscript(ast.Name(var), node.right.slice, col_offset=node.right.col_offset)
    return differential(node.left), ast.Name(var, col_offset=right.col_offset)
