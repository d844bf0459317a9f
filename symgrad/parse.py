"""Read the LaTeX people write into symgrad's vocabulary (``IndexedBase``/``Idx``/``Sum``/``KroneckerDelta``).

Public API (calls build up one ``Context``, in order):

- ``Context()``: what is known so far: ``definitions`` (name -> ``Definition``), ``functions``
  (name -> ``Function``: ``\\sigma(z) = ...``, inlined at each use), ``tensors`` (name ->
  ``IndexedBase`` with shape, or ``Symbol`` for scalars), ``sizes``, ``ranges`` (index name -> ``Idx``),
  ``constraints``, ``domains`` and ``assumptions``; ``ctx.graph(target)`` gives a ``Graph``.
- ``parse_definition(latex, ctx) -> Definition``: ``p_i = ...`` gives ``Definition(p[i], rhs)``, ``L = ...``
  a scalar node, ``p = \\mathrm{softmax}(a)`` (an array) ``Definition(p[i], ...)``, ``\\sigma(z) = ...`` a
  function: ``Definition(sigma, rhs in z)``, and later ``\\sigma(t)`` is the right side with z -> t.
- ``parse_given(latex, ctx)``: shapes (``X \\in \\mathbb{R}^{n \\times d}``), index ranges
  (``i, j \\in \\{1, \\dots, n\\}``, ``1 \\le i \\le n``), domains (``y \\in \\{0, 1\\}``), constraints
  (``\\sum_{k=1}^n y_k = 1``).
- ``parse_assumption(latex, ctx) -> Eq | Ne`` between indices (``i = j``, ``i \\neq j``).
- ``parse_derivative(latex, ctx) -> (of, var)``: ``\\frac{\\partial p_i}{\\partial a_j}`` gives ``(p[i], a[j])``;
  also ``\\nabla_w L``, ``\\frac{dL}{dw}``, ``\\frac{\\partial}{\\partial w} L``, ``\\delta``/``δ`` for ∂.
  A whole tensor as variable (``\\partial L / \\partial W``) becomes an element with fresh indices.
- ``parse_expression(latex, ctx) -> Expr``; ``parse_claim(latex, ctx) -> list[Member]``: a chain
  ``A = B = C`` split at top-level ``=``; a ``Member`` unpacks as ``(text, value)`` where value is an
  ``Expr`` or a ``DerivativeOf`` marker when the member is the derivative itself.

Representation choices:

- Index notation is the native form: ``a_k`` bound by ``\\sum_{k=1}^N`` is ``a[k]`` with ``k = Idx(k, (1, N))``;
  ranges of indices without bounds come from tensor shapes, the context, or the only size in play.
- Vector/matrix notation is translated into index notation with fresh free indices when shapes are
  declared (``X^T(Xw - y)`` is ``Sum(X[k, i]*(Sum(X[k, l]*w[l]) - y[k]))`` with free ``i``). Juxtaposition of
  matrices is the matrix product, ``x^T w`` and ``x \\cdot w`` the dot product, ``\\odot``, ``*`` and
  juxtaposition of same-shaped vectors elementwise (the per-sample notation of the seed), powers of
  arrays elementwise. A member's free array indices are ``Member.indices``; ``parse_claim`` names them
  after the derivative in the chain (``of`` indices then ``var`` indices).
- A bare ``\\sum`` sums its body's array axes, else its only free index not bound outside it, else
  (the seed's ``\\sum[y-(xw+b)]^2``) treats undeclared ``x``, ``y`` and hat-y as per-sample vectors over
  ``n = 1..N``.
- ``\\log`` is the natural logarithm (the ML convention), ``\\log_b`` base b; ``\\sigma(x)`` is the
  logistic sigmoid unless defined; ``\\delta_{ij}`` is ``KroneckerDelta(i, j)``; ``y^{(i)}`` is a sample
  index; ``\\hat y`` is the name ``yhat``; ``\\mathbf``/``\\boldsymbol``/``\\vec`` do not change a name;
  ``f``, ``g``, ``h`` and parameterised names applied to ``(...)`` are functions, other
  names followed by ``(`` multiply; a model ``f_\\theta(x)`` (``f_{w}(x)``, ``h_\\theta(x^{(i)})``) is the abstract
  function ``f(x, theta)``: it depends on its parameter (a scalar ``Symbol``, or a declared tensor such as ``w``),
  so that ``\\frac{\\nabla f_\\theta(x)}{\\nabla\\theta}`` is ``Derivative(f(x, theta), theta)``; ``\\begin{cases}`` becomes a ``Piecewise``.
- Upright names (``\\operatorname``, ``\\mathrm``, ``\\text``) of known functions are those functions in any case, with or
  without parentheses (``\\operatorname{erf} x``, ``\\mathrm{ReLU}(z)`` is ``Max(0, z)``, ``softplus``, ``sgn``, ``arsinh``, ...);
  plain letters spelling one directly before ``(`` too (``erf(x)``); an unknown upright name applied to something
  (``\\mathrm{tr}(X)``, ``\\operatorname*{arg\\,max}_k``) is an error, never a product. ``\\sin^{-1} x`` is ``asin(x)`` (so for the
  trigonometric and hyperbolic functions), ``\\sin^2 x`` a power. The operators ``\\frac{d}{dz}``, ``\\frac{\\partial}{\\partial w}``,
  ``\\nabla_w`` apply to the whole product after them, up to the next top-level + or -. ``\\max(a, b)`` and ``\\min\\{a, b\\}`` of
  two values are read; a max over an index (``\\max_k a_k``) is an error.

Why not latex2sympy2 alone: it reads ``X^T`` as ``X``, ``y^{(i)}`` as a power, ``\\log`` as base 10,
``W_{ij}`` as one opaque symbol, rejects ``\\sum_i``, ``\\sum[...]``, ``\\odot`` and derivative fractions,
loses the order of matrix products and takes 10-170 ms a call. This module tokenises the source itself
(so every error has the column in the original LaTeX) and parses it with a small recursive-descent
parser that knows shapes and indices.

What latex2sympy2 is used for: its larger vocabulary of scalar functions. A command this parser does not know
(``\\arcsin``, ``\\arccos``, ``\\cot``, ``\\sec``, ``\\arcsinh``, ``\\binom{n}{k}``, ``\\lfloor x \\rfloor``, ``\\lvert x \\rvert``)
is looked up there, but only the command: the parser reads its arguments (names, indices, transposes, sample
superscripts, ``\\log``, all as above) and asks latex2sympy2 what ``\\arcsin(u)`` or ``\\binom{u}{v}`` is, with
placeholders. The answer is used only if it is a function of exactly those placeholders made of SymPy functions
(to latex2sympy2 ``\\coth u`` is cot(h u) and ``\\gcd(u, v)`` is 1: refused), applied to the arguments read here,
elementwise over arrays. When latex2sympy2 cannot read the command either, or its answer is refused, the error is
this parser's ``unknown command`` with its column. Giving latex2sympy2 the whole input and normalising its output
(``log(x, 10)`` to ``log(x)``, ``a_k`` to ``a[k]``) was not done: a normaliser cannot see what was already lost
(``X^T`` read as ``X``, ``y^{(i)}`` as a power), and every name would be read twice, by two grammars that disagree.
latex2sympy2 is imported (0.7 s: antlr) the first time an unknown command is met, never by ``import symgrad``,
and each command shape is asked once per process (10-250 ms).
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, field

import sympy as sp
from sympy.core.function import AppliedUndef

from .derivation import Graph
from .errors import ParseError, SymgradError
from .tensors import Constraint, Definition, indices_of, name_of, size

__all__ = [
    "Context",
    "DerivativeOf",
    "Function",
    "Member",
    "parse_assumption",
    "parse_claim",
    "parse_definition",
    "parse_derivative",
    "parse_expression",
    "parse_given",
]


@dataclass(frozen=True)
class Function:
    """A function defined as ``name(params) = body``, inlined with its arguments at each use."""

    name: str
    params: tuple[sp.Symbol, ...]
    body: sp.Expr


@dataclass
class Context:
    """Everything declared so far; each ``parse_*`` call reads it and adds to it."""

    definitions: dict[str, Definition] = field(default_factory=dict)
    functions: dict[str, Function] = field(default_factory=dict)
    tensors: dict[str, sp.IndexedBase | sp.Symbol] = field(default_factory=dict)
    sizes: dict[str, sp.Symbol] = field(default_factory=dict)
    ranges: dict[str, sp.Idx] = field(default_factory=dict)
    constraints: list[Constraint] = field(default_factory=list)
    domains: dict[str, sp.Set] = field(default_factory=dict)
    assumptions: list[sp.Rel] = field(default_factory=list)

    def known(self, name: str) -> bool:
        """Whether ``name`` was defined or declared (a claim may only use known names)."""
        return any(name in d for d in (self.definitions, self.functions, self.tensors, self.sizes, self.ranges))

    def graph(self, target: str | None = None) -> Graph:
        """The definitions as a ``Graph``; ``target`` defaults to the last definition."""
        if not self.definitions:
            raise ParseError("nothing is defined yet: give a definition such as L = ...")
        target = target or list(self.definitions)[-1]
        inputs = tuple(t for n, t in self.tensors.items() if n not in self.definitions)
        return Graph(tuple(self.definitions.values()), inputs, target, tuple(self.constraints))


@dataclass(frozen=True)
class DerivativeOf:
    """The derivative d(of)/d(var) itself, as written (``of`` may be a node or an inline expression)."""

    of: sp.Expr
    var: sp.Expr

    @property
    def free_indices(self) -> tuple[sp.Idx, ...]:
        """Indices of the derivative array: those of ``of`` then those of ``var`` (as ``Result``)."""
        return indices_of(self.of) + indices_of(self.var)


@dataclass(frozen=True)
class Member:
    """One member of a claim chain: its LaTeX text and value; unpacks as ``(text, value)``."""

    text: str
    value: sp.Expr | DerivativeOf
    column: int = 1
    indices: tuple[sp.Idx, ...] = ()  # free array indices of a vector/matrix-notation member
    axes: tuple[sp.Idx | None, ...] = ()  # its array axes as written: (i, None) a column, (None, i) a row

    def __iter__(self):
        return iter((self.text, self.value))


# ---------------------------------------------------------------------------------------------- tokens


@dataclass(frozen=True)
class _Tok:
    kind: str  # cmd, letter, digit, sym, end
    text: str
    col: int  # 1-based column in the original source


_UNICODE = {
    "−": "-", "–": "-", "∂": r"\partial", "Σ": r"\sum", "∑": r"\sum", "ᵀ": "^T", "δ": r"\delta", "σ": r"\sigma",
    "·": r"\cdot", "⋅": r"\cdot", "×": r"\times", "⊙": r"\odot", "∇": r"\nabla", "≠": r"\neq", "∈": r"\in",
    "ℝ": r"\mathbb{R}", "≤": r"\le", "≥": r"\ge", "…": r"\dots", "⋯": r"\dots", "²": "^2", "θ": r"\theta",
    "α": r"\alpha", "β": r"\beta", "λ": r"\lambda", "μ": r"\mu", "ε": r"\epsilon", "π": r"\pi", "η": r"\eta",
    "\u00a0": " ", "ŷ": r"\hat{y}", "‖": r"\|", "∞": r"\infty",
}
_SKIP = {
    r"\left", r"\right", r"\big", r"\Big", r"\bigg", r"\Bigg", r"\bigl", r"\bigr", r"\Bigl", r"\Bigr", r"\biggl",
    r"\biggr", r"\Biggl", r"\Biggr", r"\middle", r"\,", r"\;", r"\:", r"\!", "\\ ", r"\quad", r"\qquad",
    r"\displaystyle", r"\textstyle", r"\scriptstyle", r"\limits", r"\nolimits", r"\nonumber", r"\notag", "$",
    r"\(", r"\)", r"\[", r"\]", r"\mathstrut",
}
_SIZERS = {r"\left", r"\right", r"\big", r"\Big", r"\bigg", r"\Bigg", r"\bigl", r"\bigr", r"\Bigl", r"\Bigr",
           r"\biggl", r"\biggr", r"\Biggl", r"\Biggr", r"\middle"}
_DROP_ARG = {r"\tag": 1, r"\label": 1, r"\color": 1, r"\textcolor": 1, r"\colorbox": 1, r"\hspace": 1,
             r"\vspace": 1, r"\phantom": 1}
_TRANSPARENT_ENVS = {"aligned", "align", "align*", "split", "gathered", "gather", "gather*", "equation",
                     "equation*", "eqnarray", "eqnarray*", "multline", "multline*", "alignedat"}
_GREEK = {
    "alpha", "beta", "gamma", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota", "kappa",
    "lambda", "mu", "nu", "xi", "rho", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega", "Gamma",
    "Delta", "Theta", "Lambda", "Xi", "Phi", "Psi", "Omega", "sigma", "delta", "Sigma", "ell",
}
_DECORATIONS = {r"\hat": "hat", r"\widehat": "hat", r"\bar": "bar", r"\overline": "bar", r"\tilde": "tilde",
                r"\widetilde": "tilde", r"\dot": "dot"}
_FONTS = {r"\mathbf", r"\boldsymbol", r"\bm", r"\vec", r"\mathit", r"\mathnormal", r"\pmb", r"\mathcal",
          r"\mathscr", r"\boxed", r"\bbox", r"\mathsf", r"\mathbfit"}
_ONES = _FONTS | {r"\mathbb", r"\mathds", r"\mathbbm"}  # \mathbf{1}, \mathbb{1}: the ones vector
_NAMED = {r"\text", r"\mathrm", r"\operatorname", r"\textrm", r"\textit", r"\textbf", r"\mbox"}
_FUNCS = {"exp", "log", "ln", "softmax", "diag", "norm", "sigmoid", "tanh", "sqrt", "cosh", "sinh", "arctan"}
_OPS = {r"\cdot": "*", r"\times": "*", "*": "*", r"\odot": "odot", r"\circ": "odot", "/": "/", r"\div": "/"}
_RELS = {"=": "=", r"\neq": "!=", r"\ne": "!=", "<": "<", ">": ">", r"\le": "<=", r"\leq": "<=",
         r"\leqslant": "<=", r"\ge": ">=", r"\geq": ">=", r"\geqslant": ">=", r"\in": "in"}
_DIFFERENTIALS = {r"\partial", r"\nabla", r"\delta"}
_INDEX_POOL = "ijklmqrstuvgh"
_COMMAND = re.compile(r"\\([A-Za-z]+|.)")
# deeper nesting than any real formula; the recursive descent (and SymPy after it) would hit Python's recursion limit
_MAX_DEPTH = 50
# exact numbers past this many bits (10^{10^{10}}, 100000!) would take SymPy minutes or forever to compute
_MAX_BITS = 100_000


def _tokenize(src: str) -> list[_Tok]:
    """Tokens of ``src`` (Unicode mapped to LaTeX commands) with their 1-based columns, braces checked."""
    out: list[_Tok] = []
    pos = 0
    while pos < len(src):
        ch = src[pos]
        col = pos + 1
        if ch in _UNICODE:
            out.extend(_Tok(t.kind, t.text, col) for t in _tokenize(_UNICODE[ch]) if t.kind != "end")
            pos += 1
        elif ch.isspace():
            pos += 1
        elif ch == "\\":
            m = _COMMAND.match(src, pos)
            if not m:
                raise ParseError("a lone backslash", column=col, source=src)
            out.append(_Tok("cmd", m.group(0), col))
            pos = m.end()
            if m.group(1).isalpha() and src.startswith("*", pos):  # \tag*, \operatorname*
                pos += 1
        elif ch.isascii() and ch.isalpha():
            out.append(_Tok("letter", ch, col))
            pos += 1
        elif ch.isdigit():
            out.append(_Tok("digit", ch, col))
            pos += 1
        elif ch.isascii() and ch.isprintable():
            out.append(_Tok("sym", ch, col))
            pos += 1
        else:
            raise ParseError(f"unexpected character {ch!r}", column=col, source=src)
    _check_braces(out, src)
    out.append(_Tok("end", "", len(src) + 1))
    return out


def _check_braces(toks: list[_Tok], src: str) -> None:
    stack: list[_Tok] = []
    for t in toks:
        if t.text == "{":
            stack.append(t)
        elif t.text == "}":
            if not stack:
                raise ParseError("unbalanced braces: } without a matching {", column=t.col, source=src)
            stack.pop()
    if stack:
        raise ParseError("unbalanced braces: { is never closed", column=stack[-1].col, source=src)


def _group_end(toks: list[_Tok], start: int) -> int:
    """Index just past the brace group opening at ``start``."""
    depth = 0
    for k in range(start, len(toks)):
        if toks[k].text == "{":
            depth += 1
        elif toks[k].text == "}":
            depth -= 1
            if depth == 0:
                return k + 1
    return len(toks) - 1


def _arg_text(toks: list[_Tok], start: int) -> tuple[str, int]:
    """The raw text of the brace group at ``start`` and the index past it."""
    end = _group_end(toks, start)
    return "".join(t.text for t in toks[start + 1:end - 1]), end


def _clean(toks: list[_Tok], src: str) -> list[_Tok]:
    """Drop what only typesets (sizers, spacing, colours, tags, align markers) and check environments."""
    out: list[_Tok] = []
    k = 0
    in_cases = 0
    while k < len(toks):
        t = toks[k]
        if t.text in _SKIP:
            k += 1
            if t.text in _SIZERS and toks[k].text == ".":
                k += 1
            continue
        if t.text in _DROP_ARG and toks[k + 1].text == "{":
            k = _group_end(toks, k + 1)
            continue
        if t.text == r"\bbox" and toks[k + 1].text == "[":
            out.append(t)
            k += 2
            while toks[k].text != "]" and toks[k].kind != "end":
                k += 1
            k += 1
            continue
        if t.text in (r"\begin", r"\end") and toks[k + 1].text == "{":
            env, end = _arg_text(toks, k + 1)
            if env in _TRANSPARENT_ENVS:
                k = end
                if t.text == r"\begin" and env == "alignedat" and toks[k].text == "{":
                    k = _group_end(toks, k)
                continue
            if env != "cases":
                raise ParseError(f"environment {env} is not supported (write index notation)", column=t.col,
                                 source=src)
            in_cases += 1 if t.text == r"\begin" else -1
            out.append(_Tok("cmd", t.text + "{cases}", t.col))
            k = end
            continue
        if t.text in ("&", r"\\") and not in_cases:
            k += 1
            continue
        out.append(t)
        k += 1
    return out


# ---------------------------------------------------------------------------------------------- values


@dataclass(frozen=True)
class _Val:
    """A parsed value: a scalar expression, or an array element with its free axes.

    ``axes`` is () for a scalar, ``(i, None)`` for a column vector, ``(None, i)`` for a row vector,
    ``(i, j)`` for a matrix, and longer for derivatives of arrays by arrays.
    """

    expr: sp.Expr
    axes: tuple = ()

    @property
    def free(self) -> tuple[sp.Idx, ...]:
        return tuple(a for a in self.axes if a is not None)


def _extent(idx: sp.Expr) -> sp.Expr | None:
    if not isinstance(idx, sp.Idx):
        return None
    return idx.upper if idx.lower == 1 else idx.upper - idx.lower + 1


def _free_indices(e: sp.Expr) -> set[sp.Idx]:
    return {s for s in e.free_symbols if isinstance(s, sp.Idx)}


def _sigmoid(x: sp.Expr) -> sp.Expr:
    return 1 / (1 + sp.exp(-x))


def _relu(x: sp.Expr) -> sp.Expr:
    return sp.Max(0, x)


def _softplus(x: sp.Expr) -> sp.Expr:
    return sp.log(1 + sp.exp(x))


def _logit(x: sp.Expr) -> sp.Expr:
    return sp.log(x / (1 - x))


_ELEMENTWISE = {
    r"\exp": sp.exp, "exp": sp.exp, r"\log": sp.log, "log": sp.log, r"\ln": sp.log, "ln": sp.log,
    r"\tanh": sp.tanh, "tanh": sp.tanh, r"\sin": sp.sin, r"\cos": sp.cos, "sigmoid": _sigmoid,
    "sqrt": sp.sqrt, r"\cosh": sp.cosh, "cosh": sp.cosh, r"\sinh": sp.sinh, "sinh": sp.sinh,
    r"\tan": sp.tan, r"\arctan": sp.atan, "arctan": sp.atan,
    # known only by name: \operatorname{erf}(x), \mathrm{ReLU}(z) (any case), or plain letters right before (
    "erf": sp.erf, "erfc": sp.erfc, "sign": sp.sign, "sgn": sp.sign, "relu": _relu, "softplus": _softplus,
    "logit": _logit, "abs": sp.Abs, "floor": sp.floor, "ceil": sp.ceiling, "ceiling": sp.ceiling,
    "heaviside": sp.Heaviside, "sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "cot": sp.cot, "sec": sp.sec,
    "csc": sp.csc, "arcsin": sp.asin, "asin": sp.asin, "arccos": sp.acos, "acos": sp.acos, "atan": sp.atan,
    "arccot": sp.acot, "acot": sp.acot, "arsinh": sp.asinh, "arcsinh": sp.asinh, "asinh": sp.asinh,
    "arcosh": sp.acosh, "arccosh": sp.acosh, "acosh": sp.acosh, "artanh": sp.atanh, "arctanh": sp.atanh,
    "atanh": sp.atanh,
}
_NAMED_FUNCS = frozenset(k for k in _ELEMENTWISE if not k.startswith("\\")) - _FUNCS
# operators people write upright that symgrad does not support: an error even without parentheses (\mathrm{tr} X)
_OPERATORS = frozenset({"argmax", "argmin", "tr", "trace", "det", "rank", "logsumexp", "lse", "kl", "vec"})
# f^{-1} of these is the inverse function (the convention for trigonometric and hyperbolic functions)
_INVERSES = {"sin": sp.asin, "cos": sp.acos, "tan": sp.atan, "cot": sp.acot, "sec": sp.asec, "csc": sp.acsc,
             "sinh": sp.asinh, "cosh": sp.acosh, "tanh": sp.atanh}
_REL_CLASSES = {"=": sp.Eq, "!=": sp.Ne, "<": sp.Lt, ">": sp.Gt, "<=": sp.Le, ">=": sp.Ge}
_SAMPLE_NAMES = ("x", "y", "yhat")
_MODELS = ("f", "g", "h")  # names that, subscripted by a parameter, are models f_theta(x)

# A command this grammar does not know is read by latex2sympy2, but only the command: its arguments are read here
# and latex2sympy2 sees placeholders in their place (``\arctan(u)``), so it never reads a name, an index, a
# transpose or a sample superscript. Its answer is kept only if it is a function of exactly those placeholders
# made of SymPy's own functions: it reads ``\coth u`` as cot(h*u), ``\coth(u)`` as cot(h(u)), ``\gcd(u, v)`` as 1
# and ``\max(u)`` as u, and each of those is refused.
_PLACEHOLDERS = sp.symbols("u v w r s t")
_FOREIGN_CLOSERS = {r"\lfloor": r"\rfloor", r"\lceil": r"\rceil", r"\lvert": r"\rvert"}
_UNREADABLE = (sp.Derivative, sp.Integral, sp.Limit, sp.Sum, sp.Product, sp.Subs, sp.Order, sp.UnevaluatedExpr,
               sp.Indexed, sp.MatrixExpr)


def _rebuilt(e: sp.Basic) -> sp.Basic:
    """``e`` evaluated bottom-up (latex2sympy2 builds with ``evaluate=False``)."""
    return e.func(*map(_rebuilt, e.args)) if e.args else e


@functools.lru_cache(maxsize=256)
def _meaning(probe: str, arity: int) -> sp.Expr | None:
    """What latex2sympy2 reads ``probe`` (a command applied to the first ``arity`` placeholders) as; None when it
    cannot read it or reads anything but a function of exactly those placeholders."""
    try:
        from latex2sympy2 import latex2sympy  # 0.7 s to import (antlr): only once a command needs it

        e = latex2sympy(probe)
    except Exception:  # noqa: BLE001 - antlr and latex2sympy2 raise bare Exception, AttributeError, TypeError, ...
        return None
    if not isinstance(e, sp.Expr) or e in _PLACEHOLDERS:
        return None
    e = _rebuilt(e)
    if e.free_symbols != set(_PLACEHOLDERS[:arity]) or e.atoms(AppliedUndef) or e.has(*_UNREADABLE):
        return None
    return e


class _Parser:
    """Recursive descent over cleaned tokens; values know their indices and array axes."""

    def __init__(self, src: str, toks: list[_Tok], ctx: Context, *, strict: bool = False,
                 protected: tuple[sp.Idx, ...] = ()):
        self.src, self.toks, self.ctx, self.strict = src, toks, ctx, strict
        self.pos = 0
        self.binders: list[dict[str, sp.Idx]] = []
        self.pending: dict[str, sp.Idx] = {}
        self.pending_col: dict[sp.Dummy, int] = {}
        self.parent: dict[sp.Expr, sp.Expr] = {}
        self.new_tensors: dict[str, sp.IndexedBase] = {}
        self.new_scalars: dict[str, sp.Symbol] = {}
        self.sizes: dict[str, sp.Symbol] = {}
        self.opaque: set[str] = set()
        self.params: dict[str, sp.Symbol] = {}
        self.samples: tuple[str, ...] = ()
        self.protected = set(protected)
        self.lenient = 0
        self.index_mode = False  # in a case condition or assumption, unknown letters are indices
        self.bounded: list[sp.Idx] = []  # summation indices with explicit bounds, remembered for \sum_k later
        self.bars = 0  # depth inside |...| or \|...\|, where a bar closes instead of opening
        self.depth = 0  # nesting of factors being read, bounded by _MAX_DEPTH
        self.used = {t.text for t in toks if t.kind == "letter"} | set(ctx.ranges) | set(ctx.tensors)
        self.used |= set(ctx.definitions) | set(ctx.sizes)

    # ------------------------------------------------------------------ token helpers
    def peek(self, k: int = 0) -> _Tok:
        return self.toks[min(self.pos + k, len(self.toks) - 1)]

    def next(self) -> _Tok:
        t = self.peek()
        self.pos += 1
        return t

    def at(self, text: str) -> bool:
        return self.peek().text == text and self.peek().kind != "end"

    def expect(self, text: str, opened: _Tok | None = None) -> _Tok:
        if not self.at(text):
            t = self.peek()
            found = "the end" if t.kind == "end" else t.text
            why = f" to close {opened.text} at column {opened.col}" if opened else ""
            raise self.error(f"expected {text}{why}, found {found}", t)
        return self.next()

    def error(self, message: str, tok: _Tok | None = None) -> ParseError:
        return ParseError(message, column=(tok or self.peek()).col, source=self.src)

    def contiguous(self, k: int = 0) -> bool:
        """Whether token k+1 follows token k with no space (``loss`` is a word, ``l o s s`` is not)."""
        return self.peek(k + 1).col == self.peek(k).col + len(self.peek(k).text)

    # ------------------------------------------------------------------ sizes and indices
    def find(self, e: sp.Expr) -> sp.Expr:
        while e in self.parent:
            e = self.parent[e]
        return e

    def unify(self, a: sp.Expr | None, b: sp.Expr | None, tok: _Tok, what: str) -> None:
        if a is None or b is None:
            return
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if isinstance(ra, sp.Dummy):
            self.parent[ra] = rb
        elif isinstance(rb, sp.Dummy):
            self.parent[rb] = ra
        else:
            raise self.error(f"{what}: size {ra} does not match size {rb}", tok)

    def size(self, name: str) -> sp.Symbol:
        s = self.ctx.sizes.get(name) or self.sizes.get(name) or size(name)
        self.sizes[name] = s
        return s

    def index(self, name: str, tok: _Tok) -> sp.Idx:
        for scope in reversed(self.binders):
            if name in scope:
                return scope[name]
        if name in self.ctx.ranges:
            return self.ctx.ranges[name]
        if name not in self.pending:
            extent = sp.Dummy(f"size_{name}", integer=True, positive=True)
            self.pending[name] = sp.Idx(sp.Symbol(name, integer=True), (1, extent))
            self.pending_col[extent] = tok.col
        return self.pending[name]

    def fresh(self, extent: sp.Expr, preferred: str | None = None) -> sp.Idx:
        # the numbered names never run out: a 10,000-character input can need hundreds
        names = itertools.chain([preferred] * bool(preferred), _INDEX_POOL, (f"i{n}" for n in itertools.count(1)))
        name = next(n for n in names if n not in self.used)
        self.used.add(name)
        return sp.Idx(sp.Symbol(name, integer=True), (1, extent))

    # ------------------------------------------------------------------ names
    def lookup_base(self, name: str) -> sp.IndexedBase | sp.Symbol | None:
        if name in self.ctx.definitions:
            lhs = self.ctx.definitions[name].lhs
            return lhs.base if isinstance(lhs, sp.Indexed) else lhs
        return self.ctx.tensors.get(name) or self.new_tensors.get(name) or self.new_scalars.get(name)

    def element(self, name: str, idxs: list[sp.Expr], tok: _Tok) -> sp.Expr:
        base = self.lookup_base(name)
        if isinstance(base, sp.Symbol):
            raise self.error(f"{name} is a scalar: it takes no index", tok)
        if base is None:
            if self.strict and not self.lenient:
                raise self.error(f"name {name} is not defined", tok)
            shape = tuple(_extent(i) or sp.Dummy(f"size_{name}", integer=True, positive=True) for i in idxs)
            base = self.new_tensors[name] = sp.IndexedBase(name, shape=shape)
        shape = tuple(base.shape or ())
        if len(shape) != len(idxs):
            raise self.error(f"{name} takes {len(shape)} indices, got {len(idxs)}", tok)
        for i, extent in zip(idxs, shape):
            self.unify(_extent(i), extent, tok, f"index {i} of {name}")
        return base[tuple(idxs)]

    def array(self, base: sp.IndexedBase, tok: _Tok) -> _Val:
        shape = tuple(base.shape or ())
        if len(shape) > 2:
            raise self.error(f"{base} has {len(shape)} axes: write it with indices", tok)
        axes = tuple(self.fresh(e, "n" if self.samples else None) for e in shape)
        return _Val(base[axes], (axes[0], None) if len(axes) == 1 else axes)

    def bare(self, name: str, tok: _Tok) -> _Val:
        if name in self.params:
            return _Val(self.params[name])
        for scope in reversed(self.binders):
            if name in scope:
                return _Val(scope[name])
        if name in self.samples and self.lookup_base(name) is None:
            self.new_tensors[name] = sp.IndexedBase(name, shape=(self.size("N"),))
        base = self.lookup_base(name)
        if isinstance(base, sp.IndexedBase):
            return self.array(base, tok)
        if base is not None:
            return _Val(base)
        if name in self.ctx.sizes or name in self.sizes:
            return _Val(self.size(name))
        if name in self.ctx.ranges:
            return _Val(self.ctx.ranges[name])
        if name in ("e", "pi"):
            return _Val(sp.E if name == "e" else sp.pi)
        if self.index_mode and len(name) == 1:
            return _Val(self.index(name, tok))
        if self.strict and not self.lenient:
            raise self.error(f"name {name} is not defined", tok)
        sym = self.new_scalars[name] = sp.Symbol(name)
        return _Val(sym)

    def read_name(self, *, word: bool = False) -> tuple[str, _Tok] | None:
        """The name starting here (letter, known word, Greek, decorated, \\text{...}), or None."""
        t = self.peek()
        if t.kind == "letter":
            run = 1
            while self.peek(run).kind == "letter" and self.contiguous(run - 1):
                run += 1
            start_of_run = self.pos == 0 or self.toks[self.pos - 1].kind != "letter" or \
                self.toks[self.pos - 1].col + 1 != t.col
            letters = "".join(self.peek(k).text for k in range(run))
            if word and run > 1:
                self.pos += run
                return letters, t
            if start_of_run and run > 1:
                words = _FUNCS | {n for n in self.ctx.definitions if len(n) > 1} | \
                    {n for n in self.ctx.tensors if len(n) > 1} | set(self.ctx.functions)
                for n in range(run, 1, -1):
                    if letters[:n] in words or (letters[:n] in _NAMED_FUNCS and self.peek(n).text == "("):
                        self.pos += n
                        return letters[:n], t
            self.pos += 1
            return t.text, t
        if t.kind == "cmd" and t.text[1:] in _GREEK:
            self.pos += 1
            return t.text[1:], t
        if t.text in _DECORATIONS:
            self.pos += 1
            braced = self.at("{")
            if braced:
                self.next()
            inner = self.read_name()
            if inner is None:
                raise self.error(f"{t.text} needs a name", t)
            if braced:
                self.expect("}", t)
            return inner[0] + _DECORATIONS[t.text], t
        if t.text in _NAMED and self.peek(1).text == "{":
            text, end = _arg_text(self.toks, self.pos + 1)
            if not re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", text):
                return None
            self.pos = end
            return text, t
        if t.text in _FONTS and t.text != r"\boxed":
            if self.peek(1).text == "{" and _group_end(self.toks, self.pos + 1) - self.pos in (3, 4):
                save = self.pos
                self.pos += 2
                inner = self.read_name()
                if inner is not None and self.at("}"):
                    self.next()
                    return inner[0], t
                self.pos = save
            elif self.peek(1).kind == "letter" or self.peek(1).text[1:] in _GREEK:
                self.pos += 1
                return self.read_name()
        return None

    def subscript(self) -> tuple[str, list]:
        """After ``_``: ``("indices", [...])`` or ``("suffix", text)`` (``f_\\theta``, ``L_{2-norm}``)."""
        t = self.peek()
        if t.kind == "letter":
            self.next()
            return "indices", [self.index(t.text, t)]
        if t.kind == "digit":
            self.next()
            return "digits", [sp.Integer(int(t.text))]
        if t.text != "{":
            name = self.read_name()
            if name is None:
                raise self.error("expected a subscript", t)
            return "suffix", name[0]
        end = _group_end(self.toks, self.pos)
        body = self.toks[self.pos + 1:end - 1]
        kinds = {b.text if b.kind == "sym" else b.kind for b in body}
        if body and kinds <= {"letter", "digit", ","}:
            items: list[list[_Tok]] = [[]]
            for b in body:
                if b.text == ",":
                    items.append([])
                else:
                    items[-1].append(b)
            if len(items) == 1:
                run = items[0]
                known = all(b.text in self.ctx.ranges or any(b.text in s for s in self.binders) for b in run)
                if all(b.kind == "letter" for b in run) and (len(run) <= 2 or known):
                    items = [[b] for b in run]
                elif all(b.kind == "digit" for b in run):
                    self.pos = end
                    return "digits", [sp.Integer(int("".join(b.text for b in run)))]
                else:
                    self.pos = end
                    return "suffix", "".join(b.text for b in run)
            idxs: list[sp.Expr] = []
            for item in items:
                if len(item) == 1 and item[0].kind == "letter":
                    idxs.append(self.index(item[0].text, item[0]))
                elif item and all(b.kind == "digit" for b in item):
                    idxs.append(sp.Integer(int("".join(b.text for b in item))))
                else:
                    raise self.error("each index must be one letter or a number", item[0] if item else t)
            self.pos = end
            return "indices", idxs
        if body and body[0].kind == "letter" and kinds <= {"letter", "digit", ",", "+", "-"}:
            raise self.error("index arithmetic (a_{k+1}) is not supported", body[0])
        self.pos = end
        return "suffix", "".join(b.text.lstrip("\\") for b in body)

    def name_value(self, name: str, tok: _Tok) -> _Val:
        """A name with its subscripts, sample index, and application to arguments if it is a function."""
        model = self.model(name, tok)
        if model is not None:
            return model
        idxs: list[sp.Expr] = []
        digits = False
        while True:
            if self.at("_"):
                self.next()
                kind, got = self.subscript()
                if kind == "suffix":
                    name = f"{name}_{got}"
                else:
                    idxs.extend(got)
                    digits = digits or kind == "digits"
            elif self.at("^") and self.peek(1).text == "{" and self.peek(2).text == "(":
                self.pos += 3
                sample = []
                while not self.at(")"):
                    t = self.next()
                    if t.kind == "letter":
                        sample.append(self.index(t.text, t))
                    elif t.text != ",":
                        raise self.error("a sample index y^{(i)} must be letters", t)
                self.expect(")")
                self.expect("}")
                idxs = sample + idxs
            else:
                break
        if digits and not idxs[1:] and isinstance(self.lookup_base(name), (sp.Symbol, type(None))):
            name, idxs = f"{name}_{idxs[0]}", []  # w_1 is a scalar unless w is a declared tensor
        if self.applies(name, bool(idxs)):
            return self.apply(name, tok)
        if idxs:
            return _Val(self.element(name, idxs, tok))
        if name in self.ctx.definitions and self.at("(") and isinstance(self.ctx.definitions[name].lhs, sp.Symbol):
            save = self.pos
            args = self.arguments()
            if all(isinstance(a.expr, (sp.Symbol, sp.Indexed)) for a in args):
                return self.bare(name, tok)  # L(w, b): the node L, its inputs named
            self.pos = save
        return self.bare(name, tok)

    def model(self, name: str, tok: _Tok) -> _Val | None:
        """``f_\\theta(x)``, ``f_{w}(x)``, ``h_\\theta(x^{(i)})``: the abstract model ``f(x, theta)``, elementwise over
        the data like ``f(x)``, with the parameter as its last argument so that d/dtheta reaches it. None (nothing
        read) unless ``name`` is a model name subscripted by a name that is not an index, then applied to ``(...)``."""
        if name not in _MODELS or not self.at("_") or self.lookup_base(name) is not None or name in self.ctx.functions:
            return None
        save = self.pos
        self.next()
        braced = self.at("{")
        if braced:
            self.next()
        named = self.read_name()
        if named is not None and braced and not self.at("}"):
            named = None
        if braced and named is not None:
            self.next()
        if named is None or f"{name}_{named[0]}" in self.ctx.functions or self.is_index(named[0]) or not (
                self.at("(") or (self.at("{") and self.peek(1).text == "(")):
            self.pos = save
            return None
        theta = self.parameter(*named)
        return self.abstract(name, [*self.arguments(), _Val(theta)], tok)

    def abstract(self, name: str, args: list[_Val], tok: _Tok) -> _Val:
        """The undefined function ``name`` of several arguments, elementwise over the arrays among them."""
        data = [a for a in args if a.axes]
        exprs = [self.align(data[0], a, tok, f"apply {name} to") if a.axes else a.expr for a in args]
        return _Val(sp.Function(name)(*exprs), data[0].axes if data else ())

    def is_index(self, name: str) -> bool:
        return name in self.ctx.ranges or name in self.pending or any(name in scope for scope in self.binders)

    def parameter(self, name: str, tok: _Tok) -> sp.Symbol | sp.IndexedBase:
        """The parameter of a model: a known tensor (whole, not an element), else a scalar ``Symbol``."""
        if name in self.params:
            return self.params[name]
        base = self.lookup_base(name)
        if base is not None:
            return base
        if self.strict and not self.lenient:
            raise self.error(f"name {name} is not defined", tok)
        sym = self.new_scalars[name] = sp.Symbol(name)
        return sym

    def applies(self, name: str, indexed: bool) -> bool:
        """Whether ``name`` followed by ``(`` is a function application rather than a product."""
        if not (self.at("(") or (self.at("{") and self.peek(1).text == "(")):
            return False
        if name in self.ctx.functions or name in _FUNCS or name == "sigma":
            return not indexed
        if indexed or self.lookup_base(name) is not None or name in self.params:
            return False
        return name in ("f", "g", "h") or "_" in name or name in self.opaque or name in _NAMED_FUNCS

    def arguments(self) -> list[_Val]:
        braced = self.at("{")
        if braced:
            self.next()
        opened = self.expect("(")
        args = [self.expr()]
        while self.at(","):
            self.next()
            args.append(self.expr())
        self.expect(")", opened)
        if braced:
            self.expect("}")
        return args

    def apply(self, name: str, tok: _Tok) -> _Val:
        start = self.pos
        args = self.arguments()
        if name == "norm" and len(args) == 1 and not args[0].axes and not _free_indices(args[0].expr):
            args = [self.with_samples(args[0], start, lambda: self.arguments()[0])]
        if name in self.ctx.functions:
            fn = self.ctx.functions[name]
            if len(args) != len(fn.params):
                raise self.error(f"{name} takes {len(fn.params)} arguments, got {len(args)}", tok)
            node = self.ctx.definitions[name].lhs if name in self.ctx.definitions else None
            if node is not None and all(a.expr == p or (isinstance(a.expr, sp.Indexed) and a.expr.base == p)
                                        for a, p in zip(args, fn.params)):
                return _Val(node)
            if node is not None and len(args) == 1 and args[0].expr.has(node):
                return self.mul(_Val(node), args[0], "implicit", tok)  # sigma(1 - sigma) is a product
            body, axes = fn.body, ()
            for a, p in zip(args, fn.params):
                if isinstance(p, sp.IndexedBase):
                    if not (isinstance(a.expr, sp.Indexed) and len(a.free) == len(p.shape or ())):
                        raise self.error(f"{name} expects an array for {p}", tok)
                    body = body.xreplace({p: a.expr.base})
                else:
                    body, axes = body.xreplace({p: a.expr}), axes or a.axes
            return _Val(body, axes)
        if len(args) != 1 and name in _MODELS:
            return self.abstract(name, args, tok)  # f(x_n, \\theta): how the verdicts print a model
        if len(args) != 1:
            raise self.error(f"{name} takes one argument, got {len(args)}", tok)
        return self.builtin(name, args[0], tok)

    def builtin(self, name: str, a: _Val, tok: _Tok) -> _Val:
        if name == "sigma":
            return _Val(_sigmoid(a.expr), a.axes)
        if name in _ELEMENTWISE:
            return _Val(_ELEMENTWISE[name](a.expr), a.axes)
        if name == "softmax":
            if len(a.free) != 1:
                raise self.error("softmax needs a vector argument", tok)
            i = a.free[0]
            k = self.fresh(_extent(i))
            return _Val(sp.exp(a.expr) / sp.Sum(sp.exp(a.expr.xreplace({i: k})), (k, k.lower, k.upper)), a.axes)
        if name == "diag":
            if len(a.free) != 1:
                raise self.error("diag needs a vector argument", tok)
            i = a.free[0]
            j = self.fresh(_extent(i))
            return _Val(a.expr * sp.KroneckerDelta(i, j), (i, j))
        if name == "norm":
            return self.norm(a, "2", tok)
        self.opaque.add(name)
        return _Val(sp.Function(name)(a.expr), a.axes)

    def norm(self, a: _Val, kind: str, tok: _Tok) -> _Val:
        if not a.free:
            return _Val(sp.Abs(a.expr))
        limits = [(i, i.lower, i.upper) for i in a.free]
        if kind == "1":
            return _Val(sp.Sum(sp.Abs(a.expr), *limits))
        if kind not in ("2", "F"):
            raise self.error(f"the {kind}-norm is not supported", tok)
        return _Val(sp.sqrt(sp.Sum(a.expr ** 2, *limits)))

    # ------------------------------------------------------------------ array arithmetic
    def shape(self, v: _Val) -> str:
        return "(" + ", ".join("1" if a is None else str(self.find(_extent(a))) for a in v.axes) + ")"

    def align(self, a: _Val, b: _Val, tok: _Tok, what: str) -> sp.Expr:
        """``b.expr`` with its axes renamed to ``a``'s; the two must have the same shape."""
        if len(a.axes) != len(b.axes) or any((x is None) != (y is None) for x, y in zip(a.axes, b.axes)):
            raise self.error(f"cannot {what} shapes {self.shape(a)} and {self.shape(b)}", tok)
        for x, y in zip(a.free, b.free):
            self.unify(_extent(x), _extent(y), tok, what)
        return b.expr.xreplace(dict(zip(b.free, a.free)))

    def add(self, a: _Val, b: _Val, tok: _Tok) -> _Val:
        if not a.axes or not b.axes:
            return _Val(a.expr + b.expr, a.axes or b.axes)
        return _Val(a.expr + self.align(a, b, tok, "add"), a.axes)

    def mul(self, a: _Val, b: _Val, op: str, tok: _Tok) -> _Val:
        if not a.axes or not b.axes:
            return _Val(a.expr * b.expr, a.axes or b.axes)
        same_vectors = len(a.free) == len(b.free) == 1 and len(a.axes) == len(b.axes) == 2 and \
            (a.axes[0] is None) == (b.axes[0] is None)
        if op == "odot" or (same_vectors and op != "dot"):
            return _Val(a.expr * self.align(a, b, tok, "multiply elementwise"), a.axes)
        if len(a.axes) != 2 or len(b.axes) != 2:
            raise self.error(f"cannot multiply shapes {self.shape(a)} and {self.shape(b)}", tok)
        if same_vectors:
            k = a.free[0]
            return _Val(sp.Sum(a.expr * self.align(a, b, tok, "take the dot product of"), (k, k.lower, k.upper)))
        (a0, a1), (b0, b1) = a.axes, b.axes
        if (a1 is None) != (b0 is None):
            raise self.error(f"cannot multiply shapes {self.shape(a)} and {self.shape(b)}", tok)
        expr = a.expr * b.expr
        if a1 is not None:
            self.unify(_extent(a1), _extent(b0), tok, "matrix product")
            expr = sp.Sum(a.expr * b.expr.xreplace({b0: a1}), (a1, a1.lower, a1.upper))
        axes = (a0, b1)
        return _Val(expr, () if axes == (None, None) else axes)

    def div(self, a: _Val, b: _Val, tok: _Tok) -> _Val:
        if not b.axes:
            return _Val(a.expr / b.expr, a.axes)
        if not a.axes:
            raise self.error(f"cannot divide by an array of shape {self.shape(b)}", tok)
        return _Val(a.expr / self.align(a, b, tok, "divide"), a.axes)

    def transpose(self, v: _Val, tok: _Tok) -> _Val:
        if len(v.axes) not in (0, 2):
            raise self.error(f"cannot transpose shape {self.shape(v)}", tok)
        return _Val(v.expr, tuple(reversed(v.axes)))

    def select(self, v: _Val, idxs: list[sp.Expr], tok: _Tok) -> _Val:
        """``(Xw)_i``, ``softmax(z)_j``: the element of an array value at the given indices."""
        if len(idxs) != len(v.free):
            raise self.error(f"an array of shape {self.shape(v)} takes {len(v.free)} indices, got {len(idxs)}", tok)
        for i, a in zip(idxs, v.free):
            self.unify(_extent(i), _extent(a), tok, f"index {i}")
        return _Val(v.expr.xreplace(dict(zip(v.free, idxs))))

    # ------------------------------------------------------------------ grammar
    def expr(self) -> _Val:
        sign = None
        if self.at("-") or self.at("+"):
            sign = self.next()
        v = self.term()
        if sign is not None and sign.text == "-":
            v = _Val(-v.expr, v.axes)
        while self.at("+") or self.at("-") or self.at(r"\pm"):
            op = self.next()
            if op.text == r"\pm":
                raise self.error(r"\pm is not supported", op)
            w = self.term()
            v = self.add(v, w if op.text == "+" else _Val(-w.expr, w.axes), op)
        return v

    def starts_factor(self) -> bool:
        t = self.peek()
        if t.kind in ("letter", "digit"):
            return True
        if t.kind == "sym":
            return t.text in "([{" or (t.text == "|" and not self.bars)
        if t.kind == "cmd":
            stop = set(_OPS) | set(_RELS) | {r"\end{cases}", r"\}", r"\dots", r"\ldots", r"\cdots", r"\pm",
                                               r"\mid", r"\not", "\\\\"} | set(_FOREIGN_CLOSERS.values())
            return t.text not in stop and not (t.text == r"\|" and self.bars)
        return False

    def term(self) -> _Val:
        v = self.factor()
        while True:
            t = self.peek()
            if t.text in _OPS and t.kind != "end":
                self.next()
                w = self.factor()
                op = _OPS[t.text]
                while op == "odot" and self.starts_factor():  # y \odot Xw is y ⊙ (Xw), as it reads in print
                    w = self.mul(w, self.factor(), "implicit", self.peek())
                if op == "/":
                    v = self.div(v, w, t)
                else:
                    v = self.mul(v, w, {r"\cdot": "dot", "*": "star", r"\times": "star"}.get(t.text, op), t)
            elif self.starts_factor():
                v = self.mul(v, self.factor(), "implicit", t)
            else:
                return v

    def superscript_is_transpose(self) -> int:
        """Tokens making up a transpose mark after ``^`` (``T``, ``\\top``, ``{T}``, ``\\mathsf{T}``), or 0."""
        texts = []
        k = 0
        while k < 6 and self.peek(k).kind != "end":
            texts.append(self.peek(k).text)
            k += 1
        for pattern in (["T"], [r"\top"], [r"\intercal"], ["{", "T", "}"], ["{", r"\top", "}"],
                        ["{", r"\intercal", "}"], [r"\mathsf", "{", "T", "}"], [r"\mathrm", "{", "T", "}"],
                        ["{", r"\mathsf", "{", "T", "}", "}"], ["{", r"\mathrm", "{", "T", "}", "}"]):
            if texts[:len(pattern)] == pattern:
                return len(pattern)
        return 0

    def factor(self) -> _Val:
        self.depth += 1
        try:
            if self.depth > _MAX_DEPTH:
                raise self.error(f"nested more than {_MAX_DEPTH} levels deep")
            return self._factor()
        finally:
            self.depth -= 1

    def _factor(self) -> _Val:
        if self.at("-"):
            self.next()
            v = self.factor()
            return _Val(-v.expr, v.axes)
        if self.at("+"):
            self.next()
        v = self.primary()
        while True:
            t = self.peek()
            if t.text == "^":
                self.next()
                n = self.superscript_is_transpose()
                if n:
                    self.pos += n
                    v = self.transpose(v, t)
                    continue
                e = self.argument()
                if e.axes:
                    raise self.error("an exponent must be a scalar", t)
                if len(v.free) == 2 and e.expr != 1:
                    raise self.error("matrix powers and inverses are not supported", t)
                v = _Val(self.power(v.expr, e.expr, t), v.axes)
            elif t.text == "'":
                self.next()
                if not v.axes:
                    raise self.error("a prime on a scalar (a derivative?) is not supported", t)
                v = self.transpose(v, t)
            elif t.text == "_":
                self.next()
                kind, got = self.subscript()
                if kind == "suffix":
                    raise self.error("expected an index", t)
                if isinstance(v.expr, sp.Symbol) and not v.axes:
                    v = _Val(self.element(str(v.expr), got, t))
                else:
                    v = self.select(v, got, t)
            elif t.text == "!":
                self.next()
                if v.expr.is_Integer and v.expr > _MAX_BITS // 16:
                    raise self.error(f"{v.expr}! is too large to compute exactly", t)
                v = _Val(sp.factorial(v.expr), v.axes)
            else:
                return v

    def power(self, base: sp.Expr, exp: sp.Expr, tok: _Tok) -> sp.Expr:
        """``base ** exp``, refusing exact numbers too large to compute (SymPy would hang on ``10^{10^{10}}``)."""
        if base.is_Rational and exp.is_Rational and base not in (0, 1, -1):
            bits = max(abs(base.p).bit_length(), base.q.bit_length()) * abs(exp)
            if bits > _MAX_BITS:
                raise self.error(f"{base}^({exp}) is too large to compute exactly", tok)
        return base ** exp

    def argument(self) -> _Val:
        """One TeX argument: a brace group, or a single token (``\\frac12``, ``e^x``, ``x^2``)."""
        t = self.peek()
        if t.text == "{":
            self.next()
            v = self.expr()
            self.expect("}", t)
            return v
        if t.kind == "digit":
            self.next()
            return _Val(sp.Integer(int(t.text)))
        if t.kind == "letter":
            self.next()
            return self.bare(t.text, t)
        return self.primary()

    def group(self, close: str) -> _Val:
        opened = self.next()
        saved, self.bars = self.bars, 0
        v = self.expr()
        self.bars = saved
        self.expect(close, opened)
        return v

    def primary(self) -> _Val:
        t = self.peek()
        if t.kind == "end":
            raise self.error("expected an expression, found the end", t)
        if t.kind == "digit":
            return self.number()
        if t.text == "(":
            return self.group(")")
        if t.text == "[":
            return self.group("]")
        if t.text == r"\{":
            return self.group(r"\}")
        if t.text == "{":
            return self.group("}")
        if t.text == r"\|" or (t.text == "|" and self.peek(1).text == "|" and self.contiguous()):
            return self.bars_value(t, norm=True)
        if t.text == "|":
            return self.bars_value(t, norm=False)
        if t.kind == "sym":
            raise self.error(f"unexpected {t.text}", t)
        if t.text in (r"\frac", r"\dfrac", r"\tfrac", r"\cfrac"):
            self.next()
            return self.frac(t)
        if t.text in (r"\sum", r"\prod"):
            self.next()
            return self.sum(t)
        if t.text == r"\sqrt":
            self.next()
            if self.at("["):
                self.next()
                n = self.expr()
                self.expect("]", t)
                return _Val(sp.root(self.argument().expr, n.expr))
            v = self.argument()
            return _Val(sp.sqrt(v.expr), v.axes)
        if t.text in (r"\max", r"\min"):
            self.next()
            return self.extremum(t)
        if t.text in (r"\log", r"\ln", r"\exp", r"\tanh", r"\sin", r"\cos", r"\cosh", r"\sinh", r"\tan",
                      r"\arctan"):
            self.next()
            return self.function(t)
        if t.text == r"\delta" and self.peek(1).text == "_":
            self.pos += 2
            kind, got = self.subscript()
            if kind != "indices" or len(got) != 2:
                raise self.error(r"\delta_{ij} needs two indices", t)
            self.unify(_extent(got[0]), _extent(got[1]), t, "Kronecker delta")
            return _Val(sp.KroneckerDelta(*got))
        if t.text in (r"\nabla", r"\partial") and self.peek(1).text == "_":
            self.pos += 2
            var = self.variable(single=True)
            return self.derivative(self.term(), var, t)  # \nabla_w \frac{1}{2}\|Xw - y\|^2: the whole product
        if t.text == r"\nabla" and self.peek(1).kind == "letter" and self.peek(1).text in self.ctx.functions:
            fn = self.ctx.functions[self.peek(1).text]
            if len(fn.params) == 1:
                self.next()
                p = fn.params[0]
                var = self.array(p, t) if isinstance(p, sp.IndexedBase) else _Val(p)
                return self.derivative(self.factor(), var, t)
        if t.text in (r"\nabla", r"\partial"):
            raise self.error(f"{t.text} needs a variable: write {t.text}_w L or a fraction", t)
        if t.text == r"\begin{cases}":
            self.next()
            return self.cases(t)
        if t.text in (r"\pi", r"\infty"):
            self.next()
            return _Val(sp.pi if t.text == r"\pi" else sp.oo)
        if t.text in _ONES and (self.peek(1).text == "1" or [self.peek(k).text for k in (1, 2, 3)] == ["{", "1", "}"]):
            return self.ones(t)
        if t.text in _FONTS and self.peek(1).text in ("{", "[") or t.text == r"\boxed":
            named = self.read_name()
            if named is not None:
                return self.name_value(*named)
            self.next()
            return self.argument()
        named = self.read_name()
        if named is not None:
            name = named[0]
            if t.text in _NAMED and len(name) > 1 and not self.ctx.known(name):
                return self.upright(name, t, f"{t.text}{{{name}}}")
            if t.kind == "letter" and name in _FUNCS and not self.ctx.known(name) and self.lookup_base(name) is None:
                return self.upright(name, t, name)  # exp x, as \exp x
            return self.name_value(*named)
        if t.kind == "cmd":
            return self.foreign(t)
        raise self.error(f"unexpected {t.text}", t)

    def upright(self, name: str, t: _Tok, label: str) -> _Val:
        r"""``\operatorname{erf}(x)``, ``\mathrm{ReLU} z``, ``\text{sgn}^2(x)``: a function known by its upright name (any
        case), applied like ``\log``. An unknown upright name applied to something is an error (``\mathrm{tr}(X)`` read
        as the product tr*X would be silently wrong); standing alone it is a name (``\text{MSE}``)."""
        key = name.lower()
        if key not in _FUNCS and key not in _NAMED_FUNCS:
            applied = self.at("(") or (t.text == r"\operatorname" or key in _OPERATORS) and (
                self.at("_") or self.at("^") or self.starts_factor())
            if applied:
                known = ", ".join(sorted(_FUNCS | _NAMED_FUNCS))
                raise self.error(f"{label} is not a function symgrad knows (it knows {known})", t)
            return self.name_value(name, t)
        if self.at("(") or (self.at("{") and self.peek(1).text == "("):
            return self.name_value(key, t)
        power = None
        if self.at("^"):
            self.next()
            power = self.argument().expr
        if not (self.at("(") or self.at("-") or self.starts_factor()):
            raise self.error(f"{label} needs an argument", t)
        arg = self.group(")") if self.at("(") else self.factor()
        if power == -1 and key in _INVERSES:
            return _Val(_INVERSES[key](arg.expr), arg.axes)
        v = self.builtin(key, arg, t)
        return _Val(v.expr ** power, v.axes) if power is not None else v

    def ones(self, t: _Tok) -> _Val:
        r"""``\mathbf{1}^T v`` is the sum of the vector ``v`` (log-sum-exp and the logistic loss in matrix form).

        Anywhere else the ones vector has no shape to take from its neighbours: refused, never read as the number 1.
        """
        self.pos += 2 if self.peek(1).text == "1" else 4
        usage = f"the ones vector {t.text}{{1}} is supported only as {t.text}{{1}}^T v (the sum of v)"
        if not self.at("^"):
            raise self.error(usage, t)
        self.next()
        mark = self.superscript_is_transpose()
        if not mark:
            raise self.error(usage, t)
        self.pos += mark
        v = self.factor()
        if len(v.axes) != 2 or v.axes[0] is None or v.axes[1] is not None:
            raise self.error(f"{t.text}{{1}}^T needs a column vector after it, got shape {self.shape(v)}", t)
        i = v.axes[0]
        return _Val(sp.Sum(v.expr, (i, i.lower, i.upper)))

    def number(self) -> _Val:
        text = self.next().text
        while self.peek().kind == "digit" and self.contiguous(-1):
            text += self.next().text
        if self.at(".") and self.peek(1).kind == "digit" and self.contiguous(-1):
            text += self.next().text
            while self.peek().kind == "digit" and self.contiguous(-1):
                text += self.next().text
        return _Val(sp.Rational(text))

    def function(self, t: _Tok) -> _Val:
        base = None
        if t.text == r"\log" and self.at("_"):
            self.next()
            base = self.argument().expr
        power = None
        if self.at("^"):
            self.next()
            power = self.argument().expr
        arg = self.group(")") if self.at("(") else self.factor()
        if power == -1 and t.text[1:] in _INVERSES:  # \sin^{-1} x is arcsin x, not 1/sin x
            return _Val(_INVERSES[t.text[1:]](arg.expr), arg.axes)
        v = _Val(sp.log(arg.expr, base) if base is not None else _ELEMENTWISE[t.text](arg.expr), arg.axes)
        return _Val(v.expr ** power, v.axes) if power is not None else v

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

    def bars_value(self, t: _Tok, norm: bool) -> _Val:
        self.pos += 2 if t.text == "|" and norm else 1
        start = self.pos
        v = self.reparse_bars()
        if norm and self.at("|") and self.peek(1).text == "|":
            self.pos += 2
        else:
            self.expect(r"\|" if norm else "|", t)
        if not norm:
            return _Val(sp.Abs(v.expr), v.axes)
        kind = "2"
        if self.at("_"):
            self.next()
            k = self.next() if not self.at("{") else None
            if k is None:
                self.next()
                k = self.next()
                self.expect("}", t)
            kind = k.text
        if not v.axes and not _free_indices(v.expr) - self.protected:
            v = self.with_samples(v, start, self.reparse_bars)
        return self.norm(v, kind, t)

    def reparse_bars(self) -> _Val:
        self.bars += 1
        v = self.expr()
        self.bars -= 1
        return v

    def with_samples(self, v: _Val, start: int, body) -> _Val:
        """Re-read a body from ``start`` with undeclared x, y, yhat as per-sample vectors (the seed's Σ[y-(xw+b)]²)."""
        names = tuple(n for n in _SAMPLE_NAMES if n not in self.ctx.tensors and n not in self.ctx.definitions
                      and n not in self.new_tensors)
        if not names or self.samples:
            return v
        end = self.pos
        snapshot = (dict(self.new_tensors), dict(self.new_scalars), dict(self.pending), dict(self.parent))
        for n in names:
            self.new_scalars.pop(n, None)
        self.pos, self.samples = start, names
        w = body()
        self.samples = ()
        if not w.axes:
            self.new_tensors, self.new_scalars, self.pending, self.parent = snapshot
            w = v
        self.pos = end
        return w

    def sum(self, t: _Tok) -> _Val:
        binders: list[tuple[sp.Idx, sp.Expr, sp.Expr]] = []
        if self.at("_"):
            self.next()
            braced = self.at("{")
            if braced:
                self.next()
            names = [self.next()]
            while braced and self.at(","):
                self.next()
                names.append(self.next())
            if any(n.kind != "letter" for n in names):
                raise self.error(r"expected a summation index after \sum_", names[0])
            lower = upper = None
            if braced and self.at("="):
                self.next()
                lower = self.expr().expr
            if braced:
                self.expect("}", t)
            if self.at("^"):
                self.next()
                upper_tok = self.peek()
                upper = self.bound()
                if lower is None:
                    raise self.error(r"an upper bound needs a lower one: \sum_{k=1}^{N}", upper_tok)
            for n in names:
                if upper is not None:
                    idx = sp.Idx(sp.Symbol(n.text, integer=True), (lower, upper))
                    self.bounded.append(idx)
                else:
                    idx = self.index(n.text, n)
                binders.append((idx, idx.lower, idx.upper))
        self.binders.append({str(b[0]): b[0] for b in binders})
        start = self.pos
        body = self.term()
        self.binders.pop()
        if not binders:
            free = sorted(_free_indices(body.expr) - self.protected, key=str)
            if body.axes:
                binders = [(i, i.lower, i.upper) for i in body.free]
                body = _Val(body.expr)
            elif len(free) == 1:
                binders = [(free[0], free[0].lower, free[0].upper)]
            elif free:
                raise self.error(rf"a bare \sum over {', '.join(map(str, free))}: write \sum_{{{free[0]}}}", t)
            else:
                body = self.with_samples(body, start, self.term)
                if not body.axes:
                    raise self.error(r"cannot tell what this \sum runs over: write \sum_{n=1}^{N} and indices", t)
                binders = [(i, i.lower, i.upper) for i in body.free]
                body = _Val(body.expr)
        cls = sp.Sum if t.text == r"\sum" else sp.Product
        return _Val(cls(body.expr, *binders), body.axes)

    def bound(self) -> sp.Expr:
        """An upper summation bound; its letters are sizes (positive integers)."""
        t = self.peek()
        if t.kind == "letter":
            self.next()
            return self.size(t.text)
        v = self.argument().expr
        return v.xreplace({s: self.size(str(s)) for s in v.free_symbols if isinstance(s, sp.Symbol)
                           and not isinstance(s, sp.Idx)})

    # ------------------------------------------------------------------ derivatives
    def differential(self, k: int) -> int:
        """Number of tokens of a differential (∂, ∇, δ, d, \\mathrm{d}) at offset k, or 0."""
        t = self.peek(k)
        if t.text in _DIFFERENTIALS and self.peek(k + 1).text != "_":
            return 1
        if t.text == "d" and t.kind == "letter":
            return 1
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
        if not (d_num and d_den and (not is_d or self.toks[den_start + skip_den].text == "d")):
            num = self.argument()
            den = self.argument()
            return self.div(num, den, t)
        self.pos += skip_num + d_num
        if self.at("^"):
            raise self.error("higher derivatives are not supported", self.peek())
        of = None if self.at("}") or skip_num == 0 else self.expr()
        for _ in range(skip_num):
            self.expect("}", t)
        self.pos += skip_den + d_den
        var = self.variable(single=False)
        for _ in range(skip_den):
            self.expect("}", t)
        if of is None:  # the operator form d/dz applies to the whole product after it, up to the next + or -
            of = self.term()
        return self.derivative(of, var, t)

    def variable(self, single: bool) -> _Val:
        """The variable of a derivative: an element, a scalar, or a whole tensor; new names allowed."""
        self.lenient += 1
        try:
            t = self.peek()
            v = self.argument() if single else self.factor()
        finally:
            self.lenient -= 1
        if not isinstance(v.expr, (sp.Symbol, sp.Indexed)) or isinstance(v.expr, sp.Idx):
            raise self.error("cannot differentiate with respect to an expression: write a name", t)
        return v

    def derivative(self, of: _Val, var: _Val, t: _Tok) -> _Val:
        axes = of.free + var.free
        if len(axes) == 1:
            axes = (axes[0], None)
        return _Val(sp.Derivative(of.expr, var.expr, evaluate=False), axes)

    # ------------------------------------------------------------------ cases and relations
    def cases(self, t: _Tok) -> _Val:
        pieces = []
        while True:
            v = self.expr()
            if v.axes:
                raise self.error("cases of arrays are not supported", t)
            self.expect("&")
            cond: sp.Basic = sp.true
            while self.at(",") or (self.peek().text in _NAMED and
                                   _arg_text(self.toks, self.pos + 1)[0] in ("if", "for", "when")):
                self.pos = self.pos + 1 if self.at(",") else _arg_text(self.toks, self.pos + 1)[1]
            if self.peek().text in _NAMED:
                word, end = _arg_text(self.toks, self.pos + 1)
                if word.strip() not in ("otherwise", "else", "elsewhere"):
                    raise self.error(f"unreadable condition {word}", self.peek())
                self.pos = end
            else:
                self.index_mode = True
                cond = self.relation()
                self.index_mode = False
            pieces.append((v.expr, cond))
            if self.at(r"\\"):
                self.next()
                if self.at(r"\end{cases}"):
                    break
                continue
            break
        self.expect(r"\end{cases}", t)
        return _Val(sp.Piecewise(*pieces))

    def relation(self) -> sp.Basic:
        """``a op b [op c]`` with op in =, ≠, <, ≤, >, ≥: a relational (chained ones joined with And)."""
        left = self.expr().expr
        parts = []
        while self.peek().text in _RELS and self.peek().text != r"\in":
            op = _RELS[self.next().text]
            right = self.expr().expr
            parts.append(_REL_CLASSES[op](left, right))
            left = right
        if not parts:
            raise self.error("expected a relation such as i = j", self.peek())
        return sp.And(*parts) if len(parts) > 1 else parts[0]

    # ------------------------------------------------------------------ finishing
    def done(self) -> None:
        if self.peek().kind != "end":
            t = self.peek()
            raise self.error(f"unexpected {t.text}", t)

    def resolve(self) -> dict[sp.Expr, sp.Expr]:
        """Give each index of unknown range its size: from shapes, else the only size in play, else N."""
        mapping: dict[sp.Expr, sp.Expr] = {}
        known = {_extent(i) for i in self.ctx.ranges.values()}
        no_sizes = not known and not self.sizes and not self.ctx.sizes
        for dummy, col in self.pending_col.items():
            root = self.find(dummy)
            if not isinstance(root, sp.Dummy):
                mapping[dummy] = root
            elif len(known) == 1:
                mapping[dummy] = next(iter(known))
            elif no_sizes:
                mapping[dummy] = self.size("N")
            else:
                name = next(n for n, i in self.pending.items() if i.upper == dummy)
                raise ParseError(rf"cannot tell the range of index {name}: declare it ({name} \in \{{1, \dots, n\}})",
                                 column=col, source=self.src)
        for t in self.new_tensors.values():
            for e in t.shape:
                root = self.find(e)
                if isinstance(root, sp.Dummy) and root not in mapping:
                    raise ParseError(f"cannot tell the size of {t}: declare it ({t} \\in \\mathbb{{R}}^{{n}})",
                                     column=1, source=self.src)
                mapping[e] = mapping.get(root, root)
        for name, s in self.new_scalars.items():  # the m of 1/(2m) before \\sum_{i=1}^{m} is that size
            if name in self.sizes:
                mapping[s] = self.sizes[name]
        return {k: v for k, v in mapping.items() if k != v}

    def commit(self, mapping: dict[sp.Expr, sp.Expr]) -> None:
        """Record what this parse introduced (tensors, scalars, sizes, index ranges) in the context."""
        ctx = self.ctx
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
        unknown = self.error(f"unknown command {t.text}", t)
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


# ---------------------------------------------------------------------------------------------- public API


def _reading(fn):
    """Safety net for the public readers: a SymPy failure on odd input is still a ``ParseError``, never a traceback."""
    @functools.wraps(fn)
    def read(latex, *args, **kwargs):
        try:
            return fn(latex, *args, **kwargs)
        except (TypeError, ValueError, AttributeError, IndexError, sp.SympifyError) as e:
            if isinstance(e, SymgradError):
                raise
            raise ParseError(f"could not read this LaTeX ({type(e).__name__}: {e})", source=latex) from e

    return read


def _tokens(latex: str) -> list[_Tok]:
    if not isinstance(latex, str) or not latex.strip():
        raise ParseError("empty LaTeX", column=1, source=latex if isinstance(latex, str) else None)
    return _clean(_tokenize(latex), latex)


def _source_text(t: _Tok, latex: str) -> str:
    """The original text of a token (a Unicode character stands for a longer command)."""
    return t.text if latex[t.col - 1:t.col - 1 + len(t.text)] == t.text else latex[t.col - 1]


def _split(toks: list[_Tok], at: set[str]) -> list[list[_Tok]]:
    """Split at top-level tokens in ``at`` (outside braces, brackets, parentheses and cases)."""
    parts: list[list[_Tok]] = [[]]
    depth = 0
    for t in toks[:-1]:
        if t.text in ("{", "(", "[", r"\{", r"\begin{cases}"):
            depth += 1
        elif t.text in ("}", ")", "]", r"\}", r"\end{cases}"):
            depth -= 1
        if depth == 0 and t.text in at and t.kind != "end":
            parts.append([t])
        else:
            parts[-1].append(t)
    return parts


def _parse_value(latex: str, toks: list[_Tok], ctx: Context, strict: bool,
                 protected: tuple[sp.Idx, ...] = ()) -> tuple[_Val, dict]:
    p = _Parser(latex, toks, ctx, strict=strict, protected=protected)
    v = p.expr()
    p.done()
    mapping = p.resolve()
    p.commit(mapping)
    return _Val(v.expr.xreplace(mapping), tuple(a if a is None else a.xreplace(mapping) for a in v.axes)), mapping


@_reading
def parse_expression(latex: str, ctx: Context | None = None, *, strict: bool | None = None) -> sp.Expr:
    """A LaTeX expression in symgrad's vocabulary; ``strict`` (default: once something is defined)
    rejects names that were never defined or declared."""
    ctx = ctx if ctx is not None else Context()
    strict = bool(ctx.definitions) if strict is None else strict
    return _parse_value(latex, _tokens(latex), ctx, strict)[0].expr


@_reading
def parse_derivative(latex: str, ctx: Context) -> tuple[sp.Expr, sp.Expr]:
    """``(of, var)`` of a derivative such as ``\\frac{\\partial p_i}{\\partial a_j}`` or ``\\nabla_w L``."""
    v = _parse_value(latex, _tokens(latex), ctx, strict=False)[0]
    if not isinstance(v.expr, sp.Derivative):
        raise ParseError(r"not a derivative (write \frac{\partial L}{\partial w} or \nabla_w L)", column=1,
                         source=latex)
    return v.expr.expr, v.expr.variables[0]


@_reading
def parse_claim(latex: str, ctx: Context, of: str | None = None) -> list[Member]:
    """The members of a claimed chain ``A = B = C``; a member that is the derivative itself is a
    ``DerivativeOf``. Array-valued members get the derivative's free indices (``of``, or the chain's)."""
    toks = _tokens(latex)
    strict = bool(ctx.definitions)
    parts = _split(toks, {"="})
    members: list[Member] = []
    for k, part in enumerate(parts):
        body = part[1:] if k else part
        if not body:
            t = part[0] if part else toks[-1]
            raise ParseError("an empty side of =", column=t.col, source=latex)
        text = latex[body[0].col - 1:body[-1].col - 1 + len(_source_text(body[-1], latex))]
        v, _ = _parse_value(latex, body + [toks[-1]], ctx, strict)
        value: sp.Expr | DerivativeOf = v.expr
        if isinstance(v.expr, sp.Derivative):
            value = DerivativeOf(v.expr.expr, v.expr.variables[0])
        members.append(Member(text, value, body[0].col, v.free, v.axes))
    target = parse_derivative(of, ctx) if of else next(
        ((m.value.of, m.value.var) for m in members if isinstance(m.value, DerivativeOf)), None)
    if target is None:
        return members
    want = indices_of(target[0]) + indices_of(target[1])
    out = []
    for m in members:
        if m.indices and len(m.indices) != len(want):
            raise ParseError(f"{m.text} has {len(m.indices)} free axes but the derivative has {len(want)}",
                             column=m.column, source=latex)
        if m.indices and not isinstance(m.value, DerivativeOf):
            value = _rename_bound(m.value, {str(i) for i in want})
            renamed = dict(zip(m.indices, want))
            axes = tuple(None if a is None else renamed.get(a, a) for a in m.axes)
            m = Member(m.text, value.xreplace(renamed), m.column, want, axes)
        out.append(m)
    return out


def _rename_bound(e: sp.Expr, avoid: set[str]) -> sp.Expr:
    """``e`` with summation indices named in ``avoid`` renamed, so that renaming free indices captures none."""
    used = {str(i) for i in e.atoms(sp.Idx)} | avoid
    if isinstance(e, (sp.Sum, sp.Product)):
        e = e.func(_rename_bound(e.function, avoid), *e.limits)
        for var, *_ in e.limits:
            if str(var) in avoid:
                name = next(n for n in list(_INDEX_POOL) + [f"i{k}" for k in range(1, 100)] if n not in used)
                used.add(name)
                e = e.xreplace({var: sp.Idx(sp.Symbol(name, integer=True), (var.lower, var.upper))})
        return e
    if e.args and not isinstance(e, (sp.Indexed, sp.Idx)):
        return e.func(*[_rename_bound(a, avoid) for a in e.args])
    return e


def _lhs_name(p: _Parser) -> tuple[str, _Tok, list[sp.Expr], list[str] | None]:
    """Name, its indices and (for ``f(x) = ...``) its parameter names, read from a definition's left side."""
    named = p.read_name(word=True)
    if named is None:
        raise p.error("a definition starts with the name it defines")
    name, tok = named
    idxs: list[sp.Expr] = []
    while p.at("_") or (p.at("^") and p.peek(1).text == "{" and p.peek(2).text == "("):
        if p.at("_"):
            p.next()
            kind, got = p.subscript()
            if kind == "suffix":
                name = f"{name}_{got}"
            else:
                idxs.extend(got)
        else:
            p.pos += 3
            idxs = [p.index(t.text, t) for t in [p.next()]] + idxs
            p.expect(")")
            p.expect("}")
    params = None
    if p.at("(") or (p.at("{") and p.peek(1).text == "("):
        braced = p.at("{")
        p.pos += 1 + braced
        params = []
        while True:
            named = p.read_name()
            if named is None:
                raise p.error("expected a parameter name")
            params.append(named[0])
            if not p.at(","):
                break
            p.next()
        p.expect(")")
        if braced:
            p.expect("}")
    return name, tok, idxs, params


@_reading
def parse_definition(latex: str, ctx: Context) -> Definition:
    """Read ``name = expression`` (``p_i = ...``, ``L = ...``, ``\\sigma(z) = ...``) and add it to ``ctx``."""
    toks = _tokens(latex)
    parts = _split(toks, {"="})
    if len(parts) != 2:
        col = parts[2][0].col if len(parts) > 2 else 1
        raise ParseError("a definition needs exactly one =", column=col, source=latex)
    p = _Parser(latex, toks, ctx)
    name, tok, idxs, params = _lhs_name(p)
    if name in ctx.definitions:
        raise p.error(f"{name} is defined twice", tok)
    eq = p.expect("=")
    if params is not None:
        if idxs:
            raise p.error("a function definition takes no indices", tok)
        for q in params:
            base = ctx.tensors.get(q)
            p.params[q] = base if isinstance(base, sp.IndexedBase) else sp.Symbol(q)
        p.params = {q: s for q, s in p.params.items() if isinstance(s, sp.Symbol)}
    p.protected = {i for i in idxs if isinstance(i, sp.Idx)}
    lhs = p.element(name, idxs, tok) if idxs else None
    rhs = p.expr()
    p.done()
    if lhs is None:
        if len(rhs.free) > 2 or (rhs.axes and len(rhs.free) != 1 and len(rhs.axes) != 2):
            raise p.error(f"{name} would have shape {p.shape(rhs)}", tok)
        if rhs.free:
            base = p.new_tensors[name] = sp.IndexedBase(name, shape=tuple(_extent(i) for i in rhs.free))
            lhs = base[rhs.free]
        else:
            lhs = sp.Symbol(name)
    mapping = p.resolve()
    lhs, value = lhs.xreplace(mapping), rhs.expr.xreplace(mapping)
    stray = _free_indices(value) - set(indices_of(lhs))
    if stray:
        raise ParseError(f"index {min(map(str, stray))} is free on the right of = but not on the left",
                         column=eq.col, source=latex)
    if params is None and name in {str(b.label) for b in value.atoms(sp.IndexedBase)} | {
            str(s) for s in value.free_symbols}:
        raise ParseError(f"{name} is defined in terms of itself: an implicit equation is not a definition",
                         column=eq.col, source=latex)
    p.commit(mapping)
    ctx.tensors.pop(name, None)
    defn = Definition(lhs, value)
    ctx.definitions[name] = defn
    if params is not None:
        fparams = tuple(ctx.tensors.get(q) if isinstance(ctx.tensors.get(q), sp.IndexedBase) else sp.Symbol(q)
                        for q in params)
        for q in fparams:
            ctx.tensors.setdefault(name_of(q), q)
        ctx.functions[name] = Function(name, fparams, value)
    return defn


def _names_before(p: _Parser, stop: str) -> list[tuple[str, _Tok]]:
    """Comma-separated names (subscripts ignored: ``y_k \\in \\{0, 1\\}`` is about y) up to ``stop``."""
    names = []
    while True:
        named = p.read_name(word=True)
        if named is None:
            raise p.error("expected a name")
        while p.at("_"):
            p.next()
            p.subscript()
        names.append(named)
        if p.at(stop):
            return names
        p.expect(",")


def _dims(p: _Parser) -> tuple[sp.Expr, ...]:
    """``^{n \\times d}``, ``^{n, d}``, ``^n``: the sizes of a real space, unit axes dropped."""
    if not p.at("^"):
        return ()
    p.next()
    if not p.at("{"):
        return (p.bound(),)
    opened = p.next()
    dims = [p.bound()]
    while p.at(r"\times") or p.at(","):
        p.next()
        dims.append(p.bound())
    p.expect("}", opened)
    kept = tuple(d for d in dims if d != 1)
    return kept if kept or not dims else (sp.Integer(1),)


def _set(p: _Parser) -> tuple[str, object]:
    """After ``\\in``: ``("range", (lo, hi))`` for ``\\{1, \\dots, n\\}`` or ``[n]``, else ``("domain", Set)``."""
    t = p.peek()
    if t.text == "[" and p.peek(2).text == "]":
        p.next()
        upper = p.bound()
        p.next()
        return "range", (sp.Integer(1), upper)
    if t.text in ("(", "["):
        p.next()
        lo = p.expr().expr
        p.expect(",")
        hi = p.expr().expr
        right = p.next()
        if right.text not in (")", "]"):
            raise p.error("expected ) or ] to close the interval", right)
        return "domain", sp.Interval(lo, hi, t.text == "(", right.text == ")")
    if t.text != r"\{":
        raise p.error(r"expected a set: \mathbb{R}^{n}, \{1, \dots, n\}, \{0, 1\} or (0, 1)", t)
    p.next()
    items, dots = [p.expr().expr], False
    while p.at(","):
        p.next()
        if p.peek().text in (r"\dots", r"\ldots", r"\cdots"):
            p.next()
            dots = True
        else:
            items.append(p.expr().expr)
    p.expect(r"\}", t)
    if not dots:
        return "domain", sp.FiniteSet(*items)
    last = items[-1]
    return "range", (items[0], last.xreplace({s: p.size(str(s)) for s in last.free_symbols}))


@_reading
def parse_given(latex: str, ctx: Context) -> None:
    """Add a fact to ``ctx``: a shape, an index range, a size, a domain, or a constraint ``lhs = rhs``."""
    toks = _tokens(latex)
    p = _Parser(latex, toks, ctx)
    if any(t.text == r"\in" for t in toks):
        names = _names_before(p, r"\in")
        p.next()
        if p.at(r"\mathbb") or p.at(r"\R"):
            field_tok = p.next()
            letter = "R"
            if field_tok.text == r"\mathbb":
                letter, p.pos = _arg_text(toks, p.pos)
            if letter in ("N", "Z"):
                for name, _ in names:
                    ctx.sizes[name] = size(name)
                return
            if letter != "R":
                raise p.error(rf"unknown set \mathbb{{{letter}}}", field_tok)
            dims = _dims(p)
            p.done()
            ctx.sizes.update(p.sizes)
            for name, tok in names:
                old = ctx.definitions.get(name)
                if old is not None and tuple(getattr(old.lhs, "base", old.lhs).shape or ()) != dims:
                    raise p.error(f"{name} is defined with another shape", tok)
                if old is None:
                    ctx.tensors[name] = sp.IndexedBase(name, shape=dims) if dims else sp.Symbol(name)
            return
        kind, what = _set(p)
        p.done()
        ctx.sizes.update(p.sizes)
        for name, _ in names:
            if kind == "range":
                ctx.ranges[name] = sp.Idx(sp.Symbol(name, integer=True), what)
            else:
                ctx.domains[name] = what
        return
    chain = _split(toks, {r"\le", r"\leq", "<"})
    if len(chain) == 3 and len(chain[1]) == 2 and chain[1][1].kind == "letter":
        lo = _Parser(latex, chain[0] + toks[-1:], ctx).expr().expr + int(chain[1][0].text == "<")
        q = _Parser(latex, chain[2][1:] + toks[-1:], ctx)
        hi = q.bound() - int(chain[2][0].text == "<")
        q.done()
        ctx.sizes.update(q.sizes)
        ctx.ranges[chain[1][1].text] = sp.Idx(sp.Symbol(chain[1][1].text, integer=True), (lo, hi))
        return
    rel = p.relation()
    p.done()
    mapping = p.resolve()
    p.commit(mapping)
    rel = rel.xreplace(mapping)
    if not isinstance(rel, sp.Eq):
        raise ParseError("expected a shape, a range or an equation", column=1, source=latex)
    ctx.constraints.append(Constraint(rel.lhs, rel.rhs, latex))


@_reading
def parse_assumption(latex: str, ctx: Context) -> sp.Rel:
    """A case condition between indices (``i = j``, ``i \\neq j``), also recorded in ``ctx``."""
    toks = _tokens(latex)
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
