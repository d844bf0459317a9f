"""Regular expressions compiled at their first use. The reader's sentence patterns are long alternations of words
(2 ms each to compile); compiled at import they cost a command-line verify ~0.05 s, most of it for patterns a
formula without words never uses. ``pattern(source, flags)`` stands for ``re.compile(source, flags)``: its methods
(match, search, sub, ...) compile it once, on the first call. Not for ``re.sub(p, ...)`` and the like, which want
a compiled pattern or a string: call the pattern's own method."""

from __future__ import annotations

import re
from typing import Any

_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """``re.compile(pattern, flags)``, compiled when a method is first looked up; ``pattern`` is the source."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self._flags = pattern, flags

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("pattern", "_flags", "compiled"):
            raise AttributeError(name)
        compiled = self.__dict__.get("compiled")
        if compiled is None:
            compiled = self.compiled = re.compile(self.pattern, self._flags)
            for method in _METHODS:  # later calls find the compiled pattern's own methods, not this lookup
                setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"pattern({self.pattern!r}, {self._flags})"


def pattern(source: str, flags: int = 0) -> LazyPattern:
    """``re.compile(source, flags)``, compiled at its first use."""
    return LazyPattern(source, flags)
