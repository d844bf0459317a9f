"""A name described the way code docstrings do (``X -- data of size (n, m)``, ``w -- weights, a numpy array of size
(n, 1)``, ``b -- bias, a scalar``) or a code comment does (``% xTr dxn matrix (each column is an input vector)``): the
shape or the scalar the description ends with is the fact; the words before it (or in the comment's parentheses)
only name the role, and are read only when they state no property or value (``Y -- labels (containing 0 if non-cat,
1 if cat) of size (1, m)`` says which values Y takes: left unread, never dropped)."""

from __future__ import annotations

import re

_NAME = r"(?P<name>\\?[A-Za-zα-ωΑ-Ω]+(?:_\{?[A-Za-z0-9]+\}?)?)"
_SIZE = r"(?:[A-Za-z][A-Za-z0-9_]*|[1-9][0-9]*)"
_ROLE = r"(?P<role>[A-Za-z][A-Za-z\s'\"-]*?)"
_ARRAY = r"(?:(?:a|an|the)\s+)?(?:numpy\s+|np\.)?(?:array|matrix|vector|tensor|ndarray)?"
_SHAPED = re.compile(rf"{_NAME}\s*(?:--|—|–)\s*{_ROLE}?\s*,?\s*{_ARRAY}\s*(?:of|with)\s+(?:size|shape)\s*"
                     rf"\(\s*(?P<rows>{_SIZE})\s*,\s*(?P<cols>{_SIZE})?\s*\)", re.IGNORECASE)
_SCALAR = re.compile(rf"{_NAME}\s*(?:--|—|–)\s*{_ROLE}?\s*,?\s*(?:(?:a|an)\s+)?(?:real\s+)?(?:scalar|number|float)",
                     re.IGNORECASE)
# % xTr dxn matrix (each column is an input vector), # X: n x d array: a code comment naming a variable and its shape
_BY = r"(?:\s*(?:×|\\times|\*)\s*|\s+(?:x|by)\s+|(?<=[A-Za-z0-9])x(?=[A-Za-z0-9]))"
_COMMENTED = re.compile(rf"(?:%+|#+|//+)\s*{_NAME}\s*(?::|--|—|–)?\s*(?:is\s+)?(?:(?:a|an)\s+)?(?P<rows>{_SIZE}){_BY}"
                        rf"(?P<cols>{_SIZE})\s+(?:numpy\s+)?(?:matrix|array|ndarray|tensor)(?:\s*\((?P<role>[^()]*)\))?",
                        re.IGNORECASE)
# words that state something of the values (a property, a value, a condition): the description is then not only a role
_SAYS = re.compile(r"\d|\bif\b|symmetric|positive|negative|definite|hot|diagonal|orthogonal|binary|normali[sz]ed|\bsums?\b|"
                   r"probabilit|distribution|integer|\bunit\b|\bzero", re.IGNORECASE)


def docstring_in_words(plain: str) -> str | None:
    """The LaTeX fact a docstring-style description states (``plain``: without math marks), or None when it is no such
    description or its words say more than a role."""
    plain = " ".join(plain.split()).strip().rstrip(".")
    m = _SHAPED.fullmatch(plain) or _SCALAR.fullmatch(plain) or _COMMENTED.fullmatch(plain)
    if m is None or m["role"] and _SAYS.search(m["role"]):
        return None
    if m.re is _SCALAR:
        return rf"{m['name']} \in \mathbb{{R}}"
    cols = m["cols"]
    return rf"{m['name']} \in \mathbb{{R}}^{{{m['rows']}" + (rf" \times {cols}}}" if cols else "}")
