"""MkDocs hook: serve KaTeX from the site itself (no CDN when the pages are read).

KaTeX comes from npm into docs/node_modules (``npm ci --prefix docs``); after each build its
scripts, style sheet and fonts are copied to ``site/assets/katex``.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

KATEX = Path(__file__).resolve().parent.parent / "node_modules" / "katex" / "dist"
FILES = ("katex.min.js", "katex.min.css", "contrib/auto-render.min.js", "fonts")


def on_post_build(config: Any) -> None:
    if not KATEX.is_dir():
        raise PluginError(f"KaTeX is missing at {KATEX}: run `npm ci --prefix docs` first")
    target = Path(config["site_dir"]) / "assets" / "katex"
    for name in FILES:
        source, dest = KATEX / name, target / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, dest, dirs_exist_ok=True)
        else:
            shutil.copy2(source, dest)
