"""The house rules of issue 11, checked on the source: module and function sizes, complexity, imports.

Sizes and complexity are read with ``ast`` and radon; imports with ``ast`` (module level and inside
functions, ``if TYPE_CHECKING:`` blocks excluded because they never run).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from radon.complexity import cc_visit

PACKAGE = Path(__file__).resolve().parents[1] / "symgrad"
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80
MAX_COMPLEXITY = 25

# The documented upward edges: a Derivation prints, displays and compiles itself on request, and the
# values a notebook shows (Compiled, CheckReport, Verdict) ask display for their HTML when shown.
ALLOWED_UPWARD = {
    ("symgrad.derivation", "symgrad.latex"),
    ("symgrad.derivation", "symgrad.display"),
    ("symgrad.derivation", "symgrad.compile"),
    ("symgrad.compile.program", "symgrad.display"),
    ("symgrad.check.report", "symgrad.display"),
    ("symgrad.verify.verdict", "symgrad.display"),
    ("symgrad.compile.program", "symgrad.targets.torch"),  # Compiled.to_torch, .to_jax, .to_array_api
    ("symgrad.compile.program", "symgrad.targets.jax"),
    ("symgrad.compile.program", "symgrad.targets.array_api"),
}

# The layers of docs/architecture.md, lowest first: a module imports only from its own layer or below.
LAYERS = (
    ("symgrad.errors", "symgrad._version", "symgrad.tensors", "symgrad.suggest", "symgrad.files",
     "symgrad.functions", "symgrad.evaluate"),
    ("symgrad.derivatives", "symgrad.rules", "symgrad.derivation", "symgrad.matrix", "symgrad.graph",
     "symgrad.linalg", "symgrad.linalg_expressions"),
    ("symgrad.catalog", "symgrad.entries", "symgrad.read", "symgrad.parse", "symgrad.loss"),
    ("symgrad.latex", "symgrad.compile", "symgrad.targets", "symgrad.check", "symgrad.verify"),
    ("symgrad.build", "symgrad.export", "symgrad.gallery", "symgrad.display"),
    ("symgrad.api", "symgrad.cli", "symgrad.__main__", "symgrad"),
)

# Upward imports still made inside functions (issue 11 named them as work to do): none left. The set stays,
# empty, so that a new upward import fails the test below with a message that names it.
KNOWN_UPWARD: set[tuple[str, str]] = set()


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(name: str, path: Path) -> tuple[set[str], set[str]]:
    """The symgrad modules that ``name`` imports: (at module level, inside functions)."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    top: set[str] = set()
    inner: set[str] = set()

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if _is_type_checking(child):
                continue
            found = inner if in_function else top
            if isinstance(child, ast.ImportFrom):
                base = package[: len(package) - child.level + 1] if child.level else []
                target = ".".join(base + ([child.module] if child.module else []))
                # ``from . import rules`` imports the module rules; ``from . import derive`` the package's name
                for alias in child.names:
                    candidate = f"{target}.{alias.name}" if f"{target}.{alias.name}" in MODULES else target
                    if candidate in MODULES and candidate != name:
                        found.add(candidate)
            elif isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names if alias.name in MODULES)
            visit(child, in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)))

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return top, inner - top


IMPORTS = {name: _imports(name, path) for name, path in MODULES.items()}


def _reach(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for nxt in graph.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_is_over_600_lines(name: str) -> None:
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{name} has {lines} lines"


def test_no_function_is_over_80_lines() -> None:
    long = []
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long.append(f"{name}.{node.name}: {length} lines")
    assert not long, long


def test_no_function_is_over_complexity_25() -> None:
    complex_ = []
    for name, path in MODULES.items():
        for block in cc_visit(path.read_text(encoding="utf-8")):
            if block.complexity > MAX_COMPLEXITY:
                complex_.append(f"{name}.{block.name}: {block.complexity}")
    assert not complex_, complex_


def test_module_level_imports_point_down() -> None:
    top = {name: found for name, (found, _) in IMPORTS.items()}
    cyclic = sorted(name for name in top if name in _reach(top, name))
    assert not cyclic, f"modules on an import cycle at module level: {cyclic}"


def _layer(name: str) -> int:
    for rank, members in enumerate(LAYERS):
        if any(name == m or (m != "symgrad" and name.startswith(m + ".")) for m in members):
            return rank
    raise AssertionError(f"{name} is in no layer of docs/architecture.md")


def _upward() -> set[tuple[str, str]]:
    return {(name, target) for name, (top, inner) in IMPORTS.items() for target in top | inner
            if _layer(target) > _layer(name)}


def test_every_module_has_a_layer() -> None:
    for name in MODULES:
        _layer(name)


def test_imports_point_down_except_the_documented_and_the_known_ones() -> None:
    new = sorted(_upward() - ALLOWED_UPWARD - KNOWN_UPWARD)
    assert not new, f"upward imports: {new} (see docs/architecture.md)"


def test_without_the_upward_imports_there_is_no_cycle() -> None:
    upward = ALLOWED_UPWARD | KNOWN_UPWARD
    graph = {name: {t for t in top | inner if (name, t) not in upward} for name, (top, inner) in IMPORTS.items()}
    cyclic = sorted(name for name in graph if name in _reach(graph, name))
    assert not cyclic, f"modules on an import cycle: {cyclic}"


def test_the_engine_imports_no_printer_and_no_front_end() -> None:
    engine = ("symgrad.derivatives", "symgrad.rules", "symgrad.tensors", "symgrad.errors")
    above = ("symgrad.latex", "symgrad.compile", "symgrad.verify", "symgrad.check", "symgrad.read",
             "symgrad.cli", "symgrad.catalog", "symgrad.display")
    for name in engine:
        top, inner = IMPORTS[name]
        bad = sorted(t for t in top | inner if t.startswith(above))
        assert not bad, f"{name} imports {bad}"
