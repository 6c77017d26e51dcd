"""x-transformers' TransformerWrapper (issue 10: reported FAILED on every seed before the record): built from a
small config with the library's own init, 0 failures over 5 seeds; left on meta + to_empty() it is named."""
import json
import textwrap

import pytest

pytest.importorskip("x_transformers", reason="x-transformers is not installed (the dev extra has it)")

from initlint.runtime.cli import main  # noqa: E402

SRC = textwrap.dedent('''
    import torch
    import x_transformers as X


    def decoder():
        return X.TransformerWrapper(num_tokens=96, max_seq_len=64, attn_layers=X.Decoder(dim=32, depth=2, heads=2))


    def encoder():
        return X.TransformerWrapper(num_tokens=96, max_seq_len=64, attn_layers=X.Encoder(dim=32, depth=2, heads=2))


    def meta_to_empty():
        with torch.device("meta"):
            m = decoder()
        m.to_empty(device="cpu")
        return m
''')


@pytest.fixture(scope="module")
def src(tmp_path_factory):
    d = tmp_path_factory.mktemp("xt")
    (d / "xt.py").write_text(SRC)
    return d


def _verify(capsys, target, *extra):
    rc = main(["verify", target, "--device", "cpu", "--output-format", "json", *extra])
    doc = json.loads(capsys.readouterr().out)
    return rc, doc, {p["name"]: p for p in doc["parameters"]}


@pytest.mark.parametrize("name", ["decoder", "encoder"])
def test_transformer_wrapper_passes_on_five_seeds(src, capsys, name):
    for seed in range(5):
        rc, doc, p = _verify(capsys, f"{src}/xt.py:{name}", "--seed", str(seed))
        bad = {n: e["reason"] for n, e in p.items() if e["verdict"] in ("fail", "uninitialized", "overwritten")}
        assert rc == 0 and not bad, (seed, bad)
    assert p["token_emb.emb.weight"]["verdict"] == "pass"


def test_transformer_wrapper_left_uninitialized_is_named(src, capsys):
    rc, doc, p = _verify(capsys, f"{src}/xt.py:meta_to_empty")
    assert rc == 1 and p["token_emb.emb.weight"]["verdict"] == "uninitialized"
