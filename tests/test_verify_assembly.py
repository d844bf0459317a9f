"""Claim assembly: how verify puts the claim, its definitions and its facts together before judging."""

import pytest
import sympy as sp

from symgrad.errors import ParseError
from symgrad.read.context import Context
from symgrad.read.facts import parse_given
from symgrad.verify.claim import verify

_LOG_SOFTMAX = [  # the element function written with its subscript: y_i(x) = ..., read before z(x) = log y(x) applies it
    # https://iceory.github.io/page/2 (y_i = e^{x_i} / sum_k e^{x_k}), the fresh3-logsoftmax-mnn page (y_i(x) = ...)
    [r"z(x) = \log y(x)", r"y_i(x) = \frac{\exp(x_i)}{\sum_j \exp(x_j)}"],
    # https://blatherstrike.blogspot.com/2020/07 (S_i = e^{a_i} / sum_k e^{a_k}, L_i = -log(S_i)), braced subscript
    [r"z(x) = \log y(x)", r"y_{i}(x) = \frac{e^{x_i}}{\sum_{k} e^{x_k}}"],
    # https://553668.com/manong/1173660.html (p_j = exp(o_j) / sum_k exp(o_k)), \left( after the head
    [r"z(x) = \log y(x)", r"y_j \left(x\right) = \frac{\exp(x_j)}{\sum_k \exp(x_k)}"],
]


@pytest.mark.parametrize("define", _LOG_SOFTMAX)
def test_log_softmax_jacobian_is_delta_minus_y_k_with_the_element_function_defined_after_its_use(define):
    on = verify(r"\partial z_i / \partial x_k = y_i^{-1} \cdot y_i \cdot (1 - y_i) = 1 - y_k", define=define,
                assume=["i = k"])
    off = verify(r"\partial z_i / \partial x_k = y_i^{-1} \cdot (-y_i y_k) = - y_k", define=define,
                 assume=[r"i \neq k"])
    assert (on.verdict, off.verdict) == ("proved", "proved"), (on.message, off.message)


def test_log_softmax_off_diagonal_with_the_sign_dropped_is_wrong():
    v = verify(r"\partial z_i / \partial x_k = y_k", define=_LOG_SOFTMAX[0], assume=[r"i \neq k"])
    assert (v.verdict, v.diagnosis) == ("wrong", "sign"), v.message


_RIDGE_SHAPES = [r"H \in \mathbb{R}^{n \times d}", r"w \in \mathbb{R}^{d}", r"y \in \mathbb{R}^{n}"]
_RIDGE = [  # a gradient word heading the claim, the page's one loss defined: the word is that loss's gradient
    # https://ethann.netlify.app/notes/regularized-linear-regression (\nabla J(w) = 2(X^T X w - X^T y + \lambda w))
    (r"\text{gradient} = 2(H^T H w - H^T y + \lambda w)", r"J(w) = \|Hw - y\|^2 + \lambda \|w\|^2"),
    # the University of Washington ridge course (J(w) = (y - Hw)^T(y - Hw) + \lambda w^T w, -2H^T(y - Hw) + 2\lambda w)
    (r"gradient = -2H^T(y - Hw) + 2\lambda w", r"J(w) = (y - Hw)^T(y - Hw) + \lambda w^T w"),
    # code spelling, as the fresh3-ridge-aswin1447 MATLAB page heads its gradient
    (r"grad = -2H^T(y - Hw) + 2\lambda w", r"cost = (y - Hw)^T(y - Hw) + \lambda w^T w"),
]


@pytest.mark.parametrize("claim, loss", _RIDGE)
def test_a_gradient_word_heading_the_claim_is_the_gradient_of_the_one_loss(claim, loss):
    v = verify(claim, define=[loss], given=_RIDGE_SHAPES)
    assert v.verdict in ("proved", "agrees"), v.message


def test_a_gradient_word_heading_a_ridge_gradient_without_its_factor_two_is_wrong():
    v = verify(r"grad = -H^T(y - Hw) + \lambda w", define=[_RIDGE[2][1]], given=_RIDGE_SHAPES)
    assert (v.verdict, v.diagnosis) == ("wrong", "factor"), v.message


_FACTORED = [  # a covariance given as its factor times the factor's transpose
    # https://github.com/opensrdk (fresh3-gaussian-opensrdk pages: \mathbf{L} \mathbf{L}^{\top} = \bm{\Sigma})
    r"\mathbf{L} \mathbf{L}^{ \top} = \bm{\Sigma}",
    # Cholesky factor spelled plainly, https://en.wikipedia.org/wiki/Cholesky_decomposition (A = L L^*)
    r"\mathbf{L}\mathbf{L}^T = \mathbf{\Sigma}",
]


@pytest.mark.parametrize("fact", _FACTORED)
def test_an_equation_between_arrays_gives_both_sides_one_shape_and_one_pair_of_indices(fact):
    ctx = Context()
    parse_given(r"L \in \mathbb{R}^{n \times r}", ctx)
    parse_given(fact, ctx)
    (constraint,) = ctx.constraints
    n = sp.Symbol("n", integer=True, positive=True)
    assert tuple(ctx.tensors["Sigma"].shape) == (n, n)
    assert set(constraint.rhs.indices) == {s for s in constraint.lhs.free_symbols if isinstance(s, sp.Idx)}


def test_an_equation_between_arrays_of_other_shapes_is_refused_naming_both():
    ctx = Context()
    parse_given(r"L \in \mathbb{R}^{n \times r}, \Sigma \in \mathbb{R}^{r \times r}", ctx)
    with pytest.raises(ParseError, match=r"equate: size n does not match size r"):
        parse_given(r"\mathbf{L} \mathbf{L}^{\top} = \bm{\Sigma}", ctx)


def test_a_chained_definition_defines_the_function_and_the_name_in_the_middle_by_the_right_side():
    """Leaky ReLU as deeplearning.ai notes write it, g(z) = a = max(0.01 z, z) (the fresh3 heldout page); the middle
    name read as the definition's value left g without z."""
    right = verify(r"g'(z) = \begin{cases} 0.01 & z < 0 \\ 1 & z \geq 0 \end{cases}",
                   define=["g(z) = a = max(0.01 * z, z)"])
    wrong = verify(r"g'(z) = \begin{cases} 0.1 & z < 0 \\ 1 & z \geq 0 \end{cases}", define=["g(z) = a = max(0.01 * z, z)"])
    assert (right.verdict in ("proved", "agrees"), wrong.verdict) == (True, "wrong"), (right.message, wrong.message)


def test_the_name_in_the_middle_of_a_chained_definition_is_the_functions_value():
    """tanh written h(x) = y = tanh(x), its derivative in the output, 1 - y^2 (https://en.wikipedia.org/wiki/
    Hyperbolic_functions: d/dx tanh x = 1 - tanh^2 x)."""
    v = verify(r"\frac{dh}{dx} = 1 - y^2", define=[r"h(x) = y = \tanh(x)"])
    assert v.verdict == "proved", v.message
