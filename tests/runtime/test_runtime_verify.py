"""Model-level verification and the edge cases of item 9."""
import pytest
import torch
import torch.nn as nn

from initlint.runtime import verify_model, inspect_model


def test_no_parameters():
    r = verify_model(nn.ReLU())
    assert r.passed and r.entries == [] and "no parameters" in r.notes[0]


def test_tied_and_shared_parameters_checked_once_with_all_names():
    class Tied(nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = nn.Embedding(50, 16)
            self.out = nn.Linear(16, 50, bias=False)
            self.out.weight = self.emb.weight
            shared = nn.Linear(16, 16)
            self.a, self.b = shared, shared
    r = verify_model(Tied())
    e = r.entry("out.weight")
    assert set(e.names) == {"emb.weight", "out.weight"} and e.layer == "Embedding" and e.verdict == "pass"
    assert set(r.entry("a.weight").names) == {"a.weight", "b.weight"}
    assert len(r.entries) == 3


def test_buffers_are_skipped():
    r = verify_model(nn.BatchNorm1d(4))
    assert [e.name for e in r.entries] == ["weight", "bias"]


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
def test_half_precision_models(dtype):
    torch.manual_seed(1)
    m = nn.Sequential(nn.Linear(256, 256), nn.LayerNorm(256)).to(dtype)
    r = verify_model(m)
    assert r.passed, r.to_text()
    with torch.no_grad():
        m[0].weight.mul_(1.1)
    assert "0.weight" in {e.name for e in verify_model(m).failed}


def test_meta_and_lazy_not_materialized():
    with torch.device("meta"):
        m = nn.Linear(4, 4)
    r = verify_model(m)
    assert {e.verdict for e in r.entries} == {"not materialized"} and r.passed
    lazy = nn.LazyLinear(3)
    r = verify_model(lazy)
    assert {e.verdict for e in r.entries} == {"not materialized"}
    lazy(torch.zeros(2, 40))
    r = verify_model(lazy)
    assert r.entry("weight").verdict == "pass"


def test_integer_and_complex_parameters_skipped():
    m = nn.Module()
    m.register_parameter("count", nn.Parameter(torch.zeros(3, dtype=torch.int64), requires_grad=False))
    m.register_parameter("phase", nn.Parameter(torch.randn(3, dtype=torch.complex64)))
    r = verify_model(m)
    assert {e.verdict for e in r.entries} == {"skipped"}
    assert "integer" in r.entry("count").reason and "complex" in r.entry("phase").reason


def test_pooling_small_tensors_catches_wrong_fan():
    """50 biases of 8 with a bound half as wide as declared: invisible per tensor, caught when pooled."""
    torch.manual_seed(2)
    m = nn.Sequential(*[nn.Linear(16, 8) for _ in range(50)])
    r = verify_model(m)
    assert r.passed, r.to_text()
    assert r.entry("0.bias").verdict == "pass" and "pooled" in r.entry("0.bias").reason
    with torch.no_grad():
        for lin in m:
            lin.bias.uniform_(-0.125, 0.125)  # 1/sqrt(64) instead of 1/sqrt(16)
    r = verify_model(m)
    assert all(r.entry(f"{i}.bias").verdict == "fail" for i in range(50))


def test_single_small_tensor_is_inconclusive():
    r = verify_model(nn.Linear(4, 3))
    assert r.entry("bias").verdict == "inconclusive" and r.passed


def test_checkpoint_pretrained_kept_or_overwritten():
    torch.manual_seed(3)
    pretrained = nn.Sequential(nn.Linear(32, 32), nn.Linear(32, 4))
    for p in pretrained.parameters():  # "trained" values
        p.data = torch.randn_like(p) * 0.3
    sd = {k: v.clone() for k, v in pretrained.state_dict().items()}
    m = nn.Sequential(nn.Linear(32, 32), nn.Linear(32, 4))
    m.load_state_dict(sd)
    assert {e.verdict for e in verify_model(m, checkpoint=sd).entries} == {"pretrained"}
    nn.init.xavier_normal_(m[0].weight)  # init after loading: the seed's warning
    r = verify_model(m, checkpoint=sd)
    assert not r.passed and [e.name for e in r.failed] == ["0.weight"]
    assert r.entry("0.weight").verdict == "overwritten"


def test_transformer_encoder_clones_noted():
    layer = nn.TransformerEncoderLayer(32, 2, 64)
    enc = nn.TransformerEncoder(layer, 2, enable_nested_tensor=False)
    r = verify_model(enc)
    assert r.passed
    assert any("identical values" in n and "layers.0.linear1.weight" in n for n in r.notes)


def test_model_wide_false_alarm_control_fixed_seeds():
    """A 200-tensor correct model passes for each of a few fixed seeds (the rate is measured in bench/)."""
    for seed in range(3):
        torch.manual_seed(100 + seed)
        m = nn.Sequential(*[nn.Linear(32 + i % 5, 32 + (i + 1) % 5) for i in range(100)])
        r = verify_model(m, seed=seed)
        assert r.passed, r.to_text()
        assert len(r.entries) == 200


def test_wrong_scheme_in_model_is_named():
    m = nn.Sequential(nn.Conv2d(3, 64, 3), nn.ReLU(), nn.Conv2d(64, 64, 3))
    nn.init.kaiming_normal_(m[2].weight, mode="fan_out", nonlinearity="relu")
    r = verify_model(m)
    assert [e.name for e in r.failed] == ["2.weight"]
    assert "kaiming_normal_" in r.entry("2.weight").best_match


def test_json_fields():
    r = verify_model(nn.Linear(64, 64))
    obj = r.to_json()["parameters"][0]
    for key in ("name", "layer", "shape", "expected", "verdict", "best_match", "p_value", "stats"):
        assert key in obj
    ri = inspect_model(nn.Linear(64, 64)).to_json()["parameters"][0]
    assert ri["best_match"].startswith("default") and ri["verdict"] == "default"


def test_zero_fan_in_bias_is_constant_zero():
    m = nn.Linear(0, 5)
    r = verify_model(m)
    assert r.entry("bias").verdict == "pass" and r.entry("weight").verdict == "skipped"
