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
    assert "PASSED" in out and "p-value" not in out  # the summary only: the table of every tensor is -v's
    assert main(["verify", f"{model_file}:Small", "--device", "cpu", "--defaults", "-v"]) == 0
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
    out = " ".join(capsys.readouterr().out.split())  # wrapped to the width
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


MISBEHAVE = textwrap.dedent('''
    import os
    import time
    import torch.nn as nn

    def chatty():
        print("building the model...")
        return nn.Linear(64, 64)

    def hangs():
        time.sleep(60)

    def hard_exit():
        os._exit(0)
''')


def test_target_stdout_goes_to_stderr_json_stays_valid(tmp_path, capsys):
    f = tmp_path / "misbehave.py"
    f.write_text(MISBEHAVE)
    assert main(["verify", f"{f}:chatty", "--device", "cpu", "--output-format", "json"]) == 0
    cap = capsys.readouterr()
    assert json.loads(cap.out)["parameters"][0]["name"] == "weight"
    assert "building the model..." in cap.err


def test_os_exit_in_the_constructor_is_an_error(tmp_path, capsys):
    f = tmp_path / "misbehave.py"
    f.write_text(MISBEHAVE)
    assert main(["verify", f"{f}:hard_exit", "--device", "cpu"]) == 2
    assert "called os._exit(0)" in capsys.readouterr().err


def test_timeout_of_a_hanging_constructor(tmp_path):
    import os

    f = tmp_path / "misbehave.py"
    f.write_text(MISBEHAVE)
    src = os.path.join(os.path.dirname(__file__), "..", "..", "src")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([src, os.environ.get("PYTHONPATH", "")]))
    import time

    t0 = time.monotonic()
    out = subprocess.run([sys.executable, "-m", "initlint.runtime.cli", "verify", f"{f}:hangs", "--device", "cpu",
                          "--timeout", "3"], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 2 and "did not finish within 3 s (--timeout)" in out.stderr
    assert time.monotonic() - t0 < 50  # the constructor sleeps 60 s: the watchdog ended it
    assert "returned NoneType" not in out.stderr


def _small(model_file):
    import importlib.util

    spec = importlib.util.spec_from_file_location("mm_ck", model_file)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.Small


def test_checkpoint_containers_prefix_and_keys(model_file, tmp_path, capsys):
    import torch

    torch.manual_seed(5)
    sd = _small(model_file)().state_dict()
    ck = tmp_path / "wrapped.pt"
    torch.save({"epoch": 3, "model": {f"module.{k}": v for k, v in sd.items()}}, ck)
    # the model built by the target is not the checkpoint: every loaded tensor was re-initialized -> differs
    rc = main(["verify", f"{model_file}:Small", "--checkpoint", str(ck), "--device", "cpu", "--output-format", "json"])
    doc = json.loads(capsys.readouterr().out)
    p = {e["name"]: e["verdict"] for e in doc["parameters"]}
    assert rc == 1 and p["fc.weight"] == p["fc.bias"] == "overwritten"
    assert p["bn.weight"] == "pretrained"  # ones: the same values as in the checkpoint
    assert "checkpoint: the state dict under 'model'" in doc["notes"]
    assert "checkpoint: the prefix 'module.' common to all its keys was stripped" in doc["notes"]
    partial = tmp_path / "partial.pt"
    torch.save({"fc.weight": sd["fc.weight"], "extra.weight": sd["fc.weight"]}, partial)
    main(["verify", f"{model_file}:Small", "--checkpoint", str(partial), "--device", "cpu", "--output-format",
          "json"])
    notes = json.loads(capsys.readouterr().out)["notes"]
    assert any(n.startswith("checkpoint: 1 key(s) match no tensor of the model: extra.weight") for n in notes)
    assert any(n.startswith("checkpoint: ") and "not in it: fc.bias" in n for n in notes)
    empty = tmp_path / "empty.pt"
    torch.save({}, empty)
    assert main(["verify", f"{model_file}:Small", "--checkpoint", str(empty), "--device", "cpu"]) == 2
    assert "is empty" in capsys.readouterr().err
    nothing = tmp_path / "nothing.pt"
    torch.save({"a.b": sd["fc.weight"]}, nothing)
    assert main(["verify", f"{model_file}:Small", "--checkpoint", str(nothing), "--device", "cpu"]) == 2
    assert "none of its keys names a tensor of the model" in capsys.readouterr().err


def test_checkpoint_new_head_shape_is_newly_initialized(tmp_path, capsys):
    import torch

    f = tmp_path / "ft.py"
    f.write_text(textwrap.dedent('''
        import torch
        import torch.nn as nn

        class Net(nn.Module):
            def __init__(self, classes=10):
                super().__init__()
                self.body = nn.Linear(64, 64)
                self.head = nn.Linear(64, classes)

        def finetune():
            m = Net(classes=3)
            sd = torch.load(CKPT, weights_only=True)
            sd = {k: v for k, v in sd.items() if not k.startswith("head.")}
            m.load_state_dict(sd, strict=False)
            return m
    '''))
    import importlib.util

    spec = importlib.util.spec_from_file_location("ft_mod", f)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    from safetensors.torch import save_file

    sd = mod.Net(10).state_dict()
    ck = tmp_path / "pre.safetensors"  # what verify compares with, read with the safetensors package
    save_file(sd, str(ck))
    pt = tmp_path / "pre.pt"  # what the target loads
    torch.save(sd, pt)
    f.write_text(f.read_text().replace("CKPT", repr(str(pt))))
    rc = main(["verify", f"{f}:finetune", "--checkpoint", str(ck), "--device", "cpu", "--output-format", "json"])
    doc = json.loads(capsys.readouterr().out)
    p = {e["name"]: e for e in doc["parameters"]}
    assert rc == 0, p
    assert p["body.weight"]["verdict"] == "pretrained"
    assert p["head.weight"]["verdict"] == "pass"
    assert p["head.weight"]["reason"].startswith("newly initialized: its shape differs from the checkpoint's")


def test_module_target_imports_from_the_current_directory(tmp_path):
    """As with the console script, whose sys.path does not hold the current directory."""
    import os

    (tmp_path / "mypkg_cwd").mkdir()
    (tmp_path / "mypkg_cwd" / "__init__.py").write_text("")
    (tmp_path / "mypkg_cwd" / "net.py").write_text("import torch.nn as nn\n\ndef build():\n"
                                                   "    return nn.Linear(64, 64)\n")
    src = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "src"))
    code = ("import sys; sys.path = [p for p in sys.path if p not in ('', '.')]; "
            f"sys.path.insert(0, {src!r}); "
            "from initlint.runtime.cli import main; "
            "sys.exit(main(['verify', 'mypkg_cwd.net:build', '--device', 'cpu']))")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "PASSED" in out.stdout


MYMODELS = "import torch.nn as nn\n\n\nclass Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n" \
           "        self.fc = nn.Linear(64, 64)\n"


def _console_script():
    import os
    import sysconfig

    for d in {sysconfig.get_path("scripts"), os.path.dirname(sys.executable)}:
        p = os.path.join(d, "initlint" + (".exe" if os.name == "nt" else ""))
        if os.path.isfile(p):
            return p
    return None


def test_console_script_imports_a_module_target_from_the_current_directory(tmp_path):
    """`initlint verify mymodels:Net` run where mymodels.py lies: the console script's sys.path[0] is its own bin
    directory, not the current one. The installed script when there is one, else the same entry point run
    from a file in another directory (which makes that directory sys.path[0], as the script's does)."""
    import os

    (tmp_path / "mymodels.py").write_text(MYMODELS)
    src = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "src"))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([src, os.environ.get("PYTHONPATH", "")]))
    script = _console_script()
    if script is None:
        bindir = tmp_path / "bin"
        bindir.mkdir()
        script = bindir / "initlint"
        script.write_text("import sys\nfrom initlint.cli import main\nsys.exit(main())\n")
    cmd = [sys.executable, str(script), "verify", "mymodels:Net", "--device", "cpu"]
    out = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "PASSED" in out.stdout and "cannot import module" not in out.stderr
