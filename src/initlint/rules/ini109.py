"""INI109 module-init-helper-given-tensor: mmcv/mmengine's module init helpers called with a tensor.

``constant_init``, ``xavier_init``, ``normal_init``, ``trunc_normal_init``, ``uniform_init``, ``kaiming_init`` and
``caffe2_xavier_init`` of mmcv and mmengine take a *module* and initialize its ``weight`` and ``bias`` when it has
them (``hasattr(module, "weight")``). Given a tensor (``m.weight``, ``self.fc.bias``, a ``Parameter``) they find no
``weight`` attribute and do nothing, silently.

This rule is about those libraries' own API, so it names them: it fires only when the callee resolves through the
file's imports to ``mmcv`` or ``mmengine``, and only when the argument is known to be a tensor.
"""

from __future__ import annotations

import re

from .._torch_attrs import TORCH_ATTRS
from ..index import ClassRef
from ..summary import dispatch_types, iter_with_nested
from ..torchnames import canonical, torch_layer
from . import Rule

HELPERS = {
    "constant_init": "constant_",
    "xavier_init": "xavier_uniform_` / `xavier_normal_",
    "normal_init": "normal_",
    "trunc_normal_init": "trunc_normal_",
    "uniform_init": "uniform_",
    "kaiming_init": "kaiming_normal_` / `kaiming_uniform_",
    "caffe2_xavier_init": "kaiming_uniform_",
}
LIBRARIES = ("mmcv.", "mmengine.")
#: parameter names that only torch layers' parameters carry
ALWAYS_TENSOR = re.compile(r"^(weight|bias)_(ih|hh)_l\d+(_reverse)?$|^in_proj_(weight|bias)$")
TENSOR_NAMES = ("weight", "bias")


def is_parameter_call(qual: str | None) -> bool:
    qual = canonical(qual) or ""
    return qual in ("torch.nn.Parameter", "torch.nn.parameter.Parameter")


class ModuleInitHelperGivenTensor(Rule):
    code = "INI109"
    related_elsewhere = False  # its findings never name a place in another file
    name = "module-init-helper-given-tensor"
    summary = "mmcv/mmengine `constant_init`/`xavier_init`/... given a tensor: they take a module and do nothing"

    def check(self, file, index):
        for fn in file.scopes:
            for call in fn.calls:
                qual = reexported(call.qual or "", index)
                last = qual.rsplit(".", 1)[-1]
                if last not in HELPERS or not qual.startswith(LIBRARIES):
                    continue
                first = next((a for a in call.args if a.keyword == "module"), None) or next(
                    (a for a in call.args if a.keyword is None), None)
                if first is None:
                    continue
                what = self.tensor(first, call, fn, file, index)
                if what is None:
                    continue
                yield self.finding(
                    file, call.loc,
                    f"`{last}` takes a module and initializes its `weight`/`bias`, but it is given {what}: it finds"
                    f" no `weight` attribute and does nothing, so the tensor keeps its default init; pass the"
                    f" module, or call `nn.init.{HELPERS[last]}` on the tensor",
                )

    @staticmethod
    def tensor(arg, call, fn, file, index) -> str | None:
        """How the argument is known to be a tensor, or None."""
        if arg.call is not None:
            return "a `Parameter`" if is_parameter_call(arg.call) else None
        key = arg.key or ""
        while key.endswith(".data"):
            key = key[: -len(".data")]
        if "." not in key or "(" in key or "[" in key:
            return None
        base, _, name = key.rpartition(".")
        if ALWAYS_TENSOR.match(name):
            return f"the parameter `{key}`"
        if name not in TENSOR_NAMES:
            # ``self.w`` built as a Parameter
            if base == "self" and stores_of(fn, file, index, name, parameter=True):
                return f"the parameter `{key}`"
            return None
        if base == "self":
            return f"the parameter `{key}`" if stores_of(fn, file, index, name, parameter=True) else None
        if base.startswith("self.") and base.count(".") == 1:
            layers = stores_of(fn, file, index, base[5:])
            if layers and all(name in TORCH_ATTRS.get(layer, ()) for layer in layers):
                return f"the parameter `{key}` of a `{layers[0]}`"
            return None
        if "." not in base:
            types = dispatch_types(call.conds, base)
            layers = [torch_layer(canonical(t)) for t in types]
            if layers and all(layer and name in TORCH_ATTRS.get(layer, ()) for layer in layers):
                return f"the parameter `{key}` of a `{layers[0]}`"
        return None


def reexported(qual: str, index) -> str:
    """Follow a project module's re-export (``from mmcv.cnn import constant_init`` in ``pkg/utils.py``, imported
    from there) to the name it binds."""
    for _ in range(5):
        module, _, name = qual.rpartition(".")
        summary = index.modules.get(module)
        if summary is None or name not in summary.imports:
            return qual
        if any(fn.name == name and fn.cls is None for fn in summary.functions):
            return qual  # defined there too: which binding wins is unknown
        qual = summary.imports[name]
    return qual


def stores_of(fn, file, index, attr: str, parameter: bool = False) -> list | None:
    """The torch layer names (or, with ``parameter``, ``Parameter``) every ``self.<attr> = ...`` of the class
    of ``fn`` (and its project bases) assigns; None when one of them is something else or there is none."""
    if fn.cls is None:
        return None
    info = file.cls(fn.cls)
    if info is None:
        return None
    found = []
    for cls in index.mro(ClassRef(info, file)):
        for method in cls.info.methods.values():
            for scope in iter_with_nested(method):
                for store in scope.stores:
                    if store.attr != attr:
                        continue
                    if store.value != "call":
                        return None
                    if parameter:
                        if not is_parameter_call(store.call):
                            return None
                        found.append("Parameter")
                    else:
                        layer = torch_layer(canonical(store.call))
                        if layer is None:
                            return None
                        found.append(layer)
    return found or None
