"""LaTeX whose backslashes were lost in copying (``frac{partial}{partialtheta_1}J(theta_0,theta_1)=frac{1}{m}sum_{i=1}^m
...``): where a text with no backslash still writes ``frac{``, ``partial``, ``boldsymbol{``, ``sum_`` or ``left( ... right)``, each run of letters that splits wholly
into LaTeX's command words (``partialtheta`` is ``\\partial\\theta``) is those commands, at the columns of their
first letters. A run that does not split so (``sigmoid``, ``m``, ``x``) is left as written."""

from __future__ import annotations

import re

_WORDS = ("frac", "dfrac", "partial", "sum", "prod", "theta", "alpha", "beta", "gamma", "delta", "epsilon", "lambda",
          "sigma", "mu", "eta", "omega", "phi", "cdot", "times", "nabla", "sqrt", "hat", "bar", "mathbf", "left",
          "right", "infty", "log", "exp", "ln", "boldsymbol", "mathrm", "ell", "top", "tau", "rho")
# frac{ or partial; a font command before its brace (boldsymbol{X}, mathbf{x}); sum_ or prod_ with its bound; left( with
# a right) after it: each a LaTeX command no plain text writes bare
_MARKERS = re.compile(r"frac\s*\{|partial|(?:boldsymbol|mathbf|mathrm)\s*\{|(?<![A-Za-z])(?:sum|prod)_|"
                      r"(?<![A-Za-z])left\s*[(\[|].*(?<![A-Za-z])right\s*[)\]|]", re.DOTALL)


def _split(run: str) -> list[str] | None:
    """``run`` as a sequence of command words, the longest first at each step; None where it is no such sequence."""
    if not run:
        return []
    for word in sorted((w for w in _WORDS if run.startswith(w)), key=len, reverse=True):
        rest = _split(run[len(word):])
        if rest is not None:
            return [word, *rest]
    return None


def damaged(src: str) -> bool:
    """Whether ``src`` is LaTeX that lost its backslashes: none left, and a command word (``frac{``) written."""
    return "\\" not in src and _MARKERS.search(src) is not None


def restored_commands(toks: list, src: str, tok: type) -> list:
    """``toks`` with each run of glued letters that splits into command words as those commands."""
    if not damaged(src):
        return toks
    out, k = [], 0
    while k < len(toks):
        end = k
        while toks[end].kind == "letter" and (end == k or toks[end].col == toks[end - 1].col + 1):
            end += 1
        words = _split("".join(t.text for t in toks[k:end]))
        if not words:  # not a letter, or a run that is no command words: as written, the whole run
            out += toks[k:max(end, k + 1)]
            k = max(end, k + 1)
            continue
        col = toks[k].col
        for word in words:
            out.append(tok("cmd", "\\" + word, col))
            col += len(word)
        k = end
    return out


def backslash_notes(src: str) -> list[str]:
    """The note for a verdict where lost backslashes were put back."""
    note = r"copy: LaTeX's backslashes were lost in copying (frac{, partial, boldsymbol{, left( ... right)): partialtheta read as \partial\theta"
    return [note] if damaged(src) else []
