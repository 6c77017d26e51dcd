"""Ties the model's own code declares, and whether the built model still has them.

A tie is declared when
- a module's ``__init__`` assigns one parameter to another, unconditionally (``self.head.weight =
  self.embed.weight``; read from the class's summary, as the declared init is), or
- a Hugging Face model lists it in its ``_tied_weights_keys`` (target -> source) and its config says
  ``tie_word_embeddings``: that library's own API for ties, applied by ``post_init``/``tie_weights``.

A declared tie whose two names are separate tensors in the built model was untied, and whatever initialized the
head afterwards is not what the model means: verify fails it, by name ("untied").
"""

from __future__ import annotations

import os
from typing import Any

from .declared import _readable, _source_file, _summary


def declared_ties(model: Any) -> list[tuple[str, str, str]]:
    """(target, source, where it is declared) for every tie the model's code declares, by parameter name."""
    out: list[tuple[str, str, str]] = []
    for prefix, module in model.named_modules():
        base = f"{prefix}." if prefix else ""
        for cls in type(module).__mro__:
            if not _readable(cls):
                continue
            summary = _summary(_source_file(cls))
            fn = summary.function(f"{cls.__qualname__}.__init__") if summary is not None else None
            if fn is None:
                continue
            for store in fn.attr_stores:
                if store.conds or not (store.key.startswith("self.") and store.value.startswith("self.")):
                    continue  # a tie under a condition (``if config.tie: ...``) is not known to be made
                out.append((base + store.key[5:], base + store.value[5:],
                            f"{cls.__qualname__}.__init__ ({_short(_source_file(cls))})"))
    keys = getattr(type(model), "_tied_weights_keys", None)
    config = getattr(model, "config", None)
    text_config = getattr(config, "get_text_config", None)
    try:
        text_config = text_config() if callable(text_config) else config
    except Exception:  # noqa: BLE001 - a config without a text part: the config itself
        text_config = config
    if isinstance(keys, dict) and getattr(text_config, "tie_word_embeddings", False) is True:
        for target, source in keys.items():
            if isinstance(target, str) and isinstance(source, str) and _plain(target) and _plain(source):
                out.append((target, source, f"{type(model).__name__}._tied_weights_keys with tie_word_embeddings"))
    return out


def untied(model: Any) -> list[tuple[str, str, str]]:
    """The declared ties whose two names are separate tensors in ``model`` (names that are not parameters of
    the model are left alone: unknown)."""
    params = dict(model.named_parameters(remove_duplicate=False))
    out = []
    for target, source, where in declared_ties(model):
        a, b = params.get(target), params.get(source)
        if a is None or b is None:
            continue
        if a is not b and a.untyped_storage().data_ptr() != b.untyped_storage().data_ptr():
            out.append((target, source, where))
    return list(dict.fromkeys(out))


def _plain(name: str) -> bool:
    return all(part.isidentifier() or part.isdigit() for part in name.split("."))


def _short(path: str | None) -> str:
    return os.path.basename(path) if path else "?"
