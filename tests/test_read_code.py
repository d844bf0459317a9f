"""Code pasted as a definition or a claim (read/code.py): Python's own parser reads ``@``, ``**``, ``.T``, ``np.log``,
``xp.linalg.norm(..., axis=1)``, ``len(y)``, ``dL/dw``; NumPy decides the meaning (``*`` elementwise, ``@`` the matrix
product). Each test states the expression meant, or checks the verdict against autograd."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import grad

from symgrad.errors import ParseError
from symgrad.parse import Context, parse_expression, parse_given
from symgrad.read.code import code_notes, code_pieces
from symgrad.verify import verify

x = sp.Symbol("x")
LSQ = [r"X \in \mathbb{R}^{n \times d}", r"w \in \mathbb{R}^{d}", r"y \in \mathbb{R}^{n}"]
CE = [r"z, y, s \in \mathbb{R}^{K}", r"\sum_k y_k = 1"]
RNG = np.random.default_rng(7)


def read(text: str, *given: str) -> sp.Expr:
    ctx = Context()
    for g in given:
        parse_given(g, ctx)
    return parse_expression(text, ctx)


@pytest.mark.parametrize("code, meant", [
    ("x**2 + np.exp(-x)", x**2 + sp.exp(-x)),
    ("np.tanh(x)**2 - math.sqrt(x)", sp.tanh(x) ** 2 - sp.sqrt(x)),
    ("torch.log(x) * 2", 2 * sp.log(x)),
    ("jnp.maximum(x, 0) ** 2", sp.Max(x, 0) ** 2),
])
def test_scalar_code_reads_as_its_mathematics(code, meant):
    assert sp.simplify(read(code) - meant) == 0


def _unrolled(t: sp.Sum) -> sp.Expr:
    (var, low, high), = t.limits
    return sp.Add(*[t.function.subs(var, k) for k in range(int(low), int(high) + 1)])


def value(expr: sp.Expr, sizes: dict[str, int], arrays: dict[str, np.ndarray], at: dict[str, int]) -> float:
    """``expr`` at concrete sizes, arrays (1-based indices, as read) and free indices, its sums written out."""
    named = {**sizes, **at}
    e = expr.xreplace({s: sp.Integer(named[str(s)]) for s in expr.atoms(sp.Symbol, sp.Idx) if str(s) in named})
    while e.has(sp.Sum):
        e = e.replace(lambda t: isinstance(t, sp.Sum) and not t.function.has(sp.Sum), _unrolled)
    return float(e.replace(lambda t: isinstance(t, sp.Indexed),
                           lambda t: sp.Float(arrays[str(t.base)][tuple(int(i) - 1 for i in t.indices)])))


def test_len_of_a_vector_is_its_size():
    y = np.arange(1.0, 6.0)
    got = read("np.sum(y) / len(y)", r"y \in \mathbb{R}^{N}")
    assert value(got, {"N": 5}, {"y": y}, {}) == pytest.approx(y.mean())


def test_row_sums_and_row_norms_of_a_matrix():
    X = RNG.normal(size=(3, 4))
    norms = read("xp.linalg.norm(X, axis=1, keepdims=True)", r"X \in \mathbb{R}^{n \times d}")
    sums = read("(X * X).sum(axis=1)", r"X \in \mathbb{R}^{n \times d}")
    assert value(norms, {"n": 3, "d": 4}, {"X": X}, {"i": 2}) == pytest.approx(np.linalg.norm(X[1]))
    assert value(sums, {"n": 3, "d": 4}, {"X": X}, {"i": 3}) == pytest.approx((X[2] ** 2).sum())


@pytest.mark.parametrize("text", ["y = x . z", "b1.x", "d(X.Y)/dX", r"\frac{a}{b}", "L = (x - y)^2", "y[1 - y]"])
def test_text_that_is_not_code_is_left_to_the_latex_reader(text):
    assert code_pieces(text) is None


def _lsq_truth(claim_factor: float) -> bool:
    X, w, y = RNG.normal(size=(5, 3)), RNG.normal(size=3), RNG.normal(size=5)
    truth = grad(lambda v: anp.sum((anp.dot(X, v) - y) ** 2))(w)
    return np.allclose(truth, claim_factor * X.T @ (X @ w - y))


@pytest.mark.parametrize("claim, factor, verdict", [
    ("dL/dw = 2 * X.T @ (X @ w - y)", 2.0, "proved"),
    ("dL/dw = X.T @ (X @ w - y)", 1.0, "wrong"),
])
def test_least_squares_in_numpy_is_judged_as_autograd_says(claim, factor, verdict):
    v = verify(claim, define=["L = np.sum((X @ w - y)**2)"], given=LSQ)
    assert v.verdict == verdict and _lsq_truth(factor) == (verdict == "proved")


@pytest.mark.parametrize("claim, scale, verdict", [
    ("dL/dz = (s - y) / len(y)", True, "proved"),
    ("dL/dz = s - y", False, "wrong"),
])
def test_mean_cross_entropy_with_len_needs_the_one_over_k(claim, scale, verdict):
    v = verify(claim, define=["L = -np.sum(y * np.log(s)) / len(y)", "s = softmax(z)"], given=CE)
    z, y = RNG.normal(size=4), np.array([0.1, 0.2, 0.3, 0.4])

    def loss(v):
        return -anp.sum(y * anp.log(anp.exp(v) / anp.sum(anp.exp(v)))) / len(y)
    s = np.exp(z) / np.exp(z).sum()
    assert v.verdict == verdict and np.allclose(grad(loss)(z), (s - y) / (len(y) if scale else 1)) == (
        verdict == "proved")


def test_a_chain_in_code_is_read_member_by_member():
    v = verify("dL/dw = 2 * X.T @ (X @ w - y) = 2 * X.T @ X @ w - 2 * X.T @ y",
               define=["L = np.sum((X @ w - y)**2)"], given=LSQ)
    assert v.verdict in ("proved", "agrees") and _lsq_truth(2.0)


@pytest.mark.parametrize("code, named, column", [
    ("y = np.foo(x) + x**2", "np.foo", 5),
    ("y = np.sum(x**2, where=x)", "where=", 5),
    ("y = x.shape[1] ** 2", ".shape", 5),  # x.shape[0] is len(x), read (read/code_sizes.py)
    ("y = P[i, 1:3] ** 2", "1:3", 5),
])
def test_code_symgrad_does_not_read_is_refused_by_name_at_its_column(code, named, column):
    with pytest.raises(ParseError) as err:
        read(code.split("= ", 1)[1])
    assert named in str(err.value) and err.value.column == column - 4


def test_a_power_of_a_call_or_a_dot_product_is_the_power_of_its_value():
    w, v = RNG.normal(size=3), RNG.normal(size=3)
    got = read("np.dot(w, x) ** 2 + np.log(x[0]) ** 2", r"w, x \in \mathbb{R}^{n}")
    assert value(got, {"n": 3}, {"w": w, "x": np.abs(v)}, {}) == pytest.approx(
        np.dot(w, np.abs(v)) ** 2 + np.log(abs(v[0])) ** 2)


def test_numpy_indices_count_from_zero():
    x = RNG.normal(size=4)
    assert value(read("x[0] - x[3]", r"x \in \mathbb{R}^{n}"), {"n": 4}, {"x": x}, {}) == pytest.approx(x[0] - x[3])


def test_a_caret_in_code_has_two_readings_and_is_refused_naming_both():
    with pytest.raises(ParseError) as err:
        read("x**2 + y^2")
    assert "xor" in str(err.value) and "power" in str(err.value)


def test_the_readings_code_decides_are_stated_for_the_verdict():
    notes = code_notes("cost = -np.sum(y * np.log(s)) / len(y) + x[0] + (X @ w).sum(axis=1)")
    assert {"code: * read as NumPy's elementwise product", "code: len(y) read as the size of the vector y",
            "code: @ read as the matrix product", "code: x[0] read as the first entry x_1 (NumPy counts from 0)",
            "code: axis=1 read as along each row, axis=0 each column"} == set(notes)
    assert code_notes("L = (x - y)^2") == []


def test_a_dot_with_spaces_beside_it_is_a_pages_product_not_code():
    # 'y = x . σ(x)' (swish, as a page writes it) was read as the method call x.σ(...) and refused
    from symgrad import verify
    right = verify(r"y’ = y + σ(x) . (1 – y)", define=[r"y = x . σ(x)", r"σ(x) = 1/(1+e^{-x})"])
    slip = verify(r"y’ = y + σ(x) . (1 – σ(x))", define=[r"y = x . σ(x)", r"σ(x) = 1/(1+e^{-x})"])
    assert (right.verdict, slip.verdict) == ("proved", "wrong")
