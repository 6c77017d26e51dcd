"""Suppression comments, read from real comments only (``tokenize``), as ruff reads them.

* ``# noqa`` (blanket) and ``# noqa: INI101, INI2`` (codes or prefixes) on the line a finding is reported on; a
  finding inside a multi-line string or a backslash continuation is suppressed by a comment on the last line of
  that string or continuation, where a comment can go (ruff's ``noqa_line_for``).
* ``# initlint: noqa`` on its own line skips every rule in the file; ``# initlint: noqa: INI101`` only the codes
  it lists (ruff's ``# ruff: noqa: F401``).
* Malformed directives are reported as warnings naming ``file:line`` with ruff's words. ``# noqa INI101`` (no
  colon) is a blanket ``# noqa`` for ruff and for initlint, and it is always warned about.
* INI901 (ruff's RUF100): INI codes of a directive that suppressed nothing in this run, with a fix that removes
  them (:func:`unused`).
* ``--add-noqa`` (:func:`add_noqa`): a comment goes only where a comment can go.

Nothing here keeps state between files: :func:`scan` is a pure function of the text.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass, field

UNUSED_CODE = "INI901"
_MENTIONS = re.compile("noqa", re.IGNORECASE)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # Python's line breaks: not form feed, U+2028 or the other str.splitlines
_CODE_LIKE = re.compile(r"[A-Z]+[0-9]+")
_FSTRING_START = getattr(tokenize, "FSTRING_START", -1)
_FSTRING_END = getattr(tokenize, "FSTRING_END", -1)

MISSING_CODES = "expected a comma-separated list of codes (e.g., `# noqa: INI101, INI201`)."
INVALID_SUFFIX = "expected `:` followed by a comma-separated list of codes (e.g., `# noqa: INI101, INI201`)."
INVALID_CODE_SUFFIX = "expected code to consist of uppercase letters followed by digits only (e.g. `INI101`)"


class _Invalid(Exception):
    pass


@dataclass
class Directive:
    """One ``# noqa`` directive: where it is, and what it lists (``codes`` None: blanket)."""

    line: int  # Python's physical line, 1-based
    column: int  # 0-based column of the comment token on that line
    comment: str  # the whole comment token, from its ``#`` to the end of the line
    start: int  # offsets of the directive inside ``comment``: from its ``#`` ...
    end: int  # ... to the end of its last code (of ``noqa`` for a blanket one)
    codes: list | None = None  # [(code, start, end)], offsets inside ``comment``

    def covers(self, code: str) -> bool:
        return self.codes is None or any(code.startswith(c) for c, _, _ in self.codes)


@dataclass
class FileNoqa:
    """The suppression comments of one file."""

    directives: dict = field(default_factory=dict)  # line -> Directive
    exempt_all: bool = False  # ``# initlint: noqa``
    exempt_codes: tuple = ()  # ``# initlint: noqa: INI101, INI2``
    exempt_lines: list = field(default_factory=list)  # (line, code) of each code of the file-level directives
    warnings: list = field(default_factory=list)  # (line, message with a ``{location}`` placeholder)
    spans: list = field(default_factory=list)  # merged (first, last) lines of multi-line strings and continuations
    tokenized: bool = True  # False: the text could not be tokenized (nothing is suppressed then)

    def noqa_line(self, line: int) -> int:
        """The line whose comment suppresses a finding reported on ``line``."""
        for first, last in self.spans:
            if first <= line <= last:
                return last
            if first > line:
                break
        return line

    def exempts(self, code: str) -> bool:
        return self.exempt_all or any(code.startswith(c) for c in self.exempt_codes)

    def cannot_hold_comment(self, line: int) -> bool:
        """The line ends inside a string or with a backslash: a comment cannot go at its end."""
        return any(first <= line < last for first, last in self.spans)


def python_lines(text: str, keepends: bool = False) -> list[str]:
    """``text`` split at Python's line breaks only (``\\n``, ``\\r\\n``, ``\\r``)."""
    if not keepends:
        return _LINE_BREAK.split(text)
    out, start = [], 0
    for match in _LINE_BREAK.finditer(text):
        out.append(text[start:match.end()])
        start = match.end()
    if start < len(text):
        out.append(text[start:])
    return out


# ---- lexing one comment (ruff's NoqaLexer, on Python strings) --------------------------------------------
def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _lex_codes(text: str, pos: int) -> list:
    codes: list = []
    joined = False  # the last code ran straight into this one (``INI101INI102``)
    while pos < len(text):
        pos = _skip_space(text, pos)
        if pos >= len(text):
            break
        if text[pos] == ",":
            pos += 1
            continue
        if not ("A" <= text[pos] <= "Z"):
            break  # a word, not a code: the rest is an explanation (``# noqa: INI101 deliberate``)
        start = pos
        while pos < len(text) and "A" <= text[pos] <= "Z":
            pos += 1
        if pos >= len(text) or not text[pos].isdigit() or not text[pos].isascii():
            if joined:
                raise _Invalid(INVALID_CODE_SUFFIX)
            break  # an upper-case word: an explanation too
        while pos < len(text) and text[pos].isascii() and text[pos].isdigit():
            pos += 1
        codes.append((text[start:pos], start, pos))
        if pos >= len(text):
            break
        nxt = text[pos]
        if nxt == ",":
            pos += 1
            joined = False
        elif nxt.isspace() or nxt == "#":
            joined = False
        elif "A" <= nxt <= "Z":
            joined = True
        else:
            raise _Invalid(INVALID_CODE_SUFFIX)
    if not codes:
        raise _Invalid(MISSING_CODES)
    return codes


def _lex_directive(text: str, start: int, pos: int) -> tuple[Directive, bool]:
    """The directive whose ``#`` is at ``start`` and whose ``noqa`` ends at ``pos``; True: codes without colon."""
    if pos >= len(text) or text[pos] == "#":
        return Directive(0, 0, text, start, pos), False
    if text[pos] == ":":
        codes = _lex_codes(text, pos + 1)
        return Directive(0, 0, text, start, codes[-1][2], codes), False
    if text[pos].isspace():
        after = _skip_space(text, pos)
        if after < len(text) and text[after] == ":":
            codes = _lex_codes(text, after + 1)
            return Directive(0, 0, text, start, codes[-1][2], codes), False
        # ``# noqa INI101``: ruff reads a blanket ``# noqa`` followed by an explanation
        return Directive(0, 0, text, start, pos), bool(_CODE_LIKE.match(text, after))
    raise _Invalid(INVALID_SUFFIX)


def lex_inline(comment: str) -> tuple[Directive | None, bool]:
    """The ``# noqa`` directive in one comment token (None: there is none); raises ``_Invalid``."""
    pos = 0
    while True:
        start = comment.find("#", pos)
        if start < 0:
            return None, False
        pos = _skip_space(comment, start + 1)
        if comment[pos:pos + 4].lower() == "noqa":
            return _lex_directive(comment, start, pos + 4)


def lex_file(comment: str) -> tuple[Directive | None, bool]:
    """The ``# initlint: noqa`` directive in one comment token (None: there is none); raises ``_Invalid``."""
    pos = 0
    while True:
        start = comment.find("#", pos)
        if start < 0:
            return None, False
        pos = _skip_space(comment, start + 1)
        if comment[pos:pos + 8].lower() != "initlint":
            continue
        pos = _skip_space(comment, pos + 8)
        if comment[pos:pos + 1] != ":":
            continue
        pos = _skip_space(comment, pos + 1)
        if comment[pos:pos + 4].lower() != "noqa":
            continue
        return _lex_directive(comment, start, pos + 4)


# ---- one file ----------------------------------------------------------------------------------------
def _tokens(text: str, last_row: int | None = None) -> list | None:
    """The tokens of ``text`` (up to the first one that starts after ``last_row``); None: tokenize failed."""
    out = []
    try:
        # universal newlines: tokenize's rows are then Python's lines (a lone \r ends a line too)
        for tok in tokenize.generate_tokens(io.StringIO(text, newline=None).readline):
            if last_row is not None and tok.start[0] > last_row:
                break
            out.append(tok)
    except (tokenize.TokenError, SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    return out


def _spans(tokens: list) -> list:
    """Merged (first, last) line ranges where a comment can only go on the last line."""
    raw = []
    prev = None
    fstrings: list = []  # Python 3.12+: an f-string is FSTRING_START ... FSTRING_END, not one STRING token
    for tok in tokens:
        if tok.type == tokenize.STRING and tok.end[0] > tok.start[0]:
            raw.append((tok.start[0], tok.end[0]))
        elif tok.type == _FSTRING_START:
            fstrings.append(tok.start[0])
        elif tok.type == _FSTRING_END and fstrings:
            first = fstrings.pop()
            if tok.end[0] > first:
                raw.append((first, tok.end[0]))
        if (prev is not None and prev.type not in (tokenize.NEWLINE, tokenize.NL)
                and tok.start[0] > prev.end[0] and tok.type != tokenize.ENDMARKER):
            raw.append((prev.end[0], tok.start[0]))  # a backslash continuation
        prev = tok
    merged: list = []
    for first, last in sorted(raw):
        if merged and first <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def scan(text: str, full: bool = False) -> FileNoqa:
    """The suppression comments of ``text``.

    By default only what suppression needs is read: a text that never says ``noqa`` is not tokenized, and
    tokenizing stops after the last line that says it (tokenize is pure Python before 3.12). ``full``, for
    ``--add-noqa``, tokenizes everything: every line's place for a comment is needed there.
    """
    last_row = None
    if not full:
        mentions = [m.start() for m in _MENTIONS.finditer(text)]
        if not mentions:
            return FileNoqa()
        last_row = len(_LINE_BREAK.findall(text, 0, mentions[-1])) + 1
    tokens = _tokens(text, last_row)
    if tokens is None:
        return FileNoqa(tokenized=False)
    result = FileNoqa(spans=_spans(tokens))
    codes: list = []
    lines = None
    for tok in tokens:
        if tok.type != tokenize.COMMENT or not _MENTIONS.search(tok.string):
            continue
        line, column = tok.start
        try:
            directive, no_colon = lex_file(tok.string)
        except _Invalid as exc:
            result.warnings.append((line, f"Invalid `# initlint: noqa` directive at {{location}}: {exc}"))
            continue
        if directive is not None:
            if lines is None:
                lines = python_lines(text)
            if line <= len(lines) and lines[line - 1][:column].strip():
                result.warnings.append((line, "Unexpected `# initlint: noqa` directive at {location}. File-level"
                                              " suppression comments must appear on their own line. For"
                                              " line-level suppression, omit the `initlint:` prefix."))
                continue
            if no_colon:
                result.warnings.append((line, f"Invalid `# initlint: noqa` directive at {{location}}:"
                                              f" {INVALID_SUFFIX[:-1]}; without the colon it skips every rule"
                                              " in the file."))
            if directive.codes is None:
                result.exempt_all = True
            else:
                codes.extend(c for c, _, _ in directive.codes)
                result.exempt_lines.extend((line, c) for c, _, _ in directive.codes)
            continue
        try:
            directive, no_colon = lex_inline(tok.string)
        except _Invalid as exc:
            result.warnings.append((line, f"Invalid `# noqa` directive on {{location}}: {exc}"))
            continue
        if directive is None:
            continue
        if no_colon:
            result.warnings.append((line, f"Invalid `# noqa` directive on {{location}}: {INVALID_SUFFIX[:-1]};"
                                          " without the colon it is a blanket `# noqa` that suppresses every"
                                          " rule on the line."))
        directive.line, directive.column = line, column
        result.directives[line] = directive
    result.exempt_codes = tuple(dict.fromkeys(codes))
    return result


def warnings(file: FileNoqa, path: str, known=()) -> list[str]:
    """The file's warnings, in line order; with ``known`` (the rule codes), INI codes that name no rule too."""
    out = list(file.warnings)
    if known:
        def unknown(code: str) -> bool:
            return code.startswith("INI") and not any(k.startswith(code) for k in known)

        for line, directive in file.directives.items():
            for code, _, _ in directive.codes or ():
                if unknown(code):
                    out.append((line, f"Invalid rule code provided to `# noqa` at {{location}}: {code}"))
        for line, code in file.exempt_lines:
            if unknown(code):
                out.append((line, f"Invalid rule code provided to `# initlint: noqa` at {{location}}: {code}"))
    return [message.format(location=f"{path}:{line}") for line, message in sorted(out)]


# ---- applying them -----------------------------------------------------------------------------------
def apply(file: FileNoqa, findings: list) -> tuple[list, int, set]:
    """(findings kept, how many were suppressed, {(line, code index)} of the codes that suppressed one)."""
    kept, used = [], set()
    suppressed = 0
    for f in findings:
        if file.exempts(f.code):
            suppressed += 1
            continue
        line = file.noqa_line(f.line)
        directive = file.directives.get(line)
        if directive is None or not directive.covers(f.code):
            kept.append(f)
            continue
        suppressed += 1
        if directive.codes is not None:
            used.update((line, i) for i, (c, _, _) in enumerate(directive.codes) if f.code.startswith(c))
    return kept, suppressed, used


def _judged(code: str, ran: set, known: set) -> bool:
    """An INI code is judged only when every rule it names ran (codes of rules not selected are left alone)."""
    if not code.startswith("INI"):
        return False
    named = [k for k in known if k.startswith(code)]
    return bool(named) and all(k in ran for k in named)


def _without(directive: Directive, keep: list[str]) -> str:
    """The comment token with the directive's dropped codes removed (ruff's RUF100 fix); "" removes it all."""
    text = directive.comment
    head, tail = text[:directive.start], text[directive.end:]
    if keep:
        return head + "# noqa: " + ", ".join(keep) + tail
    if not tail.strip():
        return head.rstrip()  # "" when the comment was only the directive
    if tail.lstrip().startswith("#"):
        return (head + tail.lstrip()) if head else tail.lstrip()
    return head + "# " + tail.lstrip()  # ``# noqa: INI101 deliberate`` -> ``# deliberate``


def unused(file: FileNoqa, used: set, ran: set, known: set, path: str) -> list:
    """INI901 findings: INI codes of ``# noqa: ...`` directives that suppressed nothing in this run."""
    from .rules import Finding, Fix

    if file.exempts(UNUSED_CODE):
        return []
    out = []
    for line, directive in sorted(file.directives.items()):
        if directive.codes is None or any(UNUSED_CODE.startswith(c) for c, _, _ in directive.codes):
            continue  # blanket directives are not judged; one that lists INI901 silences it on its line
        keep, dropped_unused, duplicated, seen = [], [], [], set()
        for index, (code, _, _) in enumerate(directive.codes):
            if code in seen and code.startswith("INI"):
                duplicated.append(code)
                continue
            seen.add(code)
            if (line, index) in used or not _judged(code, ran, known):
                keep.append(code)
            else:
                dropped_unused.append(code)
        if not dropped_unused and not duplicated:
            continue
        reasons = []
        if dropped_unused:
            reasons.append("unused: " + ", ".join(f"`{c}`" for c in dropped_unused))
        if duplicated:
            reasons.append("duplicated: " + ", ".join(f"`{c}`" for c in duplicated))
        col = directive.column
        span = (line, col + 1, line, col + len(directive.comment) + 1)
        fix = Fix("Remove unused `noqa` directive", "safe", [(span, "comment", _without(directive, keep))])
        out.append(Finding(UNUSED_CODE, f"Unused `noqa` directive ({'; '.join(reasons)})", path, None, line,
                           col + directive.start + 1, line, col + directive.end + 1, fix))
    return out


# ---- --add-noqa --------------------------------------------------------------------------------------
def add_noqa(text: str, findings: list, path: str) -> tuple[str, list, list[str]]:
    """(new text, findings now suppressed, problems): ``# noqa: CODE`` where a comment can go.

    A finding inside a multi-line string or a backslash continuation gets its comment on the last line of the
    string or the continuation (where initlint, like ruff, reads it). Lines are Python's lines.
    """
    file = scan(text, full=True)
    if not file.tokenized:
        return text, [], [f"{path}: cannot add `# noqa`: the file cannot be tokenized"]
    by_line: dict[int, list] = {}
    for f in findings:
        # an unused code is removed with --fix: silencing INI901 next to it would only pile codes up (ruff's
        # --add-noqa never adds RUF100 either)
        if f.code != UNUSED_CODE and not file.exempts(f.code):
            by_line.setdefault(file.noqa_line(f.line), []).append(f)
    lines = python_lines(text, keepends=True)
    added: list = []
    problems: list[str] = []
    for number, items in sorted(by_line.items()):
        codes = list(dict.fromkeys(f.code for f in items))
        if not 1 <= number <= len(lines) or file.cannot_hold_comment(number):
            problems.append(f"{path}:{number}: cannot add `# noqa` (the line ends inside a string or a"
                            " continuation)")
            continue
        raw = lines[number - 1]
        body = raw.rstrip("\r\n")
        ending = raw[len(body):]
        directive = file.directives.get(number)
        if directive is None:
            if any(line == number for line, _ in file.warnings):
                problems.append(f"{path}:{number}: cannot add `# noqa`: the line's comment holds an invalid"
                                " `# noqa` directive; correct it by hand")
                continue
            body = body.rstrip(" \t") + "  # noqa: " + ", ".join(codes)
        elif directive.codes is not None:
            have = [c for c, _, _ in directive.codes]
            extra = [c for c in codes if not any(c.startswith(h) for h in have)]
            if extra:
                end = directive.column + directive.end
                body = body[:end] + ", " + ", ".join(extra) + body[end:]
        # a blanket noqa already silences everything
        lines[number - 1] = body + ending
        added.extend(items)
    return "".join(lines), added, problems
