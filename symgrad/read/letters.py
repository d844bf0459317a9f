"""One meaning per letter: ``e``, ``\\pi``, ``\\Gamma``, ``\\psi``, ``\\sigma`` and ``i`` are constants or functions
only while no name of that spelling is declared; otherwise the declared name wins where it can only be the name,
and a use with two readings is refused naming both. Every reading that context decided is noted
(``Context.notes``), so that a verdict or derivation can show it."""

from __future__ import annotations

import sympy as sp

from .conditional_probabilities import conditional_probability
from .tokens import _Tok
from .vocabulary import _extent, _Val

# letters that, applied to (...) while undeclared, are a special function: (function, its name in a note)
_LETTER_FUNCTIONS = {
    "Gamma": (sp.gamma, "the gamma function"),
    "psi": (lambda x: sp.polygamma(0, x), "the digamma function"),
}
_SPELLING = {"e": "e", "pi": r"\pi", "Gamma": r"\Gamma", "psi": r"\psi", "sigma": r"\sigma", "i": "i"}


class _Letters:
    """Readings of the letters with two meanings (a part of the parser)."""

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def declared(self, name: str) -> bool:
        """Whether ``name`` is a name here: defined, declared, a size, an index, or met earlier in this source."""
        ctx = self.ctx
        return any(name in d for d in (ctx.definitions, ctx.tensors, ctx.sizes, ctx.ranges, ctx.domains, self.sizes,
                                       self.new_tensors, self.new_scalars, self.pending, self.params)) or any(
            name in scope for scope in self.binders)

    def two_readings(self, name: str, tok: _Tok, constant: str, fix: str) -> Exception:
        spelled = _SPELLING.get(name, name)
        return self.error(f"{spelled} has two readings here: {constant}, or the name {spelled} declared in this "
                          f"problem; {fix}", tok)

    def letter(self, name: str, tok: _Tok) -> _Val | None:
        """``e`` and ``\\pi`` standing alone: the constant, the declared name, or a refusal; None for other names (a
        letter whose indexed form was read as a matrix's entries is refused alone: read.entries); ``p(y = +1 | x)``, a
        conditional probability (read.conditional_probabilities)."""
        conditional = conditional_probability(self, name, tok)
        if conditional is not None:
            return conditional
        self.entry_letter_alone(name, tok)
        self.flattened_function_power(name, tok)
        if name == "i":
            return self.imaginary(tok)
        if self.bounding:
            return None
        if name == "e":
            if not self.declared("e"):
                self.flattened_power(tok)
                self.euler = self.euler or tok
                return _Val(sp.E)
            if self.at("^"):  # e^2 of a declared e (L(e) = ...): each reading judged (verify.readings)
                err = self.two_readings("e", tok, "Euler's number", r"write \exp(...) or rename the name e")
                err.readings = (("Euler's number", tok.col, tok.col + 1, r"\exp(1)"),
                                ("the declared name e", tok.col, tok.col + 1, "(e)"))
                raise err
            return None
        if name != "pi":
            return None
        base = self.lookup_base("pi")
        if isinstance(base, sp.IndexedBase) and not self.at("^"):
            self.note(r"\pi without an index read as the number 3.14159... (the declared \pi takes an index)")
            return _Val(sp.pi)
        if self.declared("pi"):
            if base is None and "pi" not in self.ctx.sizes and "pi" not in self.sizes:
                return None  # an index or a parameter named pi
            raise self.two_readings("pi", tok, "the number 3.14159...", r"write 3.14159 or rename the name \pi")
        return _Val(sp.pi)

    def flattened_power(self, tok: _Tok) -> None:
        """``1/(1+e-x)``, ``ln(1+ex)`` copied from a page that lost its superscripts: ``e-x`` and ``ex`` written together
        have two readings (an index glued to e, ``e_k`` aside, is not among them)."""
        minus, after = self.peek(), self.peek(1)
        if minus.text == "-" and minus.col == tok.col + 1 and after.col == minus.col + 1 and after.kind != "end" and \
                (after.kind in ("letter", "digit") or after.text == "("):
            err = self.error(f"e-{after.text} written together has two readings: e - {after.text}, or e^{{-{after.text}}} "
                             "with its superscript lost in copying; write e^{-x} or e - x with spaces", tok)
            end = after.col + len(after.text)
            if after.kind in ("letter", "digit") and self.ends_at(2, end):  # e-x), not e-wx (e^{-w}x or e^{-wx})
                err.readings = ((f"e - {after.text}", tok.col, end, f"e - {after.text}"),
                                (f"e^{{-{after.text}}}", tok.col, end, f"e^{{-{after.text}}}"))
            raise err
        word = minus.kind == "letter" and minus.col == tok.col + 1 and (after.kind != "letter" or after.col != minus.col + 1)
        if word and minus.text not in self.ctx.ranges and not any(minus.text in s for s in self.binders):
            err = self.error(f"e{minus.text} written together has two readings: e times {minus.text}, or e^{minus.text} with "
                             f"its superscript lost in copying; write e^{minus.text} or e {minus.text} with a space", tok)
            end = minus.col + len(minus.text)
            if self.ends_at(1, end):  # ex), not ex^2 or ex_i
                err.readings = ((f"e times {minus.text}", tok.col, end, f"e \\cdot {minus.text}"),
                                (f"e^{minus.text}", tok.col, end, f"e^{{{minus.text}}}"))
            raise err

    def flattened_function_power(self, name: str, tok: _Tok) -> None:
        """``σ2(x)`` with σ a function the problem defines: σ(x)^2 with its superscript lost in copying, or σ times
        2(x); refused naming both (verify judges each: ``verify.readings``)."""
        digits = self.peek()
        if name not in self.ctx.functions or digits.kind != "digit" or digits.col != tok.col + len(tok.text) and \
                not (tok.text.startswith("\\") and digits.col == tok.col + 1):
            return
        end = digits.col + len(digits.text)
        if self.peek(1).text != "(" or self.peek(1).col != end:
            return
        spelled = tok.text
        err = self.error(f"{spelled}{digits.text}(...) written together has two readings: {spelled}(...)^{digits.text} with "
                         f"its superscript lost in copying, or {spelled} times {digits.text}(...); write {tok.text}^{{{digits.text}}}"
                         f"(...) or {tok.text} \\cdot {digits.text}(...)", tok)
        err.readings = ((f"{spelled}(...)^{digits.text}", tok.col, end, f"{tok.text}^{{{digits.text}}}"),
                        (f"{spelled} times {digits.text}(...)", tok.col, end, f"{tok.text} \\cdot {digits.text}"))
        raise err

    def ends_at(self, k: int, end: int) -> bool:
        """Whether what a glued superscript could be ends before token ``k`` (at column ``end``): that token is the
        end, stands apart, or is no letter, digit, group or script glued on (``e-x)`` ends, ``e-wx`` does not)."""
        t = self.peek(k)
        return t.kind == "end" or t.col != end or (t.kind not in ("letter", "digit", "cmd") and
                                                    t.text not in ("^", "_", "(", "{", "[", "'"))

    def imaginary(self, tok: _Tok) -> _Val | None:
        """A bare ``i``: the index of that name, else refused (symgrad has no imaginary unit)."""
        if "i" in self.pending and not self.declared_value("i"):
            return _Val(self.pending["i"])
        if self.index_mode or self.declared("i"):
            return None
        raise self.error("i is not an index here (no sum or range binds it) and symgrad has no imaginary unit: "
                         r"declare its range (i = 1, \dots, N) or its shape (i \in \mathbb{R})", tok)

    def declared_value(self, name: str) -> bool:
        return name in self.ctx.tensors or name in self.ctx.definitions or name in self.new_scalars

    def letter_applies(self, name: str) -> bool | None:
        """Whether ``\\sigma(...)``, ``\\Gamma(...)``, ``\\psi(...)`` apply a function; None for other names."""
        if name not in _LETTER_FUNCTIONS and name != "sigma":
            return None
        if name in self.ctx.functions:
            return True
        if self.declared(name):
            if name == "sigma":
                self.note(r"\sigma is a value here, so \sigma(...) is a product, not the sigmoid")
                return False
            raise self.two_readings(name, self.peek(), _LETTER_FUNCTIONS[name][1] + " applied to (...)",
                                    r"write \cdot for a product or rename the name")
        return True

    def letter_function(self, name: str, a: _Val) -> _Val | None:
        """The function an undeclared letter applied to (...) is, noted; None for other names."""
        if name not in _LETTER_FUNCTIONS:
            return None
        f, what = _LETTER_FUNCTIONS[name]
        self.note(f"{_SPELLING[name]}(...) read as {what}")
        return _Val(f(a.expr), a.axes)

    def check_letters(self) -> None:
        """``e`` read as Euler's number and also declared later in the same source (``\\sum_{i=1}^{e}``): refused."""
        if self.euler is not None and ("e" in self.sizes or "e" in self.new_tensors or "e" in self.pending):
            raise self.two_readings("e", self.euler, "Euler's number", r"write \exp(...) or rename the name e")

    def capital_sigma(self, t: _Tok) -> _Val:
        """Unicode ``Σ`` where a tensor Σ is declared and no range follows (``Σ_{k=1}^{n}`` is a sum): the tensor
        (``Σ⁻¹_kl``, ``Σ_ij``, ``det Σ``); anything else has both readings and is refused."""
        arity = len(self.lookup_base("Sigma").shape or ())
        save = self.pos
        if self.at("^") or not (self.at("_") or self.starts_factor()) or self.index_run(arity) is not None:
            self.pos = save
            return self.name_value("Sigma", t)
        raise self.error("Σ has two readings here: a sum, or the declared tensor Σ; write Σ_{k=1}^{n} for the sum "
                         r"or \Sigma for the tensor", t)

    def sample_superscript(self, v: _Val, k: sp.Idx, t: _Tok) -> _Val:
        """``x^k`` with x a declared vector and k summed: a vector has no scalar power here, so it is the sample x_k."""
        self.unify(_extent(k), _extent(v.free[0]), t, f"index {k} of {v.expr.base}")
        self.note(f"{v.expr.base}^{k} read as the sample {v.expr.base}_{k}: {v.expr.base} is a vector and {k} is summed")
        return _Val(v.expr.xreplace({v.free[0]: k}))
