"""A function defined at one sample, ``f_{w,b}(x^{(i)}) = wx^{(i)} + b`` (the model of a course's linear regression):
the sample label is no part of the function, which is ``f_{w,b}(x) = wx + b``; a claim's ``f_{w,b}(x^{(i)})`` then
applies it to sample i. Read so only where the label appears nowhere else in the definition (noted)."""

from __future__ import annotations

from .context import Context
from .tokens import _Tok

_LABEL = ("^", "{", "(", None, ")", "}")  # x^{(i)} after the letter x; None: the label letter


def _label_at(toks: list[_Tok], k: int) -> str | None:
    """The label letter of ``x^{(i)}`` when the name at ``toks[k]`` carries one, else None."""
    seq = toks[k + 1:k + 1 + len(_LABEL)]
    if toks[k].kind != "letter" or len(seq) < len(_LABEL) or seq[3].kind != "letter":
        return None
    return seq[3].text if all(w is None or t.text == w for t, w in zip(seq, _LABEL)) else None


def sample_parameters(latex: str, toks: list[_Tok], ctx: Context) -> list[_Tok]:
    """``toks`` of a definition whose head applies a function to sample-labelled names (``f(x^{(i)})``) with those
    labels dropped wherever the names carry them (noted); unchanged where the label letter is used otherwise."""
    params = _labelled_parameters(toks)
    if not params or len({label for _, label in params}) != 1:
        return toks
    label = next(iter(params))[1]
    names = {name for name, _ in params}
    labelled = {k + 4 for k in range(len(toks)) if toks[k].text in names and _label_at(toks, k) == label}
    if any(t.text == label and t.kind == "letter" and k not in labelled for k, t in enumerate(toks)):
        return toks
    out, k = [], 0
    while k < len(toks):
        out.append(toks[k])
        k += 1 + len(_LABEL) if k + 4 in labelled else 1
    written = ", ".join(sorted(f"{n}^{{({label})}}" for n in names))
    ctx.notes.append(f"{written} in the head of {latex.split('=')[0].strip()} read as the function's parameter "
                     f"{', '.join(sorted(names))}: the sample label ({label}) is no part of the function")
    return out


def _labelled_parameters(toks: list[_Tok]) -> set[tuple[str, str]]:
    """(name, label) of each parameter ``x^{(i)}`` in the head ``f(x^{(i)}) =`` of a definition's tokens."""
    eq = next((k for k, t in enumerate(toks) if t.text == "="), None)
    if eq is None or eq < 4 or toks[eq - 1].text != ")":
        return set()
    opened = next((k for k in range(eq) if toks[k].text == "("), None)
    if opened is None:
        return set()
    return {(toks[k].text, label) for k in range(opened + 1, eq)
            if toks[k - 1].text in ("(", ",") and (label := _label_at(toks, k))}
