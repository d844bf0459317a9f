"""An undeclared I inside a Frobenius norm with a matrix met in the same formula (\\|W^T W - I\\|_F^2) is the identity,
as an undeclared I is elsewhere (read.matrices, read.matrix_norms): before, it was read as a p x p matrix of its own,
and the right gradient 4WW^TW - 4W was judged wrong."""

from __future__ import annotations

import symgrad

ORTH = [r"J = \|W^TW-I\|_F^2"]


def test_the_identity_in_a_frobenius_norm_is_the_identity():
    v = symgrad.verify(r"\frac{\partial J}{\partial W}=4WW^TW-4W", define=ORTH)
    assert v.verdict in ("proved", "agrees") and "I read as the identity matrix" in v.message, v.message
    assert symgrad.verify(r"\frac{\partial J}{\partial W}=4WW^TW", define=ORTH).verdict == "wrong"
