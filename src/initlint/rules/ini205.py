"""INI205 padding-idx-overwritten: custom Embedding init re-randomizes the ``padding_idx`` row."""

from __future__ import annotations

from ..events import subject_types
from . import Rule
from ._units import layers_built, members, reach_of, units


class PaddingIdxOverwritten(Rule):
    code = "INI205"
    name = "padding-idx-overwritten"
    summary = "Embedding init that does not re-zero `weight[padding_idx]`, or zeroes it without a None guard"

    def check(self, file, index):
        for unit in units(file, index):
            # the unit's inits in an Embedding branch: isinstance, or-chains, type checks, predicate functions
            branch_inits = [i for i in unit.inits() if "Embedding" in members(
                subject_types(i.conds, unit.subject, unit.fn, file, index)[0])]
            if not branch_inits:
                continue
            rezero = [i for i in branch_inits if i.index and "padding_idx" in i.index] + [
                s for s in unit.fn.item_stores if s.index and "padding_idx" in s.index]
            rezero_calls = [c for c in unit.fn.calls if c.method == "_fill_padding_idx_with_zero"]
            for item in rezero:
                if "." not in item.index:
                    continue  # weight[padding_idx] with a local or a parameter: whether it can be None is unknown
                if not any(c.kind == "isnone" and c.negated and (c.subject or "").endswith("padding_idx")
                           for c in item.conds) and not any(
                        c.kind == "truthy" and (c.subject or "").endswith("padding_idx") for c in item.conds):
                    yield self.finding(
                        file, item.loc,
                        f"`{item.index}` may be None, and `weight[None]` selects the whole table, zeroing every"
                        " embedding; guard it with `if m.padding_idx is not None:`",
                    )
            if rezero or rezero_calls:
                continue
            weight_inits = [i for i in branch_inits if i.target == "weight" and not i.index]
            if not weight_inits or not unit.models:
                continue
            reach = reach_of(unit.models, index)
            padded = [call for layer, call in reach.layers if layer == "Embedding" and (
                (call.kwarg("padding_idx") is not None and call.kwarg("padding_idx").value is not None)
                or len(call.positional()) >= 3)]
            if padded:
                yield self.finding(
                    file, weight_inits[0].loc,
                    f"the Embedding branch re-initializes `{weight_inits[0].target_key}`, overwriting the zero row at"
                    " `padding_idx` that the model's Embedding keeps for padding (it then gets no gradient and stays"
                    " random); re-zero it: `m.weight.data[m.padding_idx].zero_()` under"
                    " `if m.padding_idx is not None:`",
                    related=layers_built(reach, padded, "an Embedding with `padding_idx` is built here"),
                )
