"""``--of`` written as words in Chinese, Japanese or Korean that say to differentiate (``시그모이드 함수를 수식적으로
미분해보자``, let us differentiate the sigmoid function; ``对函数求导``): with the page's one definition a function of
one variable, the derivative meant is that function's by its variable (noted); anything else stays refused as prose
(the words would have to say which function, or by which variable)."""

from __future__ import annotations

import re

from .context import Context
from .tokens import _GREEK
from .unicode_prose import _WORDS

# differentiate, derivative, partial derivative, gradient: Korean, Chinese (simplified and traditional), Japanese
_DIFFERENTIATE = re.compile(r"미분|도함수|기울기|求导|導數|导数|偏导|偏導|微分|導関数|勾配|梯度")


def derivative_in_cjk(text: str, ctx: Context) -> str | None:
    """The derivative the words ``text`` name, as LaTeX (``\\frac{d f}{d x}``), or None (see the module docstring)."""
    if not isinstance(text, str) or not _DIFFERENTIATE.search(text) or _WORDS.sub("", text).strip(" .,;:!?"):
        return None  # a formula or a word in another script beside the words: not this construct
    if len(ctx.definitions) != 1 or len(ctx.functions) != 1:
        return None
    (function,) = ctx.functions.values()
    if len(function.params) != 1:
        return None
    name, (var,) = function.name, function.params
    ctx.notes.append(f"--of '{text.strip()}' (words saying to differentiate) read as the derivative of {name}, the one "
                     f"function defined, by its variable {var}")
    spelled = f"\\{var}" if str(var) in _GREEK else str(var)
    return rf"\frac{{d {name}}}{{d {spelled}}}"
