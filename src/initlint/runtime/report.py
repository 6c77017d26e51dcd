"""Text rendering of a :class:`~initlint.runtime.verify.Report`."""
from __future__ import annotations

from typing import Any

__all__ = ["format_text", "format_p"]


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


def format_text(report) -> str:
    head = ["parameter", "layer", "shape", "expected", "mean", "std", "min", "max", "verdict", "p-value"]
    rows = []
    for e in report.entries:
        name = e.name + (f" (= {', '.join(e.names[1:])})" if len(e.names) > 1 else "")
        expected = e.expected if report.command == "verify" else e.best_match
        st = e.stats or {}
        rows.append([name, e.layer, "x".join(str(s) for s in e.shape) or "scalar", _cut(expected, 60),
                     _g(st.get("mean")), _g(st.get("std")), _g(st.get("min")), _g(st.get("max")),
                     e.verdict.upper() if e.verdict in ("fail", "overwritten", "uninitialized") else e.verdict,
                     format_p(e.p_value)])
    if report.command == "inspect":
        head[3] = "best match"
    widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
    lines = [f"initlint {report.command} {report.target}"]
    lines.append("  ".join(h.ljust(w) for h, w in zip(head, widths)).rstrip())
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines.append("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
    details = []
    for e in report.entries:
        bits = []
        if e.reason and e.verdict not in ("pass", "identified", "default"):
            bits.append(e.reason)
        if report.command == "verify" and e.verdict in ("fail", "overwritten", "inconclusive", "unchecked") \
                and e.best_match and e.best_match != e.expected:
            bits.append(f"looks like: {e.best_match}")
        if e.rule and report.command == "verify" and e.verdict in ("fail", "overwritten") \
                and not e.rule.startswith("not covered"):
            bits.append(f"rule: {e.rule}")
        if bits:
            details.append(f"  {e.name}: " + "; ".join(bits))
    if details:
        lines.append("")
        lines.append("details:")
        lines.extend(details)
    if report.notes:
        lines.append("")
        lines.append("notes:")
        lines.extend(f"  - {n}" for n in report.notes)
    counts = report.counts()
    summary = ", ".join(f"{v} {k}" for k, v in sorted(counts.items()))
    lines.append("")
    if report.command == "verify":
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
        lines.append(line)
    else:
        lines.append(f"{len(report.entries)} parameter(s): {summary or 'none'}")
    return "\n".join(lines)
