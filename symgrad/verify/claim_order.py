"""The order the claim's definitions and facts are read in: each function before a definition applying it, a fact
naming a derivative after the definitions."""

from __future__ import annotations

import re
from collections.abc import Sequence

_DERIVATIVE_NAMED = re.compile(r"\s*\$?\s*[^=$]+?\s*(?:\\equiv|:=|=|\\triangleq|\\coloneqq|\\stackrel\s*\{[^{}]*\}\s*\{=\})\s*"
                               r"\\d?frac\s*\{\s*\\partial\s*(\\?[A-Za-z]+)")


def _names_a_derivative(text: str, define: Sequence[str]) -> bool:
    """Whether a fact names a derivative of a name a definition gives (``\\delta^l_j \\equiv \\frac{\\partial C}{\\partial
    z^l_j}`` with C defined): read as a definition after the definitions, as a ``--define`` of a derivative's name is."""
    m = _DERIVATIVE_NAMED.match(text)
    return m is not None and any(re.match(rf"\s*\$?\s*{re.escape(m[1])}(?![A-Za-z])", d) for d in define)


# a subscript between the name and its parenthesis: y_i(x) = \frac{\exp(x_i)}{\sum_j \exp(x_j)}, an element of y
# f_i(, f_{w,b}(, f_\theta(: a function's name may carry a subscript (a command, too)
_SUBSCRIPT = r"(?:_\s*(?:\{[^{}=]*\}|[A-Za-z0-9]|\\[A-Za-z]+))?"
# a function's name in a font (\mathcal{L}(a, y) = ...): the name with its font, as the definition applying it writes it
_FONT = r"\\(?:mathcal|mathscr|mathrm|mathit|mathbf|boldsymbol|operatorname|text|textrm)\s*\{\s*\\?[A-Za-z]+\s*\}"
_FUNCTION_HEAD = re.compile(rf"\s*\$*\s*({_FONT}|\\?[A-Za-z]+)\s*{_SUBSCRIPT}\s*(?:\\left\s*)?\(")
# a value's name before its =: decorated (\hat{R}), a capital (E) or a word (MSE); a lone small letter (e, i, d) is left
# in the order written, since before its definition it may read as Euler's e, an index or a differential
_VALUE_HEAD = re.compile(r"\s*\$*\s*(\\(?:hat|widehat|bar|overline|tilde)\s*\{\s*[A-Za-z]\s*\}|[A-Z]|[A-Za-z]{2,})\s*=(?!=)")


def _functions_first(define: Sequence[str]) -> list[str]:
    """The definitions in an order that reads each function (``g(\\xi) = ...``) before a definition applying it
    (``f = \\sum_i (g(b_i) - y_i)^2`` written first): read before its definition, g(b_i) would stay a function
    nothing defines there while the claim's g(b_p) is the definition, and the two would differ. A value named by a
    later definition (``L = \\frac{1}{2}||R - \\hat{R}||^2``, then ``\\hat{R} = U V^\\top``) is read first too, so that its
    shape is known where it is used; where two definitions use each other, they stay in the order written."""
    heads = {k: m.group(1) for k, text in enumerate(define) if (m := _FUNCTION_HEAD.match(text)) and "=" in text}
    values = {k: m.group(1) for k, text in enumerate(define) if (m := _VALUE_HEAD.match(text)) and k not in heads}
    uses = {k: {j for j, name in values.items() if j != k and _mentions(define[k].split("=", 1)[-1], name)}
            for k in range(len(define))}
    ordered: list[int] = []

    def place(k: int, seen: frozenset[int]) -> None:
        if k in ordered or k in seen:
            return
        body = define[k].split("=", 1)[-1]
        for j, name in heads.items():
            if j != k and re.search(rf"(?<![A-Za-z\\]){_spelled(name)}\s*{_SUBSCRIPT}\s*(?:\\left\s*)?\(", body):
                place(j, seen | {k})
        for j in sorted(uses[k]):
            if k not in _reached(j, uses):
                place(j, seen | {k})
        ordered.append(k)

    for k in range(len(define)):
        place(k, frozenset())
    return [define[k] for k in ordered]


def _spelled(name: str) -> str:
    """A pattern for the function's name as written, spaces in its font's braces allowed (``\\mathcal {L}``)."""
    return r"\s*".join(re.escape(part) for part in re.split(r"\s*([{}])\s*", name) if part)


def _mentions(body: str, name: str) -> bool:
    """Whether ``body`` writes the value ``name`` (``\\hat{R}``, ``E``, ``MSE``), not a longer name holding it."""
    return re.search(rf"(?<![A-Za-z\\{{]){re.escape(name)}(?![A-Za-z])", body) is not None


def _reached(start: int, uses: dict[int, set[int]]) -> set[int]:
    """The definitions ``start`` uses, directly or through others."""
    reached, todo = set(), [start]
    while todo:
        for j in uses[todo.pop()] - reached:
            reached.add(j)
            todo.append(j)
    return reached
