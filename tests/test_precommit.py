"""The pre-commit hooks, run for real with ``pre-commit try-repo`` against this working copy, and the
"same answer everywhere" check: CLI, flake8 plugin and pre-commit hook agree on the fixture set.

``try-repo`` pip-installs the hook repository into a fresh virtualenv on every call (about 8 s; it ignores
``PRE_COMMIT_HOME``), so it runs twice; the other checks use ``pre-commit run`` with a config naming the same
snapshot, whose environment is installed once in a shared ``PRE_COMMIT_HOME``.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys

import pytest

from _helpers import ROOT
from initlint.pages import code_blocks, page, sections
from initlint.engine import check_paths
from initlint.rules import RULES, select_rules

BIN = os.path.dirname(sys.executable)
PRE_COMMIT = shutil.which("pre-commit", path=BIN) or shutil.which("pre-commit")
LINE = re.compile(r"^(?P<path>[^\s:][^:]*):(?P<row>\d+):(?P<col>\d+): (?P<code>[A-Z]+[0-9]+) ", re.M)


def setup_module():
    # not a skip: in CI a missing tool must fail, not hide the hook's test
    assert PRE_COMMIT is not None, "pre-commit is not installed: pip install -e '.[dev]'"
    assert shutil.which("git") is not None, "git is needed to run pre-commit"


def git(*args, cwd):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=cwd, check=True,
                   capture_output=True, timeout=60)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    return tmp_path_factory.mktemp("pc")


@pytest.fixture(scope="module")
def hook_repo(workspace):
    """The working copy (tracked and untracked, not ignored files) as one clean commit.

    Projects are its siblings, so pre-commit always sees the same repository (``../hooks``) and revision and
    installs the hook environment once.
    """
    snap = workspace / "hooks"
    snap.mkdir()
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, check=True,
                            capture_output=True, timeout=60).stdout.decode().split("\0")
    for rel in filter(None, listed):
        src = os.path.join(ROOT, rel)
        if os.path.isfile(src):
            os.makedirs(os.path.join(snap, os.path.dirname(rel)), exist_ok=True)
            shutil.copy2(src, os.path.join(snap, rel))
    git("init", "-q", cwd=snap)
    git("add", "-A", cwd=snap)
    git("commit", "-q", "-m", "snapshot", cwd=snap)
    return str(snap)


@pytest.fixture(scope="module")
def pc_home(workspace):
    home = workspace / "pre-commit-home"
    home.mkdir()
    return str(home)


def try_repo(hook_repo, pc_home, cwd, hook, *files, all_files=False):
    env = dict(os.environ, PRE_COMMIT_HOME=pc_home, PRE_COMMIT_COLOR="never")
    env.pop("PRE_COMMIT", None)
    args = [PRE_COMMIT, "try-repo", hook_repo, *([hook] if hook else []), "--color", "never"]
    args += ["--all-files"] if all_files else ["--files", *files] if files else []  # none: the staged files
    proc = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    return proc.returncode, proc.stdout + proc.stderr


def run_hook(hook_repo, pc_home, cwd, hook, *files, all_files=False):
    """``pre-commit run HOOK`` with a config naming the snapshot (cached environment)."""
    sha = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hook_repo, check=True, capture_output=True,
                         text=True).stdout.strip()
    config = os.path.join(cwd, ".pre-commit-config.yaml")
    with open(config, "w", encoding="utf-8") as handle:
        handle.write(f"repos:\n-   repo: {hook_repo}\n    rev: {sha}\n    hooks:\n    -   id: {hook}\n")
    env = dict(os.environ, PRE_COMMIT_HOME=pc_home, PRE_COMMIT_COLOR="never")
    args = [PRE_COMMIT, "run", hook, "--color", "never", "--config", config]
    args += ["--all-files"] if all_files else ["--files", *files]
    proc = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    return proc.returncode, proc.stdout + proc.stderr


def example(code, section="example"):
    return code_blocks(sections(page(code))[section])[0]


@pytest.fixture
def project(workspace, request):
    path = workspace / request.node.name
    path.mkdir()
    git("init", "-q", cwd=path)
    return path


def test_hook_fails_on_the_bug_then_passes_after_the_fix(hook_repo, pc_home, project):
    (project / "model.py").write_text(example("INI201"))
    git("add", "model.py", cwd=project)
    # no hook id: every hook of the repository runs, in order: `initlint` reports, `initlint-fix` fixes
    code, out = try_repo(hook_repo, pc_home, project, "", "model.py")
    assert code == 1, out
    check, _, fix = out.partition("- hook id: initlint-fix")
    assert re.search(r"^initlint\.+Failed$", check, re.M), out
    assert re.search(r"^model\.py:18:9: INI201 `m\.bias` is initialized without an `is not None` guard", check,
                     re.M), out
    # the fix hook fails as pre-commit hooks that modify files do, and says what it did
    assert "files were modified by this hook" in fix and "Fixed 1 error, 0 remaining." in fix, out
    assert (project / "model.py").read_text() == example("INI201", "use instead")
    code, out = try_repo(hook_repo, pc_home, project, "initlint", "model.py")
    assert code == 0 and "Passed" in out, out


INIT_UTILS = """\
import torch.nn as nn


def init_weights(m):
    if isinstance(m, nn.Conv2d):
        nn.init.kaiming_normal_(m.weight)
        nn.init.zeros_(m.bias)
"""

MODEL = """\
import torch.nn as nn

from init_utils import init_weights


class {name}(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3{bias})
        self.apply(init_weights)

    def forward(self, x):
        return self.conv(x)
"""


def test_a_commit_adding_a_layer_without_bias_fails_through_an_unchanged_init(hook_repo, pc_home, project):
    """The init function did not change; the commit adds the model it crashes on: the commit fails, and the hook
    names the unguarded init and, as a related location, the new layer."""
    (project / "init_utils.py").write_text(INIT_UTILS)
    (project / "old_model.py").write_text(MODEL.format(name="Old", bias=""))
    git("add", ".", cwd=project)
    git("commit", "-q", "-m", "init", cwd=project)
    (project / "model.py").write_text(MODEL.format(name="Net", bias=", bias=False"))
    git("add", "model.py", cwd=project)  # only the new model is staged
    # no hook id: both hooks run; no --files: pre-commit passes the staged files
    code, out = try_repo(hook_repo, pc_home, project, "")
    assert code == 1, out
    check, _, fix = out.partition("- hook id: initlint-fix")
    assert re.search(r"^initlint\.+Failed$", check, re.M), out
    assert re.search(r"^init_utils\.py:7:9: INI201 `m\.bias` is initialized without an `is not None` guard, but"
                     r" `Conv2d\(bias=False\)` has no `bias`", check, re.M), out
    assert re.search(r"^model\.py:9:21: note: `Conv2d\(bias=False\)` has no `bias`: the layer is built here$",
                     check, re.M), out
    # the fix hook reports it too, but never writes the file pre-commit did not pass
    assert re.search(r"^init_utils\.py:7:9: INI201 ", fix, re.M) and "Fixed 0 errors, 1 remaining." in fix, out
    assert (project / "init_utils.py").read_text() == INIT_UTILS
    assert "files were modified by this hook" not in out, out
    # the committed files alone pass: the finding comes from the new file
    code, out = run_hook(hook_repo, pc_home, project, "initlint", "old_model.py", "init_utils.py")
    assert code == 1 and "INI201" in out, out  # (init_utils.py is checked, and model.py is in the tree now)
    git("rm", "-q", "--cached", "model.py", cwd=project)
    (project / "model.py").unlink()
    code, out = run_hook(hook_repo, pc_home, project, "initlint", "old_model.py", "init_utils.py")
    assert code == 0 and "Passed" in out, out


def test_no_files_means_no_check(hook_repo, pc_home, project):
    """With no Python file to check the hook is skipped: it never falls back to checking `.`."""
    (project / "model.py").write_text(example("INI201"))  # buggy, but not passed
    (project / "notes.txt").write_text("hello\n")
    git("add", ".", cwd=project)
    code, out = run_hook(hook_repo, pc_home, project, "initlint", "notes.txt")
    assert code == 0 and "(no files to check)Skipped" in out and "INI201" not in out, out


def test_explicitly_passed_excluded_files_are_skipped(hook_repo, pc_home, project):
    (project / "pyproject.toml").write_text('[tool.initlint]\nextend-exclude = ["generated_*.py"]\n')
    (project / "generated_model.py").write_text(example("INI201"))
    git("add", ".", cwd=project)
    # the plain CLI checks a file named explicitly ...
    proc = subprocess.run([sys.executable, "-m", "initlint", "check", "generated_model.py"], cwd=project,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and "INI201" in proc.stdout
    # ... the hook passes --force-exclude, so the configured exclude wins
    code, out = run_hook(hook_repo, pc_home, project, "initlint", "generated_model.py")
    assert code == 0 and "Passed" in out and "INI201" not in out, out


# ---- same answer everywhere ------------------------------------------------------------------------------
def _fixture_set(root):
    files = []
    for code in sorted(RULES):
        if page(code) is None:
            continue
        for section, tag in (("example", "example"), ("use instead", "clean")):
            folder = os.path.join(root, f"{code}_{tag}")
            os.makedirs(folder)
            with open(os.path.join(folder, f"{code}_{tag}.py"), "w", encoding="utf-8") as handle:
                handle.write(example(code, section))
            files.append(os.path.join(f"{code}_{tag}", f"{code}_{tag}.py"))
    for seed in sorted(glob.glob(os.path.join(ROOT, "examples", "seed", "*.py"))):
        name = os.path.basename(seed)[:-3]
        os.makedirs(os.path.join(root, f"seed_{name}"))
        shutil.copy(seed, os.path.join(root, f"seed_{name}", f"{name}.py"))
        files.append(os.path.join(f"seed_{name}", f"{name}.py"))
    return files


#: rules whose answer depends on the other files checked (project-wide references)
CROSS_FILE = {"INI004", "INI304"}


def _rows(text):
    return {(os.path.normpath(m["path"]), m["code"], int(m["row"]), int(m["col"])) for m in LINE.finditer(text)}


def test_cli_flake8_and_hook_give_the_same_answer(hook_repo, pc_home, project):
    files = _fixture_set(str(project))
    git("add", ".", cwd=project)
    # every tool with its default selection: opt-in rules off everywhere
    cli = subprocess.run([sys.executable, "-m", "initlint", "check", *files], cwd=project, capture_output=True,
                         text=True, timeout=120)
    assert cli.returncode == 1, cli.stderr
    expected = _rows(cli.stdout)
    assert {c for _, c, _, _ in expected} >= {"INI101", "INI201", "INI303", "INI900"}
    assert not {c for _, c, _, _ in expected if not RULES[c].default}
    code, out = run_hook(hook_repo, pc_home, project, "initlint", all_files=True)
    assert code == 1
    assert _rows(out) == expected
    flake = subprocess.run([sys.executable, "-m", "flake8", "--isolated", *files], cwd=project,
                           capture_output=True, text=True, timeout=120)
    rows = _rows(flake.stdout)
    ours = {r for r in rows if r[1].startswith("INI")}
    # flake8 hands the plugin one file at a time, so it answers like `initlint check FILE`: the same as the
    # project-wide run except where a rule needs the other files (an init function applied elsewhere)
    per_file = set()
    for name in files:
        result = check_paths([os.path.join(str(project), name)], select_rules(), jobs=1)
        per_file |= {(os.path.normpath(name), f.code, f.line, f.column) for f in result.findings}
    assert ours == {r for r in per_file if r[1] != "INI900"}
    assert {r for r in expected if r[1] not in CROSS_FILE} == {r for r in per_file if r[1] not in CROSS_FILE}
    # a file CPython cannot parse: flake8 says E999 where initlint says INI900
    assert {p for p, c, _, _ in rows if c == "E999"} == {p for p, c, _, _ in expected if c == "INI900"}


def test_hook_checks_notebooks(hook_repo, pc_home, project):
    """`types_or` names `jupyter`: pre-commit passes a staged notebook, and findings come per cell."""
    import json

    def cell(text):
        return {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                "source": text.splitlines(keepends=True)}

    body = example("INI201")
    split = body.index("class ")
    nb = {"cells": [cell(body[:split]), {"cell_type": "markdown", "metadata": {}, "source": ["# model"]},
                    cell(body[split:])], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (project / "model.ipynb").write_text(json.dumps(nb, indent=1) + "\n")
    git("add", "model.ipynb", cwd=project)
    code, out = run_hook(hook_repo, pc_home, project, "initlint", "model.ipynb")
    line = next(n for n, text in enumerate(body[split:].splitlines(), 1) if "m.bias" in text)
    assert code == 1 and re.search(rf"^model\.ipynb:cell 3:{line}:9: INI201 ", out, re.M), out
