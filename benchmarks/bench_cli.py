"""How fast the command line answers: `symgrad --help` must not pay for SymPy.

Runs each command in a fresh process REPEAT times and prints the median wall-clock and CPU
seconds (CPU = user + system of the child, which a loaded machine inflates less than wall time).
With --verify, times `symgrad verify` instead over the fixed sample of 30 corpus cases that
benchmarks/bench_corpus.py times (the issue's bar: a median of at most 1 s), without judging the corpus.
Usage: python benchmarks/bench_cli.py [--verify]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

REPEAT = 7
COMMANDS = {
    "python -c pass (interpreter start)": [sys.executable, "-c", "pass"],
    "symgrad --help": [sys.executable, "-m", "symgrad", "--help"],
    "symgrad --version": [sys.executable, "-m", "symgrad", "--version"],
    "python -c 'import symgrad'": [sys.executable, "-c", "import symgrad"],
    "python -c 'import sympy' (for scale)": [sys.executable, "-c", "import sympy"],
    "python -c 'import symgrad.verify'": [sys.executable, "-c", "import symgrad.verify"],
    "symgrad list": [sys.executable, "-m", "symgrad", "list"],
}


def measure(argv: list[str]) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(REPEAT):
        before = os.times()
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True)
        walls.append(time.perf_counter() - start)
        after = os.times()
        cpus.append(after.children_user - before.children_user + after.children_system - before.children_system)
    return statistics.median(walls), statistics.median(cpus)


def verify_sample() -> str:
    """bench_corpus's command-line timing alone: median, min and max wall time, mean CPU, the load average."""
    from bench_corpus import cli_seconds, load  # benchmarks/ is on the path: it is the script's folder

    before = os.times()
    walls = cli_seconds(load())
    after = os.times()
    cpu = (after.children_user - before.children_user + after.children_system - before.children_system) / len(walls)
    return (f"`symgrad verify` from the command line, fresh process: median {statistics.median(walls):.2f} s over "
            f"{len(walls)} cases (min {min(walls):.2f} s, max {max(walls):.2f} s; mean CPU {cpu:.2f} s; load average "
            f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs when it finished)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verify", action="store_true", help="time symgrad verify over bench_corpus's 30-case sample")
    if parser.parse_args(argv).verify:
        print(verify_sample())
        return
    print("| command | median wall (s) | median CPU (s) |\n| --- | --- | --- |")
    for name, command in COMMANDS.items():
        wall, cpu = measure(command)
        print(f"| `{name}` | {wall:.3f} | {cpu:.3f} |")


if __name__ == "__main__":
    main()
