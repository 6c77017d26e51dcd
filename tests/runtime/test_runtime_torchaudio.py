"""torchaudio's HuBERT and Conformer (issue 10), built from small configurations with the library's own code:
0 failures over 5 seeds. torchaudio often cannot be imported beside a CPU build of torch (a compiled extension
built for another torch): the tests are then skipped with the reason; transformers' HuBERT and Conformer are
checked in test_runtime_transformers.py either way."""
import pytest
import torch

from initlint.runtime.declared import declared_resolver_for_class
from initlint.runtime.record import record_build
from initlint.runtime.verify import verify_model


def _torchaudio():
    try:
        import torchaudio.models
    except Exception as e:  # noqa: BLE001 - ImportError, or OSError/RuntimeError from its compiled extension
        pytest.skip(f"torchaudio cannot be imported here: {type(e).__name__}: {e}")
    return torchaudio.models


def hubert():
    """The layout of torchaudio's hubert_base, small."""
    return _torchaudio().wav2vec2_model(
        extractor_mode="group_norm", extractor_conv_layer_config=[(16, 10, 5), (16, 3, 2)], extractor_conv_bias=False,
        encoder_embed_dim=32, encoder_projection_dropout=0.0, encoder_pos_conv_kernel=16, encoder_pos_conv_groups=2,
        encoder_num_layers=2, encoder_num_heads=2, encoder_attention_dropout=0.0, encoder_ff_interm_features=64,
        encoder_ff_interm_dropout=0.0, encoder_dropout=0.0, encoder_layer_norm_first=False, encoder_layer_drop=0.0,
        aux_num_out=None)


def conformer():
    return _torchaudio().Conformer(input_dim=32, num_heads=2, ffn_dim=64, num_layers=2, depthwise_conv_kernel_size=3)


@pytest.mark.parametrize("factory", [hubert, conformer], ids=["hubert", "conformer"])
def test_torchaudio_models_pass_on_five_seeds(factory):
    factory()  # skips when torchaudio cannot be imported
    for seed in range(5):
        torch.manual_seed(seed)
        with record_build() as rec:
            model = factory()
        resolver, notes = declared_resolver_for_class(type(model), model)
        r = verify_model(model, resolver=resolver, record=rec, seed=seed)
        assert not r.failed, (seed, [(e.name, e.verdict, e.reason) for e in r.failed])
        assert any(e.verdict == "pass" for e in r.entries)
