"""Statistical checks: power on wrong schemes, small tensors, low precision, huge tensors."""
import math

import pytest
import torch
import torch.nn as nn

from initlint.runtime import check_tensor, expected_for, sample_tensor
from initlint.runtime.checks import MIN_POWER_N


def test_small_tensor_is_inconclusive_never_pass():
    t = torch.empty(3).uniform_(-0.5, 0.5)
    res = check_tensor(t, expected_for("uniform", (3,), (-0.5, 0.5)))
    assert res.verdict == "inconclusive"
    # but an exact violation (outside the support) still fails
    assert check_tensor(t * 3, expected_for("uniform", (3,), (-0.5, 0.5))).verdict == "fail"


def test_wrong_scale_caught_on_medium_tensor():
    g = torch.Generator().manual_seed(5)
    t = torch.empty(64, 64).normal_(0, 0.02 * 1.2, generator=g)
    assert check_tensor(t, expected_for("normal", t.shape, kwargs={"std": 0.02})).verdict == "fail"
    t = torch.empty(64, 64).normal_(0, 0.02, generator=g)
    assert check_tensor(t, expected_for("normal", t.shape, kwargs={"std": 0.02})).verdict == "pass"


def test_uniform_too_narrow_and_normal_vs_uniform():
    w = torch.empty(256, 256)
    nn.init.kaiming_uniform_(w, a=math.sqrt(5))  # default: narrower than xavier_uniform
    assert check_tensor(w, expected_for("xavier_uniform", w.shape)).verdict == "fail"
    n = torch.empty(256, 256)
    nn.init.normal_(n, 0, w.std().item())  # same variance, wrong family
    assert check_tensor(n, expected_for("kaiming_uniform", w.shape, kwargs={"a": math.sqrt(5)})).verdict == "fail"


def test_non_finite_fails():
    t = torch.empty(100).uniform_(-1, 1)
    t[7] = float("nan")
    assert check_tensor(t, expected_for("uniform", (100,), (-1, 1))).verdict == "fail"


def test_subsample_without_replacement_and_deterministic():
    t = torch.randn(1000, 1000)
    s1 = sample_tensor(t, max_samples=5000, seed=3)
    s2 = sample_tensor(t, max_samples=5000, seed=3)
    assert s1.values.size == 5000 and (s1.values == s2.values).all()
    assert len(set(s1.values.tolist())) == 5000  # distinct positions (values are a.s. distinct)
    state = torch.get_rng_state()
    sample_tensor(t, max_samples=5000, seed=4)
    assert torch.equal(state, torch.get_rng_state())  # global RNG untouched


def test_huge_tensor_is_tested_on_a_bounded_subsample():
    """Work beyond one aminmax pass is bounded by the subsample (timings are measured in bench/, not here)."""
    big = torch.empty(20_000_000).uniform_(-0.1, 0.1)
    e = expected_for("uniform", big.shape, (-0.1, 0.1))
    res = check_tensor(big, e)
    assert res.verdict == "pass" and res.n_tested == 32768
    s = sample_tensor(big)
    assert not s.whole and s.values.size == 32768 and s.minimum >= -0.1 and s.maximum <= 0.1
    wrong = big * 1.01  # a 1 % wider bound is still caught from the subsample plus the full-tensor extremes
    assert check_tensor(wrong, e).verdict == "fail"


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16])
@pytest.mark.parametrize("name,kw", [("kaiming_uniform", {"a": math.sqrt(5)}), ("xavier_normal", {}),
                                     ("trunc_normal", {"std": 0.02})])
def test_low_precision(dtype, name, kw):
    torch.manual_seed(11)
    w = torch.empty(512, 512, dtype=dtype)
    getattr(nn.init, name + "_")(w, **kw)
    assert check_tensor(w, expected_for(name, w.shape, kwargs=kw)).verdict == "pass"
    wrong = (w.float() * 1.05).to(dtype)
    assert check_tensor(wrong, expected_for(name, w.shape, kwargs=kw)).verdict == "fail"


def test_trunc_normal_two_sigma():
    w = torch.empty(200, 200)
    nn.init.trunc_normal_(w, std=0.02, a=-0.04, b=0.04)
    e = expected_for("trunc_normal", w.shape, kwargs={"std": 0.02, "a": -0.04, "b": 0.04})
    assert check_tensor(w, e).verdict == "pass"
    n = torch.empty(200, 200).normal_(0, 0.02)
    assert check_tensor(n, e).verdict == "fail"  # outside the support
    c = n.clamp(-0.04, 0.04)  # clamping is not truncation: atoms at the bounds
    assert check_tensor(c, e).verdict == "fail"


def test_min_power_threshold_documented():
    assert MIN_POWER_N >= 20


def test_orthogonal_is_not_iid_normal():
    """A square orthogonal_ matrix has xavier_normal_-like entries: only the Gram check tells them apart."""
    w = torch.empty(256, 256)
    nn.init.orthogonal_(w)
    res = check_tensor(w, expected_for("xavier_normal", w.shape))
    assert res.verdict == "fail" and "orthogonal" in res.reason
    x = torch.empty(256, 256)
    nn.init.xavier_normal_(x)
    assert check_tensor(x, expected_for("xavier_normal", x.shape)).verdict == "pass"


def test_long_iid_vectors_are_not_called_orthogonal():
    """Very long iid rows are nearly orthogonal; the exact-orthogonality test stands down instead of alarming."""
    w = torch.empty(4, 400_000).uniform_(-1e-3, 1e-3)
    assert check_tensor(w, expected_for("uniform", w.shape, (-1e-3, 1e-3))).verdict == "pass"
    b = torch.empty(300, 300, dtype=torch.bfloat16)
    nn.init.xavier_normal_(b)
    assert check_tensor(b, expected_for("xavier_normal", b.shape)).verdict == "pass"
