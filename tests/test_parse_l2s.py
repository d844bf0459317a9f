"""symgrad.parse's second reader: commands the own grammar does not know, looked up in latex2sympy2.

latex2sympy2 is asked only what a command means (``\\arcsin(u)``, ``\\binom{u}{v}``, placeholders for the
arguments); the arguments are read by the own parser, so names, indices, transposes and sample superscripts
never reach latex2sympy2 and its misreadings (``X^T`` as ``X``, ``y^{(i)}`` as a power, ``\\log`` as base 10,
``\\coth u`` as ``cot(h u)``) cannot reach a result.
"""

from __future__ import annotations

import subprocess
import sys

import latex2sympy2
import pytest
import sympy as sp

import symgrad
from symgrad import parse
from symgrad.errors import ParseError
from symgrad.parse import Context, parse_claim, parse_definition, parse_expression, parse_given
from symgrad.tensors import index, size, tensor

N, n_, d_ = size("N"), size("n"), size("d")
i, j, k = index("i", N), index("j", N), index("k", N)
a, p = tensor("a", N), tensor("p", N)
x, z, t = sp.symbols("x z t")
SOFTMAX = r"p_i = \frac{e^{a_i}}{\sum_{k=1}^Ne^{a_k}}"


def softmax_ctx() -> Context:
    ctx = Context()
    parse_definition(SOFTMAX, ctx)
    return ctx


def linear_ctx() -> Context:
    ctx = Context()
    for given in (r"X \in \mathbb{R}^{n \times d}", r"w \in \mathbb{R}^{d}", r"y \in \mathbb{R}^{n}"):
        parse_given(given, ctx)
    return ctx


@pytest.fixture
def probes(monkeypatch) -> list[str]:
    """Every string latex2sympy2 is given while the test runs (the cache of meanings emptied first)."""
    seen: list[str] = []
    real = latex2sympy2.latex2sympy

    def recording(latex: str, *args, **kwargs):
        seen.append(latex)
        return real(latex, *args, **kwargs)

    monkeypatch.setattr(latex2sympy2, "latex2sympy", recording)
    parse._meaning.cache_clear()
    yield seen
    parse._meaning.cache_clear()


# ------------------------------------------------------------------------------- what the fallback reads


@pytest.mark.parametrize(("latex", "want"), [
    (r"\arcsin(z)", sp.asin(z)),
    (r"\arccos z", sp.acos(z)),
    (r"\arcsinh x", sp.asinh(x)),
    (r"\arctanh(x)", sp.atanh(x)),
    (r"\cot x", sp.cot(x)),
    (r"\sec(2x)", sp.sec(2 * x)),
    (r"\csc x^2", sp.csc(x**2)),
    (r"\cot^{-1} x", sp.acot(x)),  # latex2sympy2's reading of ^{-1} on a trig command: the inverse function
    (r"\arcsin^2 x", sp.asin(x) ** 2),
    (r"\arcsin(x)^2", sp.asin(x) ** 2),
    (r"\binom{n}{2}", sp.binomial(sp.Symbol("n"), 2)),
    (r"\lfloor x/2 \rfloor", sp.floor(x / 2)),
    (r"\left\lceil \log x \right\rceil", sp.ceiling(sp.log(x))),  # \log read here: natural
    (r"\arcsin(\log_{10} x)", sp.asin(sp.log(x, 10))),  # an explicit base is kept
    (r"\lvert z \rvert + \sec(e^{t})", sp.Abs(z) + sp.sec(sp.exp(t))),
    (r"\arccos(\sigma(z))", sp.acos(1 / (1 + sp.exp(-z)))),  # \sigma is the logistic sigmoid
    (r"2\arcsin x \cdot \cot(x)", 2 * sp.asin(x) * sp.cot(x)),
    (r"\arccos - x", sp.acos(-x)),
    (r"\arcsin{x}{t}", sp.asin(x) * t),  # one brace group, as \log{x}{t} is log(x) t
])
def test_unknown_command_is_read_by_latex2sympy2(latex, want):
    assert parse_expression(latex) == want


def test_log_inside_a_fallback_argument_is_natural_not_base_ten():
    got = parse_expression(r"\arcsin(\log x)")
    assert got == sp.asin(sp.log(x)) and got.subs(x, 10) != sp.asin(1)


def test_arguments_are_indexed_with_the_contexts_tensors_and_indices():
    ctx = softmax_ctx()
    assert parse_expression(r"\arcsin(p_i) \delta_{ij}", ctx) == sp.asin(p[i]) * sp.KroneckerDelta(i, j)
    got = parse_expression(r"\sum_{k=1}^{N} \arccos(a_k)", ctx)
    assert got == sp.Sum(sp.acos(a[k]), (k, 1, N))
    assert got.function.args[0].base is ctx.tensors["a"]  # the context's object, so equality holds downstream


def test_a_claim_member_with_a_fallback_command_uses_the_defined_names():
    ctx = softmax_ctx()
    (member,) = parse_claim(r"\cot(p_i) - p_j", ctx)
    assert member.value == sp.cot(p[i]) - p[j]


def test_fallback_command_on_an_array_is_elementwise():
    ctx = linear_ctx()
    (member,) = parse_claim(r"\lfloor Xw - y \rfloor", ctx)
    (row,) = member.indices
    col = member.value.atoms(sp.Sum).pop().limits[0][0]
    X, w, y = (ctx.tensors[name] for name in "Xwy")
    assert member.value == sp.floor(sp.Sum(X[row, col] * w[col], (col, 1, d_)) - y[row])


def test_two_argument_fallback_aligns_array_arguments():
    ctx = linear_ctx()
    parse_given(r"v \in \mathbb{R}^{n}", ctx)
    (member,) = parse_claim(r"\binom{y}{v}", ctx)
    (row,) = member.indices
    assert member.value == sp.binomial(ctx.tensors["y"][row], ctx.tensors["v"][row])


def test_a_definition_with_a_fallback_command_joins_the_graph():
    ctx = Context()
    defn = parse_definition(r"L = \arcsinh(z) + \sec z", ctx)
    assert defn.rhs == sp.asinh(z) + sp.sec(z) and ctx.tensors["z"] == z


def test_each_command_shape_is_asked_once(probes):
    for _ in range(3):
        parse_expression(r"\arcsin(x) + \arcsin(t) + \arcsin z")
    assert sorted(probes) == [r"\arcsin u", r"\arcsin(u)"]


# ------------------------------------------------------------------------------- what never reaches it


def test_transpose_and_product_are_read_by_the_own_parser_not_latex2sympy2(probes):
    ctx = linear_ctx()
    (member,) = parse_claim(r"\arcsin(X^T(Xw - y))", ctx)
    (plain,) = parse_claim(r"X^T(Xw - y)", linear_ctx())
    assert member.value == sp.asin(plain.value.xreplace(dict(zip(plain.indices, member.indices))))
    assert probes == [r"\arcsin(u)"]  # latex2sympy2 alone reads X^T(Xw-y) as X(Xw-y)


def test_sample_superscript_is_an_index_not_a_power(probes):
    got = parse_expression(r"\sum_{i=1}^{n} \arccos(y^{(i)})")
    ii, y = index("i", n_), tensor("y", n_)
    assert got == sp.Sum(sp.acos(y[ii]), (ii, 1, n_))
    assert probes == [r"\arccos(u)"]  # latex2sympy2 alone reads y^{(i)} as y**i


def test_known_commands_never_load_latex2sympy2():
    code = ("import sys; from symgrad.parse import parse_expression as p; "
            r"p(r'\frac{\log x}{\sum_{k=1}^{N} e^{a_k}} + \tanh(x)^2 + \sqrt[3]{x}'); "
            "print('latex2sympy2' in sys.modules, 'antlr4' in sys.modules); "
            r"p(r'\arcsin x'); print('latex2sympy2' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False", "True"]


@pytest.mark.parametrize(("latex", "command", "column"), [
    (r"x + \coth x", r"\coth", 5),  # latex2sympy2: cot(h*x)
    (r"\coth(x)", r"\coth", 1),  # latex2sympy2: cot(h(x)), an undefined function h
    (r"\gcd(x, t)", r"\gcd", 1),  # latex2sympy2: 1
    (r"2 \hbar x", r"\hbar", 3),  # latex2sympy2: a symbol named \hbar
    (r"x \bmod 3", r"\bmod", 3),  # latex2sympy2: a syntax error
    (r"\arcsin^{t} x", r"\arcsin", 1),  # a power latex2sympy2 would read itself
    (r"\arcsin", r"\arcsin", 1),  # no argument
    (r"x + \foo", r"\foo", 5),
])
def test_what_latex2sympy2_misreads_or_cannot_read_is_the_own_error(latex, command, column):
    with pytest.raises(ParseError) as info:
        parse_expression(latex)
    assert str(info.value) == f"unknown command {command} at column {column}"
    assert info.value.column == column and info.value.source == latex


def test_unknown_name_inside_a_fallback_argument_is_an_error_with_its_column():
    with pytest.raises(ParseError, match=r"^name q is not defined at column 9$"):
        parse_claim(r"\arcsin(q_j)", softmax_ctx())


def test_argument_syntax_errors_keep_their_own_message_and_column():
    with pytest.raises(ParseError, match=r"^expected \) to close \( at column 8, found the end at column 14$"):
        parse_expression(r"\arcsin(x + t")


# ------------------------------------------------------------------------------- end to end


def test_verify_a_derivative_of_a_definition_only_the_fallback_reads():
    v = symgrad.verify(r"3 z \lvert z \rvert", of=r"\frac{dL}{dz}", define=[r"L = \lvert z \rvert^3"])
    assert v.verdict == "proved"  # |z| z = |z|^2 sign(z) holds for real z, which the proof assumes
    v = symgrad.verify(r"3 z^2", of=r"\frac{dL}{dz}", define=[r"L = \lvert z \rvert^3"])
    assert v.verdict == "wrong" and v.counterexample["values"]["z"].startswith("-")


def test_verify_a_claim_chain_whose_definition_uses_a_fallback_command():
    v = symgrad.verify(r"\frac{\partial L}{\partial w} = \lvert w \rvert \cdot 2w",
                       define=[r"L = \lvert w \rvert^3 - \frac{1}{3}\lvert w \rvert^3"])
    assert v.verdict == "proved" and [link.verdict for link in v.links][-1] == "proved"
    v = symgrad.verify(r"\frac{\partial L}{\partial w} = -2w \lvert w \rvert",
                       define=[r"L = \lvert w \rvert^3 - \frac{1}{3}\lvert w \rvert^3"])
    assert (v.verdict, v.diagnosis) == ("wrong", "sign")
