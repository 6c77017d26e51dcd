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
