"""A Python function pasted as a definition or a claim (``def selu(x, alpha=1, scale=1): return np.where(x <= 0,
...)``) as one expression: local assignments and augmented assignments are substituted into what the function
returns, an ``if``/``else`` is ``np.where`` (cases), a parameter with a default is a constant of any value, and a
function named for a derivative (``selu_dash``, ``relu_prime``, ``d_selu``) is the derivative of the function it
names. Python's own ``ast`` is the grammar; a body that lost its indentation in copying is indented again."""

from __future__ import annotations

import ast
import copy
import re
import textwrap
from dataclasses import dataclass

from ..errors import ParseError
from .code_clike import clike_function

# a function named for a derivative: relu_prime, selu_dash, d_relu, grad_loss (the name it differentiates: group 1)
_DERIVATIVE_NAME = re.compile(
    r"(?:d_|grad_|derivative_of_|derivative_)([A-Za-z]\w*)|([A-Za-z]\w*?)_?(?:prime|dash|derivative|deriv|grad)",
    re.IGNORECASE)
# a method named only for a derivative, in a class that defines the function beside it (C#'s Derivation(double value),
# DerivativeAt(x), FunctionDx(x)): it differentiates the one function its body calls
BARE_DERIVATIVE = re.compile(r"(?:Function)?(?:Derivative|Derivation|Derivate|Deriv|Prime|Dx|Gradient)(?:At)?",
                              re.IGNORECASE)
_MATH = {"exp", "log", "ln", "pow", "sqrt", "tanh", "abs", "max", "min", "sin", "cos", "sinh", "cosh", "sign", "log10",
         "log2", "log1p", "expm1", "where", "maximum", "minimum", "clip", "sum", "mean", "dot"}


@dataclass(frozen=True)
class Function:
    """A function's name, the one it differentiates where its name says so, its arguments and its value."""

    name: str
    derivative_of: str | None
    params: list[ast.arg]
    constants: list[str]  # parameters with a default: constants of any value
    body: ast.expr
    lines: list[tuple[str, int, int]]  # each parsed line, where it starts in the source, how much further in


def _line_map(src: str, text: str) -> list[tuple[str, int, int]]:
    """Each line of ``text`` (``src`` dedented or indented again), the offset of the same line in ``src`` and how
    many more characters indent it in ``text``, so that a node's column in ``text`` is found in ``src``."""
    lead = len(src) - len(src.lstrip("\n"))
    out, start = [], lead
    for original, line in zip(src[lead:].split("\n"), text.split("\n"), strict=False):
        shift = (len(line) - len(line.lstrip())) - (len(original) - len(original.lstrip()))
        out.append((line, start, shift))
        start += len(original) + 1
    return out


def _column(src: str, node: ast.AST) -> int:
    """The 1-based column in ``src`` (all its lines as one text) where ``node`` starts."""
    lines = src.split("\n")
    before = sum(len(line) + 1 for line in lines[:node.lineno - 1])
    return before + len(lines[node.lineno - 1].encode()[:node.col_offset].decode(errors="ignore")) + 1


def _module(src: str) -> tuple[ast.Module, str] | None:
    """``src`` parsed as statements (a ``def`` whose body lost its indentation indented again), with the text
    parsed; None where it is not one ``def`` or a block of statements."""
    text = textwrap.dedent(src.strip("\n"))
    try:
        return ast.parse(text), text
    except SyntaxError:
        head, _, rest = text.partition("\n")
        if not re.match(r"def \w+\(.*\):", head) or not rest:
            return None
    text = head + "\n" + textwrap.indent(textwrap.dedent(rest), "    ")
    try:  # def f(x):\nreturn x**2: the page dropped the body's indentation
        return ast.parse(text), text
    except SyntaxError:
        return None


def function(src: str) -> Function | None:
    """The function ``src`` defines, where ``src`` is one Python ``def`` or one C-like function (read/code_clike.py);
    None for anything else."""
    if "\\" in src or "$" in src:
        return None
    parsed = _module(src) if "def " in src else None
    if parsed is not None and len(parsed[0].body) == 1 and isinstance(parsed[0].body[0], ast.FunctionDef):
        fn, text = parsed[0].body[0], parsed[1]
    else:  # a C, C++, Java or C# function
        text = src.strip("\n")
        fn = clike_function(text)
        if fn is None:
            return None
    args = fn.args
    if args.vararg or args.kwarg or args.kwonlyargs or args.posonlyargs:
        raise ParseError(f"def {fn.name}(...) takes *args, **kwargs or keyword-only arguments: symgrad reads plain "
                         "arguments", column=_column(text, fn), source=src)
    with_default = args.args[len(args.args) - len(args.defaults):] if args.defaults else []
    plain = args.args[:len(args.args) - len(with_default)]
    match = _DERIVATIVE_NAME.fullmatch(fn.name)
    of = (match.group(1) or match.group(2)) if match else _called_one(fn, text, src)
    if of and len(plain) != 1:
        raise ParseError(f"{fn.name} names a derivative of a function of {len(plain)} arguments: say by which "
                         "(write the derivative as dL/dw)", column=_column(text, fn), source=src)
    body = _value(fn.body, {}, text)
    return Function(fn.name, of, plain, [a.arg for a in with_default], body, _line_map(src, text))


def _called_one(fn: ast.FunctionDef, text: str, src: str) -> str | None:
    """The function a method named only for a derivative (``Derivation``) differentiates: the one function, not a math
    function, its body calls; refused where it calls none or several. None where the name says no derivative."""
    if not BARE_DERIVATIVE.fullmatch(fn.name):
        return None
    called = sorted({node.func.id for node in ast.walk(fn) if isinstance(node, ast.Call) and
                     isinstance(node.func, ast.Name) and node.func.id.lower() not in _MATH})
    if len(called) != 1:
        raise ParseError(f"{fn.name} names a derivative but not of which function (its body calls "
                         f"{', '.join(called) or 'none'}): name it for the function (SigmoidDerivative, relu_prime)",
                         column=_column(text, fn), source=src)
    return called[0]


class _Substitute(ast.NodeTransformer):
    """Each local name replaced by a copy of the value assigned to it."""

    def __init__(self, env: dict[str, ast.expr]) -> None:
        self.env = env

    def visit_Name(self, node: ast.Name) -> ast.AST:
        return copy.deepcopy(self.env[node.id]) if node.id in self.env else node


def _substituted(node: ast.expr, env: dict[str, ast.expr]) -> ast.expr:
    return _Substitute(env).visit(copy.deepcopy(node))


def _value(stmts: list[ast.stmt], env: dict[str, ast.expr], src: str) -> ast.expr:
    """What ``stmts`` return, as one expression: assignments substituted, ``if``/``else`` as ``np.where``."""
    env = dict(env)
    for k, st in enumerate(stmts):
        if isinstance(st, ast.Return) and st.value is not None:
            return _substituted(st.value, env)
        if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name):
            env[st.targets[0].id] = _substituted(st.value, env)
        elif isinstance(st, ast.AugAssign) and isinstance(st.target, ast.Name):
            name = st.target.id
            old = env.get(name, ast.copy_location(ast.Name(name, ast.Load()), st.target))
            env[name] = ast.copy_location(ast.BinOp(old, st.op, _substituted(st.value, env)), st)
        elif isinstance(st, ast.If):
            rest = stmts[k + 1:]
            then, orelse = _value(st.body + rest, env, src), _value(st.orelse + rest, env, src)
            where = ast.Attribute(ast.Name("np", ast.Load()), "where", ast.Load())
            return ast.copy_location(ast.Call(where, [_substituted(st.test, env), then, orelse], []), st)
        elif not (isinstance(st, ast.Expr) and isinstance(st.value, ast.Constant) or isinstance(st, ast.Pass)):
            raise ParseError(f"{ast.unparse(st).splitlines()[0]} is code symgrad does not read (a function reads "
                             "as its assignments, if/else and return)", column=_column(src, st), source=src)
    at = stmts[-1] if stmts else None
    raise ParseError("this function returns nothing on one of its paths: end each with return",
                     column=_column(src, at) if at else 1, source=src)


@dataclass(frozen=True)
class Assignment:
    """A block of code that computes one array entry (``if i == j: J[i][j] = ... else: J[i][j] = ...``, inside
    ``for`` loops over its indices): the entry, its value, and the loops read as the entry's free indices."""

    target: ast.expr
    body: ast.expr
    lines: list[tuple[str, int, int]]
    loops: list[str]


class _Returned(ast.NodeTransformer):
    """Each assignment to the entry computed replaced by a ``return`` of its value."""

    def __init__(self, target: str) -> None:
        self.target = target

    def visit_Assign(self, node: ast.Assign) -> ast.AST:
        if len(node.targets) == 1 and ast.unparse(node.targets[0]) == self.target:
            return ast.copy_location(ast.Return(node.value), node)
        return node


def assignment(src: str) -> Assignment | None:
    """The entry a block of statements computes (every path assigning the same ``J[i][j]``), where ``src`` is such a
    block with an ``if``; None for anything else (one assignment alone is an equation the expression reader reads)."""
    if "\\" in src or "$" in src or "\n" not in src.strip():
        return None
    parsed = _module(src)
    if parsed is None:
        return None
    stmts, text, loops = parsed[0].body, parsed[1], []
    while len(stmts) == 1 and isinstance(stmts[0], ast.For) and isinstance(stmts[0].target, ast.Name) and \
            not stmts[0].orelse:
        loops.append(stmts[0].target.id)
        stmts = stmts[0].body
    targets = {ast.unparse(n.targets[0]) for st in stmts for n in ast.walk(st)
               if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Subscript)}
    if len(targets) != 1 or not any(isinstance(st, ast.If) for st in stmts):
        return None
    target = next(n.targets[0] for st in stmts for n in ast.walk(st) if isinstance(n, ast.Assign) and
                  ast.unparse(n.targets[0]) in targets)
    returned = [_Returned(next(iter(targets))).visit(st) for st in stmts]
    return Assignment(target, _value(returned, {}, text), _line_map(src, text), loops)
