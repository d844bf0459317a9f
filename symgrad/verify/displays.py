"""One display that states several derivatives (``[\\log \\sigma(x)]' = 1 - \\sigma(x), \\quad [\\log(1 - \\sigma(x))]' =
-\\sigma(x)``): each judged as a claim of its own, and the display judged as pages mean it - right when every claim
is, wrong when one is. A claim that first defines its name is read by verify.claim_definitions."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from ..errors import ParseError
from ..read.ascii_drawings import drawing_set_aside
from ..read.claim_rows import statements
from ..read.claim_sentences_cjk import claim_in_chinese, primes_transposed
from ..read.sympy_matrices import in_sympy
from .claim import verify as verify_one
from .claim_definitions import definition_before
from .verdict import Verdict

_SEPARATORS = {",", ";"}
_ORDINALS = ("first", "second", "third", "fourth", "fifth")


def verify(claim: str, of: str | None = None, define: Sequence[str] = (), given: Sequence[str] = (),
           assume: Sequence[str] = (), timeout: float = 3.0, convention: str | None = None) -> Verdict:
    """``claim.verify`` for a display that may hold several claims (see the module docstring); ``of`` names one
    derivative, so a claim with ``of`` is always one. SymPy's MatrixSymbols declared among the definitions are read
    first (read.sympy_matrices), noted."""
    sympy_claim, sympy_of, sympy_define, sympy_notes = in_sympy(claim, of, define)
    if sympy_notes:  # X = MatrixSymbol('X', n, n): its fact, and SymPy's * in the code
        verdict = verify(sympy_claim, sympy_of, sympy_define, given, assume, timeout, convention)
        verdict.message = " ".join([verdict.message, *(f"[read: {note}]" for note in sympy_notes)]).strip()
        return verdict
    drawn = drawing_set_aside(claim)
    if drawn is not None:  # a calculator's ASCII drawing of the result, then the result in LaTeX
        verdict = verify(drawn, of, define, given, assume, timeout, convention)
        verdict.message = f"{verdict.message} [read: the formula drawn in ASCII before $$...$$ set aside: the display " \
                          "states it]".strip()
        return verdict
    chinese = claim_in_chinese(claim) if of is None else None
    if chinese is not None:  # B'X'XB对B求导('表示转置)结果是2X'XB: the sentence's derivative, its remark on the prime
        said, transposed = chinese
        verdict = verify(said, of, [primes_transposed(d) for d in define] if transposed else define, given, assume,
                         timeout, convention)
        notes = [f"the sentence read as {said}"] + (
            ["' read as the transpose, in the definitions too, as the remark in parentheses states"] if transposed else [])
        verdict.message = " ".join([verdict.message, *(f"[read: {n}]" for n in notes)]).strip()
        return verdict
    stated = definition_before(claim, define) if of is None else None
    if stated is not None:  # Then L = (1/N)|r|^2 and dL/dW = ...: L's definition, then the claim
        verdict = verify(stated[1], of, [*define, stated[0]], given, assume, timeout, convention)
        verdict.message = f"{verdict.message} [read: {stated[0]} before the claim read as the definition of a name " \
                          "nothing else defines]".strip()
        return verdict
    parts, parted = (claims_in(claim), "a comma") if of is None else ([claim], "")
    if len(parts) == 1 and of is None:
        parts, parted = _rows_stating(claim), "its rows"
    if len(parts) == 1:
        return verify_one(claim, of, define, given, assume, timeout, convention)
    verdicts = [verify_one(part, None, define, given, assume, timeout, convention) for part in parts]
    return _combined(verdicts, parts, parted)


def _rows_stating(text: str) -> list[str]:
    """The statements of ``text``'s rows (read.claim_rows), where each states a derivative; ``[text]`` otherwise."""
    from ..read.tokens import _tokens

    parts = statements(text)
    try:
        stating = len(parts) > 1 and all(_states_a_derivative(_tokens(part)[:-1]) for part in parts)
    except ParseError:
        return [text]  # the claim's reader reports it, with its column
    return parts if stating else [text]


def claims_in(text: str) -> list[str]:
    """The claims a display holds, each the display's text with the others blanked (columns kept): parted at a comma
    or semicolon outside brackets when the sides before and after it each start with a derivative and hold an =.
    ``p_i(1 - p_i), \\quad i = j`` (a case after the claim) stays one."""
    from ..read.tokens import _split, _tokens

    try:
        toks = _tokens(text)
    except ParseError:
        return [text]  # the claim's reader reports it, with its column
    pieces = _split(toks, _SEPARATORS)
    cuts = [k for k in range(1, len(pieces)) if _states_a_derivative(pieces[k][1:]) and _states_a_derivative(
        [t for piece in pieces[_start(pieces, k):k] for t in piece][1 if _start(pieces, k) else 0:])]
    if not cuts:
        return [text]
    bounds = [0, *(pieces[k][0].col - 1 for k in cuts), len(text)]
    return [" " * (start + bool(n)) + text[start + bool(n):end] + " " * (len(text) - end)
            for n, (start, end) in enumerate(itertools.pairwise(bounds))]


def _start(pieces: list, k: int) -> int:
    """The piece where the claim that ends before piece ``k`` starts: after the last separator before it that
    begins a claim of its own (or the display's start)."""
    return next((j for j in range(k - 1, 0, -1) if _states_a_derivative(pieces[j][1:])), 0)


def _states_a_derivative(toks: list) -> bool:
    """Whether tokens hold an = (outside brackets) with a derivative on its left: a prime, a partial, a nabla or
    a d fraction (``\\frac{d}{dx}``, ``\\frac{dL}{dw}``)."""
    from ..read.tokens import _split

    sides = _split([*toks, toks[-1]] if toks else [], {"="}) if toks else [[]]
    if len(sides) < 2:
        return False
    left = sides[0]
    return any(t.text in ("'", r"\prime", r"\partial", r"\nabla") for t in left) or any(
        a.text in (r"\frac", r"\dfrac", r"\tfrac") and b.text == "{" and c.text == "d"
        for a, b, c in zip(left, left[1:], left[2:]))


def _combined(verdicts: list[Verdict], parts: list[str], parted: str) -> Verdict:
    """The display's verdict: the first wrong claim's (a display with a wrong claim is wrong), else the first
    unreadable one's, else proved when every claim is, agrees otherwise; noted."""
    said = ", ".join(f"the {_ORDINALS[n] if n < len(_ORDINALS) else f'{n + 1}th'} {v.verdict}"
                     for n, v in enumerate(verdicts))
    note = f"[read: the display states {len(parts)} derivatives, parted at {parted}, each judged as a claim: {said}]"
    decisive = next((v for v in verdicts if v.verdict == "wrong"), None) or next(
        (v for v in verdicts if v.verdict == "unreadable"), None)
    if decisive is not None:
        decisive.message = f"{decisive.message} {note}".strip()
        return decisive
    kind = "proved" if all(v.verdict == "proved" for v in verdicts) else "agrees"
    return Verdict(kind, [link for v in verdicts for link in v.links], None, "; ".join(
        v.correct for v in verdicts if v.correct) or None, None, " ".join(["; ".join(v.message for v in verdicts),
                                                                          note]), "; ".join(v.derivative for v in verdicts))
