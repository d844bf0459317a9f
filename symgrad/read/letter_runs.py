"""A run of lowercase letters in a plain-text fact (``lr = 0.1``): the formula reader reads it as a product of letters
(l times r), as it reads the same run in a plain-text definition. Where the definitions use the run as one name
(``\\mathrm{lr}``) and none of its letters, the fact is about that name; where they use both, it has two readings
and is refused; where they use the letters, the product stands (the definitions read it so)."""

from __future__ import annotations

import re

import sympy as sp

from ..errors import ParseError
from ..tensors import Constraint, name_of

_RUN = re.compile(r"(?<![\\A-Za-z0-9_{])([a-z]{2,})(?![A-Za-z0-9_(])")


def _names(e: sp.Basic) -> dict[str, sp.Basic]:
    """The names an expression uses (scalars and the arrays of its elements), each with what stands for it."""
    found = {str(s): s for s in e.free_symbols if not isinstance(s, sp.Idx)}
    return found | {name_of(a): a.base for a in e.atoms(sp.Indexed)}


def _run_symbols(c: Constraint, run: str) -> dict[str, sp.Symbol] | None:
    """The letters of ``run`` as the constraint reads them (each a name of its own), or None where it did not read
    the run as their product."""
    symbols = {str(s): s for s in (c.lhs - c.rhs).free_symbols}
    if not all(ch in symbols for ch in run):
        return None
    return {ch: symbols[ch] for ch in run}


def joined_runs(ctx) -> None:
    """Reread each plain-text constraint whose letter run the definitions use as one name (``lr`` in ``\\mathrm{lr}
    x``) as a constraint on that name, noted; refuse one whose run the definitions use both as one name and as its
    letters."""
    used: dict[str, sp.Basic] = {}
    for d in ctx.definitions.values():
        used |= {d.name: d.lhs} | _names(d.rhs)
    kept = []
    for c in ctx.constraints:
        for run in dict.fromkeys(_RUN.findall(c.reason) if "\\" not in c.reason else []):
            letters = _run_symbols(c, run)
            if letters is None or run not in used:
                continue
            if set(run) & set(used):
                raise ParseError(f"'{c.reason}' has two readings: {run} as one name (the definitions use {run}) or as "
                                 f"the product {' '.join(run)} (they use {', '.join(sorted(set(run) & set(used)))}): write "
                                 rf"\mathrm{{{run}}} for the name or {' '.join(run)} for the product", column=1,
                                 source=c.reason)
            name = used[run]
            product = sp.Mul(*letters.values())
            lhs, rhs = c.lhs.subs(product, name), c.rhs.subs(product, name)
            if not isinstance(name, sp.Symbol) or set(letters.values()) & (lhs - rhs).free_symbols:
                raise ParseError(f"'{c.reason}': {run} is a name of the definitions, but the fact does not read as a "
                                 rf"statement about it: write \mathrm{{{run}}}", column=1, source=c.reason)
            c = Constraint(lhs, rhs, c.reason)
            ctx.notes.append(f"'{c.reason}': {run} read as the one name the definitions use, not the product "
                             f"{' '.join(run)}")
        kept.append(c)
    ctx.constraints = kept
