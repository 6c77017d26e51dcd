"""Standard input, as editors call it: ``initlint check --stdin-filename PATH -``.

Standard input is checked as if it were ``PATH`` (its configuration, ``per-file-ignores`` and excludes), reported
under ``PATH``; with ``--fix`` the fixed code goes to standard output and the remaining findings to standard error,
as ruff does. The bytes are decoded like a file's. The tests swap in byte streams for the standard streams; one
runs ``python -m initlint`` through real pipes.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap

import pytest

import initlint
from initlint.cli import main

SRC_DIR = os.path.dirname(os.path.dirname(os.path.abspath(initlint.__file__)))  # the initlint under test

SRC = textwrap.dedent('''\
    import torch.nn as nn
    from lightning import LightningModule

    class Head(LightningModule):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(2, 2)
            nn.init.xavier_normal(self.fc.weight)

        def forward(self, x):
            return self.fc2(x)
''')
FIXED = SRC.replace("xavier_normal(", "xavier_normal_(")
CLEAN = "x = 1\n"


class _Stream(io.TextIOWrapper):
    def bytes(self) -> bytes:
        self.flush()
        return self.buffer.getvalue()


def initlint(cwd, *args, stdin: bytes | str = b""):
    """``initlint check ARGS`` in ``cwd`` with ``stdin`` as standard input: (exit code, stdout bytes, stderr)."""
    if isinstance(stdin, str):
        stdin = stdin.encode("utf-8")
    saved = sys.stdin, sys.stdout, sys.stderr, os.getcwd()
    out, err = _Stream(io.BytesIO(), encoding="utf-8"), _Stream(io.BytesIO(), encoding="utf-8")
    try:
        os.chdir(cwd)
        sys.stdin, sys.stdout, sys.stderr = _Stream(io.BytesIO(stdin), encoding="utf-8"), out, err
        code = main(["check", *args])
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved[:3]
        os.chdir(saved[3])
    err_text = err.bytes().decode()
    assert "Traceback" not in err_text and "internal error" not in err_text, err_text
    return code, out.bytes(), err_text


def test_a_real_pipe(tmp_path):
    """The same through ``python -m initlint`` and real pipes."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in [SRC_DIR, env.get("PYTHONPATH", "")] if p)
    data = b"\xef\xbb\xbf" + SRC.replace("\n", "\r\n").encode()
    proc = subprocess.run([sys.executable, "-m", "initlint", "check", "--stdin-filename", "m.py", "--fix", "-"],
                          cwd=tmp_path, input=data, capture_output=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode()
    assert "Fixed 1 error, 0 remaining." in proc.stderr.decode()


def rows(text: bytes | str) -> list[tuple[str, int, str]]:
    if isinstance(text, bytes):
        text = text.decode()
    out = []
    for line in text.splitlines():
        parts = line.split(":")
        if len(parts) >= 4 and parts[1].isdigit():
            out.append((parts[0], int(parts[1]), parts[3].split()[0]))
    return out


@pytest.fixture
def project(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "initlint.toml").write_text(textwrap.dedent('''\
        module-bases = ["lightning.LightningModule"]
        per-file-ignores = { "tests/*" = ["INI001"] }
        extend-exclude = ["generated/*"]
    '''))
    (tmp_path / "pkg" / "model.py").write_text(CLEAN)  # what is on disk is not what the editor holds
    return tmp_path


def test_stdin_is_checked_as_the_path_it_names(project):
    code, out, err = initlint(project, "--stdin-filename", "pkg/model.py", "-", stdin=SRC)
    assert code == 1, err
    # pkg's config (module-bases: INI001) applies, and findings are reported under the path
    assert rows(out) == [("pkg/model.py", 8, "INI101"), ("pkg/model.py", 11, "INI001")]
    assert (project / "pkg" / "model.py").read_text() == CLEAN
    # the path need not exist (a buffer not saved yet); its folder's config still applies
    code, out, _ = initlint(project, "--stdin-filename", "pkg/new/unsaved.py", "-", stdin=SRC)
    assert [r[2] for r in rows(out)] == ["INI101", "INI001"]
    # outside pkg: no module-bases, so no INI001
    code, out, _ = initlint(project, "--stdin-filename", "elsewhere.py", "-", stdin=SRC)
    assert rows(out) == [("elsewhere.py", 8, "INI101")]


def test_per_file_ignores_and_excludes_of_the_path(project):
    # per-file-ignores relative to the config's folder: pkg/tests/*
    _, out, _ = initlint(project, "--stdin-filename", "pkg/tests/test_m.py", "-", stdin=SRC)
    assert [r[2] for r in rows(out)] == ["INI101"]
    _, out, _ = initlint(project, "--stdin-filename", "tests/test_m.py", "-", stdin=SRC)
    assert [r[2] for r in rows(out)] == ["INI101"]  # not under pkg: no module-bases (so no INI001) either
    # an excluded path: checked unless the excludes are forced, as a file named on the command line
    code, out, _ = initlint(project, "--stdin-filename", "pkg/generated/g.py", "-", stdin=SRC)
    assert code == 1 and len(rows(out)) == 2
    code, out, _ = initlint(project, "--stdin-filename", "pkg/generated/g.py", "--force-exclude", "-", stdin=SRC)
    assert code == 0 and rows(out) == []
    # with --fix an editor replaces its buffer with standard output: an excluded file comes back unchanged
    code, out, _ = initlint(project, "--stdin-filename", "pkg/generated/g.py", "--force-exclude", "--fix", "-",
                            stdin=SRC)
    assert code == 0 and out == SRC.encode()


def test_dash_alone_is_stdin_named_dash(project):
    code, out, _ = initlint(project / "pkg", "-", stdin=SRC)  # the working directory's config
    assert code == 1 and rows(out) == [("-", 8, "INI101"), ("-", 11, "INI001")]
    code, out, _ = initlint(project, "-", stdin=CLEAN)
    assert code == 0 and "All checks passed! (1 file checked)" in out.decode()
    code, _, err = initlint(project, "-", "pkg", stdin=SRC)
    assert code == 2 and "standard input" in err


def test_fix_writes_the_fixed_code_to_stdout_and_the_rest_to_stderr(project):
    code, out, err = initlint(project, "--stdin-filename", "pkg/model.py", "--fix", "-", stdin=SRC)
    assert out == FIXED.encode()
    assert code == 1  # INI001 has no fix: it remains, on stderr, under the path
    assert rows(err) == [("pkg/model.py", 11, "INI001")]
    assert "Fixed 1 error, 1 remaining." in err
    assert (project / "pkg" / "model.py").read_text() == CLEAN  # nothing written
    # nothing to fix: the input comes back as it was
    code, out, err = initlint(project, "--stdin-filename", "pkg/model.py", "--fix", "-", stdin=CLEAN)
    assert code == 0 and out == CLEAN.encode()
    # --diff: the diff alone on stdout
    code, out, err = initlint(project, "--stdin-filename", "pkg/model.py", "--diff", "-", stdin=SRC)
    assert code == 1
    assert out.decode().splitlines()[:2] == ["--- a/pkg/model.py", "+++ b/pkg/model.py"]
    assert "+        nn.init.xavier_normal_(self.fc.weight)" in out.decode()


def test_stdin_bytes_are_decoded_like_a_file(project):
    # a BOM and CRLF line ends survive --fix byte for byte
    data = b"\xef\xbb\xbf" + SRC.replace("\n", "\r\n").encode()
    code, out, err = initlint(project, "--stdin-filename", "pkg/model.py", "--fix", "-", stdin=data)
    assert out == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode()
    assert rows(err) == [("pkg/model.py", 11, "INI001")]
    # a PEP 263 cookie: latin-1 bytes that are not UTF-8
    latin = ("# -*- coding: latin-1 -*-\n# caf\xe9\n" + SRC).encode("latin-1")
    code, out, err = initlint(project, "--stdin-filename", "pkg/model.py", "-", stdin=latin)
    assert rows(out) == [("pkg/model.py", 10, "INI101"), ("pkg/model.py", 13, "INI001")]
    code, out, err = initlint(project, "--stdin-filename", "pkg/model.py", "--fix", "-", stdin=latin)
    assert out == ("# -*- coding: latin-1 -*-\n# caf\xe9\n" + FIXED).encode("latin-1")
    # bytes that cannot be decoded: INI900, no traceback; --fix gives them back unchanged
    bad = b"x = '\xff\xfe'\n"
    code, out, err = initlint(project, "--stdin-filename", "pkg/model.py", "-", stdin=bad)
    assert code == 1 and [r[2] for r in rows(out)] == ["INI900"]
    code, out, err = initlint(project, "--stdin-filename", "pkg/model.py", "--fix", "-", stdin=bad)
    assert out == bad and [r[2] for r in rows(err)] == ["INI900"]


def test_reports_read_standard_input_not_the_file_on_disk(project):
    # the disk holds other code at the same path: source lines and JSON fix edits must come from stdin
    (project / "pkg" / "model.py").write_text("# another\n# version\n" + SRC)
    code, out, _ = initlint(project, "--stdin-filename", "pkg/model.py", "--output-format", "json", "-", stdin=SRC)
    items = json.loads(out)
    fix = next(i for i in items if i["code"] == "INI101")
    assert fix["filename"] == "pkg/model.py" and fix["location"]["row"] == 8
    assert fix["fix"]["edits"] == [{"content": "_", "location": {"row": 8, "column": 30},
                                    "end_location": {"row": 8, "column": 30}}]
    code, out, _ = initlint(project, "--stdin-filename", "pkg/model.py", "--output-format", "full", "-", stdin=SRC)
    assert "     8 |         nn.init.xavier_normal(self.fc.weight)" in out.decode()


def test_context_reads_the_project_around_the_path(project):
    (project / "pkg" / "base.py").write_text(textwrap.dedent('''\
        import torch.nn as nn

        class Base(nn.Module):
            pass
    '''))
    buffer = textwrap.dedent('''\
        from .base import Base

        class Net(Base):
            def forward(self, x):
                return self.fc2(x)
    ''')
    (project / "pkg" / "__init__.py").write_text("")
    (project / "pkg" / "model.py").write_text(buffer.replace("fc2", "fc3"))  # stale on disk
    # alone, the base class is unknown: nothing to say
    code, out, _ = initlint(project, "--stdin-filename", "pkg/model.py", "-", stdin=buffer)
    assert code == 0 and rows(out) == []
    # with the project as context, Net is a module and `self.fc2` is undefined; only stdin is reported
    code, out, _ = initlint(project, "--stdin-filename", "pkg/model.py", "--context", ".", "-", stdin=buffer)
    assert code == 1 and rows(out) == [("pkg/model.py", 5, "INI001")]
    assert "fc2" in out.decode() and "fc3" not in out.decode()


def test_show_settings_for_the_stdin_path(project):
    code, out, _ = initlint(project, "--stdin-filename", "pkg/model.py", "--show-settings", "-")
    assert code == 0
    assert out.decode().splitlines()[1] == f'Settings path: "{project / "pkg" / "initlint.toml"}"'
