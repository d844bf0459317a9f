"""Subscripts whose ``_`` markdown ate (a jishuzhan.net copy of a softmax derivation writes ``\\hat{y}i =
\\frac{e^{z_i}}{\\sum{k=1}^C e^{z_k}}`` and ``\\delta{ij}``): ``\\sum{k=1}^C`` and ``\\delta{ij}`` have one reading;
``\\hat{y}i`` is the indexed name where the formula also writes ``\\hat{y}_j`` or defines it, and is refused naming both
readings elsewhere. Expressions compared with their intended SymPy form; verdicts against autograd."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import jacobian

from symgrad.errors import ParseError
from symgrad.parse import Context, parse_expression
from symgrad.verify import verify

SOFTMAX = r"\hat{y}i = \frac{e^{z_i}}{\sum{k=1}^C e^{z_k}}"


def read(text: str):
    return parse_expression(text, Context())


@pytest.mark.parametrize("eaten, written", [
    (r"\sum{k=1}^C e^{z_k}", r"\sum_{k=1}^C e^{z_k}"),
    (r"\prod{k=1}^n x_k", r"\prod_{k=1}^n x_k"),
    (r"\sum{i=1}^{N} \delta{ij} x_i", r"\sum_{i=1}^{N} \delta_{ij} x_i"),
    (r"\delta{i,j} - x_j", r"\delta_{i,j} - x_j"),
    (r"\hat{y}i - \hat{y}_j", r"\hat{y}_i - \hat{y}_j"),
    (r"\bar{x}k + \bar{x}_1", r"\bar{x}_k + \bar{x}_1"),
])
def test_an_eaten_subscript_with_one_reading_reads_as_written_with_it(eaten, written):
    assert read(eaten) == read(written)


@pytest.mark.parametrize("entry, verdict", [(r"\hat{y}_j", "proved"), (r"\hat{y}i", "wrong")])
def test_the_softmax_jacobian_with_eaten_underscores_is_judged_as_autograd_says(entry, verdict):
    v = verify(rf"\frac{{\partial \hat{{y}}_i}}{{\partial z_j}} = \hat{{y}}i (\delta{{ij}} - {entry})", define=[SOFTMAX])
    z = np.array([0.2, -1.0, 0.7])
    p = np.exp(z) / np.exp(z).sum()
    autograd_jacobian = jacobian(lambda t: anp.exp(t) / anp.sum(anp.exp(t)))(z)
    claimed = p[:, None] * (np.eye(3) - (p[None, :] if entry.endswith("_j") else p[:, None]))
    assert v.verdict == verdict
    assert np.allclose(autograd_jacobian, claimed) == (verdict == "proved")
    assert r"\hat{y}i read as \hat{y}_i" in v.message


def test_a_decorated_name_glued_to_an_index_with_nothing_to_decide_is_refused_naming_both():
    with pytest.raises(ParseError, match=r"two readings: \\hat\{y\}_i .* or \\hat\{y\} times i"):
        read(r"\sum_i \hat{y}i x_i")
