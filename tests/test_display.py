"""symgrad.display and symgrad.latex: the notebook's Markdown, HTML and LaTeX say the same mathematics."""

from __future__ import annotations

import pytest
import sympy as sp

import symgrad
from symgrad import display


def test_symgrad_latex_is_a_function_and_the_module_still_imports():
    import symgrad.latex
    from symgrad.latex import to_latex

    assert callable(symgrad.latex) and not isinstance(symgrad.latex, type(sp))
    i, j = sp.symbols("i j", cls=sp.Idx)
    assert symgrad.latex(sp.KroneckerDelta(i, j)) == to_latex(sp.KroneckerDelta(i, j)) == r"\delta_{ij}"


def test_symgrad_latex_prints_a_result_as_the_derivation_does_without_sympy_range_noise():
    d = symgrad.derive("softmax")
    r = d.result("a")
    assert symgrad.latex(r) == r"\frac{\partial p_{i}}{\partial a_{j}} = p_{i} (\delta_{ij} - p_{j})"
    assert symgrad.latex(r.expr) in d.latex()
    assert r"\mathrel" in sp.latex(r.expr) and r"\mathrel" not in symgrad.latex(r.expr)


def test_symgrad_latex_of_a_step_is_lhs_equals_rhs():
    step = symgrad.derive("sigmoid").steps[0]
    assert symgrad.latex(step) == f"{symgrad.latex(step.lhs)} = {symgrad.latex(step.rhs)}"


def test_symgrad_latex_refuses_what_is_not_mathematics():
    with pytest.raises(symgrad.SymgradError, match="not dict"):
        symgrad.latex({})


def test_a_missing_derivative_names_the_ones_there_are():
    d = symgrad.derive("cce-logits")
    with pytest.raises(symgrad.UnknownNameError, match=r"no derivative with respect to 'zz' \(did you mean 'z'\?\); it has: z"):
        d.result("zz")


@pytest.mark.parametrize("note, markdown", [
    ("L is not differentiable where r_i = 0; there", r"L is not differentiable where $r_{i} = 0$; there"),
    ("uses δ ≥ 0 and x_{ij}", r"uses $\delta \geq 0$ and $x_{ij}$"),
    ("cases (δ ≥ |r_i|); on", r"cases ($\delta \geq | r_{i} |$); on"),
    ("where 1 − y_n·z_n = 0; there", r"where $1 - y_{n} \cdot z_{n} = 0$; there"),
    ("d loss/d theta = 2 sum [y - f(x)]", r"d loss/d theta = 2 sum \[y - f(x)\]"),
    ("a *star* [link]", r"a \*star\* \[link\]"),
])
def test_a_note_sets_its_names_and_relations_as_math(note, markdown):
    assert display.note_markdown(note) == markdown


def test_markdown_html_keeps_math_for_mathjax_and_escapes_the_rest():
    html = display.markdown_html("# T\n\n## With respect to a\n\n$$\n a &= b < c\n$$\n\nInputs: $x_{i}$ & r\\_i.\n\n- one\n- two")
    assert html == ("<h2>T</h2>\n<h3>With respect to a</h3>\n<div class=\"math\">$$\n a &amp;= b &lt; c\n$$</div>\n"
                    "<p>Inputs: $x_{i}$ &amp; r_i.</p>\n<ul><li>one</li><li>two</li></ul>")


def test_the_notebook_markdown_of_every_catalog_entry_has_no_file_header_and_all_its_notes():
    for name in symgrad.names():
        d = symgrad.derive(name)
        md = display.derivation_markdown(d)
        assert md.startswith(f"# {d.title}\n"), name
        assert md.count("\n- ") >= len(d.notes), name
