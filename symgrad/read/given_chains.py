"""A fact that is an equation chain between function heads and one formula (``f(x) = \\frac{1}{1 + e^{-x}} =
\\sigma(x)``): it defines each head by the formula. A head the definitions already give (the page reuses ``f`` for
its own loss) keeps its definition, and the note says the fact's use of the name was set aside."""

from __future__ import annotations

import re

_HEAD = re.compile(r"\s*\$?\s*(\\?[A-Za-z]+)\s*\(\s*(\\?[A-Za-z]+)\s*\)\s*\$?\s*")


def _top_level_split(text: str) -> list[str]:
    """``text`` split at each = outside braces and parentheses."""
    parts, depth, start = [], 0, 0
    for k, c in enumerate(text):
        depth += (c in "{(") - (c in "})") if k == 0 or text[k - 1] != "\\" else 0
        if c == "=" and depth == 0:
            parts.append(text[start:k])
            start = k + 1
    return [*parts, text[start:]]


def definition_chain(text: str) -> tuple[list[tuple[str, str]], str] | None:
    """The heads of a chain ``f(x) = formula = g(x)`` (each: its name and its LaTeX) and the formula; None when
    ``text`` is no chain of at least two heads of one parameter and exactly one formula."""
    parts = _top_level_split(text)
    heads = [_HEAD.fullmatch(p) for p in parts]
    formulas = [p for p, h in zip(parts, heads) if h is None]
    named = [h for h in heads if h is not None]
    if len(parts) < 3 or len(formulas) != 1 or not formulas[0].strip() or len({h[2] for h in named}) != 1:
        return None
    return [(h[1].lstrip("\\"), h[0].strip().strip("$").strip()) for h in named], formulas[0].strip()


_NAMED = re.compile(r"\s*\$?\s*(?:\\(?:hat|bar|tilde|mathbf|boldsymbol|bm|vec)\s*\{?\s*)?\\?[A-Za-z]+\}?(?:_\{?[A-Za-z0-9]+\}?)?"
                    r"(?:\^\{?\([A-Za-z0-9]+\)\}?)?\s*")


def named_chain(text: str) -> bool:
    """Whether ``text`` is a chain ``name = formula = formula`` (``\\hat y = Xw = \\sum_k x_k w_k``): a definition of the
    name that restates it, read as one (by the first side that reads, noted)."""
    parts = _top_level_split(text)
    if _listed(text):  # p = softmax(z), y = (0, ..., 1): several facts, not one chain
        return False
    return len(parts) >= 3 and _NAMED.fullmatch(parts[0]) is not None and all(p.strip() for p in parts[1:]) and \
        not any(p.rstrip().endswith(("<", ">", "!", ":", "\\")) or p.lstrip().startswith(("<", ">")) for p in parts)


_AND = re.compile(r"\s+and\s+")  # i_1 = x and y = a_2: the word between two facts, never the product a n d


def _listed(text: str) -> bool:
    """Whether ``text`` separates facts at its top level (a comma, a semicolon, ``\\quad``, words in ``\\text``, the
    word and between spaces)."""
    depth = 0
    for k, c in enumerate(text):
        escaped = k > 0 and text[k - 1] == "\\"
        depth += (c in "{(" and not escaped) - (c in "})" and not escaped)
        if depth == 0 and (c in ",;" or text.startswith(("\\quad", "\\qquad", "\\text"), k) or _AND.match(text, k)):
            return True
    return False


_SIDE = r"(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})+"
_FACTOR = rf"\\[dt]?frac\s*\{{\s*\\partial\s*({_SIDE})\}}\s*\{{\s*\\partial\s*({_SIDE})\}}"
_FACTORS = re.compile(rf"\s*\$?\s*((?:{_FACTOR}\s*(?:\\cdot|\\times|\*)?\s*){{2,}})=(?P<value>.*)", re.DOTALL)


def telescoped(text: str) -> tuple[str, str] | None:
    """A chain-rule product given as the gradient it equals (``\\frac{\\partial L}{\\partial a} \\cdot \\frac{\\partial
    a}{\\partial z} = \\hat{y} - y``): the one derivative it telescopes to, ``\\frac{\\partial L}{\\partial z} = \\hat{y}
    - y``, and the note saying so; None when ``text`` is no such product, or its factors do not chain."""
    m = _FACTORS.fullmatch(text)
    if m is None:
        return None
    factors = [(" ".join(f[0].split()), " ".join(f[1].split())) for f in re.findall(_FACTOR, m[1])]
    if any(factors[k][1] != factors[k + 1][0] for k in range(len(factors) - 1)) or not m["value"].strip():
        return None
    derivative = rf"\frac{{\partial {factors[0][0]}}}{{\partial {factors[-1][1]}}}"
    value = m["value"].strip().rstrip("$").strip()
    return f"{derivative} = {value}", (
        f"{m[1].strip()}: the chain rule's product, read as {derivative}")
