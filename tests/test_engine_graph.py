"""The chain-rule walk: Hessians, Hessian-vector products, zero second derivatives, errors and notes.

Second derivatives are evaluated by the independent reference (``test_engine_reference``) and compared
with ``autograd.hessian`` of the same loss written by hand; the zero cases are exact.
"""

from __future__ import annotations

import autograd
import autograd.numpy as anp
import numpy as np
import pytest
import sympy as sp
from test_engine_reference import derivative

import symgrad
from symgrad.derivation import Graph, Note, Section
from symgrad.errors import DeriveError, UnknownNameError
from symgrad.graph import derive_graph, hessian, hvp
from symgrad.latex import note_text, section_title
from symgrad.tensors import Definition, index, size, tensor

RNG = np.random.default_rng(11)
QUARTIC = r"L = \left(\sum_{k=1}^{N} w_k^2\right)^2"
LINEAR = r"L = \sum_{k=1}^{N} w_k x_k"


def quartic(w):
    return anp.sum(w**2) ** 2


def inline(e: sp.Expr, graph: Graph) -> sp.Expr:
    """``e`` with every scalar name of ``graph`` replaced by its definition (the graph's own names gone)."""
    for defn in reversed(graph.definitions):
        if isinstance(defn.lhs, sp.Symbol):
            e = e.xreplace({defn.lhs: defn.rhs})
    return e


def test_hessian_of_the_squared_norm_squared_matches_autograd():
    w = RNG.normal(size=4)
    h = hessian(symgrad.derive(loss=QUARTIC, wrt=["w"]), "w")
    ours = derivative(h.results[0], h.graph, {"N": 4}, {"w": w})
    np.testing.assert_allclose(ours, autograd.hessian(quartic)(w), rtol=1e-10)


def test_hessian_names_the_gradient_node_g_and_the_new_index_after_the_first():
    h = hessian(symgrad.derive(loss=QUARTIC, wrt=["w"]), "w")
    r = h.results[0]
    assert str(r.of) == "g[i]" and str(r.var) == "w[j]"
    assert h.name == "loss-hessian-w" and h.title == "Derivative of L: second derivatives by w"
    assert h.notes == ["g denotes the gradient ∂L/∂w derived above."]  # no local Jacobian equals this Hessian


def test_hessian_avoids_a_name_the_loss_already_uses_for_the_gradient_node():
    h = hessian(symgrad.derive(loss=r"L = g \sum_{k=1}^{N} w_k^2", wrt=["w"]), "w")
    assert str(h.results[0].of).startswith("G[")


def test_hvp_of_the_squared_norm_squared_matches_autograd_hessian_times_v():
    w, v = RNG.normal(size=5), RNG.normal(size=5)
    out = hvp(symgrad.derive(loss=QUARTIC, wrt=["w"]), "w")
    ours = derivative(out.results[0], out.graph, {"N": 5}, {"w": w, "v": v})
    np.testing.assert_allclose(ours, autograd.hessian(quartic)(w) @ v, rtol=1e-10)


def test_hvp_contracts_v_into_the_second_derivative_and_says_why_it_is_h_v():
    out = hvp(symgrad.derive(loss=QUARTIC, wrt=["w"]), "w")
    assert out.graph.target == "s" and [str(t) for t in out.graph.inputs] == ["w", "v"]
    assert out.name == "loss-hvp-w" and out.title == "Derivative of L: Hessian-vector product by w"
    assert out.notes[0] == "g denotes the gradient ∂L/∂w; ∂s/∂w = H v because the Hessian is symmetric."
    assert not any(isinstance(a, sp.KroneckerDelta) for a in sp.preorder_traversal(out.results[0].expr))


def test_hvp_of_a_scalar_parameter_is_the_second_derivative_times_v():
    out = hvp(symgrad.derive(loss=r"L = e^{3 b}", wrt=["b"]), "b")
    b, v = sp.Symbol("b"), sp.Symbol("v")
    assert sp.simplify(inline(out.results[0].expr, out.graph) - 9 * sp.exp(3 * b) * v) == 0


def test_hessian_of_a_linear_loss_is_zero_and_says_the_gradient_does_not_depend_on_w():
    h = hessian(symgrad.derive(loss=LINEAR, wrt=["w"]), "w")
    r = h.results[0]
    assert r.expr == 0 and str(r.of) == "g[i]" and str(r.var) == "w[j]"
    assert h.notes == ["g = ∂L/∂w does not depend on w: the second derivatives are 0."]
    (step,) = h.steps
    assert step.lhs == sp.Derivative(r.of, r.var) and step.rhs == 0
    assert step.rule == "g does not depend on w" and step.section == Section(sp.Symbol("w"))
    assert section_title(step.section) == "with respect to w"
    assert h.name == "loss-hessian-w" and h.graph.target == "g"


def test_hvp_of_a_linear_loss_is_zero_and_says_so():
    out = hvp(symgrad.derive(loss=LINEAR, wrt=["w"]), "w")
    r = out.results[0]
    assert r.expr == 0 and str(r.var) == "w[i]" and r.of == sp.Symbol("s")
    assert out.notes == ["g = ∂L/∂w does not depend on w: H = 0 and H v = 0."]
    assert out.name == "loss-hvp-w" and out.title == "Derivative of L: Hessian-vector product by w"


def test_hessian_of_a_scalar_parameter_that_enters_linearly_is_zero():
    h = hessian(symgrad.derive(loss=r"L = 3 b + c", wrt=["b"]), "b")
    assert h.results[0].expr == 0 and str(h.results[0].var) == "b"


@pytest.mark.parametrize("second", [hessian, hvp])
def test_second_derivatives_of_a_vector_target_are_refused(second):
    with pytest.raises(DeriveError, match=r"p\[i\] is not a scalar"):
        second(symgrad.derive("softmax"), "a")


def test_an_undefined_target_is_an_error_naming_the_defined_names():
    z = tensor("z")
    with pytest.raises(UnknownNameError, match="target 'L' is not defined; defined names: M"):
        derive_graph(Graph((Definition(sp.Symbol("M"), z**2),), (z,), "L"), ["z"])


def test_an_unknown_variable_is_an_error_naming_the_known_names():
    z, L = tensor("z"), tensor("L")
    with pytest.raises(UnknownNameError, match="unknown name 'q'; known: L, z"):
        derive_graph(Graph((Definition(L, z**2),), (z,), "L"), ["q"])


def test_differentiating_by_a_defined_name_is_refused():
    z, u, L = tensor("z"), tensor("u"), tensor("L")
    graph = Graph((Definition(u, 2 * z), Definition(L, u**2)), (z,), "L")
    with pytest.raises(DeriveError, match="u is defined in terms of other names; differentiate with respect to an input"):
        derive_graph(graph, ["u"])


def test_a_definition_that_uses_a_later_one_is_refused_naming_it():
    z, u, L = tensor("z"), tensor("u"), tensor("L")
    graph = Graph((Definition(L, u**2), Definition(u, 2 * z)), (z,), "L")
    with pytest.raises(DeriveError, match="L is defined in terms of u, which is defined after it"):
        derive_graph(graph, ["z"])


def test_a_derivation_past_its_time_budget_stops_with_an_error_naming_it():
    with pytest.raises(DeriveError, match="deriving seed-mse-softmax did not finish within 1e-09 s"):
        symgrad.derive("seed-mse-softmax", timeout=1e-9)


def test_the_chain_through_a_named_node_matches_autograd():
    N = size("N")
    n, k = index("n", N), index("k", N)
    x, w, u, L = tensor("x", N), tensor("w", N), tensor("u", N), tensor("L")
    graph = Graph((Definition(u[n], sp.tanh(w[n] * x[n])), Definition(L, sp.Sum(u[k] ** 2, (k, 1, N)))), (x, w), "L")
    d = derive_graph(graph, ["w"])
    xs, ws = RNG.normal(size=4), RNG.normal(size=4)
    ours = derivative(d.results[0], graph, {"N": 4}, {"x": xs, "w": ws})
    np.testing.assert_allclose(ours, autograd.grad(lambda w: anp.sum(anp.tanh(w * xs) ** 2))(ws), rtol=1e-10)
    rules = [s.rule for s in d.steps]
    assert rules.index("chain rule") < rules.index("insert the local derivatives")


def test_a_quotient_is_shown_with_the_quotient_rule_a_constant_factor_with_its_rule():
    z, L = tensor("z"), tensor("L")
    quotient = derive_graph(Graph((Definition(L, sp.sin(z) / z),), (z,), "L"), ["z"])
    assert quotient.steps[0].rule == "quotient rule"
    assert sp.simplify(inline(quotient.results[0].expr, quotient.graph) - sp.diff(sp.sin(z) / z, z)) == 0
    scaled = derive_graph(Graph((Definition(L, 3 * sp.sin(z)),), (z,), "L"), ["z"])
    assert scaled.steps[0].rule == "constant factor rule"
    assert scaled.steps[0].rhs == 3 * sp.Derivative(sp.sin(z), z)


def test_a_kink_is_stated_in_the_notes_and_a_case_boundary_too():
    z, L = tensor("z"), tensor("L")
    kinked = derive_graph(Graph((Definition(L, sp.Abs(z - 1)),), (z,), "L"), ["z"])
    assert kinked.notes == [Note(("L is not differentiable where ", sp.Eq(z - 1, 0),
                                  "; there the derivation uses sign(0) = 0, a subgradient."))]
    assert note_text(kinked.notes[0]) == ("L is not differentiable where z − 1 = 0; "
                                          "there the derivation uses sign(0) = 0, a subgradient.")
    cases = derive_graph(Graph((Definition(L, sp.Piecewise((z**2, z > 1), (2 * z - 1, True))),), (z,), "L"), ["z"])
    assert [note_text(n) for n in cases.notes] == [("L is defined by cases (z > 1); on the boundary the derivation uses "
                            "the derivative of the branch whose condition holds.")]


def test_hessian_takes_H_when_g_G_and_h_are_names_of_the_loss():
    h = hessian(symgrad.derive(loss=r"L = g G h \sum_{k=1}^{N} w_k^2", wrt=["w"]), "w")
    assert str(h.results[0].of).startswith("H[")


def test_the_gradient_node_has_the_shape_of_the_gradient():
    h = hessian(symgrad.derive(loss=QUARTIC, wrt=["w"]), "w")
    assert h.graph.definition("g").lhs.base.shape == (size("N"),)


def test_hvp_names_its_vector_V_when_the_loss_already_has_a_v():
    out = hvp(symgrad.derive(loss=r"L = \sum_{k=1}^{N} v_k w_k^2", wrt=["w"]), "w")
    assert [str(t) for t in out.graph.inputs] == ["v", "w", "V"]
    w, v, V = RNG.normal(size=3), RNG.normal(size=3), RNG.normal(size=3)
    ours = derivative(out.results[0], out.graph, {"N": 3}, {"w": w, "v": v, "V": V})
    np.testing.assert_allclose(ours, autograd.hessian(lambda w: anp.sum(v * w**2))(w) @ V, rtol=1e-10)


def test_new_hessian_indices_follow_the_gradient_indices_in_the_alphabet():
    from symgrad.graph import _next_names

    assert _next_names(("j",), 1) == ["k"] and _next_names(("i", "j"), 2) == ["k", "l"]
    assert _next_names(("d",), 2) == ["i", "j"] and _next_names((), 1) == ["i"]


def test_every_step_states_which_derivative_it_is_and_under_which_heading():
    d = symgrad.derive("seed-ce-logits")
    assert all(isinstance(st.lhs, sp.Derivative) for st in d.steps)
    assert all(isinstance(st.section, Section) for st in d.steps)
    titles = {section_title(st.section) for st in d.steps}
    assert titles == {"with respect to p", "with respect to z", "with respect to w", "with respect to b"}


def test_a_section_holds_the_name_and_its_title_spells_it_as_printed():
    d = symgrad.derive("bce-logits")
    assert {st.section for st in d.steps} == {Section(sp.Symbol("sigma")), Section(sp.Symbol("z"))}
    assert section_title(Section(sp.Symbol("sigma"))) == "with respect to σ"
    assert section_title("here") == "here"  # a title in words is its own heading


def test_the_chain_rule_step_adds_the_paths_through_each_consumer():
    d = symgrad.derive("seed-mse-softmax")
    chains = [st.rhs for st in d.steps if st.rule == "chain rule"]
    assert chains and all(not t.could_extract_minus_sign() for rhs in chains for t in sp.Add.make_args(rhs))


def test_a_loss_of_the_variable_directly_has_no_chain_rule_step():
    rules_used = [st.rule for st in symgrad.derive(loss=r"L = \sum_{k=1}^{N} w_k^2", wrt=["w"]).steps]
    assert "chain rule" not in rules_used and "insert the local derivatives" not in rules_used


def test_a_summation_index_of_an_adjoint_is_renamed_apart_from_the_variables_index():
    # dL/dx_j of L = s sum_j x_j with s = sum_j v_j x_j is s + v_j sum_i x_i: the adjoint's sum over j
    # must not capture the free j
    N = size("N")
    j = index("j", N)
    x, v, s, L = tensor("x", N), tensor("v", N), tensor("s"), tensor("L")
    graph = Graph((Definition(s, sp.Sum(v[j] * x[j], (j, 1, N))), Definition(L, s * sp.Sum(x[j], (j, 1, N)))),
                  (x, v), "L")
    r = derive_graph(graph, ["x"], index_names={"x": ("j",)}).results[0]
    assert str(r.var) == "x[j]"
    assert not {str(lim[0]) for t in r.expr.atoms(sp.Sum) for lim in t.limits} & {"j"}
    xs, vs = RNG.normal(size=4), RNG.normal(size=4)
    ours = derivative(r, graph, {"N": 4}, {"x": xs, "v": vs})
    np.testing.assert_allclose(ours, autograd.grad(lambda x: anp.sum(vs * x) * anp.sum(x))(xs), rtol=1e-10)


def test_the_quotient_rule_step_is_the_derivative_once_its_derivatives_are_taken():
    z, L = tensor("z"), tensor("L")
    step = derive_graph(Graph((Definition(L, sp.sin(z) / (z**2 + 1)),), (z,), "L"), ["z"]).steps[0]
    assert step.rule == "quotient rule"
    assert sp.simplify(step.rhs.doit() - sp.diff(sp.sin(z) / (z**2 + 1), z)) == 0


def test_each_adjoint_is_collected_before_it_is_used_further_down_the_chain():
    collected = [section_title(st.section) for st in symgrad.derive("seed-mse-softmax").steps
                 if st.rule == "collect terms"]
    assert collected == ["with respect to z", "with respect to w", "with respect to b"]


def test_when_every_pool_letter_is_taken_fresh_indices_are_i1_i2():
    from symgrad.graph import _POOL, _Names

    names = _Names(Graph((), (), "L"), [*_POOL, "i1"])
    assert str(names.fresh(size("N"))) == "i2" and str(names.fresh(size("N"))) == "i3"
