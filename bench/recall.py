"""Recall on bugs rebuilt from real public bug reports (tests/real_reports.py).

For each bug class: how many cases the default rules catch, how many all rules (``--select ALL``) catch, and the
recall in the classes a rule claims to cover (the claim comes from the rule pages and is written in the corpus).
A case is caught when one of its class's rules reports the bad program with a finding its corrected twin does not
get, and the twin gets no finding of those rules that the bad program lacks. Out-of-scope cases (a class no rule
claims, or a shape the rule page says it leaves alone) are listed apart.

    python bench/recall.py            # table, then the misses
    python bench/recall.py --json     # one JSON object (for a record of the figure)
    python bench/recall.py --corpus tests/heldout_reports.py   # the held-out set (docs/recall.md)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from initlint.engine import check_source  # noqa: E402
from initlint.rules import RULES, select_rules  # noqa: E402


def load_corpus(path=None):
    path = path or ROOT / "tests" / "real_reports.py"
    spec = importlib.util.spec_from_file_location(pathlib.Path(path).stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CLASSES, module.CASES


def findings(source: str, rules) -> set:
    """(code, message) of each finding: a finding the corrected twin shares is not the bug."""
    return {(f.code, f.message) for f in check_source(source, "case.py", rules)}


def evaluate(classes, cases) -> list[dict]:
    default, every = select_rules(None), select_rules(["ALL"])
    rows = []
    for c in cases:
        claim = classes[c["cls"]] or ()
        default_claim = tuple(code for code in claim if RULES[code].default)
        row = {"id": c["id"], "cls": c["cls"], "url": c["url"], "claim": claim,
               "in_scope": bool(claim) and not c["scope"], "default_scope": bool(default_claim) and not c["scope"],
               "scope": c["scope"]}
        for label, rules, wanted in (("default", default, default_claim), ("all", every, claim)):
            bad, good = findings(c["bad"], rules), findings(c["good"], rules)
            row[f"{label}_bad"] = sorted({code for code, _ in bad})
            row[f"{label}_good"] = sorted({code for code, _ in good})
            # the bug is reported (a finding of its class that the twin lacks) and the twin gets none of the class's
            # rules' findings that the bad program lacks
            row[label] = any(code in wanted for code, _ in bad - good) and not any(
                code in wanted for code, _ in good - bad)
        # correct code gets no default finding at all
        row["good_clean"] = not row["default_good"]
        rows.append(row)
    return rows


def summary(rows) -> dict:
    dflt = [r for r in rows if r["default_scope"]]
    every = [r for r in rows if r["in_scope"]]
    return {
        "cases": len(rows),
        "in_scope": len(every),
        "default_scope": len(dflt),
        "default_caught": sum(r["default"] for r in dflt),
        "all_caught": sum(r["all"] for r in every),
        "default_recall": round(sum(r["default"] for r in dflt) / len(dflt), 3) if dflt else None,
        "all_recall": round(sum(r["all"] for r in every) / len(every), 3) if every else None,
        "good_twins_with_default_findings": [r["id"] for r in rows if not r["good_clean"]],
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--corpus", default=None, help="a corpus file (default: tests/real_reports.py)")
    args = parser.parse_args(argv)
    classes, cases = load_corpus(args.corpus)
    rows = evaluate(classes, cases)
    total = summary(rows)
    if args.json:
        print(json.dumps({"summary": total, "cases": rows}, indent=1))
        return 0
    print(f"{'class':32} {'rules':16} {'n':>3} {'default':>8} {'all':>5}")
    for cls in classes:
        mine = [r for r in rows if r["cls"] == cls]
        if not mine:
            continue
        claim = classes[cls]
        label = ",".join(f"{c}{'' if RULES[c].default else '*'}" for c in claim) if claim else "(out of scope)"
        in_scope = [r for r in mine if r["in_scope"]]
        dflt = [r for r in mine if r["default_scope"]]
        d = f"{sum(r['default'] for r in dflt)}/{len(dflt)}" if dflt else "-"
        a = f"{sum(r['all'] for r in in_scope)}/{len(in_scope)}" if in_scope else "-"
        extra = f"  (+{len(mine) - len(in_scope)} out of scope)" if claim and len(in_scope) < len(mine) else ""
        print(f"{cls:32} {label:16} {len(mine):>3} {d:>8} {a:>5}{extra}")
    print("(* = off by default)")
    print(f"\n{total['cases']} cases, {total['in_scope']} in classes a rule covers "
          f"({total['default_scope']} covered by a default rule)")
    print(f"recall, default rules, in the classes a default rule covers: {total['default_caught']}/"
          f"{total['default_scope']} = {total['default_recall']}")
    print(f"recall, all rules, in the classes a rule covers: {total['all_caught']}/{total['in_scope']} = "
          f"{total['all_recall']}")
    misses = [r for r in rows if r["in_scope"] and not r["all"]]
    if misses:
        print("\nmissed (all rules):")
        for r in misses:
            print(f"  {r['id']:32} {r['cls']:30} bad: {','.join(r['all_bad']) or '-'}  "
                  f"good: {','.join(r['all_good']) or '-'}")
    if total["good_twins_with_default_findings"]:
        print("\ncorrected twins with default findings:")
        for r in rows:
            if not r["good_clean"]:
                print(f"  {r['id']:32} {','.join(r['default_good'])}")
    out = [r for r in rows if not r["in_scope"]]
    if out:
        print("\nout of scope:")
        for r in out:
            why = r["scope"] or "no rule claims the class"
            print(f"  {r['id']:32} {r['cls']:30} {why}  (default findings on bad: {','.join(r['default_bad']) or '-'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
