"""Positions for locators, computed only for files that have findings.

libcst computes positions by generating code for the whole module; that costs more than parsing, so
the summary keeps locators (paths from the module to a node) and this module turns them into 1-based
lines and columns (characters) for the few files that need them.
"""

from __future__ import annotations

import libcst as cst
from libcst.metadata.position_provider import PositionProvidingCodegenState


class _Collector:
    """Stands in for libcst's PositionProvider: the codegen state writes positions here."""

    def __init__(self):
        self._computed: dict = {}


def compute_positions(module: cst.Module) -> dict:
    collector = _Collector()
    state = PositionProvidingCodegenState(
        default_indent=module.default_indent, default_newline=module.default_newline, provider=collector
    )
    module._codegen(state)
    return collector._computed


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
