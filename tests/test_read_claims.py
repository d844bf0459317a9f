"""symgrad.read definitions and claims as real pages write them (issue 9, items 3 and 4)."""

from __future__ import annotations

import pytest
import sympy as sp

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.read import Context, parse_claim, parse_definition, parse_expression, parse_given

SOFTMAX = r"p_j = \frac{e^{o_j}}{\sum_k e^{o_k}}"
CE = r"L = -\sum_j y_j \log p_j"


@pytest.fixture
def ce() -> Context:
    ctx = Context()
    parse_definition(SOFTMAX, ctx)
    parse_definition(CE, ctx)
    return ctx


def value(ctx: Context, claim: str) -> sp.Expr:
    (m,) = parse_claim(claim, ctx)
    return m.value


@pytest.mark.parametrize("claim", [r"\sum_{k\ne i} y_k p_i", r"\sum_{k \neq i} y_k p_i",
                                   r"\sum_{k=1, k \neq i}^{N} y_k p_i"])
def test_a_sum_excluding_an_index_is_the_sum_times_one_minus_delta(ce, claim):
    got = value(ce, claim)
    i, k = ce.ranges["i"], ce.ranges["k"]
    y, p = ce.tensors["y"], ce.definitions["p"].lhs.base
    assert got.dummy_eq(sp.Sum((1 - sp.KroneckerDelta(i, k)) * y[k] * p[i], (k, 1, k.upper)))


def test_a_sum_with_only_an_upper_bound_runs_from_one(ce):
    p = ce.definitions["p"].lhs.base
    j = ce.ranges["j"]
    n = sp.Symbol("N", integer=True, positive=True)
    assert value(ce, r"\sum_j^N p_j") == sp.Sum(p[j], (j, 1, n))
    assert value(ce, r"\sum^N_{j=1} p_j") == sp.Sum(p[j], (j, 1, n))


def test_the_excluded_sum_claim_of_a_real_answer_is_proved():
    v = verify(r"-y_i(1-p_i) - \sum_{k\ne i} y_k \frac{1}{p_k} (-p_kp_i) \\ & = -y_i + y_i p_i + \sum_{k\ne i} y_k p_i",
               of=r"\frac{\partial{L}}{\partial{o_i}}",
               define=[r"p_j = \frac{\exp{o_j}}{\sum_{k}\exp{o_k}}", r"L = - \sum_{j} y_j \log p_j"])
    assert v.verdict == "proved"


def test_a_wrong_excluded_sum_is_wrong():
    v = verify(r"-y_i(1-p_i) - \sum_{k\ne i} y_k p_i", of=r"\frac{\partial{L}}{\partial{o_i}}",
               define=[SOFTMAX, CE])
    assert v.verdict == "wrong"


def test_a_full_stop_or_comma_ending_the_sentence_is_not_read():
    ctx = Context()
    d = parse_definition(r"p_j = \frac{e^{o_j}}{\sum_k e^{o_k}}.", ctx)
    assert parse_definition(r"L = -\sum_j y_j \log p_j,", ctx).rhs.has(d.lhs.base)


@pytest.mark.parametrize("text", [r"L := x^2", r"L \coloneqq x^2", r"L \triangleq x^2"])
def test_definition_symbols_read_as_equals(text):
    assert parse_definition(text, Context()).rhs == sp.Symbol("x") ** 2


def test_a_definition_restated_in_a_chain_uses_its_first_side_and_says_so():
    ctx = Context()
    parse_given(r"z \in \mathbb{R}", ctx)
    d = parse_definition(r"s = \frac{1}{1+e^{-z}} = \frac{e^z}{1+e^z}", ctx)
    assert d.rhs == 1 / (1 + sp.exp(-sp.Symbol("z")))
    assert ctx.notes == [r"s defined by its side 1, \frac{1}{1+e^{-z}}; the other sides of its = chain are not checked"]


def test_a_chain_continued_from_an_earlier_line_starts_with_equals(ce):
    members = parse_claim(r"= p_i - y_i", ce)
    assert len(members) == 1 and members[0].text == "p_i - y_i"


def test_an_element_defined_with_its_inputs_named_is_that_element():
    ctx = Context()
    d = parse_definition(r"p_i(\mathbf{a}) = \frac{e^{a_i}}{\sum_k{e^{a_k}}}", ctx)
    i = d.lhs.indices[0]
    l_ = parse_definition(r"L(\mathbf{p(a)},\mathbf{y}) = \sum_i(p_i(\mathbf{a}) - y_i)^2", ctx)
    assert l_.rhs == sp.Sum((d.lhs.base[i] - ctx.tensors["y"][i]) ** 2, (i, 1, i.upper))


def test_a_defined_name_before_a_bracket_that_is_not_its_inputs_multiplies(ce):
    p = ce.definitions["p"].lhs.base
    i = ce.ranges.get("i") or sp.Idx(sp.Symbol("i", integer=True), (1, sp.Symbol("N", integer=True, positive=True)))
    assert value(ce, r"p_i(1 - p_i)") == p[i] * (1 - p[i])


def test_an_empty_side_in_the_middle_is_still_an_error(ce):
    with pytest.raises(ParseError, match="an empty side of ="):
        parse_claim(r"p_i = = y_i", ce)


def test_plain_tex_over_is_a_fraction():
    assert parse_definition(r"z = {1 \over 1 + e^{-h}}", Context()).rhs == 1 / (1 + sp.exp(-sp.Symbol("h")))


def test_prime_written_as_superscript_prime_is_the_derivative():
    ctx = Context()
    parse_definition(r"f(x) = x^3", ctx)
    members = parse_claim(r"f^\prime(x) = f^{\prime}(x) = f'(x)", ctx)
    x = sp.Symbol("x")
    assert all(m.value.of == sp.Symbol("f") and m.value.var == x for m in members)


def test_e_to_a_vector_is_elementwise_and_a_bare_sum_sums_it():
    d = parse_definition(r"o_b=\frac{e^{z_b}}{\sum e^{z}}", Context())
    (total,) = d.rhs.atoms(sp.Sum)
    (k, lo, hi), = total.limits
    (z,) = d.rhs.atoms(sp.IndexedBase)
    assert lo == 1 and d.rhs == sp.exp(z[d.lhs.indices[0]]) / sp.Sum(sp.exp(z[k]), (k, lo, hi))


def test_a_braced_name_and_a_label_before_a_definition_are_read_past():
    ctx = Context()
    assert parse_definition(r"{Co}= (a - y)^2", ctx).lhs == sp.Symbol("Co")
    assert parse_definition(r"\mbox{Logistic regression: } s = \sigma(h)", ctx).lhs == sp.Symbol("s")


def test_definitions_given_before_what_they_use_are_kept_in_computing_order():
    v = verify(r"\frac{\partial C}{\partial w} = (y-a)\sigma'(z)x",
               define=[r"C = \frac{1}{2}(y - a)^2", r"a = \sigma(z)", r"z = wx + b"])
    assert v.verdict == "wrong"  # the real slip: the sign of (y - a) is lost
    v = verify(r"\frac{\partial C}{\partial w} = (a-y)\sigma'(z)x",
               define=[r"C = \frac{1}{2}(y - a)^2", r"a = \sigma(z)", r"z = wx + b"])
    assert v.verdict == "proved"


def test_a_period_between_factors_is_a_product():
    x = sp.Symbol("x")
    assert parse_definition(r"y = x . \sigma(x)", Context()).rhs == x / (1 + sp.exp(-x))


def test_a_colon_between_arrays_is_the_frobenius_product():
    ctx = Context()
    parse_given(r"y, h \in \mathbb{R}^n", ctx)
    d = parse_definition(r"L = y:\log(h)", ctx)
    (total,) = d.rhs.atoms(sp.Sum)
    (i, _, n), = total.limits
    assert d.rhs == sp.Sum(ctx.tensors["y"][i] * sp.log(ctx.tensors["h"][i]), (i, 1, n))


def test_a_macro_given_as_a_fact_is_expanded_in_what_follows():
    ctx = Context()
    parse_given(r"$\newcommand{\sigmoid}{\operatorname{sigmoid}}$", ctx)
    z = sp.Symbol("z")
    assert parse_definition(r"a = \sigmoid(z)", ctx).rhs == 1 / (1 + sp.exp(-z))


def test_a_macro_with_an_optional_argument_is_refused():
    with pytest.raises(ParseError, match="optional argument"):
        parse_given(r"\newcommand{\norm}[1][2]{\|#1\|_{#2}}", Context())


def test_a_prime_on_a_name_of_one_variable_is_its_derivative():
    v = verify(r"y’ = y + σ(x) . (1 – y)", define=[r"y = x . σ(x)", r"σ(x) = 1/(1+e^{-x})"])
    assert v.verdict == "proved"
    v = verify(r"y’ = y + σ(x) . (1 – σ(x))", define=[r"y = x . σ(x)", r"σ(x) = 1/(1+e^{-x})"])
    assert v.verdict == "wrong"


def test_a_prime_on_a_bracket_is_its_derivative_and_inside_a_chain_its_value():
    v = verify(r"\left(\frac{1}{1+e^{-x}}\right)'=\frac{-(1+e^{-x})'}{(1+e^{-x})^2}=\frac{e^{-x}}{(1+e^{-x})^2}")
    assert v.verdict == "proved"


def test_a_prime_on_something_of_several_variables_is_refused():
    with pytest.raises(ParseError, match="a prime needs one variable"):
        parse_claim(r"(\lambda(w_1^2 + w_2^2))' = 2\lambda w_1", Context())


def test_greek_letters_spelled_in_plain_text_are_those_letters():
    d = parse_definition(r"swish(x) = x * sigmoid(beta * x)", Context())
    x, beta = sp.Symbol("x"), sp.Symbol("beta")
    assert d.rhs == x / (1 + sp.exp(-beta * x))


@pytest.mark.parametrize(("claim", "case"), [
    (r"\frac{\partial{p_j}}{\partial{o_i}} = p_i (1-p_i), \quad i = j", sp.Eq),
    (r"\frac{\partial{p_j}}{\partial{o_i}} = - p_i p_j \text{ for } i \ne j", sp.Ne),
])
def test_a_case_written_after_the_claim_is_an_assumption(claim, case):
    ctx = Context()
    d = parse_definition(r"p_j = \frac{e^{o_j}}{\sum_k e^{o_k}}", ctx)
    members = parse_claim(claim, ctx)
    (rel,) = ctx.assumptions
    assert len(members) == 2 and isinstance(rel, case) and {str(a) for a in rel.args} == {"i", "j"}
    assert members[1].value.has(d.lhs.base)


@pytest.mark.parametrize("claim", [r"\partial y_i / \partial x_k = y_i(\delta_{ik} - y_k)",
                                   r"∂y_i/∂x_k = y_i(\delta_{ik} - y_k)"])
def test_an_inline_derivative_is_the_derivative(claim):
    v = verify(claim, define=[r"y_i = \frac{e^{x_i}}{\sum_k e^{x_k}}"])
    assert v.verdict == "proved"


def test_an_inline_derivative_of_a_wrong_jacobian_is_wrong():
    v = verify(r"\partial y_i / \partial x_k = y_i(1 - y_k)", define=[r"y_i = \frac{e^{x_i}}{\sum_k e^{x_k}}"])
    assert v.verdict == "wrong"


def test_a_power_before_the_index_is_the_power_of_the_element():
    d = parse_definition(r"z_j = \frac{x_{j} - \mu_j}{\sqrt{\sigma^2_j + \epsilon}}", Context())
    (j,) = d.lhs.indices
    sigma = next(b for b in d.rhs.atoms(sp.IndexedBase) if str(b) == "sigma")
    assert d.rhs.has(sigma[j] ** 2)


def test_one_over_a_vector_is_elementwise():
    ctx = Context()
    parse_given(r"x \in \mathbb{R}^n", ctx)
    d = parse_definition(r"q = \frac{1}{e^{-x}+1}", ctx)
    (i,) = d.lhs.indices
    assert d.rhs == 1 / (1 + sp.exp(-ctx.tensors["x"][i]))


def test_a_variance_defined_by_its_square_defines_the_standard_deviation():
    ctx = Context()
    parse_given(r"x \in \mathbb{R}^D", ctx)
    parse_definition(r"\mu = \frac{1}{D}\sum_{i=1}^{D} x_i", ctx)
    d = parse_definition(r"\sigma^2 = \frac{1}{D}\sum_{i=1}^{D} (x_i - \mu)^2", ctx)
    (total,) = d.rhs.atoms(sp.Sum)
    assert d.lhs == sp.Symbol("sigma") and sp.simplify(d.rhs ** 2 - total / total.limits[0][2]) == 0
    assert "sigma^2 = ... defines sigma as its nonnegative square root" in ctx.notes


def test_plain_text_leibniz_notation_is_the_derivative():
    ctx = Context()
    parse_definition(r"y = x^2", ctx)
    (d, v) = parse_claim(r"dy/dx = 2*x", ctx)
    assert (d.value.of, d.value.var) == (sp.Symbol("y"), sp.Symbol("x")) and v.value == 2 * sp.Symbol("x")


def test_a_url_encoded_space_is_a_space():
    ctx = Context()
    parse_definition(r"y = x^2", ctx)
    (d, _) = parse_claim(r"\frac{\partial%20y}{\partial%20x} = 2x", ctx)
    assert d.value.of == sp.Symbol("y")


def test_an_operator_with_nothing_after_it_differentiates_the_loss_noted():
    v = verify(r"\frac{\partial}{\partial b} = \frac{2}{N} \sum_{i=1}^N - (y_i - (mx_i + b))",
               define=[r"L = \frac{1}{N}\sum_{i=1}^N (y_i - (mx_i + b))^2"])
    assert v.verdict == "proved"


def test_a_decoration_over_a_subscripted_letter_decorates_the_name():
    d = parse_definition(r"MSE = \frac{1}{n}\sum_{j=1}^{n}(\hat{y_j} - y_j)^2", Context())
    assert {str(b) for b in d.rhs.atoms(sp.IndexedBase)} == {"yhat", "y"}


@pytest.mark.parametrize("claim", [r"\frac{\delta}{\delta X} {\rm Tr}(XA) = A^T", r"\nabla_A trABA^TC = CAB +C^TAB^T",
                                   r"\frac{\partial}{\partial X} \Tr(XA) = A^T"])
def test_the_trace_is_read_as_a_sum_of_the_diagonal_never_as_a_product_of_letters(claim):
    # was refused until symgrad.linalg landed (issue 13): now the trace, a contraction
    derivative = parse_claim(claim, Context())[0].value
    assert isinstance(derivative.of, sp.Sum) and not {"t", "r", "T"} & {str(s) for s in derivative.of.free_symbols}


def test_a_diagonal_case_after_the_claim_is_judged_on_the_diagonal():
    v = verify(r"\frac{\partial{p_j}}{\partial{o_i}} = p_i (1-p_i), \quad i = j",
               define=[r"p_j = \frac{\exp{o_j}}{\sum_{k}\exp{o_k}}"])
    assert v.verdict == "proved"
    v = verify(r"\frac{\partial{p_j}}{\partial{o_i}} = p_i (1+p_i), \quad i = j",
               define=[r"p_j = \frac{\exp{o_j}}{\sum_{k}\exp{o_k}}"])
    assert v.verdict == "wrong"


def test_a_plain_text_word_subscript_is_part_of_the_name():
    d = parse_definition(r"L = (y - y_hat)²", Context())
    assert d.rhs == (sp.Symbol("y") - sp.Symbol("yhat")) ** 2
    assert parse_definition(r"L = y_pred", Context()).rhs == sp.Symbol("y_pred")


def test_the_gradient_of_a_defined_function_has_components():
    v = verify(r"\nabla f(x)_i = \frac{e^{x_i}}{\sum_{j=1}^n e^{x_j}}", define=[r"f(x) = \log \sum_{i=1}^n e^{x_i}"])
    assert v.verdict == "proved"
    v = verify(r"\nabla f(x)_i = \frac{e^{x_i}}{\sum_{j=1}^n x_j}", define=[r"f(x) = \log \sum_{i=1}^n e^{x_i}"])
    assert v.verdict == "wrong"


def test_a_remark_in_text_after_the_formula_is_not_read():
    d = parse_definition(r"\hat{x}_{i,j} &= \frac{x_{i,j} - \mu_j}{\sqrt{\sigma^2_j + \epsilon}} && \text{(normalization)}",
                         Context())
    assert str(d.lhs.base) == "xhat" and not d.rhs.has(sp.Symbol("normalization"))


def test_a_boxed_problem_with_plain_dots_ranges_and_cases_with_commas_is_read():
    v = verify(r"\bbox{ \frac{\partial p_i}{\partial z_j} = \begin{cases} p_i ( 1 - p_i ), & i = j \\ - p_i p_j, & "
               r"i \ne j \\ \end{cases} }",
               given=[r"\bbox{ z_i \in \mathbb{R} , \quad i = 1 .. n }", r"\bbox{ \sum_{k=1}^n p_k = 1 }"],
               define=[r"\bbox{ p_i = \frac{e^{z_i}}{\sum_{k=1}^n e^{z_k}}, \quad i = 1 .. n }"])
    assert v.verdict == "proved"


def test_not_equals_written_with_not():
    v = verify(r"\partial y_i / \partial x_k = - y_i y_k", define=[r"y_i(x) = \frac{\exp(x_i)}{\sum_j \exp(x_j)}"],
               assume=[r"i \not= k"])
    assert v.verdict == "proved"


def test_a_prime_on_a_constant_inside_a_chain_is_zero():
    v = verify(r"\left(\frac{1}{1+e^{-x}}\right)'=\frac{-1'-(e^{-x})'}{(1+e^{-x})^2}=\frac{e^{-x}}{(1+e^{-x})^2}")
    assert v.verdict == "proved"


def test_lines_that_each_restate_the_derivative_are_one_chain():
    define = [r"y = \frac{e^x - e^{-x}}{e^x + e^{-x}}"]
    v = verify("\\frac{dy}{dx} = \\frac{4}{(e^x + e^{-x})^2}\n\\frac{dy}{dx} = \\text{sech}^2(x)", define=define)
    assert v.verdict in ("proved", "agrees")
    v = verify("\\frac{dy}{dx} = \\frac{2}{(e^x + e^{-x})^2}\n\\frac{dy}{dx} = \\text{sech}^2(x)", define=define)
    assert v.verdict == "wrong"


def test_plain_tex_derivative_fraction_with_over():
    v = verify(r"${\delta Sig\over\delta x}=Sig(x)(1-Sig(x))$", define=[r"$Sig(x)={1\over{1+e^{-x}}}$"])
    assert v.verdict == "proved"


def test_a_power_between_a_function_and_its_argument_powers_the_value():
    v = verify(r"${\delta Tanh \over \delta x}=1-Tanh^2(x)$", define=[r"$Tanh(x)={e^x-e^{-x} \over e^x+e^{-x}}$"])
    assert v.verdict == "proved"
    z = sp.Symbol("z")
    assert parse_claim(r"sigmoid^2(z)", Context())[0].value == (1 + sp.exp(-z)) ** -2


def test_rightarrow_continues_the_chain():
    v = verify(r"\frac{dy}{dx} = \frac{e^{x}}{1 + e^{x}} \Rightarrow \\ \Rightarrow \frac{dy}{dx} = sigmoid(x)",
               define=[r"y = \log(1 + e^{x})"])
    assert v.verdict == "proved"


def test_plain_text_max_square_root_and_greek_letters():
    y, z, x, a, b = sp.symbols("y z x a b")
    got = parse_expression(r"max(0, 1 - y z) + √x + √(a+b) + γ")
    assert got == sp.Max(0, 1 - y * z) + sp.sqrt(x) + sp.sqrt(a + b) + sp.Symbol("gamma")


def test_a_prime_on_a_function_never_defined_is_refused_not_judged():
    v = verify(r"\frac{dy}{dx} = f'(x) = \frac{e^{x}}{1 + e^{x}}", define=[r"y = \log(1 + e^{x})"])
    assert v.verdict == "unreadable" and "f' of a function that is not defined" in v.message


def test_a_word_in_a_font_as_subscript_names_without_the_font():
    d = parse_definition(r"l_{\text{hinge}} = \max(0,1-y\ \boldsymbol{x}\cdot\boldsymbol{w})", Context())
    assert d.lhs == sp.Symbol("l_hinge")
    assert parse_expression(r"D_{\mathrm{KL}}", Context()) == sp.Symbol("D_KL")


def test_a_derivative_of_a_name_nobody_defined_is_refused_not_zero():
    with pytest.raises(ParseError, match=r"Q is not defined: give its definition \(Q = \.\.\.\)"):
        parse_claim(r"\frac{\partial Q}{\partial x} = 0", Context())


def test_an_undefined_name_is_what_the_chain_differentiates_next():
    chain = (r"\frac{\partial MSE}{\partial \hat{y}_i} = \frac{\partial}{\partial \hat{y}_i} \frac{1}{2n}\sum_{j=1}^{n}"
             r"\left(\hat{y}_j - y_j\right)^2 = ")
    v = verify(chain + r"\frac{1}{n}(\hat{y}_i - y_i)")
    assert v.verdict == "proved" and "MSE (not defined) read as the expression the chain differentiates next" in v.message
    assert verify(chain + r"\frac{2}{n}(\hat{y}_i - y_i)").verdict == "wrong"


def test_letters_written_together_as_a_numerator_are_a_product_when_one_is_used_elsewhere():
    assert verify(r"\frac{\partial xy}{\partial x} = y").verdict == "proved"


def test_plain_text_leibniz_with_the_variable_in_brackets_is_the_derivative():
    v = verify(r"dL/d(y_hat) = -2(y - y_hat)", define=["L = (y - y_hat)²"])
    assert v.verdict == "proved"
    assert verify(r"dL/d(y_hat) = 2(y - y_hat)", define=["L = (y - y_hat)²"]).verdict == "wrong"
