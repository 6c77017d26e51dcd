"""flake8 plugin: ``flake8 --select INI`` reports exactly what ``initlint check FILE`` reports.

Each file is checked as a one-file project, like ``initlint check path/to/file.py``. flake8 itself
applies ``# noqa`` (so this plugin never filters line noqa: that would filter twice, and differently),
``--select``/``--ignore``/``--per-file-ignores`` and columns (it adds 1 to the 0-based offset yielded here).

flake8 imports and instantiates every installed plugin for every file, even when no INI code is
selected. This module therefore imports nothing heavy at import time, and ``run`` returns at once

* when flake8's selection enables no INI code (decided once, in ``parse_options``), and
* when the file's text cannot hold a finding: see ``may_have_findings``.

Syntax errors: flake8 reports E999 and never runs tree plugins on a file CPython cannot parse, so INI900
only appears here for files CPython accepts but libcst cannot parse.
"""

from __future__ import annotations

import logging
import re
from typing import Any, Iterator

from . import __version__

LOG = logging.getLogger(__name__)


def _initializer_names() -> frozenset:
    """Every name the summary reads as an initializer when called (``summary.on_call``): torch.nn.init's
    functions and their third-party namesakes (``trunc_normal_``, ``lecun_normal_``), the in-place tensor
    methods."""
    from .torchnames import INIT_FUNCTIONS, INPLACE_INIT_METHODS, NAMED_INITIALIZERS

    return frozenset(INIT_FUNCTIONS) | INPLACE_INIT_METHODS | {name + "_" for name in NAMED_INITIALIZERS}


_APPLY = re.compile(r"\.\s*apply\b")  # X.apply, the only `apply` the summary records
_INIT_NAMES = _initializer_names()
_CALL_OF_UNDERSCORED = re.compile(r"_\s*\(")  # the end of a call of a name ending in `_`


def _initializer_called(text: str) -> bool:
    """A call of a name in ``_INIT_NAMES``: each ``_(`` found (a fast literal scan), then the identifier before
    it looked up."""
    for match in _CALL_OF_UNDERSCORED.finditer(text):
        end = match.start() + 1
        start = end - 1
        while start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        if text[start:end] in _INIT_NAMES:
            return True
    return False


def may_have_findings(text: str) -> bool:
    """Cheap, safe pre-filter: False only when no rule can fire on this file checked alone.

    A finding of a one-file project needs one of

    * a name that resolves to torch (``torch.nn.Linear``, ``torch.nn.init.zeros_``, an ``nn.Module`` base):
      in a single file the only way to get one is an import that spells ``torch``;
    * an ``X.apply(...)`` call (INI301/INI303 read ``apply`` calls and resolve the applied function in the
      file, with no torch name needed; the summary only records ``apply`` as a method, so ``.apply``);
    * an in-place initializer call (``m.weight.data.normal_(...)``, ``trunc_normal_(...)`` imported from a
      third-party package): every such name ends in ``_`` and is called.

    Testing for ``nn``/``init``/``Module`` instead would be both unsafe (the ``apply`` case names none of
    them) and useless (``__init__`` is in every class). A substring scan and two regexes cost microseconds;
    ``tests/test_flake8.py`` checks the claim against every rule page's example with these spelled otherwise.
    """
    return ("torch" in text or ("apply" in text and _APPLY.search(text) is not None)
            or _initializer_called(text))


class Plugin:
    name = "initlint"
    version = __version__

    #: INI codes flake8's options enable; None: not known (the plugin was built without parse_options)
    selected: frozenset | None = None
    #: the run's ``config.Resolver`` (made on first use, reset by ``parse_options`` for each run): the rule
    #: options of ``[tool.initlint]`` / ``initlint.toml`` closest to each file, as ``initlint check`` reads them
    resolver: Any = None

    def __init__(self, tree: Any, filename: str = "stdin", lines: list[str] | None = None) -> None:
        # ``tree`` makes this a tree plugin (flake8 builds the AST once for all plugins; it is not used here)
        self.filename = filename
        self.lines = lines

    @classmethod
    def add_options(cls, parser) -> None:
        off = [code for code, default in rule_table().items() if not default]
        if off:
            parser.extend_default_ignore(off)

    @classmethod
    def parse_options(cls, options) -> None:
        cls.selected = _selected_codes(options)
        cls.resolver = None

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        if self.selected is not None and not self.selected:
            return
        lines = self.lines
        if lines is None:
            lines = _read_lines(self.filename)
        text = "".join(lines)
        if not may_have_findings(text):
            # a project's own initializers (``init-functions``) are initializers too; only then is the
            # configuration consulted for a file the text scan rules out
            if not self._init_functions_named(text):
                return
        options = self._options()
        for f in check_text(text, self.filename, self.selected, options):
            yield f.line, max(0, f.column - 1), f"{f.code} {f.message}", type(self)

    def _init_functions_named(self, text: str) -> bool:
        names = self._options().get("init-functions") or ()
        return any(str(name).rsplit(".", 1)[-1] in text for name in names)

    def _options(self) -> dict:
        """The rule options (``module-bases``, ``init-functions``, ``pretrained-loaders``) of this file's
        configuration; selection stays flake8's. A broken configuration is a warning, not a crash."""
        from .config import Resolver

        cls = type(self)
        if cls.resolver is None:
            cls.resolver = Resolver()
        settings = cls.resolver.settings_for(self.filename)
        if settings.error:
            LOG.warning("initlint: %s; checking %s without its rule options", settings.error, self.filename)
            return {}
        return dict(settings.options)


def _read_lines(filename: str) -> list[str]:
    from .source import Problem, read_source

    source = read_source(filename)
    return [] if isinstance(source, Problem) else source.text.splitlines(keepends=True)


def rule_table() -> dict[str, bool]:
    """code -> on by default. flake8 calls ``add_options``/``parse_options`` in every run (and every worker) even
    when no INI code is selected: the light registry answers without importing the rules (libcst)."""
    from .registry import CODES

    return {code: default for code, (_, default) in CODES.items()}


def _selectors(value) -> list[str]:
    """An option's codes (flake8 gives a list; a string is split on commas as flake8 would)."""
    if not value:
        return []
    if isinstance(value, str):
        value = value.split(",")
    return [str(v).strip().upper() for v in value if str(v).strip()]


def _selected_codes(options) -> frozenset | None:
    """The INI codes to run: those flake8's own decision engine selects, opt-in rules only when named.

    flake8 selects by prefix: its ``--select INI`` (the README's command) selects every opt-in code too, and
    an explicit ``--ignore`` drops the default-ignore list that keeps them off otherwise. ``initlint check
    --select INI`` runs the default rules only; an opt-in rule needs its full code (``INI209``) or ``ALL``. So
    here: an opt-in code runs only when ``--select``/``--extend-select`` names it in full (flake8 has no
    ``ALL``: a selector ``ALL`` selects nothing there, so it is no way in either).
    """
    table = rule_table()
    named = set(_selectors(getattr(options, "select", None))) | set(_selectors(getattr(options, "extend_select",
                                                                                       None)))
    try:
        from flake8.style_guide import Decision, DecisionEngine

        engine = DecisionEngine(options)
        chosen = [code for code in table if engine.decision_for(code) is Decision.Selected]
    except Exception as exc:  # noqa: BLE001 - another flake8 version: run every rule, flake8 filters anyway
        LOG.debug("initlint: cannot read flake8's selection (%s); running every default rule", exc)
        chosen = list(table)
    return frozenset(code for code in chosen if table[code] or code in named)


def check_text(text: str, path: str, codes=None, options: dict | None = None) -> list:
    """The findings of ``initlint check path`` on ``text``, positioned, with no noqa applied; ``options``: the
    rule options of the file's configuration."""
    import sys

    from . import positions as _positions
    from .engine import summarize
    from .index import ProjectIndex
    from .rules import RULES, Finding
    from .source import Problem, Source, parse

    rules = [rule for code, rule in RULES.items() if codes is None or code in codes]
    if not rules:
        return []
    if text.startswith("\ufeff"):
        text = text[1:]
    newline = "\r\n" if "\r\n" in text[:10000] else "\n"
    module = parse(Source(path, text, "utf-8", newline))
    findings: list[Finding] = []
    if isinstance(module, Problem):
        if any(r.code == "INI900" for r in rules):
            findings.append(Finding("INI900", module.message, path, None, module.line, module.column,
                                    module.line, module.column))
        return findings
    if sys.getrecursionlimit() < 20000:
        sys.setrecursionlimit(20000)
    try:
        summary = summarize(module, path, text, (options or {}).get("init-functions", ()))
    except RecursionError:
        if any(r.code == "INI900" for r in rules):
            findings.append(Finding("INI900", "code nested too deeply to analyse", path, None, 1, 1, 1, 1))
        return findings
    index = ProjectIndex([summary], options)
    for rule in rules:
        try:
            findings.extend(rule.check(summary, index))
        except Exception as exc:  # noqa: BLE001 - one rule's bug must not stop the others
            LOG.warning("initlint: %s: internal error in %s: %s: %s", path, rule.code, type(exc).__name__, exc)
    if not findings:
        return findings
    # flake8 applies line noqa; `# initlint: noqa[: CODES]` is initlint's own, read as the CLI reads it
    findings = [f for f in findings if not summary.noqa.exempts(f.code)]  # read by `summarize`, once
    if not findings:
        return findings
    table = None
    for f in findings:
        if f.loc is not None:
            if table is None:
                table = _positions.compute_positions(module)
            f.line, f.column, f.end_line, f.end_column = _positions.locate(module, table, f.loc)
    unique = {(f.line, f.column, f.code, f.message): f for f in findings}
    return sorted(unique.values(), key=lambda f: (f.line, f.column, f.code, f.message))
