"""initlint's runtime verifier: build a model, check its parameters against the declared init scheme.

Needs ``torch`` (``pip install 'initlint[runtime]'``). Public API::

    from initlint.runtime import verify_model, inspect_model, expected_for, check_tensor, fingerprint
"""
from __future__ import annotations

from .checks import CheckResult, check_tensor, sample_tensor
from .defaults import default_expected
from .dists import Expected, RuntimeSchemeError
from .fingerprint import fingerprint
from .formulas import calculate_gain, expected_for, fan_in_and_fan_out
from .scheme import Rule, Scheme, load_scheme, parse_scheme
from .verify import Entry, Report, inspect_model, verify_model

__all__ = [
    "CheckResult", "Entry", "Expected", "Report", "Rule", "RuntimeSchemeError", "Scheme", "calculate_gain",
    "check_tensor", "default_expected", "expected_for", "fan_in_and_fan_out", "fingerprint", "inspect_model",
    "load_scheme", "parse_scheme", "sample_tensor", "verify_model",
]
