"""Scheme sub-blocks (issue 10): a key with a row selector states exact rows (padding rows and other exact
blocks); the rest of the tensor keeps its rule, and an overwritten stated row is caught by the key's name."""
import json
import textwrap

import pytest
import torch
import torch.nn as nn

from initlint.runtime.cli import main
from initlint.runtime.dists import RuntimeSchemeError
from initlint.runtime.record import record_build
from initlint.runtime.scheme import Scheme
from initlint.runtime.verify import verify_model

MODELS = textwrap.dedent('''
    import torch
    import torch.nn as nn


    class Table(nn.Module):
        """A custom lookup table whose row 0 is padding (no padding_idx attribute), and a scale with two fixed rows."""
        def __init__(self, overwrite=False):
            super().__init__()
            self.table = nn.Parameter(torch.empty(300, 32))
            self.scale = nn.Parameter(torch.empty(40, 16))
            self.emb = nn.Embedding(200, 32, padding_idx=3)
            with torch.no_grad():
                self.table.normal_(0.0, 0.02)
                self.table[0].zero_()
                self.scale.uniform_(-0.1, 0.1)
                self.scale[0:2].fill_(1.0)
            if overwrite:
                with torch.no_grad():
                    self.table.normal_(0.0, 0.02)  # the padding row is drawn again
                    nn.init.normal_(self.emb.weight, std=0.02)


    def overwritten():
        return Table(overwrite=True)
''')

SCHEME = textwrap.dedent('''
    [scheme]
    "table" = { init = "normal", std = 0.02 }
    "table[0]" = "zeros"
    "scale" = { init = "uniform", a = -0.1, b = 0.1 }
    "scale[0:2]" = "ones"
    "Embedding.weight[padding_idx]" = "zeros"
    "*" = "default"
''')


@pytest.fixture(scope="module")
def src(tmp_path_factory):
    d = tmp_path_factory.mktemp("blocks")
    (d / "blocks.py").write_text(MODELS)
    (d / "scheme.toml").write_text(SCHEME)
    return d


def _verify(capsys, target, *extra):
    rc = main(["verify", target, "--device", "cpu", "--output-format", "json", *extra])
    doc = json.loads(capsys.readouterr().out)
    return rc, doc, {p["name"]: p for p in doc["parameters"]}


def test_parse_selectors():
    s = Scheme.from_mapping({"emb.weight[0]": "zeros", "t[0, 5]": "ones", "t[2:4]": {"init": "constant", "val": 3.0},
                             "Embedding.weight[padding_idx]": "zeros", "w[0-9]": "zeros", "*": "default"})
    assert [b.key for b in s.blocks] == ["emb.weight[0]", "t[0, 5]", "t[2:4]", "Embedding.weight[padding_idx]"]
    assert "w[0-9]" in [e.key for e in s.entries]  # a glob character class, not a selector
    table = nn.Embedding(10, 4, padding_idx=-1)
    got = s.blocks_for("t", table, "weight", (), 10)
    assert [(b.rows, b.value) for b in got] == [((0, 5), 1.0), ((2, 3), 3.0), ((9,), 0.0)]
    assert s.blocks_for("emb.weight", nn.Embedding(10, 4), "weight", (), 10)[0].rows == (0,)  # padding_idx None
    with pytest.raises(RuntimeSchemeError, match="sub-block states exact values"):
        Scheme.from_mapping({"emb.weight[0]": {"init": "normal", "std": 0.02}})


def test_stated_rows_pass_on_five_seeds(src, capsys):
    for seed in range(5):
        rc, doc, p = _verify(capsys, f"{src}/blocks.py:Table", "--scheme", f"{src}/scheme.toml", "--seed", str(seed))
        bad = {n: e["reason"] for n, e in p.items() if e["verdict"] == "fail"}
        assert rc == 0 and not bad, (seed, bad)
    assert p["table"]["verdict"] == "pass" and "row(s) [0] = 0 ('table[0]')" in p["table"]["expected"]
    assert p["scale"]["verdict"] == "pass" and "row(s) [0, 1] = 1 ('scale[0:2]')" in p["scale"]["expected"]
    assert not any("matches no parameter" in n for n in doc["notes"])


def test_overwritten_stated_row_is_caught_by_name(src, capsys):
    rc, doc, p = _verify(capsys, f"{src}/blocks.py:overwritten", "--scheme", f"{src}/scheme.toml")
    assert rc == 1
    assert p["table"]["verdict"] == "fail"
    assert p["table"]["reason"].startswith("scheme 'table[0]' states row(s) [0] = 0, but 32 of their 32 element(s) "
                                           "differ (last written by normal_(")
    assert p["emb.weight"]["reason"].startswith("scheme 'Embedding.weight[padding_idx]' states row(s) [3] = 0")


def test_stated_rows_without_a_record():
    torch.manual_seed(0)
    t = nn.Embedding(400, 64)
    with torch.no_grad():
        t.weight.normal_(0, 0.02)
        t.weight[7].zero_()
    scheme = {"weight": {"init": "normal", "std": 0.02}, "weight[7]": "zeros"}
    r = verify_model(t, scheme)
    assert r.passed and r.entry("weight").verdict == "pass"
    with torch.no_grad():
        t.weight[7].fill_(0.01)
    e = verify_model(t, scheme).entry("weight")
    assert e.verdict == "fail" and e.reason.startswith("scheme 'weight[7]' states row(s) [7] = 0")


def test_a_stated_row_left_out_of_the_statistics():
    """A row of ones in a uniform(-0.1, 0.1) tensor is outside the support: without the key it fails."""
    with record_build() as rec:
        m = nn.Linear(64, 40)
        with torch.no_grad():
            m.weight.uniform_(-0.1, 0.1)
            m.weight[0].fill_(1.0)
    stated = {"Linear.weight": {"init": "uniform", "a": -0.1, "b": 0.1}, "Linear.weight[0]": "ones", "*": "default"}
    assert verify_model(m, stated, record=rec).entry("weight").verdict == "pass"
    assert verify_model(m, stated).entry("weight").verdict == "pass"
    bare = {"Linear.weight": {"init": "uniform", "a": -0.1, "b": 0.1}, "*": "default"}
    assert verify_model(m, bare).entry("weight").verdict == "fail"


def test_a_block_key_that_matches_nothing_warns():
    r = verify_model(nn.Linear(8, 8), {"nothing.weight[0]": "zeros", "*": "default"})
    assert any("'nothing.weight[0]' matches no parameter" in n for n in r.notes)
    with pytest.raises(RuntimeSchemeError, match="matches no parameter"):
        verify_model(nn.Linear(8, 8), {"nothing.weight[0]": "zeros", "*": "default"}, strict_scheme=True)
