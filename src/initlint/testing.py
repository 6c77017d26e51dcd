"""Assertions for users' own test suites (imports torch only when called).

    from initlint.testing import assert_initialized

    def test_model_init():
        assert_initialized(MyModel(), scheme={"Linear.weight": "xavier_normal", "Linear.bias": "zeros"})
"""
from __future__ import annotations

from typing import Any

__all__ = ["assert_initialized"]


def assert_initialized(model: Any, scheme: Any = None, *, alpha: float = 1e-3, seed: int = 0,
                       checkpoint: dict | None = None, declared: bool = True):
    """Raise ``AssertionError`` (carrying the report table) unless every parameter of ``model`` matches.

    ``scheme``: a mapping in the ``[scheme]`` TOML form (``{"Linear.weight": "xavier_normal", ...}``), a path
    to a TOML file, or a :class:`initlint.runtime.Scheme`. With ``scheme=None`` the scheme declared by the
    model's class in its own source (``self.modules()`` loops, ``self.apply(fn)``) is used when initlint can
    read it (``declared=True``), PyTorch's defaults otherwise. Returns the report when everything passes.
    """
    from initlint.runtime.verify import verify_model

    resolver = None
    notes: list[str] = []
    if scheme is None and declared:
        from initlint.runtime.declared import declared_resolver_for_class

        resolver, notes = declared_resolver_for_class(type(model), model)
    report = verify_model(model, scheme, resolver=resolver, alpha=alpha, seed=seed, checkpoint=checkpoint,
                          target=type(model).__name__)
    report.notes[:0] = notes
    if not report.passed:
        raise AssertionError("initialization does not match the declared scheme:\n" + report.to_text())
    return report
