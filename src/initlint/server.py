"""``initlint server``: a language server (LSP over stdio, built on pygls) for editors.

Each open Python document is checked as ``initlint check --stdin-filename PATH --context ROOT -`` checks it: its
text stands for the file at its path, with that path's configuration (rules, rule options, ``per-file-ignores``;
an excluded path gets no diagnostics, as with ``--force-exclude``), and the rest of the project (ROOT: the
workspace folder holding the file, else the folder of its configuration file or of its git checkout) is read
for cross-file facts. The other files' summaries stay in memory between checks, keyed by their size and
modification time (or, for files open in the editor, by their text), so that a check re-reads only what changed.

Diagnostics are published on open, on save and, debounced, on change; code actions apply a finding's fix,
add ``# noqa: CODE`` to its line, or apply every safe fix (``source.fixAll.initlint``, what ``--fix`` gives).
Code that does not parse gives INI900; an internal error is logged (``window/logMessage``) and the server goes
on. Positions are LSP's: 0-based lines, columns in the code units the client asked for (UTF-16 by default).
"""

from __future__ import annotations

import asyncio
import bisect
import hashlib
import io
import os
import re
import sys
import threading
import time
import tokenize
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from . import __version__
from .fixer import minimal_edit

#: seconds a change waits for the next keystroke before the document is checked
DEBOUNCE = 0.3
#: seconds a walk of the project is reused (files created outside the editor appear after this, or on a save)
PROJECT_TTL = 10.0
#: a workspace with more files than this is not read for context (the document is checked alone)
MAX_CONTEXT_FILES = 20000
FIX_ALL = "source.fixAll.initlint"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # LSP's (and Python's) line breaks, not str.splitlines()'s
_PYTHON_SUFFIXES = (".py", ".pyi")


# ---- positions -----------------------------------------------------------------------------------------
def split_lines(text: str) -> list[str]:
    return _LINE_BREAK.split(text)


def code_units(chars: str, encoding: str = "utf-16") -> int:
    """The length of ``chars`` in the position encoding's code units."""
    if encoding == "utf-32":
        return len(chars)
    if encoding == "utf-8":
        return len(chars.encode("utf-8", "surrogatepass"))
    return len(chars) + sum(1 for ch in chars if ord(ch) > 0xFFFF)


def lsp_position(lines: list[str], line: int, column: int, encoding: str = "utf-16") -> tuple[int, int]:
    """initlint's 1-based line and 1-based character column as LSP's 0-based line and code-unit column."""
    if not lines:
        return 0, 0
    index = min(max(line - 1, 0), len(lines) - 1)
    text = lines[index]
    return index, code_units(text[:min(max(column - 1, 0), len(text))], encoding)


class _Offsets:
    """Character offsets into a text as LSP positions."""

    def __init__(self, text: str, encoding: str):
        self.text = text
        self.encoding = encoding
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line, code_units(self.text[self.starts[line]:offset], self.encoding)


def _row_col_offset(text: str, row: int, column: int) -> int:
    """``fixer.text_edits``' 1-based row and column (rows counted by ``\\n``) as a character offset."""
    offset = 0
    for _ in range(row - 1):
        found = text.find("\n", offset)
        if found < 0:
            return len(text)
        offset = found + 1
    return min(offset + column - 1, len(text))


# ---- checking ------------------------------------------------------------------------------------------
@dataclass
class Report:
    """One check of a document: its findings (placed), the text they are on, and what to log."""

    path: str
    text: str
    findings: list = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # internal errors and unusable configuration files
    notes: list[str] = field(default_factory=list)  # why the document was not checked (excluded, too large)


def encode_text(text: str) -> bytes:
    """The editor's text as the bytes of the file: in its PEP 263 encoding when it declares one."""
    data = text.encode("utf-8", "surrogateescape")
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError:
        return data
    if encoding not in ("utf-8", "utf-8-sig"):
        try:
            return text.encode(encoding)
        except (UnicodeEncodeError, LookupError):
            return data
    return data


class Linter:
    """Checks documents; the other files' summaries are cached in memory between checks.

    The cache is keyed by each file's path and by what its summary depends on: its size and modification time
    on disk, or its text when it is open in the editor, plus its ``init-functions`` and ``max-file-size``. A
    file that changed is re-read, and one no longer in the project is dropped.
    """

    def __init__(self):
        self._summaries: dict[str, tuple[tuple, object]] = {}
        self._projects: dict[tuple, tuple[float, list[str]]] = {}  # (root, respect-gitignore) -> (when, files)
        self._lock = threading.Lock()

    def project_files(self, root: str, respect_gitignore: bool, resolver) -> list[str]:
        """The files ``--context ROOT`` reads. The walk is remembered for ``PROJECT_TTL`` seconds, or until
        ``forget_projects`` (a file opened, saved or closed in the editor)."""
        from .discovery import discover

        key = (os.path.abspath(root), respect_gitignore)
        cached = self._projects.get(key)
        if cached is not None and time.monotonic() - cached[0] < PROJECT_TTL:
            return cached[1]
        found, _ = discover([root], respect_gitignore=respect_gitignore, resolver=resolver)
        files = [os.path.abspath(f) for f in found]
        self._projects[key] = (time.monotonic(), files)
        return files

    def forget_projects(self) -> None:
        self._projects.clear()

    def _stamp(self, path: str, text: str | None) -> tuple | None:
        if text is not None:
            return ("text", hashlib.sha1(encode_text(text)).hexdigest())
        try:
            st = os.stat(path)
        except OSError:
            return None
        return ("disk", st.st_mtime_ns, st.st_size, st.st_ino)

    def summaries(self, wanted: list[tuple]) -> list:
        """The summary (or Problem) of each ``(path, init_functions, max_file_size, text or None)``: from the
        cache when nothing it depends on changed, else read again."""
        from .engine import summarize_path

        out: list = [None] * len(wanted)
        missing = []
        for i, (path, init_functions, max_file_size, text) in enumerate(wanted):
            stamp = self._stamp(path, text)
            if stamp is None:
                continue
            key = (stamp, init_functions, max_file_size)
            cached = self._summaries.get(path)
            if cached is not None and cached[0] == key:
                out[i] = cached[1]
            else:
                data = encode_text(text) if text is not None else None
                missing.append((i, key, (path, init_functions, data, max_file_size)))
        done = [summarize_path(*task)[1] for _, _, task in missing]
        for (i, key, task), item in zip(missing, done):
            self._summaries[task[0]] = (key, item)
            out[i] = item
        return out

    def check(self, path: str, text: str, root: str | None = None, open_texts: dict | None = None) -> Report:
        with self._lock:
            return self._check(os.path.abspath(path), text, root, dict(open_texts or {}))

    def _check(self, path: str, text: str, root: str | None, open_texts: dict) -> Report:
        from .config import Resolver
        from .engine import DEFAULT_MAX_FILE_SIZE, Result
        from .rules import Finding
        from .source import Problem
        from .summary import FileSummary

        report = Report(path, text)
        resolver = Resolver()  # a fresh one each time: configuration files may have changed
        resolver.paths = [path]
        settings = resolver.settings_for(path)
        if settings.error:
            report.errors.append(settings.error)
            return report
        if resolver.excluded_path(path):
            report.notes.append(f"{path} is excluded by the configuration: not checked")
            return report
        files = [path]
        if root:
            extra = self.project_files(root, settings.respect_gitignore, resolver)
            if len(extra) > MAX_CONTEXT_FILES:
                report.notes.append(f"{root} holds {len(extra)} files (over {MAX_CONTEXT_FILES}): checked alone")
            else:
                files += sorted({f for f in extra if f != path})
        kept = set(files)
        inside = os.path.join(os.path.abspath(root), "") if root else None
        for stale in [p for p in self._summaries if p not in kept and inside and p.startswith(inside)]:
            del self._summaries[stale]  # gone from the project (deleted, renamed, now excluded)

        def options(f):
            here = resolver.settings_for(f).options
            return tuple(here.get("init-functions", ())), here.get("max-file-size", DEFAULT_MAX_FILE_SIZE)

        result = Result(files=1)
        items = self.summaries([(f, *options(f), text if f == path else open_texts.get(f)) for f in files])
        item = items[0]
        if isinstance(item, Problem):
            if item.kind == "read":
                report.notes.append(f"{path} not checked: {item.message}")
            elif item.kind == "internal":
                report.errors.append(f"{path}: {item.message}")
            elif any(r.code == "INI900" for r in settings.rules()):
                result.findings.append(Finding("INI900", item.message, path, None, item.line, item.column,
                                               item.line, item.column))
        # in check_paths' order: the checked file, then the context in the order of the walk
        summaries = [s for s in items if isinstance(s, FileSummary)]
        doc = item if isinstance(item, FileSummary) else None
        _rules_on(path, doc, summaries, result, settings, {path: encode_text(text)})
        report.findings = [f for f in result.findings if os.path.abspath(f.path) == path]
        report.errors.extend(result.errors)
        return report


def _rules_on(path: str, doc, summaries: list, result, settings, sources: dict) -> None:
    """``engine.run_rules`` for the one document: its rules over the whole project's index, then positions,
    noqa and ``per-file-ignores``. Every rule reports findings in the file it checks, so the other files' rules
    (whose findings the document would not show) are not run."""
    from .engine import _place, templates_with_twins
    from .index import ProjectIndex
    from .rules import matches

    if doc is not None and os.path.normpath(doc.path) not in templates_with_twins(summaries):
        index = ProjectIndex(summaries, settings.options)
        for rule in settings.rules():
            try:
                result.findings.extend(rule.check(doc, index))
            except Exception as exc:  # noqa: BLE001 - one rule's bug must not stop the others
                result.errors.append(f"{doc.path}: internal error in {rule.code}: {type(exc).__name__}: {exc}")
    _place(result, sources)
    ignored = settings.ignored_here(path)
    if ignored:
        kept = [f for f in result.findings if not any(matches(f.code, code) for code in ignored)]
        result.suppressed += len(result.findings) - len(kept)
        result.findings = kept


def project_root(path: str, folders: list[str]) -> str | None:
    """The folder read for context: the deepest workspace folder holding ``path``, else the folder of the closest
    configuration file or git checkout above it; None: the document is checked alone."""
    path = os.path.abspath(path)
    holding = [f for f in folders if path.startswith(os.path.join(os.path.abspath(f), ""))]
    if holding:
        return max(holding, key=len)
    from .config import config_in

    current = os.path.dirname(path)
    while True:
        try:
            if config_in(current) or os.path.exists(os.path.join(current, ".git")):
                return current
        except Exception:  # noqa: BLE001 - an unreadable configuration: the resolver reports it
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


# ---- the language server -------------------------------------------------------------------------------
class _State:
    def __init__(self, server, types):
        self.server = server
        self.t = types
        self.linter = Linter()
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="initlint-check")
        self.pending: dict[str, asyncio.Task] = {}
        self.reports: dict[str, Report] = {}
        self.said: dict[str, tuple] = {}  # what was last logged for each document
        self.shown: set[str] = set()  # errors shown to the user (window/showMessage), each once

    # -- helpers ---------------------------------------------------------------------------------------
    def log(self, message: str, error: bool = False) -> None:
        t = self.t
        try:
            self.server.window_log_message(t.LogMessageParams(
                type=t.MessageType.Error if error else t.MessageType.Info, message=f"initlint: {message}"))
        except Exception:  # noqa: BLE001 - the client is gone; nothing more to do
            pass

    def encoding(self) -> str:
        try:
            return str(self.server.workspace.position_encoding or "utf-16")
        except Exception:  # noqa: BLE001
            return "utf-16"

    def path_of(self, uri: str) -> str | None:
        from pygls.uris import to_fs_path

        if not uri.startswith("file:"):
            return None
        try:
            return to_fs_path(uri)
        except Exception:  # noqa: BLE001
            return None

    def checked(self, uri: str, language: str | None = None) -> bool:
        doc = self.server.workspace.text_documents.get(uri)
        path = self.path_of(uri)
        if doc is None or path is None:
            return False
        language = language or getattr(doc, "language_id", None)
        return path.endswith(_PYTHON_SUFFIXES) or (language == "python" and not path.endswith(".ipynb"))

    def folders(self) -> list[str]:
        out = []
        try:
            for folder in self.server.workspace.folders.values():
                path = self.path_of(folder.uri)
                if path:
                    out.append(path)
            if not out and self.server.workspace.root_path:
                out.append(self.server.workspace.root_path)
        except Exception:  # noqa: BLE001
            pass
        return out

    def open_texts(self, skip: str) -> dict:
        out = {}
        for uri, doc in list(self.server.workspace.text_documents.items()):
            path = self.path_of(uri)
            if path and uri != skip and path.endswith(_PYTHON_SUFFIXES):
                out[os.path.abspath(path)] = doc.source
        return out

    def _check(self, uri: str, path: str, text: str, root, open_texts) -> tuple[Report, list]:
        """In the worker thread: the report and its diagnostics."""
        report = self.linter.check(path, text, root, open_texts)
        return report, self.diagnostics(report, open_texts)

    async def check(self, uri: str) -> tuple[Report, list] | None:
        doc = self.server.workspace.text_documents.get(uri)
        path = self.path_of(uri)
        if doc is None or path is None:
            return None
        text = doc.source
        root = project_root(path, self.folders())
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, self._check, uri, path, text, root, self.open_texts(uri))

    # -- diagnostics -----------------------------------------------------------------------------------
    def schedule(self, uri: str, delay: float = 0.0) -> None:
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        if self.checked(uri):
            self.pending[uri] = asyncio.ensure_future(self._publish_later(uri, delay))

    async def _publish_later(self, uri: str, delay: float) -> None:
        me = asyncio.current_task()
        try:
            if delay:
                await asyncio.sleep(delay)
            doc = self.server.workspace.text_documents.get(uri)
            if doc is None:
                return
            version = doc.version
            done = await self.check(uri)
            if done is None:
                return
            report, diagnostics = done
            said = (tuple(report.errors), tuple(report.notes))
            if self.said.get(uri) != said:  # once, not on every keystroke
                self.said[uri] = said
                for error in report.errors:
                    self.log(error, error=True)
                    if error not in self.shown:  # an unusable configuration file: the user must know
                        self.shown.add(error)
                        self.server.window_show_message(self.t.ShowMessageParams(
                            type=self.t.MessageType.Warning, message=f"initlint: {error}"))
                for note in report.notes:
                    self.log(note)
            doc = self.server.workspace.text_documents.get(uri)
            if doc is None or doc.version != version or doc.source != report.text:
                return  # closed or changed meanwhile: the newer check publishes
            self.reports[uri] = report
            self.server.text_document_publish_diagnostics(
                self.t.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))
        except asyncio.CancelledError:
            raise
        except Exception:  # noqa: BLE001 - logged; the server goes on
            self.log(f"internal error while checking {uri}:\n{traceback.format_exc()}", error=True)
        finally:
            if self.pending.get(uri) is me:
                del self.pending[uri]

    def diagnostics(self, report: Report, open_texts: dict) -> list:
        t = self.t
        lines = split_lines(report.text)
        others: dict[str, list[str]] = {}

        def lines_of(path: str) -> list[str]:
            path = os.path.abspath(path)
            if path == report.path:
                return lines
            if path not in others:
                text = open_texts.get(path)
                if text is None:
                    from .source import Problem, read_source

                    source = read_source(path)
                    text = "" if isinstance(source, Problem) else source.text
                others[path] = split_lines(text)
            return others[path]

        out = []
        for f in report.findings:
            out.append(t.Diagnostic(
                range=self.range(lines, f.line, f.column, f.end_line, f.end_column),
                message=f.message,
                severity=t.DiagnosticSeverity.Error if f.code == "INI900" else t.DiagnosticSeverity.Warning,
                code=f.code,
                source="initlint",
                related_information=[
                    t.DiagnosticRelatedInformation(
                        location=t.Location(uri=_uri(r.path), range=self.range(
                            lines_of(r.path), r.line, r.column, r.end_line, r.end_column)),
                        message=r.message)
                    for r in f.related if r.line] or None,
            ))
        return out

    def range(self, lines, line, column, end_line, end_column):
        t = self.t
        encoding = self.encoding()
        start = lsp_position(lines, line, column, encoding)
        end = lsp_position(lines, end_line or line, end_column or column, encoding) if end_line else start
        end = max(start, end)
        return t.Range(start=t.Position(line=start[0], character=start[1]),
                       end=t.Position(line=end[0], character=end[1]))

    # -- code actions ----------------------------------------------------------------------------------
    async def code_actions(self, params) -> list:
        t = self.t
        uri = params.text_document.uri
        doc = self.server.workspace.text_documents.get(uri)
        if doc is None or not self.checked(uri):
            return []
        report = self.reports.get(uri)
        if report is None or report.text != doc.source:
            done = await self.check(uri)
            if done is None:
                return []
            report = done[0]
        only = list(params.context.only or [])

        def wanted(kind: str) -> bool:
            return not only or any(kind == k or kind.startswith(k + ".") for k in only)

        from . import fixer

        text = report.text
        offsets = _Offsets(text, self.encoding())
        asked = params.range
        actions = []

        def edit_for(span) -> object:
            start, end, content = span
            (sl, sc), (el, ec) = offsets.position(start), offsets.position(end)
            return t.WorkspaceEdit(changes={uri: [t.TextEdit(
                range=t.Range(start=t.Position(line=sl, character=sc), end=t.Position(line=el, character=ec)),
                new_text=content)]})

        diagnostics = self.diagnostics(report, {})
        if wanted(t.CodeActionKind.QuickFix):
            for f, diagnostic in zip(report.findings, diagnostics):
                if not _overlaps(diagnostic.range, asked):
                    continue
                if f.fix is not None and f.fix.edits:
                    for e in fixer.text_edits(f, text):
                        start = _row_col_offset(text, e["location"]["row"], e["location"]["column"])
                        end = _row_col_offset(text, e["end_location"]["row"], e["end_location"]["column"])
                        unsafe = f.fix.applicability != "safe"
                        actions.append(t.CodeAction(
                            title=f"Fix {f.code}: {f.fix.message}" + (" (unsafe)" if unsafe else ""),
                            kind=t.CodeActionKind.QuickFix, diagnostics=[diagnostic], is_preferred=not unsafe,
                            edit=edit_for((start, end, e["content"]))))
                new, done = fixer._noqa_text(text, [f], fixer.Outcome(), report.path)
                span = minimal_edit(text, new) if done else None
                if span is not None:
                    actions.append(t.CodeAction(title=f"Add `# noqa: {f.code}`", kind=t.CodeActionKind.QuickFix,
                                                diagnostics=[diagnostic], edit=edit_for(span)))
        if (not only or any(FIX_ALL == k or FIX_ALL.startswith(k + ".") for k in only)) and any(
                f.fix is not None and f.fix.edits and f.fix.applicability == "safe" for f in report.findings):
            new = _fix_all(text, report)
            span = minimal_edit(text, new)
            if span is not None:
                actions.append(t.CodeAction(title="Fix all auto-fixable problems (initlint)", kind=FIX_ALL,
                                            edit=edit_for(span)))
        return actions


def _fix_all(text: str, report: Report) -> str:
    """What ``initlint check --fix`` writes: every safe fix, kept only when the result still parses."""
    from . import fixer
    from .source import Problem, decode_source

    source = decode_source(report.path, encode_text(text))
    if isinstance(source, Problem):
        return text
    new, done = fixer._fix_text(text, report.findings, False, fixer.Outcome(), report.path)
    if not done or not fixer._parses_like(source, new):
        return text
    return new


def _overlaps(a, b) -> bool:
    def key(p):
        return p.line, p.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def _uri(path: str) -> str:
    from pygls.uris import from_fs_path

    return from_fs_path(os.path.abspath(path)) or path


def build_server():
    from lsprotocol import types as t
    from pygls.lsp.server import LanguageServer

    server = LanguageServer("initlint", __version__, text_document_sync_kind=t.TextDocumentSyncKind.Full)
    state = _State(server, t)
    server.initlint_state = state

    def guarded(name):
        def wrap(fn):
            def run(ls, params):
                try:
                    return fn(params)
                except Exception:  # noqa: BLE001 - logged; the server goes on
                    state.log(f"internal error in {name}:\n{traceback.format_exc()}", error=True)
                    return None
            return run
        return wrap

    @server.feature(t.TEXT_DOCUMENT_DID_OPEN)
    @guarded("didOpen")
    def did_open(params):
        state.linter.forget_projects()  # a new file may have been created
        state.schedule(params.text_document.uri)

    @server.feature(t.TEXT_DOCUMENT_DID_CHANGE)
    @guarded("didChange")
    def did_change(params):
        state.schedule(params.text_document.uri, DEBOUNCE)

    @server.feature(t.TEXT_DOCUMENT_DID_SAVE, t.SaveOptions(include_text=False))
    @guarded("didSave")
    def did_save(params):
        # a saved file can change what the other open files' cross-file rules see (a new file, an edited
        # configuration, a base class): walk the project again and check every open file again
        state.linter.forget_projects()
        for uri in list(server.workspace.text_documents):
            state.schedule(uri, 0.0 if uri == params.text_document.uri else DEBOUNCE)

    @server.feature(t.TEXT_DOCUMENT_DID_CLOSE)
    @guarded("didClose")
    def did_close(params):
        uri = params.text_document.uri
        state.linter.forget_projects()
        task = state.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        state.reports.pop(uri, None)
        state.said.pop(uri, None)
        server.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(t.TEXT_DOCUMENT_CODE_ACTION, t.CodeActionOptions(
        code_action_kinds=[t.CodeActionKind.QuickFix, FIX_ALL], resolve_provider=False))
    async def code_action(ls, params):
        try:
            return await state.code_actions(params)
        except asyncio.CancelledError:
            raise
        except Exception:  # noqa: BLE001 - logged; the server goes on
            state.log(f"internal error in codeAction:\n{traceback.format_exc()}", error=True)
            return []

    return server


def main() -> int:
    try:
        import lsprotocol  # noqa: F401
        import pygls.lsp.server  # noqa: F401 - pygls 2's layout
    except ImportError:
        print("initlint: `initlint server` needs pygls 2: pip install 'initlint[server]'", file=sys.stderr)
        return 2
    import logging

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # stdout carries the protocol: a stray print must not corrupt it
    server = build_server()
    server.start_io(stdin, stdout)
    return 0
