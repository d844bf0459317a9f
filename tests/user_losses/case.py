"""One user loss as a practitioner types it, with a hand-written autograd.numpy reference and its input domain.

The reference shares no code with symgrad: it is written from the mathematics, in a stable form where one
exists (``logaddexp``, log-sum-exp with the maximum subtracted), and it runs unchanged in float32, float64 and
longdouble, so Python floats only (a NumPy float64 constant would promote a float32 array).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import autograd.numpy as anp
import numpy as np
from autograd.extend import defvjp, primitive

Draw = Callable[[np.random.Generator, tuple[int, ...]], np.ndarray]


def _one_hot(rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    return np.eye(shape[-1])[rng.integers(0, shape[-1], size=shape[:-1])] if shape else np.asarray(1.0)


def _simplex(rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    a = rng.uniform(0.1, 1.0, size=shape)
    return a / a.sum(axis=-1, keepdims=True) if shape else np.asarray(1.0)


# domain name -> (what it is, how to draw it); every input not named in a case's ``domain`` is "real"
DOMAINS: dict[str, tuple[str, Draw]] = {
    "real": ("standard normal", lambda rng, s: rng.standard_normal(size=s)),
    "positive": ("uniform in (0.5, 2)", lambda rng, s: rng.uniform(0.5, 2.0, size=s)),
    "unit": ("uniform in (0.05, 0.95): a probability, a quantile level, an epsilon in (0, 1)",
             lambda rng, s: rng.uniform(0.05, 0.95, size=s)),
    "small": ("uniform in (1e-3, 1e-2): an epsilon", lambda rng, s: rng.uniform(1e-3, 1e-2, size=s)),
    "power12": ("uniform in (1.1, 1.9): a Tweedie power", lambda rng, s: rng.uniform(1.1, 1.9, size=s)),
    "sign": ("+1 or -1 at random: a label", lambda rng, s: rng.choice([-1.0, 1.0], size=s)),
    "binary": ("0 or 1 at random: a label", lambda rng, s: rng.integers(0, 2, size=s).astype(float)),
    "count": ("Poisson(3) integers: counts", lambda rng, s: rng.poisson(3.0, size=s).astype(float)),
    "onehot": ("one-hot along the last axis", _one_hot),
    "simplex": ("positive, summing to 1 along the last axis", _simplex),
}


@dataclass(frozen=True)
class UserLoss:
    """A loss in LaTeX (``loss``, ``define``, ``given`` as ``symgrad.derive(loss=...)`` takes them), what to
    differentiate it by, and ``reference``: its value in autograd.numpy, taking the inputs as keywords in
    Python spelling (``\\lambda`` is ``lambda_``).

    ``domain`` maps inputs to ``DOMAINS`` names. The input kinds move some inputs: ``scale`` are multiplied by
    1e3, ``zero`` set to exactly 0 (where the loss is smooth there), ``offset`` shifted together by 1e4 and 1e6
    (where the loss is meaningful there: targets with their predictions, logits of a softmax); an empty tuple
    means the kind does not apply.
    """

    id: str
    family: str
    loss: str
    wrt: tuple[str, ...]
    reference: Callable[..., Any]
    define: tuple[str, ...] = ()
    given: tuple[str, ...] = ()
    domain: dict[str, str] = field(default_factory=dict)
    scale: tuple[str, ...] = ()
    zero: tuple[str, ...] = ()
    offset: tuple[str, ...] = ()


def shape(name: str, *dims: str) -> str:
    r"""``X \in \mathbb{R}^{N \times D}`` as people declare it."""
    return name + r" \in \mathbb{R}^{" + r" \times ".join(dims) + "}"


# --- stable building blocks for references, in autograd.numpy ---


def logsumexp(a: Any, axis: int = -1, keepdims: bool = False) -> Any:
    """log sum exp with the maximum subtracted."""
    m = anp.max(a, axis=axis, keepdims=True)
    out = m + anp.log(anp.sum(anp.exp(a - m), axis=axis, keepdims=True))
    return out if keepdims else anp.squeeze(out, axis=axis)


def log_softmax(z: Any, axis: int = -1) -> Any:
    return z - logsumexp(z, axis=axis, keepdims=True)


def softmax(z: Any, axis: int = -1) -> Any:
    return anp.exp(log_softmax(z, axis))


def softplus(u: Any) -> Any:
    """log(1 + e^u) without overflow."""
    return anp.logaddexp(0.0, u)


def sigmoid(u: Any) -> Any:
    return anp.exp(-softplus(-u))


def log_sigmoid(u: Any) -> Any:
    return -softplus(-u)


def logcosh(u: Any) -> Any:
    a = anp.abs(u)
    return a + softplus(-2.0 * a) - math.log(2.0)


def relu(u: Any) -> Any:
    return anp.maximum(0.0, u)


@primitive
def erf(u: Any) -> Any:
    """The error function elementwise (math.erf, double precision: SciPy is not a dependency)."""
    return np.vectorize(math.erf, otypes=[np.asarray(u).dtype])(u)


defvjp(erf, lambda ans, u: lambda g: g * 2.0 / math.sqrt(math.pi) * anp.exp(-u * u))


def log_factorial(n: Any) -> Any:
    """log(n!) = log Gamma(n + 1) of counts (not differentiated: counts are data)."""
    return np.vectorize(lambda k: math.lgamma(k + 1.0), otypes=[np.asarray(n).dtype])(n)
