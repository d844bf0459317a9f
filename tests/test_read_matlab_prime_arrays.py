"""(y-Xw)'(y-Xw) in plain text: the ' after a value of several names nothing shapes cannot be a derivative (it needs
one variable), so it is MATLAB's transpose, of the arrays the usual convention makes the names (X a matrix, w and y
vectors), noted (read.primes gives verify.transposed_arrays the roles); before, it was refused."""

from __future__ import annotations

import symgrad

LOSS = ["L = (y-Xw)'(y-Xw)"]


def test_a_matlab_transpose_of_unshaped_names_reads_them_as_the_conventions_arrays():
    v = symgrad.verify("2X'(Xw - y)", of=r"\nabla_w L", define=LOSS)
    assert v.verdict in ("proved", "agrees") and "X a n x d matrix; w a vector of size d" in v.message, v.message
    assert symgrad.verify("2X'(y - Xw)", of=r"\nabla_w L", define=LOSS).verdict == "wrong"
