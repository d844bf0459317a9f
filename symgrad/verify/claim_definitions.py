"""A claim that first defines the name it differentiates (``Then L = (1/N)‖r‖² and ∂L/∂W = (2/N)·r·xᵀ``): the
statement before ``and`` (or a comma) gives a name nothing else defines, so it is read as one more definition, and
the rest as the claim (noted). A name some ``--define`` defines stays in the claim: the claim restates it."""

from __future__ import annotations

import re
from collections.abc import Sequence

_NAME = r"(?:[A-Za-z](?:_\{?\w+\}?)?|\\[A-Za-z]+)"
# a function's parameters after its name, f(x) = \cos(ax): the name defined is f
_PARAMETERS = r"(?:\s*\((?P<params>\s*\\?[A-Za-z]+(?:\s*,\s*\\?[A-Za-z]+)*\s*)\))?"
# an implication after the definition, f(x) = \exp(ax) \Rightarrow \frac{df}{dx} = a\exp(ax): what follows from it
_IMPLIES = r"\s*(?:\\(?:Rightarrow|implies|Longrightarrow|therefore)(?![A-Za-z])|⇒|⟹)\s*"
_STATED = re.compile(rf"^(?P<lead>\s*(?:(?:then|where|with|so|and|let)\s+)?)(?P<name>{_NAME}){_PARAMETERS}\s*="
                     r"(?P<value>[^=]+?)"
                     rf"(?P<sep>\s*,?\s*(?:(?<![A-Za-z])and(?![A-Za-z])|\\text\s*\{{\s*and\s*\}})\s*|\s*[,;]\s+|{_IMPLIES})"
                     r"(?P<claim>.+=.+)$",
                     re.IGNORECASE | re.DOTALL)
_DERIVATIVE = re.compile(r"\\partial|∂|\\nabla|∇|\\d?frac\s*\{\s*d|(?<![A-Za-z])d\w*\s*/\s*d|'|\\prime")


def definition_before(claim: str, define: Sequence[str]) -> tuple[str, str] | None:
    """``(definition, claim)`` where the claim opens with a definition of a new name (see the module docstring), the
    claim blanked where the definition stood (columns kept); None otherwise."""
    m = _STATED.match(claim)
    if m is None or _DERIVATIVE.search(m["value"]) or not _DERIVATIVE.search(m["claim"].split("=", 1)[0]):
        return None
    if re.fullmatch(_IMPLIES, m["sep"]) and not m["params"]:
        return None  # x = 1 \Rightarrow \frac{dy}{dx} = 3: a point the derivative is taken at, not a definition
    name = m["name"]
    if any(re.match(rf"\s*(?:let\s+)?{re.escape(name)}\s*(?:\(|=|_|\^)", text, re.IGNORECASE) for text in define):
        return None
    d = "d?" if m["params"] else ""  # a function f(x) differentiated as df/dx (a variable's dx is the other side)
    if not re.search(rf"(?<![A-Za-z\\]){d}{re.escape(name)}(?![A-Za-z])", m["claim"].split("=", 1)[0]):
        return None  # the derivative is of something else: the definition is no part of it
    head = f"{name}({m['params'].strip()})" if m["params"] else name
    return f"{head} = {m['value'].strip()}", " " * m.start("claim") + m["claim"]
