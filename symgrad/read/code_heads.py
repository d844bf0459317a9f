"""``--of`` written as a code function named for a derivative, called at its variable (``tanh_d(x)``,
``relu_prime(z)``, ``d_sigmoid(x)``: read/code_functions.derivative_named), as a page's code names what its
``def`` returns: the derivative of that function by that variable, noted. Only a function the reader knows
(tanh, sigmoid) or one the page defines; anything else is left to the reader (refused there)."""

from __future__ import annotations

import re

from .code_functions import derivative_named
from .context import Context
from .tokens import _FUNCS
from .vocabulary import _NAMED_FUNCS

_CALL = re.compile(r"\s*([A-Za-z]\w*)\s*\(\s*([A-Za-z])\s*\)\s*")


def derivative_named_in_code(text: str, ctx: Context) -> str | None:
    """The derivative ``text`` names as LaTeX (``\\frac{\\partial}{\\partial x} tanh(x)``), or None (see the module
    docstring)."""
    match = _CALL.fullmatch(text) if isinstance(text, str) else None
    if match is None or ctx.known(match[1]):
        return None
    stem, var = derivative_named(match[1]), match[2]
    if stem is None or not (stem.lower() in _NAMED_FUNCS | _FUNCS or stem in ctx.functions):
        return None
    ctx.notes.append(f"--of {text.strip()} read as the derivative of {stem} by {var} (the code name says so)")
    return rf"\frac{{\partial}}{{\partial {var}}} {stem}({var})"
