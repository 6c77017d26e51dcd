"""INI201 unguarded-optional-parameter / INI209 its latent twin.

Init code initializes ``m.bias`` (or a norm layer's weight/bias) with no ``is not None`` guard, in a
branch for a layer type. INI201: a model the code reaches builds that type without the parameter
(a provable crash). INI209 (opt-in): no reached layer lacks it today (a latent crash).
"""

from __future__ import annotations

from ..summary import dispatch_types
from ..torchnames import NORM_TYPES, PARAMETERIZED
from . import Fix, Related, Rule
from ._units import attr_constructions, is_guarded, lacks, members, reach_of, units


def by_class_name(conds) -> set:
    """Torch layers a class-name dispatch matches (``classname.find("BatchNorm") != -1``)."""
    for cond in conds:
        if cond.kind == "classname" and not cond.negated and cond.attr:
            return {layer for layer in PARAMETERIZED if cond.attr in layer}
    return set()


def unguarded_sites(file, index):
    """(init, unit, reasons, related) for every unguarded optional-parameter init in an init unit; related: the
    layers built without the parameter."""
    seen = set()
    for unit in units(file, index):
        reach = None
        for init in unit.inits():
            key = init.target_key or ""
            if init.subject != unit.subject or init.target not in ("bias", "weight"):
                continue
            types = dispatch_types(init.conds, unit.subject)
            handled = members(types) or by_class_name(init.conds)
            if not handled:
                continue
            if init.target == "weight" and not (handled & NORM_TYPES):
                continue
            if is_guarded(init, key) or id(init) in seen:
                continue
            seen.add(id(init))
            if reach is None:
                reach = reach_of(unit.models, index)
            lacking = [(why, call) for layer, call in reach.layers if layer in handled
                       for why in [lacks(layer, call, init.target)] if why]
            reasons = sorted({why for why, _ in lacking})
            # the layers built without the parameter: the first in each file (fifty `bias=False` convolutions
            # in one file are one note)
            first: dict = {}
            for why, call in lacking:
                path = reach.path_of(call)
                if path is not None and path not in first:
                    first[path] = Related(path, call.loc, f"{why}: the layer is built here")
            yield init, unit, reasons, [first[path] for path in sorted(first)]


def direct_sites(file, index):
    """(init, reason, related) for an unguarded init of ``self.<layer>.bias`` (or a norm layer's weight/bias)
    written directly, where every construction of that layer the class can make lacks the parameter."""
    for fn in file.functions:
        for init in fn.inits:
            parts = (init.target_key or "").split(".")
            if len(parts) != 3 or parts[0] != "self" or parts[2] not in ("bias", "weight"):
                continue
            if is_guarded(init, init.target_key):
                continue
            built = attr_constructions(fn, file, index, parts[1])
            if not built:
                continue
            reasons = [lacks(layer, call, parts[2]) for layer, call, _ in built]
            # provable only when every construction lacks it for sure (not ``bias=flag``)
            if not all(reasons) or any(" may have no " in why for why in reasons):
                continue
            yield init, reasons[0], [Related(path, call.loc, f"{reasons[0]}: the layer is built here")
                                     for _, call, path in built[:1]]


def guard_fix(init) -> Fix:
    return Fix(f"Guard with `if {init.target_key} is not None:`", "safe",
               [(init.loc, "wrap_if", f"{init.target_key} is not None")])


class UnguardedOptionalParameter(Rule):
    code = "INI201"
    name = "unguarded-optional-parameter"
    summary = "Init of `m.bias` / a norm weight without a `None` guard, where the model builds the layer without it"
    fixable = True

    def check(self, file, index):
        for init, unit, reasons, related in unguarded_sites(file, index):
            if reasons:
                yield self.finding(
                    file, init.loc,
                    f"`{init.target_key}` is initialized without an `is not None` guard, but {reasons[0]}"
                    f" (AttributeError on None at run time); wrap it in `if {init.target_key} is not None:`",
                    guard_fix(init), related,
                )
        for init, reason, related in direct_sites(file, index):
            yield self.finding(
                file, init.loc,
                f"`{init.target_key}` is initialized, but {reason} (AttributeError on None at run time); delete"
                f" the init or build the layer with the parameter",
                None, related,
            )


class UnguardedOptionalParameterLatent(Rule):
    code = "INI209"
    name = "unguarded-optional-parameter-latent"
    summary = "Init of `m.bias` / a norm weight without a `None` guard (latent crash on `bias=False` layers)"
    default = False
    fixable = True

    def check(self, file, index):
        for init, unit, reasons, _ in unguarded_sites(file, index):
            if not reasons:
                yield self.finding(
                    file, init.loc,
                    f"`{init.target_key}` is initialized without an `is not None` guard; it crashes the day this"
                    f" code meets a layer built with `bias=False`/`affine=False`; wrap it in"
                    f" `if {init.target_key} is not None:`",
                    guard_fix(init),
                )
