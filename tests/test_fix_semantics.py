"""Fixes never change what the code means, apart from the bug they remove.

INI204's unsafe fix turns an exact type test into ``isinstance``. Each spelling of the test (``==``, ``!=``,
``is``, ``is not``, ``not ...``, ``m.__class__``), in each place (the ``if`` itself, its ``else`` branch, the code
after an early ``return``), is fixed, and the fixed function is run on sample modules: it must do exactly what the
original did on every module except a subclass of the tested type, which it now treats like the type itself.
"""

from __future__ import annotations

import contextlib
import io
import os
import textwrap
from types import SimpleNamespace

import pytest

from initlint.cli import main

HEADER = "import torch.nn as nn\n\n\n"
#: a model the init is applied to, building subclasses of the tested types (INI204 reports only a test that is
#: known to skip something); cut off before the fixed code is run on the sample modules
MODEL = "\n\n# the model\n" \
    "class ScaledLinear(nn.Linear):\n    pass\n\n\nclass WideConv(nn.Conv2d):\n    pass\n\n\n" \
    "net = nn.Sequential(ScaledLinear(2, 2), WideConv(1, 1, 1))\nnet.apply(init_weights)\ninit_weights(net)\n"

FORMS = {
    "eq": """
        def init_weights(m):
            if type(m) == nn.Linear:
                nn.init.xavier_uniform_(m.weight)
        """,
    "is": """
        def init_weights(m):
            if type(m) is nn.Linear:
                nn.init.xavier_uniform_(m.weight)
        """,
    "ne_body": """
        def init_weights(m):
            if type(m) != nn.Linear:
                nn.init.xavier_uniform_(m.weight)
        """,
    "ne_early_return": """
        def init_weights(m):
            if type(m) != nn.Linear:
                return
            nn.init.xavier_uniform_(m.weight)
            nn.init.zeros_(m.bias)
        """,
    "is_not_early_return": """
        def init_weights(m):
            if type(m) is not nn.Linear:
                return
            nn.init.xavier_uniform_(m.weight)
        """,
    "not_eq_early_return": """
        def init_weights(m):
            if not type(m) == nn.Linear:
                return
            nn.init.xavier_uniform_(m.weight)
        """,
    "not_eq_body": """
        def init_weights(m):
            if not type(m) == nn.Linear:
                nn.init.xavier_uniform_(m.weight)
        """,
    "not_paren_is_early_return": """
        def init_weights(m):
            if not (type(m) is nn.Linear):
                return
            nn.init.xavier_uniform_(m.weight)
        """,
    "not_ne_body": """
        def init_weights(m):
            if not type(m) != nn.Linear:
                nn.init.xavier_uniform_(m.weight)
        """,
    "else_branch": """
        def init_weights(m):
            if type(m) == nn.Linear:
                nn.init.zeros_(m.bias)
            else:
                nn.init.xavier_uniform_(m.weight)
        """,
    "else_only": """
        def init_weights(m):
            if type(m) == nn.Linear:
                pass
            else:
                nn.init.xavier_uniform_(m.weight)
        """,
    "ne_else_branch": """
        def init_weights(m):
            if type(m) != nn.Linear:
                nn.init.ones_(m.weight)
            else:
                nn.init.xavier_uniform_(m.weight)
        """,
    "elif_chain": """
        def init_weights(m):
            if type(m) == nn.Conv2d:
                nn.init.kaiming_normal_(m.weight)
            elif type(m) != nn.Linear:
                nn.init.ones_(m.weight)
            else:
                nn.init.xavier_uniform_(m.weight)
        """,
    "class_attr_early_return": """
        def init_weights(m):
            if m.__class__ != nn.Linear:
                return
            nn.init.xavier_uniform_(m.weight)
        """,
    "in_and": """
        def init_weights(m):
            if type(m) != nn.Linear and m.bias is not None:
                nn.init.zeros_(m.bias)
        """,
    "early_continue_in_loop": """
        def init_weights(model):
            for m in model.modules():
                if type(m) is not nn.Linear:
                    continue
                nn.init.xavier_uniform_(m.weight)
        """,
}


class Module:
    def __init__(self):
        self.weight = "weight"
        self.bias = "bias"

    def modules(self):
        return [self]


class Linear(Module):
    pass


class Conv2d(Module):
    pass


class ScaledLinear(Linear):
    pass


def fake_nn(calls):
    def recorder(name):
        return lambda tensor, *args, **kwargs: calls.append((name, tensor))

    init = SimpleNamespace(**{name: recorder(name) for name in
                              ("xavier_uniform_", "zeros_", "ones_", "kaiming_normal_")})
    return SimpleNamespace(Linear=Linear, Conv2d=Conv2d, init=init)


def behaviour(text: str, module) -> list:
    calls: list = []
    namespace = {"nn": fake_nn(calls)}
    code = text.replace("import torch.nn as nn\n", "").split("# the model")[0]
    exec(compile(code, "<fixed>", "exec"), namespace)
    namespace["init_weights"](module)
    return calls


def run_fix(tmp_path, name: str, body: str) -> str:
    folder = tmp_path / name
    folder.mkdir()
    path = folder / "init.py"
    path.write_text(HEADER + textwrap.dedent(body) + MODEL)
    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    try:
        os.chdir(folder)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main(["check", "--isolated", "--select", "INI204", "--fix", "--unsafe-fixes", "init.py"])
    finally:
        os.chdir(here)
    assert "Fixed" in err.getvalue() and "Fixed 0 errors" not in err.getvalue(), (name, err.getvalue())
    return path.read_text()


@pytest.mark.parametrize("name", sorted(FORMS))
def test_exact_type_fix_keeps_the_meaning(tmp_path, name):
    original = HEADER + textwrap.dedent(FORMS[name]) + MODEL
    fixed = run_fix(tmp_path, name, FORMS[name])
    assert fixed != original
    assert "type(m)" not in fixed and "__class__" not in fixed, fixed
    for cls in (Linear, Conv2d, Module):
        assert behaviour(fixed, cls()) == behaviour(original, cls()), (name, cls.__name__, fixed)
    # the subclass, which the exact test skipped, is now treated like the class it derives from
    assert behaviour(fixed, ScaledLinear()) == behaviour(original, Linear()), (name, fixed)
    # and the fix leaves nothing to fix
    assert run_fix_again(tmp_path, name) == fixed


def run_fix_again(tmp_path, name: str) -> str:
    folder = tmp_path / name
    here = os.getcwd()
    try:
        os.chdir(folder)
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            code = main(["check", "--isolated", "--select", "INI204", "--fix", "--unsafe-fixes", "init.py"])
    finally:
        os.chdir(here)
    assert code == 0
    return (folder / "init.py").read_text()


def test_exact_type_fix_reads_well(tmp_path):
    fixed = run_fix(tmp_path, "read", FORMS["not_eq_early_return"])
    assert "    if not isinstance(m, nn.Linear):\n        return\n" in fixed
    fixed = run_fix(tmp_path, "read2", FORMS["ne_early_return"])
    assert "    if not isinstance(m, nn.Linear):\n        return\n" in fixed
    fixed = run_fix(tmp_path, "read3", FORMS["else_branch"])
    assert "    if isinstance(m, nn.Linear):\n        nn.init.zeros_(m.bias)\n    else:\n" in fixed


def test_a_tuple_compared_with_a_type_is_not_rewritten(tmp_path):
    """``type(m) == (A, B)`` is never true: ``isinstance(m, (A, B))`` would do more than drop the exact match."""
    folder = tmp_path / "tuple"
    folder.mkdir()
    body = HEADER + "def init_weights(m):\n    if type(m) == (nn.Linear, nn.Conv2d):\n" \
                    "        nn.init.xavier_uniform_(m.weight)\n"
    (folder / "init.py").write_text(body)
    here = os.getcwd()
    try:
        os.chdir(folder)
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            main(["check", "--isolated", "--select", "INI204", "--fix", "--unsafe-fixes", "init.py"])
    finally:
        os.chdir(here)
    assert (folder / "init.py").read_text() == body
