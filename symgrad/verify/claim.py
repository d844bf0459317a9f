"""A claim written in LaTeX read into a problem (``--given``, ``--define``, ``--assume``, ``--of``, ``--claim``)
and judged; bad input is the verdict unreadable, never an exception."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Any

import sympy as sp
from sympy.core.function import AppliedUndef

from ..errors import ParseError, SelfCheckError, ShapeMismatchError, SymgradError
from ..tensors import Definition, Node, indices_of, name_of
from .bare_definition import bare_definition
from .by_an_expression import by_an_expression
from .claim_labels import _without_label
from .claim_order import _functions_first, _names_a_derivative
from .claim_statements import _statements, _tokenizes
from .claim_structures import _structures_by_use
from .ill_shaped import ill_shaped
from .judging import judge
from .laplacian_reading import hessian_or_laplacian
from .mean_readings import both_readings
from .of_claim_head import restated_by_claim
from .of_inputs import defined_inputs
from .of_shape import by_shape
from .printing import _text
from .problem import _free_indices, _rename_bound, _tensors_in
from .proof import _is_zero
from .readings import read_again
from .sizes_unified import unified
from .symmetric_readings import symmetric_or_general
from .verdict import Verdict, VerifyError

_GREEK = {"alpha", "beta", "gamma", "delta", "theta", "lambda", "mu", "sigma", "Sigma", "tau", "phi", "omega", "eta",
          "Theta", "Lambda", "Phi", "Omega"}  # a variable's name that LaTeX spells with a backslash


_BRACED = r"(?:[^{}]|\{[^{}]*\})+"  # one level of braces inside: \mathbf{x}
_JACOBIAN = re.compile(rf"\s*(?:\\mathbf\{{J\}}|\\mathcal\{{J\}}|J)_(?:\{{(?P<by>{_BRACED})\}}|(?P<by1>\\?[A-Za-z]+))\s*"
                       r"(?:\((?P<ofp>[^()]+)\)|(?P<of>\\?[A-Za-z]+(?:\{[^{}]*\})?))\s*")


_UNRANGED = re.compile(r"cannot tell the range of index|is not an index here")
_UNBOUNDED_SUM = re.compile(r"\\sum(?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z]))?(?!\s*[\^_])")


def verify(claim: str, of: str | None = None, define: Sequence[str] = (), given: Sequence[str] = (),
           assume: Sequence[str] = (), timeout: float = 3.0, convention: str | None = None) -> Verdict:
    """Judge a hand derivation written in LaTeX (see the module docstring for the verdicts).

    ``claim`` may be a chain ``A = B = C``; ``of`` names the derivative (``\\frac{\\partial p_i}{\\partial a_j}``)
    when the claim does not start with it; ``define`` are equations naming things (``p_i = ...``),
    ``given`` shapes, ranges and constraints (a declared domain keeps the search for a counterexample inside it),
    ``assume`` a case (``i = j``); ``convention="symmetric"`` judges a gradient by a declared symmetric matrix
    by G + G^T - diag G instead of the unconstrained G (see ``judging.judge``). Never raises for bad input:
    an unreadable input gives the verdict "unreadable" with the column and the reason. Raises ``SelfCheckError``
    only when the engine's derivative disagrees with the definitions (a bug in symgrad, never a verdict).
    """
    from .. import parse
    from ..read.assumed_case_lists import each_case
    from ..read.given_derivatives import stated_derivative
    from ..read.given_signatures import signature_arguments
    from ..read.prose_inline import formulas_out_of_text
    from ..read.words_cjk import kinds_in_cjk

    claim, define, assume = formulas_out_of_text(claim), [formulas_out_of_text(t) for t in define], each_case(assume)
    claim, of, define, by_notes = by_an_expression(claim, of, define)  # dZ/d(XW + b): by a name for XW + b
    given = [kinds_in_cjk(text) for text in given]  # X是一个常数矩阵: X is a constant matrix
    given = [*given, *signature_arguments(given, define)]  # f : R^{n x n} -> R with f(A) = ... in --define: A's space
    stated = stated_derivative(given, define)
    if stated is not None:  # f'(x) = f(x)(1 - f(x)) beside f(x) = ...: judged first, as a claim of its own
        return _stated_first(*stated, claim, of, define, given, assume, timeout, convention)
    worded = _relation_in_words(given)
    if worded is not None:  # "d(a, p): distance between ...": judged under each reading the words allow
        return _each_reading(worded, claim, of, define, given, assume, timeout, convention)
    ctx = parse.Context(notes=by_notes)
    stage = ["--given"]
    try:
        members, derivative, assumptions = _read(parse, ctx, stage, claim, of, define, given, assume)
        stage[0] = ""
        definitions, members = _derivative_names(list(ctx.definitions.values()), members, parse.DerivativeOf)
        if derivative is None:
            derivative = _derivative_in(members, ctx)
        of_node, var = derivative
        of_node, members = _stated_value(of_node, members, ctx)
        if isinstance(of_node, sp.Basic) and of_node.atoms(sp.Derivative):
            raise VerifyError("a derivative of an expression that holds a derivative (a higher derivative) is not "
                              "supported: claim one first derivative at a time")
        if not isinstance(of_node, (sp.Indexed, sp.Symbol)) or name_of(of_node) not in ctx.definitions:
            of_node, extra = _named(of_node, definitions)
            definitions += extra
            ctx.notes += [f"{_text(d.lhs)} names {_text(d.rhs)}, the expression differentiated" for d in extra]
        from ..read.late_functions import applied_late

        definitions = _functions_used(applied_late(definitions, ctx.functions), members, of_node, ctx.functions)
        marked = [(text, _marker(value), array) for text, value, array in members]
        definitions = _bound_apart(definitions, marked, of_node, var)
        # a case written after a claim (", i \ne j") is in ctx.assumptions too; one written i = j the reader has
        # already put into the members, so only the others are added
        written = [rel for rel in ctx.assumptions if rel not in assumptions and not isinstance(rel, sp.Eq)]
        assumptions, marked = _cases_in_the_derivative(assumptions, of_node, var, marked, ctx.notes)
        definitions, marked, of_node, var, constraints, assumptions = unified(
            definitions, marked, of_node, var, ctx.constraints, assumptions, [claim, of or "", *define, *given, *assume],
            ctx.notes)
        verdict = judge(marked, of_node, var, definitions, constraints, assumptions + written, timeout,
                        convention, ctx.domains)
        verdict = both_readings(verdict, var, ctx, [d.rhs for d in definitions] + [m[1] for m in marked], given,
                                [claim, of or "", *define, *given, *assume],
                                lambda mean: verify(claim, of, [*define, mean], given, assume, timeout, convention))
        verdict = symmetric_or_general(verdict, var, given, lambda fact: verify(claim, of, define, [*given, fact], assume,
                                                                                timeout, convention))
        verdict = hessian_or_laplacian(verdict, marked, ctx.notes)  # \nabla^2 f(x) = 2n: the Laplacian too
        if ctx.notes:  # readings the context decided (e as a name, a definition restated in a chain, ...)
            verdict.message = " ".join([verdict.message, *(f"[read: {note}]" for note in ctx.notes)]).strip()
        return verdict
    except ParseError as e:
        # (y - Xw)^T(y - Xw) of undeclared names: the arrays the convention makes them; e-x copied without its
        # superscript: judged as e - x and as e^{-x}, answered where they agree
        retried = read_again(e, claim, of, define, given, assume, lambda *a: verify(*a, timeout, convention))
        return retried or _unread(e, stage[0], ctx.notes, given, define)
    except SelfCheckError:  # the engine disagrees with the definitions: a bug in symgrad, never a verdict
        raise
    except SymgradError as e:
        return Verdict("unreadable", message=str(e))


def _unread(e: ParseError, stage: str, notes: list[str], given: Sequence[str], define: Sequence[str]) -> Verdict:
    """The verdict for an input the reader could not read: wrong where the claim cannot be formed with the sizes
    declared (wrong as written), else unreadable, naming the input."""
    shaped = isinstance(e, ShapeMismatchError) and ill_shaped(e, stage, given, define)
    if shaped:
        shaped.message = " ".join([shaped.message, *(f"[read: {note}]" for note in notes)])
        return shaped
    where = f" (in {stage})" if stage else ""
    return Verdict("unreadable", message=f"{e}{where}", column=e.column)


def _relation_in_words(given: Sequence[str]) -> tuple[int, list[tuple[str, str]]] | None:
    """The first fact that names a relation in words (``d(a, p): distance between the anchor and positive``), by its
    place among the facts, with the definitions it may mean; None when there is none."""
    from ..read.words_relations import relation_in_words

    return next(((k, readings) for k, text in enumerate(given) if (readings := relation_in_words(text))), None)


def _stated_first(k: int, by: str | None, claim: str, of: str | None, define: Sequence[str], given: Sequence[str],
                  assume: Sequence[str], timeout: float, convention: str | None) -> Verdict:
    """The verdict with the fact ``given[k]``, a derivative of a defined function (or of one symgrad knows, by the
    variable ``by`` only the fact introduces, a number there), judged first against the definitions: one that
    holds says nothing more and is noted; one that does not is refused, never used."""
    rest = [text for j, text in enumerate(given) if j != k]
    check = verify(given[k], None, define, [*rest, *([rf"{by} \in \mathbb{{R}}"] if by else [])], assume, timeout,
                   convention)
    said = " ".join(given[k].split())
    if check.verdict not in ("proved", "agrees"):
        return Verdict("unreadable", column=1, message=f"'{said}' (among the facts) states a derivative of a "
                       f"{'known' if by else 'defined'} function, judged against its definition: {check.verdict} "
                       f"({check.message.split(' [read:')[0]}); give it as the claim, or leave it out (in --given)")
    verdict = verify(claim, of, define, rest, assume, timeout, convention)
    verdict.message = f"{verdict.message} [read: '{said}' (among the facts) checked against the definitions: " \
                      f"{check.verdict}, so it adds nothing]".strip()
    return verdict


def _each_reading(worded: tuple[int, list[tuple[str, str]]], claim: str, of: str | None, define: Sequence[str],
                  given: Sequence[str], assume: Sequence[str], timeout: float, convention: str | None) -> Verdict:
    """The verdict under each definition a relation in words may mean: said where they agree (the weakest of them,
    noted), refused naming the readings where they do not."""
    k, readings = worded
    rest = [text for j, text in enumerate(given) if j != k]
    verdicts = [verify(claim, of, [spelled, *define], rest, assume, timeout, convention) for spelled, _ in readings]
    said = "; ".join(f"{words}, {spelled}" for spelled, words in readings)
    unread = next((v for v in verdicts if v.verdict == "unreadable"), None)
    if unread is not None:
        return unread
    if len({v.exit_code for v in verdicts}) > 1:
        return Verdict("unreadable", column=1, message=f"'{given[k].strip()}' has {len(readings)} readings ({said}) and "
                       "they give different verdicts: write the definition you mean (in --given)")
    verdict = next((v for v in verdicts if v.verdict == "agrees"), verdicts[0])
    reading = f"each of its {len(readings)} readings ({said}) gives this verdict" if len(readings) > 1 else f"read as {said}"
    verdict.message = f"{verdict.message} [read: '{given[k].strip()}': {reading}]".strip()
    return verdict


def _read(parse: Any, ctx: Any, stage: list[str], claim: str, of: str | None, define: Sequence[str],
          given: Sequence[str], assume: Sequence[str]) -> tuple[list, tuple | None, list[sp.Basic]]:
    """The claim's members, the derivative ``--of`` names (or None) and the cases assumed, read in the order that
    lets each input use the others; ``stage`` says which input is being read (for the unreadable verdict)."""
    from ..read.shapes_claimed import claim_shapes
    from ..read.shapes_prescan import declare_indexed

    declare_indexed(ctx, [claim, of or "", *define, *given, *assume], [*define, *given])  # y_n anywhere: y is a vector everywhere
    assumptions, later = _read_context(parse, ctx, stage, of or claim, define, given, assume)
    stage[0] = "--given"
    structured = list(ctx.structured)
    ctx.settle()  # facts that wait for the definitions: dL/dy = g, y one-hot, A = A^T
    stage[0] = "--of"
    from ..read.sentences import claim_in_sentence

    sentence = claim_in_sentence(claim) if of is None else None
    if sentence is not None:  # "The gradient of $f$ with respect to $X$ is $C$"
        claim, of, note = sentence
        ctx.notes.append(note)
    of = None if of and restated_by_claim(of, claim, ctx) else of
    claim = _without_label(claim, ctx, of)
    stage[0] = "--claim"
    if _tokenizes(claim):  # prose around the formula (损失函数的导数为 $2wx$) is the claim reader's to take apart
        claim = claim_shapes(claim, ctx)  # x^T(B + B^T), \ \ x \in \mathbb{R}^{a}: the facts written after the value
    stage[0] = "--of"
    derivative = _derivative_of(parse, of, ctx, claim) if of else None
    stage[0] = "--claim"
    members = [(m.text, m.value, m.indices) for m in parse.parse_claim(claim, ctx, asked=derivative)]
    members, derivative = _structures_by_use(ctx, structured, members, derivative)
    # parse_claim names an array member's axes after the derivative, in order; read it again alone
    # to keep its own axes, so that a transposed claim shows as a layout difference
    members = [(text, *_own_axes(text, ctx, parse)) if array and not _is_derivative(value)
               else (text, value, array) for text, value, array in members]
    stage[0] = "--assume"
    assumptions += [parse.parse_assumption(text, ctx) for text in later]
    _matrices_as_said(ctx, stage)
    return members, derivative, [a for a in assumptions if a is not sp.true]


def _read_context(parse: Any, ctx: Any, stage: list[str], target: str, define: Sequence[str], given: Sequence[str],
                  assume: Sequence[str]) -> tuple[list[sp.Basic], list[str]]:
    """The facts, the definitions and the cases assumed, in the order that lets each use the others (``target``: the
    derivative asked, or the claim); the cases read, and those that wait for the claim's indices."""
    assume = list(assume)
    named = [text for text in given if _names_a_derivative(text, define)]  # \delta^l_j \equiv \frac{\partial C}{...}
    later_facts = _facts_first(parse, ctx, _outputs(parse, ctx, [t for t in given if t not in named], target), assume)
    stage[0] = "--define"
    # L = ... \text{ where } p = ..., y is one-hot: the clauses, then the definition; two definitions in one, each
    from ..read.definition_memberships import defined_space, memberships_read
    for text in _functions_first(memberships_read([part for whole in define for part in _statements(whole)], ctx)):
        if not _repeated(parse, text := defined_space(text, ctx), target, ctx):
            assume += parse.parse_statement(text, ctx, unnamed=_unnamed_head(parse, text, target, ctx))[1]
    stage[0] = "--given"
    for text in named:
        assume += parse.parse_statement(text, ctx)[1]
        ctx.notes.append(f"{' '.join(text.split())} (among the facts) read as a definition: a name for a derivative of "
                         "a defined name")
    stage[0] = "--given"
    _facts_after_definitions(parse, ctx, later_facts)
    stage[0] = "--assume"
    assumptions, later = [], []
    for text in assume:
        try:
            assumptions.append(parse.parse_assumption(text, ctx))
        except ParseError as e:  # i \neq d before the claim says what i and d run over: read after it
            if not str(e).startswith("cannot tell the range of index"):
                raise
            later.append(text)
    return assumptions, later


def _matrices_as_said(ctx: Any, stage: list[str]) -> None:
    """Refuse where a fact in words said a name is a matrix (or a vector) and the claim and definitions read it as
    something else (``A is a given matrix`` with nothing in ``X^T X - A`` that makes A one): judged so, the verdict
    would not be about the page's matrix."""
    from ..read.prose_matrices import read_otherwise

    otherwise = read_otherwise(ctx.notes, ctx.tensors)
    if otherwise is not None:
        name, kind, read = otherwise
        stage[0] = "--given"
        space = r"\mathbb{R}^{m \times n}" if kind == "matrix" else r"\mathbb{R}^{n}"
        raise ParseError(f"{name} is said a {kind} in words, but nothing in the formulas makes it one (read there, it "
                         rf"is {read}): declare its shape ({name} \in {space})", column=1)


def _facts_first(parse: Any, ctx: Any, given: Sequence[str], assume: list[str]) -> list[str]:
    """Read the facts that come before the definitions (shapes: they decide how the definitions read), a case given
    as a fact into ``assume``; return those that wait for the definitions, in the order to read them."""
    from ..read.facts import antiderivative
    from ..read.given_chains import definition_chain
    from ..read.words_dependencies import dependencies

    waiting = [text for text in given if _UNBOUNDED_SUM.search(text) and "=" in text]  # \sum_i y_i = 1: i's range
    rates = [text for text in given if antiderivative(text, ctx) is not None]  # d\mu/dx_i = 1/N, \mu undefined
    depending = [text for text in given if dependencies(text) or definition_chain(text)]  # after the definitions
    unranged = []
    for text in given:
        if parse.is_case(text, ctx):
            assume.append(text)  # "for $i \neq j$" given as a fact
        elif text not in waiting + rates + depending:
            try:
                parse.parse_given(text, ctx)
            except ParseError as e:  # z^i = \sigma(\alpha^T x^i): i's range is the definitions' (\sum_{i=1}^m)
                if "=" not in text or not _UNRANGED.search(str(e)):
                    raise
                unranged.append(text)
    return list(dict.fromkeys(waiting + rates + depending + unranged))


def _outputs(parse: Any, ctx: Any, given: Sequence[str], derivative: str) -> list[str]:
    """Read the facts that name the output of what the claim differentiates (``where $Y$ is saved output``) as its
    definition, noted; return the other facts."""
    from ..read.words_roles import output_definition, output_in_words

    for text in given:
        if output_in_words(text):
            spelled, note = output_definition(text, derivative)
            ctx.notes.append(note)
            parse.parse_definition(spelled, ctx)
    return [text for text in given if not output_in_words(text)]


def _facts_after_definitions(parse: Any, ctx: Any, texts: list[str]) -> None:
    """The facts that wait for the definitions: a constraint over a sum without bounds (its range is the definitions'),
    a rate of a name still defined nowhere (read as the function with that rate), a dependency in words, a chain of
    function heads and one formula."""
    from ..read.facts import antiderivative

    for text in texts:
        spelled = antiderivative(text, ctx)
        if _chain(parse, ctx, text):
            continue
        if spelled is None:
            parse.parse_given(text, ctx)
        else:
            ctx.notes.append(spelled[1])
            parse.parse_definition(spelled[0], ctx)


def _chain(parse: Any, ctx: Any, text: str) -> bool:
    """``f(x) = \\frac{1}{1 + e^{-x}} = \\sigma(x)`` among the facts: each head nothing defines is defined by the formula;
    a head a definition gives keeps it (the page reused the name), noted. False when ``text`` is no such chain."""
    from ..read.given_chains import definition_chain

    chain = definition_chain(text)
    if chain is None:
        return False
    heads, formula = chain
    for name, head in heads:
        if name in ctx.definitions:
            ctx.notes.append(f"{' '.join(text.split())} (among the facts): {head} is defined by --define, which reuses "
                             f"the name; this {head} = {formula} is set aside")
            continue
        parse.parse_definition(f"{head} = {formula}", ctx)
        ctx.notes.append(f"{' '.join(text.split())} (among the facts) read as the definition {head} = {formula}")
    return True


_DIFFERENTIATED = re.compile(r"^\s*\$*\s*\\d?frac\s*\{\s*(?:\\partial|d)\s*((?:[^{}]|\{[^{}]*\})+?)\s*\}\s*\{\s*(?:\\partial|d)"
                             r"|^\s*\$*\s*\\partial\s*(\S+?)\s*/\s*\\partial")


def _unnamed_head(parse: Any, text: str, derivative: str, ctx: Any) -> str | None:
    """The name a definition written without one (``\\frac{1}{N}\\sum_i (x_i - \\mu)^2``) defines: the name nothing
    defines that the claim (or ``--of``) differentiates first (``\\frac{\\partial S^2}{\\partial x_i}``), noted; None
    when the definition names itself or the claim names no such head."""
    if _named_in_words(parse, text):
        return None
    m = _DIFFERENTIATED.match(derivative)
    head = (m[1] or m[2]).strip() if m else None
    if not head or ctx.known(head.split("^")[0].strip("{} \\")):
        return None
    ctx.notes.append(f"the definition {' '.join(text.split())} has no name: read as the definition of {head}, which "
                     "the claim differentiates")
    return head


def _named_in_words(parse: Any, text: str) -> bool:
    """Whether ``text`` names what it defines, with an = or in words (``L \\text{ would be } ...``)."""
    from ..read.words_definitions import definition_in_words

    return parse.names_itself(definition_in_words(text)[0])


def _repeated(parse: Any, text: str, derivative: str, ctx: Any) -> bool:
    """Whether ``text`` is a definition without a name whose expression the claim (or ``--of``) differentiates as
    written (``--of '\\frac{\\partial}{\\partial x_i} E'`` with E the definition): read there, noted."""
    if _named_in_words(parse, text) or "".join(text.split()).strip("$") not in "".join(derivative.split()):
        return False
    ctx.notes.append(f"the definition {' '.join(text.split())} has no name: it is the expression the claim "
                     "differentiates, read there")
    return True


def _derivative_names(definitions: list[Definition], members: list, derivative_of: type) -> tuple[list, list]:
    """Names for derivatives (``J_{ij} = \\frac{\\partial p_i}{\\partial z_j}``, ``\\delta_i = \\partial L/\\partial z_i``)
    are not nodes of the loss: each use in the claim becomes the derivative itself (a member that is one is the
    derivative written out), and the definitions keep only the loss."""
    named = {d.name: d for d in definitions if isinstance(d.rhs, sp.Derivative) and len(d.rhs.variables) == 1}
    if not named:
        return definitions, members

    def spelled(e: Any) -> Any:
        if not isinstance(e, sp.Basic):
            return e
        hits = {}
        for node in e.atoms(sp.Indexed, sp.Symbol):
            d = named.get(name_of(node))
            if d is not None and isinstance(node, sp.Indexed) and len(node.indices) == len(d.indices) and d.indices:
                hits[node] = d.at(*node.indices)
            elif d is not None and not d.indices and type(node) is sp.Symbol:
                hits[node] = d.rhs
        return e.xreplace(hits)

    out = []
    for text, value, array in members:
        value = spelled(value)
        out.append((text, derivative_of(value.expr, value.variables[0]) if isinstance(value, sp.Derivative) else value,
                    array))
    return [d for d in definitions if d.name not in named], out


def _derivative_of(parse: Any, of: str, ctx: Any, claim: str = "") -> tuple[sp.Expr, sp.Expr]:
    """The derivative ``--of`` names; an expression without a derivative (``\\log \\det X``, as pages say "the
    derivative of log det X") is the derivative by its one variable, or by the one variable whose shape the claim's
    value has (``of_shape.by_shape``), noted; refused when that does not decide."""
    from ..read.sentences import derivative_in_words, unread_derivative_in_words

    if unread_derivative_in_words(of):
        raise ParseError(f"'{of.strip()}' names a derivative in words symgrad cannot read: write it "
                         r"(\frac{\partial p}{\partial z}) or as 'the derivative of $E$ with respect to $w$'",
                         column=1, source=of)
    spelled = derivative_in_words(of)
    if spelled is not None:
        ctx.notes.append(f"--of {of} read as {spelled}")
        of = spelled
    m = _JACOBIAN.fullmatch(of)
    if m and not ctx.known("J"):  # J_x y: the Jacobian of y by x
        y, x = m["of"] or m["ofp"], m["by"] or m["by1"]
        ctx.notes.append(f"--of {of} read as the Jacobian of {y} by {x}")
        return parse.parse_derivative(rf"\frac{{\partial {y}}}{{\partial {x}}}", ctx)
    try:
        return parse.parse_derivative(of, ctx)
    except ParseError as e:
        if not str(e).startswith("not a derivative"):
            raise
        value = parse.parse_expression(of, ctx, strict=False)
        if value.atoms(AppliedUndef):
            raise ParseError(r"not a derivative, and it applies a function nothing defines: write \frac{\partial y}"
                             r"{\partial x}", column=1, source=of) from None
        combined = _by_linearity(value)
        if combined is not None:  # -\\frac{d}{dx}(...): the derivative of minus it
            ctx.notes.append(f"--of {of} read as one derivative (of a sum of constant multiples: linearity)")
            return combined
        names = sorted({name_of(t) for t in _tensors_in(value)})
        inputs = defined_inputs(names, of, ctx)  # --of y, y defined: by what y is computed from, never by y itself
        names = inputs or names
        several = len(names) > 1
        names = by_shape(parse, of, value, claim, ctx, names) if several else names
        if len(names) != 1 or not (len(names[0]) == 1 or names[0] in _GREEK):
            raise ParseError(rf"not a derivative, and an expression of {', '.join(names) or 'no variable'}: say by "
                             rf"which (\frac{{\partial}}{{\partial w}} ... or \nabla_w ...)", column=1, source=of) from None
        if not several and not inputs:
            ctx.notes.append(f"--of {of} has no derivative: read as the derivative by {names[0]}, its only variable")
        var = names[0] if len(names[0]) == 1 else "\\" + names[0]
        return parse.parse_derivative(rf"\frac{{\partial}}{{\partial {var}}}\left({of}\right)", ctx)


def _stated_value(of: sp.Expr, members: list, ctx: Any) -> tuple[sp.Expr, list]:
    """A definition ``E = R`` stated a value (the reader named R ``lhs``): when the claim differentiates E, E is that
    quantity, an unnamed loss defined by R (noted), in the derivative and in every member written as it."""
    for name, (left, text) in ctx.stated.items():
        if name in ctx.definitions and isinstance(of, sp.Expr) and not _is_name(of, ctx) and _is_zero(left - of):
            node = ctx.definitions[name].lhs
            ctx.notes.append(f"{text} = ... read as the definition of what the claim differentiates ({text} is that "
                             f"quantity, named {name} here, defined by the right side)")
            return node, [(text_, type(value)(node, value.var) if _is_derivative(value) and isinstance(
                value.of, sp.Expr) and _is_zero(left - value.of) else value, array) for text_, value, array in members]
    return of, members


def _is_name(e: sp.Expr, ctx: Any) -> bool:
    return isinstance(e, (sp.Indexed, sp.Symbol)) and name_of(e) in ctx.definitions


def _functions_used(definitions: list[Definition], members: list, of: sp.Expr, functions: Any) -> list[Definition]:
    """The definitions without those of functions (``\\sigma(z) = ...``) that nothing names: a function is inlined where
    it is applied, and its parameter z must not meet a node z_i of the same name."""
    named = {name_of(of)} | {str(s) for d in definitions if d.name not in functions for s in d.rhs.free_symbols}
    for _, value, _ in members:
        for e in ((value.of, value.var) if _is_derivative(value) else (value,)):
            named |= {str(s) for s in e.free_symbols} if isinstance(e, sp.Basic) else set()
    kept = [d for d in definitions if d.name not in functions or d.name in named]
    while more := {str(s) for d in kept for s in d.rhs.free_symbols} - named:  # d(x) = s(x)(1 - s(x)) needs s
        named |= more
        kept = [d for d in definitions if d.name not in functions or d.name in named]
    return kept


def _bound_apart(definitions: list[Definition], marked: list, of: sp.Expr, var: sp.Expr) -> list[Definition]:
    """The definitions with their summation indices renamed away from the claim's indices, so that a derivative
    written in the claim (``\\frac{\\partial L}{\\partial z_i}`` with ``L = \\sum_i ...``) never meets its own index
    bound inside the definition it differentiates."""
    claimed = [value for _, value, _ in marked if isinstance(value, sp.Basic)]
    avoid = {str(i) for i in indices_of(of) + indices_of(var)} | {str(i.label) for v in claimed for i in v.atoms(sp.Idx)}
    everything = [*claimed, of, var, *(d.rhs for d in definitions), *(d.lhs for d in definitions)]
    taken = {str(s) for value in everything for s in value.atoms(sp.Symbol)}
    return [Definition(d.lhs, _rename_bound(d.rhs, avoid - {str(i) for i in d.indices}, taken)) for d in definitions]


def _cases_in_the_derivative(assumptions: list[sp.Basic], of: sp.Expr, var: sp.Expr, marked: list, notes: list[str]
                             ) -> tuple[list[sp.Basic], list]:
    """A case ``i = j`` whose j the derivative no longer has (``\\partial s_i / \\partial z_i`` with i = j assumed) is
    already written into it: j becomes i in the members too, and the case is dropped (noted)."""
    free = set(indices_of(of) + indices_of(var))
    written = set(indices_of(of)) & set(indices_of(var))  # \partial s_i / \partial z_i: i stands for both
    kept = []
    for a in assumptions:
        pair = a.args if isinstance(a, sp.Eq) and all(isinstance(x, sp.Idx) for x in a.args) else ()
        bound = {v for _, value, _ in marked for s in value.atoms(sp.Sum, sp.Product) for v in s.variables}
        gone = [x for x in pair if x not in free | bound and {y for y in pair if y != x} <= written]
        if len(pair) != 2 or len(gone) != 1:
            kept.append(a)
            continue
        (old,), (new,) = gone, [y for y in pair if y != gone[0]]
        marked = [(text, value.xreplace({old: new}), array) for text, value, array in marked]
        notes.append(f"the case {pair[0]} = {pair[1]} is already written into the derivative: {old} read as {new}")
    return kept, marked


def _is_derivative(value: Any) -> bool:
    return hasattr(value, "of") and hasattr(value, "var")


def _own_axes(text: str, ctx: Any, parse: Any) -> tuple[sp.Expr, tuple[sp.Idx | None, ...]]:
    """A member read alone: its value and its own axes (``(None, i)`` for a row vector when parse says so)."""
    (alone,) = parse.parse_claim(text, ctx)
    return alone.value, tuple(getattr(alone, "axes", alone.indices))


def _marker(value: Any) -> sp.Expr:
    """A parsed member as ``judge`` takes it: a written-out derivative becomes an unevaluated Derivative."""
    if _is_derivative(value):
        return sp.Derivative(value.of, value.var)
    return value


def _derivative_in(members: Sequence[tuple[str, Any, Any]], ctx: Any) -> tuple[sp.Expr, Node]:
    """The first derivative written in the chain: what the other members claim to equal."""
    for _, value, _ in members:
        if _is_derivative(value):
            return value.of, value.var
    combined = _by_linearity(members[0][1]) if members else None
    if combined is not None:
        ctx.notes.append(f"{members[0][0]} read as one derivative (of a sum of constant multiples: linearity)")
        return combined
    bare = bare_definition(ctx)
    if bare is not None:
        return bare
    raise VerifyError("the claim names no derivative: start it with \\frac{\\partial ...}{\\partial ...} = ... "
                      "or give --of")



def _by_linearity(value: Any) -> tuple[sp.Expr, Node] | None:
    """``-(\\frac{d}{dx} f + \\frac{d}{dx} g)`` as the derivative of ``-(f + g)`` by x: derivatives by one variable
    times factors that do not depend on it, added; None for anything else."""
    if not isinstance(value, sp.Expr) or not value.atoms(sp.Derivative):
        return None
    terms, var = [], None
    for term in sp.Add.make_args(sp.expand(value, deep=False, mul=True, multinomial=False, power_base=False,
                                           power_exp=False, log=False)):
        derivatives = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.Derivative)]
        if len(derivatives) != 1 or len(derivatives[0].variables) != 1 or var not in (None, derivatives[0].variables[0]):
            return None
        (d,) = derivatives
        var = d.variables[0]
        factor = term / d
        if factor.atoms(sp.Derivative) or name_of(var) in {name_of(a) for a in factor.atoms(sp.Indexed, sp.Symbol)}:
            return None
        terms.append(factor * d.expr)
    return sp.Add(*terms), var


def _named(expr: sp.Expr, definitions: Sequence[Definition]) -> tuple[Node, list[Definition]]:
    """A node standing for an inline expression: the definition it spells out, else a new one named ``f``."""
    free = list(_free_indices(expr).values())
    for d in definitions:
        if len(d.indices) == len(free) and _is_zero(d.at(*free) - expr if d.indices else d.rhs - expr):
            return (d.lhs.base[tuple(free)] if d.indices else d.lhs), []
        if isinstance(expr, sp.Symbol) and d.name == str(expr):
            return d.lhs, []
    taken = {d.name for d in definitions} | {str(s) for s in expr.atoms(sp.Symbol)} | {  # bound indices too: a sum
        str(s) for d in definitions for s in (d.lhs.atoms(sp.Symbol) | d.rhs.atoms(sp.Symbol))}  # over f took f's name
    names = itertools.chain(("f", "F"), (f"f{k}" for k in itertools.count(1)))
    name = next(n for n in names if n not in taken)  # never a name the user gave
    if not free:
        node = sp.Symbol(name)
        return node, [Definition(node, expr)]
    base = sp.IndexedBase(name, shape=tuple(i.upper for i in free))
    return base[tuple(free)], [Definition(base[tuple(free)], expr)]
