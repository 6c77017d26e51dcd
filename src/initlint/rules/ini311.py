"""INI311 hf-init-in-constructor: parameters initialized in ``__init__`` of a ``PreTrainedModel`` or its
submodules (off by default).

transformers builds a model on the meta device and materializes it at load time: an init written in ``__init__``
runs on meta tensors and is lost; a parameter the checkpoint lacks gets only what ``_init_weights`` gives it.
Opt-in: a model that is never built through ``from_pretrained``/``from_config`` keeps its ``__init__`` init.
"""

from __future__ import annotations

from ..index import ClassRef
from ..summary import iter_with_nested
from . import Rule
from ._hf import pretrained_family


class HfInitInConstructor(Rule):
    code = "INI311"
    related_elsewhere = False  # its findings never name a place in another file
    name = "hf-init-in-constructor"
    summary = "Init in `__init__` of a `PreTrainedModel` or its submodules: lost when built on the meta device"
    default = False

    def check(self, file, index):
        family = pretrained_family(index)
        if not family:
            return
        for info in file.classes:
            fn = info.methods.get("__init__")
            if fn is None or ClassRef(info, file).qual not in family:
                continue
            for scope in iter_with_nested(fn):
                for init in scope.inits:
                    key = init.target_key or ""
                    if not key.startswith("self."):
                        continue
                    yield self.finding(
                        file, init.loc,
                        f"`{key}` is initialized in `{info.name}.__init__`, which `from_pretrained` runs on the"
                        " meta device: the init is lost, and a tensor the checkpoint lacks gets only what"
                        " `_init_weights` gives it; move the init to the model's `_init_weights`",
                    )
