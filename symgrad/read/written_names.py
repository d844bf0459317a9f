"""The names a formula writes, as a person reads them: each letter, and each upright word (``\\mathrm{ymean}``,
``\\text{mean}``, ``\\operatorname{Var}``) as one name, never as the letters it is spelled with (y, m, e, a, n), so
that ``y_i = x_i - \\mathrm{ymean}`` is no formula of y."""

from __future__ import annotations

from .tokens import _NAMED, _Tok


def names_written(toks: list[_Tok]) -> set[str]:
    """Each letter of ``toks`` outside an upright word, and each upright word (its letters joined)."""
    names: set[str] = set()
    k = 0
    while k < len(toks):
        t = toks[k]
        if t.text in _NAMED and k + 1 < len(toks) and toks[k + 1].text == "{":
            end = next((j for j in range(k + 2, len(toks)) if toks[j].text == "}"), len(toks))
            word = "".join(u.text for u in toks[k + 2:end] if u.kind in ("letter", "digit"))
            names |= {word} if word else set()
            k = end + 1
            continue
        if t.kind == "letter":
            names.add(t.text)
        k += 1
    return names
