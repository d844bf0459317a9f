"""Labels as indices: ``s_{y_i}`` is the element of s at sample i's class y_i (not a name ``s_y_i`` of its own, which
would make the derivative by it miss every other use of s), and ``k \\neq y_i``, ``\\mathbb{1}[y_i = k]`` relate the
label to an index. Each such reading is noted."""

from __future__ import annotations

import sympy as sp

from ..tensors import indices_of
from .context import Context, DerivativeOf, Member
from .tokens import _Tok
from .vocabulary import _extent, _free_indices


class _Labels:
    """Labels written as a letter with a one-letter subscript (a part of the parser)."""

    def label_at(self, k: int) -> int | None:
        """Where a label such as ``y_i`` or ``y_{i}`` (a letter with one letter subscript) starting at token ``k``
        ends, else None."""
        toks = self.toks
        if k + 2 >= len(toks) or toks[k].kind != "letter" or toks[k + 1].text != "_":
            return None
        if toks[k + 2].kind == "letter":
            return k + 3
        if k + 4 < len(toks) and toks[k + 2].text == "{" and toks[k + 3].kind == "letter" and toks[k + 4].text == "}":
            return k + 5
        return None

    def label(self, k: int) -> sp.Idx:
        """The index that a label ``y_i`` (sample i's class) stands for where it subscripts an array."""
        base, sub = self.toks[k], self.toks[k + 2 if self.toks[k + 2].kind == "letter" else k + 3]
        name = f"{base.text}_{sub.text}"
        self.note(f"{name} read as a label: the class of sample {sub.text}, an index")
        return self.index(name, base)


def label_of_head(i: sp.Idx, lhs: sp.Expr) -> bool:
    """Whether ``i`` is the label ``y_i`` of an index i that the head ``lhs`` carries: sample i's class, a function of
    i (``L_i = \\sum_{j \\neq y_i} ...``)."""
    base, _, sub = str(i.label).partition("_")
    return bool(base and sub) and sub in {str(k.label) for k in indices_of(lhs) if isinstance(k, sp.Idx)}


def labelled_head(name: str, lhs: sp.Expr, value: sp.Expr, ctx: Context) -> sp.Expr:
    """``L_i = ... w_{y_i} ...``: the head with the labels its right side uses, ``L_{i, y_i}`` (noted), so that each
    value of the label has its own element; wherever L_i is written it is that element (``head_labels``)."""
    labels = sorted((i for i in _free_indices(value) - set(indices_of(lhs)) if label_of_head(i, lhs)), key=str)
    if not labels or not isinstance(lhs, sp.Indexed):
        return lhs
    base = sp.IndexedBase(name, shape=(*(lhs.base.shape or ()), *(_extent(i) for i in labels)))
    ctx.head_labels[name] = tuple(labels)
    ctx.notes.append(f"{name}_{{{''.join(map(str, lhs.indices))}}} read as {name}_{{{', '.join(map(str, (*lhs.indices, *labels)))}}}: "
                     f"its right side uses the label{'s' if len(labels) > 1 else ''} {', '.join(map(str, labels))}")
    return base[(*lhs.indices, *labels)]


def head_labels(toks: list[_Tok], ctx: Context) -> list[_Tok]:
    """``toks`` with each ``L_i`` of a head read with its labels written after it, ``L_i{}_{y_i}``: L_{i, y_i}."""
    out = list(toks)
    for k in range(len(toks) - 2, -1, -1):
        t = toks[k]
        if t.kind != "letter" or t.text not in ctx.head_labels or toks[k + 1].text != "_":
            continue
        braced = toks[k + 2].text == "{"
        if braced and (k + 4 >= len(toks) or toks[k + 4].text != "}") or toks[k + 2 + braced].kind != "letter":
            continue
        col = toks[k + 2 + braced].col
        extra = [tok for label in ctx.head_labels[t.text] for tok in (
            _Tok("sym", "_", col), _Tok("sym", "{", col),
            *(_Tok("letter" if c.isalpha() else "sym", c, col) for c in str(label)), _Tok("sym", "}", col))]
        end = k + 5 if braced else k + 3
        out[end:end] = extra
    return out


def axes_wanted(m: Member, of: tuple[sp.Idx, ...], var: tuple[sp.Idx, ...]) -> list[sp.Idx]:
    """The derivative's indices that a claim member's array axes stand for: all of them (``of``'s, then ``var``'s),
    or, where the member has fewer axes, the last of ``var``'s that ``of`` and the member do not already fix (the
    gradient of L_{i, y_i} by the row w_j is a vector along the row: i, y_i and j are fixed)."""
    want = [*of, *var]
    if not m.indices or len(m.indices) == len(want):
        return want
    own = set() if isinstance(m.value, DerivativeOf) else _free_indices(m.value) - set(m.indices)
    free = [i for i in var if i not in set(of) | own]
    return free[len(free) - len(m.indices):] if len(free) >= len(m.indices) else free
