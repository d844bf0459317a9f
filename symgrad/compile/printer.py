"""The array printer: lowered array expressions as NumPy fast-path code or as ``xp`` code using only ``XP_OPS``."""

from __future__ import annotations

from typing import Any

import sympy as sp
from sympy.core.symbol import Str
from sympy.printing.numpy import NumPyPrinter
from sympy.printing.precedence import PRECEDENCE
from sympy.printing.pycode import PythonCodePrinter

from ..errors import CompileError
from ..functions import FUNCTION_OF, FUNCTIONS, XP_FUNCTIONS, Elementary
from .nodes import Centered, Difference, MatProd, Maximum, Transposed, Where

# elementwise SymPy functions the NumPy fast path can print: class name -> numpy function (functions.FUNCTIONS)
_NUMPY_FUNCTIONS = {f.name: f.numpy for f in FUNCTIONS if f.numpy is not None}
_ARGUMENT = sp.Symbol("_u")  # the parameter of an inline array form: (lambda _u: ...)(argument)


# cubes and fourth powers as products of squares: NumPy squares fast, but x**3 goes to the C library's pow, element by
# element, about 300 times slower (17.9 ms against 0.05 ms for 131,072 float64s); a product rounds once more (1 ulp)
# (in brackets: a product printed where SymPy placed a power, as in a denominator a/x**3, must stay one factor)
_PRODUCTS = {3: "({0}**2*{0})", 4: "({0}**2)**2"}


def _as_array_nodes(e: sp.Expr) -> sp.Expr:
    """A table's array form in the printer's nodes: Max and Min elementwise, Piecewise as nested where."""
    if not e.args:
        return e
    if isinstance(e, sp.Piecewise):  # built unevaluated by the table when a last branch is NaN's (no condition holds)
        out: sp.Expr = sp.nan
        for value, cond in reversed(e.args):
            out = _as_array_nodes(value) if cond is sp.true else Where(cond, _as_array_nodes(value), out)
        return out
    args = [_as_array_nodes(a) for a in e.args]
    if isinstance(e, (sp.Add, sp.Mul)):  # as the table wrote them: an unevaluated c - (c - a) must not cancel
        return e.func(*args, evaluate=False)
    if isinstance(e, (sp.Max, sp.Min)):
        sign = 1 if isinstance(e, sp.Max) else -1
        out = sign * args[0]
        for a in args[1:]:
            out = Maximum(out, sign * a)
        return sign * out
    return e.func(*args)


class _ArrayPrinter(NumPyPrinter):
    """Prints lowered array expressions: NumPy fast-path code (``np``), or ``xp`` code using only ``XP_OPS``."""

    def __init__(self, module: str = "np", sizes: frozenset[str] = frozenset()):
        super().__init__({"fully_qualified_modules": True, "allow_unknown_functions": False})
        self.mod = module
        self.fast = module == "np"  # methods, .T and vdot only on the NumPy fast path
        self.sizes = sizes  # the names that are sizes (Python ints), not arrays

    def _scalar(self, e: Any) -> bool:
        """``e`` is a number or made of sizes alone: no array in it."""
        return isinstance(e, sp.Basic) and all(s.name in self.sizes for s in e.free_symbols)

    def _call(self, op: str, *args: Any) -> str:
        name = op if "." in op else f"{self.mod}.{op}"
        return f"{name}({', '.join(a if isinstance(a, str) else self._print(a) for a in args)})"

    def _atom(self, e: sp.Expr) -> str:
        """``e`` printed to take a postfix (``.T``, ``[...]``, ``.sum()``): in parentheses unless a name or a call."""
        text = self._print(e)
        bare = isinstance(e, sp.Symbol) or (e.is_Integer and e >= 0) or (
            isinstance(e, sp.Function) and not isinstance(e, (MatProd, Centered, Difference)))
        return text if bare else f"({text})"

    def _print_Maximum(self, e: sp.Expr) -> str:
        return self._call("maximum", *e.args)

    def _print_LogAddExp(self, e: sp.Expr) -> str:
        return self._call("logaddexp", *e.args)

    def _print_Pow(self, e: sp.Pow, rational: bool = False) -> str:
        base, ex = e.args
        if ex == sp.S.Half:
            return self._call("sqrt", base)
        if ex == -sp.S.Half:
            return f"1/{self._call('sqrt', base)}"
        if ex.is_Integer and abs(ex) in _PRODUCTS:
            product = _PRODUCTS[abs(ex)].format(self._atom(base))
            return product if ex > 0 else f"1/{product}"
        if ex.is_Integer and ex < 0:
            inner = self._atom(base) if ex == -1 else f"{self._atom(base)}**{-ex}"
            return f"1/{inner}"
        return f"{self.parenthesize(base, PRECEDENCE['Pow'], strict=True)}**{self._atom(ex)}"

    def _reduction(self, op: str, e: sp.Expr) -> str:
        arr, keep, *axes = e.args
        axis = self._print(axes[0]) if len(axes) == 1 else "(" + ", ".join(map(self._print, axes)) + ")"
        keepdims = ", keepdims=True" if keep else ""
        if self.fast:
            return f"{self._atom(arr)}.{op}(axis={axis}{keepdims})"
        return self._call(op, arr, f"axis={axis}{keepdims}")

    def _print_ArraySum(self, e: sp.Expr) -> str:
        """Numbers and sizes times the summand are pulled out, in brackets: ``(-g.sum(axis=0))`` and
        ``(x.sum(axis=-1)/D)``, not a pass over the whole array to negate or divide it first."""
        arr, *rest = e.args
        outside = [f for f in sp.Mul.make_args(arr) if self._scalar(f)]
        coeff, body = sp.Mul(*outside), sp.Mul(*[f for f in sp.Mul.make_args(arr) if not self._scalar(f)])
        if coeff == 1 or body == 1:
            return self._reduction("sum", e)
        total = self._reduction("sum", e.func(body, *rest))
        if coeff == -1:
            return f"(-{total})"
        numerator, denominator = sp.fraction(coeff)
        top = "" if numerator == 1 else f"{self._print(numerator) if numerator.is_Number else self.parenthesize(numerator, PRECEDENCE['Mul'])}*"
        bottom = "" if denominator == 1 else f"/{self.parenthesize(denominator, PRECEDENCE['Pow'])}"
        return f"({top}{total}{bottom})"

    def _print_ArrayMax(self, e: sp.Expr) -> str:
        return self._reduction("max", e)

    def _print_Centered(self, e: sp.Expr) -> str:
        return f"{self._print(e.args[0])} - {self._print(e.args[1])}"

    def _print_Difference(self, e: sp.Expr) -> str:
        return f"{self._print(e.args[0])} - {self.parenthesize(e.args[1], PRECEDENCE['Add'])}"

    def _print_Einsum(self, e: sp.Expr) -> str:
        spec, *ops = e.args
        ins, out = str(spec).split("->")
        if self.fast and not out and "." not in ins and len(ops) == 2 and len(set(ins.split(","))) == 1:
            return self._call("vdot", *ops)  # a full contraction of two same-shaped arrays is a BLAS dot
        optimize = ["optimize=True"] if len(ops) > 2 else []
        return self._call("einsum", repr(str(spec)), *ops, *optimize)

    def _print_MatProd(self, e: sp.Expr) -> str:
        left, right, subscripts = e.args
        if self.fast:
            return f"({self._atom(left)} @ {self._atom(right)})"  # @ binds like *: always bracketed
        (a, b), out = str(subscripts).split("->")[0].split(","), str(subscripts).split("->")[1]
        if isinstance(left, Transposed):
            left, a = left.args[0], a[::-1]
        if isinstance(right, Transposed):
            right, b = right.args[0], b[::-1]
        return self._call("einsum", repr(f"{a},{b}->{out}"), left, right)

    def _print_Transposed(self, e: sp.Expr) -> str:
        if self.fast:
            return f"{self._atom(e.args[0])}.T"
        return self._call("einsum", "'ij->ji'", e.args[0])

    def _print_Expanded(self, e: sp.Expr) -> str:
        return f"{self._atom(e.args[0])}{e.args[1]}"

    def _print_Eye(self, e: sp.Expr) -> str:
        return self._call("eye", e.args[0], f"dtype={self._print(e.args[1])}.dtype")

    def _print_BroadcastTo(self, e: sp.Expr) -> str:
        if not self.fast:
            raise CompileError("a definition that does not depend on all of its indices cannot be compiled for xp")
        arr, shape, like = e.args
        return f"np.broadcast_to({self._print(arr)}, {shape}).astype({self._print(like)}.dtype)"

    def _print_Str(self, e: Str) -> str:
        return str(e)

    def _print_Float(self, e: sp.Float) -> str:
        return repr(float(e))

    def _print_Relational(self, e: sp.Expr) -> str:
        return f"({self._print(e.lhs)} {e.rel_op} {self._print(e.rhs)})"

    def _print_And(self, e: sp.Expr) -> str:
        return "(" + " & ".join(self._print(a) for a in e.args) + ")"

    def _print_Or(self, e: sp.Expr) -> str:
        return "(" + " | ".join(self._print(a) for a in e.args) + ")"

    def _print_Not(self, e: sp.Expr) -> str:
        return f"(~{self._print(e.args[0])})"

    def _print_Where(self, e: sp.Expr) -> str:
        return self._call("where", *e.args)

    def _print_sign(self, e: sp.Expr) -> str:
        if self.fast:
            return self._call("sign", e.args[0])
        u = e.args[0]
        return self._print(Where(sp.Gt(u, 0), 1, Where(sp.Lt(u, 0), -1, 0)))

    def _print_Heaviside(self, e: sp.Expr) -> str:
        u, h0 = e.args[0], e.args[1] if len(e.args) > 1 else sp.S.Half
        if self.fast:
            return self._call("heaviside", u, h0)
        return self._print(Where(sp.Gt(u, 0), 1, Where(sp.Lt(u, 0), 0, h0)))

    def _op(self, entry: Elementary) -> str | None:
        """This printer's function for ``entry`` (``_call`` prefixes the module unless it is dotted); None: none."""
        return entry.numpy if self.fast or entry.xp else None

    def _inline(self, entry: Elementary, argument: sp.Expr) -> str:
        """The table's array form of ``entry`` at ``argument``."""
        form = _as_array_nodes(entry.array(_ARGUMENT))
        return f"(lambda {_ARGUMENT}: {self._print(form)})({self._print(argument)})"

    def _print_Let(self, e: sp.Expr) -> str:
        name, value, body = e.args
        return f"(lambda {name}: {self._print(body)})({self._print(value)})"

    def _print_Function(self, e: sp.Expr) -> str:
        entry = FUNCTION_OF.get(type(e))
        op = self._op(entry) if entry is not None else None
        if op is not None:
            return self._call(op, *e.args)
        if entry is not None and entry.array is not None and len(e.args) == 1:
            return self._inline(entry, e.args[0])
        where = "NumPy" if self.fast else f"the forward pass (xp offers only {', '.join(XP_FUNCTIONS)} elementwise)"
        raise CompileError(f"no array code for {type(e).__name__} in {e} for {where}")


# NumPyPrinter prints every function it knows as ``numpy.<name>`` (erf as ``scipy.special.erf``): route them all and
# every function of the table through the table
for _name in [*PythonCodePrinter._kf, *NumPyPrinter._kf, *(f.name for f in FUNCTIONS)]:
    if f"_print_{_name}" not in vars(_ArrayPrinter):
        setattr(_ArrayPrinter, f"_print_{_name}", _ArrayPrinter._print_Function)
