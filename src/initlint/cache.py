"""The content-hash cache of ``initlint check``: per-file summaries (and positions) keyed by what they depend on.

Where: ``.initlint_cache/`` in the project root, as ruff places ``.ruff_cache/``: the folder of the
configuration file that governs the working directory (``--config FILE``: that file's folder), else the working
directory. ``--cache-dir DIR`` or ``INITLINT_CACHE_DIR`` put it elsewhere; ``--no-cache`` turns it off. The
folder holds a ``CACHEDIR.TAG`` and a ``.gitignore`` of ``*``.

What: one entry per file, keyed by a hash of the file's bytes, its path and module name (the summary records
both), its ``init-functions`` setting and a fingerprint of the code that made it (the cache format, initlint's
version and source files, Python's and libcst's versions). An entry holds the file's ``FileSummary`` or its
parse problem (INI900); files that cannot be read are never cached. Cross-file results (the project index, the
rules) are always re-derived from the summaries, so an edit to one file re-reads that file alone. A second
entry per file holds the positions of the locators already resolved in it, so a warm run does not parse a file
again only to place its findings.

Robustness: an entry is used only when its header names the expected key and its payload matches the digest
recorded with it; anything else (corrupt, truncated, foreign, another version) is ignored and rewritten.
Entries are written to a temporary file and moved into place (``os.replace``), so concurrent runs never see a
partial entry. A cache that cannot be written (read-only) is skipped silently (``-v`` says why).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import struct
import sys

from . import __version__
from .source import Problem, file_size, module_name_for, read_bytes, write_atomically

#: bump when the layout of entries or of what they hold changes without a change of initlint's version
CACHE_FORMAT = 2
CACHE_DIR_NAME = ".initlint_cache"
_MAGIC = b"initlint-cache\x00"
_HEADER = struct.Struct(f"<{len(_MAGIC)}s20s16sQ")  # magic, key, payload digest, payload length
CACHEDIR_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This file is a cache directory tag created by initlint.\n"
                "# For information about cache directory tags, see: https://bford.info/cachedir/\n")


def _code_fingerprint() -> bytes:
    """What made the summaries: a change to any of initlint's modules (an upgrade, an edit to a development
    checkout) or to libcst or Python gives every entry a new key."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{CACHE_FORMAT}|{__version__}|{sys.implementation.cache_tag}|{sys.version}".encode())
    package = os.path.dirname(os.path.abspath(__file__))
    for folder, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d not in ("__pycache__", "runtime"))
        for name in sorted(files):
            if name.endswith(".py"):
                full = os.path.join(folder, name)
                try:
                    info = os.stat(full)
                except OSError:
                    continue
                digest.update(f"{os.path.relpath(full, package)}|{info.st_size}|{info.st_mtime_ns}\n".encode())
    digest.update(b"libcst " + _libcst_version())
    return digest.digest()


def _libcst_version() -> bytes:
    """libcst's version file, read without importing libcst (a run whose report is recalled never needs it)."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("libcst")
        folder = os.path.dirname(spec.origin)
        with open(os.path.join(folder, "_version.py"), "rb") as handle:
            return folder.encode("utf-8", "surrogateescape") + b"|" + handle.read()
    except Exception:  # noqa: BLE001 - another layout: ask the installed distribution
        try:
            from importlib.metadata import version

            return version("libcst").encode()
        except Exception:  # noqa: BLE001 - nothing to go by: one key for every libcst
            return b"?"


def project_root(resolver) -> str:
    """ruff's project root: the folder of the configuration file in use for the working directory, else the
    working directory."""
    fixed = getattr(resolver, "fixed", None)
    if fixed is not None:
        return os.path.dirname(fixed.config_path) if fixed.config_path else os.getcwd()
    config = resolver.config_for_dir(os.getcwd())
    return os.path.dirname(config) if config else os.getcwd()


def cache_dir_for(args, resolver) -> str | None:
    """The cache folder of a run, or None with ``--no-cache``."""
    if getattr(args, "no_cache", False):
        return None
    chosen = getattr(args, "cache_dir", None) or os.environ.get("INITLINT_CACHE_DIR")
    if chosen:
        return os.path.abspath(os.path.expanduser(chosen))
    return os.path.join(project_root(resolver), CACHE_DIR_NAME)


class Cache:
    """One run's view of a cache folder."""

    def __init__(self, root: str, verbose: bool = False, log=None):
        self.root = root
        self.entries = os.path.join(root, str(CACHE_FORMAT))
        self.verbose = verbose
        self._log = log
        self.writable = True
        self._ready = False
        self._fingerprint = _code_fingerprint()
        self.hits = self.misses = 0
        #: path -> (key, bytes) of every file read through the cache in this run
        self.read: dict[str, tuple[bytes, bytes]] = {}

    def note(self, message: str) -> None:
        if self.verbose:
            print(f"initlint: cache: {message}", file=self._log or sys.stderr)

    # ---- keys and entries ------------------------------------------------------------------------------
    def key(self, path: str, data: bytes, init_functions=()) -> bytes:
        digest = hashlib.blake2b(self._fingerprint, digest_size=20)
        for part in (path, module_name_for(path), repr(tuple(init_functions))):
            encoded = part.encode("utf-8", "surrogateescape")
            digest.update(struct.pack("<Q", len(encoded)) + encoded)
        digest.update(data)
        return digest.digest()

    def _file(self, key: bytes, kind: str) -> str:
        return os.path.join(self.entries, f"{key.hex()}.{kind}")

    def load(self, key: bytes, kind: str = "s"):
        """The value stored under ``key``, or None when there is none or it cannot be trusted."""
        try:
            with open(self._file(key, kind), "rb") as handle:
                blob = handle.read()
        except OSError:
            return None
        if len(blob) < _HEADER.size:
            return None
        magic, stored_key, digest, length = _HEADER.unpack_from(blob)
        payload = memoryview(blob)[_HEADER.size:]
        if magic != _MAGIC or stored_key != key or length != len(payload) or \
                hashlib.blake2b(payload, digest_size=16).digest() != digest:
            return None
        try:
            return pickle.loads(payload)
        except Exception:  # noqa: BLE001 - a payload that matches its digest but not this code: rebuilt
            return None

    def store(self, key: bytes, value, kind: str = "s") -> None:
        if not self.writable or not self._prepare():
            return
        try:
            store_entry(self.entries, key, value, kind)
        except OSError as exc:
            self._disable(exc)
        except Exception as exc:  # noqa: BLE001 - not picklable: simply not cached
            self.note(f"cannot store an entry: {type(exc).__name__}: {exc}")

    def _write(self, target: str, content: bytes) -> bool:
        try:
            write_atomically(target, content)
            return True
        except OSError as exc:
            self._disable(exc)
            return False

    def _disable(self, exc: OSError) -> None:
        if self.writable:
            self.writable = False
            self.note(f"{self.root} cannot be written ({exc.strerror or exc}); not updating the cache")

    def _prepare(self) -> bool:
        """Create the folder, its ``CACHEDIR.TAG`` and its ``.gitignore`` on the first write."""
        if self._ready:
            return True
        try:
            os.makedirs(self.entries, exist_ok=True)
        except OSError as exc:
            self._disable(exc)
            return False
        for name, content in (("CACHEDIR.TAG", CACHEDIR_TAG), (".gitignore", "# Automatically created by initlint.\n*\n")):
            if not os.path.exists(os.path.join(self.root, name)):
                if not self._write(os.path.join(self.root, name), content.encode()):
                    return False
        self._ready = True
        return True

    # ---- summaries -------------------------------------------------------------------------------------
    def plan(self, tasks: list[tuple]) -> list[tuple]:
        """Per task: ("key", key) for a file read, ("big", size) for one over its size limit (not read), or
        ("unread", Problem) for one that cannot be read."""
        plan = []
        for path, init_functions, data, max_size in tasks:
            size = len(data) if data is not None else file_size(path)
            if max_size and size > max_size:
                plan.append(("big", size))
                continue
            if data is None:
                data = read_bytes(path)
                if isinstance(data, Problem):  # unreadable: reported, never cached
                    plan.append(("unread", data))
                    continue
            key = self.key(path, data, init_functions)
            self.read[path] = (key, data)
            plan.append(("key", key))
        return plan

    def summarize(self, tasks: list[tuple], run, plan: list[tuple] | None = None, background=None) -> list[tuple]:
        """``engine._summarize_all`` through the cache: ``tasks`` as there; ``run`` summarizes the misses.

        ``background(todo)``: starts summarizing ``todo`` in another process and returns a function that waits
        for the results. Given one, a few files with no entry among many with one (a commit's changed files
        under ``--context``) are read there while this process loads the entries of the others."""
        from .engine import gc_paused

        plan = plan if plan is not None else self.plan(tasks)
        early, wait = [], None
        if background is not None:
            early = [i for i, (kind, value) in enumerate(plan)
                     if kind == "key" and not os.path.exists(self._file(value, "s"))]
            if early and len(early) <= _BACKGROUND_MAX and len(tasks) - len(early) >= _BACKGROUND_MIN_HITS:
                wait = background([self._task((*tasks[i][:2], self.read[tasks[i][0]][1], tasks[i][3]), plan[i][1])
                                   for i in early])
                self.misses += len(early)
            else:
                early = []
        with gc_paused():
            out, todo, where, keys = self._load_all(tasks, plan, skip=set(early))
        todo = [self._task(t, keys.get(t[0])) for t in todo]
        for i, (path, item) in zip(where, run(todo) if todo else []):
            out[i] = (path, item)
        if wait is not None:
            for i, (path, item) in zip(early, wait()):
                out[i] = (path, item)
        self.note(f"{self.hits} file(s) from the cache, {self.misses} read ({self.root})")
        return out

    def _task(self, task: tuple, key: bytes | None) -> tuple:
        """A file to read, and (when the cache can be written) where its worker writes its entry."""
        if key is not None and self.writable and self._prepare():
            return (*task[:4], (self.entries, key))
        return task[:4]

    def _load_all(self, tasks: list[tuple], plan: list[tuple], skip: set = frozenset()):
        out: list = [None] * len(tasks)
        todo: list[tuple] = []
        where: list[int] = []
        keys: dict[str, bytes] = {}
        for i, (task, (kind, value)) in enumerate(zip(tasks, plan)):
            if i in skip:
                continue
            path, init_functions, _, max_size = task
            if kind == "big":
                todo.append(task)  # skipped with its message, unread
                where.append(i)
                continue
            if kind == "unread":
                out[i] = (path, value)
                continue
            key = keys[path] = value
            data = self.read[path][1]
            hit = self.load(key)
            if _valid(hit, path):
                out[i] = (path, hit)
                self.hits += 1
            else:
                todo.append((path, init_functions, data, max_size))
                where.append(i)
                self.misses += 1
        return out, todo, where, keys

    # ---- whole runs ------------------------------------------------------------------------------------
    def run_key(self, tasks: list[tuple], plan: list[tuple], settings_for, targets: set | None) -> bytes:
        """Everything a run's findings depend on once its files are known: each file's key (its bytes, path,
        module, init-functions), whether it is reported, and its settings (rules, rule options,
        per-file-ignores and the folder they are relative to); the working directory; the code's fingerprint.
        Equal keys: the same findings (a pure function of these)."""
        digest = hashlib.blake2b(self._fingerprint + b"run", digest_size=20)
        signatures: dict[int, bytes] = {}
        digest.update(repr((os.getcwd(), targets is None)).encode("utf-8", "surrogateescape"))
        for (path, _, _, max_size), (kind, value) in zip(tasks, plan):
            settings = settings_for(path)
            signature = signatures.get(id(settings))
            if signature is None:
                signature = signatures[id(settings)] = _settings_signature(settings)
            reported = targets is None or os.path.abspath(path) in targets
            item = value.hex() if kind == "key" else repr(value) if kind == "big" else repr(
                (value.kind, value.message, value.line, value.column))
            part = repr((path, kind, item, max_size, reported)).encode("utf-8", "surrogateescape")
            digest.update(struct.pack("<Q", len(part)) + part + signature)
        return digest.digest()

    def recall(self, key: bytes):
        """A run's outcome stored under ``key``: (findings, skipped, errors, suppressed, warnings), or None."""
        value = self.load(key, "r")
        if isinstance(value, tuple) and len(value) == 5 and isinstance(value[0], list):
            self.note(f"the report comes from the cache ({self.root})")
            return value
        return None

    def remember(self, key: bytes, value: tuple) -> None:
        self.store(key, value, "r")

    # ---- positions -------------------------------------------------------------------------------------
    def positions(self, path: str) -> dict | None:
        """Positions already resolved in ``path`` as read in this run: locator -> (line, column, end_line,
        end_column), the columns as libcst reads the text."""
        entry = self.read.get(path)
        if entry is None:
            return None
        table = self.load(entry[0], "p")
        return table if isinstance(table, dict) else None

    def store_positions(self, path: str, table: dict) -> None:
        entry = self.read.get(path)
        if entry is not None:
            self.store(entry[0], table, "p")

    def sources(self) -> dict:
        """absolute path -> the bytes read (so that findings are placed in the text that was checked)."""
        return {os.path.abspath(path): data for path, (_, data) in self.read.items()}


#: a background read (``Cache.summarize``) for at most this many files with no entry, among at least this many
#: with one: below that, loading the entries takes less time than starting a process
_BACKGROUND_MAX = 8
_BACKGROUND_MIN_HITS = 32


def store_entry(entries: str, key: bytes, value, kind: str = "s") -> bytes:
    """Write one entry (raises OSError when the folder cannot be written); returns the value's pickle."""
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    header = _HEADER.pack(_MAGIC, key, hashlib.blake2b(payload, digest_size=16).digest(), len(payload))
    write_atomically(os.path.join(entries, f"{key.hex()}.{kind}"), header + payload)
    return payload


def store_summary(entries: str, key: bytes, item) -> bytes | None:
    """A worker's half of ``Cache.summarize``: the summary (or parse problem) of a file just read; returns the
    pickle written, or None. Unreadable files and initlint's own failures are not stored; a cache that cannot be
    written is left alone."""
    from .summary import FileSummary

    if isinstance(item, FileSummary) or (isinstance(item, Problem) and item.kind == "parse"):
        try:
            return store_entry(entries, key, item)
        except Exception:  # noqa: BLE001 - the run goes on without this entry
            return None
    return None


def _settings_signature(settings) -> bytes:
    rules = tuple(settings.codes())
    options = sorted((k, repr(v)) for k, v in settings.options.items())
    ignores = sorted((k, repr(v)) for k, v in settings.per_file_ignores.items())
    return hashlib.blake2b(repr((rules, options, ignores, settings.base, settings.error)).encode(
        "utf-8", "surrogateescape"), digest_size=16).digest()


def _valid(item, path: str) -> bool:
    from .summary import FileSummary

    if isinstance(item, FileSummary):
        return item.path == path
    return isinstance(item, Problem) and item.kind == "parse"


