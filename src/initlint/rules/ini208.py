"""INI208 stacked-gate-orthogonal (opt-in): ``orthogonal_`` on a whole LSTM/GRU ``weight_hh``."""

from __future__ import annotations

from . import Rule, each_init


class StackedGateOrthogonal(Rule):
    code = "INI208"
    related_elsewhere = False  # its findings never name a place in another file
    name = "stacked-gate-orthogonal"
    summary = "`orthogonal_` on a whole LSTM/GRU `weight_hh*`: the stacked per-gate blocks are not orthogonal"
    default = False

    def check(self, file, index):
        for _, init in each_init(file, torch_only=True):
            if init.name != "orthogonal_" or init.index:
                continue
            whole = (init.target or "").startswith("weight_hh")
            if not whole and init.target is None and init.subject:
                loop = next((lp for lp in reversed(init.loops) if init.subject in lp.targets), None)
                whole = loop is not None and loop.source in ("parameters", "named_parameters") and any(
                    c.kind == "namehas" and not c.negated and "weight_hh" in (c.attr or "") for c in init.conds)
            if whole:
                yield self.finding(
                    file, init.loc,
                    f"`orthogonal_({init.target_key})` makes the stacked (4 or 3 gates x hidden, hidden) matrix"
                    " orthogonal, not each gate's block; initialize each gate: `for w in"
                    " weight_hh.chunk(4, 0): nn.init.orthogonal_(w)`",
                )
