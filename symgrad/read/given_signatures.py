"""Spaces of matrices as convex analysis writes them, and a function's signature giving its argument's space. The cones
``\\mathbb{S}^n_{++}`` and ``\\mathbb{S}^n_{+}`` are the n x n symmetric positive definite and semidefinite matrices
(``A \\in \\mathbb{S}^n_{++}``: ``A \\in \\mathbb{R}^{n \\times n}, A \\succ 0``); a bare ``\\mathbb{S}^n`` is left as
written (the symmetric matrices, or the unit sphere). ``f : \\mathbb{S}^n_{++} \\rightarrow \\mathbb{R}`` stated with
``f(A) = \\log |A|`` in the same facts gives A that space: the argument is a matrix, never a number. Noted."""

from __future__ import annotations

import re
from collections.abc import Sequence

_SIZE = r"(?:\{\s*(?P<G>[A-Za-z0-9]+)\s*\}|(?P<Gb>[A-Za-z0-9]))"
_PLUS = r"(?:\{\s*(?P<G>\+\+?)\s*\}|(?P<Gb>\+))"
# \mathbb{S}_{++}^{n}, \mathbb{S}^n_{+}: the cone with its size
_CONE = re.compile(r"\\mathbb\s*\{?\s*S\s*\}?\s*(?:_\s*" + _PLUS.replace("G", "plus") + r"\s*\^\s*" + _SIZE.replace("G", "size")
                   + r"|\^\s*" + _SIZE.replace("G", "size2") + r"\s*_\s*" + _PLUS.replace("G", "plus2") + ")")
_NAME = r"\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?"
_MEMBER = re.compile(rf"(?P<name>{_NAME})\s*(?:\\in|∈)\s*(?P<cone>{_CONE.pattern})")
_ARROW = r"(?:\\to|\\rightarrow|\\longrightarrow|→)(?![A-Za-z])"
_REALS = r"\\mathbb\s*\{?\s*R\s*\}?(?:\s*\^\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?"
_SIGNATURE = re.compile(rf"(?P<f>{_NAME})\s*(?::|\\colon)\s*(?P<domain>{_REALS}|{_CONE.pattern.replace('?P<', '?P<d_')})\s*"
                        rf"{_ARROW}\s*(?P<codomain>{_REALS})")


def _cone(m: re.Match, prefix: str = "") -> tuple[str, str]:
    """The space of the cone matched (``\\mathbb{R}^{n \\times n}``) and the relation that says which (``\\succ 0``)."""
    def group(key: str) -> str | None:
        return next((m[prefix + k] for k in (key, key + "b", key + "2", key + "2b") if m[prefix + k]), None)
    size, plus = group("size"), group("plus")
    return rf"\mathbb{{R}}^{{{size} \times {size}}}", r"\succ 0" if plus == "++" else r"\succeq 0"


def spaces_spelled(text: str) -> tuple[str, list[str]]:
    """``text`` (facts) with each cone membership spelled as a shape and a definiteness, and the argument of a function
    whose signature gives its space declared in it (before the definition, which then reads it as such); the notes."""
    notes: list[str] = []

    def member(m: re.Match) -> str:
        space, definite = _cone(m)
        notes.append(f"{m[0].strip()} read as {m['name']} \\in {space}, {m['name']} {definite}")
        return f"{m['name']} \\in {space}, {m['name']} {definite}"

    text = _MEMBER.sub(member, text)
    signature = _SIGNATURE.search(text)
    if signature is None:
        return text, notes
    argument = _argument(signature["f"], text)  # None: defined elsewhere, its argument's facts by signature_arguments
    facts, domain = _argument_facts(signature, argument) if argument else [], signature["domain"]
    spelled = rf"{signature['f']} : {_cone(cone)[0] if (cone := _CONE.fullmatch(domain)) else domain} \to {signature['codomain']}"
    if argument is not None:
        notes.append(f"{signature[0].strip()} with {argument[0].rstrip('=').strip()} = ...: read as {', '.join(facts)}")
    return text[:signature.start()] + ", ".join([*facts, spelled]) + text[signature.end():], notes


def _argument(f: str, text: str) -> re.Match | None:
    """``f(A) =`` in ``text``: the definition of f, its one argument A."""
    return re.search(rf"(?<![A-Za-z\\]){re.escape(f)}\s*\(\s*(?P<x>{_NAME})\s*\)\s*:?=", text)


def _argument_facts(signature: re.Match, argument: re.Match) -> list[str]:
    """The facts saying the argument of ``argument`` lies in the domain of ``signature``."""
    x, domain = argument["x"], signature["domain"]
    cone = _CONE.fullmatch(domain)
    return [rf"{x} \in {domain}"] if cone is None else [rf"{x} \in {_cone(cone)[0]}", f"{x} {_cone(cone)[1]}"]


def signature_arguments(given: Sequence[str], define: Sequence[str]) -> list[str]:
    """The facts a signature among ``given`` (``f : \\mathbb{R}^{n \\times n} \\to \\mathbb{R}``) says of the argument of
    its function's definition among ``define`` or the other facts (``f(A) = ...``): ``A \\in \\mathbb{R}^{n \\times n}``; read as a number, the
    argument would not be the page's matrix."""
    facts: list[str] = []
    for text in given:
        signature = _SIGNATURE.search(text)
        others = [*(g for g in given if g is not text), *define]  # f(A) = ... among the facts or the definitions
        argument = next((a for d in others if (a := _argument(signature["f"], d))), None) if signature else None
        if signature is not None and argument is not None and _argument(signature["f"], text) is None:
            facts += _argument_facts(signature, argument)
    return facts
