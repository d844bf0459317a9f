"""The tree of MATLAB/Octave code (read/code_matlab.py): the grammar ``code_matlab.lark`` parses it and each rule
builds the Python syntax tree read/code.py translates, MATLAB's meaning spelled as NumPy's. Lark loads with this
module, which read/code_matlab.py imports only for a text that writes what only MATLAB writes."""

from __future__ import annotations

import ast
import re

from lark import Transformer, v_args
from lark.exceptions import LarkError, VisitError

from ..errors import ParseError
from .code_grammars import grammar, placed

_FUNCTIONS = {"exp", "log", "sqrt", "abs", "tanh", "sinh", "cosh", "sin", "cos", "max", "min", "sum", "diag",
              "log1p", "expm1", "norm", "sigmoid", "softmax", "trace", "det", "inv"}
_INDEX_LETTERS = set("ijklmnt")  # y(i), W(i, j): an entry; f(x) stays a function's value
_SIZES = {"length", "numel"}  # length(y): the size of the vector y


_BINARY = {"add": ast.Add, "sub": ast.Sub, "mtimes": ast.MatMult, "times": ast.Mult, "divide": ast.Div,
           "power": ast.Pow}  # the grammar's rule -> Python's operator


@v_args(meta=True)
class _Tree(Transformer):
    """The grammar's tree as Python's ``ast`` (positions kept), MATLAB's meaning spelled as NumPy's."""

    def __init__(self, src: str, lead: int) -> None:
        super().__init__()
        self.src, self.lead = src, lead

    def refuse(self, what: str, meta: object) -> ParseError:
        return ParseError(what, column=self.lead + meta.column, source=self.src)  # type: ignore[attr-defined]

    def number(self, meta, children):
        text = str(children[0])
        return placed(ast.Constant(int(text) if re.fullmatch(r"\d+", text) else float(text)), meta)

    def name(self, meta, children):
        return placed(ast.Name(str(children[0]), ast.Load()), meta)

    def __default__(self, data, children, meta):
        if data in _BINARY:  # * the matrix product, .* ./ elementwise, ^ .^ the power (NumPy's spellings)
            return placed(ast.BinOp(children[0], _BINARY[data](), children[1]), meta)
        return super().__default__(data, children, meta)

    def neg(self, meta, children):
        return placed(ast.UnaryOp(ast.USub(), children[0]), meta)

    def transpose(self, meta, children):
        return placed(ast.Attribute(children[0], "T", ast.Load()), meta)

    def colon(self, meta, children):
        return placed(ast.Slice(), meta)

    def args(self, meta, children):
        return list(children)

    def statement(self, meta, children):
        return children

    def call(self, meta, children):
        head, args = str(children[0]), children[1]
        return _call(self, head, args, meta)


def _number(node: ast.AST) -> int | None:
    return node.value if isinstance(node, ast.Constant) and type(node.value) is int else None


def _call(tree: _Tree, head: str, args: list[ast.AST], meta: object) -> ast.AST:
    """``f(...)``: a MATLAB function as NumPy's, or an array's entry, row or column."""
    func = placed(ast.Name(head, ast.Load()), meta)
    if head in ("sum", "mean") and len(args) == 2 and _number(args[1]) in (1, 2):
        return placed(ast.Call(func, [args[0]], [ast.keyword("axis", ast.Constant(_number(args[1]) - 1))]), meta)
    if head == "repmat" and len(args) == 3 and 1 in (_number(args[1]), _number(args[2])):
        args[0].repmat = True  # type: ignore[attr-defined]
        return args[0]
    if head in _SIZES and len(args) == 1:
        return placed(ast.Call(placed(ast.Name("len", ast.Load()), meta), args, []), meta)
    if head in _FUNCTIONS:
        return placed(ast.Call(func, args, []), meta)
    if len(args) == 2 and isinstance(args[1], ast.Slice) and not isinstance(args[0], ast.Slice):
        raise tree.refuse(f"{head}(i,:) is a row in MATLAB, and symgrad's vectors are columns: write the row as a "
                          f"column ({head}(i,:)') or in index notation", meta)
    if all(isinstance(a, ast.Slice) or _number(a) is not None or
           isinstance(a, ast.Name) and a.id in _INDEX_LETTERS for a in args):
        items = [ast.Constant(_number(a) - 1) if _number(a) is not None else a for a in args]  # from 1, NumPy's 0
        index = items[0] if len(items) == 1 else ast.Tuple(items, ast.Load())
        return placed(ast.Subscript(func, index, ast.Load()), meta)
    if head == "repmat":
        raise tree.refuse("repmat(...) is read only as repmat(v, 1, n) or repmat(v, m, 1) (v broadcast)", meta)
    return placed(ast.Call(func, args, []), meta)


def matlab_sides(src: str) -> list[tuple[ast.AST, str, int]] | None:
    """The sides of ``src`` (name and value, or the value) as Python trees, each with the text its columns count in
    and that text's offset; None where the grammar does not parse it."""
    body = src.strip()
    try:
        parsed = grammar("code_matlab").parse(body)
    except LarkError:
        return None
    lead = len(src) - len(src.lstrip())
    try:
        sides = _Tree(src, lead).transform(parsed)
    except VisitError as e:  # a refusal raised inside the transformer
        raise e.orig_exc from None
    if len(sides) == 2:
        sides[0] = ast.Name(str(sides[0]), ast.Load(), lineno=1, col_offset=0, end_lineno=1,
                            end_col_offset=len(str(sides[0])))
    for side in sides:
        side.matlab = True  # type: ignore[attr-defined]
    return [(side, body, lead) for side in sides]
