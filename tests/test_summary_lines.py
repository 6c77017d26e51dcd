""""All checks passed!" only when files were checked and nothing failed; no files at all is ruff's warning."""

from __future__ import annotations

import os

import pytest

from _helpers import cli

CLEAN = "import torch.nn as nn\n\n\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n" \
        "        self.fc = nn.Linear(2, 2)\n\n    def forward(self, x):\n        return self.fc(x)\n"
LEGACY = "import torch.nn as nn\n\n\ndef init(m):\n    nn.init.xavier_normal(m.weight)\n"
NO_FILES = "warning: No Python files found under the given path(s)"


@pytest.fixture
def clean(tmp_path):
    (tmp_path / "model.py").write_text(CLEAN)
    return tmp_path


def test_clean_files_pass(clean):
    code, out, err = cli(clean, ".")
    assert code == 0 and out == "All checks passed! (1 file checked)\n" and NO_FILES not in err


def test_a_missing_path_never_passes(clean):
    code, out, err = cli(clean, "model.py", "missing.py")
    assert code == 2 and "All checks passed!" not in out
    assert "skipped missing.py: no such file or directory" in err
    code, out, err = cli(clean, "missing.py")
    assert code == 2 and "All checks passed!" not in out and NO_FILES not in err


def test_stdin_dash_never_passes_with_exit_2(clean):
    code, out, _ = cli(clean, "-")
    assert code != 2 or "All checks passed!" not in out


def test_a_file_that_could_not_be_read_is_not_a_pass(clean):
    os.symlink(clean / "gone.py", clean / "broken.py")
    code, out, err = cli(clean, ".")
    assert "broken symbolic link" in err
    assert "All checks passed!" not in out


def test_an_internal_error_is_not_a_pass(clean, monkeypatch):
    from initlint.rules import RULES

    def boom(self, file, index):
        raise RuntimeError("boom")

    monkeypatch.setattr(type(RULES["INI001"]), "check", boom)
    code, out, err = cli(clean, ".")
    assert code == 2 and "internal error in INI001" in err
    assert "All checks passed!" not in out


def test_add_noqa_does_not_claim_a_pass(tmp_path):
    (tmp_path / "legacy.py").write_text(LEGACY)
    code, out, err = cli(tmp_path, "--add-noqa", ".")
    assert code == 0 and "Added `# noqa` for 1 error." in err
    assert "# noqa: INI101" in (tmp_path / "legacy.py").read_text()
    assert "All checks passed!" not in out
    # a later plain check of the annotated file does pass
    assert cli(tmp_path, ".")[1] == "All checks passed! (1 file checked)\n"


def test_no_python_files_warns_like_ruff(tmp_path):
    (tmp_path / "notes.txt").write_text("nothing to see\n")
    code, out, err = cli(tmp_path, ".")
    assert code == 0
    assert NO_FILES in err.splitlines()
    assert "All checks passed!" not in out
    for fmt in ("json", "concise", "sarif"):
        code, out, err = cli(tmp_path, "--output-format", fmt, ".")
        assert code == 0 and NO_FILES in err and "All checks passed!" not in out
    code, out, err = cli(tmp_path, "--quiet", ".")  # ruff's --quiet silences warnings too
    assert code == 0 and out == "" and err == ""
    # everything excluded counts as no file
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "gen.py").write_text(CLEAN)
    code, out, err = cli(tmp_path, ".")
    assert code == 0 and NO_FILES in err and "All checks passed!" not in out
