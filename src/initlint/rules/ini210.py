"""INI210 init-coverage-report (opt-in): layer types an init dispatch leaves at PyTorch's default."""

from __future__ import annotations

from ..torchnames import NN
from . import Rule
from ._units import built_types, members, model_name, reach_of, units
from .ini202 import verdicts


class InitCoverageReport(Rule):
    code = "INI210"
    name = "init-coverage-report"
    summary = "Lists the parameterized layer types a model builds that its init dispatch leaves at the default"
    default = False

    def check(self, file, index):
        for unit in units(file, index):
            types = unit.dispatch_types()
            if not any(t and t.startswith(NN) for t in types) or not unit.models:
                continue
            covered = members(types)
            reach = reach_of(unit.models, index)
            _, reported = verdicts(unit, file, index)  # INI202 already names these
            left = sorted(built_types(reach) - covered - reported)
            if left:
                names = ", ".join(sorted({model_name(m) for m in unit.models}))
                yield self.finding(
                    file, unit.loc,
                    f"{names} builds {', '.join(left)}, which this init dispatch leaves at PyTorch's default",
                )
