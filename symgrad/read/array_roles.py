"""The arrays a transposed sum of undeclared names reads as by the usual convention: in ``(y - Xw)^T``, a capital
before a lower-case letter is a matrix times a vector (X: rows x columns, w: columns), a lower-case letter alone is a
vector of the rows (y), and so is a capital alone added to such a product (Y of ``(X\\theta - Y)^T``: a vector, as the
product is). Any other form has no such reading (None). Reading the names as arrays is never less safe
than reading them as numbers: a claim right for arrays of every size is right for 1 x 1 ones."""

from __future__ import annotations

import sympy as sp

ROWS, COLUMNS = "rows", "columns"


def _lower(s: sp.Symbol) -> bool:
    return str(s)[:1].islower()


def array_roles(expr: sp.Expr, names: set[str]) -> dict[str, tuple[str, ...]] | None:
    """name -> its axes (``(ROWS,)``, ``(COLUMNS,)`` or ``(ROWS, COLUMNS)``) for each of ``names`` in ``expr``, a sum of
    terms each a vector or a matrix times a vector (numbers may scale them); None where a term is anything else or
    a name would take two roles."""
    roles: dict[str, tuple[str, ...]] = {}

    def give(name: str, axes: tuple[str, ...]) -> bool:
        return roles.setdefault(name, axes) == axes

    terms = [[f for f in sp.Mul.make_args(term) if not f.is_number] for term in sp.Add.make_args(expr)]
    product = any(len(factors) == 2 for factors in terms)  # X\theta - Y: Y added to a matrix times a vector
    for factors in terms:
        if any(not isinstance(f, sp.Symbol) or str(f) not in names for f in factors):
            return None
        if len(factors) == 1 and (_lower(factors[0]) or product):
            ok = give(str(factors[0]), (ROWS,))
        elif len(factors) == 2 and sum(_lower(f) for f in factors) == 1:
            matrix, vector = sorted(factors, key=_lower)
            ok = give(str(matrix), (ROWS, COLUMNS)) and give(str(vector), (COLUMNS,))
        else:
            return None
        if not ok:
            return None
    return roles if set(roles) == names else None
