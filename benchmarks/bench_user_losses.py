"""The user-loss suite's scoreboard (issue 10, item 6): how many losses typed as practitioners write them are right,
refused, silently wrong, non-finite or crashed, per input kind and dtype; writes benchmarks/user-losses.md.

Run from the repository root: ``python benchmarks/bench_user_losses.py``. The cases, their references and the
judging rule are in ``tests/user_losses/`` (see ``evaluate.py`` for the truth and the tolerances).
"""

from __future__ import annotations

import collections
import datetime
import pathlib
import platform
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from user_losses import CASES
from user_losses.evaluate import DTYPES, KINDS, RTOL, Outcome, evaluate
from user_losses.refusals import REFUSED

OUT = ROOT / "benchmarks" / "user-losses.md"
FAILURES = ("silently wrong", "non-finite", "crashed", "refused, not named")
COLUMNS = ("right", "refused, named", *FAILURES, "n/a")


def label(case_id: str, outcome: Outcome) -> str:
    """The outcome's column: a refusal counts as named only when its message has the words ``REFUSED`` expects."""
    if outcome.kind != "refused":
        return outcome.kind
    return "refused, named" if REFUSED.get(case_id, "\n") in outcome.detail else "refused, not named"


def run() -> tuple[dict[tuple[str, str, str], Outcome], float]:
    """Every case at every input kind and dtype, and the seconds it took."""
    start = time.perf_counter()
    results = {}
    for c in CASES:
        for k in KINDS:
            for d in DTYPES:
                o = evaluate(c, k, d)
                results[c.id, k, d] = Outcome(label(c.id, o), o.detail)
    return results, time.perf_counter() - start


def table(results: dict[tuple[str, str, str], Outcome]) -> list[str]:
    """Counts of each outcome per (input kind, dtype), as Markdown rows."""
    rows = ["| input kind | dtype | " + " | ".join(COLUMNS) + " |", "|---|---|" + "---:|" * len(COLUMNS)]
    for kind in KINDS:
        for dtype in DTYPES:
            count = collections.Counter(o.kind for (_, k, d), o in results.items() if (k, d) == (kind, dtype))
            rows.append(f"| {kind} | {dtype} | " + " | ".join(str(count[x]) for x in COLUMNS) + " |")
    total = collections.Counter(o.kind for o in results.values())
    rows.append("| **all** | | " + " | ".join(f"**{total[x]}**" for x in COLUMNS) + " |")
    return rows


def by_case(results: dict[tuple[str, str, str], Outcome]) -> tuple[list[str], list[str]]:
    """The failing points (case, kind, dtype, why) and the refused cases with their messages, as Markdown."""
    failing = [f"| {cid} | {k} | {d} | {o.kind} | {o.detail} |" for (cid, k, d), o in results.items()
               if o.kind in FAILURES]
    refused = {cid: o.detail for (cid, k, d), o in results.items() if o.kind == "refused, named"}
    return failing, [f"| {cid} | {msg.replace('|', '&#124;')} |" for cid, msg in refused.items()]


def families() -> str:
    count = collections.Counter(c.family for c in CASES)
    return ", ".join(f"{f} {n}" for f, n in count.items())


def document(results: dict[tuple[str, str, str], Outcome], seconds: float) -> str:
    failing, refused = by_case(results)
    right_cases = sum(all(o.kind in ("right", "n/a") for (cid, _, _), o in results.items() if cid == c.id)
                      and any(o.kind == "right" for (cid, _, _), o in results.items() if cid == c.id) for c in CASES)
    lines = [
        "<!-- made by: python benchmarks/bench_user_losses.py (rerun it to remake this file) -->",
        "# User-loss suite (issue 10, item 6)",
        "",
        (f"{len(CASES)} losses typed as practitioners write them ({families()}), each compiled by symgrad and "
        "compared, loss and every gradient, with autograd on a hand-written autograd.numpy reference, the truth "
        "taken in longdouble. Right means within "
        f"{RTOL['float64']:g} (float64) or {RTOL['float32']:g} (float32) of the quantity's size, plus 10x autograd's "
        "own error in that dtype, plus 100 ulps of the largest number compared. n/a: the input kind does not apply "
        "to the case (nothing to move, or a kink at zero) or the truth is not finite there."),
        "",
        (f"{right_cases} of {len(CASES)} losses are right at every point that applies; "
        f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, Python {platform.python_version()}, "
        f"{seconds:.1f} s."),
        "",
        *table(results),
        "",
        "## Failing points (silently wrong, non-finite, crashed, refused without naming the construct)",
        "",
        "| case | input kind | dtype | outcome | why |",
        "|---|---|---|---|---|",
        *(failing or ["| none | | | | |"]),
        "",
        "## Cases refused with a message that names the construct",
        "",
        "| case | message |",
        "|---|---|",
        *refused,
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    results, seconds = run()
    for row in table(results):
        print(row)
    failing, _ = by_case(results)
    print(f"{len(failing)} failing points; {seconds:.1f} s; writing {OUT.relative_to(ROOT)}")
    OUT.write_text(document(results, seconds))


if __name__ == "__main__":
    main()
