"""An undefined mu beside the vector differentiated by: a constant or the mean of its entries, judged under both
(verify/mean_readings). Found on math.SE 2836083 (held out 2): the answer's right 2/N^2 (N x_i - sum_k x_k) was
judged wrong with mu read as a constant; the skewness below is the false-correct the constant reading allows."""

from __future__ import annotations

import pytest

import symgrad

VARIANCE = r"L = \frac{1}{N}\sum_i (x_i - \mu)^2"
SKEW = r"L = \frac{1}{N}\sum_i (x_i - \mu)^3"


def test_a_claim_right_only_for_the_mean_is_refused_naming_both_readings() -> None:
    v = symgrad.verify(r"\frac{\partial L}{\partial x_i} = \frac{2}{N^2}\left[N x_i - \sum_k x_k\right]",
                       define=[VARIANCE])
    assert v.verdict == "unreadable"
    assert "a constant (wrong)" in v.message and "the mean of x" in v.message and ("(agrees)" in v.message or "(proved)" in v.message)


def test_a_claim_right_only_for_a_constant_is_refused_not_proved() -> None:
    # with mu the mean, d/dx_i sum_j (x_j - mu)^3 / N has the extra term -3/N^2 sum_j (x_j - mu)^2
    v = symgrad.verify(r"\frac{\partial L}{\partial x_i} = \frac{3}{N}(x_i - \mu)^2", define=[SKEW])
    assert v.verdict == "unreadable"
    assert "a constant (proved)" in v.message and "(wrong)" in v.message


def test_a_claim_right_under_both_readings_is_proved_and_says_so() -> None:
    # sum_j (x_j - mu) = 0 for the mean: the variance's gradient is the same under both readings
    v = symgrad.verify(r"\frac{\partial L}{\partial x_i} = \frac{2}{N}(x_i - \mu)", define=[VARIANCE])
    assert v.verdict == "proved"
    assert "read as a constant and read as the mean of x" in v.message


@pytest.mark.parametrize(("claim", "verdict"), [(r"\frac{3}{N}(x_i - \mu)^2", "proved"),
                                                (r"\frac{3}{N}(x_i - \mu)^3", "wrong")])
def test_a_fact_about_mu_decides_it_is_a_constant(claim: str, verdict: str) -> None:
    v = symgrad.verify(rf"\frac{{\partial L}}{{\partial x_i}} = {claim}", define=[SKEW], given=[r"\mu \in \mathbb{R}"])
    assert v.verdict == verdict
    assert "mean of x" not in v.message


def test_a_scalar_variable_beside_mu_has_no_mean_reading() -> None:
    v = symgrad.verify(r"\frac{dL}{dx} = -\frac{x - \mu}{\sigma^2}", define=[r"L = -\frac{(x - \mu)^2}{2\sigma^2}"])
    assert v.verdict == "proved" and "mean of" not in v.message
