"""Unicode from copies of rendered math: ∥ as the norm's bars (the mlpack mailing list writes K(∥ x - x_i ∥)),
mathematical alphanumerics (𝐱 bold, 𝑥 italic, 𝜎, 𝟏) as the names they style, ϵ, ϕ, ⟨ ⟩, ÷; a rendered brace
(⎧⎪⎨⎪⎩, fliphtml5's copy of a textbook's subgradient) is refused with the spelling to paste. Verdicts against autograd."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import grad

from symgrad.errors import ParseError
from symgrad.parse import Context, parse_expression
from symgrad.verify import verify

x, z, epsilon, phi = sp.symbols("x z epsilon phi")


def read(text: str) -> sp.Expr:
    return parse_expression(text, Context())


@pytest.mark.parametrize("text, plain", [
    ("∥x∥^2", r"\|x\|^2"),
    ("𝐱^T 𝐖 𝐱", r"\mathbf{x}^T \mathbf{W} \mathbf{x}"),
    ("𝜎(𝑧)(1 - 𝜎(𝑧))", r"\sigma(z)(1 - \sigma(z))"),
    ("⟨𝐱, 𝐲⟩", r"\langle \mathbf{x}, \mathbf{y} \rangle"),
    ("𝟏^T 𝐱", r"\mathbf{1}^T \mathbf{x}"),
])
def test_rendered_unicode_reads_as_its_latex_spelling(text, plain):
    assert read(text) == read(plain)


@pytest.mark.parametrize("text, meant", [("ϵ + ϕ", epsilon + phi), ("𝑥 ÷ 2", x / 2), ("𝑥 ∕ 2", x / 2)])
def test_symbol_variants_read_as_their_letters_and_operators(text, meant):
    assert read(text) == meant


@pytest.mark.parametrize("claim, verdict", [("2(𝐱 − 𝐲)", "proved"), ("(𝐱 − 𝐲)/∥𝐱 − 𝐲∥", "wrong")])
def test_a_squared_distance_written_with_parallel_bars_is_judged_as_autograd_says(claim, verdict):
    v = verify(claim, of=r"\nabla_{\mathbf{x}} f", define=["𝑓 = ∥𝐱 − 𝐲∥^2"], given=[r"\mathbf{x}, \mathbf{y} \in \mathbb{R}^n"])
    a, b = np.array([0.3, -1.2, 2.0]), np.array([1.0, 0.5, -0.4])
    g = grad(lambda t: anp.sum((t - b) ** 2))(a)
    assert v.verdict == verdict
    assert np.allclose(g, 2 * (a - b)) and not np.allclose(g, (a - b) / np.linalg.norm(a - b))


@pytest.mark.parametrize("claim", ["g(t) =⎧⎪⎨⎪⎩1t <1[−1,0]t= 10t >1.", "f(x) = ⎧ 0 x < 0 ⎨ 1 x > 0"])
def test_a_rendered_cases_brace_is_refused_with_the_latex_to_paste(claim):
    with pytest.raises(ParseError, match=r"rendered brace.*\\begin\{cases\}"):
        read(claim)


@pytest.mark.parametrize("text, plain", [
    ("ŷ1 + ŷ2", r"\hat{y}_1 + \hat{y}_2"),  # odysz's docstring: [y1 - ŷ1, y2 - ŷ2, ...]
    ("y1 - ŷ1", r"y_1 - \hat{y}_1"),
    ("x̂1 - x̂12", r"\hat{x}_1 - \hat{x}_{12}"),  # a combining hat, then the digits
    ("Ŷ1", r"\hat{Y}_1"),
])
def test_a_hatted_letter_with_digits_glued_is_a_labelled_name_in_plain_text(text, plain):
    assert read(text) == read(plain)


@pytest.mark.parametrize("claim, verdict", [("2(ŷ1 - y1)", "proved"), ("2(ŷ2 - y1)", "wrong")])
def test_a_squared_error_on_labelled_hats_is_judged_as_autograd_says(claim, verdict):
    v = verify(claim, of=r"\frac{\partial L}{\partial \hat{y}_1}", define=["L = (ŷ1 - y1)^2 + (ŷ2 - y2)^2"])
    g = grad(lambda t: (t[0] - 0.3) ** 2 + (t[1] - 0.9) ** 2)(np.array([1.2, -0.4]))
    assert v.verdict == verdict
    assert np.isclose(g[0], 2 * (1.2 - 0.3)) and not np.isclose(g[0], 2 * (-0.4 - 0.3))
