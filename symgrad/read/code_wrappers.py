"""What wraps a piece of code on a page (read/code.py reads what is inside): markdown's backticks around the whole of
it (inline code that lost its rendering, ```A.T```), a ``return`` before its value (a function's one line, ``return
1 - np.tanh(x)**2``), and several spans of code joined by ``or`` or ``=`` (```(A+A.T)*X` or `A*X + A.T*X```: the
page's equivalent forms, each claimed). Each is blanked, columns kept."""

from __future__ import annotations

import itertools
import re

_FENCED = re.compile(r"(\s*)(`+)([^`]+)\2(\s*)")
_RETURN = re.compile(r"^(\s*)return(?=[\s(])")
_SPAN = re.compile(r"`([^`]+)`")
ALTERNATIVES_NOTE = "code: spans of code joined by 'or' or '=' read as one chain: each claimed, as the page's equivalent forms"


def bare(src: str) -> str:
    """``src`` with the backticks around the whole of it and a ``return`` before its value blanked (the same width)."""
    m = _FENCED.fullmatch(src)
    src = src if m is None else f"{m[1]}{' ' * len(m[2])}{m[3]}{' ' * len(m[2])}{m[4]}"
    return _RETURN.sub(lambda r: r[1] + " " * 6, src)


def returned_value(src: str) -> bool:
    """Whether ``src`` (in backticks or not) is ``return`` then a value."""
    m = _FENCED.fullmatch(src)
    return _RETURN.match(src if m is None else m[3]) is not None


def alternatives(src: str) -> list[str]:
    """Each span of ``src`` written as backticked code spans joined by the word ``or`` or by ``=`` (nothing else between
    them), as ``src`` with everything but that span's code blanked; [] for any other text."""
    spans = list(_SPAN.finditer(src))
    gaps = [src[a.end():b.start()] for a, b in itertools.pairwise(spans)]
    if len(spans) < 2 or src[:spans[0].start()].strip() or src[spans[-1].end():].strip() or \
            any(gap.strip() not in ("or", "=") for gap in gaps):
        return []
    return [" " * m.start(1) + m[1] + " " * (len(src) - m.end(1)) for m in spans]
