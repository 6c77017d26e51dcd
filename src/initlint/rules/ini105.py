"""INI105 init-on-module: an ``nn.init`` function receives a module instead of its tensor."""

from __future__ import annotations

from ..summary import dispatch_types
from ..torchnames import INIT, torch_layer
from . import Rule


MODULE_LOOPS = ("modules", "named_modules", "children", "named_children")
#: the classes of ``torch.nn`` that are tensors, not modules
TENSORS = frozenset({"Parameter", "UninitializedParameter", "Buffer", "UninitializedBuffer"})


class InitOnModule(Rule):
    code = "INI105"
    related_elsewhere = False  # its findings never name a place in another file
    name = "init-on-module"
    summary = "An `nn.init` function receives a module (`self.fc`, `m`) instead of its `.weight`"

    def check(self, file, index):
        for fn in file.scopes:
            info = file.cls(fn.cls) if fn.cls else None
            for init in fn.inits:
                if not init.func.startswith(INIT) or not init.target_key:
                    continue
                key = init.target_key
                layer = None
                if key.startswith("self.") and key.count(".") == 1 and info is not None:
                    stores = [s for m in info.methods.values() for s in m.stores if s.attr == key[5:]]
                    kinds = [index.module_kind(s.call, file) if s.value == "call" else None for s in stores]
                    dispatched = any(c.subject == key for c in init.conds)  # isinstance(self.proj, nn.Linear)
                    if stores and not dispatched and all(k in ("layer", "container", "project") for k in kinds):
                        layer = (stores[0].call or "").rsplit(".", 1)[-1]
                elif "." not in key:
                    types = dispatch_types(init.conds, key)
                    layers = [torch_layer(t) for t in types]
                    if any(layer in TENSORS for layer in layers):
                        continue  # isinstance(m, nn.Parameter): a tensor there
                    if types and all(layers):
                        layer = layers[0]
                    elif any(lp.targets and lp.targets[-1] == key and lp.source in MODULE_LOOPS
                             for lp in init.loops):
                        layer = "module"
                if layer:
                    yield self.finding(
                        file, init.loc,
                        f"`{init.name}` receives `{key}`, a {layer} module, not a tensor (AttributeError at run"
                        f" time); pass `{key}.weight` (and initialize `{key}.bias` separately)",
                    )
