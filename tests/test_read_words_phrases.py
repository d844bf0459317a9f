"""Names declared in words in the other orders pages write them: the kind first (``a symmetric matrix A``), adjectives
joined by ``and``, a negation saying what a name is, and one only withholding symmetry (noted, nothing imposed)."""

import pytest
import sympy as sp

from symgrad.errors import ParseError
from symgrad.read.context import Context
from symgrad.read.facts import parse_given
from symgrad.verify import verify

_QUADRATIC = [r"f(x) = x^T A x"]


def _read(given: str) -> Context:
    ctx = Context()
    parse_given(given, ctx)
    return ctx


@pytest.mark.parametrize("given", [
    "a symmetric matrix A",  # imathworks hessian page
    "Y, A and B are square and symmetric matrices",  # math.techqa.club 4466931
    "Let $A$ be a square and symmetric matrix",
    "consider the symmetric matrices $A$ and $B$",
])
def test_a_symmetric_matrix_in_any_order_makes_2Ax_the_gradient_of_xTAx(given):
    """Only a symmetric A makes 2Ax the gradient of x^T A x; https://newbetuts.com/709686-gradient-of-xtax-duplicate
    ("It's only true if A is symmetric"), https://compphysics.github.io/MachineLearning/doc/pub/week35/html/._week35-bs011.html
    ("If the matrix A is symmetric")."""
    assert verify(r"\nabla f(x) = 2Ax", define=_QUADRATIC, given=[given]).verdict == "proved"


@pytest.mark.parametrize("given", [
    "$A$ (the Hessian) can be non-symmetric",  # math.stackexchange 3645160 (kiwix)
    "A need not be symmetric",
    "A is not necessarily symmetric",
])
def test_a_matrix_said_possibly_non_symmetric_imposes_nothing(given):
    """Withheld symmetry: the general A, so 2Ax is wrong and (A + A^T)x right, and the words are noted."""
    wrong = verify(r"\nabla f(x) = 2Ax", define=_QUADRATIC, given=[given])
    assert wrong.verdict == "wrong" and "not assumed symmetric" in wrong.message
    assert verify(r"\nabla f(x) = (A + A^T)x", define=_QUADRATIC, given=[given]).verdict == "proved"


@pytest.mark.parametrize("given", ["x is not a matrix, but a scalar", "x is not a matrix but a scalar",
                                   "x is a scalar, not a matrix", "$x$ is a scalar and not a matrix"])
def test_not_a_matrix_but_a_scalar_is_a_scalar(given):
    """math.techqa.club 3945493 ("x is not a matrix, but a scalar"): the kind after "but" is what x is."""
    x = _read(given).tensors["x"]
    assert isinstance(x, sp.Symbol) and not getattr(x, "shape", None)


def test_not_a_matrix_alone_is_never_read_as_a_matrix():
    with pytest.raises(ParseError):
        _read("A is not a matrix")


def test_the_kind_before_each_name_gives_each_its_shape():
    """math.stackexchange 2620495 (kiwix): "the $d$-vector $\\mathbf a$ and the $d \\times d$ matrix $\\mathbf M$"."""
    ctx = _read(r"the $d$-vector $\mathbf a$ and the $d \times d$ matrix $\mathbf M$")
    d = sp.Symbol("d", integer=True, positive=True)
    assert [tuple(sp.sympify(s).subs(sp.Symbol("d"), d) for s in ctx.tensors[n].shape) for n in "aM"] == [(d,), (d, d)]


def test_a_matrix_said_square_is_a_matrix_its_use_shapes():
    """healthml math4ml: "\\mathbf{A} is square", before the gradient of x^T A x."""
    v = verify(r"\nabla_x (x^T A x) = (A + A^T) x", given=[r"\mathbf{A} is square"])
    assert v.verdict == "proved"
