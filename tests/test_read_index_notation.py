"""Index notation (tensor notation) read from the page's own rule: dX_ij/dX_kl = d_ik d_jl stated holds by the rules
symgrad differentiates with (read.identity_facts; set aside, noted, with the other identities by verify.identities:
no constraint), makes an index written twice in one product a sum (read.einstein), and a chain from d/dX to the
entry by X_kl names the head's axes k, l (read.entry_chains); X_{pq}^T is the entry of the transpose, as X^T_{pq}
(read.arrays)."""

import sympy as sp

import symgrad
from symgrad.read import parse_claim, parse_expression, parse_given
from symgrad.read.context import Context, DerivativeOf
from symgrad.read.entry_chains import entry_members

RULE = r"\frac{\partial X_{ij}}{\partial X_{kl}}=\delta_{ik} \delta_{jl}"


def _ctx(*given: str) -> Context:
    ctx = Context()
    for g in given:
        parse_given(g, ctx)
    ctx.settle()
    return ctx


def test_the_entry_rule_holds_and_is_no_constraint():
    from symgrad.verify.identities import set_aside  # the one table of facts that hold identically

    ctx = _ctx(RULE)
    assert ctx.index_notation == RULE
    kept, notes = set_aside(ctx.constraints)
    assert kept == [] and len(notes) == 1 and "rule of differentiating by an entry" in notes[0]


def test_a_wrong_entry_rule_stays_a_constraint():
    ctx = _ctx(r"\frac{\partial X_{ij}}{\partial X_{kl}}=\delta_{il} \delta_{jk}")
    assert len(ctx.constraints) == 1 and ctx.index_notation is None


def test_a_repeated_index_is_summed_on_an_index_notation_page():
    ctx = _ctx(RULE, r"A \in \mathbb{R}^{n \times n}")
    e = parse_expression(r"X_{ij} A_{ji}", ctx)
    assert isinstance(e, sp.Sum) and {str(v) for v in e.variables} == {"i", "j"}
    assert not isinstance(parse_expression(r"X_{ij} A_{ji}", _ctx(r"A \in \mathbb{R}^{n \times n}")), sp.Sum)


def test_a_chain_from_the_matrix_to_its_entry_names_the_heads_axes():
    ctx = _ctx(RULE)
    members = entry_members(parse_claim(r"\frac{\partial}{\partial X} \tr(XA) = \frac{\partial (X_{ij} A_{ji})}"
                                        r"{\partial X_{kl}} = A_{lk} = A^T", ctx), ctx.notes)
    head, entry, value = members[0], members[1], members[2]
    assert isinstance(entry.value, DerivativeOf) and entry.value.var == head.value.var
    m, q = head.indices
    assert str(value.value) == f"A[{q}, {m}]"
    assert members[-1].indices == () and str(members[-1].value) == f"A[{q}, {m}]"  # A^T in the entries' layout


def test_a_subscript_and_a_transpose_on_one_base_are_the_entry_of_the_transpose():
    ctx = _ctx(r"A \in \mathbb{R}^{n \times n}")
    assert str(parse_expression(r"A_{pq}^T", ctx)) == "A[q, p]"
    assert str(parse_expression(r"A^T_{pq}", ctx)) == "A[q, p]"


def test_an_entry_chain_in_index_notation_is_judged():
    right = symgrad.verify(r"\frac{\partial}{\partial X_{pq}} \tr(XA) = \frac{\partial (X_{ij} A_{ji})}"
                           r"{\partial X_{pq}} = A_{qp}", given=[RULE])
    wrong = symgrad.verify(r"\frac{\partial}{\partial X_{pq}} \tr(XA) = \frac{\partial (X_{ij} A_{ji})}"
                           r"{\partial X_{pq}} = A_{pq}", given=[RULE])
    assert right.verdict in ("proved", "agrees") and wrong.verdict == "wrong"
