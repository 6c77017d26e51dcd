"""Jupyter notebooks (``.ipynb``, nbformat 4), checked as ruff checks them.

A notebook's code cells are joined into one virtual Python module, so that a class defined in cell 2 is known in
cell 5. Every virtual line maps back to ``(cell, line in the cell)``; cells are numbered from 1 over *all* cells,
markdown and raw ones included (ruff's numbering). Markdown and raw cells contribute no lines, nor do cells that
are not Python (a ``%%bash`` cell magic, an automagic first line, a VS Code cell in another language).

IPython syntax is masked line for line, so that it neither fails to parse nor moves a line: ``%magic``,
``!shell``, ``?obj`` / ``obj?`` / ``obj??`` become ``pass`` at the same indentation, ``x = !cmd`` / ``x = %sx ls``
become ``x = ...``, and the lines a trailing backslash continues a magic onto become blank. Only lines that start
a statement are masked (a ``%`` that continues an expression in brackets is Python's modulo).

``--fix`` and ``--add-noqa`` edit the virtual module; the edited lines go back into their cells, the masked lines
get their magics back, and only the changed cells' ``source`` values are rewritten inside the notebook's JSON
text: indentation, key order, metadata, outputs and the trailing newline stay byte for byte.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import re
from dataclasses import dataclass, field

from .source import Problem, Source

SUFFIX = ".ipynb"

# ruff's lists (crates/ruff_notebook/src/cell.rs): cell magics whose body is Python, and automagics that make a
# whole cell IPython when they start it
PYTHON_CELL_MAGICS = frozenset({"capture", "debug", "ipytest", "prun", "pypy", "python", "python3", "time",
                                "timeit"})
AUTOMAGICS = frozenset("""
alias alias_magic autoawait autocall automagic bookmark cd code_wrap colors conda config debug dhist dirs
doctest_mode edit env gui history killbgscripts load load_ext loadpy logoff logon logstart logstate logstop lsmagic
macro magic mamba matplotlib micromamba notebook page pastebin pdb pdef pdoc pfile pinfo pinfo2 pip popd pprint
precision prun psearch psource pushd pwd pycat pylab quickref recall rehashx reload_ext rerun reset reset_selective
run save sc set_env sx system tb time timeit unalias unload_ext who who_ls whos xdel xmode""".split())
_ASSIGN_OPS = frozenset({"=", "+=", "-=", "*=", "/=", "//=", "%=", "**=", "&=", "|=", "^="})

_HELP = re.compile(r"[A-Za-z_*][\w.*]*\s*\?\??\s*$")  # obj?  np.zeros??  np.*load*?
_ASSIGN_MAGIC = re.compile(r"\s*[A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)*\s*=\s*(?=[%!])")  # x = !ls
_BREAK = re.compile(r"\r\n|\r|\n")  # Python's line breaks


class NotebookError(Exception):
    """A notebook that cannot be read, or an edit that cannot be put back into it."""


@dataclass
class Cell:
    """A checked code cell: where it sits in the notebook and in the virtual module."""

    index: int  # 0-based position among all cells
    lines: list[str]  # its lines as written (magics included), without line breaks
    masked: set[int]  # 0-based lines of the cell replaced by a placeholder
    trailing_newline: bool  # the source ends with a line break
    newline: str
    as_list: bool  # `source` is a list of strings (nbformat's usual form), not one string

    @property
    def number(self) -> int:
        return self.index + 1


@dataclass
class Notebook:
    path: str
    raw_text: str  # the JSON text (BOM removed)
    bom: bool
    data: dict
    cells: list[Cell] = field(default_factory=list)
    text: str = ""  # the virtual module
    rows: list[tuple[Cell, int]] = field(default_factory=list)  # virtual line - 1 -> (cell, 0-based line in it)

    def locate(self, line: int) -> tuple[int, int]:
        """(cell number, line in the cell), both 1-based, for a 1-based line of the virtual module."""
        rows = self.rows
        if not rows:
            return 1, max(line, 1)
        index = max(line, 1) - 1
        if index < len(rows):
            cell, n = rows[index]
            return cell.number, n + 1
        cell, n = rows[-1]  # past the end (a syntax error at end of input): the last cell
        return cell.number, n + 1 + index - (len(rows) - 1)

    def cell_line(self, number: int, line: int) -> str | None:
        """The text of a line of a cell, as written (magics included)."""
        for cell in self.cells:
            if cell.number == number and 1 <= line <= len(cell.lines):
                return cell.lines[line - 1]
        return None

    def in_cells(self, message: str, path: str) -> str:
        """``path:LINE:...`` (a line of the virtual module) as ``path:cell N:LINE:...``."""
        match = re.match(re.escape(path) + r":(\d+):", message)
        if match is None:
            return message
        cell, line = self.locate(int(match.group(1)))
        return f"{path}:cell {cell}:{line}:{message[match.end():]}"

    # ---- writing edits back ----------------------------------------------------------------------------
    def write_back(self, new_text: str, name: str) -> tuple[bytes, str]:
        """The notebook file with ``new_text`` (the edited virtual module) put back into its cells, and a
        unified diff per changed cell. Raises NotebookError when the edit cannot be mapped to the cells."""
        new_lines = _split_module(new_text)
        old_lines = _split_module(self.text)
        owner = [cell for cell, _ in self.rows]
        original = [cell.lines[n] for cell, n in self.rows]
        masked = [n in cell.masked for cell, n in self.rows]
        out: dict[int, list[str]] = {cell.index: [] for cell in self.cells}
        matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for k in range(i2 - i1):
                    out[owner[i1 + k].index].append(original[i1 + k])
                continue
            if any(masked[i1:i2]):
                raise NotebookError("an edit would change a line holding an IPython magic")
            owners = {owner[i].index for i in range(i1, i2)}
            if len(owners) > 1 and i2 - i1 == j2 - j1:  # edits on adjacent lines of two cells: line for line
                for k in range(i2 - i1):
                    out[owner[i1 + k].index].append(new_lines[j1 + k])
                continue
            if len(owners) > 1:
                raise NotebookError("an edit spans more than one cell")
            inserted = new_lines[j1:j2]
            if owners:
                out[owners.pop()].extend(inserted)
            elif not owner:
                raise NotebookError("the notebook has no code cell to put the edit in")
            elif i1 >= len(owner):
                out[owner[-1].index].extend(inserted)
            else:
                # lines inserted at a cell boundary: indented ones continue the cell above, the rest start the
                # cell below
                above = 0
                if i1 > 0 and owner[i1 - 1] is not owner[i1]:
                    while above < len(inserted) and inserted[above][:1] in (" ", "\t"):
                        above += 1
                    out[owner[i1 - 1].index].extend(inserted[:above])
                out[owner[i1].index].extend(inserted[above:])

        changed = [cell for cell in self.cells if out[cell.index] != cell.lines]
        if not changed:
            return self._encode(self.raw_text), ""
        spans = _source_spans(self.raw_text)
        style = _Style(self.raw_text)
        pieces = []
        diff = ""
        for cell in changed:
            if cell.index not in spans:
                raise NotebookError(f"cannot find the source of cell {cell.number} in the notebook's JSON")
            lines = out[cell.index]
            value = _source_value(lines, cell)
            start, end = spans[cell.index]
            pieces.append((start, end, style.dump(value, self.raw_text, start, end)))
            diff += _cell_diff(name, cell, lines)
        text = self.raw_text
        for start, end, replacement in sorted(pieces, reverse=True):
            text = text[:start] + replacement + text[end:]
        check = from_text(self.path, text)
        if isinstance(check, Problem) or check.text != new_text:  # the cells must give the edited module back
            raise NotebookError("the edited code could not be mapped back onto the notebook's cells")
        return self._encode(text), diff

    def _encode(self, text: str) -> bytes:
        try:
            return ("\ufeff" if self.bom else "").encode("utf-8") + text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise NotebookError(f"cannot encode the notebook as UTF-8 ({exc.reason})") from None


@dataclass
class NotebookSource(Source):
    """A notebook read as Python: ``text`` is the virtual module of its code cells."""

    notebook: Notebook


# ---- reading --------------------------------------------------------------------------------------------
def from_bytes(path: str, data: bytes) -> NotebookSource | Problem:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Problem("parse", f"invalid notebook: not UTF-8 (byte {data[exc.start]:#04x} at offset {exc.start})")
    return from_text(path, text)


_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")  # a NUL, a lone surrogate (JSON escapes can hold both)


def from_text(path: str, text: str, lenient: bool = False) -> NotebookSource | Problem:
    """The notebook's virtual module, or a Problem; ``lenient`` reads cells that hold a NUL or a lone surrogate
    too (to map a Problem's line to its cell)."""
    bom = text.startswith("\ufeff")
    if bom:
        text = text[1:]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return Problem("parse", f"invalid notebook: not valid JSON ({exc.msg} at line {exc.lineno} column"
                                f" {exc.colno})", exc.lineno, exc.colno)
    except (RecursionError, ValueError) as exc:
        return Problem("parse", f"invalid notebook: cannot read its JSON ({type(exc).__name__})")
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        old = isinstance(data, dict) and "worksheets" in data
        why = " (an nbformat 3 notebook; save it as nbformat 4)" if old else "; initlint reads nbformat 4 notebooks"
        return Problem("parse", "invalid notebook: no `cells` list" + why)
    language = _language(data)
    if language is not None and language != "python":
        return Problem("read", f"not a Python notebook (language: {language})")
    notebook = Notebook(path, text, bom, data)
    module: list[str] = []
    for index, raw in enumerate(data["cells"]):
        if not isinstance(raw, dict):
            return Problem("parse", f"invalid notebook: cell {index + 1} is not an object")
        if raw.get("cell_type") != "code":
            continue
        source = raw.get("source", "")
        if isinstance(source, list) and all(isinstance(s, str) for s in source):
            as_list, joined = True, "".join(source)
        elif isinstance(source, str):
            as_list, joined = False, source
        else:
            return Problem("parse", f"invalid notebook: the source of cell {index + 1} is neither a string nor a"
                                    " list of strings")
        if not _is_python_cell(raw, joined):
            continue
        lines = _BREAK.split(joined)
        trailing = len(lines) > 1 and lines[-1] == ""
        if trailing or lines == [""]:
            lines.pop()
        virtual, masked = _mask(lines)
        newline = "\r\n" if "\r\n" in joined else "\n"
        cell = Cell(index, lines, masked, trailing, newline, as_list)
        notebook.cells.append(cell)
        notebook.rows.extend((cell, n) for n in range(len(lines)))
        module.extend(virtual)
    notebook.text = "".join(line + "\n" for line in module)
    bad = None if lenient else _NOT_TEXT.search(notebook.text)
    if bad is not None:  # at its line of the virtual module: the report maps it to the cell
        line = notebook.text.count("\n", 0, bad.start()) + 1
        column = bad.start() - notebook.text.rfind("\n", 0, bad.start())
        what = "a NUL byte" if bad.group() == "\x00" else f"a lone surrogate (U+{ord(bad.group()):04X}), not text"
        return Problem("parse", f"source contains {what}", line, column)
    return NotebookSource(path, notebook.text, "utf-8", "\n", notebook)


def load(path: str) -> Notebook | None:
    """The notebook at ``path`` (cells with a NUL included), or None when it cannot be read as one."""
    try:
        with open(path, "rb") as handle:
            text = handle.read().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    source = from_text(path, text, lenient=True)
    return source.notebook if isinstance(source, NotebookSource) else None


def _language(data: dict) -> str | None:
    metadata = data.get("metadata")
    if not isinstance(metadata, dict):
        return None
    for key in ("language_info", "kernelspec"):
        info = metadata.get(key)
        if isinstance(info, dict):
            name = info.get("name" if key == "language_info" else "language")
            if isinstance(name, str) and name:
                name = name.lower()
                return "python" if name.startswith(("python", "ipython")) else name
    return None


def _is_python_cell(raw: dict, source: str) -> bool:
    metadata = raw.get("metadata")
    vscode = metadata.get("vscode") if isinstance(metadata, dict) else None
    if isinstance(vscode, dict) and vscode.get("languageId", "python") != "python":
        return False
    lines = _BREAK.split(source)
    tokens = lines[0].split() if lines else []
    if tokens and tokens[0] in AUTOMAGICS and (len(tokens) < 2 or tokens[1] not in _ASSIGN_OPS):
        return False  # `pip install x` (automagic): the whole cell is IPython
    for line in lines:
        first = line.split()[:1]
        if first and first[0].startswith("%%") and len(first[0]) > 2:
            if first[0][2:] not in PYTHON_CELL_MAGICS:
                return False  # %%bash, %%writefile, ...: not Python
    return True


# ---- masking IPython syntax -----------------------------------------------------------------------------
def _magic(line: str) -> str | None:
    """The placeholder for a line that starts a statement with IPython syntax, else None."""
    stripped = line.lstrip()
    if not stripped or stripped.startswith("#"):
        return None
    indent = line[: len(line) - len(stripped)]
    if stripped[0] in "%!?" or _HELP.match(stripped):
        return indent + "pass"
    match = _ASSIGN_MAGIC.match(line)
    if match:
        return line[: match.end()] + "..."
    return None


def _mask(lines: list[str]) -> tuple[list[str], set[int]]:
    """The cell's lines with IPython syntax masked (same number of lines), and the masked line numbers."""
    out: list[str] = []
    masked: set[int] = set()
    depth = 0
    quote: str | None = None  # the open string's quote
    continued = False  # the previous line ended with a backslash
    magic_continues = False
    for number, line in enumerate(lines):
        if magic_continues:  # a magic continued by a trailing backslash
            out.append("")
            masked.add(number)
            magic_continues = line.endswith("\\")
            continue
        if depth == 0 and quote is None and not continued:
            placeholder = _magic(line)
            if placeholder is not None:
                out.append(placeholder)
                masked.add(number)
                magic_continues = line.endswith("\\")
                continue
        out.append(line)
        depth, quote, continued = _scan(line, depth, quote)
    return out, masked


def _scan(line: str, depth: int, quote: str | None) -> tuple[int, str | None, bool]:
    """Bracket depth, open string and backslash continuation after one physical line."""
    i, n = 0, len(line)
    comment = False
    while i < n:
        char = line[i]
        if quote is not None:
            if char == "\\":
                i += 2
                continue
            if line.startswith(quote, i):
                i += len(quote)
                quote = None
                continue
            i += 1
            continue
        if char == "#":
            comment = True
            break
        if char in "\"'":
            quote = char * 3 if line.startswith(char * 3, i) else char
            i += len(quote)
            continue
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth = max(depth - 1, 0)
        i += 1
    backslash = not comment and line.endswith("\\")
    if quote is not None and len(quote) == 1 and not backslash:
        quote = None  # an unterminated one-line string: a syntax error the parser reports
    return depth, quote, backslash and quote is None


# ---- the JSON text --------------------------------------------------------------------------------------
_WS = re.compile(r"[ \t\n\r]*")


def _source_spans(text: str) -> dict[int, tuple[int, int]]:
    """Offsets ``(start, end)`` of each cell's ``source`` value in the notebook's JSON text."""
    decoder = json.JSONDecoder()
    spans: dict[int, tuple[int, int]] = {}

    def ws(pos: int) -> int:
        return _WS.match(text, pos).end()

    def value_end(pos: int) -> int:
        return decoder.raw_decode(text, pos)[1]

    def expect(pos: int, char: str) -> int:
        if text[pos:pos + 1] != char:
            raise NotebookError(f"unexpected JSON at offset {pos}")
        return pos + 1

    def members(pos: int, on_member) -> int:
        pos = ws(expect(pos, "{"))
        if text[pos:pos + 1] == "}":
            return pos + 1
        while True:
            key, pos = json.decoder.scanstring(text, expect(pos, '"'))
            pos = ws(expect(ws(pos), ":"))
            pos = ws(on_member(key, pos))
            if text[pos:pos + 1] == ",":
                pos = ws(pos + 1)
                continue
            return expect(pos, "}")

    def cell_member(index: int):
        def on_member(key: str, pos: int) -> int:
            end = value_end(pos)
            if key == "source":
                spans[index] = (pos, end)
            return end
        return on_member

    def top_member(key: str, pos: int) -> int:
        if key != "cells" or text[pos:pos + 1] != "[":
            return value_end(pos)
        spans.clear()
        pos = ws(pos + 1)
        if text[pos:pos + 1] == "]":
            return pos + 1
        index = 0
        while True:
            pos = members(pos, cell_member(index)) if text[pos:pos + 1] == "{" else value_end(pos)
            index += 1
            pos = ws(pos)
            if text[pos:pos + 1] == ",":
                pos = ws(pos + 1)
                continue
            return expect(pos, "]")

    try:
        members(ws(0), top_member)
    except (ValueError, IndexError, RecursionError) as exc:
        raise NotebookError(f"cannot locate the cells in the notebook's JSON ({exc})") from None
    return spans


class _Style:
    """How the notebook's JSON was written: escapes of non-ASCII text, line break, indentation unit."""

    def __init__(self, text: str):
        self.ascii = not any(ord(c) > 127 for c in text) and re.search(r"\\u(?!00[01])[0-9a-fA-F]{4}", text)
        self.eol = "\r\n" if "\r\n" in text else "\n"
        indents = re.findall(r"\n([ \t]+)\S", text)
        self.unit = min(indents, key=len) if indents else " "
        self.multiline = "\n" in text.strip()

    def _string(self, value: str) -> str:
        return json.dumps(value, ensure_ascii=bool(self.ascii))

    def dump(self, value, text: str, start: int, end: int) -> str:
        old = text[start:end]
        if isinstance(value, str):
            return self._string(value)
        if not value:
            return "[]"
        line_start = text.rfind("\n", 0, start) + 1
        base = re.match(r"[ \t]*", text[line_start:start]).group()
        if "\n" in old:
            item = re.match(r"\[[ \t]*\r?\n([ \t]*)", old)
            close = re.search(r"\n([ \t]*)\]$", old)
            item_indent = item.group(1) if item else base + self.unit
            close_indent = close.group(1) if close else base
        elif old.replace(" ", "") == "[]" and self.multiline:
            item_indent, close_indent = base + self.unit, base
        else:
            return "[" + ", ".join(self._string(v) for v in value) + "]"
        body = ("," + self.eol).join(item_indent + self._string(v) for v in value)
        return "[" + self.eol + body + self.eol + close_indent + "]"


def _split_module(text: str) -> list[str]:
    lines = _BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _source_value(lines: list[str], cell: Cell):
    nl = cell.newline
    if not lines:
        return [] if cell.as_list else ""
    ends = [line + nl for line in lines[:-1]] + [lines[-1] + (nl if cell.trailing_newline else "")]
    return ends if cell.as_list else "".join(ends)


def _cell_diff(name: str, cell: Cell, lines: list[str]) -> str:
    chunk = "".join(difflib.unified_diff([line + "\n" for line in cell.lines], [line + "\n" for line in lines],
                                         fromfile=f"a/{name}:cell {cell.number}",
                                         tofile=f"b/{name}:cell {cell.number}"))
    return chunk


# ---- reporting ------------------------------------------------------------------------------------------
def for_display(findings: list) -> list:
    """Findings with ``cell`` set and lines counted in their cell, for the notebooks among them."""
    books: dict[str, Notebook | None] = {}
    out = []
    for f in findings:
        if not f.path.endswith(SUFFIX) or getattr(f, "cell", None) is not None:
            out.append(f)
            continue
        if f.path not in books:
            books[f.path] = load(f.path)
        book = books[f.path]
        if book is None or not book.cells:  # not readable as a notebook (INI900 at its JSON position)
            out.append(f)
            continue
        cell, line = book.locate(f.line)
        end_cell, end_line = book.locate(f.end_line or f.line)
        end_column = f.end_column or f.column
        if end_cell != cell:
            end_line, end_column = line, f.column
        out.append(dataclasses.replace(f, cell=cell, line=line, end_line=end_line, end_column=end_column))
    return out


def cell_line(path: str, cell: int, line: int) -> str | None:
    book = load(path)
    return book.cell_line(cell, line) if book is not None else None
