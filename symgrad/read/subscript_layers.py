"""Layer numbers written as subscripts: in ``z_l = W_l a_{l-1} + b_l``, ``\\delta_l = W_{l+1}^T \\delta_{l+1}`` the
subscript ``l``, ``l - 1``, ``L - 2`` is the layer, as ``a^{l-1}`` writes it above (read/layers.py), not an index
with arithmetic: where the input writes such arithmetic on l or L and the letter stands nowhere else but in these
subscripts, with no value, each tag is moved up to the superscript the layers are read from (noted there); a capital L
alone (``C = (a_L - y)^2``) is the last layer, as ``a^L`` is."""

from __future__ import annotations

import re

from .context import Context
from .tokens import _group_end, _Tok

_LAYER = re.compile(r"([lL])(?:[+-]\d+)?")
_ARITHMETIC = re.compile(r"([lL])[+-]\d+")


def _tags(toks: list[_Tok]) -> list[tuple[int, int, str]]:
    """``(at, end, label)`` of each subscript of a name that is only a layer label: the ``_`` at ``at``, then ``l``,
    ``{L}`` or ``{l-1}`` up to ``end``, no superscript after it."""
    out = []
    for k in range(1, len(toks) - 1):
        if toks[k].text != "_" or toks[k - 1].kind != "letter":
            continue
        end = _group_end(toks, k + 1) if toks[k + 1].text == "{" else k + 2
        inner = toks[k + 2:end - 1] if toks[k + 1].text == "{" else [toks[k + 1]]
        label = "".join(t.text for t in inner)
        if _LAYER.fullmatch(label) and (end >= len(toks) or toks[end].text != "^"):
            out.append((k, end, label))
    return out


def _last_layer(toks: list[_Tok], tags: list[tuple[int, int, str]]) -> bool:
    """Whether a name written ``_L`` is the last layer's (``a_L``): no name so written also takes another subscript
    here (``x_1 + \\dots + x_L``: L is the last element's index)."""
    at = {a for a, _, _ in tags}
    named = {toks[a - 1].text for a, _, label in tags if label == "L"}
    others = {toks[k - 1].text for k, t in enumerate(toks) if t.text == "_" and k not in at and k > 0}
    return bool(named) and not named & others


def subscript_layers(toks: list[_Tok], ctx: Context) -> list[_Tok]:
    """``toks`` with each layer subscript (``a_{l-1}``) written as the superscript (``a^{l-1}``), where the input shows
    the subscripts are layers: arithmetic on the letter in one (``l-1``: an index with arithmetic is not read), the
    letter L (the last layer), or the problem read the letter as a layer label already; unchanged elsewhere."""
    tags = _tags(toks)
    letters = {label[0] for _, _, label in tags}
    shown = {m.group(1) for _, _, label in tags if (m := _ARITHMETIC.fullmatch(label))} | \
        (letters & set(ctx.layer_letters)) | (letters & {"L"} if _last_layer(toks, tags) else set())
    inside = {m for at, end, _ in tags for m in range(at, end)}
    layers = {x for x in shown if (not ctx.known(x) or x in ctx.layer_letters and x not in ctx.ranges) and
              not any(t.kind == "letter" and t.text == x and k not in inside for k, t in enumerate(toks))}
    out = list(toks)
    for at, _, label in tags:
        if label[0] in layers:
            out[at] = _Tok("sym", "^", toks[at].col)
    for x in sorted(layers):
        note = f"the subscripts {x}, {x}-1, ... read as layer labels, as the superscripts a^{x}, a^{{{x}-1}} are"
        if note not in ctx.notes:
            ctx.notes.append(note)
    return out
