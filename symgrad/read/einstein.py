"""Tensor notation: a source that writes an array's two indices up (``O^{ib} = A^{ij} V^{jb}``) writes all its
indices so, and sums an index written twice in one product and absent from the left (Einstein's convention); so
does a page that states the rule of differentiating by an entry (dX_ij/dX_kl = d_ik d_jl: read.identity_facts).

``X^{ab}`` (one capital letter, two index letters in braces, no subscript after) has no other reading in a
derivation (a power of a matrix by a product of two letters is no quantity anyone differentiates), so it is read as
``X_{ab}``, noted. In such a source only, ``A_{ij} V_{jb}`` with j in no sum and not on the left is
``sum_j A_{ij} V_{jb}``, noted; an index written three times in one product is refused."""

from __future__ import annotations

import sympy as sp

from ..errors import ParseError
from .tokens import _FONTS, _NAMED, _Tok, _tokens
from .vocabulary import _free_indices, _Val

_NOT_AFTER = frozenset({r"\in", r"\subset", r"\subseteq", r"\mathbb", r"\Bbb", r"\bf", r"\rm"})


def superscript_indices(toks: list[_Tok]) -> list[int]:
    r"""The positions of the ``^`` of every ``X^{ab}``: a single capital letter standing alone (not in a word, not a
    font's letter such as ``\mathbb R``, not a set after ``\in``), two lowercase index letters in braces, no
    subscript after."""
    found = []
    for k, t in enumerate(toks[1:-5], start=1):
        base = toks[k - 1]
        before = toks[k - 2] if k >= 2 else None
        alone = before is None or not ((before.kind == "letter" and before.col + 1 == base.col) or
                                       before.text in _NOT_AFTER or before.text in _FONTS or before.text in _NAMED)
        letters = [x.kind == "letter" and x.text.islower() and len(x.text) == 1 for x in toks[k + 2:k + 4]]
        if t.text == "^" and base.kind == "letter" and base.text.isupper() and len(base.text) == 1 and alone and \
                toks[k + 1].text == "{" and all(letters) and toks[k + 4].text == "}" and toks[k + 5].text != "_":
            found.append(k)
    return found


class _Einstein:
    """Indices written up and summed by repetition (a part of the parser)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        ups = superscript_indices(self.toks)
        rule = getattr(getattr(self, "ctx", None), "index_notation", None)  # dX_ij/dX_kl = d_ik d_jl stated
        self.einstein = bool(ups) or rule is not None
        self.einstein_why = "the page writes indices up" if ups else f"the page works in index notation: {rule}"
        self.einstein_summed: set[sp.Idx] = set()
        if ups:
            self.toks = [_Tok("sym", "_", t.col) if k in ups else t for k, t in enumerate(self.toks)]
            written = ", ".join(dict.fromkeys(f"{self.toks[k - 1].text}^{{{self.toks[k + 2].text}{self.toks[k + 3].text}}}"
                                              for k in ups))
            self.note(f"{written} read with subscript indices: the page writes indices up (tensor notation)")
        self.left_letters = _left_letters(self.src) if self.einstein else set()

    def einstein_product(self, a: _Val, b: _Val, tok: _Tok) -> _Val | None:
        """``A_{ij} V_{jb}`` in a source written in tensor notation: the sum over each index free in both factors,
        in no sum and not on the left of = (noted); None where nothing repeats or the source is not so written."""
        if not self.einstein or a.axes or b.axes:
            return None
        bound = {i for scope in self.binders for i in scope.values()}
        free_a, free_b = _free_indices(a.expr), _free_indices(b.expr)
        third = free_b & self.einstein_summed & {v for s in a.expr.atoms(sp.Sum) for v in s.variables}
        if third:
            name = min(map(str, third))
            raise self.error(f"index {name} is written three times in one product: Einstein's convention sums an "
                             f"index written twice; write the sum (\\sum_{name})", tok)
        repeated = sorted((i for i in (free_a & free_b) - bound - self.protected if str(i) not in self.left_letters),
                          key=str)
        if not repeated:
            return None
        self.einstein_summed.update(repeated)
        names = ", ".join(map(str, repeated))
        self.note(f"{names} written twice in one product and not on the left read as summed (Einstein's convention, "
                  f"as {self.einstein_why})")
        return _Val(sp.Sum(a.expr * b.expr, *[(i, i.lower, i.upper) for i in repeated]))


def _left_letters(src: str) -> set[str]:
    """The letters written left of the source's first ``=`` (a definition's head, a claim's derivative): an index
    there is free, never summed by repetition on the right."""
    try:
        toks = _tokens(src)
    except ParseError:
        return set()
    texts = [t.text for t in toks]
    if "=" not in texts:
        return set()
    return {t.text for t in toks[:texts.index("=")] if t.kind == "letter"}
