"""The verdict of a claim, as a value: proved, agrees, wrong or unreadable, with its links and counterexample."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sympy as sp

from ..errors import SymgradError

VERDICTS = ("proved", "agrees", "wrong", "unreadable")
DIAGNOSES = ("sign", "factor", "indices", "case", "domain", "layout", "transpose", "symmetric", "convention",
             "dependence", "shape", "other")


class VerifyError(SymgradError):
    """A claim that cannot be judged: no derivative named, an undefined target, a value that cannot be computed."""


@dataclass
class Link:
    """One checked member of the claimed chain, with its own verdict."""

    latex: str
    verdict: str
    expr: sp.Expr | None = None
    counterexample: dict[str, Any] | None = None
    points: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"latex": self.latex, "verdict": self.verdict}


@dataclass
class Verdict:
    """The judgement of a claim: ``verdict`` is one of proved, agrees, wrong, unreadable."""

    verdict: str
    links: list[Link] = field(default_factory=list)
    diagnosis: str | None = None
    correct: str | None = None
    counterexample: dict[str, Any] | None = None
    message: str = ""
    derivative: str = ""
    column: int | None = None

    @property
    def exit_code(self) -> int:
        """0 for proved and agrees, 1 for wrong, 2 for unreadable."""
        return {"proved": 0, "agrees": 0, "wrong": 1}.get(self.verdict, 2)

    def to_json(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "links": [link.to_json() for link in self.links],
            "diagnosis": self.diagnosis,
            "correct": self.correct,
            "counterexample": self.counterexample,
            "message": self.message,
            "column": self.column,
        }

    def _repr_html_(self) -> str:
        from ..display import verdict_html

        return verdict_html(self)

    def __str__(self) -> str:
        mark = {"proved": "✓", "agrees": "≈", "wrong": "✗"}.get(self.verdict, "?")
        lines = [f"{mark} {self.verdict}: {self.message}"]
        if len(self.links) > 1:
            for n, link in enumerate(self.links, 1):
                lines.append(f"  link {n}: {link.latex}  [{link.verdict}]")
        if self.verdict == "wrong" and self.correct:
            lines.append(f"  correct: {self.correct}")
        if self.counterexample:
            lines.append(f"  counterexample: {describe_counterexample(self.counterexample)}")
        return "\n".join(lines)


def describe_counterexample(cx: dict[str, Any]) -> str:
    """``N=1, x_1=1, y_1=0, w=1, b=0: claim 2, derivative -2``: a point a person can check by hand."""
    return f"{describe_point(cx)}: claim {cx['claim']}, derivative {cx['derivative']}"


def describe_point(cx: dict[str, Any]) -> str:
    """``N=1, x_1=1, y_1=0, w=1, b=0``: where a counterexample is, without the values there."""
    parts = [f"{k}={v}" for k, v in cx.get("sizes", {}).items()]
    parts += [f"{k}={v}" for k, v in cx.get("indices", {}).items()]
    parts += [f"{k}={v}" for k, v in cx.get("values", {}).items()]
    parts += [f"{k}={v}" for k, v in cx.get("functions", {}).items()]
    names = cx.get("names", {})
    where = ", ".join(parts)
    if names:
        where += " (so " + ", ".join(f"{k}={v}" for k, v in names.items()) + ")"
    return where
