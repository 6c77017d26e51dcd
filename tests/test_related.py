"""Related locations: the other places a finding involves (the layer built without a bias, the load before the
init), in every format, and findings reported when a related location lies in a checked file (``--context``)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import textwrap

import pytest

from initlint.cli import main
from initlint.engine import check_source
from initlint.pages import code_blocks, page, sections
from initlint.rules import select_rules

INIT_UTILS = textwrap.dedent("""\
    import torch.nn as nn


    def init_weights(m):
        if isinstance(m, nn.Conv2d):
            nn.init.kaiming_normal_(m.weight)
            nn.init.zeros_(m.bias)
""")

NEW_MODEL = textwrap.dedent("""\
    import torch.nn as nn

    from init_utils import init_weights


    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = nn.Conv2d(3, 8, 3, bias=False)
            self.apply(init_weights)

        def forward(self, x):
            return self.conv(x)
""")

OLD_MODEL = textwrap.dedent("""\
    import torch.nn as nn

    from init_utils import init_weights


    class Old(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = nn.Conv2d(3, 8, 3)
            self.apply(init_weights)

        def forward(self, x):
            return self.conv(x)
""")

MESSAGE = "`Conv2d(bias=False)` has no `bias`: the layer is built here"


def run(args, cwd):
    out = io.StringIO()
    here = os.getcwd()
    try:
        os.chdir(cwd)
        with contextlib.redirect_stdout(out):
            code = main(["check", *args])
    finally:
        os.chdir(here)
    return code, out.getvalue()


@pytest.fixture
def project(tmp_path):
    (tmp_path / "init_utils.py").write_text(INIT_UTILS)
    (tmp_path / "old_model.py").write_text(OLD_MODEL)
    (tmp_path / "model.py").write_text(NEW_MODEL)
    return tmp_path


def test_ini201_relates_to_the_layer_built_without_a_bias(project):
    code, out = run(["--output-format", "json", "."], project)
    assert code == 1
    [finding] = json.loads(out)
    assert (finding["code"], finding["filename"], finding["location"]) == (
        "INI201", "init_utils.py", {"row": 7, "column": 9})
    assert finding["related"] == [{"filename": "model.py", "location": {"row": 9, "column": 21},
                                   "end_location": {"row": 9, "column": 51}, "message": MESSAGE}]
    # json-lines carries the same list
    code, out = run(["--output-format", "json-lines", "."], project)
    assert json.loads(out)["related"] == finding["related"]


def test_full_output_prints_each_related_location_as_a_note(project):
    code, out = run(["--output-format", "full", "."], project)
    lines = out.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("init_utils.py:7:9: INI201 "))
    assert lines[head + 3] == f"model.py:9:21: note: {MESSAGE}"
    assert lines[head + 4] == "  help: Guard with `if m.bias is not None:`"


def test_context_reports_a_finding_whose_related_location_is_checked(project):
    """pre-commit passes the changed file: the crash the new `bias=False` layer causes is that file's."""
    code, out = run(["--context", ".", "--output-format", "json", "model.py"], project)
    assert code == 1, out
    [finding] = json.loads(out)
    assert finding["filename"] == "init_utils.py" and finding["related"][0]["filename"] == "model.py"
    # --fix writes only the files it was asked to check: the fix is not offered for the unchanged file
    assert finding["fix"] is None
    code, _ = run(["--context", ".", "--fix", "model.py"], project)
    assert code == 1 and (project / "init_utils.py").read_text() == INIT_UTILS
    # the primary file itself, checked with the project as context: reported with its fix
    code, out = run(["--context", ".", "--output-format", "json", "init_utils.py"], project)
    assert code == 1 and json.loads(out)[0]["fix"] is not None
    # a file the finding does not involve still passes
    code, out = run(["--context", ".", "old_model.py"], project)
    assert code == 0, out


def test_noqa_on_the_primary_line_still_suppresses(project):
    (project / "init_utils.py").write_text(INIT_UTILS.replace("zeros_(m.bias)", "zeros_(m.bias)  # noqa: INI201"))
    assert run(["--context", ".", "model.py"], project)[0] == 0
    # a file-level noqa in the related file silences that file's own findings, not this one
    (project / "init_utils.py").write_text(INIT_UTILS)
    (project / "model.py").write_text("# initlint: noqa\n" + NEW_MODEL)
    code, out = run(["--context", ".", "--output-format", "json", "model.py"], project)
    assert code == 1 and json.loads(out)[0]["related"][0]["location"]["row"] == 10


def test_one_note_per_file_however_many_layers(project):
    (project / "model.py").write_text(NEW_MODEL.replace(
        "        self.apply(init_weights)",
        "".join(f"        self.c{i} = nn.Conv2d(8, 8, 3, bias=False)\n" for i in range(20))
        + "        self.apply(init_weights)"))
    code, out = run(["--output-format", "json", "."], project)
    [finding] = json.loads(out)
    assert [r["location"]["row"] for r in finding["related"]] == [9]


def example(code):
    return code_blocks(sections(page(code))["example"])[0]


@pytest.mark.parametrize("code, starts", [
    ("INI301", ["model.load_state_dict("]),  # the load before the init
    ("INI302", ["self.fc1 = ", "self.fc2 = "]),  # the layers assigned after the init loop
    ("INI305", ["self.backbone = "]),  # the pretrained submodule
    ("INI202", ["nn.ConvTranspose2d("]),  # the layer the dispatch misses
    ("INI205", ["nn.Embedding("]),  # the Embedding built with a padding_idx
    ("INI207", ["nn.init.constant_(m.weight, 1)"]),  # the first init of the tensor
    ("INI303", ["def weights_init(m):"]),  # the function apply calls
    ("INI306", ["weight_norm("]),  # the reparametrization
    ("INI308", ["nn.init.zeros_(self.bn.weight)"]),  # the child's deliberate init
])
def test_two_place_rules_relate_to_the_other_place(code, starts):
    text = example(code)
    [finding] = check_source(text, "x.py", select_rules([code]))
    source = text.splitlines()
    assert len(finding.related) == len(starts)
    for related, start in zip(finding.related, starts):
        assert related.path == "x.py" and related.message
        assert source[related.line - 1][related.column - 1:].startswith(start), (related, start)


def test_ini202_relates_to_the_layers_the_dispatch_misses(tmp_path):
    (tmp_path / "init_utils.py").write_text(INIT_UTILS)
    (tmp_path / "model.py").write_text(NEW_MODEL.replace("nn.Conv2d(3, 8, 3, bias=False)", "nn.Linear(3, 8)"))
    code, out = run(["--context", ".", "--output-format", "json", "model.py"], tmp_path)
    assert code == 1
    [finding] = json.loads(out)
    assert finding["code"] == "INI202" and finding["filename"] == "init_utils.py"
    assert [(r["filename"], r["location"]["row"]) for r in finding["related"]] == [("model.py", 9)]


def test_a_changed_init_function_reports_the_unchanged_apply_that_calls_it(tmp_path):
    """INI303 is reported at `apply(f())`; checking the file that defines `f` (it now takes the module) names it."""
    (tmp_path / "init_utils.py").write_text(INIT_UTILS)
    (tmp_path / "model.py").write_text(NEW_MODEL.replace("bias=False", "bias=True").replace(
        "from init_utils import init_weights", "import init_utils").replace(
        "self.apply(init_weights)", "self.apply(init_utils.init_weights())"))
    code, out = run(["--context", ".", "--output-format", "json", "init_utils.py"], tmp_path)
    assert code == 1, out
    [finding] = json.loads(out)
    assert (finding["code"], finding["filename"], finding["location"]["row"]) == ("INI303", "model.py", 10)
    assert finding["related"][0]["filename"] == "init_utils.py" and finding["related"][0]["location"]["row"] == 4
