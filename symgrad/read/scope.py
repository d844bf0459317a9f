"""The reader's state: position in the tokens, sizes, index scopes and fresh names."""

from __future__ import annotations

import itertools

import sympy as sp

from ..errors import ParseError, ShapeMismatchError
from ..tensors import size
from .context import Context
from .tokens import _INDEX_POOL, _Tok


class _Scope:
    """The state of one reading: tokens and position, index scopes, sizes being unified, names met."""

    def __init__(self, src: str, toks: list[_Tok], ctx: Context, *, strict: bool = False,
                 protected: tuple[sp.Idx, ...] = ()):
        self.src, self.toks, self.ctx, self.strict = src, toks, ctx, strict
        self.pos = 0
        self.binders: list[dict[str, sp.Idx]] = []
        self.pending: dict[str, sp.Idx] = {}
        self.pending_col: dict[sp.Dummy, int] = {}
        self.parent: dict[sp.Expr, sp.Expr] = {}
        self.new_tensors: dict[str, sp.IndexedBase] = {}
        self.new_scalars: dict[str, sp.Symbol] = {}
        self.sizes: dict[str, sp.Symbol] = {}
        self.opaque: set[str] = set()
        self.params: dict[str, sp.Symbol] = {}
        self.samples: tuple[str, ...] = ()
        self.protected = set(protected)
        self.lenient = 0
        self.index_mode = False  # in a case condition or assumption, unknown letters are indices
        self.bounded: list[sp.Idx] = []  # summation indices with explicit bounds, remembered for \sum_k later
        self.bars = 0  # depth inside |...| or \|...\|, where a bar closes instead of opening
        self.depth = 0  # nesting of factors being read, bounded by _MAX_DEPTH
        self.notes: list[str] = []  # readings decided by context (one meaning per letter), for Context.notes
        self.euler: _Tok | None = None  # where e was read as Euler's number
        self.bounding = 0  # inside a summation bound or a dimension, where letters are sizes
        self.used = {t.text for t in toks if t.kind == "letter"} | set(ctx.ranges) | set(ctx.tensors)
        self.used |= set(ctx.definitions) | set(ctx.sizes)

    # ------------------------------------------------------------------ token helpers
    def peek(self, k: int = 0) -> _Tok:
        return self.toks[min(self.pos + k, len(self.toks) - 1)]

    def next(self) -> _Tok:
        t = self.peek()
        self.pos += 1
        return t

    def at(self, text: str) -> bool:
        return self.peek().text == text and self.peek().kind != "end"

    def expect(self, text: str, opened: _Tok | None = None) -> _Tok:
        if not self.at(text):
            t = self.peek()
            found = "the end" if t.kind == "end" else t.text
            why = f" to close {opened.text} at column {opened.col}" if opened else ""
            raise self.error(f"expected {text}{why}, found {found}", t)
        return self.next()

    def error(self, message: str, tok: _Tok | None = None) -> ParseError:
        return ParseError(message, column=(tok or self.peek()).col, source=self.src)

    def contiguous(self, k: int = 0) -> bool:
        """Whether token k+1 follows token k with no space (``loss`` is a word, ``l o s s`` is not)."""
        return self.peek(k + 1).col == self.peek(k).col + len(self.peek(k).text)

    # ------------------------------------------------------------------ sizes and indices
    def find(self, e: sp.Expr) -> sp.Expr:
        while e in self.parent:
            e = self.parent[e]
        return e

    def unify(self, a: sp.Expr | None, b: sp.Expr | None, tok: _Tok, what: str) -> None:
        if a is None or b is None:
            return
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if isinstance(ra, sp.Dummy):
            self.parent[ra] = rb
        elif isinstance(rb, sp.Dummy):
            self.parent[rb] = ra
        else:
            raise self.mismatch(f"{what}: size {ra} does not match size {rb}", tok, (ra, rb))

    def mismatch(self, message: str, tok: _Tok, sizes: tuple[sp.Expr, ...]) -> ShapeMismatchError:
        """The error for shapes that cannot combine; ``declared`` where every size is one the user wrote (a fact's
        or a bound's), none invented here (a matrix read square, a size settled by use or by the only one in play)."""
        invented = {str(self.ctx.matrix_size)} | set(self.ctx.provisional_sizes) | set(self.__dict__.get(
            "by_use_sizes", ()))
        written = {str(v) for v in self.ctx.sizes.values()} | {str(v) for v in self.sizes.values()}
        declared = all(isinstance(self.find(e), sp.Symbol) and not isinstance(self.find(e), sp.Dummy) and
                       str(self.find(e)) in written - invented for e in sizes)
        return ShapeMismatchError(message, column=tok.col, source=self.src, declared=declared)

    def size(self, name: str) -> sp.Symbol:
        s = self.ctx.sizes.get(name) or self.sizes.get(name) or size(name)
        self.sizes[name] = s
        return s

    def index(self, name: str, tok: _Tok) -> sp.Idx:
        for scope in reversed(self.binders):
            if name in scope:
                return scope[name]
        if name in self.ctx.ranges:
            return self.ctx.ranges[name]
        if name not in self.pending:
            extent = sp.Dummy(f"size_{name}", integer=True, positive=True)
            self.pending[name] = sp.Idx(sp.Symbol(name, integer=True), (1, extent))
            self.pending_col[extent] = tok.col
        return self.pending[name]

    def fresh(self, extent: sp.Expr, preferred: str | None = None) -> sp.Idx:
        # the numbered names never run out: a 10,000-character input can need hundreds
        names = itertools.chain([preferred] * bool(preferred), _INDEX_POOL, (f"i{n}" for n in itertools.count(1)))
        name = next(n for n in names if n not in self.used)
        self.used.add(name)
        return sp.Idx(sp.Symbol(name, integer=True), (1, extent))
