"""``x^k`` with k bound by a sum and x a name nothing shapes: the power of a number x, or the sample x_k written up.
Refused naming both, each reading carried for verify to judge (``verify.readings``): the power as the fact that makes
x a number (x \\in \\mathbb{R}), the sample spelled x_k. (A declared vector's ``x^k`` is the sample: read.letters.)"""

from __future__ import annotations

from typing import Any

from .tokens import _Tok
from .vocabulary import _Val


def summed_power(p: Any, v: _Val, e: _Val, t: _Tok) -> Exception:
    """The refusal of ``x^k`` (``t`` its ``^``, the parser ``p`` past the exponent), with both readings where x is
    one letter written right before the ``^``."""
    x, k = v.expr, e.expr
    err = p.error(f"{x}^{k} with {k} summed has two readings: the power, or the sample {x}_{k}; write {x}_{k} (or "
                  rf"{x}^{{({k})}}) for the sample, or declare {x} \in \mathbb{{R}} for the power", t)
    base, last = p.toks[p.toks.index(t) - 1], p.toks[p.pos - 1]
    if base.text == str(x) and len(base.text) == 1:
        err.readings = ((f"the power {x}^{k}", 0, 0, rf"{x} \in \mathbb{{R}}"),
                        (f"the sample {x}_{k}", base.col, last.col + len(last.text), f"{x}_{{{k}}}"))
    return err
