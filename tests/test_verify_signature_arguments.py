"""A signature among the facts (f : R^{n x n} -> R) shapes the argument of its function's definition in --define
(f(A) = \\log|A|): verify adds the facts it says (read.given_signatures); before, A was read as a number, silently."""

from __future__ import annotations

import symgrad

SIGNATURE = [r"f : \mathbb{R}^{n \times n} \to \mathbb{R}"]
LOGDET = [r"f(A) = \log|A|"]


def test_the_signature_makes_the_definitions_argument_the_matrix_it_names():
    assert symgrad.verify(r"\frac{\partial f}{\partial A} = A^{-T}", define=LOGDET, given=SIGNATURE).verdict == "proved"
    assert symgrad.verify(r"\frac{\partial f}{\partial A} = \frac{1}{A}", define=LOGDET, given=SIGNATURE).verdict == \
        "wrong"
