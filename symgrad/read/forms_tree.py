"""The form of each fact in a ``--given`` string, by the grammar ``facts.lark`` (read/forms.py): a list of (form,
tokens). Lark loads with this module, which read/forms.py imports only for a string that has facts to read."""

from __future__ import annotations

import functools
from pathlib import Path

from lark import Lark, Token, Transformer, UnexpectedInput
from lark.lexer import Lexer

from ..errors import ParseError
from .tokens import _DOTS, _NAMED, _arg_text, _Tok

# the grammar's terminal for each token text; every other token is an ATOM
_KINDS = {
    ",": "COMMA", ";": "BREAK", r"\quad": "BREAK", r"\qquad": "BREAK", r"\;": "BREAK", r"\forall": "BREAK",
    r"\in": "IN", "=": "EQ", r"\colon": "COLON", ":": "COLON", r"\to": "TO", r"\rightarrow": "TO",
    r"\succ": "SUCC", r"\succeq": "SUCC", r"\sim": "SIM",
    "{": "OPEN", "(": "OPEN", "[": "OPEN", r"\{": "OPEN", "}": "CLOSE", ")": "CLOSE", "]": "CLOSE", r"\}": "CLOSE",
    **{d: "DOTS" for d in _DOTS},
    **{r: "REL" for r in ("<", ">", r"\lt", r"\gt", r"\le", r"\leq", r"\leqslant", r"\ge", r"\geq", r"\geqslant")},
}
# words that separate facts: x \in R^n \text{ and } y \in R;  w_k \in R^D \text{ for } k = 1, \dots, K
_WORDS = {"and", "for", "forall", "where", "with", "st", "s.t.", "suchthat", "given", "when", "if", "let", "foreach",
          "forevery", "forsome"}
_FORMS = ("membership", "tuple_membership", "range", "tuple", "signature", "bounds", "definite", "distribution",
          "equation")


def _and(toks: list[_Tok], k: int) -> int:
    """3 when the word and, typed in the formula with spaces around it, stands at ``k`` (``A \\in S and X \\in T``)."""
    word = toks[k:k + 3]
    if [t.text for t in word] != ["a", "n", "d"] or word[1].col != word[0].col + 1 or word[2].col != word[0].col + 2:
        return 0
    before, after = toks[k - 1] if k else None, toks[k + 3]
    spaced = (before is None or before.col + len(before.text) < word[0].col) and (after.col > word[2].col + 1 or
                                                                                  after.kind == "end")
    return 3 if spaced and before is not None else 0


def _word(toks: list[_Tok], k: int) -> int:
    """Tokens of a separating word at ``k`` (``\\text{ and }``, ``\\text{for}``), or 0."""
    if toks[k].text in _NAMED and toks[k + 1].text == "{":
        text, end = _arg_text(toks, k + 1)
        return end - k if text.lower() in _WORDS else 0
    return 0


def _lark_tokens(toks: list[_Tok]) -> list[Token]:
    """One Lark token per reader token (a separating word is one BREAK); ``start_pos`` is the index in ``toks``."""
    out, k = [], 0
    while k < len(toks) - 1:
        n = _word(toks, k) or _and(toks, k)
        kind = "BREAK" if n else _KINDS.get(toks[k].text, "ATOM")
        out.append(Token(kind, toks[k].text, start_pos=k, column=toks[k].col))
        k += max(n, 1)
    return out


class _Stream(Lexer):
    """Hands Lark the tokens already made (the reader tokenises itself, to keep its columns)."""

    def __init__(self, conf):
        pass

    def lex(self, data, *args):
        yield from data


class _Forms(Transformer):
    """Each form of fact becomes ``(form, first, last)``: the index range of its tokens."""

    def span(self, children):
        first, last = _ends(children)
        return first, last

    def group(self, children):
        return _ends(children)

    def names(self, children):
        return _ends(children)

    def start(self, children):
        return [c for c in children if isinstance(c, tuple) and c and c[0] in _FORMS]


def _ends(children) -> tuple[int, int]:
    positions = [p for c in children for p in ((c.start_pos,) if isinstance(c, Token) else c)]
    return min(positions), max(positions)


for _form in _FORMS:
    setattr(_Forms, _form, lambda self, children, form=_form: (form, *_ends(children)))


@functools.cache
def _grammar() -> Lark:
    return Lark(Path(__file__).with_name("facts.lark").read_text(), parser="earley", lexer=_Stream)


def parsed_forms(toks: list[_Tok], latex: str) -> list[tuple[str, list[_Tok]]]:
    """The facts of a ``--given`` string: each form (a rule of ``facts.lark``) with its tokens."""
    stream = _lark_tokens(toks)
    try:
        tree = _grammar().parse(stream)
    except UnexpectedInput as e:
        token = getattr(e, "token", None)
        column = getattr(token, "column", None) or (stream[0].column if stream else 1)
        raise ParseError("expected a fact such as x \\in \\mathbb{R}^{n}, i = 1, \\dots, N or p_i > 0",
                         column=column, source=latex) from None
    return [(form, toks[first:last + 1]) for form, first, last in _Forms().transform(tree)]
