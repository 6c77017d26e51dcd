"""A tie the model's own code declares, broken in the built model, fails by name ("untied"); a model that keeps
its ties passes."""

from __future__ import annotations

import textwrap

import pytest

torch = pytest.importorskip("torch")

from initlint.runtime.declared import declared_resolver_for_class  # noqa: E402
from initlint.runtime.record import record_build  # noqa: E402
from initlint.runtime.verify import verify_model  # noqa: E402


def verify(factory, seed=0):
    """What `initlint verify` does: build under the record, read the declared scheme."""
    torch.manual_seed(seed)
    with record_build() as rec:
        model = factory()
    resolver, _ = declared_resolver_for_class(type(model), model)
    return verify_model(model, resolver=resolver, record=rec, seed=seed)

PLAIN = textwrap.dedent("""
    import torch
    import torch.nn as nn


    class TiedLM(nn.Module):
        def __init__(self, vocab=300, dim=64):
            super().__init__()
            self.embed = nn.Embedding(vocab, dim)
            self.head = nn.Linear(dim, vocab, bias=False)
            self.head.weight = self.embed.weight

        def forward(self, x):
            return self.head(self.embed(x))


    class MaybeTied(nn.Module):
        def __init__(self, tie, vocab=300, dim=64):
            super().__init__()
            self.embed = nn.Embedding(vocab, dim)
            self.head = nn.Linear(dim, vocab, bias=False)
            if tie:
                self.head.weight = self.embed.weight


    def untied():
        model = TiedLM()
        model.head.weight = nn.Parameter(torch.empty(300, 64))
        nn.init.normal_(model.head.weight, std=1.0)
        return model
""")


@pytest.fixture()
def plain(tmp_path, monkeypatch):
    (tmp_path / "tiedmodels.py").write_text(PLAIN)
    monkeypatch.syspath_prepend(str(tmp_path))
    import importlib

    import tiedmodels

    return importlib.reload(tiedmodels)


def test_a_kept_tie_passes_and_a_broken_one_fails_by_name(plain):
    assert verify(plain.TiedLM).exit_code == 0
    report = verify(plain.untied)
    failed = {name: e.reason for e in report.failed for name in e.names}
    assert list(failed) == ["head.weight"]
    assert failed["head.weight"].startswith("untied: TiedLM.__init__") and "`embed.weight`" in failed["head.weight"]


def test_a_tie_under_a_condition_is_not_known_to_be_declared(plain):
    assert verify(lambda: plain.MaybeTied(tie=False)).exit_code == 0


def test_an_untied_transformers_head_fails():
    transformers = pytest.importorskip("transformers")
    config = transformers.GPT2Config(n_layer=1, n_embd=32, n_head=2, vocab_size=300, n_positions=32,
                                     bos_token_id=0, eos_token_id=0)
    assert verify(lambda: transformers.GPT2LMHeadModel(config)).exit_code == 0

    def untied():
        model = transformers.GPT2LMHeadModel(config)
        model.lm_head.weight = torch.nn.Parameter(torch.empty_like(model.lm_head.weight))
        torch.nn.init.normal_(model.lm_head.weight, std=0.02)
        return model

    report = verify(untied)
    assert [e.names for e in report.failed] == [["lm_head.weight"]]
    assert report.failed[0].reason.startswith("untied:") and "transformer.wte.weight" in report.failed[0].reason
