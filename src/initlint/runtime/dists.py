"""Expected distributions of an initialized tensor (pure data; no torch import at module level)."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Expected", "RuntimeSchemeError"]

#: standard normal beyond this many sigma has mass < 1e-15: a truncation there changes nothing measurable.
FAR_SIGMA = 8.0


class RuntimeSchemeError(ValueError):
    """A scheme, initializer name or initializer argument is invalid."""


def _phi(x: float) -> float:
    if math.isinf(x):
        return 0.0
    return math.exp(-0.5 * x * x) / math.sqrt(2 * math.pi)


def _Phi(x: float) -> float:
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


@dataclass(frozen=True)
class Expected:
    """What one tensor should look like right after initialization.

    ``family`` is one of ``constant``, ``uniform``, ``normal``, ``trunc_normal`` (random, iid elements),
    ``orthogonal``, ``eye``, ``dirac`` (exact structure), ``sparse`` (normal with a fixed number of zeros per
    column). ``params`` holds the family's numbers (``a``/``b`` bounds, ``mean``/``std``, ``val``, ``gain``,
    ``zeros`` per column). ``call`` is the ``torch.nn.init`` call that produces it (``(name, kwargs)``), used to
    draw reference tensors. ``zero_rows`` lists rows (dim 0) that must be exactly zero (Embedding padding_idx).
    """

    family: str
    params: tuple[tuple[str, float], ...]
    label: str
    call: tuple[str, dict] | None = field(default=None, compare=False, hash=False)
    zero_rows: tuple[int, ...] = ()

    # ----------------------------------------------------------------- constructors
    @staticmethod
    def uniform(a: float, b: float, label: str, call=None) -> "Expected":
        if a == b:  # e.g. a Linear bias with fan_in 0: torch draws U(0, 0)
            return Expected.constant(a, label, call)
        return Expected("uniform", (("a", float(a)), ("b", float(b))), label, call)

    @staticmethod
    def normal(mean: float, std: float, label: str, call=None) -> "Expected":
        if std == 0:
            return Expected.constant(mean, label, call)
        return Expected("normal", (("mean", float(mean)), ("std", float(std))), label, call)

    @staticmethod
    def trunc_normal(mean: float, std: float, a: float, b: float, label: str, call=None) -> "Expected":
        if std == 0:
            return Expected.constant(min(max(mean, a), b), label, call)
        return Expected("trunc_normal", (("mean", float(mean)), ("std", float(std)), ("a", float(a)),
                                         ("b", float(b))), label, call)

    @staticmethod
    def constant(val: float, label: str, call=None) -> "Expected":
        return Expected("constant", (("val", float(val)),), label, call)

    @staticmethod
    def structured(kind: str, label: str, call=None) -> "Expected":
        return Expected(kind, (), label, call)

    @staticmethod
    def orthogonal(gain: float, label: str, call=None) -> "Expected":
        return Expected("orthogonal", (("gain", float(gain)),), label, call)

    @staticmethod
    def sparse(std: float, zeros_per_column: int, label: str, call=None) -> "Expected":
        return Expected("sparse", (("std", float(std)), ("zeros", float(zeros_per_column))), label, call)

    def with_zero_rows(self, rows: tuple[int, ...]) -> "Expected":
        label = self.label + (f" + zero row {rows[0]}" if len(rows) == 1 else f" + zero rows {list(rows)}")
        return Expected(self.family, self.params, label, self.call, tuple(rows))

    def relabel(self, label: str) -> "Expected":
        return Expected(self.family, self.params, label, self.call, self.zero_rows)

    # ----------------------------------------------------------------- properties
    @property
    def p(self) -> dict[str, float]:
        return dict(self.params)

    @property
    def is_random(self) -> bool:
        return self.family in ("uniform", "normal", "trunc_normal", "sparse")

    @property
    def effective_family(self) -> str:
        """``trunc_normal`` whose bounds lie beyond FAR_SIGMA on both sides behaves exactly as ``normal``."""
        if self.family == "trunc_normal":
            p = self.p
            if (p["a"] - p["mean"]) / p["std"] <= -FAR_SIGMA and (p["b"] - p["mean"]) / p["std"] >= FAR_SIGMA:
                return "normal"
        if self.family == "uniform" and self.p["a"] == self.p["b"]:
            return "constant"
        return self.family

    def support(self) -> tuple[float, float]:
        p = self.p
        if self.family == "uniform":
            return p["a"], p["b"]
        if self.family == "trunc_normal":
            return p["a"], p["b"]
        if self.family == "constant":
            return p["val"], p["val"]
        return -math.inf, math.inf

    def mean_std(self) -> tuple[float, float]:
        """Mean and standard deviation of one element (for random families)."""
        p = self.p
        fam = self.family
        if fam == "uniform":
            return (p["a"] + p["b"]) / 2, (p["b"] - p["a"]) / math.sqrt(12)
        if fam in ("normal",):
            return p["mean"], p["std"]
        if fam == "sparse":
            return 0.0, p["std"]
        if fam == "trunc_normal":
            al, be = (p["a"] - p["mean"]) / p["std"], (p["b"] - p["mean"]) / p["std"]
            m1, m2, _ = trunc_std_moments(al, be)
            return p["mean"] + p["std"] * m1, p["std"] * math.sqrt(max(m2 - m1 * m1, 0.0))
        if fam == "constant":
            return p["val"], 0.0
        return math.nan, math.nan

    def alias_key(self) -> tuple[Any, ...]:
        """Two expectations with the same key produce the same distribution (within 1e-6 relative)."""
        fam = self.effective_family
        p = self.p

        def r(x: float) -> float:
            return float(f"{x:.6g}")

        if fam == "normal":
            return ("normal", r(p["mean"]), r(p["std"]), self.zero_rows)
        if fam == "uniform":
            return ("uniform", r(p["a"]), r(p["b"]), self.zero_rows)
        if fam == "trunc_normal":
            return ("trunc_normal", r(p["mean"]), r(p["std"]), r(p["a"]), r(p["b"]), self.zero_rows)
        return (fam,) + tuple(r(v) for _, v in self.params) + (self.zero_rows,)

    def describe(self) -> str:
        return self.label

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "family": self.family, "params": self.p,
                "zero_rows": list(self.zero_rows)}


def trunc_std_moments(alpha: float, beta: float) -> tuple[float, float, float]:
    """E[z], E[z^2], E[z^4] of a standard normal truncated to [alpha, beta]."""
    Z = _Phi(beta) - _Phi(alpha)
    if Z <= 0:
        raise RuntimeSchemeError("truncated normal has (numerically) no mass between its bounds")
    pa, pb = _phi(alpha), _phi(beta)

    def pw(x: float, k: int, ph: float) -> float:
        return 0.0 if math.isinf(x) else (x ** k) * ph

    m1 = -(pb - pa) / Z
    m2 = 1.0 - (pw(beta, 1, pb) - pw(alpha, 1, pa)) / Z
    m4 = 3.0 * m2 - (pw(beta, 3, pb) - pw(alpha, 3, pa)) / Z
    return m1, m2, m4
