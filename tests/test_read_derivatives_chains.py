"""symgrad.read aligned derivation chains as pages write them (issue 9): ``\\frac d{dm}`` unbraced, and a remark in
words on a line (``\\\\ \\text{(chain rule)} &= ...``, ``\\quad \\text{by linearity} \\\\``) says why a step holds: it
is blanked, not read as a factor. The reference is autograd's slope derivative of the halved mean squared error."""

from __future__ import annotations

import numpy as np
from autograd import grad
from autograd import numpy as anp

from symgrad import verify
from symgrad.read.chains import _line_remarks_blanked

CHAIN = (r"\begin{align}\frac d{dm}\left[\frac1{2n}\sum_{i=1}^n(mX_i+b-y_i)^2\right]"
         r"&=\frac1{2n}\cdot\frac d{dm}\left[\sum_{i=1}^n(mX_i+b-y_i)^2\right]\\"
         r"\text{(put derivative into summation)}&=\frac1{2n}\cdot\sum_{i=1}^n\left[\frac d{dm}(mX_i+b-y_i)^2\right]\\"
         r"\text{(chain rule)}&=\frac1{2n}\cdot\sum_{i=1}^n\left[2(mX_i+b-y_i)\cdot\frac d{dm}(mX_i+b-y_i)\right]\\"
         r"&=\frac1{n}\sum_{i=1}^n\left[(mX_i+b-y_i)\cdot X_i\right] \quad \text{by linearity} \\ \end{align}")


def test_the_reference_slope_derivative_is_the_mean_residual_times_x():
    rng = np.random.default_rng(5)
    X, y, m, b = rng.normal(size=6), rng.normal(size=6), 0.3, -0.2
    mse = grad(lambda m: anp.sum((m * X + b - y) ** 2) / (2 * len(X)))
    assert np.isclose(mse(m), np.mean((m * X + b - y) * X), atol=1e-12)


def test_a_remark_on_a_line_of_an_aligned_chain_is_blanked_to_the_same_width():
    blanked = _line_remarks_blanked(CHAIN)
    assert len(blanked) == len(CHAIN) and "chain rule" not in blanked and "linearity" not in blanked
    cases = r"\begin{cases} 0 & \text{otherwise} \\ 1 & \text{if } i = j \end{cases}"
    assert _line_remarks_blanked(cases) == cases


def test_an_aligned_chain_with_remarks_and_unbraced_d_dm_is_read_and_judged():
    assert verify(CHAIN).verdict in ("proved", "agrees")
    assert verify(CHAIN.replace(r"\frac1{n}\sum", r"\frac2{n}\sum")).verdict == "wrong"
