"""INI004 parameter-never-initialized: ``nn.Parameter(torch.empty(...))`` that nothing initializes."""

from __future__ import annotations

from ..index import ClassRef
from . import Rule, iter_with_nested

UNINITIALIZED = frozenset({"torch.empty", "torch.Tensor", "torch.FloatTensor", "torch.DoubleTensor",
                           "torch.HalfTensor", "torch.cuda.FloatTensor", "torch.cuda.HalfTensor"})
PARAMETER = frozenset({"torch.nn.Parameter", "torch.nn.parameter.Parameter"})


class ParameterNeverInitialized(Rule):
    code = "INI004"
    name = "parameter-never-initialized"
    summary = "`nn.Parameter(torch.empty(...))` that nothing initializes (garbage or NaN weights)"

    def check(self, file, index):
        touched = _project_targets(index)
        for info in file.classes:
            ref = ClassRef(info, file)
            mro = index.mro(ref)
            for method in info.methods.values():
                for fn in iter_with_nested(method):
                    for store in fn.stores:
                        if store.value != "call" or store.call not in PARAMETER or not store.call_args:
                            continue
                        data = store.call_args[0]
                        if data.keyword is not None or data.call not in UNINITIALIZED:
                            continue
                        grad = next((a for a in store.call_args if a.keyword == "requires_grad"), None)
                        if grad is not None and grad.value is False:
                            continue
                        if store.attr in touched or self.initialized_in_class(store.attr, mro, index):
                            continue
                        yield self.finding(
                            file, store.loc,
                            f"`self.{store.attr}` is a Parameter of uninitialized memory (`{data.call}(...)`) and"
                            " nothing in the class or its init hooks initializes it: its values are garbage (NaN under"
                            " deterministic algorithms); initialize it (e.g. in `reset_parameters`) or build it with"
                            " `torch.zeros`/`torch.randn`",
                        )

    @staticmethod
    def initialized_in_class(attr, mro, index) -> bool:
        key = f"self.{attr}"
        subs = []
        for cls in mro:
            subs.extend(index.subclasses(cls))
        for cls in [*mro, *subs]:
            for method in cls.info.methods.values():
                for fn in iter_with_nested(method):
                    for init in fn.inits:
                        if init.target_key and (init.target_key == key or init.target_key.startswith(key + ".")
                                                or init.target_key.startswith(key + "[")):
                            return True
                        if any(lp.owner == "self" and lp.source in ("parameters", "named_parameters")
                               for lp in init.loops):
                            return True
                    for call in fn.calls:
                        if any(a.key and (a.key == key or a.key.startswith(key + ".")) for a in call.args):
                            return True  # handed to a helper that initializes it
                    for item in fn.item_stores:
                        if item.key == key:
                            return True
        return False


def _project_targets(index) -> set:
    """Attribute names any init code in the project writes through another object (``module.q_proj``)."""
    cached = getattr(index, "_ini004_targets", None)
    if cached is not None:
        return cached
    out: set = set()
    for summary in index.files:
        for fn in summary.scopes:
            for init in fn.inits:
                key = init.target_key or ""
                parts = [p for p in key.replace("[]", "").split(".") if p and p != "data"]
                if len(parts) >= 2 and parts[0] != "self":
                    out.add(parts[-1])
                for loop in init.loops:  # for p in [module.q, module.k]: init.normal_(p)
                    if loop.items and init.subject in loop.targets:
                        out.update(k.rsplit(".", 1)[-1] for k in loop.items if k and "." in k)
            for call in fn.calls:
                for arg in call.args:
                    parts = [p for p in (arg.key or "").split(".") if p and p != "data"]
                    if len(parts) >= 2 and parts[0] != "self":
                        out.add(parts[-1])
    index._ini004_targets = out
    return out
