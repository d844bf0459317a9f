"""Facts in Spanish words: a name and its role (``con $y$ como vector one-hot del label``: with y as the label's
one-hot vector; ``sea $x$ un vector columna``: let x be a column vector), said again in English for the reader of facts
in words (``$y$ is the one-hot vector of the label``): one table of the words, each with the English it stands for
(the Spanish noun before its adjective, the English adjective first). A sentence with a word the table does not hold is
left as written (and refused naming it): never read with a word dropped."""

from __future__ import annotations

import re

# each opening, with the English it stands for ("con $y$ como ...", with y as ...: y is ...)
_OPENINGS = {"con": "", "sea": "let", "donde": "where", "aquí": "here", "aqui": "here", "dado": "given", "dada": "given"}
# each phrase of a role, with its English
_WORDS = {"vector one-hot": "one-hot vector", "vector one hot": "one-hot vector", "vector columna": "column vector",
          "vector fila": "row vector", "vector": "vector", "matriz": "matrix", "escalar": "scalar",
          "matriz simétrica": "symmetric matrix", "matriz simetrica": "symmetric matrix", "one-hot": "one-hot",
          "del label": "of the label", "de la etiqueta": "of the label", "de las etiquetas": "of the labels",
          "del label verdadero": "of the true label", "de la etiqueta verdadera": "of the true label",
          "etiqueta": "label", "etiqueta verdadera": "true label", "label": "label", "de entrada": "input",
          "de salida": "output", "de pesos": "of weights", "número de muestras": "number of samples",
          "numero de muestras": "number of samples", "número de clases": "number of classes",
          "numero de clases": "number of classes"}
_MATH = r"(?:\\\(.*?\\\)|\$[^$]+\$)"
_PHRASE = "|".join(sorted(_WORDS, key=len, reverse=True))
_ARTICLE = r"(?:(?:un|una|el|la|los|las)\s+)?"
_SENTENCE = re.compile(rf"\s*(?:(?P<opening>{'|'.join(_OPENINGS)})\s+)?(?P<name>{_MATH})\s*(?:como|es|son|:|[-–—])?\s*"
                       rf"{_ARTICLE}(?P<role>(?:(?:{_PHRASE})(?![A-Za-záéíóúñ])\s*)+)\s*[.;]?\s*", re.IGNORECASE)


def spanish_said(text: str) -> str | None:
    """``text`` as an English sentence where it gives a name its role in Spanish words; None otherwise."""
    m = _SENTENCE.fullmatch(text)
    if m is None:
        return None
    role = re.sub(_PHRASE, lambda w: _WORDS[w.group(0).lower()], m["role"], flags=re.IGNORECASE)
    role = " ".join(role.split())
    # the English adjective before its noun: "input vector" for "vector de entrada"
    role = re.sub(r"^(vector|matrix) (input|output)\b", r"\2 \1", role)
    opening = _OPENINGS[m["opening"].lower()] if m["opening"] else ""
    verb = "be" if opening == "let" else "is"
    return f"{opening} {m['name']} {verb} the {role}".strip()
