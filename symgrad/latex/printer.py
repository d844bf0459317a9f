"""LaTeX in textbook index notation (``p_{i} (\\delta_{ij} - p_{j})``), and the line breaker for long formulas.

``SymgradLatexPrinter`` is a SymPy ``LatexPrinter`` with a ``_print_...`` method for each piece of the
index-notation vocabulary; ``pieces`` cuts a long formula where a display may break it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

import sympy as sp
from sympy.printing.latex import LatexPrinter, greek_letters_set

from ..functions import FUNCTIONS
from .order import _is_atomic, _join_terms, _needs_parens, _split_sums, decimal_text, readable_factors, readable_terms

# a formula wider than LINE_WIDTH typeset characters (see visual_width) is split over lines
LINE_WIDTH = 64

_TALL = (r"\frac", r"\sum", r"\prod", r"\int", r"\left", r"\Bigl", r"\boxed")


# the names of the table's functions (``symgrad.functions``), as SymPy names their classes
_TABLE_NAMES = frozenset(f.sympy.__name__ for f in FUNCTIONS)


def _tall(tex: str) -> bool:
    return any(cmd in tex for cmd in _TALL)


def _single_token(tex: str) -> bool:
    return len(tex) == 1 or re.fullmatch(r"\\[a-zA-Z]+", tex) is not None



class SymgradLatexPrinter(LatexPrinter):
    """LaTeX in the notation of the textbook: ``p_{i} (\\delta_{ij} - p_{j})``, ``\\sum_{k=1}^{N} e^{a_{k}}``."""

    def _add_parens(self, s: str) -> str:
        return rf"\left({s}\right)" if _tall(s) else f"({s})"

    def _subscript(self, indices: Iterable[sp.Basic]) -> str:
        parts = [self._print(i) for i in indices]
        return ("" if all(_single_token(p) for p in parts) else ",").join(parts)

    def _print_Symbol(self, expr: sp.Symbol, style: str = "plain") -> str:
        # names as the reader keeps them: D_mathrm{KL} is D_{\mathrm{KL}}, lambda_ (Python's spelling) is \lambda
        upright = re.fullmatch(r"([^_]+)_\\?(mathrm|operatorname|text|mathbf)\{(\w+)\}", expr.name)
        if upright:
            base, font, sub = upright.groups()
            return f"{super()._print_Symbol(sp.Symbol(base))}_{{\\{font}{{{sub}}}}}"
        word = re.fullmatch(r"([^_]+)_([A-Za-z]{2,})", expr.name)
        if word and word.group(2) not in greek_letters_set:
            # D_KL: a word as subscript is upright; D_{KL} would read back as the element D[K, L]
            return f"{super()._print_Symbol(sp.Symbol(word.group(1)))}_{{\\mathrm{{{word.group(2)}}}}}"
        if expr.name.endswith("_") and len(expr.name) > 1:
            return super()._print_Symbol(sp.Symbol(expr.name[:-1]), style)
        return super()._print_Symbol(expr, style)

    def _hprint_Function(self, func: str) -> str:
        """A function of the table whose name SymPy would cut (``expm1`` as ``expm_1``) keeps its name upright."""
        if any(char.isdigit() for char in func) and func in _TABLE_NAMES:
            return rf"\operatorname{{{func}}}"
        return super()._hprint_Function(func)

    def _print_Idx(self, expr: sp.Idx) -> str:
        return self._print(expr.label)

    def _print_IndexedBase(self, expr: sp.IndexedBase) -> str:
        return self._print(expr.label)

    def _print_Indexed(self, expr: sp.Indexed) -> str:
        base = self._print(expr.base.label)
        if "_" in base or "^" in base:
            base = f"{{{base}}}"
        return f"{base}_{{{self._subscript(expr.indices)}}}"

    def _print_KroneckerDelta(self, expr: sp.KroneckerDelta, exp: str | None = None) -> str:
        tex = rf"\delta_{{{self._subscript(expr.args)}}}"
        return tex if exp is None else f"{tex}^{{{exp}}}"

    def _print_Derivative(self, expr: sp.Derivative) -> str:
        order = sum(count for _, count in expr.variable_count)
        top = r"\partial" if order == 1 else rf"\partial^{{{order}}}"
        bottom = " ".join(
            rf"\partial {self._print(v)}" if n == 1 else rf"\partial {self.parenthesize_super(self._print(v))}^{{{n}}}"
            for v, n in reversed(expr.variable_count)
        )
        inner = expr.expr
        if isinstance(inner, (sp.Symbol, sp.Indexed)):
            return rf"\frac{{{top} {self._print(inner)}}}{{{bottom}}}"
        body = self._print(inner)
        if isinstance(inner, (sp.Add, sp.Mul)):
            body = self._add_parens(body)
        return rf"\frac{{{top}}}{{{bottom}}} {body}"

    def _sum_heads(self, expr: sp.Sum) -> str:
        heads = []
        for limit in expr.limits:
            var = self._print(limit[0])
            if len(limit) == 3:
                heads.append(rf"\sum_{{{var}={self._print(limit[1])}}}^{{{self._print(limit[2])}}}")
            else:
                heads.append(rf"\sum_{{{var}}}")
        return " ".join(heads)

    def _print_Sum(self, expr: sp.Sum) -> str:
        body = self._print(expr.function)
        if isinstance(expr.function, sp.Add) or expr.function.could_extract_minus_sign():
            body = self._add_parens(body)
        return f"{self._sum_heads(expr)} {body}"

    def _print_Heaviside(self, expr: sp.Heaviside, exp: str | None = None) -> str:
        # SymPy's \theta(x) reads back as the product theta x; the reader knows heaviside
        tex = r"\operatorname{heaviside}" + self._add_parens(self._print(expr.args[0]))
        return tex if exp is None else f"{tex}^{{{exp}}}"

    def _print_log(self, expr: sp.log, exp: str | None = None) -> str:
        name = r"\log" if exp is None else rf"\log^{{{exp}}}"
        arg = expr.args[0]
        if _is_atomic(arg):
            return f"{name} {self._print(arg)}"
        return name + self._add_parens(self._print(arg))

    def _factor_texts(self, factors: Sequence[sp.Expr], count: int) -> list[str]:
        """The first factors of a product of ``count``, each in parentheses where the product needs them."""
        out = []
        for n, factor in enumerate(factors):
            tex = self._print(factor)
            out.append(self._add_parens(tex) if _needs_parens(factor, n, count) else tex)
        return out

    def _print_factors(self, expr: sp.Expr) -> str:
        factors = readable_factors(expr)
        if len(factors) == 1:
            return self._print(factors[0])
        return " ".join(self._factor_texts(factors, len(factors)))

    def _print_Rational(self, expr: sp.Rational) -> str:
        return decimal_text(expr) or super()._print_Rational(expr)

    def _print_Mul(self, expr: sp.Expr) -> str:
        # LatexPrinter._print_Pow also sends x**-n here, so expr may be a Pow.
        if expr.could_extract_minus_sign():
            inner = -expr
            tex = self._print(inner)
            return "- " + (self._add_parens(tex) if isinstance(inner, sp.Add) else tex)
        coeff, rest = expr.as_coeff_Mul()
        if isinstance(expr, sp.Mul) and coeff.is_Rational and decimal_text(coeff):
            tex = self._print(rest)
            return f"{decimal_text(coeff)} " + (self._add_parens(tex) if isinstance(rest, sp.Add) else tex)
        numer, denom = sp.fraction(expr, exact=True)
        if denom == 1:
            return self._print_factors(expr)
        others, sums = _split_sums(numer)
        if sums != 1:
            return rf"\frac{{{self._print_factors(others)}}}{{{self._print_factors(denom)}}} {self._print_factors(sums)}"
        return rf"\frac{{{self._print_factors(numer)}}}{{{self._print_factors(denom)}}}"

    def _print_Add(self, expr: sp.Add, order: str | None = None) -> str:
        return _join_terms(self, expr, " - ")

    def _enclose(self, pieces: list[str]) -> list[str]:
        """Parentheses around pieces; across lines they are ``\\Bigl( ... \\Bigr)``, which need no pairing."""
        if len(pieces) == 1:
            return [self._add_parens(pieces[0])]
        return [r"\Bigl(" + pieces[0], *pieces[1:-1], pieces[-1] + r"\Bigr)"]

    def pieces(self, expr: sp.Expr, width: float = LINE_WIDTH) -> list[str]:
        """``expr`` as LaTeX pieces whose concatenation is the whole; lines may break between pieces.

        Long sums of terms break at their ``+``/``-``; a long factor in parentheses uses
        ``\\Bigl( ... \\Bigr)``, which need no matching ``\\right)`` on the same line.
        """
        whole = self._print(expr)
        if visual_width(whole) <= width:
            return [whole]
        if isinstance(expr, sp.Add):
            out: list[str] = []
            for n, term in enumerate(readable_terms(expr)):
                negative = term.could_extract_minus_sign()
                sub = self.pieces(-term if negative else term, width)
                sub[0] = ("- " if negative else "+ " if n else "") + sub[0]
                out += sub
            return out
        if isinstance(expr, sp.Sum):
            heads = self._sum_heads(expr)
            sub = self.pieces(expr.function, width - visual_width(heads))
            if isinstance(expr.function, sp.Add) or expr.function.could_extract_minus_sign():
                sub = self._enclose(sub)
            sub[0] = f"{heads} {sub[0]}"
            return sub
        if isinstance(expr, sp.Mul):
            if expr.could_extract_minus_sign():
                sub = self.pieces(-expr, width)
                sub = self._enclose(sub) if isinstance(-expr, sp.Add) else sub
                sub[0] = "- " + sub[0]
                return sub
            numer, denom = sp.fraction(expr, exact=True)
            if denom != 1:
                others, last = _split_sums(numer)
                if last == 1:  # no sum to take out of the fraction: its widest bracket, (a + b)/c as 1/c (a + b),
                    # when that is at least half a line (a narrower one taken out leaves the fraction about as wide)
                    adds = [f for f in sp.Mul.make_args(numer) if isinstance(f, sp.Add)]
                    last = max(adds, key=lambda f: visual_width(self._print(f)), default=sp.S.One)
                    if last == 1 or 2 * visual_width(self._print(last)) < width:
                        return [whole]
                    others = numer / last
                prefix = rf"\frac{{{self._print_factors(others)}}}{{{self._print_factors(denom)}}}"
            else:
                *rest, last = readable_factors(expr)
                # the leading factors keep the parentheses they have in the whole product: (σ − σ²) (...)
                prefix = " ".join(self._factor_texts(rest, len(rest) + 1))
            if not isinstance(last, (sp.Add, sp.Sum)):
                return [whole]
            sub = self.pieces(last, width - visual_width(prefix))
            if isinstance(last, sp.Add):
                sub = self._enclose(sub)
            if prefix:
                sub[0] = f"{prefix} {sub[0]}"
            return sub
        return [whole]




_ZERO_WIDTH = {r"\left", r"\right", r"\Bigl", r"\Bigr", r"\bigl", r"\bigr", r"\displaystyle", r"\limits"}
_WIDE = {r"\sum": 1.5, r"\prod": 1.5, r"\quad": 2.0, r"\qquad": 4.0, r"\,": 0.3, r"\ ": 0.5, r"\;": 0.4}


def _group(tex: str, at: int) -> tuple[str, int]:
    """The brace group (or single token) starting at ``at``, and the position after it."""
    while at < len(tex) and tex[at] == " ":
        at += 1
    if at >= len(tex):
        return "", at
    if tex[at] != "{":
        m = re.match(r"\\[a-zA-Z]+|.", tex[at:])
        return m.group(0), at + len(m.group(0))
    depth = 0
    for end in range(at, len(tex)):
        depth += {"{": 1, "}": -1}.get(tex[end], 0)
        if depth == 0:
            return tex[at + 1:end], end + 1
    return tex[at + 1:], len(tex)


def visual_width(tex: str) -> float:
    """About how many characters wide ``tex`` is when typeset; decides where long formulas break.

    Fractions count as their wider part, stacked sub- and superscripts as the wider one at
    small size, binary operators with their surrounding space.
    """
    width, at = 0.0, 0
    while at < len(tex):
        char = tex[at]
        if char == "\\":
            m = re.match(r"\\([a-zA-Z]+|.)", tex[at:])
            command, at = m.group(0), at + len(m.group(0))
            if command == r"\frac":
                top, at = _group(tex, at)
                bottom, at = _group(tex, at)
                width += max(visual_width(top), visual_width(bottom)) + 0.4
            elif command in (r"\text", r"\operatorname", r"\mathrm", r"\mathbf", r"\boxed", r"\sqrt"):
                inner, at = _group(tex, at)
                width += (len(inner) if command in (r"\text", r"\operatorname", r"\mathrm") else visual_width(inner)) + 0.5
            elif command not in _ZERO_WIDTH:
                width += _WIDE.get(command, 1.0)
        elif char in "_^":
            scripts = []
            while at < len(tex) and tex[at] in "_^":
                inner, at = _group(tex, at + 1)
                scripts.append(visual_width(inner))
            width += 0.7 * max(scripts)
        elif char in "=+-<>":
            width += 2.0
            at += 1
        elif char in "{} &":
            at += 1
        else:
            width += 0.8 if char in "()[],." else 1.0
            at += 1
    return width


@cache
def _latex_printer() -> SymgradLatexPrinter:
    return SymgradLatexPrinter()


def to_latex(expr: sp.Basic) -> str:
    """``expr`` as LaTeX in textbook index notation (``p_{i} (\\delta_{ij} - p_{j})``)."""
    return _latex_printer().doprint(expr)


def latex_lines(expr: sp.Basic, width: float = LINE_WIDTH) -> list[str]:
    """``expr`` as LaTeX split into display lines of about ``width`` printed characters each."""
    lines: list[str] = []
    for piece in _latex_printer().pieces(expr, width):
        if lines and visual_width(lines[-1] + piece) <= width:
            lines[-1] += " " + piece
        else:
            lines.append(piece)
    return lines
