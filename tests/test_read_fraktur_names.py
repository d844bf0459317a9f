"""A fraktur letter names like any other font's (``\\mathfrak{L}(a, y) = -(y\\log a+(1-y)\\log(1-a))``, a French blog
post's loss, https://github.com/alexpeterbec): the name L, a function of a and y, as ``\\mathcal{L}`` is."""

from __future__ import annotations

from symgrad import verify
from symgrad.read import Context, parse_definition


def test_a_fraktur_head_defines_its_letter():
    ctx = Context()
    d = parse_definition(r"\mathfrak{L}(a, y) = -(y\log a+(1-y)\log(1-a))", ctx)
    assert str(d.lhs) == "L" and str(d.rhs) == "-y*log(a) - (1 - y)*log(1 - a)"


def test_the_derivative_of_a_loss_named_in_fraktur_is_judged():
    define = [r"\mathfrak{L}(a, y) = -(y\log a+(1-y)\log(1-a))"]
    assert verify(r"\frac{d\mathfrak{L}}{da} = -\frac{y}{a} + \frac{1-y}{1-a}", define=define).verdict == "proved"
    assert verify(r"\frac{d\mathfrak{L}}{da} = -\frac{y}{a} - \frac{1-y}{1-a}", define=define).verdict == "wrong"
