"""The chain-rule walk over a graph of named definitions: symbolic reverse mode.

Like a person would: each local derivative is taken with the other names held fixed and
simplified into those names (``dp_i/dz_j = p_i(delta_ij - p_j)``); then the adjoints
``dT/dq`` are accumulated from the target down to the variable, each one contracted and
simplified with the rule table before it is used further down.
"""

from __future__ import annotations

from collections.abc import Sequence

import sympy as sp

from . import derivatives, linalg, rules
from .derivation import Derivation, Graph, Note, Result, Section, Step
from .errors import DeriveError, UnknownNameError
from .matrix import matrix_form
from .tensors import Definition, index, indices_of, name_of, shape_of

# names tried, in order, for fresh indices; a name in use anywhere in the graph is skipped
_POOL = "ijklmnrstuvqgh" + "abcdefop"


class _Names:
    """Hands out index names that clash with nothing in the graph or the derivation so far."""

    def __init__(self, graph: Graph, reserved: Sequence[str] = ()):
        self.used = {str(i) for d in graph.definitions for i in _all_indices(d.rhs) | set(d.indices)}
        self.used |= {str(i) for c in graph.constraints for i in _all_indices(c.lhs)}
        self.used |= set(reserved)
        # tensor and size names are never index names: b[b] would be unreadable
        self.used |= {name_of(t) for t in graph.inputs} | {d.name for d in graph.definitions}
        self.used |= {str(s) for d in graph.definitions for s in d.rhs.free_symbols if not isinstance(s, sp.Idx)}

    def fresh(self, extent: sp.Expr, preferred: str | None = None, avoid: set[str] = frozenset()) -> sp.Idx:
        if preferred and preferred not in avoid:
            return index(preferred, extent)
        for name in _POOL:
            if name not in self.used and name not in avoid:
                self.used.add(name)
                return index(name, extent)
        n = 1
        while f"i{n}" in self.used or f"i{n}" in avoid:
            n += 1
        self.used.add(f"i{n}")
        return index(f"i{n}", extent)


def _all_indices(e: sp.Expr) -> set[sp.Idx]:
    return set(e.atoms(sp.Idx))


def _bases(e: sp.Expr) -> set[str]:
    out = {str(b.label) for b in e.atoms(sp.IndexedBase)}
    out |= {str(s) for s in e.free_symbols if isinstance(s, sp.Symbol) and not isinstance(s, sp.Dummy)}
    return out


def _element(obj: sp.Basic, idx: Sequence[sp.Idx]) -> sp.Expr:
    return obj[tuple(idx)] if isinstance(obj, sp.IndexedBase) else obj


def _instantiate(defn: Definition, idx: Sequence[sp.Idx], avoid: set[str], names: _Names) -> sp.Expr:
    """The right side of ``defn`` at indices ``idx``, its summation variables renamed away from ``avoid``."""
    rhs = defn.at(*idx)
    for s in sorted(rhs.atoms(sp.Sum), key=sp.default_sort_key):
        for lim in s.limits:
            var = lim[0]
            if str(var) in avoid:
                new = names.fresh(var.upper, avoid=avoid | {str(i) for i in _all_indices(rhs)})
                rhs = rhs.xreplace({var: new})
    return rhs


class _Walk:
    """One derivation in progress: the graph, its fresh-name supply and the steps so far."""

    def __init__(self, graph: Graph, index_names: dict[str, tuple[str, ...]], deadline: rules.Deadline | None = None):
        self.graph = graph
        self.deadline = deadline
        self.index_names = index_names
        self.steps: list[Step] = []
        self.notes: list[str] = []
        self.nodes = {d.name: d for d in graph.definitions}
        if graph.target not in self.nodes:
            raise UnknownNameError(f"target {graph.target!r} is not defined; defined names: {', '.join(self.nodes)}")

    def tensor(self, name: str) -> sp.Basic:
        if name in self.nodes:
            lhs = self.nodes[name].lhs
            return lhs.base if isinstance(lhs, sp.Indexed) else lhs
        found = self.graph.input(name)
        if found is None:
            raise UnknownNameError(f"unknown name {name!r}; known: {', '.join([*self.nodes, *map(name_of, self.graph.inputs)])}")
        return found

    def depends(self, name: str, on: str) -> bool:
        if name == on:
            return True
        d = self.nodes.get(name)
        return d is not None and any(self.depends(b, on) for b in _bases(d.rhs) if b != name)

    def local(self, consumer: str, at: Sequence[sp.Idx], var: sp.Expr, section: str, avoid: set[str],
              names: _Names) -> sp.Expr:
        """``d consumer[at] / d var`` with every other name held fixed, simplified into names."""
        defn = self.nodes[consumer]
        rhs = _instantiate(defn, at, avoid, names)
        lhs = sp.Derivative(_element(self.tensor(consumer), at), var)
        shown = _rule_form(rhs, var)
        if shown is not None:
            self.steps.append(Step(lhs, shown[0], shown[1], section))
        kinks: list[derivatives.Kink] = []
        try:
            raw = derivatives.d(rhs, var, kinks)
        except DeriveError as e:
            raise DeriveError(f"in the definition of {consumer}: {e}") from None
        self._name_kinks(consumer, kinks)
        named = linalg.rule_names(rhs, var)  # Jacobi's formula, the derivative of the inverse: said where used
        self.steps.append(Step(lhs, raw, "differentiate" + (f" ({'; '.join(named)})" if named else ""), section))
        return rules.simplify(raw, self.graph, lhs, section, self.steps, deadline=self.deadline)

    def _name_kinks(self, consumer: str, kinks: list[derivatives.Kink]) -> None:
        """Non-differentiable points are stated in the derivation, never hidden."""
        for where, used in kinks:
            if isinstance(where, sp.Eq) and where.lhs.is_number:
                where = sp.Eq(where.rhs, where.lhs, evaluate=False)  # z - 1 = 0, not 0 = z - 1
            note = Note((f"{consumer} is not differentiable where ", where, f"; there the derivation uses {used}."))
            if isinstance(where, sp.Rel) and not isinstance(where, sp.Eq):
                note = Note((f"{consumer} is defined by cases (", where, f"); on the boundary the derivation uses {used}."))
            if note not in self.notes:
                self.notes.append(note)

    def adjoint(self, target_elem: sp.Expr, q: str, q_idx: Sequence[sp.Idx], adjoints: dict, names: _Names,
                direct_only: bool = False) -> sp.Expr:
        """``d target / d q[q_idx]`` from the adjoints of q's consumers (the chain rule)."""
        var = _element(self.tensor(q), q_idx)
        lhs = sp.Derivative(target_elem, var)
        section = _section(q)
        avoid = {str(i) for i in q_idx} | {str(i) for i in indices_of(target_elem)}
        target = self.graph.target
        total = sp.Integer(0)
        chain_shown = sp.Integer(0)
        consumers = [d.name for d in self.graph.definitions
                     if q in _bases(d.rhs) and d.name != q and (d.name == target or d.name in adjoints)]
        if not consumers:
            raise DeriveError(f"{target} does not depend on {q}")
        for r in consumers:
            if r == target:
                total += self.local(r, indices_of(target_elem), var, section, avoid, names)
                chain_shown += sp.Derivative(target_elem, var)
                continue
            adj_r, r_idx = adjoints[r]
            # sum over the consumer's own index names when they are free here, else fresh ones
            dummies = [i if str(i) not in avoid else names.fresh(i.upper, avoid=avoid) for i in r_idx]
            avoid |= {str(i) for i in dummies}
            adj_here = _bound_apart(adj_r.xreplace(dict(zip(r_idx, dummies))), avoid, names)
            local = self.local(r, dummies, var, section, avoid, names)
            term = adj_here * local
            shown = sp.Derivative(target_elem, _element(self.tensor(r), dummies)) * sp.Derivative(
                _element(self.tensor(r), dummies), var)
            for d in dummies:
                term = sp.Sum(term, (d, 1, d.upper))
                shown = sp.Sum(shown, (d, 1, d.upper))
            total += term
            chain_shown += shown
        if len(consumers) > 1 or consumers[0] != target:
            self.steps.append(Step(lhs, chain_shown, "chain rule", section))
            self.steps.append(Step(lhs, total, "insert the local derivatives", section))
            total = rules.simplify(total, self.graph, lhs, section, self.steps, deadline=self.deadline)
            tidied = rules.tidy(total, self.graph, self.deadline)
            if tidied != total and sp.count_ops(tidied) < sp.count_ops(total):
                # collected before it is used further down the chain: shorter lines there
                self.steps.append(Step(lhs, tidied, "collect terms", section))
                total = tidied
        return total


def _bound_apart(e: sp.Expr, avoid: set[str], names: _Names) -> sp.Expr:
    """``e`` with summation indices named in ``avoid`` renamed: the adjoint of a scalar node (``Sum_j v_j x_j``)
    multiplied by a local derivative with a free ``x_j`` must not let collecting terms capture that ``x_j``."""
    clash = sorted({lim[0] for s in e.atoms(sp.Sum) for lim in s.limits if str(lim[0]) in avoid}, key=str)
    for var in clash:
        e = e.xreplace({var: names.fresh(var.upper, avoid=avoid | {str(i) for i in _all_indices(e)})})
    return e


def _section(name: str) -> Section:
    """The heading of the steps that differentiate by ``name``."""
    return Section(sp.Symbol(name))


def _has(e: sp.Expr, var: sp.Expr) -> bool:
    """Whether ``e`` can depend on ``var`` (any element of its tensor counts)."""
    return e.has(var.base) if isinstance(var, sp.Indexed) else e.has(var)


def _rule_form(rhs: sp.Expr, var: sp.Expr) -> tuple[sp.Expr, str] | None:
    """The first, rule-level step of a local derivative, with the derivatives left unevaluated."""
    num, den = sp.fraction(rhs) if rhs.is_Mul or rhs.is_Pow else (rhs, sp.Integer(1))
    if den != 1 and _has(den, var) and _has(num, var):
        d = sp.Derivative
        return ((d(num, var) * den - num * d(den, var)) / den**2, "quotient rule")
    if isinstance(rhs, sp.Mul):
        coeff, rest = rhs.as_independent(var.base if isinstance(var, sp.Indexed) else var, as_Add=False)
        if coeff != 1 and rest != 1:
            return coeff * sp.Derivative(rest, var), "constant factor rule"
    if isinstance(rhs, sp.Add):
        return sp.Add(*[sp.Derivative(a, var) for a in rhs.args if _has(a, var)]), "sum rule"
    return None


def _matrix_form(result: Result, graph: Graph) -> str | None:
    return matrix_form(result.expr, result.free_indices, graph)


def _cases(expr: sp.Expr, free: Sequence[sp.Idx], graph: Graph) -> tuple[tuple[sp.Basic, sp.Expr], ...]:
    deltas = [d for d in expr.atoms(sp.KroneckerDelta) if set(d.args) <= set(free)]
    if len(deltas) != 1:
        return ()
    i, j = deltas[0].args
    same = rules.tidy(sp.sympify(expr.xreplace({j: i})), graph)
    apart = rules.tidy(sp.sympify(expr.xreplace({deltas[0]: sp.Integer(0)})), graph)
    return ((sp.Eq(i, j), same), (sp.Ne(i, j), apart))


def _check_order(graph: Graph) -> None:
    """Each definition may use only earlier ones (a definition in terms of itself is no equation to solve)."""
    for k, d in enumerate(graph.definitions):
        later = {e.name for e in graph.definitions[k:]} & _bases(d.rhs)
        if later:
            used = min(later)
            what = "itself" if used == d.name else f"{used}, which is defined after it"
            raise DeriveError(f"{d.name} is defined in terms of {what}: order the definitions so each uses earlier ones")


def _tick(deadline: rules.Deadline | None) -> None:
    if deadline is not None:
        deadline.check()


def _derive_one(walk: _Walk, names: _Names, w: str, preferred: Sequence[str],
                adjoints: dict[str, tuple[sp.Expr, tuple[sp.Idx, ...]]], deadline: rules.Deadline | None) -> Result:
    """The derivative of the target by ``w``: the adjoints on the way down (shared between variables), then tidy."""
    graph, target_name = walk.graph, walk.graph.target
    target_elem = walk.nodes[target_name].lhs
    base = walk.tensor(w)
    if w in walk.nodes:
        raise DeriveError(f"{w} is defined in terms of other names; differentiate with respect to an input")
    if not walk.depends(target_name, w):
        raise DeriveError(f"{target_name} does not depend on {w}")
    target_indices = {str(t) for t in indices_of(target_elem)}
    # adjoints of every defined node between the target and w, from the target down;
    # shared between the variables (the seed's w and b both need dL/dz)
    for d in reversed(graph.definitions):
        if d.name == target_name or d.name in adjoints or not walk.depends(d.name, w) \
                or not walk.depends(target_name, d.name):
            continue
        _tick(deadline)
        q_idx = tuple(names.fresh(i.upper, preferred=str(i), avoid=target_indices) for i in d.indices)
        adjoints[d.name] = (walk.adjoint(target_elem, d.name, q_idx, adjoints, names), q_idx)
    w_idx = tuple(names.fresh(ext, preferred=preferred[k] if k < len(preferred) else None, avoid=target_indices)
                  for k, ext in enumerate(shape_of(base)))
    expr = walk.adjoint(target_elem, w, w_idx, adjoints, names)
    var = _element(base, w_idx)
    _tick(deadline)
    final = rules.tidy(expr, graph, deadline)
    _tick(deadline)
    if final != expr:
        walk.steps.append(Step(sp.Derivative(target_elem, var), final, "collect terms", _section(w)))
    plain = Result(w, target_elem, var, final)
    return Result(w, target_elem, var, final, _cases(final, plain.free_indices, graph), _matrix_form(plain, graph))


def derive_graph(graph: Graph, wrt: Sequence[str], name: str = "", title: str = "",
                 index_names: dict[str, tuple[str, ...]] | None = None, timeout: float | None = None) -> Derivation:
    """Differentiate ``graph.target`` with respect to each name in ``wrt``, step by step.

    With ``timeout`` (seconds) a derivation that runs longer stops with ``DeriveError`` (checked
    between rules and steps, so it can overrun by one rule's time).
    """
    index_names = dict(index_names or {})
    _check_order(graph)
    deadline = None if timeout is None else rules.Deadline(timeout, f"deriving {name or graph.target}")
    walk = _Walk(graph, index_names, deadline)
    names = _Names(graph, [n for ns in index_names.values() for n in ns])
    adjoints: dict[str, tuple[sp.Expr, tuple[sp.Idx, ...]]] = {}
    results = [_derive_one(walk, names, w, index_names.get(w, ()), adjoints, deadline) for w in wrt]
    return Derivation(name or graph.target, title or f"Derivative of {graph.target}", graph, walk.steps, results,
                      walk.notes)


def hessian(d: Derivation, wrt: str) -> Derivation:
    """Second derivatives: the gradient ``dL/dw`` becomes a named node and is differentiated again.

    ``dL/dz_j = p_j - y_j`` differentiated by ``z_k`` goes through the softmax Jacobian, so
    the cross-entropy Hessian is ``p_j(delta_jk - p_k)``: the derivation says when a Hessian
    equals a Jacobian it derived along the way.
    """
    first, used = _scalar_gradient(d, wrt, "a Hessian")
    free = first.free_indices
    label = _unused(("g", "G", "h", "H", f"g_{wrt}"), used)
    g = _array(label, free)
    node = Definition(g[free] if free else g, first.expr)
    graph = Graph(d.graph.definitions + (node,), d.graph.inputs, label, d.graph.constraints, d.graph.domains)
    taken = tuple(str(i) for i in free)
    name, title = f"{d.name}-hessian-{wrt}", f"{d.title}: second derivatives by {wrt}"
    if not _Walk(graph, {}).depends(label, wrt):
        return _zero(graph, wrt, name, title, _next_names(taken, len(shape_of(graph.input(wrt)))),
                     f"{label} = ∂{d.graph.target}/∂{wrt} does not depend on {wrt}: the second derivatives are 0.")
    second = derive_graph(graph, [wrt], name, title, {wrt: tuple(_next_names(taken, len(free)))} if free else None)
    second.notes.insert(0, f"{label} denotes the gradient ∂{d.graph.target}/∂{wrt} derived above.")
    for step in second.steps:  # a Hessian equal to a local Jacobian of the walk: say so
        r = second.results[0]
        if isinstance(step.lhs, sp.Derivative) and step.lhs.variables == (r.var,) and step.lhs.expr != r.of:
            same = step.lhs.expr
            renamed = r.expr.xreplace(dict(zip(indices_of(r.of), indices_of(same))))
            if sp.expand(renamed - step.rhs) == 0:
                second.notes.append(f"The Hessian equals the Jacobian ∂{name_of(same)}/∂{wrt} derived in the walk.")
                break
    return second


def hvp(d: Derivation, wrt: str) -> Derivation:
    """The Hessian-vector product ``H v`` as ``d(g . v)/dw`` with ``g = dL/dw``: the engine
    contracts ``v`` into the second derivative, so the compiled product never builds H
    (for cross-entropy: ``p_k v_k - p_k sum_j p_j v_j``, O(N) instead of N x N)."""
    first, used = _scalar_gradient(d, wrt, "a Hessian-vector product")
    free = first.free_indices
    g_name, v_name = _unused(("g", "G", f"g_{wrt}"), used), _unused(("v", "V", f"v_{wrt}"), used)
    s_name = _unused(("s", "S", "s_hvp"), used)
    g, v = _array(g_name, free), _array(v_name, free)
    # the dot product sums over index names of its own, apart from the result's
    names = _Names(d.graph, [str(i) for i in free] + [str(i) for i in _all_indices(first.expr)])
    bound = tuple(names.fresh(i.upper) for i in free)
    dot = g[bound] * v[bound] if free else g * v
    for i in bound:
        dot = sp.Sum(dot, (i, 1, i.upper))
    nodes = (Definition(g[free] if free else g, first.expr), Definition(sp.Symbol(s_name), dot))
    graph = Graph(d.graph.definitions + nodes, d.graph.inputs + (v,), s_name, d.graph.constraints, d.graph.domains)
    name, title = f"{d.name}-hvp-{wrt}", f"{d.title}: Hessian-vector product by {wrt}"
    if not _Walk(graph, {}).depends(g_name, wrt):
        return _zero(graph, wrt, name, title, [str(i) for i in free],
                     f"{g_name} = ∂{d.graph.target}/∂{wrt} does not depend on {wrt}: H = 0 and H {v_name} = 0.")
    out = derive_graph(graph, [wrt], name, title, {wrt: tuple(str(i) for i in free)} if free else None)
    out.notes.insert(0, f"{g_name} denotes the gradient ∂{d.graph.target}/∂{wrt}; ∂{s_name}/∂{wrt} = H {v_name} "
                        "because the Hessian is symmetric.")
    return out


def _scalar_gradient(d: Derivation, wrt: str, what: str) -> tuple[Result, set[str]]:
    """The gradient of ``d``'s scalar target by ``wrt``, and the names the graph uses; DeriveError for an array target."""
    first = d.result(wrt)
    if isinstance(first.of, sp.Indexed):
        raise DeriveError(f"{first.of} is not a scalar: {what} needs a scalar target")
    return first, {name_of(t) for t in d.graph.inputs} | set(d.graph.names)


def _unused(choices: Sequence[str], used: set[str]) -> str:
    return next(n for n in choices if n not in used)


def _array(name: str, free: Sequence[sp.Idx]) -> sp.Basic:
    """A tensor over the ranges of ``free`` (a scalar when there are none)."""
    return sp.IndexedBase(name, shape=tuple(i.upper for i in free)) if free else sp.Symbol(name)


def _zero(graph: Graph, wrt: str, name: str, title: str, var_names: Sequence[str], note: str) -> Derivation:
    """A second derivative that is exactly 0 because the gradient does not depend on ``wrt``: derived, and said."""
    base = graph.input(wrt)
    shape = shape_of(base)
    var = _element(base, [index(n, e) for n, e in zip(var_names, shape)])
    of = graph.definition(graph.target).lhs
    step = Step(sp.Derivative(of, var), sp.Integer(0), f"{graph.target} does not depend on {wrt}", _section(wrt))
    return Derivation(name, title, graph, [step], [Result(wrt, of, var, sp.Integer(0))], [note])


def _next_names(taken: Sequence[str], count: int) -> list[str]:
    order = "ijklmnrstuv"
    out = []
    for name in order[order.index(taken[-1]) + 1:] if taken and taken[-1] in order else order:
        if name not in taken and len(out) < count:
            out.append(name)
    return out
