"""CLI: exit codes, text and json output, errors without tracebacks."""
import json
import subprocess
import sys
import textwrap

import pytest

from initlint.runtime.cli import main

MODEL = textwrap.dedent('''
    import torch.nn as nn

    class Small(nn.Module):
        def __init__(self, width=64):
            super().__init__()
            self.fc = nn.Linear(width, width)
            self.bn = nn.BatchNorm1d(width)

    def xavier():
        m = Small()
        nn.init.xavier_uniform_(m.fc.weight)
        return m

    def boom():
        raise ValueError("width must be even")

    def leaves():
        raise SystemExit(3)

    NOT_A_MODEL = 3

    def not_a_module():
        return 42
''')


@pytest.fixture
def model_file(tmp_path):
    p = tmp_path / "mymodel.py"
    p.write_text(MODEL)
    return p


def test_verify_pass_and_text_table(model_file, capsys):
    assert main(["verify", f"{model_file}:Small", "--device", "cpu", "--defaults"]) == 0
    out = capsys.readouterr().out
    for col in ("parameter", "layer", "shape", "expected", "mean", "std", "min", "max", "verdict", "p-value"):
        assert col in out
    assert "fc.weight" in out and "PASSED" in out


def test_verify_kwargs_and_json(model_file, capsys):
    rc = main(["verify", f"{model_file}:Small", "--kwargs", '{"width": 32}', "--output-format", "json",
               "--device", "cpu", "--defaults"])
    assert rc == 0
    doc = json.loads(capsys.readouterr().out)
    p = doc["parameters"][0]
    assert p["name"] == "fc.weight" and p["shape"] == [32, 32] and p["verdict"] == "pass"
    assert set(["name", "layer", "shape", "expected", "verdict", "best_match", "p_value", "stats"]) <= set(p)


def test_verify_mismatch_exit_1(model_file, capsys):
    assert main(["verify", f"{model_file}:xavier", "--device", "cpu", "--defaults"]) == 1
    out = capsys.readouterr().out
    assert "FAIL" in out and "looks like: xavier_uniform_" in out


def test_scheme_file(model_file, tmp_path, capsys):
    scheme = tmp_path / "scheme.toml"
    scheme.write_text('[scheme]\n"Linear.weight" = "xavier_uniform"\n"*" = "default"\n')
    assert main(["verify", f"{model_file}:xavier", "--scheme", str(scheme), "--device", "cpu"]) == 0
    scheme.write_text('[scheme]\n"Linear.weight" = "xavier_unifrm"\n')
    assert main(["verify", f"{model_file}:xavier", "--scheme", str(scheme), "--device", "cpu"]) == 2
    assert "did you mean 'xavier_uniform'" in capsys.readouterr().err


@pytest.mark.parametrize("target,msg", [
    ("{f}:boom", "building boom raised ValueError: width must be even"),
    ("{f}:leaves", "building leaves called sys.exit(3)"),
    ("{f}:Missing", "has no attribute 'Missing'"),
    ("{f}:NOT_A_MODEL", "not a class or a factory"),
    ("{f}:not_a_module", "returned int, not a torch.nn.Module"),
    ("nonexistent/file.py:X", "file not found"),
    ("no_such_pkg_xyz.mod:X", "cannot import module"),
    ("just_a_name", "must look like"),
])
def test_errors_exit_2_without_traceback(model_file, capsys, target, msg):
    assert main(["verify", target.format(f=model_file), "--device", "cpu"]) == 2
    err = capsys.readouterr().err
    assert msg in err and "Traceback" not in err


def test_verbose_shows_traceback(model_file, capsys):
    assert main(["verify", f"{model_file}:boom", "--device", "cpu", "--verbose"]) == 2
    assert "Traceback" in capsys.readouterr().err


def test_bad_json_args(model_file, capsys):
    assert main(["verify", f"{model_file}:Small", "--args", "[1,", "--device", "cpu"]) == 2
    assert "--args is not valid JSON" in capsys.readouterr().err


def test_module_target_and_inspect(capsys):
    assert main(["inspect", "torch.nn:Linear", "--args", "[128, 64]", "--device", "cpu",
                 "--output-format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["parameters"][0]["best_match"].startswith("default: kaiming_uniform_")


def test_checkpoint_flag(model_file, tmp_path, capsys):
    import torch
    import importlib.util
    spec = importlib.util.spec_from_file_location("mm", model_file)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    ck = tmp_path / "ck.pt"
    torch.save(mod.Small().state_dict(), ck)
    assert main(["verify", f"{model_file}:Small", "--checkpoint", str(ck), "--device", "cpu"]) == 1
    assert "OVERWRITTEN" in capsys.readouterr().out
    bad = tmp_path / "bad.pt"
    bad.write_text("not a checkpoint")
    assert main(["verify", f"{model_file}:Small", "--checkpoint", str(bad), "--device", "cpu"]) == 2


def test_register_does_not_import_torch():
    code = ("import argparse, sys\n"
            "from initlint.runtime import cli\n"
            "p = argparse.ArgumentParser(); s = p.add_subparsers()\n"
            "cli.register(s)\n"
            "a = p.parse_args(['verify', 'x.py:M'])\n"
            "import initlint.testing, initlint.pytest_plugin\n"
            "assert callable(a.func)\n"
            "print('torch' in sys.modules, 'numpy' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False False"


def test_main_cli_entry_point(tmp_path):
    """The lead's `initlint` CLI exposes verify/inspect (exit codes pass through)."""
    import os

    seed = os.path.join(os.path.dirname(__file__), "..", "..", "examples", "runtime", "seed_net.py")
    from initlint.cli import main as initlint_main

    assert initlint_main(["verify", f"{seed}:build", "--device", "cpu"]) == 0
    assert initlint_main(["verify", f"{seed}:build_no_apply", "--device", "cpu"]) == 1
    assert initlint_main(["inspect", f"{seed}:build", "--device", "cpu"]) == 0
