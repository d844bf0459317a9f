"""A name given by its role in words (``Where $Y$ is saved output``, ``y is the output``): the output of the function
the claim differentiates, as backward formulas in framework documentation write it (in terms of the saved forward
result). Read as ``Y = F(x)`` for the claim's ``\\frac{\\partial}{\\partial x} F(x)``, noted; refused when the claim
names no such function."""

from __future__ import annotations

import re

from ..errors import ParseError

_OUTPUT = re.compile(r"\s*(?:where|here|and)?\s*\$?\s*(\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\s*\$?\s+(?:is|denotes)\s+"
                     r"(?:the\s+)?(?:saved\s+|forward\s+|function'?s?\s+)?(?:output|result)(?:\s+of\s+the\s+forward(?:\s+pass)?)?"
                     r"\s*\.?\s*", re.IGNORECASE)
# the claim's derivative of a function applied to its variable: \frac{\partial}{\partial x} F(x), \frac{d}{dx} F(x)
_APPLIED = re.compile(r"^\s*\$*\s*(?:\\[A-Za-z]+\s+)?\\d?frac\s*\{\s*(?:\\partial|d)\s*\}\s*\{\s*(?:\\partial|d)\s*([A-Za-z])\s*\}"
                      r"\s*(\\?[A-Za-z]+\s*\(\s*\1\s*\))")


def output_in_words(text: str) -> str | None:
    """The name ``text`` says is the output (``Y`` of ``Where $Y$ is saved output``), or None."""
    m = _OUTPUT.fullmatch(text)
    return m[1] if m else None


def output_definition(text: str, derivative: str) -> tuple[str, str]:
    """The definition an output in words means for a claim (or ``--of``) ``derivative`` and its note: ``Y =
    Softplus(x)``; refused naming the words when the claim differentiates no function applied to its variable."""
    name = output_in_words(text)
    m = _APPLIED.match(derivative)
    if name is None or m is None:
        raise ParseError(f"'{text.strip()}' names {name} an output, but the claim differentiates no function applied to "
                         rf"its variable (\frac{{\partial}}{{\partial x}} F(x)): define {name} ({name} = ...)",
                         column=1, source=text)
    return f"{name} = {m[2]}", f"'{text.strip()}' read as {name} = {m[2]}, the output of what the claim differentiates"
