"""Finding the files to check: recursive, with ruff's default excludes, and skipping what git ignores.

Ignore rules are git's: the ``.gitignore`` file of every folder (each relative to its own folder, those above the
start folder up to the repository root included), ``.git/info/exclude`` and the global excludes file that git's
configuration names (``core.excludesFile``, by default ``$XDG_CONFIG_HOME/git/ignore``). Patterns are compiled
by ``pathspec``; the walk applies them as git does: a deeper file overrides a shallower one, the last matching
line of a file wins, and a folder that is ignored is not entered, so a negation cannot bring back a file in it.
Outside a git repository only ``.gitignore`` files apply.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import re
import stat
import warnings

DEFAULT_EXCLUDES = (".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "build", "dist", "__pycache__",
                    "site-packages", "node_modules", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs", ".ipynb_checkpoints")
SUFFIXES = (".py", ".pyi", ".ipynb")
_DIR_MARK = "ps_d"  # pathspec's group for "matched a folder above the path" (the same in 0.12 and 1.x)


def _read_lines(path: str) -> list[str]:
    """The lines of an ignore or config file; nothing if it is missing or not a regular file (a FIFO)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return []
        with open(path, "rb", opener=lambda p, flags: os.open(p, flags | getattr(os, "O_NONBLOCK", 0))) as handle:
            data = handle.read(1 << 22)
    except (OSError, ValueError):
        return []
    if data.startswith(b"\xef\xbb\xbf"):  # git skips a UTF-8 BOM
        data = data[3:]
    return data.decode("utf-8", errors="surrogateescape").splitlines()


_POSIX_CLASSES = {"alpha": "a-zA-Z", "digit": "0-9", "alnum": "a-zA-Z0-9", "upper": "A-Z", "lower": "a-z",
                  "xdigit": "0-9a-fA-F", "space": " \t", "blank": " \t"}
_BRACKET = re.compile(r"\[([!^]?)((?:\[:[a-z]+:\]|[^\]\\\[])+)\]")
_POSIX_CLASS = re.compile(r"\[:(%s):\]" % "|".join(_POSIX_CLASSES))


def _posix_classes(line: str) -> str:
    """``[[:digit:]]`` as ranges: git's wildmatch knows POSIX classes, pathspec does not."""
    if "[:" not in line:
        return line
    return _BRACKET.sub(lambda m: "[" + m.group(1) + _POSIX_CLASS.sub(lambda c: _POSIX_CLASSES[c.group(1)],
                                                                       m.group(2)) + "]", line)


def _strip_trailing_spaces(line: str) -> str:
    """Trailing spaces go unless escaped with a backslash (git's ``trim_trailing_spaces``)."""
    keep = i = 0
    while i < len(line):
        if line[i] == "\\" and i + 1 < len(line):
            i += 2
            keep = i
            continue
        i += 1
        if line[i - 1] != " ":
            keep = i
    return line[:keep]


class IgnoreFile:
    """One ignore file's patterns, relative to ``base`` (an absolute folder)."""

    def __init__(self, base: str, lines: list[str]):
        from pathspec import GitIgnoreSpec

        self.base = base.rstrip(os.sep) + os.sep if base != os.sep else base
        self.rules = []  # (ignore, directory only, pathspec pattern), last line first
        for raw in lines:
            line = _strip_trailing_spaces(raw.rstrip("\r"))
            if not line or line.startswith("#"):
                continue
            negate = line.startswith("!")
            if negate:
                line = line[1:]
                if line.startswith(("#", "!")):
                    line = "\\" + line  # pathspec would read these as a comment or a second negation
            dir_only = line.endswith("/")
            if dir_only:  # as git does: match the name without the slash, but only folders
                line = line[:-1]
            if not line:
                continue
            try:
                with warnings.catch_warnings():  # re's FutureWarning on "[[" in a bracket expression
                    warnings.simplefilter("ignore")
                    patterns = GitIgnoreSpec.from_lines([_posix_classes(line)]).patterns
            except Exception:  # noqa: BLE001 - a line pathspec cannot compile (`\`, `[z-a]`) matches nothing
                continue
            if patterns and patterns[0].include is not None:
                self.rules.append((not negate, dir_only, patterns[0]))
        self.rules.reverse()
        self.any = _any_of([pattern for _, _, pattern in self.rules])

    def verdict(self, path: str, is_dir: bool) -> bool | None:
        """True: ignored; False: re-included by a negation; None: no line matches ``path`` itself."""
        rel = path[len(self.base):].replace(os.sep, "/")
        if self.any is not None and self.any.search(rel) is None:  # most paths match no line at all
            return None
        for ignore, dir_only, pattern in self.rules:
            if dir_only and not is_dir:
                continue
            match = pattern.match_file(rel)
            if match is None:
                continue
            if match.match.groupdict().get(_DIR_MARK):  # it matched a folder above: not this path
                continue
            return ignore
        return None


def _any_of(patterns) -> re.Pattern | None:
    """One regular expression that finds a match wherever one of ``patterns`` does (a quick first test)."""
    try:
        sources = [p.regex.pattern.replace(f"(?P<{_DIR_MARK}>", "(?:") for p in patterns]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return re.compile("|".join(f"(?:{r})" for r in sources)) if sources else None
    except Exception:  # noqa: BLE001 - pathspec's internals changed: test each line on its own
        return None


def _config_values(path: str, section: str, key: str, depth: int = 0) -> list[str]:
    """Values of ``section.key`` in one git config file, its ``[include] path``s followed (no git needed)."""
    out: list[str] = []
    current = ""
    for raw in _read_lines(path):
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("["):  # [core], [include]; [section "sub"] and [section.sub] match neither
            close = line.find("]")
            current = line[1:close].strip().lower() if close > 0 else ""
            line = line[close + 1:].strip() if close > 0 else ""
            if not line:
                continue
        name, _, value = line.partition("=")
        name = name.strip().lower()
        value = _config_value(value)
        if current == "include" and name == "path" and value and depth < 10:
            target = os.path.expanduser(value)
            if not os.path.isabs(target):
                target = os.path.join(os.path.dirname(path), target)
            out.extend(_config_values(target, section, key, depth + 1))
        elif current == section and name == key:
            out.append(value)
    return out


def _config_value(text: str) -> str:
    """A config value: quotes removed, ``\\`` escapes read, an unquoted ``#``/``;`` starts a comment."""
    out, quoted, i = [], False, 0
    text = text.strip()
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            out.append({"n": "\n", "t": "\t", "b": "\b"}.get(text[i + 1], text[i + 1]))
            i += 2
            continue
        if ch == '"':
            quoted = not quoted
        elif ch in "#;" and not quoted:
            break
        else:
            out.append(ch)
        i += 1
    return "".join(out).strip() if not quoted else "".join(out)


def _home_path(value: str) -> str:
    return os.path.expanduser(value) if value.startswith("~") else value


def global_excludes_file(git_dir: str | None = None) -> str:
    """The file ``core.excludesFile`` names (system, global, then the repository's config; the last wins), or
    git's default ``$XDG_CONFIG_HOME/git/ignore`` (``~/.config/git/ignore``)."""
    xdg = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    configs = []
    if os.environ.get("GIT_CONFIG_NOSYSTEM", "").lower() in ("", "0", "false", "no", "off"):
        configs.append(os.environ.get("GIT_CONFIG_SYSTEM") or "/etc/gitconfig")
    if os.environ.get("GIT_CONFIG_GLOBAL"):
        configs.append(os.environ["GIT_CONFIG_GLOBAL"])
    else:
        configs += [os.path.join(xdg, "git", "config"), os.path.join(os.path.expanduser("~"), ".gitconfig")]
    if git_dir:
        configs.append(os.path.join(git_dir, "config"))
    values = [v for path in configs for v in _config_values(path, "core", "excludesfile")]
    if values and values[-1]:
        return _home_path(values[-1])
    return os.path.join(xdg, "git", "ignore")


def _git_dir(top: str) -> str | None:
    """The repository's common git folder for the work tree at ``top`` (``.git`` itself, or where a ``.git``
    file of a linked work tree or submodule points, and its ``commondir``)."""
    dot_git = os.path.join(top, ".git")
    if os.path.isdir(dot_git):
        return dot_git
    lines = _read_lines(dot_git)
    if not lines or not lines[0].startswith("gitdir:"):
        return None
    git_dir = os.path.join(top, lines[0][len("gitdir:"):].strip())
    common = _read_lines(os.path.join(git_dir, "commondir"))
    return os.path.normpath(os.path.join(git_dir, common[0].strip()) if common else git_dir)


class Ignores:
    """The ignore files that apply in one folder, deepest first."""

    def __init__(self, files: tuple[IgnoreFile, ...] = (), repo: tuple[IgnoreFile, ...] = ()):
        self.files = files  # .gitignore files, deepest first
        self.repo = repo  # .git/info/exclude, then the global excludes file

    @classmethod
    def for_repository(cls, top: str) -> Ignores:
        git_dir = _git_dir(top)
        repo = []
        if git_dir:
            repo.append(IgnoreFile(top, _read_lines(os.path.join(git_dir, "info", "exclude"))))
        repo.append(IgnoreFile(top, _read_lines(global_excludes_file(git_dir))))
        return cls((), tuple(f for f in repo if f.rules))

    def enter(self, directory: str) -> Ignores:
        """The ignores inside ``directory`` (absolute): its own ``.gitignore`` first."""
        if os.path.lexists(os.path.join(directory, ".git")):  # a nested repository starts afresh
            return Ignores.for_repository(directory).enter_file(directory)
        return self.enter_file(directory)

    def enter_file(self, directory: str) -> Ignores:
        lines = _read_lines(os.path.join(directory, ".gitignore"))
        if not lines:
            return self
        own = IgnoreFile(directory, lines)
        return Ignores((own,) + self.files, self.repo) if own.rules else self

    def ignored(self, path: str, is_dir: bool) -> bool:
        for ignore_file in self.files + self.repo:
            verdict = ignore_file.verdict(path, is_dir)
            if verdict is not None:
                return verdict
        return False


def _ignores_at(root: str) -> Ignores:
    """The ignores in force in ``root`` (absolute): ``.gitignore`` files from the repository root down."""
    chain = []
    parent = root
    while True:
        chain.append(parent)
        if os.path.lexists(os.path.join(parent, ".git")) or os.path.dirname(parent) == parent:
            break
        parent = os.path.dirname(parent)
    top = chain[-1]
    ignores = Ignores.for_repository(top) if os.path.lexists(os.path.join(top, ".git")) else Ignores()
    for directory in reversed(chain):
        ignores = ignores.enter_file(directory)
    return ignores


def _excluded(name: str, path: str, excludes, root: str | None = None) -> bool:
    """A glob matches the name, the path as given, or the path relative to ``root`` (the directory being
    walked) and to the working directory: ``third_party/*`` works for ``initlint check .`` and ``$PWD`` alike."""
    candidates = {name, path.replace(os.sep, "/")}
    for base in (root, os.getcwd()):
        if base:
            rel = os.path.relpath(os.path.abspath(path), os.path.abspath(base))
            if not rel.startswith(".."):
                candidates.add(rel.replace(os.sep, "/"))
    matcher = _globs(tuple(excludes))
    return matcher is not None and any(matcher(os.path.normcase(c)) for c in candidates)


@functools.lru_cache(maxsize=32)
def _globs(excludes: tuple):
    """``fnmatch.fnmatch`` against every glob at once: one regular expression."""
    if not excludes:
        return None
    return re.compile("|".join(fnmatch.translate(os.path.normcase(p)) for p in excludes)).match


def _excluded_path(path: str, excludes) -> bool:
    """A file named explicitly is excluded when it or any folder above it matches (``build/gen.py``)."""
    parts = os.path.normpath(path).split(os.sep)
    return any(_excluded(part, os.sep.join(parts[: i + 1]), excludes) for i, part in enumerate(parts) if part)


def discover(paths: list[str], excludes=DEFAULT_EXCLUDES, respect_gitignore: bool = True,
             force: bool = False, resolver=None) -> tuple[list[str], list[tuple[str, str]]]:
    """Files to check (sorted, each once) and (path, reason) for paths that cannot be read.

    Files named explicitly are always checked unless ``force`` is False and they match an exclude,
    like ruff's ``--force-exclude``; pass ``force=True`` to check them anyway. Ignore files apply to what the
    walk finds, never to a file or folder named explicitly. With a ``resolver`` (``config.Resolver``), each
    folder and file is judged by the excludes of its own configuration instead of ``excludes``.
    """
    if resolver is not None:
        is_excluded, excluded_path = resolver.is_excluded, resolver.excluded_path
    else:
        def is_excluded(name, path, root=None):
            return _excluded(name, path, excludes, root)

        def excluded_path(path):
            return _excluded_path(path, excludes)
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
            if force or not excluded_path(start):
                files.append(start)
            continue
        files += _walk(start, is_excluded, respect_gitignore, problems)
    seen, out = set(), []
    for f in files:
        norm = os.path.normpath(f)
        if norm not in seen:
            seen.add(norm)
            out.append(norm)
    return sorted(out), problems


def _walk(start: str, is_excluded, respect_gitignore: bool, problems: list) -> list[str]:
    files = []
    root = os.path.abspath(start)
    scopes = {root: _ignores_at(root) if respect_gitignore else None}  # absolute folder -> its Ignores
    visited: set = set()
    for dirpath, dirnames, filenames in os.walk(start, followlinks=False):
        here = os.path.abspath(dirpath)
        ignores = scopes.pop(here, None)
        try:
            real = os.path.realpath(dirpath)
        except OSError:
            continue
        if real in visited:
            dirnames[:] = []
            continue
        visited.add(real)
        keep = []
        for d in sorted(dirnames):
            full = os.path.join(dirpath, d)
            if is_excluded(d, full, start):
                continue
            if ignores is not None:
                absolute = os.path.join(here, d)
                if d == ".git" or ignores.ignored(absolute, True):  # git never looks inside its own folder
                    continue
                if not os.path.islink(full):  # os.walk does not follow it
                    scopes[absolute] = ignores.enter(absolute)
            keep.append(d)
        dirnames[:] = keep
        for f in sorted(filenames):
            if not f.endswith(SUFFIXES):
                continue
            full = os.path.join(dirpath, f)
            if is_excluded(f, full, start):
                continue
            if ignores is not None and ignores.ignored(os.path.join(here, f), False):
                continue
            if os.path.islink(full) and not os.path.exists(full):
                problems.append((full, "broken symbolic link or symlink loop"))
                continue
            files.append(full)
    return files
