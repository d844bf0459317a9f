"""A sign said as a restriction (``$\\sigma$ and $l$ is confined to only to positive real numbers``, ``restricted to
positive values``): the domain facts, as ``is positive`` says them."""

import pytest

import symgrad
from symgrad.read.prose import from_prose


@pytest.mark.parametrize("text, facts", [
    (r"where $\sigma$ and $l$ is confined to only to positive real numbers.", r"\sigma > 0, l > 0"),
    (r"$\sigma$ is restricted to positive values", r"\sigma > 0"),
])
def test_a_restriction_to_positive_numbers_is_a_domain(text, facts):
    assert from_prose(text)[0] == facts


@pytest.mark.parametrize("claim, verdict", [(r"\frac{1}{2\sqrt{s}}", "proved"), (r"\frac{1}{\sqrt{s}}", "wrong")])
def test_the_domain_read_keeps_the_root_defined(claim, verdict):
    v = symgrad.verify(claim=rf"\frac{{dL}}{{ds}} = {claim}", define=[r"L = \sqrt{s}"],
                       given=["$s$ is confined to positive real numbers"])
    assert v.verdict == verdict, v.message
