"""INI005 unused-layer (opt-in): a submodule assigned in ``__init__`` that no method reads."""

from __future__ import annotations

from . import Rule, iter_with_nested, module_classes

PARAM_KINDS = ("layer", "container", "project")


class UnusedLayer(Rule):
    code = "INI005"
    related_elsewhere = False  # its findings never name a place in another file
    name = "unused-layer"
    summary = "A submodule assigned in `__init__` that no method reads (crashes DDP without find_unused_parameters)"
    default = False

    def check(self, file, index):
        for info, ref in module_classes(file, index):
            init = info.methods.get("__init__")
            if init is None or "forward" not in info.methods:
                continue
            _, dynamic = index.own_attrs(ref)
            if dynamic or file.names & {"named_children", "children", "_modules"}:
                continue
            family = [ref, *index.subclasses(ref)]
            read = set()
            for cls in family:
                for method in cls.info.methods.values():
                    for fn in iter_with_nested(method):
                        read.update(load.attr for load in fn.loads)
                        read.update(a.value for c in fn.calls if c.func in ("getattr", "hasattr")
                                    for a in c.args[1:2] if isinstance(a.value, str))
            for store in init.stores:
                if store.value == "call" and index.module_kind(store.call, file) in PARAM_KINDS \
                        and store.attr not in read:
                    yield self.finding(
                        file, store.loc,
                        f"`self.{store.attr}` is assigned in `__init__` but no method of `{info.name}` uses it: its"
                        " parameters get no gradient, which stops DistributedDataParallel unless"
                        " `find_unused_parameters=True`; remove it or use it in `forward`",
                    )
