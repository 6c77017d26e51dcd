"""TOML schemes: forms, specificity, errors."""
import pytest
import torch.nn as nn

from initlint.runtime import RuntimeSchemeError, parse_scheme, verify_model
from initlint.runtime.scheme import Scheme

TOML = '''
[scheme]
"Linear.weight" = "xavier_normal"
"Linear.bias" = "zeros"
"Conv2d.weight" = { init = "kaiming_normal", mode = "fan_out", nonlinearity = "relu" }
"head.*.bias" = { init = "constant", val = 0.5 }
"*" = "default"
'''


class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 16, 3)
        self.body = nn.Linear(16, 16)
        self.head = nn.Sequential(nn.Linear(16, 4))
        self.bn = nn.BatchNorm2d(16)
        nn.init.kaiming_normal_(self.conv.weight, mode="fan_out", nonlinearity="relu")
        for lin in (self.body, self.head[0]):
            nn.init.xavier_normal_(lin.weight)
            nn.init.zeros_(lin.bias)
        nn.init.constant_(self.head[0].bias, 0.5)


def test_resolution_and_specificity():
    s = parse_scheme(TOML)
    m = M()
    assert s.resolve("body.weight", m.body, "weight").init == "xavier_normal"
    assert s.resolve("head.0.bias", m.head[0], "bias").init == "constant"  # name glob beats Linear.bias
    assert s.resolve("body.bias", m.body, "bias").init == "zeros"
    assert s.resolve("bn.weight", m.bn, "weight").init == "default"
    assert s.resolve("conv.bias", m.conv, "bias").init == "default"


def test_verify_with_scheme_passes_and_fails():
    m = M()
    assert verify_model(m, parse_scheme(TOML)).passed
    wrong = TOML.replace('"xavier_normal"', '"xavier_uniform"')
    r = verify_model(m, parse_scheme(wrong))
    failed = {e.name for e in r.failed}
    assert {"body.weight", "head.0.weight"} <= failed and "conv.weight" not in failed


def test_pyproject_form_and_dict_form():
    text = '[tool.initlint.verify.scheme]\n"Linear.weight" = "xavier_uniform"\n'
    s = parse_scheme(text, "pyproject.toml")
    assert s.entries[0].rule.init == "xavier_uniform"
    assert Scheme.from_mapping({"Linear": "default"}).entries[0].kind == "type"


def test_exact_name_beats_type_and_base_classes_match():
    s = Scheme.from_mapping({"Linear.weight": "zeros", "out_proj.weight": "ones", "Module": "skip"})
    mha = nn.MultiheadAttention(8, 2)
    assert s.resolve("out_proj.weight", mha.out_proj, "weight").init == "ones"
    lin = nn.Linear(2, 2)
    # NonDynamicallyQuantizableLinear is a Linear: the nearer base wins over Module
    s2 = Scheme.from_mapping({"Module": "skip", "Linear.weight": "zeros"})
    assert s2.resolve("x.weight", mha.out_proj, "weight").init == "zeros"
    assert s2.resolve("x.bias", lin, "bias").init == "skip"


@pytest.mark.parametrize("mapping,msg", [
    ({"Linear.weight": "xavier_normall"}, "did you mean 'xavier_normal'"),
    ({"Linear.weight": {"init": "xavier_normal", "std": 1}}, "unknown argument 'std'"),
    ({"Linear.weight": {"init": "kaiming_normal", "mode": "fan_avg"}}, "mode"),
    ({"Linear.weight": {"init": "constant"}}, "missing required argument 'val'"),
    ({"Linear.weight": {"mode": "fan_in"}}, "needs an 'init' key"),
    ({"Linear.weight": 3}, "expected an initializer name"),
])
def test_bad_schemes(mapping, msg):
    with pytest.raises(RuntimeSchemeError, match=msg):
        Scheme.from_mapping(mapping)


def test_pattern_matching_nothing_warns_strict_scheme_is_an_error():
    """One scheme can serve two models: a key that matches nothing warns; strict_scheme makes it an error."""
    r = verify_model(M(), {"decoder.*.weight": "zeros", "*": "default"})
    assert any(n.startswith("warning: scheme key 'decoder.*.weight' matches no parameter")
                            for n in r.notes)
    with pytest.raises(RuntimeSchemeError, match="'decoder.*.weight' matches no parameter"):
        verify_model(M(), {"decoder.*.weight": "zeros", "*": "default"}, strict_scheme=True)
    with pytest.raises(RuntimeSchemeError, match="'GRU.weight_ih_l0' matches no parameter"):
        verify_model(M(), {"GRU.weight_ih_l0": "orthogonal", "*": "default"}, strict_scheme=True)


def test_key_may_name_any_alias_of_a_tied_tensor():
    class Tied(nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = nn.Embedding(64, 32)
            self.head = nn.Linear(32, 64, bias=False)
            self.head.weight = self.emb.weight
            nn.init.normal_(self.emb.weight, std=0.02)

    r = verify_model(Tied(), {"head.weight": {"init": "normal", "std": 0.02}}, strict_scheme=True)
    assert r.passed and r.entry("emb.weight").expected == "normal_(std=0.02)"


def test_invalid_toml_and_missing_table():
    with pytest.raises(RuntimeSchemeError, match="invalid TOML"):
        parse_scheme("[scheme\n")
    with pytest.raises(RuntimeSchemeError, match=r"no \[scheme\] table"):
        parse_scheme("[other]\nx = 1\n")


def test_shape_error_names_parameter():
    with pytest.raises(RuntimeSchemeError, match="conv.bias.*fewer than 2"):
        verify_model(M(), {"conv.bias": "xavier_uniform", "*": "default"})
