"""Shapes by use: a bold capital nobody declares (``\\mathbf{A}``) is a matrix of two sizes of its own, m x n,
that the products it stands in unify (``A x`` needs A's columns = x's length; ``A + A^T`` and ``x^T A x`` make it
square); the sizes nothing settles stay two different letters, never one (a claim right only for square matrices
must not be proved for a rectangular reading). The verdict notes the reading."""

from __future__ import annotations

import itertools

import sympy as sp

from ..tensors import size
from .scope import _Scope
from .shapes_chain import chain_contracted
from .shapes_subscripts import without_size_subscripts
from .tokens import _Tok
from .vocabulary import _extent, _Val

_TRANSPOSES = ("T", r"\top", r"\intercal")

# the fonts that wrap a vector's letter (\mathbf{x}^T A \mathbf{x})
_WRAPPERS = [[font, "{"] for font in (r"\mathbf", r"\boldsymbol", r"\vec", r"\bm")]
_LETTERS = ("m", "n", "p", "q", "d", "r")
# lowercase Greek letters that name a parameter vector where written transposed (\beta^T x_i, \theta^T x)
_GREEK_VECTORS = ("alpha", "beta", "theta", "omega", "phi", "psi", "mu", "nu", "xi", "eta", "gamma", "lambda")  # the sizes a matrix nobody declares is given, first unused first


class _Shapes(_Scope):
    """Matrices whose shape their use gives (a part of the parser)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.toks, dropped = without_size_subscripts(self.toks)  # W_{m \times n}: a shape, not an index
        for written, name, sizes in dropped:
            if name is not None and not self.declared(name) and sizes:
                dims = tuple(sp.Integer(int(s)) if s.isdigit() else self.size(s) for s in sizes)
                self.new_tensors[name] = sp.IndexedBase(name, shape=dims)
            self.note(f"_{{{written}}} read as the shape of {name or 'what it follows'}, not an index")

    def mul(self, a: _Val, b: _Val, op: str, tok: _Tok) -> _Val:
        """``\\frac{\\partial L}{\\partial Y} \\frac{\\partial Y}{\\partial W}``: a gradient times a matrix by matrix
        Jacobian is their contraction (read.shapes_chain); any other product as arrays multiply."""
        chained = chain_contracted(a, b, lambda why: self.error(why, tok)) if op in ("implicit", "dot") else None
        if chained is None:
            return super().mul(a, b, op, tok)  # type: ignore[misc]
        self.note(chained[1])
        return chained[0]

    def matrix_by_use(self, name: str, tok: _Tok) -> _Val:
        """The undeclared matrix ``name``: two sizes of its own, settled by its products or named at the end."""
        rows, cols = (sp.Dummy(f"size_{name}_{k}", integer=True, positive=True) for k in ("rows", "columns"))
        base = self.new_tensors[name] = sp.IndexedBase(name, shape=(rows, cols))
        self.__dict__.setdefault("by_use", {})[name] = tok
        return self.array(base, tok)

    def written_transposed(self, name: str) -> bool:
        """Whether this source writes the one lowercase letter ``name`` transposed (``w^T``, ``x^\\top``) somewhere
        (a plain capital transposed stays as it reads: ``W X^T`` with W a number is a page's own mix-up)."""
        texts = [t.text for t in self.toks]
        spelled = name if len(name) == 1 and name.islower() else "\\" + name if name in _GREEK_VECTORS else None
        return spelled is not None and any(t == spelled and _mark_length(texts, k + 1) for k, t in enumerate(texts))

    def in_transposed_difference(self, name: str) -> bool:
        """Whether this source writes the one lowercase letter ``name`` in a bracketed sum or difference of lowercase
        letters that is transposed (``(x - \\mu)^T``): read as numbers, ``(x - \\mu)^T \\Sigma^{-1} (x - \\mu)`` would be a
        matrix, so the letters are vectors, as ``x^T`` makes x one."""
        spelled = name if len(name) == 1 and name.islower() else "\\" + name if name in _GREEK_VECTORS else None
        texts = [t.text for t in self.toks]
        for close, text in enumerate(texts):
            if text != ")" or not _mark_length(texts, close + 1):
                continue
            start = max((k for k in range(close) if texts[k] == "("), default=None)
            inside = texts[start + 1:close] if start is not None else []
            vectors = [x for x in inside if x not in ("+", "-")]
            simple = all((len(x) == 1 and x.islower()) or x[1:] in _GREEK_VECTORS for x in vectors)
            if spelled in vectors and simple and len(vectors) > 1:
                return True
        return False

    def sandwiched(self, name: str) -> bool:
        """Whether this source writes the one capital letter ``name`` right after a transposed lowercase letter or
        bracket and before an operand (``x^T A x``, ``u^{\\top} B (v + w)``, ``(x - \\mu)^T A (x - \\mu)``): a number
        there would be written ``A x^T x``, so the capital is a matrix (``x^T A x = 2Ax`` is then the symmetric case,
        not proved for a number A)."""
        toks = self.toks
        if not (len(name) == 1 and name.isupper()):
            return False
        texts = [t.text for t in toks]
        for k, t in enumerate(toks[:-1]):
            if t.kind != "letter" or t.text != name:
                continue
            operand = toks[k + 1].kind == "letter" or texts[k + 1] in ("(", r"\left", r"\mathbf", r"\boldsymbol")
            for length in (2, 4):  # ^T or ^{T} just before the capital, a lowercase letter before the mark
                start = k - length
                wrapped = texts[start - 4:start - 2] in _WRAPPERS and texts[start - 1:start] == ["}"]  # \mathbf{x}^T
                vector = toks[start - 1 - wrapped] if start >= 1 + 3 * wrapped and _mark_length(texts, start) == length \
                    else None
                bracket = vector is not None and vector.text == ")"  # (x - \mu)^T A (x - \mu)
                if vector is not None and (bracket or vector.kind == "letter" and vector.text.islower()) and operand:
                    return True
        return False

    def shaped_by_use(self, name: str, tok: _Tok) -> _Val | None:
        """The undeclared ``name`` (or a parameter of the function being defined) as the vector or matrix its use in
        this source makes it (the first row of ``_BY_USE`` whose test holds), noted; None where nothing says it is an
        array (a number)."""
        for test, kind, why in _BY_USE:
            if getattr(self, test)(name):
                if why is not None:
                    self.__dict__.setdefault("by_use_why", {})[name] = why
                self.params.pop(name, None)
                return self.by_transpose(name, tok) if kind == "vector" else self.matrix_by_use(name, tok)
        return None

    def capitals_transposed(self, name: str) -> bool:
        """Whether this source writes the one capital letter ``name`` in a product of two capitals one of which is
        transposed (``QK^T``, ``A^T B``, ``XY^{\top}``, ``Q \\cdot (K^T)`` as code's ``Q @ K.T`` reads): numbers have no
        transpose to write, so both are matrices."""
        if not (len(name) == 1 and name.isupper()):
            return False
        toks, texts = self.toks, [t.text for t in self.toks]

        def capital(k: int) -> bool:
            return 0 <= k < len(toks) and toks[k].kind == "letter" and len(texts[k]) == 1 and texts[k].isupper()

        for k in range(len(toks) - 1):
            width = _mark_length(texts, k + 1) if capital(k) else 0
            if not width or texts[k] == "T":
                continue
            wrapped = 0 < k and texts[k - 1] == "(" and texts[k + 1 + width:k + 2 + width] == [")"]
            left, right = k - 1 - wrapped, k + 1 + width + wrapped
            left, right = left - (texts[left] == r"\cdot"), right + (texts[right:right + 1] == [r"\cdot"])
            if name in {texts[k], *(texts[j] for j in (left, right) if capital(j))} and (capital(left) or capital(right)):
                return True
        return False

    def product_by_entry(self, v: _Val, tok: _Tok) -> _Val | None:
        """``(Xw)_n`` with X and w first met just here as numbers: an entry is taken only of an array, and the product
        of a capital and a lowercase letter that has entries is a matrix times a vector, so X is a matrix and w a
        vector of its column size (noted); None where the bracket is not such a product."""
        k = self.toks.index(tok)
        inside = self.toks[k - 3:k]
        if k < 4 or [t.text for t in (self.toks[k - 4], inside[2])] != ["(", ")"]:
            return None
        names = [t.text.lstrip("\\") for t in inside[:2]]
        matrix, vector = (self.new_scalars.get(n, self.params.get(n)) for n in names)  # L(w) = ...: w a parameter
        first_here = all(n in self.params or sum(t.text.lstrip("\\") == n for t in self.toks[:k]) == 1 for n in names)
        if matrix is None or vector is None or not first_here or not (len(names[0]) == 1 and names[0].isupper()) or \
                not (names[1].islower() and (len(names[1]) == 1 or names[1] in _GREEK_VECTORS)) or \
                v.expr != matrix * vector:
            return None
        rows = sp.Dummy(f"size_{names[0]}_rows", integer=True, positive=True)
        row = self.fresh(rows)
        product = self.matrix_times_vector(names, row, tok, f"the entry ({names[0]} {names[1]})_i of their product is taken")
        return _Val(product, (row, None))

    def capital_beside_matrix(self, scalar: _Val, matrix: _Val, tok: _Tok) -> _Val | None:
        """An undeclared capital met first here and read as a number, added to a matrix (``P - AB^T``): a matrix of
        that shape, as ML pages write capitals (a number there would be spread over every entry), noted; else None."""
        sign = -1 if isinstance(-scalar.expr, sp.Symbol) else 1  # AB^T - P: the term is -P
        symbol = sign * scalar.expr
        name = str(symbol)
        if not (isinstance(symbol, sp.Symbol) and self.new_scalars.get(name) is symbol and len(name) == 1
                and name.isupper() and name != "I" and len(matrix.free) == 2 and len(matrix.axes) == 2):
            return None
        if sum(t.kind == "letter" and t.text == name for t in self.toks[:self.pos]) != 1:
            return None  # used before as a number in this source
        del self.new_scalars[name]
        base = self.new_tensors[name] = sp.IndexedBase(name, shape=tuple(_extent(a) for a in matrix.axes))
        self.__dict__.setdefault("by_use", {})[name] = tok
        self.__dict__.setdefault("by_use_why", {})[name] = "it is added to a matrix, undeclared"
        return _Val(sign * base[matrix.axes], matrix.axes)

    def product_beside_vector(self, a: _Val, b: _Val, tok: _Tok) -> _Val | None:
        """``y - Xw`` with y a vector and X, w met first here as numbers: a capital times a lowercase letter added to a
        vector is a matrix times a vector (a number Xw would spread over every entry of y), so X is a matrix of y's
        rows and w a vector of its columns, noted; None where this is not the case."""
        scalar, vector = (a, b) if not a.axes else (b, a)
        sign = -1 if scalar.expr.could_extract_minus_sign() else 1
        term = sign * scalar.expr
        if scalar.axes or len(vector.free) != 1 or len(vector.axes) != 2 or vector.axes[1] is not None or \
                not term.is_Mul or len(term.args) != 2:
            return None
        matrix, column = sorted(term.args, key=lambda x: str(x)[:1].islower())
        names = [str(matrix), str(column)]
        known = [self.new_scalars.get(n, self.params.get(n)) for n in names]
        texts = [t.text.lstrip("\\") for t in self.toks[:self.pos]]
        if known != [matrix, column] or not (len(names[0]) == 1 and names[0].isupper()) or \
                not (len(names[1]) == 1 and names[1].islower() or names[1] in _GREEK_VECTORS) or \
                any(texts.count(n) != 1 for n in names) or texts.index(names[1]) != texts.index(names[0]) + 1:
            return None
        product = self.matrix_times_vector(names, vector.free[0], tok, f"{names[0]} {names[1]} is added to a vector")
        return _Val(vector.expr + sign * product, vector.axes)

    def matrix_times_vector(self, names: list[str], row: sp.Idx, tok: _Tok, why: str) -> sp.Expr:
        """Row ``row`` of the product of the capital ``names[0]`` and the letter ``names[1]``, both read here as numbers
        before: now a matrix of ``row``'s size by columns its use settles, and a vector of those columns, noted."""
        cols = sp.Dummy(f"size_{names[0]}_columns", integer=True, positive=True)
        bases = [sp.IndexedBase(names[0], shape=(_extent(row), cols)), sp.IndexedBase(names[1], shape=(cols,))]
        for name, base in zip(names, bases):
            self.new_scalars.pop(name, None)
            self.params.pop(name, None)
            self.new_tensors[name] = base
            self.__dict__.setdefault("by_use", {})[name] = tok
            self.__dict__.setdefault("by_use_why", {})[name] = why
        inner = self.fresh(cols)
        return sp.Sum(bases[0][row, inner] * bases[1][inner], (inner, 1, cols))

    def dot_by_use(self, a: _Val, b: _Val, tok: _Tok) -> _Val | None:
        """``\\frac{1}{2}x^T A x - bx``, ``+ \\mathbf{d}\\mathbf{x}``: a scalar form (a sum of products of arrays) plus
        a vector times a column vector, or an undeclared letter met first here times one: the product is ``b^T x``
        (the form makes the function a scalar; b x elementwise, or b a number, would spread it over every entry of
        x), noted; None where this is not the case."""
        scalar, vector = (a, b) if not a.axes else (b, a)
        if scalar.axes or len(vector.free) != 1 or len(vector.axes) != 2 or vector.axes[1] is not None or \
                not vector.expr.is_Mul or not any(_product_of_arrays(s.function) for s in scalar.expr.atoms(sp.Sum)):
            return None
        (k,) = vector.free
        letters = [x for x in vector.expr.args if isinstance(x, sp.Symbol) and not isinstance(x, sp.Idx) and
                   self.new_scalars.get(x.name) is x and len(x.name) == 1 and x.name.islower()]
        entries = [f for f in vector.expr.args if isinstance(f, sp.Indexed) and f.indices == (k,)]
        if len(letters) == 1 and sum(t.kind == "letter" and t.text == letters[0].name for t in self.toks[:self.pos]) == 1:
            letter = letters[0]
            del self.new_scalars[letter.name]
            base = self.new_tensors[letter.name] = sp.IndexedBase(letter.name, shape=(_extent(k),))
            expr = vector.expr.xreplace({letter: base[k]})
        elif len(entries) == 2:
            letter, expr = entries[0].base, vector.expr
        else:
            return None
        self.note(f"{letter} times the vector {entries[-1].base} read as {letter}^T {entries[-1].base} ({letter} a vector): it "
                  "stands in a sum with a scalar form (x^T A x), which a number or an elementwise product would spread "
                  "over every entry")
        return _Val(scalar.expr + sp.Sum(expr, (k, k.lower, k.upper)))

    def by_transpose(self, name: str, tok: _Tok) -> _Val:
        """An undeclared lowercase letter written transposed: a vector of a size its use settles (``w^T x_i``: w has
        x's row length), noted."""
        self.params.pop(name, None)
        base = self.new_vector_base(name)
        self.__dict__.setdefault("by_use", {})[name] = tok
        return self.array(base, tok)

    def resolve(self) -> dict[sp.Expr, sp.Expr]:
        fresh: dict[str, sp.Symbol] = {}  # not sizes in play for the other indices (x_i's i is no column of w^T x_i)
        for name, tok in getattr(self, "by_use", {}).items():
            sizes = []
            base = self.new_tensors.get(name)
            for e in base.shape if isinstance(base, sp.IndexedBase) else ():
                root = self.find(e)
                if isinstance(root, sp.Dummy):
                    letters = itertools.chain(_LETTERS, (f"n{k}" for k in itertools.count(1)))  # never run out
                    root = size(next(c for c in letters if c not in self.used and c not in self.ctx.sizes))
                    self.used.add(str(root))
                    fresh[str(root)] = root
                    self.unify(e, root, tok, f"the shape of {name}")
                sizes.append(str(root))
            if not sizes:
                continue
            article = "an" if sizes[0][0].lower() in "aefhilmnorsx" else "a"
            shape = f"a vector of size {sizes[0]}" if len(sizes) == 1 else f"{article} {' x '.join(sizes)} matrix"
            why = self.__dict__.get("by_use_why", {}).get(name, "nothing declares its shape")
            self.note(f"{name} read as {shape}: {why}")
        mapping = super().resolve()  # type: ignore[misc]
        self.sizes.update(fresh)
        self.__dict__.setdefault("by_use_sizes", set()).update(fresh)
        return mapping

    def new_vector_base(self, name: str) -> sp.IndexedBase:
        """A vector named ``name`` met first here, of a size its use settles."""
        size = sp.Dummy(f"size_{name}", integer=True, positive=True)
        base = self.new_tensors[name] = sp.IndexedBase(name, shape=(size,))
        return base


def _product_of_arrays(e: sp.Expr) -> bool:
    """Whether ``e`` (a sum's body) multiplies two or more factors that hold array entries (``x_k A_{ik} x_i``)."""
    factors = [f.base for f in e.args if f.is_Pow and f.exp == 2] + list(e.args) if e.is_Mul else [e.base] * 2 \
        if e.is_Pow and e.exp == 2 else []  # x_i^2: x_i x_i
    return sum(bool(f.atoms(sp.Indexed)) for f in factors) >= 2


def _mark_length(texts: list[str], k: int) -> int:
    """The number of tokens of a transpose mark starting at ``texts[k]`` (``^T``: 2, ``^{T}``: 4), else 0."""
    if texts[k:k + 1] != ["^"] or k + 1 >= len(texts):
        return 0
    if texts[k + 1] in _TRANSPOSES:
        return 2
    return 4 if texts[k + 1:k + 4] in (["{", mark, "}"] for mark in _TRANSPOSES) else 0


# The uses that make an undeclared letter (or a parameter of the function being defined) an array, tried in order:
# (the test, a method of the parser; the reading; why, noted, None for "nothing declares its shape").
# The lowercase tests read a vector, the capital tests a matrix: where two hold, the reading is the same, only the
# note differs, so the order is not essential.
_BY_USE = (
    ("written_transposed", "vector", None),  # w^T x_i
    ("in_transposed_difference", "vector", "it stands in a transposed difference ((x - mu)^T)"),
    ("summed_by_ones", "vector", "1^T sums it, undeclared"),  # 1^T exp(x)
    ("normed_letter", "vector", "a norm \\|...\\| is of a vector, undeclared"),  # ||w||^2
    ("in_frobenius_norm", "matrix", r"it stands in a Frobenius norm \|...\|_F, undeclared"),
    ("sandwiched", "matrix", "it stands between x^T and x"),  # x^T A x
    ("capitals_transposed", "matrix", "a product of capitals with a transpose (QK^T), undeclared"),
)
