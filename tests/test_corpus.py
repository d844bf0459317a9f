"""The corpus of real hand derivations (tests/corpus/): symgrad's verdicts against verdicts established by autograd.

Two promises: a wrong claim from a real page is never called proved or agrees (zero false-correct, no
exceptions), and every case not listed in tests/corpus/known_misses.txt gets its right verdict. A known
miss that now passes is reported, not failed: rerun ``python benchmarks/bench_corpus.py --update-known-misses``.
"""

from __future__ import annotations

import json
import warnings

import pytest
from corpus import establish
from corpus.cases import EVIDENCE, HELDOUT_DIR, HELDOUT_EVIDENCE, TIERS, judge_all, known_misses, load

CASES = load()
HELDOUT = load(HELDOUT_DIR)  # measured apart (benchmarks/bench_corpus.py); held to the same two promises
HELDOUT_IDS = {c.id for c in HELDOUT}
MISSES = known_misses()


@pytest.fixture(scope="module")
def outcomes():
    return {o.case.id: o for o in judge_all(CASES + HELDOUT)}


def test_corpus_has_at_least_150_cases_a_fifth_or_more_wrong_in_every_tier():
    assert len(CASES) >= 150
    assert 0.2 <= sum(c.expected == "wrong" for c in CASES) / len(CASES) <= 0.45
    for tier in TIERS:
        in_tier = [c for c in CASES if c.tier == tier]
        assert len(in_tier) >= 30 and any(c.expected == "wrong" for c in in_tier), tier


def test_mutated_cases_are_fewer_than_a_third_of_the_wrong_ones():
    wrong = [c for c in CASES if c.expected == "wrong"]
    mutated = [c for c in wrong if c.origin.startswith("mutated from ")]
    assert all(c.origin == "page" or c.origin.startswith("mutated from http") for c in CASES)
    assert len(mutated) * 3 < len(wrong)


def test_known_misses_name_cases_of_the_corpus():
    assert MISSES <= {c.id for c in CASES}


def test_held_out_cases_are_new_pages_with_their_own_ids():
    assert len(HELDOUT) >= 100 and not {c.id for c in HELDOUT} & {c.id for c in CASES}
    assert not {c.url for c in HELDOUT} & {c.url for c in CASES}


@pytest.mark.parametrize("case", CASES + HELDOUT, ids=lambda c: c.id)
def test_expected_verdict_is_the_one_autograd_establishes(case):
    assert establish.establish(case)["established"] == case.expected


@pytest.mark.parametrize(("cases", "evidence"), [(CASES, EVIDENCE), (HELDOUT, HELDOUT_EVIDENCE)], ids=["corpus", "heldout"])
def test_recorded_evidence_is_current(cases, evidence):
    recorded = json.loads(evidence.read_text())
    assert {i: e["established"] for i, e in recorded.items()} == {c.id: c.expected for c in cases}


def test_no_wrong_claim_is_ever_called_proved_or_agrees(outcomes):
    false_correct = [f"{i}: {o.verdict}: {o.message}" for i, o in outcomes.items() if o.false_correct]
    assert not false_correct


def test_every_case_not_a_known_miss_gets_its_right_verdict(outcomes):
    missed = [f"{i} (expected {o.case.expected}): {o.verdict}: {o.message}"
              for i, o in outcomes.items() if not o.right and i not in MISSES and i not in HELDOUT_IDS]
    fixed = sorted(i for i, o in outcomes.items() if o.right and i in MISSES)
    if fixed:
        warnings.warn(f"{len(fixed)} known miss(es) now right, remove them from known_misses.txt: {fixed}",
                      stacklevel=1)
    assert not missed, "\n".join(missed)


def test_no_case_crashes_symgrad(outcomes):
    crashed = [f"{i}: {o.message}" for i, o in outcomes.items() if o.verdict == "crash"]
    assert not crashed
