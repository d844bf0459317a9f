"""Primed summation indices: ``\\sum_{i'=1}^n \\sum_{j'=1}^n a_{i', j'} x_{i'} x_{j'}`` sums over i' and j', letters
of their own beside i and j. Each primed index a sum binds is read as a fresh letter wherever it stands (noted); a
prime anywhere else keeps its meaning (a derivative, a transpose)."""

from __future__ import annotations

from .scope import _Scope
from .tokens import _INDEX_POOL, _Tok


def _primed_binders(toks: list[_Tok]) -> list[str]:
    """The letters written primed right after ``\\sum_`` or ``\\sum_{`` (the indices such sums bind), the upper bound
    written first or not (``\\sum^M_{m'=0}``)."""
    out = []
    for k, t in enumerate(toks[:-4]):
        if t.text not in (r"\sum", r"\prod"):
            continue
        k = _after_upper_bound(toks, k + 1) - 1
        if k + 4 < len(toks) and toks[k + 1].text == "_":
            at = k + 2 + (toks[k + 2].text == "{")
            if toks[at].kind == "letter" and toks[at + 1].text == "'" and toks[at].text not in out:
                out.append(toks[at].text)
    return out


def _after_upper_bound(toks: list[_Tok], k: int) -> int:
    """The position after a bound ``^M`` or ``^{...}`` written at ``k`` (``k`` itself where none is)."""
    if toks[k].text != "^" or k + 1 >= len(toks):
        return k
    if toks[k + 1].text != "{":
        return k + 2
    depth = 0
    for m in range(k + 1, len(toks)):
        depth += (toks[m].text == "{") - (toks[m].text == "}")
        if depth == 0:
            return m + 1
    return k


class _PrimedIndices(_Scope):
    """Primed summation indices renamed before the descent reads them (a part of the parser)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        primed = _primed_binders(self.toks)
        if not primed:
            return
        taken = {t.text for t in self.toks if t.kind == "letter"} | self.used
        fresh = dict(zip(primed, (c for c in _INDEX_POOL if c not in taken)))
        out: list[_Tok] = []
        for k, t in enumerate(self.toks):
            if t.text == "'" and k and out and self.toks[k - 1].text in fresh and self.toks[k - 1].kind == "letter":
                out[-1] = _Tok("letter", fresh[self.toks[k - 1].text], self.toks[k - 1].col)
                continue
            out.append(t)
        self.toks = out
        self.used |= set(fresh.values())
        for name, new in fresh.items():
            self.note(f"the summation index {name}' read as {new}, a letter of its own")
