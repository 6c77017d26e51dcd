"""The fourth set of bugs rebuilt from real public bug reports about weight initialization (issue 9), the
third held out.

Collected on 2026-12-02 (a later session) by four engineers, one per range of the rule catalogue (A: INI0xx-INI1xx,
B: INI2xx, C and D: INI3xx), who did not run initlint and did not read its source, tests, benches or docs: they read
only each rule page's title and "What it does", found each report with a search of public issue trackers and Q&A
pages (none of the reports of ``tests/real_reports.py``, ``tests/heldout_reports.py``,
``tests/heldout3_reports.py``, nor any rule page's or doc's references), rebuilt the bug in their own words keeping
the code's idiom, and ran the bad program and its corrected twin with torch to check that the bug shows (``note``
says how). The set was measured once, as collected, on the commit named in docs/recall.md. Same format as
``tests/real_reports.py``; read by ``tests/test_heldout_reports.py`` and
``python bench/recall.py --corpus tests/heldout4_reports.py``.
"""

CLASSES = {'layers-in-plain-python-list': ('INI002',),
 'custom-parameter-left-uninitialized': ('INI004',),
 'deprecated-init-alias': ('INI101',),
 'fan-init-on-1d-norm-weight': ('INI102',),
 'unsupported-nonlinearity-string': ('INI103',),
 'inplace-write-on-leaf-weight': ('INI107',),
 'mm-init-helper-given-tensor': ('INI109',),
 'hasattr-not-a-bias-guard': ('INI201',),
 'unguarded-norm-weight-instancenorm': ('INI201',),
 'conv-family-member-missed': ('INI202',),
 'dispatch-leaves-layer-type-default': ('INI210',),
 'padding-row-overwritten': ('INI205',),
 'duplicate-init-wrong-target': ('INI207',),
 'hf-inplace-init-ignores-initialized-flag': ('INI211',),
 'init-after-weight-norm-parametrization': ('INI306',),
 'apply-with-zero-arg-init-weights-method': ('INI309',),
 'parent-blanket-init-overwrites-child-zero-init': ('INI308',),
 'pretrained-load-then-reinit-in-init-weights': ('INI301',)}


def case(id, url, cls, bad, good, note="", scope=None):
    assert cls in CLASSES, cls
    return {"id": id, "url": url, "cls": cls, "bad": bad, "good": good, "note": note, "scope": scope}


CASES = [

    # ---- collector A ------------------------------------------------------------------------------------------
    case("kanezaki-pytorch-unsupervised-segmentation-6",
         "https://github.com/kanezaki/pytorch-unsupervised-segmentation/pull/6",
         "layers-in-plain-python-list", """
import torch
import torch.nn as nn
import torch.nn.functional as F


class Args:
    nChannel = 16
    nConv = 3


args = Args()


class MyNet(nn.Module):
    def __init__(self, input_dim):
        super(MyNet, self).__init__()
        self.conv1 = nn.Conv2d(input_dim, args.nChannel, kernel_size=3, stride=1, padding=1)
        self.bn1 = nn.BatchNorm2d(args.nChannel)
        self.conv2 = []
        self.bn2 = []
        for i in range(args.nConv - 1):
            self.conv2.append(nn.Conv2d(args.nChannel, args.nChannel, kernel_size=3, stride=1, padding=1))
            self.bn2.append(nn.BatchNorm2d(args.nChannel))
        self.conv3 = nn.Conv2d(args.nChannel, args.nChannel, kernel_size=1, stride=1, padding=0)
        self.bn3 = nn.BatchNorm2d(args.nChannel)

    def forward(self, x):
        x = self.bn1(F.relu(self.conv1(x)))
        for i in range(args.nConv - 1):
            x = self.bn2[i](F.relu(self.conv2[i](x)))
        return self.bn3(self.conv3(x))


model = MyNet(3)
n_params = sum(p.numel() for p in model.parameters())
print("registered params:", n_params)
out = model(torch.randn(1, 3, 8, 8))
""", """
import torch
import torch.nn as nn
import torch.nn.functional as F


class Args:
    nChannel = 16
    nConv = 3


args = Args()


class MyNet(nn.Module):
    def __init__(self, input_dim):
        super(MyNet, self).__init__()
        self.conv1 = nn.Conv2d(input_dim, args.nChannel, kernel_size=3, stride=1, padding=1)
        self.bn1 = nn.BatchNorm2d(args.nChannel)
        self.conv2 = nn.ModuleList()
        self.bn2 = nn.ModuleList()
        for i in range(args.nConv - 1):
            self.conv2.append(nn.Conv2d(args.nChannel, args.nChannel, kernel_size=3, stride=1, padding=1))
            self.bn2.append(nn.BatchNorm2d(args.nChannel))
        self.conv3 = nn.Conv2d(args.nChannel, args.nChannel, kernel_size=1, stride=1, padding=0)
        self.bn3 = nn.BatchNorm2d(args.nChannel)

    def forward(self, x):
        x = self.bn1(F.relu(self.conv1(x)))
        for i in range(args.nConv - 1):
            x = self.bn2[i](F.relu(self.conv2[i](x)))
        return self.bn3(self.conv3(x))


model = MyNet(3)
n_params = sum(p.numel() for p in model.parameters())
print("registered params:", n_params)
out = model(torch.randn(1, 3, 8, 8))
""", note="bad: model.parameters() has 784 params (conv2/bn2 layers missing, so the optimizer, .cuda() and state_dict skip them); good: 5488 params, the two conv2/bn2 pairs are registered"),

    case("laekov-fastmoe-52",
         "https://github.com/laekov/fastmoe/pull/52",
         "custom-parameter-left-uninitialized", """
import torch
import torch.nn as nn


class FMoELinear(nn.Module):
    def __init__(self, num_expert, in_feat, out_feat, bias=True, rank=0):
        super().__init__()
        self.num_expert = num_expert
        self.in_feat = in_feat
        self.out_feat = out_feat
        self.rank = rank
        self.weight = nn.Parameter(torch.Tensor(num_expert, out_feat, in_feat))
        if bias:
            self.bias = nn.Parameter(torch.zeros(num_expert, out_feat))
        else:
            self.register_parameter("bias", None)

    def forward(self, inp, expert_idx):
        w = self.weight[expert_idx]
        out = torch.einsum("boi,bi->bo", w, inp)
        if self.bias is not None:
            out = out + self.bias[expert_idx]
        return out


layer = FMoELinear(4, 8, 16)
print(layer.weight.abs().max())
""", """
import math
import torch
import torch.nn as nn


class FMoELinear(nn.Module):
    def __init__(self, num_expert, in_feat, out_feat, bias=True, rank=0):
        super().__init__()
        self.num_expert = num_expert
        self.in_feat = in_feat
        self.out_feat = out_feat
        self.rank = rank
        self.weight = nn.Parameter(torch.Tensor(num_expert, out_feat, in_feat))
        if bias:
            self.bias = nn.Parameter(torch.zeros(num_expert, out_feat))
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def forward(self, inp, expert_idx):
        w = self.weight[expert_idx]
        out = torch.einsum("boi,bi->bo", w, inp)
        if self.bias is not None:
            out = out + self.bias[expert_idx]
        return out

    def reset_parameters(self):
        # same init as nn.Linear, one expert at a time
        for i in range(self.num_expert):
            nn.init.kaiming_uniform_(self.weight.data[i], a=math.sqrt(5))


layer = FMoELinear(4, 8, 16)
print(layer.weight.abs().max())
""", note="bad: weight keeps torch.Tensor's uninitialized memory; run with torch.use_deterministic_algorithms(True) (uninitialized memory filled with NaN) the weight is all NaN; good: weight finite, |w| <= 1/sqrt(8)"),

    case("pytorch-vision-479",
         "https://github.com/pytorch/vision/issues/479",
         "deprecated-init-alias", """
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F


class DenseNetTiny(nn.Module):
    def __init__(self, growth_rate=8, num_init_features=16, num_classes=10):
        super(DenseNetTiny, self).__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, num_init_features, kernel_size=7, stride=2, padding=3, bias=False),
            nn.BatchNorm2d(num_init_features),
            nn.ReLU(inplace=True),
            nn.Conv2d(num_init_features, growth_rate, kernel_size=3, padding=1, bias=False),
            nn.BatchNorm2d(growth_rate),
        )
        self.classifier = nn.Linear(growth_rate, num_classes)

        # Official init from torch repo.
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal(m.weight.data)
            elif isinstance(m, nn.BatchNorm2d):
                m.weight.data.fill_(1)
                m.bias.data.zero_()
            elif isinstance(m, nn.Linear):
                m.bias.data.zero_()

    def forward(self, x):
        out = F.relu(self.features(x), inplace=True)
        out = F.adaptive_avg_pool2d(out, 1).flatten(1)
        return self.classifier(out)


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    model = DenseNetTiny()
    print([str(x.message) for x in w])
""", """
import warnings
import torch
import torch.nn as nn
import torch.nn.functional as F


class DenseNetTiny(nn.Module):
    def __init__(self, growth_rate=8, num_init_features=16, num_classes=10):
        super(DenseNetTiny, self).__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, num_init_features, kernel_size=7, stride=2, padding=3, bias=False),
            nn.BatchNorm2d(num_init_features),
            nn.ReLU(inplace=True),
            nn.Conv2d(num_init_features, growth_rate, kernel_size=3, padding=1, bias=False),
            nn.BatchNorm2d(growth_rate),
        )
        self.classifier = nn.Linear(growth_rate, num_classes)

        # Official init from torch repo.
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight.data)
            elif isinstance(m, nn.BatchNorm2d):
                m.weight.data.fill_(1)
                m.bias.data.zero_()
            elif isinstance(m, nn.Linear):
                m.bias.data.zero_()

    def forward(self, x):
        out = F.relu(self.features(x), inplace=True)
        out = F.adaptive_avg_pool2d(out, 1).flatten(1)
        return self.classifier(out)


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    model = DenseNetTiny()
    print([str(x.message) for x in w])
""", note="bad: building the model emits 'nn.init.kaiming_normal is now deprecated in favor of nn.init.kaiming_normal_' (twice, one per conv); good: no warning"),

    case("GitiHubi-deepAI-1",
         "https://github.com/GitiHubi/deepAI/issues/1",
         "deprecated-init-alias", """
import warnings
import torch
import torch.nn as nn

n_features = 618


class encoder(nn.Module):
    def __init__(self):
        super(encoder, self).__init__()
        self.encoder_L1 = nn.Linear(in_features=n_features, out_features=512, bias=True)
        nn.init.xavier_uniform(self.encoder_L1.weight)
        self.encoder_R1 = nn.LeakyReLU(negative_slope=0.4, inplace=True)
        self.encoder_L2 = nn.Linear(512, 256, bias=True)
        nn.init.xavier_uniform(self.encoder_L2.weight)
        self.encoder_R2 = nn.LeakyReLU(negative_slope=0.4, inplace=True)
        self.encoder_L3 = nn.Linear(256, 3, bias=True)
        nn.init.xavier_uniform(self.encoder_L3.weight)
        self.encoder_R3 = nn.LeakyReLU(negative_slope=0.4, inplace=True)

    def forward(self, x):
        x = self.encoder_R1(self.encoder_L1(x))
        x = self.encoder_R2(self.encoder_L2(x))
        return self.encoder_R3(self.encoder_L3(x))


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    enc = encoder()
    print([str(x.message) for x in w])
""", """
import warnings
import torch
import torch.nn as nn

n_features = 618


class encoder(nn.Module):
    def __init__(self):
        super(encoder, self).__init__()
        self.encoder_L1 = nn.Linear(in_features=n_features, out_features=512, bias=True)
        nn.init.xavier_uniform_(self.encoder_L1.weight)
        self.encoder_R1 = nn.LeakyReLU(negative_slope=0.4, inplace=True)
        self.encoder_L2 = nn.Linear(512, 256, bias=True)
        nn.init.xavier_uniform_(self.encoder_L2.weight)
        self.encoder_R2 = nn.LeakyReLU(negative_slope=0.4, inplace=True)
        self.encoder_L3 = nn.Linear(256, 3, bias=True)
        nn.init.xavier_uniform_(self.encoder_L3.weight)
        self.encoder_R3 = nn.LeakyReLU(negative_slope=0.4, inplace=True)

    def forward(self, x):
        x = self.encoder_R1(self.encoder_L1(x))
        x = self.encoder_R2(self.encoder_L2(x))
        return self.encoder_R3(self.encoder_L3(x))


with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    enc = encoder()
    print([str(x.message) for x in w])
""", note="bad: three 'nn.init.xavier_uniform is now deprecated' UserWarnings; good: none (the report's lab was migrated to the underscore names)"),

    case("FudanNLP-fastNLP-300",
         "https://github.com/FudanNLP/fastNLP/pull/300",
         "fan-init-on-1d-norm-weight", """
import torch
import torch.nn as nn
import torch.nn.init as init


def initial_parameter(net, initial_method=None):
    if initial_method == 'xavier_uniform':
        init_method = init.xavier_uniform_
    elif initial_method == 'kaiming_normal' or initial_method == 'msra':
        init_method = init.kaiming_normal_
    elif initial_method == 'orthogonal':
        init_method = init.orthogonal_
    elif initial_method == 'normal':
        init_method = init.normal_
    else:
        init_method = init.xavier_normal_

    def weights_init(m):
        if isinstance(m, nn.Conv2d) or isinstance(m, nn.Conv1d) or isinstance(m, nn.Conv3d):
            if initial_method is not None:
                init_method(m.weight.data)
            else:
                init.xavier_normal_(m.weight.data)
            init.normal_(m.bias.data)
        elif isinstance(m, nn.LSTM):
            for w in m.parameters():
                if len(w.data.size()) > 1:
                    init_method(w.data)
                else:
                    init.normal_(w.data)
        elif hasattr(m, 'weight') and m.weight.requires_grad:
            init_method(m.weight.data)
        else:
            for w in m.parameters():
                if w.requires_grad:
                    if len(w.data.size()) > 1:
                        init_method(w.data)
                    else:
                        init.normal_(w.data)

    if isinstance(net, list):
        for n in net:
            n.apply(weights_init)
    else:
        net.apply(weights_init)


class Tagger(nn.Module):
    def __init__(self, dim=16, n_tags=5):
        super().__init__()
        self.proj = nn.Linear(dim, dim)
        self.norm = nn.LayerNorm(dim)
        self.out = nn.Linear(dim, n_tags)
        initial_parameter(self)

    def forward(self, x):
        return self.out(self.norm(self.proj(x)))


model = Tagger()
""", """
import torch
import torch.nn as nn
import torch.nn.init as init


def initial_parameter(net, initial_method=None):
    if initial_method == 'xavier_uniform':
        init_method = init.xavier_uniform_
    elif initial_method == 'kaiming_normal' or initial_method == 'msra':
        init_method = init.kaiming_normal_
    elif initial_method == 'orthogonal':
        init_method = init.orthogonal_
    elif initial_method == 'normal':
        init_method = init.normal_
    else:
        init_method = init.xavier_normal_

    def weights_init(m):
        if isinstance(m, nn.Conv2d) or isinstance(m, nn.Conv1d) or isinstance(m, nn.Conv3d):
            if initial_method is not None:
                init_method(m.weight.data)
            else:
                init.xavier_normal_(m.weight.data)
            init.normal_(m.bias.data)
        elif isinstance(m, nn.LSTM):
            for w in m.parameters():
                if len(w.data.size()) > 1:
                    init_method(w.data)
                else:
                    init.normal_(w.data)
        elif hasattr(m, 'weight') and m.weight.requires_grad:
            if len(m.weight.size()) > 1:
                init_method(m.weight.data)
            else:
                init.normal_(m.weight.data)
        else:
            for w in m.parameters():
                if w.requires_grad:
                    if len(w.data.size()) > 1:
                        init_method(w.data)
                    else:
                        init.normal_(w.data)

    if isinstance(net, list):
        for n in net:
            n.apply(weights_init)
    else:
        net.apply(weights_init)


class Tagger(nn.Module):
    def __init__(self, dim=16, n_tags=5):
        super().__init__()
        self.proj = nn.Linear(dim, dim)
        self.norm = nn.LayerNorm(dim)
        self.out = nn.Linear(dim, n_tags)
        initial_parameter(self)

    def forward(self, x):
        return self.out(self.norm(self.proj(x)))


model = Tagger()
""", note="bad: the hasattr(m, 'weight') branch hands the LayerNorm's 1-D weight to xavier_normal_ -> ValueError 'Fan in and fan out can not be computed for tensor with fewer than 2 dimensions'; good: 1-D weights go to normal_ (the PR's fix), model builds"),

    case("wenku-csdn-5db71zgzz0",
         "https://wenku.csdn.net/answer/5db71zgzz0",
         "unsupported-nonlinearity-string", """
import torch
import torch.nn as nn


class GaussSwish(nn.Module):
    def forward(self, x):
        return x * torch.sigmoid(1.702 * x)


class Block(nn.Linear):
    def __init__(self, i, o, act):
        super().__init__(i, o)
        self.act = act


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = Block(8, 16, nn.Tanh())
        self.l2 = Block(16, 16, nn.Hardswish())
        self.l3 = Block(16, 4, GaussSwish())
        self._init_weights()

    def _init_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Linear):
                if hasattr(m, 'act'):
                    if isinstance(m.act, nn.Tanh):
                        nn.init.xavier_normal_(m.weight, gain=5 / 3)
                    elif isinstance(m.act, nn.Hardswish):
                        nn.init.kaiming_normal_(m.weight, mode='fan_in', nonlinearity='hardswish')
                    elif isinstance(m.act, GaussSwish):
                        nn.init.xavier_normal_(m.weight, gain=1.676)
                    else:
                        nn.init.xavier_uniform_(m.weight)
                if m.bias is not None:
                    nn.init.constant_(m.bias, 0)

    def forward(self, x):
        for l in (self.l1, self.l2, self.l3):
            x = l.act(l(x))
        return x


model = MLP()
""", """
import torch
import torch.nn as nn


class GaussSwish(nn.Module):
    def forward(self, x):
        return x * torch.sigmoid(1.702 * x)


class Block(nn.Linear):
    def __init__(self, i, o, act):
        super().__init__(i, o)
        self.act = act


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = Block(8, 16, nn.Tanh())
        self.l2 = Block(16, 16, nn.Hardswish())
        self.l3 = Block(16, 4, GaussSwish())
        self._init_weights()

    def _init_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Linear):
                if hasattr(m, 'act'):
                    if isinstance(m.act, nn.Tanh):
                        nn.init.xavier_normal_(m.weight, gain=5 / 3)
                    elif isinstance(m.act, nn.Hardswish):
                        nn.init.kaiming_normal_(m.weight, mode='fan_in', nonlinearity='relu')
                    elif isinstance(m.act, GaussSwish):
                        nn.init.xavier_normal_(m.weight, gain=1.676)
                    else:
                        nn.init.xavier_uniform_(m.weight)
                if m.bias is not None:
                    nn.init.constant_(m.bias, 0)

    def forward(self, x):
        for l in (self.l1, self.l2, self.l3):
            x = l.act(l(x))
        return x


model = MLP()
""", note="Q&A page (CSDN wenku answer) quoting the user's _init_weights and 'ValueError: Unsupported nonlinearity hardswish'; the answer's fix is to pass a supported nonlinearity ('relu'). bad: ValueError Unsupported nonlinearity hardswish at construction; good: builds"),

    case("dasguptar-treelstm.pytorch-26",
         "https://github.com/dasguptar/treelstm.pytorch/pull/26",
         "inplace-write-on-leaf-weight", """
import torch
import torch.nn as nn

PAD = 0


class ChildSumTreeLSTM(nn.Module):
    def __init__(self, in_dim, mem_dim):
        super().__init__()
        self.ioux = nn.Linear(in_dim, 3 * mem_dim)
        self.fx = nn.Linear(in_dim, mem_dim)


class SimilarityTreeLSTM(nn.Module):
    def __init__(self, vocab_size, in_dim, mem_dim, sparsity, freeze, init_emb):
        super(SimilarityTreeLSTM, self).__init__()
        self.emb = nn.Embedding(vocab_size, in_dim, padding_idx=PAD, sparse=sparsity)
        if freeze:
            self.emb.weight.requires_grad = False
        self.emb.weight.copy_(init_emb)
        self.childsumtreelstm = ChildSumTreeLSTM(in_dim, mem_dim)


emb = torch.randn(50, 8)
emb[PAD].zero_()
model = SimilarityTreeLSTM(50, 8, 4, False, False, emb)
print(torch.equal(model.emb.weight.detach(), emb))
""", """
import torch
import torch.nn as nn

PAD = 0


class ChildSumTreeLSTM(nn.Module):
    def __init__(self, in_dim, mem_dim):
        super().__init__()
        self.ioux = nn.Linear(in_dim, 3 * mem_dim)
        self.fx = nn.Linear(in_dim, mem_dim)


class SimilarityTreeLSTM(nn.Module):
    def __init__(self, vocab_size, in_dim, mem_dim, sparsity, freeze, init_emb):
        super(SimilarityTreeLSTM, self).__init__()
        self.emb = nn.Embedding(vocab_size, in_dim, padding_idx=PAD, sparse=sparsity)
        if freeze:
            self.emb.weight.requires_grad = False
        self.emb.weight.data.copy_(init_emb)
        self.childsumtreelstm = ChildSumTreeLSTM(in_dim, mem_dim)


emb = torch.randn(50, 8)
emb[PAD].zero_()
model = SimilarityTreeLSTM(50, 8, 4, False, False, emb)
print(torch.equal(model.emb.weight.detach(), emb))
""", note="bad (embeddings not frozen): RuntimeError 'a leaf Variable that requires grad is being used in an in-place operation' at self.emb.weight.copy_; good: goes through .data as the maintainer restored, prints True"),

    case("open-mmlab-mmdetection-6663",
         "https://github.com/open-mmlab/mmdetection/pull/6663",
         "mm-init-helper-given-tensor", """
import math
import torch
import torch.nn as nn
from mmengine.model import BaseModule, constant_init, normal_init, trunc_normal_init


class PyramidVisionTransformerTiny(BaseModule):
    def __init__(self, in_channels=3, embed_dims=32, init_cfg=None):
        super().__init__(init_cfg=init_cfg)
        self.patch_embed = nn.Conv2d(in_channels, embed_dims, kernel_size=4, stride=4)
        self.norm = nn.LayerNorm(embed_dims)
        self.sr = nn.Conv2d(embed_dims, embed_dims, kernel_size=2, stride=2)
        self.fc = nn.Linear(embed_dims, embed_dims)

    def init_weights(self):
        if self.init_cfg is None:
            for m in self.modules():
                if isinstance(m, nn.Linear):
                    trunc_normal_init(m, std=.02, bias=0.)
                elif isinstance(m, nn.LayerNorm):
                    constant_init(m.bias, 0)
                    constant_init(m.weight, 1.0)
                elif isinstance(m, nn.Conv2d):
                    fan_out = m.kernel_size[0] * m.kernel_size[1] * m.out_channels
                    fan_out //= m.groups
                    normal_init(m.weight, 0, math.sqrt(2.0 / fan_out))
                    if m.bias is not None:
                        constant_init(m.bias, 0)
        else:
            super().init_weights()


torch.manual_seed(0)
model = PyramidVisionTransformerTiny()
model.init_weights()
fan_out = 4 * 4 * 32
print(model.patch_embed.weight.std().item(), math.sqrt(2.0 / fan_out))
print(model.patch_embed.bias.abs().max().item())
""", """
import math
import torch
import torch.nn as nn
from mmengine.model import BaseModule, constant_init, normal_init, trunc_normal_init


class PyramidVisionTransformerTiny(BaseModule):
    def __init__(self, in_channels=3, embed_dims=32, init_cfg=None):
        super().__init__(init_cfg=init_cfg)
        self.patch_embed = nn.Conv2d(in_channels, embed_dims, kernel_size=4, stride=4)
        self.norm = nn.LayerNorm(embed_dims)
        self.sr = nn.Conv2d(embed_dims, embed_dims, kernel_size=2, stride=2)
        self.fc = nn.Linear(embed_dims, embed_dims)

    def init_weights(self):
        if self.init_cfg is None:
            for m in self.modules():
                if isinstance(m, nn.Linear):
                    trunc_normal_init(m, std=.02, bias=0.)
                elif isinstance(m, nn.LayerNorm):
                    constant_init(m, 1.0)
                elif isinstance(m, nn.Conv2d):
                    fan_out = m.kernel_size[0] * m.kernel_size[1] * m.out_channels
                    fan_out //= m.groups
                    normal_init(m, 0, math.sqrt(2.0 / fan_out))
        else:
            super().init_weights()


torch.manual_seed(0)
model = PyramidVisionTransformerTiny()
model.init_weights()
fan_out = 4 * 4 * 32
print(model.patch_embed.weight.std().item(), math.sqrt(2.0 / fan_out))
print(model.patch_embed.bias.abs().max().item())
""", note="real mmengine helpers. bad: constant_init/normal_init look for .weight/.bias on the Parameter they are given and silently do nothing, conv weight keeps PyTorch's default (std ~0.08 vs target 0.0625) and conv bias stays nonzero; good: conv weight std ~0.0625, bias 0"),

    case("open-mmlab-mmdetection-6432",
         "https://github.com/open-mmlab/mmdetection/pull/6432",
         "mm-init-helper-given-tensor", """
import torch
import torch.nn as nn
from mmengine.model import BaseModule, constant_init, trunc_normal_init


class SwinBlockTiny(BaseModule):
    def __init__(self, embed_dims=64, init_cfg=None):
        super().__init__(init_cfg=init_cfg)
        self.norm1 = nn.LayerNorm(embed_dims)
        self.qkv = nn.Linear(embed_dims, embed_dims * 3)
        self.proj = nn.Linear(embed_dims, embed_dims)
        self.relative_position_bias_table = nn.Parameter(torch.zeros(49, 4))

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


torch.manual_seed(0)
model = SwinBlockTiny()
model.init_weights()
print(model.qkv.weight.std().item(), model.qkv.bias.abs().max().item())
""", """
import torch
import torch.nn as nn
from mmengine.model import BaseModule, constant_init, trunc_normal_init


class SwinBlockTiny(BaseModule):
    def __init__(self, embed_dims=64, init_cfg=None):
        super().__init__(init_cfg=init_cfg)
        self.norm1 = nn.LayerNorm(embed_dims)
        self.qkv = nn.Linear(embed_dims, embed_dims * 3)
        self.proj = nn.Linear(embed_dims, embed_dims)
        self.relative_position_bias_table = nn.Parameter(torch.zeros(49, 4))

    def init_weights(self):
        if self.init_cfg is None:
            for m in self.modules():
                if isinstance(m, nn.Linear):
                    trunc_normal_init(m, std=.02, bias=0.)
                elif isinstance(m, nn.LayerNorm):
                    constant_init(m.bias, 0)
                    constant_init(m.weight, 1.0)


torch.manual_seed(0)
model = SwinBlockTiny()
model.init_weights()
print(model.qkv.weight.std().item(), model.qkv.bias.abs().max().item())
""", note="real mmengine helpers. bad: trunc_normal_init(m.weight, std=.02) and constant_init(m.bias, 0) are silent no-ops on Parameters, Linear keeps default kaiming-uniform (std ~0.072, bias nonzero) instead of std 0.02; good: std ~0.02, bias 0. The PR changed only the Linear branch; the LayerNorm branch (same slip, no visible effect since LN defaults are 1/0) was fixed later in #6663"),

    # ---- collector B ------------------------------------------------------------------------------------------
    case('fastai-fastai-492', 'https://github.com/fastai/fastai/pull/492', 'hasattr-not-a-bias-guard', """
import torch
import torch.nn as nn


def cond_init(m, init_fn):
    if not isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d)):
        if hasattr(m, 'weight'): init_fn(m.weight)
        if hasattr(m, 'bias'): m.bias.data.fill_(0.)


def apply_init(m, init_fn):
    m.apply(lambda x: cond_init(x, init_fn))


def conv_layer(ni, nf, ks=3, stride=1):
    return nn.Sequential(
        nn.Conv2d(ni, nf, kernel_size=ks, bias=False, stride=stride, padding=ks // 2),
        nn.BatchNorm2d(nf),
        nn.LeakyReLU(negative_slope=0.1, inplace=True))


class Darknetish(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.features = nn.Sequential(conv_layer(3, 16), conv_layer(16, 32, stride=2),
                                      nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.fc = nn.Linear(32, num_classes)

    def forward(self, x):
        return self.fc(self.features(x))


model = Darknetish()
apply_init(model, nn.init.kaiming_normal_)
assert torch.count_nonzero(model.fc.bias) == 0
print("OK")
""", """
import torch
import torch.nn as nn


def cond_init(m, init_fn):
    if not isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d)):
        if hasattr(m, 'weight'): init_fn(m.weight)
        if hasattr(m, 'bias') and hasattr(m.bias, 'data'): m.bias.data.fill_(0.)


def apply_init(m, init_fn):
    m.apply(lambda x: cond_init(x, init_fn))


def conv_layer(ni, nf, ks=3, stride=1):
    return nn.Sequential(
        nn.Conv2d(ni, nf, kernel_size=ks, bias=False, stride=stride, padding=ks // 2),
        nn.BatchNorm2d(nf),
        nn.LeakyReLU(negative_slope=0.1, inplace=True))


class Darknetish(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.features = nn.Sequential(conv_layer(3, 16), conv_layer(16, 32, stride=2),
                                      nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.fc = nn.Linear(32, num_classes)

    def forward(self, x):
        return self.fc(self.features(x))


model = Darknetish()
apply_init(model, nn.init.kaiming_normal_)
assert torch.count_nonzero(model.fc.bias) == 0
print("OK")
""",
         note="bad: fastai-0.7 style cond_init guards with hasattr(m,'bias'), true for Conv2d(bias=False); apply_init raises AttributeError 'NoneType' object has no attribute 'data'. good: the PR's extra hasattr(m.bias,'data') check; runs, fc.bias is 0. Checked by running both.",
         scope=None),
    case('pytorch-vision-6074', 'https://github.com/pytorch/vision/issues/6074', 'unguarded-norm-weight-instancenorm', """
import torch
import torch.nn as nn


def conv3x3(in_planes, out_planes, stride=1):
    return nn.Conv2d(in_planes, out_planes, kernel_size=3, stride=stride, padding=1, bias=False)


class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, inplanes, planes, stride=1, downsample=None, norm_layer=None):
        super().__init__()
        if norm_layer is None:
            norm_layer = nn.BatchNorm2d
        self.conv1 = conv3x3(inplanes, planes, stride)
        self.bn1 = norm_layer(planes)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = conv3x3(planes, planes)
        self.bn2 = norm_layer(planes)
        self.downsample = downsample

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return self.relu(out + identity)


class ResNet(nn.Module):
    def __init__(self, block, layers, num_classes=10, zero_init_residual=False, norm_layer=None):
        super().__init__()
        if norm_layer is None:
            norm_layer = nn.BatchNorm2d
        self._norm_layer = norm_layer
        self.inplanes = 16
        self.conv1 = nn.Conv2d(3, self.inplanes, kernel_size=3, padding=1, bias=False)
        self.bn1 = norm_layer(self.inplanes)
        self.relu = nn.ReLU(inplace=True)
        self.layer1 = self._make_layer(block, 16, layers[0])
        self.layer2 = self._make_layer(block, 32, layers[1], stride=2)
        self.avgpool = nn.AdaptiveAvgPool2d((1, 1))
        self.fc = nn.Linear(32 * block.expansion, num_classes)

        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
            elif isinstance(m, (nn.BatchNorm2d, nn.GroupNorm)):
                nn.init.constant_(m.weight, 1)
                nn.init.constant_(m.bias, 0)

        if zero_init_residual:
            for m in self.modules():
                if isinstance(m, BasicBlock):
                    nn.init.constant_(m.bn2.weight, 0)

    def _make_layer(self, block, planes, blocks, stride=1):
        norm_layer = self._norm_layer
        downsample = None
        if stride != 1 or self.inplanes != planes * block.expansion:
            downsample = nn.Sequential(
                nn.Conv2d(self.inplanes, planes * block.expansion, 1, stride=stride, bias=False),
                norm_layer(planes * block.expansion))
        layers = [block(self.inplanes, planes, stride, downsample, norm_layer)]
        self.inplanes = planes * block.expansion
        for _ in range(1, blocks):
            layers.append(block(self.inplanes, planes, norm_layer=norm_layer))
        return nn.Sequential(*layers)

    def forward(self, x):
        x = self.relu(self.bn1(self.conv1(x)))
        x = self.layer2(self.layer1(x))
        return self.fc(torch.flatten(self.avgpool(x), 1))


model = ResNet(BasicBlock, [2, 2], norm_layer=nn.InstanceNorm2d, zero_init_residual=True)
print(model(torch.randn(2, 3, 16, 16)).shape)
print("OK")
""", """
import torch
import torch.nn as nn


def conv3x3(in_planes, out_planes, stride=1):
    return nn.Conv2d(in_planes, out_planes, kernel_size=3, stride=stride, padding=1, bias=False)


class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, inplanes, planes, stride=1, downsample=None, norm_layer=None):
        super().__init__()
        if norm_layer is None:
            norm_layer = nn.BatchNorm2d
        self.conv1 = conv3x3(inplanes, planes, stride)
        self.bn1 = norm_layer(planes)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = conv3x3(planes, planes)
        self.bn2 = norm_layer(planes)
        self.downsample = downsample

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return self.relu(out + identity)


class ResNet(nn.Module):
    def __init__(self, block, layers, num_classes=10, zero_init_residual=False, norm_layer=None):
        super().__init__()
        if norm_layer is None:
            norm_layer = nn.BatchNorm2d
        self._norm_layer = norm_layer
        self.inplanes = 16
        self.conv1 = nn.Conv2d(3, self.inplanes, kernel_size=3, padding=1, bias=False)
        self.bn1 = norm_layer(self.inplanes)
        self.relu = nn.ReLU(inplace=True)
        self.layer1 = self._make_layer(block, 16, layers[0])
        self.layer2 = self._make_layer(block, 32, layers[1], stride=2)
        self.avgpool = nn.AdaptiveAvgPool2d((1, 1))
        self.fc = nn.Linear(32 * block.expansion, num_classes)

        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
            elif isinstance(m, (nn.BatchNorm2d, nn.GroupNorm)):
                nn.init.constant_(m.weight, 1)
                nn.init.constant_(m.bias, 0)

        if zero_init_residual:
            for m in self.modules():
                if isinstance(m, BasicBlock) and m.bn2.weight is not None:
                    nn.init.constant_(m.bn2.weight, 0)

    def _make_layer(self, block, planes, blocks, stride=1):
        norm_layer = self._norm_layer
        downsample = None
        if stride != 1 or self.inplanes != planes * block.expansion:
            downsample = nn.Sequential(
                nn.Conv2d(self.inplanes, planes * block.expansion, 1, stride=stride, bias=False),
                norm_layer(planes * block.expansion))
        layers = [block(self.inplanes, planes, stride, downsample, norm_layer)]
        self.inplanes = planes * block.expansion
        for _ in range(1, blocks):
            layers.append(block(self.inplanes, planes, norm_layer=norm_layer))
        return nn.Sequential(*layers)

    def forward(self, x):
        x = self.relu(self.bn1(self.conv1(x)))
        x = self.layer2(self.layer1(x))
        return self.fc(torch.flatten(self.avgpool(x), 1))


model = ResNet(BasicBlock, [2, 2], norm_layer=nn.InstanceNorm2d, zero_init_residual=True)
print(model(torch.randn(2, 3, 16, 16)).shape)
print("OK")
""",
         note="bad: ResNet(norm_layer=nn.InstanceNorm2d, zero_init_residual=True) crashes in nn.init.constant_(m.bn2.weight, 0) (AttributeError on None). good: torchvision's fix 'isinstance(m, BasicBlock) and m.bn2.weight is not None'; builds and runs forward. Checked by running both.",
         scope=None),
    case('junyanz-pytorch-CycleGAN-and-pix2pix-145', 'https://github.com/junyanz/pytorch-CycleGAN-and-pix2pix/pull/145', 'unguarded-norm-weight-instancenorm', """
import functools
import torch
import torch.nn as nn
from torch.nn import init


def weights_init_normal(m):
    classname = m.__class__.__name__
    if classname.find('Conv') != -1:
        init.normal_(m.weight.data, 0.0, 0.02)
    elif classname.find('Linear') != -1:
        init.normal_(m.weight.data, 0.0, 0.02)
    elif classname.find('BatchNorm2d') != -1 or classname.find('InstanceNorm2d') != -1:
        init.normal_(m.weight.data, 1.0, 0.02)
        init.constant_(m.bias.data, 0.0)


def init_weights(net, init_type='normal'):
    if init_type == 'normal':
        net.apply(weights_init_normal)
    else:
        raise NotImplementedError('initialization method [%s] is not implemented' % init_type)


def get_norm_layer(norm_type='instance'):
    if norm_type == 'batch':
        norm_layer = functools.partial(nn.BatchNorm2d, affine=True)
    elif norm_type == 'instance':
        norm_layer = functools.partial(nn.InstanceNorm2d, affine=False)
    else:
        raise NotImplementedError('normalization layer [%s] is not found' % norm_type)
    return norm_layer


class ResnetBlock(nn.Module):
    def __init__(self, dim, norm_layer, use_bias):
        super().__init__()
        self.conv_block = nn.Sequential(
            nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, kernel_size=3, bias=use_bias), norm_layer(dim), nn.ReLU(True),
            nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, kernel_size=3, bias=use_bias), norm_layer(dim))

    def forward(self, x):
        return x + self.conv_block(x)


class ResnetGenerator(nn.Module):
    def __init__(self, input_nc, output_nc, ngf=8, norm_layer=nn.BatchNorm2d, n_blocks=2):
        super().__init__()
        if type(norm_layer) == functools.partial:
            use_bias = norm_layer.func == nn.InstanceNorm2d
        else:
            use_bias = norm_layer == nn.InstanceNorm2d
        model = [nn.ReflectionPad2d(3), nn.Conv2d(input_nc, ngf, kernel_size=7, padding=0, bias=use_bias),
                 norm_layer(ngf), nn.ReLU(True)]
        for _ in range(n_blocks):
            model += [ResnetBlock(ngf, norm_layer=norm_layer, use_bias=use_bias)]
        model += [nn.ReflectionPad2d(3), nn.Conv2d(ngf, output_nc, kernel_size=7, padding=0), nn.Tanh()]
        self.model = nn.Sequential(*model)

    def forward(self, x):
        return self.model(x)


netG = ResnetGenerator(3, 3, norm_layer=get_norm_layer('instance'))
init_weights(netG, 'normal')
print(netG(torch.randn(1, 3, 16, 16)).shape)
print("OK")
""", """
import functools
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
        init.normal_(m.weight.data, 1.0, 0.02)
        init.constant_(m.bias.data, 0.0)


def init_weights(net, init_type='normal'):
    if init_type == 'normal':
        net.apply(weights_init_normal)
    else:
        raise NotImplementedError('initialization method [%s] is not implemented' % init_type)


def get_norm_layer(norm_type='instance'):
    if norm_type == 'batch':
        norm_layer = functools.partial(nn.BatchNorm2d, affine=True)
    elif norm_type == 'instance':
        norm_layer = functools.partial(nn.InstanceNorm2d, affine=False)
    else:
        raise NotImplementedError('normalization layer [%s] is not found' % norm_type)
    return norm_layer


class ResnetBlock(nn.Module):
    def __init__(self, dim, norm_layer, use_bias):
        super().__init__()
        self.conv_block = nn.Sequential(
            nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, kernel_size=3, bias=use_bias), norm_layer(dim), nn.ReLU(True),
            nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, kernel_size=3, bias=use_bias), norm_layer(dim))

    def forward(self, x):
        return x + self.conv_block(x)


class ResnetGenerator(nn.Module):
    def __init__(self, input_nc, output_nc, ngf=8, norm_layer=nn.BatchNorm2d, n_blocks=2):
        super().__init__()
        if type(norm_layer) == functools.partial:
            use_bias = norm_layer.func == nn.InstanceNorm2d
        else:
            use_bias = norm_layer == nn.InstanceNorm2d
        model = [nn.ReflectionPad2d(3), nn.Conv2d(input_nc, ngf, kernel_size=7, padding=0, bias=use_bias),
                 norm_layer(ngf), nn.ReLU(True)]
        for _ in range(n_blocks):
            model += [ResnetBlock(ngf, norm_layer=norm_layer, use_bias=use_bias)]
        model += [nn.ReflectionPad2d(3), nn.Conv2d(ngf, output_nc, kernel_size=7, padding=0), nn.Tanh()]
        self.model = nn.Sequential(*model)

    def forward(self, x):
        return self.model(x)


netG = ResnetGenerator(3, 3, norm_layer=get_norm_layer('instance'))
init_weights(netG, 'normal')
print(netG(torch.randn(1, 3, 16, 16)).shape)
print("OK")
""",
         note="bad: the PR adds InstanceNorm2d to the class-name BatchNorm branch of weights_init_normal; the generator builds InstanceNorm2d via functools.partial(affine=False), so init.normal_(m.weight.data, ...) raises AttributeError. good: the maintainer's position (PR rejected, BatchNorm2d only); runs. Checked by running both.",
         scope=None),
    case('wzmsltw-BSN-boundary-sensitive-network.pytorch-11', 'https://github.com/wzmsltw/BSN-boundary-sensitive-network.pytorch/issues/11', 'conv-family-member-missed', """
import torch
import torch.nn as nn
import torch.nn.init as init


class TEM(nn.Module):
    def __init__(self, opt):
        super().__init__()
        self.feat_dim = opt["tem_feat_dim"]
        self.temporal_dim = opt["temporal_scale"]
        self.c_hidden = opt["tem_hidden_dim"]
        self.output_dim = 3
        self.conv1 = nn.Conv1d(self.feat_dim, self.c_hidden, kernel_size=3, stride=1, padding=1, groups=1)
        self.conv2 = nn.Conv1d(self.c_hidden, self.c_hidden, kernel_size=3, stride=1, padding=1, groups=1)
        self.conv3 = nn.Conv1d(self.c_hidden, self.output_dim, kernel_size=1, stride=1, padding=0)
        self.reset_params()

    @staticmethod
    def weight_init(m):
        if isinstance(m, nn.Conv2d):
            init.xavier_normal_(m.weight)
            init.constant_(m.bias, 0)

    def reset_params(self):
        for i, m in enumerate(self.modules()):
            self.weight_init(m)

    def forward(self, x):
        x = torch.relu(self.conv1(x))
        x = torch.relu(self.conv2(x))
        return torch.sigmoid(0.01 * self.conv3(x))


opt = {"tem_feat_dim": 40, "temporal_scale": 100, "tem_hidden_dim": 64}
model = TEM(opt)
for conv in (model.conv1, model.conv2, model.conv3):
    assert torch.count_nonzero(conv.bias) == 0, "Conv1d kept PyTorch's default init"
print("OK")
""", """
import torch
import torch.nn as nn
import torch.nn.init as init


class TEM(nn.Module):
    def __init__(self, opt):
        super().__init__()
        self.feat_dim = opt["tem_feat_dim"]
        self.temporal_dim = opt["temporal_scale"]
        self.c_hidden = opt["tem_hidden_dim"]
        self.output_dim = 3
        self.conv1 = nn.Conv1d(self.feat_dim, self.c_hidden, kernel_size=3, stride=1, padding=1, groups=1)
        self.conv2 = nn.Conv1d(self.c_hidden, self.c_hidden, kernel_size=3, stride=1, padding=1, groups=1)
        self.conv3 = nn.Conv1d(self.c_hidden, self.output_dim, kernel_size=1, stride=1, padding=0)
        self.reset_params()

    @staticmethod
    def weight_init(m):
        if isinstance(m, nn.Conv1d):
            init.xavier_normal_(m.weight)
            init.constant_(m.bias, 0)

    def reset_params(self):
        for i, m in enumerate(self.modules()):
            self.weight_init(m)

    def forward(self, x):
        x = torch.relu(self.conv1(x))
        x = torch.relu(self.conv2(x))
        return torch.sigmoid(0.01 * self.conv3(x))


opt = {"tem_feat_dim": 40, "temporal_scale": 100, "tem_hidden_dim": 64}
model = TEM(opt)
for conv in (model.conv1, model.conv2, model.conv3):
    assert torch.count_nonzero(conv.bias) == 0, "Conv1d kept PyTorch's default init"
print("OK")
""",
         note="bad: weight_init dispatches on nn.Conv2d but TEM builds only Conv1d, so every conv keeps PyTorch's default init (assert on zero bias fails). good: branch on nn.Conv1d as the report says; biases are 0. Checked by running both. (Different report from the excluded issue #16 of the same repo.)",
         scope=None),
    case('sczhou-CodeFormer-29', 'https://github.com/sczhou/CodeFormer/issues/29', 'dispatch-leaves-layer-type-default', """
import torch
import torch.nn as nn


class ResBlock(nn.Module):
    def __init__(self, in_channels, out_channels):
        super().__init__()
        self.norm1 = nn.GroupNorm(num_groups=4, num_channels=in_channels, eps=1e-6, affine=True)
        self.conv1 = nn.Conv2d(in_channels, out_channels, kernel_size=3, stride=1, padding=1)

    def forward(self, x):
        return x + self.conv1(torch.nn.functional.silu(self.norm1(x)))


class TransformerSALayer(nn.Module):
    def __init__(self, embed_dim, nhead=2, dim_mlp=32):
        super().__init__()
        self.self_attn = nn.MultiheadAttention(embed_dim, nhead)
        self.linear1 = nn.Linear(embed_dim, dim_mlp)
        self.linear2 = nn.Linear(dim_mlp, embed_dim)
        self.norm1 = nn.LayerNorm(embed_dim)
        self.norm2 = nn.LayerNorm(embed_dim)

    def forward(self, x):
        y = self.norm1(x)
        x = x + self.self_attn(y, y, y)[0]
        return x + self.linear2(torch.relu(self.linear1(self.norm2(x))))


class CodeFormer(nn.Module):
    def __init__(self, dim_embd=16, n_layers=2, codebook_size=32, latent_size=16):
        super().__init__()
        self.encoder = nn.Sequential(nn.Conv2d(3, dim_embd, 3, padding=1), ResBlock(dim_embd, dim_embd))
        self.position_emb = nn.Parameter(torch.zeros(latent_size, dim_embd))
        self.feat_emb = nn.Linear(dim_embd, dim_embd)
        self.ft_layers = nn.Sequential(*[TransformerSALayer(dim_embd) for _ in range(n_layers)])
        self.idx_pred_layer = nn.Sequential(nn.LayerNorm(dim_embd), nn.Linear(dim_embd, codebook_size, bias=False))
        self.apply(self._init_weights)

    def _init_weights(self, module):
        if isinstance(module, (nn.Linear, nn.Embedding)):
            module.weight.data.normal_(mean=0.0, std=0.02)
            if isinstance(module, nn.Linear) and module.bias is not None:
                module.bias.data.zero_()
        elif isinstance(module, nn.LayerNorm):
            module.bias.data.zero_()
            module.weight.data.fill_(1.0)

    def forward(self, x):
        f = self.encoder(x).flatten(2).permute(2, 0, 1)
        return self.idx_pred_layer(self.ft_layers(self.feat_emb(f)))


model = CodeFormer()
for m in model.modules():
    if isinstance(m, nn.Conv2d):
        assert abs(m.weight.std().item() - 0.02) < 0.01, "Conv2d keeps PyTorch's default init"
print("OK")
""", """
import torch
import torch.nn as nn


class ResBlock(nn.Module):
    def __init__(self, in_channels, out_channels):
        super().__init__()
        self.norm1 = nn.GroupNorm(num_groups=4, num_channels=in_channels, eps=1e-6, affine=True)
        self.conv1 = nn.Conv2d(in_channels, out_channels, kernel_size=3, stride=1, padding=1)

    def forward(self, x):
        return x + self.conv1(torch.nn.functional.silu(self.norm1(x)))


class TransformerSALayer(nn.Module):
    def __init__(self, embed_dim, nhead=2, dim_mlp=32):
        super().__init__()
        self.self_attn = nn.MultiheadAttention(embed_dim, nhead)
        self.linear1 = nn.Linear(embed_dim, dim_mlp)
        self.linear2 = nn.Linear(dim_mlp, embed_dim)
        self.norm1 = nn.LayerNorm(embed_dim)
        self.norm2 = nn.LayerNorm(embed_dim)

    def forward(self, x):
        y = self.norm1(x)
        x = x + self.self_attn(y, y, y)[0]
        return x + self.linear2(torch.relu(self.linear1(self.norm2(x))))


class CodeFormer(nn.Module):
    def __init__(self, dim_embd=16, n_layers=2, codebook_size=32, latent_size=16):
        super().__init__()
        self.encoder = nn.Sequential(nn.Conv2d(3, dim_embd, 3, padding=1), ResBlock(dim_embd, dim_embd))
        self.position_emb = nn.Parameter(torch.zeros(latent_size, dim_embd))
        self.feat_emb = nn.Linear(dim_embd, dim_embd)
        self.ft_layers = nn.Sequential(*[TransformerSALayer(dim_embd) for _ in range(n_layers)])
        self.idx_pred_layer = nn.Sequential(nn.LayerNorm(dim_embd), nn.Linear(dim_embd, codebook_size, bias=False))
        self.apply(self._init_weights)

    def _init_weights(self, module):
        if isinstance(module, (nn.Linear, nn.Embedding, nn.Conv2d)):
            module.weight.data.normal_(mean=0.0, std=0.02)
            if isinstance(module, (nn.Linear, nn.Conv2d)) and module.bias is not None:
                module.bias.data.zero_()
        elif isinstance(module, nn.LayerNorm):
            module.bias.data.zero_()
            module.weight.data.fill_(1.0)

    def forward(self, x):
        f = self.encoder(x).flatten(2).permute(2, 0, 1)
        return self.idx_pred_layer(self.ft_layers(self.feat_emb(f)))


model = CodeFormer()
for m in model.modules():
    if isinstance(m, nn.Conv2d):
        assert abs(m.weight.std().item() - 0.02) < 0.01, "Conv2d keeps PyTorch's default init"
print("OK")
""",
         note="bad: self.apply(self._init_weights) covers Linear/Embedding/LayerNorm only; the Conv2d encoder layers keep PyTorch's default (std check vs 0.02 fails). The maintainer answered that the default is deliberate; good twin adds nn.Conv2d to the branch as the reporter asked; Conv2d std ~0.02. Checked by running both.",
         scope=None),
    case('pytorch-pytorch-6411', 'https://github.com/pytorch/pytorch/issues/6411', 'padding-row-overwritten', """
import math
import torch
import torch.nn as nn


class TransformerEncoder(nn.Module):
    def __init__(self, num_embeddings, embed_dim):
        super().__init__()
        self.embed_tokens = nn.Embedding(num_embeddings, embed_dim, padding_idx=1)
        self.embed_scale = math.sqrt(embed_dim)
        self.layer = nn.TransformerEncoderLayer(embed_dim, 2, 32)
        self.reset_parameters()

    def reset_parameters(self):
        nn.init.normal_(self.embed_tokens.weight, mean=0, std=self.embed_tokens.embedding_dim ** -0.5)

    def forward(self, src_tokens):
        return self.layer(self.embed_scale * self.embed_tokens(src_tokens))


enc = TransformerEncoder(50, 16)
pad = enc.embed_tokens.padding_idx
out = enc.embed_tokens(torch.tensor([[4, 7, pad, pad]]))
assert torch.count_nonzero(out[0, 2:]) == 0, "padding tokens embed to a non-zero vector"
print("OK")
""", """
import math
import torch
import torch.nn as nn


class TransformerEncoder(nn.Module):
    def __init__(self, num_embeddings, embed_dim):
        super().__init__()
        self.embed_tokens = nn.Embedding(num_embeddings, embed_dim, padding_idx=1)
        self.embed_scale = math.sqrt(embed_dim)
        self.layer = nn.TransformerEncoderLayer(embed_dim, 2, 32)
        self.reset_parameters()

    def reset_parameters(self):
        nn.init.normal_(self.embed_tokens.weight, mean=0, std=self.embed_tokens.embedding_dim ** -0.5)
        nn.init.constant_(self.embed_tokens.weight[self.embed_tokens.padding_idx], 0)

    def forward(self, src_tokens):
        return self.layer(self.embed_scale * self.embed_tokens(src_tokens))


enc = TransformerEncoder(50, 16)
pad = enc.embed_tokens.padding_idx
out = enc.embed_tokens(torch.tensor([[4, 7, pad, pad]]))
assert torch.count_nonzero(out[0, 2:]) == 0, "padding tokens embed to a non-zero vector"
print("OK")
""",
         note="bad: reset_parameters re-inits the whole embed_tokens.weight of an Embedding(padding_idx=1), pad tokens embed to non-zero vectors (assert fails). good: re-zero weight[padding_idx] after the custom init (fairseq's fix); pad rows are 0. Checked by running both.",
         scope=None),
    case('microsoft-Graphormer-41', 'https://github.com/microsoft/Graphormer/issues/41', 'padding-row-overwritten', """
import math
import torch
import torch.nn as nn


def init_params(module, n_layers):
    if isinstance(module, nn.Linear):
        module.weight.data.normal_(mean=0.0, std=0.02 / math.sqrt(n_layers))
        if module.bias is not None:
            module.bias.data.zero_()
    if isinstance(module, nn.Embedding):
        module.weight.data.normal_(mean=0.0, std=0.02)


class Graphormer(nn.Module):
    def __init__(self, n_layers=2, num_heads=4, hidden_dim=16, num_atoms=64, num_edges=32, num_spatial=16):
        super().__init__()
        self.num_heads = num_heads
        self.atom_encoder = nn.Embedding(num_atoms + 1, hidden_dim, padding_idx=0)
        self.edge_encoder = nn.Embedding(num_edges + 1, num_heads, padding_idx=0)
        self.spatial_pos_encoder = nn.Embedding(num_spatial, num_heads, padding_idx=0)
        self.layers = nn.ModuleList([nn.TransformerEncoderLayer(hidden_dim, num_heads, 32) for _ in range(n_layers)])
        self.out_proj = nn.Linear(hidden_dim, 1)
        self.apply(lambda module: init_params(module, n_layers=n_layers))

    def forward(self, x):
        h = self.atom_encoder(x).sum(dim=-2)
        for layer in self.layers:
            h = layer(h)
        return self.out_proj(h)


model = Graphormer()
# node features padded with 0 for graphs with fewer atoms
feat = torch.tensor([[[3, 5], [0, 0]]])
emb = model.atom_encoder(feat).sum(dim=-2)
assert torch.count_nonzero(emb[0, 1]) == 0, "padding atom gets a non-zero embedding"
print("OK")
""", """
import math
import torch
import torch.nn as nn


def init_params(module, n_layers):
    if isinstance(module, nn.Linear):
        module.weight.data.normal_(mean=0.0, std=0.02 / math.sqrt(n_layers))
        if module.bias is not None:
            module.bias.data.zero_()
    if isinstance(module, nn.Embedding):
        module.weight.data.normal_(mean=0.0, std=0.02)
        if module.padding_idx is not None:
            module.weight.data[module.padding_idx].zero_()


class Graphormer(nn.Module):
    def __init__(self, n_layers=2, num_heads=4, hidden_dim=16, num_atoms=64, num_edges=32, num_spatial=16):
        super().__init__()
        self.num_heads = num_heads
        self.atom_encoder = nn.Embedding(num_atoms + 1, hidden_dim, padding_idx=0)
        self.edge_encoder = nn.Embedding(num_edges + 1, num_heads, padding_idx=0)
        self.spatial_pos_encoder = nn.Embedding(num_spatial, num_heads, padding_idx=0)
        self.layers = nn.ModuleList([nn.TransformerEncoderLayer(hidden_dim, num_heads, 32) for _ in range(n_layers)])
        self.out_proj = nn.Linear(hidden_dim, 1)
        self.apply(lambda module: init_params(module, n_layers=n_layers))

    def forward(self, x):
        h = self.atom_encoder(x).sum(dim=-2)
        for layer in self.layers:
            h = layer(h)
        return self.out_proj(h)


model = Graphormer()
# node features padded with 0 for graphs with fewer atoms
feat = torch.tensor([[[3, 5], [0, 0]]])
emb = model.atom_encoder(feat).sum(dim=-2)
assert torch.count_nonzero(emb[0, 1]) == 0, "padding atom gets a non-zero embedding"
print("OK")
""",
         note="bad: init_params applied with self.apply(lambda ...) normal_-inits every nn.Embedding incl. atom_encoder(padding_idx=0); padded atoms get a non-zero embedding (assert fails). good: the fairseq init the maintainer pointed to ('if module.padding_idx is not None: weight[padding_idx].zero_()'); padding row 0. Checked by running both.",
         scope=None),
    case('VectorSpaceLab-OmniGen-103', 'https://github.com/VectorSpaceLab/OmniGen/pull/103', 'duplicate-init-wrong-target', """
import torch
import torch.nn as nn


class PatchEmbedMR(nn.Module):
    def __init__(self, patch_size=2, in_chans=4, embed_dim=32, bias=True):
        super().__init__()
        self.proj = nn.Conv2d(in_chans, embed_dim, kernel_size=patch_size, stride=patch_size, bias=bias)

    def forward(self, latent):
        return self.proj(latent).flatten(2).transpose(1, 2)


class FinalLayer(nn.Module):
    def __init__(self, hidden_size, patch_size, out_channels):
        super().__init__()
        self.norm_final = nn.LayerNorm(hidden_size, elementwise_affine=False, eps=1e-6)
        self.linear = nn.Linear(hidden_size, patch_size * patch_size * out_channels, bias=True)
        self.adaLN_modulation = nn.Sequential(nn.SiLU(), nn.Linear(hidden_size, 2 * hidden_size, bias=True))


class OmniGen(nn.Module):
    def __init__(self, in_channels=4, patch_size=2, hidden_size=32):
        super().__init__()
        self.x_embedder = PatchEmbedMR(patch_size, in_channels, hidden_size, bias=True)
        self.input_x_embedder = PatchEmbedMR(patch_size, in_channels, hidden_size, bias=True)
        self.time_token = nn.Sequential(nn.Linear(8, hidden_size), nn.SiLU(), nn.Linear(hidden_size, hidden_size))
        self.final_layer = FinalLayer(hidden_size, patch_size, in_channels)
        self.initialize_weights()

    def initialize_weights(self):
        def _basic_init(module):
            if isinstance(module, nn.Linear):
                torch.nn.init.xavier_uniform_(module.weight)
                if module.bias is not None:
                    nn.init.constant_(module.bias, 0)
        self.apply(_basic_init)

        w = self.x_embedder.proj.weight.data
        nn.init.xavier_uniform_(w.view([w.shape[0], -1]))
        nn.init.constant_(self.x_embedder.proj.bias, 0)

        w = self.input_x_embedder.proj.weight.data
        nn.init.xavier_uniform_(w.view([w.shape[0], -1]))
        nn.init.constant_(self.x_embedder.proj.bias, 0)

        nn.init.normal_(self.time_token[0].weight, std=0.02)
        nn.init.normal_(self.time_token[2].weight, std=0.02)

        nn.init.constant_(self.final_layer.adaLN_modulation[-1].weight, 0)
        nn.init.constant_(self.final_layer.adaLN_modulation[-1].bias, 0)
        nn.init.constant_(self.final_layer.linear.weight, 0)
        nn.init.constant_(self.final_layer.linear.bias, 0)


model = OmniGen()
assert torch.count_nonzero(model.input_x_embedder.proj.bias) == 0, "input_x_embedder.proj.bias left at default"
print("OK")
""", """
import torch
import torch.nn as nn


class PatchEmbedMR(nn.Module):
    def __init__(self, patch_size=2, in_chans=4, embed_dim=32, bias=True):
        super().__init__()
        self.proj = nn.Conv2d(in_chans, embed_dim, kernel_size=patch_size, stride=patch_size, bias=bias)

    def forward(self, latent):
        return self.proj(latent).flatten(2).transpose(1, 2)


class FinalLayer(nn.Module):
    def __init__(self, hidden_size, patch_size, out_channels):
        super().__init__()
        self.norm_final = nn.LayerNorm(hidden_size, elementwise_affine=False, eps=1e-6)
        self.linear = nn.Linear(hidden_size, patch_size * patch_size * out_channels, bias=True)
        self.adaLN_modulation = nn.Sequential(nn.SiLU(), nn.Linear(hidden_size, 2 * hidden_size, bias=True))


class OmniGen(nn.Module):
    def __init__(self, in_channels=4, patch_size=2, hidden_size=32):
        super().__init__()
        self.x_embedder = PatchEmbedMR(patch_size, in_channels, hidden_size, bias=True)
        self.input_x_embedder = PatchEmbedMR(patch_size, in_channels, hidden_size, bias=True)
        self.time_token = nn.Sequential(nn.Linear(8, hidden_size), nn.SiLU(), nn.Linear(hidden_size, hidden_size))
        self.final_layer = FinalLayer(hidden_size, patch_size, in_channels)
        self.initialize_weights()

    def initialize_weights(self):
        def _basic_init(module):
            if isinstance(module, nn.Linear):
                torch.nn.init.xavier_uniform_(module.weight)
                if module.bias is not None:
                    nn.init.constant_(module.bias, 0)
        self.apply(_basic_init)

        w = self.x_embedder.proj.weight.data
        nn.init.xavier_uniform_(w.view([w.shape[0], -1]))
        nn.init.constant_(self.x_embedder.proj.bias, 0)

        w = self.input_x_embedder.proj.weight.data
        nn.init.xavier_uniform_(w.view([w.shape[0], -1]))
        nn.init.constant_(self.input_x_embedder.proj.bias, 0)

        nn.init.normal_(self.time_token[0].weight, std=0.02)
        nn.init.normal_(self.time_token[2].weight, std=0.02)

        nn.init.constant_(self.final_layer.adaLN_modulation[-1].weight, 0)
        nn.init.constant_(self.final_layer.adaLN_modulation[-1].bias, 0)
        nn.init.constant_(self.final_layer.linear.weight, 0)
        nn.init.constant_(self.final_layer.linear.bias, 0)


model = OmniGen()
assert torch.count_nonzero(model.input_x_embedder.proj.bias) == 0, "input_x_embedder.proj.bias left at default"
print("OK")
""",
         note="bad: copy-paste in initialize_weights zeroes x_embedder.proj.bias twice and never input_x_embedder.proj.bias, which keeps the Conv2d default (assert fails). good: the PR's one-line fix targeting input_x_embedder.proj.bias. Checked by running both. Scope: the duplicated tensor's own sibling (x_embedder.proj.weight) is touched, and it is not an isinstance branch.",
         scope='while its sibling (`m.bias` for a weight, `m.weight` for a bias) is never touched in that branch'),
    case('huggingface-transformers-47427', 'https://github.com/huggingface/transformers/issues/47427', 'hf-inplace-init-ignores-initialized-flag', """
import tempfile
import torch
import torch.nn as nn
from transformers import PretrainedConfig, PreTrainedModel


class TinyT5Config(PretrainedConfig):
    model_type = "tiny-t5ish"

    def __init__(self, vocab_size=32, d_model=16, use_bias=False, initializer_factor=1.0, **kwargs):
        self.vocab_size = vocab_size
        self.d_model = d_model
        self.use_bias = use_bias
        self.initializer_factor = initializer_factor
        super().__init__(**kwargs)


class TinyT5PreTrainedModel(PreTrainedModel):
    config_class = TinyT5Config
    base_model_prefix = "transformer"

    def _init_weights(self, module):
        factor = self.config.initializer_factor
        if isinstance(module, nn.Linear):
            module.weight.data.normal_(mean=0.0, std=factor * (self.config.d_model ** -0.5))
            if module.bias is not None:
                module.bias.data.zero_()
        elif isinstance(module, nn.Embedding):
            module.weight.data.normal_(mean=0.0, std=factor * 1.0)


class TinyT5Model(TinyT5PreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.shared = nn.Embedding(config.vocab_size, config.d_model)
        self.wi = nn.Linear(config.d_model, config.d_model, bias=config.use_bias)
        self.post_init()

    def forward(self, input_ids):
        return self.wi(self.shared(input_ids))


# a checkpoint trained without bias, loaded into a variant that adds one:
# wi.weight is loaded (flagged _is_hf_initialized), wi.bias is a missing key
trained = TinyT5Model(TinyT5Config(use_bias=False))
with torch.no_grad():
    trained.wi.weight.fill_(0.5)
ckpt = tempfile.mkdtemp()
trained.save_pretrained(ckpt)

model = TinyT5Model.from_pretrained(ckpt, use_bias=True)
print("wi.weight mean after load:", model.wi.weight.mean().item())
assert torch.allclose(model.wi.weight, torch.full_like(model.wi.weight, 0.5)), "loaded wi.weight was re-initialized"
assert torch.count_nonzero(model.wi.bias) == 0
print("OK")
""", """
import tempfile
import torch
import torch.nn as nn
from transformers import PretrainedConfig, PreTrainedModel


class TinyT5Config(PretrainedConfig):
    model_type = "tiny-t5ish"

    def __init__(self, vocab_size=32, d_model=16, use_bias=False, initializer_factor=1.0, **kwargs):
        self.vocab_size = vocab_size
        self.d_model = d_model
        self.use_bias = use_bias
        self.initializer_factor = initializer_factor
        super().__init__(**kwargs)


class TinyT5PreTrainedModel(PreTrainedModel):
    config_class = TinyT5Config
    base_model_prefix = "transformer"

    def _init_weights(self, module):
        factor = self.config.initializer_factor
        if isinstance(module, nn.Linear):
            nn.init.normal_(module.weight, mean=0.0, std=factor * (self.config.d_model ** -0.5))
            if module.bias is not None:
                nn.init.zeros_(module.bias)
        elif isinstance(module, nn.Embedding):
            nn.init.normal_(module.weight, mean=0.0, std=factor * 1.0)


class TinyT5Model(TinyT5PreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.shared = nn.Embedding(config.vocab_size, config.d_model)
        self.wi = nn.Linear(config.d_model, config.d_model, bias=config.use_bias)
        self.post_init()

    def forward(self, input_ids):
        return self.wi(self.shared(input_ids))


# a checkpoint trained without bias, loaded into a variant that adds one:
# wi.weight is loaded (flagged _is_hf_initialized), wi.bias is a missing key
trained = TinyT5Model(TinyT5Config(use_bias=False))
with torch.no_grad():
    trained.wi.weight.fill_(0.5)
ckpt = tempfile.mkdtemp()
trained.save_pretrained(ckpt)

model = TinyT5Model.from_pretrained(ckpt, use_bias=True)
print("wi.weight mean after load:", model.wi.weight.mean().item())
assert torch.allclose(model.wi.weight, torch.full_like(model.wi.weight, 0.5)), "loaded wi.weight was re-initialized"
assert torch.count_nonzero(model.wi.bias) == 0
print("OK")
""",
         note='bad: a PreTrainedModel whose _init_weights uses module.weight.data.normal_()/bias.data.zero_() (the T5/UMT5 idiom); loading a checkpoint that lacks wi.bias re-runs _init_weights on wi and the in-place normal_ overwrites the loaded, _is_hf_initialized-flagged wi.weight (transformers 5.23: mean 0.5 -> random, assert fails). good: nn.init.normal_/zeros_ through the module, which transformers guards per tensor; wi.weight stays 0.5, bias 0. Checked by running both (save_pretrained to a temp dir, from_pretrained(use_bias=True), no download).',
         scope=None),

    # ---- collector C ------------------------------------------------------------------------------------------
    case("pytorch-pytorch-180968", "https://github.com/pytorch/pytorch/issues/180968",
         "init-after-weight-norm-parametrization", 'import torch\nimport torch.nn as nn\nfrom torch.nn.utils.parametrizations import weight_norm\n\ntorch.manual_seed(0)\nlin1 = nn.Linear(10, 20)\nlin1 = weight_norm(lin1)\n\nbefore = lin1.weight.clone()\nafter = nn.init.uniform_(lin1.weight)\n\nprint(torch.allclose(before, lin1.weight))  # True: the init was lost\nprint(torch.allclose(after, lin1.weight))   # False\n', 'import torch\nimport torch.nn as nn\nfrom torch.nn.utils.parametrizations import weight_norm\n\ntorch.manual_seed(0)\nlin1 = nn.Linear(10, 20)\nlin1 = weight_norm(lin1)\n\nbefore = lin1.weight.clone()\nafter = nn.init.uniform_(torch.empty_like(lin1.weight))\nwith torch.no_grad():\n    g, v = lin1.parametrizations.weight[0].right_inverse(after)\n    lin1.parametrizations.weight.original0.copy_(g)\n    lin1.parametrizations.weight.original1.copy_(v)\n\nprint(torch.allclose(before, lin1.weight))  # False: init took effect\nprint(torch.allclose(after, lin1.weight))   # True\n',
         note="bad: nn.init.uniform_ on lin1.weight after parametrizations.weight_norm silently does nothing "
              "(prints True/False: weight unchanged, init result lost); good: the report's workaround, right_inverse "
              "of the wanted weight written into original0/original1, prints False/True (weight equals the init). "
              "Both run with torch 2.13 CPU."),
    case("lonePatient-Bert-Multi-Label-Text-Classification-35",
         "https://github.com/lonePatient/Bert-Multi-Label-Text-Classification/issues/35",
         "apply-with-zero-arg-init-weights-method", 'import torch\nimport torch.nn as nn\nfrom transformers import BertConfig, BertModel, BertPreTrainedModel\n\n\nclass BertForMultiLable(BertPreTrainedModel):\n    def __init__(self, config):\n        super(BertForMultiLable, self).__init__(config)\n        self.bert = BertModel(config)\n        self.dropout = nn.Dropout(config.hidden_dropout_prob)\n        self.classifier = nn.Linear(config.hidden_size, config.num_labels)\n        self.apply(self.init_weights)\n\n    def forward(self, input_ids, token_type_ids=None, attention_mask=None, head_mask=None):\n        outputs = self.bert(input_ids, token_type_ids=token_type_ids, attention_mask=attention_mask)\n        pooled_output = outputs[1]\n        pooled_output = self.dropout(pooled_output)\n        logits = self.classifier(pooled_output)\n        return logits\n\n    def unfreeze(self, start_layer, end_layer):\n        pass\n\n\nconfig = BertConfig(vocab_size=100, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,\n                    intermediate_size=64, num_labels=6)\nmodel = BertForMultiLable(config)\nprint(model(torch.randint(0, 100, (2, 8))).shape)\n', 'import torch\nimport torch.nn as nn\nfrom transformers import BertConfig, BertModel, BertPreTrainedModel\n\n\nclass BertForMultiLable(BertPreTrainedModel):\n    def __init__(self, config):\n        super(BertForMultiLable, self).__init__(config)\n        self.bert = BertModel(config)\n        self.dropout = nn.Dropout(config.hidden_dropout_prob)\n        self.classifier = nn.Linear(config.hidden_size, config.num_labels)\n        self.post_init()\n\n    def forward(self, input_ids, token_type_ids=None, attention_mask=None, head_mask=None):\n        outputs = self.bert(input_ids, token_type_ids=token_type_ids, attention_mask=attention_mask)\n        pooled_output = outputs[1]\n        pooled_output = self.dropout(pooled_output)\n        logits = self.classifier(pooled_output)\n        return logits\n\n    def unfreeze(self, start_layer, end_layer):\n        pass\n\n\nconfig = BertConfig(vocab_size=100, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,\n                    intermediate_size=64, num_labels=6)\nmodel = BertForMultiLable(config)\nprint(model(torch.randint(0, 100, (2, 8))).shape)\n',
         note="bad: self.apply(self.init_weights) in a BertPreTrainedModel subclass raises TypeError "
              "'PreTrainedModel.init_weights() takes 1 positional argument but 2 were given' (real transformers 5.23, "
              "model built from a small BertConfig); good: the thread's fix is to call the init once without apply "
              "(self.init_weights() in 2019 transformers); in transformers 5.x that plain call raises AttributeError "
              "all_tied_weights_keys before post_init, so the twin uses self.post_init(), which runs init_weights; "
              "it builds and the forward gives shape (2, 6)."),

    # ---- collector D ------------------------------------------------------------------------------------------
    case("yz93-LAVT-RIS-25", "https://github.com/yz93/LAVT-RIS/issues/25",
         "parent-blanket-init-overwrites-child-zero-init", "import torch\nimport torch.nn as nn\nfrom torch.nn.init import trunc_normal_\n\n\nclass SwinTransformerBlock(nn.Module):\n    def __init__(self, dim):\n        super().__init__()\n        self.norm1 = nn.LayerNorm(dim)\n        self.mlp = nn.Sequential(nn.Linear(dim, 4 * dim), nn.GELU(), nn.Linear(4 * dim, dim))\n\n    def forward(self, x):\n        return x + self.mlp(self.norm1(x))\n\n\nclass PWAM(nn.Module):\n    def __init__(self, dim, l_in_channels):\n        super().__init__()\n        self.vis_project = nn.Linear(dim, dim)\n        self.lang_project = nn.Linear(l_in_channels, dim)\n\n    def forward(self, x, l):\n        return self.vis_project(x) * self.lang_project(l).unsqueeze(1)\n\n\nclass MMBasicLayer(nn.Module):\n    def __init__(self, dim, depth, l_in_channels=16):\n        super().__init__()\n        self.blocks = nn.ModuleList([SwinTransformerBlock(dim) for _ in range(depth)])\n        # fuse before downsampling\n        self.fusion = PWAM(dim, l_in_channels)\n        self.res_gate = nn.Sequential(\n            nn.Linear(dim, dim, bias=False),\n            nn.ReLU(),\n            nn.Linear(dim, dim, bias=False),\n            nn.Tanh(),\n        )\n        # initialize the gate to 0\n        nn.init.zeros_(self.res_gate[0].weight)\n        nn.init.zeros_(self.res_gate[2].weight)\n\n    def forward(self, x, l):\n        for blk in self.blocks:\n            x = blk(x)\n        x_residual = self.fusion(x, l)\n        return x + self.res_gate(x_residual) * x_residual\n\n\nclass MultiModalSwinTransformer(nn.Module):\n    def __init__(self, embed_dim=8, depths=(2, 2)):\n        super().__init__()\n        self.layers = nn.ModuleList([MMBasicLayer(embed_dim, d) for d in depths])\n        self.norm = nn.LayerNorm(embed_dim)\n\n    def init_weights(self, pretrained=None):\n        def _init_weights(m):\n            if isinstance(m, nn.Linear):\n                trunc_normal_(m.weight, std=.02)\n                if isinstance(m, nn.Linear) and m.bias is not None:\n                    nn.init.constant_(m.bias, 0)\n            elif isinstance(m, nn.LayerNorm):\n                nn.init.constant_(m.bias, 0)\n                nn.init.constant_(m.weight, 1.0)\n\n        if isinstance(pretrained, str):\n            self.apply(_init_weights)\n            state = torch.load(pretrained)\n            self.load_state_dict(state, strict=False)\n        elif pretrained is None:\n            self.apply(_init_weights)\n        else:\n            raise TypeError('pretrained must be a str or None')\n\n    def forward(self, x, l):\n        for layer in self.layers:\n            x = layer(x, l)\n        return self.norm(x)\n\n\n# segmentation.py\ntorch.manual_seed(0)\nbackbone = MultiModalSwinTransformer()\n# a Swin checkpoint: it has no res_gate / fusion weights\nswin_ckpt = {k: v for k, v in MultiModalSwinTransformer().state_dict().items()\n             if 'res_gate' not in k and 'fusion' not in k}\ntorch.save(swin_ckpt, '/tmp/swin_tiny_stub.pth')\nbackbone.init_weights(pretrained='/tmp/swin_tiny_stub.pth')\n\ngate = backbone.layers[0].res_gate[0].weight\nprint('gate abs sum after init_weights:', gate.abs().sum().item())\nprint('gate is zero:', bool((gate == 0).all()))\n", "import torch\nimport torch.nn as nn\nfrom torch.nn.init import trunc_normal_\n\n\nclass SwinTransformerBlock(nn.Module):\n    def __init__(self, dim):\n        super().__init__()\n        self.norm1 = nn.LayerNorm(dim)\n        self.mlp = nn.Sequential(nn.Linear(dim, 4 * dim), nn.GELU(), nn.Linear(4 * dim, dim))\n\n    def forward(self, x):\n        return x + self.mlp(self.norm1(x))\n\n\nclass PWAM(nn.Module):\n    def __init__(self, dim, l_in_channels):\n        super().__init__()\n        self.vis_project = nn.Linear(dim, dim)\n        self.lang_project = nn.Linear(l_in_channels, dim)\n\n    def forward(self, x, l):\n        return self.vis_project(x) * self.lang_project(l).unsqueeze(1)\n\n\nclass MMBasicLayer(nn.Module):\n    def __init__(self, dim, depth, l_in_channels=16):\n        super().__init__()\n        self.blocks = nn.ModuleList([SwinTransformerBlock(dim) for _ in range(depth)])\n        # fuse before downsampling\n        self.fusion = PWAM(dim, l_in_channels)\n        self.res_gate = nn.Sequential(\n            nn.Linear(dim, dim, bias=False),\n            nn.ReLU(),\n            nn.Linear(dim, dim, bias=False),\n            nn.Tanh(),\n        )\n        # initialize the gate to 0\n        nn.init.zeros_(self.res_gate[0].weight)\n        nn.init.zeros_(self.res_gate[2].weight)\n\n    def forward(self, x, l):\n        for blk in self.blocks:\n            x = blk(x)\n        x_residual = self.fusion(x, l)\n        return x + self.res_gate(x_residual) * x_residual\n\n\nclass MultiModalSwinTransformer(nn.Module):\n    def __init__(self, embed_dim=8, depths=(2, 2)):\n        super().__init__()\n        self.layers = nn.ModuleList([MMBasicLayer(embed_dim, d) for d in depths])\n        self.norm = nn.LayerNorm(embed_dim)\n\n    def init_weights(self, pretrained=None):\n        def _init_weights(m):\n            if isinstance(m, nn.Linear):\n                trunc_normal_(m.weight, std=.02)\n                if isinstance(m, nn.Linear) and m.bias is not None:\n                    nn.init.constant_(m.bias, 0)\n            elif isinstance(m, nn.LayerNorm):\n                nn.init.constant_(m.bias, 0)\n                nn.init.constant_(m.weight, 1.0)\n\n        if isinstance(pretrained, str):\n            self.apply(_init_weights)\n            state = torch.load(pretrained)\n            self.load_state_dict(state, strict=False)\n        elif pretrained is None:\n            self.apply(_init_weights)\n        else:\n            raise TypeError('pretrained must be a str or None')\n\n        # keep the zero init of the residual gates, which the blanket init above overwrote\n        for m in self.modules():\n            if isinstance(m, MMBasicLayer):\n                nn.init.zeros_(m.res_gate[0].weight)\n                nn.init.zeros_(m.res_gate[2].weight)\n\n    def forward(self, x, l):\n        for layer in self.layers:\n            x = layer(x, l)\n        return self.norm(x)\n\n\n# segmentation.py\ntorch.manual_seed(0)\nbackbone = MultiModalSwinTransformer()\n# a Swin checkpoint: it has no res_gate / fusion weights\nswin_ckpt = {k: v for k, v in MultiModalSwinTransformer().state_dict().items()\n             if 'res_gate' not in k and 'fusion' not in k}\ntorch.save(swin_ckpt, '/tmp/swin_tiny_stub.pth')\nbackbone.init_weights(pretrained='/tmp/swin_tiny_stub.pth')\n\ngate = backbone.layers[0].res_gate[0].weight\nprint('gate abs sum after init_weights:', gate.abs().sum().item())\nprint('gate is zero:', bool((gate == 0).all()))\n",
         note="Report: MMBasicLayer zero-inits its res_gate Linears in __init__ (nn.init.zeros_), but the backbone's "
              "init_weights (called from segmentation.py) runs self.apply(_init_weights) with trunc_normal_ on every "
              "nn.Linear, so the gates are random; maintainer confirmed. Rebuilt with the report's Swin idiom "
              "(init_weights(pretrained) with nested _init_weights, apply, then a strict=False load of a Swin "
              "checkpoint that has no gate keys). bad: prints gate abs sum 1.097, 'gate is zero: False'; good: "
              "re-zeroes the gates after the blanket init, prints 0.0 / True. Run with torch 2.13 CPU."),
    case("open-mmlab-mmpretrain-318", "https://github.com/open-mmlab/mmpretrain/pull/318",
         "pretrained-load-then-reinit-in-init-weights", 'import torch\nimport torch.nn as nn\nfrom torch.nn.modules.batchnorm import _BatchNorm\nfrom mmengine.model import BaseModule, constant_init, normal_init\n\n\nclass ShuffleUnit(BaseModule):\n    def __init__(self, in_channels, out_channels, groups=3):\n        super().__init__()\n        self.g_conv_1x1_compress = nn.Sequential(\n            nn.Conv2d(in_channels, out_channels // 4, 1, groups=1, bias=False),\n            nn.BatchNorm2d(out_channels // 4), nn.ReLU())\n        self.depthwise_conv3x3_bn = nn.Sequential(\n            nn.Conv2d(out_channels // 4, out_channels // 4, 3, padding=1, groups=out_channels // 4, bias=False),\n            nn.BatchNorm2d(out_channels // 4))\n        self.g_conv_1x1_expand = nn.Sequential(\n            nn.Conv2d(out_channels // 4, out_channels, 1, bias=False),\n            nn.BatchNorm2d(out_channels))\n\n    def forward(self, x):\n        out = self.g_conv_1x1_expand(self.depthwise_conv3x3_bn(self.g_conv_1x1_compress(x)))\n        return torch.relu(out + x)\n\n\nclass ShuffleNetV1(BaseModule):\n    def __init__(self, channels=24, num_units=2, init_cfg=None):\n        super(ShuffleNetV1, self).__init__(init_cfg)\n        self.conv1 = nn.Sequential(nn.Conv2d(3, channels, 3, stride=2, padding=1, bias=False),\n                                   nn.BatchNorm2d(channels), nn.ReLU())\n        self.layers = nn.Sequential(*[ShuffleUnit(channels, channels) for _ in range(num_units)])\n\n    def init_weights(self):\n        super(ShuffleNetV1, self).init_weights()\n\n        for name, m in self.named_modules():\n            if isinstance(m, nn.Conv2d):\n                if \'conv1\' in name:\n                    normal_init(m, mean=0, std=0.01)\n                else:\n                    normal_init(m, mean=0, std=1.0 / m.weight.shape[1])\n            elif isinstance(m, (_BatchNorm, nn.GroupNorm)):\n                constant_init(m.weight, val=1, bias=0.0001)\n                if isinstance(m, _BatchNorm):\n                    if m.running_mean is not None:\n                        nn.init.constant_(m.running_mean, 0)\n\n    def forward(self, x):\n        return self.layers(self.conv1(x))\n\n\n# a "pretrained" checkpoint\ntorch.manual_seed(0)\ntrained = ShuffleNetV1()\nwith torch.no_grad():\n    for p in trained.parameters():\n        p.fill_(0.5)\ntorch.save({\'state_dict\': trained.state_dict()}, \'/tmp/shufflenet_v1_stub.pth\')\n\nmodel = ShuffleNetV1(init_cfg=dict(type=\'Pretrained\', checkpoint=\'/tmp/shufflenet_v1_stub.pth\'))\nmodel.init_weights()\nw = model.conv1[0].weight\nprint(\'conv1 weight equals checkpoint:\', torch.allclose(w, torch.full_like(w, 0.5)))\n', 'import torch\nimport torch.nn as nn\nfrom torch.nn.modules.batchnorm import _BatchNorm\nfrom mmengine.model import BaseModule, constant_init, normal_init\n\n\nclass ShuffleUnit(BaseModule):\n    def __init__(self, in_channels, out_channels, groups=3):\n        super().__init__()\n        self.g_conv_1x1_compress = nn.Sequential(\n            nn.Conv2d(in_channels, out_channels // 4, 1, groups=1, bias=False),\n            nn.BatchNorm2d(out_channels // 4), nn.ReLU())\n        self.depthwise_conv3x3_bn = nn.Sequential(\n            nn.Conv2d(out_channels // 4, out_channels // 4, 3, padding=1, groups=out_channels // 4, bias=False),\n            nn.BatchNorm2d(out_channels // 4))\n        self.g_conv_1x1_expand = nn.Sequential(\n            nn.Conv2d(out_channels // 4, out_channels, 1, bias=False),\n            nn.BatchNorm2d(out_channels))\n\n    def forward(self, x):\n        out = self.g_conv_1x1_expand(self.depthwise_conv3x3_bn(self.g_conv_1x1_compress(x)))\n        return torch.relu(out + x)\n\n\nclass ShuffleNetV1(BaseModule):\n    def __init__(self, channels=24, num_units=2, init_cfg=None):\n        super(ShuffleNetV1, self).__init__(init_cfg)\n        self.conv1 = nn.Sequential(nn.Conv2d(3, channels, 3, stride=2, padding=1, bias=False),\n                                   nn.BatchNorm2d(channels), nn.ReLU())\n        self.layers = nn.Sequential(*[ShuffleUnit(channels, channels) for _ in range(num_units)])\n\n    def init_weights(self):\n        super(ShuffleNetV1, self).init_weights()\n\n        if (isinstance(self.init_cfg, dict)\n                and self.init_cfg[\'type\'] == \'Pretrained\'):\n            # Suppress default init if use pretrained model.\n            return\n\n        for name, m in self.named_modules():\n            if isinstance(m, nn.Conv2d):\n                if \'conv1\' in name:\n                    normal_init(m, mean=0, std=0.01)\n                else:\n                    normal_init(m, mean=0, std=1.0 / m.weight.shape[1])\n            elif isinstance(m, (_BatchNorm, nn.GroupNorm)):\n                constant_init(m.weight, val=1, bias=0.0001)\n                if isinstance(m, _BatchNorm):\n                    if m.running_mean is not None:\n                        nn.init.constant_(m.running_mean, 0)\n\n    def forward(self, x):\n        return self.layers(self.conv1(x))\n\n\n# a "pretrained" checkpoint\ntorch.manual_seed(0)\ntrained = ShuffleNetV1()\nwith torch.no_grad():\n    for p in trained.parameters():\n        p.fill_(0.5)\ntorch.save({\'state_dict\': trained.state_dict()}, \'/tmp/shufflenet_v1_stub.pth\')\n\nmodel = ShuffleNetV1(init_cfg=dict(type=\'Pretrained\', checkpoint=\'/tmp/shufflenet_v1_stub.pth\'))\nmodel.init_weights()\nw = model.conv1[0].weight\nprint(\'conv1 weight equals checkpoint:\', torch.allclose(w, torch.full_like(w, 0.5)))\n',
         note="PR: in ShuffleNetV1.init_weights, super().init_weights() loads the checkpoint given by "
              "init_cfg=dict(type='Pretrained'), then the named_modules loop (normal_init / constant_init) "
              "overwrites the loaded weights; the fix returns right after super().init_weights() when init_cfg is "
              "Pretrained. Uses the real mmengine 0.10.7 BaseModule / normal_init / constant_init and a local stub "
              "checkpoint (all params 0.5). bad: 'conv1 weight equals checkpoint: False'; good: True."),
]
