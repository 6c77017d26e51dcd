"""One traversal of a libcst module into a compact, rule-agnostic summary of the file.

The summary is plain data (picklable, no CST nodes) so files can be summarized in worker processes.
Everything a rule or the runtime verifier needs about a file is here:

* ``FileSummary.imports``: local name -> qualified name (``nn`` -> ``torch.nn``).
* ``FileSummary.classes``: ``ClassInfo`` with resolved bases, class attributes and methods.
* ``FileSummary.scopes``: every function, method and nested function (``FunctionInfo``), and the module
  body (qualname ``<module>``). A scope holds, in statement order, the calls that matter (``Call``),
  the initializer calls (``InitCall``), ``self.X`` stores and loads, and the loops it runs.
* Each event carries the conditions that dominate it (``Cond``: isinstance dispatch, ``is not None``
  guards, ``hasattr`` guards, dimension guards) and the loops around it (``Loop``).

Positions are not computed here (libcst positions cost more than parsing): every event carries a
locator, a path of field names and indexes from the module to its node, which ``positions.py``
resolves only for the files that have findings.
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import re
from dataclasses import dataclass, field
from typing import Any, Iterator

import libcst as cst

from .torchnames import (
    DEPRECATED_INIT, INIT, INIT_FUNCTIONS, INPLACE_INIT_METHODS, MISSING_INIT, NAMED_INITIALIZERS, canonical,
)

Loc = tuple  # path of str (field) and int (index) steps from the module


class _Unknown:
    """A value that is not a literal."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __reduce__(self):
        return (_Unknown, ())

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __bool__(self) -> bool:
        return False


UNKNOWN: Any = _Unknown()

#: method names whose calls the summary keeps, whatever the receiver
INTERESTING = frozenset(
    """apply load_state_dict from_pretrained init_weights _init_weights reset_parameters _reset_parameters
    register_buffer register_parameter add_module register_module setattr hasattr getattr weight_norm
    spectral_norm register_parametrization load modules parameters named_parameters named_modules children
    named_children partial post_init requires_grad_ to_empty empty zeros ones randn rand Tensor FloatTensor
    append extend insert deepcopy copy _initialize_weights initialize_weights init_weight _init_weight
    initialize weights_init weight_init init_params _init_params relu gelu silu tanh sigmoid leaky_relu elu
    selu mish relu6 hardswish softplus _fill_padding_idx_with_zero constant_init xavier_init normal_init
    trunc_normal_init uniform_init kaiming_init caffe2_xavier_init""".split()
)
_BUILTINS = frozenset(dir(__import__("builtins"))) - {"setattr", "hasattr", "getattr", "super"}
_LOOP_SOURCES = frozenset(
    {"modules", "named_modules", "children", "named_children", "parameters", "named_parameters"}
)


@dataclass(slots=True, frozen=True)
class Cond:
    """A condition dominating an event.

    kind: ``isinstance`` (types), ``isnone`` (subject is None; negated: is not None), ``truthy``,
    ``hasattr`` (attr), ``dim`` (a tensor-dimension guard on subject), ``namehas`` (``'attr' in subject``),
    ``typeeq`` (``type(subject) == types``), ``classname`` (string match on ``subject``'s class name,
    attr holds the literal), ``namein`` (``subject in ["a", "b"]``, the literals in types), ``call`` (a predicate
    called on subject, the callee's key in attr: ``exists(m.bias)``), ``nameany`` (an ``or`` of ``'x' in subject``
    tests, the literals in types), ``catches`` (inside a ``try`` whose handler only passes, or ``with
    contextlib.suppress(...)``: the exception names ignored in types, ``*`` for a bare ``except``), ``other``.
    """

    kind: str
    subject: str | None = None
    types: tuple[str, ...] = ()
    attr: str | None = None
    negated: bool = False
    loc: Loc = ()  # the test expression (set for ``typeeq``, whose fix rewrites it)
    text: str | None = None  # ``typeeq``: the type as written (``nn.Linear``)
    # ``typeeq``: the expression at ``loc`` is itself a negation (``!=``, ``is not``, ``not type(m) == X``).
    # ``negated`` also counts the negations outside it (an ``else`` branch, the code after an early
    # ``return``), which a fix rewriting only that expression must leave alone.
    loc_negated: bool = False

    def negate(self) -> "Cond":
        return Cond(self.kind, self.subject, self.types, self.attr, not self.negated, self.loc, self.text,
                    self.loc_negated)


@dataclass(slots=True, frozen=True)
class Loop:
    """A ``for`` loop: its target names and the key of what it iterates (``self.modules()``)."""

    targets: tuple[str, ...]
    iter: str | None
    loc: Loc
    stmt: int
    items: tuple = ()  # keys of the elements when iterating a literal list/tuple: ``[module.q, module.k]``
    iter_text: str = ""  # source of the iterable: ``enumerate(self.layers)``

    @property
    def source(self) -> str | None:
        """``modules`` / ``named_parameters`` / ... when iterating a module's own traversal, else None."""
        if self.iter and self.iter.endswith("()"):
            last = self.iter[:-2].rsplit(".", 1)[-1]
            if last in _LOOP_SOURCES:
                return last
        return None

    @property
    def owner(self) -> str | None:
        """The receiver of the traversal: ``self`` in ``self.modules()``."""
        if self.source and "." in self.iter:
            return self.iter[:-2].rsplit(".", 1)[0]
        return None


@dataclass(slots=True)
class Arg:
    keyword: str | None
    key: str | None  # dotted key of the expression (``m.weight``, ``self.modules()``)
    value: Any  # literal value or UNKNOWN
    call: str | None = None  # when the argument is itself a call: the callee's qualified name or key
    call_nargs: int = 0
    text: str | None = None  # short source text, kept for initializer arguments only
    call_keywords: tuple = ()  # keyword names of that inner call (``dtype`` in ``torch.empty(n, dtype=...)``)
    call_data: bool = False  # that inner call's first argument is a literal list/tuple (data, not sizes)
    #: when the argument is a ``lambda``: its ``Signature``
    lambda_sig: "Signature | None" = None
    #: when the argument is a list or tuple literal: the callee (qualified) of each element that is a call, None
    #: for any other element (``[nn.Linear(a, b), act]``)
    items: tuple = ()
    #: when the argument is ``lambda m: f(m, ...)``: the key of ``f`` (the lambda hands its one module on to it)
    lambda_call: str | None = None
    #: that inner call is given a literal ``0`` positionally (``torch.empty(0)``: a size with no elements)
    call_zero: bool = False


@dataclass(slots=True)
class Call:
    func: str  # key of the callee (``nn.init.xavier_normal_``, ``model.apply``, ``Net``)
    qual: str | None  # qualified name when the callee is a name (``torch.nn.init.xavier_normal_``)
    args: tuple[Arg, ...]
    conds: tuple[Cond, ...]
    loops: tuple[Loop, ...]
    stmt: int
    order: int
    target: str | None  # ``X`` in ``X = call(...)``
    loc: Loc
    no_grad: bool = False  # under ``with torch.no_grad():`` or in a ``@torch.no_grad()`` function

    @property
    def method(self) -> str:
        func = self.func
        return func[func.rfind(".") + 1:]

    @property
    def receiver(self) -> str | None:
        func = self.func
        dot = func.rfind(".")
        return func[:dot] if dot >= 0 else None

    def kwarg(self, name: str) -> Arg | None:
        for arg in self.args:
            if arg.keyword == name:
                return arg
        return None

    def positional(self) -> list[Arg]:
        return [a for a in self.args if a.keyword is None]

    @property
    def starred(self) -> bool:
        """``f(*args)`` / ``f(**kwargs)``: which parameter gets which argument is unknown."""
        return any(a.keyword in ("*", "**") for a in self.args)

    def argument(self, name: str, position: int) -> Arg | None:
        """The argument this call passes for the parameter ``name`` at ``position``: by keyword, else by
        position; None when it leaves the parameter out (its default applies)."""
        if (arg := self.kwarg(name)) is not None:
            return arg
        positional = self.positional()
        return positional[position] if position < len(positional) else None


@dataclass(slots=True)
class Repeat:
    """One object repeated: ``[m] * n``, ``n * [m]``, ``[m for _ in range(n)]``."""

    key: str | None  # key of the repeated element (``m``, ``self.block``)
    call: str | None  # the callee when the element is a call: ``[nn.Linear(2, 2)] * 3``
    conds: tuple
    stmt: int
    order: int
    loc: Loc


@dataclass(slots=True)
class ItemStore:
    """``X[i] = v`` on an attribute chain (``self.w[0] = 1``, ``m.weight.data[m.padding_idx] = 0``)."""

    key: str  # ``self.w`` / ``m.weight`` (``.data`` stripped)
    index: str | None  # key of the index expression
    value: Any  # literal value or UNKNOWN
    conds: tuple
    loops: tuple
    stmt: int
    order: int
    loc: Loc
    via_data: bool = False
    no_grad: bool = False
    value_call: str | None = None  # the qualified callee when the stored value is a call (``nn.Parameter``)


@dataclass(slots=True)
class InitCall:
    """One initialization of a tensor: ``nn.init.X(t, ...)``, ``t.normal_(...)``, ``t.data.zero_()``."""

    func: str  # ``torch.nn.init.xavier_normal_``, another initializer's qualified name, or a method (``normal_``)
    target_key: str | None  # ``m.bias``, ``self.fc.weight``, ``p`` (``.data`` stripped)
    args: tuple  # literal values (UNKNOWN where not literal), tensor excluded
    kwargs: dict
    arg_texts: tuple  # source text of every argument, tensor excluded
    conds: tuple[Cond, ...]
    loops: tuple[Loop, ...]
    stmt: int
    order: int
    loc: Loc
    via_data: bool = False
    no_grad: bool = False
    is_torch: bool = True  # a torch.nn.init function or a tensor method (False: a third-party initializer)
    kwarg_texts: dict = field(default_factory=dict)  # keyword -> source text
    index: str | None = None  # ``m.padding_idx`` in ``m.weight.data[m.padding_idx].zero_()``

    @property
    def target(self) -> str | None:
        """The attribute initialized: ``bias`` for ``m.bias``."""
        if self.target_key and "." in self.target_key:
            return self.target_key.rsplit(".", 1)[-1]
        return None

    @property
    def subject(self) -> str | None:
        """What the attribute belongs to: ``m`` for ``m.bias``, ``p`` for a bare ``p``."""
        if not self.target_key:
            return None
        return self.target_key.rsplit(".", 1)[0] if "." in self.target_key else self.target_key

    @property
    def name(self) -> str:
        return self.func.rsplit(".", 1)[-1]


@dataclass(slots=True)
class SelfStore:
    attr: str
    value: str  # "call", "list", "tuple", "dict", "set", "comp", "binop", "other"
    call: str | None  # the qualified callee when value == "call"
    elements: tuple[str | None, ...]  # callees of the elements of a literal container
    call_args: tuple[Arg, ...]
    stmt: int
    order: int
    loc: Loc
    conds: tuple[Cond, ...] = ()
    mentions: frozenset = frozenset()  # local names the assigned call mentions (``resnet`` in ``Seq(*resnet...)``)
    #: the local name assigned, when the value is a bare name (``layers`` in ``self.layers = layers``)
    value_key: str | None = None


@dataclass(slots=True, frozen=True)
class Signature:
    """What a function accepts: ``required`` positional parameters without a default, ``positional`` ones in
    all (None with ``*args``), and keyword-only ones without a default (``required_kwonly``)."""

    required: int
    positional: int | None
    required_kwonly: int = 0

    def accepts(self, n: int, bound: int = 0) -> bool:
        """Whether a call with ``n`` positional arguments works (``bound``: leading parameters already bound,
        ``self`` of a method)."""
        required = max(self.required - bound, 0)
        if self.required_kwonly or n < required:
            return False
        return self.positional is None or n <= self.positional - bound


@dataclass(slots=True)
class AttrStore:
    """``a.b.c = value``: an attribute chain assigned (``self.head.weight = self.embed.weight``, a tie)."""

    key: str  # the target (``self.head.weight``)
    value: str  # the key of the value when it is a name or attribute (``self.embed.weight``), else ""
    conds: tuple
    stmt: int
    order: int
    loc: Loc


@dataclass(slots=True)
class SelfLoad:
    attr: str
    guarded: bool
    loc: Loc
    order: int
    #: the ``self.X`` flags whose truth the read runs under (``if self.use_mmd: ... self.beta``)
    flags: tuple = ()


@dataclass(slots=True)
class InitBranch:
    """Init code grouped by the isinstance dispatch that dominates it (types empty: unconditional)."""

    types: tuple[str, ...]
    inits: list[InitCall]


@dataclass
class FunctionInfo:
    name: str
    qualname: str
    cls: str | None
    params: tuple[str, ...]
    decorators: tuple[str, ...]
    loc: Loc
    calls: list[Call] = field(default_factory=list)
    inits: list[InitCall] = field(default_factory=list)
    stores: list[SelfStore] = field(default_factory=list)
    loads: list[SelfLoad] = field(default_factory=list)
    loops: list[Loop] = field(default_factory=list)
    nested: list["FunctionInfo"] = field(default_factory=list)
    returns_callable: bool = False
    computed_setattr: bool = False  # setattr(self, <non-literal>, ...) not under hasattr
    uses_dict: bool = False  # self.__dict__
    setattr_names: set = field(default_factory=set)  # literal names of setattr(self, 'X', ...)
    registered: set = field(default_factory=set)  # register_buffer/parameter/add_module literal names
    item_stores: list = field(default_factory=list)  # ItemStore
    repeats: list = field(default_factory=list)  # Repeat
    parent: str | None = None  # qualname of the enclosing function for nested ones
    signature: Signature | None = None  # the parameters it accepts
    attr_stores: list = field(default_factory=list)  # AttrStore
    #: keys of the returned expressions (``cls`` in ``return cls``); a non-key return adds ``?``
    returns: set = field(default_factory=set)
    #: parameter names whose attributes the function sets under computed names (``setattr(self, k, v)`` in a
    #: helper ``set_attributes(self, locals())``)
    param_writes: set = field(default_factory=set)
    #: (parameter, attribute) pairs the function sets by name: ``cls.__bases__ = ...``, ``module._frozen = ...``,
    #: ``setattr(module, "x", v)``
    param_attrs: set = field(default_factory=set)
    #: (module parameter, name parameter) pairs: ``module.register_buffer(name, ...)``, ``setattr(module, name,
    #: ...)`` with both taken from the function's parameters
    param_registers: set = field(default_factory=set)
    #: string keys of the dict literals written in the function (``{"w": partial(...)}``)
    dict_keys: set = field(default_factory=set)
    #: the function calls a value it looks up by key (``self.inits[name](p)``, ``fn = d.get(k); fn(p)``)
    calls_lookup: bool = False
    #: tensors written whole, not through an initializer: ``X.data = ...``, ``torch.f(..., out=X)``
    writes: set = field(default_factory=set)
    #: local names assigned, in order: (name, key of the value when it is an attribute chain else "", order), e.g.
    #: ``("w", "self.fc.weight", 12)`` for ``w = self.fc.weight`` (an alias the init events resolve)
    binds: list = field(default_factory=list)
    #: a predicate on a module: the isinstance types when every ``return`` of the function is an ``isinstance``
    #: of its module parameter (``def is_linear(m): return isinstance(m, nn.Linear)``), else ``()``
    predicate: tuple = ()
    #: local name -> what each plain assignment to it binds, in order: ``"[]"`` for an empty list literal,
    #: ``"<callee>()"`` for a call (qualified: ``torch.nn.init.calculate_gain()``), ``"?"`` for anything else
    local_binds: dict = field(default_factory=dict)
    #: parameter -> its default when that is a literal (``gain=0.02``)
    defaults: dict = field(default_factory=dict)
    #: keys of the parameter defaults that are names or attributes (``block=Bottleneck``)
    default_keys: set = field(default_factory=set)
    #: local names (and attribute keys: ``self.flag``) updated by an augmented assignment (``std *= 0.5``)
    aug_assigned: set = field(default_factory=set)
    #: the names of the functions and methods called under ``torch.no_grad()`` (every such call, kept or not)
    nograd_calls: set = field(default_factory=set)

    def rebinds(self, name: str) -> bool:
        """Whether the function binds ``name`` itself: an assignment, an augmented assignment, a loop target."""
        return name in self.local_binds or name in self.aug_assigned or any(
            bound == name for bound, _, _ in self.binds) or any(name in loop.targets for loop in self.loops)

    @property
    def is_instance_method(self) -> bool:
        return (
            self.cls is not None
            and self.parent is None
            and bool(self.params)
            and self.params[0] == "self"
            and "staticmethod" not in self.decorators
            and "classmethod" not in self.decorators
        )

    @property
    def first_param(self) -> str | None:
        return self.params[0] if self.params else None

    @property
    def branches(self) -> list[InitBranch]:
        """The init calls grouped by isinstance types on the subject they initialize."""
        groups: dict[tuple[str, ...], list[InitCall]] = {}
        for init in self.inits:
            types = dispatch_types(init.conds, root(init.subject))
            groups.setdefault(types, []).append(init)
        return [InitBranch(t, calls) for t, calls in groups.items()]


@dataclass
class ClassInfo:
    name: str
    qualname: str
    bases: tuple[str, ...]  # qualified where resolvable, else the key as written
    loc: Loc
    attrs: set = field(default_factory=set)  # class-level assignments and annotations, nested classes
    methods: dict = field(default_factory=dict)  # name -> FunctionInfo (properties included)
    has_getattr: bool = False
    decorators: tuple = ()  # qualified keys of the class decorators as written (``dataclasses.dataclass``)


@dataclass
class FileSummary:
    path: str
    module: str
    imports: dict = field(default_factory=dict)
    star_imports: list = field(default_factory=list)
    classes: list = field(default_factory=list)
    scopes: list = field(default_factory=list)  # FunctionInfo, module body first
    generated_from: str | None = None  # transformers: "modular_x.py" a generated file was made from
    #: attribute names registered on other objects with literal names: ``layer.register_buffer("x", t)``,
    #: ``setattr(block, "x", v)`` (not under ``hasattr``): an instance may get them from outside its class
    external_attrs: set = field(default_factory=set)
    #: every name and attribute name the file mentions outside definitions (for "is it ever referenced")
    names: set = field(default_factory=set)
    #: attribute names used on something other than a bare ``self`` (``m.init_weights``, ``layer.reset()``)
    foreign_attrs: set = field(default_factory=set)
    #: attribute names assigned on other objects (``module._gradient_checkpointing_func = f``,
    #: ``model.model, model.save = parse_model(...)``), configuration objects excepted: name -> the class names
    #: an ``isinstance`` on the receiver restricts it to, or ``*``
    assigned_outside: dict = field(default_factory=dict)
    #: the file's suppression comments (``noqa.FileNoqa``), set by the engine from the text it read
    noqa: object = None
    #: module-level names bound differently in a ``try`` and its ``except`` handlers (an optional import with
    #: a fallback): what they name is unknown
    ambiguous: set = field(default_factory=set)
    #: classes named as written on the right of ``obj.__class__ = X``: instances of X are other objects
    #: re-typed, so their attributes are whatever those objects had (unknown)
    retyped: set = field(default_factory=set)

    @property
    def functions(self) -> list[FunctionInfo]:
        """Functions and methods, nested ones included (not the module body)."""
        return [s for s in self.scopes if s.qualname != "<module>"]

    @property
    def module_scope(self) -> FunctionInfo:
        return self.scopes[0]

    def function(self, qualname: str) -> FunctionInfo | None:
        for scope in self.scopes:
            if scope.qualname == qualname:
                return scope
        return None

    def cls(self, name: str) -> ClassInfo | None:
        for info in self.classes:
            if info.name == name or info.qualname == name:
                return info
        return None

    @property
    def applies(self) -> list["ApplyCall"]:
        out = []
        for scope in self.scopes:
            for call in scope.calls:
                if len(call.args) == 1 and call.func.endswith(".apply"):  # a string test: read for every call
                    arg = call.args[0]
                    out.append(ApplyCall(call.receiver, arg.key or arg.lambda_call or arg.call or "", scope.qualname,
                                         arg.call is not None, call, not arg.key and arg.lambda_call is not None))
        return out


@dataclass
class ApplyCall:
    receiver: str
    func: str
    scope: str
    called: bool  # apply(f()) rather than apply(f)
    call: Call
    #: apply(lambda m: f(m, n)): ``func`` is ``f``, called on each module with more arguments than the module
    via_lambda: bool = False


def iter_with_nested(fn: "FunctionInfo") -> Iterator["FunctionInfo"]:
    """A function and the functions defined inside it, at any depth."""
    yield fn
    for inner in fn.nested:
        yield from iter_with_nested(inner)


def iter_same_self(fn: "FunctionInfo") -> Iterator["FunctionInfo"]:
    """A method and the functions defined inside it whose ``self`` is the method's: a nested function with a
    ``self`` parameter of its own (a replacement ``forward`` bound onto other modules) reads another object."""
    yield fn
    for inner in fn.nested:
        if "self" not in inner.params:
            yield from iter_same_self(inner)


def root(key: str | None) -> str | None:
    if key is None:
        return None
    return key.split(".", 1)[0]


def dispatch_types(conds: tuple[Cond, ...], subject: str | None) -> tuple[str, ...]:
    """The isinstance types (positive, innermost last wins) dominating an event on ``subject``."""
    types: tuple[str, ...] = ()
    for cond in conds:
        if cond.kind == "isinstance" and not cond.negated and cond.subject == subject:
            types = cond.types
    return types


# --------------------------------------------------------------------------------------------------------
# extraction


class _Ctx:
    __slots__ = ("conds", "loops", "guard_attr", "no_grad", "stmt")

    def __init__(self, conds=(), loops=(), guard_attr=False, no_grad=False, stmt=0):
        self.conds = conds
        self.loops = loops
        self.guard_attr = guard_attr  # inside try/except AttributeError
        self.no_grad = no_grad
        self.stmt = stmt

    def add(self, conds=(), loop=None, guard_attr=None, no_grad=None):
        return _Ctx(
            self.conds + tuple(conds),
            self.loops + ((loop,) if loop is not None else ()),
            self.guard_attr if guard_attr is None else guard_attr,
            self.no_grad if no_grad is None else no_grad,
            self.stmt,
        )

    def at(self, stmt: int) -> "_Ctx":
        return _Ctx(self.conds, self.loops, self.guard_attr, self.no_grad, stmt)


_EMPTY_MODULE = cst.Module(body=[])
#: receivers whose attributes are settings, not a module's state (``config.use_mask_token = True``)
_CONFIG_NAMES = re.compile(r"config|cfg|conf$|args|opt|hparams|hp$|settings|params|options|kwargs|ns$")
_EXITS = (cst.Return, cst.Raise, cst.Continue, cst.Break)


#: functions and methods that return an array or tensor of data (never a size)
ARRAY_MAKERS = frozenset({"array", "asarray", "arange", "linspace", "logspace", "reshape", "from_numpy", "numpy",
                          "tolist", "astype", "stack", "concatenate", "vstack", "hstack", "meshgrid", "transpose",
                          "flatten", "tensor", "loadtxt", "eye", "identity", "outer"})


def key_of(node: cst.BaseExpression) -> str | None:
    """Dotted key: ``a.b.c`` for names and attributes, ``f()`` for calls, ``x[]`` for subscripts."""
    t = type(node)  # exact types: libcst's node classes are ABCs, and isinstance on an ABC costs a Python call
    if t is cst.Name:
        return node.value
    if t is cst.Attribute:
        base = key_of(node.value)
        return None if base is None else f"{base}.{node.attr.value}"
    if t is cst.Call:
        base = key_of(node.func)
        return None if base is None else f"{base}()"
    if t is cst.Subscript:
        base = key_of(node.value)
        return None if base is None else f"{base}[]"
    return None


def literal(node: cst.BaseExpression) -> Any:
    t = type(node)
    if t is cst.Integer:
        try:
            return int(node.value, 0)
        except ValueError:
            return UNKNOWN
    if t is cst.Float:
        try:
            return float(node.value)
        except ValueError:
            return UNKNOWN
    if t is cst.SimpleString:
        value = node.value
        quote = value[-1:]
        if value[:1] == quote and "\\" not in value and len(value) >= 2 and not value.startswith(quote * 3):
            return value[1:-1]  # the common case, without compiling anything
        try:
            return ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return UNKNOWN
    if type(node) is cst.Name and node.value in ("True", "False", "None"):
        return {"True": True, "False": False, "None": None}[node.value]
    if type(node) is cst.UnaryOperation and type(node.operator) is cst.Minus:
        inner = literal(node.expression)
        if isinstance(inner, (int, float)) and not isinstance(inner, bool):
            return -inner
    return UNKNOWN


def _text(node: cst.CSTNode) -> str:
    return _EMPTY_MODULE.code_for_node(node)


class _Extractor:
    def __init__(self, path: str, module: str, is_package: bool, init_functions: frozenset = frozenset()):
        #: extra initializer names from the ``init-functions`` setting of this file's configuration
        self.init_functions = init_functions
        self.summary = FileSummary(path=path, module=module)
        self.package = module if is_package else module.rpartition(".")[0]
        self.order = 0
        self.scope: FunctionInfo | None = None
        self.cls: ClassInfo | None = None
        self.aliases: dict[str, str] = {}
        self._predicates: dict = {}  # id(scope) -> the isinstance Cond of each return (None: not one)
        self.lookups: set = set()  # local names bound to a value looked up by key in the current function
        #: local names of the current function bound to a list or tuple literal of keys (``ps = [self.u, self.v]``)
        self.list_items: dict = {}

    # ---- names ------------------------------------------------------------------------------------
    def qualify(self, key: str | None) -> str | None:
        if key is None:
            return None
        head, dot, rest = key.partition(".")
        if self.scope is not None and head in self.aliases:
            base = self.aliases[head]
        else:
            base = self.summary.imports.get(head)
        if base is None:
            return key
        return canonical(base + dot + rest)

    def _relative(self, level: int, module: str | None) -> str:
        parts = self.package.split(".") if self.package else []
        if level > 1:
            parts = parts[: len(parts) - (level - 1)] if level - 1 <= len(parts) else []
        base = ".".join(parts)
        if module:
            return f"{base}.{module}" if base else module
        return base

    def do_import(self, node: cst.Import | cst.ImportFrom) -> None:
        imports = self.summary.imports
        if type(node) is cst.Import:
            for alias in node.names:
                name = _dotted(alias.name)
                if alias.asname is not None and type(alias.asname.name) is cst.Name:
                    imports[alias.asname.name.value] = name
                else:
                    head = name.split(".")[0]
                    imports.setdefault(head, head)
            return
        module = _dotted(node.module) if node.module is not None else None
        level = len(node.relative)
        base = self._relative(level, module) if level else (module or "")
        if type(node.names) is cst.ImportStar:
            self.summary.star_imports.append(base)
            return
        for alias in node.names:
            name = _dotted(alias.name)
            local = name
            if alias.asname is not None and type(alias.asname.name) is cst.Name:
                local = alias.asname.name.value
            imports[local] = f"{base}.{name}" if base else name

    # ---- events -----------------------------------------------------------------------------------
    def next_order(self) -> int:
        self.order += 1
        return self.order

    def make_arg(self, node: cst.Arg, keep_text: bool) -> Arg:
        value = node.value
        keyword = node.keyword.value if node.keyword is not None else None
        if node.star:
            keyword = node.star
        call = nargs = None
        keywords: tuple = ()
        data = zero = False
        if type(value) is cst.Call:
            call = self.qualify(key_of(value.func))
            nargs = len(value.args)
            keywords = tuple(a.keyword.value for a in value.args if a.keyword is not None)
            data = bool(value.args) and (type(value.args[0].value) in (cst.List, cst.Tuple, cst.ListComp)
                                         or self.bound_to_array(value.args[0].value))
            zero = any(a.keyword is None and not a.star and type(a.value) is cst.Integer and a.value.value == "0"
                       for a in value.args)
        items: tuple = ()
        if type(value) in (cst.List, cst.Tuple):
            items = tuple(self.qualify(key_of(e.value.func)) if type(e.value) is cst.Call else None
                          for e in value.elements if type(e) is cst.Element)
        forwards = None
        if type(value) is cst.Lambda and type(value.body) is cst.Call and len(value.params.params) == 1 \
                and value.body.args and value.body.args[0].keyword is None and not value.body.args[0].star \
                and type(value.body.args[0].value) is cst.Name \
                and value.body.args[0].value.value == value.params.params[0].name.value:
            forwards = key_of(value.body.func)
        return Arg(keyword, key_of(value), literal(value), call, nargs or 0,
                   _text(value) if keep_text else None, keywords, data,
                   _signature(value.params) if type(value) is cst.Lambda else None, items, forwards, zero)

    def bound_to_array(self, node: cst.BaseExpression) -> bool:
        """A local name every assignment of which binds an array (``t = np.arange(n).reshape(1, n)``): handed
        to ``torch.FloatTensor(t)``, it is data, not a size."""
        if type(node) is not cst.Name or self.scope is None:
            return False
        binds = self.scope.local_binds.get(node.value)
        return bool(binds) and all(b.endswith("()") and b[:-2].rsplit(".", 1)[-1] in ARRAY_MAKERS for b in binds)

    def on_call(self, node: cst.Call, path: Loc, ctx: _Ctx, target: str | None) -> None:
        scope = self.scope
        if scope is not None:
            if _is_lookup(node.func) or (type(node.func) is cst.Name and node.func.value in self.lookups):
                scope.calls_lookup = True  # self.param_init[name](p)
            for a in node.args:
                if a.keyword is not None and a.keyword.value == "out" and key_of(a.value):
                    scope.writes.add(key_of(a.value))  # torch.arange(n, out=self.w)
        fkey = key_of(node.func)
        if fkey is None:
            return
        head = fkey.split(".", 1)[0]
        last = fkey.rsplit(".", 1)[-1]
        qual = self.qualify(fkey)
        # initializers
        init_name = None
        is_torch = True
        imported_head = head in self.summary.imports and head not in self.aliases and head != "self"
        if qual and qual.startswith(INIT) and _writes_tensor(qual[len(INIT):]):
            init_name = qual
        elif last in self.init_functions or (qual and qual in self.init_functions):
            init_name = qual or fkey  # the project's own initializer (the `init-functions` setting)
            is_torch = False
        elif imported_head and (last in INIT_FUNCTIONS or last in INPLACE_INIT_METHODS) and "." in fkey:
            init_name = qual or fkey  # a module's initializer function: transformers' `init.normal_(t)`
            is_torch = False
        elif last in INPLACE_INIT_METHODS and "." in fkey:
            init_name = last
        elif last.endswith("_") and last[:-1] in NAMED_INITIALIZERS and "." not in fkey:
            init_name = qual or fkey  # a third-party initializer imported by name (timm's trunc_normal_)
            is_torch = False
        if init_name is not None:
            self.on_init(node, init_name, fkey, path, ctx, is_torch)
        if ctx.no_grad and scope is not None:
            scope.nograd_calls.add(last)
        if fkey == "vars" and scope is not None and node.args and key_of(node.args[0].value) == "self":
            scope.uses_dict = True
        keep = (
            last in INTEREST_OR_INIT
            or last[:1].isupper()
            or (qual is not None and qual.startswith(INIT))
            or (head == "self" and fkey.count(".") == 1)
            # super().init_parameters(): a base's method (its __init__ and other dunders are not kept)
            or (head == "super()" and fkey.count(".") == 1 and not last.startswith("__"))
            or ("." not in fkey and head not in _BUILTINS)
            or any(a.keyword is not None and a.keyword.value in ("pretrained", "weights") for a in node.args)
            or head in self.aliases
            # a helper given the module itself (`Bridge.adopt(self, src)`): it may add attributes to it
            or any(type(a.value) is cst.Name and a.value.value == "self" for a in node.args)
            # a method of a local object built by a class: manager = Manager(model); manager.reinit()
            or (scope is not None and fkey.count(".") == 1 and any(
                b.endswith("()") and b[:-2].rsplit(".", 1)[-1][:1].isupper() for b in scope.local_binds.get(head, ())))
        )
        if head == "self" and last == "setattr":
            keep = True
        if scope is not None and last in ("setattr", "register_buffer", "register_parameter", "add_module",
                                          "register_module", "__setattr__"):
            self.on_register(node, fkey, ctx)
        if not keep or scope is None:
            return
        keep_text = qual is not None and qual.startswith(INIT)
        args = tuple(self.make_arg(a, keep_text) for a in node.args)
        scope.calls.append(
            Call(fkey, qual, args, ctx.conds, ctx.loops, ctx.stmt, self.next_order(), target, path, ctx.no_grad)
        )

    def classname_subject(self, node) -> str | None:
        """``_classname_subject``, and a local variable bound only to a class name in this scope
        (``name = m.__class__.__name__``), whatever the variable is called."""
        subject = _classname_subject(node)
        if subject is None and type(node) is cst.Name and self.scope is not None:
            binds = self.scope.local_binds.get(node.value)
            if binds and all(b == CLASS_NAME_BIND for b in binds):
                return node.value
        return subject

    def on_register(self, node: cst.Call, fkey: str, ctx: _Ctx) -> None:
        scope = self.scope
        args = node.args
        if fkey in ("super().__setattr__", "self.__setattr__") and args:  # spellings of setattr(self, ...)
            name = literal(args[0].value)
            if isinstance(name, str):
                scope.setattr_names.add(name)
            else:
                scope.computed_setattr = True
            return
        if fkey == "object.__setattr__":
            fkey, args = "setattr", args
        params = scope.params
        if fkey == "setattr" and len(args) >= 2:
            subject = key_of(args[0].value)
            if subject in params and (subject != "self" or scope.cls is None):
                name_node = args[1].value
                if isinstance(literal(name_node), str):
                    scope.param_attrs.add((subject, literal(name_node)))
                elif type(name_node) is cst.Name and name_node.value in params:
                    scope.param_registers.add((subject, name_node.value))
                else:
                    scope.param_writes.add(subject)  # set_attributes(self, locals()): setattr(self, k, v)
        elif args and "." in fkey and fkey.split(".", 1)[0] in params and fkey.count(".") == 1 and \
                type(args[0].value) is cst.Name and args[0].value.value in params:
            scope.param_registers.add((fkey.split(".", 1)[0], args[0].value.value))  # module.register_buffer(name,
        if fkey == "setattr":
            if len(args) >= 2:
                name = literal(args[1].value)
                guarded = any(c.kind == "hasattr" and not c.negated for c in ctx.conds)
                if key_of(args[0].value) == "self":
                    if isinstance(name, str):
                        scope.setattr_names.add(name)
                    elif not guarded:
                        scope.computed_setattr = True
                elif isinstance(name, str) and not guarded:
                    self.summary.external_attrs.add(name)
            return
        if not args:
            return
        name = literal(args[0].value)
        if fkey.startswith("self.") and fkey.count(".") == 1:
            if isinstance(name, str):
                scope.registered.add(name)
            else:
                scope.computed_setattr = True
        elif isinstance(name, str):
            self.summary.external_attrs.add(name)

    def on_init(self, node: cst.Call, func: str, fkey: str, path: Loc, ctx: _Ctx, is_torch: bool) -> None:
        if self.scope is None:
            return
        args = list(node.args)
        via_data = False
        if func.startswith(INIT) or not is_torch:
            tensor = None
            for i, a in enumerate(args):
                if a.keyword is None or a.keyword.value == "tensor":
                    tensor = args.pop(i)
                    break
            target = key_of(tensor.value) if tensor is not None else None
            tensor_node = tensor.value if tensor is not None else None
        else:  # tensor method: the receiver is the target
            target = fkey.rsplit(".", 1)[0]
            tensor_node = node.func.value if type(node.func) is cst.Attribute else None
        index = None
        while type(tensor_node) is cst.Attribute and tensor_node.attr.value == "data":
            tensor_node = tensor_node.value
        if type(tensor_node) is cst.Subscript and len(tensor_node.slice) == 1 and isinstance(
                tensor_node.slice[0].slice, cst.Index):
            index = key_of(tensor_node.slice[0].slice.value) or _text(tensor_node.slice[0].slice.value)
        if target and target.endswith(".data"):
            target, via_data = target[: -len(".data")], True
        elif target and ".data." in target:
            via_data = True
        positional = tuple(literal(a.value) for a in args if a.keyword is None)
        kwargs = {a.keyword.value: literal(a.value) for a in args if a.keyword is not None}
        texts = tuple(_text(a.value) for a in args)
        kwarg_texts = {a.keyword.value: _text(a.value) for a in args if a.keyword is not None}
        self.scope.inits.append(
            InitCall(func, target, positional, kwargs, texts, ctx.conds, ctx.loops, ctx.stmt,
                     self.next_order(), path, via_data, ctx.no_grad, is_torch, kwarg_texts, index)
        )

    def on_repeat(self, element, path: Loc, ctx: _Ctx) -> None:
        call = self.qualify(key_of(element.func)) if type(element) is cst.Call else None
        self.scope.repeats.append(Repeat(key_of(element) if call is None else None, call, ctx.conds, ctx.stmt,
                                         self.next_order(), path))

    def on_self_load(self, attr: str, path: Loc, ctx: _Ctx) -> None:
        if self.scope is None:
            return
        guarded = ctx.guard_attr or any(
            c.kind == "hasattr" and not c.negated and c.subject == "self" and c.attr == attr for c in ctx.conds
        )
        flags = tuple(c.subject[5:] for c in ctx.conds if c.kind == "truthy" and not c.negated and c.subject
                      and c.subject.startswith("self.") and c.subject.count(".") == 1)
        self.scope.loads.append(SelfLoad(attr, guarded, path, self.next_order(), flags))

    # ---- conditions -------------------------------------------------------------------------------
    def conds_of(self, test: cst.BaseExpression, path: Loc = ()) -> list[Cond]:
        if type(test) is cst.BooleanOperation and type(test.operator) is cst.And:
            # what holds after `x op y`: conds(x) + conds(y) for `and`, nothing known for `or`
            operands = _bool_chain(test, path)
            out: list[Cond] = self.conds_of(operands[0][0], operands[0][1])
            for operand, operand_path, op in operands[1:]:
                out = out + self.conds_of(operand, operand_path) if type(op) is cst.And else [Cond("other")]
            return out
        if type(test) is cst.BooleanOperation and type(test.operator) is cst.Or:
            # "weight_hh" in name or ".u.weight" in name: a name filter selecting any of the literals
            parts = [self.conds_of(operand, operand_path) for operand, operand_path, _ in _bool_chain(test, path)]
            if all(len(c) == 1 and c[0].kind == "namehas" and not c[0].negated for c in parts) and \
                    len({c[0].subject for c in parts}) == 1:
                return [Cond("nameany", parts[0][0].subject, tuple(c[0].attr for c in parts))]
            if all(len(c) == 1 and c[0].kind == "isinstance" and not c[0].negated for c in parts) and \
                    len({c[0].subject for c in parts}) == 1:
                # isinstance(m, nn.Conv2d) or isinstance(m, nn.Linear): one isinstance on the union of the types
                return [Cond("isinstance", parts[0][0].subject, tuple(t for c in parts for t in c[0].types))]
            return [Cond("other")]
        if type(test) is cst.UnaryOperation and type(test.operator) is cst.Not:
            inner = self.conds_of(test.expression, path + ("expression",))
            if len(inner) != 1:
                return [Cond("other")]
            cond = inner[0].negate()
            if cond.kind == "typeeq" and cond.loc == path + ("expression",):
                # `not type(m) == X`: the fix rewrites the whole `not ...` expression
                cond = Cond(cond.kind, cond.subject, cond.types, cond.attr, cond.negated, path, cond.text,
                            not cond.loc_negated)
            return [cond]
        if type(test) is cst.Call:
            fkey = key_of(test.func)
            args = test.args
            if fkey == "isinstance" and len(args) == 2:
                return [Cond("isinstance", key_of(args[0].value), self.type_tuple(args[1].value))]
            if fkey == "hasattr" and len(args) == 2:
                name = literal(args[1].value)
                return [Cond("hasattr", key_of(args[0].value), attr=name if isinstance(name, str) else None)]
            if type(test.func) is cst.Attribute and test.func.attr.value in ("startswith", "endswith") and args:
                lit = literal(args[0].value)
                if isinstance(lit, str):
                    cls_subject = self.classname_subject(test.func.value)
                    if cls_subject is not None:
                        return [Cond("classname", cls_subject, attr=lit)]
                    return [Cond("namehas", key_of(test.func.value), attr=lit)]
            if args and fkey is not None:
                # a predicate on a value (``exists(m.bias)``): what it tests is unknown, but on what is known
                return [Cond("call", key_of(args[0].value), attr=fkey)]
            return [Cond("other")]
        if type(test) is cst.Comparison and len(test.comparisons) == 1:
            comp = test.comparisons[0]
            op = comp.operator
            left, right = test.left, comp.comparator
            if type(op) in (cst.Is, cst.IsNot, cst.Equal, cst.NotEqual) and literal(right) is None \
                    and type(right) is cst.Name:
                subject = self.guard_subject(left)
                return [Cond("isnone", subject, negated=type(op) in (cst.IsNot, cst.NotEqual))]
            if isinstance(op, (cst.GreaterThan, cst.GreaterThanEqual, cst.Equal, cst.NotEqual, cst.LessThan,
                               cst.LessThanEqual)):
                dim = _dim_subject(left)
                if dim is not None:
                    return [Cond("dim", dim)]
                if type(op) in (cst.Equal, cst.NotEqual):
                    t = _type_subject(left)
                    if t is not None:
                        neg = type(op) is cst.NotEqual
                        return [Cond("typeeq", t, self.type_tuple(right), negated=neg, loc=path, text=_text(right),
                                     loc_negated=neg)]
                    found = _classname_find(left, self.classname_subject)
                    if found is not None:  # `name.find("X") == -1`: the name does not hold X
                        return [Cond("classname", found[0], attr=found[1],
                                     negated=type(op) is cst.Equal and literal(right) == -1)]
                    lit = literal(right)
                    cls_subject = _classname_subject(left) if type(left) is cst.Attribute else None
                    if isinstance(lit, str) and cls_subject is not None:
                        # type(m).__name__ == "Linear": the class name is exactly the literal
                        return [Cond("classname", cls_subject, attr=lit, negated=type(op) is cst.NotEqual,
                                     text="==")]
                    if isinstance(lit, str) and type(left) in (cst.Name, cst.Attribute):
                        # ``name == "bias_hh_l0"``: still unknown to every rule ("other"), the literal kept
                        return [Cond("other", key_of(left), attr=lit, negated=type(op) is cst.NotEqual,
                                     text="==")]
            if type(op) in (cst.Is, cst.IsNot):
                t = _type_subject(left)
                if t is not None:
                    neg = type(op) is cst.IsNot
                    return [Cond("typeeq", t, self.type_tuple(right), negated=neg, loc=path, text=_text(right),
                                 loc_negated=neg)]
            if type(op) in (cst.In, cst.NotIn):
                lit = literal(left)
                if isinstance(lit, str):
                    rkey = key_of(right)
                    cls_subject = self.classname_subject(right)
                    if cls_subject is not None:
                        return [Cond("classname", cls_subject, attr=lit, negated=type(op) is cst.NotIn)]
                    return [Cond("namehas", rkey, attr=lit, negated=type(op) is cst.NotIn)]
                if type(right) in (cst.List, cst.Tuple, cst.Set) and right.elements and all(
                        isinstance(literal(el.value), str) for el in right.elements):
                    # name in ["fc2.weight", ...]: a selection by exact names
                    return [Cond("namein", key_of(left), tuple(literal(el.value) for el in right.elements),
                                 negated=type(op) is cst.NotIn)]
            return [Cond("other")]
        if type(test) in (cst.Name, cst.Attribute):
            return [Cond("truthy", key_of(test))]
        return [Cond("other")]

    def guard_subject(self, node: cst.BaseExpression) -> str | None:
        # getattr(m, 'bias', None) is not None  ->  m.bias
        if type(node) is cst.Call and key_of(node.func) == "getattr" and len(node.args) >= 2:
            base = key_of(node.args[0].value)
            name = literal(node.args[1].value)
            if base is not None and isinstance(name, str):
                return f"{base}.{name}"
        key = key_of(node)
        if key and key.endswith(".data"):
            key = key[:-5]
        return key

    def type_tuple(self, node: cst.BaseExpression) -> tuple[str, ...]:
        if type(node) in (cst.Tuple, cst.List):
            out: tuple[str, ...] = ()
            for el in node.elements:
                out += self.type_tuple(el.value)
            return out
        if type(node) is cst.BinaryOperation and type(node.operator) is cst.BitOr:
            return self.type_tuple(node.left) + self.type_tuple(node.right)
        key = key_of(node)
        if key is None:
            return ("?",)
        return (self.qualify(key),)

    # ---- statements -------------------------------------------------------------------------------
    def block(self, body, path: Loc, ctx: _Ctx, top: bool = False) -> None:
        conds_after: list[Cond] = []
        for i, stmt in enumerate(body):
            sctx = ctx.at(i) if top else ctx
            if conds_after:
                sctx = sctx.add(conds_after)
            self.stmt(stmt, path + (i,), sctx)
            # `if cond: return/continue` makes the rest of the block run under `not cond`
            if type(stmt) is cst.If and stmt.orelse is None and _ends_in_exit(stmt.body):
                conds = self.conds_of(stmt.test, path + (i, "test"))
                conds_after.append(conds[0].negate() if len(conds) == 1 else Cond("other"))

    def suite(self, suite, path: Loc, ctx: _Ctx, top: bool = False) -> None:
        self.block(suite.body, path + ("body",), ctx, top)

    def stmt(self, node: cst.CSTNode, path: Loc, ctx: _Ctx) -> None:
        t = type(node)
        if t in _SMALL_TYPES:  # the body of a one-line `if c: x = 1`
            self.small(node, path, ctx)
        elif t is cst.SimpleStatementLine:
            for j, small in enumerate(node.body):
                self.small(small, path + ("body", j), ctx)
        elif t is cst.If:
            self.expr(node.test, path + ("test",), ctx)
            conds = self.conds_of(node.test, path + ("test",))
            self.suite(node.body, path + ("body",), ctx.add(conds))
            if node.orelse is not None:
                neg = [conds[0].negate()] if len(conds) == 1 else [Cond("other")]
                orelse = node.orelse
                octx = ctx.add(neg)
                if type(orelse) is cst.If:
                    self.stmt(orelse, path + ("orelse",), octx)
                else:
                    self.suite(orelse.body, path + ("orelse", "body"), octx)
        elif t is cst.For:
            self.expr(node.iter, path + ("iter",), ctx)
            iterated, target = node.iter, node.target
            counted = _enumerated(node)
            if counted is not None:
                # for i, m in enumerate(self.modules()): the loop over what enumerate is given, the counter bound
                # as a local (its value is not known)
                iterated, target = counted
                if self.scope is not None:
                    self.scope.local_binds.setdefault(node.target.elements[0].value.value, []).append("?")
            items = tuple(key_of(el.value) for el in iterated.elements) if isinstance(
                iterated, (cst.List, cst.Tuple)) else ()
            if type(iterated) is cst.Name and iterated.value in self.list_items and self.scope is not None and \
                    len(self.scope.local_binds.get(iterated.value, ())) == 1:
                items = self.list_items[iterated.value]  # ps = [self.u, self.v]; for p in ps:
            loop = Loop(_target_names(target), key_of(iterated), path, ctx.stmt, items, _text(node.iter))
            if self.scope is not None:
                for el in target.elements if type(target) in (cst.Tuple, cst.List) else (target,):
                    el = el.value if type(el) is cst.Element else el
                    if type(el) is cst.Attribute and type(el.value) is cst.Name and el.value.value == "self":
                        # for self.layer in range(n): each iteration assigns self.layer
                        self.scope.stores.append(self.self_store(el.attr.value, None, path + ("target",), ctx))
                self.scope.loops.append(loop)
            self.suite(node.body, path + ("body",), ctx.add(loop=loop))
            if node.orelse is not None:
                self.suite(node.orelse.body, path + ("orelse", "body"), ctx)
        elif t is cst.While:
            self.expr(node.test, path + ("test",), ctx)
            self.suite(node.body, path + ("body",), ctx)
            if node.orelse is not None:
                self.suite(node.orelse.body, path + ("orelse", "body"), ctx)
        elif t is cst.Try or t is cst.TryStar:
            catches = any(_catches_attribute_error(h.type) for h in node.handlers)
            imports = self.summary.imports
            before = dict(imports)
            body_ctx = ctx.add(guard_attr=True) if catches else ctx
            caught = tuple(name for h in node.handlers if _ignores(h) for name in _caught_names(h.type))
            if caught:  # the body runs with these exceptions ignored (`except ValueError: pass`)
                body_ctx = body_ctx.add([Cond("catches", types=caught)])
            self.suite(node.body, path + ("body",), body_ctx)
            after_body = dict(imports)
            bound_body = {k for k, v in after_body.items() if before.get(k) != v} | _bound_names(node.body.body)
            for k, handler in enumerate(node.handlers):
                self.suite(handler.body, path + ("handlers", k, "body"), ctx)
                bound_handler = {k for k, v in imports.items() if after_body.get(k) != v} | \
                    _bound_names(handler.body.body)
                # `try: from fast import Norm / except ImportError: Norm = nn.LayerNorm`: which one is unknown
                self.summary.ambiguous.update(bound_body & bound_handler)
            if node.orelse is not None:
                self.suite(node.orelse.body, path + ("orelse", "body"), ctx)
            if node.finalbody is not None:
                self.suite(node.finalbody.body, path + ("finalbody", "body"), ctx)
        elif t is cst.With:
            no_grad = False
            caught: tuple = ()
            for k, item in enumerate(node.items):
                self.expr(item.item, path + ("items", k, "item"), ctx)
                key = key_of(item.item) or ""
                if key.endswith("no_grad()") or key.endswith("inference_mode()"):
                    no_grad = True
                if key.endswith("suppress()") and type(item.item) is cst.Call and (
                        self.qualify(key[:-2]) or "").endswith("contextlib.suppress"):
                    caught += tuple(n for a in item.item.args for n in _caught_names(a.value))
            body_ctx = ctx.add(no_grad=True) if no_grad else ctx
            if caught:  # with contextlib.suppress(ValueError): the body runs with these exceptions handled
                body_ctx = body_ctx.add([Cond("catches", types=caught)])
            self.suite(node.body, path + ("body",), body_ctx)
        elif t is cst.FunctionDef:
            self.function(node, path, ctx)
        elif t is cst.ClassDef:
            self.klass(node, path, ctx)
        elif t is cst.Match:
            self.expr(node.subject, path + ("subject",), ctx)
            for k, case in enumerate(node.cases):
                self.suite(case.body, path + ("cases", k, "body"), ctx)

    def small(self, node: cst.CSTNode, path: Loc, ctx: _Ctx) -> None:
        t = type(node)
        if t is cst.Expr:
            self.expr(node.value, path + ("value",), ctx)
        elif t is cst.Assign:
            target = key_of(node.targets[0].target) if len(node.targets) == 1 else None
            if target == "__all__" and type(node.value) in (cst.List, cst.Tuple):  # exported: referenced
                self.summary.names.update(v for el in node.value.elements
                                          if isinstance(v := literal(el.value), str))
            self.assign_value(node.value, path + ("value",), ctx, target)
            for k, each in enumerate(node.targets):
                self.store(each.target, path + ("targets", k, "target"), ctx, node.value)
        elif t is cst.AnnAssign:
            if node.value is not None:
                self.assign_value(node.value, path + ("value",), ctx, key_of(node.target))
            self.store(node.target, path + ("target",), ctx, node.value)
        elif t is cst.AugAssign:
            self.expr(node.value, path + ("value",), ctx)
            self.expr(node.target, path + ("target",), ctx)  # a read as well
            if type(node.target) is cst.Name and self.scope is not None:
                self.scope.aug_assigned.add(node.target.value)
            elif type(node.target) is cst.Attribute and self.scope is not None and key_of(node.target):
                self.scope.aug_assigned.add(key_of(node.target))  # self.flag |= x: an attribute updated
        elif t is cst.Return or t is cst.Raise or t is cst.Assert or t is cst.Del:
            for name in ("value", "exc", "cause", "test", "msg"):
                child = getattr(node, name, None)
                if child is not None and isinstance(child, cst.BaseExpression):
                    self.expr(child, path + (name,), ctx)
            if type(node) is cst.Return and self.scope is not None:
                self.scope.returns.add(key_of(node.value) or "?" if node.value is not None else "None")
                if self.scope.qualname != "<module>":
                    conds = self.conds_of(node.value) if node.value is not None else []
                    self._predicates.setdefault(id(self.scope), []).append(
                        conds[0] if len(conds) == 1 and conds[0].kind == "isinstance" and not conds[0].negated
                        else None)
            if type(node) is cst.Return and node.value is not None and self.scope is not None:
                value = node.value
                if type(value) is cst.Lambda or (
                        type(value) is cst.Call and (key_of(value.func) or "").endswith("partial")) or (
                        type(value) is cst.Name and value.value in {n.name for n in self.scope.nested}):
                    self.scope.returns_callable = True
            if type(node) is cst.Del:
                self.expr(node.target, path + ("target",), ctx)
        elif t is cst.Import or t is cst.ImportFrom:
            self.do_import(node)

    def assign_value(self, value: cst.BaseExpression, path: Loc, ctx: _Ctx, target: str | None) -> None:
        if type(value) is cst.Call:
            self.expr_call(value, path, ctx, target)
        else:
            self.expr(value, path, ctx)
        if self.scope is not None and target is not None and "." not in target:
            if type(value) is cst.List and not value.elements:
                bound = "[]"
            elif type(value) is cst.Call and key_of(value.func):
                bound = f"{self.qualify(key_of(value.func))}()"
            elif type(value) is cst.Attribute and _classname_subject(value) is not None:
                bound = CLASS_NAME_BIND  # name = m.__class__.__name__
            else:
                bound = "?"
            self.scope.local_binds.setdefault(target, []).append(bound)
            keys = tuple(key_of(e.value) for e in value.elements if type(e) is cst.Element) \
                if type(value) in (cst.List, cst.Tuple) and value.elements else ()
            if keys and all(keys) and len(self.scope.local_binds[target]) == 1:
                self.list_items[target] = keys
            else:
                self.list_items.pop(target, None)
        if self.scope is not None and target is not None and "." not in target and _is_lookup(value):
            self.lookups.add(target)  # fn = self.inits[name] / fn = inits.get(name)
        # local aliases of classes: norm_layer = nn.BatchNorm2d
        if self.scope is not None and target is not None and "." not in target:
            vkey = key_of(value)
            # w = self.fc.weight (an alias); any other value rebinds the name ("")
            self.scope.binds.append((target, vkey if vkey is not None and type(value) is cst.Attribute else "",
                                     self.next_order()))
            if vkey is not None and type(value) in (cst.Name, cst.Attribute):
                qual = self.qualify(vkey)
                if qual and qual.rsplit(".", 1)[-1][:1].isupper():
                    self.aliases[target] = qual

    def store(self, target: cst.BaseExpression, path: Loc, ctx: _Ctx, value) -> None:
        if type(target) is cst.Attribute and type(target.value) is cst.Name \
                and target.value.value == "self":
            if self.scope is not None:
                self.scope.stores.append(self.self_store(target.attr.value, value, path, ctx))
            return
        if type(target) in (cst.Tuple, cst.List):
            for k, el in enumerate(target.elements):
                self.store(el.value, path + ("elements", k, "value"), ctx, None)
            return
        if type(target) is cst.StarredElement:
            self.store(target.value, path + ("value",), ctx, None)
            return
        if type(target) is cst.Attribute:
            self.expr(target.value, path + ("value",), ctx)
            tkey = key_of(target)
            if self.scope is not None and tkey is not None and value is not None:
                vkey = key_of(value) if type(value) in (cst.Name, cst.Attribute) else None
                self.scope.attr_stores.append(AttrStore(tkey, vkey or "", ctx.conds, ctx.stmt, self.next_order(),
                                                        path))
            receiver_key = key_of(target.value) or ""
            if target.attr.value == "__class__" and type(value) in (cst.Name, cst.Attribute):
                retyped = key_of(value)
                if retyped:
                    self.summary.retyped.add(self.qualify(retyped))
            if self.scope is not None:
                if target.attr.value == "data" and receiver_key:
                    self.scope.writes.add(receiver_key)  # self.w.data = torch.normal(...)
                if receiver_key in self.scope.params:
                    self.scope.param_attrs.add((receiver_key, target.attr.value))  # cls.__bases__ = ...
            receiver = receiver_key.rsplit(".", 1)[-1].lower()
            if receiver and not _CONFIG_NAMES.search(receiver):
                types = dispatch_types(ctx.conds, receiver_key)
                owners = {t.rsplit(".", 1)[-1] for t in types} if types else {"*"}
                self.summary.assigned_outside.setdefault(target.attr.value, set()).update(owners)
        elif type(target) is cst.Subscript:
            self.expr(target, path, ctx)
            base = key_of(target.value)
            # on an attribute chain, or on a parameter of the function (a helper given a tensor: ``E[:, 0::2] = x``)
            if base is not None and self.scope is not None and (
                    "." in base or base in self.scope.params and base not in ("self", "cls")):
                via_data = base.endswith(".data")
                if via_data:
                    base = base[: -len(".data")]
                index = None
                if len(target.slice) == 1 and type(target.slice[0].slice) is cst.Index:
                    index = key_of(target.slice[0].slice.value) or _text(target.slice[0].slice.value)
                value_call = self.qualify(key_of(value.func)) if type(value) is cst.Call else None
                self.scope.item_stores.append(ItemStore(
                    base, index, literal(value) if value is not None else UNKNOWN, ctx.conds, ctx.loops,
                    ctx.stmt, self.next_order(), path, via_data, ctx.no_grad, value_call))
        if type(target) is cst.Name and self.cls is not None and self.scope is None:
            self.cls.attrs.add(target.value)

    def self_store(self, attr: str, value, path: Loc, ctx: _Ctx) -> SelfStore:
        kind, call, elements, args = "other", None, (), ()
        mentions: frozenset = frozenset()
        if type(value) is cst.Call:
            kind, call = "call", self.qualify(key_of(value.func))
            args = tuple(self.make_arg(a, False) for a in value.args)
            mentions = frozenset(_names_in(value.args))
        elif type(value) in (cst.List, cst.Tuple, cst.Set):
            kind = {cst.List: "list", cst.Tuple: "tuple", cst.Set: "set"}[type(value)]
            elements = tuple(
                self.qualify(key_of(el.value.func)) if type(el.value) is cst.Call else None
                for el in value.elements
            )
        elif type(value) is cst.Dict:
            kind = "dict"
            elements = tuple(
                self.qualify(key_of(el.value.func)) if type(el) is cst.DictElement
                and type(el.value) is cst.Call else None
                for el in value.elements
            )
        elif type(value) is cst.BinaryOperation:
            kind = "binop"
        elif type(value) in (cst.ListComp, cst.DictComp, cst.SetComp, cst.GeneratorExp):
            kind = "comp"
            elt = value.value if type(value) is cst.DictComp else value.elt
            if type(elt) is cst.Call:
                elements = (self.qualify(key_of(elt.func)),)
        name = value.value if type(value) is cst.Name else None
        return SelfStore(attr, kind, call, elements, args, ctx.stmt, self.next_order(), path, ctx.conds, mentions,
                         name)

    # ---- expressions ------------------------------------------------------------------------------
    def expr_call(self, node: cst.Call, path: Loc, ctx: _Ctx, target: str | None) -> None:
        self.on_call(node, path, ctx, target)
        self.expr(node.func, path + ("func",), ctx)
        for k, arg in enumerate(node.args):
            self.expr(arg.value, path + ("args", k, "value"), ctx)

    def expr(self, node: cst.CSTNode, path: Loc, ctx: _Ctx) -> None:  # noqa: C901 - one dispatch table
        t = type(node)
        if t is cst.Name:
            self.summary.names.add(node.value)
            return
        if t in _LEAVES:
            return
        if t is cst.Attribute:
            self.summary.names.add(node.attr.value)
            value = node.value
            if type(value) is not cst.Name or value.value != "self":
                self.summary.foreign_attrs.add(node.attr.value)
            if type(value) is cst.Name:
                if value.value == "self":
                    attr = node.attr.value
                    if attr == "__dict__" and self.scope is not None:
                        self.scope.uses_dict = True
                    self.on_self_load(attr, path, ctx)
                return
            self.expr(value, path + ("value",), ctx)
            return
        if t is cst.Call:
            self.expr_call(node, path, ctx, None)
            return
        if t is cst.BooleanOperation:
            # `a and b or c ...` nests to the left: walk the chain as a list, in linear time. Each operand is
            # reached under the conditions of the `and`-chain before it.
            operands = _bool_chain(node, path)
            first, first_path, _ = operands[0]
            self.expr(first, first_path, ctx)
            known = self.conds_of(first, first_path)
            for operand, operand_path, op in operands[1:]:
                if type(op) is cst.And:
                    self.expr(operand, operand_path, ctx.add(known))
                    known = known + self.conds_of(operand, operand_path)
                else:
                    # `a or b`: b runs where a is false (`not hasattr(self, "x") or self.x`)
                    failed = [known[0].negate()] if len(known) == 1 and known[0].kind != "other" else []
                    self.expr(operand, operand_path, ctx.add(failed))
                    known = [Cond("other")]
            return
        if t is cst.IfExp:
            self.expr(node.test, path + ("test",), ctx)
            conds = self.conds_of(node.test)
            self.expr(node.body, path + ("body",), ctx.add(conds))
            neg = [conds[0].negate()] if len(conds) == 1 else [Cond("other")]
            self.expr(node.orelse, path + ("orelse",), ctx.add(neg))
            return
        if t is cst.Lambda:
            self.expr(node.body, path + ("body",), ctx)
            return
        if t is cst.Dict and self.scope is not None:
            for el in node.elements:
                if type(el) is cst.DictElement and isinstance(key := literal(el.key), str):
                    self.scope.dict_keys.add(key)
        if self.scope is not None:
            if t is cst.BinaryOperation and type(node.operator) is cst.Multiply:
                for side in (node.left, node.right):
                    # `[m] * n`, and `[nn.Linear(d, d), nn.ReLU()] * depth`: each element is repeated
                    if type(side) in (cst.List, cst.Tuple) and side.elements and not any(
                            isinstance(el, cst.StarredElement) for el in side.elements):
                        for el in side.elements:
                            self.on_repeat(el.value, path, ctx)
            elif t is cst.ListComp and type(node.elt) in (cst.Name, cst.Attribute):
                targets = set()
                comp = node.for_in
                while comp is not None:
                    targets.update(_target_names(comp.target))
                    comp = comp.inner_for_in
                if (key_of(node.elt) or "").split(".", 1)[0] not in targets:
                    self.on_repeat(node.elt, path, ctx)
        for name in _child_fields(t):
            child = getattr(node, name)
            # what a field holds is read from this instance: the same field is a sequence in one node and None
            # in another (``FormattedStringExpression.format_spec``)
            kind = type(child)
            if kind is list or kind is tuple:
                for k, el in enumerate(child):
                    if type(el) in _NODE_TYPES:
                        self.expr(el, path + (name, k), ctx)
            elif kind in _WALKED_TYPES:
                self.expr(child, path + (name,), ctx)

    # ---- definitions ------------------------------------------------------------------------------
    def function(self, node: cst.FunctionDef, path: Loc, ctx: _Ctx) -> None:
        decorators = tuple(
            (key_of(d.decorator) or "").rstrip("()").rsplit(".", 1)[-1] for d in node.decorators
        )
        params = tuple(p.name.value for p in (*node.params.posonly_params, *node.params.params))
        signature = _signature(node.params)
        name = node.name.value
        outer, outer_aliases = self.scope, self.aliases
        nested = outer is not None and outer.qualname != "<module>"
        if nested:  # a function inside a function or method
            info = FunctionInfo(name, f"{outer.qualname}.{name}", outer.cls, params, decorators, path,
                                parent=outer.qualname)
            outer.nested.append(info)
        elif outer is None and self.cls is not None:  # a method
            info = FunctionInfo(name, f"{self.cls.qualname}.{name}", self.cls.name, params, decorators, path)
            self.cls.methods[name] = info
            if name in ("__getattr__", "__getattribute__"):
                self.cls.has_getattr = True
        else:  # a module-level function
            info = FunctionInfo(name, name, None, params, decorators, path)
        for k, d in enumerate(node.decorators):
            self.expr(d.decorator, path + ("decorators", k, "decorator"), ctx)
        info.signature = signature
        for p in (*node.params.posonly_params, *node.params.params, *node.params.kwonly_params):
            if p.default is not None and (value := literal(p.default)) is not UNKNOWN:
                info.defaults[p.name.value] = value
            elif p.default is not None and key_of(p.default) is not None:
                info.default_keys.add(key_of(p.default))  # block=Bottleneck: a class handed on as a value
        self.summary.scopes.append(info)
        no_grad = any(d in ("no_grad", "inference_mode") for d in decorators) or (nested and ctx.no_grad)
        self.scope = info
        self.aliases = dict(outer_aliases) if nested else {}
        outer_lookups, self.lookups = self.lookups, set()
        outer_items, self.list_items = self.list_items, {}
        inner = _Ctx(ctx.conds if nested else (), (), False, no_grad)
        self.block(node.body.body, path + ("body", "body"), inner, top=True)
        self.list_items = outer_items
        returned = self._predicates.pop(id(info), [])
        subject = params[1] if info.is_instance_method and len(params) > 1 else (params[0] if params else None)
        if returned and all(c is not None and c.subject == subject for c in returned):
            info.predicate = tuple(dict.fromkeys(t for c in returned for t in c.types))
        self.scope, self.aliases, self.lookups = outer, outer_aliases, outer_lookups

    def klass(self, node: cst.ClassDef, path: Loc, ctx: _Ctx) -> None:
        name = node.name.value
        if self.cls is not None:
            self.cls.attrs.add(name)
        qualname = f"{self.cls.qualname}.{name}" if self.cls is not None else name
        # a base bound differently in a try and its except handler (an optional import) is unresolved
        bases = tuple("?" if (key_of(b.value) or "").split(".", 1)[0] in self.summary.ambiguous
                      else self.qualify(key_of(b.value)) or "?" for b in node.bases if b.keyword is None)
        info = ClassInfo(name, qualname, bases, path)
        info.decorators = tuple(self.qualify(key_of(d.decorator)) or "?" for d in node.decorators)
        self.summary.classes.append(info)
        saved_cls, saved_scope = self.cls, self.scope
        self.cls, self.scope = info, None
        for i, stmt in enumerate(node.body.body):
            self.class_stmt(stmt, path + ("body", "body", i), ctx)
        self.cls, self.scope = saved_cls, saved_scope

    def class_stmt(self, stmt, path: Loc, ctx: _Ctx) -> None:
        if isinstance(stmt, (cst.SimpleStatementLine, cst.BaseSmallStatement)):
            smalls = stmt.body if type(stmt) is cst.SimpleStatementLine else [stmt]
            for j, small in enumerate(smalls):
                if type(small) is cst.Assign:
                    for t in small.targets:
                        for name in _target_names(t.target):
                            self.cls.attrs.add(name)
                elif type(small) is cst.AnnAssign and type(small.target) is cst.Name:
                    self.cls.attrs.add(small.target.value)
                elif type(small) in (cst.Import, cst.ImportFrom):
                    self.do_import(small)
        elif type(stmt) in (cst.If, cst.Try):
            for part_path, part in _sub_blocks(stmt, path):
                for i, inner in enumerate(part):
                    self.class_stmt(inner, part_path + (i,), ctx)
        else:
            self.stmt(stmt, path, ctx)


INTEREST_OR_INIT = INTERESTING | frozenset(INIT_FUNCTIONS) | frozenset(DEPRECATED_INIT) | frozenset(MISSING_INIT)

_LEAVES = (cst.Integer, cst.Float, cst.Imaginary, cst.SimpleString, cst.Ellipsis)
_SKIP = (cst.BaseParenthesizableWhitespace, cst.LeftParen, cst.RightParen, cst.BaseBinaryOp, cst.BaseBooleanOp,
         cst.BaseUnaryOp, cst.BaseCompOp, cst.Comma, cst.AssignEqual, cst.Colon, cst.Dot, cst.Semicolon,
         cst.LeftSquareBracket, cst.RightSquareBracket, cst.LeftCurlyBrace, cst.RightCurlyBrace)


def _subclasses(root: type) -> set:
    out, todo = set(), [root]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in out:
                out.add(sub)
                todo.append(sub)
    return out


#: every libcst node class, and those the expression walk descends into: the walk tests a child's exact type
#: against these sets (isinstance on libcst's ABCs costs a Python-level call per test)
_NODE_TYPES = frozenset(_subclasses(cst.CSTNode))
_WALKED_TYPES = frozenset(t for t in _NODE_TYPES if not issubclass(t, _SKIP))
_SMALL_TYPES = frozenset(_subclasses(cst.BaseSmallStatement))
#: fields that never hold an expression (whitespace, punctuation, brackets)
_NOT_CHILDREN = frozenset(
    """lpar rpar whitespace_before whitespace_after comma operator header footer lbracket rbracket lbrace rbrace
    semicolon equal star whitespace_after_star whitespace_after_param whitespace_before_colon whitespace_after_colon
    whitespace_after_arg whitespace_before_arg colon whitespace_before_in whitespace_after_in whitespace_before_if
    whitespace_after_if whitespace_before_else whitespace_after_else whitespace_after_await whitespace_after_lambda
    whitespace_before_indicator whitespace_after_indicator whitespace_before_from whitespace_after_from
    whitespace_after_for whitespace_before_for asynchronous prefix start end quote whitespace_after_yield""".split()
)


def _writes_tensor(name: str) -> bool:
    """Whether a ``torch.nn.init`` function of this name writes the tensor it is given: the initializers (and
    their deprecated spellings) do; ``calculate_gain`` and the private helpers (``_calculate_fan_in_and_fan_out``,
    ``_no_grad_normal_``...) only compute from it or are internals."""
    return not name.startswith("_") and name != "calculate_gain"


@functools.lru_cache(maxsize=None)
def _child_fields(node_type: type) -> tuple[str, ...]:
    """The fields of a libcst node type that may hold child nodes, from the type's declaration alone.

    Only field *names* are derived from the type (they are the same for every instance, so caching them is
    safe); whether a field holds a node, a sequence or None is read from each instance.
    """
    return tuple(f.name for f in dataclasses.fields(node_type) if f.name not in _NOT_CHILDREN)


def _bool_chain(node: cst.BooleanOperation, path: Loc) -> list[tuple[cst.BaseExpression, Loc, Any]]:
    """``((a and b) or c)`` as ``[(a, path, None), (b, path, And), (c, path, Or)]``: each operand with its
    locator and the operator before it. Iterative: chains of thousands of terms cost linear time."""
    out = []
    while type(node) is cst.BooleanOperation:
        out.append((node.right, path + ("right",), node.operator))
        node, path = node.left, path + ("left",)
    out.append((node, path, None))
    out.reverse()
    return out


def _names_in(nodes, limit: int = 200) -> set:
    """Bare names mentioned anywhere in some expressions (bounded: constructor arguments are small)."""
    out: set = set()
    stack = list(nodes)
    while stack and limit > 0:
        limit -= 1
        node = stack.pop()
        if type(node) is cst.Name:
            out.add(node.value)
        elif type(node) is cst.Arg:
            stack.append(node.value)
        elif type(node) is cst.Attribute:
            stack.append(node.value)
        elif type(node) is cst.Call:
            stack.append(node.func)
            stack.extend(node.args)
        elif type(node) is cst.Subscript:
            stack.append(node.value)
        elif type(node) in (cst.List, cst.Tuple):
            stack.extend(el.value for el in node.elements)
        elif type(node) is cst.StarredElement:
            stack.append(node.value)
    return out


def _signature(params: cst.Parameters) -> Signature:
    positional = (*params.posonly_params, *params.params)
    required = sum(1 for p in positional if p.default is None)
    star = params.star_arg
    return Signature(required, None if type(star) is cst.Param else len(positional),
                     sum(1 for p in params.kwonly_params if p.default is None))


def _bound_names(body) -> set:
    """Names a block binds at its own level: assignments, imports, ``def`` and ``class``."""
    out: set = set()
    for stmt in body:
        if type(stmt) in (cst.FunctionDef, cst.ClassDef):
            out.add(stmt.name.value)
        elif type(stmt) is cst.SimpleStatementLine:
            for small in stmt.body:
                if type(small) is cst.Assign:
                    for t in small.targets:
                        out.update(_target_names(t.target))
                elif type(small) is cst.AnnAssign:
                    out.update(_target_names(small.target))
                elif type(small) is cst.Import:
                    for alias in small.names:
                        out.add(alias.asname.name.value if alias.asname is not None and isinstance(
                            alias.asname.name, cst.Name) else _dotted(alias.name).split(".")[0])
                elif type(small) is cst.ImportFrom and type(small.names) is not cst.ImportStar:
                    for alias in small.names:
                        out.add(alias.asname.name.value if alias.asname is not None and isinstance(
                            alias.asname.name, cst.Name) else _dotted(alias.name))
    return out


def _is_lookup(node) -> bool:
    """``d[k]`` or ``d.get(k)``: a value looked up by key."""
    if type(node) is cst.Subscript:
        return True
    return type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value == "get" \
        and bool(node.args)


def _dotted(node) -> str:
    if type(node) is cst.Name:
        return node.value
    if type(node) is cst.Attribute:
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


def _enumerated(node):
    """(the iterable, the element target) of ``for i, x in enumerate(it)`` (no start= or other argument), else
    None."""
    it, target = node.iter, node.target
    if type(it) is not cst.Call or type(it.func) is not cst.Name or it.func.value != "enumerate" or len(it.args) != 1 \
            or it.args[0].keyword is not None or it.args[0].star:
        return None
    if type(target) not in (cst.Tuple, cst.List) or len(target.elements) != 2 or \
            type(target.elements[0].value) is not cst.Name or type(target.elements[0]) is not cst.Element:
        return None
    return it.args[0].value, target.elements[1].value


def _target_names(node) -> tuple[str, ...]:
    if type(node) is cst.Name:
        return (node.value,)
    if type(node) in (cst.Tuple, cst.List):
        out: tuple[str, ...] = ()
        for el in node.elements:
            out += _target_names(el.value)
        return out
    if type(node) is cst.StarredElement:
        return _target_names(node.value)
    return ()


def _ends_in_exit(suite) -> bool:
    body = suite.body
    if not body:
        return False
    last = body[-1]
    if type(last) is cst.SimpleStatementLine:
        return isinstance(last.body[-1], _EXITS)
    return type(suite) is cst.SimpleStatementSuite and isinstance(body[-1], _EXITS)


def _ignores(handler) -> bool:
    """An ``except`` clause whose body only passes (``pass``, ``continue``, ``...``): the error is ignored on
    purpose, as ``contextlib.suppress`` does; a handler that reports, exits or re-raises is not."""
    body = handler.body.body
    for stmt in body:
        if type(stmt) is not cst.SimpleStatementLine:
            return False
        for small in stmt.body:
            if type(small) in (cst.Pass, cst.Continue):
                continue
            if type(small) is cst.Expr and type(small.value) in (cst.Ellipsis, cst.SimpleString):
                continue
            return False
    return True


def _caught_names(node) -> tuple:
    """The exception names an ``except`` clause (or ``suppress`` argument) catches: ``("ValueError",)``;
    ``("*",)`` for a bare ``except:``."""
    if node is None:
        return ("*",)
    if type(node) is cst.Tuple:
        return tuple(n for el in node.elements for n in _caught_names(el.value))
    name = (key_of(node) or "").rsplit(".", 1)[-1]
    return (name,) if name else ()


def _catches_attribute_error(node) -> bool:
    return bool(set(_caught_names(node)) & {"AttributeError", "Exception", "BaseException", "*"})


def _sub_blocks(stmt, path: Loc) -> Iterator[tuple]:
    """(locator, statements) of every block of an ``if``/``try`` in a class body."""
    if type(stmt) is cst.If:
        yield path + ("body", "body"), stmt.body.body
        if stmt.orelse is not None:
            if type(stmt.orelse) is cst.If:
                yield from _sub_blocks(stmt.orelse, path + ("orelse",))
            else:
                yield path + ("orelse", "body", "body"), stmt.orelse.body.body
    elif type(stmt) is cst.Try:
        yield path + ("body", "body"), stmt.body.body
        for k, h in enumerate(stmt.handlers):
            yield path + ("handlers", k, "body", "body"), h.body.body
        if stmt.orelse is not None:
            yield path + ("orelse", "body", "body"), stmt.orelse.body.body
        if stmt.finalbody is not None:
            yield path + ("finalbody", "body", "body"), stmt.finalbody.body.body


def _dim_subject(node) -> str | None:
    """``p.dim()``, ``p.ndim``, ``p.ndimension()``, ``len(p.shape)``, ``len(p.size())`` -> ``p`` (``p.data.dim()``
    too: the tensor's data has its dimensions)."""
    subject = _dim_subject_raw(node)
    while subject is not None and subject.endswith(".data"):
        subject = subject[:-5]
    return subject


def _dim_subject_raw(node) -> str | None:
    if type(node) is cst.Call:
        fkey = key_of(node.func) or ""
        if fkey == "len" and node.args:
            inner = key_of(node.args[0].value) or ""
            for suffix in (".shape", ".size()"):
                if inner.endswith(suffix):
                    return inner[: -len(suffix)]
            return None
        for suffix in (".dim", ".ndimension"):
            if fkey.endswith(suffix):
                return fkey[: -len(suffix)]
        return None
    key = key_of(node) or ""
    if key.endswith(".ndim"):
        return key[:-5]
    return None


def _type_subject(node) -> str | None:
    """``type(m)`` / ``m.__class__`` -> ``m``."""
    if type(node) is cst.Call and key_of(node.func) == "type" and len(node.args) == 1:
        return key_of(node.args[0].value)
    key = key_of(node) or ""
    if key.endswith(".__class__"):
        return key[: -len(".__class__")]
    return None


#: what ``local_binds`` records for ``name = m.__class__.__name__`` / ``type(m).__name__``
CLASS_NAME_BIND = "<class name>"


def _classname_subject(node) -> str | None:
    """``m.__class__.__name__`` / ``type(m).__name__`` / ``classname`` -> subject key."""
    key = key_of(node) or ""
    if key.endswith(".__class__.__name__"):
        return key[: -len(".__class__.__name__")]
    if type(node) is cst.Attribute and node.attr.value == "__name__":
        return _type_subject(node.value)
    if type(node) is cst.Name and "class" in node.value.lower():
        return node.value  # classname = m.__class__.__name__
    return None


def _classname_find(node, subject_of) -> tuple[str, str] | None:
    """``classname.find('Conv')`` -> (``classname``, ``Conv``); ``subject_of`` reads the receiver's subject
    (``_Extractor.classname_subject``)."""
    if type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value in (
            "find", "startswith", "endswith", "index") and node.args:
        lit = literal(node.args[0].value)
        subject = subject_of(node.func.value)
        if isinstance(lit, str) and subject is not None:
            return subject, lit
    return None


GENERATED_MARK = "This file was automatically generated from"


def summarize_module(module: cst.Module, path: str, module_name: str, is_package: bool,
                     text: str = "", init_functions=()) -> FileSummary:
    """The summary of one parsed file; ``init_functions`` are the extra initializer names of the
    ``init-functions`` setting that applies to this file."""
    ex = _Extractor(path, module_name, is_package, frozenset(init_functions))
    top = FunctionInfo("<module>", "<module>", None, (), (), ())
    ex.summary.scopes.append(top)
    ex.scope = top
    ex.block(module.body, ("body",), _Ctx(), top=True)
    head = text[:2000]
    if GENERATED_MARK in head:
        rest = head.split(GENERATED_MARK, 1)[1].strip().split()
        if rest:
            ex.summary.generated_from = rest[0].strip("`'\".")
    return ex.summary


def summarize_source(source: str, path: str = "<string>", module_name: str | None = None) -> FileSummary:
    """Parse and summarize source text (raises libcst.ParserSyntaxError on bad syntax)."""
    import os

    from .source import module_name_for

    name = module_name or (module_name_for(path) if os.path.exists(path) else "__main__")
    return summarize_module(cst.parse_module(source), path, name, path.endswith("__init__.py"), source)


# ---- pickling --------------------------------------------------------------------------------------------
# Summaries travel from the worker processes to the main one, and into the cache, as pickles. A slotted
# dataclass pickles by default as a dict of its slots (every field name, for each of the tens of thousands of
# calls and arguments of a large project); as the tuple of its field values it takes a third less space and
# about half the time to write and to read.
def _as_tuple(cls: type) -> None:
    names = tuple(f.name for f in dataclasses.fields(cls))

    def __reduce__(self):
        return cls, tuple([getattr(self, name) for name in names])

    cls.__reduce__ = __reduce__


for _cls in [value for value in list(globals().values()) if isinstance(value, type) and dataclasses.is_dataclass(value)
             and value.__module__ == __name__ and "__slots__" in vars(value)
             and all(f.init for f in dataclasses.fields(value))]:
    _as_tuple(_cls)
del _cls
