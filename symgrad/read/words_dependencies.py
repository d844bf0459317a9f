"""A dependency said in words (``$\\mu$ is also another function of $x_i$``, ``X is a function of E``, ``y depends on
w``): what the name depends on. The reader holds it against the definitions: a name defined by what it is said to
depend on is noted; one defined nowhere is refused, naming what is missing (read as a constant, it would silently
drop the dependency the claim may rest on)."""

from __future__ import annotations

import re

import sympy as sp

from ..errors import ParseError
from .lazy_patterns import pattern
from .prose import _QUOTED  # ‘a’, “z” around a name: the name

_NAME = r"\$?\s*(\\?[A-Za-zα-ωΑ-Ω]+(?:\{[^{}]*\})?(?:_\{?[A-Za-z0-9]+\}?)?)\s*\$?"
_DEPENDS = (r"(?:is\s+(?:also\s+)?(?:another\s+|a\s+|an\s+|some\s+)?(?:(?:differentiable|smooth|scalar|matrix|vector)\s+)?"
            r"function\s+of|depends\s+(?:up)?on|is\s+dependent\s+on)")
_SAID = pattern(rf"(?:(?<=^)|(?<=[\s,;.]))(?:(?:,\s*)?(?:and\s+)?){_NAME}\s+{_DEPENDS}\s+{_NAME}\s*\.?(?=\s*(?:[,;]|$|and\s))",
                   re.IGNORECASE)
# "the activation function ‘a’ w.r.t weighted input ‘z’": a name by its role, then what it is of
_ROLE = pattern(rf"(?:the\s+)?(?:activation|output)(?:\s+function)?\s+{_NAME}\s+(?:w\.?\s*r\.?\s*t\.?|of|with\s+respect\s+to)"
                   rf"\s+(?:the\s+)?(?:weighted\s+)?(?:input|sum|pre-?activation|logit)?\s*{_NAME}\s*\.?", re.IGNORECASE)
# "Given #y=f(x)#", "$y = f(x)$": y a function of x, its letter f named (AsciiMath's #...# as Socratic writes it)
_APPLIED = pattern(r"\s*(?:(?:given|where|let|if)\s+)?[$#]*\s*(\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\s*=\s*"
                      r"(?P<function>[A-Za-z])\s*\(\s*(\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\s*\)\s*[$#]*\s*[.,;]?\s*",
                      re.IGNORECASE)
_PRONOUNS = {"that", "which", "it"}
_SUBJECT = pattern(rf"\s*(?:(?:let|where|here|and)\s+)?{_NAME}\s+(?:is|be)\s", re.IGNORECASE)  # the sentence's subject
_FONT = pattern(r"\\(?:mathbf|boldsymbol|bm|vec|mathrm|hat)\s*\{([^{}]*)\}")


def dependencies(text: str) -> list[tuple[str, str, str, int]]:
    """Each dependency ``text`` says in words: (name, what it depends on, the words, their column); a name in quotes
    (‘a’) is the name."""
    text = _QUOTED.sub(lambda m: f" {m[1]} ", text)
    roles = [(m[1], m[2], m[0], m.start(1) + 1) for m in [_ROLE.fullmatch(text.strip())] if m]
    roles += [(m[1], m[3], m[0], m.start(1) + 1) for m in [_applied(text)] if m]
    return roles or [(_antecedent(text, m), m[2], m[0], m.start(1) + 1) for m in _SAID.finditer(text)]


def _antecedent(text: str, m: re.Match) -> str:
    """The name a dependency is about: ``K`` of ``K is a $n \\times n$ matrix that depends on $p$`` (a relative
    pronoun stands for the sentence's subject, never a name of its own)."""
    if m[1].lower() not in _PRONOUNS:
        return m[1]
    subject = _SUBJECT.match(text)
    return subject[1] if subject is not None else m[1]


def _applied(text: str) -> re.Match | None:
    """``y = f(x)`` with its letter f and its argument x different names from y, or None."""
    m = _APPLIED.fullmatch(text)
    return m if m is not None and len({m[1], m[3], m["function"]}) == 3 else None


def _key(written: str) -> str:
    """The name a written name is known by (``\\mu`` is mu, ``x_i`` is x, ``\\mathbf{X}`` is X)."""
    return re.sub(r"_.*$", "", _FONT.sub(r"\1", written)).strip("\\{} $")


def _used(ctx, name: str, seen: frozenset = frozenset()) -> set[str]:
    """The names ``name``'s definition uses, through the definitions it uses."""
    d = ctx.definitions.get(name)
    if d is None or name in seen:
        return set()
    direct = {str(s) for s in d.rhs.free_symbols} | {str(b.label) for b in d.rhs.atoms(sp.IndexedBase)}
    return direct.union(*(_used(ctx, n, seen | {name}) for n in direct))


def hold(text: str, ctx) -> str:
    """``text`` with each dependency it says blanked (the same width), once held against ``ctx``'s definitions:
    noted when the name's definition uses what it is said to depend on, refused otherwise."""
    text = _QUOTED.sub(lambda m: f" {m[1]} ", text)
    for written, by, words, column in dependencies(text):
        name, var = _key(written), _key(by)
        applied = _applied(words)
        if applied is not None and (applied["function"] in {*ctx.functions, *ctx.definitions} or name not in ctx.definitions):
            continue  # f defined, or y not (L = f(D): a loss known by its gradient): for the fact reader
        phrase = " ".join(re.sub(r"^[\s,]*(?:and\s+)?", "", words).strip(" .").split())
        if name not in ctx.definitions:
            raise ParseError(f"'{phrase}': {written} depends on {by}, but nothing here says how: define {written} "
                             rf"({written} = ...) or give its derivative (\frac{{\partial {written}}}{{\partial {by}}} = "
                             "...); read as a constant it would drop that dependency", column=column, source=text)
        if var not in _used(ctx, name):
            raise ParseError(f"'{phrase}': {written} is said to depend on {by}, but its definition does not use it",
                             column=column, source=text)
        ctx.notes.append(f"'{phrase}': {written}'s definition uses {by}")
        text = text.replace(words, " " * len(words), 1)
    return text
