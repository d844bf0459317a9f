"""An implication arrow (``\\Rightarrow``, ``\\implies``, ``⇒``) is no equality. Pages write it between the lines of a
derivation (``\\frac{dy}{dx} = ... \\Rightarrow f'(x) = ...``), and there it reads as the chain's next ``=``: every
member of a claimed chain is checked, so the chain asks more than the implication, never less. Between two statements
that are not both about a derivative (``A = A^T \\Rightarrow B = 0``, ``x = 1 \\Rightarrow w = 0``) the chain
``A = A^T = B = 0`` would assert what the page only concludes, and a fact or definition read so could make a wrong
claim hold: refused, naming the arrow. (``f(x) = 1 \\Rightarrow f'(x) = 0`` among the facts is read on its raw text
by read/given_consequences, before tokens.)"""

from __future__ import annotations

from itertools import pairwise

from ..errors import ParseError

IMPLIES = {r"\Rightarrow", r"\implies", r"\Longrightarrow", r"\therefore", r"\iff", r"\Leftrightarrow",
           r"\Longleftrightarrow"}
# what only lays a line out: a segment of these alone joins the arrows around it (A \Rightarrow \\ \Rightarrow B)
_LAYOUT = {"\\\\", "&", "$", r"\quad", r"\qquad", r"\,", r"\;", r"\:", r"\!", "\\ ", r"\(", r"\)", r"\[", r"\]",
           r"\left", r"\right", "", ",", "."}
_RELATIONS = {"=", "<", ">", r"\le", r"\leq", r"\ge", r"\geq", r"\neq", r"\ne", r"\approx", r"\in", r"\coloneqq"}
_FRACS = {r"\frac", r"\dfrac", r"\tfrac"}
_D = {"d", r"\delta", r"\partial", r"\mathrm", r"\text", r"\operatorname", r"\mathop"}  # \frac{d ...}, \frac{\mathrm{d} ...}


def _derivative(seg: list) -> bool:
    """Whether the tokens ``seg`` write a derivative: ∂, ∇, a prime, or a fraction whose top begins with d."""
    for k, t in enumerate(seg):
        if t.text in (r"\partial", r"\nabla", "'", r"\prime"):
            return True
        if t.text in _FRACS and k + 2 < len(seg) and seg[k + 1].text == "{" and seg[k + 2].text in _D:
            return True
    return False


def _segments(toks: list) -> list[tuple[list, object | None]]:
    """The statements between arrows, each with the arrow after it (None for the last); a segment that only lays out
    (a line break between two arrows) is merged away, its arrows counted as one."""
    out: list[tuple[list, object | None]] = []
    seg: list = []
    for t in toks:
        if t.text in IMPLIES:
            if not any(x.text not in _LAYOUT for x in seg) and out:
                seg = out.pop()[0]
            out.append((seg, t))
            seg = []
        else:
            seg.append(t)
    out.append((seg, None))
    return out


def refused(toks: list, src: str) -> None:
    """Raise at the first arrow of ``toks`` that joins two statements rather than two lines of a derivation; a chain's
    arrow is one whose statement before writes a derivative and whose statement after writes one too or is a
    member alone (no relation), or one beside an empty side (``A = \\Rightarrow = B``)."""
    segments = _segments(toks)
    for (before, arrow), (after, _) in pairwise(segments):
        kept_before = [t for t in before if t.text not in _LAYOUT]
        kept_after = [t for t in after if t.text not in _LAYOUT]
        if not kept_before or not kept_after or kept_before[-1].text == "=" or kept_after[0].text == "=":
            continue
        if _derivative(kept_before) and (_derivative(kept_after) or not any(t.text in _RELATIONS for t in kept_after)):
            continue
        raise ParseError(f"an implication ({arrow.text}) joins two statements here, and symgrad reads no implication "
                         "(it is not an equality): state each fact on its own (one --given each), or write a "
                         "derivation's lines as one chain A = B = C", column=arrow.col, source=src)
