"""A power written inside an upright name: ``\\operatorname{sech^2}{x}``, ``\\mathrm{tanh^{2}}(z)`` is the name with the
power after it (``\\operatorname{sech}^2 x``), as LaTeX renders both the same; the name is letters only."""

from __future__ import annotations

from collections.abc import Callable

_UPRIGHT = {r"\operatorname", r"\mathrm", r"\text", r"\textrm", r"\rm"}


def power_outside(toks: list, k: int, tok: Callable[..., object]) -> tuple[list, int] | None:
    """The tokens ``\\operatorname{name}^{power}`` that ``\\operatorname{name^power}`` at ``k`` stands for, and the
    index past it; None for anything else (a name with no power inside, or not only letters before the ``^``)."""
    if toks[k].text not in _UPRIGHT or toks[k + 1].text != "{":
        return None
    end, depth = k + 1, 0
    while toks[end].kind != "end":
        depth += (toks[end].text == "{") - (toks[end].text == "}")
        if depth == 0:
            break
        end += 1
    hat = next((m for m in range(k + 2, end) if toks[m].text == "^"), None)
    if hat is None or hat == k + 2 or toks[end].kind == "end" or \
            any(t.kind != "letter" for t in toks[k + 2:hat]) or hat + 1 == end:
        return None
    power = toks[hat + 1:end]
    return [toks[k], toks[k + 1], *toks[k + 2:hat], tok("sym", "}", toks[hat].col), toks[hat],
            tok("sym", "{", toks[hat].col), *power, tok("sym", "}", toks[end].col)], end + 1
