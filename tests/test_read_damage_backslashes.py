"""LaTeX that lost its backslashes in copying (read/damage_backslashes.py): where no backslash is left but ``frac{``
or ``partial`` is written, each run of letters that splits wholly into command words is those commands
(``partialtheta_1`` is ``\\partial\\theta_1``), and any other run is left as written. The spellings are
it.newban.cn/archives/30015's (Stanford CS229 notes copied without backslashes)."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from autograd import grad

from symgrad.parse import Context, parse_expression
from symgrad.read.damage_backslashes import damaged
from symgrad.verify import verify

COST = "J(theta_0,theta_1)=frac{1}{2m}sum_{i=1}^m(theta_0+theta_1x^{(i)}-y^{(i)})^2"


def read(text: str) -> sp.Expr:
    return parse_expression(text, Context())


@pytest.mark.parametrize("damaged_text, latex", [
    ("frac{1}{2m}sum_{i=1}^m(theta_0+theta_1x^{(i)}-y^{(i)})^2",
     r"\frac{1}{2m}\sum_{i=1}^m(\theta_0+\theta_1 x^{(i)}-y^{(i)})^2"),
    ("theta_0-alphafrac{1}{m}sum_{i=1}^m(theta_1x^{(i)}-y^{(i)})",
     r"\theta_0-\alpha\frac{1}{m}\sum_{i=1}^m(\theta_1 x^{(i)}-y^{(i)})"),
    ("frac{partial}{partialtheta_1}(theta_1^2 + mx)", r"\frac{\partial}{\partial\theta_1}(\theta_1^2 + m x)"),  # mx: no words
])
def test_command_words_without_backslashes_read_as_the_commands(damaged_text, latex):
    assert read(damaged_text) == read(latex)


def test_text_with_a_backslash_or_without_frac_or_partial_is_not_damaged():
    assert not damaged(r"\frac{1}{m} sum")
    assert not damaged("theta_0 + alpha x")  # names spelled out, as plain text writes them, no LaTeX lost
    assert damaged("frac{partial}{partialtheta_j}J")


@pytest.mark.parametrize("by, factor, verdict", [("1", "x^{(i)}", "proved"), ("0", "x^{(i)}", "wrong"),
                                                 ("0", "1", "proved")])
def test_the_pages_gradients_are_judged_against_autograd(by, factor, verdict):
    x, y = np.array([0.5, -1.0, 2.0]), np.array([1.0, 0.3, -0.7])
    t = np.array([0.3, -0.6])
    cost = lambda th: ((th[0] + th[1] * x - y) ** 2).sum() / (2 * len(x))
    slope = grad(cost)(t)[int(by)]
    claimed = ((t[0] + t[1] * x - y) * (x if factor != "1" else 1)).sum() / len(x)
    assert np.isclose(slope, claimed) == (verdict == "proved")
    claim = f"frac{{partial}}{{partialtheta_{by}}}J(theta_0,theta_1)=frac{{1}}{{m}}sum_{{i=1}}^m" \
            f"(theta_0+theta_1x^{{(i)}}-y^{{(i)}})*{factor}"
    v = verify(claim, define=[COST])
    assert v.verdict == verdict and "backslashes were lost in copying" in v.message


@pytest.mark.parametrize("damaged_text, latex", [
    # proxies-free.com/matrix-calculus-second-order-derivative-of-the-loss-function-of-logistic-regression/ (the en dash
    # its minus): no frac{ or partial, but left( ... right) and boldsymbol{
    (("sum_{i=1}^n left( y_i boldsymbol{beta}^T boldsymbol{x}_i – log left(1 + exp( boldsymbol{beta}^T boldsymbol{x}_i)"
     " right) right)"),
     (r"\sum_{i=1}^n \left( y_i \boldsymbol{\beta}^T \boldsymbol{x}_i - \log \left(1 + \exp( \boldsymbol{\beta}^T"
     r" \boldsymbol{x}_i) \right) \right)")),
    ("mathbf{w}^T mathbf{x} + b", r"\mathbf{w}^T \mathbf{x} + b"),  # a font command before its brace
    ("prod_{i=1}^n p_i^{y_i} (1 - p_i)^{1 - y_i}", r"\prod_{i=1}^n p_i^{y_i} (1 - p_i)^{1 - y_i}"),
])
def test_fonts_bounded_sums_and_sized_brackets_without_backslashes_read_as_the_commands(damaged_text, latex):
    ctx = Context()
    assert parse_expression(damaged_text, ctx) == parse_expression(latex, Context())


def test_words_left_and_sum_in_plain_text_alone_do_not_mark_lost_backslashes():
    assert not damaged("the left(hand) side")  # left( with no right) after it
    assert not damaged("summary_x + left")
    assert damaged("left( x right)^2")
