"""The command line's parser: one-line usage errors with the closest spelling, and LaTeX values that start with '-'."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from ..errors import UsageError
from ..suggest import did_you_mean


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line naming the valid choices and the closest one, not a usage dump."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if action.choices is not None and value not in action.choices:
            choices = ", ".join(repr(c) for c in action.choices)
            hint = did_you_mean(str(value), [str(c) for c in action.choices])
            raise argparse.ArgumentError(action, f"invalid choice: {value!r}{hint} (choose from {choices})")


def _takes_one_value(action: argparse.Action) -> bool:
    return action.nargs is None and not isinstance(action, argparse._VersionAction)


def _option(parser: argparse.ArgumentParser, token: str) -> argparse.Action:
    """The option ``token`` names (in full or by a unique prefix, as argparse allows); a usage error otherwise."""
    options = parser._option_string_actions
    if token in options:
        return options[token]
    matches = {options[o] for o in options if o.startswith(token) and o.startswith("--")}
    if len(matches) == 1:
        return matches.pop()
    if matches:
        return parser.error(f"ambiguous option {token}: could be {', '.join(sorted(o for o in options if o.startswith(token)))}")
    return parser.error(f"unrecognized option {token}{did_you_mean(token, options)}")


def prepare(parser: argparse.ArgumentParser, argv: Sequence[str]) -> list[str]:
    """``argv`` as argparse should read it: an unknown ``--option`` is refused with the closest spelling,
    and a value that starts with '-' is glued to its option (``--claim -2x`` becomes ``--claim=-2x``;
    argparse alone reads ``-2x`` as an option and says "expected one argument")."""
    out: list[str] = []
    tokens = list(argv)
    while tokens:
        token = tokens.pop(0)
        if token == "--":
            return out + [token, *tokens]
        if not token.startswith("--") or token == "--":
            out.append(token)
            continue
        action = _option(parser, token.partition("=")[0])
        value = tokens[0] if tokens else ""
        glue = ("=" not in token and _takes_one_value(action) and value.startswith("-") and value != "-"
                and not value.startswith("--") and value not in parser._option_string_actions)
        out.append(f"{token}={tokens.pop(0)}" if glue else token)
    return out


def entries_first(subparsers: argparse._SubParsersAction, command: str,
                  entries: Callable[[argparse.Namespace], Sequence[str]]) -> None:
    """Make ``command`` refuse a misspelled catalog entry (with the closest names) before any work."""
    p = subparsers.choices[command]
    handler = p.get_default("func")

    def run(args: argparse.Namespace) -> int:
        from ..entries import require_entries  # loads the catalog (and SymPy): not for --help

        require_entries(entries(args))
        return int(handler(args))

    p.set_defaults(func=run)


def subcommands(p: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The parser of each subcommand of ``p``, by name."""
    return next(a for a in p._actions if isinstance(a, argparse._SubParsersAction)).choices
