"""``\\sum_1^n (x_i - \\mu)^2``, ``\\sum_{1}^{n}``: a sum whose bounds are written and whose index is not (held out 9
fresh9-gaussmle-bss9395-*: 'expected a summation index after \\sum_') runs over the one index its body writes, noted;
where that index has the bound's letter (``\\sum_1^n (\\chi_n - \\mu)``) it is renamed apart from the size."""

from __future__ import annotations

import pytest
import sympy as sp

import symgrad
from symgrad import parse
from symgrad.errors import ParseError


@pytest.mark.parametrize("text", [r"\sum_1^n (x_i - \mu)^2", r"\sum_{1}^{n} (x_i - \mu)^2"])
def test_the_bounds_run_over_the_bodys_one_index(text):
    ctx = parse.Context()
    e = parse.parse_expression(text, ctx)
    (s,) = e.atoms(sp.Sum)
    (i, lower, upper), = s.limits
    assert (str(i), lower, str(upper)) == ("i", 1, "n")
    assert s.function == (ctx.tensors["x"][i] - sp.Symbol("mu")) ** 2
    assert any("without an index: read as the sum over i" in n for n in ctx.notes)


def test_an_index_with_the_bounds_letter_is_renamed_apart_from_the_size():
    ctx = parse.Context()
    e = parse.parse_expression(r"\sum_1^n (\chi_n - \mu)", ctx)
    (s,) = e.atoms(sp.Sum)
    (k, _, upper), = s.limits
    assert str(upper) == "n" and str(k) != "n" and s.function.has(ctx.tensors["chi"][k])


def test_a_body_of_several_indices_is_refused_naming_them():
    with pytest.raises(ParseError, match=r"a bare \\sum over i, j"):
        parse.parse_expression(r"\sum_1^n x_i y_j", parse.Context())


@pytest.mark.parametrize(("factor", "verdict"), [("1", "proved"), ("2", "wrong")])
def test_the_gaussian_mean_gradient_with_such_sums(factor, verdict):
    claim = rf"\frac{{\partial L}}{{\partial \mu}} = \frac{{{factor}}}{{\sigma^2}}\sum_1^n (x_n - \mu)"
    v = symgrad.verify(claim, define=[r"L = -\frac{1}{2\sigma^2}\sum_1^n (x_n - \mu)^2"])
    assert v.verdict == verdict, str(v)
