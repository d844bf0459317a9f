"""Capitals written bare in one place and by their entries in another (``\\|X - WH\\|^2`` and ``X_{ij}``, ``W_{il}``,
``H_{lj}``, as notes on non-negative matrix factorization write them) are matrices from the start, sized by their index
letters: one size for the letters of a capital's rows, one for its columns, so a product is never made square by the
reading; checked against autograd."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import sympy as sp
from autograd import grad

from symgrad.read.context import Context
from symgrad.read.shapes_prescan import declare_indexed
from symgrad.verify import verify

_LOSS = r"J(W,H)=\frac{1}{2}\|X-WH\|^2=\frac{1}{2}\sum_{i,j}[X_{ij}-(WH)_{ij}]^2"
_BY_W = r"\frac{\partial J(W,H)}{\partial W_{il}}&="


def test_autograd_gives_the_factorization_gradient_stated_below():
    rng = np.random.default_rng(17)
    x, w, h = rng.normal(size=(4, 5)), rng.normal(size=(4, 2)), rng.normal(size=(2, 5))
    loss = lambda u: 0.5 * anp.sum((x - u @ h) ** 2)
    assert np.allclose(grad(loss)(w), -(x @ h.T - w @ h @ h.T))


def test_capitals_written_by_entries_and_bare_are_matrices_of_their_index_letters_sizes():
    ctx = Context()
    claim = _BY_W + r"-\sum_j[X_{ij}-(WH)_{ij}]H_{lj}"
    declare_indexed(ctx, [claim, _LOSS], [_LOSS])
    x, w, h = (ctx.tensors[n] for n in "XWH")
    assert all(isinstance(t, sp.IndexedBase) for t in (x, w, h))
    assert w.shape[1] == h.shape[0] and (x.shape[0], x.shape[1]) == (w.shape[0], h.shape[1])
    assert len({w.shape[0], w.shape[1], h.shape[1]}) == 3  # W's rows, the inner size, H's columns: three sizes
    assert any("W read as a matrix" in n for n in ctx.notes)


def test_the_gradient_by_an_entry_of_W_is_proved_and_a_sign_slip_is_wrong():
    right = verify(_BY_W + r"-\sum_j[X_{ij}-(WH)_{ij}]H_{lj}=-[(XH^\mathrm{T})_{il}-(WHH^\mathrm{T})_{il}]",
                   define=[_LOSS])
    assert right.verdict == "proved", right.message
    slip = verify(_BY_W + r"\sum_j[X_{ij}-(WH)_{ij}]H_{lj}", define=[_LOSS])
    assert slip.verdict == "wrong", slip.message


def test_a_mis_ordered_product_is_never_proved():
    # H^T H for H H^T: the reading keeps W's columns and H's columns apart, so the product cannot be formed
    v = verify(_BY_W + r"-\sum_j[X_{ij}-(WH)_{ij}]H_{lj}=-[(XH^\mathrm{T})_{il}-(WH^\mathrm{T}H)_{il}]",
               define=[_LOSS])
    assert v.verdict == "unreadable" and "does not match" in v.message, v.message


def test_a_capital_beside_one_nothing_shapes_is_left_to_the_reader():
    ctx = Context()  # W H with only H written by entries: what W is, the product's reading settles, not this scan
    declare_indexed(ctx, [r"\frac{\partial J}{\partial H_{lj}} = 0", r"J = \|X - WH\|^2"], [r"J = \|X - WH\|^2"])
    assert "H" not in ctx.tensors and "W" not in ctx.tensors


def _declared(*texts: str, defined: tuple[str, ...] = ()) -> Context:
    ctx = Context()
    declare_indexed(ctx, list(texts), list(defined))
    return ctx


def test_a_capital_written_inverted_is_a_square_matrix():
    ctx = _declared(r"\frac{\partial (M^{-1})_{ij}}{\partial M_{rs}} = -(M^{-1})_{ir}(M^{-1})_{sj}")
    m = ctx.tensors["M"]
    assert isinstance(m, sp.IndexedBase) and m.shape[0] == m.shape[1]


def test_entries_that_would_make_a_matrix_square_declare_nothing():
    ctx = _declared(r"\frac{\partial f}{\partial X_{ij}} = X_{ji}", r"f = \|X\|^2")
    assert "X" not in ctx.tensors


def test_a_function_parameter_written_by_entries_keeps_its_own_reading():
    fact = r"S(M) = \sum_{i,j} M_{i,j}"
    ctx = _declared(r"\frac{\partial F}{\partial x} = S(A)", fact, defined=(fact,))
    assert "M" not in ctx.tensors
