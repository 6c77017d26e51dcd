"""inspect: fingerprinting tells PyTorch's default from xavier_uniform_ and kaiming_normal_(fan_out, relu)."""
import math

import pytest
import torch
import torch.nn as nn

from initlint.runtime import default_expected, fingerprint
from initlint.runtime.fingerprint import OTHER

SCHEMES = {
    "default": (lambda t: None, "default: kaiming_uniform_"),
    "xavier_uniform": (nn.init.xavier_uniform_, "xavier_uniform_"),
    "kaiming_normal_fan_out": (lambda t: nn.init.kaiming_normal_(t, mode="fan_out", nonlinearity="relu"),
                               "kaiming_normal_(mode='fan_out', nonlinearity='relu')"),
}


@pytest.mark.parametrize("make", [lambda: nn.Linear(512, 512), lambda: nn.Conv2d(64, 64, 3)], ids=["linear", "conv"])
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_identifies_scheme(make, scheme):
    init, label = SCHEMES[scheme]
    for seed in range(4):
        torch.manual_seed(seed)
        m = make()
        with torch.no_grad():
            init(m.weight)
        fp = fingerprint(m.weight, default_expected(m, "weight", m.weight.shape), seed=seed)
        assert any(g.startswith(label) for g in fp.group), (seed, fp.best)
        if scheme == "kaiming_normal_fan_out":  # square fans: fan_in and fan_out are grouped, not told apart
            assert any("fan_in" in g for g in fp.group)


def test_exact_and_other():
    assert fingerprint(torch.zeros(4, 4)).best == "zeros_"
    assert fingerprint(torch.full((4,), 0.25)).best.startswith("constant_(0.25")
    e = torch.empty(6, 6)
    nn.init.eye_(e)
    assert fingerprint(e).best == "eye_"
    d = torch.empty(8, 8, 3, 3)
    nn.init.dirac_(d)
    assert fingerprint(d).best == "dirac_"
    o = torch.empty(64, 128)
    nn.init.orthogonal_(o, gain=math.sqrt(2))
    assert fingerprint(o).best.startswith("orthogonal_(gain=1.414")
    s = torch.empty(100, 50)
    nn.init.sparse_(s, 0.1)
    assert fingerprint(s).best.startswith("sparse_")
    # "trained": heavy-tailed values that no catalogue entry explains
    torch.manual_seed(0)
    t = torch.distributions.StudentT(2.0).sample((256, 256)) * 0.05
    assert fingerprint(t).best.startswith(OTHER)


def test_aliases_grouped():
    w = torch.empty(300, 300)
    nn.init.normal_(w, 0, 0.02)
    fp = fingerprint(w)
    assert "normal_(0, 0.02)" in fp.group and "trunc_normal_(std=0.02)" in fp.group
