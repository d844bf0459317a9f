"""A chain copied from code, each line ending in the statement's ``;`` and the next line going on with ``=``
(``f'(x) = a e^x;`` then ``= f(x) + a;``): the ``;`` ends a line of the chain, and goes. A ``;`` right before ``=``
has no other reading (a column's entries, ``(y_1; y_2)``, are followed by an entry, not by ``=``)."""

from __future__ import annotations


def without_line_ends(toks: list) -> list:
    """``toks`` without each ``;`` that the next token, ``=``, continues."""
    return [t for k, t in enumerate(toks) if not (t.text == ";" and k + 1 < len(toks) and toks[k + 1].text == "=")]
