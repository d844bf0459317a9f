"""symgrad's verdicts on the corpus of real hand derivations (tests/corpus/): rates per tier, misses by stage, CLI time.

Run by hand (not part of pytest):

    python benchmarks/bench_corpus.py                        # print the table, write benchmarks/corpus.md
    python benchmarks/bench_corpus.py --update-known-misses  # also rewrite tests/corpus/known_misses.txt
    python benchmarks/bench_corpus.py --no-cli               # skip the command-line timing
    python benchmarks/bench_corpus.py --readme               # also put the per-tier table into benchmarks/README.md

Verdicts come from ``symgrad.verify`` in process (one fork per case, 10 s limit), scored against the
verdicts that tests/corpus/establish.py established with autograd. The command-line time is the median
wall time of ``python -m symgrad verify ...`` in a fresh process over a fixed sample of 30 cases.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
from bench_compiled import replace_section  # benchmarks/ is on the path: it is the script's folder
from corpus.cases import KNOWN_MISSES, SETS, STAGES, TIERS, WORKERS, Case, Outcome, judge_all, load

REPORT = HERE / "corpus.md"
CLI_SAMPLE = 30


def cli_seconds(cases: Sequence[Case], sample: int = CLI_SAMPLE) -> list[float]:
    """Wall time of ``python -m symgrad verify`` in a fresh process for a fixed random sample of the cases."""
    chosen = sorted(random.Random(0).sample(list(cases), min(sample, len(cases))), key=lambda c: c.id)
    # as installed: pip writes the bytecode; a shell with PYTHONDONTWRITEBYTECODE would time compiling symgrad instead
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "symgrad")], env=env, check=True)
    times = []
    for case in chosen:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "symgrad", "verify", *case.cli_arguments()], capture_output=True,
                       timeout=60, check=False, env=env)
        times.append(time.perf_counter() - start)
    return times


def _rate(outcomes: Sequence[Outcome]) -> str:
    right = sum(o.right for o in outcomes)
    return f"{right}/{len(outcomes)} ({100 * right / len(outcomes):.0f}%)" if outcomes else "-"


def table(outcomes: Sequence[Outcome]) -> list[str]:
    """The Markdown lines: right-verdict rates overall and per tier, false-correct, misses by kind and stage."""
    rows = [("all", list(outcomes))] + [(tier, [o for o in outcomes if o.case.tier == tier]) for tier in TIERS]
    lines = ["| tier | cases | right claims | wrong claims | right verdicts | false-correct | unreadable |",
             "|---|---|---|---|---|---|---|"]
    for name, group in rows:
        lines.append(f"| {name} | {len(group)} | {sum(o.case.expected == 'right' for o in group)} "
                     f"| {sum(o.case.expected == 'wrong' for o in group)} | {_rate(group)} "
                     f"| {sum(o.false_correct for o in group)} | {sum(o.verdict == 'unreadable' for o in group)} |")
    stages = collections.Counter(o.stage for o in outcomes if o.stage)
    kinds = collections.Counter(o.verdict for o in outcomes if not o.right)
    lines += ["", "Unreadable, by the input it could not read: "
              + ", ".join(f"{s} {stages.get(s, 0)}" for s in (*STAGES, "judge")) + ".",
              "Misses by symgrad's verdict: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + "."]
    return lines


def report(results: dict[str, Sequence[Outcome]], cli: list[float]) -> str:
    """benchmarks/corpus.md: how it was made, a table per set (``SETS``), the CLI time, the per-case seconds."""
    outcomes = results["corpus"]
    per_case = sorted(o.seconds for o in outcomes)
    lines = ["# symgrad verify on the corpus of real hand derivations", "",
             (f"Made by `python benchmarks/bench_corpus.py` on {datetime.date.today()}, Python "
             f"{platform.python_version()}, {platform.machine()}; cases in `tests/corpus/` "
             "(format and how each verdict was established: `tests/corpus/README.md`)."), "",
             *table(outcomes), ""]
    for case_set in SETS[1:]:
        if results.get(case_set.name):
            lines += [f"## {case_set.about.split(' (')[0].capitalize()}", "",
                      f"{len(results[case_set.name])} cases: {case_set.about}.", "", *table(results[case_set.name]), ""]
    if cli:
        lines.append(f"`symgrad verify` from the command line, fresh process: median {statistics.median(cli):.2f} s "
                     f"over {len(cli)} cases (min {min(cli):.2f} s, max {max(cli):.2f} s; load average "
                     f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs when it finished).")
    lines.append(f"In process (one fork each, {WORKERS} at a time): median {statistics.median(per_case):.2f} s per case, "
                 f"max {per_case[-1]:.2f} s, total {sum(per_case):.1f} s.")
    return "\n".join(lines) + "\n"


def write_known_misses(outcomes: Sequence[Outcome]) -> int:
    """Rewrite known_misses.txt with every case symgrad gets wrong (a comment says what it said)."""
    missed = [o for o in outcomes if not o.right]  # of the sets the reader is developed against
    lines = [("# Cases symgrad does not yet get right; written by python benchmarks/bench_corpus.py "
             "--update-known-misses"), "# (a false-correct is never excused by this list: test_corpus.py fails on it)"]
    lines += [f"{o.case.id}  # {o.verdict}{f' ({o.stage})' if o.stage else ''}: {o.message.splitlines()[0][:100]}"
              for o in missed]
    # a case marked load-dependent by hand (right here, missed under CI's load) stays listed while it is right
    ids = {o.case.id for o in missed}
    kept = [line for line in KNOWN_MISSES.read_text().splitlines()
            if "# load-dependent:" in line and line.split()[0] not in ids] if KNOWN_MISSES.exists() else []
    KNOWN_MISSES.write_text("\n".join(lines + kept) + "\n")
    return len(missed) + len(kept)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--update-known-misses", action="store_true", help="rewrite tests/corpus/known_misses.txt")
    parser.add_argument("--no-cli", action="store_true", help="skip the command-line timing")
    parser.add_argument("--readme", action="store_true",
                        help="also replace the corpus table in benchmarks/README.md (by default only corpus.md)")
    args = parser.parse_args(argv)
    results = {case_set.name: judge_all(load(case_set.directory)) for case_set in SETS}
    cli = [] if args.no_cli else cli_seconds(load())
    text = report(results, cli)
    REPORT.write_text(text)
    if args.readme:  # the rates per tier: README section names are the set names
        for case_set in SETS:
            if results[case_set.name]:
                replace_section(HERE / "README.md", case_set.name, "\n".join(table(results[case_set.name])))
    print(text)
    if args.update_known_misses:
        tuned = [o for case_set in SETS if case_set.tuned for o in results[case_set.name]]
        print(f"{write_known_misses(tuned)} known misses written to {KNOWN_MISSES}")
    return 1 if any(o.false_correct for found in results.values() for o in found) else 0

if __name__ == "__main__":
    sys.exit(main())
