"""The names a claim's value depends on leave out the names bound inside it: a sum's index, and the variable of a
``Subs`` (f'(u) of a function nothing defines reads as Subs(Derivative(f(t), t), t, u)). Counting the bound t made
a wrong claim with f'(...) 'depend on t, which nothing gives' and refused instead of judged wrong."""

from __future__ import annotations

import sympy as sp

from symgrad.verify.judging import _names


def test_the_variable_a_subs_binds_is_no_name_the_value_depends_on():
    f, t, w, x = sp.Function("f"), sp.Symbol("_t"), sp.Symbol("w"), sp.IndexedBase("x")
    i = sp.Idx("i", (1, sp.Symbol("n")))
    e = sp.Subs(sp.Derivative(f(t), t), t, w * x[i]) * x[i]
    assert _names(e) == {"w", "x"}
