"""Run ``initlint check`` over the model zoo and list every finding for triage.

Prints, per zoo tree: lines of Python (plain line count of .py files), count
per rule, findings per 100k lines; then the full list of findings
(path relative to the zoo, line, code, message).  ``--json OUT`` writes the
raw list (initlint's JSON records, with ``tree`` and zoo-relative ``path``).

    python bench/precision.py --zoo DIR [--select INI] [--trees ...] [--json OUT]
        [--initlint PATH]
    python bench/precision.py --root DIR [--trees a,b,...]   # any unpacked packages, one folder each

With ``--root``, every folder under DIR (or those named by ``--trees``) is a tree; nothing is downloaded.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import zoo as zoo_mod  # noqa: E402


def count_lines(root: Path) -> tuple[int, int]:
    files = lines = 0
    for p in root.rglob("*.py"):
        files += 1
        with open(p, "rb") as f:
            lines += sum(1 for _ in f)
    return files, lines


def run_initlint(initlint: str, select: str, rel: Path, cwd: Path) -> list[dict]:
    cmd = [initlint, "check", "--select", select, "--output-format", "json", "--exit-zero", str(rel)]
    r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed (rc={r.returncode}):\n{r.stderr[-2000:]}")
    return json.loads(r.stdout or "[]")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    zoo_mod.add_zoo_argument(ap)
    ap.add_argument("--trees", default=None, help="comma-separated trees (default: the zoo's, or every folder"
                    " under --root)")
    ap.add_argument("--root", type=Path, default=None,
                    help="a folder of unpacked packages, one folder per tree (instead of the zoo)")
    ap.add_argument("--select", default="INI", help="rule selection passed to initlint (default: INI)")
    ap.add_argument("--initlint", default=None)
    ap.add_argument("--json", type=Path, default=None, help="write the raw findings here")
    args = ap.parse_args(argv)

    initlint = args.initlint or shutil.which("initlint")
    if not initlint:
        raise SystemExit("initlint not found (pass --initlint PATH)")
    if args.root is not None:
        root = args.root.resolve()
        names = args.trees.split(",") if args.trees else sorted(p.name for p in root.iterdir() if p.is_dir())
        trees = [t for t in names if t]
        missing = [t for t in trees if not (root / t).is_dir()]
        if missing:
            raise SystemExit(f"not a folder under {root}: {', '.join(missing)}")
        paths = {t: root / t for t in trees}
        zoo_root = root
    else:
        trees = [t for t in (args.trees or ",".join(zoo_mod.PACKAGES)).split(",") if t]
        paths = zoo_mod.ensure_zoo(args.zoo, trees)
        zoo_root = next(iter(paths.values())).parent.parent

    findings: list[dict] = []
    stats = {}
    for tree in trees:
        rel = paths[tree].relative_to(zoo_root)
        files, lines = count_lines(paths[tree])
        recs = run_initlint(initlint, args.select, rel, zoo_root)
        for rec in recs:
            fn = Path(rec["filename"])
            path = fn.relative_to(zoo_root) if fn.is_absolute() else fn
            findings.append({"tree": tree, "path": str(path), **rec})
        stats[tree] = (files, lines, Counter(r["code"] for r in recs))

    codes = sorted({c for _, _, cnt in stats.values() for c in cnt})
    print(f"zoo: {zoo_root}   initlint: {initlint}   --select {args.select}")
    print()
    hdr = f"{'tree':<24}{'.py files':>10}{'lines':>10}{'findings':>10}{'per 100k':>10}" + "".join(f"{c:>9}" for c in codes)
    print(hdr)
    tot_f = tot_l = 0
    tot_c: Counter = Counter()
    for tree in trees:
        files, lines, cnt = stats[tree]
        n = sum(cnt.values())
        tot_f += files
        tot_l += lines
        tot_c += cnt
        print(f"{tree:<24}{files:>10}{lines:>10}{n:>10}{n * 1e5 / max(lines, 1):>10.2f}" + "".join(f"{cnt.get(c, 0):>9}" for c in codes))
    n = sum(tot_c.values())
    print(f"{'total':<24}{tot_f:>10}{tot_l:>10}{n:>10}{n * 1e5 / max(tot_l, 1):>10.2f}" + "".join(f"{tot_c.get(c, 0):>9}" for c in codes))
    print()
    print("findings (path relative to the zoo:line  code  message):")
    for f in sorted(findings, key=lambda f: (f["path"], f["location"]["row"], f["code"])):
        print(f"{f['path']}:{f['location']['row']}  {f['code']}  {f['message']}")
    if args.json:
        args.json.write_text(json.dumps(findings, indent=2) + "\n")
        print(f"\nwrote {len(findings)} findings to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
