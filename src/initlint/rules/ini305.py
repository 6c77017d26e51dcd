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
            for call in init.calls:
                if call.method == "load_state_dict" and call.receiver and call.receiver.startswith("self.") \
                        and call.receiver.count(".") == 1:
                    pretrained.setdefault(call.receiver[5:], call)
            # resnet = resnet18(weights=...); self.backbone = nn.Sequential(*list(resnet.children())[:-2])
            local = {c.target for c in init.calls if c.target and "." not in c.target and _pretrained_call(c)}
            local |= {c.receiver for c in init.calls if c.method == "load_state_dict" and c.receiver
                      and "." not in c.receiver}
            for store in init.stores:
                if store.mentions & local:
                    pretrained.setdefault(store.attr, store)
            if not pretrained:
                continue
            for event, what, among in [*((e, w, None) for e, w in self.reinits(init)),
                                       *self.list_reinits(init, pretrained, file, index)]:
                hit = [a for a, src in pretrained.items() if src.order < event.order and (among is None or a in among)]
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


def _pretrained_call(call) -> bool:
    pretrained = call.kwarg("pretrained")
    weights = call.kwarg("weights")
    return (pretrained is not None and pretrained.value is True) or (
        weights is not None and weights.value is not None) or call.method == "from_pretrained"
