"""Words that announce a claim written after them, in three forms pages use:

- before a formula that names its own derivative (``The first derivative is softsign'(x) = 1/(1 + |x|)^2.``): the
  words add nothing and are set aside;
- around the derivative written as a formula (``the derivative df/dx is equal to f(x)(1 - f(x))``): the words read as
  the =, ``df/dx = f(x)(1 - f(x))``;
- a derivative in words that ``read/sentences`` reads (``Taking the derivative with respect to b would then give,
  -2(ax + b - y)``), then its value: the words read as that derivative, then =;
- a derivative written as a formula, then words that say its value (``\\frac{d}{dx} \\log(1 + e^x) is indeed
  \\frac{1}{1 + e^{-x}}``): the words read as the =;
- the derivative of a function written with its one argument (``the tanh(x) derivative is 1 - tanh^2(x)``, ``the
  derivative of f(x) is ...``, a docstring's ``returns derivative of tanh(x) which is 1 - x^2``): the words read as the
  derivative by that argument, ``d/dx tanh(x) =``.

Each keeps the columns (the words blanked, the same width) and is noted. Words that name no derivative
(``the derivative should be 2x``: of what, by what?) stay, refused where they are read."""

from __future__ import annotations

import re

from .claim_double_equals import double_equals_spelled
from .code_heads import claim_named_in_code
from .context import Context
from .sentences import derivative_in_words

_ANNOUNCED = re.compile(r"^\s*(?:the\s+)?(?:(?:first|1st)\s+)?(?:partial\s+)?(?:derivative|gradient)s?\s*"
                        r"(?::|(?:is|are|should\s+be|would\s+be|will\s+be|becomes|equals)(?![A-Za-z])\s*:?)\s*",
                        re.IGNORECASE)
_NAMING = re.compile(r"^\s*(?:the\s+)?(?:(?:first|1st)\s+)?(?:partial\s+)?(?:derivative|gradient)\s+", re.IGNORECASE)
_SAYS = re.compile(r"\s*,?\s*(?<![A-Za-z])(?:is\s+equal\s+to|is\s+given\s+by|equals|is(?:\s+(?:indeed|simply|just))?"
                   r"|(?:would|will)\s+(?:then\s+)?give|gives|we\s+(?:get|have|obtain))(?![A-Za-z])\s*[,:]?\s*",
                   re.IGNORECASE)
# a derivative named on the left of the formula's first =: a prime, a partial, a nabla, a d fraction, d/dx
_HEAD = re.compile(r"'|\\prime|\\partial|∂|\\nabla|∇|\\d?frac\s*\{\s*d|(?<![A-Za-z])d\w*\s*/\s*d")
_WORD = re.compile(r"[A-Za-z]{3,}")
_APPLIED = r"(?:\\?[A-Za-z]+|[^\x00-\x7f])\s*\(\s*([A-Za-z])\s*\)"  # tanh(x), \sigma(z), σ(z): one argument, a letter
_DERIVATIVE = r"(?:derivative|derivitive|derivate|derative)"  # as docstrings spell it
# a docstring's verb before it (returns derivative of tanh(x)), its "of" dropped (derivative sigmoid(x)), the argument
# restated after it (for a given x)
_OF_THE_FUNCTION = re.compile(rf"^\s*(?:(?:returns?|computes?|calculates?)\s+)?(?:the\s+)?(?:(?:first|1st)\s+)?"
                              rf"(?:{_DERIVATIVE}\s+(?:of\s+)?(?P<of>{_APPLIED})|(?P<named>{_APPLIED})(?:'s)?\s+{_DERIVATIVE})"
                              r"(?:\s+for\s+(?:a|any|each|the)\s+given\s+(?P<given>[A-Za-z]))?(?![A-Za-z])", re.IGNORECASE)
# a docstring's "which is" after the derivative (returns derivative of tanh(x) which is 1 - x^2): the derivative's value
_WHICH = re.compile(r"\s*,?\s*which(?=\s)", re.IGNORECASE)


def without_announcement(text: str, ctx: Context) -> str:
    """``text`` with the words that announce its formula read as the module docstring says; as written otherwise. A
    first member that is a code name for a derivative (``applyDerivative(x) =``) reads as that derivative; code's
    ``==`` joining the chain's members as its ``=`` (read/claim_double_equals.py)."""
    named = claim_named_in_code(text, ctx)
    if named is not None:
        return named
    for form in (_before_a_head, _around_a_head, _in_words, _of_the_function, _head_then_words):
        read = form(text)
        if read is not None:
            spelled, words = read
            note = f"'{words}' read as announcing the claim{'' if form is _before_a_head else ' (as =)'}"
            if note not in ctx.notes:  # the claim may be read more than once
                ctx.notes.append(note)
            return double_equals_spelled(spelled, ctx.notes)
    return double_equals_spelled(text, ctx.notes)


def _before_a_head(text: str) -> tuple[str, str] | None:
    """``The first derivative is f'(x) = ...``: the formula after the words, and the words."""
    m = _ANNOUNCED.match(text)
    if m is None or not m.group(0).strip() or not _heads(text[m.end():]):
        return None
    return " " * m.end() + text[m.end():], m.group(0).strip()


def _around_a_head(text: str) -> tuple[str, str] | None:
    """``the derivative df/dx is equal to V``: ``df/dx = V``, and the words."""
    m = _NAMING.match(text)
    if m is None:
        return None
    for says in _SAYS.finditer(text, m.end()):
        head, value = text[m.end():says.start()], text[says.end():]
        if head.strip() and value.strip() and "=" not in head and _HEAD.search(head) and \
                not _WORD.search(re.sub(r"\\[A-Za-z]+", "", head)):  # words (not commands) name something else
            written = text[:says.start()].strip()
            return " " * m.end() + head + "=".center(says.end() - says.start()) + value, written
    return None


def _in_words(text: str) -> tuple[str, str] | None:
    """``Taking the derivative with respect to b would then give, V``: the derivative's LaTeX, = and V (the LaTeX
    within the words' width), and the words."""
    for says in _SAYS.finditer(text):
        words, value = text[:says.start()], text[says.end():]
        spelled = derivative_in_words(words) if value.strip() and "=" not in words else None
        if spelled is not None and len(spelled) + 1 <= says.end():
            return (spelled + " = ").ljust(says.end()) + value, words.strip()
    return None


def _of_the_function(text: str) -> tuple[str, str] | None:
    """``the tanh(x) derivative is V``: ``d/dx tanh(x) = V`` (within the words' width), and the words."""
    m = _OF_THE_FUNCTION.match(text)
    which = _WHICH.match(text, m.end()) if m is not None else None
    says = _SAYS.match(text, which.end() if which else m.end()) if m is not None else None
    if says is None or not says.group(0).strip() or not text[says.end():].strip():
        return None
    function = m.group("of") or m.group("named")
    var = m.group(2) or m.group(4)
    if m.group("given") not in (None, var) or which and _SAYS.search(text, says.end()):
        return None  # another letter given; a second "is" (which may name the function: of tanh(x), which is ...)
    return f"d/d{var} {function} = ".ljust(says.end()) + text[says.end():], text[:says.start()].strip()


def _head_then_words(text: str) -> tuple[str, str] | None:
    """``\\frac{d}{dx} (...) is indeed V``: ``\\frac{d}{dx} (...) = V``, and the words."""
    for says in _SAYS.finditer(text):
        head, value = text[:says.start()], text[says.end():]
        if head.strip() and value.strip() and "=" not in head and _HEAD.search(head) and \
                not _WORD.search(re.sub(r"\\[A-Za-z]+", "", head)):
            return head + "=".center(says.end() - says.start()) + value, says.group(0).strip()
    return None


def _heads(formula: str) -> bool:
    """Whether ``formula`` has an = with a derivative on its left."""
    return "=" in formula and bool(_HEAD.search(formula.split("=", 1)[0]))
