"""What a claim is about (issue 9 item 5): cases assumed between indices, and a chain that starts with several
derivatives by one variable instead of one."""

import pytest

import symgrad


def test_a_case_between_indices_is_read_after_the_claim_that_gives_their_ranges():
    verdict = symgrad.verify(r"\frac{\partial D_{ij}}{\partial W_{dc}} = 0", define=["D = WX"],
                             given=[r"X \in \mathbb{R}^{m \times n}", r"W \in \mathbb{R}^{h \times m}"],
                             assume=[r"i \neq d"])
    assert verdict.verdict == "proved", verdict.message


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"\frac{\partial s_i}{\partial z_i} = s_i (1 - s_j)", "proved"),
    (r"\frac{\partial s_i}{\partial z_i} = - s_i s_j", "wrong"),
])
def test_a_case_already_written_into_the_derivative_renames_its_index_in_the_claim(claim, verdict):
    got = symgrad.verify(claim, define=[r"s_i = \frac{e^{z_i}}{\sum_k e^{z_k}}"], assume=["i = j"])
    assert got.verdict == verdict, got.message
    assert "already written into the derivative" in got.message


@pytest.mark.parametrize(("claim", "verdict"), [
    (r"\frac{d}{dx} x^2 + 3 \frac{d}{dx} \sin(x) = 2x + 3\cos(x)", "proved"),
    (r"\frac{d}{dx} x^2 + 3 \frac{d}{dx} \sin(x) = 2x - 3\cos(x)", "wrong"),
    (r"-(\frac{\partial}{\partial w} w^2 + \frac{\partial}{\partial w} y w) = -2w - y", "proved"),
])
def test_a_sum_of_constant_multiples_of_derivatives_is_the_derivative_of_the_sum(claim, verdict):
    got = symgrad.verify(claim)
    assert got.verdict == verdict, got.message
    assert "linearity" in got.message


def test_a_factor_that_depends_on_the_variable_is_not_taken_inside_the_derivative():
    got = symgrad.verify(r"x \frac{d}{dx} x^2 = 2x^2")
    assert got.verdict == "unreadable" and "names no derivative" in got.message
