"""A definition chain that applies a function defined before to a new name (``y = f(u) = \\frac{1}{u}`` after
``f(x) = \\frac{1}{1 + e^{-x}}``): pages reuse f as "the outer function" of a chain rule. The chain's explicit side
defines the name; f(u) there is read as a local name for it, and where it disagrees with f as defined the note says
so (the f of every other line keeps its definition)."""

from __future__ import annotations

import random

import sympy as sp

from .context import Context
from .tokens import _Tok

_POINTS = 3  # random points at which f(u) as defined and the chain's explicit side are compared


def applied_sides(parts: list[list[_Tok]], ctx: Context) -> dict[int, tuple[str, tuple[str, ...]]]:
    """The sides ``f(u)`` / ``f(u, v)`` of a definition's ``=`` chain (each part after the first, its ``=`` first)
    that apply a function ``ctx`` already defines to names: side number -> (function, argument names)."""
    found = {}
    for k, side in enumerate(parts[1:], start=1):
        body = side[1:]
        if len(body) < 4 or body[0].kind not in ("letter", "cmd") or body[1].text != "(" or body[-1].text != ")":
            continue
        args = body[2:-1]
        name = body[0].text.lstrip("\\")
        if name in ctx.functions and all(t.kind in ("letter", "cmd") for t in args[::2]) \
                and all(t.text == "," for t in args[1::2]) and len(args) % 2:
            found[k] = (name, tuple(t.text.lstrip("\\") for t in args[::2]))
    return found


def reuse_note(text: str, name: str, args: tuple[str, ...], value: sp.Expr, defined: str, ctx: Context) -> str:
    """The note for a side ``text`` = ``name(args)`` passed over for the chain's explicit side ``value`` (the one that
    defines ``defined``): whether f as defined gives the same value there."""
    fn = ctx.functions[name]
    if len(fn.params) != len(args):
        agree = False
    else:
        applied = fn.body.xreplace({p: _argument(a, ctx) for p, a in zip(fn.params, args, strict=True)})
        agree = _agree(applied, value)
    if agree:
        return f"{text} in {defined}'s = chain agrees with {name} as defined"
    how = "differs from" if agree is False else "was not compared with"
    return (f"{text} in {defined}'s = chain read as a local name for its explicit side: it {how} {name} as defined "
            f"(a page's outer function of a chain rule); {name} elsewhere keeps its definition")


def _argument(name: str, ctx: Context) -> sp.Basic:
    known = ctx.definitions.get(name)
    return known.lhs if known is not None else ctx.tensors.get(name, sp.Symbol(name))


def _agree(a: sp.Expr, b: sp.Expr) -> bool | None:
    """Whether two scalar expressions agree at random points (None where they hold arrays, sums or functions)."""
    if a.atoms(sp.Indexed, sp.Sum) or b.atoms(sp.Indexed, sp.Sum):
        return None
    symbols = sorted(a.free_symbols | b.free_symbols, key=str)
    rng = random.Random(0)
    for _ in range(_POINTS):
        point = {s: sp.Float(rng.uniform(0.3, 1.7)) for s in symbols}
        try:
            diff = complex(sp.N((a - b).xreplace(point)))
        except (TypeError, ValueError):
            return None
        if abs(diff) > 1e-9 * (1 + abs(complex(sp.N(a.xreplace(point))))):
            return False
    return True
