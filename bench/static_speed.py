"""Wall-clock and peak-RSS comparison of ``initlint check`` against flake8 and TorchFix.

Targets (from the issue): on timm, ``initlint check`` takes at most the wall
time of ``flake8 -j 2``, and is at least 10x faster than ``torchfix``.

Tools are run round-robin (tool order rotated every round) in one process,
one subprocess at a time, output discarded; exit codes are ignored (the tools
exit non-zero when they report findings).  Wall time: time.perf_counter around
the subprocess.  Peak RSS: ``/usr/bin/time -v`` "Maximum resident set size"
(for a multi-process tool this is the largest single process of the tree, not
the sum), else psutil polling if installed, else n/a.

    python bench/static_speed.py --zoo DIR [--rounds 3] [--torchfix-rounds 1]
        [--trees timm,torchvision] [--skip torchfix] [--torchfix-trees timm]
        [--flake8 PATH] [--torchfix PATH] [--initlint PATH]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import zoo as zoo_mod  # noqa: E402

GNU_TIME = "/usr/bin/time"


def _gnu_time_ok() -> bool:
    if not os.access(GNU_TIME, os.X_OK):
        return False
    try:
        r = subprocess.run([GNU_TIME, "-v", "true"], capture_output=True, text=True)
    except OSError:
        return False
    return "Maximum resident set size" in r.stderr


def _run_psutil(cmd, cwd):
    import psutil  # type: ignore

    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    proc = psutil.Process(p.pid)
    peak = 0
    while p.poll() is None:
        try:
            rss = proc.memory_info().rss
            for c in proc.children(recursive=True):
                try:
                    rss = max(rss, c.memory_info().rss)
                except psutil.Error:
                    pass
            peak = max(peak, rss)
        except psutil.Error:
            pass
        time.sleep(0.05)
    wall = time.perf_counter() - t0
    return wall, peak / 2**20 if peak else None, p.returncode


def run_once(cmd: list[str], cwd: Path, rss_mode: str):
    """Return (wall seconds, peak RSS MB or None, exit code)."""
    if rss_mode == "gnu-time":
        with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
            t0 = time.perf_counter()
            r = subprocess.run(
                [GNU_TIME, "-v", "-o", tf.name, *cmd],
                cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            wall = time.perf_counter() - t0
            m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", Path(tf.name).read_text())
            rss = int(m.group(1)) / 1024 if m else None
            return wall, rss, r.returncode
    if rss_mode == "psutil":
        return _run_psutil(cmd, cwd)
    t0 = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0, None, r.returncode


def _which(explicit: str | None, name: str) -> str | None:
    if explicit:
        return explicit
    return shutil.which(name)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    zoo_mod.add_zoo_argument(ap)
    ap.add_argument("--trees", default="timm,torchvision", help="comma-separated zoo packages")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--torchfix-rounds", type=int, default=1)
    ap.add_argument("--torchfix-trees", default=None,
                    help="comma-separated trees to run torchfix on (default: all --trees)")
    ap.add_argument("--skip", action="append", default=[],
                    help="tool to skip: flake8, torchfix, initlint-j1 (repeatable or comma-separated)")
    ap.add_argument("--flake8", default=None)
    ap.add_argument("--torchfix", default=None)
    ap.add_argument("--initlint", default=None)
    args = ap.parse_args(argv)

    skip = {s for item in args.skip for s in item.split(",") if s}
    trees = [t for t in args.trees.split(",") if t]
    tf_trees = set(args.torchfix_trees.split(",")) if args.torchfix_trees else set(trees)
    paths = zoo_mod.ensure_zoo(args.zoo, trees)
    zoo_root = next(iter(paths.values())).parent.parent

    exe = {
        "initlint": _which(args.initlint, "initlint"),
        "flake8": _which(args.flake8, "flake8"),
        "torchfix": _which(args.torchfix, "torchfix"),
    }
    if not exe["initlint"]:
        raise SystemExit("initlint not found (pass --initlint PATH)")

    if _gnu_time_ok():
        rss_mode = "gnu-time"
    else:
        try:
            import psutil  # noqa: F401
            rss_mode = "psutil"
        except ImportError:
            rss_mode = "none"

    def version(path, flag="--version"):
        try:
            out = subprocess.run([path, flag], capture_output=True, text=True, timeout=60)
            return (out.stdout or out.stderr).strip().splitlines()[0]
        except Exception as e:  # noqa: BLE001
            return f"? ({e})"

    print(f"zoo: {zoo_root}")
    print(f"cpus: {os.cpu_count()}  rss: {rss_mode}  rounds: {args.rounds}  torchfix rounds: {args.torchfix_rounds}")
    for name, path in exe.items():
        if path and name not in skip:
            print(f"  {name}: {path}  [{version(path)}]")
    print()

    all_ok = True
    for tree in trees:
        rel = paths[tree].relative_to(zoo_root)  # e.g. timm/timm, run with cwd=zoo_root
        nfiles = sum(1 for _ in paths[tree].rglob("*.py"))
        tools: list[tuple[str, list[str], int]] = [
            ("initlint", [exe["initlint"], "check", str(rel)], args.rounds),
        ]
        if "initlint-j1" not in skip:
            tools.append(("initlint -j1", [exe["initlint"], "check", "-j", "1", str(rel)], args.rounds))
        if "flake8" not in skip:
            if exe["flake8"]:
                tools.append(("flake8 -j2", [exe["flake8"], "-j", "2", str(rel)], args.rounds))
            else:
                print("flake8 not found; skipped", file=sys.stderr)
        if "torchfix" not in skip and tree in tf_trees:
            if exe["torchfix"]:
                tools.append(("torchfix", [exe["torchfix"], str(rel)], args.torchfix_rounds))
            else:
                print("torchfix not found; skipped", file=sys.stderr)

        results: dict[str, list[tuple[float, float | None, int]]] = {n: [] for n, _, _ in tools}
        load0 = os.getloadavg()
        nmax = max(r for _, _, r in tools)
        for rnd in range(nmax):
            order = tools[rnd % len(tools):] + tools[: rnd % len(tools)]
            for name, cmd, reps in order:
                if rnd >= reps:
                    continue
                wall, rss, rc = run_once(cmd, zoo_root, rss_mode)
                results[name].append((wall, rss, rc))
                rs = f"{rss:.0f} MB" if rss is not None else "n/a"
                print(f"  [{tree} round {rnd + 1}] {name:<13} {wall:8.2f} s  {rs:>8}  rc={rc}", flush=True)
        load1 = os.getloadavg()

        print()
        print(f"== {tree} ({rel}, {nfiles} .py files)  loadavg before {load0[0]:.2f} after {load1[0]:.2f}")
        print(f"{'tool':<14}{'runs':>5}{'median s':>11}{'min s':>9}{'peak RSS MB':>13}")
        med = {}
        for name, _, _ in tools:
            rs = results[name]
            walls = [w for w, _, _ in rs]
            rsss = [m for _, m, _ in rs if m is not None]
            med[name] = statistics.median(walls)
            peak = f"{max(rsss):.0f}" if rsss else "n/a"
            print(f"{name:<14}{len(rs):>5}{med[name]:>11.2f}{min(walls):>9.2f}{peak:>13}")
        base = med["initlint"]
        print("ratios (median wall / initlint median wall):")
        if "flake8 -j2" in med:
            r = med["flake8 -j2"] / base
            ok = r >= 1.0
            all_ok &= ok or tree != "timm"
            print(f"  flake8 -j2 / initlint = {r:.2f}x   (target >= 1.0 on timm: {'met' if ok else 'NOT met'})")
        if "torchfix" in med:
            r = med["torchfix"] / base
            ok = r >= 10.0
            all_ok &= ok or tree != "timm"
            print(f"  torchfix / initlint   = {r:.2f}x   (target >= 10 on timm: {'met' if ok else 'NOT met'})")
        if "initlint -j1" in med:
            print(f"  initlint -j1 / initlint = {med['initlint -j1'] / base:.2f}x")
        print(flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
