"""The sixth set of bugs rebuilt from real public bug reports about weight initialization (issue 9), the
fifth held out.

Collected on 2026-12-02 by three engineers, one per range of the rule catalogue (A: INI0xx-INI1xx, B: INI2xx,
C: INI3xx), after the fifth set's fixes and the sixth precision set's, who did not run initlint and did not read its
source, tests, benches or docs: they read only each rule page's title and "What it does", found each report with a
search of public issue trackers and Q&A pages (none of the reports of the other five corpora, nor any rule page's
or doc's references), rebuilt the bug in their own words keeping the code's idiom, and ran the bad program and its
corrected twin with torch to check that the bug shows (``note`` says how). The set was measured once, as
collected, on the commit named in docs/recall.md. Same format as ``tests/real_reports.py``; read by
``tests/test_heldout_reports.py`` and ``python bench/recall.py --corpus tests/heldout6_reports.py``.
"""

CLASSES = {'layers-in-plain-dict-not-registered': ('INI002',),
 'uninitialized-parameter-torch-tensor': ('INI004',),
 'nn-init-given-module-not-tensor': ('INI105',),
 'inplace-init-on-parameter-with-grad': ('INI107',),
 'deprecated-init-alias-no-underscore': ('INI101',),
 'shared-submodule-repeated-across-layers': ('INI003',),
 'deepcopy-clones-share-initial-values': None,
 'fan-init-on-1d-vector': ('INI102',),
 'unguarded-bias-init-on-bias-free-layer': ('INI201',),
 'embedding-init-overwrites-padding-row': ('INI205',),
 'orthogonal-init-on-stacked-gate-matrix': ('INI208',),
 'class-name-dispatch-hits-layer-without-weight': ('INI203',),
 'name-filter-condition-always-true': None,
 'padding-row-zeroed-on-wrong-dim': None,
 'init-hint-set-on-wrapper-not-on-layer': None,
 'init-after-pretrained-load': ('INI301',),
 'init-function-never-applied': ('INI304',),
 'hf-init-in-constructor': ('INI311',),
 'lora-injected-on-meta-never-initialized': None}


def case(id, url, cls, bad, good, note="", scope=None):
    assert cls in CLASSES, cls
    return {"id": id, "url": url, "cls": cls, "bad": bad, "good": good, "note": note, "scope": scope}


CASES = [

    # ---- collector A ------------------------------------------------------------------------------------------
    case("pytorch-pytorch-632", "https://github.com/pytorch/pytorch/issues/632",
         "layers-in-plain-dict-not-registered", """
import torch
import torch.nn as nn


class RelationNet(nn.Module):
    def __init__(self, numfeatures, numrel, n_relations=10):
        super(RelationNet, self).__init__()
        self.waggrs = {}
        self.list_relations = {}
        for rel in range(n_relations):
            self.waggrs[rel] = {'w': nn.Parameter(1. + torch.randn(1, 2)),
                                'b': nn.Parameter(torch.zeros(1, 4))}
            self.list_relations[rel] = nn.Linear(numfeatures, numrel)
        self.out = nn.Linear(numrel, 1)
        self.init_weights()

    def init_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m.weight)
                nn.init.zeros_(m.bias)

    def forward(self, x, rel):
        return self.out(self.list_relations[rel](x))


model = RelationNet(8, 4)
n_params = len(list(model.parameters()))
print("registered parameters:", n_params)
print("relation bias zeroed by init:", bool((model.list_relations[0].bias == 0).all()))
""", """
import torch
import torch.nn as nn


class RelationNet(nn.Module):
    def __init__(self, numfeatures, numrel, n_relations=10):
        super(RelationNet, self).__init__()
        self.waggrs = nn.ModuleDict()
        self.list_relations = nn.ModuleDict()
        for rel in range(n_relations):
            self.waggrs[str(rel)] = nn.ParameterDict({'w': nn.Parameter(1. + torch.randn(1, 2)),
                                                      'b': nn.Parameter(torch.zeros(1, 4))})
            self.list_relations[str(rel)] = nn.Linear(numfeatures, numrel)
        self.out = nn.Linear(numrel, 1)
        self.init_weights()

    def init_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m.weight)
                nn.init.zeros_(m.bias)

    def forward(self, x, rel):
        return self.out(self.list_relations[str(rel)](x))


model = RelationNet(8, 4)
n_params = len(list(model.parameters()))
print("registered parameters:", n_params)
print("relation bias zeroed by init:", bool((model.list_relations['0'].bias == 0).all()))
""", note="bad: only self.out is registered (2 parameters); the 10 relation Linears and the 20 dict Parameters are "
          "invisible to parameters()/modules(), so the modules() init loop never reaches them (their bias keeps the "
          "default uniform init) and no optimizer would train them; good: ModuleDict/ParameterDict (the container the "
          "maintainers point to), 42 parameters, relation biases zeroed by the init loop."),

    case("dhruvramani-Transformers-RL-4", "https://github.com/dhruvramani/Transformers-RL/pull/4",
         "uninitialized-parameter-torch-tensor", """
import torch


class EncoderLayer(torch.nn.Module):
    def __init__(self, d_input, n_heads, d_head_inner):
        super(EncoderLayer, self).__init__()
        self.n_heads, self.d_head_inner = n_heads, d_head_inner
        self.linear_q = torch.nn.Linear(d_input, n_heads * d_head_inner, bias=False)

    def forward(self, x, u, v):
        q = self.linear_q(x).view(x.shape[0], x.shape[1], self.n_heads, self.d_head_inner)
        return (q + u).sum() + (q + v).sum()


class StableTransformerXL(torch.nn.Module):
    def __init__(self, d_input, n_layers, n_heads, d_head_inner):
        super(StableTransformerXL, self).__init__()
        (self.n_layers, self.n_heads, self.d_input, self.d_head_inner) = (n_layers, n_heads, d_input, d_head_inner)
        self.layers = torch.nn.ModuleList(
            [EncoderLayer(d_input, n_heads, d_head_inner) for _ in range(n_layers)]
        )
        # u and v are global parameters: maybe changing these to per-head parameters might help performance?
        self.u, self.v = (
            # [n_heads x d_head_inner]
            torch.nn.Parameter(torch.Tensor(self.n_heads, self.d_head_inner)),
            torch.nn.Parameter(torch.Tensor(self.n_heads, self.d_head_inner)),
        )

    def forward(self, inputs):
        out = 0
        for layer in self.layers:
            out = out + layer(inputs, self.u, self.v)
        return out


# leave a NaN-filled block of the same size in the allocator, as a long training run would
junk = torch.full((3, 32), float("nan"))
del junk
model = StableTransformerXL(d_input=8, n_layers=2, n_heads=3, d_head_inner=32)
print("u finite:", bool(torch.isfinite(model.u).all()), "v finite:", bool(torch.isfinite(model.v).all()))
print("output:", model(torch.randn(4, 2, 8)).item())
""", """
import torch


class EncoderLayer(torch.nn.Module):
    def __init__(self, d_input, n_heads, d_head_inner):
        super(EncoderLayer, self).__init__()
        self.n_heads, self.d_head_inner = n_heads, d_head_inner
        self.linear_q = torch.nn.Linear(d_input, n_heads * d_head_inner, bias=False)

    def forward(self, x, u, v):
        q = self.linear_q(x).view(x.shape[0], x.shape[1], self.n_heads, self.d_head_inner)
        return (q + u).sum() + (q + v).sum()


class StableTransformerXL(torch.nn.Module):
    def __init__(self, d_input, n_layers, n_heads, d_head_inner):
        super(StableTransformerXL, self).__init__()
        (self.n_layers, self.n_heads, self.d_input, self.d_head_inner) = (n_layers, n_heads, d_input, d_head_inner)
        self.layers = torch.nn.ModuleList(
            [EncoderLayer(d_input, n_heads, d_head_inner) for _ in range(n_layers)]
        )
        # u and v are global parameters: maybe changing these to per-head parameters might help performance?
        self.u, self.v = (
            # [n_heads x d_head_inner]
            torch.nn.Parameter(torch.zeros(self.n_heads, self.d_head_inner)),
            torch.nn.Parameter(torch.zeros(self.n_heads, self.d_head_inner)),
        )

    def forward(self, inputs):
        out = 0
        for layer in self.layers:
            out = out + layer(inputs, self.u, self.v)
        return out


# leave a NaN-filled block of the same size in the allocator, as a long training run would
junk = torch.full((3, 32), float("nan"))
del junk
model = StableTransformerXL(d_input=8, n_layers=2, n_heads=3, d_head_inner=32)
print("u finite:", bool(torch.isfinite(model.u).all()), "v finite:", bool(torch.isfinite(model.v).all()))
print("output:", model(torch.randn(4, 2, 8)).item())
""", note="bad: self.u/self.v are nn.Parameter(torch.Tensor(...)) (tuple-assigned) and nothing ever initializes them; "
          "after freeing a NaN block of the same size, v came back holding NaNs in our run and the "
          "model output was NaN (in general: whatever was in memory); good: torch.zeros as in the fix (the same "
          "fix appears in the repo's later layers.py and its forks), u/v finite and output finite."),

    case("pytorch-examples-775", "https://github.com/pytorch/examples/pull/775",
         "nn-init-given-module-not-tensor", """
import torch
import torch.nn as nn


class RNNModel(nn.Module):
    def __init__(self, rnn_type, ntoken, ninp, nhid, nlayers, dropout=0.5):
        super(RNNModel, self).__init__()
        self.ntoken = ntoken
        self.drop = nn.Dropout(dropout)
        self.encoder = nn.Embedding(ntoken, ninp)
        self.rnn = getattr(nn, rnn_type)(ninp, nhid, nlayers, dropout=dropout)
        self.decoder = nn.Linear(nhid, ntoken)
        self.init_weights()
        self.rnn_type = rnn_type
        self.nhid = nhid
        self.nlayers = nlayers

    def init_weights(self):
        initrange = 0.1
        nn.init.uniform_(self.encoder.weight, -initrange, initrange)
        nn.init.zeros_(self.decoder)
        nn.init.uniform_(self.decoder.weight, -initrange, initrange)

    def forward(self, input, hidden):
        emb = self.drop(self.encoder(input))
        output, hidden = self.rnn(emb, hidden)
        return self.decoder(self.drop(output)), hidden


model = RNNModel("LSTM", ntoken=50, ninp=16, nhid=16, nlayers=2)
print("built", sum(p.numel() for p in model.parameters()))
""", """
import torch
import torch.nn as nn


class RNNModel(nn.Module):
    def __init__(self, rnn_type, ntoken, ninp, nhid, nlayers, dropout=0.5):
        super(RNNModel, self).__init__()
        self.ntoken = ntoken
        self.drop = nn.Dropout(dropout)
        self.encoder = nn.Embedding(ntoken, ninp)
        self.rnn = getattr(nn, rnn_type)(ninp, nhid, nlayers, dropout=dropout)
        self.decoder = nn.Linear(nhid, ntoken)
        self.init_weights()
        self.rnn_type = rnn_type
        self.nhid = nhid
        self.nlayers = nlayers

    def init_weights(self):
        initrange = 0.1
        nn.init.uniform_(self.encoder.weight, -initrange, initrange)
        nn.init.zeros_(self.decoder.weight)
        nn.init.uniform_(self.decoder.weight, -initrange, initrange)

    def forward(self, input, hidden):
        emb = self.drop(self.encoder(input))
        output, hidden = self.rnn(emb, hidden)
        return self.decoder(self.drop(output)), hidden


model = RNNModel("LSTM", ntoken=50, ninp=16, nhid=16, nlayers=2)
print("built", sum(p.numel() for p in model.parameters()))
""", note="bad: nn.init.zeros_(self.decoder) gets the Linear module, constructing RNNModel raises AttributeError "
          "('Linear' object has no attribute 'zero_'); good: the PR's fix nn.init.zeros_(self.decoder.weight), the "
          "model builds."),

    case("facebookresearch-ParlAI-533", "https://github.com/facebookresearch/ParlAI/issues/533",
         "inplace-init-on-parameter-with-grad", """
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.parameter import Parameter


class RandomProjection(nn.Module):
    \"\"\"Randomly project input to different dimensionality.\"\"\"

    def __init__(self, in_features, out_features):
        super().__init__()
        self.in_features = in_features
        self.out_features = out_features
        self.weight = Parameter(torch.Tensor(out_features, in_features))
        self.reset_parameters()

    def reset_parameters(self):
        # std=1/sqrt(out_features) would also be reasonable
        self.weight.normal_(std=0.1)

    def forward(self, input):
        return F.linear(input, self.weight)


class Decoder(nn.Module):
    def __init__(self, hidden_size, emb_size):
        super().__init__()
        self.o2e = RandomProjection(hidden_size, emb_size)

    def forward(self, x):
        return self.o2e(x)


dec = Decoder(32, 16)
print("std", dec.o2e.weight.std().item())
""", """
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.parameter import Parameter


class RandomProjection(nn.Module):
    \"\"\"Randomly project input to different dimensionality.\"\"\"

    def __init__(self, in_features, out_features):
        super().__init__()
        self.in_features = in_features
        self.out_features = out_features
        self.weight = Parameter(torch.Tensor(out_features, in_features))
        self.reset_parameters()

    def reset_parameters(self):
        # std=1/sqrt(out_features) would also be reasonable
        self.weight.data.normal_(std=0.1)

    def forward(self, input):
        return F.linear(input, self.weight)


class Decoder(nn.Module):
    def __init__(self, hidden_size, emb_size):
        super().__init__()
        self.o2e = RandomProjection(hidden_size, emb_size)

    def forward(self, x):
        return self.o2e(x)


dec = Decoder(32, 16)
print("std", dec.o2e.weight.std().item())
""", note="bad: reset_parameters calls self.weight.normal_() on a Parameter that requires grad, outside no_grad; "
          "building the Decoder raises RuntimeError 'a leaf Variable that requires grad is being used in an in-place "
          "operation' (in the 2018 report the Variable had no normal_ at all); good: self.weight.data.normal_(std=0.1) "
          "(the fix applied in ParlAI), weight std ~0.1."),

    case("huggingface-diffusers-7332", "https://github.com/huggingface/diffusers/pull/7332",
         "deprecated-init-alias-no-underscore", """
import warnings
import torch
import torch.nn as nn


class TimestepMapper(nn.Module):
    def __init__(self, c_clip, c_cond, c_hidden):
        super().__init__()
        self.clip_mapper = nn.Linear(c_clip, c_cond)
        self.embedding = nn.Sequential(nn.Conv2d(4, c_hidden, kernel_size=1), nn.GroupNorm(1, c_hidden))
        self.apply(self._init_weights)
        torch.nn.init.normal(self.clip_mapper.weight, std=0.02)

    def _init_weights(self, m):
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            torch.nn.init.xavier_uniform_(m.weight)
            if m.bias is not None:
                nn.init.constant_(m.bias, 0)


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    model = TimestepMapper(16, 8, 4)
print("warnings:", [str(x.message) for x in w])
""", """
import warnings
import torch
import torch.nn as nn


class TimestepMapper(nn.Module):
    def __init__(self, c_clip, c_cond, c_hidden):
        super().__init__()
        self.clip_mapper = nn.Linear(c_clip, c_cond)
        self.embedding = nn.Sequential(nn.Conv2d(4, c_hidden, kernel_size=1), nn.GroupNorm(1, c_hidden))
        self.apply(self._init_weights)
        torch.nn.init.normal_(self.clip_mapper.weight, std=0.02)

    def _init_weights(self, m):
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            torch.nn.init.xavier_uniform_(m.weight)
            if m.bias is not None:
                nn.init.constant_(m.bias, 0)


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    model = TimestepMapper(16, 8, 4)
print("warnings:", [str(x.message) for x in w])
""", note="rebuilt from the PR's description (torch.nn.init.normal() replaced by torch.nn.init.normal_() in a model's "
          "weight init; the surrounding class is a stand-in in diffusers' _init_weights/apply style); bad: emits "
          "UserWarning 'nn.init.normal is now deprecated in favor of nn.init.normal_'; good: no warning, same values."),

    case("udlbook-udlbook-133", "https://github.com/udlbook/udlbook/issues/133",
         "deprecated-init-alias-no-underscore", """
import warnings
import torch
import torch.nn as nn

D_i, D_k, D_o = 40, 100, 10
model = nn.Sequential(
    nn.Linear(D_i, D_k),
    nn.ReLU(),
    nn.Linear(D_k, D_k),
    nn.ReLU(),
    nn.Linear(D_k, D_o))


def weights_init(layer_in):
    if isinstance(layer_in, nn.Linear):
        nn.init.kaiming_uniform(layer_in.weight)
        layer_in.bias.data.fill_(0.0)


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    model.apply(weights_init)
print("warnings:", len(w), str(w[0].message) if w else "")
""", """
import warnings
import torch
import torch.nn as nn

D_i, D_k, D_o = 40, 100, 10
model = nn.Sequential(
    nn.Linear(D_i, D_k),
    nn.ReLU(),
    nn.Linear(D_k, D_k),
    nn.ReLU(),
    nn.Linear(D_k, D_o))


def weights_init(layer_in):
    if isinstance(layer_in, nn.Linear):
        nn.init.kaiming_uniform_(layer_in.weight)
        layer_in.bias.data.fill_(0.0)


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    model.apply(weights_init)
print("warnings:", len(w), str(w[0].message) if w else "")
""", note="the book's figure 7.8 idiom (weights_init applied with model.apply); bad: 3 UserWarnings 'nn.init.kaiming_uniform "
          "is now deprecated in favor of nn.init.kaiming_uniform_'; good: kaiming_uniform_ as the reporter and the "
          "author fixed it, no warning."),

    case("habla-liaa-encodecmae-3", "https://github.com/habla-liaa/encodecmae/issues/3",
         "shared-submodule-repeated-across-layers", """
import torch
import torch.nn as nn
from functools import partial


class TransformerLayer(nn.Module):
    def __init__(self, model_dim, attention_layer, ff_layer, norm_layer):
        super().__init__()
        self.att = attention_layer
        self.ff = ff_layer
        self.norm1 = norm_layer(model_dim)
        self.norm2 = norm_layer(model_dim)

    def forward(self, x):
        x = x + self.att(self.norm1(x), self.norm1(x), self.norm1(x), need_weights=False)[0]
        return x + self.ff(self.norm2(x))


class TransformerEncoder(nn.Module):
    def __init__(self, model_dim, num_layers, attention_layer, ff_layer=None, ff_dim=256,
                 norm_layer=nn.LayerNorm):
        super().__init__()
        if ff_layer is None:
            ff_layer = torch.nn.Sequential(torch.nn.Linear(model_dim, ff_dim),
                                           torch.nn.ReLU(),
                                           torch.nn.Linear(ff_dim, model_dim))
        else:
            ff_layer = ff_layer()
        self.encoder_layers = torch.nn.ModuleList([TransformerLayer(model_dim,
                                                                    attention_layer(),
                                                                    ff_layer,
                                                                    norm_layer) for i in range(num_layers)])

    def forward(self, x):
        for layer in self.encoder_layers:
            x = layer(x)
        return x


enc = TransformerEncoder(64, 4, partial(nn.MultiheadAttention, 64, 4, batch_first=True))
print("ff shared:", enc.encoder_layers[0].ff is enc.encoder_layers[3].ff)
print("params:", sum(p.numel() for p in enc.parameters()))
""", """
import torch
import torch.nn as nn
from functools import partial


class TransformerLayer(nn.Module):
    def __init__(self, model_dim, attention_layer, ff_layer, norm_layer):
        super().__init__()
        self.att = attention_layer
        self.ff = ff_layer
        self.norm1 = norm_layer(model_dim)
        self.norm2 = norm_layer(model_dim)

    def forward(self, x):
        x = x + self.att(self.norm1(x), self.norm1(x), self.norm1(x), need_weights=False)[0]
        return x + self.ff(self.norm2(x))


class TransformerEncoder(nn.Module):
    def __init__(self, model_dim, num_layers, attention_layer, ff_layer=None, ff_dim=256,
                 norm_layer=nn.LayerNorm):
        super().__init__()
        if ff_layer is None:
            ff_layer = lambda: torch.nn.Sequential(torch.nn.Linear(model_dim, ff_dim),
                                                   torch.nn.ReLU(),
                                                   torch.nn.Linear(ff_dim, model_dim))
        self.encoder_layers = torch.nn.ModuleList([TransformerLayer(model_dim,
                                                                    attention_layer(),
                                                                    ff_layer(),
                                                                    norm_layer) for i in range(num_layers)])

    def forward(self, x):
        for layer in self.encoder_layers:
            x = layer(x)
        return x


enc = TransformerEncoder(64, 4, partial(nn.MultiheadAttention, 64, 4, batch_first=True))
print("ff shared:", enc.encoder_layers[0].ff is enc.encoder_layers[3].ff)
print("params:", sum(p.numel() for p in enc.parameters()))
""", note="bad: the default ff_layer Sequential is built once and handed to every TransformerLayer in the list "
          "comprehension, so all 4 layers share one feed-forward block (same init, same weights; fewer parameters); "
          "good: ff_layer is a factory called per layer, as attention_layer already is (issue still open; this is "
          "the change it implies), 4 distinct ff blocks."),

    case("pytorch-pytorch-86274", "https://github.com/pytorch/pytorch/issues/86274",
         "deepcopy-clones-share-initial-values", """
import torch
import torch.nn as nn


class Seq2SeqEncoder(nn.Module):
    def __init__(self, d_model=64, nhead=4, num_layers=6):
        super().__init__()
        encoder_layer = nn.TransformerEncoderLayer(d_model=d_model, nhead=nhead, dim_feedforward=128)
        self.encoder = nn.TransformerEncoder(encoder_layer, num_layers=num_layers, enable_nested_tensor=False)

    def forward(self, src):
        return self.encoder(src)


model = Seq2SeqEncoder()
layers = model.encoder.layers
print("layer0 == layer1 linear1:", bool((layers[0].linear1.weight == layers[1].linear1.weight).all()))
""", """
import torch
import torch.nn as nn


class Seq2SeqEncoder(nn.Module):
    def __init__(self, d_model=64, nhead=4, num_layers=6):
        super().__init__()
        encoder_layer = nn.TransformerEncoderLayer(d_model=d_model, nhead=nhead, dim_feedforward=128)
        self.encoder = nn.TransformerEncoder(encoder_layer, num_layers=num_layers, enable_nested_tensor=False)
        self._reset_parameters()

    def _reset_parameters(self):
        for p in self.parameters():
            if p.dim() > 1:
                nn.init.xavier_uniform_(p)

    def forward(self, src):
        return self.encoder(src)


model = Seq2SeqEncoder()
layers = model.encoder.layers
print("layer0 == layer1 linear1:", bool((layers[0].linear1.weight == layers[1].linear1.weight).all()))
""", note="bad: nn.TransformerEncoder deep-copies the one encoder_layer num_layers times, so all 6 layers start from "
          "identical weights (linear1 equal across layers: True); good: re-initialize after building, as "
          "nn.Transformer's _reset_parameters does (the workaround the issue points to), layers differ. No rule in "
          "INI001-INI110 claims this (distinct objects, identical initial values)."),

    case("moneyDboat-data_grand-4", "https://github.com/moneyDboat/data_grand/issues/4",
         "fan-init-on-1d-vector", """
import torch
from torch.nn import init


class Vectors(object):
    \"\"\"Stand-in for torchtext.vocab.Vectors: unknown tokens get unk_init(torch.Tensor(dim)).\"\"\"

    def __init__(self, table, dim, unk_init=None):
        self.stoi = {w: i for i, w in enumerate(table)}
        self.vectors = torch.randn(len(table), dim)
        self.dim = dim
        self.unk_init = torch.Tensor.zero_ if unk_init is None else unk_init

    def __getitem__(self, token):
        if token in self.stoi:
            return self.vectors[self.stoi[token]]
        return self.unk_init(torch.Tensor(self.dim))


class Field(object):
    def build_vocab(self, tokens, vectors=None):
        self.itos = sorted(set(tokens))
        self.vectors = torch.Tensor(len(self.itos), vectors.dim)
        for i, token in enumerate(self.itos):
            self.vectors[i][:] = vectors[token]


vectors = Vectors(["the", "cat", "sat"], dim=100)
vectors.unk_init = init.xavier_uniform_
TEXT = Field()
TEXT.build_vocab(["the", "cat", "sat", "on", "mat"], vectors=vectors)
print("vocab vectors", tuple(TEXT.vectors.shape))
""", """
import torch
from torch.nn import init


class Vectors(object):
    \"\"\"Stand-in for torchtext.vocab.Vectors: unknown tokens get unk_init(torch.Tensor(dim)).\"\"\"

    def __init__(self, table, dim, unk_init=None):
        self.stoi = {w: i for i, w in enumerate(table)}
        self.vectors = torch.randn(len(table), dim)
        self.dim = dim
        self.unk_init = torch.Tensor.zero_ if unk_init is None else unk_init

    def __getitem__(self, token):
        if token in self.stoi:
            return self.vectors[self.stoi[token]]
        return self.unk_init(torch.Tensor(self.dim))


class Field(object):
    def build_vocab(self, tokens, vectors=None):
        self.itos = sorted(set(tokens))
        self.vectors = torch.Tensor(len(self.itos), vectors.dim)
        for i, token in enumerate(self.itos):
            self.vectors[i][:] = vectors[token]


vectors = Vectors(["the", "cat", "sat"], dim=100)
vectors.unk_init = init.uniform_
TEXT = Field()
TEXT.build_vocab(["the", "cat", "sat", "on", "mat"], vectors=vectors)
print("vocab vectors", tuple(TEXT.vectors.shape))
""", note="rebuilt from the report's traceback (ValueError 'Fan in and fan out can not be computed for tensor with less "
          "than 2 dimensions' raised inside TEXT.build_vocab while loading pretrained vectors): the word-vector "
          "unk_init is set to init.xavier_uniform_, which torchtext calls on a 1-D torch.Tensor(dim) for every unknown "
          "word; torchtext is replaced by a small stand-in with the same unk_init call. bad: ValueError; good: a "
          "non-fan init (init.uniform_) for the 1-D unknown-word vector, vocab builds (5, 100). The issue has no "
          "maintainer fix; the linked ssds report removed the fan init."),

    # ---- collector B ------------------------------------------------------------------------------------------
    # ------------------------------------------------------------------ INI201
    case("llm-random-llm-random-9", "https://github.com/llm-random/llm-random/pull/9",
         "unguarded-bias-init-on-bias-free-layer", """
import torch
import torch.nn as nn


class Linear(nn.Linear):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)

        # This is to make sure values after the layer keep the variance
        self.weight.data *= 3 ** 0.5
        self.bias.data *= 0.0


def LowRank(dinput, doutput, dlowrank):
    return nn.Sequential(
        Linear(dinput, dlowrank, bias=False),
        Linear(dlowrank, doutput),
    )


class FeedForwardBottleneck(nn.Module):
    def __init__(self, dmodel, dff, dlowrank):
        super().__init__()
        self.ff = nn.Sequential(
            LowRank(dmodel, dff, dlowrank),
            nn.ReLU(inplace=True),
            Linear(dff, dmodel),
        )

    def forward(self, x):
        return self.ff(x)


model = FeedForwardBottleneck(32, 128, 8)
print(model(torch.randn(2, 32)).shape)
""", """
import torch
import torch.nn as nn


class Linear(nn.Linear):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)

        # This is to make sure values after the layer keep the variance
        self.weight.data *= 3 ** 0.5
        if self.bias is not None:
            self.bias.data *= 0.0


def LowRank(dinput, doutput, dlowrank):
    return nn.Sequential(
        Linear(dinput, dlowrank, bias=False),
        Linear(dlowrank, doutput),
    )


class FeedForwardBottleneck(nn.Module):
    def __init__(self, dmodel, dff, dlowrank):
        super().__init__()
        self.ff = nn.Sequential(
            LowRank(dmodel, dff, dlowrank),
            nn.ReLU(inplace=True),
            Linear(dff, dmodel),
        )

    def forward(self, x):
        return self.ff(x)


model = FeedForwardBottleneck(32, 128, 8)
print(model(torch.randn(2, 32)).shape)
""", note="The project's Linear(nn.Linear) subclass zeroes self.bias in its __init__; LowRank builds "
          "Linear(dinput, dlowrank, bias=False) (lizrd/core/misc.py + bert.py, fixed by commit e8f4884 "
          "'Fix bug in Linear, where an exception was thrown if bias=False', merged in PR #9). "
          "Checked: bad raises AttributeError: 'NoneType' object has no attribute 'data' while building "
          "the model; good builds and prints torch.Size([2, 32])."),

    case("ludwig-ai-ludwig-1290", "https://github.com/ludwig-ai/ludwig/pull/1290",
         "unguarded-bias-init-on-bias-free-layer", """
import torch
from torch import nn
from torch.nn import Linear, ModuleList

initializer_registry = {
    "zeros": nn.init.zeros_,
    "ones": nn.init.ones_,
    "uniform": nn.init.uniform_,
    "normal": nn.init.normal_,
    "xavier_uniform": nn.init.xavier_uniform_,
    "xavier_normal": nn.init.xavier_normal_,
}


class LudwigModule(nn.Module):
    pass


class FCLayer(LudwigModule):
    def __init__(
        self,
        input_size,
        output_size=256,
        use_bias=True,
        weights_initializer="xavier_uniform",
        bias_initializer="zeros",
        dropout=0,
    ):
        super().__init__()
        self.layers = ModuleList()
        self.input_size = input_size
        self.output_size = output_size

        fc = Linear(in_features=input_size, out_features=output_size, bias=use_bias)
        self.layers.append(fc)

        weights_initializer = initializer_registry[weights_initializer]
        weights_initializer(fc.weight)

        bias_initializer = initializer_registry[bias_initializer]
        bias_initializer(fc.bias)

        self.layers.append(nn.ReLU())
        if dropout > 0:
            self.layers.append(nn.Dropout(dropout))

    def forward(self, inputs):
        hidden = inputs
        for layer in self.layers:
            hidden = layer(hidden)
        return hidden


fc_layer = FCLayer(128, 256, use_bias=False)
print(fc_layer(torch.randn(4, 128)).shape)
""", """
import torch
from torch import nn
from torch.nn import Linear, ModuleList

initializer_registry = {
    "zeros": nn.init.zeros_,
    "ones": nn.init.ones_,
    "uniform": nn.init.uniform_,
    "normal": nn.init.normal_,
    "xavier_uniform": nn.init.xavier_uniform_,
    "xavier_normal": nn.init.xavier_normal_,
}


class LudwigModule(nn.Module):
    pass


class FCLayer(LudwigModule):
    def __init__(
        self,
        input_size,
        output_size=256,
        use_bias=True,
        weights_initializer="xavier_uniform",
        bias_initializer="zeros",
        dropout=0,
    ):
        super().__init__()
        self.layers = ModuleList()
        self.input_size = input_size
        self.output_size = output_size

        fc = Linear(in_features=input_size, out_features=output_size, bias=use_bias)
        self.layers.append(fc)

        weights_initializer = initializer_registry[weights_initializer]
        weights_initializer(fc.weight)

        if use_bias:
            bias_initializer = initializer_registry[bias_initializer]
            bias_initializer(fc.bias)

        self.layers.append(nn.ReLU())
        if dropout > 0:
            self.layers.append(nn.Dropout(dropout))

    def forward(self, inputs):
        hidden = inputs
        for layer in self.layers:
            hidden = layer(hidden)
        return hidden


fc_layer = FCLayer(128, 256, use_bias=False)
print(fc_layer(torch.randn(4, 128)).shape)
""", note="FCLayer builds a local Linear(..., bias=use_bias) and runs the bias initializer looked up in a "
          "name->nn.init registry unconditionally; the PR's traceback is FCLayer(128,256,use_bias=False) -> "
          "zeros_(fc.bias) -> AttributeError. Fix (the PR): initialize the bias only if use_bias. "
          "Checked: bad raises AttributeError: 'NoneType' object has no attribute 'zero_'; good prints "
          "torch.Size([4, 256])."),

    case("pytorch-pytorch-76285", "https://github.com/pytorch/pytorch/issues/76285",
         "unguarded-bias-init-on-bias-free-layer", """
import torch
import torch.nn as nn


def kaiming_init(module, a=0, mode='fan_out', nonlinearity='relu', bias=0,
                 distribution='normal'):
    assert distribution in ['uniform', 'normal']
    if distribution == 'uniform':
        nn.init.kaiming_uniform_(module.weight, a=a, mode=mode, nonlinearity=nonlinearity)
    else:
        nn.init.kaiming_normal_(module.weight, a=a, mode=mode, nonlinearity=nonlinearity)
    nn.init.constant_(module.bias, bias)


class GeneralizedAttention(nn.Module):
    def __init__(self, in_dim, spatial_range=-1, num_heads=9, position_embedding_dim=-1,
                 position_magnitude=1, kv_stride=2, q_stride=1, attention_type='1111'):
        super(GeneralizedAttention, self).__init__()
        self.position_embedding_dim = (
            position_embedding_dim if position_embedding_dim > 0 else in_dim)
        self.position_magnitude = position_magnitude
        self.num_heads = num_heads
        self.channel_in = in_dim
        self.spatial_range = spatial_range
        self.kv_stride = kv_stride
        self.q_stride = q_stride
        self.attention_type = [bool(int(_)) for _ in attention_type]
        self.qk_embed_dim = in_dim // num_heads
        out_c = self.qk_embed_dim * num_heads

        if self.attention_type[0] or self.attention_type[1]:
            self.query_conv = nn.Conv2d(in_channels=in_dim, out_channels=out_c,
                                        kernel_size=1, bias=False)
            self.query_conv.kaiming_init = True

        if self.attention_type[0] or self.attention_type[2]:
            self.key_conv = nn.Conv2d(in_channels=in_dim, out_channels=out_c,
                                      kernel_size=1, bias=False)
            self.key_conv.kaiming_init = True

        self.v_dim = in_dim // num_heads
        self.value_conv = nn.Conv2d(in_channels=in_dim, out_channels=self.v_dim * num_heads,
                                    kernel_size=1, bias=False)
        self.value_conv.kaiming_init = True

        self.proj_conv = nn.Conv2d(in_channels=self.v_dim * num_heads, out_channels=in_dim,
                                   kernel_size=1, bias=True)
        self.proj_conv.kaiming_init = True

        self.gamma = nn.Parameter(torch.zeros(1))
        self.init_weights()

    def init_weights(self):
        for m in self.modules():
            if hasattr(m, 'kaiming_init') and m.kaiming_init:
                kaiming_init(m, mode='fan_in', nonlinearity='leaky_relu', bias=0,
                             distribution='uniform', a=1)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 18, 3, padding=1)
        self.att = GeneralizedAttention(18, num_heads=9)
        self.fc = nn.Linear(18, 10)


net = Net()
print(sum(p.numel() for p in net.parameters()))
""", """
import torch
import torch.nn as nn


def kaiming_init(module, a=0, mode='fan_out', nonlinearity='relu', bias=0,
                 distribution='normal'):
    assert distribution in ['uniform', 'normal']
    if distribution == 'uniform':
        nn.init.kaiming_uniform_(module.weight, a=a, mode=mode, nonlinearity=nonlinearity)
    else:
        nn.init.kaiming_normal_(module.weight, a=a, mode=mode, nonlinearity=nonlinearity)
    if hasattr(module, 'bias') and module.bias is not None:
        nn.init.constant_(module.bias, bias)


class GeneralizedAttention(nn.Module):
    def __init__(self, in_dim, spatial_range=-1, num_heads=9, position_embedding_dim=-1,
                 position_magnitude=1, kv_stride=2, q_stride=1, attention_type='1111'):
        super(GeneralizedAttention, self).__init__()
        self.position_embedding_dim = (
            position_embedding_dim if position_embedding_dim > 0 else in_dim)
        self.position_magnitude = position_magnitude
        self.num_heads = num_heads
        self.channel_in = in_dim
        self.spatial_range = spatial_range
        self.kv_stride = kv_stride
        self.q_stride = q_stride
        self.attention_type = [bool(int(_)) for _ in attention_type]
        self.qk_embed_dim = in_dim // num_heads
        out_c = self.qk_embed_dim * num_heads

        if self.attention_type[0] or self.attention_type[1]:
            self.query_conv = nn.Conv2d(in_channels=in_dim, out_channels=out_c,
                                        kernel_size=1, bias=False)
            self.query_conv.kaiming_init = True

        if self.attention_type[0] or self.attention_type[2]:
            self.key_conv = nn.Conv2d(in_channels=in_dim, out_channels=out_c,
                                      kernel_size=1, bias=False)
            self.key_conv.kaiming_init = True

        self.v_dim = in_dim // num_heads
        self.value_conv = nn.Conv2d(in_channels=in_dim, out_channels=self.v_dim * num_heads,
                                    kernel_size=1, bias=False)
        self.value_conv.kaiming_init = True

        self.proj_conv = nn.Conv2d(in_channels=self.v_dim * num_heads, out_channels=in_dim,
                                   kernel_size=1, bias=True)
        self.proj_conv.kaiming_init = True

        self.gamma = nn.Parameter(torch.zeros(1))
        self.init_weights()

    def init_weights(self):
        for m in self.modules():
            if hasattr(m, 'kaiming_init') and m.kaiming_init:
                kaiming_init(m, mode='fan_in', nonlinearity='leaky_relu', bias=0,
                             distribution='uniform', a=1)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 18, 3, padding=1)
        self.att = GeneralizedAttention(18, num_heads=9)
        self.fc = nn.Linear(18, 10)


net = Net()
print(sum(p.numel() for p in net.parameters()))
""", note="The report pastes a standalone copy of mmcv's GeneralizedAttention (query/key/value convs built "
          "with bias=False, flagged .kaiming_init=True and initialized in a self.modules() loop through a "
          "kaiming_init helper) and gets 'NoneType' object has no attribute 'fill_'. The report's code is "
          "truncated; rebuilt from the idiom it shows with a local kaiming_init that writes module.bias "
          "unguarded. Twin uses mmcv's own guard (hasattr(module,'bias') and module.bias is not None); the "
          "thread itself shows no fix. Checked: bad raises AttributeError: 'NoneType' object has no "
          "attribute 'fill_' in nn.init.constant_; good builds and prints the parameter count."),

    # ------------------------------------------------------------------ INI205
    case("facebookresearch-fairseq-912", "https://github.com/facebookresearch/fairseq/pull/912",
         "embedding-init-overwrites-padding-row", """
import torch
import torch.nn as nn


def init_bert_params(module):
    if isinstance(module, nn.Linear):
        module.weight.data.normal_(mean=0.0, std=0.02)
        if module.bias is not None:
            module.bias.data.zero_()
    if isinstance(module, nn.Embedding):
        module.weight.data.normal_(mean=0.0, std=0.02)


class TransformerSentenceEncoderLayer(nn.Module):
    def __init__(self, embedding_dim=32, ffn_embedding_dim=64):
        super().__init__()
        self.fc1 = nn.Linear(embedding_dim, ffn_embedding_dim)
        self.fc2 = nn.Linear(ffn_embedding_dim, embedding_dim)
        self.final_layer_norm = nn.LayerNorm(embedding_dim)

    def forward(self, x):
        return self.final_layer_norm(x + self.fc2(torch.relu(self.fc1(x))))


class TransformerSentenceEncoder(nn.Module):
    def __init__(self, padding_idx, vocab_size, num_encoder_layers=2, embedding_dim=32,
                 ffn_embedding_dim=64, max_seq_len=16, apply_bert_init=False):
        super().__init__()
        self.padding_idx = padding_idx
        self.vocab_size = vocab_size
        self.embedding_dim = embedding_dim
        self.apply_bert_init = apply_bert_init

        self.embed_tokens = nn.Embedding(self.vocab_size, self.embedding_dim, self.padding_idx)
        self.layers = nn.ModuleList([
            TransformerSentenceEncoderLayer(embedding_dim, ffn_embedding_dim)
            for _ in range(num_encoder_layers)
        ])

        # Apply initialization of model params after building the model
        if self.apply_bert_init:
            self.apply(init_bert_params)

    def forward(self, tokens):
        x = self.embed_tokens(tokens)
        for layer in self.layers:
            x = layer(x)
        return x


enc = TransformerSentenceEncoder(padding_idx=1, vocab_size=50, apply_bert_init=True)
print("pad row abs sum:", enc.embed_tokens.weight[1].abs().sum().item())
""", """
import torch
import torch.nn as nn


def init_bert_params(module):
    if isinstance(module, nn.Linear):
        module.weight.data.normal_(mean=0.0, std=0.02)
        if module.bias is not None:
            module.bias.data.zero_()
    if isinstance(module, nn.Embedding):
        module.weight.data.normal_(mean=0.0, std=0.02)
        if module.padding_idx is not None:
            module.weight.data[module.padding_idx].zero_()


class TransformerSentenceEncoderLayer(nn.Module):
    def __init__(self, embedding_dim=32, ffn_embedding_dim=64):
        super().__init__()
        self.fc1 = nn.Linear(embedding_dim, ffn_embedding_dim)
        self.fc2 = nn.Linear(ffn_embedding_dim, embedding_dim)
        self.final_layer_norm = nn.LayerNorm(embedding_dim)

    def forward(self, x):
        return self.final_layer_norm(x + self.fc2(torch.relu(self.fc1(x))))


class TransformerSentenceEncoder(nn.Module):
    def __init__(self, padding_idx, vocab_size, num_encoder_layers=2, embedding_dim=32,
                 ffn_embedding_dim=64, max_seq_len=16, apply_bert_init=False):
        super().__init__()
        self.padding_idx = padding_idx
        self.vocab_size = vocab_size
        self.embedding_dim = embedding_dim
        self.apply_bert_init = apply_bert_init

        self.embed_tokens = nn.Embedding(self.vocab_size, self.embedding_dim, self.padding_idx)
        self.layers = nn.ModuleList([
            TransformerSentenceEncoderLayer(embedding_dim, ffn_embedding_dim)
            for _ in range(num_encoder_layers)
        ])

        # Apply initialization of model params after building the model
        if self.apply_bert_init:
            self.apply(init_bert_params)

    def forward(self, tokens):
        x = self.embed_tokens(tokens)
        for layer in self.layers:
            x = layer(x)
        return x


enc = TransformerSentenceEncoder(padding_idx=1, vocab_size=50, apply_bert_init=True)
print("pad row abs sum:", enc.embed_tokens.weight[1].abs().sum().item())
""", note="fairseq's TransformerSentenceEncoder builds nn.Embedding(vocab, dim, padding_idx) and then "
          "self.apply(init_bert_params), whose Embedding branch redraws the whole table with normal_, so "
          "the padding row is no longer zero; the PR 'Correctly zero padding index' adds the "
          "padding_idx re-zeroing that init_bert_params has since. Checked: bad prints a non-zero pad row "
          "abs sum (~0.5); good prints 0.0."),

    case("NVIDIA-NeMo-Speech-5726", "https://github.com/NVIDIA-NeMo/Speech/issues/5726",
         "embedding-init-overwrites-padding-row", """
import math
import torch
import torch.nn as nn


def transformer_weights_init(module, std_init_range=0.02, xavier=True):
    if isinstance(module, nn.Linear):
        if xavier:
            nn.init.xavier_uniform_(module.weight)
        else:
            nn.init.normal_(module.weight, mean=0.0, std=std_init_range)
        if module.bias is not None:
            nn.init.constant_(module.bias, 0.0)
    elif isinstance(module, nn.Embedding):
        nn.init.normal_(module.weight, mean=0.0, std=std_init_range)
    elif isinstance(module, nn.LayerNorm):
        nn.init.constant_(module.weight, 1.0)
        nn.init.constant_(module.bias, 0.0)


class FixedPositionalEncoding(nn.Module):
    def __init__(self, hidden_size, max_sequence_length=512):
        super().__init__()
        pos_enc = torch.zeros(max_sequence_length, hidden_size)
        position = torch.arange(0.0, max_sequence_length).unsqueeze(1)
        coef = -math.log(10000.0) / hidden_size
        div_term = torch.exp(coef * torch.arange(0.0, hidden_size, 2))
        pos_enc[:, 0::2] = torch.sin(position * div_term)
        pos_enc[:, 1::2] = torch.cos(position * div_term)
        self.register_buffer('pos_enc', pos_enc)

    def forward(self, position_ids):
        return self.pos_enc[position_ids]


class TransformerEmbedding(nn.Module):
    def __init__(self, vocab_size, hidden_size, max_sequence_length=512, num_token_types=2,
                 embedding_dropout=0.0):
        super().__init__()
        self.token_embedding = nn.Embedding(vocab_size, hidden_size, padding_idx=0)
        self.position_embedding = FixedPositionalEncoding(hidden_size, max_sequence_length)
        if num_token_types > 0:
            self.token_type_embedding = nn.Embedding(num_token_types, hidden_size)
        self.layer_norm = nn.LayerNorm(hidden_size, eps=1e-5)
        self.dropout = nn.Dropout(embedding_dropout)

    def forward(self, input_ids):
        positions = torch.arange(input_ids.size(1)).unsqueeze(0)
        x = self.token_embedding(input_ids) + self.position_embedding(positions)
        return self.dropout(self.layer_norm(x))


class TransformerEncoderNM(nn.Module):
    def __init__(self, vocab_size, hidden_size, inner_size):
        super().__init__()
        self._embedding = TransformerEmbedding(vocab_size, hidden_size)
        self._ffn = nn.Sequential(nn.Linear(hidden_size, inner_size), nn.ReLU(),
                                  nn.Linear(inner_size, hidden_size))
        std_init_range = 1 / math.sqrt(hidden_size)
        self.apply(lambda module: transformer_weights_init(module, std_init_range, xavier=False))


encoder = TransformerEncoderNM(vocab_size=100, hidden_size=32, inner_size=64)
print("embedding row 0 (pad) abs sum:",
      encoder._embedding.token_embedding.weight[0].abs().sum().item())
""", """
import math
import torch
import torch.nn as nn


def transformer_weights_init(module, std_init_range=0.02, xavier=True):
    if isinstance(module, nn.Linear):
        if xavier:
            nn.init.xavier_uniform_(module.weight)
        else:
            nn.init.normal_(module.weight, mean=0.0, std=std_init_range)
        if module.bias is not None:
            nn.init.constant_(module.bias, 0.0)
    elif isinstance(module, nn.Embedding):
        nn.init.normal_(module.weight, mean=0.0, std=std_init_range)
        if module.padding_idx is not None:
            with torch.no_grad():
                module.weight[module.padding_idx].zero_()
    elif isinstance(module, nn.LayerNorm):
        nn.init.constant_(module.weight, 1.0)
        nn.init.constant_(module.bias, 0.0)


class FixedPositionalEncoding(nn.Module):
    def __init__(self, hidden_size, max_sequence_length=512):
        super().__init__()
        pos_enc = torch.zeros(max_sequence_length, hidden_size)
        position = torch.arange(0.0, max_sequence_length).unsqueeze(1)
        coef = -math.log(10000.0) / hidden_size
        div_term = torch.exp(coef * torch.arange(0.0, hidden_size, 2))
        pos_enc[:, 0::2] = torch.sin(position * div_term)
        pos_enc[:, 1::2] = torch.cos(position * div_term)
        self.register_buffer('pos_enc', pos_enc)

    def forward(self, position_ids):
        return self.pos_enc[position_ids]


class TransformerEmbedding(nn.Module):
    def __init__(self, vocab_size, hidden_size, max_sequence_length=512, num_token_types=2,
                 embedding_dropout=0.0):
        super().__init__()
        self.token_embedding = nn.Embedding(vocab_size, hidden_size, padding_idx=0)
        self.position_embedding = FixedPositionalEncoding(hidden_size, max_sequence_length)
        if num_token_types > 0:
            self.token_type_embedding = nn.Embedding(num_token_types, hidden_size)
        self.layer_norm = nn.LayerNorm(hidden_size, eps=1e-5)
        self.dropout = nn.Dropout(embedding_dropout)

    def forward(self, input_ids):
        positions = torch.arange(input_ids.size(1)).unsqueeze(0)
        x = self.token_embedding(input_ids) + self.position_embedding(positions)
        return self.dropout(self.layer_norm(x))


class TransformerEncoderNM(nn.Module):
    def __init__(self, vocab_size, hidden_size, inner_size):
        super().__init__()
        self._embedding = TransformerEmbedding(vocab_size, hidden_size)
        self._ffn = nn.Sequential(nn.Linear(hidden_size, inner_size), nn.ReLU(),
                                  nn.Linear(inner_size, hidden_size))
        std_init_range = 1 / math.sqrt(hidden_size)
        self.apply(lambda module: transformer_weights_init(module, std_init_range, xavier=False))


encoder = TransformerEncoderNM(vocab_size=100, hidden_size=32, inner_size=64)
print("embedding row 0 (pad) abs sum:",
      encoder._embedding.token_embedding.weight[0].abs().sum().item())
""", note="The report: NeMo's TransformerEmbedding builds nn.Embedding(vocab, hidden, padding_idx=0), yet "
          "trained checkpoints have a non-zero row 0; NeMo's transformer_weights_init (applied through a "
          "lambda over the model) redraws every nn.Embedding with normal_ and never re-zeroes the padding "
          "row. The thread shows no fixing commit for the zero row (the related PR only makes the pad id "
          "configurable), so the twin re-zeroes weight[padding_idx] inside the Embedding branch, the "
          "behaviour the report expects. Checked: bad prints a non-zero row-0 abs sum (~4.9); good "
          "prints 0.0."),

    # ------------------------------------------------------------------ INI208
    case("songyingxin-TextClassification-1", "https://github.com/songyingxin/TextClassification/issues/1",
         "orthogonal-init-on-stacked-gate-matrix", """
import torch
import torch.nn as nn


class LSTM(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers, bidirectional, dropout, batch_first=True):
        super(LSTM, self).__init__()
        self.rnn = nn.LSTM(input_size=input_size, hidden_size=hidden_size,
                           num_layers=num_layers, bidirectional=bidirectional,
                           batch_first=batch_first)
        self.reset_params()
        self.dropout = nn.Dropout(p=dropout)

    def reset_params(self):
        for i in range(self.rnn.num_layers):
            nn.init.orthogonal_(getattr(self.rnn, f'weight_hh_l{i}'))
            nn.init.kaiming_normal_(getattr(self.rnn, f'weight_ih_l{i}'))
            nn.init.constant_(getattr(self.rnn, f'bias_hh_l{i}'), val=0)
            nn.init.constant_(getattr(self.rnn, f'bias_ih_l{i}'), val=0)
            getattr(self.rnn, f'bias_hh_l{i}').data.chunk(4)[1].fill_(1)

            if self.rnn.bidirectional:
                nn.init.orthogonal_(getattr(self.rnn, f'weight_hh_l{i}_reverse'))
                nn.init.kaiming_normal_(getattr(self.rnn, f'weight_ih_l{i}_reverse'))
                nn.init.constant_(getattr(self.rnn, f'bias_hh_l{i}_reverse'), val=0)
                nn.init.constant_(getattr(self.rnn, f'bias_ih_l{i}_reverse'), val=0)
                getattr(self.rnn, f'bias_hh_l{i}_reverse').data.chunk(4)[1].fill_(1)


torch.manual_seed(0)
model = LSTM(input_size=50, hidden_size=16, num_layers=2, bidirectional=True, dropout=0.2)
w_hi = model.rnn.weight_hh_l0[:16].detach()
print("W_hi orthogonal:", torch.allclose(w_hi @ w_hi.T, torch.eye(16), atol=1e-4))
""", """
import torch
import torch.nn as nn


class LSTM(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers, bidirectional, dropout, batch_first=True):
        super(LSTM, self).__init__()
        self.rnn = nn.LSTM(input_size=input_size, hidden_size=hidden_size,
                           num_layers=num_layers, bidirectional=bidirectional,
                           batch_first=batch_first)
        self.reset_params()
        self.dropout = nn.Dropout(p=dropout)

    def reset_params(self):
        for i in range(self.rnn.num_layers):
            for w in getattr(self.rnn, f'weight_hh_l{i}').data.chunk(4):
                nn.init.orthogonal_(w)
            nn.init.kaiming_normal_(getattr(self.rnn, f'weight_ih_l{i}'))
            nn.init.constant_(getattr(self.rnn, f'bias_hh_l{i}'), val=0)
            nn.init.constant_(getattr(self.rnn, f'bias_ih_l{i}'), val=0)
            getattr(self.rnn, f'bias_hh_l{i}').data.chunk(4)[1].fill_(1)

            if self.rnn.bidirectional:
                for w in getattr(self.rnn, f'weight_hh_l{i}_reverse').data.chunk(4):
                    nn.init.orthogonal_(w)
                nn.init.kaiming_normal_(getattr(self.rnn, f'weight_ih_l{i}_reverse'))
                nn.init.constant_(getattr(self.rnn, f'bias_hh_l{i}_reverse'), val=0)
                nn.init.constant_(getattr(self.rnn, f'bias_ih_l{i}_reverse'), val=0)
                getattr(self.rnn, f'bias_hh_l{i}_reverse').data.chunk(4)[1].fill_(1)


torch.manual_seed(0)
model = LSTM(input_size=50, hidden_size=16, num_layers=2, bidirectional=True, dropout=0.2)
w_hi = model.rnn.weight_hh_l0[:16].detach()
print("W_hi orthogonal:", torch.allclose(w_hi @ w_hi.T, torch.eye(16), atol=1e-4))
""", note="The issue quotes the repo's reset_params (orthogonal_ on the whole weight_hh_l{i}, forget-gate "
          "bias via chunk(4)[1]) and asks whether the init is per gate; it is not: orthogonal_ on the "
          "(4h, h) stacked matrix leaves no gate block orthogonal. The thread has no maintainer fix; the twin "
          "inits each chunk(4) gate block, the per-gate fix the question implies. Deviation: the forget-bias "
          "line uses .data.chunk(4)[1] in both programs, since in-place fill_ on a chunk of the parameter "
          "raises on current torch. Checked: bad prints 'W_hi orthogonal: False', good prints True."),

    # ------------------------------------------------------------------ INI203
    case("yangyanli-DO-Conv-23", "https://github.com/yangyanli/DO-Conv/issues/23",
         "class-name-dispatch-hits-layer-without-weight", """
import math
import torch
import torch.nn as nn
from torch.nn import init
from torch.nn.parameter import Parameter


class DOConv2d(nn.Module):
    # stand-in for do_conv_pytorch_1_10.DOConv2d: the kernel is W composed with D, no .weight
    def __init__(self, in_channels, out_channels, kernel_size=3, D_mul=None, stride=1,
                 padding=1, bias=False):
        super(DOConv2d, self).__init__()
        self.in_channels = in_channels
        self.out_channels = out_channels
        self.kernel_size = (kernel_size, kernel_size)
        self.stride = stride
        self.padding = padding
        M, N = self.kernel_size
        self.D_mul = M * N if D_mul is None or M * N <= 1 else D_mul
        self.W = Parameter(torch.Tensor(out_channels, in_channels, self.D_mul))
        init.kaiming_uniform_(self.W, a=math.sqrt(5))
        if M * N > 1:
            self.D = Parameter(torch.Tensor(in_channels, M * N, self.D_mul))
            init_zero = torch.zeros([in_channels, M * N, self.D_mul])
            self.D.data = init_zero
            self.register_buffer('d_diag', torch.eye(M * N).unsqueeze(0).repeat(in_channels, 1, self.D_mul // (M * N)))
        if bias:
            self.bias = Parameter(torch.Tensor(out_channels))
            init.zeros_(self.bias)
        else:
            self.register_parameter('bias', None)

    def forward(self, x):
        M, N = self.kernel_size
        D = self.D + self.d_diag
        W = torch.einsum('ims,ois->oim', D, self.W).reshape(self.out_channels, self.in_channels, M, N)
        return nn.functional.conv2d(x, W, self.bias, self.stride, self.padding)


class Discriminator(nn.Module):
    def __init__(self, nc=3, ndf=16):
        super().__init__()
        self.main = nn.Sequential(
            DOConv2d(nc, ndf, 3, stride=2, padding=1),
            nn.LeakyReLU(0.2, inplace=True),
            DOConv2d(ndf, ndf * 2, 3, stride=2, padding=1),
            nn.BatchNorm2d(ndf * 2),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf * 2, 1, 4, 1, 0, bias=False),
        )

    def forward(self, x):
        return self.main(x)


def weights_init(m):
    classname = m.__class__.__name__
    if classname.find('Conv') != -1:
        m.weight.data.normal_(0.0, 0.02)
    elif classname.find('BatchNorm') != -1:
        m.weight.data.normal_(1.0, 0.02)
        m.bias.data.fill_(0)


netD = Discriminator()
netD.apply(weights_init)
print(netD(torch.randn(2, 3, 16, 16)).shape)
""", """
import math
import torch
import torch.nn as nn
from torch.nn import init
from torch.nn.parameter import Parameter


class DOConv2d(nn.Module):
    # stand-in for do_conv_pytorch_1_10.DOConv2d: the kernel is W composed with D, no .weight
    def __init__(self, in_channels, out_channels, kernel_size=3, D_mul=None, stride=1,
                 padding=1, bias=False):
        super(DOConv2d, self).__init__()
        self.in_channels = in_channels
        self.out_channels = out_channels
        self.kernel_size = (kernel_size, kernel_size)
        self.stride = stride
        self.padding = padding
        M, N = self.kernel_size
        self.D_mul = M * N if D_mul is None or M * N <= 1 else D_mul
        self.W = Parameter(torch.Tensor(out_channels, in_channels, self.D_mul))
        init.kaiming_uniform_(self.W, a=math.sqrt(5))
        if M * N > 1:
            self.D = Parameter(torch.Tensor(in_channels, M * N, self.D_mul))
            init_zero = torch.zeros([in_channels, M * N, self.D_mul])
            self.D.data = init_zero
            self.register_buffer('d_diag', torch.eye(M * N).unsqueeze(0).repeat(in_channels, 1, self.D_mul // (M * N)))
        if bias:
            self.bias = Parameter(torch.Tensor(out_channels))
            init.zeros_(self.bias)
        else:
            self.register_parameter('bias', None)

    def forward(self, x):
        M, N = self.kernel_size
        D = self.D + self.d_diag
        W = torch.einsum('ims,ois->oim', D, self.W).reshape(self.out_channels, self.in_channels, M, N)
        return nn.functional.conv2d(x, W, self.bias, self.stride, self.padding)


class Discriminator(nn.Module):
    def __init__(self, nc=3, ndf=16):
        super().__init__()
        self.main = nn.Sequential(
            DOConv2d(nc, ndf, 3, stride=2, padding=1),
            nn.LeakyReLU(0.2, inplace=True),
            DOConv2d(ndf, ndf * 2, 3, stride=2, padding=1),
            nn.BatchNorm2d(ndf * 2),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf * 2, 1, 4, 1, 0, bias=False),
        )

    def forward(self, x):
        return self.main(x)


def weights_init(m):
    if isinstance(m, nn.Conv2d):
        m.weight.data.normal_(0.0, 0.02)
    elif isinstance(m, nn.BatchNorm2d):
        m.weight.data.normal_(1.0, 0.02)
        m.bias.data.fill_(0)


netD = Discriminator()
netD.apply(weights_init)
print(netD(torch.randn(2, 3, 16, 16)).shape)
""", note="The reporter swaps nn.Conv2d for DOConv2d (whose parameters are W and D, no .weight) and the "
          "DCGAN-style weights_init, dispatching on classname.find('Conv'), then fails with "
          "AttributeError: 'DOConv2d' object has no attribute 'weight'. DOConv2d is a small stand-in of the "
          "repo's class. The thread gives no fix; the twin dispatches with isinstance(nn.Conv2d / "
          "nn.BatchNorm2d) so DOConv2d keeps its own init. Checked: bad raises AttributeError: 'DOConv2d' "
          "object has no attribute 'weight' in netD.apply; good prints torch.Size([2, 1, 1, 1])."),

    # ------------------------------------------------------------------ no rule claims
    case("zylo117-Yet-Another-EfficientDet-Pytorch-722",
         "https://github.com/zylo117/Yet-Another-EfficientDet-Pytorch/issues/722",
         "name-filter-condition-always-true", """
import math
import numpy as np
import torch
from torch import nn
from torch.nn.init import _calculate_fan_in_and_fan_out, _no_grad_normal_


def variance_scaling_(tensor, gain=1.):
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    std = math.sqrt(gain / float(fan_in))
    return _no_grad_normal_(tensor, 0., std)


def init_weights(model):
    for name, module in model.named_modules():
        is_conv_layer = isinstance(module, nn.Conv2d)

        if is_conv_layer:
            if "conv_list" or "header" in name:
                variance_scaling_(module.weight.data)
            else:
                nn.init.kaiming_uniform_(module.weight.data)

            if module.bias is not None:
                if "classifier.header" in name:
                    bias_value = -np.log((1 - 0.01) / 0.01)
                    torch.nn.init.constant_(module.bias, bias_value)
                else:
                    module.bias.data.zero_()


class EfficientDetBackbone(nn.Module):
    def __init__(self):
        super().__init__()
        self.backbone_net = nn.Sequential(nn.Conv2d(64, 64, 3, padding=1), nn.ReLU())
        self.classifier = nn.Module()
        self.classifier.conv_list = nn.ModuleList([nn.Conv2d(64, 64, 3, padding=1)])
        self.classifier.header = nn.Conv2d(64, 9 * 90, 3, padding=1)


torch.manual_seed(0)
model = EfficientDetBackbone()
init_weights(model)
w = model.backbone_net[0].weight
bound = math.sqrt(6.0 / (64 * 3 * 3))  # kaiming_uniform_ bound, a=0
print("backbone conv got kaiming_uniform:", bool((w.abs() <= bound).all()))
""", """
import math
import numpy as np
import torch
from torch import nn
from torch.nn.init import _calculate_fan_in_and_fan_out, _no_grad_normal_


def variance_scaling_(tensor, gain=1.):
    fan_in, fan_out = _calculate_fan_in_and_fan_out(tensor)
    std = math.sqrt(gain / float(fan_in))
    return _no_grad_normal_(tensor, 0., std)


def init_weights(model):
    for name, module in model.named_modules():
        is_conv_layer = isinstance(module, nn.Conv2d)

        if is_conv_layer:
            if "conv_list" in name or "header" in name:
                variance_scaling_(module.weight.data)
            else:
                nn.init.kaiming_uniform_(module.weight.data)

            if module.bias is not None:
                if "classifier.header" in name:
                    bias_value = -np.log((1 - 0.01) / 0.01)
                    torch.nn.init.constant_(module.bias, bias_value)
                else:
                    module.bias.data.zero_()


class EfficientDetBackbone(nn.Module):
    def __init__(self):
        super().__init__()
        self.backbone_net = nn.Sequential(nn.Conv2d(64, 64, 3, padding=1), nn.ReLU())
        self.classifier = nn.Module()
        self.classifier.conv_list = nn.ModuleList([nn.Conv2d(64, 64, 3, padding=1)])
        self.classifier.header = nn.Conv2d(64, 9 * 90, 3, padding=1)


torch.manual_seed(0)
model = EfficientDetBackbone()
init_weights(model)
w = model.backbone_net[0].weight
bound = math.sqrt(6.0 / (64 * 3 * 3))  # kaiming_uniform_ bound, a=0
print("backbone conv got kaiming_uniform:", bool((w.abs() <= bound).all()))
""", note="utils.init_weights walks named_modules and picks the init by layer name with "
          "`if \"conv_list\" or \"header\" in name:`, which is always true, so every Conv2d (backbone too) "
          "gets variance_scaling_ and the kaiming_uniform_ branch is dead; the report gives the fix "
          "`\"conv_list\" in name or \"header\" in name`. No INI2xx rule describes a name-string condition "
          "that is always true. Checked: bad prints 'backbone conv got kaiming_uniform: False' (normal "
          "samples exceed the uniform bound), good prints True."),

    case("S-Lab-System-Group-Hydro-1", "https://github.com/S-Lab-System-Group/Hydro/issues/1",
         "padding-row-zeroed-on-wrong-dim", """
import torch
import torch.nn as nn


class Embedding(nn.Module):
    # stand-in for hydro's fused Embedding: B models' tables stacked on dim 0
    def __init__(self, B, num_embeddings, embedding_dim, padding_idx=None):
        super().__init__()
        self.B = B
        self.num_embeddings = num_embeddings
        self.embedding_dim = embedding_dim
        self.padding_idx = padding_idx
        self.weight = nn.Parameter(torch.empty(B, num_embeddings, embedding_dim))
        nn.init.normal_(self.weight)
        if padding_idx is not None:
            with torch.no_grad():
                self.weight[:, padding_idx].fill_(0)

    def forward(self, input):  # input: [B, batch, seq]
        return torch.stack([nn.functional.embedding(input[b], self.weight[b], self.padding_idx)
                            for b in range(self.B)])


class FusedLinear(nn.Module):
    def __init__(self, B, in_features, out_features):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(B, in_features, out_features))
        self.bias = nn.Parameter(torch.empty(B, 1, out_features))


class FusedGPT(nn.Module):
    def __init__(self, B=4, vocab_size=10, n_embd=8, initializer_range=0.02):
        super().__init__()
        self.initializer_range = initializer_range
        self.wte = Embedding(B, vocab_size, n_embd, padding_idx=0)
        self.head = FusedLinear(B, n_embd, vocab_size)
        self.apply(self._init_weights)

    def _init_weights(self, module):
        if isinstance(module, FusedLinear):
            module.weight.data.normal_(mean=0.0, std=self.initializer_range)
            if module.bias is not None:
                module.bias.data.zero_()
        elif isinstance(module, Embedding):
            module.weight.data.normal_(mean=0.0, std=self.initializer_range)
            if module.padding_idx is not None:
                module.weight.data[module.padding_idx].zero_()


torch.manual_seed(0)
model = FusedGPT()
w = model.wte.weight
print("model 0 table all zero:", bool((w[0] == 0).all()))
print("pad rows zero in every model:", bool((w[:, 0] == 0).all()))
""", """
import torch
import torch.nn as nn


class Embedding(nn.Module):
    # stand-in for hydro's fused Embedding: B models' tables stacked on dim 0
    def __init__(self, B, num_embeddings, embedding_dim, padding_idx=None):
        super().__init__()
        self.B = B
        self.num_embeddings = num_embeddings
        self.embedding_dim = embedding_dim
        self.padding_idx = padding_idx
        self.weight = nn.Parameter(torch.empty(B, num_embeddings, embedding_dim))
        nn.init.normal_(self.weight)
        if padding_idx is not None:
            with torch.no_grad():
                self.weight[:, padding_idx].fill_(0)

    def forward(self, input):  # input: [B, batch, seq]
        return torch.stack([nn.functional.embedding(input[b], self.weight[b], self.padding_idx)
                            for b in range(self.B)])


class FusedLinear(nn.Module):
    def __init__(self, B, in_features, out_features):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(B, in_features, out_features))
        self.bias = nn.Parameter(torch.empty(B, 1, out_features))


class FusedGPT(nn.Module):
    def __init__(self, B=4, vocab_size=10, n_embd=8, initializer_range=0.02):
        super().__init__()
        self.initializer_range = initializer_range
        self.wte = Embedding(B, vocab_size, n_embd, padding_idx=0)
        self.head = FusedLinear(B, n_embd, vocab_size)
        self.apply(self._init_weights)

    def _init_weights(self, module):
        if isinstance(module, FusedLinear):
            module.weight.data.normal_(mean=0.0, std=self.initializer_range)
            if module.bias is not None:
                module.bias.data.zero_()
        elif isinstance(module, Embedding):
            module.weight.data.normal_(mean=0.0, std=self.initializer_range)
            if module.padding_idx is not None:
                module.weight.data[:, module.padding_idx].zero_()


torch.manual_seed(0)
model = FusedGPT()
w = model.wte.weight
print("model 0 table all zero:", bool((w[0] == 0).all()))
print("pad rows zero in every model:", bool((w[:, 0] == 0).all()))
""", note="Hydro fuses B models so the embedding weight is [B, vocab, dim]; the HF-style _init_weights copied "
          "into the fused model zeroes weight.data[padding_idx], which indexes the fusion dimension B and "
          "wipes a whole model's table (the report's description). The fused Embedding is a small "
          "stand-in; the twin indexes [:, padding_idx], as the report says it should. INI205 speaks of "
          "torch nn.Embedding and a missing None guard, not a padding row indexed on the wrong dimension, "
          "so no rule claims it. Checked: bad prints 'model 0 table all zero: True' and 'pad rows zero in "
          "every model: False'; good prints False / True."),
    case("pytorch-vision-723", "https://github.com/pytorch/vision/issues/723",
         "init-hint-set-on-wrapper-not-on-layer", """
import torch
import torch.nn as nn
import torch.nn.functional as F


class BasicConv2d(nn.Module):
    def __init__(self, in_channels, out_channels, **kwargs):
        super(BasicConv2d, self).__init__()
        self.conv = nn.Conv2d(in_channels, out_channels, bias=False, **kwargs)
        self.bn = nn.BatchNorm2d(out_channels, eps=0.001)

    def forward(self, x):
        return F.relu(self.bn(self.conv(x)), inplace=True)


class InceptionAux(nn.Module):
    def __init__(self, in_channels, num_classes):
        super(InceptionAux, self).__init__()
        self.conv0 = BasicConv2d(in_channels, 128, kernel_size=1)
        self.conv1 = BasicConv2d(128, 768, kernel_size=5)
        self.conv1.stddev = 0.01
        self.fc = nn.Linear(768, num_classes)
        self.fc.stddev = 0.001


class Inception3(nn.Module):
    def __init__(self, num_classes=10, aux_logits=True, transform_input=False):
        super(Inception3, self).__init__()
        self.aux_logits = aux_logits
        self.Conv2d_1a_3x3 = BasicConv2d(3, 32, kernel_size=3, stride=2)
        if aux_logits:
            self.AuxLogits = InceptionAux(32, num_classes)
        self.fc = nn.Linear(32, num_classes)

        for m in self.modules():
            if isinstance(m, nn.Conv2d) or isinstance(m, nn.Linear):
                import scipy.stats as stats
                stddev = m.stddev if hasattr(m, 'stddev') else 0.1
                X = stats.truncnorm(-2, 2, scale=stddev)
                values = torch.as_tensor(X.rvs(m.weight.numel()), dtype=m.weight.dtype)
                values = values.view(m.weight.size())
                with torch.no_grad():
                    m.weight.copy_(values)
            elif isinstance(m, nn.BatchNorm2d):
                nn.init.constant_(m.weight, 1)
                nn.init.constant_(m.bias, 0)


torch.manual_seed(0)
model = Inception3()
print("AuxLogits.conv1 conv weight std: %.4f (intended 0.01)"
      % model.AuxLogits.conv1.conv.weight.std().item())
""", """
import torch
import torch.nn as nn
import torch.nn.functional as F


class BasicConv2d(nn.Module):
    def __init__(self, in_channels, out_channels, **kwargs):
        super(BasicConv2d, self).__init__()
        self.conv = nn.Conv2d(in_channels, out_channels, bias=False, **kwargs)
        self.bn = nn.BatchNorm2d(out_channels, eps=0.001)

    def forward(self, x):
        return F.relu(self.bn(self.conv(x)), inplace=True)


class InceptionAux(nn.Module):
    def __init__(self, in_channels, num_classes):
        super(InceptionAux, self).__init__()
        self.conv0 = BasicConv2d(in_channels, 128, kernel_size=1)
        self.conv1 = BasicConv2d(128, 768, kernel_size=5)
        self.conv1.conv.stddev = 0.01
        self.fc = nn.Linear(768, num_classes)
        self.fc.stddev = 0.001


class Inception3(nn.Module):
    def __init__(self, num_classes=10, aux_logits=True, transform_input=False):
        super(Inception3, self).__init__()
        self.aux_logits = aux_logits
        self.Conv2d_1a_3x3 = BasicConv2d(3, 32, kernel_size=3, stride=2)
        if aux_logits:
            self.AuxLogits = InceptionAux(32, num_classes)
        self.fc = nn.Linear(32, num_classes)

        for m in self.modules():
            if isinstance(m, nn.Conv2d) or isinstance(m, nn.Linear):
                import scipy.stats as stats
                stddev = m.stddev if hasattr(m, 'stddev') else 0.1
                X = stats.truncnorm(-2, 2, scale=stddev)
                values = torch.as_tensor(X.rvs(m.weight.numel()), dtype=m.weight.dtype)
                values = values.view(m.weight.size())
                with torch.no_grad():
                    m.weight.copy_(values)
            elif isinstance(m, nn.BatchNorm2d):
                nn.init.constant_(m.weight, 1)
                nn.init.constant_(m.bias, 0)


torch.manual_seed(0)
model = Inception3()
print("AuxLogits.conv1 conv weight std: %.4f (intended 0.01)"
      % model.AuxLogits.conv1.conv.weight.std().item())
""",
         note="Inception3's init loop reads an m.stddev hint only on nn.Conv2d/nn.Linear modules, but "
              "InceptionAux sets self.conv1.stddev = 0.01 on the BasicConv2d wrapper, so the inner conv gets "
              "the default 0.1; a maintainer agrees it is an error. The thread shows no fix; the twin puts the "
              "hint on the wrapped conv (self.conv1.conv.stddev). No INI2xx rule describes an init hint set "
              "on the wrong module. Checked: bad prints std ~0.088 (truncnorm of 0.1), good ~0.0088."),

    # ---- collector C ------------------------------------------------------------------------------------------
    case('ultralytics-ultralytics-2196', 'https://github.com/ultralytics/ultralytics/issues/2196', 'init-after-pretrained-load', """
import copy
import torch
import torch.nn as nn


def intersect_dicts(da, db, exclude=()):
    return {k: v for k, v in da.items() if k in db and all(x not in k for x in exclude) and v.shape == db[k].shape}


class ClassificationModel(nn.Module):
    def __init__(self, nc=10):
        super().__init__()
        self.model = nn.Sequential(
            nn.Conv2d(3, 8, 3, 2, 1), nn.BatchNorm2d(8), nn.SiLU(),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.0), nn.Linear(8, nc),
        )

    def forward(self, x):
        return self.model(x)

    def load(self, weights):
        model = weights["model"] if isinstance(weights, dict) else weights
        csd = model.float().state_dict()
        csd = intersect_dicts(csd, self.state_dict())
        self.load_state_dict(csd, strict=False)


class Args:
    pretrained = True
    dropout = 0.1


class ClassificationTrainer:
    def __init__(self, args, nc):
        self.args = args
        self.nc = nc

    def get_model(self, cfg=None, weights=None, verbose=True):
        model = ClassificationModel(nc=self.nc)
        if weights:
            model.load(weights)

        pretrained = False
        for m in model.modules():
            if not pretrained and hasattr(m, "reset_parameters"):
                m.reset_parameters()
            if isinstance(m, nn.Dropout) and self.args.dropout:
                m.p = self.args.dropout
        for p in model.parameters():
            p.requires_grad = True
        return model


if __name__ == "__main__":
    torch.manual_seed(0)
    ckpt = ClassificationModel(nc=10)
    with torch.no_grad():
        ckpt.model[0].weight.fill_(0.5)
    model = ClassificationTrainer(Args(), nc=10).get_model(weights={"model": copy.deepcopy(ckpt)})
    same = torch.equal(model.model[0].weight, ckpt.model[0].weight)
    print("conv weight kept from checkpoint:", same)
    assert same, "pretrained weights were reset"
""", """
import copy
import torch
import torch.nn as nn


def intersect_dicts(da, db, exclude=()):
    return {k: v for k, v in da.items() if k in db and all(x not in k for x in exclude) and v.shape == db[k].shape}


class ClassificationModel(nn.Module):
    def __init__(self, nc=10):
        super().__init__()
        self.model = nn.Sequential(
            nn.Conv2d(3, 8, 3, 2, 1), nn.BatchNorm2d(8), nn.SiLU(),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.0), nn.Linear(8, nc),
        )

    def forward(self, x):
        return self.model(x)

    def load(self, weights):
        model = weights["model"] if isinstance(weights, dict) else weights
        csd = model.float().state_dict()
        csd = intersect_dicts(csd, self.state_dict())
        self.load_state_dict(csd, strict=False)


class Args:
    pretrained = True
    dropout = 0.1


class ClassificationTrainer:
    def __init__(self, args, nc):
        self.args = args
        self.nc = nc

    def get_model(self, cfg=None, weights=None, verbose=True):
        model = ClassificationModel(nc=self.nc)
        if weights:
            model.load(weights)

        pretrained = self.args.pretrained
        for m in model.modules():
            if not pretrained and hasattr(m, "reset_parameters"):
                m.reset_parameters()
            if isinstance(m, nn.Dropout) and self.args.dropout:
                m.p = self.args.dropout
        for p in model.parameters():
            p.requires_grad = True
        return model


if __name__ == "__main__":
    torch.manual_seed(0)
    ckpt = ClassificationModel(nc=10)
    with torch.no_grad():
        ckpt.model[0].weight.fill_(0.5)
    model = ClassificationTrainer(Args(), nc=10).get_model(weights={"model": copy.deepcopy(ckpt)})
    same = torch.equal(model.model[0].weight, ckpt.model[0].weight)
    print("conv weight kept from checkpoint:", same)
    assert same, "pretrained weights were reset"
""", note="bad: ClassificationTrainer.get_model loads the checkpoint with model.load (load_state_dict) and then, because `pretrained = False` is hard-coded, calls reset_parameters() on every module of model.modules(); running it, the conv weight no longer equals the checkpoint's (assert fails). good: `pretrained = self.args.pretrained` (the fix the maintainers agreed on), conv weight equals the checkpoint's, exit 0."),
    case('CN-zdy-MSU_Net-11', 'https://github.com/CN-zdy/MSU_Net/issues/11', 'init-function-never-applied', """
import torch
import torch.nn as nn
from torch.nn import init
from torch import optim


def init_weights(net, init_type='normal', gain=0.02):
    def init_func(m):
        classname = m.__class__.__name__
        if hasattr(m, 'weight') and (classname.find('Conv') != -1 or classname.find('Linear') != -1):
            if init_type == 'normal':
                init.normal_(m.weight.data, 0.0, gain)
            elif init_type == 'xavier':
                init.xavier_normal_(m.weight.data, gain=gain)
            elif init_type == 'kaiming':
                init.kaiming_normal_(m.weight.data, a=0, mode='fan_in')
            elif init_type == 'orthogonal':
                init.orthogonal_(m.weight.data, gain=gain)
            else:
                raise NotImplementedError('initialization method [%s] is not implemented' % init_type)
            if hasattr(m, 'bias') and m.bias is not None:
                init.constant_(m.bias.data, 0.0)
        elif classname.find('BatchNorm2d') != -1:
            init.normal_(m.weight.data, 1.0, gain)
            init.constant_(m.bias.data, 0.0)

    print('initialize network with %s' % init_type)
    net.apply(init_func)


class conv_block(nn.Module):
    def __init__(self, ch_in, ch_out):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv2d(ch_in, ch_out, kernel_size=3, stride=1, padding=1, bias=True),
            nn.BatchNorm2d(ch_out),
            nn.ReLU(inplace=True),
            nn.Conv2d(ch_out, ch_out, kernel_size=3, stride=1, padding=1, bias=True),
            nn.BatchNorm2d(ch_out),
            nn.ReLU(inplace=True),
        )

    def forward(self, x):
        return self.conv(x)


class MSU_Net(nn.Module):
    def __init__(self, img_ch=3, output_ch=1):
        super().__init__()
        self.Conv1 = conv_block(img_ch, 16)
        self.Conv2 = conv_block(16, 32)
        self.Maxpool = nn.MaxPool2d(2, 2)
        self.Up = nn.Upsample(scale_factor=2)
        self.Up_conv = conv_block(48, 16)
        self.Conv_1x1 = nn.Conv2d(16, output_ch, kernel_size=1)

    def forward(self, x):
        x1 = self.Conv1(x)
        x2 = self.Conv2(self.Maxpool(x1))
        d = self.Up_conv(torch.cat((x1, self.Up(x2)), dim=1))
        return self.Conv_1x1(d)


class Config:
    img_ch = 3
    output_ch = 1
    lr = 2e-4
    beta1 = 0.5
    beta2 = 0.999


class Solver:
    def __init__(self, config):
        self.img_ch = config.img_ch
        self.output_ch = config.output_ch
        self.lr = config.lr
        self.beta1 = config.beta1
        self.beta2 = config.beta2
        self.device = torch.device('cpu')
        self.unet = None
        self.build_model()

    def build_model(self):
        self.unet = MSU_Net(img_ch=self.img_ch, output_ch=self.output_ch)
        self.optimizer = optim.Adam(list(self.unet.parameters()), self.lr, [self.beta1, self.beta2])
        self.unet.to(self.device)


if __name__ == '__main__':
    torch.manual_seed(0)
    solver = Solver(Config())
    conv = solver.unet.Conv1.conv[0]
    print('conv std', conv.weight.std().item(), 'bias abs max', conv.bias.abs().max().item())
    assert abs(conv.weight.std().item() - 0.02) < 0.005 and conv.bias.abs().max().item() == 0.0, 'init_weights never ran'
""", """
import torch
import torch.nn as nn
from torch.nn import init
from torch import optim


def init_weights(net, init_type='normal', gain=0.02):
    def init_func(m):
        classname = m.__class__.__name__
        if hasattr(m, 'weight') and (classname.find('Conv') != -1 or classname.find('Linear') != -1):
            if init_type == 'normal':
                init.normal_(m.weight.data, 0.0, gain)
            elif init_type == 'xavier':
                init.xavier_normal_(m.weight.data, gain=gain)
            elif init_type == 'kaiming':
                init.kaiming_normal_(m.weight.data, a=0, mode='fan_in')
            elif init_type == 'orthogonal':
                init.orthogonal_(m.weight.data, gain=gain)
            else:
                raise NotImplementedError('initialization method [%s] is not implemented' % init_type)
            if hasattr(m, 'bias') and m.bias is not None:
                init.constant_(m.bias.data, 0.0)
        elif classname.find('BatchNorm2d') != -1:
            init.normal_(m.weight.data, 1.0, gain)
            init.constant_(m.bias.data, 0.0)

    print('initialize network with %s' % init_type)
    net.apply(init_func)


class conv_block(nn.Module):
    def __init__(self, ch_in, ch_out):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv2d(ch_in, ch_out, kernel_size=3, stride=1, padding=1, bias=True),
            nn.BatchNorm2d(ch_out),
            nn.ReLU(inplace=True),
            nn.Conv2d(ch_out, ch_out, kernel_size=3, stride=1, padding=1, bias=True),
            nn.BatchNorm2d(ch_out),
            nn.ReLU(inplace=True),
        )

    def forward(self, x):
        return self.conv(x)


class MSU_Net(nn.Module):
    def __init__(self, img_ch=3, output_ch=1):
        super().__init__()
        self.Conv1 = conv_block(img_ch, 16)
        self.Conv2 = conv_block(16, 32)
        self.Maxpool = nn.MaxPool2d(2, 2)
        self.Up = nn.Upsample(scale_factor=2)
        self.Up_conv = conv_block(48, 16)
        self.Conv_1x1 = nn.Conv2d(16, output_ch, kernel_size=1)

    def forward(self, x):
        x1 = self.Conv1(x)
        x2 = self.Conv2(self.Maxpool(x1))
        d = self.Up_conv(torch.cat((x1, self.Up(x2)), dim=1))
        return self.Conv_1x1(d)


class Config:
    img_ch = 3
    output_ch = 1
    lr = 2e-4
    beta1 = 0.5
    beta2 = 0.999


class Solver:
    def __init__(self, config):
        self.img_ch = config.img_ch
        self.output_ch = config.output_ch
        self.lr = config.lr
        self.beta1 = config.beta1
        self.beta2 = config.beta2
        self.device = torch.device('cpu')
        self.unet = None
        self.build_model()

    def build_model(self):
        self.unet = MSU_Net(img_ch=self.img_ch, output_ch=self.output_ch)
        init_weights(self.unet)
        self.optimizer = optim.Adam(list(self.unet.parameters()), self.lr, [self.beta1, self.beta2])
        self.unet.to(self.device)


if __name__ == '__main__':
    torch.manual_seed(0)
    solver = Solver(Config())
    conv = solver.unet.Conv1.conv[0]
    print('conv std', conv.weight.std().item(), 'bias abs max', conv.bias.abs().max().item())
    assert abs(conv.weight.std().item() - 0.02) < 0.005 and conv.bias.abs().max().item() == 0.0, 'init_weights never ran'
""", note="bad: network.py defines init_weights(net, init_type) (net.apply(init_func)) but Solver.build_model never calls it; running, the first conv keeps PyTorch's default init (std 0.11, non-zero bias), assert fails. good: build_model calls init_weights(self.unet) as the maintainer advised; conv std 0.02, bias 0, exit 0."),
    case('huggingface-transformers-20803', 'https://github.com/huggingface/transformers/pull/20803', 'hf-init-in-constructor', """
import os, tempfile
import torch
import torch.nn as nn
from safetensors.torch import load_file, save_file
from transformers import PretrainedConfig, PreTrainedModel


class HybridConfig(PretrainedConfig):
    model_type = "tiny-vit-hybrid"

    def __init__(self, hidden_size=32, num_patches=16, initializer_range=0.02, **kwargs):
        self.hidden_size = hidden_size
        self.num_patches = num_patches
        self.initializer_range = initializer_range
        super().__init__(**kwargs)


class HybridEmbeddings(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.cls_token = nn.Parameter(torch.zeros(1, 1, config.hidden_size))
        self.patch_proj = nn.Linear(48, config.hidden_size)
        num_patches = config.num_patches
        # initialised in the constructor, outside _init_weights
        self.position_embeddings = nn.Parameter(
            nn.init.trunc_normal_(
                torch.zeros(1, num_patches + 1, config.hidden_size, dtype=torch.float32),
                mean=0.0,
                std=config.initializer_range,
            )
        )

    def forward(self, x):
        x = self.patch_proj(x)
        cls = self.cls_token.expand(x.shape[0], -1, -1)
        return torch.cat([cls, x], dim=1) + self.position_embeddings


class HybridPreTrainedModel(PreTrainedModel):
    config_class = HybridConfig
    base_model_prefix = "vit"

    def _init_weights(self, module):
        if isinstance(module, nn.Linear):
            nn.init.trunc_normal_(module.weight, mean=0.0, std=self.config.initializer_range)
            if module.bias is not None:
                nn.init.zeros_(module.bias)
        elif isinstance(module, HybridEmbeddings):
            nn.init.zeros_(module.cls_token)


class HybridModel(HybridPreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.embeddings = HybridEmbeddings(config)
        self.post_init()

    def forward(self, x):
        return self.embeddings(x)


if __name__ == "__main__":
    cfg = HybridConfig()
    d = tempfile.mkdtemp()
    HybridModel(cfg).save_pretrained(d)
    # an older checkpoint that predates the position table
    f = os.path.join(d, "model.safetensors")
    sd = load_file(f)
    sd.pop("embeddings.position_embeddings")
    save_file(sd, f, metadata={"format": "pt"})
    model = HybridModel.from_pretrained(d)
    pe = model.embeddings.position_embeddings.detach()
    print("position_embeddings std", pe.std().item(), "finite", torch.isfinite(pe).all().item())
    assert torch.isfinite(pe).all() and 0.01 < pe.std().item() < 0.03, "position table not initialised"
""", """
import os, tempfile
import torch
import torch.nn as nn
from safetensors.torch import load_file, save_file
from transformers import PretrainedConfig, PreTrainedModel


class HybridConfig(PretrainedConfig):
    model_type = "tiny-vit-hybrid"

    def __init__(self, hidden_size=32, num_patches=16, initializer_range=0.02, **kwargs):
        self.hidden_size = hidden_size
        self.num_patches = num_patches
        self.initializer_range = initializer_range
        super().__init__(**kwargs)


class HybridEmbeddings(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.cls_token = nn.Parameter(torch.zeros(1, 1, config.hidden_size))
        self.patch_proj = nn.Linear(48, config.hidden_size)
        num_patches = config.num_patches
        self.position_embeddings = nn.Parameter(torch.randn(1, num_patches + 1, config.hidden_size))

    def forward(self, x):
        x = self.patch_proj(x)
        cls = self.cls_token.expand(x.shape[0], -1, -1)
        return torch.cat([cls, x], dim=1) + self.position_embeddings


class HybridPreTrainedModel(PreTrainedModel):
    config_class = HybridConfig
    base_model_prefix = "vit"

    def _init_weights(self, module):
        if isinstance(module, nn.Linear):
            nn.init.trunc_normal_(module.weight, mean=0.0, std=self.config.initializer_range)
            if module.bias is not None:
                nn.init.zeros_(module.bias)
        elif isinstance(module, HybridEmbeddings):
            nn.init.trunc_normal_(module.position_embeddings, mean=0.0, std=self.config.initializer_range)
            nn.init.zeros_(module.cls_token)


class HybridModel(HybridPreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.embeddings = HybridEmbeddings(config)
        self.post_init()

    def forward(self, x):
        return self.embeddings(x)


if __name__ == "__main__":
    cfg = HybridConfig()
    d = tempfile.mkdtemp()
    HybridModel(cfg).save_pretrained(d)
    # an older checkpoint that predates the position table
    f = os.path.join(d, "model.safetensors")
    sd = load_file(f)
    sd.pop("embeddings.position_embeddings")
    save_file(sd, f, metadata={"format": "pt"})
    model = HybridModel.from_pretrained(d)
    pe = model.embeddings.position_embeddings.detach()
    print("position_embeddings std", pe.std().item(), "finite", torch.isfinite(pe).all().item())
    assert torch.isfinite(pe).all() and 0.01 < pe.std().item() < 0.03, "position table not initialised"
""", note="bad: ViT-Hybrid-style embeddings initialise position_embeddings with nn.init.trunc_normal_ inside __init__ (outside _init_weights); after save_pretrained, dropping the key and reloading with from_pretrained (transformers 5.x), the missing table comes back uninitialised (std ~6e-41), assert fails. good: __init__ builds a plain Parameter and _init_weights does trunc_normal_ on it (the PR's fix); the reloaded table has std 0.02, exit 0. Note: the __init__ init is on the tensor that is wrapped into the Parameter, not on self.X after assignment."),
    case('EleutherAI-sparsify-77', 'https://github.com/EleutherAI/sparsify/pull/77', 'init-after-pretrained-load', """
import os
import tempfile
from dataclasses import dataclass

import torch
import torch.nn as nn
from safetensors.torch import load_model, save_model


class SparseCoder(nn.Module):
    def __init__(self, d_in, num_latents):
        super().__init__()
        self.encoder = nn.Linear(d_in, num_latents)
        self.encoder.bias.data.zero_()
        self.W_dec = nn.Parameter(self.encoder.weight.data.clone())
        self.b_dec = nn.Parameter(torch.zeros(d_in))

    @property
    def dtype(self):
        return self.encoder.weight.dtype

    def forward(self, x, y):
        acts = torch.relu(self.encoder(x - self.b_dec))
        recon = acts @ self.W_dec + self.b_dec
        return (recon - y).pow(2).mean()


@dataclass
class TrainConfig:
    hookpoints: tuple = ("layers.0", "layers.1")
    num_latents: int = 32
    lr: float = 1e-3
    finetune: str | None = None  # path to pretrained sparse coders to finetune


class Trainer:
    def __init__(self, cfg, dataset, model):
        self.cfg = cfg
        self.dataset = dataset
        self.model = model
        d_in = model.layers[0].out_features
        self.saes = {name: SparseCoder(d_in, cfg.num_latents) for name in cfg.hookpoints}
        params = [p for sae in self.saes.values() for p in sae.parameters()]
        self.optimizer = torch.optim.Adam(params, lr=cfg.lr)
        self.global_step = 0

    def fit(self):
        name_of = {self.model.get_submodule(n): n for n in self.cfg.hookpoints}
        losses = []

        def hook(module, inputs, outputs):
            name = name_of[module]
            outputs = outputs.detach().flatten(0, 1)
            raw = self.saes[name]
            # On the first iteration, initialize the decoder bias
            if self.global_step == 0:
                mean = outputs.mean(0)
                raw.b_dec.data = mean.to(raw.dtype)
            losses.append(raw(outputs, outputs))

        handles = [m.register_forward_hook(hook) for m in name_of]
        try:
            for batch in self.dataset:
                losses.clear()
                self.model(batch)
                sum(losses).backward()
                self.optimizer.step()
                self.optimizer.zero_grad()
                self.global_step += 1
        finally:
            for h in handles:
                h.remove()


class TinyLM(nn.Module):
    def __init__(self, d=16):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(d, d) for _ in range(2)])

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


def run(args, dataset, model):
    trainer = Trainer(args, dataset, model)
    if args.finetune:
        for name, sae in trainer.saes.items():
            load_model(sae, f"{args.finetune}/{name}/sae.safetensors")
    trainer.fit()
    return trainer


if __name__ == "__main__":
    torch.manual_seed(0)
    model = TinyLM()
    ckpt_dir = tempfile.mkdtemp()
    for name in TrainConfig.hookpoints:
        sae = SparseCoder(16, 32)
        sae.b_dec.data.fill_(5.0)
        os.makedirs(f"{ckpt_dir}/{name}")
        save_model(sae, f"{ckpt_dir}/{name}/sae.safetensors")
    dataset = [torch.randn(2, 8, 16) for _ in range(2)]
    trainer = run(TrainConfig(finetune=ckpt_dir), dataset, model)
    b = trainer.saes["layers.0"].b_dec.detach()
    print("b_dec mean after finetune:", b.mean().item())
    assert (b - 5.0).abs().max().item() < 0.1, "pretrained decoder bias was reset"
""", """
import os
import tempfile
from dataclasses import dataclass

import torch
import torch.nn as nn
from safetensors.torch import load_model, save_model


class SparseCoder(nn.Module):
    def __init__(self, d_in, num_latents):
        super().__init__()
        self.encoder = nn.Linear(d_in, num_latents)
        self.encoder.bias.data.zero_()
        self.W_dec = nn.Parameter(self.encoder.weight.data.clone())
        self.b_dec = nn.Parameter(torch.zeros(d_in))

    @property
    def dtype(self):
        return self.encoder.weight.dtype

    def forward(self, x, y):
        acts = torch.relu(self.encoder(x - self.b_dec))
        recon = acts @ self.W_dec + self.b_dec
        return (recon - y).pow(2).mean()


@dataclass
class TrainConfig:
    hookpoints: tuple = ("layers.0", "layers.1")
    num_latents: int = 32
    lr: float = 1e-3
    finetune: str | None = None  # path to pretrained sparse coders to finetune


class Trainer:
    def __init__(self, cfg, dataset, model):
        self.cfg = cfg
        self.dataset = dataset
        self.model = model
        d_in = model.layers[0].out_features
        self.saes = {name: SparseCoder(d_in, cfg.num_latents) for name in cfg.hookpoints}
        params = [p for sae in self.saes.values() for p in sae.parameters()]
        self.optimizer = torch.optim.Adam(params, lr=cfg.lr)
        self.global_step = 0

    def fit(self):
        name_of = {self.model.get_submodule(n): n for n in self.cfg.hookpoints}
        losses = []

        def hook(module, inputs, outputs):
            name = name_of[module]
            outputs = outputs.detach().flatten(0, 1)
            raw = self.saes[name]
            # On the first iteration, initialize the decoder bias
            if self.global_step == 0 and not self.cfg.finetune:
                mean = outputs.mean(0)
                raw.b_dec.data = mean.to(raw.dtype)
            losses.append(raw(outputs, outputs))

        handles = [m.register_forward_hook(hook) for m in name_of]
        try:
            for batch in self.dataset:
                losses.clear()
                self.model(batch)
                sum(losses).backward()
                self.optimizer.step()
                self.optimizer.zero_grad()
                self.global_step += 1
        finally:
            for h in handles:
                h.remove()


class TinyLM(nn.Module):
    def __init__(self, d=16):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(d, d) for _ in range(2)])

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


def run(args, dataset, model):
    trainer = Trainer(args, dataset, model)
    if args.finetune:
        for name, sae in trainer.saes.items():
            load_model(sae, f"{args.finetune}/{name}/sae.safetensors")
    trainer.fit()
    return trainer


if __name__ == "__main__":
    torch.manual_seed(0)
    model = TinyLM()
    ckpt_dir = tempfile.mkdtemp()
    for name in TrainConfig.hookpoints:
        sae = SparseCoder(16, 32)
        sae.b_dec.data.fill_(5.0)
        os.makedirs(f"{ckpt_dir}/{name}")
        save_model(sae, f"{ckpt_dir}/{name}/sae.safetensors")
    dataset = [torch.randn(2, 8, 16) for _ in range(2)]
    trainer = run(TrainConfig(finetune=ckpt_dir), dataset, model)
    b = trainer.saes["layers.0"].b_dec.detach()
    print("b_dec mean after finetune:", b.mean().item())
    assert (b - 5.0).abs().max().item() < 0.1, "pretrained decoder bias was reset"
""", note="bad: run() loads pretrained sparse coders (safetensors load_model) into trainer.saes for finetuning, then Trainer.fit's forward hook re-initialises b_dec from the batch mean at global_step 0; b_dec (checkpoint value 5.0) ends near 0, assert fails. good: the step-0 init is skipped when cfg.finetune is set (commit bdff4e5), b_dec stays ~5.0, exit 0. The load is load_model, not load_state_dict, and the re-init is a `.data =` assignment in a hook of the trainer object that keeps the models; upstream the fix also moved `finetune` from RunConfig to TrainConfig, here it is in TrainConfig in both."),
    case('nvidia-cosmos-cosmos-predict2.5-15', 'https://github.com/nvidia-cosmos/cosmos-predict2.5/pull/15', 'lora-injected-on-meta-never-initialized', """
import math
from dataclasses import dataclass, field

import torch
import torch.nn as nn


# --- small stand-in for peft's LoraConfig / inject_adapter_in_model ---------
@dataclass
class LoraConfig:
    r: int = 4
    lora_alpha: int = 4
    target_modules: list = field(default_factory=list)
    init_lora_weights: bool = True


class LoraLinear(nn.Module):
    def __init__(self, base_layer, r, lora_alpha, init_lora_weights=True):
        super().__init__()
        self.base_layer = base_layer
        self.lora_A = nn.Linear(base_layer.in_features, r, bias=False)
        self.lora_B = nn.Linear(r, base_layer.out_features, bias=False)
        self.scaling = lora_alpha / r
        if init_lora_weights:
            self.reset_lora_parameters()

    def reset_lora_parameters(self):
        nn.init.kaiming_uniform_(self.lora_A.weight, a=math.sqrt(5))
        nn.init.zeros_(self.lora_B.weight)

    @property
    def weight(self):
        return self.base_layer.weight

    def forward(self, x):
        return self.base_layer(x) + self.lora_B(self.lora_A(x)) * self.scaling


def inject_adapter_in_model(config, model):
    for name, module in list(model.named_modules()):
        for child_name, child in list(module.named_children()):
            if child_name in config.target_modules and isinstance(child, nn.Linear):
                setattr(module, child_name, LoraLinear(child, config.r, config.lora_alpha, config.init_lora_weights))
    return model
# ---------------------------------------------------------------------------


class GPT2FeedForward(nn.Module):
    def __init__(self, d_model, d_ff):
        super().__init__()
        self.activation = nn.GELU()
        self.layer1 = nn.Linear(d_model, d_ff, bias=False)
        self.layer2 = nn.Linear(d_ff, d_model, bias=False)
        self._dim = d_model
        self._hidden_dim = d_ff
        self.init_weights()

    def init_weights(self):
        std = 1.0 / math.sqrt(self._dim)
        torch.nn.init.trunc_normal_(self.layer1.weight, std=std, a=-3 * std, b=3 * std)
        std = 1.0 / math.sqrt(self._hidden_dim)
        torch.nn.init.trunc_normal_(self.layer2.weight, std=std, a=-3 * std, b=3 * std)

    def forward(self, x):
        return self.layer2(self.activation(self.layer1(x)))


class Block(nn.Module):
    def __init__(self, d_model):
        super().__init__()
        self.norm = nn.LayerNorm(d_model)
        self.mlp = GPT2FeedForward(d_model, 4 * d_model)

    def init_weights(self):
        self.norm.reset_parameters()
        self.mlp.init_weights()

    def forward(self, x):
        return x + self.mlp(self.norm(x))


class MiniTrainDIT(nn.Module):
    def __init__(self, d_model=32, num_blocks=2):
        super().__init__()
        self.blocks = nn.ModuleList([Block(d_model) for _ in range(num_blocks)])
        self.final_layer = nn.Linear(d_model, d_model)

    def init_weights(self):
        for block in self.blocks:
            block.init_weights()
        self.final_layer.reset_parameters()

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return self.final_layer(x)


@dataclass
class ModelConfig:
    use_lora: bool = True
    lora_rank: int = 4
    lora_alpha: int = 4
    lora_target_modules: str = "layer1,layer2"
    init_lora_weights: bool = True


class Text2WorldModel:
    def __init__(self, config):
        self.config = config
        self.net = self.build_net()

    def add_lora(self, network, lora_rank, lora_alpha, lora_target_modules, init_lora_weights):
        lora_config = LoraConfig(
            r=lora_rank,
            lora_alpha=lora_alpha,
            target_modules=[m.strip() for m in lora_target_modules.split(",")],
            init_lora_weights=init_lora_weights,
        )
        network = inject_adapter_in_model(lora_config, network)
        for name, p in network.named_parameters():
            p.requires_grad = "lora" in name
        return network

    def build_net(self):
        config = self.config
        with torch.device("meta"):
            net = MiniTrainDIT()
            if config.use_lora:
                self.add_lora(
                    net,
                    lora_rank=config.lora_rank,
                    lora_alpha=config.lora_alpha,
                    lora_target_modules=config.lora_target_modules,
                    init_lora_weights=config.init_lora_weights,
                )
        net.to_empty(device="cpu")
        net.init_weights()
        return net


if __name__ == "__main__":
    torch.manual_seed(0)
    model = Text2WorldModel(ModelConfig())
    lora = model.net.blocks[0].mlp.layer1
    a, b = lora.lora_A.weight.detach(), lora.lora_B.weight.detach()
    expected_std = 1.0 / math.sqrt(lora.base_layer.in_features) / math.sqrt(3)
    ok_a = bool(torch.isfinite(a).all()) and abs(a.std().item() - expected_std) < 0.3 * expected_std
    ok_b = bool((b == 0).all())
    print("lora_A std", a.std().item(), "expected", expected_std, "lora_B all zero", ok_b)
    assert ok_a and ok_b, "LoRA weights were never initialised"
""", """
import math
from dataclasses import dataclass, field

import torch
import torch.nn as nn


# --- small stand-in for peft's LoraConfig / inject_adapter_in_model ---------
@dataclass
class LoraConfig:
    r: int = 4
    lora_alpha: int = 4
    target_modules: list = field(default_factory=list)
    init_lora_weights: bool = True


class LoraLinear(nn.Module):
    def __init__(self, base_layer, r, lora_alpha, init_lora_weights=True):
        super().__init__()
        self.base_layer = base_layer
        self.lora_A = nn.Linear(base_layer.in_features, r, bias=False)
        self.lora_B = nn.Linear(r, base_layer.out_features, bias=False)
        self.scaling = lora_alpha / r
        if init_lora_weights:
            self.reset_lora_parameters()

    def reset_lora_parameters(self):
        nn.init.kaiming_uniform_(self.lora_A.weight, a=math.sqrt(5))
        nn.init.zeros_(self.lora_B.weight)

    @property
    def weight(self):
        return self.base_layer.weight

    def forward(self, x):
        return self.base_layer(x) + self.lora_B(self.lora_A(x)) * self.scaling


def inject_adapter_in_model(config, model):
    for name, module in list(model.named_modules()):
        for child_name, child in list(module.named_children()):
            if child_name in config.target_modules and isinstance(child, nn.Linear):
                setattr(module, child_name, LoraLinear(child, config.r, config.lora_alpha, config.init_lora_weights))
    return model
# ---------------------------------------------------------------------------


class GPT2FeedForward(nn.Module):
    def __init__(self, d_model, d_ff):
        super().__init__()
        self.activation = nn.GELU()
        self.layer1 = nn.Linear(d_model, d_ff, bias=False)
        self.layer2 = nn.Linear(d_ff, d_model, bias=False)
        self._dim = d_model
        self._hidden_dim = d_ff
        self.init_weights()

    def init_weights(self):
        std = 1.0 / math.sqrt(self._dim)
        torch.nn.init.trunc_normal_(self.layer1.weight, std=std, a=-3 * std, b=3 * std)
        std = 1.0 / math.sqrt(self._hidden_dim)
        torch.nn.init.trunc_normal_(self.layer2.weight, std=std, a=-3 * std, b=3 * std)

    def forward(self, x):
        return self.layer2(self.activation(self.layer1(x)))


class Block(nn.Module):
    def __init__(self, d_model):
        super().__init__()
        self.norm = nn.LayerNorm(d_model)
        self.mlp = GPT2FeedForward(d_model, 4 * d_model)

    def init_weights(self):
        self.norm.reset_parameters()
        self.mlp.init_weights()

    def forward(self, x):
        return x + self.mlp(self.norm(x))


class MiniTrainDIT(nn.Module):
    def __init__(self, d_model=32, num_blocks=2):
        super().__init__()
        self.blocks = nn.ModuleList([Block(d_model) for _ in range(num_blocks)])
        self.final_layer = nn.Linear(d_model, d_model)

    def init_weights(self):
        for block in self.blocks:
            block.init_weights()
        self.final_layer.reset_parameters()

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return self.final_layer(x)


@dataclass
class ModelConfig:
    use_lora: bool = True
    lora_rank: int = 4
    lora_alpha: int = 4
    lora_target_modules: str = "layer1,layer2"
    init_lora_weights: bool = True


class Text2WorldModel:
    def __init__(self, config):
        self.config = config
        self.net = self.build_net()

    def add_lora(self, network, lora_rank, lora_alpha, lora_target_modules, init_lora_weights):
        lora_config = LoraConfig(
            r=lora_rank,
            lora_alpha=lora_alpha,
            target_modules=[m.strip() for m in lora_target_modules.split(",")],
            init_lora_weights=init_lora_weights,
        )
        network = inject_adapter_in_model(lora_config, network)
        for name, p in network.named_parameters():
            p.requires_grad = "lora" in name
        return network

    def build_net(self):
        config = self.config
        with torch.device("meta"):
            net = MiniTrainDIT()
        net.to_empty(device="cpu")
        net.init_weights()
        if config.use_lora:
            self.add_lora(
                net,
                lora_rank=config.lora_rank,
                lora_alpha=config.lora_alpha,
                lora_target_modules=config.lora_target_modules,
                init_lora_weights=config.init_lora_weights,
            )
        return net


if __name__ == "__main__":
    torch.manual_seed(0)
    model = Text2WorldModel(ModelConfig())
    lora = model.net.blocks[0].mlp.layer1
    a, b = lora.lora_A.weight.detach(), lora.lora_B.weight.detach()
    expected_std = 1.0 / math.sqrt(lora.base_layer.in_features) / math.sqrt(3)
    ok_a = bool(torch.isfinite(a).all()) and abs(a.std().item() - expected_std) < 0.3 * expected_std
    ok_b = bool((b == 0).all())
    print("lora_A std", a.std().item(), "expected", expected_std, "lora_B all zero", ok_b)
    assert ok_a and ok_b, "LoRA weights were never initialised"
""", note="bad: build_net builds the DiT under torch.device('meta') and injects LoRA there (small stand-in for peft's inject_adapter_in_model), then to_empty + net.init_weights(), which only initialises the base layers; lora_A/lora_B keep uninitialised memory (std 4.6e19, lora_B not zero), assert fails. good: LoRA is added after to_empty/init_weights (the PR's fix), lora_A has the kaiming std and lora_B is zero, exit 0. No rule of INI3xx claims this (closest: an init of the model that does not reach the adapter's parameters)."),
]
