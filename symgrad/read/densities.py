"""A probability density named in words (``p(x) denote a multidimensional Gaussian pdf characterized by the mean vector
m and the covariance matrix S``, ``f(x) is the normal density with mean \\mu and variance \\sigma^2``): one table of the
densities pages name, each with the words of its parameters and its formula; the sentence becomes the definition of
the named density (and the shapes a multivariate one needs), noted."""

from __future__ import annotations

import re

_NAME = r"(\\?[A-Za-z]+(?:\{[^{}]*\})?)"
_PARAMETER = r"(\\?[A-Za-z]+(?:\{[^{}]*\})?(?:\^\{?2\}?)?)"
_HEAD = rf"(?:let\s+)?{_NAME}\s*\(\s*{_NAME}\s*\)\s+(?:denotes?|is|be|=)\s+(?:an?\s+|the\s+)?"
_KIND = r"(?:pdf|density|density\s+function|probability\s+density(?:\s+function)?|distribution)"
_WITH = r"(?:characteri[sz]ed\s+by|with|of|parameteri[sz]ed\s+by|given\s+by)\s+(?:the\s+|a\s+)?"
# (kind words, parameter words in order, formula with {x} and the parameters, shapes it needs, what the note says)
_DENSITIES = [
    (r"(?:multi-?dimensional|multivariate|d-dimensional|n-dimensional)\s+(?:gaussian|normal)",
     (r"mean(?:\s+vector)?", r"covariance(?:\s+matrix)?"),
     r"{p}({x}) = \frac{{1}}{{\sqrt{{(2\pi)^{{n}} \det({1})}}}} \exp\left(-\frac{{1}}{{2}}({x} - {0})^T {1}^{{-1}} ({x} - {0})\right)",
     r"{x} \in \mathbb{{R}}^{{n}}, {0} \in \mathbb{{R}}^{{n}}, {1} \in \mathbb{{R}}^{{n \times n}}, {1} \succ 0, ",
     "the multivariate Gaussian density (x, the mean of size n; the covariance n x n, symmetric positive definite)"),
    (r"(?:univariate\s+)?(?:gaussian|normal)", (r"mean", r"variance"),
     r"{p}({x}) = \frac{{1}}{{\sqrt{{2\pi {1}}}}} \exp\left(-\frac{{({x} - {0})^2}}{{2 {1}}}\right)", "",
     "the Gaussian density by its mean and variance"),
    (r"(?:univariate\s+)?(?:gaussian|normal)", (r"mean", r"standard\s+deviation"),
     r"{p}({x}) = \frac{{1}}{{\sqrt{{2\pi}} {1}}} \exp\left(-\frac{{({x} - {0})^2}}{{2 {1}^2}}\right)", r"{1} > 0, ",
     "the Gaussian density by its mean and standard deviation"),
]


def density_in_words(spaced: str) -> tuple[str, str] | None:
    """The LaTeX facts of a sentence naming a density (``spaced``: without its math marks) and its note, or None when
    it is no such sentence."""
    for kind, words, formula, shapes, said in _DENSITIES:
        parameters = rf"\s+{_PARAMETER}\s*,?\s+and\s+(?:the\s+|a\s+)?".join(rf"{w}" for w in words)
        m = re.fullmatch(rf"{_HEAD}{kind}\s+{_KIND}\s+{_WITH}{parameters}\s+{_PARAMETER}\s*\.?", spaced.strip(),
                         re.IGNORECASE)
        if m is not None:
            p, x, *values = m.groups()
            defined = formula.format(*values, p=p, x=x)
            return shapes.format(*values, x=x) + defined, f"'{spaced.strip()}' read as {said}: {defined}"
    return None
