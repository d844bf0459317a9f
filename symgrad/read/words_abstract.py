"""A sentence leaving a function abstract (``\\sigma is an activation function``, ``let g be any function``): the
reader cannot give verdicts with a function of no formula yet (f' of an undefined f is refused), so it is refused by
name rather than read as a description."""

from __future__ import annotations

import re

from ..errors import ParseError

# "\sigma is an activation function", "f is a differentiable function", "let g be any function": a function left
# abstract, which the reader cannot give the verdicts yet (f' of an undefined f is refused): refused by name
_ABSTRACT_FUNCTION = re.compile(
    r"\s*(?:let\s+)?\$?\s*(\\?[A-Za-z]+)\s*\$?\s+(?:is|be|denotes)\s+(?:an?|the|any|some)\s+(?:(?:arbitrary|generic|"
    r"unknown|(?:twice\s+)?differentiable|smooth|non-?linear|element-?wise|scalar|real(?:-valued)?|activation)\s+)*"
    r"function\s*[.,;]?\s*", re.IGNORECASE)


def abstract_function(text: str, written: str) -> None:
    """Refuse ``\\sigma is an activation function`` (``text``, its words out of ``\\text{}``; ``written`` as given), a
    function given no formula, naming it: the verdict would need the function abstract, which the reader lacks."""
    m = _ABSTRACT_FUNCTION.fullmatch(text)
    if m:
        raise ParseError(f"'{written.strip()}' leaves {m[1]} a function without a formula; symgrad cannot judge with "
                         f"an abstract function of one argument yet: define it ({m[1]}(z) = ...)",
                         column=written.find(m[1]) + 1, source=written)
