"""Statistical and exact checks of one tensor against one expected distribution.

Procedure (see docs/runtime.md):

1. one pass over the whole tensor on its device: ``aminmax`` (support and finiteness);
2. exact checks for structured expectations: constants, ``eye_``, ``dirac_``, orthogonality (Gram matrix of a
   row or column subset), the zero count per column of ``sparse_``, zero padding rows;
3. for random draws, on a deterministic subsample of at most ``max_samples`` positions drawn *without*
   replacement with a private generator (the global RNG is never touched):
   * support: any value outside the declared bounds -> p = 0 (exact, cannot false-alarm);
   * scale: uniform -> exact max statistic ``P(max|u| <= v) = v^m``; normal -> ``sum z^2 ~ chi2_m``
     (two-sided); truncated normal -> z-test on mean(z^2) with the exact null moments (m >= 100);
   * shape: one-sample Kolmogorov-Smirnov against the declared CDF;
   * fp16/bf16: scale and shape replaced by a two-sample KS against a reference drawn in float64 and rounded
     to the tensor's dtype (the discretisation cancels out; a defect of torch's low-precision sampler does not:
     the reference is never drawn in bf16);
   * truncated normal: the values exactly at the bounds ``a`` and ``b`` are counted over the whole tensor and
     compared (Poisson upper tail) with what a correctly rounded draw puts there: a sampler that computes in
     bf16/fp16 and clamps piles values at the bounds (pytorch issues 145498, 155588);
   the tensor's p-value is the Bonferroni combination ``min(1, k * min(p_i))``.
"""
from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .dists import Expected, trunc_std_moments
from .stats import chi2_two_sided, ks_1samp, ks_2samp, normal_sf_two_sided

__all__ = ["cpu_threads", "TensorSample", "CheckResult", "sample_tensor", "check_tensor", "MIN_POWER_N",
           "DEFAULT_MAX_SAMPLES", "standardize"]

#: A random tensor with fewer tested elements than this has too little power on its own: inconclusive
#: (unless it is pooled with tensors that share its declared rule, or it fails an exact check).
MIN_POWER_N = 30
#: Subsample cap: 2**15 values resolve a ~2 % scale error; more only adds false alarms from float quirks.
DEFAULT_MAX_SAMPLES = 32768

LOW_PRECISION = ("torch.float16", "torch.bfloat16")


class cpu_threads:
    """Run torch's CPU ops single-threaded inside the block (then restore): verification issues many small
    operations, for which a thread pool costs more than it gains (and much more on a loaded machine)."""

    def __init__(self, n: int = 1):
        self.n = n

    def __enter__(self):
        import torch

        self.old = torch.get_num_threads()
        if self.old != self.n:
            torch.set_num_threads(self.n)
        return self

    def __exit__(self, *exc):
        import torch

        if torch.get_num_threads() != self.old:
            torch.set_num_threads(self.old)


@dataclass
class TensorSample:
    """Everything computed once from a tensor: full-tensor extremes and a subsample (float64, CPU)."""

    shape: tuple[int, ...]
    dtype: str
    device: str
    numel: int
    minimum: float
    maximum: float
    finite: bool
    values: np.ndarray
    whole: bool
    eps: float
    low_precision: bool

    def stats(self) -> dict[str, Any]:
        v = self.values
        out: dict[str, Any] = {
            "numel": self.numel,
            "min": _num(self.minimum),
            "max": _num(self.maximum),
            "mean": _num(float(v.mean())) if v.size else None,
            "std": _num(float(v.std(ddof=1))) if v.size > 1 else None,
            "sampled": int(v.size),
            "dtype": self.dtype,
        }
        return out


def _num(x: float) -> float | None:
    return None if not math.isfinite(x) else float(x)


@dataclass
class CheckResult:
    """Outcome of one tensor against one expectation.

    ``verdict`` is ``pass``, ``fail`` or ``inconclusive`` (random tensor too small to test on its own).
    ``p_value`` is None for exact checks (they cannot false-alarm); ``statistical`` says whether the
    p-value takes part in the family-wise error control.
    """

    verdict: str
    p_value: float | None
    reason: str
    components: dict[str, float] = field(default_factory=dict)
    n_tested: int = 0
    statistical: bool = False
    pool_key: tuple | None = None
    pool_values: np.ndarray | None = None

    def to_json(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "p_value": self.p_value, "reason": self.reason,
                "components": self.components, "n_tested": self.n_tested}


def _seed_for(seed: int, *parts: object) -> int:
    h = hashlib.blake2b(repr((seed,) + parts).encode(), digest_size=8).digest()
    return int.from_bytes(h, "little") & ((1 << 62) - 1)


def _generator(device, seed: int):
    import torch

    try:
        g = torch.Generator(device=device)
    except RuntimeError:
        g = torch.Generator()
    g.manual_seed(seed)
    return g


def _positions(n: int, m: int, seed: int, device):
    """``m`` distinct positions in ``range(n)``, uniformly at random (without replacement), from a private
    numpy generator (O(m) memory and time: Floyd's algorithm / tail shuffle; never the global RNG)."""
    import torch

    rng = np.random.default_rng(seed)
    idx = rng.choice(n, size=m, replace=False) if m < n else np.arange(n)
    return torch.from_numpy(np.ascontiguousarray(idx, dtype=np.int64)).to(device)


def sample_tensor(t, *, max_samples: int = DEFAULT_MAX_SAMPLES, seed: int = 0,
                  exclude_rows: tuple[int, ...] = (), exclude_values_at: tuple[float, ...] = ()) -> TensorSample:
    """Read ``t`` once: extremes over the whole tensor, values at a deterministic subsample of positions.

    The positions depend only on ``seed`` and the shape, so same-shape tensors are sampled alike.
    """
    import torch

    with torch.no_grad():
        t = t.detach()
        n = t.numel()
        dtype = str(t.dtype)
        low = dtype in LOW_PRECISION
        eps = float(torch.finfo(t.dtype).eps)
        if n == 0:
            return TensorSample(tuple(t.shape), dtype, str(t.device), 0, math.nan, math.nan, True,
                                np.zeros(0), True, eps, low)
        mn_t, mx_t = torch.aminmax(t)
        mn, mx = float(mn_t), float(mx_t)
        finite = math.isfinite(mn) and math.isfinite(mx)
        flat = t.reshape(-1)
        rows = t.shape[0] if t.dim() > 0 else 1
        row_size = n // rows if rows else 0
        if n <= max_samples and not exclude_rows:
            vals = flat
            whole = True
        else:
            pos = _positions(n, min(n, max_samples), _seed_for(seed, tuple(t.shape)), t.device)
            if exclude_rows and row_size:
                bad = torch.zeros(rows, dtype=torch.bool, device=t.device)
                bad[list(exclude_rows)] = True
                pos = pos[~bad[pos // row_size]]
            vals = flat[pos]
            whole = n <= max_samples
        values = vals.to(torch.float64).cpu().numpy()
        if exclude_values_at:
            keep = np.ones(values.size, dtype=bool)
            for v in exclude_values_at:
                keep &= values != float(torch.tensor(v, dtype=t.dtype))
            values = values[keep]
        return TensorSample(tuple(t.shape), dtype, str(t.device), n, mn, mx, finite, values, whole, eps, low)


def standardize(expected: Expected, values: np.ndarray) -> tuple[tuple, np.ndarray]:
    """Values that are iid from a parameter-free law under H0, and the key of that law (for pooling)."""
    fam = expected.effective_family
    p = expected.p
    if fam == "uniform":
        c, h = (p["a"] + p["b"]) / 2, (p["b"] - p["a"]) / 2
        return ("uniform",), (values - c) / h
    if fam in ("normal", "trunc_normal") and expected.family in ("normal", "trunc_normal", "sparse"):
        z = (values - p["mean"]) / p["std"]
        if fam == "normal":
            return ("normal",), z
        al, be = (p["a"] - p["mean"]) / p["std"], (p["b"] - p["mean"]) / p["std"]
        return ("trunc_normal", round(al, 6), round(be, 6)), z
    if fam == "sparse":
        return ("normal",), values / p["std"]
    return (fam,), values


def _support_ok(expected: Expected, s: TensorSample) -> tuple[bool, str]:
    lo, hi = expected.support()
    if not (math.isfinite(lo) or math.isfinite(hi)):
        return True, ""
    scale = max(abs(lo), abs(hi), 1e-30)
    tol = scale * 2 * s.eps + 1e-45
    if s.minimum < lo - tol or s.maximum > hi + tol:
        return False, (f"values outside the declared support [{lo:.4g}, {hi:.4g}]: "
                       f"min {s.minimum:.4g}, max {s.maximum:.4g}")
    return True, ""


def _standard_cdf(key: tuple, z: np.ndarray) -> np.ndarray:
    import torch

    zt = torch.from_numpy(np.ascontiguousarray(z, dtype=np.float64))
    if key[0] == "uniform":
        return np.clip((z + 1.0) / 2.0, 0.0, 1.0)
    if key[0] == "normal":
        return torch.special.ndtr(zt).numpy()
    al, be = key[1], key[2]
    lo = float(torch.special.ndtr(torch.tensor(al, dtype=torch.float64)))
    hi = float(torch.special.ndtr(torch.tensor(be, dtype=torch.float64)))
    return np.clip((torch.special.ndtr(zt).numpy() - lo) / (hi - lo), 0.0, 1.0)


def standard_tests(key: tuple, z: np.ndarray) -> dict[str, float]:
    """Scale and shape p-values of standardized values ``z`` against the standard law ``key``."""
    m = int(z.size)
    out: dict[str, float] = {}
    if m == 0:
        return out
    if key[0] == "uniform":
        v = float(np.max(np.abs(z)))
        out["scale"] = float(min(1.0, v)) ** m if v < 1 else 1.0
    elif key[0] == "normal":
        out["scale"] = chi2_two_sided(float(np.sum(z * z)), m)
    elif key[0] == "trunc_normal" and m >= 100:
        _, m2, m4 = trunc_std_moments(key[1], key[2])
        var = max(m4 - m2 * m2, 1e-300)
        stat = (float(np.mean(z * z)) - m2) / math.sqrt(var / m)
        out["scale"] = normal_sf_two_sided(stat)
    cdf = np.sort(_standard_cdf(key, z))
    out["ks"] = ks_1samp(cdf)[1]
    return out


def _reference(expected: Expected, m: int, like_dtype, device, seed: int) -> np.ndarray:
    """Draw ``m`` values of ``expected`` in float64 with torch's samplers, rounded to the tensor's dtype: the
    discretisation of the dtype is reproduced, a low-precision sampler's defects are not absorbed."""
    import torch
    import torch.nn.init as init

    g = _generator(device, seed)
    try:
        r = torch.empty(m, dtype=torch.float64, device=device)
    except (RuntimeError, TypeError):  # a device without float64
        r = torch.empty(m, dtype=torch.float32, device=device)
    p = expected.p
    fam = expected.family
    with torch.no_grad():
        if fam == "uniform":
            r.uniform_(p["a"], p["b"], generator=g)
        elif fam == "normal":
            r.normal_(p["mean"], p["std"], generator=g)
        elif fam == "sparse":
            r.normal_(0.0, p["std"], generator=g)
        elif fam == "trunc_normal":
            try:
                init.trunc_normal_(r, p["mean"], p["std"], p["a"], p["b"], generator=g)
            except TypeError:  # torch without generator= on trunc_normal_
                r32 = torch.empty(m, dtype=torch.float32, device=device).normal_(p["mean"], p["std"], generator=g)
                r.copy_(r32.clamp_(p["a"], p["b"]))
    return r.to(like_dtype).to(torch.float64).cpu().numpy()


def two_sample_tests(values: np.ndarray, ref: np.ndarray, center: float) -> dict[str, float]:
    """Shape (two-sample KS) and, for m >= 1000, scale (Welch z-test on mean squared deviation) against a
    reference drawn by torch's own sampler on the same dtype and device."""
    out = {"ks2": ks_2samp(values, ref)[1]}
    if values.size >= 1000:
        a, b = (values - center) ** 2, (ref - center) ** 2
        se = math.sqrt(a.var(ddof=1) / a.size + b.var(ddof=1) / b.size)
        if se > 0:
            out["scale2"] = normal_sf_two_sided((a.mean() - b.mean()) / se)
    return out


def _random_tests(expected: Expected, s: TensorSample, values: np.ndarray, seed: int) -> dict[str, float]:
    if s.low_precision:
        import torch

        dtype = getattr(torch, s.dtype.split(".")[-1])
        ref = _reference(expected, max(values.size, 2000), dtype, s.device, _seed_for(seed, "ref", s.shape))
        return two_sample_tests(values, ref, expected.mean_std()[0])
    key, z = standardize(expected, values)
    return standard_tests(key, z)


#: per-element floor of the mass at each trunc_normal_ bound: a float32 sampler that draws its uniform on a
#: 2**-24 grid reaches a bound (erfinv(+-1) clamped) with about that probability
BOUND_FLOOR = 2.0 ** -20


def bound_mass(expected: Expected, dtype) -> tuple[float, float, float, float]:
    """(a, b as ``dtype`` stores them, P(a draw rounds to exactly a), P(... b)) for a truncated normal drawn in
    exact arithmetic and rounded to ``dtype`` (round to nearest): the mass within half a ulp inside each bound."""
    import torch

    p = expected.p
    mu, sd, a, b = p["mean"], p["std"], p["a"], p["b"]

    def cdf(x: float) -> float:
        za, zb, zx = (a - mu) / sd, (b - mu) / sd, (min(max(x, a), b) - mu) / sd
        lo, hi = 0.5 * math.erfc(-za / math.sqrt(2)), 0.5 * math.erfc(-zb / math.sqrt(2))
        return 0.0 if hi <= lo else (0.5 * math.erfc(-zx / math.sqrt(2)) - lo) / (hi - lo)

    ta, tb = torch.tensor(a, dtype=dtype), torch.tensor(b, dtype=dtype)
    up = float(torch.nextafter(ta, torch.tensor(math.inf, dtype=dtype)))
    down = float(torch.nextafter(tb, torch.tensor(-math.inf, dtype=dtype)))
    a_d, b_d = float(ta), float(tb)
    return a_d, b_d, max(0.0, cdf((a_d + up) / 2) - cdf(a)), max(0.0, cdf(b) - cdf((down + b_d) / 2))


def bound_test(t, expected: Expected) -> tuple[float, int, float]:
    """(p-value, values exactly at a or b over the whole tensor, how many a correct sampler puts there)."""
    import torch

    from .stats import poisson_sf_ge

    a_d, b_d, ma, mb = bound_mass(expected, t.dtype)
    with torch.no_grad():
        w = t.detach()
        k = int((w == a_d).sum()) + (int((w == b_d).sum()) if b_d != a_d else 0)
    lam = w.numel() * (ma + mb + 2 * BOUND_FLOOR)
    return poisson_sf_ge(k, lam), k, lam


STATISTICAL_COMPONENTS = ("scale", "ks", "ks2", "scale2", "bounds")


def combine(components: dict[str, float]) -> float:
    """Bonferroni combination of the statistical components; an exact component at 0 forces p = 0."""
    if any(v == 0.0 for k, v in components.items() if k not in STATISTICAL_COMPONENTS
           and not k.startswith("at_bounds")):  # counts, not p-values
        return 0.0
    stat = [v for k, v in components.items() if k in STATISTICAL_COMPONENTS]
    if not stat:
        return 1.0
    return float(min(1.0, len(stat) * min(stat)))


def check_tensor(t, expected: Expected, *, max_samples: int = DEFAULT_MAX_SAMPLES, seed: int = 0,
                 alpha: float = 1e-3, sample: TensorSample | None = None) -> CheckResult:
    """Check ``t`` against ``expected``; a random verdict uses ``alpha`` (the model-level caller re-decides
    it with Holm's procedure across all tensors)."""
    import torch

    fam = expected.family
    if sample is None:
        excl: tuple[float, ...] = ()
        if fam == "trunc_normal" and expected.effective_family == "normal":
            excl = (expected.p["a"], expected.p["b"])
        sample = sample_tensor(t, max_samples=max_samples, seed=seed, exclude_rows=expected.zero_rows,
                               exclude_values_at=excl)
    s = sample
    if s.numel == 0:
        return CheckResult("inconclusive", None, "empty tensor")
    if not s.finite:
        return CheckResult("fail", 0.0, "tensor holds NaN or infinite values")
    with torch.no_grad():
        if expected.zero_rows:
            rows = t.detach()[list(expected.zero_rows)]
            if bool((rows != 0).any()):
                return CheckResult("fail", 0.0, f"row(s) {list(expected.zero_rows)} must be exactly zero")
        if fam == "constant":
            val = float(torch.tensor(expected.p["val"], dtype=t.dtype))
            if s.minimum == val and s.maximum == val:
                return CheckResult("pass", None, f"all elements equal {val:g}")
            return CheckResult("fail", 0.0, f"expected every element == {val:g}, found min {s.minimum:.4g} "
                                            f"max {s.maximum:.4g}")
        if fam in ("eye", "dirac"):
            return _check_structured(t, expected)
        if fam == "orthogonal":
            return check_orthogonal(t, expected.p["gain"], s.eps)
        if fam == "sparse":
            return _check_sparse(t, expected, s, seed)
        if fam not in ("uniform", "normal", "trunc_normal"):
            return CheckResult("inconclusive", None, f"no check for family {fam!r}")
        ok, why = _support_ok(expected, s)
        if s.minimum == s.maximum and s.numel > 1:
            return CheckResult("fail", 0.0, f"every element equals {s.minimum:.4g}, expected random draws "
                                            f"from {expected.label}", {"support": 1.0 if ok else 0.0},
                               int(s.values.size), True)
        if not ok:
            return CheckResult("fail", 0.0, why, {"support": 0.0}, int(s.values.size), True)
        comps = {"support": 1.0}
        if t.dim() >= 2 and not expected.zero_rows and _exactly_orthogonal(t, s.eps, seed):
            return CheckResult("fail", 0.0, "rows are exactly orthogonal (orthogonal_), not iid draws from "
                                            f"{expected.label}", {"support": 1.0, "not_orthogonal": 0.0},
                               int(s.values.size), True)
        comps.update(_random_tests(expected, s, s.values, seed))
        at_bounds = None
        if fam == "trunc_normal":
            try:
                pb, k, lam = bound_test(t, expected)
            except (RuntimeError, TypeError, ValueError):  # a dtype/device without nextafter: no count
                pb = None
            if pb is not None:
                comps["bounds"] = pb
                at_bounds = (k, lam)
        p = combine(comps)
        key, z = standardize(expected, s.values)
        res = CheckResult("pass", p, "", comps, int(s.values.size), True)
        if at_bounds is not None:
            res.components["at_bounds"] = float(at_bounds[0])
            res.components["at_bounds_expected"] = float(at_bounds[1])
        if not s.low_precision:
            res.pool_key, res.pool_values = key, z
        if p <= alpha:
            res.verdict = "fail"
            res.reason = _why(comps)
        elif s.values.size < MIN_POWER_N:
            res.verdict = "inconclusive"
            res.reason = f"only {s.values.size} elements: too few to test on their own"
        return res


def _why(comps: dict[str, float]) -> str:
    worst = min((k for k in comps if k in STATISTICAL_COMPONENTS), key=lambda k: comps[k])
    return {"scale": "scale differs from the declared one", "ks": "shape differs from the declared distribution",
            "ks2": "shape differs from a reference drawn by the declared init on the same dtype",
            "scale2": "scale differs from a reference drawn by the declared init on the same dtype",
            "bounds": "too many values exactly at the truncation bounds a/b"
            + (f" ({int(comps['at_bounds'])} where a correct sampler puts about {comps['at_bounds_expected']:.3g}): "
               "a sampler that clamps instead of truncating (bf16/fp16 trunc_normal_?)" if "at_bounds" in comps
               else "")}.get(worst, worst)


def _check_structured(t, expected: Expected) -> CheckResult:
    import torch
    import torch.nn.init as init

    with torch.no_grad():
        ref = torch.empty_like(t.detach())
        if expected.family == "eye":
            init.eye_(ref)
        else:
            init.dirac_(ref, **{k: v for k, v in (expected.call[1] if expected.call else {}).items()})
        if torch.equal(ref, t.detach()):
            return CheckResult("pass", None, f"equals {expected.family}_ exactly")
        return CheckResult("fail", 0.0, f"differs from {expected.family}_ "
                                        f"({int((ref != t.detach()).sum())} elements differ)")


def orthogonality_error(t, max_rows: int = 256, seed: int = 0) -> tuple[float, float]:
    """max |G - gain^2 I| / scale of the Gram matrix of a subset of rows (rows <= cols) or columns, and the
    estimated gain^2 (mean of G's diagonal)."""
    import torch

    with torch.no_grad():
        w = t.detach().reshape(t.shape[0], -1)
        r, c = w.shape
        if r > c:
            w = w.t()
            r, c = c, r
        if r > max_rows:
            idx = _positions(r, max_rows, _seed_for(seed, "orth", tuple(t.shape)), w.device)
            w = w[idx]
        w = w.to(torch.float64 if w.device.type == "cpu" else torch.float32)
        gram = w @ w.t()
        d = torch.diagonal(gram)
        g2 = float(d.mean())
        eye = torch.eye(gram.shape[0], dtype=gram.dtype, device=gram.device)
        return float((gram - g2 * eye).abs().max()), g2


def _exactly_orthogonal(t, eps: float, seed: int) -> bool:
    """Whether 16 random rows (or columns) are orthogonal with equal norms: an event of probability zero for
    iid continuous entries, certain for ``orthogonal_``; the marginal tests cannot see it (an orthogonal
    square matrix has N(0, 1/n)-like entries, exactly xavier_normal_'s)."""
    r = t.shape[0]
    c = t.numel() // max(r, 1)
    if min(r, c) < 2:
        return False
    n = max(r, c)
    tol_rel = 4 * eps + 20 * 1.19e-7 * math.sqrt(n)
    if tol_rel > 0.1 / math.sqrt(n):  # iid vectors this long (or this coarse a dtype) look orthogonal too
        return False
    err, g2 = orthogonality_error(t, max_rows=16, seed=seed)
    if g2 <= 0:
        return False
    return err <= g2 * tol_rel


def check_orthogonal(t, gain: float, eps: float) -> CheckResult:
    if t.dim() < 2:
        return CheckResult("fail", 0.0, "orthogonal_ needs at least 2 dimensions")
    err, g2 = orthogonality_error(t)
    want = gain * gain
    c = max(t.shape[0], t.numel() // max(t.shape[0], 1))
    tol = want * (4 * eps + 20 * 1.19e-7 * math.sqrt(c))
    if abs(g2 - want) <= tol and err <= tol:
        return CheckResult("pass", None, f"orthogonal with gain {gain:g} (Gram error {err:.2g})")
    return CheckResult("fail", 0.0, f"not orthogonal with gain {gain:g}: Gram diagonal {g2:.4g} "
                                    f"(want {want:.4g}), max deviation {err:.3g}")


def _check_sparse(t, expected: Expected, s: TensorSample, seed: int) -> CheckResult:
    import torch

    zeros = int(expected.p["zeros"])
    with torch.no_grad():
        w = t.detach()
        if w.dim() != 2:
            return CheckResult("fail", 0.0, "sparse_ needs a 2-D tensor")
        per_col = (w == 0).sum(0)
        lo, hi = int(per_col.min()), int(per_col.max())
        if lo < zeros or hi > zeros + max(1, w.shape[0] // 1000):
            return CheckResult("fail", 0.0, f"expected exactly {zeros} zeros per column, found {lo}..{hi}")
        nz = s.values[s.values != 0]
    normal = Expected.normal(0.0, expected.p["std"], expected.label)
    comps = {"zeros_per_column": 1.0}
    if s.low_precision:
        import torch as _t

        dtype = getattr(_t, s.dtype.split(".")[-1])
        ref = _reference(normal, max(nz.size, 2000), dtype, s.device, _seed_for(seed, "ref", s.shape))
        comps.update(two_sample_tests(nz, ref, 0.0))
    else:
        comps.update(standard_tests(("normal",), nz / expected.p["std"]))
    p = combine(comps)
    res = CheckResult("pass", p, "", comps, int(nz.size), True)
    if p <= 1e-3:
        res.verdict, res.reason = "fail", _why(comps)
    elif nz.size < MIN_POWER_N:
        res.verdict, res.reason = "inconclusive", f"only {nz.size} non-zero elements"
    return res
