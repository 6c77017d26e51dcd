"""INI205 padding-idx-overwritten: custom Embedding init re-randomizes the ``padding_idx`` row."""

from __future__ import annotations

from ..events import events, models_run_on, resolved_key, subject_types
from ..index import ClassRef
from ..summary import iter_with_nested
from ..torchnames import canonical, torch_layer
from . import Related, Rule
from ._units import layers_built, members, reach_of, units


class PaddingIdxOverwritten(Rule):
    code = "INI205"
    name = "padding-idx-overwritten"
    summary = "Embedding init that does not re-zero `weight[padding_idx]`, or zeroes it without a None guard"

    def check(self, file, index):
        yield from self.direct(file, index)
        yield from self.none_index(file, index)
        yield from self.replaced(file, index)
        for unit in units(file, index):
            # the unit's inits in an Embedding branch: isinstance, or-chains, type checks, predicate functions
            branch_inits = [i for i in unit.inits() if "Embedding" in members(
                subject_types(i.conds, unit.subject, unit.fn, file, index)[0])]
            if not branch_inits:
                continue
            rezero = [i for i in branch_inits if i.index and "padding_idx" in i.index] + [
                s for s in unit.fn.item_stores if s.index and "padding_idx" in s.index]
            rezero_calls = [c for c in unit.fn.calls if c.method == "_fill_padding_idx_with_zero"]
            for item in rezero:
                if "." not in item.index:
                    continue  # weight[padding_idx] with a local or a parameter: whether it can be None is unknown
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
            models = models_run_on(unit, file, index)  # applied, or Hugging Face's post_init
            if not weight_inits or not models:
                continue
            reach = reach_of(models, index)
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
        on a local ``m = nn.Embedding(..., padding_idx=...)``, with no write to a row of that weight anywhere. A
        query over the init events (aliases resolved, the elements of a loop over ``[self.a, self.b]``): the
        constructions the written module is known to be."""
        seen = set()
        for ev in events(file, index):
            init = ev.init
            if not ev.direct or ev.param != "weight" or init.index or init.name == "copy_" or init.loc in seen:
                continue
            built = ev.built_sites()
            if not built or any(layer != "Embedding" for layer, _, _ in built):
                continue
            fn = file.function(ev.scope)
            if fn is None:
                continue
            if not _padding_row_lost(ev.subject, ev.key, [call for _, call, _ in built], fn, file, index):
                continue
            seen.add(init.loc)
            yield self.finding(
                file, init.loc,
                f"`{ev.key}` is re-initialized whole, overwriting the zero row at `padding_idx` that the Embedding"
                " keeps for padding (it then gets no gradient and stays random); re-zero it afterwards:"
                f" `{ev.key}.data[padding_idx].zero_()`",
                related=[Related(path, call.loc, "the Embedding is built with `padding_idx` here")
                         for _, call, path in built[:1]],
            )


    def replaced(self, file, index):
        """``emb.weight = nn.Parameter(torch.rand(...))`` where every construction ``emb`` is known to be is an
        Embedding with a padding row, and no code writes a row of that weight: the new tensor is random at
        ``padding_idx`` too."""
        from ..events import layer_sites

        for fn in file.scopes:
            for call in fn.calls:
                key = call.target or ""
                if canonical(call.qual) != "torch.nn.Parameter" or not key.endswith(".weight") or not call.args \
                        or canonical(call.args[0].call) not in _FRESH:
                    continue
                subject = key[: -len(".weight")]
                sites = layer_sites(subject, fn, file, call.order, index)
                if not isinstance(sites, tuple) or not sites or any(
                        torch_layer(c.qual) != "Embedding" for c, _ in sites):
                    continue
                if not _padding_row_lost(subject, key, [c for c, _ in sites], fn, file, index):
                    continue
                yield self.finding(
                    file, call.loc,
                    f"`{key}` is replaced by a new Parameter from `{call.args[0].call}(...)`, which is not zero at"
                    " `padding_idx`: the Embedding's padding row is lost (the padding token maps to a random"
                    f" vector); zero that row of the new tensor: `{key}.data[padding_idx] = 0`",
                    related=[Related(path, c.loc, "the Embedding is built with `padding_idx` here")
                             for c, path in sites[:1]],
                )

    def none_index(self, file, index):
        """``m.weight[padding_idx]`` zeroed (an init or an item store) where ``m`` is a local Embedding built
        with ``padding_idx=padding_idx``, a parameter of the function that some call in the checked files gives
        ``None`` (as an argument, or by leaving out a ``None`` default), with no guard on it: ``weight[None]``
        selects the whole table."""
        from ..events import layers_of
        from ._values import known_values

        for fn in file.scopes:
            writes = [(i.target_key, i.index, i.conds, i.order, i.loc) for i in fn.inits if i.index] + [
                (s.key, s.index, s.conds, s.order, s.loc) for s in fn.item_stores if s.index]
            for key, name, conds, order, loc in writes:
                if "." in name or "[" in name or not name.isidentifier() or name not in fn.params:
                    continue
                weight = _plain(resolved_key(fn, key, order))
                if not weight.endswith(".weight") or any(
                        c.subject == name and (c.kind in ("isnone", "truthy")) for c in conds):
                    continue
                layers = layers_of(weight[: -len(".weight")], fn, file, order, index)
                if not isinstance(layers, tuple) or not layers or not all(
                        torch_layer(call.qual) == "Embedding" and _padding_arg(call) is not None
                        and _padding_arg(call).key == name for call in layers):
                    continue
                nones = [how for value, how in known_values(name, fn, file, index) if value is None]
                if nones:
                    yield self.finding(
                        file, loc,
                        f"`{name}` may be None ({nones[0]}), and `weight[None]` selects the whole table, zeroing"
                        f" every embedding; guard it with `if {name} is not None:`",
                    )


#: tensor factories whose result is not zero at a given row
_FRESH = frozenset(f"torch.{n}" for n in ("rand", "randn", "empty", "ones", "full", "normal", "rand_like",
                                           "randn_like", "empty_like", "ones_like", "full_like", "randint"))


def _scopes(subject: str, fn, file, index):
    """(the functions whose writes to ``subject``'s tensors count, the function building it) for ``self.emb``
    (every method of the class family; no builder) or a local (the function itself); (None, None) when the
    class is not known."""
    if "." in subject:
        info = file.cls(fn.cls) if fn.cls else None
        if info is None:
            return None, None
        ref = ClassRef(info, file)
        return [s for cls in [*index.mro(ref), *index.subclasses(ref)]
                for method in cls.info.methods.values() for s in iter_with_nested(method)], None
    return [fn], fn


def _padding_row_lost(subject: str, key: str, built, fn, file, index) -> bool:
    """Every construction ``subject`` is known to be (``built``) has a padding row, and no code of the class
    family (or of the building function, for a local) writes a row of ``key`` or re-zeroes it."""
    scopes, builder = _scopes(subject, fn, file, index)
    return scopes is not None and all(_padded(call, builder) for call in built) and not _row_written(key, scopes)


def _padding_arg(call):
    """The ``padding_idx`` argument of an Embedding construction, or None."""
    arg = call.kwarg("padding_idx")
    if arg is None:
        positional = call.positional()
        arg = positional[2] if len(positional) >= 3 and not any(a.keyword == "*" for a in positional) else None
    return arg


def _padded(call, fn=None) -> bool:
    """The Embedding is known to have a padding row: ``padding_idx`` is a literal index, or (in ``fn``, the
    function that builds it) a required parameter of that function, which has no ``None`` default. A value
    read from elsewhere (``config.pad_token_id``) may be None: unknown, so no."""
    arg = _padding_arg(call)
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
    """Some code writes part of that weight (an indexed init or item store, local aliases resolved), or calls the
    Embedding's own re-zeroing: the padding row is handled."""
    module = key[: -len(".weight")]
    for scope in scopes:
        if any(i.index and _plain(resolved_key(scope, i.target_key, i.order)) == key for i in scope.inits):
            return True
        if any(_plain(resolved_key(scope, s.key, s.order)) == key for s in scope.item_stores):
            return True
        # w[0] = 0 on a local alias of the weight (recorded as a bind of ``w[]``)
        if any(name.endswith("[]") and _plain(resolved_key(scope, name, at)) == key for name, _, at in scope.binds):
            return True
        if any(c.method in ("_fill_padding_idx_with_zero", "reset_parameters")
               and resolved_key(scope, c.receiver, c.order) == module for c in scope.calls):
            return True
    return False
