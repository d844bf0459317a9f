"""What a definition's head says besides its name: a subscript that is a label (``L_C``, ``D_{KL}``), parameters that
are indices (``p(a) = e^{z_a} / ...``)."""

from __future__ import annotations

import sympy as sp

from .differentials import source_text
from .expression_heads import record_head
from .names import _BOLD
from .parser import _Parser
from .tokens import _GREEK, _Tok


def _parameters_or_indices(p: _Parser, name: str, params: list[str] | None, idxs: list[sp.Expr], tok: _Tok
                           ) -> tuple[list[str] | None, list[sp.Expr]]:
    """``p_i(\\mathbf{a}) = ...``: the element p_i, its inputs named; ``p(a) = e^{z_a} / ...``, a parameter the right
    side uses only as an index: the element p_a (noted); else the function's parameters."""
    if params is not None and idxs:
        p.ctx.element_inputs[name] = tuple(params)  # applied to anything else later: refused (read.named_inputs)
        return None, idxs
    if params is not None and _subscripts_only(p.toks[p.pos:], params, _in_parameter_labels(p.toks[p.pos:], p)):
        p.note(f"{name}({', '.join(params)}) read as {name}_{{{''.join(params)}}}: on the right "
               f"{'it is' if len(params) == 1 else 'they are'} only an index")
        return None, [p.index(q, tok) for q in params]
    labels = _label_parameters(p, params or [])
    if labels:
        return _labelled_inputs(p, name, params, labels, tok)
    return params, idxs


def _label_parameters(p: _Parser, params: list[str]) -> list[str]:
    """``FL(x, t) = -(1 - p_t)^\\gamma \\log p_t``: the parameters the right side uses only as subscripts (t) where
    every other one is a name it never writes (x: an input the value reaches through other names) or writes only as
    the array those subscripts index (``y(x, c) = -\\ln(x_c)``: element c of the input vector x); else none."""
    right = p.toks[p.pos:]
    labels = [q for q in params if _subscripts_only(right, [q], _in_parameter_labels(right, p))]
    rest = [q for q in params if q not in labels]
    if not labels or not rest or not all(_indexed_only(right, q) for q in rest):
        return []
    return labels


def _indexed_only(toks: list[_Tok], name: str) -> bool:
    """Whether each use of ``name`` in ``toks`` has a subscript (``x_c``, ``\\mathbf{x}_c``); true where it has none."""
    uses = [k for k, t in enumerate(toks) if t.text.lstrip("\\") == name and t.kind in ("letter", "cmd")]
    after = [k + 1 + (k + 1 < len(toks) and toks[k + 1].text == "}") for k in uses]  # past \mathbf{x}'s brace
    return all(k < len(toks) and toks[k].text == "_" for k in after)


def _labelled_inputs(p: _Parser, name: str, params: list[str], labels: list[str], tok: _Tok
                     ) -> tuple[None, list[sp.Expr]]:
    """The head ``FL(x, t)`` of :func:`_label_parameters`: the element FL_t, its input x named; the head as written
    stays the name of that element (a claim's ``\\partial FL(x, t)``), noted."""
    eq = max(k for k in range(p.pos) if p.toks[k].text == "=")
    head = p.toks[p.toks.index(tok):eq]
    record_head([t for t in head if t.text != "&"], source_text(p.src, head), name, p.ctx)
    others = [q for q in params if q not in labels]
    written = any(t.text.lstrip("\\") in others and t.kind in ("letter", "cmd") for t in p.toks[eq + 1:])
    p.note(f"{source_text(p.src, head)} read as {name}_{{{''.join(labels)}}}: on the right "
           f"{' and '.join(labels)} {'is' if len(labels) == 1 else 'are'} only an index, and "
           f"{', '.join(others)} {'is' if len(others) == 1 else 'are'} " +
           ("written only as the array it indexes (the input)" if written else
            "not written (the input reached through the names it uses)"))
    return None, [p.index(q, tok) for q in labels]


def _subscripts_only(toks: list[_Tok], params: list[str], values: set[int]) -> bool:
    """Whether the one-letter parameters appear on the right, each only as a subscript (``w_a``, ``w_{a}``); the
    positions ``values`` (a function's parameter label, ``f_{w,b}``) are uses as values."""
    uses = {q: [k for k, t in enumerate(toks) if t.text == q and t.kind == "letter"] for q in params}
    if any(k in values for ks in uses.values() for k in ks):
        return False
    return all(len(q) == 1 and ks and all(toks[k - 1].text == "_" or toks[k - 1].text == "{" and toks[k - 2].text == "_"
                                           for k in ks) for q, ks in uses.items())


def _in_parameter_labels(toks: list[_Tok], p: _Parser) -> set[int]:
    """The positions in ``toks`` inside the subscript of a function named with its parameters (``f_{w,b}(x)``)."""
    found: set[int] = set()
    for k in range(len(toks) - 2):
        if toks[k + 1].text == "_" and toks[k + 2].text == "{" and any(
                n.startswith(toks[k].text.lstrip("\\") + "_") and "," in n for n in p.ctx.functions):
            close = next((j for j in range(k + 3, len(toks)) if toks[j].text == "}"), k + 2)
            found.update(range(k + 3, close))
    return found


def _label_subscript(p: _Parser, name: str, idxs: list[sp.Expr]) -> tuple[str, list[sp.Expr]]:
    """``L_C = ...``, ``D_{KL} = ...``: a subscript of the defined name whose letters the right side never writes is
    a label, part of the name (noted); an index the right side uses (``p_i = ...``) stays an index."""
    letters = [str(i.label) if isinstance(i, sp.Idx) else str(i) for i in idxs]
    if idxs and all(isinstance(i, sp.Integer) and i >= 0 for i in idxs) and not _an_array(p, name):
        label = "".join(letters)  # A_1 = tanh(Z_1), C_0 = (a - y)^2: A is no array, A_1 a name of its own
        p.note(f"{name}_{label} read as one name: {name} is no declared array")
        return f"{name}_{label}", []
    if not idxs or not all(isinstance(i, (sp.Idx, sp.Symbol)) and len(t) == 1 for i, t in zip(idxs, letters)):
        return name, idxs
    right = {t.text for k, t in enumerate(p.toks) if k >= p.pos and not _labels_a_known_name(p, k)}
    if any(t in right or t in p.ctx.ranges for t in letters):
        return name, idxs
    label = "".join(letters)
    _no_indices(p, letters, idxs)
    p.note(f"{name}_{label} read as one name: the right side has no index {' or '.join(letters)}")
    return f"{name}_{label}", []


def _no_indices(p: _Parser, letters: list[str], idxs: list[sp.Expr]) -> None:
    """The subscript letters of a head read as a label: no indices, nothing to give a range."""
    for letter, i in zip(letters, idxs):
        if p.pending.get(letter) == i:
            del p.pending[letter]
            p.pending_col.pop(getattr(i, "upper", None), None)


def _parameter_subscripts(p: _Parser, name: str, idxs: list[sp.Expr], params: list[str] | None
                          ) -> tuple[str, list[sp.Expr]]:
    """``f_{w,b}(x) = wx + b``, ``h_\\theta(x) = \\theta^T x``: a function's subscript whose letters its right side
    uses as values, not only as subscripts, names the parameters it depends on: part of the name (noted), as the
    claim's ``f_{w,b}(x^{(i)})`` writes it; ``g_i(x) = x_i^2`` keeps the index i."""
    letters = [str(i.label) if isinstance(i, sp.Idx) else str(i) for i in idxs]
    right = p.toks[p.pos:]
    if params is None or not idxs or any(
            not isinstance(i, (sp.Idx, sp.Symbol)) or letter in params for i, letter in zip(idxs, letters)):
        return name, idxs
    as_values = [any(t.text.lstrip("\\") == letter and t.kind in ("letter", "cmd") and right[k - 1].text != "_" and not (
        right[k - 1].text == "{" and k > 1 and right[k - 2].text == "_") for k, t in enumerate(right) if k)
        for letter in letters]
    if not all(as_values):
        return name, idxs
    _no_indices(p, letters, idxs)
    label = ",".join(letters)
    p.note(f"{name}_{{{label}}}({', '.join(params)}) read as one function, {name}_{{{label}}}: its subscript names "
           f"the parameters {', '.join(letters)} its right side uses")
    return f"{name}_{label}", []


def _an_array(p: _Parser, name: str) -> bool:
    """Whether ``name`` is declared or defined as an array (``p \\in \\mathbb{R}^n``, ``p_i = ...``): then ``p_1 = ...``
    defines one of its elements."""
    known = p.ctx.tensors.get(name)
    return isinstance(known, sp.IndexedBase) or name in p.ctx.definitions or name in p.ctx.families

def _labels_a_known_name(p: _Parser, k: int) -> bool:
    """Whether token ``k`` is the label of a name already defined with it (the B of ``\\mu_B`` or ``\\mu_{B}`` once
    ``\\mu_B = ...`` is read): a label, no use of an index B (``\\sigma_B^2 = ... (x_i - \\mu_B)^2``)."""
    toks = p.toks
    at = k - 1 - (toks[k - 1].text == "{")
    if toks[k].kind != "letter" or at < 1 or toks[at].text != "_":
        return False
    return p.ctx.known(f"{toks[at - 1].text.lstrip(chr(92))}_{toks[k].text}")


def _local_parameters(p: _Parser, params: list[str]) -> dict[str, sp.Symbol]:
    """The parameters read as the function's own scalars: each one no declaration makes an array, and all of them
    where the right side is a formula in its parameters alone (``\\sigma(x) = 1/(1 + e^{-x})`` beside an input
    x_i \\in R^p: that x is sigma's own, noted); ``f(w) = \\|Xw - y\\|^2`` keeps the declared vector w, and a
    capital or bold parameter (``\\log \\det X``) stays the matrix or vector it is written as."""
    right = p.toks[p.pos:]
    closed = all(t.text in params or t.kind == "letter" and t.text == "e" or t.kind == "cmd" and t.text[1:] not in _GREEK
                 and t.text not in _BOLD for t in right if t.kind in ("letter", "cmd"))
    declared = [q for q in params if isinstance(p.ctx.tensors.get(q), sp.IndexedBase)]
    own = [q for q in declared if closed and q.islower()]  # not det X
    if own:
        p.note(f"{', '.join(own)} in {p.toks[0].text}({', '.join(params)}) = ... read as the function's own "
               f"parameter, not the input {own[0]}: its right side uses nothing else")
    return {q: sp.Symbol(q) for q in params if q not in declared or q in own}
