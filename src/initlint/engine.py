"""The pipeline: discover -> read -> parse once -> summarize -> index -> rules -> positions -> noqa.

Files are summarized in worker processes (summaries are plain data); rules run in the main process
over the summaries and the project index; positions are computed only for files with findings.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import sys
from dataclasses import dataclass, field

from typing import TYPE_CHECKING

from . import noqa as _noqa
from .discovery import DEFAULT_EXCLUDES, discover
from .finding import Finding
from .registry import matches
from .source import (Problem, Source, decode_source, file_size, module_name_for, needs_normalizing,
                     normalized_indentation, parse, read_source)

if TYPE_CHECKING:  # the summary, the index and the rules import libcst: a report recalled from the cache needs none
    from .index import ProjectIndex
    from .rules import Rule
    from .summary import FileSummary

@dataclass
class Result:
    findings: list[Finding] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    errors: list[str] = field(default_factory=list)  # internal errors (exit 2)
    warnings: list[str] = field(default_factory=list)  # malformed suppression comments (stderr, no exit code)
    files: int = 0
    suppressed: int = 0


#: files larger than this are skipped (the ``max-file-size`` setting): libcst needs about 350 bytes of memory per
#: byte of source, so a 50 MB generated file would need 17 GB
DEFAULT_MAX_FILE_SIZE = 8 * 1024 * 1024


def summarize_path(path: str, init_functions=(), data: bytes | None = None,
                   max_file_size: int | None = DEFAULT_MAX_FILE_SIZE) -> tuple[str, FileSummary | Problem]:
    """Read (or decode ``data``, standard input's bytes), parse and summarize one file; every failure comes back
    as a Problem. A pure function of the file and the settings passed in (``init_functions``: the file's
    ``init-functions`` setting; ``max_file_size``: its ``max-file-size``)."""
    if sys.getrecursionlimit() < 20000:
        sys.setrecursionlimit(20000)  # the summary walks expressions recursively
    if max_file_size:
        size = len(data) if data is not None else file_size(path)
        if size > max_file_size:
            return path, Problem("read", f"{_megabytes(size)} is over the {_megabytes(max_file_size)} limit; raise"
                                         " `max-file-size` in [tool.initlint] or pass --max-file-size to check it")
    try:
        source = read_source(path) if data is None else decode_source(path, data)
        if isinstance(source, Problem):
            return path, source
        module = parse(source)
        if isinstance(module, Problem):
            return path, module
        return path, summarize(module, path, source.text, init_functions)
    except RecursionError:
        return path, Problem("parse", "code nested too deeply to analyse")
    except MemoryError:
        return path, Problem("read", "out of memory while reading it; lower `max-file-size` to skip such files")
    except Exception as exc:  # noqa: BLE001 - initlint's own bug: reported against this file, the others go on
        return path, Problem("internal", f"internal error while reading it: {type(exc).__name__}: {exc}")


def summarize(module, path: str, text: str, init_functions=()) -> FileSummary:
    """The one place a file is summarized with its own ``init-functions`` (the CLI and the flake8 plugin), with
    its suppression comments (read here, in the worker, so that no file is read twice)."""
    from .summary import summarize_module

    summary = summarize_module(module, path, module_name_for(path), path.endswith("__init__.py"), text,
                               tuple(init_functions))
    summary.noqa = _noqa.scan(text)
    return summary


def _summarize_chunk(tasks: list[tuple]) -> list[tuple[str, FileSummary | Problem]]:
    return [_summarize_one(task) for task in tasks]


def _summarize_chunk_pickled(tasks: list[tuple]) -> list[tuple[str, object, bytes | None]]:
    """A pool worker's ``_summarize_chunk``: a result written to the cache comes back as the bytes written
    (``pickled``), not as the object, so that it is pickled once, not once for the cache and once for the pipe."""
    return [_summarize_one_pickled(task) for task in tasks]


def _summarize_one_pickled(task: tuple):
    return _summarize_one(task, pickled=True)


def _summarize_one(task: tuple, pickled: bool = False):
    """``task``: summarize_path's arguments, then (with the cache) where to store the result. ``pickled``:
    (path, item or None, the item's pickle or None); the item is None when its pickle is given."""
    with gc_paused():
        path, item = summarize_path(*task[:4])
    payload = None
    if len(task) > 4:
        from .cache import store_summary

        payload = store_summary(*task[4], item)
    if not pickled:
        return path, item
    return (path, None, payload) if payload is not None else (path, item, None)


@contextlib.contextmanager
def gc_paused():
    """The cyclic garbage collector off while a file is parsed and summarized (or the cache is read, or the rules
    run): libcst builds a million objects for a large file, none in a cycle (trees have no parent links), and
    the collector's passes over them cost a quarter of the parse time and two thirds of loading summaries."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _megabytes(size: int) -> str:
    return f"{size / 2 ** 20:.1f} MiB" if size >= 2 ** 20 else f"{size / 1024:.1f} KiB"


def _summarize_all(tasks: list[tuple], jobs: int, tick=None) -> list[tuple[str, FileSummary | Problem]]:
    """``tasks``: (path, init_functions, data or None, max_file_size) per file, in path order. ``tick(n)``: n
    more files done (the progress line)."""
    if jobs <= 1 or len(tasks) < 16:
        if tick is None:
            return _summarize_chunk(tasks)
        out = []
        for task in tasks:
            out.append(_summarize_one(task))
            tick(1)
        return out
    from . import summary  # noqa: F401 - imported once here, before the fork, not once in every worker

    # largest files first, in small chunks, so that no worker is left with a big file at the end; the results
    # go back to path order (the index and the output depend on it)
    order = sorted(tasks, key=lambda t: file_size(t[0]), reverse=True)
    chunks = [order[i:i + 2] for i in range(0, len(order), 2)]
    done, lost = _run_pool(chunks, jobs, tick)
    if lost:  # a worker died (a crash in native code): once more in a fresh pool, then each file on its own
        done2, lost = _run_pool([[t] for t in lost], jobs)
        done.update(done2)
        for task in lost:
            isolated, still_lost = _run_pool([[task]], 1)
            done.update(isolated)
            if still_lost:
                done[task[0]] = Problem("internal", "the process reading this file crashed (a fault in native"
                                                    " code); the other files were checked")
    return [(t[0], done[t[0]]) for t in tasks]


def _in_background(tasks: list[tuple]):
    """Start summarizing ``tasks`` in a forked process (``_fork_call``); returns the function that waits for
    their results."""
    wait = _fork_call(_summarize_one_pickled, [(t,) for t in tasks])
    return lambda: _received(wait())


def _received(triples: list[tuple]) -> list[tuple]:
    """What ``_summarize_one(..., pickled=True)`` sent, as (path, summary or Problem)."""
    return [(path, pickle.loads(payload) if payload is not None else item) for path, item, payload in triples]


def _run_pool(chunks: list[list[tuple]], jobs: int, tick=None) -> tuple[dict, list[tuple]]:
    """Summaries by path, and the tasks whose worker died."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        context = multiprocessing.get_context("fork")
    except ValueError:
        context = None
    done: dict = {}
    lost: list[tuple] = []
    # the workers collect garbage (the main process may have paused its collector while they are forked)
    with ProcessPoolExecutor(max_workers=min(jobs, len(chunks)), mp_context=context, initializer=gc.enable) as pool:
        futures = [(pool.submit(_summarize_chunk_pickled, chunk), chunk) for chunk in chunks]
        for future, chunk in futures:
            try:
                done.update(_received(future.result()))
            except BrokenProcessPool:
                lost.extend(chunk)
            if tick is not None:
                tick(len(chunk))
    return done, lost


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
                sources: dict | None = None, cache=None, progress=None) -> Result:
    """Check files.

    ``resolver`` (``config.Resolver``) gives each file its settings: its rules, ``per-file-ignores``, excludes and
    rule options (``module-bases``, ``init-functions``, ``pretrained-loaders``). Without one, every file gets
    ``rules``, ``excludes`` and ``options``. ``context`` paths are read for the project index only (base classes,
    init functions applied elsewhere): findings are reported for ``paths`` alone, as a pre-commit hook needs.
    ``sources`` maps an absolute path to the bytes that stand for it (standard input checked as that path; the
    path need not exist). ``cache`` (``cache.Cache``): summaries of unchanged files are read from it, new ones
    written to it. ``progress`` (``progress.Progress``): told as files are read.
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
    tasks = []
    for f in files:
        options_here = resolver.settings_for(f).options
        tasks.append((f, tuple(options_here.get("init-functions", ())), sources.get(os.path.abspath(f)),
                      options_here.get("max-file-size", DEFAULT_MAX_FILE_SIZE)))
    # ---- cache and progress (begin) --------------------------------------------------------------------
    def summarize_all(todo: list[tuple]) -> list[tuple]:
        with gc_paused():  # the main process unpickles what the workers send
            return summarize_with_progress(todo)

    def summarize_with_progress(todo: list[tuple]) -> list[tuple]:
        if progress is None:
            return _summarize_all(todo, jobs)
        progress.total = len(todo)
        count = [0]

        def tick(n: int) -> None:
            count[0] += n
            progress.update(count[0])

        try:
            return _summarize_all(todo, jobs, tick)
        finally:
            progress.close()

    memo = None
    if cache is not None:  # the same files, settings and code as a run before: its report, nothing re-derived
        plan = cache.plan(tasks)
        memo = cache.run_key(tasks, plan, resolver.settings_for, targets if context else None)
        recalled = cache.recall(memo)
        if recalled is not None:
            findings, skipped, errors, result.suppressed, warnings = recalled
            result.findings = findings
            result.warnings.extend(warnings)
            result.skipped.extend(skipped)
            result.errors[:0] = [f"{error} (its files were not checked)" for error in resolver.errors()] + errors
            return result
        items = cache.summarize(tasks, summarize_all, plan, background=_in_background if jobs > 1 else None)
        sources = {**cache.sources(), **sources}  # findings are placed in the bytes that were checked
    else:
        items = summarize_all(tasks)
    known_skips = len(result.skipped)
    # ---- cache and progress (end) ----------------------------------------------------------------------
    from .summary import FileSummary

    summaries: list[FileSummary] = []
    for path, item in items:
        reported = os.path.abspath(path) in targets
        if isinstance(item, FileSummary):
            summaries.append(item)
        elif not reported:
            continue
        elif item.kind == "read":
            result.skipped.append((path, item.message))
        elif item.kind == "internal":
            result.errors.append(f"{path}: {item.message}")
        elif any(r.code == "INI900" for r in resolver.settings_for(path).rules()):
            result.findings.append(Finding("INI900", item.message, path, None, item.line, item.column,
                                           item.line, item.column))
    with gc_paused():
        result = run_rules(summaries, None, result, targets=targets if context else None, resolver=resolver,
                           sources=sources, cache=cache, jobs=jobs)
    if memo is not None and not result.errors:  # ---- cache (one line)
        cache.remember(memo, (result.findings, result.skipped[known_skips:], [], result.suppressed,
                              result.warnings))
    result.errors[:0] = [f"{error} (its files were not checked)" for error in resolver.errors()]
    return result


def run_rules(summaries: list[FileSummary], rules: list[Rule] | None, result: Result, options: dict | None = None,
              targets: set | None = None, resolver=None, sources: dict | None = None, cache=None,
              jobs: int = 1) -> Result:
    """Run each file's rules over the project; with a ``resolver`` the rules, options and per-file-ignores are
    the file's own (files are grouped by settings: one project index per distinct set of rule options).
    ``jobs`` > 1: the files are shared among that many processes (``_check_all``)."""
    if resolver is None:
        from .config import Resolver, Settings

        resolver = Resolver.static(Settings(options=dict(options or {}), explicit_rules=list(rules or [])))
    from .index import ProjectIndex

    indexes: dict[tuple, ProjectIndex] = {}
    templates = templates_with_twins(summaries)
    reported: dict = {}  # path -> its suppression comments, for every file whose findings are reported
    ran: dict = {}  # path -> the codes of the rules that ran on it
    work: list[tuple] = []  # (summary, index, its rules, read for context only)
    for summary in summaries:
        if os.path.normpath(summary.path) in templates:
            continue
        context_only = targets is not None and os.path.abspath(summary.path) not in targets
        settings = resolver.settings_for(summary.path)
        key = settings.index_key()
        index = indexes.get(key)
        if index is None:
            index = indexes[key] = ProjectIndex(summaries, settings.options)
        rules_here = settings.rules()
        if not context_only:
            reported[summary.path] = summary.noqa
            ran[summary.path] = {r.code for r in rules_here}
        else:  # its findings there could only be about that file
            rules_here = [rule for rule in rules_here if rule.related_elsewhere]
        if rules_here:
            work.append((summary, index, rules_here, context_only))
    for findings, errors in _check_all(work, targets, jobs):
        result.findings.extend(findings)
        result.errors.extend(errors)
    _place(result, sources, reported, ran, cache, jobs)
    kept = []
    for f in result.findings:  # per-file-ignores, each file's own
        settings = resolver.settings_for(f.path)
        if any(matches(f.code, code) for code in settings.ignored_here(f.path)):
            result.suppressed += 1
        else:
            kept.append(f)
    result.findings = kept
    return result


def _check_one(summary: FileSummary, index, rules_here: list, context_only: bool, targets: set | None) -> tuple:
    """(findings, internal errors) of one file's rules."""
    findings: list = []
    errors: list = []
    for rule in rules_here:
        try:
            found = list(rule.check(summary, index))
        except Exception as exc:  # noqa: BLE001 - one rule's bug must not stop the run
            if not context_only:  # a file read for context is reported when it is checked itself
                errors.append(f"{summary.path}: internal error in {rule.code}: {type(exc).__name__}: {exc}")
            continue
        findings.extend(_through_targets(found, targets) if context_only else found)
    return findings, errors


#: below this many files the rules run in one process (a fork costs more than it saves)
_PARALLEL_RULES_MIN = 48


def _check_all(work: list[tuple], targets: set | None, jobs: int) -> list[tuple]:
    """``_check_one`` for each item of ``work``, in order, shared among ``jobs`` processes for a large project
    (weighed by each file's number of calls, a measure of the rules' work)."""
    return _fork_map(_check_one, [(*item, targets) for item in work], jobs, min_items=_PARALLEL_RULES_MIN,
                     cost=[1 + sum(len(fn.calls) for fn in item[0].scopes) for item in work])


def _fork_map(fn, calls: list[tuple], jobs: int, min_items: int, cost: list | None = None) -> list:
    """``[fn(*args) for args in calls]``. With ``jobs`` > 1 and at least ``min_items`` calls, the calls are
    shared out (largest ``cost`` first) among ``jobs - 1`` forked processes and this one: the forks read what
    they need (summaries, the index, sources) from the memory they inherit and send back only the results. A fork
    that fails or dies has its share run here, so the outcome never depends on the split."""
    import multiprocessing

    if jobs <= 1 or len(calls) < max(min_items, 2):
        return [fn(*args) for args in calls]
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:
        return [fn(*args) for args in calls]
    cost = cost or [1] * len(calls)
    shares: list[list[int]] = [[] for _ in range(min(jobs, len(calls)))]
    loads = [0] * len(shares)
    for i in sorted(range(len(calls)), key=lambda i: (-cost[i], i)):
        j = loads.index(min(loads))
        shares[j].append(i)
        loads[j] += cost[i]
    waits = [(_fork_call(fn, [calls[i] for i in share], context), share) for share in shares[1:]]
    out: list = [None] * len(calls)
    for i in shares[0]:
        out[i] = fn(*calls[i])
    for wait, share in waits:
        for i, outcome in zip(share, wait()):
            out[i] = outcome
    return out


def _fork_call(fn, calls: list[tuple], context=None):
    """Start ``[fn(*args) for args in calls]`` in a forked process; returns the function that waits for the
    results. A fork that cannot start, fails or dies: the calls run in this process when waited for, so the
    outcome never depends on the fork."""
    import multiprocessing

    def here() -> list:
        return [fn(*args) for args in calls]

    try:
        context = context or multiprocessing.get_context("fork")
        reader, writer = context.Pipe(duplex=False)
        child = context.Process(target=_run_share, args=(writer, fn, calls), daemon=True)
        child.start()
        writer.close()
    except (ValueError, OSError):  # no fork here
        return here

    def wait() -> list:
        got = None
        try:
            got = reader.recv()
        except (EOFError, OSError):
            pass
        reader.close()
        child.join()
        return got if isinstance(got, list) and len(got) == len(calls) else here()

    return wait


def _run_share(writer, fn, calls: list[tuple]) -> None:
    try:
        writer.send([fn(*args) for args in calls])
    finally:
        writer.close()


# ---- related locations (begin) ------------------------------------------------------------------------
def _through_targets(findings: list[Finding], targets: set) -> list[Finding]:
    """The findings of a file read for context that involve a checked file (a related location in it): an
    init function in an unchanged file, unguarded, applied to a layer built with ``bias=False`` in a changed
    one. Their fixes are dropped: ``--fix`` writes only the files it was asked to check."""
    out = []
    for f in findings:
        if any(os.path.abspath(r.path) in targets for r in f.related):
            f.fix = None
            out.append(f)
    return out


def _locators(findings: list[Finding], path: str) -> list:
    """Every locator to resolve in ``path``: the findings' own (and their fixes') and related ones there."""
    wanted = []
    for f in findings:
        if f.path == path and f.loc is not None:
            wanted.append(f.loc)
            if f.fix is not None:
                wanted.extend(loc for loc, _, _ in f.fix.edits)
        wanted.extend(r.loc for r in f.related if r.path == path and r.loc is not None)
    return wanted


def _place(result: Result, sources: dict | None = None, reported: dict | None = None,
           ran: dict | None = None, cache=None, jobs: int = 1) -> None:
    """Give positions to findings (and their related locations) that carry locators, apply noqa (then INI901,
    after every rule), sort.

    Each file is read and parsed once, for the findings in it and for the related locations in it, whichever
    file their finding is in. ``reported``: path -> its suppression comments, for every file whose findings are
    reported; ``ran``: path -> the codes of the rules that ran on it."""
    from .output import display_path
    from .rules import RULES

    reported = dict(reported or {})
    ran = ran or {}
    by_path: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_path.setdefault(finding.path, []).append(finding)
    involving: dict[str, list[Finding]] = {path: list(items) for path, items in by_path.items()}
    for finding in result.findings:
        for path in dict.fromkeys(r.path for r in finding.related if r.path != finding.path):
            involving.setdefault(path, []).append(finding)
    kept: list[Finding] = []
    used_by_path: dict[str, set] = {}
    plans = []  # (path, its findings, source, the locators wanted there, whether the file's noqa exempts it)
    for path, findings in involving.items():
        own = by_path.get(path, [])
        data = (sources or {}).get(os.path.abspath(path))
        source = read_source(path) if data is None else decode_source(path, data)
        text = source.text if not isinstance(source, Problem) else ""
        file_noqa = reported.get(path)
        if file_noqa is None and own:  # a file that did not parse (INI900), or a summary built without the engine
            file_noqa = reported[path] = _noqa.scan(text)
        exempt = bool(own) and file_noqa.exempt_all
        wanted = _locators(findings if not exempt else [f for f in findings if f.path != path], path)
        plans.append((path, findings, source, wanted, exempt))
    raws = _raw_positions_all([(path, source, wanted) for path, _, source, wanted, _ in plans if wanted], cache,
                              jobs)
    for path, findings, source, wanted, exempt in plans:
        own = by_path.get(path, [])
        file_noqa = reported.get(path)
        if wanted:
            try:
                raw = raws[path]
                if isinstance(raw, BaseException):
                    raise raw
                _locate_in(path, source, findings, raw, exempt)
            except Exception as exc:  # noqa: BLE001 - reported against this file; the others go on
                result.errors.append(f"{path}: internal error while placing findings: {type(exc).__name__}: {exc}")
                continue
        if not own:
            continue
        if exempt:
            result.suppressed += len(own)
            continue
        here, count, used_by_path[path] = _noqa.apply(file_noqa, own)
        kept.extend(here)
        result.suppressed += count
    for path in sorted(reported):
        file_noqa = reported[path]
        if file_noqa is None:
            continue
        result.warnings.extend(_noqa.warnings(file_noqa, display_path(path), RULES))
        ran_here = ran.get(path, set())
        if _noqa.UNUSED_CODE in ran_here and not any(f.code == "INI900" for f in by_path.get(path, ())):
            kept.extend(_noqa.unused(file_noqa, used_by_path.get(path, set()), ran_here, set(RULES), path))
    unique = {(f.path, f.line, f.column, f.code, f.message): f for f in kept}
    result.findings = sorted(unique.values(), key=lambda f: (f.path, f.line, f.column, f.code, f.message))


def _locate_in(path: str, source: Source | Problem, findings: list[Finding], raw: dict, file_noqa: bool) -> None:
    """Positions for the findings in ``path`` and for the related locations there (``raw``: the locators'
    positions as libcst reads the text)."""
    # columns in the file's own terms where libcst read the text with its indentation rewritten (a form feed, mixed
    # tabs and spaces)
    text = source.text if not isinstance(source, Problem) else ""
    shifts = normalized_indentation(text)[1] if needs_normalizing(text) else {}

    def where(loc) -> tuple[int, int, int, int]:
        # a related location of a finding dropped by the file's `# initlint: noqa` was not asked for
        line, column, end_line, end_column = raw.get(loc, (1, 1, 1, 1))
        return line, column + shifts.get(line, 0), end_line, end_column + shifts.get(end_line, 0)

    for f in findings:
        if f.path == path and f.loc is not None and not file_noqa:
            f.line, f.column, f.end_line, f.end_column = where(f.loc)
            if shifts:
                f.fix = None  # edits are laid out on the text libcst read, not the file's: no fix offered here
            elif f.fix is not None:
                f.fix.edits = [(raw[loc], kind, content) for loc, kind, content in f.fix.edits]
        for r in f.related:
            if r.path == path and r.loc is not None:
                r.line, r.column, r.end_line, r.end_column = where(r.loc)


def _raw_positions_all(plans: list[tuple], cache=None, jobs: int = 1) -> dict:
    """path -> {locator: (line, column, end_line, end_column)} as libcst reads the text, for each (path, source,
    wanted locators) of ``plans`` (or the exception computing it raised): from the cache when it knows them all
    (no parse), else computed (each file parsed again; with ``jobs`` > 1 and several files, shared with forked
    processes like the rules) and the cache's entries extended."""
    out: dict = {}
    todo = []
    for path, source, wanted in plans:
        known = cache.positions(path) if cache is not None else None
        if known is not None and all(loc in known for loc in wanted):
            out[path] = known
        else:
            todo.append((path, source, wanted, known))
    computed = _fork_map(_raw_positions_safe, [(source, wanted) for _, source, wanted, _ in todo], jobs, min_items=2)
    for (path, source, wanted, known), (raw, complete) in zip(todo, computed):
        out[path] = raw
        if cache is not None and complete and not isinstance(raw, BaseException):
            cache.store_positions(path, {**(known or {}), **raw})
    return out


def _raw_positions_safe(source: Source | Problem, wanted: list) -> tuple:
    """(the positions, whether the file parsed), or (the exception, False)."""
    try:
        return _raw_positions(source, wanted)
    except Exception as exc:  # noqa: BLE001 - placed as an internal error against this file
        return exc, False


def _raw_positions(source: Source | Problem, wanted: list) -> tuple[dict, bool]:
    module = parse(source) if not isinstance(source, Problem) else source
    from . import positions as _positions

    parsed = None
    if not isinstance(module, Problem):  # the text libcst read (form feeds in indentation taken out)
        parsed = source.text if not needs_normalizing(source.text) else normalized_indentation(source.text)[0]
    table = _positions.compute_positions(module, wanted, parsed) if not isinstance(module, Problem) else None
    return {loc: _where(module, table, loc) for loc in wanted}, table is not None


def _where(module, table, loc) -> tuple[int, int, int, int]:
    if table is None:  # the file no longer parses
        return 1, 1, 1, 1
    from . import positions as _positions

    return _positions.locate(module, table, loc)
# ---- related locations (end) --------------------------------------------------------------------------


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
            for r in f.related:
                r.path = path if r.path == full else r.path
        if result.errors:
            print("\n".join(result.errors), file=sys.stderr)
        return result.findings
