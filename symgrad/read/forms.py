"""The form of each fact in a ``--given`` string, by the grammar ``facts.lark``: a list of (form, tokens). The
grammar and Lark (read/forms_tree.py) load at the first fact read, so that a verify without facts never imports them."""

from __future__ import annotations

import re

from ..errors import ParseError
from .tokens import _Tok

_IN_AS_EPSILON = (r"\epsilon", r"\varepsilon")  # X \epsilon \mathbb{R}^{n}: the element sign typed as an epsilon
_SPACES = ("\\mathbb", "\\Bbb", "\\R", "\\RR", "\\rrn", "\\Rn", "\\reals")


def respelled(toks: list[_Tok], notes: list[str]) -> list[_Tok]:
    """``toks`` with an epsilon standing between a name and a space (``\\mathbf{X}\\epsilon\\mathbb{R}^{n}``) read as
    \\in, noted; an epsilon anywhere else is left, a name."""
    out = list(toks)
    for k in range(1, len(toks) - 1):
        after = toks[k + 1]
        space = after.text in _SPACES or after.text == "R" and toks[k + 2].text == "^"
        if toks[k].text in _IN_AS_EPSILON and space and toks[k - 1].kind in ("letter", "digit", "cmd", "sym") and \
                toks[k - 1].text not in (",", "=", "(", "{", r"\in"):
            out[k] = _Tok("cmd", r"\in", toks[k].col)
            notes.append(f"{toks[k].text} between a name and a space read as \\in")
    return sets_and_columns(out, notes)


def sets_and_columns(toks: list[_Tok], notes: list[str]) -> list[_Tok]:
    """``toks`` with two spellings pages use read as meant, each noted: a set of numbers after \\in in TeX's own
    braces, which print nothing (``y \\in{-1, +1}``: the set \\{-1, +1\\}); a value in parentheses with its entries
    separated by semicolons (``y = (y_1; y_2; \\dots; y_m)``, a column written out), its entries. A semicolon in an
    argument list (``p(x; \\theta)``) is left: it follows a name, not ``=``."""
    out = list(toks)
    for k in range(1, len(toks) - 1):
        if toks[k].text == "{" and toks[k - 1].text == r"\in":
            close = _closing(toks, k, "{", "}")
            items = [t.text for t in toks[k + 1:close] if t.text != ","]
            commas = sum(t.text == "," for t in toks[k + 1:close])
            if close is not None and commas and all(t.replace(".", "").isdigit() or t in "+-" for t in items):
                out[k], out[close] = _Tok("cmd", r"\{", toks[k].col), _Tok("cmd", r"\}", toks[close].col)
                notes.append(f"{_text(toks, k, close)} after \\in, in TeX's braces (which print nothing), read as a set")
        if toks[k].text == "(" and toks[k - 1].text == "=":
            close = _closing(toks, k, "(", ")")
            top = _top_level(toks, k, close) if close is not None else []
            if sum(toks[j].text == ";" for j in top) >= 2 and not any(toks[j].text == "," for j in top):
                out = [_Tok("sym", ",", t.col) if j in top and t.text == ";" else t for j, t in enumerate(out)]
                notes.append(f"{_text(toks, k, close)}: its entries separated by semicolons (a column written out)")
    return _values(out, notes)


def _values(toks: list[_Tok], notes: list[str]) -> list[_Tok]:
    """``x = 0, 1`` (a name, then numbers after =, as a page lists the values a variable takes): ``x \\in \\{0, 1\\}``,
    noted; any other fact unchanged (``x = 0,1``, two numbers glued by a comma, may be a decimal: ``glued_pair``). A
    range of an index is written with its dots: ``i = 1, \\dots, n``."""
    values = [t.text for t in toks[2:-1] if t.text != ","]
    commas = [k for k, t in enumerate(toks) if t.text == ","]
    glued = len(commas) == 1 and toks[commas[0] + 1].col == toks[commas[0]].col + 1  # 0,1: or a decimal comma
    if len(toks) < 6 or toks[1].text != "=" or toks[0].kind != "letter" or len(commas) < 1 or any(
            toks[k - 1].text == "," for k in commas) or toks[-2].text == "," or glued or not all(
            v.replace(".", "").isdigit() or v in "+-" for v in values):
        return toks
    notes.append(f"{_text(toks, 0, len(toks) - 2)}: the values {toks[0].text} takes, read as {toks[0].text} \\in "
                 f"\\{{{_text(toks, 2, len(toks) - 2)}\\}} (its domain: as an index, it would need its range "
                 f"written with dots, {toks[0].text} = 1, \\dots, n)")
    return [toks[0], _Tok("cmd", r"\in", toks[1].col), _Tok("cmd", r"\{", toks[1].col), *toks[2:-1],
            _Tok("cmd", r"\}", toks[-1].col), toks[-1]]


def _closing(toks: list[_Tok], k: int, opening: str, closing: str) -> int | None:
    """The index of the token closing ``toks[k]`` (an ``opening``), or None."""
    depth = 0
    for j in range(k, len(toks)):
        depth += (toks[j].text == opening) - (toks[j].text == closing)
        if depth == 0:
            return j
    return None


def _top_level(toks: list[_Tok], k: int, close: int) -> list[int]:
    """The indices of the tokens between ``toks[k]`` and ``toks[close]`` outside any inner group."""
    depth, top = 0, []
    for j in range(k + 1, close):
        depth += (toks[j].text in ("(", "{", "[")) - (toks[j].text in (")", "}", "]"))
        if depth == 0:
            top.append(j)
    return top


def _text(toks: list[_Tok], k: int, close: int) -> str:
    """The tokens from ``toks[k]`` to ``toks[close]`` as written (spaced where their columns leave a gap)."""
    text = toks[k].text
    for before, t in zip(toks[k:close], toks[k + 1:close + 1]):
        text += " " * (t.col > before.col + len(before.text)) + t.text
    return text


_GLUED = re.compile(r"\s*\$*\s*(\\?[A-Za-z]+(?:_\{?\w+\}?)?)\s*(=\s*([-+]?\d+),(\d+))\s*\$*\s*[.;]?\s*")


def glued_pair(text: str) -> None:
    """Refuse ``x = 0,1`` (two numbers glued by a comma), naming its two readings: the values x takes (0 and 1), or
    the decimal 0.1 written with a decimal comma; the error carries both spellings, for verify to judge each."""
    m = _GLUED.fullmatch(text)
    if m is None:
        return
    name, a, b = m[1], m[3], m[4]
    values, decimal = rf"\in \{{{a}, {b}\}}", f"= {a}.{b}"
    e = ParseError(f"{name} = {a},{b} has two readings: the values {name} takes ({name} {values}), or the decimal "
                   f"{a}.{b} written with a decimal comma ({name} {decimal}); write the one meant",
                   column=m.start(2) + 1, source=text)
    e.readings = ((f"the values {a} and {b}", m.start(2) + 1, m.end(2) + 1, values),
                  (f"the decimal {a}.{b}", m.start(2) + 1, m.end(2) + 1, decimal))
    raise e


def forms(toks: list[_Tok], latex: str) -> list[tuple[str, list[_Tok]]]:
    """The facts of a ``--given`` string: each form (a rule of ``facts.lark``) with its tokens."""
    from .forms_tree import parsed_forms  # Lark and the grammar, for a string that has facts

    return parsed_forms(toks, latex)
