"""A comparison cast to a number (``np.int64(A > 0)``, ``(Z > 0).astype(float)``, torch's ``(z > 0).float()``, C's and
MATLAB's ``double(x > 0)``): 1 where it holds, 0 elsewhere, as ``np.where(A > 0, 1, 0)`` reads (cases). Only a
comparison: an integer cast of a real value truncates it, and is left to the reader (refused by name)."""

from __future__ import annotations

import ast

NOTE = "code: a comparison cast to a number (np.int64(A > 0), (Z > 0).astype(float)) read as 1 where it holds, 0 elsewhere"
# NumPy's and torch's number types, as functions (np.int64(...)) or astype's argument; int and float as Python's
_TYPES = {"int", "float", "double", "int8", "int16", "int32", "int64", "uint8", "float16", "float32", "float64", "float_",
          "int_", "single", "half", "long"}
_METHODS = {"float", "double", "int", "long", "half"}  # torch's (z > 0).float()


def _type_named(node: ast.AST) -> bool:
    """Whether ``node`` names a number type (``float``, ``np.float32``, ``torch.int64``, ``'float32'``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value in _TYPES
    return isinstance(node, ast.Name) and node.id in _TYPES or isinstance(node, ast.Attribute) and node.attr in _TYPES


def _cast_value(node: ast.Call) -> ast.expr | None:
    """What ``node`` casts to a number, or None where it is no cast."""
    func = node.func
    if node.keywords:
        return None
    if len(node.args) == 1 and (isinstance(func, ast.Name) and func.id in _TYPES or isinstance(func, ast.Attribute) and
                                isinstance(func.value, ast.Name) and func.attr in _TYPES):
        return node.args[0]  # np.int64(c), float(c), double(c)
    if isinstance(func, ast.Attribute) and (func.attr in ("astype", "type") and len(node.args) == 1 and
                                            _type_named(node.args[0]) or func.attr in _METHODS and not node.args):
        return func.value  # c.astype(float), c.float()
    return None


class _Casts(ast.NodeTransformer):
    def visit_Call(self, node: ast.Call) -> ast.AST:
        node = self.generic_visit(node)
        value = _cast_value(node)
        if not isinstance(value, ast.Compare) or len(value.ops) != 1:
            return node
        where = ast.Attribute(ast.Name("np", ast.Load()), "where", ast.Load())
        read = ast.copy_location(ast.Call(where, [value, ast.Constant(1), ast.Constant(0)], []), node)
        read.cast = True  # type: ignore[attr-defined]
        return read


def casts_read(tree: ast.expr) -> ast.expr:
    """``tree`` with each comparison cast to a number as ``np.where(c, 1, 0)``, marked ``cast``."""
    return _Casts().visit(tree)
