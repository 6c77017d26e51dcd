"""Settings: ``[tool.initlint]`` of the nearest ``pyproject.toml`` (or ``--config FILE``), then CLI flags."""

from __future__ import annotations

import fnmatch
import os
import sys
from dataclasses import dataclass, field

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from .discovery import DEFAULT_EXCLUDES
from .rules import RULES, matches, unknown_selectors

KEYS = {
    "select": list, "ignore": list, "extend-select": list, "per-file-ignores": dict, "exclude": list,
    "extend-exclude": list, "respect-gitignore": bool, "output-format": str, "module-bases": list,
    "init-functions": list, "pretrained-loaders": list, "verify": dict, "max-file-size": int,
}


class ConfigError(Exception):
    pass


@dataclass
class Settings:
    paths: list[str] = field(default_factory=lambda: ["."])
    select: list[str] | None = None
    ignore: list[str] | None = None
    extend_select: list[str] | None = None
    per_file_ignores: dict = field(default_factory=dict)
    excludes: tuple = DEFAULT_EXCLUDES
    respect_gitignore: bool = True
    output_format: str = "concise"
    config_path: str | None = None
    options: dict = field(default_factory=dict)

    def apply_per_file_ignores(self, findings):
        if not self.per_file_ignores:
            return findings
        base = os.path.dirname(self.config_path) if self.config_path else os.getcwd()
        out = []
        for f in findings:
            rel = os.path.relpath(os.path.abspath(f.path), base).replace(os.sep, "/")
            name = os.path.basename(f.path)
            drop = any(
                (fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(name, pattern))
                and any(matches(f.code, code) for code in codes)
                for pattern, codes in self.per_file_ignores.items()
            )
            if not drop:
                out.append(f)
        return out


def find_pyproject(start: str) -> str | None:
    current = os.path.abspath(start if os.path.isdir(start) else os.path.dirname(start) or ".")
    while True:
        candidate = os.path.join(current, "pyproject.toml")
        if os.path.isfile(candidate):
            try:
                with open(candidate, "rb") as handle:
                    data = tomllib.load(handle)
            except OSError:
                data = {}
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"{candidate} is not valid TOML: {exc}") from None
            tool = data.get("tool", {})
            if isinstance(tool, dict) and "initlint" in tool:
                return candidate
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def load_table(path: str) -> dict:
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: `tool` must be a table")
    table = tool.get("initlint", {} if os.path.basename(path) == "pyproject.toml" else data)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.initlint] must be a table")
    return table


def validate(table: dict, path: str) -> dict:
    for key, value in table.items():
        if key not in KEYS:
            close = [k for k in KEYS if k.replace("-", "_") == key or k == key.replace("_", "-")]
            hint = f" (did you mean `{close[0]}`?)" if close else ""
            raise ConfigError(f"{path}: unknown key `{key}` in [tool.initlint]{hint}; known: {', '.join(KEYS)}")
        expected = KEYS[key]
        if not isinstance(value, expected):
            raise ConfigError(f"{path}: `{key}` must be a {expected.__name__}, got {type(value).__name__}")
        if expected is int and (isinstance(value, bool) or value < 0):
            raise ConfigError(f"{path}: `{key}` must be a whole number of bytes (0: no limit), got {value!r}")
        if expected is list and not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: `{key}` must be a list of strings")
    for key in ("select", "ignore", "extend-select"):
        bad = unknown_selectors(table.get(key, []))
        if bad:
            raise ConfigError(f"{path}: `{key}` names no rule: {', '.join(bad)}")
    for pattern, codes in table.get("per-file-ignores", {}).items():
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise ConfigError(f"{path}: per-file-ignores[{pattern!r}] must be a list of codes")
        bad = unknown_selectors(codes)
        if bad:
            raise ConfigError(f"{path}: per-file-ignores[{pattern!r}] names no rule: {', '.join(bad)}")
    return table


def resolve_settings(args) -> Settings:
    paths = args.paths or ["."]
    settings = Settings(paths=paths)
    table: dict = {}
    if not getattr(args, "isolated", False):
        path = args.config or find_pyproject(paths[0])
        if args.config and not os.path.isfile(args.config):
            raise ConfigError(f"config file {args.config} not found")
        if path:
            table = validate(load_table(path), path)
            settings.config_path = os.path.abspath(path)
    settings.select = table.get("select")
    settings.ignore = table.get("ignore")
    settings.extend_select = table.get("extend-select")
    settings.per_file_ignores = table.get("per-file-ignores", {})
    excludes = tuple(table.get("exclude", DEFAULT_EXCLUDES)) + tuple(table.get("extend-exclude", ()))
    settings.respect_gitignore = table.get("respect-gitignore", True)
    settings.output_format = table.get("output-format", "concise")
    settings.options = {k: table[k] for k in ("module-bases", "init-functions", "pretrained-loaders", "max-file-size")
                        if k in table}
    if getattr(args, "max_file_size", None) is not None:
        settings.options["max-file-size"] = args.max_file_size
    # command-line flags override the file
    for name in ("select", "ignore", "extend_select"):
        value = getattr(args, name, None)
        if value is not None:
            bad = unknown_selectors(value)
            if bad:
                raise ConfigError(f"--{name.replace('_', '-')} names no rule: {', '.join(bad)}"
                                  f" (known: {', '.join(RULES)})")
            if name == "extend_select" and settings.extend_select:
                value = list(settings.extend_select) + value
            setattr(settings, name, value)
    if getattr(args, "exclude", None) is not None:
        excludes = tuple(args.exclude)
    if getattr(args, "extend_exclude", None):
        excludes += tuple(args.extend_exclude)
    settings.excludes = excludes
    if getattr(args, "respect_gitignore", None) is not None:
        settings.respect_gitignore = args.respect_gitignore
    if getattr(args, "output_format", None):
        settings.output_format = args.output_format
    return settings
