"""NumPy's arrays built in code from entries or copies (read/code.py): ``np.array([a, b])`` and ``np.tile(v, (n, 1))``
as the LaTeX the reader reads."""

from __future__ import annotations

import ast
from typing import Any

Pieces = list[tuple[str, int]]


def literal_pieces(tr: Any, node: ast.List, call: ast.Call) -> Pieces:
    """``np.array([0, 1, 0])`` as the column vector of its entries, ``np.array([[1, 2], [3, 4]])`` as the matrix of its
    rows (read/literals reads either)."""
    rows = [r.elts for r in node.elts] if node.elts and all(isinstance(r, ast.List) for r in node.elts) else \
        [[e] for e in node.elts]
    if not rows or any(isinstance(e, ast.List) for row in rows for e in row) or len({len(r) for r in rows}) != 1:
        raise tr.refuse(f"{ast.unparse(node)} is read as a vector [a, b] or a matrix [[a, b], [c, d]] of entries", node)
    out: Pieces = [(r"\begin{bmatrix}", tr.col(call))]
    for k, row in enumerate(rows):
        for m, entry in enumerate(row):
            out += [*([("&", tr.col(entry))] if m else []), *tr.pieces(entry)]
        out.append((r"\\", tr.end(row[-1])) if k < len(rows) - 1 else (r"\end{bmatrix}", tr.end(call)))
    return out


def tile_pieces(tr: Any, args: list[ast.AST], node: ast.Call) -> Pieces:
    """``np.tile(v, (n, 1))``, the vector v stacked as n rows, as ``1_n v^T``; other tilings (``tile(v, n)``,
    ``tile(v, (1, n))`` join copies of v end to end) are refused."""
    reps = args[1] if len(args) == 2 else None
    if not isinstance(reps, ast.Tuple) or len(reps.elts) != 2 or ast.unparse(reps.elts[1]) != "1":
        raise tr.refuse(f"{ast.unparse(node)} is not read: np.tile(v, (n, 1)) (v as n rows) is; other tilings join "
                        "copies of v end to end", node)
    at, count = tr.col(node), reps.elts[0]
    ones = [(r"\mathbf{1}_{", at), *tr.pieces(count), ("}", at)] if not isinstance(count, ast.Constant) else \
        [(rf"\mathbf{{1}}_{count.value}", at)] if ast.unparse(count).isdigit() and len(ast.unparse(count)) == 1 else \
        [(r"\mathbf{1}", at)]  # \mathbf{1}_4 reads, \mathbf{1}_{4} does not: a longer count's length from its use
    return [("(", at), *ones, (r"\cdot", at), *tr.grouped(args[0]), ("^T", at), (")", tr.end(node))]
