"""MATLAB/Octave pasted as a definition or a claim (read/code_matlab.py, grammar code_matlab.lark): ``*`` the matrix
product, ``.*`` ``./`` ``.^`` elementwise, ``'`` the transpose, ``sum(x, 2)`` the row sums, ``repmat`` broadcasting,
``x(k)`` counting from 1. Verdicts are checked against autograd."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import grad, jacobian
from test_read_code import read  # an expression read after its facts

from symgrad.errors import ParseError
from symgrad.read.code import code_notes, code_pieces
from symgrad.verify import verify

MATRIX = [r"x \in \mathbb{R}^{n \times d}"]
VECTOR = [r"x \in \mathbb{R}^{n}"]
RNG = np.random.default_rng(3)


def _lse_rows(v):
    return anp.sum(anp.log(anp.sum(anp.exp(v), axis=1)))


@pytest.mark.parametrize("claim, along_rows, verdict", [
    ("exp(x)./repmat(sum(exp(x),2), 1, size(x,2));", True, "proved"),
    ("exp(x)./repmat(sum(exp(x),1), size(x,1), 1);", False, "wrong"),
])
def test_row_wise_log_sum_exp_in_matlab_is_judged_as_autograd_says(claim, along_rows, verdict):
    v = verify(claim, of=r"\frac{\partial L}{\partial x}", define=["L = sum(log(sum(exp(x),2)));"], given=MATRIX)
    x = RNG.normal(size=(3, 4))
    claimed = np.exp(x) / np.exp(x).sum(axis=1 if along_rows else 0, keepdims=True)
    assert v.verdict == verdict and np.allclose(grad(_lse_rows)(x), claimed) == (verdict == "proved")
    assert "repmat(v, 1, n) read as v broadcast" in v.message


@pytest.mark.parametrize("claim, outer, verdict", [("diag(p) - p*p';", True, "proved"),
                                                  ("diag(p) - p'*p;", False, "wrong")])
def test_the_quote_is_the_transpose_and_star_the_matrix_product(claim, outer, verdict):
    v = verify(claim, of=r"\frac{\partial p}{\partial x}", define=["p = exp(x)./sum(exp(x));"], given=VECTOR)
    x = RNG.normal(size=4)
    p = np.exp(x) / np.exp(x).sum()
    truth = jacobian(lambda u: anp.exp(u) / anp.sum(anp.exp(u)))(x)
    claimed = np.diag(p) - (np.outer(p, p) if outer else p @ p)
    assert v.verdict == verdict and np.allclose(truth, claimed) == (verdict == "proved")


def test_matlab_counts_entries_from_one_and_powers_elementwise():
    got = read("x.^2 + x(3); % the third entry", *VECTOR)
    vals = RNG.normal(size=4)
    i = next(s for s in got.free_symbols if isinstance(s, sp.Idx))
    at = got.xreplace({i: sp.Integer(2)}).replace(lambda t: isinstance(t, sp.Indexed),
                                                   lambda t: sp.Float(vals[int(t.indices[0]) - 1]))
    assert float(at) == pytest.approx(vals[1] ** 2 + vals[2])
    assert "x(k) counting from 1" in code_notes("x.^2 + x(3);")[0]


def test_a_matlab_row_is_refused_naming_the_column_convention():
    with pytest.raises(ParseError, match="a row in MATLAB"):
        code_pieces("tmpy = y(i,:);")


@pytest.mark.parametrize("text", ["L = (y - a)^2", "f(x) = x^2;", r"\frac{a}{b};", "y = x . z;"])
def test_text_without_matlab_s_own_spellings_is_left_to_the_other_readers(text):
    from symgrad.read.code_matlab import matlab_trees
    assert matlab_trees(text) is None


def test_a_call_of_a_non_index_letter_stays_a_function_value_and_of_an_index_an_entry():
    latex = " ".join(piece for piece, _ in code_pieces("z = f(x) + y(i);"))
    assert "f ( x )" in latex and "y _{ i }" in latex
