"""Term-level algebra shared by the rules: expanding without splitting exponentials, cancelling."""

from __future__ import annotations

import sympy as sp

Rewrite = tuple[sp.Expr, str, sp.Expr | None] | None


def _expand(e: sp.Expr) -> sp.Expr:
    """``sympy.expand`` without splitting exponentials: it would turn ``e^{sum_k u_k}`` into a product."""
    return sp.expand(e, power_exp=False)


def _multiply_out(e: sp.Expr) -> sp.Expr:
    """Distribute products over sums, leaving powers and function arguments alone."""
    return sp.expand(e, deep=False, power_exp=False, power_base=False, multinomial=False, log=False)

def _make_sum(body: sp.Expr, limits: list[tuple]) -> sp.Expr:
    return sp.Sum(body, *limits) if limits else body

def _tidy_rational(e: sp.Expr) -> sp.Expr:
    """Cancel a rational expression; keep sums and deltas as opaque generators."""
    if e.atoms(sp.Sum) or not any(p.exp.is_negative for p in e.atoms(sp.Pow)):
        return e
    out = sp.cancel(e)
    return _expand(out) if out.is_polynomial() else out
