"""Declared initialization schemes: rules, the TOML form, and resolution for one parameter.

TOML form (standalone file with a ``[scheme]`` table, or ``[tool.initlint.verify.scheme]`` in pyproject.toml)::

    [scheme]
    "Linear.weight" = "xavier_normal"
    "Linear.bias" = "zeros"
    "Conv2d.weight" = { init = "kaiming_normal", mode = "fan_out", nonlinearity = "relu" }
    "head.*.bias" = { init = "constant", val = 0.0 }
    "*" = "default"

Keys are either ``LayerType.param`` / ``LayerType`` (a class name of the module owning the parameter, or of one
of its bases; ``torch.nn.Linear.weight`` also works) or glob patterns on qualified parameter names
(``fnmatch`` syntax). Most specific first:

1. an exact qualified parameter name;
2. a name glob naming a module path (``head.*.bias``), more literal characters first;
3. ``LayerType.param``, the module's own class before its bases;
4. ``LayerType`` (every parameter of that layer type);
5. a bare parameter-name glob (``*.bias``, ``*weight``);
6. ``*``.

Ties keep file order. Values: ``"default"`` (the layer's PyTorch default), ``"skip"`` (not checked), or any
``torch.nn.init`` name without the trailing underscore, as a string or a table with ``init`` and arguments.
"""
from __future__ import annotations

import difflib
import fnmatch
import os
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from .dists import Expected, RuntimeSchemeError
from .formulas import INIT_FUNCTIONS, bind_arguments, canonical_init_name, expected_for

__all__ = ["Rule", "Scheme", "load_scheme", "parse_scheme", "RuntimeSchemeError", "SPECIAL_RULES"]

SPECIAL_RULES = ("default", "skip")


@dataclass(frozen=True)
class Rule:
    """One declared initializer: ``init`` (canonical name, ``default`` or ``skip``) with its arguments."""

    init: str
    args: tuple = ()
    kwargs: tuple = ()  # sorted (key, value) pairs
    source: str = ""
    unknown_args: bool = False  # arguments that are not literals in the source code
    live: str = ""  # arguments read from the live model: ``std=self.config.initializer_range = 0.05``
    live_at: tuple = ()  # (file, cst path) of the init call whose arguments were read from the live model

    @staticmethod
    def make(init: str, args: Sequence[Any] = (), kwargs: dict | None = None, source: str = "",
             unknown_args: bool = False) -> "Rule":
        name = init if init in SPECIAL_RULES else canonical_init_name(init)
        if name is None:
            known = sorted(set(INIT_FUNCTIONS) | set(SPECIAL_RULES))
            close = difflib.get_close_matches(str(init).rstrip("_"), known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise RuntimeSchemeError(f"unknown initializer {init!r}{hint}; known: {', '.join(known)}")
        if name in SPECIAL_RULES:
            if args or kwargs:
                raise RuntimeSchemeError(f"{name!r} takes no arguments")
        elif not unknown_args:
            bind_arguments(name, tuple(args), dict(kwargs or {}))  # validates names and types
        return Rule(name, tuple(args), tuple(sorted((kwargs or {}).items())), source, unknown_args)

    def describe(self) -> str:
        if self.init in SPECIAL_RULES:
            return self.init
        parts = [repr(a) for a in self.args] + [f"{k}={v!r}" for k, v in self.kwargs]
        return f"{self.init}_({', '.join(parts)})"

    def expected(self, module: Any, pname: str, shape: Sequence[int], ancestors: Sequence[Any] = ()) -> Expected | None:
        """The distribution this rule gives a parameter of ``shape`` (None: nothing checkable)."""
        if self.init == "skip" or self.unknown_args:
            return None
        if self.init == "default":
            from .defaults import default_expected

            return default_expected(module, pname, shape, ancestors)
        return expected_for(self.init, shape, self.args, dict(self.kwargs), label=self.describe())


@dataclass
class SchemeEntry:
    key: str
    rule: Rule
    rank: int
    literal: int
    order: int
    kind: str  # "name" or "type"
    type_name: str = ""
    param: str = ""
    matched: int = 0


def _is_type_token(tok: str) -> bool:
    return bool(tok) and tok[0].isupper() and not any(ch in tok for ch in "*?[]")


@dataclass
class Scheme:
    """An ordered set of rules; :meth:`resolve` gives the most specific rule for one parameter."""

    entries: list[SchemeEntry] = field(default_factory=list)
    source: str = "<scheme>"

    @staticmethod
    def from_mapping(mapping: dict[str, Any], source: str = "<scheme>") -> "Scheme":
        if not isinstance(mapping, dict):
            raise RuntimeSchemeError(f"{source}: the scheme must be a table of pattern = initializer")
        entries = []
        for order, (key, value) in enumerate(mapping.items()):
            where = f"{source}: {key!r}"
            if isinstance(value, str):
                init, kwargs = value, {}
            elif isinstance(value, dict):
                if "init" not in value:
                    raise RuntimeSchemeError(f"{where}: a table needs an 'init' key")
                kwargs = dict(value)
                init = kwargs.pop("init")
                if not isinstance(init, str):
                    raise RuntimeSchemeError(f"{where}: 'init' must be a string")
            else:
                raise RuntimeSchemeError(f"{where}: expected an initializer name or a table, got {value!r}")
            try:
                rule = Rule.make(init, (), kwargs, source=f"scheme {key!r}")
            except RuntimeSchemeError as e:
                raise RuntimeSchemeError(f"{where}: {e}") from None
            entries.append(_entry(key, rule, order))
        return Scheme(entries, source)

    def resolve(self, qualname: str, module: Any, pname: str, aliases: Sequence[str] = ()) -> Rule | None:
        """Most specific rule for parameter ``qualname`` (= ``<module path>.<pname>``) of ``module``; a name key
        may also match one of the ``aliases`` of a tied or shared tensor."""
        best: tuple | None = None
        best_entry = None
        mro = [c for c in type(module).__mro__]
        names = (qualname,) + tuple(aliases)
        for e in self.entries:
            score = None
            if e.kind == "name":
                if any(fnmatch.fnmatchcase(n, e.key) for n in names):
                    score = (e.rank, -e.literal, 0, e.order)
            else:
                depth = _type_depth(mro, e.type_name)
                if depth is not None and (e.param == "" or fnmatch.fnmatchcase(pname, e.param)):
                    score = (e.rank, depth, 0, e.order)
            if score is not None and (best is None or score < best):
                best, best_entry = score, e
        if best_entry is None:
            return None
        best_entry.matched += 1
        return best_entry.rule

    def unmatched(self) -> list[str]:
        return [e.key for e in self.entries if e.matched == 0]

    def reset_counts(self) -> None:
        for e in self.entries:
            e.matched = 0


def _type_depth(mro: list[type], type_name: str) -> int | None:
    for depth, cls in enumerate(mro):
        if cls.__name__ == type_name or f"{cls.__module__}.{cls.__qualname__}" == type_name:
            return depth
        # torch.nn.Linear is defined in torch.nn.modules.linear
        if type_name.startswith("torch.nn.") and type_name.rsplit(".", 1)[-1] == cls.__name__ \
                and cls.__module__.startswith("torch.nn"):
            return depth
    return None


def _entry(key: str, rule: Rule, order: int) -> SchemeEntry:
    if not isinstance(key, str) or not key:
        raise RuntimeSchemeError(f"invalid scheme key {key!r}")
    literal = sum(1 for ch in key if ch not in "*?[]")
    if key == "*":
        return SchemeEntry(key, rule, 6, 0, order, "name")
    # type keys: "Linear", "Linear.weight", "torch.nn.Linear.weight"
    parts = key.split(".")
    if key.startswith("torch.nn."):
        tparts = [p for p in parts]
        type_idx = [i for i, p in enumerate(tparts) if _is_type_token(p)]
        idx = max(type_idx) if type_idx else -1
        if idx >= 0:
            tname = ".".join(tparts[: idx + 1])
            param = ".".join(tparts[idx + 1:])
            return SchemeEntry(key, rule, 3 if param else 4, literal, order, "type", tname, param)
    if _is_type_token(parts[0]) and len(parts) <= 2:
        param = parts[1] if len(parts) == 2 else ""
        return SchemeEntry(key, rule, 3 if param else 4, literal, order, "type", parts[0], param)
    has_glob = any(ch in key for ch in "*?[")
    if not has_glob:
        return SchemeEntry(key, rule, 1, literal, order, "name")
    module_part = parts[:-1]
    names_module = any(p not in ("*", "**", "") and not set(p) <= set("*?") for p in module_part)
    return SchemeEntry(key, rule, 2 if names_module else 5, literal, order, "name")


def parse_scheme(text: str, source: str = "<scheme>") -> Scheme:
    """Parse TOML text: a ``[scheme]`` table, or ``[tool.initlint.verify.scheme]`` (pyproject.toml)."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python < 3.11
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise RuntimeSchemeError(f"{source}: invalid TOML: {e}") from None
    verify = data.get("tool", {}).get("initlint", {}).get("verify")
    if isinstance(verify, dict) and "scheme" in verify:
        return Scheme.from_mapping(verify["scheme"], source)
    if "scheme" in data:
        return Scheme.from_mapping(data["scheme"], source)
    raise RuntimeSchemeError(f"{source}: no [scheme] table (or [tool.initlint.verify.scheme] in pyproject.toml)")


def load_scheme(path: str | os.PathLike) -> Scheme:
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        raise RuntimeSchemeError(f"cannot read scheme file {path}: {e.strerror}") from None
    return parse_scheme(text, str(path))


def as_scheme(scheme: Any) -> Scheme | None:
    """Accept a Scheme, a mapping (the ``[scheme]`` table), a path to a TOML file, or None."""
    if scheme is None or isinstance(scheme, Scheme):
        return scheme
    if isinstance(scheme, dict):
        return Scheme.from_mapping(scheme)
    if isinstance(scheme, (str, os.PathLike)):
        return load_scheme(scheme)
    raise RuntimeSchemeError(f"unsupported scheme {scheme!r}: pass a dict, a TOML path or a Scheme")


def iter_rules(scheme: Scheme) -> Iterable[Rule]:
    return (e.rule for e in scheme.entries)
