"""``--of`` by an expression rather than a name (``dZ/d(X.dot(self.W1) + self.b1)``, ``\\frac{\\partial Z}{\\partial
(XW + b)}``: the derivative at the pre-activation, as backprop pages ask it): where the definitions write that
expression verbatim, it is read as a fresh name written in its place (in the definitions, the head and the claim),
noted; neither the claim nor the definitions may use the expression's own names apart from it (their tie to the new
name would be lost)."""

from __future__ import annotations

import re
from collections.abc import Sequence

_LEIBNIZ = re.compile(r"\s*d\s*([A-Za-z]\w*)\s*/\s*d\s*\((?P<by>.+)\)\s*")
_FRACTION = re.compile(r"\s*\\d?frac\s*\{\s*(?:\\partial|d)\s*([A-Za-z]\w*)\s*\}\s*\{\s*(?:\\partial|d)\s*"
                       r"(?:\\left)?\s*\((?P<by>.+?)(?:\\right)?\s*\)\s*\}\s*")
_NAMES = re.compile(r"(?<![\w.\\])[A-Za-z_]\w*")
_FRESH = ("a", "u", "v", "s", "q")


def by_an_expression(claim: str, of: str | None, define: Sequence[str]) -> tuple[str, str | None, list[str], list[str]]:
    """The claim, the head and the definitions with the expression ``--of`` differentiates by written as a fresh
    name, and the note; the inputs unchanged (and no note) where ``--of`` is no such derivative."""
    m = (_LEIBNIZ.fullmatch(of) or _FRACTION.fullmatch(of)) if isinstance(of, str) else None
    if m is None:
        return claim, of, list(define), []
    by = m["by"].strip()
    pattern = re.compile(r"\s*".join(re.escape(c) for c in by if not c.isspace()))
    if not re.search(r"[-+*/@]|\(", by) or not any(pattern.search(text) for text in define):
        return claim, of, list(define), []
    inside, apart = _names(by, of), _names(pattern.sub(" ", claim), of)
    if inside & apart:
        return claim, of, list(define), []  # the claim uses X or W apart from XW + b
    if inside & set().union(*(_names(pattern.sub(" ", text), of) for text in define)):
        return claim, of, list(define), []  # Z = tanh(XW + b) W: W apart too, the derivative by XW + b has two readings
    used = set().union(*(_names(t, of) for t in (claim, of, *define)))
    fresh = next((x for x in _FRESH if x not in used), None)
    if fresh is None:
        return claim, of, list(define), []
    note = f"--of differentiates by the expression {by}: read as a name {fresh} written in its place"
    head = f"d{m[1]}/d{fresh}" if _LEIBNIZ.fullmatch(of) else rf"\frac{{\partial {m[1]}}}{{\partial {fresh}}}"
    return pattern.sub(fresh, claim), head, [pattern.sub(fresh, text) for text in define], [note]


def _names(text: str, of: str) -> set[str]:
    """The names ``text`` writes; in LaTeX (``of`` has a command) each letter too, as XW is X times W there."""
    names = set(_NAMES.findall(text))
    return names | {c for n in names for c in n} if "\\" in of else names
