"""Issue 8, section 1: the engine never crashes, never skips code silently, and each run is a pure function of
its inputs (no state kept from whichever file or setting came first)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from initlint import engine
from initlint.engine import check_paths
from initlint.rules import select_rules
from initlint.source import Source, may_nest_deeply, parse

MODEL = textwrap.dedent("""\
    import torch.nn as nn


    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.width = 3

        def forward(self, x):
            return self.nope(x)
""")


def run_cli(*args, cwd=None, timeout=120):
    return subprocess.run([sys.executable, "-m", "initlint", "check", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=timeout)


def codes(result):
    return sorted((os.path.basename(f.path), f.line, f.code) for f in result.findings)


# ---- f-strings: field kinds read per instance -------------------------------------------------------------

FSTRINGS = {
    "spec_then_plain.py": 'def f(x):\n    a = f"{x:.3f}"\n    return f"{x}"\n',
    "nested_spec.py": 'def f(x, w):\n    return f"{x:{w}}"\n',
    "plain_then_spec.py": textwrap.dedent("""\
        import torch.nn as nn


        class M(nn.Module):
            def __init__(self):
                super().__init__()
                self.width = 3

            def forward(self, x):
                a = f"{x}"
                return f"{x:{self.widthz}}"
    """),
}


@pytest.mark.parametrize("jobs", [1, 2])
def test_format_specs_never_crash_and_are_read(tmp_path, jobs):
    for name, text in FSTRINGS.items():
        (tmp_path / name).write_text(text)
    for i in range(16):  # enough files for the worker pool
        (tmp_path / f"pad{i:02d}.py").write_text(FSTRINGS["spec_then_plain.py"] if i % 2 else "x = 1\n")
    result = check_paths([str(tmp_path)], select_rules(["ALL"]), jobs=jobs)
    assert result.errors == []
    # the expression inside the later format spec is read: the misspelled attribute is reported
    assert ("plain_then_spec.py", 11, "INI001") in codes(result)


def test_format_spec_order_does_not_matter(tmp_path):
    """Either order of a spec-less and a spec'd f-string gives the same answer about the spec's contents."""
    body = ['a = f"{x}"', 'b = f"{x:{self.widthz}}"']
    outs = []
    for order in (body, body[::-1]):
        text = MODEL.replace("return self.nope(x)", "\n        ".join(order) + "\n        return a")
        path = tmp_path / f"m{len(outs)}.py"
        path.write_text(text)
        result = check_paths([str(path)], select_rules(), jobs=1)
        outs.append([f.code for f in result.findings])
    assert outs[0] == outs[1] == ["INI001"]


# ---- settings are arguments, not module state --------------------------------------------------------------

def test_init_functions_setting_is_per_run(tmp_path):
    """The same process, two runs with different ``init-functions``: each gets its own answer, in either order
    (the setting used to live in a module-level global set by whichever run came first)."""
    (tmp_path / "m.py").write_text(textwrap.dedent("""\
        import torch.nn as nn
        from mylib import my_init


        class M(nn.Module):
            def __init__(self):
                super().__init__()
                self.fc = nn.Linear(2, 2, bias=False)
                self.apply(self._init)

            def _init(self, m):
                if isinstance(m, nn.Linear):
                    my_init(m.bias)
    """))
    rules = select_rules(["ALL"])
    plain = lambda: codes(check_paths([str(tmp_path)], rules, jobs=1))  # noqa: E731
    custom = lambda: codes(check_paths([str(tmp_path)], rules, jobs=1,  # noqa: E731
                                       options={"init-functions": ["my_init"]}))
    a, b = plain(), custom()
    assert a != b, "the init-functions setting changes what the summary sees"
    assert custom() == b and plain() == a  # and nothing of one run leaks into the next


def test_summary_takes_init_functions_as_an_argument():
    import libcst as cst

    from initlint.summary import summarize_module

    text = "import torch\n\ndef f(w):\n    my_init(w)\n"
    module = cst.parse_module(text)
    with_setting = summarize_module(module, "a.py", "a", False, text, ("my_init",))
    without = summarize_module(module, "a.py", "a", False, text)
    count = lambda s: sum(len(scope.inits) for scope in s.scopes)  # noqa: E731
    assert count(with_setting) == count(without) + 1


# ---- nesting: bounded before libcst sees it ----------------------------------------------------------------

DEEP = {
    "lambda_chain.py": "x = " + "lambda: " * 3500 + "0\n",
    "plus_chain.py": "x = " + "+".join(["a"] * 10000) + "\n",
    "and_chain.py": "x = " + " and ".join(["a"] * 10000) + "\n",
    "not_chain.py": "x = " + "not " * 10000 + "a\n",
    "attr_chain.py": "x = a" + ".b" * 10000 + "\n",
    "call_chain.py": "x = f" + "()" * 10000 + "\n",
    "subscript_chain.py": "x = a" + "[0]" * 5000 + "\n",
    "elif_chain.py": "if a:\n    pass\n" + "elif a:\n    pass\n" * 10000,
    "plus_lines.py": "x = (\n" + "a +\n" * 10000 + "a)\n",
    "continued.py": "x = a" + " + \\\n    a" * 5000 + "\n",
}


def test_deep_constructs_are_ini900_and_never_take_the_run_down(tmp_path):
    for name, text in DEEP.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "real_model.py").write_text(MODEL)
    for i in range(8):
        (tmp_path / f"pad{i}.py").write_text("x = 1\n")
    start = time.monotonic()
    proc = run_cli(str(tmp_path), "--select", "ALL", "-j", "2", "--output-format", "json", timeout=300)
    elapsed = time.monotonic() - start
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
    found = {(os.path.basename(f["filename"]), f["code"]) for f in json.loads(proc.stdout)}
    assert ("real_model.py", "INI001") in found  # every other file's findings are still there
    for name in DEEP:
        assert (name, "INI900") in found, name
    messages = [f["message"] for f in json.loads(proc.stdout) if f["code"] == "INI900"]
    assert all("nested too deeply" in m for m in messages), messages
    assert elapsed < 10 * len(DEEP)


def test_depth_guard_is_quiet_on_ordinary_code():
    """The pre-check is cheap because it almost never asks CPython: not on initlint's own source."""
    root = os.path.join(os.path.dirname(__file__), "..", "src", "initlint")
    flagged = []
    for dirpath, _, names in os.walk(root):
        for name in names:
            if name.endswith(".py"):
                with open(os.path.join(dirpath, name), encoding="utf-8") as handle:
                    if may_nest_deeply(handle.read()):
                        flagged.append(name)
    assert flagged == []


@pytest.mark.parametrize("text", list(DEEP.values())[:4], ids=list(DEEP)[:4])
def test_depth_guard_sees_chains(text):
    assert may_nest_deeply(text)


def test_long_boolean_chain_is_linear(tmp_path):
    text = MODEL.replace("return self.nope(x)", "return " + " and ".join(["x"] * 900) + " and self.nope")
    (tmp_path / "m.py").write_text(text)
    start = time.monotonic()
    result = check_paths([str(tmp_path)], select_rules(["ALL"]), jobs=1)
    assert time.monotonic() - start < 10
    assert [f.code for f in result.findings] == ["INI001"]


def test_conditions_of_a_boolean_chain_are_kept():
    """The linear walk keeps what the recursive one knew: the init after `isinstance(...) and` is guarded."""
    from initlint.summary import summarize_source

    text = textwrap.dedent("""\
        import torch.nn as nn

        def init(m):
            isinstance(m, nn.Linear) and m.bias is not None and nn.init.zeros_(m.bias)
    """)
    summary = summarize_source(text, "a.py")
    (call,) = [c for s in summary.scopes for c in s.inits]
    kinds = [c.kind for c in call.conds]
    assert kinds == ["isinstance", "isnone"]


# ---- memory: large files are skipped, with the setting named ------------------------------------------------

def test_files_over_the_size_limit_are_skipped_with_the_setting_named(tmp_path):
    (tmp_path / "big.py").write_text("x = 1\n" * 400)
    (tmp_path / "model.py").write_text(MODEL)
    proc = run_cli(str(tmp_path), "--max-file-size", "1K")
    assert proc.returncode == 1
    assert "model.py:10:16: INI001" in proc.stdout
    assert "big.py" in proc.stderr and "max-file-size" in proc.stderr
    assert "Traceback" not in proc.stderr
    # 0 lifts the limit; so does the configuration key
    assert "big.py" not in run_cli(str(tmp_path), "--max-file-size", "0").stderr
    (tmp_path / "pyproject.toml").write_text("[tool.initlint]\nmax-file-size = 1024\n")
    assert "max-file-size" in run_cli(str(tmp_path)).stderr


def test_max_file_size_must_be_a_size(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.initlint]\nmax-file-size = "big"\n')
    (tmp_path / "a.py").write_text("x = 1\n")
    proc = run_cli(str(tmp_path))
    assert proc.returncode == 2 and "max-file-size" in proc.stderr
    assert run_cli(str(tmp_path), "--isolated", "--max-file-size", "lots").returncode == 2


# ---- what CPython rejects is INI900 -------------------------------------------------------------------------

@pytest.mark.parametrize("identifier", ["a\u200db", "v\u0378"], ids=["zero-width-joiner", "unassigned"])
def test_identifiers_cpython_rejects_are_ini900(tmp_path, identifier):
    (tmp_path / "bad.py").write_text(f"{identifier} = 1\nimport torch.nn as nn\nw = nn.init.xavier_uniform(w)\n",
                                     encoding="utf-8")
    (tmp_path / "good.py").write_text(MODEL)
    for args in ([], ["--output-format", "json"], ["--fix"]):
        proc = run_cli(str(tmp_path), *args)
        assert proc.returncode == 1, (args, proc.stderr)
        assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
        assert "INI900" in proc.stdout and "INI001" in proc.stdout
    assert (tmp_path / "bad.py").read_text(encoding="utf-8").startswith(identifier)  # --fix left it alone


def test_non_ascii_identifiers_cpython_accepts_are_checked(tmp_path):
    (tmp_path / "m.py").write_text(MODEL.replace("self.width", "self.größe"), encoding="utf-8")
    result = check_paths([str(tmp_path)], select_rules(), jobs=1)
    assert [f.code for f in result.findings] == ["INI001"]


# ---- form feeds ------------------------------------------------------------------------------------------------

def test_form_feed_in_indentation_is_python_not_ini900(tmp_path):
    lines = MODEL.splitlines(keepends=True)
    lines[6] = "  \f" + lines[6]          # CPython: the form feed resets the column; the 2 spaces do not count
    lines[9] = "\f" + lines[9]
    text = "".join(lines)
    compile(text, "m.py", "exec")         # CPython accepts it
    (tmp_path / "m.py").write_text(text)
    result = check_paths([str(tmp_path)], select_rules(["ALL"]), jobs=1)
    found = [(f.code, f.line, f.column) for f in result.findings]
    # `self.nope` starts at character 16 (0-based) of line 10 in the file itself
    assert found == [("INI001", 10, 17)]


def test_form_feed_lines_between_definitions(tmp_path):
    (tmp_path / "m.py").write_text(MODEL.replace("\n\n\nclass", "\n\f\n\nclass"))
    assert [f.code for f in check_paths([str(tmp_path)], select_rules(), jobs=1).findings] == ["INI001"]


def test_tabs_mixed_with_spaces_cpython_accepts_are_checked(tmp_path):
    """A method body indented with a tab and spaces (``\\t    return``) under a def indented with spaces: CPython
    reads the tab as 8 columns and accepts the file; libcst's tokenizer loses the blocks. It is checked, not
    reported as INI900, with the file's own columns."""
    text = MODEL.replace("        return self.nope(x)", "\t    return self.nope(x)")
    compile(text, "m.py", "exec")         # CPython accepts it
    (tmp_path / "m.py").write_text(text)
    result = check_paths([str(tmp_path)], select_rules(["ALL"]), jobs=1)
    # `self.nope` starts at character 12 (0-based) of line 10 in the file itself: a tab, four spaces, `return `
    assert [(f.code, f.line, f.column) for f in result.findings] == [("INI001", 10, 13)]


# ---- one file's failure is that file's -------------------------------------------------------------------------

def test_internal_error_in_one_file_is_reported_against_it(tmp_path, monkeypatch):
    (tmp_path / "boom.py").write_text(MODEL)
    (tmp_path / "fine.py").write_text(MODEL)
    from initlint import summary as summary_module

    real = summary_module.summarize_module

    def flaky(module, path, *args, **kwargs):
        if path.endswith("boom.py"):
            raise ValueError("simulated bug")
        return real(module, path, *args, **kwargs)

    monkeypatch.setattr(summary_module, "summarize_module", flaky)
    result = check_paths([str(tmp_path)], select_rules(), jobs=1)
    assert [os.path.basename(f.path) for f in result.findings] == ["fine.py"]
    assert len(result.errors) == 1 and "boom.py" in result.errors[0] and "simulated bug" in result.errors[0]


def test_a_worker_that_dies_takes_only_its_file_down(tmp_path, monkeypatch):
    """A fault in native code kills the worker (BrokenProcessPool): the other files are still summarized and the
    culprit is reported by name. The crash is real: the worker sends itself SIGSEGV."""
    for i in range(20):
        (tmp_path / f"m{i:02d}.py").write_text(MODEL)
    real = engine.summarize_path

    def crashing(path, *args, **kwargs):
        if path.endswith("m07.py"):
            os.kill(os.getpid(), signal.SIGSEGV)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(engine, "summarize_path", crashing)
    result = check_paths([str(tmp_path)], select_rules(), jobs=2)
    reported = sorted(os.path.basename(f.path) for f in result.findings)
    assert reported == [f"m{i:02d}.py" for i in range(20) if i != 7]
    assert len(result.errors) == 1 and "m07.py" in result.errors[0] and "crashed" in result.errors[0]


def test_parse_of_form_feed_text_round_trips_through_positions():
    text = "def f():\n    x = 1\n  \f    y = 2\n"  # CPython: four columns after the form feed
    module = parse(Source("a.py", text, "utf-8", "\n"))
    assert not hasattr(module, "message"), module


def test_rules_shared_among_processes_give_the_same_report(tmp_path, monkeypatch):
    """With ``jobs`` > 1 a large project's files are shared among forked processes for the rules; a share
    whose process dies is run again in the main process: the report never depends on the split."""
    from initlint.rules import Rule

    for i in range(60):
        (tmp_path / f"m{i:02}.py").write_text(MODEL.replace("class ", f"class N{i}_", 1))
    one = check_paths([str(tmp_path)], select_rules(), jobs=1)
    two = check_paths([str(tmp_path)], select_rules(), jobs=2)
    assert [vars(f) for f in two.findings] == [vars(f) for f in one.findings] and len(one.findings) >= 60
    main_pid = os.getpid()

    class DiesInAFork(Rule):
        code = "INI999"
        name = "dies-in-a-fork"

        def check(self, file, index):
            if os.getpid() != main_pid:
                os._exit(3)  # a fault in native code, say
            return []

    died = check_paths([str(tmp_path)], select_rules() + [DiesInAFork()], jobs=2)
    assert [vars(f) for f in died.findings] == [vars(f) for f in one.findings] and died.errors == []
    assert engine._PARALLEL_RULES_MIN <= 60
