"""The documentation gallery: one Markdown page per catalog entry with its derivation, compiled source and check.

Pages are generated (``symgrad docs docs``) and committed; ``symgrad docs docs --check`` fails on
drift, as ``symgrad build`` does for ``derivations/``. Nothing on a page depends on the machine:
the check table shows tolerances and outcomes, not the measured errors (``symgrad check`` prints those).
"""

from __future__ import annotations

import re

from . import catalog
from ._version import __version__
from .check import CheckReport, check
from .compile import compile_derivation
from .derivation import Derivation
from .display import derivation_markdown, escape_markdown
from .entries import derive_entry
from .files import GENERATED_MARK

FOLDER = "gallery"  # inside the docs folder
REMAKE = "symgrad docs docs"


def header() -> str:
    """The first line of every generated page: made by symgrad, which version, how to remake it."""
    return f"<!-- {GENERATED_MARK} {__version__}; do not edit by hand. Remake with: {REMAKE} -->\n"


def _demote(markdown: str) -> str:
    """The derivation's Markdown under a page heading: its title dropped, each heading one level down."""
    body = re.sub(r"\A# .*\n+", "", markdown)
    return re.sub(r"^(#+) ", r"\1# ", body, flags=re.MULTILINE)


def _cell(text: str) -> str:
    return text.replace("|", r"\|")


def check_markdown(report: CheckReport) -> str:
    """A check report as a Markdown table of what was compared, with which tolerance, and the outcome."""
    sizes = ", ".join(f"{k} = {v}" for k, v in report.sizes.items()) or "none"
    inputs = "; ".join(f"`{k}` {v}" for k, v in report.domains.items())
    lines = [f"Compared with **{report.backend}** in {report.dtype}, seed {report.seed}, sizes {sizes}; inputs: {inputs}.",
             "", "| quantity | reference | shape | rtol | atol | result |", "| --- | --- | --- | --- | --- | --- |"]
    lines += [f"| `{_cell(r.quantity)}` | {_cell(r.reference)} | {r.shape} | {r.rtol:g} | {r.atol:g} | "
              f"{'ok' if r.ok else '**MISMATCH**'} |" for r in report.rows]
    lines += ["", *(f"- note: {n}" for n in report.notes)]
    verdict = "every comparison within tolerance" if report.ok else f"{len(report.mismatches)} mismatches"
    lines += [f"Result: **{verdict}**. The measured errors: `symgrad check {report.name}`."]
    return "\n".join(lines).replace("\n\n\n", "\n\n")


def entry_page(d: Derivation) -> str:
    """The gallery page of one catalog entry."""
    entry = catalog.get(d.name)
    compiled = compile_derivation(d)
    return "\n".join([
        header(), f"# {d.name}: {d.title}", "", escape_markdown(entry.summary), "",
        f"`symgrad derive {d.name}` · `symgrad check {d.name}` · `symgrad export {d.name} -o grads.py`", "",
        "## Derivation", "", _demote(derivation_markdown(d)).strip(), "",
        "## Compiled NumPy source", "",
        f"Stability rewrites: {', '.join(compiled.rewrites) or 'none needed'}.", "",
        "```python", compiled.source.strip(), "```", "",
        "## Check against autodiff", "", check_markdown(check(d.name)), "",
    ])


def index_page() -> str:
    """The gallery's index: every entry with its summary."""
    rows = [f"| [{n}]({n}.md) | {_cell(catalog.get(n).title)} |" for n in catalog.names()]
    return "\n".join([header(), "# Gallery", "",
                      ("Every catalog entry: its derivation, the NumPy code compiled from it, and its check "
                      "against autodiff."), "", "| entry | loss |", "| --- | --- |", *rows, ""])


def pages() -> dict[str, str]:
    """Every gallery page by its path inside the docs folder."""
    out = {f"{FOLDER}/index.md": index_page()}
    for name in catalog.names():
        out[f"{FOLDER}/{name}.md"] = entry_page(derive_entry(name))
    return out
