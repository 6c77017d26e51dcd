"""INI204 exact-type-dispatch: ``type(m) == nn.Linear`` misses subclasses."""

from __future__ import annotations

from . import Fix, Rule


class ExactTypeDispatch(Rule):
    code = "INI204"
    related_elsewhere = False  # its findings never name a place in another file
    name = "exact-type-dispatch"
    summary = "`type(m) == nn.X` in init dispatch misses subclasses (NonDynamicallyQuantizableLinear, custom layers)"
    fixable = True

    def check(self, file, index):
        for fn in file.scopes:
            seen = set()
            for init in fn.inits:
                for cond in init.conds:
                    if cond.kind != "typeeq" or cond.subject is None or (cond.subject, cond.types) in seen:
                        continue
                    if not (init.subject or "").split(".")[0] == cond.subject:
                        continue
                    seen.add((cond.subject, cond.types))
                    names = ", ".join(t.rsplit(".", 1)[-1] for t in cond.types)
                    yield self.finding(
                        file, init.loc,
                        f"init dispatch compares `type({cond.subject})` with {names} exactly: subclasses (e.g."
                        " MultiheadAttention's NonDynamicallyQuantizableLinear, your own layers) are skipped;"
                        f" use `isinstance({cond.subject}, ...)`",
                        self.fix(cond),
                    )

    @staticmethod
    def fix(cond) -> Fix:
        """``type(m) == nn.X`` -> ``isinstance(m, nn.X)``; ``type(m) != nn.X``, ``type(m) is not nn.X`` and
        ``not type(m) == nn.X`` -> ``not isinstance(m, nn.X)``. Only the test expression is rewritten, so an
        ``else`` branch or an early ``return`` keeps its meaning. Unsafe, since subclasses now match too."""
        if not cond.loc or cond.text is None or not (cond.subject or "").isidentifier() or len(cond.types) != 1:
            # a tuple or union on the right is never equal to a type: `isinstance` would do more than drop the
            # exact match, so the fix is left to the reader
            return Fix(f"Use `isinstance({cond.subject}, ...)`", "unsafe", [])
        call = f"isinstance({cond.subject}, {cond.text})"
        if cond.loc_negated:
            call = f"not {call}"
        return Fix(f"Use `{call}`", "unsafe", [(cond.loc, "replace", call)])
