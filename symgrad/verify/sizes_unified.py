"""One array, one shape: a name the reader gave two shapes in one problem (``f(x) = \\frac{x}{\\|x\\|}`` beside
``x \\in \\mathbb{R}^n``: the parameter's x sized by f's own new size m, the declared x by n) is one array. Left
apart, d x_i / d x_j of the two would be 0 and the engine's derivative wrong (its self-check refused it as a bug).
A size that no input writes (the reader made it up) is renamed to the one the name is declared or differentiated
with, noted; two sizes the inputs both write are a real conflict, refused naming both."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

import sympy as sp

from .verdict import VerifyError


def _shapes(values: Sequence[sp.Basic]) -> dict[str, set[tuple[sp.Basic, ...]]]:
    found: dict[str, set[tuple[sp.Basic, ...]]] = {}
    for value in values:
        for base in value.atoms(sp.IndexedBase):
            if isinstance(base.label, sp.Symbol) and base.shape is not None:
                found.setdefault(str(base.label), set()).add(tuple(base.shape))
    return found


def _written(size: sp.Basic, texts: Sequence[str]) -> bool:
    """Whether some input writes the size itself (a letter standing alone, not inside a command or a word)."""
    if not isinstance(size, sp.Symbol):
        return True
    pattern = re.compile(rf"(?<![A-Za-z\\]){re.escape(str(size))}(?![A-Za-z])")
    return any(pattern.search(text) for text in texts)


def _renames(shapes: dict[str, set[tuple[sp.Basic, ...]]], var: sp.Basic, texts: Sequence[str]) -> dict:
    """Size -> size for every name seen with two shapes of one rank; raises where both sizes are written."""
    renames: dict[sp.Basic, sp.Basic] = {}
    var_name = str(var.base.label) if isinstance(var, sp.Indexed) else None
    for name, found in sorted(shapes.items()):
        if len(found) < 2 or len({len(s) for s in found}) != 1:
            continue
        declared = [s for s in found if all(_written(size, texts) for size in s)]
        own = tuple(var.base.shape) if name == var_name and var.base.shape is not None else None
        canonical = own if own in found else (declared[0] if len(declared) == 1 else None)
        if canonical is None:
            continue
        for other in found - {canonical}:
            for made, kept in zip(other, canonical):
                if made == kept:
                    continue
                if _written(made, texts) and _written(kept, texts):
                    raise VerifyError(f"{name} is used with two sizes, {made} and {kept}, each written in the "
                                      f"inputs: give {name} one shape")
                if _written(made, texts):  # the size the reader made up gives way to the one the page writes
                    made, kept = kept, made
                renames[made] = kept
    return renames


def unified(definitions: list, marked: list, of: sp.Basic, var: sp.Basic, constraints: list, assumptions: list,
            texts: Sequence[str], notes: list[str]) -> tuple[list, list, sp.Basic, sp.Basic, list, list]:
    """The problem with every array of one name given one shape (see the module), and a note where it changed."""
    values = [*(v for _, v, _ in marked if isinstance(v, sp.Basic)), of, var,
              *(d.lhs for d in definitions), *(d.rhs for d in definitions)]
    renames = _renames(_shapes(values), var, texts)
    if not renames:
        return definitions, marked, of, var, constraints, assumptions

    def fix(e: Any) -> Any:
        return e.xreplace(renames) if isinstance(e, sp.Basic) else e

    said = ", ".join(f"{made} is {kept}" for made, kept in renames.items())
    notes.append(f"one array, one shape: the size the reader gave a name in one place is the size it has in another "
                 f"({said})")
    definitions = [dataclasses.replace(d, lhs=fix(d.lhs), rhs=fix(d.rhs)) for d in definitions]
    constraints = [dataclasses.replace(c, lhs=fix(c.lhs), rhs=fix(c.rhs)) for c in constraints]
    marked = [(text, fix(value), array) for text, value, array in marked]
    return definitions, marked, fix(of), fix(var), constraints, [fix(a) for a in assumptions]
