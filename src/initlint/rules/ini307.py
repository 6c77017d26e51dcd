"""INI307 lazy-module-init-before-forward: init over a model with Lazy* layers before its first forward."""

from __future__ import annotations

from ..index import ClassRef
from ..torchnames import torch_layer
from . import Rule


class LazyModuleInitBeforeForward(Rule):
    code = "INI307"
    related_elsewhere = False  # its findings never name a place in another file
    name = "lazy-module-init-before-forward"
    summary = "Init or `apply` over a model holding `Lazy*` modules before its first forward call"

    def check(self, file, index):
        for fn in file.scopes:
            lazy = {}
            for call in fn.calls:
                if not call.target:
                    continue
                layer = torch_layer(call.qual) or ""
                if layer.startswith("Lazy"):
                    lazy[call.target] = (call, layer)
                    continue
                if layer in ("Sequential", "ModuleList", "ModuleDict"):
                    names = [n for n, _ in index.inline_model(call, fn, file).reach.layers if n.startswith("Lazy")]
                    if names:
                        lazy[call.target] = (call, names[0])
                    continue
                ref = index.resolve_class(call.qual, file)
                if ref is not None:
                    names = [layer for layer, _ in index.reach(ref).layers if layer.startswith("Lazy")]
                    if names:
                        lazy[call.target] = (call, names[0])
            if fn.name == "__init__" and fn.cls:
                info = file.cls(fn.cls)
                names = [layer for layer, _ in index.reach(ClassRef(info, file)).layers if layer.startswith("Lazy")] \
                    if info else []
                if names:
                    lazy["self"] = (None, names[0])
            for obj, (made, layer) in lazy.items():
                forward = [c.order for c in fn.calls if c.func == obj]
                first = min(forward) if forward else None
                for event, what in self.inits_of(fn, obj):
                    if made is not None and event.order < made.order:
                        continue
                    if first is None or event.order < first:
                        yield self.finding(
                            file, event.loc,
                            f"{what} runs before `{obj}` has seen an input, but it holds `{layer}`, whose"
                            " parameters are uninitialized until the first forward (ValueError at run time); run a"
                            f" dry forward (`{obj}(example_input)`) first",
                        )
                        break

    @staticmethod
    def inits_of(fn, obj):
        for call in fn.calls:
            if call.func == f"{obj}.apply":
                yield call, f"`{obj}.apply(...)`"
        for init in fn.inits:
            key = init.target_key or ""
            if key.startswith(obj + ".") or any(lp.owner == obj for lp in init.loops):
                yield init, f"`{init.name}`"
