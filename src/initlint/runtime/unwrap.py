"""Wrapped and reparametrized models: the tensors a model actually uses, and the ones initlint cannot judge.

* **Wrappers** hold the real model as a child: ``nn.DataParallel`` and ``DistributedDataParallel`` as
  ``.module``, ``torch.compile``'s ``OptimizedModule`` as ``._orig_mod``. The same tensors are verified
  through the inner model (names without the wrapper's prefix; a note says so), so its own init code is read.
* **TorchScript** (``torch.jit.script`` / ``trace``) compiles the model's classes away: neither its init code
  nor its layer types are left to say what a tensor should be, so every tensor of a script module is reported
  ``unverifiable`` (never passed).
* **Parametrizations** replace a parameter by a function of other tensors. What the model's code initialized
  is then held by those tensors, and they are judged against what the code declares for the parameter:

  - ``parametrizations.weight_norm`` (``original0`` = g, ``original1`` = v) and the old ``weight_norm``
    (``weight_g``, ``weight_v``): v is judged as the weight; g must equal the norm of v (then the weight used
    equals v), checked exactly;
  - ``spectral_norm`` (both forms) and any parametrization without its own ``right_inverse``: ``original``
    (``weight_orig``) holds the weight as initialized, judged as the weight (the one used is P(original));
  - any other (``orthogonal``, a custom ``right_inverse``): ``original`` is not the initialized weight; the
    tensor is reported ``unverifiable``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["unwrap_model", "is_script_module", "layer_name", "Reparam", "reparametrizations",
           "parametrized_names"]


def _wrapped(model: Any) -> tuple[Any, str] | None:
    """(inner model, how) when ``model`` is one of torch's wrappers of a whole model."""
    import torch.nn as nn

    if isinstance(model, (nn.DataParallel, nn.parallel.DistributedDataParallel)):
        inner = getattr(model, "module", None)
        if isinstance(inner, nn.Module):
            return inner, f"{type(model).__name__}: verified its .module"
    if any(c.__name__ == "OptimizedModule" and c.__module__.startswith("torch.") for c in type(model).__mro__):
        inner = getattr(model, "_orig_mod", None)
        if isinstance(inner, nn.Module):
            return inner, "torch.compile'd model (OptimizedModule): verified its _orig_mod"
    return None


def unwrap_model(model: Any) -> tuple[Any, list[str]]:
    """The model inside torch's wrappers (DataParallel, DistributedDataParallel, torch.compile), and a note
    per wrapper removed; the model itself when it is not wrapped."""
    notes: list[str] = []
    for _ in range(8):
        w = _wrapped(model)
        if w is None:
            break
        model, how = w
        notes.append(f"{how} (the same tensors; names without the wrapper's prefix)")
    return model, notes


def is_script_module(module: Any) -> bool:
    try:
        import torch.jit

        return isinstance(module, torch.jit.ScriptModule)
    except Exception:  # noqa: BLE001
        return False


def layer_name(module: Any) -> str:
    """The layer's class name (a script module's original class name)."""
    if is_script_module(module):
        return str(getattr(module, "original_name", type(module).__name__))
    return type(module).__name__


SCRIPT_REASON = ("in a TorchScript module (torch.jit.script/trace): its classes and init code are compiled away, "
                 "so nothing says what this tensor should be; verify the nn.Module before scripting it")


@dataclass
class Reparam:
    """How one tensor of a reparametrized parameter is judged."""

    module: Any  # the module that uses the parameter (``fc``)
    pname: str  # the parameter it stands for (``weight``)
    role: str  # "intent": judged as module.<pname>; "magnitude": must equal the norm of ``of``; "opaque"
    how: str  # "weight_norm", "spectral_norm", "parametrization <Name>"
    of: Any = None  # for "magnitude": the direction tensor v
    of_name: str = ""
    dim: int = 0
    reason: str = ""


def _plain_right_inverse(p: Any) -> bool:
    """Whether a parametrization keeps the initialized value in ``original`` (no right_inverse of its own, or
    torch's spectral norm, whose right_inverse returns its argument)."""
    import torch.nn as nn

    if type(p).__name__ == "_SpectralNorm":
        return True
    for c in type(p).__mro__:
        if c is nn.Module:
            return True
        if "right_inverse" in vars(c):
            return False
    return True


def reparametrizations(model: Any) -> dict[int, Reparam]:
    """``id(tensor)`` -> how it is judged, for the tensors behind parametrized parameters of ``model``."""
    out: dict[int, Reparam] = {}
    for mod in model.modules():
        plists = getattr(mod, "parametrizations", None)
        if plists is not None and type(plists).__name__ == "ModuleDict" and type(mod).__name__.startswith(
                "Parametrized"):
            for name, plist in plists.items():
                ps = list(plist) if hasattr(plist, "__iter__") else []
                kinds = [type(p).__name__ for p in ps]
                if kinds == ["_WeightNorm"] and hasattr(plist, "original0") and hasattr(plist, "original1"):
                    v = plist.original1
                    out[id(v)] = Reparam(mod, name, "intent", "weight_norm")
                    out[id(plist.original0)] = Reparam(mod, name, "magnitude", "weight_norm", v,
                                                       "original1", int(getattr(ps[0], "dim", 0)))
                    continue
                how = "spectral_norm" if kinds == ["_SpectralNorm"] else f"parametrization {'+'.join(kinds)}"
                originals = [t for n, t in plist._parameters.items() if n.startswith("original") and t is not None]
                single = hasattr(plist, "original") and len(originals) == 1
                if single and all(_plain_right_inverse(p) for p in ps):
                    out[id(plist.original)] = Reparam(mod, name, "intent", how)
                else:
                    for t in originals:
                        out[id(t)] = Reparam(mod, name, "opaque", how, reason=(
                            f"holds {name} through {how}, whose right_inverse stores something other than the "
                            f"initialized {name}: initlint does not model the {name} it gives"))
        for hook in getattr(mod, "_forward_pre_hooks", {}).values():
            kind = type(hook).__name__
            name = getattr(hook, "name", None)
            if not isinstance(name, str):
                continue
            params = getattr(mod, "_parameters", {})
            if kind == "WeightNorm" and params.get(name + "_v") is not None and params.get(name + "_g") is not None:
                v = params[name + "_v"]
                out[id(v)] = Reparam(mod, name, "intent", "weight_norm")
                out[id(params[name + "_g"])] = Reparam(mod, name, "magnitude", "weight_norm", v, name + "_v",
                                                       int(getattr(hook, "dim", 0)))
            elif kind == "SpectralNorm" and params.get(name + "_orig") is not None:
                out[id(params[name + "_orig"])] = Reparam(mod, name, "intent", "spectral_norm")
    return out


def parametrized_names(module: Any) -> set[str]:
    """Names of ``module``'s parameters that are computed through a parametrization or a weight/spectral norm
    hook (``module.weight`` is then not in ``module._parameters``)."""
    names: set[str] = set()
    plists = getattr(module, "parametrizations", None)
    if plists is not None and type(module).__name__.startswith("Parametrized"):
        try:
            names.update(plists.keys())
        except Exception:  # noqa: BLE001
            pass
    for hook in getattr(module, "_forward_pre_hooks", {}).values():
        if type(hook).__name__ in ("WeightNorm", "SpectralNorm") and isinstance(getattr(hook, "name", None), str):
            names.add(hook.name)
    return names


def magnitude_matches(g: Any, v: Any, dim: int) -> bool:
    """Whether weight_norm's g equals the norm of v over every dimension but ``dim`` (as torch sets it)."""
    import torch

    with torch.no_grad():
        try:
            n = torch.norm_except_dim(v.detach(), 2, dim)
        except Exception:  # noqa: BLE001
            return False
        if tuple(n.shape) != tuple(g.shape):
            try:
                n = n.reshape(g.shape)
            except Exception:  # noqa: BLE001
                return False
        eps = float(torch.finfo(g.dtype).eps) if g.is_floating_point() else 0.0
        return bool(torch.allclose(g.detach().to(n.dtype), n, rtol=16 * eps, atol=0.0))
