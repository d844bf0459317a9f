"""A differential in a direction, as matrix calculus writes the Fréchet derivative: ``df(E) = -A^{-1} E A^{-1}``,
``Df(A)[E] = ...``, ``Df(A)(E) = ...`` with ``f(A) = A^{-1}`` defined and E named nowhere else. Read as the derivative
of f at its parameter A (df(E) as f's derivative at the point E cannot take the claim's shape: the claim also writes
A), applied to the direction E: a claim linear in E is that derivative's action, so it is judged as
``\\frac{\\partial f(A)_{ij}}{\\partial A_{kl}} = \\frac{\\partial}{\\partial E_{kl}}(\\text{claim})_{ij}`` (noted), in
index notation so that no layout is read into it (a transposed claim is wrong here, not the other convention). A claim
whose terms do not each hold E once, as a factor, is left alone (its derivative by E could agree with f's where the claim
does not)."""

from __future__ import annotations

import sympy as sp

from ..tensors import indices_of, name_of
from .context import Context
from .tokens import _split, _Tok, _tokens

_TRANSPOSES = frozenset({"T", r"\top", r"\intercal"})
# what may stand in a term beside E for it to stay a factor (a function, a power, a denominator of E is no factor)
_LINEAR_COMMANDS = frozenset({r"\left", r"\right", r"\cdot", r"\,", r"\;", r"\mathrm", r"\operatorname", r"\text",
                              r"\mathbf", r"\boldsymbol", r"\bm", r"\top", r"\intercal"})
_TRACE = frozenset({"tr", "Tr", "trace"})
_INDICES = "ijklpqrsuv"  # the index letters the derivatives are written with, the first the claim leaves free


def directional_head(latex: str, toks: list[_Tok], ctx: Context) -> list[_Tok] | None:
    """``toks`` with a directional differential's head and members written as the derivatives they compare (noted), or
    None where the head is no such differential."""
    parts = _split(toks, {"="})
    head = [t.text for t in parts[0]]
    found = _function_and_direction(head, ctx)
    if found is None or len(parts) < 2:
        return None
    f, parameter, direction = found
    members = [part[1:] for part in parts[1:]]
    if not all(_linear_in(member, direction) for member in members) or \
            not any(t.text == parameter for member in members for t in member):
        return None
    ctx.notes.append(f"d{f}({direction}) read as the differential of {f} at {parameter} in the direction {direction}: "
                     f"each side, linear in {direction}, judged by its derivative by {direction} against "
                     f"the derivative of {f} by {parameter}")
    shape = _ranks(f, ctx)
    if shape is None:
        return None
    taken = {t.text for t in toks} | set(ctx.ranges)
    free = [c for c in _INDICES if c not in taken][:sum(shape)]
    if len(free) < sum(shape):
        return None
    value, by = _subscript(free[:shape[0]]), _subscript(free[shape[0]:])
    at = parts[0][0].col
    out = _made(rf"\frac{{\partial {f}{value}({parameter})}}{{\partial {parameter}{by}}}", at)  # f_{ij}(A): its element
    for part in parts[1:]:  # in index notation: judged as written, no layout read into it
        end = part[-1].col + len(part[-1].text)
        out += [part[0], *_made(rf"\frac{{\partial}}{{\partial {direction}{by}}}", part[0].col), _Tok("sym", "(", end),
                *part[1:], _Tok("sym", ")", end), *_made(value, end)]
    return [*out, toks[-1]]


def _applied_to(rest: list[str]) -> tuple[str, str, str] | None:
    """(f, A, E) of what follows the operator: ``f(A)[E]``, ``f(A)(E)``, ``f_A(E)``, ``f_A[E]``, ``f(A) \\cdot E``."""
    f, at = rest[0], rest[1:]
    if at[:1] == ["("] and at[2:3] == [")"]:
        parameter, at = at[1], at[3:]
    elif at[:1] == ["_"] and len(at) > 1:
        parameter, at = at[1], at[2:]
    else:
        return None
    if len(at) == 3 and (at[0], at[2]) in (("[", "]"), ("(", ")")) or len(at) == 2 and at[0] == r"\cdot":
        return f, parameter, at[-2] if len(at) == 3 else at[1]
    return None


def _ranks(f: str, ctx: Context) -> tuple[int, int] | None:
    """(the rank of f's value, the rank of its parameter) of a function defined of one array, else None."""
    function = ctx.functions[f.lstrip("\\")]
    parameter = function.params[0]
    if not isinstance(parameter, sp.IndexedBase) or not parameter.shape:
        return None
    return len(indices_of(function.body)), len(parameter.shape)


def _subscript(letters: list[str]) -> str:
    return f"_{{{''.join(letters)}}}" if letters else ""


def _function_and_direction(head: list[str], ctx: Context) -> tuple[str, str, str] | None:
    """(f, its parameter, the direction) of ``\\frac{d}{dE} f(E)`` (how ``df(E)`` reads) or ``\\nabla f(A)[E]``,
    ``\\nabla f_A(E)``, ``\\nabla f(A) \\cdot E`` (how ``Df(A)[E]`` reads), ``d f(A)[E]``, with f defined with one
    parameter and E named nowhere; else None."""
    if len(head) == 12 and head[:8] == [r"\frac", "{", "d", "}", "{", "d", head[6], "}"] and \
            head[9::2] == ["(", ")"] and head[10] == head[6]:
        f, direction, parameter = head[8], head[6], None
    elif head and head[0] in (r"\nabla", "d", "D") and len(head) > 4 and not ctx.declared_elsewhere(head[0]):
        found = _applied_to(head[1:])
        if found is None:
            return None
        f, parameter, direction = found
    else:
        return None
    function = ctx.functions.get(f.lstrip("\\"))
    if function is None or len(function.params) != 1:
        return None
    own = name_of(function.params[0])
    if parameter not in (None, own) or direction == own or ctx.declared_elsewhere(direction) or \
            len(direction) != 1 or not direction.isalpha():
        return None
    return f, own, direction


def _linear_in(member: list[_Tok], direction: str) -> bool:
    """Whether each top-level term of ``member`` holds ``direction`` once, as a factor: not under a function (a trace
    aside), a power (a transpose aside), a root, a fraction, or inside brackets with a sum (``A(E + B)`` is affine)."""
    for term in _split([*member, _Tok("end", "", 0)], {"+", "-"}):
        texts = [t.text for t in term if t.text not in ("+", "-")] if term and term[0].text in ("+", "-") else \
            [t.text for t in term]
        if not texts:
            continue
        at = [k for k, t in enumerate(texts) if t == direction]
        if len(at) != 1 or not _factor(texts, at[0]):
            return False
    return True


def _factor(texts: list[str], k: int) -> bool:
    """Whether ``texts[k]``, the direction, is a factor of the term ``texts``."""
    after = texts[k + 1:k + 5]
    power = after[:1] == ["^"] and not (after[1:2] and after[1] in _TRANSPOSES or after[1:4] in (["{", "T", "}"],
                                                                                             ["{", r"\top", "}"]))
    commands = {t for t in texts if t.startswith("\\")} - _LINEAR_COMMANDS
    letters = "".join(t for t in texts if t.isalpha() and len(t) == 1)
    if power or commands or {"/", "|", "!"} & set(texts) or any(w in letters for w in ("exp", "log", "ln", "sin", "cos", "sqrt")):
        return False
    opened: list[int] = []
    for j, t in enumerate(texts[:k]):
        if t in ("(", "[", "{"):
            opened.append(j)
        elif t in (")", "]", "}") and opened:
            opened.pop()
    return all(_transparent(texts, j) for j in opened)


def _transparent(texts: list[str], j: int) -> bool:
    """Whether the group opened at ``texts[j]`` keeps what it holds a factor: a font's braces (``\\mathbf{E}``), or
    a trace's parentheses around a product (``\\mathrm{tr}(G^T E)``)."""
    if texts[j] == "{":
        return j > 0 and texts[j - 1] in (r"\mathbf", r"\boldsymbol", r"\bm")
    depth, close = 0, len(texts)
    for m in range(j, len(texts)):
        depth += (texts[m] in ("(", "[")) - (texts[m] in (")", "]"))
        if depth == 0:
            close = m
            break
    word = "".join(t for t in texts[max(0, j - 6):j] if t.isalpha())
    return any(word.endswith(w) for w in _TRACE) and not {"+", "-"} & set(texts[j:close])


def _made(latex: str, at: int) -> list[_Tok]:
    """The tokens of ``latex`` from column ``at`` on, spaced as written (letters written together stay together)."""
    return [_Tok(t.kind, t.text, at + t.col - 1) for t in _tokens(latex) if t.kind != "end"] if latex else []
