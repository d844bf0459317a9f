"""The printers give textbook notation, the documents carry every step and rule, and the .tex compiles."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import sympy as sp
from latex2sympy2 import latex2sympy

import symgrad
from symgrad.derivation import Derivation, Graph, Result, Step
from symgrad.latex import latex_lines, matrix_latex, matrix_text, to_latex, to_text, visual_width
from symgrad.latex.matrices import matrix_latex_lines
from symgrad.matrix import Array, Diag, Outer, Scaled, Terms
from symgrad.tensors import Constraint, Definition, index, size, tensor

N, B, C, D = size("N"), size("B"), size("C"), size("D")
i, j, k = index("i", N), index("j", N), index("k", N)
n_, d_ = index("n", B), index("d", D)
a, p, y = tensor("a", N), tensor("p", N), tensor("y", N)
x2 = tensor("x", B, D)
L, w, z, sigma = tensor("L"), tensor("w"), tensor("z"), tensor("sigma")
jacobian = p[i] * (sp.KroneckerDelta(i, j) - p[j])
softmax_rhs = sp.exp(a[i]) / sp.Sum(sp.exp(a[k]), (k, 1, N))

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def softmax() -> Derivation:
    return symgrad.derive("softmax")


# --- printer -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expr", "tex"),
    [
        (sp.KroneckerDelta(i, j), r"\delta_{ij}"),
        (p[i], r"p_{i}"),
        (x2[n_, d_], r"x_{nd}"),
        (x2[sp.Idx(sp.Symbol("nn", integer=True), B), d_], r"x_{nn,d}"),
        (tensor("sigma", N)[i], r"\sigma_{i}"),
        (sp.Derivative(p[i], a[j]), r"\frac{\partial p_{i}}{\partial a_{j}}"),
        (sp.Derivative(L, w), r"\frac{\partial L}{\partial w}"),
        (sp.Derivative(sigma, z), r"\frac{\partial \sigma}{\partial z}"),
        (sp.Derivative(L, w, 2), r"\frac{\partial^{2} L}{\partial w^{2}}"),
        (sp.Derivative(softmax_rhs, a[j]),
         r"\frac{\partial}{\partial a_{j}} \left(\frac{e^{a_{i}}}{\sum_{k=1}^{N} e^{a_{k}}}\right)"),
        (sp.Sum(sp.exp(a[k]), (k, 1, N)), r"\sum_{k=1}^{N} e^{a_{k}}"),
        (sp.Sum(tensor("y", B, C)[n_, index("c", C)], (n_, 1, B), (index("c", C), 1, C)),
         r"\sum_{n=1}^{B} \sum_{c=1}^{C} y_{nc}"),
        (sp.Sum(y[k] - p[k], (k, 1, N)), r"\sum_{k=1}^{N} (y_{k} - p_{k})"),
        (softmax_rhs, r"\frac{e^{a_{i}}}{\sum_{k=1}^{N} e^{a_{k}}}"),
        (jacobian, r"p_{i} (\delta_{ij} - p_{j})"),
        (-p[i] * p[j], r"- p_{i} p_{j}"),
        (sigma * (1 - sigma), r"\sigma (1 - \sigma)"),
        (1 / (1 + sp.exp(-z)), r"\frac{1}{1 + e^{- z}}"),
        (sp.log(p[k]), r"\log p_{k}"),
        (sp.log(1 - sigma), r"\log(1 - \sigma)"),
        (-2 * sp.Sum(tensor("x", N)[k] * (y[k] - p[k]), (k, 1, N)), r"- 2 \sum_{k=1}^{N} x_{k} (y_{k} - p_{k})"),
        (sp.Sum(x2[n_, d_] * (y[d_] - p[d_]), (n_, 1, B)) / B, r"\frac{1}{B} \sum_{n=1}^{B} x_{nd} (y_{d} - p_{d})"),
        (sp.Eq(sp.Sum(y[k], (k, 1, N)), 1), r"\sum_{k=1}^{N} y_{k} = 1"),
    ],
)
def test_latex_printer_gives_textbook_notation(expr: sp.Expr, tex: str) -> None:
    assert to_latex(expr) == tex


@pytest.mark.parametrize(
    "expr",
    [sigma * (1 - sigma), 1 / (1 + sp.exp(-z)), (sigma - y[k]) / (sigma * (1 - sigma)), -2 * w * (1 - z) ** 2 + z / w],
)
def test_latex_printer_round_trips_through_latex2sympy(expr: sp.Expr) -> None:
    """Reordering terms and factors for reading never changes the value."""
    back = latex2sympy(to_latex(expr.subs(y[k], sp.Symbol("y"))))
    names = {s.name: s for s in expr.free_symbols | {sp.Symbol("y")}}
    back = back.subs({s: names[s.name] for s in back.free_symbols if s.name in names})
    assert sp.simplify(back - expr.subs(y[k], sp.Symbol("y"))) == 0


@pytest.mark.parametrize(
    ("expr", "text"),
    [
        (sp.Eq(sp.Derivative(p[i], a[j]), jacobian), "∂p_i/∂a_j = p_i·(δ_ij − p_j)"),
        (sp.Sum(sp.exp(a[k]), (k, 1, N)), "Σ_{k=1}^{N} e^{a_k}"),
        (softmax_rhs, "e^{a_i}/(Σ_{k=1}^{N} e^{a_k})"),
        (sp.Derivative(sigma, z), "∂σ/∂z"),
        (-p[i] * p[j], "−p_i·p_j"),
        ((y[k] - p[k]) ** 2, "(y_k − p_k)²"),
        (sp.Sum(x2[n_, d_], (n_, 1, B)) / B, "(1/B)·Σ_{n=1}^{B} x_nd"),
    ],
)
def test_text_printer_gives_unicode_index_notation(expr: sp.Expr, text: str) -> None:
    assert to_text(expr) == text


def _plain(tex: str) -> str:
    """LaTeX with the delimiter sizes and spacing removed, to compare what is written, not how."""
    tex = re.sub(r"\\(left|right|Bigl|Bigr)", "", tex)
    return re.sub(r"\s+", "", tex)


def test_long_formula_breaks_into_short_lines_without_losing_anything() -> None:
    c = index("c", C)
    yy, pp = tensor("y", B, C), tensor("p", B, C)
    body = sum((yy[n_, c] - pp[n_, c]) ** m * x2[n_, d_] * pp[n_, c] ** m for m in range(1, 7))
    expr = 2 * sp.Sum(body, (n_, 1, B)) / (B * C)
    lines = latex_lines(expr, 40)
    assert len(lines) > 2
    assert all(visual_width(line) <= 40 for line in lines[1:-1])
    assert _plain(" ".join(lines)) == _plain(to_latex(expr))
    assert lines[0].startswith(r"\frac{2}{B C} \sum_{n=1}^{B} \Bigl(") and lines[-1].endswith(r"\Bigr)")


def test_a_sum_of_several_terms_keeps_its_parentheses_when_it_fits_on_one_line() -> None:
    c = index("c", C)
    yy, pp = tensor("y", B, C), tensor("p", B, C)
    expr = 2 * sp.Sum(pp[n_, c] ** 2 + pp[n_, c] * yy[n_, c] - yy[n_, c], (n_, 1, B)) / (B * C)
    assert latex_lines(expr, 30) == [to_latex(expr)]
    assert to_latex(expr).startswith(r"\frac{2}{B C} \sum_{n=1}^{B} (")


# --- documents -----------------------------------------------------------------------------


def test_fragment_has_every_step_and_rule_and_the_boxed_textbook_result(softmax: Derivation) -> None:
    tex = softmax.latex()
    assert tex == softmax._repr_latex_()
    for step in softmax.steps:
        assert r"\text{" + step.rule in tex
    assert r"\boxed{p_{i} (\delta_{ij} - p_{j})}" in tex
    assert r"\frac{\partial p_{i}}{\partial a_{j}} &= " in tex
    assert r"i \neq j" in tex and r"\operatorname{diag}(p) - p p^{\top}" in tex
    # one lhs per chain of equalities, the rest are continuation lines
    lhs_count = len({s.lhs for s in softmax.steps})
    continuations = re.findall(r"^ &= (?!\\begin\{cases\})", tex, re.MULTILINE)
    assert len(continuations) == len(softmax.steps) - lhs_count
    assert tex.count(r"\begin{align*}") == tex.count(r"\end{align*}") >= 3


def test_document_is_standalone_with_the_generated_header_and_only_base_packages(softmax: Derivation) -> None:
    doc = softmax.document()
    first, second = doc.splitlines()[:2]
    assert first.startswith("% Generated by symgrad " + symgrad.__version__) and "softmax" in first
    assert second == "% Remake with: symgrad build derivations"
    assert re.findall(r"\\usepackage(?:\[[^]]*\])?\{([^}]*)\}", doc) == ["amsmath", "amssymb"]
    assert r"\documentclass[11pt]{article}" in doc and doc.rstrip().endswith(r"\end{document}")
    assert softmax.latex().split("\n\n", 1)[1].split("\n\n")[1] in doc  # same displays as the fragment


def test_markdown_uses_aligned_display_math_and_an_html_comment_header(softmax: Derivation) -> None:
    md = softmax.markdown()
    assert md.startswith("<!-- Generated by symgrad " + symgrad.__version__)
    assert "symgrad build derivations -->" in md.splitlines()[0]
    assert "align*" not in md
    assert md.count("$$\n\\begin{aligned}") == md.count("\\end{aligned}\n$$") >= 3
    assert "# Softmax and its Jacobian" in md and r"\boxed{p_{i} (\delta_{ij} - p_{j})}" in md
    assert "$a \\in \\mathbb{R}^{N}$" in md


def test_text_shows_each_step_with_its_rule_and_the_cases(softmax: Derivation) -> None:
    text = softmax.text()
    assert "∂p_i/∂a_j = p_i·(δ_ij − p_j)" in text
    assert "i ≠ j: −p_i·p_j" in text and "i = j: p_i·(1 − p_i)" in text
    assert "matrix form: ∂p/∂a = diag(p) − p pᵀ" in text
    for step in softmax.steps:
        assert "[" + step.rule in text


def test_a_matrix_form_is_a_tree_that_prints_as_latex_and_as_text(softmax: Derivation) -> None:
    p_ = sp.Symbol("p")
    form = softmax.result("a").matrix_form
    assert form == Terms((Diag(Array(p_)), Scaled(sp.Integer(-1), Outer(Array(p_), Array(p_)))))
    assert matrix_latex(form) == r"\operatorname{diag}(p) - p p^{\top}" == softmax.result("a").matrix
    assert matrix_text(form) == "diag(p) − p pᵀ"


def test_an_inverse_in_a_matrix_form_is_braced_in_latex_and_a_superscript_in_text() -> None:
    r = symgrad.derive("gp-marginal-likelihood").result("K")
    assert r.matrix == r"\frac{1}{2} {K^{-1}} - \frac{1}{2} {K^{-1}} y \left({K^{-1}} y\right)^{\top}"
    assert matrix_text(r.matrix_form) == "1/2 K⁻¹ − 1/2 K⁻¹ y (K⁻¹ y)ᵀ"


def test_a_decimal_coefficient_of_a_matrix_form_prints_as_written() -> None:
    form = Scaled(sp.Float("0.5", 40), Array(sp.Symbol("g"), transposed=True))
    assert (matrix_latex(form), matrix_text(form)) == (r"0.5 g^{\top}", "0.5 gᵀ")


def _awkward() -> Derivation:
    """A hand-made derivation with text that LaTeX and MathJax both choke on unless escaped."""
    graph = Graph(
        definitions=(Definition(p[i], softmax_rhs),),
        inputs=(a, y),
        target="p",
        constraints=(Constraint(sp.Sum(y[k], (k, 1, N)), sp.Integer(1), "y_k sum to 100% & σ ≠ δ #1 {x}"),),
    )
    lhs = sp.Derivative(p[i], a[j])
    steps = [
        Step(lhs, sp.Derivative(softmax_rhs, a[j]), "use p_i's definition: a^2 & b_3 ~ $5 \\ σ", "first part"),
        Step(lhs, jacobian, "simplify", "first part", detail=sp.Eq(p[i], softmax_rhs)),
    ]
    result = Result("a", p[i], a[j], jacobian, cases=((sp.Eq(i, j), p[i] * (1 - p[i])),),
                    matrix_form=Diag(Array(sp.Symbol("p"))))
    return Derivation("awkward", "Odd_name & 50% {σ}", graph, steps, [result], ["note with δ_ij and ~tilde"])


def test_awkward_text_is_escaped_in_latex_and_in_markdown_math() -> None:
    d = _awkward()
    doc = d.document()
    assert r"\section*{Odd\_name \& 50\% \{$\sigma$\}}" in doc
    assert r"&& \text{use p\_i's definition: a\^{}2 \& b\_3" in doc
    assert r"\~{} \$5" in doc and r"\textbackslash{}" in doc
    assert r"&& \text{simplify: } p_{i} = \frac{e^{a_{i}}}" in doc
    md = d.markdown()
    # MathJax reads no escapes inside \text, so specials leave it
    assert r"\text{use p} \_ \text{i's definition: a} \hat{\ } \text{2 } \& \text{ b} \_ \text{3" in md
    assert "# Odd\\_name & 50% {σ}" in md


def _pdflatex() -> str:
    exe = shutil.which("pdflatex")
    if exe is None:
        if os.environ.get("SYMGRAD_REQUIRE_PDFLATEX") == "1":
            pytest.fail("pdflatex is missing but SYMGRAD_REQUIRE_PDFLATEX=1")
        pytest.skip("pdflatex is not installed")
    return exe


def test_every_document_compiles_with_pdflatex_without_overfull_lines(tmp_path: Path) -> None:
    """Every derivations/*.tex (or, before the folder is built, what build would write) plus an awkward one."""
    exe = _pdflatex()
    from symgrad.build import render

    documents = {f.name: f.read_text() for f in sorted((ROOT / "derivations").glob("*.tex"))}
    if not documents:
        documents = {name: text for name, text in render().items() if name.endswith(".tex")}
    documents["awkward.tex"] = _awkward().document()
    failures, overfull = [], []
    for name, text in documents.items():
        (tmp_path / name).write_text(text)
        run = subprocess.run(
            [exe, "-halt-on-error", "-interaction=nonstopmode", name],
            cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False,
        )
        if run.returncode != 0:
            failures.append(f"{name}: {run.stdout[-800:]}")
            continue
        log = (tmp_path / name).with_suffix(".log").read_text(errors="replace")
        overfull += [f"{name}: {pt}pt" for pt in re.findall(r"Overfull \\hbox \(([\d.]+)pt", log) if float(pt) > 20]
    assert not failures, "\n".join(failures)
    assert {o.split(":")[0] for o in overfull} == set(KNOWN_OVERFULL), overfull
    assert len(documents) >= 13


# documents with a line the line breaker cannot split (one fraction wider than the page); exact, so a fix shows
KNOWN_OVERFULL: dict[str, str] = {}


def _read_back(tex: str) -> sp.Expr:
    return symgrad.parse.parse_expression(tex, symgrad.parse.Context())


def test_a_fraction_too_wide_for_a_line_takes_its_widest_bracket_out_and_breaks_it() -> None:
    x, t, g, a, b, c = sp.symbols("x t g a b c")
    bracket = sp.Rational(3, 7) * a**2 * b * c + b * c + a * b + a * c + b**2 * c + a * b * c**3
    expr = g * x * sp.sqrt(2) * (1 - t**2) * bracket / (2 * sp.sqrt(sp.pi))
    lines = latex_lines(expr, 34)
    assert len(lines) > 1 and r"\frac{" in lines[0] and r"\Bigl(" in lines[0] and lines[-1].endswith(r"\Bigr)")
    assert all(visual_width(line) <= 34 for line in lines[1:])
    assert sp.simplify(_read_back(" ".join(lines)) - expr) == 0


def test_a_narrow_bracket_stays_inside_its_fraction() -> None:
    p, t, v, X, H = sp.symbols("p t v X H")
    expr = v * X * (p - t) * sp.Heaviside(H) * sp.exp(H) * sp.log(X) / (2 * sp.Symbol("N"))
    assert len(latex_lines(expr, 20)) == 1  # (p - t) taken out would leave the fraction nearly as wide


def test_a_matrix_form_wider_than_a_line_breaks_between_its_terms() -> None:
    form = symgrad.derive("gelu").results[0].matrix_form
    lines = matrix_latex_lines(form, 40)
    assert len(lines) > 1 and " ".join(lines) == matrix_latex(form)
    assert all(line.startswith(("+ ", "- ")) for line in lines[1:])


@pytest.mark.parametrize(("name", "tex"), [
    ("D_mathrm{KL}", r"D_{\mathrm{KL}}"),  # was D_mathrm{KL}: a subscript m, then 'athrm' on the line
    ("D_KL", r"D_{\mathrm{KL}}"),  # was D_{KL}, which reads back as the element D[K, L]
    ("lambda_", r"\lambda"),  # Python's spelling of \lambda, as compiled derivations name it
    ("yhat", r"\hat{y}"),
    ("L_delta", r"L_{\delta}"),
])
def test_names_print_as_they_were_written(name: str, tex: str) -> None:
    assert to_latex(sp.Symbol(name)) == tex


@pytest.mark.parametrize("tex", [r"D_{\mathrm{KL}}", r"\hat{y}", r"L_{\delta}", r"\lambda", r"\bar{x}"])
def test_a_name_the_reader_makes_prints_as_latex_it_reads_back_as_the_same_name(tex: str) -> None:
    name = symgrad.parse.parse_expression(tex, symgrad.parse.Context())
    assert symgrad.parse.parse_expression(to_latex(name), symgrad.parse.Context()) == name


DECLARED = {"loss": r"L = \sum_{n=1}^{N} (\frac{y_n - x_n}{\sqrt{s + \epsilon}})^2",
            "given": [r"x \in \mathbb{R}^{N}", r"y \in \{0, 1\}^{N}", r"\epsilon \in (0, 1)", r"s \geq 0"],
            "wrt": ["x"]}


def test_the_inputs_line_states_each_declared_domain_and_reads_back_as_the_same_domains() -> None:
    d = symgrad.derive(**DECLARED)
    line = next(x for x in d.latex().splitlines() if x.startswith("Inputs: "))
    assert line == (r"Inputs: $x \in \mathbb{R}^{N}$, $y \in \{0, 1\}^{N}$, $s \in [0, \infty)$, "
                    r"$\epsilon \in (0, 1)$.")
    facts = re.findall(r"\$([^$]+)\$", line)
    again = symgrad.derive(loss=DECLARED["loss"], given=facts, wrt=["x"])
    assert dict(again.graph.domains) == dict(d.graph.domains) == {
        "y": sp.FiniteSet(0, 1), "epsilon": sp.Interval.open(0, 1), "s": sp.Interval(0, sp.oo)}
    assert line in d.markdown().splitlines() and line in d.document().splitlines()


def test_a_kink_note_sets_its_formula_as_math_in_latex_and_markdown_and_as_text_in_the_terminal() -> None:
    d = symgrad.derive("hinge")
    where = "L is not differentiable where "
    assert where + "$1 - y_{n} z_{n} = 0$; there" in d.document()
    assert where + "$1 - y_{n} z_{n} = 0$; there" in d.markdown()
    assert where + "1 − y_n·z_n = 0; there" in d.text()
