"""INI211 hf-init-weights-bypasses-guard: in-place writes in a ``PreTrainedModel``'s ``_init_weights`` (off by
default).

transformers 5 loads a checkpoint and then runs ``_init_weights`` on the modules whose tensors are not all loaded;
the initializers of ``transformers.initialization`` (and ``torch.nn.init.*`` looked up through the module, which
transformers patches meanwhile) skip every tensor flagged ``_is_hf_initialized``, that is, loaded. In-place tensor
methods (``module.weight.data.normal_()``, ``.zero_()``, ``.fill_()``) and ``torch.nn.init`` functions imported by
name (``from torch.nn.init import normal_``, bound before the patch) skip nothing: in a module the checkpoint fills
only in part, the loaded tensors are replaced with random ones, silently (in 5.0 to 5.13, every module of a custom
subclass). Off by default: the same code is correct on transformers 4, and initlint does not know the version.

This rule is about transformers' own API, so it names it: it fires only on classes deriving from transformers'
``PreTrainedModel``.
"""

from __future__ import annotations

from ..index import ClassRef
from ..summary import iter_with_nested
from ..torchnames import INIT
from . import Rule
from ._hf import is_pretrained_model


#: the guarded initializer for each tensor method
GUARDED = {"zero_": "zeros_", "fill_": "constant_", "normal_": "normal_", "uniform_": "uniform_", "copy_": "copy_"}


def bypassing(fn):
    """(init, how) for every write in ``fn`` (nested functions included) that skips transformers' guard."""
    for scope in iter_with_nested(fn):
        bare = {call.loc: call.func for call in scope.calls if "." not in call.func}
        for init in scope.inits:
            if init.func.startswith(INIT):
                if init.loc in bare:
                    yield init, f"`{bare[init.loc]}` imported by name from `torch.nn.init`"
            elif init.is_torch and "." not in init.func:
                yield init, f"the in-place tensor method `{init.func}`"


def guarded(fn) -> bool:
    """The method reads the ``_is_hf_initialized`` flag itself (``getattr(m.weight, "_is_hf_initialized")``)."""
    return any(arg.value == "_is_hf_initialized" for scope in iter_with_nested(fn) for call in scope.calls
               for arg in call.args)


class HfInitWeightsBypassesGuard(Rule):
    code = "INI211"
    related_elsewhere = False  # its findings never name a place in another file
    name = "hf-init-weights-bypasses-guard"
    summary = "In-place writes in a `PreTrainedModel._init_weights` skip the guard that keeps loaded weights"
    default = False

    def check(self, file, index):
        if "_is_hf_initialized" in file.names:
            return
        for info in file.classes:
            fn = info.methods.get("_init_weights")
            if fn is None or guarded(fn):
                continue
            if not is_pretrained_model(ClassRef(info, file), index):
                continue
            for init, how in bypassing(fn):
                key = init.target_key or ""
                target = f"`{key}`" if key and "(" not in key else "a tensor"
                name = GUARDED.get(init.name, init.name) if not init.func.startswith(INIT) else init.name
                use = f"`init.{name}(...)`" if name in GUARDED.values() or init.func.startswith(INIT) else "its functions"
                yield self.finding(
                    file, init.loc,
                    f"`_init_weights` writes {target} with {how}, which skips transformers' `_is_hf_initialized`"
                    f" guard (transformers 5): in a module the checkpoint loads only in part, `from_pretrained`"
                    f" then replaces the loaded tensors, silently; use `transformers.initialization` ({use})",
                )
