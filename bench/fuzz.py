"""Fuzz ``initlint check`` with the big numbers: hypothesmith's programs and mutants of real model files.

    python bench/fuzz.py [--programs 10000] [--mutants 10000] [-j 2] [--budget SECONDS] [--out DIR]
        [--zoo DIR] [--packages timm,torchvision,transformers] [--seed 0] [--timeout 10] [--memory-cap-gb 4]

Programs come from ``hypothesmith.from_grammar()`` and ``from_node()`` (half each), most of them wrapped in the
bodies of an ``nn.Module`` subclass so that the rules run (``tests/_fuzz.py``: ``wrap``). Mutants are the zoo's
model files (``bench/zoo.py``: downloaded with ``pip download --no-deps``, unpacked outside the repository) with
seeded edits: lines deleted, duplicated or swapped, truncation, NUL, BOM, lone CR, form feed, non-ASCII characters,
and now and then an expression nested very deeply.

Every file is checked in a worker process (``check_file``: every rule, the JSON output, the unsafe fixes' diff).
A worker that dies is a crash, one that spends over ``--timeout`` seconds of CPU on a file is killed (a timeout);
both are restarted. Each failure (internal error, crash, timeout) is saved under ``--out`` with what happened and whether it
also fails alone in a fresh ``python -m initlint check`` (some failures depend on the files a process met before).
Disagreements with CPython's parser (INI900 on code CPython accepts, or none on code it rejects) are counted and
saved too, apart from the failures. The report (also ``--out/report.json``) counts programs run and outcomes.
"""

from __future__ import annotations

import argparse
import collections
import glob
import json
import multiprocessing
import os
import random
import re
import shutil
import signal
import sys
import tempfile
import time
from multiprocessing.connection import wait
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

import _fuzz  # noqa: E402
import zoo as zoo_mod  # noqa: E402

FAILURES = ("error", "crash", "timeout")
GEN_BATCH = 25
SAVE_LIMIT = 200  # reproducers saved per class


# ---------------------------------------------------------------------------------------------- workers

def _generate(kind: str, seed: int, count: int) -> list[str]:
    import hypothesmith
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as fixed_seed
    from hypothesis import strategies as st

    strategy = hypothesmith.from_grammar() if kind == "grammar" else hypothesmith.from_node()
    out: list[str] = []

    @fixed_seed(seed)
    @settings(max_examples=count, database=None, deadline=None, phases=[Phase.generate, Phase.target],
              suppress_health_check=list(HealthCheck))
    @given(strategy, st.sampled_from(_fuzz.WRAPPERS))
    def collect(source, where):
        out.append(_fuzz.wrap(source, where))

    collect()
    return out


def _worker(conn, workdir: str, memory_cap: int, cpu_limit: float) -> None:  # pragma: no cover - a child
    import math
    import resource
    import warnings

    warnings.simplefilter("ignore")
    if memory_cap:
        resource.setrlimit(resource.RLIMIT_AS, (memory_cap, memory_cap))
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 20000))
    from initlint.rules import select_rules

    rules = select_rules(["ALL"])
    os.makedirs(workdir, exist_ok=True)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        if task[0] == "gen":
            _, task_id, kind, seed, count = task
            conn.send(("gen", task_id, _generate(kind, seed, count)))
            continue
        _, task_id, data, oracle = task
        path = os.path.join(workdir, f"f{task_id:06d}.py")
        with open(path, "wb") as handle:
            handle.write(data)
        # the time limit is CPU time (SIGXCPU past it), so that a loaded machine does not make timeouts
        usage = resource.getrusage(resource.RUSAGE_SELF)
        spent = usage.ru_utime + usage.ru_stime
        resource.setrlimit(resource.RLIMIT_CPU, (math.ceil(spent + cpu_limit), resource.RLIM_INFINITY))
        cpu = time.process_time()
        result = _fuzz.check_file(path, rules)
        result["wall_seconds"], result["seconds"] = result["seconds"], time.process_time() - cpu
        resource.setrlimit(resource.RLIMIT_CPU, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        result["cpython"] = _fuzz.cpython_rejects(data) if oracle else None
        os.unlink(path)
        conn.send(("check", task_id, result))


class Worker:
    def __init__(self, context, workdir: str, memory_cap: int, cpu_limit: float):
        self.parent, child = context.Pipe()
        self.proc = context.Process(target=_worker, args=(child, workdir, memory_cap, cpu_limit), daemon=True)
        self.proc.start()
        child.close()
        self.task = None  # (task tuple, start time)

    def send(self, task) -> None:
        self.task = (task, time.perf_counter())
        self.parent.send(task)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join()
        self.parent.close()


# ---------------------------------------------------------------------------------------------- inputs

def zoo_files(zoo: Path | None, packages: list[str], max_bytes: int) -> list[str]:
    sources = zoo_mod.ensure_zoo(zoo, packages, quiet=True)
    files = []
    for pkg, src in sorted(sources.items()):
        for path in sorted(glob.glob(str(src / "**" / "*.py"), recursive=True)):
            try:
                size = os.path.getsize(path)
            except OSError:
                continue
            if 0 < size <= max_bytes and ("models" in path or pkg != "transformers"):
                files.append(path)
    return files


def mutant(files: list[str], seed: int, index: int) -> tuple[str, bytes, dict]:
    """The ``index``-th mutant: (name, bytes, meta). Deep-nesting mutants are 2 in 100."""
    rng = random.Random(f"{seed}/mutant/{index}")
    path = rng.choice(files)
    with open(path, encoding="utf-8", errors="surrogateescape") as handle:
        text = handle.read()
    if rng.random() < 0.02:
        kind = rng.choice(sorted(_fuzz.DEEP))
        data = _fuzz.deep_module(kind, text).encode("utf-8", "surrogateescape")
        meta = {"source": path, "mutation": f"deep:{kind}"}
    else:
        kind = rng.choice([*_fuzz.MUTATORS, "mixed"])
        rounds = rng.randint(2, 4) if kind == "mixed" else rng.randint(1, 2)
        data = _fuzz.mutate(text, kind, rng, rounds)
        meta = {"source": path, "mutation": f"{kind}x{rounds}"}
    return f"mutant_{index:05d}", data, meta


# ---------------------------------------------------------------------------------------------- the run

def signature(outcome: str, detail: str) -> str:
    if outcome != "error":
        return outcome
    lines = [line.strip() for line in detail.strip().splitlines() if line.strip()]
    last = lines[-1] if lines else "?"
    last = re.sub(r"/\S+?\.py", "FILE.py", last)
    last = re.sub(r"\b\d+\b", "N", last)
    return f"error: {last[:160]}"


def alone(path: str, timeout: float) -> str:
    """How the saved file fares alone in a fresh CLI process."""
    rc, out, err, seconds = _fuzz.run_cli(["check", "--select", "ALL", "--output-format", "json",
                                           "--no-respect-gitignore", path], timeout=timeout)
    problems = _fuzz.cli_problems(rc, out, err)
    tail = err.strip().splitlines()[-1] if err.strip() else ""
    return (f"alone: exit {rc} in {seconds:.1f} s" + (f" ({'; '.join(problems)})" if problems else " (fine)")
            + (f": {tail[:300]}" if problems and tail else ""))


def run(args) -> dict:
    started = time.perf_counter()
    deadline = started + args.budget if args.budget else float("inf")
    out = Path(args.out)
    if out.exists():
        shutil.rmtree(out)
    (out / "failures").mkdir(parents=True)
    (out / "disagreements").mkdir()
    files = zoo_files(args.zoo, args.packages, args.max_bytes) if args.mutants else []
    if args.mutants and not files:
        raise SystemExit("fuzz: no model files in the zoo")
    context = multiprocessing.get_context("spawn")
    scratch = tempfile.mkdtemp(prefix="initlint-fuzz-")
    memory_cap = int(args.memory_cap_gb * (1 << 30))
    workers = [Worker(context, os.path.join(scratch, f"w{i}"), memory_cap, args.timeout) for i in range(args.jobs)]
    wall_limit = args.timeout * 10  # a safety net: the CPU limit in the worker ends a runaway file first

    gen_tasks = collections.deque()
    for i in range(0, args.programs, GEN_BATCH):
        kind = "grammar" if (i // GEN_BATCH) % 2 == 0 else "node"
        gen_tasks.append((kind, args.seed * 100_003 + i, min(GEN_BATCH, args.programs - i)))
    programs = collections.deque()  # (name, bytes, meta)
    generated = 0
    next_mutant = 0
    inputs: dict[int, tuple[str, bytes, dict]] = {}
    counts = {"programs": collections.Counter(), "mutants": collections.Counter()}
    signatures: dict[str, dict] = {}
    disagreements = collections.Counter()
    slowest = []
    saved = collections.Counter()
    task_ids = iter(range(10**9))
    gens_in_flight = 0

    def save(group: str, cls: str, task_id: int, result: dict) -> str | None:
        name, data, meta = inputs[task_id]
        if saved[(group, cls)] >= SAVE_LIMIT:
            return None
        saved[(group, cls)] += 1
        folder = out / group / re.sub(r"\W+", "_", cls)[:60]
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.py"
        path.write_bytes(data)
        (folder / f"{name}.txt").write_text(json.dumps({**meta, **result}, indent=2, default=str) + "\n")
        return str(path)

    def record(worker_task, result: dict) -> None:
        task_id = worker_task[1]
        name, data, meta = inputs[task_id]
        group = "programs" if name.startswith("program") else "mutants"
        outcome = result["outcome"]
        counts[group][outcome] += 1
        slowest.append((result["seconds"], name))
        if outcome in FAILURES or outcome == "skipped":
            sig = signature(outcome, result.get("detail", ""))
            if meta.get("mutation", "").startswith("deep:"):
                sig += f" ({meta['mutation']})"
            entry = signatures.setdefault(sig, {"count": 0, "examples": []})
            entry["count"] += 1
            path = save("failures", sig, task_id, result)
            if path and len(entry["examples"]) < 5:
                entry["examples"].append(path)
        elif result.get("cpython") is not None or outcome == "INI900":
            deep = meta.get("mutation", "").startswith("deep:")
            rejected = result.get("cpython")
            if outcome == "INI900" and rejected is None and not deep:
                disagreements["INI900 on code CPython accepts"] += 1
                save("disagreements", "ini900_cpython_accepts", task_id, result)
            elif outcome != "INI900" and rejected is not None:
                key = f"no INI900, CPython rejects: {re.sub(r'[(].*', '', rejected)[:60]}"
                disagreements[key] += 1
                save("disagreements", "cpython_rejects_" + key[-40:], task_id, result)
        del inputs[task_id]

    def next_task():
        nonlocal next_mutant, gens_in_flight
        if time.perf_counter() > deadline:
            return None
        done_programs = sum(counts["programs"].values())
        done_mutants = sum(counts["mutants"].values())
        want_program = programs and (next_mutant >= args.mutants or done_programs / max(1, args.programs)
                                     <= done_mutants / max(1, args.mutants))
        if want_program or (programs and next_mutant >= args.mutants):
            name, data, meta = programs.popleft()
            task_id = next(task_ids)
            inputs[task_id] = (name, data, meta)
            return ("check", task_id, data, True)
        if gen_tasks and len(programs) < GEN_BATCH * len(workers) and gens_in_flight < max(1, len(workers) // 2):
            kind, seed, count = gen_tasks.popleft()
            gens_in_flight += 1
            return ("gen", next(task_ids), kind, seed, count)
        if next_mutant < args.mutants:
            name, data, meta = mutant(files, args.seed, next_mutant)
            next_mutant += 1
            task_id = next(task_ids)
            inputs[task_id] = (name, data, meta)
            return ("check", task_id, data, True)
        return None

    def restart(i: int, outcome: str, detail: str) -> None:
        worker = workers[i]
        task, start = worker.task
        worker.kill()
        workers[i] = Worker(context, os.path.join(scratch, f"w{i}-{next(task_ids)}"), memory_cap, args.timeout)
        if task[0] == "check":
            record(task, {"outcome": outcome, "detail": detail, "seconds": time.perf_counter() - start,
                          "codes": []})

    try:
        while True:
            for worker in workers:
                if worker.task is None:
                    task = next_task()
                    if task is not None:
                        worker.send(task)
            busy = [w for w in workers if w.task is not None]
            if not busy:
                if gen_tasks and time.perf_counter() <= deadline:
                    continue
                break
            now = time.perf_counter()
            waits = [w.task[1] + (wall_limit if w.task[0][0] == "check" else 900) - now for w in busy]
            ready = wait([w.parent for w in busy], timeout=max(0.05, min(waits)))
            for i, worker in enumerate(workers):
                if worker.task is None:
                    continue
                task, start = worker.task
                if worker.parent in ready:
                    try:
                        kind, task_id, payload = worker.parent.recv()
                    except (EOFError, OSError):
                        worker.proc.join(5)
                        code = worker.proc.exitcode
                        if code == -signal.SIGXCPU:
                            restart(i, "timeout", f"over {args.timeout} s of CPU")
                        else:
                            restart(i, "crash", f"worker died: exit code {code}"
                                                + (f" (signal {-code})" if isinstance(code, int) and code < 0 else ""))
                        if task[0] == "gen":
                            gens_in_flight -= 1
                        continue
                    worker.task = None
                    if kind == "gen":
                        gens_in_flight -= 1
                        for text in payload:
                            programs.append((f"program_{generated:05d}", text.encode("utf-8", "surrogateescape"),
                                             {"source": "hypothesmith", "batch": task[2:]}))
                            generated += 1
                    else:
                        record(task, payload)
                elif task[0] == "check" and time.perf_counter() - start > wall_limit:
                    restart(i, "timeout", f"over {wall_limit} s of wall-clock time")
                elif task[0] == "gen" and time.perf_counter() - start > 900:
                    gens_in_flight -= 1
                    worker.task = (("gen-abandoned",), start)
                    restart(i, "timeout", "generation")
    finally:
        for worker in workers:
            try:
                worker.parent.send(None)
            except OSError:
                pass
            worker.proc.join(2)
            if worker.proc.is_alive():
                worker.kill()
        shutil.rmtree(scratch, ignore_errors=True)

    for sig, entry in signatures.items():  # does each failure happen alone, in a fresh process?
        entry["alone"] = [alone(path, max(60.0, args.timeout * 3)) for path in entry["examples"][:1]]
    slowest.sort(reverse=True)
    report = {
        "seconds": round(time.perf_counter() - started, 1),
        "budget_hit": time.perf_counter() > deadline,
        "jobs": args.jobs,
        "seed": args.seed,
        "timeout_s": args.timeout,
        "model_files": len(files),
        "programs": {"asked": args.programs, "run": sum(counts["programs"].values()),
                     "outcomes": dict(counts["programs"])},
        "mutants": {"asked": args.mutants, "run": sum(counts["mutants"].values()),
                    "outcomes": dict(counts["mutants"])},
        "failures": {k: {"count": v["count"], "examples": v["examples"], "alone": v.get("alone", [])}
                     for k, v in sorted(signatures.items(), key=lambda kv: -kv[1]["count"])},
        "disagreements_with_cpython": dict(disagreements),
        "slowest": [{"seconds": round(s, 2), "name": n} for s, n in slowest[:10]],
    }
    (out / "report.json").write_text(json.dumps(report, indent=2) + "\n")
    return report


def print_report(report: dict, out: str) -> None:
    print(f"initlint fuzz: {report['seconds']} s, {report['jobs']} workers, seed {report['seed']}"
          + (" (time budget reached)" if report["budget_hit"] else ""))
    for group in ("programs", "mutants"):
        item = report[group]
        outcomes = ", ".join(f"{k} {v}" for k, v in sorted(item["outcomes"].items()))
        print(f"  {group}: {item['run']} of {item['asked']} run: {outcomes or '-'}")
    total = sum(v["count"] for v in report["failures"].values())
    print(f"  failures: {total}" + (" (internal errors, crashes, timeouts)" if total else ""))
    for sig, entry in report["failures"].items():
        print(f"    {entry['count']:6d}  {sig}")
        for example, verdict in zip(entry["examples"], entry["alone"] + [""] * 5):
            print(f"            {example}  {verdict}")
    if report["disagreements_with_cpython"]:
        print("  disagreements with CPython's parser:")
        for key, count in sorted(report["disagreements_with_cpython"].items(), key=lambda kv: -kv[1]):
            print(f"    {count:6d}  {key}")
    print("  slowest: " + ", ".join(f"{s['name']} {s['seconds']} s" for s in report["slowest"][:3]))
    print(f"  report: {os.path.join(out, 'report.json')}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    zoo_mod.add_zoo_argument(parser)
    parser.add_argument("--programs", type=int, default=10_000, help="hypothesmith programs (default 10000)")
    parser.add_argument("--mutants", type=int, default=10_000, help="mutants of the zoo's files (default 10000)")
    parser.add_argument("--packages", type=lambda v: [p for p in v.split(",") if p],
                        default=["timm", "torchvision", "transformers"], help="zoo packages to mutate")
    parser.add_argument("--max-bytes", type=int, default=150_000, help="skip zoo files larger than this")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    parser.add_argument("--budget", type=float, default=0, help="stop starting new files after SECONDS (0: none)")
    parser.add_argument("--timeout", type=float, default=_fuzz.TIME_LIMIT,
                        help="seconds of CPU a file (default 10); over it, the file is a timeout")
    parser.add_argument("--memory-cap-gb", type=float, default=4, help="address-space cap per worker (0: none)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default="fuzz-out", help="folder for the report and the reproducers")
    args = parser.parse_args(argv)
    report = run(args)
    print_report(report, args.out)
    return 1 if report["failures"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
