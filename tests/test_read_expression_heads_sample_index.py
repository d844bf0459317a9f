"""A head written with a sample superscript twice (``\\log p(y^{(i)} | x^{(i)}; \\theta)``) defines one element per
sample: i written twice is one index (logp_i), not two."""

from symgrad import verify

DEFINE = [r"\log p(y^{(i)}|x^{(i)};\theta) = \theta^T x^{(i)} y^{(i)}"]


def test_the_sample_index_written_twice_is_one_index():
    head = r"\frac{\partial}{\partial \theta_j} \log p(y^{(i)}|x^{(i)};\theta) = "
    assert verify(head + r"x_j^{(i)} y^{(i)}", define=DEFINE).verdict == "proved"
    assert verify(head + r"2 x_j^{(i)} y^{(i)}", define=DEFINE).verdict == "wrong"
