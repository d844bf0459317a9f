"""symgrad: derive, typeset, compile and verify gradients of machine-learning losses.

The public API, and nothing else. Importing is cheap: SymPy and the engine load on first
use (a module ``__getattr__``), so that ``symgrad --help`` answers at once. The functions
``compile``, ``check``, ``verify`` and ``latex`` share their names with submodules; the
functions win (``from symgrad.verify import Verdict`` still reads the module).
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import (
    CompileError,
    DeriveError,
    ParseError,
    ShapeError,
    SymgradError,
    UnknownNameError,
    UsageError,
    WriteError,
)

if TYPE_CHECKING:
    from .check import CheckReport
    from .compile import Compiled
    from .derivation import Derivation, Step
    from .verify import Verdict

__all__ = [
    "CompileError",
    "Compiled",
    "Derivation",
    "DeriveError",
    "ParseError",
    "ShapeError",
    "Step",
    "SymgradError",
    "UnknownNameError",
    "UsageError",
    "WriteError",
    "__version__",
    "check",
    "compile",
    "derive",
    "latex",
    "names",
    "verify",
]

# public classes, loaded from their modules on first use
_LAZY = {"Derivation": "derivation", "Step": "derivation", "Result": "derivation", "Compiled": "compile",
         "Verdict": "verify", "CheckReport": "check"}
_FUNCTIONS = frozenset({"check", "compile", "latex", "verify"})


class _Package(types.ModuleType):
    """The symgrad package: loading the submodule ``symgrad.verify`` must not replace the function."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _FUNCTIONS and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    try:
        return importlib.import_module(f".{name}", __name__)
    except ModuleNotFoundError as e:
        if e.name != f"{__name__}.{name}":
            raise
        raise AttributeError(f"module 'symgrad' has no attribute {name!r}") from None


def names() -> list[str]:
    """The catalog's entry names."""
    from . import catalog

    return catalog.names()


def derive(name: str | None = None, *, loss: Any = None, define: Sequence = (), given: Sequence = (),
           wrt: Sequence[str] = (), timeout: float | None = None) -> Derivation:
    """The step-by-step derivation of catalog entry ``name``, or of your own ``loss``.

    ``loss``, ``define`` and ``given`` are LaTeX strings (read as by ``symgrad verify``) or
    SymPy (``Eq``/expressions over ``IndexedBase``/``Idx``; ``given`` then holds
    ``symgrad.tensors.Constraint`` objects); ``wrt`` names the inputs to differentiate by.
    Past ``timeout`` seconds a ``DeriveError`` says so (no limit by default). A misspelled
    ``name`` is an ``UnknownNameError`` naming the closest entries.
    """
    from . import graph
    from .suggest import require_entries

    if (name is None) == (loss is None):
        raise SymgradError("give a catalog name or loss=..., not both")
    if name is not None:
        require_entries([name])
        return graph.derive_entry(name, timeout=timeout)
    from . import loss as user

    return user.derive_loss(loss, define, given, wrt, timeout=timeout)


def compile(name: str | Derivation) -> Compiled:
    """NumPy functions for the loss of ``name`` (a catalog entry or a Derivation) and its gradients."""
    from .compile import compile_derivation

    return compile_derivation(derive(name) if isinstance(name, str) else name)


def check(name: str | Derivation, *, backend: str = "autograd", dtype: str = "float64", seed: int = 0,
          sizes: dict[str, int] | None = None, compiled: Compiled | None = None) -> CheckReport:
    """Compare the compiled loss and gradients of ``name`` (or the given ``compiled``) with real autodiff
    (``backend``: autograd, torch, jax, tensorflow, or finite differences) on random inputs of ``sizes``."""
    from .check import check as run_check

    return run_check(name, backend=backend, dtype=dtype, seed=seed, sizes=sizes, compiled=compiled)


def verify(claim: str, *, of: str | None = None, define: Sequence[str] = (), given: Sequence[str] = (),
           assume: Sequence[str] = (), timeout: float = 3.0) -> Verdict:
    """Judge a hand derivation written in LaTeX: ``claim`` is the claimed value of the derivative ``of``
    under the definitions, facts and cases given; the verdict is proved, agrees, wrong or unreadable."""
    from .verify import verify as run_verify

    return run_verify(claim, of=of, define=define, given=given, assume=assume, timeout=timeout)


def latex(obj: Any) -> str:
    """LaTeX for a SymPy index expression, a result, a step or a derivation, printed the way derivations are."""
    from .display import latex_of

    return latex_of(obj)


sys.modules[__name__].__class__ = _Package
