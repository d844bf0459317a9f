"""symgrad.read statements as pages write them (issue 9, items 3 and 4): words before a definition or a claim,
url-encoded LaTeX, several definitions in one string. Verdicts are checked against autograd's derivative."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import grad

from symgrad import verify
from symgrad.read import Context, parse_statement
from symgrad.read.encoded import decoded

SIGMOID = r"\frac{1}{1+e^{-x}}"


def _sigmoid(x):
    return 1 / (1 + anp.exp(-x))


def test_the_reference_sigmoid_derivative_is_y_times_one_minus_y():
    for x in np.linspace(-4, 4, 9):
        y = _sigmoid(x)
        assert grad(_sigmoid)(x) == pytest.approx(y * (1 - y), rel=1e-12)


def test_a_definition_after_if_and_a_claim_after_then_are_read_without_the_words():
    v = verify(r"\;\mathrm{then}\;\frac{\partial{y}}{\partial{x}}=y(1-y)", define=[rf"if\;y={SIGMOID},"])
    assert v.verdict == "proved"
    assert verify(r"\;\mathrm{then}\;\frac{\partial{y}}{\partial{x}}=y(1+y)", define=[rf"if\;y={SIGMOID},"]
                  ).verdict == "wrong"


@pytest.mark.parametrize("words", ["Let", "let", "Suppose", r"\text{Define}", "We have"])
def test_a_definition_opened_by_words_defines_the_name_after_them(words):
    ctx = Context()
    defn, _ = parse_statement(rf"{words} y = {SIGMOID}.", ctx)
    assert defn.lhs == sp.Symbol("y") and sp.simplify(defn.rhs - 1 / (1 + sp.exp(-sp.Symbol("x")))) == 0


def test_a_claim_opened_by_therefore_is_the_claim():
    assert verify(r"\therefore \frac{dy}{dx} = y(1-y)", define=[rf"y = {SIGMOID}"]).verdict == "proved"


def test_a_name_spelled_like_a_word_is_still_the_name_defined():
    defn, _ = parse_statement(r"so = 2x", Context())
    assert defn.name == "so" and defn.rhs == 2 * sp.Symbol("x")


def test_url_encoded_latex_is_decoded_and_noted():
    ctx = Context()
    defn, _ = parse_statement("L%20=%20%5Cfrac%7B1%7D%7B2%7Dx%5E2", ctx)
    assert defn.rhs == sp.Symbol("x") ** 2 / 2
    assert any("url-encoded" in n for n in ctx.notes)


def test_a_percent_sign_that_is_no_escape_leaves_the_text_as_written():
    assert decoded(r"x %5C 50% y", []) == r"x %5C 50% y"


X35YAO = [(r"p_i%20=%20\sigma(z_i),%20%5Cquad%20z_i%20=%20w%5ETx_i%20+%20b,%20%5Cquad%20%5Csigma(z)%20=%20"
           r"%5Cfrac{1}{1+e%5E{-z}}"),
          r"L%20=%20-%20%5Csum_%7Bi=1%7D%5EN%20%5B%20y_i%20%5Clog(p_i)%20+%20(1-y_i)%20%5Clog(1-p_i)%20%5D"]


def _bce_by_logit(z, y):
    p = _sigmoid(z)
    return -anp.sum(y * anp.log(p) + (1 - y) * anp.log(1 - p))


def test_the_reference_bce_gradient_by_the_logit_is_p_minus_y():
    rng = np.random.default_rng(0)
    z, y = rng.normal(size=4), rng.uniform(size=4)
    assert np.allclose(grad(_bce_by_logit)(z, y), _sigmoid(z) - y, rtol=1e-12)


def test_several_url_encoded_definitions_in_one_string_give_the_bce_gradient_p_minus_y():
    claim = r"\frac{\partial L}{\partial z_i} = p_i-y_i"
    v = verify(claim, define=X35YAO)
    assert v.verdict == "proved" and "read as 3 definitions" in v.message
    assert verify(claim.replace("p_i-y_i", "y_i-p_i"), define=X35YAO).verdict == "wrong"


def test_several_definitions_are_read_each_after_the_names_it_uses():
    ctx = Context()
    first, _ = parse_statement(r"p_i = \sigma(z_i), \quad z_i = w x_i + b, \quad \sigma(z) = \frac{1}{1+e^{-z}}", ctx)
    assert first.name == "p" and set(ctx.definitions) >= {"p", "z", "sigma"}
    (i,) = first.lhs.indices
    z = ctx.definitions["z"].lhs.base
    assert sp.simplify(first.rhs - 1 / (1 + sp.exp(-z[i]))) == 0


def test_a_comma_inside_parentheses_separates_no_definitions():
    ctx = Context()
    defn, _ = parse_statement(r"f(m, b) = m x + b", ctx)
    m, b, x = sp.symbols("m b x")
    assert defn.name == "f" and defn.rhs == m * x + b and list(ctx.definitions) == ["f"]


GAUSSIAN_MEAN_LOG_LIKELIHOOD = (r"\frac{1}{n}\sum_{i=1}^n \log p(x_i) = -\frac{1}{2}\log(2\pi) - \frac{1}{2n\sigma^2}"
                                r"\sum^n_{i=1} (x^{(i)} - \mu)^2 - \log \sigma")
BY_SIGMA = r"\frac{\partial}{\partial \sigma} \frac{1}{n}\sum^n_{i=1} \log p(x^{(i)}) &= "


def _mean_log_likelihood(sigma, x, mu):
    return anp.mean(-0.5 * anp.log(2 * anp.pi * sigma ** 2) - (x - mu) ** 2 / (2 * sigma ** 2))


def test_the_reference_gaussian_derivative_by_sigma_is_the_mean_square_over_sigma_cubed_minus_one_over_sigma():
    rng = np.random.default_rng(1)
    x, mu, sigma = rng.normal(size=5), 0.3, 1.7
    want = np.mean((x - mu) ** 2) / sigma ** 3 - 1 / sigma
    assert grad(_mean_log_likelihood)(sigma, x, mu) == pytest.approx(want, rel=1e-12)


def test_a_stated_value_whose_left_side_the_claim_differentiates_defines_that_quantity():
    claim = BY_SIGMA + r"\frac{1}{n\sigma^3}\sum^n_{i=1}(x^{(i)} - \mu)^2 - \frac{1}{\sigma}"
    v = verify(claim, define=[GAUSSIAN_MEAN_LOG_LIKELIHOOD])
    assert v.verdict == "proved" and "read as the definition of what the claim differentiates" in v.message


def test_a_stated_value_differentiated_with_a_slip_is_wrong():
    claim = BY_SIGMA + r"\frac{1}{n\sigma^3}\sum^n_{i=1}(x^{(i)} - \mu)^2 + \frac{1}{\sigma}"
    assert verify(claim, define=[GAUSSIAN_MEAN_LOG_LIKELIHOOD]).verdict == "wrong"


def test_a_stated_value_the_claim_does_not_differentiate_changes_nothing():
    define = [r"\|y - w\|^2 = (y - w)^2", r"L = w^3"]
    assert verify(r"\frac{dL}{dw} = 3w^2", define=define).verdict == "proved"
    assert verify(r"\frac{dL}{dw} = 2w^2", define=define).verdict == "wrong"


def test_a_left_side_that_does_not_read_is_still_refused_naming_the_spelling_that_works():
    v = verify(r"\frac{\partial L}{\partial x} = 1", define=[r"\cos = \frac{x}{2}"])
    assert v.verdict == "unreadable" and "name it (L = \\cos)" in v.message


LOGSUMEXP = r"f(x)=\log\left(\sum_{i=1}^n e^ {x_i}\right)"


def test_a_name_on_the_right_of_its_equals_is_defined_by_the_left_side():
    backward, forward = Context(), Context()
    parse_statement(LOGSUMEXP, backward)
    parse_statement(LOGSUMEXP, forward)
    got, _ = parse_statement(r"\nabla f(x) = S(x)", backward)
    want, _ = parse_statement(r"S(x) = \nabla f(x)", forward)
    assert (got.lhs, got.rhs) == (want.lhs, want.rhs)
    assert any("the name stands on the right" in n for n in backward.notes)


def test_the_gradient_of_logsumexp_named_on_the_right_is_the_softmax():
    rng = np.random.default_rng(2)
    x = rng.normal(size=3)
    assert np.allclose(grad(lambda v: anp.log(anp.sum(anp.exp(v))))(x), np.exp(x) / np.exp(x).sum(), rtol=1e-12)
    define = [LOGSUMEXP, r"\nabla f(x) = S(x)"]
    assert verify(r"S(x) = \frac{e^{x_j}}{\sum_{i=1}^n e^{x_i}}", define=define).verdict == "proved"
    assert verify(r"S(x) = \frac{e^{x_j}}{\sum_{i=1}^n x_i}", define=define).verdict == "wrong"


def test_a_sentence_naming_the_derivative_and_its_value_is_that_claim():
    x = np.array([[2.0, 0.3], [0.1, 1.5]])
    assert np.allclose(grad(lambda a: anp.log(anp.linalg.det(a)))(x), np.linalg.inv(x).T, rtol=1e-12)
    sentence = r"The gradient of $\log \det X$ with respect to the entries of $X$ is $X^{-1}$"
    given = [r"where $X$ is a matrix in $\mathbb{R}^{n\times n}$"]
    v = verify(sentence, given=given)
    assert v.verdict == "proved" and "the sentence read as the claim X^{-1}" in v.message
    assert verify(sentence.replace("X^{-1}", "2X^{-1}"), given=given).verdict == "wrong"


def test_the_entries_x_1_to_x_n_named_in_a_sentence_are_the_vector_x():
    from symgrad.read.sentences import claim_in_sentence

    claim, of, note = claim_in_sentence(r"The partial derivatives of $|Ax|^2$ with respect to $x_1, ... , x_n$ fill "
                                        r"the vector $2A^T Ax$.")
    assert (claim, of) == (r"2A^T Ax", r"\frac{\partial}{\partial x}\left(|Ax|^2\right)") and "entries of x" in note


def test_of_several_formulas_the_one_equation_about_a_derivative_is_the_claim():
    v = verify(r"For $x$ a scalar we get $\frac{d}{dx} x^3 = 3x^2$ and $x^3 > 0$ for $x > 0$.")
    assert v.verdict == "proved" and "the one equation about a derivative is the claim" in v.message
    assert verify(r"For $x$ a scalar we get $\frac{d}{dx} x^3 = 3x$ and $x^3 > 0$.").verdict == "wrong"


def test_a_sentence_with_several_formulas_and_no_derivative_equation_is_refused():
    v = verify(r"We have $x$ and $y$ and $x + y$.")
    assert v.verdict == "unreadable" and "several formulas" in v.message


def _softmax(x):
    e = anp.exp(x - anp.max(x))
    return e / anp.sum(e)


def test_the_reference_softmax_jacobian_is_diag_s_minus_s_s_transpose():
    from autograd import jacobian

    x = np.array([0.2, -1.0, 0.7])
    s = _softmax(x)
    assert np.allclose(jacobian(_softmax)(x), np.diag(s) - np.outer(s, s), rtol=1e-12)


@pytest.mark.parametrize("head", ["J_s", "J_{s}", "Js", r"\mathbf{J}_s"])
def test_a_jacobian_subscripted_with_a_defined_name_is_that_names_jacobian(head):
    given, define = [r"x \in \mathbb{R}^n"], [r"s = \mathrm{softmax}(x)"]
    v = verify(rf"{head} = \mathrm{{diag}}(s) - s s^T", define=define, given=given)
    assert v.verdict == "proved" and "J_s read as the Jacobian ∂s_i/∂x_j" in v.message
    assert verify(rf"{head} = \mathrm{{diag}}(s) + s s^T", define=define, given=given).verdict == "wrong"


def test_the_jacobian_of_a_scalar_is_its_gradient():
    v = verify(r"J_\ell = \mathrm{softmax}(x)", define=[r"\ell = \log \sum_{k=1}^n e^{x_k}"])
    assert v.verdict == "proved" and "J_ell read as the Jacobian ∂ell/∂x_j" in v.message


PER_SAMPLE_LSQ = [r"\hat{y}_i=w^Tx_i+b", r"L=\sum_{i=1}^N(\hat{y}_i-y_i)^2"]
PER_SAMPLE_SHAPES = [r"i = 1, \dots, N", r"x_i \in \mathbb{R}^d", r"w \in \mathbb{R}^d"]


def test_the_reference_least_squares_gradient_is_two_x_transpose_times_the_residual():
    rng = np.random.default_rng(3)
    x, y, w, b = rng.normal(size=(5, 3)), rng.normal(size=5), rng.normal(size=3), 0.4
    loss = lambda w: anp.sum((x @ w + b - y) ** 2)
    assert np.allclose(grad(loss)(w), 2 * x.T @ (x @ w + b - y), rtol=1e-12)


def test_an_undefined_capital_of_per_sample_vectors_is_the_samples_stacked():
    v = verify(r"\nabla_wL=2X^T(Xw + b-y)", define=PER_SAMPLE_LSQ, given=PER_SAMPLE_SHAPES)
    assert v.verdict == "proved" and "X (not defined) read as the x_i stacked" in v.message
    assert verify(r"\nabla_wL=X^T(Xw-y)", define=PER_SAMPLE_LSQ, given=PER_SAMPLE_SHAPES).verdict == "wrong"


def test_a_declared_capital_is_its_own_matrix_not_the_samples_stacked():
    given = [*PER_SAMPLE_SHAPES, r"X \in \mathbb{R}^{N \times d}"]
    v = verify(r"\nabla_wL=2X^T(Xw + b-y)", define=PER_SAMPLE_LSQ, given=given)
    # X is not read as the x_i stacked; nothing the loss is computed from ties it, so X drawn at random refutes
    # nothing: refused naming X (it was called wrong before verify refused claims needing a name nothing gives)
    assert v.verdict == "unreadable" and "depends on X" in v.message and "stacked" not in v.message


@pytest.mark.parametrize(("sentence", "fact"), [
    ("X is a 3x4 matrix", r"X \in \mathbb{R}^{3 \times 4}"),
    ("X is n x d", r"X \in \mathbb{R}^{n \times d}"),
    ("y is an m x 1 column vector", r"y \in \mathbb{R}^{m}"),
])
def test_a_letter_x_between_sizes_is_the_times_sign(sentence, fact):
    from symgrad.read.prose import from_prose

    assert from_prose(sentence)[0] == fact


def test_a_word_with_an_x_in_it_is_no_size():
    from symgrad.read.prose import from_prose

    assert from_prose("S_i is softmax output")[0] == "S_i is softmax output"  # was S_i in R^{softma x output}


def test_a_sum_bound_in_the_other_case_of_the_one_size_is_that_size():
    define = [r"L = \sum_{i=1}^N (w x_i - y_i)^2"]
    v = verify(r"\frac{dL}{dw} = \sum_{i=1}^{n} 2 x_i (w x_i - y_i)", define=define)
    assert v.verdict == "proved" and "n (not declared) read as N" in v.message
    assert verify(r"\frac{dL}{dw} = \sum_{i=1}^{n} x_i (w x_i - y_i)", define=define).verdict == "wrong"


def test_a_sum_bound_beside_two_sizes_is_not_guessed():
    define = [r"L = \sum_{i=1}^N \sum_{k=1}^K (w_k x_{ik} - y_i)^2"]
    v = verify(r"\frac{\partial L}{\partial w_k} = \sum_{i=1}^{n} 2 x_{ik} (\sum_{m=1}^K w_m x_{im} - y_i)", define=define)
    # the case-folding rule (n is N written in the other case) does not guess between N and K; since session 10 a
    # claim's bound letter is a size, and the index i it bounds runs over x's first axis, N by use (noted); the claim
    # squares the whole sum over m where the definition squares each term, so it is wrong
    assert "(not declared) read as N" not in v.message
    assert v.verdict == "wrong" and "writes n here only as a sum's bound" in v.message


@pytest.mark.parametrize("equals", [r"\equiv", r"\overset{\text{def}}{=}", r"\stackrel{\mathrm{def}}{=}", r"\leftarrow",
                                    r"\stackrel{\triangle}{=}", r"\doteq"])
def test_a_definition_written_with_another_equals_sign_defines_the_name(equals):
    defn, _ = parse_statement(rf"y {equals} {SIGMOID}", Context())
    assert defn.name == "y" and sp.simplify(defn.rhs - 1 / (1 + sp.exp(-sp.Symbol("x")))) == 0


def test_a_definition_named_on_the_right_with_equals_colon_defines_that_name():
    ctx = Context()
    defn, _ = parse_statement(rf"{SIGMOID} =: y", ctx)
    assert defn.name == "y" and sp.simplify(defn.rhs - 1 / (1 + sp.exp(-sp.Symbol("x")))) == 0


@pytest.mark.parametrize("quantifier", [r"\text{ for all } i", r", \quad \forall i", r"\quad \text{for each} i.",
                                        r", \forall i \in \{1, \dots, n\}"])
def test_a_quantifier_after_a_definition_is_no_part_of_its_value(quantifier):
    ctx = Context()
    defn, _ = parse_statement(rf"p_i = \frac{{1}}{{1+e^{{-z_i}}}} {quantifier}", ctx)
    (i,) = defn.lhs.indices
    z = ctx.tensors["z"]
    assert sp.simplify(defn.rhs - 1 / (1 + sp.exp(-z[i]))) == 0  # it read "forall i" as a product of letters
    if "dots" in quantifier:
        assert str(i.upper) == "n"


def test_the_sigmoid_derivative_with_a_quantified_definition_is_proved_not_judged_wrong():
    define = [r"p_i = \frac{1}{1+e^{-z_i}} \text{ for all } i"]
    assert verify(r"\frac{\partial p_i}{\partial z_i} = p_i(1-p_i)", define=define).verdict == "proved"


@pytest.mark.parametrize("tag", ["(equation)", "(eq. 3)", "(Eqn 12)"])
def test_an_equation_tag_in_words_after_a_definition_is_dropped(tag):
    defn, _ = parse_statement(rf"$$y = 2x {tag}$$", Context())
    assert defn.rhs == 2 * sp.Symbol("x")


@pytest.mark.parametrize("remark", [r"\text{ for all } i", r", \quad \forall i", r"\quad (\text{by the chain rule})",
                                    r"\text{ as claimed}."])
def test_a_remark_after_a_claim_is_no_part_of_it(remark):
    define = [r"p_i = \frac{1}{1+e^{-z_i}}"]
    assert verify(rf"\frac{{\partial p_i}}{{\partial z_i}} = p_i(1-p_i) {remark}", define=define).verdict == "proved"
    assert verify(rf"\frac{{\partial p_i}}{{\partial z_i}} = p_i(1+p_i) {remark}", define=define).verdict == "wrong"


def test_a_quantifier_with_a_case_after_a_claim_is_not_dropped():
    v = verify(r"\frac{\partial p_i}{\partial z_j} = 0 \quad \forall i \neq j", define=[r"p_i = \frac{1}{1+e^{-z_i}}"])
    assert v.verdict != "wrong"  # dropped, the claim 0 would be judged at i = j too, where it is wrong


LSQ = [r"L = (Xw - y)^T(Xw - y)"]


@pytest.mark.parametrize("given", [
    r"X \in \mathbb R^{n\times d}; y\in\mathbb R^n; w\in\mathbb R^d",
    r"X\in\Bbb R^{n\times d}, y\in\Bbb R^n, w\in\Bbb R^d",
    r"X \in \mathbf{R}^{n \times d}, y \in \mathbf{R}^n, w \in \mathbf{R}^d",
    r"X ∈ ℝⁿˣᵈ, y ∈ ℝⁿ, w ∈ ℝᵈ",
    r"X is n x d, y is n x 1, w is d x 1",
    r"X: n \times d, y: n \times 1, w: d \times 1",
    r"X has shape (n, d), y has shape (n,), w has shape (d,)",
    r"X: (n, d), y: (n,), w: (d,)",
    r"$X$ is an $n \times d$ matrix, $y$ is an $n$-vector and $w$ is a $d$-vector",
    r"X is a matrix of size n x d, y a vector of size n, w a vector of size d",
])
def test_shapes_as_pages_write_them_give_the_least_squares_gradient(given):
    rng = np.random.default_rng(4)
    x, y, w = rng.normal(size=(4, 2)), rng.normal(size=4), rng.normal(size=2)
    assert np.allclose(grad(lambda w: anp.sum((x @ w - y) ** 2))(w), 2 * x.T @ (x @ w - y), rtol=1e-12)
    assert verify(r"\frac{\partial L}{\partial w} = 2X^T(Xw - y)", define=LSQ, given=[given]).verdict == "proved"
    # X (n x d) times an n-vector cannot be formed with the sizes declared: wrong as written (verify/ill_shaped)
    v = verify(r"\frac{\partial L}{\partial w} = 2X(Xw - y)", define=LSQ, given=[given])
    assert (v.verdict, v.diagnosis) == ("wrong", "shape")


def test_an_interval_in_parentheses_is_no_shape():
    from symgrad.read.prose import from_prose

    assert from_prose("p is (0, 1)")[0] == "p is (0, 1)"
    assert from_prose("X is the n-by-d data matrix")[0] == r"X \in \mathbb{R}^{n \times d}"


SOFTMAX_CE = [r"p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}", r"L = -\sum_i y_i \log p_i"]


def test_the_reference_softmax_cross_entropy_gradient_is_p_minus_y():
    z, y = np.array([0.3, -1.2, 2.0]), np.array([0.2, 0.5, 0.3])
    assert np.allclose(grad(lambda z: -anp.sum(y * anp.log(_softmax(z))))(z), _softmax(z) - y, rtol=1e-12)


def test_a_clause_after_with_defines_as_one_after_where_does():
    define = [r"L = -\sum_i y_i \log p_i \text{ with } p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}"]
    given = [r"\sum_i y_i = 1"]
    assert verify(r"p_j - y_j", of=r"\frac{\partial L}{\partial z_j}", define=define, given=given).verdict == "proved"
    assert verify(r"y_j - p_j", of=r"\frac{\partial L}{\partial z_j}", define=define, given=given).verdict == "wrong"


def test_a_constraint_over_a_sum_without_bounds_takes_the_range_of_the_definitions():
    define = [r"p_i = \frac{e^{z_i}}{\sum_{k=1}^K e^{z_k}}", r"L = -\sum_{i=1}^K y_i \log p_i"]
    v = verify(r"p_j - y_j", of=r"\frac{\partial L}{\partial z_j}", define=define, given=[r"\sum_i y_i = 1"])
    assert v.verdict == "proved"  # was: size K does not match size N (the constraint read first, i to N)


@pytest.mark.parametrize("of", [r"the derivative of L with respect to z_j", r"derivative of $L$ with respect to $z_j$",
                                r"the partial derivative of L w.r.t. z_j"])
def test_the_derivative_asked_in_words(of):
    v = verify(r"p_j - y_j", of=of, define=SOFTMAX_CE, given=[r"\sum_i y_i = 1"])
    assert v.verdict == "proved"
    assert verify(r"p_j + y_j", of=of, define=SOFTMAX_CE, given=[r"\sum_i y_i = 1"]).verdict == "wrong"


def test_words_in_text_after_a_name_are_a_sentence():
    v = verify(r"p_j - y_j", of=r"\frac{\partial L}{\partial z_j}", define=SOFTMAX_CE, given=[r"y \text{ is one-hot}"])
    assert v.verdict == "proved"


@pytest.mark.parametrize("number", [r"\qquad (12)", r"\quad (2.1)", r"\; (3)", "~(4b)"])
def test_an_equation_number_after_a_wide_space_is_no_factor(number):
    defn, _ = parse_statement(rf"y = 2x {number}", Context())
    assert defn.rhs == 2 * sp.Symbol("x")  # \qquad (12) was read as a factor: 24x


def test_a_number_in_parentheses_after_the_formula_is_refused_naming_both_readings():
    from symgrad.errors import ParseError

    with pytest.raises(ParseError, match=r"\(3\) at the end has two readings: an equation number, or a factor 3"):
        parse_statement(r"y = 2x (3)", Context())
    assert parse_statement(r"y = 2x (1)", Context())[0].rhs == 2 * sp.Symbol("x")  # the same either way
    assert parse_statement(r"y = 2 (x + 1)", Context())[0].rhs == 2 * sp.Symbol("x") + 2


@pytest.mark.parametrize("remark", [r"\; (\text{logistic})", r"\quad \text{(sigmoid)}", r"\text{ (the sigmoid)}"])
def test_a_remark_in_words_after_a_definition_is_no_factor(remark):
    defn, _ = parse_statement(rf"y = {SIGMOID} {remark}", Context())
    assert sp.simplify(defn.rhs - 1 / (1 + sp.exp(-sp.Symbol("x")))) == 0  # (\text{logistic}) was a factor


def test_a_definition_chain_is_read_by_the_side_that_says_what_it_is_not_by_abstract_functions():
    define = [r"f(w) = g(h(w)) = (y - X w)^T(y - X w)."]
    given = [r"$X$ is a real $m \times n$ matrix", r"$y$ is an $m \times 1$ column vector"]
    v = verify(r"\nabla_w f(w) = 2 X^T (X w - y)", define=define, given=given)
    assert v.verdict in ("proved", "agrees") and "f defined by its side 2" in v.message
    assert verify(r"\nabla_w f(w) = X^T (X w - y)", define=define, given=given).verdict == "wrong"


MIDDLE = r"\frac{e^{-x}}{(1+e^{-x})^2}"


@pytest.mark.parametrize("link", [r"=^{(1)}", r"\underset{\text{def}}{=}", r"\overset{(a)}{=}",
                                  r"= X \text{, so } \frac{dy}{dx} =", r"= X \\ \text{Therefore: } \frac{dy}{dx} ="])
def test_an_annotated_equals_or_words_between_members_link_the_chain(link):
    chain = rf"\frac{{dy}}{{dx}} {link.replace('X', MIDDLE)} {MIDDLE} = y(1-y)"
    assert verify(chain, define=[rf"y = {SIGMOID}"]).verdict == "proved"
    assert verify(chain.replace("y(1-y)", "y(1+y)"), define=[rf"y = {SIGMOID}"]).verdict == "wrong"


CLASS_PROBABILITY = r"p(a) = \frac{e^{z_a}}{\sum_{d} e^{z_d}}"


def test_the_reference_softmax_jacobian_entry_is_p_a_times_delta_minus_p_b():
    from autograd import jacobian

    z = np.array([0.5, -0.4, 1.1])
    p = _softmax(z)
    assert np.allclose(jacobian(_softmax)(z)[0, 2], p[0] * (0 - p[2]), rtol=1e-12)


def test_a_function_of_a_parameter_used_only_as_an_index_is_the_element_at_that_index():
    ctx = Context()
    defn, _ = parse_statement(CLASS_PROBABILITY, ctx)
    assert defn.name == "p" and len(defn.lhs.indices) == 1 and "p(a) read as p_{a}" in ctx.notes[-1]
    claim = r"\frac{\partial p_a}{\partial z_b} = p_a(\delta_{ab} - p_b)"
    assert verify(claim, define=[CLASS_PROBABILITY]).verdict == "proved"
    assert verify(claim.replace(r"\delta_{ab}", "1"), define=[CLASS_PROBABILITY]).verdict == "wrong"


def test_a_parameter_used_as_a_value_keeps_the_function():
    ctx = Context()
    parse_statement(r"f(a) = a^2 + 3a", ctx)
    assert ctx.functions["f"].body == sp.Symbol("a") ** 2 + 3 * sp.Symbol("a")


@pytest.mark.parametrize("given", [r"$\lambda$ is a hyperparameter", r"\lambda > 0 is a constant", r"where \lambda is fixed",
                                   r"treat \lambda as a constant", r"with $\lambda$ the weight decay",
                                   "λ is the regularization strength", "w is a scalar weight"])
def test_words_about_a_scalar_state_nothing_that_changes_its_derivative(given):
    define = [r"L = \lambda w^2"]
    assert verify(r"\frac{\partial L}{\partial w} = 2\lambda w", define=define, given=[given]).verdict == "proved"
    assert verify(r"\frac{\partial L}{\partial w} = \lambda w", define=define, given=[given]).verdict == "wrong"


def test_a_positive_scalar_in_words_is_a_domain():
    from symgrad.read.prose import from_prose

    assert from_prose(r"\lambda > 0 is a constant")[0] == r"\lambda > 0"
    assert from_prose("w is a scalar weight")[0] == r"w \in \mathbb{R}"


def test_a_sentence_naming_a_derivative_by_its_one_variable_is_that_claim():
    assert grad(_sigmoid)(0.3) == pytest.approx(_sigmoid(0.3) * (1 - _sigmoid(0.3)), rel=1e-12)
    right = r"The derivative of $\sigma(x)$ is $\sigma(x)(1-\sigma(x))$"
    assert verify(right).verdict == "proved"
    assert verify(right.replace("(1-", "(1+")).verdict == "wrong"
    v = verify(r"The derivative of $x y$ is $y$")
    assert v.verdict == "unreadable" and "say by which" in v.message  # two variables: not guessed


def test_a_sentence_claim_after_so_is_the_claim():
    assert verify(r"So the gradient of $L$ w.r.t. $w$ is $2w$", define=[r"L = w^2"]).verdict == "proved"
    assert verify(r"So the gradient of $L$ w.r.t. $w$ is $w$", define=[r"L = w^2"]).verdict == "wrong"
