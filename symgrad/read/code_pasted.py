"""What copying a page loses or doubles, repaired where only one reading is left: in ``\\begin{cases} x & x > 0 \\
\\alpha x & x \\leq 0 \\end{cases}`` the ``\\ `` between a row's condition and the next row's ``&`` is the row break
``\\\\`` that lost a backslash (two ``&`` in one row can mean nothing else), and a ``\\end`` closing the text while cases
are open is ``\\end{cases}``; a formula followed by its own display as plain text (``\\frac{dL}{da} = ...dadL=...``: a
page's TeX and what it shows both copied) is the formula once. Each repair keeps the columns of what it keeps, and is
said in the verdict's notes."""

from __future__ import annotations

import itertools
import re

from .page_markup import markup_blanked, markup_notes
from .pdf_text_layer import minus_notes, minus_restored, stacked_notes
from .row_breaks import rows_spelled
from .trailing_remarks import remark_blanked, remark_notes

_BEGIN, _END = r"\begin{cases}", r"\end{cases}"
_SPACE = re.compile(r"(?<!\\)\\ ")  # a control space, not the end of a \\


def _lost_breaks(src: str) -> list[int]:
    """The offsets of each ``\\ `` in cases that stands for a row break: the last one between a row's first ``&``
    and a second ``&`` of the same row."""
    found: list[int] = []
    start = src.find(_BEGIN)
    while start >= 0:
        pos = start + len(_BEGIN)
        end = src.find(_END, pos)
        body_end = len(src) if end < 0 else end
        for row in re.finditer(r"(?:(?!\\\\).)+", src[pos:body_end], re.DOTALL):
            text, at = row.group(0), pos + row.start()
            amps = [m.start() for m in re.finditer(r"(?<!\\)&", text)]
            for first, second in itertools.pairwise(amps):
                spaces = [m.start() for m in _SPACE.finditer(text, first, second)]
                if spaces:
                    found.append(at + spaces[-1])
        start = src.find(_BEGIN, body_end)
    return found


def _open_end(src: str) -> bool:
    """Whether ``src`` ends in a bare ``\\end`` while a ``\\begin{cases}`` is still open."""
    return bool(re.search(r"\\end\s*$", src)) and src.count(_BEGIN) == src.count(_END) + 1


# how a page displays what TeX writes, as the plain text a copy of the display gives
_DISPLAYED = {"−": "-", "–": "-", "×": "*", "⋅": "*", "·": "*", "∗": "*"}
_DISPLAYED_COMMANDS = {r"\times": "*", r"\cdot": "*", r"\ast": "*"}
_COMMAND = re.compile(r"\\([A-Za-z]+|.)")
_LONGEST = 600  # a formula and its display copied together are short; past this the search is not tried


def _displayed(tex: str) -> str | None:
    """The characters a page shows for the LaTeX ``tex``, without spaces, braces or the marks of scripts
    (``\frac{a}{b}`` shows b then a: MathJax and KaTeX copy a fraction's denominator first); None where a brace is
    not closed."""
    out, k = [], 0
    while k < len(tex):
        m = _COMMAND.match(tex, k)
        if m and m.group(0) == r"\frac" and tex[m.end():m.end() + 1] == "{":
            num_end = _close(tex, m.end())
            den_end = _close(tex, num_end + 1) if num_end is not None and tex[num_end + 1:num_end + 2] == "{" else None
            if den_end is None:
                return None
            out += [_displayed(tex[num_end + 2:den_end]) or "", _displayed(tex[m.end() + 1:num_end]) or ""]
            k = den_end + 1
        elif m:
            alpha = m.group(1).isalpha() and m.group(1) not in ("left", "right", "quad", "qquad")
            out.append(_DISPLAYED_COMMANDS.get(m.group(0), m.group(1) if alpha else ""))
            k = m.end()
        else:
            out.append("" if tex[k].isspace() or tex[k] in "{}^_" else _DISPLAYED.get(tex[k], tex[k]))
            k += 1
    return "".join(out)


def _close(tex: str, start: int) -> int | None:
    """The index of the ``}`` closing the ``{`` at ``start``."""
    depth = 0
    for k in range(start, len(tex)):
        depth += (tex[k] == "{") - (tex[k] == "}")
        if depth == 0:
            return k
    return None


def _doubled_at(src: str) -> int | None:
    """Where the display of the LaTeX before it starts, where ``src`` is an equation (an ``=`` shown: a product of
    a formula with itself is never one) then its own display as plain text; None for anything else."""
    last = src.rfind("\\")
    if last < 0 or len(src) > _LONGEST or "=" not in src[last:]:
        return None
    shown_rest = ["" if c.isspace() else _DISPLAYED.get(c, c) for c in src]
    for k in range(last + 1, len(src)):
        shown = _displayed(src[:k])
        if shown and "=" in shown and shown == "".join(shown_rest[k:]):
            return k
    return None


_ENVIRONMENT = re.compile(r"\\(?:begin|end)\s*\{[^{}]*\}")
_GREEK_SHOWN = {"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "theta": "θ", "lambda": "λ",
                "mu": "μ", "sigma": "σ", "pi": "π", "eta": "η", "phi": "ϕ", "tau": "τ", "omega": "ω"}


_SHOWN_COMMANDS = {r"\sum": "∑", r"\prod": "∏", r"\partial": "∂", r"\nabla": "∇", r"\infty": "∞", r"\neq": "≠",
                   r"\le": "≤", r"\leq": "≤", r"\ge": "≥", r"\geq": "≥", r"\cdot": "*", r"\times": "*"}
_SHOWN_NAMES = {"log", "ln", "exp", "max", "min", "tanh", "sin", "cos", "sigmoid", "softmax", "det", "tr"}


def _fractions_swapped(text: str) -> str:
    """``text`` with each ``\frac{a}{b}`` as ``{b}{a}``: a copy of a rendered fraction gives its denominator first."""
    at = text.find(r"\frac{")
    if at < 0:
        return text
    num_end = _close(text, at + 5)
    den_end = _close(text, num_end + 1) if num_end is not None and text[num_end + 1:num_end + 2] == "{" else None
    if den_end is None:
        return text
    num, den = text[at + 6:num_end], text[num_end + 2:den_end]
    return text[:at] + "{" + _fractions_swapped(den) + "}{" + _fractions_swapped(num) + "}" + \
        _fractions_swapped(text[den_end + 1:])


def _shown_command(m: re.Match) -> str:
    name = m.group(1)
    return _SHOWN_COMMANDS.get(m.group(0)) or _GREEK_SHOWN.get(name) or (name if name in _SHOWN_NAMES else "")


def _shown_letters(text: str) -> str:
    """``text`` as a rendering shows it, reduced to what a copy of the rendering keeps for certain: no spaces, braces,
    scripts' marks, alignment or primes; environments and sizers dropped; Greek letters, operators and function
    names shown as a rendering shows them."""
    text = _ENVIRONMENT.sub("", text)
    text = _COMMAND.sub(_shown_command, text)
    return "".join(_DISPLAYED.get(c, c) for c in text if not c.isspace() and c not in "{}^_&'’")


def _rendered_before(src: str) -> int | None:
    """Where the LaTeX starts, where ``src`` is a page's rendering copied as plain text (no backslash, an ``=``) then
    the LaTeX it renders (``f(x)=max(0,x)f(x) = \rm {max}(0, x)``); None for anything else."""
    first = src.find("\\")
    if first < 0 or len(src) > _LONGEST:
        return None
    for k in range(3, first + 1):
        shown = _shown_letters(src[:k])
        if "=" in shown and "=" in src[k:] and not src[k - 1].isspace() and \
                shown in (_shown_letters(src[k:]), _shown_letters(_fractions_swapped(src[k:]))):
            return k
    return None


# T glued after a name or a bracket, where copying a page's display lost its superscript: XTX, ATb, (Ax - b)T
_FLAT_T = re.compile(r"(?<=[A-Za-z)\]])T(?![a-z]{2}|r\b|r\(|[0-9_^'’])")
# softmaxT, theT: a word, not a name with its transpose; capitals only (ABAT) are names, A B A^T
_WORD_BEFORE = re.compile(r"(?=[A-Za-z]*[a-z])[A-Za-z]{3,}$")


def flattened_transposes(src: str) -> list[int]:
    """The offsets of each ``T`` in plain text (no backslash) that is a transpose whose ``^`` copying lost: glued
    to the name or bracket before it (``ATb``, ``ssT``, ``(Ax - b)T``), not starting a word (``Tr``, ``The``); none
    where the text also writes T alone (``x/T``: T is a name there)."""
    if "\\" in src:
        return []
    found = [m.start() for m in _FLAT_T.finditer(src) if not _WORD_BEFORE.search(src[:m.start()])]
    alone = [m.start() for m in re.finditer(r"(?<![A-Za-z)\]])T(?![a-z])", src)]  # x/T, T + 1: T is a name here
    return [] if alone else found


# s~: a tilde accent copied from a page's display (s̃) as the ~ after its letter; not x~N(0, 1) or x~p(x), "distributed as"
_COPIED_TILDE = re.compile(r"(?<=[A-Za-z])~(?!\s*[A-Z]|\s*[a-z]\()")


def copied_tildes(src: str) -> list[int]:
    """The offsets of each ``~`` in plain text (no backslash: in LaTeX ~ is a space) glued after a letter, the tilde
    accent of that letter as a page shows it (``s~ = logsoftmax(x)``: s̃)."""
    return [] if "\\" in src else [m.start() for m in _COPIED_TILDE.finditer(src)]


def _crossed_braces(src: str) -> list[tuple[int, int]]:
    """Each ``{\\{ ... }\\}`` (``\\max{\\{0, 1 - y}\\}``: a group and a set's braces crossed in copying): the
    offsets of its ``{`` and of the ``}`` that closes it, which ``\\}`` follows."""
    found = []
    for m in re.finditer(r"(?<!\\)\{\\\{", src):
        depth = 0
        for k in range(m.start(), len(src)):
            escaped = k > 0 and src[k - 1] == "\\"
            depth += (src[k] == "{" and not escaped) - (src[k] == "}" and not escaped)
            if depth == 0:
                if src.startswith("\\}", k + 1) and "\\}" not in src[m.end():k]:
                    found.append((m.start(), k))
                break
    return found


# AsciiMath as Socratic and other Q&A sites store it: #...# around it, color(red)(...) and cancel(...) only typeset
_ASCIIMATH_MARKS = re.compile(r"(?<![\\\w])(?:color\s*\(\s*[A-Za-z]+\s*\)|cancel(?=\s*\())")
# #...# around AsciiMath, no LaTeX inside, the whole text (or all of a bracket): never a macro's #1 ... #2
_HASHED = re.compile(r"(?:^|(?<=\())\s*#([^#\\]*)#\s*(?=$|\)|\\right)")


def _asciimath_blanks(src: str) -> list[int]:
    """The offsets of what only typesets in AsciiMath: the ``#`` delimiters around it (no LaTeX between them),
    ``color(red)`` and ``cancel`` before the parenthesis they colour or strike (a struck term still counts:
    it cancels another), and that parenthesis where the page never closes it (it runs to the end)."""
    blanks: list[int] = []
    for m in _HASHED.finditer(src):
        blanks += [m.start(1) - 1, m.end(1)]
    for m in _ASCIIMATH_MARKS.finditer(src):
        blanks += range(m.start(), m.end())
        paren = src.index("(", m.end())
        depth = 0
        for k in range(paren, len(src)):
            depth += (src[k] == "(") - (src[k] == ")")
            if depth == 0:
                break
        else:
            blanks.append(paren)  # color(green)(1/(1+e^x)#: the colour runs to the end
    return blanks


def repaired(src: str) -> str:
    """``src`` with the row breaks and the ``\\end{cases}`` that copying lost put back, and a display copied after
    its formula blanked, and the markup around the mathematics ([tex], <math>, backtick fences) and a remark in words
    after it ((the residual)), and row breaks as pages spell them (``\\cr``, ``\\\\[8px]``) (columns kept)."""
    src = minus_restored(remark_blanked(markup_blanked(rows_spelled(src))))  # A−^1: A^−1
    doubled = _doubled_at(src)
    if doubled is not None:
        src = src[:doubled] + " " * (len(src) - doubled)
    rendered = _rendered_before(src)
    if rendered is not None:
        src = " " * rendered + src[rendered:]
    blanks = set(_asciimath_blanks(src))
    src = "".join(" " if k in blanks else c for k, c in enumerate(src))
    for opened, closed in _crossed_braces(src):  # {\{ A }\} as \{ A \}, each the same width
        src = f"{src[:opened]} {src[opened + 1:closed]}{src[closed + 1:closed + 3]} {src[closed + 3:]}"
    if _BEGIN not in src:
        return src
    text = list(src)
    for at in _lost_breaks(src):
        text[at + 1] = "\\"
    out = "".join(text)
    return re.sub(r"\\end\s*$", lambda m: _END, out) if _open_end(src) else out


def pasted_notes(src: str) -> list[str]:
    """What ``repaired`` decided for ``src``, as notes for the verdict."""
    notes = markup_notes(src) + remark_notes(markup_blanked(src)) + minus_notes(src) + stacked_notes(src)
    src = remark_blanked(markup_blanked(src))
    doubled = _doubled_at(src)
    if doubled is not None:
        notes.append(f"text: {src[doubled:].strip()} read as the page's display of the formula before it, copied "
                     "with it: the formula is read once")
    rendered = _rendered_before(src)
    if rendered is not None:
        notes.append(f"text: {src[:rendered].strip()} read as the page's rendering of the LaTeX after it, copied with "
                     "it: the LaTeX is read")
    if _asciimath_blanks(src):
        notes.append("text: AsciiMath read as its mathematics: #...#, color(...) and cancel(...) only typeset (a "
                     "cancelled term still counts)")
    if _crossed_braces(src):
        notes.append(r"text: {\{ ... }\} read as \{ ... \} (a group's braces and a set's crossed in copying)")
    if copied_tildes(src):
        notes.append("text: a ~ glued after a letter (s~) read as its tilde accent, \\tilde{s}, as copied from the page")
    if flattened_transposes(src):
        notes.append("text: a T glued after a name (ATb, ssT) read as the transpose, its ^ lost in copying")
    if _BEGIN not in src:
        return notes
    if _lost_breaks(src):
        notes.append(r"text: \ between two rows of cases read as the row break \\ (a backslash lost in copying)")
    if _open_end(src):
        notes.append(r"text: the closing \end read as \end{cases}")
    return notes
