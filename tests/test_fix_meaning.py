"""``--fix --unsafe-fixes --select ALL`` over real model code (the examples and every rule page's bad example, as
written and re-encoded with CRLF, lone CR and mixed line endings): every file still parses, a second run changes
nothing, and CPython's tree changes only in the statements that hold a fix's target."""

from __future__ import annotations

import ast
import difflib
import glob
import os

import pytest

from initlint.engine import check_paths
from initlint.pages import code_blocks, page, sections
from initlint.rules import RULES, select_rules

from _helpers import ROOT, cli
from test_positions import reencode

#: fields that hold statements (or handlers and match cases, which hold statements), compared one by one;
#: every other field of a statement must be equal for the comparison to go inside it
BODIES = ("body", "orelse", "finalbody", "handlers", "cases")


def corpus(root) -> list[str]:
    sources = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "examples", "**", "*.py"), recursive=True)):
        sources[os.path.relpath(path, ROOT).replace(os.sep, "_")] = open(path, encoding="utf-8").read()
    for code in sorted(RULES):
        text = page(code)
        if text is None or code == "INI900":
            continue
        for n, block in enumerate(code_blocks(sections(text).get("example", ""))):
            sources[f"{code}_example{n}.py"] = block
    names = []
    for name, text in sources.items():
        for ending in ("lf", "crlf", "cr", "mixed"):
            folder = root / f"{name[:-3]}_{ending}"  # each its own one-file project, as the rule pages are
            folder.mkdir()
            with open(folder / name, "w", encoding="utf-8", newline="") as handle:
                handle.write(reencode(text, ending))
            names.append(str(folder / name))
    return names


def snapshot(paths) -> dict[str, bytes]:
    out = {}
    for path in paths:
        with open(path, "rb") as handle:
            out[path] = handle.read()
    return out


def _lines(node) -> tuple[int, int]:
    if hasattr(node, "lineno"):
        return node.lineno, node.end_lineno or node.lineno
    inner = [_lines(child) for child in node.body]  # a match case: its statements
    return inner[0][0], inner[-1][1]


def holds_target(node, targets: set[int]) -> bool:
    first, last = _lines(node)
    return any(first <= line <= last for line in targets)


def _dump(value):
    if isinstance(value, ast.AST):
        return ast.dump(value)
    if isinstance(value, list):
        return [_dump(item) for item in value]
    return value


def same_except_bodies(a, b) -> bool:
    return type(a) is type(b) and all(name in BODIES or _dump(value) == _dump(getattr(b, name))
                                      for name, value in ast.iter_fields(a))


def unexpected_changes(before: list, after: list, targets: set[int], where: str = "module") -> list[str]:
    """Statements that differ although they hold no fix target: compared statement by statement, going inside a
    compound statement whose own parts (its test, its signature, ...) did not change."""
    problems = []
    matcher = difflib.SequenceMatcher(a=[ast.dump(s) for s in before], b=[ast.dump(s) for s in after],
                                      autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        old, new = before[i1:i2], after[j1:j2]
        if not old:
            problems.append(f"{where}: statements added at line {_lines(new[0])[0]}")
            continue
        pairs = zip(old, new) if len(old) == len(new) else ((a, None) for a in old)
        for a, b in pairs:
            if b is not None and same_except_bodies(a, b):
                for field in BODIES:
                    problems += unexpected_changes(getattr(a, field, None) or [], getattr(b, field, None) or [],
                                                   targets, f"{where} > line {_lines(a)[0]}")
            elif not holds_target(a, targets):  # replaced, wrapped in a guard, or split in two (`a; b`)
                problems.append(f"{where}: line {_lines(a)[0]} changed but holds no fix target")
    return problems


def line_map(text: str, ending: str) -> dict[int, int]:
    """LF line number -> the line it is on in ``reencode(text, ending)`` (in a mixed file a lone CR followed by
    an empty line's LF is one line break, so lines move up)."""
    import re

    mutant = reencode(text, ending)
    out, offset = {}, 0
    for number, line in enumerate(text.split("\n"), 1):
        out[number] = len(re.findall(r"\r\n|\r|\n", mutant[:offset])) + 1
        offset += len(line)
        if offset < len(mutant):
            offset += 2 if mutant.startswith("\r\n", offset) else 1
    return out


@pytest.fixture(scope="module")
def fixed_corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("fixmeaning")
    paths = corpus(root)
    before = snapshot(paths)
    # the fixes' targets, from the LF copies (whatever initlint does with other line endings, it must not
    # decide what counts as a target), carried over to the same code in each re-encoded copy
    findings = check_paths([str(root)], select_rules(["ALL"]), jobs=1).findings
    lf_targets: dict[str, set[int]] = {}
    fixable = set()
    for f in findings:
        if f.fix is not None and f.fix.edits and os.path.dirname(f.path).endswith("_lf"):
            fixable.add(f.code)
            for (line, _col, end_line, _end_col), _where, _content in f.fix.edits:
                lf_targets.setdefault(f.path, set()).update(range(line, end_line + 1))
    targets: dict[str, set[int]] = {}
    for path in paths:
        folder = os.path.dirname(path)
        ending = folder.rsplit("_", 1)[1]
        lf = os.path.join(folder.rsplit("_", 1)[0] + "_lf", os.path.basename(path))
        mapping = line_map(before[lf].decode(), ending)
        targets[path] = {mapping[line] for line in lf_targets.get(lf, ())}
    code, out, err = cli(root, "--fix", "--unsafe-fixes", "--select", "ALL", ".")
    assert code in (0, 1) and "internal error" not in err, err
    return root, paths, before, snapshot(paths), targets, fixable, err


def test_fixes_were_applied_to_every_encoding(fixed_corpus):
    root, paths, before, after, targets, fixable, err = fixed_corpus
    assert fixable >= {"INI101", "INI201", "INI204", "INI209", "INI303"}
    changed = {p for p in paths if before[p] != after[p]}
    for ending in ("lf", "crlf", "cr", "mixed"):
        assert sum(1 for p in changed if os.path.dirname(p).endswith("_" + ending)) >= 5, ending
    assert "Fixed " in err and "Fixed 0 " not in err


def test_every_fixed_file_still_parses(fixed_corpus):
    root, paths, before, after, targets, fixable, err = fixed_corpus
    for path in paths:
        ast.parse(after[path].decode("utf-8"), path)


def test_a_second_run_changes_nothing(fixed_corpus):
    root, paths, before, after, targets, fixable, err = fixed_corpus
    code, out, err2 = cli(root, "--fix", "--unsafe-fixes", "--select", "ALL", ".")
    assert snapshot(paths) == after
    assert "Fixed 0 errors" in err2


def test_the_tree_changes_only_where_a_fix_was_aimed(fixed_corpus):
    root, paths, before, after, targets, fixable, err = fixed_corpus
    problems = []
    for path in paths:
        if before[path] == after[path]:
            continue
        old = ast.parse(before[path].decode("utf-8"))
        new = ast.parse(after[path].decode("utf-8"))
        assert targets[path], path
        problems += [f"{os.path.relpath(path, root)}: {p}" for p in
                     unexpected_changes(old.body, new.body, targets[path])]
    assert not problems, "\n".join(problems)


def endings(text: str) -> dict[str, int]:
    crlf = text.count("\r\n")
    return {"\r\n": crlf, "\r": text.count("\r") - crlf, "\n": text.count("\n") - crlf}


def test_the_line_endings_survive_the_fix(fixed_corpus):
    """A fix writes no line ending the file did not use already (a lone CR file stays lone CR)."""
    root, paths, before, after, targets, fixable, err = fixed_corpus
    for path in paths:
        old, new = endings(before[path].decode()), endings(after[path].decode())
        assert {e for e, n in new.items() if n} <= {e for e, n in old.items() if n}, path


def test_the_check_fails_on_a_fix_that_changes_the_wrong_statement():
    """The comparison itself catches a wrapped import (the old lone-CR bug) and a flipped test."""
    before = ast.parse("import os\n\ndef f(m):\n    if type(m) == A:\n        return\n    g(m.bias)\n").body
    wrong = ast.parse("if m.bias is not None:\n    import os\n\ndef f(m):\n    if type(m) == A:\n        return\n"
                      "    g(m.bias)\n").body
    assert unexpected_changes(before, wrong, {6})
    right = ast.parse("import os\n\ndef f(m):\n    if type(m) == A:\n        return\n    if m.bias is not None:\n"
                      "        g(m.bias)\n").body
    assert not unexpected_changes(before, right, {6})
    flipped = ast.parse("import os\n\ndef f(m):\n    if not isinstance(m, A):\n        return\n    g(m.bias)\n").body
    assert unexpected_changes(before, flipped, {6})
    assert not unexpected_changes(before, flipped, {4})
