"""A Python function pasted as a definition or a claim (``def selu(x, alpha=1, scale=1): return np.where(x <= 0,
...)``) as one expression: local assignments and augmented assignments are substituted into what the function
returns, an ``if``/``else`` is ``np.where`` (cases), a parameter with a default is a constant of any value, and a
function named for a derivative (``selu_dash``, ``relu_prime``, ``d_selu``) is the derivative of the function it
names. Python's own ``ast`` is the grammar; a body that lost its indentation in copying is indented again."""

from __future__ import annotations

import ast
import copy
import operator
import re
import textwrap
from dataclasses import dataclass

from ..errors import ParseError
from ..functions import FUNCTIONS
from .code_arrays import plain
from .code_clike import clike_function
from .composites import _COMPOSITES, CODE_ACTIVATIONS

# a function named for a derivative: relu_prime, selu_dash, d_relu, grad_loss (the name it differentiates: group 1)
_DERIVATIVE_NAME = re.compile(
    r"(?:d_|grad_|derivative_of_|derivative_)([A-Za-z]\w*)|([A-Za-z]\w*?)_?(?:prime|dash|derivative|deriv|grad)",
    re.IGNORECASE)
# a camel-case name with the derivative inside: transferFunctionDerivativeTanh differentiates transferFunctionTanh
_INFIX_DERIVATIVE = re.compile(r"([A-Za-z]\w*?)(?:Derivative|Deriv|Prime)([A-Z]\w*)")
# d after the name of a function the reader knows (tanh_d, sigmoid_d) names its derivative; after any other name
# (loss_d, a GAN's discriminator loss) it says nothing
_KNOWN_D = re.compile(r"([A-Za-z]\w*?)_d")
_D_KNOWN = {w for f in FUNCTIONS for w in f.words} | set(_COMPOSITES) | CODE_ACTIVATIONS
# a method named only for a derivative, in a class that defines the function beside it (C#'s Derivation(double value),
# DerivativeAt(x), FunctionDx(x)): it differentiates the one function its body calls
BARE_DERIVATIVE = re.compile(r"(?:Function)?(?:Derivative|Derivation|Derivate|Deriv|Prime|Dx|Gradient)(?:At)?",
                              re.IGNORECASE)
# a parameter that switches a function to its derivative: sigmoid(x, derivative=False), nonlin(x, deriv=False)
_SWITCH = re.compile(r"der|deriv\w*|derivate|grad|gradient|prime|backward|backprop|diff", re.IGNORECASE)
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
    flag: str | None = None  # a derivative switch (derivative=False): body is then the derivative of ``plain``
    plain: ast.expr | None = None  # what the function returns with its switch off
    by: str | None = None  # of a loss's derivative (y_true, y_pred): the prediction it differentiates by


# a loss's two arguments as its names say: the target, then the prediction a loss's derivative is taken by
_TARGET = re.compile(r"y|t|y_?true|y_?target|targets?|labels?|y_?actual|actual|truth", re.IGNORECASE)
BY_PREDICTION = ", and a loss's derivative is by its prediction"  # the note's reason
_PREDICTION = re.compile(r"y_?pred|y_?hat|preds?|predicted|predictions?|outputs?|y_?predicted|y_?out", re.IGNORECASE)


def _prediction(params: list[ast.arg]) -> str | None:
    """``mse_prime(y_true, y_pred)``: the derivative of a loss of a target and a prediction is by the prediction
    (backprop's upstream gradient); None for any other arguments."""
    names = [a.arg for a in params]
    if len(names) != 2:
        return None
    kinds = [(bool(_TARGET.fullmatch(n)), bool(_PREDICTION.fullmatch(n))) for n in names]
    if sorted(kinds) != [(False, True), (True, False)]:
        return None
    return next(n for n, (_, pred) in zip(names, kinds, strict=True) if pred)


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


def _definition(src: str) -> tuple[ast.FunctionDef, str] | None:
    """The one function ``src`` defines, a Python ``def`` or else a C-like function (read/code_clike.py), with the
    text parsed; None for anything else (LaTeX among it)."""
    if "\\" in src or "$" in src:
        return None
    parsed = _module(src) if "def " in src else None
    only = parsed[0].body[0] if parsed is not None and len(parsed[0].body) == 1 else None
    if parsed is not None and isinstance(only, ast.FunctionDef):
        return only, parsed[1]
    text = src.strip("\n")  # a C, C++, Java or C# function
    fn = clike_function(text)
    return None if fn is None else (fn, text)


def _arguments(fn: ast.FunctionDef, text: str, src: str) -> tuple[list[ast.arg], list[ast.arg], str | None]:
    """``fn``'s plain parameters, those with a default, and the derivative switch among these (derivative=False),
    if any; *args, **kwargs and keyword-only arguments are refused."""
    args = fn.args
    if args.vararg or args.kwarg or args.kwonlyargs or args.posonlyargs:
        raise ParseError(f"def {fn.name}(...) takes *args, **kwargs or keyword-only arguments: symgrad reads plain "
                         "arguments", column=_column(text, fn), source=src)
    with_default = args.args[len(args.args) - len(args.defaults):] if args.defaults else []
    params = args.args[:len(args.args) - len(with_default)]
    flag = next((a.arg for a, d in zip(with_default, args.defaults, strict=True) if _SWITCH.fullmatch(a.arg) and
                 isinstance(d, ast.Constant) and isinstance(d.value, bool)), None)
    return params, with_default, flag


def derivative_named(name: str) -> str | None:
    """The function a code name says it differentiates (relu_prime, d_selu, grad_loss: relu, selu, loss; tanh_d: tanh,
    a function the reader knows; transferFunctionDerivativeTanh: transferFunctionTanh), or None."""
    match = _DERIVATIVE_NAME.fullmatch(name)
    if match:
        return match.group(1) or match.group(2)
    match = _INFIX_DERIVATIVE.fullmatch(name)
    if match:
        return match.group(1) + match.group(2)
    match = _KNOWN_D.fullmatch(name)
    return match.group(1) if match and match.group(1).lower() in _D_KNOWN else None


def function(src: str) -> Function | None:
    """The function ``src`` defines, where ``src`` is one Python ``def`` or one C-like function (read/code_clike.py);
    None for anything else."""
    defined = _definition(src)
    if defined is None:
        return None
    fn, text = defined
    params, with_default, flag = _arguments(fn, text, src)
    of = derivative_named(fn.name) or _called_one(fn, text, src)
    by = _prediction(params) if of and not flag else None
    if (of or flag) and len(params) != 1 and by is None:
        raise ParseError(f"{fn.name} names a derivative of a function of {len(params)} arguments: say by which "
                         "(write the derivative as dL/dw)", column=_column(text, fn), source=src)
    constants = [a.arg for a in with_default if a.arg != flag]
    if flag is None:
        return Function(fn.name, of, params, constants, plain(_value(fn.body, {}, text)), _line_map(src, text), by=by)
    off = _Folded().visit(_value(fn.body, {flag: ast.Constant(False)}, text))
    on = _Itself(fn.name, params[0].arg, off).visit(_Folded().visit(_value(fn.body, {flag: ast.Constant(True)}, text)))
    return Function(fn.name, None, params, constants, plain(on), _line_map(src, text), flag, plain(off))


class _Folded(ast.NodeTransformer):
    """``a if derivative == False else b`` with the switch's value given: the branch taken."""

    def visit_IfExp(self, node: ast.IfExp) -> ast.AST:
        known = _known(node.test)
        return self.generic_visit(node) if known is None else self.visit(node.body if known else node.orelse)


class _Itself(ast.NodeTransformer):
    """``sigmoid(x)`` inside sigmoid's own derivative branch: the function with its switch off, at that argument."""

    def __init__(self, name: str, param: str, value: ast.expr) -> None:
        self.name, self.param, self.value = name, param, value

    def visit_Call(self, node: ast.Call) -> ast.AST:
        node = self.generic_visit(node)
        if isinstance(node.func, ast.Name) and node.func.id == self.name and len(node.args) == 1 and \
                not node.keywords:
            return ast.copy_location(_substituted(self.value, {self.param: node.args[0]}), node)
        return node


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
        elif _masked(st):
            env[st.targets[0].value.id] = _where_masked(st, env)
        elif isinstance(st, ast.If):
            rest = stmts[k + 1:]
            known = _known(_substituted(st.test, env))
            if known is not None:  # if derivative: with the switch's value given
                return _value((st.body if known else st.orelse) + rest, env, src)
            then, orelse = _value(st.body + rest, env, src), _value(st.orelse + rest, env, src)
            where = ast.Attribute(ast.Name("np", ast.Load()), "where", ast.Load())
            return ast.copy_location(ast.Call(where, [_substituted(st.test, env), then, orelse], []), st)
        elif not (isinstance(st, ast.Expr) and isinstance(st.value, ast.Constant) or isinstance(st, ast.Pass)):
            raise ParseError(f"{ast.unparse(st).splitlines()[0]} is code symgrad does not read (a function reads "
                             "as its assignments, if/else and return)", column=_column(src, st), source=src)
    at = stmts[-1] if stmts else None
    raise ParseError("this function returns nothing on one of its paths: end each with return",
                     column=_column(src, at) if at else 1, source=src)


_COMPARED = {ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Is: operator.eq, ast.IsNot: operator.ne,
             ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge}


def _known(test: ast.expr) -> bool | None:
    """The value of a test fixed by the code itself (``derivative`` with the switch given, ``deriv == True``,
    ``not grad``, ``0 > 1`` after a masked write); None for a test on the data."""
    if isinstance(test, ast.Constant):
        return bool(test.value)
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = _known(test.operand)
        return None if inner is None else not inner
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.USub) and isinstance(test.operand, ast.Constant):
        return None
    sides = [test.left, *test.comparators] if isinstance(test, ast.Compare) and len(test.ops) == 1 else []
    values = [_number(side) for side in sides]
    if values and None not in values and type(test.ops[0]) in _COMPARED:
        return _COMPARED[type(test.ops[0])](*values)
    return None


def _number(node: ast.expr) -> object:
    """The constant ``node`` is (``-1`` included), or None."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant):
        return -node.operand.value
    return node.value if isinstance(node, ast.Constant) else None


def _masked(st: ast.stmt) -> bool:
    """Whether ``st`` assigns through a mask, ``dZ[Z <= 0] = 0`` (NumPy's boolean indexing: the entries where the
    comparison holds)."""
    target = st.targets[0] if isinstance(st, ast.Assign) and len(st.targets) == 1 else \
        st.target if isinstance(st, ast.AugAssign) else None
    return isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) and \
        isinstance(target.slice, ast.Compare)


def _where_masked(st: ast.Assign | ast.AugAssign, env: dict[str, ast.expr]) -> ast.expr:
    """``x[m] = v`` as ``np.where(m, v, x)`` (``x[m] *= v`` as ``np.where(m, x * v, x)``): each entry where the mask
    holds replaced, the others kept; ``y[m]`` inside v is y's entry there, y itself elementwise. A later mask on x
    tests the x written so far: it is pushed into the cases of the earlier write (``x[x <= 0] = 0; x[x > 1] = 1`` is
    0 where x <= 0, else 1 where x > 1, else x)."""
    target = st.targets[0] if isinstance(st, ast.Assign) else st.target
    name = target.value.id
    where = ast.Attribute(ast.Name("np", ast.Load()), "where", ast.Load())

    def written(old: ast.expr) -> ast.expr:
        if getattr(old, "masked", False):
            test, then, orelse = old.args
            return _marked(ast.copy_location(ast.Call(where, [test, written(then), written(orelse)], []), old))
        here = {**env, name: old}
        mask = _substituted(target.slice, here)
        value = _Unmasked(ast.dump(target.slice)).visit(_substituted(st.value, here))
        if isinstance(st, ast.AugAssign):
            value = ast.copy_location(ast.BinOp(copy.deepcopy(old), st.op, value), st)
        known = _known(mask)
        if known is not None:
            return value if known else old
        return _marked(ast.copy_location(ast.Call(where, [mask, value, old], []), st))

    return written(env.get(name, ast.copy_location(ast.Name(name, ast.Load()), target)))


def _marked(call: ast.Call) -> ast.Call:
    call.masked = True  # type: ignore[attr-defined]
    return call


class _Unmasked(ast.NodeTransformer):
    """``y[m]`` with the assignment's own mask m as y: the entries picked are the ones written."""

    def __init__(self, mask: str) -> None:
        self.mask = mask

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:
        return node.value if ast.dump(node.slice) == self.mask else self.generic_visit(node)


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
    return Assignment(target, plain(_value(returned, {}, text)), _line_map(src, text), loops)
