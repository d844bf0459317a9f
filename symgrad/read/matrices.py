"""Matrix calculus as pages write it: the trace, the determinant and the inverse, read into ``symgrad.linalg``.

``\\mathrm{tr}(XA)`` is the contraction ``sum_i (XA)_ii``; ``\\det X``, ``|X|`` (of a square matrix), ``\\log\\det X`` and
``X^{-1}``, ``X^{-T}`` are linalg's ``Det``, ``inverse(X)[k, l]`` of a whole square matrix. A formula that uses one of
them and names matrices nobody declared (``\\frac{\\partial}{\\partial X}\\mathrm{tr}(XA) = A^T``) reads its undeclared
capital letters as n x n matrices and an undeclared ``I`` as the identity; the verdict says so.
"""

from __future__ import annotations

import itertools

import sympy as sp

from .. import linalg
from ..errors import SymgradError
from ..linalg_expressions import expression_det, expression_inverse
from ..tensors import size
from .context import Context
from .differentials import source_text
from .expressions import _TRACE_BRACKETS
from .tokens import _FONTS, _GREEK, _NAMED, _arg_text, _group_end, _Tok
from .vocabulary import _extent, _Val

_TRACES = frozenset({"tr", "trace"})
_WORDS = _TRACES | {"det", "adj"}
_COMMANDS = frozenset({r"\Tr", r"\tr", r"\trace", r"\det"})
_SIZE_NAMES = ("n", "m", "d", "N", "K", "M")
_GREEK_CAPITALS = frozenset(g for g in _GREEK if g[0].isupper())
_TRANSPOSES = ("T", r"\top", r"\intercal")
_MAX_POWER = 4  # X^2 .. X^4 read as products; a higher power is refused (its expression grows with the power)
_INVERSE_MARKS = (["{", "-", "1"], ["{", "-", "T"], ["{", "-", r"\top"])


class _Matrices:
    """The trace, determinant and inverse (a part of the parser)."""

    def trace(self, t: _Tok, label: str) -> _Val:
        """``\\mathrm{tr}(XA)``, ``\\Tr AB``, ``tr XAX^T``: without brackets the argument is the product up to the next
        + or - (as after ``\\frac{d}{dx}``)."""
        bracketed, begin = self.at("("), self.pos
        arg = self.group(")") if bracketed else self.term()
        if bracketed and not self.square(arg) and self.starts_factor():
            arg = self.product_after(arg, begin, label)
        if not arg.axes:
            self.note(f"{label}(...) of a scalar read as the scalar itself (the trace of a 1 x 1 matrix)")
            return arg
        if len(arg.axes) != 2 or None in arg.axes:
            raise self.error(f"{label} needs a square matrix, got shape {self.shape(arg)}: declare it "
                             r"(X \in \mathbb{R}^{n \times n})", t)
        row, col = arg.axes
        self.unify(_extent(row), _extent(col), t, f"{label} of a matrix")
        return _Val(linalg.trace(arg.expr.xreplace({col: row}), row, row))

    def square(self, v: _Val) -> bool:
        """Whether ``v`` is a matrix whose two sizes are one (as far as they are settled here)."""
        return len(v.axes) == 2 and None not in v.axes and self.find(_extent(v.axes[0])) == self.find(_extent(v.axes[1]))

    def product_after(self, first: _Val, begin: int, label: str) -> _Val:
        r"""``\mathrm{tr}\,(x - \mu)(x - \mu)^T \Sigma^{-1}``: the bracket after a trace is no square matrix and a
        product goes on, so the trace's argument is the whole product (as without brackets), noted."""
        v = first
        while self.starts_factor():
            v = self.mul(v, self.factor(), "implicit", self.peek())
        written = source_text(self.src, self.toks[begin:self.pos]).strip()
        self.note(f"{label} {written} read as the trace of the whole product: the bracket after {label}, of shape "
                  f"{self.shape(first)}, is no square matrix")
        return v

    def matrix_power(self, v: _Val, e: sp.Expr, t: _Tok) -> _Val:
        r"""``X^2``, ``(\Sigma^{-1})^2``: an integer power of a square matrix, the repeated matrix product."""
        if not (e.is_Integer and 2 <= e <= _MAX_POWER):
            raise self.error(f"a matrix to the power {e} is not read: write an integer power from 2 to {_MAX_POWER}, "
                             "or the product", t)
        row, col = v.axes
        self.unify(_extent(row), _extent(col), t, "the power of a square matrix")
        chain = [row] + [self.fresh(row.upper) for _ in range(int(e) - 1)] + [col]
        element = sp.Mul(*(v.expr.xreplace({row: a, col: b}) for a, b in itertools.pairwise(chain)))
        for k in chain[1:-1]:
            element = sp.Sum(element, (k, k.lower, k.upper))
        return _Val(element, v.axes)

    def determinant(self, t: _Tok, label: str) -> _Val:
        """``\\det X``, ``\\det(X)``, ``\\mathrm{det}\\, X``: of one whole square matrix, or of a square matrix
        expression (``\\det(WW^T + \\sigma^2 I)``)."""
        arg = self.group(")") if self.at("(") else self.factor()
        return _Val(self.determinant_of(arg, t, label))

    def determinant_of(self, v: _Val, t: _Tok, label: str) -> sp.Expr:
        """The determinant of the square matrix ``v``: linalg's ``Det`` of one declared matrix, else the determinant
        of the expression (its sizes made one)."""
        e = v.expr
        if len(v.axes) != 2 or None in v.axes or (isinstance(e, sp.Indexed) and e.indices == v.axes):
            return self.of_matrix(linalg.det, v, t, label)
        row, col = v.axes
        self.unify(_extent(row), _extent(col), t, f"{label} of a square matrix")
        inner_row, inner_col = self.fresh(row.upper), self.fresh(row.upper)
        return expression_det(e.xreplace({row: inner_row, col: inner_col}), inner_row, inner_col)

    def adjugate(self, t: _Tok, label: str) -> _Val:
        r"""``\mathrm{adj}(X)``: the adjugate of one whole square matrix, read as det(X) X^{-1} (it equals the adjugate
        wherever X is invertible, where a derivative of det X or X^{-1} is taken), noted."""
        arg = self.group(")") if self.at("(") else self.factor()
        inv = self.of_matrix(linalg.inverse, arg, t, label)
        row, col = arg.axes
        self.note(f"{label}({arg.expr.base}) read as det({arg.expr.base}) {arg.expr.base}^{{-1}}, the adjugate of an "
                  "invertible matrix")
        return _Val(linalg.det(arg.expr.base) * inv[row, col], (row, col))

    def of_matrix(self, fn, v: _Val, t: _Tok, label: str) -> sp.Expr:
        """``fn`` (linalg's det or inverse) of the square matrix ``v`` is, whole and untransposed; else a ParseError."""
        e = v.expr
        if not (isinstance(e, sp.Indexed) and len(v.axes) == 2 and e.indices == v.axes):
            raise self.error(f"{label} is read of one declared square matrix (a name such as X), got "
                             f"{'shape ' + self.shape(v) if len(v.axes) != 2 else 'an expression'}", t)
        try:
            return fn(e.base)
        except SymgradError as err:
            raise self.error(str(err), t) from err

    def inverse(self, v: _Val, t: _Tok, transposed: bool) -> _Val:
        """``X^{-1}``, ``X^{-T}``, ``X^{-2}``, ``X^{-2T}``: the elements of the inverse (its power: the mark just read),
        on the axes of ``X`` (swapped for ``-T``)."""
        row, col = v.axes
        element_of = self.inverse_of(v, t)
        power = self._mark_power()
        if power > 3:
            raise self.error(f"the inverse to the power {power} is not supported (at most 3)", t)
        chain = [row] + [self.fresh(row.upper) for _ in range(power - 1)] + [col]
        element = sp.Mul(*(element_of(a, b) for a, b in itertools.pairwise(chain)))
        for k in chain[1:-1]:
            element = sp.Sum(element, (k, k.lower, k.upper))
        return _Val(element, (col, row) if transposed else (row, col))

    def inverse_of(self, v: _Val, t: _Tok):
        r"""``(k, l) -> (A^{-1})_{kl}`` of the square matrix ``v``: of one declared matrix, linalg's inverse; of an
        expression (``(I + X^{-1})^{-1}``, ``(A^T A + \lambda I)^{-1}``), its inverse as an expression, its sizes
        made one."""
        e, (row, col) = v.expr, v.axes
        if isinstance(e, sp.Indexed) and e.indices == v.axes:
            inv = self.of_matrix(linalg.inverse, v, t, "the inverse")
            return lambda a, b: inv[a, b]
        self.unify(_extent(row), _extent(col), t, "the inverse of a square matrix")
        inner_row, inner_col = self.fresh(row.upper), self.fresh(row.upper)
        body = e.xreplace({row: inner_row, col: inner_col})
        return lambda a, b: expression_inverse(body, inner_row, inner_col, a, b)

    def _mark_power(self) -> int:
        """The k of the inverse mark just read (``^{-kT}``, ``^{-k}``): the digits after its ``^``; 1 where none."""
        k = self.pos - 1
        while k > 0 and self.toks[k].text != "^":
            k -= 1
        digits = "".join(t.text for t in self.toks[k:self.pos] if t.kind == "digit")
        return int(digits) if digits else 1

    def inverse_mark(self) -> tuple[int, bool] | None:
        """After ``^``: ``{-1}``, ``-1``, ``{-T}``, ``{-\\top}``, ``{-2}``, ``{-2T}``: (tokens, transposed), else None."""
        texts = [self.peek(k).text for k in range(6)]
        if texts[:2] == ["-", "1"]:
            return 2, False
        if texts[:2] != ["{", "-"]:
            return None
        k = 2
        while texts[k].isdigit() and k < 4:
            k += 1
        transposed = texts[k] in ("T", r"\top", r"\intercal")
        if texts[k + transposed] != "}" or (k == 2 and not transposed) or texts[2:k] == ["0"]:
            return None
        return k + transposed + 1, transposed

    def not_a_matrix_inverse(self, v: _Val, t: _Tok) -> tuple[int, bool] | None:
        """``S^{-T}`` of a name that is no declared matrix: the inverse transpose of a matrix nobody declared, or the
        power -T (a scalar S read as such gave 1/S + S^(-T) for Sigma^{-1} + Sigma^{-T}, silently). Refused naming
        both, unless a declared or defined T makes it the power (None: read on as a power)."""
        mark = self.inverse_mark()
        declared_t = self.ctx.known("T") or "T" in self.ctx.domains
        if mark is None or not mark[1] or (self.peek(2).text == "T" and declared_t):
            return None
        name = str(v.expr.base.label if isinstance(v.expr, sp.Indexed) else v.expr)
        raise self.error(f"{name}^{{-T}} has two readings: the inverse transpose of a matrix (declare it, {name} "
                         rf"\in \mathbb{{R}}^{{n \times n}}) or the power -T of a number (declare T)", t)

    def lowercase_transpose(self, v: _Val) -> int:
        """``A^t``, ``x^{t}`` of an array where t is no name of the problem nor written elsewhere in this source than as
        such a mark: the transpose, as ``^T`` (noted; a power by t would need a t); the tokens of the mark, or 0."""
        texts = [self.peek(k).text for k in range(3)]
        n = 1 if texts[0] == "t" else 3 if texts == ["{", "t", "}"] else 0
        if not n or not v.free or self.declared("t") or self.ctx.known("t") or _t_elsewhere(self.toks):
            return 0
        self.note("^t read as the transpose: t names nothing here")
        return n

    def identity(self, t: _Tok, subscripted: bool = False) -> _Val | None:
        """An undeclared ``I``: the identity of the size its subscript names (``I_d``, ``I_{n}``, when
        ``subscripted``), else where matrices were read square or every declared matrix is square of one size, of
        that size (noted); else None."""
        if self.declared("I"):
            return None
        if subscripted:
            n = self.subscript_size()
            return self.identity_entry(t) if n is None else self.sized_identity(n, ": its subscript")
        if self.ctx.matrix_size is not None:
            return self.sized_identity(self.ctx.matrix_size, "")
        shapes = {tuple(b.shape) for b in [*self.ctx.tensors.values(), *self.new_tensors.values()]
                  if isinstance(b, sp.IndexedBase) and len(b.shape or ()) == 2}  # W met here too: \|W^T W - I\|_F
        if len(shapes) == 1 and len(set(next(iter(shapes)))) == 1:
            return self.sized_identity(shapes.pop()[0], ": the size of every matrix declared")
        claimed = self.strict and not self.lenient  # in a claim I is no name: nothing defines it
        sizes = {e for b in self.ctx.tensors.values() if isinstance(b, sp.IndexedBase) for e in b.shape or ()}
        if claimed and not shapes and len(sizes) == 1:  # \frac{\partial g}{\partial x} = 2I with g, x in R^n
            return self.sized_identity(sizes.pop(), ": the size of every array declared")
        if shapes or (claimed and sizes):  # A^T A + \lambda I with A m x n; \|x\|^2 I - x x^T with x in R^n, m
            # the size its use gives (settled in resolve, see ones)
            extent = sp.Dummy("size_identity", integer=True, positive=True)
            self.__dict__.setdefault("identity_sizes", {})[extent] = t
            self.note("I read as the identity matrix of the size its use gives (nothing declares I)")
            row, col = self.fresh(extent), self.fresh(extent)
            return _Val(sp.KroneckerDelta(row, col), (row, col))
        return None

    def identity_entry(self, t: _Tok) -> _Val | None:
        """``I_{kj}`` of an undeclared, undefined I in a claim, its subscript two indices of one range: the entry of the
        identity matrix, the Kronecker delta (noted); None (nothing read) for any other subscript, and in a definition
        (``y_{ij} = w I_{ij} + b``: there I is as likely an input, an image)."""
        if not (self.strict and not self.lenient):
            return None
        start = self.pos
        got = self.index_run(2)
        if got is None:
            self.next()
            kind, got = self.subscript() if self.at("{") else ("", [])
            if kind != "indices" or len(got) != 2 or not all(isinstance(i, sp.Idx) for i in got) or self.at("_"):
                self.pos = start
                return None
        self.unify(_extent(got[0]), _extent(got[1]), t, "identity matrix")
        self.note(f"I_{{{got[0]}{got[1]}}} read as an entry of the identity matrix (the Kronecker delta): nothing "
                  "defines I")
        return _Val(sp.KroneckerDelta(*got))

    def sized_identity(self, n: sp.Expr, why: str) -> _Val:
        """The n x n identity on fresh indices, noted with ``why`` its size is n."""
        row, col = self.fresh(n), self.fresh(n)
        self.note(f"I read as the {n} x {n} identity matrix{why}")
        return _Val(sp.KroneckerDelta(row, col), (row, col))

    def subscript_size(self) -> sp.Expr | None:
        """The size written as a subscript here (``_d``, ``_{n}``, ``_3``: a size of this problem or a number),
        consumed; None (nothing consumed) where there is none."""
        texts = [self.peek(k).text for k in range(4)]
        if texts[0] != "_":
            return None
        width, text = (4, texts[2]) if texts[1] == "{" and texts[3] == "}" else (2, texts[1])
        sizes = {**self.ctx.sizes, **self.sizes}
        found = sp.Integer(text) if text.isdigit() and int(text) > 0 else sizes.get(text)
        if found is not None:
            self.pos += width
        return found


def _det_of(x: sp.Expr) -> sp.IndexedBase | None:
    """X where ``x`` is ``log|det X|``, or ``log det X`` of a positive definite X (its determinant is positive)."""
    if not isinstance(x, sp.log):
        return None
    arg = x.args[0]
    if isinstance(arg, sp.Abs) and isinstance(arg.args[0], linalg.Det):
        return arg.args[0].args[0]
    if isinstance(arg, linalg.Det) and isinstance(arg.args[0], linalg.PositiveDefinite):
        return arg.args[0]
    return None


def logdet_folded(e: sp.Expr) -> sp.Expr:
    """``\\log|\\det X|`` (and ``\\log\\det X`` of a positive definite X) is linalg's ``LogDet(X)``, as symgrad prints
    it: not the log of an absolute value."""
    return e.replace(lambda x: _det_of(x) is not None, lambda x: linalg.logdet(_det_of(x)))


def _operator_at(toks: list[_Tok], k: int) -> bool:
    """Whether a trace, determinant or inverse starts at token ``k``."""
    t = toks[k]
    if t.text in _COMMANDS:
        return True
    if t.text in _NAMED and toks[k + 1].text == "{":
        return _arg_text(toks, k + 1)[0].lower() in _WORDS
    if t.kind == "letter" and t.text == "T" and toks[k + 1].text == "r" and toks[k + 1].col == t.col + 1 and \
            toks[k + 2].text in _TRACE_BRACKETS:  # Tr\{AXB\}, Tr(AB): the trace spelled in letters, bracketed
        return k == 0 or toks[k - 1].kind != "letter" or toks[k - 1].col + 1 != t.col
    if t.kind == "letter" and t.text == "t" and toks[k + 1].text == "r" and toks[k + 1].col == t.col + 1:
        subscript = k > 0 and (toks[k - 1].text == "_" or (toks[k - 1].text == "{" and k > 1 and toks[k - 2].text == "_"))
        return not subscript and (k == 0 or toks[k - 1].kind != "letter" or toks[k - 1].col + 1 != t.col)
    return t.text == "^" and [x.text for x in toks[k + 1:k + 4]] in _INVERSE_MARKS and \
        _capital_before(toks, k) is not None


def _capital_before(toks: list[_Tok], k: int) -> str | None:
    """The capital that ends right before token k (``X``, ``\\Sigma``, ``{\\Sigma}``, ``\\mathbf{\\Sigma}``,
    ``\\boldsymbol\\Sigma``), else None."""
    last = k - 1
    if last >= 2 and toks[last].text == "}" and toks[last - 2].text == "{":
        last -= 1
    name = toks[last] if last >= 0 else None
    if name is not None and name.kind == "letter" and name.text.isupper() and len(name.text) == 1:
        return name.text
    return name.text[1:] if name is not None and name.text[1:] in _GREEK_CAPITALS else None


def _greek_matrices(toks: list[_Tok]) -> list[str]:
    """Greek capitals used as matrices here: inverted or transposed (``\\Sigma^{-1}``, ``\\Lambda^T``), or under a
    determinant (``\\det\\Sigma``, ``|\\Sigma|``); a Greek capital used otherwise (``\\Sigma_{j}^{p} \\beta_j^2`` as a
    sum sign, ``\\Phi(x)`` as a function) is no matrix."""
    out = []
    for k, t in enumerate(toks[:-1]):
        name = t.text[1:]
        if t.kind != "cmd" or name not in _GREEK_CAPITALS or name in out:
            continue
        begin, end = k, k + 1
        if k >= 1 and toks[k - 1].text == "{" and toks[k + 1].text == "}":  # {\Sigma}, \mathbf{\Sigma}
            begin, end = k - 1, k + 2
        if begin >= 1 and toks[begin - 1].text in _FONTS:
            begin -= 1
        after = [x.text for x in toks[end:end + 4]]
        marked = after[:1] == ["^"] and (after[1] in _TRANSPOSES or after[1:4] in _INVERSE_MARKS or
                                         after[1:3] in [["{", m] for m in _TRANSPOSES])
        before = [x.text for x in toks[max(begin - 2, 0):begin]]
        det = before[-1:] == [r"\det"] or before == [r"\det", "("] or (before[-1:] == ["|"] and after[:1] == ["|"])
        if marked or det:
            out.append(name)
    return out


def _capitals(toks: list[_Tok]) -> list[str]:
    """Single capital letters standing as names: not spelling an upright word (``\\mathrm{Tr}``), not the T of a
    transpose."""
    words = set()
    for k, t in enumerate(toks[:-1]):
        if t.text in _NAMED and toks[k + 1].text == "{":
            words.update(range(k + 1, _group_end(toks, k + 1)))
    out = []
    for k, t in enumerate(toks):
        if t.kind != "letter" or not t.text.isupper() or len(t.text) != 1 or k in words:
            continue
        before = toks[k - 1] if k else None
        minus = before is not None and before.text == "-" and k > 1 and toks[k - 2].text in ("^", "{")  # X^{-T}
        transpose = before is not None and (before.text == "^" or minus or (
            before.text == "{" and k > 1 and toks[k - 2].text in ("^", r"\mathsf", r"\mathrm")))
        trace = t.text == "T" and _operator_at(toks, k)  # the T of Tr(AB)
        if not transpose and not trace and t.text not in out:
            out.append(t.text)
    return out + [g for g in _greek_matrices(toks) if g not in out]


def _transposed_letters(toks: list[_Tok]) -> set[str]:
    """Lowercase letters written with a transpose mark (``x^T``, ``x^\\top``): vectors."""
    return {t.text for k, t in enumerate(toks[:-2]) if t.kind == "letter" and t.text.islower() and
            toks[k + 1].text == "^" and toks[k + 2].text in ("T", r"\top", r"\intercal")}


def gradient_variable(toks: list[_Tok], ctx: Context) -> None:
    """``\\nabla x^TAx`` with no variable under the nabla: the one undeclared lowercase letter written transposed
    is the variable, an n-vector, and the undeclared capitals n x n matrices (noted); else nothing is decided."""
    bare = [k for k, t in enumerate(toks[:-1]) if t.text == r"\nabla" and toks[k + 1].text != "_" and
            toks[k + 1].text not in ctx.functions]
    vectors = sorted(v for v in _transposed_letters(toks) if not ctx.known(v))
    by = {toks[k + 2].text if toks[k + 2].text != "{" else toks[k + 3].text
          for k, t in enumerate(toks[:-3]) if t.text == r"\nabla" and toks[k + 1].text == "_"}
    if len(vectors) != 1 or not bare and vectors[0] not in by:  # \nabla_x x^T A x: x is a vector there too
        return
    n = _matrix_size(toks, ctx)
    ctx.tensors[vectors[0]] = sp.IndexedBase(vectors[0], shape=(n,))
    if bare:
        ctx.gradient_variable = vectors[0]
    ctx.notes.append(f"{vectors[0]} read as an {n}-vector (written transposed)" + (
        f"; \\nabla with no variable read as the gradient by {vectors[0]}" if bare else ""))
    square_matrices(toks, ctx, always=True)


def _matrix_size(toks: list[_Tok], ctx: Context) -> sp.Symbol:
    """The size n of the matrices and vectors this problem leaves undeclared (chosen once, a letter not in use)."""
    if ctx.matrix_size is None:
        used = {t.text for t in toks if t.kind == "letter"} | set(ctx.tensors) | set(ctx.ranges)
        only = next(iter(ctx.sizes.values())) if len(ctx.sizes) == 1 else None  # x_n, \mu \in R^D: Sigma is D x D
        ctx.matrix_size = next((ctx.sizes[s] for s in _SIZE_NAMES if s in ctx.sizes),
                               only) or size(next(s for s in _SIZE_NAMES if s not in used))
        ctx.sizes.setdefault(str(ctx.matrix_size), ctx.matrix_size)
    return ctx.matrix_size


def square_matrices(toks: list[_Tok], ctx: Context, always: bool = False) -> None:
    """Where a formula takes a trace, determinant or inverse, read its undeclared capital letters as n x n matrices
    (``I`` the identity), noted: those are of square matrices, and nothing else says the shapes."""
    if not always and not any(_operator_at(toks, k) for k in range(len(toks) - 1)):
        return
    names = [c for c in _capitals(toks) if c != "I" and not ctx.known(c)]
    n = _matrix_size(toks, ctx)
    for name in names:
        ctx.tensors[name] = sp.IndexedBase(name, shape=(n, n))
    if names:
        ctx.notes.append(f"{', '.join(names)} read as {n} x {n} matri{'ces' if len(names) > 1 else 'x'} (nothing "
                         "declares their shapes; declare them to read otherwise)")
    greek = [name for name in names if name in _GREEK_CAPITALS]
    if greek:
        ctx.notes.append(f"{', '.join(greek)}: a Greek capital inverted, transposed or under a determinant read as a "
                         "matrix, not a sum sign")


def _t_elsewhere(toks: list[_Tok]) -> bool:
    """Whether a letter t stands in ``toks`` other than as a superscript ``^t`` or ``^{t}``."""
    return any(u.kind == "letter" and u.text == "t" and not (
        toks[k - 1].text == "^" or toks[k - 1].text == "{" and toks[k - 2].text == "^" and toks[k + 1].text == "}")
        for k, u in enumerate(toks))
