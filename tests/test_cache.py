"""The content-hash cache: the same report with and without it, whatever changed; nothing parsed twice; never
trusted when it cannot be (corrupt, truncated, foreign entries); safe under concurrent runs; skipped when it cannot
be written."""

from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
import subprocess
import sys
import textwrap

import pytest

from initlint import engine
from initlint.cache import _HEADER, _MAGIC, CACHE_DIR_NAME, CACHE_FORMAT, Cache
from initlint.cli import main
from initlint.source import Problem

from _helpers import ROOT

BUGGY = textwrap.dedent('''\
    import torch.nn as nn

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(2, 2)
            nn.init.xavier_normal(self.fc.weight)

        def forward(self, x):
            return self.fc(x)
''')

CLEAN = textwrap.dedent('''\
    import torch.nn as nn

    class Clean(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(2, 2)

        def forward(self, x):
            return self.fc(x)
''')

# INI201 only with init-functions = ["my_init"]
MY_INIT = textwrap.dedent('''\
    import torch.nn as nn
    from mylib.init import my_init

    def init_weights(m):
        if isinstance(m, nn.Linear):
            my_init(m.weight)
            my_init(m.bias)

    class Head(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(2, 2, bias=False)
            self.apply(init_weights)
''')

# an init function in one file, the layer it crashes on in another (a cross-file finding)
INIT_UTILS = textwrap.dedent('''\
    import torch.nn as nn

    def init_weights(m):
        if isinstance(m, nn.Conv2d):
            nn.init.kaiming_normal_(m.weight)
            nn.init.zeros_(m.bias)
''')
USES_INIT = textwrap.dedent('''\
    import torch.nn as nn
    from init_utils import init_weights

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = nn.Conv2d(3, 8, 3{bias})
            self.apply(init_weights)

        def forward(self, x):
            return self.conv(x)
''')


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder, the working directory, with the cache in its default place."""
    monkeypatch.delenv("INITLINT_CACHE_DIR", raising=False)
    root = tmp_path / "proj"
    root.mkdir()
    files = {"pkg/__init__.py": "", "pkg/buggy.py": BUGGY, "pkg/clean.py": CLEAN, "pkg/head.py": MY_INIT,
             "init_utils.py": INIT_UTILS, "model.py": USES_INIT.format(bias=", bias=False"),
             "broken.py": "def f(:\n    pass\n"}
    write(root, files)
    monkeypatch.chdir(root)
    return root


def write(root, files: dict) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


@pytest.fixture
def parses(monkeypatch):
    """The paths libcst parsed during the test (for summaries and for positions)."""
    seen: list[str] = []
    real = engine.parse

    def counting(source):
        seen.append(os.path.basename(source.path))
        return real(source)

    monkeypatch.setattr(engine, "parse", counting)
    return seen


def run(capsys, *args) -> tuple[int, list, str]:
    code = main(["check", "--output-format", "json", "-j", "1", *args])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def _entry(key: bytes, payload: bytes) -> bytes:
    return _HEADER.pack(_MAGIC, key, hashlib.blake2b(payload, digest_size=16).digest(), len(payload)) + payload


def entries(folder) -> list[str]:
    found = []
    for base, _, names in os.walk(folder):
        found.extend(os.path.join(base, n) for n in names if n not in ("CACHEDIR.TAG", ".gitignore"))
    return sorted(found)


def test_the_cache_gives_the_report_a_run_without_it_gives(project, capsys, parses):
    uncached = run(capsys, "--no-cache", ".")
    assert not (project / CACHE_DIR_NAME).exists()  # --no-cache writes nothing
    codes = {(os.path.basename(f["filename"]), f["code"]) for f in uncached[1]}
    assert {("buggy.py", "INI101"), ("broken.py", "INI900"), ("init_utils.py", "INI201")} <= codes
    cold = run(capsys, ".")
    assert (project / CACHE_DIR_NAME / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (project / CACHE_DIR_NAME / ".gitignore").read_text().splitlines()[-1] == "*"
    assert entries(project / CACHE_DIR_NAME)
    parses.clear()
    warm = run(capsys, ".")
    assert uncached == cold == warm
    assert parses == []  # nothing parsed: not for summaries, not for positions, not the INI900 file


def test_an_edit_re_reads_that_file_only(project, capsys, parses):
    run(capsys, ".")
    (project / "pkg" / "clean.py").write_text(CLEAN + "\nx = 1\n")
    parses.clear()
    warm = run(capsys, ".")
    assert parses == ["clean.py"]
    assert warm == run(capsys, "--no-cache", ".")
    # an edit that changes a cross-file finding: the layer gets its bias, the init function is fine again
    (project / "model.py").write_text(USES_INIT.format(bias=""))
    parses.clear()
    warm = run(capsys, ".")
    assert parses == ["model.py"]
    assert warm == run(capsys, "--no-cache", ".")
    assert "INI201" not in {f["code"] for f in warm[1]}


def test_renames_and_deletions(project, capsys):
    run(capsys, ".")
    os.rename(project / "pkg" / "buggy.py", project / "pkg" / "renamed.py")
    warm = run(capsys, ".")
    assert warm == run(capsys, "--no-cache", ".")
    assert {os.path.basename(f["filename"]) for f in warm[1] if f["code"] == "INI101"} == {"renamed.py"}
    # moved out of the package: its module name changes, and so does its key
    os.rename(project / "pkg" / "renamed.py", project / "renamed.py")
    assert run(capsys, ".") == run(capsys, "--no-cache", ".")
    os.unlink(project / "init_utils.py")
    warm = run(capsys, ".")
    assert warm == run(capsys, "--no-cache", ".")
    assert not any(f["filename"].endswith("init_utils.py") for f in warm[1])


def test_a_config_change_changes_the_findings(project, capsys):
    before = run(capsys, ".")
    assert not any(f["filename"].endswith("head.py") for f in before[1])
    (project / "initlint.toml").write_text('init-functions = ["my_init"]\n')
    warm = run(capsys, ".")
    assert warm == run(capsys, "--no-cache", ".")
    assert [f["code"] for f in warm[1] if f["filename"].endswith("head.py")] == ["INI201"]
    (project / "initlint.toml").write_text('ignore = ["INI101"]\n')
    warm = run(capsys, ".")
    assert warm == run(capsys, "--no-cache", ".")
    assert "INI101" not in {f["code"] for f in warm[1]}


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "foreign", "other-type", "bad-pickle"])
def test_damaged_entries_are_ignored_and_rebuilt(project, capsys, parses, damage):
    expected = run(capsys, "--no-cache", ".")
    run(capsys, ".")
    files = entries(project / CACHE_DIR_NAME)
    blobs = {path: open(path, "rb").read() for path in files}
    for i, path in enumerate(files):
        blob = blobs[path]
        if damage == "garbage":
            new = os.urandom(len(blob))
        elif damage == "truncated":
            new = blob[: len(blob) // 2]
        elif damage == "empty":
            new = b""
        elif damage == "foreign":  # another file's entry, intact, under this name
            new = blobs[files[(i + 1) % len(files)]]
        elif damage == "other-type":  # a well-formed entry for this key holding something else
            key = bytes.fromhex(os.path.basename(path).split(".")[0])
            new = _entry(key, pickle.dumps(["not", "a", "summary"]))
        else:  # the digest matches, the pickle does not load
            key = bytes.fromhex(os.path.basename(path).split(".")[0])
            new = _entry(key, b"\x80\x05cno_such_module\nThing\n.")
        with open(path, "wb") as handle:
            handle.write(new)
    parses.clear()
    assert run(capsys, ".") == expected  # no error, no wrong answer
    assert parses  # read again
    parses.clear()
    assert run(capsys, ".") == expected
    assert parses == []  # and rebuilt


def test_an_old_version_entry_is_not_used(project, capsys, parses, monkeypatch):
    """initlint's version (or its code) is part of the key: another version's entries are never read."""
    expected = run(capsys, ".")
    import initlint.cache as cache_module

    monkeypatch.setattr(cache_module, "__version__", "999.0")
    parses.clear()
    assert run(capsys, ".") == expected
    assert {"__init__.py", "buggy.py", "clean.py", "head.py", "init_utils.py", "model.py", "broken.py"} <= set(parses)


def test_unwritable_cache_is_skipped_silently(project, capsys, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    expected = run(capsys, "--no-cache", ".")
    code, report, err = run(capsys, "--cache-dir", str(blocker / "cache"), ".")
    assert (code, report) == expected[:2] and err == ""
    code, report, err = run(capsys, "--cache-dir", str(blocker / "cache"), "-v", ".")
    assert (code, report) == expected[:2]
    assert "cache" in err and "cannot be written" in err


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_cache_folder(project, capsys, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        expected = run(capsys, "--no-cache", ".")
        code, report, err = run(capsys, "--cache-dir", str(folder / "c"), ".")
        assert (code, report, err) == (expected[0], expected[1], "")
    finally:
        folder.chmod(0o755)


def test_cache_dir_flag_and_environment(project, capsys, tmp_path, monkeypatch):
    run(capsys, "--cache-dir", str(tmp_path / "flag"), ".")
    assert (tmp_path / "flag" / "CACHEDIR.TAG").is_file() and entries(tmp_path / "flag")
    monkeypatch.setenv("INITLINT_CACHE_DIR", str(tmp_path / "env"))
    run(capsys, ".")
    assert entries(tmp_path / "env")
    assert not (project / CACHE_DIR_NAME).exists()
    run(capsys, "--cache-dir", str(tmp_path / "flag2"), ".")  # the flag wins over the variable
    assert entries(tmp_path / "flag2")


def test_the_cache_lives_in_the_project_root(tmp_path, monkeypatch, capsys):
    """ruff's place: the folder of the configuration file governing the working directory."""
    monkeypatch.delenv("INITLINT_CACHE_DIR", raising=False)
    write(tmp_path, {"repo/pyproject.toml": "[tool.initlint]\n", "repo/src/m.py": BUGGY})
    monkeypatch.chdir(tmp_path / "repo" / "src")
    run(capsys, "m.py")
    assert (tmp_path / "repo" / CACHE_DIR_NAME / "CACHEDIR.TAG").is_file()
    assert not (tmp_path / "repo" / "src" / CACHE_DIR_NAME).exists()


def test_standard_input_uses_the_cache_by_content(project, capsys, parses, monkeypatch):
    def stdin_run(text):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
        return run(capsys, "--stdin-filename", "pkg/buggy.py", "-")

    first = stdin_run(BUGGY)
    assert [f["code"] for f in first[1]] == ["INI101"]
    parses.clear()
    assert stdin_run(BUGGY) == first
    assert parses == []
    assert [f["code"] for f in stdin_run(CLEAN)[1]] == []  # other content, other entry


def test_context_reads_the_rest_of_the_project_from_the_cache(project, capsys, parses):
    full = run(capsys, ".")
    (project / "model.py").write_text(USES_INIT.format(bias=", bias=False") + "\n# edited\n")
    parses.clear()
    code, report, _ = run(capsys, "--context", ".", "model.py")
    assert set(parses) == {"model.py"}  # the rest of the project comes from the cache
    assert report == run(capsys, "--no-cache", "--context", ".", "model.py")[1]
    assert any(f["code"] == "INI201" for f in report)  # the cross-file finding, through the checked file
    assert full[1]


def test_unreadable_files_and_internal_errors_are_not_cached(tmp_path):
    cache = Cache(str(tmp_path / "c"))
    missing = str(tmp_path / "missing.py")
    out = cache.summarize([(missing, (), None, 0)], lambda todo: [(t[0], Problem("internal", "boom")) for t in todo])
    assert isinstance(out[0][1], Problem) and out[0][1].kind == "read"
    (tmp_path / "x.py").write_text("x = 1\n")
    out = cache.summarize([(str(tmp_path / "x.py"), (), None, 0)],
                          lambda todo: [(t[0], Problem("internal", "boom")) for t in todo])
    assert out[0][1].kind == "internal"
    assert entries(tmp_path / "c") == []


def test_concurrent_runs_on_one_tree(tmp_path):
    root = tmp_path / "tree"
    files = {f"m{i:02d}.py": (BUGGY if i % 3 == 0 else CLEAN).replace("Net", f"Net{i}").replace("Clean", f"C{i}")
             for i in range(40)}
    write(root, files)
    env = {**os.environ, "PYTHONPATH": os.path.join(ROOT, "src"), "INITLINT_CACHE_DIR": str(tmp_path / "shared")}
    args = [sys.executable, "-m", "initlint", "check", "--output-format", "json", "-j", "2", "."]
    expected = subprocess.run([*args, "--no-cache"], cwd=root, env=env, capture_output=True, text=True)
    procs = [subprocess.Popen(args, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    for (out, err), proc in zip(outs, procs):
        assert proc.returncode == expected.returncode == 1, err
        assert json.loads(out) == json.loads(expected.stdout)
        assert err == ""
    again = subprocess.run(args, cwd=root, env=env, capture_output=True, text=True)
    assert json.loads(again.stdout) == json.loads(expected.stdout)
    leftovers = [n for n in os.listdir(tmp_path / "shared" / str(CACHE_FORMAT)) if n.startswith(".tmp")]
    assert leftovers == []


def test_an_unchanged_run_reuses_its_report(project, capsys, monkeypatch):
    """Nothing changed since the last run: not even the summaries are loaded, nor the rules run."""
    first = run(capsys, ".")
    built = []
    from initlint import index

    real = index.ProjectIndex
    monkeypatch.setattr(index, "ProjectIndex", lambda *a, **k: built.append(1) or real(*a, **k))
    assert run(capsys, ".") == first
    assert built == []
    # each of these changes an input of the report: it is re-derived, and equals a run without the cache
    for args in (["--select", "INI2"], ["--ignore", "INI101"], ["--context", ".", "model.py"],
                 ["--context", ".", "init_utils.py"], ["--extend-select", "ALL"]):
        built.clear()
        assert run(capsys, *args, ".") == run(capsys, "--no-cache", *args, ".")
        assert built  # re-derived from the summaries
    (project / "initlint.toml").write_text('per-file-ignores = { "pkg/*" = ["INI101"] }\n')
    assert run(capsys, ".") == run(capsys, "--no-cache", ".")
    assert not any(f["code"] == "INI101" for f in run(capsys, ".")[1])


def test_rules_that_skip_context_files_never_name_another_file():
    """With ``--context``, a rule with ``related_elsewhere = False`` is not run on the files read for context (the
    warm pre-commit hook's saving): sound only while its code never builds a related location."""
    import inspect

    from initlint.rules import RULES

    skipped = [rule for rule in RULES.values() if not rule.related_elsewhere]
    assert len(skipped) >= 10
    for rule in skipped:
        for cls in type(rule).__mro__:
            if cls.__module__.startswith("initlint.rules.ini"):
                text = inspect.getsource(sys.modules[cls.__module__])
                assert "related" not in text.lower().replace("related_elsewhere", "") and "_units" not in text, \
                    rule.code
    assert RULES["INI201"].related_elsewhere  # the cross-file one of the tests above


def test_context_skips_only_rules_that_cannot_involve_the_checked_files(project, capsys):
    """The same findings through checked files whether or not every rule runs on the context files."""
    from initlint.rules import Rule

    fast = run(capsys, "--no-cache", "--context", ".", "model.py")
    original = {cls: cls.__dict__.get("related_elsewhere") for cls in Rule.__subclasses__()}
    try:
        for cls in original:
            cls.related_elsewhere = True
        assert run(capsys, "--no-cache", "--context", ".", "model.py") == fast
    finally:
        for cls, value in original.items():
            if value is None:
                del cls.related_elsewhere
            else:
                cls.related_elsewhere = value


def test_a_warm_run_still_warns_about_malformed_noqa(project, capsys, parses):
    """A report recalled from the cache keeps what the run warned about, not only its findings."""
    (project / "pkg" / "buggy.py").write_text(BUGGY.rstrip("\n") + "  # noqa INI101\n")
    cold = run(capsys, ".")
    parses.clear()
    warm = run(capsys, ".")
    assert parses == []  # recalled, not re-derived
    assert "Invalid `# noqa` directive" in cold[2]
    assert cold == warm


def test_context_reads_the_changed_file_in_the_background(project, capsys, monkeypatch):
    """With jobs, a changed file among many cached ones is read by another process while this one loads the
    cached entries; the report is the one a run without the cache gives."""
    write(project, {f"pkg/extra{i}.py": CLEAN.replace("Clean", f"Clean{i}") for i in range(40)})
    main(["check", "--output-format", "json", "-j", "2", "."])
    capsys.readouterr()
    (project / "model.py").write_text(USES_INIT.format(bias=", bias=False") + "\n# edited\n")
    started = []
    real = engine._in_background

    def spy(tasks):
        started.append([os.path.basename(t[0]) for t in tasks])
        return real(tasks)

    monkeypatch.setattr(engine, "_in_background", spy)
    code = main(["check", "--output-format", "json", "-j", "2", "--context", ".", "model.py"])
    report = json.loads(capsys.readouterr()[0])
    assert started == [["model.py"]]
    assert report == run(capsys, "--no-cache", "--context", ".", "model.py")[1]
    assert any(f["code"] == "INI201" for f in report) and code == 1
    # its entry was written by the process that read it: the next run reads nothing
    started.clear()
    (project / "model.py").write_text(USES_INIT.format(bias=", bias=False") + "\n# edited again\n")
    main(["check", "-j", "2", "--context", ".", "model.py"])
    capsys.readouterr()
    assert started == [["model.py"]]
    assert main(["check", "-j", "2", "--context", ".", "pkg/buggy.py"]) == 1
    capsys.readouterr()
    assert started == [["model.py"]]  # nothing new to read


def test_a_background_read_whose_process_dies_is_done_here(tmp_path, monkeypatch):
    path = tmp_path / "m.py"
    path.write_text(BUGGY)
    tasks = [(str(path), (), path.read_bytes(), 0)]
    monkeypatch.setattr(engine, "_summarize_one", lambda *a, **k: os._exit(3))  # the fork dies at once
    wait = engine._in_background(tasks)
    monkeypatch.undo()
    (got_path, summary), = wait()
    assert got_path == str(path) and summary.classes and summary.classes[0].name == "Net"


def test_a_worker_sends_the_summary_it_wrote_as_those_bytes(tmp_path):
    """A summary written to the cache is pickled once: the worker sends the entry's own payload."""
    path = tmp_path / "m.py"
    path.write_text(BUGGY)
    cache = Cache(str(tmp_path / "c"))
    assert cache._prepare()
    key = b"k" * 20
    (got_path, item, payload), = engine._summarize_chunk_pickled([(str(path), (), path.read_bytes(), 0,
                                                                   (cache.entries, key))])
    assert got_path == str(path) and item is None
    assert open(cache._file(key, "s"), "rb").read() == _entry(key, payload)
    assert pickle.loads(payload).classes[0].name == "Net"
    # without the cache the object itself comes back
    (_, item, payload), = engine._summarize_chunk_pickled([(str(path), (), path.read_bytes(), 0)])
    assert payload is None and item.classes[0].name == "Net"
