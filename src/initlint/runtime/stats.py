"""Distribution functions and test statistics, implemented with numpy/torch (no scipy).

* Kolmogorov-Smirnov, one sample: exact one-sided tail (Birnbaum & Tingey 1951) doubled, which is an upper
  bound of the two-sided p-value and nearly exact in the tail, for m <= 10 000; the asymptotic Kolmogorov
  distribution with Stephens' (1970) correction ``(sqrt(m) + 0.12 + 0.11/sqrt(m)) D`` above.
* Kolmogorov-Smirnov, two samples (low-precision dtypes): asymptotic Kolmogorov distribution of
  ``sqrt(nm/(n+m)) D`` with the same correction on the effective size.
* Chi-square: ``torch.special.gammainc`` / ``gammaincc`` (regularized incomplete gamma functions).
"""
from __future__ import annotations

import math

import numpy as np

__all__ = [
    "kolmogorov_sf", "ks_1samp", "ks_2samp", "ks_exact_sf", "chi2_two_sided", "chi2_sf", "chi2_cdf",
    "normal_cdf", "normal_sf_two_sided", "holm",
]


def kolmogorov_sf(x: float) -> float:
    """P(K > x) for the Kolmogorov distribution K = sup|B(t)|."""
    if x <= 0:
        return 1.0
    if x < 1.0:
        # Jacobi-theta form, accurate for small x
        w = math.sqrt(2 * math.pi) / x
        s = 0.0
        for k in range(1, 20):
            s += math.exp(-((2 * k - 1) ** 2) * math.pi ** 2 / (8 * x * x))
        return max(0.0, min(1.0, 1.0 - w * s))
    s = 0.0
    for k in range(1, 101):
        term = math.exp(-2.0 * k * k * x * x)
        s += term if k % 2 == 1 else -term
        if term < 1e-300:
            break
    return max(0.0, min(1.0, 2.0 * s))


def ks_exact_sf(d: float, n: int) -> float:
    """Two-sided KS p-value, bounded above by twice the exact one-sided tail (Birnbaum & Tingey)."""
    if d <= 0:
        return 1.0
    if d >= 1:
        return 0.0
    j = np.arange(0, int(math.floor(n * (1 - d))) + 1, dtype=np.float64)
    if j.size == 0:
        return 0.0
    # log C(n, j) + (n - j) log(1 - d - j/n) + (j - 1) log(d + j/n)
    import torch

    def lg(x: np.ndarray) -> np.ndarray:
        return torch.lgamma(torch.from_numpy(x)).numpy()

    logc = math.lgamma(n + 1) - lg(j + 1) - lg(n - j + 1)
    base1 = 1.0 - d - j / n
    with np.errstate(divide="ignore"):
        t1 = np.where(n - j > 0, (n - j) * np.log(np.maximum(base1, 1e-300)), 0.0)
    t2 = (j - 1) * np.log(d + j / n)
    logs = logc + t1 + t2
    mx = logs.max()
    one_sided = d * math.exp(mx) * float(np.exp(logs - mx).sum())
    return float(min(1.0, max(0.0, 2.0 * one_sided)))


EXACT_KS_MAX_N = 10_000


def ks_1samp(sorted_cdf: np.ndarray) -> tuple[float, float]:
    """KS statistic and p-value of a sample against a fully specified continuous CDF.

    ``sorted_cdf`` holds F(x_(i)) for the sorted sample.
    """
    n = int(sorted_cdf.size)
    if n == 0:
        return 0.0, 1.0
    i = np.arange(1, n + 1, dtype=np.float64)
    d_plus = float(np.max(i / n - sorted_cdf))
    d_minus = float(np.max(sorted_cdf - (i - 1) / n))
    d = max(d_plus, d_minus, 0.0)
    if n <= EXACT_KS_MAX_N:
        return d, ks_exact_sf(d, n)
    sn = math.sqrt(n)
    return d, kolmogorov_sf((sn + 0.12 + 0.11 / sn) * d)


def ks_2samp(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Two-sample KS statistic and asymptotic p-value (ties handled: ECDFs evaluated at the pooled values)."""
    x = np.sort(np.asarray(x, dtype=np.float64))
    y = np.sort(np.asarray(y, dtype=np.float64))
    n, m = x.size, y.size
    if n == 0 or m == 0:
        return 0.0, 1.0
    allv = np.concatenate([x, y])
    cx = np.searchsorted(x, allv, side="right") / n
    cy = np.searchsorted(y, allv, side="right") / m
    d = float(np.max(np.abs(cx - cy)))
    en = math.sqrt(n * m / (n + m))
    return d, kolmogorov_sf((en + 0.12 + 0.11 / en) * d)


def chi2_cdf(x: float, df: float) -> float:
    import torch

    return float(torch.special.gammainc(torch.tensor(df / 2.0, dtype=torch.float64),
                                        torch.tensor(x / 2.0, dtype=torch.float64)))


def chi2_sf(x: float, df: float) -> float:
    import torch

    return float(torch.special.gammaincc(torch.tensor(df / 2.0, dtype=torch.float64),
                                         torch.tensor(x / 2.0, dtype=torch.float64)))


def chi2_two_sided(x: float, df: float) -> float:
    """Two-sided p-value of a chi-square statistic: 2 min(P(X <= x), P(X >= x))."""
    return float(min(1.0, 2.0 * min(chi2_cdf(x, df), chi2_sf(x, df))))


def poisson_sf_ge(k: int, lam: float) -> float:
    """P(X >= k) for X ~ Poisson(lam): the regularized lower incomplete gamma P(k, lam)."""
    import torch

    if k <= 0:
        return 1.0
    if lam <= 0:
        return 0.0
    return float(torch.special.gammainc(torch.tensor(float(k), dtype=torch.float64),
                                        torch.tensor(float(lam), dtype=torch.float64)))


def normal_cdf(x: float) -> float:
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


def normal_sf_two_sided(z: float) -> float:
    return float(math.erfc(abs(z) / math.sqrt(2.0)))


def holm(pvalues: list[float], alpha: float) -> list[bool]:
    """Holm's step-down procedure: which hypotheses are rejected at family-wise error ``alpha``."""
    n = len(pvalues)
    order = sorted(range(n), key=lambda i: pvalues[i])
    rejected = [False] * n
    for rank, i in enumerate(order):
        if pvalues[i] <= alpha / (n - rank):
            rejected[i] = True
        else:
            break
    return rejected
