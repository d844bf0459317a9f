"""The recursive descent proper: terms, products, powers, primaries, fractions, norms (sums are in read.sums)."""

from __future__ import annotations

import sympy as sp

from .bold import spread_bold
from .braced_minus import minus_shown
from .context import Function
from .differentials import source_text
from .fallback import _FOREIGN_CLOSERS
from .kronecker import delta
from .literals import bracket_list, matrix_environment
from .matrix_norms import norm_kind
from .mixed_subscripts import entry_indices
from .nabla_names import gradient_parameter, nabla_argument
from .nabla_sole_variable import sole_variable_gradient
from .row_products import row_matrix
from .summed_superscripts import summed_power
from .tokens import _FONTS, _FUNCS, _MAX_BITS, _MAX_DEPTH, _NAMED, _ONES, _OPS, _RELS, _Tok
from .vocabulary import (
    _ELEMENTWISE,
    _INVERSES,
    _NAMED_FUNCS,
    _OPERATORS,
    _extent,
    _Val,
)

_MATRIX_OPERATORS = {"rank": "the rank"}
_TRACE_BRACKETS = ("(", r"\{", "[", r"\left", r"\big", r"\Big")
_MATRIX_READERS = {"tr": "trace", "trace": "trace", "det": "determinant", "adj": "adjugate"}  # upright names read by read.matrices
_GROUPS = {"(": ")", "[": "]", r"\{": r"\}", "{": "}"}
# the commands that open an operand, and the method that reads the rest (after the command)
_PRIMARIES = {
    r"\frac": "frac", r"\dfrac": "frac", r"\tfrac": "frac", r"\cfrac": "frac", r"\sum": "sum", r"\prod": "sum",
    r"\Tr": "matrix_operator", r"\tr": "matrix_operator", r"\trace": "matrix_operator", r"\det": "matrix_operator",
    r"\sqrt": "root", r"\langle": "inner", r"\max": "extremum", r"\min": "extremum", r"\begin{cases}": "cases", r"\infty": "infinity",
    r"\begin{matrix}": "matrix_literal", r"\int": "integral",
    **{rf"\{f}": "function" for f in ("log", "ln", "exp", "tanh", "sin", "cos", "cosh", "sinh", "tan", "arctan")},
}


class _Expressions:
    """The expression grammar (a part of the parser)."""

    def expr(self) -> _Val:
        sign = None
        if self.at("-") or self.at("+"):
            sign = self.next()
        start = self.pos
        v = self.term()
        if sign is not None and sign.text == "-":
            v = _Val(-v.expr, v.axes)
        while self.at("+") or self.at("-") or self.at(r"\pm"):
            left = self.written(start, self.pos)
            op = self.next()
            if op.text == r"\pm":
                raise self.error(r"\pm is not supported", op)
            begin = self.pos
            w = self.term()
            v = self.add(v, w if op.text == "+" else _Val(-w.expr, w.axes), op, (left, self.written(begin, self.pos)))
        return v

    def written(self, start: int, end: int) -> str:
        """The source text of tokens ``start`` to ``end`` (for an error that names what it refuses)."""
        if end <= start or self.toks[end - 1].kind == "end":
            return ""
        first, last = self.toks[start], self.toks[end - 1]
        return self.src[first.col - 1:last.col - 1 + len(last.text)].strip()

    def starts_factor(self) -> bool:
        t = self.peek()
        if t.kind in ("letter", "digit"):
            return self.case_word()[0] is None
        if t.kind == "sym":
            return t.text in "([{" or (t.text == "|" and not self.bars)
        if t.kind == "cmd":
            stop = set(_OPS) | set(_RELS) | {r"\end{cases}", r"\end{matrix}", r"\}", r"\dots", r"\ldots", r"\cdots", r"\pm", r"\rangle",
                                               r"\mid", r"\not", "\\\\", r"\over"} | set(_FOREIGN_CLOSERS.values())
            return t.text not in stop and not (t.text == r"\|" and self.bars) and self.case_word()[0] is None
        return False

    def term(self) -> _Val:
        v = self.factor()
        while True:
            t = self.peek()
            if t.text in _OPS and t.kind != "end":
                self.next()
                w = self.factor()
                op = _OPS[t.text]
                while op == "odot" and self.starts_factor():  # y \odot Xw is y ⊙ (Xw), as it reads in print
                    w = self.mul(w, self.factor(), "implicit", self.peek())
                if op == "/":
                    self.glued_divisor(t)
                    v = self.div(v, w, t)
                else:
                    v = self.mul(v, w, {r"\cdot": "dot", "*": "star", r"\times": "star"}.get(t.text, op), t)
            elif self.starts_factor():
                met = set(self.new_scalars) | set(self.new_tensors) | set(self.__dict__.get("params_read", ()))
                v = self.mul(v, self.scalar_grouped(v, self.sized_by(v, self.factor(), met, t), t), "implicit", t)
            else:
                return v

    def scalar_grouped(self, v: _Val, w: _Val, t: _Tok) -> _Val:
        """``w`` times the factor after it where that makes a scalar and ``v w`` could only multiply elementwise:
        ``v^T(A + A^T) v^T v`` (a row, a row, a column) is the row times the scalar ``v^T v`` (noted), the one grouping
        the shapes allow, not the rows' elementwise product times v."""
        rows = len(v.free) == len(w.free) == 1 and len(v.axes) == len(w.axes) == 2 and v.axes[0] is w.axes[0] is None
        if not (rows and self.starts_factor()):
            return w
        save = self.pos
        x = self.factor()
        if not (len(x.free) == 1 and len(x.axes) == 2 and x.axes[1] is None):
            self.pos = save
            return w
        self.note(f"{source_text(self.src, self.toks[self.toks.index(t):self.pos])} read as a scalar (a row times a "
                  "column): the product is ill-typed left to right")
        return self.mul(w, x, "implicit", t)

    def sized_by(self, matrix: _Val, w: _Val, met: set[str], t: _Tok) -> _Val:
        """``X w`` with X a matrix and w a name first met here (or a function's parameter), undeclared: w is the vector
        the product needs, of X's column size (noted); read as a scalar, ``y - X w`` could not add. A name ``met``
        before in the formula as a scalar stays one (then refused as both)."""
        row = len(matrix.axes) == 2 and matrix.axes[0] is None
        if row and isinstance(w.expr, sp.Indexed):  # w^T x_i: the row vector w^T needs a column
            shape = self.shape(matrix)
            return self.row_by_use(w, met, t, "a row vector multiplies it" if "_size" in shape else
                                   f"a row vector of shape {shape} multiplies it")
        name = str(w.expr)
        new = self.new_scalars.get(name) is w.expr or self.params.get(name) is w.expr and not row
        if row and not name[:1].islower():  # x^T A x: a capital after a row vector is a matrix (read.row_products)
            return row_matrix(self, matrix, w, name, new and name not in met, t)
        if len(matrix.free) != 2 - row or w.axes or not isinstance(w.expr, sp.Symbol) or not new or name in met or \
                self.lookup_base(name) not in (None, w.expr) or name in self.ctx.definitions:
            return w
        self.new_scalars.pop(name, None)
        self.params.pop(name, None)
        size = _extent(matrix.free[-1])  # x_i^T w: the column a row vector needs, as X w needs one
        said = f"size {size}" if not isinstance(self.find(size), sp.Dummy) else "the row's length" if row else \
            "the matrix's column count"
        self.note(f"{name} read as a vector of {said}: it multiplies a {'row vector' if row else 'matrix'} and is not "
                  "declared")
        return self.array(self.new_tensors.setdefault(name, sp.IndexedBase(name, shape=(size,))), t)

    def superscript_is_transpose(self) -> int:
        """Tokens making up a transpose mark after ``^`` (``T``, ``\\top``, ``{T}``, ``\\mathsf{T}``), or 0."""
        texts = []
        k = 0
        while k < 6 and self.peek(k).kind != "end":
            texts.append(self.peek(k).text)
            k += 1
        for pattern in (["T"], [r"\top"], [r"\intercal"], ["{", "T", "}"], ["{", r"\top", "}"],
                        ["{", r"\intercal", "}"]):
            if texts[:len(pattern)] == pattern:
                return len(pattern)
        for font in (r"\mathsf", r"\mathrm", r"\text", r"\textrm", r"\rm"):  # ^{\text{T}}, ^\mathsf{T}
            for pattern in ([font, "{", "T", "}"], ["{", font, "{", "T", "}", "}"]):
                if texts[:len(pattern)] == pattern:
                    return len(pattern)
        return 0

    def factor(self) -> _Val:
        self.depth += 1
        try:
            if self.depth > _MAX_DEPTH:
                raise self.error(f"nested more than {_MAX_DEPTH} levels deep")
            return self._factor()
        finally:
            self.depth -= 1

    def _factor(self) -> _Val:
        minus_shown(self)  # { -e }^{ -x }: braces print nothing, the page shows -e^{-x}
        if self.at("-"):
            self.next()
            v = self.factor()
            return _Val(-v.expr, v.axes)
        if self.at("+"):
            self.next()
        start, made = self.pos, set(self.new_tensors)
        v = self.primary()
        if self.toks[start].text == "1" and self.pos == start + 1 and self.transpose_ahead():
            v = self.ones_transposed_times(self.ones_column(self.toks[start], None, "1^T"), self.toks[start])  # 1^T z
        if isinstance(v.expr, sp.Derivative) and self.at("("):
            self.at_its_point(v)
        powered = False
        while True:
            t = self.peek()
            if t.text == "^":
                if powered:
                    raise self.error("a^b^c has two readings: a^{b^c}, or (a^b)^c; write braces", t)
                self.next()
                powered = not self.superscript_is_transpose()
                v = self.superscript(self.row_by_use(v, made, t) if not powered else v, t)
            elif t.text == "'":
                self.next()
                v = self.transpose(v, t) if v.axes else self.primed(v, t, alone=start == 0 and self.peek().kind == "end")
            elif t.text == "_" and self.toks[start].text in ("[", "(") and self.positive_part_mark():
                self.pos += self.positive_part_mark()
                v = _Val(sp.Max(0, v.expr), v.axes)  # [u]_+, the hinge's positive part
            elif t.text == "_":
                self.next()
                v = self.subscripted(v, t)
            elif t.text == "!":
                self.next()
                if v.expr.is_Integer and v.expr > _MAX_BITS // 16:
                    raise self.error(f"{v.expr}! is too large to compute exactly", t)
                v = _Val(sp.factorial(v.expr), v.axes)
            else:
                return v

    def superscript(self, v: _Val, t: _Tok) -> _Val:
        """After ``^``: a transpose mark, or a scalar exponent (``e^{z}`` of a vector ``z`` is elementwise)."""
        n = self.superscript_is_transpose() or self.lowercase_transpose(v)
        if n:
            self.pos += n
            return self.transpose(v, t)
        element = self.matrix_superscript(v, t)
        if element is not None:
            return element
        inverse = self.inverse_mark() if len(v.free) == 2 else self.not_a_matrix_inverse(v, t)
        if inverse is not None:
            self.pos += inverse[0]
            return self.inverse(v, t, inverse[1])
        e = self.negative_exponent(t) if self.at("-") else self.argument()
        if e.axes and v.expr == sp.E and not v.axes:
            return _Val(sp.exp(e.expr), e.axes)  # as \exp(z)
        if e.axes:
            raise self.error("an exponent must be a scalar", t)
        if len(v.free) == 2 and e.expr != 1:
            return self.matrix_power(v, e.expr, t)
        bound = {str(i) for scope in self.binders for i in scope.values()}
        if isinstance(e.expr, sp.Idx) and str(e.expr) in bound and isinstance(v.expr, sp.Symbol) and \
                str(v.expr) in self.new_scalars:
            raise summed_power(self, v, e, t)
        if isinstance(e.expr, sp.Idx) and str(e.expr) in bound and len(v.free) == 1 and \
                isinstance(v.expr, sp.Indexed) and v.expr.indices == tuple(v.free):
            return self.sample_superscript(v, e.expr, t)
        return _Val(self.power(v.expr, e.expr, t), v.axes)

    def positive_part_mark(self) -> int:
        """The tokens of ``_+`` or ``_{+}`` here (after a bracket: ``[u]_+`` is max(0, u)), or 0."""
        texts = [self.peek(k).text for k in range(4)]
        return 2 if texts[:2] == ["_", "+"] else 4 if texts == ["_", "{", "+", "}"] else 0

    def index_list(self, body: list[_Tok], end: int, t: _Tok) -> tuple[str, list]:
        """``x_{i1}`` with i an index in play: the entry (i, 1) (``read.mixed_subscripts``); else as names read it."""
        mixed = entry_indices(self, body)
        if mixed is None:
            return super().index_list(body, end, t)  # type: ignore[misc]
        self.pos = end
        return "indices", mixed

    def subscripted(self, v: _Val, t: _Tok) -> _Val:
        """After ``_`` on a value: the element of a name (``\\sigma^2_j`` is ``(\\sigma_j)^2``) or of an array value;
        ``1_{i=j}`` is an indicator."""
        self.pos -= 1
        if v.expr == 1 and self.peek(1).text == "{" and self.peek(2).kind == "letter" and self.peek(3).text in _RELS:
            return self.indicator(t)
        run = self.index_run(len(v.free))  # K⁻¹_ij: two indices of a matrix value
        if run is not None:
            return self.select(v, run, t)
        self.next()
        kind, got = self.subscript()
        if kind == "suffix":
            raise self.error("expected an index", t)
        if kind == "slice":
            return self.sliced(v, got, t)
        if any(v is s for s in self.__dict__.get("sigmoid_arrays", ())):
            raise self.error(r"\sigma(z)_k has two readings: the softmax of the vector z, or the sigmoid of its element "
                             r"z_k; write \mathrm{softmax}(z)_k or \sigma(z_k)", t)
        if isinstance(v.expr, sp.Symbol) and not v.axes:
            return _Val(self.element(str(v.expr), got, t))
        if isinstance(v.expr, sp.Pow) and isinstance(v.expr.base, sp.Symbol) and not v.axes and \
                not isinstance(v.expr.base, sp.Idx):
            if self.new_scalars.get(str(v.expr.base)) == v.expr.base:
                del self.new_scalars[str(v.expr.base)]  # read a moment ago as a scalar: it is a vector
            return _Val(self.element(str(v.expr.base), got, t) ** v.expr.exp)
        return self.select(v, got, t)

    def power(self, base: sp.Expr, exp: sp.Expr, tok: _Tok) -> sp.Expr:
        """``base ** exp``, refusing exact numbers too large to compute (SymPy would hang on ``10^{10^{10}}``)."""
        if base.is_Rational and exp.is_Rational and base not in (0, 1, -1):
            bits = max(abs(base.p).bit_length(), base.q.bit_length()) * abs(exp)
            if bits > _MAX_BITS:
                raise self.error(f"{base}^({exp}) is too large to compute exactly", tok)
        return base ** exp

    def argument(self) -> _Val:
        """One TeX argument: a brace group, or a single token (``\\frac12``, ``e^x``, ``x^2``)."""
        t = self.peek()
        if t.text == "{":
            self.next()
            v = self.expr()
            self.expect("}", t)
            return v
        if t.kind == "digit":
            self.next()
            return _Val(sp.Integer(int(t.text)))
        if t.kind == "letter":
            self.next()
            return self.bare(t.text, t)
        return self.primary()

    def group(self, close: str) -> _Val:
        if close == "}" and self.differential(1) and self.over_differential():
            return self.over_derivative()
        opened = self.next()
        saved, self.bars = self.bars, 0
        v = self.expr()
        if close in ("}", r"\}") and self.case_word()[0] == "if":
            v = self.text_cases(v, opened)
        if close == "]" and self.at(","):
            self.bars = saved
            return bracket_list(v, self, opened, close)
        if close == "}" and self.at(r"\over"):  # plain TeX {a \over b}
            over = self.next()
            v = self.div(v, self.expr(), over)
        self.bars = saved
        self.expect(close, opened)
        return v

    def primary(self) -> _Val:
        """One operand: a number, a bracket, bars, a command of the table ``_PRIMARIES``, a derivative operator, or
        a name."""
        t = self.peek()
        if t.kind == "end":
            raise self.error("expected an expression, found the end", t)
        if t.kind == "digit":
            return self.number()
        if t.text in _GROUPS:
            return self.group(_GROUPS[t.text])
        if t.text == r"\|" or (t.text == "|" and self.peek(1).text == "|" and self.contiguous()):
            return self.bars_value(t, norm=True)
        if t.text == "|":
            return self.bars_value(t, norm=False)
        if t.kind == "sym":
            raise self.error(f"unexpected {t.text}", t)
        if t.text in _PRIMARIES:
            self.next()
            return getattr(self, _PRIMARIES[t.text])(t)
        if t.text in (r"\delta", r"\nabla", r"\partial"):
            operator = self.operator(t)
            if operator is not None:
                return operator
        if t.kind == "letter" and self.leibniz_ahead():
            return self.inline_derivative(t)
        word = self.plain_sum()
        if word:
            self.pos += len(word)  # sum_{i=1}^n x_i in plain text: \sum
            return self.sum(_Tok("cmd", r"\sum" if word == "sum" else r"\prod", t.col))
        spelled = self.spelled_operator(t)
        if spelled is not None:
            return spelled
        if t.text in _ONES and (self.peek(1).text == "1" or [self.peek(k).text for k in (1, 2, 3)] == ["{", "1", "}"]):
            return self.ones_vector(t)
        return self.named(t)

    def spelled_operator(self, t: _Tok) -> _Val | None:
        """An operator typeset with a letter: ``\\Sigma`` with limits a sum sign (read.sums decides), ``Tr`` before a
        bracket the trace (``Tr\\{AXB\\}``, ``Tr(AB)``, as ``\\mathrm{Tr}``: T times r would be a guess); else None."""
        if t.text == r"\Sigma" and self.sigma_as_sum(t):
            self.next()
            return self.sum(_Tok("cmd", r"\sum", t.col))
        if t.text == "T" and self.peek(1).text == "r" and self.contiguous() and self.peek(2).text in _TRACE_BRACKETS \
                and not any(self.declared(name) for name in ("Tr", "T", "r")):
            self.pos += 2
            return self.trace(t, "Tr")
        return None

    def plain_sum(self) -> str | None:
        """``sum`` or ``prod`` spelled in letters here, right before its limits (``sum_i``, ``prod_{k=1}^n``)."""
        word = next((w for w in ("sum", "prod") if self.keyword_ahead(w)), None)
        return word if word and self.peek(len(word)).text in ("_", "^") and not self.declared(word) else None

    def matrix_literal(self, t: _Tok) -> _Val:
        return matrix_environment(self, t)

    def root(self, t: _Tok) -> _Val:
        """``\\sqrt{x}``, ``\\sqrt[n]{x}``."""
        if self.at("["):
            self.next()
            n = self.expr()
            self.expect("]", t)
            return _Val(sp.root(self.argument().expr, n.expr))
        v = self.argument()
        return _Val(sp.sqrt(v.expr), v.axes)

    def inner(self, t: _Tok) -> _Val:
        """``\\langle a, b \\rangle``: the inner product, the sum of a_i b_i for vectors (a product for numbers); of two
        matrices (``\\langle A, B \\rangle_F``) the Frobenius inner product, the sum of A_ij B_ij."""
        a = self.expr()
        self.expect(",", t)
        b = self.expr()
        self.expect(r"\rangle", t)
        frobenius = len(a.free) == len(b.free) == 2 and len(a.axes) == len(b.axes) == 2
        if frobenius:
            mark = norm_kind([self.peek(k).text for k in range(8)], 0)
            self.pos += mark[1] if mark and mark[0] == "F" else 0
            return _Val(sp.Sum(a.expr * self.align(a, b, t, "take the Frobenius inner product of"),
                               *[(i, i.lower, i.upper) for i in a.free]))
        if len(a.free) != len(b.free) or len(a.free) > 1:
            raise self.error(rf"\langle a, b \rangle needs two vectors (or two numbers), got shapes {self.shape(a)} and "
                             f"{self.shape(b)}", t)
        if not a.free:
            return _Val(a.expr * b.expr)
        i = a.free[0]
        return _Val(sp.Sum(a.expr * self.align(a, b, t, "take the inner product of"), (i, i.lower, i.upper)))

    def matrix_operator(self, t: _Tok) -> _Val:
        """``\\Tr``, ``\\tr``, ``\\trace``, ``\\det`` (``symgrad.read.matrices``)."""
        return self.determinant(t, t.text) if t.text == r"\det" else self.trace(t, t.text)

    def infinity(self, t: _Tok) -> _Val:
        return _Val(sp.oo)

    def operator(self, t: _Tok) -> _Val | None:
        """``\\delta_{ij}``, ``\\nabla_w``, ``\\partial_w``, ``\\nabla f``, ``\\partial y / \\partial x``; None for a bare
        ``\\delta`` (a name)."""
        if t.text == r"\delta":  # \delta F / \delta x, \delta_{ij}, \delta^j_m; None for a bare \delta (read.kronecker)
            return delta(self, t)
        if self.peek(1).text == "_":
            self.pos += 2
            var = self.variable(single=True)
            alone = self.peek().kind == "letter" and self.peek(1).text == r"\cdot"  # \nabla_w L \cdot v: (\nabla_w L) . v
            return self.derivative(self.primary() if alone else self.term(), var, t)  # \nabla_w \frac{1}{2}\|Xw - y\|^2
        fn = self.nabla_function() if t.text == r"\nabla" else None
        by = gradient_parameter(fn, self.note) if fn is not None else None  # \nabla L(X, B, x): the one used
        if by is not None:
            self.next()
            p = by
            var = self.array(p, t) if isinstance(p, sp.IndexedBase) else _Val(p)
            gradient = self.derivative(self.primary(), var, t)
            if not self.at("_"):
                return gradient
            self.next()  # \nabla f(x)_i: the component i of the gradient
            kind, got = self.subscript()
            if kind == "suffix":
                raise self.error("expected an index", t)
            return self.select(gradient, got, t)
        by = nabla_argument(self) if t.text == r"\nabla" else None
        if by is not None:  # \nabla \ell_2(\beta), \ell_2 a defined name: by the variable its brackets write
            self.next()
            base = self.ctx.tensors[by]
            return self.derivative(self.primary(), self.array(base, t) if isinstance(base, sp.IndexedBase) else
                                   _Val(base), t)
        if t.text == r"\partial" and self.inline_derivative_ahead():
            return self.inline_derivative(t)
        if t.text == r"\nabla" and self.ctx.gradient_variable is not None:  # \nabla x^T A x (read.matrices)
            self.next()
            return self.derivative(self.term(), self.array(self.ctx.tensors[self.ctx.gradient_variable], t), t)
        if t.text == r"\nabla" and (found := sole_variable_gradient(self, t)) is not None:  # \nabla \|x\|^2: by x
            return found
        raise self.error(f"{t.text} needs a variable: write {t.text}_w L or a fraction", t)

    def nabla_function(self) -> Function | None:
        """The function defined by the problem that ``\\nabla`` here is applied to (``\\nabla f(x)``,
        ``\\nabla \\ell(\\theta)``, ``\\nabla f``), or None; nothing is read."""
        save = self.pos
        self.pos += 1
        try:
            named = self.read_name()
            name = named and ((self.labelled(named[0]) if self.at("_") else None) or named[0])  # \nabla \ell_2(\beta)
            return self.ctx.functions.get(name) if named is not None else None
        finally:
            self.pos = save

    def named(self, t: _Tok) -> _Val:
        """A name (decorated, in a font, upright), a function known by its upright name, or a foreign command."""
        spread = spread_bold(self.toks, self.pos, lambda letter: self.lookup_base(letter) is not None)
        if spread is not None:  # \mathbf{Ax - b}: bold A x - bold b
            self.toks, said = spread
            if said:
                self.note(said)
            return self.primary()
        if t.text in _FONTS and self.peek(1).text in ("{", "[") or t.text == r"\boxed":
            named = self.read_name()
            if named is not None:
                return self.name_value(*named)
            self.next()
            return self.argument()
        end = self.label_at(self.pos) if self.index_mode and self.lookup_base(t.text) is None else None
        if end is not None:  # k \neq y_i, \mathbb{1}[y_i = j]: sample i's label, an index
            label, self.pos = self.label(self.pos), end
            return _Val(label)
        named = self.read_name()
        if named is not None:
            name = named[0]
            if t.text in _NAMED and len(name) > 1 and not self.ctx.known(name):
                return self.upright(name, t, f"{t.text}{{{name}}}")
            if t.kind == "letter" and name in ("max", "min") and not self.ctx.known(name):
                return self.extremum(_Tok("cmd", "\\" + name, t.col))  # max(0, 1 - yz) in plain text
            if t.kind == "letter" and name in _FUNCS | _OPERATORS | _NAMED_FUNCS and not self.ctx.known(name) and \
                    self.lookup_base(name) is None:
                return self.upright(name, t, name)  # exp x, as \exp x
            return self.name_value(*named)
        if t.kind == "cmd":
            return self.foreign(t)
        raise self.error(f"unexpected {t.text}", t)

    def upright(self, name: str, t: _Tok, label: str) -> _Val:
        r"""``\operatorname{erf}(x)``, ``\mathrm{ReLU} z``, ``\text{sgn}^2(x)``: a function known by its upright name (any
        case), applied like ``\log``. An unknown upright name applied to something is an error (``\mathrm{tr}(X)`` read
        as the product tr*X would be silently wrong); standing alone it is a name (``\text{MSE}``)."""
        key = name.lower()
        if key in _MATRIX_READERS and (self.at("(") or self.starts_factor()):
            return getattr(self, _MATRIX_READERS[key])(t, label)
        if key not in _FUNCS and key not in _NAMED_FUNCS:
            return self.unknown_upright(name, t, label)
        if self.at("(") or (self.at("{") and self.peek(1).text == "("):
            return self.name_value(key, t)
        if key == "softmax" and self.at("_"):
            return self.softmax_over(t, label)
        power = None
        if self.at("^"):
            self.next()
            power = self.argument().expr
        if not (self.at("(") or self.at("-") or self.starts_factor()):
            raise self.error(f"{label} needs an argument", t)
        arg = self.group(")") if self.at("(") else self.factor()
        if power == -1 and key in _INVERSES:
            return _Val(_INVERSES[key](arg.expr), arg.axes)
        v = self.builtin(key, arg, t)
        return _Val(v.expr ** power, v.axes) if power is not None else v

    def unknown_upright(self, name: str, t: _Tok, label: str) -> _Val:
        """An upright name symgrad knows no function by: refused where it is applied, else a name (``\\text{MSE}``)."""
        key = name.lower()
        applied = self.at("(") or (t.text == r"\operatorname" or key in _OPERATORS) and (
            self.at("_") or self.at("^") or self.starts_factor())
        if applied and key in _MATRIX_OPERATORS:
            raise self.error(f"{label} is not a function symgrad knows: {_MATRIX_OPERATORS[key]} is not supported yet "
                             "(matrix calculus); write it "
                             r"in index notation, as \sum_i A_{ii} for the trace", t)
        if applied:
            known = ", ".join(sorted(_FUNCS | _NAMED_FUNCS))
            raise self.error(f"{label} is not a function symgrad knows (it knows {known})", t)
        return self.name_value(name, t)

    def softmax_over(self, t: _Tok, label: str) -> _Val:
        """``\\mathrm{softmax}_j(S_{ij})``: the softmax over the index j of the elements in brackets,
        e^{S_ij} / sum_k e^{S_ik}, noted."""
        self.next()
        braced = self.at("{")
        self.pos += braced
        letter = self.next()
        if braced:
            self.expect("}", t)
        if letter.kind != "letter" or not self.at("("):
            raise self.error(f"{label}_j(...) takes one index letter and an argument in brackets", t)
        j = self.index(letter.text, letter)
        arg = self.group(")")
        if arg.axes or j not in arg.expr.free_symbols:
            raise self.error(f"{label}_{letter.text}(...) needs an element with index {letter.text} "
                             f"(such as S_{{i{letter.text}}}), got shape {self.shape(arg)}", t)
        k = self.fresh(_extent(j))
        self.note(f"{label}_{letter.text}(...) read as the softmax over {letter.text}: e^(...) / the sum over "
                  f"{letter.text} of e^(...)")
        return _Val(sp.exp(arg.expr) / sp.Sum(sp.exp(arg.expr.xreplace({j: k})), (k, k.lower, k.upper)))

    def number(self) -> _Val:
        text = self.next().text
        while self.peek().kind == "digit" and self.contiguous(-1):
            text += self.next().text
        if self.at(".") and self.peek(1).kind == "digit" and self.contiguous(-1):
            text += self.next().text
            while self.peek().kind == "digit" and self.contiguous(-1):
                text += self.next().text
        return _Val(sp.Rational(text))

    def function(self, t: _Tok) -> _Val:
        glued = self.glued_name(t)
        if glued is not None:
            return self.name_value(glued, t)
        base = None
        if t.text == r"\log" and self.at("_"):
            self.next()
            base = self.argument().expr
        power = None
        if self.at("^"):
            self.next()
            power = self.argument().expr
        arg = self.group(")") if self.at("(") else self.operand(t)
        if power == -1 and t.text[1:] in _INVERSES:  # \sin^{-1} x is arcsin x, not 1/sin x
            return _Val(_INVERSES[t.text[1:]](arg.expr), arg.axes)
        v = _Val(sp.log(arg.expr, base) if base is not None else _ELEMENTWISE[t.text](arg.expr), arg.axes)
        return _Val(v.expr ** power, v.axes) if power is not None else v

    def operand(self, t: _Tok) -> _Val:
        """What ``\\log`` applies to without brackets: one factor, but a number with factors written against it is
        the whole product (``\\sin 2x`` is sin(2x), ``\\log 2\\pi\\sigma^2`` is log(2 pi sigma^2)), noted."""
        first = self.peek()
        v = self.factor()
        if first.kind != "digit" or not self.starts_factor() or self.peek().kind == "digit":
            return v
        while self.starts_factor():
            v = self.mul(v, self.factor(), "implicit", self.peek())
        text = self.src[first.col - 1:self.peek(-1).col - 1 + len(self.peek(-1).text)]
        self.note(f"{t.text} {text} read as {t.text}({text}), the function of the whole product after it")
        return v
