"""Jupyter notebooks: discovered, checked as one module of their code cells, reported per cell, fixed in place."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from initlint.cli import main
from initlint.discovery import DEFAULT_EXCLUDES, discover
from initlint.notebook import _mask, from_text

from _helpers import ROOT

# ---- building notebooks ---------------------------------------------------------------------------------


def _lines(text: str) -> list[str]:
    """nbformat's form of a source: one string per line, each ending in a newline but the last."""
    return text.splitlines(keepends=True)


def code(text: str, outputs=None, as_string: bool = False, count: int | None = 1, **metadata) -> dict:
    return {"cell_type": "code", "execution_count": count, "id": f"c{abs(hash(text)) % 10**8:08d}",
            "metadata": metadata, "outputs": outputs or [], "source": text if as_string else _lines(text)}


def markdown(text: str) -> dict:
    return {"cell_type": "markdown", "id": f"m{abs(hash(text)) % 10**8:08d}", "metadata": {}, "source": _lines(text)}


def notebook(*cells, **metadata) -> dict:
    meta = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python", "version": "3.11.0"}}
    meta.update(metadata)
    return {"cells": list(cells), "metadata": meta, "nbformat": 4, "nbformat_minor": 5}


def write(path, nb: dict, indent=1, newline=True, ensure_ascii=False) -> str:
    text = json.dumps(nb, indent=indent, ensure_ascii=ensure_ascii) + ("\n" if newline else "")
    path.write_text(text, encoding="utf-8")
    return text


def run_cli(args, cwd):
    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    try:
        os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code_ = main(["check", *args])
    finally:
        os.chdir(here)
    return code_, out.getvalue(), err.getvalue()


def concise(out: str) -> list[str]:
    return [line for line in out.splitlines() if re.match(r"\S+:(cell \d+:)?\d+:\d+: INI", line)]


SEED = open(os.path.join(ROOT, "examples", "seed", "apply_style.py"), encoding="utf-8").read()
SEED_CLASS = SEED[SEED.index("class Net"):SEED.index(" \n # 1.")].rstrip() + "\n"
SEED_INIT = SEED[SEED.index("def weight_init"):].rstrip() + "\n"

BASE_CELL = """\
import torch.nn as nn


class Base(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer = nn.Linear(4, 4)
"""
CHILD_CELL = """\
class Child(Base):
    def forward(self, x):
        return self.layer1(x)
"""
OUTPUT = {"output_type": "stream", "name": "stdout", "text": ["tensor(0.5) — déjà vu\n", "done\n"]}
PLOT = {"output_type": "display_data", "metadata": {"needs_background": "light"},
        "data": {"image/png": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
                 "YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\n", "text/plain": ["<Figure size 640x480>"]}}


@pytest.fixture
def seed_notebook(tmp_path):
    """The seed tutorial's model split over cells, with markdown between them and IPython syntax around."""
    nb = notebook(
        markdown("# The seed tutorial\n\nAn init function applied to a model."),
        code("%matplotlib inline\nimport torch.nn as nn\n!nvidia-smi\n\nin_dim, n_hidden_1, n_hidden_2, out_dim"
             " = 8, 16, 16, 4"),
        code(SEED_CLASS, outputs=[OUTPUT]),
        markdown("## Initialization"),
        code(SEED_INIT),
        code("net = Net(in_dim, n_hidden_1, n_hidden_2, out_dim)\nnet.apply(weight_init)\nnet?", outputs=[PLOT]),
    )
    path = tmp_path / "seed.ipynb"
    write(path, nb)
    return path


# ---- reading and masking ------------------------------------------------------------------------------
def test_seed_model_split_over_cells_is_found_at_its_cells(seed_notebook, tmp_path):
    code_, out, err = run_cli(["seed.ipynb", "--extend-select", "INI209"], tmp_path)
    class_line = SEED_CLASS.splitlines().index("        x = self.layer1(x)") + 1
    bias_line = SEED_INIT.splitlines().index("        nn.init.constant_(m.bias, 0)") + 1
    assert code_ == 1, err
    assert concise(out) == [
        f"seed.ipynb:cell 3:{class_line}:13: INI001 `self.layer1` is read in `forward` but `Net` never defines it"
        " (AttributeError at run time); did you mean `self.layer`?",
        f"seed.ipynb:cell 3:{class_line + 1}:13: INI001 `self.layer2` is read in `forward` but `Net` never"
        " defines it (AttributeError at run time); did you mean `self.layer`?",
        f"seed.ipynb:cell 3:{class_line + 2}:13: INI001 `self.layer3` is read in `forward` but `Net` never"
        " defines it (AttributeError at run time); did you mean `self.layer`?",
    ] + [line for line in concise(out) if "INI209" in line]
    assert [line.split(": INI")[0] for line in concise(out) if "INI209" in line][0] == \
        f"seed.ipynb:cell 5:{bias_line}:9"
    assert "INI900" not in out and "Traceback" not in err


def test_a_class_from_an_earlier_cell_is_known_in_a_later_one(tmp_path):
    write(tmp_path / "nb.ipynb", notebook(code(BASE_CELL), markdown("text"), markdown("more"), code(CHILD_CELL)))
    code_, out, _ = run_cli(["nb.ipynb"], tmp_path)
    assert code_ == 1
    assert concise(out) == ["nb.ipynb:cell 4:3:16: INI001 `self.layer1` is read in `forward` but `Child` never"
                            " defines it (AttributeError at run time)"]
    # each cell alone knows nothing of `Base`: the finding needs the cells read as one module
    write(tmp_path / "alone.ipynb", notebook(code("import torch.nn as nn\n" + CHILD_CELL)))
    assert run_cli(["alone.ipynb"], tmp_path)[0] == 0


MAGICS = """\
%load_ext autoreload
%autoreload 2
!pip install -q einops
files = !ls -la
out, err = %sx echo hi
%time y = 1
?nn.Linear
nn.Linear?
nn.init.xavier_uniform_??
%timeit \\
    sum(range(10))
x = (3
     % 2)
s = '''
!not a shell escape, a string
%neither
'''
for i in range(2):
    !echo {i}
    %time i + 1
"""


def test_magics_are_masked_without_moving_lines(tmp_path):
    after = "class Net(nn.Module):\n    def forward(self, x):\n        return self.missing(x)\n"
    write(tmp_path / "nb.ipynb", notebook(
        code("import torch.nn as nn\n" + MAGICS + after),
        code("%%bash\necho ((( not python\n"),  # a cell magic: the whole cell is not Python
        code("%%time\n" + after.replace("Net", "Timed")),  # a Python cell magic: only its first line
        code("pip install torch\n"),  # an automagic first line: the whole cell is IPython
    ))
    code_, out, err = run_cli(["nb.ipynb", "--select", "ALL"], tmp_path)
    first = MAGICS.count("\n") + 1 + 3
    assert "INI900" not in out, out
    assert [line.split(": INI")[0] for line in concise(out) if "INI001" in line] == [
        f"nb.ipynb:cell 1:{first}:16", "nb.ipynb:cell 3:4:16"]


def test_mask_keeps_the_line_count_and_python_untouched():
    lines = MAGICS.splitlines()
    masked, which = _mask(lines)
    assert len(masked) == len(lines)
    kept = {n for n, line in enumerate(lines) if "%" not in line and "!" not in line and "?" not in line}
    kept.discard(lines.index("    sum(range(10))"))  # continues `%timeit \\`: blank
    assert masked[lines.index("    sum(range(10))")] == ""
    assert all(masked[n] == lines[n] for n in kept) and which == set(range(len(lines))) - kept - {
        lines.index(line) for line in ("     % 2)", "!not a shell escape, a string", "%neither")}
    assert masked[lines.index("     % 2)")] == "     % 2)"  # modulo in brackets is Python
    assert masked[lines.index("!not a shell escape, a string")] == "!not a shell escape, a string"
    assert masked[lines.index("files = !ls -la")] == "files = ..."
    assert masked[lines.index("    !echo {i}")] == "    pass"
    import ast

    ast.parse("\n".join(masked))  # the masked cell is Python


def test_source_as_one_string_and_as_a_list_read_alike():
    nb_list = notebook(code(BASE_CELL), code(CHILD_CELL))
    nb_str = notebook(code(BASE_CELL, as_string=True), code(CHILD_CELL.rstrip("\n"), as_string=True))
    a, b = from_text("a.ipynb", json.dumps(nb_list)), from_text("b.ipynb", json.dumps(nb_str))
    assert a.text == b.text == BASE_CELL + CHILD_CELL
    assert a.notebook.locate(len(BASE_CELL.splitlines()) + 3) == (2, 3)


# ---- positions in every format ------------------------------------------------------------------------
@pytest.fixture
def mixed(tmp_path, seed_notebook):
    (tmp_path / "model.py").write_text("import torch.nn as nn\n\n\ndef init(m):\n    nn.init.normal(m.weight)\n")
    return tmp_path


def test_json_has_ruffs_cell_field_and_rows_in_the_cell(mixed):
    code_, out, _ = run_cli(["seed.ipynb", "model.py", "--output-format", "json"], mixed)
    items = json.loads(out)
    by_file = {}
    for item in items:
        by_file.setdefault(item["filename"], []).append(item)
    assert {i["cell"] for i in by_file["model.py"]} == {None}
    nb = by_file["seed.ipynb"]
    class_line = SEED_CLASS.splitlines().index("        x = self.layer1(x)") + 1
    assert [(i["code"], i["cell"], i["location"]["row"], i["location"]["column"], i["noqa_row"]) for i in nb] == [
        ("INI001", 3, class_line + k, 13, class_line + k) for k in range(3)]
    lines = json.loads(out.replace("\n", " "))  # json-lines carries the same field
    code2, out2, _ = run_cli(["seed.ipynb", "model.py", "--output-format", "json-lines"], mixed)
    assert [json.loads(line)["cell"] for line in out2.splitlines()] == [i["cell"] for i in lines]


def test_json_fix_edits_are_rows_in_the_cell(tmp_path):
    write(tmp_path / "nb.ipynb", notebook(markdown("x"), code("import torch.nn as nn\n"),
                                          code("\n\ndef init(m):\n    nn.init.normal(m.weight)\n")))
    _, out, _ = run_cli(["nb.ipynb", "--output-format", "json"], tmp_path)
    (item,) = json.loads(out)
    assert (item["cell"], item["location"]) == (3, {"row": 4, "column": 5})
    assert item["fix"]["edits"] == [{"content": "_", "location": {"row": 4, "column": 19},
                                     "end_location": {"row": 4, "column": 19}}]


def test_other_formats_name_the_cell_and_its_line(mixed):
    class_line = SEED_CLASS.splitlines().index("        x = self.layer1(x)") + 1
    _, full, _ = run_cli(["seed.ipynb", "--output-format", "full"], mixed)
    assert f"seed.ipynb:cell 3:{class_line}:13: INI001" in full
    assert f"  {class_line:>4} |         x = self.layer1(x)" in full
    _, grouped, _ = run_cli(["seed.ipynb", "model.py", "--output-format", "grouped"], mixed)
    assert f"  cell 3:{class_line}:13 INI001" in grouped and "  5:5 INI101" in grouped
    _, github, _ = run_cli(["seed.ipynb", "--output-format", "github"], mixed)
    first = github.splitlines()[0]
    assert f"file=seed.ipynb,line={class_line},col=13," in first and f"::cell 3:{class_line}:13: INI001" in first
    _, sarif, _ = run_cli(["seed.ipynb", "model.py", "--output-format", "sarif"], mixed)
    results = json.loads(sarif)["runs"][0]["results"]
    nb = [r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "seed.ipynb"]
    assert nb[0]["properties"] == {"cell": 3}
    assert nb[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == class_line
    assert all("properties" not in r for r in results if r not in nb)
    _, junit, _ = run_cli(["seed.ipynb", "--output-format", "junit"], mixed)
    case = ET.fromstring(junit).find("testsuite/testcase")
    assert case.get("name") == f"INI001 at seed.ipynb:cell 3:{class_line}:13" and case.get("line") == str(class_line)


# ---- fixes written back --------------------------------------------------------------------------------
FIXABLE = """\
def init(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_normal(m.weight)
        nn.init.zeros_(m.bias)
"""
MODEL = """\
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 4, bias=False)
        self.apply(init)

    def forward(self, x):
        return self.fc(x)
"""


@pytest.mark.parametrize("indent, newline, as_string", [(1, True, False), (2, False, True), (4, True, False)])
def test_fix_rewrites_only_the_fixed_cells_source(tmp_path, indent, newline, as_string):
    nb = notebook(markdown("# Fixes"), code("%matplotlib inline\nimport torch.nn as nn", outputs=[OUTPUT]),
                  code("%%time\n" + FIXABLE, outputs=[PLOT], as_string=as_string, collapsed=True),
                  code(MODEL, count=None))
    path = tmp_path / "nb.ipynb"
    before = write(path, nb, indent=indent, newline=newline)
    code_, out, err = run_cli(["nb.ipynb", "--fix", "--unsafe-fixes"], tmp_path)
    after = path.read_text(encoding="utf-8")
    assert code_ == 0, out + err
    assert after.endswith("\n") == newline
    data = json.loads(after)
    fixed = "".join(data["cells"][2]["source"])
    assert fixed == ("%%time\ndef init(m):\n    if isinstance(m, nn.Linear):\n        nn.init.xavier_normal_(m.weight)"
                     "\n        if m.bias is not None:\n            nn.init.zeros_(m.bias)\n")
    assert isinstance(data["cells"][2]["source"], str) == as_string
    expected = json.loads(before)
    expected["cells"][2]["source"] = data["cells"][2]["source"]
    assert data == expected  # outputs, metadata, the other cells: all unchanged
    assert list(data["cells"][2]) == list(nb["cells"][2])  # key order
    # byte for byte what the notebook's writer makes of the fixed notebook: indentation, layout, trailing newline
    assert after == json.dumps(expected, indent=indent, ensure_ascii=False) + ("\n" if newline else "")
    # a second --fix changes nothing
    assert run_cli(["nb.ipynb", "--fix", "--unsafe-fixes"], tmp_path)[0] == 0
    assert path.read_text(encoding="utf-8") == after


def test_fixed_list_source_keeps_nbformats_layout(tmp_path):
    nb = notebook(code("import torch.nn as nn\n\n" + FIXABLE + "\n" + MODEL.replace(", bias=False", ""),
                       outputs=[OUTPUT]))
    path = tmp_path / "nb.ipynb"
    before = write(path, nb)
    run_cli(["nb.ipynb", "--fix"], tmp_path)
    after = path.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert len(before.splitlines()) == len(after.splitlines())
    assert changed == [('    "        nn.init.xavier_normal(m.weight)\\n",',
                        '    "        nn.init.xavier_normal_(m.weight)\\n",')]
    assert "déjà vu" in after  # non-ASCII stays as written


def test_diff_shows_the_cell_and_writes_nothing(tmp_path):
    path = tmp_path / "nb.ipynb"
    before = write(path, notebook(code("import torch.nn as nn"), markdown("m"), code(FIXABLE)))
    code_, out, _ = run_cli(["nb.ipynb", "--diff"], tmp_path)
    assert code_ == 1
    assert out.splitlines()[:2] == ["--- a/nb.ipynb:cell 3", "+++ b/nb.ipynb:cell 3"]
    assert "-        nn.init.xavier_normal(m.weight)\n+        nn.init.xavier_normal_(m.weight)\n" in out
    assert "{" not in out  # the cell's code, not the notebook's JSON
    assert path.read_text(encoding="utf-8") == before


def test_add_noqa_goes_into_the_cell(tmp_path):
    path = tmp_path / "nb.ipynb"
    write(path, notebook(code(BASE_CELL), code("%time 1\n" + CHILD_CELL, outputs=[OUTPUT])))
    code_, _, err = run_cli(["nb.ipynb", "--add-noqa"], tmp_path)
    assert "Added `# noqa` for 1 error." in err
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["cells"][1]["source"] == ["%time 1\n", "class Child(Base):\n", "    def forward(self, x):\n",
                                          "        return self.layer1(x)  # noqa: INI001\n"]
    assert data["cells"][1]["outputs"] == [OUTPUT]
    assert run_cli(["nb.ipynb"], tmp_path)[0] == 0


# ---- bad notebooks -------------------------------------------------------------------------------------
def test_bad_notebooks_are_ini900_and_other_files_are_still_checked(tmp_path):
    (tmp_path / "truncated.ipynb").write_text('{"cells": [{"cell_type": "code", "source": ["x = 1\\n"')
    (tmp_path / "nocells.ipynb").write_text('{"metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n')
    (tmp_path / "v3.ipynb").write_text('{"worksheets": [], "nbformat": 3}\n')
    (tmp_path / "badsource.ipynb").write_text('{"cells": [{"cell_type": "code", "source": 3}]}\n')
    (tmp_path / "binary.ipynb").write_bytes(b"\xff\xfe\x00{")
    write(tmp_path / "nul.ipynb", notebook(code("import os"), code("x = 1\0\n")))
    (tmp_path / "surrogate.ipynb").write_text(json.dumps(notebook(code("x = 1\ny = 2  # \ud800"))))
    write(tmp_path / "syntax.ipynb", notebook(code("import torch.nn as nn"), markdown("m"),
                                              code("x = 1\ndef f(:\n    pass")))
    write(tmp_path / "good.ipynb", notebook(code(BASE_CELL), code(CHILD_CELL)))
    (tmp_path / "model.py").write_text("import torch.nn as nn\n\n\ndef init(m):\n    nn.init.normal(m.weight)\n")
    code_, out, err = run_cli(["."], tmp_path)
    assert code_ == 1 and "Traceback" not in err and "internal error" not in err
    lines = concise(out)
    assert lines == sorted(lines, key=lambda s: s.split(":")[0])
    found = {line.split(":")[0]: line for line in lines}
    assert set(found) == {"badsource.ipynb", "binary.ipynb", "good.ipynb", "model.py", "nocells.ipynb", "nul.ipynb",
                          "surrogate.ipynb", "syntax.ipynb", "truncated.ipynb", "v3.ipynb"}
    assert found["nul.ipynb"] == "nul.ipynb:cell 2:1:6: INI900 source contains a NUL byte"
    assert found["surrogate.ipynb"] == "surrogate.ipynb:cell 1:2:10: INI900 source contains a lone surrogate" \
                                       " (U+D800), not text"
    assert found["truncated.ipynb"].startswith("truncated.ipynb:1:")
    assert "INI900 invalid notebook: not valid JSON (" in found["truncated.ipynb"]
    assert found["nocells.ipynb"] == "nocells.ipynb:1:1: INI900 invalid notebook: no `cells` list; initlint reads" \
                                     " nbformat 4 notebooks"
    assert "nbformat 3" in found["v3.ipynb"]
    assert "cell 1 is neither a string nor a list" in found["badsource.ipynb"]
    assert "INI900 invalid notebook: not UTF-8" in found["binary.ipynb"]
    assert found["syntax.ipynb"] == "syntax.ipynb:cell 3:2:7: INI900 syntax error: invalid syntax"
    assert "INI101" in found["model.py"] and "INI001" in found["good.ipynb"]
    _, out, _ = run_cli(["truncated.ipynb", "syntax.ipynb", "--output-format", "json"], tmp_path)
    assert [(i["filename"], i["cell"], i["location"]["row"]) for i in json.loads(out)] == [
        ("syntax.ipynb", 3, 2), ("truncated.ipynb", None, 1)]


def test_a_notebook_in_another_language_is_skipped_with_a_reason(tmp_path):
    write(tmp_path / "r.ipynb", notebook(code("x <- c(1, 2)"), kernelspec={"language": "R", "name": "ir"},
                                         language_info={"name": "R"}))
    code_, out, err = run_cli(["r.ipynb"], tmp_path)
    assert "skipped r.ipynb: not a Python notebook (language: r)" in err and "INI900" not in out


def test_a_notebook_named_on_the_command_line_is_read_as_a_notebook(tmp_path):
    # its JSON is also a Python expression: it must not "pass" as one
    write(tmp_path / "nb.ipynb", notebook(code(BASE_CELL + CHILD_CELL)))
    (tmp_path / "nb.ipynb").rename(tmp_path / "renamed.ipynb")
    assert run_cli(["renamed.ipynb"], tmp_path)[0] == 1


def test_a_notebook_does_not_shadow_the_module_of_the_same_name(tmp_path):
    (tmp_path / "train.py").write_text(BASE_CELL)
    write(tmp_path / "train.ipynb", notebook(code("class Base:\n    pass\n")))
    (tmp_path / "model.py").write_text("from train import Base\n\n\n" + CHILD_CELL)
    _, out, _ = run_cli(["."], tmp_path)
    assert [line.split(": ")[0] for line in concise(out)] == ["model.py:6:16"]


# ---- discovery and hooks -------------------------------------------------------------------------------
def test_directories_yield_notebooks_and_excludes_apply(tmp_path, monkeypatch):
    for name in ("a.ipynb", "sub/b.ipynb", "sub/.ipynb_checkpoints/b-checkpoint.ipynb", "skip/c.ipynb",
                 "ignored/d.ipynb", "e.py", "f.json"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        write(tmp_path / name, notebook(code(BASE_CELL)))
    (tmp_path / ".gitignore").write_text("ignored/\n")
    monkeypatch.chdir(tmp_path)
    files, problems = discover(["."], DEFAULT_EXCLUDES + ("skip",))
    assert problems == [] and files == ["a.ipynb", "e.py", os.path.join("sub", "b.ipynb")]
    code_, out, err = run_cli([".", "--extend-exclude", "skip"], tmp_path)
    assert "(3 files checked)" in out


def test_precommit_hooks_run_on_notebooks():
    text = open(os.path.join(ROOT, ".pre-commit-hooks.yaml"), encoding="utf-8").read()
    hooks = re.findall(r"types_or: \[([^\]]*)\]", text)
    assert len(hooks) == 2 and all("jupyter" in [t.strip() for t in h.split(",")] for h in hooks)


def test_notebooks_through_the_worker_pool(tmp_path, seed_notebook):
    """Enough notebooks for the process pool: the same report as one process, cells and all."""
    text = seed_notebook.read_text(encoding="utf-8")
    for n in range(17):
        (tmp_path / f"nb{n:02d}.ipynb").write_text(text, encoding="utf-8")

    def report(jobs):
        proc = subprocess.run([sys.executable, "-m", "initlint", "check", "-j", jobs, "--output-format", "json",
                               "."], cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 1, proc.stderr
        return json.loads(proc.stdout)

    pooled = report("2")
    assert pooled == report("1")
    assert len(pooled) == 18 * 3 and {item["cell"] for item in pooled} == {3}


# ---- writing back: the JSON text and the cell boundaries ----------------------------------------------
def _book(nb_text: str):
    source = from_text("nb.ipynb", nb_text)
    return source.notebook


@pytest.mark.parametrize("dump", [
    lambda nb: json.dumps(nb),  # one line, no indentation
    lambda nb: json.dumps(nb, indent="\t"),
    lambda nb: json.dumps(nb, indent=1).replace("\n", "\r\n") + "\r\n",
    lambda nb: json.dumps(nb, indent=2, ensure_ascii=True),  # non-ASCII written as \\u escapes
    lambda nb: "\ufeff" + json.dumps(nb, indent=1, ensure_ascii=False) + "\n",
])
def test_write_back_keeps_the_writers_style(dump):
    nb = notebook(code("import torch.nn as nn\n# déjà vu\n", outputs=[OUTPUT]), code(FIXABLE, outputs=[PLOT]))
    text = dump(nb)
    book = _book(text)
    new = book.text.replace("xavier_normal(", "xavier_normal_(")
    data, diff = book.write_back(new, "nb.ipynb")
    out = data.decode("utf-8")
    nb["cells"][1]["source"] = _lines(FIXABLE.replace("xavier_normal(", "xavier_normal_("))
    assert out == dump(nb)  # as the same writer would have written the fixed notebook
    assert diff.startswith("--- a/nb.ipynb:cell 2\n+++ b/nb.ipynb:cell 2\n")
    assert book.write_back(book.text, "nb.ipynb") == (text.encode("utf-8"), "")  # no edit: the same bytes


def test_write_back_puts_inserted_lines_into_the_right_cell():
    book = _book(json.dumps(notebook(code("def f():\n    x = 1"), code("y = 2\n"))))
    data, _ = book.write_back("def f():\n    x = 1\n    z = 3\nw = 0\ny = 2\n", "nb.ipynb")
    cells = json.loads(data)["cells"]
    assert cells[0]["source"] == ["def f():\n", "    x = 1\n", "    z = 3"]  # indented: continues the cell above
    assert cells[1]["source"] == ["w = 0\n", "y = 2\n"]  # a new statement: starts the cell below


def test_write_back_refuses_edits_it_cannot_place():
    from initlint.notebook import NotebookError

    book = _book(json.dumps(notebook(code("import os\n!ls\nx = 1"), code("y = 2"))))
    assert book.text == "import os\npass\nx = 1\ny = 2\n"
    with pytest.raises(NotebookError, match="IPython magic"):
        book.write_back("import os\npass  # changed\nx = 1\ny = 2\n", "nb.ipynb")
    with pytest.raises(NotebookError, match="more than one cell"):
        book.write_back("import os\npass\nxy = 12\n", "nb.ipynb")
    data, _ = book.write_back("import os\npass\nx = 10\ny = 2\n", "nb.ipynb")
    assert json.loads(data)["cells"][0]["source"] == ["import os\n", "!ls\n", "x = 10"]  # the magic is back
    data, _ = book.write_back("import os\npass\nx = 10\ny = 20\n", "nb.ipynb")  # two cells, line for line
    assert [c["source"] for c in json.loads(data)["cells"]] == [["import os\n", "!ls\n", "x = 10"], ["y = 20"]]


def test_empty_and_markdown_only_notebooks_are_clean(tmp_path):
    write(tmp_path / "empty.ipynb", notebook())
    raw = {"cell_type": "raw", "metadata": {}, "source": "!not code"}
    write(tmp_path / "md.ipynb", notebook(markdown("# only text"), code(""), raw))
    code_, out, err = run_cli(["empty.ipynb", "md.ipynb"], tmp_path)
    assert code_ == 0 and "All checks passed! (2 files checked)" in out, out + err


def test_mutated_notebooks_never_crash(tmp_path):
    """Random damage to a notebook's JSON structure and cell text: a finding or INI900, never an exception."""
    import copy
    import random

    from initlint import fixer
    from initlint.engine import check_paths
    from initlint.output import FORMATS, render
    from initlint.rules import select_rules

    base = notebook(markdown("# m"), code(BASE_CELL, outputs=[OUTPUT]), code("%%time\n" + FIXABLE),
                    code(MODEL + "net = Net()\n!ls\nnet?", outputs=[PLOT]))
    junk = [None, 1, "x", [], {}, ["a", 1], True, "%%bash\n", "!ls\n", "def f(:", "\ufeff", "\x00", '"""\n',
            "\ud800"]
    inserts = ["%", "!", "?", "(", '"""', "\\", "\r", "\n", "é", "\t"]

    def mutate(value, rng):
        if isinstance(value, dict) and value:
            key = rng.choice(sorted(value))
            roll = rng.random()
            if roll < 0.3:
                value[key] = rng.choice(junk)
            elif roll < 0.4:
                del value[key]
            else:
                value[key] = mutate(value[key], rng)
        elif isinstance(value, list) and value:
            i = rng.randrange(len(value))
            roll = rng.random()
            if roll < 0.3:
                value[i] = rng.choice(junk)
            elif roll < 0.4:
                del value[i]
            elif roll < 0.5:
                value.insert(i, copy.deepcopy(value[i]))
            else:
                value[i] = mutate(value[i], rng)
        elif isinstance(value, str) and value:
            i = rng.randrange(len(value))
            value = value[:i] + rng.choice(inserts) + value[i:]
        return value

    rng = random.Random(8)
    rules = select_rules(["ALL"])
    kinds = set()
    for n in range(24):
        nb = copy.deepcopy(base)
        for _ in range(rng.randint(1, 4)):
            nb = mutate(nb, rng)
        text = json.dumps(nb, indent=rng.choice([None, 1, 2]))
        if rng.random() < 0.2:
            text = text[:rng.randrange(len(text))]
        path = str(tmp_path / f"{n}.ipynb")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        result = check_paths([path], rules, jobs=1)
        assert not result.errors, (n, result.errors)
        kinds.update(f.code for f in result.findings)
        for fmt in FORMATS:
            render(result.findings, fmt)
        fixer.run(result.findings, diff=False, unsafe=True, add_noqa=False)
        again = check_paths([path], rules, jobs=1)
        assert not again.errors
        fixer.run(again.findings, diff=True, unsafe=True, add_noqa=True)
    assert {"INI900", "INI101", "INI201"} <= kinds  # the mutants reached the rules as well as the reader


def test_fix_messages_name_the_cell(tmp_path):
    # a noqa comment cannot go on a line whose comment holds an invalid directive: the message gives the cell
    # and its line
    cell = 'def init(m):\n    nn.init.normal(m.weight)  # noqa: not-a-code\n'
    write(tmp_path / "nb.ipynb", notebook(code("import torch.nn as nn"), markdown("m"), code(cell)))
    _, _, err = run_cli(["nb.ipynb", "--add-noqa"], tmp_path)
    assert "nb.ipynb:cell 3:2: cannot add `# noqa`" in err, err
