"""Kinds stated in Chinese, Japanese or Korean words (``\\boldsymbol{X,Y,T}$は$m \\times n$行列``, ``$n \\times n$行列
$\\mathbf{R}$``, ``X是一个常数矩阵``, ``$\\boldsymbol{a}$ 为常数向量``): one table of the kind and adjective words, the
sentence said again in English (``X, Y, T are m x n matrices``) for the reader of declarations in words, so that a
kind is never dropped with the words around it. A function named in such words (``其中,cosh(x)表示x的双曲余弦函数``) is
said again in English the same way (``where cosh(x) denotes the hyperbolic cosine function of x``), and so is a list of
names given their roles (``设$x$为输入向量,$y$为LayerNorm的输出向量,...``: ``let $x$ be the input vector, $y$ be the
output vector of LayerNorm, ...``), each clause one of a few forms or the sentence left as written: a role, a kind
(``$X$为$m$行$n$列的矩阵``, an m-row n-column matrix: ``X is a m \\times n matrix``), clauses in full-width
parentheses each one of these too; names given sizes in order (``X、W分别是(n,m)、(m,k)的张量``, respectively), a
diagonal matrix by its entries (``RはN行N列で対角成分がr_nの対角行列``: ``R = diag(r_1, ..., r_N)``), the true class's
index (``i即为训练样本真实的类别序号``). A name given its role in Russian words is said in English by
``words_russian``, in Spanish words by ``words_spanish``."""

from __future__ import annotations

import re

from .encoded import visible
from .words_russian import russian_said
from .words_spanish import spanish_said

# each word, with the English it stands for: kinds (matrix, vector, scalar), then adjectives
_KINDS = {"行列": "matrix", "矩阵": "matrix", "矩陣": "matrix", "행렬": "matrix", "ベクトル": "vector",
          "列ベクトル": "column vector", "向量": "vector", "列向量": "column vector", "벡터": "vector",
          "标量": "scalar", "標量": "scalar", "スカラー": "scalar", "スカラ": "scalar", "스칼라": "scalar"}
_ADJECTIVES = {"常数": "constant", "常數": "constant", "定数": "constant", "상수": "constant", "对称": "symmetric",
               "對稱": "symmetric", "対称": "symmetric", "대칭": "symmetric", "正方": "square", "方": "square",
               "实": "real", "実": "real", "實": "real", "可逆": "invertible", "正则": "invertible", "正則": "invertible",
               "正定": "positive definite", "半正定": "positive semidefinite", "正定値": "positive definite"}
_WORD = "|".join(sorted({*_KINDS, *_ADJECTIVES}, key=len, reverse=True))
_KIND = "|".join(sorted(_KINDS, key=len, reverse=True))
_ADJ = "|".join(sorted(_ADJECTIVES, key=len, reverse=True))
_NAME = r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{[^{}]*\}|\\(?:mathbf|boldsymbol|bm|vec)\s*\\?[A-Za-z]+|\\?[A-Za-zα-ωΑ-Ω]+(?:_\{?[A-Za-z0-9]+\}?)?)"
# names listed with commas, or with spaces only (yi pi都为向量: y_i and p_i as plain text writes them)
_NAMES = rf"(?P<names>{_NAME}(?:\s*[,，、]\s*{_NAME})*|{_NAME}(?:\s+{_NAME})+)"
_SIZE = (r"(?P<size>[A-Za-z0-9]+\s*(?:\\times|×|\*)\s*[A-Za-z0-9]+|[A-Za-z0-9]+\s*次元"
         r"|[A-Za-z0-9]+\s*行\s*[A-Za-z0-9]+\s*列)")  # m行n列: m rows and n columns
_LET = r"(?:设|令|假设|假設)?"  # 设x是列向量: let x be a column vector (a let says no more than the clause)
_IS = r"(?:均为|均為|都是|都为|皆为|は|是|为|為|が|은|는|:|：)"  # 均为: "are all"
_ONE = r"(?:一个|一個|ある|的)?"
_TAIL = r"(?:とする|とします|である|です|に対して|について|であり|。|，|,|\.|입니다|이다)*"
_DESCRIBED = re.compile(rf"\s*{_LET}\s*{_NAMES}\s*{_IS}\s*{_ONE}\s*(?P<before>(?:{_ADJ})*)\s*{_SIZE}?\s*(?:の)?\s*"
                        rf"(?:的)?\s*(?P<after>(?:{_ADJ})*)(?P<kind>{_KIND})\s*{_TAIL}\s*")
# x是$n \times p$, dW的大小和W一样是$m \times n$ (dW's size, like W's, is m x n): a size alone says a matrix
_SIZED = re.compile(rf"\s*{_LET}\s*{_NAMES}\s*(?:的\s*(?:大小|形状|尺寸|维度|維度))?\s*(?:(?:和|与|與|跟)\s*(?P<like>{_NAME})\s*的?\s*"
                    rf"(?:大小|形状)?\s*(?:一样|一樣|相同)\s*[,，]?\s*)?{_IS}\s*{_ONE}\s*(?P<size>[A-Za-z0-9]+\s*(?:\\times|×)\s*"
                    rf"[A-Za-z0-9]+)\s*{_TAIL}\s*")
_QUALITY = re.compile(rf"\s*{_LET}\s*{_NAMES}\s*{_IS}\s*(?P<before>(?:{_ADJ})+)\s*(?:的|な|である)?\s*{_TAIL}\s*")  # A是对称的
_KIND_FIRST = re.compile(rf"\s*{_SIZE}?\s*(?:の)?\s*(?P<before>(?:{_ADJ})*)(?P<kind>{_KIND})\s*{_NAMES}\s*{_TAIL}\s*")
# X、W和B分别是(n,m)、(m,k)、(1,k)的张量: names and their sizes in order (分别, respectively), each a matrix
_PAIR = r"(?:\(\s*[A-Za-z0-9]+\s*,\s*[A-Za-z0-9]+\s*\)|[A-Za-z0-9]+\s*(?:\\times|×|\*)\s*[A-Za-z0-9]+)"
_RESPECTIVE = re.compile(rf"\s*(?P<names>{_NAME}(?:\s*(?:[,，、]|和|与|與|及)\s*{_NAME})+)\s*(?:分别|分別)\s*(?:是|为|為)\s*"
                         rf"(?P<sizes>{_PAIR}(?:\s*[,，、]\s*{_PAIR})+)\s*的?\s*(?:张量|張量|矩阵|矩陣)\s*{_TAIL}\s*")
# 其中i即为训练样本真实的类别序号: i the index of the sample's true class (an index fixed by the context)
_TRUE_CLASS = re.compile(rf"\s*(?:其中|这里|此处)?\s*[,，]?\s*(?P<name>{_NAME})\s*(?:即为|即是|为|為|是|表示)\s*(?:训练|訓練)?"
                         r"(?:样本|樣本)?\s*的?\s*(?:真实|真實|正确|正確)\s*的?\s*(?:类别|類別)\s*的?\s*(?:序号|序號|编号|索引|下标)"
                         r"\s*[。.]?\s*")
# ここでRはN行N列で対角成分がr_nの対角行列: R the N x N diagonal matrix whose diagonal entries are r_n, n = 1..N
_DIAGONAL = re.compile(rf"\s*(?:ここで|其中|这里)?\s*[,，、]?\s*(?P<name>{_NAME})\s*(?:は|为|為|是)\s*(?P<rows>[A-Za-z0-9]+)\s*行\s*"
                       r"(?P<columns>[A-Za-z0-9]+)\s*列\s*(?:で|の|的)?\s*[,，、]?\s*(?:対角成分|对角元素|對角元素|对角元|対角要素)\s*"
                       r"(?:が|为|為|是)\s*(?P<entry>\\?[A-Za-z]+)\s*_\s*\{?\s*(?P<index>[A-Za-z])\s*\}?\s*(?:の|的)\s*"
                       rf"(?:対角行列|对角矩阵|對角矩陣)\s*{_TAIL}\s*")
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
# the words of a clause giving a formula its role, each with its English
_ROLE_WORDS = {"输入": "input", "输出": "output", "权重": "weight", "偏置": "bias", "向量": "vector", "矩阵": "matrix",
               "维度": "dimension", "常数": "constant", "标量": "scalar", "一个": "a", "很小的": "very small",
               "真实": "true", "预测": "predicted", "目标": "target", "标签": "label", "值": "value", "学习率": "learning rate",
               "样本数量": "number of samples", "样本数": "number of samples", "样本个数": "number of samples",
               "类别数": "number of classes", "类别数量": "number of classes", "特征数": "number of features",
               "特征个数": "number of features", "特征数量": "number of features", "神经元的输入": "input of the neuron",
               "神经元的输出": "output of the neuron", "激活函数": "activation function",
               # Japanese
               "入力": "input", "出力": "output", "重み": "weight", "バイアス": "bias", "ベクトル": "vector", "行列": "matrix",
               "定数": "constant", "スカラー": "scalar", "正解": "true", "予測": "predicted", "ラベル": "label", "値": "value",
               "教師ラベル": "target label", "学習率": "learning rate", "サンプル数": "number of samples",
               "データ数": "number of samples", "クラス数": "number of classes", "特徴量の数": "number of features",
               # Korean
               "입력": "input", "출력": "output", "가중치": "weight", "편향": "bias", "벡터": "vector", "행렬": "matrix",
               "상수": "constant", "스칼라": "scalar", "정답": "true", "예측": "predicted", "레이블": "label", "라벨": "label",
               "값": "value", "학습률": "learning rate", "샘플 수": "number of samples", "샘플의 수": "number of samples",
               "클래스 수": "number of classes", "특성 수": "number of features"}
_ROLE_WORD = "|".join(sorted(_ROLE_WORDS, key=len, reverse=True))
_MATH = r"\$[^$]+\$"
# $m$为..., $z$表示..., m: ... (a bare name before a colon)
# (a Japanese or Korean sentence names first: $x$は入力ベクトルです, $x$는 입력 벡터이다, $x$は入力を表す)
_ROLE_CLAUSE = re.compile(rf"\s*(?P<let>设|令)?\s*(?:(?P<name>\$\s*{_NAME}\s*\$)\s*(?:为|是|表示|代表|即为|指|は|는|은)|"
                          rf"(?P<bare>{_NAME})\s*[:：])\s*(?:(?P<owner>[A-Za-z][A-Za-z-]*)(?:的|の|의))?"
                          rf"\s*(?P<words>(?:(?:{_ROLE_WORD})\s*)+)(?:を表す|を表します|를 나타낸다|을 나타낸다)?\s*{_TAIL}")
_GRADIENT_CLAUSE = re.compile(rf"\s*(?P<derivative>{_MATH})\s*是\s*(?:损失函数|损失)\s*(?P<loss>{_MATH})\s*(?:相对于|关于|对)\s*"
                              rf"(?P<by>{_MATH})\s*的梯度\s*")
# words after a clause that only say what it is for or how it is had: said again, the clause read alone
_REMARKS = {"用于避免除以零的情况": "used to avoid division by zero", "用于避免除以零": "used to avoid division by zero",
            "可以通过反向传播计算得到": "which can be computed by backpropagation"}
_OPENINGS = {"其中": "where", "这里": "here", "此处": "here", "這裡": "here", "此處": "here", "ここで": "here",
             # the case the page treats: more than two classes (softmax, a vector of labels), no constraint
             "当多分类时": "in the multi-class case", "當多分類時": "in the multi-class case",
             "多分类时": "in the multi-class case", "在多分类的情况下": "in the multi-class case"}
_CLAUSE_END = re.compile(r"[,，、;；。（）]")  # a full-width parenthesis opens or closes clauses of their own
_BOLD_LIST = re.compile(r"\\(boldsymbol|mathbf|bm)\s*\{([^{}]*,[^{}]*)\}")  # \boldsymbol{X,Y,T}: each name bold


def kinds_in_cjk(text: str) -> str:
    """``text`` as an English sentence where it states names' kind in CJK words (``X, Y, T are m \\times n
    matrices``); ``text`` unchanged otherwise."""
    text = visible(text)
    marked = re.sub(r"\\\((.*?)\\\)", r"$\1$", text)  # \(R\)は...: MathJax's inline marks as $...$
    plain = _BOLD_LIST.sub(lambda m: ", ".join(rf"\{m[1]}{{{n.strip()}}}" for n in m[2].split(",")), marked)
    plain = plain.replace("$", " ")
    true_class = _TRUE_CLASS.fullmatch(plain)
    if true_class is not None:
        return f"where {true_class['name']} is the true class index of the sample"
    return (_kind_said(plain) or _respective_said(plain) or _diagonal_said(plain) or _function_said(plain)
            or _roles_said(marked) or russian_said(text) or spanish_said(text) or _formulas_opened(text) or text)


# 此处: u = 1, v = 1 + e^{-z}: an opening word, a colon, then formulas only (no CJK word left to read)
_OPENED = re.compile(r"\s*(?P<opening>其中|这里|這裡|此处|此處)\s*[:：]\s*(?P<rest>[^\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]+)")


def _formulas_opened(text: str) -> str | None:
    """``here: u = 1, v=1+e^{-z}`` for ``此处: u = 1, v=1+e^{-z}``; None for any other text."""
    m = _OPENED.fullmatch(text)
    return f"{_OPENINGS[m['opening']]}: {m['rest']}" if m else None


def _kind_said(plain: str) -> str | None:
    """``X, Y, T are m \\times n matrices`` for ``X,Y,T は m \\times n 行列``, ``A is symmetric`` for ``A是对称的``; None
    when ``plain`` states no kind so."""
    if (sized := _SIZED.fullmatch(plain)) is not None and (names := _listed(sized["names"])):
        names += [sized["like"]] if sized["like"] else []
        kind = "matrices" if len(names) > 1 else "matrix"
        return f"{', '.join(names)} {'are' if len(names) > 1 else 'is a'} {_times(sized['size'])} {kind}"
    m = _DESCRIBED.fullmatch(plain) or _KIND_FIRST.fullmatch(plain) or _QUALITY.fullmatch(plain)
    if m is None or not (names := _listed(m["names"])):
        return None
    words = re.findall(_ADJ, (m["before"] or "") + (m.groupdict().get("after") or ""))
    if "kind" not in m.groupdict():  # A是对称的: A is symmetric
        return f"{', '.join(names)} {'are' if len(names) > 1 else 'is'} {' '.join(_ADJECTIVES[w] for w in words)}"
    size = re.sub(r"\s*次元$", "-dimensional", _times(m["size"])) if m["size"] else ""
    size = re.sub(r"\s*行\s*(\S+?)\s*列$", r" \\times \1", size)  # m行n列: m \times n
    kind = _KINDS[m["kind"]]
    said = " ".join(w for w in [*(_ADJECTIVES[w] for w in words), size, kind] if w)
    if len(names) > 1:
        return f"{', '.join(names)} are {said.replace('matrix', 'matrices').replace('vector', 'vectors')}"
    return f"{names[0]} is a {said}"


def _listed(names: str) -> list[str]:
    """The names of a list (``X, Y, T``; ``yi pi``, parted by spaces alone: short names only, else none - a word
    of English is no name)."""
    if re.search(r"[,，、]", names):
        return [n.strip() for n in re.split(r"[,，、]", names)]
    listed = re.findall(_NAME, names)
    return listed if len(listed) < 2 or all(re.fullmatch(r"\\.*|[^_]{1,2}(?:_.*)?", n) for n in listed) else []


def _times(size: str) -> str:
    """``m \\times n`` for ``m*n`` or ``m×n``; any other size as written."""
    return re.sub(r"\s*(?:\*|×)\s*", r" \\times ", size.strip())


def _respective_said(plain: str) -> str | None:
    """``X is a n \\times m matrix, W is a m \\times k matrix`` for ``X、W分别是(n,m)、(m,k)的张量`` (as many sizes as
    names, in order); None for any other text."""
    m = _RESPECTIVE.fullmatch(plain)
    if m is None:
        return None
    names, sizes = re.findall(_NAME, m["names"]), re.findall(_PAIR, m["sizes"])
    if len(names) != len(sizes):
        return None
    sizes = [re.sub(r"^\(\s*(.*?)\s*,\s*(.*?)\s*\)$", r"\1*\2", size) for size in sizes]  # (n,m): n*m
    return ", ".join(f"{name} is a {_times(size)} matrix" for name, size in zip(names, sizes))


def _diagonal_said(plain: str) -> str | None:
    """``R = \\operatorname{diag}(r_1, \\dots, r_N) \\in \\mathbb{R}^{N \\times N}`` for ``RはN行N列で対角成分がr_nの
    対角行列`` (the diagonal's entries r_n, n from 1 to the size); None for any other text, or a matrix not square."""
    m = _DIAGONAL.fullmatch(plain)
    if m is None or m["rows"] != m["columns"]:
        return None
    size, entry = m["rows"], m["entry"]
    return rf"{m['name']} = \operatorname{{diag}}({entry}_1, \dots, {entry}_{{{size}}}) \in \mathbb{{R}}^{{{size} \times {size}}}"


def _function_said(plain: str) -> str | None:
    """``where cosh(x) denotes the hyperbolic cosine function of x`` for ``其中,cosh(x)表示x的双曲余弦函数。``; None
    when ``plain`` names no function so."""
    m = _FUNCTION_SAID.fullmatch(plain)
    if m is None:
        return None
    head = f"{m['name']}({m['arg']})" if m["arg"] else m["name"]
    return f"where {head} denotes the {_FUNCTIONS[m['function']]} function" + (f" of {m['of']}" if m["of"] else "")


# |A| 为A 的行列式, A^{-1} 为A 的逆矩阵: the page's notation for the determinant and the inverse of A, the reading symgrad
# gives |A| and A^{-1} of a matrix; said as the kind it makes A (the same name on both sides, else no such clause)
_NOTATION = re.compile(r"\s*(?:(?P<bar>\\left\s*\||\||∣)\s*(?P<det>[A-Za-z])\s*(?:\\right\s*\||\||∣)"
                       r"|\\det\s*(?P<det2>[A-Za-z])|(?P<inv>[A-Za-z])\s*\^\s*(?:\{\s*-\s*1\s*\}|-\s*1))"
                       r"\s*(?:为|為|是|表示)\s*(?P<of>[A-Za-z])\s*的\s*(?P<what>行列式|逆矩阵|逆矩陣|逆)\s*[。.]?\s*")


def _notation_said(clause: str) -> str | None:
    """``A is a square matrix`` for ``|A| 为A 的行列式`` (its determinant), ``A is an invertible matrix`` for ``A^{-1}
    为A 的逆矩阵`` (its inverse); None for any other clause, or where the two names differ."""
    m = _NOTATION.fullmatch(clause)
    if m is None:
        return None
    name = m["det"] or m["det2"] or m["inv"]
    determinant = m["what"] == "行列式"
    if name != m["of"] or determinant != bool(m["det"] or m["det2"]):
        return None
    return f"{name} is {'a square' if determinant else 'an invertible'} matrix"


def _clause_said(clause: str) -> str | None:
    """One clause of a sentence giving formulas their roles, in English; None for any other clause."""
    if (said := _notation_said(clause)) is not None:
        return said
    if (m := _ROLE_CLAUSE.fullmatch(clause)) is not None:
        words = " ".join(_ROLE_WORDS[w] for w in re.findall(_ROLE_WORD, m["words"]))
        article = "" if words.startswith("a ") else "the "
        owner = f" of {m['owner']}" if m["owner"] else ""
        name = m["name"] or f"${m['bare']}$"
        return f"{'let ' if m['let'] else ''}{name} be {article}{words}{owner}"
    if (m := _GRADIENT_CLAUSE.fullmatch(clause)) is not None:
        return f"{m['derivative']} is the gradient of the loss function {m['loss']} with respect to {m['by']}"
    return _kind_said(clause.replace("$", " "))


_SHARED_KIND = re.compile(rf"的\s*(?:{_KIND})(?=\s*[。.]?\s*$)")


def _roles_said(text: str) -> str | None:
    """``let $x$ be the input vector, $y$ be the output vector of LayerNorm, ...`` for ``设$x$为输入向量,$y$为LayerNorm
    的输出向量,...`` (a sentence of such clauses, remarks and an opening word); None when a clause is none of these."""
    pieces, start, depth = [], 0, 0
    for k, c in enumerate(text):
        depth ^= c == "$"
        if not depth and _CLAUSE_END.match(c):
            pieces.append(text[start:k])
            start = k + 1
    pieces = [p.strip() for p in [*pieces, text[start:]] if p.strip()]
    said: list[str] = []
    opened = next((w for w in _OPENINGS if pieces and pieces[0].startswith(w) and pieces[0] != w), None)
    if opened is not None:  # 其中$y$是标签: the opening word, then the clause
        pieces[:1] = [opened, pieces[0][len(opened):]]
    # B为m*n、X为n*m的矩阵: the kind at the end of a list parted by 、 is each clause's (B is an m x n matrix too)
    shared = _SHARED_KIND.search(pieces[-1]) if "、" in text and pieces else None
    for k, piece in enumerate(pieces):
        if k == 0 and piece in _OPENINGS:
            said.append(_OPENINGS[piece])
        elif said and piece in _REMARKS:
            said[-1] += f" {_REMARKS[piece]}"
        elif (clause := _clause_said(piece) or (_clause_said(piece + shared[0]) if shared else None)) is not None:
            said.append(clause)
        else:
            return None
    opening = said.pop(0) + " " if said and said[0] in _OPENINGS.values() else ""
    return opening + ", ".join(said) if said else None
