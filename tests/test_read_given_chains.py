"""A fact that defines a name and restates it in the same line, ``\\hat y = Xw = \\sum_{k=1}^{p} x_k w_k`` (as lasso
notes write ``RSS(\\theta) = RSS^{OLS}(\\theta) + \\lambda\\|\\theta\\|_1 = ...``,
https://stats.stackexchange.com/questions/123672 ): the definition of the name by its first side, the restatement
noted as not checked; it was refused as no fact."""

from __future__ import annotations

import pytest

from symgrad import verify

_OF = r"\frac{\partial}{\partial w} (\hat y - y)^2"


@pytest.mark.parametrize("fact", [r"\hat y = wx + b = b + xw", r"\hat{y} = w x + b = x w + b = b + w x"])
def test_the_squared_error_gradient_by_w_through_a_name_defined_in_a_chain_is_2_residual_x(fact):
    right = verify(r"2(\hat y - y) x", of=_OF, given=[fact])
    assert right.verdict == "proved" and "other sides of its = chain are not checked" in right.message
    assert verify(r"2(\hat y - y)", of=_OF, given=[fact]).verdict == "wrong"
