"""Capitals written by their entries in one place and bare in another: ``J = \\frac{1}{2}\\|X - WH\\|^2`` and a claim by
``W_{il}`` with ``X_{ij}`` and ``H_{lj}``. Read in order, X, W and H are numbers by the time ``X_{ij}`` comes, which is
refused (a number has no entry); an entry with two indices says the capital is a matrix from the start. Its rows and
columns are sized by the ranges of its index letters, else by provisional sizes the first bound settles: one size for
the letters a capital's rows are written with, one for its columns (``W_{il}``, ``H_{lj}``: W's columns are H's rows),
so a product of such matrices is never made square by the reading (a capital written inverted or under a determinant
is square; where the letters written make another one square, nothing is declared). Only a single Latin capital (not
I, the identity) whose every subscript is two distinct lowercase letters, written bare outside a function's brackets;
one written with a layer or sample superscript (``W^{(l)}``), beside a capital that stays unshaped (``WH``), defined or
declared keeps its own reading."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import sympy as sp

from ..tensors import size
from .context import Context
from .tokens import _Tok

_WORDS = frozenset({r"\text", r"\textrm", r"\mbox", r"\mathrm", r"\textit", r"\operatorname"})
_POOL = ("N", "M", "K", "P", "Q", "R", "S", "U", "V")  # names for the sizes nothing gives


def declare_entries(ctx: Context, lists: Sequence[list[_Tok]], defined: Sequence[list[_Tok]],
                    declared: Callable[[str], bool]) -> None:
    """Declare in ``ctx`` as matrices the capitals that some token list of ``lists`` writes with two index letters and
    some writes bare; the names ``defined`` (token lists of definitions) define keep their reading (a function's
    parameters, ``J(W,H) = ...``, are the matrices the claim writes by entries), ``declared`` says whether an input
    declares one."""
    found = _without_unshaped_factors(ctx, _found(ctx, lists, defined, declared), lists)
    squares = {name for toks in lists for name in _squares(toks)}
    classes = _classes(found, squares)
    if any(classes[row] == classes[col] for name, written in found.items() if name not in squares
           for row, col in written):
        return  # X_{ij} and X_{ji}: a square the page never says; the reader's own sizes settle it
    written = {t.text for toks in lists for t in toks if t.kind == "letter"}
    pool = (n for n in _POOL if n not in written and not ctx.declared_elsewhere(n))
    sizes: dict[str, sp.Expr] = {}
    for name, written_pairs in sorted(found.items()):
        row, col = min(written_pairs)
        shape = tuple(_extent(ctx, classes, letter, sizes, pool) for letter in (row, col))
        if None in shape:
            continue
        ctx.tensors[name] = sp.IndexedBase(name, shape=shape)
        ctx.notes.append(f"{name} read as a matrix ({shape[0]} x {shape[1]}): an input writes its entry {name}_{{{row}"
                         f"{col}}}, another {name} bare")


def _found(ctx: Context, lists: Sequence[list[_Tok]], defined: Sequence[list[_Tok]],
           declared: Callable[[str], bool]) -> dict[str, set[tuple[str, str]]]:
    """The capitals written bare and, every time with a subscript, by two index letters, with the pairs written;
    none that a definition defines or an input declares."""
    heads = {toks[0].text for toks in defined if toks} | \
        {t.text for toks in defined for k, t in enumerate(toks[:-1]) if toks[k + 1].text == "="}
    pairs: dict[str, set[tuple[str, str]]] = {}
    refused: set[str] = set()
    bare = set().union(*(_bare(toks) for toks in lists))
    for toks in lists:
        for name, pair in _subscripted(toks):
            (pairs.setdefault(name, set()).add(pair) if pair else refused.add(name))
    return {name: written for name, written in pairs.items() if name not in refused | heads and name in bare and
            not ctx.declared_elsewhere(name) and not declared(name)}


def _without_unshaped_factors(ctx: Context, found: dict[str, set[tuple[str, str]]],
                              lists: Sequence[list[_Tok]]) -> dict[str, set[tuple[str, str]]]:
    """``found`` less the capitals written beside a capital that stays unshaped (``WH`` with only H written by its
    entries): what a number times a matrix is, is the reader's to settle, and it reads no product of such a pair yet."""
    pairs = {(toks[k].text, toks[k + 1].text) for toks in lists for k in range(len(toks) - 1)
             if _capital(toks, k) and _capital(toks, k + 1)}
    while True:
        lone = {a for a, b in pairs | {(b, a) for a, b in pairs}
                if a in found and b not in found and not isinstance(ctx.tensors.get(b), sp.IndexedBase)}
        if not lone:
            return found
        found = {name: written for name, written in found.items() if name not in lone}


def _extent(ctx: Context, classes: dict[str, frozenset[str]], letter: str, sizes: dict[str, sp.Expr],
            pool: object) -> sp.Expr | None:
    """The size of the index letters of ``letter``'s class: a range's bound, else a provisional size (None when the
    pool of names is spent)."""
    group = classes[letter]
    key = min(group)
    if key not in sizes:
        bounds = {ctx.ranges[x].upper for x in group if x in ctx.ranges}
        if len(bounds) > 1:
            return None
        if bounds:
            sizes[key] = bounds.pop()
        else:
            name = next(pool, None)  # type: ignore[call-overload]
            if name is None:
                return None
            ctx.provisional_sizes.add(name)
            sizes[key] = size(name)
    return sizes[key]


def _classes(found: dict[str, set[tuple[str, str]]], squares: set[str]) -> dict[str, frozenset[str]]:
    """The index letters grouped by the axes they are written for: the letters of a capital's rows are one size, of its
    columns another (a union of the letters each axis is written with), both one for a capital ``squares`` holds."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for name, written in found.items():
        for axis in (0, 1):
            letters = [root(pair[axis]) for pair in written]
            for x in letters[1:]:
                parent[root(x)] = root(letters[0])
        if name in squares:
            row, col = next(iter(written))
            parent[root(col)] = root(row)
    groups: dict[str, set[str]] = {}
    for x in list(parent):
        groups.setdefault(root(x), set()).add(x)
    return {x: frozenset(g) for g in groups.values() for x in g}


def _squares(toks: list[_Tok]) -> set[str]:
    """The single capitals these tokens write inverted (``M^{-1}``, ``X^{-T}``) or under a determinant (``\\det X``,
    ``|X|``): square matrices."""
    texts = [t.text for t in toks] + [""] * 3
    found = set()
    for k, t in enumerate(toks):
        if not _capital(toks, k):
            continue
        inverted = texts[k + 1:k + 4] in (["^", "{", "-"], ["^", "-", "1"])
        bars = texts[k - 1] == texts[k + 1] == "|" and "|" not in (texts[k - 2], texts[k + 2])  # |X|, not ||X||
        determinant = bars or texts[k - 1] == r"\det" or texts[k - 2:k] == [r"\det", "("]
        if inverted or determinant:
            found.add(t.text)
    return found


def _subscripted(toks: list[_Tok]) -> list[tuple[str, tuple[str, str] | None]]:
    """Each single capital written with a subscript or a bracketed superscript: (name, its two distinct index letters),
    or (name, None) where the subscript is anything else (``W_1``, ``X_{i}``, ``W^{(l)}_{ij}``)."""
    out: list[tuple[str, tuple[str, str] | None]] = []
    for k, t in enumerate(toks[:-1]):
        if not _capital(toks, k):
            continue
        nxt = toks[k + 1].text
        if nxt == "^" and k + 2 < len(toks) and (toks[k + 2].text in ("(", "[") or
                                                 toks[k + 2].text == "{" and toks[k + 3].text in ("(", "[")):
            out.append((t.text, None))  # a layer or a sample: W^{(l)}, X^{[2]}
        elif nxt == "_":
            out.append((t.text, _pair(toks, k + 2)))
    return out


def _pair(toks: list[_Tok], k: int) -> tuple[str, str] | None:
    """The two distinct lowercase index letters of ``{ij}``, ``{i,j}``, ``{i j}`` at ``toks[k]``; None otherwise."""
    if k >= len(toks) or toks[k].text != "{":
        return None
    close = next((j for j in range(k + 1, len(toks)) if toks[j].text == "}"), None)
    if close is None:
        return None
    inside = [u for u in toks[k + 1:close] if u.text != ","]
    letters = [u.text for u in inside]
    if len(inside) != 2 or len(set(letters)) != 2 or not all(u.kind == "letter" and len(u.text) == 1 and
                                                             u.text.islower() for u in inside):
        return None
    return letters[0], letters[1]


def _bare(toks: list[_Tok]) -> set[str]:
    """The single capitals these tokens write bare: not subscripted, not applied (``F(x)``), not a bound or an index
    (``^N``), not in words (``\\text{Where}``), not a function's parameter or argument (``S(M) = \\sum_{i,j}
    M_{ij}``: M is S's own)."""
    found = set()
    aside = _in_groups(toks, lambda k: toks[k].text in _WORDS or toks[k].text in ("^", "_")) | _arguments(toks)
    for k, t in enumerate(toks[:-1]):
        if _capital(toks, k) and k not in aside and toks[k + 1].text not in ("_", "("):
            found.add(t.text)
    return found


def _arguments(toks: list[_Tok]) -> set[int]:
    """The positions of the tokens inside the parentheses right after a letter or a closing brace (``J(W,H)``,
    ``h_\\theta(x)``): a function's parameters or arguments."""
    inside: set[int] = set()
    for k in range(1, len(toks)):
        if toks[k].text == "(" and (toks[k - 1].kind == "letter" or toks[k - 1].text == "}"):
            depth = 0
            for j in range(k, len(toks)):
                depth += (toks[j].text == "(") - (toks[j].text == ")")
                if depth == 0:
                    break
                inside.add(j)
    return inside


def _capital(toks: list[_Tok], k: int) -> bool:
    """Whether ``toks[k]`` is a single Latin capital standing as a name: not I, not in a word (glued to a lowercase
    letter), not a subscript or superscript itself."""
    t = toks[k]
    if t.kind != "letter" or len(t.text) != 1 or not t.text.isupper() or t.text == "I":
        return False
    before = toks[k - 1] if k else None
    after = toks[k + 1] if k + 1 < len(toks) else None
    word = any(u is not None and u.kind == "letter" and u.text.islower() and
               (u.col + len(u.text) == t.col if u is before else t.col + 1 == u.col) for u in (before, after))
    return not word and (before is None or before.text not in ("_", "^"))


def _in_groups(toks: list[_Tok], opens: Callable[[int], bool]) -> set[int]:
    """The positions of the tokens inside the brace groups right after a token ``opens`` says opens one: words
    (``\\text{...}``) and scripts (``\\mathbb{R}^{N \\times K}``, where K is a size)."""
    inside: set[int] = set()
    for k in range(len(toks) - 1):
        if opens(k) and toks[k + 1].text == "{":
            depth = 0
            for j in range(k + 1, len(toks)):
                depth += (toks[j].text == "{") - (toks[j].text == "}")
                if depth == 0:
                    break
                inside.add(j)
    return inside
