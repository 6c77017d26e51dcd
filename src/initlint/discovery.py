"""Finding the files to check: recursive, ``.gitignore``-aware, with ruff's default excludes."""

from __future__ import annotations

import fnmatch
import os

DEFAULT_EXCLUDES = (".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "build", "dist", "__pycache__",
                    "site-packages", "node_modules", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs", ".ipynb_checkpoints")
SUFFIXES = (".py", ".pyi", ".ipynb")


class GitIgnore:
    """The subset of gitignore semantics real projects use: globs, anchors, directory-only, negation."""

    def __init__(self):
        self.rules: list[tuple[str, str, bool, bool]] = []  # (base dir, pattern, negate, dir_only)

    def add_file(self, directory: str) -> None:
        path = os.path.join(directory, ".gitignore")
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                lines = handle.read().splitlines()
        except OSError:
            return
        for line in lines:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            negate = line.startswith("!")
            if negate:
                line = line[1:]
            dir_only = line.endswith("/")
            line = line.rstrip("/")
            self.rules.append((directory, line, negate, dir_only))

    def ignored(self, path: str, is_dir: bool) -> bool:
        verdict = False
        for base, pattern, negate, dir_only in self.rules:
            if dir_only and not is_dir:
                continue
            rel = os.path.relpath(path, base)
            if rel.startswith(".."):
                continue
            rel = rel.replace(os.sep, "/")
            anchored = pattern.startswith("/") or "/" in pattern.rstrip("/")
            pat = pattern.lstrip("/")
            if pat.startswith("**/"):  # any depth, the root included
                hit = fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(rel, pat[3:])
            elif anchored:  # relative to the .gitignore's folder
                hit = fnmatch.fnmatch(rel, pat)
            else:
                hit = fnmatch.fnmatch(os.path.basename(path), pat)
            if hit:
                verdict = not negate
        return verdict


def _excluded(name: str, path: str, excludes, root: str | None = None) -> bool:
    """A glob matches the name, the path as given, or the path relative to ``root`` (the directory being
    walked) and to the working directory: ``third_party/*`` works for ``initlint check .`` and ``$PWD`` alike."""
    candidates = {name, path.replace(os.sep, "/")}
    for base in (root, os.getcwd()):
        if base:
            rel = os.path.relpath(os.path.abspath(path), os.path.abspath(base))
            if not rel.startswith(".."):
                candidates.add(rel.replace(os.sep, "/"))
    return any(fnmatch.fnmatch(c, pat) for c in candidates for pat in excludes)


def _excluded_path(path: str, excludes) -> bool:
    """A file named explicitly is excluded when it or any folder above it matches (``build/gen.py``)."""
    parts = os.path.normpath(path).split(os.sep)
    return any(_excluded(part, os.sep.join(parts[: i + 1]), excludes) for i, part in enumerate(parts) if part)


def discover(paths: list[str], excludes=DEFAULT_EXCLUDES, respect_gitignore: bool = True,
             force: bool = False) -> tuple[list[str], list[tuple[str, str]]]:
    """Files to check (sorted, each once) and (path, reason) for paths that cannot be read.

    Files named explicitly are always checked unless ``force`` is False and they match an exclude,
    like ruff's ``--force-exclude``; pass ``force=True`` to check them anyway.
    """
    files: list[str] = []
    problems: list[tuple[str, str]] = []
    for start in paths:
        if not os.path.lexists(start):
            problems.append((start, "no such file or directory"))
            continue
        if not os.path.isdir(start):
            if os.path.islink(start) and not os.path.exists(start):
                problems.append((start, "broken symbolic link or symlink loop"))
                continue
            if force or not _excluded_path(start, excludes):
                files.append(start)
            continue
        ignore = GitIgnore()
        root = os.path.abspath(start)
        parent = root
        while True:  # .gitignore files above the start, up to the repository root
            ignore.add_file(parent) if respect_gitignore and parent != root else None
            if os.path.isdir(os.path.join(parent, ".git")) or os.path.dirname(parent) == parent:
                break
            parent = os.path.dirname(parent)
        visited: set = set()
        for dirpath, dirnames, filenames in os.walk(start, followlinks=False):
            try:
                real = os.path.realpath(dirpath)
            except OSError:
                continue
            if real in visited:
                dirnames[:] = []
                continue
            visited.add(real)
            if respect_gitignore:
                ignore.add_file(dirpath)
            keep = []
            for d in sorted(dirnames):
                full = os.path.join(dirpath, d)
                if _excluded(d, full, excludes, start) or (respect_gitignore and ignore.ignored(full, True)):
                    continue
                if d.endswith(SUFFIXES):  # a directory named x.py is not a file to check
                    pass
                keep.append(d)
            dirnames[:] = keep
            for f in sorted(filenames):
                if not f.endswith(SUFFIXES):
                    continue
                full = os.path.join(dirpath, f)
                if _excluded(f, full, excludes, start) or (respect_gitignore and ignore.ignored(full, False)):
                    continue
                if os.path.islink(full) and not os.path.exists(full):
                    problems.append((full, "broken symbolic link or symlink loop"))
                    continue
                files.append(full)
    seen, out = set(), []
    for f in files:
        norm = os.path.normpath(f)
        if norm not in seen:
            seen.add(norm)
            out.append(norm)
    return sorted(out), problems
