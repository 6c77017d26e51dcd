"""INI306 init-on-reparametrized-weight: init of ``X.weight`` after weight_norm/spectral_norm/parametrize."""

from __future__ import annotations

from ..torchnames import INIT
from . import Rule

REPARAM = frozenset({"weight_norm", "spectral_norm", "register_parametrization"})


class InitOnReparametrizedWeight(Rule):
    code = "INI306"
    name = "init-on-reparametrized-weight"
    summary = "`nn.init` on `X.weight` after `weight_norm`/`spectral_norm`/`register_parametrization` on X"

    def check(self, file, index):
        for fn in file.scopes:
            wrapped = {}
            for call in fn.calls:
                if call.method not in REPARAM:
                    continue
                if call.target:
                    wrapped.setdefault(call.target, call)
                if call.args and call.args[0].key:
                    wrapped.setdefault(call.args[0].key, call)
            if not wrapped:
                continue
            for init in fn.inits:
                if not (init.func.startswith(INIT) or init.is_torch) or init.target not in ("weight",):
                    continue
                call = wrapped.get(init.subject or "")
                if call is not None and call.order < init.order:
                    yield self.finding(
                        file, init.loc,
                        f"`{init.target_key}` is derived by `{call.method}` (applied above): initializing it is a"
                        " silent no-op (or NaN with the old spectral_norm); initialize the weight before"
                        f" `{call.method}(...)`, or the underlying `weight_orig`/`weight_v`/"
                        "`parametrizations.weight.original`",
                    )
