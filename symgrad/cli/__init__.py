"""The ``symgrad`` command: list, derive, build, export, check, verify, docs.

Every error becomes one line on stderr and a non-zero exit code (2 for usage errors and
unreadable input, 3 for a bug in symgrad), never a traceback. Only the subcommand being run
is loaded, so that ``symgrad --help`` answers without importing SymPy.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Collection, Sequence

from .._version import __version__
from ..errors import SelfCheckError, SymgradError, UsageError
from . import build, check, derive, docs, export, listing, verify
from .arguments import Parser, prepare, subcommands
from .terminal import Progress, any_encoding, quiet_closed_pipe

__all__ = ["COMMANDS", "UsageError", "main", "parser", "subcommands"]

# one module per subcommand, in the order `symgrad --help` lists them
COMMANDS = (listing, derive, build, export, check, verify, docs)
PROGRESS_AFTER = 2.0  # seconds of silence before a terminal shows that work goes on


def parser(load: Collection[str] | None = None) -> argparse.ArgumentParser:
    """The command-line parser; ``load`` names the subcommands whose arguments are read (all when None),
    the others are listed with their one-line help only."""
    p = Parser(prog="symgrad", description="Derive, typeset, compile and verify gradients of ML losses.")
    p.add_argument("--version", action="version", version=f"symgrad {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True
    for command in COMMANDS:
        if load is None or command.NAME in load:
            command.register(sub)
        else:
            sub.add_parser(command.NAME, help=command.HELP)
    # `symgrad docs` writes the reference of the whole command line: it gets the parser from here, not by import
    p.set_defaults(whole_parser=parser, commands=COMMANDS)
    return p


def _command(argv: Sequence[str]) -> str | None:
    """The subcommand in ``argv`` (the first word that is not an option), if any."""
    return next((a for a in argv if not a.startswith("-")), None)


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    """Parse with only the named subcommand loaded; each part of ``argv`` prepared by its own parser."""
    name = _command(argv)
    p = parser({name} if name else ())
    if name not in subcommands(p):
        return p.parse_args(prepare(p, argv))
    at = list(argv).index(name)
    return p.parse_args([*prepare(p, argv[:at]), name, *prepare(subcommands(p)[name], argv[at + 1:])])


def _run(args: argparse.Namespace) -> int:
    with Progress(f"symgrad {args.command}", sys.stderr, after=PROGRESS_AFTER):
        code = int(args.func(args))
    sys.stdout.flush()  # a closed pipe shows here, inside the handlers below, not at interpreter exit
    return code


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code. As the process's own command line (``argv`` None), the objects
    that the subcommand's imports and its run make live to the process's end: the collector is off while the modules
    load, then never walks them (gc.freeze), nor at interpreter shutdown, where SymPy's objects took 0.1-0.3 s of a
    verify's CPU time. Called with arguments (tests, other programs), the collector is left alone."""
    if argv is not None:
        return _main(argv, loaded=lambda: None)
    gc.disable()
    try:
        return _main(sys.argv[1:], loaded=_frozen)
    finally:
        _frozen()


def _frozen() -> None:
    gc.freeze()
    gc.enable()


def _main(argv: Sequence[str], loaded: Callable[[], None]) -> int:
    """The command line's exit code; ``loaded`` is called once the subcommand's modules are imported."""
    any_encoding(sys.stdout, sys.stderr)
    try:
        args = _parse(argv)
        loaded()
        return _run(args)
    except BrokenPipeError:  # `symgrad list | head -1`: the reader has all it wanted
        quiet_closed_pipe()
        return 0
    except SelfCheckError as e:  # the engine disagrees with the definitions: a bug in symgrad, not the input
        print(f"symgrad: internal error: {e} (please report this)", file=sys.stderr)
        return 3
    except SymgradError as e:
        print(str(e) if isinstance(e, UsageError) else f"symgrad: {e}", file=sys.stderr)
        return 2
    except SystemExit as e:  # --help and --version exit through argparse: return their code instead
        return int(e.code or 0)
    except KeyboardInterrupt:
        print("symgrad: interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # noqa: BLE001 - a bug in symgrad: still one line, and a distinct exit code
        print(f"symgrad: internal error: {type(e).__name__}: {e} (please report this)", file=sys.stderr)
        return 3
