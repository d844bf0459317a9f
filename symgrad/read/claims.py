"""Expressions, derivatives, claim chains and definitions: the public readers of the right-hand side."""

from __future__ import annotations

import functools
import itertools

import sympy as sp

from ..errors import ParseError, SymgradError
from ..tensors import Definition, indices_of, name_of
from .applied_subscripts import subscript_moved
from .applied_variables import as_variables
from .argument_parameters import argument_parameters
from .bound import _rename_bound
from .chain_sides import transposed_sides
from .chains import (
    _case_after,
    _line_remarks_blanked,
    _lines_as_chain,
    _naming_the_derivative,
    _no_equation_number,
    _range_after,
    _sum_bounds_sized,
)
from .claim_announcements import without_announcement
from .claim_case_chains import case_chains
from .claim_implications import implications_as_equals
from .claim_stand_ins import _output_of_the_function, _stacked_samples
from .code import code_notes, is_code_block
from .code_heads import derivative_named_in_code
from .code_matmul_shapes import matmul_matrices
from .context import Context, DerivativeOf, Function, Member
from .defined_values import _check_value, _family, _node
from .definition_order import _insert
from .definition_superscripts import _equals, _squared, _superscript
from .derivative_names import d_heads
from .derivative_of_the_function import derivative_of_the_function
from .differentials import differential_heads, source_text
from .encoded import decoded
from .entry_chains import entry_members
from .expression_heads import named_heads, record_head, unknown_application
from .given_function_heads import function_head
from .heads import _label_subscript, _local_parameters, _parameter_subscripts, _parameters_or_indices
from .heads_fonts import font_subscripts
from .heads_gradient import gradient_heads
from .heads_partials import partial_heads, partial_of
from .jacobians import jacobian_named
from .labels import axes_wanted, head_labels, labelled_head
from .layers import instantiate, is_template, layer_labels
from .literal_sizes import literal_sizes
from .macros import expand
from .matrices import gradient_variable, logdet_folded, square_matrices
from .operators import _deviation_powers, _mentions, _powers_renamed
from .parser import _Parser
from .prose import without_lead_in, without_remarks
from .restated_definitions import restated
from .reused_functions import applied_sides, reuse_note
from .sample_parameters import sample_parameters
from .squared_heads import square_root
from .stand_ins import stand_ins
from .stated_functions import checked_stated_value, side_noted
from .tokens import _GREEK, _split, _Tok, _tokens
from .upstream import differentiated, read_undefined_loss, restore, snapshot, undefined
from .upstream_deltas import deltas_written
from .vacuous_sums import passed_over, vacuous_sum
from .vocabulary import _free_indices, _Val


def _reading(fn):
    """Safety net for the public readers: a SymPy failure on odd input is still a ``ParseError``, never a traceback."""
    @functools.wraps(fn)
    def read(latex, *args, **kwargs):
        ctx = kwargs.get("ctx", args[0] if args else None)
        if isinstance(ctx, Context):
            latex = decoded(latex, ctx.notes)
        if isinstance(ctx, Context) and ctx.macros and isinstance(latex, str):
            latex = expand(latex, ctx.macros)
        if isinstance(ctx, Context) and isinstance(latex, str):  # what reading code decided (* elementwise, ...)
            ctx.notes.extend(n for n in code_notes(latex) if n not in ctx.notes)
        try:
            return fn(latex, *args, **kwargs)
        except (TypeError, ValueError, AttributeError, IndexError, sp.SympifyError) as e:
            if isinstance(e, SymgradError):
                raise
            raise ParseError(f"could not read this LaTeX ({type(e).__name__}: {e})", source=latex) from e

    return read


def _parse_value(latex: str, toks: list[_Tok], ctx: Context, strict: bool,
                 protected: tuple[sp.Idx, ...] = ()) -> tuple[_Val, dict]:
    p = _Parser(latex, toks, ctx, strict=strict, protected=protected)
    v = p.expr()
    p.done()
    mapping = p.resolve()
    p.commit(mapping)
    for d in p.__dict__.get("first_derivatives", []):  # of a second derivative: a definition of its own
        _insert(ctx, Definition(d.lhs.xreplace(mapping), d.rhs.xreplace(mapping)))
    value = logdet_folded(v.expr.xreplace(mapping))
    for old, (exp, new) in ctx.squares.items():  # after a derivative by sigma^2, sigma^2 is one name everywhere
        value = _powers_renamed(value, old, exp, new)
        if _mentions(value, old) and _deviation_powers(value, old, exp, new) != value:
            value = _deviation_powers(value, old, exp, new)
            ctx.notes.append(f"{old} read as a standard deviation (nonnegative): its odd powers are powers of {new}")
        if _mentions(value, old):
            raise ParseError(f"{old} appears without its ^{exp} after the derivative by {old}^{exp}: write {old}^{exp}",
                             column=1, source=latex)
    return _Val(value, tuple(a if a is None else a.xreplace(mapping) for a in v.axes)), mapping


@_reading
def parse_expression(latex: str, ctx: Context | None = None, *, strict: bool | None = None) -> sp.Expr:
    """A LaTeX expression in symgrad's vocabulary; ``strict`` (default: once something is defined)
    rejects names that were never defined or declared."""
    ctx = ctx if ctx is not None else Context()
    strict = bool(ctx.definitions) if strict is None else strict
    return _parse_value(latex, _tokens(latex), ctx, strict)[0].expr


def parse_derivative(latex: str, ctx: Context) -> tuple[sp.Expr, sp.Expr]:
    """``(of, var)`` of a derivative such as ``\\frac{\\partial p_i}{\\partial a_j}`` or ``\\nabla_w L`` (or words)."""
    return _derivative(derivative_of_the_function(latex, ctx) or derivative_named_in_code(latex, ctx) or latex, ctx)


@_reading
def _derivative(latex: str, ctx: Context) -> tuple[sp.Expr, sp.Expr]:
    toks = head_labels(named_heads(layer_labels(partial_of(subscript_moved(font_subscripts(_tokens(latex)), ctx), ctx), ctx), ctx), ctx)
    instantiate(ctx, parse_definition)
    square_matrices(toks, ctx)
    v = _parse_value(latex, toks, ctx, strict=False)[0]
    if not isinstance(v.expr, sp.Derivative):
        raise ParseError(r"not a derivative (write \frac{\partial L}{\partial w} or \nabla_w L)", column=1,
                         source=latex)
    return _outermost(v.expr)


def _outermost(d: sp.Derivative) -> tuple[sp.Expr, sp.Expr]:
    """``(of, var)`` of the outermost derivative: ``\\frac{d}{dx}\\frac{d}{dx} x^3``, which SymPy folds into one
    Derivative by x twice, is the derivative by x of the derivative by x (a higher derivative, which the judge
    refuses), never the first derivative: read so, the WRONG 3x^2 was proved."""
    if len(d.variables) == 1:
        return d.expr, d.variables[0]
    return sp.Derivative(d.expr, *d.variables[:-1], evaluate=False), d.variables[-1]


@_reading
def parse_claim(latex: str, ctx: Context, of: str | None = None, *,
                asked: tuple[sp.Expr, sp.Expr] | None = None) -> list[Member]:
    """The members of a claimed chain ``A = B = C``; a member that is the derivative itself is a ``DerivativeOf``.
    Array-valued members get the derivative's free indices (``of``, or the chain's). A case written after the chain
    (``p_i(1 - p_i), \\quad i = j``, ``\\text{for } i \\neq j``) is added to ``ctx.assumptions`` as ``--assume`` would
    add it; a case ``i = j`` is also written into the members (``j`` becomes ``i``), so that a reader of the members
    alone judges the diagonal. ``asked``: the derivative ``--of`` named, read (a first member ``\\frac{dJ}{dw}`` of an
    undefined name is that one). An undefined loss differentiated (or backprop's ``\\delta x``) is read by ``upstream``."""
    if not is_code_block(latex):  # a pasted def's lines, comments and words are code, not a chain or a sentence
        latex = deltas_written(without_remarks(without_lead_in(without_announcement(_line_remarks_blanked(
            _lines_as_chain(implications_as_equals(latex, ctx))), ctx))), ctx)
    _no_equation_number(latex)
    toks = _tokens(latex)
    if asked is not None and isinstance(asked[0], sp.Symbol) and undefined(str(asked[0]), ctx):
        read_undefined_loss(str(asked[0]), toks, ctx, latex)
    saved = snapshot(ctx)
    try:
        return _claim(latex, ctx, of, asked)
    except ParseError as e:
        restore(ctx, saved)
        losses = differentiated(toks, ctx)
        if "is not defined" not in str(e) or len(losses) != 1 or not read_undefined_loss(losses[0], toks, ctx, latex):
            raise
        return _claim(latex, ctx, of, asked)


def _claim(latex: str, ctx: Context, of: str | None, asked: tuple[sp.Expr, sp.Expr] | None) -> list[Member]:
    """``parse_claim`` of a claim whose names the problem knows."""
    n_cases = len(ctx.assumptions)
    toks = subscript_moved(font_subscripts(case_chains(_tokens(latex), ctx)), ctx)
    if not (of or asked):  # a head that names the derivative in words: d<name>, a differential, 'gradient'
        toks = gradient_heads(latex, differential_heads(latex, d_heads(latex, toks, ctx), ctx), ctx)
    toks = stand_ins(latex, partial_heads(latex, toks, ctx), ctx)
    toks = head_labels(named_heads(layer_labels(_case_after(latex, toks, ctx), ctx), ctx), ctx)
    instantiate(ctx, parse_definition)
    square_matrices(toks, ctx)
    gradient_variable(toks, ctx)
    _output_of_the_function(toks, ctx)
    _stacked_samples(toks, ctx)
    same = {rel.rhs: rel.lhs for rel in ctx.assumptions[n_cases:] if isinstance(rel, sp.Eq)}
    strict = bool(ctx.definitions)
    declared = set(ctx.tensors)
    bounds = _sum_bounds_sized(toks, ctx)
    if len(bounds) == 1 and not ctx.sizes:
        ctx.default_size = bounds.pop()  # \partial \hat{y}_i then \sum_{j=1}^{n}: i runs to n too
    parts = _split(toks, {"="})
    jacobian = jacobian_named(latex, parts[0], ctx) if of is None and len(parts) > 1 else None
    parts = _naming_the_derivative(latex, parts, ctx, (of, asked, jacobian))  # H_{ij} = ... with --of given
    members = _members(latex, parts, toks[-1], ctx, strict, same, jacobian)
    given = parse_derivative(of, ctx) if of else None
    _defined_by_the_chain(members, ctx, declared, latex, given or asked)
    target = given or next(((m.value.of, m.value.var) for m in members if isinstance(m.value, DerivativeOf)), None)
    if target is None:
        return literal_sizes(members, asked, ctx, latex, True)[0] if asked else members
    members, target = literal_sizes(members, target, ctx, latex, given is not None or asked is not None)
    want = indices_of(target[0]) + indices_of(target[1])
    out = []
    for m in members:
        axes = axes_wanted(m, indices_of(target[0]), indices_of(target[1]))
        if m.indices and len(m.indices) != len(axes):
            raise ParseError(f"{m.text} has {len(m.indices)} free axes but the derivative has {len(axes)}",
                             column=m.column, source=latex)
        if m.indices and not isinstance(m.value, DerivativeOf):
            value = _rename_bound(m.value, {str(i) for i in want})
            renamed = dict(zip(m.indices, axes))
            axes = tuple(None if a is None else renamed.get(a, a) for a in m.axes)
            m = Member(m.text, value.xreplace(renamed), m.column, want, axes)
        out.append(m)
    return entry_members(out, ctx.notes)  # d/dX tr(XA) = d(X_ij A_ji)/dX_kl = ... = A_lk = A^T: k, l the head's axes


def _members(latex: str, parts: list[list[_Tok]], end: _Tok, ctx: Context, strict: bool, same: dict,
             jacobian: str | None) -> list[Member]:
    """Each side of a chain's ``=`` read; ``same`` (a case i = j) written into them."""
    members: list[Member] = []
    for k, part in enumerate(parts):
        body = part[1:] if k else part
        if jacobian is not None and k == 0:  # J = diag(s) - s s^T: J is the derivative it names
            members.append(Member(source_text(latex, body), DerivativeOf(*parse_derivative(jacobian, ctx)),
                                  body[0].col))
            continue
        if not body and k == 0 and len(parts) > 1:
            continue  # "= 2 \\sum_i ...": a line continuing a chain written elsewhere
        if not body:
            t = part[0] if part else end
            raise ParseError("an empty side of =", column=t.col, source=latex)
        v, _ = _parse_value(latex, body + [end], ctx, strict)
        value: sp.Expr | DerivativeOf = as_variables(v.expr, ctx.applied).xreplace(same)  # f(x_i) by which it is differentiated
        if isinstance(v.expr, sp.Derivative):
            value = DerivativeOf(*(part.xreplace(same) for part in _outermost(v.expr)))
        members.append(Member(source_text(latex, body), value, body[0].col, v.free, v.axes))
    return members


def _undefined(of: sp.Expr, var: sp.Expr, ctx: Context, declared: set[str]) -> str | None:
    """The name ``of`` is when it is a bare name nobody defined or declared (not the variable itself), else None."""
    if not isinstance(of, (sp.Symbol, sp.Indexed)) or isinstance(of, sp.Idx) or name_of(of) == name_of(var) or \
            hasattr(of, "derivative_by"):  # (M^{-1})_{ij}: an entry of a matrix function symgrad differentiates
        return None
    name = name_of(of)
    return None if name in ctx.definitions or name in ctx.functions or name in declared else name


def _defined_by_the_chain(members: list[Member], ctx: Context, declared: set[str], latex: str,
                          asked: tuple[sp.Expr, sp.Expr] | None) -> None:
    """``\\frac{\\partial MSE}{\\partial \\hat{y}_i} = \\frac{\\partial}{\\partial \\hat{y}_i} \\frac{1}{2n}\\sum ...``: a name
    nobody defined, differentiated, is what the chain differentiates next by the same variable (noted); by the
    variable of the derivative ``asked`` (--of), the member is that derivative (noted); with neither it is refused:
    undefined, it would not depend on the variable and its derivative would be 0."""
    first = next((m for m in members if isinstance(m.value, DerivativeOf)), None)
    name = first and _undefined(first.value.of, first.value.var, ctx, declared)
    if not name:
        return
    if asked is not None and asked[1] == first.value.var:  # --of names dJ/dw written out, the claim restates it
        members[members.index(first)] = Member(first.text, DerivativeOf(*asked), first.column, first.indices,
                                               first.axes)
        ctx.notes.append(f"{name} (not defined) read as what --of differentiates, by the same {asked[1]}")
        return
    later = next((m.value.of for m in members[members.index(first) + 1:] if isinstance(m.value, DerivativeOf)
                  and m.value.var == first.value.var and _undefined(m.value.of, m.value.var, ctx, declared) is None
                  and m.value.of != first.value.of), None)
    if later is None or not isinstance(first.value.of, sp.Symbol) or _free_indices(later):
        raise ParseError(f"{name} is not defined: give its definition ({name} = ...); undefined, it would not depend "
                         f"on {first.value.var} and its derivative would be 0", column=first.column, source=latex)
    ctx.definitions[name] = Definition(first.value.of, later)
    ctx.tensors.pop(name, None)
    ctx.notes.append(f"{name} (not defined) read as the expression the chain differentiates next")


def _lhs_name(p: _Parser) -> tuple[str, _Tok, list[sp.Expr], list[str] | None]:
    """Name, its indices and (for ``f(x) = ...``) its parameter names, read from a definition's left side."""
    braced = p.at("{")  # {Co} = ..., {z_L} = ...
    if braced:
        p.next()
    named = p.read_name(word=True)
    if named is None:
        raise _not_a_name(p)
    name, tok = named
    name, idxs, _ = p.indexing(name)
    if braced:
        p.expect("}")
    params = None
    if p.at("(") or (p.at("{") and p.peek(1).text == "("):
        braced = p.at("{")
        opened = p.pos + braced
        p.pos += 1 + braced
        params = []
        while True:
            named = p.read_name()
            if named is None or not (p.at(",") or p.at(")")):
                p.pos = _close(p.toks, opened)  # L(\mathbf{p(a)}, \mathbf{y}): its inputs named, not a function
                params = None
                break
            params.append(named[0])
            if not p.at(","):
                break
            p.next()
        p.expect(")")
        if braced:
            p.expect("}")
    return name, tok, idxs, params


def _close(toks: list[_Tok], opened: int) -> int:
    """The position of the ``)`` matching the ``(`` at ``opened``."""
    depth = 0
    for k in range(opened, len(toks)):
        depth += (toks[k].text == "(") - (toks[k].text == ")")
        if depth == 0:
            return k
    return len(toks) - 1


def names_itself(latex: str) -> bool:
    """Whether ``latex`` is a definition ``name = ...``: it has an = outside braces (the = of ``\\sum_{k=1}`` is
    not one), so that a loss written without ``L =`` is read as the loss."""
    try:
        return len(_split(_tokens(latex), {"="})) > 1
    except ParseError:
        return "=" in latex


@_reading
def parse_definition(latex: str, ctx: Context) -> Definition:
    """Read ``name = expression`` (``p_i = ...``, ``L = ...``, ``\\sigma(z) = ...``) and add it to ``ctx``. A chain
    ``name = A = B`` (a page restating its definition) defines ``name`` by the first side that reads, noted."""
    _no_equation_number(latex)
    toks = head_labels(layer_labels(_range_after(latex, subscript_moved(font_subscripts(_tokens(latex)), ctx, head=True), ctx), ctx), ctx)
    matmul_matrices(latex, ctx)
    square_matrices(toks, ctx)
    toks = argument_parameters(latex, sample_parameters(latex, toks, ctx), ctx)
    parts = _split(toks, {"="})
    if len(parts) < 2:
        return _unnamed_loss(latex, toks, ctx)
    if len(parts) == 2:
        try:
            return _define(latex, toks, ctx)
        except _Unnamed as e:
            return _stated(latex, parts, toks[-1], ctx, e)
    first = _named_at_end(latex, parts, toks[-1], ctx)
    if first is not None:
        return first
    abstract = [k for k in range(1, len(parts)) if any(  # f(w) = g(h(w)) = (y - Xw)^T(y - Xw), x\Phi(x), \varphi(v):
        (t.kind == "letter" and t.text in "fgh" or t.text[1:] in _GREEK and t.text != r"\sigma") and  # say nothing
        not ctx.known(t.text.lstrip("\\")) and n.text == "(" for t, n in itertools.pairwise(parts[k]))]  # (σ: sigmoid)
    named = [k for k in range(1, len(parts) - 1) if _new_name(parts[k][1:], ctx)]  # g(z) = a = max(0.01 z, z)
    reused = applied_sides(parts, ctx)  # y = f(u) = 1/u after f(x) = sigmoid: the explicit side first
    vacuous = {k: vacuous_sum(parts[k][1:]) for k in range(1, len(parts))}  # \sum_i (y - \hat y)^2: after the rest
    vector = transposed_sides(parts)  # p_i^T q_j = \sum_k p_ik q_kj: by the sum, which writes every index
    for k, side in sorted(enumerate(parts[1:], start=1), key=lambda kv: (
            bool(vacuous[kv[0]]), kv[0] in reused, kv[0] in named, kv[0] in abstract, kv[0] in vector)):
        try:
            d = _define(latex, parts[0] + side + toks[-1:], ctx)
        except ParseError as e:
            first = first or e
            continue
        text = source_text(latex, side[1:])
        ctx.notes.append(f"{d.name} defined by its side {k}, {text}; the other sides of its = chain are not checked")
        ctx.notes.extend(passed_over(vacuous, k))
        ctx.notes.extend(reuse_note(source_text(latex, parts[j][1:]), *reused[j], d.rhs, d.name, ctx)
                         for j in sorted(reused) if j != k)
        _functions_named(latex, parts, k, toks[-1], ctx)
        _names_defined(latex, [parts[j] for j in named if j != k], parts[k], toks[-1], ctx)
        return d
    if isinstance(first, _Unnamed):  # \tanh(x) = \frac{e^x - e^{-x}}{e^x + e^{-x}} = 2 \sigma(2x) - 1: by side 1
        return side_noted(_stated(latex, parts[:2], toks[-1], ctx, first), source_text(latex, parts[1][1:]), ctx)
    raise first


UNNAMED = "L"  # the name a definition written without one gets: the loss the claim's bare operator differentiates


def _unnamed_loss(latex: str, toks: list[_Tok], ctx: Context) -> Definition:
    """``\\frac1N \\|XW-Y\\|_F^2`` with no name (verify, where the claim names no head to give it): the loss, defined
    as L, noted; a derivative operator with nothing after it differentiates it. Refused where L is taken (a second
    definition without a name among them)."""
    if not ctx.stated_values or ctx.declared_elsewhere(UNNAMED):
        taken = f" ({UNNAMED} is taken: only one definition may go without a name)" if ctx.stated_values else ""
        raise ParseError(f"a definition needs an =: name = expression{taken}", column=1, source=latex)
    defn = _define(latex, [_Tok("letter", UNNAMED, toks[0].col), _Tok("sym", "=", toks[0].col), *toks], ctx)
    ctx.unnamed = UNNAMED
    ctx.notes.append(f"{source_text(latex, toks[:-1])} has no name: read as the loss, {UNNAMED}")
    return defn


def _functions_named(latex: str, parts: list[list[_Tok]], used: int, end: _Tok, ctx: Context) -> None:
    """``y = softplus(x) = f(x) = \\log(1 + e^{x})``: each other side that is a function head ``f(x)`` of a new name
    names the chain's last side too (noted), so that a claim may write ``f'(x)``."""
    for side in parts[1:-1]:
        name = function_head(latex, side[1:], ctx) if side is not parts[used] else None  # \mathrm{F}(\theta_0, \theta_1)
        if name is None or ctx.known(name):
            continue
        try:
            d = _define(latex, side[1:] + parts[-1] + [end], ctx)
        except ParseError:
            continue  # the name stays undefined: a claim that uses it is refused there
        ctx.notes.append(f"{d.name} defined by the chain's last side, {source_text(latex, parts[-1][1:])}")


def _new_name(side: list[_Tok], ctx: Context) -> bool:
    """Whether a side of a definition's ``=`` chain is one name nothing defines (the ``a`` of ``g(z) = a = ...``)."""
    return len(side) == 1 and side[0].kind == "letter" and not ctx.known(side[0].text)


def _names_defined(latex: str, sides: list[list[_Tok]], value: list[_Tok], end: _Tok, ctx: Context) -> None:
    """``g(z) = a = \\max(0.01 z, z)``: a new name in the chain's middle is defined by the side that defines the head
    (noted), not the head by the name: read ``g(z) = a``, g would not depend on z."""
    for side in sides:
        try:
            d = _define(latex, side[1:] + value + [end], ctx)
        except ParseError:
            continue  # the name stays undefined: a claim that uses it is refused there
        ctx.notes.append(f"{d.name} defined by the chain's side {source_text(latex, value[1:])}, as the head is")


def _define(latex: str, toks: list[_Tok], ctx: Context) -> Definition:
    """One definition ``name = ...``: an element, a scalar or array node, or a function of its parameters."""
    p = _Parser(latex, toks, ctx)
    name, tok, idxs, params = _lhs_name(p)
    name, idxs = _parameter_subscripts(p, *_label_subscript(p, name, idxs), params)
    if name in ctx.definitions:  # a page restating it in another form (read.restated_definitions)
        return restated(latex, toks, ctx, _define, p.error(f"{name} is defined twice", tok))
    _inputs_written(p, tok, name, params)
    squared = _squared(p)
    if squared and not idxs and params is None and p.at("_"):  # \sigma^2_j = ...: the square of sigma_j
        name, idxs, _ = p.indexing(name)
    if p.at("^"):
        raise _superscript(p, name, tok)
    eq = p.expect("=")
    params, idxs = _parameters_or_indices(p, name, params, idxs, tok)
    p.params = _local_parameters(p, params) if params is not None else {}
    own = {q for q in p.params if isinstance(ctx.tensors.get(q), sp.IndexedBase)}  # sigma(x) beside an input x
    p.protected = {i for i in idxs if isinstance(i, sp.Idx)}
    lhs = p.element(name, idxs, tok) if idxs else None
    rhs = p.expr()
    p.done()
    lhs = lhs if lhs is not None else _node(p, name, tok, rhs)
    mapping = p.resolve()
    lhs, value = lhs.xreplace(mapping), logdet_folded(rhs.expr.xreplace(mapping))
    if params is None and isinstance(lhs, sp.Symbol):
        lhs = _family(p, name, value, eq)
    lhs = labelled_head(name, lhs, value, ctx)
    _check_value(latex, name, lhs, value, eq, params is None)
    if squared:  # e^2 = ...: e the nonnegative root; of a square, e^2 = (r - y)^2, refused naming both roots
        value = square_root(p, latex, name, tok, eq, value)
    p.commit(mapping)
    ctx.tensors.pop(name, None)
    defn = Definition(lhs, value)
    _insert(ctx, defn)
    if is_template(latex, ctx) and latex not in ctx.layer_templates:
        ctx.layer_templates.append(latex)
    if params is not None:
        _row_of_a_number(p, name, params, rhs, tok)
        _function(ctx, name, params, own, value)
    return defn


def _row_of_a_number(p: _Parser, name: str, params: list[str], rhs: _Val, tok: _Tok) -> None:
    """Refuse ``h(x) = \\theta^T x`` where nothing shapes the parameter x: read as a number, theta^T x is a row
    vector, theta_j x; the page means the inner product of two vectors, which x's declared shape gives."""
    numbers = [q for q in params if not isinstance(p.ctx.tensors.get(q), sp.IndexedBase)]
    if numbers and len(rhs.axes) == 2 and rhs.axes[0] is None and rhs.axes[1] is not None:
        q = numbers[0]
        error = p.error(f"{name}({', '.join(params)}) is a row vector with {q} read as a number (nothing declares its "
                        f"shape): a transposed vector times {q} is their inner product when {q} is a vector - declare "
                        f"it ({q} \\in \\mathbb{{R}}^{{n}})", tok)
        # judged as numbers and as vectors (verify.readings): the verdict stands where both readings agree
        rows = {str(b) for b in rhs.expr.atoms(sp.IndexedBase)} & {n for n, t in p.new_tensors.items() if len(t.shape) == 1}
        error.unshaped = (q, *sorted(rows - {q}))  # type: ignore[attr-defined]
        raise error


def _function(ctx: Context, name: str, params: list[str], own: set[str], value: sp.Expr) -> None:
    """Record the function ``name(params) = value``; a parameter no other input declares is a scalar only as the
    function's own (``s(x) = ...``, then ``\\sum_i s(w x_i)``: x_i is an input vector)."""
    fparams = tuple(ctx.tensors.get(q) if isinstance(ctx.tensors.get(q), sp.IndexedBase) and q not in own else
                    sp.Symbol(q) for q in params)
    for q in fparams:
        if name_of(q) not in ctx.tensors and isinstance(q, sp.Symbol):
            ctx.parameter_scalars.add(name_of(q))
        ctx.tensors.setdefault(name_of(q), q)
    ctx.functions[name] = Function(name, fparams, value)


def _inputs_written(p: _Parser, tok: _Tok, name: str, params: list[str] | None) -> None:
    """``l(\\mu, \\sigma^2) = ...``, inputs that are not all names: the claim may write the head so, meaning l."""
    head = p.toks[p.toks.index(tok):p.pos]
    if params is None and any(t.text == "(" and not _in_superscript(head, k) for k, t in enumerate(head)):
        record_head(head, source_text(p.src, head), name, p.ctx)


def _in_superscript(toks: list[_Tok], k: int) -> bool:
    """Whether ``toks[k]`` stands in a braced superscript: the sample label ``^{(i)}`` is no argument list."""
    depth = 0
    for j in range(k - 1, -1, -1):
        depth += {"}": 1, "{": -1}.get(toks[j].text, 0)
        if depth < 0:
            return j > 0 and toks[j - 1].text == "^"
    return False


class _Unnamed(ParseError):
    """A definition whose left side is an expression: ``parse_definition`` reads it as a stated value if it can."""


def _not_a_name(p: _Parser) -> ParseError:
    """The error for a definition whose left side is an expression (``\\|y - Xw\\|^2 = \\langle y - Xw, y - Xw \\rangle``):
    an equation stating a value names nothing unless the claim differentiates that expression (see ``_stated``)."""
    eq = _equals(p)
    if eq == p.pos or p.toks[eq].text != "=":
        return p.error("a definition starts with the name it defines")
    left = source_text(p.src, p.toks[p.pos:eq])
    t = p.toks[p.pos]
    return _Unnamed(f"{left} = ... states the value of an expression, not a definition: name it (L = {left}) and "
                    f"differentiate the name", column=t.col, source=p.src)


STATED = "lhs"  # the name a stated value E = R gives R: no name a page writes


def _stated(latex: str, parts: list[list[_Tok]], end: _Tok, ctx: Context, refused: ParseError) -> Definition:
    """``E = R`` with E an expression. R a new name (``\\nabla f(x) = S(x)``): the definition ``S(x) = \\nabla f(x)``
    written the other way round (noted). Otherwise R is defined under the name ``lhs`` and E, read, is kept in
    ``ctx.stated``: a claim that differentiates E differentiates ``lhs`` (verify decides, and notes it); E that
    does not read is refused as before."""
    left, right = parts[0], parts[1][1:]
    if right and _is_head(latex, right, end, ctx):
        defn = _define(latex, right + parts[1][:1] + left + [end], ctx)
        ctx.notes.append(f"{source_text(latex, left)} = {source_text(latex, right)} read as the definition of "
                         f"{defn.name}: the name stands on the right of its =")
        return defn
    if not ctx.stated_values or STATED in ctx.stated or ctx.declared_elsewhere(STATED):
        raise refused
    defn = _define(latex, [_Tok("letter", STATED, left[0].col)] + parts[1] + [end], ctx)
    try:
        value = _parse_value(latex, left + [end], ctx, strict=False)[0]
    except ParseError:
        value = None
    if value is None or value.free or not isinstance(value.expr, sp.Expr):
        del ctx.definitions[STATED]
        return _named_head(latex, parts, end, ctx, refused)
    ctx.stated[STATED] = (value.expr, source_text(latex, left))
    checked_stated_value(STATED, latex, ctx)  # \tanh(x) = a formula that is not tanh: two readings
    return defn


def _named_head(latex: str, parts: list[list[_Tok]], end: _Tok, ctx: Context, refused: ParseError) -> Definition:
    """``\\log{L(\\mu,\\sigma^2)} = R``, L defined nowhere: the head as written names R (logL), noted; else refused."""
    left, named = parts[0], unknown_application(parts[0], ctx)
    if named is None:
        raise refused
    (name, function), text = named, source_text(latex, left)
    defn = _define(latex, [_Tok("letter", name, left[0].col), *parts[1], end], ctx)
    record_head(left, text, name, ctx)
    ctx.notes.append(f"{text} = ... read as the definition of {name}, the value of that expression ({function} is "
                     f"defined nowhere); the claim's same expression is {name}")
    return defn


def _is_head(latex: str, side: list[_Tok], end: _Tok, ctx: Context) -> bool:
    """Whether ``side`` is only a definition's head (``S``, ``S(x)``) of a name nothing defined or declared."""
    name = _head_name(latex, side, end, ctx)
    return name is not None and not ctx.declared_elsewhere(name)


def _head_name(latex: str, side: list[_Tok], end: _Tok, ctx: Context) -> str | None:
    """The name ``side`` defines when it is only a definition's head (``S``, ``S(x)``, ``E_k``), else None."""
    p = _Parser(latex, side + [end], ctx)
    try:
        name, _, _, _ = _lhs_name(p)
    except ParseError:
        return None
    return name if p.peek().kind == "end" else None


def _named_at_end(latex: str, parts: list[list[_Tok]], end: _Tok, ctx: Context) -> Definition | None:
    """``-\\log p(w_O|w_I) = -\\log \\sigma(u) - ... := E``: a chain that starts with an expression and ends with a
    new name (``:=``, ``=:``) defines the name by the side before it (negated for ``:= -E``), noted; None else."""
    last = [t for t in parts[-1][1:] if t.text != "."]
    last = last[1:] if last[:1] and last[0].text == ":" else last  # =: E
    sign = bool(last) and last[0].text == "-"
    head = last[sign:]
    if len(parts) < 3 or not head or not _is_head(latex, head, end, ctx) or _head_name(latex, parts[0], end, ctx):
        return None
    value = parts[-2][1:]
    at = value[0].col
    value = [_Tok("sym", "-", at), _Tok("sym", "(", at), *value, _Tok("sym", ")", at)] if sign else value
    defn = _define(latex, [*head, parts[-1][0], *value, end], ctx)
    ctx.notes.append(f"{source_text(latex, parts[-1][1:])} at the end of the = chain read as the name of its side "
                     f"{len(parts) - 2}, {source_text(latex, parts[-2][1:])}{' negated' if sign else ''}; the other "
                     "sides are not checked")
    return defn
