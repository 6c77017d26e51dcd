"""INI306 init-on-reparametrized-weight: init of ``X.weight`` after weight_norm/spectral_norm/parametrize."""

from __future__ import annotations

from .. import events
from ..torchnames import INIT, canonical, torch_layer
from ..index import ClassRef, Reach
from . import Related, Rule
from ._units import members

REPARAM = frozenset({"weight_norm", "spectral_norm", "register_parametrization"})


class InitOnReparametrizedWeight(Rule):
    code = "INI306"
    name = "init-on-reparametrized-weight"
    summary = "`nn.init` on `X.weight` after `weight_norm`/`spectral_norm`/`register_parametrization` on X"

    def check(self, file, index):
        reported = set()
        for fn in file.scopes:
            for apply, found in self._over_built(fn, file, index):
                reported.add(apply.loc)
                yield found
            wrapped = _wrapped(fn)
            if not wrapped:
                continue
            for init in fn.inits:
                # the module the init writes, aliases resolved (w = conv.weight; nn.init.normal_(w))
                for ev in events.of(init, file, index):
                    call = wrapped.get(ev.subject or "")
                    if call is not None and call.order < init.order and _writes_weight(init, ev) and \
                            not _lands_before_forward(call, init, fn.name == "__init__" and not _runs_forward(
                                fn, ev.subject, call.order, init.order)):
                        yield self.finding(file, init.loc, _message(ev.key, call), related=_wrap(file, call))
                        break
            # X = weight_norm(...); X.apply(init_fn): the init function writes m.weight of the wrapped layer
            for apply in fn.calls:
                call = wrapped.get(apply.receiver or "")
                if apply.method != "apply" or call is None or call.order > apply.order or not apply.args or \
                        apply.loc in reported:
                    continue
                resolved = index._resolve_applied(apply.args[0].key or "", file, fn.qualname)
                if resolved is not None and _applied_weight_inits(resolved, index):
                    yield self.finding(file, apply.loc, _message(f"{apply.receiver}.weight", call,
                                                                 f"`{resolved[0].name}` (applied here)"),
                                       related=_wrap(file, call))
            # X.append(weight_norm(nn.Conv1d(...))); X.apply(init_fn): the init function writes m.weight of a
            # layer type the container holds reparametrized
            held = _held_wrapped(fn)
            for apply in fn.calls:
                elements = held.get(apply.receiver or "")
                if apply.method != "apply" or not elements or not apply.args or apply.loc in reported:
                    continue
                elements = [(wrap, layer) for wrap, layer in elements if wrap.order < apply.order]
                resolved = index._resolve_applied(apply.args[0].key or "", file, fn.qualname)
                if not elements or resolved is None:
                    continue
                hit = [(wrap, layer) for wrap, layer in elements
                       if any(_selects(i, resolved[0].first_param, layer)
                              for i in _applied_weight_inits(resolved, index))]
                if hit:
                    wrap, layer = hit[0]
                    yield self.finding(
                        file, apply.loc,
                        f"`{apply.receiver}` holds `{layer}` layers reparametrized by `{wrap.method}`, whose"
                        f" `weight` is derived at every forward, so initializing it by `{resolved[0].name}` (applied"
                        f" here) is a silent no-op; initialize each layer before `{wrap.method}(...)`, or the"
                        " underlying `weight_v`/`weight_orig`/`parametrizations.weight.original`",
                        related=_wrap(file, wrap))
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
                    if wrap is not None and wrap.order < call.order and _writes_weight(init) and \
                            not _lands_before_forward(wrap, init, not _runs_forward(
                                init_fn, init.subject, wrap.order, call.order)):
                        yield self.finding(file, init.loc, _message(init.target_key, wrap), related=_wrap(file, wrap))

    def _over_built(self, fn, file, index):
        """``X.apply(f)`` where what X builds includes a layer built reparametrized (``weight_norm(nn.Conv1d(..))``
        inline, in a comprehension, in a sub-model's ``__init__`` or by a project factory returning one) whose
        ``weight`` f writes: a query over the model's reach. ``self.apply`` counts what ``__init__`` built
        before it; a receiver bound to a model (``model = Net()``) counts all the model builds."""
        for apply in fn.calls:
            if apply.method != "apply" or not apply.receiver or not apply.args:
                continue
            reparam = _built_reparametrized(apply, fn, file, index)
            if not reparam:
                continue
            resolved = index._resolve_applied(apply.args[0].key or "", file, fn.qualname)
            if resolved is None:
                continue
            inits = _applied_weight_inits(resolved, index)
            for layer, call, path, how in reparam:
                if any(_selects_known(i, resolved[0].first_param, layer) for i in inits):
                    where = "" if path == file.path else f" (in {path})"
                    yield apply, self.finding(
                        file, apply.loc,
                        f"`{apply.receiver}` builds a `{layer}` reparametrized by `{how}`{where}, whose `weight` is"
                        f" derived at every forward, so initializing it by `{resolved[0].name}` (applied here) is a"
                        f" silent no-op; initialize each layer before the reparametrization, or the underlying"
                        " `weight_v`/`weight_orig`/`parametrizations.weight.original`",
                        related=[Related(path, call.loc, f"`{how}` reparametrizes the weight here")])
                    break


def _built_reparametrized(apply, fn, file, index) -> list:
    """The reparametrized layers (index.Reach.reparam) the receiver of ``X.apply`` holds when it runs; empty when
    that is not known."""
    out = Reach()
    if apply.receiver == "self":
        if fn.name != "__init__" or fn.cls is None or file.cls(fn.cls) is None:
            return []
        home = ClassRef(file.cls(fn.cls), file)
        for call in fn.calls:  # what __init__ built before the apply
            if call.order < apply.order:
                index._reach_call(call, home, out, frozenset({home.qual}))
        return out.reparam
    for target in index.receiver_classes(apply.receiver, fn.qualname, file, apply.order):
        out.add(index.reach(target))
    return out.reparam


def _selects_known(init, subject: str, layer: str) -> bool:
    """The init runs for that layer type, as far as its conditions are known: each is a type test on the module
    (an isinstance naming the type, a class-name test its name passes) or a guard on a tensor of it; any other
    condition (``type(m) == X``, a flag, a predicate that may test the reparametrization) is not known to pass."""
    typed = False
    for cond in init.conds:
        if cond.kind == "isinstance" and cond.subject == subject:
            if cond.negated or layer not in members(cond.types):
                return False
            typed = True
        elif cond.kind == "classname" and cond.attr:
            if cond.negated or cond.attr not in layer:
                return False
            typed = True
        elif cond.kind in ("isnone", "dim") and (cond.subject or "").startswith(subject + "."):
            continue
        elif cond.kind == "hasattr" and cond.subject == subject and cond.attr in ("weight", "bias"):
            typed = typed or (cond.attr == "weight" and not cond.negated)
        else:
            return False
    return typed


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


def _held_wrapped(fn) -> dict:
    """Containers filled with reparametrized torch layers: ``X.append(weight_norm(nn.Conv1d(...)))`` ->
    {``X``: [(the wrapping call, ``Conv1d``)]}."""
    out: dict = {}
    for call in fn.calls:
        if call.method != "append" or not call.receiver or len(call.args) != 1 or not call.args[0].call:
            continue
        if call.args[0].call.rsplit(".", 1)[-1] not in REPARAM:
            continue
        wrap = next((c for c in fn.calls if c.stmt == call.stmt and c.order > call.order and c.method in REPARAM
                     and c.args and c.args[0].call), None)
        layer = torch_layer(canonical(wrap.args[0].call)) if wrap is not None else None
        if layer is not None:
            out.setdefault(call.receiver, []).append((wrap, layer))
    return out


def _applied_weight_inits(resolved, index) -> list:
    """The inits of an applied function (``X.apply(f)``) that write its module argument's ``weight``, aliases
    resolved (``w = m.weight; nn.init.normal_(w)``): a query over the function's init events."""
    fn, home = resolved
    return [i for i in fn.inits if any(ev.subject == fn.first_param and _writes_weight(i, ev)
                                       for ev in events.of(i, home, index))]


def _selects(init, subject: str, layer: str) -> bool:
    """The init runs for that layer type: no type dispatch on the module, an isinstance naming it, or a
    class-name test its name passes."""
    typed = False
    for cond in init.conds:
        if cond.subject == subject and cond.kind in ("isinstance", "typeeq"):
            typed = True
            if not cond.negated and layer in members(cond.types):
                return True
        elif cond.kind == "classname" and cond.attr:
            typed = True
            if not cond.negated and cond.attr in layer:
                return True
    return not typed


#: torch's original, hook-based spectral norm: until the first forward, ``X.weight`` is a plain attribute that
#: shares storage with the parameter ``X.weight_orig``, so an in-place init written then reaches the parameter
_HOOK_SPECTRAL_NORM = frozenset({"torch.nn.utils.spectral_norm", "torch.nn.utils.spectral_norm.spectral_norm"})
#: inits that leave a weight whose spectral norm is 0 (sigma 0: NaN at the first forward)
_ZEROING = frozenset({"zeros_", "zero_", "constant_", "fill_"})


def _lands_before_forward(wrap, init, constructing: bool) -> bool:
    """An init written while the model is built (in ``__init__`` or a method it calls: no forward has run) after
    the hook-based ``spectral_norm``: it writes ``weight_orig`` through the shared storage, so it is not lost
    (a zeroing init is kept reported: it makes the first forward divide by 0)."""
    return constructing and canonical(wrap.qual) in _HOOK_SPECTRAL_NORM and init.name not in _ZEROING


def _runs_forward(fn, subject, after: int, before: int) -> bool:
    """A forward between the wrap and the init, in ``fn``: the module or the model called (``self.conv(x)``,
    ``self(x)``, ``self.forward(x)``), or any other method of the model (it may run one)."""
    return any(after < c.order < before and (c.func in (subject, "self") or (
        c.func.startswith("self.") and c.func.count(".") == 1)) for c in fn.calls)


def _wrap(file, call) -> list:
    return [Related(file.path, call.loc, f"`{call.method}(...)` reparametrizes the weight here")]


def _writes_weight(init, ev=None) -> bool:
    return (init.func.startswith(INIT) or init.is_torch) and (ev.param if ev is not None else init.target) == "weight"


def _message(key: str, call, where: str = "") -> str:
    by = f" by {where}" if where else ""
    return (f"`{key}` is derived by `{call.method}` (applied above), so initializing it{by} is a silent no-op"
            " (or NaN with the old spectral_norm); initialize the weight before"
            f" `{call.method}(...)`, or the underlying `weight_orig`/`weight_v`/`parametrizations.weight.original`")
