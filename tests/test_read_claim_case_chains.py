"""A case block whose rows are = chains: a chain of blocks, each row's members checked in its case."""

import symgrad
from symgrad.read.claim_case_chains import case_chains
from symgrad.read.context import Context
from symgrad.read.tokens import _tokens

SOFTMAX = [r"p_j = \frac{e^{x_j}}{\sum_k e^{x_k}}"]
OF = r"\frac{\partial}{\partial x_i} \log p_t"
ROWS = r"\begin{cases} \frac{1}{p_t}(p_t - p_t^2) = 1 - p_t, & i = t \\ \frac{1}{p_t}(-p_i p_t) = {V}, & i \neq t \end{cases}"


def test_rows_with_chains_become_a_chain_of_blocks():
    toks = case_chains(_tokens(r"\begin{cases} a = b, & i = t \\ c & i \neq t \end{cases}"), Context())
    assert " ".join(t.text for t in toks).split() == [
        r"\begin{cases}", "a", "&", "i", "=", "t", "\\\\", "c", "&", "i", r"\neq", "t", r"\end{cases}", "=",
        r"\begin{cases}", "b", "&", "i", "=", "t", "\\\\", "c", "&", "i", r"\neq", "t", r"\end{cases}"]


def test_a_block_without_chains_is_left_alone():
    toks = _tokens(r"D = \begin{cases} a & i = t \\ b & i \neq t \end{cases}")
    assert case_chains(toks, Context()) == toks


def test_derivative_of_log_softmax_entry_in_cases_is_proved():
    v = symgrad.verify(ROWS.replace("{V}", "-p_i"), of=OF, define=SOFTMAX)
    assert v.verdict == "proved"


def test_a_row_member_without_its_minus_is_wrong_in_its_case():
    v = symgrad.verify(ROWS.replace("{V}", "p_i"), of=OF, define=SOFTMAX)
    assert v.verdict == "wrong"
    assert v.diagnosis == "case"
