"""An independent numeric reference for the engine's tests: index expressions evaluated at concrete sizes.

It shares no code with symgrad's rules, compiler or verifier: sizes become integers, every
sum is written out term by term, every name gets its value, and SymPy evaluates the number.
The other ``test_engine_*`` files compare the engine's derivatives, evaluated this way,
with autograd's gradients of the same loss written by hand in ``autograd.numpy``.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import grad

import symgrad
from symgrad.derivation import Graph, Result
from symgrad.tensors import index, size

Values = Mapping[str, "np.ndarray | float"]


def write_out_sums(e: sp.Expr) -> sp.Expr:
    """Every sum with integer bounds replaced by the explicit addition of its terms."""

    def expand(s: sp.Sum) -> sp.Expr:
        body = s.function
        for var, lo, hi in reversed(s.limits):
            body = sp.Add(*[body.xreplace({var: sp.Integer(v)}) for v in range(int(lo), int(hi) + 1)])
        return write_out_sums(body)

    return e.replace(lambda x: isinstance(x, sp.Sum), expand)


def _with_sizes(e: sp.Expr, sizes: Mapping[str, int]) -> sp.Expr:
    return e.xreplace({s: sp.Integer(sizes[s.name]) for s in e.atoms(sp.Symbol) if s.name in sizes})


def evaluate(expr: sp.Expr, sizes: Mapping[str, int], values: Values, at: Mapping[str, int] = {}) -> float:
    """``expr`` at the given sizes, input values (0-based arrays) and free indices (1-based, by name)."""
    e = _with_sizes(sp.sympify(expr), sizes)
    e = e.xreplace({i: sp.Integer(at[str(i)]) for i in e.atoms(sp.Idx) if str(i) in at})
    e = write_out_sums(e)
    e = e.xreplace({x: sp.Float(float(np.asarray(values[str(x.base.label)])[tuple(int(k) - 1 for k in x.indices)]), 30)
                    for x in e.atoms(sp.Indexed)})
    out = e.xreplace({s: sp.Float(float(values[s.name]), 30) for s in e.atoms(sp.Symbol) if s.name in values}).evalf(30)
    if out.free_symbols or not out.is_number:
        raise AssertionError(f"no value for {out.free_symbols} in {expr}")
    return float(out)


def _shape(idx: tuple[sp.Idx, ...], sizes: Mapping[str, int]) -> tuple[int, ...]:
    return tuple(int(_with_sizes(i.upper, sizes)) for i in idx)


def array(expr: sp.Expr, idx: tuple[sp.Idx, ...], sizes: Mapping[str, int], values: Values) -> np.ndarray | float:
    """``expr`` at every value of its free indices ``idx``: an array of their shape (a float for none)."""
    if not idx:
        return evaluate(expr, sizes, values)
    shape = _shape(idx, sizes)
    out = np.empty(shape)
    for pos in itertools.product(*[range(n) for n in shape]):
        out[pos] = evaluate(expr, sizes, values, {str(i): k + 1 for i, k in zip(idx, pos)})
    return out


def with_nodes(graph: Graph, sizes: Mapping[str, int], inputs: Values) -> dict:
    """The inputs plus the value of every defined name of ``graph``, computed from its definition."""
    values = dict(inputs)
    for d in graph.definitions:
        values[d.name] = array(d.rhs, d.indices, sizes, values)
    return values


def derivative(r: Result, graph: Graph, sizes: Mapping[str, int], inputs: Values) -> np.ndarray | float:
    """The engine's result ``r`` as numbers: ``d of / d var`` at every element of the result array."""
    return array(r.expr, r.free_indices, sizes, with_nodes(graph, sizes, inputs))


def assert_gradient(loss: str, wrt: str, sizes: Mapping[str, int], inputs: Values, reference,
                    define: tuple[str, ...] = (), given: tuple[str, ...] = ()) -> None:
    """The engine's gradient of the LaTeX ``loss`` by ``wrt`` equals ``autograd.grad(reference)`` (rtol 1e-9).

    ``reference`` takes the inputs as keyword arguments, ``wrt`` first, and returns the loss.
    """
    d = symgrad.derive(loss=loss, define=define, given=given, wrt=[wrt])
    ours = derivative(d.result(wrt), d.graph, sizes, inputs)
    others = {k: v for k, v in inputs.items() if k != wrt}
    theirs = grad(lambda v: reference(**{wrt: v}, **others))(inputs[wrt])
    np.testing.assert_allclose(ours, theirs, rtol=1e-9, atol=1e-12, err_msg=f"d({loss})/d{wrt}")


# ---------------------------------------------------------------- the reference itself, against hand values


def test_write_out_sums_expands_every_term_of_nested_sums():
    N, M = size("N"), size("M")
    k, m = index("k", N), index("m", M)
    w = sp.IndexedBase("w")
    e = _with_sizes(sp.Sum(w[k] * m, (k, 1, N), (m, 1, M)), {"N": 2, "M": 3})
    assert write_out_sums(e) == 6 * (w[1] + w[2])


def test_evaluate_sums_squares_at_a_concrete_size():
    N = size("N")
    k = index("k", N)
    w = sp.IndexedBase("w")
    assert evaluate(sp.Sum(w[k] ** 2, (k, 1, N)), {"N": 3}, {"w": np.array([1.0, 2.0, 3.0])}) == 14.0


def test_evaluate_reads_free_indices_one_based_and_deltas_at_them():
    N = size("N")
    i, j = index("i", N), index("j", N)
    w = sp.IndexedBase("w")
    e = w[i] * sp.KroneckerDelta(i, j)
    vals = {"w": np.array([5.0, 7.0])}
    assert array(e, (i, j), {"N": 2}, vals).tolist() == [[5.0, 0.0], [0.0, 7.0]]


def test_evaluate_refuses_an_expression_with_a_name_it_has_no_value_for():
    with pytest.raises(AssertionError, match="no value"):
        evaluate(sp.Symbol("c") + 1, {}, {})


def test_node_values_of_softmax_match_numpy_softmax():
    d = symgrad.derive("softmax")
    z = np.array([0.3, -1.2, 2.0, 0.5])
    values = with_nodes(d.graph, {"N": 4}, {"a": z})
    np.testing.assert_allclose(values["p"], np.exp(z) / np.exp(z).sum(), rtol=1e-12)


def test_assert_gradient_fails_on_a_wrong_reference():
    w = np.array([0.5, -1.0, 2.0])
    with pytest.raises(AssertionError):
        assert_gradient(r"L = \sum_{k=1}^{N} w_k^2", "w", {"N": 3}, {"w": w}, lambda w: anp.sum(w**3))
