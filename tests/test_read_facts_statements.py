"""Facts that state more than a shape (issue 9 item 2, issue 13 item 5): one-hot labels, symmetric and positive definite
matrices, definitions and unknown functions among the facts, sentences of several clauses."""

import pytest
import sympy as sp

import symgrad
from symgrad import parse
from symgrad.linalg import PositiveDefinite, Symmetric

SOFTMAX = r"p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}"
CROSS_ENTROPY = r"L = -\sum_k y_k \log p_k"
CE_GRADIENT = r"\frac{\partial L}{\partial z_j} = p_j - y_j"


def settled(*facts: str, define: tuple[str, ...] = ()) -> parse.Context:
    ctx = parse.Context()
    for fact in facts:
        parse.parse_given(fact, ctx)
    for d in define:
        parse.parse_definition(d, ctx)
    ctx.settle()
    return ctx


@pytest.mark.parametrize("fact", [
    "where y is one-hot",
    r"$\mathbf{y}$ is one-hot encoded",
    r"exactly one of the $y_i$s is 1 and the rest are zeros",
    r"\mathbf{y} = (0, ... 0,1, 0,...0)^T",
    r"y = (0, \dots, 0, 1, 0, \dots, 0)",
])
def test_one_hot_labels_make_the_cross_entropy_gradient_p_minus_y(fact):
    verdict = symgrad.verify(CE_GRADIENT, define=[SOFTMAX, CROSS_ENTROPY], given=[r"z \in \mathbb{R}^K", fact])
    assert verdict.verdict == "proved", verdict.message


def test_without_one_hot_labels_p_minus_y_is_not_the_cross_entropy_gradient():
    verdict = symgrad.verify(CE_GRADIENT, define=[SOFTMAX, CROSS_ENTROPY], given=[r"z \in \mathbb{R}^K"])
    assert verdict.verdict == "wrong"


def test_one_hot_rows_of_a_label_matrix_each_sum_to_one():
    ctx = settled(r"Y \in \mathbb{R}^{N \times K}", "Y is one-hot")
    (c,) = ctx.constraints
    (k, _, hi), = c.lhs.limits
    assert c.rhs == 1 and c.lhs.function.indices[1] == k and hi == sp.Symbol("K", integer=True, positive=True)


def test_a_zero_one_target_is_a_binary_domain_not_one_hot():
    ctx = settled(r"$t_i$ is a 0/1 target representing whether the correct class is class $i$")
    assert ctx.domains["t"] == sp.FiniteSet(0, 1) and not ctx.constraints


@pytest.mark.parametrize(("fact", "kind"), [
    (r"\Sigma = \Sigma^T", Symmetric),
    (r"\Sigma^\top = \Sigma", Symmetric),
    (r"\Sigma \succ 0", PositiveDefinite),
    (r"\Sigma \succeq 0", Symmetric),
    (r"here $\Sigma$ is a positive definite matrix", PositiveDefinite),
    (r"$\Sigma$ symmetric positive definite", PositiveDefinite),
    (r"\Sigma is symmetric and positive definite", PositiveDefinite),
    (r"$\Sigma$ is a symmetric matrix", Symmetric),
    (r"where $\Sigma$ is symmetric", Symmetric),
])
def test_symmetry_and_definiteness_declare_the_matrix_class(fact, kind):
    ctx = settled(r"\Sigma \in \mathbb{R}^{n \times n}", fact)
    assert isinstance(ctx.tensors["Sigma"], kind)
    assert not any("not used" in note for note in ctx.notes)


def test_a_matrix_declared_symmetric_after_its_use_is_symmetric_in_the_definition():
    ctx = settled(r"A \in \mathbb{R}^{n \times n}", r"A = A^T", define=(r"\alpha = x^T A x",))
    (base,) = {ix.base for ix in ctx.definitions["alpha"].rhs.atoms(sp.Indexed) if str(ix.base) == "A"}
    assert isinstance(base, Symmetric)


def test_definiteness_of_a_matrix_without_a_shape_is_recorded_not_used():
    ctx = settled(r"\Sigma \succ 0")
    assert ctx.notes == [r"\Sigma is positive definite: recorded, not used"]


@pytest.mark.parametrize(("assume", "verdict"), [((r"\boldsymbol{A}=\boldsymbol{A}^T",), ("agrees", "proved")),
                                                 ((), ("wrong",))])
def test_the_quadratic_form_gradient_is_2Ax_only_for_a_symmetric_A(assume, verdict):
    got = symgrad.verify(r"\frac{\partial \alpha}{\partial x} = 2 A x", define=[r"\alpha = x^T A x"],
                         given=[r"A \in \mathbb{R}^{n \times n}", r"x \in \mathbb{R}^{n}"], assume=list(assume))
    assert got.verdict in verdict, got.message


def test_a_definition_among_the_facts_is_read_as_a_definition():
    ctx = settled(r"z \in \mathbb{R}^K, \quad p = \mathrm{softmax}(z)")
    assert "p" in ctx.definitions and any("read as a definition" in n for n in ctx.notes)
    verdict = symgrad.verify(r"\frac{\partial L}{\partial z_j} = p_j - y_j", define=[CROSS_ENTROPY],
                             given=[r"z \in \mathbb{R}^K, \quad p = \mathrm{softmax}(z)", "y is one-hot"])
    assert verdict.verdict == "proved", verdict.message


def test_a_constant_among_the_facts_stays_a_constraint():
    ctx = settled(r"\phi = 1", r"\sum_k y_k = 1")
    assert [c.rhs for c in ctx.constraints] == [1, 1] and not ctx.definitions


def test_a_loss_that_is_some_function_of_a_layer_output_has_the_vjp_as_its_gradient():
    right = symgrad.verify(r"\frac{\partial L}{\partial W} = \frac{\partial L}{\partial D} X^{T}", define=["D = WX"],
                           given=[r"X \in \mathbb{R}^{m \times n}", r"W \in \mathbb{R}^{h \times m}", "L = f(D)"])
    wrong = symgrad.verify(r"\frac{\partial L}{\partial W} = X^{T} \frac{\partial L}{\partial D}", define=["D = WX"],
                           given=[r"X \in \mathbb{R}^{m \times m}", r"W \in \mathbb{R}^{m \times m}", "L = f(D)"])
    assert right.verdict == "proved", right.message
    assert wrong.verdict == "wrong", wrong.message


def test_clauses_of_a_sentence_are_read_one_by_one_and_a_description_is_noted():
    ctx = settled(r"z \in \mathbb{R}^K", r"Let $\mathbf{z}$ be logits, $\mathbf{p} = \text{softmax}(\mathbf{z})$, and "
                  r"$\mathbf{y}$ be one-hot.", define=(CROSS_ENTROPY,))
    assert "p" in ctx.definitions and [c.rhs for c in ctx.constraints] == [1]
    assert any("describes" in n and "logits" in n for n in ctx.notes)


def test_a_space_restated_in_words_keeps_the_space():
    ctx = settled(r"$\boldsymbol{X} \in \mathbb{R}^{N \times N}$ is an $N \times N$ invertible matrix "
                  r"($|\boldsymbol{X}| \neq 0$)")
    assert ctx.tensors["X"].shape == (sp.Symbol("N", integer=True, positive=True),) * 2


def test_a_sentence_of_clauses_with_one_unknown_clause_is_refused_whole():
    with pytest.raises(symgrad.errors.ParseError):
        settled(r"Let $z$ be logits, and $y$ be something symgrad cannot read")



@pytest.mark.parametrize(("definition", "verdict"), [
    (r"L = -\sum_k y_k \log p_k \text{ where } p = \mathrm{softmax}(z) \text{ and } y \text{ is one-hot}", "proved"),
    (r"L = -\sum_k y_k \log p_k, \quad \text{where } p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}", "wrong"),
])
def test_a_where_clause_of_a_definition_defines_and_states_what_it_uses(definition, verdict):
    """Without 'y is one-hot' the claim p_k - y_k needs sum_k y_k = 1, which was not given: wrong (a case)."""
    got = symgrad.verify(CE_GRADIENT, define=[definition], given=[r"z \in \mathbb{R}^K"])
    assert got.verdict == verdict, got.message
    assert "after 'where' read with the definition of L" in got.message


def test_a_where_clause_splits_only_outside_braces_and_at_the_word():
    assert parse.where_clauses(r"L = (y - \hat{y})^2, where \hat{y} = w x + b and b \in \mathbb{R}") == (
        r"L = (y - \hat{y})^2", [r"\hat{y} = w x + b", r"b \in \mathbb{R}"])
    assert parse.where_clauses(r"f = \text{somewhere}(x)") == (r"f = \text{somewhere}(x)", [])
