"""symgrad.export: a standalone module that imports only NumPy and behaves like value_and_grad."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

import symgrad
from symgrad import __version__
from symgrad.cli import main
from symgrad.export import HEADER, ExportError, export_module, function_name, write_module

NAMES = ["seed-ce-logits", "seed-mse-softmax", "softmax"]
COMMAND = "symgrad export seed-ce-logits seed-mse-softmax softmax -o mygrads.py"


@pytest.fixture(scope="module")
def module_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exported")
    write_module(export_module(NAMES, COMMAND), str(folder / "mygrads.py"))
    return folder


def run(folder, code: str) -> dict:
    """Run ``code`` in a fresh interpreter that imports the exported module; it prints JSON."""
    prelude = f"import sys, json\nsys.path.insert(0, {str(folder)!r})\nimport numpy as np\nimport mygrads\n"
    out = subprocess.run([sys.executable, "-c", prelude + code], check=False, capture_output=True, text=True,
                         timeout=60, cwd=folder)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_header_names_the_version_that_it_was_generated_and_the_command(module_dir):
    text = (module_dir / "mygrads.py").read_text()
    first, second = text.splitlines()[:2]
    assert first.startswith(HEADER) and __version__ in first
    assert second == f"# Command: {COMMAND}"


def test_importing_the_module_imports_neither_sympy_nor_symgrad(module_dir):
    got = run(module_dir, "print(json.dumps({'mods': sorted(m for m in sys.modules if m.split('.')[0] in "
                          "('sympy', 'symgrad', 'autograd')), 'all': mygrads.__all__}))")
    assert got == {"mods": [], "all": ["seed_ce_logits", "seed_mse_softmax", "softmax"]}


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_exported_functions_equal_value_and_grad(module_dir, dtype):
    rng = np.random.default_rng(0)
    arrays = {"x": rng.standard_normal((5, 4)), "w": rng.standard_normal((4, 3)), "b": rng.standard_normal(3),
              "y": np.eye(3)[[0, 2, 1, 1, 0]]}
    a = rng.standard_normal((2, 6)) * 1e3
    np.savez(module_dir / "inputs.npz", a=a, **arrays)
    code = (f"d = dict(np.load('inputs.npz'))\nd = {{k: v.astype('{dtype}') for k, v in d.items()}}\na = d.pop('a')\n"
            "out = {}\n"
            "for name in ('seed_ce_logits', 'seed_mse_softmax'):\n"
            "    v, g = getattr(mygrads, name)(**d)\n"
            "    out[name] = [v.tolist(), g['w'].tolist(), g['b'].tolist(), str(v.dtype), str(g['w'].dtype)]\n"
            "p, g = mygrads.softmax(a=a)\n"
            "out['softmax'] = [p.tolist(), g['a'].tolist(), str(p.dtype), str(g['a'].dtype)]\n"
            "print(json.dumps(out))")
    got = run(module_dir, code)
    cast = {k: v.astype(dtype) for k, v in arrays.items()}
    for name in ("seed-ce-logits", "seed-mse-softmax"):
        value, grads = symgrad.compile(name).value_and_grad(**cast)
        v, gw, gb, vdt, gdt = got[function_name(name)]
        assert (vdt, gdt) == (dtype, dtype)
        np.testing.assert_array_equal(v, value)
        np.testing.assert_array_equal(gw, grads["w"])
        np.testing.assert_array_equal(gb, grads["b"])
    p, grads = symgrad.compile("softmax").value_and_grad(a=a.astype(dtype))
    assert got["softmax"][2:] == [dtype, dtype] and np.isfinite(p).all()
    np.testing.assert_array_equal(got["softmax"][0], p)
    np.testing.assert_array_equal(got["softmax"][1], grads["a"])


def test_exported_checks_give_the_same_messages_and_accept_integer_labels(module_dir):
    code = ("x, w, b = np.ones((4, 4)), np.ones((4, 3)), np.ones(3)\n"
            "out = {}\n"
            "for key, kw in [('shape', dict(x=x, w=np.ones((4, 2)), b=b, y=np.eye(3)[[0, 1, 2, 0]])),\n"
            "                ('missing', dict(x=x, w=w, b=b)), ('extra', dict(x=x, w=w, b=b, y=[0, 1, 2, 0], q=1))]:\n"
            "    try:\n"
            "        mygrads.seed_ce_logits(**kw)\n"
            "    except ValueError as e:\n"
            "        out[key] = [type(e).__name__, str(e)]\n"
            "v, g = mygrads.seed_ce_logits(x=x, w=w, b=b, y=np.array([0, 1, 2, 0]))\n"
            "out['labels'] = [float(v), g['w'].tolist()]\n"
            "print(json.dumps(out))")
    got = run(module_dir, code)
    f = symgrad.compile("seed-ce-logits")
    x, w, b = np.ones((4, 4)), np.ones((4, 3)), np.ones(3)
    for key, kw in [("shape", {"x": x, "w": np.ones((4, 2)), "b": b, "y": np.eye(3)[[0, 1, 2, 0]]}),
                    ("missing", {"x": x, "w": w, "b": b}), ("extra", {"x": x, "w": w, "b": b, "y": [0, 1, 2, 0], "q": 1})]:
        with pytest.raises(symgrad.ShapeError) as err:
            f.value_and_grad(**kw)
        assert got[key] == ["ShapeError", str(err.value)]
    value, grads = f.value_and_grad(x=x, w=w, b=b, y=np.eye(3)[[0, 1, 2, 0]])
    assert got["labels"][0] == pytest.approx(float(value), rel=1e-15)
    np.testing.assert_allclose(got["labels"][1], grads["w"], rtol=1e-15)


def test_generated_functions_have_no_loops_over_data(module_dir):
    text = (module_dir / "mygrads.py").read_text()
    for name in ("seed_ce_logits", "seed_mse_softmax", "softmax"):
        body = text.split(f"def {name}(")[1].split("\n\n\n")[0]
        assert "for " not in body and "while " not in body


# --- the command line ---


def test_cli_writes_the_module_and_regenerates_its_own_file(tmp_path, capsys):
    target = tmp_path / "grads.py"
    assert main(["export", "softmax", "cce-logits", "-o", str(target)]) == 0
    text = target.read_text()
    assert text.startswith(HEADER) and "def softmax(" in text and "def cce_logits(" in text
    assert f"# Command: symgrad export softmax cce-logits -o {target}" in text
    assert main(["export", "softmax", "-o", str(target)]) == 0  # its own file: replaced
    assert "def cce_logits(" not in target.read_text()
    assert sorted(os.listdir(tmp_path)) == ["grads.py"]  # no temporary file left behind
    assert "wrote" in capsys.readouterr().out


def test_cli_refuses_to_overwrite_a_foreign_file_unless_forced(tmp_path, capsys):
    target = tmp_path / "mine.py"
    target.write_text("print('my own code')\n")
    assert main(["export", "softmax", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "was not generated by symgrad" in err and "use --force" in err and len(err.strip().splitlines()) == 1
    assert target.read_text() == "print('my own code')\n"
    assert main(["export", "softmax", "-o", str(target), "--force"]) == 0
    assert target.read_text().startswith(HEADER)


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_exported_module_gets_the_permissions_the_umask_gives_a_new_file(tmp_path, umask):
    target = tmp_path / "grads.py"
    old = os.umask(umask)
    try:
        write_module(export_module(["softmax"], "symgrad export softmax -o grads.py"), str(target))
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_reexporting_keeps_the_permissions_a_person_gave_the_module(tmp_path):
    target = tmp_path / "grads.py"
    write_module(export_module(["softmax"], "symgrad export softmax -o grads.py"), str(target))
    target.chmod(0o640)
    write_module(export_module(["cce-logits"], "symgrad export cce-logits -o grads.py"), str(target))
    assert target.stat().st_mode & 0o777 == 0o640 and "def cce_logits(" in target.read_text()


def test_cli_errors_are_one_line_and_leave_no_file(tmp_path, capsys):
    target = tmp_path / "x.py"
    assert main(["export", "no-such-entry", "-o", str(target)]) == 2
    assert "unknown catalog entry 'no-such-entry'" in capsys.readouterr().err
    assert main(["export", "softmax", "-o", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err
    assert os.listdir(tmp_path) == []


def test_export_module_rejects_nothing_and_clashing_names():
    with pytest.raises(ExportError, match="nothing to export"):
        export_module([], "symgrad export")
    with pytest.raises(ExportError, match="same function name 'softmax'"):
        export_module(["softmax", "softmax"], "symgrad export softmax softmax")


MATRIX_NAMES = ["logdet", "gaussian-mvn-nll", "gp-marginal-likelihood"]


@pytest.fixture(scope="module")
def matrix_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exported_matrix")
    write_module(export_module(MATRIX_NAMES, "symgrad export logdet gaussian-mvn-nll gp-marginal-likelihood -o "
                                             "mygrads.py"), str(folder / "mygrads.py"))
    return folder


def _matrix_inputs() -> dict[str, dict[str, np.ndarray]]:
    rng = np.random.default_rng(1)
    a = rng.standard_normal((3, 3))
    spd = a @ a.T + 3 * np.eye(3)
    return {"logdet": {"X": rng.standard_normal((3, 3)) + 3 * np.eye(3)},
            "gaussian-mvn-nll": {"x": rng.standard_normal((4, 3)), "mu": rng.standard_normal(3), "Sigma": spd},
            "gp-marginal-likelihood": {"y": rng.standard_normal(3), "K": spd}}


def test_exported_matrix_entries_equal_value_and_grad_and_the_log_det_gradient_is_the_inverse_transpose(matrix_dir):
    import autograd
    import autograd.numpy as anp

    inputs = _matrix_inputs()
    np.savez(matrix_dir / "inputs.npz", **{f"{e}:{k}": v for e, kw in inputs.items() for k, v in kw.items()})
    code = ("d = dict(np.load('inputs.npz'))\nout = {}\n"
            f"for entry in {MATRIX_NAMES!r}:\n"
            "    kw = {k.split(':')[1]: v for k, v in d.items() if k.split(':')[0] == entry}\n"
            "    v, g = getattr(mygrads, entry.replace('-', '_'))(**kw)\n"
            "    out[entry] = [float(v), {k: x.tolist() for k, x in g.items()}]\n"
            "print(json.dumps(out))")
    got = run(matrix_dir, code)
    for entry, kw in inputs.items():
        value, grads = symgrad.compile(entry).value_and_grad(**kw)
        assert got[entry][0] == float(value)
        for name, grad in grads.items():
            np.testing.assert_array_equal(got[entry][1][name], grad)
    reference = autograd.grad(lambda X: anp.linalg.slogdet(X)[1])(inputs["logdet"]["X"])  # d log|det X|/dX
    np.testing.assert_allclose(got["logdet"][1]["X"], reference, rtol=1e-12, atol=1e-14)


def test_exported_matrix_entries_refuse_a_singular_an_asymmetric_and_an_indefinite_matrix_as_compile_does(matrix_dir):
    x, mu = np.ones((4, 3)), np.zeros(3)
    cases = {"singular": ("logdet", {"X": np.ones((3, 3))}),
             "asymmetric": ("gaussian-mvn-nll", {"x": x, "mu": mu, "Sigma": np.eye(3) + np.triu(np.ones((3, 3)), 1)}),
             "indefinite": ("gp-marginal-likelihood", {"y": mu, "K": np.diag([1.0, -1.0, 2.0])})}
    (matrix_dir / "cases.json").write_text(json.dumps(
        {k: [e, {n: v.tolist() for n, v in kw.items()}] for k, (e, kw) in cases.items()}))
    code = ("cases = json.load(open('cases.json'))\n"
            "out = {}\n"
            "for key, (entry, kw) in cases.items():\n"
            "    try:\n"
            "        getattr(mygrads, entry.replace('-', '_'))(**{n: np.array(v) for n, v in kw.items()})\n"
            "        out[key] = None\n"
            "    except ValueError as e:\n"
            "        out[key] = [type(e).__name__, str(e)]\n"
            "print(json.dumps(out))")
    got = run(matrix_dir, code)
    expected = {"singular": "SingularMatrixError", "asymmetric": "ShapeError", "indefinite": "SingularMatrixError"}
    for key, (entry, kw) in cases.items():
        with pytest.raises(symgrad.SymgradError) as err:
            symgrad.compile(entry).value_and_grad(**kw)
        assert got[key] == [expected[key], str(err.value)] and type(err.value).__name__ == expected[key]
