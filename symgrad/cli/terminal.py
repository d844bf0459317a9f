"""What the command line writes to a terminal it does not control: any encoding, a closed pipe, long waits."""

from __future__ import annotations

import codecs
import io
import os
import sys
import threading
import time
import unicodedata
from types import TracebackType
from typing import Self, TextIO

# symbols symgrad prints, as ASCII a person reads the same way (an encoding without them gets these)
ASCII = {
    "✓": "[ok]", "✗": "[x]", "−": "-", "×": "x", "·": "*", "⋅": "*", "∘": "o", "⊙": "*", "∂": "d", "∑": "sum",
    "∏": "prod", "√": "sqrt", "∞": "inf", "≠": "!=", "≤": "<=", "≥": ">=", "≈": "~=", "→": "->", "←": "<-",
    "⇒": "=>", "∈": " in ", "ᵀ": "^T", "…": "...", "‖": "||", "’": "'", "‘": "'", "“": '"', "”": '"', "–": "-",
    "—": "--", "⁻": "^-", "ℝ": "R", "•": "*", "∇": "grad", "±": "+/-", "⟨": "<", "⟩": ">", "⌊": "floor(",
    "⌋": ")", "⌈": "ceil(", "⌉": ")", "ε": "eps", "µ": "mu",
}
_MARKS = {"COMBINING CIRCUMFLEX ACCENT": "hat", "COMBINING MACRON": "bar", "COMBINING TILDE": "tilde",
          "COMBINING DOT ABOVE": "dot", "COMBINING OVERLINE": "bar", "COMBINING RIGHT ARROW ABOVE": "vec"}
ERRORS = "symgrad-ascii"


def ascii_spelling(char: str) -> str:
    """``char`` in ASCII: a symbol from ``ASCII``, a Greek letter by name (σ is sigma), a superscript as ^2,
    a decorated letter with its decoration (ŷ is yhat); otherwise its Unicode name in angle brackets."""
    if char.isascii() or char in ASCII:
        return ASCII.get(char, char)
    name = unicodedata.name(char, "")
    if name.startswith("GREEK "):
        letter = name.rsplit(" ", 1)[-1].lower()
        return letter.capitalize() if " CAPITAL " in name else letter
    if name.startswith("SUPERSCRIPT "):
        return "^" + unicodedata.normalize("NFKC", char)
    if name.startswith("SUBSCRIPT "):
        return "_" + unicodedata.normalize("NFKC", char)
    parts = unicodedata.normalize("NFKD", char)
    if parts != char:
        return "".join(_MARKS.get(unicodedata.name(p, ""), "") if unicodedata.combining(p) else ascii_spelling(p)
                       if not p.isascii() else p for p in parts)
    if unicodedata.combining(char):
        return _MARKS.get(name, "")
    return f"<{name.lower() or hex(ord(char))}>"


def _fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start:error.end]
    spelled = "".join(ascii_spelling(c) for c in text)
    try:  # a Latin-1 terminal keeps the characters it has
        spelled.encode(error.encoding)
    except (UnicodeEncodeError, LookupError):
        spelled = spelled.encode("ascii", "replace").decode()
    return spelled, error.end


codecs.register_error(ERRORS, _fallback)


def any_encoding(*streams: TextIO) -> None:
    """Let ``streams`` print every symbol symgrad writes, whatever their encoding (PYTHONIOENCODING=ascii)."""
    for stream in streams:
        if isinstance(stream, io.TextIOWrapper) and stream.errors in ("strict", "backslashreplace"):
            stream.reconfigure(errors=ERRORS)


def quiet_closed_pipe() -> None:
    """After a reader closed our stdout (``symgrad list | head -1``): point it at /dev/null, so that
    Python's final flush does not print an error either."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


class Progress:
    """Shows ``what`` with the seconds elapsed on a terminal once work runs past ``after`` seconds.

    Only on a terminal: a log or a pipe gets no carriage-return noise. The line is erased at the end.
    """

    def __init__(self, what: str, stream: TextIO, after: float = 2.0, every: float = 1.0):
        self.what, self.stream, self.after, self.every = what, stream, after, every
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._show, daemon=True)
        self._shown = False

    def _show(self) -> None:
        start = time.monotonic()
        if self._done.wait(self.after):
            return
        while True:
            self._shown = True
            self.stream.write(f"\r{self.what}: working... {time.monotonic() - start:.0f} s ")
            self.stream.flush()
            if self._done.wait(self.every):
                return

    def __enter__(self) -> Self:
        if _isatty(self.stream):
            self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self._done.set()
        if self._thread.is_alive():
            self._thread.join()
        if self._shown:
            self.stream.write("\r\033[K")
            self.stream.flush()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
