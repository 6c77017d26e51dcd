"""Init events (``initlint.events``): one model of every initialization, and the init rules as queries over it.

Each resolution path has a bad/good pair: the rule catches the bad form *through that path* (it did not before
the events model) and stays silent on the corrected twin. Then unit tests of the extraction itself.
"""

import os
import textwrap

import pytest

from initlint.engine import check_source
from initlint.events import events
from initlint.index import ProjectIndex
from initlint.rules import select_rules
from initlint.summary import UNKNOWN, summarize_source

RULES = select_rules(["ALL"])


def codes(src):
    return sorted({(f.code, f.line) for f in check_source(textwrap.dedent(src), "case.py", RULES)})


def fired(src, code):
    return [line for c, line in codes(src) if c == code]


HEAD = "import torch\nimport torch.nn as nn\n"

# (id, rule, bad, good, line of the finding in bad)
PAIRS = [
    # ---- local aliases ----------------------------------------------------------------------------------------
    ("alias-INI201", "INI201", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2, bias=False)
        b = self.fc.bias
        nn.init.zeros_(b)
""", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        b = self.fc.bias
        nn.init.zeros_(b)
""", 9),
    ("alias-INI102", "INI102", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        b = self.fc.bias
        nn.init.xavier_uniform_(b)
""", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        w = self.fc.weight
        nn.init.xavier_uniform_(w)
""", 9),
    ("alias-INI107", "INI107", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        w = self.fc.weight
        w.normal_(0, 0.02)
""", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        w = self.fc.weight.data
        w.normal_(0, 0.02)
""", 9),
    ("alias-rebound-INI107", "INI107", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.empty(3))
        t = self.w
        t.normal_()
""", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.empty(3))
        t = self.w
        t = t.detach().clone()
        t.normal_()
""", 9),
    ("alias-INI306", "INI306", HEAD + """
from torch.nn.utils import weight_norm

class M(nn.Module):
    def __init__(self):
        super().__init__()
        conv = weight_norm(nn.Conv1d(2, 2, 3))
        w = conv.weight
        nn.init.normal_(w)
        self.conv = conv
""", HEAD + """
from torch.nn.utils import weight_norm

class M(nn.Module):
    def __init__(self):
        super().__init__()
        conv = nn.Conv1d(2, 2, 3)
        w = conv.weight
        nn.init.normal_(w)
        self.conv = weight_norm(conv)
""", 11),
    ("alias-INI207", "INI207", HEAD + """
def init_weights(m):
    if isinstance(m, nn.Linear):
        w = m.weight
        nn.init.xavier_uniform_(m.weight)
        nn.init.zeros_(w)

class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        self.apply(init_weights)
""", HEAD + """
def init_weights(m):
    if isinstance(m, nn.Linear):
        b = m.bias
        nn.init.xavier_uniform_(m.weight)
        nn.init.zeros_(b)

class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        self.apply(init_weights)
""", 8),
    ("alias-INI304", "INI304", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)

    def _init_weights(self, m):
        w = m.weight
        nn.init.normal_(w)
""", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        self.apply(self._init_weights)

    def _init_weights(self, m):
        w = m.weight
        nn.init.normal_(w)
""", 9),
    # ---- direct attribute inits checked against the layer's constructor call -------------------------------
    ("direct-INI201", "INI201", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.transform_A = nn.Linear(2, 2, bias=False)
        self.transform_A.bias.data.fill_(0)
""", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.transform_A = nn.Linear(2, 2, bias=True)
        self.transform_A.bias.data.fill_(0)
""", 8),
    ("direct-local-INI201", "INI201", HEAD + """
def build():
    conv = nn.Conv2d(3, 8, 3, 1, 1, 1, 1, False)
    nn.init.zeros_(conv.bias)
    return conv
""", HEAD + """
def build():
    conv = nn.Conv2d(3, 8, 3, 1, 1, 1, 1, True)
    nn.init.zeros_(conv.bias)
    return conv
""", 6),
    ("direct-INI206", "INI206", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.LSTM(2, 2)
        nn.init.orthogonal_(self.rnn.weight)
""", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.LSTM(2, 2)
        nn.init.orthogonal_(self.rnn.weight_hh_l0)
""", 8),
    # ---- a class's own optional parameters ------------------------------------------------------------------
    ("own-optional-INI201", "INI201", HEAD + """
class MyLinear(nn.Module):
    def __init__(self, n, bias=True):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(n, n))
        if bias:
            self.bias = nn.Parameter(torch.empty(n))
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        nn.init.kaiming_uniform_(self.weight)
        nn.init.zeros_(self.bias)
""", HEAD + """
class MyLinear(nn.Module):
    def __init__(self, n, bias=True):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(n, n))
        if bias:
            self.bias = nn.Parameter(torch.empty(n))
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        nn.init.kaiming_uniform_(self.weight)
        if self.bias is not None:
            nn.init.zeros_(self.bias)
""", 16),
    # ---- predicates and helpers ------------------------------------------------------------------------------
    ("staticmethod-predicate-INI201", "INI201", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2, bias=False)
        for m in self.modules():
            if self._is_linear(m):
                nn.init.zeros_(m.bias)

    @staticmethod
    def _is_linear(m):
        return isinstance(m, nn.Linear)
""", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        for m in self.modules():
            if self._is_linear(m):
                nn.init.zeros_(m.bias)

    @staticmethod
    def _is_linear(m):
        return isinstance(m, nn.Linear)
""", 10),
    ("function-predicate-INI202", "INI202", HEAD + """
def is_linear(m):
    return isinstance(m, nn.Linear)

class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 3, 3)
        for m in self.modules():
            if is_linear(m):
                nn.init.normal_(m.weight)
""", HEAD + """
def is_conv(m):
    return isinstance(m, nn.Conv2d)

class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 3, 3)
        for m in self.modules():
            if is_conv(m):
                nn.init.normal_(m.weight)
""", 11),
    ("function-predicate-INI205", "INI205", HEAD + """
def is_embedding(m):
    return isinstance(m, nn.Embedding)

class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(10, 4, padding_idx=0)
        for m in self.modules():
            if is_embedding(m):
                nn.init.normal_(m.weight)
""", HEAD + """
def is_embedding(m):
    return isinstance(m, nn.Embedding)

class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(10, 4, padding_idx=0)
        for m in self.modules():
            if is_embedding(m):
                nn.init.normal_(m.weight)
                if m.padding_idx is not None:
                    m.weight.data[m.padding_idx].zero_()
""", 13),
    ("or-chain-INI201", "INI201", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2, bias=False)
        for m in self.modules():
            if isinstance(m, nn.Conv2d) or isinstance(m, nn.Linear):
                nn.init.zeros_(m.bias)
""", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2, bias=False)
        for m in self.modules():
            if isinstance(m, nn.Conv2d) or isinstance(m, nn.Linear):
                if m.bias is not None:
                    nn.init.zeros_(m.bias)
""", 10),
    ("or-chain-INI206", "INI206", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.LSTM(2, 2)
        for m in self.modules():
            if isinstance(m, nn.LSTM) or isinstance(m, nn.GRU):
                nn.init.orthogonal_(m.weight)
""", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.LSTM(2, 2)
        for m in self.modules():
            if isinstance(m, nn.LSTM) or isinstance(m, nn.GRU):
                nn.init.orthogonal_(m.weight_hh_l0)
""", 10),
    ("type-name-INI201", "INI201", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2, bias=False)
        for m in self.modules():
            if type(m).__name__ == "Linear":
                nn.init.zeros_(m.bias)
""", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2, bias=False)
        for m in self.modules():
            if type(m).__name__ == "Conv2d":
                nn.init.zeros_(m.bias)
""", 10),
    ("init-helper-INI201", "INI201", HEAD + """
def init_layer(layer):
    nn.init.xavier_uniform_(layer.weight)
    nn.init.zeros_(layer.bias)

class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2, bias=False)
        init_layer(self.fc)
""", HEAD + """
def init_layer(layer):
    nn.init.xavier_uniform_(layer.weight)
    nn.init.zeros_(layer.bias)

class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        init_layer(self.fc)
""", 12),
    # ---- loops -------------------------------------------------------------------------------------------------
    ("list-loop-INI201", "INI201", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(2, 2, bias=False)
        self.b = nn.Linear(2, 2, bias=False)
        for layer in [self.a, self.b]:
            nn.init.zeros_(layer.bias)
""", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(2, 2)
        self.b = nn.Linear(2, 2)
        for layer in [self.a, self.b]:
            nn.init.zeros_(layer.bias)
""", 10),
    ("list-loop-INI107", "INI107", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.w1 = nn.Parameter(torch.empty(3, 3))
        self.w2 = nn.Parameter(torch.empty(3, 3))
        for p in [self.w1, self.w2]:
            p.normal_(0, 0.02)
""", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.w1 = nn.Parameter(torch.empty(3, 3))
        self.w2 = nn.Parameter(torch.empty(3, 3))
        for p in [self.w1, self.w2]:
            nn.init.normal_(p, 0, 0.02)
""", 10),
    ("list-loop-INI305", "INI305", HEAD + """
from torchvision.models import resnet18

class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.backbone = resnet18(pretrained=True)
        self.head = nn.Linear(512, 10)
        for m in [self.backbone, self.head]:
            for p in m.parameters():
                nn.init.normal_(p)
""", HEAD + """
from torchvision.models import resnet18

class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.backbone = resnet18(pretrained=True)
        self.head = nn.Linear(512, 10)
        for m in [self.head]:
            for p in m.parameters():
                nn.init.normal_(p)
""", 13),
    ("list-of-variables-INI002", "INI002", HEAD + """
class M(nn.Module):
    def __init__(self, depth):
        super().__init__()
        layers = []
        for _ in range(depth):
            conv = nn.Conv2d(3, 3, 3)
            layers.append(conv)
        self.layers = layers
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight)
""", HEAD + """
class M(nn.Module):
    def __init__(self, depth):
        super().__init__()
        layers = []
        for _ in range(depth):
            conv = nn.Conv2d(3, 3, 3)
            layers.append(conv)
        self.layers = nn.ModuleList(layers)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight)
""", 11),
    ("state-dict-loop-INI102", "INI102", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        for name, p in self.state_dict().items():
            nn.init.xavier_uniform_(p)
""", HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        for name, p in self.state_dict().items():
            if p.dim() > 1:
                nn.init.xavier_uniform_(p)
""", 9),
    # ---- the Hugging Face hook -------------------------------------------------------------------------------------
    ("hf-post-init-INI201", "INI201", HEAD + """
from transformers import PreTrainedModel

class MyPreTrained(PreTrainedModel):
    def _init_weights(self, module):
        if isinstance(module, nn.Linear):
            module.weight.data.normal_(0, 0.02)
            module.bias.data.zero_()

class MyModel(MyPreTrained):
    def __init__(self, config):
        super().__init__(config)
        self.proj = nn.Linear(4, 4, bias=False)
        self.post_init()
""", HEAD + """
from transformers import PreTrainedModel

class MyPreTrained(PreTrainedModel):
    def _init_weights(self, module):
        if isinstance(module, nn.Linear):
            module.weight.data.normal_(0, 0.02)
            if module.bias is not None:
                module.bias.data.zero_()

class MyModel(MyPreTrained):
    def __init__(self, config):
        super().__init__(config)
        self.proj = nn.Linear(4, 4, bias=False)
        self.post_init()
""", 10),
    ("hf-post-init-INI205", "INI205", HEAD + """
from transformers import PreTrainedModel

class MyPreTrained(PreTrainedModel):
    def _init_weights(self, module):
        if isinstance(module, nn.Embedding):
            nn.init.normal_(module.weight, std=0.02)

class MyModel(MyPreTrained):
    def __init__(self, config):
        super().__init__(config)
        self.embed = nn.Embedding(100, 8, padding_idx=0)
        self.post_init()
""", HEAD + """
from transformers import PreTrainedModel

class MyPreTrained(PreTrainedModel):
    def _init_weights(self, module):
        if isinstance(module, nn.Embedding):
            nn.init.normal_(module.weight, std=0.02)
            if module.padding_idx is not None:
                module.weight.data[module.padding_idx].zero_()

class MyModel(MyPreTrained):
    def __init__(self, config):
        super().__init__(config)
        self.embed = nn.Embedding(100, 8, padding_idx=0)
        self.post_init()
""", 9),
    ("hf-post-init-INI202", "INI202", HEAD + """
from transformers import PreTrainedModel

class MyPreTrained(PreTrainedModel):
    def _init_weights(self, module):
        if isinstance(module, nn.Conv2d):
            nn.init.kaiming_normal_(module.weight)

class MyModel(MyPreTrained):
    def __init__(self, config):
        super().__init__(config)
        self.stem = nn.Conv2d(3, 8, 3)
        self.temporal = nn.Conv1d(8, 8, 3)
        self.post_init()
""", HEAD + """
from transformers import PreTrainedModel

class MyPreTrained(PreTrainedModel):
    def _init_weights(self, module):
        if isinstance(module, (nn.Conv1d, nn.Conv2d)):
            nn.init.kaiming_normal_(module.weight)

class MyModel(MyPreTrained):
    def __init__(self, config):
        super().__init__(config)
        self.stem = nn.Conv2d(3, 8, 3)
        self.temporal = nn.Conv1d(8, 8, 3)
        self.post_init()
""", 7),
]


def test_hf_hook_dispatch_that_delegates_to_super_is_not_judged():
    """``super()._init_weights(module)`` hands every module to the base first: what the base covers (transformers'
    own handles the standard layers) is not known here, so INI202 does not say a layer is missed."""
    bad = next(p[2] for p in PAIRS if p[0] == "hf-post-init-INI202")
    src = bad.replace("    def _init_weights(self, module):\n",
                      "    def _init_weights(self, module):\n        super()._init_weights(module)\n")
    assert "super()._init_weights(module)" in src
    assert fired(src, "INI202") == []


@pytest.mark.parametrize("name, code, bad, good, line", PAIRS, ids=[p[0] for p in PAIRS])
def test_bad_form_is_caught_through_its_resolution_path(name, code, bad, good, line):
    assert fired(bad, code) == [line], codes(bad)


@pytest.mark.parametrize("name, code, bad, good, line", PAIRS, ids=[p[0] for p in PAIRS])
def test_good_twin_is_silent(name, code, bad, good, line):
    assert fired(good, code) == [], codes(good)


def test_hf_hook_needs_post_init():
    """Without ``post_init()`` nothing runs ``_init_weights`` on the model: no provable crash (INI201 stays
    silent; the latent INI209 still names the unguarded init)."""
    bad = next(p[2] for p in PAIRS if p[0] == "hf-post-init-INI201")
    src = bad.replace("        self.post_init()\n", "")
    assert fired(src, "INI201") == []
    assert fired(src, "INI209") == [10]


def test_hf_hook_branch_selected_by_name_is_silent():
    """A branch of ``_init_weights`` that also tests the module's name or the config (``"gate" in name``) meets only
    some of the model's Linear layers: which ones is unknown, so no finding (transformers' xLSTM)."""
    src = HEAD + """
from transformers import PreTrainedModel

class P(PreTrainedModel):
    def _init_weights(self, module):
        if isinstance(module, nn.Linear):
            if self.config.mode == "single" and "gate" in self._name(module):
                nn.init.constant_(module.bias, -10.0)
            if self._is_gate(module):
                nn.init.constant_(module.bias, -10.0)

class M(P):
    def __init__(self, config):
        super().__init__(config)
        self.igate = nn.Linear(4, 4)
        self.lm_head = nn.Linear(4, 4, bias=False)
        self.post_init()
"""
    assert fired(src, "INI201") == []


def test_helper_finding_names_the_init_in_the_helper():
    bad = next(p[2] for p in PAIRS if p[0] == "init-helper-INI201")
    (finding,) = [f for f in check_source(textwrap.dedent(bad), "case.py", RULES) if f.code == "INI201"]
    assert "`self.fc.bias`" in finding.message and "bias=False" in finding.message
    assert finding.fix is None  # the guard belongs in the helper, not around the call
    assert [r.line for r in finding.related] == [6, 11]  # the init in the helper, the layer built without it


def test_repetition_of_several_layers_is_reached():
    """``[nn.Linear(d, d, bias=False), nn.ReLU()] * depth``: the repeated layers are built (caught before the
    events model too; kept as a regression test of the shared reach)."""
    src = HEAD + """
class M(nn.Module):
    def __init__(self, d, depth):
        super().__init__()
        self.net = nn.Sequential(*([nn.Linear(d, d, bias=False), nn.ReLU()] * depth))
        for m in self.modules():
            if isinstance(m, nn.Linear):
                nn.init.zeros_(m.bias)
"""
    assert fired(src, "INI201") == [10]
    assert fired(src.replace("bias=False", "bias=True"), "INI201") == []


def test_unknown_construction_is_silent():
    """Unknown means silent: a layer built by a factory, or a bias init under a condition."""
    src = HEAD + """
class M(nn.Module):
    def __init__(self, make):
        super().__init__()
        self.fc = make()
        nn.init.zeros_(self.fc.bias)
        self.g = nn.Linear(2, 2, bias=False)
        if self.g.bias is not None:
            nn.init.zeros_(self.g.bias)
        self.h = nn.Linear(2, 2, bias=False) if make else nn.Linear(2, 2)
"""
    assert codes(src) == []


# ---- extraction ---------------------------------------------------------------------------------------------

def extract(src):
    summary = summarize_source(textwrap.dedent(src), "case.py")
    index = ProjectIndex([summary])
    return summary, events(summary, index)


def test_alias_resolves_to_the_tensor_it_names():
    _, evs = extract(HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2, bias=False)
        w = self.fc.weight
        nn.init.zeros_(w)
        d = self.fc.bias.data
        d.zero_()
""")
    (a, b) = evs
    assert (a.key, a.subject, a.param, a.via, a.via_data) == ("self.fc.weight", "self.fc", "weight", ("alias",), False)
    assert (b.key, b.via_data) == ("self.fc.bias", True)
    assert a.keys == ("w", "self.fc.weight")
    assert [c.qual for c in a.layers] == ["torch.nn.Linear"]


def test_list_loop_gives_one_event_per_element():
    _, evs = extract(HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Linear(2, 2)
        self.b = nn.Conv2d(2, 2, 1)
        for layer in [self.a, self.b]:
            nn.init.zeros_(layer.bias)
""")
    assert [(e.key, e.owner, e.via) for e in evs] == [("self.a.bias", "self.a", ("list",)),
                                                      ("self.b.bias", "self.b", ("list",))]
    assert [[c.qual for c in e.layers] for e in evs] == [["torch.nn.Linear"], ["torch.nn.Conv2d"]]


def test_predicates_or_chains_and_type_names_give_dispatch_types():
    summary, evs = extract(HEAD + """
def is_norm(m):
    return isinstance(m, (nn.LayerNorm, nn.BatchNorm2d))

def init(m):
    if is_norm(m):
        nn.init.ones_(m.weight)
    if isinstance(m, nn.Linear) or isinstance(m, nn.Conv2d):
        nn.init.zeros_(m.bias)
    if type(m).__name__ == "Embedding":
        nn.init.normal_(m.weight)
    if type(m).__name__ == "MyBlock":
        nn.init.normal_(m.weight)
""")
    assert summary.function("is_norm").predicate == ("torch.nn.LayerNorm", "torch.nn.BatchNorm2d")
    assert [(e.types, e.via) for e in evs] == [
        (("torch.nn.LayerNorm", "torch.nn.BatchNorm2d"), ("predicate",)),
        (("torch.nn.Linear", "torch.nn.Conv2d"), ()),
        (("torch.nn.Embedding",), ("classname",)),
        ((), ()),  # a project class's name: no torch type known
    ]


def test_innermost_dispatch_wins_whatever_its_kind():
    _, evs = extract(HEAD + """
def is_conv(m):
    return isinstance(m, nn.Conv2d)

def init(m):
    if is_conv(m):
        if isinstance(m, nn.Conv1d):
            nn.init.zeros_(m.bias)
    if isinstance(m, nn.Conv1d):
        if is_conv(m):
            nn.init.zeros_(m.bias)
""")
    assert [e.types for e in evs] == [("torch.nn.Conv1d",), ("torch.nn.Conv2d",)]


def test_predicate_needs_every_return_to_be_an_isinstance_of_the_module():
    summary, _ = extract(HEAD + """
def a(m):
    if m is None:
        return False
    return isinstance(m, nn.Linear)

def b(m, other):
    return isinstance(other, nn.Linear)

class K:
    def c(self, m):
        return isinstance(m, nn.Conv2d)
""")
    assert summary.function("a").predicate == ()
    assert summary.function("b").predicate == ()
    assert summary.function("K.c").predicate == ("torch.nn.Conv2d",)


def test_helper_call_maps_the_helper_param_to_the_argument():
    _, evs = extract(HEAD + """
def init_layer(layer, std=0.02):
    nn.init.normal_(layer.weight, std=std)

class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        init_layer(self.fc)
""")
    helper = [e for e in evs if not e.direct]
    assert [(e.key, e.scope, e.via, e.helper_path) for e in helper] == [
        ("self.fc.weight", "M.__init__", ("helper",), "case.py")]
    assert [c.qual for c in helper[0].layers] == ["torch.nn.Linear"]


def test_unknown_construction_is_unknown():
    _, evs = extract(HEAD + """
class M(nn.Module):
    def __init__(self, make):
        super().__init__()
        self.fc = make()
        nn.init.zeros_(self.fc.bias)
        self.g = nn.Linear(2, 2)
        self.g = make()
        nn.init.zeros_(self.g.bias)
""")
    assert [e.layers for e in evs] == [UNKNOWN, UNKNOWN]


def test_own_optional_parameter_and_parameter_loops():
    _, evs = extract(HEAD + """
class L(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_parameter("bias", None)

    def reset_parameters(self):
        nn.init.zeros_(self.bias)
        for name, p in self.state_dict().items():
            nn.init.normal_(p)
        for p in self.parameters():
            nn.init.normal_(p)
""")
    own, sd, params = evs
    assert own.none_at is not None and own.none_at.func == "self.register_parameter"
    assert sd.param is None and sd.param_loop.iter == "self.state_dict().items()"
    assert params.param_loop.source == "parameters" and params.owner == "self"


def test_events_pickle():
    import pickle

    _, evs = extract(HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        w = self.fc.weight
        nn.init.zeros_(w)
""")
    assert pickle.loads(pickle.dumps(evs)) == evs


def test_init_helper_from_another_file_under_another_name(lint_project):
    files = {
        "pkg/__init__.py": "",
        "pkg/inits.py": HEAD + """
def init_layer(layer):
    nn.init.zeros_(layer.bias)
""",
        "pkg/model.py": HEAD + """
from .inits import init_layer as il

class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2, bias=False)
        il(self.fc)
""",
    }
    found = [(f.code, os.path.basename(f.path), f.line) for f in lint_project(files) if f.code == "INI201"]
    assert found == [("INI201", "model.py", 10)]
    files["pkg/model.py"] = files["pkg/model.py"].replace("bias=False", "bias=True")
    assert [f for f in lint_project(files) if f.code == "INI201"] == []


@pytest.mark.parametrize("tail", [
    "self.layers = layers\n        self.net = nn.Sequential(*layers)",
    "self.layers = layers\n        self.net = nn.Sequential(*self.layers)",
    "self.layers = layers\n        for i, m in enumerate(layers):\n            self.add_module(str(i), m)",
    "layers.append(block)\n        self.layers = layers",
    "self.layers = layers\n        self.layers = nn.ModuleList(self.layers)",
    # the recall corpus's silences hold for layer variables too (twitter/the-algorithm-ml#136's twins)
    "layers = block\n        self.layers = layers",
    "self.add_module('first', conv)\n        self.layers = layers",
])
def test_list_of_variables_handed_on_or_unknown_is_silent(tail):
    src = HEAD + f"""
class M(nn.Module):
    def __init__(self, block):
        super().__init__()
        layers = []
        conv = nn.Conv2d(3, 3, 3)
        layers.append(conv)
        {tail}
"""
    assert fired(src, "INI002") == []


# ---- the recall corpus's fixes (tests/real_reports.py) as queries over init events --------------------------------

def test_local_list_of_layer_variables_and_parameter_free_modules():
    """``layers.append(conv)`` of a local layer next to ``layers.append(nn.ReLU())``: a parameter-free module
    among the layers is known, not a reason for silence."""
    src = HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        layers = []
        conv = nn.Conv2d(3, 3, 3)
        layers.append(conv)
        layers.append(nn.ReLU())
        self.layers = layers
"""
    assert fired(src, "INI002") == [11]
    assert fired(src.replace("self.layers = layers", "self.layers = nn.ModuleList(layers)"), "INI002") == []


def test_embedding_weight_through_an_alias():
    """INI205's whole-weight init on the Embedding itself, written through a local alias; a row write through the
    alias (item store or indexed init) re-zeroes the padding row."""
    bad = HEAD + """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(10, 4, padding_idx=0)
        w = self.emb.weight
        nn.init.normal_(w)
"""
    assert fired(bad, "INI205") == [9]
    assert fired(bad + "        w.data[0] = 0\n", "INI205") == []
    assert fired(bad + "        with torch.no_grad():\n            w[0] = 0\n", "INI205") == []
    assert fired(bad + "        with torch.no_grad():\n            w[0].zero_()\n", "INI205") == []
    assert fired(bad.replace("padding_idx=0", "padding_idx=None"), "INI205") == []


def test_direct_init_checked_against_the_class_family(lint_project):
    """The constructions of ``self.fc`` an init event knows are those of the class, its project bases and
    subclasses: a base in another file that builds it without a bias is a finding (the related note names that
    file); a subclass (in a third file) that rebuilds it with a bias makes it unknown which layer the init meets."""
    files = {
        "pkg/__init__.py": "",
        "pkg/base.py": HEAD + """
class Base(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2, bias=False)
""",
        "pkg/model.py": HEAD + """
from .base import Base

class M(Base):
    def __init__(self):
        super().__init__()
        nn.init.zeros_(self.fc.bias)
""",
    }
    (finding,) = [f for f in lint_project(files) if f.code == "INI201"]
    assert (os.path.basename(finding.path), finding.line) == ("model.py", 9)
    assert [(os.path.basename(r.path), r.line) for r in finding.related] == [("base.py", 7)]
    files["pkg/other.py"] = HEAD + """
from .model import M

class Wide(M):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
"""
    assert [f for f in lint_project(files) if f.code == "INI201"] == []


def test_inner_init_function_writing_through_an_alias():
    """INI304: ``init_weights(net)`` applies an inner function that writes ``m.weight`` through an alias."""
    src = HEAD + """
def init_weights(net):
    def init_func(m):
        w = m.weight
        nn.init.normal_(w)
    net.apply(init_func)
"""
    assert fired(src, "INI304") == [4]
    assert fired(src.replace("w = m.weight", "w = torch.empty(3)"), "INI304") == []


def test_applied_function_writing_a_reparametrized_weight_through_an_alias():
    src = HEAD + """
from torch.nn.utils import weight_norm

def init_fn(m):
    w = m.weight
    nn.init.normal_(w)

class G(nn.Module):
    def __init__(self):
        super().__init__()
        self.ups = nn.ModuleList()
        self.ups.append(weight_norm(nn.Conv1d(2, 2, 3)))
        self.ups.apply(init_fn)
"""
    assert fired(src, "INI306") == [15]
    assert fired(src.replace("w = m.weight", "w = m.bias"), "INI306") == []


def test_list_loop_over_a_pretrained_module_in_a_method_init_calls():
    """INI305: the loop over ``[self.backbone, self.head]`` runs in a method ``__init__`` calls, after the
    pretrained backbone is built; called before it, it re-initializes nothing pretrained."""
    src = HEAD + """
import torchvision

class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.backbone = torchvision.models.resnet18(pretrained=True)
        self.head = nn.Linear(2, 2)
        self.init_weights()

    def init_weights(self):
        for m in [self.backbone, self.head]:
            for p in m.parameters():
                nn.init.normal_(p)
"""
    assert fired(src, "INI305") == [16]
    assert fired(src.replace("[self.backbone, self.head]", "[self.head]"), "INI305") == []
    early = src.replace("        self.init_weights()\n", "").replace(
        "        super().__init__()\n", "        super().__init__()\n        self.init_weights()\n", 1)
    assert fired(early, "INI305") == []
