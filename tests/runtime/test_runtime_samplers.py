"""Sampler defects (issue 10; pytorch issues 145498 and 155588): a trunc_normal_ that piles values at its
bounds is caught by counting the values exactly at a and b over the whole tensor, and a low-precision
reference is drawn in float64 and rounded, so it never absorbs the defect it is compared against."""
import numpy as np
import pytest
import torch
import torch.nn as nn

from initlint.runtime.checks import _reference, bound_mass, check_tensor
from initlint.runtime.formulas import expected_for
from initlint.runtime.verify import verify_model

KW = {"std": 1.0, "a": -2.0, "b": 2.0}


def _correct(shape, dtype, seed, **kw):
    """trunc_normal_ drawn in float32 and rounded to ``dtype`` (what ``model.to(torch.bfloat16)`` gives)."""
    torch.manual_seed(seed)
    w = torch.empty(shape)
    nn.init.trunc_normal_(w, **kw)
    return w.to(dtype)


def _piled(w, frac=0.0006, seed=0):
    """A defective sampler: a few values that a correct draw leaves inside are clamped onto the bounds."""
    g = torch.Generator().manual_seed(seed)
    flat = w.clone().reshape(-1)
    idx = torch.randperm(flat.numel(), generator=g)[: int(frac * flat.numel())]
    half = idx.numel() // 2
    flat[idx[:half]] = KW["a"]
    flat[idx[half:]] = KW["b"]
    return flat.reshape(w.shape)


@pytest.mark.parametrize("dtype", [torch.bfloat16, torch.float16])
def test_correct_low_precision_trunc_normal_passes_on_five_seeds(dtype):
    e = expected_for("trunc_normal", (512, 512), kwargs=KW)
    for seed in range(5):
        w = _correct((512, 512), dtype, seed, **KW)
        res = check_tensor(w, e, seed=seed)
        assert res.verdict == "pass", (seed, res.reason, res.components)
        assert res.components["at_bounds"] > 0  # a correctly rounded draw does reach the bounds


@pytest.mark.parametrize("dtype", [torch.bfloat16, torch.float16, torch.float32])
def test_native_trunc_normal_with_far_bounds_passes_on_five_seeds(dtype):
    """timm's trunc_normal_(std=.02) (bounds at +-2, 100 sigma) drawn directly in the dtype."""
    e = expected_for("trunc_normal", (384, 384), kwargs={"std": 0.02})
    for seed in range(5):
        torch.manual_seed(seed)
        w = torch.empty(384, 384, dtype=dtype)
        nn.init.trunc_normal_(w, std=0.02)
        assert check_tensor(w, e, seed=seed).verdict == "pass", seed


@pytest.mark.parametrize("dtype", [torch.bfloat16, torch.float16, torch.float32])
def test_values_piled_at_the_bounds_fail(dtype):
    e = expected_for("trunc_normal", (512, 512), kwargs=KW)
    w = _piled(_correct((512, 512), dtype, 0, **KW))
    res = check_tensor(w, e)
    assert res.verdict == "fail" and res.reason.startswith("too many values exactly at the truncation bounds")
    assert res.components["at_bounds"] > 2 * res.components["at_bounds_expected"]


def test_pile_at_far_bounds_fails():
    """With bounds 100 sigma out a correct sampler (almost) never reaches them: a handful is a defect."""
    torch.manual_seed(0)
    w = torch.empty(256, 256)
    nn.init.trunc_normal_(w, std=0.02)
    w.view(-1)[:40] = 2.0  # erfinv(+-1) clamped: what a bf16 uniform that reaches +-1 gives
    e = expected_for("trunc_normal", w.shape, kwargs={"std": 0.02})
    assert check_tensor(w, e).verdict == "fail"


def test_bound_mass_is_half_a_ulp_of_density():
    e = expected_for("trunc_normal", (4,), kwargs=KW)
    a_d, b_d, ma, mb = bound_mass(e, torch.bfloat16)
    assert (a_d, b_d) == (-2.0, 2.0)
    density = np.exp(-2.0) / np.sqrt(2 * np.pi) / 0.9544997361036416  # truncated pdf at 2
    assert ma == pytest.approx(mb) and ma == pytest.approx(density * 2 ** -8, rel=0.05)  # half of bf16's 2**-7
    assert bound_mass(e, torch.float32)[3] < 1e-8


def test_reference_is_drawn_in_float64_then_rounded(monkeypatch):
    """The low-precision reference is a float64 draw rounded to the dtype, whatever torch's bf16 sampler does."""
    calls = []
    real = nn.init.trunc_normal_

    def spy(t, *a, **k):
        calls.append(t.dtype)
        return real(t, *a, **k)

    monkeypatch.setattr(nn.init, "trunc_normal_", spy)
    e = expected_for("trunc_normal", (4,), kwargs=KW)
    ref = _reference(e, 200_000, torch.bfloat16, "cpu", 0)
    assert calls == [torch.float64]
    assert set(np.unique(ref)) <= set(torch.tensor(ref).to(torch.bfloat16).double().numpy())  # rounded to bf16
    assert (ref == 2.0).sum() + (ref == -2.0).sum() < 2 * 200_000 * 2 * bound_mass(e, torch.bfloat16)[3] + 20


def test_verify_names_the_pile_at_the_bounds():
    m = nn.Linear(512, 512).to(torch.bfloat16)
    with torch.no_grad():
        m.weight.copy_(_piled(_correct((512, 512), torch.bfloat16, 1, **KW)))
    r = verify_model(m, {"Linear.weight": {"init": "trunc_normal", **KW}, "*": "default"})
    e = r.entry("weight")
    assert e.verdict == "fail" and "exactly at the truncation bounds" in e.reason
    with torch.no_grad():
        m.weight.copy_(_correct((512, 512), torch.bfloat16, 1, **KW))
    assert verify_model(m, {"Linear.weight": {"init": "trunc_normal", **KW}, "*": "default"}).entry(
        "weight").verdict == "pass"
