"""Verify on layer backward passes written by hand (issue 12): batchnorm's compact backward is proved, and the slip
of forgetting that the batch mean and variance depend on x_i is named (diagnosis ``dependence``) with a
counterexample that autograd's gradient of the forward pass confirms."""

from __future__ import annotations

from fractions import Fraction

import autograd
import autograd.numpy as anp
import pytest

from symgrad.verify import verify

BATCHNORM = [r"\mu = \frac{1}{N}\sum_{j=1}^{N} x_j", r"v = \frac{1}{N}\sum_{j=1}^{N} (x_j - \mu)^2",
             r"\hat{x}_i = \frac{x_i - \mu}{\sqrt{v + \epsilon}}", r"y_i = \gamma \hat{x}_i + \beta"]
SHAPES = [r"x \in \mathbb{R}^N", r"g \in \mathbb{R}^N", r"\epsilon > 0"]
# L = sum_i g_i y_i defined, or only its gradient dL/dy_i = g_i given: the same vector-Jacobian product
UPSTREAM = {"loss defined": ([r"L = \sum_{i=1}^{N} g_i y_i"], []),
            "gradient given": ([], [r"\frac{\partial L}{\partial y_i} = g_i"])}
DLDX = r"\frac{\partial L}{\partial x_i}"
COMPACT = (r"\frac{\gamma}{N\sqrt{v+\epsilon}}\left(N g_i - \sum_{j=1}^{N} g_j - \hat{x}_i \sum_{j=1}^{N} "
           r"g_j\hat{x}_j\right)")


def _verify(claim: str, upstream: str):
    define, given = UPSTREAM[upstream]
    return verify(claim, of=DLDX, define=BATCHNORM + define, given=SHAPES + given)


def _autograd_dx(cx: dict) -> float:
    """autograd's dL/dx_i of the batchnorm forward pass at a counterexample's inputs."""
    n, i = cx["sizes"]["N"], cx["indices"]["i"]
    val = {k: float(Fraction(v)) for k, v in cx["values"].items()}
    x0 = anp.array([val[f"x_{a}"] for a in range(1, n + 1)])
    g = anp.array([val[f"g_{a}"] for a in range(1, n + 1)])

    def loss(x):
        mu = anp.mean(x)
        v = anp.mean((x - mu) ** 2)
        return anp.sum(g * (val["gamma"] * (x - mu) / anp.sqrt(v + val["epsilon"]) + val["beta"]))

    return float(autograd.grad(loss)(x0)[i - 1])


@pytest.mark.parametrize("upstream", list(UPSTREAM))
def test_batchnorm_backward_in_the_compact_textbook_form_is_proved(upstream: str) -> None:
    v = _verify(COMPACT, upstream)
    assert (v.verdict, v.diagnosis) == ("proved", None), str(v)


@pytest.mark.parametrize("upstream", list(UPSTREAM))
def test_batchnorm_backward_forgetting_that_mu_and_v_depend_on_x_i_is_a_named_dependence_slip(upstream: str) -> None:
    v = _verify(r"\frac{\gamma g_i}{\sqrt{v+\epsilon}}", upstream)
    assert (v.verdict, v.diagnosis) == ("wrong", "dependence"), str(v)
    assert "The claim holds μ and v fixed: it leaves out that they depend on x_i" in v.message
    cx = v.counterexample
    assert float(Fraction(cx["derivative"])) == pytest.approx(_autograd_dx(cx), rel=1e-12, abs=1e-15)
    assert Fraction(cx["claim"]) != Fraction(cx["derivative"])


def test_batchnorm_backward_forgetting_only_the_variance_path_names_v_alone() -> None:
    v = _verify(r"\frac{\gamma}{\sqrt{v+\epsilon}}\left(g_i - \frac{1}{N}\sum_{j=1}^{N} g_j\right)", "loss defined")
    assert (v.verdict, v.diagnosis) == ("wrong", "dependence"), str(v)
    assert "The claim holds v fixed: it leaves out that it depends on x_i" in v.message
    cx = v.counterexample
    assert float(Fraction(cx["derivative"])) == pytest.approx(_autograd_dx(cx), rel=1e-12, abs=1e-15)


def test_a_claim_of_zero_is_not_called_a_dependence_slip() -> None:
    """Holding x̂ fixed cuts every path: that partial is 0, and a claim 0 is just wrong, not this slip."""
    v = _verify("0", "loss defined")
    assert v.verdict == "wrong" and v.diagnosis != "dependence", str(v)


PER_FEATURE = [r"\mu_d = \frac{1}{B}\sum_{n=1}^{B} x_{nd}", r"v_d = \frac{1}{B}\sum_{n=1}^{B} (x_{nd} - \mu_d)^2",
               r"\hat{x}_{nd} = \frac{x_{nd} - \mu_d}{\sqrt{v_d + \epsilon}}", r"y_{nd} = \gamma_d \hat{x}_{nd} + \beta_d",
               r"L = \sum_{n=1}^{B}\sum_{d=1}^{D} g_{nd} y_{nd}"]
PER_FEATURE_SHAPES = [r"x \in \mathbb{R}^{B \times D}", r"g \in \mathbb{R}^{B \times D}", r"\gamma \in \mathbb{R}^{D}",
                      r"\beta \in \mathbb{R}^{D}", r"\epsilon > 0"]


@pytest.mark.parametrize(("claim", "verdict", "diagnosis"), [
    ((r"\frac{\gamma_j}{B\sqrt{v_j+\epsilon}}\left(B g_{ij} - \sum_{n=1}^{B} g_{nj} - \hat{x}_{ij} \sum_{n=1}^{B} "
     r"g_{nj}\hat{x}_{nj}\right)"), "proved", None),
    (r"\frac{\gamma_j g_{ij}}{\sqrt{v_j+\epsilon}}", "wrong", "dependence"),
], ids=["compact", "mu-and-v-held-fixed"])
def test_per_feature_batchnorm_over_a_batch_is_judged_like_the_single_feature_one(claim, verdict, diagnosis) -> None:
    v = verify(claim, of=r"\frac{\partial L}{\partial x_{ij}}", define=PER_FEATURE, given=PER_FEATURE_SHAPES)
    assert (v.verdict, v.diagnosis) == (verdict, diagnosis), str(v)
    if diagnosis:
        assert "holds μ and v fixed" in v.message


LAYERNORM = [r"\mu = \frac{1}{D}\sum_{k=1}^{D} x_k", r"s = \frac{1}{D}\sum_{k=1}^{D} (x_k - \mu)^2",
             r"\hat{x}_i = \frac{x_i - \mu}{\sqrt{s + \epsilon}}", r"y_i = \gamma_i \hat{x}_i + \beta_i",
             r"L = \sum_{i=1}^{D} g_i y_i"]
LAYERNORM_SHAPES = [r"x \in \mathbb{R}^D", r"g \in \mathbb{R}^D", r"\gamma \in \mathbb{R}^D", r"\beta \in \mathbb{R}^D",
                    r"\epsilon > 0"]


@pytest.mark.parametrize(("claim", "verdict", "held"), [
    ((r"\frac{1}{D\sqrt{s+\epsilon}}\left(D \gamma_j g_j - \sum_{k=1}^{D} \gamma_k g_k - \hat{x}_j \sum_{k=1}^{D} "
     r"\gamma_k g_k \hat{x}_k\right)"), "proved", None),
    (r"\frac{\gamma_j g_j}{\sqrt{s+\epsilon}}", "wrong", "μ and s"),
    (r"\frac{\gamma_j g_j - \frac{1}{D}\sum_{k=1}^{D}\gamma_k g_k}{\sqrt{s+\epsilon}}", "wrong", "s"),
], ids=["compact", "mu-and-s-held-fixed", "s-held-fixed"])
def test_layernorm_backward_is_proved_or_names_the_statistics_it_holds_fixed(claim, verdict, held) -> None:
    v = verify(claim, of=r"\frac{\partial L}{\partial x_j}", define=LAYERNORM, given=LAYERNORM_SHAPES)
    assert (v.verdict, v.diagnosis) == (verdict, "dependence" if held else None), str(v)
    if held:
        assert f"The claim holds {held} fixed" in v.message
