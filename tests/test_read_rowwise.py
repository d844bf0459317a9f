"""Row-wise softmax (issue 12 item 4): ``\\mathrm{softmax}(S)`` of a matrix is taken row by row,
``A_ij = e^{S_ij}/Σ_k e^{S_ik}`` (NumPy's ``axis=-1``, attention's convention), and the verdict says so;
``S_{i,:}`` and ``S_{:,j}`` are a row and a column. References are NumPy and autograd, written here."""

from __future__ import annotations

import autograd
import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp

from symgrad.errors import ParseError
from symgrad.parse import Context, parse_expression, parse_given
from symgrad.verify import verify

RNG = np.random.default_rng(7)
ROWS, COLS = 2, 3


def _read(text: str) -> tuple[sp.Expr, Context]:
    ctx = Context()
    parse_given(r"S \in \mathbb{R}^{T \times D}", ctx)
    return parse_expression(text, ctx), ctx


def _values(expr: sp.Expr, s: np.ndarray, free: tuple[str, ...]) -> np.ndarray:
    """``expr`` with T, D concrete and S set to ``s``, at every value of its free indices (0-based in the array)."""
    sizes = {sym: {"T": ROWS, "D": COLS}[sym.name] for sym in expr.free_symbols if sym.name in ("T", "D")}
    plain = {i: sp.Symbol(i.name, integer=True) for i in expr.atoms(sp.Idx)}  # an Idx carries its range: drop it
    concrete = expr.xreplace(plain).subs(sizes)
    idx = {i.name: i for i in plain.values() if i.name in free}
    out = np.empty((ROWS, COLS) if len(free) == 2 else (COLS if free == ("j",) else ROWS,))
    for at in np.ndindex(out.shape):
        point = concrete.subs({idx[n]: k + 1 for n, k in zip(free, at)}).doit()
        point = point.xreplace({a: s[int(a.indices[0]) - 1, int(a.indices[1]) - 1] for a in point.atoms(sp.Indexed)})
        out[at] = float(point)
    return out


def _numpy_softmax(s: np.ndarray, axis: int) -> np.ndarray:
    e = np.exp(s - s.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def test_softmax_of_a_matrix_is_taken_row_by_row_and_the_reading_is_noted():
    expr, ctx = _read(r"\mathrm{softmax}(S)_{ij}")
    s = RNG.normal(size=(ROWS, COLS))
    np.testing.assert_allclose(_values(expr, s, ("i", "j")), _numpy_softmax(s, axis=1), rtol=1e-12)
    assert any("row by row" in note for note in ctx.notes)


def test_a_row_slice_is_the_row_and_a_column_slice_the_column():
    s = RNG.normal(size=(ROWS, COLS))
    row, _ = _read(r"\mathrm{softmax}(S_{1,:})_j")
    np.testing.assert_allclose(_values(row, s, ("j",)), _numpy_softmax(s, axis=1)[0], rtol=1e-12)
    column, _ = _read(r"\mathrm{softmax}(S_{:,2})_i")
    np.testing.assert_allclose(_values(column, s, ("i",)), _numpy_softmax(s, axis=0)[:, 1], rtol=1e-12)


@pytest.mark.parametrize("text", [r"S_{i,:,:}", r"x_{i,:}", r"S_{ij,:}"])
def test_a_slice_that_does_not_fit_is_refused(text):
    with pytest.raises(ParseError):
        _read(text)


ATTENTION = [r"Q \in \mathbb{R}^{T \times d}", r"K \in \mathbb{R}^{T \times d}"]
TEXTBOOK = r"\frac{\partial A_{ij}}{\partial Q_{ab}} = \frac{1}{\sqrt{d}} \delta_{ia} A_{ij} \left(K_{jb} - \sum_{q=1}^{T} A_{iq} K_{qb}\right)"


def test_the_textbook_attention_derivative_agrees_with_autograd():
    """The claim below is right: its formula against autograd's Jacobian at a random point."""
    t, d = 3, 2
    q, k = RNG.normal(size=(t, d)), RNG.normal(size=(t, d))

    def attention(q):
        s = anp.dot(q, k.T) / anp.sqrt(d)
        e = anp.exp(s - anp.max(s, axis=1, keepdims=True))
        return e / anp.sum(e, axis=1, keepdims=True)

    jac = autograd.jacobian(attention)(q)  # [i, j, a, b]
    a = attention(q)
    textbook = np.einsum("ia,ij,ijb->ijab", np.eye(t), a, k[None, :, :] - (a @ k)[:, None, :]) / np.sqrt(d)
    np.testing.assert_allclose(jac, textbook, atol=1e-12)


def test_the_one_line_attention_softmax_is_read_and_its_textbook_derivative_judged_right():
    v = verify(TEXTBOOK, define=[r"A = \mathrm{softmax}(QK^T/\sqrt{d})"], given=ATTENTION)
    assert v.verdict in ("proved", "agrees")  # proved or agreeing at hundreds of exact points: the verifier's call
    assert "row by row" in v.message


def test_forgetting_the_normaliser_term_of_the_attention_derivative_is_wrong():
    slip = r"\frac{\partial A_{ij}}{\partial Q_{ab}} = \frac{1}{\sqrt{d}} \delta_{ia} A_{ij} K_{jb}"
    assert verify(slip, define=[r"A = \mathrm{softmax}(QK^T/\sqrt{d})"], given=ATTENTION).verdict == "wrong"


def test_softmax_of_a_name_met_first_there_is_a_vector_and_cross_entropy_is_proved():
    v = verify(r"\frac{\partial L}{\partial z_k} = p_k - y_k",
               define=[r"p = \mathrm{softmax}(z)", r"L = -\sum_k y_k \log p_k"], given=[r"\sum_k y_k = 1"])
    assert v.verdict == "proved" and "read as a vector" in v.message
