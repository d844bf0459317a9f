"""The command-line reference page of the documentation, generated from the parser itself."""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from types import ModuleType

from .arguments import subcommands


def _usage(action: argparse.Action) -> str:
    if not action.option_strings:
        return action.metavar or action.dest
    value = "" if action.nargs == 0 else f" {action.metavar or action.dest.upper()}"
    return ", ".join(action.option_strings) + value


def _cell(text: str) -> str:
    """Text for a Markdown table cell: a quoted LaTeX example as code, bars escaped."""
    text = re.sub(r"'([^']*[\\_^][^']*)'", r"`\1`", text.replace("\n", " "))
    return text.replace("|", r"\|")


def _details(action: argparse.Action) -> str:
    words = action.help or ""
    if action.choices is not None and not isinstance(action, argparse._SubParsersAction):
        words += f" (one of: {', '.join(map(str, action.choices))})"
    if isinstance(action, argparse._AppendAction):
        words += "; may be repeated"
    if action.required and action.option_strings:
        words += "; required"
    return words


def command_markdown(name: str, p: argparse.ArgumentParser, summary: str) -> str:
    """One subcommand: what it does, then each argument with its value and meaning."""
    rows = [f"| `{_cell(_usage(a))}` | {_cell(_details(a))} |" for a in p._actions
            if not isinstance(a, argparse._HelpAction)]
    lines = [f"## symgrad {name}", "", summary[:1].upper() + summary[1:] + "."]
    if p.description:
        lines += ["", p.description]
    table = ["| argument | meaning |", "| --- | --- |", *rows] if rows else ["No arguments."]
    return "\n".join([*lines, "", *table, ""])


def cli_markdown(header: str, whole: argparse.ArgumentParser, commands: Sequence[ModuleType]) -> str:
    """The whole command line as Markdown: every subcommand of ``whole`` with every argument, from the parser."""
    everything = subcommands(whole)
    sections = [command_markdown(c.NAME, everything[c.NAME], c.HELP) for c in commands]
    intro = ("Every error is one line on stderr; exit codes: 0 ok, 1 a mismatch, a wrong claim or drift, "
             "2 a usage error, unreadable input or an unknown name, 3 a bug in symgrad. A LaTeX value may start "
             "with `-` (`--claim -2x`). `symgrad --version` prints the version.")
    return "\n".join([header, "# Command line", "", intro, "", *sections])
