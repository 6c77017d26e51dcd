"""INI305 init-over-pretrained-submodule: ``__init__`` loads a pretrained submodule, then re-inits everything."""

from __future__ import annotations

from .. import events
from . import Related, Rule


class InitOverPretrainedSubmodule(Rule):
    code = "INI305"
    name = "init-over-pretrained-submodule"
    summary = "`__init__` builds a pretrained submodule, then `self.apply(f)` / a `self.modules()` loop re-inits it"

    def check(self, file, index):
        for info in file.classes:
            init = info.methods.get("__init__")
            if init is None:
                continue
            pretrained = {}
            for store in init.stores:
                if store.value != "call":
                    continue
                kw = {a.keyword: a for a in store.call_args if a.keyword}
                if (kw.get("pretrained") is not None and kw["pretrained"].value is True) or (
                        kw.get("weights") is not None and kw["weights"].value is not None) or (
                        (store.call or "").endswith("from_pretrained")):
                    pretrained.setdefault(store.attr, store)
            for store in init.stores:
                if store.value == "call" and store.attr not in pretrained and _builds_pretrained(store, file, index):
                    pretrained[store.attr] = store
            for call in init.calls:
                if call.method == "load_state_dict" and call.receiver and call.receiver.startswith("self.") \
                        and call.receiver.count(".") == 1:
                    pretrained.setdefault(call.receiver[5:], call)
            # resnet = resnet18(weights=...); self.backbone = nn.Sequential(*list(resnet.children())[:-2])
            local = {c.target for c in init.calls if c.target and "." not in c.target and _pretrained_call(c)}
            local |= {c.receiver for c in init.calls if c.method == "load_state_dict" and c.receiver
                      and "." not in c.receiver and c.receiver != "self"}  # self.load_state_dict: INI301's
            for store in init.stores:
                if store.mentions & local:
                    pretrained.setdefault(store.attr, store)
            if not pretrained:
                continue
            for event, what, order, among, conds in self.reinits_in_order(init, info, pretrained, file, index):
                hit = [a for a, src in pretrained.items() if src.order < order and (among is None or a in among)
                       and not exclusive(src.conds, conds)]
                if hit:
                    names = ", ".join(f"self.{a}" for a in hit)
                    yield self.finding(
                        file, event.loc,
                        f"{what} runs over {'the whole model' if among is None else 'its modules'} after {names}"
                        " received pretrained weights, and"
                        " re-initializes them; apply the init to the new layers only, or skip the pretrained"
                        " submodule",
                        related=[Related(file.path, pretrained[a].loc, f"`self.{a}` receives pretrained weights"
                                                                       " here") for a in hit],
                    )

    @classmethod
    def reinits_in_order(cls, init, info, pretrained, file, index):
        """(event, description, order in ``__init__``, the pretrained attributes it runs over or None for the
        whole model, the conditions it runs under in ``__init__``): the re-inits ``__init__`` runs itself, and
        those of the methods of the class it calls (``self.init_weights()``), at the order of that call."""
        runs = [(init, None)]
        for call in init.calls:
            method = info.methods.get(call.func[5:]) if call.func.startswith("self.") and call.func.count(".") == 1 \
                else None
            if method is not None and method is not init:
                runs.append((method, call))
        for fn, at in runs:
            found = [(event, what, None) for event, what in cls.reinits(fn)]
            found += list(cls.list_reinits(fn, pretrained, file, index))
            for event, what, among in found:
                where = event if at is None else at  # a called method's re-inits run at (and under) the call
                yield event, what, where.order, among, where.conds

    @staticmethod
    def list_reinits(fn, pretrained, file, index):
        """A loop over a list of modules that names a pretrained one: ``for m in [self.backbone, self.head]:``
        re-initializes ``self.backbone`` (an init event whose module is the element)."""
        for init in fn.inits:
            among = {ev.owner[5:] for ev in events.of(init, file, index) if "list" in ev.via and ev.owner
                     and ev.owner.startswith("self.") and ev.owner[5:] in pretrained}
            if among:
                loop = next(lp for lp in init.loops if lp.items)
                yield init, f"the init loop over `{loop.iter_text}`", among

    @staticmethod
    def reinits(fn):
        for call in fn.calls:
            if call.func == "self.apply":
                yield call, "`self.apply(...)`"
        seen = set()
        for init in fn.inits:
            for loop in init.loops:
                if loop.owner == "self" and loop.source in ("modules", "named_modules", "parameters",
                                                            "named_parameters") and loop.loc not in seen:
                    seen.add(loop.loc)
                    yield init, f"the init loop over `{loop.iter}`"


def exclusive(a, b) -> bool:
    """Two sets of conditions that cannot hold together: one holds a test the other holds negated (the two
    branches of one ``if``/``else``)."""
    return any(c.negate() in b for c in a if c.kind != "other")


def _pretrained_call(call) -> bool:
    pretrained = call.kwarg("pretrained")
    weights = call.kwarg("weights")
    return (pretrained is not None and pretrained.value is True) or (
        weights is not None and weights.value is not None) or call.method == "from_pretrained"


def _builds_pretrained(store, file, index) -> bool:
    """``self.backbone = Backbone(pretrained=True)`` where the project class ``Backbone`` passes its own
    ``pretrained``/``weights`` parameter on to the constructor of a submodule it builds
    (``torchvision.models.resnet18(pretrained=pretrained)``), and the call gives it a literal ``True`` (or, for
    ``weights``, a literal that is not None)."""
    ref = index.resolve_class(store.call, file)
    if ref is None or index.is_module(ref) is not True:
        return False
    given = {a.keyword: a for a in store.call_args if a.keyword}
    for cls in index.mro(ref):
        ctor = cls.info.methods.get("__init__")
        if ctor is None:
            continue
        for call in ctor.calls:
            for keyword in ("pretrained", "weights"):
                arg = call.kwarg(keyword)
                if arg is None or not arg.key or arg.key not in ctor.params:
                    continue
                outer = given.get(arg.key)
                if outer is None:
                    continue
                if (keyword == "pretrained" and outer.value is True) or (
                        keyword == "weights" and isinstance(outer.value, str)):
                    return True
        break  # the class's own __init__ only
    return False
