"""A derivative by the value of a function nothing defines (``\\frac{\\partial L}{\\partial f(x_i)}`` with
``L = |y_i - f(x_i)|``): f(x_i) is one variable, the element i of a name ``f(x)`` (f(x) alone: a scalar), in the
definitions and in everything read after (noted); refused where a definition applies f otherwise."""

from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef


def applied_variable(p, e: sp.Expr, tok) -> sp.Expr | None:
    """The variable ``f(x_i)`` stands for (``f(x)[i]``), with the definitions rewritten in it; None where ``e`` is no
    application of one undefined function to one name or element."""
    if not isinstance(e, AppliedUndef) or len(e.args) != 1 or not isinstance(e.args[0], (sp.Symbol, sp.Indexed)):
        return None
    (arg,) = e.args
    f, base = e.func, arg.base if isinstance(arg, sp.Indexed) else arg
    name = f"{f.__name__}({base})"
    new = sp.IndexedBase(name, shape=base.shape) if isinstance(arg, sp.Indexed) else sp.Symbol(name)
    defs = p.ctx.definitions
    renamed = {k: type(d)(d.lhs, as_variables(d.rhs, {f.__name__: (base, new)})) for k, d in defs.items()}
    other = [k for k, d in renamed.items() if any(a.func == f for a in d.rhs.atoms(AppliedUndef))]
    if other:
        raise p.error(f"cannot differentiate by {e} as one variable: {other[0]} applies {f.__name__} otherwise; "
                      f"define {f.__name__}", tok)
    defs.update(renamed)
    p.ctx.applied[f.__name__] = (base, new)
    p.ctx.tensors[name] = new
    written = f"{base}_{''.join(map(str, arg.indices))}" if isinstance(arg, sp.Indexed) else str(base)
    p.note(f"{f.__name__}({written}) read as one variable, {name}{written[len(str(base)):]}: {f.__name__} is defined "
           f"nowhere, so the derivative is by its value")
    return new[arg.indices] if isinstance(arg, sp.Indexed) else new


def as_variables(e, applied: dict) -> sp.Expr:
    """``e`` with each application ``f(x_k)`` recorded in ``applied`` as its variable ``f(x)_k``."""
    if not applied or not isinstance(e, sp.Basic):
        return e

    def variable(a: AppliedUndef) -> sp.Expr:
        base, new = applied[a.func.__name__]
        (arg,) = a.args
        return new[arg.indices] if isinstance(arg, sp.Indexed) and arg.base == base else new if arg == base else a

    return e.replace(lambda a: isinstance(a, AppliedUndef) and a.func.__name__ in applied and len(a.args) == 1,
                     variable)
