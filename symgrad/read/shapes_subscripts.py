"""Sizes written as a subscript, as ML notes annotate shapes: ``y_{m \\times 1} = W_{m \\times n} x_{n \\times 1} +
b_{m \\times 1}``, ``(\\nabla_y \\ell)_{m \\times 1} \\cdot (x^T)_{1 \\times n}``. A subscript of two sizes joined by
``\\times`` is no index (an index has no times sign) and no label: it says the shape of what it follows, which that
value's use gives; it is dropped before the descent reads the formula (noted), and a name it follows that nothing
declares takes that shape, unit axes dropped (read as a number, ``W x`` would multiply numbers and an ill-shaped
claim could be proved). ``M_{m \\times n}(\\mathbb{R})``, a space of matrices, keeps its subscript."""

from __future__ import annotations

from .tokens import _Tok

_FONTS = frozenset({r"\mathbf", r"\boldsymbol", r"\bm", r"\vec"})
_FOLLOWS = frozenset({")", "]", "}", r"\right)", r"\right]"})  # a bracket or a braced name before the subscript


def without_size_subscripts(toks: list[_Tok]) -> tuple[list[_Tok], list[tuple[str, str | None, list[str]]]]:
    """``toks`` without each size subscript, and for each: the subscript as written (``m \\times n``), the name it
    follows (None after a bracket) and its sizes (letters, or numbers as written), unit axes dropped."""
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(toks):
        end = _size_subscript(toks, k)
        if end is not None:
            spans.append((k, end))
        k = end or k + 1
    dropped = []
    for start, end in spans:
        written = "".join(rf" {t.text} " if t.text == r"\times" else t.text for t in toks[start + 2:end - 1])
        dropped.append((written, _name_before(toks, start), [s for s in written.split(r" \times ") if s != "1"]))
    out = [t for j, t in enumerate(toks) if not any(start <= j < end for start, end in spans)]
    return out, dropped


def _group_command(toks: list[_Tok], close: int) -> str | None:
    """What stands before the brace group that ``toks[close]`` closes (``\\mathbf`` of ``\\mathbf{b}``, ``^`` of
    ``x^{T}``), None where the group never opens."""
    depth = 0
    for j in range(close, -1, -1):
        depth += (toks[j].text == "}") - (toks[j].text == "{")
        if depth == 0:
            return toks[j - 1].text if j > 0 else None
    return None


def _name_before(toks: list[_Tok], k: int) -> str | None:
    """The one letter name right before ``toks[k]`` (``W``, ``\\mathbf{b}``, ``\\boldsymbol{\\beta}``), else None."""
    if toks[k - 1].kind == "letter" and not (k > 1 and toks[k - 2].kind == "letter" and
                                              toks[k - 2].col + len(toks[k - 2].text) == toks[k - 1].col):
        return toks[k - 1].text
    if k > 3 and toks[k - 1].text == "}" and toks[k - 3].text == "{" and toks[k - 4].text in _FONTS and \
            toks[k - 2].kind == "letter":
        return toks[k - 2].text
    return None


def _size_subscript(toks: list[_Tok], k: int) -> int | None:
    """The position after ``_{a \\times b}`` at ``toks[k]`` (a, b a letter or a number each), where it follows a name
    or a bracket, and no argument list follows the name; None elsewhere."""
    if not _subscript_of_value(toks, k):
        return None
    before = toks[k - 1]
    counted = _sizes_in_group(toks, k + 2)
    if counted is None:
        return None
    j, sizes = counted
    closes = j < len(toks) and toks[j - 1].text != r"\times"
    applied = j + 1 < len(toks) and toks[j + 1].text == "(" and before.text not in (")", "]", r"\right)")
    if not closes or sizes != 2 or applied:  # M_{m \times n}(\mathbb{R}): a space of matrices
        return None
    return j + 1


def _subscript_of_value(toks: list[_Tok], k: int) -> bool:
    """Whether ``toks[k]`` opens a braced subscript ``_{`` after a name or a bracket (not after ``\\in``, not of a
    space such as ``\\mathbb{R}_{...}``)."""
    if toks[k].text != "_" or k == 0 or k + 1 >= len(toks) or toks[k + 1].text != "{":
        return False
    before = toks[k - 1]
    if not (before.kind == "letter" or before.text in _FOLLOWS) or (k > 1 and toks[k - 2].text == r"\in"):
        return False
    # \mathbb{R}_{m \times n}: a space
    return before.text != "}" or _group_command(toks, k - 1) in (*_FONTS, "^")


def _sizes_in_group(toks: list[_Tok], j: int) -> tuple[int, int] | None:
    """From ``toks[j]`` to the group's ``}``: the position of that ``}`` (or the end) and how many sizes (letters or
    numbers) ``\\times`` joins there; None where anything else stands in the group."""
    sizes = 0
    while j < len(toks) and toks[j].text != "}":
        if toks[j].kind == "letter" and (sizes == 0 or toks[j - 1].text == r"\times"):
            sizes += 1
        elif toks[j].kind == "digit" and (toks[j - 1].kind == "digit" or sizes == 0 or toks[j - 1].text == r"\times"):
            sizes += toks[j - 1].kind != "digit"
        elif toks[j].text != r"\times" or toks[j - 1].text == r"\times":
            return None
        j += 1
    return j, sizes
