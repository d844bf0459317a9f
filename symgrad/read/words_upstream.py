"""An upstream gradient said in words (``dlogits is the gradient of the loss with respect to logits``, ``delta is
dL/dz``): the equation ``\\frac{\\partial L}{\\partial logits} = dlogits`` that the upstream reader takes (a name for the
loss's gradient by an intermediate, the loss itself defined nowhere). "The loss" (cost, objective, error) is L; a
word of several letters is an upright name (``\\mathrm{logits}``), as code names are."""

from __future__ import annotations

import re

_NAME = r"(\\?[A-Za-zα-ωΑ-Ω]+(?:\s*\{[^{}]*\})?(?:_\{?[A-Za-z0-9]+\}?)?)"
_LOSS_WORDS = r"(?:loss|cost|objective|error)(?:\s+function)?"
_BY = r"(?:with\s+respect\s+to|w\.?\s*r\.?\s*t\.?|by)"
_GRADIENT = re.compile(
    rf"{_NAME}\s+(?:is|denotes|=)\s+(?:the\s+)?(?:(?:upstream|incoming|backpropagated)\s+)?(?:gradient|derivative)\s+of\s+"
    rf"(?:the\s+)?({_LOSS_WORDS}|\\?[A-Za-z]+)\s+{_BY}\s+(?:the\s+)?(?:(?:output|input|activation|vector|matrix)s?\s+)?{_NAME}",
    re.IGNORECASE)
# "\frac{\partial L}{\partial y_j} is the gradient of the loss function L with respect to y_j (which can be computed by
# backpropagation)": the derivative written, said to be the upstream gradient - given a name of its own, dLdy
_SAID_UPSTREAM = re.compile(
    rf"\\[dt]?frac\s*\{{\s*\\partial\s*{_NAME}\s*\}}\s*\{{\s*\\partial\s*(?P<by>\\?[A-Za-z]+)(?:_\{{?(?P<index>[A-Za-z])\}}?)?\s*\}}"
    rf"\s+(?:is|denotes)\s+(?:the\s+)?(?:upstream\s+)?gradient\s+of\s+(?:the\s+)?(?:{_LOSS_WORDS}\s+)?(?P<loss>{_NAME[1:-1]})?"
    rf"\s*{_BY}\s+(?:the\s+)?(?P<again>{_NAME[1:-1]})(?:\s*,?\s*(?:which\s+)?(?:can\s+be\s+|is\s+)?(?:computed|obtained|"
    r"calculated)\s+(?:by|through|via|with)\s+back-?propagation)?", re.IGNORECASE)
_FRACTION = re.compile(rf"{_NAME}\s+(?:is|denotes|=)\s+(?:the\s+)?d\s*([A-Za-z]|\\ell)\s*/\s*d\s*{_NAME}")


_GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "lambda", "mu", "nu", "xi", "pi", "rho",
          "sigma", "tau", "phi", "chi", "psi", "omega", "Delta", "Sigma", "Omega"}


def _upright(name: str) -> str:
    """``logits`` as ``\\mathrm{logits}``: a plain word of several letters is one name, not a product of letters; a
    Greek letter spelled out (``delta``) is that letter."""
    if name in _GREEK:
        return "\\" + name
    return rf"\mathrm{{{name}}}" if re.fullmatch(r"[A-Za-z]{2,}", name) else name


def upstream_in_words(plain: str) -> str | None:
    """The LaTeX equation of an upstream gradient said in words (``plain`` without its math marks and opening word),
    or None when it is no such sentence."""
    m = _GRADIENT.fullmatch(plain.strip())
    if m is not None:
        loss = "L" if re.fullmatch(_LOSS_WORDS, m[2], re.IGNORECASE) else m[2]
        return rf"\frac{{\partial {loss}}}{{\partial {_upright(m[3])}}} = {_upright(m[1])}"
    m = _SAID_UPSTREAM.fullmatch(plain.strip())
    by = m and (m["by"] + (f"_{m['index']}" if m["index"] else ""))
    if m is not None and (m["loss"] or m[1]) == m[1] and " ".join(m["again"].replace("{", "").replace("}", "").split()) == by:
        loss = m[1].lstrip("\\")
        name = rf"\mathrm{{d{loss}d{m['by'].lstrip(chr(92))}}}" + (f"_{m['index']}" if m["index"] else "")
        return rf"\frac{{\partial {m[1]}}}{{\partial {by}}} = {name}"
    m = _FRACTION.fullmatch(plain.strip())
    if m is not None:
        return rf"\frac{{\partial {m[2]}}}{{\partial {_upright(m[3])}}} = {_upright(m[1])}"
    return None
