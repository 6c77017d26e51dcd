"""verify's progress line (issue 10): on standard error, only on a terminal, only for runs over about 2 s, never
with --output-format json."""
import os
import subprocess
import sys
import textwrap

import pytest

from initlint.runtime.cli import main

pty = pytest.importorskip("pty", reason="no pseudo-terminals on this platform")

SLOW = textwrap.dedent('''
    import time
    import torch.nn as nn

    def build():
        time.sleep(2.5)
        return nn.Linear(64, 64)
''')
SRC = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "src"))


def _run_on_a_tty(tmp_path, *extra):
    """Run verify with standard error on a pseudo-terminal: (stdout, what the terminal received)."""
    f = tmp_path / "slow.py"
    f.write_text(SLOW)
    master, slave = pty.openpty()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([SRC, os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.Popen([sys.executable, "-m", "initlint.runtime.cli", "verify", f"{f}:build", "--device", "cpu",
                             *extra], stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    out = proc.stdout.read().decode()
    assert proc.wait(timeout=300) == 0, b"".join(chunks)
    os.close(master)
    return out, b"".join(chunks).decode(errors="replace")


def test_progress_line_on_a_terminal_for_a_slow_run(tmp_path):
    out, tty = _run_on_a_tty(tmp_path)
    assert "\rinitlint: importing and building " in tty and " s)" in tty
    assert tty.endswith("\r")  # the line is erased (blanked, back to column 0) before the report
    assert "PASSED" in out and "initlint: importing" not in out


def test_no_progress_line_with_json_even_on_a_terminal(tmp_path):
    out, tty = _run_on_a_tty(tmp_path, "--output-format", "json")
    assert "initlint:" not in tty and '"parameters"' in out


def test_no_progress_line_when_stderr_is_not_a_terminal(tmp_path, capsys):
    f = tmp_path / "slow.py"
    f.write_text(SLOW)
    assert main(["verify", f"{f}:build", "--device", "cpu"]) == 0
    cap = capsys.readouterr()
    assert "PASSED" in cap.out and "initlint:" not in cap.err and "\r" not in cap.err
