"""The vector of ones wherever it stands: ``\\mathbf{1}``, ``\\mathbb{1}``, ``\\mathbb{1}_d``, ``1^T z``.

A column of ones whose length its use decides (``b\\mathbf{1}`` next to ``Xw``, ``\\mathbf{1} - y``,
``\\mathbb{1}\\mathbb{1}^\\top``), or the length its subscript names (``\\mathbb{1}_d``); noted in the verdict. With a
relation after it (``\\mathbb{1}[y_i = k]``, ``\\mathbb{1}\\{z > 0\\}``, ``\\mathbb{1}_{i=j}``) it is an indicator.
"""

from __future__ import annotations

import sympy as sp

from ..errors import ParseError
from .scope import _Scope
from .tokens import _Tok
from .vocabulary import _Val

_OPENERS = ("[", r"\{", "(")
_TRANSPOSES = ("T", r"\top", r"\intercal")


class _Ones(_Scope):
    """The ones vector (a part of the parser)."""

    def ones_vector(self, t: _Tok) -> _Val:
        r"""After ``\mathbf``/``\mathbb`` at ``{1}`` or ``1``: the ones vector, or an indicator when a relation follows."""
        self.pos += 2 if self.peek(1).text == "1" else 4
        if self.peek().text in _OPENERS or ([self.peek(k).text for k in (0, 1)] == ["_", "{"] and not self.size_group()):
            return self.indicator(t)
        extent = self.ones_size() if self.at("_") else None
        ones = self.ones_column(t, extent, f"{t.text}{{1}}")
        return self.ones_transposed_times(ones, t) if self.transpose_ahead() else ones

    def ones_transposed_times(self, ones: _Val, t: _Tok) -> _Val:
        r"""``\mathbf{1}^T v``, ``1^T v``: the row of ones times the factor after it, one operand (the sum of v), so that
        ``\log \mathbf{1}^T \exp(z)`` is the log of the sum."""
        self.next()
        self.pos += self.superscript_is_transpose()
        row = self.transpose(ones, t)
        if not self.starts_factor():
            return row
        start = self.peek()
        summed = self.factor()
        if not summed.axes:
            raise self.error(f"1^T v sums a vector v, and what follows 1^T at column {start.col} is a number here: "
                             r"declare its variable a vector (x \in \mathbb{R}^{n})", t)
        return self.mul(row, summed, "implicit", t)

    def summed_by_ones(self, name: str) -> bool:
        """Whether this source writes the one lowercase letter ``name`` right after a transposed ones vector, alone or
        in one function (``1^T x``, ``\\mathbf{1}^T \\exp(x)``, ``\\mathbb{1}^\\top e^{x}``): 1^T sums a vector, so the
        letter is one."""
        texts = [t.text for t in self.toks] + [""] * 12
        for k, text in enumerate(texts):
            k += 1 + (texts[k + 1:k + 2] == ["}"])
            if text != "1" or texts[k] != "^":
                continue
            mark = 1 if texts[k + 1] in _TRANSPOSES else 3 if texts[k + 2] in _TRANSPOSES and texts[k + 1] == "{" else 0
            rest = texts[k + 1 + mark:k + 9 + mark] if mark else []
            rest = rest[1:] if rest[:1] and rest[0].startswith("\\") else rest  # \exp(x), \log x
            rest = rest[2:] if rest[:2] == ["e", "^"] else rest
            rest = rest[1:] if rest[:1] and rest[0] in ("(", "{") else rest
            after = rest[1] if len(rest) > 1 else ""
            if rest[:1] == [name] and after not in ("_", "^", "(", "[", "'") and not after.isalnum():
                return True
        return False

    def size_group(self) -> bool:
        """Whether ``_{d}`` here is one letter: the length of the ones vector, not an indicator's relation."""
        return [self.peek(k).kind for k in (2, 3)] == ["letter", "sym"] and self.peek(3).text == "}"

    def ones_size(self) -> sp.Expr:
        """The size after ``_`` (``_d``, ``_{d}``, ``_3``)."""
        self.next()
        braced = self.at("{")
        self.pos += braced
        t = self.next()
        if t.kind not in ("letter", "digit"):
            raise self.error(r"expected the length of the ones vector (\mathbb{1}_d)", t)
        if braced:
            self.expect("}")
        return self.size(t.text) if t.kind == "letter" else sp.Integer(t.text)

    def transpose_ahead(self) -> bool:
        """Whether ``^T`` (any transpose mark) comes next: ``1^T`` is the ones vector transposed, never the number."""
        if not self.at("^"):
            return False
        self.pos += 1
        try:
            return bool(self.superscript_is_transpose())
        finally:
            self.pos -= 1

    def ones_column(self, t: _Tok, extent: sp.Expr | None, written: str) -> _Val:
        """A column of ones of length ``extent``, or of a length its use settles (noted)."""
        if extent is None:
            extent = sp.Dummy("size_ones", integer=True, positive=True)
            self.__dict__.setdefault("ones_sizes", {})[extent] = t
            self.note(f"{written} read as a vector of ones, of the length its use gives")
        return _Val(sp.Integer(1), (self.fresh(extent), None))

    def sizes_by_use(self) -> dict[sp.Expr, _Tok]:
        """The sizes of ones vectors and identities that their use settles, with the token of each."""
        return {**self.__dict__.get("ones_sizes", {}), **self.__dict__.get("identity_sizes", {})}

    def resolve(self) -> dict[sp.Expr, sp.Expr]:
        try:
            mapping = super().resolve()  # type: ignore[misc]
        except ParseError:  # L = \mathbf{1} + ...: L's size is unknown because the ones vector's is: say that
            mapping = {}
            if not any(isinstance(self.find(d), sp.Dummy) for d in self.sizes_by_use()):
                raise
        for dummy, t in self.sizes_by_use().items():
            root = self.find(dummy)
            size = next((v for k, v in mapping.items() if self.find(k) == root), None) if isinstance(
                root, sp.Dummy) else root
            if size is None and t.text == "I":
                raise ParseError(r"cannot tell the size of the identity I: write it (I_n)", column=t.col, source=self.src)
            if size is None:
                written = "1^T" if t.kind == "digit" else f"{t.text}{{1}}"
                raise ParseError(f"cannot tell the length of the ones vector {written}: write it ({t.text}{{1}}_n)"
                                 if t.kind != "digit" else f"cannot tell the length of the ones vector {written}",
                                 column=t.col, source=self.src)
            mapping[dummy] = size
        return mapping
