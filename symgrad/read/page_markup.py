"""The markup a page wraps its mathematics in, which only says "this is math" and is blanked (columns kept): a forum's
``[tex]...[/tex]`` or ``[math]...[/math]``, MediaWiki's ``<math>...</math>``, markdown's backtick fences around the
whole text (``````yi = ...``````) and its quote marker before a quoted formula (``> $\\sigma(x) = ...$``),
reStructuredText's ``.. math::`` directive and ``:math:`...``` role (Sphinx sources), markdown's bold ``**-**`` kept
in copying, and MediaWiki's message for a
formula its server failed to render, copied before the formula's own source
(``Failed to parse (SVG (MathML ...): Invalid response (...) from server "...":): {\\displaystyle a = b}``)."""

from __future__ import annotations

import re

# each: the markup, and what the verdict's note calls it; a tag stands as the $ it means (a sentence around a formula in
# $...$ is read by read/tokens)
_TAGS = (
    (re.compile(r"\[(tex|math|latex|itex)\]|\[/(tex|math|latex|itex)\]", re.IGNORECASE), "[tex]...[/tex]"),
    (re.compile(r"<math(?:\s+[a-z]+=\"[^\"<>]*\")*\s*>|</math\s*>", re.IGNORECASE), "<math>...</math>"),
)
# the whole text between runs of backticks, a markdown code fence (or inline code) that lost its rendering
_FENCES = re.compile(r"^\s*(`+)(?=[^`])|(?<=[^`])(`+)\s*$")
# MediaWiki's rendering failure, up to the {\displaystyle ...} that holds the formula's source
_FAILED = re.compile(r"Failed to parse \(.*?\):\s*(?=\{\\displaystyle)", re.DOTALL)
_DISPLAYSTYLE = re.compile(r"\{\\displaystyle\b")  # MediaWiki's source of a formula, {\displaystyle a = b}
# a style group around the whole formula, from its first character to its last ({\textstyle \begin{aligned} ...
# \end{aligned} }): only a style, like $...$; a group inside a formula ({\textstyle \sum} x) is the formula's own
_WHOLE_STYLE = re.compile(r"^[\s$]*(\{\\(?:textstyle|scriptstyle)\b)")
# reStructuredText (Sphinx): the directive ``.. math::`` that opens a display, each at the start of a line
_DIRECTIVE = re.compile(r"^[ \t]*\.\.[ \t]+math::", re.MULTILINE)
# and its inline role :math:`...`, which stands as the $...$ it means (the backticks paired, nothing between them)
_ROLE = re.compile(r":math:`([^`]*)`")
_ROLE_NAME = ":math:`...` (reStructuredText)"
# markdown's quote marker > before each line of a quoted formula (> $\sigma(x) = ...$), where the text opens with one
# before its $: no formula starts with >
_QUOTED = re.compile(r"\s*>[ \t]*(?:\$|\\\(|\\\[)")
_QUOTE = re.compile(r"^[ \t]*(>)(?=[ \t$])", re.MULTILINE)
# markdown's bold **...** that copying kept (``= **-** 2 w_2 x``): emphasis only; the pair stands apart from what is
# around it (a space or the text's end), unlike a power (x**2**y, ||x||**2)
_BOLD_NAME = "**...** (markdown's bold)"
_BOLD = re.compile(r"(?:(?<=\s)|^)\*\*(?=[^\s*])[^*\n]*?[^\s*]\*\*(?=\s|$)")


def _markup(src: str) -> list[tuple[int, int, str]]:
    """Each piece of wrapping markup in ``src``: its start, its end and what it is."""
    found = [(m.start(), m.end(), name) for pattern, name in _TAGS for m in pattern.finditer(src)]
    if src.count("`") and "`" not in src.strip().strip("`"):
        found += [(m.start(), m.end(), "backtick fences") for m in _FENCES.finditer(src)]
    found += [(m.start(), m.end(), "MediaWiki's 'Failed to parse' message") for m in _FAILED.finditer(src)]
    found += [(m.start(), m.end(), ".. math:: (reStructuredText)") for m in _DIRECTIVE.finditer(src)]
    if _QUOTED.match(src):
        found += [(m.start(1), m.end(1), "> (markdown's quote)") for m in _QUOTE.finditer(src)]
    for m in _ROLE.finditer(src):
        found += [(m.start(), m.start(1), _ROLE_NAME), (m.end(1), m.end(), _ROLE_NAME)]
    for m in _BOLD.finditer(src):
        if re.search(r"[\w)\]]\s*$", src[:m.start()]) and re.match(r"\s*[\w(]", src[m.end():]):
            continue  # 2 **x** 2: between two operands, Python's power
        found += [(m.start(), m.start() + 2, _BOLD_NAME), (m.end() - 2, m.end(), _BOLD_NAME)]
    for m in _DISPLAYSTYLE.finditer(src):
        close = closing_brace(src, m.start())
        if close is not None and not src[close + 1:].strip(" .,"):
            found += [(m.start(), m.end(), "{\\displaystyle ...}"), (close, close + 1, "{\\displaystyle ...}")]
    whole = _WHOLE_STYLE.match(src)
    close = whole and closing_brace(src, whole.start(1))
    if close is not None and not src[close + 1:].strip(" .,$"):
        name = "{" + src[whole.start(1) + 1:whole.end(1)] + " ...}"
        found += [(whole.start(1), whole.end(1), name), (close, close + 1, name)]
    return found


def closing_brace(src: str, start: int) -> int | None:
    """The offset of the ``}`` closing the ``{`` at ``start`` (escaped braces ``\\{`` do not count), or None."""
    depth = 0
    for k in range(start, len(src)):
        if k and src[k - 1] == "\\":
            continue
        depth += (src[k] == "{") - (src[k] == "}")
        if depth == 0:
            return k
    return None


def markup_blanked(src: str) -> str:
    """``src`` with the markup around its mathematics blanked, the same width; a tag is the ``$`` it stands for."""
    for start, end, name in _markup(src):
        if name == _ROLE_NAME:  # :math:`x` as $x$
            src = src[:start] + " " * (end - start - 1) + "$" + src[end:]
            continue
        dollar = name.startswith(("[", "<")) and end - start > 1
        closing = dollar and src[start + 1] == "/"
        src = src[:start] + ("$" if dollar and closing else "") + " " * (end - start - dollar) + \
            ("$" if dollar and not closing else "") + src[end:]
    return src


def markup_notes(src: str) -> list[str]:
    """What ``markup_blanked`` dropped, as notes for the verdict."""
    names = sorted({name for _, _, name in _markup(src)})
    return [f"text: the page's markup {name} only emphasises: dropped" if name == _BOLD_NAME else
            f"text: the page's markup {name} around the formula only marks it as mathematics: dropped" for name in names]
