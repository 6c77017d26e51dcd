"""The declared scheme, read from the model's own init code through the static checker's per-file summary.

Sources, replayed in the order they run when the model is built:

1. for every module instance whose class (or a base class) is defined in a readable source file, children
   first: the class's ``__init__`` init code: ``for m in self.modules()`` loops (each ``isinstance`` branch
   covers its layer types), ``self.apply(f)`` and direct ``nn.init.X_(self.fc.weight)`` calls;
2. the init functions the target's file applies to instances of the model's class:
   ``model.apply(weight_init)`` anywhere in that file where ``model`` holds an instance of the class (or in
   the factory that is the target).

Each parameter is paired with the last declared initializer that covers it (last writer wins, as at run
time). Parameters no declaration covers are checked against PyTorch's default and listed as such. initlint
never re-initializes the model: it is built exactly as the user builds it.
"""
from __future__ import annotations

import inspect
import os
from dataclasses import dataclass, field
from typing import Any

from .scheme import Rule
from .unwrap import parametrized_names
from .verify import DefaultResolver

__all__ = ["declared_resolver", "declared_resolver_for_class", "DeclaredResolver"]

_METHOD_RULES = {"normal_": "normal", "uniform_": "uniform", "zero_": "zeros", "fill_": "constant"}


@dataclass
class _Decl:
    rule: Rule
    origin: str
    alternatives: tuple = ()  # other rules that may hold instead (a condition initlint cannot evaluate)
    func: str = ""  # qualified name of the function that declares it (``Net._init``, ``weight_init``)


def _func_of(label: str) -> str:
    """``Net._init_weights (m.py:3)`` / ``weight_init applied to Net ...`` / ``self.modules() loop in
    Net.__init__`` / ``Net.__init__`` -> the declaring function's qualified name."""
    if label.startswith("self.modules() loop in "):
        return label[len("self.modules() loop in "):].split(" ")[0]
    return label.split(" ")[0].rstrip(",")


@dataclass
class DeclaredResolver:
    """Rules per qualified parameter name, computed from the summaries and the built model."""

    by_name: dict[str, _Decl] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    empty_sources: list[str] = field(default_factory=list)
    uncovered: list[str] = field(default_factory=list)
    description: str = "declared init code"
    claims: bool = False  # a parameter no declaration covers is judged by the record alone
    reads_code: bool = True  # a statically read intent: the record of the model's own code overrides it

    def rule_for(self, qualname: str, module: Any, pname: str) -> tuple[Rule | None, str]:
        d = self.by_name.get(qualname)
        if d is None:
            self.uncovered.append(qualname)
            return Rule("default"), "not covered by the declared init code: PyTorch default"
        if d.alternatives:
            return (d.rule,) + tuple(d.alternatives), d.origin
        return d.rule, d.origin

    def declaring_function(self, qualname: str) -> str:
        d = self.by_name.get(qualname)
        return d.func if d is not None else ""

    def finish(self) -> tuple[list[str], list[str]]:
        notes = []
        if self.sources:
            notes.append("declared init code: " + "; ".join(self.sources))
        for s in self.empty_sources:
            notes.append(f"{s} covers none of the model's layers")
        if self.uncovered:
            how = ("judged by the record of what wrote them" if getattr(self, "recorded", False)
                   else "checked against PyTorch's default")
            notes.append(f"{len(self.uncovered)} parameter(s) not covered by the declared init code, {how}: "
                         f"{', '.join(self.uncovered[:12])}"
                         + (f", ... ({len(self.uncovered) - 12} more)" if len(self.uncovered) > 12 else ""))
        return notes, []


# ------------------------------------------------------------------------------------------------ summaries
_CACHE: dict[str, Any] = {}


def _summary(path: str | None):
    if not path or not os.path.isfile(path):
        return None
    if path in _CACHE:
        return _CACHE[path]
    try:
        from initlint.summary import summarize_source

        with open(path, encoding="utf-8") as f:
            text = f.read()
        s = summarize_source(text, path)
    except Exception:  # noqa: BLE001 - no summary, no declared scheme (falls back to defaults)
        s = None
    _CACHE[path] = s
    for scope in getattr(s, "scopes", ()) or ():
        for init in getattr(scope, "inits", ()):
            _INIT_PATH[id(init)] = path
    return s


_INIT_PATH: dict[int, str] = {}  # id of a summary's init call -> its file (the summaries are cached, ids stable)


def _source_file(obj: Any) -> str | None:
    try:
        return inspect.getsourcefile(obj)
    except (TypeError, OSError):
        return None


# ------------------------------------------------------------------------------------------------ matching
def _resolve_type(name: str, namespace: dict) -> Any:
    """A qualified type name from the summary (``torch.nn.Linear``, ``mymod.Block``) -> the class, or None."""
    import importlib

    short = name.rsplit(".", 1)[-1]
    if name.startswith("torch."):
        mod, _, attr = name.rpartition(".")
        try:
            return getattr(importlib.import_module(mod), attr)
        except (ImportError, AttributeError):
            import torch.nn as nn

            return getattr(nn, short, None)
    obj = namespace.get(short)
    if isinstance(obj, type):
        return obj
    mod, _, attr = name.rpartition(".")
    if mod:
        try:
            return getattr(importlib.import_module(mod), attr, None)
        except Exception:  # noqa: BLE001
            return None
    return None


def _isinstance(module: Any, types: tuple[str, ...], namespace: dict) -> bool:
    for t in types:
        cls = _resolve_type(t, namespace)
        if cls is not None and isinstance(module, cls):
            return True
        if cls is None and any(c.__name__ == t.rsplit(".", 1)[-1] for c in type(module).__mro__):
            return True
    return False


_EVALUATED = ("isinstance", "hasattr", "isnone", "typeeq")


def _conds_hold(init, module: Any, namespace: dict) -> bool | None:
    """Evaluate the conditions dominating an init call for one module: True, False, or None when a
    condition initlint cannot evaluate (``m.out_features == 10``) decides it."""
    subject = init.subject
    root = subject.split(".", 1)[0] if subject else None
    unknown = False
    for c in init.conds:
        if c.kind == "typeeq" and c.subject == root:
            cls = [_resolve_type(t, namespace) for t in c.types]
            if (type(module) in cls) == c.negated:
                return False
            continue
        other_subject = c.subject is not None and root is not None and not c.subject.startswith(root)
        if c.kind not in _EVALUATED or other_subject:
            if c.kind not in _EVALUATED:
                unknown = True
            continue
        if c.kind == "isinstance" and c.subject == root:
            if _isinstance(module, c.types, namespace) == c.negated:
                return False
        elif c.kind == "hasattr" and c.subject == root and c.attr:
            if hasattr(module, c.attr) == c.negated:
                return False
        elif c.kind == "isnone" and c.subject and c.subject.startswith(root or "\0") and "." in c.subject:
            attr = c.subject.split(".", 1)[1]
            value = getattr(module, attr, None) if "." not in attr else None
            if (value is None) != (not c.negated):
                return False
    return None if unknown else True


def _rule_of(init, owner: Any = None, module: Any = None) -> Rule | None:
    """The rule an init call declares; arguments that are not literals (``std=self.config.initializer_range``)
    are read from the live ``owner`` (``self``) and ``module`` with getattr (never eval), else left unknown."""
    from initlint.summary import UNKNOWN

    name = init.name
    if name in _METHOD_RULES:
        rname = _METHOD_RULES[name]
    else:
        rname = name
    values = list(init.args) + list(init.kwargs.values())
    unknown = any(v is UNKNOWN for v in values)
    src = _call_text(init)
    args, kwargs = tuple(init.args), dict(init.kwargs)
    if unknown:
        from .liveargs import live_arguments

        orig = getattr(init, "_init", init)  # a _Shifted direct init: its own source text and place
        live = live_arguments(orig, _INIT_PATH.get(id(orig)), owner, module)
        account = ""
        if live is not None:
            args, kwargs, account = live
            unknown = False
    try:
        if unknown:
            return Rule.make(rname, (), None, source=src, unknown_args=True)
        kwargs = {k: v for k, v in kwargs.items() if k not in ("generator", "tensor")}
        rule = Rule.make(rname, args, kwargs, source=src)
        if values and any(v is UNKNOWN for v in values):
            import dataclasses

            rule = dataclasses.replace(rule, live=account, live_at=(_INIT_PATH.get(id(orig), ""), tuple(orig.loc)))
        return rule
    except Exception:  # noqa: BLE001 - an initializer initlint cannot model: not checkable
        return None


def _call_text(init) -> str:
    args = ", ".join([init.target_key or "?"] + [str(t) for t in init.arg_texts])
    return f"{init.func.replace('torch.nn.init.', 'nn.init.')}({args})"


# ------------------------------------------------------------------------------------------------ replay
class _Replay:
    def __init__(self, model: Any):
        self.model = model
        self.names = {id(m): n for n, m in model.named_modules(remove_duplicate=False)}
        self.by_name: dict[str, _Decl] = {}
        self.sources: list[str] = []
        self.empty: list[str] = []
        self.direct: dict[str, int] = {}

    def _qual(self, module: Any, pname: str) -> str:
        n = self.names.get(id(module), "")
        return f"{n}.{pname}" if n else pname

    def apply_function(self, fn, root: Any, namespace: dict, label: str, loop: bool = True,
                       owner: Any = None) -> int:
        """Replay ``root.apply(fn)`` (or a ``self.modules()`` loop): every module, every init call; ``owner``
        is the instance ``self`` denotes in ``fn``."""
        hits = 0
        for module in root.modules():
            hits += self.apply_inits(fn, module, namespace, label, owner)
        return hits

    def apply_inits(self, inits, module: Any, namespace: dict, label: str, owner: Any = None) -> int:
        hits = 0
        for init in inits:
            target = init.target
            if not target:
                continue
            if target not in getattr(module, "_parameters", {}):
                # a parametrized weight (weight_norm, spectral_norm, parametrize) is judged through the
                # tensors behind it, under its own name
                if target not in parametrized_names(module):
                    continue
            elif module._parameters[target] is None:
                continue
            holds = _conds_hold(init, module, namespace)
            if holds is False:
                continue
            rule = _rule_of(init, owner, module)
            if rule is None:
                continue
            types = [c.types for c in init.conds if c.kind == "isinstance" and not c.negated]
            cover = f" (isinstance {', '.join(t.rsplit('.', 1)[-1] for t in types[-1])})" if types else ""
            qual = self._qual(module, target)
            alternatives: tuple = ()
            if holds is None:  # maybe: the previous declaration (or the default) may still hold
                prev = self.by_name.get(qual)
                alternatives = ((prev.rule,) + tuple(prev.alternatives)) if prev else (Rule("default"),)
                cover += " (under a condition initlint cannot evaluate: either)"
            self.by_name[qual] = _Decl(rule, f"declared in {label}{cover}: {rule.source}", alternatives,
                                       _func_of(label))
            hits += 1
        return hits

    def record(self, label: str, hits: int) -> None:
        if hits:
            self.sources.append(f"{label} ({hits} parameter(s))")
        else:
            self.empty.append(f"the declared {label}")


def _class_events(cls: type, summary) -> list[tuple[int, str, Any]]:
    """Init events of ``cls.__init__``: ('loop', inits) / ('apply', fn-key) / ('direct', init), in order."""
    fn = summary.function(f"{cls.__qualname__}.__init__")
    if fn is None:
        return []
    events: list[tuple[int, str, Any]] = []
    loops: dict[int, list] = {}
    for init in fn.inits:
        loop = next((lp for lp in init.loops if lp.source == "modules" and lp.owner == "self"), None)
        if loop is not None:
            loops.setdefault(id(loop), [loop, init.order, []])[2].append(init)
        elif init.target_key and init.target_key.startswith("self.") and not init.loops:
            events.append((init.order, "direct", init))
    for loop, order, inits in loops.values():
        events.append((order, "loop", inits))
    for call in fn.calls:
        if call.method == "apply" and call.receiver == "self" and len(call.args) == 1:
            events.append((call.order, "apply", call.args[0].key or call.args[0].call or ""))
    events.sort(key=lambda e: e[0])
    return events


def _function_inits(summary, key: str, cls: type | None) -> tuple[list, str] | None:
    """Init calls of the function ``key`` (``weight_init``, ``self._init``) as seen from ``cls``."""
    if key.startswith("self.") and cls is not None:
        name = key[5:]
        for c in cls.__mro__:
            s = _summary(_source_file(c))
            f = s.function(f"{c.__qualname__}.{name}") if s else None
            if f is not None:
                return f.inits, f"{c.__qualname__}.{name}"
        return None
    f = summary.function(key) if summary else None
    if f is None:
        return None
    return f.inits, key


_FRAMEWORK_DIR: list[str] = []


def _framework_dir() -> str:
    """torch's own package directory: its layers' defaults are known (defaults.py) and recorded, so their
    source is not replayed. Libraries built on torch (torchaudio, torchvision, torch_geometric) live in their
    own directories and are read like any other code."""
    if not _FRAMEWORK_DIR:
        try:
            import torch

            _FRAMEWORK_DIR.append(os.path.dirname(os.path.abspath(torch.__file__)) + os.sep)
        except ImportError:  # pragma: no cover - the runtime verifier needs torch
            _FRAMEWORK_DIR.append("\0")
    return _FRAMEWORK_DIR[0]


_READABLE: dict[type, bool] = {}


def _readable(cls: type) -> bool:
    """A class whose source the declared scheme reads: defined in a Python file outside torch itself."""
    known = _READABLE.get(cls)
    if known is None:
        if cls is object or cls.__module__ == "builtins":
            known = False
        else:
            path = _source_file(cls)
            known = bool(path) and not os.path.abspath(path).startswith(_framework_dir())
        _READABLE[cls] = known
    return known


#: the per-module init method that a model's construction dispatches over its modules, children first
#: (``self.apply(self._init_weights)``, or a base class's ``post_init``/``init_weights``)
INIT_DISPATCH_METHOD = "_init_weights"


def _dispatch_inits(cls: type) -> tuple[list, str] | None:
    """Init calls of ``cls``'s ``_init_weights(self, module)`` with the ``super()._init_weights(module)`` it
    calls spliced in at its place; None when no readable class of the hierarchy defines one."""
    mro = [c for c in cls.__mro__ if _readable(c) and INIT_DISPATCH_METHOD in vars(c)]
    if not mro:
        return None
    first = _dispatch_from(mro, 0)
    if first is not None and not first[0] and len(mro) > 1 and _is_noop(mro[0]):
        # an override that initializes nothing (``pass``): what the hierarchy declares never runs
        base = _dispatch_from(mro, 1)
        if base is not None and base[0]:
            return base[0], f"{base[1]}, overridden by {first[1]} which initializes nothing"
    return first


def _is_noop(c: type) -> bool:
    s = _summary(_source_file(c))
    f = s.function(f"{c.__qualname__}.{INIT_DISPATCH_METHOD}") if s else None
    return f is not None and not f.inits and not f.calls and not f.loops


def _dispatch_from(mro: list[type], i: int) -> tuple[list, str] | None:
    c = mro[i]
    s = _summary(_source_file(c))
    f = s.function(f"{c.__qualname__}.{INIT_DISPATCH_METHOD}") if s else None
    if f is None or len(f.params) < 2:
        return None
    try:
        line = inspect.getsourcelines(vars(c)[INIT_DISPATCH_METHOD])[1]
    except (OSError, TypeError):
        line = 0
    label = f"{c.__qualname__}.{INIT_DISPATCH_METHOD} ({os.path.basename(_source_file(c) or '')}:{line})"
    sup = next((call for call in f.calls if call.func == f"super().{INIT_DISPATCH_METHOD}"), None)
    inits = list(f.inits)
    if sup is not None and i + 1 < len(mro):
        base = _dispatch_from(mro, i + 1)
        if base is not None:
            before = [x for x in inits if x.order < sup.order]
            after = [x for x in inits if x.order >= sup.order]
            inits = before + list(base[0]) + after
    return inits, label


def _replay_dispatch(rep: _Replay, model: Any, applied: set) -> None:
    """Replay ``_init_weights`` over the model, children first, each module seen by the nearest enclosing
    module (itself included) whose class defines it -- as a composite model dispatches each sub-model's own."""
    names = dict(model.named_modules(remove_duplicate=False))
    by_id = {id(m): n for n, m in names.items()}
    cache: dict[type, tuple | None] = {}
    hits: dict[str, int] = {}
    for module in reversed(list(model.modules())):
        name = by_id.get(id(module), "")
        parts = name.split(".") if name else []
        owner = None
        for k in range(len(parts), -1, -1):
            cand = names.get(".".join(parts[:k]))
            if cand is None:
                continue
            t = type(cand)
            if t not in cache:
                cache[t] = _dispatch_inits(t)
            if cache[t] is not None:
                owner = t
                instance = cand
                break
        if owner is None or cache[owner] is None:
            continue
        inits, label = cache[owner]
        if label in applied:
            continue
        namespace = vars(inspect.getmodule(owner)) if inspect.getmodule(owner) else {}
        hits[label] = hits.get(label, 0) + rep.apply_inits(inits, module, namespace, label, instance)
    for label, n in hits.items():
        rep.record(label, n)


def _replay_class_code(rep: _Replay, model: Any) -> set:
    """Children first, each instance's class hierarchy (base first) __init__ events. Returns the labels of
    the ``_init_weights`` methods an explicit ``self.apply`` already replayed."""
    applied: set = set()
    modules = list(model.modules())
    for module in reversed(modules):  # children were built before their parents' init loops ran
        cls_chain = [c for c in reversed(type(module).__mro__) if _readable(c)]
        for cls in cls_chain:
            path = _source_file(cls)
            summary = _summary(path)
            if summary is None:
                continue
            namespace = vars(inspect.getmodule(cls)) if inspect.getmodule(cls) else {}
            for _, kind, payload in _class_events(cls, summary):
                if kind == "loop":
                    label = f"self.modules() loop in {cls.__qualname__}.__init__"
                    hits = rep.apply_function(payload, module, namespace, label, owner=module)
                    rep.record(label, hits)
                elif kind == "apply":
                    found = _function_inits(summary, payload, type(module))
                    if found is None:
                        continue
                    inits, fname = found
                    if fname.endswith("." + INIT_DISPATCH_METHOD):
                        d = _dispatch_inits(type(module))
                        if d is not None:
                            applied.add(d[1])
                    label = f"{fname} applied by self.apply in {cls.__qualname__}.__init__"
                    rep.record(label, rep.apply_function(inits, module, namespace, label, owner=module))
                else:
                    init = payload
                    attr_path = init.target_key[5:]
                    owner_path, _, pname = attr_path.rpartition(".")
                    owners = _owners(module, owner_path)
                    label = f"{cls.__qualname__}.__init__"
                    shifted = _Shifted(init, exact=len(owners) == 1)
                    hits = sum(rep.apply_inits([shifted], owner, namespace, label, module) for owner in owners)
                    rep.direct[label] = rep.direct.get(label, 0) + hits
    return applied


def _owners(module: Any, path: str) -> list:
    """Modules a ``self.<path>`` expression can denote; ``head[]`` (an index the summary elides) is every
    child of ``head`` -- exactly one when ``head`` has one child."""
    owners = [module]
    for part in path.split(".") if path else []:
        indexed = part.endswith("[]")
        name = part[:-2] if indexed else part
        nxt = []
        for o in owners:
            sub = getattr(o, name, None) if name else o
            if sub is None or not hasattr(sub, "children"):
                continue
            nxt.extend(list(sub.children()) if indexed else [sub])
        owners = nxt
    return owners


class _Unevaluable:
    kind = "other"
    subject = None
    negated = False


class _Shifted:
    """A direct ``self.fc.weight`` init seen as an init on the owning module (subject ``m``); when the owner
    is one of several (an elided index), the declaration is conditional."""

    def __init__(self, init, exact: bool = True):
        self._init = init
        self.target = init.target
        self.subject = "m"
        self.conds = () if exact else (_Unevaluable(),)
        self.name = init.name
        self.args = init.args
        self.kwargs = init.kwargs
        self.func = init.func
        self.arg_texts = init.arg_texts
        self.target_key = init.target_key


def _file_applies(summary, cls: type, factory: str | None) -> list[tuple[str, str]]:
    """(function key, scope) of the ``X.apply(f)`` calls of the file that apply to instances of ``cls``."""
    out = []
    for ap in summary.applies:
        if ap.called or ap.via_lambda or ap.receiver == "self":
            continue
        scope = summary.function(ap.scope)
        holds_instance = False
        if scope is not None:
            for call in scope.calls:
                if call.target == ap.receiver and call.func.rsplit(".", 1)[-1] in (cls.__name__,) + (
                        (factory,) if factory else ()):
                    holds_instance = True
        if ap.scope == factory:
            holds_instance = True
        if holds_instance:
            out.append((ap.func, ap.scope))
    return out


def _resolve(model: Any, target_path: str | None, factory: str | None, namespace: dict) -> tuple[Any, list[str]]:
    from .unwrap import unwrap_model

    model, _ = unwrap_model(model)  # names as verify sees them (without a DataParallel's ``module.``)
    rep = _Replay(model)
    applied = _replay_class_code(rep, model)
    _replay_dispatch(rep, model, applied)
    for label, hits in rep.direct.items():
        rep.sources.insert(0, f"direct init calls in {label} ({hits} parameter(s))")
    cls = type(model)
    summary = _summary(target_path)
    if summary is not None:
        for fkey, scope in _file_applies(summary, cls, factory):
            found = _function_inits(summary, fkey, None)
            if found is None:
                continue
            inits, fname = found
            where = "module level" if scope == "<module>" else scope
            label = f"{fname} applied to {cls.__name__} by .apply in {where}"
            rep.record(label, rep.apply_function(inits, model, namespace, label))
    if not rep.sources and not rep.empty:
        return DefaultResolver(claims=False), ["no declared init code found for this model: each tensor is judged "
                                               "by the record of what wrote it (PyTorch's defaults without one)"]
    res = DeclaredResolver(rep.by_name, rep.sources, rep.empty)
    return res, []


def declared_resolver(target: Any, model: Any) -> tuple[Any, list[str]]:
    """Resolver for a CLI target (``Target``) and the model it built."""
    obj = target.obj
    factory = None if isinstance(obj, type) else target.attr.rsplit(".", 1)[-1]
    namespace = vars(target.module) if target.module is not None else {}
    return _resolve(model, target.path, factory, namespace)


def declared_resolver_for_class(cls: type, model: Any = None) -> tuple[Any, list[str]]:
    """Resolver from the class's own code (and its file's ``apply`` calls on its instances)."""
    if model is None:
        return DefaultResolver(), []
    mod = inspect.getmodule(cls)
    return _resolve(model, _source_file(cls), None, vars(mod) if mod else {})
