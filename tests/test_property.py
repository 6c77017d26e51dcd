"""Programs nobody wrote: hypothesmith's, checked with every rule (issue 8, section 2).

Each generated program is checked as generated and, for most, inside the bodies of an ``nn.Module`` subclass
(``__init__``, ``forward``, an init function, the class body) so that the rules really run on it. Criteria for
every program: the engine returns (no exception escapes, no internal error), the JSON output and the unsafe
fixes' diff are produced, and it takes under 10 s. A few also go through the CLI (exit 0 or 1, no traceback).
The seeds are fixed (``derandomize``); ``bench/fuzz.py`` runs the big numbers.
"""

from __future__ import annotations

import ast
import json
import os
import sys

import pytest

hypothesis = pytest.importorskip("hypothesis")
hypothesmith = pytest.importorskip("hypothesmith")

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from _fuzz import TIME_LIMIT, WRAPPERS, check_file, cli_problems, run_cli, wrap  # noqa: E402

from initlint.rules import select_rules  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::SyntaxWarning")  # hypothesmith compiles what it generates
RULES = select_rules(["ALL"])
sys.setrecursionlimit(max(sys.getrecursionlimit(), 20000))  # what the engine sets; hypothesis wants it unchanged
# fixed seeds; no shrinking (a failing program is printed as generated); the target phase steers hypothesmith
# towards bigger programs (without it most of a small sample is blank lines and comments)
FUZZ = settings(derandomize=True, database=None, deadline=None, print_blob=True,
                suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate, Phase.target])


def _check(tmp_path_factory, source: str, where: str) -> dict:
    folder = tmp_path_factory.mktemp("prop")
    path = folder / "program.py"
    path.write_bytes(wrap(source, where).encode("utf-8", "surrogateescape"))
    outcome = check_file(str(path), RULES)
    assert outcome["outcome"] in ("clean", "findings", "INI900"), (
        f"{outcome['outcome']} on a generated program ({where}):\n{outcome['detail']}\n--- program ---\n"
        f"{path.read_text(errors='replace')}")
    assert outcome["seconds"] < TIME_LIMIT, f"{outcome['seconds']:.1f} s on:\n{path.read_text(errors='replace')}"
    return outcome


def _statements(source: str) -> int:
    try:
        return len(ast.parse(source).body)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return 0


def test_programs_from_the_grammar(tmp_path_factory):
    seen = []

    @settings(FUZZ, max_examples=100)
    @given(source=hypothesmith.from_grammar(), where=st.sampled_from(WRAPPERS))
    def check(source, where):
        _check(tmp_path_factory, source, where)
        seen.append(source)

    check()
    assert sum(_statements(s) > 0 for s in seen) >= 20, "the sample is mostly blank lines and comments"


def test_programs_from_libcst_nodes(tmp_path_factory):
    seen = []

    @settings(FUZZ, max_examples=40)
    @given(source=hypothesmith.from_node(), where=st.sampled_from(WRAPPERS))
    def check(source, where):
        _check(tmp_path_factory, source, where)
        seen.append(source)

    check()
    assert sum(_statements(s) > 0 for s in seen) >= 10, "the sample is mostly blank lines and comments"


def test_wrapped_programs_reach_the_rules(tmp_path):
    """The wrapper is what makes the rules run: its own bug (an unguarded bias init) is reported."""
    path = tmp_path / "w.py"
    path.write_text(wrap("y = 1\n", "forward"))
    assert check_file(str(path), RULES)["outcome"] == "findings"


def test_generated_programs_through_the_cli(tmp_path):
    """Twenty generated programs in one CLI run with two workers: concise output, JSON and the diff."""
    programs = []

    @settings(FUZZ, max_examples=20)
    @given(source=st.one_of(hypothesmith.from_grammar(), hypothesmith.from_node()), where=st.sampled_from(WRAPPERS))
    def collect(source, where):
        programs.append(wrap(source, where))

    collect()
    assert len(programs) >= 16  # 16 files or more: the engine's process pool is used
    for i, text in enumerate(programs):
        (tmp_path / f"gen_{i:02d}.py").write_bytes(text.encode("utf-8", "surrogateescape"))
    files = sorted(str(p) for p in tmp_path.glob("*.py"))
    timeout = TIME_LIMIT * 3
    for extra in ([], ["--output-format", "json"], ["--fix", "--diff", "--unsafe-fixes"]):
        rc, out, err, _ = run_cli(["check", "--select", "ALL", "--no-respect-gitignore", "-j", "2", *extra,
                                   *files], timeout=timeout)
        assert not cli_problems(rc, out, err), f"{extra}: {cli_problems(rc, out, err)}\n{err[-3000:]}"
        if extra[-1:] == ["json"]:
            reported = {os.path.basename(item["filename"]) for item in json.loads(out)}
            assert reported <= {os.path.basename(f) for f in files}
