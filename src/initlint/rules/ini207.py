"""INI207 duplicate-init-target: a branch initializes one tensor twice and never its sibling."""

from __future__ import annotations

from ..torchnames import INIT, INPLACE_INIT_METHODS
from . import Related, Rule

SIBLING = {"weight": "bias", "bias": "weight"}
OVERWRITES = (set(INPLACE_INIT_METHODS) - {"copy_", "fill_diagonal_"}) | {
    "constant_", "ones_", "zeros_", "normal_", "uniform_", "xavier_uniform_", "xavier_normal_", "kaiming_uniform_",
    "kaiming_normal_", "trunc_normal_", "orthogonal_", "eye_", "dirac_", "sparse_"}


class DuplicateInitTarget(Rule):
    code = "INI207"
    name = "duplicate-init-target"
    summary = "One branch initializes the same tensor twice while its weight/bias sibling is never touched"

    def check(self, file, index):
        for fn in file.scopes:
            groups: dict = {}
            for init in fn.inits:
                if init.target not in SIBLING or init.index or init.name not in OVERWRITES:
                    continue
                if "[]" in (init.target_key or ""):
                    continue  # mapper[0].weight and mapper[2].weight are different tensors
                if not (init.func.startswith(INIT) or init.is_torch):
                    continue
                groups.setdefault((init.conds, init.loops), []).append(init)
            for inits in groups.values():
                keys = [i.target_key for i in inits]
                for i, init in enumerate(inits):
                    if init.target_key in keys[:i]:
                        sibling = f"{init.subject}.{SIBLING[init.target]}"
                        if sibling not in keys and not any(k and k.startswith(sibling) for k in keys):
                            yield self.finding(
                                file, init.loc,
                                f"`{init.target_key}` is initialized twice in this branch (the first init is"
                                f" overwritten) and `{sibling}` never: a copy-paste slip? initialize `{sibling}` here",
                                related=[Related(file.path, inits[keys.index(init.target_key)].loc,
                                                 f"`{init.target_key}` is first initialized here")],
                            )
                            break
