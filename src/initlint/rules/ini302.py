"""INI302 init-loop-before-layers: an init loop in ``__init__`` runs before submodules exist."""

from __future__ import annotations

from ..torchnames import NN, PARAMETERIZED, torch_layer
from . import Related, Rule

CONTAINERS = frozenset({"Sequential", "ModuleList", "ModuleDict", "ParameterList", "ParameterDict"})


class InitLoopBeforeLayers(Rule):
    code = "INI302"
    name = "init-loop-before-layers"
    summary = "Init loop over `self.modules()` or `self.apply(f)` in `__init__` runs before the layers exist"

    def check(self, file, index):
        for info in file.classes:
            init_fn = info.methods.get("__init__")
            if init_fn is None:
                continue
            points = list(self.init_points(init_fn, info, file, index))
            for stmt, loc, what in points:
                later = []
                for store in init_fn.stores:
                    if any(other > store.stmt for other, _, _ in points):
                        continue  # a later init over the model reaches it
                    if store.stmt > stmt and store.value == "call" and self.builds_module(store.call, file, index) \
                            and not self.initialized_later(init_fn, store) \
                            and not self.empty_container(init_fn, store):
                        later.append(store)
                if later:
                    names = ", ".join(f"self.{a}" for a in dict.fromkeys(s.attr for s in later))
                    first = {}
                    for store in later:
                        first.setdefault(store.attr, store)
                    yield self.finding(
                        file, loc,
                        f"{what} runs in `{info.name}.__init__` before {names} are assigned, so it cannot"
                        " reach them; move it to the end of `__init__`",
                        related=[Related(file.path, store.loc, f"`self.{attr}` is assigned here, after it runs")
                                 for attr, store in first.items()],
                    )

    @classmethod
    def init_points(cls, fn, info, file, index, _stack: frozenset = frozenset()):
        seen = set()
        stack = _stack | {fn.qualname}
        for call in fn.calls:  # self._init_weights() whose body is an init loop over self.modules()
            helper = info.methods.get(call.func[5:]) if call.func.startswith("self.") \
                and call.func.count(".") == 1 and call.func != "self.apply" else None
            if helper is None or helper.qualname in stack or call.stmt in seen:
                continue  # recursion between methods (a() calls b(), b() calls a()) is followed once
            if any(True for _ in cls.init_points(helper, info, file, index, stack)):
                seen.add(call.stmt)
                yield call.stmt, call.loc, f"`{call.func}()` (an init loop over the model)"
        for loop in fn.loops:
            if loop.owner == "self" and loop.source and loop.targets:
                var = loop.targets[-1]
                if any(loop in i.loops and (i.subject or "").split(".")[0] == var for i in fn.inits) and \
                        loop.stmt not in seen:
                    seen.add(loop.stmt)
                    yield loop.stmt, loop.loc, f"the init loop over `{loop.iter}`"
        for call in fn.calls:
            if call.func == "self.apply" and call.stmt not in seen and call.args:
                applied = index._resolve_applied(call.args[0].key or "", file, fn.qualname)
                if applied is None or not applied[0].inits:
                    continue  # not an init function (set_layer_lr_decay's apply), or unknown
                seen.add(call.stmt)
                yield call.stmt, call.loc, "`self.apply(...)`"

    @staticmethod
    def initialized_later(fn, store) -> bool:
        """``self.head`` built after the loop, then initialized on its own (zero-init of the last layer)."""
        key = f"self.{store.attr}"
        return any((i.target_key or "").startswith(key + ".") and i.order > store.order for i in fn.inits) or any(
            c.func == f"{key}.apply" and c.order > store.order for c in fn.calls)

    @staticmethod
    def empty_container(fn, store) -> bool:
        """``self.heads = nn.ModuleDict()`` with no argument, and nothing added to it later in ``__init__``: it
        builds no layer the init could have missed (heads added by other methods are built after ``__init__``)."""
        if torch_layer(store.call) not in CONTAINERS or store.call_args:
            return False
        key = f"self.{store.attr}"
        filled = any(c.func.startswith(key + ".") and c.order > store.order for c in fn.calls) or any(
            i.key == key and i.order > store.order for i in fn.item_stores)
        return not filled

    @staticmethod
    def builds_module(qual, file, index) -> bool:
        layer = torch_layer(qual)
        if layer is not None:
            return layer in PARAMETERIZED or layer in CONTAINERS
        if qual is None or qual.startswith(NN):
            return False
        ref = index.resolve_class(qual, file)
        return ref is not None and index.is_module(ref) is True
