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
                        close = difflib.get_close_matches(attr, sorted(n for n in own if not n.startswith("__")),
                                                          n=1)
                        hint = f"; did you mean `self.{close[0]}`?" if close else ""
                        yield self.finding(
                            file, load.loc,
                            f"`self.{attr}` is read in `{method.name}` but `{info.name}` never defines it"
                            f" (AttributeError at run time){hint}",
                        )


def _nfkc(name: str) -> str:
    return name if name.isascii() else unicodedata.normalize("NFKC", name)
