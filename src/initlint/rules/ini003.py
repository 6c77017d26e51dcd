"""INI003 repeated-module-instance: one module object repeated n times shares one set of weights."""

from __future__ import annotations

from ..summary import iter_with_nested
from ..torchnames import PARAMETERIZED
from . import Rule

PARAM_KINDS = ("layer", "container", "project")
PARAMETER = frozenset({"torch.nn.Parameter", "torch.nn.parameter.Parameter"})


def holds_no_parameters(qual, file, index) -> bool:
    """A project module class known to build no parameter: everything it builds is known (its bases
    included), none of it is a layer with weights, and no class of it makes or registers a tensor. Copies of
    such a module share nothing (a placeholder skip connection, an environment)."""
    ref = index.resolve_class(qual, file)
    if ref is None:
        return False
    reach = index.reach(ref)
    if not reach.complete or any(layer in PARAMETERIZED for layer in reach.types()):
        return False
    for cls in index.mro(ref) + [c for r in reach.classes for c in index.mro(r)]:
        for method in cls.info.methods.values():
            for fn in iter_with_nested(method):
                if fn.registered or any(st.value == "call" and st.call in PARAMETER for st in fn.stores):
                    return False
    return True


def _shared_on_purpose(conds, file, fn, rep=None) -> bool:
    """A sharing flag (``if share_heads:``), a tied-weights class, or a registered module repeated in place of
    itself (``self.head = nn.ModuleList([self.head for _ in range(n)])``: one head shared by every decoder
    layer; repeating a new module, or a registered one into another attribute, stays a finding)."""
    key = rep.key if rep is not None else None
    if key and key.startswith("self.") and key.count(".") == 1 and any(
            store.attr == key[5:] and store.stmt == rep.stmt and store.order > rep.order for store in fn.stores):
        return True
    for cond in conds:
        text = (cond.subject or "").lower()
        if cond.kind == "truthy" and ("share" in text or "tie" in text):
            return True
    cls = file.cls(fn.cls) if fn.cls else None
    return cls is not None and "_tied_weights_keys" in cls.attrs


class RepeatedModuleInstance(Rule):
    code = "INI003"
    related_elsewhere = False  # its findings never name a place in another file
    name = "repeated-module-instance"
    summary = "One module instance repeated (`[m] * n`, `[m for _ in range(n)]`): the copies share parameters"

    def check(self, file, index):
        for fn in file.scopes:
            for rep in fn.repeats:
                what = self.element(rep, fn, file, index)
                if what is None or _shared_on_purpose(rep.conds, file, fn, rep):
                    continue
                yield self.finding(
                    file, rep.loc,
                    f"{what} is one module object repeated: every copy shares the same parameters (one set of"
                    " weights, initialized once); build a new instance per copy, e.g."
                    " `nn.ModuleList([make() for _ in range(n)])` or `copy.deepcopy` each",
                )

    @staticmethod
    def element(rep, fn, file, index):
        if rep.call is not None:
            known = index.module_kind(rep.call, file) in PARAM_KINDS or index.factory_kind(rep.call, file)
            if not known or holds_no_parameters(rep.call, file, index):
                return None
            return f"`{rep.call.rsplit('.', 1)[-1]}(...)`"
        if rep.key is None:
            return None
        source = None
        for call in fn.calls:
            if call.target == rep.key and call.order < rep.order:
                source = call
        if source is not None and index.module_kind(source.qual, file) in PARAM_KINDS:
            return None if holds_no_parameters(source.qual, file, index) else f"`{rep.key}`"
        if rep.key.startswith("self.") and rep.key.count(".") == 1 and fn.cls:
            info = file.cls(fn.cls)
            for method in (info.methods.values() if info else ()):
                for store in method.stores:
                    if store.attr == rep.key[5:] and store.value == "call" and \
                            index.module_kind(store.call, file) in PARAM_KINDS:
                        return f"`{rep.key}`"
        return None
