"""Facts in Russian words: a name, a dash and its role (``\\(b_i\\) - класс (метка) для обучающего примера \\(i\\)
(\\(b_i = \\pm 1\\))``: b_i the class (label) of training example i; ``$ Y $ — истинные метки (One Hot Encoding)``: Y the
one-hot encoded true labels), said again in English for the reader of facts in words (``\\(b_i\\) is the class label
of training example \\(i\\), \\(b_i = \\pm 1\\)``): one table of the words, each with the English it stands for; a
formula in parentheses after the role is a fact of its own. A sentence with a word the table does not hold is left as
written (and refused naming the word): never read with a word dropped."""

from __future__ import annotations

import re

# each phrase, with the English it stands for: openings, roles, what a role is of
_OPENINGS = {"пусть": "let", "где": "where", "здесь": "here"}
# (a word in the genitive says "of": метка примера, the label of the example; для, for, says no more than that)
_WORDS = {"класс": "class", "метка": "label", "метки": "label", "истинная метка": "true label",
          "целевая переменная": "target variable", "ответ": "target", "для": "", "обучающего примера": "of training example",
          "примера": "of example", "объекта": "of sample", "объект": "sample", "признаков": "of features",
          "вектор признаков": "feature vector", "вектор весов": "weight vector", "вектор параметров": "parameter vector",
          "число объектов": "number of samples", "количество объектов": "number of samples",
          "число признаков": "number of features", "количество признаков": "number of features",
          "матрица": "matrix", "вектор": "vector", "скаляр": "scalar", "функция потерь": "loss function",
          "матрица признаков": "feature matrix", "матрица весов": "weight matrix", "матрица объектов": "data matrix",
          # a size after the role: матрица весов размерности K x n, the weight matrix of dimension K x n
          "размерности": "of dimension", "размера": "of size", "истинные метки": "true labels",
          # the English gloss a page puts after the role: (One Hot Encoding), the labels one-hot
          "one hot encoding": "one-hot", "one-hot encoding": "one-hot", "one hot": "one-hot", "one-hot": "one-hot"}
_MATH = r"(?:\\\(.*?\\\)|\$[^$]+\$)"
_PHRASE = "|".join(sorted(_WORDS, key=len, reverse=True))
_ROLE = rf"(?:(?:{_PHRASE})(?![А-Яа-яЁё])|{_MATH}|\s+)+"
_SENTENCE = re.compile(rf"\s*(?:(?P<opening>{'|'.join(_OPENINGS)})\s+)?(?P<name>{_MATH})\s*[-–—]\s*(?P<role>(?:{_ROLE})?)"
                       rf"(?:\(\s*(?P<gloss>{_PHRASE})\s*\))?(?P<rest>(?:{_ROLE})?)\s*(?:\(\s*(?P<fact>{_MATH})\s*\))?"
                       r"\s*[.;]?\s*", re.IGNORECASE)


def _english(words: str) -> str:
    """``words`` (phrases of the table and formulas) in English."""
    return re.sub(_PHRASE, lambda m: _WORDS[m.group(0).lower()], words, flags=re.IGNORECASE).strip()


def russian_said(text: str) -> str | None:
    """``text`` as an English sentence where it gives a name its role in Russian words; None otherwise."""
    m = _SENTENCE.fullmatch(text)
    if m is None or not m["role"].strip():
        return None
    role = _english(m["role"]) + (f" {_WORDS[m['gloss'].lower()]}" if m["gloss"] else "")
    role = " ".join(f"{role} {_english(m['rest'])}".split())
    if re.search(r"\bone-hot\b", role):  # истинные метки (One Hot Encoding): the one-hot encoded true labels
        role = "one-hot encoded " + " ".join(re.sub(r"\bone-hot\b", " ", role).split())
    opening = _OPENINGS[m["opening"].lower()] if m["opening"] else ""
    verb = "be" if opening == "let" else "is"
    return f"{opening} {m['name']} {verb} the {role}".strip() + (f", {m['fact']}" if m["fact"] else "")
