"""A claim's head that applies a function the page never defines, standing for the page's one definition with those
arguments: ``f''(x) = ...`` with only ``\\tanh(x) = ...`` defined, ``\\nabla_W \\varphi(X, W, Z)`` with
``y = \\|XWZ - X\\|_F^2``; also ``\\dot{FL}(p)`` (a dot as the derivative of the defined FL) and ``s''(x)`` of a defined s
(the second derivative). Read as that definition where exactly one has those arguments (noted), refused naming the
candidates where several do."""

from __future__ import annotations

import sympy as sp

from ..errors import ParseError
from ..tensors import name_of
from .context import Context
from .derivative_names import made, spelled
from .directional_differentials import directional_head
from .letters import _SPELLING
from .plain_second_derivatives import plain_second
from .tokens import _FUNCS, _split, _Tok
from .upstream import outputs
from .vocabulary import _ELEMENTWISE, _NAMED_FUNCS, _OPERATORS

_PRIMES = {"'": 1, "''": 2, r"\prime": 1, r"\prime\prime": 2, "\u2032": 1, "\u2033": 2}


def stand_ins(latex: str, toks: list[_Tok], ctx: Context) -> list[_Tok]:
    """``toks`` with the head's application of an undefined function (or a dot, or two primes) written as what it
    stands for; unchanged where nothing applies."""
    parts = _split(toks, {"="})
    if len(parts) < 2:
        return toks
    directional = directional_head(latex, toks, ctx)  # df(E) = -A^{-1} E A^{-1}: f's derivative applied to E
    if directional is not None:
        return directional
    head = parts[0]
    alone = _nabla_alone(head, ctx)
    if alone is not None:
        return head + alone + toks[len(head):]
    for k, t in enumerate(head):
        found = _at(latex, head, k, ctx)
        if found is not None:
            end, new = found
            at = t.col
            return head[:k] + [_Tok(u.kind, u.text, at if u.col < 0 else u.col) for u in new] + toks[end:]
    return toks


def _at(latex: str, head: list[_Tok], k: int, ctx: Context) -> tuple[int, list[_Tok]] | None:
    """(end of what is replaced, its replacement) for a construct starting at ``head[k]``, else None."""
    if head[k].text == r"\dot" and k + 1 < len(head):
        return _dotted(head, k, ctx)
    return plain_second(head, k, ctx) or _applied(latex, head, k, ctx)


def _nabla_alone(head: list[_Tok], ctx: Context) -> list[_Tok] | None:
    """``\\nabla_x = ...`` with nothing after the operator: the gradient of the page's one output (noted)."""
    texts = [t.text for t in head if t.text not in ("{", "}", r"\mathbf", r"\boldsymbol", r"\vec")]
    ends = outputs(ctx)
    if len(texts) != 3 or texts[:2] != [r"\nabla", "_"] or len(ends) != 1:
        return None
    written = ctx.stated[ends[0]][1] if ends[0] in ctx.stated else ends[0]
    ctx.notes.append(rf"\nabla_{texts[2]} with nothing after it read as the gradient of {written}, the one output the "
                     "page defines")
    return [_Tok(t.kind, t.text, head[-1].col) for t in made(spelled(ends[0]))]


def _dotted(head: list[_Tok], k: int, ctx: Context) -> tuple[int, list[_Tok]] | None:
    """``\\dot{FL}(p)``, ``\\dot FL(p)`` of a defined FL: ``\\frac{d}{dp} FL(p)``."""
    braced = head[k + 1].text == "{"
    close = next((j for j in range(k + 2, len(head)) if head[j].text == "}"), None) if braced else k + 1
    name = "".join(u.text for u in head[k + 1 + braced:close + (not braced)]) if close else ""
    after = close + 1 if close is not None else len(head)
    args = _arguments(head, after)
    fn = ctx.functions.get(name)
    if fn is None or args is None or len(fn.params) != 1 or len(args[0]) != 1:
        return None
    ctx.notes.append(rf"\dot{{{name}}} read as the derivative of {name}, the function the page defines")
    return args[1], [*made(rf"\frac{{d}}{{d {args[0][0]}}}"), *head[k + 1 + braced:close + (not braced)],
                     *head[after:args[1]]]


def _applied(latex: str, head: list[_Tok], k: int, ctx: Context) -> tuple[int, list[_Tok]] | None:
    """``f''(x)``, ``\\varphi(X, W, Z)`` of an undefined f standing for the one definition; ``s''(x)`` of a defined s."""
    t = head[k]
    if t.kind != "letter" and not (t.kind == "cmd" and t.text[1:].isalpha()):
        return None
    labelled = _labelled(head, k, ctx)
    if labelled is not None:
        return labelled
    name, order, after = t.text.lstrip("\\"), *_primes(head, k + 1)
    args = _arguments(head, after)
    if args is None or (k > 0 and head[k - 1].kind == "letter" and head[k - 1].col + 1 == t.col):
        return None
    names, end = args
    if name in ctx.functions and order == 2 and len(names) == 1:
        return end, [*made(rf"\frac{{d^2}}{{d {names[0]}^2}}"), *head[k:k + 1], *head[after:end]]
    if ctx.declared_elsewhere(name) or name in ("d", "e") or _known(t.text, name):
        return None
    spelling = _stand_in(name, names, ctx, latex)
    if spelling is None or (order and len(names) != 1):
        return None
    by = rf"\frac{{d{'^2' if order == 2 else ''}}}{{d {names[0]}{'^2' if order == 2 else ''}}}" if order else ""
    return end, made(by + " " + spelling)


def _labelled(head: list[_Tok], k: int, ctx: Context) -> tuple[int, list[_Tok]] | None:
    """``s'_a(x)``, ``s''_a(x)``, ``s_a''(x)`` of a defined ``s_a(x) = ...`` (a function whose subscript names its
    parameter): the first or second derivative by its one argument. A prime before the subscript is typeset as one
    after it (``s'_a`` and ``s_a'`` print alike), so both are read the same."""
    if head[k].kind != "letter" or k + 1 >= len(head):
        return None
    order, after = _primes(head, k + 1)
    sub = _subscript(head, after if order else k + 1)
    if sub is None:
        return None
    label, past = sub
    if not order:  # s_a'(x): the parser reads one prime after the subscript; two are read here
        order, past = _primes(head, past)
        order = order if order == 2 else 0
    args = _arguments(head, past)
    fn = ctx.functions.get(f"{head[k].text}_{label}")
    if fn is None or order not in (1, 2) or args is None or len(args[0]) != 1 or len(fn.params) != 1:
        return None
    (x,), end = args
    power = "^2" if order == 2 else ""
    return end, [*made(rf"\frac{{d{power}}}{{d {x}{power}}}"), head[k], *made(f"_{{{label}}}"), *head[past:end]]


def _subscript(head: list[_Tok], k: int) -> tuple[str, int] | None:
    """(the label, the position after it) of ``_a`` or ``_{w,b}`` at ``head[k]``; None where no subscript is."""
    if k + 1 >= len(head) or head[k].text != "_":
        return None
    if head[k + 1].text != "{":
        return head[k + 1].text, k + 2
    close = next((j for j in range(k + 2, len(head)) if head[j].text == "}"), None)
    if close is None or close == k + 2:
        return None
    return "".join(u.text for u in head[k + 2:close]), close + 1


# LaTeX's operator names (\det, \max, \Pr, ...): each means its operator, never a function the page leaves undefined
_LATEX_OPERATORS = frozenset({"det", "max", "min", "sup", "inf", "lim", "arg", "Pr", "dim", "ker", "deg", "gcd", "hom"})


def _known(text: str, name: str) -> bool:
    """A function or operator symgrad knows by name (``\\sigma`` the sigmoid, ``\\tanh``, ``relu``, ``\\det``,
    ``tr``): never a stand-in."""
    return text in _ELEMENTWISE or name in _ELEMENTWISE or name in _SPELLING or \
        name.lower() in _FUNCS | _NAMED_FUNCS | _OPERATORS or (text.startswith("\\") and name in _LATEX_OPERATORS)


def _primes(head: list[_Tok], k: int) -> tuple[int, int]:
    """(how many primes, the position after them) at ``head[k]``: ``''``, ``^{\\prime}``, ``^\\prime``."""
    if k < len(head) and head[k].text == "^":
        k += 1
        braced = k < len(head) and head[k].text == "{"
        j = k + braced
        marks = ""
        while j < len(head) and head[j].text in ("'", r"\prime"):
            marks += head[j].text
            j += 1
        return (_PRIMES.get(marks, 0), j + braced) if marks else (0, k - 1)
    j, marks = k, ""
    while j < len(head) and head[j].text in ("'", "\u2032", "\u2019"):
        marks += "'"
        j += 1
    return _PRIMES.get(marks, 0), j


def _arguments(head: list[_Tok], k: int) -> tuple[list[str], int] | None:
    """The names in ``( a, b, c )`` at ``head[k]`` (each one letter or a Greek command) and the position after."""
    if k >= len(head) or head[k].text != "(":
        return None
    names, j = [], k + 1
    while j < len(head) and head[j].text != ")":
        if head[j].text != "," and not (head[j].kind == "letter" or head[j].kind == "cmd" and head[j].text[1:].isalpha()):
            return None
        if head[j].text != ",":
            names.append(head[j].text)
        j += 1
    return (names, j + 1) if names and j < len(head) else None


def _stand_in(name: str, args: list[str], ctx: Context, latex: str) -> str | None:
    """The spelling of the one definition whose arguments are ``args``: a function with those parameters applied to
    them, or a defined name whose inputs they are (noted); None where none is; refused where several are."""
    want = [a.lstrip("\\") for a in args]
    functions = [f.name for f in ctx.functions.values() if [str(p) for p in f.params] == want]
    nodes = [n for n, d in ctx.definitions.items() if n not in ctx.functions and not d.rhs.atoms(sp.Derivative)
             and _used_by_none(n, ctx) and _inputs(n, ctx) == set(want)]
    candidates = functions + nodes
    if not candidates:
        return None
    if len(candidates) > 1:
        raise ParseError(f"{name}({', '.join(args)}) is not defined, and it could stand for any of "
                         f"{', '.join(candidates)}: write that name", column=1, source=latex)
    (found,) = candidates
    written = ctx.stated[found][1] if found in ctx.stated else found
    ctx.notes.append(f"{name} (not defined) read as {written}, the one definition of {', '.join(want)}")
    if found in ctx.functions:
        return f"{spelled(found)}({', '.join(args)})"
    return spelled(found)


def _used_by_none(name: str, ctx: Context) -> bool:
    return not any(name in {name_of(a) for a in (*d.rhs.free_symbols, *d.rhs.atoms(sp.IndexedBase))}
                   for n, d in ctx.definitions.items() if n != name)


def _inputs(name: str, ctx: Context, seen: frozenset[str] = frozenset()) -> set[str]:
    """The names a definition depends on through the other definitions, sizes and indices aside."""
    d = ctx.definitions[name]
    bound = {str(i) for i in d.rhs.atoms(sp.Idx)} | {str(v) for s in d.rhs.atoms(sp.Sum) for v in s.variables}
    out: set[str] = set()
    for a in (*d.rhs.free_symbols, *d.rhs.atoms(sp.IndexedBase)):
        n = name_of(a)
        if n in bound or n in ctx.sizes or isinstance(a, sp.Idx) or n == name:
            continue
        out |= _inputs(n, ctx, seen | {name}) if n in ctx.definitions and n not in seen else {n}
    return out
