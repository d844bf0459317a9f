"""An assumption that is no case between indices but a fact about a value: a domain (``x < 0``, ``for x > 0``,
``0 < p < 1``) or a condition only on where the claim holds (``|X| > 0``, ``\\det X \\neq 0``). Pages state such a
case apart from the claim (the negative branch of ELU, where a determinant is positive); it is read as the same
sentence given as a fact (a domain the search draws inside, a condition noted), never dropped."""

from __future__ import annotations

import re

from .given_conditions import condition

# an inequality between values (a case between indices is an equation or a \neq between two letters)
_INEQUALITY = re.compile(r"(?<![<>=!])[<>](?![<>=])|<=|>=|≤|≥|\\(?:le|ge|leq|geq|lt|gt|leqslant|geqslant)(?![A-Za-z])")


def is_fact_assumed(text: str) -> bool:
    """Whether ``text``, an assumption (its opening words taken off: ``for x < 0`` is ``x < 0``), states a domain or a
    condition on where the claim holds rather than a case between indices."""
    return bool(_INEQUALITY.search(text)) or condition(text) is not None


def assumed_note(written: str) -> str:
    """The note saying an assumption was read as a fact."""
    return (f"the assumption '{' '.join(written.split())}' is about values, not indices: read as a fact (as --given "
            "reads it)")
