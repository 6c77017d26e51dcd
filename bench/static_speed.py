"""Wall time and peak memory of ``initlint check`` (cold, warm) against flake8, ruff, TorchFix and libcst's parse.

Targets (issue 11), on timm:
- warm ``initlint check`` (the second run, with the cache) takes at most 0.05x the cold run;
- with ``--context`` over the tree, checking one changed file (cache warm) costs at most 2x checking it alone;
- cold takes at most 0.8x ``flake8 -j 2`` (flake8's default plugins only) and at most 1.2x the parse-only floor
  (the same files parsed with ``libcst.parse_module`` over the same number of processes);
- initlint's flake8 plugin costs under 1 ms on a file with no torch code.

flake8 and ruff run from a virtual environment of their own outside the repository (created on first use:
``python -m venv DIR`` then ``pip install flake8 ruff``), so flake8 loads its default plugins only (not
initlint's or TorchFix's). TorchFix (``--torchfix``; slow) gets a second environment. initlint runs as
``python -m initlint`` with this interpreter (so ``PYTHONPATH`` picks the checkout).

Each tree is copied to a temporary folder first (the ``--context`` case edits a file there). Per round, in this
order: initlint cold (an empty ``--cache-dir``), initlint warm (the same cache again), initlint ``--no-cache``,
flake8, ruff, the parse floor, TorchFix; then the ``--context`` cases. Exit codes are ignored (the tools exit
1 on findings). Wall time: perf_counter around the subprocess. Peak RSS: ``/usr/bin/time -v`` (the largest
single process of the tree), else n/a.

    python bench/static_speed.py [--zoo DIR] [--trees timm,transformers] [--rounds 1] [--jobs 2]
        [--venv DIR] [--torchfix] [--skip TOOL,...] [--context-file TREE=PATH ...]

Not part of the test suite.
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
DEFAULT_VENV = os.path.join(tempfile.gettempdir(), "initlint-bench-venv")
#: a typical model file of each tree, for the --context cases
CONTEXT_FILES = {"timm": "timm/models/resnet.py", "transformers": "transformers/models/bert/modeling_bert.py",
                 "torchvision": "torchvision/models/resnet.py"}


def _gnu_time_ok() -> bool:
    if not os.access(GNU_TIME, os.X_OK):
        return False
    try:
        r = subprocess.run([GNU_TIME, "-v", "true"], capture_output=True, text=True)
    except OSError:
        return False
    return "Maximum resident set size" in r.stderr


def run_once(cmd: list[str], cwd: Path, gnu_time: bool, env=None):
    """(wall seconds, peak RSS MB or None, exit code)."""
    if gnu_time:
        with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
            t0 = time.perf_counter()
            r = subprocess.run([GNU_TIME, "-v", "-o", tf.name, *cmd], cwd=cwd, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall = time.perf_counter() - t0
            m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", Path(tf.name).read_text())
            return wall, (int(m.group(1)) / 1024 if m else None), r.returncode
    t0 = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0, None, r.returncode


def _clean_env() -> dict:
    """The environment for the other tools: no PYTHONPATH, so that they see only their own packages."""
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    return env


def ensure_venv(folder: str, packages: list[str], binary: str) -> str:
    """A virtual environment with ``packages`` (created on first use); the path of ``binary`` in it."""
    exe = os.path.join(folder, "bin", binary)
    if not os.access(exe, os.X_OK):
        print(f"+ creating {folder} with {' '.join(packages)}", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, "-m", "venv", folder], check=True)
        subprocess.run([os.path.join(folder, "bin", "python"), "-m", "pip", "install", "-q", *packages],
                       check=True, env=_clean_env())
    return exe


def version_of(cmd: list[str], env=None) -> str:
    try:
        out = subprocess.run([*cmd, "--version"], capture_output=True, text=True, timeout=120, env=env)
        return ((out.stdout or out.stderr).strip().splitlines() or ["?"])[0]
    except Exception as exc:  # noqa: BLE001
        return f"? ({exc})"


# ---- the parse-only floor (run as a subprocess of this script) ------------------------------------------
def _parse_one(path: str) -> int:
    import libcst

    try:
        with open(path, "rb") as handle:
            data = handle.read()
        libcst.parse_module(data)
    except Exception:  # noqa: BLE001 - a file libcst cannot parse still counts as read
        return 0
    return 1


def parse_floor(list_file: str, jobs: int) -> int:
    """``libcst.parse_module`` on every file listed, over ``jobs`` processes, largest files first."""
    import multiprocessing

    files = [line for line in Path(list_file).read_text().splitlines() if line]
    files.sort(key=lambda p: os.path.getsize(p), reverse=True)
    if jobs <= 1:
        ok = sum(_parse_one(f) for f in files)
    else:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            ok = sum(pool.imap_unordered(_parse_one, files, chunksize=1))
    print(f"parsed {ok}/{len(files)}")
    return 0


# ---- the flake8 plugin on files without torch -----------------------------------------------------------
def plugin_cost(files: list[str]) -> tuple[int, float, float, float]:
    """(files, median ms, mean ms, max ms) of initlint's flake8 plugin on the files that never mention torch,
    with the default rules selected (flake8 reads the file; the plugin gets its lines)."""
    from initlint.flake8_plugin import Plugin, rule_table

    Plugin.selected = frozenset(code for code, default in rule_table().items() if default)
    texts = []
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = handle.readlines()
        if "torch" not in "".join(lines):
            texts.append((path, lines))
    for path, lines in texts:  # once first: what a flake8 process pays once (first calls), not per file
        list(Plugin(None, path, lines).run())
    times = []
    for path, lines in texts:  # the best of five: the plugin's cost, not the scheduler's
        best = float("inf")
        for _ in range(5):
            t0 = time.perf_counter()
            list(Plugin(None, path, lines).run())
            best = min(best, time.perf_counter() - t0)
        times.append(best * 1000)
    if not times:
        return 0, 0.0, 0.0, 0.0
    return len(times), statistics.median(times), statistics.mean(times), max(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    zoo_mod.add_zoo_argument(ap)
    ap.add_argument("--trees", default="timm,transformers", help="comma-separated zoo packages")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2, help="processes for initlint, flake8 and the parse floor")
    ap.add_argument("--venv", default=DEFAULT_VENV, help="virtual environment for flake8 and ruff (made if missing)")
    ap.add_argument("--torchfix", action="store_true", help="also time TorchFix (slow; its own environment)")
    ap.add_argument("--skip", action="append", default=[],
                    help="skip: flake8, ruff, floor, nocache, context, plugin (repeatable or comma-separated)")
    ap.add_argument("--context-file", action="append", default=[], metavar="TREE=PATH",
                    help="the file of the --context cases, relative to the tree (default: a resnet/bert file)")
    ap.add_argument("--parse-floor", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.parse_floor:
        return parse_floor(args.parse_floor, args.jobs)

    skip = {s for item in args.skip for s in item.split(",") if s}
    trees = [t for t in args.trees.split(",") if t]
    context_files = dict(CONTEXT_FILES)
    context_files.update(dict(item.split("=", 1) for item in args.context_file))
    sources = zoo_mod.ensure_zoo(args.zoo, trees)
    gnu_time = _gnu_time_ok()
    clean = _clean_env()
    initlint = [sys.executable, "-m", "initlint"]
    flake8 = ensure_venv(args.venv, ["flake8", "ruff"], "flake8") if not {"flake8", "ruff"} <= skip else None
    ruff = os.path.join(args.venv, "bin", "ruff")
    torchfix = None
    if args.torchfix:  # TorchFix and its dependencies, not torch (it does not need it to check code)
        torchfix = ensure_venv(args.venv + "-torchfix", ["torchfix", "--no-deps", "libcst", "PyYAML"], "torchfix")

    print(f"cpus: {os.cpu_count()}  jobs: {args.jobs}  rounds: {args.rounds}  rss: "
          f"{'/usr/bin/time -v' if gnu_time else 'n/a'}  loadavg: {os.getloadavg()[0]:.2f}")
    print(f"  initlint: {' '.join(initlint)}  [{version_of(initlint)}]")
    if flake8:
        print(f"  flake8: {flake8}  [{version_of([flake8], clean)}]")
        print(f"  ruff: {ruff}  [{version_of([ruff], clean)}]")
    if torchfix:
        print(f"  torchfix: {torchfix}")
    print(flush=True)

    work = Path(tempfile.mkdtemp(prefix="initlint-bench-"))
    try:
        for tree in trees:
            _bench_tree(tree, sources[tree], work, args, skip, gnu_time, clean, initlint, flake8, ruff, torchfix,
                        context_files.get(tree))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _bench_tree(tree, source, work, args, skip, gnu_time, clean, initlint, flake8, ruff, torchfix, context_file):
    root = work / tree
    shutil.copytree(source, root / tree)
    rel = tree
    listed = subprocess.run([*initlint, "check", "--show-files", rel], cwd=root, capture_output=True, text=True)
    files = [line for line in listed.stdout.splitlines() if line]
    list_file = work / f"{tree}.files"
    list_file.write_text("\n".join(str(root / f) for f in files) + "\n")
    jobs = str(args.jobs)
    results: dict[str, list] = {}

    def timed(name, cmd, env=None):
        wall, rss, rc = run_once(cmd, root, gnu_time, env)
        results.setdefault(name, []).append((wall, rss))
        rs = f"{rss:.0f} MB" if rss is not None else "n/a"
        print(f"  [{tree}] {name:<28} {wall:8.2f} s  {rs:>8}  rc={rc}", flush=True)

    for rnd in range(args.rounds):
        cache = work / f"{tree}-cache-{rnd}"
        timed("initlint cold", [*initlint, "check", "-j", jobs, "--cache-dir", str(cache), rel])
        timed("initlint warm", [*initlint, "check", "-j", jobs, "--cache-dir", str(cache), rel])
        if "nocache" not in skip:
            timed("initlint --no-cache", [*initlint, "check", "-j", jobs, "--no-cache", rel])
        if flake8 and "flake8" not in skip:
            timed(f"flake8 -j {jobs}", [flake8, "-j", jobs, rel], clean)
        if flake8 and "ruff" not in skip:
            timed("ruff --select ALL", [ruff, "check", "--select", "ALL", "--no-cache", "--exit-zero", rel], clean)
        if "floor" not in skip:
            timed("libcst parse floor", [sys.executable, __file__, "--parse-floor", str(list_file), "--jobs", jobs])
        if torchfix:
            timed("torchfix", [torchfix, rel], clean)
        if context_file and "context" not in skip and (root / context_file).is_file():
            target = root / context_file
            timed("one file alone (no cache)", [*initlint, "check", "--no-cache", context_file])
            timed("one file alone (warm)", [*initlint, "check", "--cache-dir", str(cache), context_file])
            with open(target, "a") as handle:  # the commit's change: the file differs from what the cache saw
                handle.write(f"\n# edited for the benchmark, round {rnd}\n")
            timed("--context, file changed", [*initlint, "check", "--cache-dir", str(cache), "--context", rel,
                                             context_file])
            timed("--context, nothing changed", [*initlint, "check", "--cache-dir", str(cache), "--context", rel,
                                                context_file])

    print()
    print(f"== {tree} ({len(files)} files)  loadavg now {os.getloadavg()[0]:.2f}")
    print(f"{'':<30}{'runs':>5}{'median s':>10}{'min s':>9}{'x cold':>8}{'peak MB':>9}")
    med = {name: statistics.median(w for w, _ in rs) for name, rs in results.items()}
    cold = med["initlint cold"]
    for name, rs in results.items():
        peaks = [m for _, m in rs if m is not None]
        peak = f"{max(peaks):.0f}" if peaks else "n/a"
        print(f"{name:<30}{len(rs):>5}{med[name]:>10.2f}{min(w for w, _ in rs):>9.2f}{med[name] / cold:>8.2f}"
              f"{peak:>9}")

    def target(label, value, limit):
        print(f"  {label:<52} {value:6.3f}   target <= {limit}: {'met' if value <= limit else 'NOT met'}")

    print("targets:")
    target("warm / cold", med["initlint warm"] / cold, 0.05)
    if "--context, file changed" in med:
        target("--context, file changed / alone (no cache)", med["--context, file changed"]
               / med["one file alone (no cache)"], 2.0)
        target("--context, nothing changed / alone (no cache)", med["--context, nothing changed"]
               / med["one file alone (no cache)"], 2.0)
    flake8_name = f"flake8 -j {jobs}"
    if flake8_name in med:
        target(f"cold / {flake8_name}", cold / med[flake8_name], 0.8)
    if "libcst parse floor" in med:
        target("cold / libcst parse floor", cold / med["libcst parse floor"], 1.2)
    if "ruff --select ALL" in med:
        print(f"  cold / ruff --select ALL                             {cold / med['ruff --select ALL']:6.2f}")
    if "torchfix" in med:
        print(f"  torchfix / cold                                      {med['torchfix'] / cold:6.2f}")
    if "plugin" not in skip:
        n, median, mean, worst = plugin_cost([str(root / f) for f in files])
        print(f"  flake8 plugin on the {n} files without torch: median {median:.3f} ms, mean {mean:.3f} ms, max"
              f" {worst:.3f} ms   target < 1 ms: {'met' if n and worst < 1 else 'NOT met' if n else 'n/a'}")
    print(flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
