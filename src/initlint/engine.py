"""The pipeline: discover -> read -> parse once -> summarize -> index -> rules -> positions -> noqa.

Files are summarized in worker processes (summaries are plain data); rules run in the main process
over the summaries and the project index; positions are computed only for files with findings.
"""

from __future__ import annotations

import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from . import noqa as _noqa
from . import positions as _positions
from .discovery import DEFAULT_EXCLUDES, discover
from .index import ProjectIndex
from .rules import Finding, Rule
from .source import Problem, module_name_for, parse, read_source
from .summary import FileSummary, configure, summarize_module

@dataclass
class Result:
    findings: list[Finding] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    errors: list[str] = field(default_factory=list)  # internal errors (exit 2)
    warnings: list[str] = field(default_factory=list)  # malformed suppression comments (stderr, no exit code)
    files: int = 0
    suppressed: int = 0


def summarize_path(path: str) -> tuple[str, FileSummary | Problem]:
    """Read, parse and summarize one file; every failure comes back as a Problem."""
    if sys.getrecursionlimit() < 20000:
        sys.setrecursionlimit(20000)  # the summary walks expressions recursively
    source = read_source(path)
    if isinstance(source, Problem):
        return path, source
    module = parse(source)
    if isinstance(module, Problem):
        return path, module
    try:
        summary = summarize_module(module, path, module_name_for(path), path.endswith("__init__.py"), source.text)
    except RecursionError:
        return path, Problem("parse", "code nested too deeply to analyse")
    summary.noqa = _noqa.scan(source.text)
    return path, summary


def _summarize_all(files: list[str], jobs: int, init_functions=()) -> list[tuple[str, FileSummary | Problem]]:
    if jobs <= 1 or len(files) < 16:
        return [summarize_path(f) for f in files]
    import multiprocessing

    try:
        context = multiprocessing.get_context("fork")
    except ValueError:
        context = None
    # largest files first, in small chunks, so that no worker is left with a big file at the end; the results
    # go back to path order (the index and the output depend on it)
    order = sorted(files, key=_size, reverse=True)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=configure,
                             initargs=(tuple(init_functions),)) as pool:
        done = dict(pool.map(summarize_path, order, chunksize=2))
    return [(path, done[path]) for path in files]


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


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


def check_paths(paths: list[str], rules: list[Rule], jobs: int | None = None, excludes=DEFAULT_EXCLUDES,
                respect_gitignore: bool = True, force_exclude: bool = False, options: dict | None = None,
                context: list[str] | None = None) -> Result:
    """Check files; ``options`` holds the rule settings (``module-bases``, ``init-functions``,
    ``pretrained-loaders``). ``context`` paths are read for the project index only (base classes, init
    functions applied elsewhere): findings are reported for ``paths`` alone, as a pre-commit hook needs."""
    options = options or {}
    configure(options.get("init-functions", ()))
    files, problems = discover(paths, excludes, respect_gitignore, force=not force_exclude)
    result = Result(skipped=list(problems), files=len(files))
    targets = {os.path.abspath(f) for f in files}
    if context:
        extra, _ = discover(context, excludes, respect_gitignore)
        files = files + [f for f in extra if os.path.abspath(f) not in targets]
    jobs = jobs or os.cpu_count() or 1
    summaries: list[FileSummary] = []
    for path, item in _summarize_all(files, jobs, options.get("init-functions", ())):
        reported = os.path.abspath(path) in targets
        if isinstance(item, FileSummary):
            summaries.append(item)
        elif not reported:
            continue
        elif item.kind == "read":
            result.skipped.append((path, item.message))
        elif any(r.code == "INI900" for r in rules):
            result.findings.append(Finding("INI900", item.message, path, None, item.line, item.column,
                                           item.line, item.column))
    return run_rules(summaries, rules, result, options, targets if context else None)


def run_rules(summaries: list[FileSummary], rules: list[Rule], result: Result, options: dict | None = None,
              targets: set | None = None) -> Result:
    index = ProjectIndex(summaries, options)
    templates = templates_with_twins(summaries)
    reported: dict = {}  # path -> its suppression comments, for every file whose findings are reported
    for summary in summaries:
        if os.path.normpath(summary.path) in templates:
            continue
        if targets is not None and os.path.abspath(summary.path) not in targets:
            continue  # read for context only
        reported[summary.path] = summary.noqa
        for rule in rules:
            try:
                result.findings.extend(rule.check(summary, index))
            except Exception as exc:  # noqa: BLE001 - one rule's bug must not stop the run
                result.errors.append(f"{summary.path}: internal error in {rule.code}: {type(exc).__name__}: {exc}")
    _place(result, reported, {r.code for r in rules})
    return result


def _place(result: Result, reported: dict | None = None, ran: set | None = None) -> None:
    """Give positions to findings that carry locators, apply noqa (then INI901, after every rule), sort."""
    from .output import display_path
    from .rules import RULES

    reported = dict(reported or {})
    by_path: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_path.setdefault(finding.path, []).append(finding)
    kept: list[Finding] = []
    used_by_path: dict[str, set] = {}
    for path, findings in by_path.items():
        source = read_source(path)
        text = source.text if not isinstance(source, Problem) else ""
        file_noqa = reported.get(path)
        if file_noqa is None:  # a file that did not parse (INI900), or a summary built without the engine
            file_noqa = reported[path] = _noqa.scan(text)
        if file_noqa.exempt_all:
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
        here, count, used_by_path[path] = _noqa.apply(file_noqa, findings)
        kept.extend(here)
        result.suppressed += count
    ran = ran or set()
    for path in sorted(reported):
        file_noqa = reported[path]
        if file_noqa is None:
            continue
        result.warnings.extend(_noqa.warnings(file_noqa, display_path(path), RULES))
        if _noqa.UNUSED_CODE in ran and not any(f.code == "INI900" for f in by_path.get(path, ())):
            kept.extend(_noqa.unused(file_noqa, used_by_path.get(path, set()), ran, set(RULES), path))
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
