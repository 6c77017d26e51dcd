"""Each formula against samples drawn by torch itself (fixed seeds)."""
import math
import zlib

import numpy as np
import pytest
import torch
import torch.nn as nn
from scipy import stats as ss

from initlint.runtime import check_tensor, expected_for
from initlint.runtime.dists import RuntimeSchemeError
from initlint.runtime.formulas import calculate_gain, fan_in_and_fan_out, bind_arguments

SHAPES = [(300, 200), (64, 32, 3, 3), (128, 4, 5), (16, 8, 3, 3, 3), (40, 512)]


@pytest.mark.parametrize("nl,param", [("linear", None), ("conv2d", None), ("sigmoid", None), ("tanh", None),
                                      ("relu", None), ("leaky_relu", None), ("leaky_relu", 0.2),
                                      ("leaky_relu", 0), ("leaky_relu", math.sqrt(5)), ("selu", None)])
def test_gain_table_matches_torch(nl, param):
    assert calculate_gain(nl, param) == pytest.approx(nn.init.calculate_gain(nl, param), rel=1e-12)


def test_gain_rejects_unknown():
    with pytest.raises(RuntimeSchemeError):
        calculate_gain("swish")
    with pytest.raises(RuntimeSchemeError):
        calculate_gain("leaky_relu", True)


@pytest.mark.parametrize("shape", SHAPES + [(10, 3), (2, 3, 1)])
def test_fans_match_torch(shape):
    assert fan_in_and_fan_out(shape) == nn.init._calculate_fan_in_and_fan_out(torch.empty(shape))


def test_fans_grouped_and_transposed_conv():
    g = nn.Conv2d(64, 32, 3, groups=4)
    assert fan_in_and_fan_out(g.weight.shape) == (16 * 9, 32 * 9)
    t = nn.ConvTranspose2d(64, 32, 4)
    assert fan_in_and_fan_out(t.weight.shape)[0] == 32 * 16  # torch's fan_in of a transposed conv: out*k*k


CASES = [
    ("uniform", (), {"a": -0.3, "b": 0.7}, lambda t: nn.init.uniform_(t, -0.3, 0.7)),
    ("normal", (0.1, 0.05), {}, lambda t: nn.init.normal_(t, 0.1, 0.05)),
    ("trunc_normal", (), {"std": 0.02}, lambda t: nn.init.trunc_normal_(t, std=0.02)),
    ("trunc_normal", (), {"mean": 0.5, "std": 1.0, "a": 0.0, "b": 1.5},
     lambda t: nn.init.trunc_normal_(t, 0.5, 1.0, 0.0, 1.5)),
    ("xavier_uniform", (), {}, nn.init.xavier_uniform_),
    ("xavier_uniform", (), {"gain": 2.0}, lambda t: nn.init.xavier_uniform_(t, gain=2.0)),
    ("xavier_normal", (), {}, nn.init.xavier_normal_),
    ("kaiming_uniform", (), {"a": math.sqrt(5)}, lambda t: nn.init.kaiming_uniform_(t, a=math.sqrt(5))),
    ("kaiming_uniform", (), {"mode": "fan_out", "nonlinearity": "relu"},
     lambda t: nn.init.kaiming_uniform_(t, mode="fan_out", nonlinearity="relu")),
    ("kaiming_normal", (), {}, nn.init.kaiming_normal_),
    ("kaiming_normal", (), {"mode": "fan_out", "nonlinearity": "relu"},
     lambda t: nn.init.kaiming_normal_(t, mode="fan_out", nonlinearity="relu")),
    ("kaiming_normal", (), {"a": 0.2, "nonlinearity": "leaky_relu"},
     lambda t: nn.init.kaiming_normal_(t, a=0.2, nonlinearity="leaky_relu")),
]


def _scipy_p(e, x):
    p = e.p
    if e.family == "uniform":
        return ss.kstest(x, "uniform", args=(p["a"], p["b"] - p["a"])).pvalue
    if e.family == "normal":
        return ss.kstest(x, "norm", args=(p["mean"], p["std"])).pvalue
    a, b = (p["a"] - p["mean"]) / p["std"], (p["b"] - p["mean"]) / p["std"]
    return ss.kstest((x - p["mean"]) / p["std"], "truncnorm", args=(a, b)).pvalue


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("name,args,kwargs,draw", CASES, ids=[f"{c[0]}{i}" for i, c in enumerate(CASES)])
def test_formula_matches_torch_samples(shape, name, args, kwargs, draw):
    torch.manual_seed(zlib.crc32(repr((shape, name, kwargs)).encode()) % 1000)  # stable across processes
    t = torch.empty(shape)
    draw(t)
    e = expected_for(name, shape, args, kwargs)
    x = t.double().flatten().numpy()
    # independent check with scipy on the whole tensor, and the implied std
    assert _scipy_p(e, x) > 1e-4
    mean, std = e.mean_std()
    assert np.std(x) == pytest.approx(std, rel=0.05)
    assert np.mean(x) == pytest.approx(mean, abs=0.05 * std)
    lo, hi = e.support()
    assert x.min() >= lo - 1e-6 and x.max() <= hi + 1e-6
    if e.family == "uniform" and x.size > 5000:  # the bound is sharp: a wrong formula would not reach it
        assert x.max() > hi - 0.01 * (hi - lo) and x.min() < lo + 0.01 * (hi - lo)
    assert check_tensor(t, e).verdict == "pass"


@pytest.mark.parametrize("shape", [(50, 50), (30, 80), (80, 30), (16, 8, 3, 3)])
@pytest.mark.parametrize("gain", [1.0, 2.0])
def test_orthogonal(shape, gain):
    t = torch.empty(shape)
    nn.init.orthogonal_(t, gain=gain)
    assert check_tensor(t, expected_for("orthogonal", shape, kwargs={"gain": gain})).verdict == "pass"
    # wrong gain, and an iid normal of the same entry scale, are both rejected
    assert check_tensor(t, expected_for("orthogonal", shape, kwargs={"gain": gain * 1.01})).verdict == "fail"
    iid = torch.randn(shape) * t.std()
    assert check_tensor(iid, expected_for("orthogonal", shape, kwargs={"gain": gain})).verdict == "fail"


def test_exact_families():
    t = torch.empty(7, 9)
    nn.init.eye_(t)
    assert check_tensor(t, expected_for("eye", t.shape)).verdict == "pass"
    t[0, 1] = 1e-7
    assert check_tensor(t, expected_for("eye", t.shape)).verdict == "fail"
    for groups in (1, 2):
        d = torch.empty(8, 4, 3, 3)
        nn.init.dirac_(d, groups)
        assert check_tensor(d, expected_for("dirac", d.shape, (groups,))).verdict == "pass"
        other = 2 if groups == 1 else 1
        assert check_tensor(d, expected_for("dirac", d.shape, (other,))).verdict == "fail"
    c = torch.full((5, 5), 0.3)
    assert check_tensor(c, expected_for("constant", c.shape, (0.3,))).verdict == "pass"
    assert check_tensor(c, expected_for("constant", c.shape, (0.31,))).verdict == "fail"
    assert check_tensor(torch.zeros(3), expected_for("zeros", (3,))).verdict == "pass"
    assert check_tensor(torch.ones(3), expected_for("zeros", (3,))).verdict == "fail"
    assert check_tensor(torch.ones(3), expected_for("ones", (3,))).verdict == "pass"


def test_sparse():
    t = torch.empty(200, 300)
    nn.init.sparse_(t, 0.1, std=0.02)
    e = expected_for("sparse", t.shape, (0.1,), {"std": 0.02})
    assert e.p["zeros"] == 20
    assert check_tensor(t, e).verdict == "pass"
    assert check_tensor(t, expected_for("sparse", t.shape, (0.2,), {"std": 0.02})).verdict == "fail"
    assert check_tensor(t, expected_for("sparse", t.shape, (0.1,), {"std": 0.04})).verdict == "fail"


def test_argument_validation():
    with pytest.raises(RuntimeSchemeError, match="unknown argument 'std'"):
        bind_arguments("xavier_normal", (), {"std": 1})
    with pytest.raises(RuntimeSchemeError, match="mode"):
        expected_for("kaiming_normal", (3, 3), kwargs={"mode": "fan_avg"})
    with pytest.raises(RuntimeSchemeError, match="missing required"):
        expected_for("constant", (3,))
    with pytest.raises(RuntimeSchemeError, match="fewer than 2"):
        expected_for("xavier_uniform", (3,))
    with pytest.raises(RuntimeSchemeError, match="unknown initializer"):
        expected_for("lecun", (3, 3))
