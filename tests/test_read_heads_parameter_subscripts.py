"""A function named with the parameters it depends on as its subscript, defined at one sample (issue 9, item 3):
``f_{w,b}(x^{(i)}) = wx^{(i)} + b`` with ``J(w,b) = \\frac{1}{2m} \\sum_i (f_{w,b}(x^{(i)}) - y^{(i)})^2`` (the
Machine Learning Specialization's linear regression, as https://blog.ynchen.me/Notes/Gradient-Descent and
https://github.com/EliasNowak/LinearRegression write it); ``g_i(x) = x_i^2`` keeps its index."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp
from autograd import grad
from autograd import numpy as anp

from symgrad import verify
from symgrad.read import Context, parse_definition

MODELS = [r"f_{w,b}(x^{(i)}) = wx^{(i)} + b \tag{2}", r"f_{w,b}(x) = wx + b", r"f_{w, b}(x^{(i)}) = w x^{(i)} + b"]
COST = r"J(w,b) = \frac{1}{2m} \sum\limits_{i = 0}^{m-1} (f_{w,b}(x^{(i)}) - y^{(i)})^2 \tag{1}"
BY_W = r"\frac{\partial J(w,b)}{\partial w}  &= \frac{1}{m} \sum\limits_{i = 0}^{m-1} (f_{w,b}(x^{(i)}) - y^{(i)})x^{(i)} \tag{4}"
BY_B = r"\frac{\partial J(w,b)}{\partial b}  &= \frac{1}{m} \sum\limits_{i = 0}^{m-1} (f_{w,b}(x^{(i)}) - y^{(i)}) \tag{5}"


@pytest.mark.parametrize("model", MODELS)
def test_the_subscript_names_the_parameters_and_the_sample_label_is_no_part_of_the_function(model):
    ctx = Context()
    parse_definition(model, ctx)
    (fn,) = ctx.functions.values()
    w, b, x = sp.symbols("w b x")
    assert fn.params == (x,) and sp.simplify(fn.body - (w * x + b)) == 0
    assert any("its subscript names the parameters w, b" in n for n in ctx.notes)


def test_an_index_subscript_the_right_side_uses_only_as_one_stays_an_index():
    d = parse_definition(r"g_i(x) = x_i^2", Context())
    assert isinstance(d.lhs, sp.Indexed) and str(d.lhs.base) == "g"


def _cost_gradients(w: float, b: float, x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    cost = lambda w, b: anp.sum((w * x + b - y) ** 2) / (2 * len(x))
    return grad(cost, 0)(w, b), grad(cost, 1)(w, b)


@pytest.mark.parametrize("claim", [BY_W, BY_B])
def test_the_course_gradients_are_right(claim):
    rng = np.random.default_rng(4)
    x, y, w, b = rng.normal(size=5), rng.normal(size=5), 0.4, -0.3
    by_w, by_b = _cost_gradients(w, b, x, y)
    assert np.isclose(by_w, np.mean((w * x + b - y) * x)) and np.isclose(by_b, np.mean(w * x + b - y))  # autograd
    v = verify(claim, define=[MODELS[0], COST])
    assert v.verdict in ("proved", "agrees"), v.message


def test_the_gradient_by_b_with_the_input_factor_is_wrong():
    assert verify(BY_W.replace(r"\partial w", r"\partial b"), define=[MODELS[0], COST]).verdict == "wrong"
