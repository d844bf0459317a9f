"""Names declared in words by kind, size and adjectives, in the orders pages write them: each sentence is read as
the facts its formula says (the same shapes, the same structure), and a sentence saying something symgrad does not
read stays unread. Spellings from https://www.physicsforums.com/threads/linear-algebra.263369/ (A is real matrix n*n
and b is a column matrix n), https://math.techqa.club/gradient-and-hessian-of-a-function-4050502 (b is d-dimensional
real vector), https://www.cs.rit.edu/~dprl/ARQMath-backup/ (thread 16020: x is an n×1 column vector, A is an n×n
matrix), https://kiwix.lukehooper.xyz/content/math.stackexchange.com_en_all_2024-10/questions/3379501 (A is d×d
symmetric, positive definite matrix), .../questions/2247784 (a square matrix of size n × n non-symmetric),
https://imathworks.com/math/matrix-derivative-of-mathrmtrix-1-1 (invertible (and assuming symmetric) matrix X),
https://math.techqa.club/gradient-and-hessian-of-x-x-2-4380199 (||x||_2 is the Euclidean norm)."""

from __future__ import annotations

import pytest

from symgrad import verify
from symgrad.read.context import Context
from symgrad.read.facts import parse_given


def _read(given: str) -> tuple[dict, set, list]:
    """The shapes, structures and notes a fact leaves in a fresh context."""
    ctx = Context()
    parse_given(given, ctx)
    return ({k: getattr(v, "shape", v) for k, v in ctx.tensors.items()},
            {(s[0], s[1]) for s in ctx.structured}, ctx.notes)


@pytest.mark.parametrize(("words", "formula"), [
    ("A is real matrix n*n and b is a column matrix n", r"A \in \mathbb{R}^{n \times n}, b \in \mathbb{R}^{n}"),
    ("A is (p,p) matrix ,X a (d,p) matrix and B a (d,n) matrix",
     r"A \in \mathbb{R}^{p \times p}, X \in \mathbb{R}^{d \times p}, B \in \mathbb{R}^{d \times n}"),
    (r"$\mathbf x$ is an $n\times 1$ column vector", r"\mathbf{x} \in \mathbb{R}^{n}"),
    (r"$\mathbf A$ is an $n\times n$ matrix", r"\mathbf{A} \in \mathbb{R}^{n \times n}"),
    ("b is d-dimensional real vector", r"b \in \mathbb{R}^{d}"),
    (r"A is a square matrix of size $n \times n$ non-symmetric", r"A \in \mathbb{R}^{n \times n}"),
    ("X is a matrix of order n", r"X \in \mathbb{R}^{n \times n}"),
    ("x and y are vectors in R^n", r"x \in \mathbb{R}^{n}, y \in \mathbb{R}^{n}"),
    ("w is a vector of length d", r"w \in \mathbb{R}^{d}"),
    ("W is a 3x4 weight matrix", r"W \in \mathbb{R}^{3 \times 4}"),
    ("`X.shape = (m,n)`", r"X \in \mathbb{R}^{m \times n}"),  # NumPy's words, as code comments write shapes
    ("b.shape == (n,)", r"b \in \mathbb{R}^{n}"),
])
def test_a_kind_and_size_in_words_declares_the_shape_its_formula_does(words, formula):
    assert _read(words)[0] == _read(formula)[0]


@pytest.mark.parametrize(("words", "formula"), [
    ("X invertible (and assuming symmetric)", "X = X^T"),
    (r"$A$ is $d\times d$ symmetric, positive definite matrix",
     r"A \in \mathbb{R}^{d \times d}, A = A^T, A \succ 0"),
])
def test_adjectives_in_words_state_the_structure_their_formula_does(words, formula):
    shapes, structures, notes = _read(words)
    assert (shapes, structures) == _read(formula)[:2]
    assert all(note in notes for note in _read(formula)[2])


@pytest.mark.parametrize("words", ["x is a vector of size n x n", "A is a square matrix of size n x m",
                                   "A is a diagonal matrix n*n", "x is a symmetric vector in R^n"])
def test_a_declaration_that_disagrees_with_itself_or_says_more_is_not_read(words):
    from symgrad.read.words_declarations import declaration_in_words

    assert declaration_in_words(words) is None


def test_the_gradient_of_half_x_a_x_minus_x_b_with_sizes_in_words_is_half_a_plus_a_t_x_minus_b():
    given = ["A is real matrix n*n and b is a column matrix n"]
    define = [r"f(x)=(1/2)*(x^T)*(A)*(x)-(x^T)*(b)"]
    assert verify(r"(1/2)*[((A^T)+A)*x]-(b)", of="the gradient of f(x)", define=define,
                  given=given).verdict in ("proved", "agrees")
    assert verify(r"(1/2)*[((A^T)+A)*x]+(b)", of="the gradient of f(x)", define=define, given=given).verdict == "wrong"


@pytest.mark.parametrize("words", [r"||x||_2 is the Euclidean norm", r"|x|_2 is Euclid norm",
                                   r"$\|\mathbf{x}\|$ denotes the L2 norm", r"\|x - y\|_2 is the 2-norm"])
def test_the_euclidean_norm_of_a_vector_in_words_is_what_the_bars_read_noted(words):
    shapes, _, notes = _read(words)
    assert not shapes and any("read as the Euclidean norm" in n for n in notes)


@pytest.mark.parametrize("words", [r"|x| is the Euclidean norm", r"\|A\|_2 is the Euclidean norm"])
def test_bars_that_read_otherwise_named_the_euclidean_norm_are_not_noted_away(words):
    from symgrad.read.words_norms import euclidean_in_words

    assert euclidean_in_words(words) is None


def test_a_sentence_about_every_covariance_matrix_then_a_formula_reads_the_formula():
    shapes, structures, notes = _read(r"A covariance matrix is symmetric. Hence $A^T = A$")
    assert (shapes, structures) == _read("A = A^T")[:2]
    assert any("statement about every covariance matrix" in n for n in notes)
