"""Assertions for users' own test suites (imports torch only when called).

    from initlint.testing import assert_initialized

    def test_model_init():
        assert_initialized(MyModel(), scheme={"Linear.weight": "xavier_normal", "Linear.bias": "zeros"})
"""
from __future__ import annotations

from typing import Any

__all__ = ["assert_initialized"]


def assert_initialized(model: Any, scheme: Any = None, *, alpha: float = 1e-3, seed: int = 0,
                       checkpoint: dict | None = None, declared: bool = True, strict: bool = False):
    """Raise ``AssertionError`` (carrying the report table) unless every parameter of ``model`` matches.

    ``model``: a built module, or a class or factory (called with no arguments) that initlint builds itself
    while recording which operation wrote each tensor -- the stronger check: a declared init that never ran,
    a tensor nothing wrote, and values that are not what the recorded init draws are then named. ``strict``:
    tensors that could not be verified fail too.

    ``scheme``: a mapping in the ``[scheme]`` TOML form (``{"Linear.weight": "xavier_normal", ...}``), a path
    to a TOML file, or a :class:`initlint.runtime.Scheme`. With ``scheme=None`` the scheme declared by the
    model's class in its own source (``self.modules()`` loops, ``self.apply(fn)``) is used when initlint can
    read it (``declared=True``), PyTorch's defaults otherwise. Returns the report when everything passes.
    """
    import torch.nn as nn

    from initlint.runtime.verify import verify_model

    record = None
    if not isinstance(model, nn.Module) and callable(model):
        from initlint.runtime.record import record_build

        factory = model
        with record_build() as record:
            model = factory()
        if not isinstance(model, nn.Module):
            raise TypeError(f"{factory!r}() returned {type(model).__name__}, not a torch.nn.Module")
    resolver = None
    notes: list[str] = []
    if scheme is None and declared:
        from initlint.runtime.declared import declared_resolver_for_class

        resolver, notes = declared_resolver_for_class(type(model), model)
    report = verify_model(model, scheme, resolver=resolver, alpha=alpha, seed=seed, checkpoint=checkpoint,
                          target=type(model).__name__, record=record, strict=strict)
    report.notes[:0] = notes
    if not report.passed:
        from initlint.runtime.report import format_text

        raise AssertionError("initialization does not match the declared scheme:\n"
                             + format_text(report, verbose=True))
    return report
