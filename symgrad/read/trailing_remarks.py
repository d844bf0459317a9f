"""A remark in words in brackets after a formula (``Let r = Wx − y (the residual).``, ``L = ... (cross-entropy)``): it
names what the formula is, and is blanked (columns kept), noted. Only words stand in it (no digit, operator, backslash
or underscore), one of three letters or more, none a condition's (``(if i equals j)`` is a case), with a space before its
bracket (``\\exp(theta)`` applies a function). An equation's number as a book prints it after the formula (``=a. (C.19)``:
an appendix letter, a dot, a number) is no value either: blanked, noted."""

from __future__ import annotations

import re

# words that make the bracket a condition (p_i (1 - p_i) (if i equals j)): a case, not a remark
_CONDITIONS = {"if", "when", "for", "where", "unless", "only", "provided", "except", "otherwise", "assuming", "given",
               "while", "whenever"}
_REMARK = re.compile(r"(?<=\s)\((?P<words>[A-Za-z' -]*[A-Za-z]{3}[A-Za-z' -]*)\)\s*[.,;]?\s*$")
_NUMBER = re.compile(r"(?<=\s)\((?P<words>[A-Z]{1,2}\.\d{1,3}[a-z]?)\)\s*[.,;]?\s*$")  # (C.19): Appendix C's 19th


def _remark(src: str) -> re.Match | None:
    """The remark ending ``src``, where ``src`` is a formula (an ``=`` before it)."""
    m = _NUMBER.search(src) or _REMARK.search(src)
    before = src[:m.start()] if m is not None else ""
    formula = "=" in before and before.rsplit("=", 1)[1].strip() != ""  # z = (abc) is a value, not a remark
    words = set(m.group("words").lower().split()) if m is not None else set()
    return m if m is not None and formula and not re.search(r"\s-|-\s", m.group("words")) and \
        not words & _CONDITIONS else None


def _kind(m: re.Match) -> str:
    return "its equation's number" if m.re is _NUMBER else "a remark in words"


def remark_blanked(src: str) -> str:
    """``src`` without a remark in words in brackets at its end, the same width."""
    m = _remark(src)
    return src if m is None else src[:m.start()] + " " * (len(src) - m.start())


def remark_notes(src: str) -> list[str]:
    """What ``remark_blanked`` dropped, as a note for the verdict."""
    m = _remark(src)
    return [] if m is None else [f"text: ({m.group('words')}) after the formula read as {_kind(m)}: dropped"]
