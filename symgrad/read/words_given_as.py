"""A name said equal to a formula in words (``$$Y$$ is given as $$Y=XW^T$$``, ``$\\bf{o}$ is a vector given by
$\\bf{Wx+b}$``): the definition the sentence states, ``Y = XW^T``, ``o = Wx+b``, and the words after it (``where $$Y, X,
W$$ are all matrices``) for the caller to read as a sentence of their own."""

from __future__ import annotations

import re

_SPAN = r"(?:\$\$(?P<{0}>[^$]+)\$\$|\$(?P<{0}_>[^$]+)\$|\\\((?P<{0}__>.+?)\\\))"
# a name; \bf{o} is not read as bold by the reader yet (the sentence stays unread rather than o = ... among numbers)
_NAME = r"(?!\\(?:bf|rm|it)(?![A-Za-z]))(?:\\?[A-Za-zα-ωΑ-Ω]+(?:\{[^{}]*\})?(?:_\{?[A-Za-z0-9]+\}?)?|\\(?:mathbf|boldsymbol|bm)\s*\{\s*\\?[A-Za-z]+\s*\})"
_SENTENCE = re.compile(
    rf"\s*{_SPAN.format('name')}\s+(?:is|be)\s+(?P<kind>(?:a|an|the)\s+(?:(?:column|row)\s+)?(?:vector|matrix|scalar)\s+)?"
    rf"(?:given|defined|computed|written)\s+(?:as|by)\s+{_SPAN.format('formula')}\s*(?P<rest>.*?)\s*[.]?\s*",
    re.IGNORECASE)


def _span(m: re.Match, group: str) -> str:
    return next(m[g] for g in (group, f"{group}_", f"{group}__") if m[g] is not None).strip()


def given_as_in_words(text: str) -> tuple[str, str, str] | None:
    """``(definition, rest, note)`` for a sentence saying a name is given as a formula, the rest the words after the
    formula and the kind it names (``o is a vector``), empty when none; None for any other sentence, or a name that is no single name."""
    m = _SENTENCE.fullmatch(text)
    if m is None:
        return None
    name, formula = _span(m, "name"), _span(m, "formula")
    if not re.fullmatch(_NAME, name):
        return None
    sides = formula.split("=")
    if len(sides) > 2 or (len(sides) == 2 and sides[0].strip() != name):
        return None  # "Y is given as Z = XW": which name is defined is a guess
    definition = formula if len(sides) == 2 else f"{name} = {formula}"
    kind = m["kind"] if m["kind"] and "scalar" not in m["kind"].lower() else None  # a scalar: as undeclared names are
    rest = m["rest"] if not kind else f"{name} is {kind.strip()}, {m['rest']}".rstrip(", ")  # its kind too
    said = " ".join(text[:m.start("rest")].split()) if m["rest"] else " ".join(text.split())
    return definition, rest, f"'{said.rstrip('.')}' read as the definition {definition}"
