"""How symgrad's objects show themselves in a notebook: Markdown and HTML with typeset math, tables.

Jupyter (and MkDocs pages) typeset ``$...$`` and ``$$...$$`` inside HTML and Markdown, so the
formulas stay LaTeX from ``symgrad.latex``; everything else is escaped text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import sympy as sp

from .derivation import Derivation, Result, Step
from .errors import SymgradError
from .latex import note_text, to_latex
from .tensors import extent

if TYPE_CHECKING:
    from .check import CheckReport
    from .compile import Compiled
    from .verify import Verdict


def latex_of(obj: Any) -> str:
    """LaTeX for a SymPy expression, a result (``∂L/∂w = ...``), a step or a derivation, as derivations print it."""
    if isinstance(obj, Derivation):
        return obj.latex()
    if isinstance(obj, Result):
        return f"{to_latex(sp.Derivative(obj.of, obj.var))} = {to_latex(obj.expr)}"
    if isinstance(obj, Step):
        return f"{to_latex(obj.lhs)} = {to_latex(obj.rhs)}"
    if isinstance(obj, sp.Basic):
        return to_latex(obj)
    raise SymgradError(f"symgrad.latex prints SymPy expressions and symgrad derivations, not {type(obj).__name__}")


# --- notes: words with the mathematics in them set as math ----------------------------------------

_OPERATORS = {">=": r"\geq", "<=": r"\leq", "!=": r"\neq", "≥": r"\geq", "≤": r"\leq", "≠": r"\neq", "=": "=",
              "<": "<", ">": ">", "∈": r"\in", "·": r"\cdot", "−": "-", "+": "+", "|": "|"}
# a name that is surely mathematics: subscripted (r_i, x_{ij}) or Greek (δ, σ_k); plain words stay words
_NAME = r"(?:[A-Za-z][A-Za-z0-9]*_\{?[A-Za-z0-9]+\}?|[\u0370-\u03ff](?:_\{?[A-Za-z0-9]+\}?)?)"
_NUMBER = r"\d+(?:\.\d+)?"
_OPERATOR = "|".join(re.escape(o) for o in sorted(set(_OPERATORS) - {"|"}, key=len, reverse=True))
_TERM = rf"(?:{_NAME}|{_NUMBER}|\|{_NAME}\|)"
_MATH_RUN = re.compile(rf"(?:{_NUMBER}\s*(?:{_OPERATOR})\s*)?(?:{_NAME}|\|{_NAME}\|)(?:\s*(?:{_OPERATOR})\s*{_TERM})*")
_TOKEN = re.compile(rf"{_OPERATOR}|\||[\u0370-\u03ff]|_\{{?[A-Za-z0-9]+\}}?|[^\s\u0370-\u03ff_|]+")


def _math_token(token: str) -> str:
    if token in _OPERATORS:
        return _OPERATORS[token]
    if token.startswith("_"):
        return "_{" + token.strip("_{}") + "}"
    name = unicodedata.name(token, "") if len(token) == 1 else ""
    if name.startswith("GREEK"):
        letter = name.rsplit(" ", 1)[-1].lower()
        return "\\" + (letter.capitalize() if "CAPITAL" in name else letter)
    return token


def note_markdown(note: str) -> str:
    """A note in Markdown: names such as ``r_i`` and ``δ``, and relations such as ``r_i = 0``, as ``$...$`` math."""
    out, at = [], 0
    for match in _MATH_RUN.finditer(note):
        tex = " ".join(_math_token(t) for t in _TOKEN.findall(match.group()))
        out += [escape_markdown(note[at:match.start()]), "$" + re.sub(r" _\{", "_{", tex) + "$"]
        at = match.end()
    return "".join(out) + escape_markdown(note[at:])


def escape_markdown(text: str) -> str:
    """``text`` with the characters Markdown would read as markup escaped."""
    return re.sub(r"([\\`*_\[\]<>|#$])", r"\\\1", text)


# --- derivations -----------------------------------------------------------------------------------


def derivation_markdown(d: Derivation) -> str:
    """A derivation for a notebook: real headings, display math, the notes with their math typeset."""
    body = d.markdown()
    body = re.sub(r"\A<!--.*?-->\n+", "", body, flags=re.DOTALL)  # the generated-file header is for files
    body = body.split("\n## Notes\n", 1)[0].rstrip()
    if d.notes:
        body += "\n\n## Notes\n\n" + "\n".join(f"- {note_markdown(note_text(n))}" for n in d.notes)
    return body + "\n"


def markdown_html(markdown: str) -> str:
    """The Markdown symgrad writes (headings, ``$$`` blocks, lists, paragraphs) as HTML, math left for MathJax."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n(?!\s*\\end)", markdown.strip()):
        block = block.strip()
        heading = re.match(r"(#{1,6}) (.*)", block)
        if heading:
            level = len(heading.group(1)) + 1  # a notebook cell's h1 is the notebook's title
            out.append(f"<h{level}>{_inline_html(heading.group(2))}</h{level}>")
        elif block.startswith("$$"):
            out.append(f'<div class="math">{html.escape(block, quote=False)}</div>')
        elif block.startswith("- "):
            items = re.split(r"\n- ", block[2:])
            out.append("<ul>" + "".join(f"<li>{_inline_html(i)}</li>" for i in items) + "</ul>")
        else:
            out.append(f"<p>{_inline_html(block)}</p>")
    return "\n".join(out)


def _inline_html(text: str) -> str:
    """Markdown text with ``$...$`` math as HTML: the math kept verbatim (escaped), Markdown escapes undone."""
    parts = re.split(r"(\$[^$]+\$)", text)
    return "".join(html.escape(p, quote=False) if p.startswith("$") else
                   html.escape(re.sub(r"\\([\\`*_\[\]<>|#$])", r"\1", p), quote=False) for p in parts)


def derivation_html(d: Derivation) -> str:
    """A derivation as HTML for a notebook: headings, aligned display math with the rules, notes."""
    return f'<div class="symgrad-derivation">\n{markdown_html(derivation_markdown(d))}\n</div>'


def result_latex(result: Result) -> str:
    """A result as display math: the derivative, and its cases when a Kronecker delta splits it."""
    rows = [latex_of(result)]
    rows += [rf"\text{{if }} {to_latex(cond)}: \quad {to_latex(e)}" for cond, e in result.cases]
    return "$$" + (r"\begin{gathered}" + r" \\ ".join(rows) + r"\end{gathered}" if len(rows) > 1 else rows[0]) + "$$"


# --- tables ----------------------------------------------------------------------------------------


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """An HTML table (no header row when ``header`` is empty); cells are HTML already (escape text before)."""
    head = "<thead><tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr></thead>" if header else ""
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table>{head}<tbody>{body}</tbody></table>"


def _text(value: Any) -> str:
    return html.escape(str(value), quote=False)


def _math(tex: str) -> str:
    return "$" + html.escape(tex, quote=False) + "$"


_VERDICT_COLOURS = {"proved": "#1a7f37", "agrees": "#1a7f37", "wrong": "#cf222e", "unreadable": "#9a6700"}


def verdict_html(v: Verdict) -> str:
    """A verdict as HTML: the verdict and message, each link of the chain, the correct form, the counterexample."""
    from .verify.verdict import describe_counterexample

    colour = _VERDICT_COLOURS.get(v.verdict, "inherit")
    parts = [f'<p><strong style="color:{colour}">{_text(v.verdict)}</strong>: {_text(v.message)}</p>']
    rows = []
    if v.derivative:
        rows.append(("derivative", _text(v.derivative)))
    if len(v.links) > 1:
        rows += [(f"link {n}", f"{_math(link.latex)} ({_text(link.verdict)})") for n, link in enumerate(v.links, 1)]
    if v.diagnosis:
        rows.append(("kind of slip", _text(v.diagnosis)))
    if v.correct and v.verdict == "wrong":
        rows.append(("correct", _math(v.correct)))
    if v.counterexample:
        rows.append(("counterexample", _text(describe_counterexample(v.counterexample))))
    if v.column is not None:
        rows.append(("column", _text(v.column)))
    if rows:
        parts.append(_table((), rows))
    return '<div class="symgrad-verdict">' + "".join(parts) + "</div>"


def check_report_html(report: CheckReport) -> str:
    """A check report as HTML: what was drawn, one row per comparison, the notes and the overall result."""
    sizes = ", ".join(f"{k}={v}" for k, v in report.sizes.items()) or "none"
    parts = [(f"<p><strong>symgrad check {_text(report.name)}</strong>: backend {_text(report.backend)}, "
             f"{_text(report.dtype)}, seed {report.seed}, sizes {_text(sizes)}</p>"),
             "<p>inputs: " + _text("; ".join(f"{k} {v}" for k, v in report.domains.items())) + "</p>"]
    rows = [(_text(r.quantity), _text(r.reference), _text(r.shape), f"{r.max_abs_error:.3g}", f"{r.rtol:g}",
             f"{r.atol:g}", "ok" if r.ok else "<strong>MISMATCH</strong>") for r in report.rows]
    parts.append(_table(("quantity", "reference", "shape", "max |error|", "rtol", "atol", "result"), rows))
    parts += [f"<p>MISMATCH {_text(r.describe())}</p>" for r in report.mismatches]
    parts += [f"<p>note: {_text(n)}</p>" for n in report.notes]
    verdict = "ok" if report.ok else f"MISMATCH in {len(report.mismatches)} of {len(report.rows)} comparisons"
    parts.append(f"<p>result: <strong>{verdict}</strong> (atol is scaled by max(1, max |reference|))</p>")
    return '<div class="symgrad-check">' + "".join(parts) + "</div>"


def _shape(indices: Sequence[Any], batched: bool) -> str:
    dims = [str(extent(i)) if isinstance(i, sp.Idx) else str(i) for i in indices]
    return "(" + ", ".join((["..."] if batched else []) + dims) + (",)" if len(dims) + batched == 1 else ")")


def compiled_html(c: Compiled) -> str:
    """Compiled functions as HTML: the signature, each argument and gradient with its shape, the source on demand."""
    batched = bool(c.spec["batched"])
    args = ", ".join(f"{n}=..." for n in c.inputs)
    parts = [(f"<p><strong>{_text(c.derivation.title)}</strong> ({_text(c.name)}): "
             f"<code>loss({args})</code>, <code>grad({args})</code>, <code>value_and_grad({args})</code></p>")]
    labels = set(c.spec["labels"])
    rows = [(f"<code>{_text(n)}</code>", "argument", _text(_shape(dims, batched))
             + (" or integer class labels " + _text(_shape(dims[:-1], batched)) if n in labels else ""))
            for n, dims in c.spec["inputs"]]
    target = c.derivation.graph.definition(c.derivation.graph.target)
    if target is not None:
        rows.append((_math(to_latex(target.lhs)), "loss(...)", _text(_shape(target.indices, batched))))
    rows += [(_math(to_latex(sp.Derivative(r.of, r.var))), f"grad(...)[{_text(repr(w))}]",
              _text(_shape(r.free_indices, batched))) for w, r in zip(c.wrt, c.derivation.results)]
    parts.append(_table(("name", "where", "shape"), rows))
    if c.rewrites:
        parts.append("<p>stability rewrites: " + _text(", ".join(c.rewrites)) + "</p>")
    parts.append(f"<details><summary>NumPy source</summary><pre><code>{_text(c.source)}</code></pre></details>")
    return '<div class="symgrad-compiled">' + "".join(parts) + "</div>"
