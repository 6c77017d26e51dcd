"""False-alarm rate of `initlint verify` on correctly initialized models (issue 3, item 3).

Each run builds a fresh 200-tensor model whose parameters are initialized exactly as its scheme declares
(PyTorch defaults, xavier_normal_, kaiming_normal_(fan_out), trunc_normal_ with 2-sigma bounds, normal_(0.02),
embeddings, orthogonal_, LayerNorm constants, and tiny layers whose biases are pooled) and verifies it.
Any failing parameter is a false alarm. Holm's procedure rejects something iff the smallest unit p-value
is <= alpha / N_units, so the same runs give the family-wise rate at several alphas.

    python bench/runtime_calibration.py                 # 1000 runs (~2-4 min on 2 CPU cores)
    python bench/runtime_calibration.py --quick         # 200 runs
    python bench/runtime_calibration.py --dtype bfloat16 --runs 300
"""
from __future__ import annotations

import argparse
import os
import sys
import time

import torch
import torch.nn as nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src"))

from initlint.runtime import verify_model  # noqa: E402
from initlint.runtime.scheme import Scheme  # noqa: E402

SCHEME = Scheme.from_mapping({
    "xav.*.weight": "xavier_normal",
    "xav.*.bias": {"init": "normal", "std": 0.02},
    "convk.*.weight": {"init": "kaiming_normal", "mode": "fan_out", "nonlinearity": "relu"},
    "trunc.*.weight": {"init": "trunc_normal", "std": 0.02, "a": -0.04, "b": 0.04},
    "trunc.*.bias": "zeros",
    "orth.*.weight": "orthogonal",
    "*": "default",
})


def build_model(seed: int, dtype=torch.float32) -> nn.Module:
    """200 parameter tensors, 8 ... 65 536 elements each."""
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed)

    def r(a, b):
        return int(torch.randint(a, b + 1, (1,), generator=g))

    m = nn.ModuleDict()
    m["dflt"] = nn.Sequential(*[nn.Linear(r(16, 256), r(16, 256)) for _ in range(30)])          # 60
    m["xav"] = nn.Sequential(*[nn.Linear(r(16, 256), r(16, 256)) for _ in range(15)])           # 30
    m["convd"] = nn.Sequential(*[nn.Conv2d(r(3, 64), r(8, 64), 3) for _ in range(10)])          # 20
    m["convk"] = nn.Sequential(*[nn.Conv2d(r(3, 64), r(8, 64), 3, bias=False) for _ in range(10)])  # 10
    m["emb"] = nn.Sequential(*[nn.Embedding(r(10, 500), r(8, 64)) for _ in range(10)])          # 10
    m["small"] = nn.Sequential(*[nn.Linear(8, 8) for _ in range(10)])                           # 20 (biases pooled)
    m["ln"] = nn.Sequential(*[nn.LayerNorm(r(8, 256)) for _ in range(10)])                      # 20
    m["trunc"] = nn.Sequential(*[nn.Linear(r(16, 256), r(16, 256)) for _ in range(10)])         # 20
    m["orth"] = nn.Sequential(*[nn.Linear(r(16, 128), r(16, 128), bias=False) for _ in range(10)])  # 10
    with torch.no_grad():
        for lin in m["xav"]:
            nn.init.xavier_normal_(lin.weight)
            nn.init.normal_(lin.bias, std=0.02)
        for conv in m["convk"]:
            nn.init.kaiming_normal_(conv.weight, mode="fan_out", nonlinearity="relu")
        for lin in m["trunc"]:
            nn.init.trunc_normal_(lin.weight, std=0.02, a=-0.04, b=0.04)
            nn.init.zeros_(lin.bias)
        for lin in m["orth"]:
            nn.init.orthogonal_(lin.weight)
    return m.to(dtype)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--quick", action="store_true", help="200 runs")
    ap.add_argument("--alpha", type=float, default=1e-3)
    ap.add_argument("--dtype", default="float32", choices=("float32", "float16", "bfloat16"))
    ap.add_argument("--start-seed", type=int, default=0)
    args = ap.parse_args(argv)
    if args.quick:
        args.runs = 200
    torch.set_num_threads(1)  # many small ops: a thread pool only adds contention
    dtype = getattr(torch, args.dtype)
    alphas = sorted({0.05, 0.01, args.alpha})
    alarms = {a: 0 for a in alphas}
    exact_failures = 0
    min_scaled = []
    n_tensors = n_units = 0
    t0 = time.perf_counter()
    for i in range(args.runs):
        seed = args.start_seed + i
        model = build_model(seed, dtype)
        report = verify_model(model, SCHEME, alpha=args.alpha, seed=seed, fingerprint_failures=False)
        n_tensors = len(report.entries)
        ps = report.unit_pvalues
        n_units = len(ps)
        exact_fail = any(e.verdict == "fail" and (e.p_value is None or e.p_value == 0.0) for e in report.entries)
        exact_failures += exact_fail
        scaled = min(ps) * len(ps) if ps else 1.0
        min_scaled.append(scaled)
        for a in alphas:
            alarms[a] += bool(exact_fail or scaled <= a)
        if report.failed and args.runs <= 50:
            print(report.to_text())
        if (i + 1) % max(1, args.runs // 10) == 0:
            print(f"  {i + 1}/{args.runs} runs, {time.perf_counter() - t0:.0f} s, "
                  f"false alarms at alpha={args.alpha:g}: {alarms[args.alpha]}", flush=True)
    dt = time.perf_counter() - t0
    print()
    print(f"model: {n_tensors} parameter tensors ({n_units} statistical test units after pooling), "
          f"dtype {args.dtype}, {args.runs} runs, {dt:.0f} s ({dt / args.runs * 1000:.0f} ms per build+verify)")
    print(f"exact-check failures (must be 0): {exact_failures}")
    for a in alphas:
        k = alarms[a]
        upper = 1 - (0.05 ** (1 / args.runs)) if k == 0 else float("nan")
        extra = f", 95% upper bound {upper:.4f}" if k == 0 else ""
        print(f"family-wise false alarms at alpha={a:g}: {k}/{args.runs} = {k / args.runs:.4f}{extra}")
    min_scaled.sort()
    q = [min_scaled[int(f * (len(min_scaled) - 1))] for f in (0.0, 0.01, 0.1, 0.5)]
    print(f"smallest Bonferroni-scaled p per run: min {q[0]:.3g}, 1% quantile {q[1]:.3g}, "
          f"10% {q[2]:.3g}, median {q[3]:.3g} (uniform-or-larger expected)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
