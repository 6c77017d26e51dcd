"""Cost of `initlint verify` on a ResNet-50-sized model (25.6M parameters), built from scratch (no torchvision).

Prints: construction time, verification time (median of --runs), their ratio, and the peak extra memory
(Python-side tracemalloc peak + growth of the process's resident set during verification) relative to the
model's size. Goal (issue 3, item 10): ratio <= 1, peak extra memory < 50 % of the model size.

    python bench/runtime_cost.py            # 3 runs
    python bench/runtime_cost.py --runs 1 --threads 2
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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--threads", type=int, default=None, help="torch.set_num_threads")
    ap.add_argument("--quick", action="store_true", help="one run")
    args = ap.parse_args(argv)
    if args.quick:
        args.runs = 1
    if args.threads:
        torch.set_num_threads(args.threads)
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
