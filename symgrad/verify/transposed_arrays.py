"""A second try for a definition refused because it transposes a sum of names nothing shapes (``(y - Xw)^T(y - Xw)``):
the names declared as arrays by the usual convention (``read.array_roles``: X a matrix, w and y vectors), noted.
Never less safe than the numbers the names would otherwise be: a claim right for arrays of every size is right for
1 x 1 ones, so no wrong claim is called right by this reading that the number reading would have refuted."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..errors import ParseError
from ..read.array_roles import COLUMNS, ROWS
from .verdict import Verdict

_GREEK = frozenset({"alpha", "beta", "gamma", "delta", "epsilon", "eta", "theta", "lambda", "mu", "nu", "xi", "rho",
                    "tau", "phi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Sigma", "Phi", "Psi", "Omega"})
_SIZES = (("n", "d"), ("m", "p"), ("N", "D"), ("r", "c"))


def _free(letter: str, texts: Sequence[str]) -> bool:
    pattern = re.compile(rf"(?<![A-Za-z\\]){letter}(?![A-Za-z])")
    return not any(pattern.search(text) for text in texts)


def _spelled(name: str) -> str:
    """``name`` as LaTeX: ``\\mu`` for mu, ``\\mu_0`` for mu_0."""
    letter, under, rest = name.partition("_")
    return ("\\" + letter if letter in _GREEK else letter) + under + rest


def _other_capitals(roles: dict, claim: str, of: str | None, define: Sequence[str], given: Sequence[str]) -> list[str]:
    """Capital letters the definitions or the claim write that the convention leaves unshaped (U in
    ``(Xw - y)^T U (Xw - y)``): with the others arrays, such a letter read as a number would make a claim right for a
    number (``2UX^T(Xw - y)``) look right for the matrix it is; the second try is not made. A definition's own head
    (``J(w) = ...``), the transpose mark T, the identity I and letters the facts name are no such letter."""
    heads = {m.group(1) for text in define if (m := re.match(r"\s*\$*\s*([A-Z])(?![A-Za-z])", text))}
    written = [re.sub(r"\\mathbb\s*\{[^{}]*\}", " ", text) for text in (claim, of or "", *define)]
    capitals = {c for text in written for c in re.findall(r"(?<![A-Za-z\\])([A-Z])(?![A-Za-z])", text)}
    return sorted(c for c in capitals - set(roles) - heads - {"T", "I"} if _free(c, given))


def as_arrays(error: ParseError, claim: str, of: str | None, define: Sequence[str], given: Sequence[str],
              assume: Sequence[str], judge: Callable[..., Verdict]) -> Verdict | None:
    """The verdict with the refused names declared as arrays, or None where the error has no such reading, no two
    free size letters are left, or the problem stays unreadable so (the first refusal then stands)."""
    roles: dict[str, tuple[str, ...]] | None = getattr(error, "arrays", None)
    texts = [claim, of or "", *define, *given, *assume]
    sizes = next((pair for pair in _SIZES if all(_free(s, texts) for s in pair)), None)
    if not roles or sizes is None or _other_capitals(roles, claim, of, define, given):
        return None
    size = {ROWS: sizes[0], COLUMNS: sizes[1]}
    spelled = {name: _spelled(name) for name in roles}
    times = r" \times "
    facts = [rf"{spelled[name]} \in \mathbb{{R}}^{{{times.join(size[a] for a in axes)}}}"
             for name, axes in sorted(roles.items())]
    verdict = judge(claim, of, define, [*given, *facts], assume)
    if verdict.verdict == "unreadable":
        return None
    said = "; ".join(f"{spelled[name]} a {size[axes[0]]} x {size[axes[1]]} matrix" if len(axes) == 2 else
                     f"{spelled[name]} a vector of size {size[axes[0]]}" for name, axes in sorted(roles.items()))
    verdict.message = (f"{verdict.message} [read: names nothing shapes, transposed or a capital before a vector, read as arrays, the usual "
                       f"convention (a capital before a lower-case letter a matrix times a vector): {said}; declare "
                       f"them to read them otherwise]").strip()
    return verdict


def shape_readings(error: ParseError, texts: Sequence[str]) -> list[tuple[str, list[str]]] | None:
    """The two readings of a transpose of names nothing shapes, each as (what it means, the facts that declare it):
    arrays (the usual convention's where it has one, ``read.array_roles``, else each name a vector),
    and numbers; None where a name cannot be declared apart (``\\mu_0``: the facts would declare \\mu), a capital has no
    conventional role, or no size letter is free."""
    names: tuple[str, ...] = getattr(error, "unshaped", ())
    roles: dict[str, tuple[str, ...]] | None = getattr(error, "arrays", None)
    sizes = next((pair for pair in _SIZES if all(_free(s, texts) for s in pair)), None)
    if not names or sizes is None or any("_" in n for n in names) or \
            roles is None and any(n[:1].isupper() for n in names):
        return None
    size = {ROWS: sizes[0], COLUMNS: sizes[1]}
    axes = roles or {name: (ROWS,) for name in names}
    times = r" \times "
    numbers = [rf"{_spelled(name)} \in \mathbb{{R}}" for name in names]
    arrays = [rf"{_spelled(name)} \in \mathbb{{R}}^{{{times.join(size[a] for a in axes[name])}}}" for name in names]
    said = ", ".join(f"{_spelled(name)} a {size[axes[name][0]]} x {size[axes[name][1]]} matrix" if len(axes[name]) == 2
                     else f"{_spelled(name)} a vector of size {size[axes[name][0]]}" for name in names)
    return [(f"arrays ({said})", arrays), ("numbers", numbers)]
