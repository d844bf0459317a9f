"""Text pasted from pages and code in other spellings: what copying lost (read/code_pasted.py) and a page's ``^T``
inside code (read/code.py). Each test states the expression meant, or checks the verdict against autograd."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from autograd import elementwise_grad, grad
from test_read_code import read  # an expression read after its facts

from symgrad.read.code import code_notes
from symgrad.read.code_pasted import repaired
from symgrad.verify import verify

x = sp.Symbol("x")
RNG = np.random.default_rng(11)


def _elu(v):
    return anp.where(v > 0, v, 0.7 * (anp.exp(v) - 1))


ELU = r"f(x) = \begin{cases} x & x > 0 \ \alpha(e^x - 1) & x \leq 0 \end{cases}"


@pytest.mark.parametrize("claim, verdict", [
    (r"f’(x) = \begin{cases} 1 & x > 0 \ \alpha e^x & x \leq 0 \end{cases}", "proved"),
    (r"f’(x) = \begin{cases} 1 & x > 0 \ \alpha e^x - 1 & x \leq 0 \end{cases}", "wrong"),
])
def test_a_backslash_lost_from_a_cases_row_break_is_the_row_break(claim, verdict):
    v = verify(claim, define=[ELU])
    at = RNG.normal(size=6)
    slope = elementwise_grad(_elu)(at)
    claimed = np.where(at > 0, 1.0, 0.7 * np.exp(at) - (verdict == "wrong"))
    assert v.verdict == verdict and np.allclose(slope, claimed) == (verdict == "proved")
    assert "row break" in v.message


def test_a_control_space_inside_a_row_stays_a_space():
    text = r"\begin{cases} x & \text{if}\ x > 0 \\ 0 & \text{otherwise}\end{cases}"
    assert repaired(text) == text and code_notes(text) == []
    assert read(text) == sp.Piecewise((x, x > 0), (0, True))


@pytest.mark.parametrize("slope, verdict", [(r"\lambda", "proved"), (r"\lambda x", "wrong")])
def test_a_bare_end_closing_open_cases_is_end_cases(slope, verdict):
    claim = rf"f'(x) = \begin{{cases}} 1, & \text{{if }} x \geq 0 \ {slope}, & \text{{if }} x < 0 \end"
    v = verify(claim, define=[r"f(x) = \begin{cases} x & x \geq 0 \\ \lambda x & x < 0 \end{cases}"])
    at = -np.abs(RNG.normal(size=4))
    leaky = elementwise_grad(lambda u: anp.where(u >= 0, u, 0.1 * u))(at)
    assert v.verdict == verdict and np.allclose(leaky, 0.1 * (at if verdict == "wrong" else 1)) == (
        verdict == "proved")
    assert r"\end read as \end{cases}" in v.message


def _entries(expr: sp.Expr, arrays: dict[str, np.ndarray]) -> np.ndarray:
    """The matrix ``expr`` stands for, its two free indices (in name order) running over 3 x 3."""
    e = expr.xreplace({s: sp.Integer(3) for s in expr.free_symbols if str(s) in ("m", "n")})
    free = sorted((s for s in e.free_symbols if isinstance(s, sp.Idx)), key=str)
    out = np.zeros((3, 3))
    for a in range(3):
        for b in range(3):
            at = e.xreplace(dict(zip(free, (sp.Integer(a + 1), sp.Integer(b + 1))))).doit()
            out[a, b] = float(at.replace(lambda t: isinstance(t, sp.Indexed), lambda t: sp.Float(
                arrays[str(t.base)][tuple(int(k) - 1 for k in t.indices)])))
    return out


@pytest.mark.parametrize("code, meant", [("G @ B^T", lambda G, B: G @ B.T), ("B^T @ G", lambda G, B: B.T @ G),
                                         ("(G @ B)^T @ G", lambda G, B: (G @ B).T @ G)])
def test_a_glued_caret_t_in_code_is_the_transpose(code, meant):
    G, B = RNG.normal(size=(3, 3)), RNG.normal(size=(3, 3))
    got = read(code, r"B \in \mathbb{R}^{n \times n}", r"G \in \mathbb{R}^{n \times n}")
    assert np.allclose(_entries(got, {"G": G, "B": B}), meant(G, B))
    assert "code: B^T read as the transpose of B (in Python ^ is a bitwise xor)" in code_notes(code)


def test_a_caret_with_anything_but_t_in_code_is_still_refused():
    with pytest.raises(Exception, match="xor"):
        read("x**2 + y^2")


@pytest.mark.parametrize("code, meant", [
    ("np.log(x) / 20", sp.log(x) / 20),
    ("x ** 12 * 2.5", sp.Rational(5, 2) * x**12),
    ("np.exp(x) + 1e-05", sp.exp(x) + sp.Rational(1, 100000)),
])
def test_a_number_of_several_digits_in_code_is_one_number(code, meant):
    # np.log(x) / 20 was read as log(x) / (2 * 0) and 2.5 as 2 * 5: the digits of a number stood at one column
    assert sp.simplify(read(code) - meant) == 0


def _mish(v):
    return v * anp.tanh(anp.log(anp.exp(v) + 1))


@pytest.mark.parametrize("claim, verdict", [
    ("x*(1 - tanh(log(exp(x) + 1))**2)*exp(x)/(exp(x) + 1) + tanh(log(exp(x) + 1))", "proved"),
    ("x*(1 - tanh(log(exp(x) + 1))**2)*exp(x) + tanh(log(exp(x) + 1))", "wrong"),
])
def test_sympy_output_pasted_with_its_diff_is_judged_as_autograd_says(claim, verdict):
    v = verify(claim, of="diff(x*tanh(log(exp(x)+1)))")
    at = np.linspace(-2, 2, 5)
    sp_x = sp.Symbol("x")
    claimed = sp.lambdify(sp_x, sp.sympify(claim), "numpy")(at)  # SymPy reads its own output
    assert v.verdict == verdict and np.allclose(elementwise_grad(_mish)(at), claimed) == (verdict == "proved")
    assert "code: SymPy's diff(f) read as the derivative of f by its one variable" in v.message


def test_diff_of_several_names_asks_by_which_and_a_caret_transpose_applied_is_a_page_product():
    with pytest.raises(Exception, match="say by which"):
        read("diff(x*y)")
    assert read("diff(x**2*y, y)") == sp.Derivative(x**2 * sp.Symbol("y"), sp.Symbol("y"))
    from symgrad.read.code import code_pieces
    assert code_pieces("w^T(X w)") is None


BCE = r"L = -(y \times log(a) + (1-y) \times log(1-a))L=−(y×log(a)+(1−y)×log(1−a))"


@pytest.mark.parametrize("claim, verdict", [
    (r"\frac{dL}{da} = \frac{a - y}{a(1-a)}dadL=a(1−a)a−y", "proved"),
    (r"\frac{dL}{da} = \frac{y - a}{a(1-a)}dadL=a(1−a)y−a", "wrong"),
])
def test_a_formula_followed_by_its_own_display_is_read_once(claim, verdict):
    v = verify(claim, define=[BCE])
    a, y = np.array([0.2, 0.7]), np.array([1.0, 0.3])
    truth = elementwise_grad(lambda u: -(y * anp.log(u) + (1 - y) * anp.log(1 - u)))(a)
    sign = 1 if verdict == "proved" else -1
    assert v.verdict == verdict and np.allclose(truth, sign * (a - y) / (a * (1 - a))) == (verdict == "proved")
    assert "read as the page's display of the formula before it" in v.message


@pytest.mark.parametrize("text", [r"\log(a) = log(a) + 1", r"\frac{a}{b} = ab", r"x \cdot y = y x"])
def test_a_formula_and_other_text_is_not_taken_for_its_display(text):
    assert repaired(text) == text


@pytest.mark.parametrize("claim, verdict", [
    (r"\frac{dL}{dx} = \begin{cases} 0 & y x \geq 1 \\ -y & y x < 1 \end{cases}", "proved"),
    (r"\frac{dL}{dx} = \begin{cases} 0 & y x \geq 1 \\ y & y x < 1 \end{cases}", "wrong"),
])
def test_a_group_and_a_set_s_braces_crossed_in_copying_are_the_set(claim, verdict):
    v = verify(claim, define=[r"L = \max{\{0, 1 - y x}\}"])
    y, at = 0.8, np.array([-1.0, 0.5, 2.0])
    truth = elementwise_grad(lambda u: anp.maximum(0.0, 1 - y * u))(at)
    claimed = np.where(y * at >= 1, 0.0, -y if verdict == "proved" else y)
    right = v.verdict in ("proved", "agrees")  # the kink at y x = 1 leaves the proof to numbers
    assert right == (verdict == "proved") == np.allclose(truth, claimed)
    assert r"read as \{ ... \}" in v.message
    assert repaired(r"\max{\{0, x\}}") == r"\max{\{0, x\}}"


@pytest.mark.parametrize("claim, scaled, verdict", [
    ("dL/dw = np.dot(w, np.array([1, 2, 3])) * np.array([1, 2, 3])", True, "proved"),
    ("dL/dw = np.array([1, 2, 3])", False, "wrong"),
])
def test_a_numpy_array_literal_is_the_vector_of_its_entries(claim, scaled, verdict):
    v = verify(claim, define=["L = np.dot(w, np.array([1, 2, 3])) ** 2 / 2"], given=[r"w \in \mathbb{R}^{3}"])
    a, w = np.array([1.0, 2.0, 3.0]), np.array([0.5, -1.0, 2.0])
    truth = elementwise_grad(lambda u: anp.dot(u, a) ** 2 / 2)(w)
    assert v.verdict == verdict and np.allclose(truth, (w @ a) * a if scaled else a) == (verdict == "proved")
    with pytest.raises(Exception, match="a matrix"):
        read("np.array([[1, 2], [3]])")


@pytest.mark.parametrize("claim, verdict", [("dL/dw = sum((p[i] - y[i]) * X[i, :] for i in range(n))", "proved"),
                                            ("dL/dw = sum((y[i] - p[i]) * X[i, :] for i in range(n))", "wrong")])
def test_a_python_sum_over_a_generator_is_the_sum_over_the_index(claim, verdict):
    given = [r"X \in \mathbb{R}^{n \times d}", r"w \in \mathbb{R}^{d}", r"y \in \mathbb{R}^{n}"]
    v = verify(claim, define=["L = -sum(y[i] * np.log(p[i]) + (1 - y[i]) * np.log(1 - p[i]) for i in range(n))",
                              "p = sigmoid(X @ w)"], given=given)
    X, w, y = RNG.normal(size=(4, 3)), RNG.normal(size=3), np.array([1.0, 0.0, 1.0, 0.0])

    def loss(u):
        q = 1 / (1 + anp.exp(-anp.dot(X, u)))
        return -anp.sum(y * anp.log(q) + (1 - y) * anp.log(1 - q))
    p = 1 / (1 + np.exp(-X @ w))
    sign = 1 if verdict == "proved" else -1
    assert v.verdict == verdict and np.allclose(grad(loss)(w), sign * X.T @ (p - y)) == (verdict == "proved")
    with pytest.raises(Exception, match="for i in range"):
        read("sum(y[i] for i in range(1, n))", r"y \in \mathbb{R}^{n}")


@pytest.mark.parametrize("claim, verdict", [("np.diag(s) - np.outer(s, s)", "proved"),
                                            ("np.diag(s) - np.outer(s, s) * 2", "wrong")])
def test_numpy_s_diag_and_outer_read_as_the_softmax_jacobian(claim, verdict):
    v = verify(claim, of=r"\frac{\partial s}{\partial z}", define=["s = softmax(z)"], given=[r"z \in \mathbb{R}^{n}"])
    from autograd import jacobian
    z = RNG.normal(size=4)
    s = np.exp(z) / np.exp(z).sum()
    truth = jacobian(lambda u: anp.exp(u) / anp.sum(anp.exp(u)))(z)
    claimed = np.diag(s) - np.outer(s, s) * (1 if verdict == "proved" else 2)
    assert v.verdict == verdict and np.allclose(truth, claimed) == (verdict == "proved")


def test_numpy_s_transpose_inverse_trace_and_ones_read_as_on_a_page():
    A, v = RNG.normal(size=(3, 3)) + 3 * np.eye(3), RNG.normal(size=3)
    given = [r"A \in \mathbb{R}^{n \times n}", r"v \in \mathbb{R}^{n}"]
    got = read("np.trace(np.linalg.inv(A) @ np.transpose(A) @ A) + np.ones(n) @ v", *given)
    e = got.xreplace({s: sp.Integer(3) for s in got.free_symbols if str(s) == "n"}).doit()
    e = e.replace(lambda t: isinstance(t, sp.Indexed) and str(t.base) in ("A", "v"),
                  lambda t: sp.Float({"A": A, "v": v}[str(t.base)][tuple(int(k) - 1 for k in t.indices)]))
    e = e.replace(lambda t: isinstance(t, sp.Indexed), lambda t: sp.Float(
        np.linalg.inv(A)[tuple(int(k) - 1 for k in t.indices)]))
    assert float(e) == pytest.approx(np.trace(np.linalg.inv(A) @ A.T @ A) + v.sum())


def test_pytorch_s_dim_keepdim_t_and_mm_are_numpy_s_axis_keepdims_transpose_and_matmul():
    A = RNG.normal(size=(3, 3))
    got = read("torch.sum(torch.mm(A, A.t()), dim=1, keepdim=True)", r"A \in \mathbb{R}^{n \times n}")
    i = next(s for s in got.free_symbols if isinstance(s, sp.Idx))
    e = got.xreplace({i: 2}).xreplace({s: sp.Integer(3) for s in got.free_symbols if str(s) == "n"}).doit()
    e = e.replace(lambda t: isinstance(t, sp.Indexed), lambda t: sp.Float(A[tuple(int(k) - 1 for k in t.indices)]))
    assert float(e) == pytest.approx((A @ A.T).sum(axis=1)[1])
    assert "code: axis=1 read as along each row, axis=0 each column" in code_notes("torch.sum(A, dim=1)")


def test_numpy_s_square_power_and_sign_are_the_page_s_powers_and_sign():
    x = RNG.normal(size=3)
    got = read("np.square(p).sum() + np.power(p, 3).sum() + torch.pow(p, 2).sum() + np.sign(p).sum()",
               r"p \in \mathbb{R}^{n}")
    e = got.xreplace({s: sp.Integer(3) for s in got.free_symbols if str(s) == "n"}).doit()
    e = e.replace(lambda t: isinstance(t, sp.Indexed), lambda t: sp.Float(x[int(t.indices[0]) - 1]))
    assert float(e) == pytest.approx(2 * (x ** 2).sum() + (x ** 3).sum() + np.sign(x).sum())


@pytest.mark.parametrize("claim, verdict", [("dL/dv[i] = np.einsum('ij,j->i', A, v) + np.einsum('ji,j->i', A, v)",
                                             "proved"),
                                            ("dL/dv[i] = 2 * np.einsum('ij,j->i', A, v)", "wrong")])
def test_einsum_is_index_notation_with_the_letters_not_in_the_output_summed(claim, verdict):
    given = [r"A \in \mathbb{R}^{n \times n}", r"v \in \mathbb{R}^{n}"]
    v = verify(claim, define=["L = np.einsum('i,ij,j->', v, A, v)"], given=given)
    A, x = RNG.normal(size=(3, 3)), RNG.normal(size=3)
    truth = grad(lambda u: anp.dot(u, anp.dot(A, u)))(x)
    claimed = A @ x + A.T @ x if verdict == "proved" else 2 * A @ x
    assert v.verdict == verdict and np.allclose(truth, claimed) == (verdict == "proved")
    with pytest.raises(Exception, match="explicit output"):
        read("np.einsum('ij->ji', A)", given[0])
