"""Fingerprinting: which catalogued scheme most likely produced a tensor.

Each random candidate whose support contains the whole tensor is scored by its log-likelihood on the
subsample; candidates that produce the same distribution for this shape (kaiming fan_in and fan_out on a square
matrix, ``normal_(std=.02)`` and ``trunc_normal_(std=.02)`` with its absolute +-2 bounds) are grouped rather
than told apart. The best group is reported together with the p-value of the full test against it; when every
candidate is rejected the tensor is "other/trained".
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np

from .checks import (TensorSample, _support_ok, check_orthogonal, orthogonality_error, sample_tensor,
                     standard_tests, standardize, combine)
from .dists import Expected
from .formulas import expected_for

__all__ = ["catalogue", "fingerprint", "Fingerprint", "OTHER"]

OTHER = "other/trained"


def catalogue(shape: Sequence[int], default: Expected | None = None) -> list[Expected]:
    """The random candidates for a tensor of ``shape`` (``default``: the layer's PyTorch default)."""
    shape = tuple(int(s) for s in shape)
    cands: list[Expected] = []
    if default is not None and default.is_random and default.family != "sparse":
        cands.append(default)
    if len(shape) >= 2:
        cands.append(expected_for("xavier_uniform", shape, label="xavier_uniform_"))
        cands.append(expected_for("xavier_normal", shape, label="xavier_normal_"))
        for fam in ("kaiming_uniform", "kaiming_normal"):
            for mode in ("fan_in", "fan_out"):
                cands.append(expected_for(fam, shape, kwargs={"mode": mode, "nonlinearity": "relu"},
                                          label=f"{fam}_(mode='{mode}', nonlinearity='relu')"))
        cands.append(expected_for("kaiming_uniform", shape, kwargs={"a": math.sqrt(5)},
                                  label="kaiming_uniform_(a=sqrt(5))"))
    cands.append(expected_for("normal", shape, kwargs={"std": 0.02}, label="normal_(0, 0.02)"))
    cands.append(expected_for("trunc_normal", shape, kwargs={"std": 0.02}, label="trunc_normal_(std=0.02)"))
    cands.append(expected_for("trunc_normal", shape, kwargs={"std": 0.02, "a": -0.04, "b": 0.04},
                              label="trunc_normal_(std=0.02, a=-0.04, b=0.04)"))
    cands.append(expected_for("normal", shape, kwargs={"std": 0.01}, label="normal_(0, 0.01)"))
    cands.append(expected_for("normal", shape, label="normal_(0, 1)"))
    cands.append(expected_for("uniform", shape, label="uniform_(0, 1)"))
    return cands


@dataclass
class Fingerprint:
    best: str
    p_value: float | None
    group: list[str] = field(default_factory=list)
    consistent: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"best_match": self.best, "p_value": self.p_value, "aliases": self.group,
                "consistent": self.consistent}


def _loglik(e: Expected, x: np.ndarray) -> float:
    fam = e.effective_family
    p = e.p
    if fam == "uniform":
        return -math.log(p["b"] - p["a"]) if p["b"] > p["a"] else -math.inf
    if fam in ("normal", "trunc_normal"):
        z = (x - p["mean"]) / p["std"]
        ll = float(-0.5 * np.mean(z * z)) - math.log(p["std"]) - 0.5 * math.log(2 * math.pi)
        if fam == "trunc_normal":
            lo = 0.5 * math.erfc(-(p["a"] - p["mean"]) / p["std"] / math.sqrt(2))
            hi = 0.5 * math.erfc(-(p["b"] - p["mean"]) / p["std"] / math.sqrt(2))
            ll -= math.log(max(hi - lo, 1e-300))
        return ll
    return -math.inf


def _test_p(e: Expected, s: TensorSample) -> float:
    key, z = standardize(e, s.values)
    comps = {"support": 1.0}
    comps.update(standard_tests(key, z))
    return combine(comps)


def fingerprint(t, default: Expected | None = None, *, sample: TensorSample | None = None, seed: int = 0,
                alpha: float = 1e-3, max_samples: int = 32768) -> Fingerprint:
    """Name the most likely scheme of tensor ``t`` (``default``: its layer's PyTorch default, if known)."""
    import torch

    s = sample or sample_tensor(t, max_samples=max_samples, seed=seed)
    if s.numel == 0:
        return Fingerprint("empty", None)
    if not s.finite:
        return Fingerprint("non-finite values", 0.0)
    if s.minimum == s.maximum:
        v = s.minimum
        name = "zeros_" if v == 0 else "ones_" if v == 1 else f"constant_({v:.6g})"
        return Fingerprint(name, None, [name])
    zero_frac = float(np.mean(s.values == 0)) if s.values.size else 0.0
    with torch.no_grad():
        if t.dim() == 2 and zero_frac > 0.5:
            if torch.equal(t.detach(), torch.eye(*t.shape, dtype=t.dtype, device=t.device)):
                return Fingerprint("eye_", None, ["eye_"])
        if 3 <= t.dim() <= 5 and zero_frac > 0.5:
            ref = torch.empty_like(t.detach())
            for groups in _divisors(t.shape[0]):
                torch.nn.init.dirac_(ref, groups)
                if torch.equal(ref, t.detach()):
                    lab = "dirac_" if groups == 1 else f"dirac_(groups={groups})"
                    return Fingerprint(lab, None, [lab])
        if t.dim() >= 2 and min(t.shape[0], t.numel() // t.shape[0]) >= 2:
            _, g2 = orthogonality_error(t)
            if g2 > 0:
                gain = math.sqrt(g2)
                if check_orthogonal(t, gain, s.eps).verdict == "pass":
                    lab = "orthogonal_" if abs(gain - 1) < 1e-3 else f"orthogonal_(gain={gain:.4g})"
                    return Fingerprint(lab, None, [lab])
        if t.dim() == 2 and zero_frac > 0.02:
            per_col = (t.detach() == 0).sum(0)
            if int(per_col.min()) == int(per_col.max()) > 0:
                sp = int(per_col.min()) / t.shape[0]
                lab = f"sparse_(sparsity~{sp:.3g})"
                return Fingerprint(lab, None, [lab])
    cands = catalogue(s.shape, default)
    groups: dict[tuple, list[Expected]] = {}
    for e in cands:
        groups.setdefault(e.alias_key(), []).append(e)
    scored = []
    for key, members in groups.items():
        e = members[0]
        if not _support_ok(e, s)[0]:
            continue
        scored.append((_loglik(e, s.values), key, members))
    scored.sort(key=lambda r: -r[0])
    scores = {" == ".join(m.label for m in members): ll for ll, _, members in scored}
    consistent = []
    best_p = None
    best_group: list[str] = []
    for i, (ll, key, members) in enumerate(scored):
        p = _test_p(members[0], s)
        names = [m.label for m in members]
        if p > alpha:
            consistent.append(" == ".join(names))
        if i == 0:
            best_p, best_group = p, names
    if not scored:
        return Fingerprint(OTHER, 0.0, [], [], scores)
    best = " == ".join(best_group)
    if best_p is not None and best_p <= alpha and s.values.size >= 30:
        return Fingerprint(f"{OTHER} (closest: {best})", best_p, best_group, consistent, scores)
    return Fingerprint(best, best_p, best_group, consistent, scores)


def _divisors(n: int) -> list[int]:
    return [d for d in range(1, min(n, 64) + 1) if n % d == 0]
