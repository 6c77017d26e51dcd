"""INI304 init-function-never-applied: an init function is defined and never referenced."""

from __future__ import annotations

import re

from ..index import ClassRef, construction_functions
from .. import events
from ..torchnames import INIT
from . import Rule, iter_with_nested

HOOKS = frozenset({"reset_parameters", "_reset_parameters", "__init__", "forward"})

#: a tensor made from another, not a view of it: ``x.new_empty(n).normal_()`` writes the new one
_FRESH = re.compile(r"\.(new_\w+|clone|new)\(\)")


class InitFunctionNeverApplied(Rule):
    code = "INI304"
    related_elsewhere = False  # its findings never name a place in another file
    name = "init-function-never-applied"
    summary = "An init function or method is defined but never applied or called anywhere in the project"

    def check(self, file, index):
        used = _names(index)
        for fn in file.functions:
            if fn.parent is not None or fn.name in HOOKS or not fn.params:
                continue
            if (fn.name in used) if fn.cls is None else self.method_referenced(fn, file, index):
                continue
            if fn.name.startswith("test") or any(d not in ("staticmethod", "classmethod") for d in fn.decorators):
                continue
            subject = fn.params[1] if fn.is_instance_method and len(fn.params) > 1 else fn.params[0]
            # a module's tensors (``m.weight``, ``self.fc.bias``), not a bare tensor argument
            owners = ("self", subject) if fn.is_instance_method else (subject,)
            # the tensors written, aliases resolved (w = m.weight; normal_(w) writes m.weight)
            # (a gradient zeroed, ``x.grad.data.zero_()``, is not a weight)
            touched = [ev for i in fn.inits for ev in events.of(i, file, index) if ev.key and "." in ev.key
                       and not _FRESH.search(ev.key) and "grad" not in ev.key.split(".") and (
                ev.key.split(".")[0] in owners or any(lp.owner in owners for lp in i.loops))]
            touches = [ev.init for ev in touched]
            # it applies an inner init function to its module itself (net.apply(init_func))
            walks = applied_nested_inits(fn, owners, file, index)
            touches += walks
            # copy_ writes a given value (a gradient, a loaded tensor): not known to initialize
            if not any((i.func.startswith(INIT) or i.is_torch) and i.name != "copy_" for i in touches):
                continue
            if fn.cls is not None and self.framework_hook(fn, file, index):
                continue
            if fn.cls is not None and not walks and touched and all(
                    already_initialized(ev.key, fn, file, index) for ev in touched):
                continue  # it repeats what the model's construction does: the model does not keep the default
            yield self.finding(
                file, fn.loc,
                f"`{fn.name}` initializes weights but nothing in the checked code calls or applies it, so the model"
                f" keeps PyTorch's default init; call it (e.g. `{suggestion(fn, bool(walks))}` at the end of"
                " `__init__`) or delete it",
            )

    @staticmethod
    def method_referenced(fn, file, index) -> bool:
        """``self.<name>`` read anywhere in the class, its bases or subclasses; ``x.<name>`` called or read on
        another object anywhere (``m._init_weights()``, ``model.init_weights``); the name as a string."""
        info = file.cls(fn.cls)
        if info is None:
            return True
        ref = ClassRef(info, file)
        if index.is_module(ref) is not True:
            return True  # only the methods of models initialize weights
        for cls in [*index.mro(ref), *index.subclasses(ref)]:
            for method in cls.info.methods.values():
                if any(load.attr == fn.name for f in iter_with_nested(method) for load in f.loads):
                    return True
        return fn.name in _outside_references(index)

    @staticmethod
    def framework_hook(fn, file, index) -> bool:
        """Methods a base class calls: overrides, HF `_init_weights`, mmcv `init_weights`, unknown bases."""
        info = file.cls(fn.cls)
        if info is None:
            return True
        ref = ClassRef(info, file)
        for base in index.mro(ref)[1:]:
            if fn.name in base.info.methods:
                return True  # an override: the base calls it
        for cls in index.mro(ref):
            for base in index.bases(cls):
                name = base if isinstance(base, str) else base.info.name
                if isinstance(base, str) and not base.startswith("torch.nn.Module") and base not in (
                        "object", "abc.ABC", "ABC"):
                    return True  # an external base may call it (PreTrainedModel, BaseModule, Lightning...)
                if "PreTrainedModel" in name or "BaseModule" in name:
                    return True
        return False


def already_initialized(key: str, fn, file, index) -> bool:
    """Whether the tensor ``key`` (``self.fc.weight``, ``self.w[k].data``) that an uncalled method writes is
    initialized when the model is built anyway: by an init in code ``__init__`` runs (as INI004 finds it), or,
    for a submodule's tensor, by the constructor of the project class that builds that submodule."""
    from .ini004 import ParameterNeverInitialized

    parts = _without_data(key).split(".")
    if parts[0] != "self" or len(parts) < 2:
        return False
    info = file.cls(fn.cls)
    if info is None:
        return False
    ref = ClassRef(info, file)
    sub = parts[1].split("[")[0]
    if ParameterNeverInitialized.initialized_in_class(".".join(parts[1:]).split("[")[0], index.mro(ref), index):
        return True
    if len(parts) == 2:
        return _built_with_values(sub, ref, index)
    # the tensor as the submodule's own code names it: self.block.fc1.weight -> self.fc1.weight
    inner = "self." + ".".join(parts[2:])
    stores = [(store, cls) for cls in index.mro(ref) for method in cls.info.methods.values()
              for store in method.stores if store.attr == sub]
    if not stores:
        return False
    for store, cls in stores:
        built = index.resolve_class(store.call, cls.file) if store.value == "call" else None
        if built is None or index.is_module(built) is not True or not _constructor_initializes(built, inner, index):
            return False
    return True


#: tensor constructors whose values are chosen by the code (a constant other than zero, or a random draw)
_VALUED = frozenset({"full", "new_full", "ones", "new_ones", "full_like", "ones_like", "randn", "rand", "normal",
                     "randn_like", "rand_like", "tensor"})


def _built_with_values(attr: str, ref, index) -> bool:
    """``self.attr = nn.Parameter(<values>)``: every assignment the class makes builds it from a tensor whose values
    the code chose (``w.new_full((3,), 1e-3)``, ``torch.randn(n)``); not uninitialized memory, nor zeros."""
    from .ini004 import PARAMETER

    stores = [st for cls in index.mro(ref) for method in cls.info.methods.values() for st in method.stores
              if st.attr == attr]
    return bool(stores) and all(
        st.value == "call" and st.call in PARAMETER and st.call_args and st.call_args[0].keyword is None
        and (st.call_args[0].call or "").rsplit(".", 1)[-1] in _VALUED for st in stores)


def _constructor_initializes(ref, key: str, index) -> bool:
    """A project module whose construction (``__init__`` or a method it calls on ``self``) initializes the
    tensor ``key`` of its own (``self.weight``), or every parameter it holds."""
    methods: dict = {}
    for cls in index.mro(ref):
        for name, method in cls.info.methods.items():
            methods.setdefault(name, method)
    for f in construction_functions(methods):
        for i in f.inits:
            target = _without_data(i.target_key or "")
            if target == key or target.startswith(key + "[") or any(
                    lp.owner == "self" and lp.source in ("parameters", "named_parameters") for lp in i.loops):
                return True
    return False


def _without_data(key: str) -> str:
    """``self.w[k].data`` -> ``self.w[k]``: the tensor a key names, ``.data`` being the same storage."""
    return ".".join(q for q in key.split(".") if q != "data")


def applied_nested_inits(fn, owners, file, index) -> list:
    """Inits of a function defined inside ``fn`` that ``fn`` applies to its module (``net.apply(init_func)``)
    and that write that function's own module argument (aliases resolved: the init events of the inner
    function): ``fn`` initializes the module it is given."""
    out = []
    for inner in fn.nested:
        if not inner.params or not any(c.method == "apply" and c.receiver in owners and len(c.args) == 1
                                       and c.args[0].key == inner.name for c in fn.calls):
            continue
        out += [ev.init for i in inner.inits for ev in events.of(i, file, index)
                if ev.key and "." in ev.key and ev.key.split(".")[0] == inner.params[0]]
    return out


def suggestion(fn, walks: bool = False) -> str:
    """How to run it: ``self.apply(self.f)`` only for a function that takes the module; a method that takes
    nothing but ``self`` is called (``self.apply`` would pass it a module it cannot take: INI309); a function that
    applies an inner init function to the module it is given (``walks``) is called with the model."""
    if fn.cls is None and walks:
        return f"{fn.name}(self)"
    if fn.cls is None:
        if fn.signature is not None and not fn.signature.accepts(1):
            return f"{fn.name}(self, ...)"
        return f"self.apply({fn.name})"
    takes_module = fn.signature is None or fn.signature.accepts(1, 1 if fn.is_instance_method else 0)
    if fn.is_instance_method and not takes_module:
        return f"self.{fn.name}()"
    if not fn.is_instance_method and "classmethod" in fn.decorators and not takes_module:
        return f"self.{fn.name}()"
    return f"self.apply(self.{fn.name})"


def _outside_references(index) -> set:
    """Method names used on other objects than ``self`` (calls, arguments, strings), project-wide."""
    def compute():
        out = set()
        for summary in index.files:
            out |= summary.foreign_attrs
            for fn in summary.scopes:
                for call in fn.calls:
                    out.update(arg.value for arg in call.args if isinstance(arg.value, str))
        return out

    return index.cached("ini304-outside", compute)


def _names(index) -> set:
    cached = getattr(index, "_ini304_names", None)
    if cached is None:
        cached = set().union(*(s.names for s in index.files)) if index.files else set()
        index._ini304_names = cached
    return cached
