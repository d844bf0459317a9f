"""A layer named in words, its parts given their roles by the page (``let $x$ be the input vector, $y$ the output vector
of LayerNorm, $w$ the weight vector of LayerNorm, $b$ the bias vector of LayerNorm, $N$ the vector dimension,
$\\epsilon$ a very small constant``): the output is defined by the layer's formula, each part the name the page gives
it, and the parts get their shapes. One table of the layers, each with its formula and the parts it needs; a part the
formula needs that the page does not name is refused by name: a layer is never read with a part assumed."""

from __future__ import annotations

import re

from ..errors import ParseError

# each layer: the words naming it, its definitions in its parts ({x} input, {w} weight, {b} bias, {eps} the constant
# under the root, {n} the size; {mean}, {var} the names of its statistics), normalising over the entries of a vector
# with the variance's 1/n (the mean of the squares less the square of the mean: the same number, which the engine
# differentiates and evaluates in time where the mean inside the mean of squared deviations, written out, it does not)
_LAYERNORM = (r"{mean} = \frac{{1}}{{{n}}}\sum_{{k=1}}^{{{n}}} {x}_{{k}}",
              r"{var} = \frac{{1}}{{{n}}}\sum_{{k=1}}^{{{n}}} {x}_{{k}}^2 - {mean}^2",
              r"{y}_{{i}} = {w}_{{i}} \frac{{{x}_{{i}} - {mean}}}{{\sqrt{{{var} + {eps}}}}} + {b}_{{i}}")
_LAYERS = {"layernorm": ("LayerNorm", _LAYERNORM), "layer norm": ("LayerNorm", _LAYERNORM),
           "layer normalization": ("LayerNorm", _LAYERNORM), "layer normalisation": ("LayerNorm", _LAYERNORM)}
# the names of the mean and the variance (upright words, each read as one name): the first whose letters the output's
# name does not use (the reader takes a definition whose right side writes its own name's letter for an equation)
_STATISTICS = (("mean", "var"), ("MEAN", "VAR"), ("avg", "msd"))
_NEEDS = ("x", "w", "b", "eps", "n")
_WORDS_FOR = {"x": "input", "w": "weight", "b": "bias", "eps": "small constant", "n": "dimension"}

_NAME = r"(?P<name>\\?[A-Za-zα-ωΑ-Ω]+(?:_\{?[A-Za-z0-9]+\}?)?)"
_LAYER = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_LAYERS, key=len, reverse=True))
_OF = rf"\s+of\s+(?:the\s+|an?\s+)?(?P<layer>{_LAYER})(?:\s+layer)?"
_IS = r"(?:let\s+)?" + _NAME + r"\s+(?:be|is|denotes?|represents?)?\s*(?:the\s+|an?\s+)?"
_KIND = r"(?:\s+(?:vector|matrix|parameters?))?"
_ROLES = {"output": "y", "input": "x", "weight": "w", "gain": "w", "scale": "w", "bias": "b", "shift": "b"}
_PART = re.compile(rf"{_IS}(?P<role>{'|'.join(_ROLES)}){_KIND}(?:{_OF})?", re.IGNORECASE)
_SIZE = re.compile(rf"{_IS}(?:(?:vector|feature|input)\s+)?(?:dimension|size|length)(?:\s+of\s+the\s+(?:vectors?|input))?",
                   re.IGNORECASE)
_CONSTANT = re.compile(rf"{_IS}(?:very\s+)?small\s+(?:positive\s+)?(?:constant|number)(?:\s*,?\s*\(?\s*(?:used\s+)?"
                       r"to\s+avoid\s+(?:a\s+)?(?:division|dividing)\s+by\s+zero\s*\)?)?", re.IGNORECASE)


def _part(clause: str) -> tuple[str, str, str | None] | None:
    """(the part, its name, the layer named) a clause gives, or None."""
    clause = " ".join(clause.split()).strip(" .,;")
    if (m := _PART.fullmatch(clause)) is not None:
        return _ROLES[m["role"].lower()], m["name"], m["layer"]
    if (m := _SIZE.fullmatch(clause)) is not None:
        return "n", m["name"], None
    if (m := _CONSTANT.fullmatch(clause)) is not None:
        return "eps", m["name"], None
    return None


def layer_in_words(clauses: list[str]) -> tuple[str, list[str], set[int]] | None:
    """The facts a sentence naming a layer's output and parts states (``clauses``: its clauses, math marks as spaces):
    the output's definition and the parts' shapes, a note, and which clauses it read; None when no clause names the
    output of a layer. Raises when a part the layer needs is not named, or named twice."""
    parts = [_part(c) for c in clauses]
    outputs = [p for p in parts if p is not None and p[0] == "y" and p[2] is not None]
    if not outputs:
        return None
    words, formula = _LAYERS[" ".join(outputs[0][2].lower().split())]
    named: dict[str, str] = {"y": outputs[0][1]}
    for part in parts:
        if part is None or part[0] == "y" or part[2] is not None and _LAYERS[" ".join(part[2].lower().split())][0] != words:
            continue
        if named.get(part[0], part[1]) != part[1]:
            raise ParseError(f"the {_WORDS_FOR[part[0]]} of {words} is named twice ({named[part[0]]}, {part[1]}): say "
                             "which", column=1, source=", ".join(clauses))
        named[part[0]] = part[1]
    missing = [_WORDS_FOR[p] for p in _NEEDS if p not in named]
    if len(outputs) > 1 or missing:
        what = f"its {', '.join(missing)} not named" if missing else "several outputs named"
        raise ParseError(f"{named['y']} is named the output of {words}, {what}: give its definition "
                         f"({named['y']} = ...) or name each part", column=1, source=", ".join(clauses))
    letters = set(re.sub(r"\\[A-Za-z]+", "", named["y"]))  # a name of the statistics holds no letter of the output's
    mean, var = next(c for c in _STATISTICS if not letters & set("".join(c)))
    named |= {"mean": rf"\mathrm{{{mean}}}", "var": rf"\mathrm{{{var}}}"}
    definitions = [d.format(**named) for d in formula]
    shapes = [rf"{named[p]} \in \mathbb{{R}}^{{{named['n']}}}" for p in ("x", "w", "b")]
    facts = ", ".join([*shapes, rf"{named['eps']} > 0", *definitions])
    note = (f"{named['y']} read as the output of {words} of {named['x']} (weight {named['w']}, bias {named['b']}, "
            f"{named['eps']} under the root, the variance with 1/{named['n']}), as the page names its parts: "
            f"{'; '.join(definitions)}")
    return facts, [note], {k for k, p in enumerate(parts) if p is not None}
