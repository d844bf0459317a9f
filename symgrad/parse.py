"""The reader's old address: ``symgrad.parse`` re-exports ``symgrad.read`` (see its docstring)."""

from .read import *  # the same public names (symgrad.read.__all__), at the old path
from .read.fallback import _meaning  # noqa: F401 - tests clear its cache through this path
