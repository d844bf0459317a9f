"""What holds by construction of the definitions: a centred x̂ sums to 0, each softmax row sums to 1.

A fact is a sum of a defined name (or of its square) over one of its own indices that the earlier
definitions reduce to an expression with no sum left: ``sum_k x̂_kd = 0``,
``sum_k x̂_kd² = N v_d/(v_d + ε)``, ``sum_s A_ts = 1``. Each is proved by the rule table from the
definitions the name is built on before it is used; none is assumed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import sympy as sp

from ..derivation import Graph
from ..tensors import Constraint, index
from .names import _canonical

Reduce = Callable[[sp.Expr, Graph], sp.Expr]


def _pull_constants(s: sp.Sum) -> sp.Expr:
    """``sum_k c f_k = c sum_k f_k`` without multiplying anything out (that would hide ``sum (x - μ)²``)."""
    var = s.limits[0][0]
    factors = sp.Mul.make_args(s.function)
    rest = sp.Mul(*[f for f in factors if not f.has(var)])
    return rest * sp.Sum(sp.Mul(*[f for f in factors if f.has(var)]), *s.limits) if rest != 1 else s


def _canonical_sums(e: sp.Expr) -> sp.Expr:
    return e.xreplace({t: _canonical(t) for t in e.atoms(sp.Sum)})


def _spare(graph: Graph, extent: sp.Expr) -> sp.Idx:
    """A summation index named apart from every index of the graph."""
    used = {str(i) for d in graph.definitions for i in d.rhs.atoms(sp.Idx) | set(d.indices)}
    return index(next(n for n in ("k", "l", "m", "q", "r", "s", "u") + tuple(f"k{i}" for i in range(9))
                      if n not in used), extent)


@lru_cache(maxsize=128)
def facts(graph: Graph, reduce: Reduce) -> tuple[Constraint, ...]:
    """Every fact by construction of ``graph``, each proved with ``reduce`` from the earlier definitions."""
    out = []
    for pos, defn in enumerate(graph.definitions):
        if len(defn.indices) == 0 or pos == 0:
            continue
        before = Graph(graph.definitions[:pos], graph.inputs, graph.definitions[pos - 1].name, graph.constraints)
        for idx in defn.indices:
            k = _spare(graph, idx.upper)
            for power in (1, 2):
                expanded = _pull_constants(sp.Sum(defn.rhs.xreplace({idx: k}) ** power, (k, 1, idx.upper)))
                value = _canonical_sums(reduce(_canonical_sums(expanded), before))
                if not value.atoms(sp.Sum) and sp.count_ops(value) <= 6:
                    out.append(Constraint(sp.Sum(defn.lhs.xreplace({idx: k}) ** power, (k, 1, idx.upper)), value,
                                          "by construction"))
    return tuple(out)
