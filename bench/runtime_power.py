"""Power of `initlint verify` (how often each wrong scheme is caught) and `inspect`'s fingerprint accuracy.

For each shape, each true scheme draws a tensor with torch's own init (fresh seed per run) and is checked
against every declared scheme at the per-tensor level a 200-tensor model gets (alpha_t = 1e-3 / 200 = 5e-6).
Rows: true scheme; columns: declared scheme; cells: rejection rate (the diagonal is the false-alarm rate and
"=" marks exact aliases for that shape, which no test can separate). Then the fingerprint accuracy: how often
`inspect` names the true scheme (its alias group) on Linear(512, 512) and Conv2d(64, 64, 3), and the pooled
test of small biases.

    python bench/runtime_power.py            # 100 runs per cell (~3-5 min on 2 CPU cores)
    python bench/runtime_power.py --quick    # 20 runs per cell
"""
from __future__ import annotations

import argparse
import math
import os
import sys
import time

import torch
import torch.nn as nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src"))

from initlint.runtime import check_tensor, default_expected, expected_for, fingerprint, sample_tensor  # noqa: E402
from initlint.runtime import verify_model  # noqa: E402

ALPHA_T = 1e-3 / 200

# short name -> (torch init, expected_for arguments)
SCHEMES = {
    "default": (lambda t: nn.init.kaiming_uniform_(t, a=math.sqrt(5)), ("kaiming_uniform", {"a": math.sqrt(5)})),
    "xavier_u": (nn.init.xavier_uniform_, ("xavier_uniform", {})),
    "xavier_n": (nn.init.xavier_normal_, ("xavier_normal", {})),
    "kaim_u_in": (lambda t: nn.init.kaiming_uniform_(t, nonlinearity="relu"),
                  ("kaiming_uniform", {"nonlinearity": "relu"})),
    "kaim_n_in": (lambda t: nn.init.kaiming_normal_(t, nonlinearity="relu"),
                  ("kaiming_normal", {"nonlinearity": "relu"})),
    "kaim_n_out": (lambda t: nn.init.kaiming_normal_(t, mode="fan_out", nonlinearity="relu"),
                   ("kaiming_normal", {"mode": "fan_out", "nonlinearity": "relu"})),
    "normal.02": (lambda t: nn.init.normal_(t, std=0.02), ("normal", {"std": 0.02})),
    "trunc.02": (lambda t: nn.init.trunc_normal_(t, std=0.02), ("trunc_normal", {"std": 0.02})),
    "trunc2sig": (lambda t: nn.init.trunc_normal_(t, std=0.02, a=-0.04, b=0.04),
                  ("trunc_normal", {"std": 0.02, "a": -0.04, "b": 0.04})),
    "orthog": (nn.init.orthogonal_, ("orthogonal", {})),
}

SHAPES = {"Linear(512,512)": (512, 512), "Conv2d(64,64,3)": (64, 64, 3, 3), "Linear(10,3)": (3, 10)}


def power_table(shape, runs: int) -> None:
    names = list(SCHEMES)
    exp = {n: expected_for(SCHEMES[n][1][0], shape, kwargs=SCHEMES[n][1][1], label=n) for n in names}
    rej = {(a, b): 0 for a in names for b in names}
    for run in range(runs):
        for true in names:
            g = torch.manual_seed(run * 7919 + names.index(true))
            t = torch.empty(shape)
            SCHEMES[true][0](t)
            smp = sample_tensor(t, seed=run)
            for dec in names:
                res = check_tensor(t, exp[dec], alpha=ALPHA_T, sample=smp, seed=run)
                rej[(true, dec)] += res.verdict == "fail"
            del g
    alias = {(a, b): exp[a].alias_key() == exp[b].alias_key() for a in names for b in names}
    w = max(len(n) for n in names)
    print("true \\ declared".ljust(w + 2) + " ".join(n[:9].rjust(9) for n in names))
    for a in names:
        cells = []
        for b in names:
            v = rej[(a, b)] / runs
            mark = "=" if alias[(a, b)] and a != b else " "
            cells.append(f"{mark}{v:8.3f}")
        print(a.ljust(w + 2) + " ".join(cells))
    off = [rej[(a, b)] / runs for a in names for b in names if a != b and not alias[(a, b)]]
    diag = [rej[(a, a)] / runs for a in names]
    print(f"min off-diagonal (non-alias) rejection {min(off):.3f}; max diagonal (false alarm) {max(diag):.3f}")


def fingerprint_accuracy(runs: int) -> None:
    targets = {"default": "default", "xavier_u": "xavier_uniform_",
               "kaim_n_out": "kaiming_normal_(mode='fan_out', nonlinearity='relu')"}
    makers = (("Linear(512,512)", lambda: nn.Linear(512, 512)), ("Conv2d(64,64,3)", lambda: nn.Conv2d(64, 64, 3)))
    for label, make in makers:
        for true, want in targets.items():
            ok = 0
            for run in range(runs):
                torch.manual_seed(10_000 + run)
                m = make()
                if true != "default":
                    SCHEMES[true][0](m.weight.data)
                fp = fingerprint(m.weight, default_expected(m, "weight", m.weight.shape), seed=run)
                ok += any(g.startswith(want) for g in fp.group)
            print(f"  {label:16s} true {true:10s}: identified {ok}/{runs} = {ok / runs:.3f}")


def pooled_biases(runs: int) -> None:
    per_tensor = pooled = clean_alarm = 0
    for run in range(runs):
        torch.manual_seed(20_000 + run)
        m = nn.Sequential(*[nn.Linear(16, 8) for _ in range(50)])
        clean_alarm += not verify_model(m, seed=run, fingerprint_failures=False).passed
        with torch.no_grad():
            for lin in m:
                lin.bias.uniform_(-0.125, 0.125)  # wrong fan: half the declared bound
        r = verify_model(m, seed=run, fingerprint_failures=False)
        pooled += any(e.name.endswith("bias") and e.verdict == "fail" for e in r.entries)
        per_tensor += any(check_tensor(lin.bias, default_expected(lin, "bias", (8,)), alpha=ALPHA_T).verdict == "fail"
                          for lin in m)
    print(f"  50 biases of 8, bound half the declared one: per-tensor tests catch it in {per_tensor}/{runs}, "
          f"the pooled test in {pooled}/{runs}; false alarms on the correct model: {clean_alarm}/{runs}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=100)
    ap.add_argument("--quick", action="store_true", help="20 runs per cell")
    args = ap.parse_args(argv)
    if args.quick:
        args.runs = 20
    torch.set_num_threads(1)
    t0 = time.perf_counter()
    print(f"alpha per tensor = {ALPHA_T:g} (1e-3 family-wise over 200 tensors), {args.runs} runs per cell\n")
    for label, shape in SHAPES.items():
        runs = args.runs * (5 if math.prod(shape) < 100 else 1)
        print(f"== {label} weight {shape}, {runs} runs ==")
        power_table(shape, runs)
        print()
    print(f"== fingerprint accuracy (inspect), {2 * args.runs} seeds each ==")
    fingerprint_accuracy(2 * args.runs)
    print()
    print(f"== tiny tensors pooled per declared rule, {max(10, args.runs // 5)} runs ==")
    pooled_biases(max(10, args.runs // 5))
    print(f"\n{time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
