"""``--fix``, ``--unsafe-fixes``, ``--diff`` and ``--add-noqa``: real edits, written safely, idempotent."""

from __future__ import annotations

import ast
import contextlib
import difflib
import io
import os
import shutil
import stat
import textwrap

import pytest

from initlint import fixer
from initlint.cli import main
from initlint.engine import check_paths
from initlint.pages import code_blocks, page, sections
from initlint.rules import RULES, Finding, Fix, select_rules

FIXABLE_PAGES = sorted(code for code in RULES if RULES[code].fixable and page(code) is not None)


def _block(code, section):
    return code_blocks(sections(page(code))[section])[0]


def run_cli(args, cwd):
    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    try:
        os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["check", *args])
    finally:
        os.chdir(here)
    return code, out.getvalue(), err.getvalue()


def snapshot(root):
    out = {}
    for folder, _, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                out[os.path.relpath(path, root)] = handle.read()
    return out


@pytest.fixture
def pages(tmp_path):
    """Every rule page's Example block, each in its own folder (its own one-file project)."""
    for code in sorted(RULES):
        if page(code) is None:
            continue
        folder = tmp_path / code
        folder.mkdir()
        (folder / "example.py").write_text(_block(code, "example"))
    return tmp_path


def findings_in(root, select=("ALL",)):
    return check_paths([str(root)], select_rules(list(select)), jobs=1).findings


def test_fix_over_every_rule_page_parses_and_is_idempotent(pages):
    before = findings_in(pages)
    safe = [f for f in before if f.fix is not None and f.fix.edits and f.fix.applicability == "safe"]
    assert {f.code for f in safe} >= {"INI101", "INI201", "INI209", "INI303"}
    code, out, err = run_cli(["--select", "ALL", "--fix", "."], pages)
    after = findings_in(pages)
    assert code == (1 if after else 0)
    assert f"Fixed {len(safe)} errors, {len(after)} remaining." in err
    assert len(out.strip().splitlines()) == len(after) + 1  # the report lists what is left, then the count
    for path, data in snapshot(pages).items():
        if path.endswith(".py") and not path.startswith("INI900"):
            ast.parse(data)
    assert not any(f.fix is not None and f.fix.edits and f.fix.applicability == "safe" for f in after)
    first = snapshot(pages)
    code, out, err = run_cli(["--select", "ALL", "--fix", "."], pages)
    assert snapshot(pages) == first, "a second --fix changed something"
    assert f"Fixed 0 errors, {len(after)} remaining." in err


@pytest.mark.parametrize("code", FIXABLE_PAGES)
def test_fixed_example_is_the_use_instead_block(code, tmp_path):
    example = _block(code, "example")
    (tmp_path / "example.py").write_text(example)
    found = [f for f in findings_in(tmp_path) if f.code == code]
    if not any(f.fix is not None and f.fix.edits for f in found):
        pytest.skip(f"{code}'s example has no automatic edit (its fix is a message)")
    run_cli(["--select", "ALL", "--fix", "--unsafe-fixes", "example.py"], tmp_path)
    assert (tmp_path / "example.py").read_text() == _block(code, "use instead")


def test_diff_shows_the_fix_and_writes_nothing(pages, tmp_path):
    original = snapshot(pages)
    code, out, err = run_cli(["--select", "ALL", "--diff", "."], pages)
    assert code == 1
    assert snapshot(pages) == original, "--diff wrote files"
    assert "Would fix" in err
    fixed = tmp_path / "fixed"
    shutil.copytree(pages, fixed)
    run_cli(["--select", "ALL", "--fix", "."], fixed)
    expected = ""
    for path, data in sorted(snapshot(fixed).items()):
        if data != original[path]:
            name = path.replace(os.sep, "/")
            expected += "".join(difflib.unified_diff(original[path].decode().splitlines(True),
                                                     data.decode().splitlines(True), f"a/{name}", f"b/{name}"))
    assert out == expected and out.count("+++ b/") == 5  # INI101, INI201, INI209, INI303, INI901
    # nothing to fix: empty diff, exit 0
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "ok.py").write_text(_block("INI101", "use instead"))
    assert run_cli(["--diff", "."], clean)[:2] == (0, "")


UNSAFE = """\
import torch.nn as nn


def init(m):
    if type(m) == nn.Linear:
        nn.init.xavier_normal_(m.weight)
        nn.init.constant(m.bias, 0.0)


class Head(nn.Linear):
    pass


net = nn.Sequential(Head(2, 2))
net.apply(init)
"""


def test_unsafe_fixes_need_the_flag(tmp_path):
    path = tmp_path / "m.py"
    path.write_text(UNSAFE)
    code, out, err = run_cli(["--fix", "m.py"], tmp_path)
    text = path.read_text()
    # the safe INI101 fix is applied, the unsafe INI204 rewrite is not
    assert "nn.init.constant_(m.bias, 0.0)" in text and "if type(m) == nn.Linear:" in text
    assert "Fixed 1 error, 1 remaining." in err and code == 1
    assert "Found 1 error." in out  # the unsafe one is not counted as fixable with --fix
    code, out, err = run_cli(["--fix", "--unsafe-fixes", "m.py"], tmp_path)
    assert "    if isinstance(m, nn.Linear):" in path.read_text()
    assert "Fixed 1 error" in err and code == 0
    # --unsafe-fixes alone (no --fix, no --diff) writes nothing
    path.write_text(UNSAFE)
    run_cli(["--unsafe-fixes", "m.py"], tmp_path)
    assert path.read_text() == UNSAFE


GUARD = "import torch.nn as nn\n\n\ndef init(m):\n    if isinstance(m, nn.Linear):\n        nn.init.zeros_(m.bias)\n"


def _guard_finding(path, line=6, col=9, end=31):
    return Finding("INI209", "m", str(path), None, line, col, line, end,
                   Fix("guard", "safe", [((line, col, line, end), "wrap_if", "m.bias is not None")]))


def test_written_atomically_keeping_mode_and_crlf(tmp_path):
    path = tmp_path / "m.py"
    path.write_bytes(GUARD.replace("\n", "\r\n").encode())
    os.chmod(path, 0o751)
    outcome = fixer.fix_files([_guard_finding(path)])
    assert outcome.fixed == 1 and not outcome.problems
    data = path.read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n") == GUARD.count("\n") + 1
    assert b"        if m.bias is not None:\r\n            nn.init.zeros_(m.bias)\r\n" in data
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o751
    assert sorted(os.listdir(tmp_path)) == ["m.py"], "temporary file left behind"


def test_encoding_bom_and_symlinks_are_kept(tmp_path):
    latin = "# -*- coding: latin-1 -*-\n# café\n" + GUARD
    real = tmp_path / "real.py"
    real.write_bytes(latin.encode("latin-1"))
    link = tmp_path / "link.py"
    link.symlink_to(real)
    fixer.fix_files([_guard_finding(link, line=8)])
    assert link.is_symlink()
    data = real.read_bytes()
    assert data.startswith("# -*- coding: latin-1 -*-\n# café\n".encode("latin-1"))
    assert b"if m.bias is not None:" in data
    bom = tmp_path / "bom.py"
    bom.write_bytes(b"\xef\xbb\xbf" + GUARD.encode())
    fixer.fix_files([_guard_finding(bom)])
    assert bom.read_bytes().startswith(b"\xef\xbb\xbfimport torch") and b"is not None" in bom.read_bytes()


def test_failed_write_leaves_the_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "m.py"
    path.write_text(GUARD)

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fixer.os, "replace", boom)
    outcome = fixer.fix_files([_guard_finding(path)])
    assert path.read_text() == GUARD and outcome.fixed == 0 and outcome.remaining
    assert "No space left on device" in outcome.problems[0]
    assert sorted(os.listdir(tmp_path)) == ["m.py"]


def test_result_that_does_not_parse_is_not_written(tmp_path):
    path = tmp_path / "m.py"
    path.write_text("x = 1\n")
    bad = Finding("INI999", "m", str(path), None, 1, 1, 1, 2, Fix("f", "safe", [((1, 1, 1, 2), "replace", "f()")]))
    outcome = fixer.fix_files([bad])
    assert path.read_text() == "x = 1\n" and outcome.fixed == 0
    assert "would not parse" in outcome.problems[0]


def test_wrap_if_splits_statement_lines_and_suites_keeping_comments(tmp_path):
    source = textwrap.dedent("""\
        def init(m):
            # set up
            nn.init.normal_(m.weight); nn.init.zeros_(m.bias)  # keep me
            if m: nn.init.zeros_(m.bias)
    """)
    path = tmp_path / "m.py"
    path.write_text(source)
    one = Finding("INI209", "m", str(path), None, 3, 32, 3, 54,
                  Fix("g", "safe", [((3, 32, 3, 54), "wrap_if", "m.bias is not None")]))
    two = Finding("INI209", "m", str(path), None, 4, 11, 4, 33,
                  Fix("g", "safe", [((4, 11, 4, 33), "wrap_if", "m.bias is not None")]))
    assert fixer.fix_files([one, two]).fixed == 2
    assert path.read_text() == textwrap.dedent("""\
        def init(m):
            # set up
            nn.init.normal_(m.weight)
            if m.bias is not None:
                nn.init.zeros_(m.bias)  # keep me
            if m:
                if m.bias is not None:
                    nn.init.zeros_(m.bias)
    """)


def test_wrap_if_inside_a_lambda_is_refused(tmp_path):
    path = tmp_path / "m.py"
    source = "model.apply(lambda m: nn.init.zeros_(m.bias))\n"
    path.write_text(source)
    f = Finding("INI209", "m", str(path), None, 1, 23, 1, 45,
                Fix("g", "safe", [((1, 23, 1, 45), "wrap_if", "m.bias is not None")]))
    outcome = fixer.fix_files([f])
    assert path.read_text() == source and outcome.fixed == 0 and outcome.remaining == [f]
    assert "not fixed" in outcome.problems[0]


LEGACY = '''\
import torch.nn as nn


def init(m):
    nn.init.xavier_normal(m.weight)  # noqa: E501
    nn.init.constant(m.bias, 0.0)  # important
    nn.init.normal(m.weight); nn.init.uniform(m.weight)
'''


def test_add_noqa_adopts_a_legacy_code_base_in_one_commit(tmp_path):
    path = tmp_path / "m.py"
    path.write_text(LEGACY)
    code, out, err = run_cli(["--add-noqa", "."], tmp_path)
    assert code == 0 and "All checks passed!" not in out  # nothing was checked clean: comments were added
    assert "Added `# noqa` for 4 errors." in err
    assert path.read_text() == LEGACY.replace("E501", "E501, INI101").replace(
        "# important", "# important  # noqa: INI101").replace(
        "nn.init.uniform(m.weight)", "nn.init.uniform(m.weight)  # noqa: INI101")
    assert findings_in(tmp_path) == []
    first = path.read_bytes()
    assert run_cli(["--add-noqa", "."], tmp_path)[0] == 0
    assert path.read_bytes() == first


def test_add_noqa_goes_after_a_multi_line_string(tmp_path):
    # the line ends inside the string: the comment goes on the string's last line, where ruff puts (and reads) it
    path = tmp_path / "m.py"
    source = 'import torch.nn as nn\nx = nn.init.normal(w, """\ntext""")\n'
    path.write_text(source)
    finding = Finding("INI101", "m", str(path), None, 2, 5, 2, 19)
    outcome = fixer.fix_files([finding], add_noqa=True)
    assert path.read_text() == source.replace('""")', '""")  # noqa: INI101') and outcome.noqa_added == 1
    assert outcome.problems == []


def test_add_noqa_with_crlf(tmp_path):
    path = tmp_path / "m.py"
    path.write_bytes(LEGACY.replace("\n", "\r\n").encode())
    run_cli(["--add-noqa", "."], tmp_path)
    data = path.read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n") == LEGACY.count("\n")
    assert b"uniform(m.weight)  # noqa: INI101\r\n" in data


def _apply_json_edits(text, edits):
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(loc):
        return starts[loc["row"] - 1] + loc["column"] - 1

    for edit in sorted(edits, key=lambda e: offset(e["location"]), reverse=True):
        text = text[:offset(edit["location"])] + edit["content"] + text[offset(edit["end_location"]):]
    return text


def test_json_fix_edits_reproduce_fix(pages, tmp_path):
    import json

    code, out, err = run_cli(["--select", "ALL", "--output-format", "json", "."], pages)
    report = json.loads(out)
    by_file = {}
    for item in report:
        if item["fix"] and item["fix"]["applicability"] == "safe":
            by_file.setdefault(item["filename"], []).extend(item["fix"]["edits"])
    assert len(by_file) >= 4
    originals = {name: (pages / name).read_text() for name in by_file}
    run_cli(["--select", "ALL", "--fix", "."], pages)
    for name, edits in by_file.items():
        assert edits, name
        assert _apply_json_edits(originals[name], edits) == (pages / name).read_text(), name
