"""Macros whose ``\\def`` delimits its parameters as TeX allows (``\\def\\avgsum[#1,#2]{...}``, used
``\\avgsum[i, n]``): the text between the parameters must follow the macro, and an argument runs up to it."""

import pytest

import symgrad
from symgrad.errors import ParseError
from symgrad.read.macros import define, expand

AVGSUM = r"\def\avgsum[#1,#2]{\frac{1}{#2}\sum_{#1=1}^{#2}}"
PD = r"\def\pd[#1]{\partial_{#1}}"


def test_delimited_arguments_run_up_to_the_text_the_definition_writes():
    macros: dict[str, str] = {}
    assert define(AVGSUM, macros) and define(PD, macros)
    assert " ".join(expand(r"\avgsum[i, n] x_i", macros).split()) == r"\frac{1}{n}\sum_{i=1}^{n} x_i"
    assert " ".join(expand(r"\pd[a_i^{(1)}]C", macros).split()) == r"\partial_{a_i^{(1)}} C"


def test_a_braced_argument_keeps_its_commas_and_loses_its_braces():
    macros: dict[str, str] = {}
    define(r"\def\ip<#1|#2>{\langle #1; #2\rangle}", macros)
    assert " ".join(expand(r"\ip<{a,b}|c>", macros).split()) == r"\langle a,b; c\rangle"


def test_a_use_without_the_delimiters_is_refused_naming_them():
    macros: dict[str, str] = {}
    define(PD, macros)
    with pytest.raises(ParseError, match=r"followed by '\['"):
        expand(r"\pd w C", macros)
    with pytest.raises(ParseError, match=r"without the '\]'"):
        expand(r"\pd[w C", macros)


@pytest.mark.parametrize("factor, verdict", [("2", "agrees"), ("", "wrong")])
def test_a_derivative_written_with_delimited_macros_is_judged(factor, verdict):
    v = symgrad.verify(claim=rf"\pd[w] C = \avgsum[i, n]{factor}(x_i w - y_i)x_i",
                       define=[r"C = \avgsum[i, n](x_i w - y_i)^2"], given=[PD, AVGSUM])
    assert v.verdict in ((verdict,) if verdict == "wrong" else ("proved", "agrees")), v.message
