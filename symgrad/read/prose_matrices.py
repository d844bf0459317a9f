"""Matrices declared in words (``Let $X$ be a square invertible $n \\times n$ matrix``, ``Let $X$, $A$, $B$ be real
matrices``): the shape the sentence gives, and each adjective either a fact symgrad uses (symmetric, positive
definite), a note (invertible, real), or refused by name: no word that changes the meaning is dropped."""

from __future__ import annotations

import re

from ..errors import ParseError
from .lazy_patterns import pattern

_NAME = r"\\?[A-Za-zα-ωΑ-Ω]+(?:\{[^{}]*\})?(?:_\{?[A-Za-z0-9]+\}?)?"
_NAMES = rf"({_NAME}(?:\s*(?:,|,?\s+and)\s*{_NAME})*)"
_DIM = r"([A-Za-z0-9]+|\{[^{}]*\})"
_BY = r"(?:\s*(?:\\times|×)\s*|\s+x\s+|(?<=\d)x(?=\d)|\s*-\s*by\s*-\s*|\s+by\s+)"
_ADJECTIVE = r"(?:[A-Za-z-]+(?:\s+(?:semi-?)?definite)?)"
_SENTENCE = pattern(rf"{_NAMES}\s+(?:is|be|are)\s+(?:(?:a|an|the)\s+)?((?:{_ADJECTIVE}\s+)*?)(?:{_DIM}{_BY}{_DIM}\s+)?"
                       rf"((?:{_ADJECTIVE}\s+)*?)matri(?:x|ces)(?:\s+(?:of|for)\s+(?:the\s+)?(?:data(?:\s*set)?|samples?|"
                       r"observations|training\s+(?:data|set)))?", re.IGNORECASE)  # the covariance matrix of the dataset
# "Let $X$ and $A$ be two matrices of same dimensions": one shape for all, its sizes named after the first matrix
_SAME = pattern(rf"{_NAMES}\s+(?:is|be|are)\s+(?:two\s+|both\s+)?(?:real\s+)?matri(?:x|ces)\s+of\s+(?:the\s+)?same\s+"
                   r"(?:dimensions?|sizes?|shapes?)", re.IGNORECASE)
# what each adjective states: (the fact it adds, with X for the name; a note) - a fact "" adds none
_ADJECTIVES = {
    "real": ("", ""), "real-valued": ("", ""), "square": ("", ""),
    "invertible": ("", "{name} is invertible: random points almost surely are"),
    "nonsingular": ("", "{name} is invertible: random points almost surely are"),
    "non-singular": ("", "{name} is invertible: random points almost surely are"),
    "symmetric": ("{name} = {name}^T", ""),
    "positive definite": (r"{name} \succ 0", ""),
    "positive-definite": (r"{name} \succ 0", ""),
    "positive semidefinite": (r"{name} \succeq 0", ""), "positive semi-definite": (r"{name} \succeq 0", ""),
    "covariance": (r"{name} \succ 0", "{name}, a covariance matrix, read as symmetric positive definite"),
    "variance": ("", ""),  # "variance covariance": the covariance says it
    "precision": (r"{name} \succ 0", "{name}, a precision matrix, read as symmetric positive definite"),
    "sample": ("", ""), "empirical": ("", ""),  # the sample covariance: estimated from data, a covariance still
    "given": ("", ""), "known": ("", ""), "fixed": ("", ""), "constant": ("", ""),
    # a role, not a property: the design matrix, the coefficient (weight, parameter) matrix
    "design": ("", ""), "coefficient": ("", ""), "weight": ("", ""), "parameter": ("", ""), "data": ("", ""),
}
BY_USE = "{names} declared matrices in words: their shapes are read from their use"
VECTORS_BY_USE = "{names} declared vectors in words: their sizes are read from their use"
# "( S ) is the covariance matrix": \( S \) with its backslashes lost, the parentheses only delimiting the name
_DELIMITED = pattern(rf"^\(\s*({_NAME})\s*\)\s+(?=(?:is|be|are)\s)")
_BOLD = pattern(r"\\(?:mathbf|boldsymbol|bm)\s*\{\s*(\\?[A-Za-z]+)\s*\}")
# what a name declared in words must be read as: (the note that declares it, its kind, whether a shape read fits)
_SAID = ((BY_USE, "matrix", lambda shape: bool(shape)), (VECTORS_BY_USE, "vector", lambda shape: len(shape or ()) == 1))


def is_capital(name: str) -> bool:
    """Whether ``name`` is a capital, which the reader may take for a matrix by its use: ``A``, ``\\Sigma``,
    ``\\mathbf{X}``, ``\\boldsymbol{\\Sigma}`` (where its use does not make it one, verify refuses it by name)."""
    bold = _BOLD.fullmatch(name)
    return (bold[1] if bold else name).lstrip("\\")[:1].isupper()


def read_otherwise(notes: list[str], tensors: dict) -> tuple[str, str, str] | None:
    """The first name a sentence declared a matrix or a vector (of a shape its use settles) that the reading of the
    problem made something else, with the kind the words said and what the reading made it; None when there is none:
    the words and the reading disagree, and the caller refuses."""
    for note in notes:
        for said, kind, fits in _SAID:
            m = re.fullmatch(re.escape(said).replace(r"\{names\}", "(.*)"), note)
            for name in re.split(r",\s*", m[1]) if m else ():
                key = _BOLD.sub(lambda b: b[1], name).lstrip("\\")
                shape = getattr(tensors.get(key), "shape", None) if key in tensors else None
                if key in tensors and not fits(shape):
                    return name, kind, f"an array of {len(shape)} axes" if shape else "a number"
    return None


def matrices_in_words(plain: str) -> tuple[str, list[str]] | None:
    """The LaTeX facts and the notes of a sentence declaring matrices (``plain``: without its math marks and opening
    word), or None when it is no such sentence; an adjective symgrad does not know is refused by name."""
    same = _SAME.fullmatch(plain.strip())
    if same is not None:
        names = [n.strip() for n in re.split(r",|\band\b", same[1]) if n.strip()]
        rows, columns = (f"{letter}_{{{names[0].strip(chr(92))}}}" for letter in "mn")
        return ", ".join(rf"{n} \in \mathbb{{R}}^{{{rows} \times {columns}}}" for n in names), [
            f"{', '.join(names)}: matrices of one shape, {rows} x {columns} (sizes named here)"]
    m = _SENTENCE.fullmatch(_DELIMITED.sub(r"\1 ", plain.strip()))
    if m is None:
        return None
    plain = _DELIMITED.sub(r"\1 ", plain.strip())
    names = [n.strip() for n in re.split(r",|\band\b", m[1]) if n.strip()]
    words = re.findall(rf"{_ADJECTIVE}", f"{m[2]} {m[5]}")
    facts, notes = [], []
    if m[3]:
        if "square" in (w.lower() for w in words) and m[3] != m[4]:
            raise ParseError(f"a square matrix has as many rows as columns, not {m[3]} by {m[4]}",
                             column=plain.index(m[3]) + 1, source=plain)
        facts += [rf"{n} \in \mathbb{{R}}^{{{m[3]} \times {m[4]}}}" for n in names]
    elif not all(is_capital(n) for n in names):
        raise ParseError(f"{', '.join(names)}: a matrix needs its shape declared (x \\in \\mathbb{{R}}^{{m \\times n}}); "
                         "only capitals are read as matrices of a shape their use settles", column=1, source=plain)
    else:
        notes.append(BY_USE.format(names=", ".join(names)))
    for word in words:
        if word.lower() not in _ADJECTIVES:
            raise ParseError(f"'{word}' matrices: symgrad does not know what this says about a matrix (it reads "
                             f"{', '.join(_ADJECTIVES)}): state it as a formula or "
                             "leave it out", column=plain.index(word) + 1, source=plain)
        fact, note = _ADJECTIVES[word.lower()]
        facts += [fact.format(name=n) for n in names if fact]
        notes += [note.format(name=n) for n in names if note]
    return ", ".join(facts), notes
