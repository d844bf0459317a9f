"""The ``symgrad`` command's error paths and file safety.

Every error gives exactly one line on stderr, no traceback, and the exit code the README documents:
0 ok, 1 mismatch/wrong/drift, 2 usage or unreadable input or unknown names, 3 internal error.
``symgrad build`` and ``symgrad export`` never leave a half-written folder or file, and never
overwrite a file symgrad did not generate unless ``--force``.
"""

from __future__ import annotations

import importlib.metadata
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from symgrad import build as build_module
from symgrad import cli
from symgrad import export as export_module
from symgrad import files as files_module
from symgrad.cli import main, terminal

FEW = ["softmax", "sigmoid", "cce-logits"]
DPA = r"\frac{\partial p_i}{\partial a_j}"
SOFTMAX = r"p_i = \frac{e^{a_i}}{\sum_{k=1}^N e^{a_k}}"


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_error_line(err: str) -> None:
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1 and err.strip(), repr(err)


# (id, argv, the stderr line contains) -- every one exits 2
USAGE = [
    ("no-subcommand", [], "required"),
    ("unknown-subcommand", ["frobnicate"], "invalid choice"),
    ("list-unknown-option", ["list", "--bogus"], "--bogus"),
    ("list-extra-argument", ["list", "softmax"], "unrecognized"),
    ("derive-missing-name", ["derive"], "NAME or --loss"),
    ("derive-unknown-option", ["derive", "softmax", "--bogus"], "--bogus"),
    ("derive-unknown-entry", ["derive", "no-such-loss"], "unknown catalog entry 'no-such-loss'"),
    ("derive-bad-format", ["derive", "softmax", "--format", "pdf"], "invalid choice: 'pdf'"),
    ("derive-bad-timeout", ["derive", "softmax", "--timeout", "soon"], "invalid float value"),
    ("derive-unreadable-loss", ["derive", "--loss", r"L = \frac{1}{2}(x - y", "--wrt", "x"], "column"),
    ("derive-unknown-wrt", ["derive", "--loss", "L = (x - y)^2", "--wrt", "q"], "q"),
    ("derive-define-without-loss", ["derive", "softmax", "--define", "p = 1"], "go with --loss"),
    ("build-missing-directory", ["build"], "directory"),
    ("build-unknown-option", ["build", "out", "--bogus"], "--bogus"),
    ("export-missing-output", ["export", "softmax"], "-o/--output"),
    ("export-missing-name", ["export", "-o", "grads.py"], "catalog entries"),
    ("export-unknown-entry", ["export", "no-such-loss", "-o", "grads.py"], "unknown catalog entry"),
    ("check-missing-name", ["check"], "name"),
    ("check-unknown-entry", ["check", "no-such-loss"], "unknown catalog entry"),
    ("check-bad-backend", ["check", "softmax", "--backend", "theano"], "invalid choice: 'theano'"),
    ("check-bad-dtype", ["check", "softmax", "--dtype", "float16"], "invalid choice: 'float16'"),
    ("check-bad-size", ["check", "softmax", "--size", "N=zero"], "--size"),
    ("check-unknown-size", ["check", "softmax", "--size", "Q=3"], "Q"),
    ("verify-missing-claim", ["verify"], "--claim"),
    ("verify-unknown-option", ["verify", "--claim", "p_i", "--bogus"], "--bogus"),
    ("verify-bad-timeout", ["verify", "--claim", "p_i", "--timeout", "x"], "invalid float value"),
    ("verify-unreadable-claim", ["verify", "--claim", "p_i(1-p_j", "--of", DPA, "--define", SOFTMAX], "column 4"),
    ("verify-unreadable-define", ["verify", "--claim", "p_i", "--of", DPA, "--define", "p_i = e^{a_i"], "--define"),
    ("verify-binary-garbage", ["verify", "--claim", "\x00\x1b[2J\xff", "--of", DPA], "unexpected character"),
    ("verify-no-derivative", ["verify", "--claim", "p_i(1-p_j)", "--define", SOFTMAX], "names no derivative"),
]


@pytest.mark.parametrize("argv, says", [c[1:] for c in USAGE], ids=[c[0] for c in USAGE])
def test_usage_errors_and_unreadable_input_exit_2_with_one_line_on_stderr(capsys, tmp_path, monkeypatch, argv, says):
    monkeypatch.chdir(tmp_path)  # export/build arguments name files here, never in the repository
    code, out, err = run(capsys, *argv)
    assert code == 2, (out, err)
    assert_one_error_line(err)
    assert says in err
    assert not any(tmp_path.iterdir()), "a failed command left files behind"


def test_a_wrong_claim_exits_1_and_a_proved_one_0(capsys):
    code, out, err = run(capsys, "verify", "--claim", r"p_i(\delta_{ij}+p_j)", "--of", DPA, "--define", SOFTMAX)
    assert (code, err) == (1, "") and "wrong" in out
    code, out, err = run(capsys, "verify", "--claim", r"p_i(\delta_{ij}-p_j)", "--of", DPA, "--define", SOFTMAX)
    assert (code, err) == (0, "") and "proved" in out


def test_verify_json_keeps_an_unreadable_verdict_on_stdout(capsys):
    code, out, err = run(capsys, "verify", "--claim", "p_i(1-p_j", "--of", DPA, "--define", SOFTMAX, "--json")
    assert (code, err) == (2, "") and '"unreadable"' in out


def test_a_bug_exits_3_with_one_line(capsys, monkeypatch):
    from symgrad import entries

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(entries, "derive_entry", broken)
    code, _out, err = run(capsys, "derive", "softmax")
    assert code == 3
    assert_one_error_line(err)
    assert "internal error: ZeroDivisionError" in err


def test_derive_timeout_stops_an_adversarial_loss_within_the_budget_with_exit_2(capsys):
    # ten layers of log(1 + e^u) u + tanh(u) y: each local derivative is cheap, simplifying their chain is
    # not (minutes without a budget); the check runs between rules, so it may overrun by one rule's time
    greek = ["alpha", "beta", "gamma", "zeta", "eta", "theta", "kappa", "mu", "nu", "rho"]
    defines, prev = [], "x"
    for name in greek:
        defines += ["--define", rf"\{name} = \log(1 + e^{{{prev}}}) {prev} + \tanh({prev}) y"]
        prev = rf"\{name}"
    start = time.monotonic()
    code, _out, err = run(capsys, "derive", "--loss", f"L = {prev}^2", "--wrt", "x", *defines, "--timeout", "0.5")
    assert time.monotonic() - start < 0.5 + 10  # the margin: one slow rule on a loaded 2-core machine
    assert code == 2
    assert_one_error_line(err)
    assert "deriving loss did not finish within 0.5 s; simplify the loss or raise --timeout" in err


# ---------------------------------------------------------------- files


@pytest.fixture
def few(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Build only a few entries, so each build derives in well under a second."""
    monkeypatch.setattr(build_module.catalog, "names", lambda: list(FEW))
    return FEW


def snapshot(folder: Path) -> dict[str, bytes]:
    return {f.name: f.read_bytes() for f in sorted(folder.iterdir())}


def test_build_then_check_is_clean_and_a_hand_written_file_is_refused(capsys, tmp_path, few):
    out_dir = tmp_path / "derivations"
    assert run(capsys, "build", str(out_dir))[0] == 0
    assert run(capsys, "build", str(out_dir), "--check") == (0, "", "")
    (out_dir / "softmax.md").write_text("# my own softmax notes\n")
    before = snapshot(out_dir)
    code, _out, err = run(capsys, "build", str(out_dir))
    assert code == 2
    assert_one_error_line(err)
    assert "not generated by symgrad" in err and "--force" in err
    assert snapshot(out_dir) == before
    assert run(capsys, "build", str(out_dir), "--force")[0] == 0
    assert (out_dir / "softmax.md").read_text().startswith("<!-- Generated by symgrad")


def test_build_check_reports_drift_with_exit_1(capsys, tmp_path, few):
    assert run(capsys, "build", str(tmp_path))[0] == 0
    (tmp_path / "sigmoid.tex").unlink()
    code, _out, err = run(capsys, "build", str(tmp_path), "--check")
    assert code == 1 and "sigmoid.tex: missing" in err


@pytest.mark.parametrize("where", ["rendering", "writing"])
def test_an_interrupted_build_leaves_the_old_files_byte_identical(capsys, tmp_path, few, monkeypatch, where):
    assert run(capsys, "build", str(tmp_path))[0] == 0
    # make every file differ from what is on disk, so a build would rewrite them all
    for f in tmp_path.iterdir():
        f.write_bytes(f.read_bytes().replace(b"\n", b"\n% older version\n", 1))
    before = snapshot(tmp_path)
    calls = {"n": 0}
    if where == "rendering":
        real = build_module.derive_entry

        def derive(name):
            calls["n"] += 1
            if calls["n"] == 2:
                raise KeyboardInterrupt  # Ctrl-C in the middle of the catalog
            return real(name)

        monkeypatch.setattr(build_module, "derive_entry", derive)
    else:
        real_stage = files_module._stage  # the one atomic writer stages every file (symgrad.files)

        def stage(path, text):
            calls["n"] += 1
            if calls["n"] == 3:
                raise OSError(28, "No space left on device", str(path))
            return real_stage(path, text)

        monkeypatch.setattr(files_module, "_stage", stage)
    code, _out, err = run(capsys, "build", str(tmp_path))
    assert code == (130 if where == "rendering" else 2)
    assert_one_error_line(err)
    assert ("interrupted" if where == "rendering" else "No space left on device") in err
    assert snapshot(tmp_path) == before  # byte-identical, and no temporary files left beside them


def test_export_refuses_a_hand_written_file_and_leaves_it_unchanged(capsys, tmp_path):
    target = tmp_path / "grads.py"
    target.write_text("def my_own_gradient():\n    return 42\n")
    before = target.read_bytes()
    code, _out, err = run(capsys, "export", "softmax", "-o", str(target))
    assert code == 2
    assert_one_error_line(err)
    assert "not generated by symgrad" in err
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["grads.py"]


def test_export_replaces_its_own_file_and_force_replaces_a_foreign_one(capsys, tmp_path):
    target = tmp_path / "grads.py"
    assert run(capsys, "export", "softmax", "-o", str(target))[0] == 0
    assert target.read_text().startswith(export_module.HEADER)
    assert run(capsys, "export", "softmax", "sigmoid", "-o", str(target))[0] == 0
    assert "def sigmoid(" in target.read_text()
    target.write_text("x = 1\n")
    assert run(capsys, "export", "softmax", "-o", str(target), "--force")[0] == 0
    assert target.read_text().startswith(export_module.HEADER)


def test_an_export_failing_at_the_rename_leaves_the_old_module_and_no_temporary_file(capsys, tmp_path, monkeypatch):
    target = tmp_path / "grads.py"
    assert run(capsys, "export", "softmax", "-o", str(target))[0] == 0
    before = target.read_bytes()

    def replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", replace)
    code, _out, err = run(capsys, "export", "sigmoid", "-o", str(target))
    assert code == 2
    assert_one_error_line(err)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["grads.py"]


def test_export_into_a_missing_folder_is_a_one_line_error(capsys, tmp_path):
    code, _out, err = run(capsys, "export", "softmax", "-o", str(tmp_path / "no" / "such" / "grads.py"))
    assert code == 2
    assert_one_error_line(err)
    assert not (tmp_path / "no").exists()


def test_derive_hessian_as_tex_is_one_document_with_both_derivations(capsys):
    assert main(["derive", "cce-logits", "--hessian", "--format", "tex"]) == 0
    out = capsys.readouterr().out
    assert out.count(r"\documentclass") == 1 and out.count(r"\end{document}") == 1
    assert "second derivatives" in out and r"\operatorname{diag}(p) - p p^{\top}" in out


# ---------------------------------------------------------------- behaving like a command (issue 15)


def subprocess_symgrad(*argv: str, env: dict[str, str] | None = None, **kwargs) -> subprocess.CompletedProcess:
    """``python -m symgrad ARGV`` in a fresh process (what a person's shell runs)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "symgrad", *argv], check=False, capture_output=True,
                          env=full_env, timeout=120, **kwargs)


def test_version_prints_the_installed_package_version(capsys):
    code, out, err = run(capsys, "--version")
    assert (code, out, err) == (0, f"symgrad {importlib.metadata.version('symgrad')}\n", "")


def test_python_dash_m_symgrad_runs_the_command_line():
    done = subprocess_symgrad("list")
    assert done.returncode == 0 and done.stderr == b""
    assert done.stdout.decode().splitlines()[0].split()[0] == "softmax"


# (argv, the spelling suggested) -- each a usage error (exit 2) naming the closest valid spelling
MISSPELLED = [
    (["derivee", "softmax"], "'derive'"),
    (["derive", "softmx"], "'softmax'"),
    (["check", "sigmiod"], "'sigmoid'"),
    (["export", "cce-logit", "-o", "grads.py"], "'cce-logits'"),
    (["verify", "--clam", "p_i"], "'--claim'"),
    (["derive", "softmax", "--formt", "md"], "'--format'"),
    (["check", "softmax", "--backend", "autgrad"], "'autograd'"),
    (["derive", "softmax", "--format", "texx"], "'tex'"),
    (["--verison"], "'--version'"),
]


@pytest.mark.parametrize("argv, suggestion", MISSPELLED, ids=[" ".join(a) for a, _ in MISSPELLED])
def test_a_misspelling_is_answered_with_did_you_mean(capsys, tmp_path, monkeypatch, argv, suggestion):
    monkeypatch.chdir(tmp_path)
    code, _out, err = run(capsys, *argv)
    assert code == 2
    assert_one_error_line(err)
    assert f"did you mean {suggestion}" in err
    assert not any(tmp_path.iterdir())


def test_a_misspelled_entry_in_python_names_the_closest_entry():
    import symgrad

    with pytest.raises(symgrad.UnknownNameError, match=r"did you mean 'softmax'"):
        symgrad.derive("softmx")


def test_a_closed_pipe_exits_quietly_with_code_0():
    # `symgrad list | head -1`: the reader is gone before symgrad writes (it still imports the catalog)
    proc = subprocess.Popen([sys.executable, "-m", "symgrad", "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 0
    assert err == b""


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_any_output_encoding_prints_the_derivation(encoding):
    done = subprocess_symgrad("derive", "sigmoid", env={"PYTHONIOENCODING": encoding})
    assert (done.returncode, done.stderr) == (0, b"")
    text = done.stdout.decode(encoding)
    assert "sigma" in text or "σ" in text


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_any_output_encoding_prints_a_verdict_without_its_check_mark(encoding):
    done = subprocess_symgrad("verify", "--claim", r"p_i(\delta_{ij}-p_j)", "--of", DPA, "--define", SOFTMAX,
                              env={"PYTHONIOENCODING": encoding})
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout.decode(encoding).startswith("[ok] proved")


@pytest.mark.parametrize("char, ascii_text", [
    ("✓", "[ok]"), ("σ", "sigma"), ("Σ", "Sigma"), ("δ", "delta"), ("ŷ", "yhat"), ("x̄"[1], "bar"), ("²", "^2"),
    ("ᵀ", "^T"), ("−", "-"), ("∂", "d"), ("≠", "!="), ("₁", "_1"), ("µ", "mu"),
])
def test_every_symbol_has_an_ascii_spelling(char, ascii_text):
    assert terminal.ascii_spelling(char) == ascii_text


def test_help_loads_neither_sympy_nor_numpy():
    probe = ("import sys, contextlib, io\nfrom symgrad.cli import main\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n    code = main(['--help'])\n"
             "print(code, sorted(m for m in ('sympy', 'numpy') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], check=False, capture_output=True, text=True, timeout=120)
    assert done.stdout.split(maxsplit=1) == ["0", "[]\n"], done.stderr


@pytest.mark.parametrize("command, option, value", [
    ("verify", "--claim", "-2x"), ("verify", "--define", "-L = x"), ("verify", "--of", r"-\frac{dL}{dx}"),
    ("verify", "--given", r"-x \le 0"), ("verify", "--assume", "-i = -j"), ("derive", "--loss", r"-\log\sigma(z)"),
    ("derive", "--define", r"-p = -\sigma(z)"), ("export", "--given", r"-1 \le w"),
])
def test_a_value_starting_with_a_dash_is_the_options_value(command, option, value):
    sub = cli.subcommands(cli.parser({command}))[command]
    flag = {"verify": "--json", "derive": "--hessian", "export": "--force"}[command]
    assert cli.arguments.prepare(sub, [option, value, flag]) == [f"{option}={value}", flag]


def test_an_option_with_no_value_before_the_next_option_is_still_refused(capsys):
    code, _out, err = run(capsys, "verify", "--claim", "--of", DPA)
    assert code == 2 and "expected one argument" in err


@pytest.mark.parametrize("argv", [
    ["verify", "--claim", "-2x", "--of", r"\frac{dL}{dx}", "--define", "L = -x^2"],
    ["derive", "--loss", r"-\log\sigma(z)", "--wrt", "z"],
], ids=["verify-claim", "derive-loss"])
def test_a_leading_minus_reads_the_same_as_the_equals_form(capsys, argv):
    at = argv.index("-2x" if "-2x" in argv else r"-\log\sigma(z)")
    joined = [*argv[:at - 1], f"{argv[at - 1]}={argv[at]}", *argv[at + 1:]]
    assert run(capsys, *argv) == run(capsys, *joined)
    code, out, _err = run(capsys, *argv)
    assert code == 0, out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_work_past_the_delay_shows_elapsed_seconds_on_a_terminal_and_erases_them():
    screen = _Terminal()
    with terminal.Progress("symgrad check", screen, after=0.05, every=0.05):
        time.sleep(0.4)
    shown = screen.getvalue()
    assert "\rsymgrad check: working... 0 s" in shown
    assert shown.endswith("\r\033[K")


def test_no_progress_on_a_pipe_or_for_quick_work():
    piped, screen = io.StringIO(), _Terminal()
    with terminal.Progress("symgrad check", piped, after=0.01, every=0.01):
        time.sleep(0.2)
    with terminal.Progress("symgrad check", screen, after=5):
        pass
    assert piped.getvalue() == screen.getvalue() == ""


def test_a_check_on_a_terminal_shows_its_progress_and_leaves_the_report_clean():
    import pty

    probe = ("import sys\nfrom symgrad import cli\ncli.PROGRESS_AFTER = 0.01\n"
             "sys.exit(cli.main(['check', 'softmax', '--backend', 'fd']))")
    controller, terminal_end = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-c", probe], stdout=subprocess.PIPE, stderr=terminal_end)
    os.close(terminal_end)
    out, _ = proc.communicate(timeout=300)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the other end is closed: everything written has been read
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    assert proc.returncode == 0
    assert b"symgrad check: working... " in shown and shown.endswith(b"\r\x1b[K")
    assert b"working" not in out and out.decode().startswith("symgrad check softmax")
