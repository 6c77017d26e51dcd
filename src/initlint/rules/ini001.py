"""INI001 undefined-layer: a method reads ``self.X`` that nothing in the class or its bases defines."""

from __future__ import annotations

import difflib
import unicodedata

from ..summary import iter_same_self
from . import Rule, module_classes


class UndefinedLayer(Rule):
    code = "INI001"
    related_elsewhere = False  # its findings never name a place in another file
    name = "undefined-layer"
    summary = "A method reads `self.X` that the module never defines"

    def check(self, file, index):
        last = {info.qualname: info for info in file.classes}
        for info, ref in module_classes(file, index):
            if last.get(info.qualname) is not info:
                continue  # redefined further down under the same name: which one an instance is, is not known
            defined = index.defined_attrs(ref)
            if defined is None:
                continue
            subclass_attrs: set = set()
            dynamic = False
            for sub in index.subclasses(ref):
                # what an instance of the subclass has: its own attributes and those of all its bases, a mixin
                # beside this class included (class Handler(Base, ScaleMixin): the mixin registers `scale`)
                names = index.defined_attrs(sub)
                # a subclass with a base that cannot be resolved may get the attribute from it (a mixin read by
                # ``self.set_train_data`` and completed by a library class): what the instance has is unknown
                dynamic = dynamic or names is None
                subclass_attrs |= names or set()
            if dynamic:
                continue
            own, _ = index.own_attrs(ref)
            external = index.registered_outside(file, ref)
            # Python reads identifiers NFKC-normalized: ``self.op２`` and ``self.op2`` are one attribute
            folded = {_nfkc(n) for n in defined | subclass_attrs | external if not n.isascii()}
            for method in info.methods.values():
                if not method.is_instance_method:
                    continue
                for fn in iter_same_self(method):
                    for load in fn.loads:
                        attr = load.attr
                        if load.guarded or attr in defined or attr in subclass_attrs or attr in external or (
                                attr.startswith("__") and attr.endswith("__")) or _nfkc(attr) in folded:
                            continue
                        if any(_never_true(flag, ref, index) for flag in load.flags):
                            continue  # under `if self.flag:` with the flag only ever set to False: it never runs
                        close = difflib.get_close_matches(attr, sorted(n for n in own if not n.startswith("__")),
                                                          n=1)
                        hint = f"; did you mean `self.{close[0]}`?" if close else ""
                        yield self.finding(
                            file, load.loc,
                            f"`self.{attr}` is read in `{method.name}` but `{info.name}` never defines it"
                            f" (AttributeError at run time){hint}",
                        )


def _never_true(flag: str, ref, index) -> bool:
    """``self.flag`` is only ever assigned ``False`` or ``None`` in the class, its bases and subclasses, and
    nothing in the project sets it on another object or by name: a branch under it never runs."""
    family = {c.qual: c for c in [*index.mro(ref)] + [k for sub in index.subclasses(ref) for k in index.mro(sub)]}
    if any(flag in cls.info.attrs for cls in family.values()):
        return False  # a class attribute: `use_mmd = True` in the class body
    stores = [st for cls in family.values() for method in cls.info.methods.values()
              for fn in iter_same_self(method) for st in fn.stores if st.attr == flag]
    if not stores or any(st.value_key not in ("False", "None") for st in stores):
        return False
    names, computed = _set_elsewhere(index)
    return not computed and flag not in names


def _set_elsewhere(index) -> tuple[frozenset, bool]:
    """Attribute names the project may set other than by a plain ``self.X = ...``: assigned on other objects
    (``model.use_mmd = True``, in a tuple too), updated in place (``self.use_mmd |= on``), named by a string
    (``setattr(m, "use_mmd", v)``, any string handed to a call); and whether anything sets attributes under
    computed names (``setattr(model, k, v)``), which may set any."""
    def compute():
        out, computed = set(), False
        for summary in index.files:
            out.update(summary.assigned_outside)
            for fn in summary.scopes:
                for store in fn.attr_stores:
                    if not store.key.startswith("self.") or store.key.count(".") > 1:
                        out.add(store.key.rsplit(".", 1)[-1])
                out.update(k.rsplit(".", 1)[-1] for k in fn.aug_assigned if "." in k)
                out |= fn.setattr_names
                computed = computed or fn.computed_setattr or bool(fn.param_writes)
                for call in fn.calls:
                    out.update(a.value for a in call.args if isinstance(a.value, str))
                    if call.method == "setattr" and (len(call.args) < 2 or not isinstance(call.args[1].value, str)):
                        computed = True
        return frozenset(out), computed

    return index.cached("ini001-set-elsewhere", compute)


def _nfkc(name: str) -> str:
    return name if name.isascii() else unicodedata.normalize("NFKC", name)
