"""Judge a hand derivation: proved, agrees, wrong (with a counterexample, the correct form and the kind of
slip) or unreadable (with the column and the reason).

Proof first, search second (DESIGN.md). The truth is the engine's result (``symgrad.graph.derive_graph``)
for the derivative asked for; every member of the claimed chain ``A = B = C`` that is not the derivative
itself is compared with it:

- **proved**: ``member - truth`` reduces to 0 symbolically for general sizes: with the engine's rules
  (``symgrad.rules.simplify``), else with every definition substituted inline, the sums split, the
  Kronecker deltas contracted, the constraints used and the fraction cancelled. Concrete sizes never count.
- **agrees**: not proved, but equal at every one of many points: exact rational inputs, values computed
  with mpmath at 50 digits and compared to 1e-30 relative, every value of the free indices
  (so both ``i = j`` and ``i != j``). A float comparison never makes a claim right.
  Sizes 1..4 and 7. Undefined is not agreement: a point where the member is undefined (it raises, no
  case applies, its value is not a finite real number) but the derivative is defined makes it wrong
  (diagnosis ``domain``); points where the derivative is undefined are skipped and counted in a note;
  agreement needs at least 8 points where both are defined, else the member cannot be judged (unreadable).
- **the truth is checked first**: before judging, the derivative is compared at sample points with central
  differences of the definitions themselves (``self_check``, sharing no code with the engine's rules); a
  disagreement raises ``SelfCheckError`` (a bug in symgrad), never a verdict.
- **wrong**: a point where the member and the derivative differ, shown with the sizes, index values,
  inputs, and both values, smallest sizes and simplest values first so it can be checked by hand.

Decisions (documented here because scripts depend on them):

- ``--assume 'i = j'`` (or ``i \\neq j``) restricts both the proof and the search to that case.
- A matrix claim that is right up to a transpose (numerator vs denominator layout, ``(Xw - y)^T X`` for
  ``\\nabla_w``) is not wrong: the verdict is proved/agrees for the transposed entries and the diagnosis
  is ``layout``. An index-notation claim with two indices swapped is wrong, diagnosis ``indices``.
- A claim that holds only when a constraint holds that was not given (``p_j - y_j`` for the softmax
  cross-entropy without ``\\sum_k y_k = 1``) is wrong with diagnosis ``case``; the message names the
  missing constraint. With the constraint given it is proved.
- ``p_j(\\delta_{ij} - p_i)`` for the softmax Jacobian is proved, not an index slip: the Jacobian is
  symmetric (``delta_ij p_j = delta_ij p_i``). Swapped indices are diagnosed where they matter
  (``A_{ji}`` for ``\\partial z_i / \\partial u_j`` of ``z = A u``).
- An abstract model ``f(x, theta)`` (the seed's ``f_\\theta(x)``) is evaluated as an uninterpreted function:
  at each point ``f`` at given argument values, and each of its derivatives (``Derivative(f(x, theta), theta)``,
  ``Subs(...)``, ``d f(x, w) / d w_j``), is an independent pseudo-random value fixed by (point, function,
  derivative, argument values), the same in the claim and in the derivative. That is sound: the values of a
  smooth function and of its derivatives at finitely many points can be chosen freely. The counterexample lists
  them (``functions``), e.g. ``f(x_1, θ)=0, ∂f/∂θ(x_1, θ)=1``; inputs seen only inside such arguments are left out.
- One display stating several derivatives parted by a comma or semicolon (``[\\log \\sigma(x)]' = 1 - \\sigma(x),
  \\quad [\\log(1 - \\sigma(x))]' = -\\sigma(x)``) is judged claim by claim (``verify.displays``): wrong when one
  claim is (its verdict, noted), proved when each is, agrees otherwise.
- A stated fact that holds identically (``\\sigma'(x) = \\sigma(x)(1 - \\sigma(x))`` beside the sigmoid's
  definition, spelled out) restricts nothing and is set aside, noted (``verify.identities``).
- A matrix claim in the other layout names both: the gradient of a scalar is in denominator layout (the
  variable's shape, as the Matrix Cookbook writes it), a Jacobian in numerator layout (a row per output).
- By a matrix declared symmetric (``\\Sigma \\succ 0``, ``\\Sigma = \\Sigma^T``) a gradient has two conventions: the
  unconstrained ``G`` (every entry independent, what autodiff gives) and ``G + G^T - diag G`` (``Sigma_ij`` and
  ``Sigma_ji`` one parameter). Verify judges by ``G`` unless ``judge(..., convention="symmetric")`` asks for the
  other, accepts a claim in the other convention when none was asked for (diagnosis ``convention``), and always
  says in a note which convention it judged by.
- Diagnoses: ``sign`` (claim = -truth), ``factor`` (claim = c * truth, c a constant or a power of a
  size, c != +-1), ``indices`` (two free indices swapped), ``case`` (holds for one index case, or only
  under a missing constraint, or only for a symmetric matrix nobody declared: ``2 A x`` for ``(A + A^T) x``),
  ``domain`` (undefined where the derivative is defined), ``symmetric`` (a dropped symmetric term: ``A x`` for
  ``(A + A^T) x``, ``G`` where the symmetric convention was asked for, ``G + G^T`` counting the diagonal twice),
  ``transpose`` (one square input transposed: ``A B^T`` for ``A^T B^T``),
  ``dependence`` (the claim holds intermediate names fixed: batchnorm's ``gamma g_i / sqrt(v + eps)`` forgets that
  ``mu`` and ``v`` depend on ``x_i``), ``layout``, ``convention``, ``other``. A matrix claim with no slip as
  written is also diagnosed read transposed (``2 X^{-1}`` for ``X^{-T}``: a factor, in the other layout).
"""

from __future__ import annotations

from .cli import add_cli, handler
from .judging import judge
from .overall_limit import verify
from .selfcheck import self_check
from .verdict import DIAGNOSES, VERDICTS, Link, Verdict, VerifyError, describe_counterexample

__all__ = ["DIAGNOSES", "VERDICTS", "Link", "Verdict", "VerifyError", "add_cli", "describe_counterexample", "handler",
           "judge", "self_check", "verify"]
