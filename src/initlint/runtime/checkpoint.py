"""Checkpoints for ``verify --checkpoint``: load a state dict safely and line its keys up with the model's.

* ``.safetensors`` files are read with the ``safetensors`` package; anything else with
  ``torch.load(weights_only=True)`` (no arbitrary code from a pickle).
* Common containers are unwrapped: ``{"state_dict": sd}``, ``{"model": sd}``, ``{"model_state_dict": sd}``,
  ``{"module": sd}``, ``{"ema": sd}`` (only when the outer dict is not itself a state dict).
* A prefix every key has and the model's names lack (``module.`` from ``DataParallel``/DDP, ``model.``) is
  stripped, with a note; keys of the model that the checkpoint lacks, and keys of the checkpoint the model
  lacks, are listed.
"""
from __future__ import annotations

import os
from typing import Any

__all__ = ["load_checkpoint", "align_checkpoint"]

_CONTAINERS = ("state_dict", "model_state_dict", "model", "module", "ema", "net", "params")


def _is_tensor_dict(obj: Any) -> bool:
    return isinstance(obj, dict) and bool(obj) and all(hasattr(v, "shape") and hasattr(v, "dtype")
                                                       for v in obj.values())


def load_checkpoint(path: str) -> tuple[dict, list[str]]:
    """The state dict in ``path`` and notes on how it was read. Raises ``ValueError`` with a clear message."""
    import torch

    if not os.path.isfile(path):
        raise ValueError(f"checkpoint not found: {path}")
    notes: list[str] = []
    if path.endswith(".safetensors"):
        try:
            from safetensors.torch import load_file
        except ImportError:
            raise ValueError("reading a .safetensors checkpoint needs the safetensors package: "
                             "pip install safetensors") from None
        try:
            obj: Any = load_file(path, device="cpu")
        except Exception as e:  # noqa: BLE001 - reported to the user
            raise ValueError(f"cannot read {path} as safetensors: {e}") from None
    else:
        try:
            obj = torch.load(path, map_location="cpu", weights_only=True)
        except Exception as e:  # noqa: BLE001
            raise ValueError(f"cannot load checkpoint {path} with weights_only=True: {e}") from None
    if isinstance(obj, dict) and not _is_tensor_dict(obj):
        for key in _CONTAINERS:
            inner = obj.get(key)
            if _is_tensor_dict(inner):
                notes.append(f"checkpoint: the state dict under {key!r}")
                obj = inner
                break
        else:
            # a dict mixing tensors with metadata (epoch, optimizer...): keep the tensors
            tensors = {k: v for k, v in obj.items() if hasattr(v, "shape") and hasattr(v, "dtype")}
            if tensors:
                notes.append(f"checkpoint: {len(obj) - len(tensors)} non-tensor entries ignored")
                obj = tensors
    if not isinstance(obj, dict):
        raise ValueError(f"checkpoint {path} is not a state dict of tensors (found {type(obj).__name__})")
    if not obj:
        raise ValueError(f"checkpoint {path} is empty: no tensor to compare with")
    if not _is_tensor_dict(obj):
        raise ValueError(f"checkpoint {path} is not a state dict of tensors")
    return obj, notes


def align_checkpoint(sd: dict, model_keys: list[str]) -> tuple[dict, list[str]]:
    """Strip a prefix common to all checkpoint keys when that makes them the model's names; list what the
    checkpoint lacks and what the model lacks."""
    notes: list[str] = []
    keys = set(model_keys)
    if not keys & set(sd):
        first = {k.split(".", 1)[0] for k in sd if "." in k}
        if len(first) == 1 and all("." in k for k in sd):
            prefix = next(iter(first)) + "."
            stripped = {k[len(prefix):]: v for k, v in sd.items()}
            if keys & set(stripped):
                notes.append(f"checkpoint: the prefix {prefix!r} common to all its keys was stripped")
                sd = stripped
    missing = [k for k in model_keys if k not in sd]
    unexpected = [k for k in sd if k not in keys]
    if not keys & set(sd):
        notes.append("checkpoint: none of its keys names a tensor of the model (first keys: "
                     + ", ".join(list(sd)[:3]) + ")")
    else:
        if missing:
            notes.append(f"checkpoint: {len(missing)} tensor(s) of the model are not in it: {_short(missing)}")
        if unexpected:
            notes.append(f"checkpoint: {len(unexpected)} key(s) match no tensor of the model: {_short(unexpected)}")
    return sd, notes


def _short(items: list[str], n: int = 6) -> str:
    return ", ".join(items[:n]) + (f", ... ({len(items) - n} more)" if len(items) > n else "")
