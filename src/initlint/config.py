"""Settings, resolved for each file as ruff does: the closest configuration file above it, then CLI flags.

A configuration file is ``.initlint.toml`` or ``initlint.toml`` (the keys at top level) or a ``pyproject.toml``
with a ``[tool.initlint]`` table (one without that table is passed over). In one folder ``.initlint.toml`` wins
over ``initlint.toml``, which wins over ``pyproject.toml``. The closest file is used alone (no merging with the
ones above), and its relative globs (``per-file-ignores``, ``exclude``, ``extend-exclude``) are relative to its
folder. ``--config FILE`` (relative globs then relative to the working directory) and ``--isolated`` give every
file the same settings. Flags on the command line override every file's settings.

A ``Resolver`` answers ``settings_for(path)``; it caches per directory, for the one run it belongs to.
"""

from __future__ import annotations

import fnmatch
import json
import os
import sys
from dataclasses import dataclass, field

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from .discovery import DEFAULT_EXCLUDES, _excluded
from .registry import CODES, matches, select_codes, unknown_selectors

KEYS = {
    "select": list, "ignore": list, "extend-select": list, "per-file-ignores": dict, "exclude": list,
    "extend-exclude": list, "respect-gitignore": bool, "output-format": str, "module-bases": list,
    "init-functions": list, "pretrained-loaders": list, "verify": dict, "max-file-size": int,
}
#: in one folder, the first of these that exists (a pyproject.toml only with [tool.initlint]) is the config
CONFIG_NAMES = (".initlint.toml", "initlint.toml", "pyproject.toml")
#: the rule options (per file, like the rule selection)
OPTION_KEYS = ("module-bases", "init-functions", "pretrained-loaders")


class ConfigError(Exception):
    pass


@dataclass
class Settings:
    """The settings of one configuration file (or of none), with the command line's flags applied."""

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
    #: the folder relative globs (``per-file-ignores``, ``exclude``) are relative to; None: the working directory
    base: str | None = None
    #: rules given explicitly (the Python API); None: chosen by select/ignore/extend-select
    explicit_rules: list | None = None
    #: the configuration file could not be used (bad TOML, unknown key...): its files are not checked
    error: str | None = None
    _rules: list | None = field(default=None, repr=False, compare=False)

    def rules(self) -> list:
        if self.explicit_rules is not None:
            return self.explicit_rules
        if self._rules is None:
            from .rules import RULES  # the rules themselves (libcst, the summary) only when they are to run

            self._rules = [RULES[code] for code in self.codes()]
        return self._rules

    def codes(self) -> list[str]:
        """The codes of the rules that run (no rule is imported)."""
        if self.explicit_rules is not None:
            return [rule.code for rule in self.explicit_rules]
        return select_codes(self.select, self.ignore, self.extend_select)

    def _base(self) -> str:
        return self.base if self.base is not None else os.getcwd()

    def ignored_here(self, path: str) -> list[str]:
        """The codes ``per-file-ignores`` turns off for ``path``."""
        if not self.per_file_ignores:
            return []
        rel = os.path.relpath(os.path.abspath(path), self._base()).replace(os.sep, "/")
        name = os.path.basename(path)
        out: list[str] = []
        for pattern, codes in self.per_file_ignores.items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(name, pattern):
                out.extend(codes)
        return out

    def apply_per_file_ignores(self, findings):
        if not self.per_file_ignores:
            return findings
        out = []
        for f in findings:
            codes = self.ignored_here(f.path)
            if not any(matches(f.code, code) for code in codes):
                out.append(f)
        return out

    def excluded(self, name: str, path: str, root: str | None = None) -> bool:
        """``path`` (a file or a folder named ``name``) matches an exclude glob: by name, as given, or relative to
        the folder being walked, the working directory or this configuration's folder."""
        return _excluded(name, path, self.excludes, root) or (
            self.base is not None and _excluded(name, path, self.excludes, self.base))

    def index_key(self) -> tuple:
        """Settings with the same key share a project index (the options it reads)."""
        return tuple(tuple(sorted(self.options.get(k, ()))) for k in ("module-bases", "pretrained-loaders"))

    def describe(self, path: str) -> str:
        """``--show-settings``: where the settings come from, then the settings as TOML."""

        def toml(value) -> str:  # JSON strings, lists and booleans are TOML too; tables are written inline
            if isinstance(value, dict):
                items = ", ".join(f"{json.dumps(k)} = {toml(v)}" for k, v in value.items())
                return f"{{ {items} }}" if items else "{}"
            return json.dumps(value, ensure_ascii=False)

        source = self.config_path or "(none: the defaults)"
        lines = [f"Resolved settings for: {json.dumps(path, ensure_ascii=False)}",
                 f"Settings path: {json.dumps(source, ensure_ascii=False) if self.config_path else source}", ""]
        values = [
            ("select", self.select if self.select is not None else ["INI"]),
            ("ignore", self.ignore or []),
            ("extend-select", self.extend_select or []),
            ("enabled", [r.code for r in self.rules()]),
            ("per-file-ignores", self.per_file_ignores),
            ("exclude", list(self.excludes)),
            ("relative-to", self._base()),
            ("respect-gitignore", self.respect_gitignore),
            ("output-format", self.output_format),
        ]
        values += [(key, list(self.options.get(key, []))) for key in OPTION_KEYS]
        lines += [f"{key} = {toml(value)}" for key, value in values]
        return "\n".join(lines)


def _has_table(path: str) -> bool:
    """A pyproject.toml counts as a configuration file only with a [tool.initlint] table."""
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError:
        return False
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    tool = data.get("tool", {})
    return isinstance(tool, dict) and "initlint" in tool


def config_in(directory: str) -> str | None:
    """The configuration file of ``directory`` itself, if it has one (ruff's order of precedence)."""
    for name in CONFIG_NAMES:
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate) and (name != "pyproject.toml" or _has_table(candidate)):
            return candidate
    return None


def find_config(start: str) -> str | None:
    """The closest configuration file at or above ``start`` (a folder, or a file's folder)."""
    current = os.path.abspath(start if os.path.isdir(start) else os.path.dirname(start) or ".")
    while True:
        found = config_in(current)
        if found:
            return found
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


find_pyproject = find_config  # the old name


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


@dataclass
class Overrides:
    """The command line's settings flags; each one set overrides every file's configuration."""

    select: list[str] | None = None
    ignore: list[str] | None = None
    extend_select: list[str] | None = None
    exclude: list[str] | None = None
    extend_exclude: list[str] | None = None
    respect_gitignore: bool | None = None
    output_format: str | None = None
    max_file_size: int | None = None

    @classmethod
    def from_args(cls, args) -> "Overrides":
        out = cls(**{name: getattr(args, name, None) for name in cls.__dataclass_fields__})
        for name in ("select", "ignore", "extend_select"):
            value = getattr(out, name)
            bad = unknown_selectors(value) if value is not None else []
            if bad:
                raise ConfigError(f"--{name.replace('_', '-')} names no rule: {', '.join(bad)}"
                                  f" (known: {', '.join(CODES)})")
        return out


def build_settings(table: dict, config_path: str | None, base: str | None, overrides: Overrides,
                   paths: list[str] | None = None) -> Settings:
    """One configuration table (already validated) with the flags applied."""
    settings = Settings(paths=list(paths or ["."]), config_path=config_path, base=base)
    settings.select = table.get("select")
    settings.ignore = table.get("ignore")
    settings.extend_select = table.get("extend-select")
    settings.per_file_ignores = table.get("per-file-ignores", {})
    excludes = tuple(table.get("exclude", DEFAULT_EXCLUDES)) + tuple(table.get("extend-exclude", ()))
    settings.respect_gitignore = table.get("respect-gitignore", True)
    settings.output_format = table.get("output-format", "concise")
    settings.options = {k: table[k] for k in OPTION_KEYS if k in table}
    if "max-file-size" in table:
        settings.options["max-file-size"] = table["max-file-size"]
    if overrides.max_file_size is not None:
        settings.options["max-file-size"] = overrides.max_file_size
    if overrides.select is not None:
        settings.select = overrides.select
    if overrides.ignore is not None:
        settings.ignore = overrides.ignore
    if overrides.extend_select is not None:
        settings.extend_select = list(settings.extend_select or []) + list(overrides.extend_select)
    if overrides.exclude is not None:
        excludes = tuple(overrides.exclude)
    if overrides.extend_exclude:
        excludes += tuple(overrides.extend_exclude)
    settings.excludes = excludes
    if overrides.respect_gitignore is not None:
        settings.respect_gitignore = overrides.respect_gitignore
    if overrides.output_format:
        settings.output_format = overrides.output_format
    return settings


class Resolver:
    """``settings_for(path)``: the settings of the closest configuration file above ``path``.

    One resolver belongs to one run: it reads each configuration file once and remembers, per directory, which
    file governs it. Nothing is cached beyond the resolver.
    """

    def __init__(self, args=None, fixed: Settings | None = None):
        self.overrides = Overrides.from_args(args) if args is not None else Overrides()
        self.paths = list(getattr(args, "paths", None) or ["."]) if args is not None else ["."]
        self.fixed = fixed
        self._dirs: dict[str, str | None] = {}  # absolute directory -> its configuration file (None: none)
        self._configs: dict[str | None, Settings] = {}
        if fixed is None and args is not None:
            config = getattr(args, "config", None)
            if getattr(args, "isolated", False):
                self.fixed = build_settings({}, None, None, self.overrides, self.paths)
            elif config:
                if not os.path.isfile(config):
                    raise ConfigError(f"config file {config} not found")
                self.fixed = build_settings(validate(load_table(config), config), os.path.abspath(config), None,
                                            self.overrides, self.paths)

    @classmethod
    def static(cls, settings: Settings) -> "Resolver":
        """Every file gets ``settings`` (the Python API, tests)."""
        return cls(fixed=settings)

    # ---- lookup ------------------------------------------------------------------------------------------
    def config_for_dir(self, directory: str) -> str | None:
        directory = os.path.abspath(directory)
        walked = []
        found: str | None = None
        current = directory
        while True:
            if current in self._dirs:
                found = self._dirs[current]
                break
            walked.append(current)
            try:
                here = config_in(current)
            except ConfigError as exc:  # a pyproject.toml that is not valid TOML: it may be meant for us
                here = os.path.join(current, "pyproject.toml")
                self._configs[os.path.abspath(here)] = Settings(config_path=os.path.abspath(here), error=str(exc))
            if here:
                found = os.path.abspath(here)
                break
            parent = os.path.dirname(current)
            if parent == current:
                break
            current = parent
        for folder in walked:
            self._dirs[folder] = found
        return found

    def _settings(self, config: str | None) -> Settings:
        settings = self._configs.get(config)
        if settings is None:
            if config is None:
                # no configuration file above: the working directory's, as ruff falls back to, or the defaults
                cwd_config = self.config_for_dir(os.getcwd())
                if cwd_config is not None:
                    settings = self._settings(cwd_config)
                else:
                    settings = build_settings({}, None, None, self.overrides, self.paths)
            else:
                try:
                    settings = build_settings(validate(load_table(config), config), config,
                                              os.path.dirname(config), self.overrides, self.paths)
                except ConfigError as exc:
                    settings = Settings(config_path=config, error=str(exc))
            self._configs[config] = settings
        return settings

    def errors(self) -> list[str]:
        """The configuration files met in this run that could not be used (their files were not checked)."""
        return sorted({s.error for s in self._configs.values() if s.error})

    def settings_for_dir(self, directory: str) -> Settings:
        """The settings of the files directly in ``directory``."""
        if self.fixed is not None:
            return self.fixed
        return self._settings(self.config_for_dir(directory))

    def settings_for(self, path: str) -> Settings:
        """The settings of the file ``path`` (which need not exist: standard input's ``--stdin-filename``)."""
        if self.fixed is not None:
            return self.fixed
        return self.settings_for_dir(os.path.dirname(os.path.abspath(path)))

    def run_settings(self) -> Settings:
        """Settings of the run as a whole (``output-format``, ``respect-gitignore``): the first path's."""
        first = self.paths[0] if self.paths else "."
        if first == "-":
            return self.settings_for_dir(os.getcwd())
        return self.settings_for_dir(first) if os.path.isdir(first) else self.settings_for(first)

    # ---- excludes ----------------------------------------------------------------------------------------
    def is_excluded(self, name: str, path: str, root: str | None = None) -> bool:
        """A folder or file met while walking: judged by the settings of the folder that holds it. Under a
        configuration file that cannot be used, nothing is checked (the run reports that file's error)."""
        settings = self.settings_for(path)
        return settings.error is not None or settings.excluded(name, path, root)

    def excluded_path(self, path: str) -> bool:
        """A file named explicitly (``--force-exclude``): excluded when it or a folder above it matches."""
        settings = self.settings_for(path)
        parts = os.path.normpath(path).split(os.sep)
        return any(settings.excluded(part, os.sep.join(parts[: i + 1])) for i, part in enumerate(parts) if part)


def resolve_settings(args) -> Settings:
    """The settings of the run's first path (kept for callers that want one ``Settings``)."""
    settings = Resolver(args).run_settings()
    if settings.error:
        raise ConfigError(settings.error)
    return settings
