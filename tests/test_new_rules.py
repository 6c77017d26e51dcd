"""Issue 9 section 3: rules that real reports ask for. Each rule fires only on facts it knows; every shape it cannot
prove is a silent twin here."""

H = "import torch\nimport torch.nn as nn\n"


def only(findings, code):
    return [f for f in findings if f.code == code]


def lines(findings, code):
    return [f.line for f in only(findings, code)]


# ---- INI309 apply-callable-cannot-take-module --------------------------------------------------------------------
APPLY_BAD = H + '''
def no_param():
    pass

def two_params(m, std):
    pass

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        self.apply(self.init_weights)       # 14: init_weights(self)
        self.apply(self._zero)              # 15: staticmethod without a parameter
        self.apply(lambda: None)            # 16
        self.apply(lambda m, s: None)       # 17
        self.apply(no_param)                # 18
        self.apply(two_params)              # 19
        self.apply(self.from_cls)           # 20: classmethod without a parameter

    def init_weights(self):
        nn.init.zeros_(self.fc.bias)

    @staticmethod
    def _zero():
        pass

    @classmethod
    def from_cls(cls):
        pass

model = Net()
model.apply(no_param)                       # 34
'''


def test_ini309_flags_every_callable_that_cannot_take_the_module(lint):
    found = only(lint(APPLY_BAD), "INI309")
    assert [f.line for f in found] == [14, 15, 16, 17, 18, 19, 20, 34]
    assert "takes no argument besides `self`" in found[0].message
    assert "`self.init_weights()`" in found[0].message
    assert "requires 2 positional arguments" in found[5].message
    assert found[0].related and found[0].related[0].message == "`init_weights` is defined here"


APPLY_GOOD = H + '''
import functools
from somewhere import external_init, Mixin

def one(m):
    pass

def with_default(m, std=0.02):
    pass

def star(*args):
    pass

def decorated_factory(f):
    return f

@decorated_factory
def wrapped():
    pass

if torch.cuda.is_available():
    def twice(m):
        pass
else:
    def twice():
        pass

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        self.apply(self.init_module)
        self.apply(self._static)
        self.apply(self.from_cls)
        self.apply(self.no_grad_init)
        self.apply(lambda m: None)
        self.apply(lambda *a: None)
        self.apply(lambda m, s=1: None)
        self.apply(one)
        self.apply(with_default)
        self.apply(star)
        self.apply(functools.partial(with_default, std=0.1))
        self.apply(external_init)
        self.apply(wrapped)
        self.apply(twice)
        self.apply(self.callable_attr)
        self.apply(self.overridden)

    callable_attr = staticmethod(one)

    def init_module(self, m):
        pass

    @staticmethod
    def _static(m):
        pass

    @classmethod
    def from_cls(cls, m):
        pass

    @torch.no_grad()
    def no_grad_init(self, m):
        pass

    def overridden(self):
        pass

class Child(Net):
    def overridden(self, m):
        pass

class WithMixin(Mixin, nn.Module):
    def __init__(self):
        super().__init__()
        self.apply(self.inherited)

class Base(nn.Module):
    def inherited(self):
        pass

class Unknown(Mixin, Base):
    def __init__(self):
        super().__init__()
        self.apply(self.inherited)    # Mixin may define `inherited(self, m)` first
'''


def test_ini309_silent_when_the_signature_is_not_known_or_fits(lint):
    assert only(lint(APPLY_GOOD), "INI309") == []


def test_ini309_only_for_module_receivers(lint):
    src = H + '''
import multiprocessing

def work():
    return 1

def pair(a, b):
    return a + b

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.head = nn.Linear(2, 2)
        self.head.apply(work)           # 16: a torch layer attribute
        self.table = make_table()
        self.table.apply(pair)          # unknown receiver

def main(df):
    pool = multiprocessing.Pool(2)
    pool.apply(work)                    # Pool.apply(f) calls f(): fine
    df.apply(work)
    seq = nn.Sequential(nn.Linear(2, 2))
    seq.apply(work)                     # 25
'''
    assert lines(lint(src), "INI309") == [16, 25]


def test_ini309_knows_pretrained_model_init_weights(lint):
    src = H + '''
from transformers import PreTrainedModel
from other_lib import Base

class BertForMultiLabel(PreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.classifier = nn.Linear(768, 4)
        self.apply(self.init_weights)

class Fine(PreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.apply(self._init_weights)         # the per-module hook: fine

class Mixed(Base, PreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.apply(self.init_weights)          # Base may define its own init_weights

class PerModel(BertPreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.apply(self.init_weights)          # 28

class OldPackage(OldBertPreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.apply(self.init_weights)          # pytorch_transformers 1.x: init_weights(self, module)
'''
    src = src.replace("from other_lib import Base", "from other_lib import Base\nfrom transformers import "
                      "BertPreTrainedModel\nfrom pytorch_transformers import BertPreTrainedModel as OldBertPreTrainedModel")
    assert lines(lint(src), "INI309") == [13, 28]


def test_ini304_never_suggests_apply_for_a_method_without_a_module_parameter(lint):
    src = H + '''
def init_all(model, std):
    for m in model.modules():
        if isinstance(m, nn.Linear):
            nn.init.normal_(m.weight, std=std)

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)

    def init_weights(self):
        nn.init.zeros_(self.fc.bias)

    def init_module(self, m):
        if isinstance(m, nn.Linear):
            nn.init.zeros_(m.bias)
'''
    found = only(lint(src), "INI304")
    assert len(found) == 3
    assert "`init_all(self, ...)`" in found[0].message
    assert "`self.init_weights()`" in found[1].message and "self.apply(self.init_weights)" not in found[1].message
    assert "`self.apply(self.init_module)`" in found[2].message


# ---- INI109 module-init-helper-given-tensor ----------------------------------------------------------------------
HELPER_SRC = H + '''
from mmcv.cnn import constant_init, kaiming_init, normal_init
from mmengine.model import xavier_init
from mmcv.cnn.utils import weight_init
from mmcv.cnn import ConvModule

class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 3, 1)
        self.fc = nn.Linear(2, 2)
        self.scale = nn.Parameter(torch.ones(1))
        self.rnn = nn.LSTM(2, 2)
        self.weight = nn.Linear(2, 2)
        self.block = ConvModule(3, 3, 1)

    def init_weights(self):
        constant_init(self.conv.weight, 0)              # 20
        normal_init(self.fc.bias.data, std=0.01)        # 21
        constant_init(self.scale, 1)                    # 22
        xavier_init(self.rnn.weight_ih_l0)              # 23
        weight_init.kaiming_init(self.fc.weight)        # 24
        constant_init(nn.Parameter(torch.zeros(2)), 0)  # 25
        constant_init(self.conv, 0)
        constant_init(self.weight, 0)                   # a module named `weight`
        constant_init(self.block.conv.weight, 0)        # unknown type
        constant_init(self.block.weight, 0)             # a project module's attribute
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                kaiming_init(m.weight)                  # 32
                kaiming_init(m)
            constant_init(m.weight, 1)                  # any module: unknown
'''


def test_ini109_flags_known_tensors_given_to_mmcv_helpers(lint):
    found = only(lint(HELPER_SRC), "INI109")
    assert [f.line for f in found] == [20, 21, 22, 23, 24, 25, 32]
    assert "`self.conv.weight` of a `Conv2d`" in found[0].message and "nn.init.constant_" in found[0].message


def test_ini109_silent_for_helpers_that_are_not_mmcv(lint):
    own = HELPER_SRC.replace("from mmcv.cnn import constant_init, kaiming_init, normal_init\n", "").replace(
        "from mmengine.model import xavier_init\n", "").replace("from mmcv.cnn.utils import weight_init\n", "")
    own += '''
def constant_init(t, v): pass
def kaiming_init(t): pass
def normal_init(t, std): pass
def xavier_init(t): pass
'''
    assert only(lint(own), "INI109") == []


def test_ini109_follows_a_project_reexport(lint_project):
    files = {
        "pkg/__init__.py": "",
        "pkg/utils.py": "from mmcv.cnn import constant_init\n",
        "pkg/own.py": "def constant_init(module, val):\n    pass\n",
        "pkg/head.py": H + '''
from .utils import constant_init
from .own import constant_init as own_init

class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        constant_init(self.fc.bias, 0)
        own_init(self.fc.bias, 0)
''',
    }
    found = only(lint_project(files), "INI109")
    assert [(f.path, f.line) for f in found] == [("pkg/head.py", 11)]


# ---- INI110 rnn-init-first-layer-only -----------------------------------------------------------------------------
RNN_BAD = H + '''
class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(10, 20, num_layers=2, batch_first=True)
        self.gru = nn.GRU(10, 20, bidirectional=True)
        self.deep = nn.LSTM(10, 20, 3)                      # num_layers positional
        nn.init.xavier_uniform_(self.lstm.weight_ih_l0)     # 10
        nn.init.zeros_(self.lstm.bias_hh_l0.data)           # 11
        for name, p in self.gru.named_parameters():
            if name == "bias_hh_l0":
                nn.init.ones_(p)                            # 14
        self.deep.bias_ih_l0.data[20:40].fill_(1.0)        # 15
'''


def test_ini110_flags_layer0_only_init_on_multi_layer_or_bidirectional_rnns(lint):
    found = only(lint(RNN_BAD), "INI110")
    assert [f.line for f in found] == [10, 11, 14, 15]
    assert "`weight_ih_l1`" in found[0].message and "`num_layers=2`" in found[0].message
    assert "`bias_hh_l0_reverse`" in found[2].message and "`bidirectional=True`" in found[2].message
    assert "`bias_ih_l1`, `bias_ih_l2`" in found[3].message
    assert found[0].related[0].message == "the LSTM is built here" and found[0].related[0].line == 7


def test_ini110_layer0_substring_filter_on_a_deep_bidirectional_rnn(lint):
    src = H + '''
class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(10, 20, num_layers=2, bidirectional=True)
        for name, p in self.lstm.named_parameters():
            if "bias_hh" in name:
                nn.init.ones_(p)
            elif "weight_hh_l0" in name:
                nn.init.orthogonal_(p)
'''
    found = only(lint(src), "INI110")
    assert [f.line for f in found] == [12]
    assert "`weight_hh_l1`, `weight_hh_l1_reverse`" in found[0].message


RNN_GOOD = H + '''
from lib import init_rnn

class OneLayer(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.lstm = nn.LSTM(10, 20)                          # one layer, one direction: l0 is all there is
        self.var = nn.LSTM(10, 20, num_layers=n)             # not a literal: unknown
        self.kw = nn.LSTM(10, 20, **{"num_layers": 2})
        nn.init.orthogonal_(self.lstm.weight_hh_l0)
        nn.init.orthogonal_(self.var.weight_hh_l0)
        nn.init.orthogonal_(self.kw.weight_hh_l0)

class EveryLayer(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(10, 20, num_layers=2, bidirectional=True)
        nn.init.orthogonal_(self.lstm.weight_hh_l0)
        for name, p in self.lstm.named_parameters():
            if "weight_hh" in name:
                nn.init.orthogonal_(p)

class AllParams(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(10, 20, num_layers=2)
        nn.init.zeros_(self.lstm.bias_hh_l0)
        for p in self.lstm.parameters():
            nn.init.uniform_(p, -0.1, 0.1)

class WholeModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(10, 20, num_layers=2)
        nn.init.zeros_(self.lstm.bias_hh_l0)
        for name, p in self.named_parameters():
            if "weight" in name:
                nn.init.xavier_uniform_(p)

class Helper(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(10, 20, num_layers=2)
        nn.init.zeros_(self.lstm.bias_hh_l0)
        init_rnn(self.lstm)

class Explicit(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(10, 20, num_layers=2)
        nn.init.zeros_(self.lstm.bias_hh_l0)
        nn.init.zeros_(self.lstm.bias_hh_l1)

class Conditional(nn.Module):
    def __init__(self, deep):
        super().__init__()
        if deep:
            self.lstm = nn.LSTM(10, 20, num_layers=2)
        else:
            self.lstm = nn.LSTM(10, 20)
        nn.init.zeros_(self.lstm.bias_hh_l0)

class ShapeFilter(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(10, 20, num_layers=2)
        for name, p in self.lstm.named_parameters():
            if p.dim() > 1:
                nn.init.orthogonal_(p)
        nn.init.zeros_(self.lstm.bias_hh_l0)

class Applied(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(10, 20, num_layers=2)
        nn.init.zeros_(self.lstm.bias_hh_l0)

def init_all(m):
    if isinstance(m, nn.LSTM):
        for p in m.parameters():
            nn.init.uniform_(p, -0.1, 0.1)

model = Applied()
model.apply(init_all)
'''


def test_ini110_silent_when_not_provable(lint):
    assert only(lint(RNN_GOOD), "INI110") == []


# ---- INI310 tied-weight-reinitialized -----------------------------------------------------------------------------
TIED_BAD = H + '''
class LM(nn.Module):
    def __init__(self, v, d):
        super().__init__()
        self.embed = nn.Embedding(v, d)
        self.decoder = nn.Linear(d, v)
        nn.init.normal_(self.embed.weight, std=0.02)
        self.decoder.weight = self.embed.weight
        nn.init.xavier_uniform_(self.decoder.weight)        # 11

class LM2(nn.Module):
    def __init__(self, v, d):
        super().__init__()
        self.embed = nn.Embedding(v, d)
        self.decoder = nn.Linear(d, v)
        self.decoder.weight = self.embed.weight
        self.init_weights()

    def init_weights(self):
        nn.init.uniform_(self.embed.weight, -0.1, 0.1)
        self.decoder.reset_parameters()                      # 23

class LM3(nn.Module):
    def __init__(self, v, d, tie=True):
        super().__init__()
        self.embed = nn.Embedding(v, d)
        self.decoder = nn.Linear(d, v)
        if tie:
            self.decoder.weight = self.embed.weight
        nn.init.normal_(self.decoder.weight, std=0.01)
        nn.init.normal_(self.embed.weight, std=1.0)          # 33
'''


def test_ini310_flags_a_different_init_through_the_other_name_after_the_tie(lint):
    found = only(lint(TIED_BAD), "INI310")
    assert [f.line for f in found] == [11, 23, 33]
    assert "overwrites the `normal_` init given through `self.embed.weight`" in found[0].message
    assert [r.message for r in found[0].related] == ["`self.embed.weight` is initialized here",
                                                     "the weights are tied here"]
    assert [r.line for r in found[0].related] == [9, 10]
    assert "`reset_parameters()`" in found[1].message


TIED_GOOD = H + '''
class BeforeTie(nn.Module):
    def __init__(self, v, d):
        super().__init__()
        self.embed = nn.Embedding(v, d)
        self.decoder = nn.Linear(d, v)
        nn.init.xavier_uniform_(self.decoder.weight)   # the decoder's own tensor: dropped by the tie
        nn.init.normal_(self.embed.weight, std=0.02)
        self.decoder.weight = self.embed.weight
        nn.init.zeros_(self.decoder.bias)

class SameInitTwice(nn.Module):
    def __init__(self, v, d):
        super().__init__()
        self.encoder = nn.Embedding(v, d)
        self.decoder = nn.Linear(d, v)
        self.decoder.weight = self.encoder.weight
        self.init_weights()

    def init_weights(self):
        nn.init.uniform_(self.encoder.weight, -0.1, 0.1)
        nn.init.zeros_(self.decoder.bias)
        nn.init.uniform_(self.decoder.weight, -0.1, 0.1)

class OnlyOne(nn.Module):
    def __init__(self, v, d):
        super().__init__()
        self.embed = nn.Embedding(v, d)
        self.decoder = nn.Linear(d, v)
        self.decoder.weight = self.embed.weight
        nn.init.normal_(self.decoder.weight, std=0.02)

class Untied(nn.Module):
    def __init__(self, v, d, tie):
        super().__init__()
        self.embed = nn.Embedding(v, d)
        self.decoder = nn.Linear(d, v)
        nn.init.normal_(self.embed.weight, std=0.02)
        if tie:
            self.decoder.weight = self.embed.weight
        else:
            nn.init.xavier_uniform_(self.decoder.weight)

class Retied(nn.Module):
    def __init__(self, v, d):
        super().__init__()
        self.embed = nn.Embedding(v, d)
        self.decoder = nn.Linear(d, v)
        nn.init.normal_(self.embed.weight, std=0.02)
        self.decoder.weight = self.embed.weight
        self.decoder.weight = nn.Parameter(torch.empty(v, d))
        nn.init.xavier_uniform_(self.decoder.weight)

class NotATie(nn.Module):
    def __init__(self, v, d):
        super().__init__()
        self.embed = nn.Embedding(v, d)
        self.decoder = nn.Linear(d, v)
        nn.init.normal_(self.embed.weight, std=0.02)
        self.decoder.scale = self.embed.scale
        nn.init.xavier_uniform_(self.decoder.weight)

class BiasSlice(nn.Module):
    def __init__(self, v, d):
        super().__init__()
        self.embed = nn.Embedding(v, d, padding_idx=0)
        self.decoder = nn.Linear(d, v)
        self.decoder.weight = self.embed.weight
        nn.init.normal_(self.embed.weight, std=0.02)
        self.decoder.weight.data[0].zero_()      # a row: a partial write
'''


def test_ini310_silent_on_correct_ties(lint):
    assert only(lint(TIED_GOOD), "INI310") == []


# ---- INI211 hf-init-weights-bypasses-guard / INI311 hf-init-in-constructor (opt-in) ------------------------------
HF_SRC = H + '''
from torch.nn.init import normal_
from transformers import PreTrainedModel
from transformers import initialization as init

class MyPreTrained(PreTrainedModel):
    def _init_weights(self, module):
        if isinstance(module, nn.Linear):
            module.weight.data.normal_(mean=0.0, std=0.02)     # 11
            if module.bias is not None:
                module.bias.data.zero_()                        # 13
        elif isinstance(module, nn.Embedding):
            normal_(module.weight, std=0.02)                    # 15
            nn.init.normal_(module.weight, std=0.02)            # through the module: patched, guarded
            init.normal_(module.weight, std=0.02)               # transformers' own: guarded

class Model(MyPreTrained):
    def __init__(self, config):
        super().__init__(config)
        self.block = Block(config.d)
        self.head = nn.Linear(2, 2)
        nn.init.normal_(self.head.weight, std=0.02)             # 24
        self.post_init()

class Block(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.proj = nn.Linear(d, d)
        nn.init.zeros_(self.proj.bias)                          # 31

class Plain(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        nn.init.zeros_(self.fc.bias)                            # not a PreTrainedModel's

    def _init_weights(self, module):
        module.weight.data.normal_()                            # not a PreTrainedModel's
'''


def test_ini211_flags_unguarded_writes_in_pretrained_model_init_weights(lint):
    assert only(lint(HF_SRC), "INI211") == []  # off by default
    found = only(lint(HF_SRC, extend=["INI211"]), "INI211")
    assert [f.line for f in found] == [11, 13, 15]
    assert "`init.zeros_(...)`" in found[1].message
    assert "imported by name from `torch.nn.init`" in found[2].message


def test_ini211_silent_when_the_method_checks_the_flag(lint):
    src = HF_SRC.replace("        if isinstance(module, nn.Linear):\n",
                         "        if getattr(module, \"_is_hf_initialized\", False):\n            return\n"
                         "        if isinstance(module, nn.Linear):\n", 1)
    assert only(lint(src, extend=["INI211"]), "INI211") == []


def test_ini311_flags_constructor_init_in_pretrained_models_and_their_submodules(lint):
    assert only(lint(HF_SRC), "INI311") == []  # off by default
    found = only(lint(HF_SRC, extend=["INI311"]), "INI311")
    assert [f.line for f in found] == [24, 31]
    assert "`Block.__init__`" in found[1].message


def test_ini311_needs_a_pretrained_model(lint):
    src = HF_SRC.replace("from transformers import PreTrainedModel", "from mylib import PreTrainedModel")
    assert only(lint(src, extend=["INI211", "INI311"]), "INI311") == []
    assert only(lint(src, extend=["INI211", "INI311"]), "INI211") == []
