"""An opening word in Chinese, a colon, then formulas only (``此处: u = 1, v=1+e^{-z}``: here: ...) is the formulas,
as ``here: ...`` is; a CJK word left after the colon keeps the text as written, for the reader to refuse."""

from symgrad.read.words_cjk import kinds_in_cjk
from symgrad.verify import verify


def test_an_opening_word_and_a_colon_before_formulas():
    assert kinds_in_cjk("此处: u = 1, v=1+e^{-z}") == "here: u = 1, v=1+e^{-z}"
    assert kinds_in_cjk(r"其中: x \in \mathbb{R}^n") == r"where: x \in \mathbb{R}^n"
    assert kinds_in_cjk("此处: u 是 1") == "此处: u 是 1"


def test_the_derivative_of_v_with_its_definition_after_an_opening_word():
    """jishuzhan blog (逻辑回归(上)): v = 1 + e^{-z}, whose derivative the page writes e^{-z} (a lost sign)."""
    given = ["此处: u = 1, v=1+e^{-z}"]
    assert verify("v^{'}=-e^{-z}", define=["v=1+e^{-z}"], given=given).verdict == "proved"
    assert verify("v^{'}=e^{-z}", define=["v=1+e^{-z}"], given=given).verdict == "wrong"
