"""Sums written out with dots: ``x_1 + x_2 + \\dots + x_n``, ``(x_1-a_1)^2+\\cdots +(x_n-a_n)^2``,
``\\theta_1 x_1 + \\theta_2 x_2 + ....``, ``w_0x_0+w_1x_1+...+w_{m-1}x_{m-1}``.

A run of terms that differ only in one number, counting up by one, then dots and (optionally) a last term with a
letter or a bracketed bound in its place, is the sum over an index from the first number to that bound (to the
index's range in play when no last term closes it); noted. Terms around the dots that form no such run are refused
naming the dots, never guessed.
"""

from __future__ import annotations

from .scope import _Scope
from .tokens import _DOTS, _INDEX_POOL, _Tok

_OPEN = {"(", "[", "{", r"\{", r"\left(", r"\left["}
_CLOSE = {")", "]", "}", r"\}", r"\right)", r"\right]"}
_STOPS = {"=", ",", "&", r"\\", r"\quad", r"\qquad"}


def _term_start(toks: list[_Tok], end: int) -> int:
    """The start of the term that ends just before ``end`` (a top-level + or - or an opening bracket before it)."""
    depth, k = 0, end - 1
    while k >= 0:
        t = toks[k].text
        if t in _CLOSE:
            depth += 1
        elif t in _OPEN:
            if depth == 0:
                return k + 1
            depth -= 1
        elif depth == 0 and (t in ("+", "-") or t in _STOPS):
            return k + 1
        k -= 1
    return 0


def _term_end(toks: list[_Tok], start: int) -> int:
    """The end (exclusive) of the term starting at ``start``."""
    depth, k = 0, start
    while toks[k].kind != "end":
        t = toks[k].text
        if t in _OPEN:
            depth += 1
        elif t in _CLOSE:
            if depth == 0:
                return k
            depth -= 1
        elif depth == 0 and (t in ("+", "-") or t in _STOPS or t in _DOTS):
            return k
        k += 1
    return k


def _varying(a: list[_Tok], b: list[_Tok]) -> tuple[list[int], int] | None:
    """The positions where term ``b`` has the number one more than term ``a`` (all the same number), and a's number;
    None unless the two are otherwise the same tokens."""
    if len(a) != len(b) or not a:
        return None
    where = [k for k, (x, y) in enumerate(zip(a, b)) if x.text != y.text]
    if not where or any(a[k].kind != "digit" or b[k].kind != "digit" for k in where):
        return None
    values = {int(a[k].text) for k in where}
    if len(values) != 1 or any(int(b[k].text) != int(a[k].text) + 1 for k in where):
        return None
    return where, values.pop()


def _bound_in(last: list[_Tok], template: list[_Tok], where: list[int]) -> list[_Tok] | None:
    """The tokens standing in ``last`` where ``template`` varies (the same at each place), or None."""
    for width in range(1, 8):
        bound = last[where[0]:where[0] + width]
        expected: list[str] = []
        for k, t in enumerate(template):
            expected += [b.text for b in bound] if k in where else [t.text]
        if expected == [t.text for t in last]:
            return bound
    return None


def _against_last(term: list[_Tok], last: list[_Tok]) -> tuple[list[int], int] | None:
    """The positions of one number in ``term`` that ``last`` writes as a letter or a bracketed bound, and the number."""
    for value in dict.fromkeys(t.text for t in term if t.kind == "digit"):
        where = [k for k, t in enumerate(term) if t.kind == "digit" and t.text == value]
        bound = _bound_in(last, term, where)
        if bound is not None and not all(b.kind == "digit" for b in bound):
            return where, int(value)
    return None


class _Ellipses(_Scope):
    """Sums written out with dots, rolled up into ``\\sum`` before the descent reads them (a part of the parser)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        k = 0
        while k < len(self.toks):
            if self.toks[k].text in _DOTS and k > 0 and self.toks[k - 1].text == "+" and self.one_nonzero_term(k):
                pass
            elif self.toks[k].text in _DOTS and k > 0 and self.toks[k - 1].text == "+":
                k = self.roll_up(k)
            elif self.toks[k].text in _DOTS and 5 <= k < len(self.toks) - 6:
                self.entries_as_vector(k)
            k += 1

    def one_nonzero_term(self, dots: int) -> bool:
        """``0 + \\dots + 2 w_j + \\dots + 0``: a sum written by its one term that is not zero, between zeros and dots,
        is that term (noted); whether it is right is then the claim's to show. False (nothing changed) otherwise."""
        toks = self.toks
        start = dots - 2
        if start < 0 or toks[start].text != "0" or _term_start(toks, start + 1) != start:
            return False
        if toks[dots + 1].text != "+":
            return False
        end = _term_end(toks, dots + 2)
        closing = [t.text for t in toks[end:end + 4]]
        if end == dots + 2 or closing[:2] != ["+", toks[dots].text] or closing[2:] != ["+", "0"] or \
                _term_end(toks, end + 3) != end + 4:
            return False
        term = toks[dots + 2:end]
        col = toks[start].col
        self.toks = [*toks[:start], _Tok("sym", "(", col), *term, _Tok("sym", ")", col), *toks[end + 4:]]
        self.note(f"0 + {toks[dots].text} + {''.join(t.text for t in term)} + {toks[dots].text} + 0 read as its one "
                  "term that is not zero")
        return True

    def entries_as_vector(self, dots: int) -> None:
        """``(x_1, \\ldots, x_n)``: the entries of one vector from the first to the last, written out, are the vector x
        (noted), except right after = (a fact ``x = (x_1, \\dots, x_n)`` declares x); any other list is left as written."""
        toks = self.toks
        before, after = toks[dots - 5:dots], toks[dots + 1:dots + 6]
        if dots > 5 and toks[dots - 6].text in ("=", r"\in"):  # x = (x_1, \dots, x_n): a fact declaring x, read there
            return
        if [t.text for t in (before[0], before[2], before[4], after[0], after[2], after[4])] != \
                ["(", "_", ",", ",", "_", ")"] or before[1].kind != "letter" or before[3].text not in ("0", "1") or \
                after[1].text != before[1].text or after[3].kind != "letter":
            return
        self.toks = [*toks[:dots - 4], toks[dots - 4], *toks[dots + 5:]]  # (x)
        self.note(f"({before[1].text}_{before[3].text}, {toks[dots].text}, {after[1].text}_{after[3].text}) read as the "
                  f"vector {before[1].text}")

    def roll_up(self, dots: int) -> int:
        """Replace the run before the dots at ``dots`` (and the last term after them) by a ``\\sum``; the position to
        go on from."""
        toks = self.toks
        terms: list[tuple[int, int]] = []
        end = dots - 1  # the + before the dots
        while True:
            start = _term_start(toks, end)
            terms.insert(0, (start, end))
            if start == 0 or toks[start - 1].text != "+" or len(terms) > 64:
                break
            end = start - 1
        last_end, last = dots + 1, None
        if toks[dots + 1].text == "+":
            last_end = _term_end(toks, dots + 2)
            last = toks[dots + 2:last_end]
        template, where, start, first = self.run_of(terms, toks[dots], last)
        first_start = terms[start][0]
        bound = _bound_in(last, template, where) if last else None
        if last and bound is None:
            raise self.error(f"the last term after {toks[dots].text} does not follow the terms before it: write "
                             r"the sum with \sum", last[0])
        letter = next(c for c in _INDEX_POOL if c not in {t.text for t in toks})
        col = toks[first_start].col
        body = [_Tok("letter", letter, t.col) if k in where else t for k, t in enumerate(template)]
        upper = [_Tok("sym", "^", col), _Tok("sym", "{", col), *bound, _Tok("sym", "}", col)] if bound else []
        lower = [_Tok("sym", "=", col), _Tok("digit", str(first), col)] if bound or first != 1 else []
        if not bound and first != 1:
            raise self.error(f"a sum written out from {first} with {toks[dots].text} and no last term: write its last "
                             r"term, or the sum with \sum", toks[dots])
        rolled = [_Tok("cmd", r"\sum", col), _Tok("sym", "_", col), _Tok("sym", "{", col), _Tok("letter", letter, col),
                  *lower, _Tok("sym", "}", col), *upper, _Tok("sym", "(", col), *body, _Tok("sym", ")", col)]
        self.toks = [*toks[:first_start], *rolled, *toks[last_end:]]
        upper_text = "".join(t.text for t in bound or [])
        upper_text = upper_text if upper_text.startswith("{") else f"{{{upper_text}}}"
        limits = f"_{{{letter}={first}}}^{upper_text}" if bound else f"_{{{letter}}}"
        self.note(f"the terms written out with {toks[dots].text} read as \\sum{limits} {''.join(t.text for t in body)}"
                  + ("" if bound else f" ({letter} over its range in play)"))
        return first_start + len(rolled) - 1

    def run_of(self, terms: list[tuple[int, int]], dots: _Tok,
               last: list[_Tok] | None) -> tuple[list[_Tok], list[int], int, int]:
        """The template term, its varying positions, the index in ``terms`` where the run starts, and its first
        number; one term and a last one (``(x_1-a_1)^2+\\cdots +(x_n-a_n)^2``) make a run too."""
        spans = [self.toks[s:e] for s, e in terms]
        found = _varying(spans[-2], spans[-1]) if len(spans) >= 2 else None
        if found is None and last:
            found = _against_last(spans[-1], last)
            if found is not None:
                return spans[-1], found[0], len(spans) - 1, found[1]
        if found is None:
            raise self.error(f"the terms before {dots.text} do not differ in one number counting up (x_1 + x_2 + "
                             r"\dots + x_n): write the sum with \sum", dots)
        where, value = found
        start = len(spans) - 2
        while start > 0 and _varying(spans[start - 1], spans[start]) == (where, value - 1):
            start, value = start - 1, value - 1
        return spans[-1], where, start, value
