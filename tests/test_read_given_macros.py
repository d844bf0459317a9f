"""Macros with arguments, facts that name an application's value, and given index definitions."""

import pytest

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.read.context import Context
from symgrad.read.macros import define, expand

MACROS = (r"$ \def\p{\partial} \def\L{\left}\def\R{\right} \def\LR#1{\L(#1\R)} "
          r"\def\grad#1#2{\frac{\p #1}{\p #2}} \newcommand{\sq}[1]{{#1}^2} $")


@pytest.mark.parametrize("claim, verdict", [(r"\grad{f}{x} = 2\LR{x - y}", "proved"),
                                            (r"\grad fx = \LR{x - y}", "wrong")])
def test_macros_with_arguments_are_expanded_at_each_use(claim, verdict):
    v = verify(claim, define=[r"f = \sq{x - y}"], given=[MACROS])
    assert v.verdict == verdict, v.message


def test_an_unbraced_argument_is_one_token_as_tex_reads_it():
    macros = {}
    assert define(MACROS, macros)
    assert expand(r"\grad gx", macros).split() == [r"\frac{\partial", r"g}{\partial", "x}"]
    assert expand(r"\grad\alpha x", macros).split() == [r"\frac{\partial", r"\alpha}{\partial", "x}"]


@pytest.mark.parametrize("text, message", [(r"\newcommand{\norm}[1][2]{\|#1\|_{#2}}", "optional argument"),
                                           (r"\def\f#2{#2}", "not #1, #2"),
                                           (r"\def\f#1{{#1}", "does not close")])
def test_macros_symgrad_cannot_expand_are_refused_naming_why(text, message):
    with pytest.raises(ParseError, match=message):
        define(text, {})


def test_a_missing_argument_and_a_macro_that_uses_itself_are_refused():
    macros = {}
    define(r"\def\f#1{#1} \def\g{\g}", macros)
    with pytest.raises(ParseError, match="missing an argument"):
        expand(r"\f", macros)
    with pytest.raises(ParseError, match="without end"):
        expand(r"\g", macros)


def test_text_that_is_not_only_definitions_is_no_macro_fact():
    assert not define(r"\def\p{\partial} x > 0", {})
    assert isinstance(Context().macros, dict)


@pytest.mark.parametrize("claim, verdict", [(r"\frac{dE}{du} = (h - t)(1 - h^2)", "proved"),
                                            (r"\frac{dE}{du} = (h - t)(1 - h)", "wrong")])
def test_a_known_function_applied_equal_to_a_name_nothing_defines_defines_the_name(claim, verdict):
    v = verify(claim, define=[r"E = \frac{1}{2}(h - t)^2"], given=[r"\tanh(u) = h"])
    assert v.verdict == verdict, v.message
    assert r"read as the definition of h: h = \tanh(u)" in v.message


def test_the_sigmoid_applied_equal_to_its_output_name_reads_the_cross_entropy_through_it():
    v = verify(r"\frac{dC}{dv} = q - y", define=[r"C = -(y \log(q) + (1 - y) \log(1 - q))"], given=[r"\sigma(v) = q"])
    assert v.verdict == "proved", v.message


LAYER = [r"h_k = \tanh(u_k)", r"u_k = \sum_{m} W_{km} v_m"]  # the sum's range waits for the definitions


@pytest.mark.parametrize("claim, verdict", [(r"\sum_k (h_k - t_k)(1 - h_k^2) W_{kr}", "proved"),
                                            (r"\sum_k (h_k - t_k) W_{kr}", "wrong")])
def test_a_fact_defining_a_name_an_earlier_fact_definition_used_is_its_definition(claim, verdict):
    v = verify(r"\frac{\partial E}{\partial v_r} = " + claim, define=[r"E = \frac{1}{2}\sum_k (h_k - t_k)^2"],
               given=LAYER)
    assert v.verdict == verdict, v.message
    assert r"u_k = \sum_{m} W_{km} v_m (among the facts) read as a definition" in v.message


@pytest.mark.parametrize("claim, verdict", [(r"\frac{\partial q_k}{\partial u_k} = q_k(1 - q_k)", "proved"),
                                            (r"\frac{\partial q_k}{\partial u_k} = q_k(1 + q_k)", "wrong")])
def test_a_declared_math_operator_is_its_operator_name(claim, verdict):
    v = verify(claim, define=[r"q = \smax(u)"], given=[r"$\DeclareMathOperator{\smax}{softmax}$"])
    assert v.verdict == verdict, v.message
