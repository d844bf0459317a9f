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
_POWER = re.compile(r"\b(?P<base>[A-Za-z]\w*)\*\*(?P<k>[2-4])\b")  # X**2: SymPy's matrix power, X@X


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
    written = _STAR.sub("@", _POWER.sub(lambda m: "@".join([m["base"]] * int(m["k"])), text))
    try:
        return written if code_pieces(written) is not None else text
    except ParseError:
        return text
