"""The third set of bugs rebuilt from real public bug reports about weight initialization (issue 9), the
second held out.

Collected on 2026-12-02 by three engineers, one per range of the rule catalogue (INI0xx-INI1xx, INI2xx, INI3xx),
who did not run initlint and did not read its source, tests, benches or docs: they read only each rule page's title
and "What it does", found each report with a search of public issue trackers and Q&A pages (none of the reports of
``tests/real_reports.py`` or ``tests/heldout_reports.py``, nor any rule page's references), rebuilt the bug in
their own words keeping the code's idiom, and ran the bad program and its corrected twin with torch to check that
the bug shows (``note`` says how). The set was measured once, as collected, on the commit named in docs/recall.md.
Same format as ``tests/real_reports.py``; read by ``tests/test_heldout3_reports.py`` and
``python bench/recall.py --corpus tests/heldout3_reports.py``.
"""

CLASSES = {'layers-in-plain-list': ('INI002',),
 'repeated-module-in-list-multiply': ('INI003',),
 'bare-parameter-never-initialized': ('INI004',),
 'deprecated-init-alias': ('INI101',),
 'fan-init-on-bias-vector': ('INI102',),
 'unsupported-nonlinearity-string': ('INI103',),
 'inplace-write-to-parameter-with-grad': ('INI107',),
 'trunc-normal-default-absolute-bounds': ('INI106',),
 'layer-read-under-undefined-name': ('INI001',),
 'layer-built-but-unused': ('INI005',),
 'init-dispatch-wrong-conv-dim': ('INI202',),
 'norm-affine-false-unguarded-init': ('INI201',),
 'bias-false-unguarded-init': ('INI201',),
 'padding-row-overwritten-by-init': ('INI205',),
 'padding-idx-zeroed-without-none-guard': ('INI205',),
 'duplicate-init-target': ('INI207',),
 'hf-init-weights-inplace-bypasses-guard': ('INI211',),
 'class-name-dispatch-matches-wrapper': ('INI203',),
 'stacked-gate-orthogonal': ('INI208',),
 'copy-paste-init-same-layer': ('INI207',),
 'padding-row-lost-by-weight-replacement': ('INI205',),
 'init-dispatch-covers-no-built-layer': ('INI202', 'INI210'),
 'init-before-weight-norm-lost': ('INI306',),
 'init-method-call-dropped': ('INI304',),
 'init-function-never-called': ('INI304',),
 'bound-noarg-init-passed-to-apply': ('INI309',),
 'hf-constructor-init-lost-on-from-pretrained': ('INI311',),
 'framework-init-after-constructor-load': ('INI301',),
 'lazy-init-before-dry-run': ('INI307',),
 'parent-init-overrides-child-zero-init': ('INI308',),
 'tied-weight-gets-embedding-init': ('INI310',),
 'init-loop-over-pretrained-submodule': ('INI305',),
 'lazy-reset-before-in-features-set': None,
 'apply-in-base-init-before-layers': ('INI302',)}


def case(id, url, cls, bad, good, note="", scope=None):
    assert cls in CLASSES, cls
    return {"id": id, "url": url, "cls": cls, "bad": bad, "good": good, "note": note, "scope": scope}


CASES = [

    # ---- collector A ------------------------------------------------------------------------------------------
    case("pytorch-pytorch-715", "https://github.com/pytorch/pytorch/issues/715", "layers-in-plain-list", """
import torch
import torch.nn as nn


class SNLINet(nn.Module):
    def __init__(self, options):
        super(SNLINet, self).__init__()
        indim = options['n_in']
        self.hids = []
        for li in range(options['n_layers']):
            self.hids.append([
                nn.Linear(indim, options['n_hid']),
                getattr(nn, options['act'])(),
            ])
            indim = options['n_hid']
        self.classifier = nn.Linear(options['n_hid'], 3)

    def forward(self, x):
        for lin, act in self.hids:
            x = act(lin(x))
        return self.classifier(x)


net = SNLINet({'n_in': 8, 'n_hid': 16, 'n_layers': 2, 'act': 'Tanh'})
n_params = sum(p.numel() for p in net.parameters())
print('registered params:', n_params)
assert n_params == 16 * 3 + 3, n_params  # only the classifier is registered
""", """
import torch
import torch.nn as nn


class SNLINet(nn.Module):
    def __init__(self, options):
        super(SNLINet, self).__init__()
        indim = options['n_in']
        hids = []
        for li in range(options['n_layers']):
            hids.append(nn.ModuleList([
                nn.Linear(indim, options['n_hid']),
                getattr(nn, options['act'])(),
            ]))
            indim = options['n_hid']
        self.hids = nn.ModuleList(hids)
        self.classifier = nn.Linear(options['n_hid'], 3)

    def forward(self, x):
        for lin, act in self.hids:
            x = act(lin(x))
        return self.classifier(x)


net = SNLINet({'n_in': 8, 'n_hid': 16, 'n_layers': 2, 'act': 'Tanh'})
n_params = sum(p.numel() for p in net.parameters())
print('registered params:', n_params)
assert n_params == (8 * 16 + 16) + (16 * 16 + 16) + (16 * 3 + 3), n_params
""", note="Counted net.parameters(): with the plain list of [Linear, act] pairs only the classifier's 51 parameters are registered (so no init/optimizer/.cuda reaches the hidden layers); wrapping in nn.ModuleList registers all of them."),

    case("pytorch-pytorch-666", "https://github.com/pytorch/pytorch/issues/666", "layers-in-plain-list", """
import torch
import torch.nn as nn


class net(nn.Module):
    def __init__(self, num_layers):
        super(net, self).__init__()
        self.layer = nn.Linear(1, 1)
        self.list_of_layers = [nn.Linear(1, 1) for i in range(num_layers)]

    def forward(self, x):
        x = self.layer(x)
        for l in self.list_of_layers:
            x = l(x)
        return x


n = net(4)
print(n)
names = [k for k, _ in n.named_parameters()]
print(names)
assert names == ['layer.weight', 'layer.bias'], names
""", """
import torch
import torch.nn as nn


class net(nn.Module):
    def __init__(self, num_layers):
        super(net, self).__init__()
        self.layer = nn.Linear(1, 1)
        self.list_of_layers = nn.ModuleList([nn.Linear(1, 1) for i in range(num_layers)])

    def forward(self, x):
        x = self.layer(x)
        for l in self.list_of_layers:
            x = l(x)
        return x


n = net(4)
print(n)
names = [k for k, _ in n.named_parameters()]
print(names)
assert len(names) == 2 + 4 * 2, names
""", note="named_parameters() of the bad net lists only layer.weight/layer.bias (the 4 list-comprehension layers are invisible); with nn.ModuleList all 10 tensors are registered."),

    case("zalandoresearch-pytorch-vq-vae-2", "https://github.com/zalandoresearch/pytorch-vq-vae/issues/2", "repeated-module-in-list-multiply", """
import torch
import torch.nn as nn
import torch.nn.functional as F


class Residual(nn.Module):
    def __init__(self, in_channels, num_hiddens, num_residual_hiddens):
        super(Residual, self).__init__()
        self._block = nn.Sequential(
            nn.ReLU(True),
            nn.Conv2d(in_channels, num_residual_hiddens, kernel_size=3, stride=1, padding=1, bias=False),
            nn.ReLU(True),
            nn.Conv2d(num_residual_hiddens, num_hiddens, kernel_size=1, stride=1, bias=False),
        )

    def forward(self, x):
        return x + self._block(x)


class ResidualStack(nn.Module):
    def __init__(self, in_channels, num_hiddens, num_residual_layers, num_residual_hiddens):
        super(ResidualStack, self).__init__()
        self._num_residual_layers = num_residual_layers
        self._layers = nn.ModuleList(
            [Residual(in_channels, num_hiddens, num_residual_hiddens)] * self._num_residual_layers)

    def forward(self, x):
        for i in range(self._num_residual_layers):
            x = self._layers[i](x)
        return F.relu(x)


stack = ResidualStack(8, 8, 2, 4)
assert stack._layers[0] is stack._layers[1]
n = sum(p.numel() for p in stack.parameters())
print('params:', n)
assert n == 8 * 4 * 9 + 4 * 8  # one block's worth: the two layers share weights
""", """
import torch
import torch.nn as nn
import torch.nn.functional as F


class Residual(nn.Module):
    def __init__(self, in_channels, num_hiddens, num_residual_hiddens):
        super(Residual, self).__init__()
        self._block = nn.Sequential(
            nn.ReLU(True),
            nn.Conv2d(in_channels, num_residual_hiddens, kernel_size=3, stride=1, padding=1, bias=False),
            nn.ReLU(True),
            nn.Conv2d(num_residual_hiddens, num_hiddens, kernel_size=1, stride=1, bias=False),
        )

    def forward(self, x):
        return x + self._block(x)


class ResidualStack(nn.Module):
    def __init__(self, in_channels, num_hiddens, num_residual_layers, num_residual_hiddens):
        super(ResidualStack, self).__init__()
        self._num_residual_layers = num_residual_layers
        self._layers = nn.ModuleList(
            [Residual(in_channels, num_hiddens, num_residual_hiddens) for _ in range(self._num_residual_layers)])

    def forward(self, x):
        for i in range(self._num_residual_layers):
            x = self._layers[i](x)
        return F.relu(x)


stack = ResidualStack(8, 8, 2, 4)
assert stack._layers[0] is not stack._layers[1]
n = sum(p.numel() for p in stack.parameters())
print('params:', n)
assert n == 2 * (8 * 4 * 9 + 4 * 8)
""", note="In the bad stack _layers[0] is _layers[1] and parameters() holds one block's worth (one init, shared weights); the list comprehension gives two independent blocks with twice the parameters."),

    case("yaoppeng-U-Net_v2-10", "https://github.com/yaoppeng/U-Net_v2/issues/10", "repeated-module-in-list-multiply", """
import torch
import torch.nn as nn
import torch.nn.functional as F


class SDI(nn.Module):
    def __init__(self, channel):
        super().__init__()
        self.convs = nn.ModuleList(
            [nn.Conv2d(channel, channel, kernel_size=3, stride=1, padding=1)] * 4)

    def forward(self, xs, anchor):
        ans = torch.ones_like(anchor)
        target_size = anchor.shape[-1]
        for i, x in enumerate(xs):
            x = F.adaptive_avg_pool2d(x, (target_size, target_size))
            ans = ans * self.convs[i](x)
        return ans


sdi = SDI(4)
w = [c.weight for c in sdi.convs]
assert all(t is w[0] for t in w)
print('distinct conv weights:', len({id(t) for t in w}))
assert len(list(sdi.parameters())) == 2
""", """
import torch
import torch.nn as nn
import torch.nn.functional as F


class SDI(nn.Module):
    def __init__(self, channel):
        super().__init__()
        self.convs = nn.ModuleList(
            [nn.Conv2d(channel, channel, kernel_size=3, stride=1, padding=1) for _ in range(4)])

    def forward(self, xs, anchor):
        ans = torch.ones_like(anchor)
        target_size = anchor.shape[-1]
        for i, x in enumerate(xs):
            x = F.adaptive_avg_pool2d(x, (target_size, target_size))
            ans = ans * self.convs[i](x)
        return ans


sdi = SDI(4)
w = [c.weight for c in sdi.convs]
print('distinct conv weights:', len({id(t) for t in w}))
assert len({id(t) for t in w}) == 4
assert len(list(sdi.parameters())) == 8
""", note="Checked identity of the four conv weights: `[conv] * 4` yields one Conv2d (1 distinct weight, 2 parameters total); the comprehension yields 4 independently initialized convs."),

    case("tail-unica-hopwise-271", "https://github.com/tail-unica/hopwise/issues/271", "bare-parameter-never-initialized", """
import torch
import torch.nn as nn


class AttnHGCN(nn.Module):
    def __init__(self, channel, n_hops, n_users, n_relations, node_dropout_rate=0.5, mess_dropout_rate=0.1):
        super(AttnHGCN, self).__init__()
        self.n_relations = n_relations
        self.n_users = n_users
        initializer = nn.init.xavier_uniform_
        relation_emb = initializer(torch.empty(n_relations - 1, channel))
        self.relation_emb = nn.Parameter(relation_emb)
        self.W_Q = nn.Parameter(torch.Tensor(channel, channel))
        self.n_heads = 2
        self.d_k = channel // self.n_heads

    def forward(self, entity_emb):
        query = (entity_emb @ self.W_Q).view(-1, self.n_heads, self.d_k)
        return query


torch.manual_seed(0)
# fill the allocator with garbage first so the uninitialized memory is visibly junk
junk = torch.full((64 * 64,), float('nan')); del junk
m = AttnHGCN(64, 2, 10, 5)
w = m.W_Q.detach()
print('W_Q std', w.std().item(), 'finite', torch.isfinite(w).all().item())
expected_bound = (6.0 / (64 + 64)) ** 0.5
ok = torch.isfinite(w).all() and w.abs().max() <= expected_bound and w.std() > 0.05
assert not ok, 'W_Q unexpectedly looks xavier-initialized'
""", """
import torch
import torch.nn as nn


class AttnHGCN(nn.Module):
    def __init__(self, channel, n_hops, n_users, n_relations, node_dropout_rate=0.5, mess_dropout_rate=0.1):
        super(AttnHGCN, self).__init__()
        self.n_relations = n_relations
        self.n_users = n_users
        initializer = nn.init.xavier_uniform_
        relation_emb = initializer(torch.empty(n_relations - 1, channel))
        self.relation_emb = nn.Parameter(relation_emb)
        self.W_Q = nn.Parameter(torch.Tensor(channel, channel))
        nn.init.xavier_uniform_(self.W_Q)
        self.n_heads = 2
        self.d_k = channel // self.n_heads

    def forward(self, entity_emb):
        query = (entity_emb @ self.W_Q).view(-1, self.n_heads, self.d_k)
        return query


torch.manual_seed(0)
junk = torch.full((64 * 64,), float('nan')); del junk
m = AttnHGCN(64, 2, 10, 5)
w = m.W_Q.detach()
print('W_Q std', w.std().item(), 'finite', torch.isfinite(w).all().item())
expected_bound = (6.0 / (64 + 64)) ** 0.5
assert torch.isfinite(w).all() and w.abs().max() <= expected_bound + 1e-6 and w.std() > 0.05
""", note="W_Q is torch.Tensor(channel, channel) garbage memory; after pre-filling the allocator with NaN the bad W_Q is non-finite or not in the xavier range, while the twin's xavier_uniform_ W_Q is finite and bounded by sqrt(6/(2*64))."),
    case("Cyanogenoid-pytorch-vqa-23", "https://github.com/Cyanogenoid/pytorch-vqa/pull/23", "deprecated-init-alias", """
import warnings
import torch
import torch.nn as nn
import torch.nn.init as init


class TextProcessor(nn.Module):
    def __init__(self, embedding_tokens, embedding_features, lstm_features, drop=0.0):
        super(TextProcessor, self).__init__()
        self.embedding = nn.Embedding(embedding_tokens, embedding_features, padding_idx=0)
        self.drop = nn.Dropout(drop)
        self.tanh = nn.Tanh()
        self.lstm = nn.LSTM(input_size=embedding_features, hidden_size=lstm_features, num_layers=1)
        self._init_lstm(self.lstm.weight_ih_l0)
        self._init_lstm(self.lstm.weight_hh_l0)
        self.lstm.bias_ih_l0.data.zero_()
        self.lstm.bias_hh_l0.data.zero_()
        init.xavier_uniform(self.embedding.weight)

    def _init_lstm(self, weight):
        for w in weight.chunk(4, 0):
            init.xavier_uniform(w)


class Net(nn.Module):
    def __init__(self, embedding_tokens):
        super(Net, self).__init__()
        self.text = TextProcessor(embedding_tokens, 30, 16, drop=0.5)
        self.q_lin = nn.Linear(16, 8)
        self.x_conv = nn.Conv2d(8, 2, 1)
        for m in self.modules():
            if isinstance(m, nn.Linear) or isinstance(m, nn.Conv2d):
                init.xavier_uniform(m.weight)
                if m.bias is not None:
                    m.bias.data.zero_()


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    net = Net(100)
dep = [w for w in caught if 'deprecated' in str(w.message)]
print(len(dep), 'deprecation warnings;', dep[0].message if dep else None)
assert dep, 'expected nn.init deprecation warnings'
""", """
import warnings
import torch
import torch.nn as nn
import torch.nn.init as init


class TextProcessor(nn.Module):
    def __init__(self, embedding_tokens, embedding_features, lstm_features, drop=0.0):
        super(TextProcessor, self).__init__()
        self.embedding = nn.Embedding(embedding_tokens, embedding_features, padding_idx=0)
        self.drop = nn.Dropout(drop)
        self.tanh = nn.Tanh()
        self.lstm = nn.LSTM(input_size=embedding_features, hidden_size=lstm_features, num_layers=1)
        self._init_lstm(self.lstm.weight_ih_l0)
        self._init_lstm(self.lstm.weight_hh_l0)
        self.lstm.bias_ih_l0.data.zero_()
        self.lstm.bias_hh_l0.data.zero_()
        init.xavier_uniform_(self.embedding.weight)

    def _init_lstm(self, weight):
        for w in weight.chunk(4, 0):
            init.xavier_uniform_(w)


class Net(nn.Module):
    def __init__(self, embedding_tokens):
        super(Net, self).__init__()
        self.text = TextProcessor(embedding_tokens, 30, 16, drop=0.5)
        self.q_lin = nn.Linear(16, 8)
        self.x_conv = nn.Conv2d(8, 2, 1)
        for m in self.modules():
            if isinstance(m, nn.Linear) or isinstance(m, nn.Conv2d):
                init.xavier_uniform_(m.weight)
                if m.bias is not None:
                    m.bias.data.zero_()


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    net = Net(100)
dep = [w for w in caught if 'deprecated' in str(w.message)]
print(len(dep), 'deprecation warnings')
assert not dep
""", note="Recorded warnings while building Net: the bad version (init.xavier_uniform via `import torch.nn.init as init`, incl. inside _init_lstm on chunks) raises FutureWarning 'nn.init.xavier_uniform is now deprecated'; the underscore twin raises none."),

    case("dsgiitr-d2l-pytorch-17", "https://github.com/dsgiitr/d2l-pytorch/pull/17", "deprecated-init-alias", """
import warnings
import torch
from torch import nn

net = nn.Sequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))


def xavier(m):
    if type(m) == nn.Linear:
        torch.nn.init.xavier_uniform(m.weight)


def init_42(m):
    if type(m) == nn.Linear:
        torch.nn.init.constant(m.weight, 42)


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    net[0].apply(xavier)
    net[2].apply(init_42)
msgs = [str(w.message) for w in caught if 'deprecated' in str(w.message)]
print(msgs)
assert len(msgs) == 2
""", """
import warnings
import torch
from torch import nn

net = nn.Sequential(nn.Linear(20, 256), nn.ReLU(), nn.Linear(256, 10))


def xavier(m):
    if type(m) == nn.Linear:
        torch.nn.init.xavier_uniform_(m.weight)


def init_42(m):
    if type(m) == nn.Linear:
        torch.nn.init.constant_(m.weight, 42)


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    net[0].apply(xavier)
    net[2].apply(init_42)
msgs = [str(w.message) for w in caught if 'deprecated' in str(w.message)]
print(msgs)
assert not msgs
""", note="The d2l 'Parameter Initialization' style apply-hooks call torch.nn.init.xavier_uniform / constant without underscore; recording warnings shows FutureWarning deprecations for the bad hooks and none for the underscore twin."),

    case("pytorch-pytorch-3418", "https://github.com/pytorch/pytorch/issues/3418", "fan-init-on-bias-vector", """
import torch
import torch.nn as nn
from torch.nn import init

layer = nn.Linear(10, 5)
init.kaiming_normal_(layer.weight)
try:
    init.kaiming_normal_(layer.bias)
except ValueError as e:
    print('ValueError:', e)
    raise SystemExit(0)
raise AssertionError('expected ValueError on the bias')
""", """
import torch
import torch.nn as nn
from torch.nn import init

layer = nn.Linear(10, 5)
init.kaiming_normal_(layer.weight)
layer.bias.data.zero_()
assert torch.count_nonzero(layer.bias) == 0
print('ok, bias zeroed')
""", note="Kaiming on the 1-D bias raises 'Fan in and fan out can not be computed for tensor with fewer than 2 dimensions'; the maintainer's answer (zero the bias with layer.bias.data.zero_()) runs and leaves the bias at 0."),

    case("ShuangXieIrene-ssds.pytorch-9", "https://github.com/ShuangXieIrene/ssds.pytorch/issues/9", "fan-init-on-bias-vector", """
import torch
import torch.nn as nn
from torch.nn import init


class InvertedResidual(nn.Module):
    def __init__(self, inp, oup):
        super(InvertedResidual, self).__init__()
        self.conv = nn.Sequential(
            nn.Conv2d(inp, inp * 2, 1, 1, 0, bias=False),
            nn.BatchNorm2d(inp * 2),
            nn.ReLU6(inplace=True),
            nn.Conv2d(inp * 2, oup, 1, 1, 0, bias=False),
            nn.BatchNorm2d(oup),
        )

    def forward(self, x):
        return x + self.conv(x)


class Solver(object):
    def __init__(self):
        self.model = nn.Module()
        self.model.extras = nn.Sequential(InvertedResidual(8, 8), InvertedResidual(8, 8))

    def weights_init(self, m):
        for key in m.state_dict():
            if key.split('.')[-1] == 'weight':
                if 'conv' in key:
                    init.kaiming_normal_(m.state_dict()[key], mode='fan_out')
                if 'bn' in key:
                    m.state_dict()[key][...] = 1
            elif key.split('.')[-1] == 'bias':
                m.state_dict()[key][...] = 0

    def initialize(self):
        for module in ['extras']:
            if hasattr(self.model, module):
                getattr(self.model, module).apply(self.weights_init)


s = Solver()
try:
    s.initialize()
except ValueError as e:
    print('ValueError:', e)
    raise SystemExit(0)
raise AssertionError('expected ValueError')
""", """
import torch
import torch.nn as nn
from torch.nn import init


class InvertedResidual(nn.Module):
    def __init__(self, inp, oup):
        super(InvertedResidual, self).__init__()
        self.conv = nn.Sequential(
            nn.Conv2d(inp, inp * 2, 1, 1, 0, bias=False),
            nn.BatchNorm2d(inp * 2),
            nn.ReLU6(inplace=True),
            nn.Conv2d(inp * 2, oup, 1, 1, 0, bias=False),
            nn.BatchNorm2d(oup),
        )

    def forward(self, x):
        return x + self.conv(x)


class Solver(object):
    def __init__(self):
        self.model = nn.Module()
        self.model.extras = nn.Sequential(InvertedResidual(8, 8), InvertedResidual(8, 8))

    def weights_init(self, m):
        for key in m.state_dict():
            if key.split('.')[-1] == 'weight':
                if 'conv' in key:
                    init.kaiming_normal_(m.state_dict()[key], mode='fan_out')
                if 'bn' in key:
                    m.state_dict()[key][...] = 1
            elif key.split('.')[-1] == 'bias':
                m.state_dict()[key][...] = 0

    def initialize(self):
        # TODO: ADD INIT ways
        # raise ValueError("Fan in and fan out can not be computed for tensor with less than 2 dimensions")
        # for module in ['extras']:
        #     if hasattr(self.model, module):
        #         getattr(self.model, module).apply(self.weights_init)
        pass


s = Solver()
s.initialize()
bn = s.model.extras[0].conv[1]
assert torch.all(bn.weight == 1) and bn.weight.dim() == 1
print('ok: extras keep their default init')
""", note="In a MobileNetV2-style block the BatchNorm sits inside `self.conv`, so state_dict key 'conv.1.weight' contains 'conv' and the 1-D BN weight goes to kaiming_normal_ -> ValueError 'Fan in and fan out...'. The maintainer's fix (per the issue) was to drop the weights_init call, which the twin mirrors (commented out as in ssds_train.py); it runs."),
    case("Adamdad-kat-20", "https://github.com/Adamdad/kat/issues/20", "unsupported-nonlinearity-string", """
import math
import torch
import torch.nn as nn


def named_apply(fn, module, name='', depth_first=True, include_root=False):
    if not depth_first and include_root:
        fn(module=module, name=name)
    for child_name, child_module in module.named_children():
        child_name = '.'.join((name, child_name)) if name else child_name
        named_apply(fn=fn, module=child_module, name=child_name, depth_first=depth_first, include_root=True)
    if depth_first and include_root:
        fn(module=module, name=name)
    return module


class KAN(nn.Module):
    def __init__(self, in_features, hidden_features):
        super().__init__()
        self.fc1 = nn.Linear(in_features, hidden_features)
        self.act = nn.SiLU()
        self.fc2 = nn.Linear(hidden_features, in_features)

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


class Block(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.norm = nn.LayerNorm(dim)
        self.mlp = KAN(dim, dim * 4)

    def forward(self, x):
        return x + self.mlp(self.norm(x))


def init_weights_vit_kan_swish(module, name=''):
    if isinstance(module, nn.Linear):
        if 'mlp' in name:
            if 'fc1' in name:
                nn.init.kaiming_normal_(module.weight, mode='fan_in', nonlinearity='linear')
            elif 'fc2' in name:
                nn.init.kaiming_normal_(module.weight, mode='fan_in', nonlinearity='swish')
        if module.bias is not None:
            nn.init.zeros_(module.bias)


class KAT(nn.Module):
    def __init__(self, dim=16, depth=2, weight_init='kan', act_init='swish'):
        super().__init__()
        self.blocks = nn.Sequential(*[Block(dim) for _ in range(depth)])
        self.head = nn.Linear(dim, 10)
        self.act_init = act_init
        self.init_weights(weight_init)

    def init_weights(self, mode=''):
        mode = mode + f'_{self.act_init}' if 'kan' in mode else mode
        assert mode == 'kan_swish'
        named_apply(init_weights_vit_kan_swish, self)


try:
    KAT()
except ValueError as e:
    print('ValueError:', e)
    raise SystemExit(0)
raise AssertionError('expected Unsupported nonlinearity')
""", """
import math
import torch
import torch.nn as nn

_torch_calculate_gain = torch.nn.init.calculate_gain


def calculate_gain(nonlinearity, param=None):
    # gains for activations torch does not know, as in katransformer.py
    if nonlinearity == 'gelu':
        return math.sqrt(2.3567850379928976)
    if nonlinearity == 'silu' or nonlinearity == 'swish':
        return math.sqrt(2.8178205270359653)
    return _torch_calculate_gain(nonlinearity, param)


torch.nn.init.calculate_gain = calculate_gain


def named_apply(fn, module, name='', depth_first=True, include_root=False):
    if not depth_first and include_root:
        fn(module=module, name=name)
    for child_name, child_module in module.named_children():
        child_name = '.'.join((name, child_name)) if name else child_name
        named_apply(fn=fn, module=child_module, name=child_name, depth_first=depth_first, include_root=True)
    if depth_first and include_root:
        fn(module=module, name=name)
    return module


class KAN(nn.Module):
    def __init__(self, in_features, hidden_features):
        super().__init__()
        self.fc1 = nn.Linear(in_features, hidden_features)
        self.act = nn.SiLU()
        self.fc2 = nn.Linear(hidden_features, in_features)

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


class Block(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.norm = nn.LayerNorm(dim)
        self.mlp = KAN(dim, dim * 4)

    def forward(self, x):
        return x + self.mlp(self.norm(x))


def init_weights_vit_kan_swish(module, name=''):
    if isinstance(module, nn.Linear):
        if 'mlp' in name:
            if 'fc1' in name:
                nn.init.kaiming_normal_(module.weight, mode='fan_in', nonlinearity='linear')
            elif 'fc2' in name:
                nn.init.kaiming_normal_(module.weight, mode='fan_in', nonlinearity='swish')
        if module.bias is not None:
            nn.init.zeros_(module.bias)


class KAT(nn.Module):
    def __init__(self, dim=16, depth=2, weight_init='kan', act_init='swish'):
        super().__init__()
        self.blocks = nn.Sequential(*[Block(dim) for _ in range(depth)])
        self.head = nn.Linear(dim, 10)
        self.act_init = act_init
        self.init_weights(weight_init)

    def init_weights(self, mode=''):
        mode = mode + f'_{self.act_init}' if 'kan' in mode else mode
        assert mode == 'kan_swish'
        named_apply(init_weights_vit_kan_swish, self)


torch.manual_seed(0)
m = KAT()
w = m.blocks[0].mlp.fc2.weight
expected = math.sqrt(2.8178205270359653) / math.sqrt(w.shape[1])
print('fc2 std', w.std().item(), 'expected', expected)
assert abs(w.std().item() - expected) / expected < 0.1
""", note="kaiming_normal_(nonlinearity='swish') in the named_apply init raises ValueError 'Unsupported nonlinearity swish' from torch's calculate_gain; the answer points to katransformer.py's own calculate_gain (with silu/swish gains) patched over torch.nn.init.calculate_gain, after which fc2's std matches sqrt(2.818)/sqrt(fan_in). The twin keeps the literal 'swish' (the fix is the monkeypatch, not a changed string)."),

    case("PingoLH-FCHarDNet-61", "https://github.com/PingoLH/FCHarDNet/issues/61", "inplace-write-to-parameter-with-grad", """
import torch
import torch.nn as nn
import torch.nn.functional as F


class CatConv2d(nn.Module):
    # conv over a list of inputs without materialising torch.cat
    def __init__(self, in_channels, out_channels, kernel_size, relu=False):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(out_channels, in_channels, *kernel_size))
        self.bias = nn.Parameter(torch.zeros(out_channels))
        nn.init.kaiming_uniform_(self.weight)
        self.relu = relu

    def forward(self, xs):
        out = F.conv2d(torch.cat(xs, 1), self.weight, self.bias, padding=1)
        return F.relu(out) if self.relu else out


x_list = [4, 6]
output_ch = 5
W = torch.randn(output_ch, sum(x_list), 3, 3)
bias = torch.randn(output_ch)

cconv = CatConv2d(sum(x_list), output_ch, (3, 3), relu=False)
try:
    cconv.weight[:, :, :, :] = W[:, :, :, :]
    cconv.bias[:] = bias[:]
except RuntimeError as e:
    print('RuntimeError:', e)
    raise SystemExit(0)
raise AssertionError('expected leaf-variable in-place error')
""", """
import torch
import torch.nn as nn
import torch.nn.functional as F


class CatConv2d(nn.Module):
    # conv over a list of inputs without materialising torch.cat
    def __init__(self, in_channels, out_channels, kernel_size, relu=False):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(out_channels, in_channels, *kernel_size))
        self.bias = nn.Parameter(torch.zeros(out_channels))
        nn.init.kaiming_uniform_(self.weight)
        self.relu = relu

    def forward(self, xs):
        out = F.conv2d(torch.cat(xs, 1), self.weight, self.bias, padding=1)
        return F.relu(out) if self.relu else out


x_list = [4, 6]
output_ch = 5
W = torch.randn(output_ch, sum(x_list), 3, 3)
bias = torch.randn(output_ch)

cconv = CatConv2d(sum(x_list), output_ch, (3, 3), relu=False)
with torch.no_grad():
    cconv.weight[:, :, :, :] = W[:, :, :, :]
    cconv.bias[:] = bias[:]

conv = nn.Conv2d(sum(x_list), output_ch, kernel_size=3, stride=1, bias=True, padding=1)
with torch.no_grad():
    conv.weight[:, :, :, :] = W[:, :, :, :]
    conv.bias[:] = bias[:]

X_list = [torch.randn(2, c, 7, 7) for c in x_list]
diff = (cconv(X_list) - conv(torch.cat(X_list, 1))).abs().max().item()
print('max diff', diff)
assert diff < 1e-4 and cconv.weight.requires_grad
""", note="Slice-assigning W into the Parameter of the custom CatConv2d raises the leaf-Variable-in-place RuntimeError reported in the issue; doing the same copies under torch.no_grad() works and both convs then give equal outputs."),

    case("Hunter-DDM-knowledge-neurons-14", "https://github.com/Hunter-DDM/knowledge-neurons/issues/14", "inplace-write-to-parameter-with-grad", """
import torch
import torch.nn as nn


class Output(nn.Module):
    def __init__(self, inter, hidden):
        super().__init__()
        self.dense = nn.Linear(inter, hidden)


class Layer(nn.Module):
    def __init__(self, inter, hidden):
        super().__init__()
        self.output = Output(inter, hidden)


class Encoder(nn.Module):
    def __init__(self, n, inter, hidden):
        super().__init__()
        self.layer = nn.ModuleList([Layer(inter, hidden) for _ in range(n)])


class Bert(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = Encoder(2, 32, 8)


class BertForMaskedLM(nn.Module):
    def __init__(self):
        super().__init__()
        self.bert = Bert()


model = BertForMaskedLM()
kn_bag = [(1, 5), (0, 17)]
ori_pred_emb = torch.randn(8)
tgt_emb = torch.randn(8)
lambda_list_1 = [1.0, 1.0]
lambda_list_2 = [1.0, 1.0]
try:
    for i, (layer, pos) in enumerate(kn_bag):
        model.bert.encoder.layer[layer].output.dense.weight[:, pos] -= ori_pred_emb * lambda_list_1[i]
        model.bert.encoder.layer[layer].output.dense.weight[:, pos] += tgt_emb * lambda_list_2[i]
except RuntimeError as e:
    print('RuntimeError:', e)
    raise SystemExit(0)
raise AssertionError('expected leaf-variable in-place error')
""", """
import torch
import torch.nn as nn


class Output(nn.Module):
    def __init__(self, inter, hidden):
        super().__init__()
        self.dense = nn.Linear(inter, hidden)


class Layer(nn.Module):
    def __init__(self, inter, hidden):
        super().__init__()
        self.output = Output(inter, hidden)


class Encoder(nn.Module):
    def __init__(self, n, inter, hidden):
        super().__init__()
        self.layer = nn.ModuleList([Layer(inter, hidden) for _ in range(n)])


class Bert(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = Encoder(2, 32, 8)


class BertForMaskedLM(nn.Module):
    def __init__(self):
        super().__init__()
        self.bert = Bert()


model = BertForMaskedLM()
kn_bag = [(1, 5), (0, 17)]
ori_pred_emb = torch.randn(8)
tgt_emb = torch.randn(8)
lambda_list_1 = [1.0, 1.0]
lambda_list_2 = [1.0, 1.0]
before = model.bert.encoder.layer[1].output.dense.weight[:, 5].clone()
with torch.no_grad():
    for i, (layer, pos) in enumerate(kn_bag):
        model.bert.encoder.layer[layer].output.dense.weight[:, pos] -= ori_pred_emb * lambda_list_1[i]
        model.bert.encoder.layer[layer].output.dense.weight[:, pos] += tgt_emb * lambda_list_2[i]
after = model.bert.encoder.layer[1].output.dense.weight[:, 5]
assert torch.allclose(after, before - ori_pred_emb + tgt_emb, atol=1e-6)
print('edited column ok')
""", note="The knowledge-editing loop does `dense.weight[:, pos] -= ...` on a BERT-like layer's Parameter and raises 'a view of a leaf Variable that requires grad is being used in an in-place operation'; under torch.no_grad() the edit applies and the column equals before - ori + tgt. (Editing rather than init, but the same in-place-on-Parameter shape.)"),
    case("huggingface-pytorch-image-models-1286", "https://github.com/huggingface/pytorch-image-models/issues/1286", "trunc-normal-default-absolute-bounds", """
import torch
import torch.nn as nn
from torch.nn.init import trunc_normal_


class Mlp(nn.Module):
    def __init__(self, in_features, hidden_features):
        super().__init__()
        self.fc1 = nn.Linear(in_features, hidden_features)
        self.act = nn.GELU()
        self.fc2 = nn.Linear(hidden_features, in_features)

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


class VisionTransformerLite(nn.Module):
    def __init__(self, embed_dim=256, depth=2):
        super().__init__()
        self.blocks = nn.Sequential(*[Mlp(embed_dim, embed_dim * 4) for _ in range(depth)])
        self.head = nn.Linear(embed_dim, 10)
        self.apply(self._init_weights)

    def _init_weights(self, m):
        if isinstance(m, nn.Linear):
            trunc_normal_(m.weight, std=.02)
            if m.bias is not None:
                nn.init.constant_(m.bias, 0)


torch.manual_seed(0)
model = VisionTransformerLite()
w = model.blocks[0].fc1.weight.detach()
frac_outside = (w.abs() > 2 * 0.02).float().mean().item()
print('fraction beyond 2 std:', frac_outside, 'max |w|:', w.abs().max().item())
# tf-style truncation at two standard deviations would give 0 here
assert frac_outside > 0.01
""", """
import torch
import torch.nn as nn
from torch.nn.init import trunc_normal_


class Mlp(nn.Module):
    def __init__(self, in_features, hidden_features):
        super().__init__()
        self.fc1 = nn.Linear(in_features, hidden_features)
        self.act = nn.GELU()
        self.fc2 = nn.Linear(hidden_features, in_features)

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


class VisionTransformerLite(nn.Module):
    def __init__(self, embed_dim=256, depth=2):
        super().__init__()
        self.blocks = nn.Sequential(*[Mlp(embed_dim, embed_dim * 4) for _ in range(depth)])
        self.head = nn.Linear(embed_dim, 10)
        self.apply(self._init_weights)

    def _init_weights(self, m):
        if isinstance(m, nn.Linear):
            stddev = .02
            trunc_normal_(m.weight, 0, stddev, a=-2 * stddev, b=2 * stddev)
            if m.bias is not None:
                nn.init.constant_(m.bias, 0)


torch.manual_seed(0)
model = VisionTransformerLite()
w = model.blocks[0].fc1.weight.detach()
frac_outside = (w.abs() > 2 * 0.02 + 1e-7).float().mean().item()
print('fraction beyond 2 std:', frac_outside, 'max |w|:', w.abs().max().item())
assert frac_outside == 0.0
""", note="With trunc_normal_(m.weight, std=.02) the default bounds are a=-2, b=2 (absolute), so ~4.5% of fc1's weights lie beyond 2*std (no effective truncation); the reporter's fix a=-2*stddev, b=2*stddev keeps every weight within 0.04. Maintainer replied this matches PyTorch/timm semantics, so the 'bug' is contested."),
    case("KaiyangZhou-deep-person-reid-183", "https://github.com/KaiyangZhou/deep-person-reid/issues/183", "layer-read-under-undefined-name", """
import torch
import torch.nn as nn


class BasicConv2d(nn.Module):
    def __init__(self, in_planes, out_planes, kernel_size, stride, padding=0):
        super(BasicConv2d, self).__init__()
        self.conv = nn.Conv2d(in_planes, out_planes, kernel_size=kernel_size, stride=stride, padding=padding, bias=False)
        self.bn = nn.BatchNorm2d(out_planes, eps=0.001, momentum=0.1, affine=True)
        self.relu = nn.ReLU(inplace=False)

    def forward(self, x):
        return self.relu(self.bn(self.conv(x)))


class InceptionV4(nn.Module):
    def __init__(self, num_classes, loss, **kwargs):
        super(InceptionV4, self).__init__()
        self.loss = loss
        self.features = nn.Sequential(
            BasicConv2d(3, 32, kernel_size=3, stride=2),
            BasicConv2d(32, 64, kernel_size=3, stride=1, padding=1),
        )
        self.global_avgpool = nn.AdaptiveAvgPool2d(1)
        self.last_linear = nn.Linear(64, num_classes)

    def forward(self, x):
        f = self.features(x)
        v = self.global_avgpool(f)
        v = v.view(v.size(0), -1)
        if not self.training:
            return v
        y = self.classifier(v)
        if self.loss == 'softmax':
            return y
        elif self.loss == 'triplet':
            return y, v
        raise KeyError('Unsupported loss: {}'.format(self.loss))


model = InceptionV4(num_classes=10, loss='softmax')
model.train()
try:
    model(torch.randn(2, 3, 32, 32))
except AttributeError as e:
    print('AttributeError:', e)
    raise SystemExit(0)
raise AssertionError('expected AttributeError for self.classifier')
""", """
import torch
import torch.nn as nn


class BasicConv2d(nn.Module):
    def __init__(self, in_planes, out_planes, kernel_size, stride, padding=0):
        super(BasicConv2d, self).__init__()
        self.conv = nn.Conv2d(in_planes, out_planes, kernel_size=kernel_size, stride=stride, padding=padding, bias=False)
        self.bn = nn.BatchNorm2d(out_planes, eps=0.001, momentum=0.1, affine=True)
        self.relu = nn.ReLU(inplace=False)

    def forward(self, x):
        return self.relu(self.bn(self.conv(x)))


class InceptionV4(nn.Module):
    def __init__(self, num_classes, loss, **kwargs):
        super(InceptionV4, self).__init__()
        self.loss = loss
        self.features = nn.Sequential(
            BasicConv2d(3, 32, kernel_size=3, stride=2),
            BasicConv2d(32, 64, kernel_size=3, stride=1, padding=1),
        )
        self.global_avgpool = nn.AdaptiveAvgPool2d(1)
        self.classifier = nn.Linear(64, num_classes)

    def forward(self, x):
        f = self.features(x)
        v = self.global_avgpool(f)
        v = v.view(v.size(0), -1)
        if not self.training:
            return v
        y = self.classifier(v)
        if self.loss == 'softmax':
            return y
        elif self.loss == 'triplet':
            return y, v
        raise KeyError('Unsupported loss: {}'.format(self.loss))


model = InceptionV4(num_classes=10, loss='softmax')
model.train()
out = model(torch.randn(2, 3, 32, 32))
assert out.shape == (2, 10)
print('ok', tuple(out.shape))
""", note="forward reads self.classifier while __init__ only builds self.last_linear, so a training-mode forward raises AttributeError; the maintainer's fix renames the layer to self.classifier in the constructor and the forward then returns (2, 10) logits."),

    case("NVlabs-PWC-Net-110", "https://github.com/NVlabs/PWC-Net/issues/110", "layer-built-but-unused", """
import torch
import torch.nn as nn


def conv(in_planes, out_planes, kernel_size=3, stride=1, padding=1, dilation=1):
    return nn.Sequential(
        nn.Conv2d(in_planes, out_planes, kernel_size=kernel_size, stride=stride,
                  padding=padding, dilation=dilation, bias=True),
        nn.LeakyReLU(0.1))


def predict_flow(in_planes):
    return nn.Conv2d(in_planes, 2, kernel_size=3, stride=1, padding=1, bias=True)


def deconv(in_planes, out_planes, kernel_size=4, stride=2, padding=1):
    return nn.ConvTranspose2d(in_planes, out_planes, kernel_size, stride, padding, bias=True)


class PWCDCNet(nn.Module):
    def __init__(self):
        super(PWCDCNet, self).__init__()
        self.conv3 = conv(6, 16, kernel_size=3, stride=2)
        self.predict_flow3 = predict_flow(16)
        self.deconv3 = deconv(2, 2, kernel_size=4, stride=2, padding=1)
        self.upfeat3 = deconv(16, 2, kernel_size=4, stride=2, padding=1)
        self.conv2_0 = conv(6 + 4, 16, kernel_size=3, stride=1)
        self.predict_flow2 = predict_flow(16)
        self.deconv2 = deconv(2, 2, kernel_size=4, stride=2, padding=1)
        self.dc_conv1 = conv(16, 16, kernel_size=3, stride=1, padding=2, dilation=2)
        self.dc_conv7 = predict_flow(16)

        for m in self.modules():
            if isinstance(m, nn.Conv2d) or isinstance(m, nn.ConvTranspose2d):
                nn.init.kaiming_normal_(m.weight.data, mode='fan_in')
                if m.bias is not None:
                    m.bias.data.zero_()

    def forward(self, x):
        c3 = self.conv3(x)
        flow3 = self.predict_flow3(c3)
        up_flow3 = self.deconv3(flow3)
        up_feat3 = self.upfeat3(c3)
        x2 = torch.cat((x, up_flow3, up_feat3), 1)
        x2 = self.conv2_0(x2)
        flow2 = self.predict_flow2(x2)
        flow2 = flow2 + self.dc_conv7(self.dc_conv1(x2))
        return flow2, flow3


net = PWCDCNet()
flow2, flow3 = net(torch.randn(1, 6, 16, 16))
(flow2.sum() + flow3.sum()).backward()
no_grad = [n for n, p in net.named_parameters() if p.grad is None]
print('params without grad:', no_grad)
assert no_grad == ['deconv2.weight', 'deconv2.bias']
""", """
import torch
import torch.nn as nn


def conv(in_planes, out_planes, kernel_size=3, stride=1, padding=1, dilation=1):
    return nn.Sequential(
        nn.Conv2d(in_planes, out_planes, kernel_size=kernel_size, stride=stride,
                  padding=padding, dilation=dilation, bias=True),
        nn.LeakyReLU(0.1))


def predict_flow(in_planes):
    return nn.Conv2d(in_planes, 2, kernel_size=3, stride=1, padding=1, bias=True)


def deconv(in_planes, out_planes, kernel_size=4, stride=2, padding=1):
    return nn.ConvTranspose2d(in_planes, out_planes, kernel_size, stride, padding, bias=True)


class PWCDCNet(nn.Module):
    def __init__(self):
        super(PWCDCNet, self).__init__()
        self.conv3 = conv(6, 16, kernel_size=3, stride=2)
        self.predict_flow3 = predict_flow(16)
        self.deconv3 = deconv(2, 2, kernel_size=4, stride=2, padding=1)
        self.upfeat3 = deconv(16, 2, kernel_size=4, stride=2, padding=1)
        self.conv2_0 = conv(6 + 4, 16, kernel_size=3, stride=1)
        self.predict_flow2 = predict_flow(16)
        self.dc_conv1 = conv(16, 16, kernel_size=3, stride=1, padding=2, dilation=2)
        self.dc_conv7 = predict_flow(16)

        for m in self.modules():
            if isinstance(m, nn.Conv2d) or isinstance(m, nn.ConvTranspose2d):
                nn.init.kaiming_normal_(m.weight.data, mode='fan_in')
                if m.bias is not None:
                    m.bias.data.zero_()

    def forward(self, x):
        c3 = self.conv3(x)
        flow3 = self.predict_flow3(c3)
        up_flow3 = self.deconv3(flow3)
        up_feat3 = self.upfeat3(c3)
        x2 = torch.cat((x, up_flow3, up_feat3), 1)
        x2 = self.conv2_0(x2)
        flow2 = self.predict_flow2(x2)
        flow2 = flow2 + self.dc_conv7(self.dc_conv1(x2))
        return flow2, flow3


net = PWCDCNet()
flow2, flow3 = net(torch.randn(1, 6, 16, 16))
(flow2.sum() + flow3.sum()).backward()
no_grad = [n for n, p in net.named_parameters() if p.grad is None]
print('params without grad:', no_grad)
assert no_grad == []
""", note="As in PWCNet.py, the last pyramid level builds self.deconv2 but forward never calls it; after one backward deconv2.weight/bias have grad None (what forces DDP find_unused_parameters=True). The reporter's proposed fix (delete the layer) leaves every parameter with a gradient."),

    case("inria-thoth-HySUPP-3", "https://github.com/inria-thoth/HySUPP/issues/3", "layer-built-but-unused", """
import torch
import torch.nn as nn


class MiSiCNet(nn.Module):
    def __init__(self, niters=10, lr=0.001, kernel_size=3):
        super().__init__()
        self.kernel_sizes = [kernel_size] * 4 + [1]
        self.strides = [1, 1, 1, 1, 1]
        self.padding = [(k - 1) // 2 for k in self.kernel_sizes]
        self.lrelu_params = {"negative_slope": 0.1, "inplace": True}
        self.niters = niters
        self.lr = lr

    def init_architecture(self, seed):
        torch.manual_seed(seed)
        self.layer1 = nn.Sequential(
            nn.ReflectionPad2d(self.padding[0]),
            nn.Conv2d(self.L, 32, self.kernel_sizes[0], stride=self.strides[0]),
            nn.BatchNorm2d(32),
            nn.LeakyReLU(**self.lrelu_params),
        )
        self.layer2 = nn.Sequential(
            nn.ReflectionPad2d(self.padding[1]),
            nn.Conv2d(32, 32, self.kernel_sizes[1], stride=self.strides[1]),
            nn.BatchNorm2d(32),
            nn.LeakyReLU(**self.lrelu_params),
        )
        self.layerskip = nn.Sequential(
            nn.ReflectionPad2d(self.padding[-1]),
            nn.Conv2d(self.L, 4, self.kernel_sizes[-1], stride=self.strides[-1]),
            nn.BatchNorm2d(4),
            nn.LeakyReLU(**self.lrelu_params),
        )
        self.layer3 = nn.Sequential(
            nn.ReflectionPad2d(self.padding[2]),
            nn.Conv2d(36, 32, self.kernel_sizes[2], stride=self.strides[2]),
            nn.BatchNorm2d(32),
            nn.LeakyReLU(**self.lrelu_params),
        )
        self.layer4 = nn.Sequential(
            nn.ReflectionPad2d(self.padding[3]),
            nn.Conv2d(32, self.p, self.kernel_sizes[3], stride=self.strides[3]),
            nn.BatchNorm2d(self.p),
            nn.LeakyReLU(**self.lrelu_params),
        )
        self.decoder = nn.Linear(self.p, self.L, bias=False)
        self.softmax = nn.Softmax(dim=1)

    def forward(self, x):
        x1 = self.layer1(x)
        xskip = self.layerskip(x)
        xcat = torch.cat([x1, xskip], dim=1)
        abund = self.softmax(self.layer4(self.layer3(xcat)))
        abund_reshape = torch.transpose(abund.squeeze().view(-1, self.H * self.W), 0, 1)
        img = self.decoder(abund_reshape)
        return abund_reshape, img


model = MiSiCNet()
model.L, model.p, model.H, model.W = 8, 3, 5, 4
model.init_architecture(seed=0)
abund, img = model(torch.rand(1, 8, 5, 4))
img.sum().backward()
no_grad = sorted({n.split('.')[0] for n, p in model.named_parameters() if p.grad is None})
print('modules without grad:', no_grad)
assert no_grad == ['layer2']
""", """
import torch
import torch.nn as nn


class MiSiCNet(nn.Module):
    def __init__(self, niters=10, lr=0.001, kernel_size=3):
        super().__init__()
        self.kernel_sizes = [kernel_size] * 4 + [1]
        self.strides = [1, 1, 1, 1, 1]
        self.padding = [(k - 1) // 2 for k in self.kernel_sizes]
        self.lrelu_params = {"negative_slope": 0.1, "inplace": True}
        self.niters = niters
        self.lr = lr

    def init_architecture(self, seed):
        torch.manual_seed(seed)
        self.layer1 = nn.Sequential(
            nn.ReflectionPad2d(self.padding[0]),
            nn.Conv2d(self.L, 32, self.kernel_sizes[0], stride=self.strides[0]),
            nn.BatchNorm2d(32),
            nn.LeakyReLU(**self.lrelu_params),
        )
        self.layer2 = nn.Sequential(
            nn.ReflectionPad2d(self.padding[1]),
            nn.Conv2d(32, 32, self.kernel_sizes[1], stride=self.strides[1]),
            nn.BatchNorm2d(32),
            nn.LeakyReLU(**self.lrelu_params),
        )
        self.layerskip = nn.Sequential(
            nn.ReflectionPad2d(self.padding[-1]),
            nn.Conv2d(self.L, 4, self.kernel_sizes[-1], stride=self.strides[-1]),
            nn.BatchNorm2d(4),
            nn.LeakyReLU(**self.lrelu_params),
        )
        self.layer3 = nn.Sequential(
            nn.ReflectionPad2d(self.padding[2]),
            nn.Conv2d(36, 32, self.kernel_sizes[2], stride=self.strides[2]),
            nn.BatchNorm2d(32),
            nn.LeakyReLU(**self.lrelu_params),
        )
        self.layer4 = nn.Sequential(
            nn.ReflectionPad2d(self.padding[3]),
            nn.Conv2d(32, self.p, self.kernel_sizes[3], stride=self.strides[3]),
            nn.BatchNorm2d(self.p),
            nn.LeakyReLU(**self.lrelu_params),
        )
        self.decoder = nn.Linear(self.p, self.L, bias=False)
        self.softmax = nn.Softmax(dim=1)

    def forward(self, x):
        x1 = self.layer2(self.layer1(x))
        xskip = self.layerskip(x)
        xcat = torch.cat([x1, xskip], dim=1)
        abund = self.softmax(self.layer4(self.layer3(xcat)))
        abund_reshape = torch.transpose(abund.squeeze().view(-1, self.H * self.W), 0, 1)
        img = self.decoder(abund_reshape)
        return abund_reshape, img


model = MiSiCNet()
model.L, model.p, model.H, model.W = 8, 3, 5, 4
model.init_architecture(seed=0)
abund, img = model(torch.rand(1, 8, 5, 4))
img.sum().backward()
no_grad = sorted({n.split('.')[0] for n, p in model.named_parameters() if p.grad is None})
print('modules without grad:', no_grad)
assert no_grad == []
""", note="layer2 is built (in init_architecture, not __init__) but forward goes layer1 -> concat, so after backward all layer2 parameters have grad None; the twin follows the issue's suggestion and routes x through layer2 (as in the MiSiCNet paper), after which every parameter gets a gradient. The issue has no maintainer answer."),
    case("mattiasegu-uncertainty_estimation_deep_learning-7", "https://github.com/mattiasegu/uncertainty_estimation_deep_learning/pull/7", "bare-parameter-never-initialized", """
import math
import torch
import torch.nn as nn
from torch.nn.parameter import Parameter
from torch.nn import functional as tf


class Linear(nn.Module):
    # ADF linear layer: propagates a mean and a variance
    def __init__(self, in_features, out_features, bias=True, keep_variance_fn=None):
        super(Linear, self).__init__()
        self._keep_variance_fn = keep_variance_fn
        self.in_features = in_features
        self.out_features = out_features
        self.weight = Parameter(torch.Tensor(out_features, in_features))
        if bias:
            self.bias = Parameter(torch.Tensor(out_features))
        else:
            self.register_parameter('bias', None)

    def forward(self, inputs_mean, inputs_variance):
        outputs_mean = tf.linear(inputs_mean, self.weight, self.bias)
        outputs_variance = tf.linear(inputs_variance, self.weight ** 2, None)
        if self._keep_variance_fn is not None:
            outputs_variance = self._keep_variance_fn(outputs_variance)
        return outputs_mean, outputs_variance


# leave recognisable garbage in the allocator so uninitialised memory shows up
junk = torch.full((64 * 128 + 64,), 1000.0); del junk
fc = Linear(128, 64)
bound = 1.0 / math.sqrt(128)
w = fc.weight.detach()
looks_init = bool(torch.isfinite(w).all()) and w.abs().max().item() <= bound and w.std().item() > 0.1 * bound
print('weight max |w|', w.abs().max().item(), 'bound', bound)
assert not looks_init, 'weight unexpectedly looks initialised'
""", """
import math
import torch
import torch.nn as nn
from torch.nn.parameter import Parameter
from torch.nn import functional as tf


class Linear(nn.Module):
    # ADF linear layer: propagates a mean and a variance
    def __init__(self, in_features, out_features, bias=True, keep_variance_fn=None):
        super(Linear, self).__init__()
        self._keep_variance_fn = keep_variance_fn
        self.in_features = in_features
        self.out_features = out_features
        self.weight = Parameter(torch.Tensor(out_features, in_features))
        if bias:
            self.bias = Parameter(torch.Tensor(out_features))
        else:
            self.register_parameter('bias', None)
        self.reset_parameters()

    def reset_parameters(self):
        nn.init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:
            fan_in, _ = nn.init._calculate_fan_in_and_fan_out(self.weight)
            bound = 1 / math.sqrt(fan_in)
            nn.init.uniform_(self.bias, -bound, bound)

    def forward(self, inputs_mean, inputs_variance):
        outputs_mean = tf.linear(inputs_mean, self.weight, self.bias)
        outputs_variance = tf.linear(inputs_variance, self.weight ** 2, None)
        if self._keep_variance_fn is not None:
            outputs_variance = self._keep_variance_fn(outputs_variance)
        return outputs_mean, outputs_variance


junk = torch.full((64 * 128 + 64,), 1000.0); del junk
fc = Linear(128, 64)
bound = 1.0 / math.sqrt(128)
w = fc.weight.detach()
print('weight max |w|', w.abs().max().item(), 'bound', bound)
assert bool(torch.isfinite(w).all()) and w.abs().max().item() <= bound + 1e-6 and w.std().item() > 0.1 * bound
""", note="The ADF Linear allocates weight/bias with torch.Tensor(...) and never initialises them (the PR reports 'mostly zeroes'); with the allocator pre-filled, the bad weight holds leftover garbage outside the U(-1/sqrt(fan_in), 1/sqrt(fan_in)) range, while the PR's restored torch.nn.Linear reset_parameters puts it in range."),

    # ---- collector B ------------------------------------------------------------------------------------------
    case("fastai-fastai2-9", "https://github.com/fastai/fastai2/pull/9",
         "norm-affine-false-unguarded-init", """
import torch
import torch.nn as nn
from enum import Enum

NormType = Enum('NormType', 'Batch BatchZero Weight Spectral Instance InstanceZero')


def _get_norm(prefix, nf, ndim=2, zero=False, **kwargs):
    "Norm layer with `nf` features and `ndim` initialized depending on `norm_type`."
    assert 1 <= ndim <= 3
    bn = getattr(nn, f"{prefix}{ndim}d")(nf, **kwargs)
    bn.bias.data.fill_(1e-3)
    bn.weight.data.fill_(0. if zero else 1.)
    return bn


def BatchNorm(nf, ndim=2, norm_type=NormType.Batch, **kwargs):
    "BatchNorm layer with `nf` features and `ndim` initialized depending on `norm_type`."
    return _get_norm('BatchNorm', nf, ndim, zero=norm_type == NormType.BatchZero, **kwargs)


bn = BatchNorm(16)              # fine: affine=True
try:
    bn_plain = BatchNorm(16, affine=False)
    print("built", bn_plain)
except AttributeError as e:
    print("BUG: BatchNorm(affine=False) crashes in _get_norm:", e)
""", """
import torch
import torch.nn as nn
from enum import Enum

NormType = Enum('NormType', 'Batch BatchZero Weight Spectral Instance InstanceZero')


def _get_norm(prefix, nf, ndim=2, zero=False, **kwargs):
    "Norm layer with `nf` features and `ndim` initialized depending on `norm_type`."
    assert 1 <= ndim <= 3
    bn = getattr(nn, f"{prefix}{ndim}d")(nf, **kwargs)
    if bn.affine:
        bn.bias.data.fill_(1e-3)
        bn.weight.data.fill_(0. if zero else 1.)
    return bn


def BatchNorm(nf, ndim=2, norm_type=NormType.Batch, **kwargs):
    "BatchNorm layer with `nf` features and `ndim` initialized depending on `norm_type`."
    return _get_norm('BatchNorm', nf, ndim, zero=norm_type == NormType.BatchZero, **kwargs)


bn = BatchNorm(16)
assert torch.allclose(bn.bias, torch.full((16,), 1e-3))
bn_plain = BatchNorm(16, affine=False)
assert bn_plain.weight is None
print("OK: affine=False norm built without touching its missing weight/bias")
""", note="fastai's _get_norm fills bn.bias/bn.weight unconditionally; with affine=False they are None and construction raises AttributeError ('NoneType' object has no attribute 'data'). Checked that bad prints the AttributeError and the twin (if bn.affine:) builds both norms and sets bias=1e-3 on the affine one.",
         scope="An init under a condition, and a layer whose constructions are not all known (one built by a factory, set by name, a class attribute, `__getattr__`, or an attribute that code outside the class may replace), are left alone."),

    case("DLR-RM-stable-baselines3-124", "https://github.com/DLR-RM/stable-baselines3/issues/124",
         "bias-false-unguarded-init", """
from functools import partial

import numpy as np
import torch
import torch.nn as nn


class BaseFeaturesExtractor(nn.Module):
    def __init__(self, observation_dim: int, features_dim: int = 0):
        super().__init__()
        self._observation_dim = observation_dim
        self._features_dim = features_dim

    @property
    def features_dim(self) -> int:
        return self._features_dim


class CustomFeaturesExtractor(BaseFeaturesExtractor):
    def __init__(self, observation_dim: int, features_dim: int = 512):
        super().__init__(observation_dim, features_dim)
        self.linear = nn.Sequential(nn.Flatten(),
                                    # disable bias
                                    nn.Linear(observation_dim, features_dim, bias=False),
                                    nn.ReLU())

    def forward(self, observations: torch.Tensor) -> torch.Tensor:
        return self.linear(observations)


class ActorCriticPolicy(nn.Module):
    def __init__(self, observation_dim, n_actions, features_extractor_class, features_extractor_kwargs=None,
                 ortho_init: bool = True):
        super().__init__()
        self.ortho_init = ortho_init
        self.features_extractor = features_extractor_class(observation_dim, **(features_extractor_kwargs or {}))
        latent = 64
        self.mlp_extractor = nn.Sequential(nn.Linear(self.features_extractor.features_dim, latent), nn.Tanh())
        self.action_net = nn.Linear(latent, n_actions)
        self.value_net = nn.Linear(latent, 1)
        self._build()

    @staticmethod
    def init_weights(module: nn.Module, gain: float = 1) -> None:
        \"\"\"Orthogonal initialization (used in PPO and A2C)\"\"\"
        if isinstance(module, (nn.Linear, nn.Conv2d)):
            nn.init.orthogonal_(module.weight, gain=gain)
            module.bias.data.fill_(0.0)

    def _build(self) -> None:
        if self.ortho_init:
            module_gains = {
                self.features_extractor: np.sqrt(2),
                self.mlp_extractor: np.sqrt(2),
                self.action_net: 0.01,
                self.value_net: 1,
            }
            for module, gain in module_gains.items():
                module.apply(partial(self.init_weights, gain=gain))


try:
    policy = ActorCriticPolicy(4, 2, CustomFeaturesExtractor, dict(features_dim=32))
    print("built")
except AttributeError as e:
    print("BUG: orthogonal init crashes on the bias=False extractor layer:", e)
""", """
from functools import partial

import numpy as np
import torch
import torch.nn as nn


class BaseFeaturesExtractor(nn.Module):
    def __init__(self, observation_dim: int, features_dim: int = 0):
        super().__init__()
        self._observation_dim = observation_dim
        self._features_dim = features_dim

    @property
    def features_dim(self) -> int:
        return self._features_dim


class CustomFeaturesExtractor(BaseFeaturesExtractor):
    def __init__(self, observation_dim: int, features_dim: int = 512):
        super().__init__(observation_dim, features_dim)
        self.linear = nn.Sequential(nn.Flatten(),
                                    # disable bias
                                    nn.Linear(observation_dim, features_dim, bias=False),
                                    nn.ReLU())

    def forward(self, observations: torch.Tensor) -> torch.Tensor:
        return self.linear(observations)


class ActorCriticPolicy(nn.Module):
    def __init__(self, observation_dim, n_actions, features_extractor_class, features_extractor_kwargs=None,
                 ortho_init: bool = True):
        super().__init__()
        self.ortho_init = ortho_init
        self.features_extractor = features_extractor_class(observation_dim, **(features_extractor_kwargs or {}))
        latent = 64
        self.mlp_extractor = nn.Sequential(nn.Linear(self.features_extractor.features_dim, latent), nn.Tanh())
        self.action_net = nn.Linear(latent, n_actions)
        self.value_net = nn.Linear(latent, 1)
        self._build()

    @staticmethod
    def init_weights(module: nn.Module, gain: float = 1) -> None:
        \"\"\"Orthogonal initialization (used in PPO and A2C)\"\"\"
        if isinstance(module, (nn.Linear, nn.Conv2d)):
            nn.init.orthogonal_(module.weight, gain=gain)
            if module.bias is not None:
                module.bias.data.fill_(0.0)

    def _build(self) -> None:
        if self.ortho_init:
            module_gains = {
                self.features_extractor: np.sqrt(2),
                self.mlp_extractor: np.sqrt(2),
                self.action_net: 0.01,
                self.value_net: 1,
            }
            for module, gain in module_gains.items():
                module.apply(partial(self.init_weights, gain=gain))


policy = ActorCriticPolicy(4, 2, CustomFeaturesExtractor, dict(features_dim=32))
W = policy.features_extractor.linear[1].weight.detach()
assert torch.allclose(W.T @ W, 2.0 * torch.eye(4), atol=1e-4)
assert policy.value_net.bias.abs().sum().item() == 0
print("OK: policy built, bias-free extractor layer orthogonally initialized")
""", note="SB3's ActorCriticPolicy.init_weights (applied with module.apply(partial(self.init_weights, gain=...))) does module.bias.data.fill_(0.0) unguarded, so a custom features extractor with nn.Linear(..., bias=False) crashes with 'NoneType' object has no attribute 'data'; the maintainer asks for the missing check. Checked: bad raises it, twin (if module.bias is not None) builds and the extractor weight is orthogonal with gain sqrt(2)."),

    case("kazuto1011-deeplab-pytorch-44", "https://github.com/kazuto1011/deeplab-pytorch/issues/44",
         "duplicate-init-target", """
import torch
import torch.nn as nn


def init_weights(model):
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            nn.init.kaiming_normal_(m.weight)
            if m.bias is not None:
                nn.init.constant_(m.bias, 0)
        elif isinstance(m, nn.Linear):
            nn.init.kaiming_normal_(m.weight)
            if m.bias is not None:
                nn.init.constant_(m.bias, 0)
        elif isinstance(m, nn.BatchNorm2d):
            nn.init.constant_(m.weight, 1)
            if m.bias is not None:
                nn.init.constant_(m.weight, 1)


class _Stem(nn.Sequential):
    def __init__(self, out_ch):
        super().__init__()
        self.add_module("conv1", nn.Conv2d(3, out_ch, 7, 2, 3, bias=False))
        self.add_module("bn1", nn.BatchNorm2d(out_ch))
        self.add_module("relu1", nn.ReLU(inplace=True))


model = nn.Sequential(_Stem(16), nn.Conv2d(16, 8, 1))
with torch.no_grad():                     # e.g. a model whose BN already moved away from 0 (fine-tuned / reused)
    model[0].bn1.bias.uniform_(-1, 1)
init_weights(model)
b = model[0].bn1.bias.detach()
print("bn1.bias max |b| after init_weights:", b.abs().max().item())
assert b.abs().max().item() > 0
print("BUG: BatchNorm bias branch re-inits the weight, bias is never reset")
""", """
import torch
import torch.nn as nn


def init_weights(model):
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            nn.init.kaiming_normal_(m.weight)
            if m.bias is not None:
                nn.init.constant_(m.bias, 0)
        elif isinstance(m, nn.Linear):
            nn.init.kaiming_normal_(m.weight)
            if m.bias is not None:
                nn.init.constant_(m.bias, 0)
        elif isinstance(m, nn.BatchNorm2d):
            nn.init.constant_(m.weight, 1)
            if m.bias is not None:
                nn.init.constant_(m.bias, 0)


class _Stem(nn.Sequential):
    def __init__(self, out_ch):
        super().__init__()
        self.add_module("conv1", nn.Conv2d(3, out_ch, 7, 2, 3, bias=False))
        self.add_module("bn1", nn.BatchNorm2d(out_ch))
        self.add_module("relu1", nn.ReLU(inplace=True))


model = nn.Sequential(_Stem(16), nn.Conv2d(16, 8, 1))
with torch.no_grad():
    model[0].bn1.bias.uniform_(-1, 1)
init_weights(model)
b = model[0].bn1.bias.detach()
print("bn1.bias max |b| after init_weights:", b.abs().max().item())
assert b.abs().max().item() == 0
print("OK: BatchNorm bias reset to 0")
""", note="In deeplab-pytorch's init_weights the BatchNorm2d branch calls nn.init.constant_(m.weight, 1) twice and never touches m.bias (karpathy's report; fixed to constant_(m.bias, 0) in ffbee66). Checked by perturbing a BN bias before init_weights: bad leaves it non-zero, twin resets it to 0."),

    case("fastai-fastai-2517", "https://github.com/fastai/fastai/pull/2517",
         "padding-row-overwritten-by-init", """
import torch
import torch.nn as nn


class EmbeddingDropout(nn.Module):
    "Apply dropout with probability `embed_p` to an embedding layer `emb`."
    def __init__(self, emb, embed_p):
        super().__init__()
        self.emb, self.embed_p = emb, embed_p

    def forward(self, words):
        return self.emb(words)


class AWD_LSTM(nn.Module):
    "AWD-LSTM inspired by https://arxiv.org/abs/1708.02182"
    initrange = 0.1

    def __init__(self, vocab_sz, emb_sz, n_hid, n_layers, pad_token=1, embed_p=0.1):
        super().__init__()
        self.emb_sz, self.n_hid, self.n_layers, self.pad_token = emb_sz, n_hid, n_layers, pad_token
        self.encoder = nn.Embedding(vocab_sz, emb_sz, padding_idx=pad_token)
        self.encoder_dp = EmbeddingDropout(self.encoder, embed_p)
        self.rnns = nn.ModuleList([nn.LSTM(emb_sz if l == 0 else n_hid,
                                           n_hid if l != n_layers - 1 else emb_sz, 1, batch_first=True)
                                   for l in range(n_layers)])
        self.encoder.weight.data.uniform_(-self.initrange, self.initrange)

    def forward(self, inp):
        out = self.encoder_dp(inp)
        for rnn in self.rnns:
            out, _ = rnn(out)
        return out


model = AWD_LSTM(vocab_sz=50, emb_sz=8, n_hid=16, n_layers=2, pad_token=1)
pad_row = model.encoder.weight[1].detach()
print("padding row norm:", pad_row.norm().item())
assert pad_row.abs().sum().item() > 0
print("BUG: uniform_ init overwrote the zero padding embedding")
""", """
import torch
import torch.nn as nn


class EmbeddingDropout(nn.Module):
    "Apply dropout with probability `embed_p` to an embedding layer `emb`."
    def __init__(self, emb, embed_p):
        super().__init__()
        self.emb, self.embed_p = emb, embed_p

    def forward(self, words):
        return self.emb(words)


class AWD_LSTM(nn.Module):
    "AWD-LSTM inspired by https://arxiv.org/abs/1708.02182"
    initrange = 0.1

    def __init__(self, vocab_sz, emb_sz, n_hid, n_layers, pad_token=1, embed_p=0.1):
        super().__init__()
        self.emb_sz, self.n_hid, self.n_layers, self.pad_token = emb_sz, n_hid, n_layers, pad_token
        self.encoder = nn.Embedding(vocab_sz, emb_sz, padding_idx=pad_token)
        self.encoder_dp = EmbeddingDropout(self.encoder, embed_p)
        self.rnns = nn.ModuleList([nn.LSTM(emb_sz if l == 0 else n_hid,
                                           n_hid if l != n_layers - 1 else emb_sz, 1, batch_first=True)
                                   for l in range(n_layers)])
        self.encoder.weight.data.uniform_(-self.initrange, self.initrange)
        self.encoder.weight.data[pad_token] = 0

    def forward(self, inp):
        out = self.encoder_dp(inp)
        for rnn in self.rnns:
            out, _ = rnn(out)
        return out


model = AWD_LSTM(vocab_sz=50, emb_sz=8, n_hid=16, n_layers=2, pad_token=1)
pad_row = model.encoder.weight[1].detach()
print("padding row norm:", pad_row.norm().item())
assert pad_row.abs().sum().item() == 0
print("OK: padding embedding stays zero")
""", note="fastai's AWD_LSTM builds nn.Embedding(..., padding_idx=pad_token) and then calls self.encoder.weight.data.uniform_(-initrange, initrange) on the whole matrix, so the padding row is no longer zero; the PR re-zeroes weight[pad_token]. Checked the padding row norm: non-zero in bad, 0 in the twin.",
         scope="A `padding_idx` read from elsewhere (`config.pad_token_id`) may be None and is left alone."),

    case("facebookresearch-fairseq-4076", "https://github.com/facebookresearch/fairseq/issues/4076",
         "padding-idx-zeroed-without-none-guard", """
import torch
import torch.nn as nn


def Embedding(num_embeddings, embedding_dim, padding_idx):
    m = nn.Embedding(num_embeddings, embedding_dim, padding_idx=padding_idx)
    nn.init.normal_(m.weight, mean=0, std=embedding_dim ** -0.5)
    nn.init.constant_(m.weight[padding_idx], 0)
    return m


emb_pad = Embedding(4, 4, 1)
emb_nopad = Embedding(4, 4, None)
total = emb_nopad.weight.detach().abs().sum().item()
print("sum |w| with padding_idx=None:", total)
assert total == 0.0
print("BUG: weight[None] selects the whole matrix, every embedding is zeroed")
""", """
import torch
import torch.nn as nn


def Embedding(num_embeddings, embedding_dim, padding_idx):
    m = nn.Embedding(num_embeddings, embedding_dim, padding_idx=padding_idx)
    nn.init.normal_(m.weight, mean=0, std=embedding_dim ** -0.5)
    if padding_idx is not None:
        nn.init.constant_(m.weight[padding_idx], 0)
    return m


emb_pad = Embedding(4, 4, 1)
assert emb_pad.weight[1].abs().sum().item() == 0
emb_nopad = Embedding(4, 4, None)
total = emb_nopad.weight.detach().abs().sum().item()
print("sum |w| with padding_idx=None:", total)
assert total > 0
print("OK: only the padding row is zeroed, and only when there is one")
""", note="fairseq's transformer Embedding helper zeroes m.weight[padding_idx] unconditionally; with padding_idx=None the index adds an axis and the whole weight becomes 0 (as the issue reports). Checked the weight sum: 0 in bad, non-zero in the twin, which guards with 'if padding_idx is not None'."),

    case("huggingface-transformers-46620", "https://github.com/huggingface/transformers/issues/46620",
         "hf-init-weights-inplace-bypasses-guard", """
import os, tempfile, warnings, logging
import torch, torch.nn as nn
from safetensors.torch import save_file
from transformers import PretrainedConfig, PreTrainedModel
from transformers.utils import logging as hf_logging

hf_logging.set_verbosity_error(); hf_logging.disable_progress_bar()


class TinyConfig(PretrainedConfig):
    model_type = "tiny-custom"

    def __init__(self, hidden_size=8, initializer_range=0.02, **kwargs):
        self.hidden_size = hidden_size
        self.initializer_range = initializer_range
        super().__init__(**kwargs)


class TinyModel(PreTrainedModel):
    config_class = TinyConfig

    def __init__(self, config):
        super().__init__(config)
        self.lin = nn.Linear(config.hidden_size, config.hidden_size)
        self.post_init()

    def _init_weights(self, module):
        if isinstance(module, nn.Linear):
            module.weight.data.normal_(mean=0.0, std=self.config.initializer_range)
            if module.bias is not None:
                module.bias.data.zero_()

    def forward(self, x):
        return self.lin(x)


d = tempfile.mkdtemp()
TinyConfig().save_pretrained(d)
# checkpoint holds the trained weight (mean 0.5); the bias is new in this version of the model
save_file({"lin.weight": torch.full((8, 8), 0.5)}, os.path.join(d, "model.safetensors"), metadata={"format": "pt"})
model = TinyModel.from_pretrained(d)
mean = model.lin.weight.mean().item()
print("saved weight mean 0.5, reloaded mean", mean)
assert abs(mean - 0.5) > 0.1
print("BUG: _init_weights' in-place normal_ overwrote the loaded weight after from_pretrained")
""", """
import os, tempfile, warnings, logging
import torch, torch.nn as nn
from safetensors.torch import save_file
from transformers import PretrainedConfig, PreTrainedModel
from transformers.utils import logging as hf_logging

hf_logging.set_verbosity_error(); hf_logging.disable_progress_bar()


class TinyConfig(PretrainedConfig):
    model_type = "tiny-custom"

    def __init__(self, hidden_size=8, initializer_range=0.02, **kwargs):
        self.hidden_size = hidden_size
        self.initializer_range = initializer_range
        super().__init__(**kwargs)


class TinyModel(PreTrainedModel):
    config_class = TinyConfig

    def __init__(self, config):
        super().__init__(config)
        self.lin = nn.Linear(config.hidden_size, config.hidden_size)
        self.post_init()

    def _init_weights(self, module):
        if isinstance(module, nn.Linear):
            nn.init.normal_(module.weight, mean=0.0, std=self.config.initializer_range)
            if module.bias is not None:
                nn.init.zeros_(module.bias)

    def forward(self, x):
        return self.lin(x)


d = tempfile.mkdtemp()
TinyConfig().save_pretrained(d)
save_file({"lin.weight": torch.full((8, 8), 0.5)}, os.path.join(d, "model.safetensors"), metadata={"format": "pt"})
model = TinyModel.from_pretrained(d)
mean = model.lin.weight.mean().item()
print("saved weight mean 0.5, reloaded mean", mean)
assert abs(mean - 0.5) < 1e-6 and model.lin.bias.abs().sum().item() == 0
print("OK: loaded weight kept, only the missing bias initialized")
""", note="Custom PreTrainedModel whose _init_weights writes module.weight.data.normal_() in place; transformers 5 runs _init_weights after loading and only the patched nn.init.* functions honour _is_hf_initialized. On the installed transformers 5.23 the whole-module backstop hides the fully-loaded case of the issue, so the check uses a checkpoint missing lin.bias: bad reloads weight mean ~0 instead of 0.5, the twin (nn.init.normal_/zeros_, as the linked PR #46632 explains) keeps 0.5."),

    case("ServiceNow-Fast-LLM-491", "https://github.com/ServiceNow/Fast-LLM/pull/491",
         "hf-init-weights-inplace-bypasses-guard", """
import os, tempfile
import torch, torch.nn as nn
import transformers
from safetensors.torch import save_file
from transformers import PretrainedConfig, PreTrainedModel
from transformers.utils import logging as hf_logging

hf_logging.set_verbosity_error(); hf_logging.disable_progress_bar()
_TRANSFORMERS_V4 = transformers.__version__.startswith("4.")


class Apriel2Config(PretrainedConfig):
    model_type = "apriel2-mini"

    def __init__(self, vocab_size=32, hidden_size=8, initializer_range=0.02, **kwargs):
        self.vocab_size, self.hidden_size, self.initializer_range = vocab_size, hidden_size, initializer_range
        super().__init__(**kwargs)


class MistralRMSNorm(nn.Module):
    def __init__(self, hidden_size, eps=1e-6):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(hidden_size))
        self.variance_epsilon = eps

    def forward(self, x):
        var = x.pow(2).mean(-1, keepdim=True)
        return self.weight * x * torch.rsqrt(var + self.variance_epsilon)


class Apriel2PreTrainedModel(PreTrainedModel):
    config_class = Apriel2Config
    base_model_prefix = "model"

    def _init_weights(self, module):
        std = self.config.initializer_range if hasattr(self.config, "initializer_range") else 0.02
        if isinstance(module, nn.Linear):
            module.weight.data.normal_(mean=0.0, std=std)
            if module.bias is not None:
                module.bias.data.zero_()
        elif isinstance(module, nn.Embedding):
            module.weight.data.normal_(mean=0.0, std=std)
            if module.padding_idx is not None:
                module.weight.data[module.padding_idx].zero_()
        elif isinstance(module, MistralRMSNorm):
            module.weight.data.fill_(1.0)


class Apriel2Model(Apriel2PreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.embed_tokens = nn.Embedding(config.vocab_size, config.hidden_size)
        self.mixer = nn.Linear(config.hidden_size, config.hidden_size, bias=True)
        self.norm = MistralRMSNorm(config.hidden_size)
        self.post_init()

    def forward(self, ids):
        return self.norm(self.mixer(self.embed_tokens(ids)))


d = tempfile.mkdtemp()
Apriel2Config().save_pretrained(d)
ckpt = {"embed_tokens.weight": torch.full((32, 8), 0.25), "mixer.weight": torch.full((8, 8), 0.5),
        "norm.weight": torch.full((8,), 2.0)}            # checkpoint from a bias-free mixer
save_file(ckpt, os.path.join(d, "model.safetensors"), metadata={"format": "pt"})
model = Apriel2Model.from_pretrained(d)
print("mixer.weight mean", model.mixer.weight.mean().item(), "(saved 0.5)")
assert abs(model.mixer.weight.mean().item() - 0.5) > 0.1
print("BUG: raw .data.normal_() in _init_weights overwrote a loaded weight")
""", """
import os, tempfile
import torch, torch.nn as nn
import transformers
from safetensors.torch import save_file
from transformers import PretrainedConfig, PreTrainedModel
from transformers.utils import logging as hf_logging

hf_logging.set_verbosity_error(); hf_logging.disable_progress_bar()
_TRANSFORMERS_V4 = transformers.__version__.startswith("4.")


class Apriel2Config(PretrainedConfig):
    model_type = "apriel2-mini"

    def __init__(self, vocab_size=32, hidden_size=8, initializer_range=0.02, **kwargs):
        self.vocab_size, self.hidden_size, self.initializer_range = vocab_size, hidden_size, initializer_range
        super().__init__(**kwargs)


class MistralRMSNorm(nn.Module):
    def __init__(self, hidden_size, eps=1e-6):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(hidden_size))
        self.variance_epsilon = eps

    def forward(self, x):
        var = x.pow(2).mean(-1, keepdim=True)
        return self.weight * x * torch.rsqrt(var + self.variance_epsilon)


class Apriel2PreTrainedModel(PreTrainedModel):
    config_class = Apriel2Config
    base_model_prefix = "model"

    if _TRANSFORMERS_V4:

        def _init_weights(self, module):
            std = self.config.initializer_range if hasattr(self.config, "initializer_range") else 0.02
            if isinstance(module, nn.Linear):
                module.weight.data.normal_(mean=0.0, std=std)
                if module.bias is not None:
                    module.bias.data.zero_()
            elif isinstance(module, nn.Embedding):
                module.weight.data.normal_(mean=0.0, std=std)
                if module.padding_idx is not None:
                    module.weight.data[module.padding_idx].zero_()
            elif isinstance(module, MistralRMSNorm):
                module.weight.data.fill_(1.0)


class Apriel2Model(Apriel2PreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.embed_tokens = nn.Embedding(config.vocab_size, config.hidden_size)
        self.mixer = nn.Linear(config.hidden_size, config.hidden_size, bias=True)
        self.norm = MistralRMSNorm(config.hidden_size)
        self.post_init()

    def forward(self, ids):
        return self.norm(self.mixer(self.embed_tokens(ids)))


d = tempfile.mkdtemp()
Apriel2Config().save_pretrained(d)
ckpt = {"embed_tokens.weight": torch.full((32, 8), 0.25), "mixer.weight": torch.full((8, 8), 0.5),
        "norm.weight": torch.full((8,), 2.0)}
save_file(ckpt, os.path.join(d, "model.safetensors"), metadata={"format": "pt"})
model = Apriel2Model.from_pretrained(d)
print("mixer.weight mean", model.mixer.weight.mean().item(), "(saved 0.5)")
assert abs(model.mixer.weight.mean().item() - 0.5) < 1e-6
assert model.mixer.bias.abs().sum().item() == 0
print("OK: v5 uses the inherited guarded _init_weights, loaded weight kept")
""", note="Fast-LLM's Apriel2PreTrainedModel._init_weights used raw .data.normal_()/.zero_()/.fill_() which bypass transformers 5's _is_hf_initialized guard, so from_pretrained overwrote loaded weights; the fix defines the override only under transformers 4 so v5 uses the inherited guarded default. Checked on transformers 5.23 with a checkpoint lacking mixer.bias (the fully-loaded case is now hidden by a module-level backstop): bad gives mixer.weight mean ~0 instead of 0.5, twin keeps 0.5."),

    case("open-mmlab-mmcv-153", "https://github.com/open-mmlab/mmcv/pull/153",
         "norm-affine-false-unguarded-init", """
import torch
import torch.nn as nn
from torch.nn.modules.batchnorm import _BatchNorm


def kaiming_init(module, a=0, mode='fan_out', nonlinearity='relu', bias=0, distribution='normal'):
    assert distribution in ['uniform', 'normal']
    if distribution == 'uniform':
        nn.init.kaiming_uniform_(module.weight, a=a, mode=mode, nonlinearity=nonlinearity)
    else:
        nn.init.kaiming_normal_(module.weight, a=a, mode=mode, nonlinearity=nonlinearity)
    if hasattr(module, 'bias') and module.bias is not None:
        nn.init.constant_(module.bias, bias)


def constant_init(module, val, bias=0):
    nn.init.constant_(module.weight, val)
    if hasattr(module, 'bias') and module.bias is not None:
        nn.init.constant_(module.bias, bias)


class BasicStem(nn.Module):
    def __init__(self, in_channels=3, stem_channels=16):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels, stem_channels, 3, padding=1, bias=False)
        self.norm1 = nn.BatchNorm2d(stem_channels, affine=False)   # frozen, gluon-style BN without affine
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(stem_channels, stem_channels, 3, padding=1, bias=False)
        self.norm2 = nn.GroupNorm(4, stem_channels)

    def init_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                kaiming_init(m)
            elif isinstance(m, (_BatchNorm, nn.GroupNorm)):
                constant_init(m, 1)

    def forward(self, x):
        return self.relu(self.norm2(self.conv2(self.relu(self.norm1(self.conv1(x))))))


stem = BasicStem()
try:
    stem.init_weights()
    print("initialized")
except AttributeError as e:
    print("BUG: constant_init on an affine=False BN crashes:", e)
""", """
import torch
import torch.nn as nn
from torch.nn.modules.batchnorm import _BatchNorm


def kaiming_init(module, a=0, mode='fan_out', nonlinearity='relu', bias=0, distribution='normal'):
    assert distribution in ['uniform', 'normal']
    if distribution == 'uniform':
        nn.init.kaiming_uniform_(module.weight, a=a, mode=mode, nonlinearity=nonlinearity)
    else:
        nn.init.kaiming_normal_(module.weight, a=a, mode=mode, nonlinearity=nonlinearity)
    if hasattr(module, 'bias') and module.bias is not None:
        nn.init.constant_(module.bias, bias)


def constant_init(module, val, bias=0):
    if hasattr(module, 'weight') and module.weight is not None:
        nn.init.constant_(module.weight, val)
    if hasattr(module, 'bias') and module.bias is not None:
        nn.init.constant_(module.bias, bias)


class BasicStem(nn.Module):
    def __init__(self, in_channels=3, stem_channels=16):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels, stem_channels, 3, padding=1, bias=False)
        self.norm1 = nn.BatchNorm2d(stem_channels, affine=False)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(stem_channels, stem_channels, 3, padding=1, bias=False)
        self.norm2 = nn.GroupNorm(4, stem_channels)

    def init_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                kaiming_init(m)
            elif isinstance(m, (_BatchNorm, nn.GroupNorm)):
                constant_init(m, 1)

    def forward(self, x):
        return self.relu(self.norm2(self.conv2(self.relu(self.norm1(self.conv1(x))))))


stem = BasicStem()
with torch.no_grad():
    stem.norm2.weight.fill_(3.0)
stem.init_weights()
assert torch.all(stem.norm2.weight == 1)
print(stem(torch.randn(1, 3, 8, 8)).shape)
print("OK: affine=False BN skipped, GroupNorm still set to 1/0")
""", note="mmcv's constant_init did nn.init.constant_(module.weight, val) unguarded (only the bias had a None check), so initializing a BN built with affine=False crashed; PR #153 adds 'hasattr(module, \"weight\") and module.weight is not None'. Checked: bad raises AttributeError from init_weights, the twin completes and still sets the GroupNorm weight to 1."),

    case("MIT-SPARK-PD-MeshNet-4", "https://github.com/MIT-SPARK/PD-MeshNet/issues/4",
         "class-name-dispatch-matches-wrapper", """
import torch
import torch.nn as nn


class BatchNorm(nn.Module):
    "torch_geometric-style wrapper: the affine parameters live in self.module"
    def __init__(self, in_channels, eps=1e-5, momentum=0.1):
        super().__init__()
        self.module = nn.BatchNorm1d(in_channels, eps, momentum)

    def forward(self, x):
        return self.module(x)


class DualPrimalMeshClassifier(nn.Module):
    def __init__(self, in_channels=8, hidden=16, num_classes=4):
        super().__init__()
        self.lin_in = nn.Linear(in_channels, hidden)
        self.bn = BatchNorm(hidden)
        self.lin_out = nn.Linear(hidden, num_classes)

    def forward(self, x):
        return self.lin_out(torch.relu(self.bn(self.lin_in(x))))


def initialize_model_weights(model, initialization_type, initialization_gain):
    def initialize_module(module):
        class_name = module.__class__.__name__
        if (hasattr(module, 'weight') and class_name.find('Linear') != -1):
            if (initialization_type == 'normal'):
                torch.nn.init.normal_(module.weight.data, 0.0, initialization_gain)
            elif (initialization_type == 'xavier'):
                torch.nn.init.xavier_normal_(module.weight.data, gain=initialization_gain)
            else:
                raise NotImplementedError(initialization_type)
        elif (class_name.find('BatchNorm') != -1):
            torch.nn.init.normal_(module.weight.data, 1.0, initialization_gain)
            torch.nn.init.constant_(module.bias.data, 0.0)

    model.apply(initialize_module)


model = DualPrimalMeshClassifier()
try:
    initialize_model_weights(model, 'normal', 0.02)
    print("initialized")
except AttributeError as e:
    print("BUG: 'BatchNorm' wrapper matched by the class-name test:", e)
""", """
import torch
import torch.nn as nn


class BatchNorm(nn.Module):
    "torch_geometric-style wrapper: the affine parameters live in self.module"
    def __init__(self, in_channels, eps=1e-5, momentum=0.1):
        super().__init__()
        self.module = nn.BatchNorm1d(in_channels, eps, momentum)

    def forward(self, x):
        return self.module(x)


class DualPrimalMeshClassifier(nn.Module):
    def __init__(self, in_channels=8, hidden=16, num_classes=4):
        super().__init__()
        self.lin_in = nn.Linear(in_channels, hidden)
        self.bn = BatchNorm(hidden)
        self.lin_out = nn.Linear(hidden, num_classes)

    def forward(self, x):
        return self.lin_out(torch.relu(self.bn(self.lin_in(x))))


def initialize_model_weights(model, initialization_type, initialization_gain):
    def initialize_module(module):
        class_name = module.__class__.__name__
        if (hasattr(module, 'weight') and class_name.find('Linear') != -1):
            if (initialization_type == 'normal'):
                torch.nn.init.normal_(module.weight.data, 0.0, initialization_gain)
            elif (initialization_type == 'xavier'):
                torch.nn.init.xavier_normal_(module.weight.data, gain=initialization_gain)
            else:
                raise NotImplementedError(initialization_type)
        elif hasattr(module, 'weight') and class_name.find('BatchNorm') != -1:
            torch.nn.init.normal_(module.weight.data, 1.0, initialization_gain)
            torch.nn.init.constant_(module.bias.data, 0.0)

    model.apply(initialize_module)


model = DualPrimalMeshClassifier()
initialize_model_weights(model, 'normal', 0.02)
w = model.bn.module.weight.detach()
assert abs(w.mean().item() - 1.0) < 0.1 and w.std().item() > 0
print(model(torch.randn(5, 8)).shape)
print("OK: inner BatchNorm1d initialized, wrapper skipped")
""", note="PD-MeshNet's initialize_module matches class_name.find('BatchNorm'), which also hits torch_geometric's BatchNorm wrapper (no .weight of its own), raising \"'BatchNorm' object has no attribute 'weight'\"; the fix suggested in the thread adds hasattr(module, 'weight'). Checked: bad raises AttributeError, twin initializes the inner BatchNorm1d weight ~N(1, 0.02)."),

    case("discuss-pytorch-23605", "https://discuss.pytorch.org/t/initializing-rnn-gru-and-lstm-correctly/23605",
         "stacked-gate-orthogonal", """
import torch
import torch.nn as nn


class Encoder(nn.Module):
    def __init__(self, input_size=16, hidden_size=32):
        super().__init__()
        self.gru = nn.GRU(input_size, hidden_size, batch_first=True)
        self.out = nn.Linear(hidden_size, 4)
        self.init_weights()

    def init_weights(self):
        for m in self.modules():
            if type(m) in [nn.GRU, nn.LSTM, nn.RNN]:
                for name, param in m.named_parameters():
                    if 'weight_ih' in name:
                        torch.nn.init.xavier_uniform_(param.data)
                    elif 'weight_hh' in name:
                        torch.nn.init.orthogonal_(param.data)
                    elif 'bias' in name:
                        param.data.fill_(0)

    def forward(self, x):
        y, _ = self.gru(x)
        return self.out(y[:, -1])


torch.manual_seed(0)
enc = Encoder()
H = enc.gru.hidden_size
W_hr = enc.gru.weight_hh_l0[:H].detach()          # reset-gate block of the stacked (3H, H) matrix
err = (W_hr @ W_hr.T - torch.eye(H)).abs().max().item()
print("max |W W^T - I| of one gate block:", err)
assert err > 0.1
print("BUG: orthogonal_ on the stacked weight_hh does not make each gate's matrix orthogonal")
""", """
import torch
import torch.nn as nn


class Encoder(nn.Module):
    def __init__(self, input_size=16, hidden_size=32):
        super().__init__()
        self.gru = nn.GRU(input_size, hidden_size, batch_first=True)
        self.out = nn.Linear(hidden_size, 4)
        self.init_weights()

    def init_weights(self):
        for m in self.modules():
            if type(m) in [nn.GRU, nn.LSTM, nn.RNN]:
                for name, param in m.named_parameters():
                    if 'weight_ih' in name:
                        torch.nn.init.xavier_uniform_(param.data)
                    elif 'weight_hh' in name:
                        mul = param.shape[0] // m.hidden_size
                        for idx in range(mul):
                            torch.nn.init.orthogonal_(param.data[idx * m.hidden_size:(idx + 1) * m.hidden_size])
                    elif 'bias' in name:
                        param.data.fill_(0)

    def forward(self, x):
        y, _ = self.gru(x)
        return self.out(y[:, -1])


torch.manual_seed(0)
enc = Encoder()
H = enc.gru.hidden_size
errs = []
for g in range(3):
    W = enc.gru.weight_hh_l0[g * H:(g + 1) * H].detach()
    errs.append((W @ W.T - torch.eye(H)).abs().max().item())
print("max |W W^T - I| per gate block:", errs)
assert max(errs) < 1e-4
print("OK: each gate's hidden-to-hidden block is orthogonal")
""", note="The thread's init_weights calls init.orthogonal_ on the whole weight_hh (GRU/LSTM gates stacked along dim 0); the answers point out it is a concatenation of gate matrices and each block must be initialized separately. Checked W W^T - I for a gate block: large in bad, <1e-4 for every block in the twin (per-gate loop over hidden_size slices)."),

    case("vkola-lab-tmi2022-19", "https://github.com/vkola-lab/tmi2022/issues/19",
         "bias-false-unguarded-init", """
import torch
import torch.nn as nn
import torch.nn.init as init


class RelProp(nn.Module):
    def relprop(self, R, alpha):
        return R


class Linear(nn.Linear, RelProp):
    pass


class Mlp(nn.Module):
    def __init__(self, in_features, hidden_features=None, out_features=None, drop=0.):
        super().__init__()
        out_features = out_features or in_features
        hidden_features = hidden_features or in_features
        self.fc1 = Linear(in_features, hidden_features)
        self.act = nn.GELU()
        self.fc2 = Linear(hidden_features, out_features)

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


class Attention(nn.Module):
    def __init__(self, dim, num_heads=8, qkv_bias=False, attn_drop=0., proj_drop=0.):
        super().__init__()
        self.num_heads = num_heads
        self.scale = (dim // num_heads) ** -0.5
        self.qkv = Linear(dim, dim * 3, bias=qkv_bias)
        self.proj = Linear(dim, dim)

    def forward(self, x):
        b, n, c = x.shape
        q, k, v = self.qkv(x).reshape(b, n, 3, self.num_heads, c // self.num_heads).permute(2, 0, 3, 1, 4)
        attn = (q @ k.transpose(-2, -1) * self.scale).softmax(dim=-1)
        return self.proj((attn @ v).transpose(1, 2).reshape(b, n, c))


class Block(nn.Module):
    def __init__(self, dim, num_heads, mlp_ratio=4., qkv_bias=False):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim)
        self.attn = Attention(dim, num_heads=num_heads, qkv_bias=qkv_bias)
        self.norm2 = nn.LayerNorm(dim)
        self.mlp = Mlp(dim, hidden_features=int(dim * mlp_ratio))

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class VisionTransformer(nn.Module):
    def __init__(self, num_classes=3, embed_dim=32, depth=1, num_heads=4, mlp_ratio=2., qkv_bias=False):
        super().__init__()
        self.blocks = nn.ModuleList([Block(embed_dim, num_heads, mlp_ratio, qkv_bias) for _ in range(depth)])
        self.norm = nn.LayerNorm(embed_dim)
        self.head = Linear(embed_dim, num_classes)

    def forward(self, x):
        for blk in self.blocks:
            x = blk(x)
        return self.head(self.norm(x)[:, 0])


def weight_init(m):
    '''
    Usage:
        model = Model()
        model.apply(weight_init)
    '''
    if isinstance(m, nn.Conv2d):
        init.xavier_normal_(m.weight.data)
        if m.bias is not None:
            init.normal_(m.bias.data)
    elif isinstance(m, nn.BatchNorm1d):
        init.normal_(m.weight.data, mean=1, std=0.02)
        init.constant_(m.bias.data, 0)
    elif isinstance(m, nn.Linear):
        init.xavier_normal_(m.weight.data)
        init.normal_(m.bias.data)
    elif isinstance(m, nn.LSTM):
        for param in m.parameters():
            if len(param.shape) >= 2:
                init.orthogonal_(param.data)
            else:
                init.normal_(param.data)


model = VisionTransformer()
try:
    model.apply(weight_init)
    print("initialized")
except AttributeError as e:
    print("BUG: weight_init crashes on the bias-free qkv Linear:", e)
""", """
import torch
import torch.nn as nn
import torch.nn.init as init


class RelProp(nn.Module):
    def relprop(self, R, alpha):
        return R


class Linear(nn.Linear, RelProp):
    pass


class Mlp(nn.Module):
    def __init__(self, in_features, hidden_features=None, out_features=None, drop=0.):
        super().__init__()
        out_features = out_features or in_features
        hidden_features = hidden_features or in_features
        self.fc1 = Linear(in_features, hidden_features)
        self.act = nn.GELU()
        self.fc2 = Linear(hidden_features, out_features)

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


class Attention(nn.Module):
    def __init__(self, dim, num_heads=8, qkv_bias=False, attn_drop=0., proj_drop=0.):
        super().__init__()
        self.num_heads = num_heads
        self.scale = (dim // num_heads) ** -0.5
        self.qkv = Linear(dim, dim * 3, bias=qkv_bias)
        self.proj = Linear(dim, dim)

    def forward(self, x):
        b, n, c = x.shape
        q, k, v = self.qkv(x).reshape(b, n, 3, self.num_heads, c // self.num_heads).permute(2, 0, 3, 1, 4)
        attn = (q @ k.transpose(-2, -1) * self.scale).softmax(dim=-1)
        return self.proj((attn @ v).transpose(1, 2).reshape(b, n, c))


class Block(nn.Module):
    def __init__(self, dim, num_heads, mlp_ratio=4., qkv_bias=False):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim)
        self.attn = Attention(dim, num_heads=num_heads, qkv_bias=qkv_bias)
        self.norm2 = nn.LayerNorm(dim)
        self.mlp = Mlp(dim, hidden_features=int(dim * mlp_ratio))

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class VisionTransformer(nn.Module):
    def __init__(self, num_classes=3, embed_dim=32, depth=1, num_heads=4, mlp_ratio=2., qkv_bias=False):
        super().__init__()
        self.blocks = nn.ModuleList([Block(embed_dim, num_heads, mlp_ratio, qkv_bias) for _ in range(depth)])
        self.norm = nn.LayerNorm(embed_dim)
        self.head = Linear(embed_dim, num_classes)

    def forward(self, x):
        for blk in self.blocks:
            x = blk(x)
        return self.head(self.norm(x)[:, 0])


def weight_init(m):
    '''
    Usage:
        model = Model()
        model.apply(weight_init)
    '''
    if isinstance(m, nn.Conv2d):
        init.xavier_normal_(m.weight.data)
        if m.bias is not None:
            init.normal_(m.bias.data)
    elif isinstance(m, nn.BatchNorm1d):
        init.normal_(m.weight.data, mean=1, std=0.02)
        init.constant_(m.bias.data, 0)
    elif isinstance(m, nn.Linear):
        init.xavier_normal_(m.weight.data)
        if m.bias is not None:
            init.normal_(m.bias.data)
    elif isinstance(m, nn.LSTM):
        for param in m.parameters():
            if len(param.shape) >= 2:
                init.orthogonal_(param.data)
            else:
                init.normal_(param.data)


model = VisionTransformer()
model.apply(weight_init)
assert model.blocks[0].attn.qkv.bias is None
print(model(torch.randn(2, 5, 32)).shape)
print("OK: weight_init applied, bias-free qkv skipped")
""", note="tmi2022's models/weight_init.py guards the bias in the conv branches but its nn.Linear branch calls init.normal_(m.bias.data) unguarded, while the ViT Attention builds self.qkv = Linear(dim, dim*3, bias=qkv_bias) with qkv_bias=False; enabling model.apply(weight_init) gives the reported \"'NoneType' object has no attribute 'data'\". Checked: bad raises it, twin (same 'if m.bias is not None' guard as the conv branches) runs a forward pass."),

    case("SCIInstitute-ShapeWorks-1900", "https://github.com/SCIInstitute/ShapeWorks/issues/1900",
         "init-dispatch-wrong-conv-dim", """
import torch
import torch.nn as nn
from collections import OrderedDict


class Flatten(nn.Module):
    def forward(self, x):
        return x.view(x.size(0), -1)


class DeepSSMNet(nn.Module):
    def __init__(self, num_latent=6, img_dims=(24, 24, 24)):
        super().__init__()
        self.num_latent = num_latent
        self.features = nn.Sequential(OrderedDict([
            ('conv1', nn.Conv3d(1, 12, 5)),
            ('bn1', nn.BatchNorm3d(12)),
            ('relu1', nn.PReLU()),
            ('mp1', nn.MaxPool3d(2)),
            ('conv2', nn.Conv3d(12, 24, 5)),
            ('bn2', nn.BatchNorm3d(24)),
            ('relu2', nn.PReLU()),
            ('flatten', Flatten()),
            ('fc1', nn.Linear(24 * 6 * 6 * 6, 96)),
            ('relu6', nn.PReLU()),
        ]))
        self.pca_pred = nn.Sequential(OrderedDict([('linear', nn.Linear(96, num_latent))]))

    def forward(self, x):
        return self.pca_pred(self.features(x))


def weight_init(module, initf):
    def foo(m):
        classname = m.__class__.__name__.lower()
        if isinstance(m, module):
            initf(m.weight)
    return foo


torch.manual_seed(0)
net = DeepSSMNet()
# initialize model weights
net.apply(weight_init(module=nn.Conv2d, initf=nn.init.xavier_normal_))
net.apply(weight_init(module=nn.Linear, initf=nn.init.xavier_normal_))
w = net.features.conv2.weight
fan_in, fan_out = w[0].numel(), w.shape[0] * w[0, 0].numel()
xavier_std = (2.0 / (fan_in + fan_out)) ** 0.5
print("conv2 std %.4f vs xavier_normal std %.4f" % (w.std().item(), xavier_std))
assert abs(w.std().item() - xavier_std) / xavier_std > 0.15
print("BUG: Conv3d layers keep PyTorch's default init")
""", """
import torch
import torch.nn as nn
from collections import OrderedDict


class Flatten(nn.Module):
    def forward(self, x):
        return x.view(x.size(0), -1)


class DeepSSMNet(nn.Module):
    def __init__(self, num_latent=6, img_dims=(24, 24, 24)):
        super().__init__()
        self.num_latent = num_latent
        self.features = nn.Sequential(OrderedDict([
            ('conv1', nn.Conv3d(1, 12, 5)),
            ('bn1', nn.BatchNorm3d(12)),
            ('relu1', nn.PReLU()),
            ('mp1', nn.MaxPool3d(2)),
            ('conv2', nn.Conv3d(12, 24, 5)),
            ('bn2', nn.BatchNorm3d(24)),
            ('relu2', nn.PReLU()),
            ('flatten', Flatten()),
            ('fc1', nn.Linear(24 * 6 * 6 * 6, 96)),
            ('relu6', nn.PReLU()),
        ]))
        self.pca_pred = nn.Sequential(OrderedDict([('linear', nn.Linear(96, num_latent))]))

    def forward(self, x):
        return self.pca_pred(self.features(x))


def weight_init(module, initf):
    def foo(m):
        classname = m.__class__.__name__.lower()
        if isinstance(m, module):
            initf(m.weight)
    return foo


torch.manual_seed(0)
net = DeepSSMNet()
# initialize model weights
net.apply(weight_init(module=nn.Conv3d, initf=nn.init.xavier_normal_))
net.apply(weight_init(module=nn.Linear, initf=nn.init.xavier_normal_))
w = net.features.conv2.weight
fan_in, fan_out = w[0].numel(), w.shape[0] * w[0, 0].numel()
xavier_std = (2.0 / (fan_in + fan_out)) ** 0.5
print("conv2 std %.4f vs xavier_normal std %.4f" % (w.std().item(), xavier_std))
assert abs(w.std().item() - xavier_std) / xavier_std < 0.05
print(net(torch.randn(2, 1, 24, 24, 24)).shape)
print("OK: Conv3d layers xavier-initialized")
""", note="DeepSSM's trainer applies weight_init(module=nn.Conv2d, initf=xavier_normal_) to a network built only from Conv3d layers, so the convs keep the default init (issue: 'should be initialized for Conv3d instead of Conv2d'). Checked the std of conv2's weight: ~30% below xavier_normal's in bad, within 5% of it in the twin (module=nn.Conv3d)."),

    case("puffnjackie-pytorch-super-resolution-implementations-2",
         "https://github.com/puffnjackie/pytorch-super-resolution-implementations/pull/2",
         "copy-paste-init-same-layer", """
import torch
import torch.nn as nn
import torch.nn.init as init


class Upconv(nn.Module):
    def __init__(self, upscale_factor):
        super(Upconv, self).__init__()
        self.offset = 7
        self.prelu = nn.LeakyReLU(negative_slope=0.1)
        self.conv1 = nn.Conv2d(1, 16, kernel_size=3, stride=1, padding=1)
        self.conv2 = nn.Conv2d(16, 32, kernel_size=3, stride=1, padding=1)
        self.conv3 = nn.Conv2d(32, 64, kernel_size=3, stride=1, padding=1)
        self.conv4 = nn.Conv2d(64, 128, kernel_size=3, stride=1, padding=1)
        self.conv5 = nn.Conv2d(128, 128, kernel_size=3, stride=1, padding=1)
        self.conv6 = nn.Conv2d(128, 256, kernel_size=3, stride=1, padding=1)
        self.conv7 = nn.ConvTranspose2d(256, 1, kernel_size=4, stride=2, padding=1, bias=False)
        self.criterion = nn.MSELoss()
        self.optimizer = torch.optim.Adam(self.parameters())
        self._initialize_weights()

    def forward(self, x):
        x = self.prelu(self.conv1(x))
        x = self.prelu(self.conv2(x))
        x = self.prelu(self.conv3(x))
        x = self.prelu(self.conv4(x))
        x = self.prelu(self.conv5(x))
        x = self.prelu(self.conv6(x))
        return self.conv7(x)

    def _initialize_weights(self):
        init.normal_(self.conv1.weight, init.calculate_gain('leaky_relu'))
        init.normal_(self.conv1.weight, init.calculate_gain('leaky_relu'))
        init.normal_(self.conv1.weight, init.calculate_gain('leaky_relu'))
        init.normal_(self.conv1.weight, init.calculate_gain('leaky_relu'))
        init.normal_(self.conv1.weight, init.calculate_gain('leaky_relu'))
        init.normal_(self.conv1.weight, init.calculate_gain('leaky_relu'))
        init.normal_(self.conv1.weight)


torch.manual_seed(0)
model = Upconv(2)
stds = [getattr(model, "conv%d" % i).weight.std().item() for i in range(1, 8)]
print("weight std per conv:", ["%.3f" % s for s in stds])
assert all(s < 0.2 for s in stds[1:])
print("BUG: conv2..conv7 never initialized, conv1 initialized seven times")
""", """
import torch
import torch.nn as nn
import torch.nn.init as init


class Upconv(nn.Module):
    def __init__(self, upscale_factor):
        super(Upconv, self).__init__()
        self.offset = 7
        self.prelu = nn.LeakyReLU(negative_slope=0.1)
        self.conv1 = nn.Conv2d(1, 16, kernel_size=3, stride=1, padding=1)
        self.conv2 = nn.Conv2d(16, 32, kernel_size=3, stride=1, padding=1)
        self.conv3 = nn.Conv2d(32, 64, kernel_size=3, stride=1, padding=1)
        self.conv4 = nn.Conv2d(64, 128, kernel_size=3, stride=1, padding=1)
        self.conv5 = nn.Conv2d(128, 128, kernel_size=3, stride=1, padding=1)
        self.conv6 = nn.Conv2d(128, 256, kernel_size=3, stride=1, padding=1)
        self.conv7 = nn.ConvTranspose2d(256, 1, kernel_size=4, stride=2, padding=1, bias=False)
        self.criterion = nn.MSELoss()
        self.optimizer = torch.optim.Adam(self.parameters())
        self._initialize_weights()

    def forward(self, x):
        x = self.prelu(self.conv1(x))
        x = self.prelu(self.conv2(x))
        x = self.prelu(self.conv3(x))
        x = self.prelu(self.conv4(x))
        x = self.prelu(self.conv5(x))
        x = self.prelu(self.conv6(x))
        return self.conv7(x)

    def _initialize_weights(self):
        init.normal_(self.conv1.weight, init.calculate_gain('leaky_relu'))
        init.normal_(self.conv2.weight, init.calculate_gain('leaky_relu'))
        init.normal_(self.conv3.weight, init.calculate_gain('leaky_relu'))
        init.normal_(self.conv4.weight, init.calculate_gain('leaky_relu'))
        init.normal_(self.conv5.weight, init.calculate_gain('leaky_relu'))
        init.normal_(self.conv6.weight, init.calculate_gain('leaky_relu'))
        init.normal_(self.conv7.weight)


torch.manual_seed(0)
model = Upconv(2)
stds = [getattr(model, "conv%d" % i).weight.std().item() for i in range(1, 8)]
print("weight std per conv:", ["%.3f" % s for s in stds])
assert all(abs(s - 1.0) < 0.1 for s in stds)
print("OK: every conv layer gets the intended normal_ init")
""", note="Upconv._initialize_weights calls init.normal_ on self.conv1.weight seven times (copy-paste), so conv2..conv7 keep PyTorch's default init (PR title: 'Fix convolutional layers weights initialization'). Checked the weight std per layer: ~1 only for conv1 in bad (others <0.2), ~1 for all seven in the twin. The odd normal_(w, gain) argument order is kept unchanged in both."),

    case("pytorch-pytorch-1812", "https://github.com/pytorch/pytorch/issues/1812",
         "padding-row-lost-by-weight-replacement", """
import torch
import torch.nn as nn

e = nn.Embedding(3, 2, padding_idx=0)
e.weight = nn.Parameter(torch.rand(3, 2))

indices = torch.LongTensor([0, 1, 2])
out = e(indices)
print(out)
assert out[0].abs().sum().item() > 0
print("BUG: the padding index no longer maps to a zero vector")
""", """
import torch
import torch.nn as nn

e = nn.Embedding(3, 2, padding_idx=0)
e.weight = nn.Parameter(torch.cat([torch.zeros(1, 2), torch.rand(2, 2)], dim=0))

indices = torch.LongTensor([0, 1, 2])
out = e(indices)
print(out)
assert out[0].abs().sum().item() == 0
out.sum().backward()
assert e.weight.grad[0].abs().sum().item() == 0
print("OK: padding row is zero and receives no gradient")
""", note="The reporter builds nn.Embedding(3, 2, padding_idx=0) and then replaces the whole weight with nn.Parameter(torch.rand(3, 2)), so index 0 no longer returns zeros ('padding_idx doesn't work'); the thread's fix keeps a zero first row. Checked e(0): non-zero in bad, zero (and zero gradient) in the twin."),

    case("EmbarkStudios-emote-152", "https://github.com/EmbarkStudios/emote/pull/152",
         "init-dispatch-covers-no-built-layer", """
from __future__ import annotations

import numpy as np
import torch
import torch.nn as nn


def ortho_init_(m, gain=np.sqrt(2)):
    if isinstance(m, nn.Linear):
        nn.init.orthogonal_(m.weight.data, gain)
        nn.init.constant_(m.bias.data, 0.0)


class Conv2dEncoder(nn.Module):
    \"\"\"Multi-layer 2D convolutional encoder.\"\"\"

    def __init__(self, input_shape, channels, kernels, strides, padding, channels_last=True,
                 activation=torch.nn.ReLU, flatten=True, **kwargs):
        super().__init__(**kwargs)
        self._channels_last = channels_last
        if channels_last:
            self._img_shape_cwh = [input_shape[2], input_shape[0], input_shape[1]]
        else:
            self._img_shape_cwh = input_shape
        self.flatten = flatten

        num_layers = len(channels)
        channels = [self._img_shape_cwh[0]] + channels

        self._layers = torch.nn.ModuleList()
        for i in range(num_layers):
            self._layers.append(
                torch.nn.Conv2d(channels[i], channels[i + 1], kernels[i], stride=strides[i], padding=padding[i])
            )
            self._layers.append(activation())
        if self.flatten:
            self._layers.append(nn.Flatten())

        self.apply(ortho_init_)

    def forward(self, obs: torch.Tensor):
        x = obs
        if self._channels_last:
            x = x.permute(0, 3, 1, 2)
        for layer in self._layers:
            x = layer(x)
        return x


torch.manual_seed(0)
enc = Conv2dEncoder((16, 16, 3), channels=[8, 16], kernels=[3, 3], strides=[2, 2], padding=[1, 1])
conv = enc._layers[0]
W = conv.weight.detach().reshape(conv.out_channels, -1)
err = (W @ W.T - 2.0 * torch.eye(conv.out_channels)).abs().max().item()
print("max |W W^T - gain^2 I| for the first conv:", err, "| bias all zero:", bool((conv.bias == 0).all()))
assert err > 0.5
print("BUG: self.apply(ortho_init_) leaves every Conv2d of the encoder at PyTorch's default init")
""", """
from __future__ import annotations

import numpy as np
import torch
import torch.nn as nn


def ortho_init_(m, gain=np.sqrt(2)):
    if isinstance(m, nn.Linear):
        nn.init.orthogonal_(m.weight.data, gain)
        nn.init.constant_(m.bias.data, 0.0)
    if isinstance(m, nn.Conv2d):
        nn.init.orthogonal_(m.weight.data, gain)
        if m.bias is not None:
            nn.init.constant_(m.bias.data, 0.0)


class Conv2dEncoder(nn.Module):
    \"\"\"Multi-layer 2D convolutional encoder.\"\"\"

    def __init__(self, input_shape, channels, kernels, strides, padding, channels_last=True,
                 activation=torch.nn.ReLU, flatten=True, **kwargs):
        super().__init__(**kwargs)
        self._channels_last = channels_last
        if channels_last:
            self._img_shape_cwh = [input_shape[2], input_shape[0], input_shape[1]]
        else:
            self._img_shape_cwh = input_shape
        self.flatten = flatten

        num_layers = len(channels)
        channels = [self._img_shape_cwh[0]] + channels

        self._layers = torch.nn.ModuleList()
        for i in range(num_layers):
            self._layers.append(
                torch.nn.Conv2d(channels[i], channels[i + 1], kernels[i], stride=strides[i], padding=padding[i])
            )
            self._layers.append(activation())
        if self.flatten:
            self._layers.append(nn.Flatten())

        self.apply(ortho_init_)

    def forward(self, obs: torch.Tensor):
        x = obs
        if self._channels_last:
            x = x.permute(0, 3, 1, 2)
        for layer in self._layers:
            x = layer(x)
        return x


torch.manual_seed(0)
enc = Conv2dEncoder((16, 16, 3), channels=[8, 16], kernels=[3, 3], strides=[2, 2], padding=[1, 1])
conv = enc._layers[0]
W = conv.weight.detach().reshape(conv.out_channels, -1)
err = (W @ W.T - 2.0 * torch.eye(conv.out_channels)).abs().max().item()
print("max |W W^T - gain^2 I| for the first conv:", err, "| bias all zero:", bool((conv.bias == 0).all()))
assert err < 1e-4 and bool((conv.bias == 0).all())
print(enc(torch.randn(2, 16, 16, 3)).shape)
print("OK: Conv2d layers orthogonally initialized")
""", note="emote's Conv2dEncoder calls self.apply(ortho_init_) but ortho_init_ only has an nn.Linear branch, so none of the encoder's Conv2d layers get the orthogonal init; PR #152 adds a Conv2d branch (its 'if m.bias:' test was corrected to 'is not None' in #156, which the twin uses). Checked W W^T against gain^2 I for the first conv: far off in bad, <1e-4 with zero bias in the twin."),

    # ---- collector C ------------------------------------------------------------------------------------------
    case('NVIDIA-DeepLearningExamples-1331', 'https://github.com/NVIDIA/DeepLearningExamples/issues/1331', 'init-before-weight-norm-lost', r"""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn import Conv1d
from torch.nn.utils import weight_norm

LRELU_SLOPE = 0.1


def init_weights(m, mean=0.0, std=0.01):
    classname = m.__class__.__name__
    if classname.find("Conv") != -1:
        m.weight.data.normal_(mean, std)


def get_padding(kernel_size, dilation=1):
    return int((kernel_size * dilation - dilation) / 2)


class ResBlock2(nn.Module):
    def __init__(self, channels, kernel_size=3, dilation=(1, 3)):
        super().__init__()
        ch, ks = channels, kernel_size
        self.convs = nn.ModuleList([
            weight_norm(Conv1d(ch, ch, ks, 1, get_padding(ks, dilation[0]), dilation[0])),
            weight_norm(Conv1d(ch, ch, ks, 1, get_padding(ks, dilation[1]), dilation[1])),
        ])
        self.convs.apply(init_weights)

    def forward(self, x):
        for c in self.convs:
            xt = F.leaky_relu(x, LRELU_SLOPE)
            xt = c(xt)
            x = xt + x
        return x


if __name__ == "__main__":
    torch.manual_seed(0)
    block = ResBlock2(128)
    block(torch.randn(1, 128, 16))  # weight is recomputed from weight_g/weight_v here
    std = block.convs[0].weight.std().item()
    print("conv weight std after forward:", std)
    assert abs(std - 0.01) > 0.005, "init took effect"
    print("BUG: normal_(0, 0.01) init was lost, weight_norm recomputed the weight")
""", r"""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn import Conv1d
from torch.nn.utils import weight_norm

LRELU_SLOPE = 0.1


def init_weights(m, mean=0.0, std=0.01):
    classname = m.__class__.__name__
    if classname.find("Conv") != -1:
        m.weight.data.normal_(mean, std)


def get_padding(kernel_size, dilation=1):
    return int((kernel_size * dilation - dilation) / 2)


class ResBlock2(nn.Module):
    def __init__(self, channels, kernel_size=3, dilation=(1, 3)):
        super().__init__()
        ch, ks = channels, kernel_size
        self.convs = nn.ModuleList([
            Conv1d(ch, ch, ks, 1, get_padding(ks, dilation[0]), dilation[0]),
            Conv1d(ch, ch, ks, 1, get_padding(ks, dilation[1]), dilation[1]),
        ])
        self.convs.apply(init_weights)
        for i in range(len(self.convs)):
            self.convs[i] = weight_norm(self.convs[i])

    def forward(self, x):
        for c in self.convs:
            xt = F.leaky_relu(x, LRELU_SLOPE)
            xt = c(xt)
            x = xt + x
        return x


if __name__ == "__main__":
    torch.manual_seed(0)
    block = ResBlock2(128)
    block(torch.randn(1, 128, 16))
    std = block.convs[0].weight.std().item()
    print("conv weight std after forward:", std)
    assert abs(std - 0.01) < 0.002, "init lost"
    print("OK: init applied before weight_norm survives")
""",
        note='HiFi-GAN ResBlock2 (NVIDIA copy): convs wrapped in weight_norm, then convs.apply(init_weights) writes m.weight.data. Checked with torch: after a forward the weight is recomputed from weight_g/weight_v and its std is ~0.03 (default init), not 0.01; the twin inits the plain convs first and wraps them afterwards, std stays 0.01.',
        scope=None),
    case('uber-research-DeepPruner-6', 'https://github.com/uber-research/DeepPruner/issues/6', 'init-method-call-dropped', r"""
import math
import torch
import torch.nn as nn


def convbn_3d_lrelu(in_planes, out_planes, kernel_size, stride, pad):
    return nn.Sequential(nn.Conv3d(in_planes, out_planes, kernel_size=kernel_size, padding=(pad, pad, pad),
                                   stride=(1, stride, stride), bias=False),
                         nn.BatchNorm3d(out_planes),
                         nn.LeakyReLU(0.1, inplace=True))


def conv_relu(in_planes, out_planes, kernel_size, stride, pad, bias=True):
    return nn.Sequential(nn.Conv2d(in_planes, out_planes, kernel_size, stride, pad, bias=bias),
                         nn.ReLU(inplace=True))


class SubModule(nn.Module):
    def __init__(self):
        super(SubModule, self).__init__()

    def weight_init(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                n = m.kernel_size[0] * m.kernel_size[1] * m.out_channels
                m.weight.data.normal_(0, math.sqrt(2. / n))
            elif isinstance(m, nn.Conv3d):
                n = m.kernel_size[0] * m.kernel_size[1] * m.kernel_size[2] * m.out_channels
                m.weight.data.normal_(0, math.sqrt(2. / n))
            elif isinstance(m, nn.BatchNorm2d):
                m.weight.data.fill_(1)
                m.bias.data.zero_()
            elif isinstance(m, nn.BatchNorm3d):
                m.weight.data.fill_(1)
                m.bias.data.zero_()
            elif isinstance(m, nn.Linear):
                m.bias.data.zero_()


class RefinementNet(SubModule):
    def __init__(self, inplanes):
        super(RefinementNet, self).__init__()
        self.conv1 = conv_relu(inplanes, 32, 3, 1, 1)
        self.conv2 = nn.Conv2d(32, 1, 3, 1, 1)
        self.weight_init()

    def forward(self, x):
        return self.conv2(self.conv1(x))


class DeepPruner(SubModule):
    def __init__(self, crp_feature_count=65, hourglass_inplanes=16):
        super(DeepPruner, self).__init__()
        self.refinement_net = RefinementNet(4)
        self.dres0 = nn.Sequential(convbn_3d_lrelu(crp_feature_count, 64, 3, 1, 1),
                                   convbn_3d_lrelu(64, 32, 3, 1, 1))
        self.dres1 = nn.Sequential(convbn_3d_lrelu(32, 32, 3, 1, 1),
                                   convbn_3d_lrelu(32, hourglass_inplanes, 3, 1, 1))
        self.min_disparity_conv = conv_relu(1, 1, 5, 1, 2)
        self.max_disparity_conv = conv_relu(1, 1, 5, 1, 2)

    def forward(self, cost_volume):
        return self.dres1(self.dres0(cost_volume))


if __name__ == "__main__":
    torch.manual_seed(0)
    model = DeepPruner()
    w = model.dres0[0][0].weight
    want = math.sqrt(2. / (27 * 64))
    print("dres0 conv std:", w.std().item(), "wanted:", want)
    assert abs(w.std().item() - want) > 0.25 * want
    print("BUG: DeepPruner's own layers keep PyTorch's default init")
""", r"""
import math
import torch
import torch.nn as nn


def convbn_3d_lrelu(in_planes, out_planes, kernel_size, stride, pad):
    return nn.Sequential(nn.Conv3d(in_planes, out_planes, kernel_size=kernel_size, padding=(pad, pad, pad),
                                   stride=(1, stride, stride), bias=False),
                         nn.BatchNorm3d(out_planes),
                         nn.LeakyReLU(0.1, inplace=True))


def conv_relu(in_planes, out_planes, kernel_size, stride, pad, bias=True):
    return nn.Sequential(nn.Conv2d(in_planes, out_planes, kernel_size, stride, pad, bias=bias),
                         nn.ReLU(inplace=True))


class SubModule(nn.Module):
    def __init__(self):
        super(SubModule, self).__init__()

    def weight_init(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                n = m.kernel_size[0] * m.kernel_size[1] * m.out_channels
                m.weight.data.normal_(0, math.sqrt(2. / n))
            elif isinstance(m, nn.Conv3d):
                n = m.kernel_size[0] * m.kernel_size[1] * m.kernel_size[2] * m.out_channels
                m.weight.data.normal_(0, math.sqrt(2. / n))
            elif isinstance(m, nn.BatchNorm2d):
                m.weight.data.fill_(1)
                m.bias.data.zero_()
            elif isinstance(m, nn.BatchNorm3d):
                m.weight.data.fill_(1)
                m.bias.data.zero_()
            elif isinstance(m, nn.Linear):
                m.bias.data.zero_()


class RefinementNet(SubModule):
    def __init__(self, inplanes):
        super(RefinementNet, self).__init__()
        self.conv1 = conv_relu(inplanes, 32, 3, 1, 1)
        self.conv2 = nn.Conv2d(32, 1, 3, 1, 1)
        self.weight_init()

    def forward(self, x):
        return self.conv2(self.conv1(x))


class DeepPruner(SubModule):
    def __init__(self, crp_feature_count=65, hourglass_inplanes=16):
        super(DeepPruner, self).__init__()
        self.refinement_net = RefinementNet(4)
        self.dres0 = nn.Sequential(convbn_3d_lrelu(crp_feature_count, 64, 3, 1, 1),
                                   convbn_3d_lrelu(64, 32, 3, 1, 1))
        self.dres1 = nn.Sequential(convbn_3d_lrelu(32, 32, 3, 1, 1),
                                   convbn_3d_lrelu(32, hourglass_inplanes, 3, 1, 1))
        self.min_disparity_conv = conv_relu(1, 1, 5, 1, 2)
        self.max_disparity_conv = conv_relu(1, 1, 5, 1, 2)
        self.weight_init()

    def forward(self, cost_volume):
        return self.dres1(self.dres0(cost_volume))


if __name__ == "__main__":
    torch.manual_seed(0)
    model = DeepPruner()
    w = model.dres0[0][0].weight
    want = math.sqrt(2. / (27 * 64))
    print("dres0 conv std:", w.std().item(), "wanted:", want)
    assert abs(w.std().item() - want) < 0.05 * want
    print("OK: weight_init applied to DeepPruner layers")
""",
        note="SubModule.weight_init is called by the submodules but the call in DeepPruner.__init__ was erased during cleaning (maintainer's answer). Checked with torch: DeepPruner's own Conv3d has std 0.014 (default) instead of sqrt(2/n)=0.034; the twin restores self.weight_init().",
        scope='but is never referenced anywhere in the checked project: not applied, not called, not passed on.'),
    case('STVIR-pysot-381', 'https://github.com/STVIR/pysot/issues/381', 'init-function-never-called', r"""
import torch
import torch.nn as nn
import torch.nn.functional as F


def init_weights(model):
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            nn.init.kaiming_normal_(m.weight.data,
                                    mode='fan_out',
                                    nonlinearity='relu')
        elif isinstance(m, nn.BatchNorm2d):
            m.weight.data.fill_(1)
            m.bias.data.zero_()


def xcorr_depthwise(x, kernel):
    batch = kernel.size(0)
    channel = kernel.size(1)
    x = x.view(1, batch * channel, x.size(2), x.size(3))
    kernel = kernel.view(batch * channel, 1, kernel.size(2), kernel.size(3))
    out = F.conv2d(x, kernel, groups=batch * channel)
    return out.view(batch, channel, out.size(2), out.size(3))


class RPN(nn.Module):
    def __init__(self):
        super(RPN, self).__init__()

    def forward(self, z_f, x_f):
        raise NotImplementedError


class DepthwiseXCorr(nn.Module):
    def __init__(self, in_channels, hidden, out_channels, kernel_size=3):
        super(DepthwiseXCorr, self).__init__()
        self.conv_kernel = nn.Sequential(
                nn.Conv2d(in_channels, hidden, kernel_size=kernel_size, bias=False),
                nn.BatchNorm2d(hidden),
                nn.ReLU(inplace=True),
                )
        self.conv_search = nn.Sequential(
                nn.Conv2d(in_channels, hidden, kernel_size=kernel_size, bias=False),
                nn.BatchNorm2d(hidden),
                nn.ReLU(inplace=True),
                )
        self.head = nn.Sequential(
                nn.Conv2d(hidden, hidden, kernel_size=1, bias=False),
                nn.BatchNorm2d(hidden),
                nn.ReLU(inplace=True),
                nn.Conv2d(hidden, out_channels, kernel_size=1)
                )

    def forward(self, kernel, search):
        kernel = self.conv_kernel(kernel)
        search = self.conv_search(search)
        feature = xcorr_depthwise(search, kernel)
        return self.head(feature)


class DepthwiseRPN(RPN):
    def __init__(self, anchor_num=5, in_channels=64, out_channels=64):
        super(DepthwiseRPN, self).__init__()
        self.cls = DepthwiseXCorr(in_channels, out_channels, 2 * anchor_num)
        self.loc = DepthwiseXCorr(in_channels, out_channels, 4 * anchor_num)

    def forward(self, z_f, x_f):
        cls = self.cls(z_f, x_f)
        loc = self.loc(z_f, x_f)
        return cls, loc


if __name__ == "__main__":
    torch.manual_seed(0)
    rpn = DepthwiseRPN()
    w = rpn.cls.conv_kernel[0].weight
    want = (2.0 / (64 * 9)) ** 0.5  # kaiming_normal_, mode='fan_out'
    print("conv std:", w.std().item(), "kaiming fan_out std:", want)
    cls, loc = rpn(torch.randn(1, 64, 7, 7), torch.randn(1, 64, 31, 31))
    assert abs(w.std().item() - want) > 0.25 * want
    print("BUG: init_weights is never called, the RPN head keeps the default init")
""", r"""
import torch
import torch.nn as nn
import torch.nn.functional as F


def init_weights(model):
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            nn.init.kaiming_normal_(m.weight.data,
                                    mode='fan_out',
                                    nonlinearity='relu')
        elif isinstance(m, nn.BatchNorm2d):
            m.weight.data.fill_(1)
            m.bias.data.zero_()


def xcorr_depthwise(x, kernel):
    batch = kernel.size(0)
    channel = kernel.size(1)
    x = x.view(1, batch * channel, x.size(2), x.size(3))
    kernel = kernel.view(batch * channel, 1, kernel.size(2), kernel.size(3))
    out = F.conv2d(x, kernel, groups=batch * channel)
    return out.view(batch, channel, out.size(2), out.size(3))


class RPN(nn.Module):
    def __init__(self):
        super(RPN, self).__init__()

    def forward(self, z_f, x_f):
        raise NotImplementedError


class DepthwiseXCorr(nn.Module):
    def __init__(self, in_channels, hidden, out_channels, kernel_size=3):
        super(DepthwiseXCorr, self).__init__()
        self.conv_kernel = nn.Sequential(
                nn.Conv2d(in_channels, hidden, kernel_size=kernel_size, bias=False),
                nn.BatchNorm2d(hidden),
                nn.ReLU(inplace=True),
                )
        self.conv_search = nn.Sequential(
                nn.Conv2d(in_channels, hidden, kernel_size=kernel_size, bias=False),
                nn.BatchNorm2d(hidden),
                nn.ReLU(inplace=True),
                )
        self.head = nn.Sequential(
                nn.Conv2d(hidden, hidden, kernel_size=1, bias=False),
                nn.BatchNorm2d(hidden),
                nn.ReLU(inplace=True),
                nn.Conv2d(hidden, out_channels, kernel_size=1)
                )

    def forward(self, kernel, search):
        kernel = self.conv_kernel(kernel)
        search = self.conv_search(search)
        feature = xcorr_depthwise(search, kernel)
        return self.head(feature)


class DepthwiseRPN(RPN):
    def __init__(self, anchor_num=5, in_channels=64, out_channels=64):
        super(DepthwiseRPN, self).__init__()
        self.cls = DepthwiseXCorr(in_channels, out_channels, 2 * anchor_num)
        self.loc = DepthwiseXCorr(in_channels, out_channels, 4 * anchor_num)
        init_weights(self)

    def forward(self, z_f, x_f):
        cls = self.cls(z_f, x_f)
        loc = self.loc(z_f, x_f)
        return cls, loc


if __name__ == "__main__":
    torch.manual_seed(0)
    rpn = DepthwiseRPN()
    w = rpn.cls.conv_kernel[0].weight
    want = (2.0 / (64 * 9)) ** 0.5  # kaiming_normal_, mode='fan_out'
    print("conv std:", w.std().item(), "kaiming fan_out std:", want)
    cls, loc = rpn(torch.randn(1, 64, 7, 7), torch.randn(1, 64, 31, 31))
    assert abs(w.std().item() - want) < 0.05 * want
    print("OK: init_weights applied to the RPN head")
""",
        note="pysot's init_weights(model) (kaiming fan_out for Conv2d, 1/0 for BN) is imported in rpn.py but never called, so the RPN head keeps default init (maintainer: not finished). Checked with torch: conv std 0.024 vs kaiming fan_out 0.059; the twin calls init_weights(self) in DepthwiseRPN.__init__.",
        scope=None),
    case('deping-1-2019-false-news-detection-challenge-3', 'https://github.com/deping-1/2019-false-news-detection-challenge/issues/3', 'bound-noarg-init-passed-to-apply', r"""
import torch
import torch.nn as nn


# --- minimal stand-in for pytorch_transformers.modeling_bert (1.x API) ---
class BertConfig:
    def __init__(self, vocab_size=100, hidden_size=32, hidden_dropout_prob=0.1,
                 initializer_range=0.02, num_labels=3):
        self.vocab_size = vocab_size
        self.hidden_size = hidden_size
        self.hidden_dropout_prob = hidden_dropout_prob
        self.initializer_range = initializer_range
        self.num_labels = num_labels


class BertPreTrainedModel(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.config = config

    def _init_weights(self, module):
        if isinstance(module, (nn.Linear, nn.Embedding)):
            module.weight.data.normal_(mean=0.0, std=self.config.initializer_range)
        if isinstance(module, nn.Linear) and module.bias is not None:
            module.bias.data.zero_()

    def init_weights(self):
        self.apply(self._init_weights)

    @classmethod
    def from_pretrained(cls, state_dict, config):
        model = cls(config)
        model.load_state_dict(state_dict, strict=False)
        return model


class BertModel(BertPreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.embeddings = nn.Embedding(config.vocab_size, config.hidden_size)
        self.pooler = nn.Linear(config.hidden_size, config.hidden_size)
        self.init_weights()

    def forward(self, input_ids, token_type_ids=None, attention_mask=None, head_mask=None):
        seq = self.embeddings(input_ids)
        pooled = torch.tanh(self.pooler(seq[:, 0]))
        return seq, pooled
# --- end of stand-in ---


class BertForMultiClass(BertPreTrainedModel):
    def __init__(self, config):
        super(BertForMultiClass, self).__init__(config)
        self.bert = BertModel(config)
        self.dropout = nn.Dropout(config.hidden_dropout_prob)
        self.classifier = nn.Linear(config.hidden_size, config.num_labels)
        self.apply(self.init_weights)

    def forward(self, input_ids, token_type_ids=None, attention_mask=None, head_mask=None):
        outputs = self.bert(input_ids, token_type_ids=token_type_ids, attention_mask=attention_mask,
                            head_mask=head_mask)
        pooled_output = outputs[1]
        pooled_output = self.dropout(pooled_output)
        logits = self.classifier(pooled_output)
        return logits


if __name__ == "__main__":
    torch.manual_seed(0)
    config = BertConfig()
    pretrained = BertModel(config).state_dict()
    pretrained = {"bert." + k: v for k, v in pretrained.items()}
    model = BertForMultiClass.from_pretrained(pretrained, config)
    print(model(torch.randint(0, 100, (2, 5))).shape)
""", r"""
import torch
import torch.nn as nn


# --- minimal stand-in for pytorch_transformers.modeling_bert (1.x API) ---
class BertConfig:
    def __init__(self, vocab_size=100, hidden_size=32, hidden_dropout_prob=0.1,
                 initializer_range=0.02, num_labels=3):
        self.vocab_size = vocab_size
        self.hidden_size = hidden_size
        self.hidden_dropout_prob = hidden_dropout_prob
        self.initializer_range = initializer_range
        self.num_labels = num_labels


class BertPreTrainedModel(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.config = config

    def _init_weights(self, module):
        if isinstance(module, (nn.Linear, nn.Embedding)):
            module.weight.data.normal_(mean=0.0, std=self.config.initializer_range)
        if isinstance(module, nn.Linear) and module.bias is not None:
            module.bias.data.zero_()

    def init_weights(self):
        self.apply(self._init_weights)

    @classmethod
    def from_pretrained(cls, state_dict, config):
        model = cls(config)
        model.load_state_dict(state_dict, strict=False)
        return model


class BertModel(BertPreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.embeddings = nn.Embedding(config.vocab_size, config.hidden_size)
        self.pooler = nn.Linear(config.hidden_size, config.hidden_size)
        self.init_weights()

    def forward(self, input_ids, token_type_ids=None, attention_mask=None, head_mask=None):
        seq = self.embeddings(input_ids)
        pooled = torch.tanh(self.pooler(seq[:, 0]))
        return seq, pooled
# --- end of stand-in ---


class BertForMultiClass(BertPreTrainedModel):
    def __init__(self, config):
        super(BertForMultiClass, self).__init__(config)
        self.bert = BertModel(config)
        self.dropout = nn.Dropout(config.hidden_dropout_prob)
        self.classifier = nn.Linear(config.hidden_size, config.num_labels)
        self.init_weights()

    def forward(self, input_ids, token_type_ids=None, attention_mask=None, head_mask=None):
        outputs = self.bert(input_ids, token_type_ids=token_type_ids, attention_mask=attention_mask,
                            head_mask=head_mask)
        pooled_output = outputs[1]
        pooled_output = self.dropout(pooled_output)
        logits = self.classifier(pooled_output)
        return logits


if __name__ == "__main__":
    torch.manual_seed(0)
    config = BertConfig()
    pretrained = BertModel(config).state_dict()
    pretrained = {"bert." + k: v for k, v in pretrained.items()}
    model = BertForMultiClass.from_pretrained(pretrained, config)
    print(model(torch.randint(0, 100, (2, 5))).shape)
    assert abs(model.classifier.weight.std().item() - 0.02) < 0.01
    print("OK: classifier initialized with std", model.classifier.weight.std().item())
""",
        note="BertForMultiClass does self.apply(self.init_weights) but pytorch_transformers' PreTrainedModel.init_weights(self) takes no module (stubbed locally). Checked with torch: building via from_pretrained raises TypeError 'takes 1 positional argument but 2 were given'; the twin calls self.init_weights() and the classifier gets std 0.02.",
        scope=None),
    case('huggingface-transformers-42418', 'https://github.com/huggingface/transformers/issues/42418', 'hf-constructor-init-lost-on-from-pretrained', r"""
import os
import tempfile
import torch
import torch.nn as nn


# --- minimal stand-in for transformers.PreTrainedModel (from_pretrained builds the model
# without running inits, loads the checkpoint, then runs _init_weights only on modules that
# own missing keys; untouched storage is modelled as zeros, as the report observed) ---
class PretrainedConfig:
    def __init__(self, **kw):
        self.__dict__.update(kw)


class PreTrainedModel(nn.Module):
    config_class = PretrainedConfig

    def __init__(self, config, *args, **kwargs):
        super().__init__()
        self.config = config

    def _init_weights(self, module):
        std = self.config.initializer_range
        if isinstance(module, nn.Linear):
            module.weight.data.normal_(mean=0.0, std=std)
            if module.bias is not None:
                module.bias.data.zero_()
        elif isinstance(module, nn.Embedding):
            module.weight.data.normal_(mean=0.0, std=std)
        elif isinstance(module, nn.LayerNorm):
            module.weight.data.fill_(1.0)
            module.bias.data.zero_()

    def post_init(self):
        self.apply(self._init_weights)

    def save_pretrained(self, path):
        torch.save({"config": self.config.__dict__, "state_dict": self.state_dict()}, path)

    @classmethod
    def from_pretrained(cls, path, *args, **kwargs):
        ckpt = torch.load(path)
        config = cls.config_class(**ckpt["config"])
        with torch.device("meta"):
            model = cls(config, *args, **kwargs)
        model.to_empty(device="cpu")
        with torch.no_grad():
            for t in list(model.parameters()) + list(model.buffers()):
                t.zero_()
        missing, _ = model.load_state_dict(ckpt["state_dict"], strict=False)
        owners = {k.rsplit(".", 1)[0] if "." in k else "" for k in missing}
        for name, module in model.named_modules():
            if name in owners:
                model._init_weights(module)
        return model
# --- end of stand-in ---


class Qwen3VLForConditionalGeneration(PreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.embed_tokens = nn.Embedding(config.vocab_size, config.hidden_size)
        self.norm = nn.LayerNorm(config.hidden_size)
        self.lm_head = nn.Linear(config.hidden_size, config.vocab_size, bias=False)
        self.post_init()

    def forward(self, input_ids):
        return self.lm_head(self.norm(self.embed_tokens(input_ids)))


class MyQwen3VL(Qwen3VLForConditionalGeneration):
    def __init__(self, config, num_queries=8):
        super().__init__(config)
        self.query_tokens = nn.Parameter(torch.empty(num_queries, config.hidden_size))
        nn.init.normal_(self.query_tokens, mean=0.0, std=0.02)
        self.gate = nn.Parameter(torch.empty(1))
        self.gate.data.fill_(1.0)
        self.post_init()

    def forward(self, input_ids):
        h = self.norm(self.embed_tokens(input_ids))
        h = h + self.gate * self.query_tokens.mean(0)
        return self.lm_head(h)


if __name__ == "__main__":
    torch.manual_seed(0)
    base = Qwen3VLForConditionalGeneration(PretrainedConfig(vocab_size=50, hidden_size=16, initializer_range=0.02))
    path = os.path.join(tempfile.mkdtemp(), "base.pt")
    base.save_pretrained(path)
    model = MyQwen3VL.from_pretrained(path)
    print("query_tokens std:", model.query_tokens.std().item(), "gate:", model.gate.item())
    assert torch.equal(model.lm_head.weight, base.lm_head.weight)
    assert model.query_tokens.abs().sum() == 0 and model.gate.item() == 0.0
    print("BUG: the __init__ init of the new parameters is gone after from_pretrained")
""", r"""
import os
import tempfile
import torch
import torch.nn as nn


# --- minimal stand-in for transformers.PreTrainedModel (from_pretrained builds the model
# without running inits, loads the checkpoint, then runs _init_weights only on modules that
# own missing keys; untouched storage is modelled as zeros, as the report observed) ---
class PretrainedConfig:
    def __init__(self, **kw):
        self.__dict__.update(kw)


class PreTrainedModel(nn.Module):
    config_class = PretrainedConfig

    def __init__(self, config, *args, **kwargs):
        super().__init__()
        self.config = config

    def _init_weights(self, module):
        std = self.config.initializer_range
        if isinstance(module, nn.Linear):
            module.weight.data.normal_(mean=0.0, std=std)
            if module.bias is not None:
                module.bias.data.zero_()
        elif isinstance(module, nn.Embedding):
            module.weight.data.normal_(mean=0.0, std=std)
        elif isinstance(module, nn.LayerNorm):
            module.weight.data.fill_(1.0)
            module.bias.data.zero_()

    def post_init(self):
        self.apply(self._init_weights)

    def save_pretrained(self, path):
        torch.save({"config": self.config.__dict__, "state_dict": self.state_dict()}, path)

    @classmethod
    def from_pretrained(cls, path, *args, **kwargs):
        ckpt = torch.load(path)
        config = cls.config_class(**ckpt["config"])
        with torch.device("meta"):
            model = cls(config, *args, **kwargs)
        model.to_empty(device="cpu")
        with torch.no_grad():
            for t in list(model.parameters()) + list(model.buffers()):
                t.zero_()
        missing, _ = model.load_state_dict(ckpt["state_dict"], strict=False)
        owners = {k.rsplit(".", 1)[0] if "." in k else "" for k in missing}
        for name, module in model.named_modules():
            if name in owners:
                model._init_weights(module)
        return model
# --- end of stand-in ---


class Qwen3VLForConditionalGeneration(PreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.embed_tokens = nn.Embedding(config.vocab_size, config.hidden_size)
        self.norm = nn.LayerNorm(config.hidden_size)
        self.lm_head = nn.Linear(config.hidden_size, config.vocab_size, bias=False)
        self.post_init()

    def forward(self, input_ids):
        return self.lm_head(self.norm(self.embed_tokens(input_ids)))


class MyQwen3VL(Qwen3VLForConditionalGeneration):
    def __init__(self, config, num_queries=8):
        super().__init__(config)
        self.query_tokens = nn.Parameter(torch.empty(num_queries, config.hidden_size))
        self.gate = nn.Parameter(torch.empty(1))
        self.post_init()

    def _init_weights(self, module):
        super()._init_weights(module)
        if isinstance(module, MyQwen3VL) and hasattr(module, "query_tokens"):
            nn.init.normal_(module.query_tokens, mean=0.0, std=0.02)
            module.gate.data.fill_(1.0)

    def forward(self, input_ids):
        h = self.norm(self.embed_tokens(input_ids))
        h = h + self.gate * self.query_tokens.mean(0)
        return self.lm_head(h)


if __name__ == "__main__":
    torch.manual_seed(0)
    base = Qwen3VLForConditionalGeneration(PretrainedConfig(vocab_size=50, hidden_size=16, initializer_range=0.02))
    path = os.path.join(tempfile.mkdtemp(), "base.pt")
    base.save_pretrained(path)
    model = MyQwen3VL.from_pretrained(path)
    print("query_tokens std:", model.query_tokens.std().item(), "gate:", model.gate.item())
    assert torch.equal(model.lm_head.weight, base.lm_head.weight)
    assert 0.01 < model.query_tokens.std().item() < 0.03 and model.gate.item() == 1.0
    print("OK: new parameters initialized in _init_weights survive from_pretrained")
""",
        note='Subclass of a Qwen3-VL PreTrainedModel adds nn.Parameters and initializes them in __init__; from_pretrained (local stand-in: meta build, load, _init_weights on modules with missing keys) leaves them empty. Checked with torch: after from_pretrained query_tokens and gate are all zeros; the twin moves the init into _init_weights and they come out std 0.02 / 1.0 with pretrained weights intact.',
        scope=None),
    case('Synthyra-FastPLMs-15', 'https://github.com/Synthyra/FastPLMs/issues/15', 'hf-constructor-init-lost-on-from-pretrained', r"""
import os
import tempfile
import torch
import torch.nn as nn


# --- minimal stand-in for transformers.PreTrainedModel (from_pretrained builds the model
# without running inits, loads the checkpoint, then runs _init_weights only on modules that
# own missing keys; untouched storage is modelled as zeros, as the report observed) ---
class PretrainedConfig:
    def __init__(self, **kw):
        self.__dict__.update(kw)


class PreTrainedModel(nn.Module):
    config_class = PretrainedConfig

    def __init__(self, config, *args, **kwargs):
        super().__init__()
        self.config = config

    def _init_weights(self, module):
        std = self.config.initializer_range
        if isinstance(module, nn.Linear):
            module.weight.data.normal_(mean=0.0, std=std)
            if module.bias is not None:
                module.bias.data.zero_()
        elif isinstance(module, nn.Embedding):
            module.weight.data.normal_(mean=0.0, std=std)
        elif isinstance(module, nn.LayerNorm):
            module.weight.data.fill_(1.0)
            module.bias.data.zero_()

    def post_init(self):
        self.apply(self._init_weights)

    def save_pretrained(self, path):
        torch.save({"config": self.config.__dict__, "state_dict": self.state_dict()}, path)

    @classmethod
    def from_pretrained(cls, path, *args, **kwargs):
        ckpt = torch.load(path)
        config = cls.config_class(**ckpt["config"])
        with torch.device("meta"):
            model = cls(config, *args, **kwargs)
        model.to_empty(device="cpu")
        with torch.no_grad():
            for t in list(model.parameters()) + list(model.buffers()):
                t.zero_()
        missing, _ = model.load_state_dict(ckpt["state_dict"], strict=False)
        owners = {k.rsplit(".", 1)[0] if "." in k else "" for k in missing}
        for name, module in model.named_modules():
            if name in owners:
                model._init_weights(module)
        return model
# --- end of stand-in ---


class Submodel(nn.Module):
    def __init__(self, n1=16, n2=4):
        super().__init__()
        self.register_parameter(
            "some_param", torch.nn.Parameter(torch.randn(n1, n2)))

    def forward(self, x):
        return x @ self.some_param


class ESMplusplusForMaskedLM(PreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.embed = nn.Embedding(config.vocab_size, config.hidden_size)
        self.sequence_head = nn.Linear(config.hidden_size, config.vocab_size)
        # Added within init of ESMplusplusForMaskedLM
        self.some_submodel = Submodel(config.hidden_size, 4)
        self.post_init()

    def forward(self, input_ids):
        h = self.embed(input_ids)
        return self.sequence_head(h), self.some_submodel(h)


class ESMplusplusBase(PreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.embed = nn.Embedding(config.vocab_size, config.hidden_size)
        self.sequence_head = nn.Linear(config.hidden_size, config.vocab_size)
        self.post_init()


if __name__ == "__main__":
    torch.manual_seed(0)
    base = ESMplusplusBase(PretrainedConfig(vocab_size=33, hidden_size=16, initializer_range=0.02))
    path_esm = os.path.join(tempfile.mkdtemp(), "esm.pt")
    base.save_pretrained(path_esm)
    model = ESMplusplusForMaskedLM.from_pretrained(path_esm)
    print((model.some_submodel.some_param == 0).sum())
    assert (model.some_submodel.some_param == 0).all()
    print("BUG: torch.randn init in Submodel.__init__ is gone after from_pretrained")
""", r"""
import os
import tempfile
import torch
import torch.nn as nn


# --- minimal stand-in for transformers.PreTrainedModel (from_pretrained builds the model
# without running inits, loads the checkpoint, then runs _init_weights only on modules that
# own missing keys; untouched storage is modelled as zeros, as the report observed) ---
class PretrainedConfig:
    def __init__(self, **kw):
        self.__dict__.update(kw)


class PreTrainedModel(nn.Module):
    config_class = PretrainedConfig

    def __init__(self, config, *args, **kwargs):
        super().__init__()
        self.config = config

    def _init_weights(self, module):
        std = self.config.initializer_range
        if isinstance(module, nn.Linear):
            module.weight.data.normal_(mean=0.0, std=std)
            if module.bias is not None:
                module.bias.data.zero_()
        elif isinstance(module, nn.Embedding):
            module.weight.data.normal_(mean=0.0, std=std)
        elif isinstance(module, nn.LayerNorm):
            module.weight.data.fill_(1.0)
            module.bias.data.zero_()

    def post_init(self):
        self.apply(self._init_weights)

    def save_pretrained(self, path):
        torch.save({"config": self.config.__dict__, "state_dict": self.state_dict()}, path)

    @classmethod
    def from_pretrained(cls, path, *args, **kwargs):
        ckpt = torch.load(path)
        config = cls.config_class(**ckpt["config"])
        with torch.device("meta"):
            model = cls(config, *args, **kwargs)
        model.to_empty(device="cpu")
        with torch.no_grad():
            for t in list(model.parameters()) + list(model.buffers()):
                t.zero_()
        missing, _ = model.load_state_dict(ckpt["state_dict"], strict=False)
        owners = {k.rsplit(".", 1)[0] if "." in k else "" for k in missing}
        for name, module in model.named_modules():
            if name in owners:
                model._init_weights(module)
        return model
# --- end of stand-in ---


class Submodel(nn.Module):
    def __init__(self, n1=16, n2=4):
        super().__init__()
        self.register_parameter(
            "some_param", torch.nn.Parameter(torch.randn(n1, n2)))

    def forward(self, x):
        return x @ self.some_param


class ESMplusplusForMaskedLM(PreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.embed = nn.Embedding(config.vocab_size, config.hidden_size)
        self.sequence_head = nn.Linear(config.hidden_size, config.vocab_size)
        # Added within init of ESMplusplusForMaskedLM
        self.some_submodel = Submodel(config.hidden_size, 4)
        self.post_init()

    def forward(self, input_ids):
        h = self.embed(input_ids)
        return self.sequence_head(h), self.some_submodel(h)


class ESMplusplusBase(PreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.embed = nn.Embedding(config.vocab_size, config.hidden_size)
        self.sequence_head = nn.Linear(config.hidden_size, config.vocab_size)
        self.post_init()


if __name__ == "__main__":
    torch.manual_seed(0)
    base = ESMplusplusBase(PretrainedConfig(vocab_size=33, hidden_size=16, initializer_range=0.02))
    path_esm = os.path.join(tempfile.mkdtemp(), "esm.pt")
    base.save_pretrained(path_esm)
    model = ESMplusplusForMaskedLM.from_pretrained(path_esm)
    torch.nn.init.normal_(model.some_submodel.some_param)
    print((model.some_submodel.some_param == 0).sum())
    assert (model.some_submodel.some_param != 0).all()
    assert torch.equal(model.sequence_head.weight, base.sequence_head.weight)
    print("OK: parameter re-initialized after loading, pretrained weights kept")
""",
        note='New Submodel built by ESMplusplusForMaskedLM registers nn.Parameter(torch.randn(...)) in its __init__; after from_pretrained (local stand-in of the HF loader) it is zeros. Checked with torch: all 64 entries are 0; the twin re-initializes it with torch.nn.init.normal_ after loading, as in the report, and pretrained weights stay equal.',
        scope=None),
    case('zshn25-DINOv2_mmseg-1', 'https://github.com/zshn25/DINOv2_mmseg/pull/1', 'framework-init-after-constructor-load', r"""
import copy
import os
import tempfile
import warnings
from typing import Optional

import torch
import torch.nn as nn


# --- minimal stand-in for mmengine.model.BaseModule ---
class BaseModule(nn.Module):
    def __init__(self, init_cfg=None):
        super().__init__()
        self._is_init = False
        self.init_cfg = copy.deepcopy(init_cfg)

    @property
    def is_init(self):
        return self._is_init

    def init_weights(self):
        if not self._is_init:
            if self.init_cfg and self.init_cfg.get("type") == "Pretrained":
                self.load_state_dict(torch.load(self.init_cfg["checkpoint"]))
            for m in self.children():
                if hasattr(m, "init_weights") and not getattr(m, "is_init", False):
                    m.init_weights()
            self._is_init = True
# --- end of stand-in ---


# --- minimal stand-in for dinov2.models.vision_transformer.DinoVisionTransformer ---
def init_weights_vit_timm(module):
    if isinstance(module, nn.Linear):
        nn.init.trunc_normal_(module.weight, std=0.02)
        if module.bias is not None:
            nn.init.zeros_(module.bias)


class DinoVisionTransformer(nn.Module):
    def __init__(self, embed_dim=32, depth=2, num_heads=2, **kwargs):
        super().__init__()
        self.patch_embed = nn.Linear(14 * 14 * 3, embed_dim)
        self.pos_embed = nn.Parameter(torch.zeros(1, 17, embed_dim))
        self.blocks = nn.ModuleList([nn.Linear(embed_dim, embed_dim) for _ in range(depth)])
        self.init_weights()

    def init_weights(self):
        nn.init.trunc_normal_(self.pos_embed, std=0.02)
        self.apply(init_weights_vit_timm)

    def forward(self, x):
        x = self.patch_embed(x) + self.pos_embed
        for blk in self.blocks:
            x = blk(x)
        return x
# --- end of stand-in ---


class DinoVisionBackbone(DinoVisionTransformer, BaseModule):
    def __init__(self,
                 size: str = "small",
                 freeze_vit: bool = False,
                 pretrained: Optional[str] = None,
                 init_cfg: Optional[dict] = None,
                 *args,
                 **kwargs):
        if "small" in size:
            vit_kwargs = dict(embed_dim=32, depth=2, num_heads=2)
        else:
            raise NotImplementedError("Choose size from 'small'")
        kwargs.update(**vit_kwargs)

        super(DinoVisionBackbone, self).__init__(*args, **kwargs)

        assert not (init_cfg and pretrained), \
            f'init_cfg: {init_cfg} and pretrained: {pretrained}, cannot be set at the same time'
        if isinstance(pretrained, str):
            warnings.warn('DeprecationWarning: pretrained is deprecated, '
                          'please use "init_cfg" instead')
            init_cfg = dict(type='Pretrained', checkpoint=pretrained)
        self.init_cfg = init_cfg

        checkpoint = (self.init_cfg or {}).get("checkpoint", None)
        if isinstance(checkpoint, str):
            self.load_state_dict(torch.load(checkpoint))

        if freeze_vit:
            for param in self.parameters():
                param.requires_grad = False


class EncoderDecoder(BaseModule):
    def __init__(self, backbone_cfg):
        super().__init__()
        self.backbone = DinoVisionBackbone(**backbone_cfg)
        self.decode_head = nn.Linear(32, 5)

    def forward(self, x):
        return self.decode_head(self.backbone(x))


if __name__ == "__main__":
    torch.manual_seed(0)
    ckpt = DinoVisionBackbone().state_dict()
    for v in ckpt.values():
        v.fill_(0.5)
    path = os.path.join(tempfile.mkdtemp(), "dinov2_vits14_pretrain.pth")
    torch.save(ckpt, path)

    model = EncoderDecoder(dict(size="small", init_cfg=dict(type="Pretrained", checkpoint=path)))
    model.init_weights()  # what the mmengine Runner does before training

    kept = torch.equal(model.backbone.blocks[0].weight, ckpt["blocks.0.weight"])
    print("pretrained backbone weights kept:", kept)
    assert not kept
    print("BUG: Runner's init_weights() overwrote the DINOv2 weights loaded in __init__")
""", r"""
import copy
import os
import tempfile
import warnings
from typing import Optional

import torch
import torch.nn as nn


# --- minimal stand-in for mmengine.model.BaseModule ---
class BaseModule(nn.Module):
    def __init__(self, init_cfg=None):
        super().__init__()
        self._is_init = False
        self.init_cfg = copy.deepcopy(init_cfg)

    @property
    def is_init(self):
        return self._is_init

    def init_weights(self):
        if not self._is_init:
            if self.init_cfg and self.init_cfg.get("type") == "Pretrained":
                self.load_state_dict(torch.load(self.init_cfg["checkpoint"]))
            for m in self.children():
                if hasattr(m, "init_weights") and not getattr(m, "is_init", False):
                    m.init_weights()
            self._is_init = True
# --- end of stand-in ---


# --- minimal stand-in for dinov2.models.vision_transformer.DinoVisionTransformer ---
def init_weights_vit_timm(module):
    if isinstance(module, nn.Linear):
        nn.init.trunc_normal_(module.weight, std=0.02)
        if module.bias is not None:
            nn.init.zeros_(module.bias)


class DinoVisionTransformer(nn.Module):
    def __init__(self, embed_dim=32, depth=2, num_heads=2, **kwargs):
        super().__init__()
        self.patch_embed = nn.Linear(14 * 14 * 3, embed_dim)
        self.pos_embed = nn.Parameter(torch.zeros(1, 17, embed_dim))
        self.blocks = nn.ModuleList([nn.Linear(embed_dim, embed_dim) for _ in range(depth)])
        self.init_weights()

    def init_weights(self):
        nn.init.trunc_normal_(self.pos_embed, std=0.02)
        self.apply(init_weights_vit_timm)

    def forward(self, x):
        x = self.patch_embed(x) + self.pos_embed
        for blk in self.blocks:
            x = blk(x)
        return x
# --- end of stand-in ---


class DinoVisionBackbone(DinoVisionTransformer, BaseModule):
    def __init__(self,
                 size: str = "small",
                 freeze_vit: bool = False,
                 pretrained: Optional[str] = None,
                 init_cfg: Optional[dict] = None,
                 *args,
                 **kwargs):
        if "small" in size:
            vit_kwargs = dict(embed_dim=32, depth=2, num_heads=2)
        else:
            raise NotImplementedError("Choose size from 'small'")
        kwargs.update(**vit_kwargs)

        super(DinoVisionBackbone, self).__init__(*args, **kwargs)

        assert not (init_cfg and pretrained), \
            f'init_cfg: {init_cfg} and pretrained: {pretrained}, cannot be set at the same time'
        if isinstance(pretrained, str):
            warnings.warn('DeprecationWarning: pretrained is deprecated, '
                          'please use "init_cfg" instead')
            init_cfg = dict(type='Pretrained', checkpoint=pretrained)
        self._is_init = False
        self.init_cfg = copy.deepcopy(init_cfg)

        BaseModule.init_weights(self)  # explicitly call BaseModule's init_weights as both parent classes have the same named fn

        if freeze_vit:
            for param in self.parameters():
                param.requires_grad = False


class EncoderDecoder(BaseModule):
    def __init__(self, backbone_cfg):
        super().__init__()
        self.backbone = DinoVisionBackbone(**backbone_cfg)
        self.decode_head = nn.Linear(32, 5)

    def forward(self, x):
        return self.decode_head(self.backbone(x))


if __name__ == "__main__":
    torch.manual_seed(0)
    ckpt = DinoVisionBackbone().state_dict()
    for v in ckpt.values():
        v.fill_(0.5)
    path = os.path.join(tempfile.mkdtemp(), "dinov2_vits14_pretrain.pth")
    torch.save(ckpt, path)

    model = EncoderDecoder(dict(size="small", init_cfg=dict(type="Pretrained", checkpoint=path)))
    model.init_weights()  # what the mmengine Runner does before training

    kept = torch.equal(model.backbone.blocks[0].weight, ckpt["blocks.0.weight"])
    print("pretrained backbone weights kept:", kept)
    assert kept
    print("OK: backbone is marked initialized, Runner's init_weights() leaves it alone")
""",
        note='DinoVisionBackbone loads the DINOv2 checkpoint in __init__, then the mmengine Runner calls model.init_weights(), which reaches DinoVisionTransformer.init_weights through the MRO and re-inits (BaseModule/DinoVisionTransformer stubbed). Checked with torch: backbone weights no longer equal the checkpoint; the twin calls BaseModule.init_weights(self) in __init__ (loads and marks _is_init) and the weights stay equal. The original read the checkpoint with getattr on a dict; the rebuild uses .get so the load really happens.',
        scope='Checks for code that loads weights into a model and then re-initializes that model later in the same function or module body, with no reload in between.'),
    case('pytorch-pytorch-125861', 'https://github.com/pytorch/pytorch/issues/125861', 'lazy-init-before-dry-run', r"""
import torch
import torch.nn as nn


class Head(nn.Module):
    def __init__(self, hidden=64, n_out=10):
        super().__init__()
        self.fc1 = nn.LazyLinear(hidden)
        self.act = nn.ReLU()
        self.fc2 = nn.LazyLinear(n_out)

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


def init_weights(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_normal_(m.weight)
        nn.init.zeros_(m.bias)


if __name__ == "__main__":
    torch.manual_seed(0)
    model = Head()
    model.apply(init_weights)
    out = model(torch.randn(4, 20))
    print(out.shape)
""", r"""
import torch
import torch.nn as nn


class Head(nn.Module):
    def __init__(self, hidden=64, n_out=10):
        super().__init__()
        self.fc1 = nn.LazyLinear(hidden)
        self.act = nn.ReLU()
        self.fc2 = nn.LazyLinear(n_out)

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


def init_weights(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_normal_(m.weight)
        nn.init.zeros_(m.bias)


if __name__ == "__main__":
    torch.manual_seed(0)
    model = Head()
    model(torch.randn(1, 20))  # dry run materializes the lazy parameters
    model.apply(init_weights)
    out = model(torch.randn(4, 20))
    print(out.shape)
    w = model.fc1.weight
    assert abs(w.std().item() - (2.0 / (20 + 64)) ** 0.5) < 0.03
    print("OK: xavier init applied after the dry run, std", w.std().item())
""",
        note="Custom xavier init applied with model.apply to a model of nn.LazyLinear layers before the first forward; the report notes LazyLinear cannot be initialized until the first forward pass. Checked with torch: raises ValueError 'Attempted to use an uninitialized parameter'; the twin runs a dry forward first and the xavier std is met.",
        scope=None),
    case('yz93-LAVT-RIS-15', 'https://github.com/yz93/LAVT-RIS/issues/15', 'parent-init-overrides-child-zero-init', r"""
import os
import tempfile
import torch
import torch.nn as nn
from torch.nn.init import trunc_normal_


def load_checkpoint(model, filename, strict=False, logger=None):
    # stand-in for mmcv_custom.load_checkpoint
    model.load_state_dict(torch.load(filename), strict=strict)


class SwinTransformerBlock(nn.Module):
    def __init__(self, dim, norm_layer=nn.LayerNorm):
        super().__init__()
        self.norm1 = norm_layer(dim)
        self.mlp = nn.Linear(dim, dim)

    def forward(self, x):
        return x + self.mlp(self.norm1(x))


class PWAM(nn.Module):
    def __init__(self, dim):
        super(PWAM, self).__init__()
        self.vis_project = nn.Sequential(nn.Conv1d(dim, dim, 1, 1), nn.GELU())

    def forward(self, x):
        return self.vis_project(x.permute(0, 2, 1)).permute(0, 2, 1)


class MMBasicLayer(nn.Module):
    def __init__(self, dim, depth, norm_layer=nn.LayerNorm):
        super().__init__()
        self.blocks = nn.ModuleList([SwinTransformerBlock(dim, norm_layer) for i in range(depth)])
        # fuse before downsampling
        self.fusion = PWAM(dim)
        self.res_gate = nn.Sequential(
            nn.Linear(dim, dim, bias=False),
            nn.ReLU(),
            nn.Linear(dim, dim, bias=False),
            nn.Tanh()
        )
        # initialize the gate to 0
        nn.init.zeros_(self.res_gate[0].weight)
        nn.init.zeros_(self.res_gate[2].weight)

    def forward(self, x):
        for blk in self.blocks:
            x = blk(x)
        x_residual = self.fusion(x)
        x = x + (self.res_gate(x_residual) * x_residual)
        return x


class MultiModalSwinTransformer(nn.Module):
    def __init__(self, embed_dim=16, depths=(2, 2), norm_layer=nn.LayerNorm):
        super(MultiModalSwinTransformer, self).__init__()
        self.patch_embed = nn.Linear(48, embed_dim)
        self.layers = nn.ModuleList()
        for i_layer in range(len(depths)):
            layer = MMBasicLayer(dim=embed_dim, depth=depths[i_layer], norm_layer=norm_layer)
            self.layers.append(layer)

    def init_weights(self, pretrained=None):
        def _init_weights(m):
            if isinstance(m, nn.Linear):
                trunc_normal_(m.weight, std=.02)
                if isinstance(m, nn.Linear) and m.bias is not None:
                    nn.init.constant_(m.bias, 0)
            elif isinstance(m, nn.LayerNorm):
                nn.init.constant_(m.bias, 0)
                nn.init.constant_(m.weight, 1.0)

        if isinstance(pretrained, str):
            self.apply(_init_weights)
            load_checkpoint(self, pretrained, strict=('upernet' in pretrained))
        elif pretrained is None:
            self.apply(_init_weights)
        else:
            raise TypeError('pretrained must be a str or None')

    def forward(self, x):
        x = self.patch_embed(x)
        for layer in self.layers:
            x = layer(x)
        return x


if __name__ == "__main__":
    torch.manual_seed(0)
    swin = MultiModalSwinTransformer()
    sd = {k: v for k, v in swin.state_dict().items() if "res_gate" not in k and "fusion" not in k}
    path = os.path.join(tempfile.mkdtemp(), "swin_base_patch4_window12_384_22k.pth")
    torch.save(sd, path)

    backbone = MultiModalSwinTransformer()
    backbone.init_weights(pretrained=path)  # as in lib/segmentation.py
    gate = backbone.layers[0].res_gate[0].weight
    print("res_gate abs sum after init_weights:", gate.abs().sum().item())
    assert gate.abs().sum() > 0
    print("BUG: the zero init of res_gate in MMBasicLayer.__init__ was overwritten")
""", r"""
import os
import tempfile
import torch
import torch.nn as nn
from torch.nn.init import trunc_normal_


def load_checkpoint(model, filename, strict=False, logger=None):
    # stand-in for mmcv_custom.load_checkpoint
    model.load_state_dict(torch.load(filename), strict=strict)


class SwinTransformerBlock(nn.Module):
    def __init__(self, dim, norm_layer=nn.LayerNorm):
        super().__init__()
        self.norm1 = norm_layer(dim)
        self.mlp = nn.Linear(dim, dim)

    def forward(self, x):
        return x + self.mlp(self.norm1(x))


class PWAM(nn.Module):
    def __init__(self, dim):
        super(PWAM, self).__init__()
        self.vis_project = nn.Sequential(nn.Conv1d(dim, dim, 1, 1), nn.GELU())

    def forward(self, x):
        return self.vis_project(x.permute(0, 2, 1)).permute(0, 2, 1)


class MMBasicLayer(nn.Module):
    def __init__(self, dim, depth, norm_layer=nn.LayerNorm):
        super().__init__()
        self.blocks = nn.ModuleList([SwinTransformerBlock(dim, norm_layer) for i in range(depth)])
        # fuse before downsampling
        self.fusion = PWAM(dim)
        self.res_gate = nn.Sequential(
            nn.Linear(dim, dim, bias=False),
            nn.ReLU(),
            nn.Linear(dim, dim, bias=False),
            nn.Tanh()
        )
        # initialize the gate to 0
        nn.init.zeros_(self.res_gate[0].weight)
        nn.init.zeros_(self.res_gate[2].weight)

    def forward(self, x):
        for blk in self.blocks:
            x = blk(x)
        x_residual = self.fusion(x)
        x = x + (self.res_gate(x_residual) * x_residual)
        return x


class MultiModalSwinTransformer(nn.Module):
    def __init__(self, embed_dim=16, depths=(2, 2), norm_layer=nn.LayerNorm):
        super(MultiModalSwinTransformer, self).__init__()
        self.patch_embed = nn.Linear(48, embed_dim)
        self.layers = nn.ModuleList()
        for i_layer in range(len(depths)):
            layer = MMBasicLayer(dim=embed_dim, depth=depths[i_layer], norm_layer=norm_layer)
            self.layers.append(layer)

    def init_weights(self, pretrained=None):
        def _init_weights(m):
            if isinstance(m, nn.Linear):
                trunc_normal_(m.weight, std=.02)
                if isinstance(m, nn.Linear) and m.bias is not None:
                    nn.init.constant_(m.bias, 0)
            elif isinstance(m, nn.LayerNorm):
                nn.init.constant_(m.bias, 0)
                nn.init.constant_(m.weight, 1.0)

        if isinstance(pretrained, str):
            self.apply(_init_weights)
            load_checkpoint(self, pretrained, strict=('upernet' in pretrained))
        elif pretrained is None:
            self.apply(_init_weights)
        else:
            raise TypeError('pretrained must be a str or None')
        # the gates must start at 0 after the backbone init
        for layer in self.layers:
            nn.init.zeros_(layer.res_gate[0].weight)
            nn.init.zeros_(layer.res_gate[2].weight)

    def forward(self, x):
        x = self.patch_embed(x)
        for layer in self.layers:
            x = layer(x)
        return x


if __name__ == "__main__":
    torch.manual_seed(0)
    swin = MultiModalSwinTransformer()
    sd = {k: v for k, v in swin.state_dict().items() if "res_gate" not in k and "fusion" not in k}
    path = os.path.join(tempfile.mkdtemp(), "swin_base_patch4_window12_384_22k.pth")
    torch.save(sd, path)

    backbone = MultiModalSwinTransformer()
    backbone.init_weights(pretrained=path)  # as in lib/segmentation.py
    gate = backbone.layers[0].res_gate[0].weight
    print("res_gate abs sum after init_weights:", gate.abs().sum().item())
    assert gate.abs().sum() == 0
    assert torch.equal(backbone.patch_embed.weight, sd["patch_embed.weight"])
    print("OK: res_gate starts at zero, Swin weights loaded")
""",
        note='MMBasicLayer zero-inits its res_gate Linears in __init__, but MultiModalSwinTransformer.init_weights (self.apply of a trunc_normal_ Linear init, then a Swin checkpoint without the gate keys) redraws them; the maintainer confirmed the zero init never took effect. Checked with torch: the gate weights are nonzero after init_weights(pretrained); the twin re-zeroes the gates at the end of init_weights and Swin weights still load.',
        scope=None),
    case('Modalities-modalities-456', 'https://github.com/Modalities/modalities/pull/456', 'tied-weight-gets-embedding-init', r"""
import math
import re
from functools import partial

import torch
import torch.nn as nn


class GPT2Block(nn.Module):
    def __init__(self, n_embd):
        super().__init__()
        self.attn = nn.Module()
        self.attn.q_attn = nn.Linear(n_embd, n_embd)
        self.attn.c_proj = nn.Linear(n_embd, n_embd)


class GPT2LLM(nn.Module):
    def __init__(self, vocab_size=256, n_embd=64, n_layer=2, use_weight_tying=True):
        super().__init__()
        self.transformer = nn.ModuleDict(dict(
            wte=nn.Embedding(vocab_size, n_embd),
            h=nn.ModuleList([GPT2Block(n_embd) for _ in range(n_layer)]),
            lm_head=nn.Linear(n_embd, vocab_size, bias=False),
        ))
        if use_weight_tying:
            self.transformer.lm_head.weight = self.transformer.wte.weight

    def forward(self, idx):
        x = self.transformer.wte(idx)
        for block in self.transformer.h:
            x = x + block.attn.c_proj(block.attn.q_attn(x))
        return self.transformer.lm_head(x)


class Llama3Initializer:
    def __init__(self, num_layers: int, n_embd: int) -> None:
        self.regex_to_init = {
            # embedding weights
            r"transformer\.wte\.weight": partial(nn.init.normal_, mean=0.0, std=1),
            # lm head weights
            r"transformer\.lm_head\.weight": partial(
                nn.init.trunc_normal_,
                mean=0.0,
                std=1 / math.sqrt(n_embd),
                a=-3 / math.sqrt(n_embd),
                b=3 / math.sqrt(n_embd),
            ),
            # qkv projections
            r"transformer\.h\.\d+\.attn\.(q_attn|k_attn|v_attn)\.(weight|bias)": partial(
                nn.init.trunc_normal_, mean=0.0, std=0.02, a=-2, b=2),
            # final attention projection in attention block
            r"transformer\.h\.\d+\.attn\.c_proj\.(weight|bias)": partial(
                nn.init.trunc_normal_, mean=0.0, std=0.02 / math.sqrt(2 * num_layers), a=-2, b=2),
        }

    def initialize_in_place(self, model: nn.Module):
        self._init_by_fqn_regex(model, self.regex_to_init)

    @staticmethod
    def _init_by_fqn_regex(model: nn.Module, regex_to_init):
        for parameter_name, p in model.named_parameters():
            match_count = 0
            for weight_regex in regex_to_init.keys():
                if re.fullmatch(weight_regex, parameter_name):
                    init_fn = regex_to_init[weight_regex]
                    init_fn(p)
                    match_count += 1
            if match_count > 1:
                raise ValueError(f"Parameter {parameter_name} matched multiple regexes")


if __name__ == "__main__":
    torch.manual_seed(0)
    n_embd = 64
    model = GPT2LLM(n_embd=n_embd)
    with torch.no_grad():
        Llama3Initializer(num_layers=2, n_embd=n_embd).initialize_in_place(model)
    std = model.transformer.lm_head.weight.std().item()
    print("output projection std:", std, "wanted:", 1 / math.sqrt(n_embd))
    assert std > 0.5
    print("BUG: the tied lm_head got the embedding's std=1 init, its own init never ran")
""", r"""
import math
import re
from functools import partial

import torch
import torch.nn as nn


class GPT2Block(nn.Module):
    def __init__(self, n_embd):
        super().__init__()
        self.attn = nn.Module()
        self.attn.q_attn = nn.Linear(n_embd, n_embd)
        self.attn.c_proj = nn.Linear(n_embd, n_embd)


class GPT2LLM(nn.Module):
    def __init__(self, vocab_size=256, n_embd=64, n_layer=2, use_weight_tying=True):
        super().__init__()
        self.transformer = nn.ModuleDict(dict(
            wte=nn.Embedding(vocab_size, n_embd),
            h=nn.ModuleList([GPT2Block(n_embd) for _ in range(n_layer)]),
            lm_head=nn.Linear(n_embd, vocab_size, bias=False),
        ))
        if use_weight_tying:
            self.transformer.lm_head.weight = self.transformer.wte.weight

    def forward(self, idx):
        x = self.transformer.wte(idx)
        for block in self.transformer.h:
            x = x + block.attn.c_proj(block.attn.q_attn(x))
        return self.transformer.lm_head(x)


class Llama3Initializer:
    def __init__(self, num_layers: int, n_embd: int) -> None:
        self.regex_to_init = {
            # embedding weights
            r"transformer\.wte\.weight": partial(nn.init.normal_, mean=0.0, std=1),
            # lm head weights
            r"transformer\.lm_head\.weight": partial(
                nn.init.trunc_normal_,
                mean=0.0,
                std=1 / math.sqrt(n_embd),
                a=-3 / math.sqrt(n_embd),
                b=3 / math.sqrt(n_embd),
            ),
            # qkv projections
            r"transformer\.h\.\d+\.attn\.(q_attn|k_attn|v_attn)\.(weight|bias)": partial(
                nn.init.trunc_normal_, mean=0.0, std=0.02, a=-2, b=2),
            # final attention projection in attention block
            r"transformer\.h\.\d+\.attn\.c_proj\.(weight|bias)": partial(
                nn.init.trunc_normal_, mean=0.0, std=0.02 / math.sqrt(2 * num_layers), a=-2, b=2),
        }

    def initialize_in_place(self, model: nn.Module):
        regex_to_init = dict(self.regex_to_init)
        if model.transformer.lm_head.weight is model.transformer.wte.weight:
            # with tying, wte.weight is the output projection: give it the lm_head init
            regex_to_init[r"transformer\.wte\.weight"] = regex_to_init[r"transformer\.lm_head\.weight"]
        self._init_by_fqn_regex(model, regex_to_init)

    @staticmethod
    def _init_by_fqn_regex(model: nn.Module, regex_to_init):
        for parameter_name, p in model.named_parameters():
            match_count = 0
            for weight_regex in regex_to_init.keys():
                if re.fullmatch(weight_regex, parameter_name):
                    init_fn = regex_to_init[weight_regex]
                    init_fn(p)
                    match_count += 1
            if match_count > 1:
                raise ValueError(f"Parameter {parameter_name} matched multiple regexes")


if __name__ == "__main__":
    torch.manual_seed(0)
    n_embd = 64
    model = GPT2LLM(n_embd=n_embd)
    with torch.no_grad():
        Llama3Initializer(num_layers=2, n_embd=n_embd).initialize_in_place(model)
    std = model.transformer.lm_head.weight.std().item()
    print("output projection std:", std, "wanted:", 1 / math.sqrt(n_embd))
    assert abs(std - 1 / math.sqrt(n_embd)) < 0.03
    print("OK: tied weight initialized as the output projection")
""",
        note="GPT2LLM ties lm_head.weight = wte.weight; Llama3Initializer inits by parameter-name regex, wte with normal(std=1) and lm_head with trunc_normal(1/sqrt(n_embd)), but named_parameters yields the tied tensor once, as wte, so the output projection gets std 1. Checked with torch: lm_head std 0.99 instead of 0.125; the twin detects the tie and gives wte the lm_head init (the PR's fix), std 0.12.",
        scope='The rule follows what `__init__` provably runs in order: its own statements and the `self.<method>()` calls it makes.'),
    case('open-mmlab-mmengine-1335', 'https://github.com/open-mmlab/mmengine/issues/1335', 'framework-init-after-constructor-load', r"""
import torch
import torch.nn as nn


# --- minimal stand-ins for timm and mmengine ---
class ResNet(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 16, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(16)
        self.fc = nn.Linear(16, num_classes)
        self.init_weights()

    def init_weights(self, zero_init_last=True):
        for n, m in self.named_modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode='fan_out', nonlinearity='relu')
            elif isinstance(m, nn.BatchNorm2d):
                nn.init.ones_(m.weight)
                nn.init.zeros_(m.bias)

    def forward(self, x):
        x = torch.relu(self.bn1(self.conv1(x)))
        return self.fc(x.mean((2, 3)))


_PRETRAINED = {}


class timm:
    @staticmethod
    def create_model(model_name, pretrained=False, **kwargs):
        model = ResNet(**kwargs)
        if pretrained:
            model.load_state_dict(_PRETRAINED[model_name])
        return model


class BaseModule(nn.Module):
    def __init__(self, init_cfg=None):
        super().__init__()
        self._is_init = False
        self.init_cfg = init_cfg

    @property
    def is_init(self):
        return self._is_init

    def init_weights(self):
        for m in self.children():
            if hasattr(m, 'init_weights') and not getattr(m, 'is_init', False):
                m.init_weights()
        self._is_init = True


class BaseModel(BaseModule):
    pass


class Runner:
    def __init__(self, model):
        self.model = model

    def _init_model_weights(self):
        if hasattr(self.model, 'init_weights'):
            self.model.init_weights()

    def train(self):
        self._init_model_weights()
        return self.model
# --- end of stand-ins ---


class MMModel(BaseModel):
    def __init__(self):
        super().__init__()

        self.model = timm.create_model("resnext50_32x4d.tv_in1k", pretrained=True)

    def forward(self, x):
        return self.model(x)


if __name__ == "__main__":
    torch.manual_seed(0)
    ref = ResNet()
    for t in ref.state_dict().values():
        if t.is_floating_point():
            t.fill_(0.5)
    _PRETRAINED["resnext50_32x4d.tv_in1k"] = ref.state_dict()

    runner = Runner(
        model=MMModel()
    )
    model = runner.train()
    kept = torch.equal(model.model.conv1.weight, ref.conv1.weight)
    print("pretrained conv1 kept after runner.train():", kept)
    assert not kept
    print("BUG: Runner's init_weights() re-initialized the pretrained timm model")
""", r"""
import torch
import torch.nn as nn


# --- minimal stand-ins for timm and mmengine ---
class ResNet(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 16, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(16)
        self.fc = nn.Linear(16, num_classes)
        self.init_weights()

    def init_weights(self, zero_init_last=True):
        for n, m in self.named_modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode='fan_out', nonlinearity='relu')
            elif isinstance(m, nn.BatchNorm2d):
                nn.init.ones_(m.weight)
                nn.init.zeros_(m.bias)

    def forward(self, x):
        x = torch.relu(self.bn1(self.conv1(x)))
        return self.fc(x.mean((2, 3)))


_PRETRAINED = {}


class timm:
    @staticmethod
    def create_model(model_name, pretrained=False, **kwargs):
        model = ResNet(**kwargs)
        if pretrained:
            model.load_state_dict(_PRETRAINED[model_name])
        return model


class BaseModule(nn.Module):
    def __init__(self, init_cfg=None):
        super().__init__()
        self._is_init = False
        self.init_cfg = init_cfg

    @property
    def is_init(self):
        return self._is_init

    def init_weights(self):
        for m in self.children():
            if hasattr(m, 'init_weights') and not getattr(m, 'is_init', False):
                m.init_weights()
        self._is_init = True


class BaseModel(BaseModule):
    pass


class Runner:
    def __init__(self, model):
        self.model = model

    def _init_model_weights(self):
        if hasattr(self.model, 'init_weights'):
            self.model.init_weights()

    def train(self):
        self._init_model_weights()
        return self.model
# --- end of stand-ins ---


class MMModel(BaseModel):
    def __init__(self):
        super().__init__()

        self.model = timm.create_model("resnext50_32x4d.tv_in1k", pretrained=True)

    def init_weights(self):
        # keep the pretrained timm weights: do not let the Runner re-initialize them
        self._is_init = True

    def forward(self, x):
        return self.model(x)


if __name__ == "__main__":
    torch.manual_seed(0)
    ref = ResNet()
    for t in ref.state_dict().values():
        if t.is_floating_point():
            t.fill_(0.5)
    _PRETRAINED["resnext50_32x4d.tv_in1k"] = ref.state_dict()

    runner = Runner(
        model=MMModel()
    )
    model = runner.train()
    kept = torch.equal(model.model.conv1.weight, ref.conv1.weight)
    print("pretrained conv1 kept after runner.train():", kept)
    assert kept
    print("OK: pretrained timm weights survive runner.train()")
""",
        note="MMModel builds self.model = timm.create_model(..., pretrained=True); Runner(model=...).train() calls model.init_weights(), which reaches the timm model's own init_weights and redraws the pretrained weights (timm, BaseModel and Runner stubbed). Checked with torch: conv1 no longer equals the pretrained tensor after runner.train(); the twin gives MMModel an init_weights that only marks it initialized, and the weights survive.",
        scope='Checks for code that loads weights into a model and then re-initializes that model later in the same function or module body, with no reload in between.'),
    case('GeoZcx-A-deeply-supervised-image-fusion-network-for-change-detection-in-remote-sensing-images-9', 'https://github.com/GeoZcx/A-deeply-supervised-image-fusion-network-for-change-detection-in-remote-sensing-images/issues/9', 'init-loop-over-pretrained-submodule', r"""
import torch
import torch.nn as nn


# --- minimal stand-in for torchvision.models.vgg16 with "ImageNet" weights ---
class _VGG(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(inplace=True),
            nn.Conv2d(8, 8, 3, padding=1), nn.ReLU(inplace=True),
            nn.MaxPool2d(2, 2),
            nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(inplace=True),
        )


def vgg16(pretrained=False):
    model = _VGG()
    if pretrained:
        with torch.no_grad():
            for p in model.parameters():
                p.fill_(0.05)  # stands for the downloaded ImageNet weights
    return model
# --- end of stand-in ---


class vgg16_base(nn.Module):
    def __init__(self):
        super(vgg16_base, self).__init__()
        features = list(vgg16(pretrained=True).features)[:7]
        self.features = nn.ModuleList(features).eval()

    def forward(self, x):
        results = []
        for ii, model in enumerate(self.features):
            x = model(x)
            if ii in {3, 6}:
                results.append(x)
        return results


def conv2d_bn(in_channels, out_channels):
    return nn.Sequential(
        nn.Conv2d(in_channels, out_channels, kernel_size=3, stride=1, padding=1),
        nn.PReLU(),
        nn.BatchNorm2d(out_channels),
        nn.Dropout(p=0.6),
    )


class DSIFN(nn.Module):
    def __init__(self, model_A, model_B):
        super().__init__()
        self.t1_base = model_A
        self.t2_base = model_B
        self.sigmoid = nn.Sigmoid()

        # branch1
        self.o1_conv1 = conv2d_bn(32, 16)
        self.o1_conv3 = nn.Conv2d(16, 1, 1)
        self.trans_conv1 = nn.ConvTranspose2d(16, 16, kernel_size=2, stride=2)

        # branch 2
        self.o2_conv1 = conv2d_bn(32, 16)
        self.o2_conv4 = nn.Conv2d(16, 1, 1)

        self._initialize_weights()

    def _initialize_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d) or isinstance(m, nn.ConvTranspose2d) or isinstance(m, nn.Linear):
                nn.init.kaiming_normal_(m.weight, mode='fan_out', nonlinearity='relu')
                if m.bias is not None:
                    m.bias.data.zero_()
            elif isinstance(m, nn.BatchNorm2d):
                m.weight.data.fill_(1)
                m.bias.data.zero_()

    def forward(self, t1_input, t2_input):
        t1_list = self.t1_base(t1_input)
        t2_list = self.t2_base(t2_input)
        x = torch.cat((t1_list[1], t2_list[1]), dim=1)
        x = self.o1_conv1(x)
        branch_1_out = self.sigmoid(self.o1_conv3(x))
        x = self.trans_conv1(x)
        x = torch.cat((x, t1_list[0], t2_list[0]), dim=1)
        x = self.o2_conv1(x)
        branch_2_out = self.sigmoid(self.o2_conv4(x))
        return branch_2_out, branch_1_out


if __name__ == "__main__":
    torch.manual_seed(0)
    model = DSIFN(vgg16_base(), vgg16_base())
    w = model.t1_base.features[0].weight
    kept = bool((w == 0.05).all())
    print("pretrained VGG16 conv kept:", kept)
    out = model(torch.randn(1, 3, 16, 16), torch.randn(1, 3, 16, 16))
    assert not kept
    print("BUG: _initialize_weights re-initialized the pretrained VGG16 feature extractors")
""", r"""
import torch
import torch.nn as nn


# --- minimal stand-in for torchvision.models.vgg16 with "ImageNet" weights ---
class _VGG(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(inplace=True),
            nn.Conv2d(8, 8, 3, padding=1), nn.ReLU(inplace=True),
            nn.MaxPool2d(2, 2),
            nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(inplace=True),
        )


def vgg16(pretrained=False):
    model = _VGG()
    if pretrained:
        with torch.no_grad():
            for p in model.parameters():
                p.fill_(0.05)  # stands for the downloaded ImageNet weights
    return model
# --- end of stand-in ---


class vgg16_base(nn.Module):
    def __init__(self):
        super(vgg16_base, self).__init__()
        features = list(vgg16(pretrained=True).features)[:7]
        self.features = nn.ModuleList(features).eval()

    def forward(self, x):
        results = []
        for ii, model in enumerate(self.features):
            x = model(x)
            if ii in {3, 6}:
                results.append(x)
        return results


def conv2d_bn(in_channels, out_channels):
    return nn.Sequential(
        nn.Conv2d(in_channels, out_channels, kernel_size=3, stride=1, padding=1),
        nn.PReLU(),
        nn.BatchNorm2d(out_channels),
        nn.Dropout(p=0.6),
    )


class DSIFN(nn.Module):
    def __init__(self, model_A, model_B):
        super().__init__()
        self.t1_base = model_A
        self.t2_base = model_B
        self.sigmoid = nn.Sigmoid()

        # branch1
        self.o1_conv1 = conv2d_bn(32, 16)
        self.o1_conv3 = nn.Conv2d(16, 1, 1)
        self.trans_conv1 = nn.ConvTranspose2d(16, 16, kernel_size=2, stride=2)

        # branch 2
        self.o2_conv1 = conv2d_bn(32, 16)
        self.o2_conv4 = nn.Conv2d(16, 1, 1)

        self._initialize_weights()

    def _initialize_weights(self):
        for name, m in self.named_modules():
            if name.startswith('t1_base') or name.startswith('t2_base'):
                continue  # keep the pretrained VGG16 parameters
            if isinstance(m, nn.Conv2d) or isinstance(m, nn.ConvTranspose2d) or isinstance(m, nn.Linear):
                nn.init.kaiming_normal_(m.weight, mode='fan_out', nonlinearity='relu')
                if m.bias is not None:
                    m.bias.data.zero_()
            elif isinstance(m, nn.BatchNorm2d):
                m.weight.data.fill_(1)
                m.bias.data.zero_()

    def forward(self, t1_input, t2_input):
        t1_list = self.t1_base(t1_input)
        t2_list = self.t2_base(t2_input)
        x = torch.cat((t1_list[1], t2_list[1]), dim=1)
        x = self.o1_conv1(x)
        branch_1_out = self.sigmoid(self.o1_conv3(x))
        x = self.trans_conv1(x)
        x = torch.cat((x, t1_list[0], t2_list[0]), dim=1)
        x = self.o2_conv1(x)
        branch_2_out = self.sigmoid(self.o2_conv4(x))
        return branch_2_out, branch_1_out


if __name__ == "__main__":
    torch.manual_seed(0)
    model = DSIFN(vgg16_base(), vgg16_base())
    w = model.t1_base.features[0].weight
    kept = bool((w == 0.05).all())
    print("pretrained VGG16 conv kept:", kept)
    out = model(torch.randn(1, 3, 16, 16), torch.randn(1, 3, 16, 16))
    assert kept
    assert abs(model.o1_conv1[0].weight.std().item() - (2.0 / (16 * 9)) ** 0.5) < 0.03
    print("OK: only the fusion branches are initialized, VGG16 weights kept")
""",
        note="DSIFN keeps two vgg16_base feature extractors (built from vgg16(pretrained=True), stubbed) and the reporter's _initialize_weights loops over self.modules() with kaiming_normal_, re-initializing the pretrained VGG16 too (reporter's own diagnosis; maintainer: only the non-VGG part is initialized). The call at the end of __init__ is assumed. Checked with torch: the VGG conv no longer holds the pretrained values; the twin skips t1_base/t2_base in the loop and keeps them.",
        scope='Checks for an `__init__` that assigns a submodule from a pretrained source (`pretrained=True`, a non-None `weights=`, `from_pretrained(...)`, or `self.X.load_state_dict(...)`) and afterwards runs `self.apply(f)` or an init loop over `self.modules()`/`self.parameters()`, which walks the pretrained submodule too.'),
    case('pytorch-pytorch-149691', 'https://github.com/pytorch/pytorch/issues/149691', 'lazy-reset-before-in-features-set', r"""
import math
import torch
from torch import nn
from torch.nn.modules.lazy import LazyModuleMixin
from torch.nn.parameter import UninitializedParameter


class LazyLinear(LazyModuleMixin, nn.Linear):
    cls_to_become = nn.Linear

    def __init__(self, out_features, bias=True, device=None, dtype=None):
        factory_kwargs = {"device": device, "dtype": dtype}
        super().__init__(0, 0, False)
        self.weight = UninitializedParameter(**factory_kwargs)
        self.out_features = out_features
        if bias:
            self.bias = UninitializedParameter(**factory_kwargs)

    def reset_parameters(self):
        if not self.has_uninitialized_params() and self.in_features != 0:
            super().reset_parameters()

    def initialize_parameters(self, input):
        if self.has_uninitialized_params():
            with torch.no_grad():
                self.weight.materialize((self.out_features, input.shape[-1]))
                if self.bias is not None:
                    self.bias.materialize((self.out_features,))
                self.reset_parameters()
        if self.in_features == 0:
            assert input.shape[-1] == self.weight.shape[-1]
            self.in_features = input.shape[-1]


if __name__ == "__main__":
    torch.manual_seed(0)
    l = LazyLinear(64)
    print(l(torch.randn(3, 128))[0, :4])
    want = 1 / math.sqrt(3 * 128)  # std of kaiming_uniform_(a=sqrt(5)) for fan_in=128
    std = l.weight.std().item()
    print("weight std:", std, "default init std:", want)
    assert not (0.5 * want < std < 1.5 * want)
    print("BUG: reset_parameters ran while in_features was still 0, weights left uninitialized")
""", r"""
import math
import torch
from torch import nn
from torch.nn.modules.lazy import LazyModuleMixin
from torch.nn.parameter import UninitializedParameter


class LazyLinear(LazyModuleMixin, nn.Linear):
    cls_to_become = nn.Linear

    def __init__(self, out_features, bias=True, device=None, dtype=None):
        factory_kwargs = {"device": device, "dtype": dtype}
        super().__init__(0, 0, False)
        self.weight = UninitializedParameter(**factory_kwargs)
        self.out_features = out_features
        if bias:
            self.bias = UninitializedParameter(**factory_kwargs)

    def reset_parameters(self):
        if not self.has_uninitialized_params() and self.in_features != 0:
            super().reset_parameters()

    def initialize_parameters(self, input):
        if self.has_uninitialized_params():
            with torch.no_grad():
                self.in_features = input.shape[-1]
                self.weight.materialize((self.out_features, self.in_features))
                if self.bias is not None:
                    self.bias.materialize((self.out_features,))
                self.reset_parameters()
        if self.in_features == 0:
            assert input.shape[-1] == self.weight.shape[-1]
            self.in_features = input.shape[-1]


if __name__ == "__main__":
    torch.manual_seed(0)
    l = LazyLinear(64)
    print(l(torch.randn(3, 128))[0, :4])
    want = 1 / math.sqrt(3 * 128)  # std of kaiming_uniform_(a=sqrt(5)) for fan_in=128
    std = l.weight.std().item()
    print("weight std:", std, "default init std:", want)
    assert 0.8 * want < std < 1.2 * want
    print("OK: in_features set before reset_parameters, default init applied")
""",
        note='LazyLinear.initialize_parameters materializes the weights and calls reset_parameters before setting in_features, and reset_parameters skips the init while in_features == 0, so the layer keeps empty storage (rebuilt as a project class on LazyModuleMixin). Checked with torch: after the first forward the weight std is ~0 and outputs are garbage; the twin sets in_features first (the fix) and the kaiming-uniform std 0.051 is met.',
        scope=None),
    case('huggingface-transformers-14408', 'https://github.com/huggingface/transformers/pull/14408', 'apply-in-base-init-before-layers', r"""
from functools import partial

import torch
import torch.nn as nn


class PretrainedConfig:
    def __init__(self, hidden_size=16, num_hidden_layers=2, initializer_range=0.02, gradient_checkpointing=False):
        self.hidden_size = hidden_size
        self.num_hidden_layers = num_hidden_layers
        self.initializer_range = initializer_range
        self.gradient_checkpointing = gradient_checkpointing


class BertEncoder(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.layer = nn.ModuleList([nn.Linear(config.hidden_size, config.hidden_size)
                                    for _ in range(config.num_hidden_layers)])
        self.gradient_checkpointing = False

    def forward(self, x):
        for layer_module in self.layer:
            x = layer_module(x)
        return x


class PreTrainedModel(nn.Module):
    supports_gradient_checkpointing = True

    def __init__(self, config, *inputs, **kwargs):
        super().__init__()
        self.config = config
        # Backward compatibility: old configs carry gradient_checkpointing=True
        if self.supports_gradient_checkpointing and getattr(config, "gradient_checkpointing", False):
            self.gradient_checkpointing_enable()
            delattr(self.config, "gradient_checkpointing")

    def gradient_checkpointing_enable(self):
        self.apply(partial(self._set_gradient_checkpointing, value=True))

    def _set_gradient_checkpointing(self, module, value=False):
        if isinstance(module, BertEncoder):
            module.gradient_checkpointing = value

    def _init_weights(self, module):
        if isinstance(module, nn.Linear):
            module.weight.data.normal_(mean=0.0, std=self.config.initializer_range)
            module.bias.data.zero_()

    def init_weights(self):
        self.apply(self._init_weights)


class BertModel(PreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.config = config
        self.embeddings = nn.Linear(config.hidden_size, config.hidden_size)
        self.encoder = BertEncoder(config)

        self.init_weights()

    def forward(self, x):
        return self.encoder(self.embeddings(x))


if __name__ == "__main__":
    config = PretrainedConfig(gradient_checkpointing=True)
    model = BertModel(config)
    print("encoder.gradient_checkpointing:", model.encoder.gradient_checkpointing)
    assert model.encoder.gradient_checkpointing is False
    print("BUG: self.apply ran in the base __init__ before BertEncoder existed")
""", r"""
from functools import partial

import torch
import torch.nn as nn


class PretrainedConfig:
    def __init__(self, hidden_size=16, num_hidden_layers=2, initializer_range=0.02, gradient_checkpointing=False):
        self.hidden_size = hidden_size
        self.num_hidden_layers = num_hidden_layers
        self.initializer_range = initializer_range
        self.gradient_checkpointing = gradient_checkpointing


class BertEncoder(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.layer = nn.ModuleList([nn.Linear(config.hidden_size, config.hidden_size)
                                    for _ in range(config.num_hidden_layers)])
        self.gradient_checkpointing = False

    def forward(self, x):
        for layer_module in self.layer:
            x = layer_module(x)
        return x


class PreTrainedModel(nn.Module):
    supports_gradient_checkpointing = True

    def __init__(self, config, *inputs, **kwargs):
        super().__init__()
        self.config = config

    def post_init(self):
        # runs at the end of the model's __init__, once all submodules exist
        self.init_weights()
        # Backward compatibility: old configs carry gradient_checkpointing=True
        if self.supports_gradient_checkpointing and getattr(self.config, "gradient_checkpointing", False):
            self.gradient_checkpointing_enable()
            delattr(self.config, "gradient_checkpointing")

    def gradient_checkpointing_enable(self):
        self.apply(partial(self._set_gradient_checkpointing, value=True))

    def _set_gradient_checkpointing(self, module, value=False):
        if isinstance(module, BertEncoder):
            module.gradient_checkpointing = value

    def _init_weights(self, module):
        if isinstance(module, nn.Linear):
            module.weight.data.normal_(mean=0.0, std=self.config.initializer_range)
            module.bias.data.zero_()

    def init_weights(self):
        self.apply(self._init_weights)


class BertModel(PreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.config = config
        self.embeddings = nn.Linear(config.hidden_size, config.hidden_size)
        self.encoder = BertEncoder(config)

        self.post_init()

    def forward(self, x):
        return self.encoder(self.embeddings(x))


if __name__ == "__main__":
    config = PretrainedConfig(gradient_checkpointing=True)
    model = BertModel(config)
    print("encoder.gradient_checkpointing:", model.encoder.gradient_checkpointing)
    assert model.encoder.gradient_checkpointing is True
    print("OK: post_init applies the setting after the submodules are built")
""",
        note="PreTrainedModel.__init__ runs self.apply(partial(self._set_gradient_checkpointing, value=True)) for old configs, but subclasses build their submodules only after super().__init__(config), so the apply reaches nothing (PR text: the submodules have not been created yet); the fix moves it into post_init at the end of each model's __init__. Checked with torch: encoder.gradient_checkpointing stays False; the twin calls self.post_init() last and it is True. The applied function sets a module flag rather than weights.",
        scope=None),
]
