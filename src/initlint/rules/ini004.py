"""INI004 parameter-never-initialized: ``nn.Parameter(torch.empty(...))`` that nothing initializes."""

from __future__ import annotations

from ..index import ClassRef, calls_by_name, handed_on
from ..summary import dispatch_types
from ..torchnames import canonical, torch_layer
from . import Rule, iter_with_nested

UNINITIALIZED = frozenset({"torch.empty", "torch.Tensor", "torch.FloatTensor", "torch.DoubleTensor",
                           "torch.HalfTensor", "torch.cuda.FloatTensor", "torch.cuda.HalfTensor"})
PARAMETER = frozenset({"torch.nn.Parameter", "torch.nn.parameter.Parameter"})
#: torch classes whose ``reset_parameters`` initializes every parameter of the module, a subclass's own included
RESETS_EVERY_PARAMETER = frozenset({"RNNBase", "RNN", "LSTM", "GRU", "RNNCellBase", "RNNCell", "LSTMCell",
                                    "GRUCell"})


class ParameterNeverInitialized(Rule):
    code = "INI004"
    related_elsewhere = False  # its findings never name a place in another file
    name = "parameter-never-initialized"
    summary = "`nn.Parameter(torch.empty(...))` that nothing initializes (garbage or NaN weights)"

    def check(self, file, index):
        touched = _project_targets(index)
        for info in file.classes:
            ref = ClassRef(info, file)
            mro = index.mro(ref)
            for method_name, method in info.methods.items():
                for fn in iter_with_nested(method):
                    for store in fn.stores:
                        if store.value != "call" or store.call not in PARAMETER or not store.call_args:
                            continue
                        data = store.call_args[0]
                        if data.keyword is not None or data.call not in UNINITIALIZED:
                            continue
                        if data.call_data and data.call != "torch.empty":
                            continue  # torch.Tensor([2.0]) is built from data
                        if data.call_zero:
                            continue  # torch.empty(0): no elements, nothing left uninitialized
                        grad = next((a for a in store.call_args if a.keyword == "requires_grad"), None)
                        if grad is not None and grad.value is not True:
                            continue  # frozen or conditionally trainable: loaded, not initialized
                        if "dtype" in data.call_keywords:
                            continue  # explicit storage dtype: a quantized, load-only layer (int8, fp8 scales)
                        owners = touched.get(store.attr, set())
                        if "*" in owners or owners & {c.info.name for c in mro} or \
                                _only_subclasses_built(ref, owners, index) or \
                                self.initialized_in_class(store.attr, mro, index, method_name) or \
                                ref.qual in _built_under_parameter_init(index):
                            continue
                        yield self.finding(
                            file, store.loc,
                            f"`self.{store.attr}` is a Parameter of uninitialized memory (`{data.call}(...)`) and"
                            " nothing in the class or its init hooks initializes it: its values are garbage (NaN under"
                            " deterministic algorithms); initialize it (e.g. in `reset_parameters`) or build it with"
                            " `torch.zeros`/`torch.randn`",
                        )

    @staticmethod
    def initialized_in_class(attr, mro, index, creator: str = "__init__") -> bool:
        """An init of ``self.attr`` in a method that runs: reached from ``__init__`` (or from ``creator``, the
        method that builds the Parameter: a lazy ``build`` that calls ``self.reset_params()``) through
        ``self.m()`` calls, called on the module from outside (``self.attn.init_weights()``,
        ``m.reset_parameters()``), passed as a function (``self.apply(self._init)``), or called by a torch base
        (``reset_parameters``)."""
        key = f"self.{attr}"
        subs = []
        for cls in mro:
            subs.extend(index.subclasses(cls))
        family = [*mro, *subs]
        called = _called_from_outside(index)
        methods: dict = {}  # name -> (method, the class that holds it) in the family
        for cls in family:
            for name, method in cls.info.methods.items():
                methods.setdefault(name, []).append((method, cls))
        torch_base = any(isinstance(b, str) and b.startswith("torch.nn.") and b != "torch.nn.Module"
                         for cls in mro for b in index.bases(cls))
        # a torch base whose own reset_parameters initializes every parameter (RNNCellBase: uniform_ over
        # self.parameters()), called by the class on itself
        resets_all = "reset_parameters" not in methods and any(
            isinstance(b, str) and torch_layer(canonical(b)) in RESETS_EVERY_PARAMETER
            for cls in mro for b in index.bases(cls))
        if _named_in_init_registry(attr, mro, family, index):
            return True
        # methods called on the module from outside; in forward, a parameter handed to a call is handed to the ops
        # that compute with it (F.linear(x, self.w)), which does not initialize it (an init written there, a
        # data-dependent init on the first batch, still counts)
        todo = ["__init__", creator, *(n for n in methods if n in called)]
        if torch_base:
            todo += ["reset_parameters", "_reset_parameters"]
        seen: set = set()
        while todo:
            name = todo.pop()
            if name in seen or name not in methods:
                continue
            seen.add(name)
            for method, home in methods[name]:
                for fn in iter_with_nested(method):
                    for call in fn.calls:
                        if resets_all and call.func == "self.reset_parameters":
                            return True
                        if call.func.startswith("self.") and call.func.count(".") == 1:
                            todo.append(call.func[5:])
                        if call.func.startswith("super().") and call.func.count(".") == 1:
                            todo.append(call.func[8:])  # super().init_parameters(): a base's method
                        if call.args and call.args[0].keyword is None and call.args[0].key == "self" and \
                                _initializes_parameters(call.func, home, index):
                            return True  # weights_init(self): a function that initializes every parameter
                        for arg in call.args:  # self.apply(self._init), partial(self._init, ...)
                            if arg.key and arg.key.startswith("self.") and arg.key.count(".") == 1:
                                todo.append(arg.key[5:])
                        if call.func == "super().__init__" or call.func.endswith("__init__"):
                            todo.append("__init__")
                        if name not in ("forward", "__call__") and any(
                                a.key and (a.key == key or a.key.startswith(key + ".")) for a in call.args):
                            return True  # handed to a helper that initializes it
                    for init in fn.inits:
                        if init.target_key and (init.target_key == key or init.target_key.startswith(key + ".")
                                                or init.target_key.startswith(key + "[")):
                            return True
                        if any(lp.owner == "self" and lp.source in ("parameters", "named_parameters")
                               for lp in init.loops):
                            return True
                        if any(key in lp.items and _root(init.target_key) in lp.targets for lp in init.loops):
                            return True  # for v in [self.b, self.w]: v.data.uniform_(-.01, .01), or v[i]
                    for item in fn.item_stores:
                        if item.key == key:
                            return True
                    if any(w == key or w.startswith(key + ".") for w in fn.writes):
                        return True  # self.w.data = torch.normal(...), torch.arange(n, out=self.w)
        return False


def _initializes_parameters(key, home, index) -> bool:
    """Whether the project function ``key`` (called with the module as its first argument) initializes the
    module's parameters: a loop over ``m.parameters()`` / ``m.named_parameters()`` whose body initializes the loop
    variable, itself or through a project helper that initializes its own first argument."""
    resolved = index.resolve_function(key, home.file, home.info)
    if resolved is None:
        return False
    fn, where = resolved
    bound = 1 if fn.is_instance_method else 0
    if len(fn.params) <= bound:
        return False
    module = fn.params[bound]
    for loop in fn.loops:
        if loop.owner != module or loop.source not in ("parameters", "named_parameters") or not loop.targets:
            continue
        var = loop.targets[-1]
        name = loop.targets[0] if len(loop.targets) > 1 else None
        if any(loop in init.loops and _root(init.target_key) == var and _every_top_level(init.conds, var, name)
               for init in fn.inits):
            return True
        if any(loop in call.loops and call.args and call.args[0].keyword is None and _root(call.args[0].key) == var
               and _every_top_level(call.conds, var, name) and _initializes_argument(call.func, where, index, 3)
               for call in fn.calls):
            return True
    return False


def _every_top_level(conds, var, name) -> bool:
    """The conditions hold for every top-level Parameter ``var`` named ``name``: none, ``"." not in name``, or
    ``isinstance(var, nn.Parameter)``; a filter by shape or by another name (``p.dim() > 1``) may skip it."""
    for c in conds:
        if c.kind == "namehas" and c.subject == name and c.attr == "." and c.negated:
            continue
        if c.kind == "isinstance" and c.subject == var and not c.negated and any(
                t.rsplit(".", 1)[-1] == "Parameter" for t in c.types):
            continue
        return False
    return True


def _initializes_argument(key, file, index, depth) -> bool:
    """Whether the project function ``key`` initializes (or hands on to one that does) its first argument."""
    resolved = index.resolve_function(key, file)
    if resolved is None or depth == 0:
        return False
    fn, where = resolved
    if not fn.params or fn.is_instance_method:
        return False
    param = fn.params[0]
    if any(_root(init.target_key) == param and _every_top_level(init.conds, param, None) for init in fn.inits):
        return True
    return any(call.args and call.args[0].keyword is None and _root(call.args[0].key) == param
               and _every_top_level(call.conds, param, None)
               and _initializes_argument(call.func, where, index, depth - 1) for call in fn.calls)


def _root(key) -> str:
    return (key or "").split(".")[0].split("[")[0]


def _only_subclasses_built(ref, owners, index) -> bool:
    """Init code elsewhere writes the attribute on a subclass (``isinstance(module, Experts)`` for
    ``class Experts(ExpertProjections)``) and nothing in the project builds the class itself: every instance is
    one that code initializes."""
    if not owners & {c.info.name for c in index.subclasses(ref)}:
        return False
    return ref.info.name not in calls_by_name(index) and ref.info.name not in handed_on(index)  # block=Proj


def _named_in_init_registry(attr, mro, family, index) -> bool:
    """A declarative init registry: a method of the class or its bases calls a value it looks up by key
    (``self.param_init[name](p)``), and a dict literal keyed by the parameter's name is written in a class of the
    family (``param_init={"w": partial(nn.init.trunc_normal_, std=.02)}``) or anywhere in the project (a
    model's config: ``_EXPERTS_INIT = {"w1": ...}``): that method initializes the named parameter."""
    def functions(classes):
        for cls in classes:
            for method in cls.info.methods.values():
                yield from iter_with_nested(method)

    if not any(fn.calls_lookup for fn in functions(mro)):
        return False
    if any(attr in fn.dict_keys for fn in functions(family)):
        return True
    keys = index.cached("ini004-dict-keys", lambda: frozenset(
        key for summary in index.files for fn in summary.scopes for key in fn.dict_keys))
    return attr in keys


def _called_from_outside(index) -> set:
    """Method names the project calls on other objects than ``self`` (``m.init_weights()``)."""
    def compute():
        out = set()
        for summary in index.files:
            for fn in summary.scopes:
                for call in fn.calls:
                    if call.receiver and call.receiver not in ("self", "super()"):
                        out.add(call.method)
                    for arg in call.args:  # getattr(m, "reset_parameters"), hasattr checks
                        if isinstance(arg.value, str):
                            out.add(arg.value)
        return out

    return index.cached("ini004-called", compute)


def _project_targets(index) -> dict:
    """Attribute name -> the class names whose instances init code elsewhere writes it on (``module.q`` in a
    branch ``isinstance(module, XLNetRelativeAttention)``); ``*`` when the code does not dispatch on a type."""

    def dispatched(conds, var) -> set:
        types = dispatch_types(conds, var)
        return {t.rsplit(".", 1)[-1] for t in types} if types else {"*"}

    def compute():
        out: dict = {}
        for summary in index.files:
            for fn in summary.scopes:
                for init in fn.inits:
                    parts = [p for p in (init.target_key or "").replace("[]", "").split(".") if p and p != "data"]
                    if len(parts) >= 2 and parts[0] != "self":
                        out.setdefault(parts[-1], set()).update(dispatched(init.conds, parts[0]))
                    for loop in init.loops:  # for p in [module.q, module.k]: init.normal_(p)
                        if loop.items and init.subject in loop.targets:
                            for item in loop.items:
                                if item and "." in item and not item.startswith("self."):
                                    out.setdefault(item.rsplit(".", 1)[-1], set()).update(
                                        dispatched(init.conds, item.split(".")[0]))
                for call in fn.calls:
                    for arg in call.args:
                        parts = [p for p in (arg.key or "").split(".") if p and p != "data"]
                        if len(parts) >= 2 and parts[0] != "self":
                            out.setdefault(parts[-1], set()).update(dispatched(call.conds, parts[0]))
        return out

    return index.cached("ini004-targets", compute)


def _built_under_parameter_init(index) -> set:
    """The project classes some model builds (as far as its reach shows) that also initializes every parameter
    it holds, its submodules' included: an init in a loop over its own ``self.parameters()`` /
    ``self.named_parameters()`` (``for w in self.parameters(): w.data.uniform_(-s, s)``)."""
    def compute():
        out = set()
        for ref in list(index.classes.values()):
            if any(lp.owner == "self" and lp.source in ("parameters", "named_parameters")
                   for method in ref.info.methods.values() for fn in iter_with_nested(method)
                   for init in fn.inits for lp in init.loops):
                out.update(c.qual for c in index.reach(ref).classes)
        return out

    return index.cached("ini004-under-parameter-init", compute)
