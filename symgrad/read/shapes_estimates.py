"""An estimate of a declared array: ``\\hat{\\mathbf{Y}}`` beside ``\\mathbf{Y} \\in \\mathbb{R}^m``, ``\\hat{Y}`` beside a
declared matrix Y, nothing defining or declaring the hat itself, is the prediction of that array, of its shape (the
loss ``(\\hat{Y} - Y)^T(\\hat{Y} - Y)`` compares them entry by entry), noted; read as a bold capital of sizes its use
settles, it could not be added to the vector. Only where the hat is bold or a capital: a plain ``\\hat{y}`` beside
a vector y is as often one number, the prediction each ``y_i`` is compared with (``\\sum_i (\\hat{y} - y_i)^2``), and
stays as the reader reads it."""

from __future__ import annotations

from collections.abc import Callable

import sympy as sp

_DECORATION = "hat"  # \hat and \widehat: an estimate; \bar (a mean) and \tilde (a variant) say nothing of the shape


def estimate_of(name: str, base_of: Callable[[str], sp.Basic | None], bold: bool) -> tuple[sp.IndexedBase, str] | None:
    """The array ``name`` (``Yhat``, written ``bold`` or not) is, as the estimate of the array ``base_of`` gives for its
    undecorated name, with the note; None where ``name`` is no hat, neither bold nor a capital's, or the undecorated
    name is no array."""
    if not name.endswith(_DECORATION) or len(name) == len(_DECORATION) or not (bold or name[0].isupper()):
        return None
    of = name[:-len(_DECORATION)]
    base = base_of(of)
    if not isinstance(base, sp.IndexedBase) or not base.shape:
        return None
    shape = tuple(base.shape)
    said = " x ".join(str(s) for s in shape)
    note = f"{name} read as the estimate of {of}, an array of its shape ({said}): nothing declares or defines {name}"
    return sp.IndexedBase(name, shape=shape), note
