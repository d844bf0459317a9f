"""A starred name (``w^*``, ``\\theta^{\\star}``, ``j^*`` in ``\\mathbb{1}(j = j^*)``): pages write the star for a fixed
value (an optimum, the true class) and never as a power, so it is the name ``w_{*}``, written as the reader writes
a labelled name. Inside a subscript (``u_{j^*}``) the label already reads whole and is left as written; a letter
that already has a subscript (``w_j^*``) is left too."""

from __future__ import annotations

_STARS = {"*", r"\ast", r"\star"}


def _star_end(toks: list, k: int) -> int | None:
    """The index past ``^*`` (or ``^{*}``, ``^\\ast``, ``^{\\star}``) starting at ``k``, or None."""
    if toks[k].text != "^":
        return None
    if toks[k + 1].text in _STARS:
        return k + 2
    if toks[k + 1].text == "{" and toks[k + 2].text in _STARS and toks[k + 3].text == "}":
        return k + 4
    return None


_GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "theta", "lambda", "mu", "sigma", "tau", "phi", "psi",
          "omega", "eta", "pi", "rho", "xi", "nu", "kappa", "zeta", "chi", "Sigma", "Theta", "Phi", "Omega"}


def _named(t: object) -> bool:
    """Whether ``t`` is a letter or a Greek letter."""
    return t.kind == "letter" or t.kind == "cmd" and t.text[1:].isalpha() and t.text[1:] in _GREEK


def starred(toks: list, tok: type) -> list:
    """``toks`` with each starred name outside a subscript as ``name_{*}`` (columns kept)."""
    out, k, depth, sub = [], 0, 0, []
    while k < len(toks):
        t = toks[k]
        end = _star_end(toks, k + 1) if k + 1 < len(toks) and _named(t) else None
        if end is not None and not sub and not (k and toks[k - 1].text == "_"):
            star = toks[k + 1].col
            out += [t, tok("sym", "_", star), tok("sym", "{", star), tok("sym", "*", star), tok("sym", "}", star)]
            k = end
            continue
        if t.text == "{":
            if k and toks[k - 1].text == "_":
                sub.append(depth)
            depth += 1
        elif t.text == "}":
            depth -= 1
            if sub and sub[-1] == depth:
                sub.pop()
        out.append(t)
        k += 1
    return out


def star_notes(src: str) -> list[str]:
    """The note for a verdict where a starred name was read."""
    if not any(mark in src for mark in ("^*", "^{*}", r"^\ast", r"^{\ast}", r"^\star", r"^{\star}")):
        return []
    return ["starred name: x^* read as a name (a fixed value: an optimum, the true class), not a power or an adjoint"]
