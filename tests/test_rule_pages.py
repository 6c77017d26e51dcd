"""Every rule has a page in ruff's shape, and every page's examples are executed.

The ``Example`` block must yield exactly that rule (with every rule selected), the ``Use instead`` block nothing.
"""

from __future__ import annotations

import pytest

from initlint.cli import main
from initlint.engine import check_source
from initlint.pages import code_blocks, page, sections
from initlint.rules import RULES, select_rules

CODES = sorted(RULES)
SECTIONS = ["what it does", "why is this bad?", "example", "use instead", "fix safety", "references"]


def _page(code: str) -> str:
    text = page(code)
    assert text is not None, f"no page for {code}: add rules/{code}.md"
    return text


def _block(code: str, section: str) -> str:
    blocks = code_blocks(sections(_page(code))[section])
    assert len(blocks) == 1, f"{code}: `## {section}` must hold exactly one ```python block, found {len(blocks)}"
    return blocks[0]


def _codes(source: str) -> list[tuple[str, int, str]]:
    findings = check_source(source, "example.py", rules=select_rules(["ALL"]))
    return [(f.code, f.line, f.message) for f in findings]


def test_every_rule_has_a_page():
    missing = [code for code in CODES if page(code) is None]
    assert not missing, f"rules without a page: {missing}"


@pytest.mark.parametrize("code", CODES)
def test_page_shape(code):
    text = _page(code)
    first = text.lstrip().splitlines()[0]
    assert first == f"# {code} {RULES[code].name}", f"{code}: title line is {first!r}"
    heads = list(sections(text))
    assert heads == SECTIONS, f"{code}: sections {heads}, expected {SECTIONS} in that order"
    body = sections(text)
    for name in SECTIONS:
        assert body[name].strip(), f"{code}: `## {name}` is empty"
    assert "://" not in body["references"], f"{code}: references cite owner/repo#N, not URLs"
    if not RULES[code].default:
        assert "off by default" in body["what it does"].lower(), f"{code}: say the rule is off by default"
        assert f"--extend-select {code}" in body["what it does"], f"{code}: say how to enable it"
    fix = body["fix safety"].lower()
    if RULES[code].fixable:
        assert "safe" in fix and "no fix" not in fix.split(".")[0], f"{code}: fixable rule must describe its fix"
    else:
        assert "no fix" in fix, f"{code}: a rule without a fix says 'no fix'"


@pytest.mark.parametrize("code", CODES)
def test_example_yields_exactly_this_rule(code):
    found = _codes(_block(code, "example"))
    assert {c for c, _, _ in found} == {code}, f"{code} example: expected only {code}, got {found}"


@pytest.mark.parametrize("code", CODES)
def test_use_instead_is_clean(code):
    found = _codes(_block(code, "use instead"))
    assert found == [], f"{code} use-instead: expected no findings, got {found}"


@pytest.mark.parametrize("code", CODES)
def test_rule_command_prints_the_page(code, capsys):
    assert main(["rule", code]) == 0
    out = capsys.readouterr().out
    assert out.strip() == _page(code).strip()
    assert main(["rule", code.lower()]) == 0
    assert capsys.readouterr().out.strip() == _page(code).strip()


def test_rule_all_lists_every_code_with_its_name(capsys):
    assert main(["rule", "--all"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(CODES)
    for code, line in zip(CODES, lines):
        fields = line.split()
        assert fields[0] == code and fields[1] == RULES[code].name, line
        assert RULES[code].summary in line
