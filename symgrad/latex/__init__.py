"""Printers and documents: a derivation as LaTeX, Markdown (GitHub, Jupyter) and terminal text.

- ``order``: the reading order both printers share (sums last, positive terms first, decimals);
- ``printer``: ``SymgradLatexPrinter``, ``to_latex`` and the line breaker ``latex_lines``;
- ``text``: ``SymgradTextPrinter``, ``to_text``, and ``latex_to_text`` for LaTeX snippets;
- ``prose``: plain text inside LaTeX (paragraphs, notes in formulas);
- ``matrices``: matrix forms (``symgrad.matrix``'s trees) as LaTeX and as terminal text;
- ``documents``: the fragment, the standalone document, Markdown and terminal text of a ``Derivation``.

What a printer writes, symgrad's reader reads back as the same expression (tests/test_roundtrip.py).
"""

from __future__ import annotations

from ..files import GENERATED_MARK
from .documents import (
    MIN_WIDTH,
    NOTE_WIDTH,
    PAGE_WIDTH,
    REMAKE_COMMAND,
    derivation_document,
    derivation_fragment,
    derivation_markdown,
    derivation_text,
    header_lines,
    note_text,
    section_title,
    sections,
)
from .matrices import matrix_latex, matrix_text
from .order import decimal_text, readable_factors, readable_terms
from .printer import LINE_WIDTH, SymgradLatexPrinter, latex_lines, to_latex, visual_width
from .prose import text_in_latex, text_in_math
from .text import SymgradTextPrinter, latex_to_text, to_text

__all__ = [
    "GENERATED_MARK", "LINE_WIDTH", "MIN_WIDTH", "NOTE_WIDTH", "PAGE_WIDTH", "REMAKE_COMMAND", "SymgradLatexPrinter",
    "SymgradTextPrinter", "decimal_text", "derivation_document", "derivation_fragment", "derivation_markdown",
    "derivation_text", "header_lines", "latex_lines", "latex_to_text", "matrix_latex", "matrix_text", "note_text", "readable_factors",
    "readable_terms", "section_title", "sections", "text_in_latex", "text_in_math", "to_latex", "to_text", "visual_width",
]
