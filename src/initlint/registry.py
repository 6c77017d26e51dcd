"""The rule catalogue's codes, names and default status, without the rules themselves.

Read by everything that only has to *select* rules or name them (configuration, the cache's recall of a
whole report, the output, the flake8 plugin's option table), so that a run whose report comes from the cache
never imports libcst, the summary or the rules. ``tests/test_registry.py`` checks that this table is the one
the rule modules define.
"""

from __future__ import annotations

#: code -> (name, on by default)
CODES: dict[str, tuple[str, bool]] = {
    "INI001": ("undefined-layer", True),
    "INI002": ("unregistered-layer-container", True),
    "INI003": ("repeated-module-instance", True),
    "INI004": ("parameter-never-initialized", True),
    "INI005": ("unused-layer", False),
    "INI101": ("deprecated-init-function", True),
    "INI102": ("fan-init-on-vector", True),
    "INI103": ("invalid-init-argument", True),
    "INI104": ("kaiming-slope-as-gain", True),
    "INI105": ("init-on-module", True),
    "INI106": ("trunc-normal-absolute-bounds", False),
    "INI107": ("inplace-parameter-init", True),
    "INI108": ("nonlinearity-mismatch", False),
    "INI109": ("module-init-helper-given-tensor", True),
    "INI110": ("rnn-init-first-layer-only", True),
    "INI201": ("unguarded-optional-parameter", True),
    "INI202": ("init-dispatch-misses-layers", True),
    "INI203": ("class-name-dispatch", True),
    "INI204": ("exact-type-dispatch", True),
    "INI205": ("padding-idx-overwritten", True),
    "INI206": ("missing-weight-attribute", True),
    "INI207": ("duplicate-init-target", True),
    "INI208": ("stacked-gate-orthogonal", False),
    "INI209": ("unguarded-optional-parameter-latent", False),
    "INI210": ("init-coverage-report", False),
    "INI211": ("hf-init-weights-bypasses-guard", False),
    "INI301": ("init-after-pretrained-load", True),
    "INI302": ("init-loop-before-layers", True),
    "INI303": ("init-function-called-in-apply", True),
    "INI304": ("init-function-never-applied", True),
    "INI305": ("init-over-pretrained-submodule", True),
    "INI306": ("init-on-reparametrized-weight", True),
    "INI307": ("lazy-module-init-before-forward", True),
    "INI308": ("parent-loop-overrides-child-init", False),
    "INI309": ("apply-callable-cannot-take-module", True),
    "INI310": ("tied-weight-reinitialized", True),
    "INI311": ("hf-init-in-constructor", False),
    "INI900": ("syntax-error", True),
    "INI901": ("unused-noqa", False),
}


def matches(code: str, selector: str) -> bool:
    selector = selector.strip().upper()
    return selector == "ALL" or code.startswith(selector)


def select_codes(select: list[str] | None = None, ignore: list[str] | None = None,
                 extend_select: list[str] | None = None) -> list[str]:
    """ruff-style selection by code prefix; opt-in rules need their full code (or ALL)."""

    def chosen(code: str, selectors: list[str]) -> bool:
        default = CODES[code][1]
        for sel in selectors:
            sel = sel.strip().upper()
            if sel == "ALL" or sel == code or (default and code.startswith(sel)):
                return True
        return False

    if select is None:
        enabled = [c for c, (_, default) in CODES.items() if default]
    else:
        enabled = [c for c in CODES if chosen(c, select)]
    for code in CODES:
        if extend_select and code not in enabled and chosen(code, extend_select):
            enabled.append(code)
    if ignore:
        enabled = [c for c in enabled if not any(matches(c, sel) for sel in ignore)]
    return sorted(enabled)


def unknown_selectors(selectors) -> list[str]:
    """Selectors that match no rule (a usage error)."""
    return [s or '""' for s in selectors if not s.strip() or not any(matches(c, s) for c in CODES)]
