"""initlint.testing.assert_initialized and the pytest plugin fixture."""
import pytest
import torch.nn as nn

from initlint.testing import assert_initialized


def test_assert_initialized_passes_and_raises_with_table():
    report = assert_initialized(nn.Linear(64, 64))
    assert report.passed
    m = nn.Linear(64, 64)
    nn.init.xavier_normal_(m.weight)
    with pytest.raises(AssertionError) as exc:
        assert_initialized(m)
    text = str(exc.value)
    assert "weight" in text and "FAIL" in text and "p-value" in text
    assert_initialized(m, scheme={"Linear.weight": "xavier_normal", "*": "default"})


def test_plugin_fixture(pytester):
    pytester.makepyfile(
        """
        import torch.nn as nn

        def test_ok(initlint_check):
            initlint_check(nn.Linear(32, 32))

        def test_bad(initlint_check):
            m = nn.Linear(32, 32)
            nn.init.zeros_(m.weight)
            initlint_check(m)
        """
    )
    from importlib.metadata import entry_points

    installed = any(ep.value == "initlint.pytest_plugin" for ep in entry_points(group="pytest11"))
    args = [] if installed else ["-p", "initlint.pytest_plugin"]  # the entry point loads it when installed
    result = pytester.runpytest_inprocess(*args)
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*initialization does not match the declared scheme*"])
