"""INI900 syntax-error: the file cannot be read as Python; the engine reports it, other files go on."""

from __future__ import annotations

from . import Rule


class SyntaxErrorRule(Rule):
    code = "INI900"
    related_elsewhere = False  # its findings never name a place in another file
    name = "syntax-error"
    summary = "The file cannot be decoded or parsed"

    def check(self, file, index):
        return ()
