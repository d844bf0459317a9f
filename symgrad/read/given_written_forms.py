"""Equations among the facts whose written form says what they state: a one-hot vector written out (``\\mathbf{y} =
(0, \\dots, 0, 1, 0, \\dots, 0)^T``), a loss as some function of D (``L = f(D)``); and the two helpers the fact reader
shares with them, a side that is one name and the text of a fact's tokens."""

from __future__ import annotations

from .context import Context, Upstream
from .parser import _Parser
from .tokens import _DOTS, _split, _Tok


def lhs_name(latex: str, side: list[_Tok], ctx: Context) -> str | None:
    """The name a side is, when it is one name alone (``\\mathbf{y}``, ``L``, ``\\hat{p}``), else None."""
    p = _Parser(latex, side + [_Tok("end", "", side[-1].col + len(side[-1].text))], ctx)
    named = p.read_name(word=True)
    return named[0] if named is not None and p.peek().kind == "end" else None


def one_hot_tuple(latex: str, toks: list[_Tok], ctx: Context) -> bool:
    """``\\mathbf{y} = (0, \\dots, 0, 1, 0, \\dots, 0)^T``: a one-hot vector (one 1 among zeros), written out."""
    parts = _split(toks, {"="})
    if len(parts) != 2 or not parts[0]:
        return False
    right = [t.text for t in parts[1][1:]]
    while right and right[-1] in ("T", r"\top", r"\intercal", "'", "^"):
        right.pop()
    entries = [t for t in right[1:-1] if t != ","]
    if right[:1] != ["("] or right[-1:] != [")"] or entries.count("1") != 1 or \
            not set(entries) <= {"0", "1", *_DOTS} or not any(t.text in _DOTS for t in parts[1]):
        return False
    name = lhs_name(latex, parts[0], ctx)
    if name is None:
        return False
    ctx.one_hot.append((name, fact_source(latex, toks[:-1])))
    return True


def unknown_function(latex: str, toks: list[_Tok], ctx: Context) -> bool:
    """``L = f(D)`` with f and L not defined: the loss as some function of D, known only through its gradient by D,
    which a claim writes ``\\frac{\\partial L}{\\partial D}`` (an upstream gradient named ``dL_dD``)."""
    parts = _split(toks, {"="})
    if len(parts) != 2 or not parts[0]:
        return False
    loss = lhs_name(latex, parts[0], ctx)
    right = parts[1][1:]
    if loss is None or ctx.known(loss) and loss not in ctx.tensors or len(right) < 4 or \
            right[0].kind != "letter" or right[1].text != "(" or right[-1].text != ")":
        return False
    function = right[0].text
    output = lhs_name(latex, right[2:-1], ctx)
    if output is None or ctx.known(function) or function in (loss, output):
        return False
    ctx.upstream.append(Upstream(loss, output, f"d{loss}_d{output}", None, fact_source(latex, toks[:-1])))
    return True


def fact_source(latex: str, part: list[_Tok]) -> str:
    """The text of the tokens ``part`` of ``latex`` as written (a matrix up to its own closing brace)."""
    end = part[-1].col - 1 + len(part[-1].text)
    if part[-1].text.startswith(r"\end{"):  # \end{bmatrix}, cleaned to \end{matrix}: up to its own brace
        end = latex.find("}", part[-1].col - 1) + 1 or end
    return latex[part[0].col - 1:end].strip()
