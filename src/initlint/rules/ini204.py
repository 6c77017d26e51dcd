"""INI204 exact-type-dispatch: ``type(m) == nn.Linear`` misses subclasses."""

from __future__ import annotations

from ..torchnames import canonical, torch_layer
from . import Fix, Rule
from ._units import models_or_owner, reach_of, units

#: torch layers that hold a subclass of nn.Linear (``out_proj`` is a NonDynamicallyQuantizableLinear)
_HOLD_LINEAR_SUBCLASS = frozenset({"MultiheadAttention", "Transformer", "TransformerEncoder", "TransformerDecoder",
                                   "TransformerEncoderLayer", "TransformerDecoderLayer"})


class ExactTypeDispatch(Rule):
    code = "INI204"
    name = "exact-type-dispatch"
    summary = "`type(m) == nn.X` in init dispatch misses subclasses (NonDynamicallyQuantizableLinear, custom layers)"
    fixable = True

    def check(self, file, index):
        if not any(c.kind == "typeeq" for fn in file.scopes for i in fn.inits for c in i.conds):
            return
        seen = set()
        for unit in units(file, index):
            models = models_or_owner(unit, file, index)
            reach = reach_of(models, index) if models else None
            for init in unit.inits():
                for cond in init.conds:
                    key = (unit.fn.qualname, cond.subject, cond.types)
                    if cond.kind != "typeeq" or cond.subject is None or key in seen:
                        continue
                    if not (init.subject or "").split(".")[0] == cond.subject:
                        continue
                    skipped = skipped_by(cond.types, reach, index)
                    if not skipped:
                        continue
                    seen.add(key)
                    names = ", ".join(t.rsplit(".", 1)[-1] for t in cond.types)
                    yield self.finding(
                        file, init.loc,
                        f"init dispatch compares `type({cond.subject})` with {names} exactly, so it skips"
                        f" {', '.join(skipped[:3])}; use `isinstance({cond.subject}, ...)`",
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


def skipped_by(types, reach, index) -> list[str]:
    """The modules an exact type test is known to skip: a lazy layer once materialized (its class becomes the
    plain layer at the first forward, whatever the model), and, in what the model is known to build, project
    subclasses of the type and torch layers holding one (MultiheadAttention's ``out_proj``). Empty when nothing
    is known to be skipped: the model is unknown, or builds only the exact type."""
    out = []
    for qual in types:
        layer = torch_layer(canonical(qual))
        if layer and layer.startswith("Lazy"):
            out.append(f"`{layer}` itself after its first forward (it becomes `{layer[4:]}`)")
        if reach is None:
            continue
        for ref in reach.classes:
            if any(isinstance(b, str) and canonical(b) == qual for cls in index.mro(ref) for b in index.bases(cls)):
                out.append(f"`{ref.info.name}` (a subclass the model builds)")
        if layer == "Linear":
            out += [f"the `out_proj` of the model's `{name}` (a NonDynamicallyQuantizableLinear)"
                    for name, _ in reach.layers if name in _HOLD_LINEAR_SUBCLASS]
    return list(dict.fromkeys(out))
