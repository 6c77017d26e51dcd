"""The fifth set of bugs rebuilt from real public bug reports about weight initialization (issue 9), the
fourth held out.

Collected on 2026-12-02 by three engineers, one per range of the rule catalogue (A: INI0xx-INI1xx, B: INI2xx,
C: INI3xx), after the fourth set's fixes, who did not run initlint and did not read its source, tests, benches or
docs: they read only each rule page's title and "What it does", found each report with a search of public issue
trackers and Q&A pages (none of the reports of the other four corpora, nor any rule page's or doc's references),
rebuilt the bug in their own words keeping the code's idiom, and ran the bad program and its corrected twin with
torch to check that the bug shows (``note`` says how). The set was measured once, as collected, on the commit
named in docs/recall.md. Same format as ``tests/real_reports.py``; read by ``tests/test_heldout_reports.py`` and
``python bench/recall.py --corpus tests/heldout5_reports.py``.
"""

CLASSES = {'layers-in-plain-python-list': ('INI002',),
 'shared-module-via-list-multiplication': ('INI003',),
 'deprecated-init-alias': ('INI101',),
 'empty-parameter-never-initialized': ('INI004',),
 'uniform-bounds-reversed': ('INI103',),
 'inplace-init-on-leaf-parameter': ('INI107',),
 'init-on-optional-param-set-to-none': None,
 'nonexistent-init-function': None,
 'mmengine-helper-given-tensor': ('INI109',),
 'undefined-self-attribute': ('INI001',),
 'uniform-bounds-passed-to-normal': None,
 'unguarded-bias-init-in-helper': ('INI201',),
 'unguarded-norm-weight-zero-init': ('INI201',),
 'class-name-substring-matches-wrapper': ('INI203',),
 'bias-detected-by-ndim-zeros-norm-weight': None,
 'embedding-initializer-ignores-padding-idx': None,
 'weight-init-nested-under-bias-guard': None,
 'init-method-never-called': ('INI304',),
 'init-lazy-module-before-forward': ('INI307',),
 'hf-init-in-constructor-lost': ('INI311',),
 'hf-constructor-weights-overwritten-by-from-pretrained': None}


def case(id, url, cls, bad, good, note="", scope=None):
    assert cls in CLASSES, cls
    return {"id": id, "url": url, "cls": cls, "bad": bad, "good": good, "note": note, "scope": scope}


CASES = [

    # ---- collector A ------------------------------------------------------------------------------------------
    case('pytorch-pytorch-15005', 'https://github.com/pytorch/pytorch/issues/15005', 'layers-in-plain-python-list', """
import torch
import torch.nn as nn

num_classes = [5, 2, 10, 3]


class test(nn.Module):
    def __init__(self, input_features):
        super(test, self).__init__()
        self.softmaxes = []
        for i in range(4):
            self.softmaxes.append(nn.Linear(input_features, num_classes[i]))

    def forward(self, batch_in):
        classify = []
        for i in range(4):
            classify.append(self.softmaxes[i](batch_in))
        return classify


model = test(100)
n_params = len(list(model.parameters()))
print("registered parameters:", n_params)
assert n_params == 8, "heads are invisible to parameters()/.cuda()/optimizer"
""", """
import torch
import torch.nn as nn

num_classes = [5, 2, 10, 3]


class test(nn.Module):
    def __init__(self, input_features):
        super(test, self).__init__()
        self.softmaxes = nn.ModuleList()
        for i in range(4):
            self.softmaxes.append(nn.Linear(input_features, num_classes[i]))

    def forward(self, batch_in):
        classify = []
        for i in range(4):
            classify.append(self.softmaxes[i](batch_in))
        return classify


model = test(100)
n_params = len(list(model.parameters()))
print("registered parameters:", n_params)
assert n_params == 8, "heads are invisible to parameters()/.cuda()/optimizer"
""", note="bad: the four task heads are appended to a plain list self.softmaxes, so model.parameters() is empty (0 params) and .cuda()/optimizer/init loops never see them; the script's assert fails. good: self.softmaxes = nn.ModuleList() (the maintainers' answer) -> 8 registered parameters, assert passes."),
    case('pytorch-pytorch-21905', 'https://github.com/pytorch/pytorch/issues/21905', 'layers-in-plain-python-list', """
import torch
import torch.nn as nn


class StackedGRU(nn.Module):
    def __init__(self, input_size, hidden_size, layn, bias=True):
        super(StackedGRU, self).__init__()
        self.hidden_size = hidden_size
        self.bias = bias
        self.x2h = []
        self.h2h = []
        for x in range(layn):
            temp1 = nn.Linear(input_size, 3 * hidden_size, bias=self.bias)
            temp2 = nn.Linear(hidden_size, 3 * hidden_size, bias=self.bias)
            self.x2h.append(temp1)
            self.h2h.append(temp2)
            input_size = hidden_size
        self.reset_parameters()

    def reset_parameters(self):
        std = 1.0 / self.hidden_size ** 0.5
        for w in self.parameters():
            w.data.uniform_(-std, std)

    def forward(self, x, hx):
        for x2h, h2h in zip(self.x2h, self.h2h):
            gate_x = x2h(x)
            gate_h = h2h(hx)
            i_r, i_i, i_n = gate_x.chunk(3, 1)
            h_r, h_i, h_n = gate_h.chunk(3, 1)
            resetgate = torch.sigmoid(i_r + h_r)
            inputgate = torch.sigmoid(i_i + h_i)
            newgate = torch.tanh(i_n + resetgate * h_n)
            hx = newgate + inputgate * (hx - newgate)
            x = hx
        return hx


model = StackedGRU(8, 16, layn=2).to(torch.float64)
print("x2h[0] dtype after .to(float64):", model.x2h[0].weight.dtype)
assert model.x2h[0].weight.dtype == torch.float64, "layers in plain lists are not moved"
""", """
import torch
import torch.nn as nn


class StackedGRU(nn.Module):
    def __init__(self, input_size, hidden_size, layn, bias=True):
        super(StackedGRU, self).__init__()
        self.hidden_size = hidden_size
        self.bias = bias
        self.x2h = nn.ModuleList()
        self.h2h = nn.ModuleList()
        for x in range(layn):
            temp1 = nn.Linear(input_size, 3 * hidden_size, bias=self.bias)
            temp2 = nn.Linear(hidden_size, 3 * hidden_size, bias=self.bias)
            self.x2h.append(temp1)
            self.h2h.append(temp2)
            input_size = hidden_size
        self.reset_parameters()

    def reset_parameters(self):
        std = 1.0 / self.hidden_size ** 0.5
        for w in self.parameters():
            w.data.uniform_(-std, std)

    def forward(self, x, hx):
        for x2h, h2h in zip(self.x2h, self.h2h):
            gate_x = x2h(x)
            gate_h = h2h(hx)
            i_r, i_i, i_n = gate_x.chunk(3, 1)
            h_r, h_i, h_n = gate_h.chunk(3, 1)
            resetgate = torch.sigmoid(i_r + h_r)
            inputgate = torch.sigmoid(i_i + h_i)
            newgate = torch.tanh(i_n + resetgate * h_n)
            hx = newgate + inputgate * (hx - newgate)
            x = hx
        return hx


model = StackedGRU(8, 16, layn=2).to(torch.float64)
print("x2h[0] dtype after .to(float64):", model.x2h[0].weight.dtype)
assert model.x2h[0].weight.dtype == torch.float64, "layers in plain lists are not moved"
""", note='bad: per-layer x2h/h2h Linear layers built in a loop (temp1/temp2 locals) and appended to plain lists; model.to(float64) leaves x2h[0].weight float32 and reset_parameters() over self.parameters() never reaches them; assert fails. good: nn.ModuleList() as SsnL answered -> weight becomes float64, assert passes.'),
    case('FasterDecoding-Medusa-133', 'https://github.com/FasterDecoding/Medusa/pull/133', 'shared-module-via-list-multiplication', """
import torch
import torch.nn as nn


class MedusaConfig:
    def __init__(self, medusa_num_heads=3, medusa_num_layers=2, hidden_size=32, vocab_size=50):
        self.medusa_num_heads = medusa_num_heads
        self.medusa_num_layers = medusa_num_layers
        self.hidden_size = hidden_size
        self.vocab_size = vocab_size


class ResBlock(nn.Module):
    def __init__(self, hidden_size):
        super().__init__()
        self.linear = nn.Linear(hidden_size, hidden_size)
        # Initialize as an identity mapping
        torch.nn.init.zeros_(self.linear.weight)
        # Use SiLU activation to keep consistent with the Llama model
        self.act = nn.SiLU()

    def forward(self, x):
        return x + self.act(self.linear(x))


class MedusaModelABC(nn.Module):
    def __init__(self, config):
        super().__init__()
        medusa_num_heads = config.medusa_num_heads
        medusa_num_layers = config.medusa_num_layers
        self.hidden_size = config.hidden_size
        self.vocab_size = config.vocab_size
        self.medusa = medusa_num_heads
        self.medusa_num_layers = medusa_num_layers
        # Create a list of Medusa heads
        self.medusa_head = nn.ModuleList(
            [
                nn.Sequential(
                    *([ResBlock(self.hidden_size)] * medusa_num_layers),
                    nn.Linear(self.hidden_size, self.vocab_size, bias=False),
                )
                for _ in range(medusa_num_heads)
            ]
        )

    def forward(self, hidden_states):
        return [head(hidden_states) for head in self.medusa_head]


model = MedusaModelABC(MedusaConfig())
head = model.medusa_head[0]
print("block 0 is block 1:", head[0] is head[1])
assert head[0] is not head[1], "the ResBlocks of one head share one set of weights"
""", """
import torch
import torch.nn as nn


class MedusaConfig:
    def __init__(self, medusa_num_heads=3, medusa_num_layers=2, hidden_size=32, vocab_size=50):
        self.medusa_num_heads = medusa_num_heads
        self.medusa_num_layers = medusa_num_layers
        self.hidden_size = hidden_size
        self.vocab_size = vocab_size


class ResBlock(nn.Module):
    def __init__(self, hidden_size):
        super().__init__()
        self.linear = nn.Linear(hidden_size, hidden_size)
        # Initialize as an identity mapping
        torch.nn.init.zeros_(self.linear.weight)
        # Use SiLU activation to keep consistent with the Llama model
        self.act = nn.SiLU()

    def forward(self, x):
        return x + self.act(self.linear(x))


class MedusaModelABC(nn.Module):
    def __init__(self, config):
        super().__init__()
        medusa_num_heads = config.medusa_num_heads
        medusa_num_layers = config.medusa_num_layers
        self.hidden_size = config.hidden_size
        self.vocab_size = config.vocab_size
        self.medusa = medusa_num_heads
        self.medusa_num_layers = medusa_num_layers
        # Create a list of Medusa heads
        self.medusa_head = nn.ModuleList(
            [
                nn.Sequential(
                    *([ResBlock(self.hidden_size) for _ in range(medusa_num_layers)]),
                    nn.Linear(self.hidden_size, self.vocab_size, bias=False),
                )
                for _ in range(medusa_num_heads)
            ]
        )

    def forward(self, hidden_states):
        return [head(hidden_states) for head in self.medusa_head]


model = MedusaModelABC(MedusaConfig())
head = model.medusa_head[0]
print("block 0 is block 1:", head[0] is head[1])
assert head[0] is not head[1], "the ResBlocks of one head share one set of weights"
""", note='bad: nn.Sequential(*([ResBlock(hidden)] * medusa_num_layers), ...) inside the head comprehension puts one ResBlock object in every slot, so head[0] is head[1] (one weight set shared); assert fails. good: [ResBlock(self.hidden_size) for _ in range(medusa_num_layers)] as in the PR -> distinct blocks. Config is a small stand-in for the HF config (no weights loaded).'),
    case('sktime-pytorch-forecasting-1915', 'https://github.com/sktime/pytorch-forecasting/pull/1915', 'deprecated-init-alias', """
import warnings

import torch
import torch.nn as nn

warnings.simplefilter("error")  # surface the deprecation as an error


class SeriesDecomposition(nn.Module):
    def __init__(self, kernel_size):
        super().__init__()
        self.avg = nn.AvgPool1d(kernel_size=kernel_size, stride=1, padding=kernel_size // 2,
                                count_include_pad=False)

    def forward(self, x):
        trend = self.avg(x.permute(0, 2, 1)).permute(0, 2, 1)
        return x - trend, trend


class DLinear(nn.Module):
    def __init__(self, context_length, prediction_length, enc_in, moving_avg=25, individual=False):
        super().__init__()
        self.context_length = context_length
        self.prediction_length = prediction_length
        self.enc_in = enc_in
        self.moving_avg = moving_avg
        self.individual = individual

        self._init_network()

        self.apply(self._weight_init)

    def _weight_init(self, m: nn.Module):
        if isinstance(m, nn.Linear):
            nn.init.constant(m.weight.data, 1.0 / self.context_length)
            if m.bias is not None:
                nn.init.constant(m.bias.data, 0.0)

    def _init_network(self):
        self.decomposition = SeriesDecomposition(self.moving_avg)
        output_dim = self.prediction_length
        if self.individual:
            self.linear_seasonal = nn.ModuleList()
            self.linear_trend = nn.ModuleList()
            for i in range(self.enc_in):
                seasonal_layer = nn.Linear(self.context_length, output_dim)
                trend_layer = nn.Linear(self.context_length, output_dim)
                self.linear_seasonal.append(seasonal_layer)
                self.linear_trend.append(trend_layer)
        else:
            self.linear_seasonal = nn.Linear(self.context_length, output_dim)
            self.linear_trend = nn.Linear(self.context_length, output_dim)

    def forward(self, x):
        seasonal_init, trend_init = self.decomposition(x)
        seasonal_init = seasonal_init.permute(0, 2, 1)
        trend_init = trend_init.permute(0, 2, 1)
        out = self.linear_seasonal(seasonal_init) + self.linear_trend(trend_init)
        return out.permute(0, 2, 1)


model = DLinear(context_length=24, prediction_length=6, enc_in=3)
print(model(torch.randn(2, 24, 3)).shape)
assert torch.allclose(model.linear_trend.weight, torch.full_like(model.linear_trend.weight, 1 / 24))
""", """
import warnings

import torch
import torch.nn as nn

warnings.simplefilter("error")  # surface the deprecation as an error


class SeriesDecomposition(nn.Module):
    def __init__(self, kernel_size):
        super().__init__()
        self.avg = nn.AvgPool1d(kernel_size=kernel_size, stride=1, padding=kernel_size // 2,
                                count_include_pad=False)

    def forward(self, x):
        trend = self.avg(x.permute(0, 2, 1)).permute(0, 2, 1)
        return x - trend, trend


class DLinear(nn.Module):
    def __init__(self, context_length, prediction_length, enc_in, moving_avg=25, individual=False):
        super().__init__()
        self.context_length = context_length
        self.prediction_length = prediction_length
        self.enc_in = enc_in
        self.moving_avg = moving_avg
        self.individual = individual

        self._init_network()

        self.apply(self._weight_init)

    def _weight_init(self, m: nn.Module):
        if isinstance(m, nn.Linear):
            nn.init.constant_(m.weight.data, 1.0 / self.context_length)
            if m.bias is not None:
                nn.init.constant_(m.bias.data, 0.0)

    def _init_network(self):
        self.decomposition = SeriesDecomposition(self.moving_avg)
        output_dim = self.prediction_length
        if self.individual:
            self.linear_seasonal = nn.ModuleList()
            self.linear_trend = nn.ModuleList()
            for i in range(self.enc_in):
                seasonal_layer = nn.Linear(self.context_length, output_dim)
                trend_layer = nn.Linear(self.context_length, output_dim)
                self.linear_seasonal.append(seasonal_layer)
                self.linear_trend.append(trend_layer)
        else:
            self.linear_seasonal = nn.Linear(self.context_length, output_dim)
            self.linear_trend = nn.Linear(self.context_length, output_dim)

    def forward(self, x):
        seasonal_init, trend_init = self.decomposition(x)
        seasonal_init = seasonal_init.permute(0, 2, 1)
        trend_init = trend_init.permute(0, 2, 1)
        out = self.linear_seasonal(seasonal_init) + self.linear_trend(trend_init)
        return out.permute(0, 2, 1)


model = DLinear(context_length=24, prediction_length=6, enc_in=3)
print(model(torch.randn(2, 24, 3)).shape)
assert torch.allclose(model.linear_trend.weight, torch.full_like(model.linear_trend.weight, 1 / 24))
""", note="bad: DLinear._weight_init (run via self.apply) calls nn.init.constant(m.weight.data, ...) / nn.init.constant(m.bias.data, 0.0); with warnings turned into errors it raises FutureWarning 'nn.init.constant is now deprecated in favor of nn.init.constant_'. good: nn.init.constant_ as in the PR -> runs, weights equal 1/context_length."),
    case('openai-CLIP-15', 'https://github.com/openai/CLIP/issues/15', 'empty-parameter-never-initialized', """
from collections import OrderedDict

import torch
import torch.nn as nn

# deterministic mode fills uninitialized memory (torch.empty) with NaN,
# so the effect of a missing init is reproducible
torch.use_deterministic_algorithms(True)


class ResidualAttentionBlock(nn.Module):
    def __init__(self, d_model, n_head, attn_mask=None):
        super().__init__()
        self.attn = nn.MultiheadAttention(d_model, n_head)
        self.ln_1 = nn.LayerNorm(d_model)
        self.mlp = nn.Sequential(OrderedDict([
            ("c_fc", nn.Linear(d_model, d_model * 4)),
            ("gelu", nn.GELU()),
            ("c_proj", nn.Linear(d_model * 4, d_model)),
        ]))
        self.ln_2 = nn.LayerNorm(d_model)
        self.attn_mask = attn_mask

    def forward(self, x):
        x = x + self.attn(self.ln_1(x), self.ln_1(x), self.ln_1(x), need_weights=False,
                          attn_mask=self.attn_mask)[0]
        x = x + self.mlp(self.ln_2(x))
        return x


class Transformer(nn.Module):
    def __init__(self, width, layers, heads, attn_mask=None):
        super().__init__()
        self.width = width
        self.layers = layers
        self.resblocks = nn.Sequential(*[ResidualAttentionBlock(width, heads, attn_mask) for _ in range(layers)])

    def forward(self, x):
        return self.resblocks(x)


class CLIP(nn.Module):
    def __init__(self, embed_dim, context_length, vocab_size, transformer_width, transformer_heads,
                 transformer_layers):
        super().__init__()
        self.context_length = context_length
        self.transformer = Transformer(
            width=transformer_width,
            layers=transformer_layers,
            heads=transformer_heads,
            attn_mask=self.build_attention_mask(),
        )
        self.vocab_size = vocab_size
        self.token_embedding = nn.Embedding(vocab_size, transformer_width)
        self.positional_embedding = nn.Parameter(torch.empty(self.context_length, transformer_width))
        self.ln_final = nn.LayerNorm(transformer_width)

        self.text_projection = nn.Parameter(torch.empty(transformer_width, embed_dim))
        self.logit_scale = nn.Parameter(torch.ones([]))

    def build_attention_mask(self):
        mask = torch.empty(self.context_length, self.context_length)
        mask.fill_(float("-inf"))
        mask.triu_(1)
        return mask

    def encode_text(self, text):
        x = self.token_embedding(text)
        x = x + self.positional_embedding
        x = x.permute(1, 0, 2)
        x = self.transformer(x)
        x = x.permute(1, 0, 2)
        x = self.ln_final(x)
        x = x[torch.arange(x.shape[0]), text.argmax(dim=-1)] @ self.text_projection
        return x


model = CLIP(embed_dim=16, context_length=8, vocab_size=100, transformer_width=32,
             transformer_heads=4, transformer_layers=2)
out = model.encode_text(torch.randint(0, 100, (2, 8)))
print("text features finite:", torch.isfinite(out).all().item())
assert torch.isfinite(model.positional_embedding).all(), "positional_embedding was never initialized"
assert torch.isfinite(model.text_projection).all(), "text_projection was never initialized"
""", """
from collections import OrderedDict

import torch
import torch.nn as nn

# deterministic mode fills uninitialized memory (torch.empty) with NaN,
# so the effect of a missing init is reproducible
torch.use_deterministic_algorithms(True)


class ResidualAttentionBlock(nn.Module):
    def __init__(self, d_model, n_head, attn_mask=None):
        super().__init__()
        self.attn = nn.MultiheadAttention(d_model, n_head)
        self.ln_1 = nn.LayerNorm(d_model)
        self.mlp = nn.Sequential(OrderedDict([
            ("c_fc", nn.Linear(d_model, d_model * 4)),
            ("gelu", nn.GELU()),
            ("c_proj", nn.Linear(d_model * 4, d_model)),
        ]))
        self.ln_2 = nn.LayerNorm(d_model)
        self.attn_mask = attn_mask

    def forward(self, x):
        x = x + self.attn(self.ln_1(x), self.ln_1(x), self.ln_1(x), need_weights=False,
                          attn_mask=self.attn_mask)[0]
        x = x + self.mlp(self.ln_2(x))
        return x


class Transformer(nn.Module):
    def __init__(self, width, layers, heads, attn_mask=None):
        super().__init__()
        self.width = width
        self.layers = layers
        self.resblocks = nn.Sequential(*[ResidualAttentionBlock(width, heads, attn_mask) for _ in range(layers)])

    def forward(self, x):
        return self.resblocks(x)


class CLIP(nn.Module):
    def __init__(self, embed_dim, context_length, vocab_size, transformer_width, transformer_heads,
                 transformer_layers):
        super().__init__()
        self.context_length = context_length
        self.transformer = Transformer(
            width=transformer_width,
            layers=transformer_layers,
            heads=transformer_heads,
            attn_mask=self.build_attention_mask(),
        )
        self.vocab_size = vocab_size
        self.token_embedding = nn.Embedding(vocab_size, transformer_width)
        self.positional_embedding = nn.Parameter(torch.empty(self.context_length, transformer_width))
        self.ln_final = nn.LayerNorm(transformer_width)

        self.text_projection = nn.Parameter(torch.empty(transformer_width, embed_dim))
        self.logit_scale = nn.Parameter(torch.ones([]))

        self.initialize_parameters()

    def initialize_parameters(self):
        nn.init.normal_(self.token_embedding.weight, std=0.02)
        nn.init.normal_(self.positional_embedding, std=0.01)

        proj_std = (self.transformer.width ** -0.5) * ((2 * self.transformer.layers) ** -0.5)
        attn_std = self.transformer.width ** -0.5
        fc_std = (2 * self.transformer.width) ** -0.5
        for block in self.transformer.resblocks:
            nn.init.normal_(block.attn.in_proj_weight, std=attn_std)
            nn.init.normal_(block.attn.out_proj.weight, std=proj_std)
            nn.init.normal_(block.mlp.c_fc.weight, std=fc_std)
            nn.init.normal_(block.mlp.c_proj.weight, std=proj_std)

        if self.text_projection is not None:
            nn.init.normal_(self.text_projection, std=self.transformer.width ** -0.5)

    def build_attention_mask(self):
        mask = torch.empty(self.context_length, self.context_length)
        mask.fill_(float("-inf"))
        mask.triu_(1)
        return mask

    def encode_text(self, text):
        x = self.token_embedding(text)
        x = x + self.positional_embedding
        x = x.permute(1, 0, 2)
        x = self.transformer(x)
        x = x.permute(1, 0, 2)
        x = self.ln_final(x)
        x = x[torch.arange(x.shape[0]), text.argmax(dim=-1)] @ self.text_projection
        return x


model = CLIP(embed_dim=16, context_length=8, vocab_size=100, transformer_width=32,
             transformer_heads=4, transformer_layers=2)
out = model.encode_text(torch.randint(0, 100, (2, 8)))
print("text features finite:", torch.isfinite(out).all().item())
assert torch.isfinite(model.positional_embedding).all(), "positional_embedding was never initialized"
assert torch.isfinite(model.text_projection).all(), "text_projection was never initialized"
""", note="bad: positional_embedding and text_projection are nn.Parameter(torch.empty(...)) and nothing initializes them (pre-fix CLIP); under torch.use_deterministic_algorithms(True) empty memory is NaN-filled, so the asserts on finiteness fail. good: the fixing commit's initialize_parameters() (normal_ on token/positional embedding, resblock attn/mlp weights, text_projection) called at the end of __init__ -> finite, asserts pass."),
    case('rshaojimmy-MADDoG-5', 'https://github.com/rshaojimmy/MADDoG/issues/5', 'uniform-bounds-reversed', """
import torch
import torch.nn as nn
from torch.nn import init


def weights_init_xavier(m):
    classname = m.__class__.__name__
    if classname.find('Conv') != -1:
        init.xavier_normal_(m.weight.data, gain=1)
    elif classname.find('Linear') != -1:
        init.xavier_normal_(m.weight.data, gain=1)
        init.constant_(m.bias.data, 0.0)
    elif classname.find('BatchNorm2d') != -1:
        init.uniform_(m.weight.data, 1.0, 0.02)
        init.constant_(m.bias.data, 0.0)


def init_weights(net, init_type='normal'):
    print('initialization method [%s]' % init_type)
    if init_type == 'xavier':
        net.apply(weights_init_xavier)
    else:
        raise NotImplementedError('initialization method [%s] is not implemented' % init_type)


class FeatExtractor(nn.Module):
    def __init__(self, in_channels=6):
        super(FeatExtractor, self).__init__()
        self.conv1 = nn.Conv2d(in_channels, 64, kernel_size=3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(64)
        self.relu = nn.ReLU(inplace=True)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(64, 2)

    def forward(self, x):
        x = self.pool(self.relu(self.bn1(self.conv1(x))))
        return self.fc(x.flatten(1))


net = FeatExtractor()
init_weights(net, init_type='xavier')
print(net(torch.randn(2, 6, 16, 16)).shape)
""", """
import torch
import torch.nn as nn
from torch.nn import init


def weights_init_xavier(m):
    classname = m.__class__.__name__
    if classname.find('Conv') != -1:
        init.xavier_normal_(m.weight.data, gain=1)
    elif classname.find('Linear') != -1:
        init.xavier_normal_(m.weight.data, gain=1)
        init.constant_(m.bias.data, 0.0)
    elif classname.find('BatchNorm2d') != -1:
        init.uniform_(m.weight.data, 0.02, 1.0)
        init.constant_(m.bias.data, 0.0)


def init_weights(net, init_type='normal'):
    print('initialization method [%s]' % init_type)
    if init_type == 'xavier':
        net.apply(weights_init_xavier)
    else:
        raise NotImplementedError('initialization method [%s] is not implemented' % init_type)


class FeatExtractor(nn.Module):
    def __init__(self, in_channels=6):
        super(FeatExtractor, self).__init__()
        self.conv1 = nn.Conv2d(in_channels, 64, kernel_size=3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(64)
        self.relu = nn.ReLU(inplace=True)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(64, 2)

    def forward(self, x):
        x = self.pool(self.relu(self.bn1(self.conv1(x))))
        return self.fc(x.flatten(1))


net = FeatExtractor()
init_weights(net, init_type='xavier')
print(net(torch.randn(2, 6, 16, 16)).shape)
""", note="bad: weights_init_xavier (class-name dispatch, applied through init_weights(net, 'xavier') -> net.apply) calls init.uniform_(m.weight.data, 1.0, 0.02) on BatchNorm2d -> RuntimeError 'uniform_ expects to return a [from, to) range, but found from=1 > to=0.02'. good: bounds swapped to (0.02, 1.0) as the reporter did -> runs."),
    case('xhwNobody-yolov5_prune_sfp-17', 'https://github.com/xhwNobody/yolov5_prune_sfp/issues/17', 'inplace-init-on-leaf-parameter', """
import math

import torch
import torch.nn as nn


class Detect(nn.Module):
    stride = None  # strides computed during build

    def __init__(self, nc=80, anchors=(), ch=()):  # detection layer
        super(Detect, self).__init__()
        self.nc = nc  # number of classes
        self.no = nc + 5  # number of outputs per anchor
        self.nl = len(anchors)  # number of detection layers
        self.na = len(anchors[0]) // 2  # number of anchors
        a = torch.tensor(anchors).float().view(self.nl, -1, 2)
        self.register_buffer('anchors', a)
        self.m = nn.ModuleList(nn.Conv2d(x, self.no * self.na, 1) for x in ch)  # output conv

    def forward(self, x):
        return [self.m[i](x[i]) for i in range(self.nl)]


class Model(nn.Module):
    def __init__(self, ch=3, nc=80):
        super(Model, self).__init__()
        self.nc = nc
        self.anchors = [[10, 13, 16, 30, 33, 23], [30, 61, 62, 45, 59, 119], [116, 90, 156, 198, 373, 326]]
        self.ch_head = [16, 32, 64]
        self.head_self = Detect(self.nc, self.anchors, self.ch_head)
        if isinstance(self.head_self, Detect):
            self.head_self.stride = torch.tensor([8., 16., 32.])
            self.head_self.anchors /= self.head_self.stride.view(-1, 1, 1)
            self.stride = self.head_self.stride
            self._initialize_biases()  # only run once

    def forward(self, xs):
        return self.head_self(xs)

    def _initialize_biases(self, cf=None):  # initialize biases into Detect(), cf is class frequency
        m = self.head_self  # Detect() module
        for mi, s in zip(m.m, m.stride):  # from
            b = mi.bias.view(m.na, -1)  # conv.bias(255) to (3,85)
            b[:, 4] += math.log(8 / (640 / s) ** 2)  # obj (8 objects per 640 image)
            b[:, 5:] += math.log(0.6 / (m.nc - 0.99)) if cf is None else torch.log(cf / cf.sum())  # cls
            mi.bias = torch.nn.Parameter(b.view(-1), requires_grad=True)


model_dst = Model(nc=80)
print("bias of first head conv:", model_dst.head_self.m[0].bias.shape)
""", """
import math

import torch
import torch.nn as nn


class Detect(nn.Module):
    stride = None  # strides computed during build

    def __init__(self, nc=80, anchors=(), ch=()):  # detection layer
        super(Detect, self).__init__()
        self.nc = nc  # number of classes
        self.no = nc + 5  # number of outputs per anchor
        self.nl = len(anchors)  # number of detection layers
        self.na = len(anchors[0]) // 2  # number of anchors
        a = torch.tensor(anchors).float().view(self.nl, -1, 2)
        self.register_buffer('anchors', a)
        self.m = nn.ModuleList(nn.Conv2d(x, self.no * self.na, 1) for x in ch)  # output conv

    def forward(self, x):
        return [self.m[i](x[i]) for i in range(self.nl)]


class Model(nn.Module):
    def __init__(self, ch=3, nc=80):
        super(Model, self).__init__()
        self.nc = nc
        self.anchors = [[10, 13, 16, 30, 33, 23], [30, 61, 62, 45, 59, 119], [116, 90, 156, 198, 373, 326]]
        self.ch_head = [16, 32, 64]
        self.head_self = Detect(self.nc, self.anchors, self.ch_head)
        if isinstance(self.head_self, Detect):
            self.head_self.stride = torch.tensor([8., 16., 32.])
            self.head_self.anchors /= self.head_self.stride.view(-1, 1, 1)
            self.stride = self.head_self.stride
            self._initialize_biases()  # only run once

    def forward(self, xs):
        return self.head_self(xs)

    def _initialize_biases(self, cf=None):  # initialize biases into Detect(), cf is class frequency
        m = self.head_self  # Detect() module
        for mi, s in zip(m.m, m.stride):  # from
            b = mi.bias.view(m.na, -1)  # conv.bias(255) to (3,85)
            with torch.no_grad():
                b[:, 4] += math.log(8 / (640 / s) ** 2)  # obj (8 objects per 640 image)
                b[:, 5:] += math.log(0.6 / (m.nc - 0.99)) if cf is None else torch.log(cf / cf.sum())  # cls
            mi.bias = torch.nn.Parameter(b.view(-1), requires_grad=True)


model_dst = Model(nc=80)
print("bias of first head conv:", model_dst.head_self.m[0].bias.shape)
""", note="bad: Model._initialize_biases takes b = mi.bias.view(m.na, -1) and does b[:, 4] += ... with autograd on -> RuntimeError 'a view of a leaf Variable that requires grad is being used in an in-place operation' while constructing Model. good: the two in-place updates wrapped in torch.no_grad() as in the issue's fix -> model builds, bias shape 255."),
    case('huggingface-pytorch-image-models-2058', 'https://github.com/huggingface/pytorch-image-models/pull/2058', 'init-on-optional-param-set-to-none', """
import torch
import torch.nn as nn
from torch.nn.init import trunc_normal_


class PatchEmbed(nn.Module):
    def __init__(self, img_size=32, patch_size=8, in_chans=3, embed_dim=64):
        super().__init__()
        self.num_patches = (img_size // patch_size) ** 2
        self.proj = nn.Conv2d(in_chans, embed_dim, kernel_size=patch_size, stride=patch_size)

    def forward(self, x):
        return self.proj(x).flatten(2).transpose(1, 2)


class Eva(nn.Module):
    def __init__(self, img_size=32, patch_size=8, num_classes=10, embed_dim=64, depth=2, num_heads=4,
                 class_token=True, global_pool='avg', use_abs_pos_emb=True):
        super().__init__()
        self.num_classes = num_classes
        self.global_pool = global_pool
        self.num_prefix_tokens = 1 if class_token else 0
        self.patch_embed = PatchEmbed(img_size, patch_size, 3, embed_dim)
        num_patches = self.patch_embed.num_patches

        self.cls_token = nn.Parameter(torch.zeros(1, 1, embed_dim)) if class_token else None
        self.pos_embed = nn.Parameter(
            torch.zeros(1, num_patches + self.num_prefix_tokens, embed_dim)) if use_abs_pos_emb else None
        self.blocks = nn.ModuleList([
            nn.TransformerEncoderLayer(embed_dim, num_heads, embed_dim * 4, batch_first=True)
            for _ in range(depth)])
        self.norm = nn.LayerNorm(embed_dim)
        self.head = nn.Linear(embed_dim, num_classes) if num_classes > 0 else nn.Identity()

        self.apply(self._init_weights)
        if self.pos_embed is not None:
            trunc_normal_(self.pos_embed, std=.02)
        trunc_normal_(self.cls_token, std=.02)

    def _init_weights(self, m):
        if isinstance(m, nn.Linear):
            trunc_normal_(m.weight, std=.02)
            if m.bias is not None:
                nn.init.zeros_(m.bias)

    def forward(self, x):
        x = self.patch_embed(x)
        if self.cls_token is not None:
            x = torch.cat((self.cls_token.expand(x.shape[0], -1, -1), x), dim=1)
        if self.pos_embed is not None:
            x = x + self.pos_embed
        for blk in self.blocks:
            x = blk(x)
        x = self.norm(x)
        x = x[:, self.num_prefix_tokens:].mean(dim=1) if self.global_pool == 'avg' else x[:, 0]
        return self.head(x)


model = Eva(class_token=False, global_pool='avg')
print(model(torch.randn(2, 3, 32, 32)).shape)
""", """
import torch
import torch.nn as nn
from torch.nn.init import trunc_normal_


class PatchEmbed(nn.Module):
    def __init__(self, img_size=32, patch_size=8, in_chans=3, embed_dim=64):
        super().__init__()
        self.num_patches = (img_size // patch_size) ** 2
        self.proj = nn.Conv2d(in_chans, embed_dim, kernel_size=patch_size, stride=patch_size)

    def forward(self, x):
        return self.proj(x).flatten(2).transpose(1, 2)


class Eva(nn.Module):
    def __init__(self, img_size=32, patch_size=8, num_classes=10, embed_dim=64, depth=2, num_heads=4,
                 class_token=True, global_pool='avg', use_abs_pos_emb=True):
        super().__init__()
        self.num_classes = num_classes
        self.global_pool = global_pool
        self.num_prefix_tokens = 1 if class_token else 0
        self.patch_embed = PatchEmbed(img_size, patch_size, 3, embed_dim)
        num_patches = self.patch_embed.num_patches

        self.cls_token = nn.Parameter(torch.zeros(1, 1, embed_dim)) if class_token else None
        self.pos_embed = nn.Parameter(
            torch.zeros(1, num_patches + self.num_prefix_tokens, embed_dim)) if use_abs_pos_emb else None
        self.blocks = nn.ModuleList([
            nn.TransformerEncoderLayer(embed_dim, num_heads, embed_dim * 4, batch_first=True)
            for _ in range(depth)])
        self.norm = nn.LayerNorm(embed_dim)
        self.head = nn.Linear(embed_dim, num_classes) if num_classes > 0 else nn.Identity()

        self.apply(self._init_weights)
        if self.pos_embed is not None:
            trunc_normal_(self.pos_embed, std=.02)
        if self.cls_token is not None:
            trunc_normal_(self.cls_token, std=.02)

    def _init_weights(self, m):
        if isinstance(m, nn.Linear):
            trunc_normal_(m.weight, std=.02)
            if m.bias is not None:
                nn.init.zeros_(m.bias)

    def forward(self, x):
        x = self.patch_embed(x)
        if self.cls_token is not None:
            x = torch.cat((self.cls_token.expand(x.shape[0], -1, -1), x), dim=1)
        if self.pos_embed is not None:
            x = x + self.pos_embed
        for blk in self.blocks:
            x = blk(x)
        x = self.norm(x)
        x = x[:, self.num_prefix_tokens:].mean(dim=1) if self.global_pool == 'avg' else x[:, 0]
        return self.head(x)


model = Eva(class_token=False, global_pool='avg')
print(model(torch.randn(2, 3, 32, 32)).shape)
""", note="bad: Eva with class_token=False sets self.cls_token = None but __init__ still calls trunc_normal_(self.cls_token, std=.02) -> AttributeError on NoneType (report: 'NoneType' object has no attribute 'uniform_'; torch 2.13 says 'is_meta'). good: guarded with if self.cls_token is not None as in the PR -> forward works. torch.nn.init.trunc_normal_ stands in for timm's identical helper."),
    case('pvjosue-pytorch_convNd-4', 'https://github.com/pvjosue/pytorch_convNd/issues/4', 'empty-parameter-never-initialized', """
from typing import Callable, Tuple

import torch
import torch.nn as nn

# deterministic mode fills uninitialized memory with NaN, making the missing init visible
torch.use_deterministic_algorithms(True)


class convNd(nn.Module):
    # N-d convolution built from a stack of (N-1)-d torch convolutions
    def __init__(self, in_channels: int,
                 out_channels: int,
                 num_dims: int,
                 kernel_size: Tuple,
                 stride=1,
                 padding=0,
                 use_bias: bool = True,
                 bias_initializer: Callable = None,
                 kernel_initializer: Callable = None):
        super(convNd, self).__init__()
        if not isinstance(kernel_size, Tuple):
            kernel_size = tuple(kernel_size for _ in range(num_dims))
        self.conv_f = (nn.Conv1d, nn.Conv2d, nn.Conv3d)[num_dims - 2]
        self.in_channels = in_channels
        self.out_channels = out_channels
        self.num_dims = num_dims
        self.kernel_size = kernel_size
        self.use_bias = use_bias
        if use_bias:
            self.bias = nn.Parameter(torch.Tensor(out_channels))
        else:
            self.register_parameter('bias', None)
        self.bias_initializer = bias_initializer
        self.kernel_initializer = kernel_initializer

        if self.bias_initializer is not None:
            if self.use_bias:
                self.bias_initializer(self.bias)
        # Use a ModuleList to store layers to make the ConvNd layer trainable
        self.conv_layers = torch.nn.ModuleList()
        for _ in range(self.kernel_size[0]):
            # bias should only be applied by the top most layer, so we disable bias in the internal convs
            conv_layer = self.conv_f(in_channels=self.in_channels,
                                     out_channels=self.out_channels,
                                     bias=False,
                                     kernel_size=self.kernel_size[1:])
            if self.kernel_initializer is not None:
                self.kernel_initializer(conv_layer.weight)
            self.conv_layers.append(conv_layer)

    def forward(self, input):
        b, c, d = input.shape[:3]
        k = self.kernel_size[0]
        outs = []
        for i in range(d - k + 1):
            acc = 0
            for j in range(k):
                acc = acc + self.conv_layers[j](input[:, :, i + j])
            outs.append(acc)
        out = torch.stack(outs, dim=2)
        if self.use_bias:
            out = out + self.bias.view(1, -1, *([1] * (self.num_dims)))
        return out


conv = convNd(2, 4, num_dims=3, kernel_size=3)
out = conv(torch.randn(1, 2, 5, 6, 6))
print("output finite:", torch.isfinite(out).all().item())
assert torch.isfinite(out).all(), "bias was never initialized (default bias_initializer=None)"
""", """
from typing import Callable, Tuple

import torch
import torch.nn as nn

# deterministic mode fills uninitialized memory with NaN, making the missing init visible
torch.use_deterministic_algorithms(True)


class convNd(nn.Module):
    # N-d convolution built from a stack of (N-1)-d torch convolutions
    def __init__(self, in_channels: int,
                 out_channels: int,
                 num_dims: int,
                 kernel_size: Tuple,
                 stride=1,
                 padding=0,
                 use_bias: bool = True,
                 bias_initializer: Callable = None,
                 kernel_initializer: Callable = None):
        super(convNd, self).__init__()
        if not isinstance(kernel_size, Tuple):
            kernel_size = tuple(kernel_size for _ in range(num_dims))
        self.conv_f = (nn.Conv1d, nn.Conv2d, nn.Conv3d)[num_dims - 2]
        self.in_channels = in_channels
        self.out_channels = out_channels
        self.num_dims = num_dims
        self.kernel_size = kernel_size
        self.use_bias = use_bias
        if use_bias:
            self.bias = nn.Parameter(torch.zeros(out_channels))
        else:
            self.register_parameter('bias', None)
        self.bias_initializer = bias_initializer
        self.kernel_initializer = kernel_initializer

        if self.bias_initializer is not None:
            if self.use_bias:
                self.bias_initializer(self.bias)
        # Use a ModuleList to store layers to make the ConvNd layer trainable
        self.conv_layers = torch.nn.ModuleList()
        for _ in range(self.kernel_size[0]):
            # bias should only be applied by the top most layer, so we disable bias in the internal convs
            conv_layer = self.conv_f(in_channels=self.in_channels,
                                     out_channels=self.out_channels,
                                     bias=False,
                                     kernel_size=self.kernel_size[1:])
            if self.kernel_initializer is not None:
                self.kernel_initializer(conv_layer.weight)
            self.conv_layers.append(conv_layer)

    def forward(self, input):
        b, c, d = input.shape[:3]
        k = self.kernel_size[0]
        outs = []
        for i in range(d - k + 1):
            acc = 0
            for j in range(k):
                acc = acc + self.conv_layers[j](input[:, :, i + j])
            outs.append(acc)
        out = torch.stack(outs, dim=2)
        if self.use_bias:
            out = out + self.bias.view(1, -1, *([1] * (self.num_dims)))
        return out


conv = convNd(2, 4, num_dims=3, kernel_size=3)
out = conv(torch.randn(1, 2, 5, 6, 6))
print("output finite:", torch.isfinite(out).all().item())
assert torch.isfinite(out).all(), "bias was never initialized (default bias_initializer=None)"
""", note='bad: convNd builds self.bias = nn.Parameter(torch.Tensor(out_channels)) and only initializes it if a bias_initializer is passed (default None), so the output is NaN under deterministic NaN-filling of uninitialized memory; assert fails. good: torch.zeros(out_channels) as in the fixing commit 4ff27bd (PR #6) -> finite output.'),
    case('open-mmlab-mmsegmentation-1069', 'https://github.com/open-mmlab/mmsegmentation/pull/1069', 'mmengine-helper-given-tensor', """
import math

import torch
import torch.nn as nn
from mmengine.model import BaseModule, constant_init, normal_init, trunc_normal_init


class MixFFN(BaseModule):
    def __init__(self, embed_dims, feedforward_channels, init_cfg=None):
        super(MixFFN, self).__init__(init_cfg)
        self.fc1 = nn.Conv2d(embed_dims, feedforward_channels, kernel_size=1, bias=True)
        self.pe_conv = nn.Conv2d(feedforward_channels, feedforward_channels, kernel_size=3, padding=1,
                                 bias=True, groups=feedforward_channels)
        self.fc2 = nn.Conv2d(feedforward_channels, embed_dims, kernel_size=1, bias=True)
        self.act = nn.GELU()

    def forward(self, x):
        return self.fc2(self.act(self.pe_conv(self.fc1(x))))


class MixVisionTransformer(BaseModule):
    def __init__(self, in_channels=3, embed_dims=32, num_classes=10, init_cfg=None):
        super(MixVisionTransformer, self).__init__(init_cfg=init_cfg)
        self.patch_embed = nn.Conv2d(in_channels, embed_dims, kernel_size=7, stride=4, padding=3)
        self.norm = nn.LayerNorm(embed_dims)
        self.ffn = MixFFN(embed_dims, embed_dims * 4)
        self.proj = nn.Linear(embed_dims, num_classes)

    def init_weights(self):
        if self.init_cfg is None:
            for m in self.modules():
                if isinstance(m, nn.Linear):
                    trunc_normal_init(m.weight, std=.02)
                    if m.bias is not None:
                        constant_init(m.bias, 0)
                elif isinstance(m, nn.LayerNorm):
                    constant_init(m.bias, 0)
                    constant_init(m.weight, 1.0)
                elif isinstance(m, nn.Conv2d):
                    fan_out = m.kernel_size[0] * m.kernel_size[
                        1] * m.out_channels
                    fan_out //= m.groups
                    normal_init(m.weight, 0, math.sqrt(2.0 / fan_out))
                    if m.bias is not None:
                        constant_init(m.bias, 0)
        else:
            super(MixVisionTransformer, self).init_weights()

    def forward(self, x):
        x = self.patch_embed(x)
        x = self.ffn(x)
        x = self.norm(x.flatten(2).transpose(1, 2)).mean(1)
        return self.proj(x)


model = MixVisionTransformer()
model.init_weights()
print("proj bias zero:", bool((model.proj.bias == 0).all()), " patch_embed bias zero:",
      bool((model.patch_embed.bias == 0).all()))
assert (model.proj.bias == 0).all() and (model.patch_embed.bias == 0).all(), (
    "helpers given a tensor silently did nothing: biases keep PyTorch's default init")
""", """
import math

import torch
import torch.nn as nn
from mmengine.model import BaseModule, constant_init, normal_init, trunc_normal_init


class MixFFN(BaseModule):
    def __init__(self, embed_dims, feedforward_channels, init_cfg=None):
        super(MixFFN, self).__init__(init_cfg)
        self.fc1 = nn.Conv2d(embed_dims, feedforward_channels, kernel_size=1, bias=True)
        self.pe_conv = nn.Conv2d(feedforward_channels, feedforward_channels, kernel_size=3, padding=1,
                                 bias=True, groups=feedforward_channels)
        self.fc2 = nn.Conv2d(feedforward_channels, embed_dims, kernel_size=1, bias=True)
        self.act = nn.GELU()

    def forward(self, x):
        return self.fc2(self.act(self.pe_conv(self.fc1(x))))


class MixVisionTransformer(BaseModule):
    def __init__(self, in_channels=3, embed_dims=32, num_classes=10, init_cfg=None):
        super(MixVisionTransformer, self).__init__(init_cfg=init_cfg)
        self.patch_embed = nn.Conv2d(in_channels, embed_dims, kernel_size=7, stride=4, padding=3)
        self.norm = nn.LayerNorm(embed_dims)
        self.ffn = MixFFN(embed_dims, embed_dims * 4)
        self.proj = nn.Linear(embed_dims, num_classes)

    def init_weights(self):
        if self.init_cfg is None:
            for m in self.modules():
                if isinstance(m, nn.Linear):
                    trunc_normal_init(m, std=.02, bias=0.)
                elif isinstance(m, nn.LayerNorm):
                    constant_init(m, val=1.0, bias=0.)
                elif isinstance(m, nn.Conv2d):
                    fan_out = m.kernel_size[0] * m.kernel_size[
                        1] * m.out_channels
                    fan_out //= m.groups
                    normal_init(m, 0, math.sqrt(2.0 / fan_out), 0)
        else:
            super(MixVisionTransformer, self).init_weights()

    def forward(self, x):
        x = self.patch_embed(x)
        x = self.ffn(x)
        x = self.norm(x.flatten(2).transpose(1, 2)).mean(1)
        return self.proj(x)


model = MixVisionTransformer()
model.init_weights()
print("proj bias zero:", bool((model.proj.bias == 0).all()), " patch_embed bias zero:",
      bool((model.patch_embed.bias == 0).all()))
assert (model.proj.bias == 0).all() and (model.patch_embed.bias == 0).all(), (
    "helpers given a tensor silently did nothing: biases keep PyTorch's default init")
""", note="bad: MixVisionTransformer.init_weights (loop over self.modules()) calls trunc_normal_init(m.weight, ...), constant_init(m.bias, 0), normal_init(m.weight, ...) - helpers that expect a module; given a tensor their hasattr(module, 'weight') checks fail and they silently do nothing, so Linear/Conv biases keep PyTorch's random default; the assert that biases are 0 fails. good: the PR's form trunc_normal_init(m, std=.02, bias=0.), constant_init(m, val=1.0, bias=0.), normal_init(m, 0, std, 0) -> biases 0. Uses the real mmengine.model helpers (same code as mmcv.cnn's, which the PR imported; mmcv is not installed)."),
    case('AntreasAntoniou-HowToTrainYourMAMLPytorch-4', 'https://github.com/AntreasAntoniou/HowToTrainYourMAMLPytorch/issues/4', 'undefined-self-attribute', """
import torch
import torch.nn as nn
import torch.nn.functional as F


class MetaConv2dLayer(nn.Module):
    # Conv2d that can also run with externally supplied (inner-loop) weights.
    def __init__(self, in_channels, out_channels, kernel_size, stride, padding, use_bias):
        super(MetaConv2dLayer, self).__init__()
        num_filters = out_channels
        self.stride = stride
        self.padding = padding
        self.use_bias = use_bias
        self.weight = nn.Parameter(torch.empty(num_filters, in_channels, kernel_size, kernel_size))
        nn.init.xavier_normal_(self.weight)

        if self.use_bias:
            self.bias = nn.Parameter(torch.zeros(num_filters))

    def forward(self, x, params=None):
        if params is not None:
            weight, bias = params["weight"], params.get("bias")
        else:
            if self.use_bias:
                weight, bias = self.weight, self.bias
            else:
                weight = self.weight
                bias = None
        return F.conv2d(input=x, weight=weight, bias=bias, stride=self.stride,
                        padding=self.padding, dilation=1, groups=1)


class BatchNormReLUConv(nn.Module):
    def __init__(self, input_shape, num_filters, kernel_size, stride, padding, use_bias):
        # BatchNorm -> ReLU -> Conv, built by running a dummy input through the block
        super(BatchNormReLUConv, self).__init__()

        self.input_shape = input_shape
        self.padding = padding
        self.stride = stride
        self.kernel_size = kernel_size
        self.num_filters = num_filters

        self.build_block()

    def build_block(self):
        x = torch.zeros(self.input_shape)
        out = x
        self.bn = nn.BatchNorm2d(out.shape[1], track_running_stats=True)
        out = self.bn(out)
        out = F.leaky_relu(out)
        self.conv = MetaConv2dLayer(in_channels=out.shape[1], out_channels=self.num_filters,
                                    kernel_size=self.kernel_size, stride=self.stride, padding=self.padding,
                                    use_bias=self.use_bias)
        out = self.conv(out)
        print("BatchNormReLUConv block is built", out.shape)

    def forward(self, x):
        out = self.conv(F.leaky_relu(self.bn(x)))
        return out


block = BatchNormReLUConv(input_shape=(2, 3, 8, 8), num_filters=16, kernel_size=3, stride=1, padding=1,
                          use_bias=True)
print(block(torch.randn(2, 3, 8, 8)).shape)
""", """
import torch
import torch.nn as nn
import torch.nn.functional as F


class MetaConv2dLayer(nn.Module):
    # Conv2d that can also run with externally supplied (inner-loop) weights.
    def __init__(self, in_channels, out_channels, kernel_size, stride, padding, use_bias):
        super(MetaConv2dLayer, self).__init__()
        num_filters = out_channels
        self.stride = stride
        self.padding = padding
        self.use_bias = use_bias
        self.weight = nn.Parameter(torch.empty(num_filters, in_channels, kernel_size, kernel_size))
        nn.init.xavier_normal_(self.weight)

        if self.use_bias:
            self.bias = nn.Parameter(torch.zeros(num_filters))

    def forward(self, x, params=None):
        if params is not None:
            weight, bias = params["weight"], params.get("bias")
        else:
            if self.use_bias:
                weight, bias = self.weight, self.bias
            else:
                weight = self.weight
                bias = None
        return F.conv2d(input=x, weight=weight, bias=bias, stride=self.stride,
                        padding=self.padding, dilation=1, groups=1)


class BatchNormReLUConv(nn.Module):
    def __init__(self, input_shape, num_filters, kernel_size, stride, padding, use_bias):
        # BatchNorm -> ReLU -> Conv, built by running a dummy input through the block
        super(BatchNormReLUConv, self).__init__()

        self.input_shape = input_shape
        self.padding = padding
        self.stride = stride
        self.kernel_size = kernel_size
        self.num_filters = num_filters
        self.use_bias = use_bias

        self.build_block()

    def build_block(self):
        x = torch.zeros(self.input_shape)
        out = x
        self.bn = nn.BatchNorm2d(out.shape[1], track_running_stats=True)
        out = self.bn(out)
        out = F.leaky_relu(out)
        self.conv = MetaConv2dLayer(in_channels=out.shape[1], out_channels=self.num_filters,
                                    kernel_size=self.kernel_size, stride=self.stride, padding=self.padding,
                                    use_bias=self.use_bias)
        out = self.conv(out)
        print("BatchNormReLUConv block is built", out.shape)

    def forward(self, x):
        out = self.conv(F.leaky_relu(self.bn(x)))
        return out


block = BatchNormReLUConv(input_shape=(2, 3, 8, 8), num_filters=16, kernel_size=3, stride=1, padding=1,
                          use_bias=True)
print(block(torch.randn(2, 3, 8, 8)).shape)
""", note="bad: BatchNormReLUConv.build_block builds its MetaConv2dLayer (xavier_normal_ weight, zero bias) with use_bias=self.use_bias, but __init__ never stores use_bias -> AttributeError: 'BatchNormReLUConv' object has no attribute 'use_bias' while building. good: self.use_bias = use_bias added in __init__, as the issue asked and the maintainer fixed -> block builds and runs."),
    case('deep-learning-with-pytorch-dlwpt-code-72', 'https://github.com/deep-learning-with-pytorch/dlwpt-code/issues/72', 'uniform-bounds-passed-to-normal', """
import math

import torch
import torch.nn as nn


class LunaBlock(nn.Module):
    def __init__(self, in_channels, conv_channels):
        super().__init__()
        self.conv1 = nn.Conv3d(in_channels, conv_channels, kernel_size=3, padding=1, bias=True)
        self.relu1 = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv3d(conv_channels, conv_channels, kernel_size=3, padding=1, bias=True)
        self.relu2 = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool3d(2, 2)

    def forward(self, input_batch):
        block_out = self.relu1(self.conv1(input_batch))
        block_out = self.relu2(self.conv2(block_out))
        return self.maxpool(block_out)


class LunaModel(nn.Module):
    def __init__(self, in_channels=1, conv_channels=32):
        super().__init__()
        self.tail_batchnorm = nn.BatchNorm3d(1)
        self.block1 = LunaBlock(in_channels, conv_channels)
        self.block2 = LunaBlock(conv_channels, conv_channels * 2)
        self.head_linear = nn.Linear(conv_channels * 2 * 2 * 4 * 4, 2)
        self.head_softmax = nn.Softmax(dim=1)

        self._init_weights()

    # see also https://github.com/pytorch/pytorch/issues/18182
    def _init_weights(self):
        for m in self.modules():
            if type(m) in {
                nn.Linear,
                nn.Conv3d,
                nn.Conv2d,
                nn.ConvTranspose2d,
                nn.ConvTranspose3d,
            }:
                nn.init.kaiming_normal_(
                    m.weight.data, a=0, mode='fan_out', nonlinearity='relu',
                )
                if m.bias is not None:
                    fan_in, fan_out = nn.init._calculate_fan_in_and_fan_out(m.weight.data)
                    bound = 1 / math.sqrt(fan_out)
                    nn.init.normal_(m.bias, -bound, bound)

    def forward(self, input_batch):
        bn_output = self.tail_batchnorm(input_batch)
        block_out = self.block2(self.block1(bn_output))
        conv_flat = block_out.view(block_out.size(0), -1)
        linear_output = self.head_linear(conv_flat)
        return linear_output, self.head_softmax(linear_output)


torch.manual_seed(0)
model = LunaModel()
conv_bias = torch.cat([model.block1.conv1.bias, model.block1.conv2.bias,
                       model.block2.conv1.bias, model.block2.conv2.bias])
print("mean conv bias:", conv_bias.mean().item())
assert conv_bias.mean().abs() < 0.02, "biases drawn from N(-bound, bound): systematically negative"
""", """
import math

import torch
import torch.nn as nn


class LunaBlock(nn.Module):
    def __init__(self, in_channels, conv_channels):
        super().__init__()
        self.conv1 = nn.Conv3d(in_channels, conv_channels, kernel_size=3, padding=1, bias=True)
        self.relu1 = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv3d(conv_channels, conv_channels, kernel_size=3, padding=1, bias=True)
        self.relu2 = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool3d(2, 2)

    def forward(self, input_batch):
        block_out = self.relu1(self.conv1(input_batch))
        block_out = self.relu2(self.conv2(block_out))
        return self.maxpool(block_out)


class LunaModel(nn.Module):
    def __init__(self, in_channels=1, conv_channels=32):
        super().__init__()
        self.tail_batchnorm = nn.BatchNorm3d(1)
        self.block1 = LunaBlock(in_channels, conv_channels)
        self.block2 = LunaBlock(conv_channels, conv_channels * 2)
        self.head_linear = nn.Linear(conv_channels * 2 * 2 * 4 * 4, 2)
        self.head_softmax = nn.Softmax(dim=1)

        self._init_weights()

    # see also https://github.com/pytorch/pytorch/issues/18182
    def _init_weights(self):
        for m in self.modules():
            if type(m) in {
                nn.Linear,
                nn.Conv3d,
                nn.Conv2d,
                nn.ConvTranspose2d,
                nn.ConvTranspose3d,
            }:
                nn.init.kaiming_normal_(
                    m.weight.data, a=0, mode='fan_out', nonlinearity='relu',
                )
                if m.bias is not None:
                    nn.init.zeros_(m.bias)

    def forward(self, input_batch):
        bn_output = self.tail_batchnorm(input_batch)
        block_out = self.block2(self.block1(bn_output))
        conv_flat = block_out.view(block_out.size(0), -1)
        linear_output = self.head_linear(conv_flat)
        return linear_output, self.head_softmax(linear_output)


torch.manual_seed(0)
model = LunaModel()
conv_bias = torch.cat([model.block1.conv1.bias, model.block1.conv2.bias,
                       model.block2.conv1.bias, model.block2.conv2.bias])
print("mean conv bias:", conv_bias.mean().item())
assert conv_bias.mean().abs() < 0.02, "biases drawn from N(-bound, bound): systematically negative"
""", note='bad: LunaModel._init_weights (exact-type dispatch over self.modules()) draws biases with nn.init.normal_(m.bias, -bound, bound), i.e. mean=-bound, std=bound (uniform-style bounds given to normal_), so conv biases are systematically negative (mean about -0.027 with seed 0); assert |mean| < 0.02 fails. good: the bias branch replaced by nn.init.zeros_(m.bias), as the reporter proposed and the author agreed -> mean 0.'),
    case('pytorch-examples-189', 'https://github.com/pytorch/examples/pull/189', 'nonexistent-init-function', """
import torch
import torch.nn as nn
import torch.nn.init as init


class Net(nn.Module):
    def __init__(self, upscale_factor):
        super(Net, self).__init__()

        self.relu = nn.ReLU()
        self.conv1 = nn.Conv2d(1, 64, (5, 5), (1, 1), (2, 2))
        self.conv2 = nn.Conv2d(64, 64, (3, 3), (1, 1), (1, 1))
        self.conv3 = nn.Conv2d(64, 32, (3, 3), (1, 1), (1, 1))
        self.conv4 = nn.Conv2d(32, upscale_factor ** 2, (3, 3), (1, 1), (1, 1))
        self.pixel_shuffle = nn.PixelShuffle(upscale_factor)

        self._initialize_weights()

    def forward(self, x):
        x = self.relu(self.conv1(x))
        x = self.relu(self.conv2(x))
        x = self.relu(self.conv3(x))
        x = self.pixel_shuffle(self.conv4(x))
        return x

    def _initialize_weights(self):
        init.orthogonal(self.conv1.weight, init.gain('relu'))
        init.orthogonal(self.conv2.weight, init.gain('relu'))
        init.orthogonal(self.conv3.weight, init.gain('relu'))
        init.orthogonal(self.conv4.weight)


model = Net(upscale_factor=3)
print(model(torch.randn(1, 1, 8, 8)).shape)
""", """
import torch
import torch.nn as nn
import torch.nn.init as init


class Net(nn.Module):
    def __init__(self, upscale_factor):
        super(Net, self).__init__()

        self.relu = nn.ReLU()
        self.conv1 = nn.Conv2d(1, 64, (5, 5), (1, 1), (2, 2))
        self.conv2 = nn.Conv2d(64, 64, (3, 3), (1, 1), (1, 1))
        self.conv3 = nn.Conv2d(64, 32, (3, 3), (1, 1), (1, 1))
        self.conv4 = nn.Conv2d(32, upscale_factor ** 2, (3, 3), (1, 1), (1, 1))
        self.pixel_shuffle = nn.PixelShuffle(upscale_factor)

        self._initialize_weights()

    def forward(self, x):
        x = self.relu(self.conv1(x))
        x = self.relu(self.conv2(x))
        x = self.relu(self.conv3(x))
        x = self.pixel_shuffle(self.conv4(x))
        return x

    def _initialize_weights(self):
        init.orthogonal(self.conv1.weight, init.calculate_gain('relu'))
        init.orthogonal(self.conv2.weight, init.calculate_gain('relu'))
        init.orthogonal(self.conv3.weight, init.calculate_gain('relu'))
        init.orthogonal(self.conv4.weight)


model = Net(upscale_factor=3)
print(model(torch.randn(1, 1, 8, 8)).shape)
""", note="bad: super_resolution Net._initialize_weights calls init.orthogonal(self.conv1.weight, init.gain('relu')) -> AttributeError: module 'torch.nn.init' has no attribute 'gain' (reported in the PR thread). good: init.calculate_gain('relu') as fixed by follow-up PR #192 -> runs. The twin keeps the deprecated init.orthogonal spelling, as that fix did (it only renamed gain)."),

    # ---- collector B ------------------------------------------------------------------------------------------
    case("open-mmlab-mmdetection-91", "https://github.com/open-mmlab/mmdetection/issues/91",
         "unguarded-bias-init-in-helper", """
import torch
import torch.nn as nn


def xavier_init(module, gain=1, bias=0, distribution='normal'):
    assert distribution in ['uniform', 'normal']
    if distribution == 'uniform':
        nn.init.xavier_uniform_(module.weight, gain=gain)
    else:
        nn.init.xavier_normal_(module.weight, gain=gain)
    if hasattr(module, 'bias'):
        nn.init.constant_(module.bias, bias)


class ConvModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size, padding=0, normalize=None):
        super(ConvModule, self).__init__()
        self.with_norm = normalize is not None
        self.conv = nn.Conv2d(in_channels, out_channels, kernel_size,
                              padding=padding, bias=not self.with_norm)
        if self.with_norm:
            self.norm = nn.GroupNorm(normalize['num_groups'], out_channels)
        self.activate = nn.ReLU(inplace=True)

    def forward(self, x):
        x = self.conv(x)
        if self.with_norm:
            x = self.norm(x)
        return self.activate(x)


class FPN(nn.Module):
    def __init__(self, in_channels, out_channels, normalize=None):
        super(FPN, self).__init__()
        self.lateral_convs = nn.ModuleList()
        self.fpn_convs = nn.ModuleList()
        for c in in_channels:
            self.lateral_convs.append(ConvModule(c, out_channels, 1, normalize=normalize))
            self.fpn_convs.append(ConvModule(out_channels, out_channels, 3, padding=1,
                                             normalize=normalize))

    def init_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                xavier_init(m, distribution='uniform')

    def forward(self, inputs):
        laterals = [l(x) for l, x in zip(self.lateral_convs, inputs)]
        return [f(x) for f, x in zip(self.fpn_convs, laterals)]


neck = FPN([8, 16], 8, normalize=dict(type='GN', num_groups=4))
neck.init_weights()
print(neck.lateral_convs[0].conv.bias)
""", """
import torch
import torch.nn as nn


def xavier_init(module, gain=1, bias=0, distribution='normal'):
    assert distribution in ['uniform', 'normal']
    if distribution == 'uniform':
        nn.init.xavier_uniform_(module.weight, gain=gain)
    else:
        nn.init.xavier_normal_(module.weight, gain=gain)
    if hasattr(module, 'bias') and module.bias is not None:
        nn.init.constant_(module.bias, bias)


class ConvModule(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size, padding=0, normalize=None):
        super(ConvModule, self).__init__()
        self.with_norm = normalize is not None
        self.conv = nn.Conv2d(in_channels, out_channels, kernel_size,
                              padding=padding, bias=not self.with_norm)
        if self.with_norm:
            self.norm = nn.GroupNorm(normalize['num_groups'], out_channels)
        self.activate = nn.ReLU(inplace=True)

    def forward(self, x):
        x = self.conv(x)
        if self.with_norm:
            x = self.norm(x)
        return self.activate(x)


class FPN(nn.Module):
    def __init__(self, in_channels, out_channels, normalize=None):
        super(FPN, self).__init__()
        self.lateral_convs = nn.ModuleList()
        self.fpn_convs = nn.ModuleList()
        for c in in_channels:
            self.lateral_convs.append(ConvModule(c, out_channels, 1, normalize=normalize))
            self.fpn_convs.append(ConvModule(out_channels, out_channels, 3, padding=1,
                                             normalize=normalize))

    def init_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                xavier_init(m, distribution='uniform')

    def forward(self, inputs):
        laterals = [l(x) for l, x in zip(self.lateral_convs, inputs)]
        return [f(x) for f, x in zip(self.fpn_convs, laterals)]


neck = FPN([8, 16], 8, normalize=dict(type='GN', num_groups=4))
neck.init_weights()
print(neck.lateral_convs[0].conv.bias)
""", note="bad: init_weights raises AttributeError 'NoneType' object has no attribute 'fill_' (hasattr(m,'bias') is True for "
          "bias=False convs built when GN normalize is on), as in the report; good: runs, prints None. The unguarded "
          "write sits in the xavier_init helper the isinstance(nn.Conv2d) branch calls; fix adds 'module.bias is not None' "
          "as mmcv's weight_init did."),

    case("huggingface-pytorch-image-models-1063", "https://github.com/huggingface/pytorch-image-models/pull/1063",
         "unguarded-norm-weight-zero-init", """
from functools import partial
import torch
import torch.nn as nn


class BatchNormAct2d(nn.BatchNorm2d):
    def __init__(self, num_features, eps=1e-5, momentum=0.1, affine=True, act_layer=nn.ReLU):
        super().__init__(num_features, eps=eps, momentum=momentum, affine=affine)
        self.act = act_layer(inplace=True)

    def forward(self, x):
        return self.act(super().forward(x))


class LayerFn:
    def __init__(self, norm_act=BatchNormAct2d):
        self.norm_act = norm_act


class ConvBnAct(nn.Module):
    def __init__(self, in_chs, out_chs, kernel_size=1, stride=1, norm_layer=BatchNormAct2d):
        super().__init__()
        self.conv = nn.Conv2d(in_chs, out_chs, kernel_size, stride, kernel_size // 2, bias=False)
        self.bn = norm_layer(out_chs)

    def forward(self, x):
        return self.bn(self.conv(x))


class BottleneckBlock(nn.Module):
    def __init__(self, in_chs, out_chs, mid_chs, layers: LayerFn):
        super().__init__()
        self.shortcut = ConvBnAct(in_chs, out_chs, 1, norm_layer=layers.norm_act)
        self.conv1_1x1 = ConvBnAct(in_chs, mid_chs, 1, norm_layer=layers.norm_act)
        self.conv2_kxk = ConvBnAct(mid_chs, mid_chs, 3, norm_layer=layers.norm_act)
        self.conv3_1x1 = ConvBnAct(mid_chs, out_chs, 1, norm_layer=layers.norm_act)

    def init_weights(self, zero_init_last: bool = False):
        if zero_init_last and self.shortcut is not None:
            nn.init.zeros_(self.conv3_1x1.bn.weight)

    def forward(self, x):
        return self.conv3_1x1(self.conv2_kxk(self.conv1_1x1(x))) + self.shortcut(x)


# gernet_s style config: norm_layer=partial(BatchNormAct2d, affine=False)
layers = LayerFn(norm_act=partial(BatchNormAct2d, affine=False))
blocks = nn.Sequential(BottleneckBlock(8, 16, 4, layers), BottleneckBlock(16, 16, 4, layers))
for m in blocks:
    m.init_weights(zero_init_last=True)
print(blocks(torch.randn(2, 8, 5, 5)).shape)
""", """
from functools import partial
import torch
import torch.nn as nn


class BatchNormAct2d(nn.BatchNorm2d):
    def __init__(self, num_features, eps=1e-5, momentum=0.1, affine=True, act_layer=nn.ReLU):
        super().__init__(num_features, eps=eps, momentum=momentum, affine=affine)
        self.act = act_layer(inplace=True)

    def forward(self, x):
        return self.act(super().forward(x))


class LayerFn:
    def __init__(self, norm_act=BatchNormAct2d):
        self.norm_act = norm_act


class ConvBnAct(nn.Module):
    def __init__(self, in_chs, out_chs, kernel_size=1, stride=1, norm_layer=BatchNormAct2d):
        super().__init__()
        self.conv = nn.Conv2d(in_chs, out_chs, kernel_size, stride, kernel_size // 2, bias=False)
        self.bn = norm_layer(out_chs)

    def forward(self, x):
        return self.bn(self.conv(x))


class BottleneckBlock(nn.Module):
    def __init__(self, in_chs, out_chs, mid_chs, layers: LayerFn):
        super().__init__()
        self.shortcut = ConvBnAct(in_chs, out_chs, 1, norm_layer=layers.norm_act)
        self.conv1_1x1 = ConvBnAct(in_chs, mid_chs, 1, norm_layer=layers.norm_act)
        self.conv2_kxk = ConvBnAct(mid_chs, mid_chs, 3, norm_layer=layers.norm_act)
        self.conv3_1x1 = ConvBnAct(mid_chs, out_chs, 1, norm_layer=layers.norm_act)

    def init_weights(self, zero_init_last: bool = False):
        if zero_init_last and self.shortcut is not None and self.conv3_1x1.bn.weight is not None:
            nn.init.zeros_(self.conv3_1x1.bn.weight)

    def forward(self, x):
        return self.conv3_1x1(self.conv2_kxk(self.conv1_1x1(x))) + self.shortcut(x)


# gernet_s style config: norm_layer=partial(BatchNormAct2d, affine=False)
layers = LayerFn(norm_act=partial(BatchNormAct2d, affine=False))
blocks = nn.Sequential(BottleneckBlock(8, 16, 4, layers), BottleneckBlock(16, 16, 4, layers))
for m in blocks:
    m.init_weights(zero_init_last=True)
print(blocks(torch.randn(2, 8, 5, 5)).shape)
""", note="bad: init_weights raises AttributeError 'NoneType' object has no attribute 'zero_' because the norm layer comes "
          "from partial(BatchNormAct2d, affine=False) (the report's gernet_s config); good: runs, prints the output shape. "
          "Fix is the PR's: add 'and self.conv3_1x1.bn.weight is not None' to the condition. The norm layer is built "
          "through a factory (a partial held in LayerFn) inside a helper class, and the init is under a condition.",
         scope="An init under a condition, and a layer whose constructions are not all known (one built by a factory"),

    case("e-com-net-1549897023019356160", "https://e-com-net.com/article/1549897023019356160.htm",
         "class-name-substring-matches-wrapper", """
from collections import OrderedDict
import torch
import torch.nn as nn


def weights_init_normal(m):
    classname = m.__class__.__name__
    if classname.find("Conv") != -1:
        torch.nn.init.normal_(m.weight.data, 0.0, 0.02)
    elif classname.find("BatchNorm2d") != -1:
        torch.nn.init.normal_(m.weight.data, 1.0, 0.02)
        torch.nn.init.constant_(m.bias.data, 0.0)


class ConvBlockInit(nn.Module):
    def __init__(self, in_channels, out_channels):
        super(ConvBlockInit, self).__init__()
        self.init_conv = nn.Sequential(OrderedDict([
            ("conv0", nn.Conv2d(in_channels, out_channels, kernel_size=7, stride=1, padding=3, bias=False)),
            ("batchnorm0", nn.BatchNorm2d(out_channels)),
            ("relu0", nn.ReLU(inplace=True)),
        ]))

    def forward(self, x):
        return self.init_conv(x)


net = ConvBlockInit(3, 16)
net.apply(weights_init_normal)
print(net.init_conv.conv0.weight.std().item())
""", """
from collections import OrderedDict
import torch
import torch.nn as nn


def weights_init_normal(m):
    if isinstance(m, nn.Conv2d):
        torch.nn.init.normal_(m.weight.data, 0.0, 0.02)
    elif isinstance(m, (nn.BatchNorm2d, nn.GroupNorm)):
        torch.nn.init.normal_(m.weight.data, 1.0, 0.02)
        torch.nn.init.constant_(m.bias.data, 0.0)


class ConvBlockInit(nn.Module):
    def __init__(self, in_channels, out_channels):
        super(ConvBlockInit, self).__init__()
        self.init_conv = nn.Sequential(OrderedDict([
            ("conv0", nn.Conv2d(in_channels, out_channels, kernel_size=7, stride=1, padding=3, bias=False)),
            ("batchnorm0", nn.BatchNorm2d(out_channels)),
            ("relu0", nn.ReLU(inplace=True)),
        ]))

    def forward(self, x):
        return self.init_conv(x)


net = ConvBlockInit(3, 16)
net.apply(weights_init_normal)
print(net.init_conv.conv0.weight.std().item())
""", note="bad: net.apply raises AttributeError 'ConvBlockInit' object has no attribute 'weight' (the 'Conv' substring "
          "matches the project class ConvBlockInit, which apply visits last), exactly the error in the post; good: "
          "isinstance dispatch as the post recommends, runs, conv0 weight std is about 0.02."),

    case("espnet-espnet-4555", "https://github.com/espnet/espnet/issues/4555",
         "bias-detected-by-ndim-zeros-norm-weight", """
import math
import torch
import torch.nn as nn


def initialize(model: nn.Module, init: str):
    if init == "xavier_uniform":
        for p in model.parameters():
            if p.dim() > 1:
                nn.init.xavier_uniform_(p.data)
    # bias init
    for p in model.parameters():
        if p.dim() == 1:
            p.data.zero_()
    # reset some modules with default init
    for m in model.modules():
        if isinstance(m, (nn.Embedding, nn.LayerNorm)):
            m.reset_parameters()


class ConvModule(nn.Module):
    def __init__(self, channels, kernel_size=3):
        super().__init__()
        self.pointwise_conv1 = nn.Conv1d(channels, channels, 1)
        self.depthwise_conv = nn.Conv1d(channels, channels, kernel_size, padding=kernel_size // 2, groups=channels)
        self.norm = nn.BatchNorm1d(channels)
        self.activation = nn.ReLU()

    def forward(self, x):
        return self.activation(self.norm(self.depthwise_conv(self.pointwise_conv1(x))))


model = ConvModule(8)
initialize(model, "xavier_uniform")
out = model(torch.randn(4, 8, 10))
print(model.norm.weight.abs().sum().item(), out.abs().sum().item())
""", """
import math
import torch
import torch.nn as nn


def initialize(model: nn.Module, init: str):
    if init == "xavier_uniform":
        for p in model.parameters():
            if p.dim() > 1:
                nn.init.xavier_uniform_(p.data)
    # bias init
    for name, p in model.named_parameters():
        if ".bias" in name and p.dim() == 1:
            p.data.zero_()
    # reset some modules with default init
    for m in model.modules():
        if isinstance(m, (nn.Embedding, nn.LayerNorm)):
            m.reset_parameters()


class ConvModule(nn.Module):
    def __init__(self, channels, kernel_size=3):
        super().__init__()
        self.pointwise_conv1 = nn.Conv1d(channels, channels, 1)
        self.depthwise_conv = nn.Conv1d(channels, channels, kernel_size, padding=kernel_size // 2, groups=channels)
        self.norm = nn.BatchNorm1d(channels)
        self.activation = nn.ReLU()

    def forward(self, x):
        return self.activation(self.norm(self.depthwise_conv(self.pointwise_conv1(x))))


model = ConvModule(8)
initialize(model, "xavier_uniform")
out = model(torch.randn(4, 8, 10))
print(model.norm.weight.abs().sum().item(), out.abs().sum().item())
""", note="bad: the p.dim()==1 'bias' rule also zeroes BatchNorm1d.weight, so the module always outputs zeros (prints "
          "0.0 0.0), the symptom in the report; good: only parameters named '.bias' are zeroed (the check the "
          "fixing PR #4574 introduced), norm weight stays 1 and the output is non-zero. No rule of the INI2xx text "
          "claims this shape."),

    case("datawhalechina-torch-rechub-176", "https://github.com/datawhalechina/torch-rechub/pull/176",
         "embedding-initializer-ignores-padding-idx", """
import torch
import torch.nn as nn


class RandomNormal(object):
    def __init__(self, mean=0.0, std=1.0):
        self.mean = mean
        self.std = std

    def __call__(self, vocab_size, embed_dim):
        embed = torch.nn.Embedding(vocab_size, embed_dim)
        torch.nn.init.normal_(embed.weight, self.mean, self.std)
        return embed


class SequenceFeature(object):
    def __init__(self, name, vocab_size, embed_dim=4, pooling="mean", padding_idx=None,
                 initializer=RandomNormal(0, 0.0001)):
        self.name = name
        self.vocab_size = vocab_size
        self.embed_dim = embed_dim
        self.pooling = pooling
        self.padding_idx = padding_idx
        self.initializer = initializer

    def get_embedding_layer(self):
        return self.initializer(self.vocab_size, self.embed_dim)


class EmbeddingLayer(nn.Module):
    def __init__(self, features):
        super().__init__()
        self.embed_dict = nn.ModuleDict()
        for fea in features:
            self.embed_dict[fea.name] = fea.get_embedding_layer()

    def forward(self, name, x):
        return self.embed_dict[name](x)


feat = SequenceFeature("hist_item", vocab_size=10, embed_dim=4, padding_idx=0)
layer = EmbeddingLayer([feat])
print(layer("hist_item", torch.tensor([[0, 3]]))[0, 0].abs().sum().item())
""", """
import torch
import torch.nn as nn


class RandomNormal(object):
    def __init__(self, mean=0.0, std=1.0):
        self.mean = mean
        self.std = std

    def __call__(self, vocab_size, embed_dim, padding_idx=None):
        embed = torch.nn.Embedding(vocab_size, embed_dim, padding_idx=padding_idx)
        torch.nn.init.normal_(embed.weight, self.mean, self.std)
        if padding_idx is not None:
            with torch.no_grad():
                embed.weight[padding_idx].fill_(0)
        return embed


class SequenceFeature(object):
    def __init__(self, name, vocab_size, embed_dim=4, pooling="mean", padding_idx=None,
                 initializer=RandomNormal(0, 0.0001)):
        self.name = name
        self.vocab_size = vocab_size
        self.embed_dim = embed_dim
        self.pooling = pooling
        self.padding_idx = padding_idx
        self.initializer = initializer

    def get_embedding_layer(self):
        return self.initializer(self.vocab_size, self.embed_dim, padding_idx=self.padding_idx)


class EmbeddingLayer(nn.Module):
    def __init__(self, features):
        super().__init__()
        self.embed_dict = nn.ModuleDict()
        for fea in features:
            self.embed_dict[fea.name] = fea.get_embedding_layer()

    def forward(self, name, x):
        return self.embed_dict[name](x)


feat = SequenceFeature("hist_item", vocab_size=10, embed_dim=4, padding_idx=0)
layer = EmbeddingLayer([feat])
print(layer("hist_item", torch.tensor([[0, 3]]))[0, 0].abs().sum().item())
""", note="bad: the initializer object builds the Embedding without the feature's padding_idx and normal_-inits the "
          "whole table, so the padding token's vector is random (prints a non-zero sum); good: the PR's fix passes "
          "padding_idx through feature -> initializer, builds the Embedding with it and zeroes that row after the init "
          "(prints 0.0). The Embedding is never built with padding_idx in the bad program, so INI205's text (an "
          "Embedding built with padding_idx) does not claim it."),

    case("amirgholami-anode-2", "https://github.com/amirgholami/anode/issues/2",
         "weight-init-nested-under-bias-guard", """
import torch
import torch.nn as nn
import torch.nn.init as init


class BasicBlock(nn.Module):
    def __init__(self, in_planes, planes):
        super(BasicBlock, self).__init__()
        self.conv1 = nn.Conv2d(in_planes, planes, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)

    def forward(self, x):
        out = torch.relu(self.bn1(self.conv1(x)))
        return torch.relu(self.bn2(self.conv2(out)) + x)


class ResNet(nn.Module):
    def __init__(self):
        super(ResNet, self).__init__()
        self.conv1 = nn.Conv2d(3, 8, 3, padding=1, bias=False)
        self.layer = nn.Sequential(BasicBlock(8, 8), BasicBlock(8, 8))
        self.fc = nn.Linear(8, 10)

    def forward(self, x):
        x = self.layer(self.conv1(x))
        return self.fc(x.mean((2, 3)))


def conv_init(m):
    if isinstance(m, nn.Conv2d):
        if m.bias is not None:
            init.xavier_uniform_(m.weight, gain=2 ** 0.5)
            init.constant_(m.bias, 0)


torch.manual_seed(0)
net = ResNet()
before = net.conv1.weight.detach().clone()
net.apply(conv_init)
print(torch.equal(before, net.conv1.weight))
""", """
import torch
import torch.nn as nn
import torch.nn.init as init


class BasicBlock(nn.Module):
    def __init__(self, in_planes, planes):
        super(BasicBlock, self).__init__()
        self.conv1 = nn.Conv2d(in_planes, planes, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)

    def forward(self, x):
        out = torch.relu(self.bn1(self.conv1(x)))
        return torch.relu(self.bn2(self.conv2(out)) + x)


class ResNet(nn.Module):
    def __init__(self):
        super(ResNet, self).__init__()
        self.conv1 = nn.Conv2d(3, 8, 3, padding=1, bias=False)
        self.layer = nn.Sequential(BasicBlock(8, 8), BasicBlock(8, 8))
        self.fc = nn.Linear(8, 10)

    def forward(self, x):
        x = self.layer(self.conv1(x))
        return self.fc(x.mean((2, 3)))


def conv_init(m):
    if isinstance(m, nn.Conv2d):
        init.xavier_uniform_(m.weight, gain=2 ** 0.5)
        if m.bias is not None:
            init.constant_(m.bias, 0)


torch.manual_seed(0)
net = ResNet()
before = net.conv1.weight.detach().clone()
net.apply(conv_init)
print(torch.equal(before, net.conv1.weight))
""", note="bad: every Conv2d is built with bias=False, so the weight init nested under 'if m.bias is not None' never "
          "runs and all conv weights keep PyTorch's default (prints True: weight unchanged), which is what the report "
          "says; good: the Xavier init is moved out of the bias guard (the issue is still open; the fix follows the "
          "report's point), weights change (prints False). Rebuilt from the idiom the report describes (train.py#L87 "
          "not shown in full)."),

    # ---- collector C ------------------------------------------------------------------------------------------
    case('GitLanx-Semantic-Segmentation-PyTorch-1', 'https://github.com/GitLanx/Semantic-Segmentation-PyTorch/issues/1', 'init-method-never-called', """
import numpy as np
import torch
import torch.nn as nn


def get_upsampling_weight(in_channels, out_channels, kernel_size):
    factor = (kernel_size + 1) // 2
    center = factor - 1 if kernel_size % 2 == 1 else factor - 0.5
    og = np.ogrid[:kernel_size, :kernel_size]
    filt = (1 - abs(og[0] - center) / factor) * (1 - abs(og[1] - center) / factor)
    weight = np.zeros((in_channels, out_channels, kernel_size, kernel_size), dtype=np.float64)
    weight[range(in_channels), range(out_channels), :, :] = filt
    return torch.from_numpy(weight).float()


class FCN32s(nn.Module):
    def __init__(self, n_classes=21):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 16, 3, padding=100), nn.ReLU(inplace=True), nn.MaxPool2d(2, 2, ceil_mode=True),
            nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(inplace=True), nn.MaxPool2d(2, 2, ceil_mode=True),
        )
        self.score = nn.Conv2d(32, n_classes, 1)
        self.upscore = nn.ConvTranspose2d(n_classes, n_classes, 8, stride=4, bias=False)

    def init_weight(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                m.weight.data.zero_()
                if m.bias is not None:
                    m.bias.data.zero_()
            if isinstance(m, nn.ConvTranspose2d):
                assert m.kernel_size[0] == m.kernel_size[1]
                initial_weight = get_upsampling_weight(m.in_channels, m.out_channels, m.kernel_size[0])
                m.weight.data.copy_(initial_weight)

    def forward(self, x):
        h = self.score(self.features(x))
        return self.upscore(h)


model = FCN32s()
expected = get_upsampling_weight(21, 21, 8)
ok = torch.equal(model.upscore.weight.data, expected)
print("upscore is bilinear:", ok)
assert ok, "init_weight was never run: upscore keeps the default random init"
""", """
import numpy as np
import torch
import torch.nn as nn


def get_upsampling_weight(in_channels, out_channels, kernel_size):
    factor = (kernel_size + 1) // 2
    center = factor - 1 if kernel_size % 2 == 1 else factor - 0.5
    og = np.ogrid[:kernel_size, :kernel_size]
    filt = (1 - abs(og[0] - center) / factor) * (1 - abs(og[1] - center) / factor)
    weight = np.zeros((in_channels, out_channels, kernel_size, kernel_size), dtype=np.float64)
    weight[range(in_channels), range(out_channels), :, :] = filt
    return torch.from_numpy(weight).float()


class FCN32s(nn.Module):
    def __init__(self, n_classes=21):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 16, 3, padding=100), nn.ReLU(inplace=True), nn.MaxPool2d(2, 2, ceil_mode=True),
            nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(inplace=True), nn.MaxPool2d(2, 2, ceil_mode=True),
        )
        self.score = nn.Conv2d(32, n_classes, 1)
        self.upscore = nn.ConvTranspose2d(n_classes, n_classes, 8, stride=4, bias=False)
        self.init_weight()

    def init_weight(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                m.weight.data.zero_()
                if m.bias is not None:
                    m.bias.data.zero_()
            if isinstance(m, nn.ConvTranspose2d):
                assert m.kernel_size[0] == m.kernel_size[1]
                initial_weight = get_upsampling_weight(m.in_channels, m.out_channels, m.kernel_size[0])
                m.weight.data.copy_(initial_weight)

    def forward(self, x):
        h = self.score(self.features(x))
        return self.upscore(h)


model = FCN32s()
expected = get_upsampling_weight(21, 21, 8)
ok = torch.equal(model.upscore.weight.data, expected)
print("upscore is bilinear:", ok)
assert ok, "init_weight was never run: upscore keeps the default random init"
""", note="bad: FCN's init_weight (zero convs, bilinear ConvTranspose2d) is defined but never called, upscore.weight is not the bilinear kernel -> AssertionError; good: __init__ ends with self.init_weight(), upscore.weight equals the bilinear kernel (ran both with torch 2.13 CPU). Report asks why the completed init_weight() is never called."),
    case('open-mmlab-mmdetection-70', 'https://github.com/open-mmlab/mmdetection/issues/70', 'init-method-never-called', """
import torch
import torch.nn as nn


class ConvModule(nn.Module):
    def __init__(self, cin, cout, k, padding=0):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, k, padding=padding)
        self.activate = nn.ReLU(inplace=True)
        nn.init.kaiming_normal_(self.conv.weight, mode='fan_out', nonlinearity='relu')
        nn.init.constant_(self.conv.bias, 0)

    def forward(self, x):
        return self.activate(self.conv(x))


class RPNHead(nn.Module):
    def __init__(self, cin=16):
        super().__init__()
        self.rpn_conv = nn.Conv2d(cin, cin, 3, padding=1)
        self.rpn_cls = nn.Conv2d(cin, 3, 1)

    def init_weights(self):
        for m in [self.rpn_conv, self.rpn_cls]:
            nn.init.normal_(m.weight, 0, 0.01)
            nn.init.constant_(m.bias, 0)


class BBoxHead(nn.Module):
    def __init__(self, cin=16 * 7 * 7, num_classes=5):
        super().__init__()
        self.fc_cls = nn.Linear(cin, num_classes)
        self.fc_reg = nn.Linear(cin, num_classes * 4)

    def init_weights(self):
        nn.init.normal_(self.fc_cls.weight, 0, 0.01)
        nn.init.constant_(self.fc_cls.bias, 0)
        nn.init.normal_(self.fc_reg.weight, 0, 0.001)
        nn.init.constant_(self.fc_reg.bias, 0)


class FCNMaskHead(nn.Module):
    def __init__(self, cin=16, num_convs=2, num_classes=5):
        super().__init__()
        self.convs = nn.ModuleList([ConvModule(cin, cin, 3, padding=1) for _ in range(num_convs)])
        self.upsample = nn.ConvTranspose2d(cin, cin, 2, stride=2)
        self.relu = nn.ReLU(inplace=True)
        self.conv_logits = nn.Conv2d(cin, num_classes, 1)

    def init_weights(self):
        for m in [self.upsample, self.conv_logits]:
            nn.init.kaiming_normal_(m.weight, mode='fan_out', nonlinearity='relu')
            nn.init.constant_(m.bias, 0)

    def forward(self, x):
        for conv in self.convs:
            x = conv(x)
        return self.conv_logits(self.relu(self.upsample(x)))


class TwoStageDetector(nn.Module):
    def __init__(self, with_mask=True):
        super().__init__()
        self.backbone = nn.Conv2d(3, 16, 3, padding=1)
        self.rpn_head = RPNHead()
        self.bbox_head = BBoxHead()
        self.with_mask = with_mask
        if with_mask:
            self.mask_head = FCNMaskHead()
        self.init_weights()

    def init_weights(self):
        nn.init.kaiming_normal_(self.backbone.weight)
        self.rpn_head.init_weights()
        self.bbox_head.init_weights()


model = TwoStageDetector()
ok = bool((model.mask_head.conv_logits.bias == 0).all())
print("mask head conv_logits bias zeroed:", ok)
assert ok, "FCNMaskHead.init_weights was never called"
""", """
import torch
import torch.nn as nn


class ConvModule(nn.Module):
    def __init__(self, cin, cout, k, padding=0):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, k, padding=padding)
        self.activate = nn.ReLU(inplace=True)
        nn.init.kaiming_normal_(self.conv.weight, mode='fan_out', nonlinearity='relu')
        nn.init.constant_(self.conv.bias, 0)

    def forward(self, x):
        return self.activate(self.conv(x))


class RPNHead(nn.Module):
    def __init__(self, cin=16):
        super().__init__()
        self.rpn_conv = nn.Conv2d(cin, cin, 3, padding=1)
        self.rpn_cls = nn.Conv2d(cin, 3, 1)

    def init_weights(self):
        for m in [self.rpn_conv, self.rpn_cls]:
            nn.init.normal_(m.weight, 0, 0.01)
            nn.init.constant_(m.bias, 0)


class BBoxHead(nn.Module):
    def __init__(self, cin=16 * 7 * 7, num_classes=5):
        super().__init__()
        self.fc_cls = nn.Linear(cin, num_classes)
        self.fc_reg = nn.Linear(cin, num_classes * 4)

    def init_weights(self):
        nn.init.normal_(self.fc_cls.weight, 0, 0.01)
        nn.init.constant_(self.fc_cls.bias, 0)
        nn.init.normal_(self.fc_reg.weight, 0, 0.001)
        nn.init.constant_(self.fc_reg.bias, 0)


class FCNMaskHead(nn.Module):
    def __init__(self, cin=16, num_convs=2, num_classes=5):
        super().__init__()
        self.convs = nn.ModuleList([ConvModule(cin, cin, 3, padding=1) for _ in range(num_convs)])
        self.upsample = nn.ConvTranspose2d(cin, cin, 2, stride=2)
        self.relu = nn.ReLU(inplace=True)
        self.conv_logits = nn.Conv2d(cin, num_classes, 1)

    def init_weights(self):
        for m in [self.upsample, self.conv_logits]:
            nn.init.kaiming_normal_(m.weight, mode='fan_out', nonlinearity='relu')
            nn.init.constant_(m.bias, 0)

    def forward(self, x):
        for conv in self.convs:
            x = conv(x)
        return self.conv_logits(self.relu(self.upsample(x)))


class TwoStageDetector(nn.Module):
    def __init__(self, with_mask=True):
        super().__init__()
        self.backbone = nn.Conv2d(3, 16, 3, padding=1)
        self.rpn_head = RPNHead()
        self.bbox_head = BBoxHead()
        self.with_mask = with_mask
        if with_mask:
            self.mask_head = FCNMaskHead()
        self.init_weights()

    def init_weights(self):
        nn.init.kaiming_normal_(self.backbone.weight)
        self.rpn_head.init_weights()
        self.bbox_head.init_weights()
        if self.with_mask:
            self.mask_head.init_weights()


model = TwoStageDetector()
ok = bool((model.mask_head.conv_logits.bias == 0).all())
print("mask head conv_logits bias zeroed:", ok)
assert ok, "FCNMaskHead.init_weights was never called"
""", note="bad: TwoStageDetector.init_weights calls backbone/rpn_head/bbox_head init but never mask_head.init_weights, so FCNMaskHead.conv_logits bias keeps PyTorch's default -> AssertionError; good: adds `if self.with_mask: self.mask_head.init_weights()` as the fix (PR #74) did, bias is 0. Stand-in classes for mmdet's heads."),
    case('Toni-SM-skrl-207', 'https://github.com/Toni-SM/skrl/issues/207', 'init-lazy-module-before-forward', """
import torch
import torch.nn as nn


class Model(nn.Module):
    def __init__(self, observation_space, action_space, device="cpu"):
        super().__init__()
        self.observation_space = observation_space
        self.action_space = action_space
        self.device = device

    def init_parameters(self, method_name="normal_", *args, **kwargs):
        for parameters in self.parameters():
            exec(f"torch.nn.init.{method_name}(parameters, *args, **kwargs)")


class DeterministicMixin:
    def act(self, inputs):
        return self.compute(inputs)


def deterministic_model(observation_space, action_space, layers=(64, 64), device="cpu"):
    class DeterministicModel(DeterministicMixin, Model):
        def __init__(self):
            Model.__init__(self, observation_space, action_space, device)
            self.net = nn.Sequential(
                nn.LazyLinear(layers[0]), nn.ReLU(),
                nn.LazyLinear(layers[1]), nn.ReLU(),
                nn.LazyLinear(action_space),
            )

        def compute(self, inputs):
            return self.net(inputs["states"])

    return DeterministicModel()


models = {}
models["q_network"] = deterministic_model(observation_space=4, action_space=2)
models["target_q_network"] = deterministic_model(observation_space=4, action_space=2)

for model in models.values():
    model.init_parameters(method_name="normal_", mean=0.0, std=0.1)

out = models["q_network"].act({"states": torch.zeros(1, 4)})
print("ok", out.shape)
""", """
import torch
import torch.nn as nn


class Model(nn.Module):
    def __init__(self, observation_space, action_space, device="cpu"):
        super().__init__()
        self.observation_space = observation_space
        self.action_space = action_space
        self.device = device

    def init_parameters(self, method_name="normal_", *args, **kwargs):
        for parameters in self.parameters():
            exec(f"torch.nn.init.{method_name}(parameters, *args, **kwargs)")


class DeterministicMixin:
    def act(self, inputs):
        return self.compute(inputs)


def deterministic_model(observation_space, action_space, layers=(64, 64), device="cpu"):
    class DeterministicModel(DeterministicMixin, Model):
        def __init__(self):
            Model.__init__(self, observation_space, action_space, device)
            self.net = nn.Sequential(
                nn.LazyLinear(layers[0]), nn.ReLU(),
                nn.LazyLinear(layers[1]), nn.ReLU(),
                nn.LazyLinear(action_space),
            )

        def compute(self, inputs):
            return self.net(inputs["states"])

    model = DeterministicModel()
    # materialize the lazy modules with a dummy batch before anyone initializes them
    with torch.no_grad():
        model.act({"states": torch.zeros(1, observation_space)})
    return model


models = {}
models["q_network"] = deterministic_model(observation_space=4, action_space=2)
models["target_q_network"] = deterministic_model(observation_space=4, action_space=2)

for model in models.values():
    model.init_parameters(method_name="normal_", mean=0.0, std=0.1)

out = models["q_network"].act({"states": torch.zeros(1, 4)})
print("ok", out.shape)
""", note="bad: the model instantiator builds nn.LazyLinear layers and the example calls model.init_parameters(method_name='normal_', ...) (exec of torch.nn.init.<name> over self.parameters()) before any forward -> ValueError 'Attempted to use an uninitialized parameter in normal_'; good: the instantiator runs a dummy batch through the model before returning it, init then runs and act() works. The exact upstream 1.4.0 fix is not shown in the report; the twin follows the fix the error message prescribes (forward a dummy batch first)."),
    case('huggingface-transformers-35437', 'https://github.com/huggingface/transformers/issues/35437', 'hf-init-in-constructor-lost', """
import tempfile
import torch
import torch.nn as nn
from transformers import PreTrainedModel, PretrainedConfig


class Config(PretrainedConfig):
    model_type = "toy_use_new"

    def __init__(self, use_new=False, **kwargs):
        self.use_new = use_new
        super().__init__(**kwargs)


class Model(PreTrainedModel):
    config_class = Config

    def __init__(self, config: Config):
        super().__init__(config)
        self.use_new = config.use_new
        self.proj = nn.Linear(10, 10, bias=False)
        if self.use_new:
            # new branch added after the checkpoint was saved: start it as identity
            self.new_proj = nn.Linear(10, 10, bias=False)
            with torch.no_grad():
                self.new_proj.weight.copy_(torch.eye(10))
        self.post_init()

    def _init_weights(self, module):
        if isinstance(module, nn.Linear):
            nn.init.normal_(module.weight, std=0.02)

    def forward(self, x):
        x = self.proj(x)
        if self.use_new:
            x = self.new_proj(x)
        return x


with tempfile.TemporaryDirectory() as d:
    Model(Config(use_new=False)).save_pretrained(d)
    model = Model.from_pretrained(d, use_new=True)
    ok = torch.allclose(model.new_proj.weight, torch.eye(10))
    print("new_proj is identity:", ok)
    assert ok, "new_proj lost its __init__ initialization"
""", """
import tempfile
import torch
import torch.nn as nn
from transformers import PreTrainedModel, PretrainedConfig


class Config(PretrainedConfig):
    model_type = "toy_use_new"

    def __init__(self, use_new=False, **kwargs):
        self.use_new = use_new
        super().__init__(**kwargs)


class Model(PreTrainedModel):
    config_class = Config

    def __init__(self, config: Config):
        super().__init__(config)
        self.use_new = config.use_new
        self.proj = nn.Linear(10, 10, bias=False)
        if self.use_new:
            # new branch added after the checkpoint was saved: start it as identity
            self.new_proj = nn.Linear(10, 10, bias=False)
        self.post_init()

    def _init_weights(self, module):
        if isinstance(module, nn.Linear):
            if getattr(self, "new_proj", None) is module:
                nn.init.eye_(module.weight)
            else:
                nn.init.normal_(module.weight, std=0.02)

    def forward(self, x):
        x = self.proj(x)
        if self.use_new:
            x = self.new_proj(x)
        return x


with tempfile.TemporaryDirectory() as d:
    Model(Config(use_new=False)).save_pretrained(d)
    model = Model.from_pretrained(d, use_new=True)
    ok = torch.allclose(model.new_proj.weight, torch.eye(10))
    print("new_proj is identity:", ok)
    assert ok, "new_proj lost its __init__ initialization"
""", note="bad: PreTrainedModel subclass with config.use_new sets new_proj to identity inside __init__; saved with use_new=False, reloaded with from_pretrained(..., use_new=True): new_proj is a missing key, from_pretrained re-inits it through _init_weights, weight is not identity -> AssertionError (transformers 5.23, local save, no download); good: the identity init moved into _init_weights, new_proj is identity after from_pretrained. Report's code shown only in part (the use_new/proj layout); the init value is rebuilt."),
    case('huggingface-transformers-11471', 'https://github.com/huggingface/transformers/pull/11471', 'hf-constructor-weights-overwritten-by-from-pretrained', """
import tempfile
import torch
from torch.nn import Linear
from transformers import BertConfig, BertModel


class MyCustomModel(BertModel):
    def __init__(self, config, custom_layer=None):
        super().__init__(config)
        if custom_layer is not None:
            self.custom_layer = custom_layer
        else:
            self.custom_layer = Linear(config.hidden_size, config.hidden_size)


config = BertConfig(vocab_size=50, hidden_size=32, num_hidden_layers=1, num_attention_heads=2, intermediate_size=64)
with tempfile.TemporaryDirectory() as d:
    BertModel(config).save_pretrained(d)
    layer = Linear(32, 32)
    expected = layer.weight.detach().clone()
    custom_model = MyCustomModel.from_pretrained(d, custom_layer=layer)
    ok = torch.equal(custom_model.custom_layer.weight.detach(), expected)
    print("custom_layer kept its weights:", ok)
    assert ok, "from_pretrained re-initialized the layer given to __init__"
""", """
import tempfile
import torch
from torch.nn import Linear
from transformers import BertConfig, BertModel


class MyCustomModel(BertModel):
    def __init__(self, config, custom_layer=None):
        super().__init__(config)
        if custom_layer is not None:
            self.custom_layer = custom_layer
        else:
            self.custom_layer = Linear(config.hidden_size, config.hidden_size)


config = BertConfig(vocab_size=50, hidden_size=32, num_hidden_layers=1, num_attention_heads=2, intermediate_size=64)
with tempfile.TemporaryDirectory() as d:
    BertModel(config).save_pretrained(d)
    layer = Linear(32, 32)
    expected = layer.weight.detach().clone()
    custom_model = MyCustomModel.from_pretrained(d)
    custom_model.custom_layer = layer
    ok = torch.equal(custom_model.custom_layer.weight.detach(), expected)
    print("custom_layer kept its weights:", ok)
    assert ok, "from_pretrained re-initialized the layer given to __init__"
""", note="From john-heyer's comment on the PR: MyCustomModel(BertModel) stores a Linear passed to __init__ as custom_layer; MyCustomModel.from_pretrained(path, custom_layer=layer) treats custom_layer as missing and re-initializes it. bad: weights differ from the passed layer -> AssertionError (tiny BertConfig, saved locally); good: load first, then assign model.custom_layer = layer, weights preserved. No init call in __init__, so no rule text claims it."),
]
