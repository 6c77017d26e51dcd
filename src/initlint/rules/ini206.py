"""INI206 missing-weight-attribute: an init branch for LSTM/MHA/Sequential reads ``m.weight``."""

from __future__ import annotations

from ..summary import dispatch_types
from ..torchnames import NO_WEIGHT_ATTR, torch_layer
from . import Rule, each_init


class MissingWeightAttribute(Rule):
    code = "INI206"
    related_elsewhere = False  # its findings never name a place in another file
    name = "missing-weight-attribute"
    summary = "Init branch for a type without `.weight`/`.bias` (LSTM, GRU, MultiheadAttention, Sequential) reads them"

    def check(self, file, index):
        for _, init in each_init(file):
            if init.target not in ("weight", "bias") or not init.subject or "." in init.subject:
                continue
            types = dispatch_types(init.conds, init.subject)
            layers = [torch_layer(t) for t in types]
            layers = [layer for layer in layers if layer in NO_WEIGHT_ATTR]  # one member without it is enough
            if types and layers:
                hint = "`weight_ih_l0`/`weight_hh_l0` (or loop over `named_parameters()`)" if any(
                    layer in ("RNN", "LSTM", "GRU") for layer in layers) else (
                    "`in_proj_weight` and `out_proj.weight`" if "MultiheadAttention" in layers
                    else "its submodules' tensors")
                yield self.finding(
                    file, init.loc,
                    f"`{', '.join(layers)}` has no `.{init.target}` (AttributeError at run time); initialize"
                    f" {hint}",
                )
