"""A C, C++, Java or C# function pasted as a definition or a claim (``private double ReLU_prime(double x) { if (x >= 0)
return 1; else return 1.0 / 20; }``, C#'s ``double Activate(double value) => value / (1 + Math.Exp(-value));``) as
the Python function read/code_functions.py reads. Only a text shaped like a function is parsed, by the grammar of
read/code_clike_tree.py: Lark loads then, so that reading LaTeX never imports it."""

from __future__ import annotations

import ast
import re

# name(params) { ... return ..., or C#'s name(params) => ...
_SHAPE = re.compile(r"\w+\s*\([^()]*\)\s*(?:\{.*\breturn\b|=>)", re.DOTALL)


def clike_function(text: str) -> ast.FunctionDef | None:
    """The function ``text`` defines in C, C++, Java or C#, as Python's tree; None where it is not one."""
    if not _SHAPE.search(text):
        return None
    from .code_clike_tree import parsed_function  # the grammar and Lark, for a text shaped like a function

    return parsed_function(text)
