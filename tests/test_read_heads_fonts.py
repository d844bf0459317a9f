"""symgrad.read names set in a font with the subscript inside the braces (issue 9, item 3): ``\\mathcal{L_2}``,
``\\mathcal{L_{task}}`` name what ``\\mathcal{L}_2``, ``\\mathcal{L}_{task}`` name, in definitions and claims alike.
References are autograd."""

from __future__ import annotations

import numpy as np
import pytest
from autograd import grad

from symgrad import verify


def test_the_reference_derivatives():
    y, yhat, w, x = 0.3, 1.1, 0.7, -1.2
    assert np.isclose(grad(lambda yh: (y - yh) ** 2)(yhat), 2 * (yhat - y), atol=1e-12)
    assert np.isclose(grad(lambda w: 0.5 * (y - w * x) ** 2)(w), -(y - w * x) * x, atol=1e-12)


def test_a_calligraphic_loss_with_its_subscript_inside_the_braces_is_one_defined_name():
    # https://aistackexchange ... 12612 (keldo): \mathcal{L_2}(y, x) = (y - \hat{y})^2, then d/d\hat{y} \mathcal{L_2}
    define = [r"\mathcal{L_2}(y, x) = (y - \hat{y})^2"]
    assert verify(r"\frac{d}{d \hat{y}} \mathcal{L_2} = 2(\hat{y} - y)", define=define).verdict == "proved"
    assert verify(r"\frac{d}{d \hat{y}} \mathcal{L_2} = 2(y - \hat{y})", define=define).verdict == "wrong"


@pytest.mark.parametrize("defined, written", [
    (r"\mathcal{L_{task}}", r"\mathcal{L_{task}}"),  # jiryang.github.io: \lambda\mathcal{L_{task}} + ...
    (r"\mathcal{L_{task}}", r"\mathcal{L}_{task}"),
    (r"\mathcal{L}_{c}", r"\mathcal{L_{c}}"),  # word2vec notes: \mathcal{L_{c}} = -\log P(c \mid t)
])
def test_the_braced_and_the_outside_subscript_name_the_same_loss(defined, written):
    define = [defined + r" = \frac{1}{2}(y - w x)^2"]
    claim = rf"\frac{{\partial {written}}}{{\partial w}} = -(y - w x) x"
    assert verify(claim, define=define).verdict == "proved"
    assert verify(claim.replace("-(y", "(y"), define=define).verdict == "wrong"
