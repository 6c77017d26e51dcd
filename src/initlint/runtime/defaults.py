"""PyTorch's default ``reset_parameters`` of every common layer, as expected distributions (torch 2.x)."""
from __future__ import annotations

import math
from typing import Any, Sequence

from .dists import Expected
from .formulas import expected_for, fan_in_and_fan_out

__all__ = ["default_expected", "DEFAULT_LABEL"]

DEFAULT_LABEL = "default"


def _uniform_bound(bound: float, label: str) -> Expected:
    return Expected.uniform(-bound, bound, label, ("uniform", {"a": -bound, "b": bound}))


def _fan_in_bound(weight_shape: Sequence[int]) -> float:
    fan_in, _ = fan_in_and_fan_out(weight_shape)
    return 1.0 / math.sqrt(fan_in) if fan_in > 0 else 0.0


def default_expected(module: Any, pname: str, shape: Sequence[int],
                     ancestors: Sequence[Any] = ()) -> Expected | None:
    """Expected distribution of ``module.<pname>`` right after ``module`` was constructed with defaults.

    ``ancestors`` are the enclosing modules, nearest first: ``nn.MultiheadAttention`` zeroes its
    ``out_proj.bias`` and ``nn.Transformer`` re-initializes every parameter with more than one dimension with
    ``xavier_uniform_``. Returns ``None`` for a layer whose default initialization is unknown.
    """
    import torch.nn as nn

    shape = tuple(int(s) for s in shape)
    # nn.Transformer: xavier_uniform_ on every p.dim() > 1 after building (1-D keep the module default)
    if len(shape) > 1 and any(isinstance(a, nn.Transformer) for a in ancestors):
        return expected_for("xavier_uniform", shape, label="xavier_uniform_ (nn.Transformer default)")
    parent = ancestors[0] if ancestors else None
    name = type(module).__name__

    if isinstance(module, nn.Linear):
        if pname == "weight":
            return expected_for("kaiming_uniform", shape, kwargs={"a": math.sqrt(5)},
                                label="default: kaiming_uniform_(a=sqrt(5)) = U(+-1/sqrt(fan_in))")
        if pname == "bias":
            if isinstance(parent, nn.MultiheadAttention) and getattr(parent, "out_proj", None) is module:
                return expected_for("zeros", shape, label="default: zeros (MultiheadAttention out_proj.bias)")
            b = _fan_in_bound(tuple(module.weight.shape))
            return _uniform_bound(b, f"default: U(+-1/sqrt(fan_in)) = U(+-{b:.4g})")
        return None
    if isinstance(module, nn.Bilinear):
        b = 1.0 / math.sqrt(module.weight.size(1))
        if pname in ("weight", "bias"):
            return _uniform_bound(b, f"default: U(+-1/sqrt(in1)) = U(+-{b:.4g})")
        return None
    conv_types = (nn.Conv1d, nn.Conv2d, nn.Conv3d, nn.ConvTranspose1d, nn.ConvTranspose2d, nn.ConvTranspose3d)
    if isinstance(module, conv_types) or name.startswith("_ConvNd"):
        if pname == "weight":
            return expected_for("kaiming_uniform", shape, kwargs={"a": math.sqrt(5)},
                                label="default: kaiming_uniform_(a=sqrt(5)) = U(+-1/sqrt(fan_in))")
        if pname == "bias":
            b = _fan_in_bound(tuple(module.weight.shape))
            return _uniform_bound(b, f"default: U(+-1/sqrt(fan_in)) = U(+-{b:.4g})")
        return None
    norm_types = (nn.modules.batchnorm._NormBase, nn.LayerNorm, nn.GroupNorm)
    if isinstance(module, norm_types) or name == "RMSNorm":
        if pname == "weight":
            return expected_for("ones", shape, label="default: ones")
        if pname == "bias":
            return expected_for("zeros", shape, label="default: zeros")
        return None
    if isinstance(module, (nn.Embedding, nn.EmbeddingBag)):
        if pname == "weight":
            e = expected_for("normal", shape, label="default: normal_(0, 1)")
            pad = getattr(module, "padding_idx", None)
            if pad is not None:
                e = e.with_zero_rows((int(pad) % shape[0],))
            return e
        return None
    if isinstance(module, (nn.RNNBase, nn.RNNCellBase)):
        b = 1.0 / math.sqrt(module.hidden_size) if module.hidden_size > 0 else 0.0
        return _uniform_bound(b, f"default: U(+-1/sqrt(hidden_size)) = U(+-{b:.4g})")
    if isinstance(module, nn.MultiheadAttention):
        if pname in ("in_proj_weight", "q_proj_weight", "k_proj_weight", "v_proj_weight"):
            return expected_for("xavier_uniform", shape, label="default: xavier_uniform_")
        if pname == "in_proj_bias":
            return expected_for("zeros", shape, label="default: zeros")
        if pname in ("bias_k", "bias_v"):
            return expected_for("xavier_normal", shape, label="default: xavier_normal_")
        return None
    if isinstance(module, nn.PReLU):
        if pname == "weight":
            val = float(getattr(module, "init", 0.25))
            return expected_for("constant", shape, kwargs={"val": val}, label=f"default: constant {val:g}")
        return None
    return None
