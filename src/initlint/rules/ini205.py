"""INI205 padding-idx-overwritten: custom Embedding init re-randomizes the ``padding_idx`` row."""

from __future__ import annotations

from ..summary import dispatch_types
from ..index import ClassRef
from . import Related, Rule
from ..summary import iter_with_nested
from ..torchnames import canonical, torch_layer
from ._units import attr_constructions, layers_built, members, reach_of, units


class PaddingIdxOverwritten(Rule):
    code = "INI205"
    name = "padding-idx-overwritten"
    summary = "Embedding init that does not re-zero `weight[padding_idx]`, or zeroes it without a None guard"

    def check(self, file, index):
        yield from self.direct(file, index)
        for unit in units(file, index):
            branch_inits = [i for i in unit.inits() if "Embedding" in members(dispatch_types(i.conds, unit.subject))]
            if not branch_inits:
                continue
            rezero = [i for i in branch_inits if i.index and "padding_idx" in i.index] + [
                s for s in unit.fn.item_stores if s.index and "padding_idx" in s.index]
            rezero_calls = [c for c in unit.fn.calls if c.method == "_fill_padding_idx_with_zero"]
            for item in rezero:
                if not any(c.kind == "isnone" and c.negated and (c.subject or "").endswith("padding_idx")
                           for c in item.conds) and not any(
                        c.kind == "truthy" and (c.subject or "").endswith("padding_idx") for c in item.conds):
                    yield self.finding(
                        file, item.loc,
                        f"`{item.index}` may be None, and `weight[None]` selects the whole table, zeroing every"
                        " embedding; guard it with `if m.padding_idx is not None:`",
                    )
            if rezero or rezero_calls:
                continue
            weight_inits = [i for i in branch_inits if i.target == "weight" and not i.index]
            if not weight_inits or not unit.models:
                continue
            reach = reach_of(unit.models, index)
            padded = [call for layer, call in reach.layers if layer == "Embedding" and (
                (call.kwarg("padding_idx") is not None and call.kwarg("padding_idx").value is not None)
                or len(call.positional()) >= 3)]
            if padded:
                yield self.finding(
                    file, weight_inits[0].loc,
                    f"the Embedding branch re-initializes `{weight_inits[0].target_key}`, overwriting the zero row at"
                    " `padding_idx` that the model's Embedding keeps for padding (it then gets no gradient and stays"
                    " random); re-zero it: `m.weight.data[m.padding_idx].zero_()` under"
                    " `if m.padding_idx is not None:`",
                    related=layers_built(reach, padded, "an Embedding with `padding_idx` is built here"),
                )

    def direct(self, file, index):
        """A whole-weight init written on the Embedding itself: ``self.emb.weight.data.uniform_(...)`` where
        every ``self.emb = ...`` of the class family builds it with a ``padding_idx``, or ``m.weight.normal_()``
        on a local ``m = nn.Embedding(..., padding_idx=...)``, with no write to a row of that weight anywhere."""
        for fn in file.functions:
            for init in fn.inits:
                key = init.target_key or ""
                if not key.endswith(".weight") or init.index or init.name == "copy_":
                    continue
                base = key[: -len(".weight")]
                if base.startswith("self.") and base.count(".") == 1:
                    built = attr_constructions(fn, file, index, base[5:])
                    if not built:
                        continue
                    calls = [call for layer, call, _ in built if layer == "Embedding"]
                    if len(calls) != len(built):
                        continue
                    paths = [(call, path) for _, call, path in built]
                    info = file.cls(fn.cls)
                    scopes = [s for ref in [*index.mro(ClassRef(info, file)), *index.subclasses(ClassRef(info, file))]
                              for method in ref.info.methods.values() for s in iter_with_nested(method)]
                elif "." not in base and base not in fn.params:
                    calls = [c for c in fn.calls if c.target == base]
                    if len(calls) != 1 or torch_layer(canonical(calls[0].qual)) != "Embedding":
                        continue
                    scopes = [fn]
                    paths = [(calls[0], file.path)]
                else:
                    continue
                builder = fn if scopes == [fn] else None
                if not all(_padded(call, builder) for call in calls) or _row_written(key, scopes):
                    continue
                yield self.finding(
                    file, init.loc,
                    f"`{key}` is re-initialized whole, overwriting the zero row at `padding_idx` that the Embedding"
                    " keeps for padding (it then gets no gradient and stays random); re-zero it afterwards:"
                    f" `{key}.data[padding_idx].zero_()`",
                    related=[Related(path, call.loc, "the Embedding is built with `padding_idx` here")
                             for call, path in paths[:1]],
                )


def _padded(call, fn=None) -> bool:
    """The Embedding is known to have a padding row: ``padding_idx`` is a literal index, or (in ``fn``, the
    function that builds it) a required parameter of that function, which has no ``None`` default. A value
    read from elsewhere (``config.pad_token_id``) may be None: unknown, so no."""
    arg = call.kwarg("padding_idx")
    if arg is None:
        positional = call.positional()
        arg = positional[2] if len(positional) >= 3 and not any(a.keyword == "*" for a in positional) else None
    if arg is None:
        return False
    if isinstance(arg.value, int) and not isinstance(arg.value, bool):
        return True
    if fn is not None and fn.signature is not None and arg.key in fn.params:
        return fn.params.index(arg.key) < fn.signature.required
    return False


def _plain(key: str | None) -> str:
    """``m.weight`` for ``m.weight.data[]`` (the key of an indexed write)."""
    key = (key or "").replace("[]", "")
    while key.endswith(".data"):
        key = key[: -len(".data")]
    return key


def _row_written(key: str, scopes) -> bool:
    """Some code writes part of that weight (an indexed init or item store), or calls the Embedding's own
    re-zeroing: the padding row is handled."""
    for scope in scopes:
        if any(i.index and _plain(i.target_key) == key for i in scope.inits):
            return True
        if any(_plain(s.key) == key for s in scope.item_stores):
            return True
        if any(c.method in ("_fill_padding_idx_with_zero", "reset_parameters") and c.receiver == key[: -len(".weight")]
               for c in scope.calls):
            return True
    return False
