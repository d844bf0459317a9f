"""Sizes as NumPy code asks for them: ``X.shape[0]`` is ``len(X)`` (NumPy's len is the first axis's size), ``y.size``
and ``np.size(y)`` are ``len(y)`` (for a vector; an array of more axes is refused where its sum of ones is read), and ``self.m`` (a value
the object holds, a class's stored sample count) is the name ``m``. Each is rewritten before translation and noted."""

from __future__ import annotations

import ast

SIZE_NOTE = "code: X.shape[0], y.size and np.size(y) read as the size of the array they name, len(X)"
SELF_NOTE = "code: self.m read as the name m (a value the object holds)"


def _len(value: ast.expr, node: ast.AST) -> ast.Call:
    call = ast.Call(ast.Name("len", ast.Load()), [value], [])
    return ast.copy_location(call, node)


def is_size(node: ast.AST) -> bool:
    """Whether ``node`` is ``X.shape[0]``, ``y.size`` or ``np.size(y)``."""
    if isinstance(node, ast.Call):
        return isinstance(node.func, ast.Attribute) and node.func.attr == "size" and len(node.args) == 1 and \
            not node.keywords and getattr(node.func.value, "id", "") in ("np", "numpy")
    if isinstance(node, ast.Attribute):
        return node.attr == "size" and getattr(node.value, "id", "") not in ("np", "numpy", "torch")
    return isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and \
        node.value.attr == "shape" and isinstance(node.slice, ast.Constant) and node.slice.value == 0


def is_self(node: ast.AST) -> bool:
    """Whether ``node`` is ``self.<name>``."""
    return isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self"


def sized(node: ast.AST) -> ast.expr | None:
    """What ``X.shape[0]``, ``y.size`` or ``self.m`` at ``node`` stands for (``len(X)``, ``len(y)``, the name m);
    None for anything else."""
    if is_self(node):
        return ast.copy_location(ast.Name(node.attr, ast.Load()), node)
    if not is_size(node):
        return None
    if isinstance(node, ast.Call):
        return _len(node.args[0], node)
    return _len(node.value.value if isinstance(node, ast.Subscript) else node.value, node)
