"""The runtime verifier's tests need torch: without it the directory is skipped. scipy (used only to
cross-check initlint's own distribution functions, never by the package) is optional: without it only the
cross-checking modules are skipped."""
import importlib.util

import pytest

if importlib.util.find_spec("torch") is None:
    collect_ignore_glob = ["test_*.py"]  # skip the whole directory cleanly
else:
    if importlib.util.find_spec("scipy") is None:
        collect_ignore_glob = ["test_runtime_stats.py", "test_runtime_formulas.py"]

    import torch

    @pytest.fixture(autouse=True)
    def _seeded():
        torch.manual_seed(0)
        yield
