"""A claim whose head is a differential (``d f(X) = G``, ``df = \\mathrm{tr}(G^T dX)``, ``\\mathrm{d}f = G : dX``) is
read as the derivative of the defined function by its variable; each right side is the gradient, or in ``dX`` the
gradient it pairs with ``dX``. Each right claim is checked against autograd here first, so a verdict is judged against
an independent reference; spellings come from real pages (cited per test)."""

from __future__ import annotations

import autograd
import autograd.numpy as anp
import numpy as np
import pytest

import symgrad

RNG = np.random.default_rng(7)
A, B, X = RNG.normal(size=(3, 4)), RNG.normal(size=(3, 2)), RNG.normal(size=(4, 2))
SQUARE_A, SQUARE_X = RNG.normal(size=(3, 3)), RNG.normal(size=(3, 3))


def _gradient(f, at):
    return autograd.grad(f)(at)


def _verdict(claim: str, define: list[str], given: list[str] = ()) -> symgrad.Verdict:
    return symgrad.verify(claim, define=define, given=list(given))


def _right(v: symgrad.Verdict) -> bool:
    """Proved, or agreeing at every point where a loaded machine ran out of proof time."""
    return v.verdict in ("proved", "agrees")


def test_frobenius_norm_differential_written_as_its_gradient_is_the_gradient():
    """https://math.techqa.club/df-x-of-frobenius-norm-of-a-matrix-4671314: d f(X) = A^T(AX-B)/||AX-B||_F."""
    truth = _gradient(lambda x: anp.sqrt(anp.sum((A @ x - B) ** 2)), X)
    assert np.allclose(truth, A.T @ (A @ X - B) / np.linalg.norm(A @ X - B))
    v = _verdict(r"d f(X) = \frac{1}{\| A X - B \|_F} A^{T} (A X - B)", ["f(X)=||AX-B||_F"])
    assert _right(v)
    assert "d f(X) read as the gradient of f by X" in v.message


@pytest.mark.parametrize(("claim", "verdict"), [(r"d(f^2)(X) = 2 A^{T}(A X - B)", "proved"),
                                                (r"d(f^2)(X) = A^{T}(A X - B)", "wrong")])
def test_differential_of_a_defined_square_names_the_variable_in_its_application(claim, verdict):
    """Same page: d(f^2)(X) = 2 A^T(AX - B), with f^2 = ||AX - B||_F^2 defined; half of it is wrong."""
    assert np.allclose(_gradient(lambda x: anp.sum((A @ x - B) ** 2), X), 2 * A.T @ (A @ X - B))
    v = _verdict(claim, [r"f^2 = \| A X - B \|_F^2"])
    assert _right(v) if verdict == "proved" else v.verdict == verdict


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"df = \frac{1}{\sqrt{\text{tr }(X^TX)}}\text{tr }(X^TdX)", "proved"),
    (r"df = \left\langle \frac{X}{\| X \|_F}, dX \right\rangle_F", "proved"),
    (r"\mathrm{d}f = \frac{X}{\| X \|_F} : \mathrm{d}X", "proved"),
    (r"df = \mathrm{tr}(X^T dX)", "wrong"),
])
def test_differential_in_dX_is_read_as_the_gradient_it_pairs_with(claim, verdict):
    """https://yusukey01.github.io/Mathematics/Calculus/det.html: df = tr(X^T dX)/sqrt(tr(X^T X)) =
    <X/||X||_F, dX>_F, so the gradient of ||X||_F is X/||X||_F; forgetting the norm is wrong."""
    assert np.allclose(_gradient(lambda x: anp.sqrt(anp.sum(x ** 2)), X), X / np.linalg.norm(X))
    v = _verdict(claim, [r"f(X) = \| X \|_F"])
    assert _right(v) if verdict == "proved" else v.verdict == verdict
    assert "is the gradient it pairs with dX" in v.message


def test_frobenius_product_with_dX_gives_the_trace_quartic_gradient():
    """https://math.techqa.club/differentiation-of-trace-of-matrix-734717: df = (4XX^TX - 2XA - 2XA^T):dX."""
    a, x = SQUARE_A, SQUARE_X
    truth = _gradient(lambda m: anp.trace((m.T @ m - a).T @ (m.T @ m - a)), x)
    assert np.allclose(truth, 4 * x @ x.T @ x - 2 * x @ a - 2 * x @ a.T)
    defined = r"f(X) := \mbox{tr} \left( \left( X^T X - A \right)^T \left(X^T X - A \right) \right)"
    v = _verdict(r"\mathrm{d}f = (4XX^TX - 2XA - 2XA^T):dX", [defined], [r"A, X \in \mathbb{R}^{n \times n}"])
    assert _right(v)


@pytest.mark.parametrize(("claim", "verdict"), [(r"df = \mathrm{tr}(A\,dX\,B)", "proved"),
                                                (r"\mathrm{d}f = \operatorname{tr}(BA\,dX)", "proved"),
                                                (r"\mathrm{d}f = 2\,\mathrm{tr}(BA\,dX)", "wrong")])
def test_trace_differential_uses_the_cyclic_rule(claim, verdict):
    """https://math.techqa.club/gradient-of-scalar-field-g-x-operatorname-tr-axb-4318343: tr(AXB) = tr(BAX), so
    d tr(AXB) = tr(BA dX) and the gradient is (BA)^T = A^T B^T."""
    a, b, x = RNG.normal(size=(2, 3)), RNG.normal(size=(4, 2)), RNG.normal(size=(3, 4))
    assert np.allclose(_gradient(lambda m: anp.trace(a @ m @ b), x), a.T @ b.T)
    given = [r"A \in \mathbb{R}^{m \times n}", r"X \in \mathbb{R}^{n \times p}", r"B \in \mathbb{R}^{p \times m}"]
    v = _verdict(claim, [r"f(X) = \mathrm{tr}(AXB)"], given)
    assert _right(v) if verdict == "proved" else v.verdict == verdict


@pytest.mark.parametrize(("claim", "verdict"), [(r"df = 2(Ax-b)^T A\,dx", "proved"),
                                                (r"df = (Ax-b)^T A\,dx", "wrong")])
def test_row_before_a_vector_dx_is_the_transposed_gradient(claim, verdict):
    """https://www.allisone.co.jp/note/mathematics/derivative/matrix-calculus/proofs-ch12_en.html (least squares):
    d||Ax - b||^2 = 2(Ax - b)^T A dx, the gradient 2A^T(Ax - b)."""
    a, b, x = RNG.normal(size=(3, 2)), RNG.normal(size=3), RNG.normal(size=2)
    assert np.allclose(_gradient(lambda v: anp.sum((a @ v - b) ** 2), x), 2 * a.T @ (a @ x - b))
    v = _verdict(claim, [r"f(x) = \|Ax - b\|^2"])
    assert _right(v) if verdict == "proved" else v.verdict == verdict


def test_scalar_differential_of_a_defined_name_by_the_one_dw_on_the_right():
    """dL = 2(w - 3) dw: L defined without parameters, the variable is the one dw written."""
    assert np.isclose(_gradient(lambda w: (w - 3.0) ** 2, 1.5), 2 * (1.5 - 3))
    assert _right(_verdict(r"dL = 2(w - 3)\,dw", [r"L = (w-3)^2"]))
    assert _verdict(r"dL = (w - 3)\,dw", [r"L = (w-3)^2"]).verdict == "wrong"


def test_differential_in_two_variables_is_refused_naming_the_forms_read():
    """df = G : dX + H : dY pairs with two differentials: no one gradient by X to compare."""
    v = _verdict(r"df = 2X : dX + 2Y : dY", [r"f(X) = \| X \|_F^2 + \| Y \|_F^2"])
    assert v.verdict == "unreadable"
    assert "cannot pair with one dX" in v.message
