"""A sum over an index its summand does not use counts its terms: Sum(c, (k, a, b)) = (b - a + 1) c.

Every catalog entry derives the same with the count off by one, so these losses (a batch
sum of a per-feature term, a mean of a centroid distance, pairwise differences) pin the
count: exact forms derived by hand, and autograd's gradients at concrete sizes.
"""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from test_engine_reference import assert_gradient

import symgrad
from symgrad import rules
from symgrad.tensors import index, size

N, M = size("N"), size("M")
c = sp.Symbol("c")
w, x, mu = sp.IndexedBase("w"), sp.IndexedBase("x"), sp.IndexedBase("mu")


def derived(loss: str, wrt: str) -> tuple[sp.Expr, dict[str, sp.Idx]]:
    """The engine's derivative, with its free indices by name (to build the hand form in them)."""
    r = symgrad.derive(loss=loss, wrt=[wrt]).result(wrt)
    return r.expr, {str(i): i for i in r.free_indices}


def plain(e: sp.Expr) -> sp.Expr:
    """Tensors by name only and sums with positional variables, so hand forms compare exactly."""
    e = e.xreplace({t: sp.IndexedBase(t.label) for t in e.atoms(sp.IndexedBase)})
    e = e.xreplace({s: sp.Symbol(s.name) for s in e.atoms(sp.Symbol) if s.name in ("N", "M", "K")})
    e = e.replace(lambda s: isinstance(s, sp.Sum), rules._canonical)
    return sp.expand(rules.split_sums(sp.expand(e)))


def assert_same(ours: sp.Expr, hand: sp.Expr) -> None:
    assert sp.simplify(plain(ours) - plain(hand)) == 0, f"{ours} != {hand}"


def test_a_constant_summed_over_1_to_N_is_N_times_it():
    k = index("k", N)
    assert rules.split_sums(sp.Sum(c, (k, 1, N))) == N * c


def test_a_constant_summed_over_3_to_7_is_5_times_it():
    k = sp.Idx(sp.Symbol("k", integer=True), (3, 7))
    assert rules.split_sums(sp.Sum(c * w[3], (k, 3, 7))) == 5 * c * w[3]


def test_an_unused_limit_of_a_double_sum_becomes_its_count():
    k, m = index("k", N), index("m", M)
    assert sp.expand(rules.split_sums(sp.Sum(c * w[k], (k, 1, N), (m, 1, M))) - M * c * sp.Sum(w[k], (k, 1, N))) == 0


def test_N_copies_of_a_squared_norm_have_gradient_2N_w_j():
    expr, idx = derived(r"L = \sum_{n=1}^{N} \sum_{k=1}^{K} w_k^2", "w")
    assert_same(expr, 2 * sp.Symbol("N") * w[idx["i"]])


def test_the_squared_total_summed_N_times_has_gradient_2N_times_the_total():
    expr, _ = derived(r"L = \sum_{k=1}^{N} \left(\sum_{m=1}^{N} w_m\right)^2", "w")
    m = index("m", N)
    assert_same(expr, 2 * N * sp.Sum(w[m], (m, 1, N)))


def test_mean_distance_to_a_centroid_has_gradient_2_mu_j_minus_twice_the_mean_of_x_nj():
    expr, idx = derived(r"L = \frac{1}{N} \sum_{n=1}^{N} \sum_{k=1}^{K} (x_{nk} - \mu_k)^2", "mu")
    j, n = idx["i"], index("n", N)
    assert_same(expr, 2 * mu[j] - 2 * sp.Sum(x[n, j], (n, 1, N)) / N)


def test_N_copies_of_a_softplus_have_derivative_minus_N_over_1_plus_e_b():
    expr, _ = derived(r"L = \sum_{n=1}^{N} \log(1 + e^{-b})", "b")
    b = sp.Symbol("b")
    assert_same(expr, -N / (1 + sp.exp(b)))


def test_pairwise_squared_differences_have_gradient_4N_w_j_minus_4_times_the_total():
    expr, idx = derived(r"L = \sum_{k=1}^{N} \sum_{m=1}^{N} (w_k - w_m)^2", "w")
    m = index("m", N)
    assert_same(expr, 4 * N * w[idx["i"]] - 4 * sp.Sum(w[m], (m, 1, N)))


RNG = np.random.default_rng(16)

# (loss in LaTeX, variable, sizes, inputs, the same loss in autograd.numpy)
AGAINST_AUTOGRAD_IDS = ["N-copies-of-a-norm", "N-copies-of-a-squared-total", "centroid-mean", "N-copies-of-softplus",
                        "pairwise-differences", "mse-mean-by-b", "mean-of-norms-plus-N-constants"]
AGAINST_AUTOGRAD = [
    (r"L = \sum_{n=1}^{N} \sum_{k=1}^{K} w_k^2", "w", {"N": 7, "K": 3},
     {"w": RNG.normal(size=3)}, lambda w: 7 * anp.sum(w**2)),
    (r"L = \sum_{k=1}^{N} \left(\sum_{m=1}^{N} w_m\right)^2", "w", {"N": 5},
     {"w": RNG.normal(size=5)}, lambda w: 5 * anp.sum(w) ** 2),
    (r"L = \frac{1}{N} \sum_{n=1}^{N} \sum_{k=1}^{K} (x_{nk} - \mu_k)^2", "mu", {"N": 6, "K": 2},
     {"mu": RNG.normal(size=2), "x": RNG.normal(size=(6, 2))}, lambda mu, x: anp.mean(anp.sum((x - mu) ** 2, axis=1))),
    (r"L = \sum_{n=1}^{N} \log(1 + e^{-b})", "b", {"N": 8},
     {"b": 0.3}, lambda b: 8 * anp.log(1 + anp.exp(-b))),
    (r"L = \sum_{k=1}^{N} \sum_{m=1}^{N} (w_k - w_m)^2", "w", {"N": 5},
     {"w": RNG.normal(size=5)}, lambda w: anp.sum((w[:, None] - w[None, :]) ** 2)),
    (r"L = \frac{1}{N} \sum_{n=1}^{N} (w x_n + b - y_n)^2", "b", {"N": 7},
     {"b": 0.4, "w": -1.3, "x": RNG.normal(size=7), "y": RNG.normal(size=7)},
     lambda b, w, x, y: anp.mean((w * x + b - y) ** 2)),
    (r"L = \frac{1}{N} \sum_{n=1}^{N} \sum_{k=1}^{K} w_k^2 + \sum_{n=1}^{N} c", "w", {"N": 4, "K": 3},
     {"w": RNG.normal(size=3), "c": 2.0}, lambda w, c: anp.sum(w**2) + 4 * c),
]


@pytest.mark.parametrize("loss, wrt, sizes, inputs, reference", AGAINST_AUTOGRAD,
                         ids=AGAINST_AUTOGRAD_IDS)
def test_gradients_with_counted_sums_agree_with_autograd(loss, wrt, sizes, inputs, reference):
    assert_gradient(loss, wrt, sizes, inputs, reference)
