"""A derivative of an expression, not a name (-dL/dx, the sign in front), is judged through a definition given a
new name: never a letter the problem already uses, a sum's bound index included (the name f taken from
\\sum_{f=1}^{D} made verify raise "Idx object requires an integer label", found by fuzzing)."""

import symgrad

DEFINE = [r"r = \sqrt{\epsilon + \frac{1}{D} \sum_{f=1}^{D} x_{f}^{2}}", r"L = \sum_{d=1}^{D} g_d x_d / r"]


def test_a_negated_derivative_beside_a_sum_over_f_is_judged():
    right = symgrad.verify(r"-\frac{\partial L}{\partial x_j} = -\frac{g_j}{r} + \frac{x_j}{D r^3}\sum_{d=1}^{D} g_d x_d",
                           define=DEFINE)
    wrong = symgrad.verify(r"-\frac{\partial L}{\partial x_j} = \frac{g_j}{r} - \frac{x_j}{D r^3}\sum_{d=1}^{D} g_d x_d",
                           define=DEFINE)
    assert right.verdict in ("proved", "agrees"), right.message
    assert wrong.verdict == "wrong"
