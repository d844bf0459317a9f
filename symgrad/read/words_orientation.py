"""A page's convention for the orientation of its vectors, stated in words: ``the vectors in this problem statement
are actually *row vectors*``, ``all vectors are row vectors``, ``we use row vectors``. Every vector of the problem is
then read as a row (declared, defined or read by use), so ``x W + b`` is the row x times the matrix W, noted;
``vectors are column vectors`` says what symgrad reads anyway, noted. A sentence about some names only (``x is a row
vector``) is a declaration of those names, not this."""

from __future__ import annotations

import re

_PLACE = r"(?:\s+(?:in|of|on|throughout)\s+(?:this|the)\s+(?:problem|page|post|notes?|section|answer|question|text)" \
         r"(?:\s+statement)?)?"
_ORIENTATION = re.compile(
    rf"(?:(?:note\s+that|remember\s+that|here|throughout)\s*,?\s+)?(?:(?:all|the)\s+)?(?:(?:all|the)\s+)?vectors{_PLACE}\s+"
    r"are\s+(?:actually\s+|all\s+|always\s+|written\s+as\s+|taken\s+as\s+|treated\s+as\s+)*(?P<kind>row|column)\s+vectors"
    rf"{_PLACE}|we\s+(?:use|write|work\s+with)\s+(?P<used>row|column)\s+vectors(?:\s+throughout)?", re.IGNORECASE)


def orientation_in_words(text: str) -> tuple[str, str] | None:
    """``("row", note)`` or ``("column", note)`` for a sentence stating the orientation of every vector of the page
    (markdown emphasis and a final period allowed), None for any other text."""
    spaced = " ".join(re.sub(r"[*_$]", " ", text).split()).strip().rstrip(".").strip()
    m = _ORIENTATION.fullmatch(spaced)
    if m is None:
        return None
    kind = (m["kind"] or m["used"]).lower()
    if kind == "column":
        return kind, f"'{spaced}': vectors read as columns, symgrad's reading"
    return kind, f"'{spaced}': every vector read as a row (x W is the row x times the matrix W)"
