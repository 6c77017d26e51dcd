"""``initlint``: check (static), rule (pages), verify and inspect (runtime, needs initlint[runtime])."""

from __future__ import annotations

import argparse
import os
import sys

from . import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _codes(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _size(value: str) -> int:
    text = value.strip().upper().rstrip("B")
    scale = {"K": 1024, "M": 1024 ** 2, "G": 1024 ** 3}.get(text[-1:], 1)
    try:
        number = float(text[:-1] if scale > 1 else text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (use bytes, or a K/M/G suffix)") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"a size cannot be negative: {value!r}")
    return int(number * scale)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="initlint", description="Find weight-initialization bugs in PyTorch code.")
    parser.add_argument("--version", action="version", version=f"initlint {__version__}")
    sub = parser.add_subparsers(dest="command")

    check = sub.add_parser("check", help="check Python files statically (never imports torch)")
    check.add_argument("paths", nargs="*", default=None, help="files or directories (default: .)")
    check.add_argument("--select", type=_codes, default=None, help="codes or prefixes to enable (ALL: every rule)")
    check.add_argument("--ignore", type=_codes, default=None, help="codes or prefixes to disable")
    check.add_argument("--extend-select", type=_codes, default=None, help="codes to enable on top of the selection")
    check.add_argument("--output-format", default=None, help="concise (default), full, json, json-lines, grouped,"
                       " github, sarif, junit")
    check.add_argument("--statistics", action="store_true", help="count findings per rule")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings are reported")
    check.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary")
    check.add_argument("-j", "--jobs", type=int, default=None, help="worker processes (default: CPU count)")
    check.add_argument("--exclude", type=_codes, default=None, help="globs replacing the default excludes")
    check.add_argument("--extend-exclude", type=_codes, default=None, help="globs added to the excludes")
    check.add_argument("--no-respect-gitignore", dest="respect_gitignore", action="store_false", default=None)
    check.add_argument("--force-exclude", action="store_true", help="apply excludes to files named explicitly")
    check.add_argument("--context", type=_codes, default=None, metavar="PATHS",
                       help="also read these paths for cross-file facts (base classes, init functions applied"
                            " elsewhere) but report findings only for PATH ...; pre-commit hooks use `--context .`")
    check.add_argument("--max-file-size", type=_size, default=None, metavar="BYTES",
                       help="skip files larger than this (default 8M; 0: no limit; suffixes K, M, G)")
    check.add_argument("--show-files", action="store_true", help="list the files that would be checked and exit")
    check.add_argument("--config", default=None, help="pyproject.toml or initlint.toml to read settings from, for"
                                                      " every file (default: the closest one above each file)")
    check.add_argument("--isolated", action="store_true", help="ignore configuration files")
    check.add_argument("--show-settings", action="store_true",
                       help="print the settings used for the first file (and the file they come from), then exit")
    check.add_argument("--stdin-filename", default=None, metavar="PATH",
                       help="check standard input as if it were the file PATH (its configuration, per-file-ignores"
                            " and excludes); with --fix the fixed code goes to standard output")
    check.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    check.add_argument("--cache-dir", default=None, metavar="DIR",
                       help="the cache folder (default: $INITLINT_CACHE_DIR, else .initlint_cache in the project"
                            " root)")
    check.add_argument("-v", "--verbose", action="store_true", help="say more about the run (the cache)")
    check.add_argument("--fix", action="store_true", help="apply safe fixes")
    check.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    check.add_argument("--diff", action="store_true", help="show the fixes as a diff, write nothing")
    check.add_argument("--add-noqa", action="store_true", help="append `# noqa: CODE` to every finding's line")
    check.set_defaults(func=run_check)

    rule = sub.add_parser("rule", help="explain a rule (its page), or list all rules")
    rule.add_argument("code", nargs="?")
    rule.add_argument("--all", action="store_true", help="list every rule: code, name, default, summary")
    rule.set_defaults(func=run_rule)

    server = sub.add_parser("server", help="run the language server for editors (LSP over stdio; needs"
                                           " initlint[server])")
    server.add_argument("--stdio", action="store_true", help="talk over standard input and output (the only"
                                                             " transport; accepted for clients that pass it)")
    server.set_defaults(func=run_server)

    try:
        from .runtime.cli import register
    except ImportError:  # the runtime package is optional
        register = None
    if register is not None:
        register(sub)
    return parser


def run_rule(args) -> int:
    from .pages import page
    from .rules import RULES

    if args.all or not args.code:
        width = max(len(r.name) for r in RULES.values())
        for code, rule in RULES.items():
            state = "on " if rule.default else "off"
            fix = "fix" if rule.fixable else "   "
            print(f"{code}  {rule.name:<{width}}  {state}  {fix}  {rule.summary}")
        return EXIT_CLEAN
    code = args.code.upper()
    if code not in RULES:
        print(f"initlint: unknown rule {args.code!r}; `initlint rule --all` lists them", file=sys.stderr)
        return EXIT_ERROR
    text = page(code)
    if text is None:
        print(f"initlint: no page found for {code}", file=sys.stderr)
        return EXIT_ERROR
    print(text.rstrip("\n"))
    return EXIT_CLEAN


def run_server(args) -> int:
    from .server import main as serve

    return serve()


def run_check(args) -> int:
    from .config import ConfigError, Resolver
    from .output import FORMATS

    paths = args.paths or ["."]
    stdin = args.stdin_filename is not None or "-" in paths
    if stdin and args.stdin_filename is None and paths != ["-"]:
        print("initlint: `-` (standard input) cannot be checked together with other paths", file=sys.stderr)
        return EXIT_ERROR
    try:
        resolver = Resolver(args)
        if stdin:
            resolver.paths = [args.stdin_filename or "-"]
        settings = resolver.run_settings()
        if settings.error:
            raise ConfigError(settings.error)
        if settings.output_format not in FORMATS:
            print(f"initlint: unknown output format {settings.output_format!r}; choose from {', '.join(FORMATS)}",
                  file=sys.stderr)
            return EXIT_ERROR
        if args.show_settings:
            return show_settings(resolver, settings)
        if args.show_files:
            return show_files(resolver, settings, args.force_exclude)
        if stdin:
            from .stdin import run_stdin

            return run_stdin(args, resolver, settings)
        return _check_files(args, resolver, settings)
    except ConfigError as exc:
        print(f"initlint: {exc}", file=sys.stderr)
        return EXIT_ERROR


def show_settings(resolver, settings) -> int:
    """ruff's ``--show-settings``: the settings of the first file the paths name (or hold)."""
    from .discovery import discover

    first = resolver.paths[0]
    if first == "-":
        chosen = resolver.settings_for_dir(os.getcwd())
    elif os.path.isdir(first):
        files, _ = discover([first], respect_gitignore=settings.respect_gitignore, resolver=resolver)
        first = files[0] if files else first
        chosen = resolver.settings_for(first) if files else resolver.settings_for_dir(first)
    else:
        chosen = resolver.settings_for(first)
    if chosen.error:
        print(f"initlint: {chosen.error}", file=sys.stderr)
        return EXIT_ERROR
    print(chosen.describe(first))
    return EXIT_CLEAN


def show_files(resolver, settings, force_exclude: bool) -> int:
    """``--show-files``: the files ``check`` would read, one a line, as ruff prints them."""
    from .discovery import discover

    files, problems = discover(resolver.paths, settings.excludes, settings.respect_gitignore,
                               force=not force_exclude, resolver=resolver)
    for path, reason in problems:
        print(f"initlint: skipped {path}: {reason}", file=sys.stderr)
    for path in files:
        print(path)
    return EXIT_ERROR if any(reason == "no such file or directory" for _, reason in problems) else EXIT_CLEAN


def run_helpers(args, resolver, settings):
    """The cache (None with ``--no-cache``) and the progress line (None unless wanted) of one check."""
    from .cache import Cache, cache_dir_for
    from .progress import Progress, wanted

    folder = cache_dir_for(args, resolver)
    cache = Cache(folder, verbose=getattr(args, "verbose", False)) if folder else None
    progress = Progress(0) if wanted(sys.stderr, settings.output_format, args.quiet) else None
    return cache, progress


def _check_files(args, resolver, settings) -> int:
    import gc

    from .engine import check_paths

    # a short-lived process whose objects (summaries, trees) hold no cycles: without the cyclic collector the
    # run skips full passes over hundreds of thousands of live objects (the workers turn it back on)
    gc.disable()

    def check():
        cache, progress = run_helpers(args, resolver, settings)
        return check_paths(resolver.paths, jobs=args.jobs, respect_gitignore=settings.respect_gitignore,
                           force_exclude=args.force_exclude, context=args.context, resolver=resolver,
                           cache=cache, progress=progress)

    result = check()
    findings = result.findings
    missing = [path for path, reason in result.skipped if reason == "no such file or directory"]
    for path, reason in result.skipped:
        print(f"initlint: skipped {path}: {reason}", file=sys.stderr)
    for error in result.errors:
        print(f"initlint: {error}", file=sys.stderr)
    for warning in result.warnings:  # ruff's words and prefix for malformed suppression comments
        print(f"warning: {warning}", file=sys.stderr)

    if args.fix or args.diff or args.add_noqa:
        from . import fixer

        outcome = fixer.run(findings, diff=args.diff, unsafe=args.unsafe_fixes, add_noqa=args.add_noqa,
                            fix=args.fix or (args.diff and not args.add_noqa), roots=settings.paths)
        for problem in outcome.problems:
            print(f"initlint: {problem}", file=sys.stderr)
        if args.diff:  # like ruff: the diff alone on stdout, exit 1 when there is something to change
            sys.stdout.write(outcome.diff)
            if not args.quiet:
                print(fixer.summary(outcome, True, len(outcome.remaining)), file=sys.stderr)
            return EXIT_ERROR if result.errors else (EXIT_FINDINGS if outcome.diff else EXIT_CLEAN)
        if outcome.changed:  # re-check: report what is really left
            result = check()
            findings = result.findings
        if not args.quiet:
            print(fixer.summary(outcome, False, len(findings)), file=sys.stderr)
    report(findings, result.files, settings.output_format, args, failed=bool(result.errors or result.skipped))
    if not result.files and not missing and not args.quiet:  # like ruff: a warning, and exit 0
        print("warning: No Python files found under the given path(s)", file=sys.stderr)
    if result.errors or missing:
        return EXIT_ERROR
    if findings and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def report(findings, files: int, fmt: str, args, out=None, sources=None, failed: bool = False) -> None:
    """The findings in ``fmt``, then the statistics and the closing line, on ``out`` (default: stdout).
    "All checks passed!" only when files were checked and nothing ``failed`` (an error, a skipped file), and not
    after ``--add-noqa``."""
    from .output import render, statistics

    out = out or sys.stdout
    text = render(findings, fmt, sources)
    if text:
        print(text, file=out)
    if args.statistics and findings:  # after a machine-readable report it goes to stderr, not into the data
        print(statistics(findings), file=out if fmt in ("concise", "full", "grouped") else sys.stderr)
    if fmt in ("concise", "full", "grouped") and not args.quiet:
        if findings:
            fixable = sum(1 for f in findings if f.fix is not None and f.fix.applicability == "safe")
            tail = f" ({fixable} fixable with `--fix`)" if fixable else ""
            print(f"Found {len(findings)} error{'s' if len(findings) != 1 else ''}{tail}.", file=out)
        elif files and not failed and not getattr(args, "add_noqa", False):
            print(f"All checks passed! ({files} file{'s' if files != 1 else ''} checked)", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_ERROR
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_CLEAN
    except Exception as exc:  # noqa: BLE001 - an internal error is exit 2 with a message, not a traceback
        if os.environ.get("INITLINT_DEBUG"):
            raise
        print(f"initlint: internal error: {type(exc).__name__}: {exc} (set INITLINT_DEBUG=1 for a traceback)",
              file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
