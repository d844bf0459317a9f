"""The point that shows a claim wrong, as a person can check it by hand: sizes, indices, inputs, named
values, abstract function values, claim and derivative."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import mpmath
import sympy as sp

from ..tensors import name_of
from .evaluation import _ABSTRACT, _compile, _outside_abstract, _rational
from .problem import _tensors_in
from .search import _Sample, _Search, _value


def _show(v: Any) -> str:
    """A value as a person would write it: an exact fraction when it is one, else 10 significant digits."""
    if isinstance(v, Fraction):
        return str(v)
    f = _rational(v, max_den=10**6)
    if f is not None:
        return str(f)
    if isinstance(v, mpmath.mpc):
        v = v.real
    return mpmath.nstr(v, 10)


def _subscript(name: str, ix: tuple[int, ...]) -> str:
    return f"{name}_{ix[0]}" if len(ix) == 1 else f"{name}_{{{','.join(map(str, ix))}}}"


def _counterexample(s: _Sample, search: _Search, member: sp.Expr) -> dict[str, Any]:
    free = sorted(search.free)
    exprs = [member, *search.members, search.truth_expr, *(d.rhs for d, _ in search.space.definitions),
             *(c.lhs for c in search.problem.constraints)]
    shown = set().union(*(_outside_abstract(e) for e in exprs))  # the rest only feed abstract functions
    values: dict[str, str] = {}
    for name, v in s.point.inputs.items():
        if name not in shown:
            continue
        if isinstance(v, dict):
            for ix, x in sorted(v.items()):
                values[_subscript(name, ix)] = _show(x)
        else:
            values[name] = _show(v)
    names: dict[str, str] = {}
    defined = {d.name for d, _ in search.space.definitions}
    for t in _tensors_in(member):
        n = name_of(t)
        if n in defined:
            table = s.point.vals[n]
            if isinstance(table, dict):
                for ix, x in sorted(table.items()):
                    names[_subscript(n, ix)] = _show(x)
            else:
                names[n] = _show(table)
    oracle = s.point.vals[_ABSTRACT]
    oracle.seen = {}
    try:  # again, recording the abstract values this sample used (the member raises where it is undefined)
        search.truth(dict(s.env), s.point.vals)
        _value(_compile(member), s.env, s.point.vals)
        functions = {label: _show(v) for label, v in oracle.seen.items()}
    finally:
        oracle.seen = None
    return {
        "sizes": dict(s.point.sizes),
        "indices": {n: s.env[n] for n in free},
        "values": values,
        "names": names,
        "functions": functions,
        "claim": "undefined" if s.claim is None else _show(s.claim),
        "derivative": _show(s.truth),
    }
