"""Shapes agreed across all the inputs of a problem. A page gives ``e = y - Xw`` before the definition that writes
``y_n``: read in order, y is a number by the time ``y_n`` comes, which is refused. Before anything is read, every
input is scanned for the one lowercase letters written with one letter index (``y_n``, ``y_{n}``) and written bare
too (a sample superscript, ``x^{(i)}``, is not bare): such a letter is a vector from the start (of the size its
index runs to, else the provisional N that the first bound settles), noted. A letter some input defines (``y_n =
...``, ``y = ...``), declares or binds as a function's parameter keeps its own reading. Verify calls
``declare_indexed`` with every input text before reading any."""

from __future__ import annotations

import re
from collections.abc import Sequence

import sympy as sp

from ..errors import ParseError
from ..tensors import size
from .context import Context
from .primed_names import declare_primed
from .shapes_transposed import declare_transposed
from .tokens import _Tok, _tokens

# a letter inside these is a name of its own (\hat{y}) or a vector by its font (\mathbf{a}), never y or a bare
_DECORATIONS = frozenset({r"\hat", r"\bar", r"\tilde", r"\widehat", r"\widetilde", r"\overline", r"\dot", r"\check",
                          r"\mathbf", r"\boldsymbol", r"\vec", r"\bm"})
_SEPARATORS = frozenset({",", ";", "(", r"\quad", r"\qquad", r"\;", r"\,", r"\:", "\\\\"})
_WORDS = frozenset({r"\text", r"\textrm", r"\mbox", r"\mathrm", r"\textit"})
_DECLARING = frozenset({r"\in", r"\colon", ":"})  # y \in ..., y: R^n -> R: the input says what y is


def indexed_letters(texts: Sequence[str]) -> dict[str, set[str]]:
    """The one lowercase letters written with one letter index somewhere in ``texts`` (``y_n``, ``y_{n}``), each with
    the index letters written."""
    found: dict[str, set[str]] = {}
    for toks in _token_lists(texts):
        for name, indices in _indexed(toks).items():
            found.setdefault(name, set()).update(indices)
    return found


def declare_indexed(ctx: Context, texts: Sequence[str], defined: Sequence[str] = ()) -> None:
    """Declare in ``ctx`` the letters of ``indexed_letters(texts)`` that another input writes bare, as vectors;
    ``defined`` holds the texts that define names (definitions, facts), whose heads and functions' parameters keep
    their own reading."""
    declare_primed(ctx, _token_lists(texts), _token_lists(defined))  # K(x, x') = ...: x' a name of its own
    heads = {toks[0].text for toks in _token_lists(defined) if toks[0].kind == "letter"}
    heads |= {name for toks in _token_lists(defined) for name in _defined_names(toks)}
    lists = _token_lists(texts)
    indexed = [_indexed(toks) for toks in lists]
    bare = [{t.text for k, t in enumerate(toks[:-1]) if _letter(toks, k) and toks[k + 1].text not in ("_", "(") and
             not _after_capital(toks, k) and not _sampled(toks, k)} for toks in lists]
    written = {t.text for toks in lists for t in toks if t.kind == "letter"}
    for name, indices in sorted(indexed_letters(texts).items()):
        elsewhere = any(name in here and name not in there for here, there in zip(bare, indexed))
        if not elsewhere or name in heads or ctx.declared_elsewhere(name) or _declared_in(name, texts) or \
                len(indices) != 1:
            continue
        (index,) = indices
        extent = ctx.ranges[index].upper if index in ctx.ranges else _provisional(ctx, written)
        ctx.tensors[name] = sp.IndexedBase(name, shape=(extent,))
        ctx.notes.append(f"{name} read as a vector of size {extent}: an input writes {name}_{index}, another {name} "
                         "bare")
    declare_transposed(ctx, lists, _token_lists(defined), lambda: _provisional(ctx, written),
                       lambda name: _declared_in(name, texts))


def _defined_names(toks: list[_Tok]) -> set[str]:
    """The letters these tokens define at the start of a statement (``u^{(i)} = w z^{(i)}``, ``y = np.array(...)``,
    ``(u_i) = ...``) and the parameters of the functions they define (``f(x) = \\|x\\|^2``: x is f's own, a vector
    by the definition's use, whatever the claim writes)."""
    names: set[str] = set()
    for k, t in enumerate(toks):
        if t.text != "=":
            continue
        j, parameters = k - 1, set()
        while j > 0 and toks[j].text in (")", "}"):
            opener = _opening(toks, j)
            before = toks[opener - 1] if opener else None
            if opener is None or (before is None or before.text in _SEPARATORS) and toks[opener].text == "(":
                j -= 1  # (u_i) = ...: the head inside its parentheses (none: a bracket that never opens)
            elif before is not None and before.text in ("_", "^"):
                j = opener - 2
            elif toks[opener].text == "(" and before is not None and (before.kind == "letter" or before.text == "}"):
                parameters = {u.text for u in toks[opener + 1:j] if u.kind == "letter"}
                j = opener - 1
            else:
                break
        if j > 1 and toks[j - 1].text in ("_", "^"):  # y_n = ...
            j -= 2
        if j >= 0 and toks[j].kind == "letter" and _starts_statement(toks, j):
            names |= {toks[j].text, *parameters}
    return names


def _opening(toks: list[_Tok], j: int) -> int | None:
    """The index of the bracket that the closing ``toks[j]`` closes, None where none does."""
    pair, depth = {")": "(", "}": "{"}[toks[j].text], 0
    for i in range(j, -1, -1):
        depth += (toks[i].text == toks[j].text) - (toks[i].text == pair)
        if depth == 0:
            return i
    return None


def _starts_statement(toks: list[_Tok], j: int) -> bool:
    """Whether the letter ``toks[j]`` begins a statement: first, or after a separator or a word in ``\\text{}``."""
    if j == 0 or toks[j - 1].text in _SEPARATORS:
        return True
    opener = _opening(toks, j - 1) if toks[j - 1].text == "}" else None
    return opener is not None and opener > 0 and toks[opener - 1].text in _WORDS


def _indexed(toks: list[_Tok]) -> dict[str, set[str]]:
    """The one lowercase letters these tokens write with one letter index, with the index letters."""
    found: dict[str, set[str]] = {}
    for k, t in enumerate(toks[:-2]):
        index = _one_index(toks, k + 1)
        variable = k and toks[k - 1].text == r"\partial"  # \partial w_j: a variable, sized by what it is in
        sampled = index is not None and _sampled(toks, k + 2 + (toks[k + 2].text == "{") * 2)  # x_j^{(i)}: sample i
        if _letter(toks, k) and index is not None and not variable and not sampled:
            found.setdefault(t.text, set()).add(index)
    return found


def _token_lists(texts: Sequence[str]) -> list[list[_Tok]]:
    """The tokens of each text that has any (one that does not tokenize is left to its reader to refuse)."""
    out = []
    for text in texts:
        try:
            out.append(_tokens(text))
        except ParseError:
            continue
    return out


def _letter(toks: list[_Tok], k: int) -> bool:
    """Whether ``toks[k]`` is a lowercase letter standing alone (not in a word, not a subscript or a command's)."""
    t = toks[k]
    if t.kind != "letter" or not t.text.islower() or len(t.text) != 1:
        return False
    before = toks[k - 1] if k else None
    glued = before is not None and before.kind == "letter" and before.col + len(before.text) == t.col
    decorated = k > 1 and before.text == "{" and toks[k - 2].text in _DECORATIONS  # \hat{y} is a name of its own
    return not glued and not decorated and (before is None or before.text not in ("_", "^"))


def _after_capital(toks: list[_Tok], k: int) -> bool:
    """Whether the letter ``toks[k]`` is written right after a capital (``Xw``): a product's vector, which the product
    sizes (read.shapes), not a vector of the index's size."""
    before = toks[k - 1] if k else None
    return before is not None and before.kind == "letter" and before.text.isupper() and before.col + 1 == toks[k].col


def _sampled(toks: list[_Tok], k: int) -> bool:
    """Whether the letter ``toks[k]`` carries a sample superscript (``x^{(i)}``): sample i, no bare letter; beside
    ``x_j^{(i)}`` x holds a row per sample, which the reader makes of the two (not a vector of j's size)."""
    return [t.text for t in toks[k + 1:k + 4]] == ["^", "{", "("]


def _one_index(toks: list[_Tok], k: int) -> str | None:
    """The index letter of ``_n`` or ``_{n}`` at ``toks[k]``, None where no single letter index starts there."""
    if toks[k].text != "_":
        return None
    if toks[k + 1].kind == "letter" and len(toks[k + 1].text) == 1 and toks[k + 2].text != "_" and not \
            (toks[k + 2].kind == "letter" and toks[k + 2].col == toks[k + 1].col + 1):
        return toks[k + 1].text
    texts = [t.text for t in toks[k + 1:k + 4]]
    return texts[1] if len(texts) == 3 and texts[0] == "{" and texts[2] == "}" and re.fullmatch("[a-z]", texts[1]) \
        else None


def _declared_in(name: str, texts: Sequence[str]) -> bool:
    """Whether an input says what ``name`` is (``y \\in \\mathbb{R}^n``, ``y \\in \\{0, 1\\}``, ``y_n \\in ...``)."""
    for toks in _token_lists(texts):
        for k, t in enumerate(toks):
            if t.text in _DECLARING and any(u.text == name for u in toks[max(0, k - 6):k]):
                return True
    return False


def _provisional(ctx: Context, written: set[str]) -> sp.Symbol:
    """The size of an index nothing sizes (N), provisional: the first bound written settles it."""
    name = ctx.default_size
    extent = ctx.sizes.get(name) or size(name)
    if name not in written:
        ctx.provisional_sizes.add(name)
    return extent
