"""An element head with inputs, f_i(y_0, ..., y_{J-1}) = ..., records the short head f_i, which is the name it
defines: replacing the claim's f_i by f_i matched again forever, and verify hung (read/expression_heads.named_heads
now searches on past each replacement). The softmax's Jacobian, by hand: df_i/dy_k = f_i (delta_ik - f_k)."""

from __future__ import annotations

import signal

import pytest

import symgrad

DEFINE = [r"f_i(y_0,\cdots,y_{J-1})=\frac{\exp(y_i)}{u}, \quad u=\sum_{k=0}^{J-1}\exp(y_k)"]


def _alarm(signum, frame):  # a hang fails the test instead of stopping the suite
    raise TimeoutError("verify did not return within 60 s")


@pytest.mark.parametrize(("claim", "verdict"), [(r"\frac{\partial f_i}{\partial y_k} = f_i(\delta_{ik} - f_k)", "proved"),
                                                (r"\frac{\partial f_i}{\partial y_k} = f_i(1 - f_k)", "wrong")])
def test_a_head_naming_itself_is_read_once(claim, verdict):
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(60)
    try:
        v = symgrad.verify(claim, define=DEFINE)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert v.verdict == verdict, str(v)
