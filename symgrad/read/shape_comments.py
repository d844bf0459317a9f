"""A shape comment after a formula, as code blocks of plain-text math write it (``ŷ = softmax(z₂)        # [k]``,
``dW = a (dz)ᵀ    # [m, k]``): the comment states the shape of the formula's value, so it is checked, not dropped -
each size it writes must be the size of that axis of the value (a size nothing gave yet is settled by it), noted;
another number of axes or another size is refused naming both. A ``#`` followed by anything else is left to the
reader (unexpected there)."""

from __future__ import annotations

from .scope import _Scope
from .vocabulary import _extent, _Val


class _ShapeComments(_Scope):
    """The value of the whole formula, and the shape comment after it (a part of the parser)."""

    def expr(self) -> _Val:
        depth = self.__dict__.get("_expr_depth", 0)
        self._expr_depth = depth + 1
        try:
            v = super().expr()  # type: ignore[misc]
        finally:
            self._expr_depth = depth
        if depth == 0:
            self._whole = v
        return v

    def done(self) -> None:
        if self.at("#") and self.__dict__.get("_whole") is not None:
            self.shape_comment()
        super().done()  # type: ignore[misc]

    def shape_comment(self) -> None:
        """``# [k]``, ``# [m, k]`` at the end: check the formula's value has that shape."""
        start = self.pos
        hash_tok = self.next()
        dims = []
        if self.at("["):
            self.next()
            while self.peek().kind in ("letter", "digit") and len(self.peek().text) == 1 or \
                    self.peek().kind == "digit":
                dims.append(self.next())
                if not self.at(","):
                    break
                self.next()
        if not dims or not self.at("]") or self.peek(1).kind != "end":
            self.pos = start  # no shape comment: unexpected #, as before
            return
        self.next()
        text = "# [" + ", ".join(t.text for t in dims) + "]"
        value = self._whole
        axes = [i for i in value.free]
        if len(axes) != len(dims):
            raise self.error(f"the comment {text} states a shape of {len(dims)} "
                             f"{'axis' if len(dims) == 1 else 'axes'}, and the formula's value has shape "
                             f"{self.shape(value)}", hash_tok)
        for axis, dim in zip(axes, dims):
            size = self.size(dim.text) if dim.kind == "letter" else int(dim.text)
            self.unify(_extent(axis), size, hash_tok, f"the comment {text}")
        self.note(f"the comment {text} after the formula read as the shape of its value, which has it")
