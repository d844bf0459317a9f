"""A one-hot vector named by its role only (``the one-hot encoded true labels``, ``the one-hot-vector``): the labels
of the definitions, the one array they use that nothing defines and no function takes (y of ``-\\sum_i y_i \\log
p_i``, beside the logits inside exp); refused naming the candidates where the formulas leave more than one."""

from __future__ import annotations

import re

import sympy as sp

from ..errors import ParseError

_UNNAMED = re.compile(r"\s*(?:the\s+|a\s+)?one[\s-]?hot(?:[\s-]+encod(?:ed|ing))?(?:[\s-]+(?:true|target|class|ground[\s-]"
                      r"truth))?(?:[\s-]+(?:vectors?|labels?|targets?|encodings?))\s*[.,;]?\s*", re.IGNORECASE)


def unnamed_one_hot(text: str, one_hot: list) -> bool:
    """Record a one-hot fact that names no vector (``the one-hot-vector``) in ``one_hot`` (name None) for the
    definitions to decide; False for any other text."""
    if not isinstance(text, str) or not _UNNAMED.fullmatch(text):
        return False
    one_hot.append((None, " ".join(text.split())))
    return True


def _bare(e: sp.Basic, name: str, inside: bool = False) -> bool:
    """Whether every element of the array ``name`` in ``e`` stands outside any function's argument."""
    if isinstance(e, sp.Indexed):
        return not inside or str(e.base.label) != name
    nested = inside or isinstance(e, (sp.Function, sp.Pow)) and not (isinstance(e, sp.Pow) and e.exp.is_number)
    return all(_bare(a, name, nested) for a in e.args)


def labels_named(definitions: dict, tensors: dict, source: str) -> str:
    """The name ``source`` (a one-hot fact naming no vector) means: the one array the definitions use that nothing
    defines and that no function takes (a label weighs the terms; logits and probabilities sit inside exp and log)."""
    used = {str(a.base.label) for d in definitions.values() for a in d.rhs.atoms(sp.Indexed)}
    candidates = sorted(n for n in used if n not in definitions and isinstance(tensors.get(n), sp.IndexedBase)
                        and all(_bare(d.rhs, n) for d in definitions.values()))
    if len(candidates) != 1:
        raise ParseError(f"'{source}' names no vector, and the definitions leave {len(candidates)} that could be the "
                         f"labels ({', '.join(candidates) or 'none'}): say which (y is one-hot)", column=1, source=source)
    return candidates[0]
