"""False positives on correct code found by the held-out recall set (docs/recall.md), each as a minimal pair in
our own words: the rule still reports ``bad`` and is silent on ``good``."""

import pytest

from initlint.engine import check_source
from initlint.rules import select_rules

DEFAULT = select_rules(None)

PAIRS = {
    # a class-name test the branch's own condition rules out is not a match
    "INI203-excluded-by-negated-find": ("INI203", """
import torch
import torch.nn as nn


class GhostNorm(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.g = nn.Parameter(torch.ones(n))

    def forward(self, x):
        return x * self.g


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, 4, 3), GhostNorm(4), nn.BatchNorm2d(4))

    def forward(self, x):
        return self.body(x)


def init_fn(m):
    classname = m.__class__.__name__
    if classname.find("Norm") != -1:
        nn.init.ones_(m.weight)


net = Net()
net.apply(init_fn)
""", """
import torch
import torch.nn as nn


class GhostNorm(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.g = nn.Parameter(torch.ones(n))

    def forward(self, x):
        return x * self.g


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, 4, 3), GhostNorm(4), nn.BatchNorm2d(4))

    def forward(self, x):
        return self.body(x)


def init_fn(m):
    classname = m.__class__.__name__
    if classname.find("Norm") != -1 and classname.find("GhostNorm") == -1:
        nn.init.ones_(m.weight)


net = Net()
net.apply(init_fn)
"""),
    # which layers of a family a model builds is unknown when the model is not: no miss is claimed
    "INI203-family-miss-needs-the-model": ("INI203", """
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(4, 4), nn.BatchNorm1d(4))

    def forward(self, x):
        return self.body(x)


def init_fn(m):
    if m.__class__.__name__.find("BatchNorm2d") != -1:
        nn.init.ones_(m.weight)


net = Net()
net.apply(init_fn)
""", """
import torch.nn as nn


def setup(net):
    def init_fn(m):
        if m.__class__.__name__.find("BatchNorm2d") != -1:
            nn.init.ones_(m.weight)

    net.apply(init_fn)
"""),
    # a class-name test through a local variable, whatever it is called (not only `classname`)
    "INI203-class-name-in-any-local": ("INI203", """
import torch
import torch.nn as nn


class GhostNorm(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.g = nn.Parameter(torch.ones(n))


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, 4, 3), GhostNorm(4))


def init_fn(m):
    kind = type(m).__name__
    if "Norm" in kind:
        nn.init.ones_(m.weight)


net = Net()
net.apply(init_fn)
""", """
import torch
import torch.nn as nn


class GhostNorm(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.g = nn.Parameter(torch.ones(n))


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, 4, 3), GhostNorm(4))


def init_fn(m):
    kind = type(m).__name__
    if "Norm" in kind and "GhostNorm" not in kind:
        nn.init.ones_(m.weight)


net = Net()
net.apply(init_fn)
"""),
    # a plain dict filled with layers by item stores after it is assigned (a recall gap of the held-out set)
    "INI002-dict-filled-by-item-stores": ("INI002", """
import torch.nn as nn


class Gates(nn.Module):
    def __init__(self, n, dim):
        super().__init__()
        self.gates = {}
        for i in range(n):
            self.gates[f"gate{i}"] = nn.Linear(dim, dim)

    def forward(self, x):
        return sum(g(x) for g in self.gates.values())
""", """
import torch.nn as nn


class Gates(nn.Module):
    def __init__(self, n, dim):
        super().__init__()
        self.gates = nn.ModuleDict()
        for i in range(n):
            self.gates[f"gate{i}"] = nn.Linear(dim, dim)
        self.names = {}
        for i in range(n):
            self.names[f"gate{i}"] = str(i)

    def forward(self, x):
        return sum(g(x) for g in self.gates.values())


class Wrapped(nn.Module):
    def __init__(self, n, dim):
        super().__init__()
        self.gates = {}
        for i in range(n):
            self.gates[f"gate{i}"] = nn.Linear(dim, dim)
        self.gates = nn.ModuleDict(self.gates)
"""),
    # several layers repeated together: each element of `[a, b] * n` is one object n times
    "INI003-several-layers-repeated": ("INI003", """
import torch.nn as nn


class Tower(nn.Module):
    def __init__(self, dim, depth):
        super().__init__()
        self.body = nn.Sequential(*([nn.Linear(dim, dim), nn.GELU()] * depth))
""", """
import torch.nn as nn


class Tower(nn.Module):
    def __init__(self, dim, depth):
        super().__init__()
        self.body = nn.Sequential(*[m for _ in range(depth) for m in (nn.Linear(dim, dim), nn.GELU())])
        self.acts = nn.Sequential(*([nn.GELU(), nn.Identity()] * depth))
        self.widths = [dim, dim // 2] * depth
"""),
    # a Parameter built lazily is initialized by the method that builds it (through the methods it calls)
    "INI004-lazy-build-initializes": ("INI004", """
import torch
import torch.nn as nn


class Lazy(nn.Module):
    def __init__(self, out):
        super().__init__()
        self.out = out

    def build(self, x):
        self.w = nn.Parameter(torch.empty(self.out, x.shape[-1]))
        self.describe()

    def describe(self):
        return self.w.shape
""", """
import torch
import torch.nn as nn


class Lazy(nn.Module):
    def __init__(self, out):
        super().__init__()
        self.out = out

    def build(self, x):
        self.w = nn.Parameter(torch.empty(self.out, x.shape[-1]))
        self.fill()

    def fill(self):
        nn.init.normal_(self.w, std=0.01)
"""),
}


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_pair(name):
    code, bad, good = PAIRS[name]
    assert code in {f.code for f in check_source(bad, "bad.py", DEFAULT)}
    assert code not in {f.code for f in check_source(good, "good.py", DEFAULT)}
