"""Primes: ``\\sigma'(z)`` and ``f'(x)`` of a function of one argument, ``y'`` of a defined name, ``(...)'`` of an
expression, each the derivative by its one variable."""

from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from ..errors import ParseError
from .array_roles import array_roles
from .tokens import _Tok
from .vocabulary import _ELEMENTWISE, _Val


class _Primes:
    """Reading a prime as a derivative (a part of the parser)."""

    def function(self, t: _Tok) -> _Val:
        """``\\tanh'(x)``: the derivative of a function written as a command, by its one argument."""
        if self.at("'") and self.peek(1).text == "(" and t.text in _ELEMENTWISE:
            return self.prime(t.text, t)
        return super().function(t)  # type: ignore[misc]

    def upright(self, name: str, t: _Tok, label: str) -> _Val:
        """``\\operatorname{relu}'(x)``: the derivative of a function known by its upright name, by its argument."""
        if self.at("'") and self.peek(1).text == "(" and name.lower() in _ELEMENTWISE:
            return self.prime(name.lower(), t)
        return super().upright(name, t, label)  # type: ignore[misc]

    def applies_after_prime(self, name: str) -> bool:
        self.pos += 1
        try:
            return self.applies(name, False)
        finally:
            self.pos -= 1

    def prime(self, name: str, tok: _Tok) -> _Val:
        """``\\sigma'(z)``, ``f'(x)``: the derivative of a function of one argument. At its own parameter (or at a
        variable) and standing alone it is the derivative itself, as a claim writes it; elsewhere (``\\sigma'(2x)``,
        ``(y - a)\\sigma'(z)``) its value there."""
        alone = self.toks[0] is tok
        self.next()
        if alone:
            self.own_argument(name, tok)
        args = self.arguments()
        alone = alone and self.peek().kind == "end"
        if len(args) != 1:
            raise self.error(f"{name}' takes one argument, got {len(args)}", tok)
        (a,) = args
        t = sp.Dummy("t")
        fn = self.ctx.functions.get(name)
        if fn is not None:
            if len(fn.params) == 1 and _vector(fn.params[0]) and name in self.ctx.definitions and \
                    isinstance(a.expr, sp.Indexed) and a.expr.base == fn.params[0]:
                return self.derivative_row(name, fn.params[0], tok)
            if len(fn.params) != 1 or not isinstance(fn.params[0], sp.Symbol):
                raise self.error(f"{name}' needs {name} to be a function of one scalar", tok)
            node = self.ctx.definitions[name].lhs if name in self.ctx.definitions else None
            if node is not None and a.expr == fn.params[0] and alone:
                return _Val(sp.Derivative(node, a.expr, evaluate=False))
            f = fn.body.xreplace({fn.params[0]: t})
        else:
            f = self.builtin(name, _Val(t), tok).expr
            if f.atoms(AppliedUndef) and not self.applied_in_definitions(name):
                raise self.error(f"{name}' of a function that is not defined: define {name}(x) = ... first", tok)
            if f.atoms(AppliedUndef):
                self.note(f"{name}' read as the derivative of {name}, which the definitions apply and nothing defines: "
                          f"the claim is judged for any {name}")
        if alone and isinstance(a.expr, (sp.Symbol, sp.Indexed)) and not isinstance(a.expr, sp.Idx) and not a.axes:
            return _Val(sp.Derivative(f.xreplace({t: a.expr}), a.expr, evaluate=False))
        if f.atoms(AppliedUndef) and sp.diff(f, t).atoms(sp.Derivative):  # f'(\sum_i w_i x_i): unknown f's there
            return _Val(sp.Subs(sp.diff(f, t), t, a.expr), a.axes)
        return _Val(sp.diff(f, t).xreplace({t: a.expr}), a.axes)

    def own_argument(self, name: str, tok: _Tok) -> None:
        """``\\sigma'(x) = \\frac{d}{dx} \\frac{1}{1+e^{-x}} = ...`` heading a claim, with \\sigma(z) defined and x named
        nowhere: x is the function's own argument, the claim an identity in it (each member then a function of x, as
        the derivative is). x becomes a scalar of the problem, noted; a name the problem knows is left as it is, and a
        function nothing defines (f'(x) of an unknown f) gets no argument this way."""
        fn = self.ctx.functions.get(name)
        known = _one_scalar(fn) if fn is not None else self.known_builtin(name, tok)
        if not (self.strict and not self.lenient) or not self.at("(") or not known:
            return
        arg, close = self.peek(1), self.peek(2)
        if arg.kind != "letter" or close.text != ")" or self.declared(arg.text) or self.ctx.known(arg.text) or \
                self.ctx.declared_elsewhere(arg.text) or arg.text in ("e", "i"):
            return
        self.ctx.tensors[arg.text] = sp.Symbol(arg.text)
        self.note(f"{name}'({arg.text}) heads the claim with {arg.text} named nowhere else: {arg.text} read as "
                  f"{name}'s own argument, the claim an identity in {arg.text}")

    def known_builtin(self, name: str, tok: _Tok) -> bool:
        """Whether ``name`` is a function symgrad knows by itself (\\sigma, \\tanh), not an unknown one."""
        try:
            return not self.builtin(name, _Val(sp.Dummy("t")), tok).expr.atoms(AppliedUndef)
        except ParseError:
            return False

    def applied_in_definitions(self, name: str) -> bool:
        """Whether a definition applies the function ``name`` that nothing defines (``\\hat{y}_j = f(\\sum_i w_{ij}
        x_i)``): the problem's unknown function, whose derivative a claim may write as ``f'``."""
        return any(app.func.__name__ == name for d in self.ctx.definitions.values()
                   for app in sp.sympify(d.rhs).atoms(AppliedUndef))

    def derivative_row(self, name: str, x: sp.IndexedBase, tok: _Tok) -> _Val:
        """``f'(w)`` of a scalar function of a vector w, at w: its derivative, the row vector of the partials by
        each w_k (so ``f'(w)^T`` is the gradient), noted."""
        node = self.ctx.definitions[name].lhs
        if not isinstance(node, sp.Symbol):
            raise self.error(f"{name}' of a vector function (a Jacobian) is not read yet: write "
                             rf"\frac{{\partial {name}}}{{\partial {x}}}", tok)
        k = self.fresh(x.shape[0])
        self.note(f"{name}'({x}) read as the row vector of the derivatives of {name} by each {x}_k ({name}'({x})^T "
                  f"is its gradient)")
        return _Val(sp.Derivative(node, x[k], evaluate=False), (None, k))

    def primed(self, v: _Val, t: _Tok, alone: bool) -> _Val:
        """``y'`` of a defined ``y = x \\sigma(x)``, ``(\\frac{1}{1+e^{-x}})'``: the derivative by the one variable it
        depends on; standing alone, the derivative itself (a claim's left side), else its value."""
        inputs = {s for s in self.inputs_of(v.expr) if not isinstance(s, sp.Idx)}
        if not inputs and not alone:
            return _Val(sp.Integer(0))  # 1' in a chain: a constant's derivative
        if len(inputs) > 1 and not alone and "\\" not in self.src:  # (y-Xw)'(y-Xw): MATLAB's transpose, in plain text
            names = ", ".join(_written(inputs))
            err = self.error(f"' after a value of {names} has two readings: the transpose (as MATLAB writes it), of "
                             "arrays whose shapes nothing declares (read as numbers it changes nothing), or a "
                             r"derivative, which needs one variable: declare their shapes (x \in \mathbb{R}^{n}, "
                             r"A \in \mathbb{R}^{m \times n}) for the transpose", t)
            # the derivative cannot be read (several variables): verify's second try reads the transpose, of the
            # arrays the usual convention makes them ((y - Xw)': X a matrix, w and y vectors), noted
            unshaped = {str(s) for s in inputs} <= set(self.new_scalars)
            err.arrays = array_roles(v.expr, {str(s) for s in inputs}) if unshaped else None  # type: ignore[attr-defined]
            raise err
        if not alone and self.undefined_input(v.expr):
            name = str(v.expr.base if isinstance(v.expr, sp.Indexed) else v.expr)
            raise self.error(f"{name}' of {name}, which nothing defines, has two readings: the transpose (as MATLAB "
                             f"and econometrics write it) of {name}, whose shape nothing declares, or a name of its own "
                             f"({name} prime); its derivative by itself would be 1: declare its shape ({name} \\in "
                             r"\mathbb{R}^{n}) for the transpose, or write another letter for a name of its own", t)
        named = self.primed_name(v, t) if len(inputs) != 1 and not alone else None
        if named is not None:
            return named
        if len(inputs) != 1:
            arrays = " (each entry of an array a variable)" if any(isinstance(s, sp.Indexed) for s in inputs) else ""
            names = ", ".join(_written(inputs)) + arrays or "no variable"
            raise self.error(f"a prime needs one variable to differentiate by, and this depends on {names}: write "
                             r"\frac{d}{dx} instead", t)
        (x,) = inputs
        d = sp.Derivative(v.expr, x, evaluate=False)
        return _Val(d if alone else self.expanded(v.expr).diff(x))

    def undefined_input(self, e: sp.Expr) -> bool:
        """``e`` is a bare name (or an entry of one) that nothing defines: a variable, whose derivative by itself is 1."""
        if isinstance(e, sp.Indexed):
            e = e.base
        return isinstance(e, (sp.Symbol, sp.IndexedBase)) and not isinstance(e, sp.Idx) and \
            str(e.label if isinstance(e, sp.IndexedBase) else e) not in self.ctx.definitions

    def primed_name(self, v: _Val, t: _Tok) -> _Val | None:
        """``y'`` right after a name whose derivative would need more than one variable (``E = \\frac12 (y' - y)^2``
        with ``y = \\sum_i w_i x_i``; word2vec's output vectors ``v'_{w_O}``): a name of its own, y prime (the target
        y' of a perceptron), noted; None for anything else (``(y - Xw)'``)."""
        before = self.toks[self.toks.index(t) - 1]
        if before.kind != "letter" and before.text not in ("}", "{"):
            return None
        expr = v.expr
        if isinstance(expr, sp.Symbol) and not isinstance(expr, sp.Idx):
            name = f"{expr}'"
            value = self.new_scalars.setdefault(name, sp.Symbol(name)) if not self.ctx.known(name) else \
                self.lookup_base(name)
        elif isinstance(expr, sp.Indexed) and all(isinstance(i, (sp.Idx, sp.Symbol, sp.Integer)) for i in expr.indices):
            name = f"{expr.base}'"
            base = self.lookup_base(name) if self.ctx.known(name) else \
                self.new_tensors.setdefault(name, sp.IndexedBase(name, shape=expr.base.shape))
            value = base[expr.indices]
        else:
            return None
        self.note(f"{name} read as a name of its own ({name[:-1]} prime): a derivative of {name[:-1]} would need one "
                  "variable")
        return _Val(value, v.axes)

    def inputs_of(self, e: sp.Expr) -> set[sp.Symbol]:
        """The scalar inputs ``e`` depends on, through the definitions it names."""
        return self.expanded(e).free_symbols

    def expanded(self, e: sp.Expr) -> sp.Expr:
        """``e`` with every defined scalar name replaced by its definition, recursively."""
        defs = {d.lhs: d.rhs for d in self.ctx.definitions.values() if isinstance(d.lhs, sp.Symbol)}
        for _ in range(len(defs) + 1):
            e2 = e.xreplace(defs)
            if e2 == e:
                return e
            e = e2
        return e


def _one_scalar(fn: object) -> bool:
    params = getattr(fn, "params", ())
    return len(params) == 1 and isinstance(params[0], sp.Symbol)


def _vector(x: sp.Basic) -> bool:
    return isinstance(x, sp.IndexedBase) and len(x.shape or ()) == 1


def _written(inputs: set[sp.Expr]) -> list[str]:
    """The names of ``inputs`` as the page writes them: an array once by its name (not v and v[w_O]), and no size the
    reader made up for it (``_size_...``)."""
    names = {str(s.base) if isinstance(s, sp.Indexed) else str(s) for s in inputs}
    return sorted(n for n in names if not n.startswith("_"))
