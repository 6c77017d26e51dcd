"""The seventh set of bugs rebuilt from real public bug reports about weight initialization (issue 9), the
sixth held out.

Collected on 2026-12-02 by three engineers, one per range of the rule catalogue (A: INI0xx-INI1xx, B: INI2xx,
C: INI3xx), after the sixth set's fixes, who did not run initlint and did not read its source, tests, benches or
docs: they read only each rule page's title and "What it does", found each report with a search of public issue
trackers and Q&A pages (none of the reports of the other six corpora, nor any rule page's or doc's references),
rebuilt the bug in their own words keeping the code's idiom, and ran the bad program and its corrected twin with
torch to check that the bug shows (``note`` says how). The set was measured once, as collected, on the commit
named in docs/recall.md. Same format as ``tests/real_reports.py``; read by ``tests/test_heldout_reports.py`` and
``python bench/recall.py --corpus tests/heldout7_reports.py``.
"""

CLASSES = {'plain-list-of-submodules': ('INI002',),
 'list-multiplied-module-stack': ('INI003',),
 'uninitialized-torch-tensor-parameter': ('INI004',),
 'deprecated-init-alias': ('INI101',),
 'unsupported-nonlinearity-name': ('INI103',),
 'inplace-fill-on-leaf-parameter': ('INI107',),
 'rnn-init-layer0-names-only': ('INI110',),
 'hasattr-bias-guard-in-init-helper': ('INI201',),
 'norm-weight-copy-without-affine-guard': ('INI201',),
 'init-weights-misses-conv1d': ('INI210',),
 'init-method-missing-self': None,
 'reset-of-disabled-none-layer': None,
 'init-on-spectral-norm-weight': ('INI306',),
 'parent-init-loop-overrides-child-zero-init': ('INI308',),
 'init-loop-over-pretrained-submodule': ('INI305',),
 'reset-parameters-after-weight-norm': None}


def case(id, url, cls, bad, good, note="", scope=None):
    assert cls in CLASSES, cls
    return {"id": id, "url": url, "cls": cls, "bad": bad, "good": good, "note": note, "scope": scope}


CASES = [

    # ---- collector A -----------------------------------------------------------------------------
    case("LianpoWang-SLIIF-13", "https://github.com/LianpoWang/SLIIF/issues/13", "plain-list-of-submodules", """
import torch
import torch.nn as nn


class RES_MLP(nn.Module):
    def __init__(self, in_dim, out_dim, coord_hidden_list):
        super().__init__()
        layers = []
        lastv = in_dim
        for hidden in coord_hidden_list:
            layers.append(nn.Linear(lastv, hidden))
            lastv = hidden
        self.layers = nn.Sequential(*layers)
        self.relu = nn.ReLU()
        self.linear_out = nn.Linear(lastv, out_dim)

    def forward(self, x, cood_out):
        out = self.relu(self.layers(x)) + cood_out
        return self.linear_out(out)


class COOD_MLP(nn.Module):
    def __init__(self, in_dim, out_dim, hidden_list):
        super().__init__()
        self.fc1 = nn.Linear(in_dim, hidden_list[0])
        self.fc2 = nn.Linear(hidden_list[0], out_dim)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


class RESMLPS(nn.Module):
    def __init__(self, in_dim, out_dim, hidden_list, coord_hidden_list):
        super().__init__()
        self.mlps = [RES_MLP(in_dim, out_dim, coord_hidden_list) for _ in range(10)]
        self.cood_mlp = COOD_MLP(2, 16, hidden_list)
        self.expansionNet = nn.Linear(in_dim, 10)

    def forward(self, x, rel_coord):
        scores = self.expansionNet(x)
        cood_out = self.cood_mlp(rel_coord)
        mlp_res = torch.stack([mlp(x, cood_out) for mlp in self.mlps], 1)
        return torch.sum(scores.unsqueeze(-1) * mlp_res, 1)


model = RESMLPS(32, 3, [16], [16])
own = sum(p.numel() for p in model.cood_mlp.parameters()) + sum(p.numel() for p in model.expansionNet.parameters())
n_params = sum(p.numel() for p in model.parameters())
n_expected = own + 10 * sum(p.numel() for p in model.mlps[0].parameters())
print(n_params, n_expected)
assert n_params == n_expected, "RES_MLP parameters are not registered"
""", """
import torch
import torch.nn as nn


class RES_MLP(nn.Module):
    def __init__(self, in_dim, out_dim, coord_hidden_list):
        super().__init__()
        layers = []
        lastv = in_dim
        for hidden in coord_hidden_list:
            layers.append(nn.Linear(lastv, hidden))
            lastv = hidden
        self.layers = nn.Sequential(*layers)
        self.relu = nn.ReLU()
        self.linear_out = nn.Linear(lastv, out_dim)

    def forward(self, x, cood_out):
        out = self.relu(self.layers(x)) + cood_out
        return self.linear_out(out)


class COOD_MLP(nn.Module):
    def __init__(self, in_dim, out_dim, hidden_list):
        super().__init__()
        self.fc1 = nn.Linear(in_dim, hidden_list[0])
        self.fc2 = nn.Linear(hidden_list[0], out_dim)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


class RESMLPS(nn.Module):
    def __init__(self, in_dim, out_dim, hidden_list, coord_hidden_list):
        super().__init__()
        self.mlps = nn.ModuleList([RES_MLP(in_dim, out_dim, coord_hidden_list) for _ in range(10)])
        self.cood_mlp = COOD_MLP(2, 16, hidden_list)
        self.expansionNet = nn.Linear(in_dim, 10)

    def forward(self, x, rel_coord):
        scores = self.expansionNet(x)
        cood_out = self.cood_mlp(rel_coord)
        mlp_res = torch.stack([mlp(x, cood_out) for mlp in self.mlps], 1)
        return torch.sum(scores.unsqueeze(-1) * mlp_res, 1)


model = RESMLPS(32, 3, [16], [16])
own = sum(p.numel() for p in model.cood_mlp.parameters()) + sum(p.numel() for p in model.expansionNet.parameters())
n_params = sum(p.numel() for p in model.parameters())
n_expected = own + 10 * sum(p.numel() for p in model.mlps[0].parameters())
print(n_params, n_expected)
assert n_params == n_expected, "RES_MLP parameters are not registered"
""", note="bad: the 10 RES_MLP sub-networks sit in a plain list comprehension, model.parameters() misses all of them (assert fails, so an optimizer/state_dict/.to() would skip them); good: nn.ModuleList registers them, count matches. Repo's .cuda() calls dropped to run on CPU; ExpansionNet replaced by a Linear."),

    case("deep-learning-with-pytorch-dlwpt-code-2e-6", "https://github.com/deep-learning-with-pytorch/dlwpt-code-2e/pull/6", "list-multiplied-module-stack", """
import torch
import torch.nn as nn
import torch.nn.functional as F


class ResBlock(nn.Module):
    def __init__(self, n_chans):
        super(ResBlock, self).__init__()
        self.conv = nn.Conv2d(n_chans, n_chans, kernel_size=3, padding=1, bias=False)
        self.batch_norm = nn.BatchNorm2d(num_features=n_chans)
        torch.nn.init.kaiming_normal_(self.conv.weight, nonlinearity='relu')
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
        self.resblocks = nn.Sequential(
            *(n_blocks * [ResBlock(n_chans=n_chans1)]))
        self.fc1 = nn.Linear(8 * 8 * n_chans1, 32)
        self.fc2 = nn.Linear(32, 2)

    def forward(self, x):
        out = F.max_pool2d(torch.relu(self.conv1(x)), 2)
        out = self.resblocks(out)
        out = F.max_pool2d(out, 2)
        out = out.view(-1, 8 * 8 * self.n_chans1)
        out = torch.relu(self.fc1(out))
        return self.fc2(out)


counts = [sum(p.numel() for p in NetResDeep(n_blocks=n).parameters()) for n in (1, 10, 100)]
print(counts)
m = NetResDeep(n_blocks=10)
assert m.resblocks[0] is not m.resblocks[1], "all ResBlocks are one object (shared weights)"
""", """
import torch
import torch.nn as nn
import torch.nn.functional as F


class ResBlock(nn.Module):
    def __init__(self, n_chans):
        super(ResBlock, self).__init__()
        self.conv = nn.Conv2d(n_chans, n_chans, kernel_size=3, padding=1, bias=False)
        self.batch_norm = nn.BatchNorm2d(num_features=n_chans)
        torch.nn.init.kaiming_normal_(self.conv.weight, nonlinearity='relu')
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
        self.resblocks = nn.Sequential(
            *[ResBlock(n_chans=n_chans1) for _ in range(n_blocks)])
        self.fc1 = nn.Linear(8 * 8 * n_chans1, 32)
        self.fc2 = nn.Linear(32, 2)

    def forward(self, x):
        out = F.max_pool2d(torch.relu(self.conv1(x)), 2)
        out = self.resblocks(out)
        out = F.max_pool2d(out, 2)
        out = out.view(-1, 8 * 8 * self.n_chans1)
        out = torch.relu(self.fc1(out))
        return self.fc2(out)


counts = [sum(p.numel() for p in NetResDeep(n_blocks=n).parameters()) for n in (1, 10, 100)]
print(counts)
m = NetResDeep(n_blocks=10)
assert m.resblocks[0] is not m.resblocks[1], "all ResBlocks are one object (shared weights)"
""", note="bad: `n_blocks * [ResBlock(...)]` repeats one object, parameter count is 75810 for n_blocks=1, 10 and 100 and resblocks[0] is resblocks[1] (assert fails); good: list comprehension builds distinct blocks, count grows with n_blocks. Same book bug as the excluded dlwpt-code#89 but reported separately in the 2nd-edition repo's PR."),

    case("kaijieshi7-Dynamic-convolution-Pytorch-17", "https://github.com/kaijieshi7/Dynamic-convolution-Pytorch/pull/17", "uninitialized-torch-tensor-parameter", """
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.use_deterministic_algorithms(True)  # fills uninitialized memory with NaN, making the bug deterministic


class attention2d(nn.Module):
    def __init__(self, in_planes, ratios, K, temperature, init_weight=True):
        super(attention2d, self).__init__()
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        if in_planes != 3:
            hidden_planes = int(in_planes * ratios)
        else:
            hidden_planes = K
        self.fc1 = nn.Conv2d(in_planes, hidden_planes, 1, bias=False)
        self.fc2 = nn.Conv2d(hidden_planes, K, 1, bias=False)
        self.temperature = temperature
        if init_weight:
            self._initialize_weights()

    def _initialize_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode='fan_out', nonlinearity='relu')
                if m.bias is not None:
                    nn.init.constant_(m.bias, 0)

    def forward(self, x):
        x = self.avgpool(x)
        x = self.fc1(x)
        x = F.relu(x)
        x = self.fc2(x).view(x.size(0), -1)
        return F.softmax(x / self.temperature, 1)


class Dynamic_conv2d(nn.Module):
    def __init__(self, in_planes, out_planes, kernel_size, ratio=0.25, stride=1, padding=0, dilation=1, groups=1, bias=True, K=4, temperature=34, init_weight=True):
        super(Dynamic_conv2d, self).__init__()
        self.in_planes = in_planes
        self.out_planes = out_planes
        self.kernel_size = kernel_size
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.groups = groups
        self.K = K
        self.attention = attention2d(in_planes, ratio, K, temperature)

        self.weight = nn.Parameter(torch.Tensor(K, out_planes, in_planes // groups, kernel_size, kernel_size), requires_grad=True)
        if bias:
            self.bias = nn.Parameter(torch.Tensor(K, out_planes))
        else:
            self.bias = None
        if init_weight:
            self._initialize_weights()

    def _initialize_weights(self):
        for i in range(self.K):
            nn.init.kaiming_uniform_(self.weight[i])

    def forward(self, x):
        softmax_attention = self.attention(x)
        batch_size, in_planes, height, width = x.size()
        x = x.view(1, -1, height, width)
        weight = self.weight.view(self.K, -1)
        aggregate_weight = torch.mm(softmax_attention, weight).view(-1, self.in_planes, self.kernel_size, self.kernel_size)
        if self.bias is not None:
            aggregate_bias = torch.mm(softmax_attention, self.bias).view(-1)
            output = F.conv2d(x, weight=aggregate_weight, bias=aggregate_bias, stride=self.stride, padding=self.padding,
                              dilation=self.dilation, groups=self.groups * batch_size)
        else:
            output = F.conv2d(x, weight=aggregate_weight, bias=None, stride=self.stride, padding=self.padding,
                              dilation=self.dilation, groups=self.groups * batch_size)
        return output.view(batch_size, self.out_planes, output.size(-2), output.size(-1))


with torch.no_grad():
    model = Dynamic_conv2d(in_planes=8, out_planes=16, kernel_size=3, padding=1, temperature=31)
    out = model(torch.randn(2, 8, 10, 10))
print(torch.isfinite(model.bias).all().item(), torch.isfinite(out).all().item())
assert torch.isfinite(model.bias).all(), "bias left as uninitialized memory"
""", """
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.use_deterministic_algorithms(True)  # fills uninitialized memory with NaN, making the bug deterministic


class attention2d(nn.Module):
    def __init__(self, in_planes, ratios, K, temperature, init_weight=True):
        super(attention2d, self).__init__()
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        if in_planes != 3:
            hidden_planes = int(in_planes * ratios)
        else:
            hidden_planes = K
        self.fc1 = nn.Conv2d(in_planes, hidden_planes, 1, bias=False)
        self.fc2 = nn.Conv2d(hidden_planes, K, 1, bias=False)
        self.temperature = temperature
        if init_weight:
            self._initialize_weights()

    def _initialize_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode='fan_out', nonlinearity='relu')
                if m.bias is not None:
                    nn.init.constant_(m.bias, 0)

    def forward(self, x):
        x = self.avgpool(x)
        x = self.fc1(x)
        x = F.relu(x)
        x = self.fc2(x).view(x.size(0), -1)
        return F.softmax(x / self.temperature, 1)


class Dynamic_conv2d(nn.Module):
    def __init__(self, in_planes, out_planes, kernel_size, ratio=0.25, stride=1, padding=0, dilation=1, groups=1, bias=True, K=4, temperature=34, init_weight=True):
        super(Dynamic_conv2d, self).__init__()
        self.in_planes = in_planes
        self.out_planes = out_planes
        self.kernel_size = kernel_size
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.groups = groups
        self.K = K
        self.attention = attention2d(in_planes, ratio, K, temperature)

        self.weight = nn.Parameter(torch.Tensor(K, out_planes, in_planes // groups, kernel_size, kernel_size), requires_grad=True)
        if bias:
            self.bias = nn.Parameter(torch.zeros(K, out_planes))
        else:
            self.bias = None
        if init_weight:
            self._initialize_weights()

    def _initialize_weights(self):
        for i in range(self.K):
            nn.init.kaiming_uniform_(self.weight[i])

    def forward(self, x):
        softmax_attention = self.attention(x)
        batch_size, in_planes, height, width = x.size()
        x = x.view(1, -1, height, width)
        weight = self.weight.view(self.K, -1)
        aggregate_weight = torch.mm(softmax_attention, weight).view(-1, self.in_planes, self.kernel_size, self.kernel_size)
        if self.bias is not None:
            aggregate_bias = torch.mm(softmax_attention, self.bias).view(-1)
            output = F.conv2d(x, weight=aggregate_weight, bias=aggregate_bias, stride=self.stride, padding=self.padding,
                              dilation=self.dilation, groups=self.groups * batch_size)
        else:
            output = F.conv2d(x, weight=aggregate_weight, bias=None, stride=self.stride, padding=self.padding,
                              dilation=self.dilation, groups=self.groups * batch_size)
        return output.view(batch_size, self.out_planes, output.size(-2), output.size(-1))


with torch.no_grad():
    model = Dynamic_conv2d(in_planes=8, out_planes=16, kernel_size=3, padding=1, temperature=31)
    out = model(torch.randn(2, 8, 10, 10))
print(torch.isfinite(model.bias).all().item(), torch.isfinite(out).all().item())
assert torch.isfinite(model.bias).all(), "bias left as uninitialized memory"
""", note="bad: `self.bias = nn.Parameter(torch.Tensor(K, out_planes))` is never initialized (only self.weight[i] gets kaiming_uniform_); with deterministic mode torch fills it with NaN, output is NaN, assert fails (the PR reports ~1e+34 garbage); good: torch.zeros as in the PR, finite. Temperature changed 34->31 only to pass the repo's `temperature%3==1` assert, which was dropped."),

    case("yanx27-EverybodyDanceNow_reproduce_pytorch-93", "https://github.com/yanx27/EverybodyDanceNow_reproduce_pytorch/issues/93", "deprecated-init-alias", """
import warnings
import torch
import torch.nn as nn
from torch.nn import init

warnings.simplefilter('error')


def make_stage(cin, cout):
    return nn.Sequential(
        nn.Conv2d(cin, 128, 7, padding=3), nn.ReLU(inplace=True),
        nn.Conv2d(128, 128, 7, padding=3), nn.ReLU(inplace=True),
        nn.Conv2d(128, cout, 1))


class rtpose_model(nn.Module):
    def __init__(self):
        super(rtpose_model, self).__init__()
        self.model0 = nn.Sequential(nn.Conv2d(3, 64, 3, padding=1), nn.ReLU(inplace=True))
        self.model5_1 = make_stage(64, 38)
        self.model5_2 = make_stage(64, 19)
        self._initialize_weights_norm()

    def forward(self, x):
        out0 = self.model0(x)
        return self.model5_1(out0), self.model5_2(out0)

    def _initialize_weights_norm(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                init.normal(m.weight, std=0.01)
                if m.bias is not None:
                    init.constant(m.bias, 0.0)
        # last layers of each stage
        init.normal(self.model5_1[4].weight, std=0.01)
        init.normal(self.model5_2[4].weight, std=0.01)


model = rtpose_model()
print(sum(p.numel() for p in model.parameters()))
""", """
import warnings
import torch
import torch.nn as nn
from torch.nn import init

warnings.simplefilter('error')


def make_stage(cin, cout):
    return nn.Sequential(
        nn.Conv2d(cin, 128, 7, padding=3), nn.ReLU(inplace=True),
        nn.Conv2d(128, 128, 7, padding=3), nn.ReLU(inplace=True),
        nn.Conv2d(128, cout, 1))


class rtpose_model(nn.Module):
    def __init__(self):
        super(rtpose_model, self).__init__()
        self.model0 = nn.Sequential(nn.Conv2d(3, 64, 3, padding=1), nn.ReLU(inplace=True))
        self.model5_1 = make_stage(64, 38)
        self.model5_2 = make_stage(64, 19)
        self._initialize_weights_norm()

    def forward(self, x):
        out0 = self.model0(x)
        return self.model5_1(out0), self.model5_2(out0)

    def _initialize_weights_norm(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                init.normal_(m.weight, std=0.01)
                if m.bias is not None:
                    init.constant_(m.bias, 0.0)
        # last layers of each stage
        init.normal_(self.model5_1[4].weight, std=0.01)
        init.normal_(self.model5_2[4].weight, std=0.01)


model = rtpose_model()
print(sum(p.numel() for p in model.parameters()))
""", note="bad: `init.normal`/`init.constant` (from torch.nn import init) emit FutureWarning 'nn.init.normal is now deprecated in favor of nn.init.normal_', turned into an exception by simplefilter('error'); good: underscore spellings, runs. The repo's rtpose_vgg stages are shortened (7 stages with 12+ layers in the original)."),

    case("shibhansh-loss-of-plasticity-3", "https://github.com/shibhansh/loss-of-plasticity/issues/3", "unsupported-nonlinearity-name", """
import torch
import torch.nn as nn


class Layer(nn.Module):
    def __init__(self, in_shape, out_shape, act_type='relu'):
        super(Layer, self).__init__()
        self.in_shape = in_shape
        self.out_shape = out_shape
        self.act_type = act_type

        self.layers = nn.ModuleList()

        bias = True
        self.fc = nn.Linear(in_shape, out_shape, bias=bias)
        self.layers.append(self.fc)

        if self.act_type == 'linear':
            self.act_layer = None
        else:
            self.act_layer = {'sigmoid': nn.Sigmoid, 'tanh': nn.Tanh, 'relu': nn.ReLU, 'selu': nn.SELU,
                              'swish': nn.SiLU, 'leaky_relu': nn.LeakyReLU, 'elu': nn.ELU}[self.act_type]
            self.act_layer = self.act_layer()
            self.layers.append(self.act_layer)

        # Initialize the weights
        if bias:
            self.fc.bias.data.fill_(0.0)
        nn.init.kaiming_uniform_(self.fc.weight, nonlinearity=self.act_type)

    def forward(self, x):
        x = self.fc(x)
        if self.act_layer is not None:
            x = self.act_layer(x)
        return x


class DeepFFNN(nn.Module):
    def __init__(self, input_size, num_features=2000, num_outputs=1, num_hidden_layers=2, act_type='relu'):
        super(DeepFFNN, self).__init__()
        self.act_type = act_type
        self.in_layer = Layer(in_shape=input_size, out_shape=num_features, act_type=self.act_type)
        self.hidden_layers = nn.ModuleList(
            [Layer(in_shape=num_features, out_shape=num_features, act_type=self.act_type)
             for _ in range(num_hidden_layers - 1)])
        self.out_layer = Layer(in_shape=num_features, out_shape=num_outputs, act_type='linear')

    def forward(self, x):
        out = self.in_layer(x)
        for hidden_layer in self.hidden_layers:
            out = hidden_layer(out)
        return self.out_layer(out)


for act in ['relu', 'tanh', 'elu', 'swish']:
    net = DeepFFNN(input_size=784, num_features=100, num_outputs=10, act_type=act)
    print(act, net(torch.randn(4, 784)).shape)
""", """
import torch
import torch.nn as nn


class Layer(nn.Module):
    def __init__(self, in_shape, out_shape, act_type='relu'):
        super(Layer, self).__init__()
        self.in_shape = in_shape
        self.out_shape = out_shape
        self.act_type = act_type

        self.layers = nn.ModuleList()

        bias = True
        self.fc = nn.Linear(in_shape, out_shape, bias=bias)
        self.layers.append(self.fc)

        if self.act_type == 'linear':
            self.act_layer = None
        else:
            self.act_layer = {'sigmoid': nn.Sigmoid, 'tanh': nn.Tanh, 'relu': nn.ReLU, 'selu': nn.SELU,
                              'swish': nn.SiLU, 'leaky_relu': nn.LeakyReLU, 'elu': nn.ELU}[self.act_type]
            self.act_layer = self.act_layer()
            self.layers.append(self.act_layer)

        # Initialize the weights; calculate_gain knows no 'elu'/'swish', use the ReLU gain as the paper does
        init_nonlinearity = 'relu' if self.act_type in ('elu', 'swish') else self.act_type
        if bias:
            self.fc.bias.data.fill_(0.0)
        nn.init.kaiming_uniform_(self.fc.weight, nonlinearity=init_nonlinearity)

    def forward(self, x):
        x = self.fc(x)
        if self.act_layer is not None:
            x = self.act_layer(x)
        return x


class DeepFFNN(nn.Module):
    def __init__(self, input_size, num_features=2000, num_outputs=1, num_hidden_layers=2, act_type='relu'):
        super(DeepFFNN, self).__init__()
        self.act_type = act_type
        self.in_layer = Layer(in_shape=input_size, out_shape=num_features, act_type=self.act_type)
        self.hidden_layers = nn.ModuleList(
            [Layer(in_shape=num_features, out_shape=num_features, act_type=self.act_type)
             for _ in range(num_hidden_layers - 1)])
        self.out_layer = Layer(in_shape=num_features, out_shape=num_outputs, act_type='linear')

    def forward(self, x):
        out = self.in_layer(x)
        for hidden_layer in self.hidden_layers:
            out = hidden_layer(out)
        return self.out_layer(out)


for act in ['relu', 'tanh', 'elu', 'swish']:
    net = DeepFFNN(input_size=784, num_features=100, num_outputs=10, act_type=act)
    print(act, net(torch.randn(4, 784)).shape)
""", note="bad: `kaiming_uniform_(..., nonlinearity=self.act_type)` with act_type 'elu' (and 'swish') raises ValueError: Unsupported nonlinearity elu, as the issue points out for the ELU/SiLU runs; good: maps those to 'relu' (the author's stated choice), runs. The value reaches the init through self.act_type, the parameter of __init__, and call sites pass literal act_type='elu'/'swish' only via the loop variable. The repo's plain `self.hidden_layers = []` list (registered via self.layers.extend) was replaced by a ModuleList to keep the case on one bug."),

    case("pytorch-audio-1993", "https://github.com/pytorch/audio/pull/1993", "inplace-fill-on-leaf-parameter", """
import torch
from torch import nn


class _Stretch2d(nn.Module):
    def __init__(self, time_scale, freq_scale):
        super().__init__()
        self.freq_scale = freq_scale
        self.time_scale = time_scale

    def forward(self, specgram):
        return specgram.repeat_interleave(self.freq_scale, -2).repeat_interleave(self.time_scale, -1)


class _UpsampleNetwork(nn.Module):
    def __init__(self, upsample_scales):
        super().__init__()
        up_layers = []
        for scale in upsample_scales:
            stretch = _Stretch2d(scale, 1)
            conv = nn.Conv2d(in_channels=1, out_channels=1, kernel_size=(1, scale * 2 + 1), padding=(0, scale), bias=False)
            conv.weight.fill_(1.0 / (scale * 2 + 1))
            up_layers.append(stretch)
            up_layers.append(conv)
        self.upsample_layers = nn.Sequential(*up_layers)

    def forward(self, specgram):
        specgram = specgram.unsqueeze(1)
        specgram = self.upsample_layers(specgram)
        return specgram.squeeze(1)


net = _UpsampleNetwork([5, 5, 8])
print(net(torch.randn(2, 80, 10)).shape)
""", """
import torch
from torch import nn


class _Stretch2d(nn.Module):
    def __init__(self, time_scale, freq_scale):
        super().__init__()
        self.freq_scale = freq_scale
        self.time_scale = time_scale

    def forward(self, specgram):
        return specgram.repeat_interleave(self.freq_scale, -2).repeat_interleave(self.time_scale, -1)


class _UpsampleNetwork(nn.Module):
    def __init__(self, upsample_scales):
        super().__init__()
        up_layers = []
        for scale in upsample_scales:
            stretch = _Stretch2d(scale, 1)
            conv = nn.Conv2d(in_channels=1, out_channels=1, kernel_size=(1, scale * 2 + 1), padding=(0, scale), bias=False)
            torch.nn.init.constant_(conv.weight, 1.0 / (scale * 2 + 1))
            up_layers.append(stretch)
            up_layers.append(conv)
        self.upsample_layers = nn.Sequential(*up_layers)

    def forward(self, specgram):
        specgram = specgram.unsqueeze(1)
        specgram = self.upsample_layers(specgram)
        return specgram.squeeze(1)


net = _UpsampleNetwork([5, 5, 8])
print(net(torch.randn(2, 80, 10)).shape)
""", note="bad: replacing wavernn's legacy `conv.weight.data.fill_(...)` with `conv.weight.fill_(...)` (as tried in the PR) raises RuntimeError: a leaf Variable that requires grad is being used in an in-place operation; good: torch.nn.init.constant_(conv.weight, val), the maintainer's suggestion, runs. _UpsampleNetwork trimmed to the stretch+conv stack."),

    case("discuss-pytorch-how-to-initialize-weights-bias-of-rnn-lstm-gru-2879", "https://discuss.pytorch.org/t/how-to-initialize-weights-bias-of-rnn-lstm-gru/2879", "rnn-init-layer0-names-only", """
import torch
import torch.nn as nn
from torch.nn import init


class Encoder(nn.Module):
    def __init__(self):
        super(Encoder, self).__init__()
        self.gru = nn.GRU(500, 50, num_layers=2)
        self.init_weights()

    def init_weights(self):
        init.normal_(self.gru.weight_ih_l0, 0.0, 0.02)
        init.normal_(self.gru.weight_hh_l0, 0.0, 0.02)

    def forward(self, x):
        return self.gru(x)[0]


enc = Encoder()
stds = {name: round(p.std().item(), 4) for name, p in enc.gru.named_parameters() if 'weight' in name}
print(stds)
assert all(abs(s - 0.02) < 0.005 for s in stds.values()), "layer-1 weights left at PyTorch's default init"
""", """
import torch
import torch.nn as nn
from torch.nn import init


class Encoder(nn.Module):
    def __init__(self):
        super(Encoder, self).__init__()
        self.gru = nn.GRU(500, 50, num_layers=2)
        self.init_weights()

    def init_weights(self):
        for layer_p in self.gru._all_weights:
            for p in layer_p:
                if 'weight' in p:
                    init.normal_(self.gru.__getattr__(p), 0.0, 0.02)

    def forward(self, x):
        return self.gru(x)[0]


enc = Encoder()
stds = {name: round(p.std().item(), 4) for name, p in enc.gru.named_parameters() if 'weight' in name}
print(stds)
assert all(abs(s - 0.02) < 0.005 for s in stds.values()), "layer-1 weights left at PyTorch's default init"
""", note="bad: only weight_ih_l0/weight_hh_l0 of the 2-layer GRU get normal(0, 0.02); weight_ih_l1/weight_hh_l1 keep the default U(-1/sqrt(50), 1/sqrt(50)) (std ~0.08), assert fails; good: the thread's answer loops over gru._all_weights for every layer, all stds ~0.02. Thread code used the old `init.normal`; the underscore spelling is used here to keep the case on one bug."),

    # ---- collector B -----------------------------------------------------------------------------
    case("open-mmlab-mmdetection-148", "https://github.com/open-mmlab/mmdetection/pull/148",
         "hasattr-bias-guard-in-init-helper", """
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
            self.gn = nn.GroupNorm(32, out_channels)

    def forward(self, x):
        x = self.conv(x)
        if self.with_norm:
            x = self.gn(x)
        return torch.relu(x)


class FPN(nn.Module):
    def __init__(self, in_channels, out_channels, normalize=None):
        super(FPN, self).__init__()
        self.lateral_convs = nn.ModuleList()
        self.fpn_convs = nn.ModuleList()
        for c in in_channels:
            self.lateral_convs.append(ConvModule(c, out_channels, 1, normalize=normalize))
            self.fpn_convs.append(ConvModule(out_channels, out_channels, 3, padding=1, normalize=normalize))

    def init_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                xavier_init(m, distribution='uniform')

    def forward(self, inputs):
        laterals = [l(x) for l, x in zip(self.lateral_convs, inputs)]
        return [f(x) for f, x in zip(self.fpn_convs, laterals)]


neck = FPN([64, 128], 64, normalize=dict(type='GN'))
neck.init_weights()
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
            self.gn = nn.GroupNorm(32, out_channels)

    def forward(self, x):
        x = self.conv(x)
        if self.with_norm:
            x = self.gn(x)
        return torch.relu(x)


class FPN(nn.Module):
    def __init__(self, in_channels, out_channels, normalize=None):
        super(FPN, self).__init__()
        self.lateral_convs = nn.ModuleList()
        self.fpn_convs = nn.ModuleList()
        for c in in_channels:
            self.lateral_convs.append(ConvModule(c, out_channels, 1, normalize=normalize))
            self.fpn_convs.append(ConvModule(out_channels, out_channels, 3, padding=1, normalize=normalize))

    def init_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                xavier_init(m, distribution='uniform')

    def forward(self, inputs):
        laterals = [l(x) for l, x in zip(self.lateral_convs, inputs)]
        return [f(x) for f, x in zip(self.fpn_convs, laterals)]


neck = FPN([64, 128], 64, normalize=dict(type='GN'))
neck.init_weights()
""", note="PR: mmdet's weight_init helpers used hasattr(module, 'bias'), always True, so the FPN with GroupNorm "
          "(convs built bias=False) crashed (issue #91 is the same bug, already excluded; this is the separate "
          "fix PR with its own sanity check). bad: nn.init.constant_(None, 0) raises AttributeError "
          "('NoneType' object has no attribute 'fill_'); good: runs. Init runs through a helper called from an "
          "isinstance(nn.Conv2d) loop; bias=not self.with_norm is a non-literal bias=."),

    case("Lightning-AI-pytorch-lightning-21755", "https://github.com/Lightning-AI/pytorch-lightning/issues/21755",
         "norm-weight-copy-without-affine-guard", """
import torch
import torch.nn as nn


def _convert_layers(module):
    for name, child in module.named_children():
        if isinstance(child, nn.LayerNorm):
            replacement = nn.LayerNorm(child.normalized_shape[0], eps=child.eps)
            replacement.weight.data = child.weight.data.clone()
            replacement.bias.data = child.bias.data.clone()
            module.__setattr__(name, replacement)
        else:
            _convert_layers(child)


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer = nn.Linear(16, 16)
        self.layer_norm = nn.LayerNorm(16, elementwise_affine=False)

    def forward(self, x):
        return self.layer_norm(self.layer(x))


model = Model()
_convert_layers(model)
""", """
import torch
import torch.nn as nn


def _convert_layers(module):
    for name, child in module.named_children():
        if isinstance(child, nn.LayerNorm):
            replacement = nn.LayerNorm(child.normalized_shape[0], eps=child.eps,
                                       elementwise_affine=child.elementwise_affine)
            if child.weight is not None and replacement.weight is not None:
                replacement.weight.data = child.weight.data.clone()
            if child.bias is not None and replacement.bias is not None:
                replacement.bias.data = child.bias.data.clone()
            module.__setattr__(name, replacement)
        else:
            _convert_layers(child)


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer = nn.Linear(16, 16)
        self.layer_norm = nn.LayerNorm(16, elementwise_affine=False)

    def forward(self, x):
        return self.layer_norm(self.layer(x))


model = Model()
_convert_layers(model)
""", note="Lightning's Transformer Engine plugin swaps nn.LayerNorm for te.LayerNorm and copies "
          "weight/bias data (here the replacement is a torch LayerNorm, no TE). Not a random init but a "
          "parameter write in an isinstance(LayerNorm) branch on a model that builds "
          "LayerNorm(elementwise_affine=False). bad: AttributeError 'NoneType' object has no attribute 'data'; "
          "good (fix of PR #21896, None guard): runs."),

    case("huggingface-transformers-28298", "https://github.com/huggingface/transformers/issues/28298",
         "init-weights-misses-conv1d", """
import torch
import torch.nn as nn


class BertPreTrainedModel(nn.Module):
    initializer_range = 0.02

    def _init_weights(self, module):
        if isinstance(module, nn.Linear):
            module.weight.data.normal_(mean=0.0, std=self.initializer_range)
            if module.bias is not None:
                module.bias.data.zero_()
        elif isinstance(module, nn.Embedding):
            module.weight.data.normal_(mean=0.0, std=self.initializer_range)
            if module.padding_idx is not None:
                module.weight.data[module.padding_idx].zero_()
        elif isinstance(module, nn.LayerNorm):
            module.bias.data.zero_()
            module.weight.data.fill_(1.0)

    def post_init(self):
        self.apply(self._init_weights)


class MyBERT(BertPreTrainedModel):
    def __init__(self, vocab_size=100, hidden_size=64):
        super().__init__()
        self.word_embeddings = nn.Embedding(vocab_size, hidden_size)
        self.dense = nn.Linear(hidden_size, hidden_size)
        self.LayerNorm = nn.LayerNorm(hidden_size)
        self.conv = torch.nn.Conv1d(
            in_channels=hidden_size,
            out_channels=hidden_size,
            kernel_size=16,
        )
        self.post_init()

    def forward(self, input_ids):
        h = self.LayerNorm(self.dense(self.word_embeddings(input_ids)))
        return self.conv(h.transpose(1, 2))


mybert = MyBERT()
print(mybert.conv.bias.abs().max().item(), mybert.dense.bias.abs().max().item())
""", """
import torch
import torch.nn as nn


class BertPreTrainedModel(nn.Module):
    initializer_range = 0.02

    def _init_weights(self, module):
        if isinstance(module, (nn.Linear, nn.Conv1d)):
            module.weight.data.normal_(mean=0.0, std=self.initializer_range)
            if module.bias is not None:
                module.bias.data.zero_()
        elif isinstance(module, nn.Embedding):
            module.weight.data.normal_(mean=0.0, std=self.initializer_range)
            if module.padding_idx is not None:
                module.weight.data[module.padding_idx].zero_()
        elif isinstance(module, nn.LayerNorm):
            module.bias.data.zero_()
            module.weight.data.fill_(1.0)

    def post_init(self):
        self.apply(self._init_weights)


class MyBERT(BertPreTrainedModel):
    def __init__(self, vocab_size=100, hidden_size=64):
        super().__init__()
        self.word_embeddings = nn.Embedding(vocab_size, hidden_size)
        self.dense = nn.Linear(hidden_size, hidden_size)
        self.LayerNorm = nn.LayerNorm(hidden_size)
        self.conv = torch.nn.Conv1d(
            in_channels=hidden_size,
            out_channels=hidden_size,
            kernel_size=16,
        )
        self.post_init()

    def forward(self, input_ids):
        h = self.LayerNorm(self.dense(self.word_embeddings(input_ids)))
        return self.conv(h.transpose(1, 2))


mybert = MyBERT()
print(mybert.conv.bias.abs().max().item(), mybert.dense.bias.abs().max().item())
""", note="Report: a BertModel subclass adds nn.Conv1d; BERT's _init_weights only covers Linear/Embedding/LayerNorm, "
          "so under from_pretrained (fast init) the new conv came out all zeros. Rebuilt without transformers: "
          "the HF base is a small nn.Module with _init_weights + post_init() = self.apply(self._init_weights). "
          "bad: the conv keeps PyTorch's default init (bias uniform, max |b| ~0.03 printed; weight "
          "kaiming-uniform, whose std happens to be close to 0.02 at this size, so the bias is the visible "
          "check; with HF fast init it stays at its empty/zero storage instead); good: Conv1d in the Linear "
          "branch, conv bias all 0 like dense's."),

    case("TattaBio-gLM2-14", "https://github.com/TattaBio/gLM2/pull/14",
         "init-method-missing-self", """
import torch
from torch import nn


class gLM2PreTrainedModel(nn.Module):
    base_model_prefix = "glm2"

    # https://github.com/huggingface/transformers/blob/.../modeling_bert.py#L748
    def _init_weights(module, initializer_range=0.02):
        if isinstance(module, nn.Linear):
            nn.init.normal_(module.weight, std=initializer_range)
            if module.bias is not None:
                nn.init.zeros_(module.bias)
        elif isinstance(module, nn.Embedding):
            nn.init.normal_(module.weight, std=initializer_range)
            if module.padding_idx is not None:
                nn.init.zeros_(module.weight[module.padding_idx])

    def post_init(self):
        self.apply(self._init_weights)


class gLM2Model(gLM2PreTrainedModel):
    def __init__(self, vocab_size=40, dim=64):
        super().__init__()
        self.tok_embeddings = nn.Embedding(vocab_size, dim)
        self.wqkv = nn.Linear(dim, 3 * dim, bias=False)
        self.wo = nn.Linear(dim, dim, bias=False)
        self.post_init()

    def forward(self, input_ids):
        h = self.tok_embeddings(input_ids)
        q, k, v = self.wqkv(h).chunk(3, dim=-1)
        return self.wo(torch.softmax(q @ k.transpose(-1, -2), -1) @ v)


model = gLM2Model()
print(model.tok_embeddings.weight.std().item(), model.wo.weight.std().item())
""", """
import torch
from torch import nn


class gLM2PreTrainedModel(nn.Module):
    base_model_prefix = "glm2"

    def _init_weights(self, module, initializer_range=0.02):
        if isinstance(module, nn.Linear):
            nn.init.normal_(module.weight, std=initializer_range)
            if module.bias is not None:
                nn.init.zeros_(module.bias)
        elif isinstance(module, nn.Embedding):
            nn.init.normal_(module.weight, std=initializer_range)
            if module.padding_idx is not None:
                nn.init.zeros_(module.weight[module.padding_idx])

    def post_init(self):
        self.apply(self._init_weights)


class gLM2Model(gLM2PreTrainedModel):
    def __init__(self, vocab_size=40, dim=64):
        super().__init__()
        self.tok_embeddings = nn.Embedding(vocab_size, dim)
        self.wqkv = nn.Linear(dim, 3 * dim, bias=False)
        self.wo = nn.Linear(dim, dim, bias=False)
        self.post_init()

    def forward(self, input_ids):
        h = self.tok_embeddings(input_ids)
        q, k, v = self.wqkv(h).chunk(3, dim=-1)
        return self.wo(torch.softmax(q @ k.transpose(-1, -2), -1) @ v)


model = gLM2Model()
print(model.tok_embeddings.weight.std().item(), model.wo.weight.std().item())
""", note="Out of scope (no rule claims it). The repo's gLM2PreTrainedModel(PreTrainedModel) defined "
          "`def _init_weights(module, initializer_range=0.02)` without self (checked in the repo snapshot, "
          "which predates PR #14 'Fix hf init_weights'; the PR text itself is empty). self._init_weights(m) binds "
          "module=the model and initializer_range=m, so no isinstance branch ever matches and nothing is "
          "initialized, silently. Rebuilt without transformers (post_init = self.apply(self._init_weights)); "
          "also checked with transformers 5.23's real PreTrainedModel: same result. bad: embedding std ~1.0, "
          "Linear std ~0.07 (PyTorch defaults); good: both ~0.02."),

    case("pykeen-pykeen-100", "https://github.com/pykeen/pykeen/pull/100",
         "reset-of-disabled-none-layer", """
import torch
import torch.nn as nn


class ConvE(nn.Module):
    def __init__(self, num_entities=50, embedding_dim=200, input_channels=1, embedding_height=10,
                 embedding_width=20, output_channels=32, kernel_height=3, kernel_width=3,
                 apply_batch_normalization=True):
        super().__init__()
        self.entity_embeddings = nn.Embedding(num_entities, embedding_dim)
        self.conv1 = torch.nn.Conv2d(input_channels, output_channels, (kernel_height, kernel_width),
                                     stride=1, padding=0, bias=True)
        self.apply_batch_normalization = apply_batch_normalization
        if self.apply_batch_normalization:
            self.bn0 = torch.nn.BatchNorm2d(input_channels)
            self.bn1 = torch.nn.BatchNorm2d(output_channels)
            self.bn2 = torch.nn.BatchNorm1d(embedding_dim)
        else:
            self.bn0 = None
            self.bn1 = None
            self.bn2 = None
        num_in_features = (output_channels * (2 * embedding_height - kernel_height + 1)
                           * (embedding_width - kernel_width + 1))
        self.fc = torch.nn.Linear(num_in_features, embedding_dim)
        self._reset_parameters_()

    def _reset_parameters_(self):
        nn.init.xavier_normal_(self.entity_embeddings.weight)
        self.conv1.reset_parameters()
        self.fc.reset_parameters()
        self.bn0.reset_parameters()
        self.bn1.reset_parameters()
        self.bn2.reset_parameters()


model = ConvE(apply_batch_normalization=False)
""", """
import torch
import torch.nn as nn


class ConvE(nn.Module):
    def __init__(self, num_entities=50, embedding_dim=200, input_channels=1, embedding_height=10,
                 embedding_width=20, output_channels=32, kernel_height=3, kernel_width=3,
                 apply_batch_normalization=True):
        super().__init__()
        self.entity_embeddings = nn.Embedding(num_entities, embedding_dim)
        self.conv1 = torch.nn.Conv2d(input_channels, output_channels, (kernel_height, kernel_width),
                                     stride=1, padding=0, bias=True)
        self.apply_batch_normalization = apply_batch_normalization
        if self.apply_batch_normalization:
            self.bn0 = torch.nn.BatchNorm2d(input_channels)
            self.bn1 = torch.nn.BatchNorm2d(output_channels)
            self.bn2 = torch.nn.BatchNorm1d(embedding_dim)
        else:
            self.bn0 = None
            self.bn1 = None
            self.bn2 = None
        num_in_features = (output_channels * (2 * embedding_height - kernel_height + 1)
                           * (embedding_width - kernel_width + 1))
        self.fc = torch.nn.Linear(num_in_features, embedding_dim)
        self._reset_parameters_()

    def _reset_parameters_(self):
        nn.init.xavier_normal_(self.entity_embeddings.weight)
        self.conv1.reset_parameters()
        self.fc.reset_parameters()
        if self.apply_batch_normalization:
            self.bn0.reset_parameters()
            self.bn1.reset_parameters()
            self.bn2.reset_parameters()


model = ConvE(apply_batch_normalization=False)
""", note="Out of scope (INI201 is about a None parameter, here the whole optional layer is None). PR: 'When "
          "turning batch normalization off, batch normalization layers are set to None. Therefore, we cannot "
          "initialize these modules in _reset_parameters_()'. The class shape is rebuilt from that description "
          "and pykeen's ConvE of the time (the diff itself was not read). bad: AttributeError 'NoneType' object "
          "has no attribute 'reset_parameters'; good: runs."),

    # ---- collector C -----------------------------------------------------------------------------
    case('pytorch-pytorch-25092', 'https://github.com/pytorch/pytorch/issues/25092', 'init-on-spectral-norm-weight', """
import torch
import torch.nn as nn
from torch.nn.utils import spectral_norm


def init_weights(m):
    if hasattr(m, 'reset_parameters'):
        m.reset_parameters()
    if isinstance(m, nn.ConvTranspose2d) or isinstance(m, nn.Conv2d):
        m.weight.data.normal_(0.0, 0.02)
        if m.bias is not None:
            m.bias.data.fill_(0)
    elif isinstance(m, nn.BatchNorm2d):
        m.weight.data.normal_(1.0, 0.02)
        m.bias.data.fill_(0)


class Discriminator(nn.Module):
    def __init__(self, nc=1, ndf=16):
        super().__init__()
        self.main = nn.Sequential(
            spectral_norm(nn.Conv2d(nc, ndf, 4, 2, 1)),
            nn.LeakyReLU(0.2, inplace=True),
            spectral_norm(nn.Conv2d(ndf, ndf * 2, 4, 2, 1)),
            nn.LeakyReLU(0.2, inplace=True),
            spectral_norm(nn.Conv2d(ndf * 2, 1, 7, 1, 0)),
        )

    def forward(self, x):
        return self.main(x).view(-1)


torch.manual_seed(0)
netD = Discriminator()
netD(torch.randn(2, 1, 28, 28))          # first run
before = netD.main[2].weight_orig.detach().clone()
netD.apply(init_weights)                 # "reset" the model for a new run
after = netD.main[2].weight_orig.detach()
print("weight_orig std after init:", float(after.std()))
assert torch.equal(before, after), "init reached weight_orig"
print("BUG: weight_orig (the trained parameter) is untouched by init_weights")
""", """
import torch
import torch.nn as nn
from torch.nn.utils import spectral_norm


def init_weights(m):
    if hasattr(m, 'reset_parameters'):
        m.reset_parameters()
    if isinstance(m, nn.ConvTranspose2d) or isinstance(m, nn.Conv2d):
        w = m.weight_orig if hasattr(m, "weight_orig") else m.weight
        w.data.normal_(0.0, 0.02)
        if m.bias is not None:
            m.bias.data.fill_(0)
    elif isinstance(m, nn.BatchNorm2d):
        m.weight.data.normal_(1.0, 0.02)
        m.bias.data.fill_(0)


class Discriminator(nn.Module):
    def __init__(self, nc=1, ndf=16):
        super().__init__()
        self.main = nn.Sequential(
            spectral_norm(nn.Conv2d(nc, ndf, 4, 2, 1)),
            nn.LeakyReLU(0.2, inplace=True),
            spectral_norm(nn.Conv2d(ndf, ndf * 2, 4, 2, 1)),
            nn.LeakyReLU(0.2, inplace=True),
            spectral_norm(nn.Conv2d(ndf * 2, 1, 7, 1, 0)),
        )

    def forward(self, x):
        return self.main(x).view(-1)


torch.manual_seed(0)
netD = Discriminator()
netD(torch.randn(2, 1, 28, 28))          # first run
before = netD.main[2].weight_orig.detach().clone()
netD.apply(init_weights)                 # "reset" the model for a new run
after = netD.main[2].weight_orig.detach()
print("weight_orig std after init:", float(after.std()))
assert not torch.equal(before, after)
assert abs(float(after.std()) - 0.02) < 0.005
print("OK: weight_orig re-initialized N(0, 0.02)")
""",
         note='bad: netD.apply(init_weights) writes m.weight of spectral_norm convs (a derived tensor recomputed each forward); weight_orig is bit-identical before/after, assert passes; good: init writes weight_orig when present, its std becomes ~0.02'),
    case('open-mmlab-mmdetection-3187', 'https://github.com/open-mmlab/mmdetection/pull/3187', 'parent-init-loop-overrides-child-zero-init', """
import torch
import torch.nn as nn
import torch.nn.functional as F


def constant_init(module, val, bias=0):
    nn.init.constant_(module.weight, val)
    if hasattr(module, 'bias') and module.bias is not None:
        nn.init.constant_(module.bias, bias)


def xavier_init(module, gain=1, bias=0, distribution='normal'):
    if distribution == 'uniform':
        nn.init.xavier_uniform_(module.weight, gain=gain)
    else:
        nn.init.xavier_normal_(module.weight, gain=gain)
    if hasattr(module, 'bias') and module.bias is not None:
        nn.init.constant_(module.bias, bias)


class SAConv2d(nn.Conv2d):
    # Switchable atrous conv: the switch and the context convs start at zero.

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, bias=True):
        super().__init__(in_channels, out_channels, kernel_size, stride=stride, padding=padding, bias=bias)
        self.switch = nn.Conv2d(self.in_channels, 1, kernel_size=1, stride=stride, bias=True)
        constant_init(self.switch, 0, bias=1)
        self.weight_diff = nn.Parameter(torch.Tensor(self.weight.size()))
        self.weight_diff.data.zero_()
        self.pre_context = nn.Conv2d(self.in_channels, self.in_channels, kernel_size=1, bias=True)
        constant_init(self.pre_context, 0)
        self.post_context = nn.Conv2d(self.out_channels, self.out_channels, kernel_size=1, bias=True)
        constant_init(self.post_context, 0)

    def forward(self, x):
        avg_x = F.adaptive_avg_pool2d(x, output_size=1)
        x = x + self.pre_context(avg_x).expand_as(x)
        avg_x = F.avg_pool2d(F.pad(x, pad=(2, 2, 2, 2), mode='reflect'), kernel_size=5, stride=1)
        switch = self.switch(avg_x)
        out_s = F.conv2d(x, self.weight, self.bias, self.stride, self.padding)
        out_l = F.conv2d(x, self.weight + self.weight_diff, self.bias, self.stride,
                         tuple(3 * p for p in self.padding), (3, 3))
        out = switch * out_s + (1 - switch) * out_l
        avg_x = F.adaptive_avg_pool2d(out, output_size=1)
        return out + self.post_context(avg_x).expand_as(out)


class SACBackbone(nn.Module):
    def __init__(self, in_channels=3, width=8, pretrained=None):
        super().__init__()
        self.pretrained = pretrained
        self.conv1 = nn.Conv2d(in_channels, width, 3, padding=1)
        self.layer1 = SAConv2d(width, width, 3, padding=1)

    def init_weights(self, pretrained=None):
        if pretrained is not None:
            self.load_state_dict(pretrained, strict=False)

    def forward(self, x):
        return self.layer1(F.relu(self.conv1(x)))


class FPN(nn.Module):
    def __init__(self, in_channels=(8,), out_channels=8):
        super().__init__()
        self.out_channels = out_channels
        self.lateral_convs = nn.ModuleList([nn.Conv2d(c, out_channels, 1) for c in in_channels])
        self.fpn_convs = nn.ModuleList([nn.Conv2d(out_channels, out_channels, 3, padding=1) for _ in in_channels])

    def init_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                xavier_init(m, distribution='uniform')

    def forward(self, inputs):
        return [f(l(x)) for l, f, x in zip(self.lateral_convs, self.fpn_convs, inputs)]


class RFP(FPN):
    def __init__(self, rfp_steps=2, backbone_pretrained=None, **kwargs):
        super().__init__(**kwargs)
        self.rfp_steps = rfp_steps
        self.rfp_modules = nn.ModuleList()
        for rfp_idx in range(1, rfp_steps):
            rfp_module = SACBackbone(pretrained=backbone_pretrained)
            self.rfp_modules.append(rfp_module)
        self.rfp_weight = nn.Conv2d(self.out_channels, 1, kernel_size=1, stride=1, padding=0, bias=True)

    def init_weights(self):
        super().init_weights()
        for rfp_idx in range(self.rfp_steps - 1):
            self.rfp_modules[rfp_idx].init_weights(self.rfp_modules[rfp_idx].pretrained)
        constant_init(self.rfp_weight, 0)


torch.manual_seed(0)
neck = RFP(rfp_steps=2)
neck.init_weights()
sac = neck.rfp_modules[0].layer1
print("switch weight abs-sum:", float(sac.switch.weight.detach().abs().sum()), "bias:", sac.switch.bias.tolist())
assert sac.switch.weight.abs().sum() > 0 and sac.pre_context.weight.abs().sum() > 0
print("BUG: the neck's init loop re-initialized SAC's zero-initialized switch/context convs")
""", """
import torch
import torch.nn as nn
import torch.nn.functional as F


def constant_init(module, val, bias=0):
    nn.init.constant_(module.weight, val)
    if hasattr(module, 'bias') and module.bias is not None:
        nn.init.constant_(module.bias, bias)


def xavier_init(module, gain=1, bias=0, distribution='normal'):
    if distribution == 'uniform':
        nn.init.xavier_uniform_(module.weight, gain=gain)
    else:
        nn.init.xavier_normal_(module.weight, gain=gain)
    if hasattr(module, 'bias') and module.bias is not None:
        nn.init.constant_(module.bias, bias)


class SAConv2d(nn.Conv2d):
    # Switchable atrous conv: the switch and the context convs start at zero.

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, bias=True):
        super().__init__(in_channels, out_channels, kernel_size, stride=stride, padding=padding, bias=bias)
        self.switch = nn.Conv2d(self.in_channels, 1, kernel_size=1, stride=stride, bias=True)
        constant_init(self.switch, 0, bias=1)
        self.weight_diff = nn.Parameter(torch.Tensor(self.weight.size()))
        self.weight_diff.data.zero_()
        self.pre_context = nn.Conv2d(self.in_channels, self.in_channels, kernel_size=1, bias=True)
        constant_init(self.pre_context, 0)
        self.post_context = nn.Conv2d(self.out_channels, self.out_channels, kernel_size=1, bias=True)
        constant_init(self.post_context, 0)

    def forward(self, x):
        avg_x = F.adaptive_avg_pool2d(x, output_size=1)
        x = x + self.pre_context(avg_x).expand_as(x)
        avg_x = F.avg_pool2d(F.pad(x, pad=(2, 2, 2, 2), mode='reflect'), kernel_size=5, stride=1)
        switch = self.switch(avg_x)
        out_s = F.conv2d(x, self.weight, self.bias, self.stride, self.padding)
        out_l = F.conv2d(x, self.weight + self.weight_diff, self.bias, self.stride,
                         tuple(3 * p for p in self.padding), (3, 3))
        out = switch * out_s + (1 - switch) * out_l
        avg_x = F.adaptive_avg_pool2d(out, output_size=1)
        return out + self.post_context(avg_x).expand_as(out)


class SACBackbone(nn.Module):
    def __init__(self, in_channels=3, width=8, pretrained=None):
        super().__init__()
        self.pretrained = pretrained
        self.conv1 = nn.Conv2d(in_channels, width, 3, padding=1)
        self.layer1 = SAConv2d(width, width, 3, padding=1)

    def init_weights(self, pretrained=None):
        if pretrained is not None:
            self.load_state_dict(pretrained, strict=False)

    def forward(self, x):
        return self.layer1(F.relu(self.conv1(x)))


class FPN(nn.Module):
    def __init__(self, in_channels=(8,), out_channels=8):
        super().__init__()
        self.out_channels = out_channels
        self.lateral_convs = nn.ModuleList([nn.Conv2d(c, out_channels, 1) for c in in_channels])
        self.fpn_convs = nn.ModuleList([nn.Conv2d(out_channels, out_channels, 3, padding=1) for _ in in_channels])

    def init_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                xavier_init(m, distribution='uniform')

    def forward(self, inputs):
        return [f(l(x)) for l, f, x in zip(self.lateral_convs, self.fpn_convs, inputs)]


class RFP(FPN):
    def __init__(self, rfp_steps=2, backbone_pretrained=None, **kwargs):
        super().__init__(**kwargs)
        self.rfp_steps = rfp_steps
        self.rfp_modules = nn.ModuleList()
        for rfp_idx in range(1, rfp_steps):
            rfp_module = SACBackbone(pretrained=backbone_pretrained)
            self.rfp_modules.append(rfp_module)
        self.rfp_weight = nn.Conv2d(self.out_channels, 1, kernel_size=1, stride=1, padding=0, bias=True)

    def init_weights(self):
        for convs in [self.lateral_convs, self.fpn_convs]:
            for m in convs.modules():
                if isinstance(m, nn.Conv2d):
                    xavier_init(m, distribution='uniform')
        for rfp_idx in range(self.rfp_steps - 1):
            self.rfp_modules[rfp_idx].init_weights(self.rfp_modules[rfp_idx].pretrained)
        constant_init(self.rfp_weight, 0)


torch.manual_seed(0)
neck = RFP(rfp_steps=2)
neck.init_weights()
sac = neck.rfp_modules[0].layer1
print("switch weight abs-sum:", float(sac.switch.weight.detach().abs().sum()), "bias:", sac.switch.bias.tolist())
assert sac.switch.weight.abs().sum() == 0 and bool((sac.switch.bias == 1).all())
assert sac.pre_context.weight.abs().sum() == 0 and sac.post_context.weight.abs().sum() == 0
print("OK: SAC keeps its zero-initialized switch/context convs")
""",
         note="bad: RFP.init_weights -> FPN.init_weights loops self.modules() with xavier_init on every Conv2d and reaches SAConv2d.switch/pre_context/post_context that SAConv2d zero-inits in __init__ via a constant_init helper (switch bias 1); after init switch weight is nonzero and bias 0; good (the PR's fix): loop only over lateral_convs/fpn_convs, SAC convs stay zero, switch bias stays 1"),
    case('mindee-doctr-689', 'https://github.com/mindee/doctr/pull/689', 'init-loop-over-pretrained-submodule', """
from typing import Any, Dict, Optional

import torch
from torch import nn


def _pretrained_state(model: nn.Module) -> Dict[str, torch.Tensor]:
    # stands in for the downloaded ImageNet checkpoint of the backbone
    g = torch.Generator().manual_seed(1234)
    return {k: torch.randn(v.shape, generator=g) * 0.05 + (1.0 if k.endswith('running_var') else 0.0)
            if v.is_floating_point() else v for k, v in model.state_dict().items()}


def vgg16_bn(pretrained: bool = False) -> nn.Module:
    model = nn.Sequential(
        nn.Conv2d(3, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(inplace=True),
        nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(inplace=True),
        nn.AdaptiveAvgPool2d((1, None)),
    )
    if pretrained:
        model.load_state_dict(_pretrained_state(model))
    return model


class CRNN(nn.Module):
    def __init__(
        self,
        feature_extractor: nn.Module,
        vocab: str,
        lstm_features: int,
        rnn_units: int = 128,
        cfg: Optional[Dict[str, Any]] = None,
    ) -> None:
        super().__init__()
        self.vocab = vocab
        self.cfg = cfg
        self.max_length = 32
        self.feat_extractor = feature_extractor

        self.decoder = nn.LSTM(
            input_size=lstm_features, hidden_size=rnn_units, batch_first=True, num_layers=2, bidirectional=True
        )

        # features units = 2 * rnn_units because bidirectional layers
        self.linear = nn.Linear(in_features=2 * rnn_units, out_features=len(vocab) + 1)

        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight.data, mode='fan_out', nonlinearity='relu')
                if m.bias is not None:
                    m.bias.data.zero_()
            elif isinstance(m, nn.BatchNorm2d):
                m.weight.data.fill_(1.0)
                m.bias.data.zero_()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        features = self.feat_extractor(x).squeeze(2).transpose(1, 2)
        logits, _ = self.decoder(features)
        return self.linear(logits)


def _crnn(pretrained_backbone: bool = True, **kwargs: Any):
    # Feature extractor
    feat_extractor = vgg16_bn(pretrained=pretrained_backbone)
    expected = {k: v.clone() for k, v in feat_extractor.state_dict().items()}
    # Build the model
    model = CRNN(feat_extractor, vocab="abcdef", lstm_features=32, rnn_units=16, **kwargs)
    return model, expected


torch.manual_seed(0)
model, expected = _crnn(pretrained_backbone=True)
got = model.feat_extractor.state_dict()
overwritten = [k for k in expected if k.endswith(('weight', 'bias')) and not torch.equal(expected[k], got[k])]
print("pretrained backbone tensors overwritten:", overwritten)
assert overwritten
print(model(torch.randn(2, 3, 8, 32)).shape)
print("BUG: CRNN.__init__ re-initialized the pretrained feature extractor")
""", """
from typing import Any, Dict, Optional

import torch
from torch import nn


def _pretrained_state(model: nn.Module) -> Dict[str, torch.Tensor]:
    # stands in for the downloaded ImageNet checkpoint of the backbone
    g = torch.Generator().manual_seed(1234)
    return {k: torch.randn(v.shape, generator=g) * 0.05 + (1.0 if k.endswith('running_var') else 0.0)
            if v.is_floating_point() else v for k, v in model.state_dict().items()}


def vgg16_bn(pretrained: bool = False) -> nn.Module:
    model = nn.Sequential(
        nn.Conv2d(3, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(inplace=True),
        nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(inplace=True),
        nn.AdaptiveAvgPool2d((1, None)),
    )
    if pretrained:
        model.load_state_dict(_pretrained_state(model))
    return model


class CRNN(nn.Module):
    def __init__(
        self,
        feature_extractor: nn.Module,
        vocab: str,
        lstm_features: int,
        rnn_units: int = 128,
        cfg: Optional[Dict[str, Any]] = None,
    ) -> None:
        super().__init__()
        self.vocab = vocab
        self.cfg = cfg
        self.max_length = 32
        self.feat_extractor = feature_extractor

        self.decoder = nn.LSTM(
            input_size=lstm_features, hidden_size=rnn_units, batch_first=True, num_layers=2, bidirectional=True
        )

        # features units = 2 * rnn_units because bidirectional layers
        self.linear = nn.Linear(in_features=2 * rnn_units, out_features=len(vocab) + 1)

        for n, m in self.named_modules():
            # Don't override the initialization of the backbone
            if n.startswith('feat_extractor.'):
                continue
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight.data, mode='fan_out', nonlinearity='relu')
                if m.bias is not None:
                    m.bias.data.zero_()
            elif isinstance(m, nn.BatchNorm2d):
                m.weight.data.fill_(1.0)
                m.bias.data.zero_()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        features = self.feat_extractor(x).squeeze(2).transpose(1, 2)
        logits, _ = self.decoder(features)
        return self.linear(logits)


def _crnn(pretrained_backbone: bool = True, **kwargs: Any):
    # Feature extractor
    feat_extractor = vgg16_bn(pretrained=pretrained_backbone)
    expected = {k: v.clone() for k, v in feat_extractor.state_dict().items()}
    # Build the model
    model = CRNN(feat_extractor, vocab="abcdef", lstm_features=32, rnn_units=16, **kwargs)
    return model, expected


torch.manual_seed(0)
model, expected = _crnn(pretrained_backbone=True)
got = model.feat_extractor.state_dict()
overwritten = [k for k in expected if k.endswith(('weight', 'bias')) and not torch.equal(expected[k], got[k])]
print("pretrained backbone tensors overwritten:", overwritten)
assert overwritten == []
print(model(torch.randn(2, 3, 8, 32)).shape)
print("OK: the pretrained feature extractor is kept")
""",
         note="bad: the factory builds vgg16_bn(pretrained=True) (load_state_dict of a stand-in checkpoint) and hands it to CRNN.__init__, whose `for m in self.modules()` kaiming/BN init overwrites all 8 backbone weight/bias tensors; good (the PR's fix): named_modules() loop skips names starting with 'feat_extractor.', nothing is overwritten. Note: the pretrained source sits in the factory _crnn, not in __init__ (as in doctr)"),
    case('pytorch-pytorch-76636', 'https://github.com/pytorch/pytorch/issues/76636', 'reset-parameters-after-weight-norm', """
import torch

torch.manual_seed(0)
module = torch.nn.utils.weight_norm(torch.nn.Linear(20, 40), name='weight')
params_before = {k: p.detach().clone() for k, p in module.named_parameters()}
module.reset_parameters()
params_after = {k: p.detach().clone() for k, p in module.named_parameters()}
unchanged = [k for k in params_before if torch.equal(params_before[k], params_after[k])]
print("unchanged after reset_parameters:", unchanged)
assert set(unchanged) == {"weight_g", "weight_v"}
print("BUG: reset_parameters() wrote the derived .weight, weight_g/weight_v keep their old values")
""", """
import torch

torch.manual_seed(0)
module = torch.nn.utils.weight_norm(torch.nn.Linear(20, 40), name='weight')
params_before = {k: p.detach().clone() for k, p in module.named_parameters()}
torch.nn.utils.remove_weight_norm(module, name='weight')
module.reset_parameters()
module = torch.nn.utils.weight_norm(module, name='weight')
params_after = {k: p.detach().clone() for k, p in module.named_parameters()}
unchanged = [k for k in params_before if torch.equal(params_before[k], params_after[k])]
print("unchanged after reset_parameters:", unchanged)
assert unchanged == []
print("OK: every parameter was reset")
""",
         note='bad: module.reset_parameters() on weight_norm(nn.Linear) re-inits only the derived .weight (and bias); weight_g and weight_v are unchanged (asserted); good: remove_weight_norm, reset_parameters, re-apply weight_norm: every parameter changes. Out of scope: INI306 names nn.init/in-place inits of X.weight, not reset_parameters()'),
]
