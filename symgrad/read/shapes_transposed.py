"""A name defined as a sum or difference of undeclared letters and written transposed elsewhere: ``z = (\\mu - x)``
then ``f = z^T M z``. Read in order, z is a number by the time ``z^T`` comes, which is refused (a number has no
transpose); the transpose says z is a vector, so the letters it is the difference of are vectors of one size (the
provisional N that the first bound settles), noted. Only letters joined by + and -: a product (``y = Ax``) has other
shapes, which the product's own readings settle."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import sympy as sp

from .context import Context
from .tokens import _Tok

_TRANSPOSE = frozenset({"T", r"\top", r"\intercal"})  # z^T, z^{T}, z^\top
_ELEMENTWISE = frozenset({"+", "-", "(", ")", r"\left", r"\right", "&"})  # what may join the letters of the difference
_GREEK = frozenset({r"\mu", r"\nu", r"\theta", r"\beta", r"\alpha", r"\gamma", r"\eta", r"\xi", r"\phi", r"\psi",
                    r"\omega", r"\lambda", r"\tau", r"\rho", r"\epsilon", r"\varepsilon", r"\zeta", r"\kappa"})


def declare_transposed(ctx: Context, lists: Sequence[list[_Tok]], defined: Sequence[list[_Tok]],
                       extent: Callable[[], sp.Expr], declared: Callable[[str], bool]) -> None:
    """Declare in ``ctx``, as vectors of size ``extent()``, the letters of each definition in ``defined`` (token lists)
    ``z = a - b`` whose name some list of ``lists`` writes transposed; a letter already a vector keeps its size, and
    nothing is declared where one of them is something else (``declared`` says whether an input declares a letter, as
    written: ``\\mu``)."""
    for toks in defined:
        name, written = _difference(toks)
        letters = [w.lstrip("\\") for w in written]
        if not letters or ctx.declared_elsewhere(name) or declared(name) or \
                not any(_transposed(other, name) for other in lists):
            continue
        vectors = [ctx.tensors[a] for a in letters if isinstance(ctx.tensors.get(a), sp.IndexedBase)]
        fresh = [a for a in letters if a not in ctx.tensors]
        if not fresh or any(len(v.shape) != 1 for v in vectors) or \
                any(ctx.declared_elsewhere(a) or declared(w) for a, w in zip(letters, written) if a in fresh):
            continue
        size = vectors[0].shape[0] if vectors else extent()
        for letter in fresh:
            ctx.tensors[letter] = sp.IndexedBase(letter, shape=(size,))
        ctx.notes.append(f"{', '.join(fresh)} read as vectors of size {size}: {name}, their sum or difference, is "
                         f"written transposed ({name}^T)")


def _difference(toks: list[_Tok]) -> tuple[str, list[str]]:
    """(the name, the letters) of ``z = \\mu - x``, ``z &= (\\mu-x)``: a one letter name, then letters joined by + and -
    only; ('', []) for anything else."""
    texts = [t for t in toks if t.kind != "end" and t.text != "&"]
    if len(texts) < 4 or texts[0].kind != "letter" or len(texts[0].text) != 1 or texts[1].text != "=":
        return "", []
    letters: list[str] = []
    for k, t in enumerate(texts[2:], start=2):
        if t.text in _ELEMENTWISE:
            continue
        glued = texts[k - 1].kind == "letter" and texts[k - 1].col + len(texts[k - 1].text) == t.col
        single = t.kind == "letter" and len(t.text) == 1 and t.text.islower()
        if glued or not (single or t.text in _GREEK) or t.text == texts[0].text:
            return "", []
        letters.append(t.text)
    operators = {t.text for t in texts[2:]} & {"+", "-"}
    return (texts[0].text, letters) if len(letters) >= 2 and operators else ("", [])


def _transposed(toks: list[_Tok], name: str) -> bool:
    """Whether ``toks`` write ``name`` transposed: ``z^T``, ``z^{T}``, ``z^\\top``, ``z^{\\mathsf{T}}``."""
    for k, t in enumerate(toks[:-2]):
        if t.text != name or t.kind != "letter" or toks[k + 1].text != "^":
            continue
        glued = k > 0 and toks[k - 1].kind == "letter" and toks[k - 1].col + len(toks[k - 1].text) == t.col
        mark = toks[k + 3] if toks[k + 2].text == "{" and k + 3 < len(toks) else toks[k + 2]
        if not glued and mark.text in _TRANSPOSE:
            return True
    return False
