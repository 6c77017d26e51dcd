"""INI308 parent-loop-overrides-child-init (opt-in): a parent's init loop undoes a child's deliberate init."""

from __future__ import annotations

from ..torchnames import INIT, torch_layer
from ..events import events
from . import Related, Rule
from ._units import members, units

DELIBERATE = frozenset({"zeros_", "zero_", "eye_", "dirac_", "ones_"})
HOOKS = ("__init__", "reset_parameters", "_reset_parameters", "init_weights", "_init_weights")


class ParentLoopOverridesChildInit(Rule):
    code = "INI308"
    name = "parent-loop-overrides-child-init"
    summary = ("A parent's `self.modules()` init loop re-initializes a child whose own init is deliberate"
               " (zero/identity)")
    default = False

    def check(self, file, index):
        for unit in units(file, index):
            if unit.loop is None or unit.loop.owner != "self" or not unit.models:
                continue
            restores = any(c.method in ("reset_parameters", "_reset_parameters", "init_weights", "_init_weights")
                           and c.receiver not in (None, "self") and c.order > unit.loop.stmt for c in unit.fn.calls)
            filtered = any(c.kind in ("namehas", "classname") for i in unit.inits() for c in i.conds)
            if restores or filtered:
                continue  # the parent puts the child's init back, or skips it by name
            covered = members(unit.dispatch_types())
            reported = set()
            for child in index.reach(unit.models[0]).classes:
                for attr, layer, init in self.deliberate(child, index):
                    if layer in covered and (child.qual, attr) not in reported:
                        reported.add((child.qual, attr))
                        yield self.finding(
                            file, unit.loc,
                            f"this loop re-initializes every {layer}, including `{child.info.name}.{attr}`, which"
                            f" `{child.info.name}` deliberately zero/identity-initializes; skip it (e.g. init in the"
                            " child, or run the parent loop first)",
                            related=[Related(child.file.path, init.loc, f"`{child.info.name}` initializes"
                                                                        f" `self.{attr}` here")],
                        )

    @staticmethod
    def deliberate(child, index):
        """(attr, layer, init) for each deliberate (zero/identity) init the child writes on ``self.<attr>``'s
        weight or bias in its own init methods, read from its init events (aliases resolved)."""
        stores = {}
        for method in child.info.methods.values():
            for store in method.stores:
                if store.value == "call":
                    stores[store.attr] = torch_layer(store.call)
        scopes = {child.info.methods[name].qualname for name in HOOKS if name in child.info.methods}
        for ev in events(child.file, index):
            init = ev.init
            if not ev.direct or not (ev.scope in scopes or ev.scope.rsplit(".", 1)[0] in scopes):
                continue
            parts = (ev.key or "").split(".")
            if len(parts) == 3 and parts[0] == "self" and (init.name in DELIBERATE or (
                    init.name == "constant_" and init.args[:1] == (0,))) and init.func.startswith(
                    (INIT, "zero_")) or (len(parts) == 3 and parts[0] == "self" and init.name == "zero_"):
                layer = stores.get(parts[1])
                if layer:
                    yield parts[1], layer, init
