"""A max subtracted for stability (``np.exp(x - np.max(x)) / np.sum(np.exp(x - np.max(x)))``, ``c + np.log(np.sum(
np.exp(x - c)))`` with ``c = x.max()``) read as 0: the largest entry is a constant c, and where the value is the same
for every c (softmax's quotient, log-sum-exp's c + log sum e^{x - c}) writing 0 for it changes nothing. Whether the
value is the same is decided on the code's own tree: each part's dependence on c is a factor e^{kc} (a scale) or a
term kc (a shift), and the whole must come out with k = 0; anywhere else the max stays, and is refused by name."""

from __future__ import annotations

import ast

_EXP, _LOG = {"exp"}, {"log"}
_REDUCE_SCALE = {"sum"}  # a sum of e^{kc} f is e^{kc} times the sum; a sum of f + kc is not f + kc
_REDUCE_BOTH = {"mean"}  # a mean keeps either: e^{kc} times the mean, or the mean plus kc
_THROUGH = {"transpose", "reshape", "squeeze", "ravel", "flatten", "T"}
_ATTRIBUTES = {"T"}
Dependence = tuple[str, float] | None  # ("scale", k): times e^{kc}; ("shift", k): plus kc; None: neither


def _last(node: ast.AST) -> str:
    """The function's own name in a call: ``np.exp`` and ``x.sum`` as exp and sum."""
    return node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")


def _is_max(node: ast.AST) -> bool:
    """``np.max(x)``, ``np.amax(x)``, ``x.max()``: the largest entry of the whole array (no axis)."""
    if not isinstance(node, ast.Call) or node.keywords or _last(node) not in ("max", "amax"):
        return False
    method = isinstance(node.func, ast.Attribute) and not (isinstance(node.func.value, ast.Name) and
                                                           node.func.value.id in ("np", "numpy", "torch", "jnp"))
    return len(node.args) == (0 if method else 1)


def _invariant(dep: Dependence) -> bool:
    return dep is not None and dep[1] == 0


def _sum(a: Dependence, b: Dependence, sign: int) -> Dependence:
    if _invariant(a) and _invariant(b):
        return ("shift", 0)
    if a is None or b is None:
        return None
    if a[0] == b[0] == "shift":
        return ("shift", a[1] + sign * b[1])
    return a if a == b and a[0] == "scale" else None  # e^{kc}(f + g); a scale plus a shift is neither


def _scale(dep: Dependence) -> float | None:
    """The k of a factor e^{kc} (an invariant part is e^{0c}); None for a shift or neither."""
    return None if dep is None or dep[0] == "shift" and dep[1] != 0 else dep[1]


class _Dependence:
    """How a tree depends on one max (by its source text): a scale, a shift, or neither."""

    def __init__(self, the_max: str) -> None:
        self.the_max = the_max

    def of(self, node: ast.AST) -> Dependence:
        if ast.dump(node) == self.the_max:
            return ("shift", 1)
        if not any(ast.dump(n) == self.the_max for n in ast.walk(node)):
            return ("shift", 0)
        method = getattr(self, f"_{type(node).__name__}", None)
        return method(node) if method else None

    def _BinOp(self, node: ast.BinOp) -> Dependence:
        left, right = self.of(node.left), self.of(node.right)
        if isinstance(node.op, (ast.Add, ast.Sub)):
            return _sum(left, right, 1 if isinstance(node.op, ast.Add) else -1)
        power = _constant(node.right)
        if isinstance(node.op, ast.Pow):
            return ("scale", _scale(left) * power) if _scale(left) is not None and power is not None else None
        if not isinstance(node.op, (ast.Mult, ast.MatMult, ast.Div)):
            return None
        sign = -1 if isinstance(node.op, ast.Div) else 1
        if _scale(left) is not None and _scale(right) is not None:
            return ("scale", _scale(left) + sign * _scale(right))
        shifted, number = (left, power) if _scale(left) is None else (right, _constant(node.left))
        if shifted is None or number in (None, 0) or sign == -1 and shifted is right:
            return None  # (x - c) / 2 is a shift; 2 / (x - c) and (x - c) * y are neither
        return ("shift", shifted[1] * number ** sign)

    def _UnaryOp(self, node: ast.UnaryOp) -> Dependence:
        inner = self.of(node.operand)
        if isinstance(node.op, ast.USub) and inner and inner[0] == "shift":
            return ("shift", -inner[1])
        return inner if isinstance(node.op, (ast.USub, ast.UAdd)) else None

    def _Attribute(self, node: ast.Attribute) -> Dependence:
        return self.of(node.value) if node.attr in _ATTRIBUTES else None

    def _Call(self, node: ast.Call) -> Dependence:
        name = _last(node)
        arrays = [node.func.value] if isinstance(node.func, ast.Attribute) and not (
            isinstance(node.func.value, ast.Name) and node.func.value.id in ("np", "numpy", "torch", "jnp", "math")) \
            else []
        args = [*arrays, *node.args]
        if not args or any(not _invariant(self.of(a)) for a in args[1:]) or \
                any(not _invariant(self.of(k.value)) for k in node.keywords):
            return None
        inner = self.of(args[0])
        if inner is None:
            return None
        if name in _EXP:
            return ("scale", inner[1]) if inner[0] == "shift" else None
        if name in _LOG:
            return ("shift", inner[1]) if inner[0] == "scale" else None
        if name in _REDUCE_SCALE:
            return inner if inner[0] == "scale" else None
        return inner if name in _REDUCE_BOTH | _THROUGH else None


def _constant(node: ast.AST) -> float | None:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _constant(node.operand)
        return None if inner is None else -inner
    return float(node.value) if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and \
        not isinstance(node.value, bool) else None


class _Zeroed(ast.NodeTransformer):
    def __init__(self, maxima: set[str]) -> None:
        self.maxima = maxima

    def visit_Call(self, node: ast.Call) -> ast.AST:
        if ast.dump(node) in self.maxima:
            zero = ast.copy_location(ast.Constant(0), node)
            zero.steadied = ast.unparse(node)  # type: ignore[attr-defined]
            return zero
        return self.generic_visit(node)


def steadied(tree: ast.expr) -> ast.expr:
    """``tree`` with each max whose value it does not change written as 0 (marked ``steadied`` with the code it
    replaced, for the verdict's note); a max that changes the value is left for the reader to refuse."""
    maxima = {ast.dump(n) for n in ast.walk(tree) if _is_max(n)}
    unchanged = {m for m in maxima if _invariant(_Dependence(m).of(tree))}
    return _Zeroed(unchanged).visit(tree) if unchanged else tree
