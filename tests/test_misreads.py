"""Silent misreads: LaTeX that used to parse into a wrong expression without an error, and the verify
evaluation gaps that made right claims unreadable. Each test states the reading a person means (or the
ParseError with its column) and, for verify, the verdict."""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from symgrad.errors import ParseError
from symgrad.parse import Context, parse_definition, parse_expression, parse_given
from symgrad.verify import verify

x, y, z, w, a, b = sp.symbols("x y z w a b")


def read(latex: str) -> sp.Expr:
    return parse_expression(latex, Context())


def refused(latex: str) -> ParseError:
    with pytest.raises(ParseError) as info:
        read(latex)
    return info.value


# ---------------------------------------------------------------- 1. upright function names


@pytest.mark.parametrize("latex, want", [
    (r"\operatorname{erf}(x)", sp.erf(x)),
    (r"\operatorname{erfc}(x)", sp.erfc(x)),
    (r"\operatorname{sgn}(x)", sp.sign(x)),
    (r"\operatorname{sign}(x)", sp.sign(x)),
    (r"\operatorname{ReLU}(x)", sp.Max(0, x)),
    (r"\mathrm{relu}(1 - y z)", sp.Max(0, 1 - y * z)),
    (r"\text{ReLU}(x)", sp.Max(0, x)),
    (r"\operatorname{softplus}(x)", sp.log(1 + sp.exp(x))),
    (r"\operatorname{arsinh}(x)", sp.asinh(x)),
    (r"\operatorname{arcsinh}(x)", sp.asinh(x)),
    (r"\operatorname{artanh}(x)", sp.atanh(x)),
    (r"\operatorname{arcosh}(x)", sp.acosh(x)),
    (r"\mathrm{sigmoid}(x)", 1 / (1 + sp.exp(-x))),
    (r"\mathrm{Tanh}(x)", sp.tanh(x)),
    (r"\mathrm{exp}(x)", sp.exp(x)),
    (r"\mathrm{log}(x)", sp.log(x)),
    (r"\operatorname{abs}(x)", sp.Abs(x)),
    (r"\operatorname{floor}(x)", sp.floor(x)),
    (r"\operatorname{ceil}(x)", sp.ceiling(x)),
    (r"\operatorname{tan}(x)", sp.tan(x)),
])
def test_known_upright_function_name_is_that_function(latex, want):
    assert read(latex) == want


@pytest.mark.parametrize("latex, want", [
    (r"\operatorname{erf} x", sp.erf(x)),
    (r"\operatorname{sign} z", sp.sign(z)),
    (r"\mathrm{exp} x", sp.exp(x)),
    (r"\operatorname{erf}^2(x)", sp.erf(x) ** 2),
    (r"\operatorname{erf}^2 x", sp.erf(x) ** 2),
    (r"\operatorname{sin}^{-1} x", sp.asin(x)),
    (r"exp x", sp.exp(x)),
    (r"ln 2", sp.log(2)),
])
def test_upright_function_without_parentheses_applies_to_the_next_factor_like_log(latex, want):
    assert read(latex) == want


@pytest.mark.parametrize("latex, want", [
    ("erf(x)", sp.erf(x)),  # was e*r*f(x), f an abstract function
    ("relu(x)", sp.Max(0, x)),
    ("sin(x)", sp.sin(x)),
    ("sgn(x)", sp.sign(x)),
])
def test_plain_letters_spelling_a_function_right_before_a_parenthesis_are_that_function(latex, want):
    assert read(latex) == want


def test_plain_letters_spelling_a_function_inside_a_longer_word_stay_letters():
    c, o, s, t = sp.symbols("c o s t")
    assert read("cost x") == c * o * s * t * x


def test_upright_function_on_a_declared_vector_is_elementwise():
    ctx = Context()
    parse_given(r"z \in \mathbb{R}^{n}", ctx)
    defn = parse_definition(r"r = \operatorname{ReLU}(z)", ctx)
    assert defn.rhs == sp.Max(0, defn.rhs.args[1]) and isinstance(defn.rhs.args[1], sp.Indexed)
    assert defn.rhs.args[1].base.label == sp.Symbol("z") and defn.lhs.indices == defn.rhs.args[1].indices


@pytest.mark.parametrize("latex, column, name", [
    (r"2 + \operatorname{foo}(x)", 5, r"\operatorname{foo}"),
    (r"\operatorname{foo} x", 1, r"\operatorname{foo}"),
    (r"a \operatorname*{arg\,max}_k a_k", 3, r"\operatorname{argmax}"),
    (r"\text{Softmin}(z)", 1, r"\text{Softmin}"),
])
def test_unknown_upright_function_is_an_error_naming_it_with_its_column(latex, column, name):
    e = refused(latex)
    assert e.column == column and f"{name} is not a function symgrad knows" in str(e)


def test_upright_function_without_an_argument_is_an_error():
    e = refused(r"1 + \operatorname{erf}")
    assert e.column == 5 and "needs an argument" in str(e)


def test_upright_name_standing_alone_is_still_a_name():
    assert read(r"\text{MSE} + 1") == sp.Symbol("MSE") + 1
    assert read(r"\operatorname{MSE} - x") == sp.Symbol("MSE") - x


def test_a_defined_upright_name_is_the_definition_not_an_error():
    ctx = Context()
    parse_definition(r"\mathrm{tr}(x) = x^2", ctx)
    assert parse_expression(r"\mathrm{tr}(y)", ctx, strict=False) == y**2


# ---------------------------------------------------------------- 2. f^{-1} is the inverse function


@pytest.mark.parametrize("latex, want", [
    (r"\sin^{-1} x", sp.asin(x)),
    (r"\sin^{-1}(x)", sp.asin(x)),
    (r"\cos^{-1} x", sp.acos(x)),
    (r"\tan^{-1}(x)", sp.atan(x)),
    (r"\sinh^{-1} x", sp.asinh(x)),
    (r"\cosh^{-1} x", sp.acosh(x)),
    (r"\tanh^{-1}{x}", sp.atanh(x)),
    (r"\sin^{-1} x + \cos x", sp.asin(x) + sp.cos(x)),
])
def test_trig_and_hyperbolic_to_the_minus_one_is_the_inverse_function(latex, want):
    assert read(latex) == want


def test_other_powers_of_trig_functions_stay_powers():
    assert read(r"\sin^2 x") == sp.sin(x) ** 2
    assert read(r"\cosh^{3}(x)") == sp.cosh(x) ** 3


# ---------------------------------------------------------------- 3. the operator d/dz takes the whole product


@pytest.mark.parametrize("latex, of, var", [
    (r"\frac{d}{dz} z\lvert z\rvert", z * sp.Abs(z), z),
    (r"\frac{\partial}{\partial w} \frac{1}{2}(w - y)^2", (w - y) ** 2 / 2, w),
    (r"\frac{d}{dz} z e^z", z * sp.exp(z), z),
    (r"\nabla_w \frac{1}{2} w^2", w**2 / 2, w),
    (r"\partial_z z \sin z", z * sp.sin(z), z),
    (r"\frac{\mathrm{d}}{\mathrm{d}z} 3 z \cdot z / 2", 3 * z * z / 2, z),
])
def test_derivative_operator_applies_to_the_whole_product_after_it(latex, of, var):
    got = read(latex)
    assert isinstance(got, sp.Derivative) and got.expr == of and got.variables == (var,)


def test_derivative_operator_stops_at_the_next_plus_or_minus():
    assert read(r"\frac{d}{dz} z^2 + z") == sp.Derivative(z**2, z) + z
    assert read(r"\nabla_w \frac{1}{2} w^2 - w") == sp.Derivative(w**2 / 2, w) - w
    assert read(r"3 \frac{d}{dz} z^2 z") == 3 * sp.Derivative(z**3, z)


def test_derivative_operator_of_a_squared_norm_in_matrix_notation():
    ctx = Context()
    parse_given(r"X \in \mathbb{R}^{n \times d}", ctx)
    parse_given(r"w \in \mathbb{R}^{d}", ctx)
    parse_given(r"y \in \mathbb{R}^{n}", ctx)
    got = parse_expression(r"\frac{\partial}{\partial w_j} \frac{1}{2}\|Xw - y\|^2", ctx)
    X, W, Y = (ctx.tensors[name] for name in "Xwy")
    n, d = X.shape
    (row, col), j = sorted(got.expr.atoms(sp.Idx) - {got.variables[0].indices[0]}, key=str), got.variables[0].indices[0]
    want = sp.Sum((sp.Sum(X[row, col] * W[col], (col, 1, d)) - Y[row]) ** 2, (row, 1, n)) / 2
    assert got.variables == (W[j],) and got.expr == want


# ---------------------------------------------------------------- 4. min and max


@pytest.mark.parametrize("latex, want", [
    (r"\min\{a, b\}", sp.Min(a, b)),
    (r"\max\{0, 1 - y z\}", sp.Max(0, 1 - y * z)),
    (r"\max\left\{a, b\right\}", sp.Max(a, b)),
    (r"\min(a, b)", sp.Min(a, b)),
])
def test_min_and_max_of_two_values_in_braces_or_parentheses(latex, want):
    assert read(latex) == want


@pytest.mark.parametrize("latex, column", [
    (r"\max_k a_k", 1),
    (r"1 + \min_{k} a_k", 5),
    (r"\max_{1 \le k \le K} a_k", 1),
    (r"\arg\max_k a_k", 5),
])
def test_max_over_an_index_is_an_error_with_its_column(latex, column):
    e = refused(latex)
    assert e.column == column and "over an index" in str(e) and "not supported" in str(e)


def test_max_without_its_arguments_is_an_error_at_what_follows():
    e = refused(r"\max a")
    assert e.column == 6 and r"expected ( or \{ after \max" in str(e)


# ---------------------------------------------------------------- 5. verify evaluates every function the rules know


@pytest.mark.parametrize("claim", [
    r"\frac{d}{dz}\arcsin(z) = \frac{1}{\sqrt{1-z^2}}",
    r"\frac{d}{dz}\arccos(z) = -\frac{1}{\sqrt{1-z^2}}",
    r"\frac{d}{dz}\sin^{-1} z = \frac{1}{\sqrt{1-z^2}}",
    r"\frac{d}{dz}\arctan(z) = \frac{1}{1+z^2}",
    r"\frac{d}{dz}\operatorname{arccot}(z) = -\frac{1}{1+z^2}",
    r"\frac{d}{dz}\operatorname{arsinh}(z) = \frac{1}{\sqrt{z^2+1}}",
    r"\frac{d}{dz}\cosh^{-1} z = \frac{1}{\sqrt{z^2-1}}",
    r"\frac{d}{dz}\operatorname{artanh}(z) = \frac{1}{1-z^2}",
    r"\frac{d}{dz}\tan z = \sec^2 z",
    r"\frac{d}{dz}\cot z = -\csc^2 z",
    r"\frac{d}{dz}\sec z = \sec z \tan z",
    r"\frac{d}{dz}\operatorname{erf}(z) = \frac{2}{\sqrt{\pi}} e^{-z^2}",
    r"\frac{d}{dz}\operatorname{erfc}(z) = -\frac{2}{\sqrt{\pi}} e^{-z^2}",
    r"\frac{d}{dz}\lfloor z \rfloor = 0",
    r"\frac{d}{dz}\operatorname{sign}(z) = 0",
    r"\frac{d}{dz}\operatorname{ReLU}(z) = \operatorname{Heaviside}(z)",
    r"\frac{d}{dz}\operatorname{softplus}(z) = \sigma(z)",
])
def test_derivative_of_each_elementary_function_is_proved_or_agrees(claim):
    v = verify(claim)
    assert v.verdict in ("proved", "agrees"), v.message


@pytest.mark.parametrize("claim, diagnosis", [
    (r"\frac{d}{dz}\arccos(z) = \frac{1}{\sqrt{1-z^2}}", "sign"),
    (r"\frac{d}{dz}\tan z = 2 \sec^2 z", "factor"),
    (r"\frac{d}{dz}\cosh^{-1} z = \frac{1}{\sqrt{z^2+1}}", "other"),
    (r"\frac{d}{dz}\operatorname{erfc}(z) = \frac{2}{\sqrt{\pi}} e^{-z^2}", "sign"),
])
def test_a_wrong_derivative_of_an_elementary_function_is_wrong_with_its_slip(claim, diagnosis):
    v = verify(claim)
    assert (v.verdict, v.diagnosis) == ("wrong", diagnosis), v.message


def test_the_relu_kink_is_no_counterexample_its_value_there_being_a_convention():
    # the two sides differ only at z = 0, where ReLU has no derivative (H(0) = 1/2 is a convention, 9a9fa8c)
    v = verify(r"\frac{d}{dz}\operatorname{ReLU}(z) = \begin{cases} 1 & z \ge 0 \\ 0 & z < 0 \end{cases}")
    assert v.verdict == "agrees" and "skipped where the derivative is undefined" in v.message
    off = verify(r"\frac{d}{dz}\operatorname{ReLU}(z) = \begin{cases} 1 & z \ge 1 \\ 0 & z < 1 \end{cases}")
    assert off.verdict == "wrong"


def test_arccosh_is_judged_only_where_it_is_real():
    v = verify(r"\frac{d}{dz}\cosh^{-1} z = \frac{1}{\sqrt{z^2-1}}")
    assert v.verdict == "agrees" and v.links[-1].points > 0


# ---------------------------------------------------------------- 6. inline derivatives with the real-variable rules


@pytest.mark.parametrize("claim, verdicts", [
    (r"\frac{d}{dz} |z|^2 = 2z", ("proved", "agrees")),
    (r"\frac{d}{dz} |z| = \operatorname{sgn}(z)", ("proved",)),
    (r"\frac{d}{dz} z\lvert z\rvert = 2|z|", ("proved", "agrees")),
    (r"\frac{d}{dz} z^3 = 3 \frac{d}{dz} \frac{z^3}{3}", ("proved",)),
    (r"\frac{\partial}{\partial w} \frac{1}{2}(w x - y)^2 = (w x - y) x", ("proved",)),
])
def test_inline_derivative_of_a_real_variable_is_evaluated_with_the_engine_rules(claim, verdicts):
    v = verify(claim)
    assert v.verdict in verdicts, v.message


def test_a_derivative_inside_a_member_is_evaluated_and_a_wrong_factor_found():
    v = verify(r"\frac{d}{dz} z^3 = 2 \frac{d}{dz} \frac{z^3}{3}")
    assert (v.verdict, v.diagnosis) == ("wrong", "factor") and "2/3" in v.message


def test_abs_derivative_wrong_sign_is_wrong_not_unreadable():
    v = verify(r"\frac{d}{dz} |z|^2 = -2z")
    assert (v.verdict, v.diagnosis) == ("wrong", "sign")


def test_a_function_the_rules_refuse_falls_back_to_sympy_diff():
    # erfc has no rule in symgrad.derivatives: the inline derivative inside the member is taken by sympy.diff
    v = verify(r"\frac{d}{dz}\operatorname{erf}(z) = -\frac{d}{dz}\operatorname{erfc}(z)")
    assert v.verdict == "proved", v.message


def test_matrix_least_squares_gradient_with_the_operator_form():
    v = verify(r"\nabla_w \frac{1}{2}\|Xw - y\|^2 = X^T(Xw - y)",
               given=[r"X \in \mathbb{R}^{n \times d}", r"w \in \mathbb{R}^{d}", r"y \in \mathbb{R}^{n}"])
    assert v.verdict in ("proved", "agrees"), v.message
    wrong = verify(r"\nabla_w \frac{1}{2}\|Xw - y\|^2 = 2 X^T(Xw - y)",
                   given=[r"X \in \mathbb{R}^{n \times d}", r"w \in \mathbb{R}^{d}", r"y \in \mathbb{R}^{n}"])
    assert (wrong.verdict, wrong.diagnosis) == ("wrong", "factor")


def test_an_implicit_definition_is_refused_with_its_column():
    from symgrad.parse import Context, parse_definition

    with pytest.raises(ParseError, match=r"L is defined in terms of itself.*column 3"):
        parse_definition(r"L = \frac12\|XLw-y\|^2", Context())


GAUSS_OF = r"\frac{\partial}{\partial \mu} (x-\mu)^T \Sigma^{-1} (x-\mu)"
GAUSS_CLAIM = r"-(\Sigma^{-1} + \Sigma^{-T}) (x-\mu)"


def test_an_inverse_transpose_of_an_undeclared_lowercase_name_is_refused_naming_both_readings():
    """Read as numbers, s^{-T} was the power -T of a new input T: a right claim judged wrong, silently."""
    v = verify(GAUSS_CLAIM.replace(r"\Sigma", "s"), of=GAUSS_OF.replace(r"\Sigma", "s"))
    assert v.verdict == "unreadable" and "two readings" in v.message and "inverse transpose" in v.message


def test_an_undeclared_greek_capital_inverted_is_a_square_matrix_by_its_use_and_says_so():
    """Sigma^{-1} of a Greek capital nobody declares: an n x n matrix (a capital inverted, as X^{-1} is), noted; the
    claim is then the cookbook's -(Sigma^{-1} + Sigma^{-T})(x - mu), checked against autograd in the next test."""
    v = verify(GAUSS_CLAIM, of=GAUSS_OF)
    assert v.verdict == "proved" and "Sigma read as n x n matri" in v.message


def test_an_inverse_transpose_of_a_declared_matrix_is_proved_against_autograd():
    import autograd
    import autograd.numpy as anp

    rng = np.random.default_rng(3)
    x, mu, s = rng.normal(size=3), rng.normal(size=3), rng.normal(size=(3, 3)) + 3 * np.eye(3)
    truth = autograd.grad(lambda m: (x - m) @ anp.linalg.inv(s) @ (x - m))(mu)
    assert np.allclose(truth, -(np.linalg.inv(s) + np.linalg.inv(s).T) @ (x - mu), rtol=1e-10)
    given = [r"x \in \mathbb{R}^n", r"\mu \in \mathbb{R}^n", r"\Sigma \in \mathbb{R}^{n \times n}"]
    assert verify(GAUSS_CLAIM, of=GAUSS_OF, given=given).verdict in ("proved", "agrees")


def test_a_declared_T_makes_x_to_the_minus_T_a_power():
    x, t = sp.symbols("x T", positive=True)
    assert sp.simplify(sp.diff(x ** -t, x) - (-t * x ** (-t - 1))) == 0
    assert verify(r"\frac{d}{dx} x^{-T} = -T x^{-T-1}", given=[r"T > 0"]).verdict == "proved"
