"""``--of`` in words that name the derivative of "the function" without writing it: in English (``the jacobian of the
following function``, ``the derivative of the given function``, ``its derivative``) or in Chinese, Japanese or Korean
words that say to differentiate (``시그모이드 함수를 수식적으로 미분해보자``, let us differentiate the sigmoid function; ``对函数求导``).
With the page's one definition a function of one variable, the derivative meant is that function's by its variable
(noted); anything else stays refused (the words would have to say which function, or by which variable). Words that
name a function the reader knows (``the derivative of the sigmoid function``, ``the gradient of tanh``) mean that
function's derivative, by the variable of the page's one function of one variable (noted)."""

from __future__ import annotations

import re

from ..errors import ParseError
from .context import Context
from .tokens import _GREEK
from .unicode_prose import _WORDS
from .vocabulary import _ELEMENTWISE

# differentiate, derivative, partial derivative, gradient: Korean, Chinese (simplified and traditional), Japanese
_DIFFERENTIATE = re.compile(r"미분|도함수|기울기|求导|導數|导数|偏导|偏導|微分|導関数|勾配|梯度")
_OF_THE_FUNCTION = re.compile(r"\s*(?:the\s+)?(?:(?:first|partial)\s+)?(?:jacobian(?:\s+matrix)?|gradient|derivative)\s+of\s+"
                              r"(?:the\s+|this\s+)?(?:following\s+|given\s+|above\s+|previous\s+)?function\s*[.:]?\s*|"
                              r"\s*its\s+(?:first\s+)?(?:gradient|derivative)\s*[.:]?\s*", re.IGNORECASE)
_OF_A_KNOWN_FUNCTION = re.compile(r"\s*(?:the\s+)?(?:first\s+)?(?:gradient|derivative)\s+of\s+(?:the\s+|a\s+)?"
                                  r"(?P<name>[A-Za-z]+)(?:\s+(?:activation\s+)?function)?\s*[.:]?\s*", re.IGNORECASE)


def names_the_function(text: str) -> bool:
    """Whether ``text`` is words naming the derivative of the function, without writing which (see the docstring)."""
    if not isinstance(text, str):
        return False
    if _OF_THE_FUNCTION.fullmatch(text) or _known_function(text):
        return True
    return bool(_DIFFERENTIATE.search(text)) and not _WORDS.sub("", text).strip(" .,;:!?")


def derivative_of_the_function(text: str, ctx: Context) -> str | None:
    """The derivative the words ``text`` name, as LaTeX (``\\frac{\\partial f}{\\partial x}``), or None (see the
    module docstring)."""
    known = _known_function(text) if isinstance(text, str) else None
    if known is not None and not ctx.functions:
        return _by_the_one_input(text, known, ctx)
    if not names_the_function(text) or len(ctx.definitions) != 1 or len(ctx.functions) != 1:
        return None
    (function,) = ctx.functions.values()
    if len(function.params) != 1:
        return None
    name, (var,) = function.name, function.params
    spelled = f"\\{var}" if str(var) in _GREEK else str(var)
    if known is not None and known != name:
        ctx.notes.append(f"--of '{text.strip()}' read as the derivative of {known} by {var}, the variable of {name}, the "
                         "one function defined")
        return rf"\frac{{\partial}}{{\partial {spelled}}} \mathrm{{{known}}}({spelled})"
    ctx.notes.append(f"--of '{text.strip()}' (words naming the derivative of the function) read as the derivative of "
                     f"{name}, the one function defined, by its variable {var}")
    return rf"\frac{{\partial {name}}}{{\partial {spelled}}}"


def _by_the_one_input(text: str, known: str, ctx: Context) -> str:
    """The derivative of the function ``known`` by the one input of the page's definitions (none defined: refused,
    the words name no variable)."""
    inputs = {str(s) for d in ctx.definitions.values() for s in d.rhs.free_symbols} - set(ctx.definitions)
    inputs -= set(ctx.sizes)
    if len(inputs) != 1:
        raise ParseError(f"'{text.strip()}' names the derivative of {known} but no variable, and the page defines "
                         f"{'no function of one variable' if not inputs else 'several inputs: ' + ', '.join(sorted(inputs))}"
                         rf": write \frac{{d}}{{dx}} \mathrm{{{known}}}(x)", column=1, source=text)
    (var,) = inputs
    spelled = f"\\{var}" if var in _GREEK else var
    ctx.notes.append(f"--of '{text.strip()}' read as the derivative of {known} by {var}, the one input the page's "
                     "definitions use")
    return rf"\frac{{\partial}}{{\partial {spelled}}} \mathrm{{{known}}}({spelled})"


def _known_function(text: str) -> str | None:
    """The function the reader knows that words name the derivative of (``the derivative of the sigmoid function``:
    sigmoid), or None."""
    m = _OF_A_KNOWN_FUNCTION.fullmatch(text)
    name = m["name"].lower() if m else None
    return name if name in _ELEMENTWISE else None
