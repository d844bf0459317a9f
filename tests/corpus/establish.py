"""Establish each corpus case's verdict independently of symgrad: autograd against the claim at random points.

Each case's ``reference`` (see ``README.md``) gives the page's definition as a function that autograd
differentiates (``truth``) and the page's claim, member by member, as plain autograd.numpy (``claim``).
Both are evaluated at random points of small concrete sizes; a claim is right when every member agrees
with the truth at every point (relative 1e-7), wrong when one member differs somewhere by more than
1e-4, and anything in between is an error to fix in the reference. symgrad is never imported here.

    python tests/corpus/establish.py            # write evidence.json, fail if a verdict differs from `expected`
    python tests/corpus/establish.py --check    # compare with evidence.json without writing it
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from typing import Any

import autograd.numpy as np
from autograd import elementwise_grad, grad, hessian, jacobian

if __package__ in (None, ""):
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))
from corpus.cases import SETS, Case, load

POINTS = 6
RIGHT_TOL = 1e-7
WRONG_TOL = 1e-4


class ReferenceError(Exception):
    """A reference that cannot be evaluated or gives an inconclusive comparison: names the case."""


def softmax(z: Any, axis: int = -1) -> Any:
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def logsumexp(z: Any, axis: int | None = None) -> Any:
    m = np.max(z)
    return m + np.log(np.sum(np.exp(z - m), axis=axis))


def sigmoid(z: Any) -> Any:
    return 1 / (1 + np.exp(-z))


def erf(x: Any) -> Any:
    """erf by its Maclaurin series (enough terms for |x| < 3), so that autograd differentiates it."""
    total, term = 0.0, x
    for n in range(60):
        total = total + term / (2 * n + 1)
        term = -term * x * x / (n + 1)
    return 2 / np.sqrt(np.pi) * total


def _samplers(rng: np.random.RandomState) -> dict[str, Any]:
    """The input domains a reference may name: ``normal(3)``, ``positive(2, 3)``, ``onehot(4)``, ..."""

    def spd(n: int) -> Any:
        a = rng.normal(size=(n, n))
        return a @ a.T + n * np.eye(n)

    def onehot(n: int, rows: int | None = None) -> Any:
        if rows is None:
            return np.eye(n)[rng.randint(n)]
        return np.eye(n)[rng.randint(n, size=rows)]

    def simplex(n: int) -> Any:
        v = rng.uniform(0.1, 1.0, size=n)
        return v / v.sum()

    return {
        "normal": lambda *shape: rng.normal(size=shape) if shape else float(rng.normal()),
        "positive": lambda *shape: rng.uniform(0.2, 2.0, size=shape) if shape else float(rng.uniform(0.2, 2.0)),
        "unit": lambda *shape: rng.uniform(0.05, 0.95, size=shape) if shape else float(rng.uniform(0.05, 0.95)),
        "binary": lambda *shape: rng.randint(2, size=shape).astype(float) if shape else float(rng.randint(2)),
        "signs": lambda *shape: rng.choice([-1.0, 1.0], size=shape) if shape else float(rng.choice([-1.0, 1.0])),
        "integer": lambda low, high: int(rng.randint(low, high + 1)),
        "onehot": onehot,
        "simplex": simplex,
        "spd": spd,
    }


def offdiag(m: Any) -> Any:
    """The entries of a square matrix off its diagonal (the i != j case), as a vector."""
    return m[~np.eye(m.shape[0], dtype=bool)]


VOCABULARY = {"np": np, "grad": grad, "jacobian": jacobian, "hessian": hessian, "egrad": elementwise_grad,
              "softmax": softmax, "logsumexp": logsumexp, "sigmoid": sigmoid, "erf": erf, "offdiag": offdiag}


def _evaluate(case: Case, point: int) -> tuple[dict[str, Any], Any, list[Any]]:
    ref = case.reference
    rng = np.random.RandomState(zlib.crc32(f"{case.id}/{point}".encode()))
    scope: dict[str, Any] = {**VOCABULARY, **ref.get("sizes", {})}
    samplers = _samplers(rng)
    inputs = {}
    for name, spec in ref.get("inputs", {}).items():
        inputs[name] = scope[name] = eval(spec, {**scope, **samplers})
    for name, expr in ref.get("let", {}).items():
        scope[name] = eval(expr, scope)
    claims = ref["claim"] if isinstance(ref["claim"], list) else [ref["claim"]]
    truth = np.asarray(eval(ref["truth"], scope), dtype=float)
    return inputs, truth, [np.asarray(eval(c, scope), dtype=float) for c in claims]


SHAPE_ERROR = 1e9  # the error recorded for a member whose shape cannot be the derivative's (diag(s) for a gradient)


def _error(claim: Any, truth: Any) -> float:
    """The largest difference relative to 1 + |truth|, elementwise; SHAPE_ERROR when the shapes cannot match."""
    try:
        claim = np.broadcast_to(claim, truth.shape)
    except ValueError:
        return SHAPE_ERROR
    return float(np.max(np.abs(claim - truth) / (1 + np.abs(truth)))) if truth.size else 0.0


def establish(case: Case) -> dict[str, Any]:
    """The evidence for one case: its established verdict, the largest error of each member, a counterexample."""
    points = case.reference.get("points", POINTS)
    errors: list[float] = []
    counterexample = None
    for point in range(points):
        try:
            inputs, truth, members = _evaluate(case, point)
        except Exception as e:
            raise ReferenceError(f"{case.id}: the reference does not evaluate: {type(e).__name__}: {e}") from e
        if not errors:
            errors = [0.0] * len(members)
        for m, member in enumerate(members):
            err = _error(member, truth)
            if case.reference.get("layout") and truth.ndim == 2:  # a matrix derivative in the other layout
                err = min(err, _error(member, truth.T))
            if not np.isfinite(err):
                raise ReferenceError(f"{case.id}: member {m + 1} is not finite at point {point}")
            if err > WRONG_TOL and counterexample is None:
                counterexample = {"member": m + 1, "point": point,
                                  "inputs": {k: np.round(np.asarray(v, float), 4).tolist() for k, v in inputs.items()},
                                  "truth": np.round(truth, 6).tolist(), "claim": np.round(member, 6).tolist(),
                                  "shapes": [list(truth.shape), list(member.shape)]}
            errors[m] = max(errors[m], err)
    if any(RIGHT_TOL < e <= WRONG_TOL for e in errors):
        raise ReferenceError(f"{case.id}: inconclusive, member errors {errors}")
    verdict = "wrong" if any(e > WRONG_TOL for e in errors) else "right"
    return {"established": verdict, "points": points, "member_errors": [float(f"{e:.3g}") for e in errors],
            "counterexample": counterexample}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with evidence.json, do not write it")
    parser.add_argument("--set", default="corpus", choices=[s.name for s in SETS],
                        help="which set: corpus (cases/, the default), heldout (heldout/) or heldout2 (heldout2/)")
    args = parser.parse_args(argv)
    chosen = next(s for s in SETS if s.name == args.set)
    directory, path = chosen.directory, chosen.evidence
    cases = {c.id: c for c in load(directory)}
    evidence = {i: establish(case) for i, case in cases.items()}
    differ = [i for i, e in evidence.items() if e["established"] != cases[i].expected]
    for i in differ:
        print(f"{i}: expected {cases[i].expected}, autograd says {evidence[i]['established']}", file=sys.stderr)
    if args.check:
        recorded = json.loads(path.read_text()) if path.exists() else {}
        stale = sorted(i for i in evidence if recorded.get(i, {}).get("established") != evidence[i]["established"])
        for i in stale:
            print(f"{i}: evidence.json is stale or missing", file=sys.stderr)
        differ += stale
    else:
        path.write_text(json.dumps(evidence, indent=1, ensure_ascii=False) + "\n")
    right = sum(e["established"] == "right" for e in evidence.values())
    print(f"{len(evidence)} cases: {right} right, {len(evidence) - right} wrong; {len(differ)} problem(s)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
