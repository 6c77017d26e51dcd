"""Reading a file into text and a libcst module, with every failure turned into data."""

from __future__ import annotations

import ast
import io
import os
import re
import stat
import tokenize
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import libcst as cst



@dataclass
class Problem:
    """A file that could not be read or parsed: reported as INI900 (parse) or skipped (read)."""

    kind: str  # "read" (skipped with a reason), "parse" (INI900) or "internal" (initlint's own failure: exit 2)
    message: str
    line: int = 1
    column: int = 1


@dataclass
class Source:
    path: str
    text: str
    encoding: str
    newline: str


def _open_nonblocking(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))  # a FIFO opens at once instead of waiting


def file_size(path: str) -> int:
    """The file's size in bytes, or 0 when it cannot be stat'ed (reading it will say why)."""
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def write_atomically(target: str, content: bytes, prefix: str = ".tmp-", suffix: str = "", mode: int | None = None,
                     durable: bool = False) -> None:
    """Write ``content`` to a temporary file in ``target``'s folder, then ``os.replace`` it onto ``target``:
    readers see the old file or the new one, never half of one. ``mode``: the permissions to give it;
    ``durable``: flushed to disk before the rename (a user's source file, not a cache entry)."""
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=os.path.dirname(target) or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def read_source(path: str) -> Source | Problem:
    """Only regular files are read: a FIFO would block, a link to ``/dev/zero`` would never end."""
    data = read_bytes(path)
    return data if isinstance(data, Problem) else decode_source(path, data)


def read_bytes(path: str) -> bytes | Problem:
    """A regular file's bytes (``read_source`` without the decoding: the cache hashes them)."""
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            return Problem("read", "is a directory")
        if not stat.S_ISREG(mode):
            return Problem("read", "not a regular file")
        with open(path, "rb", opener=_open_nonblocking) as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # replaced since the check above
                return Problem("read", "not a regular file")
            data = handle.read()
    except IsADirectoryError:
        return Problem("read", "is a directory")
    except PermissionError:
        return Problem("read", "permission denied")
    except OSError as exc:  # symlink loops, vanished files, devices
        return Problem("read", exc.strerror or str(exc))
    return data


def decode_source(path: str, data: bytes) -> Source | Problem:
    if path.endswith(".ipynb"):  # a Jupyter notebook: its code cells as one module (notebook.py)
        from .notebook import from_bytes

        return from_bytes(path, data)
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


_DEPTH_LIMIT = 1000  # nesting levels of CPython's tree; libcst's native parser overflows its stack beyond a few
# thousand (lambda chains, `and`/`+` chains, elif chains) and takes quadratic time well before that
_BRACKET_LIMIT = 150  # CPython refuses more than 200 nested brackets

# comments and strings, so that brackets and operators inside them do not count
_LEXEMES = re.compile(
    r"""\#[^\r\n]*|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''"""
    r"""|"(?:[^"\\\r\n]|\\.)*"|'(?:[^'\\\r\n]|\\.)*'""",
    re.S,
)
# tokens that can open a nesting level of the tree: operators, attribute dots, keywords, f-string characters
# (\x02: what an f-string becomes, one per character) and adjacent strings (\x01: what a string becomes;
# `"a" "b" "c"` nests) and chained calls and subscripts (`f()()`, `a[0][0]`); enclosing brackets are counted by
# depth instead
_NEST = re.compile(r"[-+*/%@&|^~<>.\x02]|\x01(?=\s*\x01)|[)\]}]\s*[(\[]"
                   r"|\b(?:and|or|not|lambda|if|else|await|for|in|is|yield)\b")
_BRACKET = re.compile(r"[()\[\]{}]")
_NEWLINES = re.compile(r"\r\n|\r|\n")
_INDENT = re.compile(r"^[ \t\f]*", re.M)
_ELIF = re.compile(r"^[ \t\f]*elif\b", re.M)
_PER_BRACKET = 4  # tree levels one bracket pair can add (Call > Arg > value, Subscript > Element > Index > value)


def may_nest_deeply(text: str, limit: int = _DEPTH_LIMIT) -> bool:
    """False only when no construct of ``text`` can nest more than ``limit`` levels deep: a cheap, sound
    over-approximation that runs before libcst sees the text (most files never need a closer look).

    A level of the tree needs a token of its own: a bracket enclosing it, an operator or keyword, an indented
    block or an ``elif``. So the depth of an expression is at most four levels per enclosing bracket plus the
    operators and keywords of its statement, and the depth of statements at most the indentation's width plus
    the number of ``elif``s.
    """
    if len(text) <= limit // 2:
        return False
    t = _LEXEMES.sub(lambda m: _stand_in(text, m), text)
    if "\r" in t:
        t = _NEWLINES.sub("\n", t)
    if "\\" in t:
        t = t.replace("\\\n", " ")  # backslash continuations join lines
    if 3 * max(map(len, _INDENT.findall(t)), default=0) > limit or 3 * len(_ELIF.findall(t)) > limit:
        return True
    depth = deepest = span_deepest = start = 0
    for match in _BRACKET.finditer(t):
        if match.group() in "([{":
            if depth == 0:
                start, span_deepest = match.start(), 0
            depth += 1
            span_deepest = max(span_deepest, depth)
        else:
            depth -= 1
            if depth < 0:
                return True  # unbalanced: leave it to the parsers
            if depth == 0 and match.end() - start > limit // 2 and \
                    _PER_BRACKET * span_deepest + len(_NEST.findall(t, start, match.end())) > limit:
                return True
        deepest = max(deepest, depth)
    if depth or deepest > _BRACKET_LIMIT:
        return True
    # lines of at least limit // 2 characters (a regex for them would try every position of the text)
    return any(_PER_BRACKET * deepest + len(_NEST.findall(line)) > limit
               for line in t.split("\n") if len(line) >= limit // 2)


def _stand_in(text: str, match: re.Match) -> str:
    lexeme = match.group(0)
    if lexeme[0] == "#":
        return ""
    if "f" in text[max(0, match.start() - 2): match.start()].lower():
        return "\x02" * len(lexeme)  # an f-string holds expressions: every character may be a token
    return "\x01"


def _tree_depth(tree: ast.AST) -> int:
    """Nesting depth of CPython's tree as libcst will build it, without recursion: CPython keeps ``a and b and
    c`` flat, libcst nests one level per operator."""
    best = 0
    stack = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if type(node) is ast.BoolOp:
            depth += len(node.values) - 1
        best = max(best, depth)
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return best


def _cpython_tree(text: str) -> ast.Module | Problem:
    """CPython's tree of ``text``, or its verdict as a Problem (what CPython rejects is a syntax error)."""
    try:
        return ast.parse(text)
    except SyntaxError as exc:
        return Problem("parse", f"syntax error: {exc.msg}", exc.lineno or 1, exc.offset or 1)
    except (RecursionError, MemoryError):
        return Problem("parse", "code nested too deeply to analyse (CPython's parser gives up on it too)")
    except ValueError as exc:
        return Problem("parse", f"syntax error: {exc}")


def _vet_depth(tree: ast.Module) -> Problem | None:
    depth = _tree_depth(tree)
    if depth > _DEPTH_LIMIT:
        return Problem("parse", f"code nested too deeply to analyse ({depth} levels; the limit is {_DEPTH_LIMIT})")
    return None


def _no_validation(self) -> None:
    pass


def _parse_unvalidated(text: str) -> "cst.Module":
    """``cst.parse_module`` without re-validating every node the parser builds.

    Each libcst node checks its own fields on construction (``CSTNode.__post_init__`` -> ``_validate``): about a
    third of the parse time, and redundant for nodes built by the parser from valid source (libcst's own
    comment on ``__post_init__`` says as much). Validation is switched off only for the duration of the parse,
    so trees built by hand (the fixer's) are still validated.
    """
    import libcst as cst  # imported here: a run whose report comes from the cache never needs it

    node = cst.CSTNode
    saved = node.__dict__["__post_init__"]
    node.__post_init__ = _no_validation
    try:
        return cst.parse_module(text)
    finally:
        node.__post_init__ = saved


def parse(source: Source) -> "cst.Module | Problem":
    """Parse with libcst's native parser; syntax errors come back as a Problem.

    Deeply nested code is first vetted by CPython's own parser, which fails cleanly where libcst's
    native parser would overflow its stack and take the whole process down.
    """
    import libcst as cst

    vetted = may_nest_deeply(source.text)
    if vetted:  # vet with CPython's parser, which fails cleanly, and measure its tree
        tree = _cpython_tree(source.text)
        problem = tree if isinstance(tree, Problem) else _vet_depth(tree)
        if problem is not None:
            return problem
    text = source.text
    if needs_normalizing(text):
        text, _ = normalized_indentation(text)
    try:
        module = _parse_unvalidated(text)
        if text.endswith("\r") and not module.has_trailing_newline:
            # libcst reads a final lone "\r" as no trailing newline and drops it when it writes the code back;
            # the fixer rewrites files from ``module.code``, which must reproduce the file exactly
            module = module.with_changes(has_trailing_newline=True)
    except cst.ParserSyntaxError as exc:
        line, column, message = exc.editor_line, exc.editor_column, exc.message
        try:  # CPython's position and words are the ones users know (libcst often points at the next line)
            ast.parse(source.text)
        except SyntaxError as py_exc:
            line, column = py_exc.lineno or line, py_exc.offset or column
            message = py_exc.msg or message
        except (RecursionError, MemoryError, ValueError):
            pass
        else:
            return Problem("parse", f"cannot be parsed by libcst, although CPython accepts it: {message}", line,
                           column)
        return Problem("parse", f"syntax error: {message}", line, column)
    except RecursionError:
        return Problem("parse", "syntax error: expression nested too deeply to parse")
    except Exception as exc:  # noqa: BLE001 - the parser's other failures are still bad input
        return Problem("parse", f"cannot parse: {type(exc).__name__}: {exc}")
    if not vetted and not text.isascii():
        # libcst accepts identifiers that CPython rejects (a zero-width joiner, code points unassigned in this
        # Python's Unicode tables); what CPython rejects is a syntax error, whatever libcst says (a vetted text
        # was read by CPython already)
        tree = _cpython_tree(source.text)
        if isinstance(tree, Problem):
            return tree
    return module


#: indentation that mixes tabs and spaces on one line (``\t\t    return x``)
_MIXED_INDENT = re.compile(r"^[ \t]*(?: \t|\t )", re.M)


def _mixed_indentation(text: str) -> bool:
    return "\t" in text and _MIXED_INDENT.search(text) is not None


def needs_normalizing(text: str) -> bool:
    """Whether libcst must read the text with its indentation rewritten (``normalized_indentation``)."""
    return "\f" in text or _mixed_indentation(text)


def normalized_indentation(text: str) -> tuple[str, dict[int, int]]:
    """The indentation as CPython reads it, written so that libcst reads it the same way:

    * a form feed in indentation resets the column to zero, so whatever precedes it does not count (libcst does
      not know this and reports a bogus indentation error): the leading whitespace up to it is removed;
    * in a file where some line mixes tabs and spaces in its indentation (which CPython accepts when the two
      are consistent), libcst's tokenizer can lose track of the blocks: every line's leading tabs are expanded
      to CPython's tab stops of 8, which keeps CPython's block structure exactly.

    Returns the text and ``{line: characters removed}`` (negative where tabs were expanded) so that columns can
    be given back in the file's own terms."""
    shifts: dict[int, int] = {}
    expand = _mixed_indentation(text)
    lines = re.split(r"(\r\n|\r|\n)", text)  # Python's line breaks only; separators kept at odd indices
    for i in range(0, len(lines), 2):
        line = lines[i]
        if "\f" not in line and not (expand and "\t" in line):
            continue
        lead = len(line) - len(line.lstrip(" \t\f"))
        cut = line.rfind("\f", 0, lead) + 1
        rest = line[cut:]
        shift = cut
        if expand:
            width = len(rest) - len(rest.lstrip(" \t"))
            spaces = rest[:width].expandtabs(8)
            shift += width - len(spaces)
            rest = spaces + rest[width:]
        if rest != line:
            lines[i] = rest
            shifts[i // 2 + 1] = shift
    return ("".join(lines), shifts) if shifts else (text, {})


def module_name_for(path: str) -> str:
    """Dotted module name from the package layout (walks up while ``__init__.py`` exists)."""
    path = os.path.abspath(path)
    directory, filename = os.path.split(path)
    stem = os.path.splitext(filename)[0]
    if filename.endswith(".ipynb"):  # a notebook cannot be imported: its name must not shadow a module's
        stem += "[ipynb]"
    parts = [] if stem == "__init__" else [stem]
    while os.path.exists(os.path.join(directory, "__init__.py")):
        directory, pkg = os.path.split(directory)
        parts.insert(0, pkg)
        if not pkg:
            break
    return ".".join(parts) or stem
