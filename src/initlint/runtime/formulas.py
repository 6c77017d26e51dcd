"""Initialization formulas, written once, exactly as ``torch/nn/init.py`` computes them.

Every ``torch.nn.init`` function is mapped to an :class:`~initlint.runtime.dists.Expected` distribution
computed from the tensor's shape and the call's arguments:

* Glorot & Bengio (2010), "Understanding the difficulty of training deep feedforward neural networks":
  ``xavier_uniform_`` U(-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)); ``xavier_normal_`` N(0, std^2)
  with std = gain * sqrt(2 / (fan_in + fan_out)).
* He et al. (2015), "Delving deep into rectifiers": ``kaiming_uniform_`` U(-b, b) with
  b = sqrt(3) * gain / sqrt(fan); ``kaiming_normal_`` N(0, std^2) with std = gain / sqrt(fan), where
  gain = calculate_gain(nonlinearity, a) and fan is fan_in or fan_out (``mode``).
* Saxe et al. (2013), "Exact solutions to the nonlinear dynamics of learning in deep linear neural networks":
  ``orthogonal_`` (rows of the flattened matrix orthonormal, times gain).
* Martens (2010), "Deep learning via Hessian-free optimization": ``sparse_`` (a fixed number of zeros per column).

Only plain Python/math here: this module does not import torch.
"""
from __future__ import annotations

import math
from typing import Sequence

from .dists import Expected, RuntimeSchemeError

__all__ = [
    "calculate_gain",
    "fan_in_and_fan_out",
    "correct_fan",
    "INIT_FUNCTIONS",
    "expected_for",
    "canonical_init_name",
]


def calculate_gain(nonlinearity: str, param: float | None = None) -> float:
    """The gain table of ``torch.nn.init.calculate_gain``."""
    linear_fns = {
        "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
        "conv_transpose3d", "sigmoid",
    }
    if nonlinearity in linear_fns:
        return 1.0
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        if param is None:
            slope = 0.01
        elif not isinstance(param, bool) and isinstance(param, (int, float)):
            slope = float(param)
        else:
            raise RuntimeSchemeError(f"negative_slope {param!r} is not a valid number")
        return math.sqrt(2.0 / (1 + slope ** 2))
    if nonlinearity == "selu":
        return 3.0 / 4
    raise RuntimeSchemeError(f"unsupported nonlinearity {nonlinearity!r}")


def fan_in_and_fan_out(shape: Sequence[int]) -> tuple[int, int]:
    """``torch.nn.init._calculate_fan_in_and_fan_out``: fans with the receptive field.

    For a grouped convolution the weight is (out, in/groups, *k), so fan_in = (in/groups)*prod(k). For a
    transposed convolution the weight is (in, out/groups, *k): torch's "fan_in" is then (out/groups)*prod(k).
    """
    if len(shape) < 2:
        raise RuntimeSchemeError(
            "fan in and fan out can not be computed for a tensor with fewer than 2 dimensions "
            f"(shape {tuple(shape)})"
        )
    receptive = 1
    for s in shape[2:]:
        receptive *= int(s)
    return int(shape[1]) * receptive, int(shape[0]) * receptive


def correct_fan(shape: Sequence[int], mode: str) -> int:
    mode_l = str(mode).lower()
    if mode_l not in ("fan_in", "fan_out"):
        raise RuntimeSchemeError(f"mode {mode!r} is not supported, use 'fan_in' or 'fan_out'")
    fi, fo = fan_in_and_fan_out(shape)
    return fi if mode_l == "fan_in" else fo


def _fmt(x: float) -> str:
    return f"{x:.4g}"


# name -> (allowed keyword arguments with defaults, in positional order)
INIT_FUNCTIONS: dict[str, dict[str, object]] = {
    "uniform": {"a": 0.0, "b": 1.0},
    "normal": {"mean": 0.0, "std": 1.0},
    "trunc_normal": {"mean": 0.0, "std": 1.0, "a": -2.0, "b": 2.0},
    "constant": {"val": None},
    "zeros": {},
    "ones": {},
    "eye": {},
    "dirac": {"groups": 1},
    "xavier_uniform": {"gain": 1.0},
    "xavier_normal": {"gain": 1.0},
    "kaiming_uniform": {"a": 0.0, "mode": "fan_in", "nonlinearity": "leaky_relu"},
    "kaiming_normal": {"a": 0.0, "mode": "fan_in", "nonlinearity": "leaky_relu"},
    "orthogonal": {"gain": 1.0},
    "sparse": {"sparsity": None, "std": 0.01},
}

_ALIASES = {
    "xavier_uniform": "xavier_uniform", "glorot_uniform": "xavier_uniform",
    "xavier_normal": "xavier_normal", "glorot_normal": "xavier_normal",
    "kaiming_uniform": "kaiming_uniform", "he_uniform": "kaiming_uniform",
    "kaiming_normal": "kaiming_normal", "he_normal": "kaiming_normal",
    "zero": "zeros", "fill": "constant",
}


def canonical_init_name(name: str) -> str | None:
    """``"torch.nn.init.xavier_normal_"`` / ``"xavier_normal_"`` / ``"xavier_normal"`` -> ``"xavier_normal"``."""
    n = str(name).rsplit(".", 1)[-1].strip().lower()
    if n.endswith("_"):
        n = n[:-1]
    n = _ALIASES.get(n, n)
    return n if n in INIT_FUNCTIONS else None


def bind_arguments(init: str, args: Sequence[object] = (), kwargs: dict | None = None) -> dict[str, object]:
    """Bind positional and keyword arguments of an init call to the parameter names of ``init``.

    Raises :class:`RuntimeSchemeError` for unknown names, too many arguments or missing required ones.
    """
    kwargs = dict(kwargs or {})
    spec = INIT_FUNCTIONS[init]
    names = list(spec)
    if len(args) > len(names):
        raise RuntimeSchemeError(
            f"{init}: takes {len(names)} argument(s) after the tensor ({', '.join(names) or 'none'}), "
            f"got {len(args)}"
        )
    bound: dict[str, object] = dict(spec)
    for name, value in zip(names, args):
        bound[name] = value
    for key, value in kwargs.items():
        if key in ("tensor", "generator"):
            continue
        if key not in spec:
            allowed = ", ".join(names) or "none"
            raise RuntimeSchemeError(f"{init}: unknown argument {key!r} (allowed: {allowed})")
        bound[key] = value
    for key, value in bound.items():
        if value is None and key in ("val", "sparsity"):
            raise RuntimeSchemeError(f"{init}: missing required argument {key!r}")
    _check_types(init, bound)
    return bound


def _is_number(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _check_types(init: str, bound: dict[str, object]) -> None:
    for key, value in bound.items():
        if key in ("mode", "nonlinearity"):
            if not isinstance(value, str):
                raise RuntimeSchemeError(f"{init}: argument {key!r} must be a string, got {value!r}")
        elif key == "groups":
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise RuntimeSchemeError(f"{init}: argument 'groups' must be a positive integer, got {value!r}")
        elif not _is_number(value):
            raise RuntimeSchemeError(f"{init}: argument {key!r} must be a number, got {value!r}")
    if init == "kaiming_uniform" or init == "kaiming_normal":
        if str(bound["mode"]).lower() not in ("fan_in", "fan_out"):
            raise RuntimeSchemeError(f"{init}: mode {bound['mode']!r} is not supported, use 'fan_in' or 'fan_out'")
        calculate_gain(str(bound["nonlinearity"]), bound["a"])  # type: ignore[arg-type]
    if init == "uniform" and not float(bound["a"]) <= float(bound["b"]):  # type: ignore[arg-type]
        raise RuntimeSchemeError(f"uniform: a={bound['a']} must not exceed b={bound['b']}")
    if init in ("normal", "trunc_normal", "sparse") and float(bound["std"]) < 0:  # type: ignore[arg-type]
        raise RuntimeSchemeError(f"{init}: std must be non-negative, got {bound['std']}")
    if init == "trunc_normal" and not float(bound["a"]) < float(bound["b"]):  # type: ignore[arg-type]
        raise RuntimeSchemeError(f"trunc_normal: a={bound['a']} must be below b={bound['b']}")
    if init == "sparse" and not 0 <= float(bound["sparsity"]) <= 1:  # type: ignore[arg-type]
        raise RuntimeSchemeError(f"sparse: sparsity must be in [0, 1], got {bound['sparsity']}")


def _label(init: str, bound: dict[str, object]) -> str:
    spec = INIT_FUNCTIONS[init]
    parts = []
    for k, v in bound.items():
        if spec.get(k) != v or k in ("val", "sparsity"):
            parts.append(f"{k}={_fmt(v) if _is_number(v) else repr(v)}")
    return f"{init}_({', '.join(parts)})"


def expected_for(init: str, shape: Sequence[int], args: Sequence[object] = (),
                 kwargs: dict | None = None, label: str | None = None) -> Expected:
    """The distribution that ``torch.nn.init.<init>_(tensor_of_shape, *args, **kwargs)`` produces."""
    name = canonical_init_name(init)
    if name is None:
        raise RuntimeSchemeError(f"unknown initializer {init!r}")
    bound = bind_arguments(name, args, kwargs)
    shape = tuple(int(s) for s in shape)
    lab = label or _label(name, bound)
    call = (name, bound)
    if name == "uniform":
        return Expected.uniform(float(bound["a"]), float(bound["b"]), lab, call)  # type: ignore[arg-type]
    if name == "normal":
        return Expected.normal(float(bound["mean"]), float(bound["std"]), lab, call)  # type: ignore[arg-type]
    if name == "trunc_normal":
        return Expected.trunc_normal(float(bound["mean"]), float(bound["std"]),  # type: ignore[arg-type]
                                     float(bound["a"]), float(bound["b"]), lab, call)  # type: ignore[arg-type]
    if name == "constant":
        return Expected.constant(float(bound["val"]), lab, call)  # type: ignore[arg-type]
    if name == "zeros":
        return Expected.constant(0.0, lab, call)
    if name == "ones":
        return Expected.constant(1.0, lab, call)
    if name == "eye":
        if len(shape) != 2:
            raise RuntimeSchemeError(f"eye_: only 2-D tensors are supported, shape is {shape}")
        return Expected.structured("eye", lab, call)
    if name == "dirac":
        if len(shape) not in (3, 4, 5):
            raise RuntimeSchemeError(f"dirac_: only 3, 4 or 5-D tensors are supported, shape is {shape}")
        if shape[0] % int(bound["groups"]) != 0:  # type: ignore[call-overload]
            raise RuntimeSchemeError(f"dirac_: dim 0 ({shape[0]}) must be divisible by groups={bound['groups']}")
        return Expected.structured("dirac", lab, call)
    if name == "orthogonal":
        if len(shape) < 2:
            raise RuntimeSchemeError(f"orthogonal_: only tensors with 2 or more dimensions, shape is {shape}")
        return Expected.orthogonal(float(bound["gain"]), lab, call)  # type: ignore[arg-type]
    if name == "sparse":
        if len(shape) != 2:
            raise RuntimeSchemeError(f"sparse_: only 2-D tensors are supported, shape is {shape}")
        rows = shape[0]
        zeros = int(math.ceil(float(bound["sparsity"]) * rows))  # type: ignore[arg-type]
        return Expected.sparse(float(bound["std"]), zeros, lab, call)  # type: ignore[arg-type]
    fan_in, fan_out = fan_in_and_fan_out(shape)
    if name == "xavier_uniform":
        std = float(bound["gain"]) * math.sqrt(2.0 / float(fan_in + fan_out))  # type: ignore[arg-type]
        a = math.sqrt(3.0) * std
        return Expected.uniform(-a, a, lab, call)
    if name == "xavier_normal":
        std = float(bound["gain"]) * math.sqrt(2.0 / float(fan_in + fan_out))  # type: ignore[arg-type]
        return Expected.normal(0.0, std, lab, call)
    # kaiming
    fan = correct_fan(shape, str(bound["mode"]))
    gain = calculate_gain(str(bound["nonlinearity"]), bound["a"])  # type: ignore[arg-type]
    std = gain / math.sqrt(fan)
    if name == "kaiming_uniform":
        b = math.sqrt(3.0) * std
        return Expected.uniform(-b, b, lab, call)
    return Expected.normal(0.0, std, lab, call)
