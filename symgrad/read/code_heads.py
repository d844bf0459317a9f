"""``--of`` written as a code function named for a derivative, called at its variable (``tanh_d(x)``,
``relu_prime(z)``, ``d_sigmoid(x)``: read/code_functions.derivative_named), as a page's code names what its
``def`` returns: the derivative of that function by that variable, noted. Only a function the reader knows
(tanh, sigmoid) or one the page defines; anything else is left to the reader (refused there). A loss's derivative
method called at a target and a prediction (``loss_gradient(self, y, yhat)``, ``gradient(self, y_true, y_pred)``) is
the derivative of the page's one loss by the prediction, as code_functions reads such a ``def``, noted."""

from __future__ import annotations

import re

from .code_functions import _PREDICTION, _TARGET, BARE_DERIVATIVE, derivative_named
from .context import Context
from .derivative_names import spelled
from .heads_gradient import one_loss
from .tokens import _FUNCS
from .vocabulary import _NAMED_FUNCS

_CALL = re.compile(r"\s*([A-Za-z]\w*)\s*\(\s*([A-Za-z])\s*\)\s*")
_METHOD = re.compile(r"\s*([A-Za-z]\w*)\s*\(\s*((?:self\s*,\s*)?[A-Za-z]\w*\s*,\s*[A-Za-z]\w*)\s*\)\s*:?\s*")
# a loss's derivative method: loss_gradient, loss_derivative, cost_prime, gradient, backward (a method of a loss class)
_OF_A_LOSS = re.compile(r"(?:[A-Za-z]\w*_)?(?:(?:loss|cost|error|objective)_?)?(?:gradient|grad|derivative|deriv|prime|backward)",
                        re.IGNORECASE)


def derivative_named_in_code(text: str, ctx: Context) -> str | None:
    """The derivative ``text`` names as LaTeX (``\\frac{\\partial}{\\partial x} tanh(x)``), or None (see the module
    docstring)."""
    match = _CALL.fullmatch(text) if isinstance(text, str) else None
    if match is None and isinstance(text, str) and _METHOD.fullmatch(text):
        return _by_the_prediction(text, ctx)
    if match is None or ctx.known(match[1]):
        return None
    stem, var = derivative_named(match[1]), match[2]
    if stem is None or not (stem.lower() in _NAMED_FUNCS | _FUNCS or stem in ctx.functions):
        return None
    ctx.notes.append(f"--of {text.strip()} read as the derivative of {stem} by {var} (the code name says so)")
    return rf"\frac{{\partial}}{{\partial {var}}} {stem}({var})"


def claim_named_in_code(text: str, ctx: Context) -> str | None:
    """A claim whose first member is such a code name called at its variable (``applyDerivative(x) = (x)(1-x)``, the
    page defining apply): the name written as the prime of the function it names (``apply'(x)``, within the name's
    width, so columns stay), noted; None for any other text."""
    match = _CALL.match(text) if isinstance(text, str) else None
    if match is None or not text[match.end():].startswith("=") or text[match.end():].startswith("=="):
        return None
    name, var = match[1], match[2]
    stem = None if ctx.known(name) else derivative_named(name)
    if stem is None or not (stem.lower() in _NAMED_FUNCS | _FUNCS or stem in ctx.functions):
        return None
    ctx.notes.append(f"{name}({var}) read as the derivative of {stem} by {var} (the code name says so)")
    head = f"{stem}'({var})"
    return head.ljust(match.end() - match.start(1)).rjust(match.end()) + text[match.end():]


def _by_the_prediction(text: str, ctx: Context) -> str | None:
    """``loss_gradient(self, y, yhat)``: the derivative of the page's one loss by the prediction argument, as LaTeX;
    None where the name is no loss's derivative, the arguments are not a target and a prediction, or the page has no
    one loss written without a name or defined as a value."""
    match = _METHOD.fullmatch(text)
    name, args = match[1], [a.strip() for a in match[2].split(",") if a.strip() != "self"]
    if ctx.known(name) or not (BARE_DERIVATIVE.fullmatch(name) or _OF_A_LOSS.fullmatch(name)):
        return None
    kinds = [(bool(_TARGET.fullmatch(a)), bool(_PREDICTION.fullmatch(a))) for a in args]
    if sorted(kinds) != [(False, True), (True, False)]:
        return None
    by = next(a for a, (_, pred) in zip(args, kinds, strict=True) if pred)
    loss = None if ctx.unnamed else one_loss(ctx)
    if not ctx.unnamed and (loss is None or loss in ctx.functions):
        return None
    ctx.notes.append(f"--of {text.strip()} read as the derivative of {'the loss' if loss is None else loss} by {by}: "
                     "the code names a loss's derivative, which is by its prediction")
    joined = by.replace("_", "")  # y_pred as code reads it (read/code: one upright name, ypred)
    var = rf"\mathrm{{{joined}}}" if joined != by and ctx.known(joined) and not ctx.known(by) else spelled(by)
    return rf"\frac{{\partial {'' if loss is None else spelled(loss)}}}{{\partial {var}}}"
