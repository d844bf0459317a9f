"""A definition of a square, ``e^2 = ...``: the name is the square root of the value. Where the value is itself a
square (``e_{ij}^2 = (r_{ij} - \\hat{r}_{ij})^2``, a page naming the error it squares), the root has two readings: the
signed base (the error r - rhat, as such pages go on to use e) or the nonnegative root |r - rhat|. A claim that writes e
itself differs between them (-2 e q is right for the one, wrong for the other), so the definition is refused naming
both; verify judges each reading and answers where they agree. A value that is no square (a variance, a sum of squares)
has one root: the nonnegative one, noted."""

from __future__ import annotations

import re
from typing import Any

import sympy as sp

from ..errors import ParseError
from .differentials import source_text

_SQUARED = re.compile(r"^(?P<base>.*?)\s*\^\s*(?:2|\{\s*2\s*\})\s*$", re.DOTALL)
_BRACKETS = (("(", ")"), (r"\left(", r"\right)"), ("[", "]"), (r"\left[", r"\right]"))


def _base(text: str) -> str | None:
    """The base of ``text`` written as a square (``(r - rhat)^2``: ``r - rhat``), or None."""
    m = _SQUARED.match(text.strip())
    if m is None:
        return None
    base = m["base"].strip()
    for opened, closed in _BRACKETS:
        if base.startswith(opened) and base.endswith(closed):
            return base[len(opened):-len(closed)].strip()
    return base if re.fullmatch(r"\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?", base) else None


def square_root(p: Any, latex: str, name: str, tok: Any, eq: Any, value: sp.Expr) -> sp.Expr:
    """The value a definition ``name^2 = value`` (``tok`` its name, ``eq`` its =) gives ``name``: the nonnegative root,
    noted; refused naming both roots where the value is a square written as one."""
    end = next(k for k, t in enumerate(p.toks) if t is eq)
    written = source_text(latex, p.toks[end + 1:-1]) if len(p.toks) > end + 2 else ""
    base = _base(written) if isinstance(value, sp.Pow) and value.exp == 2 else None
    if base is not None:
        head = _SQUARED.match(latex[tok.col - 1:eq.col - 1].strip())
        head_text = head["base"] if head else name
        readings = ((f"{head_text} = {base} (the signed root)", 1, len(latex) + 1, f"{head_text} = {base}"),
                    (f"{head_text} = |{base}| (the nonnegative root)", 1, len(latex) + 1,
                     f"{head_text} = \\left|{base}\\right|"))
        raise ParseError(f"{head_text}^2 = ({base})^2 has two readings: {head_text} = {base} (the signed root, the "
                         f"error the page squares) or {head_text} = |{base}| (the nonnegative root): define "
                         f"{head_text} = ... itself", column=tok.col, source=latex, readings=readings)
    p.note(f"{name}^2 = ... defines {name} as its nonnegative square root")
    return sp.sqrt(value)
