"""NumPy idioms that stand for a plain value, as that value before code is read: a copy (``dA.copy()``,
``np.copy(dA)``, ``np.array(dA, copy=True)``) is the array copied, ``np.zeros_like(z)`` and ``np.ones_like(z)`` are 0
and 1 (elementwise, every entry), ``np.e`` and ``math.pi`` are the constants e and π, a max subtracted for stability
is 0 where it changes nothing (read/code_stability.py), a comparison cast to a number is 1 where it holds, 0
elsewhere (read/code_casts.py)."""

from __future__ import annotations

import ast

from .code_casts import casts_read
from .code_guards import unclipped
from .code_stability import steadied

_MODULES = {"np", "numpy", "math", "torch", "jnp", "xp"}
_CONSTANTS = {"e": "e", "pi": "pi"}
_FILLED = {"zeros_like": 0, "ones_like": 1}
_COPIES = {"copy", "clone", "detach"}  # x.copy(), np.copy(x), torch's x.clone() and x.detach()


def _module_attribute(node: ast.AST) -> str | None:
    """``attr`` of ``np.attr`` (any module of _MODULES), else None."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in _MODULES:
        return node.attr
    return None


def _copied(node: ast.Call) -> ast.expr | None:
    """The array a copy call copies, or None where ``node`` is no copy."""
    attr = _module_attribute(node.func)
    keywords = {k.arg: k.value for k in node.keywords}
    if attr in ("copy", "array", "asarray") and len(node.args) == 1 and \
            all(k == "copy" for k in keywords) and (attr != "array" or keywords):
        return node.args[0]  # np.copy(x), np.array(x, copy=True): a copy of an array (np.array([...]) is a literal)
    if isinstance(node.func, ast.Attribute) and attr is None and node.func.attr in _COPIES and not node.args and \
            not keywords:
        return node.func.value
    return None


class _Idioms(ast.NodeTransformer):
    def visit_Call(self, node: ast.Call) -> ast.AST:
        node = self.generic_visit(node)
        copied = _copied(node)
        if copied is not None:
            return copied
        attr = _module_attribute(node.func)
        if attr in _FILLED and len(node.args) == 1 and not node.keywords:
            return ast.copy_location(ast.Constant(_FILLED[attr]), node)
        return node

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        attr = _module_attribute(node)
        if attr in _CONSTANTS:
            return ast.copy_location(ast.Name(_CONSTANTS[attr], ast.Load()), node)
        return self.generic_visit(node)


def plain(tree: ast.expr) -> ast.expr:
    """``tree`` with each idiom of the module's docstring replaced by the value it stands for."""
    return casts_read(unclipped(steadied(_Idioms().visit(tree))))
