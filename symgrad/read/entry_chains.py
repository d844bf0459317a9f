"""A chain that goes from a matrix derivative to its entry: ``\\frac{\\partial}{\\partial X} \\tr(XA) = \\frac{\\partial
(X_{ij} A_{ji})}{\\partial X_{kl}} = \\dots = A_{lk} = A^T``. The member differentiating by the entry ``X_{kl}`` of the
head's variable writes entry (k, l) of the head: the page's k and l are the head's two axes, in the order the entry
names them, in that member and in each member after it that writes an entry with the same free indices (``A_{lk}``),
until a member written as a matrix again (``A^T``). Noted. A member whose free indices are not exactly those of the
entry it follows is left as written (judged as it reads)."""

from __future__ import annotations

import dataclasses

import sympy as sp

from .context import DerivativeOf, Member


def _parts(m: Member) -> tuple[sp.Expr, ...]:
    return (m.value.of, m.value.var) if isinstance(m.value, DerivativeOf) else (m.value,)


def _free(m: Member) -> set[sp.Idx]:
    """The member's free indices: those written in it less those a sum binds (a derivative's too: dX_ij/dX_kl)."""
    return set().union(*(_indices(e) - _bound(e) for e in _parts(m)))


def _bound(e: sp.Expr) -> set[sp.Idx]:
    return {v for s in sp.sympify(e).atoms(sp.Sum) for v in s.variables}


def _indices(e: sp.Expr) -> set[sp.Idx]:
    return set(sp.sympify(e).atoms(sp.Idx))


def _entry_rule(e: sp.Expr) -> sp.Expr:
    """``e`` with each derivative of an entry by an entry taken (dX_jk/dX_mq = d_jm d_kq): the axes' letters are
    the head's now, which the judge reads as the derivative's own axes, not as indices of a derivative left to it."""
    return e.replace(lambda d: isinstance(d, sp.Derivative) and isinstance(d.expr, sp.Indexed)
                     and all(isinstance(v, sp.Indexed) for v in d.variables), lambda d: d.doit())


def _clash(head: Member, m: Member) -> bool:
    """Whether a sum in ``m`` binds a letter the head's axes use (renaming would capture it)."""
    return bool(set(head.indices) & set().union(*(_bound(e) for e in _parts(m))))


def _entry_of(head: Member, m: Member) -> dict[sp.Idx, sp.Idx] | None:
    """The renaming that makes ``m`` (a derivative by an entry of the head's variable, written as an entry) the
    head's entry, or None."""
    var = head.value.var
    v = m.value
    if m.indices or not isinstance(v, DerivativeOf) or not isinstance(v.var, sp.Indexed) or v.var.base != var.base:
        return None
    written = tuple(v.var.indices)
    if len(written) != len(head.indices) or not all(isinstance(i, sp.Idx) for i in written) or \
            len(set(written)) != len(written) or _free(m) != set(written) or _clash(head, m):
        return None
    return dict(zip(written, head.indices))


def entry_members(members: list[Member], notes: list[str]) -> list[Member]:
    """``members`` (as ``parse_claim`` reads them, each matrix member's value its entry at the head's axes) with each
    run of entry members after a matrix head read as the head's entry, and each matrix member after such a run read
    as that entry: the page's entries fix the layout (entry (k, l) of d/dX is d/dX_{kl}), so ``= A^T`` after
    ``= A_{kl}`` is judged in it, never as the other layout (see the module)."""
    head = members[0] if members else None
    if head is None or not isinstance(head.value, DerivativeOf) or not isinstance(head.value.var, sp.Indexed) or \
            not head.indices or tuple(head.value.var.indices) != tuple(head.indices):
        return members
    out, renamed, seen = [head], None, False
    for m in members[1:]:
        if m.indices:
            renamed = None  # a matrix member again: the entry's run ends
            if seen and not isinstance(m.value, DerivativeOf):
                notes.append(f"{m.text} read in the layout the chain's entries fix (entry ({', '.join(map(str, head.indices))})"
                             f" of {head.text} is the derivative by {head.value.var})")
                m = dataclasses.replace(m, indices=(), axes=())
        elif renamed is None and (found := _entry_of(head, m)) is not None:
            renamed, seen = found, True
            pairs = ", ".join(f"{k} as the axis {a}" for k, a in found.items())
            notes.append(f"{m.text} read as entry of {head.text} (the entry by {m.value.var}: {pairs})")
        if renamed is not None and not m.indices and _free(m) == set(renamed) and not _clash(head, m):
            value = (DerivativeOf(m.value.of.xreplace(renamed), m.value.var.xreplace(renamed))
                     if isinstance(m.value, DerivativeOf) else _entry_rule(m.value.xreplace(renamed)))
            m = dataclasses.replace(m, value=value)  # an entry still: its letters are the head's axes
        elif not m.indices:
            renamed = None
        out.append(m)
    return out
