"""A fact stating the derivative of a function symgrad knows by name (the sigmoid, tanh), which no definition
redefines: judged first as a claim of its own (by the variable only the fact introduces), noted when it holds,
the case refused when it does not - never trusted as a constraint."""

import symgrad

L = r"L = -[y \log \sigma(w x + b) + (1 - y)\log(1 - \sigma(w x + b))]"
RIGHT = r"\frac{\partial L}{\partial w} = -\left[\frac{y}{\sigma(w x + b)} - \frac{1-y}{1-\sigma(w x + b)}\right]\frac{\partial}{\partial w}\sigma(w x + b)"


def test_a_right_stated_sigmoid_derivative_is_checked_and_noted():
    v = symgrad.verify(RIGHT, define=[L], given=[r"\frac{d\sigma(z)}{dz} = \sigma(z)(1 - \sigma(z))"])
    assert v.verdict == "proved"
    assert "checked against the definitions: proved" in v.message


def test_a_wrong_claim_stays_wrong_beside_a_right_stated_derivative():
    v = symgrad.verify(RIGHT.replace("= -\\left", "= \\left"), define=[L],
                       given=[r"\frac{d\sigma(z)}{dz} = \sigma(z)(1 - \sigma(z))"])
    assert v.verdict == "wrong"


def test_a_wrong_stated_derivative_of_a_known_function_is_refused_never_used():
    v = symgrad.verify(RIGHT, define=[L], given=[r"\sigma'(z) = \sigma(z)(1 + \sigma(z))"])
    assert v.verdict == "unreadable"
    assert "derivative of a known function" in v.message and "wrong" in v.message


def test_a_stated_tanh_derivative_by_prime():
    v = symgrad.verify(r"\frac{dL}{dx} = 2(1 - \tanh^2(x))", define=[r"L = 2\tanh(x)"],
                       given=[r"\tanh'(u) = 1 - \tanh^2(u)"])
    assert v.verdict == "proved"
    assert "checked against the definitions" in v.message
