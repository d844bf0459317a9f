"""SymPy's matrices as a sympy issue's code declares them. ``X = MatrixSymbol('X', n, n)`` among the definitions is the
fact X \\in \\mathbb{R}^{n \\times n}; and with one declared, the problem's code is SymPy's: its ``*`` is SymPy's
product (between matrices the matrix product, as ``@``), not NumPy's elementwise one, and ``X**2`` SymPy's matrix
power, as the reader reads X^{2} of a square matrix. Verify calls ``in_sympy`` on its inputs before reading them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..errors import ParseError
from .code import code_pieces

# X = MatrixSymbol('X', n, n): the name given as the variable's own (another would be a second name for it)
_DECLARED = re.compile(r"\s*(?P<name>[A-Za-z]\w*)\s*=\s*(?:(?:sympy|sp)\.)?MatrixSymbol\(\s*(?P<q>['\"])(?P=name)(?P=q)"
                       r"\s*,\s*(?P<rows>[A-Za-z]\w*|\d+)\s*,\s*(?P<cols>[A-Za-z]\w*|\d+)\s*\)\s*;?\s*")
_STAR = re.compile(r"(?<!\*)\*(?!\*)")  # a product, not a power **
# X**2, (X + Y)**2: SymPy's matrix power, X@X; X**-1 its inverse
_POWER = re.compile(r"\*\*\s*(?P<k>[2-4]|-1|\(-1\))(?![\w.])")


def in_sympy(claim: str, of: str | None, define: Sequence[str]) -> tuple[str, str | None, list[str], list[str]]:
    """The claim, the head and the definitions as read where MatrixSymbols are declared among the definitions (each
    declaration its fact, each ``*`` of code the product ``@``), with notes; the inputs as given where none is."""
    declared = [m for text in define if (m := _DECLARED.fullmatch(text))]
    if not declared:
        return claim, of, list(define), []
    facts = [rf"{m['name']} \in \mathbb{{R}}^{{{m['rows']} \times {m['cols']}}}" for m in declared]
    texts = [claim, of or "", *(text for text in define if not _DECLARED.fullmatch(text))]
    read = [_products(text) for text in texts]
    names = ", ".join(m["name"] for m in declared)
    notes = [f"code: SymPy's {' '.join(m.group().split())} read as {fact}" for m, fact in zip(declared, facts, strict=True)]
    if read != texts:
        notes.append(f"code: with {names} declared MatrixSymbols, * and ** read as SymPy's product and power (between "
                     "matrices the matrix product; NumPy's would be elementwise)")
    return read[0], read[1] if of is not None else None, [*facts, *read[2:]], notes


def _products(text: str) -> str:
    """``text`` with each ``*`` of a product written ``@`` (columns kept) and a name's power ``X**2`` as ``X@X``, where
    it is code that reads so; as written where it is not code (a page's ``A*X`` is already the product)."""
    if not _STAR.search(text) and not _POWER.search(text):
        return text
    written = _STAR.sub("@", _powers(text))
    try:
        return written if code_pieces(written) is not None else text
    except ParseError:
        return text


def _powers(text: str) -> str:
    """``text`` with each power ``B**k`` of a name or a bracketed base B written as SymPy means it between matrices:
    ``B@B`` for k from 2 to 4, ``inv(B)`` for -1 (any other power as written)."""
    for m in reversed(list(_POWER.finditer(text))):
        start = _base_start(text, m.start())
        if start is None:
            continue
        base, k = text[start:m.start()], m["k"].strip("()")
        text = text[:start] + (f"inv({base})" if k == "-1" else "@".join([base] * int(k))) + text[m.end():]
    return text


def _base_start(text: str, end: int) -> int | None:
    """Where the base of a power ending at ``end`` starts: a name (``X``, ``A.T``), a bracket or a call; None for
    another."""
    if text[end - 1:end] == ")":
        depth = 0
        for k in range(end - 1, -1, -1):
            depth += (text[k] == ")") - (text[k] == "(")
            if depth == 0:
                call = re.search(r"[A-Za-z][\w.]*$", text[:k])  # Trace(X)**2: the call's value
                return call.start() if call else k
        return None
    name = re.search(r"[A-Za-z]\w*(?:\.T)?$", text[:end])
    return name.start() if name else None
