"""INI203 class-name-dispatch: init dispatch on the class name string (``classname.find('Conv')``)."""

from __future__ import annotations

from ..torchnames import FAMILIES, NO_WEIGHT_ATTR, PARAMETERIZED
from . import Rule
from ._units import is_guarded, members, models_or_owner, reach_of, units

TORCH_LAYERS = sorted(set(PARAMETERIZED) | set(NO_WEIGHT_ATTR) | {"Identity", "ReLU", "Dropout"})


class ClassNameDispatch(Rule):
    code = "INI203"
    name = "class-name-dispatch"
    summary = "Init dispatch on the class-name string: matches blocks without `.weight`, misses sibling layers"

    def check(self, file, index):
        if not any(c.kind == "classname" for fn in file.scopes for i in fn.inits for c in i.conds):
            return
        for unit in units(file, index):
            models = models_or_owner(unit, file, index)
            reach = reach_of(models, index) if models else None
            reported = set()
            # what the unit's other branches handle: a sibling class-name test or an isinstance on the module
            patterns = {c.attr for i in unit.inits() for c in i.conds if c.kind == "classname" and not c.negated
                        and c.attr}
            handled = members(unit.dispatch_types())
            for init in unit.inits():
                for cond in init.conds:
                    if cond.kind != "classname" or cond.negated or not cond.attr or cond in reported:
                        continue
                    problem = self.problem(cond.attr, init, reach, index, patterns, handled)
                    if problem:
                        reported.add(cond)
                        yield self.finding(
                            file, init.loc,
                            f"dispatch on the class name matching '{cond.attr}' {problem}; dispatch with"
                            " `isinstance(m, (nn.Conv2d, ...))` on the layer types instead",
                        )

    @staticmethod
    def problem(pattern: str, init, reach, index, patterns=frozenset(), handled=frozenset()) -> str | None:
        """What goes wrong for the classes the model builds (torch layers alone when the model is unknown)."""
        attr = init.target
        built = {layer for layer, _ in reach.layers} if reach is not None else set(TORCH_LAYERS)
        # names the branch's own condition rules out: `find("BatchNorm") != -1 and find("VirtualBatchNorm") == -1`
        excluded = {c.attr for c in init.conds if c.kind == "classname" and c.negated and c.attr}

        def kept(name: str) -> bool:
            return pattern in name and not any(e in name for e in excluded)

        # hasattr(m, "weight") in the branch's condition: a module without it never enters the branch
        subject = (init.target_key or "").rsplit(".", 1)[0]
        required = {c.attr for c in init.conds if c.kind == "hasattr" and not c.negated and c.subject == subject}
        if attr in ("weight", "bias") and not is_guarded(init, init.target_key or ""):
            lacking = sorted({name for name in built if kept(name) and name in NO_WEIGHT_ATTR
                              and not required & {"weight", "bias"}})
            for ref in (reach.classes if reach is not None else ()):
                if kept(ref.info.name):
                    attrs = index.defined_attrs(ref)
                    if attrs is not None and attr not in attrs and required <= attrs:
                        lacking.append(ref.info.name)
            if lacking:
                return (f"also matches {', '.join(sorted(set(lacking))[:4])}, which has no `.{attr}`"
                        " (AttributeError at run time)")
        if reach is None:  # which layers of a family the model builds is unknown: a miss would be a guess
            return None
        for family, names in FAMILIES.items():
            hit = [m for m in names if pattern in m]
            if hit and len(hit) < len(names):
                missed = [m for m in names if m not in hit and m in built
                          and m not in handled and not any(p in m for p in patterns)]
                if missed:
                    return f"misses {', '.join(missed)} of the same layer family, which keep PyTorch's default"
        return None
