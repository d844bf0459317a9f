"""The compiler's array printer configured for torch, jax.numpy and an array-API namespace ``xp``.

Each prints the same lowered expressions as the NumPy target (``compile.printer._ArrayPrinter``);
only the spelling differs. A call whose arguments are all sizes or numbers (``sqrt(B)``) is
plain Python ``math``: torch functions take tensors only.
"""

from __future__ import annotations

from typing import Any

import sympy as sp

from ..compile.nodes import Where
from ..compile.printer import _ArrayPrinter
from ..errors import CompileError
from ..functions import FUNCTIONS, Elementary

# each target's name of an elementwise function -> the math module's, for arguments that are sizes or numbers (sqrt
# is a power in SymPy, printed as a call by the array printer)
_MATH = {**{op: f.math for f in FUNCTIONS if f.math for op in (f.numpy, f.torch, f.jax) if op}, "sqrt": "math.sqrt"}


class _ScalarAware(_ArrayPrinter):
    """An array printer that prints functions of sizes alone with ``math`` (sizes are Python ints)."""

    def __init__(self, module: str, sizes: frozenset[str]):
        super().__init__(module, sizes)

    def _call(self, op: str, *args: Any) -> str:
        if op in _MATH and args and all(self._scalar(a) for a in args):
            return f"{_MATH[op]}({', '.join(self._print(a) for a in args)})"
        return super()._call(op, *args)


class TorchPrinter(_ScalarAware):
    """torch code: ``@`` and ``.T`` for matrix products, ``dim=``/``keepdim=`` reductions, tensors on the input's device."""

    def __init__(self, sizes: frozenset[str]):
        super().__init__("torch", sizes)
        self.fast = True  # matrix products print as ``(a @ b)``, as on the NumPy fast path

    def _op(self, entry: Elementary) -> str | None:
        return entry.torch or entry.numpy

    def _reduction(self, op: str, e: sp.Expr) -> str:
        arr, keep, *axes = e.args
        dim = self._print(axes[0]) if len(axes) == 1 else "(" + ", ".join(map(self._print, axes)) + ")"
        return self._call({"sum": "sum", "max": "amax"}[op], arr, f"dim={dim}" + (", keepdim=True" if keep else ""))

    def _print_Einsum(self, e: sp.Expr) -> str:
        spec, *ops = e.args
        return self._call("einsum", repr(str(spec)), *ops)

    def _print_Eye(self, e: sp.Expr) -> str:
        like = self._print(e.args[1])
        return self._call("eye", e.args[0], f"dtype={like}.dtype, device={like}.device")

    def _print_BroadcastTo(self, e: sp.Expr) -> str:
        arr, shape, like = (self._print(a) for a in e.args)
        return f"torch.as_tensor({arr}, dtype={like}.dtype, device={like}.device).expand({shape})"

    def _with_number(self, op: str, e: sp.Expr) -> str:
        """``op(a, b)`` where torch needs both to be tensors: a number becomes one like the other argument."""
        a, b = e.args
        if a.is_number and b.is_number:
            raise CompileError(f"{e} has no array argument to give torch a tensor")
        if a.is_number:
            a, b = b, a
        other = f"torch.full_like({self._print(a)}, {self._print(b)})" if b.is_number else b
        return self._call(op, a, other)

    def _print_Maximum(self, e: sp.Expr) -> str:
        return self._with_number("maximum", e)

    def _print_LogAddExp(self, e: sp.Expr) -> str:
        return self._with_number("logaddexp", e)

    def _print_sign(self, e: sp.Expr) -> str:
        return self._call("sign", e.args[0])

    def _print_Heaviside(self, e: sp.Expr) -> str:
        u, h0 = e.args[0], e.args[1] if len(e.args) > 1 else sp.S.Half
        return self._print(Where(sp.Gt(u, 0), 1.0, Where(sp.Lt(u, 0), 0.0, h0)))

    def _print_Where(self, e: sp.Expr) -> str:
        cond, a, b = e.args
        if a.is_number and b.is_number:  # torch.where of two numbers: a tensor in the default dtype
            return f"torch.where({self._print(cond)}, {float(a)!r}, {float(b)!r})"
        return self._call("where", cond, a, b)


class JaxPrinter(_ScalarAware):
    """jax.numpy code: NumPy's spelling (``jnp`` mirrors NumPy), arrays never broadcast in place."""

    def __init__(self, sizes: frozenset[str]):
        super().__init__("jnp", sizes)
        self.fast = True

    def _op(self, entry: Elementary) -> str | None:
        return entry.jax or entry.numpy

    def _print_BroadcastTo(self, e: sp.Expr) -> str:
        arr, shape, like = (self._print(a) for a in e.args)
        return f"jnp.broadcast_to({arr}, {shape}).astype({like}.dtype)"


class ArrayApiPrinter(_ScalarAware):
    """Array-API code over ``xp`` (taken from the inputs): the forward pass's ops, ``eye`` on the input's device."""

    def __init__(self, sizes: frozenset[str]):
        super().__init__("xp", sizes)

    def _print_Eye(self, e: sp.Expr) -> str:
        like = self._print(e.args[1])
        return self._call("eye", e.args[0], f"dtype={like}.dtype, device=_device({like})")

    def _print_BroadcastTo(self, e: sp.Expr) -> str:
        arr, shape, like = (self._print(a) for a in e.args)
        return f"xp.broadcast_to(xp.asarray({arr}, dtype={like}.dtype, device=_device({like})), {shape})"

    def _call(self, op: str, *args: Any) -> str:
        if op in _MATH and args and all(self._scalar(a) for a in args):
            return super()._call(op, *args)
        return super()._call(_STANDARD.get(op, op), *args)

    def _op(self, entry: Elementary) -> str | None:
        return entry.numpy  # the standard's elementwise functions, named as NumPy names them (see _STANDARD)


# NumPy's names of the inverse functions -> the array API standard's, which are SymPy's (arcsin -> asin)
_STANDARD = {f.numpy: f.name for f in FUNCTIONS if f.numpy and f.numpy.startswith("arc")}

