"""Cost of the record of the build and of verifying a decoder (transformers' Llama from a config, no weights).

Prints: the plain build time, the build time under the record (dispatch mode + NaN-filled allocations), the
time to read the declared scheme and to verify, and the ratios to the plain build (issue 10: verify <= 1x the
build time).

    python bench/runtime_record_cost.py                  # ~110M parameters
    python bench/runtime_record_cost.py --size 1b        # ~1.1B parameters (about 5 GB of RAM)
"""
from __future__ import annotations

import argparse
import os
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src"))

from initlint.runtime.declared import declared_resolver_for_class  # noqa: E402
from initlint.runtime.record import record_build  # noqa: E402
from initlint.runtime.verify import verify_model  # noqa: E402

SIZES = {
    "110m": dict(hidden_size=768, intermediate_size=2048, num_hidden_layers=12, num_attention_heads=12,
                 num_key_value_heads=4, vocab_size=32000),
    "1b": dict(hidden_size=2048, intermediate_size=5632, num_hidden_layers=22, num_attention_heads=32,
               num_key_value_heads=4, vocab_size=32000),
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", choices=sorted(SIZES), default="110m")
    ap.add_argument("--threads", type=int, default=0)
    a = ap.parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    import transformers

    cfg = transformers.LlamaConfig(max_position_embeddings=2048, **SIZES[a.size])
    build = lambda: transformers.LlamaForCausalLM(cfg)  # noqa: E731
    build()  # warm up imports and lazy initialisation
    torch.manual_seed(0)
    t0 = time.perf_counter()
    m = build()
    plain = time.perf_counter() - t0
    n = sum(p.numel() for p in m.parameters())
    del m
    torch.manual_seed(0)
    t0 = time.perf_counter()
    with record_build() as rec:
        m = build()
    recorded = time.perf_counter() - t0
    t0 = time.perf_counter()
    resolver, _ = declared_resolver_for_class(type(m), m)
    declared = time.perf_counter() - t0
    t0 = time.perf_counter()
    r = verify_model(m, resolver=resolver, record=rec)
    verify = time.perf_counter() - t0
    print(f"{a.size}: {n / 1e6:.0f}M parameters, torch {torch.__version__}, {torch.get_num_threads()} threads")
    print(f"  build {plain:.2f} s; under the record {recorded:.2f} s ({recorded / plain:.2f}x)")
    print(f"  declared scheme {declared:.2f} s; verify {verify:.2f} s ({verify / plain:.2f}x the build)")
    print(f"  verdicts: {r.counts()}")


if __name__ == "__main__":
    main()
