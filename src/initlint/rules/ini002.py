"""INI002 unregistered-layer-container: layers kept in a plain list/tuple/dict are invisible to PyTorch."""

from __future__ import annotations

from . import Rule, iter_with_nested, module_classes

PARAM_KINDS = ("layer", "container", "project")


class UnregisteredLayerContainer(Rule):
    code = "INI002"
    related_elsewhere = False  # its findings never name a place in another file
    name = "unregistered-layer-container"
    summary = "Layers stored in a plain list/tuple/dict: invisible to `apply`, `parameters()`, `.to()`, `state_dict`"

    def check(self, file, index):
        for info, _ in module_classes(file, index):
            for method in info.methods.values():
                fns = list(iter_with_nested(method))
                # lists whose elements are registered one by one in the same method are fine
                registered = " ".join(lp.iter_text for fn in fns for c in fn.calls
                                      if c.func in ("self.add_module", "self.register_module") for lp in c.loops)
                # ... or one at a time (``self.add_module(f"block{i}", self.blocks[i])``)
                registered_items = {a.key[: -len("[]")] for fn in fns for c in fn.calls
                                    if c.func in ("self.add_module", "self.register_module")
                                    for a in c.args if a.key and a.key.startswith("self.") and a.key.endswith("[]")}
                for fn in fns:
                    for store in fn.stores:
                        if store.value not in ("list", "tuple", "dict", "comp") or f"self.{store.attr}" in registered \
                                or f"self.{store.attr}" in registered_items:
                            continue
                        kinds = {index.module_kind(e, file) for e in store.elements if e}
                        appended = []
                        if store.value == "list" and not store.elements:
                            appended = [c for c in fn.calls if c.func == f"self.{store.attr}.append"
                                        and c.args and index.module_kind(c.args[0].call, file) in PARAM_KINDS]
                        if not (kinds & set(PARAM_KINDS)) and not appended:
                            continue
                        if any(later.order > store.order and later.value == "call"
                               and index.module_kind(later.call, file) == "container"
                               and (later.attr == store.attr
                                    or any(a.key == f"self.{store.attr}" for a in later.call_args))
                               for f2 in fns for later in f2.stores):
                            # wrapped later: self.layers = nn.ModuleList(self.layers), or the same layers kept
                            # under another name too: self.blocks = nn.ModuleList(self.blocks_list)
                            continue
                        kind = {"list": "list", "tuple": "tuple", "dict": "dict", "comp": "comprehension"}[store.value]
                        use = "nn.ModuleDict" if store.value == "dict" else "nn.ModuleList"
                        yield self.finding(
                            file, store.loc,
                            f"`self.{store.attr}` holds layers in a plain {kind}: `apply`, `modules()`,"
                            f" `parameters()`, `.to()` and `state_dict` never see them, so they are not initialized,"
                            f" trained or moved; wrap it in `{use}(...)`",
                        )
