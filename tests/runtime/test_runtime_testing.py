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


def test_plugin_fixture(tmp_path):
    import os
    import subprocess
    import sys
    from importlib.metadata import entry_points

    (tmp_path / "test_user.py").write_text(
        "import torch.nn as nn\n"
        "\n"
        "def test_ok(initlint_check):\n"
        "    initlint_check(nn.Linear(32, 32))\n"
        "\n"
        "def test_bad(initlint_check):\n"
        "    m = nn.Linear(32, 32)\n"
        "    nn.init.zeros_(m.weight)\n"
        "    initlint_check(m)\n"
    )
    installed = any(ep.value == "initlint.pytest_plugin" for ep in entry_points(group="pytest11"))
    args = [] if installed else ["-p", "initlint.pytest_plugin"]  # the entry point loads it when installed
    src = os.path.join(os.path.dirname(__file__), "..", "..", "src")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([src, os.environ.get("PYTHONPATH", "")]))
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path), *args],
                         capture_output=True, text=True, cwd=tmp_path, env=env)
    assert "1 failed, 1 passed" in out.stdout, out.stdout + out.stderr
    assert "initialization does not match the declared scheme" in out.stdout
