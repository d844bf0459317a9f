"""Names a reduction shows to be vectors: ``softmax(z)``, ``sum(z)`` of a name met there, and ``mean((y_true -
y_pred)^2)`` (``np.mean(np.power(y_true - y_pred, 2))`` in a pasted ``def mse(y_true, y_pred)``), a sum or mean of an
element-wise expression of names nothing shapes: they are vectors of one length. Where more than one such name stands
and one of them is not named as data (``mean((w x - y)^2)``: w may be a scalar weight), which are vectors has several
readings, refused naming them."""

from __future__ import annotations

import re

import sympy as sp

from ..errors import ParseError
from .vocabulary import _free_indices, _Val

# functions of a whole vector: softmax(z), logsumexp(z) of a name met there make it a vector
_OF_VECTORS = ("softmax", "logsumexp", "lse", "sum", "mean")
# names that say they hold data, a value per sample: targets, predictions, outputs (y_true, y_pred, yhat, targets)
_DATA = re.compile(r"(?:[xyt]_?)?(?:true|pred|preds|predicted|prediction|predictions|hat|target|targets|label|labels|"
                   r"output|outputs|actual|truth)|[xy]|yhat", re.IGNORECASE)


def vectors_reduced(p, name: str, args: list[_Val], start: int, met: set[str], tok) -> list[_Val]:
    """``args`` of ``name`` (applied at ``start``), re-read where a reduction shows the undeclared names in them to
    be vectors (noted), as they were otherwise."""
    if name not in _OF_VECTORS or len(args) != 1 or args[0].axes or _free_indices(args[0].expr):
        return args
    if str(args[0].expr) in set(p.new_scalars) - met:
        return [p.new_vector(str(args[0].expr), tok)]
    written = {str(s) for s in args[0].expr.free_symbols} | \
        {t.text for t in p.toks[start:p.pos] if t.kind == "letter"}  # len(y) is sum(y^0): y written, gone from 1
    params = {q for q, v in p.params.items() if isinstance(v, sp.Symbol) and q in written}
    names = sorted((set(p.new_scalars) - met | params) & written)
    if name not in ("sum", "mean") or not names:
        return args
    if len(names) > 1 and not all(_DATA.fullmatch(n.replace("{", "").replace("}", "")) for n in names):
        raise ParseError(f"{name}(...) sums over a vector, and which of {', '.join(names)} are vectors has several "
                         f"readings (each, or all of them): declare the vectors ({names[0]} \\in \\mathbb{{R}}^{{N}})",
                         column=tok.col, source=p.src)
    return [_reread(p, args[0], start, names, params)]


def _reread(p, v: _Val, start: int, names: list[str], params: set[str]) -> _Val:
    """``v`` read again from ``start`` with ``names`` as vectors of one length N; as it was where that gives none."""
    end = p.pos
    snapshot = (dict(p.new_tensors), dict(p.new_scalars), dict(p.pending), dict(p.parent), dict(p.params))
    for n in names:
        p.new_scalars.pop(n, None)
        p.params.pop(n, None)
    p.pos, p.samples = start, tuple(names)
    w = p.arguments()[0]
    p.samples = ()
    if not w.axes:
        p.new_tensors, p.new_scalars, p.pending, p.parent, p.params = snapshot
        p.pos = end
        return v
    p.note(f"{', '.join(names)} read as vectors of one length: a sum or mean is taken of them, element by element")
    p.pos = end
    return w
