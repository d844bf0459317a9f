"""One --define holding two definitions of two names (\\hat p_i = ..., \\quad \\sigma(z) = ...) is read as the two,
columns kept; a function beside its own derivative (g(x) = A, \\qquad g'(x) = B) stays refused."""

import symgrad

D = [r"\hat p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}, \quad \sigma(z) = \frac{1}{1+e^{-z}}", r"L = -\sum_i y_i \log \hat p_i"]


def test_two_definitions_of_two_names_in_one_define_are_both_read():
    right = symgrad.verify(r"\frac{\partial L}{\partial z_j} = \hat p_j \sum_i y_i - y_j", define=D)
    wrong = symgrad.verify(r"\frac{\partial L}{\partial z_j} = \hat p_j - 2y_j", define=D)
    assert right.verdict == "proved" and wrong.verdict == "wrong"


def test_the_second_definition_keeps_its_columns_in_an_error():
    v = symgrad.verify(r"\frac{dL}{dx} = 1", define=[r"L = x, \quad h(x) = x +* 1"])
    assert v.verdict == "unreadable" and v.message.startswith("unexpected * at column 24")


def test_a_function_beside_its_own_derivative_stays_refused():
    v = symgrad.verify(r"\frac{dG}{dx} = 2x", define=[r"g(x) = x^2, \qquad g'(x) = 2x", r"G = g(x)"])
    assert v.verdict == "unreadable" and "two definitions in one --define" in v.message
