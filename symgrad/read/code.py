"""Python/NumPy spellings (``S = Q @ K.T / sqrt(d_k)``, ``-np.sum(y * np.log(s)) / len(y)``) as the LaTeX the reader
reads, each piece with the column of the code it comes from, so that errors point into the code.

Python's own ``ast`` parses the text; a text is code only where it parses and uses what only code writes
(``@``, ``**``, ``.T``, a module's function ``np.``/``xp.``/``torch.``/``jnp.``/``math.``, a method call, a keyword
argument, an entry ``x[0]``, ``P[i, j]``, a slice ``[i, :]``, ``len``). NumPy's meaning decides: ``*`` between arrays is elementwise, ``@`` the
matrix product, ``.T`` the transpose, ``x[0]`` the first entry (x_1), ``sum(M, axis=1)`` the row sums (a column, ``keepdims`` or not), ``len(y)``
the size of the vector y, ``dL/dS`` the derivative of L by S; a call of something unknown is left to the reader,
which refuses it by name.
"""

from __future__ import annotations

import ast
import re
from decimal import Decimal

from sympy.printing.latex import greek_letters_set

from ..errors import ParseError
from .code_arrays import plain
from .code_cases import cases_notes
from .code_casts import NOTE as CAST_NOTE
from .code_einsum import einsum_pieces
from .code_functions import BARE_DERIVATIVE, BY_PREDICTION, Assignment, Function, assignment, function
from .code_guards import DECISION as GUARD
from .code_literals import literal_pieces, tile_pieces
from .code_matlab import NOTE, REPMAT_NOTE, matlab_trees
from .code_pasted import pasted_notes
from .code_quotients import derivative_quotient
from .code_sizes import SELF_NOTE, SIZE_NOTE, is_self, is_size, sized
from .code_wrappers import ALTERNATIVES_NOTE, alternatives, bare, returned_value
from .damage_backslashes import backslash_notes
from .damage_divisors import divisor_notes
from .damage_stars import star_notes
from .damage_underscores import underscore_notes
from .damage_words import trace_notes
from .unicode_nabla import nabla_notes

Pieces = list[tuple[str, int]]  # LaTeX text and the 1-based column of the code it stands for

_MODULES = {"np", "numpy", "xp", "torch", "jnp", "math", "Math", "tf", "F", "linalg", "special", "scipy", "nn", "functional",
            "sp", "sympy"}
_FUNCTIONS = {"log", "exp", "tanh", "sinh", "cosh", "sech", "sin", "cos", "softmax", "sigmoid", "abs", "log1p",
              "expm1", "sum", "mean", "logsumexp", "relu", "softplus", "max", "min", "norm", "sqrt", "dot", "matmul",
              "diag", "outer", "transpose", "trace", "inv", "det", "ones", "square", "power", "sign", "tile", "multiply",
              "tan", "arctan", "arcsin", "arccos", "arctanh", "arcsinh", "arccosh"}
_COMMANDS = {"log", "exp", "tanh", "sinh", "cosh", "sin", "cos", "tan", "arctan", "arcsin", "arccos", "max", "min",
             "det"}  # LaTeX's own: \max, \det
# NumPy's matrix functions of one array as the page writes them: (LaTeX before, after)
_MATRIX_FORMS = {"transpose": ("(", ")^T"), "inv": ("(", ")^{-1}"), "trace": (r"\operatorname{tr}(", ")"),
                 "square": ("(", ")^{2}")}
_ALIASES = {"maximum": "max", "minimum": "min", "absolute": "abs", "expit": "sigmoid", "mm": "matmul", "t": "transpose",
            "pow": "power"}
_BINARY = {ast.Add: "+", ast.Sub: "-", ast.Mult: r"\odot", ast.MatMult: r"\cdot"}
_CODE_CALLS = {"len", "diff", "Derivative"}  # calls only code writes: len(y), SymPy's diff(f, x)
_ARITHMETIC = {"power": ast.Pow, "multiply": ast.Mult}  # NumPy's functions for an operator: np.multiply(a, b) is a * b
_KEYWORDS = {"dim": "axis", "keepdim": "keepdims"}  # PyTorch's names for NumPy's: x.sum(dim=1, keepdim=True)
_RELATIONS = {ast.Lt: "<", ast.LtE: r"\le", ast.Gt: ">", ast.GtE: r"\ge", ast.Eq: "=", ast.NotEq: r"\neq"}


def _sides(src: str) -> list[tuple[str, int]] | None:
    """``src`` split at its top-level ``=`` (not ``==``, ``<=``, not a keyword argument), with each side's offset."""
    sides, depth, start = [], 0, 0
    for k, ch in enumerate(src):
        depth += (ch in "([{") - (ch in ")]}")
        if ch == "=" and depth == 0 and src[k - 1:k] not in ("=", "<", ">", "!") and src[k + 1:k + 2] != "=":
            sides.append((src[start:k], start))
            start = k + 1
    sides.append((src[start:], start))
    return sides if depth == 0 else None


def _code_only(tree: ast.AST, text: str = "") -> bool:
    """Whether ``tree`` uses a spelling only code writes (see the module's docstring). A dot with a space beside it
    (``x . σ(x)``) is a page's product, not an attribute: code writes ``x.T``, ``np.log``."""
    if any(_page_product(node, text) for node in ast.walk(tree)):
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.MatMult, ast.Pow)) or _identifier(node) or \
                isinstance(node, (ast.keyword, ast.Slice)):
            return True
        if isinstance(node, ast.Attribute) and (node.attr == "T" and not hasattr(node, "caret") or
                                                _dotted(node)[0] in _MODULES) or is_size(node) or is_self(node):
            return True
        items = node.slice.elts if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Tuple) else \
            [node.slice] if isinstance(node, ast.Subscript) else []
        if items and all(isinstance(i, (ast.Name, ast.Constant, ast.Slice)) for i in items):
            return True  # x[0], P[i, j]: an array's entry (x[1 - y] may be a product on a page)
        if isinstance(node, ast.Call) and (isinstance(node.func, ast.Attribute) or
                                           isinstance(node.func, ast.Name) and node.func.id in _CODE_CALLS):
            return True
    return False


def _identifier(node: ast.AST) -> bool:
    """Whether ``node`` is a name of words joined by two underscores or more, one a word of three letters
    (``grad_y_pred``; not ``m_7a_1``, a page's product of m_7 and a_1, nor ``p_ij_k``): code's, as a page's subscript
    takes one."""
    return isinstance(node, ast.Name) and node.id.count("_") >= 2 and \
        re.fullmatch(r"[A-Za-z]\w*(?:_[A-Za-z][A-Za-z0-9]*)+", node.id) is not None and re.search(r"[A-Za-z]{3}", node.id)


def _page_product(node: ast.AST, text: str) -> bool:
    """Whether ``node`` is a page's product that Python happens to parse: ``x . σ(x)`` (a spaced dot), ``x.σ(x)`` (code's
    methods are ASCII: x.sum, np.log), ``w^T(Xw)`` (code never calls a transposed array)."""
    if isinstance(node, ast.Attribute):
        return _spaced(node, text) or not node.attr.isascii()
    return isinstance(node, ast.Call) and hasattr(node.func, "caret")


def _spaced(node: ast.Attribute, text: str) -> bool:
    """Whether the dot of ``node`` has a space on either side in ``text``."""
    segment = ast.get_source_segment(text, node) or ""
    head = ast.get_source_segment(text, node.value) or ""
    return segment[len(head):len(head) + 1].isspace() or segment[len(head):].lstrip().startswith(". ")


def _dotted(node: ast.AST) -> list[str]:
    """``np.linalg.norm`` as ``["np", "linalg", "norm"]``; [""] for anything but names joined by dots."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.insert(0, node.attr)
        node = node.value
    return [node.id, *parts] if isinstance(node, ast.Name) else [""]


# B^T or (A @ B)^T glued: a page's transpose mark; in code ^ is xor, which no derivation means
_CARET_T = re.compile(r"(?<=[\w)\]])\^T(?!\w)")


def _trees(src: str) -> list[tuple[ast.AST, str, int]] | None:
    """Each side of ``src`` parsed, with its text and offset, where ``src`` is code; None where it is not. A glued
    ``^T`` is read as ``.T`` (same length, so columns stay) where the rest is code without it (``dC @ B^T``). Backticks
    around it are blanked; a ``return`` before it makes it code."""
    if "\\" in src or "$" in src:
        return None
    returned, src = returned_value(src), bare(src)
    sides = _sides(src.rstrip().removesuffix(".").removesuffix(";"))  # a C-like statement ends with ;
    if sides is None:
        return None
    trees = []
    for text, offset in sides:
        carets = {m.start() for m in _CARET_T.finditer(text.strip())}
        try:
            tree = ast.parse(_CARET_T.sub(".T", text.strip()), mode="eval").body
        except (SyntaxError, ValueError):
            return None
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "T" and node.end_col_offset - 2 in carets:
                node.caret = True  # type: ignore[attr-defined]
        trees.append((tree, text, offset + len(text) - len(text.lstrip())))
    if not returned and not any(_code_only(tree, text.strip()) for tree, text, _ in trees):
        return None
    return [(plain(tree), text, offset) for tree, text, offset in trees]


def code_notes(src: str) -> list[str]:
    """What reading ``src`` as code, or as text pasted from a page (read/code_pasted.py), decided where a page could
    mean another thing (for a verdict's notes)."""
    if alternatives(src) and code_pieces(src) is not None:
        return [ALTERNATIVES_NOTE, *(note for text in alternatives(src) for note in code_notes(text))]
    notes: list[str] = pasted_notes(src) + underscore_notes(src) + divisor_notes(src) + cases_notes(src) + \
        trace_notes(src) + nabla_notes(src) + backslash_notes(src) + star_notes(src)
    try:
        fn = function(src) or assignment(src)
    except ParseError:
        return notes
    trees = [(fn.body, "", 0)] if fn is not None else _trees(src) or matlab_trees(src) or []
    if isinstance(fn, Function):
        notes += _function_notes(fn)
    if isinstance(fn, Assignment):
        notes.append(f"code: the block read as the value it gives {ast.unparse(fn.target)}" +
                     (f", its loops over {', '.join(fn.loops)} as that entry's indices" if fn.loops else ""))
    if any(hasattr(tree, "matlab") for tree, _, _ in trees):
        return notes + [NOTE, *([REPMAT_NOTE] if any(hasattr(n, "repmat") for t, _, _ in trees
                                                          for n in ast.walk(t)) else [])]
    for tree, _, _ in trees:
        for node in ast.walk(tree):
            for test, note in _DECISIONS:
                if test(node) and note not in notes:
                    notes.append(note)
    return notes


_DECISIONS = (
    (lambda n: isinstance(n, ast.BinOp) and isinstance(n.op, ast.Mult) and not any(
        isinstance(a, ast.Constant) for a in (n.left, n.right)), "code: * read as NumPy's elementwise product"),
    (lambda n: isinstance(n, ast.BinOp) and isinstance(n.op, ast.MatMult), "code: @ read as the matrix product"),
    (lambda n: isinstance(n, ast.BinOp) and isinstance(n.op, ast.Pow) and _small_power(n.right) != 0 and
     not isinstance(n.left, ast.Constant), "code: x**2 read as NumPy's elementwise power x ⊙ x (never a matrix power)"),
    (lambda n: isinstance(n, ast.Subscript) and not is_size(n) and any(isinstance(i, ast.Constant) for i in ast.walk(n.slice)),
     "code: x[0] read as the first entry x_1 (NumPy counts from 0)"),
    (lambda n: isinstance(n, ast.keyword) and n.arg in ("axis", "dim"),
     "code: axis=1 read as along each row, axis=0 each column"),
    (lambda n: isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "len",
     "code: len(y) read as the size of the vector y"),
    (is_size, SIZE_NOTE), (is_self, SELF_NOTE), GUARD, (lambda n: hasattr(n, "cast"), CAST_NOTE),
    (lambda n: isinstance(n, ast.BinOp) and derivative_quotient(n) is not None, "code: dL/dw read as the derivative of L by w"),
    (lambda n: hasattr(n, "steadied"), ("code: a max subtracted for stability (np.max(x), x.max()) read as 0: the "
     "value is the same whatever constant stands there (softmax's quotient, log-sum-exp's c + log sum e^{x - c})")),
    (lambda n: getattr(n, "masked", False), "code: x[m] = v read as v where the mask m holds, x elsewhere"),
    (lambda n: _branches(n) is not None,
     "code: if/else, np.where(c, a, b) and a if c else b read as cases (a where c holds, b otherwise)"),
    (lambda n: isinstance(n, ast.Call) and _dotted(n.func)[-1] in ("diff", "Derivative") and len(_sympy_arguments(n)) == 1,
     "code: SymPy's diff(f) read as the derivative of f by its one variable"),
    (lambda n: isinstance(n, ast.Call) and _dotted(n.func)[-1] in ("array", "asarray", "tensor"),
     "code: np.array([a, b, ...]) read as the column vector of its entries"),
    (lambda n: isinstance(n, (ast.GeneratorExp, ast.ListComp)),
     "code: sum(... for i in range(n)) read as the sum over all of i's range"),
    (lambda n: isinstance(n, ast.Call) and _dotted(n.func)[-1] == "einsum",
     "code: np.einsum read as index notation (the letters not in the output summed)"),
    (lambda n: hasattr(n, "caret"), "code: B^T read as the transpose of B (in Python ^ is a bitwise xor)"),
    (lambda n: isinstance(n, ast.Call) and _dotted(n.func)[-1] == "tile",
     "code: np.tile(v, (n, 1)) read as v stacked as n rows, 1_n v^T"),
)


def is_code_block(src: str) -> bool:
    """Whether ``src`` is a pasted Python ``def`` (read/code_functions.py): its lines, ``#`` comments and words
    (``np.where``) are code, not a chain of lines or a sentence, so passes that read prose or join lines leave it."""
    try:
        return "\\" not in src and "$" not in src and (function(src) or assignment(src)) is not None
    except ParseError:
        return True  # a def symgrad refuses by name: still code


def _function_notes(fn: Function) -> list[str]:
    """What reading a pasted ``def`` decided."""
    notes = []
    if fn.derivative_of:
        why = f"its name says so, and {fn.derivative_of} is the one function it calls" if \
            BARE_DERIVATIVE.fullmatch(fn.name) else "its name says so"
        notes.append(f"code: the function {fn.name}({', '.join(a.arg for a in fn.params)}) read as the derivative of "
                     f"{fn.derivative_of} by {fn.by or fn.params[0].arg} ({why}{BY_PREDICTION if fn.by else ''})")
    if fn.flag:
        notes.append(f"code: {fn.name}({fn.params[0].arg}, {fn.flag}=True) read as the derivative by {fn.params[0].arg} "
                     f"of what {fn.name} returns without it, at the same {fn.params[0].arg}")
    if fn.constants:
        notes.append(f"code: the parameters {', '.join(fn.constants)} with defaults read as constants of any value")
    return notes


def _function_pieces(fn: Function, src: str) -> Pieces:
    """``name(x) = body`` (``name'(x) = body`` for a function named for a derivative) as LaTeX pieces."""
    tr = _Translator(src, 0, src, fn.lines)
    at = src.index(fn.name) + 1
    head = [(c, at + k) for k, c in enumerate(fn.derivative_of or fn.name)]
    if fn.by:  # mse_prime(y_true, y_pred): the derivative by the prediction of mse of both
        head.insert(0, (rf"\frac{{\partial}}{{\partial {_name(fn.by)}}}", at))
    elif fn.derivative_of:
        head.append(("'", at + len(fn.name) - 1))
    head.append(("(", at + len(fn.name)))
    for k, param in enumerate(fn.params):
        head += [*([(",", tr.col(param))] if k else []), *tr.pieces(ast.copy_location(ast.Name(param.arg), param))]
    if fn.flag is not None:  # sigmoid(x, derivative=False): the derivative of what it returns with the switch off
        by = _name(fn.params[0].arg)
        head = [(rf"\frac{{d}}{{d {by}}}", at), ("(", at), *tr.pieces(fn.plain)]
    return [*head, (")", at + len(fn.name)), ("=", at + len(fn.name)), *tr.pieces(fn.body)]


def code_pieces(src: str) -> Pieces | None:
    """The LaTeX pieces of ``src`` where it is code, None where it is not (LaTeX, plain text); code spans joined by
    ``or`` (```(A+A.T)*X` or `A*X + A.T*X```), each code, the chain of them."""
    spans = [code_pieces(text) for text in alternatives(src)]
    if spans and all(spans):
        return [piece for k, span in enumerate(spans) for piece in [*([("=", span[0][1])] if k else []), *span]]
    fn = function(src) if "\\" not in src and "$" not in src else None
    if fn is not None:
        return _function_pieces(fn, src)
    block = assignment(src)
    if block is not None:
        tr = _Translator(src, 0, src, block.lines)
        return [*tr.pieces(block.target), ("=", tr.end(block.target)), *tr.pieces(block.body)]
    trees = _trees(src) or matlab_trees(src)
    if trees is None:
        return None
    pieces: Pieces = []
    for k, (tree, text, offset) in enumerate(trees):
        if k:
            pieces.append(("=", src.index("=") + 1 if hasattr(tree, "matlab") else offset))
        pieces += _Translator(text.strip(), offset, src).pieces(tree)
    return pieces


class _Translator:
    """One side of the code as LaTeX pieces, columns taken from the AST (a byte offset, turned into characters)."""

    def __init__(self, text: str, offset: int, src: str, lines: list[tuple[str, int, int]] | None = None) -> None:
        self.text, self.offset, self.src = text, offset, src
        starts = [0, *(k + 1 for k, ch in enumerate(text) if ch == "\n")]
        # each line parsed, where it starts in src, and how much further in the parsed text indents it
        self.lines = lines or [(line, offset + start, 0) for line, start in zip(text.split("\n"), starts, strict=True)]

    def _at(self, lineno: int | None, col_offset: int | None) -> int:
        line, start, shift = self.lines[min((lineno or 1), len(self.lines)) - 1]
        return start + len(line.encode()[:col_offset or 0].decode(errors="ignore")) - shift

    def col(self, node: ast.AST) -> int:
        return self._at(getattr(node, "lineno", 1), getattr(node, "col_offset", 0)) + 1

    def end(self, node: ast.AST) -> int:
        """The column of the last character of ``node``: closing pieces stand there, so that a member's source text
        (from its first token's column to its last's) is the whole of its code."""
        return self._at(getattr(node, "end_lineno", 1), getattr(node, "end_col_offset", 0))

    def refuse(self, what: str, node: ast.AST) -> ParseError:
        return ParseError(what, column=self.col(node), source=self.src)

    def pieces(self, node: ast.AST) -> Pieces:
        method = getattr(self, f"_{type(node).__name__}", None)
        if method is None:
            raise self.refuse(f"{ast.unparse(node)} is code symgrad does not read", node)
        return method(node)

    def grouped(self, node: ast.AST) -> Pieces:
        """``node`` in parentheses unless it is one name, number, call or subscript."""
        if isinstance(node, (ast.Name, ast.Constant, ast.Call, ast.Subscript)):
            return self.pieces(node)
        return self.parenthesized(node)

    def parenthesized(self, node: ast.AST) -> Pieces:
        """``node`` in parentheses, standing on the code's own where it has them."""
        inner = self.pieces(node)
        first, last = self.col(node), self.end(node)
        before, after = self.text[:first - self.offset - 1].rstrip(), self.text[last - self.offset:]
        if before.endswith("(") and after.lstrip().startswith(")"):  # the code's own parentheses: stand on them
            first, last = self.offset + len(before), last + len(after) - len(after.lstrip()) + 1
        return [("(", first), *inner, (")", last)]

    def _Name(self, node: ast.Name) -> Pieces:
        return [(_name(node.id), self.col(node))]

    def _Constant(self, node: ast.Constant) -> Pieces:
        if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
            raise self.refuse(f"{node.value!r} is not a number", node)
        return [(format(Decimal(repr(node.value)), "f"), self.col(node))]  # 1e-05 as 0.00001, a number read

    def _UnaryOp(self, node: ast.UnaryOp) -> Pieces:
        if not isinstance(node.op, (ast.USub, ast.UAdd)):
            raise self.refuse(f"{ast.unparse(node)} is code symgrad does not read", node)
        return [("-" if isinstance(node.op, ast.USub) else "+", self.col(node)), *self.grouped(node.operand)]

    def _BinOp(self, node: ast.BinOp) -> Pieces:
        at = self.col(node)
        derivative = derivative_quotient(node)
        if derivative is not None:
            top, var = derivative
            return [(rf"\frac{{\partial {_name(top)}}}{{\partial", at), *self.pieces(var), ("}", self.end(node))]
        if isinstance(node.op, ast.Div):
            return [(r"\frac{", at), *self.pieces(node.left), ("}{", at), *self.pieces(node.right), ("}", self.end(node))]
        if isinstance(node.op, ast.Pow):
            base = self.pieces(node.left) if isinstance(node.left, (ast.Name, ast.Constant)) else \
                self.parenthesized(node.left)  # (log(x))^2, never log of x^2
            k = _small_power(node.right)
            if k:  # NumPy's X**2 is elementwise, X ⊙ X, never the matrix power X^2 a page's X^{2} is
                product = [("(", at), *base, *[p for _ in range(abs(k) - 1) for p in [(r"\odot", at), *base]],
                           (")", self.end(node))]
                return product if k > 0 else [(r"\frac{1}{", at), *product, ("}", self.end(node))]
            return [*base, ("^{", at), *self.pieces(node.right), ("}", self.end(node))]
        if isinstance(node.op, ast.BitXor):
            raise self.refuse(f"{ast.unparse(node)} has two readings: in code ^ is a bitwise xor, on a page a power; "
                              "write ** for the power", node)
        if type(node.op) not in _BINARY:
            raise self.refuse(f"{ast.unparse(node)} is code symgrad does not read", node)
        op = _BINARY[type(node.op)]
        if isinstance(node.op, ast.MatMult) and any(isinstance(n, ast.Slice) for n in ast.walk(node)):
            raise self.refuse("a row or column [i, :] in a matrix product is not read: write the whole product", node)
        if op == r"\odot" and (isinstance(node.left, ast.Constant) or isinstance(node.right, ast.Constant)):
            op = r"\cdot"  # 2 * x: a number times an array
        left = self.pieces(node.left) if op in "+-" else self.grouped(node.left)
        right = self.grouped(node.right) if op != "+" else self.pieces(node.right)
        return [*left, (op, at), *right]

    def _Attribute(self, node: ast.Attribute) -> Pieces:
        if (size := sized(node)) is not None:  # y.size, self.m
            return self.pieces(size)
        if node.attr != "T":
            raise self.refuse(f".{node.attr} is not read (only .T, the transpose, and a module's functions)", node)
        return [*self.grouped(node.value), ("^T", self.end(node))]

    def _Subscript(self, node: ast.Subscript) -> Pieces:
        if (size := sized(node)) is not None:  # X.shape[0]
            return self.pieces(size)
        items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if isinstance(node.value, ast.Subscript) and not isinstance(node.value.slice, (ast.Tuple, ast.Slice)):
            inner = ast.Subscript(node.value.value, ast.Tuple([node.value.slice, *items], ast.Load()), ast.Load())
            return self._Subscript(ast.copy_location(inner, node))  # J[i][j]: the entry J[i, j]
        out: Pieces = [*self.grouped(node.value), ("_{", self.col(node))]
        for k, item in enumerate(items):
            if isinstance(item, ast.Slice) and item.lower is item.upper is item.step is None:
                out.append((":", self.col(node)))
            elif isinstance(item, ast.Name):
                out += self.pieces(item)
            elif isinstance(item, ast.Constant) and type(item.value) is int and item.value >= 0:
                out.append((str(item.value + 1), self.col(item)))  # x[0] is NumPy's first entry, x_1 on a page
            else:
                raise self.refuse(f"the subscript {ast.unparse(item)} is not read (an index letter, a number from 0, "
                                  "or :)", node)
            out.append(("," if k < len(items) - 1 else "}", self.col(node) if k < len(items) - 1 else self.end(node)))
        return out

    def _Call(self, node: ast.Call) -> Pieces:
        if (size := sized(node)) is not None:  # np.size(y)
            return self.pieces(size)
        if _branches(node) and not node.keywords:
            return _cases(self, node)
        if _dotted(node.func)[-1] == "sum" and len(node.args) == 1 and not node.keywords and \
                isinstance(node.args[0], (ast.GeneratorExp, ast.ListComp)):
            return _summed(self, node.args[0], node)
        if _dotted(node.func)[-1] == "einsum":
            return einsum_pieces(self, node)
        if _dotted(node.func)[-1] in ("array", "asarray", "tensor") and len(node.args) == 1 and \
                isinstance(node.args[0], ast.List):
            return literal_pieces(self, node.args[0], node)
        return _sympy_derivative(self, node) if _dotted(node.func)[-1] in ("diff", "Derivative") else \
            _call(self, node)

    def _IfExp(self, node: ast.IfExp) -> Pieces:
        return _cases(self, node)

    def _Compare(self, node: ast.Compare) -> Pieces:
        out = self.pieces(node.left)
        for op, right in zip(node.ops, node.comparators, strict=True):
            if type(op) not in _RELATIONS:
                raise self.refuse(f"{ast.unparse(node)} is code symgrad does not read", node)
            out += [(_RELATIONS[type(op)], self.col(right)), *self.pieces(right)]
        return out


def _name(ident: str) -> str:
    """A code name as the reader's: ``A1`` is A_{1}, ``sigma`` σ, ``y_hat`` and ``norm_yh`` one upright name."""
    if len(ident) == 1:
        return ident
    if re.fullmatch(r"[A-Za-z]\d+", ident):
        return f"{ident[0]}_{{{ident[1:]}}}"
    if ident in greek_letters_set or ident == "lamda":
        return "\\" + ident.replace("lamda", "lambda")
    return rf"\mathrm{{{ident.replace('_', '')}}}"


def _small_power(node: ast.AST) -> int:
    """The exponent of ``x**k`` for k an integer from 2 to 4 or -4 to -1 (written repeated); 0 for any other."""
    k = -node.operand.value if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and \
        isinstance(node.operand, ast.Constant) else getattr(node, "value", None)
    return k if type(k) is int and (2 <= k <= 4 or -4 <= k <= -1) else 0

def _call(tr: _Translator, node: ast.Call) -> Pieces:
    """A function call: a known function (``np.log``, ``xp.linalg.norm``, ``EXP``, ``x.sum(axis=1)``) as the reader's,
    ``len(y)`` as the size of y, anything else as written (a defined function reads, an unknown one is refused)."""
    at, last = tr.col(node), tr.end(node)
    args = list(node.args)
    path = _dotted(node.func)
    if isinstance(node.func, ast.Attribute) and path[0] not in _MODULES:
        args.insert(0, node.func.value)  # x.sum(axis=1): a method of the array x
        path = [node.func.attr]
    name = _ALIASES.get(path[-1].lower(), path[-1].lower()) if path[-1].lower() in _FUNCTIONS | set(_ALIASES) \
        else path[-1]
    if isinstance(node.func, ast.Attribute) and name not in _FUNCTIONS:
        raise tr.refuse(f"{ast.unparse(node.func)}(...) is not a function symgrad knows", node)
    keywords = {_KEYWORDS.get(k.arg, k.arg): k.value for k in node.keywords}
    special = None if keywords else _special(tr, name, args, node)
    if special is not None:
        return special
    axis = _axis(tr, node, keywords)
    if len(args) != 1 and axis is not None:
        raise tr.refuse(f"{name}(...) with an axis takes one array", node)
    if axis is not None:
        return _along(tr, name, args[0], axis, node)
    inner: Pieces = []
    for k, arg in enumerate(args):
        inner += [*([(",", at)] if k else []), *tr.pieces(arg)]
    if name == "sqrt":
        return [(r"\sqrt{", at), *inner, ("}", last)]
    if name == "norm":
        return [(r"\|", at), *inner, (r"\|", last)]
    command = "\\" + name if name in _COMMANDS else rf"\operatorname{{{name}}}"
    head = [(command, at)] if name in _FUNCTIONS else [(c, at + k) for k, c in enumerate(name)]
    return [*head, ("(", at), *inner, (")", last)]


def _special(tr: _Translator, name: str, args: list[ast.AST], node: ast.Call) -> Pieces | None:
    """``len(y)`` (the size of y), ``np.dot(a, b)`` (the matrix product), ``np.max(z)`` (refused by name); None for
    any other call."""
    at, last = tr.col(node), tr.end(node)
    if name == "len" and len(args) == 1:
        return [(r"\operatorname{sum}(", at), *tr.grouped(args[0]), ("^{0})", last)]  # the sum of ones: y's size
    if name in ("max", "min") and len(args) == 1:
        raise tr.refuse(f"{ast.unparse(node)}, the {'largest' if name == 'max' else 'smallest'} entry, is not read "
                        "here: a max subtracted for stability reads where the value is the same for any constant there "
                        "(softmax's quotient, log-sum-exp's c + log sum e^{x - c}); here it changes the value", node)
    if name in ("dot", "matmul") and len(args) == 2:  # np.dot(a, b): the matrix product
        return [("(", at), *tr.grouped(args[0]), (r"\cdot", at), *tr.grouped(args[1]), (")", last)]
    if name == "outer" and len(args) == 2:  # np.outer(a, b): a b^T
        return [("(", at), *tr.grouped(args[0]), (r"\cdot", at), ("(", at), *tr.pieces(args[1]), (")^T", at), (")", last)]
    if name in _MATRIX_FORMS and len(args) == 1:
        before, after = _MATRIX_FORMS[name]
        return [(before, at), *tr.pieces(args[0]), (after, last)]
    if name in _ARITHMETIC and len(args) == 2:  # np.power(x, k), x.pow(k): x ** k; np.multiply(a, b): a * b
        return tr.pieces(ast.copy_location(ast.BinOp(args[0], _ARITHMETIC[name](), args[1]), node))
    if name == "ones" and len(args) == 1:
        return [(r"\mathbf{1}", at)]  # its length, as the ones vector's, from its use
    if name == "tile":
        return tile_pieces(tr, args, node)
    return None


def _axis(tr: _Translator, node: ast.Call, keywords: dict[str | None, ast.AST]) -> int | None:
    """The ``axis`` of a reduction (1 and -1 the rows of a matrix, 0 its columns); other keywords refused."""
    for key, value in keywords.items():
        if key == "keepdims" and isinstance(value, ast.Constant) and isinstance(value.value, bool):
            continue
        if key != "axis":
            raise tr.refuse(f"the keyword {key}= is not read (axis= and keepdims=, dim= and keepdim= are)", node)
    if "axis" not in keywords:
        return None
    value = keywords["axis"]
    if ast.unparse(value) == "-1":
        return 1  # the last axis of a matrix: its rows
    if not isinstance(value, ast.Constant) or value.value not in (0, 1):
        raise tr.refuse(f"axis={ast.unparse(value)} is not read: a matrix has axis 0 (its columns) and 1 (its rows)",
                        node)
    return value.value


def _along(tr: _Translator, name: str, arg: ast.AST, axis: int, node: ast.Call) -> Pieces:
    """``sum(M, axis=1)`` as ``M \\mathbf{1}`` (the row sums), axis 0 as ``\\mathbf{1}^T M``; ``norm`` along rows as the
    square root of the row sums of squares."""
    at, last = tr.col(node), tr.end(node)
    if name not in ("sum", "norm"):
        raise tr.refuse(f"{name}(..., axis={axis}) is not read: sum and norm along an axis are", node)
    inner = tr.grouped(arg)
    if name == "norm":
        inner = [("(", at), *inner, (r"\odot", at), *inner, (")", at)]
    summed = [*inner, (r"\mathbf{1}", at)] if axis == 1 else [(r"\mathbf{1}^T", at), *inner]
    return [(r"\sqrt{", at), *summed, ("}", last)] if name == "norm" else [("(", at), *summed, (")", last)]


def _branches(node: ast.AST) -> tuple[ast.AST, ast.AST, ast.AST] | None:
    """``np.where(c, a, b)`` or ``a if c else b`` as (c, a, b); None for anything else."""
    if isinstance(node, ast.IfExp):
        return node.test, node.body, node.orelse
    if isinstance(node, ast.Call) and _dotted(node.func)[-1] == "where" and len(node.args) == 3:
        return node.args[0], node.args[1], node.args[2]
    return None


def _cases(tr: _Translator, node: ast.AST) -> Pieces:
    """``np.where(c1, a, np.where(c2, b, d))`` (or if/else) as cases: a where c1, b where c2, d otherwise."""
    at, out = tr.col(node), [(r"\begin{cases}", tr.col(node))]
    branches = _branches(node)
    while branches is not None:
        test, value, node = branches
        out += [*tr.pieces(value), ("&", tr.col(test)), *tr.pieces(test), (r"\\", tr.end(test))]
        branches = _branches(node)
    return [*out, *tr.pieces(node), ("&", at), (r"\text{otherwise}", at), (r"\end{cases}", tr.end(node))]


def _sympy_derivative(tr: _Translator, node: ast.Call) -> Pieces:
    """SymPy's ``diff(f, x)``, ``f.diff(x)`` or ``Derivative(f, x)`` as ``d/dx f``; ``diff(f)`` of an f of one name, by
    that name."""
    at, last = tr.col(node), tr.end(node)
    args = _sympy_arguments(node)
    if node.keywords or not 1 <= len(args) <= 2 or len(args) == 2 and not isinstance(args[1], ast.Name):
        raise tr.refuse(f"{ast.unparse(node)} is read only as diff(f, x), the derivative of f by the name x", node)
    f = args[0]
    if len(args) == 2:
        var = args[1].id
    else:
        called = {n.func.id for n in ast.walk(f) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
        names = sorted({n.id for n in ast.walk(f) if isinstance(n, ast.Name)} - called)
        if len(names) != 1:
            raise tr.refuse(f"diff(f) of {', '.join(names) or 'no name'}: say by which, diff(f, x)", node)
        var = names[0]
    return [(rf"\frac{{d}}{{d {_name(var)}}}", at), ("(", at), *tr.pieces(f), (")", last)]


def _sympy_arguments(node: ast.Call) -> list[ast.expr]:
    """The arguments of SymPy's ``diff(f, x)``; of its method ``f.diff(x)``, f then x."""
    method = isinstance(node.func, ast.Attribute) and _dotted(node.func)[0] not in _MODULES
    return [node.func.value, *node.args] if method else list(node.args)


def _summed(tr: _Translator, gen: ast.GeneratorExp | ast.ListComp, node: ast.Call) -> Pieces:
    """``sum(y[i] * log(p[i]) for i in range(n))`` (or over a list) as ``\\sum_{i} ...``: each index over all of its
    range, as ``y[i]`` for i in range(len(y)) covers every entry; other ranges, filters and nested loops refused."""
    out: Pieces = []
    for comp in gen.generators:
        call, target = comp.iter, comp.target
        size = call.args[0] if isinstance(call, ast.Call) and _dotted(call.func)[-1] == "range" and \
            len(call.args) == 1 else None
        bounded = isinstance(size, ast.Name) or isinstance(size, ast.Call) and _dotted(size.func)[-1] == "len"
        if not bounded or comp.ifs or not isinstance(target, ast.Name) or len(target.id) != 1:
            raise tr.refuse(f"{ast.unparse(comp).strip()} is read only as for i in range(n) or range(len(y)), a sum "
                            "over all of i's range", node)
        top = f"^{{{_name(size.id)}}}" if isinstance(size, ast.Name) else ""  # range(len(y)): y's own range
        out.append((rf"\sum_{{{target.id}=1}}{top}" if top else rf"\sum_{{{target.id}}}", tr.col(node)))
    return [*out, ("(", tr.col(gen.elt)), *tr.pieces(gen.elt), (")", tr.end(node))]
