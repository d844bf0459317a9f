"""Plain-text names with a label: ``A1``, ``W1``, ``x0`` are A_{1}, W_{1}, x_{0}; ``y_hat`` is y_{hat}; ``Sum_k`` is
the sum over k. A rewrite of the token list, for text with no LaTeX in it (read.tokens applies it)."""

from __future__ import annotations

import re


def plain_name(toks: list, k: int, src: str, tok: type) -> tuple[list, int] | None:
    """In plain text, ``A1``, ``W1``, ``x0`` (a letter starting a word, or after the ``d`` of ``dZ1``, then digits)
    are one name with a label (A_{1}), and ``y_hat`` (a letter, ``_``, a word of three letters or more) one name
    y_{hat}; ``2x`` stays a product, ``log2`` a word; ``Sum_k`` and ``SUM_k`` are ``sum_k``, the sum over k."""
    t = toks[k]
    if re.match(r"(Sum|SUM)_", src[t.col - 1:]) and not re.search(r"[A-Za-z0-9_]$", before(src, t.col)):
        return [tok("letter", c, t.col + m) for m, c in enumerate("sum")], k + 3
    end = _label_end(toks, k, src)
    if end is None or k > 1 and [toks[k - 2].text, toks[k - 1].text, toks[end].text] == ["_", "{", "}"]:
        return None  # x_{i1}: a subscript's index and column (read.mixed_subscripts), no label i_1
    first = k + 1 + (toks[k + 1].text == "_")
    return [t, tok("sym", "_", toks[k + 1].col), tok("sym", "{", toks[k + 1].col), *toks[first:end],
            tok("sym", "}", toks[end - 1].col)], end


def before(src: str, col: int) -> str:
    """The last few characters of ``src`` before column ``col``: enough for a pattern anchored at their end (``$``
    also matches before a final newline, ``^`` only at the start of a short ``src``), and no copy of a long
    prefix for each token (a 10,000-character input took seconds)."""
    return src[max(0, col - 5):col - 1]


def _label_end(toks: list, k: int, src: str) -> int | None:
    """The index past the label of a plain-text name at ``k`` (``A1``, ``y_hat``), or None where it is none."""
    t = toks[k]
    if t.kind != "letter":
        return None
    kind, first = ("digit", k + 1) if toks[k + 1].kind == "digit" else ("letter", k + 2)
    prior = before(src, t.col)
    joined = r"[A-Za-z_]$" if kind == "digit" else r"[A-Za-z0-9_]$"  # x0 in w0x0 starts a name, 2x1 is 2 x_1
    if re.search(joined, prior) and not re.search(r"(^|[^A-Za-z0-9_])d$", prior) or \
            (kind == "letter" and toks[k + 1].text != "_"):
        return None
    end = first
    while toks[end].kind == kind and toks[end].col == toks[end - 1].col + 1:
        end += 1
    return end if end - first >= (1 if kind == "digit" else 3) else None
