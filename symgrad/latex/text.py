"""Unicode for a terminal: ``∂p_i/∂a_j = p_i·(δ_ij − p_j)``, and LaTeX snippets read as Unicode.

Nothing of LaTeX or SymPy is left in what these print: cases, absolute values, constants,
decimals and relations have their mathematical spelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import ClassVar

import sympy as sp
from sympy.printing.pretty.pretty_symbology import greek_unicode, pretty_symbol
from sympy.printing.str import StrPrinter

from .order import _is_atomic, _join_terms, _needs_parens, _split_sums, decimal_text, readable_factors
from .printer import _group

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

    def _print_gamma(self, expr: sp.gamma) -> str:
        return f"Γ{self._paren(expr.args[0])}"

    def _print_loggamma(self, expr: sp.loggamma) -> str:
        return f"log(Γ{self._paren(expr.args[0])})"

    def _print_polygamma(self, expr: sp.polygamma) -> str:
        order, arg = expr.args
        return f"ψ{self._paren(arg)}" if order == 0 else f"ψ^{{({self._print(order)})}}{self._paren(arg)}"

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
            others_text = self._paren(others) if isinstance(others, sp.Add) else self._print_factors(others)
            return f"({others_text}/{denom_text})·{self._print_factors(sums)}"
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
