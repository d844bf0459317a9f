"""A side of a definition chain whose sum does not use its own index (``f(w) = \\sum^n_{i=1}(y-\\hat{y})^2 =
\\lVert \\mathbf{y}-\\mathbf{\\hat{y}} \\rVert^2``: the page wrote the sum's terms without their subscripts). As
written it is n times one term; the page's other side says what it meant. read.claims tries such a side after the
chain's other sides, and reads it only when none of them reads."""

from __future__ import annotations

from .tokens import _group_end, _Tok

_SUMS = {r"\sum", r"\Sigma", r"\displaystyle\sum"}


def vacuous_sum(side: list[_Tok]) -> str | None:
    """The index of a sum in ``side`` that no token after its limits uses, or None."""
    for k, t in enumerate(side):
        if t.text not in _SUMS:
            continue
        index, end = _limits(side, k + 1)
        if index is not None and not any(u.kind == "letter" and u.text == index for u in side[end:]):
            return index
    return None


def _limits(side: list[_Tok], at: int) -> tuple[str | None, int]:
    """The summation index of the limits starting at ``at`` (``_{i=1}^n``, ``^n_{i=1}``, ``_i``) and the position
    past them; None for the index where the subscript names none."""
    index = None
    k = at
    for _ in range(2):
        if k >= len(side) or side[k].text not in ("_", "^"):
            break
        mark, k = side[k].text, k + 1
        if k >= len(side):
            break
        if side[k].text == "{":
            close = _group_end(side, k)
            group = side[k + 1:close - 1]
            k = close
        else:
            group = side[k:k + 1]
            k += 1
        if mark == "_" and group and group[0].kind == "letter" and (len(group) == 1 or group[1].text == "="):
            index = group[0].text
    return index, k


def passed_over(vacuous: dict[int, str | None], read: int) -> list[str]:
    """The notes for the sides before side ``read`` passed over for a sum over an index they do not use."""
    return [f"side {j}'s sum over {i} does not use {i} (its terms written without their subscripts): side {read} read "
            "first" for j, i in vacuous.items() if i and j < read]
