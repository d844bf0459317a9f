"""LaTeX copied out of an equation image's address: percent-escapes (``%5Cfrac%7B1%7D...``) and HTML entities
(``&space;``, ``&plus;``, ``&lt;``) decoded, and the image service's address and options (``\\dpi{110}``,
``\\bg_white``, ``\\fn_cm``) dropped. In LaTeX ``%`` starts a comment, so a ``%`` followed by two hex digits is never
math; text with any other ``%`` is left as written (the reader refuses it). Each decoding is said in the notes.
Invisible characters a page's editor leaves (zero-width spaces, joiners, a byte-order mark, a soft hyphen) are spaces
here, the one place text is normalised, one for one so that columns stay."""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

from .unicode_prose import cjk_blanked

# zero-width space, (non-)joiner, left-to-right and right-to-left marks, word joiner, byte-order mark, soft hyphen
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")
_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
# an entity ends in ";" (&lt; &#43;): a bare & stays an alignment mark (a &= b), &lt without ; is not decoded
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")
_CODECOGS_ENTITIES = {"&space;": " ", "&plus;": "+"}  # codecogs's editor writes these; &space; is no HTML entity
# the addresses of equation-image services, up to where their LaTeX starts
_IMAGE_ADDRESS = re.compile(
    r"^\s*(?:!\[[^\]]*\]\(|<img\s[^>]*?src\s*=\s*[\"'])?\s*https?://(?:latex\.codecogs\.com/[\w.]+\?"
    r"|(?:www\.)?codecogs\.com/eqnedit\.php\?latex=|render\.githubusercontent\.com/render/math\?(?:[^=]*&)?math="
    r"|chart\.googleapis\.com/chart\?(?:[^=]*&)?chl=)", re.IGNORECASE)
# codecogs's rendering options, written as commands before the formula: resolution, background, font, inline size
_IMAGE_OPTIONS = re.compile(r"\\dpi\{\d+\}|\\(?:bg|fn)_[A-Za-z]+|\\inline(?![A-Za-z])")
_NOTES = {
    "address": "text: an equation image's address read as the LaTeX it carries (its options, such as \\dpi{110} "
               "and \\bg_white, only typeset)",
    "percent": "url-encoded text decoded (%5C is \\, %7B is {, %20 a space)",
    "entity": "text: HTML entities decoded (&space; is a space, &plus; is +, &lt; is <)",
}


def _address_end(rest: str, opening: str) -> str:
    """The LaTeX of an image address, ``rest`` up to the quote of ``<img src="`` or the ``)`` of ``![](``."""
    quote = next((q for q in "\"'" if opening.rstrip().endswith(q) or q in opening[opening.find("src"):]), None)
    if quote and opening.lstrip().startswith("<"):
        return rest.split(quote, 1)[0]
    return re.sub(r"\)\s*$", "", rest) if opening.lstrip().startswith("!") else rest


def visible(text: str) -> str:
    """``text`` with each invisible character a space (``$z\\u200b$`` is ``$z $``)."""
    return _INVISIBLE.sub(" ", text) if isinstance(text, str) else text


def decoded(text: str, notes: list[str]) -> str:
    """``text`` with an equation image's address and options dropped and its percent-escapes (when every ``%`` in
    it starts one) and HTML entities decoded, each noted in ``notes``."""
    if not isinstance(text, str):
        return text
    text, said = visible(text), []
    address = _IMAGE_ADDRESS.match(text)
    if address:
        text = _address_end(text[address.end():], address.group(0))
        said.append("address")
    if "%" in text and text.count("%") == len(_ESCAPE.findall(text)):
        text = unquote(text)
        said.append("percent")
    if _ENTITY.search(text):
        text = _ENTITY.sub(lambda m: _CODECOGS_ENTITIES.get(m.group(0), html.unescape(m.group(0))), text)
        said.append("entity")
    if _IMAGE_OPTIONS.search(text):
        text = _IMAGE_OPTIONS.sub(" ", text)
        said.append("address")
    notes.extend(n for n in dict.fromkeys(_NOTES[s] for s in said) if n not in notes)
    return cjk_blanked(text, notes)  # 其中 $y \in \mathbb{R}^n$ 是标签: the formula
