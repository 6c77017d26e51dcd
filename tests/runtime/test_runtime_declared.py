"""Item 6: the declared scheme read from the model's own code (the seed tutorial is the acceptance case)."""
import os
import textwrap

import pytest

from initlint.runtime.cli import main
from initlint.testing import assert_initialized

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = os.path.join(ROOT, "examples", "runtime", "seed_net.py")


def _json(capsys):
    import json

    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_seed_build_passes(capsys, seed):
    assert main(["verify", f"{SEED}:build", "--device", "cpu", "--seed", str(seed), "--output-format", "json"]) == 0
    doc = _json(capsys)
    assert {p["verdict"] for p in doc["parameters"]} == {"pass"}
    assert doc["parameters"][0]["expected"].startswith("xavier_normal_")
    assert any("weight_init applied to Net" in n for n in doc["notes"])


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_seed_build_no_apply_fails_and_names_layers(capsys, seed):
    assert main(["verify", f"{SEED}:build_no_apply", "--device", "cpu", "--seed", str(seed),
                 "--output-format", "json"]) == 1
    doc = _json(capsys)
    failed = {p["name"]: p for p in doc["parameters"] if p["verdict"] == "fail"}
    assert set(failed) == {"layer.0.weight", "layer.2.weight", "layer.4.weight",
                           "layer.0.bias", "layer.2.bias", "layer.4.bias"}
    for n in ("layer.0.weight", "layer.2.weight", "layer.4.weight"):
        assert failed[n]["expected"].startswith("xavier_normal_")
        assert failed[n]["best_match"].startswith("default: kaiming_uniform_(a=sqrt(5))")
    assert failed["layer.0.bias"]["expected"] == "constant_(0)"


def test_seed_loop_net_passes_and_says_loop_covers_nothing(capsys):
    assert main(["verify", f"{SEED}:LoopNet", "--args", "[8, 16, 16, 4]", "--device", "cpu"]) == 0
    out = " ".join(capsys.readouterr().out.split())  # wrapped to the width
    assert "self.modules() loop in LoopNet.__init__ covers none of the model's layers" in out
    assert "not covered by the declared init code, judged by the record of what wrote them: layer.0.weight" in out


MODELS = textwrap.dedent('''
    import torch.nn as nn

    class Block(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(64, 64)
            self.norm = nn.LayerNorm(64)
            nn.init.orthogonal_(self.fc.weight)
            nn.init.zeros_(self.fc.bias)

    class Early(nn.Module):
        """The loop runs before the layers exist: declared xavier, actual default."""
        def __init__(self):
            super().__init__()
            for m in self.modules():
                if isinstance(m, nn.Linear):
                    nn.init.xavier_uniform_(m.weight)
            self.fc = nn.Linear(128, 128)

    class WithApply(nn.Module):
        def __init__(self):
            super().__init__()
            self.blocks = nn.Sequential(Block(), Block())
            self.emb = nn.Embedding(100, 64)
            self.head = nn.Linear(64, 10)
            self.apply(self._init)

        def _init(self, m):
            if isinstance(m, nn.Embedding):
                m.weight.data.normal_(0, 0.02)
            elif isinstance(m, nn.Linear) and m.out_features == 10:
                nn.init.normal_(m.weight, std=0.01)

    class Child(WithApply):
        pass

    def factory():
        model = WithApply()
        return model
''')


@pytest.fixture
def models(tmp_path):
    p = tmp_path / "models_decl.py"
    p.write_text(MODELS)
    return p


def test_loop_before_layers_is_caught(models, capsys):
    assert main(["verify", f"{models}:Early", "--device", "cpu"]) == 1
    assert "looks like: default: kaiming_uniform_" in " ".join(capsys.readouterr().out.split())


def test_self_apply_children_and_direct_inits(models, capsys):
    assert main(["verify", f"{models}:factory", "--device", "cpu", "--output-format", "json"]) == 0
    doc = _json(capsys)
    p = {e["name"]: e for e in doc["parameters"]}
    assert p["blocks.1.fc.bias"]["expected"] == "zeros_()"  # direct init in Block.__init__
    assert p["emb.weight"]["expected"] == "normal_(std=0.02)"  # self.apply(self._init), in-place method form
    assert p["emb.weight"]["written_by"] == "normal_(std=0.02) by WithApply._init (models_decl.py:31)"
    # `isinstance(m, nn.Linear) and m.out_features == 10` cannot be evaluated statically: every Linear may hold
    # either normal_(std=0.01) or what it had before; the record of the build says which one ran last
    assert p["head.weight"]["rule"].endswith("(under a condition initlint cannot evaluate: either): "
                                             "nn.init.normal_(m.weight, 0.01)")
    assert p["head.weight"]["expected"] == "normal_(std=0.01)"
    assert p["blocks.0.fc.weight"]["expected"] == "orthogonal_()"
    assert p["blocks.0.fc.weight"]["written_by"] == "orthogonal_() by Block.__init__ (models_decl.py:9)"
    assert p["blocks.0.norm.weight"]["rule"].startswith("not covered")
    assert {e["verdict"] for e in doc["parameters"]} <= {"pass", "inconclusive"}


def test_inherited_class_code_and_assert_initialized(models):
    import importlib.util

    spec = importlib.util.spec_from_file_location("models_decl", models)
    mod = importlib.util.module_from_spec(spec)
    import sys

    sys.modules["models_decl"] = mod
    spec.loader.exec_module(mod)
    report = assert_initialized(mod.Block())
    assert report.entry("fc.weight").expected.startswith("orthogonal_")
    with pytest.raises(AssertionError, match="fc.weight"):
        assert_initialized(mod.Early())
    child = mod.Child()  # inherits WithApply's self.apply(self._init)
    assert assert_initialized(child).entry("emb.weight").expected == "normal_(0, 0.02)"
    del sys.modules["models_decl"]


def test_module_level_apply_declares_for_class_target(tmp_path, capsys):
    """`model = Net(...); model.apply(weight_init)` at module level declares weight_init for Net instances."""
    src = open(SEED).read() + "\nmodel = Net(8, 16, 16, 4)\nmodel.apply(weight_init)\n"
    f = tmp_path / "seed_module_level.py"
    f.write_text(src.replace("def build():", "def _unused_build():"))
    assert main(["verify", f"{f}:Net", "--args", "[8, 16, 16, 4]", "--device", "cpu"]) == 1
    out = " ".join(capsys.readouterr().out.split())
    assert "weight_init applied to Net by .apply in module level" in out


def test_libraries_named_torch_something_are_read(tmp_path, capsys):
    """torchaudio, torchvision, torch_geometric: a module name starting with "torch" is not torch itself."""
    pkg = tmp_path / "torch_fancy"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "models.py").write_text(textwrap.dedent('''
        import torch.nn as nn

        class Encoder(nn.Module):
            def __init__(self):
                super().__init__()
                self.fc = nn.Linear(64, 64)
                self.apply(self._init)

            def _init(self, m):
                if isinstance(m, nn.Linear):
                    nn.init.xavier_uniform_(m.weight)
                    nn.init.zeros_(m.bias)

        class Forgot(Encoder):
            def __init__(self):
                nn.Module.__init__(self)
                self.fc = nn.Linear(64, 64)
    '''))
    import sys

    sys.path.insert(0, str(tmp_path))
    try:
        assert main(["verify", "torch_fancy.models:Encoder", "--device", "cpu"]) == 0
        out = " ".join(capsys.readouterr().out.split())
        assert "declared init code: Encoder._init applied by self.apply in Encoder.__init__" in out
        # the subclass never calls the apply: the declared init is read from the base, and never ran
        assert main(["verify", "torch_fancy.models:Forgot", "--device", "cpu"]) == 1
        assert "the declared init never ran for it" in " ".join(capsys.readouterr().out.split())
    finally:
        sys.path.remove(str(tmp_path))
        for name in [n for n in sys.modules if n.startswith("torch_fancy")]:
            del sys.modules[name]
