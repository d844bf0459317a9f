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
    m = _FRACTION.fullmatch(plain.strip())
    if m is not None:
        return rf"\frac{{\partial {m[2]}}}{{\partial {_upright(m[3])}}} = {_upright(m[1])}"
    return None
