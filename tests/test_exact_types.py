"""The summary tests libcst nodes by exact type (``type(n) is cst.Name``) where isinstance would cost a
Python-level ABC check per test. That is only the same test for node classes nobody derives from: check it
for every class the summary compares that way, with the installed libcst."""

from __future__ import annotations

import re
from pathlib import Path

import libcst as cst

import initlint.summary as summary

#: ``X is cst.Name``, ``X is not cst.Name``, ``X in (cst.List, cst.Tuple)``: identity with a node class
EXACT = re.compile(r"\b(?:is|is not|in|not in) \(?((?:cst\.\w+(?:, )?)+)")


def test_every_class_compared_by_exact_type_has_no_subclass():
    text = Path(summary.__file__).read_text(encoding="utf-8")
    names = {name[4:] for group in EXACT.findall(text) for name in group.split(", ") if name}
    assert {"Name", "Attribute", "Call"} <= names  # the pattern reads the file
    derived = {name: [c.__name__ for c in getattr(cst, name).__subclasses__()] for name in sorted(names)
               if getattr(cst, name).__subclasses__()}
    assert derived == {}


def test_the_walk_sets_hold_every_node_class():
    assert cst.Name in summary._NODE_TYPES and cst.Name in summary._WALKED_TYPES
    assert cst.Comma in summary._NODE_TYPES and cst.Comma not in summary._WALKED_TYPES
    assert cst.Expr in summary._SMALL_TYPES and cst.If not in summary._SMALL_TYPES
    assert all(issubclass(t, cst.CSTNode) for t in summary._NODE_TYPES)


def test_child_fields_are_derived_once_per_node_type():
    """The walk asks for a node type's child fields at every node: derived from the type once, not each time."""
    import libcst as cst

    from initlint.summary import _child_fields

    assert _child_fields(cst.Call) is _child_fields(cst.Call)
    assert "func" in _child_fields(cst.Call) and "lpar" not in _child_fields(cst.Call)
