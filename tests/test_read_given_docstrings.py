"""Names described the way code docstrings do (``X -- data of size (n, m)``, ``w -- weights, a numpy array of size
(n, 1)``, ``b -- bias, a scalar``): the shape is the fact; words saying which values a name takes leave it unread."""

import pytest

import symgrad
from symgrad.read.words_docstrings import docstring_in_words

GIVEN = ["X -- data of size (n, m)", "w -- weights, a numpy array of size (n, 1)", "y -- labels of shape (m,)"]


@pytest.mark.parametrize("text, fact", [
    ("X -- data of size (n, m)", r"X \in \mathbb{R}^{n \times m}"),
    ("w -- weights, a numpy array of size (n, 1)", r"w \in \mathbb{R}^{n \times 1}"),
    ("b -- bias, a scalar", r"b \in \mathbb{R}"),
    ("y -- labels of shape (m,)", r"y \in \mathbb{R}^{m}"),
    ("Y -- true label vector (containing 0 if non-cat, 1 if cat) of size (1, m)", None),
    ("X -- data of size (num_px * num_px * 3, number of examples)", None),
])
def test_the_shape_a_docstring_gives(text, fact):
    assert docstring_in_words(text) == fact


@pytest.mark.parametrize("factor, verdict", [("", "proved"), ("2", "wrong")])
def test_a_gradient_with_docstring_shapes(factor, verdict):
    v = symgrad.verify(claim=rf"\frac{{\partial J}}{{\partial w}} = {factor} X (X^T w - y)",
                       define=[r"J = \frac{1}{2} \|X^T w - y\|^2"], given=GIVEN)
    assert v.verdict == verdict, v.message
