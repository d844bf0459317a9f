"""symgrad: derive, typeset, compile and verify gradients of machine-learning losses.

The public API, and nothing else. Importing loads SymPy and the engine (no derivation
work happens here); the back ends (compile, check, verify, LaTeX) load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import catalog, graph
from .errors import DeriveError, ParseError, ShapeError, SymgradError, UnknownNameError

if TYPE_CHECKING:
    from .compile import Compiled
    from .derivation import Derivation

__version__ = "0.1.0"

__all__ = [
    "Derivation",
    "DeriveError",
    "ParseError",
    "ShapeError",
    "Step",
    "SymgradError",
    "UnknownNameError",
    "check",
    "compile",
    "derive",
    "names",
    "verify",
]


def names() -> list[str]:
    """The catalog's entry names."""
    return catalog.names()


def derive(name: str) -> Derivation:
    """The step-by-step derivation of catalog entry ``name``."""
    return graph.derive_entry(name)


def compile(name: str | Derivation) -> Compiled:
    """NumPy functions for the loss of ``name`` (a catalog entry or a Derivation) and its gradients."""
    from .compile import compile_derivation

    return compile_derivation(derive(name) if isinstance(name, str) else name)


def check(name: str | Derivation, **kwargs: Any) -> Any:
    """Compare the compiled gradients with real autodiff; see ``symgrad.check.check``."""
    from .check import check as _check

    return _check(name, **kwargs)


def verify(claim: str, **kwargs: Any) -> Any:
    """Judge a hand derivation written in LaTeX; see ``symgrad.verify.verify``."""
    from .verify import verify as _verify

    return _verify(claim, **kwargs)


def __getattr__(name: str) -> Any:
    if name in ("Derivation", "Step"):
        from . import derivation

        return getattr(derivation, name)
    raise AttributeError(f"module 'symgrad' has no attribute {name!r}")
