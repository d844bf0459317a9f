"""symgrad.read layer labels (issue 9): in ``z^l = w^l a^{l-1}`` the superscript l is a layer number, not a power,
when nothing gives l a value; each labelled name is a name of its own, and a definition written for a generic layer
l also defines the layers the problem writes (``a^{L-1}``). References are autograd gradients at random points."""

from __future__ import annotations

import numpy as np
import sympy as sp
from autograd import grad
from autograd import numpy as anp

from symgrad import verify
from symgrad.read import Context, parse_definition

TWO_LAYERS = [r"C = \frac{1}{2}(a^L-y)^2", r"z^l = w^l a^{l-1}", r"a^l = \sigma(z^l)"]
ONE_WEIGHT = [r"C(a) = (a^l-y)^2", r"a^l(z^l) = \sigma(z^l)", r"z^l(w^l) = a^{(l-1)}*w^l"]


def _sigmoid(x):
    return 1 / (1 + anp.exp(-x))


def _cost_by_the_last_but_one_weight(w1, w2, a0, y):
    return 0.5 * (_sigmoid(w2 * _sigmoid(w1 * a0)) - y) ** 2


def test_the_reference_backprop_gradient_is_the_product_of_the_layer_factors():
    w1, w2, a0, y = 0.7, -1.3, 0.4, 0.2
    s1, s2 = _sigmoid(w1 * a0), _sigmoid(w2 * _sigmoid(w1 * a0))
    by_hand = a0 * s1 * (1 - s1) * w2 * s2 * (1 - s2) * (s2 - y)
    assert np.isclose(grad(_cost_by_the_last_but_one_weight)(w1, w2, a0, y), by_hand, atol=1e-12)


def test_a_superscript_l_nothing_gives_a_value_is_a_layer_label_and_the_name_its_own():
    ctx = Context()
    d = parse_definition(r"z^l = w^l a^{l-1}", ctx)
    assert d.lhs == sp.Symbol("z^l") and d.rhs == sp.Symbol("w^l") * sp.Symbol("a^{l-1}")
    assert any("l read as a layer label" in n for n in ctx.notes)


def test_a_parenthesised_label_names_the_same_layer():
    ctx = Context()
    assert parse_definition(r"z^l = a^{(l-1)} w^l", ctx).rhs == sp.Symbol("w^l") * sp.Symbol("a^{l-1}")


def test_a_generic_layer_definition_also_defines_each_layer_the_claim_writes():
    claim = r"\frac{\partial C}{\partial w^{L-1}} = a^{L-2} \sigma'(z^{L-1}) \times w^L \sigma'(z^L)(a^L-y)"
    right = verify(claim, define=TWO_LAYERS)
    assert right.verdict in ("proved", "agrees")
    assert "a^{L-1} defined by a^l = \\sigma(z^l) at l = L - 1" in right.message
    assert verify(claim.replace(r"\times w^L", ""), define=TWO_LAYERS).verdict == "wrong"


def test_a_layer_below_every_written_one_stays_an_input():
    claim = r"\frac{\partial C}{\partial a^{L-2}} = w^{L-1} \sigma'(z^{L-1}) w^L \sigma'(z^L)(a^L-y)"
    assert verify(claim, define=TWO_LAYERS).verdict in ("proved", "agrees")


def test_labelled_function_heads_read_as_the_layer_names_they_define():
    claim = r"\frac{\partial C}{\partial w^l} = 2(a^l-y)*(\sigma(z^l)*(1-\sigma(z^l)))*a^{l-1}"
    assert verify(claim, define=ONE_WEIGHT).verdict in ("proved", "agrees")
    assert verify(claim.removesuffix("*a^{l-1}"), define=ONE_WEIGHT).verdict == "wrong"


def test_a_power_stays_a_power_where_its_exponent_has_a_value():
    v = verify(r"\frac{\partial E}{\partial x} = l x^{l-1}", define=[r"E = x^l"], given=[r"l \in \mathbb{R}"])
    assert v.verdict in ("proved", "agrees") and "layer label" not in v.message


NUMBERED = [r"z^{[1]} = W^{[1]} x", r"a^{[1]} = \sigma(z^{[1]})", r"z^{[2]} = W^{[2]} a^{[1]}",
            r"a^{[2]} = \sigma(z^{[2]})", r"L = \frac{1}{2}(a^{[2]} - y)^2"]
GENERIC_NUMBERED = [r"z^{[l]} = W^{[l]} a^{[l-1]}", r"a^{[l]} = \sigma(z^{[l]})", r"L = \frac{1}{2}(a^{[2]} - y)^2"]


def test_a_bracketed_or_parenthesised_layer_number_tags_a_name_of_its_own():
    claim = r"\frac{\partial L}{\partial W^{[1]}} = (a^{[2]}-y) \sigma'(z^{[2]}) W^{[2]} \sigma'(z^{[1]}) x"
    right = verify(claim, define=NUMBERED)
    assert right.verdict in ("proved", "agrees") and "read as a layer number" in right.message
    assert verify(claim.replace(" W^{[2]}", ""), define=NUMBERED).verdict == "wrong"
    ctx = Context()
    assert parse_definition(r"z^{(2)} = W^{(1)} x", ctx).lhs == sp.Symbol("z^{[2]}")


def test_a_generic_layer_definition_also_defines_the_numbered_layers_written():
    claim = r"\frac{\partial L}{\partial W^{[1]}} = (a^{[2]}-y) \sigma'(z^{[2]}) W^{[2]} \sigma'(z^{[1]}) a^{[0]}"
    right = verify(claim, define=GENERIC_NUMBERED)
    assert right.verdict in ("proved", "agrees") and "z^{[1]} defined by" in right.message
    assert verify(claim.replace(r" \sigma'(z^{[1]})", ""), define=GENERIC_NUMBERED).verdict == "wrong"


def test_a_bare_number_superscript_stays_a_power():
    assert verify(r"\frac{\partial E}{\partial x} = 3x^2", define=[r"E = x^3"]).verdict == "proved"
