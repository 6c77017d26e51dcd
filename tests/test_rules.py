"""Behaviour of each rule on buggy code and on its correct twin, including the zoo-shaped precision cases."""

from _helpers import codes_of

HEADER = "import math\nimport torch\nimport torch.nn as nn\n"


# ---- INI001 ---------------------------------------------------------------------------------------
def test_ini001_guarded_reads_are_silent(lint):
    src = HEADER + '''
class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)

    def forward(self, x):
        if hasattr(self, "drop"):
            x = self.drop(x)
        y = getattr(self, "scale", 1.0)
        try:
            x = self.extra(x)
        except AttributeError:
            pass
        return self.fc(x) * y

    @staticmethod
    def helper(cls_or_x):
        return cls_or_x.missing

    @classmethod
    def build(cls):
        return cls.other
'''
    assert lint(src) == []


def test_ini001_abstract_base_with_defining_subclass_is_silent(lint):
    src = HEADER + '''
class Base(nn.Module):
    def forward(self, x):
        return self.head(x)

class Impl(Base):
    def __init__(self):
        super().__init__()
        self.head = nn.Linear(2, 2)
'''
    assert lint(src) == []


def test_ini001_unknown_base_or_getattr_is_silent(lint):
    src = HEADER + '''
from somewhere import Mixin

class A(Mixin, nn.Module):
    def forward(self, x):
        return self.head(x)

class B(nn.Module):
    def __getattr__(self, name):
        return 1
    def forward(self, x):
        return self.head(x)

class C(nn.Module):
    def __init__(self, names):
        super().__init__()
        for n in names:
            setattr(self, n, nn.Linear(2, 2))
    def forward(self, x):
        return self.head(x)
'''
    assert lint(src) == []


def test_ini001_registered_and_class_level_names_are_defined(lint):
    src = HEADER + '''
class A(nn.Module):
    scale: float = 1.0
    def __init__(self):
        super().__init__()
        self.register_buffer("pos", torch.zeros(3))
        self.register_parameter("w", nn.Parameter(torch.zeros(3)))
        self.add_module("proj", nn.Linear(3, 3))
        setattr(self, "gate", nn.Linear(3, 3))
    @property
    def dim(self):
        return 3
    def forward(self, x):
        return self.proj(x) + self.pos + self.w + self.gate(x) * self.scale * self.dim + self.training
'''
    assert lint(src) == []


def test_ini001_setattr_under_hasattr_does_not_hide_a_typo(lint):
    src = HEADER + '''
class A(nn.Module):
    def __init__(self, **kw):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        for k, v in kw.items():
            if hasattr(self, k):
                setattr(self, k, v)
    def forward(self, x):
        return self.fcc(x)
'''
    findings = lint(src)
    assert codes_of(findings) == ["INI001"] and "did you mean `self.fc`" in findings[0].message


def test_ini001_sibling_copy_in_helper_method(lint):
    src = HEADER + '''
class Attention(nn.Module):
    def __init__(self):
        super().__init__()
        self.qkv = nn.Linear(4, 12)
    def feature_info(self):
        return dict(module="conv_pw", num_chs=self.conv_pw.out_channels)
'''
    assert codes_of(lint(src)) == ["INI001"]


def test_ini001_cross_file_base(lint_project):
    files = {
        "pkg/__init__.py": "from .base import Base\n",
        "pkg/base.py": "import torch.nn as nn\nclass Base(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.head = nn.Linear(2, 2)\n",
        "pkg/model.py": "from .base import Base\nclass Net(Base):\n    def forward(self, x):\n        return self.head(self.stem(x))\n",
        "pkg/other.py": "from pkg import Base\nclass Net2(Base):\n    def forward(self, x):\n        return self.head(x)\n",
    }
    findings = lint_project(files)
    assert [(f.path, f.code, f.line) for f in findings] == [("pkg/model.py", "INI001", 4)]
    assert "self.stem" in findings[0].message


# ---- INI101 / INI103 ------------------------------------------------------------------------------
def test_ini101_every_import_spelling(lint):
    src = '''
import torch
import torch.nn as nn
import torch.nn.init as init
from torch.nn import init as tinit
from torch.nn.init import xavier_normal

def f(w):
    nn.init.xavier_uniform(w)
    init.normal(w)
    tinit.constant(w, 0)
    torch.nn.init.zeros(w)
    xavier_normal(w)
    nn.init.xavier_uniform_(w)
'''
    findings = lint(src)
    assert [f.line for f in findings if f.code == "INI101"] == [9, 10, 11, 12, 13]
    assert findings[0].fix.applicability == "safe" and findings[-1].fix is None


def test_ini103_invalid_arguments(lint):
    src = HEADER + '''
def f(w):
    nn.init.kaiming_normal_(w, nonlinearity="gelu")
    nn.init.kaiming_uniform_(w, 0, "fanout")
    nn.init.uniform_(w, 1.0, 0.02)
    nn.init.normal_(w, 0, -1)
    nn.init.sparse_(w, 1.5)
    nn.init.calculate_gain("ReLU")
    nn.init.kaiming_normal_(w, mode="fan_out", nonlinearity="relu")
    nn.init.uniform_(w, -0.1, 0.1)
    nn.init.kaiming_uniform_(w, a=math.sqrt(5))
'''
    findings = lint(src)
    assert [f.line for f in findings] == [6, 7, 8, 9, 10, 11]
    assert {f.code for f in findings} == {"INI103"}
    assert "'relu'" in findings[-1].message  # names are lower case


# ---- INI102 ---------------------------------------------------------------------------------------
def test_ini102_bias_norm_and_parameter_loops(lint):
    src = HEADER + '''
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 4)
        self.norm = nn.LayerNorm(4)
        nn.init.xavier_uniform_(self.fc.bias)
        for m in self.modules():
            if isinstance(m, nn.LayerNorm):
                nn.init.kaiming_normal_(m.weight)
        for p in self.parameters():
            nn.init.xavier_uniform_(p)
        for name, p in self.named_parameters():
            if "weight" in name:
                nn.init.orthogonal_(p)
'''
    assert [f.line for f in lint(src) if f.code == "INI102"] == [10, 13, 15, 18]


def test_ini102_guarded_loops_are_silent(lint):
    src = HEADER + '''
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 4)
        for p in self.parameters():
            if p.dim() > 1:
                nn.init.xavier_uniform_(p)
        for name, p in self.named_parameters():
            if "weight" in name:  # no norm layers in this model: every weight is 2-D
                nn.init.orthogonal_(p)
        for p in self.parameters():
            if len(p.shape) < 2:
                continue
            nn.init.xavier_normal_(p)
'''
    assert lint(src) == []


# ---- INI201 / INI209 / INI202 ---------------------------------------------------------------------
TORCHVISION_STYLE = HEADER + '''
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3, bias=False)
        self.bn = nn.BatchNorm2d(8)
        self.fc = nn.Linear(8, 10)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
            elif isinstance(m, (nn.BatchNorm2d, nn.GroupNorm)):
                nn.init.constant_(m.weight, 1)
                nn.init.constant_(m.bias, 0)
            elif isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, 0, 0.01)
                nn.init.constant_(m.bias, 0)
'''


def test_torchvision_style_unguarded_linear_bias_is_silent(lint):
    assert lint(TORCHVISION_STYLE) == []


def test_ini201_fires_when_a_reached_layer_lacks_the_bias(lint):
    src = TORCHVISION_STYLE.replace("nn.Linear(8, 10)", "nn.Linear(8, 10, bias=False)")
    findings = lint(src)
    assert codes_of(findings) == ["INI201"] and findings[0].line == 19
    assert "Linear(bias=False)" in findings[0].message


def test_ini201_norm_without_affine_in_this_model_only(lint_project):
    model = HEADER + '''
class Plain(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 4)
        self.norm = nn.LayerNorm(4)
        self.apply(self._init)
    def _init(self, m):
        if isinstance(m, nn.LayerNorm):
            nn.init.ones_(m.weight)
            nn.init.zeros_(m.bias)
'''
    other = HEADER + '''
class NoAffine(nn.Module):
    def __init__(self):
        super().__init__()
        self.norm = nn.LayerNorm(4, elementwise_affine=False)
'''
    # one model without affine must not make every LayerNorm branch in the tree suspect
    assert lint_project({"a.py": model, "b.py": other}) == []
    broken = model.replace("nn.LayerNorm(4)", "nn.LayerNorm(4, elementwise_affine=False)")
    findings = lint_project({"a.py": broken, "b.py": other})
    assert [f.code for f in findings] == ["INI201", "INI201"]


def test_ini201_instance_norm_default_has_no_affine(lint):
    src = HEADER + '''
def init_fn(m):
    if isinstance(m, nn.InstanceNorm2d):
        nn.init.ones_(m.weight)

class G(nn.Module):
    def __init__(self):
        super().__init__()
        self.n = nn.InstanceNorm2d(8)

model = G()
model.apply(init_fn)
'''
    assert codes_of(lint(src)) == ["INI201"]


def test_ini201_guards(lint):
    src = TORCHVISION_STYLE.replace("nn.Linear(8, 10)", "nn.Linear(8, 10, bias=False)").replace(
        "                nn.init.constant_(m.bias, 0)\n'''", "")
    guarded = src.replace(
        "                nn.init.normal_(m.weight, 0, 0.01)\n                nn.init.constant_(m.bias, 0)",
        "                nn.init.normal_(m.weight, 0, 0.01)\n                if m.bias is not None:\n"
        "                    nn.init.constant_(m.bias, 0)")
    assert lint(guarded) == []
    has_attr = src.replace("nn.init.constant_(m.bias, 0)\n", "if hasattr(m, 'bias'):\n                    nn.init.constant_(m.bias, 0)\n", 1)
    assert "INI201" in codes_of(lint(has_attr)) or "INI201" in codes_of(lint(src))


def test_ini202_family_member_missed(lint):
    src = HEADER + '''
def weights_init(m):
    if isinstance(m, nn.Conv2d):
        nn.init.normal_(m.weight, 0.0, 0.02)
    elif isinstance(m, nn.BatchNorm2d):
        nn.init.normal_(m.weight, 1.0, 0.02)
        nn.init.zeros_(m.bias)

class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(nn.ConvTranspose2d(100, 64, 4, bias=False), nn.SyncBatchNorm(64), nn.ReLU(True),
                                  nn.Conv2d(64, 3, 3))

netG = Generator()
netG.apply(weights_init)
'''
    findings = lint(src)
    assert codes_of(findings) == ["INI202", "INI202"]
    dead = src.replace(",\n                                  nn.Conv2d(64, 3, 3))", ")")
    assert [f.message.split(":")[0] for f in lint(dead)] == [
        "the init `weights_init` dispatches on BatchNorm2d, Conv2d but Generator builds only ConvTranspose2d,"
        " SyncBatchNorm"]
    messages = " | ".join(f.message for f in findings)
    assert "also builds ConvTranspose2d" in messages and "also builds SyncBatchNorm" in messages


def test_ini202_resnet_fc_left_at_default_is_silent(lint):
    src = HEADER + '''
class ResNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 64, 7, bias=False)
        self.bn1 = nn.BatchNorm2d(64)
        self.fc = nn.Linear(64, 1000)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
            elif isinstance(m, (nn.BatchNorm2d, nn.GroupNorm)):
                nn.init.constant_(m.weight, 1)
                nn.init.constant_(m.bias, 0)
'''
    assert lint(src) == []


def test_ini202_head_only_and_project_block_dispatch_are_silent(lint):
    src = HEADER + '''
class Bottleneck(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(4, 4, 3)
        self.bn3 = nn.BatchNorm2d(4)

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.block = Bottleneck()
        self.head = nn.Linear(4, 2)
        for m in self.modules():
            if isinstance(m, Bottleneck):
                nn.init.zeros_(m.bn3.weight)
        nn.init.zeros_(self.head.weight)
'''
    assert lint(src) == []


# ---- INI301 / INI302 / INI303 ---------------------------------------------------------------------
def test_ini301_init_after_load(lint):
    src = HEADER + '''
from torchvision.models import resnet50

def init_weights(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_uniform_(m.weight)

def build(path):
    model = resnet50()
    model.load_state_dict(torch.load(path))
    model.apply(init_weights)
    return model

def build_ok(path):
    model = resnet50()
    model.apply(init_weights)
    model.load_state_dict(torch.load(path))
    return model

def head_only():
    model = resnet50(pretrained=True)
    model.fc = nn.Linear(2048, 10)
    nn.init.xavier_uniform_(model.fc.weight)
    return model

def branches(pretrained):
    model = resnet50()
    if pretrained:
        model.load_state_dict(torch.load("w.pt"))
    else:
        model.apply(init_weights)
'''
    findings = lint(src)
    assert [(f.code, f.line) for f in findings] == [("INI301", 14)]


def test_ini302_loop_before_layers(lint):
    src = HEADER + '''
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        for m in self.modules():
            if isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m.weight)
        self.fc = nn.Linear(2, 2)
        self.drop = nn.Dropout(0.1)

class Ok(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        self.apply(self._init)
    def _init(self, m):
        if isinstance(m, nn.Linear):
            nn.init.xavier_uniform_(m.weight)
'''
    findings = lint(src)
    assert [(f.code, f.line) for f in findings] == [("INI302", 8)]
    assert "self.fc" in findings[0].message and "self.drop" not in findings[0].message


def test_ini303_called_vs_factory(lint):
    src = HEADER + '''
def weights_init(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_uniform_(m.weight)

def make_init(std):
    def init(m):
        if isinstance(m, nn.Linear):
            nn.init.normal_(m.weight, 0, std)
    return init

model = nn.Linear(2, 2)
model.apply(weights_init())
model.apply(make_init(0.02))
model.apply(weights_init)
'''
    findings = lint(src)
    assert [(f.code, f.line) for f in findings] == [("INI303", 16)]
    assert findings[0].fix is not None


def test_deterministic_output(lint):
    src = TORCHVISION_STYLE.replace("nn.Linear(8, 10)", "nn.Linear(8, 10, bias=False)")
    first = [(f.line, f.column, f.code, f.message) for f in lint(src, select=["ALL"])]
    for _ in range(3):
        assert [(f.line, f.column, f.code, f.message) for f in lint(src, select=["ALL"])] == first


def test_ini001_knows_torch_layer_bases(lint):
    src = HEADER + '''
import torch.nn.functional as F

class Conv2dSame(nn.Conv2d):
    def forward(self, x):
        return F.conv2d(x, self.weight, self.bias, self.stride, self.padding, self.dilation, self.groups)

class ScaledLinear(nn.Linear):
    def forward(self, x):
        return F.linear(x, self.weight * self.scale, self.bias)

class MyLSTM(nn.LSTM):  # weights with computed names: unknowable, silent
    def forward(self, x):
        return self.weight_ih_l0 + self.nonexistent
'''
    findings = lint(src)
    assert [(f.code, f.line) for f in findings] == [("INI001", 13)] and "self.scale" in findings[0].message


def test_ini001_attributes_assigned_from_outside(lint_project):
    files = {"lib/mixin.py": HEADER + '''
class ModelMixin(nn.Module):
    def enable_checkpointing(self, func):
        for name, module in self.named_modules():
            if hasattr(module, "gradient_checkpointing"):
                module._checkpoint_func = func           # diffusers: set on every block from outside


def build(model):
    model.body, model.save = nn.Linear(2, 2), []         # ultralytics: a helper fills the instance


def set_decoder_flag(module, value):
    if isinstance(module, Decoder):
        module.flag = value                              # only for Decoder and its subclasses


def tweak(config):
    config.use_mask = True                               # a setting, not a module attribute
''', "lib/blocks.py": HEADER + '''
class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.gradient_checkpointing = False

    def forward(self, x):
        if self.gradient_checkpointing:
            return self._checkpoint_func(x)
        return self.body(x) + self.save


class Decoder(nn.Module):
    def forward(self, x):
        return x if self.flag else -x


class Encoder(nn.Module):
    def forward(self, x):
        return x if self.flag and self.use_mask else -x
'''}
    findings = [(f.path, f.line, f.message.split("`")[1]) for f in lint_project(files)]
    assert findings == [("lib/blocks.py", 23, "self.flag"), ("lib/blocks.py", 23, "self.use_mask")]
