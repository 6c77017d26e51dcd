"""INI301 init-after-pretrained-load: weights are loaded, then re-initialized in the same scope."""

from __future__ import annotations

from ..torchnames import INIT
from . import Related, Rule

REINIT_METHODS = frozenset({"apply", "init_weights", "_init_weights", "reset_parameters", "_reset_parameters",
                            "initialize_weights", "_initialize_weights", "weights_init", "init_params"})


def _contradicts(a, b) -> bool:
    """Two condition stacks that cannot hold together (``if pretrained: load`` / ``else: init``)."""
    for x in a:
        for y in b:
            if x.kind == y.kind and x.subject == y.subject and x.kind != "other" and x.types == y.types \
                    and x.attr == y.attr and x.negated != y.negated:
                return True
    return False


def _other_branch(a, b) -> bool:
    """Two events in the ``body`` and the ``orelse`` of the same statement (``if pretrained: load`` / ``elif
    ...`` / ``else: init``): not known to run one after the other."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n < min(len(a), len(b)) and {a[n], b[n]} == {"body", "orelse"}


def _under(key: str | None, obj: str) -> bool:
    return bool(key) and (key == obj or key.startswith(obj + "."))


class InitAfterPretrainedLoad(Rule):
    code = "INI301"
    name = "init-after-pretrained-load"
    summary = "Weights loaded, then re-initialized later in the same scope (pretrained weights overwritten)"

    @staticmethod
    def applies_an_init(call, file, fn, index) -> bool:
        """``m.apply(f)`` where ``f`` is a function of the project (or a lambda) that initializes weights; a
        function that cannot be resolved (``torch.ao.quantization.disable_observer``) is not known to."""
        if not call.args:
            return False
        arg = call.args[0]
        if arg.lambda_sig is not None:
            return True
        applied = index._resolve_applied(arg.key or "", file, fn.qualname)
        return applied is not None and bool(applied[0].inits)

    def check(self, file, index):
        for fn in file.scopes:
            loads = []
            loaders = index.pretrained_loaders
            for call in fn.calls:
                obj = self.loaded_object(call, loaders)
                if obj:
                    loads.append((obj, call))
            if not loads:
                continue
            holders = _holders(fn, file, index)
            events = [(c.order, "call", c) for c in fn.calls] + [(i.order, "init", i) for i in fn.inits]
            events.sort(key=lambda e: e[0])
            for obj, load in loads:
                fresh: set[str] = set()
                for order, kind, event in events:
                    if order <= load.order or _contradicts(load.conds, event.conds) or _other_branch(
                            load.loc, event.loc):
                        continue
                    if _selective(event, obj):
                        continue  # for name, m in model.named_modules(): if name in missing: ... (some layers)
                    if kind == "call":
                        if self.loaded_object(event, loaders) == obj or event.target == obj:
                            break  # reloaded, or the name now holds another model
                        if event.target and event.target.startswith(obj + "."):
                            fresh.add(event.target)  # a new submodule replaces the pretrained one
                            continue
                        receiver = event.receiver
                        if receiver and "[]" in receiver:
                            continue  # layers picked by index at run time: a deliberate partial re-init
                        if event.method == "apply" and not self.applies_an_init(event, file, fn, index):
                            continue  # model.apply(disable_observer): not known to initialize anything
                        if event.method in REINIT_METHODS and _under(receiver, obj) and not any(
                                _under(receiver, f) for f in fresh):
                            yield self.report(file, event, obj, load, f"`{event.func}(...)`")
                            break
                        if receiver in holders and _holder_reinits(holders[receiver], event.method, obj, index):
                            yield self.report(file, event, obj, load, f"`{event.func}(...)`")
                            break
                        continue
                    target = event.target_key or ""
                    if event.name == "copy_":
                        continue  # copies a given tensor (often the loaded one): not known to re-initialize
                    owner_loop = next((lp for lp in event.loops if lp.owner and _under(lp.owner, obj)), None)
                    if not event.func.startswith(INIT) and not event.is_torch and owner_loop is None:
                        continue
                    if owner_loop is not None and any(_under(owner_loop.owner, f) for f in fresh):
                        continue  # a loop over the new head: model.fc = nn.Linear(...); for m in model.fc.modules()
                    if owner_loop is not None or (target.startswith(obj + ".") and not any(
                            _under(target, f) for f in fresh)):
                        what = f"`{event.name}` over `{owner_loop.iter}`" if owner_loop else f"`{event.name}({target})`"
                        yield self.report(file, event, obj, load, what)
                        break

    @staticmethod
    def loaded_object(call, loaders=frozenset()) -> str | None:
        if call.method == "load_state_dict" and call.receiver:
            return call.receiver
        if call.method in loaders or (call.qual and call.qual in loaders):
            # a method on the model (model.load_pretrained(path)) loads into its receiver; a function
            # (load_checkpoint(model, path), whose name is imported) into its first argument
            if call.receiver and call.qual == call.func:
                return call.receiver
            if call.args and call.args[0].key:
                return call.args[0].key
            return call.target
        if call.target and call.method == "from_pretrained":
            return call.target
        if call.target:
            pretrained = call.kwarg("pretrained")
            if pretrained is not None and pretrained.value is True:
                return call.target
            weights = call.kwarg("weights")
            if weights is not None and weights.value is not None and (
                    weights.key is not None or isinstance(weights.value, str)):
                return call.target
        return None

    def report(self, file, event, obj, load, what):
        how = "loads weights into" if load.method == "load_state_dict" else "builds with pretrained weights"
        done = "loads weights into it" if load.method == "load_state_dict" else "builds it with pretrained weights"
        return self.finding(
            file, event.loc,
            f"{what} re-initializes `{obj}` after `{load.func}(...)` {done}: the pretrained weights are"
            " overwritten; initialize before loading, or only the new layers",
            related=[Related(file.path, load.loc, f"`{load.func}(...)` {how} `{obj}` here")],
        )


def _selective(event, obj: str) -> bool:
    """The event runs in a loop over the loaded model's modules or parameters under a condition on the loop's
    variables (``if name in missing``, ``if "head" in n``) or one the summary cannot read: it re-initializes the
    layers that test selects, which is not known to include any loaded one. A type test (``isinstance``) selects
    by layer type, which loaded layers share, so it is not selective."""
    targets = {t for lp in event.loops if lp.owner and _under(lp.owner, obj) for t in lp.targets}
    if not targets:
        return False
    parts = (getattr(event, "target_key", None) or "").replace("[]", "").split(".")
    if len(parts) > 2 and parts[0] in targets:
        return True  # m.res_gate.weight: named sublayers of the modules the loop meets, not every layer
    return any(c.kind not in ("isinstance", "typeeq", "classname", "isnone", "hasattr", "dim") and (
        c.subject is None or c.subject.split(".")[0].split("[")[0] in targets) for c in event.conds)


def _holders(fn, file, index) -> dict:
    """Local objects of a project class built with a value it keeps: ``manager = Manager(model)`` with
    ``self.model = model`` in ``Manager.__init__`` -> {``manager``: (class, {``model`` attr: ``model`` key})}."""
    out = {}
    for call in fn.calls:
        if not call.target or "." in call.target:
            continue
        ref = index.resolve_class(call.qual, file)
        ctor = ref.info.methods.get("__init__") if ref is not None else None
        if ctor is None or len(ctor.params) < 2:
            continue
        given = {}
        for i, arg in enumerate(call.positional()):
            if arg.key and i + 1 < len(ctor.params) and arg.keyword is None:
                given[ctor.params[i + 1]] = arg.key
        for arg in call.args:
            if arg.keyword and arg.keyword != "*" and arg.key:
                given[arg.keyword] = arg.key
        kept = {store.attr: given[store.value_key] for store in ctor.stores if store.value_key in given}
        if kept:
            out[call.target] = (ref, kept)
    return out


def _holder_reinits(holder, method: str, obj: str, index) -> bool:
    """The holder's ``method`` re-initializes the object it keeps: ``self.model.reset_parameters()``."""
    ref, kept = holder
    for cls in index.mro(ref):
        fn = cls.info.methods.get(method)
        if fn is None:
            continue
        for call in fn.calls:
            receiver = call.receiver or ""
            if call.method in REINIT_METHODS and receiver.startswith("self.") and receiver.count(".") == 1 and \
                    _under(kept.get(receiver[5:]), obj):
                return True
        return False
    return False
