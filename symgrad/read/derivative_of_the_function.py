"""``--of`` in words that name the derivative of "the function" without writing it: in English (``the jacobian of the
following function``, ``the derivative of the given function``) or in Chinese, Japanese or Korean words that say to
differentiate (``시그모이드 함수를 수식적으로 미분해보자``, let us differentiate the sigmoid function; ``对函数求导``).
With the page's one definition a function of one variable, the derivative meant is that function's by its variable
(noted); anything else stays refused (the words would have to say which function, or by which variable)."""

from __future__ import annotations

import re

from .context import Context
from .tokens import _GREEK
from .unicode_prose import _WORDS

# differentiate, derivative, partial derivative, gradient: Korean, Chinese (simplified and traditional), Japanese
_DIFFERENTIATE = re.compile(r"미분|도함수|기울기|求导|導數|导数|偏导|偏導|微分|導関数|勾配|梯度")
_OF_THE_FUNCTION = re.compile(r"\s*(?:the\s+)?(?:(?:first|partial)\s+)?(?:jacobian(?:\s+matrix)?|gradient|derivative)\s+of\s+"
                              r"(?:the\s+|this\s+)?(?:following\s+|given\s+|above\s+|previous\s+)?function\s*[.:]?\s*",
                              re.IGNORECASE)


def names_the_function(text: str) -> bool:
    """Whether ``text`` is words naming the derivative of the function, without writing which (see the docstring)."""
    if not isinstance(text, str):
        return False
    if _OF_THE_FUNCTION.fullmatch(text):
        return True
    return bool(_DIFFERENTIATE.search(text)) and not _WORDS.sub("", text).strip(" .,;:!?")


def derivative_of_the_function(text: str, ctx: Context) -> str | None:
    """The derivative the words ``text`` name, as LaTeX (``\\frac{\\partial f}{\\partial x}``), or None (see the
    module docstring)."""
    if not names_the_function(text) or len(ctx.definitions) != 1 or len(ctx.functions) != 1:
        return None
    (function,) = ctx.functions.values()
    if len(function.params) != 1:
        return None
    name, (var,) = function.name, function.params
    ctx.notes.append(f"--of '{text.strip()}' (words naming the derivative of the function) read as the derivative of "
                     f"{name}, the one function defined, by its variable {var}")
    spelled = f"\\{var}" if str(var) in _GREEK else str(var)
    return rf"\frac{{\partial {name}}}{{\partial {spelled}}}"
