"""Wrapped and reparametrized models (issue 10): TorchScript, torch.compile, DataParallel/DDP and
parametrizations are unwrapped to the tensors actually used, or reported as not verifiable -- never passed."""
import json
import textwrap

import pytest
import torch
import torch.nn as nn

from initlint.runtime.cli import main
from initlint.runtime.record import record_build
from initlint.runtime.verify import verify_model

MODELS = textwrap.dedent('''
    import torch
    import torch.nn as nn
    from torch.nn.utils import parametrizations, weight_norm, spectral_norm


    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(64, 64)
            self.out = nn.Linear(64, 32)
            self.apply(self._init)

        def _init(self, m):
            if isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, std=0.02)
                nn.init.zeros_(m.bias)

        def forward(self, x):
            return self.out(self.fc(x))


    def constant(m):
        with torch.no_grad():
            for p in m.parameters():
                p.fill_(0.5)
        return m


    def scripted():
        return torch.jit.script(Net())


    def scripted_constant():
        return torch.jit.script(constant(Net()))


    def traced_constant():
        return torch.jit.trace(constant(Net()), torch.randn(2, 64))


    def data_parallel():
        return nn.DataParallel(Net())


    def compiled():
        return torch.compile(Net())


    class WeightNormed(nn.Module):
        """weight_norm applied after the init: v holds the declared normal(0, 0.02) draw."""
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(64, 64)
            self.out = nn.Linear(64, 32)
            self.apply(self._init)
            self.fc = parametrizations.weight_norm(self.fc)
            self.out = weight_norm(self.out)

        def _init(self, m):
            if isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, std=0.02)
                nn.init.zeros_(m.bias)


    class InitAfterWeightNorm(nn.Module):
        """The init runs after weight_norm: it writes a computed weight that is thrown away."""
        def __init__(self):
            super().__init__()
            self.fc = parametrizations.weight_norm(nn.Linear(64, 64))
            self.out = weight_norm(nn.Linear(64, 32))
            self.apply(self._init)

        def _init(self, m):
            if isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, std=0.02)
                nn.init.zeros_(m.bias)


    def weight_norm_constant():
        m = WeightNormed()
        with torch.no_grad():
            m.fc.parametrizations.weight.original0.fill_(0.5)
            m.fc.parametrizations.weight.original1.fill_(0.5)
            m.out.weight_g.fill_(0.5)
            m.out.weight_v.fill_(0.5)
        return m


    class SpectralNormed(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(64, 64)
            self.out = nn.Linear(64, 32)
            self.apply(self._init)
            self.fc = parametrizations.spectral_norm(self.fc)
            self.out = spectral_norm(self.out)

        def _init(self, m):
            if isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, std=0.02)
                nn.init.zeros_(m.bias)


    def orthogonal_param():
        m = nn.Linear(64, 64)
        nn.init.normal_(m.weight, std=0.02)
        return parametrizations.orthogonal(m)
''')


@pytest.fixture(scope="module")
def src(tmp_path_factory):
    d = tmp_path_factory.mktemp("wrapped")
    (d / "wrapped.py").write_text(MODELS)
    return d


def _verify(capsys, target, *extra):
    rc = main(["verify", target, "--device", "cpu", "--output-format", "json", *extra])
    doc = json.loads(capsys.readouterr().out)
    return rc, doc, {n: p for p in doc["parameters"] for n in p["names"]}


@pytest.mark.parametrize("name", ["scripted_constant", "traced_constant", "scripted"])
def test_torchscript_is_never_passed(src, capsys, name):
    rc, doc, p = _verify(capsys, f"{src}/wrapped.py:{name}")
    params = [e for e in doc["parameters"] if e["kind"] == "parameter"]
    assert params and {e["verdict"] for e in params} == {"unverifiable"}
    assert all("TorchScript" in e["reason"] for e in params)
    assert doc["unverified"] >= len(params) and p["fc.weight"]["layer"] == "Linear"
    assert main(["verify", f"{src}/wrapped.py:{name}", "--device", "cpu", "--strict"]) == 1
    assert "PASSED" not in capsys.readouterr().out


@pytest.mark.parametrize("name", ["data_parallel", "compiled"])
def test_wrappers_are_unwrapped(src, capsys, name):
    for seed in range(5):
        rc, doc, p = _verify(capsys, f"{src}/wrapped.py:{name}", "--seed", str(seed))
        assert rc == 0, [(e["name"], e["reason"]) for e in doc["parameters"] if e["verdict"] == "fail"]
    assert set(p) == {"fc.weight", "fc.bias", "out.weight", "out.bias"}
    assert p["fc.weight"]["expected"] == "normal_(std=0.02)" and p["fc.weight"]["verdict"] == "pass"
    assert any("verified its" in n for n in doc["notes"])


@pytest.mark.parametrize("wrap", ["data_parallel", "compile"])
def test_a_scheme_names_the_tensors_inside_the_wrapper(wrap):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(64, 64)

    with record_build() as rec:
        inner = M()
        with torch.no_grad():
            inner.fc.weight.fill_(0.5)
        m = nn.DataParallel(inner) if wrap == "data_parallel" else torch.compile(inner)
    r = verify_model(m, {"fc.weight": {"init": "normal", "std": 0.02}}, record=rec, strict_scheme=True)
    e = r.entry("fc.weight")
    assert e.verdict == "fail" and e.reason.startswith("declared by scheme 'fc.weight' as normal_(std=0.02) but "
                                                       "last written by fill_(value=0.5)")


def test_ddp_is_unwrapped(tmp_path):
    dist = pytest.importorskip("torch.distributed")
    if not dist.is_available():
        pytest.skip("torch.distributed is not available in this build")
    dist.init_process_group("gloo", init_method=f"file://{tmp_path / 'pg'}", rank=0, world_size=1)
    try:
        inner = nn.Linear(64, 64)
        ddp = nn.parallel.DistributedDataParallel(inner)
        from initlint.runtime.unwrap import unwrap_model

        m, notes = unwrap_model(ddp)
        assert m is inner and notes[0].startswith("DistributedDataParallel: verified its .module")
        r = verify_model(ddp)
        assert r.passed and {e.name for e in r.entries} == {"weight", "bias"}
    finally:
        dist.destroy_process_group()


def test_weight_norm_judges_v_against_the_declared_init(src, capsys):
    for seed in range(5):
        rc, doc, p = _verify(capsys, f"{src}/wrapped.py:WeightNormed", "--seed", str(seed))
        assert rc == 0, [(e["name"], e["reason"]) for e in doc["parameters"] if e["verdict"] == "fail"]
    for v, g in (("fc.parametrizations.weight.original1", "fc.parametrizations.weight.original0"),
                 ("out.weight_v", "out.weight_g")):
        assert p[v]["expected"] == "normal_(std=0.02)" and p[v]["verdict"] == "pass", p[v]
        assert "judged as" in p[v]["reason"]
        assert p[g]["verdict"] == "pass" and "equals the norm of" in p[g]["reason"]


def test_init_after_weight_norm_never_reaches_the_weight(src, capsys):
    rc, doc, p = _verify(capsys, f"{src}/wrapped.py:InitAfterWeightNorm")
    assert rc == 1
    for v in ("fc.parametrizations.weight.original1", "out.weight_v"):
        assert p[v]["verdict"] == "fail", p[v]
        assert "declared init never ran" in p[v]["reason"] and "normal_(std=0.02)" in p[v]["reason"]


def test_weight_norm_with_constant_weights_is_not_passed(src, capsys):
    rc, doc, p = _verify(capsys, f"{src}/wrapped.py:weight_norm_constant")
    # v = 0.5 everywhere is not the declared normal(0, 0.02) (written by the factory after the init) and
    # g = 0.5 is not |v|: the weight used is not modelled
    assert p["fc.parametrizations.weight.original0"]["verdict"] == "unverifiable"
    assert p["out.weight_g"]["verdict"] == "unverifiable"
    assert "not the norm of" in p["out.weight_g"]["reason"]
    assert doc["unverified"] >= 2
    assert main(["verify", f"{src}/wrapped.py:weight_norm_constant", "--device", "cpu"]) in (0, 1)
    out = capsys.readouterr().out
    assert "PASSED" not in out


def test_spectral_norm_original_judged_as_the_weight(src, capsys):
    rc, doc, p = _verify(capsys, f"{src}/wrapped.py:SpectralNormed")
    assert rc == 0
    for name in ("fc.parametrizations.weight.original", "out.weight_orig"):
        assert p[name]["expected"] == "normal_(std=0.02)" and p[name]["verdict"] == "pass", p[name]
        assert "spectral_norm: judged as " in p[name]["reason"]


def test_orthogonal_parametrization_is_unverifiable(src, capsys):
    rc, doc, p = _verify(capsys, f"{src}/wrapped.py:orthogonal_param")
    e = p["parametrizations.weight.original"]
    assert e["verdict"] == "unverifiable" and "right_inverse" in e["reason"]


def test_weight_norm_without_a_record_uses_the_default_of_the_layer():
    m = nn.utils.parametrizations.weight_norm(nn.Linear(128, 128))
    r = verify_model(m)
    assert r.entry("parametrizations.weight.original1").expected.startswith("default: kaiming_uniform_")
    assert r.entry("parametrizations.weight.original1").verdict == "pass"
    assert r.entry("parametrizations.weight.original0").verdict == "pass"
    with torch.no_grad():
        m.parametrizations.weight.original1.fill_(0.5)
    r = verify_model(m)
    assert r.entry("parametrizations.weight.original1").verdict == "fail"
    assert r.entry("parametrizations.weight.original0").verdict == "unverifiable" and not r.passed
