"""What a function written without brackets applies to when factors follow its first one: ``\\cos xy``,
``\\exp w^T x``, ``\\log \\theta x``. Read as cos(x) y, exp(w^T) x and log(theta) x, the WRONG -y sin x for the
x-derivative of cos xy and exp(w) for that of exp w^T x were proved. The argument may be the first factor or the
whole product: two readings, refused naming both (verify judges each: ``verify.readings``). A number first (``\\sin
2x``) is the whole product (``read.expressions.operand``); a function after the first factor (``\\sin x \\cos x``,
``\\log x \\sum_k ...``) ends the argument, as it reads in print."""

from __future__ import annotations

from ..errors import ParseError
from .tokens import _Tok
from .vocabulary import _ELEMENTWISE, _Val

_ENDS = frozenset({r"\sum", r"\prod", r"\mathrm", r"\operatorname", r"\text", r"\textrm", r"\frac", r"\dfrac",
                   r"\tfrac", r"\sqrt"})  # a function, a big operator or a fraction after the first factor


class _FunctionOperands:
    """The argument of a function written without brackets (a part of the parser)."""

    def operand(self, t: _Tok) -> _Val:
        first = self.peek()
        v = super().operand(t)  # type: ignore[misc]
        if first.kind == "digit" or first.text in ("{", "(", r"\left") or not self.starts_factor() or \
                self.argument_ends() or self.peek().text in ("(", r"\left", "["):
            return v  # \tanh{\left(u\right)} e^x, \log p_k (y_k + c): the argument is bracketed or ends at a bracket,
            # as symgrad's printer writes them and as they read in print
        last = self.peek(-1)
        start = self.pos
        try:
            while self.starts_factor() and not self.argument_ends():
                self.factor()
        except ParseError:
            self.pos = start
            self.factor()
        end = self.peek(-1)
        own = self.src[first.col - 1:last.col - 1 + len(last.text)]
        rest = self.src[self.toks[start].col - 1:end.col - 1 + len(end.text)]
        head = t.text
        err = self.error(f"{head} {own} {rest} has two readings: {head}({own}) times {rest}, or {head}({own} {rest}) - "
                         f"the function of the whole product; write the brackets", t)
        after = end.col + len(end.text)
        err.readings = ((f"{head}({own}) {rest}", first.col, after, f"({own}) {rest}"),
                        (f"{head}({own} {rest})", first.col, after, f"({own} {rest})"))
        raise err

    def argument_ends(self) -> bool:
        """Whether the next token begins a function, a big operator or a fraction, which ends a bracketless argument
        (``\\sin x \\cos x``)."""
        t = self.peek()
        applied = self.peek(1).text == "("  # \\sigma(z), f(x): a function applied
        return t.kind == "cmd" and (t.text in _ELEMENTWISE or t.text in _ENDS or t.text == r"\sigma" and applied) or \
            t.kind == "letter" and t.text in self.ctx.functions and applied
