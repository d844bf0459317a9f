"""Printers and documents: a derivation as LaTeX, Markdown (GitHub, Jupyter) and terminal text.

``SymgradLatexPrinter`` and ``SymgradTextPrinter`` are SymPy printers with a handful of
``_print_...`` methods for the index-notation vocabulary (``p_{i}``, ``\\delta_{ij}``,
``\\sum_{k=1}^{N}``, ``\\frac{\\partial p_{i}}{\\partial a_{j}}``). The document functions lay
out a ``Derivation`` (definitions, steps with their rules, results) in each format; the
three LaTeX-based formats share one layout and differ only in their ``_Style``.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, partial
from typing import TYPE_CHECKING, ClassVar

import sympy as sp
from sympy.printing.latex import LatexPrinter
from sympy.printing.pretty.pretty_symbology import greek_unicode, pretty_symbol
from sympy.printing.printer import Printer
from sympy.printing.str import StrPrinter

from .files import GENERATED_MARK
from .tensors import name_of, shape_of

if TYPE_CHECKING:
    from .derivation import Derivation, Result, Step

REMAKE_COMMAND = "symgrad build derivations"

# Widths in typeset characters (see visual_width): a formula wider than LINE_WIDTH is split
# over lines; an align* row of lhs, rhs and note gets PAGE_WIDTH, and a rhs never less than MIN_WIDTH.
LINE_WIDTH = 64
PAGE_WIDTH = 72
MIN_WIDTH = 34
NOTE_WIDTH = 36

_TALL = (r"\frac", r"\sum", r"\prod", r"\int", r"\left", r"\Bigl", r"\boxed")


# --- reading order shared by both printers -------------------------------------------------


def _factor_rank(factor: sp.Basic) -> int:
    """Where a factor goes in a product: numbers, then names, then functions, then sums."""
    if factor.is_Number:
        return 0
    if isinstance(factor, (sp.Symbol, sp.Indexed, sp.Idx, sp.KroneckerDelta)):
        return 1
    if isinstance(factor, sp.Pow) and isinstance(factor.base, (sp.Symbol, sp.Indexed)) and factor.exp.is_Integer:
        return 1
    if isinstance(factor, sp.Add):
        return 3
    if isinstance(factor, (sp.Sum, sp.Product, sp.Integral, sp.Derivative)):
        return 4
    return 2


def readable_factors(expr: sp.Expr) -> list[sp.Expr]:
    """The factors of a product in reading order: ``p_i (delta_ij - p_j)``, sums last."""
    return sorted(sp.Mul.make_args(expr), key=_factor_rank)


def readable_terms(expr: sp.Expr) -> list[sp.Expr]:
    """The terms of a sum with the positive ones first: ``delta_ij - p_j``, not ``-p_j + delta_ij``."""
    terms = list(expr.as_ordered_terms()) if isinstance(expr, sp.Add) else [expr]
    return [t for t in terms if not t.could_extract_minus_sign()] + [t for t in terms if t.could_extract_minus_sign()]


def _needs_parens(factor: sp.Expr, n: int, count: int) -> bool:
    """Whether the ``n``-th of ``count`` factors of a product is printed in parentheses."""
    return (isinstance(factor, sp.Add) or (n > 0 and factor.could_extract_minus_sign())
            or (n < count - 1 and _open_ended(factor)))


def _join_terms(printer: Printer, expr: sp.Add, minus: str) -> str:
    """The terms of a sum, positive ones first, joined with `` + `` and ``minus``."""
    text = ""
    for n, term in enumerate(readable_terms(expr)):
        if n == 0:
            text = printer._print(term)
        elif term.could_extract_minus_sign():
            text += minus + printer._print(-term)
        else:
            text += " + " + printer._print(term)
    return text


def _split_sums(numer: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
    """``(others, sums)`` of a numerator, so ``Sum(...)/B`` can print as ``1/B`` times the sum."""
    others, sums = [], []
    for factor in sp.Mul.make_args(numer):
        (sums if _open_ended(factor) else others).append(factor)
    return sp.Mul(*others), sp.Mul(*sums)


def _open_ended(expr: sp.Basic) -> bool:
    """A sum or an operator applied to what follows, so it needs parentheses unless it comes last."""
    if isinstance(expr, sp.Derivative):
        return not isinstance(expr.expr, (sp.Symbol, sp.Indexed))
    return isinstance(expr, (sp.Sum, sp.Product, sp.Integral))


def _is_atomic(expr: sp.Basic) -> bool:
    """Prints as one token, so it needs no parentheses as a function argument."""
    return isinstance(expr, (sp.Symbol, sp.Indexed, sp.Idx)) or (expr.is_Integer and expr >= 0)


def decimal_text(r: sp.Rational) -> str | None:
    """``0.044715`` for 8943/200000: a fraction whose denominator (100 or more) a decimal ends, written as one."""
    q, places = int(r.q), 0
    if q < 100 or q % 5:  # 1/2, 3/4, 1/1024 stay fractions
        return None
    while (10**places) % q:
        places += 1
        if places > 12:
            return None
    digits = str(abs(int(r.p)) * (10**places // q)).rjust(places + 1, "0")
    return ("-" if r.p < 0 else "") + digits[:-places] + "." + digits[-places:]


def _tall(tex: str) -> bool:
    return any(cmd in tex for cmd in _TALL)


def _single_token(tex: str) -> bool:
    return len(tex) == 1 or re.fullmatch(r"\\[a-zA-Z]+", tex) is not None


# --- LaTeX ---------------------------------------------------------------------------------


class SymgradLatexPrinter(LatexPrinter):
    """LaTeX in the notation of the textbook: ``p_{i} (\\delta_{ij} - p_{j})``, ``\\sum_{k=1}^{N} e^{a_{k}}``."""

    def _add_parens(self, s: str) -> str:
        return rf"\left({s}\right)" if _tall(s) else f"({s})"

    def _subscript(self, indices: Iterable[sp.Basic]) -> str:
        parts = [self._print(i) for i in indices]
        return ("" if all(_single_token(p) for p in parts) else ",").join(parts)

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
                others, sums = _split_sums(numer)
                if sums == 1:
                    return [whole]
                prefix = rf"\frac{{{self._print_factors(others)}}}{{{self._print_factors(denom)}}}"
                last, rest = sums, []
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


# --- terminal text -------------------------------------------------------------------------

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


_RELATIONS = {"==": "=", "!=": "≠", "<": "<", "<=": "≤", ">": ">", ">=": "≥"}
_CONSTANTS = {"Pi": "π", "Exp1": "e", "EulerGamma": "γ", "GoldenRatio": "φ", "Catalan": "G"}


def _ordered_args(expr: sp.Basic) -> list[sp.Basic]:
    """Numbers first: ``max(0, 1 − y·z)`` as people write it."""
    return sorted(expr.args, key=lambda a: (not a.is_Number, sp.default_sort_key(a)))


class SymgradTextPrinter(StrPrinter):
    """Unicode for a terminal: ``∂p_i/∂a_j = p_i·(δ_ij − p_j)``, ``Σ_{k=1}^{N} e^{a_k}``.

    With ``iverson=True`` the Kronecker delta prints as ``[i = j]``, for derivations where
    a name δ (huber's threshold) would sit next to it.
    """

    _default_settings: ClassVar[dict[str, object]] = {**StrPrinter._default_settings, "iverson": False}

    # Indexed has its own _sympystr, which would win over _print_Indexed under the default name
    printmethod = "_symgrad_text"

    def _subscript(self, indices: Iterable[sp.Basic]) -> str:
        parts = [self._print(i) for i in indices]
        if all(len(p) == 1 for p in parts):
            return "".join(parts)
        return "{" + ",".join(parts) + "}"

    def _paren(self, expr: sp.Basic) -> str:
        return f"({self._print(expr)})"

    def _print_Symbol(self, expr: sp.Symbol) -> str:
        # a name read from LaTeX may keep its markup: D_mathrm{KL} is D_KL
        name = re.sub(r"\\?(?:mathrm|operatorname|text|mathbf|boldsymbol)\{([^{}]*)\}", r"\1", expr.name)
        base, sep, sub = name.partition("_")
        sub = sub.strip("{}")
        if sep and not re.fullmatch(r"\w+", sub):
            return f"{pretty_symbol(base)}_{{{latex_to_text(sub)}}}"
        return pretty_symbol(name) if not sep or len(sub) <= 2 else f"{pretty_symbol(base)}_{sub}"

    def _print_KroneckerDelta(self, expr: sp.KroneckerDelta) -> str:
        if self._settings.get("iverson"):
            return f"[{self._print(expr.args[0])} = {self._print(expr.args[1])}]"
        return f"δ_{self._subscript(expr.args)}"

    def _print_Idx(self, expr: sp.Idx) -> str:
        return self._print(expr.label)

    def _print_IndexedBase(self, expr: sp.IndexedBase) -> str:
        return self._print(expr.label)

    def _print_Indexed(self, expr: sp.Indexed) -> str:
        return f"{self._print(expr.base.label)}_{self._subscript(expr.indices)}"

    def _print_Derivative(self, expr: sp.Derivative) -> str:
        order = sum(count for _, count in expr.variable_count)
        top = "∂" if order == 1 else f"∂{str(order).translate(_SUPERSCRIPT)}"
        bottom = "".join(
            f"∂{self._print(v)}" if n == 1 else f"∂{self._print(v)}{str(n).translate(_SUPERSCRIPT)}"
            for v, n in reversed(expr.variable_count)
        )
        if isinstance(expr.expr, (sp.Symbol, sp.Indexed)):
            return f"{top}{self._print(expr.expr)}/{bottom}"
        return f"{top}/{bottom} {self._paren(expr.expr)}"

    def _print_Sum(self, expr: sp.Sum) -> str:
        heads = []
        for limit in expr.limits:
            var = self._print(limit[0])
            heads.append(
                f"Σ_{{{var}={self._print(limit[1])}}}^{{{self._print(limit[2])}}}" if len(limit) == 3 else f"Σ_{var}"
            )
        body = expr.function
        tex = self._paren(body) if isinstance(body, sp.Add) or body.could_extract_minus_sign() else self._print(body)
        return " ".join([*heads, tex])

    def _print_Heaviside(self, expr: sp.Heaviside) -> str:
        return f"heaviside{self._paren(expr.args[0])}"

    def _print_exp(self, expr: sp.exp) -> str:
        return f"e^{{{self._print(expr.args[0])}}}"

    def _print_log(self, expr: sp.log) -> str:
        arg = expr.args[0]
        return f"log {self._print(arg)}" if _is_atomic(arg) else f"log{self._paren(arg)}"

    def _print_Pow(self, expr: sp.Pow, rational: bool = False) -> str:
        base, exponent = expr.base, expr.exp
        if exponent.is_negative and exponent.is_Rational:
            return self._print_Mul(expr)
        atomic = _is_atomic(base) or isinstance(base, (sp.Function, sp.NumberSymbol))
        base_text = self._print(base) if atomic else self._paren(base)
        if exponent == sp.S.Half:
            return f"√{base_text}"
        if exponent.is_Integer:
            return base_text + str(exponent).translate(_SUPERSCRIPT)
        return f"{base_text}^{{{self._print(exponent)}}}"

    def _print_Equality(self, expr: sp.Eq) -> str:
        return f"{self._print(expr.lhs)} = {self._print(expr.rhs)}"

    def _print_Rational(self, expr: sp.Rational) -> str:
        decimal = decimal_text(expr)
        return decimal.replace("-", "−") if decimal else f"{self._print(sp.Integer(expr.p))}/{expr.q}"

    def _print_Abs(self, expr: sp.Abs) -> str:
        return f"|{self._print(expr.args[0])}|"

    def _print_Max(self, expr: sp.Max) -> str:
        return "max(" + ", ".join(self._print(a) for a in _ordered_args(expr)) + ")"

    def _print_Min(self, expr: sp.Min) -> str:
        return "min(" + ", ".join(self._print(a) for a in _ordered_args(expr)) + ")"

    def _print_Piecewise(self, expr: sp.Piecewise) -> str:
        cases = [f"{self._print(e)} if {self._print(c)}" if c != sp.true else f"{self._print(e)} otherwise"
                 for e, c in expr.args]
        return "{" + "; ".join(cases) + "}"

    def _print_Relational(self, expr: sp.Rel) -> str:
        return f"{self._print(expr.lhs)} {_RELATIONS[expr.rel_op]} {self._print(expr.rhs)}"

    def _print_NumberSymbol(self, expr: sp.NumberSymbol) -> str:
        return _CONSTANTS.get(type(expr).__name__, str(expr))

    _print_Pi = _print_Exp1 = _print_EulerGamma = _print_NumberSymbol

    def _print_Infinity(self, expr: sp.Basic) -> str:
        return "∞"

    def _print_NegativeInfinity(self, expr: sp.Basic) -> str:
        return "−∞"

    def _print_Integer(self, expr: sp.Integer) -> str:
        return str(expr).replace("-", "−")

    def _print_factors(self, expr: sp.Expr) -> str:
        factors = readable_factors(expr)
        if len(factors) == 1:
            return self._print(factors[0])
        out = [self._paren(f) if _needs_parens(f, n, len(factors)) else self._print(f) for n, f in enumerate(factors)]
        return "·".join(out)

    def _print_Mul(self, expr: sp.Expr) -> str:
        if expr.could_extract_minus_sign():
            inner = -expr
            return "−" + (self._paren(inner) if isinstance(inner, sp.Add) else self._print(inner))
        coeff, rest = expr.as_coeff_Mul()
        if isinstance(expr, sp.Mul) and coeff.is_Rational and decimal_text(coeff):
            return f"{decimal_text(coeff)}·" + (self._paren(rest) if isinstance(rest, sp.Add) else self._print(rest))
        numer, denom = sp.fraction(expr, exact=True)
        if denom == 1:
            return self._print_factors(expr)
        others, sums = _split_sums(numer)
        denom_text = self._print(denom)
        if not (_is_atomic(denom) or isinstance(denom, sp.Pow)):
            denom_text = f"({denom_text})"
        if sums != 1:
            return f"({self._print_factors(others)}/{denom_text})·{self._print_factors(sums)}"
        numer_text = self._print_factors(numer)
        if isinstance(numer, sp.Add) or len(sp.Mul.make_args(numer)) > 1:
            numer_text = f"({numer_text})"
        return f"{numer_text}/{denom_text}"

    def _print_Add(self, expr: sp.Add, order: str | None = None) -> str:
        return _join_terms(self, expr, " − ")


@cache
def _text_printer(iverson: bool = False) -> SymgradTextPrinter:
    return SymgradTextPrinter({"iverson": iverson})


def to_text(expr: sp.Basic, iverson: bool = False) -> str:
    """``expr`` as one line of Unicode for a terminal (``p_i·(δ_ij − p_j)``; ``[i = j]`` for δ_ij with ``iverson``)."""
    return _text_printer(iverson).doprint(expr)


_to_text = to_text


_LATEX_TO_UNICODE = {
    r"\neq": "≠", r"\ne": "≠", r"\le": "≤", r"\leq": "≤", r"\ge": "≥", r"\geq": "≥", r"\cdot": "·",
    r"\odot": "⊙", r"\times": "×", r"\top": "ᵀ", r"\partial": "∂", r"\sum": "Σ", r"\in": "∈", r"\to": "→",
    r"\dots": "…", r"\ldots": "…", r"\quad": "  ", r"\qquad": "    ", r"\,": " ", r"\;": " ", r"\ ": " ",
    r"\circ": "∘", r"\infty": "∞", r"\pm": "±", r"\ell": "ℓ",
}
_INVISIBLE = {r"\left", r"\right", r"\Bigl", r"\Bigr", r"\bigl", r"\bigr", r"\displaystyle"}
# a command taking one argument that only changes the font: the argument is the text
_FONTS = {r"\operatorname", r"\mathrm", r"\text", r"\mathbf", r"\boldsymbol", r"\mathit", r"\mathcal"}
_ACCENTS = {r"\hat": "\u0302", r"\bar": "\u0304", r"\tilde": "\u0303", r"\dot": "\u0307", r"\vec": "\u20d7"}
_SUPERSCRIPTS = str.maketrans("0123456789-+()n∘", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺⁽⁾ⁿ∘")


def _word(text: str) -> bool:
    """Needs no parentheses as a numerator, denominator or exponent."""
    return re.fullmatch(r"[\w\u0300-\u036f\u20d7ᵀ∘⁻]+", text) is not None


def _script(mark: str, text: str) -> str:
    """``x^{2}`` as ``x²``, ``p^{\\top}`` as ``pᵀ``; what has no superscript form stays ``^{...}``."""
    if mark == "^" and text and all(c in "0123456789-+()n∘ " for c in text) and text.strip():
        return text.replace(" ", "").translate(_SUPERSCRIPTS)
    if mark == "^" and text == "ᵀ":
        return text
    return f"{mark}{text}" if len(text) <= 2 and _word(text) else f"{mark}{{{text}}}"


def latex_to_text(tex: str) -> str:
    """A Unicode reading of a short LaTeX string (a case condition, a matrix form): no command is left."""
    out, at = [], 0
    while at < len(tex):
        char = tex[at]
        if char == "\\":
            command = re.match(r"\\([a-zA-Z]+|.)", tex[at:]).group(0)
            at += len(command)
            if command == r"\frac":
                top, at = _group(tex, at)
                bottom, at = _group(tex, at)
                parts = [latex_to_text(top), latex_to_text(bottom)]
                out.append("/".join(p if _word(p) else f"({p})" for p in parts))
            elif command == r"\sqrt":
                inner, at = _group(tex, at)
                inner = latex_to_text(inner)
                out.append(f"√{inner}" if _word(inner) else f"√({inner})")
            elif command in _FONTS or command in _ACCENTS:
                inner, at = _group(tex, at)
                inner = latex_to_text(inner)
                out.append(inner + _ACCENTS[command] if command in _ACCENTS else inner)
            elif command not in _INVISIBLE:
                out.append(_LATEX_TO_UNICODE.get(command, greek_unicode.get(command[1:], command[1:])))
        elif char in "_^":
            inner, at = _group(tex, at + 1)
            out.append(_script(char, latex_to_text(inner)))
        elif char in "{}":
            at += 1
        else:
            out.append(char)
            at += 1
    text = re.sub(r" +", " ", "".join(out)).strip().replace(" - ", " − ")
    return re.sub(r"(^|\()- ?", r"\1−", text)  # a leading minus is unary: no space after it


# --- plain text inside LaTeX ---------------------------------------------------------------

_UNICODE_TO_LATEX = {char: "\\" + name for name, char in greek_unicode.items() if len(char) == 1}
_UNICODE_TO_LATEX.update({
    "∂": r"\partial", "∑": r"\sum", "≠": r"\neq", "≤": r"\leq", "≥": r"\geq", "·": r"\cdot", "×": r"\times",
    "⊙": r"\odot", "→": r"\to", "∈": r"\in", "ᵀ": r"^{\top}", "√": r"\surd", "∞": r"\infty", "−": "-",
})
_TEXT_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
                 "#": r"\#", "_": r"\_", "^": r"\^{}", "~": r"\~{}"}


def _segments(text: str) -> list[tuple[bool, str]]:
    """``text`` cut into (is_math, piece): Unicode mathematics becomes LaTeX math, the rest stays text."""
    out: list[tuple[bool, str]] = []
    for char in text:
        if char in _UNICODE_TO_LATEX and char not in "−":
            piece, math = _UNICODE_TO_LATEX[char], True
        elif ord(char) < 128 or char == "−":
            piece, math = _UNICODE_TO_LATEX.get(char, char), False
        else:
            piece, math = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode() or "?", False
        if out and out[-1][0] == math:
            out[-1] = (math, out[-1][1] + (" " if math else "") + piece)
        else:
            out.append((math, piece))
    return out


def text_in_latex(text: str) -> str:
    """Plain text for a LaTeX paragraph: specials escaped, Unicode mathematics as ``$...$``."""
    return "".join(
        f"${piece}$" if math else "".join(_TEXT_ESCAPES.get(c, c) for c in piece) for math, piece in _segments(text)
    )


# the characters that \text needs escapes for, as math that MathJax reads
_MATH_SPECIALS = {"\\": r"\backslash", "~": r"\sim", "^": r"\hat{\ }", **{c: "\\" + c for c in "{}&%$#_"}}


def text_in_math(text: str, escape: bool = True) -> str:
    """Plain text inside a formula, as ``\\text{...}`` runs with Unicode mathematics set as math.

    MathJax (GitHub, Jupyter) does not read escapes such as ``\\_`` inside ``\\text``, so with
    ``escape=False`` the characters that need them are set as math instead.
    """
    out = []
    for math, piece in _segments(text):
        if math:
            out.append(piece)
            continue
        run = ""
        for char in piece:
            if char in _TEXT_ESCAPES:
                if escape:
                    run += _TEXT_ESCAPES[char]
                    continue
                if run:
                    out.append(rf"\text{{{run}}}")
                out.append(_MATH_SPECIALS[char])
                run = ""
            else:
                run += char
        if run:
            out.append(rf"\text{{{run}}}")
    return " ".join(out)


def _markdown_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|#$])", r"\\\1", text)


# --- documents -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Style:
    """How one output format sets headings, paragraphs, lists and display formulas."""

    heading: Callable[[str, int], str]
    paragraph: Callable[[str], str]
    items: Callable[[list[str]], str]
    display: Callable[[list[str]], str]
    escape_math_text: bool = True


def _align(rows: list[str]) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}"


def _itemize(items: list[str]) -> str:
    return "\\begin{itemize}\n" + "\n".join(r"\item " + i for i in items) + "\n\\end{itemize}"


_FRAGMENT = _Style(
    # plain-text headings, so the fragment also reads right in a notebook (MathJax sets only the math)
    heading=lambda title, level: text_in_latex(title),
    paragraph=text_in_latex,
    items=lambda items: "\n\n".join(items),
    display=_align,
)
_DOCUMENT = _Style(
    heading=lambda title, level: (r"\section*{%s}" if level == 0 else r"\subsection*{%s}") % text_in_latex(title),
    paragraph=text_in_latex,
    items=_itemize,
    display=_align,
)
_MARKDOWN = _Style(
    heading=lambda title, level: "#" * (level + 1) + " " + _markdown_escape(title),
    paragraph=_markdown_escape,
    items=lambda items: "\n".join("- " + i for i in items),
    display=lambda rows: "$$\n\\begin{aligned}\n" + " \\\\\n".join(rows) + "\n\\end{aligned}\n$$",
    escape_math_text=False,
)


def sections(steps: Sequence[Step]) -> list[tuple[str, list[Step]]]:
    """Consecutive steps with the same ``section`` grouped under it, in order."""
    groups: list[tuple[str, list[Step]]] = []
    for step in steps:
        if groups and groups[-1][0] == step.section:
            groups[-1][1].append(step)
        else:
            groups.append((step.section, [step]))
    return groups


@dataclass(frozen=True)
class _Row:
    """One equation of a display block: ``lhs = rhs``, a note in words, then a formula (``detail``).

    ``lhs`` None continues the equation above. A note wider than NOTE_WIDTH wraps onto the
    following lines of the note column; so does a detail that does not fit after the words.
    """

    lhs: str | None
    rhs: sp.Basic | str
    words: str = ""
    detail: str = ""
    boxed: bool = False

    def notes(self, style: _Style) -> list[str]:
        words = textwrap.wrap(self.words, NOTE_WIDTH)
        lines = [text_in_math(line, style.escape_math_text) for line in words]
        if not self.detail:
            return lines
        if words and len(words[-1]) + visual_width(self.detail) <= NOTE_WIDTH:
            # the space between words and formula goes inside \text, where it is not dropped
            return lines[:-1] + [text_in_math(words[-1] + " ", style.escape_math_text) + " " + self.detail]
        return lines + [(r"\quad " if lines else "") + self.detail]


def _display_rows(rows: list[_Row], style: _Style) -> list[str]:
    """``lhs &= rhs && note`` lines; a long rhs continues on ``&\\quad`` lines.

    The columns of an ``align*`` are shared by all its rows, so the room for a right-hand
    side is what the widest left side and the widest note of the block leave on the page.
    """
    notes = [row.notes(style) for row in rows]
    left = max(visual_width(r.lhs or "") for r in rows)
    width = max(MIN_WIDTH, PAGE_WIDTH - left - max((visual_width(n) for ns in notes for n in ns), default=0))
    out = []
    for row, row_notes in zip(rows, notes):
        lines = [row.rhs] if isinstance(row.rhs, str) else latex_lines(row.rhs, width)
        if row.boxed and len(lines) == 1:
            lines = [rf"\boxed{{{lines[0]}}}"]
        lines += [""] * (len(row_notes) - len(lines))
        for n, line in enumerate(lines):
            start = "%s &= " % (row.lhs or "") if n == 0 else (r"&\quad " if line else "&")
            note = row_notes[n] if n < len(row_notes) else ""
            out.append((start + line + (" && " + note if note else "")).rstrip())
    return out


def _range_note(indices: Sequence[sp.Idx]) -> str:
    return r",\ ".join(rf"1 \le {to_latex(i)} \le {to_latex(i.upper)}" for i in indices)


def _space(tensor: sp.Basic) -> str:
    shape = shape_of(tensor)
    dims = r" \times ".join(to_latex(s) for s in shape)
    return to_latex(sp.Symbol(name_of(tensor))) + r" \in \mathbb{R}" + (f"^{{{dims}}}" if shape else "")


def _matrix_lhs(result: Result) -> str:
    of, var = (to_latex(sp.Symbol(name_of(x))) for x in (result.of, result.var))
    return rf"\frac{{\partial {of}}}{{\partial {var}}}"


def _result_rows(result: Result) -> list[_Row]:
    rows = [_Row(to_latex(sp.Derivative(result.of, result.var)), result.expr, boxed=True)]
    if result.cases:
        cases = r" \\ ".join(rf"{to_latex(e)} & \text{{if }} {cond}" for cond, e in result.cases)
        rows.append(_Row(None, rf"\begin{{cases}} {cases} \end{{cases}}"))
    if result.matrix:
        rows.append(_Row(_matrix_lhs(result), result.matrix, "matrix form"))
    return rows


def _heading(title: str) -> str:
    return title[:1].upper() + title[1:]


def _body(d: Derivation, style: _Style) -> list[str]:
    """The blocks of a derivation in reading order, set in ``style``."""
    graph = d.graph
    blocks = [style.heading(d.title, 0), style.heading("Definitions", 1)]
    if graph.definitions:
        blocks.append(style.display(_display_rows(
            [_Row(to_latex(x.lhs), x.rhs, detail=_range_note(x.indices)) for x in graph.definitions], style)))
    if graph.inputs:
        blocks.append("Inputs: " + ", ".join(f"${_space(t)}$" for t in graph.inputs) + ".")
    if graph.constraints:
        blocks.append(style.paragraph("Constraints:"))
        blocks.append(style.display(_display_rows([_Row(to_latex(c.lhs), c.rhs, c.reason) for c in graph.constraints], style)))
    for title, steps in sections(d.steps):
        blocks.append(style.heading(_heading(title or "Derivation"), 1))
        rows, previous = [], None
        for step in steps:
            lhs = None if previous is not None and step.lhs == previous else to_latex(step.lhs)
            words = step.rule + (":" if step.detail is not None and step.rule else "")
            rows.append(_Row(lhs, step.rhs, words, "" if step.detail is None else to_latex(step.detail)))
            previous = step.lhs
        blocks.append(style.display(_display_rows(rows, style)))
    if d.results:
        blocks.append(style.heading("Result" if len(d.results) == 1 else "Results", 1))
        blocks.append(style.display(_display_rows([row for r in d.results for row in _result_rows(r)], style)))
    if d.notes:
        blocks.append(style.heading("Notes", 1))
        blocks.append(style.items([style.paragraph(n) for n in d.notes]))
    return blocks


def _version() -> str:
    from . import __version__

    return __version__


def header_lines(d: Derivation) -> list[str]:
    """What every generated file says first: made by symgrad, which version, how to remake it."""
    return [
        f"{GENERATED_MARK} {_version()} from the catalog entry '{d.name}'; do not edit by hand.",
        f"Remake with: {REMAKE_COMMAND}",
    ]


def derivation_fragment(d: Derivation) -> str:
    """A LaTeX fragment (title line, ``align*`` blocks) to paste into a document or show in a notebook."""
    return "\n\n".join(_body(d, _FRAGMENT)) + "\n"


_PREAMBLE = r"""\documentclass[11pt]{article}
\usepackage{amsmath}
\usepackage{amssymb}
\setlength{\textwidth}{6.5in}
\setlength{\oddsidemargin}{0in}
\setlength{\evensidemargin}{0in}
\setlength{\textheight}{9in}
\setlength{\topmargin}{-0.5in}
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.5\baselineskip}
\allowdisplaybreaks
\begin{document}
"""


def derivation_document(d: Derivation, *more: Derivation) -> str:
    """A standalone LaTeX document (article, amsmath, amssymb) that compiles with pdflatex.

    ``more`` derivations (the Hessian after the gradient) follow in the same document.
    """
    header = "".join("% " + line + "\n" for line in header_lines(d))
    bodies = ["\n\n".join(_body(x, _DOCUMENT)) for x in (d, *more)]
    return header + _PREAMBLE + "\n" + "\n\n".join(bodies) + "\n\n\\end{document}\n"


def derivation_markdown(d: Derivation) -> str:
    """Markdown with ``$$`` display math (``aligned``) that GitHub and Jupyter render."""
    header = f"<!-- {' '.join(header_lines(d))} -->\n"
    return header + "\n" + "\n\n".join(_body(d, _MARKDOWN)) + "\n"


def _text_rows(rows: list[tuple[str, str, str]]) -> list[str]:
    """``lhs = rhs   [note]`` lines with the ``=`` signs and the notes aligned."""
    left = max((len(lhs) for lhs, _, _ in rows), default=0)
    middle = min(max((len(rhs) for _, rhs, _ in rows), default=0), 60)
    out = []
    for lhs, rhs, note in rows:
        line = f"  {lhs.rjust(left)} = {rhs}"
        if note:
            line = f"{line.ljust(left + middle + 5)}  [{note}]"
        out.append(line.rstrip())
    return out


def derivation_text(d: Derivation) -> str:
    """The derivation as plain Unicode text for a terminal."""
    graph = d.graph
    # huber's threshold δ beside a Kronecker δ_in reads as δδ_in: the delta becomes an Iverson bracket [i = n]
    names = {name_of(t) for t in (*graph.inputs, *(x.lhs for x in graph.definitions))}
    to_text = partial(_to_text, iverson=bool(names & {"delta", "δ"}))
    out = [d.title, "=" * len(d.title), "", "Definitions"]
    out += _text_rows([
        (to_text(x.lhs), to_text(x.rhs), ", ".join(f"{to_text(i)} = 1..{to_text(i.upper)}" for i in x.indices))
        for x in graph.definitions
    ])
    if graph.inputs:
        shapes = [
            to_text(sp.Symbol(name_of(t))) + " ∈ ℝ" + ("^{" + "×".join(to_text(s) for s in shape_of(t)) + "}" if shape_of(t) else "")
            for t in graph.inputs
        ]
        out.append("  inputs: " + ", ".join(shapes))
    if graph.constraints:
        out.append("Constraints")
        out += _text_rows([(to_text(c.lhs), to_text(c.rhs), c.reason) for c in graph.constraints])
    for title, steps in sections(d.steps):
        out += ["", title or "Derivation"]
        rows, previous = [], None
        for step in steps:
            lhs = "" if previous is not None and step.lhs == previous else to_text(step.lhs)
            detail = "" if step.detail is None else ": " + to_text(step.detail)
            rows.append((lhs, to_text(step.rhs), step.rule + detail))
            previous = step.lhs
        out += _text_rows(rows)
    if d.results:
        out += ["", "Result" if len(d.results) == 1 else "Results"]
        for result in d.results:
            out += _text_rows([(to_text(sp.Derivative(result.of, result.var)), to_text(result.expr), "")])
            out += [f"      {latex_to_text(cond)}: {to_text(e)}" for cond, e in result.cases]
            if result.matrix:
                of, var = (pretty_symbol(name_of(x)) for x in (result.of, result.var))
                out.append(f"      matrix form: ∂{of}/∂{var} = {latex_to_text(result.matrix)}")
    if d.notes:
        out += ["", "Notes"] + ["  - " + n for n in d.notes]
    return "\n".join(out) + "\n"
