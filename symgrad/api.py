"""The public functions: derive, compile, check, verify, latex, names.

They live here, not in ``symgrad/__init__``, because ``compile``, ``check``, ``verify`` and
``latex`` are also submodule names: a documentation tool (or a reader) finds each function
under ``symgrad.api`` without the clash. Each loads what it needs on first use.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .errors import SymgradError

if TYPE_CHECKING:
    from .check import CheckReport
    from .compile import Compiled
    from .derivation import Derivation
    from .verify import Verdict


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
    from .entries import derive_entry, require_entries

    if (name is None) == (loss is None):
        raise SymgradError("give a catalog name or loss=..., not both")
    if name is not None:
        require_entries([name])
        return derive_entry(name, timeout=timeout)
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
