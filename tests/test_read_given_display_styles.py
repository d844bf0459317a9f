"""A sentence whose math carries a size command (``$\\displaystyle \\lambda$ is the regularization parameter``, as
MathJax copies write it): the command only sets the type size, so the sentence reads as without it."""

import pytest

from symgrad.read.prose import from_prose


@pytest.mark.parametrize("text, fact", [
    (r"$\displaystyle \lambda$ is the regularization parameter", ""),
    (r"$\textstyle X \in \mathbb{R}^{n \times d}$ is the design matrix", r"X \in \mathbb{R}^{n \times d}"),
])
def test_a_size_command_in_a_sentence_is_typesetting(text, fact):
    assert from_prose(text)[0] == fact
