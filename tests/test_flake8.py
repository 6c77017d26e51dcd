"""The flake8 plugin reports exactly what ``initlint check`` reports, costs nothing when it cannot matter,
keeps opt-in rules off by default, and leaves ``# noqa`` to flake8."""

from __future__ import annotations

import ast
import glob
import json
import os
import re
import subprocess
import sys
import textwrap
from types import SimpleNamespace

import pytest

from initlint.engine import check_source
from initlint.flake8_plugin import _INIT_NAMES, Plugin, may_have_findings, rule_table
from initlint.pages import code_blocks, page, sections
from initlint.rules import RULES, select_rules

from _helpers import ROOT

FLAKE8_FORMAT = "%(path)s\t%(row)d\t%(col)d\t%(code)s"
SEEDS = sorted(glob.glob(os.path.join(ROOT, "examples", "seed", "*.py")))
#: flake8 applies `# noqa` itself (with its own idea of the line a comment belongs to), so the plugin does not
#: judge noqa comments: INI901 (unused-noqa) is the CLI's alone
NOT_IN_FLAKE8 = {"INI901"}


def page_blocks() -> dict[str, str]:
    """file name -> source, for every rule page's Example and Use-instead block."""
    out = {}
    for code in sorted(RULES):
        text = page(code)
        if text is None:
            continue
        body = sections(text)
        for section, tag in (("example", "example"), ("use instead", "clean")):
            blocks = code_blocks(body.get(section, ""))
            if blocks:
                out[f"{code}_{tag}.py"] = blocks[0]
    return out


def flake8(args, cwd):
    proc = subprocess.run([sys.executable, "-m", "flake8", "--isolated", f"--format={FLAKE8_FORMAT}", *args],
                          cwd=cwd, capture_output=True, text=True, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr
    rows = set()
    for line in proc.stdout.splitlines():
        path, row, col, code = line.split("\t")
        rows.add((os.path.normpath(path), code, int(row), int(col)))
    return rows


def cli_json(args, cwd):
    """``initlint check --output-format json ARGS`` run in ``cwd`` (in-process: 40 runs in well under a second)."""
    import contextlib
    import io

    from initlint.cli import main

    out = io.StringIO()
    here = os.getcwd()
    try:
        os.chdir(cwd)
        with contextlib.redirect_stdout(out):
            code = main(["check", "--output-format", "json", *args])
    finally:
        os.chdir(here)
    assert code in (0, 1)
    return {(os.path.normpath(d["filename"]), d["code"], d["location"]["row"], d["location"]["column"])
            for d in json.loads(out.getvalue())}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Every rule page block, one directory each (each is its own one-file project), plus the seed examples."""
    root = tmp_path_factory.mktemp("corpus")
    files = []
    for name, text in page_blocks().items():
        folder = root / name[:-3]
        folder.mkdir()
        (folder / name).write_text(text)
        files.append(os.path.join(name[:-3], name))
    for seed in SEEDS:
        folder = root / ("seed_" + os.path.basename(seed)[:-3])
        folder.mkdir()
        target = folder / os.path.basename(seed)
        target.write_text(open(seed, encoding="utf-8").read())
        files.append(os.path.relpath(target, root))
    return root, sorted(files)


OPT_IN = sorted(code for code, rule in RULES.items() if not rule.default)


@pytest.mark.parametrize("flake8_select, cli_select", [
    ("INI,E999", []),  # the README's `flake8 --select INI`: the default rules, as `initlint check`
    (",".join(["INI", "E999", *OPT_IN]), ["--select", "ALL"]),  # every opt-in code named: every rule
], ids=["default", "all"])
def test_flake8_reports_exactly_the_cli_findings(corpus, flake8_select, cli_select):
    root, files = corpus
    assert len(files) >= 2 * 11 + len(SEEDS)
    ours = flake8(["--select", flake8_select, *files], root)
    cli = set()
    for name in files:  # the plugin checks each file alone: so does the CLI here
        cli |= cli_json([*cli_select, "--isolated", name], root)
    # flake8 never runs tree plugins on a file CPython cannot parse: INI900 is flake8's E999 there
    expected = {(p, c, r, col) for p, c, r, col in cli if c != "INI900" and c not in NOT_IN_FLAKE8}
    syntax = {p for p, c, r, col in cli if c == "INI900"}
    assert {(p, c, r, col) for p, c, r, col in ours if c != "E999"} == expected
    assert {p for p, c, r, col in ours if c == "E999"} == syntax  # (CPython and libcst may name other lines)
    examples = {p.split(os.sep)[-1][:6] for p, c, r, col in expected if "_example" in p}
    wanted = {code for code in RULES if code != "INI900" and code not in NOT_IN_FLAKE8 and page(code) is not None}
    if not cli_select:
        assert not {c for _, c, _, _ in ours if c in OPT_IN}
        wanted -= set(OPT_IN)
    assert examples >= wanted


def test_select_ini_runs_opt_in_rules_only_when_named(tmp_path):
    """`flake8 --select INI` is `initlint check`; an opt-in rule joins when named by its full code."""
    (tmp_path / "net.py").write_text(textwrap.dedent("""\
        import torch.nn as nn


        def init_weights(m):
            if isinstance(m, nn.Linear):
                nn.init.xavier_normal(m.weight)
                nn.init.zeros_(m.bias)


        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.fc = nn.Linear(2, 2)
                self.out = nn.Linear(2, 2)
                self.apply(init_weights)

            def forward(self, x):
                return self.fc(x)
    """))
    default = cli_json([], tmp_path)
    assert {c for _, c, _, _ in default} == {"INI101"}
    assert flake8(["--select", "INI"], tmp_path) == default
    # an explicit --ignore drops flake8's default-ignore list: the opt-in rules must stay off all the same
    assert flake8(["--select", "INI", "--ignore", "E501"], tmp_path) == default
    assert flake8(["--select", "INI1"], tmp_path) == default
    named = flake8(["--select", "INI,INI209"], tmp_path)
    assert named == cli_json(["--extend-select", "INI209"], tmp_path)
    assert {c for _, c, _, _ in named} == {"INI101", "INI209"}
    assert flake8(["--select", "INI", "--extend-select", "INI209,INI005"], tmp_path) == cli_json(
        ["--extend-select", "INI209,INI005"], tmp_path)
    assert {c for _, c, _, _ in flake8(["--select", "INI", "--extend-select", "INI005"], tmp_path)} == {
        "INI101", "INI005"}


def test_opt_in_rules_are_in_flake8s_default_ignore(corpus):
    root, _ = corpus
    off = sorted(code for code, rule in RULES.items() if not rule.default)
    assert "INI209" in off
    target = os.path.join("INI209_example", "INI209_example.py")
    by_default = flake8([target], root)
    assert not {c for _, c, _, _ in by_default if c.startswith("INI")}
    extended = flake8(["--extend-select", "INI209", target], root)
    assert {c for _, c, _, _ in extended if c.startswith("INI")} == {"INI209"}
    # a prefix selects the default rules only, as `initlint check --select INI2` does
    assert not {c for _, c, _, _ in flake8(["--select", "INI2", target], root)}
    assert not cli_json(["--select", "INI2", "--isolated", target], root)
    # a default-on rule is on by default, and --extend-ignore turns it off
    target = os.path.join("INI101_example", "INI101_example.py")
    assert {c for _, c, _, _ in flake8([target], root) if c.startswith("INI")} == {"INI101"}
    assert not {c for _, c, _, _ in flake8(["--extend-ignore", "INI1", target], root) if c.startswith("INI")}


def test_rule_table_matches_the_registry():
    assert rule_table() == {code: rule.default for code, rule in RULES.items()}


def test_noqa_is_left_to_flake8(tmp_path):
    source = textwrap.dedent("""\
        import torch.nn as nn


        def init(m):
            nn.init.xavier_normal(m.weight)  # noqa: INI101
            nn.init.constant(m.bias, 0)  # noqa: E501
            nn.init.normal(m.weight)  # NOQA
    """)
    (tmp_path / "m.py").write_text(source)
    # the plugin itself yields all three (flake8 filters; filtering here too would filter twice)
    Plugin.selected = None
    raw = [(line, col) for line, col, _, _ in Plugin(ast.parse(source), "m.py", source.splitlines(True)).run()]
    assert raw == [(5, 4), (6, 4), (7, 4)]
    rows = flake8(["--select", "INI"], tmp_path)
    assert rows == {("m.py", "INI101", 6, 5)}
    # and --disable-noqa shows that flake8, not the plugin, removed them
    assert len(flake8(["--select", "INI", "--disable-noqa"], tmp_path)) == 3


@pytest.mark.parametrize("name", sorted(page_blocks()))
def test_prefilter_is_safe(name):
    """A file the pre-filter skips has no findings: spell the filter's words otherwise and check."""
    text = page_blocks()[name]
    assert may_have_findings(text) or not check_source(text, "x.py", select_rules(["ALL"]))
    hidden = re.sub(r"\.(\s*)apply\b", r".\1app1y", text.replace("torch", "t0rch"))
    hidden = re.sub(r"\b(%s)(\s*\()" % "|".join(_INIT_NAMES), lambda m: m.group(1).replace("_", "Z") + m.group(2),
                    hidden)
    assert not may_have_findings(hidden)
    found = [f for f in check_source(hidden, "x.py", select_rules(["ALL"]))
             if f.code != "INI900" and f.code not in NOT_IN_FLAKE8]
    assert found == [], f"{name}: the pre-filter would skip a file with findings: {found}"


def test_prefilter_skips_calls_that_are_not_initializers():
    """A file with no torch name whose only ``x_(`` calls are not initializers (``is_(``, ``add_(``, a helper
    named ``reset_``) is skipped; each initializer spelling keeps it."""
    plain = "def f(a, b):\n    a.is_(b)\n    a.add_(b)\n    return reset_(a)\n"
    assert not may_have_findings(plain)
    for call in ("w.data.normal_(0, 1)", "w.zero_()", "trunc_normal_(w, std=.02)", "init.xavier_uniform_(w)",
                 "lecun_normal_ (w)", "w.fill_(0)"):
        assert may_have_findings(plain + f"    {call}\n"), call


def test_prefilter_keeps_a_file_naming_a_configured_init_function(tmp_path, monkeypatch):
    """``init-functions`` names the project's own initializers: a file calling one is checked even without a
    torch name; the same file without that setting is not."""
    import initlint.flake8_plugin as plugin_module

    text = "def setup(m):\n    my_init(m.weight)\n"
    (tmp_path / "a.py").write_text(text)
    seen = []
    monkeypatch.setattr(plugin_module, "check_text", lambda text, name, *a: seen.append(name) or [])
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(Plugin, "selected", None)
    monkeypatch.setattr(Plugin, "resolver", None)
    list(Plugin(None, str(tmp_path / "a.py"), text.splitlines(True)).run())
    assert seen == []
    (tmp_path / "initlint.toml").write_text('init-functions = ["pkg.my_init"]\n')
    monkeypatch.setattr(Plugin, "resolver", None)
    list(Plugin(None, str(tmp_path / "a.py"), text.splitlines(True)).run())
    assert seen == [str(tmp_path / "a.py")]


def _cheap_run(code: str) -> dict:
    script = "\n".join([
        "import ast, json, sys, time",
        "from types import SimpleNamespace",
        "from initlint.flake8_plugin import Plugin",
        code,
        'heavy = sorted(m for m in ("libcst", "initlint.summary", "initlint.rules", "initlint.engine")'
        " if m in sys.modules)",
        'json.dump({"heavy": heavy, "found": found, "per_call_us": per_call_us}, sys.stdout)',
    ])
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


PLAIN = "".join(textwrap.dedent(f"""\
    class Widget{i}(Base):
        def __init__(self, size, name="w{i}"):
            super().__init__()
            self.size = size
            self.name = name
            self.items = [x * 2 for x in range(size) if x % 3]

        def forward(self, value):
            return sum(self.items) + value.bias + self.weight


""") for i in range(300))  # 3,300 lines of classes, weights and __init__, no torch


def test_file_without_torch_costs_nothing(tmp_path):
    assert not may_have_findings(PLAIN)
    source = tmp_path / "plain.py"
    source.write_text(PLAIN)
    result = _cheap_run(f"""
text = open({str(source)!r}).read()
lines = text.splitlines(True)
tree = ast.parse(text)
opts = SimpleNamespace(select=None, extend_select=None, ignore=None, extend_ignore=None,
                       extended_default_select=["INI"], extended_default_ignore=[])
Plugin.parse_options(opts)
rounds = []
for _ in range(5):  # the best of five rounds: a loaded machine slows some rounds, not the code
    start = time.perf_counter()
    for _ in range(20):
        found = list(Plugin(tree, "plain.py", lines).run())
    rounds.append((time.perf_counter() - start) / 20 * 1e6)
per_call_us = min(rounds)
""")
    assert result["found"] == []
    assert result["heavy"] == [], "the skipped file must not import libcst or the rules"
    assert result["per_call_us"] < 5000, result  # measured: about 100 us for these 3,300 lines


def test_no_ini_code_selected_costs_nothing():
    buggy = os.path.join(ROOT, "examples", "seed", "loop_style.py")
    result = _cheap_run(f"""
text = open({buggy!r}).read()
opts = SimpleNamespace(select=["E", "F"], extend_select=None, ignore=None, extend_ignore=None,
                       extended_default_select=["INI"], extended_default_ignore=["INI209"])
Plugin.parse_options(opts)
start = time.perf_counter()
found = list(Plugin(ast.parse(text), "loop_style.py", text.splitlines(True)).run())
per_call_us = (time.perf_counter() - start) * 1e6
""")
    assert result["found"] == [] and result["heavy"] == [], result


def test_selection_reaches_the_plugin():
    opts = SimpleNamespace(select=None, extend_select=["INI209"], ignore=None, extend_ignore=["INI1"],
                           extended_default_select=["INI"], extended_default_ignore=["INI209"])
    try:
        Plugin.parse_options(opts)
        assert "INI209" in Plugin.selected and "INI201" in Plugin.selected
        assert not any(code.startswith("INI1") for code in Plugin.selected)
        # flake8 selects INI209 for `--select INI --ignore E501` (an explicit ignore drops the default
        # ignore list); initlint does not: an opt-in rule needs its full code
        Plugin.parse_options(SimpleNamespace(select=["INI"], extend_select=None, ignore=["E501"],
                                             extend_ignore=None, extended_default_select=["INI"],
                                             extended_default_ignore=["INI209"]))
        assert "INI201" in Plugin.selected and not {c for c, on in rule_table().items() if not on} & Plugin.selected
    finally:
        Plugin.selected = None
