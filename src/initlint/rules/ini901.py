"""INI901 unused-noqa: a ``# noqa: INIxxx`` code that suppresses nothing (ruff's RUF100).

The engine reports it after every other rule has run (``noqa.unused``): it is a judgement on the other rules'
findings, not a query over the summary.
"""

from __future__ import annotations

from . import Rule


class UnusedNoqa(Rule):
    code = "INI901"
    name = "unused-noqa"
    summary = "A `# noqa` code of an initlint rule that suppresses nothing"
    default = False
    fixable = True

    def check(self, file, index):
        return ()
