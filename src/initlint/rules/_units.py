"""Init units: the places where init code meets a model, shared by INI102/INI201/INI202/INI209.

A unit is either an init function (its first parameter is the module it initializes) together with the
model classes it is applied to, or an init loop (``for m in X.modules()``) together with X's classes.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..index import ClassRef, InlineModel, ProjectIndex, Reach
from . import Related
from ..summary import FileSummary, FunctionInfo, Loop, iter_with_nested
from ..torchnames import NN, PARAMETERIZED, canonical, covered_members, materialized, torch_layer

#: positional index of the keyword that removes an optional parameter, per layer
POSITIONAL = {
    "Linear": {"bias": 2}, "Bilinear": {"bias": 3}, "LazyLinear": {"bias": 1},
    **{c: {"bias": 7} for c in ("Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d",
                                "ConvTranspose3d")},
    **{c: {"affine": 3} for c in ("BatchNorm1d", "BatchNorm2d", "BatchNorm3d", "SyncBatchNorm",
                                  "InstanceNorm1d", "InstanceNorm2d", "InstanceNorm3d", "GroupNorm")},
    "LayerNorm": {"elementwise_affine": 2, "bias": 3},
    "RMSNorm": {"elementwise_affine": 2},
}


@dataclass
class Unit:
    fn: FunctionInfo  # the function holding the init code
    subject: str  # the variable naming the module (``m``)
    loop: Loop | None  # the init loop, or None for an applied function
    models: list  # ClassRef of the models reached
    loc: tuple  # where to report unit-level findings

    def inits(self):
        for init in self.fn.inits:
            if init.subject and init.subject.split(".", 1)[0] == self.subject and (
                    self.loop is None or self.loop in init.loops):
                yield init

    def dispatch_types(self) -> set[str]:
        """Every type an isinstance on the subject names in this unit (with or without init calls)."""
        out: set[str] = set()
        events = list(self.fn.calls) + list(self.fn.inits)
        for event in events:
            if self.loop is not None and self.loop not in event.loops:
                continue
            for cond in event.conds:
                if cond.kind in ("isinstance", "typeeq") and not cond.negated and cond.subject == self.subject:
                    out.update(cond.types)
        return out


def units(file: FileSummary, index: ProjectIndex) -> list[Unit]:
    return index.cached(("units", file.path), lambda: _units(file, index))


def _units(file: FileSummary, index: ProjectIndex) -> list[Unit]:
    out: list[Unit] = []
    for fn in file.scopes:
        for loop in fn.loops:
            if loop.source in MODULE_LOOPS and loop.targets and any(
                    i.subject and i.subject.split(".", 1)[0] == loop.targets[-1] and loop in i.loops for i in fn.inits):
                out.append(loop_unit(fn, loop, file, index))
        first = module_param(fn)
        if first is not None and any(i.subject and i.subject.split(".", 1)[0] == first and not i.loops
                                     for i in fn.inits):
            out.append(applied_unit(fn, file, index))
    return out


#: the traversals an init loop runs over a model's modules
MODULE_LOOPS = ("modules", "named_modules")


def module_param(fn: FunctionInfo) -> str | None:
    """The parameter an applied init function gets the module in (``m`` of ``init(m)`` or ``init(self, m)``)."""
    if fn.qualname == "<module>" or not fn.params or (fn.is_instance_method and len(fn.params) < 2):
        return None
    return fn.params[1] if fn.is_instance_method else fn.params[0]


def loop_unit(fn: FunctionInfo, loop, file: FileSummary, index: ProjectIndex) -> Unit:
    """The unit of an init loop over a model's modules (``for m in self.modules():``)."""
    return Unit(fn, loop.targets[-1], loop, index.receiver_classes(loop.owner, fn.qualname, file, 10**9), loop.loc)


def applied_unit(fn: FunctionInfo, file: FileSummary, index: ProjectIndex) -> Unit:
    """The unit of an init function applied to models (``model.apply(init)``, ``init(m)`` in a modules loop)."""
    return Unit(fn, module_param(fn), None, index.applied_reach(fn, file), fn.loc)


def models_or_owner(unit: Unit, file: FileSummary, index: ProjectIndex) -> list:
    """The unit's models; for a method nothing visibly applies (HF ``_init_weights`` reached through
    ``post_init``), the class that owns it and its subclasses."""
    if unit.models or unit.loop is not None or not unit.fn.cls or unit.fn.parent is not None:
        return unit.models
    info = file.cls(unit.fn.cls)
    if info is None:
        return []
    ref = ClassRef(info, file)
    return [ref, *index.subclasses(ref)]


def model_name(model) -> str:
    return model.name if isinstance(model, InlineModel) else model.info.name


def built_types(reach: Reach) -> set:
    """Parameterized torch layer types a reach builds, lazy layers as what they become."""
    return {materialized(layer) for layer, _ in reach.layers if materialized(layer) in PARAMETERIZED}


def reach_of(models: list, index: ProjectIndex) -> Reach:
    total = Reach()
    for ref in models:
        total.add(index.reach(ref))
    total.classes.extend(m for m in models if isinstance(m, ClassRef))
    return total


def layers_built(reach: Reach, calls, message: str) -> list[Related]:
    """Related locations for layer constructions of a reach: the first of ``calls`` in each file that has one
    (one note per file, however many layers it builds)."""
    first: dict = {}
    for call in calls:
        path = reach.path_of(call)
        if path is not None and path not in first:
            first[path] = Related(path, call.loc, message)
    return [first[path] for path in sorted(first)]


def members(types) -> set[str]:
    """Concrete torch layer names covered by a set of isinstance types."""
    out: set[str] = set()
    for t in types:
        if t == NN + "Module":
            out.update(PARAMETERIZED)
        cov = covered_members(t) if t else None
        if cov:
            out.update(cov)
    return out


def lacks(layer: str, call, param: str) -> str | None:
    """Why a construction of ``layer`` has no ``param`` (``bias=False``), or None when it has it."""
    spec = PARAMETERIZED.get(layer, {}).get(param)
    switches = []
    if spec is not None:
        switches.append(spec)
    if layer == "LayerNorm" and param == "bias":
        switches.append(("bias", True))
    for keyword, default in switches:
        arg = call.kwarg(keyword)
        if arg is None:
            pos = POSITIONAL.get(layer, {}).get(keyword)
            positional = call.positional()
            if pos is not None and pos < len(positional) and not any(a.keyword == "*" for a in positional):
                arg = positional[pos]
        if arg is None:
            if not default:
                return f"`{layer}` has no `{param}` unless `{keyword}=True`"
            continue
        if arg.value is False:
            return f"`{layer}({keyword}=False)` has no `{param}`"
        if arg.value is not True and arg.keyword is not None:
            text = arg.key or "..."
            return f"`{layer}({keyword}={text})` may have no `{param}`"
    return None


def is_guarded(init, param_key: str) -> bool:
    """An ``is not None`` (or truthiness / affine) guard on the initialized tensor dominates the call."""
    return guarded_by(init.conds, init.loops, param_key)


def guarded_by(conds, loops, param_key: str) -> bool:
    """``is_guarded`` for the conditions and loops around a write (an init's own, or a helper's call site)."""
    subject = param_key.rsplit(".", 1)[0]
    for cond in conds:
        if cond.subject == param_key and (
                (cond.kind == "isnone" and cond.negated) or (cond.kind == "truthy" and not cond.negated)
                or (cond.kind == "hasattr" and not cond.negated)  # hasattr(m.bias, "data"): None has none
                or (cond.kind == "isinstance" and not cond.negated)
                or (cond.kind == "call" and not cond.negated)):  # exists(m.bias): a project's None check
            return True
        if cond.kind == "truthy" and not cond.negated and cond.subject in (
                f"{subject}.affine", f"{subject}.elementwise_affine"):
            return True
    # inside ``for name, _ in m.named_parameters(): if name in ["bias"]``: the parameter exists
    own = param_key.rsplit(".", 1)[-1]
    names = {lp.targets[0] for lp in loops if lp.iter == f"{subject}.named_parameters()" and lp.targets}
    return any(c.kind == "namein" and not c.negated and c.subject in names and own in c.types for c in conds)


def attr_constructions(fn: FunctionInfo, file: FileSummary, index: ProjectIndex, attr: str) -> list | None:
    """(torch layer, constructor Call, path) of every ``self.<attr> = nn.X(...)`` in the class of the method ``fn``,
    its project bases and subclasses. None when that is not known: an assignment of something else, none at
    all, a base that does not resolve, a class attribute or ``__getattr__``, an attribute set under a computed
    name or registered by name, or one that code outside the class may assign."""
    if fn.cls is None or not fn.is_instance_method:
        return None
    info = file.cls(fn.cls)
    if info is None:
        return None
    ref = ClassRef(info, file)
    if index.is_module(ref) is not True:
        return None
    family = [*index.mro(ref), *index.subclasses(ref)]
    for cls in family:
        if cls.info.has_getattr or attr in cls.info.attrs or cls.info.decorators:
            return None
        if any(not isinstance(b, ClassRef) and not b.startswith(NN) for b in index.bases(cls)):
            return None
    if attr in index.registered_outside(file, ref):
        return None
    found = []
    for cls in family:
        for method in cls.info.methods.values():
            for scope in iter_with_nested(method):
                if scope.computed_setattr or scope.uses_dict or attr in scope.setattr_names or attr in scope.registered:
                    return None
                for store in scope.stores:
                    if store.attr != attr:
                        continue
                    layer = torch_layer(canonical(store.call)) if store.value == "call" else None
                    call = next((c for c in scope.calls if c.target == f"self.{attr}" and c.stmt == store.stmt
                                 and c.qual == store.call), None)
                    if layer is None or call is None:
                        return None
                    found.append((layer, call, cls.file.path))
    return found or None
