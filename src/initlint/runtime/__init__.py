"""initlint's runtime verifier: build a model, check its parameters against the declared init scheme.

Needs ``torch`` and numpy (``pip install 'initlint[runtime]'``). Importing this package is cheap: the public
names below are loaded on first use (so ``initlint check`` can register the ``verify``/``inspect``
subcommands without importing numpy or torch)::

    from initlint.runtime import verify_model, inspect_model, expected_for, check_tensor, fingerprint

    with record_build() as rec:          # record which operation last wrote each tensor
        model = MyModel()
    report = verify_model(model, record=rec)
"""
from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "CheckResult": "checks", "check_tensor": "checks", "sample_tensor": "checks",
    "default_expected": "defaults",
    "Expected": "dists", "RuntimeSchemeError": "dists",
    "fingerprint": "fingerprint",
    "Record": "record", "Write": "record", "record_build": "record",
    "calculate_gain": "formulas", "expected_for": "formulas", "fan_in_and_fan_out": "formulas",
    "Rule": "scheme", "Scheme": "scheme", "load_scheme": "scheme", "parse_scheme": "scheme",
    "Entry": "verify", "Report": "verify", "inspect_model": "verify", "verify_model": "verify",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    mod = _EXPORTS.get(name)
    if mod is None:
        raise AttributeError(f"module 'initlint.runtime' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{mod}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(list(globals()) + list(_EXPORTS))
