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


# ---------------------------------------------------------------- high precision: the definitions in mpmath


def _elements(graph: Graph, sizes: Mapping[str, int]) -> tuple[np.ndarray, dict[str, sp.Symbol]]:
    """The target's elements as SymPy expressions in one symbol per input element, every defined name inlined."""
    inputs: dict[str, sp.Symbol] = {f"{t}[]": t for t in graph.inputs if isinstance(t, sp.Symbol)}
    defined: dict[str, np.ndarray] = {}

    def leaf(x: sp.Indexed) -> sp.Expr:
        name, pos = str(x.base.label), tuple(int(k) - 1 for k in x.indices)
        if name in defined:
            return defined[name][pos]
        return inputs.setdefault(f"{name}{list(pos)}", sp.Symbol(f"{name}{list(pos)}"))

    for d in graph.definitions:
        shape = _shape(d.indices, sizes)
        out = np.empty(shape, dtype=object)
        for pos in itertools.product(*[range(n) for n in shape]):
            e = _with_sizes(d.rhs, sizes).xreplace({i: sp.Integer(k + 1) for i, k in zip(
                [_with_sizes(i, sizes) for i in d.indices], pos)})
            e = write_out_sums(e)
            e = e.xreplace({x: leaf(x) for x in e.atoms(sp.Indexed)})
            out[pos] = e.xreplace({s: defined[s.name][()] for s in e.atoms(sp.Symbol) if s.name in defined})
        defined[d.name] = out
    return defined[graph.target], inputs


def _mp_at(fns: list, names: list[str], inputs: Values, wrt: tuple[str, ...], shape: tuple[int, ...],
           dps: int) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    import mpmath

    with mpmath.workdps(dps):
        point = {}
        for n in names:
            base, pos = n.split("[", 1)
            point[n] = mpmath.mpf(float(np.asarray(inputs[base])[tuple(int(k) for k in pos[:-1].split(",") if k)]))

        def at(moved: Mapping[str, object]) -> np.ndarray:
            args = [moved.get(n, point[n]) for n in names]
            return np.array([f(*args) for f in fns], dtype=object)

        grads = {}
        for w in wrt:
            cols = []
            for pos in itertools.product(*[range(k) for k in np.shape(inputs[w])]):
                n = f"{w}{list(pos)}"
                h = mpmath.mpf(10) ** -20 * max(1, abs(point[n]))
                cols.append((at({n: point[n] + h}) - at({n: point[n] - h})) / (2 * h))
            jac = np.array([[float(v) for v in col] for col in cols]).T  # (target elements, input elements)
            grads[w] = jac.reshape(shape + np.shape(inputs[w]))
        return np.array([float(v) for v in at({})]).reshape(shape), grads


def mp_reference(graph: Graph, sizes: Mapping[str, int], inputs: Values,
                 wrt: tuple[str, ...]) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """The target and its derivatives by each name in ``wrt``, from the definitions alone, in mpmath.

    Derivatives are central differences with step 1e-20 (times the input's size). The precision grows
    (50, 600, 6000 digits) until no value is infinite or a division by zero: ``1 - sigma(1e4)`` cancels
    to 0 below 4343 digits. The result is then confirmed at twice the digits, to 1e-13. Nothing of
    symgrad's engine or compiler is used; SymPy's ``lambdify`` prints the mpmath code.
    """
    target, symbols = _elements(graph, sizes)
    names = sorted(symbols)
    fns = [sp.lambdify([symbols[n] for n in names], e, "mpmath") for e in target.ravel()]
    for dps in (50, 600, 6000):
        try:
            value, grads = _mp_at(fns, names, inputs, wrt, target.shape, dps)
        except ZeroDivisionError:
            continue
        if all(np.all(np.isfinite(a)) for a in (value, *grads.values())):
            break
    again, grads_again = _mp_at(fns, names, inputs, wrt, target.shape, 2 * dps)
    for a, b in ((value, again), *((grads[w], grads_again[w]) for w in wrt)):
        np.testing.assert_allclose(a, b, rtol=1e-13, atol=1e-300, err_msg="mpmath reference did not settle")
    return value, grads


def test_mp_reference_of_log_sum_exp_at_1e4_is_the_max_and_its_gradient_the_softmax():
    d = symgrad.derive("logsumexp")
    z = np.array([1e4, -1e4, 1e4 - 1.0])
    value, grads = mp_reference(d.graph, {"N": 3}, {"z": z}, ("z",))
    p = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
    np.testing.assert_allclose(value, 1e4 + np.log1p(np.exp(-1.0)), rtol=1e-15)
    np.testing.assert_allclose(grads["z"], p, rtol=1e-12, atol=1e-300)


def test_mp_reference_of_a_vector_target_is_its_jacobian():
    d = symgrad.derive("softmax")
    a = np.array([0.2, -0.7, 1.1])
    value, grads = mp_reference(d.graph, {"N": 3}, {"a": a}, ("a",))
    p = np.exp(a) / np.exp(a).sum()
    np.testing.assert_allclose(value, p, rtol=1e-14)
    np.testing.assert_allclose(grads["a"], np.diag(p) - np.outer(p, p), rtol=1e-12, atol=1e-15)
