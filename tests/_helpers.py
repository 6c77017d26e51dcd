import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def codes_of(findings):
    return [f.code for f in findings]


def cli(cwd, *args):
    """``initlint check --isolated ARGS`` in-process, run from ``cwd``: (exit code, stdout, stderr)."""
    import contextlib
    import io

    from initlint.cli import main

    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    try:
        os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["check", "--isolated", *args])
    finally:
        os.chdir(here)
    return code, out.getvalue(), err.getvalue()
