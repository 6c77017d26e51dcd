"""INI102 fan-init-on-vector: a fan-based or matrix initializer applied to a 1-D tensor."""

from __future__ import annotations

import re

from ..events import events
from .._torch_attrs import TORCH_ATTRS
from ..torchnames import FAMILIES, FAN_INITS, NO_WEIGHT_ATTR, NORM_TYPES, PARAMETERIZED, torch_layer
from . import Rule, iter_with_nested
from ._units import lacks, reach_of

_BIAS = re.compile(r"^bias(_[ih]h_l\d+(_reverse)?)?$|^bias_[ih]h")


#: an exception handler that catches the ValueError torch raises for a tensor with too few dimensions
_HANDLES_VALUE_ERROR = frozenset({"ValueError", "Exception", "BaseException", "*"})


class FanInitOnVector(Rule):
    code = "INI102"
    name = "fan-init-on-vector"
    summary = "Fan-based or matrix initializer applied to a 1-D tensor (bias, norm weight)"

    def check(self, file, index):
        seen = set()
        for ev in events(file, index):
            init = ev.init
            if ev.loc in seen:
                continue
            name = init.name
            if name not in FAN_INITS or not init.func.startswith("torch.nn.init.") or not ev.direct:
                continue
            if any(c.kind == "catches" and set(c.types) & _HANDLES_VALUE_ERROR for c in init.conds):
                continue  # try: ... except ValueError / with suppress(ValueError): the error is handled
            if name == "dirac_" and ev.param == "weight":
                layers = [torch_layer(t) for t in ev.types]
                if layers and all(layer in ("Linear", "Bilinear", "LazyLinear") for layer in layers):
                    yield self.finding(
                        file, ev.loc,
                        f"`dirac_` needs a 3-, 4- or 5-D convolution weight, but `{ev.key}` is the"
                        " 2-D weight of a Linear layer (ValueError at run time); use `eye_` for matrices",
                    )
                    continue
            reason = self.reason(ev, file, index)
            if reason:
                seen.add(ev.loc)
                yield self.finding(
                    file, ev.loc,
                    f"`{name}` needs a tensor with at least 2 dimensions, but {reason}"
                    " (ValueError at run time); use `zeros_`/`constant_`/`normal_` for 1-D tensors",
                )

    def reason(self, ev, file, index):
        """Why the tensor an event writes is 1-D: a bias (its module known to be a torch layer: dispatch,
        module loop, its construction), the weight of a norm layer, or a parameter traversal with no
        dimension guard whose name filter lets biases or norm weights through."""
        init = ev.init
        attr, subject, key = ev.param, ev.subject, ev.key
        fn = file.function(ev.scope)
        types = ev.types
        layers = [torch_layer(t) for t in types]
        torch_dispatch = bool(types) and all(layers)
        built = {layer for layer, _ in ev.known_layers()}
        if attr and _BIAS.match(attr):
            store = None
            if subject and subject.startswith("self.") and subject.count(".") == 1 and fn.cls:
                info = file.cls(fn.cls)
                store = next((s for m in (info.methods.values() if info else ()) for s in m.stores
                              if s.attr == subject[5:] and s.value == "call"), None)
            from_loop = any(subject == lp.targets[-1] and lp.source in ("modules", "named_modules")
                            for lp in init.loops if lp.targets)
            if torch_dispatch or from_loop or (store is not None and torch_layer(store.call)) or built:
                return f"`{key}` is a 1-D bias"
            return None
        if attr == "weight" and torch_dispatch and all(layer in NORM_TYPES for layer in layers):
            return f"`{key}` is the 1-D weight of a normalization layer"
        if attr == "weight" and subject and subject.startswith("self.") and subject.count(".") == 1 and fn.cls:
            info = file.cls(fn.cls)
            stored = {torch_layer(s.call) for m in (info.methods.values() if info else ()) for s in m.stores
                      if s.attr == subject[5:] and s.value == "call"}
            if stored and all(layer in NORM_TYPES for layer in stored):
                return f"`{key}` is the 1-D weight of a {stored.pop()}"
        if attr == "weight" and built and all(layer in NORM_TYPES for layer in built):
            return f"`{key}` is the 1-D weight of a {sorted(built)[0]}"
        if attr is None and subject:
            loop = ev.param_loop
            if loop is None:
                return None
            if any(c.kind == "dim" and c.subject in ev.keys for c in init.conds):
                return None
            name_var = loop.targets[0] if len(loop.targets) > 1 else None
            name_conds = [c for c in init.conds if c.subject == name_var] if name_var else []
            if name_conds:
                if not all(_passes_norm_weights(c) for c in name_conds):
                    return None  # the filter selects tensors by a name a norm weight is not known to have
                owner = loop.owner or _state_dict_owner(loop)
                models = index.receiver_classes(owner, fn.qualname, file, init.order)
                if not models:
                    return None
                reach = reach_of(models, index)
                norms = sorted({layer for layer, _ in reach.layers if layer in NORM_TYPES})
                if not norms:
                    return None
                return (f"the name filter still lets through the 1-D weights of {', '.join(norms)}"
                        f" in `{loop.iter}`")
            owner = loop.owner or _state_dict_owner(loop)
            if _only_matrices(index.receiver_classes(owner, fn.qualname, file, init.order), index, fn, init.order):
                return None  # every tensor of the model is known to have 2 dimensions or more
            return f"the loop over `{loop.iter}` also yields 1-D biases and norm weights (no `p.dim() > 1` guard)"
        return None


#: torch layers whose only parameter is a weight of 2 dimensions or more
_WEIGHT_ONLY = frozenset({"Embedding", "EmbeddingBag"})
#: torch layers whose parameters are a weight of 2 dimensions or more and an optional 1-D bias
_WEIGHT_AND_BIAS = frozenset({"Linear", "Bilinear", *FAMILIES["conv"]})
_PARAMETERS = frozenset({"Parameter", "ParameterList", "ParameterDict"})
_REPARAMETRIZE = frozenset({"spectral_norm", "weight_norm", "register_parametrization"})
_REGISTERS = frozenset({"register_buffer", "register_parameter", "setattr", "__setattr__", "add_module",
                        "register_module"})


def _parameter_free(layer: str) -> bool:
    """A torch layer known to hold no parameter or buffer (``ReLU``, ``Dropout``, ``ZeroPad2d``)."""
    attrs = TORCH_ATTRS.get(layer)
    return attrs is not None and layer not in PARAMETERIZED and layer not in NO_WEIGHT_ATTR and not (
        attrs & {"weight", "bias", "reset_parameters", "running_mean", "in_proj_weight"})


def _only_matrices(models, index, scope, before: int) -> bool:
    """Whether every tensor the models hold is known to have 2 dimensions or more: all they build is known
    (torch layers and project modules), each layer is parameter-free, an embedding, or a linear or convolution
    layer built with a literal ``bias=False``, and no class of theirs registers a Parameter or buffer itself (in
    ``scope``, the function that runs the loop, only before the loop: ``before``)."""
    if not models:
        return False
    reach = reach_of(models, index)
    if not reach.complete or reach.reparam:
        return False
    for layer, call in reach.layers:
        if _parameter_free(layer) or layer in _WEIGHT_ONLY or layer in _PARAMETERS:
            continue  # a Parameter: its store is looked at below
        why = lacks(layer, call, "bias") if layer in _WEIGHT_AND_BIAS else None
        if why is None or " may have " in why:
            return False
    for ref in {c.qual: c for c in [*models, *reach.classes]}.values():
        for cls in index.mro(ref):
            for method in cls.info.methods.values():
                for fn in iter_with_nested(method):
                    # before the loop, in the function that runs it; anywhere, elsewhere
                    calls = [c for c in fn.calls if fn is not scope or c.order < before]
                    registers = fn.registered or fn.setattr_names if fn is not scope else any(
                        c.method in _REGISTERS for c in calls)
                    if registers or fn.computed_setattr or any(
                            c.method in _PARAMETERS or c.method in _REPARAMETRIZE for c in calls) or any(
                            st.key.startswith("self.") for st in fn.attr_stores):
                        return False  # a Parameter built, a reparametrization (its 1-D u/v), self.fc.bias = ...
    return True


def _state_dict_owner(loop):
    """``self`` in ``self.state_dict().items()``."""
    it = loop.iter or ""
    return it.split(".state_dict()", 1)[0] if ".state_dict()" in it else None


def _passes_norm_weights(cond) -> bool:
    """Whether a filter on a parameter's name is known to let through the weight of a norm layer, whose name
    is only known to end in ``.weight``: ``"weight" in name``, ``"bias" not in name``,
    ``name not in [...]``. ``"weight_hh" in name`` or ``name in ["fc2.weight"]`` select other tensors."""
    if cond.kind == "namehas" and cond.attr is not None:
        return (cond.attr in ".weight") != cond.negated
    if cond.kind == "namein":
        return cond.negated
    if cond.kind == "nameany":
        return any(lit in ".weight" for lit in cond.types)
    return False
