"""A fact and what the page derives from it, in one line (``f(x) = 1 \\Rightarrow f'(x) = 0``, ``g(x) = 1 + e^{-px}
\\implies g'(x) = -pe^{-px}``): the definition is read; the consequence, the derivative of the function it defines, is
noted and not used (symgrad takes that derivative from the definition, so a slip in it changes no verdict). A
consequence of any other kind is left to the reader's refusal."""

from __future__ import annotations

import re

from .given_chains import telescoped

_IMPLIES = re.compile(r"\\(?:Rightarrow|implies|Longrightarrow|therefore)(?![A-Za-z])|⇒|⟹|=>")
_HEAD = re.compile(r"\s*\$?\s*(\\?[A-Za-z]+)\s*\(\s*\\?[A-Za-z]+\s*\)\s*(?::=|=)")
# the derivative of a named function: f'(x), f', \frac{d f}{dx}, \frac{df(x)}{dx}, \frac{d}{dx} f(x)
_DERIVATIVE = (r"\s*\$?\s*(?:{f}\s*(?:'|\^\s*\{{?\s*\\prime\s*\}}?)|\\d?frac\s*\{{\s*d\s*{f}\s*(?:\([^()]*\))?\s*\}}\s*\{{\s*d\s*\\?[A-Za-z]+\s*\}}|"
               r"\\d?frac\s*\{{\s*d\s*\}}\s*\{{\s*d\s*\\?[A-Za-z]+\s*\}}\s*{f}\b)")


def _top_level(text: str, at: int) -> bool:
    """Whether ``at`` lies outside braces and parentheses."""
    depth = 0
    for k, c in enumerate(text[:at]):
        escaped = k > 0 and text[k - 1] == "\\"
        depth += (c in "{(" and not escaped) - (c in "})" and not escaped)
    return depth == 0


def premise_and_note(text: str) -> tuple[str, str] | None:
    """The definition before an implication whose consequence is the derivative of the function it defines, and
    the note for the consequence; None for any other text."""
    m = next((m for m in _IMPLIES.finditer(text) if _top_level(text, m.start())), None)
    if m is None:
        return None
    premise, consequence = text[:m.start()], text[m.end():].strip().rstrip(".,;$").strip()
    head = _HEAD.match(premise)
    if head is None or _IMPLIES.search(consequence) or not re.match(
            _DERIVATIVE.format(f=re.escape(head[1])) + r"\s*(?:\([^()]*\))?\s*=", consequence):
        return None
    return premise, (f"'{consequence}' follows from {premise.strip()} as the page says: the derivative of {head[1]} "
                     "is taken from its definition, this line not used")


def restated(text: str) -> tuple[str, str] | None:
    """The fact a line restates in another form (a chain-rule product as the gradient it telescopes to, a definition
    with its derivative after it) and the note saying so; None for any other line."""
    return telescoped(text) or premise_and_note(text)
