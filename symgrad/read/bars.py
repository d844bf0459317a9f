"""Bars: ``|x|`` (an absolute value, the determinant of a matrix, the length of a bold vector) and ``\\|x\\|_p``
(a norm), with undeclared samples read as vectors inside a norm."""

from __future__ import annotations

import sympy as sp

from .differentials import source_text
from .matrix_norms import norm_kind, power_width
from .tokens import _Tok
from .vocabulary import _SAMPLE_NAMES, _free_indices, _Val

_VECTOR_NORMS = frozenset({"1", "2"})


def _text(e: sp.Expr) -> str:
    return str(e.base) if isinstance(e, sp.Indexed) else "..."


class _Bars:
    """Reading what stands between bars (a part of the parser)."""

    def all_bold(self, e: sp.Expr) -> bool:
        """Whether every array in ``e`` was written in a bold font here (``\\mathbf{v}``): a vector by convention."""
        bases = {str(b.label) for b in e.atoms(sp.IndexedBase)}
        return bool(bases) and bases <= self.__dict__.get("bold_names", set())

    def bars_value(self, t: _Tok, norm: bool) -> _Val:
        self.pos += 2 if t.text == "|" and norm else 1
        start = self.pos
        v = self.reparse_bars()
        if norm and self.at("|") and self.peek(1).text == "|":
            self.pos += 2
        else:
            self.expect(r"\|" if norm else "|", t)
        if not norm and len(v.free) == 1:
            written = source_text(self.src, self.toks[start:self.pos - 1]).strip()
            value = self.single_bar_norm(v, written, t)
            if value is not None:
                return value
        if not norm and len(v.free) == 1 and self.all_bold(v.expr):
            self.note(f"|{_text(v.expr)}| of a bold vector read as its length, the Euclidean norm")
            return self.norm(v, "2", t)
        if not norm and len(v.free) == 2:
            self.note(f"|{v.expr.base if isinstance(v.expr, sp.Indexed) else '...'}| of a matrix read as its determinant")
            return _Val(self.determinant_of(v, t, "|...| of a matrix (its determinant)"))
        if not norm:
            return _Val(sp.Abs(v.expr), v.axes)
        if self.peek(0).kind == "digit":  # ||Ax - b||2: a subscript or a power whose _ or ^ was lost in copying
            d, at = self.peek(0).text, self.peek(0).col
            err = self.error(f"a number right after a norm's closing bars has two readings: its subscript (\\|x\\|_{d}, "
                             f"the {d}-norm) or its power (\\|x\\|^{d}), with the _ or ^ lost in copying; write the one "
                             "meant", self.peek(0))
            err.readings = ((f"\\|...\\|_{d} (the {d}-norm)", at, at + len(d), f"_{{{d}}}"),
                            (f"\\|...\\|^{d} (its power)", at, at + len(d), f"^{{{d}}}"))  # each judged: verify.readings
            raise err
        power_first = self.power_then_kind()  # \|X\|^2_F
        kind = power_first[1] if power_first else self.norm_subscript(t) or self.braced_norm_subscript(start)
        if not v.axes and not _free_indices(v.expr) - self.protected:
            v = self.with_samples(v, start, self.reparse_bars)
        if len(v.free) == 2:
            kind = self.matrix_norm_kind(kind, t)
        value = self.norm(v, kind or "2", t)
        return _Val(value.expr ** power_first[0]) if power_first else value

    def single_bar_norm(self, v: _Val, written: str, t: _Tok) -> _Val | None:
        r"""``|x|_2``, ``|x|_1``, ``|x|_2^2``, ``|x|^2_2`` of a vector: single bars with a norm's subscript are that
        norm (an absolute value takes no subscript), noted; None (nothing read) where no such subscript follows."""
        texts = [self.peek(k).text for k in range(12)]
        width = power_width(texts, 0)
        found = norm_kind(texts, width)
        if found is None or found[0] not in _VECTOR_NORMS:
            return None
        power = sp.Integer(int(texts[1] if width == 2 else texts[2])) if width else sp.Integer(1)
        self.pos += width + found[1]
        self.note(f"|{written}|_{found[0]} read as the {found[0]}-norm of the vector {written}")
        return _Val(self.norm(v, found[0], t).expr ** power)

    def braced_norm_subscript(self, start: int) -> str | None:
        r"""``{\lVert Ax - b \rVert}_2^2``: a norm alone in braces with its subscript after the closing brace; the
        subscript is taken out of the tokens (the brace then closes on the norm); None where there is none."""
        opened = start - (2 if self.toks[start - 1].text == "|" else 1) - 1
        texts = [self.peek(k).text for k in range(8)]
        found = norm_kind(texts, 1) if texts[0] == "}" and opened >= 0 and self.toks[opened].text == "{" else None
        if found is None:
            return None
        del self.toks[self.pos + 1:self.pos + 1 + found[1]]
        return found[0]

    def norm_subscript(self, t: _Tok) -> str | None:
        r"""The subscript after a norm's closing bar (``_F``, ``_{2}``, ``_{\mathrm{F}}``), read; None if none."""
        found = norm_kind([self.peek(k).text for k in range(8)], 0)
        if found is None:
            if self.at("_"):
                raise self.error(r"a norm's subscript is one letter or number: \|x\|_2, \|X\|_F", t)
            return None
        self.pos += found[1]
        return found[0]

    def reparse_bars(self) -> _Val:
        self.bars += 1
        v = self.expr()
        self.bars -= 1
        return v

    def with_samples(self, v: _Val, start: int, body) -> _Val:
        """Re-read a body from ``start`` with undeclared x, y, yhat as per-sample vectors (the seed's Σ[y-(xw+b)]²)."""
        names = tuple(n for n in _SAMPLE_NAMES if n not in self.ctx.tensors and n not in self.ctx.definitions
                      and n not in self.new_tensors)
        if not names or self.samples:
            return v
        end = self.pos
        snapshot = (dict(self.new_tensors), dict(self.new_scalars), dict(self.pending), dict(self.parent))
        for n in names:
            self.new_scalars.pop(n, None)
        self.pos, self.samples = start, names
        w = body()
        self.samples = ()
        if not w.axes:
            self.new_tensors, self.new_scalars, self.pending, self.parent = snapshot
            w = v
        self.pos = end
        return w
