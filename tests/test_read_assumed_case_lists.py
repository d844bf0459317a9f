"""Several cases in one --assume (``情况二: $k = i, l \\neq j$``: a label, then index relations separated by commas)
are one case each; anything else (a comma inside a relation, a relation of no two index letters) stays whole."""

import pytest

from symgrad.read.assumed_case_lists import cases_listed


@pytest.mark.parametrize(("text", "cases"), [
    (r"情况二: $k = i, l \neq j$", ["k = i", r"l \neq j"]),
    (r"Case 2: i \ne j and k = l", [r"i \ne j", "k = l"]),
    ("k=i; l=j", ["k=i", "l=j"]),
    ("i = j", ["i = j"]),
    ("x = 1, y = 2", ["x = 1, y = 2"]),
    (r"k = i, l \neq j + 1", [r"k = i, l \neq j + 1"]),
])
def test_cases_listed_in_one_assume(text, cases):
    assert cases_listed(text) == cases


def test_each_case_of_several_assumes():
    from symgrad.read.assumed_case_lists import each_case

    assert each_case([r"k = i, l \neq j", "i = j"]) == ["k = i", r"l \neq j", "i = j"]
