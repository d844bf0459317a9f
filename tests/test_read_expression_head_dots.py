"""A definition's expression head (``\\ln(P(x_1, ..., x_n; \\mu, \\sigma)) = ...``, P defined nowhere) matched in the
claim when the list is spelled with or without a comma after its dots (``x_1,x_2,...x_n`` and ``x_1,x_2,...,x_n``)."""

from __future__ import annotations

from symgrad.read.expression_heads import _key
from symgrad.read.tokens import _tokens
from symgrad.verify import verify

GAUSSIAN = (r"\ln(P(x_1,x_2,...x_n;\mu,\sigma))=-n\ln(\sigma)-\frac{n}{2} \ln(2\pi)"
            r"-\frac{1}{2\sigma^2}[(x_1-\mu)^2+(x_2-\mu)^2+...+(x_n-\mu)^2]")
HEAD = r"\frac{\partial\ln(P(x_1,x_2,\ldots,x_n;\mu,\sigma))}{\partial\mu}"


def test_the_comma_after_the_dots_and_the_dots_spelling_do_not_matter():
    assert _key(_tokens(r"P(x_1,...x_n)")[:-1]) == _key(_tokens(r"P(x_1, \ldots, x_n)")[:-1])
    assert _key(_tokens(r"P(x_1,x_n)")[:-1]) != _key(_tokens(r"P(x_1,...,x_n)")[:-1])


def test_the_normal_log_likelihood_by_the_mean():
    right = verify(rf"{HEAD} = \frac{{1}}{{\sigma^2}}[x_1+x_2+...+x_n - n\mu]", define=[GAUSSIAN])
    assert right.verdict in ("proved", "agrees"), right.message
    assert verify(rf"{HEAD} = \frac{{1}}{{\sigma^2}}[x_1+x_2+...+x_n]", define=[GAUSSIAN]).verdict == "wrong"
