"""The compiler's lowering (index expressions to whole arrays) on losses that take its less travelled paths:
matrix products in every orientation, transposed and permuted operands, a log-sum-exp broadcast back over the
classes, terms summed apart or together, a delta contracted in a sum, and the inputs it refuses.

Written against the survivors of a mutation run over ``symgrad/compile/lowering.py`` (benchmarks/mutation.md).
Each numeric test compares the compiled loss and every gradient, from the NumPy code (``value_and_grad``), the
array-API code (``to_array_api``, which spells each matrix product as an einsum) and the forward pass over
``autograd.numpy`` (``loss_fn``), with autograd on the same loss written by hand in ``autograd.numpy``, to a
relative 1e-10 of each array's scale.
"""

from __future__ import annotations

from collections.abc import Callable

import autograd
import autograd.numpy as anp
import numpy as np
import pytest

import symgrad
from symgrad.errors import CompileError

RTOL = 1e-10
M, N, K = 3, 4, 5  # distinct sizes: an operand transposed the wrong way cannot even broadcast


def _close(got, want) -> None:
    want = np.asarray(want, dtype=np.float64)
    assert np.shape(got) == want.shape
    scale = float(np.max(np.abs(want))) if want.size else 0.0
    np.testing.assert_allclose(np.asarray(got, dtype=np.float64), want, rtol=RTOL, atol=RTOL * scale)


def _agrees_with_autograd(loss: str, wrt: tuple[str, ...], reference: Callable, arrays: dict) -> None:
    """``loss`` compiled by symgrad against autograd on ``reference`` (the same loss in autograd.numpy)."""
    f = symgrad.derive(loss=loss, wrt=list(wrt)).compile()
    want = reference(**arrays)
    for value, grads in (f.value_and_grad(**arrays), f.to_array_api()(**arrays)):
        _close(value, want)
        assert set(grads) == set(wrt)
        for name in wrt:
            _close(grads[name], autograd.grad(lambda v, n=name: reference(**{**arrays, n: v}))(arrays[name]))
    _close(f.loss_fn(anp)(**arrays), want)


def _draw(seed: int, **shapes: tuple[int, ...]) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {name: rng.standard_normal(shape) for name, shape in shapes.items()}


# --- matrix products: @ with each operand transposed or not, and vector-matrix products


def _residual(product: Callable) -> Callable:
    return lambda A, B, Y: anp.sum((product(A, B) - Y) ** 2)


@pytest.mark.parametrize(("product", "a", "b", "reference"), [
    ("A_{i,k} B_{k,j}", (M, K), (K, N), lambda A, B: A @ B),
    ("A_{i,k} B_{j,k}", (M, K), (N, K), lambda A, B: A @ B.T),
    ("A_{k,i} B_{k,j}", (K, M), (K, N), lambda A, B: A.T @ B),
    ("A_{k,i} B_{j,k}", (K, M), (N, K), lambda A, B: A.T @ B.T),
], ids=["AB", "AB^T", "A^TB", "A^TB^T"])
def test_squared_residual_of_a_matrix_product_and_its_gradients_agree_with_autograd(product, a, b, reference):
    loss = rf"L = \sum_{{i=1}}^{{M}}\sum_{{j=1}}^{{N}} (\sum_{{k=1}}^{{K}} {product} - Y_{{i,j}})^2"
    _agrees_with_autograd(loss, ("A", "B"), _residual(reference), _draw(1, A=a, B=b, Y=(M, N)))


@pytest.mark.parametrize(("product", "b", "reference"), [
    ("v_k B_{k,j}", (K, N), lambda v, B: v @ B),
    ("B_{j,k} v_k", (N, K), lambda v, B: B @ v),
], ids=["vB", "Bv"])
def test_squared_residual_of_a_vector_matrix_product_agrees_with_autograd(product, b, reference):
    loss = rf"L = \sum_{{j=1}}^{{N}} (\sum_{{k=1}}^{{K}} {product} - y_j)^2"
    _agrees_with_autograd(loss, ("v", "B"), lambda v, B, y: anp.sum((reference(v, B) - y) ** 2),
                          _draw(2, v=(K,), B=b, y=(N,)))


def test_scaled_bilinear_form_and_its_gradients_agree_with_autograd():
    # c x^T A y: c is an input (data), multiplied into the contraction once
    _agrees_with_autograd(r"L = c \sum_{i=1}^{M}\sum_{j=1}^{N} x_i A_{i,j} y_j", ("x", "y", "A", "c"),
                          lambda x, A, y, c: c * (x @ A @ y), _draw(12, x=(M,), A=(M, N), y=(N,), c=()))



def test_product_of_a_sum_over_x_and_a_bilinear_form_agrees_with_autograd():
    # sum_i x_i is reduced first, a scalar computed from data; it multiplies each gradient once
    _agrees_with_autograd(r"L = \sum_{j=1}^{N}\sum_{i=1}^{M}\sum_{k=1}^{K} z_j x_i B_{k,j} v_k", ("z", "v", "x", "B"),
                          lambda z, x, B, v: anp.sum(x) * (v @ B @ z), _draw(13, z=(N,), x=(M,), B=(K, N), v=(K,)))


# --- operands whose axes come in another order


def test_difference_of_a_matrix_and_a_transposed_matrix_agrees_with_autograd():
    _agrees_with_autograd(r"L = \sum_{i=1}^{M}\sum_{j=1}^{N} (A_{i,j} - B_{j,i})^2", ("A", "B"),
                          lambda A, B: anp.sum((A - B.T) ** 2), _draw(3, A=(M, N), B=(N, M)))


def test_difference_of_two_rank_3_arrays_with_permuted_axes_agrees_with_autograd():
    _agrees_with_autograd(r"L = \sum_{a=1}^{M}\sum_{b=1}^{N}\sum_{c=1}^{K} (X_{a,b,c} - Y_{c,a,b})^2", ("X", "Y"),
                          lambda X, Y: anp.sum((X - anp.transpose(Y, (1, 2, 0))) ** 2),
                          _draw(4, X=(M, N, K), Y=(K, M, N)))


# --- log-sum-exp: reduced over the classes, then broadcast back over them


def _logsumexp(z):
    top = anp.max(z, axis=-1, keepdims=True)
    return top + anp.log(anp.sum(anp.exp(z - top), axis=-1, keepdims=True))


def test_cross_entropy_written_with_log_sum_exp_agrees_with_autograd():
    _agrees_with_autograd(
        r"L = \sum_{n=1}^{N}\sum_{k=1}^{K} y_{n,k} (\log \sum_{j=1}^{K} e^{x_{n,j}} - x_{n,k})", ("x",),
        lambda x, y: anp.sum(y * (_logsumexp(x) - x)), _draw(5, x=(N, K), y=(N, K)))


def test_squared_distance_of_targets_to_log_sum_exp_agrees_with_autograd():
    _agrees_with_autograd(
        r"L = \sum_{n=1}^{N}\sum_{k=1}^{K} (y_{n,k} - \log \sum_{j=1}^{K} e^{x_{n,j}})^2", ("x",),
        lambda x, y: anp.sum((y - _logsumexp(x)) ** 2), _draw(6, x=(N, K), y=(N, K)))


def test_log_one_plus_exp_is_softplus_finite_and_right_at_logits_of_1e3():
    z = np.array([-1e3, -30.0, -1.5, 0.0, 0.25, 30.0, 1e3])
    f = symgrad.derive(loss=r"L = \sum_{n=1}^{N} \log(1 + e^{z_n})", wrt=["z"]).compile()
    value, grads = f.value_and_grad(z=z)
    # softplus(z) = max(z, 0) + log1p(e^-|z|), its derivative the sigmoid 1 / (1 + e^-z)
    _close(value, np.sum(np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))))
    with np.errstate(over="ignore"):  # e^1000 is inf, and 1 / inf the right 0
        _close(grads["z"], 1 / (1 + np.exp(-z)))
    _agrees_with_autograd(r"L = \sum_{n=1}^{N} \log(1 + e^{z_n})", ("z",),
                          lambda z: anp.sum(anp.logaddexp(0.0, z)), _draw(7, z=(N,)))


# --- sums: which terms are summed together


def test_square_of_the_summed_deviations_from_m_sums_the_differences_before_they_cancel():
    # y near 1e8, m 1e-3 above their mean: L = (sum_n (y_n - m))^2 = (N 1e-3)^2 and dL/dm = -2 N sum_n (y_n - m);
    # summing y_n and N m apart first would lose them to rounding (ulp(sum_n y_n) is about 1e-6 at N = 50)
    y = 1e8 + np.random.default_rng(8).standard_normal(50)
    m = np.array(np.mean(y - 1e8) + 1e8 + 1e-3)
    _agrees_with_autograd(r"L = (\sum_{n=1}^{N} (y_n - m))^2", ("m",), lambda y, m: anp.sum(y - m) ** 2,
                          {"y": y, "m": m})


def test_sum_of_squares_plus_a_constant_is_n_c_plus_the_sum_of_squares():
    _agrees_with_autograd(r"L = \sum_{n=1}^{N} (x_n^2 + c)", ("x", "c"), lambda x, c: anp.sum(x**2 + c),
                          _draw(9, x=(N,), c=()))


def test_sum_of_squared_pairwise_differences_scales_x_by_the_number_of_ys():
    # dL/dx_n = 2 K x_n - 2 sum_k y_k: the sum over k of a term free of k is K times it
    _agrees_with_autograd(r"L = \sum_{n=1}^{N}\sum_{k=1}^{K} (x_n - y_k)^2", ("x", "y"),
                          lambda x, y: anp.sum((x[:, None] - y[None, :]) ** 2), _draw(14, x=(N,), y=(K,)))


def test_sum_with_a_kronecker_delta_contracts_to_the_sum_of_squares():
    _agrees_with_autograd(r"L = \sum_{n=1}^{N} x_n \sum_{k=1}^{N} \delta_{nk} x_k", ("x",),
                          lambda x: anp.sum(x**2), _draw(10, x=(N,)))


def test_sum_with_a_kronecker_delta_is_contracted_without_an_n_by_n_identity():
    # sum_k delta_nk x_k = x_n: the compiled code indexes, it never builds eye(N)
    f = symgrad.derive(loss=r"L = \sum_{n=1}^{N} x_n \sum_{k=1}^{N} \delta_{nk} x_k", wrt=["x"]).compile()
    assert "eye" not in f.source


def test_sum_of_a_product_and_single_values_agrees_with_autograd():
    _agrees_with_autograd(r"L = \sum_{n=1}^{N} (x_n + y_n x_n - y_n)", ("x", "y"),
                          lambda x, y: anp.sum(x + y * x - y), _draw(11, x=(N,), y=(N,)))


# --- what the lowering refuses, in one line naming the construct


@pytest.mark.parametrize(("loss", "wrt", "message"), [
    (r"L = \begin{cases} x & x > 0 \end{cases}", "x", "a piecewise expression needs a last case for 'otherwise'"),
    (r"L = \sum_{k=1}^{K} c", "c", "the range K is not a size of any input"),
    (r"L = \log(-2) x", "x", "the constant log(2) + I*pi is not a real number"),
    (r"L = \sum_{i=1}^{N} i x_i", "x", "index i used as a value"),
    (r"L = \sum_{n=1}^{N} g(x_n)", "x", "uses g as a function but it is not defined"),
], ids=["cases-without-otherwise", "sum-over-no-input", "complex-constant", "index-as-value", "undefined-function"])
def test_lowering_refuses_what_it_cannot_compile_in_one_line_saying_what(loss, wrt, message):
    with pytest.raises(CompileError) as refused:
        symgrad.derive(loss=loss, wrt=[wrt]).compile()
    assert message in str(refused.value) and "\n" not in str(refused.value)
