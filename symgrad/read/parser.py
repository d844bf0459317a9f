"""The reader of one LaTeX source: the parts of the recursive descent joined into one class."""

from __future__ import annotations

from .arrays import _Arrays
from .bars import _Bars
from .beta_function import _BetaFunction
from .bracket_indices import _BracketIndices
from .constants_defined_later import _ConstantsRead
from .defined_functions import _DefinedFunctions
from .einstein import _Einstein
from .ellipses import _Ellipses
from .entries import _Entries
from .expressions import _Expressions
from .function_operands import _FunctionOperands
from .indices import _Indices
from .integrals import _Integrals
from .labels import _Labels
from .letters import _Letters
from .matrices import _Matrices
from .matrix_norms import _MatrixNorms
from .named_inputs import _NamedInputs
from .names import _Names
from .ones import _Ones
from .operators import _Operators
from .primed_indices import _PrimedIndices
from .primed_names import _PrimedNames
from .primes import _Primes
from .provisional import _Provisional
from .scope import _Scope
from .shape_comments import _ShapeComments
from .shapes import _Shapes
from .shorthand import _Shorthand
from .subscript_labels import _SubscriptLabels
from .subscript_names import _SubscriptNames
from .sums import _Sums


class _Parser(_FunctionOperands, _ConstantsRead, _ShapeComments, _Provisional, _Ones, _Shapes, _Ellipses, _PrimedIndices, _PrimedNames, _BracketIndices, _BetaFunction, _Operators, _Primes, _Expressions, _Integrals, _Sums, _Matrices, _MatrixNorms, _NamedInputs, _Names, _SubscriptNames, _Labels,
              _Shorthand, _Letters, _Arrays, _Bars, _Indices, _DefinedFunctions, _Einstein, _Entries, _SubscriptLabels, _Scope):
    """Recursive descent over cleaned tokens; values know their indices and array axes."""
