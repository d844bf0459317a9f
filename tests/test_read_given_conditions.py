"""Facts that only say where a claim holds: a value excluded (``w_j \\neq 0``, as lasso derivations write it:
https://stats.stackexchange.com/questions/123672 ) and the sign of a determinant (``{\\rm assuming\\;}\\det X > 0``,
https://newbetuts.com/1151569-how-to-calculate-the-derivative-of-log-det-matrix ): not imposed, noted, and never
what turns a wrong claim right; words typeset in math mode (``S\\,{\\rm \\,is\\,symmetric}``) read as words."""

from __future__ import annotations

import pytest

from symgrad import verify

_LASSO = r"\frac{\partial}{\partial w_j} \lambda |w_j|"


@pytest.mark.parametrize("fact", [r"w_j \neq 0", r"$w_j ≠ 0$"])
def test_the_derivative_of_lambda_abs_w_off_zero_is_lambda_sign_w(fact):
    right = verify(r"\lambda \operatorname{sign}(w_j)", of=_LASSO, given=[fact])
    assert right.verdict in ("proved", "agrees")
    assert "excludes one value of w_j" in right.message
    assert verify(r"\lambda w_j", of=_LASSO, given=[fact]).verdict == "wrong"


@pytest.mark.parametrize("fact", [r"{\rm assuming\;}\det X > 0", r"\text{assuming } \det(X) \neq 0"])
def test_the_gradient_of_log_det_x_where_det_x_is_positive_is_x_inverse_transposed(fact):
    of = r"\frac{\partial \log\det X}{\partial X}"
    right = verify("X^{-T}", of=of, given=[fact])
    assert right.verdict in ("proved", "agrees")
    assert "restricts where the claim holds" in right.message
    assert verify("X", of=of, given=[fact]).verdict == "wrong"


def test_an_index_excluded_from_a_value_is_no_condition_dropped():
    assert "excludes one value" not in verify("1", of=r"\frac{\partial x_k}{\partial x_k}", given=[r"k \neq 0"]).message


@pytest.mark.parametrize("fact", [r"S\,{\rm \,is\,symmetric}", r"S \mathrm{~is~symmetric}"])
def test_a_quadratic_form_by_a_matrix_said_symmetric_in_math_mode_words_has_gradient_2_s_x(fact):
    facts = [r"x \in \mathbb{R}^n, S \in \mathbb{R}^{n \times n}", fact]
    of = r"\frac{\partial x^T S x}{\partial x}"
    assert verify("2Sx", of=of, given=facts).verdict in ("proved", "agrees")
    assert verify("2Sx", of=of, given=facts[:1]).verdict == "wrong"  # the words are what makes it right
