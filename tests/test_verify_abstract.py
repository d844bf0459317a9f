"""symgrad.verify with an abstract model f_theta(x): the seed's MSE derivative ``2\\sum[y-f_\\theta(x)] ...``
drops the minus sign, and the verifier says so with values of f and df/dtheta a person can check by hand.

f is uninterpreted: at each point its values (and its derivatives' values) at given arguments are free, the
same in the claim and in the derivative, so agreement is over every f, not one chosen model.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from fractions import Fraction

import sympy as sp

from symgrad.cli import main
from symgrad.tensors import Definition, index, size, tensor
from symgrad.verify import describe_counterexample, judge, verify

# copied verbatim from the seed tutorial (../shared/seed/000_cef0cfdb500fa0aa.txt, "Derivative")
SEED_LOSS = r"loss = \sum[y-f_\theta(x)]^2"
SEED_CLAIM = r"\frac{\nabla\text{loss}}{\nabla{\theta}}=2\sum{[y-f_\theta(x)]}*\frac{\nabla{f_\theta{(x)}}}{\nabla{\theta}}"
RIGHT = r"\frac{\nabla\text{loss}}{\nabla{\theta}}=-2\sum[y - f_\theta(x)] \frac{\nabla f_\theta(x)}{\nabla\theta}"

N = size("N")
n = index("n", N)
x, y, theta = tensor("x", N), tensor("y", N), sp.Symbol("theta")
f = sp.Function("f")


def by_hand(cx: dict, sign: int) -> Fraction:
    """sign * 2 * sum_n (y_n - f(x_n, θ)) ∂f/∂θ(x_n, θ), from the counterexample's listed values only."""
    values, functions = cx["values"], cx["functions"]
    total = Fraction(0)
    for m in range(1, cx["sizes"]["N"] + 1):
        total += (Fraction(values[f"y_{m}"]) - Fraction(functions[f"f(x_{m}, θ)"])) * Fraction(
            functions[f"∂f/∂θ(x_{m}, θ)"])
    return sign * 2 * total


def test_seed_mse_derivative_is_wrong_by_a_sign_with_abstract_values_to_check_by_hand():
    v = verify(SEED_CLAIM, define=[SEED_LOSS])
    assert (v.verdict, v.diagnosis, v.exit_code) == ("wrong", "sign", 1)
    cx = v.counterexample
    assert cx["sizes"] == {"N": 1}
    assert set(cx["functions"]) == {"f(x_1, θ)", "∂f/∂θ(x_1, θ)"}
    assert cx["values"] == {"y_1": cx["values"]["y_1"]}  # θ and x_1 only feed f: any value does
    assert Fraction(cx["claim"]) == by_hand(cx, +1) != 0
    assert Fraction(cx["derivative"]) == by_hand(cx, -1)
    assert "f(x_1, θ)=" in describe_counterexample(cx) and "∂f/∂θ(x_1, θ)=" in describe_counterexample(cx)


def test_seed_mse_correct_form_is_the_minus_sign_form_and_reads_back_as_proved():
    v = verify(SEED_CLAIM, define=[SEED_LOSS])
    assert re.sub(r"\s", "", v.correct).startswith(r"-2\sum_{n=1}^{N}")
    back = verify(r"\frac{\partial loss}{\partial \theta} = " + v.correct, define=[SEED_LOSS])
    assert back.verdict == "proved", back.message


def test_seed_mse_derivative_with_the_minus_sign_is_proved():
    v = verify(RIGHT, define=[SEED_LOSS])
    assert v.verdict == "proved", v.message
    assert v.exit_code == 0


def test_the_minus_sign_moved_into_the_derivative_factor_is_proved():
    claim = r"\frac{\nabla\text{loss}}{\nabla{\theta}} = 2\sum[y-f_\theta(x)] \left(-\frac{\nabla f_\theta(x)}{\nabla\theta}\right)"
    assert verify(claim, define=[SEED_LOSS]).verdict == "proved"


def test_seed_mse_without_the_2_is_a_factor_one_half_slip():
    claim = r"\frac{\nabla\text{loss}}{\nabla{\theta}}=-\sum[y-f_\theta(x)] \frac{\nabla f_\theta(x)}{\nabla\theta}"
    v = verify(claim, define=[SEED_LOSS])
    assert (v.verdict, v.diagnosis) == ("wrong", "factor")
    assert "1/2 × the derivative" in v.message
    assert Fraction(v.counterexample["claim"]) == Fraction(v.counterexample["derivative"]) / 2 != 0


def test_the_seed_claim_without_its_minus_sign_and_without_the_2_is_a_factor_minus_one_half():
    claim = r"\frac{\nabla\text{loss}}{\nabla{\theta}}=\sum{[y-f_\theta(x)]}*\frac{\nabla{f_\theta{(x)}}}{\nabla{\theta}}"
    v = verify(claim, define=[SEED_LOSS])
    assert (v.verdict, v.diagnosis) == ("wrong", "factor")
    assert "-1/2 × the derivative" in v.message


def test_f_at_different_arguments_takes_independent_values():
    # using df/dtheta at x_1 for every sample would be right if f did not depend on x; it does, freely
    claim = r"\frac{\nabla\text{loss}}{\nabla{\theta}}=-2\sum[y-f_\theta(x)] \frac{\nabla f_\theta(x_1)}{\nabla\theta}"
    v = verify(claim, define=[SEED_LOSS])
    assert v.verdict == "wrong"
    assert v.counterexample["sizes"]["N"] >= 2
    assert {"∂f/∂θ(x_1, θ)", "∂f/∂θ(x_2, θ)"} <= set(v.counterexample["functions"])


def test_derivative_through_the_data_argument_uses_the_same_uninterpreted_partial():
    # the engine writes d f(x_j, θ)/d x_j as Subs(Derivative(f(u, θ), u), u, x_j); the claim as Derivative(f, x_j)
    right = r"\frac{\partial loss}{\partial x_j} = -2(y_j - f_\theta(x_j)) \frac{\partial f_\theta(x_j)}{\partial x_j}"
    assert verify(right, define=[SEED_LOSS]).verdict in ("proved", "agrees")
    wrong = verify(right.replace("= -2", "= 2"), define=[SEED_LOSS])
    assert (wrong.verdict, wrong.diagnosis) == ("wrong", "sign")
    assert "∂f/∂x_1(x_1, θ)" in wrong.counterexample["functions"]


def test_judge_takes_the_abstract_model_in_the_vocabulary():
    loss = sp.Symbol("loss")
    defn = [Definition(loss, sp.Sum((y[n] - f(x[n], theta)) ** 2, (n, 1, N)))]
    truth = -2 * sp.Sum((y[n] - f(x[n], theta)) * sp.Derivative(f(x[n], theta), theta), (n, 1, N))
    assert judge([("c", truth)], loss, theta, defn).verdict == "proved"
    assert judge([("c", -truth)], loss, theta, defn).diagnosis == "sign"


PARAM_VECTOR = {"given": [r"w \in \mathbb{R}^{d}", r"n \in \{1, \dots, N\}"],
                "define": [r"L = \sum_n (y_n - f_w(x_n))^2"]}


def test_model_with_a_parameter_vector_gradient_is_proved():
    v = verify(r"\nabla_w L = -2\sum_n (y_n - f_w(x_n)) \nabla_w f_w(x_n)", **PARAM_VECTOR)
    assert v.verdict == "proved", v.message


def test_model_with_a_parameter_vector_sign_slip_lists_the_gradient_components():
    v = verify(r"\nabla_w L = 2\sum_n (y_n - f_w(x_n)) \nabla_w f_w(x_n)", **PARAM_VECTOR)
    assert (v.verdict, v.diagnosis) == ("wrong", "sign")
    cx = v.counterexample
    i = next(iter(cx["indices"]))
    assert f"∂f/∂w_{cx['indices'][i]}(x_1, w)" in cx["functions"]


def test_ng_style_hypothesis_h_theta_of_x_i_cost():
    cost = [r"J = \frac{1}{2m}\sum_{i=1}^{m} (h_\theta(x^{(i)}) - y^{(i)})^2"]
    right = r"\frac{\partial J}{\partial \theta} = \frac{1}{m}\sum_{i=1}^{m} (h_\theta(x^{(i)}) - y^{(i)}) \frac{\partial h_\theta(x^{(i)})}{\partial\theta}"
    assert verify(right, define=cost).verdict == "proved"
    half = verify(right.replace(r"\frac{1}{m}", r"\frac{1}{2m}"), define=cost)
    assert (half.verdict, half.diagnosis) == ("wrong", "factor")
    assert list(half.counterexample["sizes"]) == ["m"] and "m" not in half.counterexample["values"]


def test_cli_json_flags_the_seed_claim_exit_1(capsys):
    code = main(["verify", "--define", SEED_LOSS, "--claim", SEED_CLAIM, "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 1
    assert (out["verdict"], out["diagnosis"]) == ("wrong", "sign")
    assert re.sub(r"\s", "", out["correct"]).startswith("-2")
    assert set(out["counterexample"]["functions"]) == {"f(x_1, θ)", "∂f/∂θ(x_1, θ)"}
    assert out["counterexample"]["claim"] == str(-Fraction(out["counterexample"]["derivative"]))


def test_symgrad_command_in_a_fresh_process_exit_codes():
    run = [sys.executable, "-c", "import sys; from symgrad.cli import main; sys.exit(main(sys.argv[1:]))", "verify",
           "--define", SEED_LOSS, "--json"]
    wrong = subprocess.run([*run, "--claim", SEED_CLAIM], check=False, capture_output=True, text=True, timeout=60)
    assert wrong.returncode == 1 and json.loads(wrong.stdout)["diagnosis"] == "sign"
    right = subprocess.run([*run, "--claim", RIGHT], check=False, capture_output=True, text=True, timeout=60)
    assert right.returncode == 0 and json.loads(right.stdout)["verdict"] == "proved"
