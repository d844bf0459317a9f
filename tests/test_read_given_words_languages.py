"""Facts stated in words as pages write them, in Spanish, Chinese and Russian sentences and in English with a role
after the fact: each sentence read into the fact it states (or left unread where a word could change it), and one
right and one wrong claim judged under a reading that matters."""

import pytest

from symgrad.errors import ParseError
from symgrad.read.prose import from_prose
from symgrad.read.words_cjk import kinds_in_cjk
from symgrad.verify import verify

_SOFTMAX = [r"p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}", r"L = -\sum_i y_i \log p_i"]


def _read(text: str) -> tuple[str, list[str]]:
    return from_prose(kinds_in_cjk(text))


def test_spanish_one_hot_label_is_read_as_one_hot():
    assert kinds_in_cjk("con $y$ como vector one-hot del label") == "$y$ is the one-hot vector of the label"
    assert _read("con $y$ como vector one-hot del label")[0] == r"y = (0, \dots, 0, 1, 0, \dots, 0)"
    assert kinds_in_cjk("sea $x$ un vector columna") == "let $x$ be the column vector"


def test_spanish_sentence_with_an_unknown_word_is_left_unread():
    assert kinds_in_cjk("con $y$ como vector raro del label") == "con $y$ como vector raro del label"


def test_spanish_one_hot_decides_the_softmax_cross_entropy():
    given = ["con $y$ como vector one-hot del label"]
    assert verify(r"\frac{\partial L}{\partial z_j} = p_j - y_j", define=_SOFTMAX, given=given).verdict == "proved"
    assert verify(r"\frac{\partial L}{\partial z_j} = y_j - p_j", define=_SOFTMAX, given=given).verdict == "wrong"


def test_chinese_let_and_column_vector():
    assert kinds_in_cjk("设x是列向量") == "x is a column vector"


def test_chinese_kind_shared_by_a_list_of_sizes():
    said = kinds_in_cjk("B为m*n、X为n*m的矩阵")
    assert said == r"B is a m \times n matrix, X is a n \times m matrix"
    assert from_prose(said)[0] == r"B \in \mathbb{R}^{m \times n}, X \in \mathbb{R}^{n \times m}"
    # alone, B为m*n may say B = m n: no kind, no reading
    assert kinds_in_cjk("B为m*n") == "B为m*n"


def test_chinese_trace_shapes_judge_a_right_and_a_wrong_gradient():
    given = ["B为m*n、X为n*m的矩阵"]
    define = [r"f = \operatorname{tr}(B X)"]
    assert verify(r"\frac{\partial f}{\partial X} = B^T", define=define, given=given).verdict == "proved"
    assert verify(r"\frac{\partial f}{\partial X} = 2 B^T", define=define, given=given).verdict == "wrong"


def test_chinese_multiclass_opening_and_names_parted_by_spaces():
    assert kinds_in_cjk("当多分类时,yi pi都为向量") == "in the multi-class case yi, pi are vectors"
    note = "yi, pi declared vectors in words: their sizes are read from their use"
    assert _read("当多分类时,yi pi都为向量") == ("", [note])
    assert kinds_in_cjk("foo bar都为向量") == "foo bar都为向量"  # English words are no names


def test_label_values_for_the_ith_sample():
    assert from_prose("$y_i$ is the true label (0 or 1) for the $i$-th sample")[0] == r"y_i \in \{0, 1\}"
    assert from_prose("y is the label (0 or 1) of sample i")[0] == r"y \in \{0, 1\}"
    text = "y_i is the true label (0 or 1) for the j-th sample"  # another index: whose label is it?
    assert from_prose(text)[0] == text


def test_label_of_the_ith_sample_judges_binary_cross_entropy():
    define = [r"L = -\left[ y \log \hat{y} + (1 - y) \log(1 - \hat{y}) \right]"]
    given = ["$y_i$ is the true label (0 or 1) for the $i$-th sample"]
    right = r"\frac{\partial L}{\partial \hat{y}} = \frac{\hat{y} - y}{\hat{y}(1 - \hat{y})}"
    assert verify(right, define=define, given=given).verdict == "proved"
    assert verify(right.replace(r"{\hat{y} - y}", r"{y - \hat{y}}"), define=define, given=given).verdict == "wrong"


def test_row_vector_is_never_dropped_as_a_description():
    with pytest.raises(ParseError, match=r"declare it \(x \\in \\mathbb\{R\}\^\{1 \\times n\}"):
        from_prose("x is a row vector")
    assert from_prose("x is a row vector of length n")[0] == r"x \in \mathbb{R}^{1 \times n}"
    assert from_prose("x is a vector (row vector by default)")[0] == "x is a vector (row vector by default)"
    facts, notes = from_prose("suppose x is a vector(column vector by default), using denominator layout")
    assert facts == "" and notes[0] == "x declared vectors in words: their sizes are read from their use"


def test_russian_matrix_of_features_with_its_dimension():
    said = kinds_in_cjk(r"$ X $ — матрица признаков размерности $ m \times n $")
    assert said == r"$ X $ is the feature matrix of dimension $ m \times n $"
    assert from_prose(said)[0] == r"X \in \mathbb{R}^{m \times n}"
    assert _read(r"$ W $ — матрица весов размерности $ K \times n $")[0] == r"W \in \mathbb{R}^{K \times n}"


def test_chinese_names_given_their_sizes_respectively():
    said = kinds_in_cjk("$X$、$W$和$B$分别是$(n,m)$、$(m,k)$、$(1,k)$的张量")
    assert from_prose(said)[0] == (r"X \in \mathbb{R}^{n \times m}, W \in \mathbb{R}^{m \times k}, "
                                   r"B \in \mathbb{R}^{1 \times k}")
    text = "X、W分别是(n,m)、(m,k)、(1,k)的张量"  # two names, three sizes: whose is which?
    assert kinds_in_cjk(text) == text


def test_chinese_true_class_index():
    said = kinds_in_cjk("其中i即为训练样本真实的类别序号。")
    assert said == "where i is the true class index of the sample"
    note = "'i is the true class index of the sample': i an index fixed by the context (the true class), as its use reads it"
    assert from_prose(said) == ("", [note])


def test_japanese_diagonal_matrix_of_entries():
    said = kinds_in_cjk(r"ここで\(\mathbf{R}\)は\(N\)行\(N\)列で対角成分が\(r_n\)の対角行列。")
    assert said == r"\mathbf{R} = \operatorname{diag}(r_1, \dots, r_{N}) \in \mathbb{R}^{N \times N}"
    assert from_prose(said)[0] == (r"r \in \mathbb{R}^{N}, \mathbf{R} = \operatorname{diag}(r), "
                                   r"\mathbf{R} \in \mathbb{R}^{N \times N}")
    text = r"ここで\(\mathbf{R}\)は\(N\)行\(M\)列で対角成分が\(r_n\)の対角行列。"  # not square: no diagonal read
    assert kinds_in_cjk(text) == text


def test_japanese_diagonal_weights_judge_a_right_and_a_wrong_gradient():
    given = [r"ここで\(\mathbf{R}\)は\(N\)行\(N\)列で対角成分が\(r_n\)の対角行列。"]
    define = [r"E = \frac{1}{2} \sum_{n=1}^N r_n (t_n - w x_n)^2"]
    right = r"\frac{\partial E}{\partial w} = -\sum_{n=1}^N r_n (t_n - w x_n) x_n"
    assert verify(right, define=define, given=given).verdict == "proved"
    assert verify(right.replace("-", "", 1), define=define, given=given).verdict == "wrong"


def test_russian_true_labels_one_hot_gloss():
    said = kinds_in_cjk("$ Y $ — истинные метки (One Hot Encoding).")
    assert said == "$ Y $ is the one-hot encoded true labels"
    assert from_prose(said)[0] == r"Y = (0, \dots, 0, 1, 0, \dots, 0)"


def test_russian_one_hot_gloss_decides_the_softmax_cross_entropy():
    define = [r"p_k = \frac{e^{z_k}}{\sum_j e^{z_j}}", r"L = -\sum_k y_k \log p_k"]
    claim = r"\frac{\partial L}{\partial z_k} = p_k - y_k"
    assert verify(claim, define=define, given=["$ y $ — истинные метки (One Hot Encoding)."]).verdict == "proved"
    assert verify(claim, define=define, given=["$ y $ — истинные метки."]).verdict == "wrong"  # no constraint said


def test_row_vector_without_its_size_is_refused_naming_the_spelling():
    verdict = verify(r"\frac{\partial f}{\partial w} = x^T", define=["f = x w"], given=["x is a row vector"])
    assert verdict.verdict == "unreadable" and r"\mathbb{R}^{1 \times n}" in verdict.message


def test_label_values_after_the_data_as_pairs():
    text = "Our sample data is in the form $(x_i,y_i)$ where $y_i$ the correct label (1 or -1)."
    assert from_prose(text)[0] == r"y_i \in \{-1, 1\}"
    other = "Our sample data is in the form $(x_i,t_i)$ where $y_i$ the correct label (1 or -1)."  # whose label?
    assert from_prose(other)[0] != r"y_i \in \{-1, 1\}"
