"""Names declared in words by kind, size and adjectives, in any order pages write them (``A is real matrix n*n``,
``X a (d,p) matrix``, ``b is d-dimensional real vector``, ``x is an n×1 column vector``, ``A is a square matrix of size
n x n``, ``X invertible (and assuming symmetric)``): one reader of ``<names> [is] [a] [adjectives] [size] <kind>
[size]``. Each adjective is a fact symgrad uses (symmetric, positive definite), a note (invertible, real), or the
sentence is left unread: no word that changes the meaning is dropped."""

from __future__ import annotations

import re

from ..errors import ParseError
from .prose_matrices import BY_USE, VECTORS_BY_USE, is_capital

_NAME = (r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*(?:\{[^{}]*\}|\\?[A-Za-z]+)|\\?[A-Za-zα-ωΑ-Ω]+(?:\{[^{}]*\})?)"
         r"(?:_\{?[A-Za-z0-9]+\}?)?")  # \mathbf x, \mathbf{x}, \Sigma, x_i
_NAMES = rf"(?P<names>{_NAME}(?:\s*(?:,|,?\s+and)\s*{_NAME})*)"
_VERB = r"(?:is|are|be|being|denotes?|:)"
_ARTICLE = r"(?:a|an|the|some|two|three|both|all)"
_SIZE = r"(?:[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?|[1-9][0-9]*|\{[^{}]*\})"
# two sizes: n*n, n x n, n \times n, n×n, n-by-n, (p,p), [p, p]
_PAIR = rf"\(\s*({_SIZE})\s*,\s*({_SIZE})\s*\)|\[\s*({_SIZE})\s*,\s*({_SIZE})\s*\]|({_SIZE})\s*(?:\*|\\times|×|-\s*by\s*-)\s*({_SIZE})|" \
        rf"({_SIZE})\s+(?:x|by)\s+({_SIZE})|(\d+|[A-Za-z])x(\d+|[A-Za-z])"  # 3x4, px1, nxn
_REALS = r"(?:\\mathbb\s*\{?R\}?|\\R|R|ℝ)\s*\^\s*(?:\{([^{}]*)\}|(\S))"
# the words, each with what it is: a kind, an adjective (with the fact and note it states), a filler
_KINDS = {"matrix": "matrix", "matrices": "matrix", "vector": "vector", "vectors": "vector",
          "column vector": "vector", "column vectors": "vector", "column matrix": "vector", "row vector": "row",
          "row vectors": "row", "row matrix": "row", "scalar": "scalar", "scalars": "scalar", "number": "scalar",
          "numbers": "scalar", "real number": "scalar", "real numbers": "scalar"}
_ADJECTIVES = {
    "real": ("", ""), "real-valued": ("", ""), "real valued": ("", ""), "given": ("", ""), "known": ("", ""),
    "fixed": ("", ""), "constant": ("", ""), "arbitrary": ("", ""), "general": ("", ""), "square": ("", ""),
    "feature": ("", ""), "weight": ("", ""), "data": ("", ""), "design": ("", ""),  # a role's word: no fact
    "non-symmetric": ("", ""), "nonsymmetric": ("", ""), "not symmetric": ("", ""),
    "invertible": ("", "{name} is invertible: random points almost surely are"),
    "nonsingular": ("", "{name} is invertible: random points almost surely are"),
    "non-singular": ("", "{name} is invertible: random points almost surely are"),
    "symmetric": ("{name} = {name}^T", ""), "symmetrical": ("{name} = {name}^T", ""),
    "positive definite": (r"{name} \succ 0", ""), "positive-definite": (r"{name} \succ 0", ""),
    "positive semidefinite": (r"{name} \succeq 0", ""), "positive semi-definite": (r"{name} \succeq 0", ""),
    "covariance": (r"{name} \succ 0", "{name}, a covariance matrix, read as symmetric positive definite"),
    "variance-covariance": (r"{name} \succ 0", "{name}, a covariance matrix, read as symmetric positive definite"),
    "variance covariance": (r"{name} \succ 0", "{name}, a covariance matrix, read as symmetric positive definite"),
}
_MATRIX_ONLY = {"square", "symmetric", "symmetrical", "non-symmetric", "nonsymmetric", "not symmetric", "invertible",
                "nonsingular", "non-singular", "positive definite", "positive-definite", "positive semidefinite",
                "positive semi-definite", "covariance",
                "variance-covariance", "variance covariance"}
_FILLER = r"(?:,|and|also|assuming|assumed|(?:that\s+)?is|which\s+is|by\s+default)"  # (column vector by default)
_WORDS = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted({*_KINDS, *_ADJECTIVES}, key=len, reverse=True))
_SIZE_WORDS = r"(?:of|with)\s+(?:size|shape|dimensions?|length)|in"
_ORDER = r"of\s+order"  # a matrix of order n: n by n
_PIECE = re.compile(rf"\s*(?:(?P<pair>{_PAIR})|(?P<reals>{_REALS})|(?P<dimensional>{_SIZE})\s*-\s*dimensional|"
                    rf"(?P<sized>{_SIZE_WORDS})|(?P<order>{_ORDER})|(?P<word>{_WORDS})|(?P<filler>{_FILLER})|(?P<one>{_SIZE}))(?![A-Za-z0-9_-])",
                    re.IGNORECASE)
# after the names an article is lower case: "among A is ..." is no name "among" and an article "A"
_SENTENCE = re.compile(rf"\s*{_NAMES}\s*(?:(?P<verb>{_VERB})\s+|(?=(?:(?-i:{_ARTICLE})|{_WORDS})\b))(?:(?-i:{_ARTICLE})\s+)?"
                       r"(?P<rest>.+)", re.IGNORECASE)
_REMARK = re.compile(r"\(\s*([A-Za-z]{2,}[A-Za-z\s,-]*)\)")  # (and assuming symmetric): words, read as words


def declaration_in_words(plain: str) -> tuple[str, list[str]] | None:
    """The LaTeX facts and notes of a sentence declaring names by kind, size and adjectives (``plain``: without its
    math marks and opening word), or None when it is no such sentence or says something symgrad does not read."""
    m = _SENTENCE.fullmatch(_REMARK.sub(r" \1 ", plain.strip().rstrip(".")))
    if m is None:
        return None
    pieces = _pieces(m["rest"])
    if pieces is None:
        return None
    kind, sizes, adjectives = pieces
    names = [n.strip() for n in re.split(r",|\band\b", m["names"]) if n.strip()]
    if kind is None and (not adjectives or not m["verb"] and len(adjectives) < 1 or sizes):
        return None
    kind = kind or _kind_by_adjectives(adjectives, names)
    _square(sizes, adjectives, names, plain)
    space = _space(kind, sizes, adjectives, names)
    if space is None:
        _row_unsized(kind, sizes, names, plain)
        return None
    facts = [rf"{n} \in \mathbb{{R}}{space}" for n in names] if space else []
    by_use = {"matrix": BY_USE, "vector": VECTORS_BY_USE}.get(kind or "") if space == "" else None
    notes = [by_use.format(names=", ".join(names))] if by_use else []
    for word in adjectives:
        fact, note = _ADJECTIVES[word]
        facts += [fact.format(name=n) for n in names if fact]
        notes += [note.format(name=n) for n in names if note]
    return (", ".join(facts), notes) if facts or notes else None  # "is fixed": the descriptions' table says it


def _row_unsized(kind: str | None, sizes: list[tuple], names: list[str], plain: str) -> None:
    """Refuse ``x is a row vector`` (its orientation said, its size not), naming the spelling that reads it; a plain
    word for the names (``vectors are row vectors``) is no declaration."""
    if kind == "row" and not sizes and all(re.fullmatch(r"\\.*|[^_\s]{1,2}(?:_.*)?", n) for n in names):  # x, x_i
        raise ParseError(f"'{plain.strip()}': a row vector is read with its size: declare it ({names[0]} \\in "
                         r"\mathbb{R}^{1 \times n}, n its length)", column=1, source=plain)


_SQUARE_ONLY = _MATRIX_ONLY - {"square", "non-symmetric", "nonsymmetric", "not symmetric"}  # each says the matrix is square


def _square(sizes: list[tuple], adjectives: list[str], names: list[str], plain: str) -> None:
    """Refuse a matrix said square in its adjectives (symmetric, positive definite, invertible) with two sizes that
    differ (``A is a px1 symmetric matrix``): the sentence contradicts itself, and which part is meant is a guess."""
    said = sorted(_SQUARE_ONLY & set(adjectives))
    for size in sizes:
        if said and len(size) == 2 and size[0] != size[1]:
            raise ParseError(f"'{plain.strip()}': a {said[0]} matrix is square, but {', '.join(names)} is said "
                             f"{size[0]} x {size[1]}: give its shape as meant ({names[0]} \\in \\mathbb{{R}}^{{n \\times n}})",
                             column=1, source=plain)


def _kind_by_adjectives(adjectives: list[str], names: list[str]) -> str | None:
    """"matrix" for capitals given an adjective only a matrix has, with no kind (``A is square``), else None."""
    return "matrix" if _MATRIX_ONLY & set(adjectives) and all(is_capital(n) for n in names) else None


def _pieces(rest: str) -> tuple[str | None, list[str], list[str]] | None:
    """The kind, sizes and adjectives of the words after the verb, or None where a word is none of these."""
    kind, sizes, adjectives, at = None, [], [], 0
    while at < len(rest.rstrip()):
        p = _PIECE.match(rest, at)
        if p is None:
            return None
        at = p.end()
        if p["pair"]:
            sizes.append(tuple(s for s in p.groups()[1:11] if s is not None))
        elif p["reals"]:
            power = p.group(p.re.groupindex["reals"] + 1) or p.group(p.re.groupindex["reals"] + 2)
            sizes.append(tuple(s.strip() for s in re.split(r"\\times|×|\*", power)))
        elif p["dimensional"] or p["one"]:
            sizes.append(((p["dimensional"] or p["one"]).strip("{}"),))
        elif p["word"]:
            word = " ".join(p["word"].lower().split())
            if word in _KINDS:
                if kind is not None and _KINDS[word] != kind:
                    return None
                kind = _KINDS[word]
            else:
                adjectives.append(word)
        elif p["order"]:
            adjectives.append("square")
    return kind, sizes, adjectives


def _space(kind: str | None, sizes: list[tuple], adjectives: list[str], names: list[str]) -> str | None:
    """The power of R the kind and sizes say (``^{n \\times n}``; "" for a matrix of a shape its use settles, or for
    adjectives alone), or None where they disagree or say too little."""
    if len(set(sizes)) > 1 or (kind in ("vector", "row", "scalar") and _MATRIX_ONLY & set(adjectives)):
        return None
    size = sizes[0] if sizes else ()
    if kind == "scalar":
        return None if size else ""
    if kind in ("vector", "row"):
        if len(size) == 2 and "1" in size and size != ("1", "1"):
            size = (size[0] if size[1] == "1" else size[1],)
        if not size and kind == "vector":
            return ""  # "x, a are vectors": their sizes are read from their use (and checked: read_otherwise)
        if len(size) != 1:
            return None
        return f"^{{{size[0]}}}" if kind == "vector" else rf"^{{1 \times {size[0]}}}"
    if kind is None:
        return ""
    if len(size) == 1 and "square" in adjectives:
        size = (size[0], size[0])
    if len(size) == 2:
        return None if "square" in adjectives and size[0] != size[1] else rf"^{{{size[0]} \times {size[1]}}}"
    return "" if not size and all(is_capital(n) for n in names) else None


_GENERIC = re.compile(rf"\s*(?:a|an|every|any|each)\s+((?:(?:{_WORDS})\s+)*(?:matrix|vector))\s+is\s+(?:(?:always|also)\s+)?"
                      rf"((?:{_WORDS})(?:\s*(?:,|and)\s*(?:{_WORDS}))*)\s*", re.IGNORECASE)


def generic_in_words(spaced: str) -> str | None:
    """The note for a sentence about every matrix of a kind (``A covariance matrix is symmetric``: read with ``A`` the
    article, a general truth that names no name; the page's own formula says what holds of its names), or None."""
    m = _GENERIC.fullmatch(spaced.strip().rstrip("."))
    if m is None:
        return None
    return (f"'{spaced.strip()}' read as a statement about every {m[1]} (not about a name {spaced.split()[0]}): "
            "states nothing symgrad uses")
