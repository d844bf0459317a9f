"""A function whose name a page writes in a font (``\\mathcal{L}(a, y) = ...``), defined after a definition applying it
(``J = \\frac{1}{m}\\sum_i \\mathcal{L}(a_i, y_i)``): read first, as a function written in plain letters is, so that
the application reads as the function and not as a product with a tuple."""

from __future__ import annotations

import pytest

from symgrad.verify import verify
from symgrad.verify.claim_order import _functions_first

_J = r"J = \frac{1}{m} \sum_{i=1}^m \mathcal{L}(a_i, y_i)"
_L = r"\mathcal {L}(a, y) = (a - y)^2"


def test_the_function_in_a_font_is_read_before_its_use() -> None:
    assert _functions_first([_J, _L]) == [_L, _J]
    assert _functions_first([_J, r"\mathrm{L}(a, y) = a"]) == [_J, r"\mathrm{L}(a, y) = a"]  # another name
    cost = r"J = \frac{1}{2m}\sum_i (h_\theta(x^{(i)}) - y^{(i)})^2"  # a command as the function's subscript
    assert _functions_first([cost, r"h_{\theta}(x) = \theta^T x"]) == [r"h_{\theta}(x) = \theta^T x", cost]


@pytest.mark.parametrize(("factor", "verdict"), [("2", "proved"), ("1", "wrong")])
def test_the_mean_of_a_loss_defined_after_it(factor: str, verdict: str) -> None:
    v = verify(rf"\frac{{\partial J}}{{\partial a_k}} = \frac{{{factor}}}{{m}} (a_k - y_k)", define=[_J, _L])
    assert v.verdict == verdict, str(v)
