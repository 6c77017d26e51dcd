"""Verify every parameter of a built model against its declared scheme, or fingerprint it.

Family-wise error: every statistical test unit (one tensor with enough elements, or one pool of small tensors
that share a declared rule) gets a p-value; Holm's step-down procedure at ``alpha`` (default 1e-3) decides
which are rejected, so a correctly initialized model raises a false alarm with probability at most ``alpha``.
Exact checks (constants, eye, dirac, orthogonality, support bounds, zero rows) cannot false-alarm.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .checks import (DEFAULT_MAX_SAMPLES, MIN_POWER_N, CheckResult, check_tensor, combine, sample_tensor,
                     standard_tests)
from .defaults import default_expected
from .dists import Expected, RuntimeSchemeError
from .scheme import Rule, Scheme, as_scheme

__all__ = ["Entry", "Report", "verify_model", "inspect_model", "DefaultResolver", "SchemeResolver",
           "FAILING_VERDICTS"]

FAILING_VERDICTS = ("fail", "overwritten", "uninitialized")
#: verdicts of tensors that could not be verified (listed, counted in the summary; ``--strict`` fails on them)
UNVERIFIED_VERDICTS = ("inconclusive", "unchecked", "not materialized", "unverifiable")


@dataclass
class Entry:
    """One (possibly shared) parameter in a report."""

    names: list[str]
    layer: str
    shape: tuple[int, ...]
    dtype: str
    expected: str | None
    verdict: str
    p_value: float | None = None
    best_match: str | None = None
    stats: dict[str, Any] = field(default_factory=dict)
    reason: str = ""
    rule: str = ""
    components: dict[str, float] = field(default_factory=dict)
    written_by: str | None = None  # the recorded last write (when the model was built under the record)
    kind: str = "parameter"  # or "buffer"
    note: str = ""  # e.g. "newly initialized: not in the checkpoint"

    @property
    def name(self) -> str:
        return self.names[0]

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "names": list(self.names),
            "layer": self.layer,
            "shape": list(self.shape),
            "dtype": self.dtype,
            "expected": self.expected,
            "rule": self.rule,
            "verdict": self.verdict,
            "best_match": self.best_match,
            "p_value": self.p_value,
            "reason": self.reason,
            "written_by": self.written_by,
            "note": self.note,
            "kind": self.kind,
            "stats": dict(self.stats, tests=self.components),
        }


@dataclass
class Report:
    command: str
    target: str
    entries: list[Entry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    alpha: float = 1e-3
    unit_pvalues: list[float] = field(default_factory=list)  # one per statistical test unit (for calibration)
    strict: bool = False  # tensors that could not be verified make the report fail

    @property
    def failed(self) -> list[Entry]:
        return [e for e in self.entries if e.verdict in FAILING_VERDICTS]

    @property
    def unverified(self) -> list[Entry]:
        """Tensors that could not be verified (too small, not materialized, no checkable expectation)."""
        return [e for e in self.entries if e.verdict in UNVERIFIED_VERDICTS]

    @property
    def passed(self) -> bool:
        return not self.failed and not (self.strict and self.unverified)

    @property
    def exit_code(self) -> int:
        return 0 if self.passed else 1

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for e in self.entries:
            out[e.verdict] = out.get(e.verdict, 0) + 1
        return out

    def entry(self, name: str) -> Entry:
        for e in self.entries:
            if name in e.names:
                return e
        raise KeyError(name)

    def to_json(self) -> dict[str, Any]:
        return {"command": self.command, "target": self.target, "passed": self.passed, "alpha": self.alpha,
                "counts": self.counts(), "unverified": len(self.unverified), "notes": list(self.notes),
                "parameters": [e.to_json() for e in self.entries]}

    def to_text(self) -> str:
        from .report import format_text

        return format_text(self)


# --------------------------------------------------------------------------- resolvers
class DefaultResolver:
    """Every parameter is expected at its layer's PyTorch default."""

    description = "PyTorch defaults"

    def __init__(self, claims: bool = True):
        # claims: the defaults are what the user asserts (--defaults, a plain verify_model call); False when
        # they are only the fallback because no init code was found (then the record alone decides)
        self.claims = claims

    def rule_for(self, qualname: str, module: Any, pname: str) -> tuple[Rule | None, str]:
        return Rule("default", source="PyTorch default"), "PyTorch default"

    def finish(self) -> tuple[list[str], list[str]]:
        return [], []


class SchemeResolver:
    """Rules from a TOML scheme; parameters no key covers are checked against the PyTorch default."""

    def __init__(self, scheme: Scheme, strict: bool = False):
        self.scheme = scheme
        self.strict = strict  # keys that match nothing are errors (else warnings in the notes)
        self.scheme.reset_counts()
        self.description = f"scheme {scheme.source}"
        self.uncovered: list[str] = []
        self.claims = True

    def rule_for(self, qualname: str, module: Any, pname: str, aliases: tuple = ()) -> tuple[Rule | None, str]:
        rule = self.scheme.resolve(qualname, module, pname, aliases)
        if rule is None:
            self.uncovered.append(qualname)
            return Rule("default"), "no scheme key: PyTorch default"
        return rule, rule.source

    def finish(self) -> tuple[list[str], list[str]]:
        unmatched = [f"scheme key {k!r} matches no parameter" for k in self.scheme.unmatched()]
        errors = unmatched if self.strict else []
        notes = [f"warning: {u} (--strict-scheme makes this an error)" for u in unmatched] if not self.strict else []
        if self.uncovered:
            notes.append(f"{len(self.uncovered)} parameter(s) matched no scheme key and were checked against "
                         f"PyTorch's default: {_short_list(self.uncovered)}")
        return notes, errors


def _short_list(items: list[str], n: int = 8) -> str:
    return ", ".join(items[:n]) + (f", ... ({len(items) - n} more)" if len(items) > n else "")


# --------------------------------------------------------------------------- model walk
@dataclass
class _Param:
    tensor: Any
    names: list[str]
    module: Any
    pname: str
    ancestors: list[Any]
    kind: str = "parameter"
    reparam: Any = None  # a :class:`~initlint.runtime.unwrap.Reparam` for tensors behind a parametrization
    intent: str = ""  # the qualified name whose declared init judges it (``fc.weight`` for weight_norm's v)


def collect_parameters(model, buffers: bool = False) -> list[_Param]:
    """Unique parameters (and with ``buffers`` floating or integer buffers after them) in registration
    order; shared/tied ones (same object or same storage) once."""
    import torch

    from .unwrap import reparametrizations

    order = _collect(model, "_parameters")
    if buffers:
        order += _collect(model, "_buffers", {id(p.tensor) for p in order})
    reps = reparametrizations(model)
    if reps:
        names = {id(m): n for n, m in model.named_modules(remove_duplicate=False)}
        modules = dict(model.named_modules(remove_duplicate=False))
        for prm in order:
            rp = reps.get(id(prm.tensor))
            if rp is None:
                continue
            prm.reparam = rp
            mname = names.get(id(rp.module), "")
            if rp.role == "intent":
                # judged as the parameter it stands for, on the module that uses it
                prm.module, prm.pname = rp.module, rp.pname
                prm.intent = f"{mname}.{rp.pname}" if mname else rp.pname
                parts = mname.split(".") if mname else []
                prm.ancestors = [modules[".".join(parts[:i])] for i in range(len(parts) - 1, -1, -1)
                                 if ".".join(parts[:i]) in modules]
    _ = torch
    return order


def _collect(model, attr: str, exclude: set | None = None) -> list[_Param]:
    kind = "parameter" if attr == "_parameters" else "buffer"
    modules = dict(model.named_modules(remove_duplicate=False))
    seen: dict[Any, _Param] = {}
    order: list[_Param] = []
    for mname, mod in model.named_modules(remove_duplicate=False):
        ancestors = []
        parts = mname.split(".") if mname else []
        for i in range(len(parts) - 1, -1, -1):
            ancestors.append(modules.get(".".join(parts[:i]), None))
        ancestors = [a for a in ancestors if a is not None]
        for pname, p in getattr(mod, attr).items():
            if p is None or (exclude and id(p) in exclude):
                continue
            qual = f"{mname}.{pname}" if mname else pname
            key: Any = ("id", id(p))
            try:
                if not _is_lazy(p) and p.device.type != "meta" and p.numel() > 0:
                    key = ("storage", str(p.device), p.untyped_storage().data_ptr(), p.storage_offset(),
                           tuple(p.shape), tuple(p.stride()), str(p.dtype))
            except (RuntimeError, NotImplementedError):
                pass
            if ("id", id(p)) in seen:
                key = ("id", id(p))
            if key in seen:
                if qual not in seen[key].names:
                    seen[key].names.append(qual)
                continue
            entry = _Param(p, [qual], mod, pname, ancestors, kind)
            seen[key] = entry
            seen[("id", id(p))] = entry
            order.append(entry)
    return order


def _is_lazy(p) -> bool:
    from torch.nn.parameter import UninitializedParameter

    return isinstance(p, UninitializedParameter)


def _shape(p) -> tuple[int, ...]:
    return () if _is_lazy(p) else tuple(p.shape)


def _skip_reason(p) -> tuple[str, str] | None:
    import torch

    if _is_lazy(p):
        return "not materialized", "lazy parameter not initialized yet (run a forward pass first)"
    if p.device.type == "meta":
        return "not materialized", "parameter is on the meta device (no values)"
    if p.is_complex():
        return "skipped", f"complex dtype {p.dtype} is not checked"
    if not p.is_floating_point():
        return "skipped", f"integer/bool dtype {p.dtype} is not checked"
    if p.numel() == 0:
        return "skipped", "empty tensor"
    _ = torch
    return None


def verify_model(model, scheme: Any = None, *args, **kwargs) -> Report:
    """Check every parameter of ``model`` against ``scheme`` (None: PyTorch defaults) or ``resolver``.

    Keyword arguments: ``resolver`` (a declared-scheme resolver), ``alpha`` (family-wise false-alarm rate,
    1e-3), ``seed`` (subsample positions), ``max_samples`` (subsample cap per tensor), ``checkpoint`` (a state
    dict: a parameter present there is reported ``pretrained`` when it still equals the checkpoint value and
    ``overwritten`` -- a failure -- otherwise), ``target`` (a name for the report), ``record`` (the
    :class:`~initlint.runtime.record.Record` of the build: each tensor is then judged by intent, record and
    values), ``strict`` (tensors that could not be verified fail the report), ``strict_scheme``.
    Raises :class:`RuntimeSchemeError` when the scheme is invalid (or, with ``strict_scheme``, when a key
    matches no parameter; otherwise that is a warning in the notes).
    """
    from .checks import cpu_threads

    with cpu_threads():
        return _verify_model(model, scheme, *args, **kwargs)


def _verify_model(model, scheme: Any = None, *, resolver=None, alpha: float = 1e-3, seed: int = 0,
                  max_samples: int = DEFAULT_MAX_SAMPLES, checkpoint: dict | None = None,
                  target: str = "<model>", fingerprint_failures: bool = True, record=None,
                  strict: bool = False, strict_scheme: bool = False) -> Report:
    """Check every parameter of ``model`` against ``scheme`` (None: PyTorch defaults) or ``resolver``.

    ``checkpoint`` (a state dict): a parameter present there is reported ``pretrained`` when it still equals
    the checkpoint value and ``overwritten`` (a failure) otherwise; the others are checked statistically.
    Raises :class:`RuntimeSchemeError` when the scheme is invalid or a key matches no parameter.
    """
    import torch

    if resolver is None:
        sch = as_scheme(scheme)
        resolver = DefaultResolver() if sch is None else SchemeResolver(sch, strict=strict_scheme)
    report = Report("verify", target, alpha=alpha, strict=strict)
    if record is not None and not record.complete:
        report.notes.append("the record of the build is incomplete (" + "; ".join(record.errors[:2])
                            + "): judged without it")
        record = None
    from .unwrap import SCRIPT_REASON, is_script_module, layer_name, unwrap_model

    model, wrap_notes = unwrap_model(model)
    report.notes += wrap_notes
    params = collect_parameters(model, buffers=record is not None)
    if any(is_script_module(prm.module) for prm in params):
        report.notes.append("TorchScript module(s): their tensors cannot be verified (the classes and init code "
                            "are compiled away); verify the nn.Module before torch.jit.script/trace")
    if not any(prm.kind == "parameter" for prm in params):
        report.notes.append("the model has no parameters")
    results: list[tuple[Entry, CheckResult | None, _Param, Expected | None]] = []
    ckpt = checkpoint or {}
    sigs: dict[int, tuple | None] = {}
    recorded: set[int] = set()
    with torch.no_grad():
        for prm in params:
            p = prm.tensor
            entry = Entry(list(prm.names), layer_name(prm.module), _shape(p), str(p.dtype).replace("torch.", ""),
                          None, "pass", kind=prm.kind)
            skip = _skip_reason(p)
            if _unjudgeable(prm, entry, record, skip, is_script_module(prm.module), SCRIPT_REASON,
                            max_samples, seed):
                results.append((entry, None, prm, None))
                continue
            key = prm.intent or prm.names[0]
            if prm.kind == "buffer":
                rule, origin = None, ""
            else:
                if isinstance(resolver, SchemeResolver):  # a key may name any alias of a tied tensor
                    rule, origin = resolver.rule_for(key, prm.module, prm.pname,
                                                     tuple(n for n in prm.names if n != key))
                else:
                    rule, origin = resolver.rule_for(key, prm.module, prm.pname)
            entry.rule = origin
            blocks = []
            if isinstance(resolver, SchemeResolver) and prm.kind == "parameter" and not skip and p.dim() >= 1:
                blocks = resolver.scheme.blocks_for(key, prm.module, prm.pname,
                                                    tuple(n for n in prm.names if n != key), int(p.shape[0]))
            if prm.intent:
                entry.note = (f"{prm.reparam.how}: judged as {prm.intent}, against what the code declares for it"
                              + (" (the one used is P(original))" if prm.reparam.how != "weight_norm" else ""))
            if record is not None and _judge_recorded(record, prm, entry, rule, origin, resolver, skip, ckpt,
                                                      results, sigs, alpha, seed, max_samples, blocks):
                recorded.add(id(entry))
                continue
            if skip:
                entry.verdict, entry.reason = skip
                results.append((entry, None, prm, None))
                continue
            # a tensor whose shape differs from the checkpoint's was never loaded: newly initialized
            ck_name = next((n for n in prm.names if n in ckpt and tuple(ckpt[n].shape) == tuple(p.shape)), None)
            if ck_name is not None:
                ref = ckpt[ck_name]
                same = (tuple(ref.shape) == tuple(p.shape)
                        and torch.equal(ref.to(device=p.device, dtype=p.dtype), p.detach()))
                entry.expected = f"pretrained value from checkpoint ({ck_name})"
                entry.verdict = "pretrained" if same else "overwritten"
                entry.reason = ("still equals the checkpoint" if same else
                                "differs from the checkpoint: overwritten after loading (init after load?)")
                entry.stats = sample_tensor(p, max_samples=max_samples, seed=seed).stats()
                if not same and fingerprint_failures:
                    entry.best_match = _best_match(prm, p, seed, max_samples)
                results.append((entry, None, prm, None))
                continue
            rules = tuple(rule) if isinstance(rule, (tuple, list)) else (rule,)
            rule = rules[0]
            try:
                expecteds = [r.expected(prm.module, prm.pname, tuple(p.shape), prm.ancestors) if r else None
                             for r in rules]
            except RuntimeSchemeError as e:
                raise RuntimeSchemeError(f"{prm.names[0]}: {origin}: {e}") from None
            expected = expecteds[0]
            if len(expecteds) > 1 and all(x is not None for x in expecteds):
                # any of several declarations may hold: reject only when every one is rejected (p = max)
                entry.expected = " or ".join(x.label for x in expecteds)
                best = None
                for x in expecteds:
                    smp = sample_tensor(p, max_samples=max_samples, seed=seed, exclude_rows=x.zero_rows)
                    r_ = check_tensor(p, x, max_samples=max_samples, seed=seed, alpha=alpha, sample=smp)
                    key = (r_.verdict != "fail", r_.p_value if r_.p_value is not None else 1.0)
                    if best is None or key > best[0]:
                        best = (key, r_, smp)
                _, res, smp = best
                entry.stats = smp.stats()
                results.append((entry, res, prm, None))
                continue
            if expected is None:
                entry.verdict = "unchecked"
                if rule is not None and rule.init == "skip":
                    entry.reason = "skipped by the scheme"
                elif rule is not None and rule.unknown_args:
                    entry.reason = f"declared {rule.describe()} has non-literal arguments"
                else:
                    entry.reason = f"no known default for {entry.layer}.{prm.pname}"
                entry.stats = sample_tensor(p, max_samples=max_samples, seed=seed).stats()
                entry.best_match = _best_match(prm, p, seed, max_samples)
                results.append((entry, None, prm, None))
                continue
            entry.expected = expected.label
            p_stat = p
            if blocks:
                why = _block_failure(p, blocks, expected.zero_rows)
                if why is not None:
                    entry.verdict, entry.reason = "fail", why
                    entry.expected = _block_label(expected.label, blocks)
                    entry.stats = sample_tensor(p, max_samples=max_samples, seed=seed).stats()
                    results.append((entry, None, prm, None))
                    continue
                p_stat, expected = _without_rows(p, expected, blocks)
                entry.expected = expected.label
                if p_stat is None:
                    entry.verdict, entry.reason = "pass", "every row is stated by the scheme and holds exactly"
                    results.append((entry, None, prm, None))
                    continue
            excl: tuple[float, ...] = ()
            if expected.family == "trunc_normal" and expected.effective_family == "normal":
                excl = (expected.p["a"], expected.p["b"])  # old torch clamped to the absolute bounds
            smp = sample_tensor(p_stat, max_samples=max_samples, seed=seed, exclude_rows=expected.zero_rows,
                                exclude_values_at=excl)
            res = check_tensor(p_stat, expected, max_samples=max_samples, seed=seed, alpha=alpha, sample=smp)
            entry.stats = smp.stats()
            if not expected.zero_rows and not excl and not blocks:
                sigs[id(prm)] = _signature(p, smp)
            results.append((entry, res, prm, expected))

    _decide(report, results, alpha)
    for entry in report.entries:
        if id(entry) in recorded and entry.verdict == "fail" and entry.p_value is not None \
                and entry.expected and not entry.reason.startswith("declared"):
            entry.reason = f"values do not match the recorded {entry.expected}: {entry.reason}"
        if entry.note:
            entry.reason = f"{entry.note}; {entry.reason}" if entry.reason else entry.note
    _fail_untied(report, model)
    if fingerprint_failures:
        for entry, res, prm, expected in results:
            if (res is not None and entry.verdict in ("fail", "inconclusive")
                    or res is None and entry.verdict == "fail" and entry.best_match is None):
                entry.best_match = _best_match(prm, prm.tensor, seed, max_samples)
            elif res is not None and entry.verdict == "pass":
                entry.best_match = entry.expected
    if record is not None:
        resolver.recorded = True  # for the resolver's notes: uncovered tensors were judged by the record
    notes, errors = resolver.finish()
    if errors:
        raise RuntimeSchemeError("; ".join(errors))
    report.notes[:0] = notes
    _duplicate_notes(report, results, sigs)
    return report


def _fail_untied(report: Report, model) -> None:
    """A tie the model's code declares (``self.head.weight = self.embed.weight``, Hugging Face's
    ``_tied_weights_keys``) that the built model does not have fails the head: it was untied, and what
    initialized it afterwards is not what the model means."""
    from .ties import untied

    try:
        broken = untied(model)
    except Exception:  # noqa: BLE001 - ties not readable: nothing known about them
        return
    for target, source, where in broken:
        for entry in report.entries:
            if target in entry.names and source not in entry.names:
                entry.verdict = "fail"
                entry.reason = (f"untied: {where} ties `{target}` to `{source}`, but they are separate tensors"
                                + (f" ({entry.reason})" if entry.reason else ""))


def _same_law(a: Expected, b: Expected) -> bool:
    """Whether two expectations give the same law (labels and zero rows aside)."""
    if a.effective_family != b.effective_family:
        return False
    pa, pb = a.p, b.p
    if set(pa) != set(pb):
        return False
    return all(abs(pa[k] - pb[k]) <= 1e-6 * max(1.0, abs(pa[k]), abs(pb[k])) for k in pa)


_FAMILY_ALIASES = {"zeros": "constant", "ones": "constant"}


def _meets(rule: Rule, base, rec_exp: Expected | None, prm: _Param, shape: tuple, claims: bool,
           from_code: bool = False) -> bool | None:
    """Whether the recorded last write ``base`` is what ``rule`` declares: True, False, or None when the rule
    says nothing (a fallback default, ``skip``, a layer without a known default)."""
    from .formulas import canonical_init_name
    from .record import op_family

    if rule.init == "skip":
        return None
    if from_code and rule.init != "default" and base.caller.endswith("(torch)") and not base.kind == "load":
        return False  # declared by the model's code, last written by a torch layer's own reset_parameters
    if rule.init == "default":
        if not claims:
            return None
        d = default_expected(prm.module, prm.pname, shape, prm.ancestors)
        if d is None:
            return None
        return rec_exp is not None and _same_law(d, rec_exp)
    if rule.unknown_args:
        want = canonical_init_name(rule.init)
        want = _FAMILY_ALIASES.get(want or "", want)
        return op_family(base) == want
    try:
        de = rule.expected(prm.module, prm.pname, shape, prm.ancestors)
    except RuntimeSchemeError:
        return None
    if de is None:
        return None
    return rec_exp is not None and _same_law(de, rec_exp)


def _live_mismatch(rules, base, rec_exp: Expected | None, prm: _Param, shape: tuple):
    """(declared, account, what differs) when the only declared rule has arguments read from the live model and
    the recorded write is of the same family with another law; else None."""
    from .record import op_family

    if len(rules) != 1 or rules[0] is None or not rules[0].live or rec_exp is None:
        return None
    rule = rules[0]
    want = _FAMILY_ALIASES.get(rule.init, rule.init)
    if op_family(base) != want:
        return None
    try:
        de = rule.expected(prm.module, prm.pname, shape, prm.ancestors)
    except RuntimeSchemeError:
        return None
    if de is None or _same_law(de, rec_exp):
        return None
    # only when the write was made by that very call (another write of the same function that the static
    # reading did not attribute -- GPT-2's scaled c_proj -- is judged as before)
    import re as _re

    from .liveargs import call_lines

    where = call_lines(*rule.live_at) if len(rule.live_at) == 2 else None
    m = _re.search(r"\(([^():]+):(\d+)\)$", base.caller or "")
    if where is None or m is None or m.group(1) != where[0] or not where[1] <= int(m.group(2)) <= where[2]:
        return None
    pd, pr = de.p, rec_exp.p
    diff = [f"the recorded {k}={pr[k]:.6g} is not the declared {k}={pd[k]:.6g}" for k in pd
            if k in pr and abs(pd[k] - pr[k]) > 1e-6 * max(1.0, abs(pd[k]))]
    return rule.describe(), rule.live, "; ".join(diff) or "a different law"


_ITERABLE_FAMILIES = ("uniform", "normal", "trunc_normal", "constant")


def _block_label(label: str, blocks) -> str:
    parts = [f"row(s) {list(b.rows)} = {b.value:g} ({b.key!r})" for b in blocks]
    return (label + " + " if label else "") + ", ".join(parts)


def _block_failure(p, blocks, zero_rows: tuple = ()) -> str | None:
    """Why the rows a scheme states exactly (and the zero rows of the expectation) do not hold; None: they do."""
    import torch

    w = p.detach()
    for b in blocks:
        rows = w[list(b.rows)]
        val = float(torch.tensor(b.value, dtype=w.dtype))
        bad = int((rows != val).sum())
        if bad:
            return (f"scheme {b.key!r} states row(s) {list(b.rows)} = {b.value:g}, but {bad} of their "
                    f"{rows.numel()} element(s) differ")
    if zero_rows and bool((w[list(zero_rows)] != 0).any()):
        return f"row(s) {list(zero_rows)} must be exactly zero"
    return None


def _without_rows(p, expected: Expected, blocks):
    """(the rows of ``p`` the statistics see, the expectation for them): the stated rows and the expectation's
    zero rows (already checked exactly) are left out; (None, ...) when no row is left."""
    import torch

    if expected.family not in _ITERABLE_FAMILIES:  # a structured init (eye, orthogonal): judged whole
        return p, expected
    drop = sorted({r for b in blocks for r in b.rows} | set(expected.zero_rows))
    keep = [i for i in range(int(p.shape[0])) if i not in set(drop)]
    label = _block_label(expected.label, blocks)
    rest_exp = Expected(expected.family, expected.params, label, expected.call, ())
    if not keep:
        return None, rest_exp
    return p.detach().index_select(0, torch.tensor(keep, device=p.device)), rest_exp


def _zero_rows(later, t, allowed=()) -> tuple[int, ...] | None:
    """Rows (dim 0) of ``t`` that the partial writes ``later`` set to exactly zero; None when a partial write is
    anything else (then the tensor is not modelled). A write that stays within the ``allowed`` rows (stated
    exactly by the scheme, and checked so) may write anything."""
    from .record import _region

    if t.dim() < 1 or not t.is_contiguous():
        return None
    _, start, _ = _region(t)
    row_bytes = t.stride(0) * t.element_size()
    rows: list[int] = []
    for w in later:
        rel = w.start - start
        if allowed and row_bytes > 0 and not rel % row_bytes and not (w.end - w.start) % row_bytes \
                and set(range(rel // row_bytes, (w.end - start) // row_bytes)) <= set(allowed):
            continue
        if w.law is None or not (w.law[0] == "constant" and w.law[1] == 0.0
                                 or w.law[0] == "init" and w.law[1] in ("zeros_",)
                                 or w.law[0] == "init" and w.law[1] == "constant_" and dict(w.law[2]).get("val") == 0):
            return None
        rel = w.start - start
        if row_bytes <= 0 or rel % row_bytes or (w.end - w.start) % row_bytes:
            return None
        rows.extend(range(rel // row_bytes, (w.end - start) // row_bytes))
    return tuple(sorted(set(rows)))


def _judge_recorded(record, prm: _Param, entry: Entry, rule, origin: str, resolver, skip, ckpt: dict, results,
                    sigs: dict, alpha: float, seed: int, max_samples: int, blocks=()) -> bool:
    """Judge one tensor by intent (the declared rule), the record (its last write) and its values; appends
    its entry to ``results`` (with a check result when its values are tested statistically) and returns True."""
    import torch

    p = prm.tensor
    if skip and skip[0] == "not materialized":
        entry.verdict, entry.reason = skip
        results.append((entry, None, prm, None))
        return True
    h = record.history(p)
    if h is None:
        # torch.tensor(data), torch.from_numpy and tensors made before the build are created without an
        # operation the record sees: a deliberate value, not a draw initlint can check
        entry.verdict = "unverifiable"
        entry.reason = ("no write recorded while the model was built (made from data with torch.tensor or "
                        "from_numpy, or before the build)")
        if p.is_floating_point() and not skip:
            entry.stats = sample_tensor(p, max_samples=max_samples, seed=seed).stats()
        results.append((entry, None, prm, None))
        return True
    base, later = h
    shape = tuple(p.shape)
    written = (base.describe() if base is not None else "") + "".join(f"; then {w.describe()}" for w in later)
    entry.written_by = written.lstrip("; ")
    if base is None:
        entry.verdict = "unverifiable"
        entry.reason = f"only part of it was written ({entry.written_by})"
        results.append((entry, None, prm, None))
        return True
    if base.kind == "alloc" and record.filled and p.is_floating_point() and not bool(torch.isnan(p).any()):
        # the allocation was filled with NaN and none is left: something wrote it behind torch's operations
        # (through .numpy(), a C extension) -- not uninitialized, but not a write the record can judge either
        entry.verdict = "unverifiable"
        entry.reason = "written outside torch's operations (the record saw only its allocation)"
        entry.stats = sample_tensor(p, max_samples=max_samples, seed=seed).stats()
        results.append((entry, None, prm, None))
        return True
    if base.kind == "alloc":
        entry.verdict = "uninitialized"
        entry.expected = "written by an init"
        if later:
            entry.reason = f"partly written ({entry.written_by}): the rest is uninitialized memory"
        else:
            entry.reason = f"never written: uninitialized memory ({base.op} allocated it, nothing wrote it)"
        entry.stats = sample_tensor(p, max_samples=max_samples, seed=seed).stats() if p.is_floating_point() else {}
        results.append((entry, None, prm, None))
        return True
    ck_name = next((n for n in prm.names if n in ckpt), None)
    new_note = ""
    if ckpt:
        if ck_name is not None and tuple(ckpt[ck_name].shape) == shape:
            ref = ckpt[ck_name]
            same = torch.equal(ref.to(device=p.device, dtype=p.dtype), p.detach())
            entry.expected = f"pretrained value from checkpoint ({ck_name})"
            entry.verdict = "pretrained" if same else "overwritten"
            entry.reason = ("still equals the checkpoint" if same else
                            "differs from the checkpoint: overwritten after load"
                            + (f" by {base.describe()}" if base.kind != "load" else ""))
            if p.is_floating_point():
                entry.stats = sample_tensor(p, max_samples=max_samples, seed=seed).stats()
            results.append((entry, None, prm, None))
            return True
        new_note = ("newly initialized: its shape differs from the checkpoint's" if ck_name is not None
                    else "newly initialized: not in the checkpoint")
    if skip:  # integer, complex or empty: written, not checked for a law
        entry.verdict = "computed" if skip[1].startswith("integer") else skip[0]
        entry.reason = f"written by {entry.written_by}" if entry.verdict == "computed" else skip[1]
        results.append((entry, None, prm, None))
        return True
    if base.kind != "load" and record.loaded_before(p, base):
        entry.verdict = "overwritten"
        entry.expected = "the loaded value"
        entry.reason = f"overwritten after load: loaded by load_state_dict, then written by {base.describe()}"
        entry.stats = sample_tensor(p, max_samples=max_samples, seed=seed).stats()
        results.append((entry, None, prm, None))
        return True
    if base.kind == "load":
        entry.verdict = "unverifiable"
        entry.reason = f"loaded by {base.describe()}: pass --checkpoint to compare with the pretrained values"
        results.append((entry, None, prm, None))
        return True
    rec_exp = expected_of_write(base, shape)
    stated = {r for b in blocks for r in b.rows}
    if rec_exp is not None and later:
        rows = _zero_rows(later, p, stated)
        rec_exp = rec_exp.with_zero_rows(rows) if rows else (rec_exp if rows == () else None)
    if blocks:
        why = _block_failure(p, blocks, rec_exp.zero_rows if rec_exp is not None else ())
        if why is not None:
            entry.verdict = "fail"
            entry.expected = _block_label(rec_exp.label if rec_exp is not None else "", blocks)
            entry.reason = f"{why} (last written by {entry.written_by})"
            entry.stats = sample_tensor(p, max_samples=max_samples, seed=seed).stats()
            results.append((entry, None, prm, None))
            return True
    pad = getattr(prm.module, "padding_idx", None)
    if prm.pname == "weight" and isinstance(pad, int) and rec_exp is not None and p.dim() == 2 \
            and not rec_exp.zero_rows and -p.shape[0] <= pad < p.shape[0] and pad % p.shape[0] not in stated:
        row = pad % p.shape[0]
        if bool((p.detach()[row] != 0).any()):
            entry.verdict = "fail"
            entry.expected = f"{rec_exp.label} + zero row {row}"
            entry.reason = (f"padding row {row} (padding_idx) is not zero: overwritten by {base.describe()} after "
                            "the layer zeroed it")
            entry.stats = sample_tensor(p, max_samples=max_samples, seed=seed).stats()
            results.append((entry, None, prm, None))
            return True
    if prm.kind == "buffer":
        entry.verdict = "computed"
        entry.expected = rec_exp.label if rec_exp is not None else None
        entry.reason = f"buffer written by {entry.written_by}"
        results.append((entry, None, prm, None))
        return True
    # intent: the declared rule(s) against the recorded last write
    rules = tuple(rule) if isinstance(rule, (tuple, list)) else ((rule,) if rule is not None else ())
    claims = getattr(resolver, "claims", True)
    from_code = getattr(resolver, "reads_code", False)
    ran_in = getattr(resolver, "declaring_function", None)
    func = ran_in(prm.intent or prm.names[0]) if ran_in is not None else ""
    # the declaring function was on the stack of the last write: the declared code ran and called a torch
    # layer's own init (``m._reset_parameters()`` in an ``_init_weights`` branch)
    # (not for code in __init__ itself: a layer built there is reset by torch inside it too)
    meth = func.rsplit(".", 1)[-1]
    declared_ran = bool(func) and meth != "__init__" and any(
        q == func or meth == "_init_weights" and q.rsplit(".", 1)[-1] == meth for q in base.stack)
    live = _live_mismatch(rules, base, rec_exp, prm, shape)
    if live is not None:
        # the declared arguments were read from the live model (``std=self.config.initializer_range``) and the
        # recorded write drew the same family with other arguments: the model says one thing, its values another
        entry.verdict, entry.expected = "fail", live[0]
        short = origin.split(": ", 1)[0].removeprefix("declared in ").split(" (isinstance")[0]
        entry.reason = f"declared by {short} as {live[0]} ({live[1]} on the live model) but last written by " \
                       f"{base.describe()}: {live[2]}"
        entry.stats = sample_tensor(p, max_samples=max_samples, seed=seed).stats()
        results.append((entry, None, prm, None))
        return True
    verdicts = [_meets(r, base, rec_exp, prm, shape, claims and not declared_ran, from_code) for r in rules]
    if declared_ran:
        verdicts = [None if v is False else v for v in verdicts]
    if rules and rules[0].init == "skip":
        entry.verdict, entry.reason = "unchecked", "skipped by the scheme"
        results.append((entry, None, prm, None))
        return True
    torch_wrote = base.caller.endswith("(torch)") or not base.caller
    if verdicts and all(v is False for v in verdicts) and from_code and not torch_wrote:
        # the intent read statically from the code differs from what the model's own code did last: the
        # record is the better witness of the code (dispatch or data flow the static reading cannot follow)
        decl = " or ".join(r.describe() for r in rules)
        entry.note = f"the static reading declares {decl}; the record shows the model's code wrote it last"
    elif verdicts and all(v is False for v in verdicts):
        decl = " or ".join("its PyTorch default" if r.init == "default" else
                           (re.sub(r"^[\w.]*\.(?=\w+\()", "", r.source) if r.unknown_args and r.source
                            else r.describe())
                           for r in rules)
        entry.verdict = "fail"
        entry.expected = decl
        how = ("the declared init never ran for it" if base.caller.endswith("(torch)") or not base.caller
               else "something else wrote it last")
        if prm.intent and how.startswith("the declared"):
            how += (f" (an init of {prm.intent} after {prm.reparam.how} was applied writes a computed copy that "
                    "is thrown away)")
        short = origin.split(": ", 1)[0].removeprefix("declared in ").split(" (isinstance")[0]
        entry.reason = f"declared by {short} as {decl} but last written by {base.describe()}: {how}"
        entry.stats = sample_tensor(p, max_samples=max_samples, seed=seed).stats()
        results.append((entry, None, prm, None))
        return True
    if rec_exp is None:
        entry.verdict = "unverifiable"
        entry.reason = f"written by {entry.written_by}: a value initlint does not model"
        entry.stats = sample_tensor(p, max_samples=max_samples, seed=seed).stats()
        results.append((entry, None, prm, None))
        return True
    entry.expected = rec_exp.label
    p_stat = p
    if blocks:
        p_stat, rec_exp = _without_rows(p, rec_exp, blocks)
        entry.expected = rec_exp.label
        if p_stat is None:
            entry.verdict, entry.reason = "pass", "every row is stated by the scheme and holds exactly"
            results.append((entry, None, prm, None))
            return True
    excl: tuple[float, ...] = ()
    if rec_exp.family == "trunc_normal" and rec_exp.effective_family == "normal":
        excl = (rec_exp.p["a"], rec_exp.p["b"])
    smp = sample_tensor(p_stat, max_samples=max_samples, seed=seed, exclude_rows=rec_exp.zero_rows,
                        exclude_values_at=excl)
    res = check_tensor(p_stat, rec_exp, max_samples=max_samples, seed=seed, alpha=alpha, sample=smp)
    entry.note = "; ".join(x for x in (new_note, entry.note) if x)
    entry.stats = smp.stats()
    if not rec_exp.zero_rows and not excl and not blocks:
        sigs[id(prm)] = _signature(p, smp)
    results.append((entry, res, prm, rec_exp))
    return True


def _unjudgeable(prm: _Param, entry: Entry, record, skip, scripted: bool, script_reason: str, max_samples: int,
                 seed: int) -> bool:
    """Tensors no intent can judge (a TorchScript module's, a parametrization's opaque ``original``) are
    ``unverifiable`` with the reason; weight_norm's magnitude g is checked exactly against the norm of v.
    Returns True when ``entry`` is decided."""
    from .unwrap import layer_name, magnitude_matches

    rp = prm.reparam
    if not scripted and rp is None or rp is not None and rp.role == "intent" and not scripted:
        return False
    if skip:
        entry.verdict, entry.reason = skip
        return True
    if record is not None:
        h = record.history(prm.tensor)
        if h is not None and h[0] is not None:
            entry.written_by = h[0].describe() + "".join(f"; then {w.describe()}" for w in h[1])
    if prm.tensor.is_floating_point():
        entry.stats = sample_tensor(prm.tensor, max_samples=max_samples, seed=seed).stats()
    if scripted:
        entry.verdict, entry.reason = "unverifiable", script_reason
    elif rp.role == "magnitude":
        entry.layer = layer_name(rp.module)
        if magnitude_matches(prm.tensor, rp.of, rp.dim):
            entry.verdict, entry.expected = "pass", f"norm of {rp.of_name} (weight_norm)"
            entry.reason = (f"weight_norm magnitude: equals the norm of {rp.of_name} exactly, so the {rp.pname} "
                            f"used equals {rp.of_name}")
        else:
            entry.verdict = "unverifiable"
            entry.reason = (f"weight_norm magnitude is not the norm of {rp.of_name}: the {rp.pname} used is "
                            f"g * v / |v|, whose law initlint does not model")
    else:
        entry.verdict, entry.reason = "unverifiable", rp.reason
    return True


def expected_of_write(w, shape):
    from .record import expected_of

    return expected_of(w, shape)


def _best_match(prm: _Param, t, seed: int, max_samples: int) -> str:
    from .fingerprint import fingerprint

    try:
        d = default_expected(prm.module, prm.pname, tuple(t.shape), prm.ancestors)
    except Exception:  # noqa: BLE001 - a best guess must never break verification
        d = None
    try:
        return fingerprint(t, d, seed=seed, max_samples=max_samples).best
    except Exception as e:  # noqa: BLE001
        return f"(fingerprint failed: {e})"


def _decide(report: Report, results, alpha: float) -> None:
    """Pool small tensors per declared rule, then apply Holm across all statistical units."""
    from .stats import holm

    units: list[tuple[float, list[tuple[Entry, CheckResult]]]] = []
    pools: dict[tuple, list[tuple[Entry, CheckResult]]] = {}
    for entry, res, prm, expected in results:
        if res is None:
            report.entries.append(entry)
            continue
        entry.p_value = res.p_value
        entry.components = res.components
        entry.reason = res.reason
        entry.verdict = res.verdict
        report.entries.append(entry)
        if not res.statistical:
            continue
        if res.components.get("support", 1.0) == 0.0 or res.p_value == 0.0:
            entry.verdict = "fail"
            continue
        if res.n_tested < MIN_POWER_N and res.pool_key is not None:
            key = (entry.rule, entry.layer, prm.pname, res.pool_key)
            pools.setdefault(key, []).append((entry, res))
            entry.verdict = "inconclusive"
            continue
        units.append((float(res.p_value if res.p_value is not None else 1.0), [(entry, res)]))
    for key, members in pools.items():
        z = np.concatenate([r.pool_values for _, r in members])
        if z.size < MIN_POWER_N:
            for entry, res in members:
                entry.verdict = "inconclusive"
                entry.reason = (f"only {res.n_tested} elements"
                                + (f" (pooled with {len(members) - 1} alike: {z.size})" if len(members) > 1 else "")
                                + ": too few to test")
            continue
        comps = standard_tests(key[-1], z)
        p = combine(comps)
        for entry, _ in members:
            entry.components = dict(comps, pooled_elements=float(z.size))
            entry.p_value = p
        units.append((p, members))
    report.unit_pvalues = [u[0] for u in units]
    rejected = holm([u[0] for u in units], alpha)
    for (p, members), rej in zip(units, rejected):
        for entry, res in members:
            pooled = len(members) > 1 or res.n_tested < MIN_POWER_N
            if rej:
                entry.verdict = "fail"
                from .checks import _why

                suffix = " (pooled test of tensors sharing this rule)" if pooled else ""
                entry.reason = _why(entry.components) + suffix
            else:
                entry.verdict = "pass"
                entry.reason = f"pooled with {len(members)} tensor(s) sharing this rule" if pooled else ""
    n_units = len(units)
    if n_units:
        report.notes.append(f"{n_units} statistical test unit(s); Holm family-wise error control at alpha={alpha:g}")


def _duplicate_notes(report: Report, results, sigs: dict) -> None:
    """Note distinct tensors with identical values (same shape: same subsample positions, then torch.equal)."""
    import torch

    groups: dict[tuple, list] = {}
    for entry, res, prm, _ in results:
        sig = sigs.get(id(prm))
        if sig is None:
            continue
        groups.setdefault(sig, []).append((entry, prm.tensor))
    for same in groups.values():
        if len(same) > 1 and all(torch.equal(same[0][1], t) for _, t in same[1:]):
            report.notes.append("identical values (deep copies, e.g. TransformerEncoder clones?): "
                                + ", ".join(e.name for e, _ in same))


def _signature(p, smp) -> tuple | None:
    if smp.numel < 2 or smp.minimum == smp.maximum or not smp.whole and smp.values.size < 2:
        return None
    return (tuple(p.shape), str(p.dtype), str(p.device), smp.values[:64].tobytes())


def inspect_model(model, **kwargs) -> Report:
    """Fingerprint every parameter: the most likely scheme in the catalogue (``best_match``)."""
    from .checks import cpu_threads

    with cpu_threads():
        return _inspect_model(model, **kwargs)


def _inspect_model(model, *, seed: int = 0, max_samples: int = DEFAULT_MAX_SAMPLES, alpha: float = 1e-3,
                   target: str = "<model>") -> Report:
    """Fingerprint every parameter: the most likely scheme in the catalogue (``best_match``)."""
    from .fingerprint import fingerprint

    report = Report("inspect", target, alpha=alpha)
    params = collect_parameters(model)
    if not params:
        report.notes.append("the model has no parameters")
    a_t = alpha / max(1, len(params))
    for prm in params:
        p = prm.tensor
        entry = Entry(list(prm.names), type(prm.module).__name__, _shape(p), str(p.dtype).replace("torch.", ""),
                      None, "identified")
        skip = _skip_reason(p)
        if skip:
            entry.verdict, entry.reason = skip
            report.entries.append(entry)
            continue
        d = default_expected(prm.module, prm.pname, tuple(p.shape), prm.ancestors)
        entry.expected = d.label if d is not None else None
        s = sample_tensor(p, max_samples=max_samples, seed=seed)
        fp = fingerprint(p, d, sample=s, seed=seed, alpha=a_t)
        entry.best_match = fp.best
        entry.p_value = fp.p_value
        entry.stats = dict(s.stats(), consistent=fp.consistent)
        if fp.best.startswith("other"):
            entry.verdict = "other"
        elif s.values.size < MIN_POWER_N and fp.p_value is not None:
            entry.verdict = "inconclusive"
            entry.reason = f"only {s.values.size} elements"
        elif d is not None and fp.group and d.label in fp.group:
            entry.verdict = "default"
        report.entries.append(entry)
    return report
