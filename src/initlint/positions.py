"""Positions for locators, computed only for files that have findings.

libcst computes positions by generating code for the whole module; that costs more than parsing, so
the summary keeps locators (paths from the module to a node) and this module turns them into 1-based
lines and columns (characters) for the few files that need them.
"""

from __future__ import annotations

import libcst as cst
from libcst.metadata.position_provider import NEWLINE_RE, PositionProvidingCodegenState


class _Collector:
    """Stands in for libcst's PositionProvider: the codegen state writes positions here."""

    def __init__(self):
        self._computed: dict = {}


def compute_positions(module: cst.Module, locs=None) -> dict:
    """Positions of nodes. With ``locs``, only the top-level statements holding those locators are laid out
    with position tracking; the lines before them are counted from plain code generation, which is several
    times cheaper."""
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
