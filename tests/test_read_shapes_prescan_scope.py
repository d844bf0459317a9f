"""The problem-wide index pre-scan (``y_n`` in one input makes ``y`` a vector
in all) and where it must keep out (a name a fact defines, a defined function's own parameter)."""

from __future__ import annotations

import pytest

from symgrad import verify

_PRESCAN = [  # (definition, right claim, the same claim wrong, a note the right verdict carries)
    (r"L = \frac{1}{2}\sum_{n=1}^{N} (y_n - (Xw)_n)^2", r"\frac{\partial L}{\partial w} = -X^T (y - Xw)",
     r"\frac{\partial L}{\partial w} = X^T (y - Xw)", "y read as a vector of size N"),
    # h's own v: declared a vector from outside it lost its value ("v[i] has no value")
    (r"h(v) = \lVert v \rVert^2", r"\frac{\partial}{\partial v_k} h(v) = 2 v_k", r"\frac{\partial}{\partial v_k} h(v) = v_k",
     ""),
]


@pytest.mark.parametrize(("define", "right", "wrong", "note"), _PRESCAN)
def test_a_letter_indexed_in_one_input_and_bare_in_another_is_one_vector_unless_a_function_binds_it(define, right,
                                                                                                    wrong, note):
    verdict = verify(right, define=[define])
    assert verdict.verdict == "proved" and note in verdict.message, verdict
    assert verify(wrong, define=[define]).verdict == "wrong"


def test_a_name_a_fact_defines_per_sample_keeps_its_definition_so_the_sigmoid_chain_carries_x():
    define = [r"E = \frac12 \sum_{i=1}^{m} (\sigma(u_i) - t_i)^2"]
    given = [r"u^{(i)} = w x^{(i)}"]
    of = r"\frac{\partial E}{\partial w}"
    right = verify(r"\sum_{i=1}^{m} (\sigma(u_i) - t_i)\sigma(u_i)(1 - \sigma(u_i)) x_i", of=of, define=define,
                   given=given)
    assert right.verdict in ("proved", "agrees") and "read as a definition" in right.message, right
    assert verify(r"\sum_{i=1}^{m} (\sigma(u_i) - t_i) x_i", of=of, define=define, given=given).verdict == "wrong"


@pytest.mark.parametrize(("claim", "verdict"), [(r"\frac{\partial q}{\partial \mu} = -(P + P^\top)(x - \mu)", "proved"),
                                                (r"\frac{\partial q}{\partial \mu} = -2P(x - \mu)", "wrong")])
def test_a_difference_named_and_written_transposed_makes_its_letters_vectors_so_the_quadratic_form_gradient_reads(
        claim, verdict):
    """``d = x - \\mu`` then ``d^\\top P d``: read in order, d was a number and ``d^\\top`` was refused; -2P(x - mu) holds
    only for a symmetric P, which nothing declares."""
    v = verify(claim, define=[r"P = \Lambda^{-1}", r"d = x - \mu", r"q = d^\top P d"])
    assert v.verdict == verdict and "x, mu read as vectors of size N: d, their sum or difference, is written" in \
        v.message, v


def test_a_difference_of_letters_declared_numbers_stays_refused_as_a_transposed_number():
    v = verify(r"\frac{\partial E}{\partial y} = -2(t - y)", define=["r = (t - y)", "E = r^T r"],
               given=[r"t \in \mathbb{R}"])
    assert v.verdict == "unreadable" and "r^T has two readings" in v.message


_LAYER = [r"h_{k \times 1} = A_{k \times d} u_{d \times 1} + c_{k \times 1}", r"E = \frac{1}{2} \|h\|^2"]


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"\frac{\partial E}{\partial A} = (h)_{k \times 1} (u^\top)_{1 \times d}", "proved"),  # the outer product
    (r"\frac{\partial E}{\partial A} = (u)_{d \times 1} (h^\top)_{1 \times k}", "proved"),  # its transpose: layout
    (r"\frac{\partial E}{\partial A} = 2 h u^\top", "wrong"),
])
def test_sizes_written_as_a_subscript_are_the_shapes_so_a_layer_weight_gradient_is_an_outer_product(claim, verdict):
    """``A_{k \\times d}`` says A's shape (an index has no times sign): dropped as a subscript, A declared k x d; read as
    a number each, A u + c multiplied numbers and h u (two columns) was proved."""
    v = verify(claim, define=_LAYER)
    assert v.verdict == verdict and r"_{k \times d} read as the shape of A, not an index" in v.message, v


def test_two_columns_multiplied_after_their_size_subscripts_are_refused_not_proved():
    v = verify(r"\frac{\partial E}{\partial A} = (h)_{k \times 1} (u)_{d \times 1}", define=_LAYER)
    assert v.verdict == "unreadable" and "size k does not match size d" in v.message, v


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"dF(H) = -X^{-1} H X^{-1}", "proved"),
    (r"DF(X)[H] = -X^{-1} H X^{-1}", "proved"),
    (r"DF_X(H) = -X^{-1} H X^{-1}", "proved"),
    (r"dF(X)[H] = X^{-1} H X^{-1}", "wrong"),
    (r"dF(H) = -X^{-2} H", "wrong"),  # commuted: right only where H and X commute
    (r"dF(H) = -X^{-1} H^T X^{-1}", "wrong"),  # a transposed direction is no layout convention here
])
def test_a_differential_in_a_direction_of_the_inverse_is_its_derivative_applied_to_the_direction(claim, verdict):
    """``dF(H)`` for ``F(X) = X^{-1}``: the derivative of F at X applied to H (as the Fréchet derivative is written),
    judged by the claim's derivative by H, in index notation."""
    v = verify(claim, define=[r"F(X) = X^{-1}"])
    assert v.verdict == verdict and "read as the differential of F at X in the direction H" in v.message, v


def test_a_differential_claim_not_linear_in_the_direction_is_not_read_as_one():
    v = verify(r"dF(H) = -X^{-1} H X^{-1} + I", define=[r"F(X) = X^{-1}"])
    assert v.verdict == "unreadable" and "differential of F" not in v.message


@pytest.mark.parametrize("claim", [r"dF(H) = -X^{-1} (H + I) X^{-1}", r"dF(H) = -X^{-1} H X^{-1} |H|",
                                   r"dF(H) = -X^{-1} H^2 X^{-1}"])
def test_a_direction_under_a_sum_in_brackets_a_determinant_or_a_power_is_no_factor(claim):
    """Each is not linear in H (affine, or of higher degree): judged by its derivative by H, an affine claim's constant
    would be lost, so none is read as a differential."""
    assert "differential of F" not in verify(claim, define=[r"F(X) = X^{-1}"]).message


_LINEAR = [r"Y = X W^T", r"X \in \mathbb{R}^{m \times n}", r"W \in \mathbb{R}^{p \times n}"]


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"\frac{\partial L}{\partial Y} \frac{\partial Y}{\partial W} = (\frac{\partial L}{\partial Y})^T X", "proved"),
    (r"\frac{\partial L}{\partial Y} \frac{\partial Y}{\partial W} = 2 (\frac{\partial L}{\partial Y})^T X", "wrong"),
])
def test_a_gradient_times_a_matrix_by_matrix_jacobian_is_their_contraction_so_the_chain_rule_reads(claim, verdict):
    """dL/dY (m x p) times dY/dW (m, p, p, n): contracted over Y's axes, a p x n gradient (the product was refused as
    shapes that cannot multiply)."""
    v = verify(r"\frac{\partial L}{\partial W} = " + claim, given=_LINEAR)
    assert v.verdict == verdict and "read as the chain rule: contracted over the matrix's two axes" in v.message, v


def test_a_square_matrix_times_a_jacobian_of_a_square_matrix_is_refused_naming_both_products():
    v = verify(r"\frac{\partial \log\det S}{\partial S} = \mathrm{tr}(S^{-1} \frac{\partial S}{\partial S})",
               given=[r"S \in \mathbb{R}^{n \times n}"])
    assert v.verdict == "unreadable" and "contraction over both axes, or a matrix product slice by slice" in v.message
