"""LaTeX copied out of a URL (``%5Cfrac%7B1%7D...``): percent-escapes decoded. In LaTeX ``%`` starts a comment, so a
``%`` followed by two hex digits is never math; text with any other ``%`` is left as written (the reader refuses it)."""

from __future__ import annotations

import re
from urllib.parse import unquote

_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")


def decoded(text: str, notes: list[str]) -> str:
    """``text`` with its percent-escapes decoded (noted in ``notes``) when every ``%`` in it starts one."""
    if not isinstance(text, str) or "%" not in text or text.count("%") != len(_ESCAPE.findall(text)):
        return text
    plain = unquote(text)
    note = "url-encoded text decoded (%5C is \\, %7B is {, %20 a space)"
    if note not in notes:
        notes.append(note)
    return plain
