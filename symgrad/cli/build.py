"""``symgrad build``: the derivations folder, written or checked (arguments in ``symgrad.build``)."""

from __future__ import annotations

import argparse

NAME = "build"
HELP = "write the derivations folder (.tex, .md, index) from the catalog"


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``symgrad build`` as ``symgrad.build`` defines it."""
    from ..build import add_cli

    add_cli(subparsers)
