"""INI207 duplicate-init-target: a branch initializes one tensor twice and never its sibling."""

from __future__ import annotations

from dataclasses import replace

from .. import events
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
                if init.index or init.name not in OVERWRITES or not (init.func.startswith(INIT) or init.is_torch):
                    continue
                # the tensor written, aliases resolved: w = m.weight; zeros_(w) writes m.weight
                evs = events.of(init, file, index)
                if not evs:
                    continue
                ev = evs[0] if len(evs) == 1 else replace(evs[0], key=init.target_key, subject=init.subject,
                                                          param=init.target)  # a loop over [a, b]: its variable
                if ev.param not in SIBLING or "[]" in (ev.key or ""):
                    continue  # mapper[0].weight and mapper[2].weight are different tensors
                groups.setdefault((_branch(init.conds, ev.subject), init.loops), []).append(ev)
            for group in groups.values():
                keys = [ev.key for ev in group]
                for i, ev in enumerate(group):
                    init = ev.init
                    if ev.key in keys[:i]:
                        sibling = f"{ev.subject}.{SIBLING[ev.param]}"
                        if sibling not in keys and not any(k and k.startswith(sibling) for k in keys):
                            yield self.finding(
                                file, init.loc,
                                f"`{ev.key}` is initialized twice in this branch (the first init is"
                                f" overwritten) and `{sibling}` never: a copy-paste slip? initialize `{sibling}` here",
                                related=[Related(file.path, group[keys.index(ev.key)].init.loc,
                                                 f"`{ev.key}` is first initialized here")],
                            )
                            break


def _branch(conds, subject) -> tuple:
    """The branch an init is in: its conditions less the guards on the module's own tensors (``if m.bias is not
    None:`` nested in an ``isinstance`` branch is the same branch: a second ``m.weight`` init under it still
    overwrites the first, and an ``m.bias`` init under it still initializes the sibling)."""
    prefix = f"{subject}."
    return tuple(c for c in conds if not (c.kind in ("isnone", "truthy", "hasattr") and (
        (c.subject or "").startswith(prefix) or (c.kind == "hasattr" and c.subject == subject))))
