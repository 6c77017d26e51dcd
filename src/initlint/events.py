"""Init events: one model of every initialization in a file, resolved once and queried by the init rules.

An ``InitEvent`` says, for one initializer call (``nn.init.X(t, ...)``, ``t.normal_()``, ``t.data.fill_(0)``):

* what it writes: ``key`` (the tensor, local aliases resolved: ``w = self.fc.weight; zeros_(w)`` writes
  ``self.fc.weight``), split into ``subject`` (the module, ``self.fc`` / ``m``) and ``param`` (``weight``, or None
  for a bare tensor out of a parameter loop); ``layers``: the constructor calls the subject is known to be (the
  ``self.fc = nn.Linear(...)`` of its class, a local ``conv = nn.Conv2d(...)``, the elements of a loop over
  ``[self.a, self.b]``), or ``UNKNOWN``; ``types``: the layer types the dispatch predicates dominating it restrict
  the subject to (``isinstance``, ``or``-chains of them, ``type(m) is X``, ``type(m).__name__ == "X"``, a predicate
  function ``is_linear(m)`` whose ``return`` is an ``isinstance``), ``()`` when none;
* with what: ``init`` (the ``InitCall``: function, arguments, conditions, loops);
* from where: ``scope`` (the function holding the init), ``loc`` (where to report it: the init itself, or the call
  of the init helper that runs it, ``init_layer(self.fc)``), ``via`` (the resolution steps taken);
* on which models: ``unit`` (the init function / loop the event belongs to, with the model classes it is applied
  to, see ``rules/_units.py``); for Hugging Face's ``_init_weights``, the classes that run it through
  ``post_init()``.

Facts are three-valued: ``layers`` is ``UNKNOWN`` when the subject's construction is not known; a rule fires only
on known facts. Events are derived from the summary (plain data, nothing cached on disk beyond the summary) and
memoized per file on the index.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from .index import ClassRef, ProjectIndex
from .summary import UNKNOWN, Cond, FileSummary, FunctionInfo, InitCall, Loop, dispatch_types, root
from .torchnames import PARAMETERIZED, torch_layer

#: traversals of a module's parameters: ``named_parameters()`` and ``state_dict().items()``
_PARAM_SOURCES = ("parameters", "named_parameters")
_STATE_DICT = ("state_dict().items()", "state_dict().values()")


@dataclass(frozen=True)
class InitEvent:
    init: InitCall  # with what: the initializer call, its arguments, the conditions and loops around it
    scope: str  # qualname of the function holding the init
    key: str | None  # the tensor written, aliases resolved (``self.fc.bias``, ``m.weight``, ``p``)
    subject: str | None  # the module whose tensor it is (``self.fc``, ``m``); the tensor itself for a bare ``p``
    param: str | None  # ``bias`` / ``weight`` / ...; None for a bare tensor
    types: tuple  # layer types the dispatch on the subject restricts it to (qualified), () when none
    layers: Any  # tuple of the constructor ``Call``s the subject is known to be, or UNKNOWN
    loc: tuple  # where to report it (the init, or the call of the helper that runs it)
    via: tuple = ()  # resolution steps: "alias", "list", "helper", "predicate", "classname", "hook"
    helper_loc: tuple | None = None  # the init inside the helper (another function, maybe another file)
    helper_path: str | None = None
    unit: Any = None  # the ``_units.Unit`` (init function or init loop) the event belongs to, if any
    keys: tuple = ()  # every key the tensor is known by here (the alias and what it names), for guards
    none_at: Any = None  # a ``register_parameter(param, None)`` of the subject's own class: it may be None
    param_loop: Loop | None = None  # for a bare tensor: the parameter traversal it comes from
    via_data: bool = False  # written through ``.data`` (``t.data.zero_()``, or an alias ``w = m.weight.data``)
    #: the module whose tensor is written: the subject of ``m.weight``; for a bare ``p`` of
    #: ``for p in m.parameters()``, ``m`` (each element for ``for m in [self.a, self.b]``)
    owner: str | None = None
    #: the file each of ``layers`` is written in (a base class's construction may be in another file)
    layer_paths: tuple = ()
    #: for an event run through a helper called on an init unit's module: the conditions at the call site
    site_conds: tuple = ()

    @property
    def conds(self) -> tuple:
        """Every condition dominating the write: the call site's (through a helper), then the init's own."""
        return self.site_conds + self.init.conds

    @property
    def direct(self) -> bool:
        """Reported at the init itself (a fix may edit it); False for an event run through a helper call."""
        return self.helper_loc is None

    def names_layers(self) -> set:
        """Torch layer names the dispatch covers (``types`` and class-name matches)."""
        from .rules._units import members

        return members(self.types)

    def known_layers(self) -> list:
        """(layer name, constructor call) for each construction the subject is known to be; [] when unknown."""
        if self.layers is UNKNOWN:
            return []
        return [(torch_layer(c.qual), c) for c in self.layers]

    def built_sites(self) -> list:
        """(layer name, constructor call, path) for each construction the subject is known to be."""
        return [(layer, call, path) for (layer, call), path in zip(self.known_layers(), self.layer_paths)]


def events(file: FileSummary, index: ProjectIndex) -> list[InitEvent]:
    return index.cached(("init-events", file.path), lambda: _events(file, index))


# --------------------------------------------------------------------------------------------------------

def _alias(fn: FunctionInfo, key: str | None, order: int) -> tuple[str | None, bool, bool]:
    """``key`` with its root replaced by what a local alias bound before ``order`` names (``w`` ->
    ``self.fc.weight``); (key, whether an alias was followed, whether it names the tensor's ``.data``)."""
    if not key:
        return key, False, False
    head, dot, rest = key.partition(".")
    bound = None
    for name, value, at in fn.binds:
        if name == head and at < order:
            bound = value
    if not bound or bound.endswith(")") or "[" in bound or "(" in bound:
        return key, False, False
    data = bound.endswith(".data") or ".data." in bound
    if bound.endswith(".data"):
        bound = bound[:-5]
    return bound + dot + rest, True, data


def resolved_key(fn: FunctionInfo, key: str | None, order: int) -> str | None:
    """``key`` with a local alias bound before ``order`` resolved, an indexed one included (``w[]`` ->
    ``self.emb.weight[]`` after ``w = self.emb.weight``; the ``.data`` of an alias is dropped)."""
    if not key:
        return key
    cut = min((i for i in (key.find("."), key.find("[")) if i >= 0), default=len(key))
    return _alias(fn, key[:cut], order)[0] + key[cut:]


def predicate_types(cond: Cond, fn: FunctionInfo, file: FileSummary, index: ProjectIndex) -> tuple:
    """The isinstance types a predicate call (``is_linear(m)``, ``self._is_conv(m)``) tests, else ()."""
    if cond.kind != "call" or cond.negated or not cond.attr:
        return ()
    cls = file.cls(fn.cls) if fn.cls else None
    resolved = index.resolve_function(cond.attr, file, cls)
    if resolved is None:
        return ()
    return resolved[0].predicate


def subject_types(conds, subject: str | None, fn: FunctionInfo, file: FileSummary,
                  index: ProjectIndex) -> tuple[tuple, tuple]:
    """(types, via) the conditions restrict ``subject`` to: ``isinstance`` (or-chains included), ``type(m) is X``,
    predicate functions, exact class-name matches. Innermost wins."""
    types: tuple = ()
    via: tuple = ()
    for cond in conds:
        if cond.subject != subject or cond.negated:
            continue
        if cond.kind == "isinstance":
            types, via = dispatch_types((cond,), subject), ()
        elif cond.kind == "call":
            found = predicate_types(cond, fn, file, index)
            if found:
                types, via = found, ("predicate",)
        elif cond.kind == "typeeq" and cond.types and "?" not in cond.types:
            types, via = cond.types, ()
        elif cond.kind == "classname" and cond.text == "==" and cond.attr in PARAMETERIZED:
            types, via = (f"torch.nn.{cond.attr}",), ("classname",)
    return types, via


def _class_sites(file: FileSummary, index: ProjectIndex, fn: FunctionInfo, attr: str) -> Any:
    """((constructor call, path), ...) of every ``self.<attr> = nn.Layer(...)`` the class of ``fn``, its project
    bases and subclasses make, when every one builds a torch layer with parameters; else UNKNOWN (see
    ``rules._units.attr_constructions``: an assignment of something else, a class attribute or ``__getattr__``, an
    unresolved base, an attribute set by name or from outside the class)."""
    top = fn
    while top.parent is not None:  # a function nested in a method sees the method's ``self``
        outer = file.function(top.parent)
        if outer is None:
            return UNKNOWN
        top = outer

    def compute():
        from .rules._units import attr_constructions

        built = attr_constructions(top, file, index, attr)
        if not built or any(layer not in PARAMETERIZED for layer, _, _ in built):
            return UNKNOWN
        return tuple((call, path) for _, call, path in built)

    return index.cached(("class-layers", file.path, top.qualname, attr), compute)


def _local_sites(fn: FunctionInfo, file: FileSummary, name: str, order: int) -> Any:
    """The construction a local name holds when the init runs: the last ``name = nn.Layer(...)`` before it."""
    found = None
    for call in fn.calls:
        if call.target == name and call.order < order:
            found = call
    if found is None or torch_layer(found.qual) not in PARAMETERIZED:
        return UNKNOWN
    if sum(1 for n, _, at in fn.binds if n == name and found.order < at < order) > 1:
        return UNKNOWN  # rebound to something else since (the first bind is the construction's own)
    return ((found, file.path),)


def layer_sites(subject: str | None, fn: FunctionInfo, file: FileSummary, order: int, index: ProjectIndex) -> Any:
    """((constructor call, path), ...) the module ``subject`` is known to be at ``order`` in ``fn``, or UNKNOWN."""
    if not subject:
        return UNKNOWN
    parts = subject.split(".")
    if parts[0] == "self" and len(parts) == 2 and fn.cls:
        return _class_sites(file, index, fn, parts[1])
    if len(parts) == 1 and subject not in fn.params:
        return _local_sites(fn, file, subject, order)
    return UNKNOWN


def layers_of(subject: str | None, fn: FunctionInfo, file: FileSummary, order: int, index: ProjectIndex) -> Any:
    """The constructor calls the module ``subject`` is known to be, or UNKNOWN."""
    sites = layer_sites(subject, fn, file, order, index)
    return sites if sites is UNKNOWN else tuple(call for call, _ in sites)


def _none_registration(file: FileSummary, index: ProjectIndex, fn: FunctionInfo, param: str | None):
    """``self.register_parameter(param, None)`` in the class (or a project base) of ``fn``: the parameter is
    optional, None when that branch ran."""
    if not param or not fn.cls:
        return None
    info = file.cls(fn.cls)
    if info is None:
        return None
    for ref in index.mro(ClassRef(info, file)):
        for method in ref.info.methods.values():
            for call in method.calls:
                if call.func == "self.register_parameter" and len(call.args) >= 2 and \
                        call.args[0].value == param and call.args[1].value is None and call.args[1].key == "None":
                    return call
    return None


def _param_loop(init: InitCall, key: str | None) -> Loop | None:
    for lp in reversed(init.loops):
        if not lp.targets or lp.targets[-1] != key:
            continue
        if lp.source in _PARAM_SOURCES or (lp.iter or "").endswith(_STATE_DICT):
            return lp
    return None


def _event(init: InitCall, fn: FunctionInfo, file: FileSummary, index: ProjectIndex, key: str | None,
           via: tuple, loc, unit=None, keys=(), helper=None, data=False) -> InitEvent:
    subject = key.rsplit(".", 1)[0] if key and "." in key else key
    param = key.rsplit(".", 1)[-1] if key and "." in key else None
    types, pvia = subject_types(init.conds, init.subject, fn, file, index)
    sites = layer_sites(subject, fn, file, init.order, index) if helper is None else helper
    layers, paths = (UNKNOWN, ()) if sites is UNKNOWN else (tuple(c for c, _ in sites), tuple(p for _, p in sites))
    none_at = _none_registration(file, index, fn, param) if subject == "self" else None
    return InitEvent(init, fn.qualname, key, subject, param, types, layers, loc, via + pvia, unit=unit,
                     keys=tuple(dict.fromkeys((init.target_key, key, *keys))), none_at=none_at,
                     param_loop=_param_loop(init, key) if param is None else None, via_data=init.via_data or data,
                     layer_paths=paths)


def _events(file: FileSummary, index: ProjectIndex) -> list[InitEvent]:
    from .rules._units import units

    by_init: dict = {}
    for unit in units(file, index):
        for init in unit.inits():
            by_init.setdefault(id(init), unit)
    out: list[InitEvent] = []
    for fn in file.scopes:
        for init in fn.inits:
            unit = by_init.get(id(init))
            key, aliased, data = _alias(fn, init.target_key, init.order)
            via = ("alias",) if aliased else ()
            head = root(key)
            loop = next((lp for lp in reversed(init.loops) if lp.items and lp.targets == (head,)), None)
            if loop is not None and all(loop.items):
                # for layer in [self.a, self.b]: one event per element
                rest = key[len(head):]
                for item in dict.fromkeys(loop.items):
                    ev = _event(init, fn, file, index, item + rest, via + ("list",), init.loc, unit, (key,),
                                data=data)
                    out.append(replace(ev, owner=ev.subject))
                continue
            ev = _event(init, fn, file, index, key, via, init.loc, unit, data=data)
            owner = ev.subject if ev.param else (ev.param_loop.owner if ev.param_loop else None)
            outer = next((lp for lp in init.loops if lp.items and owner and lp.targets == (owner,)), None)
            if ev.param is None and outer is not None and all(outer.items):
                # for m in [self.a, self.b]: for p in m.parameters(): one event per element
                out.extend(replace(ev, owner=item, via=ev.via + ("list",)) for item in dict.fromkeys(outer.items))
                continue
            out.append(replace(ev, owner=owner))
        out.extend(_helper_events(fn, file, index))
    return out


def _helper_events(fn: FunctionInfo, file: FileSummary, index: ProjectIndex) -> list[InitEvent]:
    """An init helper called with a module: ``init_layer(self.fc)`` runs ``init_layer``'s inits on ``self.fc``.

    Called on an init unit's module (``for m in self.modules(): if isinstance(m, nn.BatchNorm2d):
    constant_init(m, 1)``, or in an applied function on its module parameter), the event belongs to that unit,
    with the call site's dispatch: the types its conditions restrict the module to, its conditions in
    ``site_conds``. A helper that dispatches on its module itself is a unit of its own (applied through that call
    site) and is left to it."""
    out = []
    cls = file.cls(fn.cls) if fn.cls else None
    names = _init_function_names(index)
    for call in fn.calls:
        if not call.args or call.method == "apply" or (
                call.method not in names and (file.imports.get(call.func) or "").rsplit(".", 1)[-1] not in names):
            continue  # only a function that initializes something can be an init helper
        arg = call.args[0] if call.args[0].keyword is None else None
        if arg is None or not arg.key or arg.call is not None or arg.key == "self":
            continue
        unit = _site_unit(fn, call, arg.key, file, index) if call.loops or arg.key in fn.params else None
        if call.loops and unit is None:
            continue
        resolved = index.resolve_function(call.func, file, cls)
        if resolved is None or resolved[0] is fn:
            continue
        helper, where = resolved
        bound = 1 if helper.is_instance_method else 0
        if len(helper.params) <= bound:
            continue
        param = helper.params[bound]
        sites = layer_sites(arg.key, fn, file, call.order, index)
        site_types = subject_types(call.conds, arg.key, fn, file, index) if unit is not None else None
        for init in helper.inits:
            if root(init.target_key) != param or init.loops or "." not in (init.target_key or ""):
                continue
            if unit is not None and (subject_types(init.conds, init.subject, helper, where, index)[0]
                                     or init.subject != param):
                continue  # the helper's own dispatch, or a submodule of the module: not the call site's
            key = arg.key + init.target_key[len(param):]
            ev = _event(init, helper, where, index, key, ("helper",), call.loc, helper=sites)
            types, via = (ev.types, ev.via) if site_types is None else (site_types[0], ev.via + site_types[1])
            out.append(InitEvent(ev.init, fn.qualname, ev.key, ev.subject, ev.param, types, ev.layers, call.loc,
                                 via, init.loc, where.path, unit, ev.keys, None, None, ev.via_data,
                                 layer_paths=ev.layer_paths, site_conds=call.conds if unit is not None else ()))
    return out


def _site_unit(fn: FunctionInfo, call, subject: str, file: FileSummary, index: ProjectIndex):
    """The init unit a helper call on ``subject`` belongs to: the ``modules()`` loop binding it, or the applied
    function whose module parameter it is; None otherwise."""
    from .rules._units import MODULE_LOOPS, applied_unit, loop_unit, module_param, units

    loop = next((lp for lp in reversed(call.loops) if lp.targets and lp.targets[-1] == subject), None)
    if loop is not None:
        if loop.source not in MODULE_LOOPS:
            return None
        known = next((u for u in units(file, index) if u.fn is fn and u.loop is loop), None)
        return known or loop_unit(fn, loop, file, index)
    if call.loops or subject != module_param(fn):
        return None
    known = next((u for u in units(file, index) if u.fn is fn and u.loop is None), None)
    return known or applied_unit(fn, file, index)


def _init_function_names(index: ProjectIndex) -> frozenset:
    """Names of the project's functions that initialize something (the candidates for an init helper)."""
    return index.cached("init-function-names", lambda: frozenset(
        fn.name for summary in index.files for fn in summary.functions if fn.inits))


def hook_models(unit, file: FileSummary, index: ProjectIndex) -> list:
    """For a method nothing visibly applies (Hugging Face's ``_init_weights``): the classes of its owner's family
    that run it, i.e. whose ``__init__`` (or a base's) calls ``self.post_init()``."""
    from .rules._hf import is_pretrained_model

    fn = unit.fn
    if unit.models or unit.loop is not None or not fn.cls or fn.parent is not None or fn.name != "_init_weights":
        return []
    info = file.cls(fn.cls)
    if info is None:
        return []
    ref = ClassRef(info, file)
    if not is_pretrained_model(ref, index):
        return []
    out = []
    for cls in [ref, *index.subclasses(ref)]:
        if any(c.func == "self.post_init" for k in index.mro(cls) for m in k.info.methods.values()
               if m.name == "__init__" for c in m.calls):
            out.append(cls)
    return out


def models_run_on(unit, file: FileSummary, index: ProjectIndex, delegating: bool = True) -> list:
    """The model classes an init unit runs on: those it is visibly applied to, else (Hugging Face's
    ``_init_weights``) those that run it through ``post_init()``. ``delegating=False``: not through ``post_init``
    when the method hands the module on to ``super()._init_weights`` (what the base covers is then not known here)."""
    if unit.models:
        return unit.models
    if not delegating and any(c.method == "_init_weights" and c.func.startswith("super(")
                              for c in unit.fn.calls):
        return []
    return hook_models(unit, file, index)


def by_init(file: FileSummary, index: ProjectIndex) -> dict:
    """id(InitCall) -> the events written at that init itself (not through a helper call), for rules that walk
    a scope's inits in order."""
    def compute():
        out: dict = {}
        for ev in events(file, index):
            if ev.direct:
                out.setdefault(id(ev.init), []).append(ev)
        return out

    return index.cached(("init-events-by-init", file.path), compute)


def of(init: InitCall, file: FileSummary, index: ProjectIndex) -> list:
    """The events of one init (one per element when it runs in a loop over ``[self.a, self.b]``)."""
    return by_init(file, index).get(id(init), [])
