"""A name defined twice, as pages restate a definition in another form (``z = x W + b`` then ``z_{ij} = \\sum_k x_{ik}
W_{kj} + b_j``; ``We had $z = hW$ (or $z_j = \\sum_k h_k W_{kj}$)``): the second is read apart and compared with the
first, element by element, at random values of everything they use (small concrete sizes, every element of the
array defined; a function's body with its parameters renamed to the first's). Where they agree the first definition
stands and the second is noted as checked; where they differ the problem has two definitions of one name and is
refused naming both; where they cannot be compared (an unknown function, shapes that do not match) it is refused as
a name defined twice."""

from __future__ import annotations

import cmath
import copy
import itertools
import random
from collections.abc import Callable

import sympy as sp

from ..errors import ParseError
from ..tensors import Definition
from .bound import _rename_bound
from .context import Context, Function
from .stated_functions import expanded

_DRAWS = 2  # random points at which the two definitions are compared
_MOST_ELEMENTS = 64  # elements of the array defined compared at each point, at most
_SIZES = (3, 2, 4, 5)  # concrete sizes, distinct so that a transposed form does not agree by accident


def restated(latex: str, toks: list, ctx: Context, define: Callable, refusal: ParseError) -> Definition:
    """The definition in ``ctx`` of the name ``toks`` defines again, after checking the restatement agrees with it;
    ``refusal`` (the name is defined twice) where they cannot be compared, a refusal naming both where they differ."""
    name = next(n for n, _ in _names(ctx) if n == _defined_name(refusal))
    old = ctx.definitions[name]
    if name in ctx.families:
        raise refusal
    if name in ctx.functions:
        return _restated_function(latex, toks, ctx, define, refusal, name)
    trial = copy.deepcopy(ctx)
    del trial.definitions[name]
    try:
        new = define(latex, toks, trial)
    except ParseError:
        raise refusal from None
    agree = _agree(old, new)
    if agree is None:
        raise refusal
    if not agree:
        raise ParseError(f"{name} is defined twice, and the two definitions differ as read ({_shown(old)}, and "
                         f"{_shown(new)}): give one definition of {name}", column=refusal.column, source=latex)
    ctx.notes.append(f"{' '.join(latex.split())} restates the definition of {name} in another form: it agrees with "
                     f"the first at random values (read by the first)")
    return old


def _restated_function(latex: str, toks: list, ctx: Context, define: Callable, refusal: ParseError,
                       name: str) -> Definition:
    """A function defined again (``S(x) = ...`` in a definition and in a fact, ``\\sigma(z) = ...`` then
    ``\\sigma(t) = ...``): its body, the parameters renamed to the first's, compared as a value is."""
    old, first = ctx.definitions[name], ctx.functions[name]
    trial = copy.deepcopy(ctx)
    del trial.definitions[name], trial.functions[name]
    try:
        define(latex, toks, trial)
    except ParseError:
        raise refusal from None
    again = trial.functions.get(name)
    if again is None or len(again.params) != len(first.params):
        raise refusal
    agree = _agree(*_bodies(old, first, again, trial))
    if agree is None:
        raise refusal
    if not agree:
        head, body = f"{name}({', '.join(map(str, first.params))})", again.body.xreplace(dict(zip(again.params,
                                                                                                  first.params)))
        raise ParseError(f"{name} is defined twice, and the two definitions differ as read ({head} = {old.rhs}, and "
                         f"{head} = {body}): give one definition of {name}", column=refusal.column, source=latex)
    ctx.notes.append(f"{' '.join(latex.split())} restates the function {name}: it agrees with its first definition at "
                     "random values (read by the first)")
    return old


def _bodies(old: Definition, first: Function, again: Function, ctx: Context) -> tuple[Definition, Definition]:
    """The two bodies, their parameters renamed to the same fresh names and the second's scalar names defined so far
    written out (``\\sigma(x) = u^{-1}`` after ``u = 1 + e^{-x}``: the page's x is the parameter); a defined name
    that uses another letter than the parameter stays apart from it (``\\sigma(t) = u^{-1}`` is constant in t)."""
    if not all(type(q) is sp.Symbol for q in (*first.params, *again.params)):
        return old, Definition(old.lhs, again.body.xreplace(dict(zip(again.params, first.params))))
    fresh = [sp.Dummy(str(q)) for q in first.params]
    return (Definition(old.lhs, old.rhs.xreplace(dict(zip(first.params, fresh)))),
            Definition(old.lhs, expanded(again.body, ctx).xreplace(dict(zip(again.params, fresh)))))


def _names(ctx: Context) -> list[tuple[str, Definition]]:
    return list(ctx.definitions.items())


def _defined_name(refusal: ParseError) -> str:
    return str(refusal).split(" is defined twice")[0].split()[-1]


def _shown(d: Definition) -> str:
    return f"{d.lhs} = {d.rhs}"


def _agree(old: Definition, new: Definition) -> bool | None:
    """Whether two definitions of one name give the same elements at random values; None where they cannot be
    compared (different numbers of indices, functions nothing defines, values that are no numbers)."""
    if len(old.indices) != len(new.indices):
        return None
    avoid = {str(i) for i in (*old.indices, *new.indices)}
    sides = (_rename_bound(old.rhs, avoid), _rename_bound(new.rhs, avoid))
    if any(s.atoms(sp.core.function.AppliedUndef) or s.atoms(sp.Derivative) for s in sides):
        return None
    sizes = _concrete_sizes(old, new)
    extents = [[int(sp.sympify(i.upper).xreplace(sizes)) if i.upper is not None else None for i in d.indices]
               for d in (old, new)]
    if extents[0] != extents[1] or any(e is None for e in extents[0]):
        return None if any(e is None for e in (*extents[0], *extents[1])) else False
    points = list(itertools.islice(itertools.product(*(range(1, e + 1) for e in extents[0])), _MOST_ELEMENTS))
    for draw in range(_DRAWS):
        values: dict = {}
        rng = random.Random(draw)
        for point in points:
            a = _value(sides[0], dict(zip(old.indices, point)), sizes, values, rng)
            b = _value(sides[1], dict(zip(new.indices, point)), sizes, values, rng)
            if a is None or b is None:
                return None
            if abs(a - b) > 1e-9 * (1 + abs(a)):
                return False
    return True


def _concrete_sizes(*definitions: Definition) -> dict[sp.Symbol, sp.Integer]:
    """Each size (a positive integer symbol) either definition uses, a small number of its own."""
    found: set[sp.Symbol] = set()
    for d in definitions:
        for e in (d.lhs, d.rhs):
            found |= {s for s in e.free_symbols if isinstance(s, sp.Symbol) and s.is_integer and s.is_positive}
            for i in e.atoms(sp.Idx):
                found |= {s for s in sp.sympify(i.upper).free_symbols if isinstance(s, sp.Symbol)}
            for b in e.atoms(sp.IndexedBase):
                found |= {s for x in (b.shape or ()) for s in sp.sympify(x).free_symbols}
    return {s: sp.Integer(_SIZES[k % len(_SIZES)] + k // len(_SIZES)) for k, s in enumerate(sorted(found, key=str))}


def _value(e: sp.Expr, at: dict, sizes: dict, values: dict, rng: random.Random) -> complex | None:
    """``e`` at the element ``at`` with concrete sizes; every element and scalar it uses drawn once into ``values``."""
    try:
        e = e.xreplace({i: sp.Integer(v) for i, v in at.items()}).xreplace(sizes).doit()
        table = {}
        for x in e.atoms(sp.Indexed):
            if not all(i.is_Integer for i in x.indices):
                return None
            key = (str(x.base.label), tuple(int(i) for i in x.indices))
            table[x] = values.setdefault(key, sp.Float(rng.uniform(0.3, 0.9)))
        e = e.xreplace(table)
        table = {s: values.setdefault((str(s), ()), sp.Float(rng.uniform(0.3, 0.9))) for s in e.free_symbols
                 if not isinstance(s, sp.Idx)}
        result = complex(sp.N(e.xreplace(table)))
    except (TypeError, ValueError, ZeroDivisionError, AttributeError):
        return None
    return None if cmath.isnan(result) else result
