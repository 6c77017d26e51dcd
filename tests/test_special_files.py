"""Only regular files are read: a FIFO or a link to a device named `*.py` is skipped with a reason, never read.

Each run is a subprocess with a timeout (a FIFO would block forever) and a cap on its address space (reading
`/dev/zero` would take all memory before MemoryError).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"),
                                reason="needs FIFOs and /dev/zero")

BUGGY = "import torch.nn as nn\nclass N(nn.Module):\n    def forward(self, x):\n        return self.fc(x)\n"


def _limit_memory():
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def check(cwd, *args):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    proc = subprocess.run([sys.executable, "-m", "initlint", "check", "-j", "1", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=30, preexec_fn=_limit_memory)
    assert "Traceback" not in proc.stdout + proc.stderr
    return proc


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "buggy.py").write_text(BUGGY)
    os.mkfifo(tmp_path / "pipe.py")
    os.symlink("/dev/zero", tmp_path / "zero.py")
    return tmp_path


def test_fifo_and_device_link_in_a_walked_folder(tree):
    proc = check(tree, ".")
    assert proc.returncode == 1  # the findings of the other file, not an error
    assert "buggy.py:4:16: INI001" in proc.stdout
    assert "initlint: skipped pipe.py: not a regular file" in proc.stderr
    assert "initlint: skipped zero.py: not a regular file" in proc.stderr


@pytest.mark.parametrize("name", ["pipe.py", "zero.py"])
def test_fifo_and_device_link_named_explicitly(tree, name):
    proc = check(tree, name, "buggy.py")
    assert proc.returncode == 1 and "buggy.py:4:16: INI001" in proc.stdout
    assert f"initlint: skipped {name}: not a regular file" in proc.stderr


def test_fix_and_json_skip_them_too(tree):
    proc = check(tree, ".", "--fix", "--output-format", "json")
    assert proc.returncode == 1 and '"code": "INI001"' in proc.stdout
    assert "skipped pipe.py: not a regular file" in proc.stderr


def test_read_source_never_opens_a_fifo_for_blocking_reads(tree):
    code = ("from initlint.source import read_source, Problem\n"
            "for name in ('pipe.py', 'zero.py', '.'):\n"
            "    p = read_source(name)\n"
            "    print(name, type(p).__name__, p.kind, p.message)\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    proc = subprocess.run([sys.executable, "-c", code], cwd=tree, env=env, capture_output=True, text=True,
                          timeout=30, preexec_fn=_limit_memory)
    assert proc.stdout.splitlines() == ["pipe.py Problem read not a regular file",
                                        "zero.py Problem read not a regular file",
                                        ". Problem read is a directory"]
