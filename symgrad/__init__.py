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
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .api import check, compile, derive, latex, names, verify
from .errors import (
    CompileError,
    DeriveError,
    ParseError,
    ShapeError,
    ShapeMismatchError,
    SymgradError,
    UnknownNameError,
    UsageError,
    WriteError,
)

if TYPE_CHECKING:
    from .compile import Compiled
    from .derivation import Derivation, Step

__all__ = [
    "CompileError",
    "Compiled",
    "Derivation",
    "DeriveError",
    "ParseError",
    "ShapeError",
    "ShapeMismatchError",
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


sys.modules[__name__].__class__ = _Package
