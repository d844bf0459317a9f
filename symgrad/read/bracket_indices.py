"""A bracket glued to a name, with index letters in it (``\\sum_j e^{x[j]}``, ``w[i, j]``, as code and signal
processing write an element): the element ``x_j``, noted - read as a product, ``x[j]`` would be x times j, which no page
means by it. Only where each letter in the bracket is an index of the same formula (a sum binds it, or a name carries
it as a subscript); anything else (``E[x]``, ``[a, b]`` after a space) is left as it was."""

from __future__ import annotations

from .scope import _Scope
from .tokens import _Tok

_BINDERS = (r"\sum", r"\prod", "Σ", r"\Sigma")


def _indices_of(toks: list[_Tok]) -> set[str]:
    """The letters ``toks`` writes as subscripts (``x_j``, ``x_{ij}``, ``\\sum_{j=1}``) or sums over."""
    found: set[str] = set()
    for k, t in enumerate(toks[:-1]):
        if t.text != "_":
            continue
        nxt = toks[k + 1]
        if nxt.kind == "letter":
            found.add(nxt.text)
        elif nxt.text == "{":
            m = k + 2
            while m < len(toks) and toks[m].kind == "letter" and len(toks[m].text) == 1:
                found.add(toks[m].text)
                m += 1
    return found


def _glued_brackets(toks: list[_Tok]) -> list[tuple[int, int]]:
    """The (``[``, ``]``) positions of each bracket glued to a one-letter name, holding index letters (and digits)
    separated by commas, each letter an index of the formula."""
    indices = _indices_of(toks)
    found = []
    for k in range(1, len(toks) - 2):
        name, opened = toks[k - 1], toks[k]
        if name.kind != "letter" or len(name.text) != 1 or opened.text != "[" or opened.col != name.col + 1:
            continue
        end = next((m for m in range(k + 1, len(toks)) if toks[m].text in ("]", "[") or toks[m].kind == "end"), None)
        inner = toks[k + 1:end] if end is not None and toks[end].text == "]" else []
        items, commas = inner[::2], inner[1::2]
        if not inner or len(inner) % 2 == 0 or any(t.text != "," for t in commas) or any(
                t.kind not in ("letter", "digit") or len(t.text) != 1 for t in items):
            continue
        if all(t.kind == "digit" or t.text in indices for t in items) and any(t.kind == "letter" for t in items):
            found.append((k, end))
    return found


class _BracketIndices(_Scope):
    """Brackets glued to a name read as its subscript before the descent (a part of the parser)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        glued = _glued_brackets(self.toks)
        if not glued:
            return
        out: list[_Tok] = []
        opens, closes = {k for k, _ in glued}, {e for _, e in glued}
        for k, t in enumerate(self.toks):
            if k in opens:
                out += [_Tok("sym", "_", t.col), _Tok("sym", "{", t.col)]
                inner = "".join(u.text for u in self.toks[k + 1:next(e for o, e in glued if o == k)])
                self.note(f"{self.toks[k - 1].text}[{inner}] read as the element {self.toks[k - 1].text}_{{{inner}}}: "
                          "a bracket glued to a name indexes it, as code writes it")
            elif k in closes:
                out.append(_Tok("sym", "}", t.col))
            else:
                out.append(t)
        self.toks = out
