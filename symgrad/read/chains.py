"""How a claim's text becomes one chain: lines that are each an equation joined, a case written after the chain cut
off into the assumptions, the letters that bound its sums (and a bound in the other case of the one size), no
equation number read as a factor."""

from __future__ import annotations

import itertools
import re

from ..errors import ParseError
from .claim_ranges import range_after
from .context import Context
from .parser import _Parser
from .prose import equation_number
from .sets import index_range
from .tokens import _DOTS, _arg_text, _split, _Tok
from .tokens import _NAMED as _NAMED_WORD_CMDS

_OPEN_ENDS = ("=", "+", "-", r"\\", "(", "{", ",", "&", r"\cdot", r"\times")


def _lines_as_chain(latex: str) -> str:
    """Lines that are each an equation (``\\frac{dy}{dx} = A`` then ``\\frac{dy}{dx} = B``) joined as one chain: the
    line break becomes ``=`` (the same width, so columns stay); a line continuing the one before is left alone. Two
    values given as alternatives are a chain too (``_alternatives_as_chain``)."""
    latex = _alternatives_as_chain(latex)
    lines = latex.split("\n")
    out = lines[0]
    plain = "\\" not in latex  # plain text: a line with no = after an equation is the chain's next member, its = lost
    for before, line in itertools.pairwise(lines):
        joined = "=" in before and ("=" in line or plain and line.strip() != "") and \
            not before.strip(" \t$").endswith(_OPEN_ENDS) and \
            not line.strip(" \t$").startswith(("=", "&", "+", "-", "*", "/", "·", r"\\", ")", "}"))
        out += ("=" if joined else "\n") + line
    return out


_OR = re.compile(r"\s(?:or|\\text\{\s*or\s*\})\s")
_LONG_WORD = re.compile(r"(?<![\\A-Za-z])(?:[A-Za-z]{3,}|if|in|is|as|at|of|on|to|by)(?![A-Za-z])")  # prose


def _alternatives_as_chain(latex: str) -> str:
    """``(BA)^T or A^TB^T``: a claim with no = that gives values as alternatives, each claimed to be the derivative,
    is the chain ``(BA)^T = A^TB^T`` (wrong where either is); ``or`` becomes ``=`` (the same width). Text with words
    or an = (``p_i if i = j or i = k``) is left as written."""
    if "=" in latex or not _OR.search(latex):
        return latex
    parts = _OR.split(latex)
    if any(not p.strip() or _LONG_WORD.search(p) for p in parts):
        return latex
    return _OR.sub(lambda m: "=".center(len(m.group(0))), latex)


_WORDS = r"\\text\{\s*(?:\([^{}()]*\)|[A-Za-z]{2,}\s+[A-Za-z][^{}]*)\s*\}"  # (a remark), or two words or more
_LINE_REMARK = re.compile(rf"(?<=\\\\)\s*{_WORDS}(?=\s*&)|(?:\\q?quad\s*)?{_WORDS}(?=\s*\\\\)")
# a Japanese page's reference mark, (※1) anywhere or ※1 at a line's end, points to a remark below: never mathematics
_NOTE_MARK = re.compile(r"\(\s*※\s*\d*\s*\)|※\s*\d*(?=\s*(?:\\\\|$))")
# a page's HTML paragraph and line-break tags between display lines (<p>, </p>, <br/>, <div class="math">): layout
# only; tags that mark up the text itself (<sub>, <sup>, <b>) are not among them
_LAYOUT_TAG = re.compile(r"</?(?:p|br|div|span|hr|center)(?:\s[^<>]*)?/?>", re.IGNORECASE)


def _line_remarks_blanked(latex: str) -> str:
    """An aligned chain without the remarks in words on its lines (``\\\\ \\text{(chain rule)} &= ...``, ``... \\quad
    \\text{by linearity} \\\\``, a reference mark ``(※1)``), blanked, the same width: they say why a step holds,
    not what it is; a page's HTML layout tags between the lines (``</p> <p>``) too."""
    for remark in (_LINE_REMARK, _NOTE_MARK, _LAYOUT_TAG):
        latex = remark.sub(lambda m: " " * len(m.group(0)), latex)
    return latex


def _naming_the_derivative(latex: str, parts: list[list[_Tok]], ctx: Context, asked: tuple) -> list[list[_Tok]]:
    """``parts`` of a claim chain, its first side dropped where ``--of`` names the derivative (``asked``: the --of text,
    the derivative read from it, and a Jacobian's name already found) and that side is a name the problem does not
    know with at most letter indices (``H_{ij} = ...``, ``g = ...``): it names that derivative (noted), as ``J = ...``
    names a Jacobian."""
    side = parts[0]
    texts = [t.text for t in side if t.text not in ("{", "}", ",", r"\mathbf", r"\boldsymbol", r"\mathrm")]
    if not (asked[0] or asked[1]) or asked[2] is not None or len(parts) < 2 or not texts or side[0].kind != "letter" \
            or ctx.declared_elsewhere(texts[0]) or any(t.kind not in ("letter", "sym", "cmd") for t in side) or \
            (texts[1:] and texts[1] != "_" and not _d_name(side, ctx)) or \
            not all(len(x) == 1 and x.isalpha() for x in texts[2:]):
        return parts
    ctx.notes.append(f"{latex[side[0].col - 1:side[-1].col].strip()} names the derivative --of gives")
    return [[], *parts[1:]]


def _d_name(side: list[_Tok], ctx: Context) -> bool:
    """Whether ``side`` is letters written together after a ``d`` (``dX``, ``dW``), a name the problem does not know:
    the d<name> of backprop code, naming a derivative."""
    word = "".join(t.text for t in side)
    return len(side) > 1 and side[0].text == "d" and all(t.kind == "letter" for t in side) and \
        all(t.col == side[0].col + k for k, t in enumerate(side)) and not ctx.declared_elsewhere(word)


_CASE_WORDS = {"if", "for", "when", "where", "with"}


def _case_after(latex: str, toks: list[_Tok], ctx: Context) -> list[_Tok]:
    """``toks`` without a trailing case ``, i = j`` / ``\\text{if } i \\neq j``, which goes to ``ctx.assumptions``
    (nor a trailing range of an index, ``read.claim_ranges``)."""
    toks = range_after(latex, toks, ctx)
    tail = toks[-5:-1]
    if len(toks) < 6 or [t.kind for t in (tail[1], tail[3])] != ["letter", "letter"] or tail[2].text not in (
            "=", r"\ne", r"\neq"):
        return toks
    cut = len(toks) - 4
    if tail[0].text != ",":
        word = next((k for k in range(max(0, cut - 12), cut) if toks[k].text in _NAMED_WORD_CMDS and toks[k + 1].text == "{"),
                    None)
        if word is None or _arg_text(toks, word + 1)[1] != cut or _arg_text(toks, word + 1)[0] not in _CASE_WORDS:
            return toks
        cut = word
    elif toks[cut - 1].text in _NAMED_WORD_CMDS:
        return toks
    if toks[cut - 1].text == "," and cut > 1:
        cut -= 1
    p = _Parser(latex, toks[-4:], ctx)
    p.index_mode = True
    rel = p.relation()
    p.done()
    mapping = p.resolve()
    p.commit(mapping)
    ctx.assumptions.append(rel.xreplace(mapping))
    return toks[:cut] + toks[-1:]


def _sum_bounds(toks: list[_Tok]) -> set[str]:
    """The letters that stand as the upper bound of a ``\\sum`` (``\\sum_{j=1}^{n}``, ``\\sum_{j=1}^n``)."""
    found = set()
    for k, t in enumerate(toks[:-1]):
        if t.text != r"\sum":
            continue
        end = next((m for m in range(k + 1, len(toks) - 1) if toks[m].text == "^" and toks[m - 1].text in ("}",)
                    or toks[m].kind == "end"), None)
        if end is None or toks[end].text != "^":
            continue
        after = toks[end + 1:end + 4] + [toks[-1]] * 3  # the end token pads a bound cut short
        letter = after[0] if after[0].kind == "letter" else after[1] if after[0].text == "{" and after[2].text == "}" \
            else None
        if letter is not None and letter.kind == "letter":
            found.add(letter.text)
    return found


def _sum_bounds_sized(toks: list[_Tok], ctx: Context) -> set[str]:
    """The bounds of the claim's sums (``_sum_bounds``); ``\\sum_{i=1}^{n}`` in a claim whose definitions sum to N, n
    never declared: n is that N written in the other case (noted), the only size the page has."""
    bounds = _sum_bounds(toks)
    for b in bounds:
        other = b.swapcase()
        if len(ctx.sizes) == 1 and other in ctx.sizes and not ctx.declared_elsewhere(b):
            ctx.sizes[b] = ctx.sizes[other]
            ctx.notes.append(f"{b} (not declared) read as {other}, the one size of the definitions")
    return bounds


def _no_equation_number(latex: str) -> None:
    """Refuse ``y = 2x (3)``: an equation number after the formula, or a factor 3."""
    found = equation_number(latex)
    if found is not None:
        n, at = found
        raise ParseError(f"({n}) at the end has two readings: an equation number, or a factor {n}; write \\tag{{{n}}} "
                         f"(or \\quad ({n})) for the number, or {n} \\cdot (...) for the factor", column=at, source=latex)


def _range_after(latex: str, toks: list[_Tok], ctx: Context) -> list[_Tok]:
    """``toks`` without a trailing ``, i = 1, \\dots, n`` (``p_i = ..., \\quad i = 1 .. n``), read as the range of i."""
    parts = _split(toks, {","})
    tail = parts[-1][1:] if len(parts) > 1 else []
    if len(tail) < 4 or tail[0].kind != "letter" or tail[1].text != "=" or not any(t.text in _DOTS for t in tail):
        return toks
    index_range(latex, tail + toks[-1:], ctx)
    return [t for part in parts[:-1] for t in part] + toks[-1:]
