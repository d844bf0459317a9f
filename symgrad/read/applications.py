"""A capital letter nothing defines, written applied to a parenthesised argument (``H(x)``, ``S(y)``): a function of
the argument (the Heaviside H, the softmax S), or the letter times it. Nothing says which, so it is refused naming both
readings. Spaced, ``Q (K^\\top)`` stays a product, as does a lower-case or Greek letter before a parenthesis
(``\\alpha(e^x - 1)``, ``y(wx)``): pages write constants so far more often than functions.

A letter of any case applied to the very variable the formula differentiates by (``\\frac{\\partial}{\\partial
\\theta}|\\mathbf{A}(\\theta)|``, ``\\frac{d}{dx}[a(x)^2]``) says the letter depends on it: read as a product it
would be a constant, and its derivative written later (``\\frac{\\partial}{\\partial \\theta}[\\mathbf{A}]``) zero,
calling the page's identity wrong; as an unknown function of it nothing gives its value. Nothing defining the letter,
it is refused naming both readings."""

from __future__ import annotations

from .tokens import _Tok


def refuse_unknown_application(p, name: str, tok: _Tok, indexed: bool) -> None:
    """Raise where ``name`` (at ``tok``, not ``indexed``, the parser ``p`` at its ``(``) is a capital letter glued to
    its ``(`` that nothing defines, declares, binds or has read yet: ``H(x)`` is Heaviside's H of x, or H times x."""
    refuse_dependent_letter(p, name, tok, indexed)
    if indexed or not (p.at("(") and p.peek().col == tok.col + 1 and tok.kind == "letter" and len(name) == 1
                                       and name.isupper()):
        return
    if name in p.new_scalars or name in p.params or p.lookup_base(name) is not None or name in p.ctx.definitions \
            or name in p.ctx.sizes or name in p.sizes or p.is_index(name) or any(name in s for s in p.binders):
        return
    raise p.error(f"{name}(...) has two readings: a function {name} of the argument, or {name} times it, and nothing "
                  f"defines {name}: define it ({name}(x) = ...) or write the product {name} \\cdot (...)", tok)


def refuse_dependent_letter(p, name: str, tok: _Tok, indexed: bool) -> None:
    """Raise where the letter ``name`` (at ``tok``, the parser at its ``(``), glued to its parenthesis, is applied
    to exactly a variable the formula differentiates by, and nothing defines it: ``A(\\theta)`` beside
    ``\\partial \\theta``."""
    if indexed or len(name) != 1 or not name.isalpha() or not p.at("(") or not _glued(p.toks, p.pos):
        return
    argument = _argument(p.toks, p.pos)
    if not argument or not _differentiated_by(p.toks, argument):
        return
    if name in p.ctx.definitions or name in p.ctx.functions or name in p.params or any(name in s for s in p.binders):
        return
    written = "".join(t.text if t.kind != "cmd" else t.text + " " for t in argument).strip()
    raise p.error(f"{name}({written}) has two readings: a function {name} of {written}, the variable differentiated "
                  f"by (its derivative then unknown), or {name} times {written} (a constant, its derivative 0), and "
                  f"nothing defines {name}: define it ({name}({written}) = ...) or write the product "
                  f"{name} \\cdot {written}", tok)


def _glued(toks: list[_Tok], k: int) -> bool:
    """Whether the ``(`` at ``k`` follows the token before it with no space (``A(``, ``\\mathbf{A}(``)."""
    return k > 0 and toks[k - 1].col + len(toks[k - 1].text) == toks[k].col


def _argument(toks: list[_Tok], k: int) -> list[_Tok]:
    """The tokens inside the parenthesis opening at ``k`` when they hold no parenthesis or comma, else none."""
    for j in range(k + 1, min(k + 8, len(toks))):
        if toks[j].text == ")":
            return toks[k + 1:j]
        if toks[j].text in ("(", ",", "") or toks[j].kind == "end":
            return []
    return []


def _differentiated_by(toks: list[_Tok], argument: list[_Tok]) -> bool:
    """Whether a derivative's denominator in ``toks`` is ``\\partial`` or ``d`` then exactly ``argument`` then
    ``}``."""
    texts, n = [t.text for t in toks], len(argument)
    wanted = [t.text for t in argument]
    for j, text in enumerate(texts[:-n - 1]):
        if (text == r"\partial" or (text == "d" and j > 0 and texts[j - 1] == "{")) \
                and texts[j + 1:j + 1 + n] == wanted and texts[j + 1 + n] == "}":
            return True
    return False
