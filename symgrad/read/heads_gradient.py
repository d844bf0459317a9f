"""A claim headed by the word gradient, as code writes it (``gradient = 2 * xTr * s' + 2 * lambda * w``, ``grad = ...``,
``grad_w = ...``, ``\\nabla = ...``): the derivative of the page's one loss by the variable the head names, or else by
the one parameter the loss depends on (a weight name: w, W, \\theta, \\beta, b); several candidates are refused naming
them. The head is read as the fraction it stands for (noted)."""

from __future__ import annotations

import sympy as sp

from ..errors import ParseError
from ..tensors import name_of
from .context import Context
from .derivative_names import made, spelled
from .tokens import _split, _Tok
from .upstream import outputs

_WORDS = frozenset({"gradient", "grad", "gradients", "grads", "nabla"})
_FONTS = ("\\mathrm", "\\text", "\\operatorname", "\\textrm", "\\mathit", "\\texttt")
# names that code and pages give the parameters a loss is minimised over (data keep the other letters)
_PARAMETERS = frozenset({"w", "W", "theta", "beta", "b", "weights", "weight", "bias", "params", "coef", "Theta"})


def gradient_heads(latex: str, toks: list[_Tok], ctx: Context) -> list[_Tok]:
    """``toks`` with a gradient word before the first ``=`` written as ``\\frac{\\partial L}{\\partial w}`` (noted);
    unchanged where the head is no such word or the page has no one scalar loss."""
    parts = _split(toks, {"="})
    if len(parts) < 2:
        return toks
    word, by = _word(parts[0])
    loss = one_loss(ctx)
    if word not in _WORDS or ctx.known(word):
        return toks
    if loss is None:
        return toks
    if by is not None and not (ctx.known(by) or by in inputs_of(one_loss(ctx) or "", ctx)):
        return toks
    written = ("\\nabla" if word == "nabla" else word) + (f"_{by}" if by else "")
    function = ctx.functions.get(loss)
    own = [name_of(q) for q in function.params] if function is not None else []
    var = by or (own[0] if len(own) == 1 else _parameter(loss, ctx, written, latex))
    if var is None:
        return toks
    at = parts[0][0].col
    fraction = [_Tok(t.kind, t.text, at) for t in made(rf"\frac{{\partial {spelled(loss)}}}{{\partial {spelled(var)}}}")]
    how = "the name written with it" if by else "its one parameter" if len(own) == 1 else "the one weight it depends on"
    ctx.notes.append(f"{written} read as the gradient of {loss} (the one loss defined) by {var}, {how}")
    return fraction + toks[len(parts[0]):]


def one_loss(ctx: Context) -> str | None:
    """The page's one scalar output, or else its one function (``J(w) = ...``); None where there is no one loss."""
    ends = [e for e in outputs(ctx) if isinstance(ctx.definitions[e].lhs, sp.Symbol)]
    if not ends and len(ctx.functions) == 1:
        ends = list(ctx.functions)
    return ends[0] if len(ends) == 1 else None


def _word(head: list[_Tok]) -> tuple[str, str | None]:
    """The word a head spells (``\\mathrm{gradient}``, ``\\nabla``) and the name after its ``_`` (``grad_w``)."""
    texts = [t.text for t in head]
    if texts == ["\\nabla"]:
        return "nabla", None
    if all(t.kind == "letter" or t.text in ("_", "{", "}") for t in head):  # grad_w, gradient_{W} in plain text
        word, _, by = "".join(texts).replace("{", "").replace("}", "").partition("_")
        return (by, word) if by in _WORDS else (word, by or None)  # w_grad as grad_w
    if len(head) < 4 or texts[0] not in _FONTS or texts[1] != "{" or "}" not in texts:
        return "", None
    close = texts.index("}")
    word = "".join(texts[2:close])
    if close == len(texts) - 1 and word not in _WORDS and _glued(word) is not None:
        return _glued(word)
    rest = [t for t in texts[close + 1:] if t not in ("{", "}")]
    if not rest:
        return word, None
    if rest[0] == "_" and len(rest) > 1:
        return word, "".join(rest[1:]).lstrip("\\")
    if word.endswith("_") and rest:  # \mathrm{grad_}w: an underscore kept inside the word
        return word[:-1], "".join(rest).lstrip("\\")
    return "", None


def _glued(word: str) -> tuple[str, str] | None:
    """Code's grad_w or w_grad with its _ lost in translation (``\\mathrm{gradw}``, ``\\mathrm{wgrad}``): the word and
    the name; None for anything else."""
    for w in ("gradient", "grad"):
        if word.startswith(w):
            return w, word[len(w):].lstrip("_")
        if word.endswith(w):
            return w, word[:-len(w)].rstrip("_")
    return None


def inputs_of(loss: str, ctx: Context) -> set[str]:
    """The names the loss depends on that no definition defines, through the definitions it uses."""
    seen, todo, found = set(), [loss], set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        d = ctx.definitions.get(name)
        if d is None:
            found.add(name)
            continue
        atoms = d.rhs.atoms(sp.Symbol, sp.Indexed, sp.IndexedBase) - d.rhs.atoms(sp.Idx)
        todo += [name_of(a) for a in atoms if not isinstance(a, sp.Idx) and str(a) not in ctx.sizes]
    return found


def _parameter(loss: str, ctx: Context, written: str, latex: str) -> str | None:
    """The one parameter among the loss's inputs; refused naming them where several are; None where none is."""
    candidates = sorted(n for n in inputs_of(loss, ctx) if n in _PARAMETERS)
    if len(candidates) > 1:
        raise ParseError(f"{written} names no variable and {loss} depends on the parameters {', '.join(candidates)}: "
                         f"write \\frac{{\\partial {spelled(loss)}}}{{\\partial {spelled(candidates[0])}}} = ... (or "
                         f"give --of)", column=1, source=latex)
    return candidates[0] if candidates else None
