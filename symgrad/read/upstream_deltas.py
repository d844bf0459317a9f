"""Backward-pass notation: ``\\delta x_i = \\sum_k \\delta y_k \\frac{\\partial y_k}{\\partial x_i}`` with only ``y`` defined
(δx the gradient of an unnamed loss by x, δy its upstream gradient by the page's one output y). The claim is written as
``\\frac{\\partial L}{\\partial x_i} = \\sum_k dy_k ...`` for the undefined L that ``upstream`` reads, noted."""

from __future__ import annotations

import re

from .context import Context
from .upstream import outputs, undefined

_DELTA = r"(?:\\delta|δ)\s*"
_NAME = r"(\\(?:mathbf|boldsymbol|bm|vec)\{\s*([A-Za-z])\s*\}|\\?([A-Za-z]))"
_HEAD = re.compile(rf"^\s*{_DELTA}{_NAME}")
_ANY = re.compile(rf"{_DELTA}{_NAME}")


def deltas_written(latex: str, ctx: Context) -> str:
    """``latex`` with a head ``\\delta x`` written ``\\frac{\\partial L}{\\partial x}`` and each ``\\delta y`` of the page's
    one output y written ``dy`` (the upstream gradient's name); unchanged where \\delta is a name here, the head is no
    \\delta of a name, or a \\delta stands before another name."""
    head = _HEAD.match(latex)
    ends = outputs(ctx)
    if head is None or ctx.declared_elsewhere("delta") or len(ends) != 1 or not undefined("L", ctx):
        return latex
    (out,) = ends
    by = _letter(head)
    rest = list(_ANY.finditer(latex, head.end()))
    if by == out or not rest or any(_letter(m) != out for m in rest) or ctx.declared_elsewhere("d" + out):
        return latex
    text = latex[:head.start()] + rf"\frac{{\partial L}}{{\partial {head.group(1)}}}"
    at = head.end()
    for m in rest:
        text += latex[at:m.start()] + f" d{out}"
        at = m.end()
    ctx.notes.append(rf"\delta {by} read as the gradient by {by} of a loss L the page leaves unnamed, \delta {out} as "
                     f"its upstream gradient by {out} (backprop's notation)")
    return text + latex[at:]


def _letter(m: re.Match) -> str:
    return m.group(2) or m.group(3)
