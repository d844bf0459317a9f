"""``np.einsum("ij,j->i", A, v)`` in code (read/code.py) as the index notation it spells."""

from __future__ import annotations

import ast
import re
from typing import Any


def einsum_pieces(tr: Any, node: ast.Call) -> list[tuple[str, int]]:
    """``np.einsum("ij,j->i", A, v)`` as index notation, ``\\sum_{j} A_{ij} v_{j}``: each operand a name with its
    letters as indices, the letters not in the output summed. Refused: implicit output, ``...``, an output that
    reorders the axes (``ij->ji``), an operand that is not a name."""
    spec, operands = (node.args[0], node.args[1:]) if node.args else (None, [])
    text = spec.value.replace(" ", "") if isinstance(spec, ast.Constant) and isinstance(spec.value, str) else ""
    terms, _, out = text.partition("->")
    inputs = terms.split(",")
    seen = list(dict.fromkeys("".join(inputs)))
    if "->" not in text or not re.fullmatch(r"[a-z,]*->[a-z]*", text) or len(inputs) != len(operands) or \
            any(not isinstance(o, ast.Name) or len(i) == 0 for o, i in zip(operands, inputs, strict=False)) or \
            [c for c in seen if c in out] != list(out) or node.keywords:
        raise tr.refuse(f"{ast.unparse(node)} is read only as einsum('ij,j->i', A, v): explicit output in the order "
                        "the letters first appear, each operand a name", node)
    at, summed = tr.col(node), [c for c in seen if c not in out]
    pieces: list[tuple[str, int]] = [(rf"\sum_{{{','.join(summed)}}}", at), ("(", at)] if summed else [("(", at)]
    for operand, letters in zip(operands, inputs, strict=True):
        pieces += [*tr.pieces(operand), (f"_{{{','.join(letters)}}}", tr.col(operand))]
    return [*pieces, (")", tr.end(node))]
