"""What a rule reports: a finding, its fix and the other places it involves. Plain data, importable without the
rules (a report recalled from the cache is made of these)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Fix:
    """A fix: a message, its applicability (``safe``/``unsafe``) and edits expressed on locators.

    Each edit is ``(locator, where, content)``: ``where`` is ``"end"`` (insert after the node),
    ``"replace"`` (replace the node's text) or ``"wrap_if"`` (wrap the statement in an if).
    """

    message: str
    applicability: str
    edits: list = field(default_factory=list)


@dataclass
class Related:
    """Another place a finding involves (the layer built without a bias, the load before the init), possibly in
    another file: a locator in ``path``, resolved to a position by the engine like the finding's own."""

    path: str
    loc: tuple | None
    message: str
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0


@dataclass
class Finding:
    code: str
    message: str
    path: str
    loc: tuple | None = None  # locator, resolved to a position only for files with findings
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    fix: Fix | None = None
    #: the other places the finding involves (``Related``); a finding is reported when its own location or one
    #: of these lies in a checked file (``--context``)
    related: list = field(default_factory=list)
    cell: int | None = None  # notebooks: the 1-based cell, set for display (line is then the line in the cell)
