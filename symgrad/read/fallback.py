"""Commands the grammar does not know, looked up (only the command) in latex2sympy2."""

from __future__ import annotations

import functools

import sympy as sp
from sympy.core.function import AppliedUndef

# A command this grammar does not know is read by latex2sympy2, but only the command: its arguments are read here
# and latex2sympy2 sees placeholders in their place (``\arctan(u)``), so it never reads a name, an index, a
# transpose or a sample superscript. Its answer is kept only if it is a function of exactly those placeholders
# made of SymPy's own functions: it reads ``\coth u`` as cot(h*u), ``\coth(u)`` as cot(h(u)), ``\gcd(u, v)`` as 1
# and ``\max(u)`` as u, and each of those is refused.
_PLACEHOLDERS = sp.symbols("u v w r s t")
_FOREIGN_CLOSERS = {r"\lfloor": r"\rfloor", r"\lceil": r"\rceil"}
_UNREADABLE = (sp.Derivative, sp.Integral, sp.Limit, sp.Sum, sp.Product, sp.Subs, sp.Order, sp.UnevaluatedExpr,
               sp.Indexed, sp.MatrixExpr)


def _rebuilt(e: sp.Basic) -> sp.Basic:
    """``e`` evaluated bottom-up (latex2sympy2 builds with ``evaluate=False``)."""
    return e.func(*map(_rebuilt, e.args)) if e.args else e


@functools.cache
def _second_reader():
    """latex2sympy2's reader where it imports; on Python 3.13 its ANTLR runtime does not (it imports ``typing.io``),
    and SymPy's own Lark-based LaTeX reader takes its place (it reads ``\\arcsin``, ``\\binom``, ``\\lfloor``)."""
    try:
        import latex2sympy2  # 0.7 s to import (antlr): only once a command needs it
    except Exception:  # noqa: BLE001 - the ANTLR runtime fails with ImportError, AttributeError, ... by version
        from sympy.parsing.latex import parse_latex_lark

        return parse_latex_lark
    return lambda probe: latex2sympy2.latex2sympy(probe)  # looked up at each call: tests record the probes


@functools.lru_cache(maxsize=256)
def _meaning(probe: str, arity: int) -> sp.Expr | None:
    """What the second reader reads ``probe`` (a command applied to the first ``arity`` placeholders) as; None when
    it cannot read it or reads anything but a function of exactly those placeholders."""
    try:
        e = _second_reader()(probe)
    except Exception:  # noqa: BLE001 - antlr, lark and latex2sympy2 raise bare Exception, AttributeError, TypeError, ...
        return None
    if not isinstance(e, sp.Expr) or e in _PLACEHOLDERS:
        return None
    e = _rebuilt(e)
    if e.free_symbols != set(_PLACEHOLDERS[:arity]) or e.atoms(AppliedUndef) or e.has(*_UNREADABLE):
        return None
    return e
