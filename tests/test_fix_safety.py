"""``--fix`` stays inside the checked tree, and the JSON report's fix edits cost one parse per file."""

from __future__ import annotations

import json
import os

import libcst

from _helpers import cli

LEGACY = "import torch.nn as nn\n\n\ndef init(m):\n    nn.init.xavier_normal(m.weight)\n"


def test_fix_never_writes_through_a_symlink_out_of_the_checked_tree(tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "shared.py").write_text(LEGACY)
    project = tmp_path / "project"
    project.mkdir()
    os.symlink(outside / "shared.py", project / "linked.py")
    (project / "own.py").write_text(LEGACY)
    code, out, err = cli(tmp_path, "--fix", "project")
    assert (outside / "shared.py").read_text() == LEGACY  # the file outside was not touched
    assert os.path.islink(project / "linked.py")
    assert (project / "own.py").read_text() == LEGACY.replace("xavier_normal(", "xavier_normal_(")
    assert f"{os.path.join('project', 'linked.py')}: not fixed: it is a symbolic link to {outside / 'shared.py'}," \
           " outside the checked paths" in err
    assert "Fixed 1 error, 1 remaining." in err
    assert code == 1 and "linked.py:5:" in out  # its finding is still reported
    # --diff shows only what --fix would write
    (project / "own.py").write_text(LEGACY)
    code, out, err = cli(tmp_path, "--diff", "project")
    assert "own.py" in out and "linked.py" not in out and "shared.py" not in out


def test_fix_follows_a_symlink_inside_the_checked_tree(tmp_path):
    project = tmp_path / "project"
    (project / "real").mkdir(parents=True)
    (project / "real" / "model.py").write_text(LEGACY)
    os.symlink(project / "real" / "model.py", project / "alias.py")
    code, out, err = cli(project, "--fix", "alias.py", "real")
    assert "symbolic link" not in err and "not fixed" not in err  # one file, fixed once (not twice)
    assert (project / "real" / "model.py").read_text() == LEGACY.replace("xavier_normal(", "xavier_normal_(")
    assert os.path.islink(project / "alias.py")
    # and a link named on the command line is a checked path itself
    outside = tmp_path / "outside.py"
    outside.write_text(LEGACY)
    os.symlink(outside, project / "named.py")
    cli(project, "--fix", "named.py")
    assert outside.read_text() == LEGACY.replace("xavier_normal(", "xavier_normal_(")


def many_fixes(count: int) -> str:
    body = "".join(f"    nn.init.xavier_normal(m.layer{i}.weight)\n" for i in range(count))
    return f"import torch.nn as nn\n\n\ndef init(m):\n{body}"


def test_json_fix_edits_parse_each_file_once(tmp_path, monkeypatch):
    real = libcst.parse_module
    calls = []

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(libcst, "parse_module", counting)
    counts = {}
    for n in (1, 12):
        folder = tmp_path / str(n)
        folder.mkdir()
        (folder / "model.py").write_text(many_fixes(n))
        calls.clear()
        code, out, _ = cli(folder, "--output-format", "json", "-j", "1", ".")
        report = json.loads(out)
        assert code == 1 and len(report) == n
        assert all(item["fix"]["edits"] for item in report)
        counts[n] = len(calls)
    # summary + positions + fix edits: a fixed number of parses, not one more per fixable finding
    assert counts[12] == counts[1] <= 3, counts
    lines = {item["fix"]["edits"][0]["location"]["row"] for item in report}
    assert lines == set(range(5, 17))
