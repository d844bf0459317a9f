"""A name in braces, as MathType and Word's equation editor write it (``{{y}^{(i)}}``, ``{{h}_{\\theta }}({{x}^{(i)}})``,
``{h_\\theta}\\left( x \\right)``: Andrew Ng's course notes, https://github.com/fengdu78/Coursera-ML-AndrewNg-Notes): the
name itself, so that ``{y}^{(i)}`` is the sample y_i (not a power of y) and ``{h_\\theta}(x)`` applies h_theta (not a
product). A group after a command or a subscript mark is that command's argument and keeps its braces."""

from __future__ import annotations

import sympy as sp

from symgrad import verify
from symgrad.read import Context, parse_definition
from symgrad.read.tokens import _tokens


def _texts(latex: str) -> list[str]:
    return [t.text for t in _tokens(latex)][:-1]


def test_braces_around_a_name_before_its_sample_superscript_are_dropped():
    assert _texts("{{y}^{(i)}}") == _texts("{y^{(i)}}")
    assert _texts(r"{{h}_{\theta }}({{x}^{(i)}})") == _texts(r"h_{\theta }({x^{(i)}})")
    assert _texts(r"{h_\theta}\left( x \right)") == _texts(r"h_\theta\left( x \right)")


def test_a_command_argument_or_a_subscript_body_keeps_its_braces():
    assert _texts(r"\boldsymbol{A}^T") == [r"\boldsymbol", "{", "A", "}", "^", "T"]
    assert _texts(r"w_{y}^T") == ["w", "_", "{", "y", "}", "^", "T"]
    assert _texts(r"\frac{1}{m}(x)") == [r"\frac", "{", "1", "}", "{", "m", "}", "(", "x", ")"]
    assert _texts("{x y}^2") == ["{", "x", "y", "}", "^", "2"]


def test_a_braced_sample_is_the_sample_not_a_power():
    ctx = Context()
    d = parse_definition(r"J = \sum\limits_{i=1}^{m}{{y}^{(i)}}", ctx)
    assert isinstance(d.rhs, sp.Sum) and str(d.rhs.function) == "y[i]" and str(d.rhs.limits[0][2]) == "m"


def test_the_gradient_of_a_cost_written_with_braced_names_is_judged():
    define = [(r"$J \left( \theta_0, \theta_1 \right) = \frac{1}{2m}\sum\limits_{i=1}^m "
              r"\left( h_{\theta}(x^{(i)})-y^{(i)} \right)^{2}$")]
    given = [r"${h_\theta}\left( x \right)={\theta_{0}}+{\theta_{1}}x$"]
    claim = (r"\frac{\partial }{\partial {{\theta }_{1}}}J({{\theta }_{0}},{{\theta }_{1}})=\frac{1}{m}"
             r"\sum\limits_{i=1}^{m}{\left( \left( {{h}_{\theta }}({{x}^{(i)}})-{{y}^{(i)}} \right)\cdot {{x}^{(i)}} \right)}")
    assert verify(claim, define=define, given=given).verdict == "proved"
    assert verify(claim.replace(r"\cdot {{x}^{(i)}}", ""), define=define, given=given).verdict == "wrong"


def test_a_bold_font_around_an_accent_is_the_accent_around_the_bold_letter():
    assert _texts(r"\boldsymbol{\hat{y}}^{(i)}") == _texts(r"\hat{\boldsymbol{y}}^{(i)}")
    assert _texts(r"\mathbf{\hat y}_i") == _texts(r"\hat{\mathbf{y}}_i")
    d = parse_definition(r"L = \sum_i (\mathbf{\hat{y}}_i - y_i)^2", Context())
    assert str(d.rhs.function) == "(-y[i] + yhat[i])**2"
