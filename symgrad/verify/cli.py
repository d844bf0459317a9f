"""``symgrad verify`` on the command line."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .overall_limit import verify


def add_cli(subparsers: Any) -> None:
    """Register ``symgrad verify`` on the ``symgrad`` command line."""
    p = subparsers.add_parser(
        "verify", help="judge a hand derivation written in LaTeX: proved, agrees, wrong or unreadable",
        description="Judge a claimed derivative. Exit code 0 proved/agrees, 1 wrong, 2 unreadable. "
                    "A LaTeX value starting with '-' needs the '=' form: --claim='-p_j p_i'.")
    p.add_argument("--claim", required=True, metavar="LATEX", help="the claim, possibly a chain A = B = C")
    p.add_argument("--of", metavar="LATEX", help="the derivative claimed, e.g. '\\frac{\\partial L}{\\partial w}'")
    p.add_argument("--define", action="append", default=[], metavar="LATEX", help="a definition, e.g. 'L = ...'")
    p.add_argument("--given", action="append", default=[], metavar="LATEX",
                   help="a shape, index range or constraint, e.g. '\\sum_k y_k = 1'")
    p.add_argument("--assume", action="append", default=[], metavar="LATEX", help="a case, e.g. 'i = j'")
    p.add_argument("--convention", choices=("unconstrained", "symmetric"), default=None,
                   help="by a declared symmetric matrix, judge by the unconstrained gradient G (what autodiff gives) or "
                        "by the symmetric G + G^T - diag G; without it either is accepted and the verdict names which")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--timeout", type=float, default=3.0, metavar="SECONDS",
                   help="time budget of the symbolic proof (default 3)")
    p.set_defaults(func=handler)


def handler(args: argparse.Namespace) -> int:
    """Run ``symgrad verify``: print the verdict; exit 0 proved/agrees, 1 wrong, 2 unreadable."""
    verdict = verify(args.claim, of=args.of, define=args.define, given=args.given, assume=args.assume,
                     timeout=args.timeout, convention=args.convention)
    if args.json:
        print(json.dumps(verdict.to_json(), ensure_ascii=False))
    else:  # unreadable input is an error: its one line goes to stderr, like every other CLI error
        print(verdict, file=sys.stderr if verdict.verdict == "unreadable" else sys.stdout)
    return verdict.exit_code
