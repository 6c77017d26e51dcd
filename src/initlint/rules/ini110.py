"""INI110 rnn-init-first-layer-only: an RNN's parameters initialized by their layer-0 names only.

``nn.LSTM``/``nn.GRU``/``nn.RNN`` name their parameters per layer and direction: ``weight_ih_l0``,
``bias_hh_l1``, ``weight_hh_l0_reverse``. Init code that writes ``bias_hh_l0`` (by attribute, or by a
``named_parameters()`` filter such as ``if name == "bias_hh_l0"``) on an RNN built with a literal
``num_layers > 1`` or ``bidirectional=True`` leaves the same parameter of every other layer and direction at
PyTorch's default.

Fires only when every init of that RNN in its class selects parameters by a known name, no init reaches it
through a loop over the whole model or ``apply``, and the RNN is built once with literal arguments.
"""

from __future__ import annotations

import re

from ..index import ClassRef
from ..summary import iter_with_nested
from ..torchnames import canonical, torch_layer
from . import Related, Rule, module_classes

RNNS = ("LSTM", "GRU", "RNN")
#: positional index of ``num_layers`` and ``bidirectional`` in the constructors
POSITION = {"LSTM": (2, 6), "GRU": (2, 6), "RNN": (2, 7)}
KINDS = ("weight_ih", "weight_hh", "bias_ih", "bias_hh")
PARAM = re.compile(r"^(weight|bias)_(ih|hh)_l(\d+)(_reverse)?$")


def rnn_shape(store):
    """(layer, num_layers, bidirectional) of ``self.x = nn.LSTM(...)`` when it provably has more than layer 0
    forward; else None."""
    layer = torch_layer(canonical(store.call)) if store.value == "call" else None
    if layer not in RNNS:
        return None
    if any(a.keyword in ("*", "**") for a in store.call_args):
        return None
    positional = [a for a in store.call_args if a.keyword is None]
    at_layers, at_bidir = POSITION[layer]

    def value(keyword, position, default):
        arg = next((a for a in store.call_args if a.keyword == keyword), None)
        if arg is None and len(positional) > position:
            arg = positional[position]
        return default if arg is None else arg.value

    layers = value("num_layers", at_layers, 1)
    bidir = value("bidirectional", at_bidir, False)
    layers = layers if isinstance(layers, int) and not isinstance(layers, bool) else None
    bidir = bidir if isinstance(bidir, bool) else None
    multi = (layers is not None and layers > 1) or bidir is True
    if not multi:
        return None
    return layer, layers, bidir


def names_of(layers: int | None, bidir: bool | None, kind: str) -> list[str]:
    """The parameters of one kind a provable part of the RNN has (layers unknown: layer 0 only, and so on)."""
    out = []
    for k in range(layers or 1):
        out.append(f"{kind}_l{k}")
        if bidir:
            out.append(f"{kind}_l{k}_reverse")
    return out


class RnnInitFirstLayerOnly(Rule):
    code = "INI110"
    name = "rnn-init-first-layer-only"
    summary = "An RNN with several layers or directions initialized through its `_l0` parameter names only"

    def check(self, file, index):
        for info, ref in module_classes(file, index):
            scopes = [s for m in info.methods.values() for s in iter_with_nested(m)]
            if self.whole_model_init(scopes) or self.applied(ref, index):
                continue
            stores = {}
            for cls in index.mro(ref):
                for method in cls.info.methods.values():
                    for scope in iter_with_nested(method):
                        for store in scope.stores:
                            stores.setdefault(store.attr, []).append((store, cls))
            for attr, found in sorted(stores.items()):
                if len(found) != 1:
                    continue
                store, cls = found[0]
                shape = rnn_shape(store)
                if shape is None:
                    continue
                layer, layers, bidir = shape
                every = [n for kind in KINDS for n in names_of(layers, bidir, kind)]
                selected = self.selected(attr, scopes, every)
                if not selected or any(names is None for names, _ in selected):
                    continue  # no init, or one that selects parameters the rule cannot name
                have = set().union(*(names for names, _ in selected))
                for kind in KINDS:
                    first = next((init for names, init in selected if f"{kind}_l0" in names), None)
                    if first is None:
                        continue
                    missing = [n for n in names_of(layers, bidir, kind) if n not in have]
                    if not missing:
                        continue
                    parts = ([f"`num_layers={layers}`"] if layers and layers > 1 else []) + (
                        ["`bidirectional=True`"] if bidir else [])
                    yield self.finding(
                        file, first.loc,
                        f"only the layer-0 `{kind}` of `self.{attr}` is initialized, but the {layer} is built with"
                        f" {' and '.join(parts)}: {', '.join(f'`{n}`' for n in missing[:3])}"
                        f"{' ...' if len(missing) > 3 else ''} stay at PyTorch's default; loop over"
                        f" `self.{attr}.named_parameters()` and match `\"{kind}\" in name`",
                        None, [Related(cls.file.path, store.loc, f"the {layer} is built here")],
                    )

    @staticmethod
    def selected(attr: str, scopes, every: list) -> list:
        """(the parameter names it writes, or None when unknown; the event) for every init of ``self.<attr>``."""
        prefix = f"self.{attr}."
        out = []
        for scope in scopes:
            for call in scope.calls:
                if any(a.key == f"self.{attr}" for a in call.args) or call.func == f"self.{attr}.apply":
                    out.append((None, call))  # handed to a helper: unknown
            for init in scope.inits:
                key = (init.target_key or "").replace(".data", "").replace("[]", "")
                if key.startswith(prefix):
                    name = key[len(prefix):].split(".", 1)[0]
                    out.append(({name} if PARAM.match(name) else None, init))
                    continue
                loop = next((lp for lp in reversed(init.loops) if init.target_key and
                             init.target_key.split(".", 1)[0] in lp.targets), None)
                if loop is None or loop.iter not in (f"self.{attr}.named_parameters()", f"self.{attr}.parameters()"):
                    continue
                names = set(every)
                for cond in init.conds:
                    if cond.subject not in loop.targets:
                        continue
                    if cond.kind == "other" and cond.text == "==" and cond.attr:
                        names &= {cond.attr} if not cond.negated else names - {cond.attr}
                    elif cond.kind == "namehas" and cond.attr:
                        names = {n for n in names if (cond.attr in n) != cond.negated}
                    else:
                        names = None  # a filter the rule cannot evaluate (shape, position)
                        break
                out.append((names, init))
        return out

    @staticmethod
    def whole_model_init(scopes) -> bool:
        """An init in a loop over the whole model's modules or parameters, or ``self.apply``: it may cover the RNN."""
        for scope in scopes:
            for call in scope.calls:
                if call.func == "self.apply":
                    return True
            for init in scope.inits:
                for loop in init.loops:
                    if loop.owner == "self":
                        return True
        return False

    @staticmethod
    def applied(ref: ClassRef, index) -> bool:
        """An ``X.apply(f)`` in the project whose receiver is this model (or is unknown)."""
        def compute():
            out = set()
            for sites in index._apply_sites().values():
                for summary, apply in sites:
                    if apply.receiver == "self":
                        continue  # counted by whole_model_init of its own class
                    found = index.receiver_classes(apply.receiver, apply.scope, summary, apply.call.order)
                    if not found and reaches_rnn(index._resolve_applied(apply.func, summary, apply.scope)):
                        out.add("*")
                    out.update(getattr(c, "qual", "") for c in found)
            return out

        applied = index.cached("ini110-applied", compute)
        return "*" in applied or any(c.qual in applied for c in index.mro(ref))


def reaches_rnn(resolved) -> bool:
    """Whether an applied function may initialize an RNN: unresolved, or an init in a parameter loop or under an
    RNN-type (or unknown-type) dispatch."""
    if resolved is None:
        return True
    fn, _ = resolved
    for scope in iter_with_nested(fn):
        for init in scope.inits:
            if any(lp.source in ("parameters", "named_parameters") for lp in init.loops):
                return True
            for cond in init.conds:
                if cond.kind == "isinstance" and not cond.negated and any(
                        t.rsplit(".", 1)[-1] in ("LSTM", "GRU", "RNN", "RNNBase") or not t.startswith("torch.")
                        for t in cond.types):
                    return True
                if cond.kind == "classname":
                    return True
    return False
