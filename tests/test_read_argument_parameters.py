"""A function defined at argument expressions (``Cost(h_\\theta(x), y) = \\frac12 (h_\\theta(x) - y)^2``, a course's notes,
https://github.com/lingyv; ``loss(f_{\\mathbf{w},b}(\\mathbf{x}^{(i)}), y^{(i)}) = ...``, a Portuguese README): each argument
that is no plain name is a parameter of the function, noted, where the right side writes it as the head does and uses
none of the names inside it otherwise; ``f(g(x)) = g(x) + x`` is no function of g(x) alone and keeps its reading, and a
head with an indexed or sample-labelled argument (``h(x^{(i)})``) keeps the element reading read.sample_parameters gives."""

from __future__ import annotations

from symgrad import verify
from symgrad.read import Context, parse_definition


def test_an_argument_expression_is_a_parameter():
    ctx = Context()
    parse_definition(r"Cost(h_\theta(x), y)=\frac{1}{2}(h_\theta(x)-y)^2", ctx)
    assert [str(p) for p in ctx.functions["Cost"].params] == ["u", "y"]
    assert str(parse_definition(r"J = Cost(3 a, b)", ctx).rhs) == "(3*a - b)**2/2"
    assert any(r"h_\theta(x) as u" in note for note in ctx.notes)


def test_a_right_side_that_uses_the_argument_names_otherwise_is_no_such_function():
    ctx = Context()
    parse_definition(r"f(g(x)) = g(x) + 2xy", ctx)
    assert "f" not in ctx.functions


def test_a_head_at_a_sample_keeps_its_reading():
    ctx = Context()
    parse_definition(r"{h_\theta}\left( {{x}^{(i)}} \right)=\frac{1}{1+{{e}^{-{\theta}{{x}^{(i)}}}}}", ctx)
    assert not any("a function of its arguments" in note for note in ctx.notes)


def test_a_loss_defined_at_the_model_output_is_judged():
    define = [r"J = loss(\sigma(w x), y)", r"loss(\sigma(z), y) = -y \log(\sigma(z)) - (1 - y) \log(1 - \sigma(z))"]
    claim = r"\frac{\partial J}{\partial w} = (\sigma(w x) - y) x"
    assert verify(claim, define=define).verdict == "proved"
    assert verify(claim.replace("- y", "+ y"), define=define).verdict == "wrong"
