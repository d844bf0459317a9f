"""Facts written in other scripts: invisible characters a page's editor leaves (``$z\\u200b$``) are spaces; a matrix's
rows and columns in Chinese words (``$X$为$m$行$n$列的矩阵``, X is an m-row, n-column matrix) its shape, with the
counts in full-width parentheses (``（$m$为样本个数，$n$为特征个数）``) and the roles said with 表示 (denotes) said
again in English; Russian words around one formula (``пусть целевая переменная $y_i \\in \\{+1, -1\\}$``, let the
target variable be) dropped, noted, as Chinese words are, and refused naming them where they stand between formulas;
a name given its role in Russian words (``\\(b_i\\) - класс (метка) ...``) said again in English, with its labels
``b_i = \\pm 1`` the set of the two values.
Pages: github.com/fengdu78/Coursera-ML-AndrewNg-Notes (week 2, the normal equation), github.com/scutan90/
DeepLearning-500-questions (chapter 2), a Russian notebook (target labels y in {+1, -1}), a Russian course README
(the logistic loss, labels b_i = ±1)."""

from __future__ import annotations

from autograd import grad
from autograd import numpy as anp

from symgrad.read.context import Context
from symgrad.read.encoded import visible
from symgrad.read.facts import parse_given
from symgrad.read.given_plus_minus import plus_minus
from symgrad.read.tokens import _tokenize
from symgrad.read.unicode_prose import _CAPTION, cjk_blanked
from symgrad.read.words_cjk import kinds_in_cjk
from symgrad.read.words_russian import russian_said
from symgrad.verify import verify

_SHAPES = "其中$X$为$m$行$n$列的矩阵（$m$为样本个数，$n$为特征个数），$\\theta$为$n$行1列的矩阵，$y$为$m$行1列的矩阵"
_NORMAL = r"J(\theta) = \frac{1}{2}(X\theta - y)^{T}(X\theta - y)"


def test_invisible_characters_are_spaces_one_for_one():
    assert visible("$z\u200b$ and $\\sigma\ufeff$\u00ad") == "$z $ and $\\sigma $ "


def test_rows_and_columns_in_chinese_words_are_the_shape_and_the_counts_their_roles():
    said = kinds_in_cjk(_SHAPES)
    assert said == (r"where X is a m \times n matrix, $m$ be the number of samples, $n$ be the number of features, "
                    r"\theta is a n \times 1 matrix, y is a m \times 1 matrix")
    ctx = Context()
    parse_given(said, ctx)
    shapes = [tuple(str(s) for s in ctx.tensors[k].shape) for k in ("X", "theta", "y")]
    assert shapes == [("m", "n"), ("n",), ("m",)]  # n x 1: a column vector


def test_the_normal_equation_gradient_with_the_shapes_in_chinese_words():
    X, y, t = anp.array([[1.0, 2.0], [0.5, -1.0], [3.0, 1.0]]), anp.array([1.0, -2.0, 0.5]), anp.array([0.3, -0.7])
    g = grad(lambda t: 0.5 * anp.sum((X @ t - y) ** 2))(t)
    assert anp.allclose(g, X.T @ X @ t - X.T @ y) and not anp.allclose(g, 2 * X.T @ X @ t - X.T @ y)
    of = r"\frac{\partial J(\theta)}{\partial \theta}"
    assert verify(r"X^{T}X\theta - X^{T}y", of=of, define=[_NORMAL], given=[_SHAPES]).verdict in ("proved", "agrees")
    assert verify(r"2X^{T}X\theta - X^{T}y", of=of, define=[_NORMAL], given=[_SHAPES]).verdict == "wrong"


def test_roles_said_with_biaoshi_and_a_bare_name_before_a_colon():
    assert kinds_in_cjk("其中，$z\u200b$表示神经元的输入，$\\sigma\u200b$表示激活函数。") == (
        r"where $z $ be the input of the neuron, $\sigma $ be the activation function")
    assert kinds_in_cjk("m: 样本数量") == "$m$ be the number of samples"


def test_russian_words_around_one_formula_are_dropped_and_noted():
    fact = r"пусть целевая переменная $y \in (0, 1)$"
    right = verify(r"-\frac{1}{y}", of=r"\frac{\partial L}{\partial y}", define=[r"L = -\log y"], given=[fact])
    assert right.verdict == "proved" and "words in Russian around the formula dropped" in right.message
    assert verify(r"\frac{1}{y}", of=r"\frac{\partial L}{\partial y}", define=[r"L = -\log y"],
                  given=[fact]).verdict == "wrong"


def test_russian_words_between_formulas_are_refused_naming_the_word():
    v = verify(r"-\frac{1}{y}", of=r"\frac{\partial L}{\partial y}", define=[r"L = -\log y"],
               given=[r"\(y > 0\) при \(i > 0\)"])  # y > 0 when i > 0
    assert v.verdict == "unreadable" and "'при' is a word in Russian" in v.message


def test_a_role_in_russian_words_is_said_again_in_english():
    assert russian_said(r"\(b_i\) - класс (метка) для обучающего примера \(i\) (\(b_i = \pm 1\))") == (
        r"\(b_i\) is the class label of training example \(i\), \(b_i = \pm 1\)")
    assert russian_said(r"где $m$ — число объектов") == "where $m$ is the number of samples"
    assert russian_said(r"\(b_i\) - класс объекта, который мы угадываем") is None  # words the table lacks


def test_a_name_equal_to_either_sign_of_a_number_takes_the_two_values():
    ctx = Context()
    parse_given(r"\(b_i = \pm 1\).", ctx)
    assert ctx.domains == {"b": {-1, 1}}
    assert plus_minus(_tokenize(r"x = a \pm 1")) == _tokenize(r"x = a \pm 1")  # two values of an expression
    upstream = _tokenize(r"\frac{\partial L}{\partial y} = \pm 1")
    assert plus_minus(upstream) == upstream  # a derivative's two values: no name's set


def test_the_logistic_gradient_with_labels_plus_minus_one_in_russian_words():
    a, b, x = anp.array([0.5, -1.0]), anp.array([1.0, -1.0]), 0.7
    g = grad(lambda x: anp.sum(anp.log(1 + anp.exp(-b * a * x))))(x)
    assert anp.isclose(g, -anp.sum(b * a / (1 + anp.exp(b * a * x))))
    fact = r"\(b_i\) - класс (метка) для обучающего примера \(i\) (\(b_i = \pm 1\))"
    loss = r"L = \sum_{i=1}^{m} \ln(1 + \exp(-b_i a_i x))"
    right = verify(r"-\sum_{i=1}^{m} \frac{b_i a_i}{1 + \exp(b_i a_i x)}", of=r"\frac{\partial L}{\partial x}",
                   define=[loss], given=[fact])
    assert right.verdict == "proved" and "class label of training example i" in right.message
    assert verify(r"\sum_{i=1}^{m} \frac{b_i a_i}{1 + \exp(b_i a_i x)}", of=r"\frac{\partial L}{\partial x}",
                  define=[loss], given=[fact]).verdict == "wrong"


def test_a_matrix_said_symmetric_in_chinese_words_makes_2_a_x_the_gradient():
    assert kinds_in_cjk("$A$是对称的") == "A is symmetric"
    assert kinds_in_cjk("$\\Sigma$是对称正定矩阵") == r"\Sigma is a symmetric positive definite matrix"
    A, x = anp.array([[2.0, 1.0], [1.0, 3.0]]), anp.array([0.5, -1.0])
    assert anp.allclose(grad(lambda x: x @ A @ x)(x), 2 * A @ x)
    quadratic = [r"f(x) = x^T A x", r"x \in \mathbb{R}^{n}", r"A \in \mathbb{R}^{n \times n}"]
    of = r"\frac{\partial f}{\partial x}"
    right = verify("2Ax", of=of, define=quadratic[:1], given=[*quadratic[1:], "$A$是对称的"])
    assert right.verdict in ("proved", "agrees"), right.message
    assert verify("Ax", of=of, define=quadratic[:1], given=[*quadratic[1:], "$A$是对称的"]).verdict == "wrong"


def test_a_kangxi_radical_in_chinese_words_is_a_word():
    notes: list[str] = []
    assert cjk_blanked("$x > 0$是输⼊", notes).strip() == "$x > 0$" and notes  # ⼊ (U+2F0A) for 入


def test_roles_in_japanese_and_korean_words_are_said_again_in_english():
    assert kinds_in_cjk("$m$はサンプル数、$x$は入力ベクトルです") == "$m$ be the number of samples, $x$ be the input vector"
    assert kinds_in_cjk("$y$는 정답 레이블입니다") == "$y$ be the true label"
    ctx = Context()
    parse_given(kinds_in_cjk("$m$はサンプル数、$x$は入力ベクトルです"), ctx)
    assert "m" in ctx.sizes and any("x be the input vector" in n for n in ctx.notes)


def test_a_cyrillic_look_alike_of_a_latin_letter_is_refused_never_dropped():
    v = verify("2х", of=r"\frac{\partial L}{\partial x}", define=["L = 2x"])  # х is Cyrillic: 2x misread would be 2
    assert v.verdict == "unreadable" and "Cyrillic letter" in v.message


def test_a_long_cjk_sentence_without_a_caption_number_is_matched_in_linear_time():
    assert _CAPTION.match("为了简化描述，" * 10) is None  # nested repeats took past 20 s here
    assert _CAPTION.match("층2: W₂ ∈ ℝᵐˣᵏ") is not None
