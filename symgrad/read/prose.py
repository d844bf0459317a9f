"""Facts written as sentences (``$X$ is a real $m \\times n$ matrix``, ``Given a vector x∈Rn``): one table of
sentence patterns, each with the LaTeX fact it states. A sentence that matches no pattern is left as written, so
that the reader's own error (with its column) says what it could not read."""

from __future__ import annotations

import re

from ..errors import ParseError
from .densities import density_in_words
from .forms import glued_pair
from .given_diagonal import diagonal_written
from .words_abstract import abstract_function
from .words_appositions import apposition_notes
from .words_conventions import convention_in_words
from .words_declarations import generic_in_words
from .words_distributions import distribution_in_words
from .words_docstrings import docstring_in_words
from .words_functions import function_in_words
from .words_given_as import given_as_in_words
from .words_kinds import sign_in_words
from .words_label_values import label_values_in_words
from .words_layers import layer_in_words
from .words_narration import narration_in_words
from .words_norms import euclidean_in_words, frobenius_in_words
from .words_notation import notation_in_words
from .words_phrases import as_declarations, declared_in_words, rule_heading_notes, withheld_in_words
from .words_translated import translated
from .words_upstream import upstream_in_words

_NAME = r"(\\?[A-Za-zα-ωΑ-Ω]+(?:\{[^{}]*\})?(?:_\{?[A-Za-z0-9]+\}?)?)"  # Greek as Unicode too (λ)
_DIM = r"([A-Za-z0-9]+|\([^()]*\)|\{[^{}]*\})"
_A = r"(?:(?:a|an|the)\s+)?(?:real(?:-valued)?\s+)?"
_ELEMENTS = r"(?:\s*,?\s*with\s+elements\s+.*?)?(?:\s*\(.*\))?"
# a letter x as the times sign stands alone or between digits (3x4): "softmax output" has no size softma x output
_BY = r"(?:\s*(?:\\times|×)\s*|\s+x\s+|(?<=\d)x(?=\d)|\s*-\s*by\s*-\s*|\s+by\s+)"
_SQUARE = rf"{_DIM}{_BY}{_DIM}"
_SCALAR = r"(?:(?:small|fixed|given|known)\s+)?(?:scalar|scaler|number|constant|real number|real)"
_LOSS = r"(?:loss|cost|objective|error)(?:\s+function)?"
_UPSTREAM = r"(?:(?:the|an?)\s+)?(?:(?:upstream|incoming|output)\s+)?(?:gradient\s+)?"
_DERIVATIVE = r"(\\d?frac\{.*?\}\{.*?\}|\\partial\s*\S+\s*/\s*\\partial\s*\S+|d\S+\s*/\s*d\S+)"
# (sentence, the fact it states); names and sizes are kept as written
_SIZE = r"([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*|[1-9][0-9]*)"  # no 0: p is (0, 1) is an interval; n_samples
_REALS = r"(?:R|ℝ|\\R|\\mathbb\s*\{?R\}?)((?:\^(?:\{[^{}]*\}|[A-Za-z0-9]))?)"  # R, \mathbb{R}, with its power
# "has shape", ":", "is", "are learnable vectors of shape", ": Scale parameter of shape" (code docstrings' words)
_SHAPE = (r"(?:has\s+(?:shape|size|dimensions?)|(?::\s*|(?:is|are)\s+)(?:(?:an?|the)\s+)?(?:[A-Za-z]+\s+){0,3}?"
          r"(?:of|with)\s+(?:shape|size|dimensions?)|(?:of|with)\s+(?:shape|size)|is|are|:|\.shape\s*==?)")  # X.shape = (m,n)
_NAMES = rf"((?:{_NAME[1:-1]})(?:\s*,\s*(?:{_NAME[1:-1]}))*)"  # \gamma, \beta: several names, one shape
# "the size of all vectors (x, mu) is n x 1": the shape of the names in parentheses
_SIZE_OF = (r"(?:the\s+)?(?:size|shape|dimensions?)\s+of\s+(?:(?:all|each|every|both|the)\s+)?(?:(?:the\s+)?"
            rf"(?:vectors?|matri(?:x|ces)|arrays?|tensors?)\s*)?\(?\s*{_NAMES}\s*\)?\s+(?:is|are)\s+")
_SENTENCES = [
    (rf"{_NAMES}\s*{_SHAPE}\s*\(\s*{_SIZE}\s*,\s*{_SIZE}\s*\)", r"\1 \\in \\mathbb{R}^{\2 \\times \3}"),  # X: (n, d)
    (rf"{_NAMES}\s*{_SHAPE}\s*\(\s*{_SIZE}\s*,?\s*\)", r"\1 \\in \\mathbb{R}^{\2}"),  # y has shape (n,)
    (rf"{_SIZE_OF}{_DIM}{_BY}1", r"\1 \\in \\mathbb{R}^{\2}"),
    (rf"{_SIZE_OF}\(\s*{_SIZE}\s*,\s*{_SIZE}\s*\)", r"\1 \\in \\mathbb{R}^{\2 \\times \3}"),  # the shape of X is (N, D)
    (rf"{_SIZE_OF}{_SQUARE}", r"\1 \\in \\mathbb{R}^{\2 \\times \3}"),
    (rf"{_NAMES}\s+(?:(?:is|are)\s+)?(?:of|with)\s+(?:size|shape|dimensions?)\s+{_SQUARE}", r"\1 \\in \\mathbb{R}^{\2 \\times \3}"),
    (rf"{_NAME}\s*(?:is|be|:)\s*{_DIM}{_BY}1", r"\1 \\in \\mathbb{R}^{\2}"),  # y is n x 1
    (rf"{_NAME}\s*:\s*{_SQUARE}", r"\1 \\in \\mathbb{R}^{\2 \\times \3}"),  # X: n \times d
    (rf"{_NAMES}\s*(?:-+>|→|\\(?:to|rightarrow))\s*{_DIM}\s*(?:\*|\\times|×)\s*{_DIM}", r"\1 \\in \\mathbb{R}^{\2 \\times \3}"),  # U -> n*k
    (rf"{_NAME}\s+(?:is\s+)?{_A}{_DIM}-(?:dimensional\s+)?(?:column\s+)?vector", r"\1 \\in \\mathbb{R}^{\2}"),  # an n-vector
    (rf"{_NAME}\s+(?:is\s+)?{_A}matrix\s+of\s+(?:size|shape|dimensions?)\s+{_SQUARE}", r"\1 \\in \\mathbb{R}^{\2 \\times \3}"),
    (rf"{_A}{_SCALAR}s?\s+{_NAME}", r"\1 \\in \\mathbb{R}"),
    (rf"{_NAME}\s+is\s+{_A}{_SCALAR}(?:\s+number)?", r"\1 \\in \\mathbb{R}"),
    (rf"(?:.*\s)?treat(?:ing)?\s+{_NAME}\s+as\s+{_A}{_SCALAR}(?:\s+number)?", r"\1 \\in \\mathbb{R}"),
    (rf"{_NAME}\s+is\s+{_A}{_SCALAR}\s+(?:weight|parameter|coefficient|factor|{_LOSS})", r"\1 \\in \\mathbb{R}"),
    (rf"(?:the\s+)?(?:final\s+|total\s+|overall\s+)?{_LOSS}\s+is\s+{_A}{_SCALAR}\s+{_NAME}", r"\1 \\in \\mathbb{R}"),  # the loss is scalar ℓ
    (rf"{_NAME}\s*>\s*0\s+is\s+{_A}(?:{_SCALAR}|parameter|coefficient)", r"\1 > 0"),
    (rf"{_NAME}\s+(?:is\s+)?{_A}{_DIM}{_BY}1\s+(?:column\s+)?vector{_ELEMENTS}",
     r"\1 \\in \\mathbb{R}^{\2}"),
    (rf"{_NAME}\s+(?:is\s+)?{_A}{_DIM}{_BY}{_DIM}\s+(?:(?:real|data|design|weight|input|feature)\s+)?matrix{_ELEMENTS}",
     r"\1 \\in \\mathbb{R}^{\2 \\times \3}"),
    (rf"(?:the\s+matrix\s+)?{_NAME}\s+is\s+{_A}square\s+matrix\s+(?:with|of)\s+(?:dimension|size|shape)s?\s+{_SQUARE}",
     r"\1 \\in \\mathbb{R}^{\2 \\times \3}"),
    (rf"(?:the\s+vector\s+)?{_NAME}\s+(?:is\s+)?{_A}vector\s+of\s+(?:length|size|dimension)\s+{_DIM}",
     r"\1 \\in \\mathbb{R}^{\2}"),
    (rf"{_NAME}\s+is\s+{_A}(?:(?:column\s+)?vector|matrix)?\s*(?:in\s+)?(\\mathbb\{{R\}}.*)", r"\1 \\in \2"),
    (rf"{_A}(?:column\s+)?(?:vector|matrix|scalar)\s+({_NAME}\s*(?:\\in|∈).*)", r"\1"),
    (rf"{_NAME}\s*=\s*\(\s*{_DIM}\s*,\s*{_DIM}\s*\)\s+.*matrix.*", r"\1 \\in \\mathbb{R}^{\2 \\times \3}"),
    # a signature with plain R and arrows typed out, "(let) (the) function f : R^n ---> R (be defined by, such that)"
    ((rf"(?:(?:the|a)\s+)?(?:(?:function|map)\s+)?{_NAME}\s*(?::|\\colon)\s*{_REALS}\s*(?:-+>|→|\\(?:long)?(?:to|rightarrow))\s*"
      rf"{_REALS}(?:\s+(?:be|is)\s+(?:defined|given)\s+(?:by|as)|\s+such\s+that)?\s*:?"),
     r"\1 \\colon \\mathbb{R}\2 \\to \\mathbb{R}\3"),
    (rf"({_NAME[1:-1]}(?:\s*,\s*{_NAME[1:-1]})*)\s+(?:in|∈)\s+(\\mathbb\s*\{{?R\}}?.*)", r"\1 \\in \2"),  # x, a in R^n
    # (if) x in mathbb{R}^3: the backslashes lost in copying, the reals' power kept (a shape, no condition)
    (rf"(?:if\s+)?({_NAME[1:-1]}(?:\s*,\s*{_NAME[1:-1]})*)\s+(?:in|∈)\s+mathbb\s*\{{R\}}(\^(?:\{{[^{{}}]*\}}|[A-Za-z0-9]))?",
     r"\1 \\in \\mathbb{R}\2"),
    (rf"{_NAME}\s+(?:is\s+)?{_A}(?:symmetric\s+)?(?:and\s+)?positive[\s-]definite(?:\s+matrix)?", r"\1 \\succ 0"),
    (rf"{_NAME}\s+(?:is\s+)?{_A}symmetric(?:\s+matrix)?", r"\1 = \1^T"),
    (rf"{_NAME}\s+(?:is|are)\s+(?:of\s+(?:size|shape|dimensions?)\s+)?{_SQUARE}(?:\s+matrix)?", r"\1 \\in \\mathbb{R}^{\2 \\times \3}"),
    # an upstream gradient and the name the page gives it: "upstream gradient dL/dy (denoted as dy or `dout`)"
    (rf"{_UPSTREAM}{_DERIVATIVE}\s*\(\s*(?:denoted|written|called|named)\s+(?:as\s+|by\s+)?([^\s()]+)(?:\s+or\s+[^()]*)?\)",
     r"\1 = \2"),
    # "(dy, dx) upstream gradient dL/dy and downstream gradient dL/dx": the downstream one is what is derived
    ((rf"([^\s,]+)\s*,\s*(?:\\[;,:!]\s*)?([^\s,]+?)\s*(?:the\s+)?upstream\s+gradient\s+{_DERIVATIVE}\s+and\s+"
      rf"(?:the\s+)?downstream\s+gradient\s+.*"), r"\3 = \1"),
]
_OPENS = (r"(?:now\s*,?\s*)?(?:now|given|where|here|let|suppose|assum(?:e|ing)|and|with|we\s+are\s+given|hence|thus|"
          r"therefore|for(?:\s+(?:all|each|every))?|in\s+the\s+multi[\s-]?class(?:ification)?\s+case)\b")
# words that only order or point at what follows (First, notice that ...; Throughout the paper ...): no fact in them
_DISCOURSE = (r"(?:(?:first(?:ly)?|second(?:ly)?|next|finally|also|moreover|furthermore)\s*(?:,|$)\s*(?:(?:notice|note|observe|"
              r"recall|remember)\s+that\b)?|(?:notice|note|observe|recall|remember)\s+that\b|throughout\s+(?:the\s+(?:entire\s+|whole\s+)?|this\s+)"
              r"(?:paper|text|post|article|notes?|book|chapter|document)\s*,?)")
_OPENING = re.compile(rf"^\s*(?:{_DISCOURSE}[\s,:]*(?:{_OPENS})?|{_OPENS})[\s,:]*", re.IGNORECASE)
_ASIDE = re.compile(r"^\s*\(\s*([A-Za-z]{3,}[^()]*)\)\s*[.,;]?\s*$")  # a sentence in parentheses, words first
_MATH = re.compile(r"\$+|\\\(|\\\)|`|\\(?:display|text|script)style(?![A-Za-z])")  # `x`: code; \displaystyle: a size
_SPACE_DIMS, _TIMES = r"\s*[A-Za-z0-9]+(?:\s*(?:\\times|×|\*)\s*[A-Za-z0-9]+)?\s*", r" \times "  # R^{n*d}: n \times d
_MANGLED_SPACE = re.compile(r"(\\in|∈)\s*R(?:\s*\^\s*\((_D)\)|\^?\{?(_D)\}?)".replace("_D", _SPACE_DIMS))  # R ^ (m×n)
_ONE_HOT_FACT = r"\1 = (0, \\dots, 0, 1, 0, \\dots, 0)"  # how a page writes a one-hot vector out
_ROLES = r"(?:logits|scores|labels|targets|predictions|inputs|outputs|weights|biases|features|activations|probabilities)"
# (no "row": "x is a row vector" gives x its orientation, never dropped as a description)
_DESCRIBED = (r"(?:(?:true|predicted|ground[\s-]truth|target|class|input|output|hidden|regularization|learning|weight|"
              r"bias|column|design|data)\s+)?(?:labels?|targets?|predictions?|outputs?|inputs?|parameters?|rate|"
              r"vectors?|matrix|data|identity(?:\s+matrix)?|vector\s+of\s+(?:all\s+)?ones|strength|coefficient|"
              r"hyper-?parameter|penalty|decay|step\s+size|fixed|given|known|constant|variables?|features?)")
# a glossary line names a role or several (X = input variable / feature, x - the input variable, the input feature)
_WHOSE = r"(?:(?:the|an?|my|our)\s+)?(?:(?:corresponding|respective)\s+)?"  # my input vector, the corresponding label
_ROLE_LIST = rf"{_WHOSE}{_DESCRIBED}(?:\s*(?:/|,|\bor\b)\s*{_WHOSE}{_DESCRIBED})*"
# what a glossary adds after a role (x = input vector for the prediction, m = number of instances in the dataset): words
# only, checked to state no constraint (_PROPERTIES) before the description is dropped
_QUALIFIED = (r"(?P<tail>(?:\s+(?:for|of|in|from|to|per|over|corresponding\s+to|associated\s+with)\s+[A-Za-z][A-Za-z\s/'-]*)?"
              r"(?:\s*\([A-Za-z][A-Za-z\s,/'-]*\))?(?:\s+here)?)")  # a remark in parentheses: (in this case, Size)
# words giving a size (of order n, with n rows): never dropped with a description
_SIZED = re.compile(r"\b(?:order|size|shape|dimensions?|length)\s+\S|\b(?:rows?|columns?|entries|elements)\b", re.IGNORECASE)
_COUNTED = r"(?:classes|samples|features|examples|observations|data\s+points|neurons|units|hidden\s+units|categories|tokens)"
# what a description must not say, to be dropped as one: these state constraints
_PROPERTIES = re.compile(r"symmetric|positive|negative|definite|hot|diagonal|orthogonal|orthonormal|binary|normali[sz]ed|"
                         r"\bsums?\b|probabilit|distribution|simplex|\bzero|nonzero|\bunit\b|integer|triangular|"
                         r"stochastic|softmax|sigmoid", re.IGNORECASE)
_RELATION = re.compile(r"\\in\b|∈|=|<|>|\\[lg]eq?\b|\\succ|\\lt\b|\\gt\b")
# sentences read with the math marks as spaces ($t_i$s is t_i s): (sentence, fact); a fact "" only describes
_WORDED = [
    ((rf"(?:the\s+(?:labels?|targets?)\s+)?{_NAME}\s*'?s?\s+(?:is|be|are)\s+(?:the\s+|an?\s+)?one[\s-]?hot"
      r"(?:\s+encod(?:ed|ing))?(?:\s+(?:(?:true|target|class)\s+)?(?:vectors?|labels?|targets?|encodings?))?"
      r"(?:\s+of\s+(?:the\s+)?(?:(?:true|target|correct)\s+)?(?:labels?|class(?:es)?|targets?))?"), _ONE_HOT_FACT),
    ((rf"exactly\s+one\s+of\s+(?:the\s+)?{_NAME}\s*'?s?\s+is\s+1\s*,?\s*(?:and\s+)?(?:all\s+)?the\s+"
      r"(?:rest|others?|other\s+entries)\s+are\s+(?:zeros?|0)"), _ONE_HOT_FACT),
    # "X \in R^{N x N} is an N x N invertible matrix (|X| \neq 0)": the space says what symgrad uses
    (rf"({_NAME}\s*\\in\s*\\mathbb\{{R\}}\^\{{[^{{}}]*\}})\s+is\s+{_A}.*\bmatri(?:x|ces)\b.*", r"\1"),
    (rf"{_NAME}\s+is\s+(?:a|an)\s+0\s*/\s*1\s+(?:target|label|indicator|variable|vector)s?\b.*", r"\1 \\in \\{0, 1\\}"),
    (rf"{_NAME}\s+(?:be|is|are|denotes?)\s+(?:the\s+|a\s+|an\s+)?(?:(?:vector|matrix)\s+of\s+(?:the\s+)?)?{_ROLES}", ""),
    (rf"{_NAME}\s*(?:is|be|denotes|:|=|[-–—]|)\s+{_ROLE_LIST}{_QUALIFIED}", ""),
    (rf"{_NAME}\s+(?:is\s+(?:an?\s+)?(?:invertible|non-?singular)(?:\s+matrix)?|has\s+full(?:\s+(?:column|row))?\s+rank)",
     ""),  # what random draws have almost surely
    ((rf"{_NAME}\s*(?:(?:is|be|being|=|:|[-–—]|means|denotes|stands\s+for|represents)\s*)?(?:the\s+)?(?:(?:total\s+)?"
      rf"(?:number\s+of\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?|(?:amount|count)\s+of\s+(?:the\s+)?{_COUNTED})|"
     rf"batch\s+size){_QUALIFIED}"),
     r"\1 \\in \\mathbb{N}"),
    (rf"{_NAME}\s+{_COUNTED}", r"\1 \\in \\mathbb{N}"),
    (rf"{_NAME}\s+(?:is|denotes)\s+the\s+(?:logistic\s+)?sigmoid(?:\s+function)?", r"\1(\\xi) = \\frac{1}{1 + e^{-\\xi}}"),
    (rf"{_NAME}\s+(?:is|denotes)\s+the\s+(?:hyperbolic\s+)?tanh(?:\s+function)?", r"\1(\\xi) = \\tanh(\\xi)"),
    (rf"{_NAME}\s+(?:is|denotes)\s+the\s+(?:relu|rectifier|rectified\s+linear\s+unit)(?:\s+function)?",
     r"\1(\\xi) = \\max(0, \\xi)"),
    (r"(?:the\s+)?(?:upstream|incoming)\s+gradient\s+(?:is\s+|:\s*)?(.+=.+)", r"\1"),
]
_MATH_SPAN = re.compile(r"(\$\$?[^$]*\$\$?|\\\(.*?\\\))")
_CLAUSE_BREAK = re.compile(r"\s*(?:,\s*(?:and\s+)?|;\s*|\s+and\s+|\s+for\s+(?:all\s+|each\s+|every\s+)?)")

_POWERS = {**dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")), "ⁿ": "n", "ᵈ": "d", "ᵐ": "m", "ᵏ": "k", "ᴺ": "N", "ᴰ": "D",
           "ᴷ": "K", "ᴹ": "M", "ᵖ": "p", "ʳ": "r", "ˣ": r" \times "}
_QUOTED = re.compile(r"[‘“](\s*[^\s‘’“”]+?\s*)[’”]")  # a name in typographic quotes
_UNICODE_POWER = re.compile(f"[{''.join(_POWERS)}]+")


def from_prose(text: str) -> tuple[str, list[str]]:
    """The LaTeX facts a sentence states (``text`` unchanged when it is not one of the known sentences), and notes for
    what it only describes; a sentence of several clauses (``Let $z$ be logits, $p = ...$, and $y$ be one-hot``) is
    read clause by clause, each a known sentence or a formula, or not at all."""
    text, translation = translated(text)  # among $A$ yes ...: where $A$ is ...
    if translation:
        facts, notes = from_prose(text)
        return facts, [*translation, *notes]
    text = _UNICODE_POWER.sub(lambda m: "^{" + "".join(_POWERS[c] for c in m.group(0)) + "}", text)  # ℝⁿˣᵈ
    text = _QUOTED.sub(lambda m: f" {m[1]} ", text)  # ‘a’ is a, “z” is z
    glued_pair(text)  # x = 0,1: the values 0 and 1, or a decimal comma - refused naming both
    if (diagonal := diagonal_written(text)) is not None:  # \Lambda = diag(\lambda_1, \dots, \lambda_n): of a vector
        return diagonal[0], [diagonal[1]]
    given_as = given_as_in_words(text)  # "$Y$ is given as $Y = XW^T$ where ...": the definition, then the rest
    if given_as is not None:
        rest = from_prose(given_as[1]) if given_as[1].strip() else ("", [])
        return ", ".join(f for f in (rest[0], given_as[0]) if f.strip()), [given_as[2], *rest[1]]  # shapes first
    text, whole, worded = _whole(text)
    if whole is not None:
        return whole, _described(text, whole)
    sentences = _each_sentence(text)
    if sentences is not None:
        return sentences
    each = _clause_by_clause(text)
    if each is not None:
        return each
    plain = _plain(text)
    if plain == text.strip() and _OPENING.match(worded):  # {\rm assuming\;}\det X > 0: the opening word in math mode
        plain = _plain(worded)
    return (text if plain == text.strip() else plain), []


def _clause_by_clause(text: str) -> tuple[str, list[str]] | None:
    """The facts and notes of a sentence of several clauses, each a known sentence or a formula (a layer's output and
    parts named in some of them read together first); None when one clause is neither, or there is one clause."""
    clauses = _clauses(text)
    layer = layer_in_words([" ".join(_MATH.sub(" ", c).split()) for c in clauses])  # y the output of LayerNorm, ...
    read, ahead = ([c for k, c in enumerate(clauses) if k not in layer[2]], [layer]) if layer else (clauses, [])
    facts = [_sentence(c) if _MATH_SPAN.sub("", _OPENING.sub("", c)).strip(" .,;") else
             _OPENING.sub("", _MATH.sub("", c)).strip(" .") for c in read]  # "First," alone: an opening only
    if (len(clauses) < 2 and not ahead) or any(f is None for f in facts):
        return None
    return ", ".join([*(a[0] for a in ahead), *(f for f in facts if f)]), [
        *(n for a in ahead for n in a[1]),
        *(n for c, f in zip(read, facts) if _OPENING.sub("", c).strip(" .,;") for n in _described(c, f))]


def _whole(text: str) -> tuple[str, str | None, str]:
    """``text`` read as one known sentence: the text so read (an aside's words, words in ``\\text`` as words), the
    facts it states (None where no known sentence reads it) and its words spaced."""
    whole = _sentence(text)
    aside = _ASIDE.sub(r"\1", text) if whole is None else text  # (assuming the loss is a scalar): its words
    if aside != text and _sentence(aside) is not None:
        text, whole = aside, _sentence(aside)
    worded = _words_spaced(_WORDS_IN_TEXT.sub(lambda w: f" {w.group(1).strip()} ", text))
    abstract_function(worded, text)
    if whole is None and worded != text and _sentence(worded) is not None:  # y \text{ is one-hot}: words as words
        text, whole = worded, _sentence(worded)
    return text, whole, worded


_SENTENCE_END = re.compile(r"(?<=[A-Za-z0-9)}$])\.\s+(?=[A-Z$\\])")


def _each_sentence(text: str) -> tuple[str, list[str]] | None:
    """The facts and notes of several sentences (``A covariance matrix is symmetric. Hence $A^T = A$``), each a known
    sentence or a formula after an opening word; None when there is one sentence, or one is neither."""
    spans = [(m.start(), m.end()) for m in _MATH_SPAN.finditer(text)]
    ends = [m for m in _SENTENCE_END.finditer(text)
            if _depth(text, m.start()) == 0 and not any(a < m.start() < b for a, b in spans)]
    if not ends:
        return None
    parts = [text[a:b] for a, b in zip([0, *(m.end() for m in ends)], [*(m.start() for m in ends), len(text)])]
    facts, notes = [], []
    for part in parts:
        if _MATH_SPAN.sub("", _OPENING.sub("", part)).strip(" .,;"):  # words: a known sentence, or nothing read
            fact = _sentence(part)
            if fact is None:
                return None
            notes += _described(part, fact)
        else:
            fact = _plain(part)
        facts.append(fact)
    return ", ".join(f for f in facts if f), notes


# words typeset in math mode: {\rm is\,symmetric}, \mathrm{is~symmetric}, with thin spaces between the words
_UPRIGHT_WORDS = re.compile(r"\{\s*\\(?:rm|textrm|mathrm|text|it)\s+([^{}]*)\}|\\(?:rm|textrm|mathrm|text)\s*\{([^{}]*)\}")
_THIN_SPACE = re.compile(r"\\[,;:! ]|~")


def _words_spaced(text: str) -> str:
    """``text`` with words typeset in math mode (``S\\,{\\rm \\,is\\,symmetric}``) as plain words (``S is symmetric``)."""
    text = _UPRIGHT_WORDS.sub(lambda m: f" {m[1] if m[1] is not None else m[2]} ", text)
    return _THIN_SPACE.sub(" ", text)


def unread_clause(text: str) -> tuple[str, int] | None:
    """The first clause of a sentence of several (``X is a matrix and E is a scalar, and X is a function of E``) that
    is no known sentence, and its column, when some other clause is one; a sentence of words stating no relation
    (``the derivative of the activation``), whole: the refusal names it. None otherwise."""
    clauses = [c for c in _with_names_joined(_split_top(text, _CLAUSE_BREAK)) if c.strip(" .")]
    known = [_sentence(c) is not None for c in clauses]
    words = re.findall(r"(?<![\\A-Za-z])[A-Za-z]{3,}(?![A-Za-z])", _MATH_SPAN.sub(" ", text))
    if not any(known) and len(words) >= 3 and not _RELATION.search(text):  # a sentence that only narrates
        return text.strip(" ."), len(text) - len(text.lstrip(" ")) + 1
    if len(clauses) < 2 or not any(known) or all(known):
        return None
    clause = clauses[known.index(False)].strip(" .")
    return clause, text.find(clause) + 1 or 1  # a clause with its names joined is not in the text as written


def _plain(text: str) -> str:
    plain = _OPENING.sub("", _LABEL.sub("", _MATH.sub("", text))).strip().rstrip(".").strip()
    return _MANGLED_SPACE.sub(lambda m: rf"{m[1]} \mathbb{{R}}^{{{(m[2] or m[3]).replace('*', _TIMES)}}}", plain)


# sentences that state nothing symgrad uses, each saying so in a note: what the reader does anyway, or a general truth
_SAID = (frobenius_in_words, euclidean_in_words, generic_in_words, notation_in_words, withheld_in_words,
         convention_in_words, narration_in_words)


# sentences giving a name's kind, sign, role or values: X -- data of size (n, m), y the label (0 or 1)
_KINDS_IN_WORDS = (sign_in_words, upstream_in_words, function_in_words, distribution_in_words, docstring_in_words,
                   label_values_in_words)


def _sentence(text: str) -> str | None:
    """The LaTeX fact of one known sentence, or None."""
    plain = _plain(text)
    phrases = as_declarations(" ".join(_OPENING.sub("", _MATH.sub(" ", text)).split()))
    if phrases is not None:  # "a symmetric matrix A", "x is not a matrix, but a scalar": each as "A is a ..."
        facts = [_sentence(p) for p in phrases]
        return None if None in facts else ", ".join(f for f in facts if f)
    for pattern, fact in _SENTENCES:
        m = re.fullmatch(pattern, plain, re.IGNORECASE)
        if m:
            return m.expand(fact)
    described = _fact_described(text) or next(filter(None, (read(plain) for read in _KINDS_IN_WORDS)), None)
    if described is not None:
        return described
    spaced = " ".join(_OPENING.sub("", _MATH.sub(" ", text)).split()).rstrip(".").strip()
    density = density_in_words(spaced)
    if density is not None:
        return density[0]
    spaced = re.sub(r'"([A-Za-z][A-Za-z\s-]*)"', r"\1", spaced)  # x = "input" variable: quoted words as words
    for pattern, fact in _WORDED:
        m = re.fullmatch(pattern, spaced, re.IGNORECASE)
        tail = m.groupdict().get("tail") or "" if m else ""
        if m and not _PROPERTIES.search(tail) and not _SIZED.search(tail):
            name = re.sub(r"_\{?[A-Za-z0-9]+\}?$", "", m.group(1))  # t_i one-hot: t is
            return name + m.expand(fact)[len(m.group(1)):] if fact else ""
    if any(said(spaced) is not None for said in _SAID):
        return ""
    declared = declared_in_words(spaced)
    return declared[0] if declared else None


def _fact_described(text: str) -> str | None:
    """``$\\lambda > 0$ is the regularization parameter``, ``Let $X \\in \\mathbb{R}^{n \\times d}$ be the design matrix``:
    one formula stating a fact, then words that only name its role (none that state a constraint): the formula."""
    spans = _MATH_SPAN.findall(text)
    words = _OPENING.sub("", _MATH_SPAN.sub(" ", text)).strip(" .,;")
    if len(spans) != 1 or not _RELATION.search(spans[0]) or _PROPERTIES.search(words) or not re.fullmatch(
            r"(?:(?:be|is|are|denotes?)\s+)?(?:(?:the|a|an)\s+)?[A-Za-z][A-Za-z\s-]*", words):
        return None
    return _MATH.sub("", spans[0]).strip()


def _described(text: str, fact: str) -> list[str]:
    """A note for a clause read as a description only (``z be logits``), or for what a sentence declaring matrices
    says that symgrad does not use: said, so that nothing is dropped silently."""
    spaced = " ".join(_OPENING.sub("", _MATH.sub(" ", text)).split()).rstrip(".").strip()
    phrases = as_declarations(spaced) if fact is not None else None
    if phrases is not None:
        return [*rule_heading_notes(spaced), *apposition_notes(spaced), *(n for p in phrases for n in _described(p, _sentence(p)))]
    try:
        matrices = declared_in_words(spaced) if fact is not None else None
    except ParseError:  # not the sentence the fact was read from
        matrices = None
    if matrices and matrices[0] == fact:
        return matrices[1]
    density = density_in_words(spaced) if fact else None
    if density is not None and density[0] == fact:
        return [density[1]]
    said = next((note for say in _SAID if (note := say(spaced)) is not None), None) if fact == "" else None
    if said is not None:
        return [said]
    return [f"'{' '.join(_MATH.sub(' ', text).split())}' describes, states nothing symgrad uses"] if fact == "" else []


_NAMES_ONLY = re.compile(rf"\s*{_NAMES}\s*")


def _with_names_joined(parts: list[str]) -> list[str]:
    """Clauses split at commas and ``and`` with a bare list of names joined to the clause after it: ``A``, ``B are
    matrices`` is one clause, ``A, B are matrices``."""
    out: list[str] = []
    waiting: list[str] = []
    for part in parts:
        if _NAMES_ONLY.fullmatch(part):
            waiting.append(part.strip())
        else:
            out.append(", ".join([*waiting, part.strip()]))
            waiting = []
    return out + ([", ".join(waiting)] if waiting else [])


def _clauses(text: str) -> list[str]:
    """``text`` split at commas, semicolons and ``and`` outside its math (``$...$``, ``\\(...\\)``); one clause when it
    has no math marks (``x, w \\in \\mathbb{R}^n`` is one fact list, read by the grammar)."""
    if not _MATH_SPAN.search(text):  # "X is n x d, y is n x 1": clauses only when each is a known sentence
        plain = _with_names_joined(_split_top(text, _CLAUSE_BREAK))
        return plain if len(plain) > 1 and all(_sentence(c) is not None for c in plain) else [text]
    clauses = [""]
    for k, part in enumerate(_MATH_SPAN.split(text)):
        if k % 2:
            clauses[-1] += part
            continue
        pieces = _CLAUSE_BREAK.split(part)
        clauses[-1] += pieces[0]
        clauses += pieces[1:]
    return [c for c in clauses if c.strip(" .")]


_CASE_OPENING = re.compile(r"^\s*(?:\\(?:text|mathrm|textrm|mbox)\s*\{\s*)?(?:(?:for\s+all|for|if|when|where|in\s+the\s+case|"
                           r"case|assume|assuming|suppose|with|\\forall)\b\s*:?\s*)+\}?\s*", re.IGNORECASE)
_REMARK = re.compile(r"\s*\(\s*(?:the\s+)?(?:off[\s-]?)?diagonal(?:\s+(?:entries|terms|case|elements))?\s*\)\s*$",
                     re.IGNORECASE)
_IN_WORDS = [(re.compile(r"^\s*([A-Za-z])\s+and\s+([A-Za-z])\s+(?:are\s+)?(?:different|distinct|not\s+equal|unequal)\s*$",
                         re.IGNORECASE), r"\1 \\neq \2"),
             (re.compile(r"^\s*([A-Za-z])\s+and\s+([A-Za-z])\s+are\s+(?:equal|the\s+same)\s*$", re.IGNORECASE),
              r"\1 = \2")]


def case_from_prose(text: str) -> str:
    """A case between indices as pages say it (``\\text{for } i \\neq j``, ``if i = j (diagonal)``, ``i != j``, ``i and
    j are distinct``) in LaTeX (``i \\neq j``); ``text`` unchanged when it is none of these."""
    plain = _CASE_OPENING.sub("", _MATH.sub("", text).strip().rstrip(".,;").strip())
    plain = re.sub(r"^\(([^()]*)\)$", r"\1", _REMARK.sub("", plain).strip())  # if (i == j), as code writes it
    plain = plain.replace("!=", r" \neq ").replace("=/=", r" \neq ")
    for pattern, case in _IN_WORDS:
        if pattern.match(plain):
            return pattern.sub(case, plain)
    return plain if plain.strip() else text


# where, and with as pages use it (L = -\log p_c \text{ with } p = softmax(z)): the clauses after it define or state
_WHERE = re.compile(r"(?:,?\s*\\q?quad\s*)?,?\s*(?:\\(?:text|mathrm|textrm|mbox|textit)\s*\{\s*(?:where|with)\s*:?\s*\}|"
                    r"(?<![A-Za-z\\.])(?:where|with)\b:?)\s*", re.IGNORECASE)  # not np.where
_LABEL = re.compile(r"^\s*(?:[A-Za-z][A-Za-z-]*\s+)*[A-Za-z][A-Za-z-]{2,}(?:\s*\d+)?\s*:\s+")  # a caption (Layer 2), a colon
_WORDS_IN_TEXT = re.compile(r"\\text\s*\{([^{}]*[\s-][^{}]*)\}")  # \text{ is one-hot}: words, read as words
_AND = re.compile(r"\s*(?:,|;|\\q?quad|\\text\s*\{\s*and\s*\}|(?<![A-Za-z\\])and\b)\s*")


_SPACING = r"(?:\s|\\[;,:! ]|\\q?quad(?![A-Za-z])|~)"
# words a page writes before a definition or a claim ("if y = ...", "\mathrm{then} \frac{dy}{dx} = ...")
_LEAD_WORDS = r"(?:let|if|use|define|suppose|then|so|hence|thus|therefore|we\s+(?:have|get|find|obtain))"
_LEAD_IN = re.compile(rf"^{_SPACING}*(?:\\(?:text|mathrm|textrm|mbox|textit)\s*\{{\s*{_LEAD_WORDS}\s*[,:]?\s*\}}[,:]?{_SPACING}*|"
                      rf"{_LEAD_WORDS}[,:]?{_SPACING}+|\\therefore(?![A-Za-z]){_SPACING}*)", re.IGNORECASE)


_EQUATION_TAG = re.compile(r"\s*\(\s*(?:equation|eqn?\.?)\s*(?:\(?\s*\d+\s*\)?)?\s*\)\s*(?=\$*\s*$)", re.IGNORECASE)


# an equation number after a wide space or the closing $$ (y = 2x \qquad (12) was 24x)
_NUMBERED = re.compile(r"((?:\\q?quad(?![A-Za-z])|\\hspace\s*\{[^{}]*\}|\\[;:]|~|\$\$?)\s*)\(\s*\d+(?:\.\d+)*[a-z]?\s*\)\s*[.,;]?"
                       r"\s*(?=\$*\s*$)")


_BARE_NUMBER = re.compile(r"(?<![\\A-Za-z])(?:[A-Za-z]|(?<=[)}\]0-9]))?\s+\(\s*(\d+(?:\.\d+)*)\s*\)\s*[.,;]?\s*\$*\s*$")


def equation_number(text: str) -> tuple[str, int] | None:
    """A number in parentheses after the formula with only a space before it (``y = 2x (3)``), and its column: an
    equation number or a factor, two readings (``(1)`` is the same either way: None)."""
    m = _BARE_NUMBER.search(text)
    if m is None or m.group(0).lstrip()[:1] in "fghpq" or float(m.group(1)) == 1 or _depth(text, m.start()) != 0:
        return None
    return m.group(1), m.start(1)


def without_lead_in(text: str) -> str:
    """``text`` with the words it opens with (``if``, ``let``, ``then``, ``\\therefore``) and an equation tag in words
    after it (``(equation)``, ``(eq. 3)``) blanked out, the same width so that columns stay; the words stay when
    nothing, or only ``= ...``, would be left."""
    text = _EQUATION_TAG.sub(lambda m: " " * len(m.group(0)), text)  # "(equation)", "(eq. 3)" after the formula
    text = _NUMBERED.sub(lambda m: m.group(1).strip() * m.group(1).startswith("$") + " " * (
        len(m.group(0)) - len(m.group(1).strip()) * m.group(1).startswith("$")), text)  # \qquad (2.1)
    m = _LEAD_IN.match(text)
    if m is None or not text[m.end():].strip() or text[m.end():].lstrip().startswith(("=", ":=")):
        return text  # "so = ...": the word is the name defined
    return " " * m.end() + text[m.end():]


_ARG = r"\{(?:[^{}]|\{[^{}]*\})*\}"
# = as pages write it in a definition: \equiv, \overset{def}{=}, \stackrel{\triangle}{=}, \leftarrow, =: (named on the right)
_DEFINES = re.compile(rf"\\(?:overset|stackrel|underset)\s*{_ARG}\s*\{{\s*=\s*\}}|\\(?:equiv|leftarrow|doteq|eqqcolon)(?![A-Za-z])|=:|=\^\s*(?:\{{[^{{}}]*\}}|\S)")
_FOR_ALL = re.compile(r"\s*,?\s*(?:\\q?quad\s*)?(?:\\forall|\\(?:text|mathrm|textrm|mbox)\s*\{\s*for\s+(?:all|each|every)\s*\}|"
                      r"(?<![A-Za-z\\])for\s+(?:all|each|every))\s*(.*?)\s*\.?\s*$", re.IGNORECASE)


def _plain_equals(text: str) -> str:
    """``text`` with a definition's = written another way (``\\equiv``, ``\\overset{def}{=}``) as ``=``, the same width."""
    return _DEFINES.sub(lambda m: "=" + " " * (len(m.group(0)) - 1) if _depth(text, m.start()) == 0 else m.group(0),
                        text)


def _for_all(text: str) -> tuple[str, list[str]]:
    """``p_i = ... \\quad \\forall i \\in \\{1, \\dots, n\\}``: the definition, and the range as a clause (none when only
    the index is named: the definition holds for each i anyway)."""
    m = _FOR_ALL.search(text)
    if m is None or _depth(text, m.start()) != 0 or "=" not in text[:m.start()]:
        return text, []
    quantified = m.group(1).strip()
    return text[:m.start()], [quantified] if re.search(r"\\in|=|\\le|<", quantified) else []


_REMARK_IN_WORDS = re.compile(r"(?:\s|,|\\q?quad(?![A-Za-z])|\\[,;:! ])*(\(\s*)?\\(?:text|textrm|mbox|textit)\s*\{([^{}]*)\}"
                              r"(?(1)\s*\))\s*[.,;]?\s*$")


_CONNECTIVE = re.compile(r"\\(?:text|textrm|mbox|mathrm)\s*\{\s*,?\s*(?:and\s+)?(?:so|thus|hence|therefore|which\s+gives|we\s+get|"
                         r"giving|i\.e\.)\s*:?,?\s*\}", re.IGNORECASE)


def without_remarks(text: str) -> str:
    """A claim without what pages write after it: a quantifier over its indices (``\\text{ for all } i``, ``\\forall
    i``), a remark in words (``\\quad (\\text{by the chain rule})``); a definition's = written ``\\equiv``; words
    between members (``\\text{, so }``) as ``\\implies``. Blanked, the same width, so that columns stay; a quantifier
    with a range is left (it says something)."""
    text = _plain_equals(text)
    text = _CONNECTIVE.sub(lambda m: r"\implies" + " " * (len(m.group(0)) - 8) if m.start() else m.group(0), text)
    m = _FOR_ALL.search(text)
    if m is not None and _depth(text, m.start()) == 0 and re.fullmatch(r"[A-Za-z](?:\s*,\s*[A-Za-z])*", m.group(1)):
        text = text[:m.start()] + " " * (len(text) - m.start())
    return without_remark_in_words(text)


def without_remark_in_words(text: str) -> str:
    """``text`` without a remark in words at its end (``\\quad (\\text{by the chain rule})``, ``\\; (\\text{logistic})``,
    ``\\text{(sigmoid)}``: several words, or one in parentheses), blanked, the same width."""
    m = _REMARK_IN_WORDS.search(text)
    words = m.group(2).strip() if m else ""
    if m is not None and _depth(text, m.start()) == 0 and text[:m.start()].strip() and (
            re.search(r"[A-Za-z]{2,}\s+[A-Za-z]", words) or (m.group(1) or re.fullmatch(r"\(.*\)", words))
            and re.fullmatch(r"\(?[A-Za-z][A-Za-z\s.-]+\)?", words)):
        text = text[:m.start()] + " " * (len(text) - m.start())
    return text


_PARENTHESISED_WHERE = re.compile(r"\(\s*(?:where|with)\b[^()]*(?:\([^()]*\)[^()]*)*(\))\s*[.,;]?\s*$", re.IGNORECASE)


def where_clauses(text: str) -> tuple[str, list[str]]:
    """A definition as pages write it, ``L = -\\log p_c \\text{ where } p = \\mathrm{softmax}(z)``: the definition before
    the first ``where`` outside braces (without a label in words before it, ``Softplus function: f(x) = ...``), and
    the clauses after it (each a definition or a fact)."""
    text = _LABEL.sub("", text) if "=" in _LABEL.sub("", text) else text  # "Softplus function: f(x) = ..."
    paren = _PARENTHESISED_WHERE.search(text)
    if paren is not None and _depth(text, paren.start()) == 0:  # "ŷ = σ(z) (where σ is the sigmoid function)"
        text = f"{text[:paren.start()]} {text[paren.start() + 1:paren.start(1)]} {text[paren.end(1):]}"
    text, ranges = _for_all(_plain_equals(without_lead_in(text)))
    for m in _WHERE.finditer(text):
        if _depth(text, m.start()) == 0:
            tail = _WORDS_IN_TEXT.sub(lambda w: f" {w.group(1).strip()} ", text[m.end():]).strip().rstrip(".")
            clauses = [" ".join(c.split()) for c in _split_top(tail, _AND) if c.strip()]
            return without_remark_in_words(text[:m.start()]).rstrip(" ,;"), clauses + ranges
    return without_remark_in_words(text), ranges


_LISTED = re.compile(r"\s*(?:,\s*(?:\\q?quad\s*)?|;|\\q?quad|\\text\s*\{\s*and\s*\}|(?<![A-Za-z\\])and\b)\s*")


def listed(text: str) -> list[str]:
    """The parts of ``text`` between separators outside braces and parentheses (``p_i = \\sigma(z_i), \\quad z_i = ...``),
    each padded with spaces to its place in ``text``, so that columns stay."""
    parts, start = [], 0
    for m in _LISTED.finditer(text):
        if _depth(text, m.start()) == 0 and m.start() >= start:
            parts.append(" " * start + text[start:m.start()])
            start = m.end()
    return [*parts, " " * start + text[start:]]


def _depth(text: str, at: int) -> int:
    """How many braces and parentheses are open at ``at``."""
    depth = 0
    for k, c in enumerate(text[:at]):
        if c in "{(" and (k == 0 or text[k - 1] != "\\"):
            depth += 1
        elif c in "})" and (k == 0 or text[k - 1] != "\\"):
            depth -= 1
    return depth


def _split_top(text: str, at: re.Pattern) -> list[str]:
    """``text`` split where ``at`` matches outside braces and parentheses."""
    parts, start = [], 0
    for m in at.finditer(text):
        if _depth(text, m.start()) == 0 and m.start() >= start:
            parts.append(text[start:m.start()])
            start = m.end()
    return [*parts, text[start:]]


_ROWS = r"(?:along|over|across)\s+(?:the\s+)?(?:last|final|second|-1)\s+(?:axis|dimension|dim)|(?:along|over|across|for)\s+each\s+row|" \
        r"(?:along|over)\s+(?:the\s+)?rows|row[\s-]?wise|axis\s*=\s*-?1|dim\s*=\s*-?1"
_COLUMNS = r"(?:along|over|across)\s+(?:the\s+)?first\s+(?:axis|dimension|dim)|(?:along|over|across|for)\s+each\s+column|" \
           r"(?:along|over)\s+(?:the\s+)?columns|column[\s-]?wise|axis\s*=\s*0|dim\s*=\s*0"
_ALONG = re.compile(rf"\s*,?\s*\(?\s*(?:\\text\s*\{{\s*)?(?:applied\s+|taken\s+)?(?:({_ROWS})|({_COLUMNS}))\s*\}}?\s*\)?\s*[.,;]?\s*$",
                    re.IGNORECASE)


def softmax_axis(text: str) -> tuple[str, str | None]:
    """``P = softmax(S) along the last axis`` (row-wise, axis=-1): the definition without the words, blanked the same
    width, and a note (the reader takes the softmax of a matrix row by row); along the first axis (column-wise) is
    refused. ``text`` unchanged, and no note, when it is no softmax or says no axis."""
    m = _ALONG.search(text)
    if m is None or "softmax" not in text[:m.start()].lower() or _depth(text, m.start()) != 0:
        return text, None
    if m[2]:
        raise ParseError("a softmax down each column (along the first axis) is not read: symgrad takes the softmax of "
                         "a matrix along each row; transpose the matrix to say it that way", column=m.start(2) + 1,
                         source=text)
    return text[:m.start()] + " " * (len(text) - m.start()), f"'{m[1]}': the softmax taken along each row"
