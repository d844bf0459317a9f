"""The long fuzz run of verify, derive and parse: ``tests/test_fuzz_verify.py``'s generator for many inputs.

    python benchmarks/fuzz_verify.py --inputs 3000 --seed 1          # corpus and every catalog entry

Each input runs in a fork with the test's limits (3 s, re-run at 30 s before it counts as a hang; 2 GB of
address space). Prints the outcomes by kind and each failing input with its first line; numbers go in
``benchmarks/fuzz_verify.md``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import test_fuzz_verify as fuzzing  # the test module is the source of the inputs, the limits and the judging


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inputs", type=int, default=3000, help="how many inputs (default 3000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--corpus-only", action="store_true", help="leave out the catalog entries' printed results")
    args = ap.parse_args()
    from symgrad import catalog

    entries = () if args.corpus_only else tuple(sorted(catalog.ENTRIES))
    start = time.perf_counter()
    tally = fuzzing.fuzz(args.inputs, args.seed, entries)
    print(f"{args.inputs} inputs, seed {args.seed}, {len(entries)} catalog entries, "
          f"{time.perf_counter() - start:.0f} s")
    print(fuzzing.report(tally))
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
