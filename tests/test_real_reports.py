"""Recall on bugs rebuilt from real public bug reports (tests/real_reports.py), issue 9.

Each case in a class a rule claims must be reported by that class's rules on the bad program and not on its
corrected twin (default rules where a default rule claims the class, else the opt-in rules); every corrected twin
gets no default finding at all. A case the rules miss today is an ``xfail(strict=True)`` in ``GAPS`` with the reason,
so the table is the record and closing a gap without updating it fails the run. ``python bench/recall.py`` prints
the same measure as a table.
"""

import pytest

from initlint.engine import check_source
from initlint.rules import RULES, select_rules
from real_reports import CASES, CLASSES

DEFAULT = select_rules(None)
ALL = select_rules(["ALL"])

# case id -> why the rules miss it (strict xfail)
GAPS = {
    "Non-local-44": "INI201: the init reaches the norm layer through an index into an nn.Sequential (`self.W[1]`)",
    "fastai-2090": "INI310 claims two explicit inits through the two names; here the embedding keeps its "
                   "constructor's default and one `apply` after the tie writes the tied tensor",
    "triplet-attention-27": "INI102: a state_dict() loop with a name filter that also selects BatchNorm tensors",
    "cleanrl-358": "INI208 (opt-in): a named_parameters() loop selecting weight_hh through `'weight' in name`",
}

# case id -> why the corrected twin gets a default finding (strict xfail)
TWIN_FINDINGS: dict[str, str] = {}


def claim_of(case, classes):
    """The codes that claim the case's class and the rules to run: the default ones where a default rule claims
    it, else every rule."""
    claim = classes[case["cls"]] or ()
    default = tuple(code for code in claim if RULES[code].default)
    return (default, DEFAULT) if default else (claim, ALL)


def findings_of(source, rules):
    return {(f.code, f.message) for f in check_source(source, "case.py", rules)}


def covered_params(cases, classes, gaps):
    """A pytest param for each case in a claimed class and not scoped out; a known gap is a strict xfail."""
    for case in cases:
        if classes[case["cls"]] and not case["scope"]:
            marks = [pytest.mark.xfail(strict=True, reason=gaps[case["id"]])] if case["id"] in gaps else []
            yield pytest.param(case, id=case["id"], marks=marks)


def twin_params(cases, twin_findings):
    for case in cases:
        reason = twin_findings.get(case["id"])
        yield pytest.param(case, id=case["id"], marks=[pytest.mark.xfail(strict=True, reason=reason)] if reason else [])


def assert_reported(case, classes):
    codes, rules = claim_of(case, classes)
    bad, good = findings_of(case["bad"], rules), findings_of(case["good"], rules)
    assert any(code in codes for code, _ in bad - good), f"{case['id']}: none of {codes} reported; got {sorted(bad)}"
    assert not any(code in codes for code, _ in good - bad), f"{case['id']}: reported on the twin: {sorted(good)}"


def test_corpus_shape():
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    assert len(CASES) >= 35
    assert all(c["url"].startswith("https://") for c in CASES)
    assert set(GAPS) <= set(ids) and set(TWIN_FINDINGS) <= set(ids)
    for codes in CLASSES.values():
        assert codes is None or all(code in RULES for code in codes)
    # out-of-scope cases are kept, so the measure says what initlint does not claim
    assert any(CLASSES[c["cls"]] is None for c in CASES)


@pytest.mark.parametrize("case", list(covered_params(CASES, CLASSES, GAPS)))
def test_bug_is_reported(case):
    assert_reported(case, CLASSES)


@pytest.mark.parametrize("case", list(twin_params(CASES, TWIN_FINDINGS)))
def test_corrected_twin_is_clean(case):
    assert findings_of(case["good"], DEFAULT) == set()


# Gaps closed: each pair in our own words, reported on ``bad`` and silent on ``good`` (code, bad, good).
PAIRS = {
    "INI201-direct-attribute": ("INI201", """
import torch.nn as nn


class Head(nn.Module):
    def __init__(self, dim, classes):
        super().__init__()
        self.proj = nn.Linear(dim, dim, bias=False)
        self.norm = nn.InstanceNorm1d(dim)
        self.out = nn.Linear(dim, classes)
        nn.init.zeros_(self.proj.bias)
        nn.init.ones_(self.norm.weight)
        nn.init.zeros_(self.out.bias)
""", """
import torch.nn as nn


class Head(nn.Module):
    def __init__(self, dim, classes, bias=True):
        super().__init__()
        self.proj = nn.Linear(dim, dim, bias=bias)
        self.norm = nn.InstanceNorm1d(dim, affine=True)
        self.out = nn.Linear(dim, classes)
        if self.proj.bias is not None:
            nn.init.zeros_(self.proj.bias)
        nn.init.zeros_(self.proj.bias) if bias else None
        nn.init.ones_(self.norm.weight)
        nn.init.zeros_(self.out.bias)


class Wide(Head):
    def __init__(self, dim, classes):
        super().__init__(dim, classes)
        self.extra = nn.Linear(dim, dim, bias=False)
        self.extra = nn.Linear(dim, dim)
"""),
    "INI201-direct-attribute-reassigned": ("INI201", """
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.fc = nn.Linear(dim, dim, bias=False)
        self.reset_parameters()

    def reset_parameters(self):
        nn.init.constant_(self.fc.bias, 0.0)
""", """
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.fc = nn.Linear(dim, dim, bias=False)
        self.reset_parameters()

    def reset_parameters(self):
        nn.init.constant_(self.fc.bias, 0.0)


class BiasedBlock(Block):
    def __init__(self, dim):
        nn.Module.__init__(self)
        self.fc = nn.Linear(dim, dim)
        self.reset_parameters()


def widen(block, dim):
    block.fc = nn.Linear(dim, dim)
"""),
    "INI205-direct-attribute": ("INI205", """
import torch
import torch.nn as nn


class Tokens(nn.Module):
    def __init__(self, vocab, dim):
        super().__init__()
        self.tok = nn.Embedding(vocab, dim, padding_idx=1)
        self.reset_parameters()

    def reset_parameters(self):
        nn.init.normal_(self.tok.weight, std=0.02)
""", """
import torch
import torch.nn as nn


class Tokens(nn.Module):
    def __init__(self, vocab, dim):
        super().__init__()
        self.tok = nn.Embedding(vocab, dim, padding_idx=1)
        self.reset_parameters()

    def reset_parameters(self):
        nn.init.normal_(self.tok.weight, std=0.02)
        with torch.no_grad():
            self.tok.weight[1].fill_(0)


class ConfigTokens(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.tok = nn.Embedding(config.vocab, config.dim, padding_idx=config.pad_token_id)
        nn.init.normal_(self.tok.weight, std=0.02)
"""),
    "INI205-local-embedding": ("INI205", """
import torch.nn as nn


def make_embedding(vocab, dim, pad):
    emb = nn.Embedding(vocab, dim, pad)
    nn.init.uniform_(emb.weight, -0.1, 0.1)
    return emb
""", """
import torch.nn as nn


def make_embedding(vocab, dim, pad=None):
    emb = nn.Embedding(vocab, dim, pad)
    nn.init.uniform_(emb.weight, -0.1, 0.1)
    return emb


def make_padded(vocab, dim, pad):
    emb = nn.Embedding(vocab, dim, padding_idx=pad)
    nn.init.uniform_(emb.weight, -0.1, 0.1)
    emb.weight.data[pad] = 0
    return emb
"""),
    "INI304-applies-inner-function": ("INI304", """
import torch.nn as nn


def initialize(model, std=0.02):
    def _init(module):
        if isinstance(module, nn.Linear):
            nn.init.normal_(module.weight, std=std)

    model.apply(_init)


class Probe(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.fc = nn.Linear(dim, 1)
""", """
import torch.nn as nn


def initialize(model, std=0.02):
    def _init(module):
        if isinstance(module, nn.Linear):
            nn.init.normal_(module.weight, std=std)

    model.apply(_init)


def describe(model):
    def _show(module):
        nn.init.normal_(module.weight)

    print(_show)
    return model


class Probe(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.fc = nn.Linear(dim, 1)
        initialize(self)
"""),
    "INI002-local-list": ("INI002", """
import torch.nn as nn


class Tower(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        blocks = []
        for a, b in zip(sizes, sizes[1:]):
            blocks.append(nn.Linear(a, b))
        self.blocks = blocks

    def forward(self, x):
        for block in self.blocks:
            x = block(x).relu()
        return x
""", """
import torch.nn as nn


class Tower(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        blocks = []
        for a, b in zip(sizes, sizes[1:]):
            blocks.append(nn.Linear(a, b))
        self.blocks = blocks
        self.net = nn.Sequential(*blocks)

    def forward(self, x):
        return self.net(x)


class Named(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        blocks = []
        for i, (a, b) in enumerate(zip(sizes, sizes[1:])):
            blocks.append(nn.Linear(a, b))
            self.add_module(f"block{i}", blocks[-1])
        self.blocks = blocks


class Rebound(nn.Module):
    def __init__(self, sizes, existing):
        super().__init__()
        blocks = []
        blocks.append(nn.Linear(sizes[0], sizes[1]))
        blocks = existing
        self.blocks = blocks
        self.names = []
"""),
    "INI003-factory-function": ("INI003", """
import torch.nn as nn


def block(dim):
    layers = [nn.Linear(dim, dim), nn.GELU()]
    return nn.Sequential(*layers)


class Stack(nn.Module):
    def __init__(self, dim, depth):
        super().__init__()
        self.blocks = nn.ModuleList([block(dim)] * depth)
""", """
import functools

import torch.nn as nn

SHARED = {}


def block(dim):
    layers = [nn.Linear(dim, dim), nn.GELU()]
    return nn.Sequential(*layers)


def cached(dim):
    return SHARED.setdefault(dim, nn.Linear(dim, dim))


@functools.lru_cache
def memo(dim):
    return nn.Linear(dim, dim)


class Stack(nn.Module):
    def __init__(self, dim, depth):
        super().__init__()
        self.blocks = nn.ModuleList([block(dim) for _ in range(depth)])
        self.tied = nn.ModuleList([cached(dim)] * depth)
        self.memo = nn.ModuleList([memo(dim)] * depth)
"""),
    "INI104-local-gain": ("INI104", """
import torch.nn as nn


def init_conv(conv):
    gain = nn.init.calculate_gain("relu")
    nn.init.kaiming_uniform_(conv.weight, a=gain)


init_conv(nn.Conv2d(3, 8, 3))
""", """
import torch.nn as nn


def init_conv(conv, slope=0.2):
    gain = nn.init.calculate_gain("relu")
    nn.init.kaiming_uniform_(conv.weight, a=slope)
    nn.init.xavier_uniform_(conv.weight, gain=gain)


def init_other(conv, gain):
    nn.init.kaiming_uniform_(conv.weight, a=gain)


def init_mixed(conv, relu):
    slope = nn.init.calculate_gain("relu")
    if not relu:
        slope = 0.01
    nn.init.kaiming_uniform_(conv.weight, a=slope)


init_conv(nn.Conv2d(3, 8, 3))
init_other(nn.Conv2d(3, 8, 3), 0.1)
init_mixed(nn.Conv2d(3, 8, 3), False)
"""),
    "INI306-container-apply": ("INI306", """
import torch.nn as nn
from torch.nn.utils import spectral_norm


def init_fn(m):
    if isinstance(m, nn.Conv2d):
        nn.init.normal_(m.weight, 0.0, 0.02)


class Critic(nn.Module):
    def __init__(self, depth):
        super().__init__()
        self.convs = nn.ModuleList()
        for _ in range(depth):
            self.convs.append(spectral_norm(nn.Conv2d(64, 64, 3, padding=1)))
        self.convs.apply(init_fn)
""", """
import torch.nn as nn
from torch.nn.utils import spectral_norm


def init_fn(m):
    if isinstance(m, nn.Linear):
        nn.init.normal_(m.weight, 0.0, 0.02)


def init_bias(m):
    if isinstance(m, nn.Conv2d):
        nn.init.zeros_(m.bias)


class Critic(nn.Module):
    def __init__(self, depth):
        super().__init__()
        self.convs = nn.ModuleList()
        for _ in range(depth):
            self.convs.append(spectral_norm(nn.Conv2d(64, 64, 3, padding=1)))
        self.convs.apply(init_fn)
        self.convs.apply(init_bias)
        self.plain = nn.ModuleList()
        self.plain.apply(init_fn)
        self.plain.append(spectral_norm(nn.Conv2d(64, 64, 3)))
"""),
    "INI305-project-backbone": ("INI305", """
import torch.nn as nn
import torchvision


class Encoder(nn.Module):
    def __init__(self, weights=None):
        super().__init__()
        self.body = torchvision.models.resnet50(weights=weights)


class Segmenter(nn.Module):
    def __init__(self, classes):
        super().__init__()
        self.encoder = Encoder(weights="IMAGENET1K_V2")
        self.head = nn.Conv2d(2048, classes, 1)
        self._init()

    def _init(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out")
""", """
import torch.nn as nn
import torchvision


class Encoder(nn.Module):
    def __init__(self, weights=None):
        super().__init__()
        self.body = torchvision.models.resnet50(weights=weights)


class Segmenter(nn.Module):
    def __init__(self, classes, weights=None):
        super().__init__()
        self.encoder = Encoder(weights=weights)
        self.scratch = Encoder()
        self.head = nn.Conv2d(2048, classes, 1)
        self._init()

    def _init(self):
        for m in self.head.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out")


class Tuned(nn.Module):
    def __init__(self, classes):
        super().__init__()
        self._init()
        self.encoder = Encoder(weights="IMAGENET1K_V2")
        self.head = nn.Conv2d(2048, classes, 1)

    def _init(self):
        self.apply(lambda m: None)
"""),
    "INI301-holder-object": ("INI301", """
import torch


def init_fn(m):
    if isinstance(m, torch.nn.Linear):
        torch.nn.init.zeros_(m.weight)


class Trainer:
    def __init__(self, net, lr=1e-3):
        self.net = net
        self.lr = lr

    def restart(self):
        self.net.apply(init_fn)


def resume(net, path):
    trainer = Trainer(net)
    net.load_state_dict(torch.load(path))
    trainer.restart()
    return trainer
""", """
import torch


def init_fn(m):
    if isinstance(m, torch.nn.Linear):
        torch.nn.init.zeros_(m.weight)


class Trainer:
    def __init__(self, net, head, lr=1e-3):
        self.net = net
        self.head = head
        self.lr = lr

    def restart(self):
        self.net.apply(init_fn)

    def new_head(self):
        self.head.apply(init_fn)


def resume(net, head, path):
    trainer = Trainer(net, head)
    trainer.restart()
    net.load_state_dict(torch.load(path))
    trainer.new_head()
    return trainer
"""),
    "INI107-tensor-to-layer-parameter": ("INI107", """
import torch
import torch.nn as nn


def ones(shape):
    return torch.ones(shape)


class Gate(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.fc = nn.Linear(dim, dim)
        self.fc.bias = ones(dim)
""", """
import torch
import torch.nn as nn


def ones(shape):
    return nn.Parameter(torch.ones(shape))


def fresh(shape, scale):
    return torch.ones(shape) * scale


class Gate(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.fc = nn.Linear(dim, dim)
        self.fc.bias = ones(dim)
        self.fc.weight = fresh((dim, dim), 0.1)
        self.scale = torch.ones(dim)
"""),
}


@pytest.mark.parametrize("code, bad, good", list(PAIRS.values()), ids=list(PAIRS))
def test_gap_pair(code, bad, good):
    rules = DEFAULT if RULES[code].default else ALL
    assert code in {code for code, _ in findings_of(bad, rules)}
    assert code not in {code for code, _ in findings_of(good, rules)}
