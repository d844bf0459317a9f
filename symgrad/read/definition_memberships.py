"""Memberships written among a page's definitions. A ``--define`` that states only where names lie (``Hidden state:
$h \\in \\mathbb{R}^D$``, ``y^{(i)} \\in \\{0, 1\\}``), or a part of a list that does (``y^{(i)} \\in \\{0, 1\\}, h(x) =
g(\\theta^T x)``), is a fact, read as ``--given`` reads it (noted). The space a defined value is said to lie in (``E =
\\hat{R} - R \\in \\mathbb{R}^{(N \\times M)}``) is checked against the value's own number of axes and then dropped
(noted), as for a claimed value (read.shapes_claimed); a value whose axes are not the space's is refused, naming
both. Verify calls ``memberships_read`` on the definitions before reading them, ``defined_space`` on each."""

from __future__ import annotations

from .context import Context
from .definition_ranges import ranges_read
from .facts import is_case, parse_given
from .shapes_claimed import _SPACES, _top_level, _value_in_space
from .tokens import _tokens, tokenizes

_OPEN, _CLOSE = frozenset({"(", "[", "{", r"\{", r"\left("}), frozenset({")", "]", "}", r"\}", r"\right)"})


def memberships_read(statements: list[str], ctx: Context) -> list[str]:
    """``statements`` without the memberships among them, each read into ``ctx`` as a fact (noted); a statement
    listing memberships and definitions (``y \\in \\{0, 1\\}, h(x) = ...``) keeps its definitions, at their columns.
    A statement with one formula in prose (``Hidden state: $h \\in \\mathbb{R}^D$ (after LayerNorm)``) is that formula."""
    kept = []
    for text in ranges_read(statements, ctx):  # y_i = ... \quad (i = 1, \dots, n): the index's range, a fact
        formula = text.split("$")[1] if text.count("$") == 2 else text
        parts = _parts(formula) if tokenizes(formula) else []
        facts = [(a, b) for a, b in parts if _membership(formula[a:b], ctx)]
        for a, b in facts:
            parse_given(formula[a:b], ctx)
            ctx.notes.append(f"{' '.join(formula[a:b].split())} among the definitions read as a fact")
        if not facts:
            kept.append(text)
        elif len(facts) < len(parts):  # the definitions stay at their columns, the facts and their commas blank
            cut = {k for a, b in facts for k in range(a, b + 1)}
            kept.append("".join(" " if k in cut else c for k, c in enumerate(formula)))
    return kept


def _parts(formula: str) -> list[tuple[int, int]]:
    """Where the parts of ``formula`` between commas outside every bracket start and end (``\\{0, 1\\}`` is one)."""
    toks = _tokens(formula)
    depth, parts, start = 0, [], 0
    for t in toks:
        depth -= t.text in _CLOSE
        if t.text == "," and depth == 0 or t.kind == "end":
            parts.append((start, t.col - 1))
            start = t.col
        depth += t.text in _OPEN
    return parts


def _membership(text: str, ctx: Context) -> bool:
    """Whether ``text`` only says where names lie: an ``\\in`` outside brackets, no ``=`` there, and no case (``i \\in
    S`` for an index is a range, read as a fact too)."""
    if not text.strip() or not tokenizes(text) or is_case(text, ctx):
        return False
    toks = _tokens(text)
    top = [toks[k].text for k in _top_level(toks)]
    return r"\in" in top and "=" not in top and toks[0].text != r"\in"


def defined_space(text: str, ctx: Context) -> str:
    """``text``, a definition, without the space written after its value (``E = \\hat{R} - R \\in \\mathbb{R}^{N
    \\times M}``) once the value's number of axes is the space's (noted); refused otherwise; ``text`` itself where it
    writes no such space."""
    if not tokenizes(text):
        return text
    toks = _tokens(text)
    top = _top_level(toks)
    ins = [k for k in top if toks[k].text == r"\in"]
    if not ins or toks[ins[-1] + 1].text not in _SPACES or not any(toks[k].text == "=" for k in top if k < ins[-1]):
        return text
    return _value_in_space(text, toks, ins[-1], ctx, "defined value")

