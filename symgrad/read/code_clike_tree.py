"""The tree of a C, C++, Java or C# function (read/code_clike.py): the grammar ``code_clike.lark`` parses it and each
rule builds the Python syntax tree of the same meaning (``c ? a : b`` is ``a if c else b``, ``Math.exp`` and
``std::exp`` are ``exp``, a cast ``(double) x`` is x), positions kept for the columns. Lark loads with this module,
which read/code_clike.py imports only for a text shaped like a function."""

from __future__ import annotations

import ast

from lark import Token, Transformer, v_args
from lark.exceptions import LarkError

from .code_grammars import grammar, placed

_BINARY = {"add": ast.Add, "sub": ast.Sub, "mul": ast.Mult, "div": ast.Div}
_COMPARE = {">": ast.Gt, ">=": ast.GtE, "<": ast.Lt, "<=": ast.LtE, "==": ast.Eq, "!=": ast.NotEq}
_AUGMENT = {"+=": ast.Add, "-=": ast.Sub, "*=": ast.Mult, "/=": ast.Div}


def _named(token: Token) -> ast.Name:
    return placed(ast.Name(str(token), ast.Load()), token)


def _statements(items: list) -> list[ast.stmt]:
    """Statements, a block's flattened into its place."""
    return [s for item in items for s in (item if isinstance(item, list) else [item])]


@v_args(meta=True)
class _Tree(Transformer):
    """The grammar's tree as Python's ``ast``."""

    def number(self, meta, children):
        text = str(children[0]).rstrip("fFdDlL")
        return placed(ast.Constant(int(text) if text.isdigit() else float(text)), meta)

    def name(self, meta, children):
        return _named(children[0])

    def __default__(self, data, children, meta):
        if data in _BINARY:
            return placed(ast.BinOp(children[0], _BINARY[data](), children[1]), meta)
        if data == "unary":  # a cast: (double) x
            return children[-1]
        raise LarkError(f"no meaning for {data}")

    def neg(self, meta, children):
        return placed(ast.UnaryOp(ast.USub(), children[0]), meta)

    def compare(self, meta, children):
        return placed(ast.Compare(children[0], [_COMPARE[str(children[1])]()], [children[2]]), meta)

    def either(self, meta, children):
        return placed(ast.BoolOp(ast.Or(), list(children)), meta)

    def both(self, meta, children):
        return placed(ast.BoolOp(ast.And(), list(children)), meta)

    def ternary(self, meta, children):
        return placed(ast.IfExp(children[0], children[1], children[2]), meta)

    def dotted(self, meta, children):
        return _named(children[-1])  # Math.exp, std::exp: the function exp

    def call(self, meta, children):
        return placed(ast.Call(children[0], [c for c in children[1:] if c is not None], []), meta)

    def ret(self, meta, children):
        return placed(ast.Return(children[0]), meta)

    def branch(self, meta, children):
        test, then, orelse = children
        return placed(ast.If(test, _statements([then]), _statements([orelse]) if orelse is not None else []), meta)

    def assign(self, meta, children):
        target = _named(children[-2])
        target.ctx = ast.Store()
        return placed(ast.Assign([target], children[-1]), meta)

    def augment(self, meta, children):
        target = _named(children[0])
        target.ctx = ast.Store()
        return placed(ast.AugAssign(target, _AUGMENT[str(children[1])](), children[2]), meta)

    def block(self, meta, children):
        return _statements(children)

    def arrow(self, meta, children):
        return [placed(ast.Return(children[0]), meta)]

    def param(self, meta, children):
        node = ast.arg(str(children[1]))
        node.lineno, node.col_offset = children[1].line, children[1].column - 1
        node.default = children[2] if len(children) > 2 else None  # type: ignore[attr-defined]
        return node

    def start(self, meta, children):
        words = [c for c in children if isinstance(c, Token)]
        params = [c for c in children if isinstance(c, ast.arg)]
        body = next(c for c in children if isinstance(c, list))
        defaults = [p.default for p in params if p.default is not None]  # type: ignore[attr-defined]
        args = ast.arguments(posonlyargs=[], args=params, kwonlyargs=[], kw_defaults=[], defaults=defaults)
        fn = ast.FunctionDef(name=str(words[-1]), args=args, body=body, decorator_list=[], returns=None)
        fn.lineno, fn.col_offset = words[-1].line, words[-1].column - 1
        return fn


def parsed_function(text: str) -> ast.FunctionDef | None:
    """The function ``text`` defines, as Python's tree; None where the grammar does not parse it."""
    try:
        return _Tree().transform(grammar("code_clike").parse(text))
    except LarkError:
        return None
