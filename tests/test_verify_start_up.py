"""What a command-line verify pays before it reads anything: importing symgrad.verify loads no library that only
some inputs or other commands need (NumPy for check's float64 arrays, Lark for pasted code and --given facts)."""

import subprocess
import sys

# libraries a verify of a formula never uses, each with what loads it when it is needed
_LATER = {"numpy": "functions, linalg, linalg_expressions: inside their float64 functions",
          "lark": "read/forms_tree, code_clike_tree, code_matlab_tree", "regex": "lark"}


def test_importing_verify_loads_no_library_only_some_inputs_need() -> None:
    code = "import sys, symgrad.verify; print(' '.join(sorted(sys.modules)))"
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split())
    assert not {name for name in _LATER if name in loaded}, _LATER


def test_a_given_fact_is_read_with_the_facts_grammar_loaded_where_it_is_needed() -> None:
    from symgrad import verify

    define, given = [r"L = \sum_{i=1}^{n} w_i x_i"], [r"w, x \in \mathbb{R}^n"]
    right = verify(r"\frac{\partial L}{\partial w_j} = x_j", define=define, given=given)
    assert right.verdict == "proved", right.message
    wrong = verify(r"\frac{\partial L}{\partial w_j} = w_j", define=define, given=given)
    assert wrong.verdict == "wrong", wrong.message
