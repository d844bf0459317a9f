"""Layer labels: in ``z^l = w^l a^{l-1}``, ``a^L``, ``w^{(L-1)}``, ``A^{O}`` (the output layer) the superscript is a layer number, not a power, when
nothing gives l (or L) a value and it stands only as such a tag: each labelled name (``a^l``, ``a^{l-1}``, ``a^{L-2}``)
is a name of its own (noted). A definition written for a generic layer l is a template: it also defines the name at
each layer the problem writes (``a^{L-1}`` from ``a^l = \\sigma(z^l)``), as far as the names it uses are written."""

from __future__ import annotations

import re
from collections.abc import Callable

import sympy as sp

from ..errors import ParseError
from .context import Context
from .sample_superscripts import sample_superscripts
from .subscript_layers import subscript_layers
from .tokens import _GREEK, _group_end, _Tok, _tokens

LETTERS = ("l", "L", "o", "O", "h", "H")  # the letters pages number or name layers with (O output, H hidden)
GENERIC = "l"  # the letter of a generic layer (L is the last one)
_LABEL = re.compile(rf"([{''.join(LETTERS)}])\s*(?:([+-])\s*(\d+))?")
_FENCES = {"(": ")", "[": "]"}
_APART = r"a calligraphic letter (\mathcal{L}, the loss) read apart from the layer label of the same letter"
_NUMBERED = "each name tagged ^{[n]} or ^{(n)} is a name of its own"


def layer_labels(toks: list[_Tok], ctx: Context) -> list[_Tok]:
    """``toks`` with each labelled name (``a ^ { l - 1 }``) made one name token ``a^{l-1}``; unchanged where a layer
    letter has a value or is written elsewhere than in such a tag (then ``a^l`` is a power, as before)."""
    toks = sample_superscripts(subscript_layers(_greek_spelled(toks, ctx), ctx), ctx)
    samples = sample_letters(toks, ctx)
    spans = _spans(toks, LETTERS + tuple(samples))
    letters = _layer_letters(toks, spans, ctx) | samples
    spans = [s for s in spans if _letter(s[2]) in letters or s[2].is_Integer] + numbered_spans(toks, ctx)
    for x in sorted(letters - set(ctx.layer_letters)):
        ctx.layer_letters.append(x)
        ctx.notes.append(f"{x} read as a label of the sample, not a power: each name tagged ^{x} is a name of its own, "
                         f"as the name subscripted _{x} is (nothing gives {x} a value)" if x in samples else
                         f"{x} read as a layer label: each name tagged ^{x} (a^{x}, a^{{{x}-1}}) is a name of its own "
                         f"(nothing gives {x} a value)")
    numbered = next((labelled(toks[a].text.lstrip("\\"), label) for a, _, label in spans if label.is_Integer), None)
    if numbered is not None and not any(_NUMBERED in n for n in ctx.notes):
        ctx.notes.append(f"{numbered} read as a layer number: {_NUMBERED}")
    out = list(toks)
    for start, end, label in reversed(spans):
        name = labelled(toks[start].text.lstrip("\\"), label)
        ctx.layer_names.add(name)
        out[start:end] = [_Tok("letter", name, toks[start].col), *toks[start + 1:_hat(toks, start)]]  # z_i^l: z^l _i
    return out


def _greek_spelled(toks: list[_Tok], ctx: Context) -> list[_Tok]:
    """``delta^{[2]}``, a Greek layer name as the reader spells it when it writes a member out to read alone: the letters
    ``d e l t a`` before the tag are the one Greek letter again, where the problem wrote that letter with a layer tag."""
    if not ctx.layer_names:
        return toks
    out, k = [], 0
    while k < len(toks):
        end = k
        while end < len(toks) and toks[end].kind == "letter" and (end == k or toks[end].col == toks[end - 1].col + 1):
            end += 1
        run = "".join(t.text for t in toks[k:end])
        if end > k + 1 and end < len(toks) and toks[end].text == "^" and run in _GREEK and not (
                k and toks[k - 1].kind == "letter" and toks[k - 1].col + len(toks[k - 1].text) == toks[k].col) and any(
                n.startswith(f"{run}^") for n in ctx.layer_names):
            out.append(_Tok("cmd", f"\\{run}", toks[k].col))
            k = end
            continue
        out.append(toks[k])
        k += 1
    return out


def numbered_spans(toks: list[_Tok], ctx: Context) -> list[tuple[int, int, sp.Expr]]:
    """The spans of bare digit tags (``W^1``, ``z^{2}``) that are layer numbers: only where a fact declared a name so
    tagged (``W^1 \\in \\mathbb{R}^{3 \\times 2}``, ``ctx.numbered_layers``), and only on a name that fact declared, a
    name written with ^1 (no power anyone writes) or the name a definition defines; elsewhere ``x^2`` stays a power."""
    if not ctx.numbered_layers:
        return []
    spans = [(k, end, sp.Integer(int(digit))) for k, end, digit in _bare_digits(toks)]
    bases = ctx.numbered_layers | {toks[k].text for k, _, label in spans if label == 1 or k == _head(toks)}
    ctx.numbered_layers |= bases
    return [s for s in spans if toks[s[0]].text in bases]


def _bare_digits(toks: list[_Tok]) -> list[tuple[int, int, str]]:
    """``(start, end, digit)`` of each name tagged with one bare digit, ``W^1`` or ``W^{1}``."""
    out = []
    for k in range(len(toks) - 2):
        base, at = toks[k], _hat(toks, k)
        if at + 1 >= len(toks) or toks[at].text != "^" or not (base.kind == "letter" and base.text != "e" or
                                                              base.text[1:] in _GREEK) or k and toks[k - 1].text == "_":
            continue
        braced = toks[at + 1].text == "{" and at + 3 < len(toks) and toks[at + 3].text == "}"
        digit = toks[at + 2] if braced else toks[at + 1]
        if digit.kind == "digit" and len(digit.text) == 1:
            out.append((k, at + (4 if braced else 2), digit.text))
    return out


def tagged_name(ctx: Context, name: str, exp: sp.Expr) -> str | None:
    """The layer-tagged name ``name^exp`` (``z^L``, ``a^{L-1}``) where a reading that did not tag layers (a fact) met
    it as a power: ``exp`` a label in the problem's layer letters and the name one the problem wrote so; else None."""
    if not exp.free_symbols or not {str(x) for x in exp.free_symbols} <= set(ctx.layer_letters):
        return None
    tagged = labelled(name, exp)
    return tagged if tagged in ctx.layer_names else None


def _layer_letters(toks: list[_Tok], spans: list[tuple[int, int, sp.Expr]], ctx: Context) -> set[str]:
    """The tag letters of ``spans`` that are layer labels: nothing gives them a value (or the problem already read them
    as layer labels and no index runs over them), and they stand nowhere else but as \\mathcal{L}, a glyph apart."""
    tags = {k for start, end, _ in spans for k in range(start, end)}
    letters = {x for x in {_letter(label) for _, _, label in spans} - {None} if (
        not ctx.known(x) or x in ctx.layer_letters and x not in ctx.ranges) and not any(
        t.kind == "letter" and t.text == x and k not in tags and not _calligraphic(toks, k) for k, t in enumerate(toks))}
    if any(_calligraphic(toks, k) and t.text in letters for k, t in enumerate(toks)) and _APART not in ctx.notes:
        ctx.notes.append(_APART)
    return letters


def sample_letters(toks: list[_Tok], ctx: Context) -> set[str]:
    """Letters that label a sample, as in ``E_x = -\\sum_k t_k^x \\log o_k^x``: nothing gives the letter a value, it
    is the subscript of a name (``E_x``; or a label read so before) and stands otherwise only as the superscript of names
    with an index, two names at least (``t_k^x``, ``o^x_j``): an exponent there would make ``E_x`` an index by a power.
    One name so tagged (``M_k = \\sum_i x_i^k``, a moment) keeps its power."""
    found = set()
    for x in {t.text for t in toks if t.kind == "letter" and len(t.text) == 1} - set(LETTERS) - {"e"}:
        uses = [k for k, t in enumerate(toks) if t.kind == "letter" and t.text == x]
        subscripts = [k for k in uses if _after(toks, k, "_") and toks[_before(toks, k, "_") - 1].kind == "letter"]
        tags = [k for k in uses if _after(toks, k, "^") and _indexed_tag(toks, _before(toks, k, "^"))]
        bases = {_tag_base(toks, _before(toks, k, "^")) for k in tags}
        known = ctx.known(x) and not (x in ctx.layer_letters and x not in ctx.ranges)
        if not known and len(bases) > 1 and (subscripts or x in ctx.layer_letters) and \
                len(subscripts) + len(tags) == len(uses):
            found.add(x)
    return found


def _tag_base(toks: list[_Tok], hat: int) -> str:
    """The name a ``^`` at ``hat`` tags: the o of ``o^x``, the t of ``t_k^x`` or ``t_{jk}^x``."""
    k = hat - 1
    if toks[k].text == "}":
        while k > 0 and toks[k].text != "{":
            k -= 1
        return toks[k - 2].text if k >= 2 else ""
    return toks[k - 2].text if k >= 2 and toks[k - 1].text == "_" else toks[k].text


def _before(toks: list[_Tok], k: int, mark: str) -> int:
    """The position of the ``_`` or ``^`` that the letter at ``k`` follows (``E_x``, ``E_{x}``), else -1."""
    if toks[k - 1].text == mark:
        return k - 1
    braced = toks[k - 1].text == "{" and toks[k - 2].text == mark and k + 1 < len(toks) and toks[k + 1].text == "}"
    return k - 2 if braced else -1


def _after(toks: list[_Tok], k: int, mark: str) -> bool:
    return k > 1 and _before(toks, k, mark) > 0


def _indexed_tag(toks: list[_Tok], hat: int) -> bool:
    """Whether the ``^`` at ``hat`` tags a name with an index: ``t_k^x`` (after its subscript) or ``o^x_j``."""
    end = hat + 2 if toks[hat + 1].text != "{" else _group_end(toks, hat + 1)
    before = hat >= 3 and (toks[hat - 2].text == "_" or toks[hat - 1].text == "}")
    return before or end < len(toks) and toks[end].text == "_"


def _calligraphic(toks: list[_Tok], k: int) -> bool:
    """Whether the letter at ``k`` is written ``\\mathcal{L}`` or ``\\mathcal L``."""
    return k > 0 and (toks[k - 1].text == r"\mathcal" or k > 1 and toks[k - 1].text == "{" and
                      toks[k - 2].text == r"\mathcal")


def is_template(latex: str, ctx: Context) -> bool:
    """Whether the definition ``latex`` is written for a generic layer: its name is tagged with a layer letter."""
    spans = _spans(_tokens(latex))
    return bool(spans) and spans[0][0] == _head(_tokens(latex)) and _letter(spans[0][2]) == GENERIC \
        and GENERIC in ctx.layer_letters


def instantiate(ctx: Context, define: Callable[[str, Context], object]) -> None:
    """Each template defined again at each layer the problem writes (``a^{L-1} = \\sigma(z^{L-1})`` from ``a^l =
    \\sigma(z^l)`` where a^{L-1} is written), where every labelled name it uses is written too (else the layer is
    the lowest one written: its name stays an input), noted."""
    written = {_label_of(n) for n in ctx.layer_names}
    for latex in list(ctx.layer_templates):
        toks = _tokens(latex)
        spans = _spans(toks)
        (_, _, head), letter = spans[0], sp.Symbol(GENERIC)
        for value in sorted(written - {head}, key=str):
            at = sp.solve(sp.Eq(head, value), letter)
            if len(at) != 1 or not {label.subs(letter, at[0]) for _, _, label in spans[1:]} <= written:
                continue
            name = labelled(toks[spans[0][0]].text.lstrip("\\"), value)
            if name in ctx.definitions or name in ctx.functions:
                continue
            text = _spliced(latex, toks, spans, letter, at[0])
            try:
                define(text, ctx)
            except ParseError:
                continue  # that layer stays an input
            finally:
                if text in ctx.layer_templates:
                    ctx.layer_templates.remove(text)
            ctx.notes.append(f"{name} defined by {latex.strip()} at {letter} = {at[0]}")


def _head(toks: list[_Tok]) -> int:
    """The position of a definition's first name token (past ``$``, ``{``)."""
    return next((k for k, t in enumerate(toks) if t.text not in ("{", "$")), 0)


def _label_of(name: str) -> sp.Expr:
    return _label(name.partition("^")[2].removeprefix("{").removesuffix("}") if "^{" in name else
                  name.partition("^")[2])


def _spliced(latex: str, toks: list[_Tok], spans: list[tuple[int, int, sp.Expr]], letter: sp.Symbol,
             at: sp.Expr) -> str:
    """``latex`` with each layer tag's label at ``letter = at``."""
    out = latex
    for start, end, label in reversed(spans):
        hat, last = toks[_hat(toks, start)], toks[end - 1]
        out = out[:hat.col - 1] + _tag(label.subs(letter, at)) + out[last.col - 1 + len(last.text):]
    return out


def labelled(name: str, label: sp.Expr) -> str:
    """The name of ``name`` at layer ``label``: ``a^l``, ``a^{L-1}``, ``a^{[2]}``."""
    return f"{name}{_tag(label)}"


def _tag(label: sp.Expr) -> str:
    text = str(label).replace(" ", "")
    return f"^{{[{text}]}}" if label.is_Integer else f"^{text}" if len(text) == 1 else f"^{{{text}}}"


def _letter(label: sp.Expr) -> str | None:
    return next(iter(label.free_symbols)).name if label.free_symbols else None


def _spans(toks: list[_Tok], letters: tuple[str, ...] = LETTERS) -> list[tuple[int, int, sp.Expr]]:
    """``(start, end, label)`` of each name with a layer superscript: a letter (not e) or a Greek letter, then ``^l``,
    ``^{L-1}`` or ``^{(l-1)}``."""
    out = []
    for k in range(len(toks) - 2):
        base, at = toks[k], _hat(toks, k)
        if at + 1 >= len(toks) or toks[at].text != "^" or not (
                base.kind == "letter" and base.text != "e" or base.text[1:] in _GREEK):
            continue
        if k and toks[k - 1].kind == "letter" and toks[k - 1].col + len(toks[k - 1].text) == base.col and not (
                k > 1 and toks[k - 2].text == "^"):
            continue  # the end of a word (exp^l is no name); W^la^{l-1} is W^l a^{l-1}, as TeX reads it
        if k and toks[k - 1].text == "_":
            continue  # the i of z_i^l: the tag is z's
        first = toks[at + 1]
        end = _group_end(toks, at + 1) if first.text == "{" else at + 2
        inner = toks[at + 2:end - 1] if first.text == "{" else [first]
        label = _label("".join(t.text for t in inner), letters)
        if label is not None:
            out.append((k, end, label))
    return out


def _hat(toks: list[_Tok], k: int) -> int:
    """Where the superscript of the name at ``k`` starts: past a subscript written first (``z_i^l``, ``z_{ij}^l``)."""
    if k + 2 < len(toks) and toks[k + 1].text == "_":
        return _group_end(toks, k + 2) if toks[k + 2].text == "{" else k + 3
    return k + 1


def tag_label(text: str) -> sp.Expr | None:
    """The layer a superscript's text names (``L``, ``l-1``, ``[2]``, ``(1)``), or None where it names none."""
    return _label(text)


def _label(text: str, letters: tuple[str, ...] = LETTERS) -> sp.Expr | None:
    """The layer a tag names: ``l``, ``L-1``, ``(l-1)``, ``[l]``; a number only fenced, ``(2)``, ``[1]`` (a bare
    ``^2`` is a power); else None."""
    fenced = text[:1] in _FENCES and text.endswith(_FENCES[text[:1]])
    inner = text[1:-1].strip() if fenced else text
    if fenced and inner.isdigit():
        return sp.Integer(int(inner))
    m = (_LABEL if letters == LETTERS else re.compile(_LABEL.pattern.replace("".join(LETTERS), "".join(letters)))
         ).fullmatch(inner)
    if m is None:
        return None
    return sp.Symbol(m.group(1)) + (int(m.group(3)) * (-1 if m.group(2) == "-" else 1) if m.group(2) else 0)
