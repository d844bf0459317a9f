"""A constant given its value in scientific notation, as code writes it (``eps = 1e-5``, ``\\epsilon = 1e-8``: the
stabiliser of batch and layer norm, e.g. https://github.com/hmchen47/DataScience/blob/master/ML/MLNN-Hinton/src/batchnorm_forward.py
and https://github.com/ForrestPi/ObjectDetection/blob/master/syncbn/batchNorm.md ): the constant's definition,
noted, so that a claim that keeps it is right and one that drops it is wrong."""

from __future__ import annotations

import pytest

from symgrad import verify

_OF = r"\frac{d}{dx} \sqrt{x^2 + \epsilon}"


@pytest.mark.parametrize("fact", [r"\epsilon = 1e-5", r"\epsilon = 2.5E-8", r"\epsilon = 1e+2"])
def test_the_derivative_of_sqrt_x_squared_plus_epsilon_keeps_epsilon(fact):
    right = verify(r"\frac{x}{\sqrt{x^2 + \epsilon}}", of=_OF, given=[fact])
    assert right.verdict == "proved" and "read as the definition" in right.message
    assert verify(r"\frac{x}{\sqrt{x^2}}", of=_OF, given=[fact]).verdict == "wrong"
