"""A fact stating the derivative of a function the definitions define (``f^\\prime(x)=f(x)(1-f(x))`` beside ``f(x) =
\\frac{1}{1+e^{-x}}``): not a fact to trust but a claim of its own, which verify judges against the definition
before the main claim (a wrong stated derivative must never help a wrong claim to ``proved``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .tokens import _UNICODE

_NAME = r"(?:\\?[A-Za-z]+|[α-ωΑ-Ω])"
_PRIME = r"(?:'|’|′|\^\s*\{?\s*\\prime\s*\}?|\^\s*\{\s*'+\s*\})"
_D = r"(?:d|\\mathrm\s*\{\s*d\s*\}|\\partial)"
_ARGS = r"(?:\s*\(\s*[^()]*\))?"
# f'(x), f^\prime(x), \sigma'(z), \frac{df}{dx}, \frac{d f(x)}{dx}, \frac{d}{dx} f(x): then =
_STATED = re.compile(rf"\s*\$?\s*(?:(?P<primed>{_NAME})\s*{_PRIME}+{_ARGS}|\\d?frac\s*\{{\s*{_D}\s*(?P<over>{_NAME}){_ARGS}\s*\}}"
                     rf"\s*\{{\s*{_D}\s*{_NAME}\s*\}}|\\d?frac\s*\{{\s*{_D}\s*\}}\s*\{{\s*{_D}\s*{_NAME}\s*\}}\s*"
                     rf"(?P<applied>{_NAME})\s*\([^()]*\))\s*=(?!=)")


def _defines_function(text: str, name: str) -> bool:
    """Whether ``text`` defines ``name`` as a function of its parameters (``f(x) = ...``, ``\\sigma(z) := ...``)."""
    return re.match(rf"\s*\$?\s*{re.escape(name)}\s*\([^()]*\)\s*:?=", text) is not None


def stated_derivative(given: Sequence[str], define: Sequence[str]) -> int | None:
    """The place among ``given`` of the first fact that states the derivative of a function one of ``define``
    defines, or None where none does."""
    for k, text in enumerate(given):
        m = _STATED.match(text)
        name = m and (m["primed"] or m["over"] or m["applied"])
        if name and (name := _UNICODE.get(name, name)) and any(_defines_function(d, name) for d in define):
            return k
    return None
