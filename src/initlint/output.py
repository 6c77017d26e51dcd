"""Report formats: concise, full, json (ruff's field names), json-lines, grouped, github, sarif, junit."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path

from . import notebook
from .finding import Finding
from .registry import CODES

FORMATS = ("concise", "full", "json", "json-lines", "grouped", "github", "sarif", "junit")


def display_path(path: str) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


def url_for(code: str) -> str:
    return f"rules/{code}.md"


def where(f: Finding) -> str:
    """``line:col``, or ``cell N:line:col`` in a notebook (ruff's form)."""
    return f"{'' if f.cell is None else f'cell {f.cell}:'}{f.line}:{f.column}"


def as_json(f: Finding, sources: dict | None = None, edits: dict | None = None) -> dict:
    """``edits``: id(finding) -> text edits, from ``fix_edits`` (computed here when not given)."""
    fix = None
    if f.fix is not None:
        if edits is None:
            edits = fix_edits([f], sources)
        fix = {"applicability": f.fix.applicability, "message": f.fix.message, "edits": edits.get(id(f), [])}
    return {
        "code": f.code,
        "message": f.message,
        "filename": display_path(f.path),
        "cell": f.cell,
        "location": {"row": f.line, "column": f.column},
        "end_location": {"row": f.end_line or f.line, "column": f.end_column or f.column},
        "fix": fix,
        "url": url_for(f.code),
        "noqa_row": f.line,
        "related": related_json(f),
    }


# ---- related locations (begin) ------------------------------------------------------------------------
def related_json(f: Finding) -> list[dict]:
    """The finding's other places, each as ``{filename, location, end_location, message}``."""
    return [{"filename": display_path(r.path), "location": {"row": r.line, "column": r.column},
             "end_location": {"row": r.end_line or r.line, "column": r.end_column or r.column},
             "message": r.message} for r in f.related]


def related_notes(f: Finding) -> list[str]:
    """``path:line:col: note: message`` for each related location (the ``full`` format)."""
    return [f"{display_path(r.path)}:{r.line}:{r.column}: note: {r.message}" for r in f.related]


def sarif_related(f: Finding) -> list[dict]:
    return [{"id": number, "message": {"text": r.message}, "physicalLocation": {
        "artifactLocation": _artifact(r.path),
        "region": {"startLine": max(1, r.line), "startColumn": max(1, r.column),
                   "endLine": max(1, r.end_line or r.line), "endColumn": max(1, r.end_column or r.column)},
    }} for number, r in enumerate(f.related)]
# ---- related locations (end) --------------------------------------------------------------------------


def _text_of(path: str, sources: dict | None) -> str | None:
    """The text standing for ``path`` (standard input), or None: read the file."""
    data = (sources or {}).get(os.path.abspath(path))
    if data is None:
        return None
    from .source import Problem, decode_source

    source = decode_source(path, data)
    return "" if isinstance(source, Problem) else source.text


def fix_edits(findings: list[Finding], sources: dict | None = None) -> dict:
    """id(finding) -> its fix's text edits, with one parse per file (not one per finding)."""
    from .fixer import file_text_edits

    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        if f.fix is not None and f.fix.edits:
            by_path.setdefault(f.path, []).append(f)
    out: dict = {}
    for path, items in by_path.items():
        out.update(file_text_edits(path, items, _text_of(path, sources)))
    return out


def _source_line(path: str, line: int, sources: dict | None = None) -> str | None:
    text = _text_of(path, sources)
    if text is not None:
        lines = re.split(r"\r\n|\r|\n", text)  # Python's line breaks, as reading the file does
        return lines[line - 1] if 1 <= line <= len(lines) else None
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, text in enumerate(handle, 1):
                if number == line:
                    return text.rstrip("\r\n")
    except OSError:
        return None
    return None


def github_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def render(findings: list[Finding], fmt: str, sources: dict | None = None) -> str:
    """``sources``: absolute path -> bytes that stand for the file (standard input)."""
    findings = notebook.for_display(findings)  # notebooks: cell numbers, lines counted in the cell
    if fmt in ("json", "json-lines"):
        edits = fix_edits(findings, sources)
        if fmt == "json":
            return json.dumps([as_json(f, sources, edits) for f in findings], indent=2)
        return "".join(json.dumps(as_json(f, sources, edits)) + "\n" for f in findings).rstrip("\n")
    if fmt == "github":
        out = []
        for f in findings:
            title = f"initlint ({f.code})"
            text = f"{f.code} {f.message}" if f.cell is None else f"{where(f)}: {f.code} {f.message}"
            out.append(
                f"::error title={github_escape(title, True)},file={github_escape(display_path(f.path), True)},"
                f"line={f.line},col={f.column},endLine={f.end_line or f.line},endColumn={f.end_column or f.column}"
                f"::{github_escape(text)}")
        return "\n".join(out)
    if fmt == "grouped":
        out = []
        current = None
        for f in findings:
            if f.path != current:
                if current is not None:
                    out.append("")
                current = f.path
                out.append(f"{display_path(f.path)}:")
            out.append(f"  {where(f)} {f.code} {f.message}")
        return "\n".join(out)
    if fmt == "sarif":
        return json.dumps(sarif(findings), indent=2)
    if fmt == "junit":
        return junit(findings)
    out = []
    for f in findings:
        out.append(f"{display_path(f.path)}:{where(f)}: {f.code} {f.message}")
        if fmt == "full":
            line = (_source_line(f.path, f.line, sources) if f.cell is None
                    else notebook.cell_line(f.path, f.cell, f.line))
            if line is not None:
                out.append(f"  {f.line:>4} | {line}")
                width = max(1, (f.end_column - f.column) if f.end_line == f.line and f.end_column > f.column else 1)
                out.append(f"       | {' ' * (f.column - 1)}{'^' * width}")
            out.extend(related_notes(f))
            if f.fix is not None:
                out.append(f"  help: {f.fix.message}")
            out.append("")
    return "\n".join(out).rstrip("\n")


def statistics(findings: list[Finding]) -> str:
    counts = Counter(f.code for f in findings)
    fixable = Counter(f.code for f in findings if f.fix is not None and f.fix.applicability == "safe")
    lines = []
    for code, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        mark = "[*]" if fixable[code] else "[ ]"
        lines.append(f"{count:>5}\t{code}\t{mark} {CODES[code][0] if code in CODES else ''}")
    return "\n".join(lines)


def sarif(findings: list[Finding]) -> dict:
    from .pages import page
    from .rules import RULES

    rules = []
    for code, rule in RULES.items():
        help_text = page(code) or rule.summary
        rules.append({
            "id": code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.summary},
            "help": {"text": help_text, "markdown": help_text},
            "defaultConfiguration": {"level": "error" if rule.default else "warning",
                                     "enabled": rule.default},
        })
    results = []
    for f in notebook.for_display(findings):
        results.append({
            "ruleId": f.code,
            "level": "error",
            "message": {"text": f.message if f.cell is None else f"cell {f.cell}: {f.message}"},
            "locations": [{"physicalLocation": {
                "artifactLocation": _artifact(f.path),
                "region": {"startLine": f.line, "startColumn": f.column,
                           "endLine": f.end_line or f.line, "endColumn": f.end_column or f.column},
            }}],
            **({} if f.cell is None else {"properties": {"cell": f.cell}}),  # the region is the cell's line
        })
        if f.related:
            results[-1]["relatedLocations"] = sarif_related(f)
    from . import __version__

    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "initlint", "version": __version__, "rules": rules}},
                  "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
                  "columnKind": "unicodeCodePoints",
                  "results": results}],
    }


def _artifact(path: str) -> dict:
    """A relative URI (against %SRCROOT%, the working directory) or, outside it, an absolute file URI."""
    shown = display_path(path)
    if os.path.isabs(shown):
        return {"uri": Path(shown).as_uri()}
    from urllib.parse import quote

    return {"uri": quote(shown.replace(os.sep, "/")), "uriBaseId": "%SRCROOT%"}


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(text: str, attribute: bool = False) -> str:
    from xml.sax.saxutils import escape as xml_escape

    text = xml_escape(_XML_BAD.sub("\ufffd", text))
    if attribute:
        text = text.replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    return text


def junit(findings: list[Finding]) -> str:
    by_file: dict[str, list[Finding]] = {}
    for f in findings:
        by_file.setdefault(display_path(f.path), []).append(f)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<testsuites name="initlint" tests="{len(findings)}" failures="{len(findings)}" errors="0">']
    for path, items in by_file.items():
        out.append(f'  <testsuite name="{_xml(path, True)}" tests="{len(items)}" failures="{len(items)}" errors="0">')
        for f in items:
            name = _xml(f"{f.code} at {path}:{where(f)}", True)
            out.append(f'    <testcase name="{name}" classname="{_xml(path, True)}" file="{_xml(path, True)}"'
                       f' line="{f.line}">')
            out.append(f'      <failure message="{_xml(f.message, True)}" type="{f.code}">'
                       f"{_xml(f'{path}:{where(f)}: {f.code} {f.message}')}</failure>")
            out.append("    </testcase>")
        out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out)
