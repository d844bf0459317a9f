"""Facts (``--given``) and case assumptions: shapes, ranges, domains, constraints, several to a string."""

from __future__ import annotations

import re
from typing import Any

import sympy as sp

from ..errors import ParseError
from ..linalg import PositiveDefinite, Symmetric
from ..tensors import Constraint, Definition, indices_of, name_of
from .assumed_facts import assumed_note, is_fact_assumed
from .claims import _reading, names_itself, parse_definition
from .code import is_code_block
from .context import Context, Upstream
from .encoded import decoded
from .forms import forms, respelled
from .given_comparisons import comparisons_spelled
from .given_consequences import restated
from .given_definitions import FACT_DEFINITION, indexed_name, taken, unwrapped
from .given_function_heads import function_head, parameters
from .given_function_rules import stated_rule
from .given_named_values import named_value
from .given_rates import upstream_expression
from .given_signatures import spaces_spelled
from .given_values import fact_tokens, is_array_value, read_alone
from .given_written_forms import fact_source, lhs_name, one_hot_tuple, unknown_function
from .macros import define
from .parser import _Parser
from .prose import _plain_equals, case_from_prose, from_prose, listed, softmax_axis, unread_clause, where_clauses
from .sets import _field, index_range, membership
from .tokens import _DOTS, _arg_text, _clean, _split, _Tok, _tokens, _unboxed
from .words_definitions import definition_in_words
from .words_dependencies import dependencies, hold
from .words_one_hot import unnamed_one_hot
from .words_orientation import orientation_in_words
from .written_names import names_written

# (whether it reads "less than", whether it is strict)
_INEQUALITIES = {"<": (True, True), r"\lt": (True, True), ">": (False, True), r"\gt": (False, True),
                 r"\le": (True, False), r"\leq": (True, False), r"\leqslant": (True, False),
                 r"\ge": (False, False), r"\geq": (False, False), r"\geqslant": (False, False)}
# the matrix class each declares (of semidefiniteness symgrad uses the symmetry)
_DEFINITE = {r"\succ": (PositiveDefinite, "positive definite"), r"\succeq": (Symmetric, "positive semidefinite")}

_NOISE = {r"\epsilon", r"\varepsilon", r"\eta", r"\xi"}  # y = X\beta + \epsilon: a model of the data, no definition
_CASE_RELATIONS = {"=", r"\ne", r"\neq", "≠", r"\not="}
_FACT = re.compile(r"\\in\b|∈|\\[lc]?dots|[<>]|\\[lg]eq?\b|\\succ|\s(?:is|are|be)\s")  # a where-clause stating a fact
_DIAGONAL_ONLY = re.compile(r"\s*(?:the\s+)?(?:off[\s-]?)?diagonal(?:\s+\w+)?\s*", re.IGNORECASE)  # which indices?


def _has(toks: list[_Tok], texts: set[str]) -> bool:
    return any(t.text in texts for t in toks)


@_reading
def parse_given(latex: str, ctx: Context) -> None:
    """Add the facts in ``latex`` to ``ctx``: shapes, index ranges, sizes, domains, constraints ``lhs = rhs``,
    several in one string (separated by ``,``, ``;``, ``\\quad``, ``\\text{and}``, ``\\text{for}``). The form of
    each fact is a rule of the grammar ``facts.lark``; ranges are read first, as shapes may use them."""
    written = latex = _spelled(latex, ctx.notes)  # (u^i) = w^T z^i: the name defined; x <= 0; u \equiv x^2
    if isinstance(latex, str):  # A \in \mathbb{S}^n_{++}; f : \mathbb{S}^n_{++} \to \mathbb{R} with f(A) = ...: A's space
        latex, spelled = spaces_spelled(latex)
        ctx.notes.extend(spelled)
    if isinstance(latex, str) and (said := orientation_in_words(latex)) is not None:  # vectors are row vectors
        ctx.orientation = said[0]
        ctx.notes.append(said[1])
        return
    if unnamed_one_hot(latex, ctx.one_hot):  # "the one-hot encoded true labels": the definitions say whose
        return
    if isinstance(latex, str) and (said := restated(latex)):  # dL/da \cdot da/dz = g; f(x) = 1 \Rightarrow f'(x) = 0
        written = latex = said[0]
        ctx.notes.append(said[1])
    if isinstance(latex, str) and dependencies(latex):  # "\mu is a function of x_i": held against the definitions
        latex = hold(latex, ctx)
        if not latex.strip(" .,;"):
            return
    if isinstance(latex, str):
        latex, described = from_prose(latex)
        ctx.notes.extend(described)
        if described and not latex.strip():
            return
    if isinstance(latex, str) and is_code_block(latex):  # double sigmoid(double x) { ... }: a definition, as --define
        parse_definition(latex, ctx)
        ctx.notes.append(f"{' '.join(latex.split())[:60]}{FACT_DEFINITION}")
        return
    if isinstance(latex, str) and (define(latex, ctx.macros) or read_alone(latex, ctx, parse_definition) or
                                   stated_rule(latex, ctx, _side)):
        return  # a macro; eps = 1e-8, w_j \neq 0, \det X > 0; g'(z) = g(z)(1 - g(z)) with g defined nowhere
    if isinstance(latex, str) and is_case(latex, ctx):
        raise ParseError(f"{latex.strip()} relates two indices: a case, given as --assume", column=1, source=latex)
    _tokens(latex)  # the empty-input and brace checks, with their columns
    raw = respelled(_unboxed(fact_tokens(latex)), ctx.notes)
    try:
        facts = forms(raw, latex)
    except ParseError:
        unread = unread_clause(written) if isinstance(written, str) else None
        if unread is None:
            raise
        raise ParseError(f"'{unread[0]}' is no fact symgrad reads: state it as a formula "
                         r"(x \in \mathbb{R}^{n}) or leave it out", column=unread[1], source=written) from None
    for form, toks in sorted(facts, key=lambda f: f[0] != "range"):
        _READERS[form](latex, _clean(toks + raw[-1:], latex), ctx)


def _spelled(latex: Any, notes: list[str]) -> Any:
    """The fact as the grammar reads it: the name defined unwrapped (``(u^i) = ...``), comparisons written in words
    or code as signs (``x <= 0``), a definition's = written another way (``u \\equiv x^2``, ``y ≡ E[t]``,
    ``\\overset{def}{=}``) as =, the same width so that columns stay."""
    latex = comparisons_spelled(unwrapped(latex), notes)
    if not isinstance(latex, str) or r"\leftarrow" in latex:  # x \leftarrow x - \eta g: an update, no equation
        return latex
    return _plain_equals(latex.replace("≡", "="))


def _membership(latex: str, toks: list[_Tok], ctx: Context) -> None:
    membership(_Parser(latex, toks, ctx))


def _tuple_membership(latex: str, toks: list[_Tok], ctx: Context) -> None:
    """``\\mathbf{x} = (x_1, \\dots, x_n) \\in \\mathbb{R}^{1 \\times n}``: the space says it all. ``A = B \\in S``
    with B no tuple: B lies in S, and A = B (``\\frac{\\partial L}{\\partial Y} = G \\in \\mathbb{R}^{N \\times M}``)."""
    eq = next(k for k, t in enumerate(toks) if t.text == "=")
    member = max(k for k, t in enumerate(toks) if t.text == r"\in")
    if toks[eq + 1].text == "(" and toks[member - 1].text == ")":
        return membership(_Parser(latex, toks[:eq] + toks[member:], ctx))
    membership(_Parser(latex, toks[eq + 1:], ctx))
    _equation(latex, toks[:member] + toks[-1:], ctx)


def _distribution(latex: str, toks: list[_Tok], ctx: Context) -> None:
    sim = next(t for t in toks if t.text == r"\sim")
    raise ParseError(r"a distribution (\sim) is not a fact symgrad uses: declare the shape instead "
                     r"(y \in \mathbb{R}^{n})", column=sim.col, source=latex)


def _equation(latex: str, toks: list[_Tok], ctx: Context) -> None:
    """``\\sum_k y_k = 1``: a constraint the derivation may use; by its sides' form a one-hot vector written out, an
    upstream gradient ``\\frac{\\partial L}{\\partial y_i} = g_i``, ``L = f(y)`` or a definition (``\\sigma(z) = a``)."""
    if any(read(latex, toks, ctx) for read in (one_hot_tuple, _symmetric, _upstream, unknown_function, named_value,
                                               _definition, _column)):
        return
    p = _Parser(latex, toks, ctx)
    rel = p.relation()
    p.done()
    mapping = p.resolve()
    p.commit(mapping)
    rel = rel.xreplace(mapping)
    if not isinstance(rel, sp.Eq):
        raise ParseError("expected a shape, a range or an equation", column=toks[0].col, source=latex)
    ctx.constraints.append(Constraint(rel.lhs, rel.rhs, fact_source(latex, toks[:-1])))


def _upstream(latex: str, toks: list[_Tok], ctx: Context) -> bool:
    """``\\frac{\\partial L}{\\partial y_i} = g_i`` (or ``g = \\partial L / \\partial y``, ``... = dout``) with L not
    defined: recorded as an ``Upstream`` fact (``Context.settle`` reads L as the sum of g times y). False when
    the equation is not of this form."""
    parts = _split(toks, {"="})
    if len(parts) != 2:
        return False
    sides = (parts[0], parts[1][1:])
    for k in (0, 1):
        derivative = _derivative_side(latex, sides[k], ctx)
        if derivative is not None:
            break
    else:
        return False
    loss, var, shape = derivative
    other = sides[1 - k]
    p = _Parser(latex, other + toks[-1:], ctx)
    named = p.read_name(word=True)
    gradient, written, _ = p.indexing(named[0]) if named is not None else (None, (), None)
    if named is None or p.peek().kind != "end":  # du/dx = an expression: checked against u's definition (settle)
        value = _side(latex, other, ctx)[1]
        if value is None or value.atoms(sp.Indexed) or not isinstance(var, sp.Symbol):  # only scalars checked
            raise ParseError(upstream_expression(loss, name_of(var)), column=other[0].col, source=latex)
        ctx.rates.append((loss, var, value, fact_source(latex, toks[:-1])))
        return True
    own = [str(i) for i in indices_of(var)]
    if written and [str(i) for i in written] != own:
        raise ParseError(f"{gradient} is written with the indices {', '.join(map(str, written))} but "
                         f"{name_of(var)} with {', '.join(own) or 'none'}: write them the same",
                         column=other[0].col, source=latex)
    if gradient in ctx.definitions or gradient == loss or gradient == name_of(var):
        raise ParseError(f"{gradient} names the gradient here, but it is already a name of the problem",
                         column=other[0].col, source=latex)
    ctx.upstream.append(Upstream(loss, name_of(var), gradient, shape, fact_source(latex, toks[:-1])))
    return True


def antiderivative(latex: str, ctx: Context) -> tuple[str, str] | None:
    """``\\partial\\mu/\\partial x_i = 1/N`` with mu defined nowhere and a right side of no name the problem defines or
    differentiates: the one function with that derivative that is 0 at x = 0, ``\\mu = \\sum_{i} (1/N) x_i`` (the
    mean), as a definition, and the note that says so. None for any other fact."""
    try:
        toks = _tokens(latex)
        parts = _split(toks, {"="})
    except ParseError:
        return None
    if len(parts) != 2 or not parts[0] or len(parts[1]) < 2:
        return None
    left, right = parts[0], parts[1][1:]
    derivative = _derivative_side(latex, left, ctx)
    value = _side(latex, right, ctx)[1] if derivative is not None else None
    if value is None or value.atoms(sp.Indexed, sp.IndexedBase, sp.Derivative, sp.Function):
        return None
    name, var, _ = derivative
    names = {str(s) for s in value.free_symbols}
    if ctx.known(name) or name_of(var) in names or name in names or any(n in ctx.definitions for n in names):
        return None
    segments = _differentiated(latex, left)
    if len(segments) != 2 or isinstance(var, sp.Indexed) and len(var.indices) != 1:
        return None
    (head, by), rate = segments, fact_source(latex, right)
    spelled = rf"{head} = \left({rate}\right) {by}"
    if isinstance(var, sp.Indexed):
        spelled = rf"{head} = \sum_{{{var.indices[0]}}} \left({rate}\right) {by}"
    return spelled, (f"{fact_source(latex, toks[:-1])} with {head} defined nowhere: read as {spelled}, the function with "
                     f"that derivative that is 0 at {name_of(var)} = 0 (the mean when the rate is one over the count; a "
                     "constant added to it would change the claim)")


def _differentiated(latex: str, side: list[_Tok]) -> list[str]:
    """The LaTeX after each \\partial of a derivative (``\\mu`` and ``x_i`` of ``\\partial\\mu/\\partial x_i``), up to
    its group's end."""
    out, k = [], 0
    while k < len(side):
        if side[k].text != r"\partial":
            k += 1
            continue
        end = k + 1
        while end < len(side) and side[end].text not in ("}", "/", r"\partial"):
            end = _arg_text(side, end)[1] if side[end].text == "{" else end + 1
        if end > k + 1:
            out.append(fact_source(latex, side[k + 1:end]))
        k = end
    return out


def _derivative_side(latex: str, side: list[_Tok], ctx: Context) -> tuple[str, sp.Expr, tuple | None] | None:
    """(L, y, y's shape as read) for a side that is the derivative of a bare undefined name L by a name y (or its
    element); None otherwise. Nothing is recorded: y's shape is decided by its definition when it has one."""
    if not side or not any(t.text in (r"\partial", "d", r"\mathrm", r"\frac", r"\dfrac", r"\nabla") for t in side):
        return None
    p, value = _side(latex, side, ctx)
    if not isinstance(value, sp.Derivative) or len(value.variables) != 1:
        return None
    loss, var = value.expr, value.variables[0]
    if not isinstance(loss, sp.Symbol) or ctx.known(str(loss)) and str(loss) not in ctx.tensors:
        return None
    if not isinstance(var, (sp.Symbol, sp.Indexed)) or not all(isinstance(i, sp.Idx) for i in indices_of(var)):
        return None
    try:
        mapping = p.resolve()
    except ParseError:  # i of y_i has no range yet: y's definition or declaration gives its shape
        return str(loss), var, None
    return str(loss), var, tuple(i.upper.xreplace(mapping) for i in indices_of(var))


_TRANSPOSED = ([["^", "T"]], [["^", r"\top"]], [["^", r"\intercal"]], [["^", "{", "T", "}"]], [["^", "{", r"\top", "}"]],
               [["'"]], [["^", "\u2032"]], [["\u2019"]], [["^", r"\mathrm", "{", "T", "}"]],
               [["^", "{", r"\mathrm", "{", "T", "}", "}"]])  # S^{\mathrm{T}}, as the pumpkin book writes it


def _symmetric(latex: str, toks: list[_Tok], ctx: Context) -> bool:
    """``\\Sigma = \\Sigma^T`` (``A = A^\\top``, ``A' = A``): the matrix is declared ``Symmetric``, once its shape is
    known (``Context.settle``)."""
    parts = _split(toks, {"="})
    if len(parts) != 2 or not parts[0]:
        return False
    left, right = [t.text for t in parts[0]], [t.text for t in parts[1][1:]]
    for a, b in ((left, right), (right, left)):
        if any(b == a + mark for (mark,) in _TRANSPOSED):
            name = lhs_name(latex, parts[0] if a is left else parts[1][1:], ctx)
            if name is None:
                return False
            _structured(ctx, name, Symmetric, fact_source(latex, toks[:-1]), "symmetric")
            return True
    return False


def _structured(ctx: Context, name: str, kind: type, source: str, words: str, written: str = "") -> None:
    """Record that ``name`` is a matrix of ``kind`` (applied by ``Context.settle`` once its shape is known; till then
    the note says it is not used)."""
    note = f"{written or name} is {words}: recorded, not used"
    ctx.notes.append(note)
    ctx.structured.append((name, kind, source, note))


def _definition(latex: str, toks: list[_Tok], ctx: Context) -> bool:
    """``\\mathbf{p} = \\text{softmax}(\\mathbf{z})`` among the facts: a definition when its left side is a name not yet
    known and its right side a formula of other names, not a number nor itself; a chain by its first side (noted)."""
    parts = _split(toks, {"="})
    if len(parts) < 2 or not parts[0]:
        return False
    name = lhs_name(latex, parts[0], ctx) or function_head(latex, parts[0], ctx) or indexed_name(latex, parts[0], ctx)
    right = parts[1][1:]
    if is_case(latex[toks[0].col - 1:toks[-2].col - 1 + len(toks[-2].text)], ctx):
        raise ParseError(f"{fact_source(latex, toks[:-1])} relates two indices: a case, given as --assume",
                         column=toks[0].col, source=latex)
    params = parameters(parts[0]) if function_head(latex, parts[0], ctx) else set()
    letters = names_written(right) - params  # \mathrm{ymean}: one name, not y, m, e, a, n
    letters |= {"(its parameters)"} if any(t.text in params for t in right) else set()  # g(t) = \tanh(t)
    terms = [term[1:] if k else term for k, term in enumerate(_split(right + toks[-1:], {"+", "-"}))]
    noise = any(term and term[0].text in _NOISE for term in terms)  # y_i = w^T x_i + \epsilon_i: a model of the data
    if name is None or taken(name, ctx) or not (letters or is_array_value(right)) or name in letters or _has(right, _DOTS) or noise or \
            _differentiates(latex, right, ctx) or any(t.text in (r"\sum", r"\prod") for t in parts[0]):
        return False
    source = fact_source(latex, toks[:-1])
    parse_definition(" " * (toks[0].col - 1) + source, ctx)  # the padding keeps the columns of the whole string
    ctx.notes.append(f"{' '.join(source.split())}{FACT_DEFINITION}")
    return True


def is_case(text: str, ctx: Context | None = None) -> bool:
    """Whether ``text`` is a case between two index letters (``i = j``, ``for $i \\neq j$``), which verify reads as an
    assumption wherever it is given; letters ``ctx`` knows as sizes, tensors or definitions are no indices."""
    try:
        toks = _tokens(case_from_prose(text))
    except ParseError:
        return False
    known = ctx is not None and any(ctx.known(t.text) and t.text not in ctx.ranges for t in toks[:3:2])
    return len(toks) == 4 and toks[0].kind == toks[2].kind == "letter" and toks[1].text in _CASE_RELATIONS and \
        not known


def _differentiates(latex: str, side: list[_Tok], ctx: Context) -> bool:
    """Whether ``side`` reads as a formula holding a derivative (``\\nabla_y L``, ``\\frac{dL}{dy}``), or does not read."""
    value = _side(latex, side, ctx)[1]
    return value is None or bool(value.atoms(sp.Derivative))


def _side(latex: str, side: list[_Tok], ctx: Context) -> tuple[_Parser, sp.Expr | None]:
    """One side of an equation read alone, nothing recorded (its reader, and its value or None where it does not
    read)."""
    p = _Parser(latex, side + [_Tok("end", "", side[-1].col + len(side[-1].text))], ctx)
    try:
        value = p.expr().expr
        p.done()
    except ParseError:
        return p, None
    return p, value


def _tuple(latex: str, toks: list[_Tok], ctx: Context) -> None:
    """``p = (p_1, \\ldots, p_K)``: a vector of K entries; ``x = [x_1, x_2]``: a vector of its components written out
    (2); without dots, otherwise an equation (``L = (a + b)``)."""
    if _components(latex, toks, ctx):
        return None
    if not _has(toks, _DOTS) or one_hot_tuple(latex, toks, ctx):
        return _equation(latex, toks, ctx) if not _has(toks, _DOTS) else None
    p = _Parser(latex, toks, ctx)
    name = (p.read_name(word=True) or (None,))[0]
    opened = p.toks[p.pos + 1]
    last = p.toks[len(p.toks) - 3]
    if name is None or last.kind not in ("letter", "digit") or p.toks[len(p.toks) - 4].text != "_":
        raise p.error("a tuple fact is written x = (x_1, \\dots, x_n)", opened)
    n = p.size(last.text) if last.kind == "letter" else sp.Integer(int(last.text))
    p.ctx.sizes.update(p.sizes)
    if name not in p.ctx.definitions:
        p.ctx.tensors[name] = sp.IndexedBase(name, shape=(n,))


def _column(latex: str, toks: list[_Tok], ctx: Context) -> bool:
    """``\\beta = (\\beta_1, \\beta_2)^T``: the components written as a row and transposed, a vector all the same."""
    marks = [t.text for t in toks[-4:-1]]
    if marks[-2:] not in (["^", "T"], ["^", r"\top"]) or marks[0] not in (")", "]"):
        return False
    return _components(latex, toks[:-3] + toks[-1:], ctx)


def _components(latex: str, toks: list[_Tok], ctx: Context) -> bool:
    """``x = [x_1, x_2]``, ``y = (y_1, y_2, y_3)``: a vector of the name's own entries, each written, numbered in order
    from 1; declared a vector of that many entries. False for anything else (numbered from 0 too: which entry is
    y_0 is the claim's reader's to decide)."""
    eq = next(k for k, t in enumerate(toks) if t.text == "=")
    name = lhs_name(latex, toks[:eq], ctx)
    inside = [t.text for t in toks[eq + 2:-2]]
    entries = " ".join(inside).split(" , ")
    numbers = [re.fullmatch(rf"\\?{re.escape(name or '')} _ (?:\{{ )?(\d+)(?: \}})?", e) for e in entries]  # \beta_1
    if name is None or len(entries) < 2 or not any(numbers) or ctx.known(name) and name not in ctx.tensors or any(
            e.strip() in _DOTS for e in entries):
        return False
    written = [int(m[1]) for m in numbers if m]
    if all(numbers) and written == list(range(len(entries))):
        return False  # from 0: which entry y_0 is, is the claim's reader's to decide
    if not all(numbers) or written != list(range(1, len(entries) + 1)):
        raise ParseError(f"{name} = [...] writes {name} by its entries: each entry {name}_k in order from "
                         f"{name}_1 ({name} = [{name}_1, {name}_2])", column=toks[eq + 1].col, source=latex)
    ctx.tensors[name] = sp.IndexedBase(name, shape=(sp.Integer(len(entries)),))
    ctx.notes.append(f"{fact_source(latex, toks[:-1])} read as a vector of {len(entries)} entries")
    return True


def _signature(latex: str, toks: list[_Tok], ctx: Context) -> None:
    """``\\ell \\colon \\mathbb{R}^N \\to \\mathbb{R}``: the sizes it names are recorded, the map itself is read from
    its definition."""
    p = _Parser(latex, toks, ctx)
    if p.read_name(word=True) is None:
        raise p.error("a signature starts with the function's name: f \\colon \\mathbb{R}^n \\to \\mathbb{R}")
    p.next()
    for k in range(2):
        if not (p.at(r"\mathbb") or p.at(r"\R")):
            raise p.error(r"a signature maps spaces: f \colon \mathbb{R}^n \to \mathbb{R}")
        _field(p)
        if k == 0:
            p.expect(r"\to")
    p.done()
    p.ctx.sizes.update(p.sizes)


def _bounds(latex: str, toks: list[_Tok], ctx: Context) -> None:
    """``1 \\le i \\le n`` (an index range), ``0 < \\hat{y}_i < 1``, ``p_j > 0``, ``\\sigma > 0`` (domains),
    ``\\Sigma \\succ 0`` (a ``PositiveDefinite`` matrix, once its shape is known: ``Context.settle``)."""
    ops = [t for t in toks if t.text in _INEQUALITIES or t.text in _DEFINITE]
    parts = [part[1:] if k else part for k, part in enumerate(_split(toks, {t.text for t in ops}))]
    if ops[0].text in _DEFINITE:
        return _definite(latex, toks, parts, ops[0], ctx)
    if len(parts) == 3 and len(parts[1]) == 1 and parts[1][0].kind == "letter" and any(
            t.kind == "letter" for t in parts[2]):
        return _index_range(latex, toks, parts, ops, ctx)
    values = [_number(latex, part, ctx) for part in parts]
    subjects = [k for k, v in enumerate(values) if v is None]
    if len(subjects) != 1:
        raise ParseError("an inequality fact bounds one name by numbers: p_j > 0, 0 < \\hat{y}_i < 1",
                         column=toks[0].col, source=latex)
    s = subjects[0]
    name = _subject(latex, parts[s], ctx)
    domain = sp.Interval(-sp.oo, sp.oo)
    for k, op in enumerate(ops):
        if s not in (k, k + 1):
            continue
        less, strict = _INEQUALITIES[op.text]
        bound = values[k] if s == k + 1 else values[k + 1]
        if less == (s == k + 1):  # a < name, or name > b: a lower bound
            domain &= sp.Interval(bound, sp.oo, strict, True)
        else:
            domain &= sp.Interval(-sp.oo, bound, True, strict)
    ctx.domains[name] = ctx.domains[name] & domain if name in ctx.domains else domain


def _definite(latex: str, toks: list[_Tok], parts: list[list[_Tok]], op: _Tok, ctx: Context) -> None:
    """``\\Sigma \\succ 0``: a ``PositiveDefinite`` matrix (``\\succeq``: symmetric), once its shape is known."""
    name = lhs_name(latex, parts[0], ctx) if parts[0] else None
    if len(parts) != 2 or [t.text for t in parts[1]] != ["0"] or name is None:
        raise ParseError(f"write {op.text} 0 after a matrix name", column=op.col, source=latex)
    kind, words = _DEFINITE[op.text]
    _structured(ctx, name, kind, fact_source(latex, toks[:-1]), words, fact_source(latex, parts[0]))


def _index_range(latex: str, toks: list[_Tok], parts: list[list[_Tok]], ops: list[_Tok], ctx: Context) -> None:
    lo = _Parser(latex, parts[0] + toks[-1:], ctx).expr().expr + int(_INEQUALITIES[ops[0].text][1])
    q = _Parser(latex, parts[2] + toks[-1:], ctx)
    hi = q.bound() - int(_INEQUALITIES[ops[1].text][1])
    q.done()
    ctx.sizes.update(q.sizes)
    name = parts[1][0].text
    ctx.ranges[name] = sp.Idx(sp.Symbol(name, integer=True), (lo, hi))


def _number(latex: str, part: list[_Tok], ctx: Context) -> sp.Expr | None:
    """The number a side of an inequality is (``0``, ``\\frac{1}{2}``, ``-\\infty``), or None for a name."""
    if any(t.kind == "letter" for t in part) or not part:
        return None
    p = _Parser(latex, part + [_Tok("end", "", part[-1].col + 1)], ctx)
    v = p.expr().expr
    p.done()
    return v if v.is_number else None


def _subject(latex: str, part: list[_Tok], ctx: Context) -> str:
    """The name an inequality is about (``p_j``, ``\\hat{y}_i``, ``\\sigma``): subscripts say "each entry"."""
    p = _Parser(latex, part + [_Tok("end", "", part[-1].col + 1)], ctx)
    named = p.read_name(word=True)
    if named is None:
        raise p.error("an inequality fact bounds a name: p_j > 0")
    while p.at("_"):
        p.next()
        p.subscript()
    p.done()
    return named[0]


_READERS = {"membership": _membership, "tuple_membership": _tuple_membership, "range": index_range, "tuple": _tuple,
            "signature": _signature, "bounds": _bounds, "definite": _bounds, "distribution": _distribution,
            "equation": _equation}


@_reading
def parse_assumption(latex: str, ctx: Context) -> sp.Basic:
    """A case condition between indices (``i = j``, ``i \\neq j``), also recorded in ``ctx``; an assumption about a
    matrix (``A = A^T``) is a fact instead (see ``_symmetric``), and the case it gives is ``sympy.true``."""
    latex = case_from_prose(comparisons_spelled(latex, ctx.notes)) if isinstance(latex, str) else latex
    if isinstance(latex, str) and _DIAGONAL_ONLY.fullmatch(latex):
        raise ParseError(r"a case names its indices: write i = j (the diagonal) or i \neq j (off the diagonal)",
                         column=1, source=latex)
    if isinstance(latex, str) and is_fact_assumed(latex):  # x < 0, |X| > 0: a domain or a condition, as a fact
        parse_given(latex, ctx)
        ctx.notes.append(assumed_note(latex))
        return sp.true
    toks = _tokens(latex)
    if _symmetric(latex, toks, ctx):  # A = A^T: a fact about a matrix, not a case
        return sp.true
    p = _Parser(latex, toks, ctx)
    p.index_mode = True
    rel = p.relation()
    p.done()
    mapping = p.resolve()
    p.commit(mapping)
    rel = rel.xreplace(mapping)
    if not isinstance(rel, (sp.Eq, sp.Ne)) or not all(isinstance(a, sp.Idx) for a in rel.args):
        raise ParseError("an assumption relates two indices: i = j or i \\neq j", column=1, source=latex)
    ctx.assumptions.append(rel)
    return rel


def parse_statement(text: str, ctx: Context, unnamed: str | None = None) -> tuple[Definition, list[str]]:
    """A definition as pages state it, ``L = -\\log p_c \\text{ where } p = \\mathrm{softmax}(z), y \\text{ is one-hot}``:
    the clauses after ``where`` read first (each a definition or a fact, noted), then the definition; the clauses
    that are cases (``i \\neq j``) are returned for the caller to assume. ``verify --define`` and ``derive --loss``
    both read definitions this way; a head without ``name =`` is named ``unnamed`` when given (a loss written bare).
    Several definitions in one (``p_i = \\sigma(z_i), \\quad z_i = w^T x_i``) are each read, functions first; the
    first written is returned."""
    if is_code_block(text):  # a pasted def: its np.where and # comments are code, not where-clauses or prose
        return parse_definition(text, ctx), []
    text, along = softmax_axis(decoded(text, ctx.notes))
    text, said = definition_in_words(text)
    ctx.notes += ([along] if along else []) + said
    head, clauses = where_clauses(text)
    head = f"{unnamed} = {head}" if unnamed and not names_itself(head) else head
    cases = []
    for clause in clauses:
        if is_case(clause, ctx):
            cases.append(clause)
        elif _FACT.search(clause) or not names_itself(clause):
            parse_given(clause, ctx)
        else:
            parse_definition(clause, ctx)
        ctx.notes.append(f"'{clause}' after 'where' read with the definition of {head.split('=')[0].strip()}")
    heads = [h for h in listed(head) if h.strip(" .")]
    if len(heads) < 2 or not all(_one_equation(h) and not is_case(h, ctx) for h in heads):  # "For $i = j$, p_i = x"
        return parse_definition(head, ctx), cases
    done = {k: parse_definition(heads[k], ctx) for k in _used_first(heads)}
    ctx.notes.append(f"{' '.join(head.split())} read as {len(heads)} definitions")
    return done[0], cases


def _one_equation(text: str) -> bool:
    """Whether ``text`` is one equation ``name = value`` (one = outside braces)."""
    try:
        return len(_split(_tokens(text), {"="})) == 2
    except ParseError:
        return False


def _used_first(heads: list[str]) -> list[int]:
    """The order to read definitions written together in: each after those whose name its right side uses
    (``p_i = \\sigma(z_i), z_i = ...``: z first), else as written."""
    sides = [_split(_tokens(h), {"="}) for h in heads]
    names = [next(t.text for t in left if t.text not in ("{", "}")) for left, _ in sides]
    uses = [{t.text for t in right} for _, right in sides]
    order: list[int] = []
    while len(order) < len(heads):
        ready = [k for k in range(len(heads)) if k not in order and not any(
            j not in order and j != k and names[j] in uses[k] for j in range(len(heads)))]
        order.append(ready[0] if ready else next(k for k in range(len(heads)) if k not in order))
    return order
