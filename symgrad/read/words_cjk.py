"""Kinds stated in Chinese, Japanese or Korean words (``\\boldsymbol{X,Y,T}$は$m \\times n$行列``, ``$n \\times n$行列
$\\mathbf{R}$``, ``X是一个常数矩阵``, ``$\\boldsymbol{a}$ 为常数向量``): one table of the kind and adjective words, the
sentence said again in English (``X, Y, T are m x n matrices``) for the reader of declarations in words, so that a
kind is never dropped with the words around it. A function named in such words (``其中,cosh(x)表示x的双曲余弦函数``) is
said again in English the same way (``where cosh(x) denotes the hyperbolic cosine function of x``)."""

from __future__ import annotations

import re

# each word, with the English it stands for: kinds (matrix, vector, scalar), then adjectives
_KINDS = {"行列": "matrix", "矩阵": "matrix", "矩陣": "matrix", "행렬": "matrix", "ベクトル": "vector",
          "列ベクトル": "column vector", "向量": "vector", "列向量": "column vector", "벡터": "vector",
          "标量": "scalar", "標量": "scalar", "スカラー": "scalar", "スカラ": "scalar", "스칼라": "scalar"}
_ADJECTIVES = {"常数": "constant", "常數": "constant", "定数": "constant", "상수": "constant", "对称": "symmetric",
               "對稱": "symmetric", "対称": "symmetric", "대칭": "symmetric", "正方": "square", "方": "square",
               "实": "real", "実": "real", "實": "real", "可逆": "invertible", "正则": "invertible", "正則": "invertible"}
_WORD = "|".join(sorted({*_KINDS, *_ADJECTIVES}, key=len, reverse=True))
_KIND = "|".join(sorted(_KINDS, key=len, reverse=True))
_ADJ = "|".join(sorted(_ADJECTIVES, key=len, reverse=True))
_NAME = r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{[^{}]*\}|\\(?:mathbf|boldsymbol|bm|vec)\s*\\?[A-Za-z]+|\\?[A-Za-zα-ωΑ-Ω]+(?:_\{?[A-Za-z0-9]+\}?)?)"
_NAMES = rf"(?P<names>{_NAME}(?:\s*[,，、]\s*{_NAME})*)"
_SIZE = r"(?P<size>[A-Za-z0-9]+\s*(?:\\times|×|\*)\s*[A-Za-z0-9]+|[A-Za-z0-9]+\s*次元)"
_IS = r"(?:は|是|为|為|が|은|는|:|：)"
_ONE = r"(?:一个|一個|ある|的)?"
_TAIL = r"(?:とする|とします|である|です|に対して|について|であり|。|，|,|\.|입니다|이다)*"
_DESCRIBED = re.compile(rf"\s*{_NAMES}\s*{_IS}\s*{_ONE}\s*(?P<before>(?:{_ADJ})*)\s*{_SIZE}?\s*(?:の)?\s*"
                        rf"(?P<after>(?:{_ADJ})*)(?P<kind>{_KIND})\s*{_TAIL}\s*")
_KIND_FIRST = re.compile(rf"\s*{_SIZE}?\s*(?:の)?\s*(?P<before>(?:{_ADJ})*)(?P<kind>{_KIND})\s*{_NAMES}\s*{_TAIL}\s*")
# the functions named in words, with the English words for them
_FUNCTIONS = {"双曲余弦": "hyperbolic cosine", "雙曲餘弦": "hyperbolic cosine", "双曲線余弦": "hyperbolic cosine",
              "双曲正弦": "hyperbolic sine", "雙曲正弦": "hyperbolic sine", "双曲線正弦": "hyperbolic sine",
              "双曲正切": "hyperbolic tangent", "雙曲正切": "hyperbolic tangent", "双曲線正接": "hyperbolic tangent",
              "双曲余切": "hyperbolic cotangent", "雙曲餘切": "hyperbolic cotangent", "双曲正割": "hyperbolic secant",
              "双曲余割": "hyperbolic cosecant", "指数": "exponential", "指數": "exponential"}
_FUNCTION_SAID = re.compile(rf"\s*(?:(?:其中|这里|這裡|此处|此處|式中)\s*[,，、:：]?)?\s*(?P<name>{_NAME})\s*"
                            rf"(?:\(\s*(?P<arg>{_NAME})\s*\))?\s*(?:表示|代表|是|为|為|指)\s*(?:(?P<of>{_NAME})\s*的)?\s*"
                            rf"(?P<function>{'|'.join(sorted(_FUNCTIONS, key=len, reverse=True))})\s*(?:函数|函數|関数)?"
                            r"\s*[。.]?\s*")
_BOLD_LIST = re.compile(r"\\(boldsymbol|mathbf|bm)\s*\{([^{}]*,[^{}]*)\}")  # \boldsymbol{X,Y,T}: each name bold


def kinds_in_cjk(text: str) -> str:
    """``text`` as an English sentence where it states names' kind in CJK words (``X, Y, T are m \\times n
    matrices``); ``text`` unchanged otherwise."""
    plain = _BOLD_LIST.sub(lambda m: ", ".join(rf"\{m[1]}{{{n.strip()}}}" for n in m[2].split(",")), text)
    plain = plain.replace("$", " ")
    m = _DESCRIBED.fullmatch(plain) or _KIND_FIRST.fullmatch(plain)
    if m is None:
        return _function_said(plain) or text
    names = [n.strip() for n in re.split(r"[,，、]", m["names"])]
    words = re.findall(_ADJ, (m["before"] or "") + (m.groupdict().get("after") or ""))
    size = re.sub(r"\s*次元$", "-dimensional", m["size"].strip()) if m["size"] else ""
    kind = _KINDS[m["kind"]]
    said = " ".join(w for w in [*(_ADJECTIVES[w] for w in words), size, kind] if w)
    if len(names) > 1:
        return f"{', '.join(names)} are {said.replace('matrix', 'matrices').replace('vector', 'vectors')}"
    return f"{names[0]} is a {said}"


def _function_said(plain: str) -> str | None:
    """``where cosh(x) denotes the hyperbolic cosine function of x`` for ``其中,cosh(x)表示x的双曲余弦函数。``; None
    when ``plain`` names no function so."""
    m = _FUNCTION_SAID.fullmatch(plain)
    if m is None:
        return None
    head = f"{m['name']}({m['arg']})" if m["arg"] else m["name"]
    return f"where {head} denotes the {_FUNCTIONS[m['function']]} function" + (f" of {m['of']}" if m["of"] else "")
