"""How a user's own test suite uses initlint (run: pytest examples/runtime/test_my_model.py)."""
import pytest

torch = pytest.importorskip("torch")

from initlint.testing import assert_initialized  # noqa: E402

from resnet_like import SmallNet  # noqa: E402


def test_declared_init_holds():
    # no scheme: the init code of SmallNet itself (its self.modules() loop and the direct zeros_) is the spec
    assert_initialized(SmallNet())


def test_with_fixture(initlint_check):
    initlint_check(SmallNet(), scheme={
        "Conv2d.weight": {"init": "kaiming_normal", "mode": "fan_out", "nonlinearity": "relu"},
        "BatchNorm2d.weight": "ones", "BatchNorm2d.bias": "zeros", "head.*.bias": "zeros", "*": "default"})
