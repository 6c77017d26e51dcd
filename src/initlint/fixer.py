"""``--fix`` / ``--unsafe-fixes`` / ``--diff`` / ``--add-noqa``: edit files with libcst.

After ``engine._place`` every fix edit is ``((line, col, end_line, end_col), where, content)`` with the
1-based position of the node it targets:

* ``end``: insert ``content`` right after the node (INI101 appends ``_`` to the callee's name);
* ``wrap_if``: wrap the statement that holds the node in ``if <content>:`` (INI201/INI209);
* ``uncall``: replace the call ``f()`` by its callee ``f`` (INI303);
* ``replace``: replace the expression by ``content`` (an expression);
* ``comment``: replace the comment token by ``content`` ("": remove it, and its line when it stands alone)
  (INI901).

A fix with no edits (its message says what to do) is not applied.

Files are rewritten atomically (a temporary file in the same directory, then ``os.replace``), keeping
their mode, encoding (and BOM) and line endings; a result that does not parse is not written.
"""

from __future__ import annotations

import ast
import bisect
import difflib
import os
import re
import stat
from dataclasses import dataclass, field

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from .source import Problem, Source, parse, read_source, write_atomically

_SCOPES = (cst.Lambda, cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp)


@dataclass
class Outcome:
    fixed: int = 0  # findings whose fix was applied (or would be, with --diff)
    noqa_added: int = 0  # findings suppressed by an added noqa comment
    changed: list[str] = field(default_factory=list)  # files written (or that would be, with --diff)
    remaining: list = field(default_factory=list)  # findings neither fixed nor suppressed
    diff: str = ""
    problems: list[str] = field(default_factory=list)  # fixes that could not be applied, and why


# ---- fixes ---------------------------------------------------------------------------------------------
def _span(pos) -> tuple[int, int, int, int]:
    line, col, end_line, end_col = pos
    return line, col, end_line, end_col


def _contains(outer, inner) -> bool:
    return (outer[0], outer[1]) <= (inner[0], inner[1]) and (inner[2], inner[3]) <= (outer[2], outer[3])


class _Locate(cst.CSTVisitor):
    """Finds, for each wanted span, the nodes with exactly that span and the small statement around it."""

    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self, spans, module: cst.Module | None = None):
        super().__init__()
        self.spans = sorted(set(spans))
        self._starts = [(span[0], span[1]) for span in self.spans]  # sorted: the spans inside a node by bisection
        self.tops = {id(stmt): index for index, stmt in enumerate(module.body)} if module is not None else {}
        if module is not None:  # the lines above and below the statements belong to none of them
            self.tops.update((id(line), -1) for line in (*module.header, *module.footer))
        self.current = -1  # the top-level statement being visited (-1: none)
        self.top: dict = {}  # span -> index of the top-level statement holding it
        self.exact: dict = {}  # span -> [nodes, outermost first]
        self.statement: dict = {}  # span -> the small statement holding it
        self.scoped: set = set()  # spans inside a lambda or comprehension (a guard there would be wrong)

    def on_visit(self, node) -> bool:
        self.current = self.tops.get(id(node), self.current)
        rng = self.get_metadata(PositionProvider, node, None)
        if rng is None:
            return True
        here = (rng.start.line, rng.start.column + 1, rng.end.line, rng.end.column + 1)
        first = bisect.bisect_left(self._starts, (here[0], here[1]))
        last = bisect.bisect_right(self._starts, (here[2], here[3]))
        for span in self.spans[first:last]:  # the spans starting inside the node
            if here == span:
                self.exact.setdefault(span, []).append(node)
            if _contains(here, span):
                if self.current >= 0:
                    self.top.setdefault(span, self.current)
                if isinstance(node, cst.BaseSmallStatement):
                    self.statement[span] = node
                elif isinstance(node, _SCOPES) and span in self.statement:
                    self.scoped.add(span)
        return True


class _Apply(cst.CSTTransformer):
    def __init__(self, ends: dict, uncalls: set, guards: dict, replaces: dict | None = None,
                 comments: dict | None = None):
        super().__init__()
        self.comments = comments or {}  # id(comment node) -> its new text ("": remove it)
        self.replaces = replaces or {}  # id(expression node) -> the expression replacing it
        self.ends = ends  # id(node) -> content to append to the name
        self.uncalls = uncalls  # id(call node)
        self.guards = guards  # id(small statement) -> [condition, ...]

    def on_leave(self, original, updated):
        new = self.replaces.get(id(original))
        if new is not None:
            return new.with_changes(lpar=updated.lpar, rpar=updated.rpar) if getattr(updated, "lpar", None) else new
        return super().on_leave(original, updated)

    def leave_Name(self, original, updated):
        content = self.ends.get(id(original))
        return updated.with_changes(value=updated.value + content) if content else updated

    def leave_Attribute(self, original, updated):
        content = self.ends.get(id(original))
        if content:
            return updated.with_changes(attr=updated.attr.with_changes(value=updated.attr.value + content))
        return updated

    def leave_TrailingWhitespace(self, original, updated):
        new = self.comments.get(id(original.comment)) if original.comment is not None else None
        if new is None:
            return updated
        if new:
            return updated.with_changes(comment=cst.Comment(new))
        return updated.with_changes(whitespace=cst.SimpleWhitespace(""), comment=None)

    def leave_EmptyLine(self, original, updated):
        new = self.comments.get(id(original.comment)) if original.comment is not None else None
        if new is None:
            return updated
        return updated.with_changes(comment=cst.Comment(new)) if new else cst.RemoveFromParent()

    def leave_Call(self, original, updated):
        if id(original) in self.uncalls:
            return updated.func.with_changes(lpar=updated.lpar, rpar=updated.rpar) if updated.lpar else updated.func
        return updated

    def _split(self, original: cst.SimpleStatementLine | cst.SimpleStatementSuite, updated) -> list | None:
        """One statement line per small statement, the guarded ones wrapped in ``if``; None: nothing to do."""
        if not any(id(s) in self.guards for s in original.body):
            return None
        out = []
        for index, (orig, small) in enumerate(zip(original.body, updated.body)):
            small = small.with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
            last = index == len(original.body) - 1
            trailing = updated.trailing_whitespace if last else cst.TrailingWhitespace()
            stmt: cst.BaseStatement = cst.SimpleStatementLine(body=[small], trailing_whitespace=trailing)
            for cond in self.guards.get(id(orig), ()):
                stmt = cst.If(test=cst.parse_expression(cond), body=cst.IndentedBlock(body=[stmt]))
            if index == 0 and isinstance(original, cst.SimpleStatementLine):
                # blank lines and comments above the statement stay above the new `if`
                stmt = stmt.with_changes(leading_lines=original.leading_lines)
            out.append(stmt)
        return out

    def leave_SimpleStatementLine(self, original, updated):
        out = self._split(original, updated)
        if out is None:
            return updated
        return cst.FlattenSentinel(out)

    def leave_SimpleStatementSuite(self, original, updated):
        out = self._split(original, updated)
        if out is None:
            return updated
        return cst.IndentedBlock(body=out, header=updated.trailing_whitespace)


def _prepare(text: str, path: str, spans, outcome: Outcome):
    """(module, locator) for ``text``: one parse and one position pass, whatever the number of fixes."""
    module = parse(Source(path, text, "utf-8", "\n"))  # guards against nesting that crashes libcst
    if isinstance(module, Problem):
        outcome.problems.append(f"{path}: not fixed: {module.message}")
        return None
    locate = _Locate(spans, module)
    try:
        MetadataWrapper(module, unsafe_skip_copy=True).visit(locate)
    except RecursionError:
        outcome.problems.append(f"{path}: not fixed: code nested too deeply")
        return None
    return module, locate


def _plan(f, locate: "_Locate") -> list | None:
    """What each of the finding's edits does to which node; None: the code does not have the expected shape."""
    plan = []
    for pos, where, content in f.fix.edits:
        span = _span(pos)
        nodes = locate.exact.get(span, [])
        if where == "end":
            node = next((n for n in nodes if isinstance(n, (cst.Attribute, cst.Name))), None)
            ok = node is not None and (getattr(node, "attr", node).value + content).isidentifier()
            plan.append(("end", node, content, span) if ok else None)
        elif where == "replace":
            node = next((n for n in nodes if isinstance(n, cst.BaseExpression)), None)
            try:
                expr = cst.parse_expression(content)
            except Exception:  # noqa: BLE001
                node = None
            plan.append(("replace", node, expr, span) if node is not None else None)
        elif where == "uncall":
            node = next((n for n in nodes if isinstance(n, cst.Call) and not n.args), None)
            plan.append(("uncall", node, None, span) if node is not None else None)
        elif where == "comment":
            node = next((n for n in nodes if isinstance(n, cst.Comment)), None)
            plan.append(("comment", node, content, span) if node is not None else None)
        elif where == "wrap_if":
            stmt = locate.statement.get(span)
            ok = stmt is not None and span not in locate.scoped
            try:
                cst.parse_expression(content)
            except Exception:  # noqa: BLE001
                ok = False
            plan.append(("wrap_if", stmt, content, span) if ok else None)
        else:
            plan.append(None)
    return None if not plan or None in plan else plan


def _transformer(plans) -> "_Apply":
    ends: dict = {}
    comments: dict = {}
    uncalls: set = set()
    replaces: dict = {}
    guards: dict = {}
    for plan in plans:
        for kind, node, content, _ in plan:
            if kind == "end":
                ends[id(node)] = content
            elif kind == "uncall":
                uncalls.add(id(node))
            elif kind == "comment":
                comments[id(node)] = content
            elif kind == "replace":
                replaces[id(node)] = content
            else:
                conds = guards.setdefault(id(node), [])
                if content not in conds:
                    conds.append(content)
    return _Apply(ends, uncalls, guards, replaces, comments)


def _applicable(findings: list, unsafe: bool) -> list:
    return [f for f in findings
            if f.fix is not None and f.fix.edits and (f.fix.applicability == "safe" or unsafe)]


def _fix_text(text: str, findings: list, unsafe: bool, outcome: Outcome, path: str) -> tuple[str, list]:
    """The text with the fixes of ``findings`` applied, and the findings that fixes."""
    wanted = _applicable(findings, unsafe)
    if not wanted:
        return text, []
    prepared = _prepare(text, path, {_span(pos) for f in wanted for pos, _, _ in f.fix.edits}, outcome)
    if prepared is None:
        return text, []
    module, locate = prepared
    plans, fixed = [], []
    for f in wanted:
        plan = _plan(f, locate)
        if plan is None:
            outcome.problems.append(f"{path}:{f.line}:{f.column}: {f.code} not fixed: the code does not have the"
                                    " expected shape")
            continue
        plans.append(plan)
        fixed.append(f)
    if not fixed:
        return text, []
    try:
        if module.code != text:  # libcst would not write this file back as it is: edit nothing
            outcome.problems.append(f"{path}: not fixed: the file cannot be reproduced exactly from its syntax tree")
            return text, []
        new = module.visit(_transformer(plans)).code
    except RecursionError:
        outcome.problems.append(f"{path}: not fixed: code nested too deeply")
        return text, []
    return new, fixed


_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # Python's line breaks (and libcst's), not form feed or U+2028


def file_text_edits(path: str, findings: list, text: str | None = None) -> dict[int, list[dict]]:
    """id(finding) -> its fix as ruff-style text edits (1-based rows and columns in Python's lines), one per
    top-level statement it changes, for the JSON report. The file is parsed once for all its findings; each
    finding's fix is applied on its own to the top-level statements it touches. ``text``: the file's text when
    it is not on disk (standard input)."""
    wanted = _applicable(findings, True)
    if not wanted:
        return {}
    source = None
    if text is None:
        source = read_source(path)
        if isinstance(source, Problem):
            return {}
        text = source.text
    notebook = getattr(source, "notebook", None)
    prepared = _prepare(text, path, {_span(pos) for f in wanted for pos, _, _ in f.fix.edits}, Outcome())
    if prepared is None:
        return {}
    module, locate = prepared
    codes = [module.code_for_node(stmt) for stmt in module.body]
    header = "".join(module.code_for_node(h) for h in module.header)
    offsets, at = [], len(header)
    for code in codes:
        offsets.append(at)
        at += len(code)
    laid_out = header + "".join(codes)  # the footer follows; a file without a final newline lacks the last one
    if not (text.startswith(laid_out) or laid_out.startswith(text)):  # not the file as written: no edits
        return {}
    starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def row_col(offset: int) -> dict:
        offset = min(offset, len(text))
        row = bisect.bisect_right(starts, offset)
        column = offset - starts[row - 1] + 1
        if notebook is not None:  # a notebook: the row in its cell, as ruff gives it
            row = notebook.locate(row)[1]
        return {"row": row, "column": column}

    def edit(old: str, new: str, base: int) -> dict | None:
        """The smallest edit turning ``old`` (which starts at offset ``base`` of the file) into ``new``."""
        span = minimal_edit(old, new)
        if span is None:
            return None
        start, end, content = span
        return {"content": content, "location": row_col(base + start), "end_location": row_col(base + end)}

    out: dict[int, list[dict]] = {}
    for f in wanted:
        plan = _plan(f, locate)
        if plan is None:
            continue
        tops = sorted({locate.top.get(span, -1) for _, _, _, span in plan})
        try:
            if tops and tops[0] < 0:  # a target outside the statements (a comment above or below them)
                whole = edit(module.code, module.visit(_transformer([plan])).code, 0) \
                    if module.code == text else None
                edits = [whole] if whole is not None else []
            else:
                edits = []
                for index in tops:
                    result = module.body[index].visit(_transformer([plan]))
                    nodes = result.nodes if isinstance(result, cst.FlattenSentinel) else \
                        [] if isinstance(result, cst.RemovalSentinel) else [result]
                    one = edit(codes[index], "".join(module.code_for_node(n) for n in nodes), offsets[index])
                    if one is not None:
                        edits.append(one)
        except RecursionError:
            edits = []
        if edits:
            out[id(f)] = edits
    return out


def text_edits(finding, text: str | None = None) -> list[dict]:
    """The finding's fix as ruff-style text edits; ``file_text_edits`` does a whole file's at once."""
    return file_text_edits(finding.path, [finding], text).get(id(finding), [])


# ---- noqa ----------------------------------------------------------------------------------------------
def _noqa_text(text: str, findings: list, outcome: Outcome, path: str) -> tuple[str, list]:
    from .noqa import add_noqa

    new, added, problems = add_noqa(text, findings, path)
    outcome.problems.extend(problems)
    return new, added


# ---- files ---------------------------------------------------------------------------------------------
def _parses_like(before: Source, after_text: str) -> bool:
    """The new text parses (or, for a file that did not parse, fails at the same place)."""
    old = parse(before)
    new = parse(Source(before.path, after_text, before.encoding, before.newline))
    if isinstance(old, Problem):
        return isinstance(new, Problem) and (new.line, new.message) == (old.line, old.message)
    if isinstance(new, Problem):
        return False
    try:
        ast.parse(after_text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def _write_atomic(path: str, data: bytes) -> None:
    real = os.path.realpath(path)  # write through a symlink, not over it
    write_atomically(real, data, prefix=f".{os.path.basename(real)}.", suffix=".initlint.tmp",
                     mode=stat.S_IMODE(os.stat(real).st_mode), durable=True)


def outside_roots(path: str, roots) -> str | None:
    """The file ``path`` really is, when a symbolic link leads out of every checked path (``roots``); else None."""
    if roots is None:
        return None
    real = os.path.realpath(path)
    if real == os.path.abspath(path):
        return None  # no link on the way: the file is where it was found
    for root in roots:
        base = os.path.realpath(root)
        if real == base or real.startswith(base.rstrip(os.sep) + os.sep):
            return None
    return real


def fix_files(findings: list, diff: bool = False, unsafe: bool = False, add_noqa: bool = False,
              roots=None) -> Outcome:
    """Apply fixes (or, with ``add_noqa``, append noqa comments instead); with ``diff`` write nothing.

    ``roots``: the checked paths. A file reached through a symbolic link that leads outside all of them is left
    alone (its findings stay), so ``--fix`` never edits a file outside the checked tree."""
    from .output import display_path

    outcome = Outcome()
    by_path: dict[str, list] = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    # a file reached by two paths (a symlink to a file that is checked too) is edited once, through the path
    # that is not a link: the second path's findings were those of the same text, already fixed
    chosen: dict[str, str] = {}
    for path in sorted(by_path, key=lambda p: (os.path.realpath(p) != os.path.abspath(p), p)):
        chosen.setdefault(os.path.realpath(path), path)
    for path in sorted(by_path):
        items = by_path[path]
        if chosen[os.path.realpath(path)] != path:
            outcome.remaining.extend(items)
            continue
        target = outside_roots(path, roots)
        if target is not None:
            outcome.problems.append(f"{path}: not fixed: it is a symbolic link to {target}, outside the checked"
                                    " paths")
            outcome.remaining.extend(items)
            continue
        source = read_source(path)
        if isinstance(source, Problem):
            outcome.problems.append(f"{path}: not fixed: {source.message}")
            outcome.remaining.extend(items)
            continue
        before = len(outcome.problems)
        if add_noqa:
            text, done = _noqa_text(source.text, items, outcome, path)
        else:
            text, done = _fix_text(source.text, items, unsafe, outcome, path)
        if getattr(source, "notebook", None) is not None:  # a notebook: the messages name the cell and its line
            outcome.problems[before:] = [source.notebook.in_cells(p, path) for p in outcome.problems[before:]]
        if text == source.text:
            outcome.remaining.extend(items)
            continue
        if not _parses_like(source, text):
            outcome.problems.append(f"{path}: not fixed: the edited code would not parse; file left unchanged")
            outcome.remaining.extend(items)
            continue
        data = None
        if getattr(source, "notebook", None) is not None:  # a notebook: the edited module goes back into its cells
            from .notebook import NotebookError

            try:
                data, chunk = source.notebook.write_back(text, display_path(path).replace(os.sep, "/"))
            except NotebookError as exc:
                outcome.problems.append(f"{path}: not fixed: {exc}; file left unchanged")
                outcome.remaining.extend(items)
                continue
        if diff and data is not None:
            outcome.diff += chunk
        elif diff:
            name = display_path(path).replace(os.sep, "/")
            chunk = "".join(difflib.unified_diff(source.text.splitlines(keepends=True),
                                                 text.splitlines(keepends=True),
                                                 fromfile=f"a/{name}", tofile=f"b/{name}"))
            if not chunk.endswith("\n"):
                chunk += "\n\\ No newline at end of file\n"
            outcome.diff += chunk
        else:
            try:
                _write_atomic(path, data if data is not None else text.encode(source.encoding))
            except OSError as exc:
                outcome.problems.append(f"{path}: not written: {exc.strerror or exc}")
                outcome.remaining.extend(items)
                continue
        outcome.changed.append(path)
        if add_noqa:
            outcome.noqa_added += len(done)
        else:
            outcome.fixed += len(done)
        handled = {id(f) for f in done}
        outcome.remaining.extend(f for f in items if id(f) not in handled)
    return outcome


def apply_fixes(findings: list, diff: bool, unsafe: bool, add_noqa: bool, fix: bool = True) -> tuple[list, str]:
    """(findings left, summary line): fixes first (unless ``fix`` is False), then noqa comments.

    With ``diff`` nothing is written and the diff goes to ``Outcome.diff`` via ``run``; the CLI re-checks
    the files after writing, so the findings it reports are the ones really left.
    """
    outcome = run(findings, diff=diff, unsafe=unsafe, add_noqa=add_noqa, fix=fix)
    return outcome.remaining, summary(outcome, diff, len(outcome.remaining))


def run(findings: list, diff: bool, unsafe: bool, add_noqa: bool, fix: bool = True, roots=None) -> Outcome:
    outcome = Outcome(remaining=list(findings))
    if fix:
        outcome = fix_files(findings, diff=diff, unsafe=unsafe, roots=roots)
    if add_noqa:
        noqa = fix_files(outcome.remaining, diff=diff, add_noqa=True, roots=roots)
        outcome.noqa_added = noqa.noqa_added
        outcome.diff += noqa.diff
        outcome.changed += [p for p in noqa.changed if p not in outcome.changed]
        outcome.problems += noqa.problems
        outcome.remaining = noqa.remaining
    return outcome


def summary(outcome: Outcome, diff: bool, remaining: int) -> str:
    def errors(n: int) -> str:
        return f"{n} error{'s' if n != 1 else ''}"

    parts = []
    if outcome.fixed or not outcome.noqa_added:
        verb = "Would fix" if diff else "Fixed"
        parts.append(f"{verb} {errors(outcome.fixed)}, {remaining} remaining.")
    if outcome.noqa_added:
        verb = "Would add" if diff else "Added"
        parts.append(f"{verb} `# noqa` for {errors(outcome.noqa_added)}.")
    return " ".join(parts)


def minimal_edit(old: str, new: str) -> tuple[int, int, str] | None:
    """(start, end, replacement): the one span of ``old`` to replace to get ``new``; None when equal."""
    if old == new:
        return None
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return start, end_old, new[start:end_new]
