"""The long fuzz run, by hand: the mutations of ``tests/test_fuzz.py`` for many more inputs.

    python benchmarks/fuzz_long.py --inputs 100000 --seed 1

Each input goes through ``symgrad.verify``, every ``symgrad.parse`` reader and (for mutated
definitions and givens) ``symgrad derive --loss``, with the invariants of the test. Unlike the
test, a failure does not stop the run: each distinct crash (exception type and the line that raised
it) is printed once with its first input, and inputs slower than ``--slow`` seconds are listed. A
stuck input still aborts the run after ``test_fuzz.HANG`` seconds, with every thread's traceback.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import test_fuzz  # the test module is the source of the mutations and invariants


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inputs", type=int, default=100_000, help="how many inputs (default 100000)")
    ap.add_argument("--seed", type=int, default=1, help="hypothesis seed (default 1)")
    ap.add_argument("--slow", type=float, default=2.0, help="list inputs slower than this many seconds")
    args = ap.parse_args()
    crashes: dict[tuple[str, str, int], tuple[str, str, str]] = {}
    slow: list[tuple[float, str, str, str]] = []
    outcomes: Counter[str] = Counter()
    start = time.monotonic()

    @settings(max_examples=args.inputs, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(test_fuzz.fuzz_case())
    def one(case: tuple) -> None:
        problem, role, k, text = case
        began = time.monotonic()
        try:
            outcome = test_fuzz.judge_case(problem, role, k, text)
            outcomes[getattr(outcome, "verdict", "SymgradError")] += 1
            test_fuzz.read_case(problem, text)
            if role in ("define", "given"):
                outcomes[f"derive exit {test_fuzz.derive_case(problem, role, k, text)}"] += 1
        except Exception as e:  # noqa: BLE001 - every crash is recorded, the run goes on
            where = traceback.extract_tb(e.__traceback__)[-1]
            key = (type(e).__name__, where.filename, where.lineno or 0)
            outcomes["crash"] += 1
            if key not in crashes:
                crashes[key] = (problem.name, role, text[:300] + f"... [{str(e)[:300]}]")
                print(f"crash {key}: {crashes[key]}", flush=True)
        took = time.monotonic() - began
        if took > args.slow:
            slow.append((took, problem.name, role, text[:120]))
        total = sum(outcomes[v] for v in (*test_fuzz.VERDICTS, "SymgradError", "crash"))
        if total % 1000 == 0:
            print(f"{total} inputs, {time.monotonic() - start:.0f} s, {dict(outcomes)}", flush=True)

    seed(args.seed)(one)()
    elapsed = time.monotonic() - start
    print(f"done: {sum(outcomes[v] for v in (*test_fuzz.VERDICTS, 'SymgradError', 'crash'))} inputs in {elapsed:.0f} s; "
          f"{len(crashes)} distinct crashes; outcomes {dict(outcomes)}")
    for took, name, role, text in sorted(slow, reverse=True)[:20]:
        print(f"slow {took:.1f} s: {name} {role} {text!r}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
