"""Definitions whose head is an expression of an unknown function (``\\log{L(\\mu,\\sigma^2)} = R``) or a name with
inputs that are not all names (``l(\\mu, \\sigma^2) = R``): the head, as written, names R; where the claim writes the
same head (the same tokens, braces aside) it is that name, noted; so is the head written without the unknown function's
inputs (``\\frac{\\partial(-\\ln L)}{\\partial \\mu}`` of ``-\\ln L(\\mu) = R``), as pages drop them once stated, where no
bracket follows it (``\\ln L(\\sigma)`` names another value). Nothing is inverted: a claim about L(\\mu,\\sigma^2)
itself, not its log, is not matched."""

from __future__ import annotations

from .context import Context
from .tokens import _Tok

_IGNORED = {"{", "}", r"\left", r"\right", ""}
_FONTS = {r"\mathrm", r"\operatorname", r"\text", r"\textrm", r"\mathit"}
_CLOSING = {"(": ")", "[": "]"}
_DOTS = {r"\dots", r"\ldots", r"\cdots", "..."}


def _kept(toks: list[_Tok]) -> list[int]:
    """The positions of the tokens a head is matched on: braces aside, and a list's comma after its dots
    (``x_1, ..., x_n`` is ``x_1, ...x_n``)."""
    kept: list[int] = []
    for k, t in enumerate(toks):
        if t.text not in _IGNORED and not (t.text == "," and kept and toks[kept[-1]].text in _DOTS):
            kept.append(k)
    return kept


def _text(t: _Tok) -> str:
    return r"\dots" if t.text in _DOTS else t.text


def record_head(head: list[_Tok], text: str, name: str, ctx: Context) -> None:
    """Remember that the head written as ``head`` (``text`` in the source) names ``name``."""
    key = _key(head)
    if len(key) > 1:
        ctx.written_heads[key] = (name, text)
    short = _without_inputs(key)
    if len(short) > 1 and short != key and short not in ctx.written_heads:
        ctx.written_heads[short] = (name, text)


def _without_inputs(key: tuple[str, ...]) -> tuple[str, ...]:
    """``key`` without its first bracketed inputs after a letter (``- \\ln L ( \\mu )``: ``- \\ln L``), where the key
    ends there; else ``key``."""
    opened = next((k for k in range(1, len(key)) if key[k] == "(" and key[k - 1].isalpha()), None)
    return key[:opened] if opened is not None and key[-1] == ")" and ")" not in key[opened + 1:-1] else key


def named_heads(toks: list[_Tok], ctx: Context) -> list[_Tok]:
    """``toks`` with each head a definition wrote (``l(\\mu, \\sigma^2)``) made the name it defines, noted."""
    for key, (name, text) in ctx.written_heads.items():
        toks = _primed(toks, key, name, text, ctx)
        free = _free_positions(key, name, ctx)
        after = 0  # past the last replacement: a head that names itself (f_i(y) = ..., short key f_i) ends there
        while (span := _find(toks, key, free, after)) is not None:
            start, end, letters = span
            if key[-1] != ")" and end < len(toks) and toks[end].text in ("(", "_", "^"):
                break  # \ln L(\sigma) of a head \ln L(\mu): another value; L_2, L^2: another name
            at = toks[start].col
            element = [_Tok("sym", "_", at), _Tok("sym", "{", at), *(_Tok("letter", x, at) for x in letters),
                       _Tok("sym", "}", at)] if letters else []
            # a - (-\ln L(\mu)): the head's own minus, after a term, is the sign of the name's value
            sign = [_Tok("sym", "+", at)] if key[0] == "-" and start and toks[start - 1].kind in ("letter", "digit") or \
                key[0] == "-" and start and toks[start - 1].text in (")", "}", "]") else []
            toks = [*toks[:start], *sign, _Tok("letter", name, at), *element, *toks[end:]]
            after = start + len(sign) + 1 + len(element)
            note = f"{text} read as {name}, the name its definition gives it" + (
                f" (its element at the index written in place of {', '.join(key[p] for p in free)})" if free else "")
            if note not in ctx.notes:
                ctx.notes.append(note)
    return toks


def _free_positions(key: tuple[str, ...], name: str, ctx: Context) -> list[int]:
    """Where the head ``f(z_i)`` writes the index of the element it defines (f_i), as a subscript or as a parameter
    of its own (``FL(x, t)``, FL_t): another letter there (``f(z_j)``, ``FL(x, j)``) names another element, f_j."""
    d = ctx.definitions.get(name)
    indices = {str(i) for i in (d.indices if d is not None else ())}
    return [p for p in range(1, len(key)) if key[p] in indices and (key[p - 1] == "_" or key[p - 1] in ("(", ",")
                                                                    and key[p + 1:p + 2] in ((",",), (")",)))]


def _primed(toks: list[_Tok], key: tuple[str, ...], name: str, text: str, ctx: Context) -> list[_Tok]:
    """``l'(f(g(h(w))))``, ``l^{\\prime}(...)`` of a head ``l(f(g(h(w))))`` a definition wrote: the derivative of its name
    by the one variable the head applies to (w; the rest are functions), noted; unchanged where it has several."""
    variables = [x for k, x in enumerate(key[1:], start=1) if x not in ("(", ")", ",")
                 and (k + 1 == len(key) or key[k + 1] != "(")]
    if key[1:2] != ("(",) or len(variables) != 1:
        return toks
    for mark in (("'",), ("^", r"\prime")):
        while (span := _find(toks, (key[0], *mark, *key[1:]))) is not None:
            start, end, _ = span
            at, var = toks[start].col, variables[0]
            made = [("cmd", r"\frac"), ("sym", "{"), ("letter", "d"), ("sym", "}"), ("sym", "{"), ("letter", "d"),
                    ("cmd" if var.startswith("\\") else "letter", var), ("sym", "}"), ("letter", name)]
            toks = [*toks[:start], *(_Tok(kind, word, at) for kind, word in made), *toks[end:]]
            note = f"the prime of {text} read as the derivative of {name} by {var}, the one variable its head names"
            if note not in ctx.notes:
                ctx.notes.append(note)
    return toks


def unknown_application(head: list[_Tok], ctx: Context) -> tuple[str, str] | None:
    """The name for a head that applies one name nothing defines to inputs (``\\log{L(\\mu,\\sigma^2)}``: logL), and
    that name's letter; else None."""
    calls = [k for k in range(len(head) - 1) if head[k].kind == "letter" and _applied(head, k)
             and not ctx.known(head[k].text)]
    if len(calls) != 1 or not any(t.text == _CLOSING[_applied(head, calls[0])] for t in head[calls[0]:]):
        return None
    name = "".join(t.text.lstrip("\\") for t in head[:calls[0] + 1] if t.kind in ("letter", "cmd") and t.text not in _FONTS)
    return None if ctx.declared_elsewhere(name) or name in ctx.functions else (name, head[calls[0]].text)


def _applied(head: list[_Tok], k: int) -> str:
    """The bracket that applies the letter at ``k`` to inputs: ``(`` (``L(\\mu)``), or ``[`` after a roman word
    (``\\mathrm{MLE} [X \\mid \\mu, \\sigma^2]``, the likelihood's brackets); "" where none does."""
    after = next((t.text for t in head[k + 1:] if t.text != "}"), "")
    roman = after == "[" and head[k + 1].text == "}" and k >= 2 and head[k - 1].kind == "letter" and any(
        t.text in _FONTS for t in head[max(0, k - 8):k])
    return after if after == "(" and head[k + 1].text == "(" or roman else ""


def _key(toks: list[_Tok]) -> tuple[str, ...]:
    return tuple(_text(toks[k]) for k in _kept(toks))


def _find(toks: list[_Tok], key: tuple[str, ...], free: list[int] = (), after: int = 0
          ) -> tuple[int, int, list[str]] | None:
    """The span of the first occurrence of ``key`` in ``toks`` at or after the token ``after`` (braces aside), widened
    to balance its braces, with the index letters written at the ``free`` positions of the key (any one letter may
    stand there)."""
    kept = [k for k in _kept(toks) if k >= after]
    texts = [_text(toks[k]) for k in kept]
    for s in range(len(texts) - len(key) + 1):
        written = texts[s:s + len(key)]
        if any(w != x and not (p in free and len(w) == 1 and w.isalpha()) for p, (w, x) in enumerate(zip(written, key))):
            continue
        start, end = kept[s], kept[s + len(key) - 1] + 1
        depth = sum((t.text == "{") - (t.text == "}") for t in toks[start:end])
        while depth > 0 and end < len(toks) and toks[end].text == "}":
            end, depth = end + 1, depth - 1
        while depth < 0 and start > 0 and toks[start - 1].text == "{":
            start, depth = start - 1, depth + 1
        letters = _letters(key, written, free)
        if depth == 0 and letters is not None:
            return start, end, letters
    return None


def _letters(key: tuple[str, ...], written: list[str], free: list[int]) -> list[str] | None:
    """The index letters written at the ``free`` positions, one per letter of the key (``\\log p(y^{(i)} | x^{(i)})``
    writes i twice: one index); None where one key letter is written as two (``y^{(i)} ... x^{(j)}``: not the head)."""
    by: dict[str, str] = {}
    for p in free:
        if by.setdefault(key[p], written[p]) != written[p]:
            return None
    return list(by.values())
