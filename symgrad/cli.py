"""The ``symgrad`` command: list, derive, build, export, check, verify.

Every error becomes one line on stderr and a non-zero exit code (2 for usage errors and
unreadable input), never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from . import loss
from .errors import SymgradError

FORMATS = ("text", "tex", "md")
DERIVE_TIMEOUT = 5.0  # seconds; every catalog entry derives in well under one
# modules that contribute subcommands through add_cli(subparsers)
SUBCOMMAND_MODULES = ("symgrad.build", "symgrad.export", "symgrad.check", "symgrad.verify")


class UsageError(SymgradError):
    """A bad command line: exit code 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line naming the valid choices, not a usage dump."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def _list(args: argparse.Namespace) -> int:
    from . import catalog

    width = max(len(n) for n in catalog.names())
    for name in catalog.names():
        print(f"{name:<{width}}  {catalog.get(name).title}")
    return 0


def _derive(args: argparse.Namespace) -> int:
    from . import graph

    if (args.name is None) == (args.loss is None):
        raise UsageError("symgrad derive: give a catalog NAME or --loss LATEX (not both)")
    if args.name is not None and (args.define or args.given or args.wrt):
        raise UsageError("symgrad derive: --define, --given and --wrt go with --loss")
    if args.name is not None:
        d = graph.derive_entry(args.name, timeout=args.timeout)
    else:
        d = loss.derive_loss(args.loss, args.define, args.given, args.wrt, timeout=args.timeout)
    parts = [d]
    if args.hessian:
        parts += [graph.hessian(d, r.wrt) for r in d.results]
    if args.hvp:
        parts += [graph.hvp(d, r.wrt) for r in d.results]
    if args.format == "tex":  # one document, however many derivations
        from .latex import derivation_document

        sys.stdout.write(derivation_document(*parts))
        return 0
    for part in parts:
        out = part.text() if args.format == "text" else part.markdown()
        sys.stdout.write(out if out.endswith("\n") else out + "\n")
    return 0


def parser() -> argparse.ArgumentParser:
    """The full command-line parser, with the subcommands the back-end modules register."""
    p = _Parser(prog="symgrad", description="Derive, typeset, compile and verify gradients of ML losses.")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    ls = sub.add_parser("list", help="list the catalog entries")
    ls.set_defaults(func=_list)
    dv = sub.add_parser("derive", help="print the step-by-step derivation of a catalog entry or of your own loss")
    dv.add_argument("name", metavar="NAME", nargs="?", help="catalog entry (see `symgrad list`)")
    loss.add_loss_arguments(dv, r"L = \frac{1}{N}\sum_{n=1}^{N} (y_n - x_n w)^2")
    dv.add_argument("--hessian", action="store_true", help="also derive the second derivatives")
    dv.add_argument("--hvp", action="store_true",
                    help="also derive the Hessian-vector product H v (compiled, it never builds H)")
    dv.add_argument("--timeout", type=float, default=DERIVE_TIMEOUT, metavar="SECONDS",
                    help=f"stop a derivation that runs longer (default {DERIVE_TIMEOUT:g})")
    dv.add_argument("--format", choices=FORMATS, default="text", help="text (terminal), tex (standalone document), md")
    dv.set_defaults(func=_derive)
    for module in SUBCOMMAND_MODULES:
        importlib.import_module(module).add_cli(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    try:
        args = parser().parse_args(argv)
        return int(args.func(args))
    except UsageError as e:
        print(str(e), file=sys.stderr)
        return 2
    except SymgradError as e:
        print(f"symgrad: {e}", file=sys.stderr)
        return 2
    except Exception as e:  # noqa: BLE001 - a bug in symgrad: still one line, and a distinct exit code
        print(f"symgrad: internal error: {type(e).__name__}: {e} (please report this)", file=sys.stderr)
        return 3
    except SystemExit as e:  # --help and --version exit through argparse: return their code instead
        return int(e.code or 0)
    except KeyboardInterrupt:
        print("symgrad: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
