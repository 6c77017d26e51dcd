"""Positions for locators, computed only for files that have findings.

libcst computes positions by generating code for the whole module; that costs more than parsing, so
the summary keeps locators (paths from the module to a node) and this module turns them into 1-based
lines and columns (characters) for the few files that need them.
"""

from __future__ import annotations

import ast

import libcst as cst
from libcst.metadata.position_provider import NEWLINE_RE, PositionProvidingCodegenState


class _Collector:
    """Stands in for libcst's PositionProvider: the codegen state writes positions here."""

    def __init__(self):
        self._computed: dict = {}


def compute_positions(module: cst.Module, locs=None, text: str | None = None) -> dict:
    """Positions of nodes. With ``locs``, only the statements holding those locators are laid out with position
    tracking. With ``text`` (what libcst parsed), the innermost statement holding each locator is laid out
    alone, starting at the line CPython's parser gives it (``_nested_positions``); else the top-level
    statements holding them, the lines before them counted from plain code generation."""
    if locs and text is not None:
        found = _nested_positions(module, locs, text)
        if found is not None:
            return found
    collector = _Collector()
    if locs is None:
        state = PositionProvidingCodegenState(
            default_indent=module.default_indent, default_newline=module.default_newline, provider=collector
        )
        module._codegen(state)
        return collector._computed
    wanted = sorted({loc[1] for loc in locs if len(loc) >= 2 and loc[0] == "body" and isinstance(loc[1], int)})
    if len(wanted) != len({tuple(loc[:2]) for loc in locs}) or not wanted:
        return compute_positions(module)  # a locator outside the module body: lay out everything
    # the lines before a laid-out statement are counted as libcst's PositionProvider counts them: "\r\n", a
    # lone "\r" and "\n" each end a line, whatever the module's default newline is (a file may mix them)
    line = 1 + sum(_line_breaks(module.code_for_node(h)) for h in module.header)
    done = 0
    for index in wanted:
        line += sum(_line_breaks(module.code_for_node(stmt)) for stmt in module.body[done:index])
        state = PositionProvidingCodegenState(
            default_indent=module.default_indent, default_newline=module.default_newline, provider=collector,
            line=line, column=0,
        )
        stmt = module.body[index]
        stmt._codegen(state)
        line = state.line
        done = index + 1
    return collector._computed


_COMPOUND = {
    cst.FunctionDef: (ast.FunctionDef, ast.AsyncFunctionDef), cst.ClassDef: (ast.ClassDef,), cst.If: (ast.If,),
    cst.For: (ast.For, ast.AsyncFor), cst.While: (ast.While,), cst.With: (ast.With, ast.AsyncWith),
    cst.Try: (ast.Try,), cst.TryStar: (getattr(ast, "TryStar", ast.Try),), cst.Match: (ast.Match,),
}


def _nested_positions(module: cst.Module, locs, text: str) -> dict | None:
    """Positions laid out statement by statement: for each locator, the innermost statement of a block that
    holds it is generated alone, with position tracking, from the line where CPython's parser puts it and the
    indentation of the blocks around it. Laying out a class to place one finding in its last method cost as
    much as parsing the file again. Each statement's generated code is compared with the text at that line:
    on any disagreement (or a text CPython does not parse) None, and the caller lays out the module."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    starts = [0] + [m.end() for m in NEWLINE_RE.finditer(text)]  # offset of each line, libcst's line breaks
    collector = _Collector()
    done: set = set()
    for loc in locs:
        found = _innermost(module, tree, loc)
        if found is None:
            return None
        stmt, node, indents = found
        if id(stmt) in done:
            continue
        done.add(id(stmt))
        line = _start_line(stmt, node)
        if not 1 <= line <= len(starts):
            return None
        state = PositionProvidingCodegenState(
            default_indent=module.default_indent, default_newline=module.default_newline, provider=collector,
            line=line, column=0,
        )
        state.indent_tokens = [module.default_indent if i is None else i for i in indents]
        stmt._codegen(state)
        code = "".join(state.tokens)
        here = text[starts[line - 1]:starts[line - 1] + len(code)]
        if here != code and not (starts[line - 1] + len(here) == len(text) and code.startswith(here)
                                 and code[len(here):] == module.default_newline):
            return None  # (the last statement of a file without a final newline: libcst writes one)
    return collector._computed


def _innermost(module: cst.Module, tree: ast.Module, loc: tuple):
    """(statement, its CPython node, the indentation of the blocks around it) for the innermost statement of a
    block on the locator's path, or None when the two trees do not line up."""
    body, nodes, indents = module.body, tree.body, []
    steps, pos, best = tuple(loc), 0, None
    if steps[:1] != ("body",):
        return None
    pos = 1
    while pos < len(steps) and isinstance(steps[pos], int):
        j = steps[pos]
        if j >= len(body):
            return None
        stmt = body[j]
        k = sum(len(s.body) if type(s) is cst.SimpleStatementLine else 1 for s in body[:j])
        if k >= len(nodes):
            return None
        node = nodes[k]
        expected = _COMPOUND.get(type(stmt))
        if expected is not None and not isinstance(node, expected):
            return None
        best = (stmt, node, tuple(indents))
        inner = _block_of(stmt, node, steps[pos + 1:])
        if inner is None:
            break
        body, nodes, more, used = inner
        indents.extend(more)
        pos += 1 + used
    return best


def _block_of(stmt, node, rest: tuple):
    """The block the locator continues into: (its statements, CPython's, the indentation it adds, steps used)."""
    kind = type(stmt)
    if kind not in _COMPOUND:
        return None
    if rest[:2] == ("body", "body") and type(stmt.body) is cst.IndentedBlock:
        return stmt.body.body, node.body, (stmt.body.indent,), 2
    if rest[:1] == ("orelse",) and kind is cst.If and type(stmt.orelse) is cst.If:  # elif
        if not (node.orelse and isinstance(node.orelse[0], ast.If)):
            return None
        inner = _block_of(stmt.orelse, node.orelse[0], rest[1:])
        return None if inner is None else (*inner[:3], inner[3] + 1)
    if rest[:3] == ("orelse", "body", "body") and kind in (cst.If, cst.For, cst.While, cst.Try, cst.TryStar) \
            and type(stmt.orelse) is cst.Else and type(stmt.orelse.body) is cst.IndentedBlock:
        return stmt.orelse.body.body, node.orelse, (stmt.orelse.body.indent,), 3
    if rest[:3] == ("finalbody", "body", "body") and kind in (cst.Try, cst.TryStar) \
            and type(stmt.finalbody.body) is cst.IndentedBlock:
        return stmt.finalbody.body.body, node.finalbody, (stmt.finalbody.body.indent,), 3
    for field, ast_field in (("handlers", "handlers"), ("cases", "cases")):
        if rest[:1] == (field,) and len(rest) >= 4 and isinstance(rest[1], int) and rest[2:4] == ("body", "body"):
            items, ast_items = getattr(stmt, field, ()), getattr(node, ast_field, ())
            if rest[1] < len(items) and len(items) == len(ast_items) \
                    and type(items[rest[1]].body) is cst.IndentedBlock:
                block = items[rest[1]].body
                # a match statement indents its cases (its own ``indent``), then each case its body
                outer = (stmt.indent,) if field == "cases" else ()
                return block.body, ast_items[rest[1]].body, (*outer, block.indent), 4
    return None


def _start_line(stmt, node) -> int:
    """The line where libcst starts writing ``stmt`` (its leading blank and comment lines included), from the
    line CPython gives its first token."""
    if type(stmt) in (cst.FunctionDef, cst.ClassDef):
        if stmt.decorators:
            return node.decorator_list[0].lineno - len(stmt.decorators[0].leading_lines) - len(stmt.leading_lines)
        return node.lineno - len(stmt.lines_after_decorators) - len(stmt.leading_lines)
    return node.lineno - len(stmt.leading_lines)


def _line_breaks(code: str) -> int:
    return len(NEWLINE_RE.findall(code))


def resolve(module: cst.Module, loc: tuple):
    """The node a locator names; on a path that no longer fits, the deepest node reached."""
    node = module
    for step in loc:
        try:
            nxt = node[step] if isinstance(step, int) else getattr(node, step)
        except (AttributeError, IndexError, TypeError):
            break
        if isinstance(nxt, (cst.CSTNode, list, tuple)):
            node = nxt
        else:
            break
    while isinstance(node, (list, tuple)):
        if not node:
            return module
        node = node[0]
    return node


def locate(module: cst.Module, positions: dict, loc: tuple) -> tuple[int, int, int, int]:
    """(line, column, end_line, end_column), 1-based lines and columns."""
    node = resolve(module, loc)
    rng = positions.get(node)
    if rng is None:
        return 1, 1, 1, 1
    return rng.start.line, rng.start.column + 1, rng.end.line, rng.end.column + 1
