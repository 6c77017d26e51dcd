"""INI101 deprecated-init-function: ``nn.init.xavier_normal`` (FutureWarning) or ``nn.init.zeros``
(AttributeError) instead of the in-place name with the trailing underscore."""

from __future__ import annotations

from ..torchnames import DEPRECATED_INIT, INIT, MISSING_INIT
from . import Fix, Rule


class DeprecatedInitFunction(Rule):
    code = "INI101"
    related_elsewhere = False  # its findings never name a place in another file
    name = "deprecated-init-function"
    summary = "Deprecated or non-existent `nn.init` name without the trailing underscore"
    fixable = True

    def check(self, file, index):
        for scope in file.scopes:
            for call in scope.calls:
                qual = call.qual or ""
                if not qual.startswith(INIT):
                    continue
                name = qual[len(INIT):]
                if name in DEPRECATED_INIT:
                    what = f"`nn.init.{name}` is deprecated (FutureWarning)"
                elif name in MISSING_INIT:
                    what = f"`nn.init.{name}` does not exist (AttributeError)"
                else:
                    continue
                new = DEPRECATED_INIT.get(name) or MISSING_INIT[name]
                # `from torch.nn.init import xavier_normal`: renaming the call alone would leave a NameError,
                # and the import may serve other uses, so no fix is offered for that spelling
                fix = None
                if "." in call.func:
                    fix = Fix(f"Use `{new}`", "safe", [(call.loc + ("func",), "end", "_")])
                yield self.finding(file, call.loc, f"{what}; use the in-place `{new}`", fix)
