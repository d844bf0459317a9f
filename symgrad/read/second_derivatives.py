"""Second derivatives written as one fraction: ``\\frac{\\partial^2 f(w)}{\\partial w_j \\, \\partial w_k}`` (mixed),
``\\frac{\\partial^2 l}{\\partial\\theta_i \\partial\\theta_j}``, ``\\frac{d^2 y}{dx^2}``: the derivative by the second
variable of the first derivative, which is a definition of its own (its value taken by SymPy from the definitions, all
inlined), noted. A quantity defined through indexed definitions is refused: differentiating it needs their bodies."""

from __future__ import annotations

from typing import Any

import sympy as sp

from ..tensors import Definition, name_of
from .bound import _rename_bound
from .vocabulary import _Val


def second_derivative(p: Any, t: Any, skip_num: int, skip_den: int) -> _Val:
    """The fraction from its numerator's ``^2`` on (the parser ``p`` stands there); see the module docstring."""
    p.next()
    order = p.next().text if not p.at("{") else "".join(p.next().text for _ in range(3))[1:-1]
    if order != "2":
        raise p.error(f"derivatives of order {order} are not supported: write one derivative of another", t)
    of = None if p.at("}") or skip_num == 0 else p.word_of() or p.expr()
    for _ in range(skip_num):
        p.expect("}", t)
    p.pos += skip_den
    first, second = _variables(p, t)
    for _ in range(skip_den):
        p.expect("}", t)
    if of is None:
        of = p.term()
    return p.derivative(_first_derivative(p, of, first, t), second, t)


def _variables(p: Any, t: Any) -> tuple[_Val, _Val]:
    """``\\partial w_j \\partial w_k``: the two variables; ``\\partial x^2`` (or ``dx^2``): x twice."""
    p.pos += p.differential(0)
    first = _variable(p)
    if p.differential(0):
        p.pos += p.differential(0)
        return first, _variable(p)
    e = first.expr
    if isinstance(e, sp.Pow) and e.exp == 2 and isinstance(e.base, sp.Indexed) and first.axes[:1] == e.base.indices:
        return _hessian(p, e.base)
    if isinstance(e, sp.Pow) and e.exp == 2 and isinstance(e.base, (sp.Symbol, sp.Indexed)):
        return _Val(e.base), _Val(e.base)
    raise p.error(r"a second derivative needs two variables: \partial x \, \partial y, or \partial x^2", t)


def _hessian(p: Any, x: sp.Indexed) -> tuple[_Val, _Val]:
    """``\\partial x^2`` (``f''(x)``) of a whole vector x: by x_i then by x_j, the matrix of all second derivatives
    (the Hessian), noted; ``\\partial x_i^2`` with its index written stays the one diagonal entry."""
    (i,) = x.indices
    j = p.fresh(x.base.shape[0])
    p.note(f"the second derivative by the vector {x.base} read as the Hessian, the matrix of the derivatives by "
           f"{x.base}_{i} and {x.base}_{j}")
    return _Val(x, (i, None)), _Val(x.base[j], (j, None))


def _variable(p: Any) -> _Val:
    """One variable of the denominator: a name or an element (new names allowed), or a square ``x^2``."""
    p.lenient += 1
    try:
        return p.factor()
    finally:
        p.lenient -= 1


def _first_derivative(p: Any, of: _Val, var: _Val, t: Any) -> _Val:
    """The derivative of ``of`` by ``var`` as a new definition (added once the reading is resolved), its node."""
    defined = set(p.ctx.definitions)
    inner = p.expanded(of.expr)
    left = sorted(({name_of(s) for s in inner.free_symbols} | {str(b.label) for b in inner.atoms(sp.IndexedBase)})
                  & defined)
    whole = var.axes[:1] == getattr(var.expr, "indices", None)  # by each element of a vector: the Hessian's rows
    if left or of.axes or var.axes and not whole or not isinstance(var.expr, (sp.Symbol, sp.Indexed)):
        why = f"{left[0]} is defined by its elements" if left else "it is not a scalar by a scalar"
        raise p.error(f"this second derivative is not read ({why}): write the first derivative as a definition "
                      r"(g = \frac{\partial f}{\partial w_j}) and differentiate it", t)
    name = f"∂{of.expr}/∂{name_of(var.expr)}"
    node = sp.IndexedBase(name)[var.expr.indices] if isinstance(var.expr, sp.Indexed) else sp.Symbol(name)
    inner = _rename_bound(inner, {t.text for t in p.toks if t.kind == "letter"} | {str(i) for i in var.expr.free_symbols})
    value = _deltas_summed(sp.diff(inner, var.expr))
    p.__dict__.setdefault("first_derivatives", []).append(Definition(node, value))
    p.note(f"the second derivative of {of.expr} read as the derivative of {name} (the derivative by "
           f"{var.expr}, a definition of its own)")
    return _Val(node, var.axes)


def _deltas_summed(e: sp.Expr) -> sp.Expr:
    """``e`` with each sum of a Kronecker delta times a term, over one of the delta's indices, as the term at the
    other index (sum_l delta_{jl} x_l = x_j): the delta comes from differentiating by w_j, so both index w and run
    over its range."""
    def collapse(s: sp.Sum) -> sp.Expr:
        if len(s.limits) != 1:
            return s
        v = s.limits[0][0]
        for d in s.function.atoms(sp.KroneckerDelta):
            other = d.args[1] if d.args[0] == v else d.args[0] if d.args[1] == v else None
            if other is not None and other != v and isinstance(other, sp.Idx) and \
                    sp.expand(s.function).coeff(d) * d == sp.expand(s.function):
                return (s.function / d).xreplace({v: other})
        return s

    return e.replace(lambda x: isinstance(x, sp.Sum), collapse)
