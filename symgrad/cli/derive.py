"""``symgrad derive``: the step-by-step derivation of a catalog entry or of your own loss."""

from __future__ import annotations

import argparse
import sys

from ..errors import UsageError

NAME = "derive"
HELP = "print the step-by-step derivation of a catalog entry or of your own loss"
FORMATS = ("text", "tex", "md")
DERIVE_TIMEOUT = 5.0  # seconds; every catalog entry derives in well under one


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``symgrad derive`` and its options to the command line."""
    from ..loss import add_loss_arguments

    dv = subparsers.add_parser(NAME, help=HELP)
    dv.add_argument("name", metavar="NAME", nargs="?", help="catalog entry (see `symgrad list`)")
    add_loss_arguments(dv, r"L = \frac{1}{N}\sum_{n=1}^{N} (y_n - x_n w)^2")
    dv.add_argument("--hessian", action="store_true", help="also derive the second derivatives")
    dv.add_argument("--hvp", action="store_true",
                    help="also derive the Hessian-vector product H v (compiled, it never builds H)")
    dv.add_argument("--timeout", type=float, default=DERIVE_TIMEOUT, metavar="SECONDS",
                    help=f"stop a derivation that runs longer (default {DERIVE_TIMEOUT:g})")
    dv.add_argument("--format", choices=FORMATS, default="text", help="text (terminal), tex (standalone document), md")
    dv.add_argument("--self-check", action="store_true",
                    help="check each result against central differences of the definitions (50 digits) before "
                         "printing; a disagreement is an internal error, exit 3")
    dv.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the derivation (and its second derivatives when asked) in the chosen format."""
    from .. import derive, graph

    if (args.name is None) == (args.loss is None):
        raise UsageError("symgrad derive: give a catalog NAME or --loss LATEX (not both)")
    if args.name is not None and (args.define or args.given or args.wrt):
        raise UsageError("symgrad derive: --define, --given and --wrt go with --loss")
    if args.name is not None:
        d = derive(args.name, timeout=args.timeout)
    else:
        d = derive(loss=args.loss, define=args.define, given=args.given, wrt=args.wrt, timeout=args.timeout)
    if args.self_check:
        from ..verify import self_check

        self_check(d)
    parts = [d]
    if args.hessian:
        parts += [graph.hessian(d, r.wrt) for r in d.results]
    if args.hvp:
        parts += [graph.hvp(d, r.wrt) for r in d.results]
    if args.format == "tex":  # one document, however many derivations
        from ..latex import derivation_document

        sys.stdout.write(derivation_document(*parts))
        return 0
    for part in parts:
        out = part.text() if args.format == "text" else part.markdown()
        sys.stdout.write(out if out.endswith("\n") else out + "\n")
    return 0
