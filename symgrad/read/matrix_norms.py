"""Matrix norms: ``\\|A - RY\\|_F^2`` says its operand is a matrix, so an undeclared capital written inside a
Frobenius norm is a matrix whose sizes its products settle (read.shapes); the subscript may follow the power
(``\\|X\\|^2_F``). A bare ``\\|M\\|`` of a matrix is read as the Frobenius norm (the sum of squared entries, what a
derivative by entries means), noted; ``\\|M\\|_2`` of a matrix (spectral or Frobenius) is refused naming both."""

from __future__ import annotations

import sympy as sp

from .tokens import _Tok
from .vocabulary import _Val

_FONTS = (r"\mathrm", r"\text", r"\rm", r"\textrm", r"\mathit")


def norm_kind(texts: list[str], k: int) -> tuple[str, int] | None:
    """The kind of norm subscript starting at ``texts[k]`` (``_F``, ``_{F}``, ``_{\\mathrm{F}}``, ``_2``) and its
    number of tokens; None where no subscript starts there."""
    if texts[k:k + 1] != ["_"] or k + 1 >= len(texts):
        return None
    if texts[k + 1] != "{":
        return texts[k + 1], 2
    body = texts[k + 2:k + 6]
    if body[:1] and body[0] in _FONTS and body[1:2] == ["{"] and body[3:4] == ["}"] and texts[k + 6:k + 7] == ["}"]:
        return body[2], 7
    return (body[0], 4) if len(body) > 1 and body[1] == "}" else None


def power_width(texts: list[str], k: int) -> int:
    """The number of tokens of a numeric power ``^2`` or ``^{2}`` starting at ``texts[k]``, else 0."""
    if texts[k:k + 1] != ["^"] or k + 1 >= len(texts):
        return 0
    if texts[k + 1].isdigit():
        return 2
    return 4 if texts[k + 1] == "{" and texts[k + 2:k + 3] and texts[k + 2].isdigit() and \
        texts[k + 3:k + 4] == ["}"] else 0


def frobenius_names(toks: list[_Tok]) -> set[str]:
    """The single capital letters written inside a norm whose subscript is F (before or after its power), but I: the
    identity, as the reader reads an undeclared I (``\\|W^T W - I\\|_F``)."""
    texts = [t.text for t in toks]
    names: set[str] = set()
    k = 0
    while k < len(texts):
        width = _bar_width(texts, toks, k)
        if not width:
            k += 1
            continue
        close = next((j for j in range(k + width, len(texts)) if _bar_width(texts, toks, j) == width), None)
        if close is None:
            return names
        after = close + width
        kind = norm_kind(texts, after) or norm_kind(texts, after + power_width(texts, after))
        if kind is not None and kind[0] == "F":
            names |= {t.text for t in toks[k + width:close] if t.kind == "letter" and t.text.isupper()} - {"I"}
        k = after
    return names


def _bar_width(texts: list[str], toks: list[_Tok], k: int) -> int:
    """1 for ``\\|`` at ``k``, 2 for two bars written together, 0 otherwise."""
    if texts[k] == r"\|":
        return 1
    together = k + 1 < len(toks) and toks[k + 1].col == toks[k].col + 1
    return 2 if texts[k] == "|" and texts[k + 1:k + 2] == ["|"] and together else 0


class _MatrixNorms:
    """Norms of matrices (a part of the parser)."""

    def norm(self, a: _Val, kind: str, tok: _Tok) -> _Val:
        """The ``kind`` norm (1, 2 or F) of the value ``a``: |a| of a number."""
        if not a.free:
            return _Val(sp.Abs(a.expr))
        limits = [(i, i.lower, i.upper) for i in a.free]
        if kind == "1":
            return _Val(sp.Sum(sp.Abs(a.expr), *limits))
        if kind not in ("2", "F"):
            raise self.error(f"the {kind}-norm is not supported", tok)
        return _Val(sp.sqrt(sp.Sum(a.expr ** 2, *limits)))

    def in_frobenius_norm(self, name: str) -> bool:
        """Whether the undeclared capital ``name`` is written inside a Frobenius norm in this source: a matrix."""
        found = self.__dict__.get("frobenius_names")
        if found is None:
            found = self.__dict__["frobenius_names"] = frobenius_names(self.toks)
        return name in found

    def normed_letter(self, name: str) -> bool:
        """Whether this source writes the one lowercase letter ``name`` alone between double bars (``\\|x\\|_2``,
        ``||w||^2``): a norm is of a vector (a number's size is written |x|), so the letter is one."""
        if not (len(name) == 1 and name.islower()):
            return False
        texts = [t.text for t in self.toks]
        for k, text in enumerate(texts):
            if text != name or k == 0:
                continue
            width = _bar_width(texts, self.toks, k - 1) or (_bar_width(texts, self.toks, k - 2) == 2 and 2)
            if width and k + width < len(texts) and _bar_width(texts, self.toks, k + 1) == width:
                return True
        return False

    def power_then_kind(self) -> tuple[sp.Expr, str] | None:
        """After a norm's closing bar, ``^2_F`` (the power written before the subscript): the power and the kind,
        the tokens read; None (nothing read) otherwise."""
        texts = [self.peek(k).text for k in range(12)]
        width = power_width(texts, 0)
        kind = norm_kind(texts, width) if width else None
        if kind is None:
            return None
        power = sp.Integer(int(texts[1] if width == 2 else texts[2]))
        self.pos += width + kind[1]
        return power, kind[0]

    def matrix_norm_kind(self, kind: str | None, tok: _Tok) -> str:
        """The norm to take of a matrix, subscript ``kind`` (None: none written): F; a bare norm is read as F
        (noted); ``_2`` refused naming both readings."""
        if kind == "F":
            return kind
        if kind == "2":
            raise self.error(r"\|M\|_2 of a matrix has two readings: the spectral norm (the largest singular value) or "
                             r"the Frobenius norm; write \|M\|_F for the Frobenius norm (the spectral norm is not "
                             "supported)", tok)
        if kind is not None:
            raise self.error(rf"the {kind}-norm of a matrix is not supported; write \|M\|_F for the Frobenius norm", tok)
        self.note(r"\|...\| of a matrix read as the Frobenius norm (the square root of the sum of squared entries), "
                  r"as derivatives by entries mean; the spectral norm is its other reading: write \|M\|_F to say so")
        return "F"
