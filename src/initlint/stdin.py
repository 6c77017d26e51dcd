"""Standard input, as editors call it: ``initlint check --stdin-filename PATH -``.

The bytes read are checked as if they were the file ``PATH``: decoded like a file (BOM, PEP 263 cookie), with
``PATH``'s configuration (rules, rule options, ``per-file-ignores``), reported under ``PATH``. With
``--force-exclude``, an excluded ``PATH`` gives no findings. ``-`` alone checks standard input as ``-``, with
the working directory's configuration. As ruff does, with ``--fix`` the fixed code (or the input unchanged)
goes to standard output and the remaining findings to standard error; ``--diff`` prints the diff.

Standard input is checked as a one-file project unless ``--context PATHS`` names the rest of the project (the
file at ``PATH`` itself, if any, is then replaced by standard input).
"""

from __future__ import annotations

import difflib
import os
import sys

from .cli import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, report


def read_stdin() -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is not None:
        return stream.read()
    return sys.stdin.read().encode("utf-8")  # a text-only stream (embedded interpreters)


def _write_stdout(data: bytes) -> None:
    stream = getattr(sys.stdout, "buffer", None)
    sys.stdout.flush()
    if stream is not None:
        stream.write(data)
        stream.flush()
    else:
        sys.stdout.write(data.decode("utf-8", errors="surrogateescape"))


def run_stdin(args, resolver, settings) -> int:
    from . import fixer
    from .engine import check_paths
    from .source import Problem, decode_source

    name = args.stdin_filename or "-"
    for other in args.paths or []:
        if other != "-":
            print(f"initlint: warning: ignoring {other} in favor of standard input", file=sys.stderr)
    if args.add_noqa:
        print("initlint: --add-noqa cannot edit standard input", file=sys.stderr)
        return EXIT_ERROR
    data = read_stdin()
    fix = args.fix and not args.diff
    if args.force_exclude and args.stdin_filename is not None and resolver.excluded_path(name):
        if fix:  # an editor replaces its buffer with what comes back: give the input back unchanged
            _write_stdout(data)
        return EXIT_CLEAN

    def check(content: bytes):
        from .cli import run_helpers

        cache, _ = run_helpers(args, resolver, settings)  # no progress line: an editor reads the output
        return check_paths([name], jobs=args.jobs, respect_gitignore=settings.respect_gitignore,
                           context=args.context, resolver=resolver, sources={name: content}, cache=cache)

    result = check(data)
    for path, reason in result.skipped:
        print(f"initlint: skipped {path}: {reason}", file=sys.stderr)
    for error in result.errors:
        print(f"initlint: {error}", file=sys.stderr)
    findings = result.findings
    fmt = settings.output_format
    if not (args.fix or args.diff):
        report(findings, result.files, fmt, args, sources={os.path.abspath(name): data})
        return _exit(result, findings, args)

    source = decode_source(name, data)
    outcome = fixer.Outcome()
    new = data
    done: list = []
    if not isinstance(source, Problem):
        text, done = fixer._fix_text(source.text, findings, args.unsafe_fixes, outcome, name)
        if text != source.text:
            try:
                encoded = text.encode(source.encoding)
            except UnicodeEncodeError:
                outcome.problems.append(f"{name}: not fixed: the fixed code cannot be encoded as {source.encoding}")
                done = []
            else:
                if fixer._parses_like(source, text):
                    new = encoded
                else:
                    outcome.problems.append(f"{name}: not fixed: the edited code would not parse")
                    done = []
    outcome.fixed = len(done) if new != data else 0
    for problem in outcome.problems:
        print(f"initlint: {problem}", file=sys.stderr)
    if args.diff:
        if new != data:
            shown = name.replace(os.sep, "/")
            before = source.text.splitlines(keepends=True)
            after = new.decode(source.encoding).splitlines(keepends=True)
            chunk = "".join(difflib.unified_diff(before, after, fromfile=f"a/{shown}", tofile=f"b/{shown}"))
            if not chunk.endswith("\n"):
                chunk += "\n\\ No newline at end of file\n"
            sys.stdout.write(chunk)
        if not args.quiet:
            print(fixer.summary(outcome, True, len(findings) - outcome.fixed), file=sys.stderr)
        return EXIT_ERROR if result.errors else (EXIT_FINDINGS if new != data else EXIT_CLEAN)
    if new != data:  # re-check: report what is really left
        result = check(new)
        findings = result.findings
    _write_stdout(new)
    if not args.quiet:
        print(fixer.summary(outcome, False, len(findings)), file=sys.stderr)
    report(findings, result.files, fmt, args, out=sys.stderr, sources={os.path.abspath(name): new})
    return _exit(result, findings, args)


def _exit(result, findings, args) -> int:
    if result.errors:
        return EXIT_ERROR
    if findings and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN
