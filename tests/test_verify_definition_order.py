"""Definitions are read in the order their uses need, whatever order the page writes them: a function (with a
subscript naming its parameters, ``f_{w,b}(x)`` of the ML Specialization's linear model) is read before the loss that
applies it. Verdicts are against derivatives worked by hand: J = (1/2m) sum_i (w x_i + b - y_i)^2 gives
dJ/dw = (1/m) sum_i (w x_i + b - y_i) x_i and dJ/db = (1/m) sum_i (w x_i + b - y_i)."""

from __future__ import annotations

import pytest

from symgrad.verify import verify

# https://github.com/zkhan122/ai-ml-da (course notes) writes the loss first, the model after, each with a \tag
LOSS = r"J(w,b) = \frac{1}{2m} \sum\limits_{i = 0}^{m-1} (f_{w,b}(x^{(i)}) - y^{(i)})^2 \tag{1}"
MODEL = r"f_{w,b}(x^{(i)}) = wx^{(i)} + b \tag{2}"
RESIDUAL = r"\frac{1}{m} \sum\limits_{i = 0}^{m-1} (f_{w,b}(x^{(i)}) - y^{(i)})"


@pytest.mark.parametrize("define", [[LOSS, MODEL], [MODEL, LOSS]])
@pytest.mark.parametrize(("variable", "claim", "verdict"), [
    ("w", RESIDUAL + r"x^{(i)}", "proved"),
    ("b", RESIDUAL, "proved"),
    ("b", RESIDUAL + r"x^{(i)}", "wrong"),  # dJ/db has no x
])
def test_a_function_with_parameters_in_its_subscript_is_read_before_the_loss_applying_it(define, variable, claim,
                                                                                         verdict):
    v = verify(rf"\frac{{\partial J(w,b)}}{{\partial {variable}}} = {claim}", define=define)
    assert v.verdict == verdict
