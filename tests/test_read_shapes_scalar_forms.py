"""A scalar form plus a vector product: ``f(x) := \\frac{1}{2}x^\\top A x - bx`` (math.stackexchange 3645160) and
``F(\\mathbf{x})=\\frac{1}{2}\\mathbf{x}^TA\\mathbf{x}+\\mathbf{d}\\mathbf{x}+c`` (digitado.com.br, quadratic functions)
write b^T x as bx: the quadratic form makes f a scalar, so b is a vector and bx its dot product with x, noted. Read
as a number b (or an elementwise d x), the form would spread over every entry of a vector f, and the right gradient
(A + A^T)x/2 - b was judged wrong for i != m. The explicit spelling ``c + b^Tx + x^TAx`` (math.techqa.club
4050502) is the control."""

import numpy as np
import pytest
import sympy as sp
from autograd import grad

import symgrad
from symgrad.read import Context, parse_definition, parse_given

RNG = np.random.default_rng(5)
A, B, X = RNG.normal(size=(3, 3)), RNG.normal(size=3), RNG.normal(size=3)


def test_autograd_gives_half_a_plus_a_transpose_x_minus_b():
    f = lambda x: 0.5 * x @ A @ x - B @ x
    assert np.allclose(grad(f)(X), 0.5 * (A + A.T) @ X - B)


@pytest.mark.parametrize("written", [r"f(x) := \frac{1}{2}x^\top A x - bx", r"f(x) = \frac{1}{2}x^T A x - b x",
                                     r"f(x) = \frac{1}{2}\mathbf{x}^TA\mathbf{x}-\mathbf{b}\mathbf{x}",
                                     r"f(x) = \frac{1}{2}x^\top A x - b^T x"])
def test_a_quadratic_form_minus_bx_is_a_scalar_function_of_b_transpose_x(written):
    ctx = Context()
    d = parse_definition(written, ctx)
    assert not isinstance(d.lhs, sp.Indexed)  # one value, not one per entry of x
    assert [len(ctx.tensors[n].shape) for n in "Abx"] == [2, 1, 1]
    sizes = {str(ctx.tensors[n].shape[-1]) for n in "Abx"}
    assert len(sizes) == 1


@pytest.mark.parametrize("define", [r"f(x) := \frac{1}{2}x^\top A x - bx",
                                    r"f(\mathbf{x})=\frac{1}{2}\mathbf{x}^TA\mathbf{x}-\mathbf{b}\mathbf{x}+c"])
def test_the_gradient_of_the_sloppy_quadratic_agrees_and_a_dropped_half_is_wrong(define):
    x = r"\mathbf{x}" if "mathbf" in define else "x"
    b = r"\mathbf{b}" if "mathbf" in define else "b"
    of = rf"\nabla f({x})"
    right = symgrad.verify(rf"\frac{{1}}{{2}}(A+ A^T){x} -{b}", of=of, define=[define])
    assert right.verdict in ("proved", "agrees") and "read as b^T x" in right.message
    assert symgrad.verify(rf"(A+ A^T){x} -{b}", of=of, define=[define]).verdict == "wrong"


def test_a_vector_minus_its_log_sum_exp_still_broadcasts():
    ctx = Context()
    parse_given(r"z \in \mathbb{R}^{K}", ctx)
    d = parse_definition(r"y = z - \log \sum_{k=1}^{K} e^{z_k}", ctx)
    assert isinstance(d.lhs, sp.Indexed)  # log-softmax: one value per entry of z
