import os
import textwrap

import pytest

# the runs of the test suite (and the subprocesses they start) share one cache outside the repository; the tests
# of the cache's own location unset this
if "INITLINT_CACHE_DIR" not in os.environ:
    import atexit
    import shutil
    import tempfile

    _cache_home = tempfile.mkdtemp(prefix="initlint-test-cache-")
    atexit.register(shutil.rmtree, _cache_home, True)
    os.environ["INITLINT_CACHE_DIR"] = os.path.join(_cache_home, "cache")

from initlint.engine import check_paths, check_source
from initlint.rules import select_rules


@pytest.fixture
def lint():
    """lint(source, select=None, extend=None) -> findings for one file."""

    def run(source, select=None, extend=None):
        return check_source(textwrap.dedent(source), "snippet.py", select_rules(select, None, extend))

    return run


@pytest.fixture
def lint_project(tmp_path):
    """lint_project({"pkg/a.py": src, ...}) -> findings over a whole project."""

    def run(files, select=None, extend=None):
        for name, text in files.items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text))
        result = check_paths([str(tmp_path)], select_rules(select, None, extend), jobs=1)
        for f in result.findings:
            f.path = os.path.relpath(f.path, tmp_path)
        return result.findings

    return run


def pytest_addoption(parser):
    parser.addoption("--run-slow", action="store_true", default=False,
                     help="also run the tests marked slow (big fuzz samples); `-m slow` runs only those")


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: a big sample or a benchmark-like test, out of the default run")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--run-slow") or "slow" in (config.getoption("-m") or ""):
        return
    skip = pytest.mark.skip(reason="slow: run with --run-slow (or -m slow)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
