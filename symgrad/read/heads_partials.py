"""Derivative heads written with the function's own letters, of a function the page defines: ``f_y`` and ``f_{xy}``
of ``f(x, y)`` (a subscript that is a variable of f's signature is a partial derivative, not an index), ``Df(x)``,
``[Df(x)]_k`` and ``D_x f`` (D the derivative operator, where no D is defined), ``D_j S_i`` and ``d_i(p_j)`` (by
element j of the one vector input), and ``\\nabla`` with no variable before
an expression in the parameter of the page's one function, of one argument (``\\nabla\\|\\vec{x} - \\vec{a}\\|`` with
``f(\\vec{x}) = ...``). Each is written as the derivative it abbreviates, noted; anything else is left as it is."""

from __future__ import annotations

import sympy as sp

from ..tensors import name_of
from .context import Context, Function
from .derivative_names import made, spelled
from .heads_operator_d import operator_d_of_expression
from .heads_restated import restated_heads
from .stand_ins import _inputs
from .tokens import _group_close, _group_end, _split, _Tok

_FONTS = (r"\vec", r"\mathbf", r"\boldsymbol", r"\bm")


def partial_heads(latex: str, toks: list[_Tok], ctx: Context) -> list[_Tok]:
    """``toks`` with ``D f(x)`` anywhere and a claim head ``f_y`` or ``\\nabla <expression>`` written as the
    derivative it abbreviates, and a head ``\\partial E(w)`` the chain restates as ``\\partial E`` (heads_restated),
    noted; unchanged where nothing applies."""
    toks = operator_d_of_expression(_bare_nablas(_operator_d(_indexed_d(_hessians(restated_heads(toks, ctx), ctx), ctx),
                                                                   ctx), ctx), ctx)
    parts = _split(toks, {"="})
    if len(parts) < 2:
        return toks
    new = _subscript_partial(parts[0], ctx)
    return toks if new is None else new + toks[len(parts[0]):]


def partial_of(toks: list[_Tok], ctx: Context) -> list[_Tok]:
    """The tokens of a derivative named on its own (``--of``) with the same abbreviations written out."""
    toks = _bare_nablas(_operator_d(_indexed_d(_hessians(toks, ctx), ctx), ctx), ctx)
    new = _subscript_partial(toks[:-1], ctx)
    return toks if new is None else new + toks[-1:]


def _subscript_partial(head: list[_Tok], ctx: Context) -> list[_Tok] | None:
    """``f_y``, ``f_{xy}``, ``f_x(x, y)`` of ``f(x, y) = ...``: the partial derivative (the second one for two
    letters), where every subscript letter is a scalar variable of f's signature and no name f_y is defined."""
    texts = [t.text for t in head]
    if len(texts) < 3 or texts[1] != "_" or head[0].kind not in ("letter", "cmd"):
        return None
    name = texts[0].lstrip("\\")
    fn = ctx.functions.get(name)
    braced = texts[2] == "{"
    close = texts.index("}") if braced and "}" in texts else 2
    letters = texts[3:close] if braced else texts[2:3]
    rest = texts[close + 1:]
    if fn is None or not 1 <= len(letters) <= 2 or not all(isinstance(q, sp.Symbol) for q in fn.params):
        return None
    params = [str(q) for q in fn.params]
    if any(q.lstrip("\\") not in params for q in letters) or ctx.declared_elsewhere(f"{name}_{''.join(letters)}"):
        return None
    if rest and rest != ["(", *_listed(params), ")"]:
        return None
    at = head[0].col
    of = f"{spelled(name)}({', '.join(spelled(q) for q in params)})"
    by = [spelled(q.lstrip(chr(92))) for q in letters]
    frac = rf"\frac{{\partial {of}}}{{\partial {by[0]}}}" if len(by) == 1 else \
        rf"\frac{{\partial^2 {of}}}{{\partial {by[0]} \partial {by[1]}}}"
    ctx.notes.append(f"{name}_{{{''.join(by)}}} read as the partial derivative of {name} by "
                     f"{' then '.join(by)}: {' and '.join(sorted(set(by)))} {'is a variable' if len(set(by)) == 1 else 'are variables'} "
                     f"of {name}({', '.join(params)}), not an index")
    return [_Tok(t.kind, t.text, at) for t in made(frac)]


def _listed(params: list[str]) -> list[str]:
    out: list[str] = []
    for q in params:
        out += [",", spelled(q)] if out else [spelled(q)]
    return out


def _operator_d(toks: list[_Tok], ctx: Context) -> list[_Tok]:
    """``Df(x)``, ``D f(x)``, ``[Df(x)]_k``, ``D_x f(x)``: D (no name here) applied to a defined function is its
    derivative, written ``\\nabla`` (noted once); ``[...]_k`` its component k."""
    if ctx.declared_elsewhere("D"):
        return toks
    out: list[_Tok] = []
    k = 0
    while k < len(toks):
        t = toks[k]
        fn_at = k + 1 if k + 1 < len(toks) and toks[k + 1].text != "_" else k + 3
        if t.text == "D" and t.kind == "letter" and _applied(toks, fn_at, ctx):
            bracketed = bool(out) and out[-1].text == "[" and _closes(toks, fn_at)
            if bracketed:
                out.pop()
            out.append(_Tok("cmd", r"\nabla", t.col))
            _noted(ctx, toks[fn_at].text.lstrip("\\"))
            k += 1
            if bracketed:
                end = _closes(toks, fn_at)
                out += toks[k:end]
                k = end + 1
            continue
        out.append(t)
        k += 1
    return out


def _hessians(toks: list[_Tok], ctx: Context) -> list[_Tok]:
    """``Hf(x)``, ``H f(x)``, ``\\mathrm{Hess}\\, f(x)`` (no H defined), ``\\nabla^2 f(x)``, ``\\nabla^2
    \\mathcal{L}(\\mathbf{w})`` of a defined function of one vector, at its parameter (the names in a font or not):
    its Hessian, ``\\frac{\\partial^2 f(x)}{\\partial x^2}`` (noted; ``\\nabla^2`` of a function of a vector is
    the optimiser's Hessian, not the physicist's Laplacian, its trace: that reading is named in the note)."""
    out: list[_Tok] = []
    skip = 0
    for k, t in enumerate(toks):
        mark = _hessian_mark(toks, k, ctx)
        fn, name, after = _function_at(toks, k + mark, ctx) if mark and k >= skip else (None, "", k)
        arg = _name_at(toks, after + 1) if fn is not None and after < len(toks) and toks[after].text == "(" else None
        if fn is not None and len(fn.params) == 1 and isinstance(fn.params[0], sp.IndexedBase) and arg is not None \
                and arg[0] == name_of(fn.params[0]) and arg[1] < len(toks) and toks[arg[1]].text == ")":
            x = name_of(fn.params[0])
            out += [_Tok(u.kind, u.text, t.col) for u in made(rf"\frac{{\partial^2 {name}({x})}}{{\partial {x}^2}}")]
            skip = arg[1] + 1
            written = r"\nabla^2 " if t.text == r"\nabla" else "H"
            note = f"{written}{name.lstrip(chr(92))}({x}) read as the Hessian of {name.lstrip(chr(92))}" + \
                (f" ({x} a vector: not the Laplacian, the Hessian's trace)" if t.text == r"\nabla" else
                 ": no H is defined")
            if note not in ctx.notes:
                ctx.notes.append(note)
        elif k >= skip:
            out.append(t)
    return out


def _hessian_mark(toks: list[_Tok], k: int, ctx: Context) -> int:
    """How many tokens at ``k`` write "the Hessian of" (``H``, ``\\mathrm{Hess}``, ``\\nabla^2``, ``\\nabla^{2}``), or 0."""
    texts = [u.text for u in toks[k:k + 7]]
    if texts[:1] == [r"\mathrm"] or texts[:1] == [r"\operatorname"]:
        return 7 if texts[1:] == list("{Hess}") else 0
    if texts[:3] == [r"\nabla", "^", "2"]:
        return 3
    if texts[:5] == [r"\nabla", "^", "{", "2", "}"]:
        return 5
    return 1 if texts[:1] == ["H"] and toks[k].kind == "letter" and not ctx.declared_elsewhere("H") else 0


def _function_at(toks: list[_Tok], k: int, ctx: Context) -> tuple[Function | None, str, int]:
    """The defined function whose name is written at ``k`` (``f``, ``\\ell``, ``\\mathcal{L}``), its name as written
    (without the font), and the index past it; None where none is."""
    found = _name_at(toks, k)
    if found is None:
        return None, "", k
    fn = ctx.functions.get(found[0].lstrip("\\"))
    return fn, found[0], found[1]


def _name_at(toks: list[_Tok], k: int) -> tuple[str, int] | None:
    """The one-letter name written at ``k``, bare or in a font (``w``, ``\\ell``, ``\\mathbf{w}``), and the index past
    it; None where there is none."""
    if k >= len(toks):
        return None
    if toks[k].text in _FONTS + (r"\mathcal", r"\mathit", r"\mathrm") and \
            [u.text for u in toks[k + 1:k + 2]] == ["{"] and [u.text for u in toks[k + 3:k + 4]] == ["}"]:
        k += 2
        return (toks[k].text, k + 2) if toks[k].kind in ("letter", "cmd") else None
    return (toks[k].text, k + 1) if toks[k].kind in ("letter", "cmd") else None


def _indexed_d(toks: list[_Tok], ctx: Context) -> list[_Tok]:
    """``D_j S_i``, ``D_jS_i``, ``d_i(p_j)``, ``d_i(1/\\sum_k e^{o_k})``: D or d with one index letter (no such name
    defined) before a defined name or a parenthesised expression is the derivative by element j of the one vector
    input that depends on (S_i of a: ``\\frac{\\partial S_i}{\\partial a_j}``), noted; anything else is left."""
    out: list[_Tok] = []
    skip = 0
    for k, t in enumerate(toks):
        found = None if k < skip else _indexed_operand(toks, k, ctx)
        if found is not None:
            skip, operand, var, index = found
            out += [_Tok(u.kind, u.text, t.col) for u in made(r"\frac{\partial")] + operand + \
                [_Tok(u.kind, u.text, t.col) for u in made(rf"}}{{\partial {spelled(var)}_{{{index}}}}}")]
            note = (f"{t.text}_{index} read as the derivative by {var}_{index}: {var} is the one vector input of what "
                    f"it differentiates, and no {t.text} is defined")
            if note not in ctx.notes:
                ctx.notes.append(note)
        elif k >= skip:
            out.append(t)
    return out


def _indexed_operand(toks: list[_Tok], k: int, ctx: Context) -> tuple[int, list[_Tok], str, str] | None:
    """(end, the operand's tokens, the vector input, the index) of ``D_j X`` at ``k``, else None."""
    texts = [t.text for t in toks[k:k + 6]] + [""] * 6
    if texts[0] not in ("D", "d") or toks[k].kind != "letter" or texts[1] != "_" or ctx.declared_elsewhere(texts[0]):
        return None
    braced = texts[2] == "{"
    index = texts[3] if braced and texts[4] == "}" else texts[2]
    start = k + (5 if braced else 3)
    operand = _operand(toks, start, ctx) if len(index) == 1 and index.isalpha() and start < len(toks) else None
    if operand is None:
        return None
    names = {t.text for t in operand if t.kind == "letter"}
    inputs = set().union(*(_inputs(n, ctx) if n in ctx.definitions else {n} for n in names))
    vectors = [n for n in inputs if isinstance(ctx.tensors.get(n), sp.IndexedBase)]
    return (start + len(operand), operand, vectors[0], index) if len(vectors) == 1 else None


def _operand(toks: list[_Tok], start: int, ctx: Context) -> list[_Tok] | None:
    """What an operator at ``start`` applies to: a parenthesised group, or a defined name with its subscript."""
    if toks[start].text == "(":
        close = _group_close(toks, start)
        return None if close is None else toks[start:close + 1]
    if toks[start].kind != "letter" or toks[start].text not in ctx.definitions:
        return None
    end = start + 1
    if end + 1 < len(toks) and toks[end].text == "_":
        end = _group_end(toks, end + 1) if toks[end + 1].text == "{" else end + 2
    return toks[start:end]


def _noted(ctx: Context, name: str) -> None:
    note = f"D{name} read as the derivative (gradient) of {name}, the function the page defines: no D is defined"
    if note not in ctx.notes:
        ctx.notes.append(note)


def _applied(toks: list[_Tok], k: int, ctx: Context) -> bool:
    """Whether ``toks[k]`` names a defined function, applied or bare (``D_x f``)."""
    return k < len(toks) and toks[k].kind in ("letter", "cmd") and toks[k].text.lstrip("\\") in ctx.functions


def _closes(toks: list[_Tok], k: int) -> int:
    """The position of the ``]`` that closes the brackets around ``f(x)`` at ``k`` when ``_`` follows it, else 0."""
    depth = 0
    for j in range(k + 1, len(toks) - 1):
        if toks[j].text in ("(", "{", "["):
            depth += 1
        elif toks[j].text in (")", "}"):
            depth -= 1
        elif toks[j].text == "]":
            return j if depth == 0 and toks[j + 1].text == "_" else 0
    return 0


def _bare_nablas(toks: list[_Tok], ctx: Context) -> list[_Tok]:
    """Each ``\\nabla <expression>`` with no variable and no function applied, where the page defines one function,
    of one argument, and the expression (up to the end of its group or member) writes that parameter: the gradient by
    it (noted)."""
    if len(ctx.functions) != 1:
        return toks
    (fn,) = ctx.functions.values()
    x = name_of(fn.params[0]) if len(fn.params) == 1 else None
    out: list[_Tok] = []
    for k, t in enumerate(toks):
        out.append(t)
        after = toks[k + 1].text if k + 1 < len(toks) else ""
        if x is None or t.text != r"\nabla" or after in ("_", "^") or ctx.known(after.lstrip("\\")):
            continue
        operand = toks[k + 1:_operand_end(toks, k + 1)]
        if not any(u.text == x and u.kind == "letter" for u in operand):
            continue
        out += [_Tok("sym", "_", t.col), *[_Tok(u.kind, u.text, t.col) for u in made(_written(operand, x))]]
        note = (rf"\nabla with no variable read as the gradient by {x}: {_signature(fn)} is the one function the page "
                f"defines and the expression is in {x}")
        if note not in ctx.notes:
            ctx.notes.append(note)
    return out


def _operand_end(toks: list[_Tok], k: int) -> int:
    """Where the expression after an operator at ``k`` ends: the close of its enclosing group, or an ``=``, ``&`` or
    line break outside any group."""
    depth = 0
    for j in range(k, len(toks)):
        text = toks[j].text
        if text in ("{", "(", "[", r"\left"):
            depth += 1
        elif text in ("}", ")", "]", r"\right"):
            depth -= 1
            if depth < 0:
                return j
        elif depth == 0 and text in ("=", "&", r"\\"):
            return j
    return len(toks)


def _written(head: list[_Tok], x: str) -> str:
    """``x`` as the head writes it: ``{\\vec{x}}`` where it is set in a vector font."""
    for k, t in enumerate(head[:-3]):
        if t.text in _FONTS and head[k + 1].text == "{" and head[k + 2].text == x:
            return f"{{{t.text}{{{x}}}}}"
    return x


def _signature(fn: Function) -> str:
    return f"{fn.name}({', '.join(name_of(q) for q in fn.params)})"
