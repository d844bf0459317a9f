"""Folding subexpressions back into the names the definitions give them (``e^{a_i}/sum_k e^{a_k} = p_i``)."""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

from ..derivation import Graph
from ..tensors import Definition
from .terms import Rewrite, _expand, _tidy_rational


def _kernels(defn: Definition) -> list[sp.Expr]:
    """Subexpressions of a definition worth folding back: exponentials of its own indices."""
    own = set(defn.indices)
    out = []
    for e in sp.preorder_traversal(defn.rhs):
        if isinstance(e, sp.exp) and (not own or own <= e.free_symbols) and not _inside_sum_over(defn.rhs, e):
            out.append(e)
    return out


def _inside_sum_over(root: sp.Expr, target: sp.Expr) -> bool:
    for s in root.atoms(sp.Sum):
        if s.function.has(target):
            return True
    return False


@lru_cache(maxsize=256)
def _inverses(defn: Definition) -> tuple[tuple[sp.Expr, sp.Expr], ...]:
    """``(kernel, kernel written in the defined name)`` pairs: ``e^{a_i} = p_i sum_k e^{a_k}``.

    The definition is solved for each kernel when it enters linearly after clearing
    denominators; SymPy's ``solve`` is avoided, it calls ``simplify`` and is slow.
    """
    out = []
    for kernel in _kernels(defn):
        u = sp.Dummy("u")
        rhs = defn.rhs.xreplace({kernel: u})
        factor = rhs / u
        if not factor.has(u):  # q = u c, the common case (softmax): u = q / c without clearing denominators
            out.append((kernel, defn.lhs / factor))
            continue
        num = sp.expand(sp.fraction(sp.together(defn.lhs - rhs))[0])
        a, b = num.coeff(u, 1), num.coeff(u, 0)
        if a == 0 or a.has(u) or b.has(u) or sp.expand(num - a * u - b) != 0:
            continue
        out.append((kernel, sp.cancel(-b / a)))
    return tuple(out)


def _fold_one(expr: sp.Expr, defn: Definition) -> sp.Expr | None:
    """Write ``expr`` in terms of the name ``defn`` defines, by solving the definition for a kernel."""
    own = list(defn.indices)
    wilds = [sp.Wild(f"w_{i}") for i in own]
    to_wild = dict(zip(own, wilds))
    # sums are compared up to the names of their summation variables: a derivation may
    # have renamed k to l to keep k free
    present = {_canonical(t): t for t in expr.atoms(sp.Sum)} if expr.has(sp.exp) else {}
    guards = [_canonical(t).xreplace(to_wild) for t in defn.rhs.atoms(sp.Sum)]
    for kernel, inverse in _inverses(defn) if expr.has(sp.exp) else ():
        # e^{c u} for an integer c is the kernel e^{u} to the power c (e^{-z}, e^{2z})
        power = sp.Wild("power", properties=[lambda c: c.is_Integer and c != 0])
        pattern = power * kernel.xreplace(to_wild).args[0]
        hits = 0

        def walk(e: sp.Expr, pattern=pattern, inverse=inverse, power=power) -> sp.Expr:
            nonlocal hits
            if isinstance(e, sp.Sum) and any(_canonical(e).match(g) is not None for g in guards):
                return e
            if isinstance(e, sp.exp):
                m = e.args[0].match(pattern)
                if m is not None and all(w in m for w in wilds):
                    hits += 1
                    inst = inverse.xreplace({w0: m[w] for w0, w in zip(own, wilds)})
                    inst = inst.xreplace({t: present.get(_canonical(t), t) for t in inst.atoms(sp.Sum)})
                    return inst ** m[power]
            if not e.args or isinstance(e, (sp.Indexed, sp.Idx)):
                return e
            return e.func(*[walk(a) for a in e.args])

        new = walk(expr)
        if not hits:
            continue
        new = _tidy_rational(new)
        if sp.count_ops(new) <= sp.count_ops(expr) + 2 and not any(new.has(k) for k in _kernel_bases(kernel)):
            return new
    # a scalar definition whose right side appears verbatim, up to the names of
    # summation variables (e.g. sqrt(sum_n r_n^2) = L)
    if not own and not defn.rhs.is_Atom:
        own_sums = {_canonical(s): s for s in defn.rhs.atoms(sp.Sum)}
        renamed = expr.xreplace({s: own_sums[_canonical(s)] for s in expr.atoms(sp.Sum) if _canonical(s) in own_sums})
        new = renamed.subs(defn.rhs, defn.lhs)
        if new != renamed:
            return new
    return None


@lru_cache(maxsize=4096)
def _canonical(s: sp.Sum) -> sp.Expr:
    """A sum with its summation variables renamed by position, to compare sums up to renaming."""
    out = s
    for pos, lim in enumerate(s.limits):
        var = lim[0]
        out = out.xreplace({var: sp.Idx(sp.Symbol(f"_bound{pos}", integer=True), (var.lower, var.upper))})
    return out


def _kernel_bases(kernel: sp.Expr) -> list[sp.Expr]:
    return [] if kernel.atoms(sp.Indexed) else [kernel]


@lru_cache(maxsize=256)
def _patterns(defn: Definition) -> tuple[tuple[sp.Expr, sp.Expr, sp.Expr], ...]:
    """``(pattern, power, name)`` triples of an indexed definition, its own indices as wilds: a match of
    ``pattern ** power`` is the name. The right side itself; a factor it is linear in
    (``x̂ = (x - μ)/sqrt(v + ε)`` gives ``x - μ = x̂ sqrt(v + ε)``, ``μ = sum x/N`` gives ``sum x = N μ``);
    the base of a root (``r = sqrt(s)`` gives ``s^p = r^{2p}``)."""
    own = defn.indices
    if defn.rhs.is_Atom or isinstance(defn.rhs, sp.Indexed):
        return ()
    to_wild = {i: sp.Wild(f"w_{i}") for i in own}

    def wild(e: sp.Expr) -> sp.Expr:
        return e.xreplace({t: _canonical(t) for t in e.atoms(sp.Sum)}).xreplace(to_wild)

    # a product or sum of bare names (y = x s) is no shorter folded: it would only hide the names
    bare = all(isinstance(a, (sp.Indexed, sp.Symbol, sp.Number)) for a in sp.preorder_traversal(defn.rhs)
               if not isinstance(a, (sp.Mul, sp.Add, sp.Idx, sp.IndexedBase, sp.Tuple)))
    # a scalar name folds back only where it is a sum times a constant (a mean, sum x = N μ): its right side
    # itself is matched verbatim by _fold_one
    out = [] if bare or not own else [(wild(defn.rhs), sp.Integer(1), wild(defn.lhs))]
    if isinstance(defn.rhs, sp.Mul):
        for factor in defn.rhs.args:
            rest = defn.rhs / factor
            # solving for the factor divides by the rest: only when the rest cannot vanish (1/N, 1/sqrt(v + ε))
            if isinstance(factor, sp.Sum if not own else (sp.Add, sp.Sum)) and \
                    all(_never_zero(f) for f in sp.Mul.make_args(rest)):
                out.append((wild(factor), sp.Integer(1), wild(defn.lhs / rest)))
    # only a root (r = s^{1/n}) gives its base back as a power (s = r^n); r = s^2 does not give s = sqrt(r)
    if own and isinstance(defn.rhs, sp.Pow) and defn.rhs.exp.is_Rational and (1 / defn.rhs.exp).is_integer and \
            isinstance(defn.rhs.base, (sp.Add, sp.Sum)):
        out.append((wild(defn.rhs.base), 1 / defn.rhs.exp, wild(defn.lhs)))
    return tuple(out)


def _never_zero(factor: sp.Expr) -> bool:
    """A number, a positive symbol (a size) or a reciprocal power: dividing by it is always defined."""
    return bool(factor.is_number and factor != 0) or bool(factor.is_positive) or (
        isinstance(factor, sp.Pow) and bool(factor.exp.is_negative))


def _match(e: sp.Expr, pattern: sp.Expr, own: tuple[sp.Idx, ...]) -> dict | None:
    """The index bindings under which ``e`` (sums compared up to renaming) is ``pattern``; ``None`` if it is not."""
    found = e.xreplace({t: _canonical(t) for t in e.atoms(sp.Sum)}).match(pattern)
    if found is None or len(found) != len(own):
        return None
    named = {str(w.name).removeprefix("w_"): v for w, v in found.items()}
    ok = all(isinstance(named.get(str(i)), sp.Idx) and named[str(i)].upper == i.upper for i in own)
    return named if ok else None


def _fold_indexed(expr: sp.Expr, defn: Definition) -> sp.Expr | None:
    """Write ``expr`` in the name an indexed definition gives: ``(x_ij - μ_j)`` as ``x̂_ij sqrt(v_j + ε)``."""
    own = defn.indices
    hits = 0
    present = expr.atoms(sp.IndexedBase)
    for pattern, power, name in _patterns(defn):
        if not pattern.atoms(sp.IndexedBase) <= present:
            continue

        def name_at(found: dict, name: sp.Expr = name) -> sp.Expr:
            back = {w: found[str(w.name).removeprefix("w_")] for w in name.atoms(sp.Wild)}
            out = name.xreplace(back)
            return out.xreplace({t: _renamed(t, expr) for t in out.atoms(sp.Sum)})

        def walk(e: sp.Expr, pattern: sp.Expr = pattern, power: sp.Expr = power, name_at=name_at) -> sp.Expr:
            nonlocal hits
            base, exp = (e.base, e.exp) if isinstance(e, sp.Pow) and power != 1 else (e, sp.Integer(1))
            if base.func == pattern.func:
                candidates = [(sp.Integer(1), base)]
                if isinstance(base, sp.Add):
                    coeff, primitive = base.primitive()
                    candidates += [(coeff, primitive), (-coeff, -primitive)]
                for coeff, body in candidates:
                    found = _match(body, pattern, own)
                    if found is not None and (power == 1 or coeff == 1 or exp.is_integer or coeff.is_positive):
                        hits += 1
                        return (coeff * name_at(found)) ** exp if power == 1 else \
                            coeff ** exp * name_at(found) ** (exp * power)
            if not e.args or isinstance(e, (sp.Indexed, sp.Idx)):
                return e
            return e.func(*[walk(a) for a in e.args])

        new = walk(expr)
        if hits:
            return new
    return None


def _renamed(s: sp.Sum, expr: sp.Expr) -> sp.Sum:
    """``s`` spelled with the summation variables of an equal sum already in ``expr``, if there is one."""
    for t in sorted(expr.atoms(sp.Sum), key=sp.default_sort_key):  # the same choice under every hash seed
        if _canonical(t) == _canonical(s):
            return t
    return s


def fold_definitions(expr: sp.Expr, graph: Graph) -> Rewrite:
    """Fold subexpressions back into the names they define (``e^{a_i}/sum_k e^{a_k} -> p_i``)."""
    for defn in graph.definitions:
        new = _fold_one(expr, defn)
        if new is None:
            new = _fold_indexed(expr, defn)
        if new is not None and new != expr:
            return _expand(new), "substitute the definition", sp.Eq(defn.lhs, defn.rhs, evaluate=False)
    return None
