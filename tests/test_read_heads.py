"""Definition heads as pages write them (issue 9, item 3): what stands left of a definition's =.

A variance per feature written by its square is that square's root; a superscript other than ^2 on the defined name
(a layer number, a transpose) and an expression on the left (a norm stating its value) are each
refused in one line that says which readings there are and a spelling that reads.
"""

from __future__ import annotations

import autograd
import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp

from symgrad import verify
from symgrad.errors import ParseError
from symgrad.read import Context, parse_definition, parse_given
from symgrad.verify.proof import _is_zero

VARIANCE = r"\sigma^2_j = \frac{1}{N}\sum_{n=1}^{N} (x_{nj} - \mu_j)^2"


def test_a_variance_per_feature_written_by_its_square_defines_sigma_j_as_the_root():
    d = parse_definition(VARIANCE, Context())
    plain = parse_definition(VARIANCE.replace(r"\sigma^2_j", "v_j"), Context())
    (j,) = d.lhs.indices
    assert str(d.lhs.base) == "sigma" and str(j) == "j"
    assert sp.simplify(d.rhs - sp.sqrt(plain.rhs)) == 0


def test_the_derivative_of_that_sigma_j_by_one_sample_agrees_with_autograd():
    claim = r"\frac{x_{nj} - \mu_j}{N \sigma_j}"
    right = verify(claim, of=r"\frac{\partial \sigma_j}{\partial x_{nj}}", define=[VARIANCE])
    wrong = verify(claim.replace("N", "2N"), of=r"\frac{\partial \sigma_j}{\partial x_{nj}}", define=[VARIANCE])
    x, mu = np.array([1.0, 3.0, 0.5]), 0.7
    grad = autograd.grad(lambda x: anp.sqrt(anp.mean((x - mu) ** 2)))(x)
    assert np.allclose(grad, (x - mu) / (3 * np.sqrt(np.mean((x - mu) ** 2))), rtol=1e-12)
    assert right.verdict in ("proved", "agrees") and wrong.verdict == "wrong"


@pytest.mark.parametrize(("head", "says"), [
    (r"z^3_1 = w^2_{11} a^2_1 + w^2_{12} a^2_2", r"a power of z_1, or a label 3 (a layer number)"),
    (r"a^3 = \sigma(z^3_1)", r"write the label into the name (\mathrm{a3})"),
    (r"x^T = y", r"x^T = ... defines a transpose"),
    (r"\cos = \frac{x}{y}", r"\cos = ... states the value of an expression, not a definition: name it (L = \cos)"),
])
def test_a_head_with_two_readings_or_no_name_is_refused_saying_why(head, says):
    with pytest.raises(ParseError) as e:
        parse_definition(head, Context())
    assert says in str(e.value)


def test_indices_written_up_on_the_head_are_the_elements_with_the_repeated_index_summed():
    """O^{ib} = A^{ij} V^{jb} (tensor notation, read/einstein): O_ib = sum_j A_ij V_jb, both readings noted."""
    ctx = Context()
    d = parse_definition(r"O^{ib} = A^{ij} V^{jb}", ctx)
    i, b = d.lhs.indices
    (j,) = [x for x in d.rhs.atoms(sp.Idx) if x not in (i, b)]
    base = {str(x.label): x for x in d.rhs.atoms(sp.IndexedBase)}
    assert _is_zero(d.rhs - sp.Sum(base["A"][i, j] * base["V"][j, b], (j, 1, j.upper)))
    assert any("indices up" in n for n in ctx.notes) and any("Einstein" in n for n in ctx.notes)


@pytest.mark.parametrize(("head", "left"), [
    (r"\|y - Xw\|^2 = (y - Xw)^T (y - Xw)", r"\|y - Xw\|^2"),
    (r"\frac{1}{n}\sum_{i=1}^n \log p(x_i) = -\log \sigma", r"\frac{1}{n}\sum_{i=1}^n \log p(x_i)"),
])
def test_a_head_stating_a_value_defines_its_right_side_and_keeps_its_left_side_for_the_claim(head, left):
    def shaped() -> Context:  # (y - Xw)^T of names nothing shapes is refused (two readings): declare them
        ctx = Context()
        parse_given(r"X \in \mathbb{R}^{n \times d}, y \in \mathbb{R}^n", ctx)
        return ctx

    ctx = shaped()
    d = parse_definition(head, ctx)
    assert d.name == "lhs" and ctx.stated["lhs"][1] == left
    assert _is_zero(d.rhs - parse_definition(head.replace(left, "L"), shaped()).rhs)  # up to summation index names


def test_the_label_spelling_the_refusal_suggests_reads():
    d = parse_definition(r"\mathrm{z3}_1 = x", Context())
    assert str(d.lhs) == "z3_1" and d.rhs == sp.Symbol("x")  # one name: z3 is no declared array
    from symgrad import verify
    assert verify(r"\frac{\partial L}{\partial x} = 2\mathrm{z3}_1", define=[r"\mathrm{z3}_1 = x", r"L = \mathrm{z3}_1^2"]
                  ).verdict == "proved"


SOFTPLUS_CHAIN = r"y = softplus(x) = f(x) = \log(1 + e^{x})"


def test_a_function_head_inside_a_definition_chain_names_the_chains_last_side():
    ctx = Context()
    parse_definition(SOFTPLUS_CHAIN, ctx)
    x = sp.Symbol("x")
    f = ctx.functions["f"]
    assert sp.simplify(f.body.subs(dict(zip(f.params, [x]))) - sp.log(1 + sp.exp(x))) == 0


def _softplus_gradient_is_the_sigmoid(points: list[float]) -> None:
    """The reference the softplus claims are judged against: autograd's derivative of log(1 + e^t) is 1/(1 + e^-t)."""
    xs = np.array(points)
    grad = np.array([autograd.grad(lambda t: anp.log(1 + anp.exp(t)))(v) for v in xs])
    assert np.allclose(grad, 1 / (1 + np.exp(-xs)), rtol=1e-12)


@pytest.mark.parametrize(("claim", "verdicts"), [
    (r"f'(x) = \frac{1}{1 + e^{-x}}", ("proved", "agrees")),
    (r"f'(x) = \frac{1}{1 + e^{x}}", ("wrong",)),
])
def test_the_prime_of_that_function_is_judged_as_the_sigmoid_autograd_gives(claim, verdicts):
    _softplus_gradient_is_the_sigmoid([-2.0, 0.3, 1.7])
    assert verify(claim, define=[SOFTPLUS_CHAIN]).verdict in verdicts


BCE_OF = r"-\frac{d}{d\hat{y}_i}\left(y_i \log \hat{y}_i + (1 - y_i) \log(1 - \hat{y}_i)\right)"


@pytest.mark.parametrize(("claim", "verdicts"), [
    (r"\frac{dJ}{d\hat{y}_i} = -\left(\frac{y_i}{\hat{y}_i} - \frac{1 - y_i}{1 - \hat{y}_i}\right)", ("proved", "agrees")),
    (r"\frac{dJ}{d\hat{y}_i} = -\left(\frac{y_i}{\hat{y}_i} + \frac{1 - y_i}{1 - \hat{y}_i}\right)", ("wrong",)),
])
def test_a_claim_restating_the_derivative_of_names_an_undefined_j_as_what_of_differentiates(claim, verdicts):
    y, yhat = 0.3, 0.8
    grad = autograd.grad(lambda t: -(y * anp.log(t) + (1 - y) * anp.log(1 - t)))(yhat)
    assert abs(grad + (y / yhat - (1 - y) / (1 - yhat))) < 1e-12
    v = verify(claim, of=BCE_OF)
    assert v.verdict in verdicts and "J (not defined) read as what --of differentiates" in v.message


def test_an_undefined_name_differentiated_by_another_variable_than_of_is_still_refused():
    v = verify(r"\frac{dJ}{dy_i} = 1", of=BCE_OF)
    assert v.verdict == "unreadable" and "J is not defined" in v.message


@pytest.mark.parametrize(("claim", "verdicts"), [
    (r"dy/dx = \frac{1}{1 + e^{-x}}", ("proved", "agrees")),
    (r"\frac{\partial y}{\partial x} = \frac{1}{1 + e^{-x}}", ("proved", "agrees")),
    (r"\frac{dy}{dx} = \frac{1}{1 + e^{x}}", ("wrong",)),
])
def test_an_undefined_y_differentiated_by_x_is_the_output_of_the_one_function_f_x(claim, verdicts):
    _softplus_gradient_is_the_sigmoid([-1.5, 0.2, 2.5])
    v = verify(claim, define=[r"f(x) = \ln(1 + e^x)"])
    assert v.verdict in verdicts and "y (not defined) read as f(x)" in v.message


@pytest.mark.parametrize("define", [[r"f(x) = \ln(1 + e^x)"], [r"f(x) = \ln(1 + e^x)", r"g(x) = x^2"]])
def test_an_undefined_y_is_refused_by_another_variable_or_with_two_functions(define):
    claim = r"\frac{dy}{dz} = 1" if len(define) == 1 else r"\frac{dy}{dx} = 1"
    v = verify(claim, define=define)
    assert v.verdict == "unreadable" and "y is not defined" in v.message


@pytest.mark.parametrize(("head", "name"), [
    (r"\mathcal{L}(w) = (y - w x)^2", "L"),
    (r"\mathrm{MSE} = (y - w x)^2", "MSE"),
    (r"\text{Loss} = (y - w x)^2", "Loss"),
    (r"E_{total} = (y - w x)^2", "E_total"),
])
def test_a_name_in_a_font_a_word_or_with_a_word_subscript_is_the_name_defined(head, name):
    d = parse_definition(head, Context())
    w, x, y = sp.symbols("w x y")
    assert d.name == name and sp.expand(d.rhs - (y - w * x) ** 2) == 0


def test_numbered_names_of_no_array_are_names_of_their_own():
    # C_1 = a^2 and C_2 = a^3 defined C twice (an element each of an undeclared array); A1/A2 in plain text too
    from symgrad import verify
    define = ["C_1 = a^2", "C_2 = a^3", "L = C_1 + C_2"]
    right = verify(r"\frac{dL}{da} = 2a + 3a^2", define=define)
    slip = verify(r"\frac{dL}{da} = 2a + 2a^2", define=define)
    assert (right.verdict, slip.verdict) == ("proved", "wrong")
    assert "C_1 read as one name" in right.message


def test_a_numbered_element_of_a_summed_vector_stays_an_element():
    from symgrad import verify
    right = verify(r"\frac{\partial L}{\partial p_1} = 2p_1", define=[r"L = \sum_i p_i^2"])
    slip = verify(r"\frac{\partial L}{\partial p_1} = p_1", define=[r"L = \sum_i p_i^2"])
    assert (right.verdict, slip.verdict, slip.diagnosis) == ("proved", "wrong", "factor")
