"""A cases block's condition in parentheses (``\\alpha(e^z - 1) & (z \\lt 0)``, as a reStructuredText table writes
the ELU): the parentheses only set the condition apart; ``(x - 1) > 0`` keeps its parentheses in the relation."""

from __future__ import annotations

import pytest

from symgrad.read import Context, parse_definition
from symgrad.verify import verify

_G = r"g(z) = \begin{cases} \alpha (e^z - 1) & (z \lt 0) \\ z & (z \ge 0) \end{cases}"


def test_the_condition_is_read_inside_its_parentheses() -> None:
    d = parse_definition(_G, Context())
    assert str(d.rhs) == "Piecewise((alpha*(exp(z) - 1), z < 0), (z, True))"
    d = parse_definition(r"h(x) = \begin{cases} x & (x - 1) > 0 \\ 0 & \text{otherwise} \end{cases}", Context())
    assert str(d.rhs) == "Piecewise((x, x > 1), (0, True))"


@pytest.mark.parametrize(("value", "verdict"), [(r"g(z) + \alpha", "agrees"), (r"g(z)", "wrong")])
def test_the_elu_derivative_with_conditions_in_parentheses(value: str, verdict: str) -> None:
    v = verify(rf"g'(z) = \begin{{cases}} {value} & (z \lt 0) \\ 1 & (z \ge 0) \end{{cases}}", define=[_G])
    assert v.verdict == verdict, str(v)
