"""Config values from the live instance (issue 10): ``std=self.config.initializer_range``, ``self.init_std``
and locals set from them are read with getattr on the built model, never eval'd."""
import ast
import json
import textwrap

import pytest
import torch

from initlint.runtime.cli import main
from initlint.runtime.declared import declared_resolver_for_class
from initlint.runtime.liveargs import _eval, _Unknown
from initlint.runtime.verify import verify_model

PLAIN = textwrap.dedent('''
    import torch.nn as nn


    class Plain(nn.Module):
        def __init__(self):
            super().__init__()
            self.init_std = 0.1
            self.fc = nn.Linear(128, 128)
            self.out = nn.Linear(128, 64)
            self.apply(self._init_weights)

        def _init_weights(self, m):
            std = self.init_std
            if isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, std=std)
                nn.init.zeros_(m.bias)


    class Changed(Plain):
        """The attribute the init reads says 0.1, but the init ran with 0.02."""
        def __init__(self):
            nn.Module.__init__(self)
            self.init_std = 0.02
            self.fc = nn.Linear(128, 128)
            self.out = nn.Linear(128, 64)
            self.apply(self._init_weights)
            self.init_std = 0.1
''')

HF = textwrap.dedent('''
    import transformers as T


    def cfg(r):
        return T.BertConfig(hidden_size=32, num_hidden_layers=2, num_attention_heads=2, intermediate_size=64,
                            max_position_embeddings=64, vocab_size=96, initializer_range=r)


    def bert():
        return T.BertModel(cfg(0.05))


    def bert_initialized_with_002():
        m = T.BertModel(cfg(0.02))
        m.config.initializer_range = 0.05  # what the model says is not what initialized it
        return m
''')


@pytest.fixture(scope="module")
def src(tmp_path_factory):
    d = tmp_path_factory.mktemp("live")
    (d / "plain.py").write_text(PLAIN)
    (d / "hf.py").write_text(HF)
    return d


def _verify(capsys, target, *extra):
    rc = main(["verify", target, "--device", "cpu", "--output-format", "json", *extra])
    doc = json.loads(capsys.readouterr().out)
    return rc, doc, {p["name"]: p for p in doc["parameters"]}


def test_attribute_of_the_instance_passes_on_five_seeds(src, capsys):
    for seed in range(5):
        rc, doc, p = _verify(capsys, f"{src}/plain.py:Plain", "--seed", str(seed))
        assert rc == 0 and p["fc.weight"]["expected"] == "normal_(std=0.1)", p["fc.weight"]


def test_init_that_ran_with_another_value_fails_naming_both(src, capsys):
    rc, doc, p = _verify(capsys, f"{src}/plain.py:Changed")
    assert rc == 1
    e = p["fc.weight"]
    assert e["verdict"] == "fail"
    assert "std from std = 0.1 on the live model" in e["reason"] or "self.init_std" in e["reason"]
    assert e["reason"].endswith("the recorded std=0.02 is not the declared std=0.1")


transformers = pytest.importorskip("transformers", reason="transformers is not installed (the dev extra has it)")


def test_transformers_config_initializer_range_passes_on_five_seeds(src, capsys):
    for seed in range(5):
        rc, doc, p = _verify(capsys, f"{src}/hf.py:bert", "--seed", str(seed))
        bad = {n: e["reason"] for n, e in p.items() if e["verdict"] == "fail"}
        assert rc == 0 and not bad, (seed, bad)
    assert p["encoder.layer.0.attention.self.query.weight"]["expected"] == "normal_(std=0.05)"


def test_transformers_initialized_with_another_std_fails(src, capsys):
    rc, doc, p = _verify(capsys, f"{src}/hf.py:bert_initialized_with_002")
    assert rc == 1
    e = p["encoder.layer.0.attention.self.query.weight"]
    assert e["verdict"] == "fail" and "on the live model" in e["reason"]
    assert e["reason"].endswith("the recorded std=0.02 is not the declared std=0.05")
    assert p["embeddings.LayerNorm.weight"]["verdict"] == "pass"


def test_declared_std_from_the_config_is_checked_without_a_record():
    cfg = transformers.BertConfig(hidden_size=64, num_hidden_layers=1, num_attention_heads=2, intermediate_size=128,
                                  max_position_embeddings=64, vocab_size=96, initializer_range=0.05)
    torch.manual_seed(0)
    m = transformers.BertModel(cfg)
    resolver, _ = declared_resolver_for_class(type(m), m)
    r = verify_model(m, resolver=resolver)
    e = r.entry("encoder.layer.0.attention.self.query.weight")
    assert e.expected == "normal_(mean=0.0, std=0.05)" and e.verdict == "pass"
    m.config.initializer_range = 0.02  # the values were drawn with 0.05
    resolver, _ = declared_resolver_for_class(type(m), m)
    e = verify_model(m, resolver=resolver).entry("encoder.layer.0.attention.self.query.weight")
    assert e.expected == "normal_(mean=0.0, std=0.02)" and e.verdict == "fail"


@pytest.mark.parametrize("text", ["__import__('os').system('true')", "self.__class__", "open('x')",
                                  "self.fc.weight.normal_()", "[1][0]", "lambda: 1"])
def test_evaluator_never_runs_code(text):
    class Obj:
        fc = None

    with pytest.raises(_Unknown):
        _eval(ast.parse(text, mode="eval").body, {"self": Obj()})


def test_evaluator_reads_attributes_and_arithmetic():
    class Cfg:
        initializer_range = 0.05
        n_layer = 8

    class Obj:
        config = Cfg()

    env = {"self": Obj()}
    for text, want in (("self.config.initializer_range", 0.05), ("self.config.initializer_range or 0.02", 0.05),
                       ("self.config.initializer_range / math.sqrt(2 * self.config.n_layer)", 0.05 / 4),
                       ("getattr(self.config, 'missing', 0.3)", 0.3), ("hasattr(self.config, 'n_layer')", True)):
        assert _eval(ast.parse(text, mode="eval").body, env) == pytest.approx(want)
