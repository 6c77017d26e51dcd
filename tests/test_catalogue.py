"""Issue 5's catalogue: each rule catches realistic bugs in several code styles and stays silent on the
corrected twin and on the correct zoo idioms the issue lists."""


from _helpers import codes_of

H = "import math\nimport torch\nimport torch.nn as nn\n"


def only(findings, code):
    return [f for f in findings if f.code == code]


# ---- INI002 / INI003 ------------------------------------------------------------------------------
def test_ini002_styles_and_twins(lint):
    bug = H + '''
class Net(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.blocks = [nn.Linear(8, 8) for _ in range(n)]
        self.heads = {"cls": nn.Linear(8, 2), "box": nn.Linear(8, 4)}
        self.extra = []
        for _ in range(n):
            self.extra.append(nn.Conv2d(3, 3, 1))
        self.acts = [nn.ReLU(), nn.GELU()]          # parameter-less: fine
        self.named = [nn.Linear(2, 2) for _ in range(2)]
        for i, layer in enumerate(self.named):      # registered one by one: fine
            self.add_module(f"named{i}", layer)
'''
    assert [f.line for f in only(lint(bug), "INI002")] == [8, 9, 10]
    fixed = bug.replace("[nn.Linear(8, 8) for _ in range(n)]", "nn.ModuleList([nn.Linear(8, 8) for _ in range(n)])")
    fixed = fixed.replace('{"cls": nn.Linear(8, 2), "box": nn.Linear(8, 4)}',
                          'nn.ModuleDict({"cls": nn.Linear(8, 2), "box": nn.Linear(8, 4)})')
    fixed = fixed.replace("self.extra = []", "self.extra = nn.ModuleList()")
    assert only(lint(fixed), "INI002") == []


def test_ini003_styles_and_deliberate_sharing(lint):
    bug = H + '''
def make(n):
    layer = nn.Linear(4, 4)
    return nn.Sequential(*[layer] * n)

class Net(nn.Module):
    def __init__(self, n, share=False):
        super().__init__()
        self.block = nn.Linear(4, 4)
        self.layers = nn.ModuleList([self.block for _ in range(n)])
        self.more = nn.ModuleList(n * [nn.Conv2d(3, 3, 1)])
        if share:
            self.tied = nn.ModuleList([self.block] * n)   # a sharing flag: deliberate
'''
    assert [f.line for f in only(lint(bug), "INI003")] == [7, 13, 14]
    fixed = bug.replace("[layer] * n", "[nn.Linear(4, 4) for _ in range(n)]").replace(
        "[self.block for _ in range(n)]", "[nn.Linear(4, 4) for _ in range(n)]").replace(
        "n * [nn.Conv2d(3, 3, 1)]", "[nn.Conv2d(3, 3, 1) for _ in range(n)]")
    assert only(lint(fixed), "INI003") == []


# ---- INI004 ---------------------------------------------------------------------------------------
def test_ini004_uninitialized_parameter_and_hook_reach(lint_project):
    files = {"layers.py": H + '''
class Scaled(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.w = nn.Parameter(torch.empty(n, n))            # never initialized: bug
        self.v = nn.Parameter(torch.Tensor(n))              # reset_parameters: fine
        self.q = nn.Parameter(torch.FloatTensor(n, n))      # the model's hook, via a list: fine
        self.frozen = nn.Parameter(torch.empty(n), requires_grad=False)  # load-only: fine
        self.reset_parameters()

    def reset_parameters(self):
        nn.init.normal_(self.v, std=0.02)
''', "model.py": H + '''
from layers import Scaled

class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.s = Scaled(4)
        self.apply(self._init_weights)

    def _init_weights(self, module):
        if isinstance(module, (Scaled, nn.Linear)):
            for p in [module.q]:
                nn.init.normal_(p, std=0.02)
'''}
    findings = only(lint_project(files), "INI004")
    assert [(f.path, f.line) for f in findings] == [("layers.py", 8)]


# ---- INI104 / INI105 / INI106 ---------------------------------------------------------------------
def test_ini104_gain_like_and_ignored_slope(lint):
    src = H + '''
def init(m):
    if isinstance(m, nn.Conv2d):
        nn.init.kaiming_normal_(m.weight, a=math.sqrt(2))                    # bug: a gain
        nn.init.kaiming_uniform_(m.weight, a=2 ** 0.5)                       # bug: a gain
        nn.init.kaiming_normal_(m.weight, a=0.1, nonlinearity="relu")        # bug: ignored
        nn.init.kaiming_uniform_(m.weight, a=math.sqrt(5))                   # PyTorch's own idiom
        nn.init.kaiming_uniform_(m.weight, a=1)                              # Caffe2 XavierFill idiom
        nn.init.kaiming_normal_(m.weight, a=0.2, nonlinearity="leaky_relu")  # a slope: fine
'''
    assert [f.line for f in only(lint(src), "INI104")] == [7, 8, 9]


def test_ini105_module_instead_of_tensor(lint):
    src = H + '''
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.decoder = nn.Linear(8, 8)
        nn.init.zeros_(self.decoder)
        nn.init.zeros_(self.decoder.bias)

def init(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_uniform_(m)
        nn.init.xavier_uniform_(m.weight)
'''
    assert [(f.code, f.line) for f in lint(src)] == [("INI105", 9), ("INI105", 14)]


def test_ini106_is_opt_in(lint):
    src = H + "w = torch.empty(3, 3)\nnn.init.trunc_normal_(w, std=0.02)\nnn.init.trunc_normal_(w, std=0.02, a=-0.04, b=0.04)\n"
    assert lint(src) == []
    assert [f.line for f in lint(src, extend=["INI106"])] == [5]


# ---- INI107 ---------------------------------------------------------------------------------------
def test_ini107_inplace_writes(lint):
    src = H + '''
class FrozenBatchNorm2d(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.register_buffer("weight", torch.ones(n))   # a buffer, not a parameter

    def reset(self):
        self.weight.fill_(1.0)

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 4)
        self.alpha = nn.Parameter(torch.ones(4))
        self.fc.weight.normal_(0, 0.01)          # bug
        self.alpha[0] = 0.0                      # bug
        self.fc.bias.data.zero_()                # through .data: fine
        with torch.no_grad():
            self.fc.weight.uniform_(-0.1, 0.1)   # under no_grad: fine

    @torch.no_grad()
    def reinit(self):
        self.alpha.fill_(1.0)                    # decorated: fine

def weights_init(m):
    if isinstance(m, nn.Linear):
        m.weight.normal_(0.0, 0.02)              # bug, in an apply function
'''
    assert [f.line for f in only(lint(src), "INI107")] == [18, 19, 30]


# ---- INI108 ---------------------------------------------------------------------------------------
def test_ini108_opt_in_mismatch(lint):
    src = H + '''
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 4)
        self.act = nn.Tanh()
        for m in self.modules():
            if isinstance(m, nn.Linear):
                nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
    def forward(self, x):
        return self.act(self.fc(x))
'''
    assert lint(src) == []
    assert [f.code for f in lint(src, extend=["INI108"])] == ["INI108"]
    relu = src.replace("nn.Tanh()", "nn.ReLU()")
    assert lint(relu, extend=["INI108"]) == []


# ---- INI203 / INI204 / INI206 / INI207 / INI208 ---------------------------------------------------
def test_ini203_dcgan_style(lint):
    src = H + '''
class ConvBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 3, 3)
        self.bn = nn.BatchNorm2d(3)

class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(ConvBlock(), nn.ConvTranspose2d(3, 3, 4))

def weights_init(m):
    classname = m.__class__.__name__
    if classname.find("Conv") != -1:
        nn.init.normal_(m.weight, 0.0, 0.02)
    elif classname.find("BatchNorm") != -1:
        nn.init.normal_(m.weight, 1.0, 0.02)
        nn.init.zeros_(m.bias)

netG = Generator()
netG.apply(weights_init)
'''
    findings = lint(src)
    assert codes_of(findings) == ["INI203"] and "ConvBlock" in findings[0].message
    isinstance_twin = src.replace('classname.find("Conv") != -1', "isinstance(m, (nn.Conv2d, nn.ConvTranspose2d))")
    isinstance_twin = isinstance_twin.replace('classname.find("BatchNorm") != -1', "isinstance(m, nn.BatchNorm2d)")
    assert lint(isinstance_twin) == []


def test_ini204_exact_type(lint):
    src = H + '''
def init(m):
    if type(m) == nn.Linear:
        nn.init.xavier_uniform_(m.weight)
    if m.__class__ is nn.Conv2d:
        nn.init.kaiming_normal_(m.weight)


class Wide(nn.Conv2d):
    pass


net = nn.Sequential(Wide(3, 3, 1), nn.MultiheadAttention(4, 2))
net.apply(init)
'''
    findings = lint(src)
    assert [(f.code, f.line) for f in findings] == [("INI204", 7), ("INI204", 9)]
    assert "out_proj" in findings[0].message and "`Wide`" in findings[1].message
    assert findings[0].fix.applicability == "unsafe"


def test_ini204_silent_when_nothing_is_known_to_be_skipped(lint):
    """An exact type test skips nothing when the model builds only that exact type, and what it skips is
    unknown when the model is; a lazy type never matches once materialized, whatever the model."""
    init = '''
def init(m):
    if type(m) == nn.Linear:
        nn.init.xavier_uniform_(m.weight)
'''
    assert lint(H + init + "\n\nnet = nn.Sequential(nn.Linear(2, 2), nn.ReLU())\nnet.apply(init)\n") == []
    assert lint(H + init + "\n\ndef build(model):\n    model.apply(init)\n") == []
    lazy = init.replace("nn.Linear", "nn.LazyLinear")
    found = lint(H + lazy + "\n\nnet = nn.Sequential(nn.LazyLinear(2))\nnet.apply(init)\n")
    found = [f for f in found if f.code == "INI204"]
    assert len(found) == 1 and "becomes `Linear`" in found[0].message


def test_ini206_and_ini208(lint):
    src = H + '''
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.LSTM(4, 4)
        self.attn = nn.MultiheadAttention(4, 2)
        for m in self.modules():
            if isinstance(m, nn.LSTM):
                nn.init.orthogonal_(m.weight)
                nn.init.orthogonal_(m.weight_hh_l0)
            elif isinstance(m, nn.MultiheadAttention):
                nn.init.zeros_(m.bias)
'''
    assert [(f.code, f.line) for f in lint(src)] == [("INI206", 12), ("INI206", 15)]
    assert ("INI208", 13) in [(f.code, f.line) for f in lint(src, extend=["INI208"])]


def test_ini207_copy_paste_slip(lint):
    src = H + '''
def init(m):
    if isinstance(m, nn.BatchNorm2d):
        nn.init.constant_(m.weight, 1)
        nn.init.constant_(m.weight, 0)
    elif isinstance(m, nn.Linear):
        nn.init.normal_(m.weight, 0, 0.01)
        nn.init.zeros_(m.bias)
'''
    assert [(f.code, f.line) for f in lint(src)] == [("INI207", 8)]
    assert lint(src.replace("nn.init.constant_(m.weight, 0)", "nn.init.constant_(m.bias, 0)")) == []


# ---- INI205 ---------------------------------------------------------------------------------------
def test_ini205_padding_row(lint):
    src = H + '''
class Tagger(nn.Module):
    def __init__(self, vocab):
        super().__init__()
        self.emb = nn.Embedding(vocab, 32, padding_idx=0)
        self.apply(self._init)

    def _init(self, m):
        if isinstance(m, nn.Embedding):
            nn.init.normal_(m.weight, std=0.02)
'''
    assert [(f.code, f.line) for f in lint(src)] == [("INI205", 13)]
    rezero = src + "            if m.padding_idx is not None:\n                m.weight.data[m.padding_idx].zero_()\n"
    assert lint(rezero) == []
    unguarded = src + "            m.weight.data[m.padding_idx].zero_()\n"
    assert [(f.code, f.line) for f in lint(unguarded)] == [("INI205", 14)]
    no_padding = src.replace(", padding_idx=0", "")
    assert lint(no_padding) == []


# ---- INI304 / INI305 / INI306 / INI307 / INI308 ---------------------------------------------------
def test_ini304_dead_init_and_hooks(lint_project):
    files = {"m.py": H + '''
def weights_init(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_uniform_(m.weight)

def used_init(m):
    if isinstance(m, nn.Linear):
        nn.init.zeros_(m.bias)

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)

    def _init_weights(self):
        nn.init.xavier_uniform_(self.fc.weight)

    def reset_parameters(self):
        nn.init.zeros_(self.fc.bias)

class Hooked(Net):
    def _init_weights(self):          # overrides a base method: the base decides
        nn.init.zeros_(self.fc.weight)
''', "train.py": "from m import Net, used_init\nmodel = Net()\nmodel.apply(used_init)\n"}
    findings = only(lint_project(files), "INI304")
    assert [(f.path, f.line) for f in findings] == [("m.py", 5), ("m.py", 18)]


def test_ini305_pretrained_submodule(lint):
    src = H + '''
import torchvision

class Seg(nn.Module):
    def __init__(self):
        super().__init__()
        self.backbone = torchvision.models.resnet50(weights="IMAGENET1K_V2")
        self.head = nn.Conv2d(2048, 21, 1)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight)
'''
    assert [(f.code, f.line) for f in lint(src)] == [("INI305", 14)]
    fixed = src.replace("self.modules()", "self.head.modules()")
    assert lint(fixed) == []


def test_ini306_weight_norm(lint):
    src = H + '''
from torch.nn.utils import weight_norm

class TCNBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = weight_norm(nn.Conv1d(8, 8, 3))
        self.conv.weight.data.normal_(0, 0.01)
'''
    assert [(f.code, f.line) for f in lint(src)] == [("INI306", 11)]
    fixed = H + '''
from torch.nn.utils import weight_norm

class TCNBlock(nn.Module):
    def __init__(self):
        super().__init__()
        conv = nn.Conv1d(8, 8, 3)
        conv.weight.data.normal_(0, 0.01)
        self.conv = weight_norm(conv)
'''
    assert lint(fixed) == []


def test_ini307_lazy(lint):
    src = H + '''
def init(m):
    if isinstance(m, nn.LazyLinear):
        nn.init.zeros_(m.bias)

model = nn.Sequential(nn.LazyLinear(10))
model.apply(init)
model(torch.zeros(1, 4))
'''
    assert [(f.code, f.line) for f in lint(src) if f.code == "INI307"] == [("INI307", 10)]
    fixed = src.replace("model.apply(init)\nmodel(torch.zeros(1, 4))", "model(torch.zeros(1, 4))\nmodel.apply(init)")
    assert only(lint(fixed), "INI307") == []


def test_ini308_parent_loop_opt_in(lint):
    src = H + '''
class LoRA(nn.Module):
    def __init__(self):
        super().__init__()
        self.down = nn.Linear(8, 2)
        self.up = nn.Linear(2, 8)
        nn.init.zeros_(self.up.weight)

class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.lora = LoRA()
        for m in self.modules():
            if isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, std=0.02)
'''
    assert lint(src) == []
    assert [(f.code, f.line) for f in lint(src, extend=["INI308"])] == [("INI308", 16)]


# ---- cross-file -----------------------------------------------------------------------------------
def test_three_file_project(lint_project):
    files = {
        "proj/__init__.py": "",
        "proj/blocks.py": H + '''
class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 3, 3, bias=False)
        self.norm = nn.BatchNorm2d(3)
''',
        "proj/init.py": H + '''
def init_weights(m):
    if isinstance(m, nn.Conv2d):
        nn.init.kaiming_normal_(m.weight)
        nn.init.zeros_(m.bias)
''',
        "proj/model.py": H + '''
from .blocks import Block
from .init import init_weights

class Net(Block):
    def forward(self, x):
        return self.head(self.norm(self.conv(x)))

def build():
    model = Net()
    model.apply(init_weights)
    return model
''',
    }
    findings = lint_project(files)
    got = sorted((f.path, f.code, f.line) for f in findings)
    # the base class in blocks.py is known (INI001 only for `head`), the init function in init.py is
    # reached through model.apply in model.py, and the bias=False conv in blocks.py makes it a crash
    assert got == [("proj/init.py", "INI201", 8), ("proj/model.py", "INI001", 10)]


def test_ini004_skips_load_only_quantized_layers(lint):
    src = H + '''
class Int8Linear(nn.Module):
    def __init__(self, i, o):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(o, i, dtype=torch.int8), requires_grad=False)
        self.scales = nn.Parameter(torch.empty(o, dtype=torch.float16))

class Fp8Linear(nn.Module):
    def __init__(self, i, o, dtype):
        super().__init__()
        self.scale_inv = nn.Parameter(torch.empty(o, i, dtype=dtype), requires_grad=dtype.is_floating_point)
'''
    assert lint(src) == []
    trainable = src.replace(", dtype=torch.int8), requires_grad=False", ")").replace(
        ", dtype=torch.float16)", ")")
    assert [f.line for f in lint(trainable)] == [8, 9]


def test_ini305_pretrained_model_in_a_local_variable(lint):
    src = H + '''
import torchvision

class Seg(nn.Module):
    def __init__(self):
        super().__init__()
        resnet = torchvision.models.resnet18(weights="IMAGENET1K_V1")
        self.backbone = nn.Sequential(*list(resnet.children())[:-2])
        self.head = nn.Conv2d(512, 21, 1)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight)
'''
    assert [(f.code, f.line) for f in lint(src)] == [("INI305", 15)]
    assert lint(src.replace('weights="IMAGENET1K_V1"', "weights=None")) == []


def test_ini201_and_ini209_under_a_class_name_dispatch(lint):
    src = H + '''
def weights_init(m):
    classname = m.__class__.__name__
    if classname.find("BatchNorm") != -1:
        nn.init.normal_(m.weight.data, 1.0, 0.02)
        nn.init.constant_(m.bias.data, 0)

class D(nn.Module):
    def __init__(self, affine):
        super().__init__()
        self.bn = nn.BatchNorm2d(8, affine=affine)

net = D(False)
net.apply(weights_init)
'''
    assert [(f.code, f.line) for f in lint(src)] == [("INI201", 8), ("INI201", 9)]
    # every construction passes affine=True: the layer has both tensors
    assert [(f.code, f.line) for f in lint(src.replace("D(False)", "D(True)"))] == []
    assert [(f.code, f.line) for f in lint(src.replace("affine=affine", ""), extend=["INI209"])] == [
        ("INI209", 8), ("INI209", 9)]
