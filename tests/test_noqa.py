"""Suppressions that mean what they say (issue 8, section 6, and `--add-noqa` of section 5).

``# noqa`` is read from real comments only; malformed directives are warned about with ruff's words;
``# initlint: noqa: CODES`` suppresses only its codes; INI901 reports (and removes) codes that suppress nothing;
``--add-noqa`` puts its comment only where a comment can go.
"""

from __future__ import annotations

import ast
import json
import re
import textwrap

import pytest

from initlint.cli import main
from initlint.flake8_plugin import check_text
from initlint.rules import RULES

HEAD = "import torch.nn as nn\n\n\n"
INIT = HEAD + "def init(m):\n    nn.init.xavier_normal(m.weight){tail}\n    self_check = 1\n"
# INI101 on line 5; INI001 (an attribute the class never defines) on line 11
TWO = HEAD + textwrap.dedent('''\
    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(2, 2)
            nn.init.xavier_normal(self.fc.weight){tail}

        def forward(self, x):
            return self.fcc(x){tail2}
''')


def run(capsys, *args):
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def found(capsys, *args):
    code, out, err = run(capsys, "--output-format", "json", *args)
    assert code in (0, 1), err
    return [(d["code"], d["location"]["row"]) for d in json.loads(out)], err


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


# ---- 1. only real comments -----------------------------------------------------------------------------
def test_noqa_inside_a_string_suppresses_nothing(project, capsys):
    (project / "m.py").write_text(INIT.format(tail='; note = "# noqa"'))
    assert found(capsys, "m.py")[0] == [("INI101", 5)]
    (project / "m.py").write_text(INIT.format(tail="; note = '# noqa: INI101'"))
    assert found(capsys, "m.py")[0] == [("INI101", 5)]
    # a docstring line that reads like a file-level exemption exempts nothing
    (project / "m.py").write_text('"""Helpers.\n\n# initlint: noqa\n"""\n' + INIT.format(tail=""))
    assert found(capsys, "m.py")[0] == [("INI101", 9)]
    # the real comment still works, after a string that mentions noqa
    (project / "m.py").write_text(INIT.format(tail='; note = "# noqa: E501"  # noqa: INI101'))
    assert found(capsys, "m.py")[0] == []


def test_noqa_on_the_last_line_of_a_multi_line_string(project, capsys):
    # as ruff reads it: a finding that starts where a multi-line string starts is suppressed on the string's
    # last line (the first line cannot hold a comment); so is a backslash continuation's
    body = HEAD + 'def init(m):\n    nn.init.normal(m.weight, std=float("""\n0.02"""))  # noqa: INI101\n'
    (project / "m.py").write_text(body)
    assert found(capsys, "m.py")[0] == []
    body = HEAD + "def init(m):\n    nn.init.normal(m.weight, \\\n        std=0.02)  # noqa: INI101\n"
    (project / "m.py").write_text(body)
    assert found(capsys, "m.py")[0] == []
    # a comment anywhere else does not count
    body = HEAD + "def init(m):\n    nn.init.normal(m.weight,\n        std=0.02)  # noqa: INI101\n"
    (project / "m.py").write_text(body)
    assert found(capsys, "m.py")[0] == [("INI101", 5)]


def test_text_that_cannot_be_tokenized_suppresses_nothing():
    from initlint import noqa

    broken = 'x = 1  # noqa\ny = """never closed\n# noqa\n'
    file = noqa.scan(broken)
    assert not file.tokenized and file.directives == {} and not file.exempt_all
    assert noqa.apply(file, [_finding(1)])[1] == 0


# ---- 2. malformed directives ---------------------------------------------------------------------------
def test_noqa_without_colon_warns_with_file_and_line(project, capsys):
    (project / "m.py").write_text(TWO.format(tail="", tail2="  # noqa INI001"))
    code, out, err = run(capsys, "m.py")
    # ruff reads `# noqa INI001` as a blanket noqa: so does initlint, but never silently
    assert "warning: Invalid `# noqa` directive on m.py:11: expected `:` followed by a comma-separated list of" \
           " codes" in err
    assert "blanket" in err and err.count("warning:") == 1
    assert "INI001" not in out and "INI101" in out
    # a file without findings is warned about too, and --output-format json keeps stdout clean
    (project / "clean.py").write_text("x = 1  # noqa INI101\n")
    codes, err = found(capsys, "clean.py")
    assert codes == [] and "warning: Invalid `# noqa` directive on clean.py:1:" in err
    # a code that names no rule (ruff's wording), on a line and at file level
    (project / "clean.py").write_text("# initlint: noqa: INI9999\nx = 1  # noqa: INI19, E501, INI1\n")
    err = run(capsys, "clean.py")[2]
    assert err.splitlines() == ["warning: Invalid rule code provided to `# initlint: noqa` at clean.py:1: INI9999",
                                "warning: Invalid rule code provided to `# noqa` at clean.py:2: INI19"]
    # a blanket noqa with an explanation is not a mistake
    (project / "clean.py").write_text("x = 1  # noqa because generated\n")
    assert run(capsys, "clean.py")[2] == ""


def test_invalid_noqa_directives_warn_and_suppress_nothing(project, capsys):
    for comment, why in (("# noqa: unused-import", "expected a comma-separated list of codes"),
                         ("# noqa:", "expected a comma-separated list of codes"),
                         ("# noqa[INI101]", "expected `:` followed by a comma-separated list of codes"),
                         ("# noqa: INI101abc", "expected code to consist of uppercase letters followed by digits")):
        (project / "m.py").write_text(INIT.format(tail="  " + comment))
        codes, err = found(capsys, "m.py")
        assert codes == [("INI101", 5)], comment
        assert f"warning: Invalid `# noqa` directive on m.py:5: {why}" in err, (comment, err)
    # what ruff accepts is accepted without a word
    for comment in ("#noqa:INI101", "# NOQA: INI101", "# noqa: INI101 (a deliberate alias)", "# noqa: E501,INI1",
                    "# a reason # noqa: INI101", "# noqa:INI101,  INI201", "# noqa"):
        (project / "m.py").write_text(INIT.format(tail="  " + comment))
        assert found(capsys, "m.py") == ([], ""), comment


# ---- 3. file-level codes -------------------------------------------------------------------------------
def test_file_level_noqa_with_codes_suppresses_only_those(project, capsys):
    (project / "m.py").write_text("# initlint: noqa: INI101\n" + TWO.format(tail="", tail2=""))
    assert found(capsys, "m.py")[0] == [("INI001", 12)]
    (project / "m.py").write_text("#initlint:noqa:INI0\n" + TWO.format(tail="", tail2=""))  # a prefix
    assert found(capsys, "m.py")[0] == [("INI101", 9)]
    (project / "m.py").write_text("# initlint: noqa: INI001, INI101\n" + TWO.format(tail="", tail2=""))
    assert found(capsys, "m.py")[0] == []
    # the bare form still skips every rule
    (project / "m.py").write_text(TWO.format(tail="", tail2="") + "    # initlint: noqa\n")
    assert found(capsys, "m.py")[0] == []


def test_file_level_noqa_must_stand_on_its_own_line(project, capsys):
    (project / "m.py").write_text(TWO.format(tail="", tail2="") + "x = 1  # initlint: noqa\n")
    codes, err = found(capsys, "m.py")
    assert codes == [("INI101", 8), ("INI001", 11)]
    assert "warning: Unexpected `# initlint: noqa` directive at m.py:12. File-level suppression comments must" \
           " appear on their own line." in err
    (project / "m.py").write_text("# initlint: noqa INI101\n" + TWO.format(tail="", tail2=""))
    codes, err = found(capsys, "m.py")
    assert codes == [] and "warning: Invalid `# initlint: noqa` directive at m.py:1:" in err


def test_flake8_plugin_reads_file_level_codes_like_the_cli():
    text = "# initlint: noqa: INI101\n" + TWO.format(tail="", tail2="")
    assert [(f.code, f.line) for f in check_text(text, "m.py")] == [("INI001", 12)]
    text = '"""# initlint: noqa"""\n' + TWO.format(tail="", tail2="")
    assert [(f.code, f.line) for f in check_text(text, "m.py")] == [("INI101", 9), ("INI001", 12)]
    assert check_text("# initlint: noqa\n" + TWO.format(tail="", tail2=""), "m.py") == []


# ---- 4. INI901 unused-noqa -----------------------------------------------------------------------------
def test_unused_noqa_is_opt_in_and_listed(capsys):
    rule = RULES["INI901"]
    assert (rule.name, rule.default, rule.fixable) == ("unused-noqa", False, True)
    assert main(["rule", "--all"]) == 0
    assert any(line.split()[:3] == ["INI901", "unused-noqa", "off"] for line in capsys.readouterr().out.splitlines())


def test_unused_noqa_reports_codes_that_suppress_nothing(project, capsys):
    (project / "m.py").write_text(TWO.format(tail="  # noqa: INI101", tail2="  # noqa: E501, INI001, INI303"))
    assert found(capsys, "m.py")[0] == []  # off by default
    code, out, err = run(capsys, "m.py", "--extend-select", "INI901")
    assert code == 1
    assert out.splitlines()[0] == "m.py:11:29: INI901 Unused `noqa` directive (unused: `INI303`)"
    assert len(out.splitlines()) == 2  # that finding, then the count
    # used codes, other tools' codes and blanket comments are never reported
    (project / "m.py").write_text(TWO.format(tail="  # noqa: INI101, E501", tail2="  # noqa"))
    assert found(capsys, "m.py", "--extend-select", "INI901")[0] == []
    # duplicated codes
    (project / "m.py").write_text(TWO.format(tail="  # noqa: INI101, INI101", tail2="  # noqa"))
    code, out, _ = run(capsys, "m.py", "--extend-select", "INI901")
    assert "INI901 Unused `noqa` directive (duplicated: `INI101`)" in out


def test_unused_noqa_judges_only_rules_that_ran(project, capsys):
    (project / "m.py").write_text(TWO.format(tail="  # noqa: INI101", tail2="  # noqa: INI001, INI209"))
    # INI209 is opt-in and did not run: its code may suppress something in a run that selects it
    assert found(capsys, "m.py", "--extend-select", "INI901")[0] == []
    # INI101 ignored: not judged either; the prefix INI2 covers rules that did not run
    (project / "m.py").write_text(TWO.format(tail="  # noqa: INI101, INI2", tail2="  # noqa: INI001"))
    assert found(capsys, "m.py", "--extend-select", "INI901", "--ignore", "INI101")[0] == []
    # with every rule selected, INI209 and INI2 are judged
    codes = found(capsys, "m.py", "--select", "ALL")[0]
    assert ("INI901", 8) in codes


def test_unused_noqa_can_be_silenced(project, capsys):
    (project / "m.py").write_text(TWO.format(tail="  # noqa: INI101, INI303, INI901", tail2=""))
    assert found(capsys, "m.py", "--extend-select", "INI901")[0] == [("INI001", 11)]
    (project / "m.py").write_text("# initlint: noqa: INI901\n" + TWO.format(tail="  # noqa: INI303", tail2=""))
    assert found(capsys, "m.py", "--extend-select", "INI901")[0] == [("INI101", 9), ("INI001", 12)]


@pytest.mark.parametrize("before, after", [
    ("    nn.init.xavier_normal_(m.weight)  # noqa: E501, INI101\n", "    nn.init.xavier_normal_(m.weight)  # noqa: E501\n"),
    ("    nn.init.xavier_normal_(m.weight)  # noqa: INI101\n", "    nn.init.xavier_normal_(m.weight)\n"),
    ("    nn.init.xavier_normal_(m.weight)  # noqa:INI101,INI102\n", "    nn.init.xavier_normal_(m.weight)\n"),
    ("    nn.init.xavier_normal_(m.weight)  # noqa: INI101 # type: ignore\n",
     "    nn.init.xavier_normal_(m.weight)  # type: ignore\n"),
    ("    nn.init.xavier_normal_(m.weight)  # noqa: INI101 kept for now\n",
     "    nn.init.xavier_normal_(m.weight)  # kept for now\n"),
    ("    nn.init.xavier_normal_(m.weight)  # why # noqa: INI101\n", "    nn.init.xavier_normal_(m.weight)  # why\n"),
    ("    # noqa: INI101\n    nn.init.xavier_normal_(m.weight)\n", "    nn.init.xavier_normal_(m.weight)\n"),
    ("    nn.init.xavier_normal_(  # noqa: INI101\n        m.weight)\n",
     "    nn.init.xavier_normal_(\n        m.weight)\n"),
])
def test_unused_noqa_fix(project, capsys, before, after):
    source = HEAD + "def init(m):\n" + before
    (project / "m.py").write_text(source)
    code, out, err = run(capsys, "m.py", "--extend-select", "INI901", "--fix")
    assert (project / "m.py").read_text() == HEAD + "def init(m):\n" + after
    assert code == 0 and "Fixed 1 error" in err
    assert ast.dump(ast.parse(source)) == ast.dump(ast.parse(after.join([HEAD + "def init(m):\n", ""])))


def test_unused_noqa_fix_in_json_and_beside_other_fixes(project, capsys):
    (project / "m.py").write_text(HEAD + "def init(m):\n    nn.init.xavier_normal(m.weight)  # noqa: INI303\n")
    code, out, err = run(capsys, "m.py", "--extend-select", "INI901", "--output-format", "json")
    data = {d["code"]: d for d in json.loads(out)}
    assert set(data) == {"INI101", "INI901"}
    assert data["INI901"]["fix"]["applicability"] == "safe"
    assert data["INI901"]["fix"]["edits"] == [{"content": "", "location": {"row": 5, "column": 36},
                                               "end_location": {"row": 5, "column": 52}}]
    run(capsys, "m.py", "--extend-select", "INI901", "--fix")
    assert (project / "m.py").read_text() == HEAD + "def init(m):\n    nn.init.xavier_normal_(m.weight)\n"


# ---- 5. --add-noqa -------------------------------------------------------------------------------------
ODD_LINES = HEAD + textwrap.dedent('''\
    S = "\u2028"  # a line separator, then a page break \x0c
    T = "a\x0cb"


    def init(m):
        doc = """text
        more"""; nn.init.xavier_normal(m.weight)
        x = nn.init.normal(m.weight, """
    text"""); y = 1
        z = nn.init.uniform(m.weight) + \\
            1
''')


def test_add_noqa_after_form_feed_and_line_separator(project, capsys):
    (project / "m.py").write_text(ODD_LINES)
    before = ast.dump(ast.parse(ODD_LINES))
    assert [c for c, _ in found(capsys, "m.py")[0]] == ["INI101", "INI101", "INI101"]
    code, out, err = run(capsys, "m.py", "--add-noqa")
    assert "Added `# noqa` for 3 errors." in err and "cannot add" not in err
    after = (project / "m.py").read_text()
    assert ast.dump(ast.parse(after)) == before  # no string changed
    assert after.count("# noqa: INI101") == 3
    lines = re.split(r"\r\n|\r|\n", after)  # Python's lines
    assert lines[9].endswith('more"""; nn.init.xavier_normal(m.weight)  # noqa: INI101')
    assert lines[11] == 'text"""); y = 1  # noqa: INI101'  # the string's last line
    assert lines[13] == "        1  # noqa: INI101"  # the continuation's last line
    assert found(capsys, "m.py") == ([], "")
    # and once more changes nothing
    run(capsys, "m.py", "--add-noqa")
    assert (project / "m.py").read_text() == after


def test_add_noqa_with_lone_cr_line_endings(project, capsys):
    source = ODD_LINES.replace("\n", "\r")
    (project / "m.py").write_bytes(source.encode())
    code, out, err = run(capsys, "m.py", "--add-noqa")
    assert "Added `# noqa` for 3 errors." in err
    data = (project / "m.py").read_bytes().decode()
    assert "\n" not in data and data.count("\r") == source.count("\r")
    assert ast.dump(ast.parse(data)) == ast.dump(ast.parse(source))
    assert data.count("# noqa: INI101") == 3
    assert found(capsys, "m.py") == ([], "")


def test_add_noqa_leaves_an_invalid_directive_to_the_user(project, capsys):
    source = INIT.format(tail="  # noqa: unused-import")
    (project / "m.py").write_text(source)
    code, out, err = run(capsys, "m.py", "--add-noqa")
    assert (project / "m.py").read_text() == source
    assert "m.py:5: cannot add `# noqa`" in err and code == 1


def _finding(line):
    from initlint.rules import Finding

    return Finding("INI101", "m", "m.py", None, line, 1, line, 2)


def test_add_noqa_never_silences_unused_noqa(project, capsys):
    source = INIT.format(tail="  # noqa: INI101, INI303")
    (project / "m.py").write_text(source)
    code, out, err = run(capsys, "m.py", "--add-noqa", "--extend-select", "INI901")
    assert (project / "m.py").read_text() == source and code == 1
    assert "INI901 Unused `noqa` directive (unused: `INI303`)" in out
