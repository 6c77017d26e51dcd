"""``initlint server``: a real client (pygls') talks JSON-RPC over pipes to a real ``python -m initlint server``.

Diagnostics must be what ``initlint check --stdin-filename PATH --context ROOT -`` reports (codes, messages and
positions, the columns in UTF-16 code units), code actions must give what ``--fix`` writes, and bad input must
give INI900 without stopping the server.
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import sys
import textwrap

import pytest

import initlint
from initlint.cli import main

pytest.importorskip("pygls.lsp.client")
from lsprotocol import types as t  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402
from pygls.uris import from_fs_path  # noqa: E402

from _helpers import ROOT  # noqa: E402

SRC_DIR = os.path.dirname(os.path.dirname(os.path.abspath(initlint.__file__)))  # the initlint under test
WAIT = 90  # seconds; generous for a loaded machine
with open(os.path.join(ROOT, "examples", "seed", "apply_style.py"), encoding="utf-8") as _handle:
    APPLY_STYLE = _handle.read()
# a non-BMP character (two UTF-16 code units) before the finding, on its line
FIXABLE = textwrap.dedent('''\
    import torch.nn as nn

    class Head(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(2, 2)
            tag = "\U0001F600"; nn.init.xavier_normal(self.fc.weight)

        def forward(self, x):
            return self.fc(x)
''')
BASE = textwrap.dedent('''\
    import torch.nn as nn

    class Base(nn.Module):
        pass
''')
NET = textwrap.dedent('''\
    from .base import Base

    class Net(Base):
        def forward(self, x):
            return self.fc2(x)
''')

# a related location in another file, after a non-BMP character
BLOCKS = textwrap.dedent('''\
    import torch.nn as nn


    class ConvBNReLU(nn.Module):
        def __init__(self, in_ch, out_ch):
            super().__init__()
            tag = "\U0001D518"; self.conv = nn.Conv2d(in_ch, out_ch, 3, padding=1, bias=False)
            self.bn = nn.BatchNorm2d(out_ch)

        def forward(self, x):
            return self.bn(self.conv(x))
''')
BACKBONE = textwrap.dedent('''\
    import torch.nn as nn

    from .blocks import ConvBNReLU


    def weights_init(m):
        if isinstance(m, nn.Conv2d):
            nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
            nn.init.zeros_(m.bias)


    class Backbone(nn.Module):
        def __init__(self):
            super().__init__()
            self.stem = ConvBNReLU(3, 32)
            self.apply(weights_init)

        def forward(self, x):
            return self.stem(x)
''')


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = SRC_DIR + os.pathsep + env.get("PYTHONPATH", "")
    return env


class _Stream(io.TextIOWrapper):
    def text(self) -> str:
        self.flush()
        return self.buffer.getvalue().decode("utf-8")


def cli(cwd, *args, stdin: str) -> tuple[int, str, str]:
    """``initlint check ARGS`` in ``cwd`` with ``stdin`` as standard input: (exit code, stdout, stderr)."""
    saved = sys.stdin, sys.stdout, sys.stderr, os.getcwd()
    out, err = _Stream(io.BytesIO(), encoding="utf-8"), _Stream(io.BytesIO(), encoding="utf-8")
    try:
        os.chdir(cwd)
        sys.stdin, sys.stdout, sys.stderr = _Stream(io.BytesIO(stdin.encode()), encoding="utf-8"), out, err
        code = main(["check", *args])
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved[:3]
        os.chdir(saved[3])
    return code, out.text(), err.text()


def cli_findings(cwd, path, text, context=True) -> list[dict]:
    args = ["--stdin-filename", path, "--output-format", "json", "--exit-zero"]
    if context:
        args += ["--context", "."]
    code, out, err = cli(cwd, *args, "-", stdin=text)
    assert code == 0, err
    return json.loads(out)


def utf16(line: str, column: int) -> int:
    """A 1-based character column as a 0-based UTF-16 column."""
    return len(line[:column - 1].encode("utf-16-le")) // 2


def expected(findings: list[dict], text: str) -> list[tuple]:
    lines = text.split("\n")
    out = []
    for f in findings:
        (row, col), (end_row, end_col) = (f["location"]["row"], f["location"]["column"]), \
            (f["end_location"]["row"], f["end_location"]["column"])
        out.append((f["code"], f["message"], (row - 1, utf16(lines[row - 1], col)),
                    (end_row - 1, utf16(lines[end_row - 1], end_col))))
    return out


def got(diagnostics) -> list[tuple]:
    return [(d.code, d.message, (d.range.start.line, d.range.start.character),
             (d.range.end.line, d.range.end.character)) for d in diagnostics]


def apply(text: str, edit: t.TextEdit) -> str:
    """Apply one LSP text edit (UTF-16 columns, 0-based lines) to ``text``."""
    lines = text.split("\n")

    def offset(pos: t.Position) -> int:
        line = lines[pos.line]
        units = 0
        col = 0
        while units < pos.character:
            units += 2 if ord(line[col]) > 0xFFFF else 1
            col += 1
        return sum(len(x) + 1 for x in lines[:pos.line]) + col

    return text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]


class Client:
    """pygls' language client, collecting the server's publishDiagnostics and logMessages."""

    def __init__(self):
        self.lsp = LanguageClient("initlint-test", "1")
        self.published: dict[str, list] = {}
        self.logs: list[str] = []
        self.shown: list[str] = []
        self.changed = asyncio.Condition()

        @self.lsp.feature(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        async def diagnostics(params):
            async with self.changed:
                self.published.setdefault(params.uri, []).append(params)
                self.changed.notify_all()

        @self.lsp.feature(t.WINDOW_LOG_MESSAGE)
        def log(params):
            self.logs.append(params.message)

        @self.lsp.feature(t.WINDOW_SHOW_MESSAGE)
        def show(params):
            self.shown.append(params.message)

    async def wait(self, uri: str, version: int | None = None) -> list:
        """The diagnostics published for ``uri`` (at ``version``: for that version of the text)."""
        def ready():
            return any(version is None or p.version == version for p in self.published.get(uri, []))

        async with self.changed:
            await asyncio.wait_for(self.changed.wait_for(ready), WAIT)
        return list([p for p in self.published[uri] if version is None or p.version == version][-1].diagnostics)

    def open(self, uri: str, text: str, version: int = 1) -> None:
        self.lsp.text_document_did_open(t.DidOpenTextDocumentParams(
            text_document=t.TextDocumentItem(uri=uri, language_id="python", version=version, text=text)))

    def change(self, uri: str, text: str, version: int) -> None:
        self.lsp.text_document_did_change(t.DidChangeTextDocumentParams(
            text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[t.TextDocumentContentChangeWholeDocument(text=text)]))

    async def actions(self, uri: str, diagnostic) -> list:
        return await asyncio.wait_for(self.lsp.text_document_code_action_async(t.CodeActionParams(
            text_document=t.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
            context=t.CodeActionContext(diagnostics=[diagnostic]))), WAIT)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.initlint]\nextend-select = []\n")
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "base.py").write_text(BASE)
    (pkg / "apply_style.py").write_text(APPLY_STYLE)
    (pkg / "blocks.py").write_text(BLOCKS)
    (pkg / "net.py").write_text(NET.replace("fc2", "fc3"))  # stale on disk: the editor's text is checked
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "initlint.toml").write_text("select = 3\n")  # not a list: the folder's files are not checked
    (tmp_path / "gen").mkdir()
    (tmp_path / "gen" / "initlint.toml").write_text('extend-exclude = ["skipped_*.py"]\n')
    return tmp_path


def test_language_server_session(project):
    asyncio.run(asyncio.wait_for(_session(project), 5 * WAIT))


async def _session(project):
    client = Client()
    await client.lsp.start_io(sys.executable, "-m", "initlint", "server", cwd=str(project), env=_env())
    result = await asyncio.wait_for(client.lsp.initialize_async(t.InitializeParams(
        capabilities=t.ClientCapabilities(), process_id=os.getpid(),
        workspace_folders=[t.WorkspaceFolder(uri=from_fs_path(str(project)), name="project")])), WAIT)
    assert result.capabilities.code_action_provider is not None
    client.lsp.initialized(t.InitializedParams())

    def uri(name: str) -> str:
        return from_fs_path(str(project / "pkg" / name))

    # a buggy model: INI001 three times, where the CLI reports them
    client.open(uri("apply_style.py"), APPLY_STYLE)
    diagnostics = await client.wait(uri("apply_style.py"), 1)
    want = expected(cli_findings(project, "pkg/apply_style.py", APPLY_STYLE), APPLY_STYLE)
    assert [w[0] for w in want] == ["INI001"] * 3
    assert got(diagnostics) == want
    assert {d.source for d in diagnostics} == {"initlint"}

    # fixed in the editor: the diagnostics are cleared
    fixed = APPLY_STYLE.replace("self.layer1(x)", "self.layer(x)").replace("self.layer2(x)", "x") \
        .replace("self.layer3(x)", "x")
    client.change(uri("apply_style.py"), fixed, 2)
    assert await client.wait(uri("apply_style.py"), 2) == []

    # a fixable finding after a non-BMP character: UTF-16 columns; the fix and the noqa actions
    client.open(uri("head.py"), FIXABLE)
    diagnostics = await client.wait(uri("head.py"), 1)
    want = expected(cli_findings(project, "pkg/head.py", FIXABLE), FIXABLE)
    assert [w[0] for w in want] == ["INI101"]
    assert got(diagnostics) == want
    line = FIXABLE.split("\n")[6]
    assert diagnostics[0].range.start.character == line.index("nn.init") + 1  # the emoji counts twice
    actions = await client.actions(uri("head.py"), diagnostics[0])
    titles = [a.title for a in actions]
    assert titles[0] == "Fix INI101: Use `xavier_normal_`"
    assert "Add `# noqa: INI101`" in titles
    fix = actions[0]
    assert fix.kind == t.CodeActionKind.QuickFix and fix.diagnostics[0].code == "INI101"
    (edit,) = fix.edit.changes[uri("head.py")]
    _, cli_fixed, _ = cli(project, "--fix", "--stdin-filename", "pkg/head.py", "-", stdin=FIXABLE)
    assert cli_fixed != FIXABLE and apply(FIXABLE, edit) == cli_fixed
    (fix_all,) = [a for a in actions if a.kind == "source.fixAll.initlint"]
    assert apply(FIXABLE, fix_all.edit.changes[uri("head.py")][0]) == cli_fixed
    (noqa,) = [a for a in actions if a.title == "Add `# noqa: INI101`"]
    silenced = apply(FIXABLE, noqa.edit.changes[uri("head.py")][0])
    assert silenced.split("\n")[6] == line + "  # noqa: INI101"
    assert cli_findings(project, "pkg/head.py", silenced) == []

    # cross-file: `Net(Base)` is a module only with the project read for context (and its text, not the disk's)
    assert cli_findings(project, "pkg/net.py", NET, context=False) == []
    client.open(uri("net.py"), NET)
    diagnostics = await client.wait(uri("net.py"), 1)
    assert got(diagnostics) == expected(cli_findings(project, "pkg/net.py", NET), NET)
    assert [d.code for d in diagnostics] == ["INI001"] and "fc2" in diagnostics[0].message
    # base.py edited in the editor (no longer a module) and saved: the open files are checked again
    client.open(uri("base.py"), BASE)
    await client.wait(uri("base.py"), 1)
    client.change(uri("base.py"), "class Base:\n    pass\n", 2)
    client.lsp.text_document_did_save(t.DidSaveTextDocumentParams(text_document=t.TextDocumentIdentifier(
        uri=uri("base.py"))))
    async with client.changed:
        await asyncio.wait_for(client.changed.wait_for(
            lambda: len(client.published[uri("net.py")][-1].diagnostics) == 0), WAIT)

    # a finding whose related location lies in another file; its fix wraps the line in an `if`
    client.open(uri("backbone.py"), BACKBONE)
    diagnostics = await client.wait(uri("backbone.py"), 1)
    (finding,) = cli_findings(project, "pkg/backbone.py", BACKBONE)
    assert got(diagnostics) == expected([finding], BACKBONE) and finding["code"] == "INI201"
    (related,) = diagnostics[0].related_information
    (where,) = finding["related"]
    block_line = BLOCKS.split("\n")[where["location"]["row"] - 1]
    assert related.location.uri == uri("blocks.py") and related.message == where["message"]
    assert (related.location.range.start.line, related.location.range.start.character) == \
        (where["location"]["row"] - 1, utf16(block_line, where["location"]["column"]))
    assert related.location.range.start.character == where["location"]["column"]  # one more: the non-BMP char
    assert (related.location.range.end.line, related.location.range.end.character) == \
        (where["end_location"]["row"] - 1, utf16(block_line, where["end_location"]["column"]))
    actions = await client.actions(uri("backbone.py"), diagnostics[0])
    _, cli_fixed, _ = cli(project, "--fix", "--context", ".", "--stdin-filename", "pkg/backbone.py", "-",
                          stdin=BACKBONE)
    assert actions[0].title.startswith("Fix INI201: ") and cli_fixed != BACKBONE
    assert apply(BACKBONE, actions[0].edit.changes[uri("backbone.py")][0]) == cli_fixed

    # half-typed code: INI900 where the CLI puts it, and the server still answers
    broken = APPLY_STYLE.replace("def forward(self, x):", "def forward(self, x")
    client.change(uri("apply_style.py"), broken, 3)
    diagnostics = await client.wait(uri("apply_style.py"), 3)
    want = expected(cli_findings(project, "pkg/apply_style.py", broken), broken)
    assert [w[0] for w in want] == ["INI900"]
    assert got(diagnostics) == want
    assert await client.actions(uri("apply_style.py"), diagnostics[0]) is not None
    client.change(uri("apply_style.py"), APPLY_STYLE, 4)
    assert [d.code for d in await client.wait(uri("apply_style.py"), 4)] == ["INI001"] * 3

    # an unusable configuration file is shown to the user; an excluded file gets no diagnostics
    bad = from_fs_path(str(project / "bad" / "model.py"))
    client.open(bad, APPLY_STYLE)
    assert await client.wait(bad, 1) == []
    assert any("initlint.toml" in m and "select" in m for m in client.shown), client.shown
    skipped = from_fs_path(str(project / "gen" / "skipped_model.py"))
    client.open(skipped, APPLY_STYLE)
    assert await client.wait(skipped, 1) == []
    checked = from_fs_path(str(project / "gen" / "model.py"))
    client.open(checked, APPLY_STYLE)
    assert [d.code for d in await client.wait(checked, 1)] == ["INI001"] * 3

    # closing a document clears its diagnostics
    client.lsp.text_document_did_close(t.DidCloseTextDocumentParams(
        text_document=t.TextDocumentIdentifier(uri=uri("apply_style.py"))))
    async with client.changed:
        await asyncio.wait_for(client.changed.wait_for(
            lambda: len(client.published[uri("apply_style.py")][-1].diagnostics) == 0), WAIT)

    assert not [m for m in client.logs if "internal error" in m], client.logs
    await asyncio.wait_for(client.lsp.shutdown_async(None), WAIT)
    client.lsp.exit(None)
    await asyncio.wait_for(client.lsp.stop(), WAIT)
    assert client.lsp._server.returncode == 0


def test_positions_in_each_encoding():
    from initlint.server import code_units, lsp_position, split_lines

    lines = split_lines('x = "\U0001F600é"; y\r\nz\rw\n')
    assert lines[:3] == ['x = "\U0001F600é"; y', "z", "w"]
    column = lines[0].index("y") + 1  # initlint's 1-based character column
    assert lsp_position(lines, 1, column, "utf-16") == (0, 11)
    assert lsp_position(lines, 1, column, "utf-32") == (0, 10)
    assert lsp_position(lines, 1, column, "utf-8") == (0, 14)
    assert lsp_position(lines, 3, 1) == (2, 0)
    assert code_units("\U0001F600") == 2


def test_edits_on_crlf_text_and_after_non_bmp():
    from initlint.server import _Offsets, _row_col_offset, minimal_edit

    old = 'a = 1\r\nb = "\U0001F600"; f(x)\r\n'
    new = old.replace("f(x)", "f(x)  # noqa: INI101")
    start, end, content = minimal_edit(old, new)
    assert (start, end, content) == (old.rindex("\r\n"), old.rindex("\r\n"), "  # noqa: INI101")
    assert _Offsets(old, "utf-16").position(start) == (1, 14)  # 13 characters, the emoji counted twice
    assert _Offsets(old, "utf-32").position(start) == (1, 13)
    assert _Offsets(old, "utf-16").position(len(old)) == (2, 0)
    assert _row_col_offset(old, 2, 10) == old.index("f(x)")  # fixer.text_edits' 1-based row and column


def test_server_without_pygls(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "pygls.lsp.server", None)  # import fails as when pygls is not installed
    assert main(["server"]) == 2
    assert "pip install 'initlint[server]'" in capsys.readouterr().err


def _cli_result(root, path, text):
    """``check_paths`` as ``initlint check --stdin-filename PATH --context ROOT -`` calls it."""
    from initlint.config import Resolver
    from initlint.engine import check_paths

    resolver = Resolver()
    resolver.paths = [path]
    return check_paths([path], jobs=1, context=[str(root)], resolver=resolver, sources={path: text.encode()})


def _rows(findings):
    return [(f.code, f.line, f.column, f.end_line, f.end_column, f.message,
             [(r.path, r.line, r.column, r.message) for r in f.related]) for f in findings]


def test_linter_matches_the_cli_file_by_file(project, monkeypatch):
    """Every file of a project, checked as the editor's text (one edited away from the disk), gives the CLI's
    findings, positions and related locations: rule options and per-file-ignores from the file's config, noqa,
    INI900, cross-file facts. The second round is served from the summary cache."""
    from initlint.server import Linter

    import shutil

    for name in ("seed", "runtime"):
        shutil.copytree(os.path.join(ROOT, "examples", name), project / name)
    (project / "pkg" / "head.py").write_text(FIXABLE)
    (project / "pkg" / "net.py").write_text(NET)
    (project / "pkg" / "broken.py").write_text("def f(:\n    pass\n")
    (project / "pkg" / "quiet.py").write_text(FIXABLE.replace("weight)\n", "weight)  # noqa: INI101\n"))
    (project / "runtime" / "initlint.toml").write_text('per-file-ignores = { "seed_*" = ["INI209"] }\n'
                                                       'extend-select = ["INI209", "INI005"]\n')
    monkeypatch.chdir(project)
    linter = Linter()
    files = sorted(str(p) for p in project.rglob("*.py"))
    edited = {str(project / "seed" / "apply_style.py"): APPLY_STYLE.replace("self.layer2(x)", "self.fc9(x)")}
    seen = set()
    by_file = {}
    for _ in range(2):
        for path in files:
            text = edited.get(path) or open(path, encoding="utf-8").read()
            want = _cli_result(project, path, text)
            report = linter.check(path, text, root=str(project), open_texts=edited)
            assert _rows(report.findings) == _rows(want.findings), path
            assert not report.errors and not want.errors
            seen.update(f.code for f in report.findings)
            by_file[os.path.relpath(path, project)] = {f.code for f in report.findings}
    assert "INI209" in by_file["runtime/resnet_like.py"] and "INI209" not in by_file["runtime/seed_net.py"]
    assert "INI209" not in by_file["seed/loop_style.py"]  # selected only under runtime/
    assert {"INI001", "INI101", "INI900", "INI209"} <= seen
    assert "fc9" in " ".join(f.message for f in linter.check(
        str(project / "seed" / "apply_style.py"), edited[str(project / "seed" / "apply_style.py")],
        root=str(project)).findings)


def _offline_server(monkeypatch):
    """The server object with a workspace, as after `initialize`, its messages to the client collected."""
    from pygls.workspace import Workspace

    from initlint import server as srv

    ls = srv.build_server()
    ls.protocol._workspace = Workspace(None)
    logged, published = [], []
    monkeypatch.setattr(ls, "window_log_message", lambda params: logged.append(params))
    monkeypatch.setattr(ls, "text_document_publish_diagnostics", lambda params: published.append(params))
    return ls, logged, published


def test_changes_are_debounced(monkeypatch, tmp_path):
    """Keystrokes in quick succession give one check, of the last text, published with its version."""
    from initlint import server as srv

    ls, logged, published = _offline_server(monkeypatch)
    state = ls.initlint_state
    checked = []
    real = state.linter.check
    monkeypatch.setattr(state.linter, "check", lambda path, text, *a: checked.append(text) or real(path, text, *a))
    (tmp_path / ".git").mkdir()  # the project root: nothing else to read
    uri = from_fs_path(str(tmp_path / "apply_style.py"))
    texts = [APPLY_STYLE, APPLY_STYLE.replace("layer1", "layer"), APPLY_STYLE.replace("layer1", "layer")
             .replace("layer2", "layer")]

    async def run():
        for version, text in enumerate(texts, 1):
            ls.workspace.put_text_document(t.TextDocumentItem(uri=uri, language_id="python", version=version,
                                                              text=text))
            state.schedule(uri, srv.DEBOUNCE)
        await state.pending[uri]

    asyncio.run(run())
    assert checked == [texts[-1]]
    (params,) = published
    assert params.version == 3 and [d.range.start.line for d in params.diagnostics] == [25]


def test_a_failing_check_is_logged_and_the_server_goes_on(monkeypatch, tmp_path):
    """An internal error while checking is logged to the client (window/logMessage) instead of stopping."""
    ls, logged, published = _offline_server(monkeypatch)
    state = ls.initlint_state

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(state.linter, "check", boom)
    uri = from_fs_path(str(tmp_path / "model.py"))
    ls.workspace.put_text_document(t.TextDocumentItem(uri=uri, language_id="python", version=1, text="x = 1\n"))

    async def run():
        state.schedule(uri)
        await state.pending[uri]

    asyncio.run(run())
    assert published == []
    assert logged and logged[0].type == t.MessageType.Error and "RuntimeError: boom" in logged[0].message
