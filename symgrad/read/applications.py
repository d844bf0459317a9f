"""A capital letter nothing defines, written applied to a parenthesised argument (``H(x)``, ``S(y)``): a function of
the argument (the Heaviside H, the softmax S), or the letter times it. Nothing says which, so it is refused naming both
readings. Spaced, ``Q (K^\\top)`` stays a product, as does a lower-case or Greek letter before a parenthesis
(``\\alpha(e^x - 1)``, ``y(wx)``): pages write constants so far more often than functions."""

from __future__ import annotations

from .tokens import _Tok


def refuse_unknown_application(p, name: str, tok: _Tok, indexed: bool) -> None:
    """Raise where ``name`` (at ``tok``, not ``indexed``, the parser ``p`` at its ``(``) is a capital letter glued to
    its ``(`` that nothing defines, declares, binds or has read yet: ``H(x)`` is Heaviside's H of x, or H times x."""
    if indexed or not (p.at("(") and p.peek().col == tok.col + 1 and tok.kind == "letter" and len(name) == 1
                                       and name.isupper()):
        return
    if name in p.new_scalars or name in p.params or p.lookup_base(name) is not None or name in p.ctx.definitions \
            or name in p.ctx.sizes or name in p.sizes or p.is_index(name) or any(name in s for s in p.binders):
        return
    raise p.error(f"{name}(...) has two readings: a function {name} of the argument, or {name} times it, and nothing "
                  f"defines {name}: define it ({name}(x) = ...) or write the product {name} \\cdot (...)", tok)
