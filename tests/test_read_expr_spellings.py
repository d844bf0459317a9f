"""Spellings of everyday losses read as they are meant: the positive part ``[u]_+`` of the hinge and triplet losses
is max(0, u); ``e^{(1 - \\rho)\\eta_n}`` (Tweedie's log link) is a power of e, not a sample index ``y^{(i)}``."""

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import grad

import symgrad
from symgrad.read import Context, parse_definition

y, z, r, t = sp.symbols("y z r t")


@pytest.mark.parametrize("written", [r"L = [1 - y z]_+", r"L = [1 - y z]_{+}", r"L = (1 - y z)_+",
                                     r"L = \left[1 - y z\right]_+"])
def test_a_bracket_with_subscript_plus_is_the_positive_part_max_of_zero(written):
    assert parse_definition(written, Context()).rhs == sp.Max(0, 1 - y * z)


def test_the_hinge_gradient_through_the_positive_part_agrees_with_autograd():
    hinge = grad(lambda z, y: anp.maximum(0.0, 1 - y * z))
    assert hinge(0.3, 1.0) == pytest.approx(-1.0) and hinge(1.5, 1.0) == 0.0  # autograd: -y inside the margin, 0 out
    claim = r"\frac{dL}{dz} = -y \mathbb{1}[1 - yz > 0]"
    assert symgrad.verify(claim, define=[r"L = [1 - yz]_+"]).verdict in ("proved", "agrees")
    assert symgrad.verify(r"\frac{dL}{dz} = -y", define=[r"L = [1 - yz]_+"]).verdict == "wrong"


def test_a_name_with_subscript_plus_is_still_refused_not_a_positive_part():
    with pytest.raises(symgrad.ParseError, match="expected a subscript"):
        parse_definition(r"L = x_+ z", Context())


def test_e_to_a_bracketed_product_is_a_power_of_e_not_a_sample_index():
    assert parse_definition(r"L = e^{(1 - r) t}", Context()).rhs == sp.exp((1 - r) * t)
    dr = grad(lambda r, t: anp.exp((1 - r) * t))(0.4, 1.3)  # autograd: -t e^{(1 - r) t}
    assert dr == pytest.approx(-1.3 * np.exp(0.6 * 1.3))
    assert symgrad.verify(r"\frac{dL}{dr} = -t e^{(1 - r) t}", define=[r"L = e^{(1 - r) t}"]).verdict == "proved"


def test_a_sample_superscript_in_parentheses_is_still_the_sample():
    d = parse_definition(r"L = \sum_{i=1}^{N} w x^{(i)}", Context())
    (element,) = d.rhs.atoms(sp.Indexed)
    (s,) = d.rhs.atoms(sp.Sum)
    assert str(element.base) == "x" and element.indices == (s.variables[0],) and not d.rhs.atoms(sp.Pow)


def test_an_inner_product_in_angle_brackets_is_the_sum_of_products():
    a, x = np.array([0.5, -1.0, 2.0]), np.array([1.5, 0.2, -0.3])
    assert np.allclose(grad(lambda x: anp.dot(a, x) + anp.dot(x, x))(x), a + 2 * x)  # autograd
    given = [r"x \in \mathbb{R}^{n}", r"a \in \mathbb{R}^{n}"]
    define = [r"L = \langle a, x \rangle + \langle x, x \rangle"]
    assert symgrad.verify(r"\nabla_x L = a + 2x", define=define, given=given).verdict == "proved"
    assert symgrad.verify(r"\nabla_x L = a + x", define=define, given=given).verdict == "wrong"


def test_an_inner_product_of_a_vector_and_a_matrix_is_refused_naming_the_shapes():
    given = [r"x \in \mathbb{R}^{n}", r"A \in \mathbb{R}^{n \times n}"]
    v = symgrad.verify(r"\nabla_x L = 0", define=[r"L = \langle A, x \rangle"], given=given)
    assert v.verdict == "unreadable" and r"\langle a, b \rangle needs two vectors" in v.message
