"""INI107 inplace-parameter-init: in-place writes to a parameter outside ``torch.no_grad()``."""

from __future__ import annotations

from .. import events
from ..summary import dispatch_types
from ..torchnames import INIT, PARAMETERIZED, canonical, torch_layer
from . import Related, Rule

PARAMETER = frozenset({"torch.nn.Parameter", "torch.nn.parameter.Parameter"})
#: stores after which an attribute holds a container of tensors, not a tensor
_CONTAINER_CALLS = frozenset({"dict", "list", "torch.nn.ParameterDict", "torch.nn.ParameterList",
                              "torch.nn.ModuleDict", "torch.nn.ModuleList", "collections.OrderedDict"})


def _is_parameter_store(store) -> bool:
    return store.value == "call" and store.call in PARAMETER


def known_parameter_at(info, fn, store) -> bool:
    """Whether ``self.<store.attr>`` is known to hold a Parameter when ``store`` runs: a Parameter store of the
    same attribute dominates it (earlier in the same function, under a prefix of its conditions), or one is made
    in another method where every store of that attribute makes a Parameter. A Parameter in one branch and a
    plain value in the other leaves the plain branch's attribute not a Parameter."""
    for method in info.methods.values():
        mine = [s for s in method.stores if s.attr == store.attr]
        made = [s for s in mine if _is_parameter_store(s)]
        if not made:
            continue
        if method is fn:
            if any(p.order < store.order and tuple(store.conds[:len(p.conds)]) == tuple(p.conds) for p in made):
                return True
        elif len(made) == len(mine):
            return True
    return False


def container_attrs(info) -> set:
    """``self.X`` attributes that some store makes a dict or list (``self.mask = {}``): an item store into them
    replaces an entry, it does not write a tensor."""
    out = set()
    for method in (info.methods.values() if info else ()):
        for store in method.stores:
            if store.value in ("dict", "list", "comp") or (store.value == "call" and store.call in _CONTAINER_CALLS):
                out.add(store.attr)
    return out


def _without_grad(store) -> bool:
    """``nn.Parameter(t, requires_grad=False)`` (or ``False`` given second): not a leaf that requires grad, so an
    in-place write to it is allowed."""
    args = store.call_args
    flag = next((a for a in args if a.keyword == "requires_grad"), None)
    if flag is None:
        positional = [a for a in args if a.keyword is None]
        flag = positional[1] if len(positional) > 1 else None
    return flag is not None and flag.value is False


def parameter_attrs(info, grad_only: bool = False) -> set:
    """``self.X`` attributes that are assigned an ``nn.Parameter`` somewhere in the class (with ``grad_only``:
    one that requires grad)."""
    out = set()
    for method in (info.methods.values() if info else ()):
        for store in method.stores:
            if store.value == "call" and store.call in PARAMETER and not (grad_only and _without_grad(store)):
                out.add(store.attr)
    return out


class InplaceParameterInit(Rule):
    code = "INI107"
    name = "inplace-parameter-init"
    summary = "In-place write to a parameter outside `torch.no_grad()` and not through `.data`"

    def check(self, file, index):
        for fn in file.scopes:
            if _called_only_without_grad(fn, file, index):
                continue  # every call of it in the checked files runs under torch.no_grad()
            info = file.cls(fn.cls) if fn.cls else None
            params = parameter_attrs(info, grad_only=True)  # an in-place write fails only on those
            layers = self.layer_attrs(info, index, file)
            local_layers = {c.target for c in fn.calls if c.target and "." not in c.target
                            and torch_layer(c.qual) in PARAMETERIZED}
            for init in fn.inits:
                if init.func.startswith(INIT) or not init.is_torch or init.via_data or init.no_grad:
                    continue
                # the tensor the init writes, aliases resolved (w = self.fc.weight; w.normal_()) and each element
                # of a loop over [self.w1, self.w2]
                if any(not ev.via_data and self.is_parameter(ev.key, init.conds, params, layers, local_layers)
                       for ev in events.of(init, file, index)):
                    yield self.finding(
                        file, init.loc,
                        f"`{init.target_key}.{init.name}(...)` writes a leaf parameter in place with autograd on"
                        " (RuntimeError: a leaf Variable that requires grad is being used in an in-place"
                        f" operation); use `nn.init.{init.name}` or wrap it in `with torch.no_grad():`",
                    )
            containers = container_attrs(info)
            for item in fn.item_stores:
                if item.via_data or item.no_grad or item.value_call in PARAMETER:
                    continue  # self.mask[key] = nn.Parameter(...) stores a new Parameter into a container
                if item.key.startswith("self.") and item.key.count(".") == 1 and item.key[5:] in containers:
                    continue
                if item.key.startswith("self.") and item.key.count(".") == 1 and _plain_before(fn, item):
                    continue  # self.k = torch.zeros(...); self.k[0] = 1; self.k = nn.Parameter(self.k)
                written = events.resolved_key(fn, item.key, item.order)
                if self.is_parameter(item.key, item.conds, params, layers, local_layers) and not any(
                        _grad_turned_off(fn, k, item.order) for k in (written, written.rsplit(".", 1)[0])):
                    yield self.finding(
                        file, item.loc,
                        f"item assignment into parameter `{item.key}` with autograd on (RuntimeError at run time);"
                        " wrap it in `with torch.no_grad():`",
                    )
            # a helper given a parameter writes it in place: create_table(E=self.pos.weight) with E[:, 0::2] = ...
            aliases = {name for name, _, _ in fn.binds}
            for call in fn.calls:
                if call.no_grad or not call.args:
                    continue
                # an argument that is a parameter here (checked before resolving the callee: most calls pass none)
                passed = {a.key: key for a in call.args if a.key and ("." in a.key or a.key in aliases)
                          and "(" not in a.key and "[" not in a.key
                          and self.is_parameter(key := events.resolved_key(fn, a.key, call.order), call.conds,
                                                params, layers, local_layers)}
                if not passed:
                    continue
                for write, where, key in _helper_writes(call, passed, info, file, index):
                    if not _grad_turned_off(fn, key, call.order):
                        yield self.finding(
                            file, call.loc,
                            f"`{call.func}` writes its argument `{key}`, a leaf parameter, in place with autograd on"
                            " (RuntimeError: a leaf Variable that requires grad is being used in an in-place"
                            " operation); call it under `with torch.no_grad():` or pass"
                            f" `{key}.data`", related=[Related(where, write.loc, "the in-place write")])
                        break
            every_param = parameter_attrs(info)
            # m.bias = zero_weight(...) / self.fc.weight = torch.randn(...): a layer's registered parameter
            for store in fn.attr_stores:
                parts = store.key.split(".")
                if parts[-1] not in ("weight", "bias") or not self.is_parameter(store.key, store.conds, every_param,
                                                                                 layers, local_layers):
                    continue
                if len(parts) == 2 and parts[0] == "self":
                    continue  # self.weight = ...: the class's own attribute, handled above
                call = next((c for c in fn.calls if c.target == store.key and c.stmt == store.stmt), None)
                if call is not None and _plain_tensor(call, file, index):
                    yield self.finding(
                        file, store.loc,
                        f"a plain tensor (`{call.func}(...)`) is assigned to the registered parameter `{store.key}`"
                        " (TypeError: cannot assign a tensor as parameter); copy it in under `torch.no_grad()`"
                        f" (`{store.key}.copy_(...)`) or wrap it in `nn.Parameter`",
                    )
            for store in fn.stores:
                if store.attr not in every_param:
                    continue
                tensor_call = store.value == "call" and (store.call or "").startswith("torch.") and \
                    store.call not in PARAMETER and not (store.call or "").startswith("torch.nn.")
                if (store.value == "binop" or tensor_call) and known_parameter_at(info, fn, store):
                    yield self.finding(
                        file, store.loc,
                        f"a plain tensor is assigned to parameter `self.{store.attr}` (TypeError: cannot assign"
                        " a tensor as parameter); update it in place under `torch.no_grad()` or wrap it in"
                        " `nn.Parameter`",
                    )

    @staticmethod
    def layer_attrs(info, index, file) -> set:
        out = set()
        for method in (info.methods.values() if info else ()):
            for store in method.stores:
                if store.value == "call" and torch_layer(store.call) in PARAMETERIZED:
                    out.add(store.attr)
        return out

    @staticmethod
    def is_parameter(key, conds, params, layers, local_layers=frozenset()) -> bool:
        if not key:
            return False
        for cond in conds:  # if isinstance(self.scale, nn.Parameter): ... else: (a buffer there)
            if cond.kind == "isinstance" and cond.subject == key and any(
                    torch_layer(t) in ("Parameter", "UninitializedParameter") for t in cond.types):
                return not cond.negated
        parts = key.split(".")
        if len(parts) == 2 and parts[0] in local_layers and parts[1] in ("weight", "bias"):
            return True  # edge = nn.Conv2d(...); edge.weight[0, 0] = 1
        if parts[0] == "self" and len(parts) == 2:
            return parts[1] in params
        if parts[0] == "self" and len(parts) == 3 and parts[2] in ("weight", "bias"):
            return parts[1] in layers
        if len(parts) == 2 and parts[1] in ("weight", "bias"):
            types = dispatch_types(conds, parts[0])
            return bool(types) and all(torch_layer(t) in PARAMETERIZED for t in types)
        return False


def _tensor_factory(qual: str | None) -> bool:
    """A torch function that returns a new plain tensor (``torch.zeros``, ``torch.randn``), not a module or a
    Parameter."""
    return bool(qual) and qual.startswith("torch.") and not qual.startswith("torch.nn.") and qual.count(".") == 1 \
        and qual not in PARAMETER and qual.rsplit(".", 1)[-1][:1].islower()


def _plain_tensor(call, file, index) -> bool:
    """The call returns a plain tensor: a torch tensor factory, or a project function whose every ``return`` is
    one (``def zero_weight(shape): return torch.zeros(shape)``)."""
    if _tensor_factory(canonical(call.qual)):
        return True
    calls = index.returned_calls(call.func, file)
    return calls is not None and all(_tensor_factory(qual) for qual, _ in calls)


def _helper_writes(call, passed: dict, info, file, index):
    """(the write, its file's path, the caller's key) for each argument in ``passed`` (the call's argument keys
    that are parameters in the caller -> the tensor each names) that a project function or method writes in place
    with autograd on, before anything turns grad off on it or rebinds it: an item store (``E[:, 0::2] = x``) or an
    in-place tensor method (``E.normal_()``), not through ``.data``, not under ``no_grad``, under no condition that
    is not known to be about something else."""
    found = index.resolve_function(call.func, file, info)
    if found is None:
        return
    helper, home = found
    sig = helper.signature
    if helper.decorators and any(d not in ("staticmethod",) for d in helper.decorators) or sig is None:
        return
    bound = 1 if call.func.startswith("self.") and helper.is_instance_method else 0
    if sig.positional is None or len(call.positional()) + bound > sig.positional or call.starred:
        return
    for pos, arg in enumerate(call.args):
        name = helper.params[bound + pos] if arg.keyword is None else arg.keyword
        if arg.key not in passed or name not in helper.params:
            continue
        writes = [w for w in helper.item_stores if w.key == name and not w.via_data and not w.no_grad]
        writes += [i for i in helper.inits if i.target_key == name and i.is_torch and not i.func.startswith(INIT)
                   and not i.via_data and not i.no_grad and i.name != "copy_"]
        for write in sorted(writes, key=lambda w: w.order):
            if _grad_turned_off(helper, name, write.order) or any(
                    b == name and at < write.order for b, _, at in helper.binds):
                break
            if all(c.subject and c.subject.split(".")[0].split("[")[0] != name for c in write.conds):
                yield write, home.path, passed[arg.key]
                break


def _grad_turned_off(fn, key: str, before: int) -> bool:
    """``key.requires_grad = ...``, ``key.requires_grad_(...)`` or ``key.detach_()`` in ``fn`` before ``before``."""
    return any(s.key == key + ".requires_grad" and s.order < before for s in fn.attr_stores) or any(
        c.func in (key + ".requires_grad_", key + ".detach_") and c.order < before for c in fn.calls)


def _called_only_without_grad(fn, file, index) -> bool:
    """A method or function (not ``__init__``) that the checked files call under ``torch.no_grad()``
    (``@torch.no_grad() def from_experts(...): new.copy_weights(old)``) and nowhere else that the summaries show:
    its in-place writes run with autograd off. Matched by name, so a call of that name outside ``no_grad`` keeps
    it checked."""
    if fn.qualname == "<module>" or fn.name == "__init__" or fn.parent is not None:
        return False

    def compute():
        without, with_grad = set(), set()
        for summary in index.files:
            for scope in summary.scopes:
                without |= scope.nograd_calls
                with_grad.update(call.method for call in scope.calls if not call.no_grad)
        return without - with_grad

    return fn.name in index.cached("ini107-nograd-only", compute)


def _plain_before(fn, item) -> bool:
    """The last store of the attribute before the item store, in the same function, makes something other than
    a Parameter (a plain tensor, wrapped into a Parameter only afterwards)."""
    earlier = [s for s in fn.stores if s.attr == item.key[5:] and s.order < item.order]
    return bool(earlier) and not _is_parameter_store(max(earlier, key=lambda s: s.order))
