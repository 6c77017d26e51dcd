"""Reading a file into text and a libcst module, with every failure turned into data."""

from __future__ import annotations

import ast
import io
import os
import re
import tokenize
from dataclasses import dataclass

import libcst as cst


@dataclass
class Problem:
    """A file that could not be read or parsed: reported as INI900 (parse) or skipped (read)."""

    kind: str  # "read" (skipped with a reason) or "parse" (INI900)
    message: str
    line: int = 1
    column: int = 1


@dataclass
class Source:
    path: str
    text: str
    encoding: str
    newline: str


def read_source(path: str) -> Source | Problem:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except IsADirectoryError:
        return Problem("read", "is a directory")
    except PermissionError:
        return Problem("read", "permission denied")
    except OSError as exc:  # symlink loops, vanished files, devices
        return Problem("read", exc.strerror or str(exc))
    return decode_source(path, data)


def decode_source(path: str, data: bytes) -> Source | Problem:
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return Problem("parse", "source contains a NUL byte", line, 1)
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        text = data.decode(encoding)
    except SyntaxError as exc:  # detect_encoding: undecodable bytes and no valid coding cookie
        return Problem("parse", f"cannot decode as utf-8 ({exc.msg}); add a PEP 263 coding cookie or save the"
                                " file as UTF-8", exc.lineno or 1)
    except LookupError as exc:
        return Problem("parse", f"cannot decode: {exc}")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return Problem(
            "parse",
            f"cannot decode as {exc.encoding}: byte {data[exc.start]:#04x} at offset {exc.start};"
            " add a PEP 263 coding cookie or save the file as UTF-8",
            line,
        )
    newline = "\r\n" if "\r\n" in text[:10000] else "\n"
    return Source(path, text, encoding, newline)


_BRACKETS = re.compile(r"[()\[\]{}]")
_DEPTH_LIMIT = 150  # CPython refuses more than 200 nested brackets; libcst's native parser overflows its stack


def _bracket_depth(text: str) -> int:
    depth = best = 0
    for match in _BRACKETS.finditer(text):
        if match.group() in "([{":
            depth += 1
            best = max(best, depth)
        else:
            depth -= 1
    return best


def _tree_depth(tree: ast.AST) -> int:
    """Nesting depth of CPython's tree, without recursion."""
    best = 0
    stack = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        best = max(best, depth)
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return best


def _no_validation(self) -> None:
    pass


def _parse_unvalidated(text: str) -> cst.Module:
    """``cst.parse_module`` without re-validating every node the parser builds.

    Each libcst node checks its own fields on construction (``CSTNode.__post_init__`` -> ``_validate``): about a
    third of the parse time, and redundant for nodes built by the parser from valid source (libcst's own
    comment on ``__post_init__`` says as much). Validation is switched off only for the duration of the parse,
    so trees built by hand (the fixer's) are still validated.
    """
    node = cst.CSTNode
    saved = node.__dict__["__post_init__"]
    node.__post_init__ = _no_validation
    try:
        return cst.parse_module(text)
    finally:
        node.__post_init__ = saved


def parse(source: Source) -> cst.Module | Problem:
    """Parse with libcst's native parser; syntax errors come back as a Problem.

    Deeply nested code is first vetted by CPython's own parser, which fails cleanly where libcst's
    native parser would overflow its stack and take the whole process down.
    """
    if _bracket_depth(source.text) > _DEPTH_LIMIT:  # brackets in strings and comments count here: look closer
        try:
            tree = ast.parse(source.text)
        except SyntaxError as exc:
            return Problem("parse", f"syntax error: {exc.msg}", exc.lineno or 1, exc.offset or 1)
        except (RecursionError, MemoryError, ValueError):
            return Problem("parse", "syntax error: expression nested too deeply to parse")
        if _tree_depth(tree) > _DEPTH_LIMIT:
            return Problem("parse", "expression nested too deeply to analyse safely (over 150 levels)")
    try:
        module = _parse_unvalidated(source.text)
        if source.text.endswith("\r") and not module.has_trailing_newline:
            # libcst reads a final lone "\r" as no trailing newline and drops it when it writes the code back;
            # the fixer rewrites files from ``module.code``, which must reproduce the file exactly
            module = module.with_changes(has_trailing_newline=True)
        return module
    except cst.ParserSyntaxError as exc:
        line, column, message = exc.editor_line, exc.editor_column, exc.message
        try:  # CPython's position and words are the ones users know (libcst often points at the next line)
            ast.parse(source.text)
        except SyntaxError as py_exc:
            line, column = py_exc.lineno or line, py_exc.offset or column
            message = py_exc.msg or message
        except (RecursionError, MemoryError, ValueError):
            pass
        return Problem("parse", f"syntax error: {message}", line, column)
    except RecursionError:
        return Problem("parse", "syntax error: expression nested too deeply to parse")
    except Exception as exc:  # noqa: BLE001 - the parser's other failures are still bad input
        return Problem("parse", f"cannot parse: {type(exc).__name__}: {exc}")


def module_name_for(path: str) -> str:
    """Dotted module name from the package layout (walks up while ``__init__.py`` exists)."""
    path = os.path.abspath(path)
    directory, filename = os.path.split(path)
    stem = os.path.splitext(filename)[0]
    parts = [] if stem == "__init__" else [stem]
    while os.path.exists(os.path.join(directory, "__init__.py")):
        directory, pkg = os.path.split(directory)
        parts.insert(0, pkg)
        if not pkg:
            break
    return ".".join(parts) or stem
