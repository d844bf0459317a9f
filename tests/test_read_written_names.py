"""An upright word is one name (read.written_names): y_i = x_i - \\mathrm{ymean} writes x and ymean, not y."""

from symgrad.read import Context, parse_given
from symgrad.read.tokens import _tokens
from symgrad.read.written_names import names_written


def test_an_upright_word_is_one_name_not_its_letters():
    assert names_written(_tokens(r"x_i - \mathrm{ymean}")) == {"x", "i", "ymean"}
    assert names_written(_tokens(r"\text{mean} + \operatorname{Var}(z)")) == {"mean", "Var", "z"}


def test_a_fact_defining_a_name_by_an_upright_word_is_a_definition():
    ctx = Context()
    parse_given(r"y_i = x_i - \mathrm{ymean}", ctx)
    assert "y" in ctx.definitions and not ctx.constraints
