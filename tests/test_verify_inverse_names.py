"""A wrong claim written with an inverse (A^{-1}) of a matrix the derivative is computed from is judged wrong, not
refused as depending on a name nothing gives: the inverse's entries are given by A (verify/judging._array_name).
d tr(AXB)/dX = A^T B^T (the Matrix Cookbook, eq. 100), not A^{-1}."""

from __future__ import annotations

import symgrad


def test_a_claim_with_an_inverse_is_judged():
    v = symgrad.verify(r"\frac{\partial f}{\partial X} = A^{-1}", define=[r"f = \mathrm{tr}(AXB)"],
                       given=[r"A, X, B \in \mathbb{R}^{n \times n}"])
    assert v.verdict == "wrong", str(v)
