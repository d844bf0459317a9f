"""Code's conditional expression written in a formula (``drelu(x) = x <= 0 ? 0 : 1``, Julia's and C's one-line
functions): ``c ? a : b`` is the cases ``a`` where c holds, ``b`` otherwise. The condition runs back to the ``=`` (or
the start) before it, the otherwise-value on to the next ``=``, ``,`` or the end; a ``?`` with no ``:`` after it (a
question mark) is left alone."""

from __future__ import annotations

from collections.abc import Callable

_OPEN = {"(", "[", "{", r"\{", r"\begin{cases}", r"\begin{matrix}"}
_CLOSE = {")", "]", "}", r"\}", r"\end{cases}", r"\end{matrix}"}


def ternaries(toks: list, tok: Callable[..., object]) -> list:
    """``toks`` with each top-level ``c ? a : b`` written as ``\\begin{cases} a & c \\\\ b & \\text{otherwise}
    \\end{cases}``."""
    depths = _depths(toks)
    ask = next((k for k, t in enumerate(toks) if t.text == "?" and depths[k] == 0), None)
    if ask is None:
        return toks
    colon = next((k for k in range(ask + 1, len(toks) - 1) if toks[k].text == ":" and depths[k] == 0), None)
    start = max((k + 1 for k in range(ask) if toks[k].text in ("=", ",") and depths[k] == 0), default=0)
    if colon is None or start == ask or colon == ask + 1:
        return toks
    end = next((k for k in range(colon + 1, len(toks)) if toks[k].kind == "end" or
                toks[k].text in ("=", ",") and depths[k] == 0), len(toks) - 1)
    if end == colon + 1:
        return toks
    last = toks[end - 1].col  # the page's own text runs from the condition to the last value (synthesized: column 0)
    otherwise = [tok("cmd", r"\text", 0), tok("sym", "{", 0), *(tok("letter", c, 0) for c in "otherwise"),
                 tok("sym", "}", 0)]
    cases = [tok("cmd", r"\begin{cases}", toks[start].col), *toks[ask + 1:colon], tok("sym", "&", 0), *toks[start:ask],
             tok("cmd", "\\\\", 0), *ternaries(toks[colon + 1:end] + toks[-1:], tok)[:-1], tok("sym", "&", 0),
             *otherwise, tok("cmd", r"\end{cases}", last)]
    return toks[:start] + cases + ternaries(toks[end:], tok)


def _depths(toks: list) -> list[int]:
    """The bracket depth at each token."""
    depth, out = 0, []
    for t in toks:
        depth -= t.text in _CLOSE
        out.append(depth)
        depth += t.text in _OPEN
    return out
