"""The progress line: on a terminal only, for people's formats only, only once a run has taken about 2 s."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import textwrap

import pytest

from initlint.engine import check_paths
from initlint.progress import MACHINE_FORMATS, Progress, wanted

from _helpers import ROOT


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_gating():
    assert wanted(FakeTTY(), "concise")
    assert wanted(FakeTTY(), "full") and wanted(FakeTTY(), "grouped")
    for fmt in ("json", "json-lines", "sarif", "junit", "github"):
        assert fmt in MACHINE_FORMATS and not wanted(FakeTTY(), fmt)
    assert not wanted(io.StringIO(), "concise")  # not a terminal
    assert not wanted(FakeTTY(), "concise", quiet=True)
    closed = open(os.devnull, "w")
    closed.close()
    assert not wanted(closed, "concise")  # a closed stream: no line, no error
    with open(os.devnull, "w") as devnull:
        assert not wanted(devnull, "concise")


def test_nothing_before_the_delay_then_files_done_over_total_then_erased():
    stream, clock = FakeTTY(), Clock()
    progress = Progress(10, stream, clock=clock)
    for done in range(1, 5):
        clock.now = 0.4 * done  # up to 1.6 s: a short run prints nothing
        progress.update(done)
    assert stream.getvalue() == ""
    clock.now = 2.1
    progress.update(5)
    assert stream.getvalue() == "\rinitlint: 5/10 files"
    clock.now = 2.15  # throttled: at most ten updates a second
    progress.update(6)
    assert stream.getvalue().count("\r") == 1
    clock.now = 2.5
    progress.update(10)
    assert stream.getvalue().endswith("\rinitlint: 10/10 files")
    progress.close()
    assert stream.getvalue().endswith("\r" + " " * len("initlint: 10/10 files") + "\r")


def test_a_short_run_prints_nothing():
    stream = FakeTTY()
    progress = Progress(3, stream)
    progress.update(3)
    progress.close()
    assert stream.getvalue() == ""


def _project(root, n=20):
    for i in range(n):
        (root / f"m{i:02d}.py").write_text(textwrap.dedent(f"""\
            import torch.nn as nn

            class M{i}(nn.Module):
                def __init__(self):
                    super().__init__()
                    self.fc = nn.Linear(2, 2)
            """))


@pytest.mark.parametrize("jobs", [1, 2])
def test_check_paths_reports_every_file(tmp_path, jobs):
    _project(tmp_path)
    stream = FakeTTY()
    progress = Progress(0, stream, delay=0, interval=0)
    result = check_paths([str(tmp_path)], jobs=jobs, progress=progress)
    assert result.files == 20
    text = stream.getvalue()
    assert "initlint: 20/20 files" in text
    assert text.endswith("\r")  # erased at the end


SCRIPT = """\
import sys
import initlint.progress
initlint.progress.DELAY = 0  # every run counts as long
from initlint.cli import main
sys.exit(main(["check", "--no-cache", *sys.argv[1:]]))
"""


def _run(cwd, stderr, *args):
    env = {**os.environ, "PYTHONPATH": os.path.join(ROOT, "src")}
    return subprocess.run([sys.executable, "-c", SCRIPT, *args, "."], cwd=cwd, env=env, stdout=subprocess.PIPE,
                          stderr=stderr, timeout=120)


def test_no_progress_line_on_a_pipe(tmp_path):
    _project(tmp_path)
    proc = _run(tmp_path, subprocess.PIPE)
    assert proc.returncode == 0
    assert b"files" not in proc.stderr and b"\r" not in proc.stderr


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_line_on_a_terminal_but_not_with_json(tmp_path):
    _project(tmp_path)
    seen = {}
    for fmt in ("concise", "json"):
        leader, follower = os.openpty()
        try:
            proc = _run(tmp_path, follower, "--output-format", fmt)
            os.close(follower)
            follower = None
            chunks = []
            while True:
                try:
                    chunk = os.read(leader, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            seen[fmt] = b"".join(chunks)
        finally:
            if follower is not None:
                os.close(follower)
            os.close(leader)
        assert proc.returncode == 0
    assert b"/20 files" in seen["concise"]
    assert b"files" not in seen["json"]
