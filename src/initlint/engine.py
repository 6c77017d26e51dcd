"""The pipeline: discover -> read -> parse once -> summarize -> index -> rules -> positions -> noqa.

Files are summarized in worker processes (summaries are plain data); rules run in the main process
over the summaries and the project index; positions are computed only for files with findings.
"""

from __future__ import annotations

import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from . import positions as _positions
from .discovery import DEFAULT_EXCLUDES, discover
from .index import ProjectIndex
from .rules import Finding, Rule, matches
from .source import Problem, decode_source, module_name_for, parse, read_source
from .summary import FileSummary, configure, summarize_module

NOQA = re.compile(r"#\s*noqa(?::[\s]?(?P<codes>[A-Z]+[0-9]*(?:[,\s]+[A-Z]+[0-9]*)*))?", re.IGNORECASE)
FILE_NOQA = re.compile(r"#\s*initlint:\s*noqa\b", re.IGNORECASE)


@dataclass
class Result:
    findings: list[Finding] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    errors: list[str] = field(default_factory=list)  # internal errors (exit 2)
    files: int = 0
    suppressed: int = 0


def summarize_path(path: str, init_functions=(), data: bytes | None = None) -> tuple[str, FileSummary | Problem]:
    """Read (or decode ``data``, standard input's bytes), parse and summarize one file; every failure comes back
    as a Problem. ``init_functions``: the file's ``init-functions`` setting."""
    if sys.getrecursionlimit() < 20000:
        sys.setrecursionlimit(20000)  # the summary walks expressions recursively
    source = read_source(path) if data is None else decode_source(path, data)
    if isinstance(source, Problem):
        return path, source
    module = parse(source)
    if isinstance(module, Problem):
        return path, module
    try:
        return path, summarize(module, path, source.text, init_functions)
    except RecursionError:
        return path, Problem("parse", "code nested too deeply to analyse")


def summarize(module, path: str, text: str, init_functions=()) -> FileSummary:
    """The one place a file is summarized with its own ``init-functions`` (the CLI and the flake8 plugin)."""
    # summary.py reads init-functions from module-level state set by ``configure``; set right before each file
    # is summarized (one file at a time per process), it is that file's setting. When summarize_module takes
    # init_functions as an argument, pass it here and drop the configure call.
    configure(tuple(init_functions))
    return summarize_module(module, path, module_name_for(path), path.endswith("__init__.py"), text)


def _summarize_task(task: tuple) -> tuple[str, FileSummary | Problem]:
    return summarize_path(*task)


def _summarize_all(tasks: list[tuple], jobs: int) -> list[tuple[str, FileSummary | Problem]]:
    """``tasks``: (path, init_functions, data or None) per file, in path order."""
    if jobs <= 1 or len(tasks) < 16:
        return [_summarize_task(t) for t in tasks]
    import multiprocessing

    try:
        context = multiprocessing.get_context("fork")
    except ValueError:
        context = None
    # largest files first, in small chunks, so that no worker is left with a big file at the end; the results
    # go back to path order (the index and the output depend on it)
    order = sorted(tasks, key=lambda t: _size(t[0]), reverse=True)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        done = dict(pool.map(_summarize_task, order, chunksize=2))
    return [(t[0], done[t[0]]) for t in tasks]


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def noqa_codes(line: str) -> list[str] | None:
    """None: no noqa; []: bare noqa (everything); else the codes or prefixes listed."""
    match = NOQA.search(line)
    if match is None:
        return None
    codes = match.group("codes")
    return [] if not codes else [c.upper() for c in re.split(r"[,\s]+", codes) if c]


def suppressed(finding: Finding, lines: list[str]) -> bool:
    if not 1 <= finding.line <= len(lines):
        return False
    codes = noqa_codes(lines[finding.line - 1])
    if codes is None:
        return False
    return not codes or any(finding.code.startswith(c) for c in codes)


def templates_with_twins(summaries: list[FileSummary]) -> set[str]:
    """transformers' ``modular_*.py`` templates whose generated ``modeling_*.py`` twin is checked too.

    The generated file is what runs, so it is checked; the template would report every finding twice.
    """
    out = set()
    for summary in summaries:
        if summary.generated_from:
            template = os.path.join(os.path.dirname(summary.path), os.path.basename(summary.generated_from))
            out.add(os.path.normpath(template))
    return out


def check_paths(paths: list[str], rules: list[Rule] | None = None, jobs: int | None = None,
                excludes=DEFAULT_EXCLUDES, respect_gitignore: bool = True, force_exclude: bool = False,
                options: dict | None = None, context: list[str] | None = None, resolver=None,
                sources: dict | None = None) -> Result:
    """Check files.

    ``resolver`` (``config.Resolver``) gives each file its settings: its rules, ``per-file-ignores``, excludes and
    rule options (``module-bases``, ``init-functions``, ``pretrained-loaders``). Without one, every file gets
    ``rules``, ``excludes`` and ``options``. ``context`` paths are read for the project index only (base classes,
    init functions applied elsewhere): findings are reported for ``paths`` alone, as a pre-commit hook needs.
    ``sources`` maps an absolute path to the bytes that stand for it (standard input checked as that path; the
    path need not exist).
    """
    from .config import Resolver, Settings

    if resolver is None:
        if rules is None:
            from .rules import select_rules

            rules = select_rules()
        resolver = Resolver.static(Settings(excludes=tuple(excludes), options=dict(options or {}),
                                            explicit_rules=list(rules)))
    sources = {os.path.abspath(p): data for p, data in (sources or {}).items()}
    virtual = [p for p in paths if os.path.abspath(p) in sources]
    files, problems = discover([p for p in paths if os.path.abspath(p) not in sources], excludes,
                               respect_gitignore, force=not force_exclude, resolver=resolver)
    for path in virtual:
        if not (force_exclude and resolver.excluded_path(path)):
            files.append(os.path.normpath(path))
    files = sorted(set(files))
    # files under a configuration file that cannot be used are not checked; the run reports its error (exit 2)
    files = [f for f in files if resolver.settings_for(f).error is None]
    result = Result(skipped=list(problems), files=len(files))
    targets = {os.path.abspath(f) for f in files}
    if context:
        extra, _ = discover(context, excludes, respect_gitignore, resolver=resolver)
        files = files + [f for f in extra if os.path.abspath(f) not in targets]
    jobs = jobs or os.cpu_count() or 1
    tasks = [(f, tuple(resolver.settings_for(f).options.get("init-functions", ())), sources.get(os.path.abspath(f)))
             for f in files]
    summaries: list[FileSummary] = []
    for path, item in _summarize_all(tasks, jobs):
        reported = os.path.abspath(path) in targets
        if isinstance(item, FileSummary):
            summaries.append(item)
        elif not reported:
            continue
        elif item.kind == "read":
            result.skipped.append((path, item.message))
        elif any(r.code == "INI900" for r in resolver.settings_for(path).rules()):
            result.findings.append(Finding("INI900", item.message, path, None, item.line, item.column,
                                           item.line, item.column))
    result = run_rules(summaries, None, result, targets=targets if context else None, resolver=resolver,
                       sources=sources)
    result.errors[:0] = [f"{error} (its files were not checked)" for error in resolver.errors()]
    return result


def run_rules(summaries: list[FileSummary], rules: list[Rule] | None, result: Result, options: dict | None = None,
              targets: set | None = None, resolver=None, sources: dict | None = None) -> Result:
    """Run each file's rules over the project; with a ``resolver`` the rules, options and per-file-ignores are
    the file's own (files are grouped by settings: one project index per distinct set of rule options)."""
    if resolver is None:
        from .config import Resolver, Settings

        resolver = Resolver.static(Settings(options=dict(options or {}), explicit_rules=list(rules or [])))
    indexes: dict[tuple, ProjectIndex] = {}
    templates = templates_with_twins(summaries)
    for summary in summaries:
        if os.path.normpath(summary.path) in templates:
            continue
        if targets is not None and os.path.abspath(summary.path) not in targets:
            continue  # read for context only
        settings = resolver.settings_for(summary.path)
        key = settings.index_key()
        index = indexes.get(key)
        if index is None:
            index = indexes[key] = ProjectIndex(summaries, settings.options)
        for rule in settings.rules():
            try:
                result.findings.extend(rule.check(summary, index))
            except Exception as exc:  # noqa: BLE001 - one rule's bug must not stop the run
                result.errors.append(f"{summary.path}: internal error in {rule.code}: {type(exc).__name__}: {exc}")
    _place(result, sources)
    kept = []
    for f in result.findings:  # per-file-ignores, each file's own
        settings = resolver.settings_for(f.path)
        if any(matches(f.code, code) for code in settings.ignored_here(f.path)):
            result.suppressed += 1
        else:
            kept.append(f)
    result.findings = kept
    return result


def _place(result: Result, sources: dict | None = None) -> None:
    """Give positions to findings that carry locators, apply noqa, sort."""
    by_path: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_path.setdefault(finding.path, []).append(finding)
    kept: list[Finding] = []
    for path, findings in by_path.items():
        data = (sources or {}).get(os.path.abspath(path))
        source = read_source(path) if data is None else decode_source(path, data)
        text = source.text if not isinstance(source, Problem) else ""
        lines = re.split(r"\r\n|\r|\n", text)  # Python's line breaks only (not form feed or U+2028)
        if FILE_NOQA.search("\n".join(line for line in lines if line.lstrip().startswith("#"))):
            result.suppressed += len(findings)
            continue
        needs = [f for f in findings if f.loc is not None]
        if needs:
            module = parse(source) if not isinstance(source, Problem) else source
            if isinstance(module, Problem):
                for f in needs:
                    f.line = f.column = f.end_line = f.end_column = 1
            else:
                wanted = [f.loc for f in needs]
                wanted += [loc for f in needs if f.fix is not None for loc, _, _ in f.fix.edits]
                table = _positions.compute_positions(module, wanted)
                for f in needs:
                    f.line, f.column, f.end_line, f.end_column = _positions.locate(module, table, f.loc)
                    if f.fix is not None:
                        f.fix.edits = [(_positions.locate(module, table, loc), where, content)
                                       for loc, where, content in f.fix.edits]
        for f in findings:
            if suppressed(f, lines):
                result.suppressed += 1
            else:
                kept.append(f)
    unique = {(f.path, f.line, f.column, f.code, f.message): f for f in kept}
    result.findings = sorted(unique.values(), key=lambda f: (f.path, f.line, f.column, f.code, f.message))


def check_source(text: str, path: str = "snippet.py", rules: list[Rule] | None = None) -> list[Finding]:
    """Check one piece of source text (used by the rule-page tests and the flake8 plugin)."""
    import tempfile

    from .rules import select_rules

    rules = rules if rules is not None else select_rules()
    with tempfile.TemporaryDirectory() as tmp:
        full = os.path.join(tmp, os.path.basename(path))
        with open(full, "w", encoding="utf-8") as handle:
            handle.write(text)
        result = check_paths([full], rules, jobs=1, respect_gitignore=False)
        for f in result.findings:
            f.path = path
        if result.errors:
            print("\n".join(result.errors), file=sys.stderr)
        return result.findings
