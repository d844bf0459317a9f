"""What a printer writes, symgrad's reader reads back as the same expression.

For every catalog entry, every definition, step, detail and result is printed as LaTeX
(whole, and broken into display lines by the line breaker, as the .tex and .md documents
carry them) and read back with ``symgrad.parse``. Equal means equal at exact rational points
with concrete sizes and every assignment of the free indices (so ``i = j`` and ``i != j``
are both seen), compared to 30 digits: a dropped bracket changes the value there.
The same for the terminal text.
"""

from __future__ import annotations

import itertools
import random
import re
from functools import cache

import pytest
import sympy as sp
from user_losses import CASES as USER_CASES

import symgrad
from symgrad import catalog, parse
from symgrad.derivation import Derivation
from symgrad.latex import derivation_document, derivation_markdown, latex_lines, to_latex, to_text
from symgrad.tensors import name_of

SIZE = 3  # every size is 3 at the sample points: big enough for i, j, k all different
DIGITS = 30


@cache
def _derivation(name: str) -> Derivation:
    return symgrad.derive(name)


def _context(d: Derivation, exprs: list[sp.Basic]) -> parse.Context:
    """What a reader of the document knows: the inputs, the named intermediates, the index ranges."""
    ctx = parse.Context()
    names = [*d.graph.inputs, *(x.lhs for x in d.graph.definitions)]
    for t in names:
        base = t.base if isinstance(t, sp.Indexed) else t
        ctx.tensors[name_of(base)] = base
    for expr in exprs:
        for idx in expr.atoms(sp.Idx):
            ctx.ranges.setdefault(idx.name, idx)
            for bound in (idx.lower, idx.upper):
                for s in getattr(bound, "free_symbols", ()):
                    ctx.sizes.setdefault(s.name, s)
    return ctx


def _free_idx(expr: sp.Basic) -> list[sp.Idx]:
    bound = {lim[0] for s in expr.atoms(sp.Sum) for lim in s.limits}
    return sorted((i for i in expr.atoms(sp.Idx) if i not in bound), key=lambda i: i.name)


def _concrete(expr: sp.Basic, derivatives: dict[sp.Basic, sp.Symbol], size: int) -> sp.Basic:
    """Unevaluated derivatives as names, every size as ``size``."""
    expr = expr.xreplace(derivatives)
    sizes = {s: size for i in expr.atoms(sp.Idx) for b in (i.lower, i.upper) for s in getattr(b, "free_symbols", ())}
    return expr.subs(sizes) if sizes else expr


def _value(expr: sp.Basic, point: dict[str, sp.Rational]) -> sp.Basic:
    """``expr`` at the point: sums done, every name and element a rational looked up by its spelling."""
    expr = expr.doit() if expr.has(sp.Sum) else expr
    expr = expr.xreplace({a: point[str(a)] for a in expr.atoms(sp.Indexed)})
    return sp.N(expr.xreplace({s: point[str(s)] for s in expr.free_symbols}), DIGITS)


def _sorted_limits(s: sp.Sum) -> sp.Sum:
    return sp.Sum(s.function, *sorted(s.limits, key=str))


def equal(a: sp.Basic, b: sp.Basic, size: int = SIZE) -> bool:
    """``a == b`` at random exact points with every size ``size``, for every assignment of their free indices."""
    if a == b:
        return True
    # an unevaluated derivative is a name, the same name when it prints the same with its sums' limits
    # in one order (Σ_l Σ_m is Σ_m Σ_l: no bound depends on another summation index here)
    derivatives = {t: sp.Symbol("D " + to_latex(t.replace(lambda e: isinstance(e, sp.Sum), _sorted_limits)))
                   for t in a.atoms(sp.Derivative) | b.atoms(sp.Derivative)}
    a, b = _concrete(a, derivatives, size), _concrete(b, derivatives, size)
    free = sorted(set(_free_idx(a)) | set(_free_idx(b)), key=lambda i: i.name)
    if free:  # the sums done once, not once per assignment of the free indices
        a, b = (e.doit() if e.has(sp.Sum) else e for e in (a, b))
    rng = random.Random(0)
    point: dict[str, sp.Rational] = _Point(rng)
    for values in itertools.product(range(1, size + 1), repeat=len(free)):
        at = dict(zip(free, values))
        va, vb = _value(a.xreplace(at), point), _value(b.xreplace(at), point)
        if not (va.is_number and vb.is_number):
            return False
        if abs(va - vb) > sp.Float(10) ** (5 - DIGITS) * (1 + abs(va)):
            return False
    return True


class _Point(dict):
    """Rationals in (1/10, 9/10) drawn on first use, so a probability, 1 - p and log p are all defined."""

    def __init__(self, rng: random.Random):
        super().__init__()
        self.rng = rng

    def __missing__(self, key: str) -> sp.Rational:
        self[key] = sp.Rational(self.rng.randint(10, 90), 100)
        return self[key]


def printed(d: Derivation) -> list[tuple[str, sp.Basic]]:
    """Every formula of the derivation's documents, with the expression it stands for."""
    out: list[tuple[str, sp.Basic]] = []
    for x in d.graph.definitions:
        out += [("definition " + name_of(x.lhs), x.rhs)]
    for c in d.graph.constraints:
        out += [("constraint", c.lhs), ("constraint", c.rhs)]
    for n, step in enumerate(d.steps):
        out += [(f"step {n} lhs", step.lhs), (f"step {n} rhs", step.rhs)]
        if step.detail is not None:
            out += [(f"step {n} detail", step.detail)]
    for r in d.results:
        out += [(f"result {name_of(r.var)}", r.expr)] + [(f"case {cond}", e) for cond, e in r.cases]
    return out


def _read(tex: str, d: Derivation, expr: sp.Basic) -> sp.Basic:
    ctx = _context(d, [expr])
    if isinstance(expr, sp.Equality):
        lhs, rhs = tex.split(" = ", 1)
        return sp.Eq(parse.parse_expression(lhs, ctx), parse.parse_expression(rhs, ctx), evaluate=False)
    return parse.parse_expression(tex, ctx)


# reader-side failures, each with its reason; strict, so a fixed reader shows up at once
READER_GAPS: dict[str, str] = {}


def _cases() -> list[pytest.param]:
    return [
        pytest.param(name, marks=[pytest.mark.xfail(strict=True, reason=READER_GAPS[name])] if name in READER_GAPS else [])
        for name in catalog.names()
    ]


def _sums_sorted(e: sp.Basic) -> sp.Basic:
    """Nested finite sums over constant ranges commute: put their limits in one order."""
    return e.replace(lambda x: isinstance(x, sp.Sum), lambda x: sp.Sum(x.function, *sorted(x.limits, key=str)))


def _same(back: sp.Basic, expr: sp.Basic, size: int = SIZE) -> bool:
    if _sums_sorted(back) == _sums_sorted(expr):  # the same expression (a matrix inverse has no numeric value here)
        return True
    if isinstance(expr, sp.Equality):
        return isinstance(back, sp.Equality) and equal(back.lhs, expr.lhs, size) and equal(back.rhs, expr.rhs, size)
    return equal(back, expr, size)


@pytest.mark.parametrize("name", _cases())
def test_every_printed_formula_reads_back_as_its_expression(name: str) -> None:
    d = _derivation(name)
    wrong = []
    for what, expr in printed(d):
        for width in (None, 40):
            tex = to_latex(expr) if width is None else " ".join(latex_lines(expr, width))
            if not _same(_read(tex, d, expr), expr):
                wrong.append(f"{what} (width {width}): {tex}")
    assert not wrong, "\n".join(wrong)


_ROW = re.compile(r"^(?P<lhs>[^&]*)&= (?P<rhs>.*?)(?: && .*)?$")
_MORE = re.compile(r"^&\\quad (?P<rhs>.*?)(?: && .*)?$")


def display_equations(doc: str) -> list[str]:
    """The right-hand sides of a document's display rows, continuation lines joined on."""
    rhs: list[str] = []
    for line in doc.splitlines():
        line = line.removesuffix(r" \\")
        if m := _ROW.match(line):
            rhs.append(m.group("rhs"))
        elif (m := _MORE.match(line)) and rhs:
            rhs[-1] += " " + m.group("rhs")
    return [re.sub(r"^\\boxed\{(.*)\}$", r"\1", r) for r in rhs]


@pytest.mark.parametrize("render", [derivation_document, derivation_markdown], ids=["tex", "md"])
@pytest.mark.parametrize("name", _cases())
def test_every_display_row_of_the_documents_reads_back(name: str, render) -> None:
    """The rows as the .tex and .md files carry them, broken lines joined: the rows of the focal bug."""
    d = _derivation(name)
    # None stands for a row that is not one expression: a result's cases and its matrix form
    expected: list[sp.Basic | None] = [x.rhs for x in d.graph.definitions] + [c.rhs for c in d.graph.constraints]
    expected += [s.rhs for s in d.steps]
    for r in d.results:
        expected += [r.expr] + [None] * (bool(r.cases) + bool(r.matrix))
    rows = display_equations(render(d))
    assert len(rows) == len(expected)
    wrong = [f"row {n}: {tex}" for n, (tex, expr) in enumerate(zip(rows, expected))
             if expr is not None and not _same(_read(tex, d, expr), expr)]
    assert not wrong, "\n".join(wrong)


def test_focal_prints_the_brackets_around_sigma_minus_sigma_squared() -> None:
    d = _derivation("focal")
    rows = display_equations(derivation_document(d))
    assert any(r.startswith(r"(\sigma - \sigma^{2}) \Bigl(") for r in rows)
    assert not any(r.startswith(r"\sigma - \sigma^{2} \Bigl(") for r in rows)


# --- the text printer: p_nc, δ_ij, ∂/∂x (…), x̂, Σ⁻¹_kl, {a if c; b otherwise} as a terminal shows them ------

def text_misreads(d: Derivation, size: int = SIZE) -> list[str]:
    """Each formula of ``d`` (not an equation) whose terminal text does not read back as its expression."""
    wrong = []
    for what, expr in printed(d):
        if isinstance(expr, sp.Equality):
            continue
        text = to_text(expr)
        try:
            back = parse.parse_expression(text, _context(d, [expr]))
        except symgrad.SymgradError as e:
            wrong.append(f"{what}: {text} ({e})")
            continue
        if not _same(back, expr, size):
            wrong.append(f"{what}: {text} read as {back}")
    return wrong


@pytest.mark.parametrize("name", catalog.names())
def test_every_formula_printed_as_text_reads_back_as_its_expression(name: str) -> None:
    wrong = text_misreads(_derivation(name))
    assert not wrong, "\n".join(wrong)


# --- the user-loss suite (tests/user_losses): losses typed the way people write them ---------------

USER_SIZE = 2  # every size 2: i = j and i != j are both seen, and attention-sized sums stay quick


_USER = {c.id: c for c in USER_CASES}


@cache
def user_derivation(case_id: str) -> Derivation:
    """The derivation of a user loss, once per test session (tests/test_text_output.py reads it too).

    A loss that does not derive is skipped: refusals are tests/test_user_losses.py's to judge.
    """
    case = _USER[case_id]
    try:
        return symgrad.derive(loss=case.loss, define=list(case.define), given=list(case.given), wrt=list(case.wrt))
    except symgrad.SymgradError as e:
        pytest.skip(f"{case_id} does not derive: {e}")


@pytest.mark.parametrize("case", USER_CASES, ids=[c.id for c in USER_CASES])
def test_every_formula_of_a_user_loss_reads_back_broken_into_lines(case) -> None:
    """Each definition, step and result of the derivation, broken at 40 characters, read back and compared."""
    d = user_derivation(case.id)
    wrong = [f"{what}: {tex}" for what, expr in printed(d)
             if not _same(_read(tex := " ".join(latex_lines(expr, 40)), d, expr), expr, USER_SIZE)]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("case", USER_CASES, ids=[c.id for c in USER_CASES])
def test_every_formula_of_a_user_loss_printed_as_text_reads_back(case) -> None:
    wrong = text_misreads(user_derivation(case.id), USER_SIZE)
    assert not wrong, "\n".join(wrong)
