"""Rewrite ``isinstance(X, cst.Name)`` as ``type(X) is cst.Name`` (and a tuple of classes as ``type(X) in (...)``)
for libcst node classes that have no subclass, in the files named; prints how many tests it rewrote.

libcst's node classes are ABCs: an isinstance test that fails costs a Python-level ``__instancecheck__``, and the
summary's walk makes millions of them. For a class nobody derives from, the exact-type test is the same test.
``tests/test_exact_types.py`` checks that every class the summary compares by identity has no subclass.

    python scripts/exact_types.py src/initlint/summary.py
"""

from __future__ import annotations

import re
import sys

import libcst as cst

EXPR = r"[A-Za-z_][\w.]*(?:\[[-\w.]+\])*(?:\.[A-Za-z_]\w*)*"
ONE = re.compile(r"isinstance\((%s), cst\.(\w+)\)" % EXPR)
MANY = re.compile(r"isinstance\((%s), \((cst\.\w+(?:, cst\.\w+)+)\)\)" % EXPR)


def leaf(name: str) -> bool:
    node = getattr(cst, name, None)
    return isinstance(node, type) and issubclass(node, cst.CSTNode) and not node.__subclasses__()


def rewrite(text: str) -> tuple[str, int]:
    count = [0]

    def one(m: re.Match) -> str:
        if not leaf(m.group(2)):
            return m.group(0)
        count[0] += 1
        return f"type({m.group(1)}) is cst.{m.group(2)}"

    def many(m: re.Match) -> str:
        if not all(leaf(x.strip()[len("cst."):]) for x in m.group(2).split(",")):
            return m.group(0)
        count[0] += 1
        return f"type({m.group(1)}) in ({m.group(2)})"

    text = MANY.sub(many, ONE.sub(one, text))
    # `not type(x) is y` reads badly: write `type(x) is not y` (the same test: `not` binds looser than `is`)
    text = re.sub(r"not type\((%s)\) is cst\." % EXPR, lambda m: f"type({m.group(1)}) is not cst.", text)
    text = re.sub(r"not type\((%s)\) in \(" % EXPR, lambda m: f"type({m.group(1)}) not in (", text)
    return text, count[0]


def main(paths: list[str]) -> int:
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            text, count = rewrite(handle.read())
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        print(path, count)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
