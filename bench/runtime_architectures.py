"""False alarms on real architectures: build each from a tiny transformers config (no weights) under the record,
verify with the declared scheme, for N seeds; prints the verdict counts and any failure.

    python bench/runtime_architectures.py [--seeds 5] [names...]
"""
import argparse
import os
import sys
import warnings

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src"))
import transformers as T  # noqa: E402
from initlint.runtime.record import record_build  # noqa: E402
from initlint.runtime.verify import verify_model  # noqa: E402
from initlint.runtime.declared import declared_resolver_for_class  # noqa: E402
warnings.filterwarnings("ignore")
S = dict(hidden_size=32, num_hidden_layers=2, num_attention_heads=4, intermediate_size=64)
M = {
 "bert": lambda: T.BertModel(T.BertConfig(vocab_size=96, max_position_embeddings=64, **S)),
 "gpt2": lambda: T.GPT2LMHeadModel(T.GPT2Config(vocab_size=96, n_embd=32, n_layer=2, n_head=2, n_positions=64, bos_token_id=0, eos_token_id=0)),
 "t5": lambda: T.T5ForConditionalGeneration(T.T5Config(vocab_size=96, d_model=32, d_kv=8, d_ff=64, num_layers=2, num_heads=4)),
 "vit": lambda: T.ViTModel(T.ViTConfig(image_size=32, patch_size=8, **S)),
 "llama": lambda: T.LlamaForCausalLM(T.LlamaConfig(vocab_size=96, num_key_value_heads=2, max_position_embeddings=64, **S)),
 "whisper": lambda: T.WhisperModel(T.WhisperConfig(vocab_size=96, d_model=32, encoder_layers=2, decoder_layers=2, encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=64, decoder_ffn_dim=64, num_mel_bins=16, max_source_positions=32, max_target_positions=32, pad_token_id=0, bos_token_id=1, eos_token_id=2, decoder_start_token_id=1)),
 "mistral": lambda: T.MistralForCausalLM(T.MistralConfig(vocab_size=96, num_key_value_heads=2, max_position_embeddings=64, **S)),
 "qwen2": lambda: T.Qwen2ForCausalLM(T.Qwen2Config(vocab_size=96, num_key_value_heads=2, max_position_embeddings=64, **S)),
 "clip": lambda: T.CLIPModel(T.CLIPConfig(text_config=dict(vocab_size=96, max_position_embeddings=32, **S), vision_config=dict(image_size=32, patch_size=8, **S), projection_dim=16)),
 "wav2vec2": lambda: T.Wav2Vec2Model(T.Wav2Vec2Config(conv_dim=(16,16), conv_stride=(5,2), conv_kernel=(10,3), num_conv_pos_embeddings=16, num_conv_pos_embedding_groups=4, **S)),
 "roberta": lambda: T.RobertaModel(T.RobertaConfig(vocab_size=96, max_position_embeddings=64, **S)),
 "bart": lambda: T.BartForConditionalGeneration(T.BartConfig(vocab_size=96, d_model=32, encoder_layers=1, decoder_layers=1, encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=64, decoder_ffn_dim=64, max_position_embeddings=64)),
 "distilbert": lambda: T.DistilBertModel(T.DistilBertConfig(vocab_size=96, dim=32, n_layers=2, n_heads=2, hidden_dim=64, max_position_embeddings=64)),
 "convnext": lambda: T.ConvNextModel(T.ConvNextConfig(hidden_sizes=[8,16], depths=[1,1], num_stages=2)),
 "resnet": lambda: T.ResNetModel(T.ResNetConfig(embedding_size=8, hidden_sizes=[8,16], depths=[1,1])),
 "swin": lambda: T.SwinModel(T.SwinConfig(image_size=32, patch_size=4, embed_dim=16, depths=[1,1], num_heads=[2,2], window_size=4)),
 "deit": lambda: T.DeiTModel(T.DeiTConfig(image_size=32, patch_size=8, **S)),
 "gemma": lambda: T.GemmaForCausalLM(T.GemmaConfig(vocab_size=96, num_key_value_heads=2, head_dim=8, max_position_embeddings=64, **S)),
}
#: real findings in transformers' own code (docs/runtime.md, "A real finding in transformers' own code"): the
#: weight-normed positional convolution's declared init writes a computed copy that is thrown away
KNOWN_REAL = {"encoder.pos_conv_embed.conv.parametrizations.weight.original1"}
ap = argparse.ArgumentParser()
ap.add_argument("--seeds", type=int, default=5)
ap.add_argument("names", nargs="*")
a = ap.parse_args()
only = a.names
fails = known = 0
for name, f in M.items():
    if only and name not in only: continue
    try:
        for seed in range(a.seeds):
            torch.manual_seed(seed)
            with record_build() as rec:
                m = f()
            res, notes = declared_resolver_for_class(type(m), m)
            r = verify_model(m, resolver=res, record=rec, seed=seed)
            print(name, seed, r.counts(), flush=True)
            for e in r.failed:
                if e.name in KNOWN_REAL and "declared init never ran" in e.reason:
                    known += 1
                    continue
                fails += 1
                if fails <= 40:
                    print("   F", e.name, e.reason[:250])
            for e in r.unverified[:3]:
                print("   U", e.name, e.verdict, e.reason[:160])
    except Exception as ex:  # noqa: BLE001
        print(name, "ERROR", type(ex).__name__, str(ex)[:200])
print(f"{fails} failure(s), besides {known} known real finding(s) in the libraries' own code")
