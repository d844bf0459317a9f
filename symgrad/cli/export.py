"""``symgrad export``: a standalone NumPy module (arguments in ``symgrad.export``)."""

from __future__ import annotations

import argparse

from .arguments import entries_first

NAME = "export"
HELP = "write compiled loss and gradient functions as a standalone NumPy module"


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``symgrad export`` as ``symgrad.export`` defines it; a misspelled entry gets the closest names."""
    from ..export import add_cli

    add_cli(subparsers)
    entries_first(subparsers, NAME, lambda args: args.names)
