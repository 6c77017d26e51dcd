"""Positions equal libcst's ``PositionProvider`` for every line ending: ``\\n``, ``\\r\\n``, a lone ``\\r`` and
files that mix them; the CLI, the JSON fix edits and the flake8 plugin agree on them."""

from __future__ import annotations

import glob
import json
import os
import re
import subprocess
import sys

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

from initlint import positions
from initlint.engine import check_paths
from initlint.pages import code_blocks, page, sections
from initlint.rules import RULES, select_rules

from _helpers import ROOT

ENDINGS = ("lf", "crlf", "cr", "mixed")


def reencode(text: str, ending: str) -> str:
    """``text`` with every line break replaced: ``mixed`` cycles through a lone CR, CRLF and LF."""
    lines = re.split(r"\r\n|\r|\n", text)
    if ending == "mixed":
        cycle = ("\r", "\r\n", "\n", "\r", "\n")
        return "".join(line + cycle[i % len(cycle)] for i, line in enumerate(lines[:-1])) + lines[-1]
    return {"lf": "\n", "crlf": "\r\n", "cr": "\r"}[ending].join(lines)


def real_sources() -> dict[str, str]:
    """Real model code and real Python: the examples, every rule page's blocks, and initlint's own modules."""
    out = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "examples", "**", "*.py"), recursive=True)):
        out[os.path.relpath(path, ROOT)] = open(path, encoding="utf-8").read()
    for code in sorted(RULES):
        text = page(code)
        if text is None or code == "INI900":
            continue
        for section, blocks in sections(text).items():
            for n, block in enumerate(code_blocks(blocks)):
                out[f"rules/{code}.md:{section}:{n}"] = block
    for name in ("engine.py", "positions.py"):
        path = os.path.join(ROOT, "src", "initlint", name)
        out[f"src/initlint/{name}"] = open(path, encoding="utf-8").read()
    return out


SOURCES = real_sources()


def _reference(module):
    return MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)


@pytest.mark.parametrize("ending", ENDINGS)
def test_positions_equal_libcsts_for_every_line_ending(ending):
    assert len(SOURCES) > 40
    checked = 0
    for name, text in SOURCES.items():
        module = cst.parse_module(reencode(text, ending))
        ref = _reference(module)
        full = positions.compute_positions(module)
        assert full == ref, name
        count = len(module.body)
        # the cheap path lays out only the statements holding the locators and counts the lines in between
        for wanted in ([("body", i) for i in range(0, count, 2)], [("body", i) for i in range(1, count, 2)],
                       [("body", count - 1)]):
            if not wanted or wanted[0][1] < 0:
                continue
            table = positions.compute_positions(module, wanted)
            wrong = [node for node, rng in table.items() if ref[node] != rng]
            assert not wrong, (name, ending, wanted[0], ref[wrong[0]], table[wrong[0]])
            for loc in wanted:
                node = positions.resolve(module, loc)
                rng = ref[node]
                assert positions.locate(module, table, loc) == (rng.start.line, rng.start.column + 1,
                                                                rng.end.line, rng.end.column + 1)
            checked += len(table)
    assert checked > 5000


@pytest.mark.parametrize("ending", ENDINGS[1:])
def test_findings_sit_where_libcst_puts_their_node(tmp_path, ending):
    """Every finding the engine positions is at PositionProvider's place for its locator, and (apart from the
    mixed files, where "\r" then "\n" is one line break) at the same place as in the LF original."""
    rules = select_rules(["ALL"])
    originals, mutants = tmp_path / "lf", tmp_path / ending
    for root in (originals, mutants):
        root.mkdir()
    names = {}
    for n, (name, text) in enumerate(SOURCES.items()):
        if name.startswith("src/"):
            continue
        folder = f"f{n:03d}"
        for root, body in ((originals, text), (mutants, reencode(text, ending))):
            (root / folder).mkdir()
            with open(root / folder / "model.py", "w", encoding="utf-8", newline="") as handle:
                handle.write(body)
        names[folder] = name
    before = check_paths([str(originals)], rules, jobs=1).findings
    after = check_paths([str(mutants)], rules, jobs=1).findings
    assert len(before) > 50
    checked = 0
    parsed: dict = {}
    for f in after:
        if f.loc is None:
            continue
        if f.path not in parsed:
            with open(f.path, encoding="utf-8", newline="") as handle:
                module = cst.parse_module(handle.read())
            parsed[f.path] = module, _reference(module)
        module, ref = parsed[f.path]
        rng = ref[positions.resolve(module, f.loc)]
        assert (f.line, f.column, f.end_line, f.end_column) == (
            rng.start.line, rng.start.column + 1, rng.end.line, rng.end.column + 1), (names[f.path.split(os.sep)[-2]],
                                                                                      f.code)
        checked += 1
    assert checked > 50

    def rel(findings, root):
        return sorted((os.path.relpath(f.path, root), f.code, f.line, f.column, f.end_line, f.end_column)
                      for f in findings)

    if ending != "mixed":  # a mixed file can merge "\r" + "\n" into one line break: lines move there
        assert rel(after, mutants) == rel(before, originals)


GUARD_MODEL = (
    "import torch.nn as nn\n"
    "\n"
    "\n"
    "class Block(nn.Module):\n"
    "    def __init__(self):\n"
    "        super().__init__()\n"
    "        self.conv = nn.Conv2d(3, 8, 3, bias=False)\n"
    "        self.downsample = nn.Identity()\n"
    "\n"
    "    def forward(self, x):\n"
    "        return self.downsample(self.conv(x))\n"
    "\n"
    "\n"
    "def init_weights(m):\n"
    "    if isinstance(m, nn.Conv2d):\n"
    "        nn.init.kaiming_normal_(m.weight)\n"
    "        nn.init.zeros_(m.bias)\n"
    "\n"
    "\n"
    "model = Block()\n"
    "model.apply(init_weights)\n"
)


@pytest.mark.parametrize("ending", ENDINGS)
def test_guard_fix_wraps_the_right_statement_whatever_the_line_endings(tmp_path, ending):
    from initlint.cli import main

    text = reencode(GUARD_MODEL, ending)
    path = tmp_path / "model.py"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    here = os.getcwd()
    try:
        os.chdir(tmp_path)
        code = main(["check", "--fix", "--quiet", "model.py"])
    finally:
        os.chdir(here)
    assert code == 0
    with open(path, encoding="utf-8", newline="") as handle:
        fixed = handle.read()
    # the fix wrapped `nn.init.zeros_(m.bias)` and nothing else; the file keeps its line endings
    logical = re.split(r"\r\n|\r|\n", fixed)
    expected = re.split(r"\r\n|\r|\n", GUARD_MODEL.replace(
        "        nn.init.zeros_(m.bias)\n", "        if m.bias is not None:\n            nn.init.zeros_(m.bias)\n"))
    assert logical == expected
    assert fixed.count("\r") - fixed.count("\r\n") >= text.count("\r") - text.count("\r\n")


def apply_edits(text: str, edits: list[dict]) -> str:
    """Apply ruff-style edits, reading rows as Python's lines (a lone CR, CRLF and LF each end one)."""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def offset(loc):
        return starts[loc["row"] - 1] + loc["column"] - 1

    for edit in sorted(edits, key=lambda e: offset(e["location"]), reverse=True):
        text = text[:offset(edit["location"])] + edit["content"] + text[offset(edit["end_location"]):]
    return text


def test_json_fix_edits_count_every_line_ending(tmp_path):
    """The JSON report's fix edits are rows and columns in Python's lines, whatever the line endings: applied
    to the file, they give what ``--fix`` writes."""
    import contextlib
    import io

    from initlint.cli import main

    def cli(*args):
        out = io.StringIO()
        here = os.getcwd()
        try:
            os.chdir(tmp_path)
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
                main(["check", "--isolated", *args, "."])
        finally:
            os.chdir(here)
        return out.getvalue()

    originals = {}
    for ending in ENDINGS:
        folder = tmp_path / ending
        folder.mkdir()
        originals[ending] = reencode(GUARD_MODEL, ending)
        with open(folder / "model.py", "w", encoding="utf-8", newline="") as handle:
            handle.write(originals[ending])
    edits = {}
    for item in json.loads(cli("--output-format", "json")):
        if item["code"] == "INI201":
            assert item["location"]["row"] == 17
            edits[item["filename"].split(os.sep)[0]] = item["fix"]["edits"]
    assert set(edits) == set(ENDINGS)
    assert edits["lf"] == [{"content": "if m.bias is not None:\n            ", "location": {"row": 17, "column": 9},
                            "end_location": {"row": 17, "column": 9}}]
    for ending, found in edits.items():
        assert [(e["location"], e["end_location"]) for e in found] == [({"row": 17, "column": 9},) * 2], ending
    cli("--fix")
    for ending in ENDINGS:
        with open(tmp_path / ending / "model.py", encoding="utf-8", newline="") as handle:
            assert apply_edits(originals[ending], edits[ending]) == handle.read(), ending


def test_flake8_and_the_cli_report_the_same_lines_on_a_mixed_newline_file(tmp_path):
    pytest.importorskip("flake8")
    names = []
    for n, (name, text) in enumerate(SOURCES.items()):
        if not name.startswith("rules/") or ":example:" not in name:
            continue
        target = tmp_path / f"m{n:03d}" / "model.py"
        target.parent.mkdir()
        with open(target, "w", encoding="utf-8", newline="") as handle:
            handle.write(reencode(text, "mixed"))
        names.append(os.path.relpath(target, tmp_path))
    # every rule by its full code (opt-in rules run in flake8 only when named so), as --select ALL does
    proc = subprocess.run([sys.executable, "-m", "flake8", "--isolated", "--select", ",".join(sorted(RULES)),
                           "--format=%(path)s\t%(row)d\t%(col)d\t%(code)s", *names],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr
    ours = {tuple(line.split("\t")) for line in proc.stdout.splitlines()}
    cli = set()
    for name in names:  # flake8 checks each file alone: so does the CLI here
        folder = os.path.dirname(name)
        for f in check_paths([str(tmp_path / name)], select_rules(["ALL"]), jobs=1).findings:
            if f.code not in ("INI900", "INI901"):  # flake8's E999, and noqa is flake8's own business
                cli.add((os.path.join(folder, "model.py"), str(f.line), str(f.column), f.code))
    assert len(cli) > 20
    assert ours == cli


TRICKY = '''\
import torch.nn as nn  # a comment
x = 1; y = 2


# leading comment
@decorator(
    arg=1,
)

# between decorator lines
@other
class Net(nn.Module):
    """Doc."""

    def __init__(self):
        super().__init__()
        if a:
            self.fc = nn.Linear(2, 2)
        elif b:
            self.fc = nn.Linear(3, 3)
        elif c: self.fc = None
        else:
            # comment at the else
            self.fc = \\
                nn.Linear(4, 4)
        try:
            import fast
        except ImportError as exc:
            fast = None
        except (ValueError, TypeError):
            pass
        else:
            z = 3
        finally:
            w = 4
        for i in range(3):
            with ctx() as c, other():
                self.x = i
        else:
            self.y = 0
        while False:
            pass
        else:
            q = 1
        match cmd:
            case [a, b]:
                self.a = a
            case _:
                self.b = 0

    async def forward(self, x):
        async with lock:
            async for item in stream:
                return self.fc(x)
if True: a = 1; b = 2
def last():
\treturn 1'''


def _statement_locs(body, path):
    """A locator for every statement of every block, at any depth, as the summary writes them."""
    for i, stmt in enumerate(body):
        here = path + (i,)
        yield here
        kind = type(stmt)
        if kind in (cst.FunctionDef, cst.ClassDef, cst.For, cst.While, cst.With, cst.If, cst.Try, cst.TryStar):
            if type(stmt.body) is cst.IndentedBlock:
                yield from _statement_locs(stmt.body.body, here + ("body", "body"))
        orelse, prefix = getattr(stmt, "orelse", None), here + ("orelse",)
        while type(orelse) is cst.If:  # elif chains
            if type(orelse.body) is cst.IndentedBlock:
                yield from _statement_locs(orelse.body.body, prefix + ("body", "body"))
            orelse, prefix = orelse.orelse, prefix + ("orelse",)
        if type(orelse) is cst.Else and type(orelse.body) is cst.IndentedBlock:
            yield from _statement_locs(orelse.body.body, prefix + ("body", "body"))
        for k, handler in enumerate(getattr(stmt, "handlers", ())):
            yield from _statement_locs(handler.body.body, here + ("handlers", k, "body", "body"))
        for k, case in enumerate(getattr(stmt, "cases", ())):
            yield from _statement_locs(case.body.body, here + ("cases", k, "body", "body"))
        final = getattr(stmt, "finalbody", None)
        if final is not None:
            yield from _statement_locs(final.body.body, here + ("finalbody", "body", "body"))


@pytest.mark.parametrize("ending", ENDINGS)
def test_one_statement_laid_out_alone_equals_libcsts_layout(ending):
    """The nested path (each locator's innermost statement laid out alone, from CPython's line for it) gives
    exactly libcst's positions, for every statement at every depth of real and tricky code."""
    checked = fallbacks = 0
    for name, text in {**SOURCES, "tricky": TRICKY}.items():
        text = reencode(text, ending)
        module = cst.parse_module(text)
        ref = _reference(module)
        for loc in _statement_locs(module.body, ("body",)):
            table = positions._nested_positions(module, [loc + ("body",)], text)
            if table is None:
                fallbacks += 1
                continue
            wrong = [node for node, rng in table.items() if ref[node] != rng]
            assert not wrong, (name, ending, loc, ref[wrong[0]], table[wrong[0]])
            assert positions.resolve(module, loc) in table
            checked += 1
    assert checked > 1000 and fallbacks == 0
