"""INI106 trunc-normal-absolute-bounds (opt-in): ``trunc_normal_(t, std=0.02)`` truncates nothing."""

from __future__ import annotations

from . import Rule, each_init
from .ini103 import bound_args


class TruncNormalAbsoluteBounds(Rule):
    code = "INI106"
    related_elsewhere = False  # its findings never name a place in another file
    name = "trunc-normal-absolute-bounds"
    summary = "`trunc_normal_(t, std=s)` with small `s` and no `a`/`b`: the default bounds ±2 are absolute"
    default = False

    def check(self, file, index):
        for _, init in each_init(file):
            if init.name != "trunc_normal_" or init.func.endswith("_tf_"):
                continue
            args = bound_args("trunc_normal_", init.args, init.kwargs)
            std = args.get("std")
            if "a" in args or "b" in args or not isinstance(std, (int, float)) or isinstance(std, bool):
                continue
            if 0 < std <= 0.5:
                yield self.finding(
                    file, init.loc,
                    f"`trunc_normal_(std={std})` keeps the default bounds a=-2, b=2, which are absolute, not in"
                    f" units of std: at std={std} nothing is truncated (2 is {2 / std:.0f} std away); pass"
                    f" `a=-2 * {std}, b=2 * {std}` for a 2-sigma cut",
                )
