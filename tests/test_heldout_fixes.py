"""False positives on correct code and recall gaps found by the held-out recall sets (tests/heldout_reports.py and
tests/heldout3_reports.py, docs/recall.md), each as a minimal pair in our own words: the rule reports ``bad`` and is
silent on ``good``."""

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
    # weight norm applied by a project factory, in a sub-model built before `self.apply`: what the model builds
    "INI306-factory-in-sub-model": ("INI306", """
import torch.nn as nn
from torch.nn.utils import weight_norm


def normed_linear(i, o):
    return weight_norm(nn.Linear(i, o))


def plain_init(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_uniform_(m.weight)


class Block(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.fc = normed_linear(d, d)


class Stack(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.blocks = nn.Sequential(Block(d), Block(d))
        self.apply(plain_init)
""", """
import torch.nn as nn
from torch.nn.utils import weight_norm
from torch.nn.utils.parametrize import is_parametrized


def normed_linear(i, o):
    fc = nn.Linear(i, o)
    nn.init.xavier_uniform_(fc.weight)
    return weight_norm(fc)


def plain_linear(i, o):
    return nn.Linear(i, o)


def plain_init(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_uniform_(m.weight)


def careful_init(m):
    if isinstance(m, nn.Linear) and not is_parametrized(m):
        nn.init.xavier_uniform_(m.weight)


class Block(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.fc = normed_linear(d, d)


class Early(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.head = plain_linear(d, d)
        self.apply(plain_init)
        self.blocks = nn.Sequential(Block(d), Block(d))


class Careful(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.blocks = nn.Sequential(Block(d), weight_norm(nn.Linear(d, d)))
        self.apply(careful_init)


class Other(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.fc = weight_norm(nn.Linear(d, d), name="bias")
        self.apply(plain_init)
"""),
    # weight-normed layers built in a comprehension inside the container the init is applied to
    "INI306-comprehension-in-container": ("INI306", """
import torch.nn as nn
from torch.nn.utils.parametrizations import weight_norm


def init_conv(m):
    if "Conv" in m.__class__.__name__:
        m.weight.data.normal_(0.0, 0.01)


class Res(nn.Module):
    def __init__(self, c, dilations=(1, 3)):
        super().__init__()
        self.convs = nn.ModuleList([weight_norm(nn.Conv1d(c, c, 3, dilation=d, padding=d)) for d in dilations])
        self.convs.apply(init_conv)
""", """
import torch.nn as nn
from torch.nn.utils.parametrizations import weight_norm


def init_conv(m):
    if "Conv" in m.__class__.__name__:
        m.weight.data.normal_(0.0, 0.01)


def init_linear(m):
    if isinstance(m, nn.Linear):
        nn.init.zeros_(m.weight)


class Res(nn.Module):
    def __init__(self, c, dilations=(1, 3)):
        super().__init__()
        self.convs = nn.ModuleList([nn.Conv1d(c, c, 3, dilation=d, padding=d) for d in dilations])
        self.convs.apply(init_conv)
        self.convs = nn.ModuleList([weight_norm(conv) for conv in self.convs])
        self.normed = nn.ModuleList([weight_norm(nn.Conv1d(c, c, 1)) for _ in dilations])
        self.normed.apply(init_linear)
"""),
    # a plain list filled with objects an isinstance test dominating the append proves to be modules
    "INI002-list-filled-under-isinstance": ("INI002", """
import torch.nn as nn


class Parallel(nn.Module):
    def __init__(self, branches):
        super().__init__()
        self.branches = []
        for b in branches:
            if not isinstance(b, nn.Module):
                raise TypeError(b)
            self.branches.append(b)
""", """
import torch.nn as nn


class Parallel(nn.Module):
    def __init__(self, branches):
        super().__init__()
        self.branches = nn.ModuleList()
        self.scales = []
        self.acts = []
        self.names = []
        for b in branches:
            if isinstance(b, nn.Module):
                self.branches.append(b)
            elif isinstance(b, float):
                self.scales.append(b)
            if isinstance(b, nn.ReLU):
                self.acts.append(b)
            if not isinstance(b, nn.Module):
                self.names.append(b)
"""),
    # a helper given a layer's weight writes it in place: the write is on the caller's parameter
    "INI107-write-through-helper-argument": ("INI107", """
import math

import torch
import torch.nn as nn


def fill_table(table, n, d):
    for pos in range(n):
        for i in range(0, d, 2):
            table[pos, i] = math.sin(pos / 10000 ** (i / d))


class Positions(nn.Module):
    def __init__(self, n, d):
        super().__init__()
        self.table = nn.Embedding(n, d)
        fill_table(self.table.weight, n, d)
""", """
import math

import torch
import torch.nn as nn


def fill_table(table, n, d):
    for pos in range(n):
        for i in range(0, d, 2):
            table[pos, i] = math.sin(pos / 10000 ** (i / d))


def frozen_table(table, n, d):
    table.requires_grad = False
    table[0, 0] = 0.0


@torch.no_grad()
def quiet_table(table, n, d):
    table[0, 0] = 0.0


def copied_table(table, n, d):
    table = table.clone()
    table[0, 0] = 0.0
    return table


class Positions(nn.Module):
    def __init__(self, n, d):
        super().__init__()
        self.table = nn.Embedding(n, d)
        with torch.no_grad():
            fill_table(self.table.weight, n, d)
        fill_table(self.table.weight.data, n, d)
        frozen_table(self.table.weight, n, d)
        quiet_table(self.table.weight, n, d)
        copied_table(self.table.weight, n, d)
        self.buffer = torch.zeros(n, d)
        fill_table(self.buffer, n, d)
"""),
    # an init argument that is a parameter: the values the project's calls give it are known
    "INI103-bound-from-a-parameter": ("INI103", """
import torch.nn as nn


def setup(model, scale=0.1):
    for m in model.modules():
        if isinstance(m, nn.LayerNorm):
            nn.init.uniform_(m.weight, 1.0, scale)


setup(nn.Sequential(nn.Linear(4, 4), nn.LayerNorm(4)))
""", """
import torch.nn as nn


def setup(model, scale=0.1):
    for m in model.modules():
        if isinstance(m, nn.LayerNorm):
            nn.init.uniform_(m.weight, 1.0 - scale, 1.0 + scale)


def widen(model, scale=0.1):
    scale = 1.0 + scale
    for m in model.modules():
        if isinstance(m, nn.LayerNorm):
            nn.init.uniform_(m.weight, 1.0, scale)


def unused(model, scale=0.1):
    for m in model.modules():
        if isinstance(m, nn.LayerNorm):
            nn.init.uniform_(m.weight, 1.0, scale)


def given(model, scale=0.1):
    for m in model.modules():
        if isinstance(m, nn.LayerNorm):
            nn.init.uniform_(m.weight, 1.0, scale)


net = nn.Sequential(nn.Linear(4, 4), nn.LayerNorm(4))
setup(net)
widen(net)
given(net, scale=2.0)
given(net, *[3.0])
"""),
    # the default slope multiplied by a scale meant for the weights
    "INI104-scaled-default-slope": ("INI104", """
import math

import torch
import torch.nn as nn


class Scaled(nn.Module):
    def __init__(self, n, k, gain=1.0):
        super().__init__()
        self.gain = gain
        self.w = nn.Parameter(torch.empty(k, n))
        nn.init.kaiming_uniform_(self.w, a=self.gain * math.sqrt(5))
""", """
import math

import torch
import torch.nn as nn


class Scaled(nn.Module):
    def __init__(self, n, k, gain=1.0):
        super().__init__()
        self.gain = gain
        self.w = nn.Parameter(torch.empty(k, n))
        nn.init.kaiming_uniform_(self.w, a=math.sqrt(5))
        with torch.no_grad():
            self.w.mul_(self.gain)
        self.v = nn.Parameter(torch.empty(k, n))
        nn.init.kaiming_uniform_(self.v, a=math.sqrt(5) * 1.0)
"""),
    # a hasattr test in the branch keeps out the class-name matches without that attribute (third set, a twin)
    "INI203-hasattr-keeps-out-wrapper": ("INI203", """
import torch.nn as nn


class GroupNormWrap(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.inner = nn.GroupNorm(2, c)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)
        self.norm = GroupNormWrap(4)


def init(m):
    if "Norm" in m.__class__.__name__:
        nn.init.ones_(m.weight)


net = Net()
net.apply(init)
""", """
import torch.nn as nn


class GroupNormWrap(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.inner = nn.GroupNorm(2, c)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)
        self.norm = GroupNormWrap(4)


def init(m):
    if hasattr(m, "weight") and "Norm" in m.__class__.__name__:
        nn.init.ones_(m.weight)


net = Net()
net.apply(init)
"""),
    # a re-init after a load that a test on the loop's variables restricts to some layers (third set, a twin)
    "INI301-selective-reinit-after-load": ("INI301", """
import torch
import torch.nn as nn


def restore(model, path):
    model.load_state_dict(torch.load(path), strict=False)
    for m in model.modules():
        if isinstance(m, nn.Linear):
            nn.init.zeros_(m.bias)
""", """
import torch
import torch.nn as nn


def restore(model, path):
    missing, _ = model.load_state_dict(torch.load(path), strict=False)
    prefixes = {k.rsplit(".", 1)[0] for k in missing}
    for name, m in model.named_modules():
        if name in prefixes and isinstance(m, nn.Linear):
            nn.init.zeros_(m.bias)
    for name, p in model.named_parameters():
        if name.startswith("adapter."):
            nn.init.zeros_(p)
"""),
    # a project that replaces torch.nn.init.calculate_gain: which names it takes is unknown (third set, a twin)
    "INI103-patched-calculate-gain": ("INI103", """
import torch.nn as nn


def init(m):
    if isinstance(m, nn.Linear):
        nn.init.kaiming_normal_(m.weight, nonlinearity="gelu")
""", """
import math

import torch
import torch.nn as nn

_gain = torch.nn.init.calculate_gain


def calculate_gain(nonlinearity, param=None):
    return math.sqrt(2.35) if nonlinearity == "gelu" else _gain(nonlinearity, param)


torch.nn.init.calculate_gain = calculate_gain


def init(m):
    if isinstance(m, nn.Linear):
        nn.init.kaiming_normal_(m.weight, nonlinearity="gelu")
"""),
    # precision on the fresh held-out packages: a subclass gets the attribute from a mixin beside the base
    "INI001-attribute-from-a-subclass-mixin": ("INI001", """
import torch
import torch.nn as nn


class QuantHandler(nn.Module):
    def forward(self, x):
        return torch.round(x / self.scale) * self.scale


class PlainHandler(QuantHandler):
    pass
""", """
import torch
import torch.nn as nn


class ScaleMixin:
    def prepare(self, scale):
        self.register_buffer("scale", torch.tensor(scale))


class QuantHandler(nn.Module):
    def forward(self, x):
        return torch.round(x / self.scale) * self.scale


class StaticHandler(QuantHandler, ScaleMixin):
    pass
"""),
    # torch's weight_norm(self) adds weight_g and weight_v to the module
    "INI001-weight-norm-on-self": ("INI001", """
import torch.nn as nn
import torch.nn.functional as F


class NormedConv(nn.Conv1d):
    def forward(self, x):
        w = self.weight_v * (self.weight_g / self.weight_v.norm(dim=1, keepdim=True))
        return F.conv1d(x, w, self.bias)
""", """
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils import weight_norm


class NormedConv(nn.Conv1d):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        weight_norm(self, dim=2)

    def forward(self, x):
        w = self.weight_v * (self.weight_g / self.weight_v.norm(dim=1, keepdim=True))
        return F.conv1d(x, w, self.bias)
"""),
    # a norm branch that writes torch's defaults (weight 1, bias 0) misses nothing by skipping a sibling norm
    "INI202-norm-branch-writes-defaults": ("INI202", """
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)
        self.bn = nn.BatchNorm2d(4)
        self.head = nn.Sequential(nn.Linear(4, 4), nn.BatchNorm1d(4))
        for m in self.modules():
            if isinstance(m, nn.BatchNorm2d):
                nn.init.normal_(m.weight, 1.0, 0.02)
                nn.init.zeros_(m.bias)
""", """
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)
        self.bn = nn.BatchNorm2d(4)
        self.head = nn.Sequential(nn.Linear(4, 4), nn.BatchNorm1d(4))
        for m in self.modules():
            if isinstance(m, nn.BatchNorm2d):
                nn.init.constant_(m.weight, 1)
                nn.init.constant_(m.bias, 0)
"""),
    # a guard on the module's own tensor nested in a branch is the same branch (third set's deeplab#44; and a
    # sibling initialized under its None guard is initialized, a false positive of the second held-out half)
    "INI207-guard-nested-in-branch": ("INI207", """
import torch.nn as nn


def init(m):
    if isinstance(m, nn.GroupNorm):
        nn.init.ones_(m.weight)
        if m.bias is not None:
            nn.init.ones_(m.weight)
""", """
import torch.nn as nn


def init(m):
    if isinstance(m, nn.GroupNorm):
        nn.init.ones_(m.weight)
        if m.bias is not None:
            nn.init.zeros_(m.bias)
    elif isinstance(m, nn.Conv2d):
        nn.init.constant_(m.weight, 1)
        nn.init.kaiming_normal_(m.weight)
        if m.bias is not None:
            m.bias.data.zero_()
"""),
    # the dispatch is at the call site and the unguarded write in the helper it calls with the loop's module
    # (third set's mmcv#153): the helper's write runs on the types the call site selects
    "INI201-helper-called-in-dispatch": ("INI201", """
import torch.nn as nn


def fill(module, val):
    nn.init.constant_(module.weight, val)
    if module.bias is not None:
        nn.init.zeros_(module.bias)


class Stem(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3)
        self.bn = nn.BatchNorm2d(8, affine=False)

    def init_weights(self):
        for m in self.modules():
            if isinstance(m, nn.BatchNorm2d):
                fill(m, 1)
""", """
import torch.nn as nn


def fill(module, val):
    if module.weight is not None:
        nn.init.constant_(module.weight, val)
    if module.bias is not None:
        nn.init.zeros_(module.bias)


class Stem(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3)
        self.bn = nn.BatchNorm2d(8, affine=False)

    def init_weights(self):
        for m in self.modules():
            if isinstance(m, nn.BatchNorm2d):
                fill(m, 1)
            elif isinstance(m, nn.Conv2d):
                fill(m, 0.5)
"""),
    # a project class that only adds methods to a torch layer is that layer, built with its arguments (third
    # set's tmi2022#19: `class Linear(nn.Linear, RelProp): pass`, `Linear(d, 3 * d, bias=False)`)
    "INI201-layer-subclass-without-init": ("INI201", """
import torch.nn as nn


class Explain:
    def relevance(self, r):
        return r


class Dense(nn.Linear, Explain):
    pass


class Attn(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.qkv = Dense(d, 3 * d, bias=False)


def init(m):
    if isinstance(m, nn.Linear):
        nn.init.zeros_(m.bias)


Attn(8).apply(init)
""", """
import torch.nn as nn


class Explain:
    def relevance(self, r):
        return r


class Dense(nn.Linear, Explain):
    def __init__(self, i, o, bias=True):
        super().__init__(i, o, bias=True)


class Attn(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.qkv = Dense(d, 3 * d, bias=False)


def init(m):
    if isinstance(m, nn.Linear):
        nn.init.zeros_(m.bias)


Attn(8).apply(init)
"""),
    # a plain list that receives lists of layers hides them too (third set's pytorch#715)
    "INI002-list-of-lists-of-layers": ("INI002", """
import torch.nn as nn


class Net(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        self.stages = []
        for a, b in zip(sizes, sizes[1:]):
            self.stages.append((nn.Linear(a, b), nn.Tanh()))

    def forward(self, x):
        for lin, act in self.stages:
            x = act(lin(x))
        return x
""", """
import torch.nn as nn


class Net(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        self.stages = nn.ModuleList()
        for a, b in zip(sizes, sizes[1:]):
            self.stages.append(nn.Sequential(nn.Linear(a, b), nn.Tanh()))

    def forward(self, x):
        for stage in self.stages:
            x = stage(x)
        return x
"""),
    # a padding index that a call gives None, used to zero a row: weight[None] is the whole table (third set's
    # fairseq#4076)
    "INI205-padding-index-may-be-none": ("INI205", """
import torch.nn as nn


def make_table(rows, dim, pad):
    table = nn.Embedding(rows, dim, padding_idx=pad)
    nn.init.normal_(table.weight, std=dim ** -0.5)
    nn.init.zeros_(table.weight[pad])
    return table


words = make_table(100, 16, 0)
positions = make_table(64, 16, None)
""", """
import torch.nn as nn


def make_table(rows, dim, pad):
    table = nn.Embedding(rows, dim, padding_idx=pad)
    nn.init.normal_(table.weight, std=dim ** -0.5)
    if pad is not None:
        nn.init.zeros_(table.weight[pad])
    return table


words = make_table(100, 16, 0)
positions = make_table(64, 16, None)
"""),
    # the weight of a padding Embedding replaced whole by a random Parameter (third set's pytorch#1812)
    "INI205-padding-weight-replaced": ("INI205", """
import torch
import torch.nn as nn


class Encoder(nn.Module):
    def __init__(self, vocab, dim):
        super().__init__()
        self.tokens = nn.Embedding(vocab, dim, padding_idx=0)
        self.tokens.weight = nn.Parameter(torch.randn(vocab, dim))
""", """
import torch
import torch.nn as nn


class Encoder(nn.Module):
    def __init__(self, vocab, dim):
        super().__init__()
        self.tokens = nn.Embedding(vocab, dim, padding_idx=0)
        self.tokens.weight = nn.Parameter(torch.randn(vocab, dim))
        self.tokens.weight.data[0] = 0
"""),
    # a loop over enumerate(self.modules()) is a loop over the modules (fourth set's BSN#11)
    "INI202-enumerated-modules-loop": ("INI202", """
import torch.nn as nn


class Temporal(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv1d(8, 16, 3)
        self.conv2 = nn.Conv1d(16, 4, 1)
        for i, m in enumerate(self.modules()):
            if isinstance(m, nn.Conv2d):
                nn.init.xavier_normal_(m.weight)
""", """
import torch.nn as nn


class Temporal(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv1d(8, 16, 3)
        self.conv2 = nn.Conv1d(16, 4, 1)
        for i, m in enumerate(self.modules()):
            if isinstance(m, nn.Conv1d):
                nn.init.xavier_normal_(m.weight)
"""),
    # apply(lambda m: f(m, n)) applies f (fourth set's Graphormer#41)
    "INI205-apply-through-lambda": ("INI205", """
import torch.nn as nn


def init_params(module, depth):
    if isinstance(module, nn.Embedding):
        module.weight.data.normal_(mean=0.0, std=0.02)


class Encoder(nn.Module):
    def __init__(self, depth=2):
        super().__init__()
        self.atoms = nn.Embedding(64, 16, padding_idx=0)
        self.apply(lambda module: init_params(module, depth))
""", """
import torch.nn as nn


def init_params(module, depth):
    if isinstance(module, nn.Embedding):
        module.weight.data.normal_(mean=0.0, std=0.02)
        if module.padding_idx is not None:
            module.weight.data[module.padding_idx].zero_()


class Encoder(nn.Module):
    def __init__(self, depth=2):
        super().__init__()
        self.atoms = nn.Embedding(64, 16, padding_idx=0)
        self.apply(lambda module: init_params(module, depth))
"""),
    # after a load, a loop that writes named sublayers of some modules (m.gate.weight) is a partial re-init, not a
    # blanket one (fourth set's LAVT-RIS#25 twin, a false positive)
    "INI301-named-sublayer-after-load": ("INI301", """
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Linear(4, 4)

    def setup(self, path):
        self.load_state_dict(torch.load(path))
        for m in self.modules():
            if isinstance(m, nn.Linear):
                nn.init.zeros_(m.weight)
""", """
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Linear(4, 4)
        self.gate = nn.Sequential(nn.Linear(4, 4))

    def setup(self, path):
        self.load_state_dict(torch.load(path), strict=False)
        for m in self.modules():
            if isinstance(m, Net):
                nn.init.zeros_(m.gate[0].weight)
"""),
    # every layer but the batch norms (a negated isinstance), built by a project factory that returns
    # nn.Sequential(...) (fourth set's fastai#492); `hasattr(m.bias, "data")` is a None guard
    "INI201-negated-dispatch-over-factory-layers": ("INI201", """
import torch.nn as nn


def conv_bn(a, b):
    return nn.Sequential(nn.Conv2d(a, b, 3, bias=False), nn.BatchNorm2d(b), nn.ReLU())


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(conv_bn(3, 8), conv_bn(8, 8))
        self.fc = nn.Linear(8, 2)


def init(m):
    if not isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
        if hasattr(m, "bias"):
            m.bias.data.fill_(0.0)


Net().apply(init)
""", """
import torch.nn as nn


def conv_bn(a, b):
    return nn.Sequential(nn.Conv2d(a, b, 3, bias=False), nn.BatchNorm2d(b), nn.ReLU())


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(conv_bn(3, 8), conv_bn(8, 8))
        self.fc = nn.Linear(8, 2)


def init(m):
    if not isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
        if hasattr(m, "bias") and hasattr(m.bias, "data"):
            m.bias.data.fill_(0.0)


Net().apply(init)
"""),
    # layers bound to locals in a loop and appended to a plain list (fifth set's pytorch#21905)
    "INI002-local-layers-appended": ("INI002", """
import torch.nn as nn


class Stacked(nn.Module):
    def __init__(self, d, n):
        super().__init__()
        self.cells = []
        for _ in range(n):
            cell = nn.Linear(d, d)
            self.cells.append(cell)
""", """
import torch.nn as nn


class Stacked(nn.Module):
    def __init__(self, d, n):
        super().__init__()
        self.cells = nn.ModuleList()
        for _ in range(n):
            cell = nn.Linear(d, d)
            self.cells.append(cell)
"""),
}


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_pair(name):
    code, bad, good = PAIRS[name]
    assert code in {f.code for f in check_source(bad, "bad.py", DEFAULT)}
    assert code not in {f.code for f in check_source(good, "good.py", DEFAULT)}


def test_ini001_class_redefined_later_is_silent():
    """A class redefined further down the file under the same name: the first definition's reads are not known to
    run (a shadowed draft, the precision set's spandrel); the last one is still checked."""
    source = """
import torch.nn as nn


class Block(nn.Module):
    def forward(self, x):
        return self.proj(x)


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)

    def forward(self, x):
        return self.fc(x) + self.scale
"""
    found = [(f.code, f.line) for f in check_source(source, "m.py", DEFAULT) if f.code == "INI001"]
    assert found == [("INI001", 16)]


def test_ini105_parameter_branch_is_a_tensor():
    """``elif isinstance(module, nn.Parameter): nn.init.xavier_uniform_(module)``: the subject is a tensor in that
    branch (the fresh precision set's fla and recbole, four false positives); a module branch is still reported."""
    source = """
import torch.nn as nn


def init(module):
    if isinstance(module, nn.Linear):
        nn.init.xavier_uniform_(module)
    elif isinstance(module, nn.Parameter):
        nn.init.xavier_uniform_(module, gain=2 ** -2.5)
"""
    found = [(f.code, f.line) for f in check_source(source, "m.py", DEFAULT) if f.code == "INI105"]
    assert found == [("INI105", 7)]
