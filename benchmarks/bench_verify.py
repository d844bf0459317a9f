"""Verdict time of ``symgrad verify`` on the claims of tests/test_verify.py: median in process and in a fresh
process (the CLI, import included). Run by hand: ``python benchmarks/bench_verify.py [--cli K]``."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from test_verify import CASES

from symgrad.verify import verify


def _cli_args(case: tuple) -> list[str]:
    _, define, given, assume, of, claim, *_ = case
    args = ["verify", f"--claim={claim}"]
    args += [f"--define={d}" for d in define] + [f"--given={g}" for g in given] + [f"--assume={a}" for a in assume]
    return args + ([f"--of={of}"] if of else [])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cli", type=int, default=8, help="how many cases to time in a fresh process (every k-th)")
    args = ap.parse_args()
    times, wrong = [], []
    for case in CASES:
        _, define, given, assume, of, claim, verdict, _ = case
        start = time.perf_counter()
        v = verify(claim, of=of, define=define, given=given, assume=assume)
        times.append(time.perf_counter() - start)
        if v.verdict != verdict:
            wrong.append(case[0])
    print(f"in process: {len(times)} cases, median {statistics.median(times):.3f} s, "
          f"max {max(times):.3f} s, mismatched verdicts {wrong}")
    step = max(1, len(CASES) // max(args.cli, 1))
    cli, codes = [], []
    for case in CASES[::step][: args.cli]:
        start = time.perf_counter()
        run = subprocess.run([sys.executable, "-m", "symgrad", *_cli_args(case)], capture_output=True, check=False)
        cli.append(time.perf_counter() - start)
        if run.returncode != {"proved": 0, "agrees": 0, "wrong": 1}[case[6]]:
            codes.append((case[0], run.returncode, run.stderr.decode()[-200:]))
    if cli:
        print(f"fresh process (CLI): {len(cli)} cases, median {statistics.median(cli):.3f} s, max {max(cli):.3f} s, "
              f"unexpected exit codes {codes}")


if __name__ == "__main__":
    main()
