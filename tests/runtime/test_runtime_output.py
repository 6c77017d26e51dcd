"""verify's text output (issue 10): a summary first, one line per distinct problem with the tensors' names
grouped, fitted to the terminal's width; -v lists every tensor; json keeps every tensor."""
import json
import textwrap

import pytest

from initlint.runtime.cli import main
from initlint.runtime.report import compress_names


def test_compress_names_ranges_and_alternatives():
    names = [f"encoder.layer.{i}.attention.self.{p}.weight" for i in range(12) for p in ("query", "key", "value")]
    assert compress_names(names) == [("encoder.layer.{0..11}.attention.self.{query,key,value}.weight", 36)]
    assert compress_names(names, coarse=True) == [("encoder.layer.*.attention.self.*.weight (36)", 36)]
    assert compress_names(["h.0.w", "h.1.w", "h.3.w", "head.w"]) == [("h.{0,1,3}.w", 3), ("head.w", 1)]
    # indices that are not a full grid: a star and the count
    assert compress_names(["a.0.b.0.w", "a.0.b.1.w", "a.1.b.0.w"]) == [("a.*.b.*.w (3)", 3)]
    assert compress_names(["fc.weight"]) == [("fc.weight", 1)]


MANY = textwrap.dedent('''
    import torch.nn as nn

    class Block(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc1 = nn.Linear(64, 64)
            self.fc2 = nn.Linear(64, 64)

    class Deep(nn.Module):
        def __init__(self):
            super().__init__()
            self.blocks = nn.ModuleList([Block() for _ in range(10)])
            for m in self.modules():
                if isinstance(m, nn.Linear):
                    nn.init.normal_(m.weight, std=0.02)
                    nn.init.normal_(m.bias, std=0.02)
            self.head = nn.Linear(64, 8)  # after the loop: left at the default
''')


def test_same_problem_is_one_line_and_fits(tmp_path, capsys, monkeypatch):
    f = tmp_path / "deep.py"
    f.write_text(MANY)
    monkeypatch.setenv("COLUMNS", "70")
    assert main(["verify", f"{f}:Deep", "--device", "cpu", "--defaults", "--seed", "0"]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 70, out
    # 40 tensors, one problem (the numbers that differ, the source lines, are shown once as their values)
    assert "FAIL x40 Linear: blocks.{0..9}.{fc1,fc2}.{weight,bias}" in out
    assert out.count("something else wrote it last") == 1 and "(deep.py:{" in out
    assert lines[1].startswith("FAILED (40 tensor(s) do not match)")
    assert any(line.startswith("by layer: Linear 42 (40 FAIL, 1 inconclusive, 1 pass)") for line in lines[2:4])
    assert main(["verify", f"{f}:Deep", "--device", "cpu", "--defaults", "--seed", "0", "-v"]) == 1
    out = capsys.readouterr().out
    assert "p-value" in out and all(f"blocks.{i}.fc2.bias:" in out for i in range(10))


@pytest.fixture
def noop_bert(tmp_path):
    pytest.importorskip("transformers", reason="transformers is not installed (the dev extra has it)")
    f = tmp_path / "noop_bert.py"
    f.write_text(textwrap.dedent('''
        import transformers as T

        class NoopBert(T.BertModel):
            def _init_weights(self, module):
                pass

        def build():
            return NoopBert(T.BertConfig(hidden_size=32, num_hidden_layers=4, num_attention_heads=2,
                                         intermediate_size=64, max_position_embeddings=64, vocab_size=96))
    '''))
    return f


@pytest.mark.parametrize("columns", [80, 120])
def test_broken_bert_is_short_fits_and_json_names_every_tensor(noop_bert, capsys, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    assert main(["verify", f"{noop_bert}:build", "--device", "cpu", "--seed", "0"]) == 1
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert len(lines) <= 25, out
    assert max(len(line) for line in lines) <= columns, out
    assert lines[1].startswith("FAILED (") and lines[2].startswith("by layer: Linear")
    assert "the declared init never ran for it" in " ".join(out.split())
    assert "encoder.layer." in out and ".attention.self." in out
    if columns < 100:
        return
    assert main(["verify", f"{noop_bert}:build", "--device", "cpu", "--seed", "0", "--output-format", "json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    failing = [p for p in doc["parameters"] if p["verdict"] == "fail"]
    assert len(failing) == 53  # 4 layers x 12 Linear tensors + the pooler's 2 + 3 embeddings, one by one
    assert {p["name"] for p in failing} >= {f"encoder.layer.{i}.attention.self.query.weight" for i in range(4)}
    assert all(p["reason"] for p in failing)
    # the grouped view is added beside them: every failing tensor is in exactly one problem
    grouped = [n for g in doc["problems"] if g["verdict"] == "fail" for n in g["names"]]
    assert sorted(grouped) == sorted(p["name"] for p in failing) and len(doc["problems"]) <= 4
