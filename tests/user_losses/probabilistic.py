"""Probabilistic losses as people type them: Gaussian NLL, the VAE's KL term, an ELBO with a sigmoid decoder,
entropy, KL divergence, Poisson and Student-t likelihoods."""

from __future__ import annotations

import math

import autograd.numpy as anp

from .case import UserLoss, log_factorial, log_sigmoid, log_softmax, logsumexp, shape, softmax, softplus

LATENT = (shape(r"\mu", "J"), shape(r"\sigma", "J"))


def _neg_elbo(x, mu, s, epsilon, W, c):
    z = mu + s * epsilon
    t = W @ z + c
    recon = -anp.sum(x * log_sigmoid(t) + (1 - x) * log_sigmoid(-t))
    return recon + 0.5 * anp.sum(mu**2 + s**2 - anp.log(s**2) - 1)


CASES = [
    UserLoss("gaussian-nll-sigma", "probabilistic",
             r"L = \sum_{n=1}^{N}\left[\frac{1}{2}\log(2\pi\sigma^2) + \frac{(y_n - \mu_n)^2}{2\sigma^2}\right]",
             (r"\mu", r"\sigma"),
             lambda y, mu, sigma: anp.sum(0.5 * anp.log(2 * math.pi * sigma**2) + (y - mu) ** 2 / (2 * sigma**2)),
             domain={"sigma": "positive"}, scale=("mu", "y"), zero=("mu", "y"), offset=("mu", "y")),
    UserLoss("gaussian-nll-variance", "probabilistic",
             r"L = \frac{1}{2}\sum_{n=1}^{N}\left(\log v_n + \frac{(y_n - \mu_n)^2}{v_n}\right)", (r"\mu", "v"),
             lambda y, mu, v: 0.5 * anp.sum(anp.log(v) + (y - mu) ** 2 / v), domain={"v": "positive"},
             scale=("mu", "y"), zero=("mu", "y"), offset=("mu", "y")),
    UserLoss("heteroscedastic-log-variance", "probabilistic",
             r"L = \frac{1}{N}\sum_{i=1}^{N} \frac{1}{2} e^{-s_i}(y_i - \hat{y}_i)^2 + \frac{1}{2}s_i", ("s", "w", "b"),
             lambda x, w, b, y, s: anp.mean(0.5 * anp.exp(-s) * (y - (w * x + b)) ** 2 + 0.5 * s),
             define=(r"\hat{y}_i = w x_i + b",), zero=("s", "w", "b"), offset=("y", "b")),
    UserLoss("heteroscedastic-bracketed", "probabilistic",
             r"L = \frac{1}{N}\sum_{i=1}^{N} \left(\frac{1}{2} e^{-s_i}(y_i - \hat{y}_i)^2 + \frac{1}{2}s_i\right)",
             ("s", "w", "b"), lambda x, w, b, y, s: anp.mean(0.5 * anp.exp(-s) * (y - (w * x + b)) ** 2 + 0.5 * s),
             define=(r"\hat{y}_i = w x_i + b",), zero=("s", "w", "b"), offset=("y", "b")),
    UserLoss("vae-kl-kingma", "probabilistic",
             r"D_{KL} = -\frac{1}{2}\sum_{j=1}^{J}\left(1 + \log(\sigma_j^2) - \mu_j^2 - \sigma_j^2\right)",
             (r"\mu", r"\sigma"), lambda mu, sigma: -0.5 * anp.sum(1 + anp.log(sigma**2) - mu**2 - sigma**2),
             given=LATENT, domain={"sigma": "positive"}, scale=("mu",), zero=("mu",)),
    UserLoss("vae-kl-logvar", "probabilistic",
             r"L = \frac{1}{2}\sum_{j=1}^{J}\left(\mu_j^2 + e^{s_j} - s_j - 1\right)", (r"\mu", "s"),
             lambda mu, s: 0.5 * anp.sum(mu**2 + anp.exp(s) - s - 1), given=(shape(r"\mu", "J"), shape("s", "J")),
             scale=("mu",), zero=("mu", "s")),
    UserLoss("elbo-sigmoid-decoder", "probabilistic",
             r"L = -\sum_{i=1}^{D}\left[x_i \log \hat{x}_i + (1 - x_i)\log(1 - \hat{x}_i)\right] + \frac{1}{2}"
             r"\sum_{k=1}^{K}\left(\mu_k^2 + s_k^2 - \log s_k^2 - 1\right)",
             (r"\mu", "s", "W", "c"), _neg_elbo,
             define=(r"z_k = \mu_k + s_k \epsilon_k", r"t_i = \sum_{k=1}^{K} W_{ik} z_k + c_i", r"\hat{x}_i = \sigma(t_i)"),
             given=(shape("x", "D"), shape(r"\mu", "K"), shape("s", "K"), shape(r"\epsilon", "K"), shape("W", "D", "K"),
                    shape("c", "D")),
             domain={"x": "binary", "s": "positive"}, scale=("W",), zero=("W", "c", "mu")),
    UserLoss("entropy-probabilities", "probabilistic", r"H(p) = -\sum_{i=1}^{K} p_i \log p_i", ("p",),
             lambda p: -anp.sum(p * anp.log(p)), given=(shape("p", "K"),), domain={"p": "simplex"}),
    UserLoss("entropy-of-softmax", "probabilistic", r"H = -\sum_{k=1}^{K} p_k \log p_k", ("z",),
             lambda z: -anp.sum(softmax(z) * log_softmax(z)),
             define=(r"p_k = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}}",), given=(shape("z", "K"),),
             scale=("z",), zero=("z",), offset=("z",)),
    UserLoss("kl-discrete", "probabilistic", r"L = \sum_{i=1}^{K} p_i \log\frac{p_i}{q_i}", ("q",),
             lambda p, q: anp.sum(p * (anp.log(p) - anp.log(q))), given=(shape("p", "K"), shape("q", "K")),
             domain={"p": "simplex", "q": "simplex"}),
    UserLoss("kl-function-notation", "probabilistic", r"D_{KL}(P \| Q) = \sum_{x} P(x)\log\frac{P(x)}{Q(x)}", ("Q",),
             lambda P, Q: anp.sum(P * (anp.log(P) - anp.log(Q))), domain={"P": "simplex", "Q": "simplex"}),
    UserLoss("cross-entropy-distributions", "probabilistic", r"H(p, q) = -\sum_{k=1}^{K} p_k \log q_k", ("z",),
             lambda p, z: -anp.sum(p * log_softmax(z)), define=(r"q = \mathrm{softmax}(z)",),
             given=(shape("p", "K"), shape("z", "K")), domain={"p": "simplex"}, scale=("z",), zero=("z",),
             offset=("z",)),
    UserLoss("kl-two-gaussians", "probabilistic",
             r"KL = \log\frac{s}{r} + \frac{r^2 + (m - \mu)^2}{2 s^2} - \frac{1}{2}", ("m", r"\mu", "r", "s"),
             lambda m, mu, r, s: anp.log(s / r) + (r**2 + (m - mu) ** 2) / (2 * s**2) - 0.5,
             domain={"r": "positive", "s": "positive"}, scale=("m", "mu"), zero=("m", "mu"), offset=("m", "mu")),
    UserLoss("bernoulli-log-likelihood-logits", "probabilistic",
             r"\log p(x \mid t) = \sum_{i=1}^{D} x_i \log\sigma(t_i) + (1 - x_i)\log(1 - \sigma(t_i))", ("t",),
             lambda x, t: anp.sum(x * log_sigmoid(t) + (1 - x) * log_sigmoid(-t)), domain={"x": "binary"},
             scale=("t",), zero=("t",)),
    UserLoss("bernoulli-nll-bracketed", "probabilistic",
             r"L = -\sum_{i=1}^{D} \left(x_i \log\sigma(t_i) + (1 - x_i)\log(1 - \sigma(t_i))\right)", ("t",),
             lambda x, t: anp.sum(softplus(t) - x * t), domain={"x": "binary"}, scale=("t",), zero=("t",)),
    UserLoss("student-t-nll", "probabilistic",
             r"L = \sum_{n=1}^{N} \frac{\nu + 1}{2}\log\left(1 + \frac{(y_n - \mu)^2}{\nu s^2}\right) + N \log s",
             (r"\mu", "s"),
             lambda y, mu, nu, s: anp.sum((nu + 1) / 2 * anp.log1p((y - mu) ** 2 / (nu * s**2))) + y.shape[-1] * anp.log(s),
             domain={"nu": "positive", "s": "positive"}, zero=("y", "mu"), offset=("y", "mu")),
    UserLoss("poisson-nll-counts", "probabilistic",
             r"-\log p(y \mid \lambda) = \sum_{i=1}^{N} \left(\lambda_i - y_i \log \lambda_i\right)", (r"\lambda",),
             lambda y, lambda_: anp.sum(lambda_ - y * anp.log(lambda_)),
             domain={"y": "count", "lambda_": "positive"}, scale=("lambda_",)),
    UserLoss("poisson-full-log-gamma", "probabilistic",
             r"L = \sum_{n=1}^{N}\left(\lambda_n - y_n\log\lambda_n + \log\Gamma(y_n + 1)\right)", (r"\lambda",),
             lambda y, lambda_: anp.sum(lambda_ - y * anp.log(lambda_) + log_factorial(y)),
             domain={"y": "count", "lambda_": "positive"}, scale=("lambda_",)),
    UserLoss("mixture-weights-pi", "probabilistic",
             r"L = -\log\sum_{k=1}^{K}\pi_k e^{-\frac{(x - \mu_k)^2}{2}}", (r"\mu",),
             lambda pi, mu, x: -logsumexp(anp.log(pi) - 0.5 * (x - mu) ** 2),
             given=(shape(r"\pi", "K"), shape(r"\mu", "K")), domain={"pi": "simplex"},
             scale=("mu",), zero=("mu", "x"), offset=("mu", "x")),
]
