"""A space's power as pages write it: numbers of several digits (R^{30}, R^{784 \\times 10}), sums of sizes (R^{n-1},
R^{2n}), sizes joined by a typed x (\\Bbb R^{1x 30}), the matrices M_n(R) and M(K), and a layer's name with a digit
subscript (b_2 \\in R^{5}: one name, not the entry b_2)."""

import pytest
import sympy as sp

from symgrad.errors import ParseError
from symgrad.read.context import Context
from symgrad.read.facts import parse_given
from symgrad.verify import verify


def _shape(given: str, name: str) -> tuple:
    ctx = Context()
    parse_given(given, ctx)
    return tuple(sp.sympify(str(s)) for s in ctx.tensors[name].shape)


n, m, d = sp.symbols("n m d")


@pytest.mark.parametrize("given, name, shape", [
    (r"w \in \mathbb{R}^{30}", "w", (30,)),
    (r"W \in \mathbb{R}^{784 \times 10}", "W", (784, 10)),  # MNIST layer sizes
    (r"h\in \Bbb R^{1x 30}", "h", (30,)),  # math.techqa.club 3400818
    (r"U \in \Bbb R^{30 x5}", "U", (30, 5)),
    (r"x \in \mathbb{R}^{n-1}", "x", (n - 1,)),
    (r"x \in \mathbb{R}^{d+1}", "x", (d + 1,)),  # a bias folded into the weights
    (r"x \in \mathbb{R}^{2n}", "x", (2 * n,)),
    (r"A \in M_n(\mathbb{R})", "A", (n, n)),  # en.wikipedia Matrix_calculus writes M_n
    (r"A \in \mathcal{M}_{m \times n}(\mathbb{R})", "A", (m, n)),
    (r"A \in M_{m,n}(\R)", "A", (m, n)),
    (r"b_2 \in \Bbb R^{1x5}", "b_2", (5,)),  # the second layer's bias, one name
    (r"W_1 \in \mathbb{R}^{n \times m}", "W_1", (n, m)),
])
def test_a_space_power_as_pages_write_it_gives_the_shape(given, name, shape):
    assert _shape(given, name) == shape


def test_a_ten_entry_vector_has_the_gradient_2w_of_its_squared_norm():
    assert verify(r"\nabla_w (w^T w) = 2w", given=[r"w \in \mathbb{R}^{10}"]).verdict == "proved"
    assert verify(r"\nabla_w (w^T w) = w", given=[r"w \in \mathbb{R}^{10}"]).verdict == "wrong"


def test_the_square_matrices_over_a_field_leave_the_size_to_the_use():
    """lucasfa (EMV): "x \\in \\R^n, A \\in M(\\mathbb{K})": A square, its size from x^T A x, K read as the reals."""
    v = verify(r"\frac{\partial x^TAx}{\partial x} = (A + A^T)x", given=[r"x \in \R^n, A \in M(\mathbb{K})"])
    assert v.verdict == "proved" and "over K read as the reals" in v.message


def test_a_lowercase_name_in_unsized_matrices_is_refused():
    with pytest.raises(ParseError):
        parse_given(r"x \in M(\mathbb{R})", Context())
