"""A diagonal matrix written by its entries among the facts, ``\\Lambda = \\operatorname{diag}(\\lambda_1, \\lambda_2,
\\dots, \\lambda_{d'}) \\in \\mathbb{R}^{d' \\times d'}`` (the Pumpkin Book's multiplier matrix): the entries are those of
a vector (``\\lambda`` of d' entries, as ``x_1 + \\dots + x_n`` sums the vector x), the matrix its diagonal matrix, and
the space, when written, the matrix's shape: the facts ``\\lambda \\in \\mathbb{R}^{d'}``, ``\\Lambda =
\\operatorname{diag}(\\lambda)``, ``\\Lambda \\in \\mathbb{R}^{d' \\times d'}``, noted."""

from __future__ import annotations

import re

from .lazy_patterns import pattern

_NAME = r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*\\?[A-Za-z]+\s*\}|\\?[A-Za-z]+)"
_DIAG = r"(?:\\operatorname\s*\{\s*diag\s*\}|\\(?:mathrm|text|rm)\s*\{\s*diag\s*\}|\\diag(?![A-Za-z])|diag)"
_LAST = r"_\s*(?:\{\s*(?P<last>[^{}]*(?:\{[^{}]*\}[^{}]*)*)\s*\}|(?P<lastb>[A-Za-z0-9]))"  # _n, _{d^{\prime}}
_DOTS = r"(?:\.\.\.|…|\\[lc]?dots(?![A-Za-z]))"
_WRITTEN = pattern(
    rf"\s*\$*\s*(?P<matrix>{_NAME})\s*=\s*{_DIAG}\s*(?:\\left\s*)?\(\s*(?P<entry>{_NAME})\s*_\s*\{{?\s*1\s*\}}?\s*,"
    rf"(?:\s*(?P=entry)\s*_\s*\{{?\s*2\s*\}}?\s*,)?\s*{_DOTS}\s*,\s*(?P=entry)\s*{_LAST}\s*"
    r"(?:\\right\s*)?\)\s*(?P<space>(?:\\in|∈)\s*\S.*?)?\s*\$*\s*[.,;]?\s*")


def diagonal_written(text: str) -> tuple[str, str] | None:
    """The facts ``text`` states when it is a diagonal matrix written by its entries (``\\Lambda =
    \\operatorname{diag}(\\lambda_1, \\dots, \\lambda_n)``, a space after it or not), and the note; None otherwise."""
    m = _WRITTEN.fullmatch(text)
    if m is None:
        return None
    last = (m["last"] if m["last"] is not None else m["lastb"]).strip()
    if re.fullmatch(r"[12]", last):  # diag(x_1, \dots, x_2): no entries between
        return None
    entry, matrix = m["entry"], m["matrix"]
    facts = [rf"{entry} \in \mathbb{{R}}^{{{last}}}", rf"{matrix} = \operatorname{{diag}}({entry})"]
    facts += [f"{matrix} {m['space']}"] if m["space"] else []
    return ", ".join(facts), (f"{matrix} = diag({entry}_1, ..., {entry}_{{{last}}}): the diagonal matrix of the vector "
                              f"{entry} of {last} entries")
