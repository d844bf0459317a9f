"""The command line as a process leaves the objects it made to the process's exit: the collector is off while the
subcommand's modules load and never walks their objects (gc.freeze), nor at interpreter shutdown. Called with
arguments (tests, other programs), it leaves the collector alone."""

import gc
import subprocess
import sys

from symgrad.cli import main


def test_the_command_line_of_a_process_freezes_what_it_made_and_collects_again_after() -> None:
    code = ("import gc, sys\nfrom symgrad.cli import main\nsys.argv = ['symgrad', '--version']\n"
            "code = main()\nprint(code, gc.get_freeze_count() > 0, gc.isenabled())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[-3:] == ["0", "True", "True"]


def test_main_called_with_arguments_leaves_the_collector_alone() -> None:
    before = gc.get_freeze_count()
    assert main(["--version"]) == 0
    assert gc.get_freeze_count() == before and gc.isenabled()
