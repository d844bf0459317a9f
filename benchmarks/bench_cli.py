"""How fast the command line answers: `symgrad --help` must not pay for SymPy.

Runs each command in a fresh process REPEAT times and prints the median wall-clock and CPU
seconds (CPU = user + system of the child, which a loaded machine inflates less than wall time).
Usage: python benchmarks/bench_cli.py
"""

from __future__ import annotations

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


def main() -> None:
    print("| command | median wall (s) | median CPU (s) |\n| --- | --- | --- |")
    for name, argv in COMMANDS.items():
        wall, cpu = measure(argv)
        print(f"| `{name}` | {wall:.3f} | {cpu:.3f} |")


if __name__ == "__main__":
    main()
