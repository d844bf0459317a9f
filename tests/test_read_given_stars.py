"""A starred name among the facts (``w^* \\in \\mathbb{R}^n``, the optimum; ``t_j = \\mathbb{1}(j = j^*)``, the true
class, https://github.com/jli05 word2vec notes) is one name, as the claim reader takes it (read/damage_stars), never a
power or a stray ``*``."""

from __future__ import annotations

import pytest

from symgrad.errors import ParseError
from symgrad.read.context import Context
from symgrad.read.facts import parse_given


@pytest.mark.parametrize("fact", [r"w^* \in \mathbb{R}^n", r"w^{*} \in \mathbb{R}^{n}", r"w^\ast \in \mathbb{R}^n"])
def test_a_starred_name_declared_among_the_facts_is_one_vector(fact):
    ctx = Context()
    parse_given(fact, ctx)
    assert list(ctx.tensors) == ["w_*"] and [str(size) for size in ctx.tensors["w_*"].shape] == ["n"]


def test_an_indicator_of_the_true_class_is_refused_naming_the_indicator_not_the_star():
    with pytest.raises(ParseError, match="indicator"):
        parse_given(r"t_j=\mathbb{1}\left(j=j^*\right)", Context())
