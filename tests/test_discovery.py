"""Discovery checks the files git would check: parity with `git ls-files -o --exclude-standard`, --show-files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from initlint.cli import main
from initlint.discovery import discover

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

# One tree for every case: names that anchors, globs, classes, escapes and folder patterns tell apart.
TREE = (
    "x.py", "a.py", "b.py", "c.py", "keep.py", "t.pyi", "#x.py", "!x.py", "x.py ", "build.py",
    "sub/x.py", "sub/a.py", "sub/keep.py", "sub/gen/m.py", "sub/build/m.py", "sub/deep/x.py",
    "gen/m.py", "gen/sub/m.py", "a/b.py", "a/c.py", "a/keep.py", "a/x/b.py", "a/x/y/b.py", "build/m.py",
    "build/keep.py", "deep/a/b/c.py", "pkg.py/m.py", "other/notes.txt",
    "sp /m.py", "sp/m.py", "1.py", "_.py",
)

ONE_LINE = [
    "/*.py",  # scripts at the root only
    "*.py",
    "/x.py",
    "x.py",
    "sub/x.py",  # a slash in the middle anchors
    "**/gen",
    "**/gen/",
    "gen/",
    "/gen/",
    "a/**/b.py",
    "a/**",
    "**/a/**",
    "deep/**/c.py",
    "sub/**/*.py",
    "sub/*.py",  # `*` never crosses a slash
    "/sub/*.py",
    "deep/*/c.py",
    "**/sub/*.py",
    "a/**/",
    "[[:alpha:]].py",
    "[![:digit:]_].py",
    "[ab].py",
    "[!ab].py",
    "?.py",
    "*/b.py",
    "a/*",
    "\\#x.py",
    "#x.py",  # a comment: nothing is ignored
    "\\!x.py",
    "sp\\ ",  # an escaped trailing space is part of the name
    "sp   ",  # unescaped trailing spaces are not
    "build/",
    "*.py/",  # a folder named like a script
    "*.pyi",
    "sub/",
    "**",
    "*",
]

MULTI_LINE = {
    "negation": "*.py\n!keep.py\n",
    "negation-inside-ignored-folder": "build/\n!build/keep.py\n",
    "negated-folder-does-not-reinclude-files": "*.py\n!sub/\n",
    "reinclude-under-double-star": "a/**\n!a/keep.py\n",
    "only-one-folder": "/*\n!/sub\n",
    "last-line-wins": "!x.py\nx.py\n",
    "comments-blank-lines-crlf": "# comment\r\n\r\n/x.py\r\n  \r\n",
}

NESTED = {  # path of the ignore file -> its text
    "nested-relative-to-own-folder": {"sub/.gitignore": "/x.py\ngen/\n"},
    "nested-deeper-wins": {".gitignore": "x.py\n", "sub/.gitignore": "!x.py\n"},
    "nested-shallower-folder-ignored": {".gitignore": "sub/\n", "sub/.gitignore": "!x.py\n"},
    "nested-anchored-middle-slash": {"a/.gitignore": "x/b.py\n", ".gitignore": "/a/c.py\n"},
    "info-exclude": {".git/info/exclude": "x.py\n/sub/gen/\n"},
    "gitignore-overrides-info-exclude": {".git/info/exclude": "*.py\n", ".gitignore": "!keep.py\n"},
}


def _make_tree(root, ignore_files: dict[str, str]) -> None:
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    for rel in TREE:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x = 1\n")
    for rel, text in ignore_files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode())


@pytest.fixture
def git_env(tmp_path, monkeypatch):
    """A HOME of its own, so that git and initlint read the same (empty) global configuration."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    for name in ("GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM", "GIT_DIR", "GIT_WORK_TREE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    return home


def git_files(cwd) -> list[str]:
    out = subprocess.run(["git", "ls-files", "-o", "--exclude-standard", "-z"], cwd=cwd, check=True,
                         capture_output=True).stdout.decode("utf-8", "surrogateescape")
    return sorted(p for p in out.split("\0") if p.endswith((".py", ".pyi")))


def initlint_files(cwd, monkeypatch, path=".") -> list[str]:
    monkeypatch.chdir(cwd)
    files, problems = discover([path], excludes=())  # no default excludes: git knows nothing of them
    assert problems == []
    return [f.replace(os.sep, "/") for f in files]


def _assert_parity(root, monkeypatch):
    expected = git_files(root)
    assert initlint_files(root, monkeypatch) == expected


@pytest.mark.parametrize("pattern", ONE_LINE)
def test_one_line_patterns_match_git(pattern, tmp_path, git_env, monkeypatch):
    root = tmp_path / "repo"
    _make_tree(root, {".gitignore": pattern + "\n"})
    _assert_parity(root, monkeypatch)


@pytest.mark.parametrize("name", sorted(MULTI_LINE))
def test_multi_line_gitignore_matches_git(name, tmp_path, git_env, monkeypatch):
    root = tmp_path / "repo"
    _make_tree(root, {".gitignore": MULTI_LINE[name]})
    _assert_parity(root, monkeypatch)


@pytest.mark.parametrize("name", sorted(NESTED))
def test_nested_ignore_files_match_git(name, tmp_path, git_env, monkeypatch):
    root = tmp_path / "repo"
    _make_tree(root, NESTED[name])
    _assert_parity(root, monkeypatch)


def test_root_scripts_pattern_still_checks_subfolders(tmp_path, git_env, monkeypatch):
    root = tmp_path / "repo"
    _make_tree(root, {".gitignore": "/*.py\n"})
    files = initlint_files(root, monkeypatch)
    assert "x.py" not in files and "sub/x.py" in files and "a/b.py" in files


def test_start_below_the_repository_root(tmp_path, git_env, monkeypatch):
    """The .gitignore files above the start folder apply, each relative to its own folder."""
    root = tmp_path / "repo"
    _make_tree(root, {".gitignore": "sub/x.py\ngen/\n", "sub/.gitignore": "/a.py\n"})
    files = initlint_files(root / "sub", monkeypatch)
    assert files == git_files(root / "sub") == ["build/m.py", "deep/x.py", "keep.py"]


def test_global_excludes_file_named_in_gitconfig(tmp_path, git_env, monkeypatch):
    root = tmp_path / "repo"
    _make_tree(root, {})
    (git_env / "my-ignores").write_text("keep.py\n/a/\n")
    (git_env / ".gitconfig").write_text('[user]\n\tname = x\n[core]\n\texcludesFile = "~/my-ignores" ; note\n')
    _assert_parity(root, monkeypatch)
    assert "keep.py" not in initlint_files(root, monkeypatch)


def test_gitconfig_include_and_git_config_global(tmp_path, git_env, monkeypatch):
    root = tmp_path / "repo"
    _make_tree(root, {})
    (git_env / "ign-a").write_text("a.py\n")
    (git_env / "ign-b").write_text("b.py\n")
    (git_env / "extra.cfg").write_text("[core]\n  excludesfile = ~/ign-a\n")
    (git_env / ".gitconfig").write_text("[include]\n\tpath = extra.cfg\n")
    _assert_parity(root, monkeypatch)
    files = initlint_files(root, monkeypatch)
    assert "a.py" not in files and "b.py" in files
    (tmp_path / "global.cfg").write_text(f"[Core]\n\tExcludesFile = {git_env / 'ign-b'}\n")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "global.cfg"))  # ~/.gitconfig is not read
    _assert_parity(root, monkeypatch)
    files = initlint_files(root, monkeypatch)
    assert "a.py" in files and "b.py" not in files


def test_global_excludes_default_locations(tmp_path, git_env, monkeypatch):
    root = tmp_path / "repo"
    _make_tree(root, {})
    (git_env / ".config" / "git").mkdir(parents=True)
    (git_env / ".config" / "git" / "ignore").write_text("x.py\n")
    _assert_parity(root, monkeypatch)
    assert "x.py" not in initlint_files(root, monkeypatch)
    xdg = tmp_path / "xdg"
    (xdg / "git").mkdir(parents=True)
    (xdg / "git" / "ignore").write_text("a.py\n")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(xdg))  # now ~/.config/git/ignore is not read
    _assert_parity(root, monkeypatch)
    files = initlint_files(root, monkeypatch)
    assert "x.py" in files and "a.py" not in files


def test_global_excludes_file_in_repository_config(tmp_path, git_env, monkeypatch):
    root = tmp_path / "repo"
    _make_tree(root, {})
    (tmp_path / "ign").write_text("b.py\n")
    subprocess.run(["git", "config", "core.excludesFile", str(tmp_path / "ign")], cwd=root, check=True)
    _assert_parity(root, monkeypatch)
    assert "b.py" not in initlint_files(root, monkeypatch)


def test_no_respect_gitignore_checks_everything(tmp_path, git_env, monkeypatch):
    root = tmp_path / "repo"
    _make_tree(root, {".gitignore": "*.py\n", ".git/info/exclude": "*.pyi\n"})
    monkeypatch.chdir(root)
    files, _ = discover(["."], excludes=(), respect_gitignore=False)
    assert len(files) == len([t for t in TREE if t.endswith((".py", ".pyi"))])


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_show_files(tmp_path, git_env, monkeypatch, capsys):
    root = tmp_path / "repo"
    _make_tree(root, {".gitignore": "/*.py\ngen/\n"})
    monkeypatch.chdir(root)
    code, out, _ = run(capsys, "check", "--show-files")
    expected = [p for p in git_files(root) if "build" not in p.split("/")[:-1]]  # a default exclude
    assert code == 0 and out.splitlines() == expected
    # the same files `check` reads
    code, out, _ = run(capsys, "check", "--show-files", "--exclude", "")
    assert code == 0 and out.splitlines() == git_files(root)
    code, out, _ = run(capsys, "check", "--show-files", "--extend-exclude", "pkg.py,sub/deep")
    assert out.splitlines() == [p for p in expected if not p.startswith(("pkg.py/", "sub/deep/"))]
    code, out, _ = run(capsys, "check", "--show-files", "--no-respect-gitignore", "sub")
    assert out.splitlines() == ["sub/a.py", "sub/deep/x.py", "sub/gen/m.py", "sub/keep.py", "sub/x.py"]
    # a file named explicitly is listed unless --force-exclude applies the excludes to it
    assert run(capsys, "check", "--show-files", "build/m.py")[1] == "build/m.py\n"
    assert run(capsys, "check", "--show-files", "--force-exclude", "build/m.py")[1] == ""
    code, out, err = run(capsys, "check", "--show-files", "nope")
    assert code == 2 and "nope: no such file or directory" in err


def test_show_files_lists_what_check_checks(tmp_path, git_env, monkeypatch, capsys):
    root = tmp_path / "repo"
    _make_tree(root, {".gitignore": "*.py\n!keep.py\n"})
    monkeypatch.chdir(root)
    listed = run(capsys, "check", "--show-files")[1].splitlines()
    code, out, _ = run(capsys, "check", "--select", "ALL")
    assert code == 0 and out.strip() == f"All checks passed! ({len(listed)} files checked)"
    assert listed == ["a/keep.py", "keep.py", "sub/keep.py", "t.pyi"]  # build/ is a default exclude


def test_gitignore_without_a_repository(tmp_path, git_env, monkeypatch):
    """Outside a repository, .gitignore files still apply (as in ruff); the global file does not."""
    (git_env / ".config" / "git").mkdir(parents=True)
    (git_env / ".config" / "git" / "ignore").write_text("*.py\n")
    (tmp_path / "proj" / "sub").mkdir(parents=True)
    for rel in ("a.py", "b.py", "sub/a.py"):
        (tmp_path / "proj" / rel).write_text("x = 1\n")
    (tmp_path / "proj" / ".gitignore").write_text("/a.py\n")
    assert initlint_files(tmp_path / "proj", monkeypatch) == ["b.py", "sub/a.py"]


def test_nested_repository_starts_afresh(tmp_path, git_env, monkeypatch):
    root = tmp_path / "repo"
    _make_tree(root, {".gitignore": "m.py\n"})
    inner = root / "vendor"
    subprocess.run(["git", "init", "-q", str(inner)], check=True)
    (inner / "m.py").write_text("x = 1\n")
    (inner / ".git" / "info" / "exclude").write_text("n.py\n")
    (inner / "n.py").write_text("x = 1\n")
    files = initlint_files(root, monkeypatch)
    assert "vendor/m.py" in files and "vendor/n.py" not in files and "gen/m.py" not in files


def test_linked_worktree_reads_the_common_info_exclude(tmp_path, git_env, monkeypatch):
    root = tmp_path / "repo"
    _make_tree(root, {".git/info/exclude": "c.py\n"})
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t.invalid", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@t.invalid")
    subprocess.run(["git", "add", "a.py"], cwd=root, check=True)
    subprocess.run(["git", "commit", "-qm", "x"], cwd=root, check=True, env=env)
    subprocess.run(["git", "worktree", "add", "-q", str(tmp_path / "wt")], cwd=root, check=True)
    (tmp_path / "wt" / "c.py").write_text("x = 1\n")
    (tmp_path / "wt" / "d.py").write_text("x = 1\n")
    assert initlint_files(tmp_path / "wt", monkeypatch) == ["a.py", "d.py"]


def test_show_files_in_a_subprocess(tmp_path, git_env):
    root = tmp_path / "repo"
    _make_tree(root, {".gitignore": "/*.py\n"})
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    proc = subprocess.run([sys.executable, "-m", "initlint", "check", "--show-files", "sub"], cwd=root,
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0 and proc.stderr == ""
    assert proc.stdout.splitlines() == ["sub/a.py", "sub/deep/x.py", "sub/gen/m.py", "sub/keep.py", "sub/x.py"]


def test_lines_pathspec_cannot_compile_match_nothing(tmp_path, git_env, monkeypatch):
    root = tmp_path / "repo"
    _make_tree(root, {".gitignore": "\\\n[[:punct:]]\n[[]\nx.py\n"})
    files = initlint_files(root, monkeypatch)
    assert "x.py" not in files and "a.py" in files


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_ignore_files_that_are_fifos_are_not_read(tmp_path, git_env):
    """A FIFO named .gitignore (or info/exclude, or the global file) must not block the walk."""
    root = tmp_path / "repo"
    _make_tree(root, {})
    os.mkfifo(root / ".gitignore")
    os.mkfifo(root / "sub" / ".gitignore")
    os.mkfifo(root / ".git" / "info" / "exclude-fifo")
    (root / ".git" / "info" / "exclude").unlink(missing_ok=True)
    os.symlink("exclude-fifo", root / ".git" / "info" / "exclude")
    (git_env / ".config" / "git").mkdir(parents=True)
    os.mkfifo(git_env / ".config" / "git" / "ignore")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    proc = subprocess.run([sys.executable, "-m", "initlint", "check", "--show-files", "--exclude", ""], cwd=root,
                          capture_output=True, text=True, env=env, timeout=30)
    assert proc.returncode == 0 and "sub/x.py" in proc.stdout.splitlines()
