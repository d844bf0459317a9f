"""Primed parameters, names of their own: a definition whose head lists a letter primed among its parameters
(``K(x, x') = \\sigma^2 \\exp(-(x - x')^T (x - x') / 2l^2)``, the kernel of a Gaussian process) names a second argument
x' beside x; a transpose or a derivative has no place in a parameter list. Before anything is read, every input is
scanned for such heads (``declare_primed``): each primed letter gets a fresh letter no input writes, which the parser
reads wherever x' is written (``_PrimedNames``), noted. A prime anywhere else keeps its meaning (a transpose, a
derivative)."""

from __future__ import annotations

from collections.abc import Sequence

from .context import Context
from .scope import _Scope
from .tokens import _Tok

_POOL = "uvzpqrsabcgh"  # letters for x', tried in order
_FONTS = frozenset({r"\mathbf", r"\boldsymbol", r"\bm", r"\vec"})


def _primed_at(toks: list[_Tok], k: int) -> tuple[str, int] | None:
    """(the letter, the index of its prime) where ``toks[k]`` starts ``x'`` or ``\\mathbf{x}'``; None elsewhere."""
    t = toks[k]
    if t.kind == "letter" and len(t.text) == 1 and k + 1 < len(toks) and toks[k + 1].text == "'":
        glued = k > 0 and toks[k - 1].kind == "letter" and toks[k - 1].col + len(toks[k - 1].text) == t.col
        return None if glued else (t.text, k + 1)
    texts = [u.text for u in toks[k:k + 5]]
    if t.text in _FONTS and len(texts) == 5 and texts[1] == "{" and texts[3] == "}" and texts[4] == "'" and \
            toks[k + 2].kind == "letter" and len(texts[2]) == 1:
        return texts[2], k + 4
    return None


def _head_primes(toks: list[_Tok]) -> list[str]:
    """The letters written primed among the parameters of a head ``K(x, x') =`` (``:=``) that starts ``toks``."""
    if len(toks) < 5 or toks[0].kind != "letter" or toks[1].text != "(":
        return []
    depth, end = 0, None
    for k, t in enumerate(toks[1:], start=1):
        depth += (t.text == "(") - (t.text == ")")
        if depth == 0:
            end = k
            break
    if end is None or end + 1 >= len(toks) or toks[end + 1].text not in ("=", ":", r"\coloneqq", r"\triangleq"):
        return []
    found = []
    for k in range(2, end):
        primed = _primed_at(toks, k)
        if primed is not None and primed[0] not in found and primed[0] != toks[0].text:
            found.append(primed[0])
    return found


def declare_primed(ctx: Context, lists: Sequence[list[_Tok]], defined: Sequence[list[_Tok]]) -> None:
    """Give each letter a definition's head in ``defined`` writes primed among its parameters a fresh letter that no
    token list of ``lists`` (every input) writes, in ``ctx.primed_names``, noted."""
    written = {t.text for toks in lists for t in toks if t.kind == "letter"}
    taken = written | set(ctx.tensors) | set(ctx.definitions) | set(ctx.sizes) | set(ctx.ranges)
    for toks in defined:
        for letter in _head_primes(toks):
            if letter in ctx.primed_names:
                continue
            fresh = next((c for c in _POOL if c not in taken), None)
            if fresh is None:
                return
            taken.add(fresh)
            ctx.primed_names[letter] = fresh
            ctx.notes.append(f"{letter}' read as a name of its own (written {fresh} here), not {letter} transposed: "
                             f"{toks[0].text}'s head lists it as a parameter")


class _PrimedNames(_Scope):
    """Primed parameters renamed before the descent reads them (a part of the parser)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._rename()

    def _rename(self) -> None:
        names = self.ctx.primed_names
        if not names:
            return
        out: list[_Tok] = []
        k = 0
        while k < len(self.toks):
            primed = _primed_at(self.toks, k)
            if primed is None or primed[0] not in names:
                out.append(self.toks[k])
                k += 1
                continue
            letter, prime = primed
            out += [_Tok("letter", names[letter], t.col) if t.kind == "letter" else t for t in self.toks[k:prime]]
            k = prime + 1
        self.toks = out
        self.used |= set(names.values())
