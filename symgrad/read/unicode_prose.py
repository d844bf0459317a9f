"""Prose in Chinese, Japanese or Korean words around a formula (``其中 $y \\in \\mathbb{R}^n$ 是标签``,
``y \\in \\mathbb{R}^{n} は正解ラベル``), or in Russian (Cyrillic) words (``пусть целевая переменная $y_i \\in \\{+1, -1\\}$``,
let the target variable be): the words are blanked, the same width so that columns stay, and the formula is
read, noted, as English words around a formula are. A statement that is words alone (``y 是标签``: no relation, no
``$...$`` formula left) cannot be read and is refused naming it as prose, never a tokenizer error inside it."""

from __future__ import annotations

import re

from ..errors import ParseError

# CJK radicals (⼊ for 入), punctuation and symbols, kana, CJK ideographs (and extension A, compatibility), Hangul,
# full-width forms
_WORDS = re.compile(r"[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\uff01-\uff0f"
                    r"\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+")
_FORMULA = re.compile(r"\$|=|<|>|\\(?:in|le|ge|leq|geq|neq|ne|sim|subset|to|frac|sum|partial|nabla)(?![A-Za-z])|∈|≤|≥")
# a Russian word: two letters or more, apart from Latin letters and digits (a lone Cyrillic letter, or one inside a
# formula's word, is a look-alike of a Latin letter: х, у, а, с, е, о, р)
_CYRILLIC = re.compile(r"(?<![A-Za-z0-9])[\u0400-\u04ff]{2,}(?![A-Za-z0-9])")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
NOTE = "words in Chinese, Japanese or Korean around the formula dropped"
_NOTES = {"Chinese/Japanese/Korean": NOTE, "Russian": "words in Russian around the formula dropped"}
# 층2:, 步骤 1：: a caption and its number (one class with the spaces in it: a run of words and spaces, in linear time)
_DERIVATIVE = re.compile(r"\\partial|\\nabla|\\d?frac\s*\{\s*d|'|′|\bd[A-Za-z]*\s*/\s*d")
_LIST_COMMA = re.compile(r"\s*[，、；,;]\s*")  # between two formulas of a list
_COMMA_BLANKED = re.compile(r"(?<=\$) (?= *\$)")  # the blanked comma between two formulas of a list
_CAPTION = re.compile(rf"\s*(?=[{_WORDS.pattern[1:-2]}])[{_WORDS.pattern[1:-2]}\s]+\d+(?:\.\d+)*\s*[:：]")


def _listed(text: str, dollars: list[re.Match]) -> bool:
    """Whether the formulas ``$...$`` (``dollars``, their marks) stand one after another with only a list's comma
    between each two (``$x \\in \\mathbb{R}^n$，$y = Wx$``) and none holds a derivative: a list of statements, each read
    on its own (a derivative among them is a claim beside its context: left to the refusal, never parted here)."""
    gaps = [text[a.end():b.start()] for a, b in zip(dollars[1:-1:2], dollars[2::2])]
    derivative = _DERIVATIVE.search(text, dollars[0].start(), dollars[-1].end())
    return len(dollars) % 2 == 0 and all(_LIST_COMMA.fullmatch(gap) for gap in gaps) and derivative is None


def _one_formula(text: str, left: str, words: re.Pattern, language: str) -> tuple[int, int]:
    """The span of the one formula in ``left`` (``$...$`` with its dollars, or all but the ends), or of a list of
    formulas with only commas between them; raise where the words stand inside the formula or between formulas
    (``若 x = 1 则 w = 0``, if ... then ...): dropped there, they would join two statements into one."""
    dollars = list(re.finditer(r"\$+", left))
    if len(dollars) > 2 and not _listed(text, dollars):
        raise ParseError(f"several formulas in {language} words: give each statement on its own",
                         column=dollars[2].start() + 1, source=text)
    if len(dollars) > 2:
        return dollars[0].start(), dollars[-1].end()
    ends = (len(left) - len(left.lstrip()), len(left.rstrip()))
    span = (dollars[0].start(), dollars[1].end()) if len(dollars) == 2 else ends
    inside = next((m for m in words.finditer(text) if span[0] < m.start() < span[1]), None)
    if inside is not None:
        raise ParseError(f"'{inside.group(0)}' is a word in {language} inside the formula, which symgrad "
                         "does not read (it may join two statements, as if ... then does): give the formula alone",
                         column=inside.start() + 1, source=text)
    return span


def _no_look_alike(text: str, left: str) -> None:
    """Raise where ``left`` (``text`` with its words blanked) still holds a Cyrillic letter: a look-alike of a Latin
    one (``2х``), which read as a word would be dropped from the formula."""
    alike = _CYRILLIC_LETTER.search(left)
    if alike is not None:
        raise ParseError(f"'{alike.group(0)}' is a Cyrillic letter, which looks like a Latin one: write the Latin letter",
                         column=alike.start() + 1, source=text)


def cjk_blanked(text: str, notes: list[str]) -> str:
    """``text`` with its CJK words (or, where it has none, its Russian words) blanked (noted in ``notes``); unchanged
    where it has none. Raises where what is left states nothing a formula does (words alone)."""
    words, language = (_WORDS, "Chinese/Japanese/Korean") if _WORDS.search(text) else (_CYRILLIC, "Russian")
    first = words.search(text)
    if first is None:
        _no_look_alike(text, text)
        return text
    caption = _CAPTION.match(text) if words is _WORDS else None  # 층2: W₂ ∈ ℝᵐˣᵏ: the caption's number goes with its words
    if caption is not None and _FORMULA.search(text, caption.end()):
        text = " " * caption.end() + text[caption.end():]
        first = _WORDS.search(text) or first
    left = words.sub(lambda m: " " * len(m.group(0)), text)
    if not _FORMULA.search(left):
        raise ParseError(f"'{first.group(0)}' is prose in {language} words, which symgrad does not read: "
                         r"write the statement as a formula (y \in \mathbb{R}^{n}, L = ...)", column=first.start() + 1,
                         source=text)
    _no_look_alike(text, left)
    span = _one_formula(text, left, words, language)
    if _NOTES[language] not in notes:
        notes.append(_NOTES[language])
    if left.count("$") < 2:
        return left
    kept = _COMMA_BLANKED.sub(lambda m: "," + m.group(0)[1:], left[span[0]:span[1]])  # $a$，$b$: $a$, $b$
    return " " * span[0] + kept + " " * (len(left) - span[1])  # the sentence around $...$ (one-hot)
