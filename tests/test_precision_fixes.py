"""False positives found on the fifth precision set (32 fresh packages, docs/precision.md "Fourth held-out
measurement"), each as a minimal pair in our own words: ``bad`` keeps the finding (the rule still sees the bug)
and ``good`` is the idiom that was reported wrongly, now silent."""

import pytest

from initlint.engine import check_source
from initlint.rules import select_rules

DEFAULT = select_rules(None)

PAIRS = {
    # self.load_state_dict(...) in __init__ loads the whole model, it does not make every attribute a pretrained
    # submodule; and a re-init on the other branch of the load's `if` never runs after it
    "INI305-self-load-is-not-a-submodule": ("INI305", """
import torch
import torch.nn as nn
import torchvision


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.backbone = torchvision.models.resnet18(pretrained=True)
        self.head = nn.Linear(512, 10)
        self.apply(init)
""", """
import torch
import torch.nn as nn


class Model(nn.Module):
    def __init__(self, stage, path):
        super().__init__()
        self.n = 100
        self.embed = nn.Embedding(self.n, 8)
        self.head = nn.Linear(8, 2)
        if stage == "pretrain":
            self.apply(init)
        else:
            self.load_state_dict(torch.load(path))
"""),
    # a method the code only calls under torch.no_grad() writes parameters in place with autograd off
    "INI107-called-only-under-no-grad": ("INI107", """
import torch
import torch.nn as nn


class Expert(nn.Module):
    def __init__(self):
        super().__init__()
        self.up = nn.Linear(4, 4)

    def take(self, w):
        self.up.weight.copy_(w)


def convert(expert, w):
    expert.take(w)
""", """
import torch
import torch.nn as nn


class Expert(nn.Module):
    def __init__(self):
        super().__init__()
        self.up = nn.Linear(4, 4)

    def take(self, w):
        self.up.weight.copy_(w)


@torch.no_grad()
def convert(experts, w):
    for expert in experts:
        expert.take(w)
"""),
    # an item store into a weight whose requires_grad was turned off just before
    "INI107-item-store-after-requires-grad-off": ("INI107", """
import torch.nn as nn


def tie_rows(model):
    emb = nn.Embedding(10, 4)
    emb.weight[0] = 0
    return emb
""", """
import torch.nn as nn


def tie_rows(model):
    emb = nn.Embedding(10, 4)
    emb.weight.requires_grad_(False)
    emb.weight[0] = 0
    return emb
"""),
    # torch.empty(0) has no element to leave uninitialized
    "INI004-zero-elements": ("INI004", """
import torch
import torch.nn as nn


class Wrapper(nn.Module):
    def __init__(self):
        super().__init__()
        self.dummy = nn.Parameter(torch.empty(1))
""", """
import torch
import torch.nn as nn


class Wrapper(nn.Module):
    def __init__(self):
        super().__init__()
        self.dummy = nn.Parameter(torch.empty(0))
"""),
    # a declarative registry: the dict naming the parameter lives in a model config, not in the class
    "INI004-registry-dict-in-a-config": ("INI004", """
import torch
import torch.nn as nn


class Base(nn.Module):
    def init_states(self):
        for name, p in self.named_parameters(recurse=False):
            self.param_init[name](p)


class Experts(Base):
    def __init__(self, n, d):
        super().__init__()
        self.w_up = nn.Parameter(torch.empty(n, d, d))


SETTINGS = {"w_down": nn.init.zeros_}
""", """
import torch
import torch.nn as nn


class Base(nn.Module):
    def init_states(self):
        for name, p in self.named_parameters(recurse=False):
            self.param_init[name](p)


class Experts(Base):
    def __init__(self, n, d):
        super().__init__()
        self.w_up = nn.Parameter(torch.empty(n, d, d))


SETTINGS = {"w_up": nn.init.zeros_}
"""),
    # RNNCellBase.reset_parameters initializes every parameter, a subclass's own too
    "INI004-torch-reset-of-every-parameter": ("INI004", """
import torch
import torch.nn as nn


class PeepholeCell(nn.Module):
    def __init__(self, n, h):
        super().__init__()
        self.peep = nn.Parameter(torch.Tensor(h, h))
""", """
import torch
import torch.nn as nn


class PeepholeCell(nn.RNNCellBase):
    def __init__(self, n, h):
        super().__init__(n, h, True, 4)
        self.peep = nn.Parameter(torch.Tensor(h, h))
        self.reset_parameters()
"""),
    # the model that builds the block initializes every parameter it holds, the block's included
    "INI004-owner-initializes-every-parameter": ("INI004", """
import math

import torch
import torch.nn as nn


class Cell(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.w = nn.Parameter(torch.Tensor(d, d))


class Model(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.cell = Cell(d)
""", """
import math

import torch
import torch.nn as nn


class Cell(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.w = nn.Parameter(torch.Tensor(d, d))


class Model(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.cell = Cell(d)
        self.reset()

    def reset(self):
        bound = 1.0 / math.sqrt(8)
        for weight in self.parameters():
            weight.data.uniform_(-bound, bound)
"""),
    # a module-level helper whose first parameter is named `self` sets the attributes it is given
    "INI001-helper-function-with-self-parameter": ("INI001", """
import torch.nn as nn


def _cross_init(self, d):
    self.cross_q = nn.Linear(d, d)


class Block(nn.Module):
    def __init__(self, d):
        super().__init__()
        _cross_init(self, d)

    def forward(self, x):
        return self.cross_k(x)
""", """
import torch.nn as nn


def _cross_init(self, d):
    self.cross_q = nn.Linear(d, d)
    self.cross_k = nn.Linear(d, d)


class Block(nn.Module):
    def __init__(self, d):
        super().__init__()
        _cross_init(self, d)

    def forward(self, x):
        return self.cross_k(x)
"""),
    # a registered head repeated in place of itself: one head shared by every decoder layer, on purpose
    "INI003-head-shared-in-place-of-itself": ("INI003", """
import torch.nn as nn


class Detector(nn.Module):
    def __init__(self, d, layers):
        super().__init__()
        self.head = nn.Linear(d, 4)
        self.heads = nn.ModuleList([self.head for _ in range(layers)])
""", """
import torch.nn as nn


class Detector(nn.Module):
    def __init__(self, d, layers):
        super().__init__()
        self.head = nn.Linear(d, 4)
        self.head = nn.ModuleList([self.head for _ in range(layers)])
"""),
    # a plain list of project modules that hold no parameter loses nothing
    "INI002-list-of-parameter-free-modules": ("INI002", """
import torch.nn as nn


class Smooth(nn.Module):
    def __init__(self, k):
        super().__init__()
        self.proj = nn.Linear(k, k)


class Decomp(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        self.smooth = [Smooth(k) for k in sizes]
""", """
import torch.nn as nn


class Smooth(nn.Module):
    def __init__(self, k):
        super().__init__()
        self.pool = nn.AvgPool1d(k, stride=1)


class Decomp(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        self.smooth = [Smooth(k) for k in sizes]
"""),
    # normal_ on a tensor made from the argument (x.new_empty(...)) writes the new tensor, not a weight
    "INI304-fresh-tensor-is-not-a-weight": ("INI304", """
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 4)

    def init_fc(self, std):
        self.fc.weight.data.normal_(0, std)
""", """
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 4)

    def noise(self, x, std):
        return x.new_empty(x.shape).normal_(0, std)
"""),
    # a dimension guard written on the tensor's data (p.data.dim() == 2)
    "INI102-dim-guard-on-data": ("INI102", """
import torch.nn as nn


def init(m):
    if isinstance(m, nn.LSTM):
        for p in m.parameters():
            nn.init.orthogonal_(p.data)
""", """
import torch.nn as nn


def init(m):
    if isinstance(m, nn.LSTM):
        for p in m.parameters():
            if p.data.dim() == 2:
                nn.init.orthogonal_(p.data)
            else:
                nn.init.zeros_(p.data)
"""),
    # a re-init on the other branch of the `if` that loads the submodule never runs after the load
    "INI305-reinit-on-the-other-branch": ("INI305", """
import torch
import torch.nn as nn


class Student(nn.Module):
    def __init__(self, path, warm):
        super().__init__()
        self.teacher = nn.Linear(8, 8)
        self.head = nn.Linear(8, 2)
        if warm:
            self.teacher.load_state_dict(torch.load(path))
        self.apply(init)
""", """
import torch
import torch.nn as nn


class Student(nn.Module):
    def __init__(self, path, warm):
        super().__init__()
        self.teacher = nn.Linear(8, 8)
        self.head = nn.Linear(8, 2)
        if warm:
            self.teacher.load_state_dict(torch.load(path))
        else:
            self.apply(init)
"""),
}


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_pair(name):
    code, bad, good = PAIRS[name]
    assert code in {f.code for f in check_source(bad, "bad.py", DEFAULT)}
    assert code not in {f.code for f in check_source(good, "good.py", DEFAULT)}
