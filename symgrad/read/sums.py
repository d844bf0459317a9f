"""Sums as pages bound them: ``\\sum_{k=1}^{N}``, ``\\sum_k``, a bare ``\\sum``, ``\\sum_{k \\neq i}``, and a sum counted
from 0 read as one counted from 1 (a part of the parser)."""

from __future__ import annotations

import itertools
import re

import sympy as sp

from ..errors import ParseError
from .differentials import source_text
from .ellipses import _term_end
from .tokens import _arg_text, _group_end, _Tok, _tokens
from .vocabulary import _extent, _free_indices, _Val


def _counted_from_one(body: sp.Expr, idx: sp.Idx, upper: sp.Expr) -> tuple[sp.Idx, sp.Expr, bool]:
    """The index running 1..upper+1 for ``idx`` running 0..upper, and the body in it: the elements it subscripts are
    relabelled (x_0..x_{n-1} are x_1..x_n: the same elements), and where the index is a number it is ``new - 1``."""
    new = sp.Idx(idx.label, (1, upper + 1))
    keep = sp.Dummy(str(idx))
    kept = body.replace(lambda e: isinstance(e, (sp.Indexed, sp.KroneckerDelta)) and idx in e.free_symbols,
                        lambda e: e.xreplace({idx: keep}))
    return new, kept.xreplace({idx: new - 1}).xreplace({keep: new}), kept != body


def _entries_hidden(body: sp.Expr) -> sp.Expr:
    """``body`` with each element (x_j, delta_jk) replaced by one symbol: what is left of an index is its use as a
    number (x^j)."""
    entry = sp.Dummy("entry")
    return body.replace(lambda e: isinstance(e, (sp.Indexed, sp.KroneckerDelta)), lambda e: entry)


class _Sums:
    """Sums and their bounds (a part of the parser)."""

    def limits(self, t: _Tok) -> tuple[list[_Tok], sp.Expr | None, sp.Expr | None, list[tuple[_Tok, sp.Idx]]]:
        """``_{k=1}^{N}``, ``^N_{k=1}``, ``_k^C`` (from 1), ``_{i,j}``, ``_{k \\neq i}``, ``_{k=1, k \\neq i}``: the
        summation letters, bounds and the (index, excluded index) pairs."""
        upper = self.upper_bound()
        if not self.at("_"):
            if upper is not None:
                raise self.error(r"a bound needs its index: write \sum_{k=1}^{N}", t)
            return [], None, None, []
        self.next()
        only = self.bounds_only()
        if only is not None:
            return only
        braced = self.at("{")
        if braced:
            self.next()
            self.index_tuple()
        names, lower, excluded = [self.next()], None, []
        while braced and not self.at("}"):
            if self.at("=") and lower is None:
                self.next()
                lower = self.expr().expr
            elif self.peek().text in (r"\ne", r"\neq"):
                op = self.next()
                other = self.next()
                end = self.label_at(self.pos - 1)  # \sum_{j \neq y_i}: all classes but sample i's label
                if other.kind != "letter" or (self.at("_") and end is None):
                    raise self.error(rf"\sum_{{k {op.text} i}} excludes one index letter or a label y_i", other)
                excluded.append((names[-1], self.label(self.pos - 1) if end else self.index(other.text, other)))
                self.pos = end or self.pos
            elif self.at(",") and self.peek(1).kind == "letter":
                self.next()
                if self.peek().text == names[-1].text and self.peek(1).text in (r"\ne", r"\neq"):
                    self.next()  # k=1, k \neq i: the same k, now with its exclusion
                    continue
                names.append(self.next())
            else:
                raise self.error(r"expected a summation range such as \sum_{k=1}^{N} or \sum_{k \neq i}", self.peek())
        if any(n.kind != "letter" for n in names):
            raise self.error(r"expected a summation index after \sum_", names[0])
        if braced:
            self.expect("}", t)
        later = self.upper_bound()
        upper = later if later is not None else upper
        if upper is not None and lower is None:
            lower = sp.Integer(1)  # \sum_j^C runs from 1
        return names, lower, upper, excluded

    def index_tuple(self) -> None:
        """``\\sum_{(n, m)}``, the pairs of indices as a tuple: the sum over n and m, as ``\\sum_{n, m}`` (the parentheses
        skipped, noted); a tuple drawn from a set (``\\sum_{(n, m) \\in \\Omega}``) is left to refuse."""
        k = 1
        while self.peek(k).kind == "letter" and self.peek(k + 1).text in (",", ")"):
            k += 2
            if self.peek(k - 1).text == ")":
                break
        if not self.at("(") or k < 5 or self.peek(k - 1).text != ")" or self.peek(k).text != "}":
            return
        tuple_end = self.pos + k - 1
        self.toks = [*self.toks[:self.pos], *self.toks[self.pos + 1:tuple_end], *self.toks[tuple_end + 1:]]
        self.note(rf"\sum_{{({', '.join(t.text for t in self.toks[self.pos:tuple_end - 1:2])})}} read as the sum over "
                  "each of its indices, all their pairs (no set is written that they are drawn from)")

    def sum(self, t: _Tok) -> _Val:
        if self.src[t.col - 1] == "Σ" and isinstance(self.lookup_base("Sigma"), sp.IndexedBase) and \
                [self.peek(k).text for k in (0, 1, 3)] != ["_", "{", "="]:
            return self.capital_sigma(t)
        if self.bare_sum_ahead():
            return self.defined_sum(t)
        names, lower, upper, excluded = self.limits(t)
        binders = [self.summation_index(n, lower, upper) for n in names]
        scope = {str(b[0]): b[0] for b in binders}
        guards = self.exclusions(scope, excluded)
        self.binders.append(scope)
        start = self.pos
        body = self.term()
        if not _bracketed(self.toks, start, self.pos):
            body = self.terms_using(scope, body)
        self.binders.pop()
        if guards:
            body = _Val(sp.Mul(body.expr, *guards), body.axes)
        if len(binders) == 1 and not body.axes and binders[0][0] not in body.expr.free_symbols:
            body = self.index_written_for(binders[0][0], body, t)
        if binders and body.axes and len(body.free) == len(binders) and \
                not {b[0] for b in binders} & body.expr.free_symbols:  # \sum_j e^{z}: j is the vector's index
            for (b, _, _), a in zip(binders, body.free):
                self.unify(_extent(b), _extent(a), t, "the summed vector's index")
            body = _Val(body.expr.xreplace({a: b[0] for a, b in zip(body.free, binders)}))
        if not binders:
            binders, body = self.bare_sum_binders(body, start, t)
            binders, body = self.bounds_written(binders, body, lower, upper, t)
        binders, expr = self.from_one(binders, body.expr, t)
        cls = sp.Sum if t.text == r"\sum" else sp.Product
        return _Val(cls(expr, *binders), body.axes)

    def summation_index(self, n: _Tok, lower: sp.Expr | None, upper: sp.Expr | None) -> tuple[sp.Idx, sp.Expr, sp.Expr]:
        """The binder of the summation letter ``n``: an index bounded by ``lower`` and ``upper`` where a bound is
        written (recorded as bounded), else the problem's index of that letter."""
        if upper is not None:
            idx = sp.Idx(sp.Symbol(n.text, integer=True), (lower, upper))
            self.bounded.append(idx)
        else:
            idx = self.index(n.text, n)
        return idx, idx.lower, idx.upper

    def bare_sum_binders(self, body: _Val, start: int, t: _Tok) -> tuple[list[tuple[sp.Idx, sp.Expr, sp.Expr]], _Val]:
        """What a bare ``\\sum`` (no index written) runs over: a vector body's axes, the one free index of its body,
        or else the samples the body holds; with the body (its axes then summed away). Two free indices are refused
        naming them."""
        free = sorted(_free_indices(body.expr) - self.protected, key=str)
        if len(free) == 1 and not body.axes:
            return [(free[0], free[0].lower, free[0].upper)], body
        if free and not body.axes:
            raise self.error(rf"a bare \sum over {', '.join(map(str, free))}: write \sum_{{{free[0]}}}", t)
        if not body.axes:
            body = self.with_samples(body, start, self.term)
            if not body.axes:
                raise self.error(r"cannot tell what this \sum runs over: write \sum_{n=1}^{N} and indices", t)
        return [(i, i.lower, i.upper) for i in body.free], _Val(body.expr)

    def bounds_only(self) -> tuple[list, sp.Expr, sp.Expr | None, list] | None:
        """``\\sum_1^n``, ``\\sum_{1}^{n}``: bounds with no index written (the body's one index: ``bounds_written``);
        None, nothing read, for a subscript that writes an index."""
        braced = self.at("{")
        if self.peek(braced).kind != "digit" or self.peek(braced + 1).text != ("}" if braced else "^"):
            return None
        self.pos += braced
        lower = sp.Integer(int(self.next().text))
        self.pos += braced
        return [], lower, self.upper_bound(), []

    def bounds_written(self, binders: list, body: _Val, lower: sp.Expr | None, upper: sp.Expr | None,
                       t: _Tok) -> tuple[list, _Val]:
        r"""``\sum_1^n (\chi_n - \mu)``: bounds written without an index run over the one index the body writes, noted
        (renamed apart where it has the bound's letter); refused where the body has several axes."""
        if upper is None:
            return binders, body
        if len(binders) != 1:
            raise self.error(r"a sum with bounds and no index over several axes: write \sum_{k=1}^{N}", t)
        (idx, _, _), = binders
        taken = {str(s) for s in upper.free_symbols} | {str(s) for s in body.expr.free_symbols}
        if str(idx) in {str(s) for s in upper.free_symbols}:  # \chi_n summed to n: the index is not the size
            new = sp.Idx(sp.Symbol(next(c for c in "kjmlpq" if c not in taken), integer=True), (lower, upper))
            body = _Val(body.expr.xreplace({idx: new}), body.axes)
            idx = new
        else:
            self.unify(_extent(idx), upper - lower + 1, t, "the summed index")
        self.note(rf"\sum_{lower}^{{{upper}}} without an index: read as the sum over {idx}, the one index its body "
                  "writes")
        return [(idx, lower, upper)], body

    def index_written_for(self, idx: sp.Idx, body: _Val, t: _Tok) -> _Val:
        r"""``\sum_{i=1}^{N} (y_n - x_n^T w)^2``: a body that never writes the sum's index, and writes one index nothing
        binds, sums over that one (the page wrote i for it: read apart, n would be free), noted."""
        outer = {v for scope in self.binders for v in scope.values()} | set(self.protected) | set(self.ctx.ranges.values())
        free = [n for n in _free_indices(body.expr) - outer if n != idx]
        if len(free) != 1:
            return body
        self.unify(_extent(idx), _extent(free[0]), t, "the summed index")
        self.note(f"the sum over {idx} of a body that writes only the index {free[0]}: read as the sum over {free[0]} "
                  f"({idx} written for it)")
        return _Val(body.expr.xreplace({free[0]: idx}), body.axes)

    def terms_using(self, scope: dict[str, sp.Idx], body: _Val) -> _Val:
        r"""``\sum_{i=1}^n -\frac12 \ln\det\Sigma - (x_i - \mu)^T \Sigma^{-1} (x_i - \mu)``: a term after the sum's
        body that writes the sum's own index, bound nowhere else, is in the sum (read apart, its i would be free), noted.
        A term that does not write it (``\sum_j w_{ij} x_j + b_i``) stays outside, and so does one whose index the left
        side writes too (``\frac{\partial s_i}{\partial x_j} = \sum_j e^{x_j} \cdot 0 - e^{x_i} e^{x_j}``: read apart, its j
        is the derivative's, as written), noted."""
        outer = {name for binder in self.binders[:-1] for name in binder} | {str(i) for i in self.protected}
        left = _left_subscripts(self.src)
        while self.peek().text in ("+", "-") and self.peek().kind != "end":
            end = _term_end(self.toks, self.pos + 1)
            written = _subscript_letters(self.toks[self.pos + 1:end])
            if not (set(scope) - outer - left) & written:
                if (set(scope) - outer) & written & left:
                    self.note(f"the term {source_text(self.src, self.toks[self.pos:end]).strip()} after the sum's body "
                              f"writes {', '.join(sorted(set(scope) & written & left))}, which the left side writes "
                              "too: read outside the sum, as written (its index the left side's)")
                break
            sign = self.next()
            more = self.term()
            body = self.add(body, _Val(-more.expr, more.axes) if sign.text == "-" else more, sign)
            self.note(f"the term {source_text(self.src, self.toks[self.toks.index(sign):self.pos]).strip()} after "
                      f"the sum's body writes its index {', '.join(sorted(set(scope) & written))}: read inside the sum")
        return body

    def sigma_as_sum(self, t: _Tok) -> bool:
        """Whether ``\\Sigma`` here is a sum sign (``\\Sigma_{j}^{p} \\beta_j^2``, ``\\Sigma_{i=1}^n x_i``, as pages typeset
        \\sum): written with limits (a range, or a subscript and a superscript) before an operand, and Sigma declared
        nowhere. A Sigma inverted or under a determinant is a matrix (read.matrices); the decision is noted."""
        if self.declared("Sigma") or self.ctx.known("Sigma") or self.peek(1).text != "_":
            return False
        texts = [x.text for x in self.toks]
        below = self.pos + 2
        end = _group_end(self.toks, below) if texts[below] == "{" else below + 1
        ranged = "=" in texts[below:end]
        indexed = not ranged and texts[end:end + 1] != ["^"] and self.summand_indexed(end)
        if not (ranged or texts[end:end + 1] == ["^"] or indexed):
            return False
        above = [x for x in texts[end + 1:end + 5] if x not in ("{", "}")] if texts[end:end + 1] == ["^"] else [""]
        if above[0] in ("-", "T", r"\top", r"\intercal"):  # \Sigma_k^{-1}, \Sigma_k^T: a matrix, not a sum sign
            return False
        save = self.pos
        self.pos = end
        if self.at("^"):
            self.pos = _group_end(self.toks, self.pos + 1) if self.peek(1).text == "{" else self.pos + 2
        operand = self.starts_factor()
        self.pos = save
        if operand:
            self.note(r"\Sigma_k before a term indexed by k read as a sum sign (\sum_k): nothing declares a Sigma" if indexed
                      else r"\Sigma with limits read as a sum sign (\sum): nothing declares a Sigma, and a matrix would "
                      "not carry a range")
        return operand

    def summand_indexed(self, end: int) -> bool:
        r"""``\Sigma_{d} e^{w_d^\top x}``: a one-letter subscript, no bracket after it (``\Sigma_k (x - \mu_k)`` is a
        class's covariance times a vector), and the term after it an exponential that writes that letter as an index
        (a softmax's denominator; ``\Sigma_k \mu_k`` may be a covariance times a mean)."""
        below = [t for t in self.toks[self.pos + 2:end] if t.text not in ("{", "}")]
        if len(below) != 1 or below[0].kind != "letter" or self.toks[end].text in ("(", "[", r"\left", r"\{", "^"):
            return False
        term = self.toks[end:_term_end(self.toks, end)]
        exponential = any(u.text == r"\exp" or u.text == "e" and v.text == "^" for u, v in itertools.pairwise(term))
        return exponential and below[0].text in _subscript_letters(term)

    def exclusions(self, scope: dict[str, sp.Idx], excluded: list[tuple[_Tok, sp.Idx]]) -> list[sp.Expr]:
        """``1 - \\delta_{kj}`` for each ``k \\neq j`` of a sum's range: the excluded term left out."""
        for n, j in excluded:
            self.unify(_extent(scope[n.text]), _extent(j), n, "an excluded index")
        return [1 - sp.KroneckerDelta(scope[n.text], j) for n, j in excluded]

    def upper_bound(self) -> sp.Expr | None:
        """After ``^`` here: the upper bound; None where there is no ``^`` or an empty one (``\\sum_{k}^{ }``, as typeset
        with nothing above)."""
        if [self.peek(k).text for k in (0, 1, 2)] == ["^", "{", "}"]:
            self.pos += 3
            return None
        if not self.at("^"):
            return None
        self.next()
        return self.bound()

    def bound(self) -> sp.Expr:
        """An upper summation bound; its letters are sizes (positive integers)."""
        named = self.subscripted_size()
        if named is not None:
            return named
        t = self.peek()
        if t.kind == "letter":
            self.next()
            return self.size(t.text)
        self.bounding += 1
        try:
            v = self.argument().expr
        finally:
            self.bounding -= 1
        return v.xreplace({s: self.size(str(s)) for s in v.free_symbols if isinstance(s, sp.Symbol)
                           and not isinstance(s, sp.Idx)})

    def subscripted_size(self) -> sp.Symbol | None:
        """``{n_x}``, ``{n_{h}}``, ``{N_{train}}`` as a bound: one size named with its subscript (deeplearning.ai's n_x is
        the input size), as a space's power reads it (read.sets); None (nothing read) where the letter is a declared
        array or the subscript an index in play (``\\sum_{j=1}^{n_i}``: one size per i)."""
        if not self.at("{"):
            return None  # \sum^N_{i}: TeX's upper bound N, then the summation's subscript
        k, toks = self.pos + 1, self.toks
        if k + 2 >= len(toks) or toks[k].kind != "letter" or toks[k + 1].text != "_" or \
                isinstance(self.lookup_base(toks[k].text), sp.IndexedBase):
            return None
        sub, end = _arg_text(toks, k + 2) if toks[k + 2].text == "{" else (toks[k + 2].text, k + 3)
        in_play = sub in self.ctx.ranges or any(sub in scope for scope in self.binders)
        if not re.fullmatch(r"[A-Za-z0-9]+", sub) or in_play or [t.text for t in toks[end:end + 1]] != ["}"]:
            return None
        self.pos = end + 1
        return self.size(f"{toks[k].text}_{{{sub}}}")

    def from_one(self, binders: list, body: sp.Expr, t: _Tok) -> tuple[list, sp.Expr]:
        """A sum from 0 (``\\sum_{i=0}^{n-1} x_i``) counted from 1, noted: see ``_counted_from_one``."""
        out = []
        for idx, lower, upper in binders:
            if lower != 0 or upper is None:
                out.append((idx, lower, upper))
                continue
            numeric = idx in _entries_hidden(body).free_symbols
            new, body, relabelled = _counted_from_one(body, idx, upper)
            if relabelled and numeric:  # \sum_{j=0}^M x^j w_j: w_0 would be w_1, and a claim's w_i one off
                raise self.error(f"the sum over {idx} from 0 uses {idx} both as a subscript and as a number: counted "
                                 f"from 1, its element {idx} = 0 would be the first and a claim's subscript {idx} "
                                 f"would name the next element; write the sum from 1 (\\sum_{{{idx}=1}}^{{{upper} + 1}}, "
                                 f"with {idx} - 1 where it is a number)", t)
            if relabelled:
                self.note(f"the sum over {idx} from 0 read from 1 (subscripts {idx} = 0, 1, ... are the first, "
                          "second, ... elements)")
            self.bounded = [new if b == idx else b for b in self.bounded]
            out.append((new, 1, upper + 1))
        return out, body


def _bracketed(toks: list[_Tok], start: int, end: int) -> bool:
    """Whether ``toks[start:end]`` is one bracketed group (``Sum_k(exp(o_k))``, ``\\sum_k \\left( x_k \\right)``): a
    body the page closed itself, so no term after it is read inside the sum."""
    sizing = (r"\left", r"\right", r"\bigl", r"\bigr", r"\Bigl", r"\Bigr", r"\big", r"\Big")
    texts = [t.text for t in toks[start:end] if t.text not in sizing]
    if not texts or texts[0] not in ("(", "[") or texts[-1] != {"(": ")", "[": "]"}[texts[0]]:
        return False
    depth = 0
    for k, t in enumerate(texts):
        depth += (t in ("(", "[", "{")) - (t in (")", "]", "}"))
        if depth == 0:
            return k == len(texts) - 1
    return False


def _binds_below(term: list[_Tok], k: int) -> bool:
    """Whether the ``_`` at ``k`` is a sum's or product's (``\\sum_k``, ``\\Sigma_k``, plain ``sum_k``, ``prod_k``), its
    upper bound written first or not (``\\sum^{N}_{n=1}``)."""
    k = _before_upper(term, k)
    before = "".join(t.text for t in term[max(0, k - 4):k] if t.kind == "letter")
    return bool(k) and (term[k - 1].text in (r"\sum", r"\prod", r"\Sigma") or
                        term[k - 1].kind == "letter" and before.endswith(("sum", "prod")))


def _before_upper(term: list[_Tok], k: int) -> int:
    """``k``, or where an upper bound written before it (``^{N}``, ``^N``) starts: the sign is before that."""
    if k >= 2 and term[k - 2].text == "^" and term[k - 1].text not in ("{", "}"):
        return k - 2
    if k >= 1 and term[k - 1].text == "}":
        depth = 0
        for m in range(k - 1, 0, -1):
            depth += (term[m].text == "}") - (term[m].text == "{")
            if depth == 0:
                return m - 1 if term[m - 1].text == "^" else k
    return k


def _left_subscripts(src: str) -> set[str]:
    """The letters the source writes as indices left of its first ``=`` (a claim's derivative, a definition's head)."""
    try:
        toks = _tokens(src)
    except ParseError:
        return set()
    texts = [t.text for t in toks]
    return _subscript_letters(toks[:texts.index("=")]) if "=" in texts else set()


def _subscript_letters(term: list[_Tok]) -> set[str]:
    """The letters ``term`` writes as indices (``x_i``, ``w_{ij}``, the sample ``y^{(i)}``), less those a sum or product in it binds itself
    (``\\sum_{k=1}^{N} e^{a_k}``, ``sum_k(exp(o_k))``): a letter of a word (``heaviside``) is no index."""
    found, bound, k = set(), set(), 0
    while k < len(term):
        if term[k].text == "_":
            end = _group_end(term, k + 1) if k + 1 < len(term) and term[k + 1].text == "{" else k + 2
            letters = {u.text for u in term[k + 1:end] if u.kind == "letter"}
            (bound if _binds_below(term, k) else found).update(letters)
            k = end
        else:
            if [u.text for u in term[k:k + 3]] == ["^", "{", "("] and k + 5 < len(term) and term[k + 4].text == ")":
                found.add(term[k + 3].text)  # y^{(i)}: the sample i
            k += 1
    return found - bound
