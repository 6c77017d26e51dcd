"""INI206 missing-weight-attribute: an init branch for LSTM/MHA/Sequential reads ``m.weight``."""

from __future__ import annotations

from ..events import events
from ..torchnames import NO_WEIGHT_ATTR, torch_layer
from . import Rule


class MissingWeightAttribute(Rule):
    code = "INI206"
    related_elsewhere = False  # its findings never name a place in another file
    name = "missing-weight-attribute"
    summary = "Init branch for a type without `.weight`/`.bias` (LSTM, GRU, MultiheadAttention, Sequential) reads them"

    def check(self, file, index):
        seen = set()
        for ev in events(file, index):
            if ev.param not in ("weight", "bias") or not ev.subject or ev.loc in seen or not ev.direct:
                continue
            if "." not in ev.init.subject and ev.types:
                # a dispatch branch on the module variable: one member without the attribute is enough
                layers = [layer for layer in map(torch_layer, ev.types) if layer in NO_WEIGHT_ATTR]
            else:
                # a module whose construction is known: self.lstm = nn.LSTM(...); nn.init.x_(self.lstm.weight)
                built = ev.known_layers()
                if not built or any(c.kind == "hasattr" for c in ev.init.conds):
                    continue
                layers = sorted({layer for layer, _ in built}) if all(
                    layer in NO_WEIGHT_ATTR for layer, _ in built) else []
            if layers:
                seen.add(ev.loc)
                hint = "`weight_ih_l0`/`weight_hh_l0` (or loop over `named_parameters()`)" if any(
                    layer in ("RNN", "LSTM", "GRU") for layer in layers) else (
                    "`in_proj_weight` and `out_proj.weight`" if "MultiheadAttention" in layers
                    else "its submodules' tensors")
                yield self.finding(
                    file, ev.loc,
                    f"`{', '.join(layers)}` has no `.{ev.param}` (AttributeError at run time); initialize"
                    f" {hint}",
                )
