"""A code function named for a derivative: ``tanh_d`` (d after a function the reader knows) names tanh's derivative
in a ``def`` and in ``--of tanh_d(x)``; ``loss_d`` (d after any other name) says nothing."""

from symgrad.read.code_functions import derivative_named
from symgrad.read.code_heads import derivative_named_in_code
from symgrad.read.context import Context
from symgrad.verify.claim import verify


def test_a_known_function_then_d_names_its_derivative():
    assert derivative_named("tanh_d") == "tanh"
    assert derivative_named("sigmoid_d") == "sigmoid"
    assert derivative_named("relu_prime") == "relu"
    assert derivative_named("loss_d") is None  # a GAN's discriminator loss, not a derivative
    assert derivative_named("x_d") is None


def test_of_written_as_the_code_call_is_the_derivative_of_the_function_by_its_variable():
    ctx = Context()
    assert derivative_named_in_code("tanh_d(x)", ctx) == r"\frac{\partial}{\partial x} tanh(x)"
    assert "code name" in ctx.notes[-1]
    assert derivative_named_in_code("loss_d(x)", Context()) is None
    assert derivative_named_in_code("f(x)", Context()) is None


def test_tanh_d_judged_by_its_value():
    right = verify("def tanh_d(x):\n    e = tanh(x)\n    return 1-e**2", of="tanh_d(x)")
    wrong = verify("def tanh_d(x):\n    e = np.exp(2*x)\n    return (e-1)/(e+1)", of="tanh_d(x)")
    assert right.verdict == "proved", right
    assert wrong.verdict == "wrong", wrong
