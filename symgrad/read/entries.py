"""Entries named by the lowercase letter: ``a_{ij}`` beside a matrix ``A`` (``y^{(i)}_j`` beside ``Y``,
``\\hat{y}^{(i)}_j`` beside ``\\hat{Y}``) is A's entry where the lowercase letter is written only with two indices
and nothing else declares it; the reading is noted, and the letter written alone is refused naming both readings."""

from __future__ import annotations

import sympy as sp

from .tokens import _DECORATIONS, _Tok
from .vocabulary import _extent


def _capital(name: str) -> str | None:
    """``A`` for ``a``, ``Yhat`` for ``yhat``; None for a name that is not one lowercase letter (decorated or not)."""
    letter, suffix = name[:1], name[1:]
    if not letter.islower() or not letter.isalpha() or suffix not in ("", *_DECORATIONS.values()):
        return None
    return letter.upper() + suffix


class _Entries:
    """The lowercase letter of a matrix's entries (a part of the parser)."""

    def capital_written(self, capital: str) -> bool:
        """Whether the matrix ``capital`` is a name here or is written in this source (decorated as its name says)."""
        if isinstance(self.lookup_base(capital), sp.IndexedBase) or capital in self.params:
            return True
        if self.lookup_base(capital) is not None:
            return False
        letter, suffix = capital[0], capital[1:]
        texts = [t.text for t in self.toks]
        for k, text in enumerate(texts):
            if text != letter:
                continue
            before = texts[k - 2] if k >= 2 and texts[k - 1] == "{" else texts[k - 1] if k else ""
            if (_DECORATIONS.get(before) or "") == suffix:
                return True
        return False

    def capital_entry(self, name: str, idxs: list[sp.Expr], tok: _Tok) -> sp.Expr | None:
        """``a_{ij}``, undeclared, with the matrix ``A`` written here: A's entry (i, j), noted; None otherwise."""
        capital = _capital(name)
        if capital is None or len(idxs) != 2 or not self.capital_written(capital):
            return None
        base = self.lookup_base(capital)
        if base is None or isinstance(base, sp.Symbol):
            self.params.pop(capital, None)
            shape = tuple(_extent(i) or sp.Dummy(f"size_{capital}", integer=True, positive=True) for i in idxs)
            self.new_tensors[capital] = sp.IndexedBase(capital, shape=shape)
        self.__dict__.setdefault("entry_letters", {})[name] = capital
        self.note(f"{name} with two indices read as the entries of the matrix {capital}: {name} is written only so, "
                  f"beside {capital}")
        return self.element(capital, idxs, tok)

    def entry_letter_alone(self, name: str, tok: _Tok) -> None:
        """The letter whose indexed form was read as a matrix's entry, written alone: refused naming both readings."""
        capital = self.__dict__.get("entry_letters", {}).get(name)
        if capital is not None:
            raise self.error(f"{name} has two readings here: {name}_{{ij}} was read as the entry of the matrix "
                             f"{capital}, so {name} alone is {capital}'s entry with its indices lost or a name of its "
                             f"own; write {capital} for the matrix or rename the name", tok)
