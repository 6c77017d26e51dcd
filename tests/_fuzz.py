"""Inputs nobody hand-wrote, and the criteria they are held to (shared by the tests and ``bench/fuzz.py``).

- ``corpus()``: real-looking code, the rule pages' examples and ``examples/``;
- ``MUTATORS``: seeded edits of such code (lines deleted, duplicated, swapped; truncation; NUL, BOM, lone CR,
  form feed, non-ASCII characters);
- ``DEEP``: constructs nested very deeply, each embedded in a real example;
- ``wrap``: put a generated program into the bodies of an ``nn.Module`` subclass, so that the rules run on it;
- ``check_file``: one file through the engine in process, with every rule, the JSON output and the fixes'
  diff; what comes back is data (``clean``, ``findings``, ``INI900`` or ``error`` with the traceback).
"""

from __future__ import annotations

import ast
import glob
import io
import json
import os
import random
import re
import subprocess
import sys
import time
import tokenize
import traceback
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "src")
TIME_LIMIT = 10.0  # seconds a file, in process or through the CLI

# a file whose finding must be in every run's output: proof that the other files were still checked
SENTINEL = ("import torch.nn as nn\n\n\nclass Sentinel(nn.Module):\n    def forward(self, x):\n"
            "        return self.sentinel_missing(x)\n")
SENTINEL_FINDING = "INI001"


# ---------------------------------------------------------------------------------------------- corpus

def corpus() -> list[tuple[str, str]]:
    """(name, text) of every rule page's ``Example`` and ``Use instead`` block, then every ``examples/`` file."""
    sys.path.insert(0, SRC) if SRC not in sys.path else None
    from initlint.pages import code_blocks, page, sections
    from initlint.rules import RULES

    out = []
    for code in sorted(RULES):
        text = page(code)
        if text is None:
            continue
        body = sections(text)
        for section, tag in (("example", "example"), ("use instead", "use_instead")):
            for i, block in enumerate(code_blocks(body.get(section, ""))):
                out.append((f"{code}_{tag}{i or ''}", block))
    for path in sorted(glob.glob(os.path.join(ROOT, "examples", "**", "*.py"), recursive=True)):
        with open(path, encoding="utf-8") as handle:
            rel = os.path.relpath(path, os.path.join(ROOT, "examples"))
            out.append(("examples_" + re.sub(r"\W", "_", rel[:-3]), handle.read()))
    return out


# ---------------------------------------------------------------------------------------------- mutators

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def _lines(text: str) -> list[str]:
    """Python's lines (\\r\\n, \\r, \\n only), each with its line break."""
    return [m.group() for m in _LINE.finditer(text) if m.group()]


def _delete_line(text, rng):
    lines = _lines(text)
    if lines:
        del lines[rng.randrange(len(lines))]
    return "".join(lines)


def _duplicate_line(text, rng):
    lines = _lines(text)
    if lines:
        i = rng.randrange(len(lines))
        lines.insert(i, lines[i] if lines[i].endswith(("\n", "\r")) else lines[i] + "\n")
    return "".join(lines)


def _swap_lines(text, rng):
    lines = _lines(text)
    if len(lines) >= 2:
        i, j = rng.sample(range(len(lines)), 2)
        if not lines[-1].endswith(("\n", "\r")):
            lines[-1] += "\n"
        lines[i], lines[j] = lines[j], lines[i]
    return "".join(lines)


def _at(text, rng, insert):
    i = rng.randrange(len(text) + 1)
    return text[:i] + insert + text[i:]


def _at_line_start(text, rng, insert):
    lines = _lines(text) or [""]
    i = rng.randrange(len(lines))
    lines[i] = insert + lines[i]
    return "".join(lines)


def _lone_cr(text, rng):
    """One ``\\n`` becomes a lone ``\\r`` (a mixed-newline file), or a ``\\r`` lands anywhere."""
    breaks = [m.start() for m in re.finditer(r"(?<!\r)\n", text)]
    if breaks and rng.random() < 0.7:
        i = rng.choice(breaks)
        return text[:i] + "\r" + text[i + 1:]
    return _at(text, rng, "\r")


def _form_feed(text, rng):
    """A form feed at the start of a line (in its indentation, as CPython allows), or anywhere."""
    if rng.random() < 0.7:
        lines = _lines(text) or [""]
        i = rng.randrange(len(lines))
        indent = len(lines[i]) - len(lines[i].lstrip(" \t"))
        cut = rng.randint(0, indent)
        lines[i] = lines[i][:cut] + "\f" + lines[i][cut:]
        return "".join(lines)
    return _at(text, rng, "\f")


# letters Python accepts in names, characters it rejects, separators, and code points unassigned in 3.11
NON_ASCII = ["é", "ß", "λ", "中", "ǅ", "ℕ", "\u00a0", "\u200b", "\u200d", "\u2028", "\u2029", "\u0085",
             "\ufeff", "€", "😀", "\U0001f3fb", "\u0378", "\U000e0001", "\U0010ffff", "\u0301", "\ud7ff"]


def _non_ascii(text, rng):
    char = rng.choice(NON_ASCII) if rng.random() < 0.6 else chr(rng.choice(
        [rng.randint(0x80, 0x7ff), rng.randint(0x800, 0xd7ff), rng.randint(0xe000, 0xfffd),
         rng.randint(0x10000, 0x10ffff)]))
    if rng.random() < 0.5:  # inside a name: the identifier cases
        names = [m.end() for m in re.finditer(r"[A-Za-z_]\w*", text)]
        if names:
            i = rng.choice(names)
            return text[:i] + char + text[i:]
    return _at(text, rng, char)


def _truncate(data: bytes, rng) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def _nul(data: bytes, rng) -> bytes:
    i = rng.randrange(len(data) + 1)
    return data[:i] + b"\x00" + data[i:]


def _bom(data: bytes, rng) -> bytes:
    i = 0 if rng.random() < 0.5 else rng.randrange(len(data) + 1)
    return data[:i] + b"\xef\xbb\xbf" + data[i:]


TEXT_MUTATORS = {
    "delete_line": _delete_line,
    "duplicate_line": _duplicate_line,
    "swap_lines": _swap_lines,
    "lone_cr": _lone_cr,
    "form_feed": _form_feed,
    "non_ascii": _non_ascii,
}
BYTE_MUTATORS = {"truncate": _truncate, "nul": _nul, "bom": _bom}
MUTATORS = [*TEXT_MUTATORS, *BYTE_MUTATORS]


def mutate(text: str, kind: str, rng: random.Random, rounds: int = 1) -> bytes:
    """``rounds`` edits of one kind (``kind="mixed"``: a random kind each round), as the file's bytes."""
    data = text.encode("utf-8")
    for _ in range(rounds):
        k = rng.choice(MUTATORS) if kind == "mixed" else kind
        if k in BYTE_MUTATORS:
            data = BYTE_MUTATORS[k](data, rng)
        else:
            text = data.decode("utf-8", "surrogateescape")  # a truncated character survives the round trip
            data = TEXT_MUTATORS[k](text, rng).encode("utf-8", "surrogateescape")
    return data


# ---------------------------------------------------------------------------------------------- deep nesting

def _deep_paren(n=1000):
    return "(" * n + "x" + ")" * n


DEEP = {
    "parens_1000": lambda: _deep_paren(1000),
    "lambda_3500": lambda: "lambda: " * 3500 + "x",
    "plus_10k": lambda: " + ".join(["x"] * 10_000),
    "and_10k": lambda: " and ".join(["x"] * 10_000),
    "not_10k": lambda: "not " * 10_000 + "x",
    "attribute_10k": lambda: "x" + ".a" * 10_000,
    "call_10k": lambda: "x" + "()" * 10_000,
    "subscript_10k": lambda: "x" + "[0]" * 10_000,
    "unary_minus_10k": lambda: "-" * 10_000 + "x",
    "power_10k": lambda: " ** ".join(["x"] * 10_000),
}


def deep_module(kind: str, host: str) -> str:
    """A real example with ``kind``'s expression returned from a new method of its first class (or appended)."""
    expr = DEEP[kind]()
    method = f"\n    def deep(self, x):\n        return {expr}\n"
    match = re.search(r"^class \w+[^\n]*:\n", host, flags=re.M)
    if match is None:
        return host + f"\n\ndef deep(x):\n    return {expr}\n"
    return host[: match.end()] + method + host[match.end():]


# ---------------------------------------------------------------------------------------------- wrapping

def _indent(code: str, prefix: str) -> str:
    """Indent Python's lines only (not the form feeds or U+2028 that ``str.splitlines`` also splits at)."""
    if not code.strip():
        return prefix + "pass\n"
    if not code.endswith(("\n", "\r")):
        code += "\n"
    return "".join(prefix + line if line.strip(" \t\f\r\n") else line for line in _lines(code))


WRAPPERS = ("module", "init", "forward", "init_fn", "class_body")


def wrap(code: str, where: str) -> str:
    """``code`` inside an ``nn.Module`` subclass, at ``where`` (``module``: the code as generated)."""
    if where == "module":
        return code
    slots = {w: "" for w in WRAPPERS}
    slots[where] = _indent(code, "    " if where == "class_body" else "        ")
    return (
        "import torch\nimport torch.nn as nn\n\n\nclass M(nn.Module):\n"
        f"{slots['class_body']}"
        "    def __init__(self, dim=4):\n        super().__init__()\n"
        "        self.fc = nn.Linear(dim, dim)\n        self.conv = nn.Conv2d(3, 8, 3, bias=False)\n"
        f"{slots['init']}"
        "        self.apply(self._init_weights)\n\n"
        "    def _init_weights(self, m):\n        if isinstance(m, nn.Linear):\n"
        "            nn.init.xavier_uniform_(m.weight)\n            nn.init.zeros_(m.bias)\n"
        f"{slots['init_fn']}"
        "\n    def forward(self, x):\n"
        f"{slots['forward']}"
        "        return self.fc(x)\n"
    )


# ---------------------------------------------------------------------------------------------- criteria

def cpython_rejects(data: bytes) -> str | None:
    """CPython's message for this source, or None when it parses (the tokenizer included).

    The bytes are decoded first, as ``python FILE`` does: ``ast.parse`` of bytes lets undecodable comments pass.
    """
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        data.decode(encoding)
    except (SyntaxError, LookupError, UnicodeDecodeError) as exc:
        return f"cannot decode: {exc}"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ast.parse(data)
        except SyntaxError as exc:
            return exc.msg or "syntax error"
        except (ValueError, MemoryError, RecursionError) as exc:
            return f"{type(exc).__name__}: {exc}"
    return None


def check_file(path: str, rules=None, fix_diff: bool = True, as_json: bool = True) -> dict:
    """One file in process: ``{"outcome": clean|findings|INI900|skipped|error, "detail", "seconds", "codes"}``."""
    from initlint import fixer
    from initlint.engine import check_paths
    from initlint.output import render
    from initlint.rules import select_rules

    rules = rules if rules is not None else select_rules(["ALL"])
    start = time.perf_counter()
    detail = ""
    try:
        result = check_paths([path], rules, jobs=1, respect_gitignore=False)
        codes = sorted({f.code for f in result.findings})
        if as_json:
            json.loads(render(result.findings, "json"))
        if fix_diff and result.findings:
            outcome = fixer.run(result.findings, diff=True, unsafe=True, add_noqa=False)
            bad = [p for p in outcome.problems if "would not parse" not in p]
            if bad:
                detail = "; ".join(bad)
        if result.errors:
            kind, detail = "error", "\n".join(result.errors)
        elif result.skipped:
            kind, detail = "skipped", "; ".join(f"{p}: {r}" for p, r in result.skipped)
        elif "INI900" in codes:
            kind = "INI900"
            detail = next(f.message for f in result.findings if f.code == "INI900")
        else:
            kind = "findings" if codes else "clean"
    except BaseException as exc:  # noqa: BLE001 - what escapes the engine is the failure being looked for
        if isinstance(exc, KeyboardInterrupt):
            raise
        kind, codes, detail = "error", [], traceback.format_exc(limit=-8)
    return {"outcome": kind, "detail": detail, "seconds": time.perf_counter() - start, "codes": codes}


def run_cli(args: list[str], timeout: float = 60, cwd: str | None = None) -> tuple[int, str, str, float]:
    """``python -m initlint ARGS`` on this checkout: (exit status, stdout, stderr, seconds); -9 on a timeout."""
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("INITLINT_DEBUG", None)
    start = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-m", "initlint", *args], capture_output=True, text=True,
                              errors="replace", timeout=timeout, env=env, cwd=cwd)
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode("utf-8", "replace") if isinstance(exc.stdout, bytes) else exc.stdout or ""
        err = exc.stderr.decode("utf-8", "replace") if isinstance(exc.stderr, bytes) else exc.stderr or ""
        return -9, out, err + f"\n[timed out after {timeout} s]", time.perf_counter() - start
    return proc.returncode, proc.stdout, proc.stderr, time.perf_counter() - start


def cli_problems(rc: int, out: str, err: str) -> list[str]:
    """What is wrong with a CLI run by the fuzz criteria (empty: nothing)."""
    problems = []
    if rc not in (0, 1):
        problems.append(f"exit status {rc}" + (" (killed by a signal)" if rc < 0 else ""))
    for marker in ("Traceback", "internal error", "Fatal Python error", "BrokenProcessPool"):
        if marker in out or marker in err:
            problems.append(f"{marker!r} in the output")
    return problems
