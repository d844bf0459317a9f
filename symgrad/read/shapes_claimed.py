"""Shapes a claim states of itself. Memberships written after the claimed value (``= x^T(B+B^T), \\ \\ x \\in
\\mathbb{R}^{a}, B \\in \\mathbb{R}^{a \\times a}``) are facts, read as ``--given`` reads them (noted). The space a
claimed value is said to lie in (``-2(a-x) \\in \\mathbb R^{1 \\times n}``) is checked against the value's own shape and
then dropped (noted): a value whose number of axes is not the space's is refused, naming both. Verify calls
``claim_shapes`` on the claim's text before reading the claim."""

from __future__ import annotations

import copy

from ..errors import ParseError
from .context import Context
from .facts import parse_given
from .parser import _Parser
from .tokens import _Tok, _tokens

_OPEN, _CLOSE = frozenset("({["), frozenset(")}]")
_SPACES = frozenset({r"\mathbb", r"\Bbb", r"\R", r"\Re", r"\reals"})  # what a real space starts with


def claim_shapes(latex: str, ctx: Context) -> str:
    """The claim without the memberships written after its value, which are read into ``ctx`` as facts, and without
    the space its value is said to lie in, once that space's shape is checked; ``latex`` itself where it writes
    neither."""
    toks = _tokens(latex)
    top = _top_level(toks)
    ins = [k for k in top if toks[k].text == r"\in"]
    if not ins:
        return latex
    commas = [k for k in top if toks[k].text == "," and k < ins[-1]]
    tail = next((c for c in commas if toks[c + 1].kind in ("letter", "cmd") and any(c < k for k in ins) and
                 not any(k < c for k in ins)), None)
    if tail is not None:
        facts = latex[toks[tail + 1].col - 1:].strip()
        parse_given(facts, ctx)
        ctx.notes.append(f"the claim's own memberships {facts} read as facts")
        latex, toks = latex[:toks[tail].col - 1].rstrip(), toks[:tail] + [_Tok("end", "", toks[tail].col)]
        ins = [k for k in ins if k < tail]
    if ins and toks[ins[-1] + 1].text in _SPACES:
        latex = _value_in_space(latex, toks, ins[-1], ctx)
    return latex


def _top_level(toks: list[_Tok]) -> list[int]:
    """The positions of the tokens outside every bracket and brace."""
    depth, out = 0, []
    for k, t in enumerate(toks):
        depth -= t.text in _CLOSE
        if depth == 0:
            out.append(k)
        depth += t.text in _OPEN
    return out


def _value_in_space(latex: str, toks: list[_Tok], at: int, ctx: Context, role: str = "claimed value") -> str:
    """``latex`` up to the ``\\in`` at ``toks[at]``, once the claimed value before it (its last side of ``=``) has as
    many axes as the space after it; refused otherwise."""
    equals = [k for k in _top_level(toks[:at]) if toks[k].text == "="]
    start = toks[equals[-1] + 1].col - 1 if equals else 0
    value, space = latex[start:toks[at].col - 1].strip(), latex[toks[at].col - 1:].strip()
    trial = copy.deepcopy(ctx)
    p = _Parser(value, _tokens(value), trial)
    try:
        v = p.expr()
        p.done()
    except ParseError:
        return latex  # not a value (\text{for } i \in ...): the claim's reader says what it is
    fresh = next(c for c in "QZYWVUK" if c not in latex and not trial.declared_elsewhere(c))
    parse_given(f"{fresh} {space}", trial)
    declared = trial.tensors.get(fresh)
    dims = [d for d in getattr(declared, "shape", None) or () if d != 1]
    space = space[len(r"\in"):].strip()
    if len(dims) != len(v.free):
        raise ParseError(f"the {role} {value} has {_axes(len(v.free))}, but the page says it lies in {space} "
                         f"({_axes(len(dims))}): write the space of its shape or leave it out", column=toks[at].col,
                         source=latex)
    ctx.notes.append(f"the {role}'s space {space} checked against its shape ({_axes(len(dims))}) and dropped")
    return latex[:toks[at].col - 1].rstrip()



def _axes(n: int) -> str:
    return ("no axis (a number)", "one axis (a vector)", "two axes (a matrix)")[min(n, 2)]
