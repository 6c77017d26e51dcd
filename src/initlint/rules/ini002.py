"""INI002 unregistered-layer-container: layers kept in a plain list/tuple/dict are invisible to PyTorch."""

from __future__ import annotations

import re

from ..summary import UNKNOWN
from . import Rule, iter_with_nested, module_classes
from .ini003 import holds_no_parameters

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
                        if store.value == "other" and store.value_key and f"self.{store.attr}" not in registered \
                                and f"self.{store.attr}" not in registered_items:
                            # layers = []; conv = nn.Conv2d(...); layers.append(conv); self.layers = layers
                            if self.local_list_of_layers(store, fn, fns, file, index):
                                yield self.finding(
                                    file, store.loc,
                                    f"`self.{store.attr}` holds layers in a plain list (`{store.value_key}`, filled"
                                    " with `append`): `apply`, `modules()`, `parameters()`, `.to()` and `state_dict`"
                                    " never see them, so they are not initialized, trained or moved; wrap it in"
                                    f" `nn.ModuleList({store.value_key})`",
                                )
                            continue
                        if store.value not in ("list", "tuple", "dict", "comp") or f"self.{store.attr}" in registered \
                                or f"self.{store.attr}" in registered_items:
                            continue
                        # a project module known to hold no parameter (a pooling block) loses nothing
                        kinds = {index.module_kind(e, file) for e in store.elements
                                 if e and not holds_no_parameters(e, file, index)}
                        appended = []
                        if store.value == "list" and not store.elements:
                            appended = [c for c in fn.calls if c.func == f"self.{store.attr}.append"
                                        and c.args and (index.module_kind(c.args[0].call, file) in PARAM_KINDS
                                                        or _known_module(c, file, index)
                                                        or _holds_layer(c.args[0], file, index)
                                                        or _local_layer(c, fn, file, index))]
                        elif store.value == "dict" and not store.elements:  # self.d = {}; self.d[k] = nn.X(...)
                            appended = [i for i in fn.item_stores if i.key == f"self.{store.attr}"
                                        and i.order > store.order and i.value_call is not None
                                        and index.module_kind(i.value_call, file) in PARAM_KINDS]
                        if not (kinds & set(PARAM_KINDS)) and not appended:
                            continue
                        if _read_again(store, fns):
                            continue  # zip(self.layers, acts) -> nn.Sequential(*...): the elements may be registered
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

    @staticmethod
    def local_list_of_layers(store, fn, fns, file, index) -> bool:
        """``self.X = name`` where ``name`` is a local list bound once, to ``[]``, that only ever receives modules
        (``name.append(nn.Linear(...))``, or ``name.append(conv)`` with ``conv = nn.Conv2d(...)``), at least one
        with parameters, and is handed to nothing else: no container, no ``Sequential(*name)``, no other call, and
        no element registered by name (``add_module``, a computed ``setattr``). Anything unknown about ``name``
        keeps it silent."""
        from ..events import layers_of

        name = store.value_key
        if name in fn.params or fn.local_binds.get(name) != ["[]"]:
            return False  # a parameter, bound to something else, or rebound: not known to be a plain list
        if any(f.computed_setattr or any(c.func in ("self.add_module", "self.register_module") for c in f.calls)
               for f in fns):
            return False  # the elements may be registered one by one
        appended = []
        for f in fns:
            for call in f.calls:
                if call.target == name:
                    return False  # built by a call: not known to be a plain list
                uses = [a for a in call.args if a.key == name or a.key and a.key.startswith(name + ".")]
                if call.func == f"{name}.append" and f is fn and call.order < store.order and len(call.args) == 1:
                    arg = call.args[0]
                    kind = index.module_kind(arg.call, file) if arg.call is not None else None
                    if kind in PARAM_KINDS:
                        appended.append(call)
                        continue
                    if kind == "plain":
                        continue  # a module without parameters (nn.ReLU()) among the layers
                    if arg.key and "." not in arg.key and (
                            layers_of(arg.key, fn, file, call.order, index) is not UNKNOWN
                            or _known_module(call, file, index)):
                        appended.append(call)
                        continue
                    return False  # something else appended: unknown
                if uses or call.func.startswith(name + "."):
                    return False  # handed on (nn.Sequential(*name), add_module, name.extend(...))
            for other in f.stores:
                if other is not store and (name in other.mentions or other.value_key == name):
                    return False
            for lp in f.loops:
                if re.search(rf"\b{re.escape(name)}\b", lp.iter_text):
                    return False  # for i, m in enumerate(name): self.add_module(...): registered one by one
            if any(a.key == f"self.{store.attr}" for call in f.calls for a in call.args) or any(
                    call.func.startswith(f"self.{store.attr}.") and call.method != "append" for call in f.calls):
                return False  # handed on as self.X: nn.Sequential(*self.layers), self.layers.extend(...)
        if not appended:
            return False
        return not any(later.attr == store.attr and later.order > store.order and later.value == "call"
                       for f2 in fns for later in f2.stores)


def _known_module(append, file, index) -> bool:
    """``X.append(layer)`` under ``if isinstance(layer, nn.Module)`` (or a layer type with parameters): the
    dispatch predicate dominating the call proves the appended object is a module."""
    arg = append.args[0]
    if len(append.args) != 1 or not arg.key or "." in arg.key:
        return False
    return any(cond.kind == "isinstance" and cond.subject == arg.key and not cond.negated and cond.types and all(
        t == "torch.nn.Module" or index.module_kind(t, file) in PARAM_KINDS for t in cond.types)
        for cond in append.conds)


def _holds_layer(arg, file, index) -> bool:
    """``self.blocks.append([nn.Linear(a, b), act])``: a list or tuple literal holding a layer with parameters,
    which a plain list of lists hides as well."""
    return any(index.module_kind(item, file) in PARAM_KINDS for item in arg.items if item)


def _read_again(store, fns) -> bool:
    """The method that builds the plain container reads it again after the store for something other than
    filling it (``for layer in self.layers: seq.append(layer)``, ``zip(self.layers, acts)``): its elements may be
    handed to a registered container, so whether they are registered is unknown."""
    attr = store.attr
    loads = sum(1 for fn in fns for load in fn.loads if load.attr == attr and load.order > store.order)
    fills = sum(1 for fn in fns for c in fn.calls if c.order > store.order and c.func in (
        f"self.{attr}.append", f"self.{attr}.extend", f"self.{attr}.insert"))
    stores = sum(1 for fn in fns for i in fn.item_stores if i.key == f"self.{attr}" and i.order > store.order)
    return loads > fills + stores


def _local_layer(append, fn, file, index) -> bool:
    """``self.blocks.append(conv)`` where ``conv`` is a local the function binds to a torch layer with parameters
    (``conv = nn.Conv2d(...)``) before the call."""
    from ..events import layers_of

    arg = append.args[0]
    if len(append.args) != 1 or not arg.key or "." in arg.key or arg.key in fn.params:
        return False
    return layers_of(arg.key, fn, file, append.order, index) is not UNKNOWN
