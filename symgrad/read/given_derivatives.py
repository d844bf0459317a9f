"""A fact stating the derivative of a function the definitions define (``f^\\prime(x)=f(x)(1-f(x))`` beside ``f(x) =
\\frac{1}{1+e^{-x}}``), or of one symgrad knows by name and nothing redefines (``\\frac{d\\sigma(z)}{dz} =
\\sigma(z)(1 - \\sigma(z))``, ``\\tanh'(x) = 1 - \\tanh^2 x``): not a fact to trust but a claim of its own, which
verify judges against the definition before the main claim (a wrong stated derivative must never help a wrong
claim to ``proved``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lazy_patterns import pattern
from .tokens import _UNICODE
from .vocabulary import _ELEMENTWISE

# \sigma: the reader's sigmoid when nothing defines it (noted by the reader where it decides so)
_KNOWN = frozenset({*_ELEMENTWISE, r"\sigma"})

_NAME = r"(?:\\?[A-Za-z]+|[α-ωΑ-Ω])"
_PRIME = r"(?:'|’|′|\^\s*\{?\s*\\prime\s*\}?|\^\s*\{\s*'+\s*\})"
_D = r"(?:d|\\mathrm\s*\{\s*d\s*\}|\\partial)"
_ARGS = r"(?:\s*\(\s*[^()]*\))?"
# f'(x), f^\prime(x), \sigma'(z), \frac{df}{dx}, \frac{d f(x)}{dx}, \frac{d}{dx} f(x): then =
_STATED = pattern(rf"\s*\$?\s*(?:(?P<primed>{_NAME})\s*{_PRIME}+(?:\s*\(\s*(?P<arg>[^()]*)\))?|\\d?frac\s*\{{\s*{_D}\s*"
                     rf"(?P<over>{_NAME}){_ARGS}\s*\}}\s*\{{\s*{_D}\s*(?P<by>{_NAME})\s*\}}|\\d?frac\s*\{{\s*{_D}\s*\}}\s*"
                     rf"\{{\s*{_D}\s*(?P<by_applied>{_NAME})\s*\}}\s*(?P<applied>{_NAME})\s*\([^()]*\))\s*=(?!=)")


def _defines_function(text: str, name: str) -> bool:
    """Whether ``text`` defines ``name`` as a function of its parameters (``f(x) = ...``, ``\\sigma(z) := ...``)."""
    return re.match(rf"\s*\$?\s*{re.escape(name)}\s*\([^()]*\)\s*:?=", text) is not None


def _names_it(text: str, name: str) -> bool:
    """Whether ``text`` (a definition) gives ``name`` a meaning of its own (``\\sigma = ...``, ``\\sigma(x) = ...``)."""
    return re.match(rf"\s*\$?\s*{re.escape(name)}(?![A-Za-z])", text) is not None


def stated_derivative(given: Sequence[str], define: Sequence[str]) -> tuple[int, str | None] | None:
    """The place among ``given`` of the first fact that states the derivative of a function one of ``define``
    defines (with None), or of a function symgrad knows that none of them redefines (with the variable the fact
    differentiates by, which only the fact itself introduces); None where none does."""
    for k, text in enumerate(given):
        m = _STATED.match(text)
        name = m and (m["primed"] or m["over"] or m["applied"])
        if not name:
            continue
        name = _UNICODE.get(name, name)
        if any(_defines_function(d, name) for d in define):
            return k, None
        by = m["by"] or m["by_applied"] or (m["arg"] or "").strip()
        if name in _KNOWN and re.fullmatch(_NAME, by) and not any(_names_it(d, n) for d in define for n in (name, by)):
            return k, _UNICODE.get(by, by)
    return None
