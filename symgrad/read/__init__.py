"""symgrad.read: read the LaTeX people write into symgrad's vocabulary (``IndexedBase``/``Idx``/``Sum``/``KroneckerDelta``).

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
  Also: upstream gradients (``\\frac{\\partial L}{\\partial y_i} = g_i``, ``L = f(y)``), one-hot labels, ``A = A^T`` and
  ``\\Sigma \\succ 0``, definitions among the facts (``Let p = \\mathrm{softmax}(z)``), sentences (``X is n \\times d``); those
  that need the definitions' shapes wait in ``ctx`` until ``ctx.settle()`` (verify calls it after ``--define``;
  ``ctx.graph`` too): L becomes ``sum_i g_i y_i`` (its derivatives are vector-Jacobian products), y gets
  ``sum_k y_k = 1``, A becomes a ``Symmetric`` / ``PositiveDefinite`` matrix.
- ``parse_assumption(latex, ctx) -> Eq | Ne`` between indices (``i = j``, ``i \\neq j``, ``\\text{for } i \\neq j``,
  ``i != j``); ``is_case(text, ctx)`` says whether a fact is such a case. ``where_clauses(definition)`` splits
  ``L = ... \\text{ where } p = ..., y \\text{ is one-hot}`` into the definition and its clauses;
  ``parse_statement(definition, ctx) -> (Definition, cases)`` reads the clauses, then the definition.
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

The package, in the order a reading goes: ``encoded`` (url-encoded text decoded), ``tokens`` (columns, what only
typesets), ``prose`` and ``macros`` (facts written as sentences, words around a definition or a claim,
``\\newcommand``), ``sentences`` (a claim or ``--of`` written as a sentence), ``forms`` with the grammar
``facts.lark`` (the form of each fact in a ``--given`` string), then the recursive descent for expressions, one room
per part of the parser class (``scope``, ``names``, ``letters`` (one meaning per letter), ``arrays``, ``expressions``,
``operators``), and the meaning of each form: ``facts`` and ``sets`` (shapes, ranges, domains), ``claims``
(definitions, derivatives, claim chains; ``heads``: what a definition's head says besides its name; ``chains``: how a
claim's text becomes one chain). ``vocabulary`` holds the functions the reader knows by name; ``fallback`` asks
latex2sympy2, or SymPy's Lark reader where latex2sympy2 does not import, about single unknown commands.
"""


from ..errors import SymgradError
from .claims import names_itself, parse_claim, parse_definition, parse_derivative, parse_expression
from .context import Context, DerivativeOf, Function, Member
from .facts import is_case, parse_assumption, parse_given, parse_statement
from .prose import where_clauses


def sum_bounds(latex: str) -> set[str]:
    """The letters that stand as the upper bound of a ``\\sum`` in ``latex`` (``n`` of ``\\sum_{i=1}^{n}``); none
    where the input does not tokenise (its reader then says why)."""
    from .chains import _sum_bounds
    from .tokens import _tokens

    try:
        return _sum_bounds(_tokens(latex))
    except SymgradError:
        return set()

__all__ = [
    "Context",
    "DerivativeOf",
    "Function",
    "Member",
    "is_case",
    "names_itself",
    "parse_assumption",
    "parse_claim",
    "parse_definition",
    "parse_derivative",
    "parse_expression",
    "parse_given",
    "parse_statement",
    "sum_bounds",
    "where_clauses",
]
