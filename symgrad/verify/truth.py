"""The derivative a claim is compared with: the engine's result, or ``sympy.diff`` on the inlined definitions
when the engine cannot give it; also the value of derivatives written inside a claim."""

from __future__ import annotations

from typing import Any

import sympy as sp

from ..tensors import Node, name_of
from .printing import _text
from .problem import _inline, _is_abstract, _names_in, _Problem, _rename_bound
from .verdict import VerifyError


def _engine_truth(problem: _Problem, timeout: float | None = None) -> sp.Expr:
    """The engine's result for d of / d var, written in the claim's index names (``DeriveError`` past ``timeout``)."""
    from ..graph import derive_graph

    graph = problem.graph()
    w = name_of(problem.var)
    var_idx = tuple(problem.var.indices) if isinstance(problem.var, sp.Indexed) else ()
    derivation = derive_graph(graph, [w], index_names={w: tuple(str(i) for i in var_idx)}, timeout=timeout)
    result = derivation.results[0]
    return _align(result.expr, result.of, result.var, problem)


def _align(expr: sp.Expr, of: Node, var: Node, problem: _Problem) -> sp.Expr:
    """Rename the free indices of a result for ``of``/``var`` to the problem's own index objects."""
    src = (tuple(of.indices) if isinstance(of, sp.Indexed) else ()) + (
        tuple(var.indices) if isinstance(var, sp.Indexed) else ())
    dst = (tuple(problem.of.indices) if isinstance(problem.of, sp.Indexed) else ()) + (
        tuple(problem.var.indices) if isinstance(problem.var, sp.Indexed) else ())
    mapping = {s: d for s, d in zip(src, dst) if s != d}
    if not mapping:
        return expr
    avoid = {str(d) for d in dst} | {str(s) for s in src}
    return _rename_bound(expr, avoid).xreplace(mapping)


def _differentiate(expr: sp.Expr, var: Node, problem: _Problem) -> sp.Expr:
    """d expr / d var with every definition inlined: the check on the engine, and the value of inline
    derivative members such as ``\\frac{\\partial}{\\partial a_j} \\frac{e^{a_i}}{\\sum_k e^{a_k}}``.

    Taken with the engine's rules for real variables (``symgrad.derivatives.d``: d|z|/dz = sign(z)); ``sympy.diff``
    only for what they refuse, since it treats a plain Symbol as complex (d|z|/dz is left as Derivative(im(z), z))."""
    from .. import rules
    from ..derivatives import d
    from ..errors import DeriveError

    graph = problem.graph()
    inlined = _inline(expr, problem.definitions, keep=name_of(var))
    try:
        raw = d(inlined, var)
    except DeriveError:
        raw = _model_derivatives(sp.diff(inlined, var), var)
    return rules.simplify(raw, graph, rules=tuple(r for r in rules.SIMPLIFY if r.name in ("expand", "contract")))


def _evaluate_derivatives(e: sp.Expr, problem: _Problem, notes: list[str] | None = None) -> sp.Expr:
    """``e`` with each derivative written inside it (``2 \\frac{d}{dz} \\frac{z^2}{2}``) replaced by its value; those of
    abstract functions stay, evaluated as uninterpreted values. A member that also differentiates by a defined name
    (the chain rule: ``\\frac{\\partial f}{\\partial x} + \\frac{dy}{dx} \\frac{\\partial f}{\\partial y}`` with ``y = A x``)
    writes partials: its other derivatives hold those names fixed, and ``notes`` says so."""
    held = _chain_intermediates(e, problem)
    hits: dict[sp.Basic, sp.Expr] = {}
    for node in e.atoms(sp.Derivative):
        if _is_abstract(node):
            continue
        fixed = held - {name_of(v) for v, _ in node.variable_count}
        if isinstance(node.expr, (sp.Symbol, sp.Indexed)) and name_of(node.expr) in held:
            fixed = set()  # dy/dx itself: y is what is differentiated, through its definition
        value = _derivative_value(node, _holding(problem, fixed), notes)
        if fixed and value != _derivative_value(node, problem) and notes is not None:
            names = ", ".join(sorted(fixed))
            notes.append(f"{_text(node)} read as a partial derivative with {names} held fixed: the same member "
                         f"differentiates by {names} (the chain rule)")
        hits[node] = value
    return e.xreplace(hits) if hits else e


def _chain_intermediates(e: sp.Expr, problem: _Problem) -> set[str]:
    """The defined names (not the variable) that a derivative inside ``e`` differentiates by."""
    defined = {d.name for d in problem.definitions} - {name_of(problem.var)}
    return {name_of(v) for node in e.atoms(sp.Derivative) if not _is_abstract(node)
            for v, _ in node.variable_count if name_of(v) in defined}


def _holding(problem: _Problem, fixed: set[str]) -> _Problem:
    """The problem with the names ``fixed`` taken as inputs (their definitions left out)."""
    if not fixed:
        return problem
    return _Problem(tuple(d for d in problem.definitions if d.name not in fixed), problem.of, problem.var,
                    problem.constraints, problem.assumptions)


def _derivative_value(node: sp.Derivative, problem: _Problem, notes: list[str] | None = None) -> sp.Expr:
    value = node.expr
    for v, count in node.variable_count:
        value = _through(value, v, problem, notes)
        _refuse_unused_intermediate(value, v, problem)
        for _ in range(int(count)):
            value = _differentiate(value, v, problem)
    return value


def _refuse_unused_intermediate(value: sp.Expr, v: Node, problem: _Problem) -> None:
    """Refuse a written derivative by a defined name that what it differentiates never uses: \\frac{\\partial L}
    {\\partial o_i} with o_i = W_i x + b_i defined but p written with W_j x + b_j itself. Read so it would be 0 (a right
    chain judged wrong); the page means the chain through the body the definitions wrote out."""
    name = name_of(v)
    if name == name_of(problem.var) or not any(d.name == name for d in problem.definitions):
        return
    if isinstance(value, (sp.Symbol, sp.Indexed)) and name_of(value) == name:
        return
    inlined = _inline(value, problem.definitions, keep=name)
    if not inlined.free_symbols or any(name_of(t) == name for t in inlined.atoms(sp.Symbol, sp.Indexed)):
        return
    raise VerifyError(f"{_text(sp.Derivative(value, v))}: {_text(value)} does not use {name} as defined (its definitions "
                      f"write {name}'s body out instead), so read as written this derivative would be 0; define "
                      f"{_text(value)} through {name}, or differentiate by what {name} is made of")


def _through(value: sp.Expr, v: Node, problem: _Problem, notes: list[str] | None) -> sp.Expr:
    """``value`` written as a function of the defined scalar ``v`` where its definitions never use ``v`` but hold
    ``v``'s body whole: the chain rule's ``\\frac{dg}{du} \\frac{du}{dz}`` with ``g(z) = \\frac{1}{1 + e^{-z}}`` and
    ``u = 1 + e^{-z}`` means g = 1/u. Only where ``v`` then stands for every use of what it depends on (g a function
    of u alone); otherwise ``value`` is unchanged (dg/du is 0 as read, and the link says so)."""
    definition = next((d for d in problem.definitions if d.name == name_of(v)), None)
    if definition is not None and isinstance(v, sp.Indexed) and len(definition.indices) == len(v.indices) == 1:
        return _through_entries(value, v, definition, problem, notes)
    if definition is None or definition.indices or not isinstance(v, sp.Symbol):
        return value
    inlined = _inline(value, problem.definitions, keep=v.name)
    body = _inline(definition.rhs, problem.definitions, keep=v.name)
    if inlined.has(v) or body.has(v) or not body.free_symbols:
        return value
    swapped = inlined.subs(body, v)
    if not swapped.has(v) or swapped.free_symbols & body.free_symbols:
        return value
    if notes is not None:
        notes.append(f"{_text(value)} read as a function of {_text(v)}: {_text(swapped)}, by {_text(v)}'s definition "
                     f"{_text(definition.rhs)} (the chain rule differentiates by {_text(v)})")
    return swapped


def _through_entries(value: sp.Expr, v: sp.Indexed, definition: Any, problem: _Problem,
                     notes: list[str] | None) -> sp.Expr:
    """``_through`` for a defined vector: \\frac{\\partial L}{\\partial o_i} with o_i = W_i x + b_i, where L's definitions
    write W_j x + b_j (and W_k x + b_k under a sum) for o_j: each entry of o's body, at any index the value uses, is
    o at that index. Only where no name of the body is left (L a function of o alone); otherwise unchanged."""
    name = name_of(v)
    inlined = _inline(value, problem.definitions, keep=name)
    body = _inline(definition.rhs, problem.definitions, keep=name)
    if name in _names_in(inlined) or name in _names_in(body) or not _names_in(body):
        return value
    (index,) = definition.indices
    swapped = inlined
    for at in sorted(inlined.atoms(sp.Idx), key=str):
        swapped = swapped.xreplace({body.xreplace({index: at}): v.base[at]})  # subs keeps out of sums
    if name not in _names_in(swapped) or _names_in(swapped) & _names_in(body):
        return value
    if notes is not None:
        notes.append(f"{_text(value)} read as a function of {name}: {_text(swapped)}, by {_text(v)}'s definition "
                     f"{_text(definition.rhs)} (the chain rule differentiates by {_text(v)})")
    return swapped


def _model_derivatives(e: sp.Expr, var: Node) -> sp.Expr:
    """``sympy.diff`` writes d f(x, w)/d w_j for an abstract f of a whole tensor w as
    ``Derivative(w, w_j) * Subs(Derivative(f(x, u), u), u, w)``; in index notation that is ``Derivative(f(x, w), w_j)``."""
    if not isinstance(var, sp.Indexed):
        return e
    base = var.base
    hits: dict[sp.Basic, sp.Expr] = {sp.Derivative(base, var): sp.Integer(1)}
    for s in e.atoms(sp.Subs):
        if s.point == (base,) and isinstance(s.expr, sp.Derivative) and s.expr.variables == s.variables:
            hits[s] = sp.Derivative(s.expr.expr.xreplace({s.variables[0]: base}), var)
    return e.xreplace(hits)


def _truth(problem: _Problem, timeout: float | None = None) -> tuple[sp.Expr, str]:
    """The derivative, from the engine; from ``sympy.diff`` on the inlined definitions when the engine fails
    or does not finish within ``timeout``."""
    defs = {d.name: d for d in problem.definitions}
    target = defs.get(name_of(problem.of))
    if target is None:
        raise VerifyError(f"{name_of(problem.of)} is not defined: give its definition with --define")
    if name_of(problem.of) == name_of(problem.var):
        return _identity(problem.of, problem.var), ""
    try:
        return _engine_truth(problem, timeout), ""
    except Exception as exc:  # noqa: BLE001 - whatever stops the engine, sympy.diff still gives the truth
        note = f"the engine could not derive it ({type(exc).__name__}: {exc}); the derivative was taken with sympy.diff"
        independent = "does not depend on" in str(exc)

    of_expr = target.at(*problem.of.indices) if isinstance(problem.of, sp.Indexed) else target.rhs
    value = _differentiate(of_expr, problem.var, problem)
    if independent and sp.sympify(value).doit() == 0:
        raise VerifyError(_independent(problem))
    return value, note


def _independent(problem: _Problem) -> str:
    """The refusal for a derivative that is 0 only because the variable enters nothing the definitions compute:
    on a page that differentiates by it, that is a reading that lost how it enters, not a derivative of 0."""
    of, var = name_of(problem.of), name_of(problem.var)
    return (f"{of} does not depend on {var} as read: {var} enters none of the definitions {of} is computed from, "
            f"so the derivative would be 0; define how {of} depends on {var} (or, for a name no definition gives, "
            f"such as a loss of y, state its gradient: \\frac{{\\partial {of}}}{{\\partial y}} = g)")


def _identity(of: Node, var: Node) -> sp.Expr:
    """d x / d x = 1, and d x_ij / d x_kl = delta_ik delta_jl: the engine's graph has no x of x (it gave 0)."""
    src = tuple(of.indices) if isinstance(of, sp.Indexed) else ()
    dst = tuple(var.indices) if isinstance(var, sp.Indexed) else ()
    if len(src) != len(dst):
        raise VerifyError(f"the derivative of {of} by {var}: the two need the same number of indices")
    return sp.Mul(*(sp.KroneckerDelta(a, b) for a, b in zip(src, dst)))
