"""Tails in compiled code (issue 10): gelu-erf's Phi(x) = (1 + erf(x/sqrt 2))/2 is computed as erfc(-x/sqrt 2)/2
(the stability rewrite erf-complement), gelu's (1 + tanh(u))/2 as sigma(2u) and 1 - tanh(u)^2 as 4 sigma(2u)
sigma(-2u) (tanh-complement, sech-squared through the name t), so that the left tail keeps its relative digits;
checked element by element against mpmath at 40 digits, in float64 and float32."""

from __future__ import annotations

import mpmath
import numpy as np
import pytest

import symgrad

# x Phi(x) has condition number about 1 + x^2 in x (d log Phi / d log x = x phi/Phi ~ x^2 in the tail): rounding
# x/sqrt(2) alone costs that many eps, so the bound is ULPS (1 + x^2) eps, relative, element by element
ULPS = 16
LOWEST = {"float64": -37.0, "float32": -12.5}  # Phi(x) is a normal number of the dtype down to here


def _reference(x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """x Phi(x), its derivative Phi(x) + x phi(x), and the derivative's scale |Phi(x)| + |x phi(x)| (near
    x = -0.75 the two terms cancel, and only digits of that scale can be asked for), from mpmath."""
    with mpmath.workdps(40):
        xs = [mpmath.mpf(float(v)) for v in x]
        return (np.array([float(v * mpmath.ncdf(v)) for v in xs]),
                np.array([float(mpmath.ncdf(v) + v * mpmath.npdf(v)) for v in xs]),
                np.array([float(mpmath.ncdf(v) + abs(v) * mpmath.npdf(v)) for v in xs]))


@pytest.fixture(scope="module")
def gelu_erf():
    return symgrad.derive("gelu-erf").compile()


def test_the_normal_cdf_in_gelu_erf_is_computed_as_erfc(gelu_erf):
    assert "erf-complement" in gelu_erf.rewrites


@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_gelu_erf_gradient_keeps_relative_digits_far_into_the_left_tail(gelu_erf, dtype):
    x = np.linspace(LOWEST[dtype], 5.0, 401).astype(dtype)
    _, want, scale = _reference(x)
    got = gelu_erf.grad(x=x[:, None], g=np.ones((x.size, 1), dtype=dtype))["x"][:, 0]
    assert got.dtype == dtype
    bound = ULPS * np.finfo(dtype).eps * (1 + x.astype(np.float64) ** 2)
    relative = np.abs(got - want) / scale
    assert np.all(relative <= bound), f"worst at x = {x[np.argmax(relative / bound)]}: {relative.max():.1e}"


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("x0", [-5.5, -8.0, -12.0, -0.3, 0.0, 2.0])
def test_gelu_erf_value_keeps_relative_digits_in_the_left_tail(gelu_erf, dtype, x0):
    x = np.array([[x0]], dtype=dtype)
    value, _ = gelu_erf.value_and_grad(x=x, g=np.ones_like(x))
    want, _, _ = _reference(np.array([x0]))
    assert abs(float(value) - want[0]) <= ULPS * np.finfo(dtype).eps * (1 + x0**2) * abs(want[0])


def test_one_plus_erf_loses_everything_there_so_the_test_can_fail():
    from math import erf, sqrt

    x0 = -8.0
    naive = x0 * (1 + erf(x0 / sqrt(2))) / 2
    want, _, _ = _reference(np.array([x0]))
    assert abs(naive - want[0]) > 1e-3 * abs(want[0])


GELU_C = 0.044715
LOWEST_TANH = {"float64": -20.0, "float32": -9.0}  # x (1 + tanh(u))/2 is a normal number of the dtype down to here


def _tanh_reference(x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """gelu (tanh form) x (1 + tanh(u))/2, its derivative, and the derivative's scale (sum of its terms' sizes)."""
    with mpmath.workdps(40):
        k = mpmath.sqrt(2 / mpmath.pi)
        value, slope, scale = [], [], []
        for v in (mpmath.mpf(float(a)) for a in x):
            u = k * (v + mpmath.mpf(GELU_C) * v**3)
            s = 2 / (1 + mpmath.exp(-2 * u))  # 1 + tanh(u), no cancellation at 40 digits
            du = k * (1 + 3 * mpmath.mpf(GELU_C) * v**2)
            second = v / 2 * s * (2 - s) * du  # x/2 (1 - tanh(u)^2) u'
            value.append(float(v * s / 2))
            slope.append(float(s / 2 + second))
            scale.append(float(abs(s / 2) + abs(second)))
        return np.array(value), np.array(slope), np.array(scale)


@pytest.fixture(scope="module")
def gelu_tanh():
    return symgrad.derive("gelu").compile()


def test_gelus_one_plus_tanh_and_one_minus_tanh_squared_are_computed_as_sigmoids(gelu_tanh):
    assert {"tanh-complement", "sech-squared"} <= set(gelu_tanh.rewrites)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_gelu_tanh_value_and_gradient_keep_relative_digits_far_into_the_left_tail(gelu_tanh, dtype):
    x = np.linspace(LOWEST_TANH[dtype], 5.0, 401).astype(dtype)
    want_value, want, scale = _tanh_reference(x)
    got = gelu_tanh.grad(x=x[:, None], g=np.ones((x.size, 1), dtype=dtype))["x"][:, 0]
    x64 = x.astype(np.float64)
    bound = ULPS * np.finfo(dtype).eps * (1 + 3 * GELU_C * x64**4 + x64**2)  # u's condition: 1 + x u'(x)... ~ x^4
    relative = np.abs(got - want) / scale
    assert np.all(relative <= bound), f"worst at x = {x[np.argmax(relative / bound)]}: {relative.max():.1e}"
    for n in range(0, x.size, 40):
        value, _ = gelu_tanh.value_and_grad(x=x[n:n + 1, None], g=np.ones((1, 1), dtype=dtype))
        assert abs(float(value) - want_value[n]) <= bound[n] * abs(want_value[n])
