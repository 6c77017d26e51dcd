"""The project index: classes and functions of every checked file, and the queries rules share.

Everything here is computed from the per-file summaries, never from the syntax tree.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ._torch_attrs import TORCH_ATTRS
from .summary import Call, ClassInfo, FileSummary, FunctionInfo, iter_with_nested
from .torchnames import MODULE_ATTRS, NN, NO_WEIGHT_ATTR, PARAMETERIZED, REPARAMETRIZE, canonical, torch_layer

#: bases that add no attributes and never make a class unknowable
NEUTRAL_BASES = frozenset({"object", "abc.ABC", "ABC", "typing.Generic", "Generic", "typing.Protocol"})
#: class decorators of the standard library known to leave a class's bases alone and to add only the attributes
#: its body declares (``dataclass`` turns the annotated fields, which the summary already records, into
#: ``__init__`` arguments; the others add nothing an instance reads as ``self.X``)
PURE_DECORATORS = frozenset({"dataclasses.dataclass", "functools.total_ordering", "typing.final",
                             "typing_extensions.final", "typing.runtime_checkable", "abc.abstractmethod"})
#: built-in functions that read an object's attributes but never add one
_READERS = frozenset({"getattr", "hasattr", "isinstance", "issubclass", "id", "type", "print", "repr", "str",
                      "vars", "super", "len", "callable", "hash", "format"})


@dataclass(frozen=True)
class ClassRef:
    info: ClassInfo
    file: FileSummary

    @property
    def dotted(self) -> str:
        """``package.module.Class``: how other files name it (two files can share it)."""
        return f"{self.file.module}.{self.info.qualname}"

    @property
    def qual(self) -> str:
        """Identity of this class definition: its file and place (``dotted`` is not unique: two scripts named
        ``main.py`` in folders without ``__init__.py``, or a class defined in both ``try`` and ``except``)."""
        return f"{self.file.path}::{self.info.qualname}::{self.info.loc}"


@dataclass
class InlineModel:
    """A model built in place from torch containers: ``netG = nn.Sequential(nn.ConvTranspose2d(...), ...)``."""

    name: str
    reach: "Reach"

    @property
    def qual(self) -> str:
        return f"<inline {self.name}>"


@dataclass
class Reach:
    """What a model builds: torch layer constructions (with their calls), project classes, completeness."""

    layers: list = field(default_factory=list)  # (layer name, Call)
    classes: list = field(default_factory=list)  # ClassRef
    complete: bool = True
    where: dict = field(default_factory=dict)  # id(Call) of a layer construction -> path of the file it is in
    #: layers built reparametrized: (layer name, the call that builds it, path of its file, how), ``how`` being
    #: ``weight_norm`` or ``weight_norm` in `WNConv1d`` for a project factory that returns one
    reparam: list = field(default_factory=list)

    def types(self) -> set[str]:
        return {name for name, _ in self.layers}

    def path_of(self, call: Call) -> str | None:
        """The file a layer construction of this reach is written in."""
        return self.where.get(id(call))

    def add(self, other: "Reach") -> None:
        """Take in what a sub-model builds."""
        self.layers.extend(other.layers)
        self.classes.extend(other.classes)
        self.complete = self.complete and other.complete
        self.where.update(other.where)
        self.reparam.extend(other.reparam)


def _namespace_names(summary: FileSummary) -> list[str]:
    """The longer dotted names of a module whose folder has no ``__init__.py`` (``models.base_encoder``,
    ``encoder.models.base_encoder``, ...), up to the first folder above a package."""
    if "." in summary.module or summary.path.endswith(".ipynb") or not summary.path.endswith(".py"):
        return []
    folder = os.path.dirname(os.path.abspath(summary.path))
    if os.path.exists(os.path.join(folder, "__init__.py")):
        return []
    names, name = [], summary.module
    for _ in range(8):
        folder, part = os.path.split(folder)
        if not part or not part.isidentifier():
            break
        name = f"{part}.{name}"
        names.append(name)
        if not os.path.exists(os.path.join(folder, "__init__.py")) and len(names) > 1:
            break
    return names


class ProjectIndex:
    def __init__(self, summaries: list[FileSummary], options: dict | None = None):
        options = options or {}
        self.files = summaries
        #: the ``module-bases`` setting: classes outside the project to treat like ``nn.Module``
        self.module_bases = frozenset(options.get("module-bases", ()))
        #: the ``pretrained-loaders`` setting: functions or methods that load weights into a model
        self.pretrained_loaders = frozenset(options.get("pretrained-loaders", ()))
        self.modules: dict[str, FileSummary] = {}
        self.classes: dict[str, ClassRef] = {}
        self.by_name: dict[str, list[ClassRef]] = {}
        self.functions: dict[str, tuple[FunctionInfo, FileSummary]] = {}
        self.function_names: dict[str, int] = {}
        for summary in summaries:
            self.modules.setdefault(summary.module, summary)
            for info in summary.classes:
                ref = ClassRef(info, summary)
                self.classes.setdefault(ref.dotted, ref)
                self.by_name.setdefault(info.name, []).append(ref)
            for fn in summary.functions:
                self.functions[f"{summary.module}.{fn.qualname}"] = (fn, summary)
        # a file in a folder without ``__init__.py`` is named by its stem alone, but inside a package that folder
        # is a namespace package: ``TTS.encoder.models.base_encoder`` imports it. Its longer names resolve to it
        # too, where no file already has them.
        for summary in summaries:
            for alias in _namespace_names(summary):
                if alias in self.modules:
                    continue
                self.modules[alias] = summary
                for info in summary.classes:
                    self.classes.setdefault(f"{alias}.{info.qualname}", ClassRef(info, summary))
                for fn in summary.functions:
                    self.functions.setdefault(f"{alias}.{fn.qualname}", (fn, summary))
        #: names registered from outside a class (``layer.register_buffer("x", t)``), per package directory:
        #: code registers attributes on the modules it builds, which live next to it
        self.assigned_outside: dict = {}
        for summary in summaries:
            for name, owners in summary.assigned_outside.items():
                self.assigned_outside.setdefault(name, set()).update(owners)
        self.external_attrs: dict = {}
        for summary in summaries:
            folder = os.path.dirname(os.path.abspath(summary.path))
            self.external_attrs.setdefault(folder, set()).update(summary.external_attrs)
        self._subclasses: dict[str, list[ClassRef]] | None = None
        self._retyped: set | None = None
        self._module_memo: dict[str, bool | None] = {}
        self._attrs_memo: dict[str, set | None] = {}
        self._reach_memo: dict[str, Reach] = {}

    # ---- resolution -------------------------------------------------------------------------------
    def registered_outside(self, file: FileSummary, ref: "ClassRef | None" = None) -> set:
        """Attribute names other code gives instances of ``ref`` from outside the class: registered
        (``register_buffer``, ``setattr``) in ``file``'s package directory, or assigned (``module.x = ...``)
        anywhere in the project, unless an ``isinstance`` restricts that assignment to other classes."""
        names = set(self.external_attrs.get(os.path.dirname(os.path.abspath(file.path)), set()))
        family = {c.info.name for c in self.mro(ref)} if ref is not None else set()
        names.update(attr for attr, owners in self.assigned_outside.items() if "*" in owners or owners & family)
        return names

    def resolve_class(self, name: str | None, file: FileSummary, depth: int = 0) -> ClassRef | None:
        """A class named as written (already qualified through imports) in ``file``."""
        if not name or depth > 8:
            return None
        if "." not in name:
            for info in file.classes:
                if info.name == name and "." not in info.qualname:
                    return ClassRef(info, file)
            for star in file.star_imports:
                ref = self.resolve_qual(f"{star}.{name}", depth + 1)
                if ref is not None:
                    return ref
            return None
        return self.resolve_qual(name, depth + 1)

    def resolve_qual(self, qual: str, depth: int = 0) -> ClassRef | None:
        if depth > 8:
            return None
        ref = self.classes.get(qual)
        if ref is not None:
            return ref
        module, _, name = qual.rpartition(".")
        summary = self.modules.get(module)
        if summary is None:
            return None
        if name in summary.ambiguous:
            return None  # bound differently in a try and its except handler
        target = summary.imports.get(name)
        if target is not None and target != qual:
            return self.resolve_qual(target, depth + 1)
        for star in summary.star_imports:
            ref = self.resolve_qual(f"{star}.{name}", depth + 1)
            if ref is not None:
                return ref
        return None

    def resolve_function(self, key: str | None, file: FileSummary,
                         cls: ClassInfo | None = None) -> tuple[FunctionInfo, FileSummary] | None:
        """``f`` / ``self.f`` / ``mod.f`` / nested ``f`` as written in ``file``."""
        if not key:
            return None
        if key.startswith("self.") and key.count(".") == 1 and cls is not None:
            ref = ClassRef(cls, file)
            for c in self.mro(ref):
                fn = c.info.methods.get(key[5:])
                if fn is not None:
                    return fn, c.file
            return None
        if "." not in key:
            for fn in file.functions:
                if fn.name == key and fn.cls is None:
                    return fn, file
            qual = file.imports.get(key)
            if qual is not None:
                return self.functions.get(qual)
            return None
        head, _, rest = key.partition(".")
        qual = file.imports.get(head)
        if qual is None and "." not in rest:  # Bridge.adopt on a class of this file
            info = next((c for c in file.classes if c.name == head and "." not in c.qualname), None)
            if info is not None:
                for c in self.mro(ClassRef(info, file)):
                    fn = c.info.methods.get(rest)
                    if fn is not None:
                        return fn, c.file
            return None
        return self.functions.get(f"{qual}.{rest}") if qual else None

    # ---- classes ----------------------------------------------------------------------------------
    def bases(self, ref: ClassRef) -> list[ClassRef | str]:
        out: list[ClassRef | str] = []
        for base in ref.info.bases:
            resolved = self.resolve_class(base, ref.file)
            out.append(resolved if resolved is not None else base)
        return out

    def mro(self, ref: ClassRef) -> list[ClassRef]:
        """The class and its resolvable project bases, depth first, each once."""
        seen: set[str] = set()
        out: list[ClassRef] = []
        stack = [ref]
        while stack:
            cur = stack.pop(0)
            if cur.qual in seen:
                continue
            seen.add(cur.qual)
            out.append(cur)
            stack.extend(b for b in self.bases(cur) if isinstance(b, ClassRef))
        return out

    def layer_subclass(self, ref: ClassRef) -> str | None:
        """The torch layer a project class is when it only adds methods to it: one torch layer with parameters
        among the bases of its project MRO, every other base a project class or a neutral one, no class of the
        MRO defining ``__init__``/``__new__`` or decorated. Its constructor call is then the layer's own
        (``class Linear(nn.Linear, RelProp): pass`` and ``Linear(d, d, bias=False)`` has no bias); else None."""
        def compute():
            layers = set()
            for cls in self.mro(ref):
                info = cls.info
                if "__init__" in info.methods or "__new__" in info.methods or info.decorators or info.has_getattr:
                    return None
                for base in self.bases(cls):
                    if isinstance(base, ClassRef) or base in NEUTRAL_BASES or canonical(base) == NN + "Module":
                        continue
                    layer = torch_layer(canonical(base))
                    if layer is None or layer not in PARAMETERIZED:
                        return None
                    layers.add(layer)
            return layers.pop() if len(layers) == 1 else None

        return self.cached(("layer-subclass", ref.qual), compute)

    def is_module(self, ref: ClassRef, _stack: frozenset = frozenset()) -> bool | None:
        """True when the class derives from torch.nn.Module; None when that cannot be known."""
        if ref.qual in self._module_memo:
            return self._module_memo[ref.qual]
        if ref.qual in _stack:
            return None
        verdict: bool | None = False
        for base in self.bases(ref):
            if isinstance(base, ClassRef):
                sub = self.is_module(base, _stack | {ref.qual})
            elif self.is_module_base(base):
                sub = True
            elif base.startswith(NN) or base.startswith("torch."):
                sub = True if base.startswith(NN) else None
            elif base in NEUTRAL_BASES:
                sub = False
            else:
                sub = None
            if sub:
                verdict = True
                break
            if sub is None:
                verdict = None
        self._module_memo[ref.qual] = verdict
        return verdict

    def is_module_base(self, base: str) -> bool:
        """A base named in ``module-bases`` (by its qualified name or its last name)."""
        return bool(self.module_bases) and (base in self.module_bases or base.rsplit(".", 1)[-1] in self.module_bases)

    def subclasses(self, ref: ClassRef) -> list[ClassRef]:
        """Project classes deriving from ``ref``, transitively."""
        if self._subclasses is None:
            direct: dict[str, list[ClassRef]] = {}
            for cls in self.classes.values():
                for base in self.bases(cls):
                    if isinstance(base, ClassRef):
                        direct.setdefault(base.qual, []).append(cls)
            self._subclasses = direct
        out, seen, stack = [], {ref.qual}, list(self._subclasses.get(ref.qual, ()))
        while stack:
            cur = stack.pop()
            if cur.qual in seen:
                continue
            seen.add(cur.qual)
            out.append(cur)
            stack.extend(self._subclasses.get(cur.qual, ()))
        return out

    def own_attrs(self, ref: ClassRef) -> tuple[set, bool]:
        """Attributes a class defines itself, and whether it adds attributes with computed names (or ones that
        cannot be known: a decorator not known to be pure, a helper given ``self`` that cannot be resolved)."""
        info = ref.info
        names = set(info.attrs) | set(info.methods)
        dynamic = info.has_getattr or not all(self.pure_decorator(d, ref.file) for d in info.decorators) \
            or ref.qual in self.retyped_classes()
        for method in info.methods.values():
            for fn in iter_with_nested(method):
                names.update(s.attr for s in fn.stores)
                names.update(fn.setattr_names)
                names.update(fn.registered)
                dynamic = dynamic or fn.computed_setattr or fn.uses_dict
                for call in fn.calls:
                    helper = self.helper_registrations(call, ref)
                    if helper is None:
                        dynamic = True
                    else:
                        names.update(helper)
        return names, dynamic

    def retyped_classes(self) -> set:
        """Classes some code turns other objects into (``module.__class__ = EPMoE``): such an instance keeps the
        attributes of the object it was, so what it has is unknown."""
        if self._retyped is None:
            self._retyped = set()
            for summary in self.files:
                for key in summary.retyped:
                    ref = self.resolve_class(key, summary)
                    if ref is not None:
                        self._retyped.add(ref.qual)
        return self._retyped

    def helper_registrations(self, call: Call, ref: ClassRef) -> set | None:
        """The names a call such as ``register(self, "angle", t)`` adds to ``self``: the literals given for the
        name parameter of a project helper that registers (``register_buffer``, ``setattr``, ``add_module``) on
        its module parameter. Empty when the call does not pass ``self`` with a string literal or the helper
        registers nothing; None when a helper given both cannot be resolved (what it adds is unknown)."""
        positional = call.positional()
        at = next((i for i, a in enumerate(positional) if a.key == "self" and a.call is None), None)
        if at is None or call.func in _READERS or call.func.startswith("self.") or call.func.startswith("super"):
            return set()
        qual = canonical(call.qual)
        if qual in REPARAMETRIZE and at == 0:  # weight_norm(self, dim=2): the tensors torch adds to the module
            name = reparametrized_name(call)
            if not isinstance(name, str):
                return None
            if ".parametrizations." in qual:
                return {"parametrizations"}
            return {f"{name}_g", f"{name}_v"} if qual.endswith("weight_norm") else {
                f"{name}_orig", f"{name}_u", f"{name}_v"}
        resolved = self.resolve_function(call.func, ref.file, ref.info)
        if resolved is None:
            return None if any(isinstance(a.value, str) for a in call.args) else set()
        fn = resolved[0]
        params = fn.params[1:] if fn.cls is not None and fn.params[:1] in (("self",), ("cls",)) else fn.params
        if at >= len(params):
            return set()
        module = params[at]
        out: set = set()
        for inner in iter_with_nested(fn):
            if module in inner.param_writes:
                return None  # set_attributes(self, locals()): writes attributes whose names are not known
            out.update(attr for owner, attr in inner.param_attrs if owner == module)  # freeze(m): m._frozen = ...
            if module == "self":  # def _cross_init(self, dim): self.q = nn.Linear(dim, dim), a function, not a method
                if inner.computed_setattr or inner.uses_dict:
                    return None
                out.update(s.attr for s in inner.stores)
                out.update(inner.registered | inner.setattr_names)
            for owner, name_param in inner.param_registers:
                if owner != module or name_param not in params:
                    continue
                j = params.index(name_param)
                arg = positional[j] if j < len(positional) else call.kwarg(name_param)
                if arg is None or not isinstance(arg.value, str):
                    return None  # registered under a name this call does not spell
                out.add(arg.value)
        return out

    def pure_decorator(self, key: str, file: FileSummary) -> bool:
        """A class decorator known to return the class it is given with its bases and attributes unchanged: a
        known standard-library one, or a project function (or the function a project factory returns) that
        writes no attribute of its parameter and returns it."""
        called = key.endswith("()")
        name = key[:-2] if called else key
        if name in PURE_DECORATORS:
            return True
        local = next((q for q, v in file.imports.items() if v == name), None)
        resolved = self.resolve_function(local or name, file)
        if resolved is None:
            return False
        fn = resolved[0]
        if called:  # a factory: the decorator is the nested function it returns
            inner = [n for n in fn.nested if n.name in fn.returns]
            if len(inner) != 1:
                return False
            fn = inner[0]
        first = fn.first_param
        return first is not None and not fn.param_writes and not fn.param_attrs and fn.returns == {first} \
            and not fn.param_registers

    def defined_attrs(self, ref: ClassRef, _stack: frozenset = frozenset()) -> set | None:
        """Every attribute the class and its bases define; None when that cannot be known."""
        if ref.qual in self._attrs_memo:
            return self._attrs_memo[ref.qual]
        if ref.qual in _stack:
            return None
        names, dynamic = self.own_attrs(ref)
        result: set | None = None if dynamic else set(names)
        if result is not None:
            for base in self.bases(ref):
                if isinstance(base, ClassRef):
                    sub = self.defined_attrs(base, _stack | {ref.qual})
                elif base == NN + "Module" or self.is_module_base(base):
                    sub = MODULE_ATTRS
                elif torch_layer(base) in TORCH_ATTRS:  # class Conv2dSame(nn.Conv2d)
                    sub = MODULE_ATTRS | TORCH_ATTRS[torch_layer(base)]
                elif base in NEUTRAL_BASES:
                    sub = set()
                else:
                    sub = None
                if sub is None:
                    result = None
                    break
                result |= sub
        self._attrs_memo[ref.qual] = result
        return result

    def module_kind(self, qual: str | None, file: FileSummary) -> str | None:
        """``"layer"`` (a torch layer with parameters), ``"container"``, ``"plain"`` (a torch module without
        parameters), ``"project"`` (a project nn.Module subclass) or None (not known to build a module)."""
        layer = torch_layer(canonical(qual))
        if layer is not None:
            if layer in PARAMETERIZED or layer.startswith("Lazy"):
                return "layer"
            if layer in ("Sequential", "ModuleList", "ModuleDict", "ParameterList", "ParameterDict"):
                return "container"
            return "plain" if layer[:1].isupper() and layer not in ("Parameter",) else None
        if qual is None:
            return None
        ref = self.resolve_class(qual, file)
        if ref is not None and self.is_module(ref) is True:
            return "project"
        return None

    def returned_calls(self, key: str | None, file: FileSummary) -> list[tuple[str | None, str]] | None:
        """For a project function (not a method, undecorated) whose every ``return`` is a call of a dotted name:
        (the callee qualified through the function's own file's imports, or None when its head is not imported;
        the callee as written) per return. None when ``key`` names no such function."""
        found = self.resolve_function(key, file)
        if found is None:
            return None
        fn, home = found
        if fn.cls is not None or fn.decorators or not fn.returns:
            return None
        out = []
        for ret in fn.returns:
            if not ret.endswith("()") or "(" in ret[:-2] or "[" in ret:
                return None
            head, dot, rest = ret[:-2].partition(".")
            base = home.imports.get(head)
            out.append((canonical(base + dot + rest) if base else None, ret[:-2]))
        return out

    def factory_kind(self, key: str | None, file: FileSummary) -> str | None:
        """``"factory"`` when ``key`` names a project function (not a method, undecorated) whose every
        ``return`` builds a new module (``def mlp(...): ... return nn.Sequential(*layers)``), else None."""
        found = self.resolve_function(key, file)
        calls = self.returned_calls(key, file)
        if found is None or calls is None or found[0].returns_callable:
            return None
        home = found[1]
        if any(self.module_kind(qual or written, home) not in ("layer", "container", "project")
               for qual, written in calls):
            return None
        return "factory"

    # ---- what a model builds ----------------------------------------------------------------------
    def reach(self, ref: ClassRef, _stack: frozenset = frozenset()) -> Reach:
        """Torch layers and project modules built by the class's ``__init__`` (and what it calls)."""
        if isinstance(ref, InlineModel):
            return ref.reach
        memo = self._reach_memo.get(ref.qual)
        if memo is not None:
            return memo
        out = Reach()
        if ref.qual in _stack:
            out.complete = False
            return out
        stack = _stack | {ref.qual}
        for cls in self.mro(ref):
            for call in _builder_calls(cls):
                self._reach_call(call, cls, out, stack)
            if _holds_given_module(cls):
                out.complete = False  # self.backbone = backbone, a module handed in: what it builds is unknown
        for base in self.bases(ref):
            if isinstance(base, str) and base not in NEUTRAL_BASES and base != NN + "Module" and \
                    not self.is_module_base(base):
                out.complete = False
        self._reach_memo[ref.qual] = out
        return out

    def _reach_call(self, call: Call, cls: ClassRef, out: Reach, stack: frozenset) -> None:
        qual = canonical(call.qual)
        wrapped = reparametrized_layer(call)
        if wrapped is not None:
            out.reparam.append((wrapped, call, cls.file.path, call.method))
            return
        layer = torch_layer(qual)
        if layer is not None:
            if layer[:1].isupper():
                out.layers.append((layer, call))
                out.where[id(call)] = cls.file.path
            return
        if qual is None or call.func.startswith(("self.", "super().")) or call.func == "super":
            return
        last = qual.rsplit(".", 1)[-1]
        ref = self.resolve_class(qual, cls.file)
        if ref is not None:
            if self.is_module(ref) is not False:
                out.classes.append(ref)
                same = self.layer_subclass(ref)
                if same is not None:  # class Linear(nn.Linear, Mixin): pass; built with the layer's arguments
                    out.layers.append((same, call))
                    out.where[id(call)] = cls.file.path
                out.add(self.reach(ref, stack))
            return
        if qual.startswith("torch.") or last in _NOT_BUILDERS:
            return
        helper = self.resolve_function(call.func, cls.file)
        if helper is not None and helper[0].predicate:
            return  # a predicate (every return an isinstance) builds nothing
        for wrapped, how in self.reparam_factory(call.func, cls.file):
            out.reparam.append((wrapped, call, cls.file.path, f"{how}` in `{call.func}"))
        for layer, built, path in self.factory_layers(call.func, cls.file):
            out.layers.append((layer, built))
            out.where[id(built)] = path
        out.complete = False  # a factory, a class from elsewhere, or a parameter such as `block`

    def factory_layers(self, key: str | None, file: FileSummary) -> list:
        """For a project function whose every ``return`` is a torch module built in place
        (``def conv_bn(a, b): return nn.Sequential(nn.Conv2d(a, b, 3, bias=False), nn.BatchNorm2d(b))``): (layer,
        constructor call, path) of each torch layer with parameters it constructs; else empty. What else it
        builds stays unknown (the caller's reach is not complete)."""
        calls = self.returned_calls(key, file)
        if not calls or any(torch_layer(qual) is None or not torch_layer(qual)[:1].isupper() for qual, _ in calls):
            return []
        fn, home = self.resolve_function(key, file)
        return [(layer, c, home.path) for c in fn.calls
                if (layer := torch_layer(canonical(c.qual))) in PARAMETERIZED]

    def reparam_factory(self, key: str | None, file: FileSummary) -> list[tuple[str, str]]:
        """For a project function (not a method, undecorated) whose every ``return`` is a torch
        reparametrization (``def WNConv1d(*a, **k): return weight_norm(nn.Conv1d(*a, **k))``): the layers it
        wraps, with the wrapping function's name; else empty."""
        calls = self.returned_calls(key, file)
        if not calls or any(canonical(qual) not in REPARAMETRIZE for qual, _ in calls):
            return []
        fn = self.resolve_function(key, file)[0]
        made = [(layer, call.method) for call in fn.calls if (layer := reparametrized_layer(call)) is not None]
        return made if len(made) >= len(calls) else []

    def applied_reach(self, fn: FunctionInfo, file: FileSummary) -> list[ClassRef]:
        """The model classes an init function is applied to (``X.apply(f)``, ``self.apply(f)``, loops)."""
        targets: list[ClassRef] = []
        for summary, apply in self._apply_sites().get(fn.name, ()):
            resolved = self._resolve_applied(apply.func, summary, apply.scope)
            if resolved is None or resolved[0] is not fn:
                continue
            targets.extend(self.receiver_classes(apply.receiver, apply.scope, summary, apply.call.order))
        # a loop that calls the function on every module: for m in self.modules(): f(m)
        for summary, scope, call, loop in self._loop_call_sites().get(fn.name, ()):
            resolved = self._resolve_applied(call.func, summary, scope.qualname)
            if resolved is not None and resolved[0] is fn:
                targets.extend(self.receiver_classes(loop.owner, scope.qualname, summary, call.order))
        return _unique(targets)

    def _apply_sites(self) -> dict:
        """``X.apply(f)`` sites of the project, by the last name of ``f`` (computed once)."""
        if getattr(self, "_applies", None) is None:
            self._applies: dict = {}
            for summary in self.files:
                for apply in summary.applies:
                    self._applies.setdefault(apply.func.rsplit(".", 1)[-1], []).append((summary, apply))
        return self._applies

    def _loop_call_sites(self) -> dict:
        """``for m in X.modules(): f(m)`` sites of the project, by the last name of ``f`` (computed once)."""
        if getattr(self, "_loop_calls", None) is None:
            self._loop_calls: dict = {}
            for summary in self.files:
                for scope in summary.scopes:
                    for call in scope.calls:
                        if not call.loops or not call.args:
                            continue
                        loop = next((lp for lp in reversed(call.loops) if lp.source in ("modules", "named_modules")),
                                    None)
                        if loop is None or call.args[0].key not in loop.targets:
                            continue
                        self._loop_calls.setdefault(call.func.rsplit(".", 1)[-1], []).append(
                            (summary, scope, call, loop))
        return self._loop_calls

    def call_sites(self, fn: FunctionInfo, home: FileSummary) -> list[tuple[FileSummary, FunctionInfo, Call]]:
        """Every call of the project function ``fn`` (not a method) in the checked files: (file, calling scope,
        call), resolved through each file's own imports."""
        if getattr(self, "_plain_calls", None) is None:
            self._plain_calls: dict = {}
            for summary in self.files:
                for scope in summary.scopes:
                    for call in scope.calls:
                        if "." not in call.func:
                            self._plain_calls.setdefault(call.func, []).append((summary, scope, call))
        out = []
        names = [fn.name, *sorted(self._aliases_of(fn, home))]
        for summary, scope, call in [site for name in names for site in self._plain_calls.get(name, [])]:
            found = self.resolve_function(call.func, summary)
            if found is not None and found[0] is fn:
                out.append((summary, scope, call))
        return out

    def _aliases_of(self, fn: FunctionInfo, home: FileSummary) -> set:
        """Other names ``fn`` is imported under (``from .init import init_weights as init``)."""
        if getattr(self, "_import_names", None) is None:
            self._import_names: dict = {}
            for summary in self.files:
                for name, qual in summary.imports.items():
                    self._import_names.setdefault(qual, set()).add(name)
        return self._import_names.get(f"{home.module}.{fn.name}", set()) - {fn.name}

    def cached(self, key, compute):
        """Per-index memo for rule-level queries shared across files and rules."""
        store = self.__dict__.setdefault("_memo", {})
        if key not in store:
            store[key] = compute()
        return store[key]

    def _resolve_applied(self, key: str, summary: FileSummary, scope: str):
        scope_fn = summary.function(scope)
        cls = summary.cls(scope_fn.cls) if scope_fn is not None and scope_fn.cls else None
        if scope_fn is not None and "." not in key:
            for nested in scope_fn.nested:
                if nested.name == key:
                    return nested, summary
        return self.resolve_function(key, summary, cls)

    def receiver_classes(self, receiver: str | None, scope: str, summary: FileSummary,
                         before: int, through_calls: bool = True) -> list[ClassRef]:
        """Classes a receiver (``self``, ``model``) is an instance of, as far as the scope shows; for a parameter
        of a plain function (``def init_weights(net): net.apply(f)``), what the function's calls in the checked
        files pass for it (``init_weights(model)`` after ``model = Net()``), one call level deep."""
        fn = summary.function(scope)
        if fn is None or receiver is None:
            return []
        if through_calls and receiver in fn.params and receiver != "self":
            return self._passed_classes(fn, summary, receiver)
        if receiver == "self" and fn.cls is not None:
            info = summary.cls(fn.cls)
            if info is None:
                return []
            ref = ClassRef(info, summary)
            return [ref, *self.subclasses(ref)]
        found: list = []
        if receiver.endswith("()") and "(" not in receiver[:-2]:
            # ``Net(cfg).apply(init)``: the instance the call builds
            built = [self.resolve_class(c.qual, summary) for c in fn.calls if c.func == receiver[:-2]]
            same = {ref.qual if ref is not None else None for ref in built}
            return built[:1] if len(same) == 1 and None not in same else []
        for call in fn.calls:
            if call.target == receiver and call.order < before:
                ref = self.resolve_class(call.qual, summary)
                if ref is not None:
                    found = [ref]
                elif torch_layer(call.qual) in ("Sequential", "ModuleList", "ModuleDict"):
                    found = [self.inline_model(call, fn, summary)]
        return found

    def passed_args(self, fn: FunctionInfo, home: FileSummary, name: str) -> list:
        """(file, calling scope, call, the argument given for ``name`` or None when left out) for each call of
        the plain function ``fn`` in the checked files; [] when ``fn`` is a method, nested, decorated or binds
        ``name`` itself. A call through ``*args``/``**kwargs`` is skipped: what it passes is unknown."""
        if fn.cls is not None or fn.parent is not None or fn.decorators or name not in fn.params or fn.rebinds(name):
            return []
        position = fn.params.index(name)
        return [(summary, scope, call, call.argument(name, position))
                for summary, scope, call in self.call_sites(fn, home) if not call.starred]

    def _passed_classes(self, fn: FunctionInfo, home: FileSummary, name: str) -> list:
        """The model classes the calls of ``fn`` pass for its parameter ``name`` (``passed_args``); a call whose
        argument is not known (an expression, a name not bound to a model) adds none."""
        out: list = []
        for summary, scope, call, arg in self.passed_args(fn, home, name):
            if arg is not None and arg.key and "(" not in arg.key and "[" not in arg.key:
                out.extend(self.receiver_classes(arg.key, scope.qualname, summary, call.order, through_calls=False))
        return _unique(out)

    def inline_model(self, outer: Call, fn: FunctionInfo, summary: FileSummary) -> InlineModel:
        """The layers built inside a container's constructor call (their locators extend the call's)."""
        reach = Reach()
        depth = len(outer.loc)
        fake = ClassRef(ClassInfo("<inline>", "<inline>", (), ()), summary)
        for call in fn.calls:
            if call is not outer and call.loc[:depth] == outer.loc:
                self._reach_call(call, fake, reach, frozenset())
        name = torch_layer(outer.qual) or "Sequential"
        return InlineModel(f"the {name} `{outer.target}`", reach)


_NOT_BUILDERS = frozenset({"super", "print", "len", "range", "int", "float", "str", "list", "dict", "tuple",
                           "set", "isinstance", "getattr", "setattr", "hasattr", "partial", "deepcopy",
                           "copy", "round", "max", "min", "sum", "sorted", "zip", "enumerate", "bool",
                           "Parameter", "ValueError", "TypeError", "NotImplementedError", "RuntimeError",
                           "AssertionError", "KeyError", "warn", "format", "join"})


def reparametrized_layer(call: Call) -> str | None:
    """``weight_norm(nn.Conv1d(...))``: the torch layer (``Conv1d``) whose ``weight`` a torch reparametrization
    wraps around its construction; None for anything else (another tensor by ``name=``, a layer built elsewhere)."""
    if canonical(call.qual) not in REPARAMETRIZE or not call.args or call.args[0].keyword is not None or \
            reparametrized_name(call) != "weight":
        return None
    layer = torch_layer(canonical(call.args[0].call))
    return layer if layer in PARAMETERIZED and layer not in NO_WEIGHT_ATTR else None


def reparametrized_name(call: Call):
    """The tensor a torch reparametrization call wraps: its ``name`` argument (``weight`` when left out), a
    literal or UNKNOWN."""
    arg = call.argument("name", 1)
    return "weight" if arg is None else arg.value


def construction_functions(methods: dict):
    """The functions that run while building: ``__init__`` and the methods it calls on ``self``, transitively
    (``methods``: name -> FunctionInfo), nested functions included."""
    todo, seen = ["__init__"], set()
    while todo:
        name = todo.pop()
        if name in seen or name not in methods:
            continue
        seen.add(name)
        for fn in iter_with_nested(methods[name]):
            yield fn
            todo.extend(call.func[5:] for call in fn.calls
                        if call.func.startswith("self.") and call.func.count(".") == 1)


def _builder_calls(cls: ClassRef):
    """Calls made while building, other than those to the class's own methods (followed instead)."""
    for fn in construction_functions(cls.info.methods):
        for call in fn.calls:
            if not (call.func.startswith("self.") and call.func.count(".") == 1):
                yield call


def _holds_given_module(cls: ClassRef) -> bool:
    """``__init__`` stores one of its parameters as an attribute (``self.feat_extractor = feature_extractor``)
    that the class calls (``self.feat_extractor(x)``): a module handed to the constructor."""
    init = cls.info.methods.get("__init__")
    if init is None:
        return False
    given = {st.attr for st in init.stores if st.value_key in init.params[1:]}
    if not given:
        return False
    return any(call.func[5:] in given for method in cls.info.methods.values() for fn in iter_with_nested(method)
               for call in fn.calls if call.func.startswith("self.") and call.func.count(".") == 1)


def calls_by_name(index: "ProjectIndex") -> dict:
    """Callee's last name -> the (file, call) pairs of the project that call it (``Block(4)``, ``m.reset()``)."""
    def compute():
        out: dict = {}
        for f in index.files:
            for fn in f.scopes:
                for c in fn.calls:
                    out.setdefault(c.method, []).append((f, c))
        return out

    return index.cached("calls-by-name", compute)


def handed_on(index: "ProjectIndex") -> frozenset:
    """Last names of what the project passes as a value: call arguments (``partial(Block, bias=False)``) and
    parameter defaults (``block=Block``); a class passed so may be built anywhere, with any argument."""
    def compute():
        out = set()
        for f in index.files:
            for fn in f.scopes:
                out.update(k.rsplit(".", 1)[-1] for k in fn.default_keys)
                for c in fn.calls:
                    out.update(a.key.rsplit(".", 1)[-1] for a in c.args if a.key)
        return frozenset(out)

    return index.cached("handed-on", compute)


def _unique(refs: list[ClassRef]) -> list[ClassRef]:
    seen, out = set(), []
    for ref in refs:
        if ref.qual not in seen:
            seen.add(ref.qual)
            out.append(ref)
    return out
