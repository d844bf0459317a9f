"""A derivation as a document: a LaTeX fragment, a standalone LaTeX article, Markdown, terminal text.

The three LaTeX-based formats share one layout (definitions, steps with their rules, results,
notes) and differ only in their ``_Style``; the terminal text has its own aligned rows.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

import sympy as sp
from sympy.printing.pretty.pretty_symbology import pretty_symbol

from .._version import __version__
from ..derivation import Note, Section
from ..files import GENERATED_MARK
from ..matrix import Form
from ..tensors import name_of, shape_of
from .matrices import matrix_latex_lines, matrix_text
from .printer import latex_lines, to_latex, visual_width
from .prose import _markdown_escape, text_in_latex, text_in_math
from .text import to_text

if TYPE_CHECKING:
    from ..derivation import Derivation, Graph, Result, Step

REMAKE_COMMAND = "symgrad build derivations"

# Widths in typeset characters (see visual_width): an align* row of lhs, rhs and note gets PAGE_WIDTH,
# and a rhs never less than MIN_WIDTH.
PAGE_WIDTH = 72
MIN_WIDTH = 34
NOTE_WIDTH = 36


@dataclass(frozen=True)
class _Style:
    """How one output format sets headings, paragraphs, lists and display formulas."""

    heading: Callable[[str, int], str]
    paragraph: Callable[[str], str]
    items: Callable[[list[str]], str]
    display: Callable[[list[str]], str]
    escape_math_text: bool = True


def _align(rows: list[str]) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}"


def _itemize(items: list[str]) -> str:
    return "\\begin{itemize}\n" + "\n".join(r"\item " + i for i in items) + "\n\\end{itemize}"


_FRAGMENT = _Style(
    # plain-text headings, so the fragment also reads right in a notebook (MathJax sets only the math)
    heading=lambda title, level: text_in_latex(title),
    paragraph=text_in_latex,
    items=lambda items: "\n\n".join(items),
    display=_align,
)
_DOCUMENT = _Style(
    heading=lambda title, level: (r"\section*{%s}" if level == 0 else r"\subsection*{%s}") % text_in_latex(title),
    paragraph=text_in_latex,
    items=_itemize,
    display=_align,
)
_MARKDOWN = _Style(
    heading=lambda title, level: "#" * (level + 1) + " " + _markdown_escape(title),
    paragraph=_markdown_escape,
    items=lambda items: "\n".join("- " + i for i in items),
    display=lambda rows: "$$\n\\begin{aligned}\n" + " \\\\\n".join(rows) + "\n\\end{aligned}\n$$",
    escape_math_text=False,
)


def sections(steps: Sequence[Step]) -> list[tuple[Section | str, list[Step]]]:
    """Consecutive steps with the same ``section`` grouped under it, in order."""
    groups: list[tuple[Section | str, list[Step]]] = []
    for step in steps:
        if groups and groups[-1][0] == step.section:
            groups[-1][1].append(step)
        else:
            groups.append((step.section, [step]))
    return groups


def section_title(section: Section | str) -> str:
    """A section's heading in words: "with respect to σ", the name as the terminal prints it."""
    return f"with respect to {to_text(section.wrt)}" if isinstance(section, Section) else section


def note_text(note: str | Note) -> str:
    """A note as one line of Unicode text, its formulas as the terminal prints them."""
    if isinstance(note, Note):
        return "".join(part if isinstance(part, str) else to_text(part) for part in note.parts)
    return note


@dataclass(frozen=True)
class _Row:
    """One equation of a display block: ``lhs = rhs``, a note in words, then a formula (``detail``).

    ``lhs`` None continues the equation above. A note wider than NOTE_WIDTH wraps onto the
    following lines of the note column; so does a detail that does not fit after the words.
    """

    lhs: str | None
    rhs: sp.Basic | Form | str  # a matrix form breaks between its terms, an expression as latex_lines breaks it
    words: str = ""
    detail: str = ""
    boxed: bool = False

    def notes(self, style: _Style) -> list[str]:
        words = textwrap.wrap(self.words, NOTE_WIDTH)
        lines = [text_in_math(line, style.escape_math_text) for line in words]
        if not self.detail:
            return lines
        if words and len(words[-1]) + visual_width(self.detail) <= NOTE_WIDTH:
            # the space between words and formula goes inside \text, where it is not dropped
            return lines[:-1] + [text_in_math(words[-1] + " ", style.escape_math_text) + " " + self.detail]
        return lines + [(r"\quad " if lines else "") + self.detail]


def _display_rows(rows: list[_Row], style: _Style) -> list[str]:
    """``lhs &= rhs && note`` lines; a long rhs continues on ``&\\quad`` lines.

    The columns of an ``align*`` are shared by all its rows, so the room for a right-hand
    side is what the widest left side and the widest note of the block leave on the page.
    """
    notes = [row.notes(style) for row in rows]
    left = max(visual_width(r.lhs or "") for r in rows)
    width = max(MIN_WIDTH, PAGE_WIDTH - left - max((visual_width(n) for ns in notes for n in ns), default=0))
    out = []
    for row, row_notes in zip(rows, notes):
        lines = ([row.rhs] if isinstance(row.rhs, str) else matrix_latex_lines(row.rhs, width)
                 if isinstance(row.rhs, Form) else latex_lines(row.rhs, width))
        if row.boxed and len(lines) == 1:
            lines = [rf"\boxed{{{lines[0]}}}"]
        lines += [""] * (len(row_notes) - len(lines))
        for n, line in enumerate(lines):
            start = "%s &= " % (row.lhs or "") if n == 0 else (r"&\quad " if line else "&")
            note = row_notes[n] if n < len(row_notes) else ""
            out.append((start + line + (" && " + note if note else "")).rstrip())
    return out


def _range_note(indices: Sequence[sp.Idx]) -> str:
    return r",\ ".join(rf"1 \le {to_latex(i)} \le {to_latex(i.upper)}" for i in indices)


def _set_latex(domain: sp.Set | None) -> str:
    """``\\mathbb{R}``, or the declared ``(0, 1)``, ``[0, \\infty)``, ``\\{0, 1\\}``, spelled as the reader reads them."""
    if domain is None:
        return r"\mathbb{R}"
    if isinstance(domain, sp.Interval):
        ends = f"{to_latex(domain.start)}, {to_latex(domain.end)}"
        return ("(" if domain.left_open else "[") + ends + (")" if domain.right_open else "]")
    if isinstance(domain, sp.FiniteSet):
        return r"\{" + ", ".join(to_latex(v) for v in domain.args) + r"\}"
    return to_latex(domain)


def _space(tensor: sp.Basic, domain: sp.Set | None) -> str:
    """``x \\in \\mathbb{R}^{N}``, ``\\epsilon \\in (0, 1)``: an input with its shape and declared domain."""
    shape = shape_of(tensor)
    dims = r" \times ".join(to_latex(s) for s in shape)
    return to_latex(sp.Symbol(name_of(tensor))) + r" \in " + _set_latex(domain) + (f"^{{{dims}}}" if shape else "")


def _matrix_lhs(result: Result) -> str:
    of, var = (to_latex(sp.Symbol(name_of(x))) for x in (result.of, result.var))
    return rf"\frac{{\partial {of}}}{{\partial {var}}}"


def _result_rows(result: Result) -> list[_Row]:
    rows = [_Row(to_latex(sp.Derivative(result.of, result.var)), result.expr, boxed=True)]
    if result.cases:
        cases = r" \\ ".join(rf"{to_latex(e)} & \text{{if }} {to_latex(cond)}" for cond, e in result.cases)
        rows.append(_Row(None, rf"\begin{{cases}} {cases} \end{{cases}}"))
    if result.matrix_form is not None:
        rows.append(_Row(_matrix_lhs(result), result.matrix_form, "matrix form"))
    return rows


def _note(note: str | Note, style: _Style) -> str:
    """A note as a paragraph of ``style``: its words as text, its formulas as inline math."""
    if isinstance(note, str):
        return style.paragraph(note)
    return "".join(style.paragraph(part) if isinstance(part, str) else f"${to_latex(part)}$" for part in note.parts)


def _heading(title: str) -> str:
    return title[:1].upper() + title[1:]


def _graph_blocks(graph: Graph, style: _Style) -> list[str]:
    """The definitions, inputs and constraints of a graph, set in ``style``."""
    blocks = [style.heading("Definitions", 1)]
    if graph.definitions:
        blocks.append(style.display(_display_rows(
            [_Row(to_latex(x.lhs), x.rhs, detail=_range_note(x.indices)) for x in graph.definitions], style)))
    if graph.inputs:
        blocks.append("Inputs: " + ", ".join(f"${_space(t, graph.domain(name_of(t)))}$" for t in graph.inputs) + ".")
    if graph.constraints:
        blocks.append(style.paragraph("Constraints:"))
        blocks.append(style.display(_display_rows([_Row(to_latex(c.lhs), c.rhs, c.reason) for c in graph.constraints], style)))
    return blocks


def _body(d: Derivation, style: _Style) -> list[str]:
    """The blocks of a derivation in reading order, set in ``style``."""
    blocks = [style.heading(d.title, 0), *_graph_blocks(d.graph, style)]
    for title, steps in sections(d.steps):
        blocks.append(style.heading(_heading(section_title(title) or "Derivation"), 1))
        rows, previous = [], None
        for step in steps:
            lhs = None if previous is not None and step.lhs == previous else to_latex(step.lhs)
            words = step.rule + (":" if step.detail is not None and step.rule else "")
            rows.append(_Row(lhs, step.rhs, words, "" if step.detail is None else to_latex(step.detail)))
            previous = step.lhs
        blocks.append(style.display(_display_rows(rows, style)))
    if d.results:
        blocks.append(style.heading("Result" if len(d.results) == 1 else "Results", 1))
        blocks.append(style.display(_display_rows([row for r in d.results for row in _result_rows(r)], style)))
    if d.notes:
        blocks.append(style.heading("Notes", 1))
        blocks.append(style.items([_note(n, style) for n in d.notes]))
    return blocks


def header_lines(d: Derivation) -> list[str]:
    """What every generated file says first: made by symgrad, which version, how to remake it."""
    return [
        f"{GENERATED_MARK} {__version__} from the catalog entry '{d.name}'; do not edit by hand.",
        f"Remake with: {REMAKE_COMMAND}",
    ]


def derivation_fragment(d: Derivation) -> str:
    """A LaTeX fragment (title line, ``align*`` blocks) to paste into a document or show in a notebook."""
    return "\n\n".join(_body(d, _FRAGMENT)) + "\n"


_PREAMBLE = r"""\documentclass[11pt]{article}
\usepackage{amsmath}
\usepackage{amssymb}
\setlength{\textwidth}{6.5in}
\setlength{\oddsidemargin}{0in}
\setlength{\evensidemargin}{0in}
\setlength{\textheight}{9in}
\setlength{\topmargin}{-0.5in}
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.5\baselineskip}
\allowdisplaybreaks
\begin{document}
"""


def derivation_document(d: Derivation, *more: Derivation) -> str:
    """A standalone LaTeX document (article, amsmath, amssymb) that compiles with pdflatex.

    ``more`` derivations (the Hessian after the gradient) follow in the same document.
    """
    header = "".join("% " + line + "\n" for line in header_lines(d))
    bodies = ["\n\n".join(_body(x, _DOCUMENT)) for x in (d, *more)]
    return header + _PREAMBLE + "\n" + "\n\n".join(bodies) + "\n\n\\end{document}\n"


def derivation_markdown(d: Derivation) -> str:
    """Markdown with ``$$`` display math (``aligned``) that GitHub and Jupyter render."""
    header = f"<!-- {' '.join(header_lines(d))} -->\n"
    return header + "\n" + "\n\n".join(_body(d, _MARKDOWN)) + "\n"


def _text_rows(rows: list[tuple[str, str, str]]) -> list[str]:
    """``lhs = rhs   [note]`` lines with the ``=`` signs and the notes aligned."""
    left = max((len(lhs) for lhs, _, _ in rows), default=0)
    middle = min(max((len(rhs) for _, rhs, _ in rows), default=0), 60)
    out = []
    for lhs, rhs, note in rows:
        line = f"  {lhs.rjust(left)} = {rhs}"
        if note:
            line = f"{line.ljust(left + middle + 5)}  [{note}]"
        out.append(line.rstrip())
    return out


def _set_text(domain: sp.Set | None, plain: Callable[[sp.Basic], str]) -> str:
    """``ℝ``, or the declared ``(0, 1)``, ``[0, ∞)``, ``{0, 1}`` in terminal text."""
    if isinstance(domain, sp.Interval):
        ends = f"{plain(domain.start)}, {plain(domain.end)}"
        return ("(" if domain.left_open else "[") + ends + (")" if domain.right_open else "]")
    if isinstance(domain, sp.FiniteSet):
        return "{" + ", ".join(plain(v) for v in domain.args) + "}"
    return "ℝ" if domain is None else str(domain)


def _graph_text(graph: Graph, plain: Callable[[sp.Basic], str]) -> list[str]:
    """The definitions, inputs and constraints of a graph as terminal lines."""
    out = ["Definitions"]
    out += _text_rows([
        (plain(x.lhs), plain(x.rhs), ", ".join(f"{plain(i)} = 1..{plain(i.upper)}" for i in x.indices))
        for x in graph.definitions
    ])
    if graph.inputs:
        shapes = [
            plain(sp.Symbol(name_of(t))) + " ∈ " + _set_text(graph.domain(name_of(t)), plain)
            + ("^{" + "×".join(plain(s) for s in shape_of(t)) + "}" if shape_of(t) else "")
            for t in graph.inputs
        ]
        out.append("  inputs: " + ", ".join(shapes))
    if graph.constraints:
        out.append("Constraints")
        out += _text_rows([(plain(c.lhs), plain(c.rhs), c.reason) for c in graph.constraints])
    return out


def _result_text(result: Result, plain: Callable[[sp.Basic], str]) -> list[str]:
    """A result as terminal lines: the derivative, its cases, its matrix form."""
    out = _text_rows([(plain(sp.Derivative(result.of, result.var)), plain(result.expr), "")])
    out += [f"      {plain(cond)}: {plain(e)}" for cond, e in result.cases]
    if result.matrix_form is not None:
        of, var = (pretty_symbol(name_of(x)) for x in (result.of, result.var))
        out.append(f"      matrix form: ∂{of}/∂{var} = {matrix_text(result.matrix_form)}")
    return out


def derivation_text(d: Derivation) -> str:
    """The derivation as plain Unicode text for a terminal."""
    graph = d.graph
    # huber's threshold δ beside a Kronecker δ_in reads as δδ_in: the delta becomes an Iverson bracket [i = n]
    names = {name_of(t) for t in (*graph.inputs, *(x.lhs for x in graph.definitions))}
    plain = partial(to_text, iverson=bool(names & {"delta", "δ"}))
    out = [d.title, "=" * len(d.title), "", *_graph_text(graph, plain)]
    for title, steps in sections(d.steps):
        out += ["", section_title(title) or "Derivation"]
        rows, previous = [], None
        for step in steps:
            lhs = "" if previous is not None and step.lhs == previous else plain(step.lhs)
            detail = "" if step.detail is None else ": " + plain(step.detail)
            rows.append((lhs, plain(step.rhs), step.rule + detail))
            previous = step.lhs
        out += _text_rows(rows)
    if d.results:
        out += ["", "Result" if len(d.results) == 1 else "Results"]
        out += [line for result in d.results for line in _result_text(result, plain)]
    if d.notes:
        out += ["", "Notes"] + ["  - " + note_text(n) for n in d.notes]
    return "\n".join(out) + "\n"
