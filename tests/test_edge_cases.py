"""Edge cases an independent review of the engine found; each was a wrong answer before."""

import json
import textwrap

from initlint.cli import main

NET = textwrap.dedent('''\
    import torch.nn as nn

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.{attr} = nn.Linear(2, 2)

        def forward(self, x):
            return self.{attr}(x)
''')


def run(capsys, *args):
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_same_module_and_class_names_in_two_script_folders(tmp_path, monkeypatch, capsys):
    for folder, attr in (("a", "fc"), ("b", "conv")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "main.py").write_text(NET.format(attr=attr))
    monkeypatch.chdir(tmp_path)
    assert run(capsys, ".", "-q")[:2] == (0, "")


def test_class_defined_twice_try_except(lint):
    src = '''
import torch.nn as nn
try:
    from fast import Norm
except ImportError:
    class Norm(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight = nn.Linear(2, 2)

        def forward(self, x):
            return self.weight(x)

class Norm2(nn.Module):
    def __init__(self):
        super().__init__()
        self.impl = nn.Linear(2, 2)
'''
    assert lint(src) == []


def test_one_line_compound_statements(lint):
    src = '''
import torch
import torch.nn as nn

class A(nn.Module):
    def __init__(self, bias):
        super().__init__()
        self.w = nn.Parameter(torch.empty(2, 2))
        if bias: self.b = nn.Parameter(torch.zeros(2))
        else: self.b = None
        self.reset_parameters()

    def reset_parameters(self): nn.init.xavier_uniform_(self.w)

    def forward(self, x):
        return x @ self.w + (self.b if self.b is not None else 0)
'''
    assert lint(src) == []


def test_methods_under_if_in_a_class_body_are_positioned(lint):
    src = '''
import torch.nn as nn

class A(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)

    if True:
        def forward(self, x):
            return self.fcc(x)  # noqa: INI2
'''
    findings = lint(src)
    assert [(f.code, f.line, f.column) for f in findings] == [("INI001", 11, 20)]


def test_noqa_lines_after_form_feed_and_line_separator(tmp_path, monkeypatch, capsys):
    src = NET.format(attr="fc").replace("return self.fc(x)", "return self.fcc(x)  # noqa: INI001")
    (tmp_path / "m.py").write_text("# \x0c page break\nS = '\u2028'\n" + src)
    monkeypatch.chdir(tmp_path)
    assert run(capsys, ".", "-q")[:2] == (0, "")


def test_fix_recheck_keeps_rule_options(tmp_path, monkeypatch, capsys):
    (tmp_path / "pyproject.toml").write_text('[tool.initlint]\nmodule-bases = ["lightning.LightningModule"]\n')
    (tmp_path / "m.py").write_text(textwrap.dedent('''\
        import torch.nn as nn
        from lightning import LightningModule

        class Net(LightningModule):
            def forward(self, x):
                nn.init.xavier_uniform(x)
                return self.fcc(x)
    '''))
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, ".", "--fix")
    assert code == 1 and "INI001" in out and "1 remaining" in err


def test_exclude_globs_with_default_path(tmp_path, monkeypatch, capsys):
    (tmp_path / "pyproject.toml").write_text('[tool.initlint]\nextend-exclude = ["third_party/*"]\n')
    (tmp_path / "third_party").mkdir()
    (tmp_path / "third_party" / "x.py").write_text(NET.format(attr="fc").replace("self.fc(x)", "self.fcc(x)"))
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "-q")[:2] == (0, "")
    assert run(capsys, str(tmp_path), "-q")[:2] == (0, "")


def test_config_errors_are_exit_2(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "m.py").write_text("x = 1\n")
    for bad, words in (("[tool.initlint\n", "not valid TOML"), ("tool = 3\n", "`tool` must be a table"),
                       ('[tool]\ninitlint = 3\n', "must be a table"),
                       ('[tool.initlint]\nignore = [""]\n', "names no rule")):
        (tmp_path / "pyproject.toml").write_text(bad)
        code, _, err = run(capsys, ".", "--config", "pyproject.toml")
        assert code == 2 and words in err and "internal error" not in err, bad


def test_statistics_keep_json_parseable(tmp_path, monkeypatch, capsys):
    (tmp_path / "m.py").write_text(NET.format(attr="fc").replace("self.fc(x)", "self.fcc(x)"))
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, ".", "--output-format", "json", "--statistics")
    assert code == 1 and json.loads(out)[0]["code"] == "INI001" and "INI001" in err


def test_rebinding_the_loaded_name_and_explicit_head_init(lint):
    src = '''
import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Linear(2, 2)
        for m in self.modules():
            if isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m.weight)
        self.head = nn.Linear(2, 2)
        nn.init.zeros_(self.head.weight)

def main(path):
    model = Net()
    model.load_state_dict(torch.load(path))
    model = Net()
    for m in model.modules():
        if isinstance(m, nn.Linear):
            nn.init.xavier_uniform_(m.weight)
'''
    assert lint(src) == []


def test_other_spellings_of_dynamic_attributes(lint):
    src = '''
import torch.nn as nn

class B(nn.Module):
    def __init__(self, **kw):
        super().__init__()
        vars(self).update(kw)
    def forward(self, x):
        return self.scale * x

class C(nn.Module):
    def __init__(self):
        super().__init__()
        super().__setattr__("scale", 2)
        object.__setattr__(self, "shift", 1)
        self.__setattr__("fc", nn.Linear(1, 1))
    def forward(self, x):
        return self.fc(x) * self.scale + self.shift
'''
    assert lint(src) == []


def test_context_reads_the_project_but_reports_only_the_checked_files(tmp_path, monkeypatch, capsys):
    (tmp_path / "base.py").write_text(textwrap.dedent('''\
        import torch.nn as nn

        class Base(nn.Module):
            def forward(self, x):
                return self.head(self.encoder(x))
    '''))
    (tmp_path / "impl.py").write_text(textwrap.dedent('''\
        import torch.nn as nn
        from base import Base

        class Impl(Base):
            def __init__(self):
                super().__init__()
                self.encoder = nn.Linear(2, 2)
                self.head = nn.Linear(2, 2)
                nn.init.xavier_normal(self.head.weight)
    '''))
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "base.py", "-q")  # alone, the subclass that defines the layers is unknown
    assert code == 1 and "INI001" in out
    assert run(capsys, "base.py", "--context", ".", "-q")[:2] == (0, "")
    code, out, _ = run(capsys, "impl.py", "--context", ".", "-q")  # findings only for the files checked
    assert code == 1 and [line.split(":")[0] for line in out.splitlines()] == ["impl.py"]


def test_methods_calling_each_other_in_init_are_followed_once(tmp_path):
    """INI302 follows `self.x()` calls from `__init__` into the methods they reach; two methods that call each
    other (found on held-out code) must not recurse without end."""
    from initlint.engine import check_paths
    from initlint.rules import select_rules

    path = tmp_path / "m.py"
    path.write_text(
        "import torch.nn as nn\n\n\nclass Teacher(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
        "        self.reset()\n        self.fc = nn.Linear(2, 2)\n\n    def reset(self):\n        self.share()\n"
        "        for m in self.modules():\n            nn.init.zeros_(m.weight)\n\n"
        "    def share(self):\n        self.reset()\n")
    result = check_paths([str(path)], select_rules(["INI302"]), jobs=1)
    assert not result.errors
    assert [f.code for f in result.findings] == ["INI302"]
