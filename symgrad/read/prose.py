"""Facts written as sentences (``$X$ is a real $m \\times n$ matrix``, ``Given a vector x∈Rn``): one table of
sentence patterns, each with the LaTeX fact it states. A sentence that matches no pattern is left as written, so
that the reader's own error (with its column) says what it could not read."""

from __future__ import annotations

import re

_NAME = r"(\\?[A-Za-z]+(?:\{[^{}]*\})?(?:_\{?[A-Za-z0-9]+\}?)?)"
_DIM = r"([A-Za-z0-9]+|\([^()]*\)|\{[^{}]*\})"
_A = r"(?:(?:a|an|the)\s+)?(?:real(?:-valued)?\s+)?"
_ELEMENTS = r"(?:\s*,?\s*with\s+elements\s+.*?)?(?:\s*\(.*\))?"
_SQUARE = rf"{_DIM}\s*(?:\\times|x|×)\s*{_DIM}"
_SCALAR = r"(?:scalar|number|constant|real number|real)"
_UPSTREAM = r"(?:(?:the|an?)\s+)?(?:(?:upstream|incoming|output)\s+)?(?:gradient\s+)?"
_DERIVATIVE = r"(\\d?frac\{.*?\}\{.*?\}|\\partial\s*\S+\s*/\s*\\partial\s*\S+|d\S+\s*/\s*d\S+)"
# (sentence, the fact it states); names and sizes are kept as written
_SENTENCES = [
    (rf"{_A}{_SCALAR}s?\s+{_NAME}", r"\1 \\in \\mathbb{R}"),
    (rf"{_NAME}\s+is\s+{_A}{_SCALAR}(?:\s+number)?", r"\1 \\in \\mathbb{R}"),
    (rf"(?:.*\s)?treating\s+{_NAME}\s+as\s+{_A}{_SCALAR}(?:\s+number)?", r"\1 \\in \\mathbb{R}"),
    (rf"{_NAME}\s+(?:is\s+)?{_A}{_DIM}\s*(?:\\times|x|×)\s*1\s+(?:column\s+)?vector{_ELEMENTS}",
     r"\1 \\in \\mathbb{R}^{\2}"),
    (rf"{_NAME}\s+(?:is\s+)?{_A}{_DIM}\s*(?:\\times|x|×)\s*{_DIM}\s+(?:real\s+)?matrix{_ELEMENTS}",
     r"\1 \\in \\mathbb{R}^{\2 \\times \3}"),
    (rf"(?:the\s+matrix\s+)?{_NAME}\s+is\s+{_A}square\s+matrix\s+(?:with|of)\s+(?:dimension|size|shape)s?\s+{_SQUARE}",
     r"\1 \\in \\mathbb{R}^{\2 \\times \3}"),
    (rf"(?:the\s+vector\s+)?{_NAME}\s+(?:is\s+)?{_A}vector\s+of\s+(?:length|size|dimension)\s+{_DIM}",
     r"\1 \\in \\mathbb{R}^{\2}"),
    (rf"{_NAME}\s+is\s+{_A}(?:(?:column\s+)?vector|matrix)?\s*(?:in\s+)?(\\mathbb\{{R\}}.*)", r"\1 \\in \2"),
    (rf"{_A}(?:column\s+)?(?:vector|matrix|scalar)\s+({_NAME}\s*(?:\\in|∈).*)", r"\1"),
    (rf"{_NAME}\s*=\s*\(\s*{_DIM}\s*,\s*{_DIM}\s*\)\s+.*matrix.*", r"\1 \\in \\mathbb{R}^{\2 \\times \3}"),
    (rf"{_NAME}\s+is\s+{_A}(?:symmetric\s+)?positive[\s-]definite(?:\s+matrix)?", r"\1 \\succ 0"),
    # an upstream gradient and the name the page gives it: "upstream gradient dL/dy (denoted as dy or `dout`)"
    (rf"{_UPSTREAM}{_DERIVATIVE}\s*\(\s*(?:denoted|written|called|named)\s+(?:as\s+|by\s+)?([^\s()]+)(?:\s+or\s+[^()]*)?\)",
     r"\1 = \2"),
    # "(dy, dx) upstream gradient dL/dy and downstream gradient dL/dx": the downstream one is what is derived
    ((rf"([^\s,]+)\s*,\s*(?:\\[;,:!]\s*)?([^\s,]+?)\s*(?:the\s+)?upstream\s+gradient\s+{_DERIVATIVE}\s+and\s+"
      rf"(?:the\s+)?downstream\s+gradient\s+.*"), r"\3 = \1"),
]
_OPENING = re.compile(r"^\s*(?:given|where|here|let|suppose|assume|and|with|we\s+are\s+given)\b[\s,:]*", re.IGNORECASE)
_MATH = re.compile(r"\$+|\\\(|\\\)")
_MANGLED_SPACE = re.compile(r"(\\in|∈)\s*R\^?\{?([A-Za-z0-9]+(?:\s*(?:\\times|×)\s*[A-Za-z0-9]+)?)\}?")


def from_prose(text: str) -> str:
    """The LaTeX fact a sentence states, or ``text`` unchanged when it is not one of the known sentences."""
    plain = _OPENING.sub("", _MATH.sub("", text)).strip().rstrip(".").strip()
    plain = _MANGLED_SPACE.sub(lambda m: rf"{m.group(1)} \mathbb{{R}}^{{{m.group(2)}}}", plain)
    for pattern, fact in _SENTENCES:
        m = re.fullmatch(pattern, plain, re.IGNORECASE)
        if m:
            return m.expand(fact)
    return text if plain == text.strip() else plain
