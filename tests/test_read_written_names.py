"""An upright word is one name (read.written_names): y_i = x_i - \\mathrm{ymean} writes x and ymean, not y."""

from symgrad.read.tokens import _tokens
from symgrad.read.written_names import names_written


def test_an_upright_word_is_one_name_not_its_letters():
    assert names_written(_tokens(r"x_i - \mathrm{ymean}")) == {"x", "i", "ymean"}
    assert names_written(_tokens(r"\text{mean} + \operatorname{Var}(z)")) == {"mean", "Var", "z"}
