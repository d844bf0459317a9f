"""Membership facts ``names \\in SET``: shapes, index ranges, sizes and domains, as pages write them."""

from __future__ import annotations

import re

import sympy as sp

from ..tensors import size
from .context import Context
from .layers import labelled, tag_label
from .parser import _Parser
from .prose_matrices import BY_USE, VECTORS_BY_USE
from .row_vectors import RowShape, declare_row
from .tokens import _DOTS, _arg_text, _Tok
from .vocabulary import _extent

_POSITIVE = sp.Interval.open(0, sp.oo)
_NONNEGATIVE = sp.Interval(0, sp.oo)
# what follows \mathbb{R} to say "positive": R_+, R^+, R_{>0}, R_{\ge 0}, R_{++}
_SIGNS = {("+",): _NONNEGATIVE, ("+", "+"): _POSITIVE, (">", "0"): _POSITIVE, (r"\geq", "0"): _NONNEGATIVE,
          (r"\ge", "0"): _NONNEGATIVE, (r"\geqslant", "0"): _NONNEGATIVE}


def _member(p: _Parser) -> tuple[str, _Tok, list[str]]:
    """One name before ``\\in`` with the letters of its subscripts and sample superscript (``x^{(i)}``, ``w_k``)."""
    braced = p.at("{")  # {\\boldsymbol \\beta} \\in ...
    if braced:
        p.next()
    named = p.read_name(word=True)
    if named is None:
        raise p.error("expected a name")
    name, tok = named
    if braced:
        p.expect("}")
    name = _numbered(p, name)
    name, idxs, _ = p.indexing(name)
    return name, tok, [str(i) for i in idxs]


def _numbered(p: _Parser, name: str) -> str:
    """``W^1 \\in \\mathbb{R}^{3 \\times 2}``: a declared name with the superscript 1 (no power anyone writes) is that
    layer's name, ``W^{[1]}``, and the page's digit superscripts are layer numbers (``ctx.numbered_layers``, read by
    read/layers.py), noted; ``W^2`` then too. Another digit on a name not so declared (``\\sigma^2 \\in \\mathbb{R}_+``)
    is left to the power it may be; the name is unchanged where no digit superscript stands before ``\\in`` or ``,``."""
    braced = p.peek(1).text == "{" and p.peek(3).text == "}"
    digit, after = (p.peek(2), p.peek(4)) if braced else (p.peek(1), p.peek(2))
    if not p.at("^") or digit.kind != "digit" or len(digit.text) != 1 or after.text not in (r"\in", ","):
        return _labelled(p, name)
    if digit.text != "1" and name not in p.ctx.numbered_layers:  # \sigma^2 \in \mathbb{R}_+: a variance, a power
        return name
    p.pos += 4 if braced else 2
    tagged = labelled(name, sp.Integer(int(digit.text)))
    if not p.ctx.numbered_layers:
        p.ctx.notes.append(f"{name}^{digit.text} declared: a digit superscript is a layer number ({tagged}) on the names "
                           "the facts declare so, on names written with ^1 and on defined names: each name tagged ^{[n]} "
                           "or ^{(n)} is a name of its own")
    p.ctx.numbered_layers.add(name)
    p.ctx.layer_names.add(tagged)
    return tagged


def _labelled(p: _Parser, name: str) -> str:
    """``W^L \\in \\mathbb{R}^{m \\times n}``, ``W^{[2]}``, ``b^{(l)}``: a declared name with a layer tag is the name at
    that layer (``W^L``, as read/layers.py names it in the definitions); unchanged without such a tag before ``\\in``
    or ``,``."""
    if not p.at("^"):
        return name
    end = _arg_text(p.toks, p.pos + 1)[1] if p.peek(1).text == "{" else p.pos + 2
    inner = p.toks[p.pos + 2:end - 1] if p.peek(1).text == "{" else p.toks[p.pos + 1:end]
    label = tag_label("".join(t.text for t in inner))
    if label is None or end >= len(p.toks) or p.toks[end].text not in (r"\in", ","):
        return name
    p.pos = end
    tagged = labelled(name, label)
    p.ctx.layer_names.add(tagged)
    return tagged


def _members(p: _Parser) -> list[tuple[str, _Tok, list[str]]]:
    """Comma-separated names up to ``\\in`` (``\\hat{y}, y \\in \\mathbb{R}^{n}``)."""
    names = [_member(p)]
    while p.at(","):
        p.next()
        names.append(_member(p))
    p.expect(r"\in")
    return names


def _dims(p: _Parser) -> tuple[sp.Expr, ...]:
    """``^{n \\times d}``, ``^{n, d}``, ``^n``: the sizes of a space, unit axes dropped."""
    if not p.at("^"):
        return ()
    p.next()
    _parenthesized_power(p)
    if not p.at("{"):
        return (p.bound(),)
    dims = _dims_braced(p)
    kept = tuple(d for d in dims if d != 1)
    if len(dims) == 2 and dims[0] == 1 and len(kept) == 1:  # R^{1 x n}: a row vector
        return RowShape(kept)
    return kept if kept or not dims else (sp.Integer(1),)


def _parenthesized_power(p: _Parser) -> None:
    """``^(m×n)``, ``^{(m \\times n)}``, as plain text writes a space's power: the parentheses only group its sizes
    (read as the braces, never as one size m n)."""
    k = p.pos + (p.at("{") and p.peek(1).text == "(")
    if p.toks[k].text != "(":
        return
    depth, end = 0, k
    for end in range(k, len(p.toks)):
        depth += {"(": 1, ")": -1}.get(p.toks[end].text, 0)
        if depth == 0:
            break
    if depth or k > p.pos and p.toks[end + 1].text != "}":
        return
    if k > p.pos:
        del p.toks[end], p.toks[k]
    else:
        p.toks[k], p.toks[end] = _Tok("sym", "{", p.toks[k].col), _Tok("sym", "}", p.toks[end].col)


def _times_as_x(p: _Parser) -> None:
    """``^{mxm}``, ``^{n x 1}``: sizes (one letter or a number each) joined by the letter x, as pages type the times
    sign; read as \\times and noted (a product of sizes n x m is no length a page gives a vector)."""
    end = _arg_text(p.toks, p.pos - 1)[1] - 1
    inside = p.toks[p.pos:end]
    sizes, marks, k = [], [], 0
    while k < len(inside):  # a number's digits are tokens of their own (1x 30): one size
        run = k + 1
        while inside[k].kind == "digit" and run < len(inside) and inside[run].kind == "digit":
            run += 1
        sizes.append("".join(t.text for t in inside[k:run]))
        if run < len(inside):
            marks.append(p.pos + run)
        k = run + 1
    if len(sizes) < 2 or len(marks) != len(sizes) - 1 or any(p.toks[m].text != "x" for m in marks) or any(
            not re.fullmatch(r"[0-9]+|[A-Za-wyz]", size) for size in sizes):
        return
    for m in marks:
        p.toks[m] = _Tok("cmd", r"\times", p.toks[m].col)
    written = p.src[inside[0].col - 1:inside[-1].col - 1 + len(inside[-1].text)]
    product = r" \times ".join(sizes)
    p.ctx.notes.append(f"{written} in a space's power read as {product}")


def _dim(p: _Parser) -> sp.Expr:
    """One size of a space: terms joined by + and - (``n-1``, ``d+1``), each a number, a size or both (``2n``)."""
    size = _dim_term(p)
    while p.at("+") or p.at("-"):
        size += (1 if p.next().text == "+" else -1) * _dim_term(p)
    return size


def _dim_term(p: _Parser) -> sp.Expr:
    """A number of several digits (``30``: each digit a token), times a size after it (``2n``), or a size."""
    if p.peek().kind != "digit" or p.peek(1).kind not in ("digit", "letter"):
        return _dim_name(p)
    digits = ""
    while p.peek().kind == "digit":
        digits += p.next().text
    return sp.Integer(digits) * (_dim_name(p) if p.peek().kind == "letter" and p.contiguous(-1) else 1)


def _dim_name(p: _Parser) -> sp.Expr:
    """A size name with a subscript is one size (``d_{in}``, ``n_1``, ``n_samples``), a letter primed another size (``d'``,
    ``d^{\\prime}``: in a space's power a prime is no transpose nor derivative), else a bound (``n``, ``m``)."""
    t = p.peek()
    primed = _PRIMES.get(tuple(u.text for u in p.toks[p.pos + 1:p.pos + 5]))
    if t.kind == "letter" and len(t.text) == 1 and primed is None:
        primed = _PRIMES.get(tuple(u.text for u in p.toks[p.pos + 1:p.pos + 3])) or _PRIMES.get((p.peek(1).text,))
    if t.kind == "letter" and len(t.text) == 1 and primed is not None:
        p.pos += 1 + primed
        return p.size(f"{t.text}'")
    if t.kind == "letter" and p.peek(1).text == "_" and p.contiguous(0):
        if p.peek(2).text == "{":
            sub, end = _arg_text(p.toks, p.pos + 2)
        else:  # n_samples, as code names a size: the letters glued after _ (n_s times amples is no size)
            end = p.pos + 3
            while p.contiguous(end - p.pos - 1) and (p.toks[end].kind in ("letter", "digit") or p.toks[end].text == "_"):
                end += 1
            end -= p.toks[end - 1].text == "_"
            sub = "".join(u.text for u in p.toks[p.pos + 2:end])
        if re.fullmatch(r"[A-Za-z0-9_]+", sub):
            p.pos = end
            return p.size(f"{t.text}_{{{sub}}}")
    return p.bound()


_PRIMES = {("'",): 1, ("^", r"\prime"): 2, ("^", "{", r"\prime", "}"): 4}  # d', d^\prime, d^{\prime}: tokens after d


def _sign(p: _Parser) -> sp.Set | None:
    """A positivity mark after a number field (``_+``, ``^+``, ``_{>0}``, ``_{\\ge 0}``), read; else None."""
    if not (p.at("_") or (p.at("^") and p.peek(1).text in ("+", "{"))):
        return None
    start = p.pos
    p.next()
    if p.at("{"):
        end = _arg_text(p.toks, p.pos)[1]
        group = tuple(t.text for t in p.toks[p.pos + 1:end - 1])
    else:
        group, end = (p.peek().text,), p.pos + 1
    if group not in _SIGNS:
        p.pos = start
        return None
    p.pos = end
    return _SIGNS[group]


_FIELDS = (r"\mathbb", r"\R", r"\Bbb", r"\mathbf", r"\mathrm", r"\mathcal", r"\mathds", r"\mathbbm")  # how pages set R
# macros pages define for the reals (\newcommand{\RR}{\mathbb{R}}): the letter, and the power the macro holds
_REAL_MACROS = {r"\R": (), r"\RR": (), r"\Rbb": (), r"\reals": (), r"\Reals": (), r"\Real": (), r"\rr": (),
                r"\rrn": ("n",), r"\Rn": ("n",), r"\RRn": ("n",), r"\rrm": ("m",), r"\Rm": ("m",), r"\rrd": ("d",),
                r"\Rd": ("d",)}


def _field(p: _Parser) -> tuple[str, sp.Set | None, tuple[sp.Expr, ...]]:
    """``\\mathbb{R}^{n \\times d}``, ``\\mathbb{R}_{>0}``, ``\\mathbb{N}``: the letter, a sign domain and the dims."""
    t = p.next()
    letter = "R"
    if t.text in _REAL_MACROS:
        power = _REAL_MACROS[t.text]
        if power and (p.at("^") or p.at("_")):
            raise p.error(f"{t.text} holds its power (R^{power[0]}): write \\mathbb{{R}}^{{...}} for another", p.peek())
        if power:
            p.ctx.notes.append(f"{t.text} read as the page's macro for \\mathbb{{R}}^{{{power[0]}}}")
            return letter, None, (p.size(power[0]),)
    elif p.at("{"):
        letter, p.pos = _arg_text(p.toks, p.pos)
    else:  # \mathbb R^n, \Bbb R^n: TeX's argument is the one letter
        letter = p.next().text
    if letter not in ("R", "N", "Z"):
        raise p.error(rf"unknown set \mathbb{{{letter}}} (symgrad reads \mathbb{{R}}, \mathbb{{N}}, \mathbb{{Z}})", t)
    sign = _sign(p)
    dims = _dims(p)
    if p.at(r"\setminus"):  # R^n \ {0}: a point removed changes no shape and no sampling
        p.next()
        p.factor()
    return letter, sign, dims


def _finite(p: _Parser, t: _Tok) -> tuple[str, object]:
    """``\\{0, 1\\}`` (a domain) or ``\\{1, \\dots, n\\}`` (a range), after its opening brace; the items may stand
    in a group of their own (``\\left\\{ {0, 1}\\right\\}``)."""
    p.next()
    grouped = p.at("{") and p.toks[_arg_text(p.toks, p.pos)[1]].text == r"\}"
    opened = p.next() if grouped else None
    listed, dots = _enumeration(p, "}" if grouped else r"\}")
    items = [v for _, v in listed]
    if opened is not None:
        p.expect("}", opened)
    p.expect(r"\}", t)
    if not dots:
        return "domain", sp.FiniteSet(*items)
    last = items[-1]
    return "range", (items[0], last.xreplace({s: p.size(str(s)) for s in last.free_symbols}))


def _set(p: _Parser) -> tuple[str, object]:
    """After ``\\in``: ``("range", (lo, hi))`` for ``\\{1, \\dots, n\\}`` or ``[n]``, else ``("domain", Set)``."""
    t = p.peek()
    if t.text == "[" and p.peek(2).text == "]":
        p.next()
        upper = p.bound()
        p.next()
        return "range", (sp.Integer(1), upper)
    if t.text in ("(", "["):
        p.next()
        lo = p.expr().expr
        p.next() if p.at(";") else p.expect(",")  # [0; 1], as French and Russian pages write an interval
        hi = p.expr().expr
        right = p.next()
        if right.text not in (")", "]"):
            raise p.error("expected ) or ] to close the interval", right)
        return "domain", sp.Interval(lo, hi, t.text == "(", right.text == ")")
    if t.kind == "cmd" and t.text not in _FIELDS and t.text[1:].isalpha():
        raise p.error(rf"{t.text} is no set symgrad knows (a macro of the page?): write the set (\mathbb{{R}}^{{n}}) or "
                      rf"give the macro as a fact (\newcommand{{{t.text}}}{{\mathbb{{R}}^n}})", t)
    if t.text != r"\{":
        raise p.error(r"expected a set: \mathbb{R}^{n}, \{1, \dots, n\}, \{0, 1\} or (0, 1)", t)
    return _finite(p, t)


def _element_shape(p: _Parser, name: str, tok: _Tok, idxs: list[str], dims: tuple) -> tuple:
    """The whole shape of ``name`` when each ``name_i`` lies in a space of ``dims``: the index ranges first."""
    extents = []
    for i in idxs:
        if i.isdigit():
            raise p.error(f"{name}_{i} \\in ...: declare the whole {name} (a {name} \\in \\mathbb{{R}}^{{n}})", tok)
        if i not in p.ctx.ranges:
            _default_range(p, name, i, tok)
        extents.append(_extent(p.ctx.ranges[i]))
    return (*extents, *dims)


def _default_range(p: _Parser, name: str, i: str, tok: _Tok) -> None:
    """``x^{(i)} \\in \\mathbb{R}^{d}`` with nothing giving i's range: i runs over 1..N, the size of an index nothing
    sizes (noted: a sum \\sum_{i=1}^{m} later is then a size mismatch, an error, never a guess taken silently)."""
    size = p.ctx.default_size
    if p.ctx.declared_elsewhere(size) and size not in p.ctx.sizes:
        raise p.error(rf"cannot tell how many {name}_{i} there are: declare the range of {i} "
                      rf"({i} = 1, \dots, N)", tok)
    p.ctx.ranges[i] = sp.Idx(sp.Symbol(i, integer=True), (1, p.size(size)))
    p.ctx.notes.append(f"{name}_{i} for {i} = 1..{size}: nothing gives the range of {i} (declare it to say otherwise)")


def _declare(p: _Parser, name: str, tok: _Tok, dims: tuple) -> None:
    """Record ``name`` as a tensor of shape ``dims`` (a scalar when empty), agreeing with its definition."""
    ctx = p.ctx
    old = ctx.definitions.get(name)
    if old is not None and tuple(getattr(old.lhs, "base", old.lhs).shape or ()) != dims:
        raise p.error(f"{name} is defined with another shape", tok)
    if old is None:
        ctx.tensors[name] = sp.IndexedBase(name, shape=dims) if dims else sp.Symbol(name)
        if isinstance(dims, RowShape):
            declare_row(ctx, name)


_MATRICES = ("M", r"\mathcal", r"\mathrm", r"\mathbb", r"\mathscr")  # M_n(\mathbb{R}), \mathcal{M}_n(\mathbb{R})


def _matrix_space(p: _Parser, names: list[tuple[str, _Tok, list[str]]]) -> bool:
    r"""``A \in M_n(\mathbb{R})``, ``M_{m \times n}(\R)``, ``\mathcal{M}_{m,n}(\mathbb{R})``: the matrices of that
    size; ``M(\mathbb{K})``, ``M_n(\mathbb{K})`` (K a field: read as the reals, noted) with no size, the square matrices of
    a size the use settles (capitals only). False, nothing read, where it is no such set."""
    t = p.peek()
    letter = p.peek(2).text if t.text in _MATRICES[1:] and p.peek(1).text == "{" else t.text
    skip = 4 if letter != t.text else 1
    if letter != "M" or p.peek(skip).text not in ("_", "("):
        return False
    p.pos += skip
    dims: tuple = ()
    if p.at("_"):
        p.next()
        dims = (p.bound(),) if not p.at("{") else _dims_braced(p)
        dims = dims * 2 if len(dims) == 1 else dims
    p.expect("(")
    field = p.next()
    if field.text in _FIELDS and p.at("{"):
        field = p.toks[p.pos + 1]
        p.pos += 3
    elif field.text in _FIELDS and field.text != r"\R":
        field = p.next()
    if field.text not in ("R", "K", r"\R"):
        raise p.error(rf"matrices over {field.text}: symgrad reads real matrices (M_n(\mathbb{{R}}))", field)
    p.expect(")")
    p.done()
    ctx = p.ctx
    ctx.sizes.update(p.sizes)
    for name, tok, _ in names:
        if dims:
            _declare(p, name, tok, dims)
        elif not name[:1].isupper():
            raise p.error(rf"{name} in the square matrices: a matrix needs its size ({name} \in M_n(\mathbb{{R}}))", tok)
    said = "the square matrices" if len(set(dims)) < 2 else "the matrices"
    ctx.notes += [] if dims else [BY_USE.format(names=", ".join(n for n, _, _ in names))]
    ctx.notes.append(f"{', '.join(n for n, _, _ in names)} in {said}{' of a size the use settles' * (not dims)}"
                     f"{', over K read as the reals' * (field.text == 'K')}")
    return True


_MAPS = ((r"\mathcal", "{", "L", "}"), (r"\mathscr", "{", "L", "}"), ("L",))  # L(V, W), \mathcal{L}(V)


def _linear_maps(p: _Parser, names: list[tuple[str, _Tok, list[str]]]) -> bool:
    r"""``A \in L(V, V)``, ``\mathcal{L}(V)``: the linear maps of a vector space V to itself, square matrices of a size
    the use settles (capitals only; noted); ``L(V, W)`` matrices of a shape the use settles; ``L(\mathbb{R}^n,
    \mathbb{R}^m)`` the m x n matrices. V and W become vector spaces: ``u \in V`` then declares a vector
    (``_vector_space``). False, nothing read, where it is no such set."""
    mark = next((m for m in _MAPS if tuple(p.peek(k).text for k in range(len(m))) == m), None)
    if mark is None or p.peek(len(mark)).text != "(":
        return False
    p.pos += len(mark) + 1
    spaces = [_mapped_space(p)]
    if p.at(","):
        p.next()
        spaces.append(_mapped_space(p))
    p.expect(")")
    p.done()
    if any(isinstance(s, tuple) for s in spaces) and not all(isinstance(s, tuple) for s in spaces):
        raise p.error(r"linear maps between a named space and \mathbb{R}^n: write both as \mathbb{R}^{n}")
    ctx = p.ctx
    ctx.sizes.update(p.sizes)
    if all(isinstance(s, tuple) for s in spaces):
        dims = (*spaces[-1], *spaces[0])
        for name, tok, _ in names:
            _declare(p, name, tok, dims)
        return True
    ctx.vector_spaces.update(spaces)
    if not all(n[:1].isupper() or n.lstrip("\\")[:1].isupper() for n, _, _ in names):
        raise p.error(r"a linear map is a matrix and needs its size declared (A \in \mathbb{R}^{n \times n}); only "
                      "capitals are read as matrices of a size their use settles", names[0][1])
    written = ", ".join(n for n, _, _ in names)
    said = "the square matrices" if len(set(spaces)) == 1 else "the matrices"
    ctx.notes += [BY_USE.format(names=written),
                  f"{written} in L({', '.join(spaces)}), the linear maps: {said} of a size the use settles"]
    return True


def _mapped_space(p: _Parser) -> str | tuple[sp.Expr, ...]:
    r"""One space of ``L(V, W)``: a capital letter (its name), or ``\mathbb{R}^{n}`` (its dims, a vector space)."""
    t = p.peek()
    if t.kind == "letter" and len(t.text) == 1 and t.text.isupper():
        return p.next().text
    if t.text in _FIELDS:
        letter, sign, dims = _field(p)
        if letter == "R" and sign is None and len(dims) == 1:
            return tuple(dims)
    raise p.error(r"linear maps L(V, W) between vector spaces: a capital letter (V) or \mathbb{R}^{n}", t)


def _vector_space(p: _Parser, names: list[tuple[str, _Tok, list[str]]]) -> bool:
    r"""``u, v \in V`` where V is a space linear maps were declared on (``A \in L(V, V)``): vectors of a size the use
    settles (noted: verify refuses where the use reads one otherwise). False, nothing read, for any other set."""
    t = p.peek()
    if t.text not in p.ctx.vector_spaces or p.peek(1).kind != "end":
        return False
    p.next()
    written = ", ".join(n for n, _, _ in names)
    p.ctx.notes += [VECTORS_BY_USE.format(names=written),
                    f"{written} in {t.text}, the vector space the linear maps act on: vectors of a size the use settles"]
    return True


def _dims_braced(p: _Parser) -> tuple[sp.Expr, ...]:
    """``{n}``, ``{m \\times n}``, ``{m,n}`` after M_: the sizes in the braces."""
    opened = p.next()
    _times_as_x(p)
    dims = [_dim(p)]
    while p.at(r"\times") or p.at(","):
        p.next()
        dims.append(_dim(p))
    p.expect("}", opened)
    return tuple(dims)


def membership(p: _Parser) -> None:
    """``x, w \\in \\mathbb{R}^n``, ``x^{(i)} \\in \\mathbb{R}^{d}``, ``y \\in \\{0, 1\\}^{K}``, ``i \\in [n]``,
    ``\\epsilon \\in (0, 1)``, ``N \\in \\mathbb{N}``: shapes, domains, ranges and sizes into the context."""
    ctx: Context = p.ctx
    names = _members(p)
    if p.peek().text in _REAL_MACROS or any(p.at(c) for c in _FIELDS) and (
            p.at(r"\mathbb") or p.peek(1).text in ("R", "N", "Z") or (
            p.peek(1).text == "{" and p.peek(2).text in ("R", "N", "Z") and p.peek(3).text == "}")):
        letter, sign, dims = _field(p)
        p.done()
        ctx.sizes.update(p.sizes)
        for name, tok, idxs in names:
            if dims and len(idxs) == 1 and idxs[0].isdigit() and not isinstance(ctx.tensors.get(name), sp.IndexedBase):
                name, idxs = f"{name}_{idxs[0]}", []  # b_2 \in \mathbb{R}^{5}: the second layer's b, one name
            if letter != "R":
                ctx.sizes[name] = size(name)
                continue
            if sign is not None:
                ctx.domains[name] = sign
            if dims or not idxs:  # z_i \in R says only that each z_i is real: z keeps its shape
                _declare(p, name, tok, _element_shape(p, name, tok, idxs, dims) if idxs else dims)
        return
    if _matrix_space(p, names) or _linear_maps(p, names) or _vector_space(p, names):
        return
    kind, what = _set(p)
    dims = _dims(p)
    p.done()
    ctx.sizes.update(p.sizes)
    for name, tok, idxs in names:
        if kind == "range":
            ctx.ranges[name] = sp.Idx(sp.Symbol(name, integer=True), what)
            continue
        ctx.domains[name] = what
        if dims:
            _declare(p, name, tok, _element_shape(p, name, tok, idxs, dims))


def _enumeration(p: _Parser, close: str | None) -> tuple[list[tuple[_Tok, sp.Expr]], bool]:
    """The items of ``1, 2, \\dots, n`` or ``1 .. n`` up to ``close`` (or the end), and whether dots stood among them."""
    items: list[tuple[_Tok, sp.Expr]] = []
    dots = False
    while not (p.at(close) if close else p.peek().kind == "end"):
        if p.at(","):
            p.next()
        elif p.peek().text in _DOTS:
            p.next()
            dots = True
        else:
            items.append((p.peek(), p.expr().expr))
    if not items:
        raise p.error("expected a value", p.peek())
    return items, dots


def index_range(latex: str, toks: list[_Tok], ctx: Context) -> None:
    """``i = 1, \\dots, N``, ``k = 0, 1, \\dots, m-1``, ``i = 1 .. n``: the range of an index."""
    p = _Parser(latex, toks, ctx)
    t = p.next()
    if t.kind != "letter":
        raise p.error("a range names one index letter: i = 1, \\dots, N", t)
    p.expect("=")
    listed, dots = _enumeration(p, None)
    lower, (upper_tok, upper) = listed[0][1], listed[-1] if len(listed) > 1 else (t, None)
    if upper is None or not dots:
        raise p.error("a range needs its last value: i = 1, \\dots, N", p.peek())
    upper = upper.xreplace({s: p.size(str(s)) for s in upper.free_symbols if not isinstance(s, sp.Idx)})
    if upper.is_number and lower.is_number and upper < lower:
        raise p.error(f"the range of {t.text} is empty", upper_tok)
    ctx.sizes.update(p.sizes)
    ctx.ranges[t.text] = sp.Idx(sp.Symbol(t.text, integer=True), (lower, upper))
