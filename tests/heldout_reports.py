"""Held-out bugs rebuilt from real public bug reports about weight initialization (issue 9's held-out recall set).

Collected after the rules were shaped, by two engineers who did not run initlint and did not read its source,
tests or benches: they found each report with a search of public issue trackers and Q&A pages, rebuilt the bug in
their own words keeping the code's idiom, ran the bad program and its corrected twin with torch to check that the
bug shows (``note`` says how), and took each case's class from the rule pages ("What it does") alone. The set was
measured once, as collected, on the commit named in docs/recall.md; nothing in the rules was changed for it before
that measure. Same format as ``tests/real_reports.py``; read by ``tests/test_heldout_reports.py`` and
``python bench/recall.py --corpus tests/heldout_reports.py``.
"""

CLASSES = {
    'none-optional-param': ('INI201', 'INI209'),
    'fan-init-on-vector': ('INI102',),
    'deprecated-init-name': ('INI101',),
    'inplace-param-write': ('INI107',),
    'init-over-pretrained-submodule': ('INI305',),
    'init-after-pretrained-load': ('INI301',),
    'reset-parameters-before-attributes': None,
    'init-branch-layer-without-weight': ('INI206',),
    'exact-type-dispatch': ('INI204',),
    'class-name-dispatch': ('INI203',),
    'invalid-init-argument': ('INI103',),
    'plain-tensor-registered-as-parameter': None,
    'undefined-layer': ('INI001',),
    'unregistered-layer-container': ('INI002',),
    'repeated-module-instance': ('INI003',),
    'param-never-initialized': ('INI004',),
    'kaiming-a-as-gain': ('INI104',),
    'padding-idx-overwritten': ('INI205',),
    'hf-init-weights-bypasses-guard': ('INI211',),
    'init-function-never-applied': ('INI304',),
    'init-on-reparametrized-weight': ('INI306',),
    'apply-callable-cannot-take-module': ('INI309',),
    'meta-device-init-lost': None,
    'orthogonal-gain-activation-mismatch': None,
    'init-wrong-layer-copy-paste': None,
}


def case(id, url, cls, bad, good, note="", scope=None):
    assert cls in CLASSES, cls
    return {"id": id, "url": url, "cls": cls, "bad": bad, "good": good, "note": note, "scope": scope}


CASES = [

    # ---- collector A ------------------------------------------------------------------------------------------
    case("discuss-pytorch-13073", "https://discuss.pytorch.org/t/how-are-layer-weights-and-biases-initialized-by-default/13073", "fan-init-on-vector", """
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.init import xavier_uniform_ as xavier


class SmallCNN(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, 3, padding=1)
        self.conv2 = nn.Conv2d(8, 16, 3, padding=1)
        self.fc = nn.Linear(16, num_classes)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.relu(self.conv2(x))
        x = F.adaptive_avg_pool2d(x, 1).flatten(1)
        return self.fc(x)


def weights_init(m):
    if isinstance(m, nn.Conv2d):
        xavier(m.weight.data)
        xavier(m.bias.data)


model = SmallCNN()
model.apply(weights_init)
""", """
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.init import xavier_uniform_ as xavier


class SmallCNN(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, 3, padding=1)
        self.conv2 = nn.Conv2d(8, 16, 3, padding=1)
        self.fc = nn.Linear(16, num_classes)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.relu(self.conv2(x))
        x = F.adaptive_avg_pool2d(x, 1).flatten(1)
        return self.fc(x)


def weights_init(m):
    if isinstance(m, nn.Conv2d):
        xavier(m.weight.data)
        if m.bias is not None:
            nn.init.zeros_(m.bias.data)


model = SmallCNN()
model.apply(weights_init)
""", note="forum answer suggested xavier() on both conv weight and bias through an alias import; xavier on the 1-D bias cannot compute fans. verified: bad raises ValueError 'Fan in and fan out can not be computed for tensor with fewer than 2 dimensions'; good runs."),

    case("NVIDIA-tacotron2-67", "https://github.com/NVIDIA/tacotron2/pull/67", "deprecated-init-name", """
import torch


class LinearNorm(torch.nn.Module):
    def __init__(self, in_dim, out_dim, bias=True, w_init_gain='linear'):
        super(LinearNorm, self).__init__()
        self.linear_layer = torch.nn.Linear(in_dim, out_dim, bias=bias)

        torch.nn.init.xavier_uniform(
            self.linear_layer.weight,
            gain=torch.nn.init.calculate_gain(w_init_gain))

    def forward(self, x):
        return self.linear_layer(x)


class ConvNorm(torch.nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, stride=1,
                 padding=None, dilation=1, bias=True, w_init_gain='linear'):
        super(ConvNorm, self).__init__()
        if padding is None:
            assert kernel_size % 2 == 1
            padding = int(dilation * (kernel_size - 1) / 2)

        self.conv = torch.nn.Conv1d(in_channels, out_channels,
                                    kernel_size=kernel_size, stride=stride,
                                    padding=padding, dilation=dilation,
                                    bias=bias)

        torch.nn.init.xavier_uniform(
            self.conv.weight, gain=torch.nn.init.calculate_gain(w_init_gain))

    def forward(self, signal):
        return self.conv(signal)


class Prenet(torch.nn.Module):
    def __init__(self, in_dim, sizes):
        super(Prenet, self).__init__()
        in_sizes = [in_dim] + sizes[:-1]
        self.layers = torch.nn.ModuleList(
            [LinearNorm(in_size, out_size, bias=False)
             for (in_size, out_size) in zip(in_sizes, sizes)])

    def forward(self, x):
        for linear in self.layers:
            x = torch.nn.functional.dropout(torch.relu(linear(x)), p=0.5, training=True)
        return x


prenet = Prenet(16, [32, 32])
postnet_conv = ConvNorm(16, 32, kernel_size=5, w_init_gain='tanh')
""", """
import torch


class LinearNorm(torch.nn.Module):
    def __init__(self, in_dim, out_dim, bias=True, w_init_gain='linear'):
        super(LinearNorm, self).__init__()
        self.linear_layer = torch.nn.Linear(in_dim, out_dim, bias=bias)

        torch.nn.init.xavier_uniform_(
            self.linear_layer.weight,
            gain=torch.nn.init.calculate_gain(w_init_gain))

    def forward(self, x):
        return self.linear_layer(x)


class ConvNorm(torch.nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=1, stride=1,
                 padding=None, dilation=1, bias=True, w_init_gain='linear'):
        super(ConvNorm, self).__init__()
        if padding is None:
            assert kernel_size % 2 == 1
            padding = int(dilation * (kernel_size - 1) / 2)

        self.conv = torch.nn.Conv1d(in_channels, out_channels,
                                    kernel_size=kernel_size, stride=stride,
                                    padding=padding, dilation=dilation,
                                    bias=bias)

        torch.nn.init.xavier_uniform_(
            self.conv.weight, gain=torch.nn.init.calculate_gain(w_init_gain))

    def forward(self, signal):
        return self.conv(signal)


class Prenet(torch.nn.Module):
    def __init__(self, in_dim, sizes):
        super(Prenet, self).__init__()
        in_sizes = [in_dim] + sizes[:-1]
        self.layers = torch.nn.ModuleList(
            [LinearNorm(in_size, out_size, bias=False)
             for (in_size, out_size) in zip(in_sizes, sizes)])

    def forward(self, x):
        for linear in self.layers:
            x = torch.nn.functional.dropout(torch.relu(linear(x)), p=0.5, training=True)
        return x


prenet = Prenet(16, [32, 32])
postnet_conv = ConvNorm(16, 32, kernel_size=5, w_init_gain='tanh')
""", note="tacotron2 layers.py called the deprecated torch.nn.init.xavier_uniform with a calculate_gain gain. verified: bad emits FutureWarning 'nn.init.xavier_uniform is now deprecated in favor of nn.init.xavier_uniform_' (3 times); good emits none."),

    case("kensakurada-sscdnet-4", "https://github.com/kensakurada/sscdnet/pull/4", "deprecated-init-name", """
import torch
import torch.nn as nn
import torch.nn.init as init


def xavier_uniform_relu(modules):
    for m in modules:
        if isinstance(m, nn.Conv2d):
            init.xavier_uniform(m.weight.data, gain=init.calculate_gain('relu'))
            if m.bias is not None:
                m.bias.data.zero_()
        elif isinstance(m, nn.BatchNorm2d):
            m.weight.data.fill_(1)
            m.bias.data.zero_()


def xavier_uniform_sigmoid(modules):
    for m in modules:
        if isinstance(m, nn.Conv2d):
            init.xavier_uniform(m.weight.data, gain=init.calculate_gain('sigmoid'))
            if m.bias is not None:
                m.bias.data.zero_()
        elif isinstance(m, nn.BatchNorm2d):
            m.weight.data.fill_(1)
            m.bias.data.zero_()


class ChangeDecoder(nn.Module):
    def __init__(self, in_ch=16, num_classes=2):
        super().__init__()
        self.block = nn.Sequential(
            nn.Conv2d(2 * in_ch, in_ch, 3, padding=1, bias=False),
            nn.BatchNorm2d(in_ch),
            nn.ReLU(inplace=True),
        )
        self.head = nn.Conv2d(in_ch, num_classes, 1)
        xavier_uniform_relu(self.block.modules())
        xavier_uniform_sigmoid(self.head.modules())

    def forward(self, t0, t1):
        return self.head(self.block(torch.cat([t0, t1], dim=1)))


model = ChangeDecoder()
""", """
import torch
import torch.nn as nn
import torch.nn.init as init


def xavier_uniform_relu(modules):
    for m in modules:
        if isinstance(m, nn.Conv2d):
            init.xavier_uniform_(m.weight.data, gain=init.calculate_gain('relu'))
            if m.bias is not None:
                m.bias.data.zero_()
        elif isinstance(m, nn.BatchNorm2d):
            m.weight.data.fill_(1)
            m.bias.data.zero_()


def xavier_uniform_sigmoid(modules):
    for m in modules:
        if isinstance(m, nn.Conv2d):
            init.xavier_uniform_(m.weight.data, gain=init.calculate_gain('sigmoid'))
            if m.bias is not None:
                m.bias.data.zero_()
        elif isinstance(m, nn.BatchNorm2d):
            m.weight.data.fill_(1)
            m.bias.data.zero_()


class ChangeDecoder(nn.Module):
    def __init__(self, in_ch=16, num_classes=2):
        super().__init__()
        self.block = nn.Sequential(
            nn.Conv2d(2 * in_ch, in_ch, 3, padding=1, bias=False),
            nn.BatchNorm2d(in_ch),
            nn.ReLU(inplace=True),
        )
        self.head = nn.Conv2d(in_ch, num_classes, 1)
        xavier_uniform_relu(self.block.modules())
        xavier_uniform_sigmoid(self.head.modules())

    def forward(self, t0, t1):
        return self.head(self.block(torch.cat([t0, t1], dim=1)))


model = ChangeDecoder()
""", note="sscdnet init.py helpers use init.xavier_uniform (module imported as `init`) over a modules iterable; PR renamed to xavier_uniform_. verified: bad emits FutureWarning 'nn.init.xavier_uniform is now deprecated'; good emits none."),
    case("Atcold-NYU-DLSP20-765", "https://github.com/Atcold/NYU-DLSP20/issues/765", "inplace-param-write", """
import numpy as np
import torch
import torch.nn as nn


def create_sinusoidal_embeddings(nb_p, dim, E):
    theta = np.array([
        [p / np.power(10000, 2 * (j // 2) / dim) for j in range(dim)]
        for p in range(nb_p)
    ])
    E[:, 0::2] = torch.FloatTensor(np.sin(theta[:, 0::2]))
    E[:, 1::2] = torch.FloatTensor(np.cos(theta[:, 1::2]))
    E.detach_()
    E.requires_grad = False


class Embeddings(nn.Module):
    def __init__(self, d_model, vocab_size, max_position_embeddings, p):
        super().__init__()
        self.word_embeddings = nn.Embedding(vocab_size, d_model, padding_idx=1)
        self.position_embeddings = nn.Embedding(max_position_embeddings, d_model)
        create_sinusoidal_embeddings(nb_p=max_position_embeddings,
                                     dim=d_model,
                                     E=self.position_embeddings.weight)
        self.LayerNorm = nn.LayerNorm(d_model, eps=1e-12)
        self.dropout = nn.Dropout(p)

    def forward(self, input_ids):
        seq_length = input_ids.size(1)
        position_ids = torch.arange(seq_length, dtype=torch.long, device=input_ids.device)
        position_ids = position_ids.unsqueeze(0).expand_as(input_ids)
        embeddings = self.word_embeddings(input_ids) + self.position_embeddings(position_ids)
        return self.dropout(self.LayerNorm(embeddings))


class TransformerClassifier(nn.Module):
    def __init__(self, d_model, input_vocab_size, num_answers, max_len=64, p=0.1):
        super().__init__()
        self.embeddings = Embeddings(d_model, input_vocab_size, max_len, p)
        self.dense = nn.Linear(d_model, num_answers)

    def forward(self, x):
        return self.dense(self.embeddings(x).mean(dim=1))


model = TransformerClassifier(d_model=32, input_vocab_size=100, num_answers=2)
""", """
import numpy as np
import torch
import torch.nn as nn


def create_sinusoidal_embeddings(nb_p, dim, E):
    theta = np.array([
        [p / np.power(10000, 2 * (j // 2) / dim) for j in range(dim)]
        for p in range(nb_p)
    ])
    with torch.no_grad():
        E[:, 0::2] = torch.FloatTensor(np.sin(theta[:, 0::2]))
        E[:, 1::2] = torch.FloatTensor(np.cos(theta[:, 1::2]))
    E.requires_grad = False


class Embeddings(nn.Module):
    def __init__(self, d_model, vocab_size, max_position_embeddings, p):
        super().__init__()
        self.word_embeddings = nn.Embedding(vocab_size, d_model, padding_idx=1)
        self.position_embeddings = nn.Embedding(max_position_embeddings, d_model)
        create_sinusoidal_embeddings(nb_p=max_position_embeddings,
                                     dim=d_model,
                                     E=self.position_embeddings.weight)
        self.LayerNorm = nn.LayerNorm(d_model, eps=1e-12)
        self.dropout = nn.Dropout(p)

    def forward(self, input_ids):
        seq_length = input_ids.size(1)
        position_ids = torch.arange(seq_length, dtype=torch.long, device=input_ids.device)
        position_ids = position_ids.unsqueeze(0).expand_as(input_ids)
        embeddings = self.word_embeddings(input_ids) + self.position_embeddings(position_ids)
        return self.dropout(self.LayerNorm(embeddings))


class TransformerClassifier(nn.Module):
    def __init__(self, d_model, input_vocab_size, num_answers, max_len=64, p=0.1):
        super().__init__()
        self.embeddings = Embeddings(d_model, input_vocab_size, max_len, p)
        self.dense = nn.Linear(d_model, num_answers)

    def forward(self, x):
        return self.dense(self.embeddings(x).mean(dim=1))


model = TransformerClassifier(d_model=32, input_vocab_size=100, num_answers=2)
""", note="sinusoidal position table written by slice assignment into nn.Embedding.weight (a leaf that requires grad) through a helper's parameter E; the thread points to torch.no_grad. verified: bad raises RuntimeError 'a view of a leaf Variable that requires grad is being used in an in-place operation'; good runs and the table holds sin/cos values."),

    case("PufferAI-PufferLib-233", "https://github.com/PufferAI/PufferLib/pull/233", "fan-init-on-vector", """
import torch
import torch.nn as nn


class Policy(nn.Module):
    def __init__(self, obs_dim=24, hidden_size=64, num_actions=4):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Linear(obs_dim, hidden_size),
            nn.LayerNorm(hidden_size),
            nn.GELU(),
        )
        self.decoder = nn.Linear(hidden_size, num_actions)
        self.value = nn.Linear(hidden_size, 1)

    def encode_observations(self, obs):
        return self.encoder(obs)

    def decode_actions(self, hidden):
        return self.decoder(hidden), self.value(hidden)


class LSTMWrapper(nn.Module):
    def __init__(self, policy, input_size=64, hidden_size=64):
        super().__init__()
        self.policy = policy
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.lstm = nn.LSTM(input_size, hidden_size)

        for name, param in self.named_parameters():
            if 'bias' in name:
                nn.init.constant_(param, 0)
            elif 'weight' in name:
                nn.init.orthogonal_(param, 1.0)

    def forward(self, observations, state):
        hidden = self.policy.encode_observations(observations)
        hidden, state = self.lstm(hidden.unsqueeze(0), state)
        return self.policy.decode_actions(hidden.squeeze(0)), state


policy = LSTMWrapper(Policy())
""", """
import torch
import torch.nn as nn


class Policy(nn.Module):
    def __init__(self, obs_dim=24, hidden_size=64, num_actions=4):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Linear(obs_dim, hidden_size),
            nn.LayerNorm(hidden_size),
            nn.GELU(),
        )
        self.decoder = nn.Linear(hidden_size, num_actions)
        self.value = nn.Linear(hidden_size, 1)

    def encode_observations(self, obs):
        return self.encoder(obs)

    def decode_actions(self, hidden):
        return self.decoder(hidden), self.value(hidden)


class LSTMWrapper(nn.Module):
    def __init__(self, policy, input_size=64, hidden_size=64):
        super().__init__()
        self.policy = policy
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.lstm = nn.LSTM(input_size, hidden_size)

        for name, param in self.named_parameters():
            if 'bias' in name:
                nn.init.constant_(param, 0)
            elif 'weight' in name and param.ndim >= 2:
                nn.init.orthogonal_(param, 1.0)

    def forward(self, observations, state):
        hidden = self.policy.encode_observations(observations)
        hidden, state = self.lstm(hidden.unsqueeze(0), state)
        return self.policy.decode_actions(hidden.squeeze(0)), state


policy = LSTMWrapper(Policy())
""", note="the LSTM wrapper's init loop runs over self.named_parameters() (policy included) and orthogonalizes every name containing 'weight'; a LayerNorm weight in the policy is 1-D; the PR asks for a dimension check. verified: bad raises ValueError 'Only tensors with 2 or more dimensions are supported'; good runs."),

    case("huggingface-transformers-38061", "https://github.com/huggingface/transformers/issues/38061", "init-over-pretrained-submodule", """
import torch
import torch.nn as nn

CONFIG = {
    "backbone": "swin-tiny-backbone.pt",
    "use_pretrained_backbone": True,
    "hidden_dim": 16,
    "init_std": 0.02,
}


class SwinBackbone(nn.Module):
    def __init__(self, dim=16):
        super().__init__()
        self.patch_embed = nn.Conv2d(3, dim, kernel_size=4, stride=4)
        self.norm = nn.LayerNorm(dim)
        self.mlp = nn.Sequential(nn.Linear(dim, 2 * dim), nn.GELU(), nn.Linear(2 * dim, dim))

    @classmethod
    def from_pretrained(cls, path):
        model = cls()
        model.load_state_dict(torch.load(path, map_location="cpu"))
        return model

    def forward(self, x):
        x = self.patch_embed(x).permute(0, 2, 3, 1)
        return self.mlp(self.norm(x)).permute(0, 3, 1, 2)


def load_backbone(config):
    if config["use_pretrained_backbone"]:
        return SwinBackbone.from_pretrained(config["backbone"])
    return SwinBackbone(config["hidden_dim"])


class PixelDecoder(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.adapter = nn.Conv2d(dim, dim, kernel_size=1)
        self.mask_projection = nn.Conv2d(dim, dim, kernel_size=3, padding=1)

    def forward(self, features):
        return self.mask_projection(self.adapter(features))


class PixelLevelModule(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.encoder = load_backbone(config)
        self.decoder = PixelDecoder(config["hidden_dim"])

    def forward(self, pixel_values):
        return self.decoder(self.encoder(pixel_values))


class Mask2FormerModel(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.config = config
        self.pixel_level_module = PixelLevelModule(config)
        self.query_embed = nn.Embedding(8, config["hidden_dim"])
        self.class_predictor = nn.Linear(config["hidden_dim"], 5)
        self.post_init()

    def post_init(self):
        self.apply(self._init_weights)

    def _init_weights(self, module):
        std = self.config["init_std"]
        if isinstance(module, PixelLevelModule):
            for submodule in module.modules():
                if isinstance(submodule, (nn.Conv2d, nn.Linear)):
                    submodule.weight.data.normal_(mean=0.0, std=std)
                    if submodule.bias is not None:
                        submodule.bias.data.zero_()
        elif isinstance(module, nn.Linear):
            module.weight.data.normal_(mean=0.0, std=std)
            if module.bias is not None:
                module.bias.data.zero_()
        elif isinstance(module, nn.Embedding):
            module.weight.data.normal_(mean=0.0, std=std)

    def forward(self, pixel_values):
        mask_features = self.pixel_level_module(pixel_values)
        return self.class_predictor(self.query_embed.weight), mask_features


model = Mask2FormerModel(CONFIG)
""", """
import torch
import torch.nn as nn

CONFIG = {
    "backbone": "swin-tiny-backbone.pt",
    "use_pretrained_backbone": True,
    "hidden_dim": 16,
    "init_std": 0.02,
}


class SwinBackbone(nn.Module):
    def __init__(self, dim=16):
        super().__init__()
        self.patch_embed = nn.Conv2d(3, dim, kernel_size=4, stride=4)
        self.norm = nn.LayerNorm(dim)
        self.mlp = nn.Sequential(nn.Linear(dim, 2 * dim), nn.GELU(), nn.Linear(2 * dim, dim))

    @classmethod
    def from_pretrained(cls, path):
        model = cls()
        model.load_state_dict(torch.load(path, map_location="cpu"))
        return model

    def forward(self, x):
        x = self.patch_embed(x).permute(0, 2, 3, 1)
        return self.mlp(self.norm(x)).permute(0, 3, 1, 2)


def load_backbone(config):
    if config["use_pretrained_backbone"]:
        return SwinBackbone.from_pretrained(config["backbone"])
    return SwinBackbone(config["hidden_dim"])


class PixelDecoder(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.adapter = nn.Conv2d(dim, dim, kernel_size=1)
        self.mask_projection = nn.Conv2d(dim, dim, kernel_size=3, padding=1)

    def forward(self, features):
        return self.mask_projection(self.adapter(features))


class PixelLevelModule(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.encoder = load_backbone(config)
        self.decoder = PixelDecoder(config["hidden_dim"])

    def forward(self, pixel_values):
        return self.decoder(self.encoder(pixel_values))


class Mask2FormerModel(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.config = config
        self.pixel_level_module = PixelLevelModule(config)
        self.query_embed = nn.Embedding(8, config["hidden_dim"])
        self.class_predictor = nn.Linear(config["hidden_dim"], 5)
        self.post_init()

    def post_init(self):
        for name, module in self.named_children():
            if name == "pixel_level_module":
                module.decoder.apply(self._init_weights)
            else:
                module.apply(self._init_weights)

    def _init_weights(self, module):
        std = self.config["init_std"]
        if isinstance(module, (nn.Conv2d, nn.Linear)):
            module.weight.data.normal_(mean=0.0, std=std)
            if module.bias is not None:
                module.bias.data.zero_()
        elif isinstance(module, nn.Embedding):
            module.weight.data.normal_(mean=0.0, std=std)

    def forward(self, pixel_values):
        mask_features = self.pixel_level_module(pixel_values)
        return self.class_predictor(self.query_embed.weight), mask_features


model = Mask2FormerModel(CONFIG)
""", note="Mask2Former with use_pretrained_backbone=True: the backbone is loaded pretrained inside the pixel-level module, then post_init's _init_weights branch for PixelLevelModule loops over module.modules() and re-draws the backbone's conv/linear weights; the fix (PR #38512/#38864) initializes only the decoder. Rebuilt in plain torch (a local checkpoint stands in for the hub). verified: bad backbone weights differ from the checkpoint (max abs diff ~0.3); good backbone weights equal the checkpoint exactly."),

    case("facebookresearch-fairseq-1527", "https://github.com/facebookresearch/fairseq/issues/1527", "none-optional-param", """
import math
import torch
import torch.nn as nn
from torch.nn import Parameter


class MultiheadAttention(nn.Module):
    def __init__(self, embed_dim, num_heads, kdim=None, vdim=None, dropout=0.0,
                 bias=True, add_bias_kv=False, self_attention=False):
        super().__init__()
        self.embed_dim = embed_dim
        self.kdim = kdim if kdim is not None else embed_dim
        self.vdim = vdim if vdim is not None else embed_dim
        self.qkv_same_dim = self.kdim == embed_dim and self.vdim == embed_dim
        self.num_heads = num_heads
        self.dropout = dropout
        self.head_dim = embed_dim // num_heads
        self.scaling = self.head_dim ** -0.5
        self.self_attention = self_attention

        self.k_proj = nn.Linear(self.kdim, embed_dim, bias=bias)
        self.v_proj = nn.Linear(self.vdim, embed_dim, bias=bias)
        self.q_proj = nn.Linear(embed_dim, embed_dim, bias=bias)
        self.out_proj = nn.Linear(embed_dim, embed_dim, bias=bias)

        if add_bias_kv:
            self.bias_k = Parameter(torch.Tensor(1, 1, embed_dim))
            self.bias_v = Parameter(torch.Tensor(1, 1, embed_dim))
        else:
            self.bias_k = self.bias_v = None

        self.reset_parameters()

    def reset_parameters(self):
        if self.qkv_same_dim:
            nn.init.xavier_uniform_(self.k_proj.weight, gain=1 / math.sqrt(2))
            nn.init.xavier_uniform_(self.v_proj.weight, gain=1 / math.sqrt(2))
            nn.init.xavier_uniform_(self.q_proj.weight, gain=1 / math.sqrt(2))
        else:
            nn.init.xavier_uniform_(self.k_proj.weight)
            nn.init.xavier_uniform_(self.v_proj.weight)
            nn.init.xavier_uniform_(self.q_proj.weight)

        nn.init.xavier_uniform_(self.out_proj.weight)
        nn.init.constant_(self.out_proj.bias, 0.)
        if self.bias_k is not None:
            nn.init.xavier_normal_(self.bias_k)
        if self.bias_v is not None:
            nn.init.xavier_normal_(self.bias_v)

    def forward(self, query, key, value):
        q = self.q_proj(query) * self.scaling
        k = self.k_proj(key)
        v = self.v_proj(value)
        attn = torch.softmax(q @ k.transpose(-2, -1), dim=-1)
        return self.out_proj(attn @ v)


attn = MultiheadAttention(16, 2, bias=False)
""", """
import math
import torch
import torch.nn as nn
from torch.nn import Parameter


class MultiheadAttention(nn.Module):
    def __init__(self, embed_dim, num_heads, kdim=None, vdim=None, dropout=0.0,
                 bias=True, add_bias_kv=False, self_attention=False):
        super().__init__()
        self.embed_dim = embed_dim
        self.kdim = kdim if kdim is not None else embed_dim
        self.vdim = vdim if vdim is not None else embed_dim
        self.qkv_same_dim = self.kdim == embed_dim and self.vdim == embed_dim
        self.num_heads = num_heads
        self.dropout = dropout
        self.head_dim = embed_dim // num_heads
        self.scaling = self.head_dim ** -0.5
        self.self_attention = self_attention

        self.k_proj = nn.Linear(self.kdim, embed_dim, bias=bias)
        self.v_proj = nn.Linear(self.vdim, embed_dim, bias=bias)
        self.q_proj = nn.Linear(embed_dim, embed_dim, bias=bias)
        self.out_proj = nn.Linear(embed_dim, embed_dim, bias=bias)

        if add_bias_kv:
            self.bias_k = Parameter(torch.Tensor(1, 1, embed_dim))
            self.bias_v = Parameter(torch.Tensor(1, 1, embed_dim))
        else:
            self.bias_k = self.bias_v = None

        self.reset_parameters()

    def reset_parameters(self):
        if self.qkv_same_dim:
            nn.init.xavier_uniform_(self.k_proj.weight, gain=1 / math.sqrt(2))
            nn.init.xavier_uniform_(self.v_proj.weight, gain=1 / math.sqrt(2))
            nn.init.xavier_uniform_(self.q_proj.weight, gain=1 / math.sqrt(2))
        else:
            nn.init.xavier_uniform_(self.k_proj.weight)
            nn.init.xavier_uniform_(self.v_proj.weight)
            nn.init.xavier_uniform_(self.q_proj.weight)

        nn.init.xavier_uniform_(self.out_proj.weight)
        if self.out_proj.bias is not None:
            nn.init.constant_(self.out_proj.bias, 0.)
        if self.bias_k is not None:
            nn.init.xavier_normal_(self.bias_k)
        if self.bias_v is not None:
            nn.init.xavier_normal_(self.bias_v)

    def forward(self, query, key, value):
        q = self.q_proj(query) * self.scaling
        k = self.k_proj(key)
        v = self.v_proj(value)
        attn = torch.softmax(q @ k.transpose(-2, -1), dim=-1)
        return self.out_proj(attn @ v)


attn = MultiheadAttention(16, 2, bias=False)
""", note="fairseq MultiheadAttention builds out_proj with bias=bias and reset_parameters zeroes out_proj.bias unconditionally. verified: bad raises AttributeError \"'NoneType' object has no attribute 'fill_'\"; good runs."),

    case("pytorch-pytorch-108048", "https://github.com/pytorch/pytorch/issues/108048", "none-optional-param", """
import numbers
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn import Parameter, init


class LayerNorm(nn.Module):
    def __init__(self, normalized_shape, eps=1e-5, elementwise_affine=True, bias=True):
        super().__init__()
        if isinstance(normalized_shape, numbers.Integral):
            normalized_shape = (normalized_shape,)
        self.normalized_shape = tuple(normalized_shape)
        self.eps = eps
        self.elementwise_affine = elementwise_affine
        if self.elementwise_affine:
            self.weight = Parameter(torch.empty(self.normalized_shape))
            if bias:
                self.bias = Parameter(torch.empty(self.normalized_shape))
            else:
                self.register_parameter('bias', None)
        else:
            self.register_parameter('weight', None)
            self.register_parameter('bias', None)
        self.reset_parameters()

    def reset_parameters(self):
        if self.elementwise_affine:
            init.ones_(self.weight)
            init.zeros_(self.bias)

    def forward(self, x):
        return F.layer_norm(x, self.normalized_shape, self.weight, self.bias, self.eps)


class Block(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.ln = LayerNorm(dim, bias=False)
        self.fc = nn.Linear(dim, dim, bias=False)

    def forward(self, x):
        return x + self.fc(self.ln(x))


block = Block(8)
""", """
import numbers
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn import Parameter, init


class LayerNorm(nn.Module):
    def __init__(self, normalized_shape, eps=1e-5, elementwise_affine=True, bias=True):
        super().__init__()
        if isinstance(normalized_shape, numbers.Integral):
            normalized_shape = (normalized_shape,)
        self.normalized_shape = tuple(normalized_shape)
        self.eps = eps
        self.elementwise_affine = elementwise_affine
        if self.elementwise_affine:
            self.weight = Parameter(torch.empty(self.normalized_shape))
            if bias:
                self.bias = Parameter(torch.empty(self.normalized_shape))
            else:
                self.register_parameter('bias', None)
        else:
            self.register_parameter('weight', None)
            self.register_parameter('bias', None)
        self.reset_parameters()

    def reset_parameters(self):
        if self.elementwise_affine:
            init.ones_(self.weight)
            if self.bias is not None:
                init.zeros_(self.bias)

    def forward(self, x):
        return F.layer_norm(x, self.normalized_shape, self.weight, self.bias, self.eps)


class Block(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.ln = LayerNorm(dim, bias=False)
        self.fc = nn.Linear(dim, dim, bias=False)

    def forward(self, x):
        return x + self.fc(self.ln(x))


block = Block(8)
""", note="the new LayerNorm(bias=False) option registered bias as None but reset_parameters still zeroed it (guarded only by elementwise_affine); rebuilt as a project LayerNorm. verified: bad raises AttributeError \"'NoneType' object has no attribute 'zero_'\"; good runs.",
         scope="An init under a condition, and a layer whose constructions are not all known (one built by a factory, set by name, a class attribute, `__getattr__`, or an attribute that code outside the class may replace), are left alone."),

    case("ddddwee1-TorchSUL-1", "https://github.com/ddddwee1/TorchSUL/issues/1", "none-optional-param", """
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.nn.init as init
from torch.nn.parameter import Parameter


class fclayer(nn.Module):
    def __init__(self, outsize, usebias=True):
        super().__init__()
        self.outsize = outsize
        self.usebias = usebias
        self._built = False

    def build(self, x):
        self.insize = x.shape[1]
        self.weight = Parameter(torch.Tensor(self.outsize, self.insize))
        if self.usebias:
            self.bias = Parameter(torch.Tensor(self.outsize))
        else:
            self.register_parameter('bias', None)
        self.reset_params()

    def reset_params(self):
        init.normal_(self.weight, std=0.001)
        self.bias.data.zero_()

    def forward(self, x):
        if not self._built:
            self.build(x)
            self._built = True
        return F.linear(x, self.weight, self.bias)


class Dense(nn.Module):
    def __init__(self, outsize, batch_norm=False, usebias=True):
        super().__init__()
        self.fc = fclayer(outsize, usebias)
        self.batch_norm = batch_norm
        if batch_norm:
            self.bn = nn.BatchNorm1d(outsize)

    def forward(self, x):
        x = self.fc(x)
        if self.batch_norm:
            x = self.bn(x)
        return x


class FaceHead(nn.Module):
    def __init__(self, emb_dim=16):
        super().__init__()
        self.fc1 = Dense(emb_dim, batch_norm=True, usebias=False)

    def forward(self, x):
        return self.fc1(x.flatten(1))


net = FaceHead()
net(torch.randn(4, 32))
""", """
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.nn.init as init
from torch.nn.parameter import Parameter


class fclayer(nn.Module):
    def __init__(self, outsize, usebias=True):
        super().__init__()
        self.outsize = outsize
        self.usebias = usebias
        self._built = False

    def build(self, x):
        self.insize = x.shape[1]
        self.weight = Parameter(torch.Tensor(self.outsize, self.insize))
        if self.usebias:
            self.bias = Parameter(torch.Tensor(self.outsize))
        else:
            self.register_parameter('bias', None)
        self.reset_params()

    def reset_params(self):
        init.normal_(self.weight, std=0.001)
        if self.bias is not None:
            self.bias.data.zero_()

    def forward(self, x):
        if not self._built:
            self.build(x)
            self._built = True
        return F.linear(x, self.weight, self.bias)


class Dense(nn.Module):
    def __init__(self, outsize, batch_norm=False, usebias=True):
        super().__init__()
        self.fc = fclayer(outsize, usebias)
        self.batch_norm = batch_norm
        if batch_norm:
            self.bn = nn.BatchNorm1d(outsize)

    def forward(self, x):
        x = self.fc(x)
        if self.batch_norm:
            x = self.bn(x)
        return x


class FaceHead(nn.Module):
    def __init__(self, emb_dim=16):
        super().__init__()
        self.fc1 = Dense(emb_dim, batch_norm=True, usebias=False)

    def forward(self, x):
        return self.fc1(x.flatten(1))


net = FaceHead()
net(torch.randn(4, 32))
""", note="TorchSUL's lazily built fc layer registers bias as None for usebias=False, then reset_params zeroes it on the first forward (traceback goes forward -> build -> reset_params); the library later guarded it with `if self.bias is not None`. verified: bad raises AttributeError \"'NoneType' object has no attribute 'data'\"; good runs."),

    case("Kaixhin-NoisyNet-A3C-1", "https://github.com/Kaixhin/NoisyNet-A3C/issues/1", "reset-parameters-before-attributes", """
import math
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn import Parameter, init


class NoisyLinear(nn.Linear):
    def __init__(self, in_features, out_features, sigma_init=0.017, bias=True):
        super(NoisyLinear, self).__init__(in_features, out_features, bias=True)
        self.sigma_init = sigma_init
        self.sigma_weight = Parameter(torch.Tensor(out_features, in_features))
        self.sigma_bias = Parameter(torch.Tensor(out_features))
        self.register_buffer('epsilon_weight', torch.zeros(out_features, in_features))
        self.register_buffer('epsilon_bias', torch.zeros(out_features))
        self.reset_parameters()

    def reset_parameters(self):
        init.uniform_(self.weight, -math.sqrt(3 / self.in_features), math.sqrt(3 / self.in_features))
        init.uniform_(self.bias, -math.sqrt(3 / self.in_features), math.sqrt(3 / self.in_features))
        init.constant_(self.sigma_weight, self.sigma_init)
        init.constant_(self.sigma_bias, self.sigma_init)

    def forward(self, input):
        return F.linear(input, self.weight + self.sigma_weight * self.epsilon_weight,
                        self.bias + self.sigma_bias * self.epsilon_bias)

    def sample_noise(self):
        self.epsilon_weight = torch.randn(self.out_features, self.in_features)
        self.epsilon_bias = torch.randn(self.out_features)


class ActorCritic(nn.Module):
    def __init__(self, observation_size, action_size, hidden_size=32, sigma_init=0.017):
        super(ActorCritic, self).__init__()
        self.fc1 = nn.Linear(observation_size, hidden_size)
        self.lstm = nn.LSTMCell(hidden_size, hidden_size)
        self.fc_actor = NoisyLinear(hidden_size, action_size, sigma_init=sigma_init)
        self.fc_critic = NoisyLinear(hidden_size, 1, sigma_init=sigma_init)

    def forward(self, x, h):
        h = self.lstm(F.relu(self.fc1(x)), h)
        return F.softmax(self.fc_actor(h[0]), dim=1), self.fc_critic(h[0]), h


model = ActorCritic(4, 2)
""", """
import math
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn import Parameter, init


class NoisyLinear(nn.Linear):
    def __init__(self, in_features, out_features, sigma_init=0.017, bias=True):
        super(NoisyLinear, self).__init__(in_features, out_features, bias=True)
        self.sigma_init = sigma_init
        self.sigma_weight = Parameter(torch.Tensor(out_features, in_features))
        self.sigma_bias = Parameter(torch.Tensor(out_features))
        self.register_buffer('epsilon_weight', torch.zeros(out_features, in_features))
        self.register_buffer('epsilon_bias', torch.zeros(out_features))
        self.reset_parameters()

    def reset_parameters(self):
        if hasattr(self, 'sigma_weight'):
            init.uniform_(self.weight, -math.sqrt(3 / self.in_features), math.sqrt(3 / self.in_features))
            init.uniform_(self.bias, -math.sqrt(3 / self.in_features), math.sqrt(3 / self.in_features))
            init.constant_(self.sigma_weight, self.sigma_init)
            init.constant_(self.sigma_bias, self.sigma_init)

    def forward(self, input):
        return F.linear(input, self.weight + self.sigma_weight * self.epsilon_weight,
                        self.bias + self.sigma_bias * self.epsilon_bias)

    def sample_noise(self):
        self.epsilon_weight = torch.randn(self.out_features, self.in_features)
        self.epsilon_bias = torch.randn(self.out_features)


class ActorCritic(nn.Module):
    def __init__(self, observation_size, action_size, hidden_size=32, sigma_init=0.017):
        super(ActorCritic, self).__init__()
        self.fc1 = nn.Linear(observation_size, hidden_size)
        self.lstm = nn.LSTMCell(hidden_size, hidden_size)
        self.fc_actor = NoisyLinear(hidden_size, action_size, sigma_init=sigma_init)
        self.fc_critic = NoisyLinear(hidden_size, 1, sigma_init=sigma_init)

    def forward(self, x, h):
        h = self.lstm(F.relu(self.fc1(x)), h)
        return F.softmax(self.fc_actor(h[0]), dim=1), self.fc_critic(h[0]), h


model = ActorCritic(4, 2)
""", note="NoisyLinear subclasses nn.Linear and overrides reset_parameters to init sigma_weight, but nn.Linear.__init__ calls reset_parameters before sigma_weight exists; fixed with a hasattr guard. No rule page claims an overridden reset_parameters reached from the base constructor. verified: bad raises AttributeError \"'NoisyLinear' object has no attribute 'sigma_weight'\"; good runs and sigma_weight is 0.017."),
    case("cxhernandez-molencoder-8", "https://github.com/cxhernandez/molencoder/issues/8", "init-branch-layer-without-weight", """
import torch
import torch.nn as nn
import torch.nn.init as init


class Repeat(nn.Module):
    def __init__(self, rep):
        super(Repeat, self).__init__()
        self.rep = rep

    def forward(self, x):
        return x.unsqueeze(1).expand(-1, self.rep, -1)


class TimeDistributed(nn.Module):
    def __init__(self, module):
        super(TimeDistributed, self).__init__()
        self.module = module

    def forward(self, x):
        y = self.module(x.contiguous().view(-1, x.size(-1)))
        return y.view(x.size(0), -1, y.size(-1))


class MolDecoder(nn.Module):
    def __init__(self, i=16, o=12, c=8):
        super(MolDecoder, self).__init__()
        self.latent_input = nn.Sequential(nn.Linear(i, i), nn.SELU(inplace=True))
        self.repeat_vector = Repeat(o)
        self.gru = nn.GRU(i, 24, 3, batch_first=True)
        self.decoded_mean = TimeDistributed(nn.Sequential(nn.Linear(24, c), nn.Softmax(dim=-1)))

    def forward(self, x):
        out = self.repeat_vector(self.latent_input(x))
        out, h = self.gru(out)
        return self.decoded_mean(out)


def initialize_weights(m):
    if (isinstance(m, nn.Linear) or isinstance(m, nn.GRU) or
       isinstance(m, nn.Conv1d)):
        init.xavier_uniform_(m.weight.data)


decoder = MolDecoder()
decoder.apply(initialize_weights)
""", """
import torch
import torch.nn as nn
import torch.nn.init as init


class Repeat(nn.Module):
    def __init__(self, rep):
        super(Repeat, self).__init__()
        self.rep = rep

    def forward(self, x):
        return x.unsqueeze(1).expand(-1, self.rep, -1)


class TimeDistributed(nn.Module):
    def __init__(self, module):
        super(TimeDistributed, self).__init__()
        self.module = module

    def forward(self, x):
        y = self.module(x.contiguous().view(-1, x.size(-1)))
        return y.view(x.size(0), -1, y.size(-1))


class MolDecoder(nn.Module):
    def __init__(self, i=16, o=12, c=8):
        super(MolDecoder, self).__init__()
        self.latent_input = nn.Sequential(nn.Linear(i, i), nn.SELU(inplace=True))
        self.repeat_vector = Repeat(o)
        self.gru = nn.GRU(i, 24, 3, batch_first=True)
        self.decoded_mean = TimeDistributed(nn.Sequential(nn.Linear(24, c), nn.Softmax(dim=-1)))

    def forward(self, x):
        out = self.repeat_vector(self.latent_input(x))
        out, h = self.gru(out)
        return self.decoded_mean(out)


def initialize_weights(m):
    if (isinstance(m, nn.Linear) or isinstance(m, nn.Conv1d)):
        init.xavier_uniform_(m.weight.data)
    elif isinstance(m, nn.GRU):
        for weights in m.all_weights:
            for weight in weights:
                if len(weight.size()) > 1:
                    init.xavier_uniform_(weight.data)


decoder = MolDecoder()
decoder.apply(initialize_weights)
""", note="molencoder utils.initialize_weights put nn.GRU in the same isinstance branch as Linear/Conv1d and read m.weight; the fix (commit 'compat') loops over m.all_weights with a size>1 check. The original also used the deprecated init.xavier_uniform; rebuilt with xavier_uniform_ to keep one bug. verified: bad raises AttributeError \"'GRU' object has no attribute 'weight'\"; good runs."),

    case("d2l-ai-d2l-en-2225", "https://github.com/d2l-ai/d2l-en/pull/2225", "exact-type-dispatch", """
import torch
from torch import nn

net = nn.Sequential(nn.LazyLinear(8), nn.ReLU(), nn.LazyLinear(1))
X = torch.rand(size=(2, 4))
net(X)


def init_normal(module):
    if type(module) == nn.LazyLinear:
        nn.init.normal_(module.weight, mean=0, std=0.01)
        nn.init.zeros_(module.bias)


def init_constant(module):
    if type(module) == nn.LazyLinear:
        nn.init.constant_(module.weight, 1)
        nn.init.zeros_(module.bias)


net.apply(init_normal)
net[0].apply(init_constant)
""", """
import torch
from torch import nn

net = nn.Sequential(nn.LazyLinear(8), nn.ReLU(), nn.LazyLinear(1))
X = torch.rand(size=(2, 4))
net(X)


def init_normal(module):
    if isinstance(module, nn.Linear):
        nn.init.normal_(module.weight, mean=0, std=0.01)
        nn.init.zeros_(module.bias)


def init_constant(module):
    if isinstance(module, nn.Linear):
        nn.init.constant_(module.weight, 1)
        nn.init.zeros_(module.bias)


net.apply(init_normal)
net[0].apply(init_constant)
""", note="d2l parameter-initialization section compared type(module) == nn.LazyLinear, but a LazyLinear becomes a plain nn.Linear after its first forward, so every init was silently skipped; the PR switched to type(module) == nn.Linear, the good twin uses isinstance. verified: bad leaves net[0].weight at its default init (not all ones, bias not zero); good sets net[0].weight to 1 and bias to 0."),

    case("open-mmlab-mmengine-555", "https://github.com/open-mmlab/mmengine/pull/555", "init-after-pretrained-load", """
import torch
import torch.nn as nn


class BaseModule(nn.Module):
    def __init__(self, init_cfg=None):
        super().__init__()
        self._is_init = False
        self.init_cfg = init_cfg

    def init_weights(self):
        if not self._is_init:
            for m in self.modules():
                if isinstance(m, nn.Conv2d):
                    nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
                    if m.bias is not None:
                        nn.init.zeros_(m.bias)
                elif isinstance(m, nn.Linear):
                    nn.init.normal_(m.weight, std=0.01)
                    nn.init.zeros_(m.bias)
            self._is_init = True


class ImageClassifier(BaseModule):
    def __init__(self, num_classes=10, init_cfg=None):
        super().__init__(init_cfg)
        self.backbone = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.head = nn.Linear(8, num_classes)

    def forward(self, x):
        return self.head(self.backbone(x))


def load_checkpoint(model, filename):
    state_dict = torch.load(filename, map_location="cpu")
    model.load_state_dict(state_dict)
    return state_dict


def get_model(model_path, pretrained=False, **kwargs):
    model = ImageClassifier(**kwargs)
    if pretrained:
        load_checkpoint(model, model_path)
    return model


class Runner:
    def __init__(self, model, max_epochs=1):
        self.model = model
        self.max_epochs = max_epochs

    def train(self):
        self.model.init_weights()
        self.model.train()
        return self.model


model = get_model("resnet_tiny_8xb32_in1k.pth", pretrained=True)
runner = Runner(model)
runner.train()
""", """
import torch
import torch.nn as nn


class BaseModule(nn.Module):
    def __init__(self, init_cfg=None):
        super().__init__()
        self._is_init = False
        self.init_cfg = init_cfg

    def init_weights(self):
        if not self._is_init:
            for m in self.modules():
                if isinstance(m, nn.Conv2d):
                    nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
                    if m.bias is not None:
                        nn.init.zeros_(m.bias)
                elif isinstance(m, nn.Linear):
                    nn.init.normal_(m.weight, std=0.01)
                    nn.init.zeros_(m.bias)
            self._is_init = True


class ImageClassifier(BaseModule):
    def __init__(self, num_classes=10, init_cfg=None):
        super().__init__(init_cfg)
        self.backbone = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.head = nn.Linear(8, num_classes)

    def forward(self, x):
        return self.head(self.backbone(x))


def load_checkpoint(model, filename):
    state_dict = torch.load(filename, map_location="cpu")
    model.load_state_dict(state_dict)
    return state_dict


def get_model(model_path, pretrained=False, **kwargs):
    model = ImageClassifier(**kwargs)
    if pretrained:
        load_checkpoint(model, model_path)
        # If _is_init is not set here, Runner calls init_weights and overwrites the pretrained weights.
        model._is_init = True
    return model


class Runner:
    def __init__(self, model, max_epochs=1):
        self.model = model
        self.max_epochs = max_epochs

    def train(self):
        self.model.init_weights()
        self.model.train()
        return self.model


model = get_model("resnet_tiny_8xb32_in1k.pth", pretrained=True)
runner = Runner(model)
runner.train()
""", note="mmengine.hub.get_model loaded the checkpoint for pretrained=True but left _is_init False, so the Runner later called model.init_weights() and overwrote the pretrained weights; the PR sets _is_init = True after loading. The load happens in get_model and the re-init inside the Runner that keeps the model. verified (harness writes the checkpoint first): bad weights after runner.train() differ from the checkpoint; good weights equal it."),
    case("felix-laumann-Bayesian_CNN-10", "https://github.com/felix-laumann/Bayesian_CNN/issues/10", "class-name-dispatch", """
import numpy as np
import torch
import torch.nn as nn


def conv_init(m):
    classname = m.__class__.__name__
    if classname.find('Conv') != -1:
        nn.init.xavier_uniform_(m.weight, gain=np.sqrt(2))
        nn.init.constant_(m.bias, 0)


class F3Conv3FC(nn.Module):
    def __init__(self, outputs, inputs):
        super(F3Conv3FC, self).__init__()
        self.conv1 = nn.Conv2d(inputs, 8, 5, stride=1, padding=2)
        self.soft1 = nn.Softplus()
        self.pool1 = nn.MaxPool2d(kernel_size=3, stride=2)
        self.conv2 = nn.Conv2d(8, 16, 5, stride=1, padding=2)
        self.soft2 = nn.Softplus()
        self.pool2 = nn.MaxPool2d(kernel_size=3, stride=2)
        self.flatten = nn.Flatten()
        self.fc1 = nn.Linear(16 * 7 * 7, 32)
        self.fc2 = nn.Linear(32, outputs)

    def forward(self, x):
        x = self.pool1(self.soft1(self.conv1(x)))
        x = self.pool2(self.soft2(self.conv2(x)))
        return self.fc2(self.fc1(self.flatten(x)))


net = F3Conv3FC(outputs=10, inputs=3)
net.apply(conv_init)
""", """
import numpy as np
import torch
import torch.nn as nn


def conv_init(m):
    if isinstance(m, nn.Conv2d):
        nn.init.xavier_uniform_(m.weight, gain=np.sqrt(2))
        nn.init.constant_(m.bias, 0)


class F3Conv3FC(nn.Module):
    def __init__(self, outputs, inputs):
        super(F3Conv3FC, self).__init__()
        self.conv1 = nn.Conv2d(inputs, 8, 5, stride=1, padding=2)
        self.soft1 = nn.Softplus()
        self.pool1 = nn.MaxPool2d(kernel_size=3, stride=2)
        self.conv2 = nn.Conv2d(8, 16, 5, stride=1, padding=2)
        self.soft2 = nn.Softplus()
        self.pool2 = nn.MaxPool2d(kernel_size=3, stride=2)
        self.flatten = nn.Flatten()
        self.fc1 = nn.Linear(16 * 7 * 7, 32)
        self.fc2 = nn.Linear(32, outputs)

    def forward(self, x):
        x = self.pool1(self.soft1(self.conv1(x)))
        x = self.pool2(self.soft2(self.conv2(x)))
        return self.fc2(self.fc1(self.flatten(x)))


net = F3Conv3FC(outputs=10, inputs=3)
net.apply(conv_init)
""", note="conv_init dispatches on classname.find('Conv'); the frequentist model class itself is named F3Conv3FC, so apply() reaches the top-level model, which has no .weight. The report's code used the deprecated xavier_uniform/constant names too; rebuilt with the underscore names to keep one bug. verified: bad raises AttributeError \"'F3Conv3FC' object has no attribute 'weight'\"; good runs."),

    case("torchgan-torchgan-135", "https://github.com/torchgan/torchgan/issues/135", "class-name-dispatch", """
import torch
import torch.nn as nn


class VirtualBatchNorm(nn.Module):
    def __init__(self, in_features, eps=1e-5):
        super(VirtualBatchNorm, self).__init__()
        self.in_features = in_features
        self.scale = eps
        self.gamma = nn.Parameter(torch.ones(1, in_features, 1, 1))
        self.beta = nn.Parameter(torch.zeros(1, in_features, 1, 1))
        self.ref_mu = None
        self.ref_var = None

    def forward(self, x):
        if self.ref_mu is None:
            self.ref_mu = x.mean(dim=(0, 2, 3), keepdim=True).detach()
            self.ref_var = x.var(dim=(0, 2, 3), keepdim=True).detach()
        return (x - self.ref_mu) / torch.sqrt(self.ref_var + self.scale) * self.gamma + self.beta


class Generator(nn.Module):
    def __init__(self, nz=16, ngf=8):
        super(Generator, self).__init__()
        self.main = nn.Sequential(
            nn.ConvTranspose2d(nz, ngf * 2, 4, 1, 0, bias=False),
            VirtualBatchNorm(ngf * 2),
            nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 2, 3, 4, 2, 1, bias=False),
            nn.Tanh(),
        )

    def forward(self, z):
        return self.main(z)


def weights_init(m):
    classname = m.__class__.__name__
    print(classname)
    if classname.find('Conv') != -1:
        nn.init.normal_(m.weight.data, 0.0, 0.02)
    elif classname.find('BatchNorm') != -1:
        nn.init.normal_(m.weight.data, 1.0, 0.02)
        nn.init.constant_(m.bias.data, 0)


netG = Generator()
netG.apply(weights_init)
""", """
import torch
import torch.nn as nn


class VirtualBatchNorm(nn.Module):
    def __init__(self, in_features, eps=1e-5):
        super(VirtualBatchNorm, self).__init__()
        self.in_features = in_features
        self.scale = eps
        self.gamma = nn.Parameter(torch.ones(1, in_features, 1, 1))
        self.beta = nn.Parameter(torch.zeros(1, in_features, 1, 1))
        self.ref_mu = None
        self.ref_var = None

    def forward(self, x):
        if self.ref_mu is None:
            self.ref_mu = x.mean(dim=(0, 2, 3), keepdim=True).detach()
            self.ref_var = x.var(dim=(0, 2, 3), keepdim=True).detach()
        return (x - self.ref_mu) / torch.sqrt(self.ref_var + self.scale) * self.gamma + self.beta


class Generator(nn.Module):
    def __init__(self, nz=16, ngf=8):
        super(Generator, self).__init__()
        self.main = nn.Sequential(
            nn.ConvTranspose2d(nz, ngf * 2, 4, 1, 0, bias=False),
            VirtualBatchNorm(ngf * 2),
            nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 2, 3, 4, 2, 1, bias=False),
            nn.Tanh(),
        )

    def forward(self, z):
        return self.main(z)


def weights_init(m):
    classname = m.__class__.__name__
    print(classname)
    if classname.find('Conv') != -1:
        nn.init.normal_(m.weight.data, 0.0, 0.02)
    elif classname.find('BatchNorm') != -1 and classname.find('VirtualBatchNorm') == -1:
        nn.init.normal_(m.weight.data, 1.0, 0.02)
        nn.init.constant_(m.bias.data, 0)


netG = Generator()
netG.apply(weights_init)
""", note="DCGAN-style weights_init matches classname.find('BatchNorm') on torchgan's VirtualBatchNorm, which keeps gamma/beta instead of weight/bias (rebuilt here as a project class); the maintainer suggested excluding 'VirtualBatchNorm'. verified: bad raises AttributeError \"'VirtualBatchNorm' object has no attribute 'weight'\"; good runs."),

    case("HUSTSYJ-DA_dahazing-12", "https://github.com/HUSTSYJ/DA_dahazing/issues/12", "invalid-init-argument", """
import torch
import torch.nn as nn
from torch.nn import init


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
            init.uniform_(m.weight.data, 1.0, gain)
            init.constant_(m.bias.data, 0.0)

    print('initialize network with %s' % init_type)
    net.apply(init_func)


class DehazeNet(nn.Module):
    def __init__(self, ngf=8):
        super(DehazeNet, self).__init__()
        self.model = nn.Sequential(
            nn.Conv2d(3, ngf, 3, padding=1, bias=False),
            nn.BatchNorm2d(ngf),
            nn.ReLU(True),
            nn.Conv2d(ngf, 3, 3, padding=1),
            nn.Tanh(),
        )

    def forward(self, x):
        return self.model(x)


net = DehazeNet()
init_weights(net, init_type='normal', gain=0.02)
""", """
import torch
import torch.nn as nn
from torch.nn import init


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


class DehazeNet(nn.Module):
    def __init__(self, ngf=8):
        super(DehazeNet, self).__init__()
        self.model = nn.Sequential(
            nn.Conv2d(3, ngf, 3, padding=1, bias=False),
            nn.BatchNorm2d(ngf),
            nn.ReLU(True),
            nn.Conv2d(ngf, 3, 3, padding=1),
            nn.Tanh(),
        )

    def forward(self, x):
        return self.model(x)


net = DehazeNet()
init_weights(net, init_type='normal', gain=0.02)
""", note="CycleGAN-style init_weights draws the BatchNorm weight with init.uniform_(w, 1.0, gain): normal_'s (mean, std) pasted into uniform_'s (a, b); b is the gain parameter (0.02), not a literal. The thread's fix was switching to normal_. verified: bad raises RuntimeError 'uniform_ expects to return a [from, to) range, but found from=1 > to=0.02'; good runs."),

    case("Ha0Tang-C2GAN-3", "https://github.com/Ha0Tang/C2GAN/issues/3", "invalid-init-argument", """
import torch
import torch.nn as nn
from torch.nn import init


def weights_init_normal(m):
    classname = m.__class__.__name__
    if classname.find('Conv') != -1:
        init.normal_(m.weight.data, 0.0, 0.02)
    elif classname.find('Linear') != -1:
        init.normal_(m.weight.data, 0.0, 0.02)
    elif classname.find('BatchNorm2d') != -1:
        init.uniform_(m.weight.data, 1.0, 0.02)
        init.constant_(m.bias.data, 0.0)


def init_weights(net, init_type='normal'):
    print('initialization method [%s]' % init_type)
    if init_type == 'normal':
        net.apply(weights_init_normal)
    else:
        raise NotImplementedError('initialization method [%s] is not implemented' % init_type)


class NLayerDiscriminator(nn.Module):
    def __init__(self, input_nc=3, ndf=8, n_layers=2):
        super(NLayerDiscriminator, self).__init__()
        sequence = [nn.Conv2d(input_nc, ndf, 4, 2, 1), nn.LeakyReLU(0.2, True)]
        nf_mult = 1
        for n in range(1, n_layers):
            nf_mult_prev, nf_mult = nf_mult, min(2 ** n, 8)
            sequence += [
                nn.Conv2d(ndf * nf_mult_prev, ndf * nf_mult, 4, 2, 1, bias=False),
                nn.BatchNorm2d(ndf * nf_mult),
                nn.LeakyReLU(0.2, True),
            ]
        sequence += [nn.Conv2d(ndf * nf_mult, 1, 4, 1, 1)]
        self.model = nn.Sequential(*sequence)

    def forward(self, x):
        return self.model(x)


netD = NLayerDiscriminator()
init_weights(netD, init_type='normal')
""", """
import torch
import torch.nn as nn
from torch.nn import init


def weights_init_normal(m):
    classname = m.__class__.__name__
    if classname.find('Conv') != -1:
        init.normal_(m.weight.data, 0.0, 0.02)
    elif classname.find('Linear') != -1:
        init.normal_(m.weight.data, 0.0, 0.02)
    elif classname.find('BatchNorm2d') != -1:
        init.uniform_(m.weight.data, 0.02, 1.0)
        init.constant_(m.bias.data, 0.0)


def init_weights(net, init_type='normal'):
    print('initialization method [%s]' % init_type)
    if init_type == 'normal':
        net.apply(weights_init_normal)
    else:
        raise NotImplementedError('initialization method [%s] is not implemented' % init_type)


class NLayerDiscriminator(nn.Module):
    def __init__(self, input_nc=3, ndf=8, n_layers=2):
        super(NLayerDiscriminator, self).__init__()
        sequence = [nn.Conv2d(input_nc, ndf, 4, 2, 1), nn.LeakyReLU(0.2, True)]
        nf_mult = 1
        for n in range(1, n_layers):
            nf_mult_prev, nf_mult = nf_mult, min(2 ** n, 8)
            sequence += [
                nn.Conv2d(ndf * nf_mult_prev, ndf * nf_mult, 4, 2, 1, bias=False),
                nn.BatchNorm2d(ndf * nf_mult),
                nn.LeakyReLU(0.2, True),
            ]
        sequence += [nn.Conv2d(ndf * nf_mult, 1, 4, 1, 1)]
        self.model = nn.Sequential(*sequence)

    def forward(self, x):
        return self.model(x)


netD = NLayerDiscriminator()
init_weights(netD, init_type='normal')
""", note="C2GAN's weights_init_normal calls init.uniform(m.weight.data, 1.0, 0.02) with literal bounds reversed; the thread's fix swaps them. The original spelled the deprecated init.uniform/normal/constant; rebuilt with the underscore names to keep one bug. verified: bad raises RuntimeError 'uniform_ expects to return a [from, to) range, but found from=1 > to=0.02'; good runs."),

    case("cfzd-FcaNet-29", "https://github.com/cfzd/FcaNet/issues/29", "plain-tensor-registered-as-parameter", """
import math
import torch
import torch.nn as nn


class MultiSpectralDCTLayer(nn.Module):
    def __init__(self, height, width, mapper_x, mapper_y, channel, learnable=True):
        super(MultiSpectralDCTLayer, self).__init__()
        assert len(mapper_x) == len(mapper_y)
        assert channel % len(mapper_x) == 0
        self.num_freq = len(mapper_x)
        if learnable:
            # learnable DCT init
            self.register_parameter('weight', self.get_dct_filter(height, width, mapper_x, mapper_y, channel))
        else:
            self.register_buffer('weight', self.get_dct_filter(height, width, mapper_x, mapper_y, channel))

    def forward(self, x):
        return torch.sum(x * self.weight, dim=[2, 3])

    def build_filter(self, pos, freq, POS):
        result = math.cos(math.pi * freq * (pos + 0.5) / POS) / math.sqrt(POS)
        return result if freq == 0 else result * math.sqrt(2)

    def get_dct_filter(self, tile_size_x, tile_size_y, mapper_x, mapper_y, channel):
        dct_filter = torch.zeros(channel, tile_size_x, tile_size_y)
        c_part = channel // len(mapper_x)
        for i, (u_x, v_y) in enumerate(zip(mapper_x, mapper_y)):
            for t_x in range(tile_size_x):
                for t_y in range(tile_size_y):
                    dct_filter[i * c_part:(i + 1) * c_part, t_x, t_y] = (
                        self.build_filter(t_x, u_x, tile_size_x) * self.build_filter(t_y, v_y, tile_size_y))
        return dct_filter


class MultiSpectralAttentionLayer(nn.Module):
    def __init__(self, channel, dct_h=7, dct_w=7, reduction=4):
        super(MultiSpectralAttentionLayer, self).__init__()
        mapper_x, mapper_y = [0, 0, 6, 0], [0, 1, 0, 5]
        self.dct_layer = MultiSpectralDCTLayer(dct_h, dct_w, mapper_x, mapper_y, channel)
        self.fc = nn.Sequential(
            nn.Linear(channel, channel // reduction, bias=False),
            nn.ReLU(inplace=True),
            nn.Linear(channel // reduction, channel, bias=False),
            nn.Sigmoid(),
        )

    def forward(self, x):
        y = self.fc(self.dct_layer(x))
        return x * y[:, :, None, None]


att = MultiSpectralAttentionLayer(16)
""", """
import math
import torch
import torch.nn as nn


class MultiSpectralDCTLayer(nn.Module):
    def __init__(self, height, width, mapper_x, mapper_y, channel, learnable=True):
        super(MultiSpectralDCTLayer, self).__init__()
        assert len(mapper_x) == len(mapper_y)
        assert channel % len(mapper_x) == 0
        self.num_freq = len(mapper_x)
        if learnable:
            # learnable DCT init
            self.register_parameter('weight', nn.Parameter(self.get_dct_filter(height, width, mapper_x, mapper_y, channel)))
        else:
            self.register_buffer('weight', self.get_dct_filter(height, width, mapper_x, mapper_y, channel))

    def forward(self, x):
        return torch.sum(x * self.weight, dim=[2, 3])

    def build_filter(self, pos, freq, POS):
        result = math.cos(math.pi * freq * (pos + 0.5) / POS) / math.sqrt(POS)
        return result if freq == 0 else result * math.sqrt(2)

    def get_dct_filter(self, tile_size_x, tile_size_y, mapper_x, mapper_y, channel):
        dct_filter = torch.zeros(channel, tile_size_x, tile_size_y)
        c_part = channel // len(mapper_x)
        for i, (u_x, v_y) in enumerate(zip(mapper_x, mapper_y)):
            for t_x in range(tile_size_x):
                for t_y in range(tile_size_y):
                    dct_filter[i * c_part:(i + 1) * c_part, t_x, t_y] = (
                        self.build_filter(t_x, u_x, tile_size_x) * self.build_filter(t_y, v_y, tile_size_y))
        return dct_filter


class MultiSpectralAttentionLayer(nn.Module):
    def __init__(self, channel, dct_h=7, dct_w=7, reduction=4):
        super(MultiSpectralAttentionLayer, self).__init__()
        mapper_x, mapper_y = [0, 0, 6, 0], [0, 1, 0, 5]
        self.dct_layer = MultiSpectralDCTLayer(dct_h, dct_w, mapper_x, mapper_y, channel)
        self.fc = nn.Sequential(
            nn.Linear(channel, channel // reduction, bias=False),
            nn.ReLU(inplace=True),
            nn.Linear(channel // reduction, channel, bias=False),
            nn.Sigmoid(),
        )

    def forward(self, x):
        y = self.fc(self.dct_layer(x))
        return x * y[:, :, None, None]


att = MultiSpectralAttentionLayer(16)
""", note="FcaNet's learnable-DCT init registers the DCT filter tensor with register_parameter without wrapping it in nn.Parameter; the thread's fix wraps it. INI107 speaks of a plain tensor assigned to an already registered parameter or to a layer's weight/bias, not of register_parameter with a plain tensor, so classed out of scope. verified: bad raises TypeError \"cannot assign 'torch.FloatTensor' object to parameter 'weight' (torch.nn.Parameter or None required)\"; good runs and dct_layer.weight is a Parameter."),
    case("meetps-pytorch-semseg-37", "https://github.com/meetps/pytorch-semseg/issues/37", "deprecated-init-name", """
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.nn.init as init


### define weight initialization
###########################################################
def init_weights(m):

    if type(m) == nn.Conv2d:
        init.xavier_uniform(m.weight, gain=np.sqrt(2))
        init.constant(m.bias, 0.0)
##########################################################


class DoubleConv(nn.Module):
    def __init__(self, in_ch, out_ch):
        super().__init__()
        self.conv1 = nn.Conv2d(in_ch, out_ch, 3, padding=1)
        self.conv2 = nn.Conv2d(out_ch, out_ch, 3, padding=1)

    def forward(self, x):
        return F.relu(self.conv2(F.relu(self.conv1(x))))


class UNet(nn.Module):
    def __init__(self, n_classes=2, base=8):
        super().__init__()
        self.down1 = DoubleConv(1, base)
        self.down2 = DoubleConv(base, 2 * base)
        self.up1 = DoubleConv(3 * base, base)
        self.final = nn.Conv2d(base, n_classes, 1)

    def forward(self, x):
        d1 = self.down1(x)
        d2 = self.down2(F.max_pool2d(d1, 2))
        u1 = F.interpolate(d2, scale_factor=2, mode="bilinear", align_corners=False)
        return self.final(self.up1(torch.cat([u1, d1], dim=1)))


model = UNet()
model.apply(init_weights)
""", """
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.nn.init as init


### define weight initialization
###########################################################
def init_weights(m):

    if type(m) == nn.Conv2d:
        init.xavier_uniform_(m.weight, gain=np.sqrt(2))
        init.constant_(m.bias, 0.0)
##########################################################


class DoubleConv(nn.Module):
    def __init__(self, in_ch, out_ch):
        super().__init__()
        self.conv1 = nn.Conv2d(in_ch, out_ch, 3, padding=1)
        self.conv2 = nn.Conv2d(out_ch, out_ch, 3, padding=1)

    def forward(self, x):
        return F.relu(self.conv2(F.relu(self.conv1(x))))


class UNet(nn.Module):
    def __init__(self, n_classes=2, base=8):
        super().__init__()
        self.down1 = DoubleConv(1, base)
        self.down2 = DoubleConv(base, 2 * base)
        self.up1 = DoubleConv(3 * base, base)
        self.final = nn.Conv2d(base, n_classes, 1)

    def forward(self, x):
        d1 = self.down1(x)
        d2 = self.down2(F.max_pool2d(d1, 2))
        u1 = F.interpolate(d2, scale_factor=2, mode="bilinear", align_corners=False)
        return self.final(self.up1(torch.cat([u1, d1], dim=1)))


model = UNet()
model.apply(init_weights)
""", note="a weight-initialization thread shares a UNet training script whose init_weights (applied with model.apply) calls init.xavier_uniform and init.constant, the aliases deprecated since PyTorch 0.4 (the thread is a how-to, the defect is in the posted code). The type(m) == nn.Conv2d test is kept from the post; the rebuilt UNet builds only plain Conv2d layers, so it skips nothing here. verified: bad emits FutureWarning for nn.init.xavier_uniform and nn.init.constant; good emits none."),
    # ---- collector B ------------------------------------------------------------------------------------------
    case('Blealtan-efficient-kan-72',
         'https://github.com/Blealtan/efficient-kan/issues/72',
         'kaiming-a-as-gain', """
import math

import torch
import torch.nn.functional as F


class KANLinear(torch.nn.Module):
    def __init__(self, in_features, out_features, grid_size=5, spline_order=3, scale_noise=0.1,
                 scale_base=1.0, scale_spline=1.0, base_activation=torch.nn.SiLU, grid_range=(-1, 1)):
        super().__init__()
        self.in_features = in_features
        self.out_features = out_features
        self.grid_size = grid_size
        self.spline_order = spline_order
        h = (grid_range[1] - grid_range[0]) / grid_size
        grid = (torch.arange(-spline_order, grid_size + spline_order + 1) * h + grid_range[0])
        self.register_buffer("grid", grid.expand(in_features, -1).contiguous())
        self.base_weight = torch.nn.Parameter(torch.Tensor(out_features, in_features))
        self.spline_weight = torch.nn.Parameter(torch.Tensor(out_features, in_features, grid_size + spline_order))
        self.scale_noise = scale_noise
        self.scale_base = scale_base
        self.scale_spline = scale_spline
        self.base_activation = base_activation()
        self.reset_parameters()

    def reset_parameters(self):
        torch.nn.init.kaiming_uniform_(self.base_weight, a=math.sqrt(5) * self.scale_base)
        with torch.no_grad():
            noise = (torch.rand(self.out_features, self.in_features, self.grid_size + self.spline_order) - 0.5)
            self.spline_weight.data.copy_(noise * self.scale_noise * self.scale_spline / self.grid_size)

    def forward(self, x):
        base_output = F.linear(self.base_activation(x), self.base_weight)
        return base_output


layer = KANLinear(64, 32, scale_base=2.0)
""", """
import math

import torch
import torch.nn.functional as F


class KANLinear(torch.nn.Module):
    def __init__(self, in_features, out_features, grid_size=5, spline_order=3, scale_noise=0.1,
                 scale_base=1.0, scale_spline=1.0, base_activation=torch.nn.SiLU, grid_range=(-1, 1)):
        super().__init__()
        self.in_features = in_features
        self.out_features = out_features
        self.grid_size = grid_size
        self.spline_order = spline_order
        h = (grid_range[1] - grid_range[0]) / grid_size
        grid = (torch.arange(-spline_order, grid_size + spline_order + 1) * h + grid_range[0])
        self.register_buffer("grid", grid.expand(in_features, -1).contiguous())
        self.base_weight = torch.nn.Parameter(torch.Tensor(out_features, in_features))
        self.spline_weight = torch.nn.Parameter(torch.Tensor(out_features, in_features, grid_size + spline_order))
        self.scale_noise = scale_noise
        self.scale_base = scale_base
        self.scale_spline = scale_spline
        self.base_activation = base_activation()
        self.reset_parameters()

    def reset_parameters(self):
        torch.nn.init.kaiming_uniform_(self.base_weight, a=math.sqrt(5))
        with torch.no_grad():
            self.base_weight.mul_(self.scale_base)
            noise = (torch.rand(self.out_features, self.in_features, self.grid_size + self.spline_order) - 0.5)
            self.spline_weight.data.copy_(noise * self.scale_noise * self.scale_spline / self.grid_size)

    def forward(self, x):
        base_output = F.linear(self.base_activation(x), self.base_weight)
        return base_output


layer = KANLinear(64, 32, scale_base=2.0)
""",
         note="scale_base is multiplied into kaiming_uniform_'s a= (the leaky_relu negative slope), so a larger scale_base gives SMALLER base weights; the thread suggests scaling after the init. verified: bad base_weight std falls from 0.073 (scale_base=1) to 0.039 (scale_base=2); good rises to 0.145.",
         scope=None),
    case('EdGENetworks-attention-networks-for-classification-7',
         'https://github.com/EdGENetworks/attention-networks-for-classification/issues/7',
         'param-never-initialized', """
import torch
import torch.nn as nn


def batch_matmul_bias(seq, weight, bias, nonlinearity=""):
    out = []
    for i in range(seq.size(0)):
        s = torch.mm(seq[i], weight) + bias.expand(bias.size(0), seq.size(1)).transpose(0, 1)
        if nonlinearity == "tanh":
            s = torch.tanh(s)
        out.append(s.unsqueeze(0))
    return torch.cat(out, 0)


def batch_matmul(seq, weight):
    return torch.cat([torch.mm(seq[i], weight).unsqueeze(0) for i in range(seq.size(0))], 0).squeeze(-1)


class AttentionWordRNN(nn.Module):
    def __init__(self, vocab_size, embed_size, word_gru_hidden, bidirectional=True):
        super().__init__()
        self.lookup = nn.Embedding(vocab_size, embed_size)
        self.word_gru = nn.GRU(embed_size, word_gru_hidden, bidirectional=bidirectional)
        width = 2 * word_gru_hidden if bidirectional else word_gru_hidden
        self.weight_W_word = nn.Parameter(torch.Tensor(width, width))
        self.bias_word = nn.Parameter(torch.Tensor(width, 1))
        self.weight_proj_word = nn.Parameter(torch.Tensor(width, 1))
        self.softmax_word = nn.Softmax(dim=0)
        self.weight_W_word.data.uniform_(-0.1, 0.1)
        self.weight_proj_word.data.uniform_(-0.1, 0.1)

    def forward(self, embed, state_word):
        output_word, state_word = self.word_gru(self.lookup(embed), state_word)
        word_squish = batch_matmul_bias(output_word, self.weight_W_word, self.bias_word, nonlinearity="tanh")
        word_attn = self.softmax_word(batch_matmul(word_squish, self.weight_proj_word))
        return (word_attn.unsqueeze(-1) * output_word).sum(0), state_word


model = AttentionWordRNN(vocab_size=50, embed_size=8, word_gru_hidden=4)
""", """
import torch
import torch.nn as nn


def batch_matmul_bias(seq, weight, bias, nonlinearity=""):
    out = []
    for i in range(seq.size(0)):
        s = torch.mm(seq[i], weight) + bias.expand(bias.size(0), seq.size(1)).transpose(0, 1)
        if nonlinearity == "tanh":
            s = torch.tanh(s)
        out.append(s.unsqueeze(0))
    return torch.cat(out, 0)


def batch_matmul(seq, weight):
    return torch.cat([torch.mm(seq[i], weight).unsqueeze(0) for i in range(seq.size(0))], 0).squeeze(-1)


class AttentionWordRNN(nn.Module):
    def __init__(self, vocab_size, embed_size, word_gru_hidden, bidirectional=True):
        super().__init__()
        self.lookup = nn.Embedding(vocab_size, embed_size)
        self.word_gru = nn.GRU(embed_size, word_gru_hidden, bidirectional=bidirectional)
        width = 2 * word_gru_hidden if bidirectional else word_gru_hidden
        self.weight_W_word = nn.Parameter(torch.Tensor(width, width))
        self.bias_word = nn.Parameter(torch.Tensor(width, 1))
        self.weight_proj_word = nn.Parameter(torch.Tensor(width, 1))
        self.softmax_word = nn.Softmax(dim=0)
        self.weight_W_word.data.uniform_(-0.1, 0.1)
        self.bias_word.data.uniform_(-0.1, 0.1)
        self.weight_proj_word.data.uniform_(-0.1, 0.1)

    def forward(self, embed, state_word):
        output_word, state_word = self.word_gru(self.lookup(embed), state_word)
        word_squish = batch_matmul_bias(output_word, self.weight_W_word, self.bias_word, nonlinearity="tanh")
        word_attn = self.softmax_word(batch_matmul(word_squish, self.weight_proj_word))
        return (word_attn.unsqueeze(-1) * output_word).sum(0), state_word


model = AttentionWordRNN(vocab_size=50, embed_size=8, word_gru_hidden=4)
""",
         note='bias_word built from torch.Tensor(...) is never initialized while its two siblings are; loss can start as NaN. verified: with torch.use_deterministic_algorithms(True) (fill_uninitialized_memory) bad bias_word is all NaN and forward output is NaN; good output finite.',
         scope=None),
    case('IDEA-Research-DAB-DETR-17',
         'https://github.com/IDEA-Research/DAB-DETR/pull/17',
         'repeated-module-instance', """
import torch
import torch.nn as nn
import torch.nn.functional as F


class MLP(nn.Module):
    def __init__(self, input_dim, hidden_dim, output_dim, num_layers):
        super().__init__()
        self.num_layers = num_layers
        h = [hidden_dim] * (num_layers - 1)
        self.layers = nn.ModuleList(nn.Linear(n, k) for n, k in zip([input_dim] + h, h + [output_dim]))

    def forward(self, x):
        for i, layer in enumerate(self.layers):
            x = F.relu(layer(x)) if i < self.num_layers - 1 else layer(x)
        return x


class DABDETRHead(nn.Module):
    def __init__(self, d_model=32, num_classes=5, num_dec_layers=6, bbox_embed_diff_each_layer=True):
        super().__init__()
        self.num_dec_layers = num_dec_layers
        self.class_embed = nn.Linear(d_model, num_classes)
        self.bbox_embed_diff_each_layer = bbox_embed_diff_each_layer
        _bbox_embed = MLP(d_model, d_model, 4, 3)
        nn.init.constant_(_bbox_embed.layers[-1].weight.data, 0)
        nn.init.constant_(_bbox_embed.layers[-1].bias.data, 0)
        if bbox_embed_diff_each_layer:
            self.bbox_embed = nn.ModuleList([_bbox_embed for i in range(num_dec_layers)])
        else:
            self.bbox_embed = _bbox_embed

    def forward(self, hs, reference):
        coords = []
        for lvl in range(hs.shape[0]):
            embed = self.bbox_embed[lvl] if self.bbox_embed_diff_each_layer else self.bbox_embed
            tmp = embed(hs[lvl]) + torch.logit(reference, eps=1e-5)
            coords.append(tmp.sigmoid())
        return self.class_embed(hs), torch.stack(coords)


head = DABDETRHead()
""", """
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F


class MLP(nn.Module):
    def __init__(self, input_dim, hidden_dim, output_dim, num_layers):
        super().__init__()
        self.num_layers = num_layers
        h = [hidden_dim] * (num_layers - 1)
        self.layers = nn.ModuleList(nn.Linear(n, k) for n, k in zip([input_dim] + h, h + [output_dim]))

    def forward(self, x):
        for i, layer in enumerate(self.layers):
            x = F.relu(layer(x)) if i < self.num_layers - 1 else layer(x)
        return x


class DABDETRHead(nn.Module):
    def __init__(self, d_model=32, num_classes=5, num_dec_layers=6, bbox_embed_diff_each_layer=True):
        super().__init__()
        self.num_dec_layers = num_dec_layers
        self.class_embed = nn.Linear(d_model, num_classes)
        self.bbox_embed_diff_each_layer = bbox_embed_diff_each_layer
        _bbox_embed = MLP(d_model, d_model, 4, 3)
        nn.init.constant_(_bbox_embed.layers[-1].weight.data, 0)
        nn.init.constant_(_bbox_embed.layers[-1].bias.data, 0)
        if bbox_embed_diff_each_layer:
            self.bbox_embed = nn.ModuleList([copy.deepcopy(_bbox_embed) for i in range(num_dec_layers)])
        else:
            self.bbox_embed = _bbox_embed

    def forward(self, hs, reference):
        coords = []
        for lvl in range(hs.shape[0]):
            embed = self.bbox_embed[lvl] if self.bbox_embed_diff_each_layer else self.bbox_embed
            tmp = embed(hs[lvl]) + torch.logit(reference, eps=1e-5)
            coords.append(tmp.sigmoid())
        return self.class_embed(hs), torch.stack(coords)


head = DABDETRHead()
""",
         note='bbox_embed_diff_each_layer=True is meant to give every decoder layer its own box MLP, but [_bbox_embed for i in range(N)] repeats one instance (shallow), so all layers share one set of weights; the PR deep-copies. verified: bad bbox_embed[0] is bbox_embed[5] and the head has the parameter count of one MLP; good has 6 distinct MLPs.',
         scope=None),
    case('IpsumDominum-Pytorch-Simple-Transformer-2',
         'https://github.com/IpsumDominum/Pytorch-Simple-Transformer/issues/2',
         'unregistered-layer-container', """
import math

import torch
import torch.nn as nn


class TransformerBlock(nn.Module):
    def __init__(self, embed_dim, num_heads, mask=False):
        super().__init__()
        self.mask = mask
        self.attention = nn.MultiheadAttention(embed_dim, num_heads, batch_first=True)
        self.norm1 = nn.LayerNorm(embed_dim)
        self.norm2 = nn.LayerNorm(embed_dim)
        self.fc = nn.Sequential(nn.Linear(embed_dim, 4 * embed_dim), nn.ReLU(), nn.Linear(4 * embed_dim, embed_dim))

    def forward(self, query, key, value, x):
        attended, _ = self.attention(query, key, value)
        x = self.norm1(attended + x)
        return self.norm2(self.fc(x) + x)


class PositionalEncoding(nn.Module):
    def __init__(self, embed_dim, max_len=64):
        super().__init__()
        pos = torch.arange(max_len).unsqueeze(1)
        div = torch.exp(torch.arange(0, embed_dim, 2) * (-math.log(10000.0) / embed_dim))
        pe = torch.zeros(max_len, embed_dim)
        pe[:, 0::2] = torch.sin(pos * div)
        pe[:, 1::2] = torch.cos(pos * div)
        self.register_buffer("pe", pe)

    def forward(self, x):
        return x + self.pe[: x.size(1)]


class Encoder(nn.Module):
    def __init__(self, embed_dim, num_heads, num_blocks):
        super().__init__()
        self.transformer_blocks = [
            TransformerBlock(embed_dim, num_heads, mask=False) for _ in range(num_blocks)
        ]
        self.positional_encoding = PositionalEncoding(embed_dim)

    def forward(self, x):
        x = self.positional_encoding(x)
        for block in self.transformer_blocks:
            x = block(x, x, x, x)
        return x


encoder = Encoder(embed_dim=16, num_heads=2, num_blocks=2)
""", """
import math

import torch
import torch.nn as nn


class TransformerBlock(nn.Module):
    def __init__(self, embed_dim, num_heads, mask=False):
        super().__init__()
        self.mask = mask
        self.attention = nn.MultiheadAttention(embed_dim, num_heads, batch_first=True)
        self.norm1 = nn.LayerNorm(embed_dim)
        self.norm2 = nn.LayerNorm(embed_dim)
        self.fc = nn.Sequential(nn.Linear(embed_dim, 4 * embed_dim), nn.ReLU(), nn.Linear(4 * embed_dim, embed_dim))

    def forward(self, query, key, value, x):
        attended, _ = self.attention(query, key, value)
        x = self.norm1(attended + x)
        return self.norm2(self.fc(x) + x)


class PositionalEncoding(nn.Module):
    def __init__(self, embed_dim, max_len=64):
        super().__init__()
        pos = torch.arange(max_len).unsqueeze(1)
        div = torch.exp(torch.arange(0, embed_dim, 2) * (-math.log(10000.0) / embed_dim))
        pe = torch.zeros(max_len, embed_dim)
        pe[:, 0::2] = torch.sin(pos * div)
        pe[:, 1::2] = torch.cos(pos * div)
        self.register_buffer("pe", pe)

    def forward(self, x):
        return x + self.pe[: x.size(1)]


class Encoder(nn.Module):
    def __init__(self, embed_dim, num_heads, num_blocks):
        super().__init__()
        self.transformer_blocks = nn.ModuleList([
            TransformerBlock(embed_dim, num_heads, mask=False) for _ in range(num_blocks)
        ])
        self.positional_encoding = PositionalEncoding(embed_dim)

    def forward(self, x):
        x = self.positional_encoding(x)
        for block in self.transformer_blocks:
            x = block(x, x, x, x)
        return x


encoder = Encoder(embed_dim=16, num_heads=2, num_blocks=2)
""",
         note="The encoder's transformer blocks live in a plain list comprehension, so they get no gradient flow to the optimizer and are not saved in the checkpoint (LOAD does not reproduce the loss). Fix: nn.ModuleList. verified: bad Encoder.state_dict() has no transformer_blocks keys; good has them.",
         scope=None),
    case('MiniMax-AI-MiniMax-H3-10',
         'https://github.com/MiniMax-AI/MiniMax-H3/pull/10',
         'init-on-reparametrized-weight', """
import torch
import torch.nn as nn
from torch.nn.utils.parametrizations import weight_norm


def WNConv1d(*args, **kwargs):
    return weight_norm(nn.Conv1d(*args, **kwargs))


def init_weights(m):
    if isinstance(m, nn.Conv1d):
        nn.init.trunc_normal_(m.weight, std=0.02)
        nn.init.constant_(m.bias, 0)


class ResidualUnit(nn.Module):
    def __init__(self, dim=16, dilation=1):
        super().__init__()
        pad = ((7 - 1) * dilation) // 2
        self.block = nn.Sequential(
            nn.ELU(),
            WNConv1d(dim, dim, kernel_size=7, dilation=dilation, padding=pad),
            nn.ELU(),
            WNConv1d(dim, dim, kernel_size=1),
        )

    def forward(self, x):
        return x + self.block(x)


class Encoder(nn.Module):
    def __init__(self, d_model=8, latent_dim=4):
        super().__init__()
        self.block = nn.Sequential(
            WNConv1d(1, d_model, kernel_size=7, padding=3),
            ResidualUnit(d_model, dilation=1),
            ResidualUnit(d_model, dilation=3),
            WNConv1d(d_model, latent_dim, kernel_size=3, padding=1),
        )
        self.apply(init_weights)

    def forward(self, x):
        return self.block(x)


encoder = Encoder()
""", """
import torch
import torch.nn as nn
from torch.nn.utils.parametrizations import weight_norm


def WNConv1d(*args, **kwargs):
    return weight_norm(nn.Conv1d(*args, **kwargs))


def init_weights(m):
    if isinstance(m, nn.Conv1d):
        with torch.no_grad():
            m.weight = nn.init.trunc_normal_(torch.empty_like(m.weight), std=0.02)
        nn.init.constant_(m.bias, 0)


class ResidualUnit(nn.Module):
    def __init__(self, dim=16, dilation=1):
        super().__init__()
        pad = ((7 - 1) * dilation) // 2
        self.block = nn.Sequential(
            nn.ELU(),
            WNConv1d(dim, dim, kernel_size=7, dilation=dilation, padding=pad),
            nn.ELU(),
            WNConv1d(dim, dim, kernel_size=1),
        )

    def forward(self, x):
        return x + self.block(x)


class Encoder(nn.Module):
    def __init__(self, d_model=8, latent_dim=4):
        super().__init__()
        self.block = nn.Sequential(
            WNConv1d(1, d_model, kernel_size=7, padding=3),
            ResidualUnit(d_model, dilation=1),
            ResidualUnit(d_model, dilation=3),
            WNConv1d(d_model, latent_dim, kernel_size=3, padding=1),
        )
        self.apply(init_weights)

    def forward(self, x):
        return self.block(x)


encoder = Encoder()
""",
         note="The DAC-style audio VAE builds its convs through WNConv1d (parametrizations.weight_norm) and then self.apply(init_weights); nn.init.trunc_normal_(m.weight) fills the recomputed weight, not weight_norm's original0/original1, so the init is lost. Fix: assign the new value to m.weight (right_inverse sets g and v). verified: bad conv weight std stays at default (~0.08), good std 0.020.",
         scope=None),
    case('MiniMax-AI-MiniMax-H3-14',
         'https://github.com/MiniMax-AI/MiniMax-H3/pull/14',
         'init-on-reparametrized-weight', """
import torch
import torch.nn as nn
from torch.nn import Conv1d
from torch.nn.utils.parametrizations import weight_norm


def init_weights(m, mean=0.0, std=0.01):
    classname = m.__class__.__name__
    if classname.find("Conv") != -1:
        m.weight.data.normal_(mean, std)


def get_padding(kernel_size, dilation=1):
    return int((kernel_size * dilation - dilation) / 2)


class AMPBlock1(nn.Module):
    def __init__(self, channels, kernel_size=3, dilation=(1, 3, 5)):
        super().__init__()
        self.convs1 = nn.ModuleList([
            weight_norm(Conv1d(channels, channels, kernel_size, 1, dilation=d, padding=get_padding(kernel_size, d)))
            for d in dilation
        ])
        self.convs1.apply(init_weights)
        self.convs2 = nn.ModuleList([
            weight_norm(Conv1d(channels, channels, kernel_size, 1, dilation=1, padding=get_padding(kernel_size, 1)))
            for _ in range(len(dilation))
        ])
        self.convs2.apply(init_weights)

    def forward(self, x):
        for c1, c2 in zip(self.convs1, self.convs2):
            xt = c1(torch.nn.functional.leaky_relu(x, 0.1))
            xt = c2(torch.nn.functional.leaky_relu(xt, 0.1))
            x = xt + x
        return x


block = AMPBlock1(channels=8)
""", """
import torch
import torch.nn as nn
from torch.nn import Conv1d
from torch.nn.utils.parametrizations import weight_norm


def init_weights(m, mean=0.0, std=0.01):
    classname = m.__class__.__name__
    if classname.find("Conv") != -1:
        m.weight.data.normal_(mean, std)


def get_padding(kernel_size, dilation=1):
    return int((kernel_size * dilation - dilation) / 2)


class AMPBlock1(nn.Module):
    def __init__(self, channels, kernel_size=3, dilation=(1, 3, 5)):
        super().__init__()
        convs1 = nn.ModuleList([
            Conv1d(channels, channels, kernel_size, 1, dilation=d, padding=get_padding(kernel_size, d))
            for d in dilation
        ])
        convs1.apply(init_weights)
        self.convs1 = nn.ModuleList([weight_norm(c) for c in convs1])
        convs2 = nn.ModuleList([
            Conv1d(channels, channels, kernel_size, 1, dilation=1, padding=get_padding(kernel_size, 1))
            for _ in range(len(dilation))
        ])
        convs2.apply(init_weights)
        self.convs2 = nn.ModuleList([weight_norm(c) for c in convs2])

    def forward(self, x):
        for c1, c2 in zip(self.convs1, self.convs2):
            xt = c1(torch.nn.functional.leaky_relu(x, 0.1))
            xt = c2(torch.nn.functional.leaky_relu(xt, 0.1))
            x = xt + x
        return x


block = AMPBlock1(channels=8)
""",
         note='BigVGAN resblock fills ModuleLists with parametrizations.weight_norm(Conv1d) and then .apply(init_weights), whose m.weight.data.normal_ writes a recomputed temporary, so every conv keeps its default init. Fix: initialize the convs before wrapping them. verified: bad conv weight std ~0.1 (default) after init; good std ~0.01.',
         scope=None),
    case('appvision-ai-fast-bert-68',
         'https://github.com/appvision-ai/fast-bert/issues/68',
         'apply-callable-cannot-take-module', """
import torch.nn as nn
from torch.nn import BCEWithLogitsLoss
from transformers import BertConfig, BertModel, BertPreTrainedModel


class BertForMultiLabelSequenceClassification(BertPreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.num_labels = config.num_labels
        self.bert = BertModel(config)
        self.dropout = nn.Dropout(config.hidden_dropout_prob)
        self.classifier = nn.Linear(config.hidden_size, config.num_labels)
        self.apply(self.init_weights)

    def forward(self, input_ids, attention_mask=None, labels=None):
        pooled_output = self.bert(input_ids, attention_mask=attention_mask)[1]
        logits = self.classifier(self.dropout(pooled_output))
        if labels is not None:
            loss_fct = BCEWithLogitsLoss()
            return loss_fct(logits.view(-1, self.num_labels), labels.view(-1, self.num_labels)), logits
        return logits


config = BertConfig(vocab_size=100, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                    intermediate_size=32, num_labels=6)
model = BertForMultiLabelSequenceClassification(config)
""", """
import torch.nn as nn
from torch.nn import BCEWithLogitsLoss
from transformers import BertConfig, BertModel, BertPreTrainedModel


class BertForMultiLabelSequenceClassification(BertPreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.num_labels = config.num_labels
        self.bert = BertModel(config)
        self.dropout = nn.Dropout(config.hidden_dropout_prob)
        self.classifier = nn.Linear(config.hidden_size, config.num_labels)
        self.post_init()

    def forward(self, input_ids, attention_mask=None, labels=None):
        pooled_output = self.bert(input_ids, attention_mask=attention_mask)[1]
        logits = self.classifier(self.dropout(pooled_output))
        if labels is not None:
            loss_fct = BCEWithLogitsLoss()
            return loss_fct(logits.view(-1, self.num_labels), labels.view(-1, self.num_labels)), logits
        return logits


config = BertConfig(vocab_size=100, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                    intermediate_size=32, num_labels=6)
model = BertForMultiLabelSequenceClassification(config)
""",
         note='The multi-label BERT head calls self.apply(self.init_weights), but PreTrainedModel.init_weights(self) takes no module (it walks the model itself), so apply fails on the first submodule. verified (transformers 5.23): bad raises TypeError: PreTrainedModel.init_weights() takes 1 positional argument but 2 were given; good (self.post_init(), which runs init_weights over the model) builds.',
         scope=None),
    case('asyml-texar-pytorch-72',
         'https://github.com/asyml/texar-pytorch/issues/72',
         'unregistered-layer-container', """
import torch
import torch.nn as nn


class MergeLayer(nn.Module):
    def __init__(self, layers=None, mode="concat", dim=2):
        super().__init__()
        self._mode = mode
        self._dim = dim
        self._layers = None
        if layers is not None:
            if len(layers) == 0:
                raise ValueError("'layers' must be either None or a non-empty list.")
            self._layers = []
            for layer in layers:
                if isinstance(layer, nn.Module):
                    self._layers.append(layer)
                else:
                    raise ValueError("Each element of 'layers' must be an nn.Module.")

    def forward(self, input):
        if self._layers is None:
            layer_outputs = input
        else:
            layer_outputs = [layer(input) for layer in self._layers]
        if self._mode == "concat":
            return torch.cat(layer_outputs, dim=self._dim)
        return torch.stack(layer_outputs, dim=0).sum(0)


merge = MergeLayer([nn.Linear(8, 4), nn.Linear(8, 4)], mode="concat", dim=-1)
""", """
import torch
import torch.nn as nn


class MergeLayer(nn.Module):
    def __init__(self, layers=None, mode="concat", dim=2):
        super().__init__()
        self._mode = mode
        self._dim = dim
        self._layers = None
        if layers is not None:
            if len(layers) == 0:
                raise ValueError("'layers' must be either None or a non-empty list.")
            self._layers = nn.ModuleList()
            for layer in layers:
                if isinstance(layer, nn.Module):
                    self._layers.append(layer)
                else:
                    raise ValueError("Each element of 'layers' must be an nn.Module.")

    def forward(self, input):
        if self._layers is None:
            layer_outputs = input
        else:
            layer_outputs = [layer(input) for layer in self._layers]
        if self._mode == "concat":
            return torch.cat(layer_outputs, dim=self._dim)
        return torch.stack(layer_outputs, dim=0).sum(0)


merge = MergeLayer([nn.Linear(8, 4), nn.Linear(8, 4)], mode="concat", dim=-1)
""",
         note="MergeLayer keeps its parallel sub-layers in a plain Python list, so their parameters are not trainable variables of the layer (missing from parameters()/state_dict). The issue asks for nn.ModuleList. verified: bad MergeLayer.parameters() is empty; good lists the two Linear layers' 4 tensors.",
         scope=None),
    case('bentrevett-pytorch-sentiment-analysis-26',
         'https://github.com/bentrevett/pytorch-sentiment-analysis/issues/26',
         'padding-idx-overwritten', """
import torch
import torch.nn as nn
import torch.nn.functional as F


class Vocab:
    def __init__(self, words, dim):
        self.itos = ["<unk>", "<pad>"] + words
        self.stoi = {w: i for i, w in enumerate(self.itos)}
        self.vectors = torch.Tensor(len(self.itos), dim)
        torch.Tensor.normal_(self.vectors)


EMBEDDING_DIM = 8
vocab = Vocab(["good", "bad", "movie", "plot"], EMBEDDING_DIM)
INPUT_DIM = len(vocab.itos)
OUTPUT_DIM = 1
PAD_IDX = vocab.stoi["<pad>"]


class FastText(nn.Module):
    def __init__(self, vocab_size, embedding_dim, output_dim, pad_idx):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim, padding_idx=pad_idx)
        self.fc = nn.Linear(embedding_dim, output_dim)

    def forward(self, text):
        embedded = self.embedding(text).permute(1, 0, 2)
        pooled = F.avg_pool2d(embedded, (embedded.shape[1], 1)).squeeze(1)
        return self.fc(pooled)


model = FastText(INPUT_DIM, EMBEDDING_DIM, OUTPUT_DIM, PAD_IDX)
pretrained_embeddings = vocab.vectors
model.embedding.weight.data.copy_(pretrained_embeddings)
""", """
import torch
import torch.nn as nn
import torch.nn.functional as F


class Vocab:
    def __init__(self, words, dim):
        self.itos = ["<unk>", "<pad>"] + words
        self.stoi = {w: i for i, w in enumerate(self.itos)}
        self.vectors = torch.Tensor(len(self.itos), dim)
        torch.Tensor.normal_(self.vectors)


EMBEDDING_DIM = 8
vocab = Vocab(["good", "bad", "movie", "plot"], EMBEDDING_DIM)
INPUT_DIM = len(vocab.itos)
OUTPUT_DIM = 1
PAD_IDX = vocab.stoi["<pad>"]


class FastText(nn.Module):
    def __init__(self, vocab_size, embedding_dim, output_dim, pad_idx):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim, padding_idx=pad_idx)
        self.fc = nn.Linear(embedding_dim, output_dim)

    def forward(self, text):
        embedded = self.embedding(text).permute(1, 0, 2)
        pooled = F.avg_pool2d(embedded, (embedded.shape[1], 1)).squeeze(1)
        return self.fc(pooled)


model = FastText(INPUT_DIM, EMBEDDING_DIM, OUTPUT_DIM, PAD_IDX)
pretrained_embeddings = vocab.vectors
model.embedding.weight.data.copy_(pretrained_embeddings)
UNK_IDX = vocab.stoi["<unk>"]
model.embedding.weight.data[UNK_IDX] = torch.zeros(EMBEDDING_DIM)
model.embedding.weight.data[PAD_IDX] = torch.zeros(EMBEDDING_DIM)
""",
         note='The FastText model builds its Embedding with padding_idx=PAD_IDX and then copies the whole pretrained table (unknown words, <pad> included, drawn by unk_init=normal_) over it, so the frozen padding row is random; the maintainer re-zeroes <unk> and <pad> after the copy. verified: bad embedding.weight[PAD_IDX] norm 2.18, good 0.',
         scope='A `padding_idx` read from elsewhere (`config.pad_token_id`) may be None and is left alone.'),
    case('deep-learning-with-pytorch-dlwpt-code-89',
         'https://github.com/deep-learning-with-pytorch/dlwpt-code/issues/89',
         'repeated-module-instance', """
import torch
import torch.nn as nn
import torch.nn.functional as F


class ResBlock(nn.Module):
    def __init__(self, n_chans):
        super().__init__()
        self.conv = nn.Conv2d(n_chans, n_chans, kernel_size=3, padding=1, bias=False)
        self.batch_norm = nn.BatchNorm2d(num_features=n_chans)
        torch.nn.init.kaiming_normal_(self.conv.weight, nonlinearity="relu")
        torch.nn.init.constant_(self.batch_norm.weight, 0.5)
        torch.nn.init.zeros_(self.batch_norm.bias)

    def forward(self, x):
        out = self.conv(x)
        out = self.batch_norm(out)
        out = torch.relu(out)
        return out + x


class NetResDeep(nn.Module):
    def __init__(self, n_chans1=32, n_blocks=10):
        super().__init__()
        self.n_chans1 = n_chans1
        self.conv1 = nn.Conv2d(3, n_chans1, kernel_size=3, padding=1)
        self.resblocks = nn.Sequential(*(n_blocks * [ResBlock(n_chans=n_chans1)]))
        self.fc1 = nn.Linear(8 * 8 * n_chans1, 32)
        self.fc2 = nn.Linear(32, 2)

    def forward(self, x):
        out = F.max_pool2d(torch.relu(self.conv1(x)), 2)
        out = self.resblocks(out)
        out = F.max_pool2d(out, 2)
        out = out.view(-1, 8 * 8 * self.n_chans1)
        out = torch.relu(self.fc1(out))
        return self.fc2(out)


model = NetResDeep(n_chans1=8, n_blocks=10)
""", """
import torch
import torch.nn as nn
import torch.nn.functional as F


class ResBlock(nn.Module):
    def __init__(self, n_chans):
        super().__init__()
        self.conv = nn.Conv2d(n_chans, n_chans, kernel_size=3, padding=1, bias=False)
        self.batch_norm = nn.BatchNorm2d(num_features=n_chans)
        torch.nn.init.kaiming_normal_(self.conv.weight, nonlinearity="relu")
        torch.nn.init.constant_(self.batch_norm.weight, 0.5)
        torch.nn.init.zeros_(self.batch_norm.bias)

    def forward(self, x):
        out = self.conv(x)
        out = self.batch_norm(out)
        out = torch.relu(out)
        return out + x


class NetResDeep(nn.Module):
    def __init__(self, n_chans1=32, n_blocks=10):
        super().__init__()
        self.n_chans1 = n_chans1
        self.conv1 = nn.Conv2d(3, n_chans1, kernel_size=3, padding=1)
        self.resblocks = nn.Sequential(*[ResBlock(n_chans=n_chans1) for _ in range(n_blocks)])
        self.fc1 = nn.Linear(8 * 8 * n_chans1, 32)
        self.fc2 = nn.Linear(32, 2)

    def forward(self, x):
        out = F.max_pool2d(torch.relu(self.conv1(x)), 2)
        out = self.resblocks(out)
        out = F.max_pool2d(out, 2)
        out = out.view(-1, 8 * 8 * self.n_chans1)
        out = torch.relu(self.fc1(out))
        return self.fc2(out)


model = NetResDeep(n_chans1=8, n_blocks=10)
""",
         note='NetResDeep stacks n_blocks * [ResBlock(...)]: one block object repeated, so all 10 residual blocks share one set of weights (and one BatchNorm). Fix: a comprehension building a new ResBlock each time. verified: bad resblocks[0] is resblocks[9], 17298 parameters whatever n_blocks; good has 10 distinct blocks (22626).',
         scope=None),
    case('facebookresearch-dinov2-476',
         'https://github.com/facebookresearch/dinov2/pull/476',
         'meta-device-init-lost', """
from typing import Union

import torch
from torch import Tensor, nn


class LayerScale(nn.Module):
    def __init__(self, dim: int, init_values: Union[float, Tensor] = 1e-5, inplace: bool = False) -> None:
        super().__init__()
        self.inplace = inplace
        self.gamma = nn.Parameter(init_values * torch.ones(dim))

    def forward(self, x: Tensor) -> Tensor:
        return x.mul_(self.gamma) if self.inplace else x * self.gamma


with torch.device("meta"):
    ls = LayerScale(1024, init_values=1e-5)
ls.to_empty(device="cpu")
for module in ls.modules():
    if hasattr(module, "reset_parameters"):
        module.reset_parameters()
""", """
from typing import Union

import torch
from torch import Tensor, nn


class LayerScale(nn.Module):
    def __init__(self, dim: int, init_values: Union[float, Tensor] = 1e-5, inplace: bool = False) -> None:
        super().__init__()
        self.inplace = inplace
        self.init_values = init_values
        self.gamma = nn.Parameter(torch.empty(dim))
        self.reset_parameters()

    def reset_parameters(self):
        nn.init.constant_(self.gamma, self.init_values)

    def forward(self, x: Tensor) -> Tensor:
        return x.mul_(self.gamma) if self.inplace else x * self.gamma


with torch.device("meta"):
    ls = LayerScale(1024, init_values=1e-5)
ls.to_empty(device="cpu")
for module in ls.modules():
    if hasattr(module, "reset_parameters"):
        module.reset_parameters()
""",
         note='LayerScale sets gamma = init_values * ones(dim) only in the constructor; built on the meta device and materialized with to_empty() + reset_parameters(), gamma holds uninitialized memory (NaN / 1e-38 seen) instead of 1e-5. The PR moves the init into reset_parameters(). verified: bad gamma not 1e-5, good gamma == 1e-5.',
         scope=None),
    case('huggingface-transformers-45591',
         'https://github.com/huggingface/transformers/pull/45591',
         'hf-init-weights-bypasses-guard', """
import math
import torch
import torch.nn as nn
from transformers import PretrainedConfig, PreTrainedModel


class TinyHybridConfig(PretrainedConfig):
    model_type = "tiny_hybrid"

    def __init__(self, hidden_size=16, num_heads=4, num_hidden_layers=2, time_step_min=0.001,
                 time_step_max=0.1, time_step_floor=1e-4, **kwargs):
        self.hidden_size = hidden_size
        self.num_heads = num_heads
        self.num_hidden_layers = num_hidden_layers
        self.time_step_min = time_step_min
        self.time_step_max = time_step_max
        self.time_step_floor = time_step_floor
        super().__init__(**kwargs)


class Mamba2Mixer(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.num_heads = config.num_heads
        self.in_proj = nn.Linear(config.hidden_size, config.hidden_size)
        self.dt_bias = nn.Parameter(torch.ones(config.num_heads))
        self.A_log = nn.Parameter(torch.log(torch.arange(1, config.num_heads + 1, dtype=torch.float32)))
        self.out_proj = nn.Linear(config.hidden_size, config.hidden_size, bias=False)

    def forward(self, x):
        h = self.in_proj(x).view(*x.shape[:-1], self.num_heads, -1)
        dt = torch.nn.functional.softplus(h.mean(-1) + self.dt_bias)
        h = h * torch.exp(-dt * torch.exp(self.A_log)).unsqueeze(-1)
        return self.out_proj(h.flatten(-2))


class TinyHybridPreTrainedModel(PreTrainedModel):
    config_class = TinyHybridConfig
    base_model_prefix = "backbone"

    def _init_weights(self, module):
        if isinstance(module, Mamba2Mixer):
            dt = torch.exp(
                torch.rand(self.config.num_heads)
                * (math.log(self.config.time_step_max) - math.log(self.config.time_step_min))
                + math.log(self.config.time_step_min)
            ).clamp(min=self.config.time_step_floor)
            inv_dt = dt + torch.log(-torch.expm1(-dt))
            with torch.no_grad():
                module.dt_bias.copy_(inv_dt)
            module.dt_bias._no_reinit = True
        elif isinstance(module, nn.Linear):
            nn.init.normal_(module.weight, std=0.02)
            if module.bias is not None and not getattr(module.bias, "_no_reinit", False):
                nn.init.zeros_(module.bias)


class TinyHybridModel(TinyHybridPreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.layers = nn.ModuleList([Mamba2Mixer(config) for _ in range(config.num_hidden_layers)])
        self.post_init()

    def forward(self, x):
        for layer in self.layers:
            x = x + layer(x)
        return x
""", """
import math
import torch
import torch.nn as nn
from transformers import PretrainedConfig, PreTrainedModel
from transformers import initialization as init


class TinyHybridConfig(PretrainedConfig):
    model_type = "tiny_hybrid"

    def __init__(self, hidden_size=16, num_heads=4, num_hidden_layers=2, time_step_min=0.001,
                 time_step_max=0.1, time_step_floor=1e-4, **kwargs):
        self.hidden_size = hidden_size
        self.num_heads = num_heads
        self.num_hidden_layers = num_hidden_layers
        self.time_step_min = time_step_min
        self.time_step_max = time_step_max
        self.time_step_floor = time_step_floor
        super().__init__(**kwargs)


class Mamba2Mixer(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.num_heads = config.num_heads
        self.in_proj = nn.Linear(config.hidden_size, config.hidden_size)
        self.dt_bias = nn.Parameter(torch.ones(config.num_heads))
        self.A_log = nn.Parameter(torch.log(torch.arange(1, config.num_heads + 1, dtype=torch.float32)))
        self.out_proj = nn.Linear(config.hidden_size, config.hidden_size, bias=False)

    def forward(self, x):
        h = self.in_proj(x).view(*x.shape[:-1], self.num_heads, -1)
        dt = torch.nn.functional.softplus(h.mean(-1) + self.dt_bias)
        h = h * torch.exp(-dt * torch.exp(self.A_log)).unsqueeze(-1)
        return self.out_proj(h.flatten(-2))


class TinyHybridPreTrainedModel(PreTrainedModel):
    config_class = TinyHybridConfig
    base_model_prefix = "backbone"

    def _init_weights(self, module):
        if isinstance(module, Mamba2Mixer):
            dt = torch.exp(
                torch.rand(self.config.num_heads)
                * (math.log(self.config.time_step_max) - math.log(self.config.time_step_min))
                + math.log(self.config.time_step_min)
            ).clamp(min=self.config.time_step_floor)
            inv_dt = dt + torch.log(-torch.expm1(-dt))
            init.copy_(module.dt_bias, inv_dt)
            module.dt_bias._no_reinit = True
        elif isinstance(module, nn.Linear):
            nn.init.normal_(module.weight, std=0.02)
            if module.bias is not None and not getattr(module.bias, "_no_reinit", False):
                nn.init.zeros_(module.bias)


class TinyHybridModel(TinyHybridPreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.layers = nn.ModuleList([Mamba2Mixer(config) for _ in range(config.num_hidden_layers)])
        self.post_init()

    def forward(self, x):
        for layer in self.layers:
            x = x + layer(x)
        return x
""",
         note="_init_weights writes the Mamba mixer's dt_bias with an in-place copy_ under no_grad, which skips transformers 5's _is_hf_initialized guard; when the post-load pass re-runs _init_weights on a partly loaded mixer the trained dt_bias is replaced by a fresh random draw. Fix: the guarded transformers.initialization.copy_. verified (transformers 5.23): save with dt_bias=0.5, drop layers.0.A_log from the checkpoint, from_pretrained -> bad layers.0.dt_bias ~ -5.3 (re-drawn), good keeps 0.5.",
         scope=None),
    case('ikostrikov-pytorch-a2c-ppo-acktr-gail-178',
         'https://github.com/ikostrikov/pytorch-a2c-ppo-acktr-gail/issues/178',
         'orthogonal-gain-activation-mismatch', """
import numpy as np
import torch.nn as nn


def init(module, weight_init, bias_init, gain=1):
    weight_init(module.weight.data, gain=gain)
    bias_init(module.bias.data)
    return module


class MLPBase(nn.Module):
    def __init__(self, num_inputs, hidden_size=64):
        super().__init__()
        init_ = lambda m: init(m, nn.init.orthogonal_, lambda x: nn.init.constant_(x, 0), np.sqrt(2))
        self.actor = nn.Sequential(
            init_(nn.Linear(num_inputs, hidden_size)), nn.Tanh(),
            init_(nn.Linear(hidden_size, hidden_size)), nn.Tanh())
        self.critic = nn.Sequential(
            init_(nn.Linear(num_inputs, hidden_size)), nn.Tanh(),
            init_(nn.Linear(hidden_size, hidden_size)), nn.Tanh())
        init_ = lambda m: init(m, nn.init.orthogonal_, lambda x: nn.init.constant_(x, 0))
        self.critic_linear = init_(nn.Linear(hidden_size, 1))

    def forward(self, inputs):
        hidden_critic = self.critic(inputs)
        hidden_actor = self.actor(inputs)
        return self.critic_linear(hidden_critic), hidden_actor


base = MLPBase(num_inputs=8)
""", """
import numpy as np
import torch.nn as nn


def init(module, weight_init, bias_init, gain=1):
    weight_init(module.weight.data, gain=gain)
    bias_init(module.bias.data)
    return module


class MLPBase(nn.Module):
    def __init__(self, num_inputs, hidden_size=64):
        super().__init__()
        init_ = lambda m: init(m, nn.init.orthogonal_, lambda x: nn.init.constant_(x, 0), nn.init.calculate_gain("tanh"))
        self.actor = nn.Sequential(
            init_(nn.Linear(num_inputs, hidden_size)), nn.Tanh(),
            init_(nn.Linear(hidden_size, hidden_size)), nn.Tanh())
        self.critic = nn.Sequential(
            init_(nn.Linear(num_inputs, hidden_size)), nn.Tanh(),
            init_(nn.Linear(hidden_size, hidden_size)), nn.Tanh())
        init_ = lambda m: init(m, nn.init.orthogonal_, lambda x: nn.init.constant_(x, 0))
        self.critic_linear = init_(nn.Linear(hidden_size, 1))

    def forward(self, inputs):
        hidden_critic = self.critic(inputs)
        hidden_actor = self.actor(inputs)
        return self.critic_linear(hidden_critic), hidden_actor


base = MLPBase(num_inputs=8)
""",
         note="The Tanh MLP policy/value layers are orthogonally initialized with gain sqrt(2) (the ReLU gain); the maintainer agrees it should have been 5/3 (tanh gain). verified: bad hidden weight row norms are 1.414, good 1.667 (calculate_gain('tanh')).",
         scope=None),
    case('ivadomed-ivadomed-547',
         'https://github.com/ivadomed/ivadomed/pull/547',
         'undefined-layer', """
import torch
import torch.nn as nn


class Modified3DUNet(nn.Module):
    def __init__(self, in_channel=1, out_channel=2, n_filters=4, final_activation="sigmoid"):
        super().__init__()
        self.final_activation = final_activation
        self.lrelu = nn.LeakyReLU()
        self.conv3d_c1 = nn.Conv3d(in_channel, n_filters, kernel_size=3, padding=1, bias=False)
        self.inorm3d_c1 = nn.InstanceNorm3d(n_filters)
        self.conv3d_l0 = nn.Conv3d(n_filters, out_channel, kernel_size=1, bias=False)

    def forward(self, x):
        out = self.lrelu(self.inorm3d_c1(self.conv3d_c1(x)))
        x = self.conv3d_l0(out)
        if hasattr(self, "final_activation") and self.final_activation not in ["softmax", "relu", "sigmoid"]:
            raise ValueError("final_activation value has to be either softmax, relu, or sigmoid")
        elif hasattr(self, "final_activation") and self.final_activation == "softmax":
            preds = self.softmax(x)
        elif hasattr(self, "final_activation") and self.final_activation == "relu":
            preds = nn.ReLU()(x) / nn.ReLU()(x).max()
        else:
            preds = torch.sigmoid(x)
        return preds


model = Modified3DUNet(final_activation="softmax")
""", """
import torch
import torch.nn as nn


class Modified3DUNet(nn.Module):
    def __init__(self, in_channel=1, out_channel=2, n_filters=4, final_activation="sigmoid"):
        super().__init__()
        self.final_activation = final_activation
        self.lrelu = nn.LeakyReLU()
        self.softmax = nn.Softmax(dim=1)
        self.conv3d_c1 = nn.Conv3d(in_channel, n_filters, kernel_size=3, padding=1, bias=False)
        self.inorm3d_c1 = nn.InstanceNorm3d(n_filters)
        self.conv3d_l0 = nn.Conv3d(n_filters, out_channel, kernel_size=1, bias=False)

    def forward(self, x):
        out = self.lrelu(self.inorm3d_c1(self.conv3d_c1(x)))
        x = self.conv3d_l0(out)
        if hasattr(self, "final_activation") and self.final_activation not in ["softmax", "relu", "sigmoid"]:
            raise ValueError("final_activation value has to be either softmax, relu, or sigmoid")
        elif hasattr(self, "final_activation") and self.final_activation == "softmax":
            preds = self.softmax(x)
        elif hasattr(self, "final_activation") and self.final_activation == "relu":
            preds = nn.ReLU()(x) / nn.ReLU()(x).max()
        else:
            preds = torch.sigmoid(x)
        return preds


model = Modified3DUNet(final_activation="softmax")
""",
         note="forward can call self.softmax (final_activation='softmax') but __init__ never defines it; the PR adds the attribute. verified: bad forward raises AttributeError: 'Modified3DUNet' object has no attribute 'softmax'; good returns softmax probabilities.",
         scope=None),
    case('ktr-hubrt-MPN-2',
         'https://github.com/ktr-hubrt/MPN/issues/2',
         'undefined-layer', """
import torch
import torch.nn as nn
import torch.nn.functional as F


class Meta_Prototype(nn.Module):
    def __init__(self, proto_size, feature_dim, key_dim, temp_update, temp_gather):
        super().__init__()
        self.proto_size = proto_size
        self.feature_dim = feature_dim
        self.key_dim = key_dim
        self.temp_update = temp_update
        self.temp_gather = temp_gather
        self.Mheads = nn.Linear(key_dim, proto_size, bias=False)

    def forward(self, key, query, weights, train=True):
        batch_size, dims, h, w = key.size()
        key = key.permute(0, 2, 3, 1)
        _, _, h_, w_ = query.size()
        query = query.permute(0, 2, 3, 1).reshape((batch_size, -1, self.feature_dim))
        if weights is None:
            multi_heads_weights = self.Mheads(key)
        else:
            multi_heads_weights = F.linear(key, weights["prototype.Mheads.weight"])
        multi_heads_weights = multi_heads_weights.view((batch_size, h * w, self.memory_size, 1))
        multi_heads_weights = F.softmax(multi_heads_weights, dim=1)
        key = key.reshape((batch_size, w * h, dims))
        protos = (multi_heads_weights * key.unsqueeze(-2)).sum(1)
        return F.normalize(protos, dim=-1), query


prototype = Meta_Prototype(proto_size=4, feature_dim=8, key_dim=8, temp_update=0.1, temp_gather=0.1)
""", """
import torch
import torch.nn as nn
import torch.nn.functional as F


class Meta_Prototype(nn.Module):
    def __init__(self, proto_size, feature_dim, key_dim, temp_update, temp_gather):
        super().__init__()
        self.proto_size = proto_size
        self.feature_dim = feature_dim
        self.key_dim = key_dim
        self.temp_update = temp_update
        self.temp_gather = temp_gather
        self.Mheads = nn.Linear(key_dim, proto_size, bias=False)

    def forward(self, key, query, weights, train=True):
        batch_size, dims, h, w = key.size()
        key = key.permute(0, 2, 3, 1)
        _, _, h_, w_ = query.size()
        query = query.permute(0, 2, 3, 1).reshape((batch_size, -1, self.feature_dim))
        if weights is None:
            multi_heads_weights = self.Mheads(key)
        else:
            multi_heads_weights = F.linear(key, weights["prototype.Mheads.weight"])
        multi_heads_weights = multi_heads_weights.view((batch_size, h * w, self.proto_size, 1))
        multi_heads_weights = F.softmax(multi_heads_weights, dim=1)
        key = key.reshape((batch_size, w * h, dims))
        protos = (multi_heads_weights * key.unsqueeze(-2)).sum(1)
        return F.normalize(protos, dim=-1), query


prototype = Meta_Prototype(proto_size=4, feature_dim=8, key_dim=8, temp_update=0.1, temp_gather=0.1)
""",
         note="Meta_Prototype.forward reshapes with self.memory_size, which __init__ never defines (it stores proto_size); the first forward raises AttributeError. The maintainers modified the code. verified: bad raises AttributeError: 'Meta_Prototype' object has no attribute 'memory_size'; good (uses self.proto_size) runs.",
         scope=None),
    case('linkedin-Liger-Kernel-269',
         'https://github.com/linkedin/Liger-Kernel/pull/269',
         'repeated-module-instance', """
import torch
import torch.nn as nn


class ResBlock(nn.Module):
    def __init__(self, hidden_size):
        super().__init__()
        self.linear = nn.Linear(hidden_size, hidden_size)
        torch.nn.init.zeros_(self.linear.weight)
        self.act = nn.SiLU()

    def forward(self, x):
        return x + self.act(self.linear(x))


class MedusaModel(nn.Module):
    def __init__(self, hidden_size, vocab_size, medusa_num_heads=4, medusa_num_layers=3):
        super().__init__()
        self.hidden_size = hidden_size
        self.vocab_size = vocab_size
        self.medusa = medusa_num_heads
        self.medusa_num_layers = medusa_num_layers
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
        return torch.stack([head(hidden_states) for head in self.medusa_head], dim=0)


model = MedusaModel(hidden_size=16, vocab_size=50)
""", """
import torch
import torch.nn as nn


class ResBlock(nn.Module):
    def __init__(self, hidden_size):
        super().__init__()
        self.linear = nn.Linear(hidden_size, hidden_size)
        torch.nn.init.zeros_(self.linear.weight)
        self.act = nn.SiLU()

    def forward(self, x):
        return x + self.act(self.linear(x))


class MedusaModel(nn.Module):
    def __init__(self, hidden_size, vocab_size, medusa_num_heads=4, medusa_num_layers=3):
        super().__init__()
        self.hidden_size = hidden_size
        self.vocab_size = vocab_size
        self.medusa = medusa_num_heads
        self.medusa_num_layers = medusa_num_layers
        self.medusa_head = nn.ModuleList(
            [
                nn.Sequential(
                    *[ResBlock(self.hidden_size) for _ in range(medusa_num_layers)],
                    nn.Linear(self.hidden_size, self.vocab_size, bias=False),
                )
                for _ in range(medusa_num_heads)
            ]
        )

    def forward(self, hidden_states):
        return torch.stack([head(hidden_states) for head in self.medusa_head], dim=0)


model = MedusaModel(hidden_size=16, vocab_size=50)
""",
         note='Each Medusa head is nn.Sequential(*([ResBlock(hidden)] * medusa_num_layers), lm_head): the ResBlock object is repeated, so the layers of a head share one weight matrix. The PR builds a new ResBlock per layer. verified: bad medusa_head[0][0] is medusa_head[0][2]; good blocks are distinct (6464 parameters against 4288).',
         scope=None),
    case('pytorch-pytorch-52972',
         'https://github.com/pytorch/pytorch/issues/52972',
         'unregistered-layer-container', """
import torch
import torch.nn as nn
import torch.optim as optim


class AuthorConvNet(nn.Module):
    def __init__(self, embedding_dim, hidden_dim=200, dropout_rate=0.3, max_conv_size=3,
                 criterion=nn.L1Loss(), optimizer=optim.Adadelta):
        super().__init__()
        self.criterion = criterion
        self.optimizer = optimizer
        self.dropout = nn.Dropout(dropout_rate)
        self.max_conv_size = max_conv_size
        self.max_pool = lambda x: torch.max(x, dim=len(x.size()) - 2)[0]
        self.embedding_dim = embedding_dim
        self.hidden_dim = hidden_dim
        self.convs = [nn.Conv2d(1, 1, (i, 1)) for i in range(1, self.max_conv_size + 1)]
        self.relu = nn.ReLU()
        self.linear1 = nn.Linear(embedding_dim * max_conv_size, hidden_dim)
        self.linear2 = nn.Linear(hidden_dim, hidden_dim)
        self.linear3 = nn.Linear(hidden_dim, 1)

    def forward(self, x):
        z = x.unsqueeze(1)
        z = torch.cat([self.max_pool(conv(z)) for conv in self.convs], dim=-1).squeeze(1)
        z = self.dropout(self.relu(self.linear1(z)))
        z = self.dropout(self.relu(self.linear2(z)))
        return self.linear3(z)


model = AuthorConvNet(embedding_dim=8, hidden_dim=16)
""", """
import torch
import torch.nn as nn
import torch.optim as optim


class AuthorConvNet(nn.Module):
    def __init__(self, embedding_dim, hidden_dim=200, dropout_rate=0.3, max_conv_size=3,
                 criterion=nn.L1Loss(), optimizer=optim.Adadelta):
        super().__init__()
        self.criterion = criterion
        self.optimizer = optimizer
        self.dropout = nn.Dropout(dropout_rate)
        self.max_conv_size = max_conv_size
        self.max_pool = lambda x: torch.max(x, dim=len(x.size()) - 2)[0]
        self.embedding_dim = embedding_dim
        self.hidden_dim = hidden_dim
        self.convs = nn.ModuleList([nn.Conv2d(1, 1, (i, 1)) for i in range(1, self.max_conv_size + 1)])
        self.relu = nn.ReLU()
        self.linear1 = nn.Linear(embedding_dim * max_conv_size, hidden_dim)
        self.linear2 = nn.Linear(hidden_dim, hidden_dim)
        self.linear3 = nn.Linear(hidden_dim, 1)

    def forward(self, x):
        z = x.unsqueeze(1)
        z = torch.cat([self.max_pool(conv(z)) for conv in self.convs], dim=-1).squeeze(1)
        z = self.dropout(self.relu(self.linear1(z)))
        z = self.dropout(self.relu(self.linear2(z)))
        return self.linear3(z)


model = AuthorConvNet(embedding_dim=8, hidden_dim=16)
""",
         note='The 1..max_conv_size convolution filters are kept in a plain Python list, so they are not registered: not in parameters() (never trained), not in state_dict (never saved). Fix: nn.ModuleList. verified: bad state_dict has 0 convs.* keys and 6 parameter tensors; good has 6 convs.* keys and 12 tensors.',
         scope=None),
    case('rasbt-deeplearning-models-79',
         'https://github.com/rasbt/deeplearning-models/issues/79',
         'init-wrong-layer-copy-paste', """
import torch
import torch.nn.functional as F


class Autoencoder(torch.nn.Module):
    def __init__(self, num_features, num_hidden_1):
        super().__init__()
        ### ENCODER
        self.linear_1 = torch.nn.Linear(num_features, num_hidden_1)
        # The following two lines are not necessary,
        # but used here to demonstrate how to access the weights
        # and use a different weight initialization.
        self.linear_1.weight.detach().normal_(0.0, 0.1)
        self.linear_1.bias.detach().zero_()

        ### DECODER
        self.linear_2 = torch.nn.Linear(num_hidden_1, num_features)
        self.linear_1.weight.detach().normal_(0.0, 0.1)
        self.linear_1.bias.detach().zero_()

    def forward(self, x):
        encoded = F.leaky_relu(self.linear_1(x))
        logits = self.linear_2(encoded)
        return torch.sigmoid(logits)


model = Autoencoder(num_features=64, num_hidden_1=8)
""", """
import torch
import torch.nn.functional as F


class Autoencoder(torch.nn.Module):
    def __init__(self, num_features, num_hidden_1):
        super().__init__()
        ### ENCODER
        self.linear_1 = torch.nn.Linear(num_features, num_hidden_1)
        # The following two lines are not necessary,
        # but used here to demonstrate how to access the weights
        # and use a different weight initialization.
        self.linear_1.weight.detach().normal_(0.0, 0.1)
        self.linear_1.bias.detach().zero_()

        ### DECODER
        self.linear_2 = torch.nn.Linear(num_hidden_1, num_features)
        self.linear_2.weight.detach().normal_(0.0, 0.1)
        self.linear_2.bias.detach().zero_()

    def forward(self, x):
        encoded = F.leaky_relu(self.linear_1(x))
        logits = self.linear_2(encoded)
        return torch.sigmoid(logits)


model = Autoencoder(num_features=64, num_hidden_1=8)
""",
         note="Copy-paste slip: the decoder block re-initializes linear_1 (the encoder) instead of linear_2, so the encoder is initialized twice and the decoder keeps PyTorch's default init. verified: bad linear_2 keeps the default init (weight std 0.21, bias non-zero); good weight std 0.10 and bias zero.",
         scope=None),
    case('tfjgeorge-nngeometry-60',
         'https://github.com/tfjgeorge/nngeometry/issues/60',
         'repeated-module-instance', """
import torch.nn as nn

layers = [nn.Flatten(), nn.Linear(28 * 28, 100), nn.ReLU()] + \
         [nn.Linear(100, 100), nn.ReLU()] * 10 + \
         [nn.Linear(100, 10)]
model = nn.Sequential(*layers)
""", """
import torch.nn as nn

layers = [nn.Flatten(), nn.Linear(28 * 28, 100), nn.ReLU()] + \
         [m for _ in range(10) for m in (nn.Linear(100, 100), nn.ReLU())] + \
         [nn.Linear(100, 10)]
model = nn.Sequential(*layers)
""",
         note='The MLP is built as nn.Sequential(*layers) with layers = [...] + [nn.Linear(100, 100), nn.ReLU()] * 10 + [...]; the maintainer points out the 10 hidden Linear layers are one object stacked 10 times, sharing parameters (hence only 3 distinct layers found). Fix: a comprehension that builds new layers. verified: bad model[3] is model[5] and only 3 distinct Linear modules; good has 12.',
         scope=None),
    case('wisnunugroho21-reinforcement_learning_ppo_rnd-5',
         'https://github.com/wisnunugroho21/reinforcement_learning_ppo_rnd/issues/5',
         'init-function-never-applied', """
import torch
import torch.nn as nn


class RND_predictor_Model(nn.Module):
    def __init__(self, state_dim):
        super().__init__()
        self.state_predict_layer = nn.Sequential(
            nn.Linear(state_dim, 32),
            nn.ELU(),
            nn.Linear(32, 8),
        )

    def init_state_predict_weights(self, m):
        for name, param in m.named_parameters():
            if "bias" in name:
                nn.init.constant_(param, 0.01)
            elif "weight" in name:
                nn.init.constant_(param, 1)

    def lets_init_weights(self):
        self.state_predict_layer.apply(self.init_state_predict_weights)

    def forward(self, state):
        return self.state_predict_layer(state)


class Agent:
    def __init__(self, state_dim):
        self.rnd_predict = RND_predictor_Model(state_dim)

    def lets_init_weights(self):
        self.rnd_predict.lets_init_weights()

    def load_weights(self):
        self.rnd_predict.load_state_dict(torch.load("rnd_predict.pth"))


load_weights = False
agent = Agent(state_dim=4)
if load_weights:
    agent.load_weights()
    print("Weight Loaded")
""", """
import torch
import torch.nn as nn


class RND_predictor_Model(nn.Module):
    def __init__(self, state_dim):
        super().__init__()
        self.state_predict_layer = nn.Sequential(
            nn.Linear(state_dim, 32),
            nn.ELU(),
            nn.Linear(32, 8),
        )

    def init_state_predict_weights(self, m):
        for name, param in m.named_parameters():
            if "bias" in name:
                nn.init.constant_(param, 0.01)
            elif "weight" in name:
                nn.init.constant_(param, 1)

    def lets_init_weights(self):
        self.state_predict_layer.apply(self.init_state_predict_weights)

    def forward(self, state):
        return self.state_predict_layer(state)


class Agent:
    def __init__(self, state_dim):
        self.rnd_predict = RND_predictor_Model(state_dim)

    def lets_init_weights(self):
        self.rnd_predict.lets_init_weights()

    def load_weights(self):
        self.rnd_predict.load_state_dict(torch.load("rnd_predict.pth"))


load_weights = False
agent = Agent(state_dim=4)
if load_weights:
    agent.load_weights()
    print("Weight Loaded")
else:
    agent.lets_init_weights()
    print("Init Weight")
""",
         note='The RND predictor has an init method (constant weights/biases) reached through lets_init_weights, but the only call sits in a commented-out else branch, so it never runs. verified: bad predictor weights keep PyTorch default (not all 1.0); good weights are all 1.0 and biases 0.01.',
         scope=None),
    case('xiaxin1998-COTREC-15',
         'https://github.com/xiaxin1998/COTREC/issues/15',
         'unregistered-layer-container', """
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class ItemConv(nn.Module):
    def __init__(self, layers, emb_size=100):
        super().__init__()
        self.emb_size = emb_size
        self.layers = layers
        self.w_item = {}
        for i in range(self.layers):
            self.w_item["weight_item%d" % (i)] = nn.Linear(self.emb_size, self.emb_size, bias=False)

    def forward(self, adjacency, embedding):
        item_embeddings = embedding
        final = [item_embeddings]
        for i in range(self.layers):
            item_embeddings = self.w_item["weight_item%d" % (i)](item_embeddings)
            item_embeddings = torch.sparse.mm(adjacency, item_embeddings)
            final.append(F.normalize(item_embeddings, dim=-1, p=2))
        return torch.stack(final).sum(0) / (self.layers + 1)


class COTREC(nn.Module):
    def __init__(self, n_node, emb_size=100, layers=2):
        super().__init__()
        self.emb_size = emb_size
        self.embedding = nn.Embedding(n_node, self.emb_size)
        self.ItemGraph = ItemConv(layers, emb_size)
        self.init_parameters()

    def init_parameters(self):
        stdv = 1.0 / math.sqrt(self.emb_size)
        for weight in self.parameters():
            weight.data.uniform_(-stdv, stdv)

    def forward(self, adjacency):
        return self.ItemGraph(adjacency, self.embedding.weight)


model = COTREC(n_node=20, emb_size=16, layers=2)
""", """
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class ItemConv(nn.Module):
    def __init__(self, layers, emb_size=100):
        super().__init__()
        self.emb_size = emb_size
        self.layers = layers
        self.w_item = nn.ModuleDict()
        for i in range(self.layers):
            self.w_item["weight_item%d" % (i)] = nn.Linear(self.emb_size, self.emb_size, bias=False)

    def forward(self, adjacency, embedding):
        item_embeddings = embedding
        final = [item_embeddings]
        for i in range(self.layers):
            item_embeddings = self.w_item["weight_item%d" % (i)](item_embeddings)
            item_embeddings = torch.sparse.mm(adjacency, item_embeddings)
            final.append(F.normalize(item_embeddings, dim=-1, p=2))
        return torch.stack(final).sum(0) / (self.layers + 1)


class COTREC(nn.Module):
    def __init__(self, n_node, emb_size=100, layers=2):
        super().__init__()
        self.emb_size = emb_size
        self.embedding = nn.Embedding(n_node, self.emb_size)
        self.ItemGraph = ItemConv(layers, emb_size)
        self.init_parameters()

    def init_parameters(self):
        stdv = 1.0 / math.sqrt(self.emb_size)
        for weight in self.parameters():
            weight.data.uniform_(-stdv, stdv)

    def forward(self, adjacency):
        return self.ItemGraph(adjacency, self.embedding.weight)


model = COTREC(n_node=20, emb_size=16, layers=2)
""",
         note="ItemConv keeps its per-layer nn.Linear weights in a plain dict, so parameters() misses them: the model's init_parameters loop never reaches them and the optimizer never trains them. The maintainer switched to a registered container. verified: bad model.parameters() holds 1 tensor (the embedding only), good holds 3 (embedding + both Linear weights).",
         scope=None),
]
