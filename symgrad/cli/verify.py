"""``symgrad verify``: a verdict on a hand derivation (arguments in ``symgrad.verify``)."""

from __future__ import annotations

import argparse

NAME = "verify"
HELP = "judge a hand derivation written in LaTeX: proved, agrees, wrong or unreadable"


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``symgrad verify`` as ``symgrad.verify`` defines it."""
    from ..verify import add_cli

    add_cli(subparsers)
