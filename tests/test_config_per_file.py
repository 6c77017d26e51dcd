"""Settings per file, as ruff resolves them: the closest configuration file above each file, not the first path's.

Each sub-project's ``.initlint.toml`` / ``initlint.toml`` / ``pyproject.toml [tool.initlint]`` gives its own files
their rules, rule options, ``per-file-ignores`` and excludes (globs relative to that file's folder); flags on the
command line override every file's settings; ``--config`` and ``--isolated`` give every file the same settings.
"""

from __future__ import annotations

import os
import sys
import textwrap

import pytest

from initlint.cli import main

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# INI101 always; INI001 only with module-bases = ["lightning.LightningModule"]
LIGHTNING = textwrap.dedent('''\
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

# INI201 only with init-functions = ["my_init"] (an init function applied to a bias that does not exist)
MY_INIT = textwrap.dedent('''\
    import torch.nn as nn
    from mylib.init import my_init

    def init_weights(m):
        if isinstance(m, nn.Linear):
            my_init(m.weight)
            my_init(m.bias)

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(2, 2, bias=False)
            self.apply(init_weights)
''')


def write(root, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def run(capsys, *args):
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def found(out: str, root=None) -> set[tuple[str, str]]:
    """(path, code) of every concise finding line; with ``root``, the paths relative to it."""
    rows = set()
    for line in out.splitlines():
        parts = line.split(":")
        if len(parts) >= 4 and parts[1].isdigit():
            path = parts[0] if root is None else os.path.relpath(os.path.abspath(parts[0]), root)
            rows.add((path.replace(os.sep, "/"), parts[3].split()[0]))
    return rows


@pytest.fixture
def two_projects(tmp_path, monkeypatch):
    write(tmp_path, {
        "a/model.py": LIGHTNING, "a/init.py": MY_INIT,
        "b/model.py": LIGHTNING, "b/init.py": MY_INIT,
        "a/pyproject.toml": '[project]\nname = "a"\n\n[tool.initlint]\nmodule-bases = ["lightning.LightningModule"]\n',
        "b/initlint.toml": 'ignore = ["INI101"]\ninit-functions = ["my_init"]\n',
    })
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_two_sub_projects_in_one_run_each_get_their_own_settings(two_projects, capsys):
    expected = {("a/model.py", "INI001"), ("a/model.py", "INI101"), ("b/init.py", "INI201")}
    for args in ([], ["."], ["a", "b"], ["b", "a"], ["b/init.py", "a/model.py", "a/init.py", "b/model.py"]):
        code, out, err = run(capsys, *args, "-q")
        assert code == 1, err
        assert found(out) == expected, args


def test_per_file_settings_hold_under_the_worker_pool(two_projects, capsys):
    # 16 files or more go to worker processes: init-functions must still be each file's own
    for i in range(10):
        write(two_projects, {f"a/extra{i}.py": MY_INIT, f"b/extra{i}.py": MY_INIT})
    code, out, _ = run(capsys, ".", "-q", "-j", "2")
    rows = found(out)
    assert code == 1
    assert {p for p, c in rows if c == "INI201"} == {"b/init.py"} | {f"b/extra{i}.py" for i in range(10)}
    assert ("a/model.py", "INI001") in rows and ("b/model.py", "INI001") not in rows


def test_flags_override_every_files_settings(two_projects, capsys):
    _, out, _ = run(capsys, ".", "-q", "--select", "INI001")
    assert found(out) == {("a/model.py", "INI001")}  # a's module-bases still apply
    _, out, _ = run(capsys, ".", "-q", "--ignore", "INI0,INI2")
    assert found(out) == {("a/model.py", "INI101"), ("b/model.py", "INI101")}  # b's ignore is replaced
    _, out, _ = run(capsys, ".", "-q", "--extend-select", "INI209")
    assert ("b/init.py", "INI201") in found(out)


def test_config_and_isolated_give_every_file_the_same_settings(two_projects, capsys):
    _, out, _ = run(capsys, ".", "-q", "--isolated")
    assert found(out) == {("a/model.py", "INI101"), ("b/model.py", "INI101")}
    _, out, _ = run(capsys, ".", "-q", "--config", "b/initlint.toml")
    assert found(out) == {("a/init.py", "INI201"), ("b/init.py", "INI201")}
    _, out, _ = run(capsys, ".", "-q", "--config", "a/pyproject.toml")
    assert found(out) == {("a/model.py", "INI001"), ("a/model.py", "INI101"),
                          ("b/model.py", "INI001"), ("b/model.py", "INI101")}
    # as in ruff, the relative globs of a --config file are relative to the working directory
    write(two_projects, {"conf/initlint.toml": 'per-file-ignores = { "a/*" = ["INI101"] }\n'})
    _, out, _ = run(capsys, ".", "-q", "--config", "conf/initlint.toml")
    assert found(out) == {("b/model.py", "INI101")}


@pytest.mark.parametrize("present, winner", [
    ((".initlint.toml", "initlint.toml", "pyproject.toml"), ".initlint.toml"),
    (("initlint.toml", "pyproject.toml"), "initlint.toml"),
    ((".initlint.toml", "pyproject.toml"), ".initlint.toml"),
    (("pyproject.toml",), "pyproject.toml"),
])
def test_precedence_in_one_folder_is_ruffs(tmp_path, monkeypatch, capsys, present, winner):
    # each file selects one rule only: the finding shows which file was read
    chosen = {".initlint.toml": "INI001", "initlint.toml": "INI101", "pyproject.toml": "INI001"}
    write(tmp_path, {"pkg/model.py": LIGHTNING})
    for name in present:
        table = f'select = ["{chosen[name]}"]\nmodule-bases = ["lightning.LightningModule"]\n'
        if name == "pyproject.toml":
            table = "[tool.initlint]\n" + table.replace('"INI001"', '"INI101", "INI001"')
        (tmp_path / "pkg" / name).write_text(table)
    monkeypatch.chdir(tmp_path)
    _, out, _ = run(capsys, ".", "-q")
    expected = {"pyproject.toml": {"INI001", "INI101"}, "initlint.toml": {"INI101"}, ".initlint.toml": {"INI001"}}
    assert {c for _, c in found(out)} == expected[winner]
    _, out, _ = run(capsys, "--show-settings", "pkg/model.py")
    assert f'Settings path: "{tmp_path / "pkg" / winner}"' in out


def test_the_closest_file_wins_and_is_not_merged_with_the_ones_above(tmp_path, monkeypatch, capsys):
    write(tmp_path, {
        "pyproject.toml": '[tool.initlint]\nignore = ["INI101"]\nmodule-bases = ["lightning.LightningModule"]\n',
        "model.py": LIGHTNING,
        "sub/model.py": LIGHTNING,
        "sub/initlint.toml": 'select = ["INI1"]\n',  # no module-bases here: the root's do not carry over
        "sub/deeper/model.py": LIGHTNING,
        "other/model.py": LIGHTNING,
        "other/pyproject.toml": '[project]\nname = "other"\n',  # no [tool.initlint]: passed over
    })
    monkeypatch.chdir(tmp_path / "sub")  # the working directory does not matter
    _, out, _ = run(capsys, str(tmp_path), "-q")
    assert found(out, tmp_path) == {("model.py", "INI001"), ("other/model.py", "INI001"),
                                    ("sub/model.py", "INI101"), ("sub/deeper/model.py", "INI101")}


def test_per_file_ignores_and_excludes_are_relative_to_their_config_folder(tmp_path, monkeypatch, capsys):
    write(tmp_path, {
        "pkg/initlint.toml": textwrap.dedent('''\
            per-file-ignores = { "models/*" = ["INI001"] }
            extend-exclude = ["legacy/old.py"]
            module-bases = ["lightning.LightningModule"]
        '''),
        "pkg/models/m.py": LIGHTNING,
        "pkg/legacy/old.py": LIGHTNING,
        "pkg/m.py": LIGHTNING,
        "pyproject.toml": '[tool.initlint]\nmodule-bases = ["lightning.LightningModule"]\n',
        "models/m.py": LIGHTNING,  # same relative names at the root, under the root's config: not ignored
        "legacy/old.py": LIGHTNING,
    })
    expected = {("pkg/models/m.py", "INI101"), ("pkg/m.py", "INI001"), ("pkg/m.py", "INI101"),
                ("models/m.py", "INI001"), ("models/m.py", "INI101"),
                ("legacy/old.py", "INI001"), ("legacy/old.py", "INI101")}
    monkeypatch.chdir(tmp_path)
    _, out, _ = run(capsys, ".", "-q")
    assert found(out) == expected
    monkeypatch.chdir(tmp_path / "pkg" / "models")  # nor from another working directory
    _, out, _ = run(capsys, str(tmp_path), "-q")
    assert found(out, tmp_path) == expected
    # a file named explicitly is checked unless the excludes are forced, by its own config
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "pkg/legacy/old.py", "-q")[0] == 1
    assert run(capsys, "pkg/legacy/old.py", "-q", "--force-exclude")[0] == 0
    assert run(capsys, "legacy/old.py", "-q", "--force-exclude")[0] == 1


def test_an_exclude_in_a_parent_config_prunes_a_folder(tmp_path, monkeypatch, capsys):
    write(tmp_path, {"initlint.toml": 'extend-exclude = ["vendor"]\n', "vendor/lib/m.py": LIGHTNING,
                     "src/m.py": LIGHTNING})
    monkeypatch.chdir(tmp_path)
    _, out, _ = run(capsys, ".", "-q")
    assert {p for p, _ in found(out)} == {"src/m.py"}


def test_show_settings(two_projects, capsys):
    code, out, _ = run(capsys, "--show-settings", "a/model.py")
    assert code == 0
    head, _, body = out.partition("\n\n")
    assert head.splitlines() == ['Resolved settings for: "a/model.py"',
                                 f'Settings path: "{two_projects / "a" / "pyproject.toml"}"']
    table = tomllib.loads(body)
    assert table["module-bases"] == ["lightning.LightningModule"]
    assert "INI101" in table["enabled"] and table["ignore"] == []
    assert table["relative-to"] == str(two_projects / "a")
    # a folder: its first file; flags apply as in a run
    code, out, _ = run(capsys, "b", "--show-settings", "--extend-select", "INI209")
    table = tomllib.loads(out.partition("\n\n")[2])
    assert out.startswith('Resolved settings for: "b/init.py"')
    assert table["ignore"] == ["INI101"] and "INI101" not in table["enabled"] and "INI209" in table["enabled"]
    assert table["init-functions"] == ["my_init"]
    # no configuration file: the defaults, said so
    (two_projects / "c").mkdir()
    (two_projects / "c" / "x.py").write_text("x = 1\n")
    code, out, _ = run(capsys, "--show-settings", "c/x.py")
    assert code == 0 and "Settings path: (none: the defaults)" in out
    assert tomllib.loads(out.partition("\n\n")[2])["select"] == ["INI"]


def test_a_broken_config_in_a_sub_project_is_exit_2_naming_it(two_projects, capsys):
    # its files are not checked (with the wrong settings), every other file is, and the run exits 2
    for text in ('selct = ["INI1"]\n', 'ignore = ["INI1"\n'):
        (two_projects / "b" / "initlint.toml").write_text(text)
        code, out, err = run(capsys, ".", "-q")
        assert code == 2 and "b/initlint.toml" in err and "its files were not checked" in err
        assert ("unknown key `selct`" if "selct" in text else "not valid TOML") in err
        assert found(out) == {("a/model.py", "INI001"), ("a/model.py", "INI101")}
    (two_projects / "b" / "initlint.toml").unlink()
    (two_projects / "b" / "pyproject.toml").write_text("[tool.initlint\n")  # maybe ours: the same
    code, out, err = run(capsys, ".", "-q")
    assert code == 2 and "b/pyproject.toml is not valid TOML" in err and {p for p, _ in found(out)} == {"a/model.py"}
    # the first path's own configuration broken: exit 2 before anything is checked, as for --show-settings
    code, out, err = run(capsys, "b", "a")
    assert code == 2 and out == "" and "b/pyproject.toml" in err
    assert run(capsys, "--show-settings", "b/model.py")[0] == 2


def test_settings_are_read_fresh_in_each_run(two_projects, capsys):
    # nothing is cached beyond one run: a changed configuration file is read again
    assert ("b/model.py", "INI101") not in found(run(capsys, ".", "-q")[1])
    (two_projects / "b" / "initlint.toml").write_text('init-functions = ["my_init"]\n')
    assert ("b/model.py", "INI101") in found(run(capsys, ".", "-q")[1])


def test_flake8_reads_each_files_rule_options(two_projects, capsys):
    """The plugin reads the same configuration as ``initlint check`` for the file it checks (rule options;
    the selection stays flake8's)."""
    import subprocess

    def flake8(*args):
        proc = subprocess.run([sys.executable, "-m", "flake8", "--select", "INI", "--format=%(path)s:%(code)s",
                               *args], cwd=two_projects, capture_output=True, text=True, timeout=120)
        assert proc.returncode in (0, 1), proc.stderr
        return {tuple(line.split(":")) for line in proc.stdout.splitlines()}

    files = ["a/model.py", "a/init.py", "b/model.py", "b/init.py"]
    # module-bases from a's pyproject.toml, init-functions from b's initlint.toml; b's `ignore` is flake8's to do
    reported = flake8(*files)
    assert reported == {("a/model.py", "INI001"), ("a/model.py", "INI101"), ("b/model.py", "INI101"),
                        ("b/init.py", "INI201")}
    # what the CLI reports for each file alone, with b's ignore turned off
    for name in files:
        code, out, _ = run(capsys, name, "-q", "--ignore", "")
        assert found(out) == {row for row in reported if row[0] == name}
