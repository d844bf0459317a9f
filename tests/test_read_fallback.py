"""The second reader for single unknown commands where latex2sympy2 does not import (Python 3.13: its ANTLR
runtime imports ``typing.io``): SymPy's Lark-based reader answers instead, through the same placeholder checks."""

from __future__ import annotations

import subprocess
import sys

import pytest
import sympy as sp

from symgrad.read import Context, fallback, parse_expression

x, n, k = sp.symbols("x n k")


@pytest.fixture
def without_latex2sympy2(monkeypatch):
    monkeypatch.setitem(sys.modules, "latex2sympy2", None)  # import latex2sympy2 now raises ImportError
    fallback._second_reader.cache_clear()
    fallback._meaning.cache_clear()
    yield
    fallback._second_reader.cache_clear()
    fallback._meaning.cache_clear()


@pytest.mark.parametrize(("latex", "want"), [
    (r"\arcsin(x)", sp.asin(x)),
    (r"\binom{n}{k}", sp.binomial(n, k)),
    (r"\lfloor x \rfloor", sp.floor(x)),
])
def test_unknown_commands_are_read_by_sympys_lark_reader_when_latex2sympy2_does_not_import(
        without_latex2sympy2, latex, want):
    assert parse_expression(latex, Context()) == want
    assert fallback._second_reader().__module__.startswith("sympy.parsing")


# a python3.13 on the PATH has no symgrad installed: only the venv made for it runs this (.ci/run's smoke step
# runs the reader's tests on 3.13 in its own venv)
@pytest.mark.skipif(not __import__("pathlib").Path("/tmp/v313/bin/python").exists(),
                    reason="no Python 3.13 venv with symgrad installed at /tmp/v313")
def test_the_reader_runs_on_python_3_13():
    python = "/tmp/v313/bin/python"
    code = (r"from symgrad.read import Context, parse_expression as p; import sympy as sp; "
            r"x = sp.Symbol('x'); assert p(r'\arcsin(x) + \log x', Context()) == sp.asin(x) + sp.log(x); print('ok')")
    out = subprocess.run([python, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert out.stdout.strip() == "ok", out.stderr[-2000:]
