"""Every error symgrad raises on purpose: one base class, messages a person can act on."""

from __future__ import annotations


class SymgradError(Exception):
    """Base of every error symgrad raises; its message is one line saying what and where."""


class UnknownNameError(SymgradError, KeyError):
    """A catalog entry, tensor or option that does not exist."""

    def __str__(self) -> str:  # KeyError quotes its message; a person wants it plain
        return str(self.args[0]) if self.args else ""


class DeriveError(SymgradError):
    """The engine met a construct it cannot differentiate; it never guesses."""


class ParseError(SymgradError):
    """LaTeX that could not be read, with the column (1-based) where reading failed.

    ``readings``: for a construct with two readings, each as (what it means, first column, column after its end,
    the text that spells that reading) - ``e-x`` as ("e - x", 5, 8, "e - x") and ("e^{-x}", 5, 8, "e^{-x}"); a reading
    a fact declares instead has columns 0, 0 and that fact (``x^k`` the power: ("...", 0, 0, "x \\in \\mathbb{R}")); verify
    judges the input under each and answers only when they agree (``verify.readings``)."""

    def __init__(self, message: str, column: int | None = None, source: str | None = None,
                 readings: tuple[tuple[str, int, int, str], ...] = ()):
        self.column = column
        self.source = source
        self.readings = readings
        where = f" at column {column}" if column is not None else ""
        super().__init__(f"{message}{where}")


class ShapeError(SymgradError, ValueError):
    """An array given to a compiled function has the wrong name, rank or shape."""


class WriteError(SymgradError):
    """A generated file cannot be written: a person's file or a folder is in the way, or the disk refused."""


class CompileError(SymgradError):
    """A derivation uses a construct the compiler cannot turn into array code."""


class BuildError(WriteError):
    """The derivations folder cannot be written as asked (a hand-written file is in the way)."""


class UsageError(SymgradError):
    """A bad command line (unknown subcommand or option, missing argument): exit code 2."""


class MissingOpError(SymgradError, AttributeError):
    """A compiled forward pass asked a check namespace for an op outside ``symgrad.compile.XP_OPS``."""


class SelfCheckError(SymgradError):
    """Internal: the engine's derivative disagrees with the definitions themselves (a bug in symgrad's rules)."""


class SingularMatrixError(SymgradError, ValueError):
    """A matrix given to a compiled function cannot be factorised: singular, or not positive definite where the
    loss declares it so (a covariance, a kernel matrix)."""


class ShapeMismatchError(ParseError):
    """Operands whose shapes cannot combine (a row vector plus a column vector, a product whose sizes differ).
    ``declared``: every size involved was stated by the user (not invented, nor settled by use), so what is written
    is ill-shaped as stated, not misread; a verdict may then call a claim wrong instead of unreadable."""

    def __init__(self, message: str, column: int | None = None, source: str | None = None, *,
                 declared: bool = False):
        super().__init__(message, column, source)
        self.declared = declared
