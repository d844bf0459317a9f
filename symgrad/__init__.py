"""symgrad: derive, typeset, compile and verify gradients of machine-learning losses.

The public API, and nothing else. Importing loads SymPy, NumPy and the modules (no
derivation work happens here). The submodules ``compile``, ``check`` and ``verify`` are
imported before the functions of the same names are defined, so that the functions win:
a later ``import symgrad.verify`` finds the module loaded and does not rebind the name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import catalog, graph
from . import check as _check_module
from . import compile as _compile_module
from . import verify as _verify_module
from .compile import Compiled
from .derivation import Derivation, Step
from .errors import DeriveError, ParseError, ShapeError, SymgradError, UnknownNameError

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


def derive(name: str | None = None, *, loss: Any = None, define: Sequence = (), given: Sequence = (),
           wrt: Sequence[str] = (), timeout: float | None = None) -> Derivation:
    """The step-by-step derivation of catalog entry ``name``, or of your own ``loss``.

    ``loss``, ``define`` and ``given`` are LaTeX strings (read as by ``symgrad verify``) or
    SymPy (``Eq``/expressions over ``IndexedBase``/``Idx``; ``given`` then holds
    ``symgrad.tensors.Constraint`` objects); ``wrt`` names the inputs to differentiate by.
    Past ``timeout`` seconds a ``DeriveError`` says so (no limit by default).
    """
    if (name is None) == (loss is None):
        raise SymgradError("give a catalog name or loss=..., not both")
    if name is not None:
        return graph.derive_entry(name, timeout=timeout)
    from . import loss as user

    return user.derive_loss(loss, define, given, wrt, timeout=timeout)


def compile(name: str | Derivation) -> Compiled:
    """NumPy functions for the loss of ``name`` (a catalog entry or a Derivation) and its gradients."""
    return _compile_module.compile_derivation(derive(name) if isinstance(name, str) else name)


def check(name: str | Derivation, **kwargs: Any) -> Any:
    """Compare the compiled gradients with real autodiff; see ``symgrad.check.check``."""
    return _check_module.check(name, **kwargs)


def verify(claim: str, **kwargs: Any) -> Any:
    """Judge a hand derivation written in LaTeX; see ``symgrad.verify.verify``."""
    return _verify_module.verify(claim, **kwargs)
