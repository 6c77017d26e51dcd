"""INI201 unguarded-optional-parameter / INI209 its latent twin.

Init code initializes ``m.bias`` (or a norm layer's weight/bias) with no ``is not None`` guard, in a
branch for a layer type. INI201: a model the code reaches builds that type without the parameter
(a provable crash). INI209 (opt-in): no reached layer lacks it today (a latent crash).
"""

from __future__ import annotations

from ..events import events, hook_models, predicate_types
from ..index import ClassRef, calls_by_name, handed_on
from ..torchnames import NN, NORM_TYPES, PARAMETERIZED
from . import Fix, Related, Rule
from ._units import guarded_by, is_guarded, lacks, members, reach_of


def by_class_name(conds) -> set:
    """Torch layers a class-name dispatch matches (``classname.find("BatchNorm") != -1``; ``==``: exactly)."""
    for cond in conds:
        if cond.kind == "classname" and not cond.negated and cond.attr:
            if cond.text == "==":
                return {cond.attr} & set(PARAMETERIZED)
            return {layer for layer in PARAMETERIZED if cond.attr in layer}
    return set()


_DISPATCH = frozenset({"isinstance", "typeeq", "classname", "call"})


def all_but(conds, subject) -> set:
    """Torch layers a negated dispatch leaves (``if not isinstance(m, nn.BatchNorm2d):``: every other layer with
    parameters), when only negated type tests on the subject dominate the init."""
    tests = [c for c in conds if c.kind == "isinstance" and c.subject == subject]
    if not tests or any(not c.negated for c in tests) or any(not t.startswith(NN) for c in tests for t in c.types):
        return set()
    return set(PARAMETERIZED) - members(tuple(t for c in tests for t in c.types))


def _optional(param) -> bool:
    return param in ("bias", "weight")


def unguarded_sites(file, index):
    """(event, reasons, related) for every unguarded optional-parameter init; related: the layers built without
    the parameter. A query over the init events: the layers the written module is known to be (its own
    construction, or what the models a dispatching init unit reaches build of the dispatched types), and whether
    one of them lacks the parameter."""
    seen = set()
    for ev in events(file, index):
        init = ev.init
        if not _optional(ev.param) or any(is_guarded(init, key) for key in ev.keys if key) or (
                ev.site_conds and guarded_by(ev.site_conds, init.loops, ev.key)):
            continue
        if (id(init), ev.key, ev.loc) in seen:
            continue
        unit = ev.unit
        if unit is not None and ev.subject == unit.subject:
            handled = ev.names_layers() or by_class_name(ev.conds) or all_but(ev.conds, unit.subject)
            if not handled:
                continue
            if ev.param == "weight" and not (handled & NORM_TYPES):
                continue
            models = unit.models
            if not models:
                # Hugging Face's _init_weights, run on the classes that call post_init(): only a branch that
                # selects by type alone is known to meet every layer of those types (a condition on the module's
                # name or the config picks some of them)
                if any(c.subject != unit.subject or c.kind not in _DISPATCH or (
                        c.kind == "call" and not predicate_types(c, unit.fn, file, index)) for c in ev.conds):
                    continue
                models = hook_models(unit, file, index)
            seen.add((id(init), ev.key, ev.loc))
            reach = reach_of(models, index)
            lacking = [(why, call, reach.path_of(call)) for layer, call in reach.layers if layer in handled
                       for why in [lacks(layer, call, ev.param)] if why
                       and not _switch_true_at_every_site(layer, call, reach.path_of(call), ev.param, index)]
            yield ev, _reasons(lacking), _related(lacking)
            continue
        # a tensor of a module whose construction is known: self.fc.bias, conv.bias, [self.a, self.b]
        if init.conds or (ev.subject or "").count(".") > 1:
            continue  # under a condition: what holds there is not known here
        if ev.none_at is not None and ev.param == "bias":
            seen.add((id(init), ev.key, ev.loc))
            why = f"`{fn_class(ev)}` registers `{ev.param}` as None (`register_parameter({ev.param!r}, None)`)"
            yield ev, [why], [Related(file.path, ev.none_at.loc, "the parameter is registered as None here")]
            continue
        # every construction of self.fc in the class family (or of a local conv) lacks it
        built = ev.built_sites()
        if not built:
            continue
        if ev.param == "weight" and not all(layer in NORM_TYPES for layer, _, _ in built):
            continue
        lacking = [(why, call, path) for layer, call, path in built for why in [lacks(layer, call, ev.param)] if why]
        if lacking and len(lacking) == len(built):
            seen.add((id(init), ev.key, ev.loc))
            yield ev, _reasons(lacking), _related(lacking)


def _switch_true_at_every_site(layer, call, path, param, index) -> bool:
    """``nn.Linear(a, b, bias=bias)`` in a project class's ``__init__`` whose ``bias`` parameter every
    construction of the class in the project passes as ``True`` (or leaves at a default of ``True``): the layer
    has the tensor. Unknown (no construction seen, a subclass, ``*args``) is not known to be True."""
    spec = PARAMETERIZED.get(layer, {}).get(param)
    if spec is None or path is None:
        return False
    arg = call.kwarg(spec[0])
    if arg is None or arg.key is None or "." in arg.key:
        return False
    summary = next((f for f in index.files if f.path == path), None)
    if summary is None:
        return False
    home = next(((cls, m) for cls in summary.classes for m in cls.methods.values()
                 if any(c is call for c in m.calls)), None)
    if home is None or home[1].name != "__init__" or arg.key not in home[1].params:
        return False
    cls, init = home
    ref = ClassRef(cls, summary)
    name = arg.key
    if index.subclasses(ref) or init.rebinds(name) or cls.name in handed_on(index):
        return False  # a subclass, `bias = False` in __init__, partial(Block, bias=False): not known
    position = init.params.index(name) - 1
    sites = calls_by_name(index).get(cls.name, [])
    known = [c for f, c in sites if (r := index.resolve_class(c.qual or c.func, f)) is not None and r.qual == ref.qual]
    if not known or len(known) != len(sites):
        return False
    for site in known:
        if site.starred:
            return False
        given = site.argument(name, position)
        value = init.defaults.get(name) if given is None else given.value
        if value is not True:
            return False
    return True


def fn_class(ev) -> str:
    return ev.scope.split(".")[0]


def _reasons(lacking) -> list:
    return sorted({why for why, _, _ in lacking})


def _related(lacking) -> list:
    # the layers built without the parameter: the first in each file (fifty `bias=False` convolutions in one
    # file are one note)
    first: dict = {}
    for why, call, path in lacking:
        if path is not None and path not in first:
            first[path] = Related(path, call.loc, f"{why}: the layer is built here")
    return [first[path] for path in sorted(first)]


def guard_fix(ev) -> Fix | None:
    """Wrap the init in a None guard; none for an init run through a helper call (the fix belongs in the
    helper) or one written through an alias or a list loop (the guard would name another expression)."""
    init = ev.init
    if not ev.direct or ev.key != init.target_key:
        return None
    return Fix(f"Guard with `if {init.target_key} is not None:`", "safe",
               [(init.loc, "wrap_if", f"{init.target_key} is not None")])


class UnguardedOptionalParameter(Rule):
    code = "INI201"
    name = "unguarded-optional-parameter"
    summary = "Init of `m.bias` / a norm weight without a `None` guard, where the model builds the layer without it"
    fixable = True

    def check(self, file, index):
        for ev, reasons, related in unguarded_sites(file, index):
            if reasons:
                if not ev.direct:
                    related = [Related(ev.helper_path, ev.helper_loc, f"`{ev.init.target_key}` is initialized"
                                                                      " here"), *related]
                yield self.finding(
                    file, ev.loc,
                    f"`{ev.key}` is initialized without an `is not None` guard, but {reasons[0]}"
                    f" (AttributeError on None at run time); wrap it in `if {ev.init.target_key} is not None:`",
                    guard_fix(ev), related,
                )


class UnguardedOptionalParameterLatent(Rule):
    code = "INI209"
    name = "unguarded-optional-parameter-latent"
    summary = "Init of `m.bias` / a norm weight without a `None` guard (latent crash on `bias=False` layers)"
    default = False
    fixable = True

    def check(self, file, index):
        for ev, reasons, _ in unguarded_sites(file, index):
            if not reasons and ev.unit is not None:
                init = ev.init
                yield self.finding(
                    file, init.loc,
                    f"`{init.target_key}` is initialized without an `is not None` guard; it crashes the day this"
                    f" code meets a layer built with `bias=False`/`affine=False`; wrap it in"
                    f" `if {init.target_key} is not None:`",
                    guard_fix(ev),
                )
