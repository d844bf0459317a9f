"""Names that carry a label subscript (``L_C``, ``D_{KL}``, a function's parameters ``f_{w,b}``): a definition whose right side never uses the subscript's
letters defines the whole name (``claims._label_subscript``); wherever that name is written again, in LaTeX or in
text (``D_KL``), it is read as the name, not as ``L`` or ``D`` with indices."""

from __future__ import annotations

from .tokens import _GREEK, _group_end


class _SubscriptNames:
    """Reading a defined name with a label subscript back as that name (a part of the parser)."""

    def labelled(self, name: str) -> str | None:
        """``L_C``, ``D_{KL}``, ``D_KL`` where the context defines that whole name (a definition read its subscript as
        a label): the name, its subscript consumed; else None."""
        k = self.pos + 1
        braced = self.toks[k].text == "{"
        if braced and any(t.text == "," for t in self.toks[k:_group_end(self.toks, k)]):
            return self._parameter_label(name, _group_end(self.toks, k) - 1)  # f_{w,b}(x): parameters as subscript
        k += braced
        letters = []
        while self.toks[k].kind in ("letter", "digit"):
            letters.append(self.toks[k].text)
            k += 1
        if braced and self.toks[k].text != "}":
            return None
        for n in range(len(letters), 0, -1) if not braced else [len(letters)]:
            whole = f"{name}_{''.join(letters[:n])}"
            if n and self.ctx.known(whole):
                self.pos = self.pos + 1 + n + 2 * braced
                return whole
        return None

    def _parameter_label(self, name: str, close: int) -> str | None:
        """``f_{w,b}`` where ``f_{w,b}(x) = wx + b`` was defined (``heads._parameter_subscripts``): the function's
        name, its subscript consumed; else None."""
        inside = [t.text.lstrip("\\") for t in self.toks[self.pos + 2:close]
                  if t.kind == "letter" or t.kind == "cmd" and t.text[1:] in _GREEK]
        whole = f"{name}_{','.join(inside)}"
        if whole not in self.ctx.functions:
            return None
        self.pos = close + 1
        return whole

