"""The reading order both printers share: numbers, names, functions, then sums; positive terms first.

Also where parentheses go in a product, and which fractions print as the decimals people wrote.
"""

from __future__ import annotations

import sympy as sp
from sympy.printing.printer import Printer


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
