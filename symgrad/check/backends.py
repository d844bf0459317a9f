"""Reference derivatives for ``check``: real autodiff and finite differences of the compiled forward pass.

``autograd`` (HIPS, always installed), ``torch``, ``jax``, ``tensorflow`` (when installed)
differentiate ``Compiled.loss_fn(xp)`` in the requested dtype; ``fd`` takes central and
complex-step differences in float64. The namespaces give each framework exactly the ops of
``symgrad.compile.XP_OPS``, so a forward pass that uses anything else fails loudly.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import MissingOpError, SymgradError
from ..functions import XP_FUNCTIONS

if TYPE_CHECKING:
    from ..compile import Compiled

BACKENDS: tuple[str, ...] = ("autograd", "torch", "jax", "tensorflow", "fd")

# package to import and the extra that installs it, per optional backend
_PACKAGES: dict[str, tuple[str, str]] = {"torch": ("torch", "torch"), "jax": ("jax", "jax"),
                                         "tensorflow": ("tensorflow", "tf")}
_COMPLEX_STEP = 1e-20
_COMPLEX_STEP_NOTE = ("complex step uses analytic continuations of abs, maximum, max and logaddexp "
                      "(they choose by the real part), as in Martins, Sturdza and Alonso (2003)")


_Reference = Callable[["Compiled", dict[str, np.ndarray], dict[str, np.ndarray], list[str]],
                      list[tuple[str, str, dict[str, np.ndarray], str]]]


def reference(backend: str) -> _Reference:
    """The function computing reference Jacobians for ``backend``; SymgradError if its package is missing."""
    if backend in _PACKAGES:
        package, extra = _PACKAGES[backend]
        try:
            importlib.import_module(package)
        except ImportError as e:
            raise SymgradError(f"backend {backend!r} needs the package {package!r}, which is not installed: "
                               f"pip install symgrad[{extra}]") from e
    return {"autograd": _autograd, "torch": _torch, "jax": _jax, "tensorflow": _tensorflow, "fd": _fd}[backend]


def _autograd(compiled: Compiled, arrays: dict, exact: dict, wrts: list[str]) -> list:
    import autograd
    import autograd.numpy as anp

    f = compiled.loss_fn(anp)
    refs = {w: np.asarray(autograd.jacobian(lambda v, w=w: f(**{**arrays, w: v}))(arrays[w])) for w in wrts}
    return [("autodiff", "autograd", refs, "")]


def _torch(compiled: Compiled, arrays: dict, exact: dict, wrts: list[str]) -> list:
    import torch

    f = compiled.loss_fn(TorchNamespace())
    tensors = {k: torch.from_numpy(np.array(v)) for k, v in arrays.items()}  # a copy; keeps 0-d arrays 0-d
    refs = {w: torch.autograd.functional.jacobian(lambda v, w=w: f(**{**tensors, w: v}), tensors[w]).numpy()
            for w in wrts}
    return [("autodiff", "torch", refs, "")]


def _jax(compiled: Compiled, arrays: dict, exact: dict, wrts: list[str]) -> list:
    import jax
    import jax.numpy as jnp

    f = compiled.loss_fn(jnp)
    # without x64 jax silently computes float64 inputs in float32; the context leaves the user's setting alone
    with jax.enable_x64(any(v.dtype == np.float64 for v in arrays.values())):
        jarrays = {k: jnp.asarray(v) for k, v in arrays.items()}
        refs = {w: np.asarray(jax.jacrev(lambda v, w=w: f(**{**jarrays, w: v}))(jarrays[w])) for w in wrts}
    return [("autodiff", "jax", refs, "")]


def _tensorflow(compiled: Compiled, arrays: dict, exact: dict, wrts: list[str]) -> list:
    tf = tensorflow_module()
    f = compiled.loss_fn(TensorFlowNamespace())
    refs = {}
    for w in wrts:
        tensors = {k: tf.constant(v) for k, v in arrays.items()}
        with tf.GradientTape() as tape:
            tape.watch(tensors[w])
            out = f(**tensors)
        refs[w] = tape.jacobian(out, tensors[w]).numpy()
    return [("autodiff", "tensorflow", refs, "")]


def _fd(compiled: Compiled, arrays: dict, exact: dict, wrts: list[str]) -> list:
    """Central differences always; complex step too when the forward pass carries an imaginary part through."""
    real = compiled.loss_fn(np)
    h0 = np.finfo(np.float64).eps ** (1 / 3)
    central = {}
    for w in wrts:
        x = exact[w]
        columns = []
        for j in range(x.size):
            step = h0 * max(1.0, abs(float(x.flat[j])))
            up, down = x.copy(), x.copy()
            up.flat[j] += step
            down.flat[j] -= step
            # divide by the step actually taken (x + h is rounded)
            taken = float(up.flat[j] - down.flat[j])
            columns.append((np.asarray(real(**{**exact, w: up})) - np.asarray(real(**{**exact, w: down}))) / taken)
        central[w] = np.moveaxis(np.array(columns), 0, -1).reshape(np.shape(columns[0]) + x.shape)
    out = [("fd-central", "fd-central", central, "")]
    complex_fn = compiled.loss_fn(ComplexStepNamespace())
    try:
        stepped = {}
        for w in wrts:
            x = exact[w]
            columns = []
            for j in range(x.size):
                z = x.astype(np.complex128)
                z.flat[j] += 1j * _COMPLEX_STEP
                value = np.asarray(complex_fn(**{**exact, w: z}))
                if not np.iscomplexobj(value):
                    raise TypeError("the forward pass dropped the imaginary part")
                columns.append(value.imag / _COMPLEX_STEP)
            stepped[w] = np.moveaxis(np.array(columns), 0, -1).reshape(np.shape(columns[0]) + x.shape)
    except (TypeError, ValueError) as e:
        return [(*out[0][:3], f"complex step unavailable ({e}); central differences only")]
    return out + [("fd-complex", "fd-complex", stepped, _COMPLEX_STEP_NOTE)]


def tensorflow_module() -> Any:
    """TensorFlow, imported quietly (its C++ logging off)."""
    import os

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import tensorflow as tf

    tf.get_logger().setLevel("ERROR")  # GradientTape.jacobian's pfor warns about retracing on every new shape
    return tf


class _Namespace:
    """A numpy-like namespace with exactly the ops of ``symgrad.compile.XP_OPS``."""

    backend = "numpy"

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        raise MissingOpError(f"the {self.backend} namespace for check has no op {name!r}; "
                           "compiled forward passes may use only symgrad.compile.XP_OPS")


class TorchNamespace(_Namespace):
    """The XP_OPS on torch tensors, so that torch.autograd differentiates ``Compiled.loss_fn``."""

    backend = "torch"

    def __init__(self) -> None:
        import torch

        self.torch = torch
        self.linalg = torch.linalg  # solve, inv, det, slogdet: the same calls as NumPy's

    def _tensor(self, a: Any, like: Any) -> Any:
        if isinstance(a, self.torch.Tensor):
            return a
        dtype = like.dtype if isinstance(like, self.torch.Tensor) else None
        if dtype is None and (isinstance(a, float) or np.asarray(a).dtype.kind in "iu"):
            dtype = self.torch.float64  # sqrt(D) of a size: torch would give float32 (its default dtype)
        return self.torch.as_tensor(a, dtype=dtype)

    def _dtype(self, dtype: Any) -> Any:
        if dtype is None or isinstance(dtype, self.torch.dtype):
            return dtype
        return getattr(self.torch, np.dtype(dtype).name)

    def logaddexp(self, a: Any, b: Any) -> Any:
        return self.torch.logaddexp(self._tensor(a, b), self._tensor(b, a))

    def maximum(self, a: Any, b: Any) -> Any:
        return self.torch.maximum(self._tensor(a, b), self._tensor(b, a))

    def sum(self, a: Any, axis: Any = None, keepdims: bool = False) -> Any:
        if axis is None:
            total = self.torch.sum(a)
            return total.reshape((1,) * a.dim()) if keepdims else total
        return self.torch.sum(a, dim=axis, keepdim=keepdims)

    def max(self, a: Any, axis: Any = None, keepdims: bool = False) -> Any:
        if axis is None:
            top = self.torch.amax(a)
            return top.reshape((1,) * a.dim()) if keepdims else top
        return self.torch.amax(a, dim=axis, keepdim=keepdims)

    def einsum(self, subscripts: str, *operands: Any, optimize: Any = None) -> Any:
        return self.torch.einsum(subscripts, *operands)

    def where(self, condition: Any, a: Any, b: Any) -> Any:
        return self.torch.where(self._tensor(condition, None), self._tensor(a, b), self._tensor(b, a))

    def eye(self, n: int, m: int | None = None, dtype: Any = None) -> Any:
        return self.torch.eye(n, m if m is not None else n, dtype=self._dtype(dtype) or self.torch.float64)


class TensorFlowNamespace(_Namespace):
    """The XP_OPS from ``tf.experimental.numpy``, so that GradientTape differentiates ``Compiled.loss_fn``."""

    backend = "tensorflow"

    def __init__(self) -> None:
        tf = tensorflow_module()
        self.tnp = tf.experimental.numpy
        self.linalg = _TensorFlowLinalg(tf)

    def _real(self, a: Any) -> Any:
        """A size (a Python or NumPy integer) as a float64 number: ``tnp.sqrt(D)`` of an int fails."""
        return np.float64(a) if not hasattr(a, "device") and np.asarray(a).dtype.kind in "iu" else a

    def _pair(self, a: Any, b: Any) -> tuple[Any, Any]:
        """Python and NumPy scalars take the tensor's dtype (TensorFlow does not promote)."""
        if hasattr(a, "dtype") and not np.isscalar(a) and np.ndim(b) == 0 and not hasattr(b, "device"):
            b = self.tnp.asarray(b, dtype=a.dtype)
        if hasattr(b, "dtype") and not np.isscalar(b) and np.ndim(a) == 0 and not hasattr(a, "device"):
            a = self.tnp.asarray(a, dtype=b.dtype)
        return a, b

    def logaddexp(self, a: Any, b: Any) -> Any:
        return self.tnp.logaddexp(*self._pair(a, b))

    def maximum(self, a: Any, b: Any) -> Any:
        return self.tnp.maximum(*self._pair(a, b))

    def sum(self, a: Any, axis: Any = None, keepdims: bool = False) -> Any:
        return self.tnp.sum(a, axis=axis, keepdims=keepdims)

    def max(self, a: Any, axis: Any = None, keepdims: bool = False) -> Any:
        return self.tnp.max(a, axis=axis, keepdims=keepdims)

    def einsum(self, subscripts: str, *operands: Any, optimize: Any = None) -> Any:
        return self.tnp.einsum(subscripts, *operands)

    def where(self, condition: Any, a: Any, b: Any) -> Any:
        return self.tnp.where(condition, *self._pair(a, b))

    def eye(self, n: int, m: int | None = None, dtype: Any = None) -> Any:
        return self.tnp.eye(n, m, dtype=np.dtype(getattr(dtype, "as_numpy_dtype", dtype) or np.float64))


class _TensorFlowLinalg:
    """NumPy's linalg calls on ``tf.linalg``: ``solve`` of a vector right-hand side as a one-column matrix."""

    def __init__(self, tf: Any) -> None:
        self.tf = tf

    def solve(self, a: Any, b: Any) -> Any:
        b = self.tf.convert_to_tensor(b)
        if b.shape.rank == 1:
            return self.tf.linalg.solve(a, b[:, None])[:, 0]
        return self.tf.linalg.solve(a, b)

    def inv(self, a: Any) -> Any:
        return self.tf.linalg.inv(a)

    def det(self, a: Any) -> Any:
        return self.tf.linalg.det(a)

    def slogdet(self, a: Any) -> tuple[Any, Any]:
        return self.tf.linalg.slogdet(a)


class _ComplexStepLinalg:
    """NumPy's linalg for the complex step: solve, inv and det are analytic as they are; slogdet's log |det|
    drops the imaginary part, so its second value is log det itself, log(sign) + log |det|."""

    solve, inv, det = staticmethod(np.linalg.solve), staticmethod(np.linalg.inv), staticmethod(np.linalg.det)

    @staticmethod
    def slogdet(a: Any) -> tuple[Any, Any]:
        sign, logabs = np.linalg.slogdet(a)
        return sign, np.log(sign) + logabs


class ComplexStepNamespace(_Namespace):
    """NumPy's XP_OPS made analytic for the complex step: abs and every max choose by the real part."""

    backend = "complex-step"
    linalg = _ComplexStepLinalg()

    sum, einsum, eye = staticmethod(np.sum), staticmethod(np.einsum), staticmethod(np.eye)
    where = staticmethod(np.where)

    @staticmethod
    def abs(a: Any) -> Any:
        return np.where(np.real(a) < 0, -a, a)

    @staticmethod
    def maximum(a: Any, b: Any) -> Any:
        return np.where(np.real(a) >= np.real(b), a, b)

    @staticmethod
    def max(a: Any, axis: Any = None, keepdims: bool = False) -> Any:
        a = np.asarray(a)
        if axis is None:
            top = a.flat[int(np.argmax(np.real(a)))]
            return np.reshape(top, (1,) * a.ndim) if keepdims else top
        top = np.take_along_axis(a, np.expand_dims(np.argmax(np.real(a), axis=axis), axis), axis)
        return top if keepdims else np.squeeze(top, axis)

    @classmethod
    def logaddexp(cls, a: Any, b: Any) -> Any:
        m = cls.maximum(a, b)
        return m + np.log(np.exp(a - m) + np.exp(b - m))


def _elementwise(namespace: type, call: Callable[[Any, str], Callable[[Any], Any]]) -> None:
    """Give ``namespace`` every elementwise op of the function table (``XP_FUNCTIONS``) and sqrt, unless it
    defines the op itself: adding a function to ``symgrad.functions`` adds it to every check namespace."""
    for op in (*XP_FUNCTIONS, "sqrt"):
        if op not in vars(namespace):
            setattr(namespace, op, call(namespace, op))


_elementwise(TorchNamespace, lambda _, op: lambda self, a: getattr(self.torch, op)(self._tensor(a, a)))
_elementwise(TensorFlowNamespace, lambda _, op: lambda self, a: getattr(self.tnp, op)(self._real(a)))
_elementwise(ComplexStepNamespace, lambda _, op: staticmethod(getattr(np, op)))
