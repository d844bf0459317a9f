"""A dependency said with a relative pronoun (``K is a $n \\times n$ matrix that depends on $p$``): the pronoun stands
for the sentence's subject K, never a name of its own."""

from symgrad.read.words_dependencies import dependencies


def test_that_is_the_subject():
    [(name, by, _, _)] = dependencies(r"K is a $n \times n$ matrix that depends on $p$")
    assert (name, by) == ("K", "p")


def test_a_name_stays_itself():
    [(name, by, _, _)] = dependencies(r"X is a function of E")
    assert (name, by) == ("X", "E")
