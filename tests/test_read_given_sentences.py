"""Facts (``--given``) written as pages write them (issue 9): sentences around several formulas, read for
what they state about the names, never dropped where they state a shape, a range, a function or a constraint."""

from __future__ import annotations

import pytest

from symgrad import verify

SOFTMAX_CE = [r"y_i = \frac{\exp(z_i)}{\sum_k \exp(z_k)}", r"E = -\sum_{j=1}^{n} t_j \log y_j"]


@pytest.mark.parametrize(("given", "claim", "verdict"), [
    (r"$t_1, \dots, t_n$ is a probability distribution", "y_i - t_i", "proved"),
    (r"$t_1, \dots, t_n$ is a probability distribution", "y_i - 2 t_i", "wrong"),
    (r"where the $t_j$ sum to one", "y_i - t_i", "proved"),
])
def test_a_probability_distribution_in_words_is_the_constraint_that_its_entries_sum_to_one(
        given: str, claim: str, verdict: str) -> None:
    assert verify(claim, of=r"\frac{\partial E}{\partial z_i}", define=SOFTMAX_CE, given=[given]).verdict == verdict


def test_without_the_distribution_the_softmax_gradient_is_wrong() -> None:
    assert verify("y_i - t_i", of=r"\frac{\partial E}{\partial z_i}", define=SOFTMAX_CE).verdict == "wrong"


COVARIANCE = r"Now suppose $B$ is a variance covariance matrix $S$, which is by definition symmetric and positive definite."


@pytest.mark.parametrize(("claim", "verdict"), [(r"2 S x", ("proved", "agrees")), (r"S x", ("wrong",))])
def test_a_second_name_after_the_kind_is_the_same_matrix_and_which_says_more_of_it(claim: str, verdict: tuple) -> None:
    v = verify(claim, of=r"\frac{\partial q}{\partial x}", define=[r"q = x^T S x"],
               given=[COVARIANCE, r"x \in \mathbb{R}^{n}"])
    assert v.verdict in verdict
    assert v.verdict == "wrong" or "'B is a variance covariance matrix S': B, S name one matrix" in v.message


def test_without_the_sentence_the_symmetric_gradient_is_wrong() -> None:
    v = verify("2 S x", of=r"\frac{\partial q}{\partial x}", define=[r"q = x^T S x"], given=[r"x \in \mathbb{R}^{n}"])
    assert v.verdict == "wrong"


RESPECTIVE = r"where $u, A$ and $v$ are $n \times 1$, $n \times m$ and $m \times 1$ matrices."


def test_names_and_their_sizes_in_order_declare_each_name_its_size() -> None:
    assert verify(r"A^T u", of=r"\frac{\partial q}{\partial v}", define=["q = u^T A v"],
                  given=[RESPECTIVE]).verdict == "proved"
    wrong = verify(r"A u", of=r"\frac{\partial q}{\partial v}", define=["q = u^T A v"], given=[RESPECTIVE])
    assert wrong.verdict == "wrong" and "size m does not match size n" in wrong.message


def test_as_many_sizes_as_names_or_the_sentence_is_not_read_in_order() -> None:
    v = verify(r"A^T u", of=r"\frac{\partial q}{\partial v}", define=["q = u^T A v"],
               given=[r"where $u, A$ and $v$ are $n \times 1$ and $n \times m$ matrices."])
    assert v.verdict == "unreadable" and "--given" in v.message


@pytest.mark.parametrize(("given", "claim", "verdict"), [
    (r"(assuming the final loss is scaler $L$)", "2x", "proved"),
    (r"where $L$ is a scalar loss.", "2x", "proved"),
    (r"where $L$ is a scalar loss.", "x", "wrong"),
])
def test_a_scalar_loss_in_words_declares_the_loss_a_number(given: str, claim: str, verdict: str) -> None:
    assert verify(claim, of=r"\frac{\partial L}{\partial x}", define=["L = x^T x"], given=[given]).verdict == verdict


INDICATOR = r"\mathbb{1}\{a=b\} = \begin{cases}1, & \text{if } a = b \\ 0, & \text{if } a \neq b\end{cases}"
SOFTMAX = [r"p_a = \frac{e^{s_a}}{\sum_{c} e^{s_c}}"]


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"p_a (\mathbb{1}\{a=b\} - p_b)", "proved"),
    (r"p_a (1 - p_b)", "wrong"),
])
def test_a_fact_defining_the_indicator_as_symgrad_reads_it_is_noted(claim: str, verdict: str) -> None:
    v = verify(claim, of=r"\frac{\partial p_a}{\partial s_b}", define=SOFTMAX, given=[INDICATOR])
    assert v.verdict == verdict
    assert "defines notation as symgrad reads it" in v.message or verdict == "wrong"


def test_a_fact_defining_the_indicator_otherwise_is_not_read() -> None:
    swapped = INDICATOR.replace(r"a = b \\ 0", r"a \neq b \\ 0").replace(r"a \neq b\end", r"a = b\end")
    v = verify(r"p_a (\mathbb{1}\{a=b\} - p_b)", of=r"\frac{\partial p_a}{\partial s_b}", define=SOFTMAX, given=[swapped])
    assert v.verdict == "unreadable" and "--given" in v.message


@pytest.mark.parametrize(("given", "claim", "verdict"), [
    ("Given #u=g(t)#", "#g'(t)=2t#", "proved"),
    ("Given $u=g(t)$", "g'(t)=t", "wrong"),
])
def test_a_name_equal_to_a_letter_applied_names_the_function_of_its_definition(given: str, claim: str, verdict: str) -> None:
    assert verify(claim, define=["u = t^2"], given=[given]).verdict == verdict


def test_a_name_said_a_function_of_what_its_definition_does_not_use_is_refused() -> None:
    v = verify("g'(t)=2t", define=["u = s^2"], given=["Given $u=g(t)$"])
    assert v.verdict == "unreadable" and "does not use it" in v.message


SIGMOID = [r"s = \frac{1}{1 + e^{-z}}"]


@pytest.mark.parametrize(("given", "claim", "verdict"), [
    ("## Backpropagation through the logistic function", "s (1 - s)", "proved"),
    ("the gradient for the logistic function can be calculated with the equation below", "s (1 - s)", "proved"),
    ("the gradient for the logistic function can be calculated with the equation below", "s (1 + s)", "wrong"),
])
def test_a_heading_or_a_sentence_announcing_the_formula_is_noted_as_ignored(given: str, claim: str, verdict: str) -> None:
    v = verify(claim, of=r"\frac{ds}{dz}", define=SIGMOID, given=[given])
    assert v.verdict == verdict
    assert "ignored" in v.message or verdict == "wrong"


@pytest.mark.parametrize("given", ["# Assume z is positive", "the gradient for each sample is given by the equation below",
                                   "the gradient of $s$ can be computed with the formula below for z > 0"])
def test_narration_naming_a_name_or_stating_a_property_is_not_ignored(given: str) -> None:
    v = verify("s (1 - s)", of=r"\frac{ds}{dz}", define=SIGMOID, given=[given])
    assert "ignored: a" not in v.message


@pytest.mark.parametrize(("claim", "verdict"), [("2 A x", "proved"), ("A x", "wrong")])
def test_sizes_written_together_with_an_x_declare_the_shape(claim: str, verdict: str) -> None:
    v = verify(claim, of=r"\frac{\partial q}{\partial x}", define=[r"q = x^T A x"],
               given=["where A is a pxp symmetric matrix", r"x \in \mathbb{R}^{p}"])
    assert v.verdict == verdict


def test_a_symmetric_matrix_said_of_two_different_sizes_is_refused_naming_both() -> None:
    v = verify("2 A x", of=r"\frac{\partial q}{\partial x}", define=[r"q = x^T A x"],
               given=["where A is a px1 symmetric matrix"])
    assert v.verdict == "unreadable" and "a symmetric matrix is square, but A is said p x 1" in v.message


@pytest.mark.parametrize(("claim", "verdict"), [(r"\frac{2 x_k}{n}", "proved"), (r"2 x_k", "wrong")])
def test_a_count_introduced_by_being_is_a_size(claim: str, verdict: str) -> None:
    v = verify(claim, of=r"\frac{\partial L}{\partial x_k}", define=[r"L = \frac{1}{n}\sum_{i=1}^{n} x_i^2"],
               given=["with $n$ being the number of samples"])
    assert v.verdict == verdict


@pytest.mark.parametrize(("given", "claim", "verdict"), [
    (r"$u$ is a scalar given by $x^2 + 1$", "2x", "proved"),
    (r"$$u$$ is given as $$u = x^2 + 1$$ where $$x$$ is a scalar.", "2x", "proved"),
    (r"$$u$$ is given as $$u = x^2 + 1$$ where $$x$$ is a scalar.", "x", "wrong"),
])
def test_a_name_given_as_a_formula_in_words_is_its_definition(given: str, claim: str, verdict: str) -> None:
    v = verify(claim, of=r"\frac{du}{dx}", given=[given])
    assert v.verdict == verdict and "read as the definition u = x^2 + 1" in v.message


def test_a_name_given_as_a_formula_defining_another_name_is_not_read() -> None:
    v = verify("2x", of=r"\frac{du}{dx}", given=[r"$$u$$ is given as $$v = x^2 + 1$$"])
    assert v.verdict == "unreadable" and "--given" in v.message


def test_a_probability_alone_is_no_distribution_so_no_sum_makes_a_scalar_one() -> None:
    v = verify("1", of=r"\frac{df}{dx}", define=["f = p x"], given=["where $p$ is a probability"])
    assert v.verdict not in ("proved", "agrees")


@pytest.mark.parametrize(("claim", "verdict"), [("2x", "proved"), ("x", "wrong")])
def test_a_space_with_its_backslashes_lost_is_the_space(claim: str, verdict: str) -> None:
    v = verify(claim, of=r"\frac{\partial q}{\partial x}", define=[r"q = x^T x"], given=[r"If $x in mathbb{R}^3$"])
    assert v.verdict == verdict


@pytest.mark.parametrize(("claim", "verdict"), [(r"(W + W^T) x", "proved"), (r"2 W x", "wrong")])
def test_a_matrix_named_by_its_role_is_a_matrix_of_no_property(claim: str, verdict: str) -> None:
    v = verify(claim, of=r"\frac{\partial q}{\partial x}", define=[r"q = x^T W x"],
               given=["W is the Coefficient Matrix", r"x \in \mathbb{R}^{n}"])
    assert v.verdict == verdict
