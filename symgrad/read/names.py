"""Names: letters, words, decorations, subscripts, sample indices, functions and models."""

from __future__ import annotations

import re

import sympy as sp

from .applications import refuse_unknown_application
from .composites import _sigmoid
from .function_names import spelled_function, time_step, words_joined
from .indices import _reach, _span
from .reduced_arrays import _OF_VECTORS, vectors_reduced
from .row_vectors import is_row
from .shapes_aliases import alias_as_vector
from .shapes_estimates import estimate_of
from .tokens import _DECORATIONS, _FONTS, _FUNCS, _GREEK, _NAMED, _arg_text, _group_end, _Tok
from .vocabulary import _ELEMENTWISE, _MODELS, _NAMED_FUNCS, _OPERATORS, _extent, _free_indices, _Val

# Greek letters spelled out in plain text (beta*x, sigma^2); the two-letter ones (pi, mu) stay letters: p_i is
# often written pi
_GREEK_WORDS = frozenset(g for g in _GREEK if len(g) > 2 and g != "ell")
# the fonts that make a letter a vector (a capital: a matrix) by convention
_BOLD = frozenset({r"\mathbf", r"\boldsymbol", r"\bm", r"\vec", r"\pmb", r"\mathbfit"})


class _Names:
    """Reading names and applying functions (a part of the parser)."""

    def lookup_base(self, name: str) -> sp.IndexedBase | sp.Symbol | None:
        if name in self.ctx.definitions:
            lhs = self.ctx.definitions[name].lhs
            return lhs.base if isinstance(lhs, sp.Indexed) else lhs
        return self.ctx.tensors.get(name) or self.new_tensors.get(name) or self.new_scalars.get(name)

    def element(self, name: str, idxs: list[sp.Expr], tok: _Tok) -> sp.Expr:
        base = self.lookup_base(name)
        if isinstance(base, sp.Symbol) and self.lenient and self.new_scalars.get(name) is base:
            del self.new_scalars[name]  # \partial(\gamma v + \beta)/\partial v_i: v was the whole vector
            self.__dict__.setdefault("whole", {})[name] = base
            base = None
        if isinstance(base, sp.Symbol) and name in self.ctx.parameter_scalars and self.ctx.tensors.get(name) is base:
            self.note(f"the parameter {name} of a function defined here is the function's own; {name} written with "
                      f"an index is an input array of its own")
            del self.ctx.tensors[name]  # s(x) = ... then \sum_i s(w x_i): x_i is the input, s's x its own
            self.ctx.parameter_scalars.discard(name)
            base = None
        if isinstance(base, sp.Symbol) and alias_as_vector(self, name, idxs):  # \hat{y} = A^{(2)}, then \hat{y}_i
            base = self.lookup_base(name)
        if isinstance(base, sp.Symbol):
            raise self.error(f"{name} is a scalar: it takes no index", tok)
        if base is None:
            if (entry := self.capital_entry(name, idxs, tok)) is not None:
                return entry  # a_{ij} beside A: A's entry
            if self.strict and not self.lenient:
                raise self.error(f"name {name} is not defined", tok)
            label = self.subscript_label(name, idxs, tok)
            if label is not None:
                return label
            shape = tuple(_reach(i) or sp.Dummy(f"size_{name}", integer=True, positive=True) for i in idxs)
            base = self.new_tensors[name] = sp.IndexedBase(name, shape=shape)
        shape = tuple(base.shape or ())
        if len(shape) != len(idxs):
            raise self.error(f"{name} takes {len(shape)} indices, got {len(idxs)}", tok)
        for i, extent in zip(idxs, shape):
            unsized = isinstance(i, sp.Idx) and isinstance(self.find(extent), sp.Dummy)
            self.unify(_reach(i) if unsized else _span(i), extent, tok, f"index {i} of {name}")
        return base[tuple(idxs)]

    def array(self, base: sp.IndexedBase, tok: _Tok) -> _Val:
        shape = tuple(base.shape or ())
        if len(shape) > 2:
            raise self.error(f"{base} has {len(shape)} axes: write it with indices", tok)
        axes = tuple(self.fresh(e, "n" if self.samples else None) for e in shape)
        row = len(axes) == 1 and is_row(self.ctx, str(base.label))  # h \in R^{1 x m}, z = h W, "row vectors"
        return _Val(base[axes], ((None, axes[0]) if row else (axes[0], None)) if len(axes) == 1 else axes)

    def bare(self, name: str, tok: _Tok) -> _Val:
        if tok.text in _BOLD:
            self.__dict__.setdefault("bold_names", set()).add(name)
        if name in self.params:
            return self.parameter_value(name, tok)
        for scope in reversed(self.binders):
            if name in scope:
                return _Val(scope[name])
        letter = self.letter(name, tok) if name != "I" else self.identity(tok)
        if letter is not None:
            return letter
        if name in self.samples and self.lookup_base(name) is None:
            self.new_tensors[name] = sp.IndexedBase(name, shape=(self.size("N"),))
        base = self.lookup_base(name)
        if isinstance(base, sp.IndexedBase) and name in self.ctx.families:
            return _Val(base[self.ctx.families[name]])
        if isinstance(base, sp.IndexedBase):
            return self.array(base, tok)
        if base is not None:
            return _Val(base)
        if name in self.ctx.sizes or name in self.sizes or self.bounding:  # \sum_{b=1}^{B}: a bound's letter is a size
            return _Val(self.size(name))
        if name in self.ctx.ranges:
            return _Val(self.ctx.ranges[name])
        if self.index_mode and len(name) == 1:
            return _Val(self.index(name, tok))
        if self.strict and not self.lenient:
            raise self.error(f"name {name} is not defined", tok)
        if (estimate := estimate_of(name, self.lookup_base, tok.text in _BOLD)) is not None:  # \hat{\mathbf{Y}}, Y
            self.new_tensors[name] = estimate[0]
            self.note(estimate[1])
            return self.array(estimate[0], tok)
        if tok.text in _BOLD:
            return self.bold(name, tok)
        by_use = self.shaped_by_use(name, tok)
        if by_use is not None:
            return by_use
        sym = self.new_scalars[name] = sp.Symbol(name)
        return _Val(sym)

    def parameter_value(self, name: str, tok: _Tok) -> _Val:
        """A parameter of the function being defined: a vector where it is bold, an array where its use says so
        (read.shapes), else as written."""
        if tok.text in _BOLD and isinstance(self.params[name], sp.Symbol):
            del self.params[name]  # f(\mathbf{v}) = ...: v is a vector, as the bold says
            return self.bold(name, tok)
        if isinstance(self.params[name], sp.Symbol):
            by_use = self.shaped_by_use(name, tok)
            if by_use is not None:
                return by_use
        self.__dict__.setdefault("params_read", set()).add(name)
        return _Val(self.params[name])

    def bold(self, name: str, tok: _Tok) -> _Val:
        r"""``\mathbf{v}`` with no declared shape: a vector by convention (of a size its use settles), noted; a bold
        capital is a matrix of two sizes its use settles (read.shapes)."""
        if not name[:1].islower():
            return self.matrix_by_use(name, tok)
        self.note(f"{tok.text}{{{name}}} read as a vector: it is bold and nothing declares its shape")
        return self.array(self.new_vector_base(name), tok)

    def read_name(self, *, word: bool = False) -> tuple[str, _Tok] | None:
        """The name starting here (letter, known word, Greek, decorated, \\text{...}), or None."""
        t = self.peek()
        if t.kind == "letter":
            return self.letters(t, word)
        if t.kind == "cmd" and t.text[1:] in _GREEK:
            self.pos += 1
            return t.text[1:], t
        if t.text in _DECORATIONS:
            return self.decorated(t)
        if t.text in _NAMED and self.peek(1).kind == "letter":
            self.pos += 2  # \mathrm x: TeX's argument is the one letter
            return self.peek(-1).text, t
        if t.text in _NAMED and self.peek(1).text == "{":
            text, end = _arg_text(self.toks, self.pos + 1)
            if not re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", text):
                return None
            self.pos = end
            return text, t
        if t.text in _FONTS and t.text != r"\boxed":
            return self.in_font(t)
        return None

    def letters(self, t: _Tok, word: bool) -> tuple[str, _Tok]:
        """A run of letters: one letter, or a known word (a function, a Greek letter, a defined name) it starts
        with; all of them when ``word`` (a definition's left side)."""
        if (spelled := spelled_function(self)) is not None:  # binary_cross_entropy(y, p): a function defined here
            self.pos += len(spelled)
            return spelled, t
        run = 1
        while self.peek(run).kind == "letter" and self.contiguous(run - 1):
            run += 1
        start_of_run = self.starts_run(t)
        letters = "".join(self.peek(k).text for k in range(run))
        if word and run > 1:
            self.pos += run
            return letters, t
        words = _FUNCS | _GREEK_WORDS | _OPERATORS | {n for n in self.ctx.definitions if len(n) > 1} | \
            {n for n in self.ctx.tensors if len(n) > 1} | set(self.ctx.functions)
        applied = self.function_word(t, run, words) if start_of_run and run > 1 else None
        if applied is not None:
            return applied
        if start_of_run and run > 1:
            for n in range(run, 1, -1):
                if letters[:n] in words or (letters[:n] in _NAMED_FUNCS | {"max", "min"} and self.peek(n).text == "(") \
                        or (letters[:n] in _NAMED_FUNCS and n == run):  # sin x, sech x
                    self.pos += n
                    return letters[:n], t
        self.pos += 1
        return t.text, t

    def starts_run(self, t: _Tok) -> bool:
        """Whether the letter ``t`` here starts a run of letters: no letter glued before it, or that letter is a
        one-token subscript (TeX's: ``\\nabla_Wtr(...)`` is ``\\nabla_W`` of ``tr(...)``)."""
        before = self.toks[self.pos - 1] if self.pos else None
        return before is None or before.kind != "letter" or before.col + 1 != t.col or \
            self.__dict__.get("word_starts") == self.pos or (self.pos > 1 and self.toks[self.pos - 2].text == "_")

    def function_word(self, t: _Tok, run: int, words: frozenset[str]) -> tuple[str, _Tok] | None:
        """A word of three or more letters and digits written before ``(`` (``log1p(x)``, ``ReLU(x)``, ``gelu(x)``): a
        function symgrad knows (any case), else refused; never letters multiplied (``g·e·l·u·x``). None where the word
        is a name of this problem or a known word followed by a function or one letter (``logsigmoid(x)``); a name of
        this problem followed by a function (``xTr(A)``) is that name, noted, the function read next."""
        end = run
        while self.peek(end).kind in ("letter", "digit") and self.contiguous(end - 1):
            end += 1
        word = "".join(self.peek(k).text for k in range(end))
        if end < 3 or self.peek(end).text != "(":
            return None
        known = _FUNCS | _NAMED_FUNCS | _OPERATORS | {"max", "min"}
        if word.lower() in known:
            self.pos += end
            return word.lower(), t
        if end == run and any(word[:n] in words for n in (run, run - 1)):
            return None  # a name of this problem, or a word and one letter: logp(x) is log p(x)
        if end == run and word[0] != "d" and word[1:].lower() in known and \
                (self.ctx.declared_elsewhere(word[0]) or word[0] in self.params):
            self.note(f"{word}(...) read as {word[0]} times {word[1:]}(...), {word[0]} a name of this problem")
            self.__dict__["word_starts"] = self.pos + 1  # 2xTr(A^TA): x Tr(A^TA); d is left to differentials (dlog)
            self.pos += 1
            return word[0], t
        raise self.error(f"{word}(...) is not a function symgrad knows (it knows {', '.join(sorted(known))}): "
                         f"define it ({word}(x) = ...), or for a product write its letters apart ("
                         f"{' '.join(word)} (...))", t)

    def glued_name(self, t: _Tok) -> str | None:
        r"""``\log1p(x)``: a command with digits and letters glued on before ``(`` is the function of that name
        (log1p), read with a note; ``\log2(x)`` (log base 2, or log of 2x) is refused; None for anything else."""
        end = 0
        while self.peek(end).kind in ("letter", "digit") and (self.contiguous(end - 1) if end else
                                                              self.peek().col == t.col + len(t.text)):
            end += 1
        glued = "".join(self.peek(k).text for k in range(end))
        if not end or self.peek(end).text != "(" or self.peek().kind != "digit":
            return None
        word = t.text[1:] + glued
        if glued.isdigit():
            raise self.error(f"{t.text}{glued}(...) has two readings: {t.text} of {glued}·(...), or the function {word}; "
                             rf"write {t.text}({glued}\cdot ...) or {t.text}_{{{glued}}}(...) for a base", t)
        if word not in _NAMED_FUNCS:
            return None
        self.pos += end
        self.note(f"{t.text}{glued}(...) read as the function {word}")
        return word

    def decorated(self, t: _Tok) -> tuple[str, _Tok]:
        """``\\hat{y}``, ``\\bar x``: the name with its decoration (``yhat``)."""
        self.pos += 1
        braced = self.at("{")
        if braced:
            self.next()
        inner = self.read_name()
        if inner is None:
            raise self.error(f"{t.text} needs a name", t)
        if braced:
            self.expect("}", t)
        return inner[0] + _DECORATIONS[t.text], inner[1] if inner[1].text in _BOLD else t  # \hat{\mathbf{y}}: bold

    def in_font(self, t: _Tok) -> tuple[str, _Tok] | None:
        """``\\mathbf{x}``, ``\\boldsymbol\\theta``: the font does not change the name."""
        if self.peek(1).text == "{" and _group_end(self.toks, self.pos + 1) - self.pos in (3, 4):
            save = self.pos
            self.pos += 2
            inner = self.read_name()
            if inner is not None and self.at("}"):
                self.next()
                return inner[0], t
            self.pos = save
        elif self.peek(1).kind == "letter" or self.peek(1).text[1:] in _GREEK:
            self.pos += 1
            inner = self.read_name()
            return (inner[0], t) if inner is not None else None
        return None

    def subscript(self) -> tuple[str, list]:
        """After ``_``: ``("indices", [...])`` or ``("suffix", text)`` (``f_\\theta``, ``L_{2-norm}``)."""
        t = self.peek()
        if t.kind == "letter" and self.word_suffix():
            word = "".join(self.next().text for _ in range(self.word_suffix()))
            return "suffix", word  # y_hat, y_pred, E_total written in plain text
        if t.kind == "letter":
            self.next()
            return "indices", [self.index(t.text, t)]
        if t.kind == "digit":
            self.next()
            return "digits", [sp.Integer(int(t.text))]
        if t.text != "{":
            name = self.read_name()
            if name is None:
                raise self.error("expected a subscript", t)
            return "suffix", name[0]
        end = _group_end(self.toks, self.pos)
        body = self.toks[self.pos + 1:end - 1]
        kinds = {b.text if b.kind == "sym" else b.kind for b in body}
        if body and kinds <= {"letter", "digit", ","}:
            return self.index_list(body, end, t)
        if self.label_at(self.pos + 1) == end - 1:  # s_{y_i}: the element at the label y_i, not a name s_y_i
            label = self.label(self.pos + 1)
            self.pos = end
            return "indices", [label]
        if ":" in kinds and kinds <= {"letter", "digit", ",", ":"}:
            return self.slice_list(body, end)
        if body and body[0].kind == "letter" and kinds <= {"letter", "digit", ",", "+", "-"} and not words_joined(body) \
                and not time_step(body, self.binders, self.note):  # c_{t-1}: the state at the step before, a name
            raise self.error("index arithmetic (a_{k+1}) is not supported", body[0])
        self.pos = end  # L_{\text{hinge}}, D_{\mathrm{KL}}: the word, without its font (printed back upright)
        return "suffix", "".join(b.text.lstrip("\\") for b in body if b.text not in _NAMED | _FONTS | {"{", "}"})

    def index_run(self, n: int) -> list[sp.Expr] | None:
        """After ``_``, ``n >= 2`` letters run together (``p_nc``, ``δ_ij``) as that many indices, where the name
        takes ``n``: TeX's reading (p_n times c) would be a row times a letter; None otherwise (nothing read) or where the
        last letter has a subscript of its own (``x_iy_i`` is x_i y_i)."""
        if n < 2 or any(self.peek(k + 1).kind != "letter" or not self.contiguous(k) for k in range(n)) or \
                (self.peek(n + 1).kind == "letter" and self.contiguous(n)) or self.peek(n + 1).text == "_" or \
                any(self.declared_value(self.peek(k).text) for k in range(1, n + 1)):
            return None
        self.next()
        return [self.index(self.next().text, self.peek(-1)) for _ in range(n)]

    def word_suffix(self) -> int:
        """The length of a plain-text word subscript here (``y_hat``: three or more letters run together), else 0;
        two letters stay TeX's one-letter subscript and a factor (``x_ij`` is x_i j)."""
        run = 1
        while self.peek(run).kind == "letter" and self.contiguous(run - 1):
            run += 1
        return run if run >= 3 else 0

    def index_list(self, body: list[_Tok], end: int, t: _Tok) -> tuple[str, list]:
        """A braced subscript of letters, digits and commas: indices (``{ij}``, ``{12}``) or a suffix (``{o1}``)."""
        items: list[list[_Tok]] = [[]]
        for b in body:
            if b.text == ",":
                items.append([])
            else:
                items[-1].append(b)
        self.pos = end
        if len(items) == 1:
            run = items[0]
            known = all(b.text in self.ctx.ranges or any(b.text in s for s in self.binders) for b in run)
            if all(b.kind == "digit" for b in run):
                return "digits", [sp.Integer(int("".join(b.text for b in run)))]
            if not (all(b.kind == "letter" for b in run) and (len(run) <= 2 or known)):
                return "suffix", "".join(b.text for b in run)
            items = [[b] for b in run]
        idxs: list[sp.Expr] = []
        for item in items:
            if len(item) == 1 and item[0].kind == "letter":
                idxs.append(self.index(item[0].text, item[0]))
            elif item and all(b.kind == "digit" for b in item):
                idxs.append(sp.Integer(int("".join(b.text for b in item))))
            else:
                raise self.error("each index must be one letter or a number", item[0] if item else t)
        return "indices", idxs

    def slice_list(self, body: list[_Tok], end: int) -> tuple[str, list]:
        """``{i,:}``, ``{:,j}``: a row or column of a matrix, ``None`` for each ``:`` (the axis kept)."""
        items = "".join(b.text for b in body).split(",")
        if any(not (item == ":" or item.isdigit() or (len(item) == 1 and item.isalpha())) for item in items):
            raise self.error("a slice is written S_{i,:} or S_{:,j}: an index letter, a number or : for each axis",
                             body[0])
        got = [None if item == ":" else sp.Integer(item) if item.isdigit() else self.index(item, body[0])
               for item in items]
        self.pos = end
        return "slice", got

    def sliced(self, v: _Val, got: list, tok: _Tok) -> _Val:
        """The part of an array value that a slice keeps: ``S_{i,:}`` is row i of S, as a column vector."""
        if len(got) != len(v.free):
            raise self.error(f"an array of shape {self.shape(v)} takes {len(v.free)} indices, got {len(got)}", tok)
        fixed = {a: g for a, g in zip(v.free, got) if g is not None}
        for a, g in fixed.items():
            self.unify(_extent(g), _extent(a), tok, f"index {g}")
        keep = tuple(a for a, g in zip(v.free, got) if g is None)
        return _Val(v.expr.xreplace(fixed), (keep[0], None) if len(keep) == 1 else keep)

    def indexing(self, name: str) -> tuple[str, list[sp.Expr], bool]:
        """The subscripts and sample superscript after a name (``w_k``, ``x^{(i)}``, ``E_{total}``): the name with
        any word suffix, its indices (sample first) and whether an index was written as digits."""
        idxs: list[sp.Expr] = []
        digits = False
        name = self.labelled(name) or name if self.at("_") else name  # L_C, D_{KL}: a defined name with a label
        while True:
            base = self.lookup_base(name)
            left = len(base.shape or ()) - len(idxs) if isinstance(base, sp.IndexedBase) and self.at("_") else 0
            run = self.index_run(left) or self.mixed_pair(left) if left else None  # p_nc, a_{1j}
            if run is not None:
                idxs.extend(run)  # p_nc of a declared matrix p: two indices, as plain text writes them
            elif self.at("_"):
                self.next()
                kind, got = self.subscript()
                if kind == "suffix":
                    name = name + got if got in _DECORATIONS.values() else f"{name}_{got}"  # y_hat is yhat
                else:
                    idxs.extend(got)
                    digits = digits or kind == "digits"
            elif self.at("^") and self.peek(1).text == "{" and self.peek(2).text == "(" and \
                    self.toks[_group_end(self.toks, self.pos + 1) - 2].text == ")":  # not e^{(1 - \rho)\eta_n}
                self.pos += 3
                sample = []
                while not self.at(")"):
                    t = self.next()
                    if t.kind == "letter":
                        sample.append(self.index(t.text, t))
                    elif t.text != ",":
                        raise self.error("a sample index y^{(i)} must be letters", t)
                self.expect(")")
                self.expect("}")
                idxs = sample + idxs
            else:
                return name, idxs, digits

    def name_value(self, name: str, tok: _Tok) -> _Val:
        """A name with its subscripts, sample index, and application to arguments if it is a function."""
        model = self.model(name, tok)
        if model is not None:
            return model
        if name == "I" and self.at("_") and not self.declared("I"):
            sized = self.identity(tok, subscripted=True)  # I_d, I_{n}: the identity of that size
            if sized is not None:
                return sized
        name, idxs, digits = self.indexing(name)
        if digits and not idxs[1:] and isinstance(self.lookup_base(name), (sp.Symbol, type(None))):
            name, idxs = f"{name}_{idxs[0]}", []  # w_1 is a scalar unless w is a declared tensor
        if not idxs and self.at("'") and self.peek(1).text == "(" and self.applies_after_prime(name):
            return self.prime(name, tok)
        if not idxs and self.at("^") and self.applies_after_power(name):
            self.next()
            power = self.argument().expr  # Tanh^2(x) is Tanh(x)^2, as \tanh^2 x
            v = self.apply(name, tok)
            return _Val(v.expr ** power, v.axes)
        if self.applies(name, bool(idxs)):
            return self.apply(name, tok)
        refuse_unknown_application(self, name, tok, bool(idxs))
        if name in self.ctx.definitions and self.at("("):
            self.inputs_named(name)
        if idxs:
            return self.row(name, idxs, tok)
        return self.bare(name, tok)

    def row(self, name: str, idxs: list[sp.Expr], tok: _Tok) -> _Val:
        """``x_i`` or ``x^{(i)}`` of a declared matrix ``x`` (``x_i \\in \\mathbb{R}^d`` for each i): its row i, a
        column vector; with as many indices as axes, the element."""
        base = self.lookup_base(name)
        if None in idxs:
            if not isinstance(base, sp.IndexedBase):
                raise self.error(f"a slice of {name} needs {name} declared as a matrix", tok)
            return self.sliced(self.array(base, tok), idxs, tok)
        shape = tuple(base.shape or ()) if isinstance(base, sp.IndexedBase) else ()
        if len(shape) != len(idxs) + 1 or not idxs:
            return _Val(self.element(name, idxs, tok))
        k = self.fresh(shape[-1])
        return _Val(self.element(name, [*idxs, k], tok), (k, None))

    def model(self, name: str, tok: _Tok) -> _Val | None:
        """``f_\\theta(x)``, ``f_{w}(x)``, ``h_\\theta(x^{(i)})``: the abstract model ``f(x, theta)``, elementwise over
        the data like ``f(x)``, with the parameter as its last argument so that d/dtheta reaches it. None (nothing
        read) unless ``name`` is a model name subscripted by a name that is not an index, then applied to ``(...)``."""
        if name not in _MODELS or not self.at("_") or self.lookup_base(name) is not None or name in self.ctx.functions:
            return None
        save = self.pos
        self.next()
        braced = self.at("{")
        if braced:
            self.next()
        named = self.read_name()
        if named is not None and braced and not self.at("}"):
            named = None
        if braced and named is not None:
            self.next()
        if named is None or f"{name}_{named[0]}" in self.ctx.functions or self.is_index(named[0]) or not (
                self.at("(") or (self.at("{") and self.peek(1).text == "(")):
            self.pos = save
            return None
        theta = self.parameter(*named)
        return self.abstract(name, [*self.arguments(), _Val(theta)], tok)

    def abstract(self, name: str, args: list[_Val], tok: _Tok) -> _Val:
        """The undefined function ``name`` of several arguments, elementwise over the arrays among them."""
        data = [a for a in args if a.axes]
        exprs = [self.align(data[0], a, tok, f"apply {name} to") if a.axes else a.expr for a in args]
        return _Val(sp.Function(name)(*exprs), data[0].axes if data else ())

    def is_index(self, name: str) -> bool:
        return name in self.ctx.ranges or name in self.pending or any(name in scope for scope in self.binders)

    def parameter(self, name: str, tok: _Tok) -> sp.Symbol | sp.IndexedBase:
        """The parameter of a model: a known tensor (whole, not an element), else a scalar ``Symbol``."""
        if name in self.params:
            return self.params[name]
        base = self.lookup_base(name)
        if base is not None:
            return base
        if self.strict and not self.lenient:
            raise self.error(f"name {name} is not defined", tok)
        sym = self.new_scalars[name] = sp.Symbol(name)
        return sym

    def applies(self, name: str, indexed: bool) -> bool:
        """Whether ``name`` followed by ``(`` is a function application rather than a product."""
        if not (self.at("(") or (self.at("{") and self.peek(1).text == "(")):
            return False
        special = self.letter_applies(name)
        if special is not None:
            return special and not indexed
        if name in self.ctx.functions or name in _FUNCS:
            return not indexed
        if indexed or self.lookup_base(name) is not None or name in self.params:
            return False
        return name in ("f", "g", "h") or "_" in name or name in self.opaque or name in _NAMED_FUNCS

    def applies_after_power(self, name: str) -> bool:
        """Whether ``name^2(x)`` applies the function ``name`` (then squares it)."""
        save = self.pos
        self.next()
        if self.at("{"):
            self.pos = _group_end(self.toks, self.pos)
        elif self.peek().kind == "digit":
            self.next()
        else:
            self.pos = save
            return False
        try:
            return self.at("(") and self.applies(name, False)
        finally:
            self.pos = save

    def arguments(self) -> list[_Val]:
        braced = self.at("{")
        if braced:
            self.next()
        opened = self.expect("(")
        args = [self.expr()]
        while self.at(","):
            self.next()
            args.append(self.expr())
        self.expect(")", opened)
        if braced:
            self.expect("}")
        return args

    def apply(self, name: str, tok: _Tok) -> _Val:
        start = self.pos
        met = set(self.new_scalars)
        args = self.arguments()
        args = vectors_reduced(self, name, args, start, met, tok)  # softmax(z), mean((y_true - y_pred)^2)
        if name == "norm" and len(args) == 1 and not args[0].axes and not _free_indices(args[0].expr):
            args = [self.with_samples(args[0], start, lambda: self.arguments()[0])]
        if name in self.ctx.functions:
            return self.apply_defined(name, args, tok)
        if len(args) != 1 and name in _MODELS:
            return self.abstract(name, args, tok)  # f(x_n, \\theta): how the verdicts print a model
        if len(args) != 1:
            raise self.error(f"{name} takes one argument, got {len(args)}", tok)
        return self.builtin(name, args[0], tok)

    def builtin(self, name: str, a: _Val, tok: _Tok) -> _Val:
        special = self.letter_function(name, a)
        if special is not None:
            return special
        if name == "sigma":
            self.note(r"\sigma(...) read as the logistic sigmoid (define \sigma to mean another function)")
            value = _Val(_sigmoid(a.expr), a.axes)
            if a.axes:  # sigma of a whole array: an element of it, sigma(z)_k, is also how people write softmax
                self.__dict__.setdefault("sigmoid_arrays", []).append(value)
            return value
        if name in _ELEMENTWISE:
            return _Val(_ELEMENTWISE[name](a.expr), a.axes)
        if name == "softmax":
            return self.softmax(a, tok)
        if name in _OF_VECTORS:  # log-sum-exp, sum(v), mean(v) as code writes them
            if len(a.free) != 1:  # sum(z_j^2) over j, or of one z_j^2: write \sum_j
                raise self.error(f"{name} needs a vector argument, got shape {self.shape(a)}", tok)
            i = a.free[0]
            total = sp.Sum(sp.exp(a.expr) if name in ("logsumexp", "lse") else a.expr, (i, i.lower, i.upper))
            return _Val({"sum": total, "mean": total / _extent(i)}.get(name, sp.log(total)))
        if name == "diag":
            if len(a.free) != 1:
                raise self.error("diag needs a vector argument", tok)
            i = a.free[0]
            j = self.fresh(_extent(i))
            return _Val(a.expr * sp.KroneckerDelta(i, j), (i, j))
        if name == "norm":
            return self.norm(a, "2", tok)
        self.opaque.add(name)
        return _Val(self.ctx.derivative_rules.get(name, sp.Function(name))(a.expr), a.axes)  # g' stated: its rule

    def new_vector(self, name: str, tok: _Tok) -> _Val:
        """``softmax(z)`` of a name met first here: z is a vector (of a size the context settles), noted."""
        del self.new_scalars[name]
        self.note(f"{name} in softmax({name}) read as a vector")
        return self.array(self.new_vector_base(name), tok)

    def softmax(self, a: _Val, tok: _Tok) -> _Val:
        """``softmax(z)_i = e^{z_i}/Σ_k e^{z_k}``; of a matrix, row by row (over its last index, as attention's
        ``softmax(QK^T/\\sqrt{d})`` and NumPy's ``axis=-1`` take it), noted."""
        if len(a.free) not in (1, 2):
            raise self.error(f"softmax needs a vector or a matrix argument, got shape {self.shape(a)}", tok)
        i = a.free[-1]
        if len(a.free) == 2:
            self.note("softmax of a matrix taken row by row: A_ij = e^{S_ij}/Σ_k e^{S_ik}")
        k = self.fresh(_extent(i))
        return _Val(sp.exp(a.expr) / sp.Sum(sp.exp(a.expr.xreplace({i: k})), (k, k.lower, k.upper)), a.axes)
