"""The refusals the suite accepts: each refused case and the words its one-line message must contain (the construct
symgrad does not take, or the spelling that works). A refusal whose message lacks them is a defect, not a refusal."""

from __future__ import annotations

REFUSED: dict[str, str] = {
    "pinball-two-maxes": "index i is free on the right",  # \sum binds the first term only: the rest has a free i
    "bce-tensorflow-stable": "index n is free on the right",
    "sigmoid-one-over-defined": "index n is free on the right",
    "pinball-indicator": r"the ones vector \mathbb{1}",
    "poisson-glm-dot": "x takes 2 indices, got 1",  # w^T x_i: a row of a matrix by one index
    "ce-softmax-operator": "z takes 2 indices, got 1",
    "ce-cs231n-label-index": "cannot tell the range of index i",  # f_{y_i}: a label used as an index
    "multiclass-hinge-cs231n": "cannot tell the range of index i",  # L_i = \sum_{j \neq y_i}: i only in the label
    "dice-vnet-squares": r"\sum_{k=1}^{N}",  # \sum_i^N: names the spelling that works
    "cosine-similarity-sums": "states the value of an expression, not a definition",  # \cos\theta = ...
    "bernoulli-log-likelihood-logits": "states the value of an expression, not a definition",  # \log p(x | t) = ...
    "poisson-nll-counts": "states the value of an expression, not a definition",
    "infonce-query-keys": "size K + 1 does not match size K",  # \sum_{j=0}^{K} over K keys: the user's slip
    "infonce-positive-in-sum": "cannot differentiate by 's_p': it is not an input",  # s_p read as s indexed by p
    "heteroscedastic-log-variance": "index i is free on the right",
    "ls-lvert": r"unknown command \lVert",
    "trace-form": r"\mathrm{tr} is not a function symgrad knows",
    "attention-size-named-e": "e has two readings here",  # V \in R^{T x e} and e^{S_{ts}}
    "softmax-written-sigma": r"\sigma(z)_k has two readings",  # softmax of z, or sigmoid of z_k: refused, both named
    "poisson-full-log-gamma": "no array code for gamma",
    "huber-pytorch-doc": "expected &, found ,",  # the PyTorch docs' "0.5 (x_n - y_n)^2, & \text{if} ..."
    "ng-hypothesis-function": "uses h as a function but it is not defined",  # h_\theta(x) never defined
    "kl-function-notation": "P(...) has two readings",  # P(x): a function of x or P times x, both named
    "multilabel-soft-margin-brackets": "index i used as a value in -y*i",  # y[i] read as the product y i
}
