"""Loss definitions evaluated element by element in float64: the reference for a compiled loss value.

Slow on purpose and independent of the compiler: explicit loops over indices and ``Sum`` s,
NumPy for the elementary functions, and SymPy at 30 digits for any other function and for
every constant the reader knows (``\\pi``, ``e``, ``\\gamma_E``, ``\\sqrt{2}``, ...).
"""

from __future__ import annotations

import itertools
import math
import operator
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy as sp

from ..errors import SymgradError
from ..tensors import name_of

if TYPE_CHECKING:
    from ..derivation import Graph


def evaluate_definitions(graph: Graph, arrays: Mapping[str, np.ndarray], sizes: Mapping[str, int]) -> dict[str, Any]:
    """Every definition evaluated element by element in float64, with explicit loops over indices and Sums.

    Slow on purpose and independent of the compiler: the reference for the compiled loss value.
    """
    values: dict[str, Any] = {**sizes, **{k: np.asarray(v, dtype=np.float64) for k, v in arrays.items()}}
    with np.errstate(all="ignore"):
        for d in graph.definitions:
            own = d.indices
            if not own:
                values[d.name] = np.float64(evaluate(d.rhs, {}, values))
                continue
            ranges = [range(int(evaluate(i.lower, {}, values)), int(evaluate(i.upper, {}, values)) + 1)
                      for i in own]
            out = np.empty([len(r) for r in ranges])
            for point in itertools.product(*ranges):
                env = {str(i.label): v for i, v in zip(own, point)}
                out[tuple(v - r.start for v, r in zip(point, ranges))] = evaluate(d.rhs, env, values)
            values[d.name] = out
    return values


# functions evaluated with NumPy; any other SymPy function is evaluated by SymPy at the numeric arguments
_FUNCTIONS: dict[type, Callable[..., Any]] = {
    sp.exp: np.exp, sp.log: np.log, sp.tanh: np.tanh, sp.cosh: np.cosh, sp.sinh: np.sinh, sp.Abs: np.abs,
    sp.sign: np.sign, sp.Max: lambda *a: max(a), sp.Min: lambda *a: min(a),
}
_RELATIONS: dict[type, Callable[[Any, Any], bool]] = {
    sp.Eq: operator.eq, sp.Ne: operator.ne, sp.Lt: operator.lt, sp.Le: operator.le, sp.Gt: operator.gt,
    sp.Ge: operator.ge,
}


def _piecewise(expr: sp.Piecewise, env: dict[str, int], values: Mapping[str, Any]) -> Any:
    for piece, condition in expr.args:
        if evaluate(condition, env, values):
            return evaluate(piece, env, values)
    return np.float64(np.nan)


def _logic(expr: sp.Basic, env: dict[str, int], values: Mapping[str, Any]) -> bool:
    parts = [bool(evaluate(a, env, values)) for a in expr.args]
    return all(parts) if isinstance(expr, sp.And) else any(parts) if isinstance(expr, sp.Or) else not parts[0]


def _args(expr: sp.Basic, env: dict[str, int], values: Mapping[str, Any]) -> list[Any]:
    return [evaluate(a, env, values) for a in expr.args]


# how each kind of node is evaluated, by class (the first class the node is an instance of)
_NODES: tuple[tuple[type | tuple[type, ...], Callable[[Any, dict[str, int], Mapping[str, Any]], Any]], ...] = (
    (sp.Idx, lambda e, env, values: env[str(e.label)]),
    (sp.Symbol, lambda e, env, values: env[e.name] if e.name in env else values[e.name]),
    # indices are 1-based in the vocabulary, 0-based in arrays
    (sp.Indexed, lambda e, env, values: values[name_of(e)][tuple(int(evaluate(i, env, values)) - 1 for i in e.indices)]),
    (sp.Add, lambda e, env, values: sum(_args(e, env, values))),
    (sp.Mul, lambda e, env, values: math.prod(_args(e, env, values))),
    (sp.Pow, lambda e, env, values: np.float64(evaluate(e.base, env, values)) ** evaluate(e.exp, env, values)),
    (sp.KroneckerDelta, lambda e, env, values: int(operator.eq(*_args(e, env, values)))),
    (sp.Sum, lambda e, env, values: _evaluate_sum(e.function, list(e.limits), env, values)),
    (sp.Piecewise, _piecewise),
    (sp.logic.boolalg.BooleanAtom, lambda e, env, values: bool(e)),
    ((sp.And, sp.Or, sp.Not), _logic),
)


def evaluate(expr: sp.Basic, env: dict[str, int], values: Mapping[str, Any]) -> Any:
    """``expr`` in float64 with the indices of ``env`` and the arrays and sizes of ``values``."""
    if expr.is_Number:
        return np.float64(expr) if not expr.is_Integer else int(expr)
    if expr.is_number and not expr.has(sp.Sum):
        return _constant(expr)
    for kind, rule in _NODES:
        if isinstance(expr, kind):
            return rule(expr, env, values)
    if expr.func in _RELATIONS:
        return _RELATIONS[expr.func](*_args(expr, env, values))
    if expr.func in _FUNCTIONS:
        return _FUNCTIONS[expr.func](*_args(expr, env, values))
    if isinstance(expr, sp.Function):
        value = expr.func(*(sp.Float(float(a), 30) for a in _args(expr, env, values))).evalf(30)
        if value.is_Number:
            return np.float64(value)
    raise SymgradError(f"check: cannot evaluate {type(expr).__name__} in {expr}: it is neither arithmetic, "
                       "Sum, KroneckerDelta, Piecewise nor a SymPy function of numbers")


def _evaluate_sum(body: sp.Expr, limits: list[tuple[Any, ...]], env: dict[str, int], values: Mapping[str, Any]) -> Any:
    (var, lo, hi), rest = limits[0], limits[1:]
    total: Any = 0
    for v in range(int(evaluate(lo, env, values)), int(evaluate(hi, env, values)) + 1):
        inner = {**env, str(var.label if isinstance(var, sp.Idx) else var): v}
        total += _evaluate_sum(body, rest, inner, values) if rest else evaluate(body, inner, values)
    return total



def _constant(expr: sp.Expr) -> np.float64:
    """A constant such as ``pi``, ``E`` or ``sqrt(2/pi)`` at 30 digits, rounded once to float64."""
    value = sp.N(expr, 30)
    if not value.is_real:
        raise SymgradError(f"check: the constant {expr} is not a real number ({value})")
    return np.float64(float(value))
