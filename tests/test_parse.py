"""symgrad.parse: real LaTeX (the seed's, Q&A styles, matrix notation) into the index vocabulary."""

from __future__ import annotations

import itertools
import time

import numpy as np
import pytest
import sympy as sp

from symgrad import catalog
from symgrad.errors import ParseError, SymgradError
from symgrad.parse import (
    Context,
    DerivativeOf,
    parse_assumption,
    parse_claim,
    parse_definition,
    parse_derivative,
    parse_expression,
    parse_given,
)
from symgrad.tensors import index, size, tensor

N, n_, d_ = size("N"), size("n"), size("d")
i, j, k, n = index("i", N), index("j", N), index("k", N), index("n", N)
a, p, y = tensor("a", N), tensor("p", N), tensor("y", N)
SOFTMAX = r"p_i = \frac{e^{a_i}}{\sum_{k=1}^Ne^{a_k}}"


def canonical(e: sp.Expr) -> sp.Expr:
    """``e`` with summation indices renamed in order of appearance: equality up to bound-index names."""
    count = itertools.count(1)

    def walk(x: sp.Expr) -> sp.Expr:
        if isinstance(x, (sp.Sum, sp.Product)):
            x = x.func(walk(x.function), *x.limits)
            for var, *_ in x.limits:
                x = x.xreplace({var: sp.Idx(sp.Symbol(f"s{next(count)}", integer=True), (var.lower, var.upper))})
            return x
        if x.args and not isinstance(x, (sp.Indexed, sp.Idx)):
            return x.func(*[walk(arg) for arg in x.args])
        return x

    return walk(e)


def same(got: sp.Expr, want: sp.Expr) -> bool:
    return canonical(sp.expand(got)) == canonical(sp.expand(want))


def softmax_ctx() -> Context:
    ctx = Context()
    parse_definition(SOFTMAX, ctx)
    return ctx


def evaluate(expr: sp.Expr, arrays: dict[str, np.ndarray], sizes: dict[sp.Symbol, sp.Integer],
             free: dict[sp.Idx, int] | None = None) -> float:
    """``expr`` at concrete arrays (1-based indices in the expression, 0-based in NumPy)."""
    # xreplace, not subs: subs renames an Idx inside a Sum body but not in its limits
    e = expr.xreplace({ix: sp.Integer(v) for ix, v in (free or {}).items()}).xreplace(sizes).doit()
    values = {x: sp.Float(arrays[str(x.base.label)][tuple(int(q) - 1 for q in x.indices)])
              for x in e.atoms(sp.Indexed)}
    return float(e.xreplace(values))


# ------------------------------------------------------------------------------------- the seed, verbatim


def test_seed_softmax_definition_is_exactly_the_catalogs():
    ctx = Context()
    assert parse_definition(SOFTMAX, ctx) == catalog.get("softmax").graph.definitions[0]
    assert ctx.tensors["a"] == a and ctx.ranges["i"] == i and ctx.sizes["N"] == N


def test_seed_softmax_sum_depends_on_its_index():
    s = parse_expression(r"\sum_{k=1}^{n} e^{a_k}")
    assert isinstance(s, sp.Sum) and s.function == sp.exp(tensor("a", n_)[index("k", n_)])
    assert s.limits == ((index("k", n_), 1, n_),)


def test_seed_softmax_claim_chain_i_equals_j():
    ctx = softmax_ctx()
    claim = (r"\frac{\partial{p_i}}{\partial{a_j}}=\frac{\partial{\frac{e^{a_i}}{\sum_{k=1}^Ne^{a_k}}}}"
             r"{{\partial{a_j}}} = p_i(1-p_j)")
    first, second, third = parse_claim(claim, ctx)
    assert first.value == DerivativeOf(p[i], a[j]) and first.text == r"\frac{\partial{p_i}}{\partial{a_j}}"
    assert isinstance(second.value, DerivativeOf) and second.value.var == a[j]
    assert second.value.of == catalog.get("softmax").graph.definitions[0].rhs
    assert third.text == "p_i(1-p_j)" and same(third.value, p[i] * (1 - p[j]))
    assert third.column == claim.index("p_i(1") + 1


def test_seed_softmax_claim_i_not_equal_j():
    ctx = softmax_ctx()
    (member,) = parse_claim(r"-p_j*p_i", ctx)
    assert member.value == -p[i] * p[j]
    text, value = member
    assert text == "-p_j*p_i" and value == member.value


def test_seed_mse_definition_bare_sum_over_samples():
    defn = parse_definition(r"loss = \sum[y-(xw+b)]^2", Context())
    x, w, b = tensor("x", N), tensor("w"), tensor("b")
    assert defn.lhs == sp.Symbol("loss")
    assert same(defn.rhs, sp.Sum((y[n] - (x[n] * w + b)) ** 2, (n, 1, N)))


def test_seed_mse_matches_catalog_after_substituting_the_model():
    mse = catalog.get("mse-linear").graph
    f_def, loss_def = mse.definitions
    want = loss_def.rhs.xreplace({f_def.lhs: f_def.rhs})
    assert same(parse_definition(r"loss = \sum[y-(xw+b)]^2", Context()).rhs, want)


def test_seed_norm_spellings_are_the_catalogs():
    mse = catalog.get("mse-linear-norm").graph
    f_def, loss_def = mse.definitions
    want = loss_def.rhs.xreplace({f_def.lhs: f_def.rhs})
    assert same(parse_definition(r"L_{2-norm} = ||y-(xw+b)||_2", Context()).rhs, want)
    assert same(parse_definition(r"loss = norm(y-(xw+b))^2", Context()).rhs, want ** 2)


def test_seed_gradient_claim_reads_nabla_fractions_and_text():
    ctx = Context()
    parse_definition(r"loss = \sum[y-f_\theta(x)]^2", ctx)
    claim = r"\frac{\nabla\text{loss}}{\nabla{\theta}}=2\sum{[y-f_\theta(x)]}*\frac{\nabla{f_\theta{(x)}}}{\nabla{\theta}}"
    lhs, rhs = parse_claim(claim, ctx)
    theta, x = sp.Symbol("theta"), tensor("x", N)
    f = sp.Function("f")
    assert lhs.value == DerivativeOf(sp.Symbol("loss"), theta)
    assert same(rhs.value, 2 * sp.Sum((y[n] - f(x[n], theta)) * sp.Derivative(f(x[n], theta), theta), (n, 1, N)))


def test_seed_sigmoid_function_definition_and_its_derivative():
    ctx = Context()
    defn = parse_definition(r"\sigma(z) = \frac{1}{1+e^{-z}}", ctx)
    assert defn == catalog.get("sigmoid").graph.definitions[0]
    of, claim = parse_claim(r"\frac{d\sigma}{dz} = \sigma(z)(1-\sigma(z))", ctx)
    s, z = sp.Symbol("sigma"), sp.Symbol("z")
    assert of.value == DerivativeOf(s, z) and claim.value == s * (1 - s)


def test_defined_function_is_inlined_at_another_argument():
    ctx = Context()
    parse_definition(r"\sigma(z) = \frac{1}{1+e^{-z}}", ctx)
    t = sp.Symbol("t")
    assert parse_expression(r"\sigma(2t)", ctx, strict=False) == 1 / (1 + sp.exp(-2 * t))
    assert parse_expression(r"\sigma(1-\sigma)", ctx) == sp.Symbol("sigma") * (1 - sp.Symbol("sigma"))


# ------------------------------------------------------------------------------------- names and indices


@pytest.mark.parametrize(("latex", "want"), [
    (r"W_{ij}", tensor("W", N, N)[i, j]),
    (r"x_{n,d}", tensor("x", N, N)[n, index("d", N)]),
    (r"y^{(i)}", y[i]),
    (r"x^{(i)}_j", tensor("x", N, N)[i, j]),
    (r"\delta_{ij}", sp.KroneckerDelta(i, j)),
    (r"\delta_{i,j}", sp.KroneckerDelta(i, j)),
    (r"δ_{ij}", sp.KroneckerDelta(i, j)),
    (r"\mathbf{x}_i", tensor("x", N)[i]),
    (r"\boldsymbol{x}_i", tensor("x", N)[i]),
    (r"\vec{x}_i", tensor("x", N)[i]),
    (r"\hat{y}_i", tensor("yhat", N)[i]),
    (r"\hat y_i - y_i", tensor("yhat", N)[i] - y[i]),
])
def test_subscripts_become_indexed_tensors(latex, want):
    assert parse_expression(latex) == want


def test_digit_subscript_is_part_of_a_scalar_name():
    assert parse_expression(r"w_1 x_2") == sp.Symbol("w_1") * sp.Symbol("x_2")


@pytest.mark.parametrize(("latex", "want"), [
    (r"f_\theta(x)", sp.Function("f")(sp.Symbol("x"), sp.Symbol("theta"))),
    (r"f_{\theta}(x)", sp.Function("f")(sp.Symbol("x"), sp.Symbol("theta"))),
    (r"f_w(x)", sp.Function("f")(sp.Symbol("x"), sp.Symbol("w"))),
    (r"h_\theta(x^{(i)})", sp.Function("h")(tensor("x", N)[i], sp.Symbol("theta"))),
    (r"g_\theta(x, z)", sp.Function("g")(sp.Symbol("x"), sp.Symbol("z"), sp.Symbol("theta"))),
    (r"f{\left(x_{n},\theta \right)}", sp.Function("f")(tensor("x", N)[n], sp.Symbol("theta"))),  # as printed
])
def test_model_subscript_is_its_parameter_and_last_argument(latex, want):
    assert parse_expression(latex) == want


def test_a_model_takes_a_declared_parameter_vector_whole():
    ctx = Context()
    parse_given(r"w \in \mathbb{R}^{d}", ctx)
    parse_given(r"n \in \{1, \dots, N\}", ctx)
    defn = parse_definition(r"L = \sum_n (y_n - f_w(x_n))^2", ctx)
    w, x, f = tensor("w", d_), tensor("x", N), sp.Function("f")
    assert same(defn.rhs, sp.Sum((y[n] - f(x[n], w)) ** 2, (n, 1, N)))
    (_, grad), (_, claim) = parse_claim(r"\nabla_w L = -2\sum_n (y_n - f_w(x_n)) \nabla_w f_w(x_n)", ctx)
    j = grad.var.indices[0]
    assert same(claim, -2 * sp.Sum((y[n] - f(x[n], w)) * sp.Derivative(f(x[n], w), w[j]), (n, 1, N)))


def test_the_seed_model_is_the_same_function_and_symbol_in_definition_derivative_and_claim():
    ctx = Context()
    defn = parse_definition(r"loss = \sum[y-f_\theta(x)]^2", ctx)
    of, var = parse_derivative(r"\frac{\nabla f_\theta(x)}{\nabla\theta}", ctx)
    (_, claim), = parse_claim(r"f_{\theta}(x)", ctx)
    (model,) = defn.rhs.atoms(sp.Function)
    assert var == ctx.tensors["theta"] == sp.Symbol("theta")
    assert of.func == model.func == claim.func == sp.Function("f")
    assert of.args[1] == model.args[1] == claim.args[1] == var


def test_a_size_used_before_its_sum_is_that_size_not_a_scalar():
    # the 1/(2m) of Ng's cost comes before \sum_{i=1}^{m}: one m, a positive integer
    ctx = Context()
    defn = parse_definition(r"J = \frac{1}{2m}\sum_{i=1}^{m} (h_\theta(x^{(i)}) - y^{(i)})^2", ctx)
    m = size("m")
    assert [s for s in defn.rhs.free_symbols if str(s) == "m"] == [m]
    assert "m" not in ctx.tensors and ctx.sizes["m"] == m


def test_an_indexed_model_name_or_a_defined_one_is_not_a_model():
    assert parse_expression(r"\sum_i f_i(x_i)") == sp.Sum(tensor("f", N)[i] * tensor("x", N)[i], (i, 1, N))
    ctx = Context()
    parse_definition(r"f_\theta(t) = 2t", ctx)
    assert parse_expression(r"f_\theta(3)", ctx) == 6


def test_indexed_name_followed_by_parenthesis_multiplies():
    ctx = softmax_ctx()
    assert parse_expression(r"p_i(1-p_i)", ctx) == p[i] * (1 - p[i])


def test_bare_sum_over_the_only_free_index():
    e = parse_expression(r"\sum y_k \log p_k", softmax_ctx(), strict=False)
    assert e == sp.Sum(y[k] * sp.log(p[k]), (k, 1, N))


def test_sum_with_subscript_only_takes_range_from_context():
    ctx = softmax_ctx()
    assert parse_expression(r"\sum_k p_k", ctx) == sp.Sum(p[k], (k, 1, N))
    assert parse_expression(r"\sum_{j} a_j", ctx) == sp.Sum(a[j], (j, 1, N))


def test_sum_body_is_the_following_product_only():
    e = parse_expression(r"\sum_{k=1}^{N} y_k \log p_k + c", softmax_ctx(), strict=False)
    assert e == sp.Sum(y[k] * sp.log(p[k]), (k, 1, N)) + sp.Symbol("c")


def test_double_sum_and_prod():
    B, C = size("B"), size("C")
    nb, c = index("n", B), index("c", C)
    Y = tensor("y", B, C)
    e = parse_expression(r"\sum_{n=1}^{B}\sum_{c=1}^{C} y_{nc}")
    assert e == sp.Sum(sp.Sum(Y[nb, c], (c, 1, C)), (nb, 1, B))
    assert parse_expression(r"\prod_{k=1}^{N} a_k") == sp.Product(a[k], (k, 1, N))


def test_seed_ce_logits_definitions_with_declared_sizes():
    ctx = Context()
    parse_given(r"x \in \mathbb{R}^{B \times D}", ctx)
    parse_given(r"w \in \mathbb{R}^{D \times C}", ctx)
    parse_given(r"b \in \mathbb{R}^{C}", ctx)
    parse_given(r"y \in \mathbb{R}^{B \times C}", ctx)
    z = parse_definition(r"z_{nc} = \sum_{d=1}^{D} x_{nd} w_{dc} + b_c", ctx)
    pr = parse_definition(r"p_{nc} = \frac{e^{z_{nc}}}{\sum_{k=1}^{C} e^{z_{nk}}}", ctx)
    loss = parse_definition(r"L = -\frac{1}{B}\sum_{n=1}^{B}\sum_{c=1}^{C} y_{nc}\log p_{nc}", ctx)
    logits, probabilities, ce = catalog.get("seed-ce-logits").graph.definitions
    assert (z, pr) == (logits, probabilities)
    B, C = size("B"), size("C")
    # sum_n sum_c against the catalog's sum_c sum_n: the same finite sum, compared at B = C = 2
    assert sp.expand((loss.rhs - ce.rhs).subs({B: 2, C: 2}).doit()) == 0


def test_cce_with_constraint_given():
    ctx = Context()
    parse_definition(r"p_i = \frac{e^{z_i}}{\sum_{k=1}^{N} e^{z_k}}", ctx)
    parse_definition(r"L = -\sum_{k=1}^{N} y_k \log p_k", ctx)
    parse_given(r"\sum_{k=1}^{N} y_k = 1", ctx)
    graph = catalog.get("cce-logits").graph
    assert ctx.graph("L").definitions == graph.definitions
    (c,) = ctx.constraints
    assert (c.lhs, c.rhs) == (graph.constraints[0].lhs, graph.constraints[0].rhs)


def test_mse_model_definition_defaults_to_size_n():
    ctx = Context()
    assert parse_definition(r"f_n = x_n w + b", ctx) == catalog.get("mse-linear").graph.definitions[0]


# ------------------------------------------------------------------------------------- functions


@pytest.mark.parametrize(("latex", "want"), [
    (r"\log x", sp.log(sp.Symbol("x"))),
    (r"\ln x", sp.log(sp.Symbol("x"))),
    (r"\log_2 x", sp.log(sp.Symbol("x"), 2)),
    (r"\exp(x)", sp.exp(sp.Symbol("x"))),
    (r"\exp x", sp.exp(sp.Symbol("x"))),
    (r"e^{x}", sp.exp(sp.Symbol("x"))),
    (r"e^x", sp.exp(sp.Symbol("x"))),
    (r"\sigma(z)", 1 / (1 + sp.exp(-sp.Symbol("z")))),
    (r"\tanh(z)", sp.tanh(sp.Symbol("z"))),
    (r"\sqrt{x}", sp.sqrt(sp.Symbol("x"))),
    (r"\frac12", sp.Rational(1, 2)),
    (r"0.5x", sp.Symbol("x") / 2),
    (r"|x|", sp.Abs(sp.Symbol("x"))),
])
def test_functions_and_constants(latex, want):
    assert parse_expression(latex) == want


def test_log_is_natural_not_base_ten():
    e = parse_expression(r"\log x")
    assert e.subs(sp.Symbol("x"), sp.E) == 1


def test_softmax_operator_subscripted():
    ctx = Context()
    parse_given(r"z \in \mathbb{R}^{N}", ctx)
    z = tensor("z", N)
    e = parse_expression(r"\mathrm{softmax}(z)_j", ctx)
    assert same(e, sp.exp(z[j]) / sp.Sum(sp.exp(z[k]), (k, 1, N)))


# ------------------------------------------------------------------------------------- wrappers and styles


@pytest.mark.parametrize("latex", [
    r"p_i\left(1-p_j\right)",
    r"p_i \cdot (1 - p_j)",
    r"p_i \times (1 - p_j)",
    r"\boxed{p_i(1-p_j)}",
    r"{\color{red} p_i}(1-p_j)",
    r"\textcolor{blue}{p_i}(1-p_j)",
    r"p_i(1-p_j) \tag{3}",
    r"\displaystyle p_i\,(1-p_j)",
    r"\bbox[yellow]{p_i(1-p_j)}",
    r"$p_i(1-p_j)$",
    r"\(p_i(1-p_j)\)",
    r"\mathbf{p}_i(1-\mathbf{p}_j)",
    r"p_i\big(1-p_j\big)",
    r"p_i(1−p_j)",
])
def test_wrappers_and_spacing_are_ignored(latex):
    (member,) = parse_claim(latex, softmax_ctx())
    assert same(member.value, p[i] * (1 - p[j]))


def test_unicode_derivative_and_sum():
    ctx = softmax_ctx()
    first, second = parse_claim(r"\frac{∂p_i}{∂a_j} = p_i(δ_{ij} − p_j)", ctx)
    assert first.value == DerivativeOf(p[i], a[j])
    assert same(second.value, p[i] * (sp.KroneckerDelta(i, j) - p[j]))
    assert parse_expression("Σ_{k=1}^{N} a_k", ctx) == sp.Sum(a[k], (k, 1, N))


def test_aligned_chain_with_ampersands_and_line_breaks():
    ctx = softmax_ctx()
    claim = (r"\begin{aligned} \frac{\partial p_i}{\partial a_j} &= p_i \delta_{ij} - p_i p_j \\"
             r" &= p_i(\delta_{ij} - p_j) \end{aligned}")
    first, second, third = parse_claim(claim, ctx)
    assert first.value == DerivativeOf(p[i], a[j])
    assert same(second.value, third.value) and third.text == r"p_i(\delta_{ij} - p_j)"


def test_stackexchange_quotient_rule_step():
    ctx = softmax_ctx()
    _, rhs = parse_claim(r"\frac{\partial p_i}{\partial a_j} = \frac{e^{a_i}\sum_{k=1}^N e^{a_k} - e^{a_j}e^{a_i}}"
                         r"{\left(\sum_{k=1}^N e^{a_k}\right)^2}", ctx)
    total = sp.Sum(sp.exp(a[k]), (k, 1, N))
    assert same(rhs.value, (sp.exp(a[i]) * total - sp.exp(a[j]) * sp.exp(a[i])) / total ** 2)


def test_derivative_inside_a_sum_stays_unevaluated():
    ctx = softmax_ctx()
    parse_given(r"y \in \mathbb{R}^{N}", ctx)
    parse_definition(r"L = -\sum_j y_j \log p_j", ctx)
    first, second = parse_claim(r"\frac{\partial L}{\partial a_i} = -\sum_k y_k \frac{\partial \log p_k}{\partial a_i}", ctx)
    assert first.value == DerivativeOf(sp.Symbol("L"), a[i])
    assert second.value == -sp.Sum(y[k] * sp.Derivative(sp.log(p[k]), a[i]), (k, 1, N))


def test_cases_become_piecewise():
    ctx = softmax_ctx()
    e = parse_expression(r"\begin{cases} p_i(1-p_i) & \text{if } i = j \\ -p_i p_j & \text{otherwise} \end{cases}", ctx)
    assert e == sp.Piecewise((p[i] * (1 - p[i]), sp.Eq(i, j)), (-p[i] * p[j], True))


# ------------------------------------------------------------------------------------- derivatives


@pytest.mark.parametrize("latex", [
    r"\frac{\partial L}{\partial w}",
    r"\frac{dL}{dw}",
    r"\frac{d L}{d w}",
    r"\frac{\mathrm{d}L}{\mathrm{d}w}",
    r"\frac{\partial}{\partial w} L",
    r"\nabla_w L",
    r"\nabla_{w} L",
    r"\frac{\delta L}{\delta w}",
    r"\frac{δL}{δw}",
    r"\frac{\nabla L}{\nabla w}",
    r"\partial_w L",
])
def test_derivative_spellings(latex):
    assert parse_derivative(latex, Context()) == (sp.Symbol("L"), sp.Symbol("w"))


def test_derivative_of_indexed_names():
    assert parse_derivative(r"\frac{\partial p_i}{\partial a_j}", softmax_ctx()) == (p[i], a[j])


def test_operator_form_applies_to_a_parenthesised_expression():
    of, var = parse_derivative(r"\frac{\partial}{\partial a_j}\left(\log p_i\right)", softmax_ctx())
    assert (of, var) == (sp.log(p[i]), a[j])


def test_derivative_with_respect_to_whole_matrix_gets_fresh_indices():
    ctx = Context()
    parse_given(r"W \in \mathbb{R}^{d \times n}", ctx)
    of, var = parse_derivative(r"\frac{\partial L}{\partial W}", ctx)
    assert of == sp.Symbol("L") and var.base == tensor("W", d_, n_)
    assert [ix.upper for ix in var.indices] == [d_, n_]


# ------------------------------------------------------------------------------------- givens and assumptions


def test_givens_shapes_ranges_domains():
    ctx = Context()
    parse_given(r"X \in \mathbb{R}^{n \times d}", ctx)
    parse_given(r"w, v \in \mathbb{R}^{d}", ctx)
    parse_given(r"i, j \in \{1, \dots, n\}", ctx)
    parse_given(r"1 \le m \le d", ctx)
    parse_given(r"y_k \in \{0, 1\}", ctx)
    parse_given(r"p \in (0, 1)", ctx)
    parse_given(r"\lambda \in \mathbb{R}", ctx)
    assert ctx.tensors["X"] == tensor("X", n_, d_) and ctx.tensors["v"] == tensor("v", d_)
    assert ctx.ranges["i"] == index("i", n_) and ctx.ranges["j"] == index("j", n_)
    assert ctx.ranges["m"] == index("m", d_)
    assert ctx.domains["y"] == sp.FiniteSet(0, 1) and ctx.domains["p"] == sp.Interval.open(0, 1)
    assert ctx.tensors["lambda"] == sp.Symbol("lambda")


def test_given_range_is_used_by_later_expressions():
    ctx = Context()
    parse_given(r"i, j \in \{1, \ldots, C\}", ctx)
    C = size("C")
    assert parse_expression(r"\delta_{ij}", ctx) == sp.KroneckerDelta(index("i", C), index("j", C))


@pytest.mark.parametrize(("latex", "cls"), [("i = j", sp.Eq), (r"i \neq j", sp.Ne), (r"i \ne j", sp.Ne),
                                            ("i ≠ j", sp.Ne)])
def test_assumptions_relate_indices(latex, cls):
    ctx = softmax_ctx()
    rel = parse_assumption(latex, ctx)
    assert rel == cls(i, j) and ctx.assumptions == [rel]


# ------------------------------------------------------------------------------------- matrix notation


def linear_ctx() -> Context:
    ctx = Context()
    parse_given(r"X \in \mathbb{R}^{n \times d}", ctx)
    parse_given(r"w \in \mathbb{R}^{d}", ctx)
    parse_given(r"y \in \mathbb{R}^{n}", ctx)
    return ctx


def test_norm_squared_is_a_sum_of_squares():
    ctx = linear_ctx()
    defn = parse_definition(r"L = \|Xw - y\|_2^2", ctx)
    X, w, yv = tensor("X", n_, d_), tensor("w", d_), tensor("y", n_)
    r, c = index("r", n_), index("c", d_)
    assert same(defn.rhs, sp.Sum((sp.Sum(X[r, c] * w[c], (c, 1, d_)) - yv[r]) ** 2, (r, 1, n_)))


@pytest.mark.parametrize("claim", [r"\nabla_w L = 2X^T(Xw - y)", r"\nabla_w L = 2X^\top(Xw - y)",
                                   r"\nabla_w L = 2 X'(X w - y)", r"\nabla_{\mathbf{w}} L = 2\mathbf{X}^T(\mathbf{X}\mathbf{w} - \mathbf{y})"])
def test_matrix_gradient_claim_is_indexed_by_the_derivative(claim):
    ctx = linear_ctx()
    parse_definition(r"L = \|Xw - y\|_2^2", ctx)
    deriv, rhs = parse_claim(claim, ctx)
    (free,) = deriv.value.free_indices
    assert rhs.indices == (free,)
    rng = np.random.default_rng(0)
    arrays = {"X": rng.normal(size=(3, 2)), "w": rng.normal(size=2), "y": rng.normal(size=3)}
    want = 2 * arrays["X"].T @ (arrays["X"] @ arrays["w"] - arrays["y"])
    for q in (1, 2):
        got = evaluate(rhs.value, arrays, {n_: sp.Integer(3), d_: sp.Integer(2)}, {free: q})
        assert got == pytest.approx(want[q - 1], rel=1e-12)


def test_softmax_jacobian_matrix_form():
    ctx = Context()
    parse_given(r"p, a \in \mathbb{R}^{N}", ctx)
    deriv, rhs = parse_claim(r"\frac{\partial p}{\partial a} = \operatorname{diag}(p) - pp^T", ctx)
    r, c = deriv.value.free_indices
    assert rhs.indices == (r, c)
    assert same(rhs.value, p[r] * sp.KroneckerDelta(r, c) - p[r] * p[c])


def test_transposed_product_divided_by_batch():
    ctx = Context()
    parse_given(r"P, Y \in \mathbb{R}^{N \times C}", ctx)
    parse_given(r"X \in \mathbb{R}^{N \times D}", ctx)
    parse_given(r"W \in \mathbb{R}^{D \times C}", ctx)
    parse_given(r"L \in \mathbb{R}", ctx)  # declared: the derivative of a name nobody defined or declared is refused
    deriv, rhs = parse_claim(r"\frac{\partial L}{\partial W} = (P - Y)^T X / N", ctx)
    r, c = deriv.value.free_indices
    rng = np.random.default_rng(1)
    arrays = {"P": rng.normal(size=(4, 3)), "Y": rng.normal(size=(4, 3)), "X": rng.normal(size=(4, 2))}
    want = (arrays["P"] - arrays["Y"]).T @ arrays["X"] / 4
    sizes = {N: sp.Integer(4), size("C"): sp.Integer(3), size("D"): sp.Integer(2)}
    # (P - Y)^T X has shape C x D: the claim's layout is the transpose of W's (D x C)
    assert evaluate(rhs.value, arrays, sizes, {r: 2, c: 1}) == pytest.approx(want[1, 0], rel=1e-12)


def test_dot_products_and_hadamard():
    ctx = Context()
    parse_given(r"x, w, v \in \mathbb{R}^{d}", ctx)
    x, w = tensor("x", d_), tensor("w", d_)
    c = index("c", d_)
    assert same(parse_expression(r"x^T w", ctx), sp.Sum(x[c] * w[c], (c, 1, d_)))
    assert same(parse_expression(r"x \cdot w", ctx), sp.Sum(x[c] * w[c], (c, 1, d_)))
    assert same(parse_expression(r"\sum (x \odot w)", ctx), sp.Sum(x[c] * w[c], (c, 1, d_)))


def test_function_of_a_vector_defined_and_differentiated():
    ctx = Context()
    for g in (r"A \in \mathbb{R}^{m \times n}", r"x \in \mathbb{R}^{n}", r"b \in \mathbb{R}^{m}"):
        parse_given(g, ctx)
    parse_definition(r"f(x) = \|Ax - b\|_2^2", ctx)
    deriv, rhs = parse_claim(r"\nabla f(x) = 2A^T(Ax-b)", ctx)
    assert deriv.value.of == sp.Symbol("f") and deriv.value.var.base == ctx.tensors["x"]
    assert rhs.indices == deriv.value.free_indices


# ------------------------------------------------------------------------------------- errors


@pytest.mark.parametrize(("latex", "message", "column"), [
    (r"p_i + \foo", r"unknown command \foo", 7),
    (r"\frac{1}{2", "unbalanced braces: { is never closed", 9),
    (r"x + y}", "unbalanced braces: } without a matching {", 6),
    (r"(x + y", "expected ) to close ( at column 1, found the end", 7),
    (r"x + ", "expected an expression, found the end", 5),
    (r"x \pm y", r"\pm is not supported", 3),
    (r"a_{k+1}", "index arithmetic (a_{k+1}) is not supported", 4),
    (r"\begin{vmatrix} 1 \end{vmatrix}", "environment vmatrix is not supported (write index notation)", 1),
    ("x ⊕ y", "unexpected character '⊕'", 3),
])
def test_errors_carry_message_and_column(latex, message, column):
    with pytest.raises(ParseError) as info:
        parse_expression(latex, Context())
    assert str(info.value) == f"{message} at column {column}"
    assert info.value.column == column and info.value.source == latex


def test_undefined_name_in_a_claim_is_an_error_with_its_column():
    with pytest.raises(ParseError, match=r"name q is not defined at column 9"):
        parse_claim(r"p_i(1 - q_j)", softmax_ctx())


def test_wrong_number_of_indices_is_an_error():
    with pytest.raises(ParseError, match="p takes 1 indices, got 2 at column 1"):
        parse_expression(r"p_{ij}", softmax_ctx())


def test_mismatched_shapes_are_an_error():
    with pytest.raises(ParseError, match="matrix product: size d does not match size n at column 5"):
        parse_expression(r"w^T y", linear_ctx())


def test_free_index_on_the_right_only_defines_one_name_per_index_noted():
    # was refused; issue 9 asks for the family reading (z_k = ... read as one z per k), with the reading shown
    ctx = Context()
    d = parse_definition(r"L = y_k", ctx)
    assert d.lhs.base.label == sp.Symbol("L") and d.lhs.indices == d.rhs.indices
    assert any("L read as L_{k}" in n for n in ctx.notes)


def test_every_failure_is_a_parse_error_never_another_exception():
    nasty = ["", "=", r"\frac{}{}", r"\sum", "^2", "x_", r"\left( x", r"\sqrt", r"\frac{\partial}{\partial}",
             r"\begin{cases} x \end{cases}", "p_i = = 1", r"\mathbb{R}", "||x", r"\text{", "x^{T", r"\hat{}",
             r"\nabla", r"x \in \mathbb{Q}", "1 < 2 <"]
    for latex in nasty:
        for parse in (parse_expression, parse_claim, parse_definition, parse_given, parse_assumption):
            try:
                parse(latex, Context())
            except SymgradError:
                pass


def test_parse_is_fast():
    ctx = softmax_ctx()
    start = time.perf_counter()
    for _ in range(20):
        parse_claim(r"\frac{\partial{p_i}}{\partial{a_j}}=\frac{\partial{\frac{e^{a_i}}{\sum_{k=1}^Ne^{a_k}}}}"
                    r"{{\partial{a_j}}} = p_i(1-p_j)", ctx)
    assert (time.perf_counter() - start) / 20 < 0.1


def test_hyperbolic_and_extremum_functions_read_in_index_notation():
    from symgrad.parse import Context, parse_definition

    N = sp.Symbol("N", integer=True, positive=True)
    n = sp.Idx(sp.Symbol("n", integer=True), (1, N))
    y, z, yhat = (sp.IndexedBase(s, shape=(N,)) for s in ("y", "z", "yhat"))
    ctx = Context()
    parse_definition(r"\hat y_n = z_n", ctx)
    d = parse_definition(r"L = \frac{1}{N}\sum_{n=1}^{N} \log\cosh(\hat y_n - y_n)", ctx)
    assert str(d.rhs) == str(sp.Sum(sp.log(sp.cosh(yhat[n] - y[n])), (n, 1, N)) / N)
    d = parse_definition(r"L = \frac{1}{N}\sum_{n=1}^{N} \max(0, 1 - y_n z_n)", Context())
    assert str(d.rhs) == str(sp.Sum(sp.Max(0, 1 - y[n] * z[n]), (n, 1, N)) / N)


def test_unclosed_max_names_the_column_of_its_bracket():
    from symgrad.parse import Context, parse_definition

    with pytest.raises(ParseError, match="column 9"):
        parse_definition(r"L = \min(a, b", Context())
