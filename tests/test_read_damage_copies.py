"""LaTeX as copies carry it: an equation image's address (codecogs, GitHub's math renderer) with its options,
``&space;`` and ``&plus;``, percent-escapes inside plain LaTeX, HTML entities, MathJax's HTML extensions
(``\\cssId``, ``\\class``, ``\\style``), markdown's escapes (``\\*``, ``\\_``), ``\\lt``/``\\gt``, the physics
package's ``\\dd``, ``\\bold``, ``~`` as a space and ``{}={}``. Each reads as the expression a person means, said in
the verdict; verdicts are checked against autograd."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import grad

from symgrad.errors import ParseError
from symgrad.parse import Context, parse_expression
from symgrad.read.encoded import decoded
from symgrad.verify import verify

x, m, y, z = sp.symbols("x m y z")


def read(text: str) -> sp.Expr:
    return parse_expression(text, Context())


@pytest.mark.parametrize("text, meant", [
    # https://github.com/Fabiancaru/Advanced_Methods_Data_Analysis_II (The_engine_of_neural_networks.md)
    (r"https://latex.codecogs.com/gif.latex?\frac{f(x&plus;y)&space;-&space;f(x)}{y}",
     (sp.Function("f")(x + y) - sp.Function("f")(x)) / y),
    ((r'<img src="https://latex.codecogs.com/svg.latex?\dpi{110}&space;\bg_white&space;\fn_cm&space;\large&space;'
      r'\frac{1}{2m}x" title="\frac{1}{2m}x" />'), x / (2 * m)),
    # https://github.com/mcavallo-git/Coding (git/github_render-math-equations.md)
    (r"![eq](https://render.githubusercontent.com/render/math?math={\color{white}\frac{12}{y}%20x})", 12 * x / y),
    (r"%5Cfrac%7B2%7D%7Bm%7D%20x", 2 * x / m),
    (r"\sqrt{x^2 %2B y}", sp.sqrt(x**2 + y)),  # kaixih's layernorm README: %2B for + inside plain LaTeX
    (r"x^2 &plus; y &#43; 1", x**2 + y + 1),
])
def test_an_equation_image_address_and_its_encodings_read_as_the_latex_it_carries(text, meant):
    assert sp.simplify(read(text) - meant) == 0


@pytest.mark.parametrize("text, plain", [(r"\max(0, x) &gt; y", r"\max(0, x) > y"), ("x &lt;= 0", "x <= 0"),
                                         ("a&nbsp;b", "a\u00a0b"), ("x &amp; y", "x & y")])
def test_html_entities_decode_to_their_characters_and_are_noted(text, plain):
    notes: list[str] = []
    assert decoded(text, notes) == plain
    assert any("HTML entities decoded" in n for n in notes)


def test_an_alignment_ampersand_is_no_entity():
    notes: list[str] = []
    assert decoded(r"L &= x^2", notes) == r"L &= x^2" and notes == []


@pytest.mark.parametrize("claim", [
    r"\frac{\dd}{\dd x} x^3 = 3x^2",  # https://math.stackexchange.com/q/4511868 (the physics package's \dd)
    r"\frac{d}{dx} x^3 = \cssId{step-1}{3x^2}",  # MathJax's HTML extension, as math.stackexchange's answers show
    r"\frac{d}{dx} x^3 = \class{answer}{3x^2}",
    r"\frac{d}{dx} x^3 = \style{color:red}{3x^2}",
    r"\frac{d}{dx} x^3 = \htmlClass{hl}{3x^2}",  # KaTeX's spelling
    r"\frac{d}{dx} x^3 = 3\*x^2",  # markdown's escaped *
    r"\frac{d}{dx}~x^3 = 3~x^2",  # ~ is a tie, a space, in LaTeX
    r"\frac{d}{dx} x^3 {}={} 3x^2",  # {}={}: an empty group spaces the =
    r"\bigtriangledown_x x^3 = 3x^2",  # alexkato's README: \bigtriangledown for \nabla
    r"\frac{d}{dx}\bold{x}^3 = 3\bold{x}^2",  # \bold: MathJax's \mathbf
])
def test_copied_commands_read_as_the_derivative_autograd_gives(claim):
    v = verify(claim)
    assert v.verdict == "proved"
    assert np.isclose(grad(lambda t: t**3)(1.7), 3 * 1.7**2)


@pytest.mark.parametrize("claim, verdict", [(r"\frac{\partial L}{\partial x\_1} = 2x\_1 + x\_2", "proved"),
                                            (r"\frac{\partial L}{\partial x\_1} = 2x\_1", "wrong")])
def test_markdown_escaped_underscores_are_subscripts(claim, verdict):
    v = verify(claim, define=[r"L = x\_1^2 + x\_1 x\_2"])
    gradient = grad(lambda t: t[0] ** 2 + t[0] * t[1])(np.array([0.3, -1.1]))
    assert v.verdict == verdict
    assert np.isclose(gradient[0], 2 * 0.3 + -1.1) and not np.isclose(gradient[0], 2 * 0.3)


@pytest.mark.parametrize("lt, gt", [(r"\lt", r"\ge"), ("&lt;", "&gt;="), (r"\lt", r"\geq")])
def test_lt_and_gt_spellings_bound_the_cases_of_elu(lt, gt):
    """https://github.com/gurunars (an rst table of activations) writes ELU's cases with \\lt and \\ge."""
    define = rf"g(z) = \begin{{cases}} 0.5 (e^z - 1) & z {lt} 0 \\ z & z {gt} 0 \end{{cases}}"
    v = verify(r"g'(z) = \begin{cases} g(z) + 0.5 & z < 0 \\ 1 & z \geq 0 \end{cases}", define=[define])
    elu = grad(lambda t: anp.where(t < 0, 0.5 * (anp.exp(t) - 1), t))
    assert v.verdict in ("proved", "agrees")
    assert np.isclose(elu(-0.7), 0.5 * (np.exp(-0.7) - 1) + 0.5) and np.isclose(elu(0.7), 1.0)


def test_a_codecogs_claim_is_judged_and_its_decoding_noted():
    claim = r"https://latex.codecogs.com/gif.latex?\dpi{110}&space;\frac{\partial&space;L}{\partial&space;x}=2(x-y)"
    v = verify(claim, define=["L = (x - y)^2"])
    assert v.verdict == "proved"
    assert np.isclose(grad(lambda t: (t - 0.4) ** 2)(1.5), 2 * (1.5 - 0.4))
    assert "equation image's address" in v.message and "HTML entities decoded" in v.message


def test_a_spaced_tilde_in_latex_is_distributed_as_and_stays_refused():
    with pytest.raises(ParseError, match="unexpected ~"):
        read(r"x ~ \mathcal{N}(0, 1)")
