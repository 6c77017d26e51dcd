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
                for fn in fns:
                    yield from self.local_list(file, index, fn, fns)
                    for store in fn.stores:
                        if store.value not in ("list", "tuple", "dict", "comp") or f"self.{store.attr}" in registered:
                            continue
                        kinds = {index.module_kind(e, file) for e in store.elements if e}
                        appended = []
                        if store.value == "list" and not store.elements:
                            appended = [c for c in fn.calls if c.func == f"self.{store.attr}.append"
                                        and c.args and index.module_kind(c.args[0].call, file) in PARAM_KINDS]
                        if not (kinds & set(PARAM_KINDS)) and not appended:
                            continue
                        if any(later.attr == store.attr and later.order > store.order and later.value == "call"
                               and index.module_kind(later.call, file) == "container"
                               for f2 in fns for later in f2.stores):
                            continue  # wrapped later: self.layers = nn.ModuleList(self.layers)
                        kind = {"list": "list", "tuple": "tuple", "dict": "dict", "comp": "comprehension"}[store.value]
                        use = "nn.ModuleDict" if store.value == "dict" else "nn.ModuleList"
                        yield self.finding(
                            file, store.loc,
                            f"`self.{store.attr}` holds layers in a plain {kind}: `apply`, `modules()`,"
                            f" `parameters()`, `.to()` and `state_dict` never see them, so they are not initialized,"
                            f" trained or moved; wrap it in `{use}(...)`",
                        )

    def local_list(self, file, index, fn, fns):
        """``modules = []``, ``modules.append(nn.Linear(...))``, then ``self.layers = modules``: the local is bound
        once, to an empty list, filled with layers, and neither it nor ``self.layers`` is wrapped in a container
        or registered."""
        for store in fn.stores:
            name = store.name
            if not name or fn.local_binds.get(name) != ["[]"]:
                continue
            if any(f.computed_setattr or any(c.func in ("self.add_module", "self.register_module") for c in f.calls)
                   for f in fns):
                continue  # the elements may be registered one by one
            appended = [c for c in fn.calls if c.func == f"{name}.append" and c.args
                        and index.module_kind(c.args[0].call, file) in PARAM_KINDS]
            if not appended or any(c.func != f"{name}.append" and name in _mentioned(c) for c in fn.calls):
                continue
            attr = store.attr
            if any(f"self.{attr}" in _mentioned(c) or c.func.startswith(f"self.{attr}.") and c.method != "append"
                   for f2 in fns for c in f2.calls) or any(
                    later.attr == attr and later.order > store.order for f2 in fns for later in f2.stores
                    if later.value == "call"):
                continue
            yield self.finding(
                file, store.loc,
                f"`self.{attr}` holds layers in a plain list (`{name}`, filled with `append`): `apply`, `modules()`,"
                f" `parameters()`, `.to()` and `state_dict` never see them, so they are not initialized, trained or"
                f" moved; wrap it in `nn.ModuleList({name})`",
            )


def _mentioned(call) -> set:
    """Names and attribute chains a call's arguments are (``modules``, ``self.layers``, ``*modules``)."""
    return {a.key for a in call.args if a.key}
