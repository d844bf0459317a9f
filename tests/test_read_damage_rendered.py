"""A page's rendering copied as plain text before the LaTeX it renders (KaTeX pages copy both: leapai's ReLU page gives
``f(x)=max(0,x)f(x) = \\rm {max}(0, x)``; a rendered fraction copies its denominator first, as
https://mikekawasaki.com/pkm/backprop shows ``∂w11∂Loss`` for ∂Loss/∂w11): the LaTeX is read, the rendering dropped
and noted. Verdicts against autograd."""

from __future__ import annotations

import autograd.numpy as anp
import pytest
from autograd import grad

from symgrad.read.code_pasted import pasted_notes, repaired
from symgrad.verify import verify


@pytest.mark.parametrize("copied, latex", [
    (r"f(x)=max(0,x)f(x) = \rm {max}(0, x)", r"f(x) = \rm {max}(0, x)"),
    (r"f(x)={0x<01x>0f^{\prime}(x) = \begin{cases} 0 & x < 0 \\ 1 & x > 0\end{cases}",
     r"f^{\prime}(x) = \begin{cases} 0 & x < 0 \\ 1 & x > 0\end{cases}"),
    (r"σ(x)=1+e−x1\sigma(x) = \frac{1}{1+e^{-x}}", r"\sigma(x) = \frac{1}{1+e^{-x}}"),
    (r"L=−∑yilog(pi)L = -\sum y_i \log(p_i)", r"L = -\sum y_i \log(p_i)"),
])
def test_a_rendering_copied_before_its_latex_leaves_the_latex_in_its_columns(copied, latex):
    kept = repaired(copied)
    assert kept.strip() == latex and len(kept) == len(copied)
    assert any("rendering of the LaTeX after it" in n for n in pasted_notes(copied))


@pytest.mark.parametrize("text", [r"x = \alpha", r"f(x)=x^2 + \frac{1}{2}", r"y=2x \cdot y=2x"])
def test_latex_without_a_rendering_before_it_is_left_whole(text):
    assert repaired(text) == text


@pytest.mark.parametrize("entry, verdict", [("0 & x < 0 \\\\ 1 & x > 0", "agrees"), ("0 & x < 0 \\\\ x & x > 0", "wrong")])
def test_relu_copied_with_its_rendering_is_judged_as_autograd_says(entry, verdict):
    rendering = "f(x)={" + "".join(c for c in entry if c not in " &\\")  # as the page shows the rows
    claim = rendering + rf"f^{{\prime}}(x) = \begin{{cases}} {entry}\end{{cases}}"
    v = verify(claim, define=[r"f(x)=max(0,x)f(x) = \rm {max}(0, x)"])
    relu = grad(lambda t: anp.maximum(0.0, t))
    assert v.verdict in ((verdict, "proved") if verdict == "agrees" else (verdict,))
    assert relu(-0.5) == 0.0 and relu(1.5) == 1.0  # the claim's second row, x, is 1.5 there: wrong
    assert "read as the page's rendering of the LaTeX after it" in v.message
