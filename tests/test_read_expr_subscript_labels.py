"""A subscript that is a label: attention's ``d_k`` (``QK^T / \\sqrt{d_k}``, ``\\frac{QK^T}{d_k}``) is one name where
d is written once, as a divisor, and nothing else in the formula writes k (noted); read as element k of a vector d,
k was free on the right of = and the definition did not read. Elsewhere a stray index is still refused."""

import numpy as np
import pytest
import sympy as sp
from autograd import jacobian

import symgrad
from symgrad.read import Context, parse_definition

SCORES = [r"S = \frac{QK^T}{\sqrt{d_k}}"]


def test_the_key_size_under_a_square_root_is_one_name_and_the_scores_jacobian_is_proved():
    rng = np.random.default_rng(2)
    Q, K, d = rng.normal(size=(3, 4)), rng.normal(size=(2, 4)), 4.0
    truth = jacobian(lambda q: q @ K.T / np.sqrt(d))(Q)  # autograd: dS_ij/dQ_ab = delta_ia K_jb / sqrt(d)
    assert np.allclose(truth, np.einsum("ia,jb->ijab", np.eye(3), K) / np.sqrt(d), rtol=1e-12)
    ctx = Context()
    definition = parse_definition(SCORES[0], ctx)
    assert sp.Symbol("d_k") in definition.rhs.free_symbols and "d_k read as one name: k indexes nothing else here" in \
        ctx.notes
    of = r"\frac{\partial S_{ij}}{\partial Q_{ab}}"
    assert symgrad.verify(rf"{of} = \frac{{\delta_{{ia}} K_{{jb}}}}{{\sqrt{{d_k}}}}", define=SCORES).verdict == "proved"
    assert symgrad.verify(rf"{of} = \delta_{{ia}} K_{{jb}}", define=SCORES).verdict == "wrong"


def test_a_stray_index_that_is_no_divisor_is_still_refused():
    with pytest.raises(symgrad.ParseError, match="index k is free on the right"):
        parse_definition(r"S_{ij} = Q_{ij} + d_k", Context())
