"""Checks on a claim's and a definition's text before the reader takes it apart: whether it tokenizes, and whether
one --define holds two definitions (``\\hat p = ..., \\quad \\sigma(z) = ...``; ``g(x) = A, \\qquad g'(x) = B`` refused)."""

from __future__ import annotations

from ..errors import ParseError


def _tokenizes(text: str) -> bool:
    from ..read.tokens import tokenizes

    return tokenizes(text)


def _statements(text: str) -> list[str]:
    """The definitions one --define holds: ``\\hat p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}, \\quad \\sigma(z) = ...`` is two,
    parted at the comma before the second's head (a function of its own, another name); ``g(x) = A, \\qquad g'(x) =
    B`` is refused - read as one = chain, g would be defined by whichever side reads, here g' (a page's g(x) defined
    as its own derivative), and a derivative stated beside its function is no definition."""
    from ..read.definition_sentences import definitions_in_sentence, joining_words
    from ..read.tokens import _split, _tokens

    formulas = definitions_in_sentence(text)  # Let $z = Wx$ and $p = softmax(z)$.: each formula, its columns kept
    if formulas is not None:
        return [part for formula in formulas for part in _statements(formula)]
    if not _tokenizes(text):
        return [text]  # the reader reports it, with its column
    toks = _tokens(text)
    first = {t.text for t in _split(toks, {"="})[0] if t.kind in ("letter", "cmd")}
    for side in _split(toks, {"="})[1:-1]:
        pieces = _split(side + toks[-1:], {","})
        head = pieces[-1][1:] if len(pieces) > 1 else []
        head = head[joining_words(head):]  # , \text{ then } \sigma(x) = ...: the words only join the two
        k = 1
        while k < len(head) and head[k].text in ("'", "^", "{", r"\prime", "}"):
            k += 1
        if len(head) > k + 1 and head[0].kind in ("letter", "cmd") and head[k].text == "(" and \
                head[-1].text == ")":
            if k == 1 and head[0].text not in first:  # another function's definition: two statements
                comma, start = pieces[-1][0].col - 1, head[0].col - 1
                return [text[:comma], *_statements(" " * start + text[start:])]  # its columns kept
            raise ParseError("two definitions in one --define, the second starting after this comma (read as one "
                             "= chain, the first name would be defined by the second's right side): give each its "
                             "own --define", column=pieces[-1][0].col, source=text)
    return [text]
