"""Definite integrals, ``\\int_{a}^{b} f(t)\\,dt``: a ``sympy.Integral`` over a bound variable (a part of the parser).

Read so that a definition such as the normal CDF, ``\\Phi(x) = \\int_{-\\infty}^{x} \\phi(t)\\,dt``, differentiates by
the fundamental theorem of calculus (SymPy's own rule for a variable limit) and evaluates where SymPy finds a closed
form (the Gaussian integral becomes erf).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import mpmath
import sympy as sp

from ..functions import FUNCTION_OF
from .tokens import _GREEK, _Tok
from .vocabulary import _Val

_DIFFERENTIAL_FONTS = {r"\mathrm", r"\text", r"\operatorname", r"\mathit", r"\rm", r"\textrm", r"\mathop"}
_OPENERS = {"{": "}", "(": ")", "[": "]", r"\left": r"\right"}
_STOPS = {"=", ",", "&", r"\\", "end"}


def _variable(toks: list[_Tok], k: int) -> tuple[str, int] | None:
    """The variable of a differential whose variable starts at token k, and the token after it: ``t``, ``{t}``,
    ``\\tau``."""
    t = toks[k]
    if t.kind == "letter":
        return t.text, k + 1
    if t.kind == "cmd" and t.text[1:] in _GREEK:
        return t.text[1:], k + 1
    if t.text == "{" and k + 2 < len(toks) and toks[k + 2].text == "}":
        inner = _variable(toks, k + 1)
        return (inner[0], k + 3) if inner else None
    return None


def differential_at(toks: list[_Tok], k: int) -> tuple[str, int] | None:
    """Whether a differential starts at token k (``dt``, ``\\mathrm{d}t``, ``\\mathrm d t``, ``\\text{d}\\tau``): its
    variable and the token after it, else None."""
    if toks[k].text in _DIFFERENTIAL_FONTS:
        k += 1
        if [toks[j].text for j in (k, k + 1, k + 2) if j < len(toks)] == ["{", "d", "}"]:
            k += 2
        elif toks[k].text != "d":
            return None
    elif toks[k].text != "d" or toks[k].kind != "letter":
        return None
    return _variable(toks, k + 1) if k + 1 < len(toks) else None


def find_differential(toks: list[_Tok], start: int) -> tuple[int, str, int] | None:
    """The first differential after ``start`` outside any bracket, before the integral's expression ends (``=``, a
    closing bracket, ``,``): where it starts, its variable, and where it ends."""
    depth = 0
    for k in range(start, len(toks)):
        text = toks[k].text if toks[k].kind != "end" else "end"
        if depth == 0:
            found = differential_at(toks, k)
            if found is not None:
                return k, found[0], found[1]
            if text in _STOPS:
                return None
        if text in _OPENERS:
            depth += 1
        elif text in _OPENERS.values():
            depth -= 1
            if depth < 0:
                return None
    return None


class DefiniteIntegral(sp.Integral):
    """An integral SymPy finds no closed form for, evaluated by quadrature (mpmath.quad) for verify and check."""

    def numeric_form(self, compile_: Callable[[sp.Expr], Any]) -> Callable[[dict, dict], Any]:
        """The value at the names' values: the integrand compiled once, integrated between the compiled limits."""
        (variable, lower, upper), = self.limits
        body, low, high = compile_(self.function), compile_(lower), compile_(upper)
        name = variable.name

        def value(env: dict, vals: dict) -> Any:
            a, b = low(env, vals), high(env, vals)
            result = mpmath.quad(lambda t: body({**env, name: t}, vals), [a, b])
            return result if isinstance(a, mpmath.mpf) or isinstance(b, mpmath.mpf) else float(result)
        return value


class _Integrals:
    """``\\int_{a}^{b} ... dt`` (a part of the parser)."""

    def integral(self, t: _Tok) -> _Val:
        lower = upper = None
        while self.at("_") or self.at("^"):
            mark = self.next()
            bound = self.argument()
            if bound.axes:
                raise self.error(rf"a limit of \int must be a number, got shape {self.shape(bound)}", mark)
            lower, upper = (bound.expr, upper) if mark.text == "_" else (lower, bound.expr)
        if lower is None or upper is None:
            raise self.error(r"an integral needs both limits: write \int_{a}^{b} f(t)\,dt (an indefinite integral has "
                             "no single value to differentiate)", t)
        found = find_differential(self.toks, self.pos)
        if found is None:
            raise self.error(r"cannot find the integral's differential: write it after the integrand, "
                             r"\int_{a}^{b} f(t)\,dt", t)
        begin, name, end = found
        if begin == self.pos:
            raise self.error(r"the integral has no integrand before its differential: write \int_{a}^{b} f(t)\,dt", t)
        variable = sp.Symbol(name, real=True)
        body = self.integrand(begin, name, variable)
        if body.axes:
            raise self.error(rf"the integrand must be a number, got shape {self.shape(body)}", t)
        self.pos = end
        value = sp.Integral(body.expr, (variable, lower, upper))
        closed = value.doit()
        known = not closed.has(sp.Integral) and all(
            any(c in FUNCTION_OF for c in type(f).__mro__) for f in closed.atoms(sp.Function))
        self.note(rf"\int ... d{name} read as the definite integral over {name} from {sp.latex(lower)} to "
                  f"{sp.latex(upper)}" + (f", which SymPy evaluates to {sp.latex(closed)}" if known else ""))
        return _Val(closed if known else DefiniteIntegral(*value.args))

    def integrand(self, begin: int, name: str, variable: sp.Symbol) -> _Val:
        """The tokens up to the differential at ``begin``, read with ``name`` bound to the integration variable."""
        toks = self.toks
        self.toks = toks[:begin] + [_Tok("end", "", toks[begin].col)]
        self.binders.append({name: variable})
        try:
            body = self.expr()
            if self.pos != begin:
                raise self.error(r"unexpected token in the integrand: write \int_{a}^{b} f(t)\,dt", self.peek())
        finally:
            self.binders.pop()
            self.toks = toks
        return body
