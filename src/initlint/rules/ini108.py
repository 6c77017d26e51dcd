"""INI108 nonlinearity-mismatch (opt-in): ``nonlinearity='relu'`` in a model without ReLU."""

from __future__ import annotations

from ..torchnames import INIT
from . import Rule, iter_with_nested
from ._units import reach_of, units

RELU = frozenset({"ReLU", "ReLU6", "relu", "relu_", "relu6"})
OTHER = frozenset({"Tanh", "Sigmoid", "GELU", "SiLU", "Mish", "ELU", "SELU", "LeakyReLU", "Hardswish", "Softplus",
                   "tanh", "sigmoid", "gelu", "silu", "mish", "elu", "selu", "leaky_relu", "hardswish", "softplus"})


class NonlinearityMismatch(Rule):
    code = "INI108"
    name = "nonlinearity-mismatch"
    summary = "`kaiming_*_(nonlinearity='relu')` in a model whose activations are all something else"
    default = False

    def check(self, file, index):
        for unit in units(file, index):
            relu_inits = [i for i in unit.inits() if i.func.startswith(INIT) and i.name.startswith("kaiming")
                          and (i.kwargs.get("nonlinearity") == "relu" or "relu" in i.args)]
            if not relu_inits or not unit.models:
                continue
            reach = reach_of(unit.models, index)
            if not reach.complete:
                continue
            used = {layer for layer, _ in reach.layers}
            for ref in reach.classes:
                for method in ref.info.methods.values():
                    for fn in iter_with_nested(method):
                        used.update(c.method for c in fn.calls)
            if used & RELU or not used & OTHER:
                continue
            acts = ", ".join(sorted(used & OTHER))
            for init in relu_inits:
                yield self.finding(
                    file, init.loc,
                    f"`nonlinearity='relu'` sets the ReLU gain sqrt(2), but the model uses {acts} and no ReLU; use"
                    " the matching gain (e.g. 'tanh', 'leaky_relu' with its slope, or 'linear'/xavier for GELU/SiLU)",
                )
