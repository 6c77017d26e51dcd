"""INI306 init-on-reparametrized-weight: init of ``X.weight`` after weight_norm/spectral_norm/parametrize."""

from __future__ import annotations

from .. import events
from ..torchnames import INIT
from . import Related, Rule

REPARAM = frozenset({"weight_norm", "spectral_norm", "register_parametrization"})


class InitOnReparametrizedWeight(Rule):
    code = "INI306"
    name = "init-on-reparametrized-weight"
    summary = "`nn.init` on `X.weight` after `weight_norm`/`spectral_norm`/`register_parametrization` on X"

    def check(self, file, index):
        for fn in file.scopes:
            wrapped = _wrapped(fn)
            if not wrapped:
                continue
            for init in fn.inits:
                # the module the init writes, aliases resolved (w = conv.weight; nn.init.normal_(w))
                for ev in events.of(init, file, index):
                    call = wrapped.get(ev.subject or "")
                    if call is not None and call.order < init.order and _writes_weight(init, ev):
                        yield self.finding(file, init.loc, _message(ev.key, call), related=_wrap(file, call))
                        break
            # X = weight_norm(...); X.apply(init_fn): the init function writes m.weight of the wrapped layer
            for apply in fn.calls:
                call = wrapped.get(apply.receiver or "")
                if apply.method != "apply" or call is None or call.order > apply.order or not apply.args:
                    continue
                resolved = index._resolve_applied(apply.args[0].key or "", file, fn.qualname)
                if resolved is not None and any(_writes_weight(i) and i.subject == resolved[0].first_param
                                                for i in resolved[0].inits):
                    yield self.finding(file, apply.loc, _message(f"{apply.receiver}.weight", call,
                                                                 f"`{resolved[0].name}` (applied here)"),
                                       related=_wrap(file, call))
        # self.conv = weight_norm(...) in __init__; self.conv.weight initialized in a method __init__ calls
        for info in file.classes:
            init_fn = info.methods.get("__init__")
            wrapped = {k: c for k, c in _wrapped(init_fn).items() if k.startswith("self.")} if init_fn else {}
            if not wrapped:
                continue
            for call in init_fn.calls:
                helper = info.methods.get(call.func[5:]) if call.func.startswith("self.") else None
                if helper is None or helper is init_fn:
                    continue
                for init in helper.inits:
                    wrap = wrapped.get(init.subject or "")
                    if wrap is not None and wrap.order < call.order and _writes_weight(init):
                        yield self.finding(file, init.loc, _message(init.target_key, wrap), related=_wrap(file, wrap))


def _wrapped(fn) -> dict:
    """Objects a reparametrization was applied to in this scope: key -> the wrapping call."""
    out = {}
    for call in fn.calls:
        if call.method not in REPARAM:
            continue
        if call.target:
            out.setdefault(call.target, call)
        if call.args and call.args[0].key:
            out.setdefault(call.args[0].key, call)
    return out


def _wrap(file, call) -> list:
    return [Related(file.path, call.loc, f"`{call.method}(...)` reparametrizes the weight here")]


def _writes_weight(init, ev=None) -> bool:
    return (init.func.startswith(INIT) or init.is_torch) and (ev.param if ev is not None else init.target) == "weight"


def _message(key: str, call, where: str = "") -> str:
    by = f" by {where}" if where else ""
    return (f"`{key}` is derived by `{call.method}` (applied above), so initializing it{by} is a silent no-op"
            " (or NaN with the old spectral_norm); initialize the weight before"
            f" `{call.method}(...)`, or the underlying `weight_orig`/`weight_v`/`parametrizations.weight.original`")
