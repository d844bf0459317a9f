"""MATLAB/Octave pasted as a definition or a claim (``y = log(sum(exp(x), 2));``, ``exp(x)./repmat(s, 1, n)``) as
the Python syntax tree read/code.py translates, so that one translator gives both dialects their LaTeX.

The grammar is ``code_matlab.lark``. A text is MATLAB only where it parses and writes what only MATLAB writes: a
statement's closing ``;``, ``.*``, ``./``, ``.^``, a ``%`` comment, or a ``:`` argument. MATLAB's meaning decides:
``*`` is the matrix product, ``.*`` ``./`` ``.^`` elementwise, ``'`` the transpose, ``sum(x, 2)`` the row sums,
``x(3)`` the third entry (MATLAB counts from 1), ``x(:, j)`` column j, ``repmat(v, 1, n)`` v broadcast (the tree:
read/code_matlab_tree.py). Only a text that writes what only MATLAB writes is parsed: Lark loads then, so that
reading LaTeX never imports it."""

from __future__ import annotations

import ast
import re

_MARKS = re.compile(r"\.[*/^]|;\s*(%.*)?$|%|[(,]\s*:\s*[,)]")
NOTE = ("code: MATLAB read: * as the matrix product, .* ./ .^ elementwise, ' as the transpose, sum(x, 2) along each "
        "row and sum(x, 1) each column, x(k) counting from 1")
REPMAT_NOTE = "code: repmat(v, 1, n) read as v broadcast across the columns (repmat(v, m, 1) across the rows)"


def matlab_trees(src: str) -> list[tuple[ast.AST, str, int]] | None:
    """The sides of ``src`` (name and value, or the value) as Python trees, each with the text its columns count in
    and that text's offset, where ``src`` is MATLAB; None where it is not."""
    body = src.strip()
    if "\\" in src or "$" in src or not body.isascii() or not _MARKS.search(body):
        return None
    from .code_matlab_tree import matlab_sides  # the grammar and Lark, for a text that writes what MATLAB writes

    return matlab_sides(src)
