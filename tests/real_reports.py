"""Bugs rebuilt from real public bug reports about weight initialization in PyTorch code.

Each case is a minimal but realistic program that rebuilds the bug a public report describes (``bad``), its
corrected twin (``good``), the report's address and the bug class. The classes and the rules that claim them come
from the rule pages (``rules/INIxxx.md``, "What it does"), not from what the rules happen to catch: ``CLASSES`` maps
each class to the rules whose page claims it. A class no rule claims is out of scope (``None``); those cases are
kept so the measure is honest about what initlint does not try to find.

A case may also be out of scope when its class is claimed but the rule page says in so many words that the shape is
left alone (``scope`` names the page's sentence); that is the "unknown means silent" contract, not a miss.

Read by ``tests/test_real_reports.py`` (each case, plus the gaps the rules leave) and ``bench/recall.py`` (the
recall table). The programs are rebuilt in our own words from the reports; none is copied from the repository.
"""

# class -> (rule codes that claim it, by their pages). A code's default status comes from the rule itself.
CLASSES = {
    "none-optional-param": ("INI201", "INI209"),  # init of m.bias / a norm weight that is None
    "fan-init-on-vector": ("INI102",),
    "init-after-load": ("INI301",),
    "init-over-pretrained-submodule": ("INI305",),
    "inplace-param-write": ("INI107",),
    "deprecated-init": ("INI101",),
    "classname-dispatch": ("INI203",),
    "unregistered-container": ("INI002",),
    "padding-idx-overwritten": ("INI205",),
    "param-never-initialized": ("INI004",),
    "init-never-applied": ("INI304",),
    "repeated-module": ("INI003",),
    "reparametrized-weight-init": ("INI306",),
    "kaiming-slope-as-gain": ("INI104",),
    "trunc-normal-bounds": ("INI106",),
    "dispatch-misses-layers": ("INI202", "INI210"),
    "rnn-first-layer-only": ("INI110",),
    "tied-weight-reinit": ("INI310",),
    "apply-callable-signature": ("INI309",),
    "duplicate-init-target": ("INI207",),
    "stacked-gate-orthogonal": ("INI208",),
    "unused-layer": ("INI005",),
    # classes no rule page claims
    "meta-device-init": None,
    "library-api-version": None,
    "init-returns-copy": None,
    "library-init-factory": None,
    "custom-reparametrization": None,
    "attribute-deleted-outside": None,
}


def case(id, url, cls, bad, good, note="", scope=None):
    assert cls in CLASSES, cls
    return {"id": id, "url": url, "cls": cls, "bad": bad, "good": good, "note": note, "scope": scope}


CASES = [
    # ---- init of a None bias / norm weight ---------------------------------------------------------------------
    case("torch-light-7", "https://github.com/ne7ermore/torch-light/issues/7", "none-optional-param", """
import torch.nn as nn


class Model(nn.Module):
    def __init__(self, vocab, emb_dim, hsz):
        super().__init__()
        self.embed = nn.Embedding(vocab, emb_dim)
        self.rnn = nn.GRU(emb_dim, hsz, batch_first=True)
        self.transform_A = nn.Linear(hsz, hsz, bias=False)
        self._reset_parameters()

    def _reset_parameters(self):
        self.embed.weight.data.uniform_(-0.1, 0.1)
        self.transform_A.weight.data.uniform_(-0.1, 0.1)
        self.transform_A.bias.data.fill_(0)

    def forward(self, x):
        out, _ = self.rnn(self.embed(x))
        return self.transform_A(out)
""", """
import torch.nn as nn


class Model(nn.Module):
    def __init__(self, vocab, emb_dim, hsz):
        super().__init__()
        self.embed = nn.Embedding(vocab, emb_dim)
        self.rnn = nn.GRU(emb_dim, hsz, batch_first=True)
        self.transform_A = nn.Linear(hsz, hsz, bias=False)
        self._reset_parameters()

    def _reset_parameters(self):
        self.embed.weight.data.uniform_(-0.1, 0.1)
        self.transform_A.weight.data.uniform_(-0.1, 0.1)

    def forward(self, x):
        out, _ = self.rnn(self.embed(x))
        return self.transform_A(out)
""", note="direct attribute init of the bias of a layer built with bias=False"),
    case("RSNet-19", "https://github.com/qianguih/RSNet/issues/19", "none-optional-param", """
import math

import torch
import torch.nn as nn


class RSNet(nn.Module):
    def __init__(self, num_classes=13):
        super().__init__()
        self.conv_1 = nn.Conv2d(9, 64, 1, bias=False)
        self.bn_1 = nn.BatchNorm2d(64)
        self.conv_2 = nn.Conv2d(64, num_classes, 1)
        self._initialize_weights()

    def _initialize_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                n = m.kernel_size[0] * m.kernel_size[1] * m.out_channels
                m.weight.data.normal_(0, math.sqrt(2.0 / n))
                m.bias.data.zero_()
            elif isinstance(m, nn.BatchNorm2d):
                m.weight.data.fill_(1)
                m.bias.data.zero_()

    def forward(self, x):
        return self.conv_2(torch.relu(self.bn_1(self.conv_1(x))))
""", """
import math

import torch
import torch.nn as nn


class RSNet(nn.Module):
    def __init__(self, num_classes=13):
        super().__init__()
        self.conv_1 = nn.Conv2d(9, 64, 1, bias=False)
        self.bn_1 = nn.BatchNorm2d(64)
        self.conv_2 = nn.Conv2d(64, num_classes, 1)
        self._initialize_weights()

    def _initialize_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                n = m.kernel_size[0] * m.kernel_size[1] * m.out_channels
                m.weight.data.normal_(0, math.sqrt(2.0 / n))
                if m.bias is not None:
                    m.bias.data.zero_()
            elif isinstance(m, nn.BatchNorm2d):
                m.weight.data.fill_(1)
                m.bias.data.zero_()

    def forward(self, x):
        return self.conv_2(torch.relu(self.bn_1(self.conv_1(x))))
"""),
    case("Non-local-44", "https://github.com/AlexHex7/Non-local_pytorch/issues/44", "none-optional-param", """
import torch.nn as nn


class NonLocalBlock2D(nn.Module):
    def __init__(self, in_channels, inter_channels):
        super().__init__()
        self.g = nn.Conv2d(in_channels, inter_channels, 1)
        self.W = nn.Sequential(
            nn.Conv2d(inter_channels, in_channels, 1),
            nn.InstanceNorm2d(in_channels),
        )
        nn.init.constant_(self.W[1].weight, 0)
        nn.init.constant_(self.W[1].bias, 0)

    def forward(self, x):
        return x + self.W(self.g(x))
""", """
import torch.nn as nn


class NonLocalBlock2D(nn.Module):
    def __init__(self, in_channels, inter_channels):
        super().__init__()
        self.g = nn.Conv2d(in_channels, inter_channels, 1)
        self.W = nn.Sequential(
            nn.Conv2d(inter_channels, in_channels, 1),
            nn.InstanceNorm2d(in_channels, affine=True),
        )
        nn.init.constant_(self.W[1].weight, 0)
        nn.init.constant_(self.W[1].bias, 0)

    def forward(self, x):
        return x + self.W(self.g(x))
""", note="the norm layer of the block lacks affine parameters; init through an index into a Sequential"),
    # ---- apply given a callable that cannot take a module -------------------------------------------------------
    case("Bert-Multi-Label-19", "https://github.com/lonePatient/Bert-Multi-Label-Text-Classification/issues/19",
         "apply-callable-signature", """
import torch.nn as nn
from transformers import BertModel, BertPreTrainedModel


class BertForMultiLable(BertPreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.bert = BertModel(config)
        self.dropout = nn.Dropout(config.hidden_dropout_prob)
        self.classifier = nn.Linear(config.hidden_size, config.num_labels)
        self.apply(self.init_weights)

    def forward(self, input_ids, attention_mask=None):
        pooled = self.bert(input_ids, attention_mask=attention_mask)[1]
        return self.classifier(self.dropout(pooled))
""", """
import torch.nn as nn
from transformers import BertModel, BertPreTrainedModel


class BertForMultiLable(BertPreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.bert = BertModel(config)
        self.dropout = nn.Dropout(config.hidden_dropout_prob)
        self.classifier = nn.Linear(config.hidden_size, config.num_labels)
        self.init_weights()

    def forward(self, input_ids, attention_mask=None):
        pooled = self.bert(input_ids, attention_mask=attention_mask)[1]
        return self.classifier(self.dropout(pooled))
"""),
    case("superglue-mtl-1", "https://github.com/IBM/superglue-mtl/issues/1", "apply-callable-signature", """
import torch.nn as nn
from transformers import BertModel, BertPreTrainedModel


class BertMultiTask(BertPreTrainedModel):
    def __init__(self, config, task_num_labels):
        super().__init__(config)
        self.bert = BertModel(config)
        self.heads = nn.ModuleDict(
            {task: nn.Linear(config.hidden_size, n) for task, n in task_num_labels.items()})
        self.apply(self.init_weights)

    def forward(self, input_ids, task):
        return self.heads[task](self.bert(input_ids)[1])
""", """
import torch.nn as nn
from transformers import BertModel, BertPreTrainedModel


class BertMultiTask(BertPreTrainedModel):
    def __init__(self, config, task_num_labels):
        super().__init__(config)
        self.bert = BertModel(config)
        self.heads = nn.ModuleDict(
            {task: nn.Linear(config.hidden_size, n) for task, n in task_num_labels.items()})
        self.post_init()

    def forward(self, input_ids, task):
        return self.heads[task](self.bert(input_ids)[1])
"""),
    # ---- deprecated nn.init names --------------------------------------------------------------------------
    case("fastai-926", "https://github.com/fastai/fastai/issues/926", "deprecated-init", """
import torch.nn as nn
import torch.nn.init as init


class ResNeXt(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv_1_3x3 = nn.Conv2d(3, 64, 3, 1, 1, bias=False)
        self.bn_1 = nn.BatchNorm2d(64)
        self.classifier = nn.Linear(64, num_classes)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                init.kaiming_normal(m.weight)
            elif isinstance(m, nn.BatchNorm2d):
                m.weight.data.fill_(1)
                m.bias.data.zero_()

    def forward(self, x):
        x = self.bn_1(self.conv_1_3x3(x)).relu()
        return self.classifier(x.mean((2, 3)))
""", """
import torch.nn as nn
import torch.nn.init as init


class ResNeXt(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv_1_3x3 = nn.Conv2d(3, 64, 3, 1, 1, bias=False)
        self.bn_1 = nn.BatchNorm2d(64)
        self.classifier = nn.Linear(64, num_classes)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                init.kaiming_normal_(m.weight)
            elif isinstance(m, nn.BatchNorm2d):
                m.weight.data.fill_(1)
                m.bias.data.zero_()

    def forward(self, x):
        x = self.bn_1(self.conv_1_3x3(x)).relu()
        return self.classifier(x.mean((2, 3)))
"""),
    case("DBPN-12", "https://github.com/alterzero/DBPN-Pytorch/issues/12", "deprecated-init", """
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self, num_channels=3, base_filter=64):
        super().__init__()
        self.feat0 = nn.Conv2d(num_channels, base_filter, 3, 1, 1)
        self.up = nn.ConvTranspose2d(base_filter, base_filter, 8, 4, 2)
        self.output_conv = nn.Conv2d(base_filter, num_channels, 3, 1, 1)
        for m in self.modules():
            classname = m.__class__.__name__
            if classname.find("Conv2d") != -1:
                torch.nn.init.kaiming_normal(m.weight)
                if m.bias is not None:
                    m.bias.data.zero_()
            elif classname.find("ConvTranspose2d") != -1:
                torch.nn.init.kaiming_normal(m.weight)
                if m.bias is not None:
                    m.bias.data.zero_()

    def forward(self, x):
        return self.output_conv(self.up(self.feat0(x)))
""", """
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self, num_channels=3, base_filter=64):
        super().__init__()
        self.feat0 = nn.Conv2d(num_channels, base_filter, 3, 1, 1)
        self.up = nn.ConvTranspose2d(base_filter, base_filter, 8, 4, 2)
        self.output_conv = nn.Conv2d(base_filter, num_channels, 3, 1, 1)
        for m in self.modules():
            classname = m.__class__.__name__
            if classname.find("Conv2d") != -1:
                torch.nn.init.kaiming_normal_(m.weight)
                if m.bias is not None:
                    m.bias.data.zero_()
            elif classname.find("ConvTranspose2d") != -1:
                torch.nn.init.kaiming_normal_(m.weight)
                if m.bias is not None:
                    m.bias.data.zero_()

    def forward(self, x):
        return self.output_conv(self.up(self.feat0(x)))
"""),
    case("hti-cnn-2", "https://github.com/ml-jku/hti-cnn/pull/2", "deprecated-init", """
import torch.nn as nn


class GapNet(nn.Module):
    def __init__(self, num_classes):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(5, 32, 3), nn.ReLU())
        self.fc = nn.Linear(32, num_classes)
        nn.init.xavier_uniform(self.fc.weight)

    def forward(self, x):
        return self.fc(self.features(x).mean((2, 3)))
""", """
import torch.nn as nn


class GapNet(nn.Module):
    def __init__(self, num_classes):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(5, 32, 3), nn.ReLU())
        self.fc = nn.Linear(32, num_classes)
        nn.init.xavier_uniform_(self.fc.weight)

    def forward(self, x):
        return self.fc(self.features(x).mean((2, 3)))
"""),
    # ---- init after a load ---------------------------------------------------------------------------------
    case("picotron-32", "https://github.com/huggingface/picotron/issues/32", "init-after-load", """
class InitializationManager:
    def __init__(self, model):
        self.model = model

    def init_model_parameters(self):
        self.model.reset_parameters()


def init_model_with_materialized_weights(model, state_dict):
    manager = InitializationManager(model)
    model.load_state_dict(state_dict, strict=True, assign=True)
    manager.init_model_parameters()
    return model
""", """
class InitializationManager:
    def __init__(self, model):
        self.model = model

    def init_model_parameters(self):
        self.model.reset_parameters()


def init_model_with_materialized_weights(model, state_dict):
    manager = InitializationManager(model)
    manager.init_model_parameters()
    model.load_state_dict(state_dict, strict=True, assign=True)
    return model
""", note="the re-init goes through a helper object that holds the model"),
    # ---- init over a pretrained submodule ---------------------------------------------------------------------
    case("AdaInt-12", "https://github.com/ImCharlesY/AdaInt/pull/12", "init-over-pretrained-submodule", """
import torch.nn as nn
import torchvision


class Res18Backbone(nn.Module):
    def __init__(self, pretrained=True):
        super().__init__()
        net = torchvision.models.resnet18(pretrained=pretrained)
        net.fc = nn.Identity()
        self.net = net

    def forward(self, imgs):
        return self.net(imgs)


class AiLUT(nn.Module):
    def __init__(self, n_ranks=3):
        super().__init__()
        self.backbone = Res18Backbone(pretrained=True)
        self.weights_generator = nn.Linear(512, n_ranks)
        self.init_weights()

    def init_weights(self):
        def special_initilization(m):
            classname = m.__class__.__name__
            if "Conv" in classname:
                nn.init.xavier_normal_(m.weight.data)
            elif "InstanceNorm" in classname:
                nn.init.normal_(m.weight.data, 1.0, 0.02)
                nn.init.constant_(m.bias.data, 0.0)
        self.apply(special_initilization)

    def forward(self, x):
        return self.weights_generator(self.backbone(x))
""", """
import torch.nn as nn
import torchvision


class Res18Backbone(nn.Module):
    def __init__(self, pretrained=True):
        super().__init__()
        net = torchvision.models.resnet18(pretrained=pretrained)
        net.fc = nn.Identity()
        self.net = net

    def forward(self, imgs):
        return self.net(imgs)


class AiLUT(nn.Module):
    def __init__(self, n_ranks=3):
        super().__init__()
        self.backbone = Res18Backbone(pretrained=True)
        self.weights_generator = nn.Linear(512, n_ranks)
        self.init_weights()

    def init_weights(self):
        nn.init.ones_(self.weights_generator.bias)

    def forward(self, x):
        return self.weights_generator(self.backbone(x))
""", note="the pretrained net is built inside a project backbone class given pretrained=True"),
    # ---- tied weights re-initialized ------------------------------------------------------------------------
    case("fastai-2090", "https://github.com/fastai/fastai/pull/2090", "tied-weight-reinit", """
import torch.nn as nn


def init_transformer(m):
    classname = m.__class__.__name__
    if classname.find("Linear") != -1:
        nn.init.normal_(m.weight, 0.0, 0.02)
        if m.bias is not None:
            nn.init.constant_(m.bias, 0.0)


class TransformerLM(nn.Module):
    def __init__(self, vocab_sz, d_model):
        super().__init__()
        self.encoder = nn.Embedding(vocab_sz, d_model)
        self.body = nn.TransformerEncoder(nn.TransformerEncoderLayer(d_model, 4), 2)
        self.decoder = nn.Linear(d_model, vocab_sz)
        self.decoder.weight = self.encoder.weight
        self.apply(init_transformer)

    def forward(self, x):
        return self.decoder(self.body(self.encoder(x)))
""", """
import torch.nn as nn


def init_transformer(m):
    classname = m.__class__.__name__
    if classname.find("Linear") != -1:
        nn.init.normal_(m.weight, 0.0, 0.02)
        if m.bias is not None:
            nn.init.constant_(m.bias, 0.0)


class TransformerLM(nn.Module):
    def __init__(self, vocab_sz, d_model):
        super().__init__()
        self.encoder = nn.Embedding(vocab_sz, d_model)
        self.body = nn.TransformerEncoder(nn.TransformerEncoderLayer(d_model, 4), 2)
        self.decoder = nn.Linear(d_model, vocab_sz)
        self.apply(init_transformer)
        self.decoder.weight = self.encoder.weight

    def forward(self, x):
        return self.decoder(self.body(self.encoder(x)))
""", note="the embedding's N(0, 1) init is overwritten through the tied Linear by an apply"),
    # ---- uninitialized parameters -----------------------------------------------------------------------------
    case("Biaffine-NER-3", "https://github.com/suolyer/PyTorch_BERT_Biaffine_NER/pull/3",
         "param-never-initialized", """
import torch
import torch.nn as nn


class Biaffine(nn.Module):
    def __init__(self, in_size, out_size, bias_x=True, bias_y=True):
        super().__init__()
        self.bias_x = bias_x
        self.bias_y = bias_y
        self.U = nn.Parameter(torch.Tensor(in_size + int(bias_x), out_size, in_size + int(bias_y)))

    def forward(self, x, y):
        if self.bias_x:
            x = torch.cat((x, torch.ones_like(x[..., :1])), dim=-1)
        if self.bias_y:
            y = torch.cat((y, torch.ones_like(y[..., :1])), dim=-1)
        return torch.einsum("bxi,ioj,byj->bxyo", x, self.U, y)
""", """
import torch
import torch.nn as nn


class Biaffine(nn.Module):
    def __init__(self, in_size, out_size, bias_x=True, bias_y=True):
        super().__init__()
        self.bias_x = bias_x
        self.bias_y = bias_y
        self.U = nn.Parameter(torch.randn(in_size + int(bias_x), out_size, in_size + int(bias_y)))

    def forward(self, x, y):
        if self.bias_x:
            x = torch.cat((x, torch.ones_like(x[..., :1])), dim=-1)
        if self.bias_y:
            y = torch.cat((y, torch.ones_like(y[..., :1])), dim=-1)
        return torch.einsum("bxi,ioj,byj->bxyo", x, self.U, y)
"""),
    case("STALE-16", "https://github.com/sauradip/STALE/issues/16", "param-never-initialized", """
import torch
import torch.nn as nn


class STALE(nn.Module):
    def __init__(self, dim=512):
        super().__init__()
        self.proj = nn.Linear(dim, dim)
        self.bg_embeddings = nn.Parameter(torch.empty(1, dim))

    def forward(self, text_feats, video_feats):
        classes = torch.cat([self.bg_embeddings, text_feats], dim=0)
        return self.proj(video_feats) @ classes.t()
""", """
import torch
import torch.nn as nn


class STALE(nn.Module):
    def __init__(self, dim=512):
        super().__init__()
        self.proj = nn.Linear(dim, dim)
        self.bg_embeddings = nn.Parameter(torch.empty(1, dim))
        nn.init.kaiming_uniform_(self.bg_embeddings, nonlinearity="relu")

    def forward(self, text_feats, video_feats):
        classes = torch.cat([self.bg_embeddings, text_feats], dim=0)
        return self.proj(video_feats) @ classes.t()
"""),
    case("lsoftmax-7", "https://github.com/amirhfarzaneh/lsoftmax-pytorch/issues/7", "param-never-initialized", """
import torch
import torch.nn as nn


class LSoftmaxLinear(nn.Module):
    def __init__(self, input_features, output_features, margin):
        super().__init__()
        self.margin = margin
        self.weight = nn.Parameter(torch.FloatTensor(input_features, output_features))

    def reset_parameters(self):
        nn.init.kaiming_normal_(self.weight.data.t())

    def forward(self, input):
        return input.mm(self.weight)
""", """
import torch
import torch.nn as nn


class LSoftmaxLinear(nn.Module):
    def __init__(self, input_features, output_features, margin):
        super().__init__()
        self.margin = margin
        self.weight = nn.Parameter(torch.FloatTensor(input_features, output_features))
        self.reset_parameters()

    def reset_parameters(self):
        nn.init.kaiming_normal_(self.weight.data.t())

    def forward(self, input):
        return input.mm(self.weight)
""", note="the only init is in a reset_parameters that nothing calls (the base is nn.Module itself)"),
    case("pytorch-crf-1", "https://github.com/kmkurn/pytorch-crf/issues/1", "param-never-initialized", """
import torch
import torch.nn as nn


class CRF(nn.Module):
    def __init__(self, num_tags):
        super().__init__()
        self.num_tags = num_tags
        self.start_transitions = nn.Parameter(torch.Tensor(num_tags))
        self.end_transitions = nn.Parameter(torch.Tensor(num_tags))
        self.transitions = nn.Parameter(torch.Tensor(num_tags, num_tags))

    def reset_parameters(self):
        nn.init.uniform_(self.start_transitions, -0.1, 0.1)
        nn.init.uniform_(self.end_transitions, -0.1, 0.1)
        nn.init.uniform_(self.transitions, -0.1, 0.1)

    def forward(self, emissions):
        return emissions + self.start_transitions + self.end_transitions + self.transitions.sum(0)
""", """
import torch
import torch.nn as nn


class CRF(nn.Module):
    def __init__(self, num_tags):
        super().__init__()
        self.num_tags = num_tags
        self.start_transitions = nn.Parameter(torch.Tensor(num_tags))
        self.end_transitions = nn.Parameter(torch.Tensor(num_tags))
        self.transitions = nn.Parameter(torch.Tensor(num_tags, num_tags))
        self.reset_parameters()

    def reset_parameters(self):
        nn.init.uniform_(self.start_transitions, -0.1, 0.1)
        nn.init.uniform_(self.end_transitions, -0.1, 0.1)
        nn.init.uniform_(self.transitions, -0.1, 0.1)

    def forward(self, emissions):
        return emissions + self.start_transitions + self.end_transitions + self.transitions.sum(0)
""", note="the init is in a reset_parameters that __init__ forgot to call"),
    # ---- one module repeated ---------------------------------------------------------------------------------
    case("ddsp-37", "https://github.com/acids-ircam/ddsp_pytorch/issues/37", "repeated-module", """
import torch
import torch.nn as nn


def mlp(in_size, hidden_size, n_layers):
    channels = [in_size] + n_layers * [hidden_size]
    net = []
    for i in range(n_layers):
        net.append(nn.Linear(channels[i], channels[i + 1]))
        net.append(nn.LayerNorm(channels[i + 1]))
        net.append(nn.LeakyReLU())
    return nn.Sequential(*net)


class DDSP(nn.Module):
    def __init__(self, hidden_size):
        super().__init__()
        self.in_mlps = nn.ModuleList([mlp(1, hidden_size, 3)] * 2)
        self.gru = nn.GRU(2 * hidden_size, hidden_size, batch_first=True)

    def forward(self, pitch, loudness):
        hidden = torch.cat([self.in_mlps[0](pitch), self.in_mlps[1](loudness)], -1)
        return self.gru(hidden)[0]
""", """
import torch
import torch.nn as nn


def mlp(in_size, hidden_size, n_layers):
    channels = [in_size] + n_layers * [hidden_size]
    net = []
    for i in range(n_layers):
        net.append(nn.Linear(channels[i], channels[i + 1]))
        net.append(nn.LayerNorm(channels[i + 1]))
        net.append(nn.LeakyReLU())
    return nn.Sequential(*net)


class DDSP(nn.Module):
    def __init__(self, hidden_size):
        super().__init__()
        self.in_mlps = nn.ModuleList([mlp(1, hidden_size, 3) for _ in range(2)])
        self.gru = nn.GRU(2 * hidden_size, hidden_size, batch_first=True)

    def forward(self, pitch, loudness):
        hidden = torch.cat([self.in_mlps[0](pitch), self.in_mlps[1](loudness)], -1)
        return self.gru(hidden)[0]
""", note="the repeated element is built by a project function that returns an nn.Sequential"),
    # ---- layers in a plain list ------------------------------------------------------------------------------
    case("pytorch-1053", "https://github.com/pytorch/pytorch/issues/1053", "unregistered-container", """
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self, word_vec_size):
        super().__init__()
        self.conv1d = [
            nn.Conv1d(word_vec_size, 1, 3),
            nn.Conv1d(word_vec_size, 1, 4),
            nn.Conv1d(word_vec_size, 1, 5),
        ]

    def forward(self, x):
        return torch.cat([conv(x).max(-1).values for conv in self.conv1d], -1)
""", """
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self, word_vec_size):
        super().__init__()
        self.conv1d = nn.ModuleList([
            nn.Conv1d(word_vec_size, 1, 3),
            nn.Conv1d(word_vec_size, 1, 4),
            nn.Conv1d(word_vec_size, 1, 5),
        ])

    def forward(self, x):
        return torch.cat([conv(x).max(-1).values for conv in self.conv1d], -1)
"""),
    case("pytorch-8017", "https://github.com/pytorch/pytorch/issues/8017", "unregistered-container", """
import torch.nn as nn


class Model(nn.Module):
    def __init__(self, in_channels, out_channels, layer_size):
        super().__init__()
        self.conv = []
        for _ in range(layer_size):
            self.conv.append(nn.Conv2d(in_channels=in_channels, out_channels=out_channels, kernel_size=(3, 3)))
            in_channels = out_channels
            out_channels *= 2

    def forward(self, x):
        for conv in self.conv:
            x = conv(x)
        return x
""", """
import torch.nn as nn


class Model(nn.Module):
    def __init__(self, in_channels, out_channels, layer_size):
        super().__init__()
        self.conv = nn.ModuleList()
        for _ in range(layer_size):
            self.conv.append(nn.Conv2d(in_channels=in_channels, out_channels=out_channels, kernel_size=(3, 3)))
            in_channels = out_channels
            out_channels *= 2

    def forward(self, x):
        for conv in self.conv:
            x = conv(x)
        return x
"""),
    case("the-algorithm-ml-136", "https://github.com/twitter/the-algorithm-ml/pull/136", "unregistered-container", """
import torch


class Mlp(torch.nn.Module):
    def __init__(self, in_features, layer_sizes):
        super().__init__()
        input_size = in_features
        modules = []
        for layer_size in layer_sizes[:-1]:
            modules.append(torch.nn.Linear(input_size, layer_size, bias=True))
            modules.append(torch.nn.ReLU())
            input_size = layer_size
        modules.append(torch.nn.Linear(input_size, layer_sizes[-1], bias=True))
        self.layers = modules

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x
""", """
import torch


class Mlp(torch.nn.Module):
    def __init__(self, in_features, layer_sizes):
        super().__init__()
        input_size = in_features
        modules = []
        for layer_size in layer_sizes[:-1]:
            modules.append(torch.nn.Linear(input_size, layer_size, bias=True))
            modules.append(torch.nn.ReLU())
            input_size = layer_size
        modules.append(torch.nn.Linear(input_size, layer_sizes[-1], bias=True))
        self.layers = torch.nn.ModuleList(modules)

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x
""", note="a local list filled with layers, then assigned to self"),
    case("pytorch-4412", "https://github.com/pytorch/pytorch/issues/4412", "unregistered-container", """
import torch.nn as nn


class Network(nn.Module):
    def __init__(self, in_channels):
        super().__init__()
        self.convs = [
            nn.Sequential(nn.Conv2d(in_channels, in_channels, 3, 1, 1), nn.Conv2d(in_channels, in_channels, 3, 1, 1)),
            nn.Sequential(nn.Conv2d(in_channels, in_channels, 3, 1, 1), nn.Conv2d(in_channels, in_channels, 3, 1, 1)),
        ]

    def forward(self, x):
        return self.convs[1](self.convs[0](x))
""", """
import torch.nn as nn


class Network(nn.Module):
    def __init__(self, in_channels):
        super().__init__()
        self.convs = nn.ModuleList([
            nn.Sequential(nn.Conv2d(in_channels, in_channels, 3, 1, 1), nn.Conv2d(in_channels, in_channels, 3, 1, 1)),
            nn.Sequential(nn.Conv2d(in_channels, in_channels, 3, 1, 1), nn.Conv2d(in_channels, in_channels, 3, 1, 1)),
        ])

    def forward(self, x):
        return self.convs[1](self.convs[0](x))
"""),
    # ---- class-name dispatch --------------------------------------------------------------------------------
    case("vid2vid-11", "https://github.com/createamind/vid2vid/issues/11", "classname-dispatch", """
import torch.nn as nn


def weights_init(m):
    classname = m.__class__.__name__
    if classname.find("Conv") != -1:
        m.weight.data.normal_(0.0, 0.02)
    elif classname.find("BatchNorm2d") != -1:
        m.weight.data.normal_(1.0, 0.02)
        m.bias.data.fill_(0)


class ConvSeqDis(nn.Module):
    def __init__(self, nc, ndf):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(nc, ndf, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ndf),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf, 1, 4, 1, 0, bias=False),
        )

    def forward(self, x):
        return self.main(x)


netD = ConvSeqDis(3, 64)
netD.apply(weights_init)
""", """
import torch.nn as nn


def weights_init(m):
    if isinstance(m, nn.Conv2d):
        m.weight.data.normal_(0.0, 0.02)
    elif isinstance(m, nn.BatchNorm2d):
        m.weight.data.normal_(1.0, 0.02)
        m.bias.data.fill_(0)


class ConvSeqDis(nn.Module):
    def __init__(self, nc, ndf):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(nc, ndf, 4, 2, 1, bias=False),
            nn.BatchNorm2d(ndf),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf, 1, 4, 1, 0, bias=False),
        )

    def forward(self, x):
        return self.main(x)


netD = ConvSeqDis(3, 64)
netD.apply(weights_init)
"""),
    case("DO-Conv-5", "https://github.com/yangyanli/DO-Conv/issues/5", "classname-dispatch", """
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class DOConv2d(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=3, padding=1):
        super().__init__()
        self.padding = padding
        self.W = nn.Parameter(torch.empty(out_channels, in_channels, kernel_size * kernel_size))
        nn.init.kaiming_uniform_(self.W, a=math.sqrt(5))
        self.D = nn.Parameter(torch.zeros(in_channels, kernel_size * kernel_size, kernel_size * kernel_size))
        self.kernel_size = kernel_size

    def forward(self, x):
        k = self.kernel_size
        weight = torch.einsum("ims,ois->oim", self.D, self.W).reshape(self.W.shape[0], -1, k, k)
        return F.conv2d(x, weight, padding=self.padding)


def weights_init(m):
    classname = m.__class__.__name__
    if classname.find("Conv") != -1:
        m.weight.data.normal_(0.0, 0.02)


model = nn.Sequential(DOConv2d(3, 16), nn.ReLU(), DOConv2d(16, 16))
model.apply(weights_init)
""", """
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class DOConv2d(nn.Module):
    def __init__(self, in_channels, out_channels, kernel_size=3, padding=1):
        super().__init__()
        self.padding = padding
        self.W = nn.Parameter(torch.empty(out_channels, in_channels, kernel_size * kernel_size))
        nn.init.kaiming_uniform_(self.W, a=math.sqrt(5))
        self.D = nn.Parameter(torch.zeros(in_channels, kernel_size * kernel_size, kernel_size * kernel_size))
        self.kernel_size = kernel_size

    def forward(self, x):
        k = self.kernel_size
        weight = torch.einsum("ims,ois->oim", self.D, self.W).reshape(self.W.shape[0], -1, k, k)
        return F.conv2d(x, weight, padding=self.padding)


def weights_init(m):
    if isinstance(m, nn.Conv2d):
        m.weight.data.normal_(0.0, 0.02)


model = nn.Sequential(DOConv2d(3, 16), nn.ReLU(), DOConv2d(16, 16))
model.apply(weights_init)
"""),
    # ---- padding_idx overwritten ----------------------------------------------------------------------------
    case("pytorch-6495", "https://github.com/pytorch/pytorch/issues/6495", "padding-idx-overwritten", """
import torch.nn as nn


def Embedding(num_embeddings, embedding_dim, padding_idx):
    m = nn.Embedding(num_embeddings, embedding_dim, padding_idx=padding_idx)
    m.weight.data.normal_(0, 0.1)
    return m
""", """
import torch.nn as nn


def Embedding(num_embeddings, embedding_dim, padding_idx):
    m = nn.Embedding(num_embeddings, embedding_dim, padding_idx=padding_idx)
    m.weight.data.normal_(0, 0.1)
    m.weight.data[padding_idx].zero_()
    return m
""", note="a helper that builds an Embedding with a padding_idx and re-initializes its whole weight"),
    case("pytorch-word2vec-17", "https://github.com/ray1007/pytorch-word2vec/issues/17", "padding-idx-overwritten", """
import torch.nn as nn


class CBOW(nn.Module):
    def __init__(self, vocab_size, emb_dim):
        super().__init__()
        self.emb = nn.Embedding(vocab_size, emb_dim, padding_idx=0)
        self.emb.weight.data.uniform_(-0.5 / emb_dim, 0.5 / emb_dim)
        self.out = nn.Linear(emb_dim, vocab_size)

    def forward(self, context):
        return self.out(self.emb(context).mean(1))
""", """
import torch.nn as nn


class CBOW(nn.Module):
    def __init__(self, vocab_size, emb_dim):
        super().__init__()
        self.emb = nn.Embedding(vocab_size, emb_dim, padding_idx=0)
        self.emb.weight.data.uniform_(-0.5 / emb_dim, 0.5 / emb_dim)
        self.emb.weight.data[0].zero_()
        self.out = nn.Linear(emb_dim, vocab_size)

    def forward(self, context):
        return self.out(self.emb(context).mean(1))
"""),
    # ---- init of a reparametrized weight ----------------------------------------------------------------------
    case("hifi-gan-145", "https://github.com/jik876/hifi-gan/issues/145", "reparametrized-weight-init", """
import torch.nn as nn
from torch.nn.utils import weight_norm


def init_weights(m, mean=0.0, std=0.01):
    classname = m.__class__.__name__
    if classname.find("Conv") != -1:
        m.weight.data.normal_(mean, std)


class Generator(nn.Module):
    def __init__(self, upsample_rates, upsample_kernel_sizes, ch=512):
        super().__init__()
        self.conv_pre = weight_norm(nn.Conv1d(80, ch, 7, 1, padding=3))
        self.ups = nn.ModuleList()
        for i, (u, k) in enumerate(zip(upsample_rates, upsample_kernel_sizes)):
            self.ups.append(weight_norm(
                nn.ConvTranspose1d(ch // (2 ** i), ch // (2 ** (i + 1)), k, u, padding=(k - u) // 2)))
        self.ups.apply(init_weights)

    def forward(self, x):
        x = self.conv_pre(x)
        for up in self.ups:
            x = up(x)
        return x
""", """
import torch.nn as nn
from torch.nn.utils import weight_norm


def init_weights(m, mean=0.0, std=0.01):
    classname = m.__class__.__name__
    if classname.find("Conv") != -1:
        m.weight.data.normal_(mean, std)


class Generator(nn.Module):
    def __init__(self, upsample_rates, upsample_kernel_sizes, ch=512):
        super().__init__()
        self.conv_pre = weight_norm(nn.Conv1d(80, ch, 7, 1, padding=3))
        self.ups = nn.ModuleList()
        for i, (u, k) in enumerate(zip(upsample_rates, upsample_kernel_sizes)):
            up = nn.ConvTranspose1d(ch // (2 ** i), ch // (2 ** (i + 1)), k, u, padding=(k - u) // 2)
            init_weights(up)
            self.ups.append(weight_norm(up))

    def forward(self, x):
        x = self.conv_pre(x)
        for up in self.ups:
            x = up(x)
        return x
"""),
    case("TCN-1", "https://github.com/locuslab/TCN/issues/1", "reparametrized-weight-init", """
import torch.nn as nn
from torch.nn.utils import weight_norm


class TemporalBlock(nn.Module):
    def __init__(self, n_inputs, n_outputs, kernel_size, dilation, padding):
        super().__init__()
        self.conv1 = weight_norm(nn.Conv1d(n_inputs, n_outputs, kernel_size, padding=padding, dilation=dilation))
        self.conv2 = weight_norm(nn.Conv1d(n_outputs, n_outputs, kernel_size, padding=padding, dilation=dilation))
        self.net = nn.Sequential(self.conv1, nn.ReLU(), self.conv2, nn.ReLU())
        self.init_weights()

    def init_weights(self):
        self.conv1.weight.data.normal_(0, 0.01)
        self.conv2.weight.data.normal_(0, 0.01)

    def forward(self, x):
        return self.net(x)
""", """
import torch.nn as nn
from torch.nn.utils import weight_norm


class TemporalBlock(nn.Module):
    def __init__(self, n_inputs, n_outputs, kernel_size, dilation, padding):
        super().__init__()
        conv1 = nn.Conv1d(n_inputs, n_outputs, kernel_size, padding=padding, dilation=dilation)
        conv2 = nn.Conv1d(n_outputs, n_outputs, kernel_size, padding=padding, dilation=dilation)
        conv1.weight.data.normal_(0, 0.01)
        conv2.weight.data.normal_(0, 0.01)
        self.conv1 = weight_norm(conv1)
        self.conv2 = weight_norm(conv2)
        self.net = nn.Sequential(self.conv1, nn.ReLU(), self.conv2, nn.ReLU())

    def forward(self, x):
        return self.net(x)
""", note="weight_norm in __init__, the init in a method __init__ calls afterwards"),
    # ---- one tensor initialized twice -------------------------------------------------------------------------
    case("pytorch-examples-909", "https://github.com/pytorch/examples/pull/909", "duplicate-init-target", """
import torch.nn as nn


class TransformerModel(nn.Module):
    def __init__(self, ntoken, ninp, nhead, nhid, nlayers):
        super().__init__()
        self.encoder = nn.Embedding(ntoken, ninp)
        layer = nn.TransformerEncoderLayer(ninp, nhead, nhid)
        self.transformer_encoder = nn.TransformerEncoder(layer, nlayers)
        self.decoder = nn.Linear(ninp, ntoken)
        self.init_weights()

    def init_weights(self):
        initrange = 0.1
        nn.init.uniform_(self.encoder.weight, -initrange, initrange)
        nn.init.zeros_(self.decoder.weight)
        nn.init.uniform_(self.decoder.weight, -initrange, initrange)

    def forward(self, src):
        return self.decoder(self.transformer_encoder(self.encoder(src)))
""", """
import torch.nn as nn


class TransformerModel(nn.Module):
    def __init__(self, ntoken, ninp, nhead, nhid, nlayers):
        super().__init__()
        self.encoder = nn.Embedding(ntoken, ninp)
        layer = nn.TransformerEncoderLayer(ninp, nhead, nhid)
        self.transformer_encoder = nn.TransformerEncoder(layer, nlayers)
        self.decoder = nn.Linear(ninp, ntoken)
        self.init_weights()

    def init_weights(self):
        initrange = 0.1
        nn.init.uniform_(self.encoder.weight, -initrange, initrange)
        nn.init.zeros_(self.decoder.bias)
        nn.init.uniform_(self.decoder.weight, -initrange, initrange)

    def forward(self, src):
        return self.decoder(self.transformer_encoder(self.encoder(src)))
"""),
    case("maskrcnn-benchmark-59", "https://github.com/facebookresearch/maskrcnn-benchmark/issues/59",
         "duplicate-init-target", """
import torch.nn as nn


class FastRCNNPredictor(nn.Module):
    def __init__(self, num_inputs, num_classes):
        super().__init__()
        self.avgpool = nn.AvgPool2d(kernel_size=7, stride=7)
        self.cls_score = nn.Linear(num_inputs, num_classes)
        self.bbox_pred = nn.Linear(num_inputs, num_classes * 4)

        nn.init.normal_(self.cls_score.weight, mean=0, std=0.01)
        nn.init.constant_(self.cls_score.weight, 0)

        nn.init.normal_(self.bbox_pred.weight, mean=0, std=0.001)
        nn.init.constant_(self.bbox_pred.weight, 0)

    def forward(self, x):
        x = self.avgpool(x).flatten(1)
        return self.cls_score(x), self.bbox_pred(x)
""", """
import torch.nn as nn


class FastRCNNPredictor(nn.Module):
    def __init__(self, num_inputs, num_classes):
        super().__init__()
        self.avgpool = nn.AvgPool2d(kernel_size=7, stride=7)
        self.cls_score = nn.Linear(num_inputs, num_classes)
        self.bbox_pred = nn.Linear(num_inputs, num_classes * 4)

        nn.init.normal_(self.cls_score.weight, mean=0, std=0.01)
        nn.init.constant_(self.cls_score.bias, 0)

        nn.init.normal_(self.bbox_pred.weight, mean=0, std=0.001)
        nn.init.constant_(self.bbox_pred.bias, 0)

    def forward(self, x):
        x = self.avgpool(x).flatten(1)
        return self.cls_score(x), self.bbox_pred(x)
"""),
    # ---- init dispatch that misses the layers the model builds ------------------------------------------------
    case("BSN-16", "https://github.com/wzmsltw/BSN-boundary-sensitive-network.pytorch/issues/16",
         "dispatch-misses-layers", """
import torch
import torch.nn as nn
from torch.nn import init


class TEM(nn.Module):
    def __init__(self, feat_dim, hidden):
        super().__init__()
        self.conv1 = nn.Conv1d(feat_dim, hidden, kernel_size=3, stride=1, padding=1)
        self.conv2 = nn.Conv1d(hidden, hidden, kernel_size=3, stride=1, padding=1)
        self.conv3 = nn.Conv1d(hidden, 3, kernel_size=1, stride=1, padding=0)
        self.reset_params()

    @staticmethod
    def weight_init(m):
        if isinstance(m, nn.Conv2d):
            init.xavier_normal_(m.weight)
            init.constant_(m.bias, 0)

    def reset_params(self):
        for m in self.modules():
            self.weight_init(m)

    def forward(self, x):
        x = torch.relu(self.conv1(x))
        x = torch.relu(self.conv2(x))
        return torch.sigmoid(0.01 * self.conv3(x))
""", """
import torch
import torch.nn as nn
from torch.nn import init


class TEM(nn.Module):
    def __init__(self, feat_dim, hidden):
        super().__init__()
        self.conv1 = nn.Conv1d(feat_dim, hidden, kernel_size=3, stride=1, padding=1)
        self.conv2 = nn.Conv1d(hidden, hidden, kernel_size=3, stride=1, padding=1)
        self.conv3 = nn.Conv1d(hidden, 3, kernel_size=1, stride=1, padding=0)
        self.reset_params()

    @staticmethod
    def weight_init(m):
        if isinstance(m, nn.Conv1d):
            init.xavier_normal_(m.weight)
            init.constant_(m.bias, 0)

    def reset_params(self):
        for m in self.modules():
            self.weight_init(m)

    def forward(self, x):
        x = torch.relu(self.conv1(x))
        x = torch.relu(self.conv2(x))
        return torch.sigmoid(0.01 * self.conv3(x))
""", note="the isinstance dispatch is in a staticmethod the modules() loop calls (the report's deprecated "
          "init.xavier_normal/constant are written with the underscore here, to keep the class alone)"),
    # ---- kaiming's a given a gain -----------------------------------------------------------------------------
    case("pggan-29", "https://github.com/gapeng000/PyTorch-progressive_growing_of_gans/issues/29",
         "kaiming-slope-as-gain", """
import torch.nn as nn
from torch.nn.init import calculate_gain, kaiming_normal_


def he_init(layer, nonlinearity="conv2d", param=None):
    nonlinearity = nonlinearity.lower()
    if nonlinearity == "leaky_relu":
        gain = calculate_gain(nonlinearity, param)
    else:
        gain = calculate_gain(nonlinearity)
    kaiming_normal_(layer.weight, a=gain)


conv = nn.Conv2d(3, 16, 3)
he_init(conv, "relu")
""", """
import torch.nn as nn
from torch.nn.init import kaiming_normal_


def he_init(layer, nonlinearity="conv2d", param=None):
    nonlinearity = nonlinearity.lower()
    if nonlinearity == "leaky_relu":
        kaiming_normal_(layer.weight, a=param, nonlinearity=nonlinearity)
    else:
        kaiming_normal_(layer.weight, nonlinearity="relu")


conv = nn.Conv2d(3, 16, 3)
he_init(conv, "relu")
""", note="the value given as a is what calculate_gain returned (a gain, at least 1 for the relu family)"),
    # ---- trunc_normal_ bounds are absolute (opt-in rule) --------------------------------------------------------
    case("fms-289", "https://github.com/foundation-model-stack/foundation-model-stack/issues/289",
         "trunc-normal-bounds", """
import torch.nn as nn


class FeedForwardBlock(nn.Module):
    def __init__(self, emb_dim, hidden_dim):
        super().__init__()
        self.w1 = nn.Linear(emb_dim, hidden_dim, bias=False)
        self.w2 = nn.Linear(hidden_dim, emb_dim, bias=False)

    def reset_parameters(self):
        nn.init.trunc_normal_(self.w1.weight, mean=0.0, std=0.02)
        nn.init.trunc_normal_(self.w2.weight, mean=0.0, std=0.02)

    def forward(self, x):
        return self.w2(self.w1(x).relu())
""", """
import torch.nn as nn


class FeedForwardBlock(nn.Module):
    def __init__(self, emb_dim, hidden_dim):
        super().__init__()
        self.w1 = nn.Linear(emb_dim, hidden_dim, bias=False)
        self.w2 = nn.Linear(hidden_dim, emb_dim, bias=False)

    def reset_parameters(self):
        nn.init.trunc_normal_(self.w1.weight, mean=0.0, std=0.02, a=-0.04, b=0.04)
        nn.init.trunc_normal_(self.w2.weight, mean=0.0, std=0.02, a=-0.04, b=0.04)

    def forward(self, x):
        return self.w2(self.w1(x).relu())
"""),
    # ---- orthogonal on the stacked gates (opt-in rule) ---------------------------------------------------------
    case("cleanrl-358", "https://github.com/vwxyzjn/cleanrl/issues/358", "stacked-gate-orthogonal", """
import torch.nn as nn


class Agent(nn.Module):
    def __init__(self, n_actions):
        super().__init__()
        self.network = nn.Sequential(nn.Linear(64, 512), nn.ReLU())
        self.lstm = nn.LSTM(512, 128)
        for name, param in self.lstm.named_parameters():
            if "bias" in name:
                nn.init.constant_(param, 0)
            elif "weight" in name:
                nn.init.orthogonal_(param, 1.0)
        self.actor = nn.Linear(128, n_actions)

    def forward(self, x, state):
        hidden, state = self.lstm(self.network(x).unsqueeze(0), state)
        return self.actor(hidden.squeeze(0)), state
""", """
import torch.nn as nn


class Agent(nn.Module):
    def __init__(self, n_actions):
        super().__init__()
        self.network = nn.Sequential(nn.Linear(64, 512), nn.ReLU())
        self.lstm = nn.LSTM(512, 128)
        for name, param in self.lstm.named_parameters():
            if "bias" in name:
                nn.init.constant_(param, 0)
            elif "weight" in name:
                for gate in param.data.chunk(4, 0):
                    nn.init.orthogonal_(gate, 1.0)
        self.actor = nn.Linear(128, n_actions)

    def forward(self, x, state):
        hidden, state = self.lstm(self.network(x).unsqueeze(0), state)
        return self.actor(hidden.squeeze(0)), state
""", note="the loop selects weight_ih and weight_hh by 'weight' in name"),
    # ---- RNN init of layer 0 only --------------------------------------------------------------------------
    case("flood-forecasting-289", "https://github.com/google-research/flood-forecasting/pull/289",
         "rnn-first-layer-only", """
import torch.nn as nn


class CudaLSTM(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers, initial_forget_bias=3.0):
        super().__init__()
        self.lstm = nn.LSTM(input_size, hidden_size, num_layers=num_layers, batch_first=True)
        self.head = nn.Linear(hidden_size, 1)
        self.initial_forget_bias = initial_forget_bias
        self._reset_parameters()

    def _reset_parameters(self):
        hidden_size = self.lstm.hidden_size
        self.lstm.bias_hh_l0.data[hidden_size:2 * hidden_size] = self.initial_forget_bias

    def forward(self, x):
        return self.head(self.lstm(x)[0])
""", """
import torch.nn as nn


class CudaLSTM(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers, initial_forget_bias=3.0):
        super().__init__()
        self.lstm = nn.LSTM(input_size, hidden_size, num_layers=num_layers, batch_first=True)
        self.head = nn.Linear(hidden_size, 1)
        self.initial_forget_bias = initial_forget_bias
        self._reset_parameters()

    def _reset_parameters(self):
        hidden_size = self.lstm.hidden_size
        for name, param in self.lstm.named_parameters():
            if name.startswith("bias_hh"):
                param.data[hidden_size:2 * hidden_size] = self.initial_forget_bias

    def forward(self, x):
        return self.head(self.lstm(x)[0])
""", scope="INI110 page: the RNN must be built with literal arguments (`num_layers=n` is left alone)"),
    # ---- init function never applied --------------------------------------------------------------------------
    case("swa-11", "https://github.com/timgaripov/swa/issues/11", "init-never-applied", """
import math

import torch.nn as nn
import torch.nn.init as init


def conv_init(m):
    classname = m.__class__.__name__
    if classname.find("Conv") != -1:
        init.xavier_uniform_(m.weight, gain=math.sqrt(2))
        init.constant_(m.bias, 0)
    elif classname.find("BatchNorm") != -1:
        init.constant_(m.weight, 1)
        init.constant_(m.bias, 0)


class WideResNet(nn.Module):
    def __init__(self, num_classes=10, width=16):
        super().__init__()
        self.conv1 = nn.Conv2d(3, width, 3, padding=1, bias=True)
        self.bn1 = nn.BatchNorm2d(width)
        self.linear = nn.Linear(width, num_classes)

    def forward(self, x):
        return self.linear(self.bn1(self.conv1(x)).relu().mean((2, 3)))
""", """
import math

import torch.nn as nn
import torch.nn.init as init


def conv_init(m):
    classname = m.__class__.__name__
    if classname.find("Conv") != -1:
        init.xavier_uniform_(m.weight, gain=math.sqrt(2))
        init.constant_(m.bias, 0)
    elif classname.find("BatchNorm") != -1:
        init.constant_(m.weight, 1)
        init.constant_(m.bias, 0)


class WideResNet(nn.Module):
    def __init__(self, num_classes=10, width=16):
        super().__init__()
        self.conv1 = nn.Conv2d(3, width, 3, padding=1, bias=True)
        self.bn1 = nn.BatchNorm2d(width)
        self.linear = nn.Linear(width, num_classes)
        self.apply(conv_init)

    def forward(self, x):
        return self.linear(self.bn1(self.conv1(x)).relu().mean((2, 3)))
"""),
    case("Image_Segmentation-71", "https://github.com/LeeJunHyun/Image_Segmentation/issues/71",
         "init-never-applied", """
import torch.nn as nn
from torch.nn import init


def init_weights(net, init_type="normal", gain=0.02):
    def init_func(m):
        classname = m.__class__.__name__
        if hasattr(m, "weight") and (classname.find("Conv") != -1 or classname.find("Linear") != -1):
            if init_type == "normal":
                init.normal_(m.weight.data, 0.0, gain)
            elif init_type == "kaiming":
                init.kaiming_normal_(m.weight.data, a=0, mode="fan_in")
            if hasattr(m, "bias") and m.bias is not None:
                init.constant_(m.bias.data, 0.0)
        elif classname.find("BatchNorm2d") != -1:
            init.normal_(m.weight.data, 1.0, gain)
            init.constant_(m.bias.data, 0.0)

    net.apply(init_func)


class U_Net(nn.Module):
    def __init__(self, img_ch=3, output_ch=1):
        super().__init__()
        self.conv = nn.Sequential(nn.Conv2d(img_ch, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(inplace=True))
        self.out = nn.Conv2d(64, output_ch, 1)

    def forward(self, x):
        return self.out(self.conv(x))
""", """
import torch.nn as nn
from torch.nn import init


def init_weights(net, init_type="normal", gain=0.02):
    def init_func(m):
        classname = m.__class__.__name__
        if hasattr(m, "weight") and (classname.find("Conv") != -1 or classname.find("Linear") != -1):
            if init_type == "normal":
                init.normal_(m.weight.data, 0.0, gain)
            elif init_type == "kaiming":
                init.kaiming_normal_(m.weight.data, a=0, mode="fan_in")
            if hasattr(m, "bias") and m.bias is not None:
                init.constant_(m.bias.data, 0.0)
        elif classname.find("BatchNorm2d") != -1:
            init.normal_(m.weight.data, 1.0, gain)
            init.constant_(m.bias.data, 0.0)

    net.apply(init_func)


class U_Net(nn.Module):
    def __init__(self, img_ch=3, output_ch=1):
        super().__init__()
        self.conv = nn.Sequential(nn.Conv2d(img_ch, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(inplace=True))
        self.out = nn.Conv2d(64, output_ch, 1)
        init_weights(self)

    def forward(self, x):
        return self.out(self.conv(x))
""", note="a factory-style init_weights(net) whose nested init_func is applied, but which nothing calls"),
    case("Learning-to-See-in-the-Dark-17", "https://github.com/lavi135246/pytorch-Learning-to-See-in-the-Dark/issues/17",
         "init-never-applied", """
import torch.nn as nn


class SeeInDark(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1_1 = nn.Conv2d(4, 32, kernel_size=3, stride=1, padding=1)
        self.conv10_1 = nn.Conv2d(32, 12, kernel_size=1, stride=1)

    def forward(self, x):
        return self.conv10_1(self.conv1_1(x).relu())

    def _initialize_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                m.weight.data.normal_(0.0, 0.02)
                if m.bias is not None:
                    m.bias.data.normal_(0.0, 0.02)
""", """
import torch.nn as nn


class SeeInDark(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1_1 = nn.Conv2d(4, 32, kernel_size=3, stride=1, padding=1)
        self.conv10_1 = nn.Conv2d(32, 12, kernel_size=1, stride=1)
        self._initialize_weights()

    def forward(self, x):
        return self.conv10_1(self.conv1_1(x).relu())

    def _initialize_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                m.weight.data.normal_(0.0, 0.02)
                if m.bias is not None:
                    m.bias.data.normal_(0.0, 0.02)
"""),
    # ---- in-place writes to a parameter / a tensor assigned to a parameter ----------------------------------------
    case("cs231n-2", "https://github.com/haofeixu/cs231n/issues/2", "inplace-param-write", """
import numpy as np
import torch
import torch.nn as nn


def random_weight(shape):
    fan_in = np.prod(shape[1:])
    return torch.randn(shape) * np.sqrt(2.0 / fan_in)


def zero_weight(shape):
    return torch.zeros(shape)


def init_weights(m):
    if isinstance(m, (nn.Linear, nn.Conv2d)):
        m.weight = random_weight(m.weight.size())
        m.bias = zero_weight(m.bias.size())


model = nn.Sequential(nn.Conv2d(3, 32, 5, padding=2), nn.ReLU(), nn.Flatten(), nn.Linear(32 * 32 * 32, 10))
model.apply(init_weights)
""", """
import numpy as np
import torch
import torch.nn as nn


def random_weight(shape):
    fan_in = np.prod(shape[1:])
    return torch.randn(shape) * np.sqrt(2.0 / fan_in)


def zero_weight(shape):
    return torch.zeros(shape)


def init_weights(m):
    if isinstance(m, (nn.Linear, nn.Conv2d)):
        m.weight.data.copy_(random_weight(m.weight.size()))
        m.bias.data.copy_(zero_weight(m.bias.size()))


model = nn.Sequential(nn.Conv2d(3, 32, 5, padding=2), nn.ReLU(), nn.Flatten(), nn.Linear(32 * 32 * 32, 10))
model.apply(init_weights)
""", note="TypeError: cannot assign 'torch.FloatTensor' as parameter 'weight'"),
    case("pytorch_advanced-160", "https://github.com/YutaroOgawa/pytorch_advanced/issues/160", "inplace-param-write", """
import torch.nn as nn

m = nn.Conv2d(1, 1, 2, stride=1, bias=False)
m.weight[0, 0, 0, 0] = 1
m.weight[0, 0, 0, 1] = 2
m.weight[0, 0, 1, 0] = 3
m.weight[0, 0, 1, 1] = 4
""", """
import torch.nn as nn

m = nn.Conv2d(1, 1, 2, stride=1, bias=False)
m.weight.data[0, 0, 0, 0] = 1
m.weight.data[0, 0, 0, 1] = 2
m.weight.data[0, 0, 1, 0] = 3
m.weight.data[0, 0, 1, 1] = 4
""", note="RuntimeError: a view of a leaf Variable that requires grad is being used in an in-place operation"),
    # ---- fan-based init on a 1-D tensor ---------------------------------------------------------------------
    case("triplet-attention-27", "https://github.com/landskape-ai/triplet-attention/issues/27", "fan-init-on-vector", """
import torch.nn as nn
from torch.nn import init


class BasicConv(nn.Module):
    def __init__(self, in_planes, out_planes, kernel_size, padding=0):
        super().__init__()
        self.conv = nn.Conv2d(in_planes, out_planes, kernel_size, padding=padding, bias=False)
        self.bn = nn.BatchNorm2d(out_planes, eps=1e-5, momentum=0.01, affine=True)

    def forward(self, x):
        return self.bn(self.conv(x))


class AttentionGate(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = BasicConv(2, 1, 7, padding=3)
        for key in self.state_dict():
            if "conv" in key:
                init.kaiming_normal_(self.state_dict()[key], mode="fan_out")

    def forward(self, x):
        return x * self.conv(x[:, :2]).sigmoid()
""", """
import torch.nn as nn
from torch.nn import init


class BasicConv(nn.Module):
    def __init__(self, in_planes, out_planes, kernel_size, padding=0):
        super().__init__()
        self.conv = nn.Conv2d(in_planes, out_planes, kernel_size, padding=padding, bias=False)
        self.bn = nn.BatchNorm2d(out_planes, eps=1e-5, momentum=0.01, affine=True)

    def forward(self, x):
        return self.bn(self.conv(x))


class AttentionGate(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = BasicConv(2, 1, 7, padding=3)
        for key in self.state_dict():
            if "conv" in key and key.endswith("weight") and self.state_dict()[key].dim() > 1:
                init.kaiming_normal_(self.state_dict()[key], mode="fan_out")

    def forward(self, x):
        return x * self.conv(x[:, :2]).sigmoid()
""", note="the 'conv' name filter also selects conv.bn.weight, conv.bn.bias and the BN buffers"),
    # ---- unused layer (opt-in rule) --------------------------------------------------------------------------
    case("conformer-44", "https://github.com/sooftware/conformer/issues/44", "unused-layer", """
import torch.nn as nn


class Conformer(nn.Module):
    def __init__(self, input_dim, encoder_dim, num_classes):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(input_dim, encoder_dim), nn.SiLU())
        self.fc = nn.Linear(encoder_dim, num_classes, bias=False)

    def forward(self, inputs):
        return self.encoder(inputs).log_softmax(dim=-1)
""", """
import torch.nn as nn


class Conformer(nn.Module):
    def __init__(self, input_dim, encoder_dim, num_classes):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(input_dim, encoder_dim), nn.SiLU())
        self.fc = nn.Linear(encoder_dim, num_classes, bias=False)

    def forward(self, inputs):
        return self.fc(self.encoder(inputs)).log_softmax(dim=-1)
"""),
    # ---- out of scope: no rule page claims these classes ---------------------------------------------------------
    case("nanochat-686", "https://github.com/karpathy/nanochat/pull/686", "meta-device-init", """
import torch
import torch.nn as nn


class GPT(nn.Module):
    def __init__(self, vocab, dim):
        super().__init__()
        self.wte = nn.Embedding(vocab, dim)
        self.lm_head = nn.Linear(dim, vocab, bias=False)
        self.smear_lambda = nn.Parameter(torch.zeros(1))

    def init_weights(self):
        nn.init.normal_(self.wte.weight, std=1.0)
        nn.init.zeros_(self.lm_head.weight)

    def forward(self, idx):
        x = self.wte(idx)
        return self.lm_head(x + self.smear_lambda * x.roll(1, 1))


with torch.device("meta"):
    model = GPT(50304, 768)
model.to_empty(device="cpu")
model.init_weights()
""", """
import torch
import torch.nn as nn


class GPT(nn.Module):
    def __init__(self, vocab, dim):
        super().__init__()
        self.wte = nn.Embedding(vocab, dim)
        self.lm_head = nn.Linear(dim, vocab, bias=False)
        self.smear_lambda = nn.Parameter(torch.zeros(1))

    def init_weights(self):
        nn.init.normal_(self.wte.weight, std=1.0)
        nn.init.zeros_(self.lm_head.weight)
        nn.init.zeros_(self.smear_lambda)

    def forward(self, idx):
        x = self.wte(idx)
        return self.lm_head(x + self.smear_lambda * x.roll(1, 1))


with torch.device("meta"):
    model = GPT(50304, 768)
model.to_empty(device="cpu")
model.init_weights()
""", note="a parameter the post-meta init_weights forgets; INI311 covers only transformers' PreTrainedModel"),
    case("CAIL2019-6", "https://github.com/GuidoPaul/CAIL2019/issues/6", "library-api-version", """
import torch.nn as nn
from pytorch_transformers.modeling_bert import BertModel, BertPreTrainedModel


class BertForSimMatch(BertPreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.bert = BertModel(config)
        self.classifier = nn.Linear(config.hidden_size, 1)
        self.init_weights()

    def forward(self, input_ids):
        return self.classifier(self.bert(input_ids)[1])
""", """
import torch.nn as nn
from pytorch_transformers.modeling_bert import BertModel, BertPreTrainedModel


class BertForSimMatch(BertPreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.bert = BertModel(config)
        self.classifier = nn.Linear(config.hidden_size, 1)
        self.apply(self.init_weights)

    def forward(self, input_ids):
        return self.classifier(self.bert(input_ids)[1])
""", note="which call is right depends on the installed pytorch_transformers version (1.0: init_weights(module))"),
    case("cs231n-1", "https://github.com/haofeixu/cs231n/issues/1", "init-returns-copy", """
import torch
import torch.nn as nn


def init_weights(m):
    if isinstance(m, nn.Linear):
        torch.randn_like(m.weight) * 0.01


model = nn.Sequential(nn.Linear(3072, 100), nn.ReLU(), nn.Linear(100, 10))
model.apply(init_weights)
""", """
import torch
import torch.nn as nn


def init_weights(m):
    if isinstance(m, nn.Linear):
        with torch.no_grad():
            m.weight.copy_(torch.randn_like(m.weight) * 0.01)


model = nn.Sequential(nn.Linear(3072, 100), nn.ReLU(), nn.Linear(100, 10))
model.apply(init_weights)
""", note="the init builds new tensors and drops them instead of writing the parameters"),
    case("MONAI-tutorials-558", "https://github.com/Project-MONAI/tutorials/issues/558", "library-init-factory", """
import torch
from monai.networks import normal_init
from monai.networks.nets import UNet

model = UNet(spatial_dims=3, in_channels=1, out_channels=3, channels=(16, 32, 64), strides=(2, 2))
model.apply(normal_init(normal_func=torch.nn.init.kaiming_normal_))
""", """
import functools

import torch
from monai.networks import normal_init
from monai.networks.nets import UNet

model = UNet(spatial_dims=3, in_channels=1, out_channels=3, channels=(16, 32, 64), strides=(2, 2))
model.apply(functools.partial(normal_init, normal_func=torch.nn.init.kaiming_normal_))
""", note="a library's init function called instead of passed to apply (INI303 claims project functions only)"),
    case("Self-Attention-GAN-45", "https://github.com/heykeetae/Self-Attention-GAN/issues/45",
         "custom-reparametrization", """
import torch.nn as nn
from torch.nn import Parameter


class SpectralNorm(nn.Module):
    def __init__(self, module, name="weight"):
        super().__init__()
        self.module = module
        self.name = name
        w = getattr(module, name)
        del module._parameters[name]
        module.register_parameter(name + "_bar", Parameter(w.data))

    def forward(self, *args):
        return self.module.forward(*args)


def weights_init(m):
    classname = m.__class__.__name__
    if classname.find("Conv") != -1:
        m.weight.data.normal_(0.0, 0.02)


netG = nn.Sequential(SpectralNorm(nn.Conv2d(3, 64, 3)), nn.ReLU())
netG.apply(weights_init)
""", """
import torch.nn as nn
from torch.nn import Parameter


class SpectralNorm(nn.Module):
    def __init__(self, module, name="weight"):
        super().__init__()
        self.module = module
        self.name = name
        w = getattr(module, name)
        del module._parameters[name]
        module.register_parameter(name + "_bar", Parameter(w.data))

    def forward(self, *args):
        return self.module.forward(*args)


def weights_init(m):
    classname = m.__class__.__name__
    if classname.find("Conv") != -1 and hasattr(m, "weight_bar"):
        m.weight_bar.data.normal_(0.0, 0.02)


netG = nn.Sequential(SpectralNorm(nn.Conv2d(3, 64, 3)), nn.ReLU())
netG.apply(weights_init)
""", note="a project's own spectral norm deletes `weight`; INI306 claims torch's weight_norm/spectral_norm"),
    case("pretrained-models-47", "https://github.com/Cadene/pretrained-models.pytorch/issues/47",
         "attribute-deleted-outside", """
import torch.nn as nn


class Xception(nn.Module):
    def __init__(self, num_classes=1000):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 32, 3, 2, 0, bias=False)
        self.fc = nn.Linear(32, num_classes)

    def logits(self, features):
        return self.fc(features.mean((2, 3)))

    def forward(self, x):
        return self.logits(self.conv1(x))


def xception(num_classes=1000):
    model = Xception(num_classes=num_classes)
    model.last_linear = model.fc
    del model.fc
    return model
""", """
import torch.nn as nn


class Xception(nn.Module):
    def __init__(self, num_classes=1000):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 32, 3, 2, 0, bias=False)
        self.last_linear = nn.Linear(32, num_classes)

    def logits(self, features):
        return self.last_linear(features.mean((2, 3)))

    def forward(self, x):
        return self.logits(self.conv1(x))


def xception(num_classes=1000):
    return Xception(num_classes=num_classes)
""", note="the class defines fc; a factory outside it deletes the attribute (INI001 claims classes that never "
          "define it)"),
]
