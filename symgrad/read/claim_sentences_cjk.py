"""A claim stated in a Chinese sentence: ``E对B求导结果是V`` (E differentiated by B, the result is V), also ``E对B的导数
为V`` and ``E对B求偏导得V``: ``\\frac{\\partial}{\\partial B} (E) = V``. A remark in parentheses that says the prime is the
transpose (``('表示转置)``, ' denotes the transpose) decides what ``'`` means on that page: each prime after a name or a
bracket becomes ``^T`` (in the definitions too: the remark is about the page's notation), noted. Another remark, or
words around the sentence, leave the text as written (read where it is refused)."""

from __future__ import annotations

import re

_NAME = r"\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?"
_SENTENCE = re.compile(rf"\s*(?P<expr>[^\u3000-\u9fff]+?)\s*[对對]\s*(?P<var>{_NAME})\s*(?:求偏导|求偏導|求导|求導|的偏导数?|的偏導數?|"
                       r"的导数|的導數)\s*(?P<remark>[(（][^()（）]*[)）])?\s*[,，]?\s*(?:的\s*)?(?:结果|結果|得到|得)?\s*"
                       r"(?:是|为|為|=|:|：)?\s*(?P<value>[^\u3000-\u9fff]+?)\s*[。.]?\s*")
# ' denotes (is, means) the transpose: 表示/是/为/代表/指 转置
_TRANSPOSE_REMARK = re.compile(r"[(（]\s*['’′]\s*(?:表示|是|为|為|代表|指)\s*(?:转置|轉置)\s*[)）]")
_PRIME = re.compile(r"(?<=[A-Za-z0-9})\]])\s*['’′]")


def claim_in_chinese(claim: str) -> tuple[str, bool] | None:
    """(the claim as a formula, whether its remark makes the prime the transpose) for a sentence the module docstring
    describes; None for anything else."""
    m = _SENTENCE.fullmatch(claim)
    if m is None or not re.search(r"[A-Za-z0-9]", m.group("value")):
        return None
    remark = m.group("remark")
    transposed = remark is not None and _TRANSPOSE_REMARK.fullmatch(remark) is not None
    if remark is not None and not transposed:
        return None
    expr, value = m.group("expr"), m.group("value")
    if transposed:
        expr, value = primes_transposed(expr), primes_transposed(value)
    return rf"\frac{{\partial}}{{\partial {m.group('var')}}} ({expr}) = {value}", transposed


def primes_transposed(text: str) -> str:
    """``text`` with each prime after a name or a bracket written ``^T``."""
    return _PRIME.sub("^T", text)
