"""Derivatives, cases, max and min, indicators, relations, exponents and divisors with two readings, finishing a
reading, and commands only latex2sympy2 knows."""

from __future__ import annotations

import re

import sympy as sp

from ..errors import ParseError
from ..tensors import Definition, name_of
from .applied_variables import applied_variable
from .bound import _rename_bound
from .cases_words import parenthesized, said
from .fallback import _FOREIGN_CLOSERS, _PLACEHOLDERS, _meaning
from .layers import tagged_name
from .log_bases import lg_refused
from .plain_leibniz import defined_run_after_d, leibniz_ahead
from .second_derivatives import second_derivative
from .tokens import _DIFFERENTIALS, _GREEK, _NAMED, _RELS, _arg_text, _group_end, _source_text, _Tok, _tokens
from .vocabulary import _REL_CLASSES, _extent, _Val


def _plain(e: sp.Expr) -> bool:
    """Whether ``e`` is a name or an element, something a derivative can be taken by."""
    return isinstance(e, (sp.Symbol, sp.Indexed)) and not isinstance(e, sp.Idx)


def _mentions(e: sp.Expr, old: sp.Symbol | sp.IndexedBase) -> bool:
    return old in e.free_symbols or any(x.base == old for x in e.atoms(sp.Indexed))


def _powers_renamed(e: sp.Expr, old: sp.Symbol | sp.IndexedBase, exp: sp.Expr,
                    new: sp.Symbol | sp.IndexedBase) -> sp.Expr:
    """``e`` with each power ``old^(k exp)`` (k a nonzero integer) of ``old`` or of its elements as ``new^k``:
    sigma^4 is (sigma^2)^2, a_j^L is (a^L)_j."""
    def of_old(x: sp.Expr) -> bool:
        if not isinstance(x, sp.Pow) or not (x.base == old or (isinstance(x.base, sp.Indexed) and x.base.base == old)):
            return False
        k = x.exp / exp
        return bool(k.is_integer) and k != 0

    return e.replace(of_old, lambda x: (new[x.base.indices] if isinstance(x.base, sp.Indexed) else new) ** (x.exp / exp))


def _deviation_powers(e: sp.Expr, old: sp.Basic, exp: sp.Expr, new: sp.Basic) -> sp.Expr:
    """After a derivative by ``\\sigma^2``, the odd powers of a standard deviation sigma (nonnegative by what it is)
    as powers of the variance: sigma^3 is (sigma^2)^{3/2}, sigma is (sigma^2)^{1/2}. Only sigma, only by its square:
    any other name keeps its sign, and its odd powers are refused."""
    if not (isinstance(old, sp.Symbol) and old.name == "sigma" and exp == 2 and isinstance(new, sp.Symbol)):
        return e
    return e.xreplace({old: sp.sqrt(new)})


# functions LaTeX has no command for, which pages define one for (ProofWiki's \sech, a paper's \sgn, \ReLU): read as the
# upright name (\operatorname{sech}); LaTeX's own commands (\coth, \arcsin) go to the fallback (read.fallback)
_PAGE_MACROS = {"sech", "csch", "sgn", "sign", "erf", "erfc", "relu", "softplus", "sigmoid", "softmax", "logit",
                "heaviside", "logsumexp"}


class _Operators:
    """Derivative operators, cases, relations and the end of a reading (a part of the parser)."""

    def differential(self, k: int) -> int:
        """Number of tokens of a differential (∂, ∇, δ, d, \\mathrm{d}) at offset k, or 0."""
        t = self.peek(k)
        if t.text in _DIFFERENTIALS and self.peek(k + 1).text != "_":
            return 1
        if t.text == "d" and t.kind == "letter" and self.peek(k + 1).text != "_":
            return 1  # d_j is a name (a distance), not a differential
        if t.text in (r"\mathrm", r"\text", r"\operatorname") and [self.peek(k + m).text for m in (1, 2, 3)] == \
                ["{", "d", "}"]:
            return 4
        return 0

    def frac(self, t: _Tok) -> _Val:
        num_start = self.pos
        den_start = _group_end(self.toks, num_start) if self.at("{") else num_start + 1
        skip_num = 0
        while self.peek(skip_num).text == "{":
            skip_num += 1
        skip_den = 0
        while self.toks[min(den_start + skip_den, len(self.toks) - 1)].text == "{":
            skip_den += 1
        d_num = self.differential(skip_num)
        d_den = self.differential(den_start - self.pos + skip_den)
        is_d = self.peek(skip_num).text == "d"
        if not d_num and d_den and skip_num and self.toks[den_start + skip_den].text == r"\partial":
            d_num = 0  # \frac{f(a, b)}{\partial a_1}: the numerator's \partial lost; \partial a_1 alone has no value
            self.note(f"{self.written(num_start, den_start)} over \\partial read as the derivative (its \\partial "
                      "lost)")
        elif d_num and not d_den and skip_num and self.partial_over_name(num_start, den_start, skip_den):
            d_den = 0  # \frac{\partial}{\theta} J: the denominator's \partial lost; \partial over a name is no quotient
            self.note(f"\\partial over {self.toks[den_start + skip_den].text} read as the derivative by it (the "
                      "denominator's \\partial lost)")
        elif not (d_num and d_den and (not is_d or self.toks[den_start + skip_den].text == "d")):
            num = self.argument()
            den = self.argument()
            return self.div(num, den, t)
        self.pos += skip_num + d_num
        if self.at("^"):
            return second_derivative(self, t, skip_num, skip_den)
        of = None if self.at("}") or skip_num == 0 else self.word_of() or self.expr()
        for _ in range(skip_num):
            self.expect("}", t)
        self.pos += skip_den + d_den
        var = self.variable(single=False)
        for _ in range(skip_den):
            self.expect("}", t)
        if of is None:  # the operator form d/dz applies to the whole product after it, up to the next + or -
            of = self.term() if self.starts_factor() or self.at("-") else self.implied_loss(t)
        return self.derivative(of, var, t)

    def partial_over_name(self, num_start: int, den_start: int, skip_den: int) -> bool:
        """Whether the fraction here is ``\\frac{\\partial}{name}``: a numerator of \\partial alone over one name (a letter or a
        Greek letter, with or without a subscript) and nothing else."""
        num = [t.text for t in self.toks[num_start:den_start]]
        first = self.toks[den_start + skip_den]
        end = _group_end(self.toks, den_start) if skip_den else den_start + 1
        rest = [t.text for t in self.toks[den_start + skip_den + 1:end - skip_den]]
        named = first.kind == "letter" or first.kind == "cmd" and first.text[1:] in _GREEK
        return num == ["{", r"\partial", "}"] and named and (not rest or rest[0] == "_" and len(rest) in (2, 4))

    def word_of(self) -> _Val | None:
        """``\\frac{\\partial MSE}{...}``: letters written together as all of a numerator, none of them a name here,
        are one name (as on a definition's left side), not a product of unknowns; else None."""
        end = self.pos
        while self.toks[end].kind == "letter" and (end == self.pos or self.toks[end].col == self.toks[end - 1].col + 1):
            end += 1
        letters = [t.text for t in self.toks[self.pos:end]]
        elsewhere = {t.text for k, t in enumerate(self.toks) if t.kind == "letter" and not self.pos <= k < end}
        if len(letters) < 2 or self.toks[end].text != "}" or any(self.declared(x) for x in letters) or \
                elsewhere & set(letters):
            return None
        named = self.read_name(word=True)
        return self.name_value(*named) if named is not None else None

    def variable(self, single: bool) -> _Val:
        """The variable of a derivative: an element, a scalar, or a whole tensor; new names allowed."""
        self.lenient += 1
        try:
            t = self.peek()
            v = self.argument() if single else self.factor()
        finally:
            self.lenient -= 1
        if isinstance(v.expr, sp.Pow) and _plain(v.expr.base) and (v.expr.exp.is_Integer or _plain(v.expr.exp)):
            return self.power_variable(v, t)
        applied = applied_variable(self, v.expr, t) if not _plain(v.expr) else None
        if applied is not None:
            return _Val(applied, v.axes)
        if not _plain(v.expr):
            raise self.error("cannot differentiate with respect to an expression: write a name", t)
        return v

    def power_variable(self, v: _Val, t: _Tok) -> _Val:
        """``\\partial \\sigma^2``, ``\\partial \\sigma^2_j``, ``\\partial a_j^L``: the name with its superscript as one
        variable (the variance, a layer's activation), read where the name enters the definitions only with that
        superscript (or its multiples): each ``sigma^2`` there, and in what is read after, becomes the name
        ``sigma^2`` (noted); else refused."""
        base, exp = v.expr.base, v.expr.exp
        old = base.base if isinstance(base, sp.Indexed) else base
        tagged = tagged_name(self.ctx, name_of(base), exp)
        if tagged is not None and isinstance(self.lookup_base(tagged), sp.Symbol) and isinstance(base, sp.Symbol):
            self.note(f"{tagged} read as the name the problem tags with layer {exp}, not a power")
            return _Val(self.lookup_base(tagged), v.axes)
        name = f"{name_of(base)}^{exp}"
        new = sp.IndexedBase(name, shape=old.shape) if isinstance(old, sp.IndexedBase) else sp.Symbol(name)
        defs = self.ctx.definitions
        renamed = {k: Definition(d.lhs, _powers_renamed(d.rhs, old, exp, new)) for k, d in defs.items()}
        left = [k for k, d in renamed.items() if _mentions(d.rhs, old) or (exp.is_Symbol and exp in d.rhs.free_symbols)]
        again = self.ctx.tensors.get(name) == new and self.ctx.squares.get(old) == (exp, new)  # this reading's own
        taken = [n for n in (name, str(exp)) if n in defs or n == name and not again and self.ctx.declared_elsewhere(n)]
        if left or taken:
            also = f" or {exp}" if exp.is_Symbol else ""
            why = f"{left[0]} uses {old}{also} otherwise" if left else f"{taken[0]} is already defined"
            raise self.error(f"cannot differentiate by {old}^{exp} as one variable: {why}; differentiate by {old}", t)
        defs.update(renamed)
        self.ctx.tensors[name] = new
        self.ctx.squares[old] = (exp, new)
        self.note(f"{old}^{exp} read as one variable, {name} ({old} enters the definitions only so)")
        return _Val(new[base.indices] if isinstance(base, sp.Indexed) else new, v.axes)

    def at_its_point(self, d: _Val) -> None:
        """``(\\partial_\\mu \\ell)(\\mu, \\sigma^2)``: a derivative followed by the list of its own inputs is the same
        derivative (written at the point of those names); skipped, noted. Anything else after it is left to be read."""
        start, opened = self.pos, self.next()
        items, names = [], self.inputs_of(d.expr.expr) | set(d.expr.free_symbols) | set(self.ctx.squares)
        while True:
            item = self.expr().expr
            if not isinstance(item, (sp.Symbol, sp.Indexed, sp.Pow)) or not item.free_symbols <= names:
                break
            items.append(item)
            if self.at(")") and len(items) > 1:
                self.next()
                self.note(f"{_source_text(opened, self.src)}...) after a derivative read as the point of its inputs: "
                          "the same derivative")
                return
            if not self.at(","):
                break
            self.next()
        self.pos = start

    def over_differential(self) -> bool:
        """Whether the brace group here is ``{\\delta Tanh \\over \\delta x}``: a top-level ``\\over`` then a
        differential."""
        depth = 0
        for k in range(self.pos, len(self.toks) - 1):
            depth += (self.toks[k].text == "{") - (self.toks[k].text == "}")
            if depth == 0:
                return False
            if depth == 1 and self.toks[k].text == r"\over":
                return bool(self.differential(k + 1 - self.pos))
        return False

    def over_derivative(self) -> _Val:
        """``{\\delta Tanh \\over \\delta x}``, ``{d \\over dx} f``: plain TeX's derivative fraction."""
        opened = self.next()
        self.pos += self.differential(0)
        of = None if self.at(r"\over") else self.expr()
        self.expect(r"\over")
        self.pos += self.differential(0)
        var = self.variable(single=False)
        self.expect("}", opened)
        return self.derivative(of if of is not None else self.term(), var, opened)

    def implied_loss(self, t: _Tok) -> _Val:
        """``\\frac{\\partial}{\\partial m} = ...`` with nothing after the operator: the derivative of the loss (the
        definition written without a name, else the last one), noted."""
        if not self.ctx.definitions:
            raise self.error("a derivative operator with nothing after it: write what it differentiates", t)
        last = self.ctx.definitions.get(self.ctx.unnamed) or list(self.ctx.definitions.values())[-1]
        node = last.lhs
        self.note(f"a derivative operator with nothing after it read as the derivative of {node}")
        return _Val(node)

    def leibniz_ahead(self) -> bool:
        """Whether a plain-text Leibniz fraction starts here (read.plain_leibniz)."""
        return leibniz_ahead(self)

    def inline_derivative_ahead(self) -> bool:
        """Whether ``\\partial y_i / \\partial x_k`` (``\\delta F / \\delta x``) starts here: a top-level ``/`` and the
        same operator follow."""
        depth = 0
        for k in range(self.pos + 1, len(self.toks) - 1):
            text = self.toks[k].text
            depth += (text in ("{", "(", "[")) - (text in ("}", ")", "]"))
            if depth < 0 or (depth == 0 and text in ("=", "+", "-")):
                return False
            if depth == 0 and text == "/" and self.toks[k + 1].text == self.peek().text:  # \partial (\delta) twice
                return self.peek().text == r"\partial" or self.toks[k + 2].text not in ("_", "^")
        return False

    def inline_derivative(self, t: _Tok) -> _Val:
        """``\\partial y_i / \\partial x_k``, ``∂s_i/∂z_i``, ``\\partial (\\gamma v + \\beta) / \\partial v_i``; the operator
        ``∂/∂x (...)`` applies, as ``\\frac{\\partial}{\\partial x}`` does, to the product after it."""
        run = defined_run_after_d(self) if t.text == "d" else 0
        self.next()
        if self.at("/"):
            self.pos += 2
            var = self.variable(single=False)
            return self.derivative(self.term(), var, t)
        named = self.read_name(word=True) if run > 1 else None  # dloss/dw: the defined word
        of = self.name_value(*named) if named is not None else self.factor()
        self.expect("/")
        self.next()  # the second \partial (or d)
        return self.derivative(of, self.variable(single=False), t)

    def derivative(self, of: _Val, var: _Val, t: _Tok) -> _Val:
        whole = self.__dict__.get("whole", {}).pop(name_of(var.expr), None) if isinstance(var.expr, sp.Indexed) else None
        if whole is not None and whole in of.expr.free_symbols and not of.axes and len(var.free) == 0 and \
                len(var.expr.indices) == 1:
            of = self.whole_vector(of, whole, var.expr, t)
        axes = of.free + var.free
        if len(axes) == 1:
            axes = (axes[0], None)
        # a sum's index that the variable also names (\frac{d}{dp_i} \sum_i p_i \ln p_i) is bound: another index
        clash = {str(i) for i in var.expr.indices} if isinstance(var.expr, sp.Indexed) else set()
        expr = _rename_bound(of.expr, clash) if clash else of.expr
        return _Val(sp.Derivative(expr, var.expr, evaluate=False), axes)

    def whole_vector(self, of: _Val, whole: sp.Symbol, var: sp.Indexed, t: _Tok) -> _Val:
        """``\\partial(\\gamma v + \\beta)/\\partial v_i = \\gamma \\delta_{ij}``: v written bare, then its element by
        which to differentiate. The whole vector (its element j) where the formula writes another free index for it,
        noted; with none, v_i with its index lost is as likely: refused naming both."""
        (i,) = var.indices
        toks = _tokens(self.src)  # the whole formula: the other members too
        subscripted = {toks[k].text for k in range(1, len(toks)) if toks[k].kind == "letter" and (
            toks[k - 1].text == "_" or toks[k - 1].text == "{" and toks[k - 2].text == "_" or
            toks[k - 1].kind == "letter" and toks[k - 2].text == "{" and toks[k - 3].text == "_")}
        summed = {toks[k].text for k in range(2, len(toks)) if toks[k - 1].text in ("_", "{") and
                  toks[k - 2].text in (r"\sum", "_") and (toks[k - 2].text == r"\sum" or toks[k - 3].text == r"\sum")}
        others = subscripted - summed - {str(i)}
        if not others:
            raise self.error(f"{whole} is written without an index, then {whole}_{i} is the variable: the whole vector "
                             f"{whole} (a Jacobian) or {whole}_{i} with its index lost; write the index on it ({whole}_j "
                             f"for element j of the vector, with j on the other side too, or {whole}_{i})", t)
        j = self.fresh(_extent(i), min(others) if min(others) not in self.used else None)
        self.note(f"{whole} in the derivative by {whole}_{i} read as the whole vector {whole}, element {j} (the formula "
                  f"writes another index for it)")
        return _Val(of.expr.xreplace({whole: var.base[j]}), (j, None))

    # ------------------------------------------------------------------ cases and relations
    def cases(self, t: _Tok) -> _Val:
        """``\\begin{cases} ... \\end{cases}``: a piecewise value; pieces that are arrays (``-y \\mathbf{x}`` beside
        ``0``) share one shape, a scalar piece broadcast over it."""
        pieces, shaped = [], None
        while True:
            v = self.expr()
            if v.axes and shaped is not None:
                v = _Val(self.align(shaped, v, t, "choose between"), shaped.axes)
            shaped = shaped or (v if v.axes else None)
            comma = self.at(",")
            if comma:
                self.next()  # p_i(1 - p_i), & i = j; +1,\quad y > t: the comma alone parts value and condition
            if self.at("&") or not comma:
                self.expect("&")
            cond: sp.Basic = sp.true
            while self.at(",") or (self.peek().text in _NAMED and
                                   said(_arg_text(self.toks, self.pos + 1)[0], self.notes) in ("if", "for", "when")):
                self.pos = self.pos + 1 if self.at(",") else _arg_text(self.toks, self.pos + 1)[1]
            if self.peek().text in _NAMED:
                word, end = _arg_text(self.toks, self.pos + 1)
                if said(word, self.notes) not in ("otherwise", "else", "elsewhere"):
                    raise self.error(f"unreadable condition {word}", self.peek())
                self.pos = end
            else:
                wrapped = parenthesized(self.toks, self.pos)  # & (z < 0): the condition in parentheses
                self.pos += wrapped
                self.index_mode = True
                cond = self.relation()
                self.index_mode = False
                if wrapped:
                    self.expect(")")
            pieces.append((v.expr, cond))
            if self.at(r"\\"):
                self.next()
                if self.at(r"\end{cases}"):
                    break
                continue
            break
        self.expect(r"\end{cases}", t)
        return _Val(sp.Piecewise(*pieces), shaped.axes if shaped is not None else ())

    def glued_divisor(self, slash: _Tok) -> None:
        """``1/2x``, ``x^2/2\\sigma^2``: a divisor with a value written against it has two readings (the whole product
        divides, or only its first factor does): refused naming both. ``1/N \\sum``, ``1/2 \\log``, ``1/2 x`` are read."""
        after = self.peek()
        glued = self.peek(-1).kind != "sym" and after.col == self.peek(-1).col + len(self.peek(-1).text)
        if glued and (after.kind == "letter" or after.text[1:] in _GREEK) and self.case_word()[0] is None:
            divisor = self.src[self.toks[self.toks.index(slash) + 1].col - 1:after.col - 1]
            a = _source_text(after, self.src)
            err = self.error(f"/{divisor}{a} has two readings: divided by the whole product {divisor}{a}, or by "
                             f"{divisor} alone; write /({divisor} {a}) or (.../{divisor}) {a}", slash)
            end = after.col + len(after.text)
            if self.ends_at(1, end) and self.src[after.col - 1:end - 1] == after.text:  # 1/2m), not 1/2\sigma^2
                err.readings = ((f"divided by {divisor}{a}", slash.col, end, f"/({divisor} {a})"),
                                (f"divided by {divisor}, times {a}", slash.col, end, f"/{divisor} \\cdot {a}"))
            raise err

    def negative_exponent(self, t: _Tok) -> _Val:
        """``e^-x``, ``x^-1`` (plain text): the exponent is minus the one token after it; ``e^-2x`` (minus 2x, or
        minus 2 then times x) is refused naming both."""
        self.next()
        e = self.argument()
        after = self.peek()
        if (after.kind in ("letter", "digit") or after.text[1:] in _GREEK) and self.contiguous(-1):
            raise self.error(f"^-{self.src[self.peek(-1).col - 1:after.col - 1]}{_source_text(after, self.src)} has two "
                             "readings: the whole product in the exponent, or only its first factor; write ^{-...} "
                             "with braces", t)
        return _Val(-e.expr, e.axes)

    def keyword_ahead(self, word: str) -> bool:
        """Whether the letters here spell ``word`` alone (``if`` in ``{a if c; b otherwise}``, not in ``iff``)."""
        n = len(word)
        return "".join(self.peek(k).text for k in range(n)) == word and all(
            self.peek(k).kind == "letter" for k in range(n)) and all(self.contiguous(k) for k in range(n - 1)) and \
            not (self.peek(n).kind == "letter" and self.contiguous(n - 1))

    def text_cases(self, first: _Val, opened: _Tok) -> _Val:
        """Cases as plain text writes them (and symgrad's text printer): ``{a if c; b otherwise}``, ``,`` or ``;``
        between the cases, ``else`` for ``otherwise``."""
        pieces = []
        v = first
        while True:
            if v.axes:
                raise self.error("cases of arrays are not supported", opened)
            word, end = self.case_word()
            if word in ("otherwise", "else"):
                self.pos = end
                pieces.append((v.expr, sp.true))
                break
            if word != "if":
                raise self.error("expected if or otherwise after a case's value", self.peek())
            self.pos = end
            self.index_mode = True
            pieces.append((v.expr, self.relation()))
            self.index_mode = False
            if not (self.at(";") or self.at(",")):
                break
            self.next()
            v = self.expr()
        return _Val(sp.Piecewise(*pieces))

    def case_word(self) -> tuple[str | None, int]:
        """The word of plain-text cases here (``if``, ``otherwise``, ``else``, bare or in ``\\text{}``) and the
        index past it."""
        if self.peek().text in _NAMED and self.peek(1).text == "{":
            word, end = _arg_text(self.toks, self.pos + 1)
            return (word, end) if word in ("if", "otherwise", "else") else (None, self.pos)
        word = next((w for w in ("if", "otherwise", "else") if self.keyword_ahead(w)), None)
        return word, self.pos + len(word or "")

    def extremum(self, t: _Tok) -> _Val:
        r"""``\max(a, b)`` / ``\min\{a, b\}``, elementwise when an argument is an array (the hinge's max(0, 1 - yz)).

        A max over an index (``\max_k a_k``) is refused: read as ``max`` of one thing it would be silently wrong."""
        if self.at("_"):
            raise self.error(f"a {t.text[1:]} over an index ({t.text}_k a_k) is not supported: write "
                             f"{t.text}(a, b) of two values", t)
        if not (self.at("(") or self.at(r"\{")):
            found = "the end" if self.peek().kind == "end" else self.peek().text
            raise self.error(f"expected ( or \\{{ after {t.text}, found {found}", self.peek())
        opened = self.next()
        close = ")" if opened.text == "(" else r"\}"
        a = self.expr()
        self.expect(",", opened)
        b = self.expr()
        self.expect(close, opened)
        f = sp.Max if t.text == r"\max" else sp.Min
        if a.axes and b.axes:
            return _Val(f(a.expr, self.align(a, b, t, "compare")), a.axes)
        return _Val(f(a.expr, b.expr), a.axes or b.axes)

    def indicator(self, t: _Tok) -> _Val:
        r"""``\mathbb{1}[i = j]``, ``\mathbb{1}\{z > 0\}``, ``\mathbb{1}(\cdot)``, ``1_{i=j}``: 1 where the relation holds,
        else 0. Indices equal is the Kronecker delta; a value equal to an index (a label ``y_i = j``) is refused."""
        if self.at("_"):
            self.next()
        opened = self.next()
        close = {"[": "]", r"\{": r"\}", "(": ")", "{": "}"}[opened.text]
        end = _group_end(self.toks, self.pos - 1) if opened.text == "{" else next(
            (k for k in range(self.pos, len(self.toks)) if self.toks[k].text == close), len(self.toks))
        self.index_mode = any(self.toks[k].text in ("=", r"\neq", r"\ne") for k in range(self.pos, end))  # i = j
        rel = self.relation()
        self.index_mode = False
        self.expect(close, opened)
        if isinstance(rel, (sp.Eq, sp.Ne)) and all(isinstance(s, sp.Idx) for s in rel.args):
            self.unify(_extent(rel.lhs), _extent(rel.rhs), t, "an indicator")
            delta = sp.KroneckerDelta(rel.lhs, rel.rhs)
            return _Val(delta if isinstance(rel, sp.Eq) else 1 - delta)
        if isinstance(rel, (sp.Eq, sp.Ne)):
            raise self.error(f"an indicator of {rel} (a value equal to an index or a number) is not supported: write "
                             r"the one-hot y_{ij}, or \delta_{ij} for indices", t)
        return _Val(sp.Piecewise((1, rel), (0, True)))

    def relation(self) -> sp.Basic:
        """``a op b [op c]`` with op in =, ≠, <, ≤, >, ≥: a relational (chained ones joined with And)."""
        left = self.expr()
        parts = []
        while self.peek().text in _RELS and self.peek().text != r"\in":
            tok = self.next()
            right = self.expr()
            if left.axes and right.axes:  # L L^T = \Sigma: the two arrays' axes are one, their sizes too
                right = _Val(self.align(left, right, tok, "equate"), left.axes)
            parts.append(_REL_CLASSES[_RELS[tok.text]](left.expr, right.expr))
            left = right
        if not parts:
            raise self.error("expected a relation such as i = j", self.peek())
        return sp.And(*parts) if len(parts) > 1 else parts[0]

    # ------------------------------------------------------------------ finishing
    def done(self) -> None:
        if self.peek().kind != "end":
            t = self.peek()
            raise self.error(f"unexpected {t.text}", t)
        self.check_letters()
        self.transposed_numbers()

    def resolve(self) -> dict[sp.Expr, sp.Expr]:
        """Give each index of unknown range its size: from shapes, else the only size in play, else N."""
        mapping: dict[sp.Expr, sp.Expr] = {}
        known = {_extent(i) for i in self.ctx.ranges.values()}
        in_play = set() if known or self.ctx.sizes else set(self.sizes.values())  # this formula's own bounds
        no_sizes = not known and not self.sizes and not self.ctx.sizes
        def settled(root: sp.Expr) -> sp.Expr | None:
            if not isinstance(root, sp.Dummy):
                return root
            if len(known) == 1:
                return next(iter(known))
            if len(in_play) == 1:
                return next(iter(in_play))
            return self.size(self.ctx.default_size) if no_sizes else None

        for dummy, col in self.pending_col.items():
            mapping[dummy] = settled(self.find(dummy))
            name = next(n for n, i in self.pending.items() if i.upper == dummy)
            if len(in_play) == 1 and isinstance(self.find(dummy), sp.Dummy):
                self.notes.append(f"index {name} runs to {mapping[dummy]}, the only size in play (declare its range "
                                  "if it is another)")
            if mapping[dummy] is None:
                raise ParseError(rf"cannot tell the range of index {name}: declare it ({name} \in \{{1, \dots, n\}})",
                                 column=col, source=self.src)
        for t in self.new_tensors.values():
            for e in t.shape:
                root = self.find(e)
                size = mapping.get(root, settled(root))
                if size is None:
                    raise ParseError(f"cannot tell the size of {t}: declare it ({t} \\in \\mathbb{{R}}^{{n}})",
                                     column=1, source=self.src)
                mapping[e] = size
        for name, s in self.new_scalars.items():  # the m of 1/(2m) before \\sum_{i=1}^{m} is that size
            if name in self.sizes:
                mapping[s] = self.sizes[name]
        return {k: v for k, v in mapping.items() if k != v}

    def commit(self, mapping: dict[sp.Expr, sp.Expr]) -> None:
        """Record what this parse introduced (tensors, scalars, sizes, index ranges) in the context."""
        ctx = self.ctx
        ctx.notes.extend(n for n in self.notes if n not in ctx.notes)
        ctx.sizes.update(self.sizes)
        for name, t in self.new_tensors.items():
            ctx.tensors.setdefault(name, t.xreplace(mapping))
        for name, s in self.new_scalars.items():
            if name not in ctx.definitions and name not in ctx.functions and name not in self.sizes:
                ctx.tensors.setdefault(name, s)
        for name, i in self.pending.items():
            ctx.ranges.setdefault(name, i.xreplace(mapping))
        for i in self.bounded:
            ctx.ranges.setdefault(str(i), i.xreplace(mapping))

    # ------------------------------------------------------------------ commands only latex2sympy2 knows
    def foreign(self, t: _Tok) -> _Val:
        """``\\arctan(x)``, ``\\sinh^2 x``, ``\\binom{n}{k}``, ``\\max(0, z)``, ``\\lfloor x \\rfloor``: a command the
        grammar does not know; its arguments are read here, its meaning is asked of latex2sympy2 (``_meaning``)."""
        lg_refused(t, self)  # \lg: the logarithm to base 10 or to base 2
        unknown = self.error(f"unknown command {t.text}", t)
        if t.text[1:].lower() in _PAGE_MACROS:  # \sech, \sgn, \erf: a page's macro for a function symgrad knows
            self.next()
            return self.upright(t.text[1:], t, t.text)
        if t.text in _FOREIGN_CLOSERS:
            close = _FOREIGN_CLOSERS[t.text]
            meaning = _meaning(f"{t.text} u {close}", 1)
            if meaning is None:
                raise unknown
            return self.applied(meaning, [self.group(close)], t)
        self.next()
        power = self.literal_power()
        if power is None:
            raise unknown
        head = t.text + power
        if self.at("(") or (self.at("{") and self.peek(1).text == "("):
            args = self.arguments()
            names = ", ".join(map(str, _PLACEHOLDERS[:len(args)]))
            meaning = _meaning(f"{head}({names})", len(args)) if len(args) <= len(_PLACEHOLDERS) else None
        elif self.at("{"):
            groups = 1 + (self.toks[_group_end(self.toks, self.pos)].text == "{")
            # the fewest brace groups it takes: \arctan{x}{y} is arctan(x) y, as \log{x}{y} is log(x) y
            probes = [(head + "".join(f"{{{u}}}" for u in _PLACEHOLDERS[:n]), n) for n in range(1, groups + 1)]
            meaning, arity = next(((m, n) for probe, n in probes if (m := _meaning(probe, n)) is not None), (None, 0))
            args = [self.argument() for _ in range(arity)]
        elif self.at("-") or self.starts_factor():
            args = [self.factor()]  # as \log x: the argument is one factor
            meaning = _meaning(f"{head} u", 1)
        else:
            raise unknown
        if meaning is None:
            raise unknown
        return self.applied(meaning, args, t)

    def literal_power(self) -> str | None:
        """A superscript right after a command (``\\sinh^2``, ``\\cosh^{-1}``) as probe text: '' when there is none,
        None unless it is an integer (latex2sympy2 would read anything else itself)."""
        if not self.at("^"):
            return ""
        self.next()
        if self.peek().kind == "digit":
            return "^" + self.next().text
        if not self.at("{"):
            return None
        end = _group_end(self.toks, self.pos)
        text = "".join(t.text for t in self.toks[self.pos + 1:end - 1])
        if not re.fullmatch(r"-?[0-9]+", text):
            return None
        self.pos = end
        return f"^{{{text}}}"

    def applied(self, meaning: sp.Expr, args: list[_Val], t: _Tok) -> _Val:
        """``meaning`` with the arguments in place of its placeholders, elementwise over arrays of one shape."""
        arrays = [a for a in args if a.axes]
        exprs = [self.align(arrays[0], a, t, f"apply {t.text} to") if a.axes else a.expr for a in args]
        return _Val(meaning.xreplace(dict(zip(_PLACEHOLDERS, exprs))), arrays[0].axes if arrays else ())

