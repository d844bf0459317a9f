"""A name in braces: ``{{y}^{(i)}}``, ``{\\hat{y}}^{(i)}``, ``{{h}_{\\theta }}({{x}^{(i)}})``,
``{h_\\theta}\\left( x \\right)`` (as MathType and Word's equation editor write ``y^{(i)}`` and ``h_\\theta(x^{(i)})``) is
the name itself. Braces around one name change nothing in LaTeX; left in, a superscript, subscript or parenthesis
after them would stand after a group, where ``{y}^{(i)}`` reads as a power and ``{h_\\theta}(x)`` as a product. A bold font
around an accented letter (``\\boldsymbol{\\hat{y}}^{(i)}``) is the accent around the bold letter (``\\hat{\\boldsymbol{y}}``),
as typeset: the name yhat, a vector by its font."""

from __future__ import annotations

# a letter inside these is still one name: \hat{y} (a name of its own), \mathbf{x} (x as a vector)
_DECORATIONS = frozenset({r"\hat", r"\bar", r"\tilde", r"\widehat", r"\widetilde", r"\overline", r"\vec",
                          r"\mathbf", r"\boldsymbol", r"\bm", r"\mathrm", r"\mathit"})
_BOLD = frozenset({r"\mathbf", r"\boldsymbol", r"\bm", r"\pmb", r"\mathbfit"})
_ACCENTS = frozenset({r"\hat", r"\widehat", r"\bar", r"\overline", r"\tilde", r"\widetilde", r"\dot"})
_ARGUMENT_BEFORE = frozenset({"_", "^", "}", "]"})  # {x} after these is a subscript's body or a command's argument


def braced_name(toks: list, k: int) -> tuple[list, int] | None:
    """The tokens of ``{ name }`` at ``k`` without its braces (and those of the names inside it), where a
    superscript, a subscript or an argument's parenthesis follows, and the index past the closing brace; None for
    anything else (a group holding more than one name, none of those after it, or a group that is a command's
    argument or a subscript's body, where the braces say where it ends)."""
    end = _braced_end(toks, k)
    if end is None:
        return None
    after = [t.text for t in toks[end:end + 2]]
    if after[0] not in ("^", "_", "(") and after != [r"\left", "("]:
        return None
    inner = _unbraced(toks[k + 1:end - 1])
    first = inner[0]  # at the brace's column: a slice of the source from the name keeps its braces balanced
    return [type(first)(first.kind, first.text, toks[k].col), *inner[1:]], end


def _unbraced(toks: list) -> list:
    """``toks`` with each braced name inside them unbraced."""
    out, k = [], 0
    while k < len(toks):
        end = _braced_end(toks, k)
        if end is None:
            out.append(toks[k])
            k += 1
        else:
            out.extend(_unbraced(toks[k + 1:end - 1]))
            k = end
    return out


def _braced_end(toks: list, k: int) -> int | None:
    """The index past ``{ name }`` at ``k`` (the name with one subscript: ``{h_\\theta}``, ``{{h}_{\\theta}}``), None
    where no such group starts there."""
    if k >= len(toks) or toks[k].text != "{" or k and (toks[k - 1].kind == "cmd" or toks[k - 1].text in _ARGUMENT_BEFORE):
        return None  # a command's argument (\mathbf{x}, \frac{1}{x}) or a subscript's body: the braces say where it ends
    end = _name_end(toks, k + 1)
    if end is not None and end < len(toks) and toks[end].text == "_":
        end = _subscript_end(toks, end + 1)
    return end + 1 if end is not None and end < len(toks) and toks[end].text == "}" else None


def _name_end(toks: list, k: int) -> int | None:
    """The index past one name at ``k``: a letter, a Greek letter's command, a decoration of one (``\\hat{y}``,
    ``\\mathbf{x}``) or a braced name; None where no name starts there."""
    if k >= len(toks) - 1:
        return None
    t = toks[k]
    if t.kind == "letter" or t.kind == "cmd" and t.text[1:].isalpha() and t.text not in _DECORATIONS and \
            toks[k + 1].text != "{":
        return k + 1
    if t.text in _DECORATIONS and toks[k + 1].text == "{":
        inner = _name_end(toks, k + 2)
        return inner + 1 if inner is not None and toks[inner].text == "}" else None
    return _braced_end(toks, k)


def _subscript_end(toks: list, k: int) -> int | None:
    """The index past a subscript's body at ``k`` (one letter, digit or command, or a brace group)."""
    if k < len(toks) and toks[k].text == "{":
        depth = 0
        for end in range(k, len(toks)):
            depth += (toks[end].text == "{") - (toks[end].text == "}")
            if depth == 0:
                return end + 1
        return None
    return k + 1 if k < len(toks) and toks[k].kind in ("letter", "digit", "cmd") else None


def accent_outside(toks: list, k: int) -> tuple[list, int] | None:
    """The tokens ``\\hat{\\boldsymbol{y}}`` that ``\\boldsymbol{\\hat{y}}`` (or ``\\boldsymbol{\\hat y}``) at ``k`` stands for,
    and the index past it; None for anything else."""
    if toks[k].text not in _BOLD or k + 4 >= len(toks) or toks[k + 1].text != "{" or toks[k + 2].text not in _ACCENTS:
        return None
    braced = toks[k + 3].text == "{"
    letter = k + 3 + braced
    end = letter + 1 + braced
    if end >= len(toks) or toks[letter].kind not in ("letter", "cmd") or (braced and toks[letter + 1].text != "}") or \
            toks[end].text != "}":
        return None
    accent, font, name = toks[k + 2], toks[k], toks[letter]
    tok = type(accent)
    return [tok(accent.kind, accent.text, font.col), tok("sym", "{", font.col), tok(font.kind, font.text, font.col),
            tok("sym", "{", name.col), name, tok("sym", "}", name.col), tok("sym", "}", toks[end].col)], end + 1
