"""A second derivative written in plain text, ``d^2l/dz^2`` (``d^{2}y/dx^{2}``, and scaladoc's ``d^2^l/dz^2^``, whose
closing caret ends the superscript): read as ``\\frac{d^2 l}{dz^2}``, as the fraction ``d^2 l / dz^2`` means; the
operator ``d`` only where no name d is in the problem."""

from __future__ import annotations

from .context import Context
from .derivative_names import made
from .tokens import _GREEK, _Tok


def plain_second(head: list[_Tok], k: int, ctx: Context) -> tuple[int, list[_Tok]] | None:
    """(the end of ``d^2 f / d x^2`` at ``head[k]``, ``\\frac{d^2 f}{d x^2}``'s tokens), else None."""
    if head[k].text != "d" or ctx.declared_elsewhere("d") or (k and head[k - 1].kind == "letter"):
        return None
    top = _squared(head, k + 1)
    if top is None or not _name(head, top[0]) or _at(head, top[0] + 1) != "/" or _at(head, top[0] + 2) != "d" or \
            not _name(head, top[0] + 3):
        return None
    bottom = _squared(head, top[0] + 4)
    if bottom is None or bottom[1] != top[1]:  # scaladoc's closing caret on both powers, or on neither
        return None
    f, x = head[top[0]].text, head[top[0] + 3].text
    if top[1]:
        ctx.notes.append(f"d^2^{f}/d{x}^2^ read as d^2{f}/d{x}^2: a caret after the power closes the superscript, as "
                         "scaladoc and Pandoc write it")
    return bottom[0], made(rf"\frac{{d^2 {f}}}{{d {x}^2}}")


def _squared(head: list[_Tok], k: int) -> tuple[int, bool] | None:
    """(the position after ``^2``, ``^{2}`` or ``^2^`` at ``head[k]``, whether a closing caret ends it), else None."""
    texts = [_at(head, k + j) for j in range(4)]
    if texts[:2] == ["^", "2"]:
        closed = texts[2] == "^"
        return k + 2 + closed, closed
    return (k + 4, False) if texts == ["^", "{", "2", "}"] else None


def _name(head: list[_Tok], k: int) -> bool:
    """Whether ``head[k]`` is one letter or a Greek command, a name to differentiate or to differentiate by."""
    return k < len(head) and (head[k].kind == "letter" or head[k].text[1:] in _GREEK)


def _at(head: list[_Tok], k: int) -> str:
    return head[k].text if k < len(head) else ""
