"""A claim that cannot be formed with the sizes the user declared is wrong as written (diagnosis "shape"), not
unreadable: a row vector added to a column, a product whose inner sizes differ, every size stated by the user.

Only mismatches of the operations themselves count (adding, multiplying), between sizes the facts declared, in a
member that writes no derivative of its own; the rest stays unreadable: a mismatch of an index's range (``index i of
x: size n does not match size N``) is more often the reader's misreading of which range an index runs over than the
writer's slip, a size nothing declared is the reader's choice, and the shape of a derivative written inside a member
(``\\frac{dL}{dv^T} v``) depends on a layout convention the page may not share.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..errors import ShapeMismatchError, SymgradError
from .verdict import Verdict

# the messages of the read/arrays operations whose operands cannot combine (one table: add a spelling here)
OPERATIONS = re.compile(r"(cannot (add|subtract|multiply|combine)\b|(matrix product|add|multiply): size )")
SIZES = re.compile(r"shapes? \(([^()]*)\)|size (\S+)")  # the sizes a mismatch names: (n, 1), size n
DERIVATIVE = re.compile(r"\\partial|\\nabla|\\frac\s*\{?\s*d|\bd\s*/\s*d")  # a derivative written in a member


def ill_shaped(error: ShapeMismatchError, stage: str, given: Sequence[str], define: Sequence[str]) -> Verdict | None:
    """The wrong verdict for a claim whose operands cannot combine with every size as declared: each size the
    mismatch names is one the facts declare (``x \\in \\mathbb{R}^n``, ``X ∈ ℝⁿˣᵈ``, ``X is n x d``) or a definition
    writes (a sum's bound); None where the mismatch is not the claim's own, a size was the reader's choice, or the
    member writes a derivative."""
    text = str(error)
    if stage != "--claim" or not error.declared or not OPERATIONS.match(text):
        return None
    named = {s.strip() for m in SIZES.finditer(text) for s in (m.group(1) or m.group(2)).split(",")} - {"1"}
    declared = _declared_sizes(given)
    if not named or not all(s in declared or _written(s, " ".join(define)) for s in named) or \
            _member_has_derivative(error):
        return None
    return Verdict("wrong", diagnosis="shape", column=error.column,
                   message=f"shape. As written, the claim cannot be formed with the sizes declared: {text} (in "
                           "--claim). Check the transposes and the order of the products.")


def _declared_sizes(given: Sequence[str]) -> set[str]:
    """The sizes the facts declare, read again apart from everything else (reading the claim adds sizes of its own)."""
    from ..parse import Context, parse_given

    ctx = Context()
    for fact in given:
        try:
            parse_given(fact, ctx)
        except SymgradError:
            continue
    return ({*ctx.sizes, *(str(s) for s in ctx.sizes.values())} - set(ctx.provisional_sizes)) - {
        str(ctx.matrix_size)}


def _written(size: str, text: str) -> bool:
    """Whether the size ``n`` stands in ``text`` as a name of its own (``\\mathbb{R}^n``; not the n of ``\\sin``)."""
    return re.search(r"(?<![A-Za-z\\])" + re.escape(size) + r"(?![A-Za-z])", text) is not None


def _member_has_derivative(error: ShapeMismatchError) -> bool:
    """Whether the member of the claim (between its = signs) where the mismatch stands writes a derivative."""
    source, column = error.source or "", (error.column or 1) - 1
    start, end = source.rfind("=", 0, column) + 1, source.find("=", column)
    return bool(DERIVATIVE.search(source[start:end if end >= 0 else len(source)]))
