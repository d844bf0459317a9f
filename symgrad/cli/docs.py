"""``symgrad docs``: the documentation's generated pages (gallery, command-line reference), written or checked."""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

NAME = "docs"
HELP = "write the documentation's generated pages (gallery, command-line reference) into DIR"


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``symgrad docs DIR [--check] [--force]`` to the command line."""
    p = subparsers.add_parser(NAME, help=HELP, description="Write docs/gallery/*.md (one page per catalog entry: "
                              "derivation, compiled source, check) and docs/cli.md; mkdocs builds the site from them.")
    p.add_argument("directory", metavar="DIR", help="the documentation folder, e.g. docs")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 listing pages that differ")
    p.add_argument("--force", action="store_true", help="overwrite pages that symgrad did not generate")
    p.set_defaults(func=run)


def pages(whole: argparse.ArgumentParser, commands: Sequence[ModuleType]) -> dict[str, str]:
    """Every generated page by its path inside the documentation folder (``whole``: the full command line)."""
    from .. import gallery
    from .reference import cli_markdown

    return {**gallery.pages(), "cli.md": cli_markdown(gallery.header(), whole, commands)}


def run(args: argparse.Namespace) -> int:
    """Write the pages (0), or with --check list on stderr those that differ (1 if any)."""
    from ..files import write_all

    root = Path(args.directory)
    remake = f"symgrad docs {shlex.quote(str(args.directory))}"
    wanted = {root / path: text for path, text in pages(args.whole_parser(), args.commands).items()}
    if args.check:
        drift = [p for p, text in wanted.items() if not p.is_file() or p.read_text(encoding="utf-8") != text]
        for path in drift:
            print(f"{path}: {'changed' if path.exists() else 'missing'} (remake with: {remake})", file=sys.stderr)
        return 1 if drift else 0
    for folder in {path.parent for path in wanted}:  # like build, docs makes its own folders (gallery/)
        folder.mkdir(parents=True, exist_ok=True)
    write_all(wanted, force=args.force)
    return 0
