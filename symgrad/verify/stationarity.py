"""A chain that ends ``= 0`` after the derivative's value: the page sets the derivative to zero to solve for a
stationary point (``\\frac{\\partial L}{\\partial u} = Y^T X v - \\lambda Y^T Y u = 0``, then ``u = ...``).

Such a last ``0`` has two readings: an identity (the derivative is zero everywhere) or an equation the page goes on
to solve. When every link before it is right and the derivative is not zero everywhere (the ``0`` link is refuted),
the identity reading would call a right derivation wrong for the step every Lagrangian and normal equation takes;
the chain is judged by its links before the ``0``, and the verdict says so. A chain whose earlier links are wrong is
wrong under both readings; a ``0`` that is the chain's only value (``\\frac{\\partial D_{ij}}{\\partial W} = 0``) is
a claim of zero, judged as written."""

from __future__ import annotations

import sympy as sp

from .verdict import Link

SET_TO_ZERO = ("the chain's last '= 0' is read as the derivative set to zero (an equation the page solves for a "
               "stationary point), not as an identity: the derivative is not zero everywhere, and the links before "
               "it are judged")


def set_to_zero(links: list[Link], wrong: tuple[Link, str, str] | None, notes: list[str]
                ) -> tuple[list[Link], tuple[Link, str, str] | None]:
    """The links and the wrong link to judge by: without a refuted last ``0`` after right links (noted)."""
    if wrong is None or len(links) < 2 or wrong[0] is not links[-1] or links[-1].expr is None:
        return links, wrong
    if sp.sympify(links[-1].expr) != 0 or any(link.verdict not in ("proved", "agrees") for link in links[:-1]):
        return links, wrong
    notes.append(SET_TO_ZERO)
    return links[:-1], None
