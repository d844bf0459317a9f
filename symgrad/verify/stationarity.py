"""A chain that ends ``= 0`` after the derivative's value: the page sets the derivative to zero to solve for a
stationary point (``\\frac{\\partial L}{\\partial u} = Y^T X v - \\lambda Y^T Y u = 0``, then ``u = ...``).

Such a last ``0`` has two readings: an identity (the derivative is zero everywhere) or an equation the page goes on
to solve. When every link before it is right and the derivative is not zero everywhere (the ``0`` link is refuted),
the identity reading would call a right derivation wrong for the step every Lagrangian and normal equation takes;
the chain is judged by its links before the ``0``, and the verdict says so. A chain whose earlier links are wrong is
wrong under both readings; a ``0`` that is the chain's only value (``\\frac{\\partial D_{ij}}{\\partial W} = 0``) is
a claim of zero, judged as written."""

from __future__ import annotations

import re
from collections.abc import Collection

import sympy as sp

from .verdict import Link

# a zero as written: 0, \mathbf{0}, \boldsymbol 0, \vec{0}, 0^T, with the line's \non, & and punctuation around it
_WRITTEN_ZERO = re.compile(r"\{?(\\(mathbf|boldsymbol|bm|vec|bf|mathrm|mathbb)\s*)?\{?\s*0\s*\}?(\^\s*\{?[T\\top]+\}?)?\}?")
_AROUND = re.compile(r"\\(nonumber|non|notag)\b|\\\\|\\[,;!:]|\\quad|&|[\s.,;$]")


def _written_zero(latex: str) -> bool:
    """Whether a link is written as a zero (``= 0``), not a value that reads as zero (``3 g(x) \\frac{d}{dx}[g]``)."""
    return _WRITTEN_ZERO.fullmatch(_AROUND.sub("", latex)) is not None


SET_TO_ZERO = ("the chain's last '= 0' is read as the derivative set to zero (an equation the page solves for a "
               "stationary point), not as an identity: the derivative is not zero everywhere, and the links before "
               "it are judged")


def set_to_zero(links: list[Link], wrong: tuple[Link, str, str] | None, notes: list[str],
                written: Collection[str] = ()) -> tuple[list[Link], tuple[Link, str, str] | None]:
    """The links and the wrong link to judge by: without a refuted last ``0`` after right links (noted). ``written``
    holds the links that are the derivative written out (``\\frac{d}{dx} x^2``): right by themselves, they state no
    value, so ``\\frac{d}{dx} x^2 = 0`` is a claim of zero."""
    if wrong is None or len(links) < 2 or wrong[0] is not links[-1] or links[-1].expr is None \
            or all(link.latex in written for link in links[:-1]):
        return links, wrong
    if sp.sympify(links[-1].expr) != 0 or not _written_zero(links[-1].latex) or any(link.verdict not in ("proved", "agrees") for link in links[:-1]):
        return links, wrong
    notes.append(SET_TO_ZERO)
    return links[:-1], None
