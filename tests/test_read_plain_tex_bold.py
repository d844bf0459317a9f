"""Plain TeX's bold switch in a group, ``{\\bf v}``, is ``\\mathbf{v}`` (it was dropped: ``{\\bf v}_1`` read as the
element v_1 of a plain v)."""

from __future__ import annotations

import pytest

from symgrad.read.tokens import _tokens
from symgrad.verify import verify


def test_the_switch_in_a_group_is_bold() -> None:
    assert [t.text for t in _tokens(r"{\bf v}_1")][:-1] == [r"\mathbf", "{", "v", "}", "_", "1"]


@pytest.mark.parametrize(("value", "verdict"), [(r"2\lambda {\bf v}_1", "proved"), (r"\lambda {\bf v}_1", "wrong")])
def test_a_quadratic_form_of_a_bold_vector(value: str, verdict: str) -> None:
    v = verify(rf"\lambda\frac{{\partial}}{{\partial {{\bf v}}_1^T}} ({{\bf v}}_1^T{{\bf v}}_1) = {value}")
    assert v.verdict == verdict, str(v)
