"""INI202 init-dispatch-misses-layers: an init dispatch covers none of the model's layer types, or one
member of a layer family while the model builds another member."""

from __future__ import annotations

from ..torchnames import FAMILIES, NN, family_of, materialized
from ..events import models_run_on, subject_types
from . import Rule
from ._units import built_types, layers_built, members, model_name, reach_of, units


class InitDispatchMissesLayers(Rule):
    code = "INI202"
    name = "init-dispatch-misses-layers"
    summary = "Init dispatch covers none of the model's layer types, or misses a sibling in a layer family"

    def check(self, file, index):
        for unit in units(file, index):
            for message, related in verdicts(unit, file, index)[0]:
                yield self.finding(file, unit.loc, message, related=related)


def verdicts(unit, file, index):
    """(INI202 (message, related locations), the layer types they name) for one init unit; the related
    locations are the layers the dispatch misses, the first in each file that builds one."""
    messages, named = [], set()
    # applied, or Hugging Face's post_init (unless the method also hands modules to super()._init_weights)
    models = models_run_on(unit, file, index, delegating=False)
    if not models:
        return messages, named
    # every type the unit dispatches on, predicate functions resolved (``if is_linear(m):``)
    types = unit.dispatch_types() | {t for init in unit.inits()
                                     for t in subject_types(init.conds, unit.subject, unit.fn, file, index)[0]}
    torch_types = {t for t in types if t and t.startswith(NN)}
    if not torch_types:
        return messages, named
    covered = members(types)
    reach = reach_of(models, index)
    built = built_types(reach)
    project_types = types - torch_types
    project_hit = any(
        (r := index.resolve_class(t, file)) is not None and any(c.qual == r.qual for c in reach.classes)
        for t in project_types)
    names = ", ".join(sorted({model_name(m) for m in models}))
    where = "loop" if unit.loop is not None else f"`{unit.fn.name}`"
    if built and not (built & covered) and reach.complete and not project_hit:
        dispatched = ", ".join(sorted(t.rsplit(".", 1)[-1] for t in torch_types))
        messages.append((
            f"the init {where} dispatches on {dispatched} but {names} builds only {', '.join(sorted(built))}:"
            " it initializes nothing and every layer keeps PyTorch's default", _missed(reach, built)))
        return messages, set(built)
    for family, family_members in FAMILIES.items():
        if not covered & set(family_members):
            continue
        if family in ("batchnorm", "instancenorm") and _writes_norm_default(unit, family_members, file, index):
            continue  # the branch sets weight 1 and bias 0, what a missed norm layer keeps anyway
        missed = sorted(layer for layer in built if family_of(layer) == family and layer not in covered)
        if missed:
            got = ", ".join(sorted(covered & set(family_members)))
            named.update(missed)
            messages.append((
                f"the init {where} handles {got} but {names} also builds {', '.join(missed)}, which no branch"
                f" covers (left at PyTorch's default); add {', '.join(missed)} to the isinstance tuple",
                _missed(reach, set(missed))))
    return messages, named


def _missed(reach, types) -> list:
    calls = [call for layer, call in reach.layers if materialized(layer) in types]
    return layers_built(reach, calls, "a layer no branch covers is built here")


#: the values torch gives a norm layer's affine tensors, and the inits that write exactly them
_NORM_DEFAULT = {"weight": 1, "bias": 0}


def _writes_norm_default(unit, family_members, file, index) -> bool:
    """Every init of the unit's branches for that norm family writes the tensor's torch default (``weight`` 1,
    ``bias`` 0: ``constant_(m.weight, 1)``, ``ones_``, ``fill_(1)``, ``zeros_``, ``zero_()``), so a member of the
    family the dispatch misses ends up with the same values."""
    inits = [i for i in unit.inits()
             if members(subject_types(i.conds, unit.subject, unit.fn, file, index)[0]) & set(family_members)]
    return bool(inits) and all(_default_value(i) for i in inits)


def _default_value(init) -> bool:
    wanted = _NORM_DEFAULT.get(init.target or "")
    if wanted is None:
        return False
    name = init.name
    if name in ("ones_",):
        return wanted == 1
    if name in ("zeros_", "zero_"):
        return wanted == 0
    if name in ("constant_", "fill_") and len(init.args) == 1:
        value = init.args[0]
        return isinstance(value, (int, float)) and not isinstance(value, bool) and value == wanted
    return False
