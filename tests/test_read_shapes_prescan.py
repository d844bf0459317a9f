"""Shapes agreed across all inputs: math.stackexchange 1962877 gives ``e = y - Xw`` before the definition that writes
``y_n``; read in order, y was a number and y_n refused. ``declare_indexed`` scans every input first: a letter written
with one index in one input and bare in another is a vector from the start (noted). The coggle.it regression notes
(``e_i = y_i - \\hat y_i`` beside a bare y) and compphysics week 35 (``(y - X\\beta)^T(y - X\\beta)`` beside ``y_i``)
write the same mix."""

import numpy as np
import sympy as sp

from symgrad.read import Context, parse_definition, parse_given
from symgrad.read.shapes_prescan import declare_indexed, indexed_letters

FACT = "e = y - Xw"
LOSS = r"L(w) = \frac{1}{2N}\sum_{n=1}^N(y_n - (Xw)_n)^2"
CLAIM = r"\frac{\partial L}{\partial w_j} = -\frac{1}{N}\sum_{n=1}^N x_{nj}(y_n - (Xw)_n)"


def test_the_letters_written_with_one_index_are_found_but_not_a_derivatives_variable():
    found = indexed_letters([FACT, LOSS, CLAIM])
    assert found["y"] == {"n"} and "w" not in found  # \partial w_j: w is sized by X w, not by an index
    assert "y" not in indexed_letters([r"L = \frac{1}{2}\sum_n (\hat{y}_n - t_n)^2", "y = 3"])


def test_a_fact_read_before_the_definition_that_indexes_y_reads_y_as_a_vector():
    ctx = Context()
    declare_indexed(ctx, [CLAIM, LOSS, FACT], [LOSS])
    parse_given(FACT, ctx)
    d = parse_definition(LOSS, ctx)
    assert any("y read as a vector" in note for note in ctx.notes)
    N, m = ctx.tensors["y"].shape[0], ctx.tensors["w"].shape[0]
    rng = np.random.default_rng(9)
    X, y, w = rng.normal(size=(3, 2)), rng.normal(size=3), rng.normal(size=2)
    values = {("y", (i + 1,)): y[i] for i in range(3)} | {("w", (j + 1,)): w[j] for j in range(2)} | \
        {("X", (i + 1, j + 1)): X[i, j] for i in range(3) for j in range(2)}
    read = d.rhs.xreplace({N: 3, m: 2}).doit()
    read = read.xreplace({e: values[str(e.base), tuple(int(i) for i in e.indices)] for e in read.atoms(sp.Indexed)})
    assert np.isclose(float(read), np.sum((y - X @ w) ** 2) / 6)


def test_a_declared_or_defined_letter_keeps_its_reading():
    ctx = Context()
    declare_indexed(ctx, [r"y \in \mathbb{R}", r"L = \sum_n y_n", "y"], [])
    declare_indexed(ctx, [r"p_k = e^{z_k}", "p"], [r"p_k = e^{z_k}"])
    assert "y" not in ctx.tensors and "p" not in ctx.tensors
