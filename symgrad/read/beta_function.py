"""The beta function as pages write it, ``\\Beta(\\alpha, \\beta)`` (KaTeX's capital Beta, which shows as B): applied
to two arguments it can only be the beta function of the Beta distribution's normaliser, read as
Gamma(a) Gamma(b) / Gamma(a + b) (noted), so that its derivatives are SymPy's (digamma). Anything else written with
``\\Beta`` is left to the reader as before (an unknown command)."""

from __future__ import annotations

import sympy as sp

from .scope import _Scope
from .tokens import _Tok
from .vocabulary import _Val

_COMMANDS = (r"\Beta", r"\Betaup")  # KaTeX and upgreek's capital Beta; LaTeX itself has none (it is the letter B)


class _BetaFunction(_Scope):
    """``\\Beta(a, b)``: the beta function (a part of the parser)."""

    def foreign(self, t: _Tok) -> _Val:
        if t.text not in _COMMANDS or not (self.peek(1).text == "(" or self.peek(1).text == "{" and
                                           self.peek(2).text == "("):
            return super().foreign(t)  # type: ignore[misc]
        save = self.pos
        self.next()
        args = self.arguments()
        if len(args) != 2 or any(a.axes or a.free for a in args):
            self.pos = save
            return super().foreign(t)  # type: ignore[misc]
        a, b = (v.expr for v in args)
        self.note(rf"{t.text}(...) of two arguments read as the beta function, \Gamma(a)\Gamma(b)/\Gamma(a + b)")
        return _Val(sp.gamma(a) * sp.gamma(b) / sp.gamma(a + b))
