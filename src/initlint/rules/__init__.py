"""The rule registry: one module per rule, each defining one ``Rule`` subclass.

Rules are queries over a file's summary and the project index; none of them walks the syntax tree.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from ..index import ProjectIndex
from ..summary import FileSummary, iter_with_nested  # noqa: F401 - rules import it from here


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


class Rule:
    code = ""
    name = ""
    summary = ""
    default = True  # off-by-default rules run only when selected by their full code or ALL
    fixable = False
    #: whether a finding can name a related location in another file; with ``--context`` the rule then runs on
    #: the files read for context too (its finding there may involve a checked file), else it is not run there
    related_elsewhere = True

    def check(self, file: FileSummary, index: ProjectIndex) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(self, file: FileSummary, loc, message: str, fix: Fix | None = None,
                related: Iterable[Related] = ()) -> Finding:
        return Finding(self.code, message, file.path, loc, fix=fix, related=_unique_related(related))


def _unique_related(related: Iterable[Related]) -> list[Related]:
    """Each place once, in the order the rule gave them."""
    out, seen = [], set()
    for item in related:
        key = (item.path, item.loc, item.line, item.column)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _load() -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.startswith("ini"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Rule) and value is not Rule and value.code:
                rules[value.code] = value()
    return dict(sorted(rules.items()))


def matches(code: str, selector: str) -> bool:
    selector = selector.strip().upper()
    return selector == "ALL" or code.startswith(selector)


def select_rules(select: list[str] | None = None, ignore: list[str] | None = None,
                 extend_select: list[str] | None = None) -> list[Rule]:
    """ruff-style selection by code prefix; opt-in rules need their full code (or ALL)."""

    def chosen(rule: Rule, selectors: list[str]) -> bool:
        for sel in selectors:
            sel = sel.strip().upper()
            if sel == "ALL" or sel == rule.code or (rule.default and rule.code.startswith(sel)):
                return True
        return False

    if select is None:
        enabled = [r for r in RULES.values() if r.default]
    else:
        enabled = [r for r in RULES.values() if chosen(r, select)]
    for rule in RULES.values():
        if extend_select and rule not in enabled and chosen(rule, extend_select):
            enabled.append(rule)
    if ignore:
        enabled = [r for r in enabled if not any(matches(r.code, sel) for sel in ignore)]
    return sorted(enabled, key=lambda r: r.code)


def unknown_selectors(selectors: Iterable[str]) -> list[str]:
    """Selectors that match no rule (a usage error)."""
    return [s or '""' for s in selectors if not s.strip() or not any(matches(c, s) for c in RULES)]


def each_init(file: FileSummary, torch_only: bool = False) -> Iterator:
    """(scope, InitCall) for every initialization in the file; ``torch_only``: ``torch.nn.init`` calls."""
    for fn in file.scopes:
        for init in fn.inits:
            if not torch_only or init.func.startswith("torch.nn.init."):
                yield fn, init


def module_classes(file: FileSummary, index: ProjectIndex) -> Iterator:
    """(ClassInfo, ClassRef) for every class of the file known to derive from ``nn.Module``."""
    from ..index import ClassRef

    for info in file.classes:
        ref = ClassRef(info, file)
        if index.is_module(ref) is True:
            yield info, ref


RULES: dict[str, Rule] = _load()
