"""A guard that keeps a probability off 0 and 1 before its logarithm (``y_pred = np.clip(y_pred, 1e-15, 1 - 1e-15)``,
``np.clip(p, eps, 1 - eps)`` with ``eps`` a small constant) read as the probability itself: inside the bounds it has
the same value and derivative, and a probability is drawn inside them. A clip to other bounds stays refused by name."""

from __future__ import annotations

import ast

_SMALL = 1e-4  # a guard's epsilon: no value a probability is drawn at lies within it of 0 or 1
NOTE = ("code: np.clip(p, eps, 1 - eps) with a small eps read as p (a guard for the logarithm: the same value and "
        "derivative inside the bounds)")


def _small(node: ast.AST) -> float | None:
    """The value of a small positive constant at ``node`` (``1e-15``), or None."""
    value = getattr(node, "value", None) if isinstance(node, ast.Constant) else None
    return value if isinstance(value, float | int) and not isinstance(value, bool) and 0 < value <= _SMALL else None


def _one_less(node: ast.AST, eps: float) -> bool:
    """Whether ``node`` is ``1 - eps`` (written so, or its value)."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub) and isinstance(node.left, ast.Constant):
        return node.left.value == 1 and _small(node.right) == eps
    return isinstance(node, ast.Constant) and node.value == 1 - eps


def _guarded(node: ast.AST) -> ast.expr | None:
    """What ``np.clip(p, eps, 1 - eps)`` at ``node`` guards (p), or None."""
    if not isinstance(node, ast.Call) or node.keywords or len(node.args) != 3 or \
            getattr(node.func, "attr", getattr(node.func, "id", "")) != "clip":
        return None
    p, low, high = node.args
    eps = _small(low)
    return p if eps is not None and _one_less(high, eps) else None


class _Unclipped(ast.NodeTransformer):
    def visit_Call(self, node: ast.Call) -> ast.AST:
        node = self.generic_visit(node)
        p = _guarded(node)
        if p is None:
            return node
        p.unclipped = True  # type: ignore[attr-defined]
        return p


def unclipped(tree: ast.expr) -> ast.expr:
    """``tree`` with each guard ``np.clip(p, eps, 1 - eps)`` written as p (marked ``unclipped``)."""
    return _Unclipped().visit(tree)


DECISION = (lambda n: getattr(n, "unclipped", False), NOTE)
