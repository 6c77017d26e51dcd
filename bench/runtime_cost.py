"""Cost of `initlint verify` against the build of the model it verifies.

``--model llama`` (the default, issue 10): a ~1.1B-parameter decoder, transformers' ``LlamaForCausalLM`` built
from a config without weights (hidden 2048, 22 layers, intermediate 5504, 32 heads / 4 key-value heads, vocab
32000: 1.08B parameters, 4.3 GB in float32). It is built once plainly, then once as ``initlint verify`` does it:
under the record (dispatch mode, NaN-filled allocations), then the declared scheme is read from the library's
source and every tensor is verified. Prints the plain build time, each part of verify's cost and their sum
against the plain build, and verify's extra memory: the peak resident set from the start of the recorded build
to the end of the verification, minus the peak of the plain build (each in a fresh process), against the
model's size. Goals: verify <= 1x the build time and <= 0.5x the model's memory on top.

``--model resnet50``: a ResNet-50-sized model (25.6M parameters, no torchvision) checked against a scheme
(median of --runs; the extra memory is the peak growth of the resident set during verification).

    python bench/runtime_cost.py --threads 2                     # the 1.1B decoder: about 10 GB of RAM
    python bench/runtime_cost.py --layers 2                      # the same layout, small and quick
    python bench/runtime_cost.py --model resnet50 --runs 3
"""
from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import threading
import time

import torch
import torch.nn as nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src"))

from initlint.runtime import verify_model  # noqa: E402


class Bottleneck(nn.Module):
    expansion = 4

    def __init__(self, inplanes, planes, stride=1, downsample=None):
        super().__init__()
        width = planes
        self.conv1 = nn.Conv2d(inplanes, width, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(width)
        self.conv2 = nn.Conv2d(width, width, 3, stride, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(width)
        self.conv3 = nn.Conv2d(width, planes * 4, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(planes * 4)
        self.relu = nn.ReLU(inplace=True)
        self.downsample = downsample

    def forward(self, x):
        idt = x if self.downsample is None else self.downsample(x)
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.relu(self.bn2(self.conv2(out)))
        return self.relu(self.bn3(self.conv3(out)) + idt)


class ResNet50(nn.Module):
    """torchvision's resnet50 layout and init (kaiming_normal_ fan_out relu on convs, BN ones/zeros)."""

    def __init__(self, num_classes=1000):
        super().__init__()
        self.inplanes = 64
        self.conv1 = nn.Conv2d(3, 64, 7, 2, 3, bias=False)
        self.bn1 = nn.BatchNorm2d(64)
        self.relu = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool2d(3, 2, 1)
        self.layer1 = self._make_layer(64, 3)
        self.layer2 = self._make_layer(128, 4, stride=2)
        self.layer3 = self._make_layer(256, 6, stride=2)
        self.layer4 = self._make_layer(512, 3, stride=2)
        self.avgpool = nn.AdaptiveAvgPool2d((1, 1))
        self.fc = nn.Linear(512 * 4, num_classes)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
            elif isinstance(m, (nn.BatchNorm2d, nn.GroupNorm)):
                nn.init.constant_(m.weight, 1)
                nn.init.constant_(m.bias, 0)

    def _make_layer(self, planes, blocks, stride=1):
        downsample = None
        if stride != 1 or self.inplanes != planes * 4:
            downsample = nn.Sequential(nn.Conv2d(self.inplanes, planes * 4, 1, stride, bias=False),
                                       nn.BatchNorm2d(planes * 4))
        layers = [Bottleneck(self.inplanes, planes, stride, downsample)]
        self.inplanes = planes * 4
        layers += [Bottleneck(self.inplanes, planes) for _ in range(1, blocks)]
        return nn.Sequential(*layers)

    def forward(self, x):
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        return self.fc(torch.flatten(self.avgpool(x), 1))


SCHEME = {
    "Conv2d.weight": {"init": "kaiming_normal", "mode": "fan_out", "nonlinearity": "relu"},
    "BatchNorm2d.weight": "ones",
    "BatchNorm2d.bias": "zeros",
    "*": "default",
}


def rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class PeakRSS:
    """Samples the resident set every 2 ms in a thread (catches temporaries that tracemalloc cannot see)."""

    def __init__(self):
        self.peak = 0
        self._stop = threading.Event()

    def __enter__(self):
        self.base = rss_bytes()
        self.peak = self.base
        self._t = threading.Thread(target=self._run, daemon=True)
        self._t.start()
        return self

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_bytes())
            time.sleep(0.002)

    def __exit__(self, *exc):
        self._stop.set()
        self._t.join()
        self.peak = max(self.peak, rss_bytes())


LLAMA = dict(hidden_size=2048, intermediate_size=5504, num_attention_heads=32, num_key_value_heads=4,
             vocab_size=32000, max_position_embeddings=2048)


def _gib(n: float) -> str:
    return f"{n / 2**30:.2f} GiB"


def _llama_part(args) -> int:
    """One measurement in a fresh process (so that neither inherits the other's freed memory): ``plain`` builds
    the model; ``verify`` builds it under the record, reads the declared scheme and verifies. Prints JSON."""
    import json

    import transformers

    from initlint.runtime.declared import declared_resolver_for_class
    from initlint.runtime.record import record_build

    cfg = transformers.LlamaConfig(num_hidden_layers=args.layers, **LLAMA)
    # warm up imports and transformers' lazy set-up on a tiny model of the same class
    transformers.LlamaForCausalLM(transformers.LlamaConfig(hidden_size=64, intermediate_size=128,
                                                           num_hidden_layers=1, num_attention_heads=4,
                                                           num_key_value_heads=2, vocab_size=128))
    gc.collect()
    torch.manual_seed(0)
    out: dict = {}
    with PeakRSS() as mem:
        t0 = time.perf_counter()
        if args.part == "plain":
            model = transformers.LlamaForCausalLM(cfg)
            out["build"] = time.perf_counter() - t0
        else:
            with record_build() as rec:
                model = transformers.LlamaForCausalLM(cfg)
            out["recorded"] = time.perf_counter() - t0
            t0 = time.perf_counter()
            resolver, _ = declared_resolver_for_class(type(model), model)
            out["declared"] = time.perf_counter() - t0
            t0 = time.perf_counter()
            report = verify_model(model, resolver=resolver, record=rec, seed=0)
            out["verify"] = time.perf_counter() - t0
            out["tensors"] = len(report.entries)
            out["counts"] = dict(sorted(report.counts().items()))
            out["passed"] = report.passed
    out["peak"] = mem.peak - mem.base
    out["params"] = sum(p.numel() for p in model.parameters())
    out["size"] = sum(t.numel() * t.element_size() for t in list(model.parameters()) + list(model.buffers()))
    out["versions"] = f"torch {torch.__version__}, transformers {transformers.__version__}, " \
                      f"{torch.get_num_threads()} threads"
    print(json.dumps(out))
    return 0


def bench_llama(args) -> int:
    """The plain build and verify's, each in a fresh process; prints verify's cost against the build."""
    import json
    import subprocess

    def part(name: str) -> dict:
        cmd = [sys.executable, os.path.abspath(__file__), "--model", "llama", "--layers", str(args.layers),
               "--part", name] + (["--threads", str(args.threads)] if args.threads else [])
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"{name} failed:\n{done.stderr}")
        return json.loads(done.stdout.strip().splitlines()[-1])

    p, v = part("plain"), part("verify")
    plain, size = p["build"], p["size"]
    overhead = v["recorded"] - plain
    cost = max(overhead, 0.0) + v["declared"] + v["verify"]  # a negative overhead is noise: counted as 0
    extra = v["peak"] - p["peak"]
    print(f"model: LlamaForCausalLM, {args.layers} layers, hidden {LLAMA['hidden_size']}, intermediate "
          f"{LLAMA['intermediate_size']}, vocab {LLAMA['vocab_size']}: {p['params'] / 1e9:.3f} B parameters, "
          f"{_gib(size)} (float32); {p['versions']}")
    print(f"plain build:                 {plain:8.2f} s   peak RSS +{_gib(p['peak'])}")
    print(f"build under the record:      {v['recorded']:8.2f} s   (+{v['recorded'] - plain:.2f} s over the plain "
          f"build)")
    print(f"reading the declared scheme: {v['declared']:8.2f} s")
    print(f"verifying {v['tensors']} tensors:".ljust(29) + f"{v['verify']:8.2f} s")
    print("verify's cost (record overhead" + (" (< 0: noise, counted as 0)" if overhead < 0 else "")
          + f" + declared + verify): {cost:.2f} s = {cost / plain:.2f}x the build (goal <= 1x)")
    print(f"verify's extra memory (its peak RSS over the plain build's, fresh processes): {_gib(extra)} = "
          f"{extra / size:.2f}x the model (goal <= 0.5x)")
    print(f"verdicts: {v['counts']}, passed={v['passed']}")
    return 0 if v["passed"] else 1


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", choices=("llama", "resnet50"), default="llama")
    ap.add_argument("--layers", type=int, default=22, help="decoder layers of --model llama (default 22: 1.08B)")
    ap.add_argument("--part", choices=("plain", "verify"), default=None, help=argparse.SUPPRESS)
    ap.add_argument("--runs", type=int, default=3, help="runs of --model resnet50 (the median is printed)")
    ap.add_argument("--threads", type=int, default=None, help="torch.set_num_threads")
    ap.add_argument("--quick", action="store_true", help="one run")
    args = ap.parse_args(argv)
    if args.quick:
        args.runs = 1
    if args.threads:
        torch.set_num_threads(args.threads)
    if args.model == "llama":
        return _llama_part(args) if args.part else bench_llama(args)
    build_times, verify_times, peaks = [], [], []
    model = None
    for run in range(args.runs):
        del model
        gc.collect()
        torch.manual_seed(run)
        t0 = time.perf_counter()
        model = ResNet50()
        build_times.append(time.perf_counter() - t0)
        nparams = sum(p.numel() for p in model.parameters())
        size = sum(p.numel() * p.element_size() for p in model.parameters())
        gc.collect()
        with PeakRSS() as mem:
            t0 = time.perf_counter()
            report = verify_model(model, SCHEME, seed=run)
            verify_times.append(time.perf_counter() - t0)
        peaks.append(mem.peak - mem.base)
        assert report.passed, report.to_text()
        print(f"run {run}: build {build_times[-1]:.3f} s, verify {verify_times[-1]:.3f} s, "
              f"peak extra RSS {peaks[-1] / 2**20:.1f} MiB, {len(report.entries)} tensors, passed={report.passed}")
    b, v = statistics.median(build_times), statistics.median(verify_times)
    print()
    print(f"model: ResNet-50 layout, {nparams / 1e6:.2f} M parameters, {size / 2**20:.1f} MiB (float32), "
          f"torch {torch.__version__}, {torch.get_num_threads()} threads")
    print(f"construction (median of {args.runs}): {b:.3f} s")
    print(f"verification (median of {args.runs}): {v:.3f} s")
    print(f"ratio verify/construct: {v / b:.2f}  (goal <= 1)")
    print(f"peak extra memory (max over runs): {max(peaks) / 2**20:.1f} MiB = {max(peaks) / size:.1%} of the model "
          f"(goal < 50 %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
