"""``symgrad check``: compiled gradients against autodiff (arguments in ``symgrad.check``)."""

from __future__ import annotations

import argparse

from .arguments import entries_first

NAME = "check"
HELP = "compare compiled gradients with real autodiff or finite differences"


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``symgrad check`` as ``symgrad.check`` defines it; a misspelled entry gets the closest names."""
    from ..check import add_cli

    add_cli(subparsers)
    entries_first(subparsers, NAME, lambda args: [args.name])
