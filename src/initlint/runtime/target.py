"""Load and build a verification target: ``path/to/file.py:Name`` or ``package.module:Name``."""
from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from dataclasses import dataclass
from typing import Any

__all__ = ["TargetError", "Target", "resolve_target", "build_model"]


class TargetError(Exception):
    """The target cannot be found, imported or built (message is meant for the user)."""


@dataclass
class Target:
    spec: str
    module: Any
    obj: Any
    attr: str
    path: str | None  # source file of the module (for the declared scheme)


def _split(spec: str) -> tuple[str, str]:
    if ":" not in spec:
        raise TargetError(f"target {spec!r} must look like path/to/file.py:ClassOrFactory or package.module:Name")
    left, _, attr = spec.rpartition(":")
    if not left or not attr:
        raise TargetError(f"target {spec!r} must look like path/to/file.py:ClassOrFactory or package.module:Name")
    return left, attr


def resolve_target(spec: str) -> Target:
    left, attr = _split(spec)
    if left.endswith(".py") or os.sep in left or "/" in left:
        path = os.path.abspath(left)
        if not os.path.isfile(path):
            raise TargetError(f"file not found: {left}")
        name = "_initlint_target_" + os.path.splitext(os.path.basename(path))[0].replace("-", "_")
        directory = os.path.dirname(path)
        if directory not in sys.path:
            sys.path.insert(0, directory)
        spec_ = importlib.util.spec_from_file_location(name, path)
        if spec_ is None or spec_.loader is None:
            raise TargetError(f"cannot import {left}")
        module = importlib.util.module_from_spec(spec_)
        sys.modules[name] = module
        try:
            spec_.loader.exec_module(module)
        except SystemExit as e:
            raise TargetError(f"importing {left} called sys.exit({e.code!r})") from e
        except TargetError:
            raise
        except Exception as e:  # noqa: BLE001 - reported to the user
            raise TargetError(f"importing {left} raised {type(e).__name__}: {e}") from e
    else:
        # ``package.module:Name`` imports from the current directory, as ``python -m`` would, also when run
        # through the console script (whose sys.path starts at its own bin directory)
        cwd = os.getcwd()
        if "" not in sys.path and cwd not in sys.path:
            sys.path.insert(0, cwd)
        try:
            module = importlib.import_module(left)
        except ModuleNotFoundError as e:
            raise TargetError(f"cannot import module {left!r}: {e}") from e
        except Exception as e:  # noqa: BLE001
            raise TargetError(f"importing {left} raised {type(e).__name__}: {e}") from e
        path = getattr(module, "__file__", None)
    obj: Any = module
    for part in attr.split("."):
        if not hasattr(obj, part):
            raise TargetError(f"{left} has no attribute {attr!r}")
        obj = getattr(obj, part)
    return Target(spec, module, obj, attr, path)


def build_model(target: Target, args: list | None = None, kwargs: dict | None = None, *,
                device: str | None = None, seed: int | None = None, record: Any = None, meta: bool = False):
    """Construct the class or call the factory exactly as the user would (never re-initialized).

    ``record``: a context manager (``initlint.runtime.record.record_build()``) the build runs under.
    ``meta``: build on the meta device instead (then :func:`materialize` it, as large-model training does)."""
    if meta:
        device = "meta"
    import contextlib

    import torch
    import torch.nn as nn

    obj = target.obj
    if not callable(obj):
        raise TargetError(f"{target.attr} is not a class or a factory function")
    if seed is not None:
        torch.manual_seed(seed)
    try:
        with record if record is not None else contextlib.nullcontext():
            if device and device != "cpu":
                with torch.device(device):
                    model = obj(*(args or []), **(kwargs or {}))
            else:
                model = obj(*(args or []), **(kwargs or {}))
    except SystemExit as e:
        raise TargetError(f"building {target.attr} called sys.exit({e.code!r})") from e
    except TargetError:
        raise
    except Exception as e:  # noqa: BLE001
        raise TargetError(f"building {target.attr} raised {type(e).__name__}: {e}") from e
    if not isinstance(model, nn.Module):
        raise TargetError(f"{target.attr}(...) returned {type(model).__name__}, not a torch.nn.Module")
    if meta:
        return model
    params = list(model.parameters())
    needs_move = device and any(p.device.type != torch.device(device).type for p in params) \
        and not any(p.device.type == "meta" for p in params)
    if needs_move:
        try:
            model = model.to(device)
        except Exception as e:  # noqa: BLE001
            raise TargetError(f"moving the model to {device} raised {type(e).__name__}: {e}") from e
    return model


def materialize(model, device: str) -> str:
    """``model.to_empty(device=...)`` then the model's init entry point: ``init_weights()`` when the model has
    one that takes no arguments, else every module's own ``reset_parameters()``, children first. Returns what
    ran (for the notes)."""
    import inspect

    try:
        model.to_empty(device=device)
    except Exception as e:  # noqa: BLE001
        raise TargetError(f"model.to_empty(device={device!r}) raised {type(e).__name__}: {e}") from e
    entry = getattr(model, "init_weights", None)
    if callable(entry):
        try:
            sig = inspect.signature(entry)
            needs = [p for p in sig.parameters.values() if p.default is p.empty
                     and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
        except (TypeError, ValueError):
            needs = []
        if not needs:
            try:
                entry()
            except Exception as e:  # noqa: BLE001
                raise TargetError(f"{type(model).__name__}.init_weights() raised {type(e).__name__}: {e}") from e
            return f"to_empty(device={device!r}) then {type(model).__name__}.init_weights()"
    n = 0
    for m in reversed(list(model.modules())):
        reset = getattr(m, "reset_parameters", None)
        if callable(reset):
            try:
                reset()
            except Exception as e:  # noqa: BLE001
                raise TargetError(f"{type(m).__name__}.reset_parameters() raised {type(e).__name__}: {e}") from e
            n += 1
    return f"to_empty(device={device!r}) then reset_parameters() of {n} module(s), children first"
