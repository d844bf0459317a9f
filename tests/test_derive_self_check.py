"""``symgrad derive --self-check``: the engine's result checked against the definitions before printing.

The planted bug is the one of issue 16: a sum of a term free of its index counts hi - lo terms
instead of hi - lo + 1, so the engine would print 2(N-1) w_j for the gradient of sum_k sum_n w_n^2.
"""

from __future__ import annotations

from symgrad.cli import main

DOUBLE_SUM = r"L = \sum_{k=1}^N \sum_{n=1}^N w_n^2"


def test_self_check_passes_a_right_derivation_and_prints_it(capsys):
    assert main(["derive", "--loss", DOUBLE_SUM, "--wrt", "w", "--self-check"]) == 0
    assert "∂L/∂w_i = 2·N·w_i" in capsys.readouterr().out


def test_self_check_refuses_to_print_what_a_planted_engine_bug_derived(term_count_off_by_one, capsys):
    assert main(["derive", "--loss", DOUBLE_SUM, "--wrt", "w", "--self-check"]) == 3
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("symgrad: internal error:") and "central differences" in lines[0]


def test_without_self_check_the_planted_bug_would_have_printed_a_wrong_result(term_count_off_by_one, capsys):
    # the reason the flag exists: the engine alone prints 2(N - 1) w_j without a word
    assert main(["derive", "--loss", DOUBLE_SUM, "--wrt", "w"]) == 0
    assert "N - 1" in capsys.readouterr().out.replace("−", "-")
