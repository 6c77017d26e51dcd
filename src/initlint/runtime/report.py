"""Text rendering of a :class:`~initlint.runtime.verify.Report`.

``verify`` prints a summary first (counts per verdict and per layer type), then one line per distinct problem
with the names of the tensors that share it grouped (``encoder.layer.{0..11}.attention.self.query.weight``),
fitted to the terminal's width (``COLUMNS`` is respected). ``verbose`` prints every tensor with its detail.
"""
from __future__ import annotations

import re
import shutil
import textwrap
from typing import Any

__all__ = ["format_text", "format_p", "problem_groups", "compress_names"]


def format_p(p: float | None) -> str:
    if p is None:
        return "exact"
    if p == 0:
        return "0"
    if p < 1e-3:
        return f"{p:.1e}"
    return f"{p:.3f}"


def _g(x: Any) -> str:
    if x is None:
        return "-"
    return f"{x:.4g}"


def _cut(s: str | None, n: int) -> str:
    s = s or "-"
    return s if len(s) <= n else s[: n - 1] + "~"


#: the order problems are listed in (verdicts not named here are not problems: pass, pretrained, computed)
PROBLEM_VERDICTS = ("fail", "overwritten", "uninitialized", "unverifiable", "not materialized", "inconclusive",
                    "unchecked", "skipped")
_LOUD = ("fail", "overwritten", "uninitialized")
_NUM = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:e[-+]?\d+)?(?![\w.])")
_MIN_WIDTH = 40


def _verdict(v: str) -> str:
    return v.upper() if v in _LOUD else v


def _shape(e) -> str:
    return "x".join(str(s) for s in e.shape) or "scalar"


def _table(report) -> list[str]:
    head = ["parameter", "layer", "shape", "expected", "mean", "std", "min", "max", "verdict", "p-value"]
    rows = []
    for e in report.entries:
        name = e.name + (f" (= {', '.join(e.names[1:])})" if len(e.names) > 1 else "")
        expected = e.expected if report.command == "verify" else e.best_match
        st = e.stats or {}
        rows.append([name, e.layer, _shape(e), _cut(expected, 60),
                     _g(st.get("mean")), _g(st.get("std")), _g(st.get("min")), _g(st.get("max")),
                     _verdict(e.verdict), format_p(e.p_value)])
    if report.command == "inspect":
        head[3] = "best match"
    widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
    lines = ["  ".join(h.ljust(w) for h, w in zip(head, widths)).rstrip(), "  ".join("-" * w for w in widths)]
    for r in rows:
        lines.append("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
    return lines


def _detail_bits(e, command: str, rule: bool = True) -> list[str]:
    """What is said about one tensor beyond its row: why, what it looks like, the declaring rule."""
    bits = []
    if e.reason and e.verdict not in ("pass", "identified", "default"):
        bits.append(e.reason)
    if command == "verify" and e.verdict in ("fail", "overwritten", "inconclusive", "unchecked") \
            and e.best_match and e.best_match != e.expected:
        bits.append(f"looks like: {e.best_match}")
    if rule and e.rule and command == "verify" and e.verdict in ("fail", "overwritten") \
            and not e.rule.startswith("not covered"):
        bits.append(f"rule: {e.rule}")
    return bits


def _template(text: str, names: list[str]) -> tuple[str, list[str]]:
    """``text`` without the tensor's own names, and with its numbers cut out: (template, numbers)."""
    for n in sorted(names, key=len, reverse=True):
        text = text.replace(n, "<tensor>")
    return _NUM.sub("\0", text), _NUM.findall(text)


def _fill(template: str, columns: list[list[str]]) -> str:
    """The template with each number slot filled: the value when every member has the same, else the few
    values seen, else their range."""
    out = []
    pieces = template.split("\0")
    for i, piece in enumerate(pieces):
        out.append(piece)
        if i == len(pieces) - 1:
            break
        seen = list(dict.fromkeys(col[i] for col in columns))
        if len(seen) == 1:
            out.append(seen[0])
        elif len(seen) <= 3:
            out.append("{" + ",".join(seen) + "}")
        else:
            vals = sorted(float(v) for v in seen)
            out.append(f"{vals[0]:.4g}..{vals[-1]:.4g}")
    return "".join(out)


def problem_groups(report) -> list[dict[str, Any]]:
    """Tensors that share a problem: the same verdict and the same detail once the tensor's own name and the
    numbers are taken out. Each group: verdict, detail (numbers that differ shown as their values or range),
    count, names (every tensor's first name, in model order), layers ({layer type: count})."""
    groups: dict[tuple, dict[str, Any]] = {}
    for e in report.entries:
        if e.verdict not in PROBLEM_VERDICTS:
            continue
        why = "; ".join(_detail_bits(e, report.command, rule=False)[:1]) or "-"
        if e.expected and e.expected not in why and e.verdict not in ("not materialized", "skipped"):
            why = f"{why} (expected {e.expected})" if why != "-" else f"expected {e.expected}"
        tmpl, nums = _template(why, e.names)
        g = groups.setdefault((e.verdict, tmpl), {"verdict": e.verdict, "template": tmpl, "numbers": [],
                                                  "names": [], "layers": {}, "looks": []})
        g["numbers"].append(nums)
        g["names"].append(e.name)
        g["layers"][e.layer] = g["layers"].get(e.layer, 0) + 1
        if report.command == "verify" and e.best_match and e.best_match != e.expected \
                and e.verdict in ("fail", "overwritten", "inconclusive", "unchecked"):
            g["looks"].append(_template(e.best_match, e.names))
    out = []
    for g in sorted(groups.values(), key=lambda g: PROBLEM_VERDICTS.index(g["verdict"])):  # stable: model order
        detail = _fill(g["template"], g["numbers"])
        looks = g.pop("looks")
        if looks and len(looks) == len(g["names"]) and len({t for t, _ in looks}) == 1:
            detail += "; looks like: " + _fill(looks[0][0], [n for _, n in looks])
        out.append({"verdict": g["verdict"], "detail": detail, "count": len(g["names"]), "names": g["names"],
                    "layers": g["layers"]})
    return out


# --------------------------------------------------------------------------- name compression
def _ranges(values: list[int]) -> str:
    if len(values) == 1:
        return str(values[0])
    runs: list[list[int]] = []
    for v in values:
        if runs and v == runs[-1][-1] + 1:
            runs[-1].append(v)
        else:
            runs.append([v])
    return "{" + ",".join(f"{r[0]}..{r[-1]}" if len(r) > 2 else ",".join(map(str, r)) for r in runs) + "}"


def compress_names(names: list[str], coarse: bool = False) -> list[tuple[str, int]]:
    """Dotted tensor names grouped into patterns, each with how many names it stands for, in model order:
    indices into ``{0..11}`` (``*`` with the count when they do not form a full grid), then names that differ
    in one part only into ``{query,key,value}``. ``coarse``: every part with alternatives is written ``*``
    (``encoder.layer.*.attention.self.*.weight (36)``)."""
    by_key: dict[tuple, list[tuple[tuple[int, ...], str]]] = {}
    for n in names:
        parts = n.split(".")
        key = tuple(None if p.isdigit() else p for p in parts)
        by_key.setdefault(key, []).append((tuple(int(p) for p in parts if p.isdigit()), n))
    pats: list[tuple[list[tuple[str, ...]], int, bool]] = []  # (parts as alternatives, count, has a '*')
    for key, members in by_key.items():
        if len(members) == 1:
            pats.append(([(p,) for p in members[0][1].split(".")], 1, False))
            continue
        k = len(members[0][0])
        sets = [sorted({m[0][i] for m in members}) for i in range(k)]
        grid = 1
        for s in sets:
            grid *= len(s)
        star = grid != len(members)
        slots = iter([_ranges(s) if not star or len(s) == 1 else "*" for s in sets])
        pats.append(([(p,) if p is not None else (next(slots),) for p in key], len(members), star))
    changed = True
    while changed:
        changed = False
        for i in range(max((len(p[0]) for p in pats), default=0) - 1, -1, -1):
            merged: dict[tuple, int] = {}
            out: list[tuple[list[tuple[str, ...]], int, bool]] = []
            for parts, count, star in pats:
                if len(parts) <= i or any(a[:1] in ("{", "*") or a.isdigit() for a in parts[i]):
                    out.append((parts, count, star))
                    continue
                key = (len(parts), tuple(parts[:i]), tuple(parts[i + 1:]))
                if key in merged:
                    j = merged[key]
                    p0, c0, s0 = out[j]
                    p0 = list(p0)
                    p0[i] = tuple(dict.fromkeys(p0[i] + parts[i]))
                    out[j] = (p0, c0 + count, s0 or star)
                    changed = True
                else:
                    merged[key] = len(out)
                    out.append((parts, count, star))
            pats = out
    rendered = []
    for parts, count, star in pats:
        if coarse:
            star = star or any(len(a) > 1 or a[0][:1] == "{" for a in parts)
            text = ".".join("*" if len(a) > 1 or a[0][:1] == "{" else a[0] for a in parts)
        else:
            text = ".".join(a[0] if len(a) == 1 else "{" + ",".join(a) + "}" for a in parts)
        rendered.append((text + (f" ({count})" if star else ""), count))
    return rendered


# --------------------------------------------------------------------------- layout
def terminal_width() -> int:
    """The width to fit: ``COLUMNS`` when set, else the terminal's, else 80."""
    return max(_MIN_WIDTH, shutil.get_terminal_size((80, 24)).columns)


def _wrap(text: str, width: int, indent: str, first: str | None = None, max_lines: int | None = None) -> list[str]:
    w = textwrap.TextWrapper(width=width, initial_indent=indent if first is None else first,
                             subsequent_indent=indent, break_on_hyphens=False, max_lines=max_lines,
                             placeholder=" ...")
    return w.wrap(text) or [(indent if first is None else first).rstrip()]


def _names_line(head: str, names: list[str], width: int) -> str:
    """``head`` then the compressed names, as many as fit in ``width``, then ``+N more``: the exact patterns
    (``{0..11}``, ``{query,key}``) when they fit, else the coarse ones (``*``) when these name more tensors."""
    fine = _fit(head, compress_names(names), width)
    if fine[1] < len(names):
        coarse = _fit(head, compress_names(names, coarse=True), width)
        if coarse[1] > fine[1]:
            return coarse[0]
    return fine[0]


def _fit(head: str, pats: list[tuple[str, int]], width: int) -> tuple[str, int]:
    line = head
    shown = 0
    for i, (pat, count) in enumerate(pats):
        rest = sum(c for _, c in pats[i + 1:])
        tail = f", +{rest} more" if rest else ""
        sep = ", " if i else ""
        if len(line) + len(sep) + len(pat) + len(tail) <= width:
            line += sep + pat
            shown += count
            continue
        left = sum(c for _, c in pats[i:])
        more = f"{sep}+{left} more"
        if i == 0:  # not even the first fits: cut it
            room = width - len(line) - len(more) - 5
            line += (pat[:max(room, 8)] + "...") + f" (+{left - count} more)" * (left > count)
        elif len(line) + len(more) <= width:
            line += more
        break
    return line[:width], shown


def _verdict_line(report) -> str:
    counts = report.counts()
    summary = ", ".join(f"{v} {k}" for k, v in sorted(counts.items(), key=lambda kv: _rank(kv[0])))
    unverified = len(report.unverified)
    checked = len(report.entries) - unverified
    if report.failed:
        verdict = f"FAILED ({len(report.failed)} tensor(s) do not match)"
    elif unverified and report.strict:
        verdict = f"FAILED (--strict: {unverified} tensor(s) could not be verified)"
    elif unverified and not checked:
        verdict = "NOT VERIFIED (no tensor could be verified)"
    elif unverified:
        verdict = "INCOMPLETE (no failures)"
    else:
        verdict = "PASSED"
    line = f"{verdict}: {summary or 'no parameters'}"
    if unverified:
        line += f"; {unverified} tensor(s) could not be verified" + ("" if report.strict else
                                                                     " (--strict makes this exit 1)")
    return line


def _rank(v: str) -> tuple:
    return (PROBLEM_VERDICTS.index(v) if v in PROBLEM_VERDICTS else len(PROBLEM_VERDICTS), v)


def _by_layer(report) -> str:
    layers: dict[str, dict[str, int]] = {}
    for e in report.entries:
        d = layers.setdefault(e.layer, {})
        d[e.verdict] = d.get(e.verdict, 0) + 1
    parts = []
    for layer, d in sorted(layers.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        parts.append(f"{layer} {sum(d.values())} (" + ", ".join(f"{d[v]} {_verdict(v)}"
                                                                for v in sorted(d, key=_rank)) + ")")
    return "; ".join(parts)


def format_text(report, verbose: bool = False, width: int | None = None) -> str:
    """The report for people. ``verify``: the summary (verdict, counts per verdict and per layer type), then one
    line per distinct problem with the tensors' names grouped, then the notes, fitted to ``width`` (default: the
    terminal's). ``verbose`` (and ``inspect``) add the table of every tensor and every tensor's detail."""
    width = width or terminal_width()
    title = f"initlint {report.command} "
    target = str(report.target)
    if len(title) + len(target) > width:  # the end of a long path says most
        target = "..." + target[len(title) + len(target) + 3 - width:]
    lines = [title + target]
    if report.command != "verify":
        lines.extend(_table(report))
        lines.extend(_details(report, width))
        lines.extend(_notes(report, width))
        counts = report.counts()
        summary = ", ".join(f"{v} {k}" for k, v in sorted(counts.items()))
        lines.append("")
        lines.append(f"{len(report.entries)} parameter(s): {summary or 'none'}")
        return "\n".join(lines)
    lines.extend(_wrap(_verdict_line(report), width, "    ", ""))
    if report.entries:
        lines.extend(_wrap(_by_layer(report), width, "    ", "by layer: "))
    if verbose:
        lines.append("")
        lines.extend(_table(report))
        lines.extend(_details(report, width))
    else:
        groups = problem_groups(report)
        if groups:
            lines.append("")
            n = sum(g["count"] for g in groups)
            lines.extend(_wrap(f"{len(groups)} distinct problem(s) in {n} tensor(s) (-v lists every tensor):",
                               width, "    ", ""))
            for g in groups:
                layers = "/".join(sorted(g["layers"], key=lambda k: (-g["layers"][k], k)))
                head = f"  {_verdict(g['verdict'])} x{g['count']} {layers}: "
                if len(head) > width // 2:
                    head = f"  {_verdict(g['verdict'])} x{g['count']}: "
                lines.append(_names_line(head, g["names"], width))
                lines.extend(_wrap(g["detail"], width, "      ", max_lines=4))
    lines.extend(_notes(report, width, max_lines=None if verbose else 4))
    return "\n".join(lines)


def _details(report, width: int) -> list[str]:
    details = []
    for e in report.entries:
        bits = _detail_bits(e, report.command)
        if bits:
            details.extend(_wrap(f"{e.name}: " + "; ".join(bits), width, "      ", "  "))
    return ["", "details:"] + details if details else []


def _notes(report, width: int, max_lines: int | None = None) -> list[str]:
    if not report.notes:
        return []
    out = [""]
    for n in report.notes:
        out.extend(_wrap(n, width, "      ", "note: ", max_lines=max_lines))
    return out
