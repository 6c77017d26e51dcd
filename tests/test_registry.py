"""The light rule table (``initlint.registry``) is the one the rule modules define, and a run whose report comes
from the cache imports none of the heavy parts (libcst, the summary, the rules)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from initlint.registry import CODES, select_codes
from initlint.rules import RULES, select_rules


def test_the_table_is_the_catalogue():
    assert {code: (rule.name, rule.default) for code, rule in RULES.items()} == CODES


def test_selection_by_codes_is_selection_by_rules():
    for select, ignore, extend in [(None, None, None), (["ALL"], None, None), (["INI1"], ["INI101"], None),
                                   (["INI2"], None, ["INI209", "INI9"]), (["INI005"], None, None),
                                   (["INI3", "INI1"], ["INI30"], ["INI311"])]:
        assert select_codes(select, ignore, extend) == [r.code for r in select_rules(select, ignore, extend)]


PROBE = textwrap.dedent("""
    import json, sys
    from initlint.cli import main
    try:
        code = main(sys.argv[1:])
    except SystemExit as exc:
        code = exc.code
    heavy = sorted(m for m in sys.modules if m == "libcst" or m.startswith(("libcst.", "initlint.summary",
                                                                           "initlint.rules", "initlint.index")))
    print(json.dumps([code, heavy]), file=sys.stderr)
""")


def test_a_recalled_report_imports_no_parser(tmp_path):
    (tmp_path / "model.py").write_text(textwrap.dedent("""
        import torch.nn as nn

        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.fc = nn.Linear(2, 2)

            def forward(self, x):
                return self.head(self.fc(x))
    """))
    env = {**os.environ, "INITLINT_CACHE_DIR": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", PROBE, "check", "model.py"], cwd=tmp_path, env=env,
                           capture_output=True, text=True) for _ in range(2)]
    assert runs[0].stdout == runs[1].stdout and "INI001" in runs[0].stdout
    (code1, first), (code2, second) = (json.loads(r.stderr.strip().splitlines()[-1]) for r in runs)
    assert code1 == code2 == 1
    assert "libcst" in first and "initlint.rules" in first  # the cold run parses and runs the rules
    assert second == []  # the warm run recalls the report
