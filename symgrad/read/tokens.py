"""Tokens of the LaTeX source with their columns; what only typesets is dropped before reading."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import ParseError
from .bold_macros import bolded
from .braced_names import accent_outside, braced_name
from .code import code_pieces
from .code_cases import braced
from .code_line_ends import without_line_ends
from .code_pasted import copied_tildes, flattened_transposes, repaired
from .damage_backslashes import restored_commands
from .damage_divisors import grouped
from .damage_implications import IMPLIES as _IMPLIES
from .damage_implications import refused
from .damage_spellings import primes, right_defines_read
from .damage_stars import starred
from .damage_underscores import restored
from .damage_words import traced
from .digit_superscripts import grouped as superscripts
from .html_wrappers import unwrapped
from .identity_spellings import identity_spelled
from .pdf_text_layer import stacked
from .plain_names import before, plain_name
from .proofwiki_maps import mapped
from .prose_ranges import range_in_words
from .ternaries import ternaries
from .unicode_letters import decorated_label, spelled
from .unicode_nabla import subscripted
from .upright_powers import power_outside
from .wolfram_derivatives import wolfram_leibniz


@dataclass(frozen=True)
class _Tok:
    kind: str  # cmd, letter, digit, sym, end
    text: str
    col: int  # 1-based column in the original source


_UNICODE = {
    "−": "-", "–": "-", "∂": r"\partial", "Σ": r"\sum", "∑": r"\sum", "ᵀ": "^T", "δ": r"\delta", "σ": r"\sigma",
    "·": r"\cdot", "⋅": r"\cdot", "×": r"\times", "⊙": r"\odot", "∇": r"\nabla", "≠": r"\neq", "∈": r"\in",
    "ℝ": r"\mathbb{R}", "≤": r"\le", "≥": r"\ge", "…": r"\dots", "⋯": r"\dots", "θ": r"\theta",
    "α": r"\alpha", "β": r"\beta", "λ": r"\lambda", "μ": r"\mu", "ε": r"\epsilon", "π": r"\pi", "η": r"\eta",
    "\u00a0": " ", "ŷ": r"\hat{y}", "‖": r"\|", "∞": r"\infty", "’": "'", "′": "'", "∗": "*", "Ŷ": r"\hat{Y}", "ℓ": r"\ell", "√": r"\sqrt",
    "ᵗ": "^T", "—": "-", "⇒": r"\Rightarrow", "⟹": r"\implies", "∴": r"\therefore", "⇔": r"\iff", "•": r"\cdot", "½": r"\frac{1}{2}", "¼": r"\frac{1}{4}",
    **{chr(0x3B1 + k): rf"\{g}" for k, g in enumerate(
        ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "o", "pi", "rho", "varsigma", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"]) if g not in ("o", "varsigma")},
    **{c: rf"\{g}" for c, g in zip("ΓΔΘΛΞΦΨΩ", ["Gamma", "Delta", "Theta", "Lambda", "Xi", "Phi", "Psi", "Omega"])},
}
# a letter with a combining accent (x̂ is x followed by U+0302) is the decorated name
_COMBINING = {"\u0302": r"\hat", "\u0304": r"\bar", "\u0305": r"\bar", "\u0303": r"\tilde", "\u0307": r"\dot"}
# a run of superscript characters is one exponent: x³, K⁻¹
_SUPERSCRIPTS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺ⁿⁱ⁽⁾", "0123456789-+ni()"))
_SUBSCRIPTS = dict(zip("₀₁₂₃₄₅₆₇₈₉ᵢⱼₖₙₘₜₐₑₓₗₚₛᵣᵤᵥₒₕ", "0123456789ijknmtaexlpsruvoh"))  # θ₀ is θ_{0}, xᵢ is x_{i}
_SKIP = {
    r"\left", r"\right", r"\big", r"\Big", r"\bigg", r"\Bigg", r"\bigl", r"\bigr", r"\Bigl", r"\Bigr", r"\biggl",
    r"\biggr", r"\Biggl", r"\Biggr", r"\middle", r"\,", r"\;", r"\:", r"\!", "\\ ", r"\quad", r"\qquad",
    r"\displaystyle", r"\textstyle", r"\scriptstyle", r"\limits", r"\nolimits", r"\nonumber", r"\notag", "$",
    r"\non",  # solution manuals' shorthand for \nonumber
    r"\(", r"\)", r"\[", r"\]", r"\mathstrut", r"\rm", r"\it", r"\bf", r"\cal",
    r"\qty",  # the physics package's auto-sized brackets: \qty(AB), \qty[...]
    r"\tiny", r"\small", r"\normalsize", r"\large", r"\Large", r"\LARGE", r"\huge", r"\Huge",
    r"\cancel", r"\bcancel", r"\xcancel",  # the cancel package strikes out what cancels: the struck-out value stays
}
_SIZERS = {r"\left", r"\right", r"\big", r"\Big", r"\bigg", r"\Bigg", r"\bigl", r"\bigr", r"\Bigl", r"\Bigr",
           r"\biggl", r"\biggr", r"\Biggl", r"\Biggr", r"\middle"}
_DROP_ARG = {r"\tag": 1, r"\label": 1, r"\color": 1, r"\textcolor": 1, r"\colorbox": 1, r"\hspace": 1,
             r"\vspace": 1, r"\phantom": 1,
             # MathJax's and KaTeX's HTML extensions: \cssId{id}{X}, \class{name}{X}, \style{css}{X} show X
             r"\cssId": 1, r"\class": 1, r"\style": 1, r"\htmlId": 1, r"\htmlClass": 1, r"\htmlStyle": 1,
             r"\htmlData": 1, r"\href": 1}
# commands that copies carry for the grammar's own tokens: markdown's escapes (\* \_), MathJax's \lt and \gt (< and >
# in HTML), the physics package's upright d (\dd), \bold for \mathbf
_COPIED = {r"\*": ("sym", "*"), r"\_": ("sym", "_"), r"\lt": ("sym", "<"), r"\gt": ("sym", ">"),
           r"\dd": ("letter", "d"), r"\bold": ("cmd", r"\mathbf"), r"\mathbold": ("cmd", r"\mathbf"),
           r"\bigtriangledown": ("cmd", r"\nabla"), r"\triangledown": ("cmd", r"\nabla"),
           r"\nicefrac": ("cmd", r"\frac"), r"\sfrac": ("cmd", r"\frac")}  # the nicefrac and xfrac packages' fractions
_MATRIX_ENVS = {"bmatrix", "pmatrix", "matrix", "Bmatrix", "smallmatrix"}  # arrays of entries (read.literals)
_TRANSPARENT_ENVS = {"aligned", "align", "align*", "split", "gathered", "gather", "gather*", "equation",
                     "equation*", "eqnarray", "eqnarray*", "multline", "multline*", "alignedat"}
_GREEK = {
    "alpha", "beta", "gamma", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota", "kappa",
    "lambda", "mu", "nu", "xi", "rho", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega", "Gamma",
    "Delta", "Theta", "Lambda", "Xi", "Phi", "Psi", "Omega", "sigma", "delta", "Sigma", "ell", "pi",
}
_DECORATIONS = {r"\hat": "hat", r"\widehat": "hat", r"\bar": "bar", r"\overline": "bar", r"\tilde": "tilde",
                r"\widetilde": "tilde", r"\dot": "dot"}
_FONTS = {r"\mathbf", r"\boldsymbol", r"\bm", r"\vec", r"\mathit", r"\mathnormal", r"\pmb", r"\mathcal",
          r"\mathscr", r"\mathfrak", r"\boxed", r"\bbox", r"\mathsf", r"\mathbfit"}
_ONES = _FONTS | {r"\mathbb", r"\mathds", r"\mathbbm"}  # \mathbf{1}, \mathbb{1}: the ones vector
_NAMED = {r"\text", r"\mathrm", r"\operatorname", r"\textrm", r"\textit", r"\textbf", r"\mbox"}
_FUNCS = {"exp", "log", "ln", "softmax", "diag", "norm", "sigmoid", "tanh", "sqrt", "cosh", "sinh", "arctan", "logsumexp",
          "lse", "sum", "mean"}
# "." between factors is a product in plain-text pages (x . σ(x)); ":" the Frobenius product of matrix calculus
_OPS = {r"\cdot": "*", r"\times": "*", "*": "*", r"\odot": "odot", r"\circ": "odot", "/": "/", r"\div": "/",
        ".": "*", ":": "frobenius"}
_RELS = {"=": "=", r"\neq": "!=", r"\ne": "!=", "<": "<", ">": ">", r"\le": "<=", r"\leq": "<=",
         r"\leqslant": "<=", r"\ge": ">=", r"\geq": ">=", r"\geqslant": ">=", r"\in": "in"}
_DIFFERENTIALS = {r"\partial", r"\nabla", r"\delta"}
# \lvert x \rvert is |x|, \lVert x \rVert is \|x\|
_BARS = {r"\lvert": "|", r"\rvert": "|", r"\vert": "|", r"\lVert": r"\|", r"\rVert": r"\|", r"\Vert": r"\|"}
_DEFINES = {r"\coloneqq", r"\coloneq", r"\triangleq", r"\eqqcolon", r"\doteq"}
_DOTS = {r"\dots", r"\ldots", r"\cdots"}
_INDEX_POOL = "ijklmqrstuvgh"
_COMMAND = re.compile(r"\\([A-Za-z]+|.)")
# deeper nesting than any real formula; the recursive descent (and SymPy after it) would hit Python's recursion limit
_MAX_DEPTH = 50
# exact numbers past this many bits (10^{10^{10}}, 100000!) would take SymPy minutes or forever to compute
_MAX_BITS = 100_000


def _tokenize(src: str) -> list[_Tok]:
    """Tokens of ``src`` (Unicode mapped to LaTeX commands) with their 1-based columns, braces checked."""
    out: list[_Tok] = []
    pos = 0
    while pos < len(src):
        ch = src[pos]
        col = pos + 1
        written = _unicode_run(src, pos)
        if written is not None:
            out.extend(written[0])
            pos = written[1]
        elif ch in _UNICODE:
            out.extend(_Tok(t.kind, t.text, col) for t in _tokenize(_UNICODE[ch]) if t.kind != "end")
            pos += 1
        elif ch.isspace():
            pos += 1
        elif src.startswith("..", pos):  # 1 .. n, (0, ... 0, 1): plain-text dots
            out.append(_Tok("cmd", r"\dots", col))
            pos += 3 if src.startswith("...", pos) else 2
        elif src.startswith("%20", pos):  # a space, URL-encoded by a README's image link
            pos += 3
        elif ch == "\\":
            m = _COMMAND.match(src, pos)
            if not m:
                raise ParseError("a lone backslash", column=col, source=src)
            out.append(_Tok("cmd", "\\\\" if m.group(0) == r"\newline" else m.group(0), col))  # a line break
            pos = m.end()
            if m.group(1).isalpha() and src.startswith("*", pos):  # \tag*, \operatorname*
                pos += 1
        elif ch.isascii() and ch.isalpha():
            out.append(_Tok("letter", ch, col))
            pos += 1
        elif ch.isascii() and ch.isdigit():
            out.append(_Tok("digit", ch, col))
            pos += 1
        elif ch.isascii() and ch.isprintable():
            out.append(_Tok("sym", ch, col))
            pos += 1
        elif (other := spelled(ch, src, col)) is not None:
            out.extend(_Tok(t.kind, t.text, col) for t in _tokenize(other) if t.kind != "end")
            pos += 1
        else:
            raise ParseError(f"unexpected character {ch!r}", column=col, source=src)
    _check_braces(out, src)
    out.append(_Tok("end", "", len(src) + 1))
    return out


def _unicode_run(src: str, pos: int) -> tuple[list[_Tok], int] | None:
    """A run of superscripts (``⁻¹``, ``¹²``, each at its own column) or subscripts (``₀``), or a letter with
    combining accents (``x̂``), at ``pos`` as LaTeX tokens, and the position past it; None for anything else."""
    for mark, table in (("^", _SUPERSCRIPTS), ("_", _SUBSCRIPTS)):
        end = pos
        while end < len(src) and src[end] in table:
            end += 1
        if end > pos:
            inner = [_Tok("digit" if table[src[k]].isdigit() else "letter" if table[src[k]].isalpha() else "sym",
                          table[src[k]], k + 1) for k in range(pos, end)]
            return [_Tok("sym", mark, pos + 1), _Tok("sym", "{", pos + 1), *inner, _Tok("sym", "}", end)], end
    end = pos + 1
    written = _UNICODE.get(src[pos], src[pos])
    while end < len(src) and src[end] in _COMBINING:
        written = f"{_COMBINING[src[end]]}{{{written}}}"
        end += 1
    if end == pos + 1:
        return None
    return [_Tok(t.kind, t.text, pos + 1) for t in _tokenize(written) if t.kind != "end"], end


def _check_braces(toks: list[_Tok], src: str) -> None:
    stack: list[_Tok] = []
    for t in toks:
        if t.text == "{":
            stack.append(t)
        elif t.text == "}":
            if not stack:
                raise ParseError("unbalanced braces: } without a matching {", column=t.col, source=src)
            stack.pop()
    if stack:
        raise ParseError("unbalanced braces: { is never closed", column=stack[-1].col, source=src)


def _group_end(toks: list[_Tok], start: int) -> int:
    """Index just past the brace group opening at ``start``."""
    depth = 0
    for k in range(start, len(toks)):
        if toks[k].text == "{":
            depth += 1
        elif toks[k].text == "}":
            depth -= 1
            if depth == 0:
                return k + 1
    return len(toks) - 1


def _arg_text(toks: list[_Tok], start: int) -> tuple[str, int]:
    """The raw text of the brace group at ``start`` and the index past it."""
    end = _group_end(toks, start)
    return "".join(t.text for t in toks[start + 1:end - 1]), end


def _respelled(toks: list[_Tok], k: int) -> tuple[_Tok, int] | None:
    """A token spelled another way (``\\lvert``, ``:=``) as the grammar's own, and the index past it."""
    t = toks[k]
    if t.text in _BARS:
        return _Tok("sym" if _BARS[t.text] == "|" else "cmd", _BARS[t.text], t.col), k + 1
    if t.text in _COPIED:
        return _Tok(*_COPIED[t.text], t.col), k + 1
    if t.text in _IMPLIES:
        return _Tok("sym", "=", t.col), k + 1  # a derivation's next line: A \Rightarrow f'(x) = B (read/implications)
    if t.text in _SIZERS and toks[k + 1].text in ("<", ">"):  # \left< x, y \right>: the angle brackets
        opened = toks[k + 1].text == "<"
        return _Tok("cmd", r"\langle" if opened else r"\rangle", t.col if opened else toks[k + 1].col), k + 2
    if t.text in ("<", ">") and toks[k + 1].text == "=" and toks[k + 1].col == t.col + 1:  # z >= 0, as code writes it
        return _Tok("cmd", r"\le" if t.text == "<" else r"\ge", t.col), k + 2
    if t.text == r"\not" and toks[k + 1].text == "=":
        return _Tok("cmd", r"\neq", t.col), k + 2
    if t.text in _DEFINES or (t.text == ":" and toks[k + 1].text == "=" and toks[k + 1].col == t.col + 1):
        return _Tok("sym", "=", t.col), k + 1 + (t.text == ":")  # :=, \coloneqq, \triangleq: a definition's =
    return None


_OPERATOR_WORDS = {"max", "min", "log", "ln", "exp", "sin", "cos", "tanh", "det", "arg"}  # LaTeX's own \max, \log, ...


def _old_font(toks: list[_Tok], k: int) -> tuple[list[_Tok], int] | None:
    """``{\\rm Tr}`` and ``\\rm {max}`` (plain TeX's font switch) as ``\\mathrm{Tr}``: an upright word, not a product of
    letters; ``{\\bf v}`` as ``\\mathbf{v}``."""
    if toks[k].text == r"\rm" and toks[k + 1].text == "{":  # \rm {max}(0, x): the switch before its group
        k, end = k + 1, _group_end(toks, k + 1)
        inner = toks[k + 1:end - 1]
        if not inner or any(t.kind != "letter" for t in inner):
            return None
        word = "".join(t.text for t in inner)
        if word in _OPERATOR_WORDS:
            return [_Tok("cmd", "\\" + word, inner[0].col)], end
        return [_Tok("cmd", r"\mathrm", toks[k - 1].col), toks[k], *inner, toks[end - 1]], end
    if toks[k].text != "{" or toks[k + 1].text not in (r"\rm", r"\mathrm", r"\operatorname", r"\bf"):
        return None
    end = _group_end(toks, k)
    inner = toks[k + 2:end - 1]
    if not inner or any(t.kind != "letter" for t in inner):
        return None
    font = r"\mathbf" if toks[k + 1].text == r"\bf" else r"\mathrm"  # {\bf v}: bold v
    return [_Tok("cmd", font, toks[k + 1].col), toks[k], *inner, toks[end - 1]], end


def _typesetting(toks: list[_Tok], k: int) -> int | None:
    """The index past what only typesets at ``k`` (a sizer, spacing, a colour or tag with its argument)."""
    t = toks[k]
    if t.text in _SKIP:
        return k + 1 + (t.text in _SIZERS and toks[k + 1].text == ".")
    if t.text in _DROP_ARG and toks[k + 1].text == "{":
        return _group_end(toks, k + 1)
    if t.text == r"\mathop" and toks[k + 1].text == "{" and toks[k + 2].text == "}":  # \mathop{}\!\mathrm{d}: spacing
        return k + 3
    if t.text == "[" and k and toks[k - 1].text == "\\\\":  # \\[1em]: a line break's extra space
        end = next((m for m in range(k + 1, min(k + 8, len(toks))) if toks[m].text == "]"), None)
        if end is not None and re.fullmatch(r"-?[\d.]+(em|ex|pt|mm|cm|in|mu)", "".join(x.text for x in toks[k + 1:end])):
            return end + 1
    return None


def _clean(toks: list[_Tok], src: str) -> list[_Tok]:
    """Drop what only typesets (sizers, spacing, colours, tags, align markers) and check environments."""
    refused(toks, src)  # x = 1 \Rightarrow w = 0: two statements, not a chain
    toks = superscripts(unwrapped(right_defines_read(toks, _Tok)), src, _Tok)  # A =: B; \cssId{id}{X}; x^10
    out: list[_Tok] = []
    k = 0
    in_cases = 0
    while k < len(toks):
        t = toks[k]
        rewritten = _old_font(toks, k) or _rewritten(toks, k, src) or primes(toks, k, _Tok) or \
            power_outside(toks, k, _Tok) or mapped(toks, k, _Tok) or identity_spelled(toks, k, _Tok) or \
            braced_name(toks, k) or accent_outside(toks, k)
        if rewritten is not None:
            out.extend(rewritten[0])
            k = rewritten[1]
            continue
        respelled = _respelled(toks, k)
        past = _typesetting(toks, k) if respelled is None else respelled[1]
        if respelled is not None and not (respelled[0].text == "=" and out and out[-1].text == "="):
            out.append(respelled[0])
        if past is not None:
            k = past
        elif t.text in (r"\begin", r"\end") and toks[k + 1].text == "{":
            k, kept = _environment(toks, k, src)
            if kept:
                in_cases += 1 if t.text == r"\begin" else -1
                out.append(_Tok("cmd", t.text + "{" + kept + "}", t.col))
        elif _layout(t, toks[k - 1], out, in_cases) or _tie(toks, k, src):
            k += 1
        elif _empty_group(toks, k, out):  # {}={}: an empty group only spaces the = out
            k += 2
        else:
            out.append(t)
            k += 1
    return out


def _tie(toks: list[_Tok], k: int, src: str) -> bool:
    """Whether ``~`` at ``k`` is LaTeX's tie, a space (``\\nabla_x~\\bigg[``): in LaTeX and glued to what it joins;
    ``x ~ N(0, 1)`` with spaces around it says "distributed as" and is left to be refused."""
    t = toks[k]
    return t.text == "~" and "\\" in src and (src[t.col - 2:t.col - 1].strip() != "" or src[t.col:t.col + 1].strip() != "")


def _empty_group(toks: list[_Tok], k: int, out: list[_Tok]) -> bool:
    """Whether ``{}`` at ``k`` is an empty group beside a relation (``A {}={} B``: it only spaces the ``=``)."""
    if toks[k].text != "{" or toks[k + 1].text != "}":
        return False
    return toks[k + 2].text in _RELS or bool(out and out[-1].text in _RELS)


def _rewritten(toks: list[_Tok], k: int, src: str) -> tuple[list[_Tok], int] | None:
    """The tokens a construct at ``k`` stands for, and the index past it: ``\\underbrace{A}_{note}`` is A,
    ``\\hat{y_j}`` is ``\\hat{y}_j``, ``\\bbox[options]`` loses its options, ``\\d{}`` (TeX's dot-under accent on
    nothing: a page's macro) is the upright d; None for anything else."""
    t = toks[k]
    if t.text in (r"\underbrace", r"\overbrace") and toks[k + 1].text == "{":
        end = _group_end(toks, k + 1)
        mark = "_" if t.text == r"\underbrace" else "^"
        return _clean(toks[k + 1:end], src), _group_end(toks, end + 1) if toks[end].text == mark and \
            toks[end + 1].text == "{" else end
    if t.text == r"\d" and (toks[k + 1].text == "}" or [x.text for x in toks[k + 1:k + 3]] == ["{", "}"]):
        return [_Tok("letter", "d", t.col)], k + 1 + 2 * (toks[k + 1].text == "{")  # a page's \d macro, no accent
    if t.text == r"\bbox" and toks[k + 1].text == "[":
        return [t], next(m for m in range(k + 2, len(toks)) if toks[m].text == "]" or toks[m].kind == "end") + 1
    if t.text in _DECORATIONS and [x.kind for x in toks[k + 1:k + 4]] == ["sym", "letter", "sym"] and \
            toks[k + 1].text == "{" and toks[k + 3].text == "_":
        end = _group_end(toks, k + 1)
        return toks[k:k + 3] + [_Tok("sym", "}", toks[k + 3].col)] + _clean(toks[k + 3:end - 1], src), end
    return None


def _layout(t: _Tok, before: _Tok, out: list[_Tok], in_cases: int) -> bool:
    """Whether ``t`` only lays out: an align marker outside cases, a chain's ``=`` repeated across display lines
    (``$$A =$$ $$= B$$``; ``A = = B`` on one line stays an empty side)."""
    return (t.text in ("&", r"\\") and not in_cases) or (
        t.text == "=" and bool(out) and out[-1].text == "=" and before.text in ("$", r"\[", r"\]", r"\\", "&"))


def _environment(toks: list[_Tok], k: int, src: str) -> tuple[int, str]:
    """The index past ``\\begin{env}``/``\\end{env}`` and the environment the parser reads there: ``cases``, or
    ``matrix`` for an array of entries (bmatrix, pmatrix, an array with no ``=``: read.literals); "" for layout,
    which vanishes."""
    t = toks[k]
    env, end = _arg_text(toks, k + 1)
    entries = env in _MATRIX_ENVS or (env == "array" and not _aligns(toks, k))
    if t.text == r"\begin" and env in ("alignedat", "array") and toks[end].text == "{":
        end = _group_end(toks, end)  # the column spec
    if entries:
        return end, "matrix"
    if env in _TRANSPARENT_ENVS or env == "array":
        return end, ""
    if env != "cases":
        raise ParseError(f"environment {env} is not supported (write index notation)", column=t.col, source=src)
    return end, "cases"


def _aligns(toks: list[_Tok], k: int) -> bool:
    """Whether the ``array`` at ``k`` lays out a chain (``\\begin{array}{rcl} A &=& B``): an ``=`` in it; an array of
    entries (a vector, a matrix) is not layout."""
    step = 1 if toks[k].text == r"\begin" else -1  # from \begin forwards, from \end back
    depth = 0
    for m in range(k, len(toks) if step == 1 else -1, step):
        depth += ((toks[m].text == r"\begin") - (toks[m].text == r"\end")) * step
        if depth == 0 or toks[m].kind == "end":
            return False
        if toks[m].text == "=" and depth == 1:
            return True
    return False


def _unboxed(toks: list[_Tok]) -> list[_Tok]:
    """``\\bbox{...}`` or ``\\boxed{...}`` around a whole formula: the formula."""
    while len(toks) > 3 and toks[0].text in (r"\bbox", r"\boxed") and toks[1].text == "{" and \
            _group_end(toks, 1) == len(toks) - 1:
        toks = toks[2:-2] + toks[-1:]
    return toks


def _tokens(latex: str) -> list[_Tok]:
    """The cleaned tokens of one formula; the sentence's full stop or comma after it is dropped."""
    if not isinstance(latex, str) or not latex.strip():
        raise ParseError("empty LaTeX", column=1, source=latex if isinstance(latex, str) else None)
    return list(_cleaned(latex))


def tokenizes(text: str) -> bool:
    """Whether ``text`` tokenizes (the checks before a reader takes a text apart)."""
    try:
        _tokens(text)
    except ParseError:
        return False
    return True


@functools.lru_cache(maxsize=1024)
def _cleaned(latex: str) -> tuple[_Tok, ...]:
    """``_tokens``, kept: the readers of one input tokenize the same formulas again and again (31 times a corpus
    case); the tokens are frozen and depend on the text alone, and an error is raised again each time."""
    toks = ternaries(_clean(_unboxed(_math_in_prose(_raw_tokens(latex), latex)), latex), _Tok)  # c ? a : b: cases
    toks = without_line_ends(toks)  # a = b; (a line of code) = c
    while len(toks) > 2 and toks[-2].text in (".", ",", ";"):
        del toks[-2]
    note = next((k for k in range(len(toks) - 3, 0, -1) if toks[k].text in _NAMED and toks[k + 1].text == "{"
                 and _group_end(toks, k + 1) == len(toks) - 1), None)
    if note is not None and _arg_text(toks, note + 1)[0].startswith("(") and _arg_text(toks, note + 1)[0].endswith(")"):
        del toks[note:-1]  # ... \text{(normalization)}: a remark after the formula
    colon = next((k for k, t in enumerate(toks) if t.kind != "letter"), 0)
    if toks[colon].text == ":" and toks[colon + 1].text != "=" and toks[colon + 1].kind != "end" and \
            re.search(r"[A-Za-z]{3}", latex[:toks[colon].col - 1]):
        del toks[:colon + 1]  # Compact form: J = ...: a label in words before the formula
    if toks[0].text in _NAMED and toks[1].text == "{":
        label, end = _arg_text(toks, 1)
        if label.endswith(":") and end < len(toks) - 1:
            del toks[:end]  # \mbox{Cross-entropy loss: } J(w) = ...: a label before the formula
    return tuple(toks)


def _raw_tokens(latex: str) -> list[_Tok]:
    """The tokens of code (read/code.py), or of LaTeX and plain text with plain text's names and derivatives."""
    pieces = code_pieces(latex)
    if pieces is not None:
        return _code_tokens(pieces, latex)
    latex = braced(repaired(latex))  # 0.01 if z < 0, 1 if z >= 0: plain-text cases in braces
    flat = {k + 1 for k in flattened_transposes(latex)}  # XTX: X^TX, the ^ lost in copying
    toks = [u for t in _tokenize(latex) for u in ([_Tok("sym", "^", t.col), t] if t.col in flat else [t])]
    toks = starred(restored_commands(toks, latex, _Tok), _Tok)  # frac{partial}: backslashes lost; w^*: a name
    toks = bolded(toks, _GREEK, _Tok)  # \bX, \bb{X}: a page's macros for bold letters
    tildes = {k + 1 for k in copied_tildes(latex)}  # s~: s with its tilde accent, as a page shows it
    for k in [k for k in range(len(toks) - 1, 0, -1) if toks[k].col in tildes and toks[k].text == "~"]:
        toks[k - 1:k + 1] = [_Tok("cmd", r"\tilde", toks[k - 1].col), _Tok("sym", "{", toks[k - 1].col), toks[k - 1],
                             _Tok("sym", "}", toks[k].col)]
    toks = grouped(restored(toks, latex, _Tok), latex, _Tok)  # \sum{k=1}, \hat{y}i: the _ markdown ate; 1/2m
    toks = _plain_rewritten(toks, latex, lambda t, k, src: plain_name(t, k, src, _Tok))  # A1: A_{1}, y_hat: y_{hat}
    toks = _plain_rewritten(toks, latex, lambda t, k, src: stacked(t, k, src, _Tok))  # ∂ over ∂x, lines apart
    toks = _plain_rewritten(toks, latex, _plain_derivative)
    toks = _plain_rewritten(toks, latex, lambda t, k, src: wolfram_leibniz(t, k, _Tok))  # (dy(x))/(dx): dy/dx
    toks = _plain_rewritten(toks, latex, lambda t, k, src: decorated_label(t, k, src, _Tok))  # ŷ1: \hat{y}_{1}
    toks = _plain_rewritten(toks, latex, lambda t, k, src: traced(t, k, src, _Tok))  # trace of X: tr(X)
    toks = _plain_rewritten(toks, latex, lambda t, k, src: subscripted(t, k, src, _Tok))  # ∇A (...A...): ∇_A
    return _plain_rewritten(toks, latex, _glued_operator)


_GLUED = _FUNCS | {"ln", "sin", "cos", "tan", "sech", "relu", "softplus", "arcsin", "arccos"}


def _glued_operator(toks: list[_Tok], k: int, src: str) -> tuple[list[_Tok], int] | None:
    """In plain text, ``d/dxtanh(x)`` (the operator glued to a function's name and its parenthesis) is
    ``\\frac{d}{dx} tanh(x)``: x the variable, then the function; no other split of ``xtanh`` is a reading."""
    texts = [t.text for t in toks[k:k + 4]]
    if texts[:3] != ["d", "/", "d"] or toks[k + 3].kind != "letter" or re.search(r"[A-Za-z0-9_]$", src[:toks[k].col - 1]) \
            or any(toks[m + 1].col != toks[m].col + 1 for m in range(k, k + 3)):
        return None
    end = k + 4
    while toks[end].kind == "letter" and toks[end].col == toks[end - 1].col + 1:
        end += 1
    word = "".join(t.text for t in toks[k + 4:end])
    if word not in _GLUED or toks[end].text != "(" or toks[k + 4].col != toks[k + 3].col + 1:
        return None
    d, var = toks[k], toks[k + 3]
    return [_Tok("cmd", r"\frac", d.col), _Tok("sym", "{", d.col), d, _Tok("sym", "}", d.col),
            _Tok("sym", "{", toks[k + 2].col), toks[k + 2], var, _Tok("sym", "}", var.col)], k + 4


def _code_tokens(pieces: list[tuple[str, int]], src: str) -> list[_Tok]:
    """The tokens of code translated to LaTeX pieces (read/code.py), each with the column of its code."""
    text, cols = "", []
    for piece, col in pieces:
        text += piece + " "
        # a number's digits stand side by side, as the reader joins them (20, 2.5: not 2 times 0)
        cols += [col + k for k in range(len(piece) + 1)] if re.fullmatch(r"[\d.]+", piece) else \
            [col] * (len(piece) + 1)
    try:
        toks = _tokenize(text)
    except ParseError as exc:
        column = cols[min(exc.column or 1, len(cols)) - 1]
        raise ParseError(str(exc).rsplit(" at column", 1)[0], column=column, source=src) from None
    return [_Tok(t.kind, t.text, cols[t.col - 1] if t.col <= len(cols) else len(src) + 1) for t in toks]


def _plain_rewritten(toks: list[_Tok], src: str,
                     rule: Callable[[list[_Tok], int, str], tuple[list[_Tok], int] | None]) -> list[_Tok]:
    """``toks`` with each construct ``rule`` finds at an index (its tokens and the index past it) rewritten; LaTeX
    (a backslash anywhere) is left as written."""
    if "\\" in src:
        return toks
    out: list[_Tok] = []
    k = 0
    while k < len(toks):
        found = rule(toks, k, src)
        if found is None:
            out.append(toks[k])
            k += 1
        else:
            out += found[0]
            k = found[1]
    return out


def _plain_derivative(toks: list[_Tok], k: int, src: str) -> tuple[list[_Tok], int] | None:
    """In plain text, ``d(X.Y)/dX`` (d at a word's start, a parenthesis, ``/d`` and a name) is the derivative
    operator on the parenthesis, ``\\frac{\\partial}{\\partial X}(X.Y)``; not ``d(x)/dxy``."""
    t = toks[k]
    if t.text != "d" or toks[k + 1].text != "(" or toks[k + 1].col != t.col + 1 or \
            re.search(r"[A-Za-z0-9_]$", before(src, t.col)):
        return None
    close = _group_close(toks, k + 1)
    if close is None or [x.text for x in toks[close + 1:close + 3]] != ["/", "d"] or \
            toks[close + 3].kind != "letter" or toks[close + 3].col != toks[close + 2].col + 1:
        return None
    end = close + 4
    if toks[end].text == "_" and toks[end + 1].text == "{":
        end = _group_end(toks, end + 1)
    if toks[end].kind in ("letter", "digit") and toks[end].col == toks[end - 1].col + 1:
        return None  # d(x)/dxy: not one name after d
    return [_Tok("cmd", r"\frac", t.col), _Tok("sym", "{", t.col), _Tok("cmd", r"\partial", t.col),
            _Tok("sym", "}", t.col), _Tok("sym", "{", t.col), _Tok("cmd", r"\partial", toks[close + 2].col),
            *toks[close + 3:end], _Tok("sym", "}", toks[end - 1].col), *toks[k + 1:close + 1]], end


def _group_close(toks: list[_Tok], start: int) -> int | None:
    """The index of the ``)`` closing the ``(`` at ``start``, or None."""
    depth = 0
    for m in range(start, len(toks)):
        depth += (toks[m].text == "(") - (toks[m].text == ")")
        if depth == 0:
            return m
    return None


def _math_in_prose(toks: list[_Tok], latex: str) -> list[_Tok]:
    """``But the result is $X^{-1}$ (if I remember it right)``: a sentence with one formula in ``$...$`` (or
    ``$$...$$``) is that formula; anything else is left whole."""
    runs: list[list[int]] = []
    for k, t in enumerate(toks):
        if t.text == "$":
            if runs and runs[-1][-1] == k - 1 and toks[k - 1].col + 1 == t.col:  # $$, not $ then $ across a line
                runs[-1].append(k)
            else:
                runs.append([k])
    if len(runs) < 2 or len(runs) % 2 or runs[0][-1] + 1 == runs[1][0]:
        return toks
    outside = latex[:toks[runs[0][0]].col - 1] + " " + " ".join(
        latex[toks[runs[k][-1]].col:toks[runs[k + 1][0]].col - 1] for k in range(1, len(runs) - 1, 2)) + " " + \
        latex[toks[runs[-1][-1]].col:]
    if not re.search(r"[A-Za-z]{3}", outside):
        return toks
    if len(runs) > 2 and (ranged := range_in_words(latex, toks, runs, _Tok)) is not None:
        return ranged  # $A$ for all $k$ = 1, ..., $n$: the formula and the range of its index
    if len(runs) > 2:
        raise ParseError("a sentence with several formulas in $...$: give the one claimed", column=toks[runs[2][0]].col,
                         source=latex)
    return [*toks[runs[0][-1] + 1:runs[1][0]], toks[-1]]


def _source_text(t: _Tok, latex: str) -> str:
    """The original text of a token (a Unicode character stands for a longer command)."""
    if latex[t.col - 1:t.col - 1 + len(t.text)] == t.text:
        return t.text
    if t.text.startswith((r"\begin{", r"\end{")):  # \end{bmatrix} stands as \end{matrix}: the whole command
        close = latex.find("}", t.col - 1)  # none after a bare \end (read/code_pasted.py): the rest
        return latex[t.col - 1:close + 1] if close >= 0 else latex[t.col - 1:]
    return latex[t.col - 1]


def _split(toks: list[_Tok], at: set[str]) -> list[list[_Tok]]:
    """Split at top-level tokens in ``at`` (outside braces, brackets, parentheses and cases)."""
    parts: list[list[_Tok]] = [[]]
    depth = 0
    for t in toks[:-1]:
        if t.text in ("{", "(", "[", r"\{", r"\begin{cases}", r"\begin{matrix}"):
            depth += 1
        elif t.text in ("}", ")", "]", r"\}", r"\end{cases}", r"\end{matrix}"):
            depth -= 1
        if depth == 0 and t.text in at and t.kind != "end":
            parts.append([t])
        else:
            parts[-1].append(t)
    return parts
