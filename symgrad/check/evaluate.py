"""Loss definitions evaluated element by element in float64: the reference for a compiled loss value.

Slow on purpose and independent of the compiler: the shared walker (``symgrad.evaluate``) with a float64
backend, explicit loops over indices and ``Sum`` s, the table's float64 evaluator for each elementary
function, and SymPy at 30 digits for any other function and for every constant the reader knows
(``\\pi``, ``e``, ``\\gamma_E``, ``\\sqrt{2}``, ...).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import sympy as sp

from ..errors import SymgradError
from ..evaluate import Backend, Env, Fn, Values, compile_expression

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


def _number(e: sp.Number) -> Any:
    return int(e) if e.is_Integer else np.float64(e)


def _constant(expr: sp.Basic) -> Fn | None:
    """A constant such as ``pi``, ``E`` or ``sqrt(2/pi)`` at 30 digits, rounded once to float64."""
    if expr.is_Number or not expr.is_number or expr.has(sp.Sum):
        return None
    value = sp.N(expr, 30)
    if not value.is_real:
        raise SymgradError(f"check: the constant {expr} is not a real number ({value})")
    number = np.float64(float(value))
    return lambda env, values: number


def _by_sympy(expr: sp.Basic) -> Fn | None:
    """A SymPy function without a float64 evaluator in the table: SymPy at 30 digits at the numeric arguments."""
    if not isinstance(expr, sp.Function):
        return None
    args = [compile_expression(a, FLOAT64) for a in expr.args]

    def value(env: Env, values: Values) -> Any:
        result = expr.func(*(sp.Float(float(a(env, values)), 30) for a in args)).evalf(30)
        if not result.is_Number:
            raise _refuse(expr)
        return np.float64(result)

    return value


def _refuse(expr: sp.Basic) -> SymgradError:
    return SymgradError(f"check: cannot evaluate {type(expr).__name__} in {expr}: it is neither arithmetic, "
                        "Sum, KroneckerDelta, Piecewise nor a SymPy function of numbers")


FLOAT64 = Backend(
    function=lambda f: f.float64, number=_number, constant=_constant,
    power=lambda base, exponent: np.float64(base) ** exponent,
    integer_power=lambda base, n: np.float64(base) ** n,
    zero=0, one=1, index_shift=1,  # indices are 1-based in the vocabulary, 0-based in arrays
    no_branch=lambda: np.float64(np.nan), other=_by_sympy, refuse=_refuse,
)


@functools.lru_cache(maxsize=1024)
def _compiled(expr: sp.Basic) -> Fn:
    return compile_expression(expr, FLOAT64)


def evaluate(expr: sp.Basic, env: dict[str, int], values: Mapping[str, Any]) -> Any:
    """``expr`` in float64 with the indices of ``env`` and the arrays and sizes of ``values``."""
    return _compiled(expr)(dict(env), values)
