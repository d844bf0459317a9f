"""A page's HTML layout tags between a chain's display lines (``</p>``, ``<p>``, ``<br/>``) only lay the lines out:
blanked (the same width) like a remark; tags that mark up the text itself (``<sub>``) are left as written."""

from __future__ import annotations

import pytest

from symgrad.read.chains import _line_remarks_blanked
from symgrad.verify import verify


def test_layout_tags_are_blanked() -> None:
    assert _line_remarks_blanked("$=a$\n</p>\n<p>\n$=b$<br/>") == "$=a$\n    \n   \n$=b$     "
    assert _line_remarks_blanked("x<sub>i</sub>") == "x<sub>i</sub>"


@pytest.mark.parametrize(("value", "verdict"), [(r"\frac{x_{ij}}{N rms(x)_i}", "proved"),
                                                (r"\frac{x_{ij}}{rms(x)_i}", "wrong")])
def test_an_rms_derivative_written_one_line_per_paragraph(value: str, verdict: str) -> None:
    claim = ("$=\\frac{1}{2\\sqrt{\\frac{1}{N}\\sum_{q=0}^{N-1}x_{iq}^2}}.\\frac {2x_{ij}}{N}$\n</p>\n\n<p>\n$=" +
             value + "$")
    v = verify(claim, of=r"\frac {\partial rms(x)_{k}}{\partial x_{ij}}", assume=["k = i"],
               define=[r"$rms(x)_i=\sqrt{\frac{1}{N}\sum_{j=0}^{N-1}x_{ij}^2}$"])
    assert v.verdict == verdict, str(v)
