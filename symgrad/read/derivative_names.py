"""A claim's head written as backprop code names derivatives (``dZ2 = (P - Q)/N``, ``dA = dC B^T``, ``dLdW = ...``,
``dydx = ...``, ``dsigmoid(x) = 1 - x^2``): d + a name the problem knows, where no such name is defined, is the
derivative of the page's loss by that name (of a defined function, its derivative at the argument); the head is read
as the fraction it abbreviates (noted). Nothing is read where ``d`` is itself a name (``d`` times the name)."""

from __future__ import annotations

import sympy as sp

from ..errors import ParseError
from .context import Context
from .tokens import _NAMED, _split, _Tok, _tokens
from .upstream import _words, outputs, read_undefined_loss, undefined

_GREEK = {"alpha", "beta", "gamma", "delta", "theta", "lambda", "mu", "sigma", "tau", "phi", "omega", "eta", "ell"}


def d_heads(latex: str, toks: list[_Tok], ctx: Context) -> list[_Tok]:
    """``toks`` with a d<name> head before the first ``=`` written as its fraction (noted); unchanged otherwise."""
    parts = _split(toks, {"="})
    head = parts[0]
    if len(head) > 3 and head[0].text in _NAMED and head[1].text == "{" and head[-1].text == "}":
        head = [_Tok(t.kind, t.text, head[0].col + k) for k, t in enumerate(head[2:-1])]  # code's dLdW: one word
    if len(parts) < 2 or len(head) < 2 or head[0].text != "d" or head[1].col != head[0].col + 1:
        return toks
    rest = head[1:]
    written = latex[head[0].col - 1:parts[0][-1].col - 1 + len(parts[0][-1].text)].strip()
    written = written if len(written) >= len(head) else "".join(t.text for t in head)
    if ctx.known("d"):
        name = "".join(t.text for t in rest if t.text not in ("{", "}"))
        if _known_value(name, ctx) and not ctx.known("d" + name):
            raise ParseError(f"{written} has two readings: d times {name} (d is a name here), or the derivative of "
                             f"the loss by {name} (backprop's d{name}); write d \\cdot {name}, or "
                             rf"\frac{{\partial L}}{{\partial {name}}}", column=head[0].col, source=latex)
        return toks
    fraction = _of_function(rest, ctx) or _of_loss(written, rest, toks, ctx) or _by_parameter(rest, ctx) or \
        _quotient(rest, toks, ctx)
    if fraction is None:
        return toks
    at = parts[0][0].col
    new = [_Tok(t.kind, t.text, at if t.col < 0 else t.col) for t in fraction]
    ctx.notes.append(f"{written} (d + a name, not defined) read as {_text(new)}")
    return new + toks[len(parts[0]):]


def _of_function(rest: list[_Tok], ctx: Context) -> list[_Tok] | None:
    """``dsigmoid(x)`` with ``sigmoid(x) = ...`` defined: ``\\frac{d}{dx} sigmoid(x)``."""
    k = next((k for k, t in enumerate(rest) if t.text == "("), None)
    name = "".join(t.text for t in rest[:k]) if k else ""
    if not k or name not in ctx.functions or rest[-1].text != ")" or len(ctx.functions[name].params) != 1:
        return None
    arg = rest[k + 1:-1]
    if not arg or any(t.text in (",", "(", "+", "-") for t in arg):
        return None
    return [*made(r"\frac{d}{d"), *arg, *made("}"), *rest]


def _of_loss(written: str, rest: list[_Tok], toks: list[_Tok], ctx: Context) -> list[_Tok] | None:
    """``dZ2`` with Z2 a name of the problem (not a function, not the loss): the derivative of the page's one scalar
    output by it; where the one output is an array, or the claim names its gradient (``dx = dy * (y + ...)``: d + the
    output, backprop code's upstream gradient), of a loss L nobody defined (``upstream``)."""
    name = _indexed_base(rest, ctx)
    if not _known_value(name, ctx) or ctx.known(written.replace(" ", "")):
        return None
    ends = outputs(ctx)
    if len(ends) != 1 or ends[0] == name:
        return None
    loss = ends[0]
    if not isinstance(ctx.definitions[loss].lhs, sp.Symbol) or f"d{loss.replace('_', '')}" in _words(toks):
        # an array output, or dx = dy * ...: dy the upstream gradient of a loss L after the output y (backprop code)
        if not undefined("L", ctx) or not read_undefined_loss("L", toks, ctx, written):
            return None
        loss = "L"
    return [*made(rf"\frac{{\partial {spelled(loss)}}}{{\partial "), *rest, *made("}")]


def _by_parameter(rest: list[_Tok], ctx: Context) -> list[_Tok] | None:
    """``dx`` where the page defines nothing but one function of x (``f(x) = \\ln(e^x + 1)``, a layer's forward):
    the derivative of that function by its parameter, ``\\frac{\\partial f}{\\partial x}`` (code's backward for an
    incoming gradient of 1)."""
    name = "".join(t.text for t in rest if t.text not in ("{", "}"))
    if outputs(ctx) or len(ctx.functions) != 1:
        return None
    ((function, definition),) = ctx.functions.items()
    params = [str(q) for q in definition.params]
    if params != [name]:
        return None
    return made(rf"\frac{{\partial {spelled(function)}}}{{\partial {spelled(name)}}}")


def _indexed_base(rest: list[_Tok], ctx: Context) -> str:
    """The name after d: ``W_1`` where the problem knows W_1; ``g`` of ``dg_i`` where it knows g only as an array (an
    element's gradient, written with the element's index: ``dg_i``, ``dW_{ij}``)."""
    name = "".join(t.text for t in rest if t.text not in ("{", "}"))
    base, _, _ = name.partition("_")
    if _known_value(name, ctx) or "_" not in name or base not in ctx.tensors or rest[len(base)].text != "_":
        return name
    return base


def _quotient(rest: list[_Tok], toks: list[_Tok], ctx: Context) -> list[_Tok] | None:
    """``dLdW``, ``dydx``, ``dydalpha`` written together: d<y>d<x> with x a name of the problem, ``\\frac{dy}{dx}``."""
    if not all(t.kind == "letter" and t.col == rest[0].col + k for k, t in enumerate(rest)):
        return None
    word = "".join(t.text for t in rest)
    for k in range(1, len(word) - 1):
        top, by = word[:k], word[k + 1:]
        if word[k] == "d" and _known_value(by, ctx) and (top in ctx.definitions or undefined(top, ctx)) and top != by:
            if top not in ctx.definitions:
                read_undefined_loss(top, toks, ctx, word)  # dLdW, L not defined: a function of the one output
            return made(rf"\frac{{d {spelled(top)}}}{{d {spelled(by)}}}")
    return None


def _known_value(name: str, ctx: Context) -> bool:
    return name not in ctx.functions and (name in ctx.definitions or name in ctx.tensors)


def spelled(name: str) -> str:
    """A name as LaTeX the reader reads back as that name."""
    if name in _GREEK:
        return "\\" + name
    base, _, sub = name.partition("_")
    base = base if len(base) == 1 else rf"\mathrm{{{base}}}"
    return f"{base}_{{{sub}}}" if sub else base


def made(latex: str) -> list[_Tok]:
    """Tokens of text the reader wrote for the page (their column set to the head's by ``d_heads``)."""
    opened = latex.count("{") - latex.count("}")  # \\frac{d}{d before the page's tokens, } after them
    made = [t for t in _tokens("{" * -opened + latex + "}" * opened) if t.kind != "end"]
    made = made[-opened:] if opened < 0 else made[:len(made) - opened]
    return [_Tok(t.kind, t.text, -1) for t in made]


def _text(toks: list[_Tok]) -> str:
    return "".join(t.text if t.kind != "cmd" else t.text + " " for t in toks).replace(" }", "}").strip()
