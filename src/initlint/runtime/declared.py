"""The declared scheme read from the model's own init code (placeholder until the static summary exists)."""
from __future__ import annotations

from typing import Any

from .verify import DefaultResolver


def declared_resolver(target: Any) -> tuple[Any, list[str]]:
    return DefaultResolver(), ["no declared init code found: checked against PyTorch's defaults"]


def declared_resolver_for_class(cls: type) -> tuple[Any, list[str]]:
    return DefaultResolver(), []
