"""read/lazy_patterns: a pattern stands for re.compile(source, flags), compiled at its first use."""

import re

from symgrad.read import sentences, words_phrases
from symgrad.read.lazy_patterns import LazyPattern, pattern


def test_a_pattern_is_compiled_at_its_first_use_and_matches_as_re_compile_does() -> None:
    p = pattern(r"(?P<name>[a-z]+)_(?P<index>\d)", re.IGNORECASE)
    assert p.pattern == r"(?P<name>[a-z]+)_(?P<index>\d)" and "compiled" not in vars(p)
    m = p.search("let W_2 be")
    assert m is not None and (m["name"], m["index"]) == ("W", "2")
    assert p.compiled is re.compile(p.pattern, re.IGNORECASE)  # re's own cache: the same object
    assert p.fullmatch("x_1") and not p.match(" x_1")
    assert p.sub(r"\g<name>[\g<index>]", "a_1 + b_2") == "a[1] + b[2]"
    assert [m[0] for m in p.finditer("a_1 b_2")] == ["a_1", "b_2"]
    assert p.findall("a_1 b_2") == [("a", "1"), ("b", "2")]
    assert p.split("a_1,b_2") == re.split(p.compiled, "a_1,b_2")
    assert p.groupindex == {"name": 1, "index": 2} and p.flags & re.IGNORECASE


def test_the_sentence_patterns_are_compiled_at_their_first_use() -> None:
    for module in (sentences, words_phrases):
        patterns = [v for v in vars(module).values() if isinstance(v, LazyPattern)]
        assert patterns, module.__name__
