"""Issue 9 section 3: rules that real reports ask for. Each rule fires only on facts it knows; every shape it cannot
prove is a silent twin here."""

import pytest

H = "import torch\nimport torch.nn as nn\n"


def only(findings, code):
    return [f for f in findings if f.code == code]


def lines(findings, code):
    return [f.line for f in only(findings, code)]


# ---- INI309 apply-callable-cannot-take-module --------------------------------------------------------------------
APPLY_BAD = H + '''
def no_param():
    pass

def two_params(m, std):
    pass

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        self.apply(self.init_weights)       # 14: init_weights(self)
        self.apply(self._zero)              # 15: staticmethod without a parameter
        self.apply(lambda: None)            # 16
        self.apply(lambda m, s: None)       # 17
        self.apply(no_param)                # 18
        self.apply(two_params)              # 19
        self.apply(self.from_cls)           # 20: classmethod without a parameter

    def init_weights(self):
        nn.init.zeros_(self.fc.bias)

    @staticmethod
    def _zero():
        pass

    @classmethod
    def from_cls(cls):
        pass

model = Net()
model.apply(no_param)                       # 34
'''


def test_ini309_flags_every_callable_that_cannot_take_the_module(lint):
    found = only(lint(APPLY_BAD), "INI309")
    assert [f.line for f in found] == [14, 15, 16, 17, 18, 19, 20, 34]
    assert "takes no argument besides `self`" in found[0].message
    assert "`self.init_weights()`" in found[0].message
    assert "requires 2 positional arguments" in found[5].message
    assert found[0].related and found[0].related[0].message == "`init_weights` is defined here"


APPLY_GOOD = H + '''
import functools
from somewhere import external_init, Mixin

def one(m):
    pass

def with_default(m, std=0.02):
    pass

def star(*args):
    pass

def decorated_factory(f):
    return f

@decorated_factory
def wrapped():
    pass

if torch.cuda.is_available():
    def twice(m):
        pass
else:
    def twice():
        pass

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        self.apply(self.init_module)
        self.apply(self._static)
        self.apply(self.from_cls)
        self.apply(self.no_grad_init)
        self.apply(lambda m: None)
        self.apply(lambda *a: None)
        self.apply(lambda m, s=1: None)
        self.apply(one)
        self.apply(with_default)
        self.apply(star)
        self.apply(functools.partial(with_default, std=0.1))
        self.apply(external_init)
        self.apply(wrapped)
        self.apply(twice)
        self.apply(self.callable_attr)
        self.apply(self.overridden)

    callable_attr = staticmethod(one)

    def init_module(self, m):
        pass

    @staticmethod
    def _static(m):
        pass

    @classmethod
    def from_cls(cls, m):
        pass

    @torch.no_grad()
    def no_grad_init(self, m):
        pass

    def overridden(self):
        pass

class Child(Net):
    def overridden(self, m):
        pass

class WithMixin(Mixin, nn.Module):
    def __init__(self):
        super().__init__()
        self.apply(self.inherited)

class Base(nn.Module):
    def inherited(self):
        pass

class Unknown(Mixin, Base):
    def __init__(self):
        super().__init__()
        self.apply(self.inherited)    # Mixin may define `inherited(self, m)` first
'''


def test_ini309_silent_when_the_signature_is_not_known_or_fits(lint):
    assert only(lint(APPLY_GOOD), "INI309") == []


def test_ini309_knows_pretrained_model_init_weights(lint):
    src = H + '''
from transformers import PreTrainedModel
from other_lib import Base

class BertForMultiLabel(PreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.classifier = nn.Linear(768, 4)
        self.apply(self.init_weights)

class Fine(PreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.apply(self._init_weights)         # the per-module hook: fine

class Mixed(Base, PreTrainedModel):
    def __init__(self, config):
        super().__init__(config)
        self.apply(self.init_weights)          # Base may define its own init_weights
'''
    assert lines(lint(src), "INI309") == [11]


def test_ini304_never_suggests_apply_for_a_method_without_a_module_parameter(lint):
    src = H + '''
def init_all(model, std):
    for m in model.modules():
        if isinstance(m, nn.Linear):
            nn.init.normal_(m.weight, std=std)

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)

    def init_weights(self):
        nn.init.zeros_(self.fc.bias)

    def init_module(self, m):
        if isinstance(m, nn.Linear):
            nn.init.zeros_(m.bias)
'''
    found = only(lint(src), "INI304")
    assert len(found) == 3
    assert "`init_all(self, ...)`" in found[0].message
    assert "`self.init_weights()`" in found[1].message and "self.apply(self.init_weights)" not in found[1].message
    assert "`self.apply(self.init_module)`" in found[2].message
