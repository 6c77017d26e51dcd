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

Sub-blocks: a key may end in a row selector (rows along dim 0) that states exact values for those rows; the rest
of the tensor keeps its own rule (the stated rows are left out of its statistics)::

    "emb.weight[0]" = "zeros"                    # one row
    "Embedding.weight[padding_idx]" = "zeros"    # the row an attribute of the module names (None: no row)
    "table[0, 5]" = "zeros"                      # several rows
    "table[0:4]" = { init = "constant", val = 1.0 }  # a slice

A sub-block's value is ``zeros``, ``ones`` or ``constant`` (checked exactly).
"""
from __future__ import annotations

import difflib
import fnmatch
import os
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from .dists import Expected, RuntimeSchemeError
from .formulas import INIT_FUNCTIONS, bind_arguments, canonical_init_name, expected_for

__all__ = ["Rule", "Scheme", "Block", "load_scheme", "parse_scheme", "RuntimeSchemeError", "SPECIAL_RULES"]

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
    rows: str = ""  # a sub-block's row selector (``0``, ``0, 5``, ``0:4``, ``padding_idx``)


@dataclass(frozen=True)
class Block:
    """Rows of one tensor that a scheme key states exactly."""

    key: str
    rows: tuple[int, ...]
    value: float


_BLOCK_INITS = {"zeros": 0.0, "ones": 1.0}


def _split_selector(key: str) -> tuple[str, str] | None:
    if not key.endswith("]") or "[" not in key:
        return None
    base, _, sel = key[:-1].rpartition("[")
    if not base or any(ch in sel for ch in "[]*?"):  # a glob class (``w[0-9]``) is not a selector
        return None
    sel = sel.strip()
    import re

    if re.fullmatch(r"-?\d+(\s*,\s*-?\d+)*|-?\d*\s*:\s*-?\d*|[A-Za-z_]\w*", sel):
        return base, sel
    return None


def _rows_of(sel: str, module: Any, n: int) -> tuple[int, ...] | None:
    """The rows ``sel`` selects in a tensor of ``n`` rows (None: none, e.g. ``padding_idx`` is None)."""
    if n <= 0:
        return None
    if ":" in sel:
        lo, _, hi = sel.partition(":")
        return tuple(range(n))[slice(int(lo) if lo.strip() else None, int(hi) if hi.strip() else None)] or None
    if sel[0].isalpha() or sel[0] == "_":
        v = getattr(module, sel, None)
        if isinstance(v, bool) or not isinstance(v, int):
            return None
        return (v % n,) if -n <= v < n else None
    rows = []
    for part in sel.split(","):
        i = int(part)
        if not -n <= i < n:
            return None
        rows.append(i % n)
    return tuple(sorted(set(rows)))


def _is_type_token(tok: str) -> bool:
    return bool(tok) and tok[0].isupper() and not any(ch in tok for ch in "*?[]")


@dataclass
class Scheme:
    """An ordered set of rules; :meth:`resolve` gives the most specific rule for one parameter."""

    entries: list[SchemeEntry] = field(default_factory=list)
    source: str = "<scheme>"
    blocks: list[SchemeEntry] = field(default_factory=list)  # keys with a row selector

    @staticmethod
    def from_mapping(mapping: dict[str, Any], source: str = "<scheme>") -> "Scheme":
        if not isinstance(mapping, dict):
            raise RuntimeSchemeError(f"{source}: the scheme must be a table of pattern = initializer")
        entries = []
        blocks = []
        for order, (key, value) in enumerate(mapping.items()):
            where = f"{source}: {key!r}"
            split = _split_selector(key) if isinstance(key, str) else None
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
            if split is not None:
                if rule.init not in ("zeros", "ones", "constant"):
                    raise RuntimeSchemeError(f"{where}: a sub-block states exact values: zeros, ones or constant, "
                                             f"not {rule.init!r}")
                e = _entry(split[0], rule, order)
                e.key, e.rows = key, split[1]
                blocks.append(e)
                continue
            entries.append(_entry(key, rule, order))
        return Scheme(entries, source, blocks)

    def blocks_for(self, qualname: str, module: Any, pname: str, aliases: Sequence[str], n_rows: int) -> list[Block]:
        """The sub-blocks the scheme states for one tensor (of ``n_rows`` rows along dim 0)."""
        out = []
        mro = list(type(module).__mro__)
        names = (qualname,) + tuple(aliases)
        for e in self.blocks:
            if e.kind == "name":
                hit = any(fnmatch.fnmatchcase(n, e.key[: -len(e.rows) - 2]) for n in names)
            else:
                hit = _type_depth(mro, e.type_name) is not None and (e.param == "" or fnmatch.fnmatchcase(
                    pname, e.param))
            if not hit:
                continue
            rows = _rows_of(e.rows, module, n_rows)
            if rows is None:
                continue
            e.matched += 1
            val = _BLOCK_INITS.get(e.rule.init, dict(e.rule.kwargs).get("val", 0.0))
            out.append(Block(e.key, rows, float(val)))
        return out

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
        return [e.key for e in sorted(self.entries + self.blocks, key=lambda e: e.order) if e.matched == 0]

    def reset_counts(self) -> None:
        for e in self.entries + self.blocks:
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
