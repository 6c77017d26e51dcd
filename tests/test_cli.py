"""The CLI as users meet it: selection, formats, exit codes, noqa, discovery, no torch."""

import json
import os
import subprocess
import sys
import textwrap

import pytest

from _helpers import ROOT
from initlint.cli import main

SRC = textwrap.dedent('''\
    import torch.nn as nn

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(2, 2)
            nn.init.xavier_normal(self.fc.weight)

        def forward(self, x):
            return self.fc2(x)
''')


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "model.py").write_text(SRC)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *args):
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_exit_codes_and_concise_output(project, capsys):
    code, out, _ = run(capsys, ".")
    assert code == 1
    assert out.splitlines()[:2] == [
        "model.py:7:9: INI101 `nn.init.xavier_normal` is deprecated (FutureWarning); use the in-place `xavier_normal_`",
        "model.py:10:16: INI001 `self.fc2` is read in `forward` but `Net` never defines it (AttributeError at run time);"
        " did you mean `self.fc`?",
    ]
    assert out.rstrip().endswith("Found 2 errors (1 fixable with `--fix`).")
    assert run(capsys, ".", "--exit-zero")[0] == 0
    (project / "model.py").write_text("x = 1\n")
    code, out, _ = run(capsys, ".")
    assert code == 0 and "All checks passed!" in out


def test_select_ignore_prefixes(project, capsys):
    assert "INI101" not in run(capsys, ".", "--select", "INI0")[1]
    assert "INI001" not in run(capsys, ".", "--ignore", "INI0")[1]
    assert "INI001" not in run(capsys, ".", "--select", "INI1")[1]
    code, _, err = run(capsys, ".", "--select", "XYZ9")
    assert code == 2 and "names no rule" in err


def test_json_has_ruff_fields(project, capsys):
    code, out, _ = run(capsys, ".", "--output-format", "json")
    data = json.loads(out)
    assert code == 1 and len(data) == 2
    first = data[0]
    assert set(first) == {"code", "message", "filename", "cell", "location", "end_location", "fix", "url",
                          "noqa_row", "related"}
    assert first["related"] == []  # INI101 involves one place only
    assert first["cell"] is None  # ruff's field: the cell of a notebook, null for a .py file
    assert first["location"] == {"row": 7, "column": 9} and first["filename"] == "model.py"
    assert first["fix"]["applicability"] == "safe"
    assert first["fix"]["edits"] == [{"content": "_", "location": {"row": 7, "column": 30},
                                      "end_location": {"row": 7, "column": 30}}]
    assert data[1]["fix"] is None and data[1]["noqa_row"] == 10


def test_noqa_like_flake8(project, capsys):
    text = SRC.replace("return self.fc2(x)", "return self.fc2(x)  # noqa: INI001")
    text = text.replace("nn.init.xavier_normal(self.fc.weight)", "nn.init.xavier_normal(self.fc.weight)  # NOQA:INI1")
    (project / "model.py").write_text(text)
    assert run(capsys, ".")[0] == 0
    (project / "model.py").write_text(SRC.replace("return self.fc2(x)", "return self.fc2(x)  # noqa: E501"))
    assert "INI001" in run(capsys, ".")[1]
    (project / "model.py").write_text(SRC.replace("return self.fc2(x)", "return self.fc2(x)  # noqa"))
    assert "INI001" not in run(capsys, ".")[1]
    (project / "model.py").write_text("# initlint: noqa\n" + SRC)
    assert run(capsys, ".")[0] == 0


def test_statistics_and_quiet(project, capsys):
    _, out, _ = run(capsys, ".", "--statistics", "-q")
    assert "    1\tINI001\t[ ] undefined-layer" in out and "    1\tINI101\t[*] deprecated-init-function" in out
    assert "Found" not in out


def test_default_excludes_and_gitignore(project, capsys):
    for d in (".venv", "build", "site-packages", "node_modules", "generated"):
        (project / d).mkdir()
        (project / d / "m.py").write_text(SRC)
    (project / ".gitignore").write_text("generated/\n")
    _, out, _ = run(capsys, ".", "-q")
    assert {line.split(":")[0] for line in out.splitlines()} == {"model.py"}
    _, out, _ = run(capsys, ".", "-q", "--no-respect-gitignore")
    assert "generated/m.py" in out


def test_output_sorted_by_path_line_column(project, capsys):
    (project / "a.py").write_text(SRC)
    _, out, _ = run(capsys, ".", "-q")
    keys = [(line.split(":")[0], int(line.split(":")[1]), int(line.split(":")[2])) for line in out.splitlines()]
    assert keys == sorted(keys) and keys[0][0] == "a.py"


def test_pyproject_config_and_errors(project, capsys):
    (project / "pyproject.toml").write_text('[tool.initlint]\nignore = ["INI1"]\n')
    assert "INI101" not in run(capsys, ".")[1]
    assert "INI101" in run(capsys, ".", "--ignore", "INI9")[1]  # the flag overrides the file
    (project / "pyproject.toml").write_text('[tool.initlint]\nselct = ["INI1"]\n')
    code, _, err = run(capsys, ".")
    assert code == 2 and "unknown key `selct`" in err
    (project / "pyproject.toml").write_text('[tool.initlint]\nper-file-ignores = {"model.py" = ["INI001"]}\n')
    out = run(capsys, ".")[1]
    assert "INI001" not in out and "INI101" in out


def test_rule_command(capsys):
    assert main(["rule", "INI001"]) == 0
    assert capsys.readouterr().out.startswith("# INI001 undefined-layer")
    assert main(["rule", "NOPE"]) == 2


def test_static_path_never_imports_torch(project):
    script = textwrap.dedent('''\
        import sys
        import initlint
        from initlint.cli import main
        code = main(["check", ".", "--select", "ALL", "-q", "-j", "2"])
        assert "torch" not in sys.modules, "torch was imported"
        print("exit", code)
    ''')
    for i in range(20):  # enough files for the worker pool
        (project / f"m{i}.py").write_text(SRC)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=project)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().endswith("exit 1")


def test_parallel_and_serial_agree(project, capsys):
    for i in range(20):
        (project / f"m{i}.py").write_text(SRC.replace("fc2", f"fc{i + 10}"))
    serial = run(capsys, ".", "-j", "1", "-q")[1]
    parallel = run(capsys, ".", "-j", "2", "-q")[1]
    assert serial == parallel and serial.count("INI001") == 21


def test_force_exclude_applies_to_folders_of_named_files(project, capsys):
    (project / "build").mkdir()
    (project / "build" / "gen.py").write_text(SRC)
    assert run(capsys, "build/gen.py", "-q")[0] == 1  # named explicitly: checked
    assert run(capsys, "build/gen.py", "-q", "--force-exclude")[0] == 0  # unless excludes are forced
    assert run(capsys, "model.py", "-q", "--force-exclude")[0] == 1


OPTIONS_SRC = textwrap.dedent('''\
    import torch.nn as nn
    from lightning import LightningModule
    from mmengine.runner import load_checkpoint
    from mylib.init import my_init

    class Head(LightningModule):
        def forward(self, x):
            return self.fc(x)

    def init_weights(m):
        if isinstance(m, nn.Linear):
            my_init(m.weight)
            my_init(m.bias)

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(2, 2, bias=False)

    def build(path):
        model = Net()
        load_checkpoint(model, path)
        model.apply(init_weights)
        model.finetune()
        return model
''')


def test_rule_options_from_pyproject(tmp_path, monkeypatch, capsys):
    (tmp_path / "model.py").write_text(OPTIONS_SRC)
    monkeypatch.chdir(tmp_path)
    # without options: the Lightning base is unknown (INI001 silent), my_init is not an initializer
    # (INI201 silent), load_checkpoint is not a loader (INI301 silent)
    assert run(capsys, ".", "-q")[0] == 0
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent('''\
        [tool.initlint]
        module-bases = ["lightning.LightningModule"]
        init-functions = ["my_init"]
        pretrained-loaders = ["load_checkpoint"]
    '''))
    code, out, _ = run(capsys, ".", "-q")
    found = [(line.split(":")[1], line.split(" ")[1]) for line in out.splitlines()]
    assert code == 1 and found == [("8", "INI001"), ("13", "INI201"), ("23", "INI301")]
    (tmp_path / "pyproject.toml").write_text('[tool.initlint]\ninit-functions = "my_init"\n')
    code, _, err = run(capsys, ".")
    assert code == 2 and "`init-functions` must be a list" in err


def test_modular_template_with_generated_twin_is_reported_once(tmp_path, monkeypatch, capsys):
    body = SRC.replace("nn.init.xavier_normal(self.fc.weight)", "pass")
    (tmp_path / "modular_net.py").write_text(body)
    generated = ("#                🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨🚨\n"
                 "#           This file was automatically generated from src/transformers/models/net/modular_net.py.\n"
                 "#               Do NOT edit this file manually as any edits will be overwritten.\n")
    (tmp_path / "modeling_net.py").write_text(generated + body)
    monkeypatch.chdir(tmp_path)
    _, out, _ = run(capsys, ".", "-q")
    assert [line.split(":")[0] for line in out.splitlines()] == ["modeling_net.py"]
    (tmp_path / "modeling_net.py").unlink()  # without its twin, the template is checked
    _, out, _ = run(capsys, ".", "-q")
    assert [line.split(":")[0] for line in out.splitlines()] == ["modular_net.py"]


def test_positions_laid_out_per_statement_match_the_whole_module():
    import libcst as cst

    from initlint import positions

    for path in sorted(os.listdir(os.path.join(ROOT, "examples", "seed"))):
        module = cst.parse_module(open(os.path.join(ROOT, "examples", "seed", path), encoding="utf-8").read())
        full = positions.compute_positions(module)
        for index in range(len(module.body)):
            for node, where in positions.compute_positions(module, [("body", index)]).items():
                assert full[node] == where
