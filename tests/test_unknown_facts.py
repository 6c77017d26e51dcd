"""Facts that know when they are unknown (issue 9, section 1).

A default rule fires only on facts it knows. Each idiom below once produced a false positive on code the rules
were not shaped on; each test pairs the silent (unknown or correct) form with a nearby form that is a known bug.
"""

from _helpers import codes_of

HEADER = "import torch\nimport torch.nn as nn\n"


# ---- (1) class decorators ---------------------------------------------------------------------------
def test_unknown_class_decorator_makes_attributes_unknown(lint):
    src = HEADER + '''
from plugins import add_mixin

@add_mixin
class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)

    def forward(self, x):
        return self.fc(x) + self.offset(x)
'''
    assert "INI001" not in codes_of(lint(src))


def test_project_decorator_that_rewrites_bases_is_unknown(lint):
    src = HEADER + '''
class Mixin:
    def offset(self, x):
        return x

def with_mixin(cls):
    cls.__bases__ = (Mixin,) + cls.__bases__
    return cls

@with_mixin
class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)

    def forward(self, x):
        return self.fc(x) + self.offset(x)
'''
    assert "INI001" not in codes_of(lint(src))


def test_pure_decorators_keep_the_class_known(lint):
    src = HEADER + '''
import dataclasses

REGISTRY = {}

def register(cls):
    REGISTRY[cls.__name__] = cls
    return cls

@register
class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)

    def forward(self, x):
        return self.fc(x) + self.offset(x)
'''
    assert codes_of(lint(src)) == ["INI001"]


# ---- (2) attributes registered by a project helper --------------------------------------------------
HELPER = '''
import torch
import torch.nn as nn

def register(module, name, value):
    if isinstance(value, nn.Parameter):
        module.register_parameter(name, value)
    else:
        module.register_buffer(name, value)
'''

USER = '''
import torch
import torch.nn as nn
from pkg.util import register

class Rotary(nn.Module):
    def __init__(self):
        super().__init__()
        register(self, "angle", torch.zeros(4))

    def forward(self, x):
        return x * self.angle + self.{read}
'''


def test_attribute_registered_through_a_helper_is_defined(lint):
    src = HELPER + '''
class Rotary(nn.Module):
    def __init__(self):
        super().__init__()
        register(self, "angle", torch.zeros(4))

    def forward(self, x):
        return x * self.angle
'''
    assert lint(src) == []


def test_attribute_registered_through_a_helper_in_another_file(lint_project):
    files = {"pkg/__init__.py": "", "pkg/util.py": HELPER, "pkg/model.py": USER.format(read="angle")}
    assert [f.code for f in lint_project(files)] == []
    files["pkg/model.py"] = USER.format(read="phase")  # the helper registers `angle`, not `phase`
    found = lint_project(files)
    assert [f.code for f in found] == ["INI001"] and "phase" in found[0].message


# ---- (3) a base bound differently in try and except ImportError --------------------------------------
def test_base_from_try_except_import_is_unresolved(lint):
    src = HEADER + '''
try:
    from fast_kernels import FusedNorm as NormBase
except ImportError:
    from torch.nn import Module as NormBase

class Norm(NormBase):
    def __init__(self):
        super().__init__()
        self.eps = 1e-5

    def forward(self, x):
        return x * self.weight + self.eps
'''
    assert "INI001" not in codes_of(lint(src))


def test_base_from_plain_import_stays_known(lint):
    src = HEADER + '''
from torch.nn import Module as NormBase

class Norm(NormBase):
    def __init__(self):
        super().__init__()
        self.eps = 1e-5

    def forward(self, x):
        return x * self.weight + self.eps
'''
    assert codes_of(lint(src)) == ["INI001"]


# ---- (4) declarative init registries ----------------------------------------------------------------
REGISTRY_BASE = HEADER + '''
from functools import partial

class StatefulModule(nn.Module):
    def __init__(self, param_init=None):
        super().__init__()
        self.param_init = param_init or {}

    def init_states(self):
        for name, p in self.named_parameters(recurse=False):
            self.param_init[name](p)
'''


def test_parameters_named_in_an_init_registry_are_initialized(lint):
    src = REGISTRY_BASE + '''
class Gate(StatefulModule):
    def __init__(self, d):
        super().__init__(param_init={"w": partial(nn.init.trunc_normal_, std=0.02)})
        self.w = nn.Parameter(torch.empty(d, d))
        self.init_states()
'''
    assert "INI004" not in codes_of(lint(src))


def test_parameter_missing_from_the_init_registry_is_reported(lint):
    src = REGISTRY_BASE + '''
class Gate(StatefulModule):
    def __init__(self, d):
        super().__init__(param_init={"w": partial(nn.init.trunc_normal_, std=0.02)})
        self.w = nn.Parameter(torch.empty(d, d))
        self.u = nn.Parameter(torch.empty(d, d))
        self.init_states()
'''
    found = [f for f in lint(src) if f.code == "INI004"]
    assert len(found) == 1 and "self.u" in found[0].message


# ---- (5) a Parameter in one branch, a plain value in the other ----------------------------------------
def test_plain_value_in_the_other_branch_is_not_a_parameter(lint):
    src = HEADER + '''
class Attention(nn.Module):
    def __init__(self, heads, dim, learnable):
        super().__init__()
        if learnable:
            self.scale = nn.Parameter(torch.ones(heads, 1, 1))
        else:
            self.scale = dim ** -0.5
'''
    assert "INI107" not in codes_of(lint(src))


def test_plain_tensor_after_the_parameter_is_reported(lint):
    src = HEADER + '''
class Attention(nn.Module):
    def __init__(self, heads, dim):
        super().__init__()
        self.scale = nn.Parameter(torch.ones(heads, 1, 1))

    def rescale(self, dim):
        self.scale = torch.ones(1) * dim ** -0.5
'''
    assert "INI107" in codes_of(lint(src))


# ---- (6) whole-tensor writes initialize ---------------------------------------------------------------
def test_data_assignment_out_and_copy_initialize(lint):
    src = HEADER + '''
class Table(nn.Module):
    def __init__(self, n, d):
        super().__init__()
        self.a = nn.Parameter(torch.empty(n, d))
        self.b = nn.Parameter(torch.empty(n))
        self.c = nn.Parameter(torch.empty(n, d))
        self.a.data = torch.normal(0.0, 0.02, size=(n, d))
        torch.arange(n, out=self.b)
        with torch.no_grad():
            self.c.copy_(torch.randn(n, d))
'''
    assert "INI004" not in codes_of(lint(src))


def test_parameter_without_any_write_is_reported(lint):
    src = HEADER + '''
class Table(nn.Module):
    def __init__(self, n, d):
        super().__init__()
        self.a = nn.Parameter(torch.empty(n, d))
        self.b = nn.Parameter(torch.empty(n))
        self.a.data = torch.normal(0.0, 0.02, size=(n, d))
'''
    found = [f for f in lint(src) if f.code == "INI004"]
    assert len(found) == 1 and "self.b" in found[0].message


# ---- (7) item stores into a dict of Parameters ---------------------------------------------------------
def test_item_store_into_a_dict_of_parameters_is_not_an_inplace_write(lint):
    src = HEADER + '''
class Explainer(nn.Module):
    def __init__(self):
        super().__init__()
        self.mask = None

    def setup(self, n, hetero):
        if hetero:
            self.mask = {}
            for key in ("a", "b"):
                self.mask[key] = nn.Parameter(torch.randn(n))
        else:
            self.mask = nn.Parameter(torch.randn(n))
'''
    assert "INI107" not in codes_of(lint(src))


def test_item_store_into_a_parameter_is_reported(lint):
    src = HEADER + '''
class Explainer(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.mask = nn.Parameter(torch.randn(n))

    def clamp(self):
        self.mask[0] = 1.0
'''
    assert "INI107" in codes_of(lint(src))


# ---- (8) parameter loops filtered by name or shape -----------------------------------------------------
def test_filtered_parameter_loops_select_only_those_tensors(lint):
    src = HEADER + '''
class Tagger(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.LSTM(8, 8)
        self.norm = nn.LayerNorm(8)
        self.fc2 = nn.Linear(8, 8)
        for name, p in self.named_parameters():
            if "weight_hh" in name:
                nn.init.orthogonal_(p)
        for name, p in self.named_parameters():
            if "weight_hh" in name or ".u.weight" in name:
                nn.init.orthogonal_(p)
        for name, p in self.named_parameters():
            if name in ["fc2.weight"]:
                nn.init.xavier_uniform_(p)
        for p in self.parameters():
            if p.dim() > 1:
                nn.init.kaiming_normal_(p)
'''
    assert "INI102" not in codes_of(lint(src))


def test_weight_filter_still_lets_norm_weights_through(lint):
    src = HEADER + '''
class Tagger(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 8)
        self.norm = nn.LayerNorm(8)
        for name, p in self.named_parameters():
            if "weight" in name:
                nn.init.xavier_uniform_(p)
'''
    assert "INI102" in codes_of(lint(src))


# ---- (9) empty containers after apply -----------------------------------------------------------------
INIT_FN = '''
    def _init(self, m):
        if isinstance(m, nn.Linear):
            nn.init.xavier_uniform_(m.weight)
'''


def test_empty_container_after_apply_builds_nothing(lint):
    src = HEADER + '''
class Heads(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Linear(4, 4)
        self.apply(self._init)
        self.heads = nn.ModuleDict()
        self.extra = nn.ModuleList()

    def add_head(self, name):
        self.heads[name] = nn.Linear(4, 2)
''' + INIT_FN
    assert "INI302" not in codes_of(lint(src))


def test_container_filled_after_apply_is_reported(lint):
    src = HEADER + '''
class Heads(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Linear(4, 4)
        self.apply(self._init)
        self.heads = nn.ModuleList()
        self.heads.append(nn.Linear(4, 2))
''' + INIT_FN
    assert "INI302" in codes_of(lint(src))


# ---- found on held-out code: loads, copies and branches ------------------------------------------------
def test_reinit_in_the_other_branch_of_the_load_is_silent(lint):
    src = HEADER + '''
class Backbone(nn.Module):
    def __init__(self, ckpt=None, init_cfg=None):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        self.ckpt, self.init_cfg = ckpt, init_cfg

    def init_weights(self):
        if isinstance(self.ckpt, str) and self.init_cfg is None:
            self.load_state_dict(torch.load(self.ckpt), False)
        else:
            for m in self.modules():
                if isinstance(m, nn.Linear):
                    nn.init.trunc_normal_(m.weight, std=.02)
'''
    assert "INI301" not in codes_of(lint(src))


def test_reinit_after_the_load_is_reported(lint):
    src = HEADER + '''
class Backbone(nn.Module):
    def __init__(self, ckpt):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        self.ckpt = ckpt

    def init_weights(self):
        self.load_state_dict(torch.load(self.ckpt), False)
        for m in self.modules():
            if isinstance(m, nn.Linear):
                nn.init.trunc_normal_(m.weight, std=.02)
'''
    assert "INI301" in codes_of(lint(src))


def test_copying_loaded_values_and_reinit_by_index_are_not_reinit(lint):
    src = HEADER + '''
def restore(engine, model, frozen, layers):
    model.load_state_dict(engine.state)
    for name, p in model.named_parameters():
        p.data.copy_(frozen[name])
    for i in layers:
        model.blocks[i].apply(model._init_weights)


def set_grad(param, value):
    if param.grad is not None:
        param.grad.copy_(value)
'''
    assert [c for c in codes_of(lint(src)) if c in ("INI301", "INI304")] == []


def test_mixin_completed_by_an_unresolved_base_in_a_subclass_is_unknown(lint):
    src = HEADER + '''
from gplib import ExactGP

class GPMixin(nn.Module):
    def restore(self, y):
        self.set_train_data(targets=y)

class SingleGP(GPMixin, ExactGP):
    def __init__(self):
        super().__init__()
'''
    assert "INI001" not in codes_of(lint(src))
    known = src.replace("class SingleGP(GPMixin, ExactGP):", "class SingleGP(GPMixin):")
    assert "INI001" in codes_of(lint(known))


def test_loop_over_a_literal_list_of_own_parameters_initializes_them(lint):
    src = HEADER + '''
class Flow(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.w = nn.Parameter(torch.empty(d, d))
        self.b = nn.Parameter(torch.empty(d))
        self.u = nn.Parameter(torch.empty(d))
        self.reset()

    def reset(self):
        for v in [self.w, self.b]:
            v.data.uniform_(-0.01, 0.01)
'''
    found = [f for f in lint(src) if f.code == "INI004"]
    assert len(found) == 1 and "self.u" in found[0].message


def test_bias_under_a_predicate_on_it_is_not_known_unguarded(lint):
    src = HEADER + '''
def exists(v):
    return v is not None

class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 4, bias=False)
        self.apply(self.init_weight)

    @staticmethod
    def init_weight(m):
        if isinstance(m, nn.Linear):
            nn.init.trunc_normal_(m.weight, std=.02)
            if exists(m.bias):
                nn.init.constant_(m.bias, 0)
'''
    assert "INI201" not in codes_of(lint(src))
    unguarded = src.replace("            if exists(m.bias):\n                nn.init.constant_(m.bias, 0)",
                            "            nn.init.constant_(m.bias, 0)")
    assert "INI201" in codes_of(lint(unguarded))


def test_helper_that_sets_computed_attributes_on_self_makes_them_unknown(lint):
    helper = '''
def set_attributes(self, params=None):
    if params:
        for k, v in params.items():
            if k != "self":
                setattr(self, k, v)
'''
    src = HEADER + helper + '''
class Head(nn.Module):
    def __init__(self, proj=None, dropout=None):
        super().__init__()
        set_attributes(self, locals())

    def forward(self, x):
        return self.proj(self.dropout(x))
'''
    assert "INI001" not in codes_of(lint(src))
    known = src.replace("        set_attributes(self, locals())\n", "        self.proj = proj\n")
    assert "INI001" in codes_of(lint(known))


def test_helper_that_sets_named_attributes_on_self_keeps_the_class_known(lint):
    src = HEADER + '''
def freeze(module):
    module._frozen = True
    for p in module.parameters():
        p.requires_grad = False

class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)

    def lock(self):
        freeze(self)
        return self._frozen

    def forward(self, x):
        return self.fc(x) + self.seq_range
'''
    found = [f for f in lint(src) if f.code == "INI001"]
    assert len(found) == 1 and "seq_range" in found[0].message


# ---- classes that other objects are re-typed into -------------------------------------------------
RETYPED = HEADER + '''
class ShardedMoE(nn.Module):
    def __init__(self):
        raise RuntimeError("build it with from_native")

    @staticmethod
    def from_native(module):
        module.__class__ = ShardedMoE
        return module

    def forward(self, x):
        return self.router(x)
'''


def test_class_that_objects_are_retyped_into_has_unknown_attributes(lint):
    # an instance is an existing module re-typed: it keeps that module's attributes (``router``)
    assert "INI001" not in codes_of(lint(RETYPED))


def test_retyping_into_another_class_keeps_this_class_known(lint):
    src = RETYPED.replace("module.__class__ = ShardedMoE", "module.__class__ = nn.Identity")
    assert "INI001" in codes_of(lint(src))


# ---- a nested function with a ``self`` of its own ---------------------------------------------------
def test_nested_function_with_its_own_self_reads_another_object(lint):
    src = HEADER + '''
class Injector(nn.Module):
    def __init__(self, unet):
        super().__init__()
        self.unet = unet
        owner = self

        def patched_forward(self, x):
            owner.calls += 1
            return self.attn1(self.norm1(x))

        for block in unet.modules():
            block.forward = patched_forward.__get__(block)

    def forward(self, x):
        return self.unet(x)
'''
    assert "INI001" not in codes_of(lint(src))
    # a closure without its own ``self`` still reads the instance
    closure = src.replace("def patched_forward(self, x):", "def patched_forward(x):")
    assert "INI001" in codes_of(lint(closure))


# ---- plain lists whose layers are registered another way ------------------------------------------
def test_list_whose_layers_are_also_held_by_a_module_list_is_registered(lint):
    src = HEADER + '''
class Stack(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.blocks_list = [nn.Linear(4, 4) for _ in range(n)]
        self.blocks = nn.ModuleList(self.blocks_list)

    def forward(self, x):
        for block in self.blocks_list:
            x = block(x)
        return x
'''
    assert "INI002" not in codes_of(lint(src))
    unwrapped = src.replace("        self.blocks = nn.ModuleList(self.blocks_list)\n", "")
    assert "INI002" in codes_of(lint(unwrapped))


def test_list_whose_items_are_added_one_by_one_is_registered(lint):
    src = HEADER + '''
class Stages(nn.Module):
    def __init__(self, dims):
        super().__init__()
        self.norms = []
        for i, d in enumerate(dims):
            self.norms.append(nn.LayerNorm(d))
            self.add_module(f"norm{i}", self.norms[i])

    def forward(self, x):
        return self.norms[0](x)
'''
    assert "INI002" not in codes_of(lint(src))
    forgotten = src.replace('            self.add_module(f"norm{i}", self.norms[i])\n', "")
    assert "INI002" in codes_of(lint(forgotten))


# ---- modules in a namespace folder inside a package ------------------------------------------------
NAMESPACE = {
    "proj/__init__.py": "",
    "proj/enc/__init__.py": "",
    "proj/enc/models/base.py": HEADER + '''
class BaseEncoder(nn.Module):
    def embed(self, x):
        return self.stem(x) * self.scale
''',
    "proj/enc/models/conv.py": HEADER + '''
from proj.enc.models.base import BaseEncoder

class ConvEncoder(BaseEncoder):
    def __init__(self):
        super().__init__()
        self.stem = nn.Conv1d(1, 4, 3)
        self.scale = 2.0
''',
}


def test_subclass_in_a_namespace_folder_is_found(lint_project):
    # ``models/`` has no ``__init__.py``, yet ``proj.enc.models.base`` imports: the subclass sets both reads
    assert [f.code for f in lint_project(NAMESPACE)] == []


def test_base_without_subclass_in_a_namespace_folder_still_reports(lint_project):
    files = dict(NAMESPACE)
    files["proj/enc/models/conv.py"] = files["proj/enc/models/conv.py"].replace("BaseEncoder)", "nn.Module)")
    assert sorted(f.code for f in lint_project(files)) == ["INI001", "INI001"]


# ---- identifiers are NFKC-normalized ---------------------------------------------------------------
def test_attribute_spelled_with_a_fullwidth_digit_is_the_same_attribute(lint):
    src = HEADER + '''
class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.op\uff12 = nn.Conv2d(3, 3, 1)

    def forward(self, x):
        return self.op2(x)
'''
    assert "INI001" not in codes_of(lint(src))
    assert "INI001" in codes_of(lint(src.replace("self.op2(x)", "self.op3(x)")))


# ---- Parameters that do not require grad ------------------------------------------------------------
def test_inplace_write_to_a_parameter_without_grad_is_allowed(lint):
    src = HEADER + '''
class NoisyLinear(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.mu = nn.Parameter(torch.zeros(n, n))
        self.eps = nn.Parameter(torch.zeros(n), requires_grad=False)

    def sample(self):
        self.eps.copy_(torch.randn_like(self.eps))

    def forward(self, x):
        return x @ (self.mu + self.eps)
'''
    assert "INI107" not in codes_of(lint(src))
    assert "INI107" in codes_of(lint(src.replace(", requires_grad=False)", ")")))


# ---- apply with a function not known to initialize ----------------------------------------------------
APPLY_AFTER_LOAD = HEADER + '''
from torch.ao.quantization import disable_observer

def reset(m):
    if isinstance(m, nn.Linear):
        nn.init.zeros_(m.weight)

def prepare(model, state):
    model.load_state_dict(state)
    model.apply(disable_observer)
    return model
'''


def test_apply_of_a_function_not_known_to_initialize_after_a_load_is_silent(lint):
    assert "INI301" not in codes_of(lint(APPLY_AFTER_LOAD))
    assert "INI301" in codes_of(lint(APPLY_AFTER_LOAD.replace("model.apply(disable_observer)", "model.apply(reset)")))


# ---- a parameter selected by name from the layer's own parameters exists ------------------------------
def test_bias_initialized_only_when_named_parameters_has_it_is_guarded(lint):
    src = HEADER + '''
class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3, bias=False)
        self.init_weights()

    def init_weights(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.normal_(m.weight, std=0.001)
                for name, _ in m.named_parameters():
                    if name in ["bias"]:
                        nn.init.constant_(m.bias, 0)
'''
    assert "INI201" not in codes_of(lint(src))
    unguarded = src.replace('if name in ["bias"]:', "if True:")
    assert "INI201" in codes_of(lint(unguarded))


# ---- a padding index that is a plain name ----------------------------------------------------------
PAD_BY_NAME = HEADER + '''
class Embed(nn.Module):
    def __init__(self, n: int, d: int, padding_idx: int):
        super().__init__()
        self.emb = nn.Embedding(n, d, padding_idx)

        def init_weights(m):
            if isinstance(m, nn.Embedding):
                nn.init.normal_(m.weight, std=d ** -0.5)
                nn.init.constant_(m.weight[padding_idx], 0)

        self.apply(init_weights)
'''


def test_padding_row_indexed_by_a_parameter_is_not_known_to_be_none(lint):
    assert "INI205" not in codes_of(lint(PAD_BY_NAME))
    # the layer's own attribute is None for an Embedding built without one: still reported
    by_attr = PAD_BY_NAME.replace("m.weight[padding_idx]", "m.weight[m.padding_idx]")
    assert "INI205" in codes_of(lint(by_attr))


# ---- repeating a module that holds no parameters -----------------------------------------------------
REPEATED_PLACEHOLDER = HEADER + '''
class Skip(nn.Module):
    """A placeholder that a later pass replaces."""

    def forward(self, x):
        return x

class Decoder(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.skips = nn.ModuleList([Skip()] * n)
'''


def test_repeating_a_module_known_to_hold_no_parameters_shares_nothing(lint):
    assert "INI003" not in codes_of(lint(REPEATED_PLACEHOLDER))
    weighted = REPEATED_PLACEHOLDER.replace('    def forward(self, x):\n        return x\n',
                                            '    def __init__(self):\n        super().__init__()\n'
                                            '        self.proj = nn.Linear(4, 4)\n')
    assert "INI003" in codes_of(lint(weighted))


# ---- second held-out corpus, shaping half: torch.nn.init's helpers that only read ---------------------------

FAN_READ = '''
import math
import torch
import torch.nn as nn


class Wide(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.wide_linear = nn.Embedding(n + 1, 1, padding_idx=0)
        self.bias = nn.Parameter(torch.zeros(1))
        fan_in, _ = nn.init._calculate_fan_in_and_fan_out(self.wide_linear.weight)
        bound = 1 / math.sqrt(fan_in) * nn.init.calculate_gain("relu")
        nn.init.uniform_(self.bias, -bound, bound)
'''


def test_init_helpers_that_only_read_a_tensor_do_not_initialize_it(lint):
    """``nn.init._calculate_fan_in_and_fan_out(w)`` and ``calculate_gain`` compute from a tensor; they do not
    re-initialize the embedding (which would overwrite its padding row, INI205)."""
    assert codes_of(lint(FAN_READ)) == []
    assert "INI205" in codes_of(lint(FAN_READ.replace("fan_in, _ = nn.init._calculate_fan_in_and_fan_out(",
                                                        "fan_in = 4\n        nn.init.kaiming_uniform_(")))


# ---- values known through a function's parameters (INI103) ------------------------------------------
INITS = '''
import torch.nn as nn


def setup(model, scale=0.1):
    for m in model.modules():
        if isinstance(m, nn.LayerNorm):
            nn.init.uniform_(m.weight, 1.0, scale)
'''


def test_parameter_value_from_calls_in_other_files(lint_project):
    """The calls of an init helper, in other files and under another name, give its parameter's values; with no
    call, or only calls that pass something unknown, the value is unknown and the rule is silent."""
    model = "import torch.nn as nn\nfrom pkg.inits import setup as configure\n\nnet = nn.LayerNorm(4)\n"
    files = {"pkg/__init__.py": "", "pkg/inits.py": INITS, "pkg/train.py": model}
    assert lint_project(files, select=["INI103"]) == []  # never called: the value of `scale` is unknown
    files["pkg/train.py"] = model + "configure(net, scale=get_scale())\n"
    assert lint_project(files, select=["INI103"]) == []
    files["pkg/train.py"] = model + "configure(net, scale=2.0)\n"
    assert lint_project(files, select=["INI103"]) == []  # uniform_(w, 1.0, 2.0) is fine
    files["pkg/train.py"] = model + "configure(net, scale=2.0)\nconfigure(net, 0.5)\n"
    found = lint_project(files, select=["INI103"])
    assert [(f.code, f.path) for f in found] == [("INI103", "pkg/inits.py")] and "0.5" in found[0].message
    files["pkg/train.py"] = model + "configure(net)\n"
    found = lint_project(files, select=["INI103"])
    assert [f.code for f in found] == ["INI103"] and "default" in found[0].message


def test_model_known_through_the_parameter_of_an_init_helper(lint):
    """``def init_weights(net): net.apply(init_func)``: the model is what the helper's calls pass for ``net``;
    with no call, or a call passing something unknown, it is unknown."""
    helper = '''
import torch.nn as nn


def init_weights(net):
    def init_func(m):
        if type(m) == nn.Linear:
            nn.init.zeros_(m.weight)
    net.apply(init_func)


class Head(nn.Linear):
    pass


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.head = Head(2, 2)
'''
    def ini204(src):
        return [f for f in lint(src) if f.code == "INI204"]

    assert ini204(helper) == []
    assert ini204(helper + "\n\ninit_weights(load_model())\n") == []
    found = ini204(helper + "\n\nmodel = Net()\ninit_weights(model)\n")
    assert len(found) == 1 and "`Head`" in found[0].message
