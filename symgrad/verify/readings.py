"""A construct the reader refuses because it has two readings (``e-x`` copied from a page that lost its
superscripts: e - x, or e^{-x}; ``(\\mu - x)^T`` of names nothing shapes: numbers, or arrays) is judged under each
reading the refusal names. Where every reading gives the same verdict (right under both, or wrong under both) that
verdict stands, noted with both readings: whichever the page meant, the answer is the same. Where they differ, or one
reading cannot be read, the input stays refused, and the message says what each reading gives (what stopped one that
cannot be read)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..errors import ParseError, ShapeMismatchError
from ..rules.deadline import now
from .transposed_arrays import as_arrays, shape_readings
from .verdict import Verdict

_DEPTH = [0]  # readings judged inside readings: each retry removes one ambiguity; past 3 levels, refuse
_MAX_DEPTH = 3
_SECONDS = 4.0  # all the readings of one input together: past it (a page of e-x e-x ...), the input stays refused
# CPU seconds of this process (rules.deadline.now, the clock of every budget): a verdict does not depend on the load
_DEADLINE = [0.0]
_Inputs = dict[str, list]


def read_again(e: ParseError, claim: str, of: str | None, define: Sequence[str], given: Sequence[str],
               assume: Sequence[str], judge: Callable[..., Verdict]) -> Verdict | None:
    """A verdict for inputs the reader refused with ``e``, where another reading decides one: undeclared names as
    the arrays the convention makes them (``transposed_arrays``), or each reading ``e`` names; else None."""
    return as_arrays(e, claim, of, define, given, assume, judge) or each_reading(e, claim, of, define, given, assume,
                                                                                judge)


def each_reading(e: ParseError, claim: str, of: str | None, define: Sequence[str], given: Sequence[str],
                 assume: Sequence[str], judge: Callable[..., Verdict]) -> Verdict | None:
    """The verdict every reading of ``e`` agrees on, noted; a refusal naming each reading's verdict where they
    differ; None where ``e`` names no readings, its text is none of the inputs, or a reading cannot be read."""
    if not e.source or _DEPTH[0] >= _MAX_DEPTH:
        return None
    inputs: _Inputs = {"claim": [claim], "of": [of], "define": list(define), "given": list(given),
                       "assume": list(assume)}
    found = next(((stage, k) for stage, texts in inputs.items() for k, t in enumerate(texts) if t == e.source), None)
    if found is None:  # the reader saw the input rewritten (text around formulas, markup): columns do not match it
        return None
    stage, k = found
    variants = _spelled(e, inputs, stage, k) or _shaped(e, inputs)
    if not variants:
        return None
    readings = getattr(e, "readings", ())
    what = next((e.source[start - 1:end - 1] for _, start, end, _ in readings if start), None) or \
        f"the transpose of a value made of {', '.join(getattr(e, 'unshaped', ()))}"
    return _judged(e, stage, what, variants, judge)


def _spelled(e: ParseError, inputs: _Inputs, stage: str, k: int) -> list[tuple[str, _Inputs]]:
    """Each reading ``e`` spells, as the inputs with its text in place of the construct's."""
    variants = []
    for meaning, start, end, spelled in getattr(e, "readings", ()):
        changed = {name: list(texts) for name, texts in inputs.items()}
        if start == 0:  # a reading a fact declares (x \in \mathbb{R}: x^k the power): the fact given
            changed["given"].append(spelled)
        else:
            changed[stage][k] = e.source[:start - 1] + spelled + e.source[end - 1:]
        variants.append((meaning, changed))
    return variants if len(variants) > 1 else []


def _shaped(e: ParseError, inputs: _Inputs) -> list[tuple[str, _Inputs]]:
    """Each shape a transpose of names nothing shapes could take (``transposed_arrays.shape_readings``), as the
    inputs with the facts that declare it given."""
    texts = [t for ts in inputs.values() for t in ts if t]
    return [(meaning, {**inputs, "given": [*inputs["given"], *facts]})
            for meaning, facts in shape_readings(e, texts) or ()]


def _judged(e: ParseError, stage: str, what: str, variants: list[tuple[str, _Inputs]],
            judge: Callable[..., Verdict]) -> Verdict | None:
    if _DEPTH[0] == 0:
        _DEADLINE[0] = now() + _SECONDS
    elif now() > _DEADLINE[0]:
        return None
    verdicts: list[tuple[str, Verdict]] = []
    _DEPTH[0] += 1
    try:
        for meaning, changed in variants:
            v = judge(changed["claim"][0], changed["of"][0], changed["define"], changed["given"], changed["assume"])
            if now() > _DEADLINE[0] or v.exit_code == 2 and isinstance(e, ShapeMismatchError):
                return None  # a shape that does not fit may still be wrong as written (claim._unread)
            verdicts.append((meaning, v))
    finally:
        _DEPTH[0] -= 1
    if all(v.exit_code == 2 for _, v in verdicts):
        return None
    named = " and ".join(meaning for meaning, _ in verdicts)
    if len({v.exit_code for _, v in verdicts}) == 1:
        v = verdicts[0][1]
        v.message = f"{v.message} [read: {what} has two readings here, {named}: each gives this verdict]".strip()
        return v
    each = ", ".join(f"{meaning}: {v.verdict}" + (f" ({_why(v)})" if v.exit_code == 2 else "") for meaning, v in verdicts)
    return Verdict("unreadable", column=e.column,
                   message=f"{e} - and the readings give different verdicts ({each}) (in --{stage})")


def _why(v: Verdict) -> str:
    """The first clause of an unreadable reading's message: what stopped it, short."""
    why = v.message.split(" at column")[0].split("; ")[0].split(" [read:")[0]
    return why if len(why) <= 120 else why[:117] + "..."
