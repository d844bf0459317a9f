"""A claim whose head is a differential: ``d f(X) = G``, ``df = ...``, ``\\mathrm{d}f = \\mathrm{tr}(G^T dX)``,
``d(f^2)(X) = ...``. The head names a defined function or name and the variable (its one parameter, the argument
written, or the one ``dX`` of the right side); it is read as ``\\frac{\\partial f}{\\partial X}`` (noted). A right
side written in ``dX`` (``G : dX``, ``\\mathrm{tr}(P\\,dX\\,Q)``, ``\\langle G, dX \\rangle``, ``g^T dx``) is read as
the gradient it pairs with ``dX`` (noted); one without ``dX`` is the gradient itself, as pages write it."""

from __future__ import annotations

import itertools

import sympy as sp

from ..errors import ParseError
from ..tensors import name_of
from .context import Context
from .tokens import _source_text, _split, _Tok

_UPRIGHT = ("\\mathrm", "\\operatorname", "\\text", "\\textrm", "\\mbox", "\\rm")
_OPEN, _CLOSE = ("(", "[", "{", "\\{"), (")", "]", "}", "\\}")
_FORMS = "G : dX, dX : G, \\mathrm{tr}(G^T dX), \\langle G, dX \\rangle or g^T dx"


def differential_heads(latex: str, toks: list[_Tok], ctx: Context) -> list[_Tok]:
    """``toks`` with a differential head ``d f(X)`` written as ``\\frac{\\partial f}{\\partial X}`` and each right side
    in ``dX`` written as its gradient (noted); unchanged where the head is no differential of a known name."""
    parts = _split(toks, {"="})
    if len(parts) < 2 or ctx.known("d") and "d" not in ctx.sizes:  # a size d the reader named is no product here
        return toks
    head = parts[0]
    mark = _mark(head, 0)
    if not mark or mark == len(head):
        return toks
    found = _of_and_by(head[mark:], toks[len(head):], ctx)
    if found is None:
        return toks
    of, by = found
    at = head[0].col
    new = [_Tok("cmd", "\\frac", at), _Tok("sym", "{", at), _Tok("cmd", "\\partial", at), *of,
           _Tok("sym", "}", at), _Tok("sym", "{", at), _Tok("cmd", "\\partial", at), *by, _Tok("sym", "}", at)]
    sides = [_gradient_of(latex, side[1:], by, ctx) for side in parts[1:]]
    written = latex[head[0].col - 1:head[-1].col - 1 + len(head[-1].text)]
    dvar = "d" + "".join(t.text for t in by)
    if any(g is not None for g in sides):
        ctx.notes.append(f"{written} read as the differential of {_text(of)} by {_text(by)}: each side written in "
                         f"{dvar} is the gradient it pairs with {dvar}")
    else:
        ctx.notes.append(f"{written} read as the gradient of {_text(of)} by {_text(by)}: its right side writes no "
                         f"{dvar}")
    out = new
    for side, grad in zip(parts[1:], sides):
        out += [side[0], *(grad if grad is not None else side[1:])]
    return out + [toks[-1]]


def _mark(toks: list[_Tok], k: int) -> int:
    """How many tokens from ``k`` spell a differential's d: ``d``, ``\\mathrm{d}``; 0 if none."""
    if k < len(toks) and toks[k].kind == "letter" and toks[k].text == "d":
        return 1
    if k + 3 < len(toks) and toks[k].text in _UPRIGHT and [t.text for t in toks[k + 1:k + 4]] == ["{", "d", "}"]:
        return 4
    return 0


def _close(toks: list[_Tok], k: int) -> int:
    """Index of the bracket closing the one at ``k``."""
    depth = 0
    for j in range(k, len(toks)):
        depth += (toks[j].text in _OPEN) - (toks[j].text in _CLOSE)
        if depth == 0:
            return j
    return len(toks)


def _of_and_by(rest: list[_Tok], right: list[_Tok], ctx: Context) -> tuple[list[_Tok], list[_Tok]] | None:
    """The differentiated name's tokens and the variable's: ``f(X)``, ``(f^2)(X)``, ``f`` with f a function of one
    parameter, or ``f`` with the right side's one ``dX``; None where the head is no such thing."""
    if rest[0].text == "(":
        end = _close(rest, 0)
        inner, after = rest[1:end], rest[end + 1:]
    else:
        end = next((k for k, t in enumerate(rest) if t.text == "("), len(rest))
        inner, after = rest[:end], rest[end:]
    if not inner or any(t.kind == "sym" and t.text not in ("^", "_", "{", "}") for t in inner):
        return None
    name = inner[0].text.lstrip("\\")
    if name not in ctx.functions and name not in ctx.definitions:
        return _of_expression(rest, inner, after, right, ctx)
    if after:
        if after[0].text != "(" or _close(after, 0) != len(after) - 1 or any(t.text == "," for t in after):
            return None
        return inner, after[1:-1]
    function = ctx.functions.get(name)
    if function is not None and len(function.params) == 1:
        param = name_of(function.params[0])
        return inner, [_Tok("letter" if len(param) == 1 else "cmd", _spelled(param), inner[0].col)]
    differentials = {_text(by): by for by in _differentials(right, ctx)}
    return (inner, next(iter(differentials.values()))) if len(differentials) == 1 else None


def _of_expression(rest: list[_Tok], inner: list[_Tok], after: list[_Tok], right: list[_Tok],
                   ctx: Context) -> tuple[list[_Tok], list[_Tok]] | None:
    """``d(x^T C x) = x^T(C + C^T) dx``: the differential of a bracketed expression of names nothing defines, by the
    one ``dX`` of the right side whose X the expression writes; None for anything else."""
    if rest[0].text != "(" or after:
        return None
    written = {t.text for t in inner if t.kind in ("letter", "cmd")}
    differentials = {_text(by): by for by in _differentials(right, ctx, written)}
    return (rest[:len(inner) + 2], next(iter(differentials.values()))) if len(differentials) == 1 else None


def _spelled(name: str) -> str:
    return name if len(name) == 1 else "\\" + name


def _differentials(toks: list[_Tok], ctx: Context, written: set[str] | None = None) -> list[list[_Tok]]:
    """The variables of the ``dX`` written in ``toks`` (X a name the problem knows, or one of ``written``)."""
    found = []
    for k in range(len(toks)):
        mark = _mark(toks, k)
        if mark and k + mark < len(toks):
            by = _variable_at(toks, k + mark)
            if by and (mark > 1 or toks[k + 1].col == toks[k].col + 1) and (
                    _a_variable(by, ctx) if written is None else by[-1].text in written and len(by) == 1):
                found.append(by)
    return found


def _a_variable(by: list[_Tok], ctx: Context) -> bool:
    """Whether the name ``by`` spells is one the problem knows or a defined function's parameter."""
    name = by[0].text.lstrip("\\") if len(by) == 1 else by[2].text
    inputs = {name_of(a) for d in ctx.definitions.values() for a in d.rhs.atoms(sp.Symbol, sp.Indexed)}
    return ctx.known(name) or name in inputs or any(name in map(name_of, f.params) for f in ctx.functions.values())


def _variable_at(toks: list[_Tok], k: int) -> list[_Tok]:
    """The name written at ``k``: a letter, a command, or ``\\mathbf{x}``."""
    t = toks[k]
    if t.kind == "cmd" and k + 3 < len(toks) and toks[k + 1].text == "{" and toks[k + 3].text == "}":
        return toks[k:k + 4]
    return [t] if t.kind in ("letter", "cmd") else []


def _find(side: list[_Tok], by: list[_Tok]) -> list[tuple[int, int]]:
    """(start, end) of each ``d<by>`` in ``side``."""
    texts = [t.text for t in by]
    spans = []
    for k in range(len(side)):
        mark = _mark(side, k)
        if mark and [t.text for t in side[k + mark:k + mark + len(by)]] == texts:
            spans.append((k, k + mark + len(by)))
    return spans


def _gradient_of(latex: str, side: list[_Tok], by: list[_Tok], ctx: Context) -> list[_Tok] | None:
    """The gradient a right side written in ``d<by>`` pairs with it; None where it writes no ``d<by>``."""
    spans = _find(side, by)
    others = [b for b in _differentials(side, ctx) if [t.text for t in b] != [t.text for t in by]]
    if not spans and not others:
        return None
    written = latex[side[0].col - 1:side[-1].col - 1 + len(side[-1].text)] if side else ""
    if others or len(spans) != 1:
        raise ParseError(f"{written} is a differential symgrad cannot pair with one d{_text(by)}: write it as "
                         f"{_FORMS}", column=side[0].col, source=latex)
    (start, end), = spans
    grad = _colon(side, start, end) or _angle(side, start, end) or _trace(side, start, end) or _row(side, start, end)
    if grad is None:
        raise ParseError(f"{written}: symgrad reads a differential written as {_FORMS}", column=side[0].col,
                         source=latex)
    return grad


def _colon(side: list[_Tok], start: int, end: int) -> list[_Tok] | None:
    """``G : dX`` or ``dX : G``: G."""
    if start > 0 and end == len(side) and side[start - 1].text == ":":
        return side[:start - 1]
    if start == 0 and end < len(side) and side[end].text == ":":
        return side[end + 1:]
    return None


def _angle(side: list[_Tok], start: int, end: int) -> list[_Tok] | None:
    """``c \\langle G, dX \\rangle`` or ``c \\langle dX, G \\rangle``: c (G)."""
    if len(side) > 2 and side[-2].text == "_" and side[-3].text == "\\rangle":  # \langle G, dX \rangle_F
        side = side[:-2]
    opened = next((k for k, t in enumerate(side) if t.text == "\\langle"), None)
    if opened is None or side[-1].text != "\\rangle" or not opened < start < len(side) - 1:
        return None
    if side[start - 1].text == "," and side[start - 1] is not side[opened] and end == len(side) - 1:
        return side[:opened] + _paren(side[opened + 1:start - 1], side[opened].col)
    if start == opened + 1 and side[end].text == ",":
        return side[:opened] + _paren(side[end + 1:-1], side[opened].col)
    return None


def _trace(side: list[_Tok], start: int, end: int) -> list[_Tok] | None:
    """``c \\mathrm{tr}(P dX Q)``: c ((Q)(P))^T, the gradient by the trace's cyclic rule."""
    for k in range(start - 1, -1, -1):
        if side[k].text in ("(", "[", "\\{") and _close(side, k) == len(side) - 1 and _is_trace(side[:k]):
            before, col = side[:_trace_start(side[:k])], side[k].col
            p, q = side[k + 1:start], side[end:-1]
            inner = (_paren(q, col) if q else []) + (_paren(p, col) if p else [])
            if not inner:
                return None
            return before + _paren(inner, col) + [_Tok("sym", "^", col), _Tok("letter", "T", col)]
    return None


def _trace_name(toks: list[_Tok]) -> str:
    return "".join(t.text for t in toks if t.kind == "letter").lower()


def _trace_start(toks: list[_Tok]) -> int:
    """Where the trace's name begins in ``toks`` (which ends with it)."""
    if toks[-1].text == "\\tr":
        return len(toks) - 1
    if toks[-1].text == "}":
        return len(toks) - 5
    return len(toks) - 2


def _is_trace(toks: list[_Tok]) -> bool:
    """Whether ``toks`` ends with a trace's name: ``tr``, ``Tr``, ``\\mathrm{tr}``, ``\\operatorname{Tr}``."""
    if toks and toks[-1].text == "\\tr":
        return True
    if len(toks) >= 5 and toks[-1].text == "}" and toks[-5].text in _UPRIGHT:
        return _trace_name(toks[-4:-1]) == "tr"
    return len(toks) >= 2 and _trace_name(toks[-2:]) == "tr" and toks[-1].col == toks[-2].col + 1


def _row(side: list[_Tok], start: int, end: int) -> list[_Tok] | None:
    """``g^T dx``: the row before a vector's dx, transposed: (g^T)^T."""
    if end != len(side) or start == 0:
        return None
    col = side[start].col
    return _paren(side[:start], col) + [_Tok("sym", "^", col), _Tok("letter", "T", col)]


def _paren(toks: list[_Tok], col: int) -> list[_Tok]:
    return [_Tok("sym", "(", col), *toks, _Tok("sym", ")", col)]


def _text(toks: list[_Tok]) -> str:
    return "".join(t.text + (" " if t.kind == "cmd" and t.text not in _UPRIGHT else "") for t in toks).strip()


def source_text(latex: str, toks: list[_Tok]) -> str:
    """The text of ``toks``: the page's own where they are the page's, else spelled from the tokens (a gradient the
    reader wrote for a differential), so that it reads back alone."""
    if all(latex[t.col - 1:].startswith(t.text) for t in toks if t.kind in ("letter", "digit", "sym") and t.col > 0):
        return latex[toks[0].col - 1:toks[-1].col - 1 + len(_source_text(toks[-1], latex))]
    spelled = toks[0].text
    for a, b in itertools.pairwise(toks):
        apart = a.kind == "cmd" and b.kind in ("letter", "cmd", "digit") or b.col != a.col + len(a.text)
        spelled += (" " if apart else "") + b.text
    return spelled
