"""The rule registry: one module per rule, each defining one ``Rule`` subclass.

Rules are queries over a file's summary and the project index; none of them walks the syntax tree.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Iterable, Iterator

from ..index import ProjectIndex
from ..finding import Finding, Fix, Related  # noqa: F401 - rules import them from here
from ..registry import matches, select_codes
from ..registry import unknown_selectors  # noqa: F401 - re-exported
from ..summary import FileSummary, iter_with_nested  # noqa: F401 - rules import it from here


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


def select_rules(select: list[str] | None = None, ignore: list[str] | None = None,
                 extend_select: list[str] | None = None) -> list[Rule]:
    """ruff-style selection by code prefix; opt-in rules need their full code (or ALL)."""
    return [RULES[code] for code in select_codes(select, ignore, extend_select)]


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
