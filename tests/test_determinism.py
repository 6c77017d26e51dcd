"""One answer, whatever the worker count and the order of the files (issue 8, section 2).

A tree of over 50 files, made of the rule pages' examples and ``examples/`` in a package layout, is checked with
``--select ALL --output-format json`` at ``-j 1``, ``-j 2`` and ``-j 4`` and with the file arguments in shuffled
orders: the JSON output and the exit status must be the same every time. A second tree adds files whose f-strings
have a format spec in one instance and none in the next (``f"{x:.3f}"`` then ``f"{x}"``), which is what a cache
filled from the first instance a process meets gets wrong.
"""

from __future__ import annotations

import json
import random

from _fuzz import SENTINEL, cli_problems, corpus, run_cli

FSTRING_FILES = {
    # the spec first, then none: a cache filled from the first instance crashes on the second
    "fstr/spec_then_none.py": 'def show(x):\n    a = f"{x:.3f}"\n    b = f"{x}"\n    return a + b\n',
    # none first, then a spec: the cache skips what is inside the later spec
    "fstr/none_then_spec.py": ('import torch.nn as nn\n\n\nclass Width(nn.Module):\n    def __init__(self):\n'
                               '        super().__init__()\n        self.width = 3\n\n    def forward(self, x):\n'
                               '        label = f"{x}"\n        return f"{x:{self.widthz}}" + label\n'),
    "fstr/nested_spec.py": 'def show(x, w):\n    return f"{x:{w}}"\n',
    "fstr/none_only.py": 'def show(x):\n    return f"{x} {x!r}"\n',
    "fstr/spec_only.py": 'def show(x):\n    return f"{x:>10}"\n',
}


def _tree(root, with_fstrings: bool) -> list[str]:
    """Write the tree under ``root``; its files, relative to ``root``."""
    names = []
    for i, (name, text) in enumerate(corpus()):
        package = f"pkg{i % 4}" + ("/sub" if i % 3 == 0 else "")
        names.append(f"{package}/{name.lower()}.py")
        (root / package).mkdir(parents=True, exist_ok=True)
        (root / names[-1]).write_text(text)
    for package in {n.rsplit("/", 1)[0] for n in names}:
        for parent in (package, package.split("/")[0]):
            (root / parent / "__init__.py").touch()
    names.append("sentinel.py")
    (root / "sentinel.py").write_text(SENTINEL)
    if with_fstrings:
        for name, text in FSTRING_FILES.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text)
            names.append(name)
    return sorted(names)


def _run(root, files, jobs):
    rc, out, err, _ = run_cli(["check", "--select", "ALL", "--output-format", "json", "--no-respect-gitignore",
                               "-j", str(jobs), *files], timeout=120, cwd=str(root))
    assert not cli_problems(rc, out, err), f"-j {jobs}: {cli_problems(rc, out, err)}\n{err[-2000:]}"
    return rc, json.loads(out)


def _same_everywhere(root, files):
    runs = {}
    for jobs in (1, 2, 4):
        runs[f"-j {jobs}"] = _run(root, files, jobs)
    rng = random.Random(8)
    for n in range(3):
        order = files[:]
        rng.shuffle(order)
        runs[f"shuffle {n} at -j {1 + n % 2}"] = _run(root, order, 1 + n % 2)
    reference_name = "-j 1"
    reference = runs[reference_name]
    assert reference[0] == 1 and len(reference[1]) >= 30  # the examples' findings, and the sentinel's
    assert any(item["filename"] == "sentinel.py" for item in reference[1])
    for name, outcome in runs.items():
        assert outcome[0] == reference[0], f"{name}: exit {outcome[0]}, {reference_name}: exit {reference[0]}"
        assert outcome[1] == reference[1], f"{name}: different JSON from {reference_name}"
    return reference


def test_same_json_for_any_jobs_and_order(tmp_path):
    files = _tree(tmp_path, with_fstrings=False)
    assert len(files) >= 50
    _same_everywhere(tmp_path, files)


def test_same_json_with_fstring_format_specs(tmp_path):
    files = _tree(tmp_path, with_fstrings=True)
    assert len(files) >= 55
    rc, found = _same_everywhere(tmp_path, files)
    # and the answer is the right one: the undefined attribute inside the later format spec is reported
    assert any(item["filename"] == "fstr/none_then_spec.py" and "widthz" in item["message"] for item in found)
