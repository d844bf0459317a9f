"""How long symgrad takes to import and derive, in fresh processes, against SymPy's own diff/doit/simplify.

Run by hand (not part of pytest):

    python benchmarks/bench_derive.py            # print the tables
    python benchmarks/bench_derive.py --write    # also put them into benchmarks/README.md

Every measurement runs in a new ``python`` process (nothing cached from a previous derivation), repeated
``--repeat`` times; the table shows medians. The SymPy baseline inlines the graph's definitions into the
target (what a person would hand to SymPy), then times ``diff`` with respect to the same element
(``w[i, j]``), ``doit`` and ``simplify``, each entry in its own process with a time limit.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import json
import os
import platform
import statistics
import subprocess
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGETS = {"import": None, "softmax + cce-logits": 0.050, "whole catalog": 5.0}

# Each probe prints one JSON object on its last line.
SYMGRAD_PROBE = textwrap.dedent("""
    import json, time
    t0 = time.perf_counter()
    import symgrad
    t1 = time.perf_counter()
    names = {names!r} or symgrad.names()
    per = {{}}
    for n in names:
        s = time.perf_counter()
        symgrad.derive(n)
        per[n] = time.perf_counter() - s
    t2 = time.perf_counter()
    print(json.dumps({{"import": t1 - t0, "derive": t2 - t1, "per": per}}))
""")

SYMPY_PROBE = textwrap.dedent("""
    import json, time
    import sympy as sp
    import symgrad
    from symgrad.tensors import name_of
    d = symgrad.derive({name!r})
    g = d.graph
    expr = g.definition(g.target).rhs
    for defn in reversed(g.definitions[:-1]):  # inline every named intermediate into the target
        expr = expr.replace(lambda e: (isinstance(e, sp.Indexed) and name_of(e) == defn.name)
                            or (isinstance(e, sp.Symbol) and e.name == defn.name and not defn.indices),
                            lambda e: defn.at(*e.indices) if isinstance(e, sp.Indexed) else defn.rhs)
    out = {{}}
    for r in d.results:
        row = {{"symgrad_ops": int(sp.count_ops(r.expr))}}
        df = expr
        for stage, step in (("diff", lambda e: sp.diff(e, r.var)), ("doit", lambda e: e.doit()),
                            ("simplify", sp.simplify)):
            t0 = time.perf_counter()
            try:
                df = step(df)
            except Exception as e:  # SymPy crashes on some Sum/KroneckerDelta forms: that is the finding
                row["error"] = f"{{stage}} raised {{type(e).__name__}} after {{time.perf_counter() - t0:.2f}} s"
                break
            row[stage] = time.perf_counter() - t0
        else:
            row["ops"] = int(sp.count_ops(df))
        out[r.wrt] = row
    print(json.dumps(out))
""")


def run(code: str, timeout: float) -> dict | str:
    """Run ``code`` in a fresh interpreter; its JSON result, or a short reason why there is none."""
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return f"timed out after {timeout:g} s"
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        return f"failed: {last[:120]}"
    return json.loads(done.stdout.strip().splitlines()[-1])


def symgrad_times(repeat: int) -> dict[str, float]:
    """Medians over fresh processes: import, the two-entry derivation, the whole catalog (and per entry)."""
    pair = [run(SYMGRAD_PROBE.format(names=["softmax", "cce-logits"]), 120) for _ in range(repeat)]
    whole = [run(SYMGRAD_PROBE.format(names=[]), 300) for _ in range(repeat)]
    for r in pair + whole:
        if isinstance(r, str):
            raise SystemExit(f"symgrad probe {r}")
    out = {"import": statistics.median(r["import"] for r in pair + whole),
           "softmax + cce-logits": statistics.median(r["derive"] for r in pair),
           "whole catalog": statistics.median(r["derive"] for r in whole)}
    for name in whole[0]["per"]:
        out[name] = statistics.median(r["per"][name] for r in whole)
    return out


def markdown(times: dict[str, float], sympy: dict[str, dict | str], timeout: float) -> str:
    lines = ["| what (fresh process) | symgrad, median | target | met |", "| --- | ---: | ---: | :---: |"]
    for what, target in TARGETS.items():
        if target is None:
            lines.append(f"| {what} | {times[what] * 1e3:.1f} ms | none | |")
            continue
        lines.append(f"| {what} | {times[what] * 1e3:.1f} ms | {target * 1e3:g} ms | "
                     f"{'yes' if times[what] <= target else 'NO'} |")
    lines += ["", ("Per entry, inside the whole-catalog process (so later entries reuse warmed SymPy caches), "
                   "against SymPy on the inlined definitions (`diff` → `doit` → `simplify`, each entry in a fresh "
                   f"process, limit {timeout:g} s). `ops` is `sympy.count_ops` of the final expression."), "",
              ("| entry | d/d | symgrad derive | SymPy diff | doit | simplify | SymPy total | ratio | SymPy ops "
               "| symgrad ops |"),
              "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, result in sympy.items():
        ours = times[name]
        if isinstance(result, str):
            lines.append(f"| {name} | all | {ours * 1e3:.0f} ms | {result} | | | | | | |")
            continue
        for wrt, r in result.items():
            if "error" in r:
                done = " ".join(f"{k} {r[k] * 1e3:.0f} ms," for k in ("diff", "doit") if k in r)
                lines.append(f"| {name} | {wrt} | {ours * 1e3:.0f} ms | {done} {r['error']} | | | | | | "
                             f"{r['symgrad_ops']} |")
                continue
            total = r["diff"] + r["doit"] + r["simplify"]
            lines.append(f"| {name} | {wrt} | {ours * 1e3:.0f} ms | {r['diff'] * 1e3:.0f} ms | {r['doit'] * 1e3:.0f} ms "
                         f"| {r['simplify'] * 1e3:.0f} ms | {total * 1e3:.0f} ms | {total / ours:.1f}x | {r['ops']} "
                         f"| {r['symgrad_ops']} |")
    return "\n".join(lines)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=5, help="fresh processes per measurement (default 5)")
    p.add_argument("--timeout", type=float, default=120.0, help="seconds allowed per SymPy baseline entry")
    p.add_argument("--write", action="store_true", help="write the tables into benchmarks/README.md")
    args = p.parse_args()
    start_load = os.getloadavg()[0]
    times = symgrad_times(args.repeat)
    names = [n for n in times if n not in TARGETS]
    sympy = {}
    for name in names:
        sympy[name] = run(SYMPY_PROBE.format(name=name), args.timeout)
        print(f"sympy baseline {name}: {'done' if isinstance(sympy[name], dict) else sympy[name]}", file=sys.stderr)
    table = (f"Measured {datetime.date.today().isoformat()}, Python {platform.python_version()}, SymPy "
             f"{importlib.metadata.version('sympy')}, {os.cpu_count()} cores; load average (1 min) {start_load:.2f} "
             f"at the start, {os.getloadavg()[0]:.2f} at the end.\n\n" + markdown(times, sympy, args.timeout))
    print(table)
    if args.write:
        from bench_compiled import replace_section

        replace_section(HERE / "README.md", "derive", table)


if __name__ == "__main__":
    main()
