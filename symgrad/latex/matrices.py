"""Matrix forms (``symgrad.matrix``'s trees) printed as LaTeX, ``\\operatorname{diag}(p) - p p^{\\top}``, or as
terminal text, ``diag(p) − p pᵀ``: one walk over the tree, two spellings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp

from ..functions import FUNCTIONS
from ..matrix import (
    Array,
    Broadcast,
    Diag,
    Elementwise,
    Form,
    Hadamard,
    MatrixTimes,
    Outer,
    Power,
    Product,
    RowScaled,
    Scaled,
    Summed,
    Terms,
)
from .printer import to_latex, visual_width
from .text import SymgradTextPrinter, to_text


@dataclass(frozen=True)
class _Spelling:
    """How one output spells the pieces of matrix notation."""

    leaf: Callable[[sp.Basic], str]
    name: Callable[[str], str]  # a printed name that a transpose or power can follow
    top: str
    open: str
    close: str
    odot: str
    diag: str
    ones: str
    minus: str
    frac: Callable[[str, str], str]
    power: Callable[[str, sp.Expr], str]
    function: Callable[[type, str], str]


_LATEX_FUNCTIONS = {f.sympy: f.latex for f in FUNCTIONS if f.latex}
_TEXT_FUNCTIONS = {f.sympy: f.words[0] + "({0})" for f in FUNCTIONS if f.latex and f.words}
_TEXT_FUNCTIONS[sp.Abs] = "|{0}|"
_SUPERSCRIPTS = str.maketrans("0123456789-+()n∘", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺⁽⁾ⁿ∘")


def _word(text: str) -> bool:
    """Needs no parentheses as a numerator, a denominator or an exponent in text."""
    return re.fullmatch(r"[\w\u0300-\u036f\u20d7ᵀ∘⁻]+", text) is not None


def _superscript(text: str) -> str:
    """``²``, ``∘⁻¹`` where every character has a superscript form; ``^z`` or ``^{x w}`` otherwise."""
    plain = text.replace("−", "-")
    if all(c in "0123456789-+()n∘ " for c in plain) and plain.strip():
        return plain.replace(" ", "").translate(_SUPERSCRIPTS)
    return f"^{text}" if len(text) <= 2 and _word(text) else f"^{{{text}}}"


def _text_function(function: type, inner: str) -> str:
    if function is sp.exp:
        return "e" + _superscript(inner)
    return _TEXT_FUNCTIONS.get(function, function.__name__ + "({0})").format(inner)


# a coefficient 0.5 alone is 0.5, not 0.5000000000000000000000000000000000000000 (StrPrinter's full_prec "auto")
_TEXT_LEAF = SymgradTextPrinter({"full_prec": False}).doprint

_LATEX = _Spelling(
    leaf=to_latex, name=lambda name: f"{{{name}}}" if "^" in name else name, top="^{\\top}", open="\\left(", close="\\right)", odot=" \\odot ",
    diag="\\operatorname{diag}", ones="\\mathbf{1}", minus="-",
    frac=lambda top, bottom: f"\\frac{{{top}}}{{{bottom}}}",
    power=lambda base, exp: f"{base}^{{\\circ {to_latex(exp)}}}",
    function=lambda function, inner: _LATEX_FUNCTIONS[function].format(inner),
)
_TEXT = _Spelling(
    leaf=_TEXT_LEAF, name=lambda name: name, top="ᵀ", open="(", close=")", odot=" ⊙ ", diag="diag", ones="1", minus="−",
    frac=lambda top, bottom: "/".join(p if _word(p) else f"({p})" for p in (top, bottom)),
    power=lambda base, exp: base + _superscript(f"∘ {to_text(exp)}"),
    function=_text_function,
)


class _Printer:
    """Prints a matrix form in one spelling; parentheses go around a part whose spelling has spaces."""

    def __init__(self, spelling: _Spelling):
        self.s = spelling

    def __call__(self, form: Form) -> str:
        return getattr(self, "_" + type(form).__name__)(form)

    def paren(self, text: str) -> str:
        return f"{self.s.open}{text}{self.s.close}"

    def group(self, text: str) -> str:
        """``text`` in parentheses when it has spaces in it."""
        return self.paren(text) if " " in text else text

    def is_sum(self, text: str) -> bool:
        return f" {self.s.minus} " in text or " + " in text

    def group_sum(self, text: str) -> str:
        """``text`` in parentheses when it is a sum or a difference."""
        return self.paren(text) if self.is_sum(text) else text

    def scale(self, coeff: sp.Expr) -> str:
        text = self.s.leaf(coeff)
        return "" if text == "1" else (self.s.minus if text == f"{self.s.minus}1" else text + " ")

    def _Array(self, form: Array) -> str:
        return self.s.name(self.s.leaf(form.name)) + (self.s.top if form.transposed else "")

    def signed_terms(self, form: Terms) -> list[str]:
        """The terms of a sum, positive ones first, each after the first with its ``+`` or minus sign."""
        parts = [self(t) for t in form.terms]
        minus = self.s.minus
        parts = [p for p in parts if not p.startswith(minus)] + [p for p in parts if p.startswith(minus)]
        return parts[:1] + [f"{minus} {p[1:].lstrip()}" if p.startswith(minus) else f"+ {p}" for p in parts[1:]]

    def _Terms(self, form: Terms) -> str:
        return " ".join(self.signed_terms(form))

    def _Scaled(self, form: Scaled) -> str:
        return self.scale(form.coeff) + self(form.form)

    def _Power(self, form: Power) -> str:
        return self.s.power(self.group(self(form.form)), form.exponent)

    def _Elementwise(self, form: Elementwise) -> str:
        return self.s.function(form.function, self(form.form))

    def _Hadamard(self, form: Hadamard) -> str:
        num, den = [self(f) for f in form.numerator], [self(f) for f in form.denominator]
        top = self.s.odot.join(self.paren(p) if " " in p and len(num) > 1 else p for p in num) or "1"
        scale = self.scale(form.coeff)
        if not den:
            return scale + (self.paren(top) if len(num) == 1 and scale and self.is_sum(top) else top)
        bottom = self.s.odot.join(self.paren(p) if " " in p and len(den) > 1 else p for p in den)
        return scale + self.s.frac(top, bottom)

    def _Diag(self, form: Diag) -> str:
        return f"{self.s.diag}({self(form.form)})"

    def _RowScaled(self, form: RowScaled) -> str:
        return f"{self.s.diag}{self.paren(self(form.scale))} {self.group(self(form.form))}"

    def _Outer(self, form: Outer) -> str:
        return f"{self(form.left)} {self.group(self(form.right))}{self.s.top}"  # (K^{-1} y)^T, not K^{-1} y^T

    def _Product(self, form: Product) -> str:
        return f"{self.group(self(form.left))} {self.group(self(form.right))}"

    def _MatrixTimes(self, form: MatrixTimes) -> str:
        return f"{self.group_sum(self(form.matrix))} {self.group_sum(self(form.form))}"

    def _Summed(self, form: Summed) -> str:
        return self.group(self(form.form)) + (self.s.top if form.transposed else "") + " " + self.s.ones

    def _Broadcast(self, form: Broadcast) -> str:
        u = self(form.form)
        sign, u = (self.s.minus, u[1:].lstrip()) if u.startswith(self.s.minus) else ("", u)
        u = self.group(u)
        return f"{sign}{u} {self.s.ones}{self.s.top}" if form.along_rows else f"{sign}{self.s.ones} {u}{self.s.top}"


def matrix_latex(form: Form) -> str:
    """A matrix form as LaTeX: ``\\operatorname{diag}(p) - p p^{\\top}``."""
    return _Printer(_LATEX)(form)


def matrix_latex_lines(form: Form, width: float) -> list[str]:
    """A matrix form as LaTeX display lines of about ``width`` typeset characters: a sum too wide for one line
    breaks between its terms, before a ``+`` or ``-``."""
    printer = _Printer(_LATEX)
    whole = printer(form)
    if visual_width(whole) <= width or not isinstance(form, Terms):
        return [whole]
    lines: list[str] = []
    for piece in printer.signed_terms(form):
        if lines and visual_width(lines[-1] + " " + piece) <= width:
            lines[-1] += " " + piece
        else:
            lines.append(piece)
    return lines


def matrix_text(form: Form) -> str:
    """A matrix form as terminal text: ``diag(p) − p pᵀ``."""
    return _Printer(_TEXT)(form)
