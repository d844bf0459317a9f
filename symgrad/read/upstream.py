"""An undefined loss a claim differentiates (``\\frac{\\partial L}{\\partial W} = X^T \\delta`` with only ``Z = XW + b``
defined), as backprop pages write it: L is an unknown scalar function of the page's one output, known through its
upstream gradient, a free array of the output's shape named as the page names it (``dZ``, ``\\delta``); a derivative of
L is then the vector-Jacobian product (of a scalar output, its multiple: never a claim that holds only for L = output)."""

from __future__ import annotations

import copy
import dataclasses

import sympy as sp

from ..errors import ParseError
from ..tensors import name_of
from .context import Context, Upstream
from .tokens import _NAMED, _group_end, _Tok

_TYPESET = {"{", "}", r"\mathcal", r"\mathbf", r"\boldsymbol", r"\mathrm", r"\mathit", r"\bm", r"\left", r"\right"}
_D = {"d", r"\partial"}


def snapshot(ctx: Context) -> dict[str, object]:
    """What ``ctx`` holds now, to read a claim again from here (its containers copied; their contents are values)."""
    return {f.name: copy.copy(getattr(ctx, f.name)) for f in dataclasses.fields(ctx)}


def restore(ctx: Context, saved: dict[str, object]) -> None:
    """``ctx`` as ``snapshot`` found it."""
    for name, value in saved.items():
        setattr(ctx, name, copy.copy(value))


def differentiated(toks: list[_Tok], ctx: Context) -> list[str]:
    """The names nothing defines or declares that ``toks`` differentiate: the top of ``\\frac{\\partial L}{...}``,
    ``\\frac{dL}{...}`` or ``\\partial L / \\partial ...``, ``dL/dZ`` (one letter, or ``\\ell``)."""
    found: list[str] = []
    for k in range(len(toks)):
        top = _top(toks, k)
        if len(top) == 2 and top[0].text in _D | {r"\nabla"} and (top[1].kind == "letter" or top[1].text == r"\ell"):
            name = top[1].text.lstrip("\\")
            if undefined(name, ctx) and name not in found:
                found.append(name)
    return found


def _top(toks: list[_Tok], k: int) -> list[_Tok]:
    r"""What a derivative at ``k`` differentiates, as its tokens (``d L`` of ``\frac{dL}{...}`` or ``dL/dZ``, ``\nabla L``
    of ``\nabla_{\mathbf w} L``); empty where none starts at ``k``."""
    t = toks[k]
    if t.text in (r"\frac", r"\dfrac") and k + 1 < len(toks) and toks[k + 1].text == "{":
        return [u for u in toks[k + 2:_group_end(toks, k + 1) - 1] if u.text not in _TYPESET]
    if t.text in _D and (k == 0 or toks[k - 1].kind != "letter"):
        rest = [u for u in toks[k:k + 8] if u.text not in _TYPESET]
        return rest[:2] if len(rest) > 3 and rest[2].text == "/" and rest[3].text in _D else []
    if t.text == r"\nabla":  # \nabla_{\mathbf w} L: the gradient of L
        rest = [u for u in toks[k + 1:k + 10] if u.text not in _TYPESET]
        whole = len(rest) > 3 and not (rest[3].kind == "letter" and rest[3].col == rest[2].col + 1) and \
            rest[3].text != "("  # L, not the t of tr(...) or a function's name
        return [t, rest[2]] if whole and rest[0].text == "_" else []
    return []


def undefined(name: str, ctx: Context) -> bool:
    """Whether ``name`` is nothing the problem defines: not defined, not a function, at most a scalar a reading took as
    an input (the L of ``--of`` read before the claim)."""
    return name not in ctx.definitions and name not in ctx.functions and name not in ctx.sizes and \
        name not in ctx.ranges and name not in ctx.families and isinstance(ctx.tensors.get(name, sp.Symbol(name)),
                                                                             sp.Symbol)


def outputs(ctx: Context) -> list[str]:
    """The defined names no other definition uses (the page's outputs), functions and names for derivatives aside."""
    defs = [d for n, d in ctx.definitions.items() if n not in ctx.functions and not d.rhs.atoms(sp.Derivative)]
    used = {name_of(a) for d in defs for a in (*d.rhs.free_symbols, *d.rhs.atoms(sp.IndexedBase))}
    return [d.name for d in defs if d.name not in used]


def read_undefined_loss(loss: str, toks: list[_Tok], ctx: Context, latex: str) -> bool:
    """Read the undefined ``loss`` as a function of the page's one output (noted); False where nothing is defined
    (the caller's own error stands); refused naming them where the page has several outputs."""
    ends = outputs(ctx)
    if not ends:
        return False
    if len(ends) > 1:
        raise ParseError(f"{loss} is not defined, and it could be a function of any of {', '.join(ends)}: define it, "
                         rf"or give its upstream gradient (\frac{{\partial {loss}}}{{\partial {ends[-1]}}} = g)",
                         column=1, source=latex)
    (out,) = ends
    if _as_value(loss, toks):
        raise ParseError(f"{loss} is not defined, and the claim uses it as a value as well as differentiating it: "
                         f"define it ({loss} = ..., as the page means it: {out}, or a function of {out})", column=1,
                         source=latex)
    gradient = _gradient_name(loss, out, toks, ctx)
    if gradient == f"d{loss}_d{out}" and not _by_output(loss, out, toks):
        raise ParseError(f"{loss} is not defined, and the claim does not name its gradient by {out} (\\delta, d{out}, "
                         rf"\frac{{\partial {loss}}}{{\partial {out}}}): define {loss}", column=1, source=latex)
    ctx.upstream.append(Upstream(loss, out, gradient, None, f"{loss} not defined"))
    ctx.settle()
    ctx.notes.append(f"{loss} (not defined) read as a scalar function of {out}, the one output the page defines; "
                     f"{_spelled(gradient)} read as its gradient by {out}, the upstream gradient")
    return True


def _gradient_name(loss: str, out: str, toks: list[_Tok], ctx: Context) -> str:
    """The name the claim gives dL/d(out): ``d`` + the output written together (``dZ``, CS231n's convention), else
    ``\\delta`` nothing defines (the error signal of backprop), else ``dL_dZ``."""
    texts = [t.text for t in toks]
    written = out.replace("_", "")
    fractions = {j for k, t in enumerate(toks) if t.text in (r"\frac", r"\dfrac") for j in range(k, _frac_end(toks, k))}
    for word in _words([t for k, t in enumerate(toks) if k not in fractions]):
        if word.lower() == f"d{loss}d{written}".lower() and not ctx.declared_elsewhere(word):
            return word  # dLdY, code's name for dL/dY
        if word[:1] == "d" and word[1:].lower() == written.lower() and (
                word[1:] == written or not ctx.declared_elsewhere(word[1:])):  # dY for y where no Y is a name
            return word
    if r"\delta" in texts and not ctx.declared_elsewhere("delta") and all(
            texts[k + 1] not in ("_", "^", "(") for k, x in enumerate(texts[:-1]) if x == r"\delta"):
        return "delta"
    return f"d{loss}_d{out}"


def _by_output(loss: str, out: str, toks: list[_Tok]) -> bool:
    """Whether ``toks`` differentiate ``loss`` by ``out`` (``\\frac{dL}{dY}``, ``\\partial L / \\partial y_i``)."""
    texts = [t.text.lstrip("\\") for t in toks if t.text not in _TYPESET]
    if any(texts[k:k + 2] == ["nabla", "_"] and out.startswith(texts[k + 2]) and texts[k + 3] == loss
           for k in range(len(texts) - 3)):
        return True  # \nabla_{\mathbf w} L
    return any(texts[k] in ("d", "partial") and texts[k + 1] == loss and any(
        texts[j] in ("d", "partial") and out.startswith(texts[j + 1]) for j in range(k + 2, min(k + 5, len(texts) - 1)))
        for k in range(len(texts) - 1))


def _as_value(name: str, toks: list[_Tok]) -> bool:
    """Whether ``name`` stands in ``toks`` other than as what a derivative differentiates (``a(1 - a)``)."""
    texts = [t.text for t in toks if t.text not in _TYPESET]
    kept = [t for t in toks if t.text not in _TYPESET]
    for k, t in enumerate(kept):
        alone = (k == 0 or kept[k - 1].kind != "letter" or kept[k - 1].col + 1 != t.col) and (
            k + 1 == len(kept) or kept[k + 1].kind != "letter" or kept[k + 1].col != t.col + 1)
        nabla = k >= 3 and texts[k - 3:k - 1] == [r"\nabla", "_"]  # \nabla_{\mathbf w} L differentiates L
        if t.text.lstrip("\\") == name and alone and (k == 0 or texts[k - 1] not in _D) and not nabla:
            return True
    return False


def _words(toks: list[_Tok]) -> list[str]:
    """The words of ``toks``: letters in ``\\mathrm{...}`` (code's names) or written together."""
    words, k = [], 0
    while k < len(toks):
        if toks[k].text in _NAMED and k + 1 < len(toks) and toks[k + 1].text == "{":
            end = _group_end(toks, k + 1)
            words.append("".join(t.text for t in toks[k + 2:end - 1]))
            k = end
            continue
        run = k
        while toks[k].kind == "letter" and run + 1 < len(toks) and toks[run + 1].kind == "letter" and toks[
                run + 1].col == toks[run].col + 1:  # letters only: (dy is ( then dy
            run += 1
        words.append("".join(t.text for t in toks[k:run + 1]))
        k = run + 1
    return words


def _frac_end(toks: list[_Tok], k: int) -> int:
    """Index past the two groups of the ``\\frac`` at ``k``."""
    if k + 1 >= len(toks) or toks[k + 1].text != "{":
        return k + 1
    end = _group_end(toks, k + 1)
    return _group_end(toks, end) if end < len(toks) and toks[end].text == "{" else end


def _spelled(name: str) -> str:
    return "\\delta" if name == "delta" else name
