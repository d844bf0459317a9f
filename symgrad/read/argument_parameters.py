"""A function defined at argument expressions: ``Cost(h_\\theta(x), y) = \\frac{1}{2}(h_\\theta(x) - y)^2``,
``K(\\|x - x_i\\|) = \\exp(-\\|x - x_i\\|^2 / b^2)``: each argument that is no plain name stands for a parameter of the
function (``Cost(u, y) = \\frac12 (u - y)^2``), read so, noted, where the right side writes it as written in the head and
uses none of the names inside it otherwise (then the right side is a function of the argument alone, and applying the
function to it again gives back the right side)."""

from __future__ import annotations

from .context import Context
from .tokens import _FUNCS, _Tok

_FRESH = "uvstrqpg"  # letters for the parameters, the first ones the definition does not write
_FONTS = frozenset({r"\mathbf", r"\boldsymbol", r"\bm", r"\vec", r"\hat", r"\bar", r"\tilde", r"\mathrm"})
_WORDS = _FUNCS | {"max", "min", "sin", "cos", "tan", "sech", "abs"}  # spelled out: exp(...) writes no x
_TYPESET = frozenset({r"\left", r"\right", r"\bigl", r"\bigr", r"\Bigl", r"\Bigr", r"\big", r"\Big"})


def argument_parameters(latex: str, toks: list[_Tok], ctx: Context) -> list[_Tok]:
    """``toks`` of a definition whose head applies a new name to argument expressions, with each such argument, in the
    head and on the right, one fresh parameter letter; unchanged where the head has none or the right side does not
    depend on one through it alone."""
    eq = next((k for k, t in enumerate(toks) if t.text == "="), None)
    if eq is None or eq < 4 or toks[eq - 1].text != ")" or toks[0].kind not in ("letter", "cmd"):
        return toks
    opened = next((k for k in range(eq) if toks[k].text == "("), None)
    args = _arguments(toks, opened, eq - 1) if opened else None
    if not args or ctx.known(_head_text(toks[:opened])) or any(map(_applied_to_a_name, args)):
        return toks  # L(y, f(x)): f(x) is one variable the claim may differentiate by (read.derivatives_applied)
    written = {t.text for t in toks if t.kind == "letter"}
    fresh = [c for c in _FRESH if c not in written and not ctx.known(c)]
    rewritten = _rewritten(latex, args, [t for t in toks[eq + 1:] if t.text not in _TYPESET], fresh)
    if rewritten is None:
        return toks
    params, right, notes = rewritten
    ctx.notes.append(f"{_source(latex, toks[:eq])} read as a function of its arguments ({'; '.join(notes)}): the right "
                     "side depends on each only through it")
    return [*toks[:opened + 1], *params, toks[eq - 1], toks[eq], *right]


def _rewritten(latex: str, args: list[list[_Tok]], right: list[_Tok],
               fresh: list[str]) -> tuple[list[_Tok], list[_Tok], list[str]] | None:
    """The head's parameters (each argument expression a fresh letter), the right side with those letters, and what
    each letter stands for; None where no argument is an expression, one is not written on the right as in the head,
    or a name inside one is used on the right otherwise (``f(g(x)) = g(x) + x``: no function of g(x) alone)."""
    params: list[_Tok] = []
    notes: list[str] = []
    inner: set[str] = set()
    plain: set[str] = set()  # the letters of the parameters written as names (y_i): the function's own
    for k, arg in enumerate(args):
        if k:
            params.append(_Tok("sym", ",", arg[0].col))
        texts = [t.text for t in arg if t.text not in _TYPESET]
        if _word(arg):  # Activate(double value) translated from code: the parameter 'value', a name of letters
            params.extend(arg)
            plain |= set(texts)
            continue
        if _plain(texts) or _sample(texts):
            if "_" in texts or _sample(texts):
                return None  # f(g(x_i), y_i), h(x^{(i)}): an index or a sample label is an element's, read.sample_parameters's
            params.extend(arg)
            plain |= set(texts)
            continue
        if len(notes) == len(fresh):
            return None
        letter = _Tok("letter", fresh[len(notes)], arg[0].col)
        right = _replaced(right, texts, letter)
        if right is None:
            return None
        inner |= {t for t in texts if (t.isalpha() or t[1:].isalpha()) and t not in _FONTS}
        params.append(letter)
        notes.append(f"{_source(latex, arg)} as {letter.text}")
    if not notes or (inner - plain) & _letters(right):
        return None
    return params, right, notes


def _arguments(toks: list[_Tok], opened: int, closed: int) -> list[list[_Tok]] | None:
    """The arguments between the ``(`` at ``opened`` and the ``)`` at ``closed`` (split at top-level commas), None where
    that ``)`` does not close that ``(``."""
    args, depth, current = [], 0, []
    for t in toks[opened + 1:closed]:
        depth += (t.text in ("(", "{", "[")) - (t.text in (")", "}", "]"))
        if depth < 0:
            return None
        if t.text == "," and depth == 0:
            args.append(current)
            current = []
        else:
            current.append(t)
    if depth or not current:
        return None
    return [*args, current] if all(args) else None


def _letters(toks: list[_Tok]) -> set[str]:
    """The names ``toks`` write: letters and commands, but not the letters of a function's name spelled out (the x of
    ``exp(...)``)."""
    out, k = set(), 0
    while k < len(toks):
        end = k + 1
        while toks[k].kind == "letter" and end < len(toks) and toks[end].kind == "letter" and \
                toks[end].col == toks[end - 1].col + 1:
            end += 1
        word = "".join(t.text for t in toks[k:end])
        if end - k < 2 or word not in _WORDS:
            out |= {t.text for t in toks[k:end]}
        k = end
    return out


def _applied_to_a_name(arg: list[_Tok]) -> bool:
    """Whether an argument is a one-letter function applied to one letter (``f(x)``, ``F(x)``)."""
    return [t.kind for t in arg] == ["letter", "sym", "letter", "sym"] and arg[1].text == "(" and arg[3].text == ")"


def _word(arg: list[_Tok]) -> bool:
    r"""Whether an argument is an upright word of two or more letters (``\mathrm{value}``, as code's parameters are
    read): one name (``xy`` written together stays a product)."""
    core = [t for t in arg if t.text not in _FONTS and t.text not in ("{", "}")]
    upright = any(t.text in (r"\mathrm", r"\text", r"\operatorname") for t in arg)
    return upright and len(core) > 1 and all(t.kind == "letter" for t in core)


def _plain(texts: list[str]) -> bool:
    """Whether an argument is one name (``y``, ``\\theta``, ``\\mathbf{w}``, ``\\theta_0``): a parameter as written."""
    core = [t for t in texts if t not in _FONTS and t not in ("{", "}")]
    return len(core) == 1 or (len(core) == 3 and core[1] == "_")


def _sample(texts: list[str]) -> bool:
    """Whether an argument is one name with a sample label (``x^{(i)}``, ``{{x}^{(i)}}``, ``\\mathbf{x}^{(i)}``)."""
    core = [t for t in texts if t not in _FONTS and t not in ("{", "}")]
    return len(core) == 5 and core[1:3] == ["^", "("] and core[4] == ")"


def _replaced(toks: list[_Tok], texts: list[str], by: _Tok) -> list[_Tok] | None:
    """``toks`` with each run of token texts ``texts`` replaced by ``by``; None where there is none."""
    out, k, hits = [], 0, 0
    while k < len(toks):
        if [t.text for t in toks[k:k + len(texts)]] == texts:
            out.append(_Tok(by.kind, by.text, toks[k].col))
            k += len(texts)
            hits += 1
        else:
            out.append(toks[k])
            k += 1
    return out if hits else None


def _head_text(toks: list[_Tok]) -> str:
    """The letters of a head's name (Cost of ``Cost(...)``)."""
    return "".join(t.text for t in toks if t.kind == "letter")


def _source(latex: str, toks: list[_Tok]) -> str:
    end = toks[-1].col - 1 + len(toks[-1].text)
    return latex[toks[0].col - 1:end].strip()
