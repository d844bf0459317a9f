"""The user-loss suite (issue 10): losses typed the way practitioners write them, each with an independent
autograd.numpy reference and its input domain. ``CASES`` is every case, in family order."""

from __future__ import annotations

from . import classification, layers, matrix, metric, probabilistic, regression, spellings
from .case import UserLoss

CASES: list[UserLoss] = [*regression.CASES, *classification.CASES, *metric.CASES, *probabilistic.CASES, *layers.CASES,
                         *matrix.CASES, *spellings.CASES]
