"""pytest plugin (entry point ``pytest11``: ``initlint``); torch is imported only when the fixture is used.

Fixture ``initlint_check``: a callable with the signature of
:func:`initlint.testing.assert_initialized`::

    def test_init(initlint_check):
        initlint_check(MyModel(), scheme={"Linear.weight": "xavier_normal", "*": "default"})
"""
from __future__ import annotations

import pytest


@pytest.fixture
def initlint_check():
    """Return :func:`initlint.testing.assert_initialized` (fails the test with the report table)."""
    from initlint.testing import assert_initialized

    return assert_initialized
